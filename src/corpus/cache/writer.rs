//! The thread that keeps the copies: started once the reader's first
//! frame is out, it writes the corpus's copy and then its search index's,
//! and stops at its next piece when asked.

use super::*;

/// The copies to keep of what was loaded from `paths`: the corpus, where
/// it was loaded from its files, then its search index, bound to that
/// copy. A reader writes them once its first frame is out: written before,
/// they took a core from it.
#[derive(Debug, Clone)]
pub struct Pending {
    pub cache: Cache,
    pub paths: Vec<PathBuf>,
    pub source: Source,
}

/// Where a corpus was loaded from.
#[derive(Debug, Clone)]
pub enum Source {
    /// Its files, as they were seen before loading: the copy is written.
    Files(Seen),
    /// The copy with this checksum: a copy of its index may be read.
    Copy(u64),
}

impl Pending {
    /// Starts writing, on a thread of its own, the copy of `corpus` where
    /// it came from its files, then the copy of its search index once
    /// `index` gives its bytes. A sender dropped unsent (the index came
    /// from the cache, or a command needs none) ends the thread after the
    /// corpus.
    pub fn start(self, corpus: Arc<Corpus>, index: Receiver<IndexBytes>) -> Writer {
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            // Held for both copies: the index's is bound to the corpus's.
            let Some(_lock) = self.cache.try_lock()? else {
                return Ok(Stored::Busy);
            };
            let (stored, sum) = match &self.source {
                Source::Files(seen) => {
                    self.cache
                        .store_until(&self.paths, &corpus, seen, &stopping)?
                }
                Source::Copy(sum) => (Stored::Unchanged, Some(*sum)),
            };
            let Some(sum) = sum else {
                return Ok(stored);
            };
            let bytes = loop {
                if stopping.load(Ordering::Relaxed) {
                    return Ok(Stored::Stopped);
                }
                match index.recv_timeout(STOP_POLL) {
                    Ok(bytes) => break bytes,
                    Err(RecvTimeoutError::Timeout) => {}
                    Err(RecvTimeoutError::Disconnected) => return Ok(stored),
                }
            };
            index::store_until(&self.cache, &self.paths, sum, &*bytes, &stopping)
        });
        Writer { stop, thread }
    }

    /// As [`Pending::start`], keeping no copy of the index.
    pub fn start_corpus(self, corpus: Arc<Corpus>) -> Writer {
        let (_, none) = std::sync::mpsc::channel();
        self.start(corpus, none)
    }

    /// What reads the copy of the search index, where the corpus came from
    /// its copy.
    pub fn index_opener(&self) -> Option<IndexOpener> {
        match self.source {
            Source::Copy(sum) => Some(IndexOpener::new(&self.cache, &self.paths, sum)),
            Source::Files(_) => None,
        }
    }
}

/// How often a writer waiting for the index looks whether to stop.
const STOP_POLL: std::time::Duration = std::time::Duration::from_millis(50);

/// The copies being written.
#[derive(Debug)]
pub struct Writer {
    stop: Arc<AtomicBool>,
    thread: JoinHandle<io::Result<Stored>>,
}

impl Writer {
    /// Waits for the copies to be written.
    pub fn finish(self) -> io::Result<Stored> {
        self.thread
            .join()
            .unwrap_or_else(|_| Err(io::Error::other("the cache writer panicked")))
    }

    /// Stops a copy at its next piece (a file hashed, a batch of
    /// documents written), or the wait for the index, and waits for that:
    /// a copy stopped leaves no file, and the one before it, if any, stays
    /// whole.
    pub fn stop(self) -> io::Result<Stored> {
        self.stop.store(true, Ordering::Relaxed);
        self.finish()
    }
}
