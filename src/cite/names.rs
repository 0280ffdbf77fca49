//! An author's name as reference managers want it: a person's family name
//! apart from the given names, so that APA writes "Ojea-Quintana, T.";
//! organizations, states and any name the rules cannot split are written
//! whole, as the document writes them.
//!
//! The rules: a single word is a family name alone; a Korean family name
//! followed by romanized Korean syllables is in the Korean order ("Kim
//! Jong Un", "Lee Jung-hoon"); two words are given then family ("Eunkyoung
//! Kwon"); more words split only where the words before the last are
//! initials ("John F. Kennedy") or the last is led by a particle ("Ludwig
//! van Beethoven"). A peer's title ("Lord Alton of Liverpool") is his name
//! as cited. Anything else stays literal, and `nkread check` says so; the
//! curator's `family` on the people entry settles it.

use crate::corpus::{Person, PersonKind};
use regex::Regex;
use std::sync::LazyLock;

/// A name as a reference writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Name<'a> {
    /// Written whole: a body, a peer, or a name no rule splits.
    Literal(&'a str),
    /// A person's family name and given names (none for a single name).
    Split {
        family: &'a str,
        given: Option<&'a str>,
    },
}

/// Korean family names as they are romanized in English-language texts.
const KOREAN_FAMILY: &[&str] = &[
    "ahn", "an", "bae", "baek", "bak", "ban", "byun", "byeon", "cha", "chae", "chang", "cheong",
    "chin", "cho", "choe", "choi", "chun", "chung", "do", "eom", "gang", "gil", "gim", "go", "gu",
    "gwon", "ha", "han", "heo", "hong", "hur", "hwang", "im", "jang", "jeon", "jeong", "jin", "jo",
    "joo", "ju", "jun", "jung", "kang", "kil", "kim", "ko", "koo", "ku", "kwak", "kwon", "lee",
    "lim", "ma", "min", "moon", "mun", "na", "nam", "no", "noh", "o", "oh", "pak", "park", "paek",
    "pyo", "rhee", "ri", "rim", "roh", "ryu", "seo", "seong", "shin", "sin", "sohn", "son", "song",
    "suh", "sung", "um", "won", "woo", "yang", "yeo", "yi", "yoo", "yoon", "yu", "yun",
];

/// Particles that lead a family name.
const PARTICLES: &[&str] = &[
    "al", "bin", "binti", "da", "das", "de", "del", "della", "der", "di", "dos", "du", "ibn", "la",
    "le", "ten", "ter", "van", "von",
];

/// A peer is cited by his or her title.
const PEERAGE: &[&str] = &[
    "Lord",
    "Lady",
    "Baroness",
    "Baron",
    "Viscount",
    "Viscountess",
];

/// A word of romanized Korean: syllables of an initial, a vowel and a
/// final, hyphens between them ("Jeong-sam", "Hyuk", "Un").
static KOREAN_GIVEN: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:[bcdghjklmnprstwy]{0,3}[aeiouwy]{1,3}(?:ng|[kmnlpt])?)+-?)+$").ok()
});

fn korean_given(word: &str) -> bool {
    KOREAN_GIVEN
        .as_ref()
        .is_some_and(|re| re.is_match(word) && !word.ends_with('-'))
}

fn is_initial(word: &str) -> bool {
    let letters: Vec<char> = word.trim_end_matches('.').chars().collect();
    letters.len() == 1 && letters[0].is_uppercase()
}

/// How `person` is named in a reference.
pub fn name(person: &Person) -> Name<'_> {
    if person.kind != PersonKind::Person {
        return Name::Literal(&person.name);
    }
    let name = person.name.as_str();
    if let Some(family) = person.family.as_deref() {
        return curated(name, family).unwrap_or(Name::Literal(name));
    }
    split(name).unwrap_or(Name::Literal(name))
}

/// Why a person's name is written whole though it is a person's, for
/// `nkread check`; `None` when it splits or is a peer's.
pub fn unsplit(person: &Person) -> Option<&'static str> {
    let whole = person.kind == PersonKind::Person
        && matches!(name(person), Name::Literal(_))
        && !peer(&person.name);
    whole.then_some(
        "it is cited as one literal name, since the rules cannot tell its family name \
         from its given names; give the entry `family`",
    )
}

fn peer(name: &str) -> bool {
    name.split_whitespace()
        .next()
        .is_some_and(|w| PEERAGE.contains(&w))
}

/// The curator's family name: the first or the last words of the name.
pub fn curated<'a>(name: &'a str, family: &str) -> Option<Name<'a>> {
    if name == family {
        return Some(Name::Split {
            family: name,
            given: None,
        });
    }
    if let Some(given) = name.strip_suffix(family).and_then(|g| g.strip_suffix(' ')) {
        let at = given.len() + 1;
        return Some(Name::Split {
            family: &name[at..],
            given: Some(given.trim_end()).filter(|g| !g.is_empty()),
        });
    }
    let given = name.strip_prefix(family)?.strip_prefix(' ')?;
    Some(Name::Split {
        family: &name[..family.len()],
        given: Some(given.trim_start()).filter(|g| !g.is_empty()),
    })
}

/// The rules, for a person's name as written; `None` where they cannot
/// tell.
fn split(name: &str) -> Option<Name<'_>> {
    if name.contains(',') || peer(name) {
        return None;
    }
    // Each word with where it starts, so that the parts are the name's
    // own text, its spacing kept.
    let spans: Vec<(usize, &str)> = name
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - name.as_ptr() as usize, w))
        .collect();
    let words: Vec<&str> = spans.iter().map(|&(_, w)| w).collect();
    let part = |from: usize, to: usize| -> Option<&str> {
        let (a, _) = spans.get(from)?;
        let (b, last) = spans.get(to.checked_sub(1)?)?;
        name.get(*a..b + last.len())
    };
    let lower = |w: &str| w.chars().next().is_some_and(char::is_lowercase);
    match words.len() {
        0 => None,
        1 => Some(Name::Split {
            family: words[0],
            given: None,
        }),
        n => {
            let korean = (2..=3).contains(&n)
                && KOREAN_FAMILY.contains(&words[0].to_lowercase().as_str())
                && words[1..].iter().all(|w| korean_given(w));
            if korean {
                return Some(Name::Split {
                    family: words[0],
                    given: part(1, n),
                });
            }
            // A particle leads the family name: "Ludwig van Beethoven".
            let family_from = words
                .iter()
                .position(|w| PARTICLES.contains(w))
                .filter(|&i| i > 0)
                .unwrap_or(n - 1);
            let given = &words[..family_from];
            let plain_given = given.iter().skip(1).all(|w| is_initial(w));
            let family_words = &words[family_from..];
            let lowercase_stray = given.iter().any(|w| lower(w))
                || family_words[..family_words.len() - 1]
                    .iter()
                    .any(|w| !PARTICLES.contains(w))
                || lower(family_words[family_words.len() - 1]);
            (plain_given && !lowercase_stray).then(|| Name::Split {
                family: part(family_from, n).unwrap_or(words[n - 1]),
                given: part(0, family_from),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Role;

    fn person(name: &str) -> Person {
        Person {
            name: name.into(),
            kind: PersonKind::Person,
            role: Role::Signatory,
            title: None,
            affiliation: None,
            country: None,
            acronym: None,
            note: None,
            family: None,
            entity: 0,
        }
    }

    fn split_as(name: &str) -> Option<(String, Option<String>)> {
        let p = person(name);
        match super::name(&p) {
            Name::Split { family, given } => Some((family.into(), given.map(Into::into))),
            Name::Literal(_) => None,
        }
    }

    fn s(family: &str, given: &str) -> Option<(String, Option<String>)> {
        Some((family.into(), Some(given.into())))
    }

    #[test]
    fn names_split_in_western_and_korean_order() {
        assert_eq!(split_as("Tomás Ojea-Quintana"), s("Ojea-Quintana", "Tomás"));
        assert_eq!(split_as("Eunkyoung Kwon"), s("Kwon", "Eunkyoung"));
        assert_eq!(split_as("Param-Preet Singh"), s("Singh", "Param-Preet"));
        assert_eq!(split_as("Kim Jeong-sam"), s("Kim", "Jeong-sam"));
        assert_eq!(split_as("Kim Jong Un"), s("Kim", "Jong Un"));
        assert_eq!(split_as("Kim Kyu Li"), s("Kim", "Kyu Li"));
        assert_eq!(split_as("Lee Jung-hoon"), s("Lee", "Jung-hoon"));
        assert_eq!(split_as("Kim Cheol-ok"), s("Kim", "Cheol-ok"));
        assert_eq!(split_as("Kim Smith"), s("Smith", "Kim"));
        assert_eq!(split_as("John F. Kennedy"), s("Kennedy", "John F."));
        assert_eq!(
            split_as("Ludwig van Beethoven"),
            s("van Beethoven", "Ludwig")
        );
        assert_eq!(split_as("Suharto"), Some(("Suharto".into(), None)));
    }

    #[test]
    fn names_the_rules_cannot_split_stay_whole() {
        for name in [
            "Tomas Ojea Quintana",
            "Lord Alton of Liverpool",
            "Smith, John",
            "bell hooks",
        ] {
            assert_eq!(split_as(name), None, "{name}");
        }
        assert!(unsplit(&person("Tomas Ojea Quintana")).is_some());
        assert!(
            unsplit(&person("Lord Alton of Liverpool")).is_none(),
            "a peer"
        );
        assert!(unsplit(&person("Kim Jong Un")).is_none());
        let organization = Person {
            kind: PersonKind::Organization,
            ..person("Human Rights Watch")
        };
        assert_eq!(name(&organization), Name::Literal("Human Rights Watch"));
        assert!(unsplit(&organization).is_none());
    }

    #[test]
    fn the_curators_family_name_settles_it() {
        let p = Person {
            family: Some("Ojea Quintana".into()),
            ..person("Tomas Ojea Quintana")
        };
        assert_eq!(
            name(&p),
            Name::Split {
                family: "Ojea Quintana",
                given: Some("Tomas")
            }
        );
        assert!(unsplit(&p).is_none());
        assert_eq!(
            curated("Kim Jong Un", "Kim"),
            Some(Name::Split {
                family: "Kim",
                given: Some("Jong Un")
            })
        );
        assert_eq!(curated("Kim Jong Un", "Jong"), None);
    }
}
