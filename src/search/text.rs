//! Words as search sees them: runs of letters and digits, compared without
//! diacritics and, for a query in lower case, without case. Latin letters
//! that are no base letter plus marks (ø, æ, ß, đ, ł) take their ASCII
//! reading, so a folded word can be longer than the word: `fold_mapped`
//! keeps, for highlighting, where each folded character came from.

use deunicode::deunicode_char;
use std::ops::RangeInclusive;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Latin-1 letters, Latin Extended-A and -B, and Latin Extended Additional:
/// the letters given an ASCII reading. Other scripts stay as they are, so
/// that Hangul or Han text is not turned into romanized words.
const LATIN: [RangeInclusive<char>; 2] = ['\u{C0}'..='\u{24F}', '\u{1E00}'..='\u{1EFF}'];

/// Calls `push` with `c` folded: without its diacritics, in its ASCII
/// reading if it is a Latin letter with one (deunicode's: "ø" "o", "æ"
/// "ae", "ß" "ss"), and unless `keep_case`, in lower case.
fn fold_into(c: char, keep_case: bool, mut push: impl FnMut(char)) {
    let case = |c: char| {
        if keep_case {
            c
        } else {
            // One character for one: "İ" becomes "i", not "i̇".
            c.to_lowercase().next().unwrap_or(c)
        }
    };
    if c.is_ascii() {
        return push(if keep_case { c } else { c.to_ascii_lowercase() });
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
    if !base.is_ascii() && LATIN.iter().any(|r| r.contains(&base)) {
        let reading = deunicode_char(base)
            .filter(|r| !r.is_empty() && r.bytes().all(|b| b.is_ascii_alphanumeric()));
        if let Some(reading) = reading {
            return reading.chars().map(case).for_each(push);
        }
    }
    push(case(base))
}

/// `s` folded (see `fold_into`). Plain ASCII is only lowered.
pub fn fold(s: &str, keep_case: bool) -> String {
    if s.is_ascii() {
        return if keep_case {
            s.to_string()
        } else {
            s.to_ascii_lowercase()
        };
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_into(c, keep_case, |f| out.push(f));
    }
    out
}

/// `s` folded, and for each character of the result the position, in
/// characters, of the character of `s` it came from.
pub fn fold_mapped(s: &str, keep_case: bool) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut from = Vec::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        fold_into(c, keep_case, |f| {
            out.push(f);
            from.push(i);
        });
    }
    (out, from)
}

/// Han, Hiragana and Katakana (with the half-width forms): scripts written
/// without spaces between words, so a run of them is a phrase, not a word.
const UNSPACED: [RangeInclusive<char>; 5] = [
    '\u{3040}'..='\u{30FF}',
    '\u{31F0}'..='\u{31FF}',
    '\u{3400}'..='\u{4DBF}',
    '\u{4E00}'..='\u{9FFF}',
    '\u{FF66}'..='\u{FF9F}',
];

/// True for a word in a script written without spaces (Chinese,
/// Japanese): a query word of it is looked for inside runs of text.
pub fn unspaced(word: &str) -> bool {
    word.chars()
        .any(|c| UNSPACED.iter().any(|r| r.contains(&c)))
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
        assert_eq!(fold("北朝鮮の人権", false), "北朝鮮の人権");
        for s in ["Tomás", "İstanbul", "북한", "人権"] {
            assert_eq!(fold(s, false).chars().count(), s.chars().count(), "{s}");
        }
    }

    #[test]
    fn latin_letters_take_their_ascii_reading_and_keep_where_they_came_from() {
        assert_eq!(
            fold("Øberg Æsa Straße Đorđe Łukasz", false),
            "oberg aesa strasse dorde lukasz"
        );
        assert_eq!(fold("Øberg", true), "Oberg");
        let (folded, from) = fold_mapped("aßø", false);
        assert_eq!(folded, "asso");
        assert_eq!(from, [0, 1, 1, 2]);
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
