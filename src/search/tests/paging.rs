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

/// A word typed after one whose whole-field matches are kept is matched
/// whole only against the titles and names that the kept word meets, not
/// against every one of them again, even where it is the rarer word.
#[test]
fn a_new_word_after_a_kept_one_is_matched_whole_only_where_the_kept_one_meets() {
    let typing = index().clone();
    let worked_out = |word: &str| {
        let scores = typing.remembered.take(&vec![(false, word.to_string())]);
        scores.iter().filter(|s| s.is_some()).count()
    };
    let ask = |query: &str| {
        let q = Query::parse(query, corpus()).unwrap();
        typing.search(&q, Scope::All, 20).hits
    };
    let q = Query::parse("human crimes", corpus()).unwrap();
    let m = fuzzy_matcher::skim::SkimMatcherV2::default();
    let cost = |term| looked::Group(vec![looked::Looked::new(index(), &m, term)]).cost();
    assert!(
        cost(&q.terms[1][0]) < cost(&q.terms[0][0]),
        "crimes is the rarer"
    );
    ask("human");
    let fresh = index().clone();
    assert_eq!(ask("human crimes"), fresh.search(&q, Scope::All, 20).hits);
    // Matched against all of them, crimes was worked out for 113 of 116.
    let (crimes, shorts) = (worked_out("crimes"), index().shorts_lower.len());
    assert!(crimes * 2 < shorts, "{crimes} of {shorts}");
}
