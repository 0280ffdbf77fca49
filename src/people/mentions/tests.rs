use super::*;
use crate::corpus::{SourceFile, words};

/// The (document id, paragraph number from 1) pairs naming `entity`.
fn named(corpus: &Corpus, entity: &str) -> Vec<(String, usize)> {
    let e = corpus.entities.all().iter().position(|e| e.id == entity);
    let e = e.unwrap_or_else(|| panic!("no entity {entity}"));
    passages(corpus, &Tokens::read(corpus))[e]
        .iter()
        .map(|&(d, p)| (corpus.documents[d as usize].id.clone(), p as usize + 1))
        .collect()
}

fn at(doc: &str, numbers: &[usize]) -> Vec<(String, usize)> {
    numbers.iter().map(|&n| (doc.to_string(), n)).collect()
}

/// A corpus of one document "d" with these paragraphs and people
/// entries (name, kind, acronym).
fn corpus(entities: &str, paragraphs: &[&str], people: &[(&str, &str, &str)]) -> Corpus {
    let paragraphs = toml::Value::Array(paragraphs.iter().map(|&p| p.into()).collect());
    let mut text =
        format!("id = \"d\"\ntitle = \"T\"\nkind = \"statement\"\nparagraphs = {paragraphs}\n");
    for (name, kind, acronym) in people {
        text.push_str(&format!(
            "[[people]]\nname = {name:?}\nkind = \"{kind}\"\nrole = \"signatory\"\n"
        ));
        if !acronym.is_empty() {
            text.push_str(&format!("acronym = {acronym:?}\n"));
        }
    }
    let file = |name: &str, text: String| SourceFile {
        name: name.into(),
        text,
    };
    Corpus::from_files(&file("e.toml", entities.into()), &[file("d.toml", text)])
        .expect("the test corpus loads")
}

/// The words of a paragraph read from the search index's ids are the
/// words of its text split again (`corpus::words`), so that passages
/// are found as they were when each paragraph was split twice: on every
/// paragraph of the bundled corpus and the fixtures, and on odd ones.
#[test]
fn words_read_from_the_search_index_are_the_texts_own() {
    let odd = [
        "U.N. and D.P.R.K.’s; U. N.; U.S.A.; a.b.c; No.5 U.Sam",
        "Lawyers & Co &, &&x, U.& and &.U; U.&.N.",
        "\u{301}Abc \u{301} x.\u{301} e\u{301}té",
        // Marks that are letters too (Other_Alphabetic): a word of them.
        "\u{345}Abc x \u{345} \u{93f}x \u{93f} U.\u{93f} क\u{200d}ि \u{e31}Abc",
        "Tomás Ojea-Quintana, ﬁ, İstanbul, Øberg Straße",
        "北朝鮮の人権 Commission of Inquiry’s (“COI”) 북한-인권",
        " ,.— ",
    ];
    let fixtures = [
        include_str!("../../../tests/fixtures/reader/alpha.toml"),
        include_str!("../../../tests/fixtures/reader/beta.toml"),
        include_str!("../../../tests/fixtures/reader/gamma.toml"),
        include_str!("../../../tests/fixtures/search/folding.toml"),
    ];
    let mut paragraphs: Vec<String> = odd.map(String::from).to_vec();
    for doc in Corpus::load(&[]).unwrap().documents {
        paragraphs.extend(doc.paragraphs.iter().map(|p| p.to_string()));
    }
    for text in fixtures {
        let doc: toml::Table = toml::from_str(text).unwrap();
        let list = doc["paragraphs"].as_array().unwrap();
        paragraphs.extend(list.iter().map(|p| p.as_str().unwrap().to_string()));
    }
    paragraphs.push("A.".repeat(2000));
    let paragraphs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
    read_as_split(&corpus("", &paragraphs, &[]));
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

    /// As above, on paragraphs of the characters that have told the
    /// two apart, or might.
    #[test]
    fn words_read_from_the_search_index_are_the_texts_own_on_odd_characters(
        paragraphs in proptest::collection::vec(
            "[aAZ9 .&\u{301}\u{345}\u{93f}\u{e31}\u{200d}\u{a0}ÉßﬁⅫ北’-]{1,24}",
            1..8,
        )
    ) {
        let paragraphs: Vec<&str> = paragraphs
            .iter()
            .map(|p| if p.trim().is_empty() { "x" } else { p.as_str() })
            .collect();
        read_as_split(&corpus("", &paragraphs, &[]));
    }
}

/// Checks the words `text_words` reads from the tokens of `corpus`'s one
/// document are those `corpus::words` splits each paragraph into.
fn read_as_split(corpus: &Corpus) {
    let tokens = Tokens::read(corpus);
    // Every word of the texts is a name's, so that each has a number.
    let mut numbers = HashMap::new();
    for p in &corpus.documents[0].paragraphs {
        for w in words(p) {
            let next = numbers.len() as u32;
            numbers.entry(w.folded).or_insert(next);
        }
    }
    let names = Names {
        numbers,
        by_first: Vec::new(),
    };
    let reading = Reading {
        tokens: &tokens,
        written: tokens.forms().iter().map(|f| names.written(f)).collect(),
        and: names.number(AND_WORD),
        names,
        acronyms: Vec::new(),
        all: HashSet::new(),
        longest: 0,
    };
    let mut ids = Vec::new();
    for (p, text) in corpus.documents[0].paragraphs.iter().enumerate() {
        tokens.paragraph_words(0, p, &mut ids);
        let read: Vec<_> = reading
            .text_words(text, &ids)
            .into_iter()
            .map(|w| (w.number, w.span, w.shape))
            .collect();
        let split: Vec<_> = words(text)
            .into_iter()
            .map(|w| (reading.names.number(&w.folded), w.span, w.shape))
            .collect();
        assert_eq!(read, split, "{text:?}");
    }
}

#[test]
fn the_bundled_documents_name_their_people_where_they_are_quoted() {
    let corpus = Corpus::load(&[]).unwrap();
    const LETTER_2024: &str = "hrc55-open-letter-2024";
    const RELEASE_2017: &str = "icnk-crimes-against-humanity-demand-justice-2017";
    const RELEASE_2014: &str = "icnk-welcomes-unga-resolution-2014";
    // The 2017 release writes "Tomas Ojea Quintana"; the entity is "Tomás Ojea-Quintana".
    assert_eq!(
        named(&corpus, "tomas-ojea-quintana"),
        at(RELEASE_2017, &[7])
    );
    // "Ben Rogers" is an alias.
    let mut rogers = at(RELEASE_2017, &[9, 13]);
    rogers.extend(at(RELEASE_2014, &[7]));
    rogers.sort();
    let mut found = named(&corpus, "benedict-rogers");
    found.sort();
    assert_eq!(found, rogers);
    // "COI" is tied to the Commission in the 2024 letter's own words,
    // "Commission of Inquiry’s (“COI”)", and found on its own after.
    let coi = named(&corpus, "commission-of-inquiry");
    let in_2024: Vec<usize> = coi
        .iter()
        .filter(|(d, _)| d == LETTER_2024)
        .map(|(_, n)| *n)
        .collect();
    assert_eq!(in_2024, [2, 3, 4, 6]);
    // The 2017 release's "ICC" is the International Criminal Court, not
    // International Christian Concern (ICC), a signatory in 2024.
    assert_eq!(named(&corpus, "international-christian-concern"), []);
    // "ICNK" alone, in a document that lists the coalition as ICNK.
    assert!(
        named(
            &corpus,
            "international-coalition-to-stop-crimes-against-humanity-in-north-korea"
        )
        .contains(&(RELEASE_2017.to_string(), 12))
    );
}

#[test]
fn names_match_whole_words_with_their_capitals() {
    let corpus = corpus(
        "",
        &[
            "We think THINK is right.",
            "People in need of help.",
            "Stepping Stones said.",
            "The Society to Help Returnees said.",
            "Under the ICCPR.",
            "The ICC agreed.",
        ],
        &[
            ("THINK", "organization", ""),
            ("People In Need", "organization", ""),
            ("Stepping Stones", "organization", "ICC"),
            ("The Society to Help Returnees", "organization", ""),
        ],
    );
    assert_eq!(named(&corpus, "think"), at("d", &[1]));
    assert_eq!(named(&corpus, "people-in-need"), []);
    // "ICC" is not inside "ICCPR".
    assert_eq!(named(&corpus, "stepping-stones"), at("d", &[3, 6]));
    assert_eq!(
        named(&corpus, "the-society-to-help-returnees"),
        at("d", &[4])
    );
}

#[test]
fn the_longer_of_two_overlapping_names_wins() {
    let corpus = corpus(
        "",
        &["Human Rights Watch Asia said.", "Human Rights Watch said."],
        &[
            ("Human Rights Watch", "organization", ""),
            ("Human Rights Watch Asia", "organization", ""),
        ],
    );
    assert_eq!(named(&corpus, "human-rights-watch"), at("d", &[2]));
    assert_eq!(named(&corpus, "human-rights-watch-asia"), at("d", &[1]));
}

#[test]
fn an_acronym_counts_only_where_the_document_ties_it_to_one_entity() {
    let entities = "\
[[entity]]
id = \"icc\"
name = \"International Christian Concern\"
kind = \"organization\"
acronyms = [\"ICC\"]

[[entity]]
id = \"coi\"
name = \"Commission of Inquiry\"
kind = \"organization\"
acronyms = [\"COI\"]
";
    // Tied by the text, a possessive and quotes between.
    let tied = corpus(
        entities,
        &[
            "The Commission of Inquiry’s (“COI”) report.",
            "The COI said.",
        ],
        &[],
    );
    assert_eq!(named(&tied, "coi"), at("d", &[1, 2]));
    // Not tied: the acronym alone names nothing.
    let untied = corpus(entities, &["The COI said."], &[]);
    assert_eq!(named(&untied, "coi"), []);
    // Tied by a people entry, but the text ties it to another name.
    let elsewhere = corpus(
        entities,
        &["The International Criminal Court (ICC).", "The ICC ruled."],
        &[("International Christian Concern", "organization", "ICC")],
    );
    assert_eq!(named(&elsewhere, "icc"), []);
    // Two entities listed with one acronym: neither gets it.
    let shared = corpus(
        entities,
        &["The ICC said."],
        &[
            ("International Christian Concern", "organization", "ICC"),
            ("Independent Citizens Council", "organization", "ICC"),
        ],
    );
    assert_eq!(named(&shared, "icc"), []);
    assert_eq!(named(&shared, "independent-citizens-council"), []);
}
