//! The overlap view: the organizations and people that marked documents
//! share, grouped by how they stand in them, and those unique to each; the
//! selected entity is marked for Enter.

use super::help::pager;
use crate::library::Library;
use crate::tui::layout::pager::{inner_size, overlap_text};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct OverlapView<'a> {
    pub library: &'a Library,
    pub docs: &'a [usize],
    pub scroll: usize,
    pub selected: usize,
    pub theme: &'a Theme,
}

impl Widget for OverlapView<'_> {
    fn render(self, screen: Rect, buf: &mut Buffer) {
        let (columns, _) = inner_size(screen);
        let mut text = overlap_text(self.library, self.docs, self.theme, columns);
        if let Some(&(at, _)) = text.entities.get(self.selected) {
            let line = &mut text.lines[at];
            *line = std::mem::take(line).style(self.theme.selection);
        }
        pager(
            text.lines,
            self.scroll,
            " Overlap: Enter opens in People, Esc closes ",
            self.theme,
            screen,
            buf,
        );
    }
}
