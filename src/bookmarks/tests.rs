use super::*;
use std::time::Duration;

#[test]
fn timestamps_are_utc_rfc3339() {
    assert_eq!(timestamp(0), "1970-01-01T00:00:00Z");
    assert_eq!(timestamp(951_782_400), "2000-02-29T00:00:00Z");
    assert_eq!(timestamp(1_795_448_402), "2026-11-23T15:40:02Z");
}

#[test]
fn quotes_are_cut_at_a_word_and_marked() {
    assert_eq!(quote("short"), "short");
    let long = "word ".repeat(60);
    let q = quote(&long);
    assert!(q.ends_with("word…"), "{q}");
    assert!(q.chars().count() <= QUOTE_CHARS + 1);
    let unbroken = "x".repeat(300);
    assert_eq!(quote(&unbroken).chars().count(), QUOTE_CHARS + 1);
}

#[test]
fn fingerprints_ignore_spacing_but_not_words() {
    assert_eq!(fingerprint("a  b\nc"), fingerprint("a b c"));
    assert_ne!(fingerprint("a b c"), fingerprint("a b d"));
    assert_eq!(fingerprint("").len(), 16);
}

#[test]
fn ids_differ_by_time_and_salt() {
    let corpus = Corpus::load(&[]).unwrap();
    let doc = &corpus.documents[0];
    let now = UNIX_EPOCH + Duration::from_secs(1_795_448_402);
    let a = Bookmark::new(doc, 0, "", now, 0);
    let b = Bookmark::new(doc, 0, "", now, 1);
    assert_ne!(a.id, b.id);
    assert_eq!(a.id.len(), 8);
    assert_eq!(a.paragraph, 1);
    assert_eq!(a.day(), "2026-11-23");
}

#[test]
fn fingerprints_are_the_digest_of_the_words_joined_by_spaces() {
    // The digest written by earlier versions, which joined the words.
    let joined = |text: &str| {
        let words: Vec<&str> = text.split_whitespace().collect();
        format!("{:016x}", fnv1a(words.join(" ").as_bytes()))
    };
    for text in ["", "one", " two  words\n", "Tomás\tOjea-Quintana  said."] {
        assert_eq!(fingerprint(text), joined(text), "{text:?}");
    }
    assert_eq!(parse_fingerprint(&fingerprint("x")), Some(digest("x")));
    assert_eq!(parse_fingerprint(&fingerprint("x").to_uppercase()), None);
}

#[test]
fn a_locator_for_some_bookmarks_places_them_as_one_for_all() {
    let corpus = Corpus::load(&[]).unwrap();
    let marks: Vec<Bookmark> = [(0, 1), (3, 0), (3, 2)]
        .into_iter()
        .map(|(d, p)| Bookmark::new(&corpus.documents[d], p, "", UNIX_EPOCH, 0))
        .chain([Bookmark {
            paragraph: 9,
            ..Bookmark::new(&corpus.documents[3], 2, "", UNIX_EPOCH, 0)
        }])
        .collect();
    let (all, some) = (
        Locator::new(&corpus),
        Locator::for_bookmarks(&corpus, &marks),
    );
    for b in &marks {
        assert_eq!(some.place(b), all.place(b));
    }
    assert_eq!(some.digests.iter().flatten().count(), 2);
}

#[test]
fn a_moved_paragraph_is_found_by_its_words_and_a_lost_one_is_orphaned() {
    let corpus = Corpus::load(&[]).unwrap();
    let locator = Locator::new(&corpus);
    let doc = &corpus.documents[0];
    let now = UNIX_EPOCH;
    let here = Bookmark::new(doc, 2, "", now, 0);
    let found = |doc, paragraph, moved| Place::Found {
        doc,
        paragraph,
        moved,
    };
    assert_eq!(locator.place(&here), found(0, 2, false));
    let moved = Bookmark {
        paragraph: 5,
        ..here.clone()
    };
    assert_eq!(locator.place(&moved), found(0, 2, true));
    let changed = Bookmark {
        fingerprint: fingerprint("words no paragraph has"),
        ..here.clone()
    };
    assert_eq!(
        locator.place(&changed),
        Place::Changed {
            doc: 0,
            paragraph: 2
        }
    );
    let past_the_end = Bookmark {
        paragraph: 999,
        ..changed
    };
    assert_eq!(
        locator.place(&past_the_end),
        Place::Orphaned { doc: Some(0) }
    );
    let gone = Bookmark {
        doc: "no-such-document".into(),
        ..here
    };
    assert_eq!(locator.place(&gone), Place::Orphaned { doc: None });
}

fn plain(id: &str) -> Bookmark {
    Bookmark {
        id: id.into(),
        doc: "d".into(),
        paragraph: 1,
        quote: "q".into(),
        fingerprint: fingerprint("q"),
        note: String::new(),
        created: timestamp(0),
    }
}

#[test]
fn changes_apply_once_and_lose_nothing() {
    let mut list = vec![plain("a")];
    // The same bookmark added again, whatever its note, is one.
    Change::Add(plain("a")).apply(&mut list);
    let noted = Bookmark {
        note: "n".into(),
        ..plain("a")
    };
    Change::Add(noted).apply(&mut list);
    assert_eq!(list.len(), 1);
    // Another that drew the same id is kept under an id of its own,
    // once however often it is applied.
    let other = Bookmark {
        paragraph: 2,
        ..plain("a")
    };
    Change::Add(other.clone()).apply(&mut list);
    Change::Add(other).apply(&mut list);
    assert_eq!(list.len(), 2);
    assert_ne!(list[1].id, "a");
    // A note on a bookmark another process removed brings it back.
    let gone = Bookmark {
        note: "kept".into(),
        ..plain("gone")
    };
    let note = Change::Note {
        bookmark: gone.clone(),
        was: String::new(),
    };
    note.apply(&mut list);
    note.apply(&mut list);
    assert_eq!(list.last(), Some(&gone));
    assert_eq!(list.len(), 3);
    Change::Remove("a".into()).apply(&mut list);
    assert_eq!(list.len(), 2, "remove takes one bookmark");
}

#[test]
fn a_note_another_process_changed_meanwhile_is_kept_beside_this_one() {
    let theirs = Bookmark {
        note: "from the other reader".into(),
        ..plain("a")
    };
    let mut list = vec![theirs.clone()];
    let ours = Change::Note {
        bookmark: Bookmark {
            note: "from this reader".into(),
            ..plain("a")
        },
        was: String::new(),
    };
    ours.apply(&mut list);
    ours.apply(&mut list);
    let notes: Vec<&str> = list.iter().map(|b| b.note.as_str()).collect();
    assert_eq!(notes, ["from the other reader", "from this reader"]);
    assert_ne!(list[0].id, list[1].id);
}
