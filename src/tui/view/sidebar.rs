//! The signatory sidebar pane for one frame.

use crate::library::Library;
use crate::tui::layout::inner;
use crate::tui::layout::sidebar::{LineKind, SidebarText};
use crate::tui::layout::text::max_scroll;
use crate::tui::state::SidebarState;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

/// The sidebar pane for one frame.
pub struct SidebarView<'a> {
    pub library: &'a Library,
    pub doc: usize,
    pub state: SidebarState,
    pub focused: bool,
    pub theme: &'a Theme,
}

impl Widget for SidebarView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.draw(area, buf);
    }
}

impl SidebarView<'_> {
    /// Draws the sidebar, and says where the selected entry's first line on
    /// screen is: where the terminal's cursor goes when it has the focus.
    pub fn draw(self, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let theme = self.theme;
        let inner = inner(area);
        let height = usize::from(inner.height);
        let text = SidebarText::lay_out(self.library, self.doc, usize::from(inner.width));
        let people = self
            .library
            .corpus
            .documents
            .get(self.doc)
            .map_or(0, |d| d.people.len());
        let scroll = self.state.scroll.min(max_scroll(text.line_count(), height));
        let selected = text
            .entries
            .get(self.state.selected)
            .map(|(_, l)| l.clone());
        let (_border, selection) = if self.focused {
            (theme.border_focused, theme.selection)
        } else {
            (theme.border, theme.selection_unfocused)
        };
        let place = (self.focused && !text.entries.is_empty())
            .then(|| format!(" {}/{} ", self.state.selected + 1, text.entries.len()));
        super::pane_frame(format!(" People {people} "), place, self.focused, theme)
            .render(area, buf);
        let lines: Vec<Line> = text
            .lines
            .iter()
            .enumerate()
            .skip(scroll)
            .take(height)
            .map(|(i, (line, kind))| {
                let mut style = match kind {
                    LineKind::Heading => theme.heading,
                    LineKind::Name | LineKind::Blank => Style::new(),
                    LineKind::Detail => theme.dim,
                };
                if selected.as_ref().is_some_and(|s| s.contains(&i)) {
                    style = style.patch(selection);
                }
                Line::styled(line.as_str(), style)
            })
            .collect();
        Paragraph::new(lines).render(inner, buf);
        let Some(entry) = selected else {
            return Some(Position::new(inner.x, inner.y));
        };
        let shown = entry.start.max(scroll)..entry.end.min(scroll + height);
        let ys = super::rows_at(inner, shown.start - scroll, shown.len());
        if self.focused {
            super::mark(buf, inner, ys.clone(), theme);
        }
        Some(Position::new(
            inner.x,
            ys.start.min(inner.bottom().saturating_sub(1)),
        ))
    }
}
