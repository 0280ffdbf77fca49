//! The reader's second round (issue 15): who signed both, the signatures in
//! the letter, search's preview, moving between documents, typing and
//! focus, and the drawing. Update tests drive keys through tests/common;
//! render tests draw whole screens.

mod common;

use common::{bundled, press, state};
use nkread::library::Library;
use nkread::tui::layout::reader::{LineKind, ReaderText};
use nkread::tui::state::AppState;

/// The whole screen as text, a line per row, without trailing spaces.
fn screen(state: &AppState, lib: &Library) -> Vec<String> {
    common::rows(common::drawn(state, lib).buffer())
}

/// Selects the document `id` in the list.
fn select(s: &mut AppState, lib: &Library, id: &str) {
    press(s, lib, "g");
    while lib.corpus.documents[s.open().unwrap()].id != id {
        let before = s.selected;
        press(s, lib, "j");
        assert_ne!(before, s.selected, "{id} is not in the list");
    }
}

/// The names the grid lists, in order.
fn grid_names(s: &AppState, lib: &Library) -> Vec<String> {
    let Some(nkread::tui::state::Overlay::Grid(grid)) = s.overlays.last() else {
        panic!("the grid is not open");
    };
    grid.listed
        .iter()
        .map(|&row| lib.corpus.entities.get(grid.grid.entity(row)).name.clone())
        .collect()
}

#[test]
fn who_signed_both_letters_is_the_five_signatories_not_who_they_quote() {
    let lib = bundled();
    let mut s = state(&lib, 120, 60);
    select(&mut s, &lib, "joint-letter-security-council-2015");
    press(&mut s, &lib, "<space>");
    select(&mut s, &lib, "hrc55-open-letter-2024");
    // Signing roles count; in all of the two; by name.
    press(
        &mut s,
        &lib,
        "<space>o/role:issuer,signatory,member<enter>fss",
    );
    assert_eq!(
        grid_names(&s, &lib),
        [
            "Christian Solidarity Worldwide",
            "Citizens’ Alliance for North Korean Human Rights",
            "Human Rights Watch",
            "International Coalition to Stop Crimes against Humanity in North Korea",
            "International Federation for Human Rights",
        ],
    );
    // Counting every role, the Commission is in both, quoted.
    press(&mut s, &lib, "/<ctrl-u><enter>");
    assert!(
        grid_names(&s, &lib)
            .iter()
            .any(|n| n.starts_with("UN Commission of Inquiry")),
        "{:?}",
        grid_names(&s, &lib)
    );
}

#[test]
fn enter_on_a_name_in_the_grid_opens_it_in_people_and_esc_comes_back() {
    let lib = bundled();
    let mut s = state(&lib, 120, 40);
    select(&mut s, &lib, "joint-letter-security-council-2015");
    press(&mut s, &lib, "<space>");
    select(&mut s, &lib, "hrc55-open-letter-2024");
    press(&mut s, &lib, "<space>o/human rights watch<enter><enter>");
    let Some(nkread::tui::state::Overlay::People(people)) = s.overlays.last() else {
        panic!("enter opens the People pane");
    };
    assert!(people.in_detail);
    let listed = nkread::tui::layout::people::listed(&lib, "", people.sort, None);
    assert_eq!(
        lib.corpus.entities.get(listed[people.selected]).name,
        "Human Rights Watch"
    );
    press(&mut s, &lib, "<esc>");
    assert_eq!(
        grid_names(&s, &lib).first().map(String::as_str),
        Some("Human Rights Watch"),
        "Esc goes back to the grid as it was"
    );
}

#[test]
fn a_letter_ends_with_its_signatures_at_80_columns_and_z_folds_them() {
    let lib = bundled();
    let mut s = state(&lib, 80, 24);
    select(&mut s, &lib, "joint-letter-security-council-2015");
    press(&mut s, &lib, "<enter>G");
    let shown = screen(&s, &lib).join("\n");
    assert!(shown.contains("Co-signors include"), "{shown}");
    assert!(
        shown.contains("Jacob Blaustein Institute for the Advancement of"),
        "the last signatory is on screen at the end:\n{shown}"
    );
    assert!(shown.contains(" 100% "), "the end is 100%:\n{shown}");
    press(&mut s, &lib, "z");
    let shown = screen(&s, &lib).join("\n");
    assert!(shown.contains("Co-signors include (9 folded)"), "{shown}");
    assert!(!shown.contains("Jacob Blaustein"), "{shown}");
    press(&mut s, &lib, "zG");
    assert!(screen(&s, &lib).join("\n").contains("Jacob Blaustein"));
}

#[test]
fn each_signature_carries_its_title_and_affiliation() {
    let lib = common::fixture();
    let doc = lib.corpus.get("alpha-2020").unwrap();
    let options = nkread::tui::layout::ViewOptions::default();
    let text = ReaderText::lay_out(doc, 60, options, false);
    let signatures: Vec<&str> = text
        .lines
        .iter()
        .filter(|l| matches!(l.kind, LineKind::Signatures | LineKind::Signature { .. }))
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(
        signatures,
        [
            "Signatories",
            "Tomás Ojea Quintana — Former UN Special Rapporteur",
            "북한인권시민연합 (Republic of Korea)",
            "Beta Watch",
        ]
    );
    // Nothing after the last paragraph is a paragraph: clicks and the
    // cursor stay on the text.
    let last = text.paragraphs.last().unwrap().end;
    assert!((last..text.lines.len()).all(|l| text.paragraph_at(l).is_none()));
    let folded = ReaderText::lay_out(doc, 60, options, true);
    assert_eq!(folded.lines.len(), last + 2);
    assert_eq!(folded.lines[last + 1].text, "Signatories (3 folded)");
}

#[test]
fn search_rows_carry_date_and_title_and_a_preview_shows_the_hit_in_its_paragraph() {
    let lib = bundled();
    let mut s = state(&lib, 120, 40);
    press(&mut s, &lib, "/formal session");
    let shown = screen(&s, &lib);
    let joined = shown.join("\n");
    let row = shown
        .iter()
        .find(|r| r.contains("¶1 "))
        .unwrap_or_else(|| panic!("a paragraph hit:\n{joined}"));
    assert!(
        row.contains("c. 2015    Joint Letter to UN Sec"),
        "{joined}"
    );
    // The preview: the paragraph whole, under its document's title.
    assert!(joined.contains("│ c. 2015 · ¶1"), "{joined}");
    assert!(
        joined.contains("│ formal session, prior to the end of 2015, on"),
        "{joined}"
    );
    insta::assert_snapshot!("search_preview_120x40", joined);
    // In this document, the rows name no document.
    press(&mut s, &lib, "<ctrl-t>");
    let this = screen(&s, &lib);
    assert!(
        this.iter()
            .any(|r| r.starts_with("▌signatory Marzuki Darusman")),
        "{}",
        this.join("\n")
    );
}

#[test]
fn below_100_columns_search_has_no_preview() {
    let lib = bundled();
    let mut s = state(&lib, 99, 30);
    press(&mut s, &lib, "/formal session");
    let joined = screen(&s, &lib).join("\n");
    assert!(!joined.contains("· ¶1"), "{joined}");
}

#[test]
fn capital_j_and_k_read_the_next_and_previous_document_from_the_reader() {
    let lib = common::fixture();
    let mut s = state(&lib, 80, 24);
    press(&mut s, &lib, "<enter>]]");
    let first = s.open().unwrap();
    press(&mut s, &lib, "J");
    assert_eq!(s.focus, nkread::tui::layout::Pane::Reader);
    assert_eq!(s.open(), Some(s.order[1]));
    press(&mut s, &lib, "JJ");
    assert_eq!(s.open(), Some(s.order[2]), "the last stays");
    assert_eq!(s.status.as_ref().unwrap().text, "this is the last document");
    press(&mut s, &lib, "KK");
    assert_eq!(s.open(), Some(first));
    assert_eq!(s.reader().cursor, 2, "each keeps its place");
    assert!(
        screen(&s, &lib).join("\n").contains("Alpha letter"),
        "the reader shows it"
    );
}

#[test]
fn tab_leaves_a_filter_being_typed_and_the_status_bar_says_keys_type() {
    let lib = bundled();
    let mut s = state(&lib, 120, 40);
    press(&mut s, &lib, "p/hrw");
    let status = screen(&s, &lib).last().cloned().unwrap();
    assert_eq!(
        status,
        " Filter  typing; leave with  enter done  tab pane  esc back"
    );
    press(&mut s, &lib, "<tab>jjj");
    let Some(nkread::tui::state::Overlay::People(people)) = s.overlays.last() else {
        panic!("the People pane stays open");
    };
    assert_eq!(people.filter.text(), "hrw", "j moved, it did not type");
    assert!(!people.editing);
    assert!(people.in_detail, "tab moved the focus to the documents");
    assert!(people.detail_selected > 0);
    press(&mut s, &lib, "<esc>/");
    let status = screen(&s, &lib).last().cloned().unwrap();
    assert!(
        status.starts_with(" Search  typing; leave with  enter open  esc back"),
        "{status}"
    );
}

/// In a note, tab neither types nor leaves, so the status bar does not
/// offer it; it names the key for a new line instead.
#[test]
fn the_status_bar_while_a_note_is_typed_names_the_keys_that_work_there() {
    let lib = bundled();
    let mut s = state(&lib, 120, 40);
    press(&mut s, &lib, "<enter>bBe");
    let status = screen(&s, &lib).last().cloned().unwrap();
    assert_eq!(
        status,
        " Note  typing; leave with  enter done  esc back  ctrl-j new line"
    );
}

#[test]
fn the_reader_s_percentage_is_how_far_one_has_read_beside_a_scrollbar() {
    let lib = bundled();
    let mut s = state(&lib, 120, 40);
    select(&mut s, &lib, "joint-letter-security-council-2015");
    press(&mut s, &lib, "<enter>");
    let top = screen(&s, &lib);
    assert!(top[0].contains(" ¶1/6 0% "), "{}", top[0]);
    // The thumb is on the reader's right border at the top.
    let border = usize::from(s.panes().reader.unwrap().right() - 1);
    assert_eq!(top[1].chars().nth(border), Some('█'), "{}", top.join("\n"));
    press(&mut s, &lib, "G");
    let end = screen(&s, &lib);
    assert!(end[0].contains(" ¶6/6 100% "), "{}", end[0]);
}

/// v shows the capture a document was curated from, asked of the loop,
/// with the line the curator left out marked; j scrolls and esc closes.
#[test]
fn v_shows_the_raw_capture_with_the_lines_left_out_marked() {
    use nkread::tui::msg::Msg;
    use nkread::tui::state::Overlay;
    use nkread::tui::update::{Effect, update};
    let lib = bundled();
    let mut s = state(&lib, 100, 30);
    select(&mut s, &lib, "joint-letter-security-council-2015");
    let effects = press(&mut s, &lib, "<enter>v");
    let name = "003_a4c01b9df4dd9a2f.txt";
    assert_eq!(effects, [Effect::ReadCapture(name.into())]);
    assert!(screen(&s, &lib).join("\n").contains("reading the capture…"));
    let path = format!("{}/data/sources/{name}", env!("CARGO_MANIFEST_DIR"));
    let text = nkread::corpus::clean(&std::fs::read_to_string(path).unwrap());
    update(
        &mut s,
        &lib,
        Msg::Captured {
            name: name.into(),
            text: Ok(text.clone()),
        },
    );
    let shown = screen(&s, &lib);
    let joined = shown.join("\n");
    assert!(
        shown[0].starts_with(&format!("┌ Capture {name} ")),
        "{joined}"
    );
    assert!(
        shown[0].contains("¶n kept as paragraph n · ✂ left out by the curator"),
        "{:?}",
        shown[0]
    );
    assert!(
        shown
            .iter()
            .any(|r| r.starts_with("│  ¶2 Excerpts of the letter:")),
        "{joined}"
    );
    press(&mut s, &lib, "G");
    let shown = screen(&s, &lib);
    assert!(
        shown
            .iter()
            .any(|r| r.starts_with("│   ✂ This entry was posted in DPRK Government")),
        "{}",
        shown.join("\n")
    );
    press(&mut s, &lib, "gj");
    assert!(matches!(s.overlays.last(), Some(Overlay::Source(src)) if src.scroll == 1));
    press(&mut s, &lib, "<esc>");
    assert!(s.overlays.is_empty());
    // From the reader's fifth paragraph, the capture opens at its line,
    // two lines of context above.
    update(&mut s, &lib, Msg::Resize(100, 12));
    press(&mut s, &lib, "]]]]v");
    update(
        &mut s,
        &lib,
        Msg::Captured {
            name: name.into(),
            text: Ok(text),
        },
    );
    assert!(screen(&s, &lib)[3].starts_with("│  ¶5 The human rights situation in the DPRK"));
    // Laid out once for the width, and again only when it changes.
    let width = |s: &AppState| match s.overlays.last() {
        Some(Overlay::Source(src)) => src.laid.as_ref().map(|l| l.width),
        _ => None,
    };
    assert_eq!(width(&s), Some(98));
    update(&mut s, &lib, Msg::Resize(80, 24));
    assert_eq!(width(&s), Some(78));
    press(&mut s, &lib, "<esc>");
    // Without an address, Y says so rather than copying nothing.
    assert!(press(&mut s, &lib, "Y").is_empty());
    assert_eq!(
        s.status.unwrap().text,
        "this document gives no address (no url)"
    );
}

/// A document's address has lines of its own in the header, which the
/// loop writes again as an OSC 8 hyperlink exactly where they are drawn;
/// Y copies it. Under an overlay, nothing is linked.
#[test]
fn the_address_is_a_hyperlink_where_it_is_drawn_and_capital_y_copies_it() {
    use nkread::corpus::{Corpus, SourceFile};
    use nkread::tui::update::Effect;
    let url = "https://example.org/north-korea/2024/03/an-open-letter-to-the-human-rights-council?lang=en";
    let file = |name: &str, text: String| SourceFile {
        name: name.into(),
        text,
    };
    let doc = format!(
        "id = \"linked\"\ntitle = \"A letter\"\ndate = \"2024\"\nkind = \"open-letter\"\n\
         publisher = \"Example Watch\"\nurl = \"{url}\"\nparagraphs = [\"One.\"]\n"
    );
    let corpus = Corpus::from_files(
        &file("entities.toml", String::new()),
        &[file("l.toml", doc)],
    )
    .expect("loads");
    let lib = Library::new(corpus);
    let mut s = state(&lib, 80, 24);
    press(&mut s, &lib, "<enter>");
    let links = nkread::tui::view::links(&s, &lib);
    assert_eq!(links.len(), 2, "{links:?}");
    assert_eq!(
        links.iter().map(|l| l.text.as_str()).collect::<String>(),
        url
    );
    let buffer = common::drawn(&s, &lib).buffer().clone();
    for link in &links {
        assert_eq!(link.url, url);
        let drawn: String = (0..link.text.chars().count() as u16)
            .map(|i| buffer[(link.x + i, link.y)].symbol().to_string())
            .collect();
        assert_eq!(drawn, link.text);
    }
    assert!(
        screen(&s, &lib)
            .iter()
            .any(|r| r.contains("Published by Example Watch"))
    );
    assert_eq!(press(&mut s, &lib, "Y"), [Effect::Copy(url.into())]);
    press(&mut s, &lib, "?");
    assert!(nkread::tui::view::links(&s, &lib).is_empty());
}
