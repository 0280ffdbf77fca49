//! The index: every title, person and paragraph of the corpus as a
//! passage of words, a vocabulary of the words, and for each word the
//! passages that hold it.
//!
//! Passages are numbered document by document: the title, then the people
//! in order, then the paragraphs, so a document's passages are one range
//! and a posting list restricted to one document is a run of it.

use super::aside::Aside;
use super::packed::Postings;
use super::pairs::Pairs;
use super::remembered::Remembered;
use super::spare::Spare;
use super::text::fold;
use super::tokens::{Read, Tokens, run_length};
use crate::corpus::{Corpus, Role};
use std::sync::atomic::AtomicUsize;

/// Lists of ids, one list per key, stored end to end.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Lists {
    pub(super) starts: Vec<usize>,
    pub(super) items: Vec<u32>,
}

impl Lists {
    pub fn get(&self, key: usize) -> &[u32] {
        match (self.starts.get(key), self.starts.get(key + 1)) {
            (Some(&from), Some(&to)) => &self.items[from..to],
            _ => &[],
        }
    }
}

/// Everything search needs to rank passages, built once from a corpus.
/// It holds no text of the paragraphs themselves: match positions are
/// worked out from the corpus for the hits shown.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// Which words stand side by side, and where.
    pub(super) pairs: Pairs,
    /// Recent terms' whole-field matches, kept between queries.
    pub(super) remembered: Aside<Remembered>,
    /// The memory a query tallies in, kept between queries.
    pub(super) spare: Aside<Spare>,
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
        SearchIndex::from_read(Read::corpus(corpus, read, run))
    }

    /// Indexes the words `read` of a corpus.
    fn from_read(read: Read) -> SearchIndex {
        let tokens = read.tokens;
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
        let passages = read.passage_doc.len();
        let postings = Postings::from_pairs(words.len(), passages as u32, |push| {
            let mut ids = Vec::new();
            for p in 0..passages {
                tokens.of(p, &mut ids);
                for &form in &ids {
                    push(form_word[form as usize] as usize, p as u32);
                }
            }
        });
        let pairs = Pairs::build(
            passages,
            words.len(),
            |p, words| {
                tokens.of(p, words);
                words.iter_mut().for_each(|f| *f = form_word[*f as usize]);
            },
            |w| postings.len(w as usize),
        );
        SearchIndex {
            pairs,
            tokens,
            passage_doc: read.passage_doc,
            passage_role: read.passage_role,
            words,
            word_forms,
            postings,
            shorts_lower: read.shorts.iter().map(|s| fold(s, false).into()).collect(),
            shorts_cased: read.shorts.iter().map(|s| fold(s, true).into()).collect(),
            short_of: read.short_of,
            remembered: Aside::default(),
            spare: Aside(Spare::ready(passages)),
        }
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

#[cfg(test)]
mod tests {
    use super::*;

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
