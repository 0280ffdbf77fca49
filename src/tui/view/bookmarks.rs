//! The bookmarks pane: each kept passage as its document, paragraph and
//! date over its first words and note, newest first or best match first.

use crate::bookmarks::{Bookmark, Place, in_quotes, shown};
use crate::library::Library;
use crate::tui::input::Input;
use crate::tui::layout::bookmarks::{listed, title};
use crate::tui::layout::centred;
use crate::tui::layout::text::{truncate, window};
use crate::tui::state::{BookmarksState, Editing};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

/// Lines each bookmark takes.
const ROW_HEIGHT: usize = 2;

pub struct BookmarksView<'a> {
    pub library: &'a Library,
    pub bookmarks: &'a [Bookmark],
    /// While there are none: where bookmarks still read, set aside.
    pub held_aside: Option<&'a str>,
    /// Where each bookmark is, in the same order.
    pub places: &'a [Place],
    pub state: &'a BookmarksState,
    pub theme: &'a Theme,
}

impl Widget for BookmarksView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.draw(area, buf);
    }
}

impl BookmarksView<'_> {
    /// Draws the pane, and says where the terminal's cursor goes: where
    /// the filter or the note is typed, else on the selected bookmark.
    pub fn draw(self, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let (library, state, theme) = (self.library, self.state, self.theme);
        let area = centred(area, 110, 2);
        let listed = listed(library, self.bookmarks, self.places, state.filter.text());
        Clear.render(area, buf);
        let heading = format!(" Bookmarks: {} of {} ", listed.len(), self.bookmarks.len());
        let block = super::frame(heading, None, true, theme);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.height < 2 || inner.width < 4 {
            return Some(Position::new(inner.x, inner.y));
        }
        let input_row = Rect {
            y: inner.y + inner.height - 1,
            height: 1,
            ..inner
        };
        let mut body = Rect {
            height: inner.height - 1,
            ..inner
        };
        // Below the list, where there is room, the selected bookmark whole:
        // its passage and its note, which is also where a note is written.
        let selected = listed
            .get(state.selected)
            .map(|&i| (&self.bookmarks[i], self.places.get(i).copied()));
        let detail_rows = if body.height >= 12 {
            body.height / 3
        } else {
            0
        };
        let mut in_note = None;
        if let (Some((bookmark, place)), true) = (selected, detail_rows > 0) {
            body.height -= detail_rows;
            let area = Rect {
                y: body.bottom(),
                height: detail_rows,
                ..body
            };
            let editing = match &state.editing {
                Some(Editing::Note { input, .. }) => Some(input),
                _ => None,
            };
            Detail {
                library,
                bookmark,
                place,
                editing,
                theme,
            }
            .render(area, buf);
            // The note is wrapped as the paragraph wraps it: its cursor is
            // found where it was drawn, the one reversed cell.
            in_note = editing.and_then(|_| {
                area.positions().find(|&at| {
                    buf.cell(at)
                        .is_some_and(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED))
                })
            });
        }
        let (label, input, editing) = match &state.editing {
            Some(Editing::Note { input, .. }) => ("Note: ", input, true),
            editing => ("Filter: ", &state.filter, editing.is_some()),
        };
        let typing = if label == "Note: " && detail_rows > 0 {
            Line::styled(
                "Writing the note above: enter saves, ctrl-j starts a new line, esc drops the edit",
                theme.dim,
            )
            .render(input_row, buf);
            in_note.unwrap_or(Position::new(input_row.x, input_row.y))
        } else {
            super::input::InputView {
                label,
                input,
                editing,
                theme,
            }
            .draw(input_row, buf)
        };
        if listed.is_empty() {
            let empty = match (self.bookmarks.is_empty(), self.held_aside) {
                (true, Some(held)) => held,
                (true, None) => {
                    "No bookmarks yet: b in the reader keeps the paragraph under the cursor."
                }
                (false, _) => "No bookmark matches the filter.",
            };
            Paragraph::new(Line::styled(empty, theme.dim))
                .wrap(Wrap { trim: true })
                .render(body, buf);
            return Some(match editing {
                true => typing,
                false => Position::new(body.x, body.y),
            });
        }
        let rows = usize::from(body.height) / ROW_HEIGHT;
        let top = window(state.selected, rows.max(1));
        let width = usize::from(body.width);
        let mut lines = Vec::new();
        for (at, &i) in listed.iter().enumerate().skip(top).take(rows.max(1)) {
            let bookmark = &self.bookmarks[i];
            let place = self
                .places
                .get(i)
                .copied()
                .unwrap_or(Place::Orphaned { doc: None });
            let style = if at == state.selected {
                theme.selection
            } else {
                Style::new()
            };
            let number = place.passage().map_or(bookmark.paragraph, |(_, n)| n + 1);
            let right = format!(" ¶{number}{}  {}", place.remark(), shown(bookmark.day()));
            let room = width.saturating_sub(right.width());
            let title = truncate(&title(library, bookmark, Some(place)), room);
            let pad = " ".repeat(room.saturating_sub(title.width()));
            lines.push(Line::from(vec![
                Span::styled(format!("{title}{pad}"), style.patch(theme.title)),
                Span::styled(right, style.patch(theme.dim)),
            ]));
            // The note matters more than the quote's tail: it gets up to half.
            let note = match shown(&bookmark.note).as_str() {
                "" => String::new(),
                note => format!(" — {note}"),
            };
            let quote = truncate(
                &format!("  {}", in_quotes(&bookmark.quote)),
                width - note.width().min(width / 2),
            );
            let note = truncate(&note, width.saturating_sub(quote.width()));
            let second = vec![
                Span::styled(quote, style),
                Span::styled(note, style.patch(theme.key)),
            ];
            lines.push(Line::from(second));
        }
        Paragraph::new(lines).render(body, buf);
        let at = state.selected.saturating_sub(top) * ROW_HEIGHT;
        let ys = super::rows_at(body, at, ROW_HEIGHT);
        super::mark(buf, body, ys.clone(), theme);
        Some(match editing {
            true => typing,
            false => Position::new(body.x, ys.start),
        })
    }
}

/// The selected bookmark whole: the note, or the note being written with
/// its cursor, then the passage as the document has it now (or the saved
/// quote, where it is gone).
struct Detail<'a> {
    library: &'a Library,
    bookmark: &'a Bookmark,
    place: Option<Place>,
    editing: Option<&'a Input>,
    theme: &'a Theme,
}

impl Widget for Detail<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let passage = self
            .place
            .and_then(Place::passage)
            .and_then(|(d, p)| self.library.corpus.documents.get(d)?.paragraphs.get(p))
            .map(|p| p.to_string())
            .unwrap_or_else(|| shown(&self.bookmark.quote));
        // The note first: it is what is written here, and the passage may
        // be longer than the area.
        let rule = if theme.borders { "─" } else { " " };
        let mut lines = vec![Line::styled(
            rule.repeat(usize::from(area.width)),
            theme.dim,
        )];
        match self.editing {
            Some(input) => lines.extend(with_cursor(input, theme)),
            None if self.bookmark.note.is_empty() => {
                lines.push(Line::styled("No note: e writes one.", theme.dim))
            }
            None => {
                let note = shown_lines(&self.bookmark.note);
                lines.extend(note.lines().map(|l| Line::styled(l.to_string(), theme.key)));
            }
        }
        lines.push(Line::default());
        lines.extend(passage.lines().map(|l| Line::raw(l.to_string())));
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(area, buf);
    }
}

/// A note as it may be shown: each line cleaned, the line breaks kept.
fn shown_lines(note: &str) -> String {
    note.split('\n').map(shown).collect::<Vec<_>>().join("\n")
}

/// The note being written, a line per line, the character under the cursor
/// reversed.
fn with_cursor<'t>(input: &Input, theme: &Theme) -> Vec<Line<'t>> {
    let text = input.text();
    let at = text
        .char_indices()
        .nth(input.cursor())
        .map_or(text.len(), |(i, _)| i);
    let (before, after) = text.split_at(at);
    let mut rest = after.chars();
    let under = match rest.next() {
        None | Some('\n') => " ".to_string(),
        Some(c) => c.to_string(),
    };
    // A line break under the cursor stays a line break after it.
    let after = match after.starts_with('\n') {
        true => after,
        false => rest.as_str(),
    };
    let cursor = Style::new().add_modifier(ratatui::style::Modifier::REVERSED);
    let mut lines = vec![Line::default()];
    for (i, part) in before.split('\n').enumerate() {
        if i > 0 {
            lines.push(Line::default());
        }
        if let Some(line) = lines.last_mut() {
            line.push_span(Span::styled(part.to_string(), theme.key));
        }
    }
    if let Some(line) = lines.last_mut() {
        line.push_span(Span::styled(under, cursor));
    }
    for (i, part) in after.split('\n').enumerate() {
        if i > 0 {
            lines.push(Line::default());
        }
        if let Some(line) = lines.last_mut() {
            line.push_span(Span::styled(part.to_string(), theme.key));
        }
    }
    lines
}
