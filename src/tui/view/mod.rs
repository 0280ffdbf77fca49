//! The pure view: draws the state into a frame, and reads nothing else.

pub mod bookmarks;
pub mod doc_list;
pub mod grid;
pub mod help;
pub mod input;
pub mod people;
pub mod reader;
pub mod search;
pub mod sidebar;
pub mod source;
pub mod status;

use crate::library::Library;
use crate::tui::layout::reader::LineKind;
use crate::tui::layout::{self, Pane};
use crate::tui::state::{AppState, Overlay};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Modifier;
use ratatui::symbols::merge::MergeStrategy;
use ratatui::text::Line;
use ratatui::widgets::{Block, Padding, Paragraph};
use std::ops::Range;

/// The screen `view` draws of `state` at its size, for tests that compare
/// two states by what they show.
#[cfg(test)]
pub(crate) fn drawn(state: &AppState, library: &Library) -> Buffer {
    let (columns, rows) = state.size;
    let backend = ratatui::backend::TestBackend::new(columns, rows);
    let mut terminal = ratatui::Terminal::new(backend).expect("a terminal");
    terminal
        .draw(|frame| view(state, library, frame))
        .expect("draws");
    terminal.backend().buffer().clone()
}

pub fn view(state: &AppState, library: &Library, frame: &mut Frame) {
    let corpus = &library.corpus;
    let screen = frame.area();
    let panes = layout::panes(
        screen.width,
        screen.height,
        state.focus,
        state.sidebar_visible,
        state.options,
    );
    let Some(status) = panes.status else {
        frame.render_widget(too_small(screen), screen);
        return;
    };
    let doc = state.open().and_then(|d| corpus.documents.get(d));
    // Panes share their border columns: the focused one is drawn last so
    // that the shared column takes its colour.
    let order = [Pane::List, Pane::Reader, Pane::Sidebar];
    let unfocused = order.into_iter().filter(|&p| p != state.focus);
    // The terminal's cursor goes on the focused item, where screen readers
    // and braille displays look: the focused pane's, or the overlay's.
    let mut cursor = None;
    for pane in unfocused.chain([state.focus]) {
        let Some(area) = panes.rect(pane) else {
            continue;
        };
        let buf = frame.buffer_mut();
        let drawn = match (pane, doc) {
            (Pane::List, _) => doc_list::DocListView {
                corpus,
                order: &state.order,
                marked: &state.marked,
                bookmarks: &state.bookmarked,
                selected: state.selected,
                scroll: state.list_scroll,
                focused: state.focus == Pane::List,
                theme: &state.theme,
            }
            .draw(area, buf),
            (Pane::Reader, Some(doc)) => draw_reader(state, library, doc, area, buf),
            (Pane::Sidebar, Some(_)) => sidebar::SidebarView {
                library,
                doc: state.open().unwrap_or_default(),
                state: state.sidebar,
                focused: state.focus == Pane::Sidebar,
                theme: &state.theme,
            }
            .draw(area, buf),
            (_, None) => None,
        };
        if pane == state.focus {
            cursor = drawn;
        }
    }
    let building = status::indexing(library, state.indexed, state.paragraphs);
    let place = status::place(state, library);
    frame.render_widget(
        status::StatusView {
            state,
            building,
            place,
        },
        status,
    );
    let buf = frame.buffer_mut();
    let on_overlay = match state.overlays.last() {
        Some(Overlay::Help { scroll }) => help::HelpView {
            keymap: &state.keymap,
            scroll: *scroll,
            theme: &state.theme,
        }
        .draw(screen, buf),
        Some(Overlay::Problems { scroll }) => help::ProblemsView {
            problems: &state.load_problems,
            scroll: *scroll,
            theme: &state.theme,
        }
        .draw(screen, buf),
        Some(Overlay::People(people)) => people::PeopleView {
            library,
            state: people,
            theme: &state.theme,
        }
        .draw(screen, buf),
        Some(Overlay::Bookmarks(pane)) => bookmarks::BookmarksView {
            library,
            bookmarks: &state.bookmarks,
            held_aside: state.held_aside.as_deref(),
            places: &state.places,
            state: pane,
            theme: &state.theme,
        }
        .draw(screen, buf),
        Some(Overlay::Search(search)) => search::SearchView {
            library,
            state: search,
            theme: &state.theme,
        }
        .draw(screen, buf),
        Some(Overlay::Source(source)) => source::SourceView {
            doc: corpus.documents.get(source.doc),
            state: source,
            theme: &state.theme,
        }
        .draw(screen, buf),
        Some(Overlay::Grid(grid)) => grid::GridView {
            library,
            state: grid,
            theme: &state.theme,
        }
        .draw(screen, buf),
        None => None,
    };
    if let Some(at) = on_overlay.or(cursor) {
        frame.set_cursor_position(at);
    }
}

fn draw_reader(
    state: &AppState,
    library: &Library,
    doc: &crate::corpus::Document,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Position> {
    let matched = match (&state.last_query, state.open()) {
        (Some(query), Some(d)) => layout::search::marks(library, query, d, state.reader().cursor),
        _ => Vec::new(),
    };
    let bookmarked: Vec<usize> = state
        .places
        .iter()
        .filter_map(|place| place.passage())
        .filter(|&(d, _)| Some(d) == state.open())
        .map(|(_, p)| p)
        .collect();
    reader::ReaderView {
        doc,
        text: &state.reader_text(
            state.open().unwrap_or_default(),
            doc,
            layout::inner(area).width,
        ),
        position: state.reader(),
        focused: state.focus == Pane::Reader,
        theme: &state.theme,
        matched: &matched,
        bookmarked: &bookmarked,
    }
    .draw(area, buf)
}

/// A document's address as drawn on screen: `text` at column `x`, row
/// `y`, which the loop writes again inside an OSC 8 hyperlink to `url`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub x: u16,
    pub y: u16,
    pub text: String,
    pub url: String,
}

/// The hyperlinks of the frame `view` draws for `state`: the open
/// document's address lines in the reader's header, where they are on
/// screen and no overlay covers them. Terminal cells hold text only (an
/// escape sequence in a cell would be measured and diffed as text), so
/// the links are written over the frame, not into it. Only an http(s)
/// address is linked, as the `url` crate writes it (percent-encoded).
pub fn links(state: &AppState, library: &Library) -> Vec<Link> {
    let (Some(d), true) = (state.open(), state.overlays.is_empty()) else {
        return Vec::new();
    };
    let Some(doc) = library.corpus.documents.get(d) else {
        return Vec::new();
    };
    let Some(url) = doc
        .url
        .as_deref()
        .and_then(|u| url::Url::parse(u).ok())
        .filter(|u| matches!(u.scheme(), "http" | "https"))
    else {
        return Vec::new();
    };
    let Some(area) = state.panes().reader.map(layout::inner) else {
        return Vec::new();
    };
    let text = state.reader_text(d, doc, area.width);
    let height = usize::from(area.height);
    let scroll = state
        .reader()
        .scroll
        .min(layout::text::max_scroll(text.lines.len(), height));
    let x = usize::from(area.x) + text.indent + text.digits + 3;
    text.lines
        .iter()
        .enumerate()
        .skip(scroll)
        .take(height)
        .filter(|(_, line)| line.kind == LineKind::Link)
        .filter_map(|(i, line)| {
            Some(Link {
                x: u16::try_from(x).ok()?,
                y: area.y + u16::try_from(i - scroll).ok()?,
                text: line.text.clone(),
                url: url.as_str().to_string(),
            })
        })
        .collect()
}

/// The frame every pane and overlay is drawn in: the border and title in
/// the focused or the plain style, and where one is, if given, at the right.
/// Without borders, the title line stays and blank columns and a blank row
/// take the lines' place, so the inner area is the same either way.
pub fn frame(title: String, place: Option<String>, focused: bool, theme: &Theme) -> Block<'static> {
    let style = if focused {
        theme.border_focused
    } else {
        theme.border
    };
    // A border column shared with a pane drawn before keeps none of its
    // modifiers (a dim line drawn over in bold would stay dim).
    let style = style.remove_modifier(Modifier::all().difference(style.add_modifier));
    let block = match theme.borders {
        true => Block::bordered().border_style(style),
        false => Block::new().padding(Padding::new(1, 1, 0, 1)),
    };
    let block = block.title(Line::from(title).style(style));
    match place {
        Some(place) => block.title_top(Line::from(place).right_aligned()),
        None => block,
    }
}

/// A pane's frame: as `frame`, merged with the borders of the panes beside it.
pub fn pane_frame(
    title: String,
    place: Option<String>,
    focused: bool,
    theme: &Theme,
) -> Block<'static> {
    frame(title, place, focused, theme).merge_borders(MergeStrategy::Exact)
}

/// The text mark of the selected item of the focused pane or overlay.
pub const FOCUS_MARK: &str = "▌";

/// Marks rows `ys` of the selected item in text as well as in colour:
/// `FOCUS_MARK` in the column left of `inner` (the border, or the blank
/// column that stands for it), where a screen reader reading the line says
/// it and a braille display shows it, and no text moves.
pub fn mark(buf: &mut Buffer, inner: Rect, ys: Range<u16>, theme: &Theme) {
    let Some(x) = inner.x.checked_sub(1) else {
        return;
    };
    for y in ys {
        if let Some(cell) = buf.cell_mut(Position::new(x, y)) {
            cell.set_symbol(FOCUS_MARK).set_style(theme.cursor_mark);
        }
    }
}

/// The screen rows of `count` lines starting `offset` lines into `inner`,
/// cut to it.
pub fn rows_at(inner: Rect, offset: usize, count: usize) -> Range<u16> {
    let start = inner.y + u16::try_from(offset).unwrap_or(u16::MAX).min(inner.height);
    let end = start.saturating_add(u16::try_from(count).unwrap_or(u16::MAX));
    start..end.min(inner.bottom())
}

/// A frame of `lines` alone, centred: what shows while the reader cannot
/// yet show the corpus.
pub fn notice(frame: &mut Frame, lines: &[&str]) {
    let screen = frame.area();
    frame.render_widget(centred(screen, lines), screen);
}

/// "terminal too small", the size and the minimum, wrapped and centred in
/// whatever there is, and cut to fit where even that is too much.
fn too_small(screen: Rect) -> Paragraph<'static> {
    let size = format!(
        "{}×{} (needs {}×{})",
        screen.width,
        screen.height,
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT
    );
    centred(screen, &["terminal too small", size.as_str()])
}

/// `texts` wrapped and centred in `screen`, cut to fit.
fn centred(screen: Rect, texts: &[&str]) -> Paragraph<'static> {
    let width = usize::from(screen.width);
    let lines: Vec<Line> = texts
        .iter()
        .flat_map(|text| layout::text::wrap(text, width))
        .take(usize::from(screen.height))
        .map(|line| Line::raw(line).centered())
        .collect();
    let top = screen.height.saturating_sub(lines.len() as u16) / 2;
    Paragraph::new(lines).block(Block::new().padding(Padding::top(top)))
}
