//! The help overlay: every key of every layer, read from the live key map.

use crate::tui::keymap::{KeyMap, Layer};
use crate::tui::layout::text::{max_scroll, wrap};
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

/// The help text for an overlay `width` columns wide inside: a heading per
/// layer, then each action with its keys, in two columns where they fit.
pub fn lines(keymap: &KeyMap, theme: &Theme, width: usize) -> Vec<Line<'static>> {
    let layers: Vec<(Layer, Vec<(String, &str)>)> = Layer::ALL
        .into_iter()
        .map(|layer| {
            let bindings = keymap.layer(layer).into_iter().map(|(action, keys)| {
                let keys: Vec<String> = keys.iter().map(ToString::to_string).collect();
                (keys.join(", "), action.description())
            });
            (layer, bindings.collect())
        })
        .collect();
    let column = layers
        .iter()
        .flat_map(|(_, b)| b.iter().map(|(keys, _)| keys.width()))
        .max()
        .unwrap_or(0)
        + 4;
    let two_columns = column + 24 <= width;
    let mut out = Vec::new();
    for (layer, bindings) in layers {
        if bindings.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.push(Line::styled(layer.title(), theme.heading));
        for (keys, description) in bindings {
            if two_columns {
                let pad = " ".repeat(column - 2 - keys.width());
                let mut wrapped = wrap(description, width - column).into_iter();
                out.push(Line::from(vec![
                    Span::styled(format!("  {keys}{pad}"), theme.key),
                    Span::raw(wrapped.next().unwrap_or_default()),
                ]));
                for more in wrapped {
                    out.push(Line::raw(format!("{}{more}", " ".repeat(column))));
                }
            } else {
                out.push(Line::styled(format!("  {keys}"), theme.key));
                for line in wrap(description, width.saturating_sub(4)) {
                    out.push(Line::raw(format!("    {line}")));
                }
            }
        }
    }
    out.push(Line::default());
    let note = "y sends the paragraph to the clipboard through OSC 52, which SSH and most \
        terminals pass on; in tmux it needs set-clipboard on, or allow-passthrough on.";
    for line in wrap(note, width) {
        out.push(Line::styled(line, theme.dim));
    }
    out
}

/// Where the help and overlap views go on a screen of this size.
pub fn area(screen: Rect) -> Rect {
    super::centred(screen, 76, 2)
}

/// The overlay's inner columns and rows on a screen of this size.
pub fn inner_size(screen: Rect) -> (usize, usize) {
    let inner = super::inner(area(screen));
    (usize::from(inner.width), usize::from(inner.height))
}

/// Scrolling text in a bordered overlay: the help and the overlap view.
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
        .block(
            Block::bordered()
                .border_style(theme.border_focused)
                .title(title),
        )
        .render(area, buf);
}

pub struct HelpView<'a> {
    pub keymap: &'a KeyMap,
    pub scroll: usize,
    pub theme: &'a Theme,
}

impl Widget for HelpView<'_> {
    fn render(self, screen: Rect, buf: &mut Buffer) {
        let (columns, _) = inner_size(screen);
        let lines = lines(self.keymap, self.theme, columns);
        pager(
            lines,
            self.scroll,
            " Keys: Esc closes ",
            self.theme,
            screen,
            buf,
        );
    }
}
