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
use crate::tui::layout::{self, Pane};
use crate::tui::state::{AppState, Overlay};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::text::Line;
use ratatui::widgets::Block;

pub fn view(state: &AppState, library: &Library, frame: &mut Frame) {
    let corpus = &library.corpus;
    let screen = frame.area();
    let panes = layout::panes(
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
                bookmarks: &state.bookmarked,
                selected: state.selected,
                scroll: state.list_scroll,
                focused: state.focus == Pane::List,
                theme: &state.theme,
            },
            area,
        );
    }
    if let (Some(area), Some(doc)) = (panes.reader, doc) {
        let matched = match (&state.last_query, state.open()) {
            (Some(query), Some(d)) => {
                layout::search::marks(library, query, d, state.reader().cursor)
            }
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
    let building = layout::search::indexing(library, state.indexed, state.paragraphs);
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
        Some(Overlay::Overlap {
            docs,
            scroll,
            selected,
        }) => frame.render_widget(
            overlap::OverlapView {
                library,
                docs,
                scroll: *scroll,
                selected: *selected,
                theme: &state.theme,
            },
            screen,
        ),
        None => {}
    }
}

/// The frame every pane and overlay is drawn in: the border and title in
/// the focused or the plain style, and where one is, if given, at the right.
pub fn frame(title: String, place: Option<String>, focused: bool, theme: &Theme) -> Block<'static> {
    let style = if focused {
        theme.border_focused
    } else {
        theme.border
    };
    let block = Block::bordered()
        .border_style(style)
        .title(Line::from(title).style(style));
    match place {
        Some(place) => block.title_top(Line::from(place).right_aligned()),
        None => block,
    }
}

/// The longest "too small" message that fits.
fn too_small(width: u16) -> &'static str {
    ["terminal too small", "too small", "small", ""]
        .into_iter()
        .find(|m| m.len() <= usize::from(width))
        .unwrap_or("")
}
