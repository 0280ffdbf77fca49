//! The counts a query keeps while it runs: how many terms each passage in
//! a range meets and how well, and the fewest words between all the terms
//! in one passage.

use super::matching;
use super::query::MAX_TERMS;

// A passage's sums of its terms' tiers and fine scores fit a byte and two:
// a million passages' tally is 4 MB, zeroed for each query, not 9.
const _: () = assert!(MAX_TERMS * matching::EXACT as usize <= u8::MAX as usize);
const _: () = assert!(MAX_TERMS * matching::FINE_MAX as usize <= u16::MAX as usize);

/// Passages that some term meets cannot be in the result (excluded, or
/// filtered out).
pub(super) const BARRED: u8 = u8::MAX;

/// What merging the posting lists has found so far, by passage in the range.
pub(super) struct Tally<'t> {
    /// The first passage of the range.
    pub(super) base: usize,
    /// How many terms each passage meets, or BARRED.
    pub(super) met: &'t mut [u8],
    /// The sum of the tiers of the terms met: at most 4 a term.
    pub(super) tiers: &'t mut [u8],
    /// The sum of their fine scores: at most FINE_MAX a term.
    pub(super) fines: &'t mut [u16],
    /// The passages the first term meets.
    pub(super) candidates: Vec<u32>,
}

impl Tally<'_> {
    /// Counts term `j`'s match of the passage at offset `i`, if it met every
    /// term before and (for the first term) the filters allow it.
    pub(super) fn touch(&mut self, j: usize, i: usize, score: u16, allowed: impl FnOnce() -> bool) {
        if usize::from(self.met[i]) != j {
            return;
        }
        if j == 0 && !allowed() {
            self.met[i] = BARRED;
            return;
        }
        self.met[i] = j as u8 + 1;
        // Within bounds: see the assertions above.
        self.tiers[i] += matching::tier(score) as u8;
        self.fines[i] += matching::fine(score);
        if j == 0 {
            self.candidates.push((self.base + i) as u32);
        }
    }
}

#[derive(Default)]
pub(super) struct Scratch {
    /// The passage being read, as form ids.
    pub(super) words: Vec<u32>,
    pub(super) best: Vec<u16>,
    pub(super) found: Vec<(usize, usize)>,
    pub(super) counts: Vec<usize>,
}

/// The fewest other words between one match of every term: the smallest
/// window of `found` (position, term; in position order) holding every
/// term, less the words of the terms themselves.
pub(super) fn smallest_gap(
    found: &[(usize, usize)],
    lens: &[usize],
    counts: &mut Vec<usize>,
) -> usize {
    let n = lens.len();
    counts.clear();
    counts.resize(n, 0);
    let words: usize = lens.iter().sum();
    let mut have = 0;
    let mut best = usize::MAX;
    let mut left = 0;
    for right in 0..found.len() {
        let (end, j) = found[right];
        counts[j] += 1;
        if counts[j] == 1 {
            have += 1;
        }
        while have == n {
            let (start, k) = found[left];
            let span = end + lens[j] - start;
            best = best.min(span.saturating_sub(words));
            counts[k] -= 1;
            if counts[k] == 0 {
                have -= 1;
            }
            left += 1;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gap_is_the_fewest_words_between_all_terms() {
        let mut c = Vec::new();
        // "a x b ... a b": the last two are side by side.
        let found = [(0, 0), (2, 1), (5, 0), (6, 1)];
        assert_eq!(smallest_gap(&found, &[1, 1], &mut c), 0);
        let found = [(0, 0), (3, 1)];
        assert_eq!(smallest_gap(&found, &[1, 1], &mut c), 2);
        assert_eq!(smallest_gap(&[(4, 0)], &[1], &mut c), 0);
        // A two-word phrase then a word: "p p x w".
        assert_eq!(smallest_gap(&[(0, 0), (3, 1)], &[2, 1], &mut c), 1);
    }
}
