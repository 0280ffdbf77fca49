//! The scrolling overlays' text and place: the help, from the live key map,
//! and the overlap of marked documents. Update scrolls what view draws.

use super::text::wrap;
use super::{centred, inner};
use crate::corpus::EntityId;
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

/// The overlap view's text, and which lines name an entity one can open.
pub struct OverlapText {
    pub lines: Vec<Line<'static>>,
    /// Each entity listed, in order, with the line its name starts on.
    pub entities: Vec<(usize, EntityId)>,
}

/// What the marked documents share, grouped by how each entity stands in
/// them (signed all, signed some, named in all), and what is unique to
/// each; every entity with its roles in each document, by the documents'
/// numbers in the legend at the top.
pub fn overlap_text(library: &Library, docs: &[usize], theme: &Theme, width: usize) -> OverlapText {
    let corpus = &library.corpus;
    let mut text = OverlapText {
        lines: Vec::new(),
        entities: Vec::new(),
    };
    for (n, &d) in docs.iter().enumerate() {
        let Some(doc) = corpus.documents.get(d) else {
            continue;
        };
        let label = format!("{} ", n + 1);
        let indent = label.width();
        let entry = format!("{} ({})", doc.shown_title(), doc.shown_date());
        for (i, line) in wrap(&entry, width.saturating_sub(indent))
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 {
                label.clone()
            } else {
                " ".repeat(indent)
            };
            text.lines.push(Line::from(vec![
                Span::styled(lead, theme.key),
                Span::raw(line),
            ]));
        }
    }
    let Some(people) = library.people() else {
        text.lines.push(Line::default());
        text.lines.push(Line::styled("indexing…", theme.dim));
        return text;
    };
    let mut group = |heading: String, meaning: &str, entities: &[EntityId], only: Option<usize>| {
        text.lines.push(Line::default());
        for line in wrap(&format!("{heading} ({})", entities.len()), width) {
            text.lines.push(Line::styled(line, theme.heading));
        }
        for line in wrap(meaning, width) {
            text.lines.push(Line::styled(line, theme.dim));
        }
        if entities.is_empty() {
            text.lines.push(Line::styled("  none", theme.dim));
        }
        for &e in entities {
            text.entities.push((text.lines.len(), e));
            for line in wrap(&corpus.entities.get(e).name, width.saturating_sub(2)) {
                text.lines.push(Line::raw(format!("  {line}")));
            }
            let roles: Vec<String> = docs
                .iter()
                .enumerate()
                .filter(|&(n, _)| only.is_none_or(|o| o == n))
                .map(|(n, &d)| {
                    let roles: Vec<String> = people
                        .roles_in(e, d)
                        .iter()
                        .map(ToString::to_string)
                        .collect();
                    format!("{}: {}", n + 1, roles.join(", "))
                })
                .collect();
            for line in wrap(&roles.join(" · "), width.saturating_sub(4)) {
                text.lines
                    .push(Line::styled(format!("    {line}"), theme.dim));
            }
        }
    };
    let groups = people.shared_by_standing(docs);
    if groups.is_empty() {
        group(
            format!("Shared by all {}", docs.len()),
            "No organization or person appears in every marked document.",
            &[],
            None,
        );
    }
    for (standing, entities) in groups {
        group(
            standing.heading(docs.len()),
            standing.meaning(),
            &entities,
            None,
        );
    }
    // Neither shared by all nor unique to one: with three or more marked,
    // these would otherwise go unlisted.
    let some: Vec<EntityId> = people
        .entities(crate::people::SortBy::Name)
        .into_iter()
        .filter(|&e| {
            let n = docs
                .iter()
                .filter(|&&d| !people.roles_in(e, d).is_empty())
                .count();
            n > 1 && n < docs.len()
        })
        .collect();
    if !some.is_empty() {
        group(
            "In some, not all".to_string(),
            "In two or more marked documents, and not in every one.",
            &some,
            None,
        );
    }
    for (n, unique) in people.overlap(docs).unique.iter().enumerate() {
        group(
            format!("Only in {}", n + 1),
            "In this document and in none of the other marked ones.",
            unique,
            Some(n),
        );
    }
    text
}
