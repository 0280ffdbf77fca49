//! The corpus copy's file, laid out so that a first frame reads only its
//! front: a header; the head (nkread's version, the corpus files, the
//! entities and each document's summary); the documents whole, in chunks
//! of a few dozen; and the tail, each chunk's document count, length and
//! checksum. The header holds the head's and the tail's lengths and
//! checksums. A first frame checks the head, the tail and the chunks of
//! the documents it shows in full; the other chunks are checked as they
//! are decoded, after it, and a chunk that fails means the corpus is
//! loaded from its files instead.

use super::codec::{self, Corrupt, Reader};
use super::{FORMAT, MAGIC, Miss};
use crate::corpus::Document;
use crate::corpus::mapped::{Map, let_go};
use memmap2::Mmap;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{self, Write};
use std::os::unix::fs::FileExt;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use xxhash_rust::xxh3::xxh3_64;

/// Magic, format, reserved, the file's length, the head's length and
/// checksum, the tail's.
pub(super) const HEADER: usize = 8 + 4 + 4 + 5 * 8;

/// A chunk closes once it holds this many bytes or documents: one decodes
/// in about a millisecond for the first frame, and the tail stays small.
const CHUNK_BYTES: usize = 1 << 20;
const CHUNK_DOCS: usize = 64;

/// How many documents are encoded at once, on all cores, before their
/// bytes are written: the copy is written as it is made, never held whole.
const BATCH: usize = 4096;

/// One chunk as the tail lists it, with where it starts in the file and
/// its first document.
#[derive(Debug, Clone, Copy)]
struct Chunk {
    start: usize,
    len: usize,
    first: usize,
    docs: usize,
    sum: u64,
}

/// A corpus copy mapped, its header, head and tail checked.
#[derive(Debug, Clone)]
pub(super) struct Copy {
    /// Shared with the paragraphs read in place from it.
    map: Map,
    head_len: usize,
    chunks: Vec<Chunk>,
    /// Names this copy: a checksum of its header, which holds the head's
    /// and the tail's checksums, which hold every chunk's.
    sum: u64,
}

impl Copy {
    /// The copy at `path`, mapped; its header, head and tail checked, its
    /// chunks not yet.
    pub(super) fn map(path: &Path) -> Result<Copy, Miss> {
        let file = match File::open(path) {
            Ok(file) => file,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(Miss::Absent),
            Err(e) => return Err(Miss::Unreadable(e.to_string())),
        };
        // SAFETY: the map is read-only. nkread never writes a cache file
        // in place: a new copy is a new file renamed over the old, so the
        // file mapped here keeps its bytes for as long as it is mapped,
        // which is as long as a paragraph read in place from it lives (a
        // file cut by hand under a running nkread could still fault at a
        // read of a paragraph; that is outside what nkread does).
        let map = unsafe { Mmap::map(&file) }.map_err(|e| Miss::Unreadable(e.to_string()))?;
        let corrupt = |Corrupt(what)| Miss::Corrupt(what);
        let header = map.get(..HEADER).ok_or(Miss::Corrupt("cut short"))?;
        if &header[..8] != MAGIC {
            return Err(Miss::Corrupt("not a cache file"));
        }
        let mut r = Reader::new(&header[8..]);
        if r.u32().map_err(corrupt)? != FORMAT {
            return Err(Miss::OtherVersion);
        }
        let _reserved = r.u32().map_err(corrupt)?;
        let mut field = || r.u64().map_err(corrupt);
        let (length, head_len, head_sum) = (field()?, field()?, field()?);
        let (tail_len, tail_sum) = (field()?, field()?);
        if length != map.len() as u64 {
            return Err(Miss::Corrupt("cut short or too long"));
        }
        let size = |n: u64| usize::try_from(n).map_err(|_| Miss::Corrupt("a length"));
        let (head_len, tail_len) = (size(head_len)?, size(tail_len)?);
        let tail_at = map
            .len()
            .checked_sub(tail_len)
            .filter(|&at| HEADER.checked_add(head_len).is_some_and(|end| end <= at))
            .ok_or(Miss::Corrupt("a length"))?;
        if xxh3_64(&map[HEADER..HEADER + head_len]) != head_sum {
            return Err(Miss::Corrupt("checksum of the head"));
        }
        let tail = &map[tail_at..];
        if xxh3_64(tail) != tail_sum {
            return Err(Miss::Corrupt("checksum of the tail"));
        }
        let chunks = chunks(tail, HEADER + head_len, tail_at).map_err(corrupt)?;
        let sum = xxh3_64(header);
        Ok(Copy {
            map: Map::new(map),
            head_len,
            chunks,
            sum,
        })
    }

    pub(super) fn head(&self) -> &[u8] {
        &self.map[HEADER..HEADER + self.head_len]
    }

    pub(super) fn sum(&self) -> u64 {
        self.sum
    }

    pub(super) fn documents(&self) -> usize {
        self.chunks.last().map_or(0, |c| c.first + c.docs)
    }

    /// The most paragraphs the chunks could hold: each takes at least its
    /// length's eight bytes.
    pub(super) fn paragraphs_at_most(&self) -> usize {
        self.chunks.iter().map(|c| c.len / 8).sum()
    }

    /// Documents `ds` whole, each with its number, from their chunks once
    /// each chunk's checksum holds: a chunk is checksummed once however
    /// many of them it holds (a reader's bookmarks may fall many to a
    /// chunk), only they are decoded, the others passed over, and the
    /// chunks are read on all cores (a query's hits may fall one to a
    /// chunk).
    pub(super) fn documents_at(
        &self,
        ds: &[usize],
        entities: usize,
    ) -> Result<Vec<(usize, Document)>, Miss> {
        let mut by_chunk: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
        for &d in ds {
            let at = self.chunks.partition_point(|c| c.first + c.docs <= d);
            by_chunk.entry(at).or_default().insert(d);
        }
        let read = |(at, wanted): (usize, BTreeSet<usize>)| {
            let chunk = self.chunks.get(at).ok_or(Miss::Corrupt("a document"))?;
            let read = self.decoded(chunk, entities, &|i| wanted.contains(&(chunk.first + i)))?;
            match read.len() == wanted.len() {
                true => Ok(read
                    .into_iter()
                    .map(|(i, doc)| (chunk.first + i, doc))
                    .collect()),
                false => Err(Miss::Corrupt("a document")),
            }
        };
        let read: Vec<Vec<(usize, Document)>> = by_chunk
            .into_par_iter()
            .map(read)
            .collect::<Result<_, _>>()?;
        Ok(read.into_iter().flatten().collect())
    }

    /// Every document, chunk by chunk on all cores, each chunk checked
    /// before it is decoded and its pages let go once it is: the map and
    /// the corpus it becomes are not resident whole at once. `pass` is
    /// called before each chunk, and may wait.
    pub(super) fn all_documents(
        &self,
        entities: usize,
        pass: &(dyn Fn() + Sync),
    ) -> Result<Vec<Document>, Miss> {
        let chunks: Vec<Vec<(usize, Document)>> = self
            .chunks
            .par_iter()
            .map(|chunk| {
                pass();
                let docs = self.decoded(chunk, entities, &|_| true);
                self.let_go(chunk);
                docs
            })
            .collect::<Result<_, _>>()?;
        Ok(chunks.into_iter().flatten().map(|(_, doc)| doc).collect())
    }

    /// The documents of `chunk` `wanted` by their place in it, once its
    /// checksum holds.
    fn decoded(
        &self,
        chunk: &Chunk,
        entities: usize,
        wanted: &dyn Fn(usize) -> bool,
    ) -> Result<Vec<(usize, Document)>, Miss> {
        let bytes = &self.map[chunk.start..chunk.start + chunk.len];
        if xxh3_64(bytes) != chunk.sum {
            return Err(Miss::Corrupt("checksum of a chunk"));
        }
        let in_map = Some((&self.map, chunk.start));
        codec::decode_chunk(bytes, chunk.docs, entities, in_map, wanted)
            .map_err(|Corrupt(what)| Miss::Corrupt(what))
    }

    fn let_go(&self, chunk: &Chunk) {
        let _ = let_go(&self.map, chunk.start..chunk.start + chunk.len);
    }
}

/// The tail's chunks, which must fill the bytes from `start` to `end`.
fn chunks(tail: &[u8], start: usize, end: usize) -> Result<Vec<Chunk>, Corrupt> {
    let mut r = Reader::new(tail);
    let count = r.len(3 * 8)?;
    let mut chunks = Vec::with_capacity(count);
    let (mut at, mut first) = (start, 0usize);
    for _ in 0..count {
        let docs = usize::try_from(r.u64()?).map_err(|_| Corrupt("a chunk"))?;
        let len = usize::try_from(r.u64()?).map_err(|_| Corrupt("a chunk"))?;
        let sum = r.u64()?;
        let next = at.checked_add(len).filter(|&n| n <= end);
        let (Some(next), Some(after)) = (next, first.checked_add(docs)) else {
            return Err(Corrupt("a chunk"));
        };
        chunks.push(Chunk {
            start: at,
            len,
            first,
            docs,
            sum,
        });
        (at, first) = (next, after);
    }
    match at == end {
        true => Ok(chunks),
        false => Err(Corrupt("bytes between chunks")),
    }
}

/// Writes the copy of `documents`, whose head is `head`, to `file`: the
/// header's place, the head, the chunks as they are made, the tail, then
/// the header, and syncs. Stops at the next chunk once `stop` is set.
/// The copy's checksum, as [`Copy::sum`] reads it.
pub(super) fn write(
    file: File,
    head: &[u8],
    documents: &[Document],
    stop: &AtomicBool,
) -> io::Result<u64> {
    let stopped = || match stop.load(Ordering::Relaxed) {
        true => Err(io::Error::new(io::ErrorKind::Interrupted, "stopped")),
        false => Ok(()),
    };
    stopped()?;
    let mut to = io::BufWriter::with_capacity(1 << 20, file);
    to.write_all(&[0; HEADER])?;
    to.write_all(head)?;
    let mut tail = Vec::new();
    let mut chunk = Vec::new();
    let (mut count, mut docs, mut chunks) = (0usize, 0usize, 0usize);
    let mut close = |chunk: &mut Vec<u8>, docs: &mut usize, to: &mut io::BufWriter<File>| {
        codec::put_len(&mut tail, *docs);
        codec::put_len(&mut tail, chunk.len());
        tail.extend_from_slice(&xxh3_64(chunk).to_le_bytes());
        count += 1;
        chunks += chunk.len();
        let written = to.write_all(chunk);
        chunk.clear();
        *docs = 0;
        written
    };
    for batch in documents.chunks(BATCH) {
        stopped()?;
        for doc in codec::encode_documents(batch) {
            chunk.extend_from_slice(&doc);
            docs += 1;
            if chunk.len() >= CHUNK_BYTES || docs == CHUNK_DOCS {
                close(&mut chunk, &mut docs, &mut to)?;
                stopped()?;
            }
        }
    }
    if docs > 0 {
        close(&mut chunk, &mut docs, &mut to)?;
    }
    let mut counted = Vec::with_capacity(8 + tail.len());
    codec::put_len(&mut counted, count);
    counted.extend_from_slice(&tail);
    to.write_all(&counted)?;
    let length = HEADER + head.len() + chunks + counted.len();
    let mut header = Vec::with_capacity(HEADER);
    header.extend_from_slice(MAGIC);
    header.extend_from_slice(&FORMAT.to_le_bytes());
    header.extend_from_slice(&0u32.to_le_bytes());
    header.extend_from_slice(&(length as u64).to_le_bytes());
    for part in [head, &counted] {
        header.extend_from_slice(&(part.len() as u64).to_le_bytes());
        header.extend_from_slice(&xxh3_64(part).to_le_bytes());
    }
    let file = to.into_inner().map_err(io::IntoInnerError::into_error)?;
    file.write_all_at(&header, 0)?;
    file.sync_all()?;
    Ok(xxh3_64(&header))
}
