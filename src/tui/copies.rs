//! The copies the reader keeps of what it loaded (the corpus cache): begun
//! once the first frame is out, the search index's copy read (as soon as
//! a glimpse is out, where one showed), or written once the index is
//! built, and whatever is unfinished stopped when the reader quits.

use crate::corpus::cache::{IndexBytes, IndexOpener, Pending, Writer};
use crate::corpus::{Corpus, Map};
use crate::library::{Library, StoredIndex, caught};
use crate::search::SearchIndex;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};

pub(super) struct Copies {
    pending: Option<Pending>,
    /// The search index's copy, read while the whole corpus was.
    early: Option<EarlyIndex>,
    writer: Option<Writer>,
    /// Hands the built search index to the writer; dropped unsent where
    /// the index was read from its copy, which ends the writer's wait.
    give: Option<Sender<IndexBytes>>,
    /// Whether the search index was read from its copy.
    read: Arc<AtomicBool>,
}

/// The search index read from its copy on the thread that reads a
/// glimpsed corpus whole, before its chunks: none where the copy is
/// missing, stale or damaged, or its read panicked (a bug).
pub(super) type EarlyIndex = Receiver<Option<Arc<SearchIndex>>>;

/// Reads the search index's copy before the corpus copy's chunks: none
/// where it is missing, stale or damaged, or its read panicked (a bug).
pub(super) fn read_early(opener: &IndexOpener) -> Option<Arc<SearchIndex>> {
    caught(|| read_index(opener)).ok().flatten().map(Arc::new)
}

/// The search index from its copy, its packed lists read in place.
fn read_index(opener: &IndexOpener) -> Option<SearchIndex> {
    let decode = |bytes: &[u8], map: (&Map, usize), release: &mut dyn FnMut(usize)| {
        SearchIndex::decode_releasing(bytes, Some(map), release).ok()
    };
    opener.open_releasing(decode).ok()
}

impl Copies {
    /// The copies to write of a corpus read as `pending` says, with its
    /// search index read `early` where that was begun.
    pub fn new(pending: Option<Pending>, early: Option<EarlyIndex>) -> Copies {
        Copies {
            pending,
            early,
            writer: None,
            give: None,
            read: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Whether the search index will come from its copy, as read early: the
    /// corpus was read from its own copy, not from its files.
    pub fn reads_early(&self) -> bool {
        self.early.is_some() && (self.pending.as_ref()).is_some_and(|p| p.index_opener().is_some())
    }

    /// Starts the writer, once; and gives what reads the search index's
    /// copy, where there is one to read, for the thread that would build it.
    pub fn start(&mut self, corpus: Arc<Corpus>) -> Option<StoredIndex> {
        // A corpus read from its files has no index copy to read: what was
        // begun early is let go.
        let early = self.early.take();
        let pending = self.pending.take()?;
        let opener = pending.index_opener();
        let (give, index) = mpsc::channel();
        self.give = Some(give);
        self.writer = Some(pending.start(Arc::clone(&corpus), index));
        let opener = opener?;
        let read = Arc::clone(&self.read);
        Some(Box::new(move || {
            let index = match early {
                Some(early) => early.recv().ok().flatten(),
                None => read_index(&opener).map(Arc::new),
            };
            let index = index.filter(|i| i.fits(&corpus));
            read.store(index.is_some(), Ordering::Relaxed);
            index
        }))
    }

    /// The search index arrived: its copy is written, unless it was read
    /// from it.
    pub fn indexed(&mut self, library: &Library) {
        let Some(give) = self.give.take() else {
            return;
        };
        if self.read.load(Ordering::Relaxed) {
            return;
        }
        if let Some(index) = library.search_shared() {
            // The writer is gone only if it failed; the next open builds.
            let _ = give.send(Box::new(move |out| index.encode(out)));
        }
    }

    /// Stops a copy still being written, within one piece: the next open
    /// writes it again.
    pub fn stop(self) {
        if let Some(writer) = self.writer {
            let _ = writer.stop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::cache::{self, Cache, Stored};
    use std::path::PathBuf;

    /// The reader's copies of a corpus at `paths` opened as the reader
    /// opens it: the index's copy read where it can be, else the index
    /// built and handed to the writer; what the writer came to, and
    /// whether the index was read.
    fn open(cache: &Cache, paths: &[PathBuf], index: Option<IndexBytes>) -> (Stored, bool) {
        let (corpus, _, pending) = cache::open_from(Some(cache), paths).whole();
        let corpus = Arc::new(corpus);
        let mut copies = Copies::new(pending, None);
        let stored = copies.start(Arc::clone(&corpus));
        let read = stored.and_then(|stored| stored());
        let library = Library::shared(Arc::clone(&corpus));
        let search = read.unwrap_or_else(|| Arc::new(SearchIndex::build(&corpus)));
        library.keep(crate::library::Built::Search(search));
        match index {
            Some(bytes) => {
                let give = copies.give.take().expect("the writer waits");
                give.send(bytes).expect("sent");
            }
            None => copies.indexed(&library),
        }
        let writer = copies.writer.take().expect("a writer");
        let stored = writer.finish().expect("written");
        (stored, copies.read.load(Ordering::Relaxed))
    }

    #[test]
    fn an_index_copy_built_by_other_rules_is_built_again_and_read_the_next_time() {
        let (_home, cache, paths) = cache::tests::one_document();
        // The first open keeps an index copy whose rules are not this
        // build's (its first bytes).
        let corpus = cache::open_from(None, &paths).whole().0;
        let index = SearchIndex::build(&corpus);
        let other: IndexBytes = Box::new(move |out| {
            let mut bytes = Vec::new();
            index.encode(&mut |b: &[u8]| {
                bytes.extend_from_slice(b);
                Ok(())
            })?;
            bytes[0] ^= 0xff;
            out(&bytes)
        });
        let (stored, _) = open(&cache, &paths, Some(other));
        let Stored::Written(file) = stored else {
            panic!("not written: {stored:?}");
        };
        let file = file.with_extension("nki");
        let before = std::fs::read(&file).expect("the index copy");
        // The second refuses it, builds the index, and writes it again.
        assert!(matches!(open(&cache, &paths, None), (Stored::Written(f), false) if f == file));
        let after = std::fs::read(&file).expect("the index copy");
        assert_ne!(after, before);
        // The third reads it, and writes nothing.
        assert_eq!(open(&cache, &paths, None), (Stored::Unchanged, true));
        assert_eq!(std::fs::read(&file).expect("the index copy"), after);
    }

    /// Read beside the whole corpus, the index's copy is the index built
    /// from it, its lists in place; one that does not fit the corpus, or
    /// whose read failed, is built instead.
    #[test]
    fn an_index_copy_read_early_is_used_only_where_it_fits_the_corpus() {
        let (home, cache, paths) = cache::tests::one_document();
        assert!(matches!(
            open(&cache, &paths, None),
            (Stored::Written(_), false)
        ));
        let glimpsed = || match cache::open_from(Some(&cache), &paths) {
            cache::Opened::Glimpse(_, glimpse) => glimpse,
            cache::Opened::Whole(..) => panic!("no glimpse of the copy"),
        };
        let glimpse = glimpsed();
        let (send, early) = mpsc::channel();
        send.send(read_early(
            &glimpse.index_opener().expect("no chunk failed"),
        ))
        .expect("sent");
        let (corpus, _, pending) = glimpse.whole();
        let corpus = Arc::new(corpus);
        let mut copies = Copies::new(pending, Some(early));
        assert!(copies.reads_early());
        let stored = copies.start(Arc::clone(&corpus)).expect("a copy to read");
        assert_eq!(stored().as_deref(), Some(&SearchIndex::build(&corpus)));
        // A corpus read from its files reads no index copy, early or not.
        let elsewhere = Cache::in_dir(home.path().join("elsewhere"));
        let (_, _, pending) = cache::open_from(Some(&elsewhere), &paths).whole();
        let (_, early) = mpsc::channel();
        assert!(!Copies::new(pending, Some(early)).reads_early());
        assert!(copies.read.load(Ordering::Relaxed));
        // An index of another corpus, or none at all, is not read.
        let bundled = crate::corpus::Corpus::load(&[]).expect("bundled");
        for given in [Some(Arc::new(SearchIndex::build(&bundled))), None] {
            let (send, early) = mpsc::channel();
            send.send(given).expect("sent");
            let (corpus, _, pending) = glimpsed().whole();
            let mut copies = Copies::new(pending, Some(early));
            let stored = copies.start(Arc::new(corpus)).expect("a copy to read");
            assert_eq!(stored(), None);
            assert!(!copies.read.load(Ordering::Relaxed));
            copies.stop();
        }
    }
}
