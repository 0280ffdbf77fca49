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
            let decode = |bytes: &[u8]| SearchIndex::decode(bytes).ok().filter(|i| i.fits(&corpus));
            let index = opener.open(decode).ok();
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
