//! What still reads in a bookmarks file that does not parse. Each entry of
//! the `"bookmarks"` array is read alone, so one that does not read loses
//! only itself: a field of the wrong type is skipped with its entry, and
//! after text that is not JSON (an unescaped quote, a brace too many)
//! reading picks up at the next entry that reads whole. A comma too many,
//! or one missing, between entries loses nothing.

use super::NAMED;
use crate::bookmarks::{Bookmark, distinct_ids};
use crate::corpus::clean_line;
use serde::Deserialize;
use serde_json::value::RawValue;
use std::collections::HashSet;

/// What reads in a file that does not parse, and what does not.
pub(super) struct Salvaged {
    pub kept: Vec<Bookmark>,
    /// How many entries did not read.
    pub lost: usize,
    /// The first of those, at most `NAMED`, each with its line.
    pub named: Vec<String>,
}

/// Every bookmark that still reads in a file that does not parse, and how
/// many entries do not. Each array found is read in turn, so a second file
/// pasted after the first loses neither.
pub(super) fn salvage(bytes: &[u8]) -> Salvaged {
    let text = String::from_utf8_lossy(bytes);
    // Where a byte was not UTF-8, the text read is not the file's.
    let altered = matches!(text, std::borrow::Cow::Owned(_));
    let mut found = Found {
        text: &text,
        altered,
        counted: 0,
        line: 1,
        broken: None,
        seen: HashSet::new(),
        kept: Vec::new(),
        lost: 0,
        named: Vec::new(),
    };
    // A file whose key is broken is read from its first `[`.
    let mut array = array_after(&text, 0).or_else(|| text.find('[').map(|at| at + 1));
    while let Some(inside) = array {
        let at = found.entries(inside);
        array = array_after(&text, at);
    }
    found.mend(text.len());
    distinct_ids(&mut found.kept);
    Salvaged {
        kept: found.kept,
        lost: found.lost,
        named: found.named,
    }
}

/// Reading a file's entries in order. Lines are counted on from the last
/// place counted, so salvage stays linear.
struct Found<'a> {
    text: &'a str,
    altered: bool,
    counted: usize,
    line: usize,
    /// Where text that is not JSON began, and why it is not, until the
    /// next entry that reads.
    broken: Option<(usize, String)>,
    seen: HashSet<Bookmark>,
    kept: Vec<Bookmark>,
    lost: usize,
    named: Vec<String>,
}

impl Found<'_> {
    /// Reads the entries of one array from `at`, just inside its `[`, and
    /// returns where to look for the next array.
    fn entries(&mut self, mut at: usize) -> usize {
        let (text, bytes) = (self.text, self.text.as_bytes());
        loop {
            at = skip_separators(text, at);
            let Some(&byte) = bytes.get(at) else {
                return at;
            };
            at = match (byte, self.broken.is_some()) {
                (b'{', _) => self.value(at),
                // The array's end, unless an entry follows a stray `]`.
                (b']', false) if bytes.get(skip_separators(text, at + 1)) != Some(&b'{') => {
                    return at + 1;
                }
                // Inside broken text, where a `]` may be a string's.
                (_, true) | (b']', false) => next_brace(text, at),
                (_, false) => {
                    let next = next_brace(text, at);
                    // Text with a key in it is an entry whose `{` is gone;
                    // a stray character is no entry.
                    if text[at..next].contains(':') {
                        self.break_at(at, 1, "an entry that does not start with `{`");
                    }
                    next
                }
            };
        }
    }

    /// Reads the value that starts at `at` with a `{`, and returns where
    /// to go on from.
    fn value(&mut self, at: usize) -> usize {
        let json = match one_value(&self.text[at..]) {
            Ok(json) => json,
            Err(e) => {
                if self.broken.is_none() {
                    self.break_at(at, e.line(), &without_position(&e));
                }
                return next_brace(self.text, at + 1);
            }
        };
        // A whole file, met where an entry was looked for.
        if let Some(inner) = file_entries(json) {
            self.mend(at);
            for raw in inner {
                let start = raw.get().as_ptr() as usize - self.text.as_ptr() as usize;
                self.entry(start, raw.get());
            }
            return at + json.len();
        }
        // Inside broken text only a value with an id of its own is an
        // entry: a `{` in a string there may look like one. A value with
        // no id anywhere in it holds no entry, and is passed whole.
        if self.broken.is_some() && id_keys(json).next().is_none() {
            return at + json.len();
        }
        self.mend(at);
        let line = self.line_at(at);
        match self.read(json, line) {
            Ok(bookmark) => self.keep(bookmark),
            // An entry cut short (by a quote left unescaped, say) may be
            // JSON: what follows it is broken text too, to the next entry.
            Err(why) => self.broken = Some((at, why)),
        }
        at + json.len()
    }

    /// An entry read whole as JSON, at `at`: kept, or lost with its reason.
    fn entry(&mut self, at: usize, json: &str) {
        let line = self.line_at(at);
        match self.read(json, line) {
            Ok(bookmark) => self.keep(bookmark),
            Err(why) => self.lose(|_| why),
        }
    }

    /// The bookmark an entry's JSON, from `line`, reads as, or why not.
    fn read(&self, json: &str, line: usize) -> Result<Bookmark, String> {
        match self.altered && json.contains('\u{fffd}') {
            true => Err(format!("line {line}: not valid UTF-8")),
            false => read_one(json, line),
        }
    }

    fn keep(&mut self, bookmark: Bookmark) {
        // The same bookmark twice (a file pasted after itself) is one.
        if self.seen.insert(bookmark.clone()) {
            self.kept.push(bookmark);
        }
    }

    /// Text that is not JSON begins at `at`: `why`, on its `line`th line.
    fn break_at(&mut self, at: usize, line: usize, why: &str) {
        let line = self.line_at(at) + line.saturating_sub(1);
        self.broken = Some((at, clean_line(&format!("line {line}: {why}"))));
    }

    /// Broken text ends at `end`: it counts as one lost entry, or as many
    /// as it has `"id"` keys, each named with its line.
    fn mend(&mut self, end: usize) {
        let Some((start, why)) = self.broken.take() else {
            return;
        };
        self.lose(|_| why);
        for key in id_keys(&self.text[start..end]).skip(1) {
            self.lose(|found| {
                let line = found.line_at(start + key);
                format!("line {line}: an entry in the text that did not parse")
            });
        }
    }

    /// Counts an entry as lost, and names it while few are named: a file
    /// of a million broken entries costs no more than one of ten.
    fn lose(&mut self, why: impl FnOnce(&mut Self) -> String) {
        self.lost += 1;
        if self.named.len() < NAMED {
            let why = why(self);
            self.named.push(why);
        }
    }

    fn line_at(&mut self, at: usize) -> usize {
        self.line += self.text[self.counted..at].matches('\n').count();
        self.counted = at;
        self.line
    }
}

/// Where each `"id"` key is in `text`: one to an entry, whatever else is
/// broken around it. In a string the word is escaped, `\"id\"`.
fn id_keys(text: &str) -> impl Iterator<Item = usize> + '_ {
    text.match_indices("\"id\"")
        .map(|(at, _)| at)
        .filter(move |&at| {
            !text[..at].ends_with('\\') && text[skip_space(text, at + 4)..].starts_with(':')
        })
}

/// Just inside the next array of bookmarks from `from`: past the
/// `"bookmarks"` key and its colon, at the first entry's `{` if the
/// array's `[` is gone.
fn array_after(text: &str, from: usize) -> Option<usize> {
    const KEY: &str = "\"bookmarks\"";
    let mut at = from;
    loop {
        let key = at + text.get(at..)?.find(KEY)?;
        at = key + KEY.len();
        // An escaped quote: the word inside a string, not a key.
        if text[..key].ends_with('\\') {
            continue;
        }
        let colon = skip_space(text, at);
        if text[colon..].starts_with(':') {
            let open = colon + text[colon..].find(['[', '{'])?;
            return Some(open + usize::from(text[open..].starts_with('[')));
        }
    }
}

/// The JSON value that starts `text`, and nothing after it.
fn one_value(text: &str) -> Result<&str, serde_json::Error> {
    let de = &mut serde_json::Deserializer::from_str(text);
    <&RawValue>::deserialize(de).map(RawValue::get)
}

/// The entries of `json` if it is a whole bookmarks file, not one entry.
fn file_entries(json: &str) -> Option<Vec<&RawValue>> {
    #[derive(Deserialize)]
    struct File<'a> {
        #[serde(borrow)]
        bookmarks: Vec<&'a RawValue>,
    }
    // Most values are entries: only one that names the key is parsed again.
    if !json.contains("\"bookmarks\"") {
        return None;
    }
    serde_json::from_str::<File>(json).ok().map(|f| f.bookmarks)
}

fn skip_space(text: &str, at: usize) -> usize {
    skip(text, at, |b| b.is_ascii_whitespace())
}

/// Past white space and commas: a comma too many or too few between two
/// entries loses neither.
fn skip_separators(text: &str, at: usize) -> usize {
    skip(text, at, |b| b.is_ascii_whitespace() || b == b',')
}

fn skip(text: &str, at: usize, over: impl Fn(u8) -> bool) -> usize {
    let bytes = text.as_bytes();
    (at..bytes.len())
        .find(|&i| !over(bytes[i]))
        .unwrap_or(bytes.len())
}

fn next_brace(text: &str, from: usize) -> usize {
    text[from..].find('{').map_or(text.len(), |i| from + i)
}

/// One bookmark from its JSON, which starts at `line` of the file.
fn read_one(json: &str, line: usize) -> Result<Bookmark, String> {
    let de = &mut serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let path = path.trim_end_matches('?').trim_end_matches('.').to_string();
        let inner = e.into_inner();
        // The error's position is in the entry; the line is the file's.
        let at = line + inner.line().saturating_sub(1);
        let text = without_position(&inner);
        clean_line(&match path.as_str() {
            "" => format!("line {at}: {text}"),
            _ => format!("line {at}: {path}: {text}"),
        })
    })
}

/// serde_json's message without its position, which is in the entry, not
/// in the file.
fn without_position(e: &serde_json::Error) -> String {
    let text = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    text.strip_suffix(&suffix).unwrap_or(&text).to_string()
}
