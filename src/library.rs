//! The corpus and the indexes built from it, shared read-only by `update`
//! and `view`. The reader draws before its indexes exist: they are built on
//! threads of their own and kept here as each arrives, once; until then
//! `people()` and `search()` answer None and the reader says "indexing…".

use crate::corpus::Corpus;
use crate::people::{Passages, PeopleIndex};
use crate::search::SearchIndex;
use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, OnceLock};

pub struct Library {
    /// Shared with the threads that build the indexes.
    pub corpus: Arc<Corpus>,
    people: OnceLock<PeopleIndex>,
    search: OnceLock<SearchIndex>,
}

/// An index built apart, for [`Library::keep`]; boxed, as it goes
/// through a channel.
pub enum Built {
    People(Box<PeopleIndex>),
    /// The passages naming each entity, for the People index.
    Passages(Passages),
    Search(Box<SearchIndex>),
}

/// Which index arrived: what the reader's loop tells `update`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Index {
    People,
    Passages,
    Search,
}

impl Library {
    /// The corpus with every index built now, passages included.
    pub fn new(corpus: Corpus) -> Library {
        let library = Library::unindexed(corpus);
        let people = PeopleIndex::new(&library.corpus);
        people.find_passages(&library.corpus);
        library.keep(Built::People(Box::new(people)));
        let search = SearchIndex::build(&library.corpus);
        library.keep(Built::Search(Box::new(search)));
        library
    }

    /// The corpus alone; its indexes come through [`Library::keep`].
    pub fn unindexed(corpus: Corpus) -> Library {
        Library {
            corpus: Arc::new(corpus),
            people: OnceLock::new(),
            search: OnceLock::new(),
        }
    }

    /// The People index, once it has arrived.
    pub fn people(&self) -> Option<&PeopleIndex> {
        self.people.get()
    }

    /// The search index, once it has arrived.
    pub fn search(&self) -> Option<&SearchIndex> {
        self.search.get()
    }

    /// Keeps an index built from this library's corpus; one that is already
    /// here stays. Passages need the People index first, as
    /// [`Library::build_apart`] sends them.
    pub fn keep(&self, built: Built) -> Index {
        match built {
            Built::People(people) => {
                let _ = self.people.set(*people);
                Index::People
            }
            Built::Passages(found) => {
                if let Some(people) = self.people.get() {
                    people.keep_passages(found);
                }
                Index::Passages
            }
            Built::Search(search) => {
                let _ = self.search.set(*search);
                Index::Search
            }
        }
    }

    /// Builds the indexes on two threads, handing each to `send` as it is
    /// done: the People index then its passages on one, the search index
    /// (counting the paragraphs it has read in `read`) on the other. The
    /// threads are not joined: quitting does not wait for them.
    pub fn build_apart(
        &self,
        read: Arc<AtomicUsize>,
        send: impl Fn(Built) + Send + Clone + 'static,
    ) {
        let corpus = Arc::clone(&self.corpus);
        let to_people = send.clone();
        std::thread::spawn(move || {
            to_people(Built::People(Box::new(PeopleIndex::new(&corpus))));
            to_people(Built::Passages(Passages::find(&corpus)));
        });
        let corpus = Arc::clone(&self.corpus);
        std::thread::spawn(move || {
            let search = SearchIndex::build_counting(&corpus, &read);
            send(Built::Search(Box::new(search)));
        });
    }
}
