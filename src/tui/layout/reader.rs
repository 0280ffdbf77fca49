//! A document laid out for the reader pane: the header, then the paragraphs
//! wrapped to a reading width, each line knowing its paragraph.

use super::ViewOptions;
use super::text::wrap;
use crate::corpus::Document;
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

/// The widest measure prose is wrapped to by default.
pub const READING_WIDTH: usize = 80;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Title,
    Subtitle,
    Meta,
    Note,
    Blank,
    Paragraph { index: usize, first: bool },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextLine {
    pub text: String,
    pub kind: LineKind,
    /// Where the line starts in its paragraph, in characters.
    pub start: usize,
}

/// A document laid out for a pane of a given inner width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderText {
    pub lines: Vec<TextLine>,
    /// The lines of each paragraph.
    pub paragraphs: Vec<Range<usize>>,
    /// Blank columns before the margin, which centre the text.
    pub indent: usize,
    /// Digits of the widest paragraph number.
    pub digits: usize,
}

impl ReaderText {
    pub fn lay_out(doc: &Document, width: usize, options: ViewOptions) -> ReaderText {
        let digits = match options.paragraph_numbers {
            true => doc.paragraphs.len().to_string().len().max(2),
            false => 0,
        };
        // A cursor mark, the number, a bookmark mark, a space.
        let margin = digits + 3;
        let measure = width
            .saturating_sub(margin)
            .clamp(1, options.reading_width.max(1));
        let indent = width.saturating_sub(margin + measure) / 2;
        let mut lines = Vec::new();
        let push = |text: &str, kind: LineKind, lines: &mut Vec<TextLine>| {
            for line in wrap(text, measure) {
                lines.push(TextLine {
                    text: line,
                    kind,
                    start: 0,
                });
            }
        };
        push(&doc.shown_title(), LineKind::Title, &mut lines);
        if let Some(subtitle) = &doc.subtitle {
            push(subtitle, LineKind::Subtitle, &mut lines);
        }
        let mut meta = vec![doc.shown_date(), doc.kind.to_string().replace('-', " ")];
        meta.extend(doc.place.clone());
        push(&meta.join(" · "), LineKind::Meta, &mut lines);
        let issuers = doc.issuers();
        if !issuers.is_empty() {
            push(
                &format!("Issued by {}", issuers.join("; ")),
                LineKind::Meta,
                &mut lines,
            );
        } else if let Some(by) = &doc.posted_by {
            push(&format!("Posted by {by}"), LineKind::Meta, &mut lines);
        }
        if let Some(note) = &doc.date_note {
            push(note, LineKind::Note, &mut lines);
        }
        let mut paragraphs = Vec::with_capacity(doc.paragraphs.len());
        for (index, paragraph) in doc.paragraphs.iter().enumerate() {
            lines.push(TextLine {
                text: String::new(),
                kind: LineKind::Blank,
                start: 0,
            });
            let first = lines.len();
            // Wrapped lines are pieces of the paragraph in order, so each
            // one's start is found after the last.
            let (mut from, mut start) = (0, 0);
            for (i, line) in wrap(paragraph, measure).into_iter().enumerate() {
                if let Some(b) = paragraph.get(from..).and_then(|rest| rest.find(&line)) {
                    start += paragraph[from..from + b].chars().count();
                    from += b;
                }
                let line_start = start;
                if paragraph
                    .get(from..)
                    .is_some_and(|rest| rest.starts_with(&line))
                {
                    from += line.len();
                    start += line.chars().count();
                }
                lines.push(TextLine {
                    text: line,
                    kind: LineKind::Paragraph {
                        index,
                        first: i == 0,
                    },
                    start: line_start,
                });
            }
            paragraphs.push(first..lines.len());
        }
        ReaderText {
            lines,
            paragraphs,
            indent,
            digits,
        }
    }

    /// The paragraph shown on `line`, if any.
    pub fn paragraph_at(&self, line: usize) -> Option<usize> {
        match self.lines.get(line)?.kind {
            LineKind::Paragraph { index, .. } => Some(index),
            _ => None,
        }
    }

    /// How far through the text the bottom of the window is, as less shows it.
    pub fn percent(&self, scroll: usize, height: usize) -> usize {
        let total = self.lines.len().max(1);
        ((scroll + height).min(total) * 100) / total
    }
}

/// The document last laid out, kept for the next key and frame: wrapping a
/// long paragraph costs its length, and each key and frame after the first
/// should cost only what is on screen. One entry is enough: a frame and the
/// keys that follow it lay out one document at one width.
#[derive(Debug, Clone, Default)]
pub struct ReaderCache(RefCell<Option<(CacheKey, Rc<ReaderText>)>>);

type CacheKey = (usize, usize, ViewOptions);

impl ReaderCache {
    /// Document `index` (`doc`) laid out for `width` columns.
    pub fn get(
        &self,
        index: usize,
        doc: &Document,
        width: usize,
        options: ViewOptions,
    ) -> Rc<ReaderText> {
        let key = (index, width, options);
        let mut cached = self.0.borrow_mut();
        match &*cached {
            Some((k, text)) if *k == key => Rc::clone(text),
            _ => {
                let text = Rc::new(ReaderText::lay_out(doc, width, options));
                *cached = Some((key, Rc::clone(&text)));
                text
            }
        }
    }
}
