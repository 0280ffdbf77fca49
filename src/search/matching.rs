//! How a word of a query meets a word of the text, and the words of the
//! vocabulary each word of a query meets.
//!
//! A match has a tier (exact word, start of a word, close to a word, or a
//! short field matched whole) and a fine score within the tier, packed in
//! a `u16` so that a larger number is a better match and 0 is none.

use super::index::SearchIndex;
use super::query::{Part, Token};
use super::text::fold;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

pub(super) const LOOSE: u16 = 1;
pub(super) const CLOSE: u16 = 2;
pub(super) const PREFIX: u16 = 3;
pub(super) const EXACT: u16 = 4;
const FINE_BITS: u16 = 10;
pub(super) const FINE_MAX: u16 = 1000;

/// Terms longer than this are matched exactly or as a prefix only.
const MAX_FUZZY_CHARS: usize = 64;
/// A short field matched whole scores at least this, of FINE_MAX.
const MIN_WHOLE_FINE: u16 = 700;
/// Short fields longer than this are not matched whole.
const MAX_WHOLE_CHARS: usize = 1024;

pub(super) fn pack(tier: u16, fine: u16) -> u16 {
    tier << FINE_BITS | fine.min(FINE_MAX)
}

pub(super) fn tier(score: u16) -> u16 {
    score >> FINE_BITS
}

pub(super) fn fine(score: u16) -> u16 {
    score & ((1 << FINE_BITS) - 1)
}

/// A skim score scaled to 0..=FINE_MAX against the best it could be.
fn scaled(score: i64, best: i64) -> u16 {
    (score.max(0) * i64::from(FINE_MAX) / best.max(1)).min(i64::from(FINE_MAX)) as u16
}

/// How `token` meets `word` (both folded alike), or 0. A fuzzy token meets
/// a word that starts with the same letter and either holds the token's
/// letters in order, being at most 5/3 as long, or is one edit away (two
/// for a token of eight letters or more). The first letter is rarely
/// mistyped, and these bounds keep "un" from matching "ground": letters in
/// order anywhere in a long word, as fzf matches them, are too loose for
/// prose.
pub(super) fn match_part(m: &SkimMatcherV2, token: &Token, word: &str) -> u16 {
    let t = token.text.as_str();
    if word == t {
        return pack(EXACT, FINE_MAX);
    }
    let word_chars = || word.chars().count();
    // A shorter completion is the likelier word.
    let completion = || FINE_MAX - 10 * (word_chars().saturating_sub(token.chars)).min(90) as u16;
    match token.part {
        Part::Whole => 0,
        Part::Start | Part::Fuzzy if word.starts_with(t) => pack(PREFIX, completion()),
        Part::Start => 0,
        Part::End if word.ends_with(t) => pack(PREFIX, completion()),
        Part::End => 0,
        Part::Within if word.starts_with(t) => pack(PREFIX, completion()),
        Part::Within if word.contains(t) => pack(CLOSE, FINE_MAX / 2),
        Part::Within => 0,
        Part::Fuzzy => close(m, token, word, word_chars()),
    }
}

fn close(m: &SkimMatcherV2, token: &Token, word: &str, word_chars: usize) -> u16 {
    let n = token.chars;
    if !(3..=MAX_FUZZY_CHARS).contains(&n) || word.chars().next() != token.text.chars().next() {
        return 0;
    }
    if word_chars * 3 <= n * 5
        && let Some(score) = m.fuzzy_match(word, &token.text)
    {
        let best = m.fuzzy_match(&token.text, &token.text).unwrap_or(1);
        return pack(CLOSE, 200 + scaled(score, best) * 4 / 5);
    }
    let edits = if n >= 8 { 2 } else { usize::from(n >= 4) };
    if edits > 0 && word_chars.abs_diff(n) <= edits {
        let d = strsim::osa_distance(word, &token.text);
        if d <= edits {
            return pack(CLOSE, 200 - 50 * d as u16);
        }
    }
    0
}

/// A short field's text matched whole against a fuzzy term, as fzf does.
pub(super) fn match_whole(m: &SkimMatcherV2, text: &str, whole: &str) -> u16 {
    Whole::new(m, whole).against(m, text)
}

/// A fuzzy term to be matched whole against many short fields, with what
/// each needs of it worked out once: a query's first term is matched
/// against every title and name of a corpus, hundreds of thousands.
pub(super) struct Whole<'t> {
    text: &'t str,
    /// Its own score, the best a field can do; None for a term too long.
    best: Option<i64>,
}

impl<'t> Whole<'t> {
    pub(super) fn new(m: &SkimMatcherV2, text: &'t str) -> Whole<'t> {
        let fuzzy = text.chars().count() <= MAX_FUZZY_CHARS;
        Whole {
            text,
            best: fuzzy.then(|| m.fuzzy_match(text, text).unwrap_or(1)),
        }
    }

    /// Whether `field` could meet the term matched whole: false where
    /// `against` is surely 0, found far more cheaply than skim's score.
    pub(super) fn could_meet(&self, field: &str) -> bool {
        // Skim finds no match where the term's letters are not in the
        // field in order; its bytes in order are needed for that.
        self.best.is_some()
            && field.len() <= MAX_WHOLE_CHARS * 4
            && field.chars().count() <= MAX_WHOLE_CHARS
            && in_order(field.as_bytes(), self.text.as_bytes())
    }

    /// How `field` meets the term matched whole, or 0.
    pub(super) fn against(&self, m: &SkimMatcherV2, field: &str) -> u16 {
        let Some(best) = self.best.filter(|_| self.could_meet(field)) else {
            return 0;
        };
        let Some(score) = m.fuzzy_match(field, self.text) else {
            return 0;
        };
        // Letters strewn over a line ("crimes" in "current chair, … member
        // on the situation") score about half of a match at word starts
        // ("csw", "hrw"), which scores three quarters and more.
        let fine = scaled(score, best);
        if fine < MIN_WHOLE_FINE {
            return 0;
        }
        pack(LOOSE, fine)
    }
}

/// Whether every byte of `pattern` is in `text`, in order.
fn in_order(text: &[u8], pattern: &[u8]) -> bool {
    let mut rest = text;
    pattern
        .iter()
        .all(|&b| match rest.iter().position(|&t| t == b) {
            Some(at) => {
                rest = &rest[at + 1..];
                true
            }
            None => false,
        })
}

/// The words of the vocabulary one token meets, best first, and (when a
/// passage's words must be read) how each form meets it.
pub(super) struct Resolved {
    pub words: Vec<(u32, u16)>,
    /// By form id; empty until `with_forms`.
    pub forms: Vec<u16>,
    /// How many postings the words have, to take the rarest term first.
    pub cost: usize,
}

impl Resolved {
    pub fn new(index: &SearchIndex, m: &SkimMatcherV2, token: &Token, case: bool) -> Resolved {
        // The vocabulary is in lower case; a token with capitals is looked
        // up in lower case and its forms are checked with case after.
        let lower = Token {
            text: fold(&token.text, false),
            ..token.clone()
        };
        let t = lower.text.as_str();
        let range = match token.part {
            Part::Whole => index.prefixed(t),
            Part::Start => index.prefixed(t),
            Part::Fuzzy if token.chars >= 3 => {
                let first = t.chars().next().map(String::from).unwrap_or_default();
                index.prefixed(&first)
            }
            Part::Fuzzy => index.prefixed(t),
            Part::End | Part::Within => 0..index.words.len(),
        };
        let mut words: Vec<(u32, u16)> = Vec::new();
        for w in range {
            let mut score = match_part(m, &lower, &index.words[w]);
            if score > 0 && case {
                score = index
                    .word_forms
                    .get(w)
                    .iter()
                    .map(|&f| match_part(m, token, &fold(&index.tokens.forms()[f as usize], true)))
                    .max()
                    .unwrap_or(0);
            }
            if score > 0 {
                words.push((w as u32, score));
            }
        }
        words.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let cost = words
            .iter()
            .map(|&(w, _)| index.postings.len(w as usize))
            .sum();
        Resolved {
            words,
            forms: Vec::new(),
            cost,
        }
    }

    /// Fills `forms`: how each form of the matched words meets the token.
    pub fn with_forms(
        &mut self,
        index: &SearchIndex,
        m: &SkimMatcherV2,
        token: &Token,
        case: bool,
    ) {
        self.forms = vec![0; index.tokens.forms().len()];
        for &(w, score) in &self.words {
            for &f in index.word_forms.get(w as usize) {
                self.forms[f as usize] = if case {
                    match_part(m, token, &fold(&index.tokens.forms()[f as usize], true))
                } else {
                    score
                };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(text: &str, part: Part) -> Token {
        Token {
            text: text.into(),
            chars: text.chars().count(),
            part,
        }
    }

    fn tier_of(text: &str, part: Part, word: &str) -> u16 {
        tier(match_part(
            &SkimMatcherV2::default().respect_case(),
            &token(text, part),
            word,
        ))
    }

    #[test]
    fn fuzzy_tokens_meet_equal_then_prefixed_then_close_words() {
        let f = Part::Fuzzy;
        assert_eq!(tier_of("council", f, "council"), EXACT);
        assert_eq!(tier_of("counc", f, "council"), PREFIX);
        assert_eq!(tier_of("councl", f, "council"), CLOSE);
        assert_eq!(tier_of("secrty", f, "security"), CLOSE);
        assert_eq!(tier_of("secuirty", f, "security"), CLOSE, "a transposition");
        assert_eq!(tier_of("securjty", f, "security"), CLOSE, "a wrong letter");
        assert_eq!(tier_of("un", f, "ground"), 0);
        assert_eq!(tier_of("crimes", f, "circumstances"), 0, "too loose");
        assert_eq!(tier_of("ecurity", f, "security"), 0, "first letter kept");
        assert_eq!(tier_of("cou", f, "contribution"), 0);
    }

    #[test]
    fn a_nearer_spelling_and_a_shorter_completion_score_higher() {
        let m = SkimMatcherV2::default().respect_case();
        let t = token("secrty", Part::Fuzzy);
        assert!(match_part(&m, &t, "security") > match_part(&m, &t, "secrecy"));
        let t = token("coun", Part::Fuzzy);
        assert!(match_part(&m, &t, "council") > match_part(&m, &t, "councils"));
    }

    #[test]
    fn exact_parts_meet_only_what_they_say() {
        assert_eq!(tier_of("secur", Part::Within, "insecurity"), CLOSE);
        assert_eq!(tier_of("secur", Part::Within, "security"), PREFIX);
        assert_eq!(tier_of("secrty", Part::Within, "security"), 0);
        assert_eq!(tier_of("secur", Part::Start, "insecurity"), 0);
        assert_eq!(tier_of("rights", Part::End, "human"), 0);
        assert_eq!(tier_of("man", Part::End, "human"), PREFIX);
        assert_eq!(tier_of("man", Part::Whole, "human"), 0);
    }

    #[test]
    fn short_fields_match_whole_like_fzf() {
        let m = SkimMatcherV2::default().respect_case();
        let csw = "christian solidarity worldwide";
        assert_eq!(tier(match_whole(&m, csw, "csw")), LOOSE);
        assert_eq!(match_whole(&m, csw, "zzz"), 0);
        assert_eq!(match_whole(&m, "current chair, in the serbia", "crimes"), 0);
        assert_eq!(match_whole(&m, &"a".repeat(5000), "a"), 0, "bounded");
    }

    /// `match_whole` as it was before its term was prepared once and its
    /// letters looked for in order first: the reference it must equal.
    fn match_whole_as_it_was(m: &SkimMatcherV2, text: &str, whole: &str) -> u16 {
        if whole.chars().count() > MAX_FUZZY_CHARS || text.len() > MAX_WHOLE_CHARS * 4 {
            return 0;
        }
        if text.chars().count() > MAX_WHOLE_CHARS {
            return 0;
        }
        let Some(score) = m.fuzzy_match(text, whole) else {
            return 0;
        };
        let fine = scaled(score, m.fuzzy_match(whole, whole).unwrap_or(1));
        if fine < MIN_WHOLE_FINE {
            return 0;
        }
        pack(LOOSE, fine)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

        #[test]
        fn a_term_prepared_once_matches_every_field_as_before(
            field in "[a-zA-Z ,é북한]{0,40}",
            term in "[a-zA-Zé북]{1,5}",
        ) {
            let m = SkimMatcherV2::default().respect_case();
            let whole = Whole::new(&m, &term);
            proptest::prop_assert_eq!(
                whole.against(&m, &field),
                match_whole_as_it_was(&m, &field, &term)
            );
        }
    }
}
