//! Opening a corpus from its copy in two steps: first what a first frame
//! shows (every document's summary from the copy's head, and the few
//! documents it shows whole from their chunks), then the whole corpus,
//! off the first frame's path. Everything handed on has passed its
//! checksum; a chunk that fails later means the corpus is loaded from its
//! files, which the copy was made from, so it is the same corpus.

use super::codec::{self, Reader};
use super::gate::{Closed, Gate};
use super::layout::Copy;
use super::{Cache, IndexOpener, Miss, Pending, Seen, Source};
use crate::corpus::entities::Entities;
use crate::corpus::{Corpus, Problems};
use std::path::PathBuf;

/// A corpus as opened: whole, or from its copy, a glimpse of it first.
#[derive(Debug)]
pub enum Opened {
    /// With the copy to write of it, if any, and what kept any file out.
    Whole(Corpus, Problems, Option<Pending>),
    /// Every document's summary (see [`Glimpse::fill`]), and the rest to come.
    Glimpse(Corpus, Glimpse),
}

impl Opened {
    /// The whole corpus, waiting for the rest of a glimpse.
    pub fn whole(self) -> (Corpus, Problems, Option<Pending>) {
        match self {
            Opened::Whole(corpus, problems, pending) => (corpus, problems, pending),
            Opened::Glimpse(_, glimpse) => glimpse.whole(),
        }
    }
}

/// The rest of a corpus whose summaries were read from its copy.
#[derive(Debug)]
pub struct Glimpse {
    copy: Copy,
    entities: Entities,
    cache: Cache,
    paths: Vec<PathBuf>,
    /// A chunk failed its checksum: the corpus is loaded from its files.
    broken: bool,
    /// Passed before each chunk of the whole corpus (see [`Filler::pause`]).
    gate: Gate,
}

impl Glimpse {
    /// The summaries of the copy of the corpus at `paths`, if it is current.
    pub(super) fn open(cache: &Cache, paths: &[PathBuf]) -> Result<(Corpus, Glimpse), Miss> {
        let (copy, entities, at) = cache.current(paths)?;
        let mut r = Reader::new(&copy.head()[at..]);
        let documents = codec::decode_summaries(&mut r, copy.paragraphs_at_most())
            .map_err(|codec::Corrupt(what)| Miss::Corrupt(what))?;
        if documents.len() != copy.documents() {
            return Err(Miss::Corrupt("a document count"));
        }
        let summaries = Corpus {
            documents,
            entities: entities.clone(),
        };
        let glimpse = Glimpse {
            copy,
            entities,
            cache: cache.clone(),
            paths: paths.to_vec(),
            broken: false,
            gate: Gate::default(),
        };
        Ok((summaries, glimpse))
    }

    /// Puts documents `docs` of `summaries` whole, from their chunks (see
    /// [`Filler::fill`]); where that fails, the corpus will be loaded from
    /// its files, and false says that `summaries` must not be shown.
    pub fn fill(&mut self, summaries: &mut Corpus, docs: &[usize]) -> bool {
        let filled = fill(&self.copy, self.entities.len(), summaries, docs);
        self.broken |= !filled;
        filled
    }

    /// What puts documents of the summaries whole while the whole corpus
    /// is read: those a search over the first frame finds, or opens.
    pub fn filler(&self) -> Filler {
        Filler {
            copy: self.copy.clone(),
            entities: self.entities.len(),
            gate: self.gate.clone(),
        }
    }

    /// What reads the copy of the search index beside this copy, to read
    /// it alongside the whole corpus, which it is checked to fit; none
    /// once a chunk has failed its check, since the corpus is then read
    /// from its files.
    pub fn index_opener(&self) -> Option<IndexOpener> {
        (!self.broken).then(|| IndexOpener::new(&self.cache, &self.paths, self.copy.sum()))
    }

    /// The whole corpus: every chunk checked and decoded, or, if one
    /// fails, the corpus loaded from its files and its copy written again.
    pub fn whole(self) -> (Corpus, Problems, Option<Pending>) {
        if !self.broken
            && let Ok(documents) =
                (self.copy).all_documents(self.entities.len(), &|| self.gate.pass())
        {
            let pending = Pending {
                cache: self.cache,
                paths: self.paths,
                source: Source::Copy(self.copy.sum()),
            };
            let corpus = Corpus {
                documents,
                entities: self.entities,
            };
            return (corpus, Problems(Vec::new()), Some(pending));
        }
        drop(self.copy);
        let (corpus, source, problems) = from_files(&self.paths);
        let pending = source.map(|source| Pending {
            cache: self.cache,
            paths: self.paths,
            source,
        });
        (corpus, problems, pending)
    }
}

/// Reads documents whole from a corpus's copy into its summaries.
#[derive(Debug)]
pub struct Filler {
    copy: Copy,
    entities: usize,
    gate: Gate,
}

impl Filler {
    /// Puts documents `docs` of `summaries` whole, from their chunks. A
    /// document left a summary has empty paragraphs (their number kept)
    /// and no people: a frame drawn from `summaries` shows those documents'
    /// summaries only. Where a chunk fails its checksum, or a document is
    /// not the one its summary stands for (both checksums can hold over a
    /// writer's slip), nothing is changed and false says so.
    pub fn fill(&self, summaries: &mut Corpus, docs: &[usize]) -> bool {
        fill(&self.copy, self.entities, summaries, docs)
    }

    /// Pauses the whole corpus's read, once the chunks it is decoding are
    /// done, until the guard is dropped: a query typed over the first
    /// frame is answered on all cores. Meanwhile nothing may wait for the
    /// global rayon pool, whose threads are the ones paused.
    pub fn pause(&self) -> Closed {
        self.gate.close()
    }
}

/// Puts documents `docs` of `summaries` whole from `copy`'s chunks, as
/// [`Filler::fill`] says; `entities` is how many the corpus has.
fn fill(copy: &Copy, entities: usize, summaries: &mut Corpus, docs: &[usize]) -> bool {
    let docs: Vec<usize> = docs
        .iter()
        .copied()
        .filter(|&d| d < summaries.documents.len())
        .collect();
    let read = copy.documents_at(&docs, entities).and_then(|read| {
        read.into_iter()
            .map(
                |(d, doc)| match codec::summarizes(&summaries.documents[d], &doc) {
                    true => Ok((d, doc)),
                    false => Err(Miss::Corrupt("a document that is not its summary")),
                },
            )
            .collect::<Result<Vec<_>, Miss>>()
    });
    let Ok(read) = read else {
        return false;
    };
    for (d, doc) in read {
        summaries.documents[d] = doc;
    }
    true
}

/// The corpus loaded from its files, with what it was seen to be before,
/// where it can be kept: none of its files is missing.
pub(super) fn from_files(paths: &[PathBuf]) -> (Corpus, Option<Source>, Problems) {
    let seen = Seen::now(paths);
    let (corpus, problems) = Corpus::load_all(paths);
    let seen = seen.filter(|_| problems.0.is_empty());
    (corpus, seen.map(Source::Files), problems)
}
