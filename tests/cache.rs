//! The corpus cache: a corpus opened from it is the corpus parsed afresh,
//! a damaged or foreign cache file is never trusted (it is rebuilt, and
//! the reader shows the same screen), and `cache status|clear` and
//! `--no-cache` do what they say.

mod common;

use common::home::{fresh_home, nkread_in};
use nkread::corpus::Corpus;
use nkread::corpus::cache::{self, Cache, Miss, Seen, Stored};
use nkread::library::Library;
use nkread::people::{PeopleIndex, SortBy};
use nkread::search::{Query, Scope, SearchIndex};
use proptest::prelude::*;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};

/// A corpus directory of one JSON file holding `docs`.
fn corpus_dir(docs: &[Value]) -> PathBuf {
    let dir = fresh_home().join("corpus");
    std::fs::create_dir_all(&dir).expect("a corpus directory");
    let text = serde_json::to_string_pretty(docs).expect("JSON");
    std::fs::write(dir.join("docs.json"), text).expect("written");
    dir
}

/// A small generated corpus: `n` documents with people from a shared
/// pool, Hangul and accented text, dates and optional fields.
fn documents(n: usize) -> Vec<Value> {
    (0..n)
        .map(|i| {
            json!({
                "id": format!("doc-{i}"),
                "title": format!("Joint letter {i} on Ojea-Quintana’s report 북한"),
                "date": format!("20{:02}-0{}-1{}", i % 25, 1 + i % 9, i % 10),
                "kind": if i % 2 == 0 { "joint-letter" } else { "press-release" },
                "url": format!("https://example.org/{i}"),
                "paragraphs": [
                    format!("Paragraph one of {i}: crimes against humanity."),
                    "Human Rights Watch and Amnesty International called on the Council.",
                ],
                "people": [
                    {"name": "Human Rights Watch", "kind": "organization", "role": "signatory"},
                    {"name": format!("Kim Jong{i}"), "kind": "person", "role": "quoted",
                     "title": "Researcher", "family": "Kim"},
                ],
                "cite_as": ["Human Rights Watch"],
            })
        })
        .collect()
}

fn open_fresh(dir: &Path) -> Corpus {
    Corpus::load(&[dir.to_path_buf()]).expect("the corpus loads")
}

/// Writes the cache of `dir`'s corpus into `cache` and returns its file.
fn store(cache: &Cache, dir: &Path) -> PathBuf {
    let paths = [dir.to_path_buf()];
    let seen = Seen::now(&paths).expect("the files are listed");
    let fresh = open_fresh(dir);
    match cache
        .store(&paths, &fresh, &seen)
        .expect("the cache is written")
    {
        Stored::Written(file) => file,
        other => panic!("not written: {other:?}"),
    }
}

/// Everything a corpus is, as text: documents, entities, and what each
/// person entry resolves to.
fn whole(corpus: &Corpus) -> (String, String, Vec<String>) {
    let entries = corpus
        .documents
        .iter()
        .flat_map(|d| d.people.iter().map(|p| corpus.entity_of(p).id.clone()))
        .collect();
    (
        format!("{:?}", corpus.documents),
        format!("{:?}", corpus.entities.all()),
        entries,
    )
}

fn same_corpus(a: &Corpus, b: &Corpus) {
    assert_eq!(a.documents, b.documents);
    assert_eq!(whole(a), whole(b));
    // The indexes built from each are the same.
    let (pa, pb) = (PeopleIndex::new(a), PeopleIndex::new(b));
    let entities = pa.entities(SortBy::default());
    assert_eq!(entities, pb.entities(SortBy::default()));
    for &e in &entities {
        assert_eq!(
            format!("{:?}", pa.appearances(e)),
            format!("{:?}", pb.appearances(e))
        );
    }
    let (sa, sb) = (SearchIndex::build(a), SearchIndex::build(b));
    assert_eq!(format!("{:?}", sa.tokens()), format!("{:?}", sb.tokens()));
    for query in ["crimes humanity", "kim", "북한", "ojea", "watch", "p"] {
        let hits = |index: &SearchIndex, corpus: &Corpus| {
            Query::parse(query, corpus)
                .map(|q| format!("{:?}", index.search(&q, Scope::All, 50).hits))
                .unwrap_or_default()
        };
        assert_eq!(hits(&sa, a), hits(&sb, b), "{query}");
    }
}

/// A document of random text: any characters the loader keeps (Hangul,
/// accents, quotes, bidi and control characters it cleans).
fn random_document(i: usize) -> impl Strategy<Value = Value> {
    let text = "[a-zA-Zéø가-힣’ .,()\u{202e}\t\u{7}]{0,30}";
    (
        prop::collection::vec(text, 1..5),
        text,
        prop::option::of(text),
        prop::collection::vec(
            (
                "[A-Z][a-zé]{1,8}( [A-Z][a-z]{1,8}){0,2}",
                0..3usize,
                0..5usize,
            ),
            0..6,
        ),
        prop::option::of((1990..2030u16, 1..13u8)),
    )
        .prop_map(move |(paragraphs, title, note, people, date)| {
            let kinds = ["organization", "person", "state"];
            let roles = ["issuer", "signatory", "member", "quoted", "mentioned"];
            let mut doc = json!({
                "id": format!("random-{i}"),
                "title": format!("T{title}"),
                "kind": "report",
                "paragraphs": paragraphs.iter().map(|p| format!("P{p}")).collect::<Vec<_>>(),
                "people": people.iter().map(|(name, kind, role)| json!({
                    "name": name, "kind": kinds[*kind], "role": roles[*role],
                })).collect::<Vec<_>>(),
            });
            if let Some(note) = note {
                doc["curator_note"] = json!(note);
            }
            if let Some((year, month)) = date {
                doc["date"] = json!(format!("{year}-{month:02}"));
            }
            doc
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// A corpus opened from the cache is the corpus parsed afresh: every
    /// document, entity and people entry, and the indexes built on it.
    #[test]
    fn a_corpus_from_the_cache_is_the_corpus_parsed_afresh(
        docs in (1..6usize).prop_flat_map(|n| {
            (0..n).map(random_document).collect::<Vec<_>>()
        })
    ) {
        let dir = corpus_dir(&docs);
        let paths = [dir.clone()];
        // Text the loader refuses is another suite's business; too many
        // refusals fail the test, so it cannot pass on nothing.
        let fresh = Corpus::load(&paths);
        prop_assume!(fresh.is_ok());
        let fresh = fresh.expect("assumed");
        let cache = Cache::in_dir(fresh_home().join("cache"));
        store(&cache, &dir);
        let cached = cache.open(&paths).expect("the cache is current").0;
        same_corpus(&fresh, &cached);
        // A glimpse's summaries are the documents but for their
        // paragraphs' text and their people; filled, a document is whole.
        let cache::Opened::Glimpse(mut summaries, mut glimpse) =
            cache::open_from(Some(&cache), &paths)
        else {
            panic!("a current copy gives a glimpse");
        };
        for (summary, doc) in summaries.documents.iter().zip(&fresh.documents) {
            prop_assert_eq!(&summary.title, &doc.title);
            prop_assert_eq!(summary.paragraphs.len(), doc.paragraphs.len());
            prop_assert!(summary.paragraphs.iter().all(|p| p.is_empty()));
            prop_assert!(summary.people.is_empty());
        }
        let last = fresh.documents.len() - 1;
        prop_assert!(glimpse.fill(&mut summaries, &[last]));
        prop_assert_eq!(&summaries.documents[last], &fresh.documents[last]);
        same_corpus(&fresh, &glimpse.whole().0);
    }
}

#[test]
fn a_generated_corpus_comes_back_whole_from_the_cache() {
    let dir = corpus_dir(&documents(40));
    let cache = Cache::in_dir(fresh_home().join("cache"));
    store(&cache, &dir);
    let (cached, _) = cache
        .open(std::slice::from_ref(&dir))
        .expect("the cache is current");
    same_corpus(&open_fresh(&dir), &cached);
}

/// The reader's first screen over a corpus, as text.
fn screen(corpus: Corpus) -> String {
    let library = Library::new(corpus);
    let state = common::state(&library, 80, 24);
    common::rows(common::drawn(&state, &library).buffer()).join("\n")
}

#[test]
fn a_flipped_byte_a_cut_and_another_version_are_rebuilt_and_the_screen_is_the_same() {
    let dir = corpus_dir(&documents(30));
    let paths = [dir.clone()];
    let cache = Cache::in_dir(fresh_home().join("cache"));
    let expected = screen(open_fresh(&dir));
    let file = store(&cache, &dir);
    let good = std::fs::read(&file).expect("the cache file");
    assert_eq!(screen(cache.open(&paths).expect("current").0), expected);

    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0x20;
    let mut other_format = good.clone();
    other_format[8] = other_format[8].wrapping_add(1);
    // The head follows the header (56 bytes, the head's length and checksum
    // at 24 and 32) and starts with nkread's version, as a length and its
    // text.
    let head = 56..56 + u64_at(&good, 24) as usize;
    let mut in_head = good.clone();
    in_head[head.end - 1] ^= 0x20;
    let mut other_version = good.clone();
    // Another version's file, with its checksum made to hold.
    other_version[head.start + 8] = b'9';
    let sum = xxh3(&other_version[head]);
    other_version[32..40].copy_from_slice(&sum.to_le_bytes());
    let faults: [(&str, Vec<u8>, Miss); 6] = [
        (
            "a flipped byte",
            flipped,
            Miss::Corrupt("checksum of a chunk"),
        ),
        (
            "a flipped byte in the head",
            in_head,
            Miss::Corrupt("checksum of the head"),
        ),
        (
            "a cut",
            good[..good.len() - 100].to_vec(),
            Miss::Corrupt("cut short or too long"),
        ),
        ("an empty file", Vec::new(), Miss::Corrupt("cut short")),
        ("another format", other_format, Miss::OtherVersion),
        ("another nkread", other_version, Miss::OtherVersion),
    ];
    for (what, bytes, miss) in faults {
        std::fs::write(&file, &bytes).expect("damaged");
        assert_eq!(cache.open(&paths).err(), Some(miss), "{what}");
        // As the command line does: the damaged copy is passed over, the
        // corpus loaded from its files and the copy written again.
        let (corpus, problems, pending) = cache::open_from(Some(&cache), &paths).whole();
        assert!(problems.0.is_empty(), "{what}: {problems}");
        let Some(cache::Source::Files(seen)) = pending.map(|p| p.source) else {
            panic!("{what}: loaded from the files, so the copy is written");
        };
        cache.store(&paths, &corpus, &seen).expect("rewritten");
        assert_eq!(screen(corpus), expected, "{what}");
        assert_eq!(std::fs::read(&file).expect("rewritten"), good, "{what}");
        assert_eq!(screen(cache.open(&paths).expect("current").0), expected);
    }
}

/// A glimpse of a copy whose chunk `damage` flips a byte of, and the
/// corpus it comes to, with where that corpus can be kept.
fn glimpsed(damage: impl Fn(&[u8]) -> usize) -> (bool, Corpus, Option<cache::Source>, Corpus) {
    // 200 documents: four chunks of 64 documents at most.
    let dir = corpus_dir(&documents(200));
    let paths = [dir.clone()];
    let cache = Cache::in_dir(fresh_home().join("cache"));
    let file = store(&cache, &dir);
    let mut bytes = std::fs::read(&file).expect("the copy");
    let at = damage(&bytes);
    bytes[at] ^= 0x20;
    std::fs::write(&file, &bytes).expect("damaged");
    let cache::Opened::Glimpse(mut summaries, mut glimpse) = cache::open_from(Some(&cache), &paths)
    else {
        panic!("the head and the tail hold: a glimpse");
    };
    // The first frame shows the first document whole.
    let shown = glimpse.fill(&mut summaries, &[0]);
    if shown {
        assert_eq!(summaries.documents[0], open_fresh(&dir).documents[0]);
    }
    let (corpus, problems, pending) = glimpse.whole();
    assert!(problems.0.is_empty(), "{problems}");
    (shown, corpus, pending.map(|p| p.source), open_fresh(&dir))
}

/// A chunk that fails its checksum after the first frame was drawn from
/// the others: the corpus is loaded from its files, the same corpus and
/// screen, and its copy written again; never a panic, never a wrong text.
#[test]
fn a_chunk_corrupted_past_the_first_frame_means_the_files_and_the_same_screen() {
    // The last chunk ends where the tail begins: a byte just before it.
    let tail = |bytes: &[u8]| bytes.len() - u64_at(bytes, 40) as usize;
    let (shown, corpus, source, fresh) = glimpsed(|bytes| tail(bytes) - 3);
    assert!(shown, "the first chunk holds: the first frame is drawn");
    same_corpus(&corpus, &fresh);
    assert_eq!(screen(corpus), screen(fresh));
    assert!(
        matches!(source, Some(cache::Source::Files(_))),
        "written again"
    );
    // The first frame's own chunk damaged: no first frame from the copy.
    let head_end = |bytes: &[u8]| 56 + u64_at(bytes, 24) as usize;
    let (shown, corpus, source, fresh) = glimpsed(|bytes| head_end(bytes) + 40);
    assert!(!shown, "a document that fails its checksum is not shown");
    same_corpus(&corpus, &fresh);
    assert!(matches!(source, Some(cache::Source::Files(_))));
}

/// A corpus that lacks a file is read without it, and never cached: from
/// the cache, a later open could no longer say what is missing.
#[test]
fn a_corpus_that_lacks_a_file_is_never_cached() {
    let dir = corpus_dir(&documents(3));
    std::fs::write(
        dir.join("bad.toml"),
        "id = \"bad\"\ntitle = \"T\"\nkind = \"memo\"\nparagraphs = [\"P\"]\n",
    )
    .expect("written");
    let cache = Cache::in_dir(fresh_home().join("cache"));
    let paths = [dir.clone()];
    let (corpus, problems, pending) = cache::open_from(Some(&cache), &paths).whole();
    assert!(corpus.get("doc-2").is_some() && corpus.get("bad").is_none());
    assert_eq!(problems.0.len(), 1, "{problems}");
    assert!(pending.is_none(), "nothing to store");
}

/// The checksum the cache files carry.
fn xxh3(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// The little-endian number at `at` in a cache file.
fn u64_at(bytes: &[u8], at: usize) -> u64 {
    let mut le = [0; 8];
    le.copy_from_slice(&bytes[at..at + 8]);
    u64::from_le_bytes(le)
}

#[test]
fn a_changed_corpus_file_makes_the_copy_stale_and_a_touched_one_does_not() {
    let dir = corpus_dir(&documents(5));
    let paths = [dir.clone()];
    let cache = Cache::in_dir(fresh_home().join("cache"));
    store(&cache, &dir);
    // The same bytes written again: a new time, the same content.
    let file = dir.join("docs.json");
    let text = std::fs::read(&file).expect("read");
    // Times set, not waited for: a file clock may not tick between writes.
    let stored = std::fs::metadata(&file)
        .and_then(|m| m.modified())
        .expect("a time");
    let at = |seconds: u64| {
        std::fs::File::options()
            .write(true)
            .open(&file)
            .and_then(|f| f.set_modified(stored + std::time::Duration::from_secs(seconds)))
            .expect("a time set");
    };
    std::fs::write(&file, &text).expect("touched");
    at(1);
    assert!(
        cache.open(&paths).is_ok(),
        "a touched file is still current"
    );
    // One letter changed, the size kept.
    let changed = String::from_utf8(text).expect("UTF-8").replacen(
        "Paragraph one of 0",
        "Paragraph one of 9",
        1,
    );
    std::fs::write(&file, changed).expect("changed");
    at(2);
    assert_eq!(cache.open(&paths).err(), Some(Miss::Stale));
    let mut more = documents(6);
    more.truncate(6);
    std::fs::write(
        dir.join("more.json"),
        serde_json::to_string(&more[5..]).expect("JSON"),
    )
    .expect("added");
    assert_eq!(cache.open(&paths).err(), Some(Miss::Stale));
}

/// nkread over `dir` in `home`, printing `list`.
fn list(home: &Path, dir: &Path, extra: &[&str]) -> String {
    let out = nkread_in(home)
        .args(extra)
        .arg("--corpus")
        .arg(dir)
        .arg("list")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("UTF-8")
}

fn status(home: &Path, dir: &Path, extra: &[&str]) -> String {
    let out = nkread_in(home)
        .args(extra)
        .arg("--corpus")
        .arg(dir)
        .args(["cache", "status"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("UTF-8")
}

fn cache_files(home: &Path) -> usize {
    std::fs::read_dir(home.join("cache/nkread"))
        .map(|d| {
            d.flatten()
                .filter(|e| e.file_name().to_string_lossy().ends_with(".nkc"))
                .count()
        })
        .unwrap_or(0)
}

#[test]
fn the_first_open_writes_the_cache_and_the_second_reads_it() {
    let home = fresh_home();
    let dir = corpus_dir(&documents(12));
    let before = status(&home, &dir, &[]);
    assert!(before.contains("not written yet"), "{before}");
    assert!(
        before.contains(&format!(
            "directory: {}",
            home.join("cache/nkread").display()
        )),
        "{before}"
    );
    let first = list(&home, &dir, &[]);
    assert_eq!(cache_files(&home), 1);
    let after = status(&home, &dir, &[]);
    assert!(after.contains(", current\n"), "{after}");
    assert!(after.contains("all cache files: 1, "), "{after}");
    assert_eq!(list(&home, &dir, &[]), first);
    // A damaged copy: the same output, and the copy is current again.
    let file = std::fs::read_dir(home.join("cache/nkread"))
        .expect("the cache directory")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "nkc"))
        .expect("a cache file");
    let mut bytes = std::fs::read(&file).expect("read");
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    std::fs::write(&file, &bytes).expect("damaged");
    assert!(status(&home, &dir, &[]).contains("corrupt (checksum of the tail)"));
    assert_eq!(list(&home, &dir, &[]), first);
    assert!(status(&home, &dir, &[]).contains(", current\n"));
}

#[test]
fn cache_clear_removes_every_copy() {
    let home = fresh_home();
    let dir = corpus_dir(&documents(3));
    list(&home, &dir, &[]);
    assert_eq!(cache_files(&home), 1);
    nkread_in(&home)
        .args(["cache", "clear"])
        .assert()
        .success()
        .stdout(predicates::str::starts_with("removed 1 cache file ("));
    assert_eq!(cache_files(&home), 0);
    // Nothing to clear is not an error.
    nkread_in(&home)
        .args(["cache", "clear"])
        .assert()
        .success()
        .stdout(predicates::str::starts_with(
            "removed 0 cache files (0 bytes)",
        ));
}

#[test]
fn no_cache_and_the_config_key_neither_read_nor_write_it() {
    let home = fresh_home();
    let dir = corpus_dir(&documents(3));
    let first = list(&home, &dir, &["--no-cache"]);
    assert_eq!(cache_files(&home), 0);
    let config = home.join("config/nkread/config.toml");
    std::fs::create_dir_all(config.parent().expect("a parent")).expect("dir");
    std::fs::write(&config, "cache = false\n").expect("config");
    assert_eq!(list(&home, &dir, &[]), first);
    assert_eq!(cache_files(&home), 0);
    assert!(status(&home, &dir, &[]).contains("in use: no"));
    std::fs::write(&config, "cache = \"yes\"\n").expect("config");
    nkread_in(&home)
        .arg("list")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("cache"));
}

#[test]
fn the_bundled_corpus_alone_needs_no_cache() {
    let home = fresh_home();
    nkread_in(&home).arg("list").assert().success();
    assert_eq!(cache_files(&home), 0);
    nkread_in(&home)
        .args(["cache", "status"])
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "the bundled corpus alone, which needs no cache",
        ));
}

/// The cache directory's lock, taken as another nkread takes it.
fn hold_lock(cache_dir: &Path) -> std::fs::File {
    let lock = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .open(cache_dir.join(".lock"))
        .expect("the lock file");
    use std::os::fd::AsRawFd;
    // SAFETY: flock on a descriptor this test owns.
    let locked = unsafe { libc::flock(lock.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) };
    assert_eq!(locked, 0, "locked");
    lock
}

#[test]
fn a_second_writer_does_not_write_while_the_first_holds_the_lock() {
    let dir = corpus_dir(&documents(3));
    let paths = [dir.clone()];
    let cache_dir = fresh_home().join("cache");
    let cache = Cache::in_dir(&cache_dir);
    std::fs::create_dir_all(&cache_dir).expect("dir");
    let lock = hold_lock(&cache_dir);
    let seen = Seen::now(&paths).expect("listed");
    let stored = cache
        .store(&paths, &open_fresh(&dir), &seen)
        .expect("no error");
    assert_eq!(stored, Stored::Busy);
    assert_eq!(cache.open(&paths).err(), Some(Miss::Absent));
    drop(lock);
    assert!(matches!(
        cache.store(&paths, &open_fresh(&dir), &seen),
        Ok(Stored::Written(_))
    ));
}

#[test]
fn clear_leaves_the_temp_file_of_a_writer_that_holds_the_lock() {
    let dir = corpus_dir(&documents(3));
    let paths = [dir.clone()];
    let cache_dir = fresh_home().join("cache");
    let cache = Cache::in_dir(&cache_dir);
    let seen = Seen::now(&paths).expect("listed");
    cache
        .store(&paths, &open_fresh(&dir), &seen)
        .expect("written");
    let temp = cache_dir.join(".corpus-writing.tmp");
    std::fs::write(&temp, b"half a copy").expect("a temp file");
    let lock = hold_lock(&cache_dir);
    let (files, _) = cache.clear().expect("cleared");
    assert_eq!(files, 1, "the finished copy goes");
    assert!(temp.exists(), "the writer's temp file stays");
    drop(lock);
    let (files, _) = cache.clear().expect("cleared");
    assert_eq!(files, 1);
    assert!(!temp.exists(), "with nobody writing, it goes too");
}

/// The search index's copy is written beside the corpus's, bound to it: a
/// second open reads the index built the first time, and a corpus copy
/// written again (another corpus) does not read it.
#[test]
fn the_search_index_is_kept_beside_the_corpus_copy_it_was_built_from() {
    let dir = corpus_dir(&documents(12));
    let cache = Cache::in_dir(fresh_home().join("cache"));
    let paths = vec![dir.clone()];
    let (corpus, problems, pending) = cache::open_from(Some(&cache), &paths).whole();
    assert!(problems.0.is_empty());
    let pending = pending.expect("from the files, to be kept");
    assert!(matches!(pending.source, cache::Source::Files(_)));
    assert!(pending.index_opener().is_none(), "no copy to read yet");
    let built = std::sync::Arc::new(SearchIndex::build(&corpus));
    let (give, index) = std::sync::mpsc::channel();
    let writer = pending.start(std::sync::Arc::new(corpus), index);
    let shared = std::sync::Arc::clone(&built);
    give.send(Box::new(move |out| shared.encode(out)))
        .expect("the writer waits for the index");
    let written = writer.finish();
    assert!(matches!(written, Ok(Stored::Written(_))), "{written:?}");
    // The second open: the corpus from its copy, the index from its own.
    let (again, _, pending) = cache::open_from(Some(&cache), &paths).whole();
    let pending = pending.expect("from the copy");
    assert!(matches!(pending.source, cache::Source::Copy(_)));
    let opener = pending.index_opener().expect("beside a copy");
    let read = opener.open(|bytes| SearchIndex::decode(bytes).ok());
    assert_eq!(read.as_ref(), Ok(&*built));
    assert_eq!(read.ok(), Some(SearchIndex::build(&again)));
    // Another corpus copy for these paths: the index copy is stale.
    std::fs::write(
        dir.join("more.json"),
        serde_json::to_string(&documents(1))
            .expect("JSON")
            .replace("doc-0", "more-0"),
    )
    .expect("written");
    let seen = Seen::now(&paths).expect("listed");
    cache
        .store(&paths, &open_fresh(&dir), &seen)
        .expect("rewritten");
    let (_, _, pending) = cache::open_from(Some(&cache), &paths).whole();
    let pending = pending.expect("from the new copy");
    let opener = pending.index_opener().expect("beside a copy");
    assert_eq!(
        opener.open(|bytes| SearchIndex::decode(bytes).ok()).err(),
        Some(Miss::Stale)
    );
}

/// `cache status` says how the search index's copy stands, beside the
/// corpus copy's.
#[test]
fn cache_status_reports_the_search_index_copy_too() {
    let home = fresh_home();
    let dir = corpus_dir(&documents(5));
    let line = |status: &str| {
        status
            .lines()
            .find(|l| l.starts_with("its search index"))
            .map(str::to_string)
            .unwrap_or_else(|| panic!("no line for the index: {status}"))
    };
    assert!(line(&status(&home, &dir, &[])).ends_with(".nki, not written yet"));
    // The reader's first open writes both copies.
    let cache = Cache::in_dir(home.join("cache/nkread"));
    let paths = vec![dir.clone()];
    let (corpus, _, pending) = cache::open_from(Some(&cache), &paths).whole();
    let pending = pending.expect("from the files");
    let index = SearchIndex::build(&corpus);
    let (give, bytes) = std::sync::mpsc::channel();
    let writer = pending.start(std::sync::Arc::new(corpus), bytes);
    give.send(Box::new(move |out| index.encode(out)))
        .expect("the writer waits for the index");
    let Ok(Stored::Written(file)) = writer.finish() else {
        panic!("the index copy is not written");
    };
    let now = line(&status(&home, &dir, &[]));
    assert!(now.ends_with(", current"), "{now}");
    assert!(now.contains(&file.display().to_string()), "{now}");
    let mut damaged = std::fs::read(&file).expect("the index copy");
    let last = damaged.len() - 1;
    damaged[last] ^= 1;
    std::fs::write(&file, &damaged).expect("damaged");
    let now = line(&status(&home, &dir, &[]));
    assert!(now.contains("corrupt (checksum)"), "{now}");
}
