//! References in the formats reference managers and writers read:
//! CSL-JSON (Zotero, Pandoc, every CSL processor), BibTeX (biblatex) and
//! RIS. Each document is one reference, keyed by its id, with every
//! author, the given or inferred date kept apart from the other (an
//! inferred one is marked circa) and the provenance. A paragraph is a
//! citation's locator, which no item format has a field for: the passages
//! cited and their notes travel in the reference's note, and a Markdown
//! text cites them as `[@id, para. 3]`.

use super::authors;
use super::names::{Name, name};
use crate::corpus::{DocKind, Document, PartialDate, Person};
use serde_json::{Value, json};

/// A document as a bibliography holds it: once, with the passages cited
/// from it.
#[derive(Debug, Clone)]
pub struct Reference<'a> {
    pub doc: &'a Document,
    pub passages: Vec<Passage>,
}

/// A passage cited: its paragraph (from 0; `None` when the paragraph is
/// gone from the document) and the note kept with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub paragraph: Option<usize>,
    pub note: String,
}

impl<'a> Reference<'a> {
    /// The document alone, or with one paragraph cited.
    pub fn new(doc: &'a Document, paragraph: Option<usize>) -> Self {
        let passages = paragraph
            .map(|p| Passage {
                paragraph: Some(p),
                note: String::new(),
            })
            .into_iter()
            .collect();
        Reference { doc, passages }
    }

    /// Each passage as the reference notes it, its note's lines apart:
    /// `["¶3: first line", "second line"]`.
    fn passage_lines(&self) -> Vec<Vec<String>> {
        self.passages
            .iter()
            .map(|p| {
                let at = match p.paragraph {
                    Some(n) => format!("¶{}", n + 1),
                    None => "A passage no longer in the document".to_string(),
                };
                let mut lines: Vec<String> = p.note.lines().map(str::to_string).collect();
                match lines.first_mut() {
                    Some(first) => *first = format!("{at}: {first}"),
                    None => lines.push(at),
                }
                lines
            })
            .collect()
    }
}

/// What kind of item the document is, as a genre a style can print.
fn genre(kind: DocKind) -> &'static str {
    match kind {
        DocKind::PressRelease => "Press release",
        DocKind::JointLetter => "Joint letter",
        DocKind::OpenLetter => "Open letter",
        DocKind::Letter => "Letter",
        DocKind::Statement => "Statement",
        DocKind::Report => "Report",
        DocKind::Submission => "Submission",
        DocKind::Other => "Document",
    }
}

/// The date cited and whether the text only implies it.
fn issued(doc: &Document) -> Option<(PartialDate, bool)> {
    match (doc.date, doc.inferred_date) {
        (Some(date), _) => Some((date, false)),
        (None, inferred) => inferred.map(|d| (d, true)),
    }
}

/// What a reader of the reference should know that has no field of its
/// own: why a date is inferred, and who posted the page (not an author).
fn note(doc: &Document) -> Option<String> {
    let mut parts = Vec::new();
    if let (Some(inferred), Some(reason)) = (doc.inferred_date, &doc.inferred_date_reason) {
        parts.push(format!("Date inferred ({inferred}): {reason}"));
    }
    if let Some(by) = &doc.posted_by {
        parts.push(format!("Posted by {by}."));
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

fn date_parts(date: PartialDate) -> Vec<u16> {
    [Some(date.year)]
        .into_iter()
        .chain([date.month, date.day].map(|p| p.map(u16::from)))
        .flatten()
        .collect()
}

/// A CSL name: a person's family and given names, or a body's (or an
/// unsplit) name whole.
fn csl_name(person: &Person) -> Value {
    match name(person) {
        Name::Literal(whole) => json!({ "literal": whole }),
        Name::Split {
            family,
            given: None,
        } => json!({ "family": family }),
        Name::Split {
            family,
            given: Some(given),
        } => json!({ "family": family, "given": given }),
    }
}

/// One CSL-JSON item (the csl-data schema). A supplied title is in
/// brackets, as catalogues write it. The note holds the document's own
/// note, then each passage on a line of its own, its note's lines kept.
pub fn csl_item(reference: &Reference) -> Value {
    let doc = reference.doc;
    let mut item = json!({
        "id": doc.id,
        "type": match doc.kind {
            DocKind::PressRelease | DocKind::Report | DocKind::Submission => "report",
            DocKind::JointLetter | DocKind::OpenLetter | DocKind::Letter => "letter",
            DocKind::Statement | DocKind::Other => "document",
        },
        "title": doc.shown_title(),
        "genre": genre(doc.kind),
        "author": authors(doc).iter().map(|p| csl_name(p)).collect::<Vec<_>>(),
    });
    // Indexing an object inserts the key.
    if let Some((date, circa)) = issued(doc) {
        let mut issued = json!({ "date-parts": [date_parts(date)] });
        if circa {
            issued["circa"] = json!(true);
        }
        item["issued"] = issued;
    }
    if let Some(accessed) = doc.accessed {
        item["accessed"] = json!({ "date-parts": [date_parts(accessed)] });
    }
    let notes: Vec<String> = note(doc)
        .into_iter()
        .chain(reference.passage_lines().into_iter().flatten())
        .collect();
    let note = (!notes.is_empty()).then(|| notes.join("\n"));
    for (key, value) in [
        ("publisher", &doc.publisher),
        ("URL", &doc.url),
        ("publisher-place", &doc.place),
        ("note", &note),
    ] {
        if let Some(value) = value {
            item[key] = json!(value);
        }
    }
    item
}

/// A CSL-JSON file: an array of items.
pub fn csl_json(references: &[Reference]) -> String {
    let items: Vec<Value> = references.iter().map(csl_item).collect();
    let mut out = serde_json::to_string_pretty(&items).unwrap_or_default();
    out.push('\n');
    out
}

/// Text in a BibTeX field: LaTeX's special characters escaped, and the
/// ligatures TeX makes of plain characters (`` ` `` and ``` `` ``` as
/// opening quotes, `''` as a closing one, `--` as a dash) kept apart.
fn tex(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '`' => out.push_str("\\`{}"),
            '-' | '\'' if chars.peek() == Some(&c) => {
                out.push(c);
                out.push_str("{}");
            }
            '&' | '%' | '$' | '#' | '_' | '{' | '}' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '\\' => out.push_str("\\textbackslash{}"),
            '\n' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// An address for biblatex's verbatim `url` field, where no escape is
/// read: a brace would end the field and a backslash escape the next one,
/// so those are percent-encoded, which an address means the same with.
fn verbatim_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            '{' => out.push_str("%7B"),
            '}' => out.push_str("%7D"),
            '\\' => out.push_str("%5C"),
            c if c.is_whitespace() || c.is_control() => {
                let mut bytes = [0; 4];
                for b in c.encode_utf8(&mut bytes).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// A biblatex name: `{Family}, Given`, the family name braced so that a
/// compound one stays whole; a body's name all in braces, so that it is
/// never split into a first and last name.
fn bibtex_name(person: &Person) -> String {
    match name(person) {
        Name::Literal(whole) => format!("{{{}}}", tex(whole)),
        Name::Split { family, given } => {
            let given = given.map(|g| format!(", {}", tex(g))).unwrap_or_default();
            format!("{{{}}}{given}", tex(family))
        }
    }
}

/// One biblatex entry. Every author is a name as [`bibtex_name`] writes it; an inferred
/// date is written circa (`2014-12~`); the passages and their notes are
/// `annote`, a line each, a note's lines kept with `\\`.
pub fn bibtex_entry(reference: &Reference) -> String {
    let doc = reference.doc;
    let mut fields: Vec<(&str, String)> = Vec::new();
    let names: Vec<String> = authors(doc).iter().map(|p| bibtex_name(p)).collect();
    if !names.is_empty() {
        fields.push(("author", names.join(" and ")));
    }
    // Braces keep the title's capitals as written.
    fields.push(("title", format!("{{{}}}", tex(&doc.shown_title()))));
    fields.push(("type", genre(doc.kind).to_string()));
    if let Some((date, circa)) = issued(doc) {
        let circa = if circa { "~" } else { "" };
        fields.push(("date", format!("{date}{circa}")));
    }
    for (key, value) in [
        ("publisher", &doc.publisher),
        ("location", &doc.place),
        ("note", &note(doc)),
    ] {
        if let Some(value) = value {
            fields.push((key, tex(value)));
        }
    }
    if let Some(url) = &doc.url {
        fields.push(("url", verbatim_url(url)));
    }
    if let Some(accessed) = doc.accessed {
        fields.push(("urldate", accessed.to_string()));
    }
    let lines: Vec<String> = reference
        .passage_lines()
        .into_iter()
        .flatten()
        .map(|line| tex(&line))
        .collect();
    if !lines.is_empty() {
        fields.push(("annote", lines.join("\\\\\n    ")));
    }
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("  {k} = {{{v}}}"))
        .collect();
    format!("@misc{{{},\n{}\n}}\n", doc.id, body.join(",\n"))
}

pub fn bibtex(references: &[Reference]) -> String {
    let entries: Vec<String> = references.iter().map(bibtex_entry).collect();
    entries.join("\n")
}

/// One RIS record: a tag, two spaces, a hyphen and a space, and a value on
/// one line; the record ends with `ER`. An inferred date is marked circa
/// in the free-text part of `DA`, and its reason is in `N1`; each passage
/// is an `N1` of its own, a note's lines joined with " / " as a quotation
/// joins lines of verse, since a value has one line.
pub fn ris_record(reference: &Reference) -> String {
    let doc = reference.doc;
    let mut lines: Vec<(&str, String)> = vec![(
        "TY",
        match doc.kind {
            DocKind::PressRelease => "PRESS",
            DocKind::Report | DocKind::Submission => "RPRT",
            _ => "GEN",
        }
        .to_string(),
    )];
    lines.push(("ID", doc.id.clone()));
    lines.extend(authors(doc).iter().map(|p| {
        let au = match name(p) {
            Name::Literal(whole) => whole.to_string(),
            Name::Split { family, given } => {
                given.map_or(family.to_string(), |g| format!("{family}, {g}"))
            }
        };
        ("AU", au)
    }));
    lines.push(("TI", doc.shown_title()));
    lines.push(("M3", genre(doc.kind).to_string()));
    if let Some((date, circa)) = issued(doc) {
        lines.push(("PY", date.year.to_string()));
        let part = |p: Option<u8>| p.map(|p| format!("{p:02}")).unwrap_or_default();
        let other = if circa { "circa" } else { "" };
        lines.push((
            "DA",
            format!(
                "{}/{}/{}/{other}",
                date.year,
                part(date.month),
                part(date.day)
            ),
        ));
    }
    for (tag, value) in [
        ("PB", &doc.publisher),
        ("CY", &doc.place),
        ("UR", &doc.url),
        ("N1", &note(doc)),
    ] {
        if let Some(value) = value {
            lines.push((tag, value.clone()));
        }
    }
    if let Some(accessed) = doc.accessed {
        lines.push(("Y2", accessed.to_string()));
    }
    lines.extend(
        reference
            .passage_lines()
            .into_iter()
            .map(|note| ("N1", note.join(" / "))),
    );
    lines.push(("ER", String::new()));
    lines
        .iter()
        .map(|(tag, value)| format!("{tag}  - {}\n", value.replace('\n', " ")))
        .collect()
}

pub fn ris(references: &[Reference]) -> String {
    let records: Vec<String> = references.iter().map(ris_record).collect();
    records.join("\n")
}
