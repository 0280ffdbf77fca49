//! Shared shapes of the commands' text output: columns, hanging indents
//! and JSON.

use super::MIN_WIDTH;
use serde::Serialize;
use unicode_width::UnicodeWidthStr;

pub(super) fn to_json<T: Serialize>(value: &T) -> String {
    // Serializing plain structs of strings and numbers cannot fail.
    let mut out = serde_json::to_string_pretty(value).unwrap_or_default();
    out.push('\n');
    out
}

pub(super) fn pad(s: &str, width: usize) -> String {
    let fill = width.saturating_sub(s.width());
    format!("{s}{}", " ".repeat(fill))
}

/// Rows of three short columns and a long last one, aligned; in a terminal
/// the last wraps under its own column, and a terminal too narrow for
/// columns gets each row as a short block instead.
pub(super) fn table(rows: &[[String; 4]], width: Option<usize>) -> String {
    let widths: Vec<usize> = (0..3)
        .map(|c| rows.iter().map(|r| r[c].width()).max().unwrap_or(0))
        .collect();
    let indent = widths.iter().map(|w| w + 2).sum::<usize>();
    if let Some(narrow) = width.filter(|w| *w < indent + MIN_WIDTH) {
        let blocks: Vec<String> = rows
            .iter()
            .map(|r| {
                let details = format!("{}  {}", r[1], r[2]);
                [&r[0], &details, &r[3]]
                    .iter()
                    .enumerate()
                    .map(|(i, text)| {
                        let indent = if i == 0 { "" } else { "  " };
                        block(text, Some(narrow), indent, "  ")
                    })
                    .collect()
            })
            .collect();
        return blocks.join("\n");
    }
    rows.iter()
        .map(|r| {
            let columns = format!(
                "{}  {}  {}  ",
                pad(&r[0], widths[0]),
                pad(&r[1], widths[1]),
                pad(&r[2], widths[2])
            );
            block(&r[3], width, &columns, &" ".repeat(indent))
        })
        .collect()
}

/// `text` after `first`, and wrapped to `width` under `rest` where a width
/// is given (a terminal); unwrapped for scripts.
pub(super) fn block(text: &str, width: Option<usize>, first: &str, rest: &str) -> String {
    let Some(width) = width else {
        // A paragraph's own line breaks are indented, so only its first line
        // starts in the first column.
        return format!("{first}{}\n", text.replace('\n', &format!("\n{rest}")));
    };
    let options = textwrap::Options::new(width)
        .initial_indent(first)
        .subsequent_indent(rest)
        // Ids, addresses and names stay whole, to be copied: a word longer
        // than the measure overflows rather than breaks, and lines break at
        // spaces only (the line-breaking rules the reader wraps by would
        // break an address after a slash or a hyphen).
        .word_separator(textwrap::WordSeparator::AsciiSpace)
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    let mut out = textwrap::fill(text, options);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_stays_whole_on_its_line() {
        let url = "https://example.org/north-korea/an-open-letter";
        assert_eq!(
            block(&format!("url: {url}"), Some(30), "", "  "),
            format!("url:\n  {url}\n")
        );
    }

    #[test]
    fn a_paragraph_s_own_line_breaks_never_start_a_line_in_the_first_column() {
        for width in [None, Some(40)] {
            assert_eq!(
                block("a\n[2] b", width, "[1] ", "    "),
                "[1] a\n    [2] b\n"
            );
        }
    }
}
