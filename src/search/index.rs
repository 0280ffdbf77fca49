//! The index: every title, person and paragraph of the corpus as a
//! passage of words, a vocabulary of the words, and for each word the
//! passages that hold it.
//!
//! Passages are numbered document by document: the title, then the people
//! in order, then the paragraphs, so a document's passages are one range
//! and a posting list restricted to one document is a run of it.

use super::packed::{Packed, Postings};
use super::text::{fold, for_each_word};
use super::tokens::Tokens;
use crate::corpus::{Corpus, Role};
use rayon::prelude::*;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The Fx hash (rustc's): several times faster than the default SipHash on
/// short words, which matters when a large corpus has tens of millions.
/// It does not resist crafted collisions, which a corpus on one's own disk
/// has no reason to hold.
#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Lists of ids, one list per key, stored end to end.
#[derive(Debug, Clone, Default)]
pub(super) struct Lists {
    starts: Vec<usize>,
    items: Vec<u32>,
}

impl Lists {
    pub fn get(&self, key: usize) -> &[u32] {
        match (self.starts.get(key), self.starts.get(key + 1)) {
            (Some(&from), Some(&to)) => &self.items[from..to],
            _ => &[],
        }
    }
}

#[derive(Debug, Clone)]
pub(crate) struct DocInfo {
    /// Its first passage, the title.
    pub first: u32,
    pub people: u32,
    pub paragraphs: u32,
    /// Its place in the corpus newest first, which breaks ties in ranking.
    pub rank: u32,
    /// Where its short passages (title, people) are in `short_of`.
    pub shorts: u32,
}

/// Everything search needs to rank passages, built once from a corpus.
/// It holds no text of the paragraphs themselves: match positions are
/// worked out from the corpus for the hits shown.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    /// Each passage's words as ids of the words as written (forms).
    pub(super) tokens: Tokens,
    pub(super) passage_doc: Vec<u32>,
    /// The role of a person passage.
    pub(super) passage_role: Vec<Option<Role>>,
    /// Words folded ("council"), sorted, so that words sharing a prefix
    /// are neighbours: the vocabulary.
    pub(super) words: Vec<Box<str>>,
    pub(super) word_forms: Lists,
    /// The passages holding each word, in passage order.
    pub(super) postings: Postings,
    /// The distinct texts of titles and person lines, folded to lower case
    /// and folded keeping case, matched whole.
    pub(super) shorts_lower: Vec<Box<str>>,
    pub(super) shorts_cased: Vec<Box<str>>,
    /// For the short passages of each document in order, their text's id.
    pub(super) short_of: Vec<u32>,
    /// By passage, which words stand side by side in it.
    pub(super) neighbours: Vec<Neighbours>,
}

/// A Bloom filter of the pairs of words (folded) that stand side by side
/// in a passage, in order: 512 bits, two per pair, so about one pair in ten
/// that is not there looks as if it were. It tells, without reading the
/// passage, that two terms cannot be side by side in it.
#[derive(Debug, Clone, Default)]
pub(super) struct Neighbours([u64; 8]);

impl Neighbours {
    /// The bits of the pair `a` then `b`, for [`Neighbours::has`].
    pub fn bits(a: u32, b: u32) -> [usize; 2] {
        let mut h = FxHasher::default();
        h.write(&a.to_le_bytes());
        h.write(&b.to_le_bytes());
        let h = h.finish();
        [(h % 512) as usize, ((h >> 32) % 512) as usize]
    }

    fn insert(&mut self, a: u32, b: u32) {
        for bit in Self::bits(a, b) {
            self.0[bit / 64] |= 1 << (bit % 64);
        }
    }

    /// False only if the pair whose bits these are is not in the passage.
    pub fn has(&self, bits: [usize; 2]) -> bool {
        bits.iter()
            .all(|&bit| self.0[bit / 64 % 8] & (1 << (bit % 64)) != 0)
    }
}

impl SearchIndex {
    /// Indexes every title, person line and paragraph of `corpus`.
    pub fn build(corpus: &Corpus) -> SearchIndex {
        SearchIndex::build_counting(corpus, &AtomicUsize::new(0))
    }

    /// As [`build`](Self::build), adding to `read` the paragraphs read so
    /// far, for a progress line.
    pub fn build_counting(corpus: &Corpus, read: &AtomicUsize) -> SearchIndex {
        SearchIndex::build_in_runs(corpus, read, run_length(corpus))
    }

    /// The build, reading runs of `run` documents on all cores.
    pub(super) fn build_in_runs(corpus: &Corpus, read: &AtomicUsize, run: usize) -> SearchIndex {
        let (mut b, docs) = read_runs(corpus, read, run);
        let tokens = b.tokens(docs);
        b.finish(tokens)
    }

    /// Every passage's words, as the index read them.
    pub fn tokens(&self) -> &Tokens {
        &self.tokens
    }

    pub(super) fn passages(&self) -> usize {
        self.passage_doc.len()
    }

    /// The range of words starting with `prefix` in the vocabulary.
    pub(super) fn prefixed(&self, prefix: &str) -> std::ops::Range<usize> {
        let from = self.words.partition_point(|w| &**w < prefix);
        let to = from + self.words[from..].partition_point(|w| w.starts_with(prefix));
        from..to
    }
}

/// How many documents a run of the build reads: each run holds its own
/// forms until it is joined, so a large corpus is read in a few runs a
/// core, not in thousands.
pub(super) fn run_length(corpus: &Corpus) -> usize {
    let runs = rayon::current_num_threads() * RUNS_A_CORE;
    corpus.documents.len().div_ceil(runs).max(DOCUMENTS_A_RUN)
}

/// Reads every passage of `corpus` into words, in runs of `run` documents
/// on all cores, adding the paragraphs read to `read`; the runs are joined
/// into one builder, with each document's place in it.
pub(super) fn read_runs(
    corpus: &Corpus,
    read: &AtomicUsize,
    run: usize,
) -> (Builder, Vec<DocInfo>) {
    let mut ranks = vec![0u32; corpus.documents.len()];
    for (rank, d) in corpus.newest_first().into_iter().enumerate() {
        ranks[d] = rank as u32;
    }
    // Runs of documents are read on all cores, each into a builder of
    // its own, then joined in corpus order: a word's id is where it is
    // first seen, as one thread reading them in order would number it.
    let all: Vec<usize> = (0..corpus.documents.len()).collect();
    let parts: Vec<(Builder, Vec<DocInfo>)> = all
        .par_chunks(run.max(1))
        .map(|run| {
            let mut b = Builder::default();
            let mut docs = Vec::with_capacity(run.len());
            for &d in run {
                let doc = &corpus.documents[d];
                docs.push(DocInfo {
                    first: b.passage_doc.len() as u32,
                    people: doc.people.len() as u32,
                    paragraphs: doc.paragraphs.len() as u32,
                    rank: ranks[d],
                    shorts: b.short_of.len() as u32,
                });
                b.add(d, None, &doc.title, true);
                for person in &doc.people {
                    b.add(d, Some(person.role), &person.line(), true);
                }
                for paragraph in &doc.paragraphs {
                    b.add(d, None, paragraph, false);
                }
                read.fetch_add(doc.paragraphs.len(), Ordering::Relaxed);
            }
            // Joining reads the run's forms and texts in order alone.
            b.form_ids = FastMap::default();
            b.short_ids = FastMap::default();
            b.seal();
            (b, docs)
        })
        .collect();
    let mut b = Builder::default();
    let mut docs = Vec::with_capacity(corpus.documents.len());
    for (part, part_docs) in parts {
        let (passages, shorts) = (b.passage_doc.len() as u32, b.short_of.len() as u32);
        docs.extend(part_docs.into_iter().map(|d| DocInfo {
            first: d.first + passages,
            shorts: d.shorts + shorts,
            ..d
        }));
        b.join(part);
    }
    (b, docs)
}

/// The fewest documents one task of the parallel build reads: enough to
/// outweigh joining its words into the whole.
const DOCUMENTS_A_RUN: usize = 64;

/// Runs of documents a core reads, at most: enough to share the work out
/// evenly.
const RUNS_A_CORE: usize = 8;

#[derive(Default)]
pub(super) struct Builder {
    passage_doc: Vec<u32>,
    passage_role: Vec<Option<Role>>,
    /// The form ids of the passages read here, until sealed.
    tokens: Vec<u32>,
    /// Where each of those passages' ids start.
    token_starts: Vec<usize>,
    /// A part's ids once sealed; after joining, each part's packed ids
    /// with the map from them to the forms here.
    sealed: Packed,
    runs: Vec<(Packed, Vec<u32>)>,
    form_ids: FastMap<Box<str>, u32>,
    forms: Vec<Box<str>>,
    short_ids: FastMap<String, u32>,
    shorts: Vec<String>,
    short_of: Vec<u32>,
}

impl Builder {
    fn add(&mut self, doc: usize, role: Option<Role>, text: &str, short: bool) {
        self.passage_doc.push(doc as u32);
        self.passage_role.push(role);
        self.token_starts.push(self.tokens.len());
        for_each_word(text, |_, word| {
            let id = match self.form_ids.get(word) {
                Some(&id) => id,
                None => {
                    let id = self.forms.len() as u32;
                    self.forms.push(word.into());
                    self.form_ids.insert(word.into(), id);
                    id
                }
            };
            self.tokens.push(id);
        });
        if short {
            let next = self.shorts.len() as u32;
            let id = *self.short_ids.entry(text.to_string()).or_insert(next);
            if id == next {
                self.shorts.push(text.to_string());
            }
            self.short_of.push(id);
        }
    }

    /// Packs the ids of the passages read here: a part waiting to be
    /// joined takes a byte or two an id rather than four.
    fn seal(&mut self) {
        self.token_starts.push(self.tokens.len());
        let lens: Vec<usize> = self.token_starts.windows(2).map(|w| w[1] - w[0]).collect();
        self.sealed = Packed::pack(&std::mem::take(&mut self.tokens), &lens);
        self.token_starts = Vec::new();
    }

    /// Adds the passages `part` read after those read here, as if read by
    /// this builder: its forms and short texts take the ids here, new ones
    /// numbered in the order `part` met them. `part` is sealed.
    fn join(&mut self, part: Builder) {
        let form_id: Vec<u32> = part
            .forms
            .into_iter()
            .map(|form| match self.form_ids.get(&form) {
                Some(&id) => id,
                None => {
                    let id = self.forms.len() as u32;
                    self.forms.push(form.clone());
                    self.form_ids.insert(form, id);
                    id
                }
            })
            .collect();
        let short_id: Vec<u32> = part
            .shorts
            .into_iter()
            .map(|text| {
                let next = self.shorts.len() as u32;
                let id = *self.short_ids.entry(text.clone()).or_insert(next);
                if id == next {
                    self.shorts.push(text);
                }
                id
            })
            .collect();
        self.runs.push((part.sealed, form_id));
        self.passage_doc.extend(part.passage_doc);
        self.passage_role.extend(part.passage_role);
        self.short_of
            .extend(part.short_of.iter().map(|&s| short_id[s as usize]));
    }

    /// Renumbers the forms, most frequent first: reading a passage looks
    /// each of its words up in tables by form id, and with the common
    /// words at the front those lookups stay in the processor's cache.
    fn number_forms_by_frequency(&mut self) {
        let mut counts = vec![0u32; self.forms.len()];
        for (run, map) in &self.runs {
            for f in (0..run.lists()).flat_map(|list| run.get(list)) {
                let f = map[f as usize] as usize;
                counts[f] = counts[f].saturating_add(1);
            }
        }
        let mut order: Vec<u32> = (0..self.forms.len() as u32).collect();
        order.sort_by_key(|&f| std::cmp::Reverse(counts[f as usize]));
        let mut new_id = vec![0u32; self.forms.len()];
        for (new, &old) in order.iter().enumerate() {
            new_id[old as usize] = new as u32;
        }
        for (_, map) in &mut self.runs {
            map.iter_mut().for_each(|f| *f = new_id[*f as usize]);
        }
        let mut forms = std::mem::take(&mut self.forms);
        self.forms = order
            .iter()
            .map(|&old| std::mem::take(&mut forms[old as usize]))
            .collect();
    }

    /// The passages' words, all runs joined: what the index is made from,
    /// and all the People index needs.
    pub(super) fn tokens(&mut self, docs: Vec<DocInfo>) -> Tokens {
        // Nothing reads a form or a short text by its text any more.
        self.form_ids = FastMap::default();
        self.short_ids = FastMap::default();
        self.number_forms_by_frequency();
        let ids = Packed::join(std::mem::take(&mut self.runs));
        // The runs just joined (150 MB at a million paragraphs) go.
        crate::memory::give_back();
        Tokens::new(docs, ids, std::mem::take(&mut self.forms))
    }

    fn finish(self, tokens: Tokens) -> SearchIndex {
        let forms = tokens.forms();
        let mut folded: Vec<(String, u32)> = forms
            .iter()
            .enumerate()
            .map(|(id, form)| (fold(form, false), id as u32))
            .collect();
        folded.sort_unstable();
        let mut words: Vec<Box<str>> = Vec::new();
        let mut form_word = vec![0u32; forms.len()];
        // Sorted, each word's forms are one run of `folded`.
        let mut word_forms = Lists::default();
        for (word, form) in &folded {
            if words.last().is_none_or(|last| **last != **word) {
                words.push(word.as_str().into());
                word_forms.starts.push(word_forms.items.len());
            }
            form_word[*form as usize] = (words.len() - 1) as u32;
            word_forms.items.push(*form);
        }
        word_forms.starts.push(word_forms.items.len());
        let passages = self.passage_doc.len();
        let postings = Postings::from_pairs(words.len(), |push| {
            let mut ids = Vec::new();
            for p in 0..passages {
                tokens.of(p, &mut ids);
                for &form in &ids {
                    push(form_word[form as usize] as usize, p as u32);
                }
            }
        });
        let neighbours = (0..passages)
            .into_par_iter()
            .map_init(Vec::new, |words, p| {
                tokens.of(p, words);
                let mut sketch = Neighbours::default();
                for pair in words.windows(2) {
                    let (a, b) = (form_word[pair[0] as usize], form_word[pair[1] as usize]);
                    sketch.insert(a, b);
                }
                sketch
            })
            .collect();
        SearchIndex {
            neighbours,
            tokens,
            passage_doc: self.passage_doc,
            passage_role: self.passage_role,
            words,
            word_forms,
            postings,
            shorts_lower: self.shorts.iter().map(|s| fold(s, false).into()).collect(),
            shorts_cased: self.shorts.iter().map(|s| fold(s, true).into()).collect(),
            short_of: self.short_of,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbours_know_which_words_follow_which() {
        let mut n = Neighbours::default();
        n.insert(1, 2);
        assert!(n.has(Neighbours::bits(1, 2)));
        let absent = (0..100).filter(|&b| !n.has(Neighbours::bits(2, b))).count();
        assert!(absent > 90, "{absent}");
    }

    #[test]
    fn every_passage_is_indexed_and_words_are_folded_and_sorted() {
        let corpus = Corpus::load(&[]).unwrap();
        let index = SearchIndex::build(&corpus);
        let expected: usize = corpus
            .documents
            .iter()
            .map(|d| 1 + d.people.len() + d.paragraphs.len())
            .sum();
        assert_eq!(index.passages(), expected);
        assert!(index.words.windows(2).all(|w| w[0] < w[1]));
        let the = index.words.binary_search(&"the".into()).unwrap();
        let forms: Vec<&str> = index
            .word_forms
            .get(the)
            .iter()
            .map(|&f| &*index.tokens.forms()[f as usize])
            .collect();
        assert!(forms.contains(&"The") && forms.contains(&"the"));
        assert!(index.words[index.prefixed("secu")].contains(&"security".into()));
    }
}
