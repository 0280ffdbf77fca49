//! The People pane: every entity in the corpus, filtered and sorted, and for
//! the selected one the documents it appears in and the passages naming it.

use crate::corpus::EntityId;
use crate::library::Library;
use crate::people::SortBy;
use crate::tui::layout::text::{truncate, window};
use crate::tui::state::PeopleState;
use crate::tui::theme::Theme;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

/// The entities listed: without a filter, all in the chosen order; with
/// one, those whose name or an alias fuzzily matches it (smart case), best
/// match first as fzf ranks, the chosen order breaking ties.
pub fn listed(library: &Library, state: &PeopleState) -> Vec<EntityId> {
    let all = library.people.entities(state.sort);
    let filter = state.filter.text().trim();
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
/// roles there, and the passages that name it.
pub fn detail(library: &Library, entity: EntityId) -> Vec<DetailRow> {
    let corpus = &library.corpus;
    let e = corpus.entities.get(entity);
    let row = |text: String, kind| DetailRow { text, kind };
    let mut rows = vec![row(e.name.clone(), RowKind::Heading)];
    let mut about = e.kind.to_string();
    if !e.aliases.is_empty() {
        about.push_str(&format!("; also written {}", e.aliases.join(", ")));
    }
    rows.push(row(about, RowKind::Plain));
    let appearances = library.people.appearances(entity);
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
    let passages = library.people.passages(entity);
    rows.push(row(String::new(), RowKind::Plain));
    rows.push(row(
        format!("Passages naming it ({})", passages.len()),
        RowKind::Heading,
    ));
    for p in passages {
        let Some(doc) = corpus.documents.get(p.doc) else {
            continue;
        };
        let Some(text) = doc.paragraphs.get(p.paragraph) else {
            continue;
        };
        let line = format!(
            "{} ¶{}: {}",
            doc.shown_date(),
            p.paragraph + 1,
            text.replace('\n', " ")
        );
        rows.push(row(
            line,
            RowKind::Open {
                doc: p.doc,
                paragraph: Some(p.paragraph),
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

/// Where the People pane and the search overlay go on a screen of this size.
pub fn area(screen: Rect) -> Rect {
    super::centred(screen, 160, 1)
}

pub struct PeopleView<'a> {
    pub library: &'a Library,
    pub state: &'a PeopleState,
    pub theme: &'a Theme,
}

impl Widget for PeopleView<'_> {
    fn render(self, screen: Rect, buf: &mut Buffer) {
        let (library, state, theme) = (self.library, self.state, self.theme);
        let area = area(screen);
        let listed = listed(library, state);
        let sort = match state.sort {
            SortBy::Name => "by name",
            SortBy::Documents => "by documents",
        };
        Clear.render(area, buf);
        let block = Block::bordered()
            .border_style(theme.border_focused)
            .title(format!(
                " People index: {} of {}, {sort} ",
                listed.len(),
                library.people.entities(state.sort).len()
            ));
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.height < 2 || inner.width < 4 {
            return;
        }
        super::input::InputView {
            label: "Filter: ",
            input: &state.filter,
            editing: state.editing,
            theme,
        }
        .render(Rect { height: 1, ..inner }, buf);
        let body = Rect {
            y: inner.y + 1,
            height: inner.height - 1,
            ..inner
        };
        let left_width = (body.width * 2 / 5).max(1);
        let left = Rect {
            width: left_width,
            ..body
        };
        let right = Rect {
            x: body.x + left_width + 1,
            width: body.width.saturating_sub(left_width + 1),
            ..body
        };
        let rows = usize::from(body.height);
        let (list_style, detail_style) = if state.in_detail {
            (theme.selection_unfocused, theme.selection)
        } else {
            (theme.selection, theme.selection_unfocused)
        };
        let top = window(state.selected, rows);
        let width = usize::from(left.width);
        let lines: Vec<Line> = listed
            .iter()
            .enumerate()
            .skip(top)
            .take(rows)
            .map(|(i, &e)| {
                let name = &library.corpus.entities.get(e).name;
                let count = format!(" {}", library.people.appearances(e).len());
                let name = truncate(name, width.saturating_sub(count.len()));
                let style = if i == state.selected {
                    list_style
                } else {
                    Style::new()
                };
                let pad = " ".repeat(width.saturating_sub(
                    unicode_width::UnicodeWidthStr::width(name.as_str()) + count.len(),
                ));
                Line::from(vec![
                    Span::styled(format!("{name}{pad}"), style),
                    Span::styled(count, style.patch(theme.dim)),
                ])
            })
            .collect();
        Paragraph::new(lines).render(left, buf);
        let Some(&entity) = listed.get(state.selected) else {
            Line::styled("No organization or person matches.", theme.dim).render(right, buf);
            return;
        };
        let detail = detail(library, entity);
        let open = openable(&detail);
        let chosen = open.get(state.detail_selected).copied();
        let top = chosen.map_or(0, |c| window(c, rows));
        let width = usize::from(right.width);
        let lines: Vec<Line> = detail
            .iter()
            .enumerate()
            .skip(top)
            .take(rows)
            .map(|(i, row)| {
                let style = match row.kind {
                    RowKind::Heading => theme.heading,
                    _ if Some(i) == chosen => detail_style,
                    _ => Style::new(),
                };
                Line::styled(truncate(&row.text, width), style)
            })
            .collect();
        Paragraph::new(lines).render(right, buf);
    }
}
