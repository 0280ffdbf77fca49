//! The README and the manual in docs/ show the reader as it looks: their
//! screens are insta snapshots of the real view, and this test fails when
//! a page's copy differs. `UPDATE_README=1 cargo test --test readme`
//! writes the pages' copies from the screen, after the snapshot is
//! reviewed.

mod common;

use common::{bundled, press, rows, state};
use nkread::library::Library;
use nkread::tui::state::AppState;

fn plain_screen(state: &AppState, lib: &Library) -> String {
    rows(common::drawn(state, lib).buffer()).join("\n")
}

/// The lines of a page's fenced block after `<!-- screen: NAME -->`.
fn block<'a>(readme: &'a str, name: &str) -> Option<(usize, usize, &'a str)> {
    let marker = format!("<!-- screen: {name} -->\n```text\n");
    let start = readme.find(&marker)? + marker.len();
    let end = start + format!("\n{}", &readme[start..]).find("\n```\n")?;
    Some((start, end, &readme[start..end]))
}

/// Checks the screen `name` against its copy in `page` (from the
/// repository's root).
fn check(page: &str, name: &str, screen: String) {
    insta::assert_snapshot!(name, screen);
    let screen = screen + "\n";
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(page);
    let readme = std::fs::read_to_string(&path).expect("the page");
    let (start, end, shown) =
        block(&readme, name).unwrap_or_else(|| panic!("{page} has no block for the screen {name}"));
    if shown == screen {
        return;
    }
    if std::env::var_os("UPDATE_README").is_some() {
        let updated = format!("{}{screen}{}", &readme[..start], &readme[end..]);
        std::fs::write(&path, updated).expect("the page is written");
        return;
    }
    panic!(
        "{page}'s screen {name} is stale; review the snapshot, then run \
         UPDATE_README=1 cargo test --test readme\n--- {page}\n{shown}\n--- screen\n{screen}"
    );
}

/// One test for both screens, so that two never rewrite a page at once.
#[test]
fn the_readme_shows_the_three_panes_and_a_search_as_they_look() {
    let lib = bundled();
    let mut s = state(&lib, 100, 30);
    // The 2015 joint letter, at its second paragraph.
    press(&mut s, &lib, "jj<enter>]");
    check("README.md", "readme_reader_100x30", plain_screen(&s, &lib));
    let mut s = state(&lib, 100, 30);
    press(&mut s, &lib, "/security council<down>");
    check(
        "docs/reading.md",
        "readme_search_100x30",
        plain_screen(&s, &lib),
    );
}

/// Every page of the manual in docs/ is linked from the README, and every
/// relative link of the README and the manual leads to a file that exists.
#[test]
fn the_readme_leads_to_every_page_of_the_manual_and_no_link_is_broken() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("the README");
    let mut pages = vec![root.join("README.md")];
    for entry in std::fs::read_dir(root.join("docs")).expect("docs/") {
        let path = entry.expect("an entry").path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        assert!(readme.contains(&format!("](docs/{name})")), "{name}");
        pages.push(path);
    }
    for page in pages {
        let text = std::fs::read_to_string(&page).expect("a page");
        for link in text.split("](").skip(1) {
            let target = &link[..link.find(')').expect("a closed link")];
            if target.starts_with("http") || target.starts_with('#') {
                continue;
            }
            let path = page.parent().unwrap().join(target);
            assert!(path.exists(), "{}: {target}", page.display());
        }
    }
}
