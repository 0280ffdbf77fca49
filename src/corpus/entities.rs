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
    /// Ids of entities with a look-alike name that are a different body or
    /// person, so that `nkread check` does not report them as near-duplicates.
    #[serde(default)]
    pub distinct_from: Vec<String>,
    /// False for an entity made at load for a name that data/entities.toml
    /// does not know (a user's own corpus).
    #[serde(skip, default = "curated")]
    pub curated: bool,
}

fn curated() -> bool {
    true
}

impl Entity {
    /// Its full names: the canonical name, then the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// A name's key, filed under an entity: the kind, the normalised name and
/// the entity's index.
pub(crate) type NameKey = ((PersonKind, String), usize);

#[derive(Debug, Clone, Default)]
pub struct Entities {
    list: Vec<Entity>,
    by_key: HashMap<(PersonKind, String), usize>,
    /// Every id, so that a new entity's id is found free without a search
    /// of the list (which made loading quadratic in distinct names).
    by_id: HashMap<String, usize>,
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

/// How a word is written, which decides what it may match in a text: a
/// capitalised word of a name matches only a capitalised word, so that the
/// organization "THINK" is not found in "we think".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Shape {
    /// Starts with a lower-case letter or a digit: "for", "of", "2014".
    Lower,
    /// Starts with a capital: "Watch", "LiNK".
    Capitalised,
    /// Two or more letters, all capitals: "ICNK", "THINK".
    Capitals,
}

impl Shape {
    /// Whether a text word of shape `written` can be this name word.
    pub(crate) fn admits(self, written: Shape) -> bool {
        match self {
            Shape::Lower => true,
            Shape::Capitalised => written != Shape::Lower,
            Shape::Capitals => written == Shape::Capitals,
        }
    }
}

/// A word of a name or of a text: a run of letters and digits, folded
/// (diacritics and case set aside, British spelling respelt), with its byte
/// range in the text and its shape.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word {
    pub folded: String,
    pub span: std::ops::Range<usize>,
    pub shape: Shape,
}

/// The words of `text`. Everything other than a letter or digit parts
/// words: spaces, hyphens and dashes ("Ojea-Quintana"), apostrophes (so a
/// possessive "Inquiry’s" still holds "Inquiry") and punctuation. `&` is the
/// word "and".
pub(crate) fn words(text: &str) -> Vec<Word> {
    let word = |span: std::ops::Range<usize>| {
        let (folded, shape) = compared(&text[span.clone()]);
        Word {
            folded,
            span,
            shape,
        }
    };
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            start.get_or_insert(i);
        } else if unicode_normalization::char::is_combining_mark(c) {
            // An accent belongs to the letter before it.
        } else {
            if let Some(start) = start.take() {
                out.push(word(start..i));
            }
            if c == AND {
                out.push(Word {
                    folded: AND_WORD.into(),
                    span: i..i + 1,
                    shape: Shape::Lower,
                });
            }
        }
    }
    if let Some(start) = start {
        out.push(word(start..text.len()));
    }
    join_initials(text, out)
}

/// The character that is the word "and" between words, and the word.
pub(crate) const AND: char = '&';
pub(crate) const AND_WORD: &str = "and";

/// A word as names compare it: folded, British spelling respelt, and its
/// shape.
pub(crate) fn compared(word: &str) -> (String, Shape) {
    (respell(&fold(word)), shape(word))
}

/// Single letters joined by full stops are one word, their acronym: "U.N."
/// is "UN" and "D.P.R.K." is "DPRK", in a name or a text alike.
fn join_initials(text: &str, words: Vec<Word>) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::with_capacity(words.len());
    // Whether the last word is initials, and whether it took more than
    // one: its shape is worked out once it is done, as working it out at
    // each letter made a long run of initials quadratic.
    let (mut initials, mut joined) = (false, false);
    let settle = |out: &mut Vec<Word>| {
        if let Some(last) = out.last_mut() {
            last.shape = shape(&text[last.span.clone()]);
        }
    };
    for w in words {
        match out.last_mut() {
            Some(last) if initials && joins_initial(text, last.span.end, &w.span) => {
                last.folded.push_str(&w.folded);
                last.span.end = w.span.end;
                joined = true;
            }
            _ => {
                if std::mem::take(&mut joined) {
                    settle(&mut out);
                }
                initials = is_initial(text, &w.span);
                out.push(w);
            }
        }
    }
    if joined {
        settle(&mut out);
    }
    out
}

/// Whether the word of `text` at `next` joins initials that end at `end`:
/// one letter, right after a full stop.
pub(crate) fn joins_initial(text: &str, end: usize, next: &std::ops::Range<usize>) -> bool {
    text.get(end..next.start) == Some(".") && is_initial(text, next)
}

/// Whether the word of `text` at `span` is one letter (or digit).
pub(crate) fn is_initial(text: &str, span: &std::ops::Range<usize>) -> bool {
    let mut chars = text[span.clone()].chars();
    chars.next().is_some() && chars.next().is_none()
}

/// Lower case without diacritics: "Tomás" → "tomas".
pub(crate) fn fold(word: &str) -> String {
    // Most words are ASCII, for which all of this is lowercasing; the
    // shortcut halves the people index's start-up on a large corpus.
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.nfkd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .collect()
}

fn respell(word: &str) -> String {
    SPELLINGS
        .iter()
        .find_map(|(from, to)| word.strip_prefix(from).map(|rest| format!("{to}{rest}")))
        .unwrap_or_else(|| word.to_string())
}

pub(crate) fn shape(word: &str) -> Shape {
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    match word.chars().next() {
        Some(first) if first.is_uppercase() => {
            if letters.clone().count() > 1 && letters.all(char::is_uppercase) {
                Shape::Capitals
            } else {
                Shape::Capitalised
            }
        }
        _ => Shape::Lower,
    }
}

/// The words of a name, without a leading "the": "The Society to Help
/// Returnees" is the Society to Help Returnees.
pub(crate) fn name_words(name: &str) -> Vec<Word> {
    let mut words = words(name);
    if words.len() > 1 && words[0].folded == "the" {
        words.remove(0);
    }
    words
}

/// The key under which names are compared: diacritics, case, hyphens,
/// apostrophes, punctuation, spacing, a leading "the" and British spelling
/// are all set aside. Words are joined without spaces, so "Han Voice" and
/// "HanVoice" meet.
pub fn name_key(name: &str) -> String {
    name_words(name).into_iter().map(|w| w.folded).collect()
}

/// Whether two name keys are a typo or two apart: one edit (a letter
/// added, dropped, changed or two swapped) in a short key, two in a key of
/// 12 letters or more.
pub fn within_typos(a: &str, b: &str) -> bool {
    let allowed = if a.len().min(b.len()) < 12 { 1 } else { 2 };
    if a.len().abs_diff(b.len()) > allowed {
        return false;
    }
    if a.is_ascii() && b.is_ascii() {
        osa_within(a.as_bytes(), b.as_bytes(), allowed)
    } else {
        let chars = |s: &str| s.chars().collect::<Vec<char>>();
        osa_within(&chars(a), &chars(b), allowed)
    }
}

/// Whether the optimal string alignment distance of `a` and `b` (as
/// strsim's `osa_distance`) is at most `k`. Only the cells of the table
/// within `k` of its diagonal are worked out, since a path that leaves
/// them costs more than `k`: O(k·n) where the whole table is O(n²). The
/// look-alike check asks this of millions of pairs.
fn osa_within<T: PartialEq>(a: &[T], b: &[T], k: usize) -> bool {
    if a.is_empty() || b.is_empty() {
        return a.len().max(b.len()) <= k;
    }
    let over = k + 1;
    let width = 2 * k + 1;
    // d[i][j] from row i, which holds d[i][i - k ..= i + k].
    let cell = |row: &[usize], i: usize, j: usize| {
        if j + k < i || j > i + k {
            over
        } else {
            row[j + k - i]
        }
    };
    // Rows i - 2, i - 1, and the one being worked out; row 0 is d[0][j] = j.
    let mut rows = [vec![over; width], vec![over; width], vec![over; width]];
    for j in 0..=b.len().min(k) {
        rows[1][j + k] = j;
    }
    for i in 1..=a.len() {
        let mut least = over;
        for d in 0..width {
            let j = (i + d).wrapping_sub(k);
            let value = if i + d < k || j > b.len() {
                over
            } else if j == 0 {
                i.min(over)
            } else {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut v = (cell(&rows[1], i - 1, j - 1) + cost)
                    .min(cell(&rows[1], i - 1, j) + 1)
                    .min(cell(&rows[2], i, j - 1) + 1);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(cell(&rows[0], i - 2, j - 2) + 1);
                }
                v.min(over)
            };
            rows[2][d] = value;
            least = least.min(value);
        }
        if least > k {
            return false;
        }
        rows.rotate_left(1);
    }
    cell(&rows[1], a.len(), b.len()) <= k
}

/// `name` without trailing parenthesised groups, nested ones included:
/// "Freedom House (USA)", "Foo (Bar (X))". A name that is all parenthesis
/// stays as it is.
pub(crate) fn without_parentheses(name: &str) -> &str {
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
        let mut entities = Entities::default();
        for entity in list {
            entities.insert(entity)?;
        }
        for entity in &entities.list {
            for other in &entity.distinct_from {
                if *other == entity.id || !entities.by_id.contains_key(other) {
                    return Err(format!(
                        "entity \"{}\": distinct_from names \"{other}\", which is not another entity",
                        entity.id
                    ));
                }
            }
        }
        Ok(entities)
    }

    pub(super) fn insert(&mut self, entity: Entity) -> Result<(), String> {
        let index = self.list.len();
        let names: Vec<String> = entity.names().map(str::to_string).collect();
        self.by_id.insert(entity.id.clone(), index);
        self.list.push(entity);
        names.iter().try_for_each(|name| self.claim(index, name))
    }

    /// Files `name` under entity `index`, so that it resolves there; a name
    /// another entity of the kind has is an error naming both. A name and
    /// an alias of the same entity may share a key.
    pub(super) fn claim(&mut self, index: usize, name: &str) -> Result<(), String> {
        let kind = self.list[index].kind;
        for n in [name, without_parentheses(name)] {
            let key = (kind, name_key(n));
            if let Some(&other) = self.by_key.get(&key)
                && other != index
            {
                return Err(format!(
                    "entity \"{}\": the name \"{n}\" is already entity \"{}\"",
                    self.list[index].id, self.list[other].id
                ));
            }
            self.by_key.insert(key, index);
        }
        Ok(())
    }

    /// The entity with this id.
    pub(super) fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// For adding acronyms and `distinct_from`; names go through [`claim`](Self::claim).
    pub(super) fn get_mut(&mut self, index: usize) -> &mut Entity {
        &mut self.list[index]
    }

    pub fn get(&self, id: usize) -> &Entity {
        &self.list[id]
    }

    /// Every entity; an entity's index here is its [`EntityId`](super::EntityId).
    pub fn all(&self) -> &[Entity] {
        &self.list
    }

    /// How many entities there are.
    pub fn len(&self) -> usize {
        self.list.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The entities and the names filed under each, as the corpus cache
    /// keeps them; the names in a fixed order, so two equal indexes give
    /// equal parts.
    pub(crate) fn parts(&self) -> (&[Entity], Vec<NameKey>) {
        let mut keys: Vec<_> = self
            .by_key
            .iter()
            .map(|(key, &index)| (key.clone(), index))
            .collect();
        keys.sort_by(|a, b| (a.0.0 as u8, &a.0.1).cmp(&(b.0.0 as u8, &b.0.1)));
        (&self.list, keys)
    }

    /// The index of [`Entities::parts`]; None where two entities share an
    /// id or a name is filed under an entity that is not there.
    pub(crate) fn from_parts(list: Vec<Entity>, keys: Vec<NameKey>) -> Option<Entities> {
        let mut by_id = HashMap::with_capacity(list.len());
        for (index, entity) in list.iter().enumerate() {
            if by_id.insert(entity.id.clone(), index).is_some() {
                return None;
            }
        }
        if keys.iter().any(|&(_, index)| index >= list.len()) {
            return None;
        }
        Some(Entities {
            list,
            by_key: keys.into_iter().collect(),
            by_id,
        })
    }

    /// Whether data/entities.toml records `a` and `b` as look-alikes that are
    /// different bodies or people.
    pub fn distinct(&self, a: usize, b: usize) -> bool {
        let (a, b) = (self.get(a), self.get(b));
        a.distinct_from.contains(&b.id) || b.distinct_from.contains(&a.id)
    }

    /// The entity a name refers to, if one is known.
    pub fn find(&self, kind: PersonKind, name: &str) -> Option<usize> {
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
        while self.by_id.contains_key(&id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        let entity = Entity {
            id,
            name: without_parentheses(name).to_string(),
            kind,
            aliases: Vec::new(),
            acronyms: Vec::new(),
            distinct_from: Vec::new(),
            curated: false,
        };
        // find failed, so the key is new.
        let index = self.list.len();
        self.by_key.insert((kind, name_key(&entity.name)), index);
        self.by_id.insert(entity.id.clone(), index);
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
mod tests;
