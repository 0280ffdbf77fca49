//! Names that look alike but resolved to different entities: a typo, a
//! missing alias, or two bodies that really are different. `nkread check`
//! reports them so that a curator can add an alias to data/entities.toml or
//! record the pair there as `distinct_from`.

use super::entities::{name_key, name_words, within_typos, without_parentheses};
use super::{Corpus, EntityId};
use std::collections::HashSet;
use std::fmt;

/// Two entities with look-alike names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NearDuplicate {
    pub entities: [EntityId; 2],
    /// The look-alike names, as written, in the order of `entities`.
    pub names: [String; 2],
    pub likeness: Likeness,
}

/// How two names look alike. The rules are deliberately loose: a warning
/// costs a curator a look, a missed merge costs a reader an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Likeness {
    /// The same name, once a person and once an organization.
    OtherKind,
    /// A typo or two apart (see [`within_typos`]).
    Typo,
    /// One name begins the other ("No Fence" / "No Fence Japan"); the
    /// shorter has at least 4 letters, so that "UN" does not begin "UNICEF".
    Prefix,
    /// Three or more words, all alike but one ("Committee for Human Rights
    /// in North Korea" / "Council for …").
    OneWordApart,
}

impl fmt::Display for Likeness {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Likeness::OtherKind => "the same name for a person and an organization",
            Likeness::Typo => "a typo apart",
            Likeness::Prefix => "one name begins the other",
            Likeness::OneWordApart => "one word apart",
        })
    }
}

/// A name of an entity, with what the comparisons need.
struct Name<'c> {
    written: &'c str,
    key: String,
    words: Vec<String>,
}

/// Every pair of entities with look-alike names, except those recorded as
/// `distinct_from` each other; ordered by entity. Names are an entity's
/// canonical name, its aliases and every name a document uses for it.
/// Quadratic in the number of entities, which is fine for the hundreds a
/// curated corpus has.
pub fn near_duplicates(corpus: &Corpus) -> Vec<NearDuplicate> {
    let all = corpus.entities.all();
    let mut names: Vec<Vec<Name>> = all
        .iter()
        .map(|e| e.names().collect())
        .map(names_of)
        .collect();
    for doc in &corpus.documents {
        for person in &doc.people {
            names[person.entity].extend(names_of(vec![person.name.as_str()]));
        }
    }
    for list in &mut names {
        let mut seen = HashSet::new();
        list.retain(|n| seen.insert(n.key.clone()));
    }
    let mut found = Vec::new();
    for a in 0..all.len() {
        for b in a + 1..all.len() {
            if corpus.entities.distinct(a, b) {
                continue;
            }
            let same_kind = all[a].kind == all[b].kind;
            let mut pairs = names[a]
                .iter()
                .flat_map(|x| names[b].iter().map(move |y| (x, y)));
            if let Some((x, y, likeness)) =
                pairs.find_map(|(x, y)| likeness(x, y, same_kind).map(|l| (x, y, l)))
            {
                found.push(NearDuplicate {
                    entities: [a, b],
                    names: [x.written.to_string(), y.written.to_string()],
                    likeness,
                });
            }
        }
    }
    found
}

fn names_of(written: Vec<&str>) -> Vec<Name<'_>> {
    written
        .into_iter()
        .map(without_parentheses)
        .map(|written| Name {
            written,
            key: name_key(written),
            words: name_words(written).into_iter().map(|w| w.folded).collect(),
        })
        .filter(|n| !n.key.is_empty())
        .collect()
}

fn likeness(a: &Name, b: &Name, same_kind: bool) -> Option<Likeness> {
    if a.key == b.key {
        // Entities of one kind never share a key: it would have merged them.
        return (!same_kind).then_some(Likeness::OtherKind);
    }
    if !same_kind {
        return None;
    }
    let (short, long) = if a.key.len() <= b.key.len() {
        (&a.key, &b.key)
    } else {
        (&b.key, &a.key)
    };
    if within_typos(&a.key, &b.key) {
        Some(Likeness::Typo)
    } else if short.chars().count() >= 4 && long.starts_with(short.as_str()) {
        Some(Likeness::Prefix)
    } else if a.words.len() >= 3
        && a.words.len() == b.words.len()
        && a.words.iter().zip(&b.words).filter(|(x, y)| x != y).count() == 1
    {
        Some(Likeness::OneWordApart)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::SourceFile;

    fn corpus(entities: &str, people: &[(&str, &str)]) -> Corpus {
        let mut doc =
            String::from("id = \"d\"\ntitle = \"T\"\nkind = \"statement\"\nparagraphs = [\"x\"]\n");
        for (name, kind) in people {
            doc.push_str(&format!(
                "[[people]]\nname = \"{name}\"\nkind = \"{kind}\"\nrole = \"signatory\"\n"
            ));
        }
        let file = |name: &str, text: String| SourceFile {
            name: name.into(),
            text,
        };
        Corpus::from_files(&file("e.toml", entities.into()), &[file("d.toml", doc)])
            .expect("the test corpus loads")
    }

    fn found(corpus: &Corpus) -> Vec<(String, String, Likeness)> {
        near_duplicates(corpus)
            .into_iter()
            .map(|d| {
                let [a, b] = d.names;
                (a, b, d.likeness)
            })
            .collect()
    }

    #[test]
    fn look_alike_names_of_different_entities_are_found() {
        let corpus = corpus(
            "",
            &[
                ("Human Rights Watch", "organization"),
                ("Human Rigths Watch", "organization"),
                ("No Fence", "organization"),
                ("No Fence Japan", "organization"),
                ("Committee for Human Rights in North Korea", "organization"),
                ("Council for Human Rights in North Korea", "organization"),
                ("Freedom House", "organization"),
                ("Freedom House (USA)", "person"),
            ],
        );
        let org = |a: &str, b: &str, l| (a.to_string(), b.to_string(), l);
        assert_eq!(
            found(&corpus),
            [
                org("Human Rights Watch", "Human Rigths Watch", Likeness::Typo),
                org("No Fence", "No Fence Japan", Likeness::Prefix),
                org(
                    "Committee for Human Rights in North Korea",
                    "Council for Human Rights in North Korea",
                    Likeness::OneWordApart
                ),
                org("Freedom House", "Freedom House", Likeness::OtherKind),
            ]
        );
    }

    #[test]
    fn different_names_and_recorded_distinct_pairs_are_not_reported() {
        let entities = "\
[[entity]]
id = \"committee\"
name = \"Committee for Human Rights in North Korea\"
kind = \"organization\"
distinct_from = [\"council\"]

[[entity]]
id = \"council\"
name = \"Council for Human Rights in North Korea\"
kind = \"organization\"
";
        let corpus = corpus(
            entities,
            &[
                ("Committee for Human Rights in North Korea", "organization"),
                ("Council for Human Rights in North Korea", "organization"),
                ("Kim Kyu Li", "person"),
                ("Kim Hyuk", "person"),
                ("UN", "organization"),
                ("UNICEF", "organization"),
                ("No Chain", "organization"),
                ("No Fence", "organization"),
                ("Human Rights Watch", "person"),
                ("Human Rights Watch Asia", "organization"),
            ],
        );
        assert_eq!(found(&corpus), []);
    }

    #[test]
    fn the_variants_of_one_entity_are_not_near_duplicates_of_each_other() {
        let corpus = corpus(
            "",
            &[
                ("HanVoice", "organization"),
                ("Han Voice (Canada)", "organization"),
                ("The Society to Help Returnees", "organization"),
                ("Society to Help Returnees", "organization"),
            ],
        );
        assert_eq!(found(&corpus), []);
    }
}
