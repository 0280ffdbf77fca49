//! Bookmarks: b in the reader, and the pane's own keys. Every change is
//! applied here and saved by the loop at once.

use super::edit::{Edited, edit};
use super::navigate::{bound, open_at, step};
use super::{Effect, Outcome};
use crate::bookmarks::{Bookmark, Change, Locator, markdown, shown, timestamp};
use crate::library::Library;
use crate::tui::input::{Input, NOTE_CHARS};
use crate::tui::layout;
use crate::tui::msg::{Action, Msg};
use crate::tui::state::{AppState, BookmarksState, Editing, Overlay};

/// The bookmarks pane's own keys.
pub(super) fn update(
    state: &mut AppState,
    library: &Library,
    msg: &Msg,
    effects: &mut Vec<Effect>,
) -> Outcome {
    let Some(Overlay::Bookmarks(pane)) = state.overlays.last_mut() else {
        return Outcome::NotMine;
    };
    let listed =
        layout::bookmarks::listed(library, &state.bookmarks, &state.places, pane.filter.text());
    let selected = listed
        .get(pane.selected)
        .map(|&i| state.bookmarks[i].clone());
    let mut change = None;
    match (&mut pane.editing, bound(msg)) {
        (Some(Editing::Note { of, input }), Some(Action::Confirm)) => {
            change = edited_note(of, input);
            pane.editing = None;
        }
        // Esc drops a note being written; a filter stays.
        (Some(_), Some(Action::Back | Action::Confirm)) => pane.editing = None,
        // Tab leaves a filter, as it does in the People pane; the filter
        // stays and j moves through what it lists.
        (Some(Editing::Filter), Some(Action::FocusNext | Action::FocusPrev)) => pane.editing = None,
        (Some(editing), _) => {
            let input = match editing {
                Editing::Note { input, .. } => input,
                Editing::Filter => &mut pane.filter,
            };
            let Some(edited) = edit(input, msg) else {
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
            Some(
                action @ (Action::MoveUp
                | Action::MoveDown
                | Action::PageUp
                | Action::PageDown
                | Action::GoTop
                | Action::GoBottom),
            ),
        ) => pane.selected = step(pane.selected, &action, 10, listed.len().saturating_sub(1)),
        (None, Some(Action::OpenSelection)) => return Outcome::Open,
        (None, Some(Action::EditFilter)) => pane.editing = Some(Editing::Filter),
        (None, Some(Action::EditNote)) => match selected {
            // A longer note is edited in the file, not cut down here.
            Some(b) if b.note.chars().count() > NOTE_CHARS => state.complain(format!(
                "this note is longer than {NOTE_CHARS} characters: edit it in bookmarks.json"
            )),
            Some(b) => {
                pane.editing = Some(Editing::Note {
                    input: Input::note(&b.note, NOTE_CHARS),
                    of: Box::new(b),
                })
            }
            None => {}
        },
        (None, Some(Action::DeleteBookmark)) => {
            if let Some(b) = selected {
                change = Some(Change::Remove(b.id.clone()));
                state.deleted.push(b);
                state.say("Deleted; u brings it back");
            }
        }
        (None, Some(Action::UndoDelete)) => match state.deleted.pop() {
            Some(b) => change = Some(Change::Add(b)),
            None => state.complain("nothing to undo"),
        },
        (None, Some(action @ (Action::ExportBookmarks | Action::CopyBookmarks))) => {
            // The set shown, filter and all, as the pane lists it.
            let shown: Vec<Bookmark> = listed.iter().map(|&i| state.bookmarks[i].clone()).collect();
            let locator = Locator::for_bookmarks(&library.corpus, &shown);
            let text = markdown(&shown, &library.corpus, &locator);
            if action == Action::CopyBookmarks {
                effects.push(Effect::Copy(text));
                state.say(format!(
                    "sent {} bookmark{} as Markdown to the clipboard (OSC 52)",
                    shown.len(),
                    if shown.len() == 1 { "" } else { "s" }
                ));
            } else {
                let secs = state
                    .now
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap_or_default()
                    .as_secs();
                effects.push(Effect::Export {
                    markdown: text,
                    when: timestamp(secs),
                });
            }
        }
        _ => return Outcome::NotMine,
    }
    if let Some(change) = change {
        save(state, library, change, effects);
    }
    Outcome::Done
}

/// Quitting with a note half-written (Ctrl-C, or q on a screen too small to
/// show it) keeps what was added to it. A draft that took text away is
/// dropped, as Esc drops it: only Enter takes away what a note said.
pub(super) fn keep_draft(state: &mut AppState, library: &Library, effects: &mut Vec<Effect>) {
    let Some(Overlay::Bookmarks(BookmarksState {
        editing: Some(Editing::Note { of, input }),
        ..
    })) = state.overlays.last()
    else {
        return;
    };
    let kept = Input::note(&of.note, NOTE_CHARS);
    if input.text().contains(kept.text().trim())
        && let Some(change) = edited_note(of, input)
    {
        save(state, library, change, effects);
    }
}

/// The change a note edit makes, if it made one. Unchanged is not a
/// change: a note merely looked at must not be rewritten.
pub(super) fn edited_note(of: &Bookmark, input: &Input) -> Option<Change> {
    let note = input.text().trim().to_string();
    (note != Input::note(&of.note, NOTE_CHARS).text().trim()).then(|| Change::Note {
        bookmark: Bookmark { note, ..of.clone() },
        was: of.note.clone(),
    })
}

/// Applies a change to the bookmarks shown and asks the loop to save it.
pub(super) fn save(
    state: &mut AppState,
    library: &Library,
    change: Change,
    effects: &mut Vec<Effect>,
) {
    change.apply(&mut state.bookmarks);
    state.place_bookmarks(&library.corpus);
    effects.push(Effect::Save(change));
}

/// b: bookmarks the paragraph under the reading cursor, or removes its
/// bookmark, which u in the bookmarks pane brings back.
pub(super) fn toggle_bookmark(state: &mut AppState, library: &Library, effects: &mut Vec<Effect>) {
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
        .zip(&state.places)
        .filter(|(_, place)| place.passage() == Some((d, paragraph)))
        .map(|(b, _)| b)
        .collect();
    // A note is research: b never takes one away; d in the pane does, with u.
    let plain = here.iter().find(|b| b.note.is_empty()).map(|&b| b.clone());
    match plain {
        None if !here.is_empty() => state.complain(format!(
            "¶{}'s bookmark has a note, so b keeps it: delete it in the bookmarks pane (B, then d)",
            paragraph + 1
        )),
        Some(b) => {
            save(state, library, Change::Remove(b.id.clone()), effects);
            state.deleted.push(b);
            state.say(format!(
                "Bookmark on ¶{} removed; u in the bookmarks pane (B) brings it back",
                paragraph + 1
            ));
        }
        None => {
            let b = Bookmark::new(doc, paragraph, "", state.now, state.salt);
            save(state, library, Change::Add(b), effects);
            state.say(format!(
                "Bookmarked ¶{}; B lists bookmarks, and e there adds a note",
                paragraph + 1
            ));
        }
    }
}

/// Enter in the bookmarks pane: the passage, or why it cannot be opened.
pub(super) fn open_bookmark(state: &mut AppState, library: &Library) {
    let Some(Overlay::Bookmarks(pane)) = state.overlays.last() else {
        return;
    };
    let listed =
        layout::bookmarks::listed(library, &state.bookmarks, &state.places, pane.filter.text());
    let Some((b, &place)) = listed
        .get(pane.selected)
        .and_then(|&i| Some((&state.bookmarks[i], state.places.get(i)?)))
    else {
        return;
    };
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
