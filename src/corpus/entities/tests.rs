use super::*;

#[test]
fn keys_set_aside_spelling_variants() {
    for (a, b) in [
        ("Han Voice", "HanVoice"),
        ("Justice for North Korea", "Justice For North Korea"),
        ("Defence Forum Foundation", "Defense Forum Foundation"),
        ("Tomás Ojea-Quintana", "Tomas Ojea Quintana"),
        ("Citizens’ Alliance", "Citizens' Alliance"),
        ("The Simon Wiesenthal Center", "Simon Wiesenthal Center"),
        (
            "Global Centre for the Responsibility to Protect",
            "Global Center for the Responsibility to Protect",
        ),
        (
            "Asian Human Rights & Humanity Association",
            "Asian Human Rights and Humanity Association",
        ),
        ("World Organisations", "World Organizations"),
        ("Wallenberg Centre’s Fund", "Wallenberg Center's Fund"),
    ] {
        assert_eq!(name_key(a), name_key(b), "{a} / {b}");
    }
}

#[test]
fn keys_keep_distinct_names_apart() {
    for (a, b) in [
        (
            "Committee for Human Rights in North Korea",
            "Council for Human Rights in North Korea",
        ),
        ("Asia Justice and Rights", "Asian Justice and Rights"),
        ("The", "Thé Society"),
    ] {
        assert_ne!(name_key(a), name_key(b), "{a} / {b}");
    }
}

#[test]
fn resolves_parenthesised_countries_and_makes_entities_for_unknown_names() {
    let mut e = Entities::new(vec![Entity {
        id: "freedom-house".into(),
        name: "Freedom House".into(),
        kind: PersonKind::Organization,
        aliases: vec![],
        acronyms: vec![],
        distinct_from: vec![],
        curated: true,
    }])
    .unwrap();
    assert_eq!(
        e.resolve(PersonKind::Organization, "Freedom House (USA)"),
        0
    );
    let new = e.resolve(PersonKind::Organization, "Freedom House Europe (EU)");
    assert_eq!(
        (e.get(new).id.as_str(), e.get(new).curated),
        ("freedom-house-europe", false)
    );
    // A person of the same name is not the organization.
    let person = e.resolve(PersonKind::Person, "Freedom House");
    assert_eq!(e.get(person).id, "freedom-house-2");
}

#[test]
fn trailing_parentheses_go_nested_or_not_but_never_the_whole_name() {
    assert_eq!(without_parentheses("Freedom House (USA)"), "Freedom House");
    assert_eq!(
        without_parentheses("COMJAN (Investigation Commission)(Japan)"),
        "COMJAN"
    );
    assert_eq!(without_parentheses("Foo (Bar (X))"), "Foo");
    assert_eq!(without_parentheses("(ICNK)"), "(ICNK)");
    assert_eq!(without_parentheses("Unbalanced)"), "Unbalanced)");
}

#[test]
fn a_name_claimed_twice_is_an_error() {
    let entity = |id: &str, name: &str| Entity {
        id: id.into(),
        name: name.into(),
        kind: PersonKind::Person,
        aliases: vec![],
        acronyms: vec![],
        distinct_from: vec![],
        curated: true,
    };
    let err =
        Entities::new(vec![entity("a", "Ben Rogers"), entity("b", "ben  rogers")]).unwrap_err();
    assert!(err.contains("\"b\"") && err.contains("\"a\""), "{err}");
}

#[test]
fn words_part_at_anything_but_letters_and_keep_their_place_and_shape() {
    let text = "Commission of Inquiry’s (“COI”) & Toma\u{301}s Ojea-Quintana";
    let found = words(text);
    let folded: Vec<&str> = found.iter().map(|w| w.folded.as_str()).collect();
    assert_eq!(
        folded,
        [
            "commission",
            "of",
            "inquiry",
            "s",
            "coi",
            "and",
            "tomas",
            "ojea",
            "quintana"
        ]
    );
    let shapes: Vec<Shape> = found.iter().map(|w| w.shape).collect();
    use Shape::*;
    assert_eq!(
        shapes,
        [
            Capitalised,
            Lower,
            Capitalised,
            Lower,
            Capitals,
            Lower,
            Capitalised,
            Capitalised,
            Capitalised
        ]
    );
    // The accent, decomposed, stays inside its word.
    assert_eq!(&text[found[6].span.clone()], "Toma\u{301}s");
    assert_eq!(words("Defence Centre’s")[0].folded, "defense");
    assert!(Capitalised.admits(Capitals) && !Capitals.admits(Capitalised));
    assert!(!Capitalised.admits(Lower) && Lower.admits(Capitals));
}

#[test]
fn typos_are_one_edit_in_short_keys_and_two_in_long_ones() {
    assert!(within_typos("humanrightswatch", "humanrigthswatch"));
    assert!(within_typos("humanrightswatch", "humanrightwach"));
    assert!(within_typos("kimhyuk", "kimhyun"));
    assert!(!within_typos("kimhyuk", "kimhyunk2"));
    assert!(!within_typos("nofence", "nochain"));
    assert!(!within_typos("kimjeongsam", "kimjeongwook"));
}

#[test]
fn typos_are_counted_as_the_full_table_counts_them() {
    // Keys from a small alphabet, so that swaps, repeats and near misses
    // abound; some non-ASCII.
    let letters = ['a', 'b', 'c', 'é'];
    let mut state = 11u64;
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1);
        (state >> 33) as usize % n
    };
    let mut outcomes = [0; 2];
    for _ in 0..20_000 {
        let a: String = (0..next(16)).map(|_| letters[next(4)]).collect();
        let mut b: Vec<char> = a.chars().collect();
        for _ in 0..next(4) {
            match next(4) {
                0 if !b.is_empty() => {
                    b.remove(next(b.len()));
                }
                1 => b.insert(next(b.len() + 1), letters[next(4)]),
                2 if b.len() > 1 => {
                    let i = next(b.len() - 1);
                    b.swap(i, i + 1);
                }
                _ if !b.is_empty() => {
                    let i = next(b.len());
                    b[i] = letters[next(4)];
                }
                _ => {}
            }
        }
        let b: String = b.into_iter().collect();
        let allowed = if a.len().min(b.len()) < 12 { 1 } else { 2 };
        let full = a.len().abs_diff(b.len()) <= allowed && strsim::osa_distance(&a, &b) <= allowed;
        assert_eq!(within_typos(&a, &b), full, "{a:?} {b:?}");
        outcomes[usize::from(full)] += 1;
    }
    assert!(outcomes.iter().all(|&n| n > 2000), "{outcomes:?}");
}

#[test]
fn distinct_from_must_name_another_entity() {
    let entity = |id: &str, distinct: &str| Entity {
        id: id.into(),
        name: id.into(),
        kind: PersonKind::Organization,
        aliases: vec![],
        acronyms: vec![],
        distinct_from: vec![distinct.into()],
        curated: true,
    };
    let ok = Entities::new(vec![entity("a", "b"), entity("b", "a")]).unwrap();
    assert!(ok.distinct(0, 1) && ok.distinct(1, 0));
    for list in [vec![entity("a", "c")], vec![entity("a", "a")]] {
        let err = Entities::new(list).unwrap_err();
        assert!(err.contains("distinct_from"), "{err}");
    }
}

#[test]
fn slugs_are_readable() {
    assert_eq!(slug("Tomás Ojea-Quintana"), "tomas-ojea-quintana");
    assert_eq!(slug("Citizens’ Alliance (NKHR)"), "citizens-alliance-nkhr");
    assert_eq!(slug("북한 인권"), "북한-인권");
}

#[test]
fn initials_joined_by_full_stops_are_one_word() {
    let folded =
        |text: &str| -> Vec<String> { words(text).into_iter().map(|w| w.folded).collect() };
    assert_eq!(folded("U.N. Commission"), ["un", "commission"]);
    assert_eq!(folded("the D.P.R.K.’s"), ["the", "dprk", "s"]);
    // Not initials: a spaced "J. R.", a word then a letter, an abbreviation.
    assert_eq!(folded("J. R. Smith"), ["j", "r", "smith"]);
    assert_eq!(folded("No.5 U.Sam"), ["no", "5", "u", "sam"]);
    let un = &words("U.N. body")[0];
    assert_eq!((un.span.clone(), un.shape), (0..3, Shape::Capitals));
    assert_eq!(name_key("U.N. Commission"), name_key("UN Commission"));
}
