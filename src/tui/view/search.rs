//! The search overlay: an input line, and the ranked hits, each with its
//! document's date and title, where it matched, and a snippet with the
//! matched characters marked; at 100 columns and wider, a preview of the
//! selected hit in its paragraph. Match positions are computed for the rows
//! on screen only.

use crate::library::{Index, Library};
use crate::search::{Field, Hit, Query, field_text, snippet};
use crate::tui::layout::pager::thousands;
use crate::tui::layout::text::{truncate, window, wrap};
use crate::tui::state::SearchState;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};
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
        self.draw(screen, buf);
    }
}

impl SearchView<'_> {
    /// Draws the overlay, and says where the terminal's cursor goes: on
    /// the selected hit after a move through them, else in the query, which
    /// keys always type into. The selected hit is marked either way.
    pub fn draw(self, screen: Rect, buf: &mut Buffer) -> Option<Position> {
        let (library, state, theme) = (self.library, self.state, self.theme);
        let area = crate::tui::layout::people::area(screen);
        let scope = if state.this_document {
            " Search this document (ctrl-t: all) "
        } else {
            " Search all documents (ctrl-t: this one) "
        };
        Clear.render(area, buf);
        let block = super::frame(scope.into(), None, true, theme);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.height < 3 || inner.width < 4 {
            return Some(Position::new(inner.x, inner.y));
        }
        let typing = super::input::InputView {
            label: "/",
            input: &state.input,
            editing: true,
            theme,
        }
        .draw(Rect { height: 1, ..inner }, buf);
        // The hits shown answer this query, which the input may have passed.
        let query = Query::parse(&state.answered, &library.corpus).ok();
        let line = |y: u16| Rect {
            y,
            height: 1,
            ..inner
        };
        let width = usize::from(inner.width);
        // Under the query, its filters in words, where there is room.
        let mut top = inner.y + 1;
        if let Some(filters) = query.as_ref().and_then(Query::filters_described)
            && inner.height >= 4
        {
            Line::styled(truncate(&format!("= {filters}"), width), theme.dim)
                .render(line(top), buf);
            top += 1;
        }
        let count_row = top;
        let body = Rect {
            y: top + 1,
            height: inner.bottom().saturating_sub(top + 1),
            ..inner
        };
        // At 100 columns and wider the selected hit is shown in its
        // paragraph beside the results.
        let (list, preview) = if screen.width >= PREVIEW_FROM {
            let [list, preview] =
                Layout::horizontal([Constraint::Percentage(60), Constraint::Percentage(40)])
                    .spacing(1)
                    .areas(body);
            (list, Some(preview))
        } else {
            (body, None)
        };
        // Rows too narrow for titles, and no preview to show one.
        let untitled =
            !state.this_document && preview.is_none() && usize::from(list.width) < WIDE_ROW;
        let count = match (&state.problem, state.hits.len()) {
            _ if state.asking.is_some() => Line::styled("searching…", theme.dim),
            // A query that cannot run is said at once, index or not.
            (Some(problem), _) => Line::styled(truncate(problem, width), theme.error),
            _ if library.search().is_none() => match library.failure(Index::Search) {
                Some(why) => Line::styled(
                    truncate(&format!("search is unavailable (a bug): {why}"), width),
                    theme.error,
                ),
                None => Line::styled(
                    truncate(
                        "indexing… what is typed runs when the index is built",
                        width,
                    ),
                    theme.dim,
                ),
            },
            (None, 0) if state.input.text().trim().is_empty() => Line::styled(
                truncate(
                    "Words in any order; 'exact ^start end$ a | b !not; kind: year: by: role:",
                    width,
                ),
                theme.dim,
            ),
            (None, 0) => match &state.miss {
                Some(miss) => Line::styled(
                    truncate(&format!("no match: {}", miss.said()), width),
                    theme.error,
                ),
                None => Line::styled("no match", theme.dim),
            },
            (None, n) if state.miss.is_some() => {
                let said = state.miss.as_ref().map(|m| m.said()).unwrap_or_default();
                Line::styled(
                    truncate(&format!("{}/{n} ~ {said}", state.selected + 1), width),
                    theme.error,
                )
            }
            // Where the rows have no room for titles, the selected one's is
            // here. The total follows the hits: until it comes, it is being
            // counted.
            (None, _) => {
                let at = match state.counting {
                    Some(_) => format!("{}/counting…", state.selected + 1),
                    None => format!("{}/{}", state.selected + 1, thousands(state.total)),
                };
                let title = state
                    .hits
                    .get(state.selected)
                    .filter(|_| untitled)
                    .and_then(|hit| library.corpus.documents.get(hit.doc));
                match title {
                    Some(doc) => Line::styled(
                        truncate(&format!("{at} · {}", doc.shown_title()), width),
                        theme.dim,
                    ),
                    None => Line::styled(at, theme.dim),
                }
            }
        };
        count.render(line(count_row), buf);
        let rows = usize::from(body.height);
        let Some(query) = query else {
            return Some(typing);
        };
        let width = usize::from(list.width);
        let top = window(state.selected, rows);
        // Narrow rows line their snippets up after the widest place shown.
        let places = state.hits.iter().skip(top).take(rows);
        let place_width = match width >= WIDE_ROW {
            true => 9,
            false => places
                .map(|h| place(library, h).width().min(9))
                .max()
                .unwrap_or(0),
        };
        let lines: Vec<Line> = state
            .hits
            .iter()
            .enumerate()
            .skip(top)
            .take(rows)
            .map(|(i, hit)| {
                let base = if i == state.selected {
                    theme.selection
                } else {
                    Style::new()
                };
                self.row(hit, &query, (width, place_width), base)
            })
            .collect();
        Paragraph::new(lines).render(list, buf);
        let row = super::rows_at(list, state.selected.saturating_sub(top), 1);
        if !state.hits.is_empty() {
            super::mark(buf, list, row.clone(), theme);
        }
        if let (Some(area), Some(hit)) = (preview, state.hits.get(state.selected)) {
            self.preview(hit, &query, area, buf);
        }
        Some(match state.browsing && !state.hits.is_empty() {
            true => Position::new(list.x, row.start),
            false => typing,
        })
    }
}

/// The narrowest screen that shows a preview beside the results.
pub const PREVIEW_FROM: u16 = 100;

/// The narrowest list whose rows have room for a date and a title beside a
/// snippet; narrower rows give the snippet the row.
const WIDE_ROW: usize = 60;

impl SearchView<'_> {
    /// One hit: the document's date and as much of its title as leaves the
    /// snippet a third of the row (neither in "this document" scope, where
    /// they are the same on every row, nor in a row narrower than
    /// `WIDE_ROW`), where it matched, padded to `place_width`, and the
    /// snippet around its first match.
    fn row(
        &self,
        hit: &Hit,
        query: &Query,
        (width, place_width): (usize, usize),
        base: Style,
    ) -> Line<'static> {
        let (library, theme) = (self.library, self.theme);
        let doc = library.corpus.documents.get(hit.doc);
        // Padded by display width, so wide titles keep the columns.
        let pad = |text: String, width: usize| {
            let fill = width.saturating_sub(text.width());
            format!("{text}{}", " ".repeat(fill))
        };
        let wide = width >= WIDE_ROW;
        // A partial match is marked, as the line above says.
        let tag = if self.state.miss.is_some() { "~" } else { "" };
        let width = width.saturating_sub(tag.width());
        let place = pad(truncate(&place(library, hit), place_width), place_width);
        let lead = match (self.state.this_document, doc) {
            (false, Some(d)) if wide => {
                let date = pad(d.shown_date(), 10);
                let title = d.shown_title();
                let room = width.saturating_sub(date.width() + place.width() + 4);
                let snippet_room = (width / 3).max(20);
                let title_width = title.width().min(room.saturating_sub(snippet_room)).max(8);
                format!(
                    "{date} {}  {place} ",
                    pad(truncate(&title, title_width), title_width)
                )
            }
            // Too narrow for a date, a title and a snippet: the snippet
            // gets the row, and the line above names the selected hit's
            // document.
            _ => format!("{place} "),
        };
        let lead = format!("{tag}{lead}");
        let text = field_text(&library.corpus, hit.doc, hit.field).unwrap_or_default();
        let marks = library
            .search()
            .map(|index| index.marks(hit, query, &library.corpus))
            .unwrap_or_default();
        let one_line = text.replace('\n', " ");
        let room = width.saturating_sub(lead.width());
        let (snip, marks) = snippet(&one_line, &marks.chars, marks.focus, room);
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
    }

    /// The selected hit in its paragraph (or title, or people entry), with
    /// the matches marked, scrolled so the best match has two lines of
    /// context above it; under the document's title and date.
    fn preview(&self, hit: &Hit, query: &Query, area: Rect, buf: &mut Buffer) {
        let (library, theme) = (self.library, self.theme);
        let Some(doc) = library.corpus.documents.get(hit.doc) else {
            return;
        };
        let block = match theme.borders {
            true => Block::new()
                .borders(Borders::LEFT)
                .border_style(theme.border),
            false => Block::new().padding(ratatui::widgets::Padding::left(1)),
        };
        let inner = block.inner(area);
        block.render(area, buf);
        let width = usize::from(inner.width.saturating_sub(1)).max(1);
        let mut lines = Vec::new();
        for line in wrap(&doc.shown_title(), width) {
            lines.push(Line::styled(format!(" {line}"), theme.title));
        }
        lines.push(Line::styled(
            format!(" {} · {}", doc.shown_date(), place(library, hit)),
            theme.dim,
        ));
        lines.push(Line::default());
        let text = field_text(&library.corpus, hit.doc, hit.field).unwrap_or_default();
        let marks = library
            .search()
            .map(|index| index.marks(hit, query, &library.corpus))
            .unwrap_or_default();
        let wrapped = wrap_marked(&text, &marks.chars, marks.focus, width);
        let first = wrapped.iter().position(|(_, _, focus)| *focus).unwrap_or(0);
        let room = usize::from(inner.height).saturating_sub(lines.len());
        // Two lines of context above the match, unless the text fits.
        let skip = match wrapped.len() <= room {
            true => 0,
            false => first
                .saturating_sub(2)
                .min(wrapped.len().saturating_sub(room)),
        };
        for (line, marks, _) in wrapped.into_iter().skip(skip) {
            let mut spans = vec![Span::raw(" ")];
            spans.extend(marked_spans(&line, &marks, theme.matched));
            lines.push(Line::from(spans));
        }
        Paragraph::new(lines).render(inner, buf);
    }
}

/// `text` wrapped to `width`, each line with the marks (character indices
/// into `text`) that fall on it, as indices into the line, and whether
/// `focus` (the first mark when `None`) does.
fn wrap_marked(
    text: &str,
    marks: &[usize],
    focus: Option<usize>,
    width: usize,
) -> Vec<(String, Vec<usize>, bool)> {
    let focus = focus.or(marks.first().copied());
    let mut out = Vec::new();
    // Wrapped lines are pieces of the text in order: each is found after
    // the last, and its characters counted from there.
    let (mut from, mut start) = (0, 0);
    for line in wrap(text, width) {
        if let Some(b) = text.get(from..).and_then(|rest| rest.find(&line)) {
            start += text[from..from + b].chars().count();
            from += b + line.len();
        }
        let count = line.chars().count();
        let here = marks
            .iter()
            .filter(|&&m| m >= start && m < start + count)
            .map(|&m| m - start)
            .collect();
        let holds_focus = focus.is_some_and(|f| f >= start && f < start + count);
        start += count;
        out.push((line, here, holds_focus));
    }
    out
}
