//! A copy of a loaded corpus on disk, so that the second open of a large
//! archive reads one file instead of parsing every document again. It is
//! only ever a copy: a file that is missing, stale, cut short, corrupted or
//! another version's is detected, ignored and written again, never trusted
//! and never fatal.
//!
//! One file per set of corpus paths, `corpus-HASH.nkc` under
//! `$XDG_CACHE_HOME/nkread/`, where HASH covers the format, nkread's
//! version and the paths, and beside it the reader's copy of the search
//! index built from it, `corpus-HASH.nki` (`index`, `framed`). The file's head holds
//! nkread's version, a hash of the bundled corpus, the corpus files'
//! names, sizes, times and content hashes, the entities and each
//! document's summary; the documents follow in checksummed chunks
//! (`layout`, `codec`), so that a first frame reads only the head and the
//! chunks it shows (`glimpse`). A file is current when every corpus file
//! has its size and time (the first check), or, where only the time
//! differs, its content hash.

mod codec;
mod framed;
mod gate;
mod glimpse;
mod index;
mod layout;
mod writer;

pub use glimpse::{Filler, Glimpse, Opened};
pub use writer::{Pending, Source, Writer};

use super::Corpus;
use super::entities::Entities;
use super::mapped::Map;
use crate::bookmarks::durable;
use codec::{Corrupt, Reader};
pub use index::{IndexBytes, IndexOpener};
use layout::Copy;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::thread::JoinHandle;
use std::time::UNIX_EPOCH;
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

/// The layout's version: bumped whenever `codec`, `layout`, `framed` or
/// the search index's layout (`search::stored`) changes. A change to how the index
/// is built with the same layout bumps `search::stored`'s `RULES` instead.
/// Format 4: the index copy's checksum is of its pieces' checksums, and
/// each document in a chunk follows its length.
const FORMAT: u32 = 4;
const MAGIC: &[u8; 8] = b"NKREADC\0";
const VERSION: &str = env!("CARGO_PKG_VERSION");
/// The cache files' extension.
const EXTENSION: &str = "nkc";

/// The directory the cache files are kept in.
#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

/// Why the cache was not used: the corpus is then loaded from its files.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Miss {
    /// No cache file for these paths yet.
    Absent,
    /// A corpus file was added, removed or changed since it was written.
    Stale,
    /// Written by another version of nkread or of its layout.
    OtherVersion,
    /// Cut short, or a checksum or a field that does not hold.
    Corrupt(&'static str),
    /// The file or a corpus file could not be read.
    Unreadable(String),
}

impl std::fmt::Display for Miss {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Miss::Absent => f.write_str("not written yet"),
            Miss::Stale => f.write_str("stale: a corpus file changed since it was written"),
            Miss::OtherVersion => f.write_str("written by another version of nkread"),
            Miss::Corrupt(what) => write!(f, "corrupt ({what}); it will be written again"),
            Miss::Unreadable(why) => write!(f, "unreadable: {why}"),
        }
    }
}

/// What a store came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stored {
    Written(PathBuf),
    /// Nothing to write: the corpus came from its copy, and the index's
    /// copy was read or is not kept.
    Unchanged,
    /// Another nkread holds the lock: it is writing, and this one does not.
    Busy,
    /// A corpus file changed while the corpus loaded: what was loaded is
    /// not what the files say, so it is not kept.
    Changed,
    /// Stopped before it was done (the reader quit): no copy, no temp file.
    Stopped,
}

/// The corpus files as they were before loading, to check they did not
/// change before the copy is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seen {
    files: Vec<Stat>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Stat {
    path: PathBuf,
    size: u64,
    /// Modification time in nanoseconds since 1970.
    mtime: u128,
}

impl Stat {
    fn of(path: &Path) -> io::Result<Stat> {
        let meta = fs::metadata(path)?;
        let mtime = meta
            .modified()?
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        Ok(Stat {
            path: path.to_path_buf(),
            size: meta.len(),
            mtime,
        })
    }
}

impl Seen {
    /// The corpus files at `paths` now; None where they cannot be listed
    /// (loading then reports why).
    pub fn now(paths: &[PathBuf]) -> Option<Seen> {
        let files = super::source_files(paths)?;
        let files = files
            .iter()
            .map(|p| Stat::of(p))
            .collect::<io::Result<_>>()
            .ok()?;
        Some(Seen { files })
    }
}

/// What `nkread cache status` says.
#[derive(Debug, Clone)]
pub struct Status {
    pub dir: PathBuf,
    /// The file for these corpus paths, None for the bundled corpus alone.
    pub file: Option<PathBuf>,
    /// Its size, if it exists.
    pub size: Option<u64>,
    /// Whether it is current, and why not.
    pub current: Result<(), Miss>,
    /// The copy of the search index beside it, and its size if it exists.
    pub index_file: Option<PathBuf>,
    pub index_size: Option<u64>,
    /// Whether the reader would read that copy, and why not; None where
    /// the corpus copy is not current (both are then written again).
    pub index_current: Option<Result<(), Miss>>,
    /// Every cache file in the directory, with the sizes added up.
    pub files: usize,
    pub bytes: u64,
}

impl Cache {
    pub fn in_dir(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: dir.into() }
    }

    /// `$XDG_CACHE_HOME/nkread`, or the platform's equivalent.
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "nkread").map(|d| d.cache_dir().to_path_buf())
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The cache file for a set of corpus paths.
    pub fn file_for(&self, paths: &[PathBuf]) -> PathBuf {
        let mut key = Vec::new();
        key.extend_from_slice(&FORMAT.to_le_bytes());
        key.extend_from_slice(VERSION.as_bytes());
        for path in paths {
            let path = fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            key.push(0);
            key.extend_from_slice(path.as_os_str().as_encoded_bytes());
        }
        self.dir
            .join(format!("corpus-{:016x}.{EXTENSION}", xxh3_64(&key)))
    }

    /// The corpus at `paths` (beside the bundled one) from its cache file,
    /// if that holds a current copy, with the copy's checksum, which a
    /// copy of the search index built from it names.
    pub fn open(&self, paths: &[PathBuf]) -> Result<(Corpus, u64), Miss> {
        let (copy, entities, _) = self.current(paths)?;
        let documents = copy.all_documents(entities.len(), &|| {})?;
        Ok((
            Corpus {
                documents,
                entities,
            },
            copy.sum(),
        ))
    }

    /// The copy for `paths`, if it is current, with its entities and where
    /// its head's summaries start.
    fn current(&self, paths: &[PathBuf]) -> Result<(Copy, Entities, usize), Miss> {
        let copy = Copy::map(&self.file_for(paths))?;
        let mut r = Reader::new(copy.head());
        if r.string().ok().as_deref() != Some(VERSION) || r.u64().ok() != Some(bundled_hash()) {
            return Err(Miss::OtherVersion);
        }
        current(&mut r, paths)?;
        let entities =
            codec::decode_entities(&mut r).map_err(|Corrupt(what)| Miss::Corrupt(what))?;
        let at = r.position();
        Ok((copy, entities, at))
    }

    /// Writes `corpus`, loaded from `paths` whose files were `seen` before
    /// loading, as the cache file for `paths`: to a temp file in the same
    /// directory, synced, then renamed over the old one. A second nkread
    /// writing at the same time holds the lock, and this one does not write.
    pub fn store(&self, paths: &[PathBuf], corpus: &Corpus, seen: &Seen) -> io::Result<Stored> {
        let Some(_lock) = self.try_lock()? else {
            return Ok(Stored::Busy);
        };
        self.store_until(paths, corpus, seen, &AtomicBool::new(false))
            .map(|(stored, _)| stored)
    }

    /// The lock for writing, unless another nkread holds it.
    fn try_lock(&self) -> io::Result<Option<durable::Lock>> {
        durable::ensure_dir(&self.dir)?;
        durable::try_lock(&self.dir)
    }

    /// As [`Cache::store`], the lock held by the caller, giving up at the
    /// next piece once `stop` is set: the temp file is removed and nothing
    /// is renamed. With the copy written, its checksum.
    fn store_until(
        &self,
        paths: &[PathBuf],
        corpus: &Corpus,
        seen: &Seen,
        stop: &AtomicBool,
    ) -> io::Result<(Stored, Option<u64>)> {
        let hashes = match hashed(seen, stop)? {
            Hashed::All(hashes) => hashes,
            Hashed::Changed => return Ok((Stored::Changed, None)),
            Hashed::Stopped => return Ok((Stored::Stopped, None)),
        };
        let mut head = Vec::new();
        codec::put_str(&mut head, VERSION);
        head.extend_from_slice(&bundled_hash().to_le_bytes());
        codec::put_len(&mut head, seen.files.len());
        for (stat, hash) in seen.files.iter().zip(&hashes) {
            codec::put_str(&mut head, &stat.path.to_string_lossy());
            head.extend_from_slice(&stat.size.to_le_bytes());
            head.extend_from_slice(&stat.mtime.to_le_bytes());
            head.extend_from_slice(&hash.to_le_bytes());
        }
        codec::encode_head(corpus, &mut head);
        let write = |file| layout::write(file, &head, &corpus.documents, stop);
        replace(&self.file_for(paths), write, stop)
    }

    /// Where the cache is, how big, and whether the file for `paths` and
    /// its index's copy are current, the index's bytes being one that
    /// `index_fits` the corpus.
    pub fn status(
        &self,
        paths: &[PathBuf],
        index_fits: impl FnOnce(&Corpus, &[u8]) -> bool,
    ) -> Status {
        let (files, bytes) = self
            .files()
            .iter()
            .fold((0, 0), |(n, b), (_, size)| (n + 1, b + size));
        let file = (!paths.is_empty()).then(|| self.file_for(paths));
        let size_of = |f: Option<&Path>| f.and_then(|f| fs::metadata(f).ok()).map(|m| m.len());
        let index_file = file.as_ref().map(|_| index::file_for(self, paths));
        let (current, index_current) = match (&file, &index_file) {
            (Some(_), Some(index_file)) => match self.open(paths) {
                Ok((corpus, sum)) => {
                    let fits = |bytes: &[u8], _: (&Map, usize), _: &mut dyn FnMut(usize)| {
                        index_fits(&corpus, bytes).then_some(())
                    };
                    (Ok(()), Some(index::open(index_file, sum, fits)))
                }
                Err(miss) => (Err(miss), None),
            },
            _ => (Ok(()), None),
        };
        Status {
            dir: self.dir.clone(),
            size: size_of(file.as_deref()),
            file,
            current,
            index_size: size_of(index_file.as_deref()),
            index_file,
            index_current,
            files,
            bytes,
        }
    }

    /// Removes every cache file and any temp file left beside them: how
    /// many files and bytes went.
    pub fn clear(&self) -> io::Result<(usize, u64)> {
        let mut gone = (0, 0);
        let lock = match self.dir.is_dir() {
            true => durable::try_lock(&self.dir)?,
            false => return Ok(gone),
        };
        // Another nkread holding the lock is writing: its temp file stays,
        // or its rename would fail.
        let writing = lock.is_none();
        for (path, size) in self.files() {
            let temp = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if temp && writing {
                continue;
            }
            fs::remove_file(&path)?;
            gone = (gone.0 + 1, gone.1 + size);
        }
        Ok(gone)
    }

    /// The cache files in the directory (temp files included), with sizes.
    fn files(&self) -> Vec<(PathBuf, u64)> {
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return Vec::new();
        };
        let mut found: Vec<_> = entries
            .flatten()
            .filter(|e| {
                let name = e.file_name();
                let name = name.to_string_lossy();
                name.starts_with("corpus-") || name.starts_with(".corpus-")
            })
            .filter_map(|e| Some((e.path(), e.metadata().ok()?.len())))
            .collect();
        found.sort();
        found
    }
}

/// Whether the corpus files recorded in the body are the files at `paths`
/// now: the same names in the same order, each of the same size, and of
/// the same modification time or the same content.
fn current(r: &mut Reader, paths: &[PathBuf]) -> Result<(), Miss> {
    let corrupt = |Corrupt(what)| Miss::Corrupt(what);
    let now = Seen::now(paths).ok_or(Miss::Stale)?;
    let count = r.len(8 + 8 + 16 + 8).map_err(corrupt)?;
    if count != now.files.len() {
        return Err(Miss::Stale);
    }
    for stat in &now.files {
        let path = r.string().map_err(corrupt)?;
        let (size, mtime) = (r.u64().map_err(corrupt)?, r.u128().map_err(corrupt)?);
        let hash = r.u64().map_err(corrupt)?;
        if path.as_bytes() != stat.path.as_os_str().as_encoded_bytes() || size != stat.size {
            return Err(Miss::Stale);
        }
        if mtime != stat.mtime && content_hash(&stat.path).ok() != Some(hash) {
            return Err(Miss::Stale);
        }
    }
    Ok(())
}

enum Hashed {
    All(Vec<u64>),
    /// A file changed since it was seen.
    Changed,
    Stopped,
}

/// The content hash of each file `seen`, file by file until `stop`.
fn hashed(seen: &Seen, stop: &AtomicBool) -> io::Result<Hashed> {
    let mut hashes = Vec::with_capacity(seen.files.len());
    for stat in &seen.files {
        if stop.load(Ordering::Relaxed) {
            return Ok(Hashed::Stopped);
        }
        let hash = content_hash(&stat.path)?;
        if Stat::of(&stat.path)? != *stat {
            return Ok(Hashed::Changed);
        }
        hashes.push(hash);
    }
    Ok(Hashed::All(hashes))
}

fn content_hash(path: &Path) -> io::Result<u64> {
    Ok(xxh3_64(&fs::read(path)?))
}

/// A hash of the corpus built into nkread: a build with other bundled
/// documents does not read another build's copy.
fn bundled_hash() -> u64 {
    let mut hasher = Xxh3::new();
    for file in super::bundled_files() {
        hasher.update(file.name.as_bytes());
        hasher.update(&[0]);
        hasher.update(file.text.as_bytes());
    }
    hasher.update(super::bundled::ENTITIES.as_bytes());
    hasher.digest()
}

/// Where a body's bytes go as they are made.
pub type Out<'o> = &'o mut dyn FnMut(&[u8]) -> io::Result<()>;

/// A cache file's body, handed to `Out` piece by piece.
type Made<'b> = &'b dyn Fn(Out) -> io::Result<()>;

/// Writes a new cache file at `path` (the caller holds the lock), `write`
/// making it: to a temp file beside it, synced, then renamed over the old
/// one. Stopped, the temp file is removed and the old file stays.
fn replace(
    path: &Path,
    write: impl FnOnce(File) -> io::Result<u64>,
    stop: &AtomicBool,
) -> io::Result<(Stored, Option<u64>)> {
    durable::remove_stale_temps(path);
    let (temp, file) = durable::create_temp(path, durable::PRIVATE)?;
    match write(file) {
        Ok(sum) => durable::commit(&temp, path).map(|()| (Stored::Written(path.into()), Some(sum))),
        Err(e) => {
            let _ = fs::remove_file(&temp);
            match stop.load(Ordering::Relaxed) {
                true => Ok((Stored::Stopped, None)),
                false => Err(e),
            }
        }
    }
}

/// The corpus at `paths` (beside the bundled one): from the cache where it
/// holds a current copy, a glimpse first; else loaded from its files,
/// keeping every document that loads (see [`Corpus::load_all`]) with the
/// problems that kept the others out, and the copy to write of it. No
/// cache is used for the bundled corpus alone: it is built into nkread. A
/// corpus that lacks a file is never cached: opened from the cache, it
/// would no longer say so.
pub fn open_from(cache: Option<&Cache>, paths: &[PathBuf]) -> Opened {
    let Some(cache) = cache.filter(|_| !paths.is_empty()) else {
        let (corpus, problems) = Corpus::load_all(paths);
        return Opened::Whole(corpus, problems, None);
    };
    if let Ok((summaries, glimpse)) = Glimpse::open(cache, paths) {
        return Opened::Glimpse(summaries, glimpse);
    }
    let (corpus, source, problems) = glimpse::from_files(paths);
    let pending = source.map(|source| Pending {
        cache: cache.clone(),
        paths: paths.to_vec(),
        source,
    });
    Opened::Whole(corpus, problems, pending)
}

#[cfg(test)]
pub(crate) mod tests;
