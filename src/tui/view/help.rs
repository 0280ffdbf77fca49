//! The pager overlays: the help, every key of every layer read from the
//! live key map, and the corpus files that did not load.

use crate::corpus::Problem;
use crate::tui::keymap::KeyMap;
use crate::tui::layout::inner;
use crate::tui::layout::pager::{area, help_lines, inner_size, problem_lines};
use crate::tui::layout::text::max_scroll;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Clear, Paragraph, Widget};

/// Scrolling text in a bordered overlay: the help.
pub fn pager(
    lines: Vec<Line<'static>>,
    scroll: usize,
    title: &str,
    theme: &Theme,
    screen: Rect,
    buf: &mut Buffer,
) {
    let area = area(screen);
    let (_, rows) = inner_size(screen);
    let scroll = scroll.min(max_scroll(lines.len(), rows));
    Clear.render(area, buf);
    let visible: Vec<Line> = lines.into_iter().skip(scroll).take(rows).collect();
    Paragraph::new(visible)
        .block(super::frame(title.into(), None, true, theme))
        .render(area, buf);
}

pub struct HelpView<'a> {
    pub keymap: &'a KeyMap,
    pub scroll: usize,
    pub theme: &'a Theme,
}

impl Widget for HelpView<'_> {
    fn render(self, screen: Rect, buf: &mut Buffer) {
        self.draw(screen, buf);
    }
}

impl HelpView<'_> {
    /// Draws the help, and says where the terminal's cursor goes: on its
    /// first line shown, where reading starts.
    pub fn draw(self, screen: Rect, buf: &mut Buffer) -> Option<Position> {
        let (columns, _) = inner_size(screen);
        let lines = help_lines(self.keymap, self.theme, columns);
        pager(
            lines,
            self.scroll,
            " Keys: Esc closes ",
            self.theme,
            screen,
            buf,
        );
        let inner = inner(area(screen));
        (!inner.is_empty()).then(|| Position::new(inner.x, inner.y))
    }
}

/// The corpus files that did not load, each problem as `check` gives it.
pub struct ProblemsView<'a> {
    pub problems: &'a [Problem],
    pub scroll: usize,
    pub theme: &'a Theme,
}

impl Widget for ProblemsView<'_> {
    fn render(self, screen: Rect, buf: &mut Buffer) {
        self.draw(screen, buf);
    }
}

impl ProblemsView<'_> {
    /// Draws the list, and says where the terminal's cursor goes: on its
    /// first line shown, as in the help.
    pub fn draw(self, screen: Rect, buf: &mut Buffer) -> Option<Position> {
        let (columns, _) = inner_size(screen);
        let lines = problem_lines(self.problems, self.theme, columns);
        pager(
            lines,
            self.scroll,
            " Files that did not load: Esc closes ",
            self.theme,
            screen,
            buf,
        );
        let inner = inner(area(screen));
        (!inner.is_empty()).then(|| Position::new(inner.x, inner.y))
    }
}
