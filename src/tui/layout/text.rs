//! Wrapping, truncating and scrolling text measured in terminal columns.

use std::ops::Range;
use unicode_width::UnicodeWidthChar;

/// `text` wrapped to `width` columns where the Unicode line-breaking rules
/// (UAX #14) allow a break: at spaces and after hyphens, between
/// ideographs, never inside a number ("2015年"). A word longer than a
/// line (a URL) is broken. A paragraph's own line breaks are kept.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    lines(text, width, true)
}

/// As [`wrap`], but a word is never broken: one longer than a line is cut
/// with "…", for a narrow column of names (the sidebar) where half a word
/// on the next line reads as another word.
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    lines(text, width, false)
        .into_iter()
        .map(|line| truncate(&line, width))
        .collect()
}

fn lines(text: &str, width: usize, break_words: bool) -> Vec<String> {
    let options = textwrap::Options::new(width.max(1))
        .word_separator(textwrap::WordSeparator::UnicodeBreakProperties)
        .break_words(break_words);
    textwrap::wrap(text, options)
        .into_iter()
        .map(|line| line.into_owned())
        .collect()
}

/// `text` cut to `width` columns, with an ellipsis where it was cut.
pub fn truncate(text: &str, width: usize) -> String {
    if unicode_width::UnicodeWidthStr::width(text) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// The start of `text` just past `width` columns, or all of it: enough for
/// [`truncate`] to cut, without reading the rest of a long text. A control
/// character counts a column, as the space it may be shown as.
pub fn head(text: &str, width: usize) -> &str {
    let mut used = 0;
    for (i, c) in text.char_indices() {
        if used > width {
            return &text[..i];
        }
        used += c.width().unwrap_or(1);
    }
    text
}

/// The first line to show so that `span` is on screen in a window of
/// `height` lines now starting at `top`, moving as little as possible. A
/// span taller than the window shows its start.
pub fn reveal(top: usize, height: usize, span: Range<usize>) -> usize {
    if span.start < top || height == 0 {
        span.start
    } else if span.end > top + height {
        span.start.min(span.end - height)
    } else {
        top
    }
}

/// The first line to show after a jump to the lines `span`, to reach line
/// `target` of them (a match): where the whole span is on screen already,
/// `top`; else its start `context` lines below the top, as less and vim
/// put a search's target, or, where that leaves `target` below the window
/// (a long paragraph), `target` `context` lines below the top.
pub fn land(top: usize, height: usize, span: Range<usize>, target: usize, context: usize) -> usize {
    if span.start >= top && span.end <= top + height {
        return top;
    }
    let start = span.start.saturating_sub(context);
    if target < start + height {
        start
    } else {
        target.saturating_sub(context)
    }
}

/// The first of `rows` lines to show so that line `at` is on screen, for
/// lists that keep no scroll position of their own (the overlays').
pub fn window(at: usize, rows: usize) -> usize {
    (at + 1).saturating_sub(rows.max(1))
}

/// The largest useful first line for `total` lines in `height` rows.
pub fn max_scroll(total: usize, height: usize) -> usize {
    total.saturating_sub(height)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn truncation_counts_columns_not_bytes() {
        assert_eq!(truncate("북한 인권", 5), "북한…");
        assert_eq!(truncate("Tomás", 5), "Tomás");
        assert_eq!(truncate("abc", 0), "");
    }

    #[test]
    fn a_jump_lands_near_the_top_unless_on_screen_already() {
        assert_eq!(land(10, 5, 12..14, 12, 2), 10);
        assert_eq!(land(10, 5, 30..33, 30, 2), 28);
        assert_eq!(land(10, 5, 1..3, 1, 2), 0);
        // The match deep in a long paragraph stays on screen.
        assert_eq!(land(0, 5, 30..60, 50, 2), 48);
        assert_eq!(land(0, 5, 30..60, 31, 2), 28);
    }

    #[test]
    fn reveal_moves_as_little_as_possible() {
        assert_eq!(reveal(10, 5, 12..14), 10);
        assert_eq!(reveal(10, 5, 3..4), 3);
        assert_eq!(reveal(10, 5, 14..17), 12);
        assert_eq!(reveal(10, 5, 20..40), 20);
    }

    /// UAX #14: a number stays whole ("20|15年" was the width alone),
    /// and ideographs break between characters.
    #[test]
    fn cjk_text_wraps_by_the_line_breaking_rules_and_keeps_numbers_whole() {
        let lines = wrap("北朝鮮は2015年に国連で", 10);
        assert_eq!(lines.concat(), "北朝鮮は2015年に国連で");
        assert!(lines.iter().any(|l| l.contains("2015")), "{lines:?}");
        assert!(lines.iter().all(|l| l.width() <= 10), "{lines:?}");
        // Hangul syllables, like ideographs, may break between them.
        assert_eq!(
            wrap("북한 인권 2015년 보고서", 9),
            ["북한 인권", "2015년 보", "고서"]
        );
    }

    #[test]
    fn words_wrap_whole_at_spaces_and_hyphens_and_one_too_long_is_cut() {
        assert_eq!(
            wrap_words("Rapporteur Commission on Inquiry", 12),
            ["Rapporteur", "Commission", "on Inquiry"]
        );
        assert_eq!(wrap_words("Kim Cheol-ok who", 10), ["Kim Cheol-", "ok who"]);
        assert_eq!(wrap_words("a Commission", 8), ["a", "Commiss…"]);
        assert_eq!(wrap_words("북한인권시민연합", 9), ["북한인권", "시민연합"]);
        assert_eq!(
            wrap_words("Rapporteur/Commission", 8),
            ["Rapport…", "Commiss…"]
        );
        assert_eq!(wrap_words("abc", 0), [""]);
    }

    #[test]
    fn wrapping_breaks_long_words_and_keeps_line_breaks() {
        assert_eq!(wrap("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(wrap("a\nb", 10), ["a", "b"]);
    }
}
