//! The bookmarks pane's listing: newest first, or best match first under a
//! filter.

use crate::bookmarks::{Bookmark, Place, shown};
use crate::library::Library;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// Indices into `bookmarks` of those listed: newest first; with a filter,
/// those whose title, quote or note match it fuzzily, best first. `places`
/// are the bookmarks' places, in the same order.
pub fn listed(
    library: &Library,
    bookmarks: &[Bookmark],
    places: &[Place],
    filter: &str,
) -> Vec<usize> {
    let mut newest: Vec<usize> = (0..bookmarks.len()).collect();
    // Times are to the second; of two made in one second, the one added
    // later is the newer.
    newest.sort_by(|&a, &b| (&bookmarks[b].created, b).cmp(&(&bookmarks[a].created, a)));
    let filter = filter.trim();
    if filter.is_empty() {
        return newest;
    }
    let matcher = SkimMatcherV2::default().smart_case();
    let mut scored: Vec<(i64, usize)> = newest
        .into_iter()
        .filter_map(|i| {
            let b = &bookmarks[i];
            let title = title(library, b, places.get(i).copied());
            [title.as_str(), &b.quote, &b.note]
                .iter()
                .filter_map(|text| matcher.fuzzy_match(text, filter))
                .max()
                .map(|score| (score, i))
        })
        .collect();
    scored.sort_by_key(|&(score, _)| std::cmp::Reverse(score));
    scored.into_iter().map(|(_, i)| i).collect()
}

/// The document's title, or its id when it is gone.
pub fn title(library: &Library, bookmark: &Bookmark, place: Option<Place>) -> String {
    match place.and_then(Place::doc) {
        Some(d) => library.corpus.documents[d].shown_title(),
        None => shown(&bookmark.doc),
    }
}
