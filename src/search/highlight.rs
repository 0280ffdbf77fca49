//! Where a hit matches: character positions in its field's text, worked out
//! only for the hits shown, with the same rules that ranked them.

use super::hit::{Field, Hit};
use super::index::SearchIndex;
use super::matching::{match_part, match_whole, tier};
use super::query::{Part, Query, Term, Token};
use super::text::{fold, words};
use crate::corpus::Corpus;
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use std::borrow::Cow;

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

impl SearchIndex {
    /// The positions, in characters, of the text of `hit`'s field that
    /// `query` matches: sorted, without repeats, each within the text.
    /// For each term, its best matches in the field are marked.
    pub fn indices(&self, hit: &Hit, query: &Query, corpus: &Corpus) -> Vec<usize> {
        let Some(text) = field_text(corpus, hit.doc, hit.field) else {
            return Vec::new();
        };
        let short = !matches!(hit.field, Field::Paragraph(_));
        let m = SkimMatcherV2::default().respect_case();
        let found = words(&text);
        let lower: Vec<String> = found.iter().map(|(_, w)| fold(w, false)).collect();
        let cased: Vec<String> = found.iter().map(|(_, w)| fold(w, true)).collect();
        let mut out = Vec::new();
        for term in query.terms.iter().flatten() {
            let folded = if term.case_sensitive { &cased } else { &lower };
            if !mark_words(&m, term, &found, folded, &mut out)
                && short
                && let Some(whole) = &term.whole
            {
                mark_whole(&m, &text, whole, term.case_sensitive, &mut out);
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Marks the term's best matches among the words; false if it has none.
fn mark_words(
    m: &SkimMatcherV2,
    term: &Term,
    found: &[(usize, &str)],
    folded: &[String],
    out: &mut Vec<usize>,
) -> bool {
    let score_at = |i: usize| {
        term.tokens
            .iter()
            .enumerate()
            .map(|(k, t)| folded.get(i + k).map_or(0, |w| match_part(m, t, w)))
            .min()
            .unwrap_or(0)
    };
    let scores: Vec<u16> = (0..folded.len()).map(score_at).collect();
    let Some(best) = scores.iter().map(|&s| tier(s)).max().filter(|&t| t > 0) else {
        return false;
    };
    for (i, &score) in scores.iter().enumerate() {
        if tier(score) != best {
            continue;
        }
        for (k, token) in term.tokens.iter().enumerate() {
            if let (Some((start, _)), Some(word)) = (found.get(i + k), folded.get(i + k)) {
                out.extend(positions(m, token, word).into_iter().map(|c| start + c));
            }
        }
    }
    true
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
    let folded = fold(text, case);
    if match_whole(m, &folded, whole) == 0 {
        return;
    }
    if let Some((_, found)) = m.fuzzy_indices(&folded, whole) {
        out.extend(found);
    }
}
