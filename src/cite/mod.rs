//! How a document or passage is cited when it leaves nkread: who wrote it,
//! when, and where it was published, as a line to paste and in the formats
//! reference managers read (CSL-JSON, BibTeX, RIS), and in CSL styles.
//!
//! The author is who issued the document, else its signatories; never who
//! posted the page. A date the text implies is marked inferred.

pub mod authors;
pub mod dates;
pub mod formats;
pub mod names;
pub mod style;

use crate::corpus::Document;

pub use authors::{authors, short_authors};
pub use dates::{cited_date, long_date};

/// "Authors, “Title”, date, ¶n": who speaks, what, when, and where in it.
pub fn citation(doc: &Document, paragraph: usize) -> String {
    format!("{}, ¶{}", source(doc), paragraph + 1)
}

/// "Authors, “Title”, publisher, date, address, accessed date": the
/// document, for a passage with no number.
pub fn source(doc: &Document) -> String {
    let mut parts = Vec::new();
    parts.extend(short_authors(doc));
    parts.push(format!("“{}”", doc.shown_title()));
    parts.extend(doc.publisher.clone());
    parts.push(cited_date(doc).unwrap_or_else(|| "undated".to_string()));
    parts.extend(doc.url.clone());
    if let Some(accessed) = doc.accessed {
        parts.push(format!("accessed {}", long_date(accessed)));
    }
    parts.join(", ")
}

/// The paragraph followed by its citation, ready to paste into a report.
pub fn quote(doc: &Document, paragraph: usize) -> Option<String> {
    let text = doc.paragraphs.get(paragraph)?;
    Some(format!("{text}\n\n— {}\n", citation(doc, paragraph)))
}

/// What is cited: a document, or one of its paragraphs (from 0).
#[derive(Debug, Clone, Copy)]
pub struct Cited<'a> {
    pub doc: &'a Document,
    pub paragraph: Option<usize>,
}
