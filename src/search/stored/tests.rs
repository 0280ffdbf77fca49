use super::*;
use crate::corpus::Corpus;
use crate::search::{Query, Scope};

/// The offsets a decode releases rise to the end of its bytes: a map
/// of them lets go of every page once it is read (after each part before
/// the postings, and at the end: the rest is decoded beside them).
#[test]
fn a_decode_releases_what_it_has_read_in_order_to_the_end() {
    let index = SearchIndex::build(&Corpus::load(&[]).expect("bundled"));
    let bytes = encoded(&index);
    let mut released = Vec::new();
    let decoded = SearchIndex::decode_releasing(&bytes, None, &mut |at| released.push(at));
    assert_eq!(decoded.as_ref(), Ok(&index));
    assert!(released.windows(2).all(|w| w[0] <= w[1]), "{released:?}");
    assert_eq!(released.last(), Some(&bytes.len()));
    assert!(released.len() >= 4, "{released:?}");
}

fn encoded(index: &SearchIndex) -> Vec<u8> {
    let mut bytes = Vec::new();
    index
        .encode(&mut |b: &[u8]| {
            bytes.extend_from_slice(b);
            Ok(())
        })
        .expect("encodes");
    bytes
}

#[test]
fn an_index_comes_back_whole() {
    let corpus = Corpus::load(&[]).expect("bundled");
    let index = SearchIndex::build(&corpus);
    let bytes = encoded(&index);
    assert_eq!(SearchIndex::decode(&bytes), Ok(index));
}

/// Read from a map, the packed lists are read in place, and the index
/// is the one encoded; the map lives as long as the index does.
#[test]
fn an_index_read_from_a_map_reads_its_packed_lists_in_place() {
    let index = SearchIndex::build(&Corpus::load(&[]).expect("bundled"));
    let dir = tempfile::tempdir().expect("a directory");
    let path = dir.path().join("index");
    let mut file = b"a header".to_vec();
    file.extend(encoded(&index));
    std::fs::write(&path, &file).expect("written");
    let opened = std::fs::File::open(&path).expect("opened");
    // SAFETY: the file is this test's own and is not written again.
    let map = Map::new(unsafe { memmap2::Mmap::map(&opened) }.expect("mapped"));
    let decoded = SearchIndex::decode_releasing(&map[8..], Some((&map, 8)), &mut |_| {});
    drop(map);
    let decoded = decoded.expect("decodes");
    let lists = [
        &decoded.tokens.ids.bytes,
        &decoded.postings.gaps.bytes,
        &decoded.pairs.postings.gaps.bytes,
    ];
    assert!(lists.iter().all(|b| matches!(b, Bytes::InMap { .. })));
    assert_eq!(decoded, index);
}

#[test]
fn bytes_cut_anywhere_are_refused_without_a_panic() {
    let corpus = Corpus::load(&[]).expect("bundled");
    let bytes = encoded(&SearchIndex::build(&corpus));
    let step = (bytes.len() / 300).max(1);
    for cut in (0..bytes.len()).step_by(step) {
        assert!(SearchIndex::decode(&bytes[..cut]).is_err(), "{cut}");
    }
}

#[test]
fn an_index_built_by_other_rules_is_refused() {
    let corpus = Corpus::load(&[]).expect("bundled");
    let mut bytes = encoded(&SearchIndex::build(&corpus));
    bytes[..4].copy_from_slice(&(RULES + 1).to_le_bytes());
    assert_eq!(
        SearchIndex::decode(&bytes),
        Err(Corrupt("built by other rules"))
    );
}

#[test]
fn ids_and_offsets_out_of_range_are_refused_without_a_panic() {
    let corpus = Corpus::load(&[]).expect("bundled");
    let index = SearchIndex::build(&corpus);
    assert!(index.fits(&corpus));
    let forms = index.tokens.forms.len() as u32;
    let wrongs: [&dyn Fn(&mut SearchIndex); 5] = [
        &|i| i.word_forms.items[0] = forms,
        &|i| i.passage_doc[0] = i.tokens.docs.len() as u32,
        &|i| i.short_of[0] = i.shorts_lower.len() as u32,
        &|i| i.tokens.docs[1].first += 1,
        &|i| i.tokens.docs[0].rank = i.tokens.docs.len() as u32,
    ];
    for (n, wrong) in wrongs.iter().enumerate() {
        let mut bad = index.clone();
        wrong(&mut bad);
        let decoded = SearchIndex::decode(&encoded(&bad));
        assert_eq!(
            decoded.err(),
            Some(Corrupt("an id or offset out of range")),
            "{n}"
        );
    }
    let mut fewer = corpus.clone();
    fewer.documents.pop();
    assert!(!index.fits(&fewer), "another corpus's documents");
}

/// The packed ids and postings, most of a copy, are checked as they
/// are read: ids and passages past what they name, or a skip off by a
/// byte, decode, and read as fewer words and passages, never a panic.
#[test]
fn packed_ids_and_postings_out_of_range_read_as_fewer_without_a_panic() {
    let corpus = Corpus::load(&[]).expect("bundled");
    let index = SearchIndex::build(&corpus);
    let forms = index.tokens.forms.len() as u32;
    let passages = index.passages() as u32;
    let mut bad = index.clone();
    let mut lens = vec![0; index.passages()];
    lens[0] = 2;
    bad.tokens.ids = Packed::pack(&[forms, 0], &lens);
    bad.postings = Postings::from_pairs(index.words.len(), passages, |push| {
        (0..passages).for_each(|p| push(0, p));
        push(1, passages);
    });
    bad.postings.skips[0].1 += 1;
    let decoded = SearchIndex::decode(&encoded(&bad)).expect("decodes");
    let mut words = Vec::new();
    decoded.tokens.of(0, &mut words);
    assert_eq!(words, [0], "the id past the last form is left out");
    assert_eq!(decoded.postings.get_from(1, 0).count(), 0);
    for from in [0, 127, 128, 129, 300, passages - 1] {
        let read: Vec<u32> = decoded.postings.get_from(0, from).collect();
        assert!(read.windows(2).all(|w| w[0] < w[1]), "{from}: rising");
        assert!(read.iter().all(|&p| p < passages), "{from}: below");
    }
    for q in ["the", "security council", "a b c", "korea"] {
        let query = Query::parse(q, &corpus).expect("a query");
        let result = decoded.search(&query, Scope::All, 50);
        for hit in &result.hits {
            let _ = decoded.indices(hit, &query, &corpus);
        }
    }
}

static BUNDLED: std::sync::LazyLock<(Corpus, SearchIndex)> = std::sync::LazyLock::new(|| {
    let corpus = Corpus::load(&[]).expect("bundled");
    let index = SearchIndex::build(&corpus);
    (corpus, index)
});

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Bytes of the packed lists, and skips, overwritten anywhere: the
    /// copy decodes, and reading and searching it give passages in
    /// range, in order, never a panic.
    #[test]
    fn packed_lists_overwritten_anywhere_read_without_a_panic(
        writes in proptest::collection::vec((0usize..3, 0.0f64..1.0, 0u8..=255), 1..40),
        skips in proptest::collection::vec((0.0f64..1.0, 0u32..=u32::MAX, 0u32..300), 0..4),
    ) {
        let (corpus, index) = &*BUNDLED;
        let mut bad = index.clone();
        for (list, at, byte) in writes {
            let packed = match list {
                0 => &mut bad.tokens.ids,
                1 => &mut bad.postings.gaps,
                _ => &mut bad.pairs.postings.gaps,
            };
            let mut bytes = packed.bytes.to_vec();
            let at = (at * bytes.len() as f64) as usize;
            if let Some(b) = bytes.get_mut(at) {
                *b = byte;
            }
            packed.bytes = bytes.into();
        }
        for (at, p, offset) in skips {
            let at = (at * bad.postings.skips.len() as f64) as usize;
            if let Some(skip) = bad.postings.skips.get_mut(at) {
                *skip = (p, offset);
            }
        }
        let decoded = SearchIndex::decode(&encoded(&bad)).expect("decodes");
        let (passages, forms) = (decoded.passages() as u32, decoded.tokens.forms.len() as u32);
        let mut ids = Vec::new();
        for p in 0..decoded.passages() {
            decoded.tokens.of(p, &mut ids);
            proptest::prop_assert!(ids.iter().all(|&f| f < forms));
        }
        for w in 0..decoded.words.len() {
            let read: Vec<u32> = decoded.postings.get_from(w, 0).collect();
            proptest::prop_assert!(read.windows(2).all(|w| w[0] < w[1]));
            proptest::prop_assert!(read.iter().all(|&p| p < passages));
        }
        for q in ["the", "security council", "\"crimes against\"", "korea -china"] {
            let query = Query::parse(q, corpus).expect("a query");
            for hit in decoded.search(&query, Scope::All, 50).hits {
                let _ = decoded.indices(&hit, &query, corpus);
            }
        }
    }
}
