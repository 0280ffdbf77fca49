//! The memory a query tallies in, kept with the index between queries. A
//! tally has a few bytes for every passage, 4 MB at a million paragraphs.
//! Fresh from the allocator, its pages are faulted in and zeroed one by one
//! as the query first touches them. That took a quarter of a session's
//! first query, pasted whole. The index makes one when it is made, on the
//! thread that makes it, and each query lends it and gives it back.

use std::sync::{Mutex, PoisonError};

/// A tally's memory: by passage, the terms met, their tiers, their fines.
#[derive(Default)]
struct Buffers {
    met: Vec<u8>,
    tiers: Vec<u8>,
    fines: Vec<u16>,
}

impl Buffers {
    /// Zeroed, `n` of each, reusing what it holds.
    fn zeroed(mut self, n: usize) -> Buffers {
        for v in [&mut self.met, &mut self.tiers] {
            v.clear();
            v.resize(n, 0);
        }
        self.fines.clear();
        self.fines.resize(n, 0);
        self
    }
}

#[derive(Default)]
pub(super) struct Spare(Mutex<Option<Buffers>>);

/// A tally's memory lent to one query, given back when it ends, however
/// it ends (a count overtaken by the next key ends early).
pub(super) struct Lent<'s> {
    spare: &'s Spare,
    buffers: Buffers,
}

impl Spare {
    /// A spare tally for `passages`, its pages touched.
    pub fn ready(passages: usize) -> Spare {
        Spare(Mutex::new(Some(Buffers::default().zeroed(passages))))
    }

    /// Zeroed memory for a tally of `n` passages: the spare one if it is
    /// not lent, else fresh.
    pub fn lend(&self, n: usize) -> Lent<'_> {
        let kept = self.0.lock().unwrap_or_else(PoisonError::into_inner).take();
        Lent {
            spare: self,
            buffers: kept.unwrap_or_default().zeroed(n),
        }
    }
}

impl Lent<'_> {
    /// By passage: the terms met, their tiers, their fines.
    pub fn parts(&mut self) -> (&mut [u8], &mut [u8], &mut [u16]) {
        let b = &mut self.buffers;
        (&mut b.met, &mut b.tiers, &mut b.fines)
    }
}

/// Of two tallies lent at once, the larger is kept: a search of one
/// document, made while the whole corpus is counted, must not leave the
/// next query of the corpus a small one.
impl Drop for Lent<'_> {
    fn drop(&mut self) {
        let mut kept = self.spare.0.lock().unwrap_or_else(PoisonError::into_inner);
        let size = |b: &Buffers| b.met.capacity();
        if kept.as_ref().is_none_or(|k| size(k) < size(&self.buffers)) {
            *kept = Some(std::mem::take(&mut self.buffers));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lent_tally_is_zeroed_and_the_larger_comes_back_for_the_next_query() {
        let spare = Spare::ready(1000);
        let whole = {
            let mut lent = spare.lend(1000);
            let (met, tiers, fines) = lent.parts();
            assert_eq!((met.len(), tiers.len(), fines.len()), (1000, 1000, 1000));
            met[2] = 1;
            tiers[2] = 4;
            fines[999] = 900;
            let whole = met.as_ptr();
            // Lent already: a search at once gets fresh memory, and it
            // ends first.
            let mut other = spare.lend(3);
            assert_eq!(other.parts().2, &[0; 3]);
            drop(other);
            whole
        };
        let mut again = spare.lend(1000);
        let (met, tiers, fines) = again.parts();
        assert_eq!(met.as_ptr(), whole, "the larger tally came back");
        assert!(met.iter().chain(tiers.iter()).all(|&b| b == 0));
        assert!(fines.iter().all(|&f| f == 0));
    }
}
