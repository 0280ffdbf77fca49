//! Lists of ids stored end to end in LEB128: seven bits a byte, the low
//! ones first, the top bit set on every byte but a number's last. Most of
//! a large corpus's index is such lists, and small numbers take a byte or
//! two rather than four: form ids, numbered most frequent first, and the
//! gaps between the passages holding a word.

use crate::corpus::Bytes;

/// Lists of numbers, one list per key, each packed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Packed {
    pub(super) starts: Vec<usize>,
    /// Owned where built, read in place where read from a copy.
    pub(super) bytes: Bytes,
}

pub(super) fn packed_len(n: u32) -> usize {
    (u32::BITS - n.leading_zeros()).max(1).div_ceil(7) as usize
}

/// Writes `n` at `bytes[*at..]`, moving `at` past it.
fn write(bytes: &mut [u8], at: &mut usize, mut n: u32) {
    while n >= 0x80 {
        bytes[*at] = n as u8 | 0x80;
        *at += 1;
        n >>= 7;
    }
    bytes[*at] = n as u8;
    *at += 1;
}

impl Packed {
    /// Packs `lens.len()` lists, whose lengths are `lens`, from their
    /// numbers end to end.
    pub fn pack(numbers: &[u32], lens: &[usize]) -> Packed {
        let total = numbers.iter().map(|&n| packed_len(n)).sum();
        let mut bytes = vec![0; total];
        let mut starts = Vec::with_capacity(lens.len() + 1);
        let mut numbers = numbers.iter().copied();
        let mut at = 0;
        for &len in lens {
            starts.push(at);
            for n in numbers.by_ref().take(len) {
                write(&mut bytes, &mut at, n);
            }
        }
        starts.push(at);
        Packed {
            starts,
            bytes: bytes.into(),
        }
    }

    /// Joins runs of lists end to end into one, each number `n` of a run
    /// becoming `map[n]` of the run's map; each run is freed once joined.
    /// `total` is the bytes the joined numbers take.
    pub fn join(runs: Vec<(Packed, Vec<u32>)>, total: usize) -> Packed {
        let mut bytes = vec![0; total];
        let mut starts =
            Vec::with_capacity(runs.iter().map(|(run, _)| run.lists()).sum::<usize>() + 1);
        let mut at = 0;
        for (run, map) in runs {
            for list in 0..run.lists() {
                starts.push(at);
                for n in run.get(list) {
                    write(
                        &mut bytes,
                        &mut at,
                        map.get(n as usize).copied().unwrap_or(0),
                    );
                }
            }
        }
        starts.push(at);
        Packed {
            starts,
            bytes: bytes.into(),
        }
    }

    /// How many lists there are.
    pub fn lists(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// The numbers of list `list`.
    pub fn get(&self, list: usize) -> Numbers<'_> {
        self.get_at(list, 0)
    }

    /// The numbers of list `list` from `offset` bytes into it, where one
    /// starts.
    fn get_at(&self, list: usize, offset: usize) -> Numbers<'_> {
        let bytes = match (self.starts.get(list), self.starts.get(list + 1)) {
            (Some(&from), Some(&to)) => from
                .checked_add(offset)
                .and_then(|from| self.bytes.get(from..to))
                .unwrap_or(&[]),
            _ => &[],
        };
        Numbers(bytes.iter())
    }

    /// The numbers of list `list` below `n`, into `out`: what is not is
    /// left out, so that a copy read from disk whose ids run past what they
    /// name gives fewer words, never a panic.
    pub fn unpack_below(&self, list: usize, n: u32, out: &mut Vec<u32>) {
        out.clear();
        out.extend(self.get(list).filter(|&x| x < n));
    }
}

pub(super) struct Numbers<'a>(std::slice::Iter<'a, u8>);

impl Iterator for Numbers<'_> {
    type Item = u32;

    fn next(&mut self) -> Option<u32> {
        let (mut n, mut shift) = (0u32, 0u32);
        for &byte in self.0.by_ref() {
            n |= u32::from(byte & 0x7f).wrapping_shl(shift);
            if byte & 0x80 == 0 {
                return Some(n);
            }
            shift = shift.saturating_add(7);
        }
        None
    }
}

/// For each word, the passages holding it in increasing order, packed as
/// the gaps between them, with how many there are and, every `SKIP`
/// postings, where decoding can resume: a search of one document reads a
/// common word's list from near that document, not from its start.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Postings {
    pub(super) gaps: Packed,
    pub(super) counts: Vec<u32>,
    /// Where each key's skips start in `skips`, and its end.
    pub(super) skip_starts: Vec<usize>,
    /// (a posting, the offset in its list's bytes just after it).
    pub(super) skips: Vec<(u32, u32)>,
    /// How many passages there are: `get_from` gives none at or past it.
    pub(super) passages: u32,
}

/// Postings between two skips.
const SKIP: usize = 128;

impl Postings {
    /// Builds the lists from `(key, passage)` pairs given in passage order,
    /// each below `passages`, dropping a repeat of a key's last passage.
    /// `pairs` is called twice: once to size each list, once to fill it,
    /// so that no list of four bytes a posting is ever held.
    pub fn from_pairs(
        keys: usize,
        passages: u32,
        pairs: impl Fn(&mut dyn FnMut(usize, u32)),
    ) -> Postings {
        // Each key's state in one place: there may be hundreds of thousands
        // of keys, met in no order, and one cache miss a pair, not three.
        #[derive(Clone, Copy, Default)]
        struct Key {
            last: Option<u32>,
            count: u32,
            /// Its bytes, then where its next number is written.
            at: usize,
        }
        let mut state = vec![Key::default(); keys];
        pairs(&mut |key, p| {
            let k = &mut state[key];
            if k.last != Some(p) {
                k.at += packed_len(p - k.last.unwrap_or(0));
                k.count += 1;
                k.last = Some(p);
            }
        });
        let mut sizes = vec![0usize; keys + 1];
        let mut skip_starts = vec![0usize; keys + 1];
        for (i, k) in state.iter_mut().enumerate() {
            sizes[i + 1] = sizes[i] + k.at;
            skip_starts[i + 1] = skip_starts[i] + k.count as usize / SKIP;
            *k = Key {
                at: sizes[i],
                ..Key::default()
            };
        }
        let mut bytes = vec![0; sizes[keys]];
        let mut skips = vec![(0, 0); skip_starts[keys]];
        pairs(&mut |key, p| {
            let k = &mut state[key];
            if k.last != Some(p) {
                write(&mut bytes, &mut k.at, p - k.last.unwrap_or(0));
                k.last = Some(p);
                k.count += 1;
                if (k.count as usize).is_multiple_of(SKIP) {
                    let offset = (k.at - sizes[key]) as u32;
                    skips[skip_starts[key] + k.count as usize / SKIP - 1] = (p, offset);
                }
            }
        });
        let counts = state.iter().map(|k| k.count).collect();
        Postings {
            gaps: Packed {
                starts: sizes,
                bytes: bytes.into(),
            },
            counts,
            skip_starts,
            skips,
            passages,
        }
    }

    /// Whether there are as many lists and skip tables as counts.
    pub fn fits(&self) -> bool {
        let keys = self.counts.len();
        self.gaps.lists() == keys && self.skip_starts.len() == keys + 1
    }

    /// How many passages hold word `key`.
    pub fn len(&self, key: usize) -> usize {
        self.counts.get(key).map_or(0, |&n| n as usize)
    }

    /// The passages holding word `key` in increasing order, from one at
    /// most `SKIP` postings before the first at or after `from`. It ends
    /// early rather than give a passage that does not rise or is not below
    /// `passages`: lists read from a copy are not checked whole when read,
    /// since that took longer than the rest of reading them, so each is
    /// checked as it is used.
    pub fn get_from(&self, key: usize, from: u32) -> impl Iterator<Item = u32> + '_ {
        let skips = match (self.skip_starts.get(key), self.skip_starts.get(key + 1)) {
            (Some(&a), Some(&b)) => self.skips.get(a..b).unwrap_or(&[]),
            _ => &[],
        };
        let (last, offset) = match skips.partition_point(|&(p, _)| p < from) {
            0 => (None, 0),
            i => (Some(skips[i - 1].0), skips[i - 1].1),
        };
        let below = self.passages;
        self.gaps
            .get_at(key, offset as usize)
            .scan(last, move |last, gap| {
                let p = match *last {
                    None => gap,
                    Some(_) if gap == 0 => return None,
                    Some(last) => last.checked_add(gap)?,
                };
                *last = Some(p);
                (p < below).then_some(p)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_lists_unpack_to_what_was_packed() {
        let lists: Vec<Vec<u32>> = vec![
            vec![0, 1, 0x7f],
            vec![],
            vec![0x80, 0x3fff, 0x4000, u32::MAX - 1],
            vec![],
        ];
        let all: Vec<u32> = lists.iter().flatten().copied().collect();
        let lens: Vec<usize> = lists.iter().map(Vec::len).collect();
        let packed = Packed::pack(&all, &lens);
        assert_eq!(packed.bytes.len(), 3 + 2 + 2 + 3 + 5);
        let mut out = vec![9];
        for (i, list) in lists.iter().enumerate() {
            packed.unpack_below(i, u32::MAX, &mut out);
            assert_eq!(&out, list);
        }
        packed.unpack_below(lists.len(), u32::MAX, &mut out);
        assert!(out.is_empty(), "a list past the end is empty");
        packed.unpack_below(2, 0x4000, &mut out);
        assert_eq!(
            out,
            [0x80, 0x3fff],
            "numbers not below the bound are left out"
        );
    }

    #[test]
    fn runs_join_end_to_end_through_their_maps() {
        let first = Packed::pack(&[1, 0, 2], &[2, 0, 1]);
        let second = Packed::pack(&[1], &[1]);
        let joined = Packed::join(vec![(first, vec![10, 20, 0x4000]), (second, vec![0, 7])], 6);
        let lists: Vec<Vec<u32>> = (0..joined.lists())
            .map(|l| joined.get(l).collect())
            .collect();
        assert_eq!(lists, [vec![20, 10], vec![], vec![0x4000], vec![7]]);
        assert_eq!(joined.bytes.len(), 1 + 1 + 3 + 1);
    }

    #[test]
    fn postings_keep_passages_in_order_without_repeats() {
        let pairs = [
            (1, 0),
            (1, 0),
            (0, 1),
            (1, 2),
            (1, 2),
            (0, 300),
            (0, 70_000),
        ];
        let postings = Postings::from_pairs(3, 70_001, |push| {
            for &(k, p) in &pairs {
                push(k, p);
            }
        });
        let list = |k| postings.get_from(k, 0).collect::<Vec<u32>>();
        assert_eq!(list(0), [1, 300, 70_000]);
        assert_eq!(list(1), [0, 2]);
        assert!(list(2).is_empty() && list(9).is_empty());
        assert_eq!(
            (postings.len(0), postings.len(1), postings.len(9)),
            (3, 2, 0)
        );
    }

    #[test]
    fn a_list_read_from_a_passage_skips_what_comes_before_it() {
        let passages: Vec<u32> = (0..1000).map(|i| i * 3).collect();
        let postings = Postings::from_pairs(2, 3000, |push| {
            for &p in &passages {
                push(1, p);
            }
        });
        assert_eq!(postings.get_from(1, 0).collect::<Vec<_>>(), passages);
        for from in [0, 1, 383, 384, 385, 2000, 2997, 2998, 5000] {
            let read: Vec<u32> = postings.get_from(1, from).collect();
            let wanted: Vec<u32> = passages.iter().copied().filter(|&p| p >= from).collect();
            assert!(read.ends_with(&wanted), "{from}");
            assert!(read.len() <= wanted.len() + SKIP, "{from}: {}", read.len());
        }
        assert_eq!(postings.get_from(0, 5).count(), 0);
    }
}
