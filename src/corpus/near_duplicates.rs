//! Names that look alike but resolved to different entities: a typo, a
//! missing alias, or two bodies that really are different. `nkread check`
//! reports them so that a curator can add an alias to data/entities.toml or
//! record the pair there as `distinct_from`.

use super::entities::{name_key, name_words, within_typos, without_parentheses};
use super::{Corpus, EntityId, PersonKind};
use std::collections::HashSet;
use std::fmt;
use std::hash::{DefaultHasher, Hash, Hasher};

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
    /// The same name for entities of two kinds: a person and an
    /// organization, an organization and a state.
    OtherKind([PersonKind; 2]),
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
        // In one order, whichever entity came first: "a person and an organization".
        let a = |kind: PersonKind| match kind {
            PersonKind::Person => (0, "a person"),
            PersonKind::Organization => (1, "an organization"),
            PersonKind::State => (2, "a state"),
        };
        match self {
            Likeness::OtherKind(kinds) => {
                let mut kinds = kinds.map(a);
                kinds.sort_unstable();
                write!(f, "the same name for {} and {}", kinds[0].1, kinds[1].1)
            }
            Likeness::Typo => f.write_str("a typo apart"),
            Likeness::Prefix => f.write_str("one name begins the other"),
            Likeness::OneWordApart => f.write_str("one word apart"),
        }
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
///
/// Pairs are first gathered through indexes ([`candidates`]), so the cost
/// follows the number of names and of look-alikes, not their square; each
/// candidate pair is then judged exactly as all pairs once were.
pub fn near_duplicates(corpus: &Corpus) -> Vec<NearDuplicate> {
    let names = entity_names(corpus);
    let mut pairs: Vec<(EntityId, EntityId)> = candidates(&names).into_iter().collect();
    pairs.sort_unstable();
    pairs
        .into_iter()
        .filter_map(|(a, b)| judge(corpus, &names, a, b))
        .collect()
}

/// For each entity, its distinct names (by key).
fn entity_names(corpus: &Corpus) -> Vec<Vec<Name<'_>>> {
    let mut names: Vec<Vec<Name>> = corpus
        .entities
        .all()
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
    names
}

/// Whether entities `a` < `b` look alike: the first pair of their names
/// that does, in the order of their names.
fn judge(corpus: &Corpus, names: &[Vec<Name>], a: EntityId, b: EntityId) -> Option<NearDuplicate> {
    if corpus.entities.distinct(a, b) {
        return None;
    }
    let all = corpus.entities.all();
    let kinds = [all[a].kind, all[b].kind];
    let mut pairs = names[a]
        .iter()
        .flat_map(|x| names[b].iter().map(move |y| (x, y)));
    let (x, y, likeness) = pairs.find_map(|(x, y)| likeness(x, y, kinds).map(|l| (x, y, l)))?;
    Some(NearDuplicate {
        entities: [a, b],
        names: [x.written.to_string(), y.written.to_string()],
        likeness,
    })
}

/// Parts a key of two allowed typos is cut into: two edits touch at most
/// four (a swap across a cut touches two), so one part is intact.
const PARTS: usize = 5;

/// Keys up to this many characters meet through their variants with two
/// deletions (a few hundred); longer ones through their parts, which are
/// then long enough (5 characters or more) to be rare.
const CUT_ABOVE: usize = 24;

/// The pairs of entities (a < b) with two names that may look alike: a
/// superset of those [`likeness`] accepts, found through four indexes, one
/// for each kind of likeness.
/// - Same key: a map from key to names.
/// - A typo or two: two keys within `k` edits (insertions, deletions,
///   substitutions, swaps of neighbours) become one string after at most
///   `k` deletions from each, so keys meet through their deletion variants.
/// - Two typos in long keys (over [`CUT_ABOVE`] characters), whose
///   variants would be too many: cut a key into [`PARTS`] parts; one of
///   them is in the other key unchanged, at most two characters from its
///   place, and the other key is at most two characters longer or shorter.
///   Each key files every such slice of itself (its own parts among them).
/// - Prefix: in sorted order, the keys a key begins follow it.
/// - One word apart: the names' words with one of them blanked meet.
fn candidates(names: &[Vec<Name>]) -> HashSet<(EntityId, EntityId)> {
    let all: Vec<(EntityId, &Name)> = names
        .iter()
        .enumerate()
        .flat_map(|(e, list)| list.iter().map(move |n| (e, n)))
        .collect();
    let mut found = HashSet::new();
    let mut meet = |group: &[EntityId]| {
        for (i, &a) in group.iter().enumerate() {
            for &b in &group[i + 1..] {
                if a != b {
                    found.insert((a.min(b), a.max(b)));
                }
            }
        }
    };
    // (the hash of what the name is filed under, its entity): names filed
    // under one hash are candidates.
    let mut filed: Vec<(u64, EntityId)> = Vec::new();
    for &(e, name) in &all {
        let chars: Vec<char> = name.key.chars().collect();
        // Tag 0: the key itself; 1: its deletion variants; 2: a name with a
        // word blanked; 3: a part of a key, with the key's length and place.
        filed.push((hash(&(0u8, &name.key)), e));
        // As `within_typos` counts: two edits once both keys have 12 bytes.
        let two = name.key.len() >= 12;
        let mut variants = HashSet::from([chars.clone()]);
        let k = if two && chars.len() <= CUT_ABOVE {
            2
        } else {
            1
        };
        deletions(&chars, k, &mut variants);
        for v in variants {
            filed.push((hash(&(1u8, v)), e));
        }
        if two && chars.len() + 2 > CUT_ABOVE {
            let m = chars.len();
            let cuts = |n: usize| (0..=PARTS).map(move |j| j * n / PARTS);
            // Its own parts are among these slices (n = m, at their place).
            for n in m.saturating_sub(2).max(1)..=m + 2 {
                let theirs: Vec<usize> = cuts(n).collect();
                for j in 0..PARTS {
                    let len = theirs[j + 1] - theirs[j];
                    for start in theirs[j].saturating_sub(2)..=theirs[j] + 2 {
                        if let Some(slice) = chars.get(start..start + len) {
                            filed.push((hash(&(3u8, n, j, slice)), e));
                        }
                    }
                }
            }
        }
        if name.words.len() >= 3 {
            for i in 0..name.words.len() {
                let blanked = (2u8, i, &name.words[..i], &name.words[i + 1..]);
                filed.push((hash(&blanked), e));
            }
        }
    }
    filed.sort_unstable();
    filed.dedup();
    for group in filed.chunk_by(|x, y| x.0 == y.0) {
        let entities: Vec<EntityId> = group.iter().map(|&(_, e)| e).collect();
        meet(&entities);
    }
    let mut by_key: Vec<(&str, EntityId)> = all.iter().map(|&(e, n)| (n.key.as_str(), e)).collect();
    by_key.sort_unstable();
    for (i, &(short, a)) in by_key.iter().enumerate() {
        if short.chars().count() < 4 {
            continue;
        }
        for &(long, b) in by_key[i + 1..]
            .iter()
            .take_while(|(l, _)| l.starts_with(short))
        {
            if long != short {
                meet(&[a, b]);
            }
        }
    }
    found
}

/// Adds every string made from `chars` by deleting one to `k` of them.
fn deletions(chars: &[char], k: usize, out: &mut HashSet<Vec<char>>) {
    if k == 0 {
        return;
    }
    for i in 0..chars.len() {
        let shorter = [&chars[..i], &chars[i + 1..]].concat();
        if out.insert(shorter.clone()) {
            deletions(&shorter, k - 1, out);
        }
    }
}

fn hash(value: &impl Hash) -> u64 {
    let mut h = DefaultHasher::new();
    value.hash(&mut h);
    h.finish()
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

fn likeness(a: &Name, b: &Name, kinds: [PersonKind; 2]) -> Option<Likeness> {
    let same_kind = kinds[0] == kinds[1];
    if a.key == b.key {
        // Entities of one kind never share a key: it would have merged them.
        return (!same_kind).then_some(Likeness::OtherKind(kinds));
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

    /// The all-pairs search the indexes replaced, kept as the oracle.
    fn all_pairs(corpus: &Corpus) -> Vec<NearDuplicate> {
        let names = entity_names(corpus);
        let n = names.len();
        (0..n)
            .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
            .filter_map(|(a, b)| judge(corpus, &names, a, b))
            .collect()
    }

    fn load(dir: &str) -> Corpus {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        Corpus::load(&[path]).expect("the fixture loads")
    }

    #[test]
    fn the_indexes_find_what_all_pairs_find() {
        let corpora = [
            Corpus::load(&[]).expect("the bundled corpus loads"),
            load("tests/fixtures/near_duplicates"),
            load("tests/fixtures/good"),
        ];
        for corpus in &corpora {
            let expected = all_pairs(corpus);
            assert_eq!(near_duplicates(corpus), expected);
        }
        assert!(!all_pairs(&corpora[1]).is_empty());
    }

    #[test]
    fn the_indexes_find_what_all_pairs_find_among_many_look_alikes() {
        // Names of two or three syllables from a small set, so that typos,
        // swaps, prefixes and one-word differences abound, in both kinds,
        // some of them long and non-ASCII.
        const SYLLABLES: [&str; 12] = [
            "kim", "lee", "park", "jong", "hyok", "su", "ok", "mi", "é", "ae", "chol", "ho",
        ];
        let mut state = 7u64;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 33) as usize % n
        };
        let mut people = Vec::new();
        for i in 0..600 {
            let words = 1 + next(4);
            let mut name: Vec<String> = (0..words)
                .map(|_| (0..1 + next(3)).map(|_| SYLLABLES[next(12)]).collect())
                .collect();
            if i % 50 == 0 {
                name.push("x".repeat(45 + next(6)));
            }
            let kind = if next(5) == 0 {
                "organization"
            } else {
                "person"
            };
            people.push((name.join(" "), kind));
        }
        // Long names two typos apart, which meet only through their parts.
        for name in [
            "Commission of Inquiry on Human Rights in the DPRK",
            "Comission of Inquiry on Human Rihgts in the DPRK",
            "Citizens Alliance for North Korean Human Rights",
            "Citizens Aliance for North Korean Human Rightz",
        ] {
            people.push((name.to_string(), "organization"));
        }
        let people: Vec<(&str, &str)> = people.iter().map(|(n, k)| (n.as_str(), *k)).collect();
        let corpus = corpus("", &people);
        let expected = all_pairs(&corpus);
        assert!(expected.len() > 100, "{}", expected.len());
        for likeness in [
            Likeness::OtherKind([PersonKind::Organization, PersonKind::Person]),
            Likeness::Typo,
            Likeness::Prefix,
            Likeness::OneWordApart,
        ] {
            let kind = std::mem::discriminant(&likeness);
            assert!(
                expected
                    .iter()
                    .any(|d| std::mem::discriminant(&d.likeness) == kind),
                "{likeness:?}"
            );
        }
        for misspelt in ["Comission", "Aliance"] {
            let found = expected
                .iter()
                .any(|d| d.likeness == Likeness::Typo && d.names[1].contains(misspelt));
            assert!(found, "{misspelt}");
        }
        assert_eq!(near_duplicates(&corpus), expected);
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
                org(
                    "Freedom House",
                    "Freedom House",
                    Likeness::OtherKind([PersonKind::Organization, PersonKind::Person])
                ),
            ]
        );
    }

    #[test]
    fn a_name_of_two_kinds_says_which_two() {
        let corpus = corpus(
            "",
            &[
                ("Republic of Korea", "state"),
                ("Republic of Korea", "organization"),
            ],
        );
        let found = near_duplicates(&corpus);
        assert_eq!(
            found[0].likeness.to_string(),
            "the same name for an organization and a state"
        );
        let person = Likeness::OtherKind([PersonKind::Organization, PersonKind::Person]);
        assert_eq!(
            person.to_string(),
            "the same name for a person and an organization"
        );
    }

    #[test]
    fn initials_with_full_stops_compare_as_the_acronym() {
        // "U.N." is "UN": the name is one word apart from the known one, as
        // "UN Commission of Inquiry on …" is.
        let corpus = corpus(
            "",
            &[
                (
                    "UN Commission of Inquiry into human rights in North Korea",
                    "organization",
                ),
                (
                    "U.N. Commission of Inquiry on human rights in North Korea",
                    "organization",
                ),
            ],
        );
        assert_eq!(
            found(&corpus),
            [(
                "UN Commission of Inquiry into human rights in North Korea".to_string(),
                "U.N. Commission of Inquiry on human rights in North Korea".to_string(),
                Likeness::OneWordApart
            )]
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
