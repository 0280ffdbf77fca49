//! Editing a line of text (a query, a filter, a note) as readline does.

use crate::tui::input::Input;
use crate::tui::msg::{Action, Msg};

/// What a message did to an input line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Edited {
    /// The cursor moved; the text is as it was.
    Moved,
    /// The text changed; `cut` when it reached the input's limit.
    Changed { cut: bool },
}

/// Edits an input line as readline does, or None for a message that is
/// not an edit. Search, the People filter and the bookmarks pane share it.
pub(super) fn edit(input: &mut Input, msg: &Msg) -> Option<Edited> {
    let cut = match msg {
        Msg::Typed(c) => input.insert(c.encode_utf8(&mut [0; 4])),
        Msg::Paste(text) => input.insert(text),
        Msg::Do(Action::DeleteChar) => {
            input.delete_back();
            false
        }
        Msg::Do(Action::DeleteWord) => {
            input.delete_word();
            false
        }
        Msg::Do(Action::NewLine) if input.is_multiline() => input.insert("\n"),
        Msg::Do(Action::ClearInput) => {
            input.clear();
            false
        }
        Msg::Do(action) => {
            match action {
                Action::MoveCursorLeft => input.left(),
                Action::MoveCursorRight => input.right(),
                Action::MoveCursorHome => input.home(),
                Action::MoveCursorEnd => input.end(),
                _ => return None,
            }
            return Some(Edited::Moved);
        }
        _ => return None,
    };
    Some(Edited::Changed { cut })
}
