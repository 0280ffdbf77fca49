//! Search end to end on the bundled corpus: what comes first, and where.

use super::*;
use crate::corpus::Corpus;
use std::sync::OnceLock;

mod paging;

fn corpus() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| Corpus::load(&[]).expect("the bundled corpus loads"))
}

fn index() -> &'static SearchIndex {
    static INDEX: OnceLock<SearchIndex> = OnceLock::new();
    INDEX.get_or_init(|| SearchIndex::build(corpus()))
}

fn search_in(query: &str, scope: Scope, limit: usize) -> Vec<(Hit, String, Vec<usize>)> {
    let q = Query::parse(query, corpus()).expect("parses");
    index()
        .search(&q, scope, limit)
        .hits
        .into_iter()
        .map(|h| {
            let text = field_text(corpus(), h.doc, h.field).unwrap().into_owned();
            let marks = index().indices(&h, &q, corpus());
            (h, text, marks)
        })
        .collect()
}

fn search(query: &str) -> Vec<(Hit, String, Vec<usize>)> {
    search_in(query, Scope::All, 20)
}

/// The marked characters of a text, as a string per run.
fn marked(text: &str, marks: &[usize]) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut runs: Vec<String> = Vec::new();
    let mut last = None;
    for &i in marks {
        if last.is_some_and(|l| l + 1 == i) {
            runs.last_mut().unwrap().push(chars[i]);
        } else {
            runs.push(chars[i].to_string());
        }
        last = Some(i);
    }
    runs
}

#[test]
fn a_typo_query_puts_the_security_council_passages_first() {
    let hits = search("secrty councl");
    assert!(!hits.is_empty());
    for (hit, text, marks) in hits.iter().take(3) {
        assert!(text.contains("Security Council"), "{hit:?}: {text}");
        let runs = marked(text, marks);
        assert!(runs.iter().any(|r| r == "Sec"), "{runs:?}");
    }
    // Side by side beats far apart, whatever the field.
    let first_apart = hits
        .iter()
        .position(|(_, t, _)| !t.contains("Security Council"))
        .unwrap_or(hits.len());
    assert!(
        hits[..first_apart]
            .iter()
            .all(|(_, t, _)| t.contains("Security Council"))
    );
}

#[test]
fn exact_words_rank_above_prefixes_above_close_words() {
    let hits = search("council");
    let tiers: Vec<bool> = hits
        .iter()
        .map(|(_, t, _)| {
            t.to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w == "council")
        })
        .collect();
    // Once a hit lacks the exact word, no later hit has it.
    let first_inexact = tiers.iter().position(|&t| !t).unwrap_or(tiers.len());
    assert!(tiers[first_inexact..].iter().all(|&t| !t), "{tiers:?}");
}

#[test]
fn titles_come_before_people_before_paragraphs_when_all_else_is_equal() {
    let hits = search("^justice");
    let kinds: Vec<u8> = hits
        .iter()
        .map(|(h, _, _)| match h.field {
            Field::Title => 0,
            Field::Person(_) => 1,
            Field::Paragraph(_) => 2,
        })
        .collect();
    assert!(kinds.contains(&0) && kinds.contains(&2), "{kinds:?}");
    let title = kinds.iter().position(|&k| k == 0).unwrap();
    let paragraph = kinds.iter().position(|&k| k == 2).unwrap();
    assert!(title < paragraph, "{kinds:?}");
}

#[test]
fn crimes_humanity_matches_the_passages_with_both_words_only() {
    let q = Query::parse("crimes humanity", corpus()).unwrap();
    let all = index().search(&q, Scope::All, usize::MAX).hits;
    let paragraphs: usize = corpus().documents.iter().map(|d| d.paragraphs.len()).sum();
    let matched = all
        .iter()
        .filter(|h| matches!(h.field, Field::Paragraph(_)))
        .count();
    assert!(
        matched > 0 && matched * 2 < paragraphs,
        "{matched} of {paragraphs}"
    );
    for h in &all {
        let text = field_text(corpus(), h.doc, h.field).unwrap().to_lowercase();
        assert!(text.contains("crime") && text.contains("humanit"), "{text}");
    }
}

#[test]
fn operators_exclude_anchor_and_match_exactly() {
    for (_, text, _) in search("korea !dprk") {
        assert!(!text.to_lowercase().contains("dprk"), "{text}");
    }
    let exact = search("'secur");
    assert!(!exact.is_empty());
    for (_, text, marks) in &exact {
        assert!(
            marked(text, marks)
                .iter()
                .all(|r| r.eq_ignore_ascii_case("secur"))
        );
    }
    assert!(search("'secrty").is_empty());
    for (_, text, _) in search("\"human rights watch\"") {
        assert!(text.to_lowercase().contains("human rights watch"), "{text}");
    }
    assert!(!search("\"human rights watch\"").is_empty());
    // Anchored: the start of a word, never its middle.
    for (_, text, marks) in search("^humanit") {
        for run in marked(&text, &marks) {
            assert!(run.eq_ignore_ascii_case("humanit"), "{run}");
        }
    }
}

#[test]
fn smart_case_matches_case_only_for_a_term_with_capitals() {
    let upper = search("UN");
    let lower = search("un");
    assert!(lower.len() >= upper.len());
    for (_, text, marks) in &upper {
        for run in marked(text, marks) {
            assert_eq!(run, "UN", "{text}");
        }
    }
}

#[test]
fn filters_alone_list_titles_and_narrow_text_searches() {
    let titles = search("year:2014..2015");
    assert_eq!(titles.len(), 3, "inferred dates answer a year filter");
    assert!(
        titles
            .iter()
            .all(|(h, _, m)| h.field == Field::Title && m.is_empty())
    );
    // Newest first.
    let years: Vec<_> = titles
        .iter()
        .map(|(h, _, _)| corpus().documents[h.doc].sort_date())
        .collect();
    assert!(years[0] > years[1] && years[1] > years[2]);
    let joint = search("kind:joint-letter council");
    assert!(!joint.is_empty());
    let id = &corpus().documents[joint[0].0.doc].id;
    assert!(
        joint
            .iter()
            .all(|(h, _, _)| &corpus().documents[h.doc].id == id)
    );
    let quoted = search("role:quoted");
    assert!(!quoted.is_empty());
    for (h, _, _) in &quoted {
        let Field::Person(i) = h.field else {
            panic!("{h:?}")
        };
        assert_eq!(
            corpus().documents[h.doc].people[i].role,
            crate::corpus::Role::Quoted
        );
    }
    let rogers = search("role:quoted rogers");
    assert!(
        rogers[0].1.starts_with("Benedict Rogers"),
        "{:?}",
        rogers[0].1
    );
    // by: keeps the documents that CSW issued, signed or joined, and
    // leaves out those that match the words alone.
    let docs = |query: &str| -> std::collections::BTreeSet<String> {
        search_in(query, Scope::All, usize::MAX)
            .iter()
            .map(|(h, _, _)| corpus().documents[h.doc].id.clone())
            .collect()
    };
    let csw = corpus()
        .get("joint-letter-security-council-2015")
        .and_then(|d| {
            d.people
                .iter()
                .find(|p| p.name == "Christian Solidarity Worldwide")
        })
        .expect("CSW signed the 2015 letter")
        .entity;
    let stands_by = |id: &String| {
        let doc = corpus().get(id).expect("a document");
        doc.people
            .iter()
            .any(|p| p.entity == csw && p.role <= crate::corpus::Role::Member)
    };
    let words = docs("accountability");
    let by = docs("by:\"christian solidarity\" accountability");
    assert!(!by.is_empty() && by.iter().all(stands_by), "{by:?}");
    assert_eq!(
        by,
        words.iter().filter(|&d| stands_by(d)).cloned().collect(),
        "every document that matches and CSW stands by, and no other"
    );
    assert!(words.len() > by.len(), "by: left nothing out: {words:?}");
}

#[test]
fn a_person_is_found_by_name_affiliation_and_initials() {
    let (_, text, marks) = &search("rogers")[0];
    assert!(text.starts_with("Benedict Rogers"), "{text}");
    assert_eq!(marked(text, marks), ["Rogers"]);
    let csw = search("csw");
    assert!(
        csw.iter()
            .any(|(_, t, _)| t.contains("Christian Solidarity Worldwide"))
    );
}

#[test]
fn scope_keeps_to_one_document_and_finds_every_match_there() {
    let d = corpus()
        .documents
        .iter()
        .position(|d| d.id == "joint-letter-security-council-2015")
        .unwrap();
    let hits = search_in("council", Scope::Doc(d), usize::MAX);
    assert!(hits.len() >= 3);
    assert!(hits.iter().all(|(h, _, _)| h.doc == d));
    assert!(search_in("council", Scope::Doc(999), 10).is_empty());
}

#[test]
fn limits_and_empty_queries() {
    assert_eq!(search_in("the", Scope::All, 3).len(), 3);
    assert!(search_in("the", Scope::All, 0).is_empty());
    for empty in ["", "   ", "\u{7}\u{1b}", "— …", "!"] {
        assert!(search(empty).is_empty(), "{empty:?}");
    }
    let long = "secrty ".repeat(2000);
    let q = Query::parse(&long, corpus()).unwrap();
    let result = index().search(&q, Scope::All, 5);
    assert!(result.truncated && !result.hits.is_empty());
}

#[test]
fn hangul_and_right_to_left_text_are_searched_like_any_other() {
    assert!(search("북한 인권").is_empty());
    assert!(search("حقوق").is_empty());
    assert!(search("\u{202e}council").len() == search("council").len());
}

#[test]
fn fields_order_as_show_prints_them_for_stepping_through_a_document() {
    let mut fields = [
        Field::Person(0),
        Field::Paragraph(2),
        Field::Title,
        Field::Paragraph(0),
    ];
    fields.sort();
    assert_eq!(
        fields,
        [
            Field::Title,
            Field::Paragraph(0),
            Field::Paragraph(2),
            Field::Person(0)
        ]
    );
}

#[test]
fn the_exact_words_side_by_side_outrank_a_close_word() {
    // "severity" is two letters from "security", and one bundled paragraph
    // has it: it comes after every passage with "Security Council".
    let hits = search_in("security council", Scope::All, usize::MAX);
    let exact = |t: &str| t.contains("Security Council");
    let first_other = hits.iter().position(|(_, t, _)| !exact(t)).unwrap();
    assert!(first_other >= 9, "{first_other}");
    assert!(hits[first_other..].iter().all(|(_, t, _)| !exact(t)));
    let severity = hits
        .iter()
        .position(|(_, t, _)| t.contains("severity"))
        .expect("the close word matches");
    assert!(severity >= first_other);
}

#[test]
fn the_snippet_centres_on_the_best_matching_term_not_the_first_match() {
    let text_at = |text: &str, at: usize| text.chars().skip(at).collect::<String>();
    // "the" comes first in the paragraph, "songbun" is rarer: it is the focus.
    let q = Query::parse("the songbun", corpus()).unwrap();
    let hit = index().search(&q, Scope::All, 1).hits[0];
    let text = field_text(corpus(), hit.doc, hit.field).unwrap();
    let marks = index().marks(&hit, &q, corpus());
    let focus = marks.focus.expect("a focus");
    assert!(marks.chars[0] < focus);
    assert!(text_at(&text, focus).to_lowercase().starts_with("songbun"));
    let (line, _) = snippet(&text, &marks.chars, marks.focus, 40);
    assert!(line.to_lowercase().contains("songbun"), "{line}");
    // An exact word over a close one, whatever comes first: "Council" is
    // exact, "secrty" only close to "Security".
    let q = Query::parse("secrty Council", corpus()).unwrap();
    for hit in index().search(&q, Scope::All, 5).hits {
        let text = field_text(corpus(), hit.doc, hit.field).unwrap();
        let focus = index().marks(&hit, &q, corpus()).focus.unwrap();
        assert!(text_at(&text, focus).starts_with("Council"), "{text}");
    }
    // A phrase over a word of it.
    let q = Query::parse("council \"human rights\"", corpus()).unwrap();
    for hit in index().search(&q, Scope::All, 5).hits {
        let text = field_text(corpus(), hit.doc, hit.field).unwrap();
        let focus = index().marks(&hit, &q, corpus()).focus.unwrap();
        assert!(
            text_at(&text, focus)
                .to_lowercase()
                .starts_with("human rights"),
            "{text}"
        );
    }
}

/// The bundled corpus and the search fixtures, with its index.
fn with_fixtures() -> &'static (Corpus, SearchIndex) {
    static BOTH: OnceLock<(Corpus, SearchIndex)> = OnceLock::new();
    BOTH.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/search");
        let corpus = Corpus::load(&[dir.into()]).expect("the fixtures load");
        let index = SearchIndex::build(&corpus);
        (corpus, index)
    })
}

/// The marked runs of the best hit of `query` among the fixtures.
fn fixture_marks(query: &str) -> Vec<String> {
    let (corpus, index) = with_fixtures();
    let q = Query::parse(query, corpus).expect("parses");
    let hits = index.search(&q, Scope::All, 5).hits;
    let Some(hit) = hits.first() else {
        return Vec::new();
    };
    let text = field_text(corpus, hit.doc, hit.field).unwrap();
    marked(&text, &index.indices(hit, &q, corpus))
}

#[test]
fn latin_letters_fold_to_their_ascii_readings_and_mark_the_original() {
    assert_eq!(fixture_marks("oberg"), ["Øberg"]);
    assert_eq!(fixture_marks("'aesa"), ["Æsa"]);
    assert_eq!(fixture_marks("strasse"), ["Straße"]);
    // Half of "ss" is still the "ß" it came from.
    assert_eq!(fixture_marks("^stras"), ["Straß"]);
    assert_eq!(fixture_marks("dorde"), ["Đorđe"]);
    assert_eq!(fixture_marks("lucja krol"), ["Łucja", "Król"]);
    // The letter itself still finds itself.
    assert_eq!(fixture_marks("øberg"), ["Øberg"]);
}

#[test]
fn chinese_and_japanese_are_found_inside_runs_without_quotes() {
    // "人権" (human rights) is inside the Japanese run "北朝鮮の人権状況…".
    assert_eq!(fixture_marks("人権"), ["人権"]);
    assert_eq!(fixture_marks("人权 报告"), ["人权", "报告"]);
    assert_eq!(fixture_marks("報告書"), ["報告書"]);
    assert!(
        fixture_marks("人権侵害").is_empty(),
        "the whole term must be there"
    );
}

#[test]
fn one_thread_reading_in_order_and_many_sharing_runs_build_the_same_index() {
    // More documents than one task of the build reads, with the bundled
    // corpus's words spread over them in shifting orders.
    let paragraphs: Vec<&crate::corpus::Text> = corpus()
        .documents
        .iter()
        .flat_map(|d| &d.paragraphs)
        .collect();
    let files: Vec<crate::corpus::SourceFile> = (0..300)
        .map(|i| {
            let text: Vec<String> = (0..7)
                .map(|k| format!("{:?}", paragraphs[(i * 7 + k * 13) % paragraphs.len()]))
                .collect();
            crate::corpus::SourceFile {
                name: format!("t{i}.toml"),
                text: format!(
                    "id = \"t{i}\"\ntitle = \"Report {i} on {}\"\nkind = \"report\"\nparagraphs = [{}]\n",
                    ["detention", "testimony", "the camps"][i % 3],
                    text.join(", ")
                ),
            }
        })
        .collect();
    let entities = crate::corpus::SourceFile {
        name: "entities.toml".into(),
        text: String::new(),
    };
    let many_documents = Corpus::from_files(&entities, &files).expect("the corpus loads");
    let read = std::sync::atomic::AtomicUsize::new(0);
    let build = || format!("{:?}", SearchIndex::build(&many_documents));
    // One builder reading every document in order, as before the build
    // was shared out.
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap()
        .install(|| {
            format!(
                "{:?}",
                SearchIndex::build_in_runs(&many_documents, &read, usize::MAX)
            )
        });
    let many = rayon::ThreadPoolBuilder::new()
        .num_threads(4)
        .build()
        .unwrap()
        .install(build);
    assert!(one.len() > 100_000);
    assert!(one == many);
    assert_eq!(
        read.into_inner(),
        many_documents
            .documents
            .iter()
            .map(|d| d.paragraphs.len())
            .sum::<usize>()
    );
}

#[test]
fn an_empty_answer_names_the_terms_to_blame_and_finds_the_rest() {
    let explain = |s: &str| {
        let q = Query::parse(s, corpus()).expect("parses");
        index().explain(&q, Scope::All, 20)
    };
    assert_eq!(explain("forced labor"), None, "it finds something");
    assert_eq!(explain(""), None);
    let miss = explain("forced labor overseas").expect("nothing found");
    assert_eq!(miss.left_out(), ["overseas"]);
    assert_eq!(
        miss.said(),
        "nothing matches “overseas”; partial matches without it"
    );
    let forced = search_in("forced labor", Scope::All, 20);
    let hits: Vec<Hit> = forced.into_iter().map(|h| h.0).collect();
    assert_eq!(miss.hits(), hits.as_slice());
    let Miss::Partial { rest, .. } = &miss else {
        panic!("{miss:?}")
    };
    assert_eq!(rest, "forced labor");
    // Each term matches, but never all in one passage.
    let miss = explain("Kim Jong Un accountable").expect("nothing found");
    assert_eq!(miss.left_out(), ["accountable"], "{miss:?}");
    assert!(
        miss.said()
            .starts_with("“accountable” is never with the other terms")
    );
    assert!(!miss.hits().is_empty());
    // Filters that let nothing through are said so, before any term.
    let miss = explain("by:zzzzqqq council").expect("nothing found");
    assert_eq!(miss, Miss::Filtered);
    // Two terms that match nothing, and nothing else to find.
    let miss = explain("qqqzzz xxxvvv").expect("nothing found");
    assert_eq!(miss.said(), "nothing matches “qqqzzz” or “xxxvvv”");
    assert!(miss.hits().is_empty());
    // A phrase typed in quotes is named in one pair of quotation marks.
    let miss = explain("\"forced labour\" \"qq zz\"").expect("nothing found");
    assert_eq!(
        miss.said(),
        "nothing matches “qq zz”; partial matches without it"
    );
    // Exclusions and filters stay in the query the partial hits answer.
    let miss = explain("council overseas !geneva year:2015..").expect("nothing found");
    let Miss::Partial { rest, .. } = &miss else {
        panic!("{miss:?}")
    };
    assert_eq!(rest, "council !geneva year:2015..");
}
