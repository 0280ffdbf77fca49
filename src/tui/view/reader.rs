//! The reader pane: the laid-out document, numbered in the margin, with the
//! reading cursor and bookmarks marked.

use crate::corpus::Document;
use crate::tui::layout::inner;
use crate::tui::layout::reader::{LineKind, ReaderText, TextLine};
use crate::tui::layout::text::max_scroll;
use crate::tui::state::ReaderState;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget,
};

/// The reader pane for one frame.
pub struct ReaderView<'a> {
    pub doc: &'a Document,
    /// The document laid out for this pane's width.
    pub text: &'a ReaderText,
    pub position: ReaderState,
    pub focused: bool,
    pub theme: &'a Theme,
    /// Characters of the cursor's paragraph the last search matched.
    pub matched: &'a [usize],
    /// Paragraphs with a bookmark.
    pub bookmarked: &'a [usize],
}

impl Widget for ReaderView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.draw(area, buf);
    }
}

impl ReaderView<'_> {
    /// Draws the reader, and says where the terminal's cursor goes when it
    /// has the focus: at the text of the cursor paragraph's first line on
    /// screen, or the top of the text where that paragraph is not shown.
    pub fn draw(self, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let inner = inner(area);
        let height = usize::from(inner.height);
        let text = self.text;
        let scroll = self
            .position
            .scroll
            .min(max_scroll(text.lines.len(), height));
        let position = ReaderState {
            scroll,
            ..self.position
        };
        let style = if self.focused {
            self.theme.border_focused
        } else {
            self.theme.border
        };
        let place = format!(
            " ¶{}/{} {}% ",
            position.cursor + 1,
            self.doc.paragraphs.len(),
            text.percent(scroll, height)
        );
        super::pane_frame(" Reader ".into(), Some(place), self.focused, self.theme)
            .render(area, buf);
        let lines: Vec<Line> = text
            .lines
            .iter()
            .skip(scroll)
            .take(height)
            .map(|line| self.line(text, line))
            .collect();
        Paragraph::new(lines).render(inner, buf);
        let on_screen = text.lines.iter().skip(scroll).take(height).position(|line| {
            matches!(line.kind, LineKind::Paragraph { index, .. } if index == position.cursor)
        });
        let cursor = match on_screen {
            Some(at) => {
                let margin = text.indent + 1 + text.digits + 2;
                let x = inner
                    .x
                    .saturating_add(u16::try_from(margin).unwrap_or(u16::MAX));
                Position::new(
                    x.min(inner.right().saturating_sub(1)),
                    super::rows_at(inner, at, 1).start,
                )
            }
            None => Position::new(inner.x, inner.y),
        };
        // The scrollbar rides on the right border, where the text is longer
        // than the pane.
        let max = max_scroll(text.lines.len(), height);
        if max > 0 {
            // Positions 0..=max, a window of `height` lines.
            let mut bar = ScrollbarState::new(max + 1)
                .position(scroll)
                .viewport_content_length(height);
            Scrollbar::new(ScrollbarOrientation::VerticalRight)
                .begin_symbol(None)
                .end_symbol(None)
                .track_symbol(None)
                .thumb_style(style)
                .render(area.inner(Margin::new(0, 1)), buf, &mut bar);
        }
        (!inner.is_empty()).then_some(cursor)
    }
}

impl ReaderView<'_> {
    fn line<'t>(&self, text: &ReaderText, line: &'t TextLine) -> Line<'t> {
        let theme = self.theme;
        let indent = Span::raw(" ".repeat(text.indent));
        let (margin, style) = match line.kind {
            LineKind::Paragraph { index, first } => {
                let on_cursor = index == self.position.cursor;
                let mark = if on_cursor { "▌" } else { " " };
                let number = if first && text.digits > 0 {
                    format!("{:>w$}", index + 1, w = text.digits)
                } else {
                    " ".repeat(text.digits)
                };
                let bookmark = if first && self.bookmarked.contains(&index) {
                    "★ "
                } else {
                    "  "
                };
                let number_style = if on_cursor {
                    theme.cursor_mark
                } else {
                    theme.dim
                };
                let margin = vec![
                    Span::styled(mark, theme.cursor_mark),
                    Span::styled(number, number_style),
                    Span::styled(bookmark, theme.key),
                ];
                (margin, Style::new())
            }
            kind => {
                let style = match kind {
                    LineKind::Title => theme.title,
                    LineKind::Subtitle => Style::new().add_modifier(Modifier::ITALIC),
                    // Plain: the loop writes a link's text again, unstyled.
                    LineKind::Meta | LineKind::Link | LineKind::Signature { .. } => Style::new(),
                    LineKind::Signatures => theme.heading,
                    _ => theme.dim,
                };
                (vec![Span::raw(" ".repeat(text.digits + 3))], style)
            }
        };
        let mut spans = vec![indent];
        spans.extend(margin);
        match line.kind {
            LineKind::Paragraph { index, .. }
                if index == self.position.cursor && !self.matched.is_empty() =>
            {
                let marks: Vec<usize> = self
                    .matched
                    .iter()
                    .filter_map(|&m| m.checked_sub(line.start))
                    .collect();
                spans.extend(super::search::marked_spans(
                    &line.text,
                    &marks,
                    theme.matched,
                ));
            }
            _ => spans.push(Span::styled(line.text.clone(), style)),
        }
        Line::from(spans)
    }
}
