//! What a search returns: hits, by document and field, best first.

/// Where to search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    All,
    /// One document, by index in the corpus.
    Doc(usize),
}

/// A field of a document. Fields order as `show` prints them: the title,
/// the paragraphs, then the people, which is the order for stepping from one
/// match to the next in a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Title,
    /// A paragraph, by index from 0.
    Paragraph(usize),
    /// A person, by index in the document's `people`.
    Person(usize),
}

/// One matching field, by document index in the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub doc: usize,
    pub field: Field,
    /// Higher is better; comparable within one result only.
    pub score: i64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchResult {
    /// Best first.
    pub hits: Vec<Hit>,
    /// The query was cut (see `Query::truncated`).
    pub truncated: bool,
}
