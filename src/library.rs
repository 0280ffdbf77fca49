//! The corpus and the indexes built from it once at start, shared read-only
//! by `update` and `view`.

use crate::corpus::Corpus;
use crate::people::PeopleIndex;

pub struct Library {
    pub corpus: Corpus,
    pub people: PeopleIndex,
}

impl Library {
    pub fn new(corpus: Corpus) -> Library {
        let people = PeopleIndex::new(&corpus);
        Library { corpus, people }
    }
}
