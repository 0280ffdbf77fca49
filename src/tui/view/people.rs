//! The People pane: every entity in the corpus, filtered and sorted, and for
//! the selected one the documents it appears in and the passages naming it.

use crate::library::Library;
use crate::people::SortBy;
use crate::tui::layout::people::{Detail, RowKind, area};
use crate::tui::layout::text::{truncate, window};
use crate::tui::state::PeopleState;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};

pub struct PeopleView<'a> {
    pub library: &'a Library,
    pub state: &'a PeopleState,
    pub theme: &'a Theme,
}

impl Widget for PeopleView<'_> {
    fn render(self, screen: Rect, buf: &mut Buffer) {
        self.draw(screen, buf);
    }
}

impl PeopleView<'_> {
    /// Draws the pane, and says where the terminal's cursor goes: in the
    /// filter while it is typed, else on the selected row of the column
    /// that has the focus.
    pub fn draw(self, screen: Rect, buf: &mut Buffer) -> Option<Position> {
        let (library, state, theme) = (self.library, self.state, self.theme);
        let area = area(screen);
        let listed = &state.listed;
        let sort = match state.sort {
            SortBy::Name => "by name",
            SortBy::Documents => "by documents",
        };
        Clear.render(area, buf);
        let title = match library.people() {
            Some(people) => format!(
                " People index: {} of {}, {sort} ",
                listed.len(),
                people.count()
            ),
            None => " People index: indexing… ".to_string(),
        };
        let block = super::frame(title, None, true, theme);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.height < 2 || inner.width < 4 {
            return Some(Position::new(inner.x, inner.y));
        }
        let typing = super::input::InputView {
            label: "Filter: ",
            input: &state.filter,
            editing: state.editing,
            theme,
        }
        .draw(Rect { height: 1, ..inner }, buf);
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
                let documents = library.people().map_or(0, |p| p.appearances(e).len());
                let count = format!(" {documents}");
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
        let row = super::rows_at(left, state.selected.saturating_sub(top), 1);
        let on_list = Position::new(left.x, row.start);
        if !state.in_detail && !listed.is_empty() {
            super::mark(buf, left, row, theme);
        }
        let cursor = match (state.editing, state.in_detail) {
            (true, _) => typing,
            (false, false) => on_list,
            // Moved below once the detail's selected row is known.
            (false, true) => Position::new(right.x, right.y),
        };
        let Some(&entity) = listed.get(state.selected) else {
            let empty = match library.people() {
                Some(_) => "No organization or person matches.",
                None => "indexing… the list comes when the index is built",
            };
            Line::styled(empty, theme.dim).render(right, buf);
            return Some(cursor);
        };
        let Some(detail) = Detail::of(library, entity) else {
            return Some(cursor);
        };
        let chosen = detail.openable_row(state.detail_selected);
        let top = chosen.map_or(0, |c| window(c, rows));
        let width = usize::from(right.width);
        let lines: Vec<Line> = (top..detail.rows().min(top + rows))
            .map(|i| {
                let row = detail.row(i, width);
                let style = match row.kind {
                    RowKind::Heading => theme.heading,
                    _ if Some(i) == chosen => detail_style,
                    _ => Style::new(),
                };
                Line::styled(truncate(&row.text, width), style)
            })
            .collect();
        Paragraph::new(lines).render(right, buf);
        match (state.in_detail, chosen) {
            (true, Some(c)) => {
                let row = super::rows_at(right, c - top, 1);
                super::mark(buf, right, row.clone(), theme);
                Some(match state.editing {
                    true => cursor,
                    false => Position::new(right.x, row.start),
                })
            }
            _ => Some(cursor),
        }
    }
}
