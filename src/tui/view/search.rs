//! The search overlay: an input line, and the ranked hits, each with its
//! document, where it matched, and a snippet with the matched characters
//! marked. Match positions are computed for the rows on screen only.

use crate::library::Library;
use crate::search::{Field, Hit, Query, field_text, snippet};
use crate::tui::layout::text::{truncate, window};
use crate::tui::state::SearchState;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

/// Where a hit is: the title, a paragraph, or a person and their role.
pub fn place(library: &Library, hit: &Hit) -> String {
    match hit.field {
        Field::Title => "title".to_string(),
        Field::Paragraph(p) => format!("¶{}", p + 1),
        Field::Person(i) => library
            .corpus
            .documents
            .get(hit.doc)
            .and_then(|d| d.people.get(i))
            .map_or_else(String::new, |p| p.role.to_string()),
    }
}

/// `text` as spans, with the characters at `marks` in `marked`.
pub fn marked_spans(text: &str, marks: &[usize], marked: Style) -> Vec<Span<'static>> {
    let mut spans = Vec::new();
    let mut run = String::new();
    let mut in_mark = false;
    for (i, c) in text.chars().enumerate() {
        let m = marks.binary_search(&i).is_ok();
        if m != in_mark && !run.is_empty() {
            let style = if in_mark { marked } else { Style::new() };
            spans.push(Span::styled(std::mem::take(&mut run), style));
        }
        in_mark = m;
        run.push(c);
    }
    if !run.is_empty() {
        spans.push(Span::styled(
            run,
            if in_mark { marked } else { Style::new() },
        ));
    }
    spans
}

pub struct SearchView<'a> {
    pub library: &'a Library,
    pub state: &'a SearchState,
    pub theme: &'a Theme,
}

impl Widget for SearchView<'_> {
    fn render(self, screen: Rect, buf: &mut Buffer) {
        let (library, state, theme) = (self.library, self.state, self.theme);
        let area = crate::tui::layout::people::area(screen);
        let scope = if state.this_document {
            " Search this document (ctrl-t: all) "
        } else {
            " Search all documents (ctrl-t: this one) "
        };
        Clear.render(area, buf);
        let block = Block::bordered()
            .border_style(theme.border_focused)
            .title(scope);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.height < 3 || inner.width < 4 {
            return;
        }
        super::input::InputView {
            label: "/",
            input: &state.input,
            editing: true,
            theme,
        }
        .render(Rect { height: 1, ..inner }, buf);
        let width = usize::from(inner.width);
        let count = match (&state.problem, state.hits.len()) {
            (Some(problem), _) => Line::styled(truncate(problem, width), theme.error),
            (None, 0) if state.input.text().trim().is_empty() => Line::styled(
                truncate(
                    "Words in any order; 'exact ^start !not; kind: year: by: role:",
                    width,
                ),
                theme.dim,
            ),
            (None, 0) => Line::styled("no match", theme.dim),
            (None, n) => Line::styled(format!("{}/{n}", state.selected + 1), theme.dim),
        };
        count.render(
            Rect {
                y: inner.y + 1,
                height: 1,
                ..inner
            },
            buf,
        );
        let body = Rect {
            y: inner.y + 2,
            height: inner.height - 2,
            ..inner
        };
        let rows = usize::from(body.height);
        let Ok(query) = Query::parse(state.input.text(), &library.corpus) else {
            return;
        };
        let top = window(state.selected, rows);
        // The document's title gets a quarter of a narrow screen, so the
        // snippet keeps the rest.
        let title_width = (width / 4).clamp(8, 24);
        let lines: Vec<Line> = state
            .hits
            .iter()
            .enumerate()
            .skip(top)
            .take(rows)
            .map(|(i, hit)| {
                let doc = library.corpus.documents.get(hit.doc);
                let title = doc.map_or_else(String::new, |d| d.shown_title());
                // Padded by display width, so wide titles keep the columns.
                let pad = |text: String, width: usize| {
                    let fill = width.saturating_sub(text.width());
                    format!("{text}{}", " ".repeat(fill))
                };
                let lead = format!(
                    "{}  {} ",
                    pad(truncate(&title, title_width), title_width),
                    pad(truncate(&place(library, hit), 9), 9)
                );
                let text = field_text(&library.corpus, hit.doc, hit.field).unwrap_or_default();
                let marks = library.search.indices(hit, &query, &library.corpus);
                let one_line = text.replace('\n', " ");
                let (snip, marks) = snippet(&one_line, &marks, width.saturating_sub(lead.width()));
                let base = if i == state.selected {
                    theme.selection
                } else {
                    Style::new()
                };
                let mut spans = vec![Span::styled(lead, base.patch(theme.dim))];
                spans.extend(
                    marked_spans(&snip, &marks, theme.matched)
                        .into_iter()
                        .map(|s| {
                            let style = base.patch(s.style);
                            s.style(style)
                        }),
                );
                Line::from(spans).style(base)
            })
            .collect();
        Paragraph::new(lines).render(body, buf);
    }
}
