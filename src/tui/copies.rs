//! The copies the reader keeps of what it loaded (the corpus cache): begun
//! once the first frame is out, the search index's copy read, or written
//! once the index is built, and whatever is unfinished stopped when the
//! reader quits.

use crate::corpus::Corpus;
use crate::corpus::cache::{IndexBytes, Pending, Writer};
use crate::library::{Library, StoredIndex};
use crate::search::SearchIndex;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Sender};

pub(super) struct Copies {
    pending: Option<Pending>,
    writer: Option<Writer>,
    /// Hands the built search index to the writer; dropped unsent where
    /// the index was read from its copy, which ends the writer's wait.
    give: Option<Sender<IndexBytes>>,
    /// Whether the search index was read from its copy.
    read: Arc<AtomicBool>,
}

impl Copies {
    pub fn new(pending: Option<Pending>) -> Copies {
        Copies {
            pending,
            writer: None,
            give: None,
            read: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Starts the writer, once; and gives what reads the search index's
    /// copy, where there is one to read, for the thread that would build it.
    pub fn start(&mut self, corpus: Arc<Corpus>) -> Option<StoredIndex> {
        let pending = self.pending.take()?;
        let opener = pending.index_opener();
        let (give, index) = mpsc::channel();
        self.give = Some(give);
        self.writer = Some(pending.start(Arc::clone(&corpus), index));
        let opener = opener?;
        let read = Arc::clone(&self.read);
        Some(Box::new(move || {
            let decode = |bytes: &[u8], release: &mut dyn FnMut(usize)| {
                let index = SearchIndex::decode_releasing(bytes, release).ok();
                index.filter(|i| i.fits(&corpus))
            };
            let index = opener.open_releasing(decode).ok();
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
        let mut copies = Copies::new(pending);
        let stored = copies.start(Arc::clone(&corpus));
        let read = stored.and_then(|stored| stored());
        let library = Library::shared(Arc::clone(&corpus));
        let search = read.unwrap_or_else(|| SearchIndex::build(&corpus));
        library.keep(crate::library::Built::Search(Arc::new(search)));
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
}
