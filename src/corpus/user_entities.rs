//! A user's own entities: an `entities.toml` in a corpus directory, in the
//! schema of data/entities.toml, merged with it. An entry whose id is known
//! adds aliases, acronyms and `distinct_from` to that entity; any other
//! entry is a new entity. Renaming or retyping a known entity is refused,
//! as is a name that resolves to another entity: either would change what
//! the bundled documents mean.

use super::entities::{Entities, Entity, name_key};
use super::hygiene::clean_line;
use super::load::{self, Step};
use super::model::PersonKind;
use super::problem::Problem;
use super::source::{SourceFile, from_toml};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    entity: Vec<Entry>,
}

/// An entity as data/entities.toml writes it, with `name` and `kind`
/// optional for an entity already known (they may be given, unchanged).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    id: String,
    name: Option<String>,
    kind: Option<PersonKind>,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    acronyms: Vec<String>,
    #[serde(default)]
    distinct_from: Vec<String>,
}

/// Where in an entry a problem is: a field, and an index in it.
type At = (&'static str, Option<usize>);

/// An entity's id and the ids its entry says it is distinct from.
type Added = Option<(String, Vec<String>)>;

/// Merges the files into `entities`, in order, so that a later file may
/// add to an entity an earlier one made. Every problem of every file is
/// returned, each with its file, line and field.
pub fn merge(entities: &mut Entities, files: &[SourceFile]) -> Vec<Problem> {
    let mut problems = Vec::new();
    // distinct_from may name an entity a later entry makes: checked last.
    let mut pending = Vec::new();
    for file in files {
        let parsed: File = match from_toml(file) {
            Ok(parsed) => parsed,
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        for (i, entry) in parsed.entity.into_iter().enumerate() {
            let (found, added) = merge_entry(entities, entry);
            problems.extend(found.into_iter().map(|(at, m)| locate(file, i, at, m)));
            if let Some((id, others)) = added {
                pending.push((file, i, id, others));
            }
        }
    }
    for (file, i, id, others) in pending {
        for (k, other) in others.iter().enumerate() {
            if *other == id || entities.index_of(other).is_none() {
                let message = format!(
                    "entity \"{id}\": distinct_from names \"{other}\", which is not another entity"
                );
                problems.push(locate(file, i, ("distinct_from", Some(k)), message));
            }
        }
    }
    problems
}

/// Points `message` at field `at` of entry `i` of `file`.
fn locate(file: &SourceFile, i: usize, (field, k): At, message: String) -> Problem {
    let mut path = vec![Step::Key("entity"), Step::Index(i), Step::Key(field)];
    path.extend(k.map(Step::Index));
    load::locate(file, &path, Problem::new(&file.name, message))
}

/// Adds one entry: what is wrong with it, and, once its entity is in, its
/// id and the `distinct_from` ids still to check.
fn merge_entry(entities: &mut Entities, entry: Entry) -> (Vec<(At, String)>, Added) {
    let id = entry.id.trim_matches(' ').to_string();
    if let Some(problem) = load::id_problem(&id) {
        return (vec![(("id", None), problem)], None);
    }
    let name = entry.name.as_deref().map(clean_line);
    let aliases: Vec<String> = entry.aliases.iter().map(|a| clean_line(a)).collect();
    let mut problems = Vec::new();
    for (at, n) in name.iter().map(|n| (("name", None), n)).chain(
        aliases
            .iter()
            .enumerate()
            .map(|(k, a)| (("aliases", Some(k)), a)),
    ) {
        if name_key(n).is_empty() {
            problems.push((
                at,
                format!("\"{n}\" is not a name: it has no letter or digit"),
            ));
        }
    }
    if !problems.is_empty() {
        return (problems, None);
    }
    let index = match entities.index_of(&id) {
        Some(index) => {
            let known = entities.get(index);
            if let Some(name) = &name
                && name_key(name) != name_key(&known.name)
            {
                problems.push((("name", None), format!(
                    "entity \"{id}\" is \"{}\": a user's file may add aliases, acronyms and distinct_from to a known entity, not rename it (give the name as an alias)",
                    known.name
                )));
            }
            if let Some(kind) = entry.kind
                && kind != known.kind
            {
                problems.push((("kind", None), format!(
                    "entity \"{id}\" is of kind {}: a user's file may not change the kind of a known entity",
                    known.kind
                )));
            }
            index
        }
        None => {
            let (Some(name), Some(kind)) = (&name, entry.kind) else {
                let missing = if name.is_none() { "name" } else { "kind" };
                let message = format!(
                    "\"{id}\" is no known entity, so this entry makes one: it needs `{missing}`"
                );
                return (vec![(("id", None), message)], None);
            };
            let entity = Entity {
                id: id.clone(),
                name: name.clone(),
                kind,
                aliases: Vec::new(),
                acronyms: Vec::new(),
                distinct_from: Vec::new(),
                curated: true,
            };
            let index = entities.all().len();
            if let Err(m) = entities.insert(entity) {
                let hint = "; an entry with that entity's id adds to it";
                problems.push((("name", None), format!("{m}{hint}")));
            }
            index
        }
    };
    for (k, alias) in aliases.into_iter().enumerate() {
        match entities.claim(index, &alias) {
            Ok(()) if !entities.get(index).names().any(|n| n == alias) => {
                entities.get_mut(index).aliases.push(alias);
            }
            Ok(()) => {}
            Err(m) => problems.push((("aliases", Some(k)), m)),
        }
    }
    let entity = entities.get_mut(index);
    for acronym in entry.acronyms.iter().map(|a| clean_line(a)) {
        if !acronym.is_empty() && !entity.acronyms.contains(&acronym) {
            entity.acronyms.push(acronym);
        }
    }
    for other in &entry.distinct_from {
        if !entity.distinct_from.contains(other) {
            entity.distinct_from.push(other.clone());
        }
    }
    (problems, Some((id, entry.distinct_from)))
}

#[cfg(test)]
mod tests;
