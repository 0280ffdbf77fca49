//! The People pane's listings: the entities, filtered and sorted, and the
//! selected one's documents and passages, as rows Enter can open.

use crate::corpus::EntityId;
use crate::library::Library;
use crate::people::SortBy;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use ratatui::layout::Rect;

/// The entities listed: without a filter, all in the chosen order; with
/// one, those whose name or an alias fuzzily matches it (smart case), best
/// match first as fzf ranks, the chosen order breaking ties; none before
/// the index arrives.
pub fn listed(library: &Library, filter: &str, sort: SortBy) -> Vec<EntityId> {
    let Some(people) = library.people() else {
        return Vec::new();
    };
    let all = people.entities(sort);
    let filter = filter.trim();
    if filter.is_empty() {
        return all;
    }
    let matcher = SkimMatcherV2::default().smart_case();
    let mut scored: Vec<(i64, EntityId)> = all
        .into_iter()
        .filter_map(|e| {
            let entity = library.corpus.entities.get(e);
            let best = entity
                .names()
                .filter_map(|name| matcher.fuzzy_match(name, filter))
                .max()?;
            Some((best, e))
        })
        .collect();
    // A stable sort keeps the chosen order among equal scores.
    scored.sort_by_key(|&(score, _)| std::cmp::Reverse(score));
    scored.into_iter().map(|(_, e)| e).collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Heading,
    Plain,
    /// A row Enter opens: a document, at a paragraph if given.
    Open {
        doc: usize,
        paragraph: Option<usize>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailRow {
    pub text: String,
    pub kind: RowKind,
}

/// The right column for one entity: who it is, its documents with its
/// roles there, and the passages that name it. Only what the index has
/// found yet, and saying so.
pub fn detail(library: &Library, entity: EntityId) -> Vec<DetailRow> {
    let corpus = &library.corpus;
    let Some(people) = library.people() else {
        return Vec::new();
    };
    let e = corpus.entities.get(entity);
    let row = |text: String, kind| DetailRow { text, kind };
    let mut rows = vec![row(e.name.clone(), RowKind::Heading)];
    let mut about = e.kind.to_string();
    if !e.aliases.is_empty() {
        about.push_str(&format!("; also written {}", e.aliases.join(", ")));
    }
    rows.push(row(about, RowKind::Plain));
    let appearances = people.appearances(entity);
    rows.push(row(String::new(), RowKind::Plain));
    rows.push(row(
        format!("Documents ({})", appearances.len()),
        RowKind::Heading,
    ));
    for a in appearances {
        let Some(doc) = corpus.documents.get(a.doc) else {
            continue;
        };
        let roles: Vec<String> = a.roles.iter().map(ToString::to_string).collect();
        let text = format!(
            "{} · {} · {}",
            doc.shown_date(),
            roles.join(", "),
            doc.shown_title()
        );
        rows.push(row(
            text,
            RowKind::Open {
                doc: a.doc,
                paragraph: None,
            },
        ));
    }
    let passages = people.passages(entity);
    rows.push(row(String::new(), RowKind::Plain));
    let heading = match people.has_passages() {
        true => format!("Passages naming it ({})", passages.len()),
        false => "Passages naming it (indexing…)".to_string(),
    };
    rows.push(row(heading, RowKind::Heading));
    for p in passages {
        let Some(doc) = corpus.documents.get(p.doc()) else {
            continue;
        };
        let Some(text) = doc.paragraphs.get(p.paragraph()) else {
            continue;
        };
        let line = format!(
            "{} ¶{}: {}",
            doc.shown_date(),
            p.paragraph() + 1,
            text.replace('\n', " ")
        );
        rows.push(row(
            line,
            RowKind::Open {
                doc: p.doc(),
                paragraph: Some(p.paragraph()),
            },
        ));
    }
    rows
}

/// Positions of the rows Enter can open.
pub fn openable(rows: &[DetailRow]) -> Vec<usize> {
    (0..rows.len())
        .filter(|&i| matches!(rows[i].kind, RowKind::Open { .. }))
        .collect()
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
