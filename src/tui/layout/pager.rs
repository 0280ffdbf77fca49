//! The scrolling overlays' text and place: the help, from the live key map,
//! and the overlap of marked documents. Update scrolls what view draws.

use super::text::wrap;
use super::{centred, inner};
use crate::library::Library;
use crate::tui::keymap::{KeyMap, Layer};
use crate::tui::theme::Theme;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// The help text for an overlay `width` columns wide inside: a heading per
/// layer, then each action with its keys, in two columns where they fit.
pub fn help_lines(keymap: &KeyMap, theme: &Theme, width: usize) -> Vec<Line<'static>> {
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
    centred(screen, 76, 2)
}

/// The overlay's inner columns and rows on a screen of this size.
pub fn inner_size(screen: Rect) -> (usize, usize) {
    let inner = inner(area(screen));
    (usize::from(inner.width), usize::from(inner.height))
}

/// What the marked documents share, and what is unique to each.
pub fn overlap_lines(
    library: &Library,
    docs: &[usize],
    theme: &Theme,
    width: usize,
) -> Vec<Line<'static>> {
    let corpus = &library.corpus;
    let overlap = library.people.overlap(docs);
    let title = |d: usize| {
        corpus
            .documents
            .get(d)
            .map_or_else(String::new, |doc| doc.shown_title())
    };
    let mut out = Vec::new();
    let group = |heading: String, entities: &[usize], out: &mut Vec<Line<'static>>| {
        if !out.is_empty() {
            out.push(Line::default());
        }
        for line in wrap(&format!("{heading} ({})", entities.len()), width) {
            out.push(Line::styled(line, theme.heading));
        }
        if entities.is_empty() {
            out.push(Line::styled("  none", theme.dim));
        }
        for &e in entities {
            for line in wrap(&corpus.entities.get(e).name, width.saturating_sub(2)) {
                out.push(Line::raw(format!("  {line}")));
            }
        }
    };
    group(
        format!("Shared by all {} marked documents", docs.len()),
        &overlap.shared,
        &mut out,
    );
    for (&d, unique) in docs.iter().zip(&overlap.unique) {
        group(format!("Only in {}", title(d)), unique, &mut out);
    }
    out
}
