//! A cache file mapped read-only, shared by everything read in place from
//! it, and the means to drop its pages from memory once they are read.

use memmap2::{Mmap, UncheckedAdvice};
use std::io;
use std::ops::Range;
use std::sync::Arc;

/// A map of a cache file, shared: the texts read in place from it keep it
/// mapped for as long as any of them lives.
pub type Map = Arc<Mmap>;

/// Drops the pages holding `bytes` of `map` from this process's memory,
/// and those a read of them mapped besides: they are the file's, faulted
/// in again from the page cache if they are touched again, so dropping one
/// a neighbour still reads costs a fault, never a byte. A map and what is
/// read from it are then not resident whole at once. Callers may ignore
/// the error: a page not dropped only stays resident.
pub fn let_go(map: &Mmap, bytes: Range<usize>) -> io::Result<()> {
    let around = AROUND.max(page_size());
    let from = bytes.start / around * around;
    // Never past the map's end (the kernel drops its last page whole).
    let to = (bytes.end.div_ceil(around) * around).min(map.len());
    if to <= from {
        return Ok(());
    }
    // SAFETY: the map is a read-only shared map of a file nkread never
    // writes in place: pages dropped are read again from the file,
    // unchanged, if anything reads them later.
    unsafe { map.unchecked_advise_range(UncheckedAdvice::DontNeed, from, to - from) }
}

/// A read of one page of a file's map maps pages around it too: Linux's
/// fault-around (64 KB unless tuned) and, where the page cache holds the
/// file in large folios, the whole folio, up to 2 MB. After a pass over a
/// million paragraphs read in place, letting go of each text's own pages
/// left 529 MB of 583 resident; of their 64 KB, 348 MB; of their 2 MB,
/// none.
const AROUND: usize = 2 << 20;

fn page_size() -> usize {
    // SAFETY: sysconf takes no pointer.
    let size = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    usize::try_from(size)
        .ok()
        .filter(|&s| s > 0)
        .unwrap_or(4096)
}

/// Bytes owned, or read in place from a map: a search index read from
/// its copy reads its packed lists, most of its bytes, where they lie.
#[derive(Clone)]
pub enum Bytes {
    Owned(Vec<u8>),
    InMap { map: Map, at: usize, len: usize },
}

impl Bytes {
    /// The bytes at `range` of `map`, or None past its end.
    pub fn in_map(map: &Map, range: Range<usize>) -> Option<Bytes> {
        let len = map.get(range.clone())?.len();
        Some(Bytes::InMap {
            map: Map::clone(map),
            at: range.start,
            len,
        })
    }
}

impl std::ops::Deref for Bytes {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match self {
            Bytes::Owned(bytes) => bytes,
            Bytes::InMap { map, at, len } => map.get(*at..at + len).unwrap_or_default(),
        }
    }
}

impl Default for Bytes {
    fn default() -> Bytes {
        Bytes::Owned(Vec::new())
    }
}

impl From<Vec<u8>> for Bytes {
    fn from(bytes: Vec<u8>) -> Bytes {
        Bytes::Owned(bytes)
    }
}

impl PartialEq for Bytes {
    fn eq(&self, other: &Bytes) -> bool {
        **self == **other
    }
}

impl Eq for Bytes {}

impl std::fmt::Debug for Bytes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let place = if matches!(self, Bytes::InMap { .. }) {
            "in place"
        } else {
            "owned"
        };
        write!(f, "{} bytes {place}", self.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bytes of `map` resident in this process, from /proc/self/smaps.
    fn resident(map: &Mmap) -> usize {
        let smaps = std::fs::read_to_string("/proc/self/smaps").expect("smaps");
        let at = map.as_ptr() as usize;
        let mut ours = false;
        for line in smaps.lines() {
            let range = line.split_whitespace().next().unwrap_or_default();
            if let Some((from, to)) = range.split_once('-')
                && let (Ok(from), Ok(to)) = (
                    usize::from_str_radix(from, 16),
                    usize::from_str_radix(to, 16),
                )
            {
                ours = (from..to).contains(&at);
            } else if ours && let Some(kb) = line.strip_prefix("Rss:") {
                let kb = kb.trim().trim_end_matches("kB").trim();
                return kb.parse::<usize>().expect("a size") * 1024;
            }
        }
        panic!("the map is not in /proc/self/smaps");
    }

    /// Pages let go leave this process and are read again from the file,
    /// unchanged, whatever the range: inside a page, across the 2 MB
    /// windows, to the end of a map whose length is not a whole number of
    /// pages, past it.
    #[test]
    fn pages_let_go_leave_memory_and_read_the_same_again() {
        if !std::path::Path::new("/proc/self/smaps").exists() {
            eprintln!("skipped: no /proc/self/smaps to read residency from");
            return;
        }
        let dir = tempfile::tempdir().expect("a directory");
        let path = dir.path().join("bytes");
        let bytes: Vec<u8> = (0..5_000_123u32).map(|i| (i * 7 % 251) as u8).collect();
        std::fs::write(&path, &bytes).expect("written");
        let file = std::fs::File::open(&path).expect("opened");
        // SAFETY: the file is this test's own and is not written again.
        let map = unsafe { Mmap::map(&file) }.expect("mapped");
        assert_eq!(&map[..], &bytes[..]);
        assert!(resident(&map) >= bytes.len(), "read whole");
        let_go(&map, 10..20).expect("inside a page");
        let_go(&map, 3_000_000..map.len() + 4096).expect("past the end");
        assert!(resident(&map) <= 2 << 20, "the last windows let go");
        let_go(&map, 0..map.len()).expect("all of it");
        assert_eq!(resident(&map), 0);
        assert_eq!(&map[..], &bytes[..], "read again, whole");
        let_go(&map, 0..100).expect("a map's first bytes");
        let left = resident(&map);
        assert!(
            left <= bytes.len() + 4096 - (2 << 20),
            "its first window: {left}"
        );
    }
}
