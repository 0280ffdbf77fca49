//! The whole-field matches of recent queries' terms, kept with the index
//! between queries. As a query is typed each key runs it again, and its
//! earlier terms would be matched whole against every title and name of
//! the corpus again (a third of a million at a million paragraphs). A
//! match is a function of the term and the field alone, so a kept one is
//! the one that would be worked out: the hits are the same.

use std::sync::{Mutex, PoisonError};

/// A group of terms as matched whole: each term's case-sensitivity and
/// its folded text.
pub(super) type Key = Vec<(bool, String)>;

/// By short text id, the match worked out, None where not yet.
pub(super) type Scores = Vec<Option<u16>>;

/// How many groups' matches are kept: a query of a few terms, and the
/// words typed before it.
const KEPT: usize = 8;

#[derive(Default)]
pub(super) struct Remembered(Mutex<Vec<(Key, Scores)>>);

impl Remembered {
    /// The matches kept for `key`, taken out; none yet where none are.
    pub fn take(&self, key: &Key) -> Scores {
        let mut kept = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        match kept.iter().position(|(k, _)| k == key) {
            Some(at) => kept.remove(at).1,
            None => Vec::new(),
        }
    }

    /// Keeps `scores` for `key`, the latest first, the oldest let go.
    pub fn keep(&self, key: Key, scores: Scores) {
        if key.is_empty() || scores.is_empty() {
            return;
        }
        let mut kept = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        kept.retain(|(k, _)| *k != key);
        kept.insert(0, (key, scores));
        kept.truncate(KEPT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_kept_are_taken_once_and_the_oldest_let_go() {
        let remembered = Remembered::default();
        let key = |t: &str| vec![(false, t.to_string())];
        for n in 0..=KEPT {
            remembered.keep(key(&n.to_string()), vec![Some(n as u16)]);
        }
        assert_eq!(remembered.take(&key("0")), Vec::new(), "the oldest went");
        assert_eq!(remembered.take(&key("1")), vec![Some(1)]);
        assert_eq!(remembered.take(&key("1")), Vec::new(), "taken once");
    }
}
