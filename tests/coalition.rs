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

/// A corpus of `docs`, each a list of (entity number, kind, role) entries,
/// with dates drawn from `dates` (None: undated).
fn generated(docs: &[(Option<u16>, Vec<(u8, u8, u8)>)]) -> nkread::corpus::Corpus {
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
