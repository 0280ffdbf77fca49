//! A document's raw capture laid out for its overlay: each line of the
//! page as captured, wrapped, those the curator left out (`omitted`)
//! marked, and those kept as a paragraph numbered as the reader numbers
//! them, so any sentence can be checked against the page it came from.

use super::text::wrap;
use super::{inner, people};
use crate::corpus::{Document, clean_line};
use ratatui::layout::Rect;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// Columns of the margin: a paragraph's number or the mark of a line left
/// out, and a space.
pub const MARGIN: usize = 5;

/// The mark of a line the curator left out.
pub const OMITTED: &str = "✂";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceLine {
    pub text: String,
    /// Part of a capture line the document lists in `omitted`.
    pub omitted: bool,
    /// Part of a capture line kept whole as this paragraph (from 0).
    pub paragraph: Option<usize>,
    /// The first screen line of its capture line, which carries the mark.
    pub first: bool,
}

/// A capture laid out for one width, kept in the overlay's state so that a
/// key or a frame costs what is on screen, not the capture's length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceText {
    pub width: usize,
    pub lines: Vec<SourceLine>,
}

/// The capture's lines for an overlay `width` columns wide inside: those
/// kept in `laid` where they are for this width, else laid out now.
pub fn laid_out(
    laid: Option<&Rc<SourceText>>,
    doc: &Document,
    capture: &str,
    width: usize,
) -> Rc<SourceText> {
    match laid {
        Some(text) if text.width == width => Rc::clone(text),
        _ => Rc::new(SourceText {
            width,
            lines: lines(doc, capture, width),
        }),
    }
}

/// The capture's lines for an overlay `width` columns wide inside.
pub fn lines(doc: &Document, capture: &str, width: usize) -> Vec<SourceLine> {
    let measure = width.saturating_sub(MARGIN).max(1);
    let omitted: HashSet<&str> = doc.omitted.iter().map(String::as_str).collect();
    let mut paragraphs: HashMap<&str, usize> = HashMap::new();
    for (i, p) in doc.paragraphs.iter().enumerate().rev() {
        paragraphs.insert(p, i);
    }
    let mut out = Vec::new();
    for line in capture.lines() {
        let line = clean_line(line);
        let omitted = !line.is_empty() && omitted.contains(line.as_str());
        let paragraph = match line.is_empty() {
            true => None,
            false => paragraphs.get(line.as_str()).copied(),
        };
        let wrapped = match line.is_empty() {
            true => vec![String::new()],
            false => wrap(&line, measure),
        };
        for (i, text) in wrapped.into_iter().enumerate() {
            out.push(SourceLine {
                text,
                omitted,
                paragraph,
                first: i == 0,
            });
        }
    }
    out
}

/// The margin of a screen line: on a capture line's first, its paragraph
/// number or the mark of a line left out, right-aligned.
pub fn margin(line: &SourceLine) -> String {
    let mark = match (line.first, line.paragraph, line.omitted) {
        (true, Some(p), _) => format!("¶{}", p + 1),
        (true, None, true) => OMITTED.to_string(),
        _ => String::new(),
    };
    format!("{mark:>w$} ", w = MARGIN - 1)
}

/// The first line to show for the reader's paragraph `cursor`: its line
/// with two of context above, or the top where the capture has no line
/// equal to it.
pub fn scroll_to(lines: &[SourceLine], cursor: usize) -> usize {
    lines
        .iter()
        .position(|l| l.paragraph == Some(cursor))
        .map_or(0, |at| at.saturating_sub(2))
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
