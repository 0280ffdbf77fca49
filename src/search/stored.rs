//! The search index as bytes and back, so that the corpus cache can keep
//! it: a second open then reads it instead of splitting a million
//! paragraphs into words again. Each part is a count and its items,
//! little-endian. The cache's checksum says the bytes are the ones
//! written; decoding still checks that each count fits in what is left,
//! that each table of starts rises and ends where its items do, that the
//! parts agree in length, and that the ids of the tables it reads whole
//! are in range. The packed ids and postings, most of the bytes, are read
//! in place and checked as they are read, so that a copy made wrong gives
//! fewer words or hits, never a panic. A change to this layout bumps the cache's
//! `FORMAT` (`corpus::cache`); a change to how the index is built, `RULES`.

use super::index::{Lists, SearchIndex};
use super::packed::{Packed, Postings};
use super::pairs::Pairs;
use super::tokens::{DocInfo, Tokens};
use crate::corpus::{Bytes, Corpus, Map, Role};
use std::io;

/// The rules the index is built by, written first in its bytes: bumped by
/// hand whenever a change to how text is split into words or folded, how
/// forms are numbered, or how passages are numbered and kept
/// (`tokens`, `text`, `index`, `packed`) would build another index from
/// the same corpus. A copy built by other rules gives wrong hits, and the
/// cache's checksum and the version in its name cannot tell.
const RULES: u32 = 1;

/// Why bytes are not a search index: it is then built again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corrupt(pub &'static str);

type Out<'o> = &'o mut dyn FnMut(&[u8]) -> io::Result<()>;

impl SearchIndex {
    /// Hands the index's bytes to `out`, part by part.
    pub fn encode(&self, out: Out) -> io::Result<()> {
        out(&RULES.to_le_bytes())?;
        let docs: Vec<u32> = self
            .tokens
            .docs
            .iter()
            .flat_map(|d| [d.first, d.people, d.paragraphs, d.rank, d.shorts])
            .collect();
        u32s(out, &docs)?;
        packed(out, &self.tokens.ids)?;
        strs(out, &self.tokens.forms)?;
        u32s(out, &self.passage_doc)?;
        let roles: Vec<u8> = self.passage_role.iter().map(|r| role_tag(*r)).collect();
        bytes(out, &roles)?;
        strs(out, &self.words)?;
        usizes(out, &self.word_forms.starts)?;
        u32s(out, &self.word_forms.items)?;
        postings(out, &self.postings)?;
        strs(out, &self.shorts_lower)?;
        strs(out, &self.shorts_cased)?;
        u32s(out, &self.short_of)?;
        out(&self.pairs.common.to_le_bytes())?;
        postings(out, &self.pairs.postings)
    }

    /// The index `encode` wrote, from all of `bytes`.
    pub fn decode(bytes: &[u8]) -> Result<SearchIndex, Corrupt> {
        SearchIndex::decode_releasing(bytes, None, &mut |_| {})
    }

    /// As [`SearchIndex::decode`], with the packed lists read in place
    /// where `map` gives the map `bytes` lie in and where they start in
    /// it, and telling `release` after each large part how far into
    /// `bytes` it has read: the bytes before are not read again unless a
    /// list read in place is, and a map of them can let their pages go.
    pub fn decode_releasing(
        bytes: &[u8],
        map: Option<(&Map, usize)>,
        release: &mut dyn FnMut(usize),
    ) -> Result<SearchIndex, Corrupt> {
        let mut r = Reader { bytes, at: 0, map };
        if r.take(4)? != RULES.to_le_bytes() {
            return Err(Corrupt("built by other rules"));
        }
        let docs = r.u32s()?;
        if docs.len() % 5 != 0 {
            return Err(Corrupt("the documents"));
        }
        let docs = docs
            .chunks_exact(5)
            .map(|d| DocInfo {
                first: d[0],
                people: d[1],
                paragraphs: d[2],
                rank: d[3],
                shorts: d[4],
            })
            .collect();
        let tokens = Tokens {
            docs,
            ids: r.packed()?,
            forms: r.strs()?,
        };
        release(r.at);
        let passage_doc = r.u32s()?;
        let passage_role = r
            .bytes()?
            .iter()
            .map(|&t| from_tag(t))
            .collect::<Result<Vec<_>, _>>()?;
        release(r.at);
        let words = r.strs()?;
        let word_forms = Lists {
            starts: r.starts()?,
            items: r.u32s()?,
        };
        rises(&word_forms.starts, word_forms.items.len())?;
        release(r.at);
        let mut postings = r.postings(release)?;
        let shorts_lower = r.strs()?;
        let shorts_cased = r.strs()?;
        let short_of = r.u32s()?;
        release(r.at);
        let common = r.take(4)?;
        let mut pairs = Pairs {
            common: u32::from_le_bytes(common.try_into().map_err(|_| Corrupt("cut short"))?),
            postings: r.postings(release)?,
        };
        let passages = passage_doc.len();
        let whole = r.at == bytes.len()
            && passage_role.len() == passages
            && tokens.ids.starts.len() == passages + 1
            && word_forms.starts.len() == words.len() + 1
            && postings.counts.len() == words.len()
            && postings.fits()
            && pairs.postings.fits()
            && !pairs.postings.counts.is_empty()
            && shorts_lower.len() == shorts_cased.len();
        if !whole {
            return Err(Corrupt("the parts do not agree"));
        }
        // The packed form ids and postings, most of the bytes, are checked
        // as they are read (`Tokens::of`, `Postings::get_from`), not here.
        let passages = u32::try_from(passages).map_err(|_| Corrupt("a count"))?;
        (postings.passages, pairs.postings.passages) = (passages, passages);
        let forms = u32::try_from(tokens.forms.len()).unwrap_or(u32::MAX);
        let in_range = tiled(&tokens.docs, &passage_doc, short_of.len())
            && short_of.iter().all(|&s| (s as usize) < shorts_lower.len())
            && word_forms.items.iter().all(|&f| f < forms);
        if !in_range {
            return Err(Corrupt("an id or offset out of range"));
        }
        Ok(SearchIndex {
            tokens,
            passage_doc,
            passage_role,
            words,
            word_forms,
            postings,
            shorts_lower,
            shorts_cased,
            short_of,
            pairs,
            remembered: Default::default(),
        })
    }
}

impl SearchIndex {
    /// Whether the index has the documents of `corpus`, each with its
    /// people and paragraphs: one read from a copy is looked up by them.
    pub fn fits(&self, corpus: &Corpus) -> bool {
        self.fits_counting(corpus, true)
    }

    /// As [`SearchIndex::fits`], people not counted: for the summaries of
    /// a corpus's copy, which hold none. The whole corpus is fitted again.
    pub fn fits_summaries(&self, summaries: &Corpus) -> bool {
        self.fits_counting(summaries, false)
    }

    fn fits_counting(&self, corpus: &Corpus, people: bool) -> bool {
        self.tokens.docs.len() == corpus.documents.len()
            && self
                .tokens
                .docs
                .iter()
                .zip(&corpus.documents)
                .all(|(i, d)| {
                    (!people || i.people as usize == d.people.len())
                        && i.paragraphs as usize == d.paragraphs.len()
                })
    }
}

/// That the documents' passages and short passages follow each other from
/// the first to the last of `passage_doc` and of `short_of`'s `shorts`,
/// each passage naming its document, and each rank is a document's.
fn tiled(docs: &[DocInfo], passage_doc: &[u32], shorts: usize) -> bool {
    let (mut passage, mut short) = (0usize, 0usize);
    for (d, doc) in docs.iter().enumerate() {
        let own = 1 + doc.people as usize;
        let all = own + doc.paragraphs as usize;
        let fits = doc.first as usize == passage
            && doc.shorts as usize == short
            && (doc.rank as usize) < docs.len()
            && passage_doc
                .get(passage..passage + all)
                .is_some_and(|p| p.iter().all(|&of| of as usize == d));
        if !fits {
            return false;
        }
        (passage, short) = (passage + all, short + own);
    }
    passage == passage_doc.len() && short == shorts
}

fn role_tag(role: Option<Role>) -> u8 {
    role.and_then(|r| Role::ALL.iter().position(|&a| a == r))
        .map_or(0, |i| i as u8 + 1)
}

fn from_tag(tag: u8) -> Result<Option<Role>, Corrupt> {
    match tag {
        0 => Ok(None),
        t => Role::ALL
            .get(usize::from(t) - 1)
            .copied()
            .map(Some)
            .ok_or(Corrupt("a role")),
    }
}

/// That `starts` rise from 0 to `end`.
fn rises(starts: &[usize], end: usize) -> Result<(), Corrupt> {
    let ok = starts.first().is_none_or(|&s| s == 0)
        && starts.windows(2).all(|w| w[0] <= w[1])
        && starts.last().is_none_or(|&s| s == end);
    ok.then_some(()).ok_or(Corrupt("a table of starts"))
}

fn count(out: Out, n: usize) -> io::Result<()> {
    out(&(n as u64).to_le_bytes())
}

fn bytes(out: Out, items: &[u8]) -> io::Result<()> {
    count(out, items.len())?;
    out(items)
}

fn u32s(out: Out, items: &[u32]) -> io::Result<()> {
    count(out, items.len())?;
    for chunk in items.chunks(1 << 18) {
        let le: Vec<u8> = chunk.iter().flat_map(|n| n.to_le_bytes()).collect();
        out(&le)?;
    }
    Ok(())
}

fn usizes(out: Out, items: &[usize]) -> io::Result<()> {
    count(out, items.len())?;
    for chunk in items.chunks(1 << 17) {
        let le: Vec<u8> = chunk
            .iter()
            .flat_map(|&n| (n as u64).to_le_bytes())
            .collect();
        out(&le)?;
    }
    Ok(())
}

fn strs(out: Out, items: &[Box<str>]) -> io::Result<()> {
    count(out, items.len())?;
    let mut buf = Vec::new();
    for s in items {
        buf.extend_from_slice(&(s.len() as u64).to_le_bytes());
        buf.extend_from_slice(s.as_bytes());
        if buf.len() >= 1 << 20 {
            out(&buf)?;
            buf.clear();
        }
    }
    out(&buf)
}

fn postings(out: Out, p: &Postings) -> io::Result<()> {
    packed(out, &p.gaps)?;
    u32s(out, &p.counts)?;
    usizes(out, &p.skip_starts)?;
    let skips: Vec<u32> = p.skips.iter().flat_map(|&(a, b)| [a, b]).collect();
    u32s(out, &skips)
}

fn packed(out: Out, p: &Packed) -> io::Result<()> {
    usizes(out, &p.starts)?;
    bytes(out, &p.bytes)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    /// The map the bytes lie in, and where they start in it.
    map: Option<(&'a Map, usize)>,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], Corrupt> {
        let end = self.at.checked_add(n).ok_or(Corrupt("a length"))?;
        let slice = self.bytes.get(self.at..end).ok_or(Corrupt("cut short"))?;
        self.at = end;
        Ok(slice)
    }

    /// A count of items of `each` bytes, within what is left.
    fn len(&mut self, each: usize) -> Result<usize, Corrupt> {
        let le = self.take(8)?;
        let n = u64::from_le_bytes(le.try_into().map_err(|_| Corrupt("cut short"))?);
        let n = usize::try_from(n).map_err(|_| Corrupt("a count"))?;
        match n.checked_mul(each) {
            Some(need) if need <= self.bytes.len() - self.at => Ok(n),
            _ => Err(Corrupt("a count past the end")),
        }
    }

    fn bytes(&mut self) -> Result<&'a [u8], Corrupt> {
        let n = self.len(1)?;
        self.take(n)
    }

    fn u32s(&mut self) -> Result<Vec<u32>, Corrupt> {
        let n = self.len(4)?;
        Ok(self
            .take(n * 4)?
            .chunks_exact(4)
            .map(|le| u32::from_le_bytes([le[0], le[1], le[2], le[3]]))
            .collect())
    }

    fn starts(&mut self) -> Result<Vec<usize>, Corrupt> {
        let n = self.len(8)?;
        self.take(n * 8)?
            .chunks_exact(8)
            .map(|le| {
                let n = u64::from_le_bytes(le.try_into().map_err(|_| Corrupt("cut short"))?);
                usize::try_from(n).map_err(|_| Corrupt("a start"))
            })
            .collect()
    }

    fn strs(&mut self) -> Result<Vec<Box<str>>, Corrupt> {
        let n = self.len(8)?;
        (0..n)
            .map(|_| {
                let len = self.len(1)?;
                std::str::from_utf8(self.take(len)?)
                    .map(Into::into)
                    .map_err(|_| Corrupt("a word that is not UTF-8"))
            })
            .collect()
    }

    /// Postings as `postings` wrote them, telling `release` how far it has
    /// read after their bytes.
    fn postings(&mut self, release: &mut dyn FnMut(usize)) -> Result<Postings, Corrupt> {
        let gaps = self.packed()?;
        release(self.at);
        let counts = self.u32s()?;
        let skip_starts = self.starts()?;
        let skips: Vec<(u32, u32)> = self.u32s()?.chunks_exact(2).map(|s| (s[0], s[1])).collect();
        rises(&skip_starts, skips.len())?;
        release(self.at);
        Ok(Postings {
            gaps,
            counts,
            skip_starts,
            skips,
            // Set once the passages are read.
            passages: 0,
        })
    }

    /// Packed lists, read in place where the bytes are a map's.
    fn packed(&mut self) -> Result<Packed, Corrupt> {
        let starts = self.starts()?;
        let read = self.bytes()?;
        let bytes = match self.map {
            Some((map, base)) => Bytes::in_map(map, base + self.at - read.len()..base + self.at)
                .ok_or(Corrupt("the map does not hold the bytes"))?,
            None => read.to_vec().into(),
        };
        rises(&starts, bytes.len())?;
        Ok(Packed { starts, bytes })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::search::{Query, Scope};

    /// The offsets a decode releases rise to the end of its bytes: a map
    /// of them lets go of every page once it is read.
    #[test]
    fn a_decode_releases_what_it_has_read_in_order_to_the_end() {
        let index = SearchIndex::build(&Corpus::load(&[]).expect("bundled"));
        let bytes = encoded(&index);
        let mut released = Vec::new();
        let decoded = SearchIndex::decode_releasing(&bytes, None, &mut |at| released.push(at));
        assert_eq!(decoded.as_ref(), Ok(&index));
        assert!(released.windows(2).all(|w| w[0] <= w[1]), "{released:?}");
        assert_eq!(released.last(), Some(&bytes.len()));
        assert!(released.len() >= 5, "{released:?}");
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
}
