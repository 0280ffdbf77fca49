//! The preview's tests: a search over the first frame (see
//! [`Preview`]), against the whole corpus's state for the same keys.

use super::preview::Preview;
use crate::bookmarks::Positions;
use crate::corpus::Corpus;
use crate::corpus::cache::{self, Opened};
use crate::library::{Built, Library};
use crate::search::SearchIndex;
use crate::tui::glimpse::tests::{copied, synced};
use crate::tui::glimpse::{begun, first_frame};
use crate::tui::held::Held;
use crate::tui::layout::search::answer;
use crate::tui::msg::{Ask, Found, Msg};
use crate::tui::state::AppState;
use crate::tui::state::Settings;
use crate::tui::update::awaited;
use crate::tui::update::{Effect, update};
use crate::tui::view;
use crossterm::event::Event;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;
use std::sync::Arc;
use tempfile::TempDir;

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn typed(text: &str) -> Vec<Event> {
    text.chars().map(|c| key(KeyCode::Char(c))).collect()
}

/// The whole corpus's state after `events`, its queries answered as
/// they are asked, and the last ask.
fn whole_after(library: &Library, events: &[Event]) -> (AppState, Option<Ask>) {
    let mut state = begun(&library.corpus, &Settings::default(), &Positions::default());
    update(&mut state, library, synced(Vec::new()));
    update(&mut state, library, Msg::Resize(120, 40));
    let mut held = Held::default();
    for event in events {
        held.hold(&state, event.clone());
    }
    let mut last = None;
    let replayed = held.replay(&mut state, None, |state, msg| {
        for effect in update(state, library, msg) {
            if let Effect::Search(ask) = effect {
                update(state, library, Msg::Searched(answer(library, &ask)));
                last = Some(ask);
            }
        }
        Ok::<(), ()>(())
    });
    assert!(replayed.is_ok());
    (state, last)
}

/// The first frame of a copied corpus of 150 documents at `size`, and its
/// preview; with the home that holds the copy, and the corpus's paths.
fn glimpsed(size: (u16, u16)) -> (TempDir, Vec<PathBuf>, AppState, Library, Preview) {
    let (home, cache, paths) = copied();
    let Opened::Glimpse(summaries, mut glimpse) = cache::open_from(Some(&cache), &paths) else {
        panic!("a current copy gives a glimpse");
    };
    let first = synced(Vec::new());
    let settings = Settings::default();
    let shown = first_frame(
        summaries,
        &mut glimpse,
        &settings,
        &Positions::default(),
        &first,
        size,
    );
    let Ok((state, library)) = shown else {
        panic!("every chunk holds");
    };
    (home, paths, state, library, Preview::new(glimpse.filler()))
}

/// A query typed over a glimpse, before its index is read and after,
/// is answered from the index once it is, and shows what the whole
/// corpus shows for the same keys: the hits with their text, then the
/// hit opened. Its answer is the whole corpus's first, to the same ask.
#[test]
fn a_query_typed_over_a_glimpse_shows_what_the_whole_corpus_shows() {
    let (_home, paths, mut state, mut library, mut preview) = glimpsed((120, 40));
    let whole = Library::shared(Arc::new(Corpus::load(&paths).expect("loads")));
    let index = Arc::new(SearchIndex::build(&whole.corpus));
    whole.keep(Built::Search(Arc::clone(&index)));
    let mut events = typed("/Second of 14");
    for event in &events[..4] {
        preview.key(&mut state, &mut library, event.clone());
    }
    assert!(preview.answer(&mut state, &mut library), "asked");
    assert!(library.search().is_none(), "no index yet: nothing found");
    preview.indexed(&mut state, &mut library, Arc::clone(&index));
    for event in &events[4..] {
        preview.key(&mut state, &mut library, event.clone());
    }
    assert!(preview.answer(&mut state, &mut library));
    let (want, last) = whole_after(&whole, &events);
    assert_eq!(view::drawn(&state, &library), view::drawn(&want, &whole));
    let text: String = view::drawn(&state, &library)
        .content()
        .iter()
        .map(|c| c.symbol())
        .collect();
    assert!(text.contains("Second of 14."), "the hit's text: {text}");
    // Handed on: the answer here answers the whole corpus's ask, the
    // same query but for its number (the index's arrival asked again).
    let (ask, found) = preview.answered().expect("an answer");
    let last = last.expect("asked");
    assert_eq!(Ask { id: last.id, ..ask }, last);
    assert_eq!(
        Found {
            id: last.id,
            ..found
        },
        answer(&whole, &last)
    );
    events.extend([key(KeyCode::Down), key(KeyCode::Enter)]);
    for event in &events[events.len() - 2..] {
        preview.key(&mut state, &mut library, event.clone());
    }
    assert!(!preview.answer(&mut state, &mut library), "nothing asked");
    let (want, _) = whole_after(&whole, &events);
    assert_eq!(state.open(), want.open());
    assert_eq!(view::drawn(&state, &library), view::drawn(&want, &whole));
    assert!(awaited(&state).is_none());
}

/// A key that asks for more than a search (here a bookmark, saved to
/// disk) is left to the whole corpus: the glimpse's state stays as it
/// was drawn, and no later key moves it.
#[test]
fn a_key_that_saves_stops_the_preview_where_it_was() {
    let (_home, _, mut state, mut library, mut preview) = glimpsed((80, 24));
    let opened = state.open();
    for event in typed("jj") {
        preview.key(&mut state, &mut library, event);
    }
    assert_ne!(state.open(), opened, "moved down the list");
    let moved = view::drawn(&state, &library);
    for event in typed("b/Letter") {
        preview.key(&mut state, &mut library, event);
    }
    assert!(!preview.answer(&mut state, &mut library));
    assert_eq!(view::drawn(&state, &library), moved);
}
