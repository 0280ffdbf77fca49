//! The pure view: draws the state into a frame, and reads nothing else.

pub mod bookmarks;
pub mod doc_list;
pub mod grid;
pub mod help;
pub mod input;
pub mod people;
pub mod reader;
pub mod search;
pub mod sidebar;
pub mod status;

use crate::library::Library;
use crate::tui::layout::{self, Pane};
use crate::tui::state::{AppState, Overlay};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::symbols::merge::MergeStrategy;
use ratatui::text::Line;
use ratatui::widgets::{Block, Padding, Paragraph};

pub fn view(state: &AppState, library: &Library, frame: &mut Frame) {
    let corpus = &library.corpus;
    let screen = frame.area();
    let panes = layout::panes(
        screen.width,
        screen.height,
        state.focus,
        state.sidebar_visible,
        state.options,
    );
    let Some(status) = panes.status else {
        frame.render_widget(too_small(screen), screen);
        return;
    };
    let doc = state.open().and_then(|d| corpus.documents.get(d));
    // Panes share their border columns: the focused one is drawn last so
    // that the shared column takes its colour.
    let order = [Pane::List, Pane::Reader, Pane::Sidebar];
    let unfocused = order.into_iter().filter(|&p| p != state.focus);
    for pane in unfocused.chain([state.focus]) {
        let Some(area) = panes.rect(pane) else {
            continue;
        };
        match (pane, doc) {
            (Pane::List, _) => frame.render_widget(
                doc_list::DocListView {
                    corpus,
                    order: &state.order,
                    marked: &state.marked,
                    bookmarks: &state.bookmarked,
                    selected: state.selected,
                    scroll: state.list_scroll,
                    focused: state.focus == Pane::List,
                    theme: &state.theme,
                },
                area,
            ),
            (Pane::Reader, Some(doc)) => draw_reader(state, library, doc, area, frame),
            (Pane::Sidebar, Some(_)) => frame.render_widget(
                sidebar::SidebarView {
                    library,
                    doc: state.open().unwrap_or_default(),
                    state: state.sidebar,
                    focused: state.focus == Pane::Sidebar,
                    theme: &state.theme,
                },
                area,
            ),
            (_, None) => {}
        }
    }
    let building = status::indexing(library, state.indexed, state.paragraphs);
    frame.render_widget(status::StatusView { state, building }, status);
    match state.overlays.last() {
        Some(Overlay::Help { scroll }) => frame.render_widget(
            help::HelpView {
                keymap: &state.keymap,
                scroll: *scroll,
                theme: &state.theme,
            },
            screen,
        ),
        Some(Overlay::People(people)) => frame.render_widget(
            people::PeopleView {
                library,
                state: people,
                theme: &state.theme,
            },
            screen,
        ),
        Some(Overlay::Bookmarks(pane)) => frame.render_widget(
            bookmarks::BookmarksView {
                library,
                bookmarks: &state.bookmarks,
                held_aside: state.held_aside.as_deref(),
                places: &state.places,
                state: pane,
                theme: &state.theme,
            },
            screen,
        ),
        Some(Overlay::Search(search)) => frame.render_widget(
            search::SearchView {
                library,
                state: search,
                theme: &state.theme,
            },
            screen,
        ),
        Some(Overlay::Grid(grid)) => frame.render_widget(
            grid::GridView {
                library,
                state: grid,
                theme: &state.theme,
            },
            screen,
        ),
        None => {}
    }
}

fn draw_reader(
    state: &AppState,
    library: &Library,
    doc: &crate::corpus::Document,
    area: Rect,
    frame: &mut Frame,
) {
    let matched = match (&state.last_query, state.open()) {
        (Some(query), Some(d)) => layout::search::marks(library, query, d, state.reader().cursor),
        _ => Vec::new(),
    };
    let bookmarked: Vec<usize> = state
        .places
        .iter()
        .filter_map(|place| place.passage())
        .filter(|&(d, _)| Some(d) == state.open())
        .map(|(_, p)| p)
        .collect();
    frame.render_widget(
        reader::ReaderView {
            doc,
            text: &state.reader_text(
                state.open().unwrap_or_default(),
                doc,
                layout::inner(area).width,
            ),
            position: state.reader(),
            focused: state.focus == Pane::Reader,
            theme: &state.theme,
            matched: &matched,
            bookmarked: &bookmarked,
        },
        area,
    );
}

/// The frame every pane and overlay is drawn in: the border and title in
/// the focused or the plain style, and where one is, if given, at the right.
pub fn frame(title: String, place: Option<String>, focused: bool, theme: &Theme) -> Block<'static> {
    let style = if focused {
        theme.border_focused
    } else {
        theme.border
    };
    // A border column shared with a pane drawn before keeps none of its
    // modifiers (a dim line drawn over in bold would stay dim).
    let style = style.remove_modifier(Modifier::all().difference(style.add_modifier));
    let block = Block::bordered()
        .border_style(style)
        .title(Line::from(title).style(style));
    match place {
        Some(place) => block.title_top(Line::from(place).right_aligned()),
        None => block,
    }
}

/// A pane's frame: as `frame`, merged with the borders of the panes beside it.
pub fn pane_frame(
    title: String,
    place: Option<String>,
    focused: bool,
    theme: &Theme,
) -> Block<'static> {
    frame(title, place, focused, theme).merge_borders(MergeStrategy::Exact)
}

/// "terminal too small", the size and the minimum, wrapped and centred in
/// whatever there is, and cut to fit where even that is too much.
fn too_small(screen: Rect) -> Paragraph<'static> {
    let width = usize::from(screen.width);
    let size = format!(
        "{}×{} (needs {}×{})",
        screen.width,
        screen.height,
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT
    );
    let lines: Vec<Line> = ["terminal too small", size.as_str()]
        .into_iter()
        .flat_map(|text| layout::text::wrap(text, width))
        .take(usize::from(screen.height))
        .map(|line| Line::raw(line).centered())
        .collect();
    let top = screen.height.saturating_sub(lines.len() as u16) / 2;
    Paragraph::new(lines).block(Block::new().padding(Padding::top(top)))
}
