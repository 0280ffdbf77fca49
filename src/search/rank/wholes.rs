//! A run's whole-field matches: a fuzzy term matched against the whole
//! text of a title or a person's line, as fzf matches a line, worked out
//! once per short text and kept with the index for the queries after.

use super::{Run, Wholes};
use crate::search::index::SearchIndex;
use crate::search::looked::Group;
use crate::search::remembered::Scores;
use rayon::prelude::*;

/// A title or name matched whole costs about as much as this many
/// postings merged (at a million paragraphs, a third of a million fields
/// took 80 ms on two cores, a word's 400,000 postings 4 ms on one).
const WHOLE_COST: usize = 50;

/// Fields sampled, evenly spaced, for the share of them that hold a
/// term's letters in order.
const SAMPLED: usize = 1024;

/// What running `group` first would cost, in postings merged: its postings,
/// and the titles and names it would be matched whole against, those not
/// `kept` from the queries before, as many as hold one of its `wholes`'
/// letters in order (skim is asked of those only). The groups run
/// cheapest first: the first is matched whole against every title and
/// name its words do not meet, the others only against those that the
/// groups before them meet. The hits are the same in any order. Pasted
/// whole, `crimes humanit` runs `crimes` first: `humanit`, the rarer
/// word, has its letters in every title that says "human rights".
pub(super) fn cost(index: &SearchIndex, group: &Group, wholes: &Wholes, kept: &Scores) -> usize {
    if !group.matches_whole() {
        return group.cost();
    }
    let shorts = index.shorts_lower.len();
    let unknown = match kept.is_empty() {
        true => shorts,
        false => kept.iter().filter(|s| s.is_none()).count(),
    };
    if unknown == 0 {
        return group.cost();
    }
    let sampled: Vec<usize> = (0..shorts)
        .step_by(shorts.div_ceil(SAMPLED).max(1))
        .collect();
    let held = (sampled.iter())
        .filter(|&&short| {
            wholes.iter().any(|(cased, whole)| {
                (texts(index, *cased).get(short)).is_some_and(|field| whole.could_meet(field))
            })
        })
        .count();
    // Divided before multiplied by WHOLE_COST: a 32-bit usize holds a
    // million fields times the sample, not fifty times that.
    group.cost() + WHOLE_COST * (unknown * held / sampled.len().max(1))
}

/// The fields a term is matched whole against: cased, or folded.
fn texts(index: &SearchIndex, cased: bool) -> &[Box<str>] {
    match cased {
        true => &index.shorts_cased,
        false => &index.shorts_lower,
    }
}

/// The whole-field matches worked out are kept for the queries after.
impl Drop for Run<'_> {
    fn drop(&mut self) {
        for (key, scores) in self.keys.iter().zip(&mut self.whole) {
            self.index
                .remembered
                .keep(key.clone(), std::mem::take(scores));
        }
    }
}

impl Run<'_> {
    pub(super) fn matches_whole(&self, j: usize) -> bool {
        self.terms[j].matches_whole()
    }

    /// How well group `j` meets short text `short` matched whole: as well
    /// as the best of its fuzzy terms. Worked out for the titles and names
    /// a term's words do not meet (`match_wholes`), and here for the few
    /// others a passage's reading asks about.
    pub(super) fn whole_match(&self, j: usize, short: usize) -> u16 {
        if !self.matches_whole(j) {
            return 0;
        }
        match self.whole[j].get(short) {
            Some(Some(score)) => *score,
            _ => self.whole_score(j, short),
        }
    }

    /// Group `j`'s whole matches worked out so far, by short text id.
    fn wholes(&mut self, j: usize) -> &mut Vec<Option<u16>> {
        let shorts = self.index.shorts_lower.len();
        let wholes = &mut self.whole[j];
        if wholes.is_empty() {
            *wholes = vec![None; shorts];
        }
        wholes
    }

    /// Works out `whole_match` for each of `shorts` at once, on all cores:
    /// a term typed into a large corpus is matched against tens of
    /// thousands of titles and names, and that dominated a keystroke.
    pub(super) fn match_wholes(&mut self, j: usize, shorts: &[usize]) {
        if !self.matches_whole(j) {
            return;
        }
        // Marked, not sorted: a third of a million passages at a million
        // paragraphs name a few tens of thousands of texts.
        let known = self.wholes(j);
        let mut wanted = vec![false; known.len()];
        for &s in shorts {
            if known.get(s).is_some_and(Option::is_none) {
                wanted[s] = true;
            }
        }
        let todo: Vec<usize> = (wanted.iter().enumerate())
            .filter_map(|(s, &wanted)| wanted.then_some(s))
            .collect();
        let this = &*self;
        let scores: Vec<u16> = todo.par_iter().map(|&s| this.whole_score(j, s)).collect();
        let known = self.wholes(j);
        for (s, score) in todo.into_iter().zip(scores) {
            known[s] = Some(score);
        }
    }

    fn whole_score(&self, j: usize, short: usize) -> u16 {
        self.wholes_of[j]
            .iter()
            .filter_map(|(cased, whole)| {
                let field = texts(self.index, *cased).get(short)?;
                Some(whole.against(&self.matcher, field))
            })
            .max()
            .unwrap_or(0)
    }
}
