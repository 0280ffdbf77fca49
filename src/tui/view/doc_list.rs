//! The document list: each document as its title, on up to two lines, over
//! its date and kind, newest first.

use crate::corpus::{Corpus, Document};
use crate::tui::layout::text::{max_scroll, truncate, wrap};
use crate::tui::layout::{ROW_HEIGHT, inner};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

pub struct DocListView<'a> {
    pub corpus: &'a Corpus,
    pub order: &'a [usize],
    pub marked: &'a [usize],
    /// How many bookmarks each document holds, by document index.
    pub bookmarks: &'a [usize],
    pub selected: usize,
    pub scroll: usize,
    pub focused: bool,
    pub theme: &'a Theme,
}

fn second_line(doc: &Document, bookmarks: usize) -> String {
    // The bookmark count leads, where a narrow list does not cut it off.
    let count = match bookmarks {
        0 => String::new(),
        n => format!("★{n} "),
    };
    format!(
        "{count}{} · {}",
        doc.shown_date(),
        doc.kind.to_string().replace('-', " ")
    )
}

impl Widget for DocListView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        self.draw(area, buf);
    }
}

impl DocListView<'_> {
    /// Draws the list, and says where the selected document's first line
    /// on screen is: where the terminal's cursor goes when the list has
    /// the focus.
    pub fn draw(self, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let theme = self.theme;
        let inner = inner(area);
        let width = usize::from(inner.width);
        let height = usize::from(inner.height);
        let (_border, selection) = if self.focused {
            (theme.border_focused, theme.selection)
        } else {
            (theme.border, theme.selection_unfocused)
        };
        let place = (self.focused && !self.order.is_empty())
            .then(|| format!(" {}/{} ", self.selected + 1, self.order.len()));
        super::pane_frame(" Documents ".into(), place, self.focused, theme).render(area, buf);
        let total = self.order.len() * ROW_HEIGHT;
        let scroll = self.scroll.min(max_scroll(total, height));
        // Only the documents on screen are laid out: a frame costs the same
        // for a list of three or of a hundred thousand.
        let first_row = scroll / ROW_HEIGHT;
        let rows = (scroll % ROW_HEIGHT + height).div_ceil(ROW_HEIGHT);
        let mut lines = Vec::with_capacity(rows * ROW_HEIGHT);
        for (row, &d) in self.order.iter().enumerate().skip(first_row).take(rows) {
            let Some(doc) = self.corpus.documents.get(d) else {
                continue;
            };
            let base = if row == self.selected {
                selection
            } else {
                Style::new()
            };
            // A marked document's title starts with a mark, for the coalition grid.
            let mark = if self.marked.contains(&d) { "● " } else { "" };
            let title = wrap(&format!("{mark}{}", doc.shown_title()), width);
            let second = match title.get(1..) {
                Some(rest) if !rest.is_empty() => truncate(&rest.join(" "), width),
                _ => String::new(),
            };
            let first = title.into_iter().next().unwrap_or_default();
            lines.push(Line::styled(first, base.patch(theme.title)));
            lines.push(Line::styled(second, base.patch(theme.title)));
            lines.push(Line::from(Span::styled(
                truncate(
                    &format!(
                        "  {}",
                        second_line(doc, self.bookmarks.get(d).copied().unwrap_or(0))
                    ),
                    width,
                ),
                base.patch(theme.dim),
            )));
        }
        let visible: Vec<Line> = lines
            .into_iter()
            .skip(scroll % ROW_HEIGHT)
            .take(height)
            .collect();
        Paragraph::new(visible).render(inner, buf);
        if self.order.is_empty() {
            return None;
        }
        let row = self.selected * ROW_HEIGHT;
        let shown = row.max(scroll)..(row + ROW_HEIGHT).min(scroll + height);
        let ys = super::rows_at(inner, shown.start - scroll.min(shown.start), shown.len());
        if self.focused {
            super::mark(buf, inner, ys.clone(), theme);
        }
        Some(Position::new(
            inner.x,
            ys.start.min(inner.bottom().saturating_sub(1)),
        ))
    }
}
