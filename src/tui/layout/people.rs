//! The People pane's listings: the entities, filtered and sorted, and the
//! selected one's documents and passages, as rows Enter can open.

use super::text::head;
use crate::corpus::EntityId;
use crate::library::Library;
use crate::people::name_filter::{Meets, NameFilter};
use crate::people::{Appearance, Passage, SortBy};
use ratatui::layout::Rect;
use std::collections::HashMap;

/// The entities listed: without a filter, all in the chosen order; with
/// one, those whose names meet it (see [`NameFilter`]), best first: a known
/// acronym, then whole words or initials, then starts of words, then words
/// holding it, then, only if no name meets it so, letters scattered
/// through a name as fzf ranks them; the chosen order breaks ties. None
/// before the index arrives. `within`: entities that hold every match but
/// the scattered ones, as those listed for a filter this one adds to do (a
/// name meeting the longer filter meets the shorter one at least as well).
pub fn listed(
    library: &Library,
    filter: &str,
    sort: SortBy,
    within: Option<&[EntityId]>,
) -> Vec<EntityId> {
    let Some(people) = library.people() else {
        return Vec::new();
    };
    let filter = filter.trim();
    if filter.is_empty() {
        return people.entities(sort);
    }
    // The acronyms documents give in their people entries.
    let mut given: HashMap<EntityId, Vec<&str>> = HashMap::new();
    for p in library.corpus.documents.iter().flat_map(|d| &d.people) {
        if let Some(acronym) = &p.acronym {
            given.entry(p.entity).or_default().push(acronym);
        }
    }
    let filter = NameFilter::new(filter);
    let score = |candidates: Vec<EntityId>| -> Vec<(Meets, i64, EntityId)> {
        candidates
            .into_iter()
            .filter_map(|e| {
                let entity = library.corpus.entities.get(e);
                let acronyms = given.get(&e).into_iter().flatten().copied();
                let (meets, score) = filter.meets(entity, acronyms)?;
                Some((meets, score, e))
            })
            .collect()
    };
    let real = |scored: &[(Meets, i64, EntityId)]| scored.iter().any(|s| s.0 > Meets::Scattered);
    let mut scored = match within {
        Some(within) => {
            let mut list = within.to_vec();
            people.sort(&mut list, sort);
            score(list)
        }
        None => score(people.entities(sort)),
    };
    // The shorter filter's list left out the scattered matches, which are
    // listed once no name meets the filter better.
    if within.is_some() && !real(&scored) {
        scored = score(people.entities(sort));
    }
    if real(&scored) {
        scored.retain(|&(m, _, _)| m > Meets::Scattered);
    }
    // A stable sort keeps the chosen order among equals.
    scored.sort_by_key(|&(meets, score, _)| std::cmp::Reverse((meets, score)));
    scored.into_iter().map(|(_, _, e)| e).collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Heading,
    Plain,
    /// A row Enter opens (see [`Detail::target`]).
    Open,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailRow {
    pub text: String,
    pub kind: RowKind,
}

/// The right column for one entity: who it is, its documents with its
/// roles there, and the passages that name it (only what the index has
/// found yet, and saying so). Rows are laid out one at a time, as asked:
/// an entity named in a hundred thousand paragraphs costs the rows on
/// screen.
pub struct Detail<'a> {
    library: &'a Library,
    entity: EntityId,
    appearances: &'a [Appearance],
    passages: &'a [Passage],
    found: bool,
}

/// The rows before the documents: the name, what it is, a blank line and
/// the documents' heading.
const ABOVE_DOCUMENTS: usize = 4;
/// The rows between the documents and the passages: a blank line and the
/// passages' heading.
const ABOVE_PASSAGES: usize = 2;

impl<'a> Detail<'a> {
    /// None until the People index arrives.
    pub fn of(library: &'a Library, entity: EntityId) -> Option<Detail<'a>> {
        let people = library.people()?;
        Some(Detail {
            library,
            entity,
            appearances: people.appearances(entity),
            passages: people.passages(entity),
            found: people.has_passages(),
        })
    }

    /// How many rows there are.
    pub fn rows(&self) -> usize {
        ABOVE_DOCUMENTS + self.appearances.len() + ABOVE_PASSAGES + self.passages.len()
    }

    /// How many rows Enter can open: the documents, then the passages.
    pub fn openable(&self) -> usize {
        self.appearances.len() + self.passages.len()
    }

    /// The row of the `k`th row Enter can open.
    pub fn openable_row(&self, k: usize) -> Option<usize> {
        let documents = self.appearances.len();
        if k < documents {
            Some(ABOVE_DOCUMENTS + k)
        } else if k < self.openable() {
            Some(ABOVE_DOCUMENTS + ABOVE_PASSAGES + k)
        } else {
            None
        }
    }

    /// What the `k`th row Enter can open opens: a document, at a
    /// paragraph for a passage.
    pub fn target(&self, k: usize) -> Option<(usize, Option<usize>)> {
        match self.appearances.get(k) {
            Some(a) => Some((a.doc, None)),
            None => {
                let p = self.passages.get(k - self.appearances.len())?;
                Some((p.doc(), Some(p.paragraph())))
            }
        }
    }

    /// Row `i`, its text cut a little past `width` columns (a paragraph
    /// may be megabytes long).
    pub fn row(&self, i: usize, width: usize) -> DetailRow {
        let corpus = &self.library.corpus;
        let row = |text: String, kind| DetailRow { text, kind };
        let blank = || row(String::new(), RowKind::Plain);
        let e = corpus.entities.get(self.entity);
        let documents = self.appearances.len();
        match i {
            0 => row(e.name.clone(), RowKind::Heading),
            1 => {
                let mut about = e.kind.to_string();
                if !e.aliases.is_empty() {
                    about.push_str(&format!("; also written {}", e.aliases.join(", ")));
                }
                row(about, RowKind::Plain)
            }
            2 => blank(),
            3 => row(format!("Documents ({documents})"), RowKind::Heading),
            _ if i < ABOVE_DOCUMENTS + documents => {
                let a = &self.appearances[i - ABOVE_DOCUMENTS];
                let Some(doc) = corpus.documents.get(a.doc) else {
                    return blank();
                };
                let roles: Vec<String> = a.roles.iter().map(ToString::to_string).collect();
                let text = format!(
                    "{} · {} · {}",
                    doc.shown_date(),
                    roles.join(", "),
                    doc.shown_title()
                );
                row(text, RowKind::Open)
            }
            _ if i == ABOVE_DOCUMENTS + documents => blank(),
            _ if i == ABOVE_DOCUMENTS + documents + 1 => {
                let heading = match self.found {
                    true => format!("Passages naming it ({})", self.passages.len()),
                    false => "Passages naming it (indexing…)".to_string(),
                };
                row(heading, RowKind::Heading)
            }
            _ => {
                let k = i - ABOVE_DOCUMENTS - documents - ABOVE_PASSAGES;
                let Some(p) = self.passages.get(k) else {
                    return blank();
                };
                let Some(doc) = corpus.documents.get(p.doc()) else {
                    return blank();
                };
                let Some(text) = doc.paragraphs.get(p.paragraph()) else {
                    return blank();
                };
                let line = format!(
                    "{} ¶{}: {}",
                    doc.shown_date(),
                    p.paragraph() + 1,
                    head(text, width).replace('\n', " ")
                );
                row(line, RowKind::Open)
            }
        }
    }
}

/// Where the People pane and the search overlay go: over the panes, their
/// borders included (a border inside a border draws two lines where one
/// says it all), leaving the status bar.
pub fn area(screen: Rect) -> Rect {
    Rect {
        height: screen.height.saturating_sub(1),
        ..screen
    }
}
