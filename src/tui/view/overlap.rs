//! The overlap view: the organizations and people that marked documents
//! share, and those unique to each.

use super::help::pager;
use crate::library::Library;
use crate::tui::layout::pager::{inner_size, overlap_lines};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub struct OverlapView<'a> {
    pub library: &'a Library,
    pub docs: &'a [usize],
    pub scroll: usize,
    pub theme: &'a Theme,
}

impl Widget for OverlapView<'_> {
    fn render(self, screen: Rect, buf: &mut Buffer) {
        let (columns, _) = inner_size(screen);
        let lines = overlap_lines(self.library, self.docs, self.theme, columns);
        pager(
            lines,
            self.scroll,
            " Overlap: Esc closes ",
            self.theme,
            screen,
            buf,
        );
    }
}
