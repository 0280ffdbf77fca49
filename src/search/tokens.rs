//! The corpus split into words, once: each passage's words as ids of the
//! words as written (the forms). Search is ranked from it, and the People
//! index reads its paragraphs' words here rather than split the text again.

use super::fx::FastMap;
use super::packed::{Packed, packed_len};
use super::text::for_each_word;
use crate::corpus::{Corpus, Role, Text};
use rayon::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct DocInfo {
    /// Its first passage, the title.
    pub first: u32,
    pub people: u32,
    pub paragraphs: u32,
    /// Its place in the corpus newest first, which breaks ties in ranking.
    pub rank: u32,
    /// Where its short passages (title, people) are in the search index's
    /// `short_of`.
    pub shorts: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tokens {
    /// Where each document's passages are.
    pub(super) docs: Vec<DocInfo>,
    /// Each passage's words as form ids, passage after passage.
    pub(super) ids: Packed,
    /// Words as written ("Council", "council"), most frequent first.
    pub(super) forms: Vec<Box<str>>,
}

impl Tokens {
    /// Splits every title, person line and paragraph of `corpus` into
    /// words (on all cores), as [`SearchIndex::build`](super::SearchIndex::build)
    /// does before it indexes them.
    pub fn read(corpus: &Corpus) -> Tokens {
        Read::corpus(corpus, &AtomicUsize::new(0), run_length(corpus)).tokens
    }

    /// Document `doc`'s place in the corpus newest first.
    pub fn rank(&self, doc: usize) -> u32 {
        self.docs[doc].rank
    }

    /// Every word as written in the corpus, by id.
    pub fn forms(&self) -> &[Box<str>] {
        &self.forms
    }

    /// The words of paragraph `paragraph` of document `doc`, in order, as
    /// ids into [`forms`](Self::forms), into `out`.
    pub fn paragraph_words(&self, doc: usize, paragraph: usize, out: &mut Vec<u32>) {
        let d = &self.docs[doc];
        let passage = d.first + 1 + d.people + paragraph as u32;
        self.of(passage as usize, out);
    }

    /// Passage `passage`'s words as form ids, into `out`.
    pub(super) fn of(&self, passage: usize, out: &mut Vec<u32>) {
        let forms = u32::try_from(self.forms.len()).unwrap_or(u32::MAX);
        self.ids.unpack_below(passage, forms, out);
    }
}

/// Documents read between two lets-go of their text: a page is faulted
/// in about once, not again for each neighbour let go.
const LET_GO_EVERY: usize = 64;

/// How many documents a run of the build reads: each run holds its own
/// forms until it is joined, so a large corpus is read in a few runs a
/// core, not in thousands.
pub(super) fn run_length(corpus: &Corpus) -> usize {
    let runs = rayon::current_num_threads() * RUNS_A_CORE;
    corpus.documents.len().div_ceil(runs).max(DOCUMENTS_A_RUN)
}

/// A corpus read into words, and what search keeps of each passage
/// besides.
pub(super) struct Read {
    pub tokens: Tokens,
    pub passage_doc: Vec<u32>,
    pub passage_role: Vec<Option<Role>>,
    /// The distinct texts of titles and person lines.
    pub shorts: Vec<String>,
    /// For the short passages of each document in order, their text's id.
    pub short_of: Vec<u32>,
}

impl Read {
    /// Reads every passage of `corpus` into words, in runs of `run`
    /// documents on all cores, adding the paragraphs read to `read`.
    pub fn corpus(corpus: &Corpus, read: &AtomicUsize, run: usize) -> Read {
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
                for some in run.chunks(LET_GO_EVERY) {
                    for &d in some {
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
                    // Text read in place from the cache is not kept resident.
                    Text::let_go(some.iter().flat_map(|&d| &corpus.documents[d].paragraphs));
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
        b.done(docs)
    }
}

/// The fewest documents one task of the parallel build reads: enough to
/// outweigh joining its words into the whole.
const DOCUMENTS_A_RUN: usize = 64;

/// Runs of documents a core reads, at most: enough to share the work out
/// evenly.
const RUNS_A_CORE: usize = 8;

#[derive(Default)]
struct Builder {
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
    fn number_forms_by_frequency(&mut self) -> usize {
        // Exact, not saturating: the packed size is worked out from them.
        let mut counts = vec![0usize; self.forms.len()];
        for (run, map) in &self.runs {
            for f in (0..run.lists()).flat_map(|list| run.get(list)) {
                let f = map[f as usize] as usize;
                counts[f] += 1;
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
        // The bytes the ids take packed once renumbered.
        let total = (0..self.forms.len())
            .map(|f| counts[f] * packed_len(new_id[f]))
            .sum();
        let mut forms = std::mem::take(&mut self.forms);
        self.forms = order
            .iter()
            .map(|&old| std::mem::take(&mut forms[old as usize]))
            .collect();
        total
    }

    /// The passages read, all runs joined, with where each of `docs`
    /// passages are.
    fn done(mut self, docs: Vec<DocInfo>) -> Read {
        // Nothing reads a form or a short text by its text any more.
        self.form_ids = FastMap::default();
        self.short_ids = FastMap::default();
        let total = self.number_forms_by_frequency();
        let ids = Packed::join(std::mem::take(&mut self.runs), total);
        // The runs just joined (150 MB at a million paragraphs) go.
        crate::memory::give_back();
        Read {
            tokens: Tokens {
                docs,
                ids,
                forms: self.forms,
            },
            passage_doc: self.passage_doc,
            passage_role: self.passage_role,
            shorts: self.shorts,
            short_of: self.short_of,
        }
    }
}
