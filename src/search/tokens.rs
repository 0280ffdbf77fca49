//! The corpus split into words, once: each passage's words as ids of the
//! words as written (the forms). Search is ranked from it, and the People
//! index reads its paragraphs' words here rather than split the text again.

use super::index::{DocInfo, read_runs, run_length};
use super::packed::Packed;
use crate::corpus::Corpus;
use std::sync::atomic::AtomicUsize;

#[derive(Debug, Clone)]
pub struct Tokens {
    /// Where each document's passages are.
    pub(super) docs: Vec<DocInfo>,
    /// Each passage's words as form ids, passage after passage.
    ids: Packed,
    /// Words as written ("Council", "council"), most frequent first.
    forms: Vec<Box<str>>,
}

impl Tokens {
    pub(super) fn new(docs: Vec<DocInfo>, ids: Packed, forms: Vec<Box<str>>) -> Tokens {
        Tokens { docs, ids, forms }
    }

    /// Splits every title, person line and paragraph of `corpus` into
    /// words (on all cores), as [`SearchIndex::build`](super::SearchIndex::build)
    /// does before it indexes them.
    pub fn read(corpus: &Corpus) -> Tokens {
        let (mut builder, docs) = read_runs(corpus, &AtomicUsize::new(0), run_length(corpus));
        builder.tokens(docs)
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
        self.ids.unpack(passage, out);
    }
}
