//! The corpus: the bundled documents plus the user's own, loaded, cleaned,
//! validated and linked to entities once, then shared read-only.

pub mod cache;
mod entities;
mod hygiene;
mod load;
mod mapped;
mod model;
mod near_duplicates;
mod order;
mod problem;
mod schema;
mod source;
mod text;
mod user_entities;

#[cfg(test)]
pub(crate) use entities::words;
pub(crate) use entities::{
    AND, AND_WORD, Shape, compared, fold, is_initial, joins_initial, name_words, shape,
    without_parentheses,
};
pub use entities::{Entities, Entity, name_key, slug, within_typos};
pub use hygiene::{clean, clean_line, is_forbidden};
pub use load::{ENTITIES_FILE, id_problem};
pub use mapped::{Bytes, Map};
pub use model::{DocKind, Document, EntityId, PartialDate, Person, PersonKind, Role};
pub use near_duplicates::{
    LISTED_PER_ENTITY, Likeness, LookAlikes, NearDuplicate, look_alikes, near_duplicates,
};
pub use order::ListOrder;
pub use problem::{Lines, Problem, Problems};
pub use source::{SourceFile, from_toml, unplaced};
pub use text::Text;

use rayon::prelude::*;
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::PathBuf;

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
    pub const ENTITIES: &str = include_str!("../../data/entities.toml");
}

/// Name under which the bundled files are shown in messages.
const BUNDLED_PREFIX: &str = "bundled:";

#[derive(Debug, Clone)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub entities: Entities,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntitiesFile {
    #[serde(default)]
    entity: Vec<Entity>,
}

impl Corpus {
    /// The bundled corpus, then every corpus directory or file in order.
    pub fn load(paths: &[PathBuf]) -> Result<Corpus, Problems> {
        Corpus::load_with(paths, None)
    }

    /// As [`Corpus::load`], with one more file after the others: a draft
    /// that `import` checks as the reader would load it.
    pub fn load_with(paths: &[PathBuf], extra: Option<SourceFile>) -> Result<Corpus, Problems> {
        match Corpus::load_all_with(paths, extra) {
            (corpus, Problems(p)) if p.is_empty() => Ok(corpus),
            (_, problems) => Err(problems),
        }
    }

    /// Every document that loads, and what kept the others out: a file
    /// with a problem brings none of its documents, a duplicate id only
    /// its first, and a broken entities file none of its entries. The
    /// reader opens on this; the commands refuse any problem.
    pub fn load_all(paths: &[PathBuf]) -> (Corpus, Problems) {
        Corpus::load_all_with(paths, None)
    }

    fn load_all_with(paths: &[PathBuf], extra: Option<SourceFile>) -> (Corpus, Problems) {
        // (file, whether its text is kept once parsed)
        let mut files: Vec<(SourceFile, bool)> =
            bundled_files().into_iter().map(|f| (f, true)).collect();
        let mut problems = Vec::new();
        // Users' entities files, in the order of their corpora.
        let mut users = Vec::new();
        // The same directory named twice (config and --corpus) is read once.
        let mut seen = Vec::new();
        for path in paths {
            let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            if seen.contains(&canonical) {
                continue;
            }
            seen.push(canonical);
            match load::read_path(path) {
                // A user's files are read again from disk in the rare case
                // that a message needs their text.
                Ok(found) => files.extend(found.into_iter().map(|f| (f, false))),
                Err(p) => problems.push(p),
            }
            match load::read_entities(path) {
                Some(Ok(found)) => users.push(found),
                Some(Err(p)) => problems.push(p),
                None => {}
            }
        }
        files.extend(extra.map(|f| (f, true)));
        let entities = SourceFile {
            name: format!("{BUNDLED_PREFIX}data/entities.toml"),
            text: bundled::ENTITIES.to_string(),
        };
        // Each file's text goes once it is parsed, so that a large corpus
        // is not held twice, raw and parsed, while it loads.
        let (kept, parsed): (Vec<Kept>, Vec<_>) = files
            .into_par_iter()
            .map(|(file, keep)| {
                let docs = load::parse(&file);
                let kept = match keep {
                    true => Kept::Text(file),
                    false => Kept::Path(file.name),
                };
                (kept, docs)
            })
            .unzip();
        let text_of = |f: usize| match &kept[f] {
            Kept::Text(file) => Cow::Borrowed(file),
            // Changed or gone since: the message names the file alone.
            Kept::Path(name) => Cow::Owned(
                load::read_file(std::path::Path::new(name))
                    .unwrap_or_else(|_| SourceFile::new(name.clone(), String::new())),
            ),
        };
        crate::memory::give_back();
        let (corpus, more) = Corpus::assemble(&entities, &users, parsed, text_of);
        problems.extend(more);
        (corpus, Problems(problems))
    }

    /// Builds a corpus from an entities file and document files, reporting
    /// every problem in every file.
    pub fn from_files(entities: &SourceFile, files: &[SourceFile]) -> Result<Corpus, Problems> {
        // Files parse on all cores; they are then taken in order, so the
        // corpus is the same whatever the number of threads.
        let parsed: Vec<_> = files.par_iter().map(load::parse).collect();
        match Corpus::assemble(entities, &[], parsed, |f| Cow::Borrowed(&files[f])) {
            (corpus, problems) if problems.is_empty() => Ok(corpus),
            (_, problems) => Err(Problems(problems)),
        }
    }

    /// The corpus of files parsed (`parsed`, in order), with users'
    /// entities files merged into the first (see data/README.md), and every
    /// problem found on the way; `text_of` gives a file's text again by
    /// index when a duplicate id is located.
    fn assemble<'a>(
        entities: &SourceFile,
        users: &[SourceFile],
        parsed: Vec<Result<Vec<Document>, Vec<Problem>>>,
        text_of: impl Fn(usize) -> Cow<'a, SourceFile>,
    ) -> (Corpus, Vec<Problem>) {
        let mut problems = Vec::new();
        let mut entities = parse_entities(entities).unwrap_or_else(|p| {
            problems.push(p);
            Entities::default()
        });
        problems.extend(user_entities::merge(&mut entities, users));
        let mut documents: Vec<Document> = Vec::new();
        // Where each id was first seen: (file, index in file). Positions are
        // worked out only for the error message, since that parses again.
        let mut first_seen: HashMap<String, (usize, usize)> = HashMap::new();
        // Each file's text, read again once however many duplicates it holds.
        let mut texts: HashMap<usize, Cow<'a, SourceFile>> = HashMap::new();
        for (f, docs) in parsed.into_iter().enumerate() {
            let docs = match docs {
                Ok(docs) => docs,
                Err(found) => {
                    problems.extend(found);
                    continue;
                }
            };
            for (index, doc) in docs.into_iter().enumerate() {
                if let Some(&(other_file, other_index)) = first_seen.get(&doc.id) {
                    for g in [other_file, f] {
                        texts.entry(g).or_insert_with(|| text_of(g));
                    }
                    let message = format!(
                        "duplicate id \"{}\": already used at {}",
                        doc.id,
                        load::id_location(&texts[&other_file], other_index)
                    );
                    let file = &texts[&f];
                    problems.push(load::locate_id(
                        file,
                        index,
                        Problem::new(&file.name, message),
                    ));
                    continue;
                }
                first_seen.insert(doc.id.clone(), (f, index));
                documents.push(doc);
            }
        }
        for doc in &mut documents {
            for person in &mut doc.people {
                person.entity = entities.resolve(person.kind, &person.name);
            }
        }
        let corpus = Corpus {
            documents,
            entities,
        };
        (corpus, problems)
    }

    pub fn get(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }

    /// Indices of the documents, newest first by their date or the one
    /// their text implies; undated ones last; then by title, then in the
    /// corpus's order. The keys are made once and sorted on all cores: at
    /// fifty thousand documents, comparing the documents themselves took
    /// 20 ms of the first frame.
    pub fn newest_first(&self) -> Vec<usize> {
        let mut keys: Vec<_> = (self.documents.iter().enumerate())
            // Reversed, None (undated) comes after every date.
            .map(|(d, doc)| (std::cmp::Reverse(doc.sort_date()), doc.title.as_str(), d))
            .collect();
        keys.par_sort_unstable();
        keys.into_iter().map(|(.., d)| d).collect()
    }

    /// Up to `n` ids that look most like `query`, best first: ids that
    /// contain it, then by similarity.
    pub fn closest_ids(&self, query: &str, n: usize) -> Vec<&str> {
        let ids = self
            .documents
            .iter()
            .map(|d| (d.id.as_str(), d.id.as_str()));
        crate::suggest::closest(query, ids, n)
    }

    /// The entity of a person entry.
    pub fn entity_of(&self, person: &Person) -> &Entity {
        self.entities.get(person.entity)
    }
}

/// Every file a load of `paths` reads, bundled ones aside, in its order;
/// None where a path cannot be listed.
fn source_files(paths: &[PathBuf]) -> Option<Vec<PathBuf>> {
    let mut seen = Vec::new();
    let mut files = Vec::new();
    for path in paths {
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        if seen.contains(&canonical) {
            continue;
        }
        seen.push(canonical);
        files.extend(load::list_path(path, false).ok()?);
        files.extend(load::entities_path(path));
    }
    Some(files)
}

/// What is kept of a file once parsed: its text, or where to read it.
enum Kept {
    Text(SourceFile),
    Path(String),
}

/// The raw capture of data/sources/ a bundled document names in `source`.
pub fn bundled_capture(name: &str) -> Option<&'static str> {
    bundled::BUNDLED_CAPTURES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

fn bundled_files() -> Vec<SourceFile> {
    bundled::BUNDLED_CORPUS
        .iter()
        .map(|(name, text)| SourceFile {
            name: format!("{BUNDLED_PREFIX}{name}"),
            text: (*text).to_string(),
        })
        .collect()
}

fn parse_entities(file: &SourceFile) -> Result<Entities, Problem> {
    let parsed: EntitiesFile = from_toml(file)?;
    let list = parsed
        .entity
        .into_iter()
        .map(|mut e| {
            e.name = clean_line(&e.name);
            e.aliases.iter_mut().for_each(|a| *a = clean_line(a));
            e.acronyms.iter_mut().for_each(|a| *a = clean_line(a));
            e
        })
        .collect();
    Entities::new(list).map_err(|m| Problem::new(&file.name, m))
}
