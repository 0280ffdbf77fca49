//! The loaded corpus as bytes and back: a length-prefixed layout of our own
//! (little-endian integers, strings as a length and UTF-8). Documents sit
//! behind a table of offsets so that they decode on all cores. Decoding
//! checks every length, tag and entity id: the checksum says the bytes are
//! the ones written, and the decoder still never trusts them.

use crate::corpus::entities::Entities;
use crate::corpus::model::{DocKind, Document, PartialDate, Person, PersonKind, Role};
use crate::corpus::{Corpus, Entity};
use rayon::prelude::*;
use std::io;

/// Why bytes do not decode: the cache is then rebuilt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corrupt(pub &'static str);

/// How many documents are encoded at once, on all cores, before their
/// bytes are handed on: the copy is written as it is made, never held whole.
const BATCH: usize = 4096;

/// Hands the corpus's bytes to `out`, in order: the entities, each
/// document, then where each document ends and how many there are.
pub fn encode(corpus: &Corpus, out: &mut dyn FnMut(&[u8]) -> io::Result<()>) -> io::Result<()> {
    let mut head = Vec::new();
    let (list, keys) = corpus.entities.parts();
    put_len(&mut head, list.len());
    for entity in list {
        put_str(&mut head, &entity.id);
        put_str(&mut head, &entity.name);
        put_u8(&mut head, tag(&PersonKind::ALL, entity.kind));
        put_strs(&mut head, &entity.aliases);
        put_strs(&mut head, &entity.acronyms);
        put_strs(&mut head, &entity.distinct_from);
        put_u8(&mut head, u8::from(entity.curated));
    }
    put_len(&mut head, keys.len());
    for ((kind, key), index) in &keys {
        put_u8(&mut head, tag(&PersonKind::ALL, *kind));
        put_str(&mut head, key);
        put_len(&mut head, *index);
    }
    out(&head)?;
    let mut ends = Vec::with_capacity(corpus.documents.len() * 8 + 8);
    let mut end = 0u64;
    for batch in corpus.documents.chunks(BATCH) {
        let docs: Vec<Vec<u8>> = batch
            .par_iter()
            .map(|doc| {
                let mut bytes = Vec::new();
                put_document(&mut bytes, doc);
                bytes
            })
            .collect();
        for doc in docs {
            end += doc.len() as u64;
            ends.extend_from_slice(&end.to_le_bytes());
            out(&doc)?;
        }
    }
    put_len(&mut ends, corpus.documents.len());
    out(&ends)
}

/// The corpus `encode` wrote, read from `r` to the end of its bytes.
pub fn decode(r: &mut Reader) -> Result<Corpus, Corrupt> {
    let count = r.len(MIN_ENTITY)?;
    let mut list = Vec::with_capacity(count);
    for _ in 0..count {
        list.push(Entity {
            id: r.string()?,
            name: r.string()?,
            kind: r.tagged(&PersonKind::ALL)?,
            aliases: r.strings()?,
            acronyms: r.strings()?,
            distinct_from: r.strings()?,
            curated: r.flag()?,
        });
    }
    let count = r.len(MIN_KEY)?;
    let mut keys = Vec::with_capacity(count);
    for _ in 0..count {
        let kind = r.tagged(&PersonKind::ALL)?;
        let key = r.string()?;
        let index = r.index(list.len())?;
        keys.push(((kind, key), index));
    }
    let entities = Entities::from_parts(list, keys).ok_or(Corrupt("entity keys"))?;
    // The documents, then their ends, then their count.
    let rest = r.rest();
    let split = rest.len().checked_sub(8).ok_or(Corrupt("cut short"))?;
    let count = Reader::new(&rest[split..]).u64()?;
    let table = usize::try_from(count)
        .ok()
        .and_then(|n| n.checked_mul(8))
        .filter(|&t| t <= split)
        .ok_or(Corrupt("a document count"))?;
    let (docs, table) = rest[..split].split_at(split - table);
    let mut spans = Vec::with_capacity(table.len() / 8);
    let mut start = 0usize;
    let mut ends = Reader::new(table);
    for _ in 0..table.len() / 8 {
        let end = usize::try_from(ends.u64()?).map_err(|_| Corrupt("document offsets"))?;
        if end < start || end > docs.len() {
            return Err(Corrupt("document offsets"));
        }
        spans.push((start, end));
        start = end;
    }
    if start != docs.len() {
        return Err(Corrupt("bytes between documents"));
    }
    let entity_count = entities.len();
    let documents = spans
        .into_par_iter()
        .map(|(from, to)| {
            let mut r = Reader::new(&docs[from..to]);
            let doc = r.document(entity_count)?;
            match r.at == to - from {
                true => Ok(doc),
                false => Err(Corrupt("a document's length")),
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Corpus {
        documents,
        entities,
    })
}

/// The fewest bytes an entity and a name key take, so that a count read
/// from a corrupt file cannot ask for more memory than the file could fill.
const MIN_ENTITY: usize = 8 + 8 + 1 + 8 + 8 + 8 + 1;
const MIN_KEY: usize = 1 + 8 + 8;

fn put_document(out: &mut Vec<u8>, doc: &Document) {
    put_str(out, &doc.id);
    put_str(out, &doc.title);
    put_u8(out, u8::from(doc.title_supplied));
    put_opt(out, doc.subtitle.as_deref());
    put_date(out, doc.date);
    put_opt(out, doc.date_note.as_deref());
    put_date(out, doc.inferred_date);
    put_opt(out, doc.inferred_date_reason.as_deref());
    put_u8(out, tag(&DocKind::ALL, doc.kind));
    put_opt(out, doc.place.as_deref());
    put_opt(out, doc.posted_by.as_deref());
    put_opt(out, doc.url.as_deref());
    put_opt(out, doc.publisher.as_deref());
    put_date(out, doc.accessed);
    put_opt(out, doc.curator_note.as_deref());
    put_strs(out, &doc.tags);
    put_opt(out, doc.source.as_deref());
    put_strs(out, &doc.omitted);
    put_strs(out, &doc.paragraphs);
    put_opt(out, doc.people_heading.as_deref());
    put_strs(out, &doc.cite_as);
    put_len(out, doc.people.len());
    for person in &doc.people {
        put_str(out, &person.name);
        put_u8(out, tag(&PersonKind::ALL, person.kind));
        put_u8(out, tag(&Role::ALL, person.role));
        put_opt(out, person.title.as_deref());
        put_opt(out, person.affiliation.as_deref());
        put_opt(out, person.country.as_deref());
        put_opt(out, person.acronym.as_deref());
        put_opt(out, person.note.as_deref());
        put_opt(out, person.family.as_deref());
        put_len(out, person.entity);
    }
}

fn tag<T: PartialEq>(all: &[T], value: T) -> u8 {
    all.iter().position(|v| *v == value).unwrap_or(0) as u8
}

pub(super) fn put_u8(out: &mut Vec<u8>, v: u8) {
    out.push(v);
}

pub(super) fn put_len(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(&(n as u64).to_le_bytes());
}

pub(super) fn put_str(out: &mut Vec<u8>, s: &str) {
    put_len(out, s.len());
    out.extend_from_slice(s.as_bytes());
}

fn put_strs(out: &mut Vec<u8>, list: &[String]) {
    put_len(out, list.len());
    list.iter().for_each(|s| put_str(out, s));
}

fn put_opt(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        None => put_u8(out, 0),
        Some(s) => {
            put_u8(out, 1);
            put_str(out, s);
        }
    }
}

/// A date as year, month and day, 0 for a part it lacks; year 0 for none.
fn put_date(out: &mut Vec<u8>, date: Option<PartialDate>) {
    let (year, month, day) = date.map_or((0, 0, 0), |d| {
        (d.year, d.month.unwrap_or(0), d.day.unwrap_or(0))
    });
    out.extend_from_slice(&year.to_le_bytes());
    out.extend_from_slice(&[month, day]);
}

/// Bytes read from the front, every read checked against the end.
pub(super) struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, at: 0 }
    }

    /// What is left to read.
    fn rest(&mut self) -> &'a [u8] {
        let rest = &self.bytes[self.at..];
        self.at = self.bytes.len();
        rest
    }

    pub(super) fn u32(&mut self) -> Result<u32, Corrupt> {
        let mut le = [0u8; 4];
        le.copy_from_slice(self.take(4)?);
        Ok(u32::from_le_bytes(le))
    }

    pub(super) fn u128(&mut self) -> Result<u128, Corrupt> {
        let mut le = [0u8; 16];
        le.copy_from_slice(self.take(16)?);
        Ok(u128::from_le_bytes(le))
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], Corrupt> {
        let end = self.at.checked_add(n).ok_or(Corrupt("a length"))?;
        let slice = self.bytes.get(self.at..end).ok_or(Corrupt("cut short"))?;
        self.at = end;
        Ok(slice)
    }

    fn u8(&mut self) -> Result<u8, Corrupt> {
        Ok(self.take(1)?[0])
    }

    pub(super) fn u64(&mut self) -> Result<u64, Corrupt> {
        let mut le = [0u8; 8];
        le.copy_from_slice(self.take(8)?);
        Ok(u64::from_le_bytes(le))
    }

    /// A count of items of at least `each` bytes, within what is left.
    pub(super) fn len(&mut self, each: usize) -> Result<usize, Corrupt> {
        let n = usize::try_from(self.u64()?).map_err(|_| Corrupt("a count"))?;
        let left = self.bytes.len() - self.at;
        match n.checked_mul(each.max(1)) {
            Some(need) if need <= left => Ok(n),
            _ => Err(Corrupt("a count past the end")),
        }
    }

    fn index(&mut self, below: usize) -> Result<usize, Corrupt> {
        match usize::try_from(self.u64()?) {
            Ok(i) if i < below => Ok(i),
            _ => Err(Corrupt("an entity id")),
        }
    }

    fn flag(&mut self) -> Result<bool, Corrupt> {
        match self.u8()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(Corrupt("a flag")),
        }
    }

    fn tagged<T: Copy>(&mut self, all: &[T]) -> Result<T, Corrupt> {
        let t = self.u8()?;
        all.get(usize::from(t)).copied().ok_or(Corrupt("a tag"))
    }

    pub(super) fn string(&mut self) -> Result<String, Corrupt> {
        let n = self.len(1)?;
        let bytes = self.take(n)?;
        std::str::from_utf8(bytes)
            .map(str::to_owned)
            .map_err(|_| Corrupt("text that is not UTF-8"))
    }

    fn strings(&mut self) -> Result<Vec<String>, Corrupt> {
        let n = self.len(8)?;
        (0..n).map(|_| self.string()).collect()
    }

    fn optional(&mut self) -> Result<Option<String>, Corrupt> {
        match self.flag()? {
            false => Ok(None),
            true => self.string().map(Some),
        }
    }

    fn date(&mut self) -> Result<Option<PartialDate>, Corrupt> {
        let mut le = [0u8; 2];
        le.copy_from_slice(self.take(2)?);
        let year = u16::from_le_bytes(le);
        let (month, day) = (self.u8()?, self.u8()?);
        let part = |v: u8| (v != 0).then_some(v);
        match (year, month, day) {
            (0, 0, 0) => Ok(None),
            (0, _, _) => Err(Corrupt("a date")),
            (_, 0, d) if d != 0 => Err(Corrupt("a date")),
            _ => Ok(Some(PartialDate {
                year,
                month: part(month),
                day: part(day),
            })),
        }
    }

    fn document(&mut self, entities: usize) -> Result<Document, Corrupt> {
        let mut doc = Document {
            id: self.string()?,
            title: self.string()?,
            title_supplied: self.flag()?,
            subtitle: self.optional()?,
            date: self.date()?,
            date_note: self.optional()?,
            inferred_date: self.date()?,
            inferred_date_reason: self.optional()?,
            kind: self.tagged(&DocKind::ALL)?,
            place: self.optional()?,
            posted_by: self.optional()?,
            url: self.optional()?,
            publisher: self.optional()?,
            accessed: self.date()?,
            curator_note: self.optional()?,
            tags: self.strings()?,
            source: self.optional()?,
            omitted: self.strings()?,
            paragraphs: self.strings()?,
            people_heading: self.optional()?,
            people: Vec::new(),
            cite_as: self.strings()?,
        };
        let n = self.len(8 + 2 + 6 + 8)?;
        doc.people.reserve(n);
        for _ in 0..n {
            doc.people.push(Person {
                name: self.string()?,
                kind: self.tagged(&PersonKind::ALL)?,
                role: self.tagged(&Role::ALL)?,
                title: self.optional()?,
                affiliation: self.optional()?,
                country: self.optional()?,
                acronym: self.optional()?,
                note: self.optional()?,
                family: self.optional()?,
                entity: self.index(entities)?,
            });
        }
        Ok(doc)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encoded(corpus: &Corpus) -> Vec<u8> {
        let mut bytes = Vec::new();
        encode(corpus, &mut |b: &[u8]| {
            bytes.extend_from_slice(b);
            Ok(())
        })
        .expect("writes to memory");
        bytes
    }

    #[test]
    fn the_bundled_corpus_comes_back_equal() {
        let corpus = Corpus::load(&[]).expect("the bundled corpus loads");
        let back = decode(&mut Reader::new(&encoded(&corpus))).expect("decodes");
        assert_eq!(back.documents, corpus.documents);
        assert_eq!(back.entities.parts(), corpus.entities.parts());
    }

    #[test]
    fn every_cut_and_every_flipped_byte_of_a_small_corpus_is_an_error_or_a_corpus() {
        let corpus = Corpus::load(&[]).expect("the bundled corpus loads");
        let bytes = encoded(&corpus);
        // Cuts are always caught: every length is checked against the end.
        for cut in (0..bytes.len()).step_by(97) {
            assert!(
                decode(&mut Reader::new(&bytes[..cut])).is_err(),
                "cut at {cut}"
            );
        }
        // A flipped byte may still decode (a letter of a paragraph), but
        // never panics; the checksum is what rejects it.
        for at in (0..bytes.len()).step_by(131) {
            let mut flipped = bytes.clone();
            flipped[at] ^= 0xff;
            let _ = decode(&mut Reader::new(&flipped));
        }
    }
}
