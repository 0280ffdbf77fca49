//! Geometry and listings that both `update` and `view` use, so they always
//! agree and neither reaches into the other: where each pane goes at a given
//! size, text wrapped to a width, and the filtered lists the overlays show.

pub mod bookmarks;
pub mod grid;
pub mod pager;
pub mod people;
pub mod reader;
pub mod search;
pub mod sidebar;
pub mod source;
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
/// columns on each side, the panes' top border above and their bottom
/// border and the status bar below, so that its corners never land on a
/// pane's border (`└───└───┘───┘`).
pub fn centred(screen: Rect, max_width: u16, margin: u16) -> Rect {
    let width = screen.width.saturating_sub(2 * margin).min(max_width);
    Rect {
        x: screen.x + (screen.width - width) / 2,
        y: screen.y + 1.min(screen.height),
        width,
        height: screen.height.saturating_sub(3),
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
/// The narrowest sidebar drawn beside the reader.
const MIN_SIDEBAR: u16 = 24;

/// Where the panes go. The configured sidebar width is kept where the
/// reader keeps room to read; by default the sidebar is what shrinks first
/// as the screen narrows, so the reader's measure holds until the sidebar
/// folds away. Adjacent panes share their border column.
pub fn panes(
    width: u16,
    height: u16,
    focus: Pane,
    sidebar_visible: bool,
    options: ViewOptions,
) -> Panes {
    if width < MIN_WIDTH || height < MIN_HEIGHT {
        return Panes::default();
    }
    let main = Rect::new(0, 0, width, height - 1);
    let status = Some(Rect::new(0, height - 1, width, 1));
    if width < NARROW {
        // One pane at a time: the focused one.
        return Panes {
            list: (focus == Pane::List).then_some(main),
            reader: (focus == Pane::Reader).then_some(main),
            sidebar: (focus == Pane::Sidebar).then_some(main),
            status,
        };
    }
    let sidebar = sidebar_visible || focus == Pane::Sidebar;
    let left = (width / 5).clamp(22, 36);
    let (left, right) = match (width >= WIDE, sidebar, options.sidebar_width) {
        (_, false, _) => (left, 0),
        (true, true, 0) => {
            let wanted = (width / 4).clamp(28, 44);
            let spare = (width - left).saturating_sub(reader_room(options));
            (left, spare.clamp(MIN_SIDEBAR, wanted))
        }
        (true, true, w) => (left, w.min(width - left - MIN_READER)),
        // Narrow, the sidebar comes in place of the list when focused.
        (false, true, 0) if focus == Pane::Sidebar => (0, (width * 2 / 5).clamp(26, 36)),
        (false, true, w) if focus == Pane::Sidebar => (0, w.min(width - MIN_READER)),
        (false, true, _) => (left, 0),
    };
    // Each pane after the first starts on its neighbour's border column.
    let reader_x = left.saturating_sub(1);
    let reader_right = width - right;
    let reader = Rect {
        x: reader_x,
        width: (reader_right + u16::from(right > 0)) - reader_x,
        ..main
    };
    Panes {
        list: (left > 0).then_some(Rect {
            width: left,
            ..main
        }),
        reader: Some(reader),
        sidebar: (right > 0).then_some(Rect {
            x: reader_right,
            width: right,
            ..main
        }),
        status,
    }
}

/// Inner columns the reader needs to wrap at its full reading width (for a
/// document of under 100 paragraphs): the measure and the margin. Between
/// its neighbours' borders, that is the reader's share of the screen.
fn reader_room(options: ViewOptions) -> u16 {
    let margin = reader::digits(options, 0) + reader::MARKS;
    u16::try_from(options.reading_width + margin).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_sidebar(sidebar_width: u16) -> ViewOptions {
        ViewOptions {
            sidebar_width,
            ..ViewOptions::default()
        }
    }

    #[test]
    fn a_configured_sidebar_width_leaves_the_reader_room_at_any_size() {
        for width in 0..=300 {
            for sidebar_width in [0, 1, 20, 44, 80, 200, u16::MAX] {
                for focus in [Pane::List, Pane::Reader, Pane::Sidebar] {
                    let panes = panes(width, 30, focus, true, with_sidebar(sidebar_width));
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
        let wide = panes(160, 40, Pane::List, true, with_sidebar(50));
        assert_eq!(wide.sidebar.map(|r| r.width), Some(50));
    }

    #[test]
    fn adjacent_panes_share_one_border_column_and_cover_the_screen() {
        for width in NARROW..=300 {
            for focus in [Pane::List, Pane::Reader, Pane::Sidebar] {
                let p = panes(width, 30, focus, true, ViewOptions::default());
                let reader = p.reader.expect("a reader from NARROW up");
                match p.list {
                    Some(list) => assert_eq!(list.right() - 1, reader.x, "{width}"),
                    None => assert_eq!(reader.x, 0),
                }
                match p.sidebar {
                    Some(side) => {
                        assert_eq!(reader.right() - 1, side.x, "{width}");
                        assert_eq!(side.right(), width);
                    }
                    None => assert_eq!(reader.right(), width),
                }
            }
        }
    }

    /// The sidebar shrinks before the reader: widening the screen never
    /// narrows the reader (but for a column where the list and the sidebar
    /// both round up), except where the sidebar first comes in, and there
    /// by no more than the sidebar's narrowest width.
    #[test]
    fn the_reader_never_narrows_as_the_screen_widens_but_where_the_sidebar_comes_in() {
        let reader = |w| {
            panes(w, 30, Pane::List, true, ViewOptions::default())
                .reader
                .map_or(0, |r| r.width)
        };
        for width in NARROW..300 {
            let (now, next) = (reader(width), reader(width + 1));
            if width + 1 == WIDE {
                assert!(now - next <= MIN_SIDEBAR, "{now} then {next}");
            } else {
                assert!(next + 1 >= now, "at {width}: {now} then {next}");
            }
        }
        // Where there is room, the reader keeps its whole measure and the
        // sidebar takes what is left, up to its share.
        let p = panes(140, 40, Pane::List, true, ViewOptions::default());
        let inner = p.reader.map(|r| inner(r).width);
        assert_eq!(inner, Some(reader_room(ViewOptions::default())));
    }
}
