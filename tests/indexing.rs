//! The reader before its indexes arrive: what it says while they are built,
//! and that what was typed meanwhile is not lost when they come.

mod common;

use common::{answered, fixture_corpus, press, state};
use nkread::library::{Built, Index, Library};
use nkread::people::{Passages, PeopleIndex};
use nkread::search::{SearchIndex, Tokens};
use nkread::tui::msg::Msg;
use nkread::tui::state::{AppState, Overlay, SearchState};
use nkread::tui::update::update;

fn screen(state: &AppState, lib: &Library) -> String {
    common::drawn(state, lib).to_string()
}

fn search(s: &AppState) -> &SearchState {
    match s.overlays.last() {
        Some(Overlay::Search(search)) => search,
        other => panic!("not the search overlay: {other:?}"),
    }
}

/// The loop's part: an index built, kept, and `update` told.
fn arrive(s: &mut AppState, lib: &Library, built: Built) {
    let index = lib.keep(built);
    let asked = update(s, lib, Msg::Indexed(index));
    answered(s, lib, asked);
}

#[test]
fn the_first_frame_shows_the_list_and_the_document_and_says_what_is_indexing() {
    let lib = Library::unindexed(fixture_corpus());
    let mut s = state(&lib, 120, 40);
    let first = screen(&s, &lib);
    assert!(first.contains("Alpha letter on accountability"), "{first}");
    assert!(first.contains("indexing… search 0%, people"), "{first}");
    // The sidebar lists the people, and says their counts are coming.
    assert!(first.contains("+n counts: indexing…"), "{first}");
    assert!(first.contains("Tomás Ojea Quintana"), "{first}");
    let half = s.paragraphs / 2;
    update(&mut s, &lib, Msg::Indexing(half));
    assert!(screen(&s, &lib).contains("indexing… search 50%, people"));
    let all = s.paragraphs;
    update(&mut s, &lib, Msg::Indexing(all));
    assert!(screen(&s, &lib).contains("indexing… search: finishing, people"));
    // Reading works meanwhile.
    press(&mut s, &lib, "<enter>]");
    assert_eq!(s.reader().cursor, 1);
}

#[test]
fn a_query_typed_before_the_search_index_arrives_runs_when_it_does() {
    let lib = Library::unindexed(fixture_corpus());
    let mut s = state(&lib, 120, 40);
    press(&mut s, &lib, "/welcomes");
    assert_eq!(search(&s).input.text(), "welcomes");
    assert!(search(&s).hits.is_empty());
    let shown = screen(&s, &lib);
    assert!(shown.contains("indexing… what is typed runs"), "{shown}");
    // n and N say why they cannot step yet.
    press(&mut s, &lib, "<esc>n");
    press(&mut s, &lib, "/welcomes");
    arrive(
        &mut s,
        &lib,
        Built::Search(std::sync::Arc::new(SearchIndex::build(&lib.corpus))),
    );
    let hits = &search(&s).hits;
    assert!(!hits.is_empty());
    assert_eq!(lib.corpus.documents[hits[0].doc].id, "beta-2018");
    let shown = screen(&s, &lib);
    assert!(!shown.contains("indexing… search"), "{shown}");
    assert!(shown.contains("indexing… people"), "{shown}");
    // Keys typed after it arrived narrow the same query.
    press(&mut s, &lib, "<backspace><backspace><backspace>");
    assert_eq!(search(&s).input.text(), "welco");
    assert!(!search(&s).hits.is_empty());
}

#[test]
fn n_before_the_search_index_arrives_says_so() {
    let lib = Library::unindexed(fixture_corpus());
    let mut s = state(&lib, 120, 40);
    s.last_query = Some("welcomes".into());
    press(&mut s, &lib, "<enter>n");
    let said = &s.status.as_ref().expect("a status").text;
    assert!(said.starts_with("indexing…"), "{said}");
}

#[test]
fn the_people_pane_says_indexing_until_its_index_and_then_its_passages_arrive() {
    let lib = Library::unindexed(fixture_corpus());
    let mut s = state(&lib, 120, 40);
    press(&mut s, &lib, "p");
    let shown = screen(&s, &lib);
    assert!(shown.contains("People index: indexing…"), "{shown}");
    // Keys given meanwhile do no harm.
    press(&mut s, &lib, "jjk");
    arrive(
        &mut s,
        &lib,
        Built::People(Box::new(PeopleIndex::new(&lib.corpus))),
    );
    let shown = screen(&s, &lib);
    assert!(shown.contains("Alpha Coalition"), "{shown}");
    assert!(shown.contains("Passages naming it (indexing…)"), "{shown}");
    arrive(
        &mut s,
        &lib,
        Built::Passages(Passages::find(&lib.corpus, &Tokens::read(&lib.corpus))),
    );
    let shown = screen(&s, &lib);
    assert!(shown.contains("Passages naming it (0)"), "{shown}");
    assert!(shown.contains("indexing… search 0%  "), "{shown}");
    // The sidebar's counts come with the index.
    press(&mut s, &lib, "<esc>");
    assert!(!screen(&s, &lib).contains("+n counts"));
}

#[test]
fn an_index_arriving_keeps_what_the_status_bar_said() {
    let lib = Library::unindexed(fixture_corpus());
    let mut s = state(&lib, 120, 40);
    // Space marks the document, and says so.
    press(&mut s, &lib, "<space>");
    let said = s.status.clone();
    assert!(said.is_some());
    arrive(
        &mut s,
        &lib,
        Built::People(Box::new(PeopleIndex::new(&lib.corpus))),
    );
    assert_eq!(s.status, said);
    assert_eq!(
        lib.keep(Built::People(Box::new(PeopleIndex::new(&lib.corpus)))),
        Index::People
    );
}

#[test]
fn an_index_that_fails_to_build_is_said_instead_of_indexing_for_ever() {
    let lib = Library::unindexed(fixture_corpus());
    let mut s = state(&lib, 120, 40);
    arrive(&mut s, &lib, Built::Failed(Index::Search, "a bug".into()));
    let shown = screen(&s, &lib);
    let status = shown.lines().last().unwrap_or_default();
    assert!(
        status.contains("could not build an index (a bug; restart nkread): Search: a bug"),
        "{shown}"
    );
    assert!(!status.contains("indexing…"), "{status}");
    // The search overlay says so too, rather than "indexing…" for ever.
    press(&mut s, &lib, "/welcomes");
    let shown = screen(&s, &lib);
    assert!(
        shown.contains("search is unavailable (a bug): a bug"),
        "{shown}"
    );
    assert!(!shown.contains("indexing… what is typed"), "{shown}");
}

#[test]
fn a_query_that_cannot_parse_is_said_before_the_index_arrives() {
    let lib = Library::unindexed(fixture_corpus());
    let mut s = state(&lib, 120, 40);
    press(&mut s, &lib, "/kind:nonsense");
    let problem = search(&s).problem.clone().unwrap_or_default();
    assert!(problem.contains("nonsense"), "{problem:?}");
    // On screen too, not behind "indexing…".
    let shown = screen(&s, &lib);
    assert!(shown.contains("nonsense"), "{shown}");
    assert!(!shown.contains("indexing… what is typed"), "{shown}");
}

#[test]
fn enter_on_a_sidebar_entry_before_the_people_index_says_so_and_opens_nothing() {
    let lib = Library::unindexed(fixture_corpus());
    let mut s = state(&lib, 120, 40);
    // Open the first document, go to the sidebar, and ask for its entity.
    press(&mut s, &lib, "<enter><tab>j<enter>");
    assert!(s.overlays.is_empty(), "{:?}", s.overlays);
    let status = s
        .status
        .as_ref()
        .map(|m| m.text.clone())
        .unwrap_or_default();
    assert!(status.contains("People index"), "{status}");
}
