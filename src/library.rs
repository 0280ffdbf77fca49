//! The corpus and the indexes built from it once at start, shared read-only
//! by `update` and `view`.

use crate::bookmarks::Locator;
use crate::corpus::Corpus;
use crate::people::PeopleIndex;
use crate::search::SearchIndex;

pub struct Library {
    pub corpus: Corpus,
    pub people: PeopleIndex,
    pub search: SearchIndex,
    /// Finds bookmarked passages again.
    pub locator: Locator,
}

impl Library {
    pub fn new(corpus: Corpus) -> Library {
        let people = PeopleIndex::new(&corpus);
        // The People pane reads passages without the corpus at hand.
        people.find_passages(&corpus);
        let search = SearchIndex::build(&corpus);
        let locator = Locator::new(&corpus);
        Library {
            corpus,
            people,
            search,
            locator,
        }
    }
}
