//! A copy of the search index beside the corpus's copy, so that a second
//! open has search ready without splitting every paragraph into words
//! again. It is bound to the corpus copy it was built from: its body
//! starts with that copy's checksum, and it is read only beside a corpus
//! opened from that very copy. The bytes are the search index's own
//! (`SearchIndex::encode`), which name the rules it was built by and are
//! checked as they decode and as they are read; this module keeps them
//! safe on disk as the corpus copy is kept.

use super::framed::{mapped, write_file};
use super::{Cache, Made, Map, Miss, Out, Stored, durable, replace};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

/// The copy of the search index's extension.
const EXTENSION: &str = "nki";

/// The search index's bytes, made on the thread that writes them.
pub type IndexBytes = Box<dyn Fn(Out) -> io::Result<()> + Send>;

/// The file of the index copy for `paths`: the corpus copy's, renamed.
pub(super) fn file_for(cache: &Cache, paths: &[PathBuf]) -> PathBuf {
    cache.file_for(paths).with_extension(EXTENSION)
}

/// Writes the index `bytes` built from the corpus copy of checksum `copy`
/// for `paths`, as the corpus copy is written; the caller holds the lock.
pub(super) fn store_until(
    cache: &Cache,
    paths: &[PathBuf],
    copy: u64,
    bytes: Made,
    stop: &AtomicBool,
) -> io::Result<Stored> {
    durable::ensure_dir(cache.dir())?;
    let body = |out: Out| {
        out(&copy.to_le_bytes())?;
        bytes(out)
    };
    let write = |file| write_file(file, &body, stop);
    replace(&file_for(cache, paths), write, stop).map(|(stored, _)| stored)
}

/// Reads the copy of the search index beside a corpus opened from its copy.
#[derive(Debug, Clone)]
pub struct IndexOpener {
    file: PathBuf,
    /// The checksum of the corpus copy the corpus was opened from.
    copy: u64,
}

impl IndexOpener {
    pub(super) fn new(cache: &Cache, paths: &[PathBuf], copy: u64) -> IndexOpener {
        IndexOpener {
            file: file_for(cache, paths),
            copy,
        }
    }

    /// The index `decode` makes of the copy's bytes, if the copy is whole
    /// and was built from the corpus copy opened; else why not.
    pub fn open<T>(&self, decode: impl FnOnce(&[u8]) -> Option<T>) -> Result<T, Miss> {
        open(&self.file, self.copy, |bytes, _, _| decode(bytes))
    }

    /// As [`IndexOpener::open`], `decode` given the map the bytes lie in
    /// and where they start in it, to read parts in place, and telling how
    /// far it has read (see `SearchIndex::decode_releasing`), so that the
    /// copy's pages already decoded leave memory while the rest is.
    pub fn open_releasing<T>(
        &self,
        decode: impl FnOnce(&[u8], (&Map, usize), &mut dyn FnMut(usize)) -> Option<T>,
    ) -> Result<T, Miss> {
        open(&self.file, self.copy, decode)
    }
}

pub(super) fn open<T>(
    file: &Path,
    copy: u64,
    decode: impl FnOnce(&[u8], (&Map, usize), &mut dyn FnMut(usize)) -> Option<T>,
) -> Result<T, Miss> {
    mapped(file, |body, (map, at), release| {
        let (built_from, index) = body.split_at_checked(8).ok_or(Miss::Corrupt("cut short"))?;
        if built_from != copy.to_le_bytes() {
            return Err(Miss::Stale);
        }
        // The index's offsets are of its own bytes, after the 8 of the copy.
        let mut release = |upto: usize| release(upto + 8);
        decode(index, (map, at + 8), &mut release).ok_or(Miss::Corrupt("not a search index"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn bytes(text: &'static [u8]) -> impl Fn(Out) -> io::Result<()> {
        move |out: Out| out(text)
    }

    #[test]
    fn an_index_copy_is_read_only_beside_the_corpus_copy_it_was_built_from() {
        let home = tempfile::tempdir().expect("a home");
        let cache = Cache::in_dir(home.path().join("cache"));
        let paths = vec![home.path().join("corpus")];
        let stop = AtomicBool::new(false);
        let stored = store_until(&cache, &paths, 7, &bytes(b"the index"), &stop);
        assert!(matches!(stored, Ok(Stored::Written(_))), "{stored:?}");
        let read = |copy| IndexOpener::new(&cache, &paths, copy).open(|b| Some(b.to_vec()));
        assert_eq!(read(7), Ok(b"the index".to_vec()));
        assert_eq!(read(8), Err(Miss::Stale), "another corpus copy");
        // A flipped byte, a cut: never trusted.
        let file = file_for(&cache, &paths);
        let mut damaged = fs::read(&file).expect("the copy");
        let last = damaged.len() - 1;
        damaged[last] ^= 1;
        fs::write(&file, &damaged).expect("damaged");
        assert_eq!(read(7), Err(Miss::Corrupt("checksum")));
        fs::write(&file, &damaged[..20]).expect("cut");
        assert_eq!(read(7), Err(Miss::Corrupt("cut short")));
        // Bytes that do not decode are refused too.
        store_until(&cache, &paths, 7, &bytes(b"x"), &stop).expect("written");
        let refused = IndexOpener::new(&cache, &paths, 7).open(|_| None::<()>);
        assert_eq!(refused, Err(Miss::Corrupt("not a search index")));
    }

    #[test]
    fn a_stopped_index_copy_leaves_no_file() {
        let home = tempfile::tempdir().expect("a home");
        let cache = Cache::in_dir(home.path().join("cache"));
        let paths = vec![home.path().join("corpus")];
        let stored = store_until(&cache, &paths, 7, &bytes(b"i"), &AtomicBool::new(true));
        assert!(matches!(stored, Ok(Stored::Stopped)), "{stored:?}");
        let left = fs::read_dir(cache.dir()).expect("the directory").flatten();
        assert!(
            !left
                .into_iter()
                .any(|e| e.file_name().to_string_lossy().contains("corpus-"))
        );
    }
}
