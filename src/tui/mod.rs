//! The full-screen reader: the loop and terminal, actions, the key map,
//! state, update, layout and the views.

pub mod app;
pub mod input;
mod kept;
pub mod keymap;
pub mod layout;
pub mod msg;
mod signals;
pub mod state;
mod terminal;
pub mod theme;
pub mod update;
pub mod view;
