//! A page of hits, and the index typed into key by key: what is passed
//! over or kept between queries never changes an answer.

use super::*;

#[test]
fn a_page_of_hits_is_the_head_of_all_hits_whatever_was_passed_over() {
    for query in [
        "crimes humanity",
        "human rights violations",
        "secrty councl",
        "the of and",
        "council UN",
        "\"human rights\" korea",
        "a",
        "north korea !dprk",
    ] {
        let q = Query::parse(query, corpus()).unwrap();
        let all = index().search(&q, Scope::All, usize::MAX).hits;
        for limit in [1, 3, 10] {
            let page = index().search(&q, Scope::All, limit).hits;
            assert_eq!(page, all[..limit.min(all.len())], "{query} at {limit}");
        }
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// The hits on screen, passing over what cannot enter the page (the
    /// whole-field matches kept from the queries before), are the head of
    /// the full ranking.
    #[test]
    fn a_page_is_the_head_of_the_full_ranking_for_any_query(
        words in proptest::collection::vec(
            proptest::sample::select(vec![
                "crimes", "humanit", "human", "rights", "council", "secrty", "korea",
                "north", "un", "the", "of", "report", "commission", "\"human rights\"",
                "!dprk", "csw", "Kim", "abduct",
            ]),
            1..4,
        ),
        limit in 1usize..40,
    ) {
        let q = Query::parse(&words.join(" "), corpus()).unwrap();
        let all = index().search(&q, Scope::All, usize::MAX).hits;
        let page = index().search(&q, Scope::All, limit).hits;
        proptest::prop_assert_eq!(&page[..], &all[..limit.min(all.len())]);
    }
}

/// Typing a query key by key runs every prefix; the index keeps its
/// terms' whole-field matches between them. Each answer is the one an
/// index that remembers nothing gives, page and all.
#[test]
fn a_query_typed_key_by_key_answers_as_one_asked_afresh() {
    let typing = index().clone();
    for query in [
        "crimes humanit",
        "csw councl",
        "ojea quintana ohchr",
        "Kim un",
    ] {
        for end in (1..=query.len()).filter(|&e| query.is_char_boundary(e)) {
            let q = Query::parse(&query[..end], corpus()).unwrap();
            for limit in [20, usize::MAX] {
                let fresh = index().clone();
                assert_eq!(
                    typing.search(&q, Scope::All, limit).hits,
                    fresh.search(&q, Scope::All, limit).hits,
                    "{:?} at {limit}",
                    &query[..end]
                );
            }
        }
    }
}

/// `humanit` has its letters in order in a third of the titles and names
/// ("human rights"), `council` in a few, though `humanit` is the rarer
/// word. Typed after `council`, or pasted with it, `humanit` is matched
/// whole only where `council` meets, not against every field that holds
/// its letters; and the hits are those of `humanit` worked out first.
#[test]
fn a_word_is_matched_whole_only_where_a_word_in_fewer_fields_meets() {
    let matched_whole = |index: &SearchIndex| {
        let scores = index.remembered.take(&vec![(false, "humanit".to_string())]);
        scores.iter().filter(|s| s.is_some_and(|v| v > 0)).count()
    };
    let ask = |index: &SearchIndex, query: &str| {
        let q = Query::parse(query, corpus()).unwrap();
        index.search(&q, Scope::All, 20).hits
    };
    let q = Query::parse("humanit council", corpus()).unwrap();
    let m = fuzzy_matcher::skim::SkimMatcherV2::default();
    let cost = |term| looked::Group(vec![looked::Looked::new(index(), &m, term)]).cost();
    assert!(
        cost(&q.terms[0][0]) < cost(&q.terms[1][0]),
        "humanit is the rarer"
    );
    let alone = index().clone();
    ask(&alone, "humanit");
    let alone = matched_whole(&alone);
    assert!(alone >= 20, "humanit alone meets {alone} fields whole");
    let first = index().clone();
    ask(&first, "humanit");
    let hits = ask(&first, "humanit council");
    assert!(!hits.is_empty());

    let typed = index().clone();
    ask(&typed, "council");
    assert_eq!(ask(&typed, "council humanit"), hits);
    let pasted = index().clone();
    assert_eq!(ask(&pasted, "humanit council"), hits);
    for (how, index) in [("typed", &typed), ("pasted", &pasted)] {
        let matched = matched_whole(index);
        assert!(matched * 4 < alone, "{how}: {matched} of {alone}");
    }
}
