//! The thread that searches: it takes the queries the overlay asks, skips
//! any that a later one has overtaken, and sends the answers back, so that
//! a key typed into a large corpus is drawn at once and its hits follow.

use crate::library::{Library, caught, in_pool};
use crate::tui::layout::search::answer;
use crate::tui::msg::{Ask, Found, Msg};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

pub(super) struct Searcher {
    asks: Sender<Ask>,
    answers: Receiver<Found>,
}

impl Searcher {
    /// Starts the thread. It is not joined: quitting does not wait for a
    /// query it is ranking, and it ends when the searcher is dropped.
    pub fn start(library: Arc<Library>) -> Searcher {
        let (asks, asked) = mpsc::channel::<Ask>();
        let (send, answers) = mpsc::channel();
        std::thread::spawn(move || {
            // A pool of its own for a query's parallel work, so that the
            // reader's own parallel steps never wait behind a query.
            let pool = rayon::ThreadPoolBuilder::new().build().ok();
            let run = |ask: &Ask| in_pool(&pool, || answer(&library, ask));
            while let Ok(mut ask) = asked.recv() {
                // Only the latest query is worth ranking.
                while let Ok(later) = asked.try_recv() {
                    ask = later;
                }
                let found = caught(|| run(&ask)).unwrap_or_else(|why| Found {
                    problem: Some(format!("the search failed (a bug): {why}")),
                    ..Found::to(&ask)
                });
                if send.send(found).is_err() {
                    break;
                }
            }
        });
        Searcher { asks, answers }
    }

    pub fn ask(&self, ask: Ask) {
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

    fn ask(id: u64, text: &str) -> Ask {
        Ask {
            id,
            text: text.to_string(),
            doc: None,
        }
    }

    #[test]
    fn the_latest_query_is_answered_as_it_would_be_at_once() {
        let library = Arc::new(Library::new(Corpus::load(&[]).expect("bundled")));
        let searcher = Searcher::start(Arc::clone(&library));
        searcher.ask(ask(1, "songbun"));
        searcher.ask(ask(2, "security council"));
        let latest = loop {
            match searcher.wait(Duration::from_secs(30)) {
                Some(Msg::Searched(found)) if found.id == 2 => break found,
                Some(Msg::Searched(found)) => assert_eq!(found.id, 1),
                other => panic!("no answer: {other:?}"),
            }
        };
        assert!(!latest.hits.is_empty());
        assert_eq!(latest, answer(&library, &ask(2, "security council")));
        assert!(searcher.answered().is_none(), "nothing after the latest");
    }
}
