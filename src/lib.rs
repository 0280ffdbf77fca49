//! nkread: a terminal reader for a corpus of human-rights advocacy documents
//! on North Korea. The binary is a thin shell over this library so that
//! tests reach every module.

pub mod bookmarks;
pub mod cite;
pub mod cli;
pub mod config;
pub mod corpus;
pub mod import;
pub mod library;
pub mod people;
pub mod search;
pub mod suggest;
pub mod tui;
