use super::*;

fn corpus() -> Corpus {
    Corpus::load(&[]).expect("the bundled corpus loads")
}

fn parse(s: &str) -> Query {
    Query::parse(s, &corpus()).expect("parses")
}

fn tokens(t: &Term) -> Vec<(&str, Part)> {
    t.tokens.iter().map(|t| (t.text.as_str(), t.part)).collect()
}

#[test]
fn terms_take_fzf_s_operators() {
    let q = parse("secrty 'exact ^anch !gone !^pre \"Two Words\" council-mandated");
    let terms: Vec<_> = q.terms.iter().flatten().map(tokens).collect();
    assert_eq!(
        terms,
        [
            vec![("secrty", Part::Fuzzy)],
            vec![("exact", Part::Within)],
            vec![("anch", Part::Start)],
            vec![("Two", Part::End), ("Words", Part::Start)],
            vec![("council", Part::Fuzzy), ("mandated", Part::Fuzzy)],
        ]
    );
    let excluded: Vec<_> = q.excluded.iter().map(tokens).collect();
    assert_eq!(
        excluded,
        [vec![("gone", Part::Within)], vec![("pre", Part::Start)]]
    );
    assert!(q.terms[3][0].case_sensitive && !q.terms[0][0].case_sensitive);
    assert_eq!(q.terms[0][0].whole.as_deref(), Some("secrty"));
    assert_eq!(q.terms[1][0].whole, None);
}

#[test]
fn dollar_anchors_the_end_of_a_word_and_bars_join_either_term() {
    let q = parse("council$ ^council$ \"a phrase\"$ ^two words !gone$");
    let terms: Vec<_> = q.terms.iter().flatten().map(tokens).collect();
    assert_eq!(
        terms,
        [
            vec![("council", Part::End)],
            vec![("council", Part::Whole)],
            vec![("a", Part::End), ("phrase", Part::Whole)],
            vec![("two", Part::Start)],
            vec![("words", Part::Fuzzy)],
        ]
    );
    assert_eq!(tokens(&q.excluded[0]), [("gone", Part::End)]);
    let q = parse("'songbun | 'shoot korea | dprk | korea");
    let groups: Vec<Vec<&str>> = q
        .terms
        .iter()
        .map(|g| g.iter().map(|t| t.tokens[0].text.as_str()).collect())
        .collect();
    assert_eq!(groups, [vec!["songbun", "shoot"], vec!["korea", "dprk"]]);
    // Half typed: a `|` with nothing yet after it, or before it, joins nothing.
    assert_eq!(parse("korea |").terms.len(), 1);
    assert_eq!(parse("| korea | | dprk").terms, parse("korea | dprk").terms);
    assert_eq!(parse("$ '$").terms.len(), 0, "a dollar alone is no word");
    for (query, span) in [
        ("a | kind:report", 2..3),
        ("a | !b", 2..3),
        ("!a | b", 3..4),
    ] {
        let err = Query::parse(query, &corpus()).unwrap_err();
        assert!(
            err.message.contains("cannot join a filter"),
            "{query}: {err}"
        );
        assert_eq!(err.span, span, "{query}");
    }
}

#[test]
fn smart_case_is_per_term_and_diacritics_never_count() {
    let q = parse("Tomás ojea");
    assert!(q.terms[0][0].case_sensitive);
    assert_eq!(q.terms[0][0].tokens[0].text, "Tomas");
    assert!(!q.terms[1][0].case_sensitive);
}

#[test]
fn filters_narrow_the_documents() {
    let c = corpus();
    let allowed = |s: &str| -> Vec<&str> {
        let q = Query::parse(s, &c).unwrap();
        let docs = q.docs.expect("a document filter");
        c.documents
            .iter()
            .zip(docs)
            .filter(|(_, ok)| *ok)
            .map(|(d, _)| d.id.as_str())
            .collect()
    };
    assert_eq!(
        allowed("kind:joint-letter"),
        ["joint-letter-security-council-2015"]
    );
    assert_eq!(allowed("kind:joint"), allowed("kind:joint-letter"));
    assert_eq!(allowed("year:2015"), ["joint-letter-security-council-2015"]);
    assert_eq!(allowed("year:2017.."), allowed("year:2017..2024"));
    assert_eq!(allowed("year:2017..").len(), 2);
    // A date the text implies answers too: the 2014 ICNK release is undated.
    assert_eq!(
        allowed("year:..2014"),
        [
            "icnk-welcomes-unga-resolution-2014",
            "un-stand-with-north-koreas-victims-2014"
        ]
    );
    assert_eq!(allowed("year:2015 year:2024").len(), 2, "either year");
    assert_eq!(allowed("year:2015 kind:open-letter").len(), 0, "both");
    let hrw = allowed("by:hrw");
    assert!(
        hrw.contains(&"joint-letter-security-council-2015"),
        "{hrw:?}"
    );
    assert!(
        !hrw.contains(&"icnk-welcomes-unga-resolution-2014"),
        "{hrw:?}"
    );
    assert_eq!(allowed("by:HRW"), hrw);
    assert_eq!(allowed("by:\"human rights watch\""), hrw);
    let csw = allowed("by:\"christian solidarity\" year:2015..");
    assert!(
        csw.contains(&"joint-letter-security-council-2015"),
        "{csw:?}"
    );
    assert_eq!(allowed("by:zzzzqqq"), Vec::<&str>::new());
    let q = parse("role:quoted role:q role:issuer");
    assert_eq!(q.roles, [Role::Quoted, Role::Issuer]);
    assert!(q.docs.is_none());
}

#[test]
fn bad_filters_are_errors_that_point_at_the_filter() {
    let c = corpus();
    for (query, message, span) in [
        ("council foo:bar", "unknown filter \"foo:\"", 8..15),
        (
            "kind:memo",
            "unknown kind \"memo\"; expected one of press-release",
            0..9,
        ),
        ("kind:", "the filter kind: needs a value", 0..5),
        ("year:15th", "invalid year \"15th\"", 0..9),
        ("year:..", "invalid year", 0..7),
        ("year:2017..2014", "run backwards", 0..15),
        ("year:99999", "invalid year", 0..10),
        ("role:author", "unknown role \"author\"", 0..11),
        ("role:", "needs a value", 0..5),
        ("!kind:report", "cannot be negated", 0..12),
        ("by:\"\"", "needs a value", 0..5),
    ] {
        let err = Query::parse(query, &c).unwrap_err();
        assert!(err.message.contains(message), "{query}: {err}");
        assert_eq!(err.span, span, "{query}");
    }
}

#[test]
fn quoted_text_with_a_colon_is_a_term_and_punctuation_alone_is_nothing() {
    let q = parse("\"note: this\" — ! ' ^ \"\"");
    assert_eq!(q.terms.len(), 1);
    assert_eq!(
        tokens(&q.terms[0][0]),
        [("note", Part::End), ("this", Part::Start)]
    );
    assert!(parse("  \t ").is_empty());
    assert!(parse("10:30").terms.len() == 1, "digits are no filter name");
}

#[test]
fn long_input_is_cut_and_says_so() {
    let long = "a".repeat(10_000);
    let q = parse(&long);
    assert!(q.truncated());
    assert_eq!(q.terms[0][0].tokens[0].chars, MAX_QUERY_CHARS);
    let many: String = (0..40).map(|i| format!("w{i} ")).collect();
    let q = parse(&many);
    assert!(q.truncated() && q.terms.len() == MAX_TERMS);
    assert!(!parse("a a a a").truncated(), "a repeated term is one term");
    assert_eq!(parse("a a a a").terms.len(), 1);
}

#[test]
fn by_finds_a_body_by_the_acronym_a_document_gives_it() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("letter.toml");
    std::fs::write(
        &path,
        r#"id = "zed-letter-2020"
title = "A synthetic letter"
date = "2020-01-01"
kind = "letter"
paragraphs = ["A paragraph."]

[[people]]
name = "Alpha Coalition"
kind = "organization"
role = "issuer"
acronym = "Zed Canada"
"#,
    )
    .expect("the fixture is written");
    let c = Corpus::load(&[path]).expect("loads");
    for filter in ["by:\"Zed Canada\"", "by:zedcanada", "by:\"ZED CANADA\""] {
        let q = Query::parse(filter, &c).expect("parses");
        let docs = q.docs.expect("a document filter");
        let ids: Vec<&str> = c
            .documents
            .iter()
            .zip(docs)
            .filter(|(_, ok)| *ok)
            .map(|(d, _)| d.id.as_str())
            .collect();
        assert_eq!(ids, ["zed-letter-2020"], "{filter}");
    }
}

#[test]
fn filters_are_restated_in_words() {
    let said = |s: &str| parse(s).filters_described().map(str::to_string);
    assert_eq!(said("council"), None);
    assert_eq!(
        said("role:quoted by:hrw").as_deref(),
        Some("documents issued, signed or joined by Human Rights Watch; people quoted in them")
    );
    assert_eq!(
        said("kind:joint-letter kind:letter year:2014..2017 council").as_deref(),
        Some("documents of kind joint-letter or letter, dated 2014 to 2017")
    );
    assert_eq!(
        said("year:2015.. role:signatory role:issuer").as_deref(),
        Some("documents dated 2015 or after; people listed as signatory or issuer in them")
    );
    assert_eq!(said("role:mentioned").as_deref(), Some("people mentioned"));
    assert_eq!(
        said("role:quoted role:member").as_deref(),
        Some("people quoted or listed as member")
    );
    assert_eq!(
        said("by:zzzzqqq").as_deref(),
        Some(
            "documents issued, signed or joined by “zzzzqqq” (no organization or person has that name)"
        )
    );
}
