//! Which passages of a run two terms may stand side by side in, told
//! from the index's pairs without reading the passages: a passage where
//! they cannot is read only if its terms a word apart could still enter
//! the page.

use super::Run;

impl<'a> Run<'a> {
    /// For a query of words that each match a few words of the vocabulary
    /// and no word of another's, the passages of the range where two terms
    /// may stand side by side (nearness 0), as bits by offset in the range:
    /// every passage where they do, and a few others. `None` where that
    /// cannot be told cheaply.
    pub(super) fn side_by_side(&self) -> Option<Vec<u64>> {
        const FEW: usize = 4;
        let words: Vec<&[(u32, u16)]> = self
            .terms
            .iter()
            .map(|g| {
                g.single()
                    .filter(|one| one.words.len() <= FEW)
                    .map(|one| one.words.as_slice())
            })
            .collect::<Option<_>>()?;
        if words.len() < 2 {
            return None;
        }
        let base = self.range.start;
        let mut bits = vec![0u64; self.range.len().div_ceil(64)];
        for (i, a) in words.iter().enumerate() {
            for b in &words[i + 1..] {
                for &(x, _) in *a {
                    for &(y, _) in *b {
                        if x == y {
                            // One word meeting two terms is nearness 0 alone.
                            return None;
                        }
                        for p in self.pair(x, y).chain(self.pair(y, x)) {
                            bits[(p - base) / 64] |= 1 << ((p - base) % 64);
                        }
                    }
                }
            }
        }
        Some(bits)
    }

    /// The passages in the range where word `a` may stand just before word
    /// `b`: from the pairs kept, or where a word whose pairs are not kept
    /// (a rare one) is.
    fn pair(&self, a: u32, b: u32) -> Box<dyn Iterator<Item = usize> + 'a> {
        let (index, range) = (self.index, self.range.clone());
        let len = |w: u32| index.postings.len(w as usize);
        let rare = [a, b]
            .into_iter()
            .filter(|&w| !index.pairs.keeps(len(w)))
            .min_by_key(|&w| len(w));
        match rare {
            Some(rare) => Box::new(self.postings(rare)),
            None => Box::new(
                index
                    .pairs
                    .get_from(a, b, range.start as u32)
                    .map(|p| p as usize)
                    .skip_while(move |&p| p < range.start)
                    .take_while(move |&p| p < range.end),
            ),
        }
    }
}
