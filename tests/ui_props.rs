//! Any size and any sequence of keys, clicks and resizes: no panic, every
//! selection in range, and no control character on screen.

mod common;

use common::bundled;
use nkread::library::Library;
use nkread::tui::keymap::{KeyMap, Layer};
use nkread::tui::layout::reader::ReaderText;
use nkread::tui::layout::sidebar::SidebarText;
use nkread::tui::msg::{Action, Msg};
use nkread::tui::state::{AppState, Overlay, ReaderState, Settings};
use nkread::tui::theme::{Preset, Theme};
use nkread::tui::update::update;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::sync::OnceLock;

/// The default settings in the dark theme, whose styles a cell check sees.
fn dark() -> Settings {
    Settings {
        theme: Theme::preset(Preset::Dark),
        ..Settings::default()
    }
}

fn library() -> &'static Library {
    static CORPUS: OnceLock<Library> = OnceLock::new();
    CORPUS.get_or_init(bundled)
}

/// Every action the key map can produce, plus typing, the mouse and resizes.
fn msg() -> impl Strategy<Value = Msg> {
    let keymap = KeyMap::default();
    let bound: Vec<Action> = Layer::ALL
        .iter()
        .flat_map(|&l| keymap.layer(l).into_iter().map(|(a, _)| a))
        .filter(|a| *a != Action::Quit && *a != Action::ForceQuit)
        .collect();
    prop_oneof![
        8 => proptest::sample::select(bound).prop_map(Msg::Do),
        1 => any::<char>().prop_map(Msg::Typed),
        1 => ".{0,300}".prop_map(Msg::Paste),
        1 => (0u16..=300, 0u16..=100).prop_map(|(c, r)| Msg::Resize(c, r)),
        1 => (0u16..=300, 0u16..=100, any::<bool>())
            .prop_map(|(column, row, down)| Msg::ScrollAt { column, row, down }),
        1 => (0u16..=300, 0u16..=100).prop_map(|(column, row)| Msg::ClickAt { column, row }),
    ]
}

fn check(state: &AppState, lib: &Library, terminal: &mut Terminal<TestBackend>) {
    let (columns, rows) = state.size;
    terminal.backend_mut().resize(columns, rows);
    terminal
        .draw(|frame| nkread::tui::view::view(state, lib, frame))
        .expect("draws");
    for cell in terminal.backend().buffer().content() {
        assert!(
            !cell.symbol().chars().any(char::is_control),
            "a control character on screen: {:?}",
            cell.symbol()
        );
    }
    // The cursor, for screen readers: shown wherever anything is drawn,
    // and always on the screen.
    let backend = terminal.backend();
    let drawn = state.panes().status.is_some();
    assert_eq!(
        backend.cursor_visible(),
        drawn,
        "the cursor is shown with the panes"
    );
    if drawn {
        let at = backend.cursor_position();
        assert!(
            at.x < columns && at.y < rows,
            "the cursor {at:?} is off screen"
        );
    }
    assert!(state.selected < state.order.len());
    let open = state.open().expect("a document is open");
    let doc = &lib.corpus.documents[open];
    let position = state.reader();
    assert!(position.cursor < doc.paragraphs.len());
    let panes = state.panes();
    if let Some(area) = panes.reader.map(nkread::tui::layout::inner)
        && position != ReaderState::default()
        && area.height > 0
    {
        let text = ReaderText::lay_out(
            doc,
            usize::from(area.width),
            state.options,
            state.fold_signatures,
        );
        let rows = usize::from(area.height);
        assert!(position.scroll <= text.lines.len().saturating_sub(rows));
        let span = text.paragraphs[position.cursor].clone();
        // Below the last paragraph are the signatures, read with the
        // cursor left on it.
        let last = position.cursor + 1 == doc.paragraphs.len();
        assert!(
            (span.end > position.scroll || last) && span.start < position.scroll + rows,
            "the reading cursor is on screen, or above the signatures"
        );
    }
    if let Some(area) = panes.sidebar.map(nkread::tui::layout::inner) {
        let entries = SidebarText::lay_out(lib, open, usize::from(area.width))
            .entries
            .len();
        assert!(state.sidebar.selected < entries.max(1));
    }
    if let Some(Overlay::Grid(grid)) = state.overlays.last() {
        assert!(grid.selected < grid.listed.len().max(1));
        assert!(grid.column <= grid.grid.docs().len());
        assert!(grid.listed.iter().all(|&row| row < grid.grid.len()));
    }
    if let Some(Overlay::Bookmarks(pane)) = state.overlays.last() {
        let listed = nkread::tui::layout::bookmarks::listed(
            lib,
            &state.bookmarks,
            &state.places,
            pane.filter.text(),
        );
        assert!(pane.selected < listed.len().max(1));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_size_and_any_keys_render_without_panic(
        columns in 0u16..=300,
        rows in 0u16..=100,
        actions in proptest::collection::vec(msg(), 0..200),
        borders in any::<bool>(),
    ) {
        let lib = library();
        let mut state = AppState::new(&lib.corpus, &dark());
        state.theme.borders = borders;
        let mut terminal = Terminal::new(TestBackend::new(columns, rows)).expect("a test terminal");
        update(&mut state, lib, Msg::Resize(columns, rows));
        check(&state, lib, &mut terminal);
        for action in actions {
            update(&mut state, lib, action);
            check(&state, lib, &mut terminal);
        }
    }
}

#[test]
fn every_size_up_to_500x200_draws() {
    let lib = library();
    let mut state = AppState::new(&lib.corpus, &dark());
    let mut terminal = Terminal::new(TestBackend::new(0, 0)).expect("a test terminal");
    let boundaries = [19, 20, 59, 60, 99, 100];
    for (columns, rows) in (0..=500)
        .step_by(7)
        .chain(boundaries)
        .flat_map(|c| [0, 1, 2, 3, 5, 6, 7, 24, 200].map(|r| (c, r)))
    {
        update(&mut state, lib, Msg::Resize(columns, rows));
        check(&state, lib, &mut terminal);
    }
}
