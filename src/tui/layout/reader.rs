//! A document laid out for the reader pane: the header, the paragraphs
//! wrapped to a reading width, each line knowing its paragraph, and after
//! the last one the signatures, as the letter lists them (foldable).

use super::ViewOptions;
use super::text::wrap;
use crate::corpus::{Document, Role};
use std::cell::RefCell;
use std::ops::Range;
use std::rc::Rc;

/// The widest measure prose is wrapped to by default.
pub const READING_WIDTH: usize = 80;

/// Columns of the margin beside the number: a cursor mark before it, a
/// bookmark mark and a space after.
pub(super) const MARKS: usize = 3;

/// Columns of the paragraph numbers of a document of `paragraphs`: at
/// least two, or none when they are not drawn.
pub(super) fn digits(options: ViewOptions, paragraphs: usize) -> usize {
    match options.paragraph_numbers {
        true => paragraphs.to_string().len().max(2),
        false => 0,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Title,
    Subtitle,
    Meta,
    /// The document's address, on lines of its own, which the loop makes
    /// a terminal hyperlink (OSC 8).
    Link,
    Note,
    Blank,
    Paragraph {
        index: usize,
        first: bool,
    },
    /// The heading of the signatures after the last paragraph.
    Signatures,
    /// A signatory or member: `person` indexes the document's people.
    Signature {
        person: usize,
    },
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

/// Who signed the document, after its last paragraph, in the order of its
/// people list, under its own words for the list where it has them: each
/// entry with title and affiliation, its later lines indented. Folded, the
/// heading says how many it hides.
fn signatures(doc: &Document, measure: usize, folded: bool, lines: &mut Vec<TextLine>) {
    let signers: Vec<usize> = (0..doc.people.len())
        .filter(|&i| matches!(doc.people[i].role, Role::Signatory | Role::Member))
        .collect();
    let Some(&first) = signers.first() else {
        return;
    };
    let heading = doc
        .people_heading
        .clone()
        .unwrap_or_else(|| doc.people[first].role.heading().to_string());
    let heading = match folded {
        true => format!("{heading} ({} folded)", signers.len()),
        false => heading,
    };
    let line = |text: String, kind: LineKind| TextLine {
        text,
        kind,
        start: 0,
    };
    lines.push(line(String::new(), LineKind::Blank));
    for text in wrap(&heading, measure) {
        lines.push(line(text, LineKind::Signatures));
    }
    if folded {
        return;
    }
    for person in signers {
        let wrapped = wrap(&doc.people[person].line(), measure.saturating_sub(2).max(1));
        for (i, text) in wrapped.into_iter().enumerate() {
            let text = if i == 0 { text } else { format!("  {text}") };
            lines.push(line(text, LineKind::Signature { person }));
        }
    }
}

impl ReaderText {
    /// Lays out `doc` for `width` columns; `folded` shows the signatures'
    /// heading only.
    pub fn lay_out(doc: &Document, width: usize, options: ViewOptions, folded: bool) -> ReaderText {
        let digits = digits(options, doc.paragraphs.len());
        let margin = digits + MARKS;
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
        // Where the text comes from, as the capture states it.
        if let Some(publisher) = &doc.publisher {
            push(
                &format!("Published by {publisher}"),
                LineKind::Meta,
                &mut lines,
            );
        }
        if let Some(url) = &doc.url {
            push(url, LineKind::Link, &mut lines);
        }
        if let Some(accessed) = doc.accessed {
            push(&format!("Captured {accessed}"), LineKind::Meta, &mut lines);
        }
        if let Some(note) = &doc.date_note {
            push(note, LineKind::Note, &mut lines);
        }
        if let Some(note) = &doc.curator_note {
            push(
                &format!("Curator’s note: {note}"),
                LineKind::Note,
                &mut lines,
            );
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
        signatures(doc, measure, folded, &mut lines);
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

    /// How far one has read: 0 at the top, 100 with the end on screen (a
    /// text that fits is read whole).
    pub fn percent(&self, scroll: usize, height: usize) -> usize {
        let max = self.lines.len().saturating_sub(height);
        match max {
            0 => 100,
            max => scroll.min(max) * 100 / max,
        }
    }
}

/// The document last laid out, kept for the next key and frame: wrapping a
/// long paragraph costs its length, and each key and frame after the first
/// should cost only what is on screen. One entry is enough: a frame and the
/// keys that follow it lay out one document at one width.
#[derive(Debug, Clone, Default)]
pub struct ReaderCache(RefCell<Option<(CacheKey, Rc<ReaderText>)>>);

type CacheKey = (usize, usize, ViewOptions, bool);

impl ReaderCache {
    /// Document `index` (`doc`) laid out for `width` columns, with its
    /// signatures folded or not.
    pub fn get(
        &self,
        index: usize,
        doc: &Document,
        width: usize,
        options: ViewOptions,
        fold: bool,
    ) -> Rc<ReaderText> {
        let key = (index, width, options, fold);
        let mut cached = self.0.borrow_mut();
        match &*cached {
            Some((k, text)) if *k == key => Rc::clone(text),
            _ => {
                let text = Rc::new(ReaderText::lay_out(doc, width, options, fold));
                *cached = Some((key, Rc::clone(&text)));
                text
            }
        }
    }
}
