//! A line's worth of a hit's text around its best match.

use unicode_width::UnicodeWidthChar;

/// The part of `text` (one line) that fits in `width` columns around
/// `focus` (a character position; the first mark when `None`), with "…"
/// where it is cut, and the marks moved to match. A third of the room goes
/// before the focus.
pub fn snippet(
    text: &str,
    marks: &[usize],
    focus: Option<usize>,
    width: usize,
) -> (String, Vec<usize>) {
    let chars: Vec<char> = text.chars().collect();
    let w = |c: &char| c.width().unwrap_or(0);
    if chars.iter().map(w).sum::<usize>() <= width {
        return (text.to_string(), marks.to_vec());
    }
    if width < 3 {
        return (String::new(), Vec::new());
    }
    // Room for an ellipsis at each end.
    let room = width.saturating_sub(2);
    let focus = focus
        .or(marks.first().copied())
        .unwrap_or(0)
        .min(chars.len());
    let (mut start, mut end, mut used) = (focus, focus, 0);
    let before = room / 3;
    while start > 0 && used + w(&chars[start - 1]) <= before {
        start -= 1;
        used += w(&chars[start]);
    }
    while end < chars.len() && used + w(&chars[end]) <= room {
        used += w(&chars[end]);
        end += 1;
    }
    while start > 0 && used + w(&chars[start - 1]) <= room {
        start -= 1;
        used += w(&chars[start]);
    }
    let lead = usize::from(start > 0);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push('…');
    }
    let marks = marks
        .iter()
        .filter(|&&m| (start..end).contains(&m))
        .map(|m| m - start + lead)
        .collect();
    (out, marks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn a_short_text_is_whole_and_a_long_one_centres_on_the_match() {
        assert_eq!(snippet("abc", &[1], None, 10), ("abc".into(), vec![1]));
        let text = "0123456789abcdefghijklmnopqrstuvwxyz";
        let (s, marks) = snippet(text, &[20, 21], None, 14);
        assert_eq!(s, "…ghijklmnopqr…");
        assert_eq!(
            marks
                .iter()
                .map(|&m| s.chars().nth(m).unwrap())
                .collect::<String>(),
            "kl"
        );
        let (s, _) = snippet(text, &[], None, 10);
        assert_eq!(s, "01234567…");
        let (s, marks) = snippet(text, &[35], None, 10);
        assert_eq!((s.as_str(), marks), ("…stuvwxyz", vec![8]));
    }

    #[test]
    fn the_focus_not_the_first_mark_is_centred() {
        let text = "0123456789abcdefghijklmnopqrstuvwxyz";
        let (s, marks) = snippet(text, &[1, 30], Some(30), 14);
        // The mark at 1 is cut off; the one at 30 ("u") is in view.
        assert_eq!((s.as_str(), marks), ("…opqrstuvwxyz", vec![7]));
    }

    #[test]
    fn wide_characters_count_as_two_columns() {
        let (s, _) = snippet(&"북한".repeat(20), &[10], None, 11);
        assert!(s.width() <= 11, "{s}");
        assert_eq!(snippet("북한", &[0], None, 0).0.width(), 0);
    }
}
