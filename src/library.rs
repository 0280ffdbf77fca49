//! The corpus and the indexes built from it, shared read-only by `update`
//! and `view`. The reader draws before its indexes exist: they are built on
//! threads of their own and kept here as each arrives, once; until then
//! `people()` and `search()` answer None and the reader says "indexing…".

use crate::corpus::Corpus;
use crate::people::{Passages, PeopleIndex};
use crate::search::SearchIndex;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::AtomicUsize;
use std::sync::{Arc, Mutex, OnceLock, mpsc};

pub struct Library {
    /// Shared with the threads that build the indexes.
    pub corpus: Arc<Corpus>,
    people: OnceLock<PeopleIndex>,
    search: OnceLock<Arc<SearchIndex>>,
    /// Indexes whose build failed (a bug), with what the failure said, so
    /// that the reader says so instead of "indexing…" for ever.
    failed: Mutex<Vec<(Index, String)>>,
}

/// An index built apart, for [`Library::keep`]; boxed, as it goes
/// through a channel.
pub enum Built {
    People(Box<PeopleIndex>),
    /// The passages naming each entity, for the People index.
    Passages(Passages),
    /// Shared: the passages are found from its words.
    Search(Arc<SearchIndex>),
    /// An index whose build panicked, and the panic's message.
    Failed(Index, String),
}

/// What reads the search index from its copy, if it is whole: tried
/// before the index is built.
pub type StoredIndex = Box<dyn FnOnce() -> Option<Arc<SearchIndex>> + Send>;

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
        Library::indexed(Arc::new(corpus))
    }

    /// As [`Library::new`], over a corpus another thread also reads (the
    /// one writing the corpus cache).
    pub fn indexed(corpus: Arc<Corpus>) -> Library {
        let library = Library::shared(corpus);
        let search = SearchIndex::build(&library.corpus);
        let passages = Passages::find(&library.corpus, search.tokens());
        library.keep(Built::People(Box::new(PeopleIndex::new(&library.corpus))));
        library.keep(Built::Passages(passages));
        library.keep(Built::Search(Arc::new(search)));
        library
    }

    /// The corpus alone; its indexes come through [`Library::keep`].
    pub fn unindexed(corpus: Corpus) -> Library {
        Library::shared(Arc::new(corpus))
    }

    /// As [`Library::unindexed`], over a corpus another thread also reads
    /// (the one writing the corpus cache).
    pub fn shared(corpus: Arc<Corpus>) -> Library {
        Library {
            corpus,
            people: OnceLock::new(),
            search: OnceLock::new(),
            failed: Mutex::new(Vec::new()),
        }
    }

    /// The People index, once it has arrived.
    pub fn people(&self) -> Option<&PeopleIndex> {
        self.people.get()
    }

    /// The search index, once it has arrived.
    pub fn search(&self) -> Option<&SearchIndex> {
        self.search.get().map(|search| &**search)
    }

    /// As [`Library::search`], to be kept by another thread.
    pub fn search_shared(&self) -> Option<Arc<SearchIndex>> {
        self.search.get().cloned()
    }

    /// Why `index` could not be built, if its build failed.
    pub fn failure(&self, index: Index) -> Option<String> {
        let failed = self.failed.lock().unwrap_or_else(|e| e.into_inner());
        failed
            .iter()
            .find(|(i, _)| *i == index)
            .map(|(_, why)| why.clone())
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
                let _ = self.search.set(search);
                Index::Search
            }
            Built::Failed(index, why) => {
                let mut failed = self.failed.lock().unwrap_or_else(|e| e.into_inner());
                failed.push((index, why));
                index
            }
        }
    }

    /// Builds the indexes on two threads, handing each to `send` as it is
    /// done: the People index then its passages on one, the search index
    /// (counting the paragraphs it has read in `read`) on the other. The
    /// passages are found from the search index's words, so they wait for
    /// it, and a failed search build leaves them unfound and says so. The
    /// search index is read by `stored` instead where that finds it. The
    /// threads are not joined: quitting does not wait for them.
    ///
    /// Their parallel work runs in a rayon pool of its own: in the global
    /// pool, every parallel step the reader itself takes (a bookmark saved,
    /// a search of the open document for its marks) waited behind it, for
    /// seconds at a million paragraphs.
    pub fn build_apart(
        &self,
        read: Arc<AtomicUsize>,
        send: impl Fn(Built) + Send + Clone + 'static,
        stored: Option<StoredIndex>,
    ) {
        let pool = Arc::new(rayon::ThreadPoolBuilder::new().build().ok());
        let corpus = Arc::clone(&self.corpus);
        let to_people = send.clone();
        let (searched, search_built) = mpsc::channel::<Arc<SearchIndex>>();
        let people_pool = Arc::clone(&pool);
        std::thread::spawn(move || {
            let pool = people_pool;
            let people = guarded(Index::People, || {
                Built::People(Box::new(in_pool(&pool, || PeopleIndex::new(&corpus))))
            });
            let built = matches!(people, Built::People(_));
            to_people(people);
            // The search index, or an error once the search thread has let
            // go of its end without one: its build failed.
            let search = search_built.recv();
            if built {
                to_people(match search {
                    Ok(search) => guarded(Index::Passages, || {
                        Built::Passages(in_pool(&pool, || Passages::find(&corpus, search.tokens())))
                    }),
                    Err(_) => Built::Failed(Index::Passages, SEARCH_FAILED.to_string()),
                });
                crate::memory::give_back();
            }
        });
        let corpus = Arc::clone(&self.corpus);
        std::thread::spawn(move || {
            // A copy that cannot be read, even by a bug that panics, is
            // built instead: search stays, and the copy is written again.
            let stored = stored.and_then(|stored| caught(|| in_pool(&pool, stored)).ok().flatten());
            let built = guarded(Index::Search, || {
                let index = stored.unwrap_or_else(|| {
                    Arc::new(in_pool(&pool, || {
                        SearchIndex::build_counting(&corpus, &read)
                    }))
                });
                Built::Search(index)
            });
            if let Built::Search(index) = &built {
                let _ = searched.send(Arc::clone(index));
            }
            drop(searched);
            send(built);
        });
    }
}

/// Why the passages are not found when the search index is not: they are
/// found from its words.
const SEARCH_FAILED: &str = "they are found from the search index, whose build failed";

/// `work`, its parallel steps in `pool` where there is one (rayon's global
/// pool otherwise).
pub(crate) fn in_pool<T: Send>(
    pool: &Option<rayon::ThreadPool>,
    work: impl FnOnce() -> T + Send,
) -> T {
    match pool {
        Some(pool) => pool.install(work),
        None => work(),
    }
}

/// `build`'s index, or, if it panics (a bug), its failure: a thread that
/// dies silently would leave the reader "indexing…" for ever.
fn guarded(index: Index, build: impl FnOnce() -> Built) -> Built {
    caught(build).unwrap_or_else(|why| Built::Failed(index, why))
}

/// What `work` returns, or what its panic (a bug) said: for the threads
/// that work for the reader, whose panics must reach it as a message.
pub(crate) fn caught<T>(work: impl FnOnce() -> T) -> Result<T, String> {
    catch_unwind(AssertUnwindSafe(work)).map_err(|payload| {
        payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_build_that_panics_becomes_its_failure() {
        let built = guarded(Index::Search, || panic!("the index broke"));
        assert!(matches!(
            built,
            Built::Failed(Index::Search, ref why) if why == "the index broke"
        ));
    }

    #[test]
    fn a_stored_index_that_panics_as_it_is_read_is_built_instead() {
        let corpus = Corpus::load(&[]).expect("bundled");
        let library = Library::unindexed(corpus);
        let (send, arrived) = mpsc::channel();
        let stored: StoredIndex = Box::new(|| panic!("a bad copy"));
        library.build_apart(Arc::default(), move |b| drop(send.send(b)), Some(stored));
        let search = arrived.iter().find_map(|b| match b {
            Built::Search(index) => Some(Ok(index)),
            Built::Failed(Index::Search, why) => Some(Err(why)),
            _ => None,
        });
        let expected = SearchIndex::build(&library.corpus);
        assert_eq!(search.map(|s| s.map(|i| *i == expected)), Some(Ok(true)));
    }
}
