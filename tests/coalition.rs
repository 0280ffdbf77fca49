//! Who stood with whom (issue 24): the coalition grid that `o` opens over
//! the marked documents, driven by keys and read from the screen.

mod common;

use common::{bundled, press, rows, state};
use nkread::library::Library;
use nkread::tui::state::AppState;

/// Selects the document `id` in the list.
fn select(s: &mut AppState, lib: &Library, id: &str) {
    press(s, lib, "g");
    while lib.corpus.documents[s.open().unwrap()].id != id {
        let before = s.selected;
        press(s, lib, "j");
        assert_ne!(before, s.selected, "{id} is not in the list");
    }
}

/// The documents of the question the issue asks: who signed the 2015 and
/// 2024 letters and was a member of the ICNK in 2017.
const THREE: [&str; 3] = [
    "joint-letter-security-council-2015",
    "icnk-crimes-against-humanity-demand-justice-2017",
    "hrc55-open-letter-2024",
];

/// Marks `ids` in the list and presses `o`.
fn mark_and_open(s: &mut AppState, lib: &Library, ids: &[&str]) {
    for id in ids {
        select(s, lib, id);
        press(s, lib, "<space>");
    }
    press(s, lib, "o");
}

/// Every screen seen while moving down the view `steps` times, as text.
fn every_screen(s: &mut AppState, lib: &Library, steps: usize) -> String {
    let mut seen = rows(common::drawn(s, lib).buffer()).join("\n");
    for _ in 0..steps {
        press(s, lib, "j");
        seen.push('\n');
        seen.push_str(&rows(common::drawn(s, lib).buffer()).join("\n"));
    }
    seen
}

#[test]
fn with_three_documents_marked_no_one_in_two_of_them_is_left_out() {
    let lib = bundled();
    let people = lib.people().expect("indexed");
    let docs: Vec<usize> = THREE
        .iter()
        .map(|id| {
            lib.corpus
                .documents
                .iter()
                .position(|d| d.id == *id)
                .unwrap()
        })
        .collect();
    let in_two: Vec<&str> = people
        .entities(nkread::people::SortBy::Name)
        .into_iter()
        .filter(|&e| {
            let n = docs
                .iter()
                .filter(|&&d| people.appearances(e).iter().any(|a| a.doc == d))
                .count();
            n == 2
        })
        .map(|e| lib.corpus.entities.get(e).name.as_str())
        .collect();
    assert!(in_two.contains(&"Freedom House"), "{in_two:?}");
    let everyone = people.count();
    let mut s = state(&lib, 200, 60);
    mark_and_open(&mut s, &lib, &THREE);
    let seen = every_screen(&mut s, &lib, everyone);
    // Long names may be cut with "…" to fit their column.
    let missing: Vec<&&str> = in_two
        .iter()
        .filter(|name| {
            let start: String = name.chars().take(24).collect();
            !seen.contains(&start)
        })
        .collect();
    assert!(
        missing.is_empty(),
        "in two of the three marked documents, and not shown: {missing:?}"
    );
}

/// A generated document: its year (None: undated) and its entries, each
/// (entity number, kind, role) by index into the kinds and roles.
type Generated = (Option<u16>, Vec<(u8, u8, u8)>);

/// A corpus of generated documents.
fn generated(docs: &[Generated]) -> nkread::corpus::Corpus {
    use nkread::corpus::{Corpus, PersonKind, Role, SourceFile};
    let files: Vec<SourceFile> = docs
        .iter()
        .enumerate()
        .map(|(i, (year, people))| {
            let mut text = format!(
                "id = \"d{i}\"\ntitle = \"Document {i}\"\nkind = \"statement\"\nparagraphs = [\"Text.\"]\n"
            );
            if let Some(year) = year {
                text.push_str(&format!("date = \"{year}\"\n"));
            }
            for &(n, kind, role) in people {
                let kind = PersonKind::ALL[usize::from(kind) % PersonKind::ALL.len()];
                let role = Role::ALL[usize::from(role) % Role::ALL.len()];
                text.push_str(&format!(
                    "[[people]]\nname = \"Entity {n}\"\nkind = \"{kind}\"\nrole = \"{role}\"\n"
                ));
            }
            SourceFile::new(format!("d{i}.toml"), text)
        })
        .collect();
    Corpus::from_files(&SourceFile::new("entities.toml", String::new()), &files)
        .expect("a generated corpus loads")
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, ..Default::default() })]

    /// Every (entity, document) pair of the corpus is in exactly one cell
    /// of the full grid, with every role of its entries there, and every
    /// other cell is empty; the rows listed unfiltered are every entity
    /// that has an entry, once each.
    #[test]
    fn every_entity_and_document_pair_is_in_exactly_one_cell(
        docs in proptest::collection::vec(
            (
                proptest::option::of(2000u16..2030),
                proptest::collection::vec((0u8..12, 0u8..3, 0u8..5), 0..8),
            ),
            0..7,
        )
    ) {
        use nkread::people::coalition::{Coalition, RowFilter, Roles};
        use std::collections::{BTreeMap, BTreeSet};
        let corpus = generated(&docs);
        let all: Vec<usize> = (0..corpus.documents.len()).collect();
        let grid = Coalition::new(&corpus, &all);
        let mut expected: BTreeMap<(usize, usize), Roles> = BTreeMap::new();
        for (d, doc) in corpus.documents.iter().enumerate() {
            for p in &doc.people {
                let roles = expected.entry((p.entity, d)).or_default();
                *roles = roles.with(p.role);
            }
        }
        let mut seen: BTreeMap<(usize, usize), usize> = BTreeMap::new();
        for row in 0..grid.len() {
            for (column, &cell) in grid.cells(row).iter().enumerate() {
                let pair = (grid.entity(row), grid.docs()[column]);
                proptest::prop_assert_eq!(cell, expected.get(&pair).copied().unwrap_or_default());
                if !cell.is_empty() {
                    *seen.entry(pair).or_default() += 1;
                }
            }
        }
        proptest::prop_assert_eq!(seen.len(), expected.len());
        proptest::prop_assert!(seen.values().all(|&n| n == 1));
        let entities: BTreeSet<usize> = expected.keys().map(|&(e, _)| e).collect();
        let listed: Vec<usize> = grid
            .rows(&corpus, &RowFilter::default())
            .into_iter()
            .map(|r| grid.entity(r))
            .collect();
        proptest::prop_assert_eq!(listed.len(), entities.len());
        proptest::prop_assert_eq!(listed.iter().copied().collect::<BTreeSet<_>>(), entities);
        // Columns run oldest first, the undated last.
        let dates: Vec<_> = grid.docs().iter().map(|&d| corpus.documents[d].sort_date()).collect();
        let in_order = dates.windows(2).all(|w| match (w[0], w[1]) {
            (Some(a), Some(b)) => a <= b,
            (None, Some(_)) => false,
            _ => true,
        });
        proptest::prop_assert!(in_order, "{dates:?}");
    }
}

#[test]
fn the_full_grid_of_the_bundled_corpus_holds_every_people_entry() {
    use nkread::people::coalition::{Coalition, RowFilter};
    let lib = bundled();
    let corpus = &lib.corpus;
    let all: Vec<usize> = (0..corpus.documents.len()).collect();
    let grid = Coalition::new(corpus, &all);
    for (d, doc) in corpus.documents.iter().enumerate() {
        let column = grid.docs().iter().position(|&c| c == d).unwrap();
        for p in &doc.people {
            let row = grid.row_of(p.entity).unwrap();
            assert!(grid.cells(row)[column].contains(p.role), "{}", p.name);
        }
    }
    let people = lib.people().unwrap();
    assert_eq!(
        grid.rows(corpus, &RowFilter::default()).len(),
        people.count()
    );
}

fn grid(s: &AppState) -> &nkread::tui::state::GridState {
    match s.overlays.last() {
        Some(nkread::tui::state::Overlay::Grid(grid)) => grid,
        other => panic!("the grid is not open: {other:?}"),
    }
}

/// The names listed, in order.
fn names(s: &AppState, lib: &Library) -> Vec<String> {
    let g = grid(s);
    g.listed
        .iter()
        .map(|&row| lib.corpus.entities.get(g.grid.entity(row)).name.clone())
        .collect()
}

/// Puts the cursor on `name`'s row (by the filter) and in column `column`.
fn on(s: &mut AppState, lib: &Library, name: &str, column: usize) {
    press(s, lib, &format!("/<ctrl-u>{name}<enter>g"));
    assert_eq!(names(s, lib).first().map(String::as_str), Some(name));
    press(s, lib, &"h".repeat(10));
    press(s, lib, &"l".repeat(column));
}

#[test]
fn the_grid_sorts_filters_and_moves_in_both_directions() {
    let lib = bundled();
    let mut s = state(&lib, 120, 40);
    press(&mut s, &lib, "o");
    let everyone = grid(&s).listed.len();
    assert_eq!(
        everyone,
        lib.people().unwrap().count(),
        "every entity, once"
    );
    assert_eq!(grid(&s).grid.docs().len(), 5);
    // Sorted by count: the first row is in the most documents.
    let top = grid(&s)
        .grid
        .reading(grid(&s).listed[0], grid(&s).roles)
        .count;
    assert!(
        grid(&s)
            .listed
            .iter()
            .all(|&r| grid(&s).grid.reading(r, grid(&s).roles).count <= top)
    );
    press(&mut s, &lib, "ss");
    assert_eq!(grid(&s).order, nkread::people::coalition::Order::Name);
    let by_name = names(&s, &lib);
    assert_eq!(by_name[0], "Advocates International Global Council");
    // Each quick filter keeps part of everyone, and round again is everyone.
    let mut counts = Vec::new();
    for _ in 0..5 {
        press(&mut s, &lib, "f");
        counts.push(grid(&s).listed.len());
    }
    assert_eq!(counts[4], everyone);
    assert_eq!(
        counts[0] + counts[1],
        everyone,
        "in all, or in some: {counts:?}"
    );
    assert!(counts[2..4].iter().all(|&n| n < everyone), "{counts:?}");
    // Columns: right to the last, and no further; left to the name.
    press(&mut s, &lib, "llllllll");
    assert_eq!(grid(&s).column, 5);
    press(&mut s, &lib, "hhhhhhhh");
    assert_eq!(grid(&s).column, 0);
    press(&mut s, &lib, "G");
    assert_eq!(grid(&s).selected, everyone - 1);
    press(&mut s, &lib, "<pageup>g");
    assert_eq!(grid(&s).selected, 0);
    // Kinds, roles and the documents' own filters.
    press(&mut s, &lib, "/kind:state<enter>");
    assert!(names(&s, &lib).is_empty());
    press(&mut s, &lib, "/<ctrl-u>kind:person role:quoted<enter>");
    assert!(names(&s, &lib).contains(&"Phil Robertson".to_string()));
    press(&mut s, &lib, "/<ctrl-u>year:2017<enter>");
    assert_eq!(grid(&s).grid.docs().len(), 1);
    press(&mut s, &lib, "/<ctrl-u>role:nobody<enter>");
    assert!(
        grid(&s)
            .problem
            .as_deref()
            .unwrap_or("")
            .contains("no role")
    );
}

#[test]
fn enter_on_a_cell_opens_the_document_where_it_proves_the_role() {
    let lib = bundled();
    let mut s = state(&lib, 120, 40);
    mark_and_open(&mut s, &lib, &THREE);
    // Quoted in the 2017 release: the paragraph that names him.
    on(&mut s, &lib, "Phil Robertson", 2);
    press(&mut s, &lib, "<enter>");
    assert!(s.overlays.is_empty());
    let doc = &lib.corpus.documents[s.open().unwrap()];
    assert_eq!(doc.id, "icnk-crimes-against-humanity-demand-justice-2017");
    assert!(doc.paragraphs[s.reader().cursor].contains("Robertson"));
    // Back in the grid as it was left: a signatory of the 2015 letter, its
    // entry in the sidebar, and its line in the signatures on screen.
    press(&mut s, &lib, "o");
    assert_eq!(names(&s, &lib), ["Phil Robertson"], "the filter is kept");
    on(&mut s, &lib, "Freedom House", 1);
    press(&mut s, &lib, "<enter>");
    let d = s.open().unwrap();
    let doc = &lib.corpus.documents[d];
    assert_eq!(doc.id, "joint-letter-security-council-2015");
    let text = nkread::tui::layout::sidebar::SidebarText::lay_out(&lib, d, 30);
    let (person, _) = text.entries[s.sidebar.selected];
    assert_eq!(doc.people[person].name, "Freedom House");
    let shown = rows(common::drawn(&s, &lib).buffer()).join("\n");
    assert!(shown.contains("Freedom House"), "{shown}");
    assert!(
        s.status
            .as_ref()
            .unwrap()
            .text
            .starts_with("Freedom House: signatory")
    );
    // Absent: said, and the grid stays.
    press(&mut s, &lib, "o");
    on(&mut s, &lib, "Freedom House", 3);
    press(&mut s, &lib, "<enter>");
    assert!(matches!(
        s.overlays.last(),
        Some(nkread::tui::state::Overlay::Grid(_))
    ));
    assert!(s.status.as_ref().unwrap().text.contains("is not in"));
}

#[test]
fn the_grid_shows_a_glyph_per_role_a_legend_and_in_k_of_n() {
    let lib = bundled();
    let mut s = state(&lib, 120, 40);
    mark_and_open(&mut s, &lib, &THREE);
    on(&mut s, &lib, "Freedom House", 0);
    let shown = rows(common::drawn(&s, &lib).buffer());
    let row = shown
        .iter()
        .find(|r| r.contains("Freedom House") && r.contains("2/3"))
        .expect("a row for Freedom House");
    let glyphs: String = row.chars().filter(|c| "◆●○“~·".contains(*c)).collect();
    assert_eq!(glyphs, "●○·", "{row}");
    assert!(row.contains("c. 2015 → 2017-03-07; left c. 2024"), "{row}");
    let all = shown.join("\n");
    assert!(all.contains("◆ issuer  ● signatory  ○ member  “ quoted  ~ mentioned  · absent"));
    assert!(
        all.contains("Freedom House (organization) · in 2 of 3"),
        "{all}"
    );
    // The colour is the role's, and the glyph says it without colour too.
    let buffer = common::drawn(&s, &lib);
    let buffer = buffer.buffer();
    let theme = &s.theme;
    let cell = buffer
        .content()
        .iter()
        .find(|c| c.symbol() == "○")
        .expect("a member cell");
    assert_eq!(
        cell.fg,
        theme.role_member.fg.unwrap_or(ratatui::style::Color::Reset)
    );
}

#[test]
fn grid_snapshots_at_80x24_and_200x60() {
    let lib = bundled();
    let mut s = state(&lib, 80, 24);
    mark_and_open(&mut s, &lib, &THREE);
    insta::assert_snapshot!("grid_80x24", common::drawn(&s, &lib).to_string());
    let mut s = state(&lib, 200, 60);
    mark_and_open(&mut s, &lib, &THREE);
    press(&mut s, &lib, "jjl");
    insta::assert_snapshot!("grid_200x60", common::drawn(&s, &lib).to_string());
}

#[test]
fn the_grid_draws_at_every_small_size() {
    let lib = bundled();
    for (columns, rows_) in [
        (0, 0),
        (10, 3),
        (20, 6),
        (21, 7),
        (40, 12),
        (59, 9),
        (80, 24),
    ] {
        let mut s = state(&lib, columns, rows_);
        press(&mut s, &lib, "ollllljjG");
        let _ = common::drawn(&s, &lib);
    }
}

#[test]
fn a_configuration_that_binds_show_overlap_still_opens_the_grid() {
    use nkread::tui::msg::Action;
    assert_eq!(Action::named("show_overlap"), Some(Action::ShowCoalition));
    assert_eq!(Action::ShowCoalition.name(), "show_coalition");
}
