//! The bookmarks pane: each kept passage as its document, paragraph and
//! date over its first words and note, newest first or best match first.

use crate::bookmarks::{Bookmark, shown};
use crate::library::Library;
use crate::tui::layout::bookmarks::{listed, title};
use crate::tui::layout::centred;
use crate::tui::layout::text::{truncate, window};
use crate::tui::state::{BookmarksState, Editing};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

/// Lines each bookmark takes.
const ROW_HEIGHT: usize = 2;

pub struct BookmarksView<'a> {
    pub library: &'a Library,
    pub bookmarks: &'a [Bookmark],
    pub state: &'a BookmarksState,
    pub theme: &'a Theme,
}

impl Widget for BookmarksView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (library, state, theme) = (self.library, self.state, self.theme);
        let area = centred(area, 110, 2);
        let listed = listed(library, self.bookmarks, state.filter.text());
        Clear.render(area, buf);
        let heading = format!(" Bookmarks: {} of {} ", listed.len(), self.bookmarks.len());
        let block = super::frame(heading, None, true, theme);
        let inner = block.inner(area);
        block.render(area, buf);
        if inner.height < 2 || inner.width < 4 {
            return;
        }
        let (label, input, editing) = match &state.editing {
            Some(Editing::Note { input, .. }) => ("Note: ", input, true),
            editing => ("Filter: ", &state.filter, editing.is_some()),
        };
        let input_row = Rect {
            y: inner.y + inner.height - 1,
            height: 1,
            ..inner
        };
        super::input::InputView {
            label,
            input,
            editing,
            theme,
        }
        .render(input_row, buf);
        let body = Rect {
            height: inner.height - 1,
            ..inner
        };
        if listed.is_empty() {
            let empty = if self.bookmarks.is_empty() {
                "No bookmarks yet: b in the reader keeps the paragraph under the cursor."
            } else {
                "No bookmark matches the filter."
            };
            Paragraph::new(Line::styled(empty, theme.dim))
                .wrap(Wrap { trim: true })
                .render(body, buf);
            return;
        }
        let rows = usize::from(body.height) / ROW_HEIGHT;
        let top = window(state.selected, rows.max(1));
        let width = usize::from(body.width);
        let mut lines = Vec::new();
        for (at, &i) in listed.iter().enumerate().skip(top).take(rows.max(1)) {
            let bookmark = &self.bookmarks[i];
            let place = library.locator.place(bookmark);
            let style = if at == state.selected {
                theme.selection
            } else {
                Style::new()
            };
            let number = place.passage().map_or(bookmark.paragraph, |(_, n)| n + 1);
            let right = format!(" ¶{number}{}  {}", place.remark(), shown(bookmark.day()));
            let room = width.saturating_sub(right.width());
            let title = truncate(&title(library, bookmark), room);
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
                &format!("  “{}”", shown(&bookmark.quote)),
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
    }
}
