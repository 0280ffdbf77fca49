//! The pure view: draws the state into a frame, and reads nothing else.

pub mod bookmarks;
pub mod doc_list;
pub mod help;
pub mod input;
pub mod overlap;
pub mod people;
pub mod reader;
pub mod search;
pub mod sidebar;
pub mod status;

use crate::library::Library;
use crate::search::{Field, Query, Scope};
use crate::tui::state::{AppState, Overlay, Pane};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Block;

/// What the configuration sets about drawing the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ViewOptions {
    /// The widest measure prose is wrapped to; wider panes centre it.
    pub reading_width: usize,
    /// Whether paragraph numbers are drawn in the reader's margin.
    pub paragraph_numbers: bool,
    /// The sidebar's width in columns, or 0 for a share of the screen.
    pub sidebar_width: u16,
}

impl Default for ViewOptions {
    fn default() -> ViewOptions {
        ViewOptions {
            reading_width: reader::READING_WIDTH,
            paragraph_numbers: true,
            sidebar_width: 0,
        }
    }
}

/// An overlay's area: centred, at most `max_width` wide, leaving `margin`
/// columns on each side and a row above and below.
pub fn centred(screen: Rect, max_width: u16, margin: u16) -> Rect {
    let width = screen.width.saturating_sub(2 * margin).min(max_width);
    let height = screen.height.saturating_sub(2);
    Rect {
        x: screen.x + (screen.width - width) / 2,
        y: screen.y + (screen.height - height) / 2,
        width,
        height,
    }
}

/// The inner area of a bordered pane.
pub fn inner(area: Rect) -> Rect {
    Block::bordered().inner(area)
}

pub fn view(state: &AppState, library: &Library, frame: &mut Frame) {
    let corpus = &library.corpus;
    let screen = frame.area();
    let panes = crate::tui::layout::panes(
        screen.width,
        screen.height,
        state.focus,
        state.sidebar_visible,
        state.options.sidebar_width,
    );
    let Some(status) = panes.status else {
        frame.render_widget(Line::raw(too_small(screen.width)), screen);
        return;
    };
    let doc = state.open().and_then(|d| corpus.documents.get(d));
    if let Some(area) = panes.list {
        frame.render_widget(
            doc_list::DocListView {
                corpus,
                order: &state.order,
                marked: &state.marked,
                bookmarks: &bookmark_counts(state, library),
                selected: state.selected,
                scroll: state.list_scroll,
                focused: state.focus == Pane::List,
                theme: &state.theme,
            },
            area,
        );
    }
    if let (Some(area), Some(doc)) = (panes.reader, doc) {
        let matched = matched(state, library);
        let bookmarked: Vec<usize> = state
            .bookmarks
            .iter()
            .filter_map(|b| library.locator.place(b).passage())
            .filter(|&(d, _)| Some(d) == state.open())
            .map(|(_, p)| p)
            .collect();
        frame.render_widget(
            reader::ReaderView {
                doc,
                position: state.reader(),
                focused: state.focus == Pane::Reader,
                theme: &state.theme,
                matched: &matched,
                bookmarked: &bookmarked,
                options: state.options,
            },
            area,
        );
    }
    if let (Some(area), Some(_)) = (panes.sidebar, doc) {
        frame.render_widget(
            sidebar::SidebarView {
                library,
                doc: state.open().unwrap_or_default(),
                state: state.sidebar,
                focused: state.focus == Pane::Sidebar,
                theme: &state.theme,
            },
            area,
        );
    }
    frame.render_widget(status::StatusView { state }, status);
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
        Some(Overlay::Overlap { docs, scroll }) => frame.render_widget(
            overlap::OverlapView {
                library,
                docs,
                scroll: *scroll,
                theme: &state.theme,
            },
            screen,
        ),
        None => {}
    }
}

/// How many bookmarks each document holds.
fn bookmark_counts(state: &AppState, library: &Library) -> Vec<usize> {
    let mut counts = vec![0; library.corpus.documents.len()];
    for b in &state.bookmarks {
        if let Some(d) = library.locator.place(b).doc() {
            counts[d] += 1;
        }
    }
    counts
}

/// The characters of the paragraph under the reading cursor that the last
/// search matched.
fn matched(state: &AppState, library: &Library) -> Vec<usize> {
    let (Some(text), Some(doc)) = (&state.last_query, state.open()) else {
        return Vec::new();
    };
    let Ok(query) = Query::parse(text, &library.corpus) else {
        return Vec::new();
    };
    // Only a paragraph the query matches is marked, as n and N step.
    let field = Field::Paragraph(state.reader().cursor);
    let hits = library
        .search
        .search(&query, Scope::Doc(doc), usize::MAX)
        .hits;
    match hits.into_iter().find(|hit| hit.field == field) {
        Some(hit) => library.search.indices(&hit, &query, &library.corpus),
        None => Vec::new(),
    }
}

/// The longest "too small" message that fits.
fn too_small(width: u16) -> &'static str {
    ["terminal too small", "too small", "small", ""]
        .into_iter()
        .find(|m| m.len() <= usize::from(width))
        .unwrap_or("")
}
