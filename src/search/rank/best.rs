//! The best hits of a run so far: a bounded heap of ranking keys.

use super::Key;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// The best `limit` keys offered so far.
pub(super) struct Best {
    limit: usize,
    heap: BinaryHeap<Reverse<Key>>,
}

impl Best {
    pub(super) fn new(limit: usize) -> Best {
        Best {
            limit,
            heap: BinaryHeap::new(),
        }
    }

    /// The worst key kept, once `limit` are kept.
    pub(super) fn worst(&self) -> Option<&Key> {
        self.heap
            .peek()
            .filter(|_| self.heap.len() >= self.limit)
            .map(|w| &w.0)
    }

    pub(super) fn admits(&self, key: &Key) -> bool {
        self.limit > 0 && self.worst().is_none_or(|w| key > w)
    }

    pub(super) fn offer(&mut self, key: Key) {
        if self.admits(&key) {
            self.heap.push(Reverse(key));
            if self.heap.len() > self.limit {
                self.heap.pop();
            }
        }
    }

    /// Best first.
    pub(super) fn into_sorted(self) -> Vec<Key> {
        self.heap
            .into_sorted_vec()
            .into_iter()
            .map(|r| r.0)
            .collect()
    }
}
