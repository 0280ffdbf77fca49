//! What a capture holds once read, as text or HTML: its lines and what the
//! page states about itself.

use crate::corpus::PartialDate;

/// One line of a capture as the draft may keep it: cleaned of control
/// characters and with runs of spaces and no-break spaces made one, as the
/// curated corpus writes its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    /// The heading level (1-6) of the HTML element that holds it.
    pub heading: Option<u8>,
    /// In an HTML page, outside the main content that the readability
    /// extractor found: navigation, sharing, footers, banners.
    pub chrome: bool,
}

/// What a capture holds: its lines in order, and what an HTML page states
/// about itself.
#[derive(Debug, Clone, Default)]
pub struct Page {
    pub lines: Vec<Line>,
    pub html: bool,
    pub url: Option<String>,
    pub publisher: Option<String>,
    /// The page's own publication date, as its metadata writes it.
    pub published: Option<String>,
    /// When it was last modified, as its metadata writes it: the earliest
    /// day it can have been saved, never the day it was.
    pub modified: Option<String>,
    /// When the page was saved, where the tool that saved it wrote so, and
    /// the words that say it.
    pub saved: Option<(PartialDate, String)>,
}

/// Runs of spaces and no-break spaces become one, the ends are trimmed.
pub fn norm(s: &str) -> String {
    s.split([' ', '\u{a0}'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
