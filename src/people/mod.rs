//! Who stands with whom: a cross-document index of the organizations and
//! people of the corpus. Built once from `&Corpus`, it answers "what else
//! did this organization sign?", "who signed both letters?" and "where is
//! this person quoted?" by document, paragraph and entity indices.
//!
//! An entity *appears* in a document that has a people entry for it (issuer,
//! signatory, member, quoted, mentioned); its *passages* are the paragraphs
//! whose text names it (see `mentions` for the rule), which may also lie in
//! documents it has no people entry in.

pub mod coalition;
mod mentions;
pub mod name_filter;

use crate::corpus::{
    Corpus, EntityId, Person, Role, name_key, name_words, within_typos, without_parentheses,
};
use crate::search::Tokens;
use std::sync::OnceLock;

/// The index. Documents are indices into `corpus.documents`, entities
/// indices into `corpus.entities`.
#[derive(Debug, Clone)]
pub struct PeopleIndex {
    /// For each entity, the documents it appears in, newest first.
    appearances: Vec<Vec<Appearance>>,
    /// For each entity, the paragraphs that name it, newest document first:
    /// found when first asked (`people NAME`) or handed in by the reader's
    /// background thread, since finding them reads every paragraph.
    passages: OnceLock<Vec<Vec<Passage>>>,
    /// For each document, its entities in the order of its people list.
    by_document: Vec<Vec<EntityId>>,
    /// The entities that appear anywhere, by name.
    by_name: Vec<EntityId>,
    /// For each entity, its place in `by_name` (entities that appear nowhere
    /// come last).
    name_rank: Vec<usize>,
}

/// An entity in one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Appearance {
    pub doc: usize,
    /// Its roles there, in the order of [`Role::ALL`], without repeats.
    pub roles: Vec<Role>,
    /// Its people entries there: indices into the document's `people`.
    pub people: Vec<usize>,
}

/// A paragraph that names an entity: a large corpus has millions, so
/// they are kept in eight bytes each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Passage {
    doc: u32,
    paragraph: u32,
}

impl Passage {
    /// The document, by index in the corpus.
    pub fn doc(self) -> usize {
        self.doc as usize
    }

    /// The 0-based index into the document's `paragraphs`.
    pub fn paragraph(self) -> usize {
        self.paragraph as usize
    }
}

/// For each entity, the paragraphs that name it, newest document first,
/// then in reading order: found apart from the index, since finding them
/// reads every paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passages(Vec<Vec<Passage>>);

impl Passages {
    /// Reads every paragraph of `corpus` (on all cores), by its words in
    /// `tokens`, which must be read from `corpus`.
    pub fn find(corpus: &Corpus, tokens: &Tokens) -> Passages {
        Passages(
            mentions::passages(corpus, tokens)
                .into_iter()
                .map(|mut found| {
                    found.sort_by_key(|&(doc, paragraph)| (tokens.rank(doc as usize), paragraph));
                    found
                        .into_iter()
                        .map(|(doc, paragraph)| Passage { doc, paragraph })
                        .collect()
                })
                .collect(),
        )
    }
}

/// What a set of documents has in common, each list by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overlap {
    /// Entities that appear in every one of the documents.
    pub shared: Vec<EntityId>,
    /// For each document, in the order given, the entities that appear in it
    /// and in none of the others.
    pub unique: Vec<Vec<EntityId>>,
}

/// The order of an entity list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum SortBy {
    /// By name, as names compare (case and accents set aside).
    #[default]
    Name,
    /// By the number of documents, most first; then by name.
    Documents,
}

/// The entity a query names, for `nkread people NAME`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    Found(EntityId),
    /// Several entities fit equally well, by name.
    Ambiguous(Vec<EntityId>),
    /// None fits; the closest few, best first.
    NotFound(Vec<EntityId>),
}

impl PeopleIndex {
    pub fn new(corpus: &Corpus) -> Self {
        let entities = corpus.entities.all();
        let newest_first = corpus.newest_first();
        let mut appearances: Vec<Vec<Appearance>> = vec![Vec::new(); entities.len()];
        let mut by_document = vec![Vec::new(); corpus.documents.len()];
        for &d in &newest_first {
            for (i, person) in corpus.documents[d].people.iter().enumerate() {
                let list = &mut appearances[person.entity];
                match list.last_mut() {
                    Some(here) if here.doc == d => {
                        here.people.push(i);
                        if !here.roles.contains(&person.role) {
                            here.roles.push(person.role);
                            here.roles.sort_unstable();
                        }
                    }
                    _ => {
                        list.push(Appearance {
                            doc: d,
                            roles: vec![person.role],
                            people: vec![i],
                        });
                        by_document[d].push(person.entity);
                    }
                }
            }
        }
        let mut by_name: Vec<EntityId> = (0..entities.len())
            .filter(|&e| !appearances[e].is_empty())
            .collect();
        // Words stay apart, so that "Free North Korea Radio" comes before
        // "Freedom House".
        by_name.sort_by_cached_key(|&e| {
            let name = &entities[e].name;
            let words: Vec<String> = name_words(name).into_iter().map(|w| w.folded).collect();
            (words.join(" "), name.clone())
        });
        let mut name_rank = vec![usize::MAX; entities.len()];
        for (r, &e) in by_name.iter().enumerate() {
            name_rank[e] = r;
        }
        PeopleIndex {
            appearances,
            passages: OnceLock::new(),
            by_document,
            by_name,
            name_rank,
        }
    }

    /// How many entities appear in at least one document.
    pub fn count(&self) -> usize {
        self.by_name.len()
    }

    /// The entities that appear in at least one document.
    pub fn entities(&self, by: SortBy) -> Vec<EntityId> {
        let mut list = self.by_name.clone();
        self.sort(&mut list, by);
        list
    }

    /// Puts `entities` in the order `by`.
    pub fn sort(&self, entities: &mut [EntityId], by: SortBy) {
        entities.sort_by_key(|&e| self.name_rank[e]);
        if by == SortBy::Documents {
            // Stable: ties stay by name.
            entities.sort_by_key(|&e| std::cmp::Reverse(self.appearances[e].len()));
        }
    }

    /// The documents `entity` appears in, newest first.
    pub fn appearances(&self, entity: EntityId) -> &[Appearance] {
        &self.appearances[entity]
    }

    /// The paragraphs that name `entity`, newest document first, then in
    /// reading order. The first call finds those of every entity (on all
    /// cores), splitting `corpus` into words as search does; `corpus` must
    /// be the one the index was built from.
    pub fn passages_of(&self, corpus: &Corpus, entity: EntityId) -> &[Passage] {
        let all = self
            .passages
            .get_or_init(|| Passages::find(corpus, &Tokens::read(corpus)).0);
        &all[entity]
    }

    /// Keeps passages found by [`Passages::find`] on the corpus the index
    /// was built from (the reader finds them on another thread). Those
    /// found first stay.
    pub fn keep_passages(&self, found: Passages) {
        let _ = self.passages.set(found.0);
    }

    /// Whether the passages are found yet.
    pub fn has_passages(&self) -> bool {
        self.passages.get().is_some()
    }

    /// The passages of `entity` once [`passages_of`](Self::passages_of)
    /// has found them or they have been kept; none before.
    pub fn passages(&self, entity: EntityId) -> &[Passage] {
        self.passages
            .get()
            .map_or(&[][..], |all| all[entity].as_slice())
    }

    /// The entities of document `doc`, in the order of its people list.
    pub fn entities_in(&self, doc: usize) -> &[EntityId] {
        &self.by_document[doc]
    }

    /// How many documents other than `doc` `entity` appears in: the count a
    /// sidebar shows beside a people entry (`person.entity`).
    pub fn other_documents(&self, doc: usize, entity: EntityId) -> usize {
        self.appearances[entity]
            .iter()
            .filter(|a| a.doc != doc)
            .count()
    }

    /// The entities `docs` share and those unique to each. A document given
    /// twice is one document.
    pub fn overlap(&self, docs: &[usize]) -> Overlap {
        let appears = |e: EntityId, d: usize| self.appearances[e].iter().any(|a| a.doc == d);
        let shared = match docs.first() {
            Some(&first) => self.by_name(
                self.entities_in(first)
                    .iter()
                    .copied()
                    .filter(|&e| docs.iter().all(|&d| appears(e, d))),
            ),
            None => Vec::new(),
        };
        let unique = docs
            .iter()
            .map(|&d| {
                self.by_name(
                    self.entities_in(d)
                        .iter()
                        .copied()
                        .filter(|&e| docs.iter().all(|&o| o == d || !appears(e, o))),
                )
            })
            .collect();
        Overlap { shared, unique }
    }

    fn by_name(&self, entities: impl Iterator<Item = EntityId>) -> Vec<EntityId> {
        let mut list: Vec<EntityId> = entities.collect();
        list.sort_by_key(|&e| self.name_rank[e]);
        list
    }

    /// The entity `query` names, among those that appear: first an exact
    /// id, name, alias, name a document uses or acronym (compared as names
    /// are); then a name with a word that starts the query ("ojea" for
    /// Tomás Ojea-Quintana, but not "kim" for Yuki Akimoto); then a name a
    /// typo or two away ("Human Rigths Watch").
    pub fn lookup(&self, corpus: &Corpus, query: &str) -> Lookup {
        let key = name_key(query);
        if key.is_empty() {
            return Lookup::NotFound(Vec::new());
        }
        let names: Vec<(EntityId, Vec<Vec<String>>)> = self
            .by_name
            .iter()
            .map(|&e| (e, self.name_tails(corpus, e)))
            .collect();
        // How well an entity fits: 0 exactly, 1 from a word, 2 by a typo.
        let grade = |e: EntityId, tails: &[Vec<String>]| {
            if corpus.entities.get(e).id == query.trim()
                || tails.iter().any(|t| t[0] == key)
                || self.acronyms(corpus, e).any(|a| name_key(a) == key)
            {
                Some(0)
            } else if tails.iter().flatten().any(|t| t.starts_with(&key)) {
                Some(1)
            } else if tails.iter().any(|t| within_typos(&t[0], &key)) {
                Some(2)
            } else {
                None
            }
        };
        let graded: Vec<(u8, EntityId)> = names
            .iter()
            .filter_map(|(e, tails)| grade(*e, tails).map(|g| (g, *e)))
            .collect();
        if let Some(best) = graded.iter().map(|&(g, _)| g).min() {
            let fit: Vec<EntityId> = graded
                .iter()
                .filter(|&&(g, _)| g == best)
                .map(|&(_, e)| e)
                .collect();
            return match fit[..] {
                [one] => Lookup::Found(one),
                _ => Lookup::Ambiguous(fit),
            };
        }
        let tails = names
            .iter()
            .flat_map(|(e, tails)| tails.iter().flatten().map(move |t| (*e, t)));
        Lookup::NotFound(crate::suggest::closest(&key, tails, 3))
    }

    /// For each name of an entity (canonical, aliases, those its people
    /// entries use), its key from each word on: "tomasojeaquintana",
    /// "ojeaquintana", "quintana".
    fn name_tails(&self, corpus: &Corpus, e: EntityId) -> Vec<Vec<String>> {
        let entity = corpus.entities.get(e);
        let used = self.entries(corpus, e).map(|p| p.name.as_str());
        let mut names: Vec<Vec<String>> = std::iter::once(entity.name.as_str())
            .chain(entity.aliases.iter().map(String::as_str))
            .chain(used)
            .map(|name| {
                let words: Vec<String> = name_words(without_parentheses(name))
                    .into_iter()
                    .map(|w| w.folded)
                    .collect();
                (0..words.len()).map(|i| words[i..].concat()).collect()
            })
            .filter(|tails: &Vec<String>| !tails.is_empty())
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    /// The acronyms of an entity: its own and those its people entries give.
    fn acronyms<'c>(&self, corpus: &'c Corpus, e: EntityId) -> impl Iterator<Item = &'c str> {
        let own = corpus.entities.get(e).acronyms.iter().map(String::as_str);
        own.chain(self.entries(corpus, e).filter_map(|p| p.acronym.as_deref()))
    }

    /// Every people entry of an entity.
    fn entries<'c>(&self, corpus: &'c Corpus, e: EntityId) -> impl Iterator<Item = &'c Person> {
        self.appearances[e].iter().flat_map(move |a| {
            let doc = &corpus.documents[a.doc];
            a.people.iter().map(move |&i| &doc.people[i])
        })
    }
}

#[cfg(test)]
mod tests;
