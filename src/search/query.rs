//! Queries: fzf's extended syntax over words, plus field filters.
//!
//! - `word`: fuzzy; it matches a word equal to it, starting with it, or
//!   close to it (letters left out, one or two letters wrong).
//! - `'word` and `"a phrase"`: exact; the text must contain it.
//! - `^word`: the start of a word; `word$`: the end of one; `^word$`: the
//!   word itself. fzf anchors these to a line; here a line is a paragraph
//!   of prose, so they anchor to a word.
//! - `a | b`: either (a `|` with spaces around it joins the terms beside it).
//! - `!word`: leave out what contains it (`!^word`, `!word$`, `!'word`,
//!   `!"a phrase"`). A query of these alone lists everything without them.
//! - Smart case: a term with a capital letter matches case; others do not.
//!   Diacritics are never significant.
//! - Filters: `kind:joint-letter`, `year:2015`, `year:2014..2017`,
//!   `year:2015..`, `year:..2017`, `by:hrw` (an issuer, signatory or member
//!   whose name, alias or acronym matches), `role:quoted` (people with that
//!   role). The same filter twice means either; different filters, both.
//!   An unknown filter is an error; text with a colon goes in quotes.

use super::text::{fold, unspaced, words};
use crate::corpus::{Corpus, Role, clean_line};
use std::fmt;
use std::ops::Range;

mod filters;
use filters::Filters;

/// Longer queries are cut here (a paste of a page), and the cut is reported.
pub const MAX_QUERY_CHARS: usize = 256;
/// At most this many terms are searched; the rest are reported as cut.
pub const MAX_TERMS: usize = 16;

/// How one word of a term must meet a word of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    /// Equal.
    Whole,
    /// Equal or a prefix of it.
    Start,
    /// Equal or a suffix of it.
    End,
    /// Anywhere inside it.
    Within,
    /// Equal, a prefix, or close to it (see `matching::match_part`).
    Fuzzy,
}

/// One word of a term, folded.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Token {
    pub text: String,
    pub chars: usize,
    pub part: Part,
}

/// A term: one word, or several that must follow each other in the text
/// ("a phrase", `council-mandated`).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Term {
    pub tokens: Vec<Token>,
    pub case_sensitive: bool,
    /// For a fuzzy term, the whole term folded, to match a title or a
    /// person's line whole as fzf does (`csw`, `ojeaquintana`).
    pub whole: Option<String>,
}

/// A parsed query. Build it with [`Query::parse`]; it refers to documents
/// of the corpus it was parsed against by index.
#[derive(Debug, Clone)]
pub struct Query {
    /// Groups of terms joined by `|`: a passage must meet a term of every
    /// group.
    pub(super) terms: Vec<Vec<Term>>,
    pub(super) excluded: Vec<Term>,
    /// The documents the filters allow, by index; `None` when no filter
    /// names documents.
    pub(super) docs: Option<Vec<bool>>,
    /// People with any of these roles; empty for no role filter.
    pub(super) roles: Vec<Role>,
    truncated: bool,
    /// Each group of `terms` as typed ("'songbun | 'shoot"), the excluded
    /// terms and the filters too: what an empty answer names, and what the
    /// query without some terms is typed as.
    pub(super) labels: Vec<String>,
    excluded_labels: Vec<String>,
    filter_labels: Vec<String>,
    /// The filters in words.
    described: Option<String>,
}

/// Why a query cannot run: a message for the reader, and where in the
/// input (a byte range) the problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    pub message: String,
    pub span: Range<usize>,
}

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for QueryError {}

impl Query {
    /// Parses `input`. The input is cut to [`MAX_QUERY_CHARS`] characters
    /// and [`MAX_TERMS`] terms (see [`Query::truncated`]); control
    /// characters separate terms. An unknown or malformed filter is an error.
    pub fn parse(input: &str, corpus: &Corpus) -> Result<Query, QueryError> {
        let (input, mut truncated) = match input.char_indices().nth(MAX_QUERY_CHARS) {
            Some((cut, _)) => (&input[..cut], true),
            None => (input, false),
        };
        let mut query = Query {
            terms: Vec::new(),
            excluded: Vec::new(),
            docs: None,
            roles: Vec::new(),
            truncated: false,
            labels: Vec::new(),
            excluded_labels: Vec::new(),
            filter_labels: Vec::new(),
            described: None,
        };
        let mut filters = Filters::default();
        let pieces = pieces(input);
        // What the last piece was, for `|`: a term to find, or not.
        let mut after_term = false;
        // A `|` waiting for the term it joins to the group before it.
        let mut join: Option<Range<usize>> = None;
        let mut count = 0;
        for (i, (span, piece)) in pieces.iter().enumerate() {
            let error = |message: String| QueryError {
                message,
                span: span.clone(),
            };
            let bad_join = |span: &Range<usize>| QueryError {
                message: "\"|\" joins terms to find, either of which may match; \
                          it cannot join a filter or a left-out (!) term"
                    .into(),
                span: span.clone(),
            };
            if *piece == "|" {
                match (after_term, i) {
                    (true, _) => join = Some(span.clone()),
                    // A leading or doubled `|` joins nothing yet.
                    (false, 0) => {}
                    (false, _) if pieces[i - 1].1 == "|" => {}
                    (false, _) => return Err(bad_join(span)),
                }
                after_term = false;
                continue;
            }
            after_term = false;
            let (negated, rest) = match piece.strip_prefix('!') {
                Some(rest) => (true, rest),
                None => (false, *piece),
            };
            if let Some((name, value)) = filter_parts(rest) {
                if let Some(j) = join {
                    return Err(bad_join(&j));
                }
                if negated {
                    return Err(error(format!(
                        "a filter cannot be negated: \"{}\"",
                        clean_line(piece)
                    )));
                }
                filters.add(name, value, corpus).map_err(error)?;
                query.filter_labels.push(clean_line(piece));
                continue;
            }
            let Some(term) = term(rest, negated) else {
                continue;
            };
            if negated {
                if let Some(j) = join {
                    return Err(bad_join(&j));
                }
                if query.excluded.contains(&term) {
                    continue;
                }
            } else {
                after_term = true;
                let joins_next = pieces.get(i + 1).is_some_and(|(_, p)| *p == "|");
                let repeated = match (&join, query.terms.last()) {
                    (Some(_), Some(group)) => group.contains(&term),
                    _ => {
                        !joins_next
                            && query
                                .terms
                                .iter()
                                .any(|g| g.as_slice() == std::slice::from_ref(&term))
                    }
                };
                if repeated {
                    join = None;
                    continue;
                }
            }
            if count >= MAX_TERMS {
                truncated = true;
                break;
            }
            count += 1;
            let typed = clean_line(piece);
            match (negated, join.take(), query.terms.last_mut()) {
                (true, _, _) => {
                    query.excluded.push(term);
                    query.excluded_labels.push(typed);
                }
                (false, Some(_), Some(group)) => {
                    group.push(term);
                    if let Some(label) = query.labels.last_mut() {
                        label.push_str(" | ");
                        label.push_str(&typed);
                    }
                }
                (false, _, _) => {
                    query.terms.push(vec![term]);
                    query.labels.push(typed);
                }
            }
        }
        query.docs = filters.documents(corpus);
        query.described = filters.described();
        query.roles = filters.roles;
        query.truncated = truncated;
        Ok(query)
    }

    /// The documents its filters (`kind:`, `year:`, `by:`) allow, by index
    /// into the corpus it was parsed against; `None` when none names
    /// documents.
    pub fn documents(&self) -> Option<&[bool]> {
        self.docs.as_deref()
    }

    /// Its filters in words ("documents issued, signed or joined by Human
    /// Rights Watch; people quoted in them"), or `None` for no filter.
    pub fn filters_described(&self) -> Option<&str> {
        self.described.as_deref()
    }

    /// True when the input was cut to [`MAX_QUERY_CHARS`] or [`MAX_TERMS`].
    pub fn truncated(&self) -> bool {
        self.truncated
    }

    /// Whether a filter narrows the documents or the people.
    pub(super) fn has_filters(&self) -> bool {
        self.docs.is_some() || !self.roles.is_empty()
    }

    /// The query with its filters alone.
    pub(super) fn filters_only(&self) -> Query {
        self.keeping(&[]).without_exclusions()
    }

    fn without_exclusions(mut self) -> Query {
        self.excluded.clear();
        self.excluded_labels.clear();
        self
    }

    /// The query with only the groups of terms at `groups` (indices into
    /// `terms`), its exclusions and filters as they are.
    pub(super) fn keeping(&self, groups: &[usize]) -> Query {
        let pick = |all: &[Vec<Term>]| groups.iter().filter_map(|&j| all.get(j).cloned()).collect();
        Query {
            terms: pick(&self.terms),
            labels: groups
                .iter()
                .filter_map(|&j| self.labels.get(j).cloned())
                .collect(),
            ..self.clone()
        }
    }

    /// The query as typed: its terms, exclusions and filters, cleaned.
    pub(super) fn typed(&self) -> String {
        let all = [&self.labels, &self.excluded_labels, &self.filter_labels];
        all.into_iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// True for a query that asks for nothing: no term and no filter.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
            && self.excluded.is_empty()
            && self.docs.is_none()
            && self.roles.is_empty()
    }
}

/// The query split at whitespace and control characters outside double
/// quotes, with each piece's byte range. An unclosed quote runs to the end.
fn pieces(input: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    let mut quoted = false;
    for (i, c) in input.char_indices() {
        let separates = !quoted && (c.is_whitespace() || c.is_control());
        if c == '"' {
            quoted = !quoted;
        }
        match (separates, start) {
            (true, Some(s)) => {
                out.push((s..i, &input[s..i]));
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s..input.len(), &input[s..]));
    }
    out
}

/// `name:value` when the piece starts with a filter name: ASCII letters and
/// a colon. A quoted piece is never a filter.
fn filter_parts(piece: &str) -> Option<(&str, &str)> {
    let (name, value) = piece.split_once(':')?;
    (!name.is_empty() && name.bytes().all(|b| b.is_ascii_alphabetic())).then_some((name, value))
}

/// The text of a piece without its quotes, cleaned of characters that
/// never occur in the corpus (bidi controls and the like).
fn unquote(s: &str) -> String {
    clean_line(&s.replace('"', ""))
}

/// A term from a piece without its `!`; `None` for one with no word in it
/// (punctuation alone), which matches nothing and so is left out.
fn term(piece: &str, negated: bool) -> Option<Term> {
    let (piece, end) = match piece.strip_suffix('$') {
        Some(rest) if !rest.is_empty() => (rest, true),
        _ => (piece, false),
    };
    let (exact, start, rest) = if let Some(rest) = piece.strip_prefix('\'') {
        (true, false, rest)
    } else if let Some(rest) = piece.strip_prefix('^') {
        (true, true, rest)
    } else {
        // fzf's !term and term$ are exact.
        (piece.starts_with('"') || negated || end, false, piece)
    };
    let text = unquote(rest);
    let case_sensitive = text.chars().any(char::is_uppercase);
    let found = words(&text);
    let last = found.len().checked_sub(1)?;
    let tokens = found
        .iter()
        .enumerate()
        .map(|(i, (_, word))| (i, word, fold(word, case_sensitive)))
        .map(|(i, word, text)| Token {
            chars: text.chars().count(),
            text,
            // Inside a phrase a word is whole; its ends are whole only
            // where anchored.
            part: match (exact, i == 0 && !start, i == last && !end) {
                // A run of Han or Kana holds many words: find it inside.
                (false, _, _) if unspaced(word) => Part::Within,
                (false, _, _) => Part::Fuzzy,
                (true, true, true) => Part::Within,
                (true, true, false) => Part::End,
                (true, false, true) => Part::Start,
                (true, false, false) => Part::Whole,
            },
        })
        .collect();
    Some(Term {
        tokens,
        case_sensitive,
        // One letter is in nearly every title and name.
        whole: (!exact && text.chars().count() > 1).then(|| fold(&text, case_sensitive)),
    })
}

#[cfg(test)]
mod tests;
