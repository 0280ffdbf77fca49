//! The filters of a query (`kind:`, `year:`, `by:`, `role:`): read from
//! what is typed, applied to the corpus's documents, and put in words.

use super::unquote;
use crate::corpus::{Corpus, DocKind, Role, clean_line};
use crate::search::text::fold;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

const FILTERS: &str = "kind:, year:, by: and role:";

/// The filters of a query as written, before they are applied to documents.
#[derive(Default)]
pub(super) struct Filters {
    kinds: Vec<DocKind>,
    years: Vec<(u16, u16)>,
    /// For each `by:`, the documents it allows, and the names of the
    /// bodies it found with the value typed.
    by: Vec<(Vec<bool>, Vec<String>, String)>,
    pub(super) roles: Vec<Role>,
}

impl Filters {
    pub(super) fn add(&mut self, name: &str, value: &str, corpus: &Corpus) -> Result<(), String> {
        let name = name.to_ascii_lowercase();
        let value = unquote(value);
        let value = value.trim();
        let example = match name.as_str() {
            "kind" => "kind:joint-letter",
            "year" => "year:2015 or year:2014..2017",
            "by" => "by:hrw",
            "role" => "role:quoted",
            _ => {
                return Err(format!(
                    "unknown filter \"{}:\"; the filters are {FILTERS} \
                     (to search for text with a colon, put it in quotes)",
                    clean_line(&name)
                ));
            }
        };
        if value.is_empty() {
            return Err(format!(
                "the filter {name}: needs a value, such as {example}"
            ));
        }
        match name.as_str() {
            "kind" => {
                let kind = one_of(value, &DocKind::ALL, "kind")?;
                self.kinds.push(kind);
            }
            "year" => self.years.push(years(value)?),
            "by" => {
                let (docs, names) = by(value, corpus);
                self.by.push((docs, names, value.to_string()));
            }
            _ => {
                let role = one_of(value, &Role::ALL, "role")?;
                if !self.roles.contains(&role) {
                    self.roles.push(role);
                }
            }
        }
        Ok(())
    }

    /// The documents that pass every filter, or `None` for no filter.
    pub(super) fn documents(&self, corpus: &Corpus) -> Option<Vec<bool>> {
        if self.kinds.is_empty() && self.years.is_empty() && self.by.is_empty() {
            return None;
        }
        let allowed = corpus
            .documents
            .iter()
            .enumerate()
            .map(|(d, doc)| {
                let kind = self.kinds.is_empty() || self.kinds.contains(&doc.kind);
                let year = self.years.is_empty()
                    || doc.sort_date().is_some_and(|date| {
                        self.years
                            .iter()
                            .any(|(from, to)| (*from..=*to).contains(&date.year))
                    });
                let by = self.by.is_empty() || self.by.iter().any(|(docs, _, _)| docs[d]);
                kind && year && by
            })
            .collect();
        Some(allowed)
    }
}

/// The value among `all` named `value` or, failing that, the only one whose
/// name starts with it.
fn one_of<T: Copy + fmt::Display>(value: &str, all: &[T], what: &str) -> Result<T, String> {
    let value = value.to_lowercase();
    let exact = all.iter().find(|v| v.to_string() == value);
    let mut starting = all.iter().filter(|v| v.to_string().starts_with(&value));
    match (exact, starting.next(), starting.next()) {
        (Some(v), _, _) | (None, Some(v), None) => Ok(*v),
        _ => {
            let names: Vec<String> = all.iter().map(ToString::to_string).collect();
            Err(format!(
                "unknown {what} \"{value}\"; expected one of {}",
                names.join(", ")
            ))
        }
    }
}

/// `2015`, `2014..2017`, `2015..` or `..2017` as an inclusive range.
fn years(value: &str) -> Result<(u16, u16), String> {
    let invalid = || {
        format!(
            "invalid year \"{value}\"; expected year:2015, year:2014..2017, \
             year:2015.. or year:..2017"
        )
    };
    let year = |s: &str, default: u16| {
        if s.is_empty() {
            return Ok(default);
        }
        (s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u16>().ok())
            .flatten()
            .ok_or_else(invalid)
    };
    let (from, to) = match value.split_once("..") {
        Some((from, to)) if !(from.is_empty() && to.is_empty()) => {
            (year(from, 0)?, year(to, u16::MAX)?)
        }
        Some(_) => return Err(invalid()),
        None => {
            let y = year(value, 0)?;
            (y, y)
        }
    };
    if from > to {
        return Err(format!("the years in \"{value}\" run backwards"));
    }
    Ok((from, to))
}

/// The letters and digits of a name, folded: "H.R.W." and "hrw" meet.
fn squash(s: &str) -> String {
    let kept: String = s.chars().filter(|c| c.is_alphanumeric()).collect();
    fold(&kept, false)
}

/// The documents, by index, where an entity whose name, alias or acronym
/// matches `value` is an issuer, signatory or member. Its acronyms are
/// those of entities.toml and those its people entries give. Exact matches
/// (after setting aside case and punctuation) win; otherwise the entities
/// within a fifth of the best fuzzy score.
fn by(value: &str, corpus: &Corpus) -> (Vec<bool>, Vec<String>) {
    const ROLES: [Role; 3] = [Role::Issuer, Role::Signatory, Role::Member];
    let mut entities: BTreeMap<usize, BTreeSet<&str>> = BTreeMap::new();
    for p in corpus.documents.iter().flat_map(|d| &d.people) {
        if ROLES.contains(&p.role) {
            let acronyms = entities.entry(p.entity).or_default();
            acronyms.extend(p.acronym.as_deref());
        }
    }
    let wanted = squash(value);
    let pattern = fold(value, false);
    let matcher = SkimMatcherV2::default().respect_case();
    let scored: Vec<(usize, bool, i64)> = entities
        .into_iter()
        .map(|(id, given)| {
            let e = corpus.entities.get(id);
            let names = || {
                e.names()
                    .chain(e.acronyms.iter().map(String::as_str))
                    .chain(given.iter().copied())
            };
            let exact = names().any(|n| squash(n) == wanted);
            let score = names()
                .filter_map(|n| matcher.fuzzy_match(&fold(n, false), &pattern))
                .max()
                .unwrap_or(0);
            (id, exact, score)
        })
        .collect();
    let any_exact = scored.iter().any(|s| s.1);
    let best = scored.iter().map(|s| s.2).max().unwrap_or(0);
    let chosen: BTreeSet<usize> = scored
        .into_iter()
        .filter(|&(_, exact, score)| {
            if any_exact {
                exact
            } else {
                score > 0 && score * 5 >= best * 4
            }
        })
        .map(|s| s.0)
        .collect();
    let docs = corpus
        .documents
        .iter()
        .map(|d| {
            d.people
                .iter()
                .any(|p| ROLES.contains(&p.role) && chosen.contains(&p.entity))
        })
        .collect();
    let names = chosen
        .iter()
        .map(|&id| corpus.entities.get(id).name.clone())
        .collect();
    (docs, names)
}

/// `a`, `a or b`, `a, b or c`.
fn either(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
    }
}

impl Filters {
    /// The filters in words, as the search overlay restates them under
    /// the query: "documents issued, signed or joined by Human Rights
    /// Watch; people quoted in them". `None` for no filter.
    pub(super) fn described(&self) -> Option<String> {
        let mut docs = Vec::new();
        if !self.kinds.is_empty() {
            let kinds: Vec<String> = self.kinds.iter().map(ToString::to_string).collect();
            docs.push(format!("of kind {}", either(&kinds)));
        }
        if !self.years.is_empty() {
            let years: Vec<String> = self
                .years
                .iter()
                .map(|&(from, to)| match (from, to) {
                    (f, t) if f == t => format!("{f}"),
                    (0, t) => format!("{t} or before"),
                    (f, u16::MAX) => format!("{f} or after"),
                    (f, t) => format!("{f} to {t}"),
                })
                .collect();
            docs.push(format!("dated {}", either(&years)));
        }
        if !self.by.is_empty() {
            // Several bodies one value found are one choice among others.
            let bodies: Vec<String> = self
                .by
                .iter()
                .map(|(_, names, value)| match names.as_slice() {
                    [] => format!("“{value}” (no organization or person has that name)"),
                    [one] => one.clone(),
                    [a, b] => format!("{a} or {b}"),
                    [a, b, rest @ ..] => format!("{a}, {b} or {} more", rest.len()),
                })
                .collect();
            docs.push(format!("issued, signed or joined by {}", either(&bodies)));
        }
        let docs = (!docs.is_empty()).then(|| format!("documents {}", docs.join(", ")));
        let people = (!self.roles.is_empty()).then(|| {
            let (named, listed): (Vec<Role>, Vec<Role>) = self
                .roles
                .iter()
                .partition(|r| matches!(r, Role::Quoted | Role::Mentioned));
            let mut roles: Vec<String> = named.iter().map(ToString::to_string).collect();
            if !listed.is_empty() {
                let listed: Vec<String> = listed.iter().map(ToString::to_string).collect();
                roles.push(format!("listed as {}", either(&listed)));
            }
            let within = if docs.is_some() { " in them" } else { "" };
            format!("people {}{within}", either(&roles))
        });
        match (docs, people) {
            (None, None) => None,
            (Some(one), None) | (None, Some(one)) => Some(one),
            (Some(docs), Some(people)) => Some(format!("{docs}; {people}")),
        }
    }
}
