//! When a bracketed paste whose end never comes is ended. A terminal that
//! sends the start of a paste but not its end (a cut connection, a broken
//! multiplexer) would have every later key taken as pasted text. The loop
//! asks this watch, each time the keys rest, whether to end the paste with
//! what it holds; Ctrl-C ends one at once (see vendor/crossterm).

use std::time::{Duration, Instant};

/// How long a paste may wait, receiving nothing, for its end: a paste
/// streams without pauses this long, even over a slow link.
pub const PASTE_TIMEOUT: Duration = Duration::from_secs(1);

/// The paste waiting for its end, as last seen: its size and since when.
#[derive(Debug, Default)]
pub struct PasteWatch {
    waiting: Option<(usize, Instant)>,
}

impl PasteWatch {
    /// Whether to end the pending paste now: `pending` is how many of its
    /// bytes wait for the end at `now`, if one waits. A paste still growing
    /// is waited for; one unchanged for `PASTE_TIMEOUT` is overdue.
    pub fn overdue(&mut self, pending: Option<usize>, now: Instant) -> bool {
        match (pending, self.waiting) {
            (None, _) => {
                self.waiting = None;
                false
            }
            (Some(bytes), Some((seen, since))) if bytes == seen => {
                let overdue = now.saturating_duration_since(since) >= PASTE_TIMEOUT;
                if overdue {
                    self.waiting = None;
                }
                overdue
            }
            (Some(bytes), _) => {
                self.waiting = Some((bytes, now));
                false
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paste_is_ended_once_it_has_not_grown_for_the_timeout() {
        let start = Instant::now();
        let at = |ms: u64| start + Duration::from_millis(ms);
        let mut watch = PasteWatch::default();
        assert!(!watch.overdue(None, at(0)));
        assert!(!watch.overdue(Some(3), at(0)));
        assert!(!watch.overdue(Some(3), at(900)));
        // It grew: the wait starts again.
        assert!(!watch.overdue(Some(5), at(950)));
        assert!(!watch.overdue(Some(5), at(1900)));
        assert!(watch.overdue(Some(5), at(1950)));
        // Ended, the next paste is waited for afresh.
        assert!(!watch.overdue(Some(5), at(2000)));
        assert!(!watch.overdue(None, at(2500)));
        assert!(!watch.overdue(Some(5), at(3000)));
        assert!(watch.overdue(Some(5), at(4000)));
    }
}
