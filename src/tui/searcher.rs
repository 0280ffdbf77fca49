//! The thread that searches: it takes the queries the overlay asks, skips
//! any that a later one has overtaken, and sends the answers back, so that
//! a key typed into a large corpus is drawn at once and its hits follow.

use crate::library::{Library, caught, in_pool};
use crate::tui::layout::search::{answer, counted};
use crate::tui::msg::{Ask, Found, Msg};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

pub(super) struct Searcher {
    asks: Sender<Ask>,
    answers: Receiver<Found>,
    /// Set with each query asked: a count under way gives up for it.
    overtaken: Arc<AtomicBool>,
}

/// How long the thread waits for another key before it counts a query's
/// hits: counting a word half typed would hold up the next key's hits.
const COUNT_AFTER: Duration = Duration::from_millis(40);

impl Searcher {
    /// Starts the thread. It is not joined: quitting does not wait for a
    /// query it is ranking, and it ends when the searcher is dropped.
    ///
    /// Each query is answered twice where it has more hits than a screen:
    /// first its best hits, as soon as they are known, then how many there
    /// are and more of them, unless a later query came meanwhile.
    pub fn start(library: Arc<Library>) -> Searcher {
        let (asks, asked) = mpsc::channel::<Ask>();
        let (send, answers) = mpsc::channel();
        let overtaken = Arc::new(AtomicBool::new(false));
        let later = Arc::clone(&overtaken);
        std::thread::spawn(move || {
            // A pool of its own for a query's parallel work, so that the
            // reader's own parallel steps never wait behind a query.
            let pool = rayon::ThreadPoolBuilder::new().build().ok();
            let failed = |ask: &Ask, why: String| Found {
                problem: Some(format!("the search failed (a bug): {why}")),
                ..Found::to(ask)
            };
            let mut next = asked.recv().ok();
            while let Some(mut ask) = next.take() {
                // Cleared before looking for later queries: one asked after
                // this sets it again.
                later.store(false, Ordering::Relaxed);
                // Only the latest query is worth ranking.
                while let Ok(latest) = asked.try_recv() {
                    ask = latest;
                }
                let found = caught(|| in_pool(&pool, || answer(&library, &ask)))
                    .unwrap_or_else(|why| failed(&ask, why));
                let more = found.total.is_none();
                let shown = found.hits.clone();
                if send.send(found).is_err() {
                    break;
                }
                // A key typed soon after (a word being typed) is answered
                // instead of counting this query.
                if more {
                    match asked.recv_timeout(COUNT_AFTER) {
                        Ok(latest) => {
                            next = Some(latest);
                            continue;
                        }
                        Err(RecvTimeoutError::Disconnected) => break,
                        Err(RecvTimeoutError::Timeout) => {}
                    }
                }
                let stop = || later.load(Ordering::Relaxed);
                let all = match more {
                    false => None,
                    true => match caught(|| in_pool(&pool, || counted(&library, &ask, &stop))) {
                        Ok(all) => all,
                        // The hits shown stay, and the count says why it never came.
                        Err(why) => Some(Found {
                            total: Some(shown.len()),
                            hits: shown,
                            ..failed(&ask, why)
                        }),
                    },
                };
                // None: no count wanted, or overtaken by a later query.
                if let Some(all) = all
                    && send.send(all).is_err()
                {
                    break;
                }
                next = asked.recv().ok();
            }
        });
        Searcher {
            asks,
            answers,
            overtaken,
        }
    }

    pub fn ask(&self, ask: Ask) {
        self.overtaken.store(true, Ordering::Relaxed);
        // The thread is gone only if it panicked outside a search, which
        // `caught` leaves no room for; the query then stays "searching…".
        let _ = self.asks.send(ask);
    }

    /// An answer that has arrived.
    pub fn answered(&self) -> Option<Msg> {
        self.answers.try_recv().ok().map(Msg::Searched)
    }

    /// An answer, waiting for it at most `wait`.
    pub fn wait(&self, wait: Duration) -> Option<Msg> {
        match self.answers.recv_timeout(wait) {
            Ok(found) => Some(Msg::Searched(found)),
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::tui::layout::search::whole;

    fn ask(id: u64, text: &str, first: usize) -> Ask {
        Ask {
            id,
            text: text.to_string(),
            doc: None,
            first,
        }
    }

    fn next(searcher: &Searcher) -> Found {
        match searcher.wait(Duration::from_secs(30)) {
            Some(Msg::Searched(found)) => found,
            other => panic!("no answer: {other:?}"),
        }
    }

    #[test]
    fn the_latest_query_is_answered_first_with_its_best_hits_then_counted() {
        let library = Arc::new(Library::new(Corpus::load(&[]).expect("bundled")));
        let searcher = Searcher::start(Arc::clone(&library));
        searcher.ask(ask(1, "songbun", 3));
        searcher.ask(ask(2, "security council", 3));
        let mut first = next(&searcher);
        while first.id == 1 {
            first = next(&searcher);
        }
        let latest = ask(2, "security council", 3);
        assert_eq!(first, answer(&library, &latest));
        assert_eq!((first.hits.len(), first.total), (3, None));
        let counted = next(&searcher);
        assert_eq!(counted, whole(&library, &latest));
        assert_eq!(counted.hits[..3], first.hits[..]);
        assert!(counted.total.is_some_and(|n| n > 3), "{:?}", counted.total);
        assert!(searcher.answered().is_none(), "nothing after the latest");
    }
}
