//! What is wrong with an input file, said so that a person can fix it: the
//! file, the line and column or the field path, and the offending line.

use super::hygiene::{clean, clean_line};
use std::fmt;
use unicode_width::UnicodeWidthStr;

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The file as the user knows it (a path, or `bundled:data/…`).
    pub file: String,
    /// 1-based line and column, where known.
    pub position: Option<(usize, usize)>,
    /// The field path ("people[3].role"), where known.
    pub field: Option<String>,
    pub message: String,
    /// The offending line of the file, shown under the message.
    pub excerpt: Option<String>,
}

impl Problem {
    pub fn new(file: impl Into<String>, message: impl Into<String>) -> Self {
        Problem {
            file: file.into(),
            position: None,
            field: None,
            message: message.into(),
            excerpt: None,
        }
    }

    /// Points the problem at a byte offset of `text`, quoting that line.
    /// The column counts characters from the start of the line, as editors
    /// do; a byte-order mark starting the text is not one of them.
    pub fn at_offset(self, text: &str, offset: usize) -> Self {
        self.at_offset_in(&Lines::new(text), offset)
    }

    /// As [`at_offset`](Self::at_offset), with the text's lines found
    /// once for every problem in it: reading the file from its start for
    /// each of thousands of problems made reporting them quadratic.
    pub fn at_offset_in(mut self, lines: &Lines, offset: usize) -> Self {
        let text = lines.text;
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let line = lines.starts.partition_point(|&start| start <= offset);
        let line_start = lines.starts[line - 1];
        let line_start = if line_start == 0 && offset > 0 && text.starts_with(BOM) {
            BOM.len_utf8()
        } else {
            line_start
        };
        let column = text[line_start..offset].chars().count() + 1;
        self.position = Some((line, column));
        let line_text = text[line_start..].lines().next().unwrap_or("");
        self.excerpt = Some(line_text.to_string());
        self
    }

    pub fn in_field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into()).filter(|f| !f.is_empty());
        self
    }
}

/// A text with where each of its lines starts.
pub struct Lines<'t> {
    text: &'t str,
    /// Byte offsets: 0, then one past each '\n'.
    starts: Vec<usize>,
}

impl<'t> Lines<'t> {
    pub fn new(text: &'t str) -> Lines<'t> {
        let after_newlines = text.match_indices('\n').map(|(i, _)| i + 1);
        Lines {
            text,
            starts: std::iter::once(0).chain(after_newlines).collect(),
        }
    }
}

/// Where the dotted key with the most parts in a TOML text starts (the
/// first of them if several tie). The toml crate refuses a key of too many
/// parts ("recursion limit") without saying where it is; this is where.
pub fn deepest_key(text: &str) -> Option<usize> {
    use toml_parser::lexer::TokenKind;
    let mut deepest: Option<(usize, usize)> = None;
    // The key being read: where it starts, its parts so far, and whether a
    // dot is waiting for the next part.
    let mut current: Option<(usize, usize, bool)> = None;
    for token in toml_parser::Source::new(text).lex() {
        current = match (token.kind(), current) {
            (TokenKind::Whitespace, _) => continue,
            (
                TokenKind::Atom | TokenKind::BasicString | TokenKind::LiteralString,
                Some((at, n, true)),
            ) => Some((at, n + 1, false)),
            (TokenKind::Atom | TokenKind::BasicString | TokenKind::LiteralString, _) => {
                Some((token.span().start(), 1, false))
            }
            (TokenKind::Dot, Some((at, n, false))) => Some((at, n, true)),
            _ => None,
        };
        if let Some((at, n, _)) = current
            && deepest.is_none_or(|(_, most)| n > most)
        {
            deepest = Some((at, n));
        }
    }
    deepest.filter(|&(_, n)| n > 1).map(|(at, _)| at)
}

/// The byte-order mark some editors start a file with.
const BOM: char = '\u{feff}';

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// How much of an offending line is quoted.
const EXCERPT_CHARS: usize = 100;

impl fmt::Display for Problem {
    /// Everything shown is cleaned: file names and excerpts are untrusted.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", clean_line(&self.file))?;
        if let Some((line, column)) = self.position {
            write!(f, ":{line}:{column}")?;
        }
        write!(f, ": ")?;
        if let Some(field) = &self.field {
            write!(f, "field `{}`: ", clean_line(field))?;
        }
        write!(f, "{}", clean_line(&self.message))?;
        if let (Some(excerpt), Some((line, column))) = (&self.excerpt, self.position) {
            // The line as it is, indentation and all, so that the caret can
            // sit under the character the column counts to: the raw text
            // before it, cleaned the same way, is as wide as the caret's
            // indent. Tabs expand alike in both, as both start the line.
            let shown = one_line(excerpt);
            let shown = shown.trim_end();
            let before: String = excerpt.chars().take(column - 1).collect();
            let before = one_line(&before);
            let mut quoted: String = shown.chars().take(EXCERPT_CHARS).collect();
            let cut = quoted.len() < shown.len();
            if cut {
                quoted.push('…');
            }
            write!(f, "\n{line:>6} | {quoted}")?;
            // A caret under the column, as rustc points.
            if !cut || before.chars().count() < EXCERPT_CHARS {
                write!(f, "\n{:>6} | {}^", "", " ".repeat(before.width()))?;
            }
        }
        Ok(())
    }
}

/// Text of one line as shown: cleaned, with nothing trimmed, so that a
/// prefix of a line is shown as a prefix of the line shown.
fn one_line(raw: &str) -> String {
    clean(raw).replace('\n', " ")
}

/// Every problem found in a load, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_file_line_column_field_and_quotes_the_line() {
        let text = "id = \"a\"\nkind = \"memo\"\n";
        let p = Problem::new("x.toml", "unknown variant `memo`")
            .at_offset(text, text.find("\"memo").unwrap())
            .in_field("kind");
        assert_eq!(
            p.to_string(),
            "x.toml:2:8: field `kind`: unknown variant `memo`\n     2 | kind = \"memo\"\n       |        ^"
        );
    }

    #[test]
    fn untrusted_parts_are_cleaned() {
        let p = Problem::new("evil\u{1b}[2J.toml", "bad \u{202e}name")
            .at_offset("\u{1b}]0;pwned\u{7}", 1);
        let shown = p.to_string();
        assert!(
            !shown.chars().any(|c| c.is_control() && c != '\n'),
            "{shown:?}"
        );
    }

    #[test]
    fn offsets_inside_a_character_and_past_the_end_are_safe() {
        let text = "name = \"북한\"";
        let p = Problem::new("f", "m").at_offset(text, 9);
        assert_eq!(p.position, Some((1, 9)));
        let p = Problem::new("f", "m").at_offset(text, 999);
        assert_eq!(p.position, Some((1, 12)));
    }

    /// The quoted line and the caret under it, as shown.
    fn excerpt_at(text: &str, needle: &str) -> (Option<(usize, usize)>, String) {
        let p = Problem::new("f", "m").at_offset(text, text.find(needle).unwrap());
        let shown = p.to_string();
        let lines: Vec<&str> = shown.lines().skip(1).collect();
        (p.position, lines.join("\n"))
    }

    #[test]
    fn the_caret_sits_under_an_indented_lines_character() {
        let (position, shown) = excerpt_at("[keys.reader]\n    j = \"nxt\"\n", "\"nxt");
        assert_eq!(position, Some((2, 9)));
        assert_eq!(shown, "     2 |     j = \"nxt\"\n       |         ^");
    }

    #[test]
    fn the_caret_sits_under_a_tab_indented_lines_character() {
        // The tab shows as spaces to the next stop, and the caret follows.
        let (position, shown) = excerpt_at("[keys.reader]\n\tj = \"nxt\"\n", "\"nxt");
        assert_eq!(position, Some((2, 6)));
        assert_eq!(shown, "     2 |     j = \"nxt\"\n       |         ^");
        let (position, shown) = excerpt_at("a\tb = 1\n", "1");
        assert_eq!(position, Some((1, 7)));
        assert_eq!(shown, "     1 | a   b = 1\n       |         ^");
    }

    #[test]
    fn a_byte_order_mark_is_no_column() {
        let (position, shown) = excerpt_at("\u{feff}mouse = \"x\"\n", "\"x");
        assert_eq!(position, Some((1, 9)));
        assert_eq!(shown, "     1 | mouse = \"x\"\n       |         ^");
        let p = Problem::new("f", "m").at_offset("\u{feff}a", 0);
        assert_eq!(p.position, Some((1, 1)));
    }

    #[test]
    fn the_caret_counts_wide_characters_twice() {
        let (position, shown) = excerpt_at("name = \"북한\" x\n", "x");
        assert_eq!(position, Some((1, 13)));
        assert_eq!(
            shown,
            "     1 | name = \"북한\" x\n       |               ^"
        );
    }

    #[test]
    fn a_cut_line_keeps_its_caret_only_where_it_is_shown() {
        let long = format!("{}x{}y", " ".repeat(50), "-".repeat(200));
        let (_, shown) = excerpt_at(&long, "x");
        assert!(shown.ends_with(&format!("{}^", " ".repeat(50))), "{shown}");
        let (_, shown) = excerpt_at(&long, "y");
        assert!(!shown.contains('^') && shown.ends_with('…'), "{shown}");
    }
}
