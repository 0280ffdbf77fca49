//! Which passages hold two words side by side, told without reading them:
//! ranking asks it whether two terms can stand side by side in a passage
//! (the nearest they can be) before it reads the passage's words.
//!
//! Each pair of common words (folded) that follow each other in a passage
//! is hashed to a bucket, and each bucket lists the passages where a pair
//! of its stands: a pair's passages, and a few of the pairs it shares its
//! bucket with, never fewer. A pair with a rare word is not kept; the rare
//! word's own postings, a short list, say where it can stand.

use super::packed::Postings;

/// A word in at least this many passages is common. A rare word's
/// postings are read in full when one of its pairs is asked about, so
/// they are kept short: in a small corpus, an eighth of the passages.
const COMMON: usize = 1024;

/// The most buckets: a pair asked about shares its bucket with another of
/// a passage's hundred-odd pairs about once in 2,500 passages.
const MOST_BUCKETS: usize = 1 << 18;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Pairs {
    /// The fewest passages a word of a kept pair is in.
    pub(super) common: u32,
    /// By bucket, the passages where a pair of the bucket stands.
    pub(super) postings: Postings,
}

impl Pairs {
    /// The pairs of `passages` passages, whose words (as ids of the `words`
    /// words) `read` gives into its vector; `len(w)` is how many passages
    /// hold word `w`.
    pub fn build(
        passages: usize,
        words: usize,
        read: impl Fn(usize, &mut Vec<u32>),
        len: impl Fn(u32) -> usize,
    ) -> Pairs {
        let common = (passages / 8).clamp(1, COMMON);
        let kept: Vec<bool> = (0..words as u32).map(|w| len(w) >= common).collect();
        let kept = |w: u32| kept.get(w as usize).copied().unwrap_or(false);
        // A bucket costs 20 bytes of tables: at most 5 a passage.
        let buckets = (passages / 4).next_power_of_two().clamp(64, MOST_BUCKETS);
        let postings = Postings::from_pairs(buckets, passages as u32, |push| {
            let mut ids = Vec::new();
            for p in 0..passages {
                read(p, &mut ids);
                for pair in ids.windows(2) {
                    let (a, b) = (pair[0], pair[1]);
                    if kept(a) && kept(b) {
                        push(bucket(a, b, buckets), p as u32);
                    }
                }
            }
        });
        Pairs {
            common: common as u32,
            postings,
        }
    }

    /// Whether the pairs of a word in `len` passages are kept.
    pub fn keeps(&self, len: usize) -> bool {
        len >= self.common as usize
    }

    /// The passages, in increasing order from one at or before `from`,
    /// where word `a` may stand just before word `b`, two words whose
    /// pairs are kept: every passage where it does, and a few others.
    pub fn get_from(&self, a: u32, b: u32, from: u32) -> impl Iterator<Item = u32> + '_ {
        let buckets = self.postings.counts.len();
        self.postings.get_from(bucket(a, b, buckets), from)
    }
}

/// The bucket of the pair `a` then `b`, of `buckets`: the
/// pair's bits mixed (SplitMix64's finish), then scaled to the buckets by
/// a multiply rather than a division, since it is worked out for every
/// pair of words of the corpus.
fn bucket(a: u32, b: u32, buckets: usize) -> usize {
    let mut h = u64::from(a) << 32 | u64::from(b);
    h = (h ^ h >> 30).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ h >> 27).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^= h >> 31;
    ((u128::from(h) * buckets as u128) >> 64) as usize
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Where a scan of the passages finds two kept words side by side,
        /// their pair's list has the passage; and every passage a list has
        /// holds a pair of its bucket.
        #[test]
        fn pairs_agree_with_a_scan_of_the_passages(
            passages in prop::collection::vec(prop::collection::vec(0u32..12, 0..12), 0..80),
        ) {
            let len = |w: u32| passages.iter().filter(|p| p.contains(&w)).count();
            let pairs = Pairs::build(
                passages.len(),
                12,
                |p, out| out.clone_from(&passages[p]),
                len,
            );
            let buckets = pairs.postings.counts.len();
            for a in 0..12 {
                for b in 0..12 {
                    if !(pairs.keeps(len(a)) && pairs.keeps(len(b))) {
                        continue;
                    }
                    let listed: Vec<u32> = pairs.get_from(a, b, 0).collect();
                    for (p, words) in passages.iter().enumerate() {
                        let side_by_side = words.windows(2).any(|w| w == [a, b]);
                        prop_assert!(!side_by_side || listed.contains(&(p as u32)));
                    }
                    for &p in &listed {
                        let in_bucket = passages[p as usize].windows(2).any(|w| {
                            pairs.keeps(len(w[0]))
                                && pairs.keeps(len(w[1]))
                                && bucket(w[0], w[1], buckets) == bucket(a, b, buckets)
                        });
                        prop_assert!(in_bucket, "{p} for {a} {b}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_large_corpus_keeps_the_pairs_of_its_common_words_only() {
        let len = |w: u32| if w == 7 { 100_000 } else { COMMON - 1 };
        let pairs = Pairs::build(100_000, 8, |_, out| *out = vec![1, 7, 7], len);
        assert!(pairs.keeps(COMMON) && !pairs.keeps(COMMON - 1));
        assert_eq!(pairs.get_from(7, 7, 0).count(), 100_000);
        let from_near_the_end = pairs.get_from(7, 7, 99_990).count();
        assert!((10..=10 + 128).contains(&from_near_the_end), "skips");
        assert_eq!(pairs.postings.counts.len(), 1 << 15);
    }
}
