//! A file that does not parse: what still reads in it, what is said of
//! what does not, and that one error loses at most the entry it is in.

use super::*;

#[test]
fn content_after_the_json_value_is_a_file_that_does_not_parse() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bookmarks.json");
    // A sync conflict: two files one after the other.
    let bytes = format!("{}{}", file_of(&["a"]), file_of(&["b"]));
    fs::write(&path, &bytes).unwrap();
    let read = Store::new(dir.path()).read();
    let aside = read.set_aside.expect("said not to parse");
    assert!(aside.reason.contains("trailing characters"), "{aside}");
    assert_eq!(ids(&read.bookmarks), ["a", "b"], "both halves still read");
    assert_eq!(
        names(dir.path()),
        ["bookmarks.json"],
        "a read moves nothing"
    );
    let saved = Store::new(dir.path()).apply(Change::Add(bookmark("c")));
    assert_eq!(saved.error, None);
    let to = saved.set_aside.and_then(|a| a.to).expect("set aside");
    assert_eq!(fs::read_to_string(&to).unwrap(), bytes);
    let again = Store::new(dir.path()).read();
    assert_eq!(ids(&again.bookmarks), ["a", "b", "c"]);
    assert_eq!((again.set_aside, again.set_aside_since_save), (None, None));
}

#[test]
fn one_bad_entry_loses_only_itself_and_is_named_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bookmarks.json");
    let text = file_of(&["a", "b", "c"]).replace("\"id\":\"b\"", "\"id\":7");
    fs::write(&path, &text).unwrap();
    let read = Store::new(dir.path()).read();
    assert_eq!(ids(&read.bookmarks), ["a", "c"]);
    let aside = read.set_aside.expect("said not to parse");
    assert_eq!(aside.kept, 2);
    assert_eq!(aside.lost, 1);
    assert!(
        aside.named[0].starts_with("line 3: id: invalid type: integer `7`"),
        "{:?}",
        aside.named
    );
    let said = aside.to_string();
    assert!(said.contains("2 bookmarks in it still read"), "{said}");
    assert!(said.contains("1 did not read: line 3: id"), "{said}");
}

#[test]
fn a_key_that_is_not_a_string_is_said_plainly() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("bookmarks.json"), "{\"version\": 1, 7: 1}").unwrap();
    let aside = Store::new(dir.path()).read().set_aside.expect("set aside");
    assert_eq!(aside.reason, "key must be a string at line 1 column 16");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!("\u{feff}{}", file_of(&["a"]));
    fs::write(dir.path().join("bookmarks.json"), text).unwrap();
    let read = Store::new(dir.path()).load();
    assert_eq!((read.set_aside, read.error), (None, None));
    assert_eq!(ids(&read.bookmarks), ["a"]);
}

#[test]
fn a_syntax_error_loses_only_the_entry_it_is_in() {
    let good = file_of(&["a", "b", "c"]);
    let cases = [
        (
            "a trailing comma",
            good.replace("\n]}", ",\n]}"),
            ["a", "b", "c"].as_slice(),
        ),
        (
            "a missing comma",
            good.replacen("},\n", "}\n", 1),
            &["a", "b", "c"],
        ),
        (
            "an unescaped quote",
            good.replace("passage b", "passage \"b\""),
            &["a", "c"],
        ),
        (
            "a broken key",
            good.replace("\"bookmarks\"", "\"bookmarks"),
            &["a", "b", "c"],
        ),
    ];
    for (what, text, kept) in cases {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("bookmarks.json"), &text).unwrap();
        let read = Store::new(dir.path()).read();
        assert_eq!(ids(&read.bookmarks), kept, "{what}");
        let aside = read.set_aside.expect("said not to parse");
        let lost = 3 - kept.len();
        assert_eq!((aside.kept, aside.lost), (kept.len(), lost), "{what}");
        let said = aside.to_string();
        assert!(said.contains(&format!("{lost} did not read")), "{said}");
        // The reader sets it aside and writes what read in its place.
        let loaded = Store::new(dir.path()).load();
        let to = loaded.set_aside.and_then(|a| a.to).expect("set aside");
        assert_eq!(fs::read_to_string(&to).unwrap(), text, "{what}");
        assert_eq!(ids(&Store::new(dir.path()).read().bookmarks), kept);
    }
}

#[test]
fn an_entry_that_does_not_parse_is_named_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let text = file_of(&["a", "b", "c"]).replace("passage b", "passage \"b\"");
    fs::write(dir.path().join("bookmarks.json"), text).unwrap();
    let aside = Store::new(dir.path()).read().set_aside.expect("set aside");
    assert_eq!(aside.lost, 1);
    assert!(
        aside.named[0].starts_with("line 3: expected"),
        "{:?}",
        aside.named
    );
}

/// A bookmark whose passage holds JSON's own punctuation, escaped.
fn bookmark_quoting(id: &str, quote: &str) -> Bookmark {
    Bookmark {
        quote: quote.to_string(),
        ..bookmark(id)
    }
}

/// The file as `Store` writes it, and where each entry's text starts and ends.
fn pretty_file(bookmarks: &[Bookmark]) -> (String, Vec<(usize, usize)>) {
    let mut text = String::from("{\n  \"version\": 1,\n  \"bookmarks\": [\n");
    let mut spans = Vec::new();
    for (n, b) in bookmarks.iter().enumerate() {
        if n > 0 {
            text.push_str(",\n");
        }
        let start = text.len();
        text.push_str(&serde_json::to_string_pretty(b).unwrap());
        spans.push((start, text.len()));
    }
    text.push_str("\n  ]\n}\n");
    (text, spans)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

    /// One syntax error anywhere in the file loses at most the entry it is
    /// in, and is counted as one lost entry at most; an entry not read is
    /// always counted.
    #[test]
    fn one_syntax_error_loses_at_most_the_entry_it_is_in(
        quotes in proptest::collection::vec("[a-z {}\\[\\]\",:\\\\]{0,12}", 1..7),
        at in 0.0..1.0f64,
        insert in proptest::option::of(proptest::sample::select(
            vec!['{', '}', '[', ']', ',', ':', '"', '\\', 'x', '1'],
        )),
    ) {
        let bookmarks: Vec<Bookmark> = quotes
            .iter()
            .enumerate()
            .map(|(n, q)| bookmark_quoting(&format!("id{n:03}"), q))
            .collect();
        let (mut text, spans) = pretty_file(&bookmarks);
        let mut p = (text.len() as f64 * at) as usize;
        while !text.is_char_boundary(p) {
            p += 1;
        }
        match insert {
            Some(c) => text.insert(p, c),
            None if p < text.len() => {
                text.remove(p);
            }
            None => {}
        }
        let damaged = spans.iter().position(|&(s, e)| s <= p && p < e);
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("bookmarks.json"), &text).unwrap();
        let read = Store::new(dir.path()).read();
        // A version made larger is a newer nkread's file: never read.
        if read.error.as_ref().is_some_and(|e| e.message.contains("newer nkread")) {
            return Ok(());
        }
        let listed = ids(&read.bookmarks);
        for (n, b) in bookmarks.iter().enumerate() {
            if Some(n) != damaged {
                proptest::prop_assert!(listed.contains(&b.id.as_str()), "{} lost in\n{text}", b.id);
            }
        }
        if let Some(aside) = read.set_aside {
            let missing = bookmarks.len().saturating_sub(read.bookmarks.len());
            let lost = aside.lost;
            proptest::prop_assert!(missing <= lost && lost <= 1, "{:?} in\n{text}", aside.named);
        }
    }
}

proptest::proptest! {
    /// Whatever follows the key, reading what reads never panics.
    #[test]
    fn salvage_never_panics(
        entries in proptest::collection::vec("(\\PC|\\{\\}|[{}\\[\\],:\"\\\\])*", 0..6),
    ) {
        let text = format!("{{\"version\": 1, \"bookmarks\": [{}", entries.join("{"));
        salvage(text.as_bytes());
    }
}
