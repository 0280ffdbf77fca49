//! Where a hit matches: character positions in its field's text, worked out
//! only for the hits shown, with the same rules that ranked them.

use super::hit::{Field, Hit};
use super::index::SearchIndex;
use super::matching::{match_part, match_whole, tier};
use super::query::{Part, Query, Term, Token};
use super::text::{fold_mapped, words};
use crate::corpus::Corpus;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use std::borrow::Cow;
use std::cmp::Reverse;

/// The full text of a field, verbatim; a person's is their line as `show`
/// prints it. `None` for a field the corpus does not have.
pub fn field_text(corpus: &Corpus, doc: usize, field: Field) -> Option<Cow<'_, str>> {
    let d = corpus.documents.get(doc)?;
    match field {
        Field::Title => Some(Cow::Borrowed(&d.title)),
        Field::Paragraph(i) => d.paragraphs.get(i).map(|p| Cow::Borrowed(p.as_str())),
        Field::Person(i) => d.people.get(i).map(|p| Cow::Owned(p.line())),
    }
}

/// How closely a term matched: its tier, its number of words, and how
/// rare its word is; greater is closer.
type Closeness = (u16, usize, Reverse<usize>);

/// Where a hit matches: the characters to mark, and where its best match
/// starts, for a snippet or a preview to centre on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Marks {
    /// Positions in characters, sorted, without repeats.
    pub chars: Vec<usize>,
    /// The start of the best-matching term's first best match: the term
    /// matched most closely (an exact word over a close one), then the
    /// longest (a phrase over a word), then the rarest in the corpus.
    pub focus: Option<usize>,
}

impl SearchIndex {
    /// The positions, in characters, of the text of `hit`'s field that
    /// `query` matches: sorted, without repeats, each within the text.
    /// For each term, its best matches in the field are marked.
    pub fn indices(&self, hit: &Hit, query: &Query, corpus: &Corpus) -> Vec<usize> {
        self.marks(hit, query, corpus).chars
    }

    /// [`SearchIndex::indices`] and where the best match starts.
    pub fn marks(&self, hit: &Hit, query: &Query, corpus: &Corpus) -> Marks {
        let Some(text) = field_text(corpus, hit.doc, hit.field) else {
            return Marks::default();
        };
        let short = !matches!(hit.field, Field::Paragraph(_));
        let m = SkimMatcherV2::default().respect_case();
        let found = words(&text);
        // Each word folded, with where in the word each folded character
        // came from ("Straße" is "strasse").
        let lower: Vec<(String, Vec<usize>)> =
            found.iter().map(|(_, w)| fold_mapped(w, false)).collect();
        let cased: Vec<(String, Vec<usize>)> =
            found.iter().map(|(_, w)| fold_mapped(w, true)).collect();
        let mut out = Vec::new();
        // The best term's (tier, words, rarity) and where its match starts.
        let mut best: Option<(Closeness, usize)> = None;
        for term in query.terms.iter().flatten() {
            let folded = if term.case_sensitive { &cased } else { &lower };
            if let Some((tier, i)) = mark_words(&m, term, &found, folded, &mut out) {
                let key = (
                    tier,
                    term.tokens.len(),
                    Reverse(self.frequency(&lower[i].0)),
                );
                if best.as_ref().is_none_or(|(k, _)| key > *k) {
                    best = Some((key, found[i].0));
                }
            } else if short && let Some(whole) = &term.whole {
                mark_whole(&m, &text, whole, term.case_sensitive, &mut out);
            }
        }
        out.sort_unstable();
        out.dedup();
        let focus = best.map(|(_, at)| at).or(out.first().copied());
        Marks { chars: out, focus }
    }

    /// In how many passages a folded word is.
    fn frequency(&self, word: &str) -> usize {
        self.words
            .binary_search_by(|w| (**w).cmp(word))
            .map_or(0, |w| self.postings.len(w))
    }
}

/// Marks the term's best matches among the words. Returns the tier of
/// those and the first's word, or `None` if the term has no match.
fn mark_words(
    m: &SkimMatcherV2,
    term: &Term,
    found: &[(usize, &str)],
    folded: &[(String, Vec<usize>)],
    out: &mut Vec<usize>,
) -> Option<(u16, usize)> {
    let score_at = |i: usize| {
        term.tokens
            .iter()
            .enumerate()
            .map(|(k, t)| folded.get(i + k).map_or(0, |(w, _)| match_part(m, t, w)))
            .min()
            .unwrap_or(0)
    };
    let scores: Vec<u16> = (0..folded.len()).map(score_at).collect();
    let best = scores.iter().map(|&s| tier(s)).max().filter(|&t| t > 0)?;
    let mut first = None;
    for (i, &score) in scores.iter().enumerate() {
        if tier(score) != best {
            continue;
        }
        first.get_or_insert(i);
        for (k, token) in term.tokens.iter().enumerate() {
            if let (Some((start, _)), Some((word, from))) = (found.get(i + k), folded.get(i + k)) {
                let at = positions(m, token, word).into_iter();
                out.extend(at.filter_map(|c| from.get(c)).map(|c| start + c));
            }
        }
    }
    first.map(|i| (best, i))
}

/// Where in `word` (folded) `token` matches, in characters.
fn positions(m: &SkimMatcherV2, token: &Token, word: &str) -> Vec<usize> {
    let chars = word.chars().count();
    let t = token.text.as_str();
    if word.starts_with(t) && token.part != Part::End {
        return (0..token.chars).collect();
    }
    if word.ends_with(t) {
        return (chars - token.chars.min(chars)..chars).collect();
    }
    if token.part == Part::Within
        && let Some(byte) = word.find(t)
    {
        let from = word[..byte].chars().count();
        return (from..from + token.chars).collect();
    }
    // Close: the letters in order, or the whole word when one was wrong.
    match m.fuzzy_indices(word, t) {
        Some((_, found)) => found,
        None => (0..chars).collect(),
    }
}

/// Marks a fuzzy term matched across a title or person line, as fzf does.
fn mark_whole(m: &SkimMatcherV2, text: &str, whole: &str, case: bool, out: &mut Vec<usize>) {
    let (folded, from) = fold_mapped(text, case);
    if match_whole(m, &folded, whole) == 0 {
        return;
    }
    if let Some((_, found)) = m.fuzzy_indices(&folded, whole) {
        out.extend(found.into_iter().filter_map(|c| from.get(c)));
    }
}
