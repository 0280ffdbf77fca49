//! Bookmarks: passages a reader keeps, with a note. They are research
//! notes, so they are saved at once and never dropped; see `store` for how.

pub(crate) mod durable;
mod escape;
mod export;
mod positions;
mod store;

pub use durable::{READ_CAP, ignore_file_size_signal, read_regular};
pub use export::markdown;
pub use positions::Positions;
pub use store::{HeldAside, SetAside, Store, StoreError, Synced};

use crate::corpus::{Corpus, Document, Text, clean_line};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::time::{SystemTime, UNIX_EPOCH};

/// The longest quote kept, in characters, before it is cut at a word.
pub const QUOTE_CHARS: usize = 200;

/// One kept passage, as the bookmarks file stores it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bookmark {
    /// Eight hex digits, unique in practice across processes.
    pub id: String,
    /// The document's id.
    pub doc: String,
    /// The paragraph's number when bookmarked, from 1.
    pub paragraph: usize,
    /// The start of the paragraph, verbatim, cut at a word with "…".
    pub quote: String,
    /// Finds the paragraph again when edits move it.
    pub fingerprint: String,
    #[serde(default)]
    pub note: String,
    /// When it was made, in UTC: "2026-11-23T15:40:02Z".
    pub created: String,
}

/// A change to the bookmarks. Changes, not whole lists, are what a process
/// writes, so two processes' changes merge.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Change {
    Add(Bookmark),
    Remove(String),
    /// A bookmark with a new note, and the note it had. It carries the
    /// whole bookmark, so a note written on one another process removed
    /// brings it back; and the old note, so one another process changed
    /// meanwhile is kept too.
    Note {
        bookmark: Bookmark,
        was: String,
    },
}

impl Change {
    /// Applies the change to a list. Applying it twice is applying it once,
    /// and no note is lost to another process's change.
    pub fn apply(&self, bookmarks: &mut Vec<Bookmark>) {
        match self {
            Change::Add(new) => {
                if bookmarks.iter().any(|b| b.same_passage(new)) {
                    return;
                }
                let mut new = new.clone();
                // Two bookmarks drew one id: the new one takes another.
                if bookmarks.iter().any(|b| b.id == new.id) {
                    new.id = fresh_id(&new, bookmarks);
                }
                bookmarks.push(new);
            }
            Change::Remove(id) => {
                if let Some(at) = bookmarks.iter().position(|b| &b.id == id) {
                    bookmarks.remove(at);
                }
            }
            Change::Note { bookmark, was } => {
                match bookmarks.iter_mut().find(|b| b.id == bookmark.id) {
                    Some(b) if b.note == *was || b.note == bookmark.note => {
                        b.note.clone_from(&bookmark.note)
                    }
                    // Another process wrote a note meanwhile: both stay,
                    // this one on a copy of the bookmark.
                    Some(_) => {
                        if !bookmarks
                            .iter()
                            .any(|b| b.same_passage(bookmark) && b.note == bookmark.note)
                        {
                            let mut copy = bookmark.clone();
                            copy.id = fresh_id(&copy, bookmarks);
                            bookmarks.push(copy);
                        }
                    }
                    None => bookmarks.push(bookmark.clone()),
                }
            }
        }
    }
}

/// An id for `bookmark` that none of `taken` has, drawn from its content,
/// so every process that needs one picks the same.
fn fresh_id(bookmark: &Bookmark, taken: &[Bookmark]) -> String {
    let seed = format!(
        "{}\n{}\n{}\n{}\n{}",
        bookmark.id, bookmark.doc, bookmark.paragraph, bookmark.created, bookmark.quote
    );
    (0u64..)
        .map(|n| format!("{:08x}", fnv1a(format!("{seed}\n{n}").as_bytes()) as u32))
        .find(|id| !taken.iter().any(|b| &b.id == id))
        .unwrap_or_default()
}

/// Gives each bookmark after the first of an id (a hand-edited file, a
/// copy and paste) an id of its own, so each can be removed alone.
pub fn distinct_ids(bookmarks: &mut [Bookmark]) {
    let mut seen = std::collections::HashSet::with_capacity(bookmarks.len());
    for i in 0..bookmarks.len() {
        if !seen.insert(bookmarks[i].id.clone()) {
            bookmarks[i].id = fresh_id(&bookmarks[i], bookmarks);
            seen.insert(bookmarks[i].id.clone());
        }
    }
}

impl Bookmark {
    /// A bookmark of paragraph `index` (from 0) of `doc`, made at `now`.
    /// `salt` tells apart bookmarks made in the same nanosecond.
    pub fn new(doc: &Document, index: usize, note: &str, now: SystemTime, salt: u64) -> Bookmark {
        let text = doc.paragraphs.get(index).map_or("", Text::as_str);
        let since = now.duration_since(UNIX_EPOCH).unwrap_or_default();
        let seed = format!("{}\n{index}\n{}\n{salt}", doc.id, since.as_nanos());
        Bookmark {
            id: format!("{:08x}", fnv1a(seed.as_bytes()) as u32),
            doc: doc.id.clone(),
            paragraph: index + 1,
            quote: quote(text),
            fingerprint: fingerprint(text),
            note: note.to_string(),
            created: timestamp(since.as_secs()),
        }
    }

    /// Whether two are one bookmark, made of one passage at one moment,
    /// whatever their ids and notes.
    pub fn same_passage(&self, other: &Bookmark) -> bool {
        (
            &self.doc,
            self.paragraph,
            &self.fingerprint,
            &self.created,
            &self.quote,
        ) == (
            &other.doc,
            other.paragraph,
            &other.fingerprint,
            &other.created,
            &other.quote,
        )
    }

    /// The day it was made: "2026-11-23".
    pub fn day(&self) -> &str {
        self.created.get(..10).unwrap_or(&self.created)
    }
}

/// A bookmark's text as it may be shown. The file is the user's to edit,
/// so it is cleaned where it is shown, as the corpus is: no control or bidi
/// character reaches the terminal, and the file keeps what was written.
pub fn shown(text: &str) -> String {
    clean_line(text)
}

/// A quote as shown in a list: cleaned and in quotation marks, unless it
/// opens with one of its own (a passage that starts by quoting someone),
/// which is then the only one: "““The North Korea…" read as a typo.
pub fn in_quotes(quote: &str) -> String {
    let text = shown(quote);
    match text.chars().next() {
        Some('“' | '"' | '„' | '«' | '‘' | '「' | '『') => text,
        _ => format!("“{text}”"),
    }
}

/// The first `QUOTE_CHARS` characters of a paragraph, cut at a space.
pub fn quote(text: &str) -> String {
    if text.chars().count() <= QUOTE_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(QUOTE_CHARS).collect();
    let kept = match cut.rfind(char::is_whitespace) {
        Some(at) if at > 0 => &cut[..at],
        _ => &cut,
    };
    format!("{}…", kept.trim_end())
}

/// A stable digest of a paragraph's words: spacing does not change it.
pub fn fingerprint(text: &str) -> String {
    format!("{:016x}", digest(text))
}

/// The digest [`fingerprint`] writes in hex: FNV-1a, 64 bits (short, and
/// the same on every build, unlike std's hasher), of the words joined by
/// single spaces, fed word by word rather than joined into a new string.
fn digest(text: &str) -> u64 {
    let mut words = text.split_whitespace();
    let first = words.next().map_or(&[][..], str::as_bytes);
    let h = fnv1a_from(FNV_OFFSET, first);
    words.fold(h, |h, w| fnv1a_from(fnv1a_from(h, b" "), w.as_bytes()))
}

/// FNV-1a, 64 bits: short, and the same on every build, unlike std's hasher.
fn fnv1a(bytes: &[u8]) -> u64 {
    fnv1a_from(FNV_OFFSET, bytes)
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a continued from the digest `h` of the bytes before.
fn fnv1a_from(h: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(h, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// A stored fingerprint as a digest; None for one [`fingerprint`] cannot
/// have written (a hand edit), which then matches no paragraph.
fn parse_fingerprint(s: &str) -> Option<u64> {
    let written = s.len() == 16 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    written.then(|| u64::from_str_radix(s, 16).ok()).flatten()
}

/// Seconds since 1970 as an RFC 3339 time in UTC.
pub fn timestamp(secs: u64) -> String {
    let days = secs / 86_400;
    let rest = secs % 86_400;
    let (y, m, d) = civil(days);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest / 60 % 60,
        rest % 60
    )
}

/// The date `days` after 1970-01-01 (Howard Hinnant's civil_from_days).
fn civil(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + u64::from(m <= 2);
    (y, m, d)
}

/// Where a bookmark's passage is in the corpus now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// At this document and paragraph (from 0); `moved` when an edit moved
    /// it and its fingerprint found it again.
    Found {
        doc: usize,
        paragraph: usize,
        moved: bool,
    },
    /// The document is there but the paragraph's text changed: shown at
    /// its old number, with the saved quote.
    Changed { doc: usize, paragraph: usize },
    /// The paragraph is gone, or its whole document (`doc` is None): shown
    /// with its saved quote.
    Orphaned { doc: Option<usize> },
}

impl Place {
    /// The document it is in, if that is still in the corpus.
    pub fn doc(self) -> Option<usize> {
        match self {
            Place::Found { doc, .. } | Place::Changed { doc, .. } => Some(doc),
            Place::Orphaned { doc } => doc,
        }
    }

    /// The document and paragraph (from 0) to open.
    pub fn passage(self) -> Option<(usize, usize)> {
        match self {
            Place::Found { doc, paragraph, .. } | Place::Changed { doc, paragraph } => {
                Some((doc, paragraph))
            }
            Place::Orphaned { .. } => None,
        }
    }

    pub fn orphaned(self) -> bool {
        matches!(self, Place::Orphaned { .. })
    }

    /// What a list says of it, after its paragraph number.
    pub fn remark(self) -> &'static str {
        match self {
            Place::Found { moved: true, .. } => " (moved)",
            Place::Found { .. } => "",
            Place::Changed { .. } => " (text changed)",
            Place::Orphaned { doc: Some(_) } => " (paragraph gone)",
            Place::Orphaned { doc: None } => " (document gone)",
        }
    }
}

/// Documents by id and their paragraphs' digests: every document's, or
/// only those some bookmarks are in.
#[derive(Debug, Default)]
pub struct Locator {
    /// The documents read, by id.
    docs: HashMap<String, usize>,
    /// Per document, its paragraphs' digests; None for a document no
    /// bookmark given to [`Locator::for_bookmarks`] is in.
    digests: Vec<Option<Vec<u64>>>,
}

impl Locator {
    /// A locator for any bookmark, present or future: every paragraph's
    /// digest, on all cores.
    pub fn new(corpus: &Corpus) -> Locator {
        Locator::of_documents(corpus, |_| true)
    }

    /// A locator for `bookmarks` only: just the documents they are in are
    /// read, which is all a command on the bookmarks file needs.
    pub fn for_bookmarks(corpus: &Corpus, bookmarks: &[Bookmark]) -> Locator {
        let named: HashSet<&str> = bookmarks.iter().map(|b| b.doc.as_str()).collect();
        Locator::of_documents(corpus, |d| named.contains(d.id.as_str()))
    }

    fn of_documents(corpus: &Corpus, wanted: impl Fn(&Document) -> bool + Sync) -> Locator {
        Locator {
            docs: corpus
                .documents
                .iter()
                .enumerate()
                .filter(|(_, d)| wanted(d))
                .map(|(i, d)| (d.id.clone(), i))
                .collect(),
            digests: corpus
                .documents
                .par_iter()
                .map(|d| wanted(d).then(|| d.paragraphs.iter().map(|p| digest(p)).collect()))
                .collect(),
        }
    }

    /// Where `bookmark` is; it must be one the locator was built for.
    pub fn place(&self, bookmark: &Bookmark) -> Place {
        let Some(&doc) = self.docs.get(&bookmark.doc) else {
            return Place::Orphaned { doc: None };
        };
        let prints: &[u64] = self.digests[doc].as_deref().unwrap_or_default();
        let wanted = parse_fingerprint(&bookmark.fingerprint);
        let stored = bookmark.paragraph.saturating_sub(1);
        if wanted.is_some() && prints.get(stored).copied() == wanted {
            return Place::Found {
                doc,
                paragraph: stored,
                moved: false,
            };
        }
        // Moved: the nearest paragraph with the same words.
        let nearest = prints
            .iter()
            .enumerate()
            .filter(|(_, p)| Some(**p) == wanted)
            .min_by_key(|(i, _)| i.abs_diff(stored));
        match nearest {
            Some((paragraph, _)) => Place::Found {
                doc,
                paragraph,
                moved: true,
            },
            None if stored < prints.len() && bookmark.paragraph > 0 => Place::Changed {
                doc,
                paragraph: stored,
            },
            None => Place::Orphaned { doc: Some(doc) },
        }
    }
}

#[cfg(test)]
mod tests;
