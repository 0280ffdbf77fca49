//! nkread's exact operators (`'`, `^`, `$`, `!`, `|`) against `fzf --filter`
//! on the bundled paragraphs, one a line. The sets fzf matched are recorded
//! in tests/fixtures/fzf/expected.tsv by regen.sh, so this needs no fzf.
//!
//! They agree on every query but those in `DIFFER`:
//! - fzf anchors `^` and `$` to the line, here a whole paragraph; nkread
//!   anchors them to a word, as its README says, since a paragraph is prose
//!   rather than a line of code. A paragraph that starts (ends) with the
//!   text has a word that starts (ends) with it, so fzf's set is within
//!   nkread's, and for `!^the` the other way round.
//! - fzf 0.38 reads `!'the` as "lacks t, h, e in order anywhere" (the quote
//!   flips an exclusion, exact by default, to fuzzy); nkread keeps `'` exact
//!   everywhere, so `!'the` is `!the`, and leaves out fewer.

use nkread::corpus::Corpus;
use nkread::search::{Field, Query, Scope, SearchIndex};
use std::collections::BTreeSet;

const EXPECTED: &str = include_str!("fixtures/fzf/expected.tsv");

/// Queries where nkread and fzf part, and whether fzf's set is within
/// nkread's (else nkread's within fzf's).
const DIFFER: [(&str, bool); 7] = [
    // "Amnesty" starts one paragraph and is a word in three more.
    ("^Amnesty", true),
    // Eleven paragraphs start with "The"; more have "The" or "These" after
    // a full stop.
    ("^The", true),
    // No paragraph ends with the word; many have it.
    ("council$", true),
    // "Korea." ends three paragraphs; "Korea" ends words in others.
    ("Korea.$", true),
    // Paragraphs that start otherwise but have a word starting "the".
    ("!^the", false),
    // No paragraph is the one word; many hold it.
    ("^Council$", true),
    // Two paragraphs lack "the" but have t, h and e in order.
    ("!'the", true),
];

fn matched(corpus: &Corpus, index: &SearchIndex, query: &str) -> BTreeSet<String> {
    let q = Query::parse(query, corpus).expect("parses");
    index
        .search(&q, Scope::All, usize::MAX)
        .hits
        .into_iter()
        .filter_map(|h| match h.field {
            Field::Paragraph(p) => Some(format!("{}:{}", corpus.documents[h.doc].id, p + 1)),
            _ => None,
        })
        .collect()
}

#[test]
fn exact_operators_match_the_paragraphs_fzf_matches() {
    let corpus = Corpus::load(&[]).expect("the bundled corpus loads");
    let index = SearchIndex::build(&corpus);
    let mut agreed = 0;
    let mut queries = 0;
    let mut wrong = Vec::new();
    for line in EXPECTED.lines().filter(|l| !l.starts_with('#')) {
        let (query, ids) = line.split_once('\t').expect("query<TAB>ids");
        let fzf: BTreeSet<String> = ids.split_whitespace().map(String::from).collect();
        let ours = matched(&corpus, &index, query);
        queries += 1;
        let ok = match DIFFER.iter().find(|(q, _)| *q == query) {
            None => ours == fzf,
            Some((_, true)) => ours.is_superset(&fzf) && ours != fzf,
            Some((_, false)) => ours.is_subset(&fzf) && ours != fzf,
        };
        if !ok {
            let only_ours: Vec<_> = ours.difference(&fzf).collect();
            let only_fzf: Vec<_> = fzf.difference(&ours).collect();
            wrong.push(format!(
                "{query}: only nkread {only_ours:?}, only fzf {only_fzf:?}"
            ));
        }
        agreed += usize::from(ok && ours == fzf);
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    assert_eq!((agreed, queries), (16, 23));
}

#[test]
fn either_term_ends_of_words_and_exclusions_alone() {
    let corpus = Corpus::load(&[]).expect("the bundled corpus loads");
    let index = SearchIndex::build(&corpus);
    let either = matched(&corpus, &index, "'songbun | 'shoot");
    assert_eq!(
        either,
        matched(&corpus, &index, "'songbun")
            .union(&matched(&corpus, &index, "'shoot"))
            .cloned()
            .collect()
    );
    assert_eq!(either.len(), 2);
    // `$` is the end of a word: "Council" but not "councils" nor "councillor".
    let q = Query::parse("council$", &corpus).unwrap();
    for hit in index.search(&q, Scope::All, usize::MAX).hits {
        let marks = index.indices(&hit, &q, &corpus);
        let text = nkread::search::field_text(&corpus, hit.doc, hit.field).unwrap();
        let chars: Vec<char> = text.chars().collect();
        let last = *marks.last().expect("marked");
        assert!(
            chars.get(last + 1).is_none_or(|c| !c.is_alphanumeric()),
            "{text}"
        );
    }
    let paragraphs: usize = corpus.documents.iter().map(|d| d.paragraphs.len()).sum();
    let without = matched(&corpus, &index, "!'the");
    assert!(!without.is_empty() && without.len() < paragraphs);
    assert_eq!(matched(&corpus, &index, "!'zzzzqq").len(), paragraphs);
}
