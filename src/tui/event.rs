//! A terminal event as the message it means to the reader in a state.

use crate::tui::keymap::Key;
use crate::tui::msg::Msg;
use crate::tui::state::AppState;
use crossterm::event::{Event, KeyEventKind, MouseButton, MouseEventKind};

/// The message `event` means in `state`, if any: a key as the state's
/// layers map it, the wheel and a left click, a resize, and a paste where
/// something types.
pub(super) fn to_msg(state: &AppState, event: Event) -> Option<Msg> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => state.msg_for(Key::from_event(key)),
        Event::Mouse(mouse) => {
            let (column, row) = (mouse.column, mouse.row);
            match mouse.kind {
                MouseEventKind::ScrollDown => Some(Msg::ScrollAt {
                    column,
                    row,
                    down: true,
                }),
                MouseEventKind::ScrollUp => Some(Msg::ScrollAt {
                    column,
                    row,
                    down: false,
                }),
                MouseEventKind::Down(MouseButton::Left) => Some(Msg::ClickAt { column, row }),
                _ => None,
            }
        }
        Event::Resize(columns, rows) => Some(Msg::Resize(columns, rows)),
        Event::Paste(text) if state.layers().first().is_some_and(|l| l.types()) => {
            Some(Msg::Paste(text))
        }
        _ => None,
    }
}
