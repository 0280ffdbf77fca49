//! `nkread show ID`: one document, its paragraphs numbered from 1 and its
//! people by role, as text wrapped to the terminal or JSON.

use super::format::block;
use crate::corpus::{Corpus, Document, Person, Role};
use serde::Serialize;

/// The document as text: metadata, numbered paragraphs, people by role.
/// Every paragraph starts with its "[n]" in the first column, so scripts can
/// find it; a terminal gets lines wrapped to `width` with hanging indents.
pub(super) fn show_text(doc: &Document, width: Option<usize>) -> String {
    let mut out = block(&doc.shown_title(), width, "", "");
    if let Some(subtitle) = &doc.subtitle {
        out.push_str(&block(subtitle, width, "", ""));
    }
    out.push('\n');
    const LABEL: usize = 11;
    let mut field = |name: &str, value: &str| {
        let label = format!("{:<LABEL$}", format!("{name}:"));
        out.push_str(&block(value, width, &label, &" ".repeat(LABEL)));
    };
    field("id", &doc.id);
    field("date", &doc.shown_date());
    if let Some(reason) = &doc.inferred_date_reason {
        field("inferred", reason);
    }
    if let Some(note) = &doc.date_note {
        field("date note", note);
    }
    field("kind", &doc.kind.to_string());
    if let Some(place) = &doc.place {
        field("place", place);
    }
    let issuers = doc.issuers();
    if !issuers.is_empty() {
        field("issuers", &issuers.join("; "));
    }
    if !doc.cite_as.is_empty() {
        field("cite as", &doc.cite_as.join("; "));
    }
    if let Some(by) = &doc.posted_by {
        field("posted by", by);
    }
    if let Some(publisher) = &doc.publisher {
        field("publisher", publisher);
    }
    if let Some(url) = &doc.url {
        field("url", url);
    }
    if let Some(accessed) = doc.accessed {
        field("accessed", &accessed.to_string());
    }
    if !doc.tags.is_empty() {
        field("tags", &doc.tags.join(", "));
    }
    if let Some(note) = &doc.curator_note {
        field("note", note);
    }
    if doc.title_supplied {
        field(
            "title",
            "supplied by the curator: the capture has no headline",
        );
    }
    let marker = format!("[{}] ", doc.paragraphs.len()).len();
    for (i, p) in doc.paragraphs.iter().enumerate() {
        let first = format!("{:<marker$}", format!("[{}]", i + 1));
        out.push('\n');
        out.push_str(&block(p, width, &first, &" ".repeat(marker)));
    }
    // The document's own heading introduces its list: signatories or members.
    let mut list_heading = doc.people_heading.as_ref();
    for role in Role::ALL {
        let people: Vec<&Person> = doc.people_with(role).collect();
        if people.is_empty() {
            continue;
        }
        let mut heading = format!("{} ({})", role.heading(), people.len());
        if matches!(role, Role::Signatory | Role::Member)
            && let Some(own) = list_heading.take()
        {
            heading.push_str(&format!(": “{own}”"));
        }
        out.push('\n');
        out.push_str(&block(&heading, width, "", "  "));
        for p in people {
            out.push_str(&block(&p.line(), width, "  ", "      "));
        }
    }
    out
}

#[derive(Serialize)]
pub(super) struct ShowDoc<'a> {
    id: &'a str,
    title: &'a str,
    title_supplied: bool,
    subtitle: Option<&'a str>,
    /// The source's own date; an inferred one is apart, never in its place.
    date: Option<String>,
    inferred_date: Option<String>,
    inferred_date_reason: Option<&'a str>,
    date_note: Option<&'a str>,
    kind: String,
    place: Option<&'a str>,
    posted_by: Option<&'a str>,
    publisher: Option<&'a str>,
    url: Option<&'a str>,
    accessed: Option<String>,
    curator_note: Option<&'a str>,
    tags: &'a [String],
    /// The curator's authors for a citation, in order; empty for the rule.
    cite_as: &'a [String],
    source: Option<&'a str>,
    paragraphs: Vec<ShowParagraph<'a>>,
    people_heading: Option<&'a str>,
    people: Vec<ShowPerson<'a>>,
}

#[derive(Serialize)]
pub(super) struct ShowParagraph<'a> {
    n: usize,
    text: &'a str,
}

#[derive(Serialize)]
pub(super) struct ShowPerson<'a> {
    name: &'a str,
    kind: String,
    role: String,
    title: Option<&'a str>,
    affiliation: Option<&'a str>,
    country: Option<&'a str>,
    acronym: Option<&'a str>,
    note: Option<&'a str>,
    family: Option<&'a str>,
    entity: &'a str,
}

pub(super) fn show_json<'a>(corpus: &'a Corpus, doc: &'a Document) -> ShowDoc<'a> {
    ShowDoc {
        id: &doc.id,
        title: &doc.title,
        title_supplied: doc.title_supplied,
        subtitle: doc.subtitle.as_deref(),
        date: doc.date.map(|d| d.to_string()),
        inferred_date: doc.inferred_date.map(|d| d.to_string()),
        inferred_date_reason: doc.inferred_date_reason.as_deref(),
        date_note: doc.date_note.as_deref(),
        kind: doc.kind.to_string(),
        place: doc.place.as_deref(),
        posted_by: doc.posted_by.as_deref(),
        publisher: doc.publisher.as_deref(),
        url: doc.url.as_deref(),
        accessed: doc.accessed.map(|d| d.to_string()),
        curator_note: doc.curator_note.as_deref(),
        tags: &doc.tags,
        cite_as: &doc.cite_as,
        source: doc.source.as_deref(),
        paragraphs: doc
            .paragraphs
            .iter()
            .enumerate()
            .map(|(i, text)| ShowParagraph { n: i + 1, text })
            .collect(),
        people_heading: doc.people_heading.as_deref(),
        people: Role::ALL
            .into_iter()
            .flat_map(|role| doc.people_with(role))
            .map(|p| ShowPerson {
                name: &p.name,
                kind: p.kind.to_string(),
                role: p.role.to_string(),
                title: p.title.as_deref(),
                affiliation: p.affiliation.as_deref(),
                country: p.country.as_deref(),
                acronym: p.acronym.as_deref(),
                note: p.note.as_deref(),
                family: p.family.as_deref(),
                entity: &corpus.entity_of(p).id,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::{MAX_WIDTH, MIN_WIDTH};
    use super::*;
    use unicode_width::UnicodeWidthStr;

    fn corpus() -> Corpus {
        Corpus::load(&[]).expect("the bundled corpus loads")
    }

    #[test]
    fn show_wraps_to_the_terminal_with_hanging_indents() {
        let corpus = corpus();
        for doc in &corpus.documents {
            for width in [MIN_WIDTH, 40, 80, MAX_WIDTH] {
                let text = show_text(doc, Some(width));
                for line in text.lines() {
                    // A line overflows only for a word too long for any line
                    // under the deepest indent, the label column.
                    let fits = line.width() <= width
                        || line.split_whitespace().any(|w| w.width() > width - 11);
                    assert!(fits, "{} at {width}: {line:?}", doc.id);
                }
            }
        }
        let doc = corpus.get("joint-letter-security-council-2015").unwrap();
        insta::assert_snapshot!(show_text(doc, Some(60)));
    }

    #[test]
    fn wrapping_keeps_every_word() {
        let corpus = corpus();
        for doc in &corpus.documents {
            let wrapped = show_text(doc, Some(40));
            let unwrapped = show_text(doc, None);
            let (a, b) = (wrapped.split_whitespace(), unwrapped.split_whitespace());
            assert_eq!(a.clone().count(), b.clone().count(), "{}", doc.id);
            assert_eq!(a.zip(b).find(|(a, b)| a != b), None, "{}", doc.id);
        }
    }
}
