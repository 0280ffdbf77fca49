//! A citation in the formats reference managers and writers read:
//! CSL-JSON (Zotero, Pandoc, every CSL processor), BibTeX (biblatex) and
//! RIS. Each carries every author, the given or inferred date kept apart
//! from the other (an inferred one is marked circa), the provenance, and a
//! paragraph as the locator.

use super::{Cited, authors};
use crate::corpus::{DocKind, Document, PartialDate};
use serde_json::{Value, json};

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

/// One CSL-JSON item (the csl-data schema). A supplied title is in
/// brackets, as catalogues write it.
pub fn csl_item(cited: Cited) -> Value {
    let doc = cited.doc;
    let mut item = json!({
        "id": cited.key(),
        "type": match doc.kind {
            DocKind::PressRelease | DocKind::Report | DocKind::Submission => "report",
            DocKind::JointLetter | DocKind::OpenLetter | DocKind::Letter => "letter",
            DocKind::Statement | DocKind::Other => "document",
        },
        "title": doc.shown_title(),
        "genre": genre(doc.kind),
        "author": authors(doc)
            .iter()
            .map(|p| json!({ "literal": p.name }))
            .collect::<Vec<_>>(),
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
    for (key, value) in [
        ("publisher", &doc.publisher),
        ("URL", &doc.url),
        ("publisher-place", &doc.place),
        ("note", &note(doc)),
    ] {
        if let Some(value) = value {
            item[key] = json!(value);
        }
    }
    if let Some(p) = cited.paragraph {
        item["locator"] = json!((p + 1).to_string());
    }
    item
}

/// A CSL-JSON file: an array of items.
pub fn csl_json(cited: &[Cited]) -> String {
    let items: Vec<Value> = cited.iter().map(|&c| csl_item(c)).collect();
    let mut out = serde_json::to_string_pretty(&items).unwrap_or_default();
    out.push('\n');
    out
}

/// Text in a BibTeX field: LaTeX's special characters escaped.
fn tex(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
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

/// One biblatex entry. Every author is a name in braces, so that an
/// organization is never split into a first and last name; an inferred
/// date is written circa (`2014-12~`); the paragraph is `pages` with
/// `pagination = {paragraph}`.
pub fn bibtex_entry(cited: Cited) -> String {
    let doc = cited.doc;
    let mut fields: Vec<(&str, String)> = Vec::new();
    let names: Vec<String> = authors(doc)
        .iter()
        .map(|p| format!("{{{}}}", tex(&p.name)))
        .collect();
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
    if let Some(p) = cited.paragraph {
        fields.push(("pages", (p + 1).to_string()));
        fields.push(("pagination", "paragraph".into()));
    }
    let body: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!("  {k} = {{{v}}}"))
        .collect();
    format!("@misc{{{},\n{}\n}}\n", cited.key(), body.join(",\n"))
}

pub fn bibtex(cited: &[Cited]) -> String {
    let entries: Vec<String> = cited.iter().map(|&c| bibtex_entry(c)).collect();
    entries.join("\n")
}

/// One RIS record: a tag, two spaces, a hyphen and a space, and a value on
/// one line; the record ends with `ER`. An inferred date keeps its "c." in
/// the free-text part of `DA`, and its reason in `N1`.
pub fn ris_record(cited: Cited) -> String {
    let doc = cited.doc;
    let mut lines: Vec<(&str, String)> = vec![(
        "TY",
        match doc.kind {
            DocKind::PressRelease => "PRESS",
            DocKind::Report | DocKind::Submission => "RPRT",
            _ => "GEN",
        }
        .to_string(),
    )];
    lines.push(("ID", cited.key()));
    lines.extend(authors(doc).iter().map(|p| ("AU", p.name.clone())));
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
    if let Some(p) = cited.paragraph {
        lines.push(("SP", format!("¶{}", p + 1)));
    }
    lines.push(("ER", String::new()));
    lines
        .iter()
        .map(|(tag, value)| format!("{tag}  - {}\n", value.replace('\n', " ")))
        .collect()
}

pub fn ris(cited: &[Cited]) -> String {
    let records: Vec<String> = cited.iter().map(|&c| ris_record(c)).collect();
    records.join("\n")
}
