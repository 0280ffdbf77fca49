//! An input line: a label, the text, and while typing a cursor.

use crate::tui::input::Input;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

pub struct InputView<'a> {
    pub label: &'a str,
    pub input: &'a Input,
    pub editing: bool,
    pub theme: &'a Theme,
}

impl Widget for InputView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.draw(area, buf);
    }
}

impl InputView<'_> {
    /// Draws the input line, and says where its cursor is: the character
    /// the next one typed goes before.
    pub fn draw(self, area: Rect, buf: &mut Buffer) -> Position {
        let text = self.input.text();
        let split = text
            .char_indices()
            .nth(self.input.cursor())
            .map_or(text.len(), |(i, _)| i);
        let (before, after) = text.split_at(split);
        let mut rest = after.chars();
        let under = rest.next().map_or(" ".to_string(), String::from);
        let style = if self.editing {
            self.theme.key
        } else {
            self.theme.dim
        };
        // Keep the cursor in view: drop text from the left of a long input.
        let room = usize::from(area.width).saturating_sub(self.label.width() + 1);
        let mut shown = before;
        while shown.width() > room {
            let mut chars = shown.chars();
            chars.next();
            shown = chars.as_str();
        }
        let column = self.label.width() + shown.width();
        let x = area
            .x
            .saturating_add(u16::try_from(column).unwrap_or(u16::MAX));
        let cursor = Position::new(x.min(area.right().saturating_sub(1)), area.y);
        let mut spans = vec![
            Span::styled(self.label, style),
            Span::raw(shown.to_string()),
        ];
        if self.editing {
            spans.push(Span::styled(
                under,
                ratatui::style::Style::new().add_modifier(Modifier::REVERSED),
            ));
            spans.push(Span::raw(rest.as_str().to_string()));
        } else {
            spans.push(Span::raw(after.to_string()));
        }
        Line::from(spans).render(area, buf);
        cursor
    }
}
