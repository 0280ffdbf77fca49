//! Text hygiene: untrusted text is cleaned once, at load, so that nothing
//! read from a corpus file can drive the terminal (escape sequences, bidi
//! reordering) wherever it is later shown.

const TAB_STOP: usize = 4;

/// True for characters that must never reach a terminal: C0 controls other
/// than newline, DEL, C1 controls, and the bidi embedding, override, isolate
/// and mark characters, plus a byte-order mark inside text.
pub fn is_forbidden(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{200e}' | '\u{200f}' | '\u{061c}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{feff}')
}

/// Cleans a multi-line text: keeps newlines, expands tabs to the next tab
/// stop of their line, and drops every other control and bidi character.
/// Carriage returns go too, so CRLF files read like LF files.
/// Idempotent: `clean(&clean(s)) == clean(s)`.
pub fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut column = 0;
    for c in s.chars() {
        match c {
            // Line and paragraph separators break lines as newlines do.
            '\n' | '\u{2028}' | '\u{2029}' => {
                out.push('\n');
                column = 0;
            }
            '\t' => {
                let n = TAB_STOP - column % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', n));
                column += n;
            }
            c if is_forbidden(c) => {}
            c => {
                out.push(c);
                column += 1;
            }
        }
    }
    out
}

/// Cleans a one-line field (a name, a title): as [`clean`], with line breaks
/// turned into spaces and the ends trimmed.
pub fn clean_line(s: &str) -> String {
    clean(s).replace('\n', " ").trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn strips_escapes_and_bidi_but_keeps_text() {
        let raw = "Kim\u{1b}[31m Jong\u{7}\u{202e}-un\u{9b}2J “quoted” 북한 ✊\r\n";
        assert_eq!(clean(raw), "Kim[31m Jong-un2J “quoted” 북한 ✊\n");
    }

    #[test]
    fn expands_tabs_to_stops_per_line() {
        assert_eq!(clean("a\tb\n\tc"), "a   b\n    c");
    }

    #[test]
    fn one_line_fields_lose_breaks_and_padding() {
        assert_eq!(clean_line("  Human\nRights Watch\t"), "Human Rights Watch");
    }

    proptest! {
        #[test]
        fn clean_is_idempotent_and_leaves_no_controls(s in any::<String>()) {
            let once = clean(&s);
            prop_assert_eq!(clean(&once), once.clone());
            prop_assert!(once.chars().all(|c| c == '\n' || !is_forbidden(c) && c != '\t'));
            let line = clean_line(&s);
            prop_assert_eq!(clean_line(&line), line.clone());
            prop_assert!(!line.contains('\n'));
        }
    }
}
