//! The pure update: an action changes the state and may ask the loop for
//! effects. No terminal, no disk, no clock.

use crate::bookmarks::{Bookmark, Change, shown};
use crate::citation;
use crate::corpus::{Corpus, Document};
use crate::library::Library;
use crate::people::SortBy;
use crate::search::Field;
use crate::tui::input::{Input, MAX_CHARS, NOTE_CHARS};
use crate::tui::layout::reader::ReaderText;
use crate::tui::layout::sidebar::SidebarText;
use crate::tui::layout::text::{max_scroll, reveal};
use crate::tui::layout::{self, Pane, ROW_HEIGHT, WIDE, inner, pager};
use crate::tui::msg::Action;
use crate::tui::state::{
    AppState, BookmarksState, Editing, Overlay, PeopleState, ReaderState, SearchState, SidebarState,
};
use ratatui::layout::Rect;

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
}

/// Lines the mouse wheel scrolls the reader by.
const WHEEL_LINES: usize = 3;

pub fn update(state: &mut AppState, library: &Library, action: Action) -> Vec<Effect> {
    let corpus = &library.corpus;
    // A save's answer must not hide what the key that caused it said.
    if !matches!(action, Action::Resize(..) | Action::Synced { .. }) {
        state.status = None;
    }
    let mut effects = Vec::new();
    let open = state.open();
    let outcome = match state.overlays.last_mut() {
        Some(Overlay::People(people)) => update_people(people, library, &action),
        Some(Overlay::Search(search)) => update_search(search, library, open, &action),
        Some(Overlay::Bookmarks(_)) => update_bookmarks(state, library, &action, &mut effects),
        _ => Outcome::NotMine,
    };
    if outcome != Outcome::NotMine {
        if outcome == Outcome::Open {
            match state.overlays.last() {
                Some(Overlay::Search(_)) => open_hit(state, library),
                Some(Overlay::Bookmarks(_)) => open_bookmark(state, library),
                _ => open_selection(state, library),
            }
        }
        settle(state, library);
        return effects;
    }
    match action {
        Action::Resize(columns, rows) => {
            state.size = (columns, rows);
            if let Some(doc) = open_doc(state, corpus) {
                reveal_cursor(state, doc);
            }
        }
        Action::Quit | Action::ForceQuit => {
            keep_draft(state, &mut effects);
            state.quit = true;
        }
        Action::Suspend => effects.push(Effect::Suspend),
        // Below the smallest screen nothing but a notice is drawn, so no
        // overlay opens to take keys unseen.
        Action::ShowHelp
        | Action::OpenPeople
        | Action::OpenEntity
        | Action::ShowOverlap
        | Action::OpenSearch
        | Action::OpenBookmarks
            if state.panes().status.is_none() => {}
        Action::ShowHelp => {
            if state.overlays.is_empty() {
                state.overlays.push(Overlay::Help { scroll: 0 });
            }
        }
        Action::Back => {
            if state.overlays.pop().is_none() {
                state.focus = Pane::List;
            }
        }
        Action::FocusNext | Action::FocusPrev => cycle_focus(state, action == Action::FocusNext),
        Action::ToggleSidebar => toggle_sidebar(state),
        Action::OpenDocument => state.focus = Pane::Reader,
        Action::CopyCitation => copy(state, corpus, &mut effects),
        Action::OpenSearch => state.overlays.push(Overlay::Search(SearchState::default())),
        Action::NextMatch | Action::PrevMatch => {
            step_match(state, library, action == Action::NextMatch)
        }
        Action::ToggleBookmark => toggle_bookmark(state, library, &mut effects),
        Action::OpenBookmarks => {
            state
                .overlays
                .push(Overlay::Bookmarks(BookmarksState::default()));
            effects.push(Effect::Reload);
        }
        Action::Synced { bookmarks, problem } => {
            state.bookmarks = bookmarks;
            if let Some(problem) = problem {
                state.complain(problem);
            }
        }
        Action::OpenPeople => state.overlays.push(Overlay::People(PeopleState::default())),
        Action::OpenEntity => open_entity(state, library),
        Action::ToggleMark => {
            if let Some(d) = state.open() {
                match state.marked.iter().position(|&m| m == d) {
                    Some(at) => {
                        state.marked.remove(at);
                    }
                    None => state.marked.push(d),
                }
                state.say(format!(
                    "{} marked; o shows their overlap",
                    state.marked.len()
                ));
            }
        }
        Action::ShowOverlap => {
            if state.marked.len() < 2 {
                state.complain("mark two or more documents with space first");
            } else {
                let docs = state.marked.clone();
                state.overlays.push(Overlay::Overlap { docs, scroll: 0 });
            }
        }
        Action::MoveUp
        | Action::MoveDown
        | Action::PageUp
        | Action::PageDown
        | Action::GoTop
        | Action::GoBottom
        | Action::PrevParagraph
        | Action::NextParagraph => match state.overlays.last() {
            Some(_) => move_pager(state, library, &action),
            None => move_in(state, library, state.focus, &action),
        },
        Action::ScrollAt { column, row, down } => scroll_at(state, library, column, row, down),
        Action::ClickAt { column, row } => click_at(state, library, column, row),
        // Only the overlays take these.
        Action::OpenSelection
        | Action::Confirm
        | Action::EditNote
        | Action::DeleteBookmark
        | Action::UndoDelete
        | Action::ToggleScope
        | Action::ToggleSort
        | Action::EditFilter
        | Action::DeleteChar
        | Action::DeleteWord
        | Action::ClearInput
        | Action::MoveCursorLeft
        | Action::MoveCursorRight
        | Action::MoveCursorHome
        | Action::MoveCursorEnd
        | Action::InputChar(_)
        | Action::Paste(_) => {}
    }
    settle(state, library);
    effects
}

/// What an overlay made of an action.
#[derive(Debug, PartialEq, Eq)]
enum Outcome {
    Done,
    /// Open the selected document and passage.
    Open,
    /// An action the overlay leaves to `update` (Back, Ctrl-C, a resize).
    NotMine,
}

/// The People pane's own actions.
fn update_people(people: &mut PeopleState, library: &Library, action: &Action) -> Outcome {
    let listed = layout::people::listed(library, people.filter.text(), people.sort);
    let entity = listed.get(people.selected).copied();
    let rows = entity.map_or(0, |e| {
        layout::people::openable(&layout::people::detail(library, e)).len()
    });
    match action {
        Action::MoveUp
        | Action::MoveDown
        | Action::PageUp
        | Action::PageDown
        | Action::GoTop
        | Action::GoBottom => {
            // A page of entities; the pane is most of the screen.
            let page = 10;
            if people.in_detail {
                people.detail_selected =
                    step(people.detail_selected, action, page, rows.saturating_sub(1));
            } else {
                people.selected = step(
                    people.selected,
                    action,
                    page,
                    listed.len().saturating_sub(1),
                );
                people.detail_selected = 0;
            }
        }
        Action::ScrollAt { down, .. } => {
            let action = if *down {
                Action::MoveDown
            } else {
                Action::MoveUp
            };
            return update_people(people, library, &action);
        }
        Action::FocusNext | Action::FocusPrev => {
            people.in_detail = !people.in_detail && rows > 0;
        }
        // Enter on an entity goes to its documents; Enter there opens one.
        Action::OpenSelection if people.in_detail => return Outcome::Open,
        Action::OpenSelection => {
            people.in_detail = rows > 0;
            people.detail_selected = 0;
        }
        Action::ToggleSort => {
            people.sort = match people.sort {
                SortBy::Name => SortBy::Documents,
                SortBy::Documents => SortBy::Name,
            };
            // The same entity stays selected in the new order.
            let reordered = layout::people::listed(library, people.filter.text(), people.sort);
            people.selected = entity
                .and_then(|e| reordered.iter().position(|&x| x == e))
                .unwrap_or(0);
        }
        Action::EditFilter => people.editing = true,
        Action::Back | Action::Confirm if people.editing => people.editing = false,
        _ => match edit(&mut people.filter, action) {
            // A new filter, a new list: back to its top.
            Some(Edited::Changed { .. }) => {
                people.selected = 0;
                people.detail_selected = 0;
                people.in_detail = false;
            }
            Some(Edited::Moved) => {}
            None => return Outcome::NotMine,
        },
    }
    Outcome::Done
}

/// The bookmarks pane's own actions. Every change is applied here and
/// saved by the loop at once.
fn update_bookmarks(
    state: &mut AppState,
    library: &Library,
    action: &Action,
    effects: &mut Vec<Effect>,
) -> Outcome {
    let Some(Overlay::Bookmarks(pane)) = state.overlays.last_mut() else {
        return Outcome::NotMine;
    };
    let listed = layout::bookmarks::listed(library, &state.bookmarks, pane.filter.text());
    let selected = listed
        .get(pane.selected)
        .map(|&i| state.bookmarks[i].clone());
    let mut change = None;
    match (&mut pane.editing, action) {
        (Some(Editing::Note { of, input }), Action::Confirm) => {
            change = edited_note(of, input);
            pane.editing = None;
        }
        // Esc drops a note being written; a filter stays.
        (Some(_), Action::Back | Action::Confirm) => pane.editing = None,
        (Some(editing), _) => {
            let input = match editing {
                Editing::Note { input, .. } => input,
                Editing::Filter => &mut pane.filter,
            };
            let Some(edited) = edit(input, action) else {
                return Outcome::NotMine;
            };
            let limit = input.limit();
            if matches!(editing, Editing::Filter) && edited != Edited::Moved {
                pane.selected = 0;
            }
            if edited == (Edited::Changed { cut: true }) {
                state.complain(format!("cut at {limit} characters"));
            }
        }
        (
            None,
            Action::MoveUp
            | Action::MoveDown
            | Action::PageUp
            | Action::PageDown
            | Action::GoTop
            | Action::GoBottom,
        ) => pane.selected = step(pane.selected, action, 10, listed.len().saturating_sub(1)),
        (None, Action::ScrollAt { down, .. }) => {
            pane.selected = step(
                pane.selected,
                if *down {
                    &Action::MoveDown
                } else {
                    &Action::MoveUp
                },
                1,
                listed.len().saturating_sub(1),
            )
        }
        (None, Action::OpenSelection) => return Outcome::Open,
        (None, Action::EditFilter) => pane.editing = Some(Editing::Filter),
        (None, Action::EditNote) => match selected {
            // One line holds what the pane edits; a longer note, or one
            // with line breaks, is edited in the file, not cut down here.
            Some(b) if b.note.chars().count() > NOTE_CHARS || b.note.contains('\n') => state
                .complain(format!(
                    "this note is longer than {NOTE_CHARS} characters or has line breaks: \
                     edit it in bookmarks.json"
                )),
            Some(b) => {
                pane.editing = Some(Editing::Note {
                    input: Input::with(&b.note, NOTE_CHARS),
                    of: b,
                })
            }
            None => {}
        },
        (None, Action::DeleteBookmark) => {
            if let Some(b) = selected {
                change = Some(Change::Remove(b.id.clone()));
                state.deleted.push(b);
                state.say("Deleted; u brings it back");
            }
        }
        (None, Action::UndoDelete) => match state.deleted.pop() {
            Some(b) => change = Some(Change::Add(b)),
            None => state.complain("nothing to undo"),
        },
        _ => return Outcome::NotMine,
    }
    if let Some(change) = change {
        save(state, change, effects);
    }
    Outcome::Done
}

/// Quitting with a note half-written (Ctrl-C, or q on a screen too small to
/// show it) keeps what was added to it. A draft that took text away is
/// dropped, as Esc drops it: only Enter takes away what a note said.
fn keep_draft(state: &mut AppState, effects: &mut Vec<Effect>) {
    let Some(Overlay::Bookmarks(BookmarksState {
        editing: Some(Editing::Note { of, input }),
        ..
    })) = state.overlays.last()
    else {
        return;
    };
    let kept = Input::with(&of.note, NOTE_CHARS);
    if input.text().contains(kept.text().trim())
        && let Some(change) = edited_note(of, input)
    {
        save(state, change, effects);
    }
}

/// The change a note edit makes, if it made one. Unchanged is not a
/// change: a note merely looked at must not be rewritten.
fn edited_note(of: &Bookmark, input: &Input) -> Option<Change> {
    let note = input.text().trim().to_string();
    (note != Input::with(&of.note, NOTE_CHARS).text().trim()).then(|| Change::Note {
        bookmark: Bookmark { note, ..of.clone() },
        was: of.note.clone(),
    })
}

/// What an action did to an input line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edited {
    /// The cursor moved; the text is as it was.
    Moved,
    /// The text changed; `cut` when it reached the input's limit.
    Changed { cut: bool },
}

/// Edits an input line as readline does, or None for an action that is
/// not an edit. Search, the People filter and the bookmarks pane share it.
fn edit(input: &mut Input, action: &Action) -> Option<Edited> {
    let cut = match action {
        Action::InputChar(c) => input.insert(c.encode_utf8(&mut [0; 4])),
        Action::Paste(text) => input.insert(text),
        Action::DeleteChar => {
            input.delete_back();
            false
        }
        Action::DeleteWord => {
            input.delete_word();
            false
        }
        Action::ClearInput => {
            input.clear();
            false
        }
        _ => {
            match action {
                Action::MoveCursorLeft => input.left(),
                Action::MoveCursorRight => input.right(),
                Action::MoveCursorHome => input.home(),
                Action::MoveCursorEnd => input.end(),
                _ => return None,
            }
            return Some(Edited::Moved);
        }
    };
    Some(Edited::Changed { cut })
}

/// Applies a change to the bookmarks shown and asks the loop to save it.
fn save(state: &mut AppState, change: Change, effects: &mut Vec<Effect>) {
    change.apply(&mut state.bookmarks);
    effects.push(Effect::Save(change));
}

/// b: bookmarks the paragraph under the reading cursor, or removes its
/// bookmark, which u in the bookmarks pane brings back.
fn toggle_bookmark(state: &mut AppState, library: &Library, effects: &mut Vec<Effect>) {
    let Some(d) = state.open() else {
        return;
    };
    let Some(doc) = library.corpus.documents.get(d) else {
        return;
    };
    let paragraph = state.readers.get(d).map_or(0, |r| r.cursor);
    if paragraph >= doc.paragraphs.len() {
        state.complain("this document has no paragraph to bookmark");
        return;
    }
    let here: Vec<&Bookmark> = state
        .bookmarks
        .iter()
        .filter(|b| library.locator.place(b).passage() == Some((d, paragraph)))
        .collect();
    // A note is research: b never takes one away; d in the pane does, with u.
    let plain = here.iter().find(|b| b.note.is_empty()).map(|&b| b.clone());
    match plain {
        None if !here.is_empty() => state.complain(format!(
            "¶{}'s bookmark has a note, so b keeps it: delete it in the bookmarks pane (B, then d)",
            paragraph + 1
        )),
        Some(b) => {
            save(state, Change::Remove(b.id.clone()), effects);
            state.deleted.push(b);
            state.say(format!(
                "Bookmark on ¶{} removed; u in the bookmarks pane (B) brings it back",
                paragraph + 1
            ));
        }
        None => {
            let b = Bookmark::new(doc, paragraph, "", state.now, state.salt);
            save(state, Change::Add(b), effects);
            state.say(format!(
                "Bookmarked ¶{}; B lists bookmarks, and e there adds a note",
                paragraph + 1
            ));
        }
    }
}

/// Enter in the bookmarks pane: the passage, or why it cannot be opened.
fn open_bookmark(state: &mut AppState, library: &Library) {
    let Some(Overlay::Bookmarks(pane)) = state.overlays.last() else {
        return;
    };
    let listed = layout::bookmarks::listed(library, &state.bookmarks, pane.filter.text());
    let Some(b) = listed.get(pane.selected).map(|&i| &state.bookmarks[i]) else {
        return;
    };
    let place = library.locator.place(b);
    match (place.passage(), place.doc()) {
        (Some((doc, paragraph)), _) => open_at(state, library, doc, Some(paragraph)),
        (None, Some(doc)) => {
            let said = format!(
                "¶{} is no longer in “{}”; the bookmark keeps its quote",
                b.paragraph,
                library.corpus.documents[doc].shown_title()
            );
            state.complain(said);
        }
        (None, None) => {
            let said = format!(
                "“{}” is no longer in the corpus; the bookmark keeps its quote",
                shown(&b.doc)
            );
            state.complain(said);
        }
    }
}

/// The search overlay's own actions: every edit runs the query again.
fn update_search(
    search: &mut SearchState,
    library: &Library,
    open: Option<usize>,
    action: &Action,
) -> Outcome {
    let last = search.hits.len().saturating_sub(1);
    let mut rerun = true;
    let mut cut = false;
    match action {
        Action::ToggleScope if open.is_some() => search.this_document = !search.this_document,
        Action::ToggleScope => {}
        Action::MoveUp | Action::MoveDown | Action::PageUp | Action::PageDown => {
            rerun = false;
            search.selected = step(search.selected, action, 10, last);
        }
        Action::ScrollAt { down, .. } => {
            rerun = false;
            let action = if *down {
                Action::MoveDown
            } else {
                Action::MoveUp
            };
            search.selected = step(search.selected, &action, 1, last);
        }
        Action::OpenSelection if !search.hits.is_empty() => return Outcome::Open,
        Action::OpenSelection => rerun = false,
        _ => match edit(&mut search.input, action) {
            Some(Edited::Changed { cut: was_cut }) => cut = was_cut,
            Some(Edited::Moved) => rerun = false,
            None => return Outcome::NotMine,
        },
    }
    if rerun {
        let (hits, problem) = layout::search::run(
            library,
            search.input.text(),
            open.filter(|_| search.this_document),
        );
        search.hits = hits;
        search.problem = problem.or_else(|| {
            cut.then(|| format!("the input was cut to its first {MAX_CHARS} characters"))
        });
        search.selected = 0;
    }
    Outcome::Done
}

/// Enter in the search overlay: the hit's document, at its paragraph, with
/// the query kept for n and N.
fn open_hit(state: &mut AppState, library: &Library) {
    let Some(Overlay::Search(search)) = state.overlays.last() else {
        return;
    };
    let Some(hit) = search.hits.get(search.selected).copied() else {
        return;
    };
    state.last_query = Some(search.input.text().to_string());
    let paragraph = match hit.field {
        Field::Paragraph(p) => Some(p),
        _ => None,
    };
    open_at(state, library, hit.doc, paragraph);
    match hit.field {
        Field::Paragraph(_) => say_match(state, library),
        Field::Person(person) => select_person(state, library, person),
        Field::Title => {}
    }
}

/// Selects a person of the open document in the sidebar and names them.
fn select_person(state: &mut AppState, library: &Library, person: usize) {
    let (Some(d), Some(area)) = (state.open(), inner_of(state, Pane::Sidebar)) else {
        return;
    };
    let text = SidebarText::lay_out(library, d, usize::from(area.width));
    if let Some(entry) = text.entries.iter().position(|&(p, _)| p == person) {
        state.sidebar.selected = entry;
    }
    if let Some(p) = library
        .corpus
        .documents
        .get(d)
        .and_then(|doc| doc.people.get(person))
    {
        state.say(format!("{}, {} (in the people sidebar)", p.name, p.role));
    }
}

/// The paragraphs of the open document the last search matches, in order.
fn matched_paragraphs(state: &AppState, library: &Library) -> Vec<usize> {
    match (&state.last_query, state.open()) {
        (Some(query), Some(d)) => layout::search::matches_in(library, query, d)
            .into_iter()
            .map(|(p, _)| p)
            .collect(),
        _ => Vec::new(),
    }
}

/// "match 2/5 in this document", for the paragraph under the cursor.
fn say_match(state: &mut AppState, library: &Library) {
    let matches = matched_paragraphs(state, library);
    let cursor = state.reader().cursor;
    if let Some(at) = matches.iter().position(|&p| p == cursor) {
        state.say(format!(
            "match {}/{} in this document",
            at + 1,
            matches.len()
        ));
    }
}

/// n and N: the next or previous paragraph the last search matches,
/// wrapping around the document.
fn step_match(state: &mut AppState, library: &Library, forward: bool) {
    let Some(query) = state.last_query.clone() else {
        state.complain("no search yet: / searches");
        return;
    };
    let matches = matched_paragraphs(state, library);
    let cursor = state.reader().cursor;
    let next = if forward {
        matches.iter().find(|&&p| p > cursor).or(matches.first())
    } else {
        matches
            .iter()
            .rev()
            .find(|&&p| p < cursor)
            .or(matches.last())
    };
    let (Some(&p), Some(d)) = (next, state.open()) else {
        state.complain(format!("no match for “{query}” in this document"));
        return;
    };
    let wrapped = if forward { p <= cursor } else { p >= cursor };
    open_at(state, library, d, Some(p));
    say_match(state, library);
    if wrapped
        && matches.len() > 1
        && let Some(status) = &mut state.status
    {
        status.text.push_str(if forward {
            ", from the top"
        } else {
            ", from the bottom"
        });
    }
}

/// Enter in the People pane's right column: the document, at the passage.
fn open_selection(state: &mut AppState, library: &Library) {
    let Some(Overlay::People(people)) = state.overlays.last() else {
        return;
    };
    if !people.in_detail {
        return;
    }
    let listed = layout::people::listed(library, people.filter.text(), people.sort);
    let Some(&entity) = listed.get(people.selected) else {
        return;
    };
    let rows = layout::people::detail(library, entity);
    let open = layout::people::openable(&rows);
    let target = open.get(people.detail_selected).and_then(|&i| rows.get(i));
    if let Some(layout::people::DetailRow {
        kind: layout::people::RowKind::Open { doc, paragraph },
        ..
    }) = target
    {
        open_at(state, library, *doc, *paragraph);
    }
}

/// Closes every overlay and reads `doc`, with the cursor on `paragraph`.
fn open_at(state: &mut AppState, library: &Library, doc: usize, paragraph: Option<usize>) {
    state.overlays.clear();
    if let Some(at) = state.order.iter().position(|&d| d == doc) {
        select_document(state, at);
    }
    if let (Some(p), Some(position)) = (paragraph, state.readers.get_mut(doc)) {
        position.cursor = p;
    }
    state.focus = Pane::Reader;
    if let Some(d) = library.corpus.documents.get(doc) {
        reveal_cursor(state, d);
    }
}

/// Enter on a sidebar entry: the People pane, on that entity.
fn open_entity(state: &mut AppState, library: &Library) {
    let (Some(d), Some(area)) = (state.open(), inner_of(state, Pane::Sidebar)) else {
        return;
    };
    let text = SidebarText::lay_out(library, d, usize::from(area.width));
    let person = text.entries.get(state.sidebar.selected).map(|&(p, _)| p);
    let entity = person.and_then(|p| {
        library
            .corpus
            .documents
            .get(d)?
            .people
            .get(p)
            .map(|p| p.entity)
    });
    let mut people = PeopleState::default();
    if let Some(e) = entity {
        let listed = layout::people::listed(library, people.filter.text(), people.sort);
        people.selected = listed.iter().position(|&x| x == e).unwrap_or(0);
        people.in_detail = true;
    }
    state.overlays.push(Overlay::People(people));
}

fn open_doc<'c>(state: &AppState, corpus: &'c Corpus) -> Option<&'c Document> {
    state.open().and_then(|d| corpus.documents.get(d))
}

/// The inner area of `pane` on screen, or, where it is folded away, the
/// area it has once focused.
fn inner_of(state: &AppState, pane: Pane) -> Option<Rect> {
    let (columns, rows) = state.size;
    let (visible, sidebar_width) = (state.sidebar_visible, state.options.sidebar_width);
    layout::panes(columns, rows, state.focus, visible, sidebar_width)
        .rect(pane)
        .or_else(|| layout::panes(columns, rows, pane, visible, sidebar_width).rect(pane))
        .map(inner)
}

fn cycle_focus(state: &mut AppState, forward: bool) {
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
fn toggle_sidebar(state: &mut AppState) {
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

fn copy(state: &mut AppState, corpus: &Corpus, effects: &mut Vec<Effect>) {
    let cursor = state.reader().cursor;
    match open_doc(state, corpus).and_then(|doc| citation::quote(doc, cursor)) {
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

/// Scrolls the help or overlap view.
fn move_pager(state: &mut AppState, library: &Library, action: &Action) {
    let screen = Rect::new(0, 0, state.size.0, state.size.1);
    let (columns, rows) = pager::inner_size(screen);
    let total = match state.overlays.last() {
        Some(Overlay::Help { .. }) => pager::help_lines(&state.keymap, &state.theme, columns).len(),
        Some(Overlay::Overlap { docs, .. }) => {
            pager::overlap_lines(library, docs, &state.theme, columns).len()
        }
        _ => return,
    };
    let max = max_scroll(total, rows);
    if let Some(Overlay::Help { scroll } | Overlay::Overlap { scroll, .. }) =
        state.overlays.last_mut()
    {
        *scroll = step(*scroll, action, rows, max);
    }
}

/// A position moved by one, by a page or to an end, within 0..=max.
fn step(at: usize, action: &Action, page: usize, max: usize) -> usize {
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

fn move_in(state: &mut AppState, library: &Library, pane: Pane, action: &Action) {
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

fn select_document(state: &mut AppState, selected: usize) {
    if selected != state.selected {
        state.selected = selected;
        state.sidebar = SidebarState::default();
    }
}

/// Moving in the reader scrolls the text and keeps the reading cursor on
/// screen; at either end of the text, it moves the cursor instead, so every
/// paragraph can be reached.
fn move_reader(state: &mut AppState, doc: &Document, action: &Action) {
    let Some(area) = inner_of(state, Pane::Reader) else {
        return;
    };
    let Some(d) = state.open() else { return };
    let text = ReaderText::lay_out(doc, usize::from(area.width), state.options);
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

/// The mouse wheel over the reader: scroll only, with the cursor kept on
/// screen.
fn wheel_reader(state: &mut AppState, doc: &Document, down: bool) {
    let (Some(area), Some(d)) = (inner_of(state, Pane::Reader), state.open()) else {
        return;
    };
    let text = ReaderText::lay_out(doc, usize::from(area.width), state.options);
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

/// After a scroll, a cursor that left the screen moves to the first
/// paragraph on it (scrolling down) or the last (scrolling up).
fn follow(cursor: &mut usize, text: &ReaderText, scroll: usize, rows: usize, down: bool) {
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
fn reveal_cursor(state: &mut AppState, doc: &Document) {
    let (Some(area), Some(d)) = (inner_of(state, Pane::Reader), state.open()) else {
        return;
    };
    let text = ReaderText::lay_out(doc, usize::from(area.width), state.options);
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

fn scroll_at(state: &mut AppState, library: &Library, column: u16, row: u16, down: bool) {
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

fn click_at(state: &mut AppState, library: &Library, column: u16, row: u16) {
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
            let Some(doc) = open_doc(state, corpus) else {
                return;
            };
            let text = ReaderText::lay_out(doc, usize::from(area.width), state.options);
            let scroll = state.reader().scroll;
            if let (Some(paragraph), Some(d)) = (text.paragraph_at(scroll + line), state.open())
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

/// Keeps every scroll position valid for the current size and every
/// selection on screen.
fn settle(state: &mut AppState, library: &Library) {
    let corpus = &library.corpus;
    // A save or a reload may have changed the bookmarks under the pane.
    if let Some(Overlay::Bookmarks(pane)) = state.overlays.last_mut() {
        let count = layout::bookmarks::listed(library, &state.bookmarks, pane.filter.text()).len();
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
        && let Some(position) = state.readers.get_mut(d)
    {
        let text = ReaderText::lay_out(doc, usize::from(area.width), state.options);
        let rows = usize::from(area.height);
        let max = max_scroll(text.lines.len(), rows);
        position.cursor = position.cursor.min(doc.paragraphs.len().saturating_sub(1));
        position.scroll = position.scroll.min(max);
        // A change of width (focus, sidebar, resize) rewraps the text under
        // a scroll position kept in lines: bring the cursor back in view.
        if let Some(span) = text.paragraphs.get(position.cursor)
            && *position != ReaderState::default()
            && (span.end <= position.scroll || span.start >= position.scroll + rows)
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
