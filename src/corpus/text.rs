//! A paragraph's text: owned where it was parsed from a corpus file, read
//! in place where it comes from the corpus's copy in the cache. A million
//! paragraphs are most of a corpus's bytes; read in place, they are in
//! memory only while something reads them (issue 29's 1.2×).

use super::mapped::{Map, let_go};
use serde::{Deserialize, Serialize};
use std::borrow::Borrow;
use std::fmt;
use std::ops::{Deref, Range};

#[derive(Clone)]
pub struct Text(Repr);

#[derive(Clone)]
enum Repr {
    Owned(Box<str>),
    /// Bytes of a map, checked as UTF-8 each time they are read.
    InMap {
        map: Map,
        at: usize,
        len: usize,
    },
}

impl Text {
    /// The text at `bytes` of `map`, or None past its end. It is not
    /// checked as UTF-8 here, since every read checks it: at a million
    /// paragraphs, a check here too took a fifth of reading the copy.
    pub fn in_map(map: &Map, bytes: Range<usize>) -> Option<Text> {
        let read = map.get(bytes.clone())?;
        Some(Text(Repr::InMap {
            map: Map::clone(map),
            at: bytes.start,
            len: read.len(),
        }))
    }

    #[cfg(test)]
    pub fn in_place(&self) -> bool {
        matches!(self.0, Repr::InMap { .. })
    }

    pub fn as_str(&self) -> &str {
        match &self.0 {
            Repr::Owned(text) => text,
            // The copy's chunks pass their checksums before their texts
            // are read, and the file is never written in place
            // (`cache::layout`); bytes that are still not UTF-8 (a copy
            // made or changed by hand) read as empty (a file cut short
            // faults instead).
            Repr::InMap { map, at, len } => map
                .get(*at..at + len)
                .and_then(|bytes| std::str::from_utf8(bytes).ok())
                .unwrap_or_default(),
        }
    }

    /// Drops the pages holding `texts` from memory where they are read in
    /// place: read again from the cache file if they are read again. For
    /// a pass over every paragraph, so that the whole corpus is not
    /// resident at its end.
    pub fn let_go<'a>(texts: impl IntoIterator<Item = &'a Text>) {
        let mut span: Option<(&Map, Range<usize>)> = None;
        for text in texts {
            let Repr::InMap { map, at, len } = &text.0 else {
                continue;
            };
            span = match span {
                Some((m, range)) if std::sync::Arc::ptr_eq(m, map) => {
                    Some((m, range.start.min(*at)..range.end.max(at + len)))
                }
                Some((m, range)) => {
                    let _ = let_go(m, range);
                    Some((map, *at..at + len))
                }
                None => Some((map, *at..at + len)),
            };
        }
        if let Some((map, range)) = span {
            let _ = let_go(map, range);
        }
    }
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self
    }
}

impl Default for Text {
    fn default() -> Text {
        Text(Repr::Owned(Box::default()))
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        Text(Repr::Owned(text.into_boxed_str()))
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text(Repr::Owned(text.into()))
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Text) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

impl PartialEq<str> for Text {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        String::deserialize(d).map(Text::from)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use memmap2::Mmap;
    use std::sync::Arc;

    fn mapped(bytes: &[u8]) -> (tempfile::TempDir, Map) {
        let dir = tempfile::tempdir().expect("a directory");
        let path = dir.path().join("bytes");
        std::fs::write(&path, bytes).expect("written");
        let file = std::fs::File::open(&path).expect("opened");
        // SAFETY: the file is this test's own and is not written again.
        let map = unsafe { Mmap::map(&file) }.expect("mapped");
        (dir, Arc::new(map))
    }

    #[test]
    fn a_text_in_a_map_reads_as_its_bytes_and_equals_the_same_text_owned() {
        let (_dir, map) = mapped("αβγ plain δ".as_bytes());
        let text = Text::in_map(&map, 2..6).expect("UTF-8");
        assert_eq!(text, "βγ");
        assert_eq!(text, Text::from("βγ"));
        assert_eq!(format!("{text:?} {text}"), "\"βγ\" βγ");
        assert_eq!(text.len(), 4);
        // Split inside a letter: an empty text; past the end: none.
        assert_eq!(Text::in_map(&map, 1..6).expect("in the map"), "");
        assert!(Text::in_map(&map, 2..600).is_none());
    }

    #[test]
    fn texts_read_the_same_after_their_pages_are_let_go() {
        let bytes: Vec<u8> = (0..300_000u32).map(|i| b'a' + (i % 26) as u8).collect();
        let (_dir, map) = mapped(&bytes);
        let texts: Vec<Text> = [(10, 5000), (4090, 9000), (250_000, 300_000)]
            .into_iter()
            .map(|(from, to)| Text::in_map(&map, from..to).expect("ASCII"))
            .collect();
        let owned: Vec<Text> = texts.iter().map(|t| Text::from(t.as_str())).collect();
        Text::let_go(&texts);
        Text::let_go(&owned);
        assert_eq!(texts, owned);
        assert_eq!(&map[..], &bytes[..]);
    }
}
