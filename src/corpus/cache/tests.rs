use super::*;

/// A home holding a corpus directory of one document ("one"), and its
/// cache, with nothing in it yet.
pub(crate) fn one_document() -> (tempfile::TempDir, Cache, Vec<PathBuf>) {
    let home = tempfile::tempdir().expect("a home");
    let dir = home.path().join("corpus");
    fs::create_dir(&dir).expect("a corpus directory");
    fs::write(
        dir.join("one.json"),
        r#"[{"id": "one", "title": "One", "date": "2020", "kind": "report",
             "paragraphs": ["Crimes against humanity."]}]"#,
    )
    .expect("written");
    let cache = Cache::in_dir(home.path().join("cache"));
    (home, cache, vec![dir])
}

/// A corpus directory of one document, with a copy of it in the cache.
fn cached() -> (tempfile::TempDir, Cache, Vec<PathBuf>, PathBuf) {
    let (home, cache, paths) = one_document();
    let corpus = Corpus::load(&paths).expect("loads");
    let seen = Seen::now(&paths).expect("listed");
    let Ok(Stored::Written(file)) = cache.store(&paths, &corpus, &seen) else {
        panic!("not written");
    };
    (home, cache, paths, file)
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("the cache directory")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("corpus-"))
        .collect();
    names.sort();
    names
}

#[test]
fn a_stopped_copy_leaves_no_temp_file_and_the_copy_before_whole() {
    let (_home, cache, paths, file) = cached();
    let before = fs::read(&file).expect("the copy");
    let listed = names(cache.dir());
    let corpus = Corpus::load(&paths).expect("loads");
    let seen = Seen::now(&paths).expect("listed");
    let stopped = cache.store_until(&paths, &corpus, &seen, &AtomicBool::new(true));
    assert_eq!(stopped.ok(), Some((Stored::Stopped, None)));
    assert_eq!(fs::read(&file).expect("the copy"), before);
    assert_eq!(names(cache.dir()), listed);
}

#[test]
fn a_write_stops_at_its_next_piece() {
    let (_home, cache, paths, file) = cached();
    let corpus = Corpus::load(&paths).expect("loads");
    let (temp, out) = durable::create_temp(&file, durable::PRIVATE).expect("a temp file");
    let written = layout::write(out, b"head", &corpus.documents, &AtomicBool::new(true));
    assert_eq!(
        written.map_err(|e| e.kind()),
        Err(io::ErrorKind::Interrupted)
    );
    // Not a byte written.
    assert_eq!(fs::metadata(&temp).map(|m| m.len()).ok(), Some(0));
    assert!(cache.open(&paths).is_ok(), "the copy before is whole");
}

#[test]
fn a_writer_let_finish_writes_the_copy_a_second_open_reads() {
    let (_home, cache, paths, file) = cached();
    fs::remove_file(&file).expect("removed");
    let corpus = Arc::new(Corpus::load(&paths).expect("loads"));
    let seen = Seen::now(&paths).expect("listed");
    let pending = Pending {
        cache: cache.clone(),
        paths: paths.clone(),
        source: Source::Files(seen),
    };
    // No index to keep: its sender is dropped.
    let (_, index) = std::sync::mpsc::channel();
    let written = pending.start(Arc::clone(&corpus), index).finish();
    assert_eq!(written.ok(), Some(Stored::Written(file)));
    assert!(cache.open(&paths).is_ok());
}

/// A copy whose head and chunks both hold their checksums but disagree (a
/// writer's slip: the summaries of one order, the documents of another)
/// never shows one document's text under another's summary: the corpus is
/// loaded from its files instead.
#[test]
fn a_document_that_is_not_its_summary_is_never_shown() {
    let (_home, cache, paths, file) = cached();
    fs::write(
        paths[0].join("two.json"),
        r#"[{"id": "two", "title": "Two", "date": "2021", "kind": "report",
             "paragraphs": ["Abductions.", "Detention."]}]"#,
    )
    .expect("written");
    let corpus = Corpus::load(&paths).expect("loads");
    let seen = Seen::now(&paths).expect("listed");
    cache.store(&paths, &corpus, &seen).expect("stored");
    let (copy, _, at) = cache.current(&paths).expect("current");
    // The head's summaries, of the documents in the other order.
    let mut reversed = corpus.clone();
    reversed.documents.reverse();
    let mut summaries = Vec::new();
    codec::encode_head(&reversed, &mut summaries);
    let mut r = Reader::new(&summaries);
    codec::decode_entities(&mut r).expect("entities");
    let mut head = copy.head()[..at].to_vec();
    head.extend_from_slice(&summaries[r.position()..]);
    drop(copy);
    let out = File::create(&file).expect("the copy");
    layout::write(out, &head, &corpus.documents, &AtomicBool::new(false)).expect("written");
    let (mut shown, mut glimpse) = Glimpse::open(&cache, &paths).expect("every checksum holds");
    assert_eq!(shown.documents[0].id, "two");
    assert!(!glimpse.fill(&mut shown, &[0]), "'one' is not 'two'");
    assert_eq!(shown.documents[0].paragraphs, ["", ""], "nothing filled");
    let (whole, problems, pending) = glimpse.whole();
    assert!(problems.0.is_empty());
    assert_eq!(whole.documents, corpus.documents);
    assert!(matches!(pending.map(|p| p.source), Some(Source::Files(_))));
}

#[test]
fn documents_that_share_a_chunk_are_filled_from_it_at_once() {
    let (_home, cache, paths, _file) = cached();
    let docs: Vec<String> = (0..70)
        .map(|i| {
            format!(
                r#"{{"id": "d{i}", "title": "T{i}", "date": "2020", "kind": "report",
                     "paragraphs": ["P{i}."]}}"#
            )
        })
        .collect();
    fs::write(paths[0].join("many.json"), format!("[{}]", docs.join(","))).expect("written");
    let corpus = Corpus::load(&paths).expect("loads");
    let seen = Seen::now(&paths).expect("listed");
    cache.store(&paths, &corpus, &seen).expect("stored");
    let (copy, _, _) = cache.current(&paths).expect("current");
    // Three of the first chunk, one asked twice, and one of the second.
    let read = copy
        .documents_at(&[5, 1, 5, 66, 3], corpus.entities.len())
        .expect("read");
    let got: Vec<(usize, &crate::corpus::Document)> =
        read.iter().map(|(d, doc)| (*d, doc)).collect();
    let want: Vec<(usize, &crate::corpus::Document)> = [1, 3, 5, 66]
        .into_iter()
        .map(|d| (d, &corpus.documents[d]))
        .collect();
    assert_eq!(got, want);
    // Past the last document: no chunk holds it.
    let past = corpus.documents.len();
    assert!(copy.documents_at(&[past], corpus.entities.len()).is_err());
}

/// A corpus opened from its copy reads its paragraphs in place, and a new
/// copy renamed over the old one, as a second nkread writes it, leaves
/// them whole: the old file stays mapped until the last of them goes.
#[test]
fn paragraphs_are_read_in_place_and_outlive_their_copy_replaced() {
    let (_home, cache, paths, file) = cached();
    let (corpus, _) = cache.open(&paths).expect("opened from the copy");
    let one = corpus.documents.iter().find(|d| d.id == "one");
    let paragraph = &one.expect("the user's document").paragraphs[0];
    assert!(paragraph.in_place());
    let other = file.with_extension("other");
    fs::write(&other, vec![0xff; 4096]).expect("written");
    fs::rename(&other, &file).expect("renamed over the copy");
    assert_eq!(*paragraph, "Crimes against humanity.");
    let loaded = Corpus::load(&paths).expect("loads");
    assert_eq!(corpus.documents, loaded.documents);
}

#[test]
fn the_whole_corpus_waits_while_its_filler_is_paused() {
    let (_home, cache, paths, _file) = cached();
    let Ok((_, glimpse)) = Glimpse::open(&cache, &paths) else {
        panic!("no glimpse");
    };
    let paused = glimpse.filler().pause();
    let (send, read) = std::sync::mpsc::channel();
    std::thread::spawn(move || send.send(glimpse.whole().0.documents.len()));
    let waited = read.recv_timeout(std::time::Duration::from_millis(200));
    assert!(waited.is_err(), "read while paused: {waited:?}");
    drop(paused);
    let loaded = Corpus::load(&paths).expect("loads");
    let whole = read.recv_timeout(std::time::Duration::from_secs(30));
    assert_eq!(whole.ok(), Some(loaded.documents.len()));
}
