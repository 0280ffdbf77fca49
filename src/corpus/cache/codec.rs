//! The loaded corpus as bytes and back: a length-prefixed layout of our own
//! (little-endian integers, strings as a length and UTF-8). The head holds
//! the entities and a summary of each document, what a first frame reads;
//! the documents whole follow in chunks (`layout`). Decoding checks every
//! length, tag and entity id: the checksums say the bytes are the ones
//! written, and the decoder still never trusts them.

use crate::corpus::entities::Entities;
use crate::corpus::mapped::Map;
use crate::corpus::model::{DocKind, Document, PartialDate, Person, PersonKind, Role};
use crate::corpus::{Corpus, Entity, Text};
use rayon::prelude::*;

/// Why bytes do not decode: the cache is then rebuilt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Corrupt(pub &'static str);

/// Appends the head's corpus part to `out`: the entities, how many
/// documents there are, and each one's summary (see [`put_summary`]).
pub fn encode_head(corpus: &Corpus, out: &mut Vec<u8>) {
    let (list, keys) = corpus.entities.parts();
    put_len(out, list.len());
    for entity in list {
        put_str(out, &entity.id);
        put_str(out, &entity.name);
        put_u8(out, tag(&PersonKind::ALL, entity.kind));
        put_strs(out, &entity.aliases);
        put_strs(out, &entity.acronyms);
        put_strs(out, &entity.distinct_from);
        put_u8(out, u8::from(entity.curated));
    }
    put_len(out, keys.len());
    for ((kind, key), index) in &keys {
        put_u8(out, tag(&PersonKind::ALL, *kind));
        put_str(out, key);
        put_len(out, *index);
    }
    put_len(out, corpus.documents.len());
    for doc in &corpus.documents {
        put_summary(out, doc);
    }
}

/// The entities `encode_head` wrote, read from `r`.
pub fn decode_entities(r: &mut Reader) -> Result<Entities, Corrupt> {
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
    Entities::from_parts(list, keys).ok_or(Corrupt("entity keys"))
}

/// The summaries `encode_head` wrote after the entities, to the end of
/// `r`'s bytes, as documents: every field but the paragraphs' text, which
/// are empty (their number kept), and the people, which are none. At most
/// `paragraphs` paragraphs in all: the number the documents' own bytes
/// could hold, so that a count cannot ask for more memory than that.
pub fn decode_summaries(r: &mut Reader, paragraphs: usize) -> Result<Vec<Document>, Corrupt> {
    let count = r.len(MIN_SUMMARY)?;
    let mut left = paragraphs;
    let mut documents = Vec::with_capacity(count);
    for _ in 0..count {
        let mut doc = r.summary_fields()?;
        let n = usize::try_from(r.u64()?).map_err(|_| Corrupt("a count"))?;
        left = left.checked_sub(n).ok_or(Corrupt("a paragraph count"))?;
        doc.paragraphs = vec![Text::default(); n];
        documents.push(doc);
    }
    match r.at == r.bytes.len() {
        true => Ok(documents),
        false => Err(Corrupt("bytes after the summaries")),
    }
}

/// The bytes of each document in `documents`, each after its length, so
/// that a chunk's other documents are passed over to read one; made on
/// all cores.
pub fn encode_documents(documents: &[Document]) -> Vec<Vec<u8>> {
    documents
        .par_iter()
        .map(|doc| {
            let mut bytes = vec![0; 8];
            put_document(&mut bytes, doc);
            let len = (bytes.len() - 8) as u64;
            bytes[..8].copy_from_slice(&len.to_le_bytes());
            bytes
        })
        .collect()
}

/// Of the `count` documents a chunk's bytes hold, one after another to
/// its end, those `wanted` by their place in it, with their places; the
/// others are passed over by their lengths (a query's hits need one
/// document of a chunk of 64). Their people name entities below
/// `entities`. Given the map the bytes are of and where in it they start,
/// the paragraphs are read in place (see [`Text`]); else they are copied.
pub fn decode_chunk(
    bytes: &[u8],
    count: usize,
    entities: usize,
    in_map: Option<(&Map, usize)>,
    wanted: &dyn Fn(usize) -> bool,
) -> Result<Vec<(usize, Document)>, Corrupt> {
    let mut r = Reader::new(bytes);
    // Each document takes at least its length's eight bytes.
    let mut documents = Vec::with_capacity(count.min(bytes.len() / 8));
    for i in 0..count {
        let len = r.len(1)?;
        let start = r.at;
        let read = r.take(len)?;
        if !wanted(i) {
            continue;
        }
        let mut doc = Reader {
            bytes: read,
            at: 0,
            in_map: in_map.map(|(map, base)| (map, base + start)),
        };
        documents.push((i, doc.document(entities)?));
        if doc.at != len {
            return Err(Corrupt("a document's length"));
        }
    }
    match r.at == bytes.len() {
        true => Ok(documents),
        false => Err(Corrupt("a chunk's length")),
    }
}

/// The fewest bytes an entity and a name key take, so that a count read
/// from a corrupt file cannot ask for more memory than the file could fill.
const MIN_ENTITY: usize = 8 + 8 + 1 + 8 + 8 + 8 + 1;
const MIN_KEY: usize = 1 + 8 + 8;
/// The fewest bytes a summary takes (`put_summary`).
const MIN_SUMMARY: usize =
    8 + 8 + 1 + 1 + 4 + 1 + 4 + 1 + 1 + 1 + 1 + 1 + 1 + 4 + 1 + 8 + 1 + 8 + 1 + 8 + 8;

/// Whether `summary` is what the head says of `doc`: a document read
/// whole for a first frame must be the one its summary stands for.
pub fn summarizes(summary: &Document, doc: &Document) -> bool {
    let (mut a, mut b) = (Vec::new(), Vec::new());
    put_summary(&mut a, summary);
    put_summary(&mut b, doc);
    a == b
}

/// What the document list and the first frame read of a document that
/// is not open: every field but its paragraphs' text and its people, then
/// the number of its paragraphs.
fn put_summary(out: &mut Vec<u8>, doc: &Document) {
    put_summary_fields(out, doc);
    put_len(out, doc.paragraphs.len());
}

fn put_summary_fields(out: &mut Vec<u8>, doc: &Document) {
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
    put_opt(out, doc.people_heading.as_deref());
    put_strs(out, &doc.cite_as);
}

/// A whole document: its summary's fields, its paragraphs, its people.
fn put_document(out: &mut Vec<u8>, doc: &Document) {
    put_summary_fields(out, doc);
    put_len(out, doc.paragraphs.len());
    doc.paragraphs.iter().for_each(|p| put_str(out, p));
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
    /// The map `bytes` are of and where in it they start, for texts read
    /// in place.
    in_map: Option<(&'a Map, usize)>,
}

impl<'a> Reader<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader {
            bytes,
            at: 0,
            in_map: None,
        }
    }

    /// How far it has read.
    pub(super) fn position(&self) -> usize {
        self.at
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

    /// A paragraph: in place in the map where there is one.
    fn text(&mut self) -> Result<Text, Corrupt> {
        let Some((map, base)) = self.in_map else {
            return self.string().map(Text::from);
        };
        let n = self.len(1)?;
        let start = base + self.at;
        self.take(n)?;
        Text::in_map(map, start..start + n).ok_or(Corrupt("cut short"))
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

    /// The fields `put_summary_fields` wrote, as a document without
    /// paragraphs or people.
    fn summary_fields(&mut self) -> Result<Document, Corrupt> {
        Ok(Document {
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
            people_heading: self.optional()?,
            cite_as: self.strings()?,
            paragraphs: Vec::new(),
            people: Vec::new(),
        })
    }

    fn document(&mut self, entities: usize) -> Result<Document, Corrupt> {
        let mut doc = self.summary_fields()?;
        let n = self.len(8)?;
        doc.paragraphs = (0..n).map(|_| self.text()).collect::<Result<_, _>>()?;
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

    fn head(corpus: &Corpus) -> Vec<u8> {
        let mut bytes = Vec::new();
        encode_head(corpus, &mut bytes);
        bytes
    }

    fn documents(corpus: &Corpus) -> Vec<u8> {
        encode_documents(&corpus.documents).concat()
    }

    #[test]
    fn the_bundled_corpus_comes_back_equal() {
        let corpus = Corpus::load(&[]).expect("the bundled corpus loads");
        let head = head(&corpus);
        let mut r = Reader::new(&head);
        let entities = decode_entities(&mut r).expect("entities");
        let summaries = decode_summaries(&mut r, usize::MAX).expect("summaries");
        let count = corpus.documents.len();
        let all = |_| true;
        let back = decode_chunk(&documents(&corpus), count, entities.len(), None, &all);
        let back: Vec<Document> = back.expect("decodes").into_iter().map(|(_, d)| d).collect();
        assert_eq!(back, corpus.documents);
        // Documents read alone, the others passed over, are the same.
        let odd = |i: usize| i % 2 == 1;
        let some = decode_chunk(&documents(&corpus), count, entities.len(), None, &odd);
        let expected: Vec<(usize, Document)> = corpus
            .documents
            .iter()
            .cloned()
            .enumerate()
            .filter(|&(i, _)| odd(i))
            .collect();
        assert_eq!(some, Ok(expected));
        assert_eq!(entities.parts(), corpus.entities.parts());
        // A summary is the document but for its paragraphs' text and people.
        for (summary, doc) in summaries.iter().zip(&corpus.documents) {
            let paragraphs = vec![Text::default(); doc.paragraphs.len()];
            let people = Vec::new();
            let stripped = Document {
                paragraphs,
                people,
                ..doc.clone()
            };
            assert_eq!(*summary, stripped);
        }
    }

    #[test]
    fn a_summary_asks_for_no_more_paragraphs_than_the_documents_hold() {
        let corpus = Corpus::load(&[]).expect("the bundled corpus loads");
        let head = head(&corpus);
        let mut r = Reader::new(&head);
        decode_entities(&mut r).expect("entities");
        let all: usize = corpus.documents.iter().map(|d| d.paragraphs.len()).sum();
        let at = r.at;
        assert!(decode_summaries(&mut r, all).is_ok());
        let mut r = Reader::new(&head);
        r.at = at;
        assert_eq!(
            decode_summaries(&mut r, all - 1),
            Err(Corrupt("a paragraph count"))
        );
    }

    #[test]
    fn every_cut_and_every_flipped_byte_of_a_small_corpus_is_an_error_or_a_corpus() {
        let corpus = Corpus::load(&[]).expect("the bundled corpus loads");
        let (head, docs) = (head(&corpus), documents(&corpus));
        let count = corpus.documents.len();
        let entities = corpus.entities.len();
        // As a copy bounds it: the paragraphs its chunks could hold.
        let budget = docs.len() / 8;
        let read_head = |bytes: &[u8]| {
            let mut r = Reader::new(bytes);
            decode_entities(&mut r).and_then(|_| decode_summaries(&mut r, budget))
        };
        // Cuts are always caught: every length is checked against the end.
        for cut in (0..head.len()).step_by(97) {
            assert!(read_head(&head[..cut]).is_err(), "head cut at {cut}");
        }
        for cut in (0..docs.len()).step_by(97) {
            assert!(
                decode_chunk(&docs[..cut], count, entities, None, &|_| true).is_err(),
                "cut at {cut}"
            );
        }
        // A flipped byte may still decode (a letter of a paragraph), but
        // never panics; the checksums are what reject it.
        for at in (0..head.len()).step_by(131) {
            let mut flipped = head.clone();
            flipped[at] ^= 0xff;
            let _ = read_head(&flipped);
        }
        for at in (0..docs.len()).step_by(131) {
            let mut flipped = docs.clone();
            flipped[at] ^= 0xff;
            let _ = decode_chunk(&flipped, count, entities, None, &|_| true);
        }
    }
}
