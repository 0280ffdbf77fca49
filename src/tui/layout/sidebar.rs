//! The signatory sidebar laid out: the open document's people grouped by
//! role, with counts, each with their title, affiliation and country.

use super::text::{wrap, wrap_words};
use crate::corpus::{Document, Person, Role};
use crate::library::Library;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Heading,
    Name,
    Detail,
    Blank,
}

/// The sidebar's lines for a pane of a given inner width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SidebarText {
    pub lines: Vec<(String, LineKind)>,
    /// For each entry in sidebar order: the person's index in the document,
    /// and the lines the entry takes.
    pub entries: Vec<(usize, Range<usize>)>,
}

impl SidebarText {
    /// The sidebar of document `doc`: each entry's name is followed by
    /// "+n" when the entity appears in n other documents; until the People
    /// index arrives, a first line says the counts are coming.
    pub fn lay_out(library: &Library, doc: usize, width: usize) -> SidebarText {
        let Some(d) = library.corpus.documents.get(doc) else {
            return SidebarText {
                lines: Vec::new(),
                entries: Vec::new(),
            };
        };
        let others: Option<Vec<usize>> = library.people().map(|people| {
            d.people
                .iter()
                .map(|p| people.other_documents(doc, p.entity))
                .collect()
        });
        Self::with_counts(d, others.as_deref(), width)
    }

    fn with_counts(doc: &Document, others: Option<&[usize]>, width: usize) -> SidebarText {
        let mut lines = Vec::new();
        if others.is_none() && !doc.people.is_empty() {
            let note = "+n counts: indexing…";
            lines.extend(wrap(note, width).into_iter().map(|l| (l, LineKind::Detail)));
            lines.push((String::new(), LineKind::Blank));
        }
        let mut entries = Vec::new();
        for role in Role::ALL {
            let people: Vec<(usize, &Person)> = doc
                .people
                .iter()
                .enumerate()
                .filter(|(_, p)| p.role == role)
                .collect();
            if people.is_empty() {
                continue;
            }
            if lines
                .last()
                .is_some_and(|(_, kind)| *kind != LineKind::Blank)
            {
                lines.push((String::new(), LineKind::Blank));
            }
            let heading = format!("{} ({})", role.heading(), people.len());
            lines.extend(
                wrap_words(&heading, width)
                    .into_iter()
                    .map(|l| (l, LineKind::Heading)),
            );
            for (index, person) in people {
                let start = lines.len();
                let name = match others.and_then(|o| o.get(index)) {
                    Some(&n) if n > 0 => format!("{} +{n}", person.name),
                    _ => person.name.clone(),
                };
                lines.extend(
                    wrap_words(&name, width)
                        .into_iter()
                        .map(|l| (l, LineKind::Name)),
                );
                if let Some(detail) = detail(person) {
                    let indented = wrap_words(&detail, width.saturating_sub(2));
                    lines.extend(
                        indented
                            .into_iter()
                            .map(|l| (format!("  {l}"), LineKind::Detail)),
                    );
                }
                entries.push((index, start..lines.len()));
            }
        }
        if lines.is_empty() {
            lines.extend(
                wrap(
                    "No people or organizations are named in this document.",
                    width,
                )
                .into_iter()
                .map(|l| (l, LineKind::Detail)),
            );
        }
        SidebarText { lines, entries }
    }

    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    /// The entry shown on `line`, if any.
    pub fn entry_at(&self, line: usize) -> Option<usize> {
        self.entries
            .iter()
            .position(|(_, lines)| lines.contains(&line))
    }
}

/// Title, affiliation, country, acronym and note, as the document gives them.
fn detail(p: &Person) -> Option<String> {
    let parts: Vec<&str> = [&p.acronym, &p.title, &p.affiliation, &p.country, &p.note]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}
