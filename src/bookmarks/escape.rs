//! Text written into Markdown so that it means only itself: a passage or
//! a note is never read as HTML, a link, a heading, a list, a code block
//! or a citation, by CommonMark or by pandoc's extensions (math, sub- and
//! superscript, spans, attributes, citations). Every ASCII punctuation
//! character may be escaped with a backslash in both, and reads as itself.

/// What Markdown reads as markup wherever it stands in a line.
const ANYWHERE: &str = "\\`*_[]<>#|~^$@{}&";

/// What it reads as the start of a block at the start of a line: a list
/// item, a setext underline, a definition, a title block, an example list.
const AT_START: &str = "-+=:%(";

/// One line of text as Markdown: markup escaped, and the indentation and
/// trailing spaces that would make a code block or a line break left out,
/// which Markdown would not show anyway.
pub fn markdown_line(line: &str) -> String {
    let line = line.trim();
    let mut out = String::with_capacity(line.len() + 8);
    // "1." "a)" "iv." at the start would begin an ordered list.
    let marker = line
        .find(|c: char| !c.is_ascii_alphanumeric())
        .filter(|&end| end > 0 && line[end..].starts_with(['.', ')']));
    for (i, c) in line.char_indices() {
        let escaped = ANYWHERE.contains(c) || (i == 0 && AT_START.contains(c)) || marker == Some(i);
        if escaped {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::markdown_line;

    #[test]
    fn markup_is_escaped_and_plain_words_are_not() {
        assert_eq!(
            markdown_line("Plain words, “quoted”."),
            "Plain words, “quoted”."
        );
        assert_eq!(
            markdown_line("<b>[x](javascript:y)</b>"),
            "\\<b\\>\\[x\\](javascript:y)\\</b\\>"
        );
        assert_eq!(markdown_line("# Heading"), "\\# Heading");
        assert_eq!(markdown_line("    ```"), "\\`\\`\\`");
        assert_eq!(markdown_line("1. item"), "1\\. item");
        assert_eq!(markdown_line("iv) item"), "iv\\) item");
        assert_eq!(markdown_line("- item"), "\\- item");
        assert_eq!(markdown_line("(@) x"), "\\(\\@) x");
        assert_eq!(markdown_line("a - b 1. c"), "a - b 1. c");
    }
}
