//! The pure update: a message changes the state and may ask the loop for
//! effects. No terminal, no disk, no clock. Dispatch is here; each pane or
//! overlay keeps its own keys in a file of its own.

mod bookmarks;
mod edit;
mod grid;
mod mouse;
mod navigate;
mod people;
mod search;

use crate::bookmarks::Change;
use crate::cite;
use crate::library::{Index, Library};
use crate::tui::layout::{self, Pane};
use crate::tui::msg::{Action, Ask, Msg};
use crate::tui::state::{AppState, BookmarksState, Overlay, SearchState, SourceState};
use navigate::{open_doc, settle};
pub use search::awaited;

/// What the loop must do for an action: the only ways out of `update`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this text on the clipboard.
    Copy(String),
    /// Give the terminal back and stop until resumed.
    Suspend,
    /// Save this change to the bookmarks at once, and answer with `Synced`.
    Save(Change),
    /// Read the bookmarks again, for changes another nkread made.
    Reload,
    /// Write this Markdown to a new file, named for `when` (UTC), and
    /// answer with `Exported`.
    Export { markdown: String, when: String },
    /// Run this query apart, and answer with `Searched`.
    Search(Ask),
    /// Read the raw capture of this file name, and answer with `Captured`.
    ReadCapture(String),
}

pub fn update(state: &mut AppState, library: &Library, msg: impl Into<Msg>) -> Vec<Effect> {
    let msg = msg.into();
    // A save's answer must not hide what the key that caused it said.
    // Nor may an index arriving, which no one asked for at that moment.
    if !matches!(
        msg,
        Msg::Resize(..)
            | Msg::Synced { .. }
            | Msg::Exported(_)
            | Msg::Indexing(_)
            | Msg::Indexed(_)
            | Msg::Searched(_)
    ) {
        state.status = None;
    }
    let mut effects = Vec::new();
    let (open, size) = (state.open(), state.size);
    let outcome = match state.overlays.last_mut() {
        Some(Overlay::People(pane)) => people::update(pane, library, &msg),
        Some(Overlay::Grid(pane)) => grid::update(pane, library, &msg, size),
        Some(Overlay::Search(pane)) => search::update(pane, open, &msg),
        Some(Overlay::Bookmarks(_)) => bookmarks::update(state, library, &msg, &mut effects),
        _ => Outcome::NotMine,
    };
    if outcome != Outcome::NotMine {
        if outcome == Outcome::Open {
            match state.overlays.last() {
                Some(Overlay::Search(_)) => search::open_hit(state, library),
                Some(Overlay::Bookmarks(_)) => bookmarks::open_bookmark(state, library),
                Some(Overlay::Grid(_)) => grid::open_selection(state, library),
                _ => people::open_selection(state, library),
            }
        }
        settle(state, library);
        search::ask(state, &mut effects);
        return effects;
    }
    match msg {
        Msg::Do(action) => act(state, library, action, &mut effects),
        Msg::Resize(columns, rows) => {
            state.size = (columns, rows);
            for overlay in &mut state.overlays {
                if let Overlay::Source(source) = overlay {
                    lay_out_capture(source, library, (columns, rows));
                }
            }
            if let Some(doc) = open_doc(state, &library.corpus) {
                navigate::reveal_cursor(state, doc);
            }
        }
        Msg::Synced {
            bookmarks,
            problem,
            held_aside,
        } => {
            state.set_bookmarks(&library.corpus, bookmarks);
            state.held_aside = held_aside;
            if let Some(problem) = problem {
                state.complain(problem);
            }
        }
        Msg::Exported(Ok(path)) => state.say(format!("wrote the bookmarks shown to {path}")),
        Msg::Exported(Err(why)) => {
            state.complain(format!("the bookmarks were not exported: {why}"))
        }
        Msg::ScrollAt { column, row, down } => mouse::scroll_at(state, library, column, row, down),
        Msg::ClickAt { column, row } => mouse::click_at(state, library, column, row),
        Msg::Indexing(read) => state.indexed = read,
        Msg::Indexed(Index::Search) if library.search().is_some() => search::indexed(state),
        Msg::Indexed(Index::People) => people::indexed(state, library),
        // The panes ask the library as they draw; a failed search build
        // leaves nothing to ask, and the overlay says why.
        Msg::Indexed(_) => {}
        Msg::Searched(found) => search::found(state, found),
        Msg::Captured { name, text } => captured(state, library, &name, text),
        // Only the overlays' lines take text.
        Msg::Typed(_) | Msg::Paste(_) => {}
    }
    settle(state, library);
    search::ask(state, &mut effects);
    effects
}

/// A bound action outside the overlays, or one an overlay left alone.
fn act(state: &mut AppState, library: &Library, action: Action, effects: &mut Vec<Effect>) {
    match action {
        Action::Quit | Action::ForceQuit => {
            bookmarks::keep_draft(state, library, effects);
            state.quit = true;
        }
        Action::Suspend => effects.push(Effect::Suspend),
        // Below the smallest screen nothing but a notice is drawn, so no
        // overlay opens to take keys unseen.
        Action::ShowHelp
        | Action::ShowProblems
        | Action::OpenPeople
        | Action::OpenEntity
        | Action::ShowCoalition
        | Action::ShowSource
        | Action::OpenSearch
        | Action::OpenBookmarks
            if state.panes().status.is_none() => {}
        Action::ShowHelp => {
            if state.overlays.is_empty() {
                state.overlays.push(Overlay::Help { scroll: 0 });
            }
        }
        Action::ShowProblems if state.load_problems.is_empty() => {
            state.say("every corpus file loaded")
        }
        Action::ShowProblems => {
            if state.overlays.is_empty() {
                state.overlays.push(Overlay::Problems { scroll: 0 });
            }
        }
        Action::Back => match state.overlays.pop() {
            // Read, the list stops being named in the status bar.
            Some(Overlay::Problems { .. }) => state.load_problems_seen = true,
            Some(_) => {}
            None => state.focus = Pane::List,
        },
        // Behind an overlay, the panes' focus stays as it is.
        Action::FocusNext | Action::FocusPrev if !state.overlays.is_empty() => {}
        Action::FocusNext | Action::FocusPrev => {
            navigate::cycle_focus(state, action == Action::FocusNext)
        }
        Action::ToggleSidebar => navigate::toggle_sidebar(state),
        Action::ToggleSignatures => {
            state.fold_signatures = !state.fold_signatures;
            state.say(match state.fold_signatures {
                true => "signatures folded",
                false => "signatures shown after the last paragraph",
            });
        }
        Action::OpenDocument => state.focus = Pane::Reader,
        Action::NextDocument | Action::PrevDocument => {
            navigate::step_document(state, action == Action::NextDocument)
        }
        Action::CopyCitation => copy(state, library, effects),
        Action::ShowSource => show_source(state, library, effects),
        Action::CopyUrl => copy_url(state, library, effects),
        Action::OpenSearch => state.overlays.push(Overlay::Search(SearchState::default())),
        Action::NextMatch | Action::PrevMatch => {
            search::step_match(state, library, action == Action::NextMatch)
        }
        Action::ToggleBookmark => bookmarks::toggle_bookmark(state, library, effects),
        Action::OpenBookmarks => {
            state
                .overlays
                .push(Overlay::Bookmarks(BookmarksState::default()));
            effects.push(Effect::Reload);
        }
        Action::OpenPeople => state
            .overlays
            .push(Overlay::People(people::opened(library))),
        // Enter on a sidebar entry; in an overlay, it does nothing.
        Action::OpenEntity if state.overlays.is_empty() => people::open_entity(state, library),
        Action::OpenEntity => {}
        Action::ToggleMark => {
            if let Some(d) = state.open() {
                match state.marked.iter().position(|&m| m == d) {
                    Some(at) => {
                        state.marked.remove(at);
                    }
                    None => state.marked.push(d),
                }
                state.say(format!(
                    "{} marked; o shows who stood with whom in them",
                    state.marked.len()
                ));
            }
        }
        // The marked documents, or with none marked every one.
        Action::ShowCoalition => {
            let base = match state.marked.is_empty() {
                true => state.order.clone(),
                false => state.marked.clone(),
            };
            let grid = match state.left_grid.take() {
                Some(left) if left.base == base => left,
                _ => grid::opened(library, base),
            };
            state.overlays.push(Overlay::Grid(grid));
        }
        Action::MoveUp
        | Action::MoveDown
        | Action::PageUp
        | Action::PageDown
        | Action::GoTop
        | Action::GoBottom
        | Action::PrevParagraph
        | Action::NextParagraph => match state.overlays.last() {
            Some(_) => navigate::move_pager(state, library, &action),
            None => navigate::move_in(state, library, state.focus, &action),
        },
        // Only the overlays take these.
        Action::OpenSelection
        | Action::Confirm
        | Action::EditNote
        | Action::NewLine
        | Action::DeleteBookmark
        | Action::UndoDelete
        | Action::ExportBookmarks
        | Action::CopyBookmarks
        | Action::MoveLeft
        | Action::MoveRight
        | Action::CycleQuickFilter
        | Action::ToggleScope
        | Action::ToggleSort
        | Action::EditFilter
        | Action::DeleteChar
        | Action::DeleteWord
        | Action::ClearInput
        | Action::MoveCursorLeft
        | Action::MoveCursorRight
        | Action::MoveCursorHome
        | Action::MoveCursorEnd => {}
    }
}

/// What an overlay made of an action.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Outcome {
    Done,
    /// Open the selected document and passage.
    Open,
    /// An action the overlay leaves to `update` (Back, Ctrl-C, a resize).
    NotMine,
}

/// v: the open document's raw capture, which the loop reads.
fn show_source(state: &mut AppState, library: &Library, effects: &mut Vec<Effect>) {
    let Some((d, doc)) = state
        .open()
        .and_then(|d| library.corpus.documents.get(d).map(|doc| (d, doc)))
    else {
        return;
    };
    match &doc.source {
        Some(name) => {
            state.overlays.push(Overlay::Source(SourceState {
                doc: d,
                name: name.clone(),
                capture: None,
                laid: None,
                scroll: 0,
            }));
            effects.push(Effect::ReadCapture(name.clone()));
        }
        None => state.complain("this document names no raw capture (no source)"),
    }
}

/// The capture arrived: laid out, and shown at the reader's paragraph,
/// where the capture holds it as one line.
fn captured(state: &mut AppState, library: &Library, name: &str, text: Result<String, String>) {
    let cursor = state.reader().cursor;
    for overlay in &mut state.overlays {
        if let Overlay::Source(source) = overlay
            && source.name == name
        {
            source.capture = Some(text.clone());
            lay_out_capture(source, library, state.size);
            if let Some(laid) = &source.laid {
                source.scroll = layout::source::scroll_to(&laid.lines, cursor);
            }
        }
    }
}

/// Keeps a capture laid out for the overlay's width on a screen of `size`.
fn lay_out_capture(source: &mut SourceState, library: &Library, size: (u16, u16)) {
    let screen = ratatui::layout::Rect::new(0, 0, size.0, size.1);
    let (columns, _) = layout::source::inner_size(screen);
    if let (Some(Ok(text)), Some(doc)) = (&source.capture, library.corpus.documents.get(source.doc))
    {
        source.laid = Some(layout::source::laid_out(
            source.laid.as_ref(),
            doc,
            text,
            columns,
        ));
    }
}

/// Y: the open document's address, as the document gives it.
fn copy_url(state: &mut AppState, library: &Library, effects: &mut Vec<Effect>) {
    match open_doc(state, &library.corpus).and_then(|doc| doc.url.clone()) {
        Some(url) => {
            effects.push(Effect::Copy(url));
            state.say("sent the document's address to the clipboard (OSC 52)");
        }
        None => state.complain("this document gives no address (no url)"),
    }
}

/// y: the paragraph under the reading cursor, with its citation.
fn copy(state: &mut AppState, library: &Library, effects: &mut Vec<Effect>) {
    let cursor = state.reader().cursor;
    match open_doc(state, &library.corpus).and_then(|doc| cite::quote(doc, cursor)) {
        Some(text) => {
            effects.push(Effect::Copy(text));
            state.say(format!(
                "sent ¶{} with its citation to the clipboard (OSC 52)",
                cursor + 1
            ));
        }
        None => state.complain("nothing to copy"),
    }
}
