//! Terms looked up in the vocabulary for one run of a query: for each word
//! of a term, the words of the index it meets and how well; and the groups
//! of terms that `|` joins.

use super::index::SearchIndex;
use super::matching::Resolved;
use super::query::Term;
use fuzzy_matcher::skim::SkimMatcherV2;

/// One term looked up: each of its words' matches.
pub(super) struct Looked<'q> {
    pub term: &'q Term,
    pub tokens: Vec<Resolved>,
}

impl<'q> Looked<'q> {
    pub fn new(index: &SearchIndex, m: &SkimMatcherV2, term: &'q Term) -> Looked<'q> {
        Looked {
            term,
            tokens: term
                .tokens
                .iter()
                .map(|t| Resolved::new(index, m, t, term.case_sensitive))
                .collect(),
        }
    }

    fn cost(&self) -> usize {
        self.tokens.iter().map(|t| t.cost).min().unwrap_or(0)
    }

    /// How well the term meets the passage's words at position `at`.
    pub fn at(&self, words: &[u32], at: usize) -> u16 {
        let mut worst = u16::MAX;
        for (k, token) in self.tokens.iter().enumerate() {
            let score = words
                .get(at + k)
                .and_then(|&f| token.forms.get(f as usize))
                .copied()
                .unwrap_or(0);
            worst = worst.min(score);
            if worst == 0 {
                break;
            }
        }
        worst
    }

    pub fn occurs(&self, words: &[u32]) -> bool {
        (0..words.len()).any(|i| self.at(words, i) > 0)
    }

    /// A term that must be checked in each passage's words: a phrase, or
    /// one whose case matters (the posting lists are of folded words).
    pub fn must_read(&self) -> bool {
        self.tokens.len() > 1 || self.term.case_sensitive
    }

    /// Fills the tables that reading a passage's words needs.
    pub fn with_forms(&mut self, index: &SearchIndex, m: &SkimMatcherV2) {
        for (token, resolved) in self.term.tokens.iter().zip(&mut self.tokens) {
            resolved.with_forms(index, m, token, self.term.case_sensitive);
        }
    }
}

/// Terms joined by `|`: a passage meets the group where it meets any of
/// them, and as well as the best of them does.
pub(super) struct Group<'q>(pub Vec<Looked<'q>>);

impl Group<'_> {
    pub fn cost(&self) -> usize {
        self.0.iter().map(Looked::cost).sum()
    }

    pub fn at(&self, words: &[u32], at: usize) -> u16 {
        self.0.iter().map(|t| t.at(words, at)).max().unwrap_or(0)
    }

    pub fn must_read(&self) -> bool {
        self.0.iter().any(Looked::must_read)
    }

    /// Whether a term of the group is matched against whole fields.
    pub fn matches_whole(&self) -> bool {
        self.0.iter().any(|t| t.term.whole.is_some())
    }

    /// The word of a group that is one term of one word.
    pub fn single(&self) -> Option<&Resolved> {
        match self.0.as_slice() {
            [term] => match term.tokens.as_slice() {
                [one] => Some(one),
                _ => None,
            },
            _ => None,
        }
    }

    /// Words of the vocabulary found in every passage the group meets,
    /// with an upper bound of how well: each term's rarest word's matches,
    /// best first, so that a passage's first match is its best.
    pub fn source(&self) -> Vec<(u32, u16)> {
        let mut out: Vec<(u32, u16)> = self
            .0
            .iter()
            .filter_map(|t| t.tokens.iter().min_by_key(|r| r.cost))
            .flat_map(|r| r.words.iter().copied())
            .collect();
        out.sort_by_key(|&(_, score)| std::cmp::Reverse(score));
        out
    }

    /// The fewest words a match of the group spans, for nearness.
    pub fn words(&self) -> usize {
        self.0.iter().map(|t| t.tokens.len()).min().unwrap_or(1)
    }
}
