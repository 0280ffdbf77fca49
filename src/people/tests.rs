use super::*;
use crate::corpus::SourceFile;

fn bundled() -> (Corpus, PeopleIndex) {
    let corpus = Corpus::load(&[]).expect("the bundled corpus loads");
    let index = PeopleIndex::new(&corpus);
    (corpus, index)
}

fn doc(corpus: &Corpus, id: &str) -> usize {
    corpus.documents.iter().position(|d| d.id == id).unwrap()
}

fn entity(corpus: &Corpus, id: &str) -> EntityId {
    let all = corpus.entities.all();
    all.iter().position(|e| e.id == id).unwrap()
}

fn ids<'c>(corpus: &'c Corpus, entities: &[EntityId]) -> Vec<&'c str> {
    entities
        .iter()
        .map(|&e| corpus.entities.get(e).id.as_str())
        .collect()
}

#[test]
fn a_build_on_all_cores_is_the_build_on_one() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let paths = [fixtures.join("good"), fixtures.join("reader")];
    let build = || {
        let corpus = Corpus::load(&paths).expect("the corpus loads");
        let index = PeopleIndex::new(&corpus);
        let passages: Vec<Vec<Passage>> = (0..corpus.entities.all().len())
            .map(|e| index.passages_of(&corpus, e).to_vec())
            .collect();
        (corpus.documents, corpus.entities.all().to_vec(), passages)
    };
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap()
        .install(build);
    let many = rayon::ThreadPoolBuilder::new()
        .num_threads(4)
        .build()
        .unwrap()
        .install(build);
    assert!(one.2.iter().any(|p| !p.is_empty()));
    assert!(one == many);
}

#[test]
fn appearances_are_newest_first_with_roles_and_entries() {
    let (corpus, index) = bundled();
    let biserko = entity(&corpus, "sonja-biserko");
    let found: Vec<(&str, &[Role], String)> = index
        .appearances(biserko)
        .iter()
        .map(|a| {
            let doc = &corpus.documents[a.doc];
            let entries: Vec<&str> = a
                .people
                .iter()
                .map(|&i| doc.people[i].name.as_str())
                .collect();
            (doc.id.as_str(), a.roles.as_slice(), entries.join("|"))
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                "hrc55-open-letter-2024",
                &[Role::Signatory][..],
                "Sonja Biserko".into()
            ),
            (
                "icnk-crimes-against-humanity-demand-justice-2017",
                &[Role::Quoted][..],
                "Sonja Biserko".into()
            ),
        ]
    );
    let hrw = entity(&corpus, "human-rights-watch");
    assert_eq!(index.appearances(hrw).len(), 4);
}

#[test]
fn an_entity_with_two_entries_in_a_document_appears_once_with_both_roles() {
    let entities = SourceFile {
        name: "e.toml".into(),
        text: String::new(),
    };
    let doc = SourceFile {
        name: "d.toml".into(),
        text: "id = \"d\"\ntitle = \"T\"\nkind = \"statement\"\nparagraphs = [\"x\"]\n\
               [[people]]\nname = \"Kim Hyuk\"\nkind = \"person\"\nrole = \"quoted\"\n\
               [[people]]\nname = \"Kim Kyu Li\"\nkind = \"person\"\nrole = \"signatory\"\n\
               [[people]]\nname = \"Kim  Hyuk\"\nkind = \"person\"\nrole = \"signatory\"\n"
            .into(),
    };
    let corpus = Corpus::from_files(&entities, &[doc]).unwrap();
    let index = PeopleIndex::new(&corpus);
    let kim = corpus.documents[0].people[0].entity;
    assert_eq!(
        index.appearances(kim),
        [Appearance {
            doc: 0,
            roles: vec![Role::Signatory, Role::Quoted],
            people: vec![0, 2],
        }]
    );
    assert_eq!(index.entities_in(0).len(), 2);
}

#[test]
fn other_documents_counts_the_rest_for_a_sidebar() {
    let (corpus, index) = bundled();
    let d2017 = doc(&corpus, "icnk-crimes-against-humanity-demand-justice-2017");
    let d2024 = doc(&corpus, "hrc55-open-letter-2024");
    let count = |d: usize, name: &str| {
        let person = corpus.documents[d]
            .people
            .iter()
            .find(|p| p.name == name)
            .unwrap();
        index.other_documents(d, person.entity)
    };
    assert_eq!(count(d2017, "Human Rights Watch"), 3);
    assert_eq!(count(d2017, "Han Voice"), 1);
    assert_eq!(count(d2024, "Marzuki Darusman"), 0);
}

#[test]
fn overlap_gives_what_documents_share_and_what_is_theirs_alone() {
    let (corpus, index) = bundled();
    let letter = doc(&corpus, "joint-letter-security-council-2015");
    let release = doc(&corpus, "un-stand-with-north-koreas-victims-2014");
    let overlap = index.overlap(&[letter, release]);
    assert_eq!(
        ids(&corpus, &overlap.shared),
        [
            "amnesty-international",
            "human-rights-watch",
            "jacob-blaustein-institute-for-the-advancement-of-human-rights",
            "commission-of-inquiry",
        ]
    );
    assert_eq!(
        ids(&corpus, &overlap.unique[1]),
        [
            "christen-broecker",
            "nicole-bjerler",
            "north-koreas-mission-to-the-un",
            "param-preet-singh",
        ]
    );
    assert_eq!(overlap.unique[0].len(), 6);
    // A document named twice is one; no documents share nothing.
    let twice = index.overlap(&[letter, letter]);
    assert_eq!(twice.shared.len(), index.entities_in(letter).len());
    assert_eq!(twice.unique[0], twice.shared);
    assert_eq!(
        index.overlap(&[]),
        Overlap {
            shared: vec![],
            unique: vec![]
        }
    );
}

#[test]
fn entities_sort_by_name_or_by_documents() {
    let (corpus, index) = bundled();
    let by_name = index.entities(SortBy::Name);
    let names: Vec<&str> = by_name
        .iter()
        .map(|&e| corpus.entities.get(e).name.as_str())
        .collect();
    let at = |name: &str| names.iter().position(|n| *n == name).unwrap();
    assert!(at("Free North Korea Radio") < at("Freedom House"));
    assert!(at("Amnesty International") < at("Benedict Rogers"));
    let by_count = index.entities(SortBy::Documents);
    let counts: Vec<usize> = by_count
        .iter()
        .map(|&e| index.appearances(e).len())
        .collect();
    assert!(counts.is_sorted_by(|a, b| a >= b), "{counts:?}");
    assert_eq!(
        ids(&corpus, &by_count[..2]),
        [
            "human-rights-watch",
            "international-coalition-to-stop-crimes-against-humanity-in-north-korea"
        ]
    );
    assert_eq!(by_name.len(), by_count.len());
}

#[test]
fn lookup_tries_exact_then_a_word_then_a_typo() {
    let (corpus, index) = bundled();
    let found = |query: &str| match index.lookup(&corpus, query) {
        Lookup::Found(e) => corpus.entities.get(e).id.clone(),
        other => panic!("{query}: {other:?}"),
    };
    for (query, id) in [
        ("human-rights-watch", "human-rights-watch"),
        ("Tomas Ojea Quintana", "tomas-ojea-quintana"),
        ("ben rogers", "benedict-rogers"),
        ("HRW", "human-rights-watch"),
        (
            "icnk",
            "international-coalition-to-stop-crimes-against-humanity-in-north-korea",
        ),
        ("ojea", "tomas-ojea-quintana"),
        ("Human Rigths Watch", "human-rights-watch"),
        ("Commission of Inquiry", "commission-of-inquiry"),
    ] {
        assert_eq!(found(query), id, "{query}");
    }
    let Lookup::Ambiguous(kims) = index.lookup(&corpus, "kim") else {
        panic!("kim is ambiguous")
    };
    // Yuki Akimoto has "kim" inside a word, not at its start.
    assert_eq!(kims.len(), 6);
    let Lookup::NotFound(closest) = index.lookup(&corpus, "Quintana Tomas") else {
        panic!("word order is not a match")
    };
    assert_eq!(ids(&corpus, &closest[..1]), ["tomas-ojea-quintana"]);
    assert_eq!(index.lookup(&corpus, "?!"), Lookup::NotFound(vec![]));
}
