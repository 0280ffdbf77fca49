//! The search overlay, and n/N through the last search's matches.

use super::edit::{Edited, edit};
use super::navigate::{bound, inner_of, land_cursor, open_at, open_doc, step};
use super::{Effect, Outcome};
use crate::library::Library;
use crate::search::{Field, Miss};
use crate::tui::input::MAX_CHARS;
use crate::tui::layout::sidebar::SidebarText;
use crate::tui::layout::{self, Pane};
use crate::tui::msg::{Action, Ask, Found, Msg};
use crate::tui::state::{AppState, Overlay, SearchState};

/// The search overlay's own keys: every edit asks the query again.
pub(super) fn update(search: &mut SearchState, open: Option<usize>, msg: &Msg) -> Outcome {
    let last = search.hits.len().saturating_sub(1);
    let mut rerun = true;
    let mut cut = false;
    match bound(msg) {
        Some(Action::ToggleScope) if open.is_some() => search.this_document = !search.this_document,
        Some(Action::ToggleScope) => {}
        Some(action @ (Action::MoveUp | Action::MoveDown | Action::PageUp | Action::PageDown)) => {
            rerun = false;
            search.selected = step(search.selected, &action, 10, last);
            search.browsing = true;
        }
        Some(Action::OpenSelection) if !search.hits.is_empty() => return Outcome::Open,
        Some(Action::OpenSelection) => rerun = false,
        _ => {
            match edit(&mut search.input, msg) {
                Some(Edited::Changed { cut: was_cut }) => cut = was_cut,
                Some(Edited::Moved) => rerun = false,
                None => return Outcome::NotMine,
            }
            search.browsing = false;
        }
    }
    if rerun {
        search.stale = true;
        search.cut = cut;
    }
    Outcome::Done
}

/// Asks each search overlay's changed query of the thread that searches.
/// Before the index arrives nothing is found (the overlay says it is
/// indexing) and `indexed` asks again.
pub(super) fn ask(state: &mut AppState, effects: &mut Vec<Effect>) {
    let open = state.open();
    for overlay in &mut state.overlays {
        if let Overlay::Search(search) = overlay
            && search.stale
        {
            state.asked += 1;
            search.stale = false;
            search.asking = Some(state.asked);
            search.counting = None;
            effects.push(Effect::Search(asked(
                search,
                state.asked,
                open,
                state.size.1,
            )));
        }
    }
}

/// What `search` asks as query `id`, with `open` the document open and
/// `rows` the screen's.
fn asked(search: &SearchState, id: u64, open: Option<usize>, rows: u16) -> Ask {
    Ask {
        id,
        text: search.input.text().to_string(),
        doc: open.filter(|_| search.this_document),
        first: layout::search::first_hits(rows),
    }
}

/// The query asked whose first answer the state waits for, if any: an
/// answer to an ask equal to it is its answer.
pub fn awaited(state: &AppState) -> Option<Ask> {
    state.overlays.iter().find_map(|overlay| match overlay {
        Overlay::Search(search) => search
            .asking
            .map(|id| asked(search, id, state.open(), state.size.1)),
        _ => None,
    })
}

/// An answer: kept if it answers the latest query asked, dropped if a
/// later one was asked meanwhile (its answer is on its way). The first
/// answer brings the hits on screen; a second, to the same ask, their
/// count and more hits, the first ones unchanged, so the selection stays.
pub(super) fn found(state: &mut AppState, found: Found) {
    for overlay in &mut state.overlays {
        let Overlay::Search(search) = overlay else {
            continue;
        };
        // A count has a total; a first answer sent again (one the glimpse
        // gave first) is not the count.
        if search.counting == Some(found.id) && found.total.is_some() {
            search.counting = None;
            search.total = found.total.unwrap_or(found.hits.len());
            search.hits = found.hits;
            search.selected = search.selected.min(search.hits.len().saturating_sub(1));
            // A count that failed says so; the hits shown stay.
            search.problem = found.problem.or(search.problem.take());
            return;
        }
        if search.asking == Some(found.id) {
            search.asking = None;
            search.counting = found.total.is_none().then_some(found.id);
            search.total = found.total.unwrap_or(found.hits.len());
            search.hits = found.hits;
            search.answered = found.text;
            search.miss = found.miss;
            search.selected = 0;
            search.problem = found.problem.or_else(|| {
                search
                    .cut
                    .then(|| format!("the input was cut to its first {MAX_CHARS} characters"))
            });
            return;
        }
    }
}

/// The search index arrived: the queries typed while it was built are
/// asked again.
pub(super) fn indexed(state: &mut AppState) {
    for overlay in &mut state.overlays {
        if let Overlay::Search(search) = overlay {
            search.stale = true;
        }
    }
}

/// Enter in the search overlay: the hit's document, at its paragraph, with
/// the query kept for n and N.
pub(super) fn open_hit(state: &mut AppState, library: &Library) {
    let Some(Overlay::Search(search)) = state.overlays.last() else {
        return;
    };
    let Some(hit) = search.hits.get(search.selected).copied() else {
        return;
    };
    // A partial match answers the query without the terms left out.
    state.last_query = Some(match &search.miss {
        Some(Miss::Partial { rest, .. }) => rest.clone(),
        _ => search.answered.clone(),
    });
    let paragraph = match hit.field {
        Field::Paragraph(p) => Some(p),
        _ => None,
    };
    open_at(state, library, hit.doc, paragraph);
    land_on_match(state, library);
    match hit.field {
        Field::Paragraph(_) => say_match(state, library),
        Field::Person(person) => select_person(state, library, person),
        Field::Title => {}
    }
}

/// Selects a person of the open document in the sidebar and names them.
pub(super) fn select_person(state: &mut AppState, library: &Library, person: usize) {
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

/// Brings the first match of the last search in the cursor's paragraph on
/// screen, where the paragraph is longer than the screen.
fn land_on_match(state: &mut AppState, library: &Library) {
    let (Some(query), Some(d)) = (&state.last_query, state.open()) else {
        return;
    };
    let first = layout::search::marks(library, query, d, state.reader().cursor)
        .into_iter()
        .min();
    if let (Some(at), Some(doc)) = (first, open_doc(state, &library.corpus)) {
        land_cursor(state, doc, Some(at));
    }
}

/// The paragraphs of the open document the last search matches, in order.
pub(super) fn matched_paragraphs(state: &AppState, library: &Library) -> Vec<usize> {
    match (&state.last_query, state.open()) {
        (Some(query), Some(d)) => layout::search::matches_in(library, query, d)
            .into_iter()
            .map(|(p, _)| p)
            .collect(),
        _ => Vec::new(),
    }
}

/// "match 2/5 in this document", for the paragraph under the cursor.
pub(super) fn say_match(state: &mut AppState, library: &Library) {
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
pub(super) fn step_match(state: &mut AppState, library: &Library, forward: bool) {
    let Some(query) = state.last_query.clone() else {
        state.complain("no search yet: / searches");
        return;
    };
    if library.search().is_none() {
        state.complain("indexing… n and N work once the search index is built");
        return;
    }
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
    land_on_match(state, library);
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
