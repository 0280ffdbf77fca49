//! The mouse: the wheel scrolls the pane under the pointer, a click focuses
//! and selects.

use super::navigate::{follow, inner_of, move_in, move_pager, open_doc, select_document};
use crate::corpus::Document;
use crate::library::Library;
use crate::tui::layout::sidebar::SidebarText;
use crate::tui::layout::text::max_scroll;
use crate::tui::layout::{Pane, ROW_HEIGHT, inner};
use crate::tui::msg::Action;
use crate::tui::state::AppState;

/// Lines the mouse wheel scrolls the reader by.
pub(super) const WHEEL_LINES: usize = 3;

pub(super) fn scroll_at(
    state: &mut AppState,
    library: &Library,
    column: u16,
    row: u16,
    down: bool,
) {
    if state.overlays.last().is_some() {
        move_pager(
            state,
            library,
            if down {
                &Action::MoveDown
            } else {
                &Action::MoveUp
            },
        );
        return;
    }
    let panes = state.panes();
    let Some(pane) = panes.at(column, row) else {
        return;
    };
    let action = if down {
        Action::MoveDown
    } else {
        Action::MoveUp
    };
    match pane {
        Pane::Reader => {
            if let Some(doc) = open_doc(state, &library.corpus) {
                wheel_reader(state, doc, down);
            }
        }
        _ => move_in(state, library, pane, &action),
    }
}

pub(super) fn click_at(state: &mut AppState, library: &Library, column: u16, row: u16) {
    let corpus = &library.corpus;
    if state.overlays.last().is_some() {
        return;
    }
    // Hit-test against what was on screen before the focus moves.
    let panes = state.panes();
    let Some(pane) = panes.at(column, row) else {
        return;
    };
    state.focus = pane;
    let Some(area) = panes.rect(pane).map(inner) else {
        return;
    };
    if row < area.y || row >= area.bottom() {
        return;
    }
    let line = usize::from(row - area.y);
    match pane {
        Pane::List => {
            let index = (state.list_scroll + line) / ROW_HEIGHT;
            if index < state.order.len() {
                select_document(state, index);
            }
        }
        Pane::Reader => {
            let (Some(doc), Some(d)) = (open_doc(state, corpus), state.open()) else {
                return;
            };
            let text = state.reader_text(d, doc, area.width);
            let scroll = state.reader().scroll;
            if let Some(paragraph) = text.paragraph_at(scroll + line)
                && let Some(position) = state.readers.get_mut(d)
            {
                position.cursor = paragraph;
            }
        }
        Pane::Sidebar => {
            let Some(d) = state.open() else {
                return;
            };
            let text = SidebarText::lay_out(library, d, usize::from(area.width));
            if let Some(entry) = text.entry_at(state.sidebar.scroll + line) {
                state.sidebar.selected = entry;
            }
        }
    }
}

/// The mouse wheel over the reader: scroll only, with the cursor kept on
/// screen.
pub(super) fn wheel_reader(state: &mut AppState, doc: &Document, down: bool) {
    let (Some(area), Some(d)) = (inner_of(state, Pane::Reader), state.open()) else {
        return;
    };
    let text = state.reader_text(d, doc, area.width);
    let rows = usize::from(area.height);
    let max = max_scroll(text.lines.len(), rows);
    if let Some(position) = state.readers.get_mut(d) {
        let scroll = position.scroll.min(max);
        position.scroll = if down {
            (scroll + WHEEL_LINES).min(max)
        } else {
            scroll.saturating_sub(WHEEL_LINES)
        };
        follow(&mut position.cursor, &text, position.scroll, rows, down);
    }
}
