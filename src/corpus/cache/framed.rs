//! The search index's copy on disk: a header (magic, format, a reserved
//! word, the body's length and checksum) and the body. The checksum is of the checksums of
//! the body's 16 MiB pieces, so that a second open checks the pieces on
//! all cores: at a million paragraphs the copy is 314 MB, and checking it
//! on one core took most of reading it.

use super::codec::{Corrupt, Reader};
use super::{FORMAT, MAGIC, Made, Map, Miss};
use crate::corpus::mapped::let_go;
use memmap2::{Mmap, MmapOptions};
use rayon::prelude::*;
use std::fs::File;
use std::io::{self, Write};
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

/// The header: magic, format, reserved, the body's length, its checksum.
const HEADER: usize = 8 + 4 + 4 + 8 + 8;

/// The pieces the body is checksummed in, each on a core; their pages are
/// let go once checksummed. Small in tests, so that bodies of a few
/// pieces are small.
const PIECE: usize = if cfg!(test) { 4096 } else { 16 << 20 };

/// The body's checksum, from its pieces' checksums in order.
fn of_pieces(sums: impl IntoIterator<Item = u64>) -> u64 {
    let bytes: Vec<u8> = sums.into_iter().flat_map(u64::to_le_bytes).collect();
    xxh3_64(&bytes)
}

/// The body of an index copy whose header, length and checksum hold; the
/// map's pages let go as they are checksummed.
fn checked(map: &Mmap) -> Result<&[u8], Miss> {
    let bytes: &[u8] = map;
    let header = bytes.get(..HEADER).ok_or(Miss::Corrupt("cut short"))?;
    if &header[..8] != MAGIC {
        return Err(Miss::Corrupt("not a cache file"));
    }
    let mut r = Reader::new(&header[8..]);
    let format = r.u32().map_err(|Corrupt(w)| Miss::Corrupt(w))?;
    if format != FORMAT {
        return Err(Miss::OtherVersion);
    }
    let _reserved = r.u32();
    let (Ok(length), Ok(sum)) = (r.u64(), r.u64()) else {
        return Err(Miss::Corrupt("cut short"));
    };
    let body = &bytes[HEADER..];
    if body.len() as u64 != length {
        return Err(Miss::Corrupt("cut short or too long"));
    }
    let sums: Vec<u64> = body
        .par_chunks(PIECE)
        .enumerate()
        .map(|(n, piece)| {
            let sum = xxh3_64(piece);
            let start = HEADER + n * PIECE;
            let _ = let_go(map, start..start + piece.len());
            sum
        })
        .collect();
    if of_pieces(sums) != sum {
        return Err(Miss::Corrupt("checksum"));
    }
    Ok(body)
}

/// Writes header and body to `file`, hashing the body as it goes, then the
/// header again with its length and checksum, and syncs: the checksum.
pub(super) fn write_file(file: File, body: Made, stop: &AtomicBool) -> io::Result<u64> {
    let mut out = Body {
        to: io::BufWriter::with_capacity(1 << 20, file),
        piece: Xxh3::new(),
        in_piece: 0,
        sums: Vec::new(),
        stop,
    };
    out.to.write_all(&[0; HEADER])?;
    body(&mut |bytes: &[u8]| out.write(bytes))?;
    let length = (out.sums.len() * PIECE + out.in_piece) as u64;
    if out.in_piece > 0 {
        out.sums.push(out.piece.digest());
    }
    let sum = of_pieces(std::mem::take(&mut out.sums));
    let mut header = Vec::with_capacity(HEADER);
    header.extend_from_slice(MAGIC);
    header.extend_from_slice(&FORMAT.to_le_bytes());
    header.extend_from_slice(&0u32.to_le_bytes());
    header.extend_from_slice(&length.to_le_bytes());
    header.extend_from_slice(&sum.to_le_bytes());
    let file = out
        .to
        .into_inner()
        .map_err(io::IntoInnerError::into_error)?;
    file.write_all_at(&header, 0)?;
    file.sync_all()?;
    Ok(sum)
}

/// `read` of the body of the index copy at `path`, once its header,
/// length and checksum hold, with the map and where the body
/// starts in it, and what lets the map's pages go as it reads: up to an
/// offset into the body, once it reads no further back.
pub(super) fn mapped<T>(
    path: &Path,
    read: impl FnOnce(&[u8], (&Map, usize), &mut dyn FnMut(usize)) -> Result<T, Miss>,
) -> Result<T, Miss> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(Miss::Absent),
        Err(e) => return Err(Miss::Unreadable(e.to_string())),
    };
    // SAFETY: the map is read-only. nkread never writes a cache file in
    // place: a new copy is a new file renamed over the old, so the file
    // mapped here keeps its bytes for as long as it is mapped, which is
    // as long as a list read in place from it lives (a file cut by hand
    // under a running nkread could still fault; that is outside what
    // nkread does).
    let map =
        unsafe { MmapOptions::new().map(&file) }.map_err(|e| Miss::Unreadable(e.to_string()))?;
    let map = Map::new(map);
    let body = checked(&map)?;
    let mut released = HEADER;
    let mut release = |upto: usize| {
        let to = HEADER.saturating_add(upto);
        if to > released {
            let _ = let_go(&map, released..to);
            released = to;
        }
    };
    read(body, (&map, HEADER), &mut release)
}

/// The body as it is written: its bytes hashed, piece by piece.
struct Body<'a> {
    to: io::BufWriter<File>,
    /// The piece being written: its hash so far, and how many bytes it has.
    piece: Xxh3,
    in_piece: usize,
    /// The checksums of the pieces written whole.
    sums: Vec<u64>,
    /// Looked at before each write: a stop costs at most one write.
    stop: &'a AtomicBool,
}

impl Body<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        if self.stop.load(Ordering::Relaxed) {
            return Err(io::Error::new(io::ErrorKind::Interrupted, "stopped"));
        }
        self.to.write_all(bytes)?;
        let mut rest = bytes;
        while !rest.is_empty() {
            let (into, after) = rest.split_at((PIECE - self.in_piece).min(rest.len()));
            self.piece.update(into);
            self.in_piece += into.len();
            if self.in_piece == PIECE {
                self.sums.push(self.piece.digest());
                self.piece.reset();
                self.in_piece = 0;
            }
            rest = after;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    /// Writes `body` in writes of `step` bytes, as a cache file at `path`.
    fn written(path: &Path, body: &[u8], step: usize) -> u64 {
        let file = File::create(path).expect("a file");
        let made = |out: super::super::Out| body.chunks(step).try_for_each(out);
        write_file(file, &made, &AtomicBool::new(false)).expect("written")
    }

    fn read(path: &Path) -> Result<Vec<u8>, Miss> {
        mapped(path, |body, _, _| Ok(body.to_vec()))
    }

    #[test]
    fn a_body_is_checked_piece_by_piece_whatever_its_length_and_writes() {
        let dir = tempfile::tempdir().expect("a directory");
        let (path, again) = (dir.path().join("copy"), dir.path().join("again"));
        for len in [0, 1, PIECE - 1, PIECE, 2 * PIECE, 3 * PIECE + 17] {
            let body: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            let sum = written(&path, &body, PIECE / 3 + 1);
            assert_eq!(sum, of_pieces(body.chunks(PIECE).map(xxh3_64)), "{len}");
            assert_eq!(read(&path), Ok(body.clone()), "{len}");
            // Written in other steps, the same file.
            for step in [1, PIECE, 2 * PIECE + 5] {
                assert_eq!(written(&again, &body, step), sum, "{len} by {step}");
                assert_eq!(
                    fs::read(&again).ok(),
                    fs::read(&path).ok(),
                    "{len} by {step}"
                );
            }
            // A byte flipped in any piece is found.
            for at in (0..len).step_by(PIECE / 2 + 7) {
                let mut damaged = fs::read(&path).expect("the copy");
                damaged[HEADER + at] ^= 0x10;
                fs::write(&again, &damaged).expect("damaged");
                assert_eq!(
                    read(&again),
                    Err(Miss::Corrupt("checksum")),
                    "{len} at {at}"
                );
            }
        }
    }
}
