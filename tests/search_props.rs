//! Search never panics, whatever the query: random strings, and words of
//! the corpus mixed with operators, filters and hostile characters. Every
//! match position it gives points inside the hit's text, in order, once.

use nkread::corpus::Corpus;
use nkread::search::{Query, Scope, SearchIndex, field_text};
use proptest::prelude::*;
use std::sync::OnceLock;

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| Corpus::load(&[]).expect("the bundled corpus loads"))
}

fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::build(corpus()))
}

fn check(query: &str, scope: Scope) -> Result<(), TestCaseError> {
    let Ok(q) = Query::parse(query, corpus()) else {
        return Ok(());
    };
    let result = index().search(&q, scope, 30);
    prop_assert!(result.hits.len() <= 30);
    for hit in &result.hits {
        let text = field_text(corpus(), hit.doc, hit.field);
        prop_assert!(text.is_some(), "{hit:?}");
        let chars = text.map_or(0, |t| t.chars().count());
        let marks = index().indices(hit, &q, corpus());
        prop_assert!(
            marks.windows(2).all(|w| w[0] < w[1]),
            "{query:?}: {marks:?}"
        );
        prop_assert!(marks.iter().all(|&m| m < chars), "{query:?}: {marks:?}");
    }
    prop_assert!(result.hits.windows(2).all(|w| w[0].score >= w[1].score));
    Ok(())
}

/// Words of the corpus, cut and misspelt, with the query syntax around them.
fn queryish() -> impl Strategy<Value = String> {
    let word = prop::sample::select(vec![
        "security", "Council", "secrty", "councl", "crimes", "humanity", "DPRK", "Rogers", "Tomás",
        "북한", "인권", "حقوق", "a", "the", "csw", "hrw", "icnk", "2015",
    ]);
    let prefix = prop::sample::select(vec![
        "", "", "", "!", "'", "^", "\"", "!^", "kind:", "year:", "by:", "role:", "year:..",
        "by:\"", "foo:", "| ", "| '", "!| ",
    ]);
    let noise = prop::sample::select(vec![
        "",
        "",
        " ",
        "\u{1b}[31m",
        "\u{202e}",
        "\u{0}",
        "\t",
        "-",
        "..",
        "\"",
        "é",
        "\u{301}",
        "$",
        "$ |",
    ]);
    prop::collection::vec((prefix, word, noise), 0..8).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(p, w, n)| format!("{p}{w}{n}"))
            .collect::<Vec<_>>()
            .join(" ")
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn random_strings_never_panic(query in any::<String>(), doc in 0usize..7) {
        check(&query, Scope::All)?;
        check(&query, Scope::Doc(doc))?;
    }

    #[test]
    fn query_syntax_with_corpus_words_gives_valid_positions(query in queryish(), doc in 0usize..7) {
        check(&query, Scope::All)?;
        check(&query, Scope::Doc(doc))?;
    }

    /// The best k, found by reading only until they can no longer change,
    /// are the first k of the whole ranking; the count is its length.
    #[test]
    fn the_best_k_are_the_first_k_of_the_whole_ranking(
        query in queryish(),
        k in 1usize..40,
        doc in prop::option::of(0usize..7),
    ) {
        let Ok(q) = Query::parse(&query, corpus()) else {
            return Ok(());
        };
        let scope = doc.map_or(Scope::All, Scope::Doc);
        let all = index().search(&q, scope, usize::MAX).hits;
        let best = index().search(&q, scope, k).hits;
        prop_assert_eq!(&best[..], &all[..k.min(all.len())], "{:?}", query);
        let (counted, count) = index()
            .search_counted(&q, scope, k, &|| false)
            .expect("never stopped");
        prop_assert_eq!(counted.hits, best);
        prop_assert_eq!(count, all.len());
    }
}

/// Many documents of the same few words: many ties, and passages whose
/// terms stand near or far, so that reading stops early often.
fn crowded() -> &'static (Corpus, SearchIndex) {
    static CROWDED: OnceLock<(Corpus, SearchIndex)> = OnceLock::new();
    CROWDED.get_or_init(|| {
        const WORDS: [&str; 8] = [
            "crimes", "against", "humanity", "council", "security", "camps", "crime", "human",
        ];
        let dir = tempfile::tempdir().expect("a directory");
        let docs: Vec<String> = (0..120usize)
            .map(|d| {
                let paragraphs: Vec<String> = (0..6usize)
                    .map(|p| {
                        let words: Vec<&str> = (0..(3 + (d * 7 + p) % 9))
                            .map(|w| WORDS[(d * 31 + p * 17 + w * w * 5 + w) % WORDS.len()])
                            .collect();
                        format!("\"{}.\"", words.join(" "))
                    })
                    .collect();
                format!(
                    "{{\"id\": \"d{d}\", \"title\": \"{} report\", \"date\": \"20{:02}\", \"kind\": \"report\", \"paragraphs\": [{}]}}",
                    WORDS[d % WORDS.len()],
                    d % 25,
                    paragraphs.join(", ")
                )
            })
            .collect();
        std::fs::write(dir.path().join("docs.json"), format!("[{}]", docs.join(",\n")))
            .expect("written");
        let corpus = Corpus::load(&[dir.path().to_path_buf()]).expect("the corpus loads");
        let index = SearchIndex::build(&corpus);
        (corpus, index)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// On a corpus of ties, too, the best k are the first k of the whole
    /// ranking, and the count is its length.
    #[test]
    fn on_a_crowded_corpus_the_best_k_are_the_first_k(
        words in prop::collection::vec(
            prop::sample::select(vec!["crimes", "humanit", "agains", "secrty", "councl", "camp", "'human", "!crime"]),
            1..4,
        ),
        k in 1usize..40,
    ) {
        let (corpus, index) = crowded();
        let query = words.join(" ");
        let Ok(q) = Query::parse(&query, corpus) else {
            return Ok(());
        };
        let all = index.search(&q, Scope::All, usize::MAX).hits;
        let best = index.search(&q, Scope::All, k).hits;
        prop_assert_eq!(&best[..], &all[..k.min(all.len())], "{:?}", query);
        let (counted, count) = index
            .search_counted(&q, Scope::All, k, &|| false)
            .expect("never stopped");
        prop_assert_eq!(counted.hits, best);
        prop_assert_eq!(count, all.len());
    }
}

/// The crowded corpus is crowded: a two-word query matches far more
/// passages than a page, many of them alike.
#[test]
fn the_crowded_corpus_has_more_matches_than_a_page() {
    let (corpus, index) = crowded();
    let q = Query::parse("crimes humanit", corpus).expect("parses");
    let all = index.search(&q, Scope::All, usize::MAX).hits;
    assert!(all.len() > 200, "{}", all.len());
    let tied = all.windows(2).filter(|w| w[0].score == w[1].score).count();
    assert!(tied > 100, "{tied}");
}

/// A count that reads passages (two words: how near they are) gives up
/// when told to.
#[test]
fn a_count_told_to_stop_stops() {
    let q = Query::parse("crimes humanity", corpus()).expect("parses");
    assert!(!index().search(&q, Scope::All, 1).hits.is_empty());
    assert!(
        index()
            .search_counted(&q, Scope::All, 10, &|| true)
            .is_none()
    );
}

#[test]
fn hostile_queries_are_answered() {
    let long = "crimes against humanity ".repeat(500);
    for query in [
        "",
        " \t\n",
        "\u{1b}]0;x\u{7}",
        "북한 인권",
        "\u{202e}حقوق الإنسان",
        long.as_str(),
        &"a ".repeat(5000),
        &"é".repeat(10_000),
        &"\u{301}".repeat(300),
    ] {
        check(query, Scope::All).expect("valid");
    }
}
