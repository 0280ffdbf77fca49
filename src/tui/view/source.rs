//! The capture overlay: a document's raw capture, line by line, the lines
//! the curator left out marked in the margin and dimmed.

use crate::corpus::Document;
use crate::tui::layout::inner;
use crate::tui::layout::source::{OMITTED, area, inner_size, laid_out, margin};
use crate::tui::layout::text::{max_scroll, wrap};
use crate::tui::state::SourceState;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

pub struct SourceView<'a> {
    pub doc: Option<&'a Document>,
    pub state: &'a SourceState,
    pub theme: &'a Theme,
}

impl Widget for SourceView<'_> {
    fn render(self, screen: Rect, buf: &mut Buffer) {
        self.draw(screen, buf);
    }
}

impl SourceView<'_> {
    /// Draws the capture, and says where the terminal's cursor goes: on
    /// its first line shown, where reading starts, as in the help.
    pub fn draw(self, screen: Rect, buf: &mut Buffer) -> Option<Position> {
        let theme = self.theme;
        let area = area(screen);
        let (columns, rows) = inner_size(screen);
        let title = format!(" Capture {} ", self.state.name);
        // The legend, where it fits beside the file's name.
        let legend = format!(" ¶n kept as paragraph n · {OMITTED} left out by the curator ");
        let legend =
            (title.width() + legend.width() + 4 <= usize::from(area.width)).then_some(legend);
        let shown: Vec<Line> = match (&self.state.capture, self.doc) {
            (Some(Ok(text)), Some(doc)) => {
                let laid = laid_out(self.state.laid.as_ref(), doc, text, columns);
                let scroll = self.state.scroll.min(max_scroll(laid.lines.len(), rows));
                laid.lines
                    .iter()
                    .skip(scroll)
                    .take(rows)
                    .map(|line| {
                        let style = match line.omitted {
                            true => theme.dim,
                            false => Style::new(),
                        };
                        Line::from(vec![
                            Span::styled(margin(line), theme.key),
                            Span::styled(line.text.clone(), style),
                        ])
                    })
                    .collect()
            }
            (Some(Err(why)), _) => wrap(why, columns).into_iter().map(Line::raw).collect(),
            _ => vec![Line::styled("reading the capture…", theme.dim)],
        };
        Clear.render(area, buf);
        Paragraph::new(shown)
            .block(super::frame(title, legend, true, theme))
            .render(area, buf);
        let inner = inner(area);
        (!inner.is_empty()).then(|| Position::new(inner.x, inner.y))
    }
}
