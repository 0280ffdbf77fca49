//! nkread: a terminal reader for a corpus of human-rights advocacy documents
//! on North Korea. The binary is a thin shell over [`cli::run`]; the library
//! is what the binary and the tests need.
//!
//! The domain, which knows nothing of terminals or command lines:
//! - [`corpus`]: documents, loading and validation, text hygiene, entities;
//! - [`search`]: the index, the query language and ranking;
//! - [`people`]: who appears in which documents, with which role;
//! - [`bookmarks`]: the durable store of kept passages;
//! - [`cite`]: authors, dates and formats of a citation;
//! - [`library`]: the corpus with its indexes, shared read-only.
//!
//! Three ways in, above it: [`config`] (the file, read and checked),
//! [`cli`] (the scripting commands) and [`tui`] (the full-screen reader).

// Untrusted files must never crash nkread: errors are returned, not unwrapped.
#![deny(clippy::unwrap_used, clippy::expect_used)]

pub mod bookmarks;
pub mod cite;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod import;
pub mod library;
mod memory;
pub mod people;
pub mod search;
mod suggest;
pub mod tui;
