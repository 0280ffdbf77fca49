//! The `search` command's output: hits as lines of text or as JSON, and the
//! stream of queries read from stdin.

use super::Failure;
use crate::corpus::{Corpus, clean_line};
use crate::search::{Field, Hit, Miss, Query, Scope, SearchIndex, field_text, snippet};
use serde::Serialize;
use std::borrow::Cow;
use std::io::{BufRead, Write};
use unicode_width::UnicodeWidthStr;

const MARK_ON: &str = "\u{1b}[7m";
const MARK_OFF: &str = "\u{1b}[27m";

#[derive(Serialize)]
struct Row<'a> {
    doc: &'a str,
    field: &'static str,
    /// Numbered from 1, as `show` numbers them.
    paragraph: Option<usize>,
    score: i64,
    text: Cow<'a, str>,
    indices: Vec<usize>,
    /// Where the snippet centres: the best match.
    #[serde(skip)]
    focus: Option<usize>,
}

fn rows<'c>(corpus: &'c Corpus, index: &SearchIndex, query: &Query, hits: &[Hit]) -> Vec<Row<'c>> {
    hits.iter()
        .filter_map(|hit| {
            let doc = corpus.documents.get(hit.doc)?;
            let (field, paragraph) = match hit.field {
                Field::Title => ("title", None),
                Field::Paragraph(i) => ("paragraph", Some(i + 1)),
                Field::Person(_) => ("person", None),
            };
            let marks = index.marks(hit, query, corpus);
            Some(Row {
                doc: &doc.id,
                field,
                paragraph,
                score: hit.score,
                text: field_text(corpus, hit.doc, hit.field)?,
                indices: marks.chars,
                focus: marks.focus,
            })
        })
        .collect()
}

/// A query parsed, or the error to show for it.
fn parse(line: &str, corpus: &Corpus) -> Result<Query, String> {
    Query::parse(line, corpus).map_err(|e| clean_line(&e.message))
}

fn truncation_note(query: &Query) -> Option<String> {
    query.truncated().then(|| {
        format!(
            "nkread: the query was cut to its first {} characters and {} terms",
            crate::search::MAX_QUERY_CHARS,
            crate::search::MAX_TERMS
        )
    })
}

/// One query's hits: JSON, or a line per hit. `columns` is the terminal's
/// width when stdout is one; then each hit is a snippet with its match
/// marked.
pub(super) fn search(
    corpus: &Corpus,
    text: &str,
    scope: Scope,
    limit: usize,
    json: bool,
    columns: Option<usize>,
) -> Result<String, Failure> {
    let query = parse(text, corpus).map_err(|m| Failure::input(format!("nkread: {m}")))?;
    if let Some(note) = truncation_note(&query) {
        super::say(note);
    }
    let index = SearchIndex::build(corpus);
    let hits = index.search(&query, scope, limit).hits;
    if hits.is_empty() && limit > 0 && !query.is_empty() {
        let miss = index.explain(&query, scope, limit);
        return Err(missed(
            corpus,
            &index,
            &query,
            text,
            miss.as_ref(),
            json,
            columns,
        )?);
    }
    let rows = rows(corpus, &index, &query, &hits);
    if json {
        return Ok(super::to_json(&rows));
    }
    let mark = columns.is_some() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
    Ok(lines(&rows, columns, mark, ""))
}

/// Nothing found, as grep says it, with status 1: stderr names the terms
/// that matched nothing and lists the partial matches without them, each
/// marked "partial" (stdout carries whole matches only: none, or `[]` for
/// JSON).
fn missed(
    corpus: &Corpus,
    index: &SearchIndex,
    query: &Query,
    text: &str,
    miss: Option<&Miss>,
    json: bool,
    columns: Option<usize>,
) -> Result<Failure, Failure> {
    if json {
        super::write_stdout("[]\n")?;
    }
    let mut message = format!("nkread: nothing found for “{}”", clean_line(text.trim()));
    // Without a miss, exclusions alone left nothing: nothing more to say.
    let Some(miss) = miss else {
        return Ok(Failure { code: 1, message });
    };
    message.push_str(&format!(": {}", miss.said()));
    if let (Miss::Filtered, Some(filters)) = (miss, query.filters_described()) {
        message.push_str(&format!(": {filters}"));
    }
    let partial = rows(corpus, index, query, miss.hits());
    if !partial.is_empty() {
        message.push_str(":\n");
        message.push_str(lines(&partial, columns, false, "partial  ").trim_end());
    }
    Ok(Failure { code: 1, message })
}

/// A line per hit: the document id, where it matched, and the text (a
/// snippet in a terminal of `columns`, its matches marked with `mark`),
/// after `tag`.
fn lines(rows: &[Row], columns: Option<usize>, mark: bool, tag: &str) -> String {
    let rows: Vec<(String, &Row)> = rows
        .iter()
        .map(|r| {
            let place = match r.paragraph {
                Some(n) => format!("¶{n}"),
                None => r.field.to_string(),
            };
            (place, r)
        })
        .collect();
    let id_width = rows.iter().map(|(_, r)| r.doc.width()).max().unwrap_or(0);
    let place_width = rows.iter().map(|(p, _)| p.width()).max().unwrap_or(0);
    let mut out = String::new();
    for (place, row) in &rows {
        let lead = format!(
            "{tag}{}  {}  ",
            super::format::pad(row.doc, id_width),
            super::format::pad(place, place_width)
        );
        // One line per hit: a paragraph's own line breaks become spaces.
        let one_line = row.text.replace('\n', " ");
        let (text, marks) = match columns {
            Some(c) => snippet(
                &one_line,
                &row.indices,
                row.focus,
                c.saturating_sub(lead.width()),
            ),
            None => (one_line, row.indices.clone()),
        };
        out.push_str(&lead);
        out.push_str(&if mark { marked(&text, &marks) } else { text });
        out.push('\n');
    }
    out
}

/// `text` with the characters at `marks` in reverse video.
fn marked(text: &str, marks: &[usize]) -> String {
    let mut out = String::with_capacity(text.len() + marks.len() * 8);
    let mut on = false;
    let mut next = marks.iter().peekable();
    for (i, c) in text.chars().enumerate() {
        let hit = next.next_if(|&&m| m == i).is_some();
        if hit != on {
            out.push_str(if hit { MARK_ON } else { MARK_OFF });
            on = hit;
        }
        out.push(c);
    }
    if on {
        out.push_str(MARK_OFF);
    }
    out
}

/// Reads queries from stdin, one a line, and writes each one's hits as a
/// JSON array on one line, flushed, so a script can talk to it line by
/// line. A line that is not a valid query gets `{"error": "…"}` instead,
/// and the stream goes on; the exit status is then 2.
pub(super) fn search_stdin(corpus: &Corpus, scope: Scope, limit: usize) -> Result<String, Failure> {
    let index = SearchIndex::build(corpus);
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut line = Vec::new();
    let (mut number, mut failed) = (0usize, 0usize);
    loop {
        line.clear();
        match input.read_until(b'\n', &mut line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) => {
                return Err(Failure {
                    code: 1,
                    message: format!("nkread: cannot read the queries: {e}"),
                });
            }
        }
        number += 1;
        // A line that is not UTF-8 is a bad line, not one to guess at.
        let parsed = std::str::from_utf8(&line)
            .map_err(|e| {
                format!(
                    "the line is not valid UTF-8 (at byte {})",
                    e.valid_up_to() + 1
                )
            })
            .and_then(|text| parse(text, corpus));
        let answer = match parsed {
            Ok(query) => {
                if let Some(note) = truncation_note(&query) {
                    super::say(format!("{note} (line {number})"));
                }
                let hits = index.search(&query, scope, limit).hits;
                serde_json::to_string(&rows(corpus, &index, &query, &hits))
            }
            Err(message) => {
                failed += 1;
                super::say(format!("nkread: line {number}: {message}"));
                serde_json::to_string(&serde_json::json!({ "error": message }))
            }
        };
        // Plain strings and numbers always serialize.
        let answer = answer.unwrap_or_default();
        let written = writeln!(out, "{answer}").and_then(|()| out.flush());
        match written {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(String::new()),
            Err(e) => {
                return Err(Failure {
                    code: 1,
                    message: format!("nkread: cannot write output: {e}"),
                });
            }
            Ok(()) => {}
        }
    }
    if failed > 0 {
        return Err(Failure::input(format!(
            "nkread: {failed} of {number} queries had errors; their lines are {{\"error\": …}}"
        )));
    }
    Ok(String::new())
}
