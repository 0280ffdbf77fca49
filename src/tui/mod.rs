//! The full-screen reader. One way runs through it:
//! a terminal event → the key map ([`keymap`]) → a message ([`msg`]) →
//! [`update`], pure, which changes the [`state`] and returns effects → the
//! loop (`app`, the only code that does I/O) carries them out → [`view`],
//! pure, draws the state. [`layout`] holds what update and view both need
//! (geometry, wrapped text, filtered lists), so neither uses the other.
//!
//! The linear mode ([`linear`]) drives the same state and update, and
//! tells the state in lines instead of drawing it.
//!
//! Public for the tests, which drive update with keys and render views
//! into buffers; the loop, the terminal, signals and persistence are not.

pub(crate) mod app;
mod capture;
mod copies;
mod event;
mod glimpse;
mod held;
pub mod input;
mod kept;
pub mod keymap;
pub mod layout;
pub mod linear;
pub mod msg;
mod paste;
mod preview;
#[cfg(test)]
mod preview_tests;
mod searcher;
mod signals;
pub mod state;
mod terminal;
pub mod theme;
pub mod update;
pub mod view;
