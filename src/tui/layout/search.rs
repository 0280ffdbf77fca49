//! Running the search overlay's query, and finding the last query's matches
//! in one document: the one place both the update and the views ask.

use crate::library::Library;
use crate::search::{Field, Hit, MAX_QUERY_CHARS, MAX_TERMS, Query, Scope, SearchIndex};
use crate::tui::msg::{Ask, Found};

/// Hits kept per query once counted: many screens' worth.
pub const LIMIT: usize = 200;

/// How many hits a query on a screen of `rows` rows asks for at once: a
/// screen's worth and a page more, so that the first page down needs no
/// more. Fewer are ranked sooner: the hits then come within a frame.
pub fn first_hits(rows: u16) -> usize {
    (usize::from(rows) * 2).clamp(16, LIMIT)
}

/// The first answer to a query typed in the overlay, over all documents or
/// one: its best `ask.first` hits, and what to say about it (an unknown
/// filter, or a query cut short); when it finds nothing, why, and its
/// partial matches as hits. Its total is None where there may be more
/// hits than it brings: [`counted`] then counts them.
pub fn answer(library: &Library, ask: &Ask) -> Found {
    let first = ask.first.clamp(1, LIMIT);
    respond(library, ask, |index, query, scope| {
        let hits = index.search(query, scope, first).hits;
        let total = (hits.len() < first).then_some(hits.len());
        Some((hits, total))
    })
    .unwrap_or_else(|| Found::to(ask))
}

/// The second answer to a query whose first had no total: its best
/// [`LIMIT`] hits and how many fields it matches, which reads every match.
/// None once `stop` says a later query overtook it.
pub fn counted(library: &Library, ask: &Ask, stop: &dyn Fn() -> bool) -> Option<Found> {
    respond(library, ask, |index, query, scope| {
        let (result, total) = index.search_counted(query, scope, LIMIT, stop)?;
        Some((result.hits, Some(total)))
    })
}

/// The whole answer at once, counted: where nothing waits for it.
pub fn whole(library: &Library, ask: &Ask) -> Found {
    let found = answer(library, ask);
    match found.total {
        Some(_) => found,
        None => counted(library, ask, &|| false).unwrap_or(found),
    }
}

/// A query's answer, its hits and total from `rank`.
fn respond(
    library: &Library,
    ask: &Ask,
    rank: impl FnOnce(&SearchIndex, &Query, Scope) -> Option<(Vec<Hit>, Option<usize>)>,
) -> Option<Found> {
    let mut found = Found::to(ask);
    match Query::parse(&ask.text, &library.corpus) {
        Err(e) => found.problem = Some(e.to_string()),
        // A query that parses waits for the index; an error is said at once.
        Ok(query) => {
            if let Some(index) = library.search() {
                let scope = ask.doc.map_or(Scope::All, Scope::Doc);
                (found.hits, found.total) = rank(index, &query, scope)?;
                if found.hits.is_empty() {
                    found.miss = index.explain(&query, scope, LIMIT);
                    found.hits = found
                        .miss
                        .as_ref()
                        .map_or_else(Vec::new, |m| m.hits().to_vec());
                    found.total = Some(0);
                }
                found.problem = query.truncated().then(|| {
                    format!(
                        "the query was cut to its first {MAX_QUERY_CHARS} characters or {MAX_TERMS} terms"
                    )
                });
            }
        }
    }
    Some(found)
}

/// The paragraphs of document `doc` that `text` matches, in order, each
/// with the characters matched: what n and N step through and what the
/// reader marks; none before the index arrives.
pub fn matches_in(library: &Library, text: &str, doc: usize) -> Vec<(usize, Hit)> {
    let (Some(index), Ok(query)) = (library.search(), Query::parse(text, &library.corpus)) else {
        return Vec::new();
    };
    paragraph_hits(index, &query, doc)
}

/// The hits of `query` in the paragraphs of `doc`, one a paragraph, in order.
fn paragraph_hits(index: &SearchIndex, query: &Query, doc: usize) -> Vec<(usize, Hit)> {
    let mut paragraphs: Vec<(usize, Hit)> = index
        .search(query, Scope::Doc(doc), usize::MAX)
        .hits
        .into_iter()
        .filter_map(|h| match h.field {
            Field::Paragraph(p) => Some((p, h)),
            _ => None,
        })
        .collect();
    paragraphs.sort_by_key(|&(p, _)| p);
    paragraphs.dedup_by_key(|&mut (p, _)| p);
    paragraphs
}

/// The characters of paragraph `paragraph` of `doc` that `text` matches.
pub fn marks(library: &Library, text: &str, doc: usize, paragraph: usize) -> Vec<usize> {
    let (Some(index), Ok(query)) = (library.search(), Query::parse(text, &library.corpus)) else {
        return Vec::new();
    };
    paragraph_hits(index, &query, doc)
        .into_iter()
        .find(|&(p, _)| p == paragraph)
        .map(|(_, hit)| index.indices(&hit, &query, &library.corpus))
        .unwrap_or_default()
}
