//! Geometry and listings that both `update` and `view` use, so they always
//! agree and neither reaches into the other: where each pane goes at a given
//! size, text wrapped to a width, and the filtered lists the overlays show.

pub mod bookmarks;
pub mod pager;
pub mod people;
pub mod reader;
pub mod search;
pub mod sidebar;
pub mod text;

use ratatui::layout::Rect;
use ratatui::widgets::Block;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    List,
    Reader,
    Sidebar,
}

/// What the configuration sets about drawing the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ViewOptions {
    /// The widest measure prose is wrapped to; wider panes centre it.
    pub reading_width: usize,
    /// Whether paragraph numbers are drawn in the reader's margin.
    pub paragraph_numbers: bool,
    /// The sidebar's width in columns, or 0 for a share of the screen.
    pub sidebar_width: u16,
}

impl Default for ViewOptions {
    fn default() -> ViewOptions {
        ViewOptions {
            reading_width: reader::READING_WIDTH,
            paragraph_numbers: true,
            sidebar_width: 0,
        }
    }
}

/// Lines each document takes in the list.
pub const ROW_HEIGHT: usize = 3;

/// An overlay's area: centred, at most `max_width` wide, leaving `margin`
/// columns on each side and a row above and below.
pub fn centred(screen: Rect, max_width: u16, margin: u16) -> Rect {
    let width = screen.width.saturating_sub(2 * margin).min(max_width);
    let height = screen.height.saturating_sub(2);
    Rect {
        x: screen.x + (screen.width - width) / 2,
        y: screen.y + (screen.height - height) / 2,
        width,
        height,
    }
}

/// The inner area of a bordered pane.
pub fn inner(area: Rect) -> Rect {
    Block::bordered().inner(area)
}

/// Smallest terminal the reader draws panes in.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;
/// Below this width the sidebar folds away unless it has the focus.
pub const WIDE: u16 = 100;
/// Below this width one pane fills the screen.
pub const NARROW: u16 = 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Panes {
    pub list: Option<Rect>,
    pub reader: Option<Rect>,
    pub sidebar: Option<Rect>,
    /// The status bar, or None when the terminal is too small for anything.
    pub status: Option<Rect>,
}

impl Panes {
    pub fn rect(&self, pane: Pane) -> Option<Rect> {
        match pane {
            Pane::List => self.list,
            Pane::Reader => self.reader,
            Pane::Sidebar => self.sidebar,
        }
    }

    /// The pane under a cell.
    pub fn at(&self, column: u16, row: u16) -> Option<Pane> {
        let position = ratatui::layout::Position::new(column, row);
        [Pane::List, Pane::Reader, Pane::Sidebar]
            .into_iter()
            .find(|&p| self.rect(p).is_some_and(|r| r.contains(position)))
    }
}

/// The reader keeps at least this many columns beside a configured sidebar.
const MIN_READER: u16 = 30;

/// Where the panes go. `sidebar_width` is the configured width, or 0 for
/// a share of the screen; either way the reader keeps room to read.
pub fn panes(
    width: u16,
    height: u16,
    focus: Pane,
    sidebar_visible: bool,
    sidebar_width: u16,
) -> Panes {
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        return Panes::default();
    }
    let main = Rect::new(0, 0, width, height - 1);
    let status = Some(Rect::new(0, height - 1, width, 1));
    let sidebar = sidebar_visible || focus == Pane::Sidebar;
    // Split `main` into columns of the given widths; the reader takes the rest.
    let split = |left: u16, right: u16| {
        let reader = width - left - right;
        (
            (left > 0).then_some(Rect {
                width: left,
                ..main
            }),
            Rect {
                x: left,
                width: reader,
                ..main
            },
            (right > 0).then_some(Rect {
                x: left + reader,
                width: right,
                ..main
            }),
        )
    };
    let (list, reader, side) = if width >= WIDE {
        let left = (width / 5).clamp(24, 36);
        let right = match (sidebar, sidebar_width) {
            (false, _) => 0,
            (true, 0) => (width / 4).clamp(28, 44),
            (true, w) => w.min(width - left - MIN_READER),
        };
        split(left, right)
    } else if width >= NARROW {
        if focus == Pane::Sidebar {
            let right = match sidebar_width {
                0 => (width * 2 / 5).clamp(26, 36),
                w => w.min(width - MIN_READER),
            };
            split(0, right)
        } else {
            split((width / 4).clamp(22, 30), 0)
        }
    } else {
        // One pane at a time: the focused one.
        return Panes {
            list: (focus == Pane::List).then_some(main),
            reader: (focus == Pane::Reader).then_some(main),
            sidebar: (focus == Pane::Sidebar).then_some(main),
            status,
        };
    };
    Panes {
        list,
        reader: Some(reader),
        sidebar: side,
        status,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_configured_sidebar_width_leaves_the_reader_room_at_any_size() {
        for width in 0..=300 {
            for sidebar_width in [0, 1, 20, 44, 80, 200, u16::MAX] {
                for focus in [Pane::List, Pane::Reader, Pane::Sidebar] {
                    let panes = panes(width, 30, focus, true, sidebar_width);
                    let Some(side) = panes.sidebar else { continue };
                    if width >= NARROW {
                        let reader = panes.reader.expect("a reader beside the sidebar");
                        assert!(reader.width >= MIN_READER, "{width} {sidebar_width}");
                        assert_eq!(side.right(), width);
                    }
                    if sidebar_width > 0 && width >= NARROW {
                        assert!(side.width <= sidebar_width);
                    }
                }
            }
        }
        let wide = panes(160, 40, Pane::List, true, 50);
        assert_eq!(wide.sidebar.map(|r| r.width), Some(50));
    }
}
