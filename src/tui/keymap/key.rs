//! Key notation: a key press, its name in the config (`ctrl-c`, `shift-space`,
//! `G`) read back and shown, and the names no terminal can send refused.

use crate::corpus::clean;
use crate::suggest::did_you_mean;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::fmt;
use std::str::FromStr;
use unicode_width::UnicodeWidthChar;

/// A key press with the modifiers that matter. Shift is folded into the
/// character it produces, so `G` is one key, not shift-g.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    code: KeyCode,
    modifiers: KeyModifiers,
}

impl Key {
    pub const fn new(code: KeyCode, modifiers: KeyModifiers) -> Key {
        Key { code, modifiers }
    }

    pub const fn plain(code: KeyCode) -> Key {
        Key::new(code, KeyModifiers::NONE)
    }

    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    /// The character this key types into an input line, if it types one.
    pub fn typed(self) -> Option<char> {
        match self.code {
            KeyCode::Char(c)
                if !self
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(c)
            }
            _ => None,
        }
    }

    /// Whether every terminal can send this key, tmux and those without
    /// the kitty keyboard protocol included: a character, a named key or
    /// f1 to f12 alone; ctrl with a letter, space or `4` to `7` (the
    /// control bytes crossterm reads as those); alt, an escape sent first,
    /// with any of these characters but `[` and `O`, which begin the
    /// sequences of other keys. `ctrl-1`, `ctrl-;` or `shift-space` reach
    /// such a terminal as another key or as nothing.
    pub fn legacy(self) -> bool {
        let alt = self.modifiers.contains(KeyModifiers::ALT);
        let rest = self.modifiers - KeyModifiers::ALT;
        match self.code {
            KeyCode::Char('[' | 'O') if alt => false,
            KeyCode::Char(' ') => rest.is_empty() || rest == KeyModifiers::CONTROL,
            KeyCode::Char(c) if rest == KeyModifiers::CONTROL => {
                c.is_ascii_lowercase() || ('4'..='7').contains(&c)
            }
            KeyCode::Char(_) => rest.is_empty(),
            _ => self.modifiers.is_empty(),
        }
    }

    pub fn from_event(event: KeyEvent) -> Key {
        let mut modifiers = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
        let code = match event.code {
            // Terminals differ on whether shift-tab is BackTab or shift+Tab.
            KeyCode::BackTab => KeyCode::BackTab,
            KeyCode::Tab if event.modifiers.contains(KeyModifiers::SHIFT) => KeyCode::BackTab,
            KeyCode::Char(' ') if event.modifiers.contains(KeyModifiers::SHIFT) => {
                modifiers |= KeyModifiers::SHIFT;
                KeyCode::Char(' ')
            }
            // Ctrl-C arrives as 'c' with control; some terminals send 'C'.
            KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            code => code,
        };
        Key { code, modifiers }
    }
}

impl fmt::Display for Key {
    /// The names the config uses: `j`, `G`, `ctrl-c`, `shift-tab`, `pagedown`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (flag, name) in [
            (KeyModifiers::CONTROL, "ctrl-"),
            (KeyModifiers::ALT, "alt-"),
            (KeyModifiers::SHIFT, "shift-"),
        ] {
            if self.modifiers.contains(flag) {
                f.write_str(name)?;
            }
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::BackTab => f.write_str("shift-tab"),
            KeyCode::Tab => f.write_str("tab"),
            KeyCode::Enter => f.write_str("enter"),
            KeyCode::Esc => f.write_str("esc"),
            KeyCode::Up => f.write_str("up"),
            KeyCode::Down => f.write_str("down"),
            KeyCode::Left => f.write_str("left"),
            KeyCode::Right => f.write_str("right"),
            KeyCode::PageUp => f.write_str("pageup"),
            KeyCode::PageDown => f.write_str("pagedown"),
            KeyCode::Home => f.write_str("home"),
            KeyCode::Backspace => f.write_str("backspace"),
            KeyCode::End => f.write_str("end"),
            KeyCode::Delete => f.write_str("delete"),
            KeyCode::Insert => f.write_str("insert"),
            KeyCode::F(n) => write!(f, "f{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// Keys with a name, as the config writes them; any other key is the one
/// character it types.
pub const KEY_NAMES: [(&str, KeyCode); 15] = [
    ("space", KeyCode::Char(' ')),
    ("tab", KeyCode::Tab),
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("insert", KeyCode::Insert),
];

/// What a key name may be, for error messages.
fn allowed_keys() -> String {
    let names: Vec<&str> = KEY_NAMES.iter().map(|(n, _)| *n).collect();
    format!(
        "a key is one visible character that a key types, or one of: {}, f1 to f12; \
         after any of ctrl-, alt-, shift-",
        names.join(", ")
    )
}

/// A character as an error message can show it, even where it is invisible.
fn shown_char(c: char) -> String {
    if c.is_control() || c.width().is_none_or(|w| w == 0) || is_hidden(c) {
        format!("U+{:04X}", c as u32)
    } else {
        c.to_string()
    }
}

/// What the cleaning of untrusted text drops or changes: bidi controls,
/// a byte-order mark, line separators.
fn is_hidden(c: char) -> bool {
    let s = c.to_string();
    clean(&s) != s
}

/// Why no key press can produce `c` as the key it names, if none can:
/// control characters arrive as the keys that send them (a tab as `tab`),
/// and characters of no width or that steer text direction are typed by no
/// key of their own, and would not show in the help.
fn untypable(c: char) -> Option<String> {
    if c.is_control() {
        let named = KEY_NAMES
            .iter()
            .find(|(_, code)| {
                matches!(
                    (code, c),
                    (KeyCode::Tab, '\t')
                        | (KeyCode::Enter, '\n' | '\r')
                        | (KeyCode::Esc, '\u{1b}')
                        | (KeyCode::Backspace, '\u{7f}')
                )
            })
            .map_or(String::new(), |(name, _)| format!(" (write `{name}`)"));
        return Some(format!(
            "{} is a control character, which no key types{named}",
            shown_char(c)
        ));
    }
    let zero_width = c.width().is_none_or(|w| w == 0);
    (zero_width || is_hidden(c)).then(|| {
        format!(
            "{} has no width or steers the direction of text, so no key types it as a key \
             and the help could not show it",
            shown_char(c)
        )
    })
}

impl FromStr for Key {
    type Err = String;

    /// The inverse of `Display`, a little more lenient: modifiers and key
    /// names in any case (`Ctrl-J` is `ctrl-j`), and `shift-g` for `G`.
    /// Only what `from_event` can produce is accepted, so every key parsed
    /// can be pressed: no control character or character of no width,
    /// no shifted letter that is two in upper case (`shift-ß`), and not
    /// `ctrl-i`, `ctrl-m` or `ctrl-[`, which arrive as tab, enter and esc.
    fn from_str(text: &str) -> Result<Key, String> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        // A lone "-" is the minus key, and "ctrl--" is ctrl and minus.
        while let Some((word, after)) = rest
            .split_once('-')
            .filter(|(w, a)| !w.is_empty() && !a.is_empty())
        {
            let flag = match word.to_ascii_lowercase().as_str() {
                "ctrl" => KeyModifiers::CONTROL,
                "alt" => KeyModifiers::ALT,
                "shift" => KeyModifiers::SHIFT,
                _ if word.chars().count() == 1 => break,
                _ => {
                    return Err(format!(
                        "unknown modifier `{word}`{} (valid: ctrl-, alt-, shift-)",
                        did_you_mean(word, &["ctrl", "alt", "shift"])
                    ));
                }
            };
            modifiers |= flag;
            rest = after;
        }
        let shift = modifiers.contains(KeyModifiers::SHIFT);
        modifiers -= KeyModifiers::SHIFT;
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => {
                if let Some(why) = untypable(c) {
                    return Err(format!("{why}: {}", allowed_keys()));
                }
                KeyCode::Char(c)
            }
            _ => {
                let lower = rest.to_ascii_lowercase();
                let function = lower
                    .strip_prefix('f')
                    .and_then(|n| n.parse::<u8>().ok())
                    .filter(|n| (1..=12).contains(n));
                match (function, KEY_NAMES.iter().find(|(name, _)| *name == lower)) {
                    (Some(n), _) => KeyCode::F(n),
                    (None, Some(&(_, code))) => code,
                    (None, None) => {
                        let names: Vec<&str> = KEY_NAMES.iter().map(|(n, _)| *n).collect();
                        return Err(format!(
                            "unknown key `{rest}`{} ({})",
                            did_you_mean(&lower, &names),
                            allowed_keys()
                        ));
                    }
                }
            }
        };
        let code = match code {
            // As `from_event` keeps it: shift is told apart only on space,
            // with ctrl and alt too.
            KeyCode::Char(' ') if shift => {
                modifiers |= KeyModifiers::SHIFT;
                KeyCode::Char(' ')
            }
            // Terminals send control keys in lower case.
            KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            // Shift folds into the letter it makes, if it makes one.
            KeyCode::Char(c) if shift && c.is_alphabetic() => {
                let mut upper = c.to_uppercase();
                match (upper.next(), upper.next()) {
                    (Some(u), None) => KeyCode::Char(u),
                    _ => {
                        return Err(format!(
                            "`{text}` is no one key: `{c}` in upper case is `{}`, more than \
                             one character; write the character shift makes on your keyboard, \
                             as `?` ({})",
                            c.to_uppercase(),
                            allowed_keys()
                        ));
                    }
                }
            }
            KeyCode::Tab if shift => KeyCode::BackTab,
            code if shift => {
                return Err(format!(
                    "terminals do not tell `{text}` from `{}`: shift- goes only with a \
                     letter, space or tab; for a symbol write the one shift makes, as `?`",
                    Key::new(code, modifiers)
                ));
            }
            code => code,
        };
        // Ctrl with these sends the very byte of tab, enter or escape.
        if modifiers.contains(KeyModifiers::CONTROL) {
            let sent = match code {
                KeyCode::Char('i') => Some(KeyCode::Tab),
                KeyCode::Char('m') => Some(KeyCode::Enter),
                KeyCode::Char('[') => Some(KeyCode::Esc),
                _ => None,
            };
            if let Some(sent) = sent {
                let instead = Key::new(sent, modifiers - KeyModifiers::CONTROL);
                return Err(format!(
                    "most terminals send `{}` as `{}`, and cannot tell the two apart: \
                     write `{instead}` instead",
                    Key::new(code, modifiers),
                    Key::plain(sent),
                ));
            }
        }
        Ok(Key::new(code, modifiers))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::{KeyMap, Layer};
    use crossterm::event::KeyEventKind;

    fn event(code: KeyCode, modifiers: KeyModifiers) -> Key {
        Key::from_event(KeyEvent::new_with_kind(
            code,
            modifiers,
            KeyEventKind::Press,
        ))
    }

    #[test]
    fn shift_folds_into_characters_but_not_into_space_or_tab() {
        assert_eq!(
            event(KeyCode::Char('G'), KeyModifiers::SHIFT),
            Key::char('G')
        );
        assert_eq!(
            event(KeyCode::Tab, KeyModifiers::SHIFT),
            Key::plain(KeyCode::BackTab)
        );
        assert_eq!(
            event(KeyCode::Char(' '), KeyModifiers::SHIFT).to_string(),
            "shift-space"
        );
        assert_eq!(
            event(
                KeyCode::Char('C'),
                KeyModifiers::CONTROL | KeyModifiers::SHIFT
            ),
            Key::ctrl('c')
        );
    }

    #[test]
    fn every_key_reads_back_from_its_name() {
        let mut keys: Vec<Key> = Layer::ALL
            .into_iter()
            .flat_map(|l| KeyMap::default().layer(l))
            .flat_map(|(_, k)| k)
            .collect();
        keys.extend(KEY_NAMES.iter().map(|&(_, code)| Key::plain(code)));
        keys.extend((1..=12).map(|n| Key::plain(KeyCode::F(n))));
        keys.extend([
            Key::char('G'),
            Key::char('-'),
            Key::new(KeyCode::Char('x'), KeyModifiers::ALT),
            Key::new(KeyCode::Char('-'), KeyModifiers::CONTROL),
            Key::new(KeyCode::F(5), KeyModifiers::CONTROL | KeyModifiers::ALT),
        ]);
        for key in keys {
            assert_eq!(key.to_string().parse::<Key>(), Ok(key), "{key}");
        }
    }

    #[test]
    fn names_are_read_leniently_where_terminals_cannot_tell_apart() {
        let parse = |s: &str| s.parse::<Key>();
        assert_eq!(parse("Ctrl-J"), Ok(Key::ctrl('j')));
        assert_eq!(parse("ctrl-shift-j"), Ok(Key::ctrl('j')));
        assert_eq!(parse("shift-g"), Ok(Key::char('G')));
        assert_eq!(parse("PageDown"), Ok(Key::plain(KeyCode::PageDown)));
        assert_eq!(parse("shift-tab"), Ok(Key::plain(KeyCode::BackTab)));
        assert_eq!(parse("-"), Ok(Key::char('-')));
        let err = parse("ctlr-j").unwrap_err();
        assert!(err.contains("did you mean `ctrl`?"), "{err}");
        let err = parse("pgdown").unwrap_err();
        assert!(err.contains("did you mean `pagedown`?"), "{err}");
        assert!(parse("shift-up").is_err());
        assert!(parse("shift-1").is_err());
        assert!(parse("").is_err());
        assert!(parse("f13").is_err());
    }

    #[test]
    fn characters_no_key_types_are_rejected_saying_what_is_allowed() {
        for (name, why) in [
            ("\u{7}", "U+0007 is a control character"),
            (
                "\t",
                "U+0009 is a control character, which no key types (write `tab`)",
            ),
            ("ctrl-\u{7f}", "U+007F is a control character"),
            (
                "\u{202e}",
                "U+202E has no width or steers the direction of text",
            ),
            ("\u{200b}", "U+200B has no width"),
            ("\u{301}", "U+0301 has no width"),
            ("alt-\u{feff}", "U+FEFF has no width"),
            ("\u{2028}", "U+2028 has no width"),
        ] {
            let err = name.parse::<Key>().unwrap_err();
            assert!(err.starts_with(why), "{name:?}: {err}");
            assert!(
                err.contains("a key is one visible character that a key types, or one of: space"),
                "{name:?}: {err}"
            );
        }
        // Visible characters of any width and script are keys.
        for name in ["한", "é", "\u{a0}", "ß", "€"] {
            assert!(name.parse::<Key>().is_ok(), "{name:?}");
        }
    }

    #[test]
    fn legacy_keys_are_those_every_terminal_sends() {
        let legacy = |name: &str| name.parse::<Key>().unwrap().legacy();
        for name in [
            "q",
            "Q",
            "한",
            "esc",
            "f12",
            "shift-tab",
            "ctrl-c",
            "ctrl-z",
            "ctrl-space",
            "ctrl-4",
            "alt-q",
            "alt-ctrl-c",
        ] {
            assert!(legacy(name), "{name}");
        }
        for name in [
            "ctrl-1",
            "ctrl-;",
            "ctrl-é",
            "shift-space",
            "ctrl-up",
            "alt-f1",
            "alt-[",
            "alt-O",
        ] {
            assert!(!legacy(name), "{name}");
        }
    }

    #[test]
    fn shift_with_a_letter_that_upper_cases_to_two_is_no_key() {
        let err = "shift-ß".parse::<Key>().unwrap_err();
        assert!(
            err.contains("`ß` in upper case is `SS`, more than one character"),
            "{err}"
        );
        assert_eq!("shift-é".parse::<Key>(), Ok(Key::char('É')));
    }

    #[test]
    fn ctrl_i_m_and_bracket_are_the_keys_terminals_send_for_them() {
        for (name, instead) in [
            ("ctrl-i", "`tab`"),
            ("Ctrl-I", "`tab`"),
            ("ctrl-m", "`enter`"),
            ("ctrl-[", "`esc`"),
            ("ctrl-alt-i", "`alt-tab`"),
        ] {
            let err = name.parse::<Key>().unwrap_err();
            assert!(err.starts_with("most terminals send"), "{name}: {err}");
            assert!(
                err.ends_with(&format!("write {instead} instead")),
                "{name}: {err}"
            );
        }
        assert_eq!("ctrl-j".parse::<Key>(), Ok(Key::ctrl('j')));
        assert_eq!(
            "alt-i".parse::<Key>(),
            Ok(Key::new(KeyCode::Char('i'), KeyModifiers::ALT))
        );
    }

    #[test]
    fn shifted_space_with_ctrl_or_alt_parses_as_the_event_reads() {
        for (name, modifiers) in [
            ("ctrl-shift-space", KeyModifiers::CONTROL),
            ("alt-shift-space", KeyModifiers::ALT),
            ("shift-space", KeyModifiers::NONE),
        ] {
            let pressed = event(KeyCode::Char(' '), modifiers | KeyModifiers::SHIFT);
            assert_eq!(name.parse::<Key>(), Ok(pressed), "{name}");
            assert_eq!(pressed.to_string(), name);
            assert_eq!(pressed.to_string().parse::<Key>(), Ok(pressed));
        }
        assert_ne!(
            "ctrl-shift-space".parse::<Key>(),
            "ctrl-space".parse::<Key>()
        );
    }
}
