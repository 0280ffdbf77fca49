//! The pure update, driven by key sequences on the fixture lib.

mod common;

use common::{answered, bundled, fixture, press, state};
use nkread::tui::layout::Pane;
use nkread::tui::layout::people::Detail;
use nkread::tui::layout::reader::ReaderText;
use nkread::tui::layout::search::{answer, counted, first_hits};
use nkread::tui::msg::{Action, Msg};
use nkread::tui::state::Overlay;
use nkread::tui::update::{Effect, update};

fn open_id(s: &nkread::tui::state::AppState, lib: &nkread::library::Library) -> String {
    lib.corpus.documents[s.open().unwrap()].id.clone()
}

/// The open document laid out for the reader pane as it is now.
fn reader_text(s: &nkread::tui::state::AppState, lib: &nkread::library::Library) -> ReaderText {
    let area = nkread::tui::layout::inner(s.panes().reader.expect("the reader is on screen"));
    let doc = &lib.corpus.documents[s.open().unwrap()];
    ReaderText::lay_out(doc, usize::from(area.width), s.options, s.fold_signatures)
}

#[test]
fn changing_the_reader_s_width_keeps_the_cursor_on_screen() {
    let lib = fixture();
    let mut s = state(&lib, 80, 24);
    // Tab to the sidebar at 80 columns widens the reader (the list folds).
    press(&mut s, &lib, "<enter>]]]]]]]]<tab>");
    assert_eq!(s.focus, Pane::Sidebar);
    let text = reader_text(&s, &lib);
    let span = text.paragraphs[s.reader().cursor].clone();
    let rows = usize::from(nkread::tui::layout::inner(s.panes().reader.unwrap()).height);
    let scroll = s.reader().scroll;
    assert!(
        span.end > scroll && span.start < scroll + rows,
        "{span:?} {scroll}"
    );
}

#[test]
fn the_list_starts_on_the_newest_document_and_stays_in_range() {
    let lib = fixture();
    let mut s = state(&lib, 120, 40);
    assert_eq!(s.focus, Pane::List);
    assert_eq!(open_id(&s, &lib), "alpha-2020");
    press(&mut s, &lib, "k");
    assert_eq!(s.selected, 0);
    press(&mut s, &lib, "j");
    assert_eq!(open_id(&s, &lib), "beta-2018");
    press(&mut s, &lib, "jjjj");
    assert_eq!(open_id(&s, &lib), "gamma", "undated last, and no further");
    press(&mut s, &lib, "g");
    assert_eq!(s.selected, 0);
    press(&mut s, &lib, "G");
    assert_eq!(s.selected, 2);
}

#[test]
fn enter_reads_and_escape_returns_to_the_list() {
    let lib = fixture();
    let mut s = state(&lib, 120, 40);
    press(&mut s, &lib, "<enter>");
    assert_eq!(s.focus, Pane::Reader);
    press(&mut s, &lib, "<esc>");
    assert_eq!(s.focus, Pane::List);
}

#[test]
fn tab_cycles_the_panes_and_skips_a_hidden_sidebar() {
    let lib = fixture();
    let mut s = state(&lib, 120, 40);
    let mut seen = Vec::new();
    for _ in 0..3 {
        press(&mut s, &lib, "<tab>");
        seen.push(s.focus);
    }
    assert_eq!(seen, [Pane::Reader, Pane::Sidebar, Pane::List]);
    press(&mut s, &lib, "<shift-tab>");
    assert_eq!(s.focus, Pane::Sidebar);
    press(&mut s, &lib, "s");
    assert!(!s.sidebar_visible);
    assert_eq!(
        s.focus,
        Pane::Reader,
        "hiding the focused sidebar focuses the reader"
    );
    press(&mut s, &lib, "<tab><tab>");
    assert_eq!(s.focus, Pane::Reader);
}

#[test]
fn showing_the_sidebar_where_it_folds_away_goes_to_it() {
    let lib = fixture();
    let mut s = state(&lib, 80, 24);
    press(&mut s, &lib, "s");
    assert!(s.sidebar_visible);
    assert_eq!(s.focus, Pane::Sidebar, "one press shows the folded sidebar");
    press(&mut s, &lib, "s");
    assert_eq!(s.focus, Pane::Reader);
    assert!(s.panes().sidebar.is_none());
}

#[test]
fn brackets_move_the_reading_cursor_and_keep_it_on_screen() {
    let lib = fixture();
    let mut s = state(&lib, 80, 24);
    press(&mut s, &lib, "<enter>");
    press(&mut s, &lib, "]]]]]");
    assert_eq!(s.reader().cursor, 5);
    let area = nkread::tui::layout::inner(
        nkread::tui::layout::panes(80, 24, Pane::Reader, true, Default::default())
            .reader
            .unwrap(),
    );
    let doc = &lib.corpus.documents[s.open().unwrap()];
    let text = ReaderText::lay_out(doc, usize::from(area.width), s.options, s.fold_signatures);
    let span = text.paragraphs[5].clone();
    let r = s.reader();
    assert!(span.start >= r.scroll && span.end <= r.scroll + usize::from(area.height));
    press(&mut s, &lib, "[[[[[[[[");
    assert_eq!(s.reader().cursor, 0);
    press(&mut s, &lib, "G");
    assert_eq!(s.reader().cursor, 11);
    press(&mut s, &lib, "]j<space>");
    assert_eq!(s.reader().cursor, 11, "the last paragraph is the last");
}

#[test]
fn scrolling_down_drags_the_cursor_along_and_reaches_every_paragraph() {
    let lib = fixture();
    let mut s = state(&lib, 80, 24);
    press(&mut s, &lib, "<enter>");
    press(&mut s, &lib, "jjjjjjjjjjjj");
    let r = s.reader();
    assert_eq!(r.scroll, 12);
    let text = reader_text(&s, &lib);
    let span = text.paragraphs[r.cursor].clone();
    assert!(
        span.start >= 12 || span.end > 12,
        "the cursor moved on with the text"
    );
    assert!(
        r.cursor == 0 || text.paragraphs[r.cursor - 1].end <= 12,
        "to the first paragraph on screen"
    );
    // Paging down to the end and on walks the cursor to the last paragraph.
    for _ in 0..40 {
        press(&mut s, &lib, "<pagedown>");
    }
    assert_eq!(s.reader().cursor, 11);
    for _ in 0..40 {
        press(&mut s, &lib, "<pageup>");
    }
    assert_eq!(s.reader(), Default::default());
}

#[test]
fn each_document_keeps_its_place() {
    let lib = fixture();
    let mut s = state(&lib, 120, 40);
    press(&mut s, &lib, "<enter>]]]<esc>j");
    assert_eq!(open_id(&s, &lib), "beta-2018");
    assert_eq!(s.reader().cursor, 0);
    press(&mut s, &lib, "k");
    assert_eq!(s.reader().cursor, 3);
}

#[test]
fn y_copies_the_paragraph_with_its_citation() {
    let lib = fixture();
    let mut s = state(&lib, 120, 40);
    let effects = press(&mut s, &lib, "j<enter>]y");
    assert_eq!(
        effects,
        [Effect::Copy(
            "“This is a step,” said Jane Roe.\n\n\
             — Beta Watch, “Beta Watch welcomes the resolution 🙂”, 2018, ¶2\n"
                .to_string()
        )]
    );
    assert_eq!(
        s.status.as_ref().unwrap().text,
        "sent ¶2 with its citation to the clipboard (OSC 52)"
    );
    press(&mut s, &lib, "j");
    assert_eq!(s.status, None, "a message lasts until the next key");
}

#[test]
fn the_list_of_files_that_did_not_load_scrolls_closes_and_is_then_no_longer_named() {
    let lib = fixture();
    let mut s = state(&lib, 80, 12);
    press(&mut s, &lib, "!");
    assert!(s.overlays.is_empty());
    assert_eq!(s.status.as_ref().unwrap().text, "every corpus file loaded");
    s.load_problems = (0..20)
        .map(|i| nkread::corpus::Problem::new(format!("d{i}.toml"), "the title is empty"))
        .collect();
    press(&mut s, &lib, "!jj");
    assert_eq!(s.overlays, [Overlay::Problems { scroll: 2 }]);
    press(&mut s, &lib, "G");
    let Some(Overlay::Problems { scroll }) = s.overlays.last() else {
        panic!("the list is open")
    };
    assert!(*scroll > 20, "{scroll}");
    assert!(!s.load_problems_seen);
    press(&mut s, &lib, "q");
    assert!(s.overlays.is_empty() && !s.quit && s.load_problems_seen);
}

#[test]
fn help_is_an_overlay_that_q_closes_and_ctrl_c_quits_through() {
    let lib = fixture();
    let mut s = state(&lib, 120, 40);
    press(&mut s, &lib, "?");
    assert_eq!(s.overlays, [Overlay::Help { scroll: 0 }]);
    press(&mut s, &lib, "jjs<tab>");
    assert_eq!(s.overlays, [Overlay::Help { scroll: 2 }]);
    assert_eq!(
        s.focus,
        Pane::List,
        "keys do not reach the panes under help"
    );
    press(&mut s, &lib, "q");
    assert!(s.overlays.is_empty() && !s.quit);
    press(&mut s, &lib, "?<ctrl-c>");
    assert!(s.quit);
}

#[test]
fn q_quits_and_ctrl_z_asks_the_loop_to_suspend() {
    let lib = fixture();
    let mut s = state(&lib, 80, 24);
    assert_eq!(press(&mut s, &lib, "<ctrl-z>"), [Effect::Suspend]);
    assert!(!s.quit);
    press(&mut s, &lib, "q");
    assert!(s.quit);
}

#[test]
fn a_click_focuses_and_selects_and_the_wheel_scrolls_the_pane_under_it() {
    let lib = fixture();
    let mut s = state(&lib, 120, 40);
    // The list's inner area starts on row 1; each document takes 3 rows.
    update(&mut s, &lib, Msg::ClickAt { column: 3, row: 4 });
    assert_eq!(open_id(&s, &lib), "beta-2018");
    press(&mut s, &lib, "k");
    let panes = nkread::tui::layout::panes(120, 40, s.focus, true, Default::default());
    let reader = panes.reader.unwrap();
    let (x, y) = (reader.x + 10, reader.y + 5);
    update(
        &mut s,
        &lib,
        Msg::ScrollAt {
            column: x,
            row: y,
            down: true,
        },
    );
    assert_eq!(s.reader().scroll, 3);
    assert_eq!(s.focus, Pane::List, "the wheel does not move the focus");
    update(
        &mut s,
        &lib,
        Msg::ClickAt {
            column: x,
            row: reader.y + 1,
        },
    );
    assert_eq!(s.focus, Pane::Reader);
    let sidebar = panes.sidebar.unwrap();
    // Below the border: issuers' heading, Alpha Coalition, its acronym, a
    // blank, the signatories' heading, then two lines for Tomás.
    update(
        &mut s,
        &lib,
        Msg::ClickAt {
            column: sidebar.x + 2,
            row: sidebar.y + 9,
        },
    );
    assert_eq!(s.focus, Pane::Sidebar);
    assert_eq!(s.sidebar.selected, 2, "the third entry, 북한인권시민연합");
}

#[test]
fn a_resize_keeps_the_reading_cursor_on_screen() {
    let lib = fixture();
    let mut s = state(&lib, 200, 60);
    press(&mut s, &lib, "<enter>G");
    update(&mut s, &lib, Msg::Resize(40, 12));
    update(&mut s, &lib, Msg::Resize(0, 0));
    update(&mut s, &lib, Msg::Resize(80, 24));
    let area = nkread::tui::layout::inner(
        nkread::tui::layout::panes(80, 24, Pane::Reader, true, Default::default())
            .reader
            .unwrap(),
    );
    let doc = &lib.corpus.documents[s.open().unwrap()];
    let text = ReaderText::lay_out(doc, usize::from(area.width), s.options, s.fold_signatures);
    let span = text.paragraphs[s.reader().cursor].clone();
    assert!(span.start >= s.reader().scroll);
    assert!(span.start < s.reader().scroll + usize::from(area.height));
}

/// The People pane's entities as listed for its filter and sort: the
/// list it keeps, which must be the one worked out afresh.
fn listed_people(
    lib: &nkread::library::Library,
    p: &nkread::tui::state::PeopleState,
) -> Vec<usize> {
    let fresh = nkread::tui::layout::people::listed(lib, p.filter.text(), p.sort, None);
    assert_eq!(p.listed, fresh, "the list kept for {:?}", p.filter.text());
    fresh
}

/// The list kept as a filter is typed, narrowed from the list before while
/// the filter only grows, is the list worked out afresh, at every key.
#[test]
fn the_people_list_kept_is_the_list_for_the_filter_and_order() {
    let lib = bundled();
    let mut s = state(&lib, 120, 40);
    press(&mut s, &lib, "p/");
    let typing = [
        "h",
        "u",
        "m",
        "a",
        "n",
        " ",
        "r",
        "<backspace>",
        "R",
        "i",
        "<ctrl-w>",
        "k",
        "o",
        "r",
        "e",
        "a",
        "<ctrl-u>",
        " ",
        "w",
        "a",
        "t",
        "c",
        "h",
        "<esc>",
        "s",
        "/",
        "<backspace>",
        "<backspace>",
        "i",
        "n",
        "<home>",
        "x",
        "<esc>",
        "s",
    ];
    for keys in typing {
        press(&mut s, &lib, keys);
        listed_people(&lib, people(&s));
    }
}

fn people(s: &nkread::tui::state::AppState) -> &nkread::tui::state::PeopleState {
    match s.overlays.last() {
        Some(Overlay::People(p)) => p,
        other => panic!("the People pane is not open: {other:?}"),
    }
}

#[test]
fn the_people_pane_filters_as_you_type_and_sorts() {
    let lib = fixture();
    let mut s = state(&lib, 120, 40);
    press(&mut s, &lib, "p");
    let all = listed_people(&lib, people(&s)).len();
    assert_eq!(all, 5, "every entity that appears in a document");
    press(&mut s, &lib, "/beta");
    assert!(people(&s).editing);
    assert_eq!(people(&s).filter.text(), "beta");
    let names: Vec<&str> = listed_people(&lib, people(&s))
        .into_iter()
        .map(|e| lib.corpus.entities.get(e).name.as_str())
        .collect();
    assert_eq!(names, ["Beta Watch"]);
    press(&mut s, &lib, "<ctrl-w>");
    assert_eq!(people(&s).filter.text(), "");
    press(&mut s, &lib, "qx");
    assert_eq!(people(&s).filter.text(), "qx", "q types while editing");
    update(&mut s, &lib, Msg::Paste("line\nbreak".to_string()));
    assert_eq!(people(&s).filter.text(), "qxline break");
    press(&mut s, &lib, "<esc>");
    assert!(!people(&s).editing);
    press(&mut s, &lib, "<esc>");
    assert!(s.overlays.is_empty());
    assert!(!s.quit);
}

#[test]
fn enter_on_a_sidebar_entry_leads_to_its_other_documents_and_passages() {
    let lib = fixture();
    let mut s = state(&lib, 120, 40);
    // Alpha's sidebar: Alpha Coalition, Tomás, 북한인권시민연합, Beta Watch.
    press(&mut s, &lib, "<tab><tab>jjj<enter>");
    let p = people(&s);
    let listed = listed_people(&lib, p);
    assert_eq!(
        lib.corpus.entities.get(listed[p.selected]).name,
        "Beta Watch"
    );
    assert!(p.in_detail);
    let detail = Detail::of(&lib, listed[p.selected]).expect("the People index");
    let texts: Vec<String> = (0..detail.rows()).map(|i| detail.row(i, 80).text).collect();
    assert!(texts.iter().any(|t| t == "Documents (2)"), "{texts:?}");
    // The second openable row is beta, where Beta Watch is the issuer.
    press(&mut s, &lib, "j<enter>");
    assert!(s.overlays.is_empty());
    assert_eq!(s.focus, Pane::Reader);
    assert_eq!(open_id(&s, &lib), "beta-2018");
}

#[test]
fn a_passage_opens_with_the_cursor_on_it() {
    let lib = fixture();
    let mut s = state(&lib, 120, 40);
    press(&mut s, &lib, "p/jane<enter><enter>");
    let p = people(&s);
    let entity = listed_people(&lib, p)[p.selected];
    let detail = Detail::of(&lib, entity).expect("the People index");
    let passage = (0..detail.openable())
        .position(|k| {
            let row = detail.openable_row(k).expect("an openable row");
            detail.row(row, 80).text.starts_with("2018 ¶2")
        })
        .expect("Jane Roe is named in beta ¶2");
    for _ in 0..passage {
        press(&mut s, &lib, "j");
    }
    press(&mut s, &lib, "<enter>");
    assert_eq!(open_id(&s, &lib), "beta-2018");
    assert_eq!(s.reader().cursor, 1);
}

#[test]
fn sorting_keeps_the_selected_entity() {
    let lib = fixture();
    let mut s = state(&lib, 120, 40);
    press(&mut s, &lib, "pjj");
    let before = listed_people(&lib, people(&s))[people(&s).selected];
    press(&mut s, &lib, "s");
    let after = listed_people(&lib, people(&s))[people(&s).selected];
    assert_eq!(before, after);
    assert_eq!(people(&s).sort, nkread::people::SortBy::Documents);
}

#[test]
fn space_marks_documents_and_o_opens_the_coalition_grid_on_them() {
    let lib = fixture();
    let mut s = state(&lib, 120, 40);
    // None marked: every document, oldest first, the undated last.
    press(&mut s, &lib, "o");
    let Some(Overlay::Grid(grid)) = s.overlays.last() else {
        panic!("no grid");
    };
    let ids: Vec<&str> = grid
        .grid
        .docs()
        .iter()
        .map(|&d| lib.corpus.documents[d].id.as_str())
        .collect();
    assert_eq!(ids, ["beta-2018", "alpha-2020", "gamma"]);
    press(&mut s, &lib, "<esc><space>j<space>");
    assert_eq!(s.marked.len(), 2);
    press(&mut s, &lib, "o");
    let Some(Overlay::Grid(grid)) = s.overlays.last() else {
        panic!("no grid");
    };
    assert_eq!(grid.grid.docs().len(), 2);
    // The quick filter "in all": those both documents name.
    press(&mut s, &lib, "f");
    let Some(Overlay::Grid(grid)) = s.overlays.last() else {
        panic!("no grid");
    };
    let names: Vec<&str> = grid
        .listed
        .iter()
        .map(|&row| lib.corpus.entities.get(grid.grid.entity(row)).name.as_str())
        .collect();
    assert_eq!(names, ["Beta Watch", "Jane Roe"]);
    press(&mut s, &lib, "<esc><space>");
    assert_eq!(s.marked.len(), 1, "space again unmarks");
}

fn search(s: &nkread::tui::state::AppState) -> &nkread::tui::state::SearchState {
    match s.overlays.last() {
        Some(Overlay::Search(search)) => search,
        other => panic!("the search overlay is not open: {other:?}"),
    }
}

#[test]
fn search_updates_on_every_key_and_enter_opens_the_paragraph() {
    let lib = fixture();
    let mut s = state(&lib, 120, 40);
    press(&mut s, &lib, "/jane");
    let hits = search(&s).hits.clone();
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| {
        h.doc
            == lib
                .corpus
                .documents
                .iter()
                .position(|d| d.id == "beta-2018")
                .unwrap()
            || h.doc
                == lib
                    .corpus
                    .documents
                    .iter()
                    .position(|d| d.id == "alpha-2020")
                    .unwrap()
    }));
    press(&mut s, &lib, " step");
    let hits = &search(&s).hits;
    assert_eq!(hits.len(), 1, "both words must match: {hits:?}");
    assert_eq!(hits[0].field, nkread::search::Field::Paragraph(1));
    press(&mut s, &lib, "<enter>");
    assert!(s.overlays.is_empty());
    assert_eq!(open_id(&s, &lib), "beta-2018");
    assert_eq!(s.reader().cursor, 1);
    assert_eq!(s.focus, Pane::Reader);
    assert_eq!(s.last_query.as_deref(), Some("jane step"));
    assert_eq!(
        s.status.as_ref().unwrap().text,
        "match 1/1 in this document"
    );
}

/// A query that finds nothing names the term that matched nothing and
/// lists the partial matches; Enter opens one, and n steps through the
/// matches of the query without that term.
#[test]
fn an_empty_search_names_the_missing_term_and_offers_partial_matches() {
    let lib = fixture();
    let mut s = state(&lib, 120, 40);
    press(&mut s, &lib, "/jane stepqqq");
    let found = search(&s);
    let miss = found.miss.as_ref().expect("nothing found, and why");
    assert_eq!(miss.left_out(), ["stepqqq"]);
    assert_eq!(
        miss.said(),
        "nothing matches “stepqqq”; partial matches without it"
    );
    let jane = answer(
        &lib,
        &nkread::tui::msg::Ask {
            id: 0,
            text: "jane".into(),
            doc: None,
            first: 200,
        },
    );
    assert_eq!(found.hits, jane.hits, "the partial matches are jane's hits");
    assert!(jane.miss.is_none());
    press(&mut s, &lib, "<enter>");
    assert!(s.overlays.is_empty());
    assert_eq!(s.last_query.as_deref(), Some("jane"));
    // Typing on clears the miss once a query finds something again.
    press(&mut s, &lib, "/jane");
    assert!(search(&s).miss.is_none());
}

/// A jump lands near the top, two lines of context above, as less and vim
/// do: enter on a hit below the screen put it on the bottom rows.
#[test]
fn a_search_jump_puts_the_paragraph_near_the_top_with_context_above() {
    let lib = bundled();
    let mut s = state(&lib, 80, 24);
    press(&mut s, &lib, "/10th anniversary<enter>");
    assert_eq!(open_id(&s, &lib), "hrc55-open-letter-2024");
    assert_eq!(s.reader().cursor, 5);
    let text = reader_text(&s, &lib);
    assert_eq!(text.paragraphs[5].start - s.reader().scroll, 2);
    // n from the top of the document: the same.
    press(&mut s, &lib, "gn");
    assert_eq!(s.reader().cursor, 5);
    assert_eq!(text.paragraphs[5].start - s.reader().scroll, 2);
    // A paragraph on screen already is not moved: n scrolls nothing.
    let mut s = state(&lib, 80, 24);
    press(&mut s, &lib, "/excellencies<enter>");
    assert_eq!((s.reader().cursor, s.reader().scroll), (0, 0));
}

#[test]
fn n_and_n_step_through_the_matches_in_the_document_and_wrap() {
    let lib = fixture();
    let mut s = state(&lib, 120, 40);
    press(&mut s, &lib, "/synthetic<enter>");
    assert_eq!(open_id(&s, &lib), "alpha-2020");
    let first = s.reader().cursor;
    assert_eq!(first, 1, "paragraphs 2 to 12 say synthetic");
    press(&mut s, &lib, "n");
    assert_eq!(s.reader().cursor, 2);
    assert_eq!(
        s.status.as_ref().unwrap().text,
        "match 2/11 in this document"
    );
    press(&mut s, &lib, "NN");
    assert_eq!(
        s.reader().cursor,
        11,
        "N before the first wraps to the last"
    );
    assert!(s.status.as_ref().unwrap().text.ends_with("from the bottom"));
}

#[test]
fn n_without_a_search_says_how_to_search() {
    let lib = fixture();
    let mut s = state(&lib, 120, 40);
    press(&mut s, &lib, "<enter>n");
    assert_eq!(s.status.as_ref().unwrap().text, "no search yet: / searches");
}

#[test]
fn ctrl_t_narrows_search_to_the_open_document_and_bad_filters_are_shown() {
    let lib = fixture();
    let mut s = state(&lib, 120, 40);
    press(&mut s, &lib, "/beta");
    let everywhere = search(&s).hits.len();
    press(&mut s, &lib, "<ctrl-t>");
    assert!(search(&s).this_document);
    let alpha = lib
        .corpus
        .documents
        .iter()
        .position(|d| d.id == "alpha-2020")
        .unwrap();
    assert!(search(&s).hits.iter().all(|h| h.doc == alpha));
    assert!(search(&s).hits.len() < everywhere);
    press(&mut s, &lib, "<ctrl-u>colour:red");
    assert!(search(&s).hits.is_empty());
    let problem = search(&s)
        .problem
        .clone()
        .expect("an unknown filter is an error");
    assert!(problem.contains("colour"), "{problem}");
    press(&mut s, &lib, "<esc>");
    assert!(s.overlays.is_empty());
    assert_eq!(s.focus, Pane::List, "Esc returns to where the reader was");
}

/// A query asks for a screen's worth of hits; they are shown with
/// "counting…" until the count comes with more hits, the first ones and
/// the selection unchanged; the first answer sent twice is not a count.
#[test]
fn the_best_hits_come_first_and_their_count_follows() {
    let lib = bundled();
    let mut s = state(&lib, 80, 24);
    press(&mut s, &lib, "/");
    let ask = asked(update(&mut s, &lib, Msg::Paste("human rights".into())));
    assert_eq!(ask.first, first_hits(24));
    assert_eq!(ask.first, 48);
    // Fewer asked than there are, as on a large corpus.
    let ask = nkread::tui::msg::Ask { first: 3, ..ask };
    let first = answer(&lib, &ask);
    assert_eq!((first.hits.len(), first.total), (3, None));
    update(&mut s, &lib, Msg::Searched(first.clone()));
    assert!(!s.searching() && s.counting());
    assert_eq!(search(&s).hits, first.hits);
    update(&mut s, &lib, Msg::Do(Action::MoveDown));
    update(&mut s, &lib, Msg::Do(Action::MoveDown));
    assert_eq!(search(&s).selected, 2);
    // The same first answer again (the searcher's, after the glimpse's)
    // is not the count.
    update(&mut s, &lib, Msg::Searched(first.clone()));
    assert!(s.counting());
    assert_eq!(search(&s).total, 3);
    let all = counted(&lib, &ask, &|| false).expect("not stopped");
    let total = all.total.expect("counted");
    assert!(total > 3, "{total}");
    update(&mut s, &lib, Msg::Searched(all.clone()));
    assert!(!s.counting());
    assert_eq!(search(&s).total, total);
    assert_eq!(search(&s).hits[..3], first.hits[..]);
    assert_eq!(search(&s).hits, all.hits);
    assert_eq!(search(&s).selected, 2, "the selection stays");
}

/// A count that comes after a later query was asked is dropped: the later
/// query's hits are not replaced by the earlier one's.
#[test]
fn a_count_overtaken_by_a_later_query_is_dropped() {
    let lib = bundled();
    let mut s = state(&lib, 80, 24);
    press(&mut s, &lib, "/");
    let ask = asked(update(&mut s, &lib, Msg::Paste("human rights".into())));
    let ask = nkread::tui::msg::Ask { first: 3, ..ask };
    update(&mut s, &lib, Msg::Searched(answer(&lib, &ask)));
    assert!(s.counting());
    let later = asked(update(&mut s, &lib, Msg::Typed('x')));
    assert!(!s.counting() && s.searching());
    let late = counted(&lib, &ask, &|| false).expect("not stopped");
    update(&mut s, &lib, Msg::Searched(late));
    assert!(!s.counting() && s.searching());
    assert_eq!(search(&s).hits.len(), 3);
    update(&mut s, &lib, Msg::Searched(answer(&lib, &later)));
    assert!(!s.searching());
    assert_eq!(search(&s).answered, "human rightsx");
}

/// The query a key asked, from its effects.
fn asked(effects: Vec<Effect>) -> nkread::tui::msg::Ask {
    let mut asks = effects.into_iter().filter_map(|e| match e {
        Effect::Search(ask) => Some(ask),
        _ => None,
    });
    let ask = asks.next().expect("the key asks its query");
    assert!(asks.next().is_none(), "one query a key");
    ask
}

#[test]
fn typing_asks_the_query_apart_and_only_the_latest_answer_is_shown() {
    let lib = fixture();
    let mut s = state(&lib, 120, 40);
    press(&mut s, &lib, "/welcomes");
    let before = search(&s).hits.clone();
    assert!(!before.is_empty());
    // Two keys ask two queries; until an answer comes, the hits shown
    // answer the query before, and the overlay says it is searching.
    let first = asked(update(&mut s, &lib, Msg::Do(Action::ClearInput)));
    let second = asked(update(&mut s, &lib, Msg::Paste("welcomes".into())));
    assert!(second.id > first.id);
    assert_eq!(
        (first.text.as_str(), second.text.as_str()),
        ("", "welcomes")
    );
    assert_eq!(search(&s).hits, before);
    assert_eq!(search(&s).answered, "welcomes");
    assert!(s.searching());
    let shown = common::rows(common::drawn(&s, &lib).buffer()).join("\n");
    assert!(shown.contains("searching…"), "{shown}");
    // The first query's answer comes late: a later one was asked, so it
    // is dropped, and the overlay is still waiting.
    let late = answer(&lib, &first);
    assert!(late.hits.is_empty());
    update(&mut s, &lib, Msg::Searched(late));
    assert_eq!(search(&s).hits, before);
    assert!(s.searching());
    update(&mut s, &lib, Msg::Searched(answer(&lib, &second)));
    assert_eq!(search(&s).hits, before);
    assert!(!s.searching());
    // An answer that comes after the overlay closed is dropped.
    let third = asked(update(&mut s, &lib, Msg::Typed('x')));
    update(&mut s, &lib, Msg::Do(Action::Back));
    assert!(s.overlays.is_empty() && !s.searching());
    update(&mut s, &lib, Msg::Searched(answer(&lib, &third)));
    assert!(s.overlays.is_empty());
}

#[test]
fn enter_while_a_query_is_out_opens_the_hit_shown_with_its_query() {
    let lib = fixture();
    let mut s = state(&lib, 120, 40);
    press(&mut s, &lib, "/welcomes");
    let hit = search(&s).hits[0];
    update(&mut s, &lib, Msg::Typed('z'));
    update(&mut s, &lib, Msg::Do(Action::OpenSelection));
    assert!(s.overlays.is_empty());
    assert_eq!(s.open(), Some(hit.doc));
    // n and N step through what the hit shown matched.
    assert_eq!(s.last_query.as_deref(), Some("welcomes"));
}

#[test]
fn a_pasted_page_is_cut_and_said() {
    let lib = fixture();
    let mut s = state(&lib, 120, 40);
    press(&mut s, &lib, "/");
    let asked = update(&mut s, &lib, Msg::Paste("x ".repeat(5_000)));
    answered(&mut s, &lib, asked);
    assert_eq!(
        search(&s).input.text().chars().count(),
        nkread::tui::input::MAX_CHARS
    );
    let problem = search(&s).problem.clone().expect("the cut is said");
    assert!(problem.contains("cut"), "{problem}");
}

#[test]
fn a_person_hit_selects_them_in_the_sidebar() {
    let lib = fixture();
    let mut s = state(&lib, 120, 40);
    press(&mut s, &lib, "/tomás");
    let hit = search(&s).hits[0];
    assert!(
        matches!(hit.field, nkread::search::Field::Person(1)),
        "{hit:?}"
    );
    press(&mut s, &lib, "<enter>");
    assert_eq!(open_id(&s, &lib), "alpha-2020");
    assert_eq!(s.sidebar.selected, 1);
    assert_eq!(
        s.status.as_ref().unwrap().text,
        "Tomás Ojea Quintana, signatory (in the people sidebar)"
    );
}

#[test]
fn the_people_filter_puts_the_best_match_first() {
    let lib = common::bundled();
    let mut s = state(&lib, 120, 40);
    press(&mut s, &lib, "p/ojea");
    let first = listed_people(&lib, people(&s))[0];
    assert_eq!(lib.corpus.entities.get(first).name, "Tomás Ojea-Quintana");
}

/// Names whose words start with the filter rank above names that hold its
/// letters scattered, which are left out when a real match exists; a
/// known acronym's body comes first.
#[test]
fn the_people_filter_ranks_words_and_acronyms_above_scattered_letters() {
    let lib = common::bundled();
    let names = |filter: &str| -> Vec<String> {
        let mut s = state(&lib, 120, 40);
        press(&mut s, &lib, &format!("p/{filter}"));
        listed_people(&lib, people(&s))
            .into_iter()
            .map(|e| lib.corpus.entities.get(e).name.clone())
            .collect()
    };
    let ojea = names("ojea");
    assert_eq!(ojea, ["Tomás Ojea-Quintana"], "{ojea:?}");
    let hrw = names("hrw");
    assert_eq!(hrw[0], "Human Rights Watch", "{hrw:?}");
    if let Some(without) = hrw
        .iter()
        .position(|n| n.starts_with("Human Rights Without"))
    {
        assert!(without > 0, "{hrw:?}");
    }
    // Nothing but scattered letters: those are still listed.
    assert!(!names("hmnrts").is_empty());
}

#[test]
fn q_quits_from_an_overlay_the_screen_is_too_small_to_show() {
    let lib = fixture();
    let mut s = state(&lib, 120, 40);
    press(&mut s, &lib, "p");
    update(&mut s, &lib, Msg::Resize(10, 3));
    press(&mut s, &lib, "q");
    assert!(s.quit);
}

mod bookmarks {
    use super::*;
    use nkread::bookmarks::{Bookmark, Change};
    use nkread::tui::state::{AppState, Editing, StatusKind};

    /// The changes the loop was asked to save.
    fn saved(effects: &[Effect]) -> Vec<&Change> {
        effects
            .iter()
            .filter_map(|e| match e {
                Effect::Save(change) => Some(change),
                _ => None,
            })
            .collect()
    }

    fn reader_on_beta_3() -> (nkread::library::Library, AppState) {
        let lib = fixture();
        let mut s = state(&lib, 120, 40);
        press(&mut s, &lib, "j<enter>]]");
        assert_eq!(open_id(&s, &lib), "beta-2018");
        assert_eq!(s.reader().cursor, 2);
        (lib, s)
    }

    #[test]
    fn b_keeps_the_paragraph_under_the_cursor_and_b_again_removes_it() {
        let (lib, mut s) = reader_on_beta_3();
        let effects = press(&mut s, &lib, "b");
        let [Change::Add(b)] = saved(&effects)[..] else {
            panic!("{effects:?}")
        };
        assert_eq!(
            (b.doc.as_str(), b.paragraph, b.quote.as_str()),
            ("beta-2018", 3, "A third paragraph with Hangul: 북한 인권.")
        );
        assert_eq!(b.created, "2026-11-23T15:40:02Z");
        assert_eq!(s.bookmarks, std::slice::from_ref(b));
        let id = b.id.clone();
        let effects = press(&mut s, &lib, "b");
        assert_eq!(saved(&effects), [&Change::Remove(id.clone())]);
        assert!(s.bookmarks.is_empty());
        // Removed by b, brought back by u in the pane.
        let effects = press(&mut s, &lib, "Bu");
        assert!(matches!(saved(&effects)[..], [Change::Add(b)] if b.id == id));
        assert_eq!(s.bookmarks.len(), 1);
    }

    #[test]
    fn b_never_takes_away_a_note() {
        let (lib, mut s) = reader_on_beta_3();
        press(&mut s, &lib, "bBekeep this<enter><esc>");
        assert_eq!(s.bookmarks[0].note, "keep this");
        let effects = press(&mut s, &lib, "b");
        assert!(saved(&effects).is_empty());
        assert_eq!(s.bookmarks.len(), 1);
        let status = s.status.clone().expect("a status");
        assert!(status.text.contains("has a note"), "{}", status.text);
        // d in the pane does, and u brings it back with its note.
        press(&mut s, &lib, "Bd");
        assert!(s.bookmarks.is_empty());
        press(&mut s, &lib, "u");
        assert_eq!(s.bookmarks[0].note, "keep this");
    }

    #[test]
    fn the_pane_exports_and_copies_the_bookmarks_it_shows() {
        let (lib, mut s) = reader_on_beta_3();
        // Two bookmarks, one with a note; the filter then shows one.
        press(&mut s, &lib, "b[bBjeon the ban<enter>");
        assert_eq!(s.bookmarks.len(), 2);
        let markdown = |effects: &[Effect]| -> Vec<String> {
            effects
                .iter()
                .filter_map(|e| match e {
                    Effect::Copy(text) | Effect::Export { markdown: text, .. } => {
                        Some(text.clone())
                    }
                    _ => None,
                })
                .collect()
        };
        let copied = markdown(&press(&mut s, &lib, "c"));
        assert_eq!(copied.len(), 1);
        assert!(copied[0].starts_with("# Bookmarks"), "{}", copied[0]);
        assert_eq!(copied[0].matches(", para. ").count(), 2, "{}", copied[0]);
        assert!(copied[0].contains("on the ban"), "{}", copied[0]);
        let said = s.status.clone().expect("a status").text;
        assert!(said.contains("sent 2 bookmarks as Markdown"), "{said}");
        // Filtered, the export holds what the pane shows, and is named for now.
        let effects = press(&mut s, &lib, "/on the ban<enter>x");
        let [
            Effect::Export {
                markdown: text,
                when,
            },
        ] = &effects[..]
        else {
            panic!("{effects:?}")
        };
        assert_eq!(when, "2026-11-23T15:40:02Z");
        assert_eq!(text.matches(", para. ").count(), 1, "{text}");
        assert!(text.contains("on the ban"), "{text}");
        update(&mut s, &lib, Msg::Exported(Ok("/tmp/x.md".into())));
        let said = s.status.clone().expect("a status").text;
        assert_eq!(said, "wrote the bookmarks shown to /tmp/x.md");
    }

    #[test]
    fn the_pane_opens_a_bookmark_at_its_passage() {
        let (lib, mut s) = reader_on_beta_3();
        press(&mut s, &lib, "b<esc>");
        assert_eq!(s.focus, Pane::List);
        let effects = press(&mut s, &lib, "kB");
        assert!(
            effects.contains(&Effect::Reload),
            "the pane reads the file again"
        );
        press(&mut s, &lib, "<enter>");
        assert!(s.overlays.is_empty());
        assert_eq!(open_id(&s, &lib), "beta-2018");
        assert_eq!((s.focus, s.reader().cursor), (Pane::Reader, 2));
    }

    #[test]
    fn a_note_is_saved_on_enter_and_dropped_on_esc() {
        let (lib, mut s) = reader_on_beta_3();
        press(&mut s, &lib, "bBe");
        assert!(matches!(
            s.overlays.last(),
            Some(Overlay::Bookmarks(p)) if matches!(p.editing, Some(Editing::Note { .. }))
        ));
        // Keys type into the note, q and d included.
        let effects = press(&mut s, &lib, "quoted in d<backspace>the brief<enter>");
        let [Change::Note { bookmark: b, .. }] = saved(&effects)[..] else {
            panic!("{effects:?}")
        };
        assert_eq!(
            (b.id.as_str(), b.note.as_str()),
            (s.bookmarks[0].id.as_str(), "quoted in the brief")
        );
        assert_eq!(s.bookmarks[0].note, "quoted in the brief");
        let effects = press(&mut s, &lib, "eno<esc>");
        assert!(saved(&effects).is_empty());
        assert_eq!(s.bookmarks[0].note, "quoted in the brief");
        assert!(matches!(s.overlays.last(), Some(Overlay::Bookmarks(_))));
        // Enter on a note left as it was changes nothing.
        let effects = press(&mut s, &lib, "e<enter>");
        assert!(saved(&effects).is_empty());
    }

    #[test]
    fn quitting_keeps_a_note_half_written_and_esc_drops_it() {
        let (lib, mut s) = reader_on_beta_3();
        press(&mut s, &lib, "bBecheck the date");
        // Too small to show the pane, q quits; the draft is kept.
        update(&mut s, &lib, Msg::Resize(10, 3));
        let effects = press(&mut s, &lib, "q");
        assert!(s.quit);
        let [Change::Note { bookmark: b, .. }] = saved(&effects)[..] else {
            panic!("{effects:?}")
        };
        assert_eq!(b.note, "check the date");
        let (lib, mut s) = reader_on_beta_3();
        press(&mut s, &lib, "bBecheck the date<esc>");
        let effects = press(&mut s, &lib, "<ctrl-c>");
        assert!(s.quit && saved(&effects).is_empty());
        // A draft that took text away is not saved on the way out.
        let (lib, mut s) = reader_on_beta_3();
        press(&mut s, &lib, "bBecheck the date<enter>e<ctrl-u>new");
        let effects = press(&mut s, &lib, "<ctrl-c>");
        assert!(s.quit && saved(&effects).is_empty());
        assert_eq!(s.bookmarks[0].note, "check the date");
    }

    #[test]
    fn a_long_note_is_kept_whole_and_one_too_long_is_not_cut() {
        let (lib, mut s) = reader_on_beta_3();
        press(&mut s, &lib, "b");
        let long = "word ".repeat(120).trim_end().to_string();
        s.bookmarks[0].note = long.clone();
        let effects = press(&mut s, &lib, "Be!<enter>");
        let [Change::Note { bookmark: b, .. }] = saved(&effects)[..] else {
            panic!("{effects:?}")
        };
        assert_eq!(
            b.note,
            format!("{long}!"),
            "a 600-character note edits whole"
        );
        s.bookmarks[0].note = "x".repeat(nkread::tui::input::NOTE_CHARS + 1);
        let effects = press(&mut s, &lib, "e");
        assert!(saved(&effects).is_empty());
        let status = s.status.clone().expect("a status");
        assert!(status.text.contains("edit it in bookmarks.json"));
        assert!(matches!(
            s.overlays.last(),
            Some(Overlay::Bookmarks(p)) if p.editing.is_none()
        ));
        assert_eq!(
            s.bookmarks[0].note.len(),
            nkread::tui::input::NOTE_CHARS + 1
        );
    }

    #[test]
    fn tab_leaves_the_bookmarks_filter_and_j_moves() {
        let (lib, mut s) = reader_on_beta_3();
        press(&mut s, &lib, "b[bB/beta<tab>j");
        let Some(Overlay::Bookmarks(p)) = s.overlays.last() else {
            panic!("the pane")
        };
        assert_eq!(p.filter.text(), "beta", "no j typed into the filter");
        assert!(p.editing.is_none());
        assert_eq!(p.selected, 1);
    }

    #[test]
    fn a_note_has_lines_and_a_note_with_line_breaks_keeps_them() {
        let (lib, mut s) = reader_on_beta_3();
        let effects = press(&mut s, &lib, "bBefirst line<ctrl-j>second line<enter>");
        let [Change::Add(_), Change::Note { bookmark: b, .. }] = saved(&effects)[..] else {
            panic!("{effects:?}")
        };
        assert_eq!(b.note, "first line\nsecond line");
        // A note written in the file with its own breaks edits whole.
        s.bookmarks[0].note = "one\r\ntwo\nthree".to_string();
        let effects = press(&mut s, &lib, "e!<enter>");
        let [Change::Note { bookmark: b, .. }] = saved(&effects)[..] else {
            panic!("{effects:?}")
        };
        assert_eq!(b.note, "one\ntwo\nthree!");
        // A filter stays one line: ctrl-j there is nothing.
        press(&mut s, &lib, "/a<ctrl-j>b<enter>");
        let Some(Overlay::Bookmarks(p)) = s.overlays.last() else {
            panic!("the pane")
        };
        assert_eq!(p.filter.text(), "ab");
    }

    #[test]
    fn a_note_edited_while_another_process_deleted_it_comes_back() {
        let (lib, mut s) = reader_on_beta_3();
        press(&mut s, &lib, "bBe");
        // Meanwhile another nkread removed it, and a save here reloaded.
        update(
            &mut s,
            &lib,
            Msg::Synced {
                bookmarks: Vec::new(),
                problem: None,
                held_aside: None,
            },
        );
        let effects = press(&mut s, &lib, "still needed<enter>");
        let [Change::Note { bookmark: b, .. }] = saved(&effects)[..] else {
            panic!("{effects:?}")
        };
        assert_eq!(b.note, "still needed");
        assert_eq!(s.bookmarks.len(), 1, "the edit brings it back");
    }

    #[test]
    fn d_deletes_and_u_undoes_in_order() {
        let (lib, mut s) = reader_on_beta_3();
        press(&mut s, &lib, "b[b[b");
        assert_eq!(s.bookmarks.len(), 3);
        let effects = press(&mut s, &lib, "Bdd");
        assert_eq!(saved(&effects).len(), 2);
        assert_eq!(s.bookmarks.len(), 1);
        press(&mut s, &lib, "u");
        assert_eq!(s.bookmarks.len(), 2);
        press(&mut s, &lib, "uu");
        assert_eq!(s.bookmarks.len(), 3);
        assert_eq!(
            s.status.as_ref().map(|st| (st.kind, st.text.as_str())),
            Some((StatusKind::Error, "nothing to undo"))
        );
    }

    #[test]
    fn the_filter_narrows_the_pane_and_enter_keeps_it() {
        let (lib, mut s) = reader_on_beta_3();
        press(&mut s, &lib, "b[[b");
        press(&mut s, &lib, "B/hangul<enter>");
        let Some(Overlay::Bookmarks(pane)) = s.overlays.last() else {
            panic!("the pane is open")
        };
        let listed = nkread::tui::layout::bookmarks::listed(
            &lib,
            &s.bookmarks,
            &s.places,
            pane.filter.text(),
        );
        assert_eq!(listed.len(), 1);
        assert_eq!(s.bookmarks[listed[0]].paragraph, 3);
        assert_eq!(pane.editing, None);
        press(&mut s, &lib, "<enter>");
        assert_eq!(s.reader().cursor, 2);
    }

    #[test]
    fn an_empty_pane_names_the_file_set_aside_that_holds_bookmarks() {
        let lib = bundled();
        let mut s = state(&lib, 120, 40);
        let held = "2 bookmarks still read in bookmarks.json.corrupt-20200101T000000Z";
        update(
            &mut s,
            &lib,
            Msg::Synced {
                bookmarks: Vec::new(),
                problem: None,
                held_aside: Some(held.into()),
            },
        );
        press(&mut s, &lib, "B");
        let shown = common::rows(common::drawn(&s, &lib).buffer()).join("\n");
        assert!(shown.contains(held), "{shown}");
        assert!(!shown.contains("No bookmarks yet"), "{shown}");
        // Once there is a bookmark, the list is what is shown.
        press(&mut s, &lib, "<esc><enter>b");
        let kept = s.bookmarks.clone();
        update(
            &mut s,
            &lib,
            Msg::Synced {
                bookmarks: kept,
                problem: None,
                held_aside: None,
            },
        );
        press(&mut s, &lib, "B");
        let shown = common::rows(common::drawn(&s, &lib).buffer()).join("\n");
        assert!(!shown.contains(held), "{shown}");
    }

    #[test]
    fn a_failed_save_is_said_and_the_bookmark_stays() {
        let (lib, mut s) = reader_on_beta_3();
        press(&mut s, &lib, "b");
        let kept = s.bookmarks.clone();
        update(
            &mut s,
            &lib,
            Msg::Synced {
                bookmarks: kept.clone(),
                problem: Some("bookmarks not saved: read-only file system".into()),
                held_aside: None,
            },
        );
        assert_eq!(s.bookmarks, kept);
        let status = s.status.clone().expect("a status");
        assert_eq!(status.kind, StatusKind::Error);
        assert!(status.text.contains("read-only"));
    }

    #[test]
    fn an_orphaned_bookmark_is_listed_and_says_why_it_does_not_open() {
        let lib = fixture();
        let mut s = state(&lib, 120, 40);
        s.bookmarks.push(Bookmark {
            id: "0badc0de".into(),
            doc: "withdrawn-2019".into(),
            paragraph: 4,
            quote: "A passage from a document no longer in the corpus.".into(),
            fingerprint: "0".repeat(16),
            note: String::new(),
            created: "2026-01-02T03:04:05Z".into(),
        });
        s.place_bookmarks(&lib.corpus);
        press(&mut s, &lib, "B<enter>");
        assert!(matches!(s.overlays.last(), Some(Overlay::Bookmarks(_))));
        let status = s.status.clone().expect("a status");
        assert!(status.text.contains("withdrawn-2019"), "{}", status.text);
    }

    #[test]
    fn reading_positions_come_back() {
        let lib = fixture();
        let mut s = state(&lib, 120, 40);
        press(&mut s, &lib, "j<enter>]]");
        let positions = s.positions(&lib.corpus, &Default::default());
        assert_eq!(positions.last.as_deref(), Some("beta-2018"));
        assert_eq!(positions.paragraphs["beta-2018"], 3);
        let mut again = AppState::new(&lib.corpus, &Default::default());
        again.restore(&lib.corpus, &positions);
        assert_eq!(open_id(&again, &lib), "beta-2018");
        assert_eq!((again.focus, again.reader().cursor), (Pane::Reader, 2));
    }
}
