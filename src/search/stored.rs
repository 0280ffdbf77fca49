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

use super::aside::Aside;
use super::index::{Lists, SearchIndex};
use super::packed::{Packed, Postings};
use super::pairs::Pairs;
use super::spare::Spare;
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
    /// it, and telling `release` how far into `bytes` it has read, after
    /// each part before the postings and at the end: the bytes before are
    /// not read again unless a list read in place is, and a map of them can
    /// let their pages go.
    pub fn decode_releasing(
        bytes: &[u8],
        map: Option<(&Map, usize)>,
        release: &mut dyn FnMut(usize),
    ) -> Result<SearchIndex, Corrupt> {
        let mut r = Reader { bytes, at: 0, map };
        if r.take(4)? != RULES.to_le_bytes() {
            return Err(Corrupt("built by other rules"));
        }
        // The postings and what follows them are decoded on a thread of
        // their own, beside the parts before them: at a million
        // paragraphs either half took about 30 ms. Their pages are let go
        // once both are read.
        let later_at = postings_at(r.at, bytes)?;
        let later_half = move || {
            let mut r = Reader {
                bytes,
                at: later_at,
                map,
            };
            read_later(&mut r).map(|later| (later, r.at))
        };
        let (first, later) = std::thread::scope(|scope| {
            let later = std::thread::Builder::new().spawn_scoped(scope, later_half);
            let first = read_first(&mut r, release);
            let later = match later {
                Ok(thread) => thread
                    .join()
                    .unwrap_or_else(|p| std::panic::resume_unwind(p)),
                // No thread to be had: after the first half, here.
                Err(_) => later_half(),
            };
            (first, later)
        });
        let First {
            tokens,
            passage_doc,
            passage_role,
            words,
            word_forms,
        } = first?;
        let (later, end) = later?;
        let Later {
            mut postings,
            shorts_lower,
            shorts_cased,
            short_of,
            mut pairs,
        } = later;
        release(bytes.len());
        let passages = passage_doc.len();
        let whole = r.at == later_at
            && end == bytes.len()
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
        let spare = Aside(Spare::ready(passage_doc.len()));
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
            spare,
            pairs,
            remembered: Default::default(),
        })
    }
}

/// The parts of an index before its postings.
struct First {
    tokens: Tokens,
    passage_doc: Vec<u32>,
    passage_role: Vec<Option<Role>>,
    words: Vec<Box<str>>,
    word_forms: Lists,
}

/// The postings and the parts after them.
struct Later {
    postings: Postings,
    shorts_lower: Vec<Box<str>>,
    shorts_cased: Vec<Box<str>>,
    short_of: Vec<u32>,
    pairs: Pairs,
}

/// The parts before the postings, as `encode` wrote them, telling
/// `release` how far it has read after each.
fn read_first(r: &mut Reader, release: &mut dyn FnMut(usize)) -> Result<First, Corrupt> {
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
    Ok(First {
        tokens,
        passage_doc,
        passage_role,
        words,
        word_forms,
    })
}

/// The postings and the parts after them, as `encode` wrote them.
fn read_later(r: &mut Reader) -> Result<Later, Corrupt> {
    let postings = r.postings()?;
    let shorts_lower = r.strs()?;
    let shorts_cased = r.strs()?;
    let short_of = r.u32s()?;
    let common = r.take(4)?;
    let pairs = Pairs {
        common: u32::from_le_bytes(common.try_into().map_err(|_| Corrupt("cut short"))?),
        postings: r.postings()?,
    };
    Ok(Later {
        postings,
        shorts_lower,
        shorts_cased,
        short_of,
        pairs,
    })
}

/// Where the postings start in `bytes`, the parts before them (from `at`)
/// passed over by their lengths alone; `read_first` must end there.
fn postings_at(at: usize, bytes: &[u8]) -> Result<usize, Corrupt> {
    let mut r = Reader {
        bytes,
        at,
        map: None,
    };
    let each = |r: &mut Reader, size: usize| -> Result<(), Corrupt> {
        let n = r.len(size)?;
        r.take(n * size).map(drop)
    };
    let strs = |r: &mut Reader| -> Result<(), Corrupt> {
        for _ in 0..r.len(8)? {
            each(r, 1)?;
        }
        Ok(())
    };
    each(&mut r, 4)?; // the documents
    each(&mut r, 8)?; // the form ids: their starts,
    each(&mut r, 1)?; // and their bytes
    strs(&mut r)?; // the forms
    each(&mut r, 4)?; // each passage's document
    each(&mut r, 1)?; // and role
    strs(&mut r)?; // the words
    each(&mut r, 8)?; // their forms: starts,
    each(&mut r, 4)?; // and items
    Ok(r.at)
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

    /// Postings as `postings` wrote them.
    fn postings(&mut self) -> Result<Postings, Corrupt> {
        let gaps = self.packed()?;
        let counts = self.u32s()?;
        let skip_starts = self.starts()?;
        let skips: Vec<(u32, u32)> = self.u32s()?.chunks_exact(2).map(|s| (s[0], s[1])).collect();
        rises(&skip_starts, skips.len())?;
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
mod tests;
