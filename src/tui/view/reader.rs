//! The reader view: a header, then the paragraphs wrapped to a reading
//! width, numbered in the margin, with the reading cursor marked.

use super::ViewOptions;
use crate::corpus::Document;
use crate::tui::layout::text::{max_scroll, wrap};
use crate::tui::state::ReaderState;
use crate::tui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};
use std::ops::Range;

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

/// The reader pane for one frame.
pub struct ReaderView<'a> {
    pub doc: &'a Document,
    pub position: ReaderState,
    pub focused: bool,
    pub theme: &'a Theme,
    /// Characters of the cursor's paragraph the last search matched.
    pub matched: &'a [usize],
    /// Paragraphs with a bookmark.
    pub bookmarked: &'a [usize],
    pub options: ViewOptions,
}

impl Widget for ReaderView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let inner = super::inner(area);
        let height = usize::from(inner.height);
        let text = ReaderText::lay_out(self.doc, usize::from(inner.width), self.options);
        let scroll = self
            .position
            .scroll
            .min(max_scroll(text.lines.len(), height));
        let position = ReaderState {
            scroll,
            ..self.position
        };
        let style = if self.focused {
            self.theme.border_focused
        } else {
            self.theme.border
        };
        let place = format!(
            " ¶{}/{} {}% ",
            position.cursor + 1,
            self.doc.paragraphs.len(),
            text.percent(scroll, height)
        );
        Block::bordered()
            .border_style(style)
            .title(Line::from(" Reader ").style(style))
            .title_top(Line::from(place).right_aligned())
            .render(area, buf);
        let lines: Vec<Line> = text
            .lines
            .iter()
            .skip(scroll)
            .take(height)
            .map(|line| self.line(&text, line))
            .collect();
        Paragraph::new(lines).render(inner, buf);
    }
}

impl ReaderView<'_> {
    fn line<'t>(&self, text: &ReaderText, line: &'t TextLine) -> Line<'t> {
        let theme = self.theme;
        let indent = Span::raw(" ".repeat(text.indent));
        let (margin, style) = match line.kind {
            LineKind::Paragraph { index, first } => {
                let on_cursor = index == self.position.cursor;
                let mark = if on_cursor { "▌" } else { " " };
                let number = if first && text.digits > 0 {
                    format!("{:>w$}", index + 1, w = text.digits)
                } else {
                    " ".repeat(text.digits)
                };
                let bookmark = if first && self.bookmarked.contains(&index) {
                    "★ "
                } else {
                    "  "
                };
                let number_style = if on_cursor {
                    theme.cursor_mark
                } else {
                    theme.dim
                };
                let margin = vec![
                    Span::styled(mark, theme.cursor_mark),
                    Span::styled(number, number_style),
                    Span::styled(bookmark, theme.key),
                ];
                (margin, Style::new())
            }
            kind => {
                let style = match kind {
                    LineKind::Title => theme.title,
                    LineKind::Subtitle => Style::new().add_modifier(Modifier::ITALIC),
                    LineKind::Meta => Style::new(),
                    _ => theme.dim,
                };
                (vec![Span::raw(" ".repeat(text.digits + 3))], style)
            }
        };
        let mut spans = vec![indent];
        spans.extend(margin);
        match line.kind {
            LineKind::Paragraph { index, .. }
                if index == self.position.cursor && !self.matched.is_empty() =>
            {
                let marks: Vec<usize> = self
                    .matched
                    .iter()
                    .filter_map(|&m| m.checked_sub(line.start))
                    .collect();
                spans.extend(super::search::marked_spans(
                    &line.text,
                    &marks,
                    theme.matched,
                ));
            }
            _ => spans.push(Span::styled(line.text.clone(), style)),
        }
        Line::from(spans)
    }
}
