//! A one-line text input with a cursor, as readline and fzf edit.

use crate::corpus::is_forbidden;

/// Longest query or filter kept: a pasted page must not make each
/// keystroke slow.
pub const MAX_CHARS: usize = 256;

/// Longest note kept: a paragraph of thought, not a page.
pub const NOTE_CHARS: usize = 2000;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Input {
    text: String,
    /// The cursor, in characters from the start.
    cursor: usize,
    /// The most characters it holds, if not `MAX_CHARS`.
    limit: Option<usize>,
    /// Whether it keeps line breaks (a note) or makes them spaces.
    multiline: bool,
}

impl Input {
    /// An input that holds up to `limit` characters, starting with `text`
    /// and the cursor at its end.
    pub fn with(text: &str, limit: usize) -> Input {
        let mut input = Input {
            limit: Some(limit),
            ..Input::default()
        };
        input.insert(text);
        input
    }

    /// A note: like `with`, but line breaks are kept.
    pub fn note(text: &str, limit: usize) -> Input {
        let mut input = Input {
            limit: Some(limit),
            multiline: true,
            ..Input::default()
        };
        input.insert(text);
        input
    }

    pub fn is_multiline(&self) -> bool {
        self.multiline
    }

    pub fn limit(&self) -> usize {
        self.limit.unwrap_or(MAX_CHARS)
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn cursor(&self) -> usize {
        self.cursor
    }

    fn byte(&self, chars: usize) -> usize {
        self.text
            .char_indices()
            .nth(chars)
            .map_or(self.text.len(), |(i, _)| i)
    }

    /// Types `s` at the cursor. Line breaks (but in a note) and tabs become
    /// spaces, other
    /// controls and bidi controls are dropped, and the input stops at its limit; returns
    /// whether anything was cut.
    pub fn insert(&mut self, s: &str) -> bool {
        let room = self.limit().saturating_sub(self.text.chars().count());
        let s = if self.multiline {
            s.replace("\r\n", "\n")
        } else {
            s.to_string()
        };
        let clean: String = s
            .chars()
            .filter_map(|c| match c {
                '\n' | '\r' if self.multiline => Some('\n'),
                '\n' | '\r' | '\t' => Some(' '),
                // Bidi controls would reorder what the line shows.
                c if c.is_control() || is_forbidden(c) => None,
                c => Some(c),
            })
            .collect();
        let kept: String = clean.chars().take(room).collect();
        let at = self.byte(self.cursor);
        self.text.insert_str(at, &kept);
        self.cursor += kept.chars().count();
        kept.chars().count() < clean.chars().count()
    }

    pub fn delete_back(&mut self) {
        if self.cursor > 0 {
            self.cursor -= 1;
            let at = self.byte(self.cursor);
            self.text.remove(at);
        }
    }

    /// Ctrl-W: the word before the cursor, and the spaces after it.
    pub fn delete_word(&mut self) {
        let chars: Vec<char> = self.text.chars().collect();
        let mut start = self.cursor.min(chars.len());
        while start > 0 && chars[start - 1].is_whitespace() {
            start -= 1;
        }
        while start > 0 && !chars[start - 1].is_whitespace() {
            start -= 1;
        }
        let (from, to) = (self.byte(start), self.byte(self.cursor));
        self.text.replace_range(from..to, "");
        self.cursor = start;
    }

    /// Ctrl-U: everything before the cursor.
    pub fn clear(&mut self) {
        let to = self.byte(self.cursor);
        self.text.replace_range(..to, "");
        self.cursor = 0;
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.chars().count();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn typed(s: &str) -> Input {
        let mut input = Input::default();
        input.insert(s);
        input
    }

    #[test]
    fn editing_keys_work_at_the_cursor() {
        let mut input = typed("secrty councl");
        input.left();
        input.left();
        input.insert("i");
        assert_eq!(input.text(), "secrty counicl");
        input.home();
        input.insert("^");
        assert_eq!(input.text(), "^secrty counicl");
        input.end();
        input.delete_word();
        assert_eq!(input.text(), "^secrty ");
        input.delete_back();
        input.left();
        input.clear();
        assert_eq!((input.text(), input.cursor()), ("y", 0));
    }

    #[test]
    fn bidi_controls_typed_or_pasted_are_dropped() {
        let mut input = typed("abc\u{202e}def\u{2066}\u{200f}");
        input.insert("\u{202d}");
        assert_eq!(input.text(), "abcdef");
    }

    #[test]
    fn a_paste_is_one_line_of_bounded_length() {
        let mut input = typed("북한\n인권\u{1b}[31m");
        assert_eq!(input.text(), "북한 인권[31m");
        assert!(input.insert(&"x".repeat(10_000)));
        assert_eq!(input.text().chars().count(), MAX_CHARS);
    }

    proptest! {
        #[test]
        fn no_sequence_of_edits_panics(ops in proptest::collection::vec((0u8..7, ".{0,3}"), 0..60)) {
            let mut input = Input::default();
            for (op, s) in ops {
                match op {
                    0 => { input.insert(&s); }
                    1 => input.delete_back(),
                    2 => input.delete_word(),
                    3 => input.clear(),
                    4 => input.left(),
                    5 => input.right(),
                    _ => input.end(),
                }
                prop_assert!(input.cursor() <= input.text().chars().count());
            }
        }
    }
}
