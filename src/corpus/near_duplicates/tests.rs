use super::*;
use crate::corpus::SourceFile;

fn corpus(entities: &str, people: &[(&str, &str)]) -> Corpus {
    let mut doc =
        String::from("id = \"d\"\ntitle = \"T\"\nkind = \"statement\"\nparagraphs = [\"x\"]\n");
    for (name, kind) in people {
        doc.push_str(&format!(
            "[[people]]\nname = \"{name}\"\nkind = \"{kind}\"\nrole = \"signatory\"\n"
        ));
    }
    let file = |name: &str, text: String| SourceFile {
        name: name.into(),
        text,
    };
    Corpus::from_files(&file("e.toml", entities.into()), &[file("d.toml", doc)])
        .expect("the test corpus loads")
}

fn found(corpus: &Corpus) -> Vec<(String, String, Likeness)> {
    near_duplicates(corpus)
        .into_iter()
        .map(|d| {
            let [a, b] = d.names;
            (a, b, d.likeness)
        })
        .collect()
}

/// The all-pairs search the indexes replaced, kept as the oracle: the
/// first look-alikes after each entity, as many as are listed.
fn all_pairs(corpus: &Corpus) -> Vec<NearDuplicate> {
    let names = entity_names(corpus);
    let n = names.len();
    (0..n)
        .flat_map(|a| {
            let names = &names;
            (a + 1..n)
                .filter_map(move |b| judge(corpus, names, a, b))
                .take(LISTED_PER_ENTITY)
        })
        .collect()
}

/// A corpus of `n` organizations named "<word> <word> Foundation", the
/// words of 6 to 8 random letters.
fn foundations(n: usize) -> Corpus {
    let mut state = 7u64;
    let mut next = |k: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        (state >> 33) as usize % k
    };
    let mut word = || -> String {
        (0..6 + next(3))
            .map(|_| char::from(b'a' + next(26) as u8))
            .collect()
    };
    let names: Vec<String> = (0..n)
        .map(|_| format!("{} {} Foundation", word(), word()))
        .collect();
    let people: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "organization")).collect();
    corpus("", &people)
}

fn load(dir: &str) -> Corpus {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    Corpus::load(&[path]).expect("the fixture loads")
}

#[test]
fn the_indexes_find_what_all_pairs_find() {
    let corpora = [
        Corpus::load(&[]).expect("the bundled corpus loads"),
        load("tests/fixtures/near_duplicates"),
        load("tests/fixtures/good"),
    ];
    for corpus in &corpora {
        let expected = all_pairs(corpus);
        assert_eq!(near_duplicates(corpus), expected);
    }
    assert!(!all_pairs(&corpora[1]).is_empty());
}

#[test]
fn the_indexes_find_what_all_pairs_find_among_many_look_alikes() {
    // Names of two or three syllables from a small set, so that typos,
    // swaps, prefixes and one-word differences abound, in both kinds,
    // some of them long and non-ASCII.
    const SYLLABLES: [&str; 12] = [
        "kim", "lee", "park", "jong", "hyok", "su", "ok", "mi", "é", "ae", "chol", "ho",
    ];
    let mut state = 7u64;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        (state >> 33) as usize % n
    };
    let mut people = Vec::new();
    for i in 0..600 {
        let words = 1 + next(4);
        let mut name: Vec<String> = (0..words)
            .map(|_| (0..1 + next(3)).map(|_| SYLLABLES[next(12)]).collect())
            .collect();
        if i % 50 == 0 {
            name.push("x".repeat(45 + next(6)));
        }
        let kind = if next(5) == 0 {
            "organization"
        } else {
            "person"
        };
        people.push((name.join(" "), kind));
    }
    // Long names two typos apart, which meet only through their parts.
    for name in [
        "Commission of Inquiry on Human Rights in the DPRK",
        "Comission of Inquiry on Human Rihgts in the DPRK",
        "Citizens Alliance for North Korean Human Rights",
        "Citizens Aliance for North Korean Human Rightz",
    ] {
        people.push((name.to_string(), "organization"));
    }
    let people: Vec<(&str, &str)> = people.iter().map(|(n, k)| (n.as_str(), *k)).collect();
    let corpus = corpus("", &people);
    let expected = all_pairs(&corpus);
    assert!(expected.len() > 100, "{}", expected.len());
    for likeness in [
        Likeness::OtherKind([PersonKind::Organization, PersonKind::Person]),
        Likeness::Typo,
        Likeness::Prefix,
        Likeness::OneWordApart,
    ] {
        let kind = std::mem::discriminant(&likeness);
        assert!(
            expected
                .iter()
                .any(|d| std::mem::discriminant(&d.likeness) == kind),
            "{likeness:?}"
        );
    }
    for misspelt in ["Comission", "Aliance"] {
        let found = expected
            .iter()
            .any(|d| d.likeness == Likeness::Typo && d.names[1].contains(misspelt));
        assert!(found, "{misspelt}");
    }
    assert_eq!(near_duplicates(&corpus), expected);
}

#[test]
fn a_slice_every_name_shares_makes_no_one_a_candidate() {
    // The slices of "foundation" are common to every name: each group
    // of them held every name of a length, and all their pairs were
    // candidates, 819 a name among 2,000 (410 among 1,000). A name is
    // now in a few hundred groups of at most CROWD names; those with
    // the common slices are left out.
    let corpus = foundations(2000);
    let names = entity_names(&corpus);
    let groups = Groups::new(&names);
    let total: usize = (0..names.len()).map(|a| groups.partners(a).count()).sum();
    assert!(total < 100 * names.len(), "{total} candidates");
    assert_eq!(near_duplicates(&corpus), all_pairs(&corpus));
}

#[test]
fn two_typos_are_found_at_every_length_around_the_cut() {
    // Random keys of 18 to 32 letters, each with a copy two edits away
    // (both lengths may differ by two), so that keys on both sides of
    // CUT_ABOVE meet, through their variants or their parts.
    let mut state = 3u64;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        (state >> 33) as usize % n
    };
    let mut names = Vec::new();
    for m in 18..=32 {
        for _ in 0..20 {
            let key: Vec<char> = (0..m).map(|_| char::from(b'a' + next(26) as u8)).collect();
            let mut typo = key.clone();
            for _ in 0..2 {
                let i = next(typo.len() - 1);
                match next(4) {
                    0 => {
                        typo.remove(i);
                    }
                    1 => typo.insert(i, char::from(b'a' + next(26) as u8)),
                    2 => typo.swap(i, i + 1),
                    _ => typo[i] = char::from(b'a' + next(26) as u8),
                }
            }
            if typo != key {
                names.push((String::from_iter(key), String::from_iter(typo)));
            }
        }
    }
    let people: Vec<(&str, &str)> = names
        .iter()
        .flat_map(|(a, b)| [(a.as_str(), "person"), (b.as_str(), "person")])
        .collect();
    let corpus = corpus("", &people);
    let found = near_duplicates(&corpus);
    assert_eq!(found, all_pairs(&corpus));
    // Those that are two edits apart as OSA counts them, which does not
    // edit a swapped pair again, are all found.
    let apart = names.iter().filter(|(a, b)| within_typos(a, b)).count();
    let typos = found.iter().filter(|d| d.likeness == Likeness::Typo);
    assert_eq!(typos.count(), apart);
    assert!(apart > 250, "{apart}");
}

#[test]
fn a_name_past_the_longest_key_is_compared_whole() {
    let long = format!("A{}", "b".repeat(5000));
    let typo = format!("{long}c");
    let corpus = corpus(
        "",
        &[
            (&long, "organization"),
            (&long, "person"),
            (&typo, "organization"),
            (&format!("{long} Japan"), "organization"),
        ],
    );
    let found: Vec<Likeness> = near_duplicates(&corpus)
        .into_iter()
        .map(|d| d.likeness)
        .collect();
    assert_eq!(
        found,
        [Likeness::OtherKind([
            PersonKind::Organization,
            PersonKind::Person
        ])]
    );
}

#[test]
fn an_entity_lists_its_first_look_alikes_and_says_there_are_more() {
    let names: Vec<String> = (0..30).map(|i| format!("Signatory {i:03}")).collect();
    let people: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "person")).collect();
    let corpus = corpus("", &people);
    let mut found = Vec::new();
    let more = look_alikes(&corpus, |d| found.push(d));
    let first = corpus.entities.find(PersonKind::Person, "Signatory 000");
    let of_first: Vec<&str> = found
        .iter()
        .filter(|d| Some(d.entities[0]) == first)
        .map(|d| d.names[1].as_str())
        .collect();
    assert_eq!(of_first.len(), LISTED_PER_ENTITY);
    assert_eq!(of_first[..2], ["Signatory 001", "Signatory 002"]);
    assert!(first.is_some_and(|e| more.cut_short.contains(&e)));
    assert_eq!(found, all_pairs(&corpus));
}

#[test]
fn look_alike_names_of_different_entities_are_found() {
    let corpus = corpus(
        "",
        &[
            ("Human Rights Watch", "organization"),
            ("Human Rigths Watch", "organization"),
            ("No Fence", "organization"),
            ("No Fence Japan", "organization"),
            ("Committee for Human Rights in North Korea", "organization"),
            ("Council for Human Rights in North Korea", "organization"),
            ("Freedom House", "organization"),
            ("Freedom House (USA)", "person"),
        ],
    );
    let org = |a: &str, b: &str, l| (a.to_string(), b.to_string(), l);
    assert_eq!(
        found(&corpus),
        [
            org("Human Rights Watch", "Human Rigths Watch", Likeness::Typo),
            org("No Fence", "No Fence Japan", Likeness::Prefix),
            org(
                "Committee for Human Rights in North Korea",
                "Council for Human Rights in North Korea",
                Likeness::OneWordApart
            ),
            org(
                "Freedom House",
                "Freedom House",
                Likeness::OtherKind([PersonKind::Organization, PersonKind::Person])
            ),
        ]
    );
}

#[test]
fn a_name_of_two_kinds_says_which_two() {
    let corpus = corpus(
        "",
        &[
            ("Republic of Korea", "state"),
            ("Republic of Korea", "organization"),
        ],
    );
    let found = near_duplicates(&corpus);
    assert_eq!(
        found[0].likeness.to_string(),
        "the same name for an organization and a state"
    );
    let person = Likeness::OtherKind([PersonKind::Organization, PersonKind::Person]);
    assert_eq!(
        person.to_string(),
        "the same name for a person and an organization"
    );
}

#[test]
fn initials_with_full_stops_compare_as_the_acronym() {
    // "U.N." is "UN": the name is one word apart from the known one, as
    // "UN Commission of Inquiry on …" is.
    let corpus = corpus(
        "",
        &[
            (
                "UN Commission of Inquiry into human rights in North Korea",
                "organization",
            ),
            (
                "U.N. Commission of Inquiry on human rights in North Korea",
                "organization",
            ),
        ],
    );
    assert_eq!(
        found(&corpus),
        [(
            "UN Commission of Inquiry into human rights in North Korea".to_string(),
            "U.N. Commission of Inquiry on human rights in North Korea".to_string(),
            Likeness::OneWordApart
        )]
    );
}

#[test]
fn different_names_and_recorded_distinct_pairs_are_not_reported() {
    let entities = "\
[[entity]]
id = \"committee\"
name = \"Committee for Human Rights in North Korea\"
kind = \"organization\"
distinct_from = [\"council\"]

[[entity]]
id = \"council\"
name = \"Council for Human Rights in North Korea\"
kind = \"organization\"
";
    let corpus = corpus(
        entities,
        &[
            ("Committee for Human Rights in North Korea", "organization"),
            ("Council for Human Rights in North Korea", "organization"),
            ("Kim Kyu Li", "person"),
            ("Kim Hyuk", "person"),
            ("UN", "organization"),
            ("UNICEF", "organization"),
            ("No Chain", "organization"),
            ("No Fence", "organization"),
            ("Human Rights Watch", "person"),
            ("Human Rights Watch Asia", "organization"),
        ],
    );
    assert_eq!(found(&corpus), []);
}

#[test]
fn the_variants_of_one_entity_are_not_near_duplicates_of_each_other() {
    let corpus = corpus(
        "",
        &[
            ("HanVoice", "organization"),
            ("Han Voice (Canada)", "organization"),
            ("The Society to Help Returnees", "organization"),
            ("Society to Help Returnees", "organization"),
        ],
    );
    assert_eq!(found(&corpus), []);
}
