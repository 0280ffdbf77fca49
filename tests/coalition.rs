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
