//! A capture's bytes to its lines: checked (not empty, not binary, UTF-8),
//! then read as HTML or as text by what it holds, not by its name.

use super::html;
use super::page::{Line, Page, norm};
use crate::corpus::clean_line;

/// Why a capture cannot be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaptureError {
    Empty,
    Binary,
    NotUtf8 {
        offset: usize,
    },
    NoText,
    /// Lines to set aside or a headline, and no text to keep.
    NoParagraph,
}

impl std::fmt::Display for CaptureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CaptureError::Empty => f.write_str("the file is empty"),
            CaptureError::Binary => f.write_str("the file is binary, not a saved page or its text"),
            CaptureError::NotUtf8 { offset } => write!(
                f,
                "the file is not UTF-8: the byte at offset {offset} does not decode"
            ),
            CaptureError::NoText => f.write_str("the page has no text"),
            CaptureError::NoParagraph => f.write_str(
                "the page has a headline or page furniture but no text to keep as a paragraph",
            ),
        }
    }
}

/// Reads a capture's bytes.
pub fn read(bytes: &[u8]) -> Result<Page, CaptureError> {
    if bytes.is_empty() {
        return Err(CaptureError::Empty);
    }
    // NUL never occurs in text; other controls rarely do.
    let head = &bytes[..bytes.len().min(8192)];
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if head.contains(&0) || controls * 10 > head.len() {
        return Err(CaptureError::Binary);
    }
    let text = std::str::from_utf8(bytes).map_err(|e| CaptureError::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let page = if looks_like_html(text) {
        html::read(text)
    } else {
        Page {
            lines: text
                .lines()
                .map(|l| Line {
                    text: norm(&clean_line(l)),
                    heading: None,
                    chrome: false,
                })
                .collect(),
            ..Page::default()
        }
    };
    if page.lines.iter().all(|l| l.text.is_empty()) {
        return Err(if text.trim().is_empty() {
            CaptureError::Empty
        } else {
            CaptureError::NoText
        });
    }
    Ok(page)
}

/// An HTML page begins, after any space and comments, with a doctype or
/// one of the elements that open a page.
fn looks_like_html(text: &str) -> bool {
    let start: String = text
        .trim_start()
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    start.starts_with('<')
        && [
            "<!doctype html",
            "<html",
            "<head",
            "<body",
            "<meta",
            "<title",
        ]
        .iter()
        .any(|tag| start.contains(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_input_is_named() {
        assert_eq!(read(b"").unwrap_err(), CaptureError::Empty);
        assert_eq!(read(b"   \n\n").unwrap_err(), CaptureError::Empty);
        assert_eq!(read(b"ab\0cd").unwrap_err(), CaptureError::Binary);
        assert_eq!(
            read(b"Caf\xc3\xa9 \xff").unwrap_err(),
            CaptureError::NotUtf8 { offset: 6 }
        );
        assert_eq!(
            read(b"<html><body><script>x()</script></body></html>").unwrap_err(),
            CaptureError::NoText
        );
    }

    #[test]
    fn text_is_kept_line_by_line_with_spaces_folded() {
        let page = read("Title\r\n\r\nA\u{a0} line  here.\u{1b}[2J\n".as_bytes()).unwrap();
        let texts: Vec<&str> = page.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["Title", "", "A line here.[2J"]);
        assert!(!page.html);
    }
}
