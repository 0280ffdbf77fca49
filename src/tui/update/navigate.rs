//! Moving: between panes, through the list, the reader and the sidebar,
//! in the pagers, and keeping every position valid after a change.

use crate::corpus::{Corpus, Document};
use crate::library::Library;
use crate::tui::layout::reader::ReaderText;
use crate::tui::layout::sidebar::SidebarText;
use crate::tui::layout::text::{land, max_scroll, reveal};
use crate::tui::layout::{self, Pane, ROW_HEIGHT, WIDE, inner, pager, source};
use crate::tui::msg::{Action, Msg};
use crate::tui::state::{AppState, Overlay, ReaderState, SidebarState};
use ratatui::layout::Rect;

/// The action a message stands for in a list: a bound key, or the mouse
/// wheel as a move by one.
pub(super) fn bound(msg: &Msg) -> Option<Action> {
    match *msg {
        Msg::Do(action) => Some(action),
        Msg::ScrollAt { down: true, .. } => Some(Action::MoveDown),
        Msg::ScrollAt { down: false, .. } => Some(Action::MoveUp),
        _ => None,
    }
}

/// Closes every overlay and reads `doc`, with the cursor on `paragraph`.
pub(super) fn open_at(
    state: &mut AppState,
    library: &Library,
    doc: usize,
    paragraph: Option<usize>,
) {
    state.overlays.clear();
    if let Some(at) = state.order.iter().position(|&d| d == doc) {
        select_document(state, at);
    }
    if let (Some(p), Some(position)) = (paragraph, state.readers.get_mut(doc)) {
        position.cursor = p;
    }
    state.focus = Pane::Reader;
    if let Some(d) = library.corpus.documents.get(doc) {
        land_cursor(state, d, None);
    }
}

/// Lines of context kept above the paragraph a jump lands on.
const CONTEXT: usize = 2;

/// After a jump (a hit, n, a bookmark, a passage): the cursor's paragraph
/// near the top with a little context above, unless it is on screen
/// already, and `at`, a character of it (the match), on screen.
pub(super) fn land_cursor(state: &mut AppState, doc: &Document, at: Option<usize>) {
    let (Some(area), Some(d)) = (inner_of(state, Pane::Reader), state.open()) else {
        return;
    };
    let text = state.reader_text(d, doc, area.width);
    let rows = usize::from(area.height);
    let max = max_scroll(text.lines.len(), rows);
    if let Some(position) = state.readers.get_mut(d)
        && let Some(span) = text.paragraphs.get(position.cursor)
    {
        let target = at.map_or(span.start, |at| {
            span.clone()
                .take_while(|&l| text.lines[l].start <= at)
                .last()
                .unwrap_or(span.start)
        });
        let top = position.scroll.min(max);
        position.scroll = land(top, rows, span.clone(), target, CONTEXT).min(max);
    }
}

pub(super) fn open_doc<'c>(state: &AppState, corpus: &'c Corpus) -> Option<&'c Document> {
    state.open().and_then(|d| corpus.documents.get(d))
}

/// The inner area of `pane` on screen, or, where it is folded away, the
/// area it has once focused.
pub(super) fn inner_of(state: &AppState, pane: Pane) -> Option<Rect> {
    let (columns, rows) = state.size;
    let (visible, options) = (state.sidebar_visible, state.options);
    layout::panes(columns, rows, state.focus, visible, options)
        .rect(pane)
        .or_else(|| layout::panes(columns, rows, pane, visible, options).rect(pane))
        .map(inner)
}

pub(super) fn cycle_focus(state: &mut AppState, forward: bool) {
    let mut ring = vec![Pane::List, Pane::Reader];
    if state.sidebar_visible {
        ring.push(Pane::Sidebar);
    }
    let at = ring.iter().position(|&p| p == state.focus).unwrap_or(0);
    let next = if forward {
        (at + 1) % ring.len()
    } else {
        (at + ring.len() - 1) % ring.len()
    };
    state.focus = ring[next];
}

/// `s` shows the sidebar where it is not on screen (going to it where it
/// folds away), and hides it where it is.
pub(super) fn toggle_sidebar(state: &mut AppState) {
    if state.panes().sidebar.is_some() {
        state.sidebar_visible = false;
        if state.focus == Pane::Sidebar {
            state.focus = Pane::Reader;
        }
    } else {
        state.sidebar_visible = true;
        if state.size.0 < WIDE {
            state.focus = Pane::Sidebar;
        }
    }
}

/// Scrolls the help or the capture.
pub(super) fn move_pager(state: &mut AppState, library: &Library, action: &Action) {
    let screen = Rect::new(0, 0, state.size.0, state.size.1);
    match state.overlays.last_mut() {
        Some(Overlay::Help { scroll }) => {
            let (columns, rows) = pager::inner_size(screen);
            let total = pager::help_lines(&state.keymap, &state.theme, columns).len();
            *scroll = step(*scroll, action, rows, max_scroll(total, rows));
        }
        Some(Overlay::Problems { scroll }) => {
            let (columns, rows) = pager::inner_size(screen);
            let total = pager::problem_lines(&state.load_problems, &state.theme, columns).len();
            *scroll = step(*scroll, action, rows, max_scroll(total, rows));
        }
        Some(Overlay::Source(source)) => {
            let (columns, rows) = source::inner_size(screen);
            let total = match (&source.capture, library.corpus.documents.get(source.doc)) {
                (Some(Ok(text)), Some(doc)) => {
                    source::laid_out(source.laid.as_ref(), doc, text, columns)
                        .lines
                        .len()
                }
                _ => 0,
            };
            source.scroll = step(source.scroll, action, rows, max_scroll(total, rows));
        }
        _ => {}
    }
}

/// A position moved by one, by a page or to an end, within 0..=max.
pub(super) fn step(at: usize, action: &Action, page: usize, max: usize) -> usize {
    let page = page.saturating_sub(1).max(1);
    match action {
        Action::MoveUp | Action::PrevParagraph => at.saturating_sub(1),
        Action::MoveDown | Action::NextParagraph => at + 1,
        Action::PageUp => at.saturating_sub(page),
        Action::PageDown => at + page,
        Action::GoTop => 0,
        Action::GoBottom => max,
        _ => at,
    }
    .min(max)
}

pub(super) fn move_in(state: &mut AppState, library: &Library, pane: Pane, action: &Action) {
    let corpus = &library.corpus;
    match pane {
        Pane::List => {
            let rows = inner_of(state, Pane::List).map_or(1, |r| usize::from(r.height));
            let last = state.order.len().saturating_sub(1);
            select_document(state, step(state.selected, action, rows / ROW_HEIGHT, last));
        }
        Pane::Reader => {
            if let Some(doc) = open_doc(state, corpus) {
                move_reader(state, doc, action);
            }
        }
        Pane::Sidebar => {
            if let (Some(d), Some(area)) = (state.open(), inner_of(state, pane)) {
                let text = SidebarText::lay_out(library, d, usize::from(area.width));
                let last = text.entries.len().saturating_sub(1);
                let rows = usize::from(area.height);
                // A page holds about as many entries as the screen shows.
                let page = text.entries.len() * rows / text.line_count().max(1);
                state.sidebar.selected = step(state.sidebar.selected, action, page, last);
            }
        }
    }
}

pub(super) fn select_document(state: &mut AppState, selected: usize) {
    if selected != state.selected {
        state.selected = selected;
        state.sidebar = SidebarState::default();
    }
}

/// The next or previous document of the list, read where it was left;
/// at either end, a word that there is no other.
pub(super) fn step_document(state: &mut AppState, forward: bool) {
    let next = match forward {
        true => Some(state.selected + 1).filter(|&n| n < state.order.len()),
        false => state.selected.checked_sub(1),
    };
    match next {
        Some(n) => select_document(state, n),
        None if forward => state.say("this is the last document"),
        None => state.say("this is the first document"),
    }
}

/// Moving in the reader scrolls the text and keeps the reading cursor on
/// screen; at either end of the text, it moves the cursor instead, so every
/// paragraph can be reached.
pub(super) fn move_reader(state: &mut AppState, doc: &Document, action: &Action) {
    let Some(area) = inner_of(state, Pane::Reader) else {
        return;
    };
    let Some(d) = state.open() else { return };
    let text = state.reader_text(d, doc, area.width);
    let rows = usize::from(area.height);
    let max = max_scroll(text.lines.len(), rows);
    let last = doc.paragraphs.len().saturating_sub(1);
    let Some(position) = state.readers.get_mut(d) else {
        return;
    };
    let scroll = position.scroll.min(max);
    match action {
        Action::PrevParagraph | Action::NextParagraph => {
            position.cursor = step(position.cursor, action, 1, last);
            if let Some(span) = text.paragraphs.get(position.cursor) {
                position.scroll = reveal(scroll, rows, span.clone()).min(max);
            }
        }
        Action::GoTop | Action::GoBottom => {
            position.scroll = step(scroll, action, rows, max);
            position.cursor = if *action == Action::GoTop { 0 } else { last };
        }
        _ => {
            let down = matches!(action, Action::MoveDown | Action::PageDown);
            let at_end = if down { scroll == max } else { scroll == 0 };
            if !at_end {
                position.scroll = step(scroll, action, rows, max);
                follow(&mut position.cursor, &text, position.scroll, rows, down);
            } else if matches!(action, Action::MoveUp | Action::MoveDown) {
                position.cursor = step(position.cursor, action, 1, last);
            } else {
                position.cursor = if down { last } else { 0 };
            }
        }
    }
}

/// After a scroll, a cursor that left the screen moves to the first
/// paragraph on it (scrolling down) or the last (scrolling up).
pub(super) fn follow(
    cursor: &mut usize,
    text: &ReaderText,
    scroll: usize,
    rows: usize,
    down: bool,
) {
    let on_screen = |span: &std::ops::Range<usize>| span.end > scroll && span.start < scroll + rows;
    if text.paragraphs.get(*cursor).is_some_and(on_screen) {
        return;
    }
    let mut visible = (0..text.paragraphs.len()).filter(|&i| on_screen(&text.paragraphs[i]));
    let found = if down {
        visible.next()
    } else {
        visible.next_back()
    };
    *cursor = found.unwrap_or(if down { *cursor } else { 0 });
}

/// Brings the reading cursor's paragraph on screen, as after a resize.
pub(super) fn reveal_cursor(state: &mut AppState, doc: &Document) {
    let (Some(area), Some(d)) = (inner_of(state, Pane::Reader), state.open()) else {
        return;
    };
    let text = state.reader_text(d, doc, area.width);
    let rows = usize::from(area.height);
    let max = max_scroll(text.lines.len(), rows);
    // A document not yet moved in shows its header, even if that hides
    // the first paragraph on a short screen.
    if let Some(position) = state.readers.get_mut(d)
        && *position != ReaderState::default()
        && let Some(span) = text.paragraphs.get(position.cursor)
    {
        position.scroll = reveal(position.scroll.min(max), rows, span.clone()).min(max);
    }
}

/// Keeps every scroll position valid for the current size and every
/// selection on screen.
pub(super) fn settle(state: &mut AppState, library: &Library) {
    let corpus = &library.corpus;
    // A save or a reload may have changed the bookmarks under the pane.
    if let Some(Overlay::Bookmarks(pane)) = state.overlays.last_mut() {
        let count =
            layout::bookmarks::listed(library, &state.bookmarks, &state.places, pane.filter.text())
                .len();
        pane.selected = pane.selected.min(count.saturating_sub(1));
    }
    state.selected = state.selected.min(state.order.len().saturating_sub(1));
    if let Some(area) = inner_of(state, Pane::List) {
        let rows = usize::from(area.height);
        let span = state.selected * ROW_HEIGHT..(state.selected + 1) * ROW_HEIGHT;
        let max = max_scroll(state.order.len() * ROW_HEIGHT, rows);
        state.list_scroll = reveal(state.list_scroll.min(max), rows, span).min(max);
    }
    let Some(doc) = open_doc(state, corpus) else {
        return;
    };
    if let (Some(area), Some(d)) = (inner_of(state, Pane::Reader), state.open())
        && let text = state.reader_text(d, doc, area.width)
        && let Some(position) = state.readers.get_mut(d)
    {
        let rows = usize::from(area.height);
        let max = max_scroll(text.lines.len(), rows);
        position.cursor = position.cursor.min(doc.paragraphs.len().saturating_sub(1));
        position.scroll = position.scroll.min(max);
        // A change of width (focus, sidebar, resize) rewraps the text under
        // a scroll position kept in lines: bring the cursor back in view;
        // but the last paragraph's cursor may stay above the signatures.
        let last = doc.paragraphs.len().saturating_sub(1);
        if let Some(span) = text.paragraphs.get(position.cursor)
            && *position != ReaderState::default()
            && ((span.end <= position.scroll && position.cursor < last)
                || span.start >= position.scroll + rows)
        {
            position.scroll = reveal(position.scroll, rows, span.clone()).min(max);
        }
    }
    if let (Some(area), Some(d)) = (inner_of(state, Pane::Sidebar), state.open()) {
        let text = SidebarText::lay_out(library, d, usize::from(area.width));
        let rows = usize::from(area.height);
        let sidebar = &mut state.sidebar;
        sidebar.selected = sidebar.selected.min(text.entries.len().saturating_sub(1));
        let max = max_scroll(text.line_count(), rows);
        let span = text
            .entries
            .get(sidebar.selected)
            .map_or(0..0, |(_, s)| s.clone());
        sidebar.scroll = reveal(sidebar.scroll.min(max), rows, span).min(max);
    }
}
