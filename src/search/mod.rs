//! Fuzzy search over the corpus: titles, people and paragraphs.
//!
//! The reader and the `search` command use four calls:
//!
//! ```text
//! let index = SearchIndex::build(&corpus);            // once; may run off-thread
//! let query = Query::parse("secrty councl", &corpus)?; // per keystroke; Err for a bad filter
//! let result = index.search(&query, Scope::All, 50);   // ranked hits, best first
//! let marks = index.indices(&result.hits[0], &query, &corpus); // for the rows shown
//! ```
//!
//! `field_text` gives a hit's text, and `snippet` a line of it around the
//! match. Everything here is a pure function of
//! its arguments: no I/O, no threads, no clock.

mod aside;
mod fx;
mod highlight;
mod hit;
mod index;
mod looked;
mod matching;
mod miss;
mod packed;
mod pairs;
mod query;
mod rank;
mod remembered;
mod snippet;
mod spare;
mod stored;
mod tally;
mod text;
mod tokens;

pub use highlight::{Marks, field_text};
pub use hit::{Field, Hit, Scope, SearchResult};
pub use index::SearchIndex;
pub use miss::Miss;
pub use query::{MAX_QUERY_CHARS, MAX_TERMS, Query, QueryError};
pub use snippet::snippet;
pub use stored::Corrupt;
pub use text::{fold, words};
pub use tokens::Tokens;

#[cfg(test)]
mod tests;
