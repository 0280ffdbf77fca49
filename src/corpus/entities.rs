//! Entities: one per real organization or person across the corpus. Names
//! resolve to entities by a normalised key, so the spellings documents use
//! ("Han Voice" / "HanVoice", "Tomás Ojea-Quintana" / "Tomas Ojea Quintana")
//! meet, while data/entities.toml adds what no rule can know ("Ben" for
//! "Benedict").

use super::model::PersonKind;
use serde::Deserialize;
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub kind: PersonKind,
    /// Other full names that the normalisation does not reach.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Kept for display and search, never used to merge: acronyms are shared.
    #[serde(default)]
    pub acronyms: Vec<String>,
    /// False for an entity made at load for a name that data/entities.toml
    /// does not know (a user's own corpus).
    #[serde(skip, default = "curated")]
    pub curated: bool,
}

fn curated() -> bool {
    true
}

#[derive(Debug, Clone, Default)]
pub struct Entities {
    list: Vec<Entity>,
    by_key: HashMap<(PersonKind, String), usize>,
}

/// British word stems and their American spelling, which do not make a
/// different name: "Organisations", "Centre’s", "Defence".
const SPELLINGS: [(&str, &str); 6] = [
    ("defence", "defense"),
    ("organis", "organiz"),
    ("centre", "center"),
    ("labour", "labor"),
    ("programme", "program"),
    ("honour", "honor"),
];

/// The key under which names are compared: diacritics, case, hyphens,
/// apostrophes, punctuation, spacing, a leading "the" and British spelling
/// are all set aside.
pub fn name_key(name: &str) -> String {
    let folded: String = name
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .replace('&', " and ");
    // Words are found (dashes and slashes part them too) only to drop a
    // leading "the" and respell them; they are joined without spaces, so
    // "Han Voice" and "HanVoice" meet.
    let words: Vec<String> = folded
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '‐' | '–' | '—' | '/'))
        .map(|w| {
            w.chars()
                .filter(|c| c.is_alphanumeric())
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let words = match words.first() {
        Some(the) if the == "the" && words.len() > 1 => &words[1..],
        _ => &words[..],
    };
    words
        .iter()
        .map(|w| {
            SPELLINGS
                .iter()
                .find_map(|(from, to)| w.strip_prefix(from).map(|rest| format!("{to}{rest}")))
                .unwrap_or_else(|| w.clone())
        })
        .collect()
}

/// `name` without trailing parenthesised groups, nested ones included:
/// "Freedom House (USA)", "Foo (Bar (X))". A name that is all parenthesis
/// stays as it is.
fn without_parentheses(name: &str) -> &str {
    let mut s = name.trim_end();
    while s.ends_with(')') {
        let mut depth = 0;
        let open = s.char_indices().rev().find(|&(_, c)| {
            depth += match c {
                ')' => 1,
                '(' => -1,
                _ => 0,
            };
            depth == 0
        });
        match open {
            Some((i, _)) if !s[..i].trim().is_empty() => s = s[..i].trim_end(),
            _ => break,
        }
    }
    s
}

impl Entities {
    /// Builds the index; a name or alias claimed by two entities is an error
    /// naming both, since resolution would otherwise depend on file order.
    pub fn new(list: Vec<Entity>) -> Result<Self, String> {
        let mut entities = Entities {
            list: Vec::new(),
            by_key: HashMap::new(),
        };
        for entity in list {
            entities.insert(entity)?;
        }
        Ok(entities)
    }

    fn insert(&mut self, entity: Entity) -> Result<(), String> {
        let index = self.list.len();
        let names = std::iter::once(&entity.name).chain(&entity.aliases);
        for name in names.flat_map(|n| [n.as_str(), without_parentheses(n)]) {
            let key = (entity.kind, name_key(name));
            // A name and an alias of the same entity may share a key.
            if let Some(&other) = self.by_key.get(&key)
                && other != index
            {
                return Err(format!(
                    "entity \"{}\": the name \"{name}\" is already entity \"{}\"",
                    entity.id, self.list[other].id
                ));
            }
            self.by_key.insert(key, index);
        }
        self.list.push(entity);
        Ok(())
    }

    pub fn get(&self, id: usize) -> &Entity {
        &self.list[id]
    }

    /// The entity a name refers to, if one is known.
    fn find(&self, kind: PersonKind, name: &str) -> Option<usize> {
        [name, without_parentheses(name)]
            .into_iter()
            .find_map(|n| self.by_key.get(&(kind, name_key(n))).copied())
    }

    /// The entity a name refers to; an unknown name gets an entity of its own.
    pub fn resolve(&mut self, kind: PersonKind, name: &str) -> usize {
        if let Some(id) = self.find(kind, name) {
            return id;
        }
        let base = slug(without_parentheses(name));
        let base = if base.is_empty() {
            "entity".to_string()
        } else {
            base
        };
        let mut id = base.clone();
        let mut n = 2;
        while self.list.iter().any(|e| e.id == id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        let entity = Entity {
            id,
            name: without_parentheses(name).to_string(),
            kind,
            aliases: Vec::new(),
            acronyms: Vec::new(),
            curated: false,
        };
        // find failed, so the key is new.
        let index = self.list.len();
        self.by_key.insert((kind, name_key(&entity.name)), index);
        self.list.push(entity);
        index
    }
}

/// A readable id made from a name: "Tomás Ojea-Quintana" → "tomas-ojea-quintana".
/// Letters outside ASCII without a decomposition (Hangul) are kept.
pub fn slug(name: &str) -> String {
    let folded: String = name
        .nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .nfc()
        .collect();
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !matches!(c, '\'' | '’') && !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_set_aside_spelling_variants() {
        for (a, b) in [
            ("Han Voice", "HanVoice"),
            ("Justice for North Korea", "Justice For North Korea"),
            ("Defence Forum Foundation", "Defense Forum Foundation"),
            ("Tomás Ojea-Quintana", "Tomas Ojea Quintana"),
            ("Citizens’ Alliance", "Citizens' Alliance"),
            ("The Simon Wiesenthal Center", "Simon Wiesenthal Center"),
            (
                "Global Centre for the Responsibility to Protect",
                "Global Center for the Responsibility to Protect",
            ),
            (
                "Asian Human Rights & Humanity Association",
                "Asian Human Rights and Humanity Association",
            ),
            ("World Organisations", "World Organizations"),
            ("Wallenberg Centre’s Fund", "Wallenberg Center's Fund"),
        ] {
            assert_eq!(name_key(a), name_key(b), "{a} / {b}");
        }
    }

    #[test]
    fn keys_keep_distinct_names_apart() {
        for (a, b) in [
            (
                "Committee for Human Rights in North Korea",
                "Council for Human Rights in North Korea",
            ),
            ("Asia Justice and Rights", "Asian Justice and Rights"),
            ("The", "Thé Society"),
        ] {
            assert_ne!(name_key(a), name_key(b), "{a} / {b}");
        }
    }

    #[test]
    fn resolves_parenthesised_countries_and_makes_entities_for_unknown_names() {
        let mut e = Entities::new(vec![Entity {
            id: "freedom-house".into(),
            name: "Freedom House".into(),
            kind: PersonKind::Organization,
            aliases: vec![],
            acronyms: vec![],
            curated: true,
        }])
        .unwrap();
        assert_eq!(
            e.resolve(PersonKind::Organization, "Freedom House (USA)"),
            0
        );
        let new = e.resolve(PersonKind::Organization, "Freedom House Europe (EU)");
        assert_eq!(
            (e.get(new).id.as_str(), e.get(new).curated),
            ("freedom-house-europe", false)
        );
        // A person of the same name is not the organization.
        let person = e.resolve(PersonKind::Person, "Freedom House");
        assert_eq!(e.get(person).id, "freedom-house-2");
    }

    #[test]
    fn trailing_parentheses_go_nested_or_not_but_never_the_whole_name() {
        assert_eq!(without_parentheses("Freedom House (USA)"), "Freedom House");
        assert_eq!(
            without_parentheses("COMJAN (Investigation Commission)(Japan)"),
            "COMJAN"
        );
        assert_eq!(without_parentheses("Foo (Bar (X))"), "Foo");
        assert_eq!(without_parentheses("(ICNK)"), "(ICNK)");
        assert_eq!(without_parentheses("Unbalanced)"), "Unbalanced)");
    }

    #[test]
    fn a_name_claimed_twice_is_an_error() {
        let entity = |id: &str, name: &str| Entity {
            id: id.into(),
            name: name.into(),
            kind: PersonKind::Person,
            aliases: vec![],
            acronyms: vec![],
            curated: true,
        };
        let err =
            Entities::new(vec![entity("a", "Ben Rogers"), entity("b", "ben  rogers")]).unwrap_err();
        assert!(err.contains("\"b\"") && err.contains("\"a\""), "{err}");
    }

    #[test]
    fn slugs_are_readable() {
        assert_eq!(slug("Tomás Ojea-Quintana"), "tomas-ojea-quintana");
        assert_eq!(slug("Citizens’ Alliance (NKHR)"), "citizens-alliance-nkhr");
        assert_eq!(slug("북한 인권"), "북한-인권");
    }
}
