//! The coalition grid: a row per entity, a column per document in date
//! order, a glyph and a colour per role (a legend says which), each row's
//! "k/n" and, where there is room, its first and last and where it joined,
//! left or came back. Only the rows and columns on screen are drawn.

use crate::library::Library;
use crate::people::coalition::{ChangeKind, Coalition, LEGEND, Reading};
use crate::tui::layout::grid::{CELL, Geometry, first_column};
use crate::tui::layout::people::area;
use crate::tui::layout::text::{truncate, window};
use crate::tui::state::GridState;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Widget};

pub struct GridView<'a> {
    pub library: &'a Library,
    pub state: &'a GridState,
    pub theme: &'a Theme,
}

/// Draws `line` at (`x`, `y`), `width` columns at most, inside `clip`.
fn put(buf: &mut Buffer, clip: Rect, x: u16, y: u16, width: u16, line: Line) {
    let rect = Rect::new(x, y, width, 1).intersection(clip);
    if !rect.is_empty() {
        line.render(rect, buf);
    }
}

/// "first → last; left …, back …" for a row, by the columns' dates (no
/// "·", which is the absent cell's glyph).
fn along(library: &Library, grid: &Coalition, reading: &Reading) -> String {
    let date = |c: usize| {
        grid.docs()
            .get(c)
            .and_then(|&d| library.corpus.documents.get(d))
            .map_or(String::new(), |doc| doc.shown_date())
    };
    let mut text = match (reading.first, reading.last) {
        (Some(f), Some(l)) if f == l => date(f),
        (Some(f), Some(l)) => format!("{} → {}", date(f), date(l)),
        _ => String::new(),
    };
    let changes: Vec<String> = reading
        .changes
        .iter()
        .filter(|c| c.kind != ChangeKind::Joined)
        .map(|c| format!("{} {}", c.kind.word(), date(c.column)))
        .collect();
    if !changes.is_empty() {
        text.push_str(&format!("; {}", changes.join(", ")));
    }
    text
}

impl Widget for GridView<'_> {
    fn render(self, screen: Rect, buf: &mut Buffer) {
        self.draw(screen, buf);
    }
}

impl GridView<'_> {
    /// Draws the grid, and says where the terminal's cursor goes: in the
    /// filter while it is typed, else on the selected row's name or cell.
    pub fn draw(self, screen: Rect, buf: &mut Buffer) -> Option<Position> {
        let (library, state, theme) = (self.library, self.state, self.theme);
        let corpus = &library.corpus;
        let grid = &*state.grid;
        let n = grid.docs().len();
        let area = area(screen);
        Clear.render(area, buf);
        let title = format!(
            " Coalition: {} of {} in {n} document{} · {} · {} ",
            state.listed.len(),
            grid.len(),
            if n == 1 { "" } else { "s" },
            state.order.label(),
            state.only.label()
        );
        let block = super::frame(title, None, true, theme);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.is_empty() {
            return None;
        }
        let g = Geometry::new(inner, n);
        let mut typing = None;
        if let Some(rect) = g.filter {
            typing = Some(
                super::input::InputView {
                    label: "Filter: ",
                    input: &state.filter,
                    editing: state.editing,
                    theme,
                }
                .draw(rect, buf),
            );
            if state.filter.text().is_empty() && !state.editing {
                let hint = "/ a name, kind:organization, role:signatory,member, year:2014..2017";
                let x = rect.x.saturating_add(8);
                let width = rect.width.saturating_sub(8);
                let text = truncate(hint, usize::from(width));
                put(buf, rect, x, rect.y, width, Line::styled(text, theme.dim));
            }
            if let Some(problem) = &state.problem {
                let used =
                    u16::try_from(8 + state.filter.text().chars().count() + 3).unwrap_or(u16::MAX);
                let width = rect.width.saturating_sub(used);
                let text = truncate(problem, usize::from(width));
                put(
                    buf,
                    rect,
                    rect.x + used,
                    rect.y,
                    width,
                    Line::styled(text, theme.error),
                );
            }
        }
        let cursor = state.column.checked_sub(1);
        let first = first_column(cursor.unwrap_or(0), g.columns);
        let shown = first..(first + g.columns).min(n);
        let cells_x = inner.x.saturating_add(g.cells_x());
        let cell_x = |c: usize| {
            let at = u16::try_from(c - first).unwrap_or(u16::MAX);
            cells_x.saturating_add(at.saturating_mul(CELL))
        };
        let label = usize::from(CELL - 1);
        // The headers: each column's date, then its short title.
        for (rect, dates) in [(g.dates, true), (g.titles, false)] {
            let Some(rect) = rect else { continue };
            if dates {
                let more = match (first > 0, shown.end < n) {
                    (true, true) => format!("‹ {}–{} of {n} ›", first + 1, shown.end),
                    (true, false) => format!("‹ {}–{} of {n}", first + 1, shown.end),
                    (false, true) => format!("{}–{} of {n} ›", first + 1, shown.end),
                    (false, false) => String::new(),
                };
                let text = truncate(&more, usize::from(g.name.saturating_sub(1)));
                put(
                    buf,
                    rect,
                    rect.x,
                    rect.y,
                    g.name,
                    Line::styled(text, theme.dim),
                );
                let count = format!("{:>w$}", "in", w = usize::from(g.count) - 1);
                put(
                    buf,
                    rect,
                    rect.x + g.name,
                    rect.y,
                    g.count,
                    Line::styled(count, theme.dim),
                );
            }
            for c in shown.clone() {
                let Some(doc) = grid.docs().get(c).and_then(|&d| corpus.documents.get(d)) else {
                    continue;
                };
                let text = match dates {
                    true => doc.shown_date(),
                    false => doc.shown_title(),
                };
                let style = match (Some(c) == cursor, dates) {
                    (true, _) => theme.selection,
                    (false, true) => theme.heading,
                    (false, false) => theme.dim,
                };
                let text = truncate(&text, label);
                put(
                    buf,
                    rect,
                    cell_x(c),
                    rect.y,
                    CELL - 1,
                    Line::styled(text, style),
                );
            }
        }
        // The rows on screen.
        let body = g.body;
        let top = window(state.selected, g.rows());
        if state.listed.is_empty() {
            let empty = match grid.is_empty() {
                true => "No organization or person is in these documents.",
                false => "No organization or person fits the filter.",
            };
            put(
                buf,
                body,
                body.x,
                body.y,
                body.width,
                Line::styled(empty, theme.dim),
            );
        }
        let visible = state.listed.iter().enumerate().skip(top).take(g.rows());
        for (y, (i, &row)) in (body.y..).zip(visible) {
            let selected = i == state.selected;
            let entity = corpus.entities.get(grid.entity(row));
            let reading = grid.reading(row, state.roles);
            let name_style = match (selected, cursor) {
                (true, None) => theme.selection,
                (true, Some(_)) => theme.selection_unfocused,
                _ => Style::new(),
            };
            let name = truncate(&entity.name, usize::from(g.name.saturating_sub(1)));
            put(buf, body, body.x, y, g.name, Line::styled(name, name_style));
            let count = format!(
                "{:>w$} ",
                format!("{}/{n}", reading.count),
                w = usize::from(g.count).saturating_sub(1)
            );
            put(
                buf,
                body,
                body.x + g.name,
                y,
                g.count,
                Line::styled(count, theme.dim),
            );
            let cells = grid.cells(row);
            for c in shown.clone() {
                let roles = cells.get(c).copied().unwrap_or_default();
                let mut style = theme.role(roles.first());
                // A role the filter does not count is drawn, dimmed.
                if !roles.is_empty() && !roles.meets(state.roles) {
                    style = style.patch(theme.dim);
                }
                let pad = " ".repeat((label - 1) / 2);
                let mut spans = vec![
                    Span::raw(pad),
                    Span::styled(roles.glyph().to_string(), style),
                ];
                if selected && Some(c) == cursor {
                    spans = vec![Span::styled(
                        format!("{:^label$}", roles.glyph()),
                        theme.selection,
                    )];
                }
                put(buf, body, cell_x(c), y, CELL - 1, Line::from(spans));
            }
            if g.trail > 0 {
                let x = cell_x(shown.end).saturating_add(1);
                let text = truncate(&along(library, grid, &reading), usize::from(g.trail - 1));
                put(buf, body, x, y, g.trail, Line::styled(text, theme.dim));
            }
        }
        if let Some(rect) = g.detail {
            let lines = detail(library, state, rect.height);
            for (y, line) in (rect.y..rect.bottom()).zip(lines) {
                let text = truncate(&line, usize::from(rect.width));
                put(
                    buf,
                    rect,
                    rect.x,
                    y,
                    rect.width,
                    Line::styled(text, theme.info),
                );
            }
        }
        if let Some(rect) = g.legend {
            let mut spans = Vec::new();
            for (at, (glyph, meaning)) in LEGEND.iter().enumerate() {
                let role = crate::corpus::Role::ALL.get(at).copied();
                spans.push(Span::styled(glyph.to_string(), theme.role(role)));
                spans.push(Span::styled(format!(" {meaning}  "), theme.dim));
            }
            put(buf, rect, rect.x, rect.y, rect.width, Line::from(spans));
        }
        let row = super::rows_at(body, state.selected.saturating_sub(top), 1);
        if !state.listed.is_empty() {
            super::mark(buf, body, row.clone(), theme);
        }
        let x = match cursor {
            Some(c) if shown.contains(&c) => cell_x(c),
            _ => body.x,
        };
        match (state.editing, typing) {
            (true, Some(at)) => Some(at),
            _ => Some(Position::new(x, row.start)),
        }
    }
}

/// What the selection is, in words, in up to `height` lines: the row
/// (in k of n, first and last, where it joined, left or came back), and
/// the cell under the cursor (its document and roles) or, on a name, what
/// Enter does.
fn detail(library: &Library, state: &GridState, height: u16) -> Vec<String> {
    let grid = &*state.grid;
    let Some(&row) = state.listed.get(state.selected) else {
        return Vec::new();
    };
    let corpus = &library.corpus;
    let entity = corpus.entities.get(grid.entity(row));
    let reading = grid.reading(row, state.roles);
    let n = grid.docs().len();
    let mut about = format!(
        "{} ({}) · in {} of {n}",
        entity.name, entity.kind, reading.count
    );
    let along = along(library, grid, &reading);
    if !along.is_empty() {
        about.push_str(&format!(" · {along}"));
    }
    let cell = match state.column.checked_sub(1) {
        None => {
            "enter: its documents and passages in the People pane · ← →: the documents".to_string()
        }
        Some(c) => {
            let doc = grid.docs().get(c).and_then(|&d| corpus.documents.get(d));
            let roles = grid.cells(row).get(c).copied().unwrap_or_default();
            match doc {
                Some(doc) => format!(
                    "{} {}: {roles}{}",
                    doc.shown_date(),
                    doc.shown_title(),
                    if roles.is_empty() {
                        ""
                    } else {
                        " · enter opens it"
                    }
                ),
                None => String::new(),
            }
        }
    };
    match (height, state.column) {
        (0, _) => Vec::new(),
        (1, 0) => vec![about],
        (1, _) => vec![cell],
        _ => vec![about, cell],
    }
}
