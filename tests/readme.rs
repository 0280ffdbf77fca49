//! The README shows the reader as it looks: its screens are insta
//! snapshots of the real view, and this test fails when the README's copy
//! differs. `UPDATE_README=1 cargo test --test readme` writes the README's
//! copy from the screen, after the snapshot is reviewed.

mod common;

use common::{bundled, press, rows, state};
use nkread::library::Library;
use nkread::tui::state::AppState;

fn plain_screen(state: &AppState, lib: &Library) -> String {
    rows(common::drawn(state, lib).buffer()).join("\n")
}

/// The lines of the README's fenced block after `<!-- screen: NAME -->`.
fn block<'a>(readme: &'a str, name: &str) -> Option<(usize, usize, &'a str)> {
    let marker = format!("<!-- screen: {name} -->\n```text\n");
    let start = readme.find(&marker)? + marker.len();
    let end = start + format!("\n{}", &readme[start..]).find("\n```\n")?;
    Some((start, end, &readme[start..end]))
}

fn check(name: &str, screen: String) {
    insta::assert_snapshot!(name, screen);
    let screen = screen + "\n";
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).expect("the README");
    let (start, end, shown) = block(&readme, name)
        .unwrap_or_else(|| panic!("the README has no block for the screen {name}"));
    if shown == screen {
        return;
    }
    if std::env::var_os("UPDATE_README").is_some() {
        let updated = format!("{}{screen}{}", &readme[..start], &readme[end..]);
        std::fs::write(&path, updated).expect("the README is written");
        return;
    }
    panic!(
        "the README's screen {name} is stale; review the snapshot, then run \
         UPDATE_README=1 cargo test --test readme\n--- README\n{shown}\n--- screen\n{screen}"
    );
}

/// One test for both screens, so that two never rewrite the README at once.
#[test]
fn the_readme_shows_the_three_panes_and_a_search_as_they_look() {
    let lib = bundled();
    let mut s = state(&lib, 100, 30);
    // The 2015 joint letter, at its second paragraph.
    press(&mut s, &lib, "jj<enter>]");
    check("readme_reader_100x30", plain_screen(&s, &lib));
    let mut s = state(&lib, 100, 30);
    press(&mut s, &lib, "/security council<down>");
    check("readme_search_100x30", plain_screen(&s, &lib));
}
