//! How an organization's or person's names meet a filter typed in the
//! People pane: by a known acronym, by whole words or initials, by the
//! starts of words, inside words, or by letters scattered through a name,
//! as fzf matches a line. Scattered letters ("ojea" in "Center for Justice
//! and Accountability") are a match only where nothing better is.

use crate::corpus::Entity;
use crate::search::{fold, words};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

/// How well a name meets a filter: greater is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Meets {
    /// Its letters in order, anywhere.
    Scattered,
    /// Each word of the filter inside a word of the name.
    Inside,
    /// Each word of the filter starts a word of the name, or the filter
    /// starts its initials or an acronym.
    Start,
    /// Each word of the filter is a word of the name, or the filter is its
    /// initials ("hrw" for Human Rights Watch).
    Whole,
    /// The filter is one of its acronyms.
    Acronym,
}

/// Short words that initials often leave out: "Center for Justice and
/// Accountability" is CJA.
const SMALL_WORDS: [&str; 9] = ["of", "for", "and", "the", "in", "on", "to", "de", "la"];

/// A filter, read once for every name it is matched against.
pub struct NameFilter {
    text: String,
    case: bool,
    /// Each word folded, and whether it matches case (it has a capital).
    words: Vec<(String, bool)>,
    /// Its letters and digits alone: "H.R.W." is "hrw".
    squashed: String,
    matcher: SkimMatcherV2,
}

impl NameFilter {
    /// Smart case: a filter with a capital letter matches case.
    pub fn new(filter: &str) -> NameFilter {
        let case = filter.chars().any(char::is_uppercase);
        NameFilter {
            text: filter.trim().to_string(),
            case,
            words: words(filter)
                .iter()
                .map(|(_, w)| {
                    let case = w.chars().any(char::is_uppercase);
                    (fold(w, case), case)
                })
                .collect(),
            squashed: squash(filter, case),
            matcher: SkimMatcherV2::default().smart_case(),
        }
    }

    /// How `entity` meets the filter, and skim's score of its best name
    /// to order names that meet it alike; `None` if it does not.
    /// `given`: the acronyms its documents give it, besides entities.toml's.
    pub fn meets<'a>(
        &self,
        entity: &'a Entity,
        given: impl Iterator<Item = &'a str>,
    ) -> Option<(Meets, i64)> {
        let score = entity
            .names()
            .filter_map(|n| self.matcher.fuzzy_match(n, &self.text))
            .max()
            .unwrap_or(0);
        let acronyms: Vec<String> = entity
            .acronyms
            .iter()
            .map(String::as_str)
            .chain(given)
            .map(|a| squash(a, self.case))
            .collect();
        let acronym = match &self.squashed {
            s if s.is_empty() => None,
            s if acronyms.iter().any(|a| a == s) => Some(Meets::Acronym),
            s if acronyms.iter().any(|a| a.starts_with(s.as_str())) => Some(Meets::Start),
            _ => None,
        };
        let words = entity.names().filter_map(|n| self.meets_name(n)).max();
        let meets = acronym
            .max(words)
            .or_else(|| (score > 0).then_some(Meets::Scattered))?;
        Some((meets, score))
    }

    fn meets_name(&self, name: &str) -> Option<Meets> {
        if self.words.is_empty() {
            return None;
        }
        let found = words(name);
        let lower: Vec<String> = found.iter().map(|(_, w)| fold(w, false)).collect();
        let cased: Vec<String> = found.iter().map(|(_, w)| fold(w, true)).collect();
        // Smart case word by word, as search does.
        let every = |f: &dyn Fn(&str, &str) -> bool| {
            self.words.iter().all(|(t, case)| {
                let name_words = if *case { &cased } else { &lower };
                name_words.iter().any(|w| f(w, t))
            })
        };
        let name_words = if self.case { &cased } else { &lower };
        let initials = |small: bool| -> String {
            name_words
                .iter()
                .zip(&lower)
                .filter(|(_, l)| small || !SMALL_WORDS.contains(&l.as_str()))
                .map(|(w, _)| w)
                .filter_map(|w| w.chars().next())
                .collect()
        };
        let (all, large) = (initials(true), initials(false));
        let short = self.squashed.chars().count() >= 2;
        if every(&|w, t| w == t) || (short && (all == self.squashed || large == self.squashed)) {
            Some(Meets::Whole)
        } else if every(&|w, t| w.starts_with(t))
            || (short && (all.starts_with(&self.squashed) || large.starts_with(&self.squashed)))
        {
            Some(Meets::Start)
        } else if every(&|w, t| w.contains(t)) {
            Some(Meets::Inside)
        } else {
            None
        }
    }
}

fn squash(s: &str, case: bool) -> String {
    let kept: String = s.chars().filter(|c| c.is_alphanumeric()).collect();
    fold(&kept, case)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::PersonKind;

    fn entity(name: &str, acronyms: &[&str]) -> Entity {
        Entity {
            id: "e".into(),
            name: name.into(),
            kind: PersonKind::Organization,
            aliases: Vec::new(),
            acronyms: acronyms.iter().map(|a| a.to_string()).collect(),
            distinct_from: Vec::new(),
            curated: true,
        }
    }

    fn meets(filter: &str, name: &str, acronyms: &[&str]) -> Option<Meets> {
        NameFilter::new(filter)
            .meets(&entity(name, acronyms), std::iter::empty())
            .map(|m| m.0)
    }

    #[test]
    fn words_and_initials_rank_above_scattered_letters() {
        let hrw = "Human Rights Watch";
        assert_eq!(meets("hrw", hrw, &["HRW"]), Some(Meets::Acronym));
        assert_eq!(meets("hrw", hrw, &[]), Some(Meets::Whole), "initials");
        let hrwf = "Human Rights Without Frontiers";
        assert_eq!(meets("hrw", hrwf, &[]), Some(Meets::Start));
        let cja = "Center for Justice and Accountability";
        assert_eq!(
            meets("cja", cja, &[]),
            Some(Meets::Whole),
            "small words left out"
        );
        assert_eq!(meets("ojea", cja, &[]), Some(Meets::Scattered));
        let ojea = "Tomás Ojea-Quintana";
        assert_eq!(meets("ojea", ojea, &[]), Some(Meets::Whole));
        assert_eq!(meets("tom quin", ojea, &[]), Some(Meets::Start));
        assert_eq!(meets("jea", ojea, &[]), Some(Meets::Inside));
        assert_eq!(meets("Ojea", ojea, &[]), Some(Meets::Whole));
        assert_eq!(meets("OJEA", ojea, &[]), None, "a capital matches case");
        assert_eq!(meets("zzz", ojea, &[]), None);
    }
}
