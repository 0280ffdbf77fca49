//! How a passage is cited when it leaves nkread: the paragraph verbatim,
//! then who issued it, the title, the date and the paragraph number.

use crate::corpus::Document;

/// "Issuers, “Title”, date, ¶n": who speaks, what, when, and where in it.
pub fn citation(doc: &Document, paragraph: usize) -> String {
    format!("{}, ¶{}", source(doc), paragraph + 1)
}

/// "Issuers, “Title”, date": the document, for a passage with no number.
pub fn source(doc: &Document) -> String {
    let mut parts = Vec::new();
    let issuers = doc.issuers();
    if !issuers.is_empty() {
        parts.push(issuers.join(", "));
    } else if let Some(by) = &doc.posted_by {
        parts.push(by.clone());
    }
    parts.push(format!("“{}”", doc.shown_title()));
    parts.push(doc.shown_date());
    parts.join(", ")
}

/// The paragraph followed by its citation, ready to paste into a report.
pub fn quote(doc: &Document, paragraph: usize) -> Option<String> {
    let text = doc.paragraphs.get(paragraph)?;
    Some(format!("{text}\n\n— {}\n", citation(doc, paragraph)))
}
