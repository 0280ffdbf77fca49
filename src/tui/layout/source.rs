//! A document's raw capture laid out for its overlay: each line of the
//! page as captured, wrapped, and those the curator left out (`omitted`)
//! marked, so any sentence can be checked against the page it came from.

use super::text::wrap;
use super::{inner, people};
use crate::corpus::{Document, clean_line};
use ratatui::layout::Rect;

/// Columns of the margin that marks a line left out.
pub const MARGIN: usize = 2;

/// The mark in the margin of a line the curator left out.
pub const OMITTED: &str = "✂ ";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceLine {
    pub text: String,
    /// Part of a capture line the document lists in `omitted`.
    pub omitted: bool,
    /// The first screen line of its capture line, which carries the mark.
    pub first: bool,
}

/// The capture's lines for an overlay `width` columns wide inside.
pub fn lines(doc: &Document, capture: &str, width: usize) -> Vec<SourceLine> {
    let measure = width.saturating_sub(MARGIN).max(1);
    let mut out = Vec::new();
    for line in capture.lines() {
        let line = clean_line(line);
        let omitted = !line.is_empty() && doc.omitted.contains(&line);
        let wrapped = match line.is_empty() {
            true => vec![String::new()],
            false => wrap(&line, measure),
        };
        for (i, text) in wrapped.into_iter().enumerate() {
            out.push(SourceLine {
                text,
                omitted,
                first: i == 0,
            });
        }
    }
    out
}

/// Where the overlay goes: over the panes, as the People pane.
pub fn area(screen: Rect) -> Rect {
    people::area(screen)
}

/// The overlay's inner columns and rows on a screen of this size.
pub fn inner_size(screen: Rect) -> (usize, usize) {
    let inner = inner(area(screen));
    (usize::from(inner.width), usize::from(inner.height))
}
