//! Words as search sees them: runs of letters and digits, compared without
//! diacritics and, for a query in lower case, without case. Folding maps one
//! character to one, so a position in a folded word is a position in the
//! text, which is what highlighting needs.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// `c` without its diacritics and, unless `keep_case`, in lower case.
/// Hangul and other characters whose decomposition is not a base letter
/// plus marks stay as they are.
pub fn fold_char(c: char, keep_case: bool) -> char {
    if c.is_ascii() {
        return if keep_case { c } else { c.to_ascii_lowercase() };
    }
    let mut base = None;
    let mut marks_only = true;
    decompose_canonical(c, |d| match base {
        None => base = Some(d),
        Some(_) => marks_only &= is_combining_mark(d),
    });
    let base = match base {
        Some(b) if marks_only => b,
        _ => c,
    };
    if keep_case {
        base
    } else {
        // One character for one: "İ" becomes "i", not "i̇".
        base.to_lowercase().next().unwrap_or(base)
    }
}

/// `s` folded character by character; as long as `s` in characters.
pub fn fold(s: &str, keep_case: bool) -> String {
    s.chars().map(|c| fold_char(c, keep_case)).collect()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Calls `f(start, word)` for each word of `text` in order, `start` being
/// the word's position in characters.
pub fn for_each_word<'a>(text: &'a str, mut f: impl FnMut(usize, &'a str)) {
    // The word being read: its byte and character offsets.
    let mut open: Option<(usize, usize)> = None;
    for (chars, (byte, c)) in text.char_indices().enumerate() {
        match (is_word_char(c), open) {
            (true, None) => open = Some((byte, chars)),
            (false, Some((from, start))) => {
                f(start, &text[from..byte]);
                open = None;
            }
            _ => {}
        }
    }
    if let Some((from, start)) = open {
        f(start, &text[from..]);
    }
}

/// The words of `text` with their positions in characters.
pub fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    for_each_word(text, |start, word| out.push((start, word)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_diacritics_and_case_one_character_for_one() {
        assert_eq!(fold("Tomás ÉCOLE İz", false), "tomas ecole iz");
        assert_eq!(fold("Tomás", true), "Tomas");
        assert_eq!(fold("북한 ﬁ", false), "북한 ﬁ");
        for s in ["Tomás", "İstanbul", "ǅ", "북한", "ß"] {
            assert_eq!(fold(s, false).chars().count(), s.chars().count(), "{s}");
        }
    }

    #[test]
    fn words_are_runs_of_letters_and_digits_with_character_positions() {
        assert_eq!(
            words("The DPRK’s “2015” 북한-인권, e\u{301}té"),
            [
                (0, "The"),
                (4, "DPRK"),
                (9, "s"),
                (12, "2015"),
                (18, "북한"),
                (21, "인권"),
                (25, "e\u{301}té")
            ]
        );
        assert!(words(" ,.— ").is_empty());
    }
}
