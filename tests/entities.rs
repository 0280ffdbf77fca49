//! Entity resolution against data/entities.toml: every kind of variant the
//! documents use for one body or person, with real names from the captures
//! in data/sources/, and pairs that look alike but must never merge.

use nkread::corpus::{Corpus, Entities, PersonKind, name_key};
use nkread::people::{PeopleIndex, SortBy};

const ORG: PersonKind = PersonKind::Organization;
const PERSON: PersonKind = PersonKind::Person;

fn corpus() -> Corpus {
    Corpus::load(&[]).unwrap_or_else(|e| panic!("the bundled corpus must load:\n{e}"))
}

/// The id of the entity `name` resolves to, without changing `entities`.
fn resolve(entities: &Entities, kind: PersonKind, name: &str) -> String {
    let mut entities = entities.clone();
    let id = entities.resolve(kind, name);
    entities.get(id).id.clone()
}

#[test]
fn every_kind_of_variant_resolves_to_one_curated_entity() {
    let corpus = corpus();
    for (variant, kind, name, id) in [
        // Acronyms and countries in parentheses, as the captures write them.
        ("country", ORG, "Han Voice (Canada)", "hanvoice"),
        (
            "country",
            ORG,
            "Committee for Human Rights in North Korea (USA)",
            "committee-for-human-rights-in-north-korea",
        ),
        (
            "acronym",
            ORG,
            "Citizens' Alliance for North Korean Human Rights (NKHR)",
            "citizens-alliance-for-north-korean-human-rights",
        ),
        (
            "acronym",
            ORG,
            "International Federation for Human Rights (FIDH)",
            "international-federation-for-human-rights",
        ),
        // A leading "The".
        (
            "the",
            ORG,
            "The Society to Help Returnees to North Korea",
            "society-to-help-returnees-to-north-korea",
        ),
        (
            "the",
            ORG,
            "The Simon Wiesenthal Center",
            "simon-wiesenthal-center",
        ),
        // Spacing.
        ("spacing", ORG, "Han Voice", "hanvoice"),
        ("spacing", ORG, "HanVoice", "hanvoice"),
        // Capitalisation.
        (
            "capitals",
            ORG,
            "Justice For North Korea",
            "justice-for-north-korea",
        ),
        (
            "capitals",
            ORG,
            "International Coalition to Stop Crimes Against Humanity in North Korea",
            "international-coalition-to-stop-crimes-against-humanity-in-north-korea",
        ),
        // British and American spelling.
        (
            "spelling",
            ORG,
            "World Organization Against Torture",
            "world-organisation-against-torture",
        ),
        (
            "spelling",
            ORG,
            "Global Center for the Responsibility to Protect",
            "global-centre-for-the-responsibility-to-protect",
        ),
        (
            "spelling",
            ORG,
            "Raoul Wallenberg Center for Human Rights",
            "raoul-wallenberg-centre-for-human-rights",
        ),
        // Diacritics and hyphens.
        (
            "diacritics",
            PERSON,
            "Tomas Ojea Quintana",
            "tomas-ojea-quintana",
        ),
        (
            "diacritics",
            PERSON,
            "Tomás Ojea-Quintana",
            "tomas-ojea-quintana",
        ),
        (
            "diacritics",
            ORG,
            "SARAM - Fur Menschen in Nordkorea",
            "saram-fur-menschen-in-nordkorea",
        ),
        ("hyphens", PERSON, "Param Preet Singh", "param-preet-singh"),
        ("hyphens", PERSON, "Kim Cheol Ok", "kim-cheol-ok"),
        // Short first names are aliases.
        ("short name", PERSON, "Ben Rogers", "benedict-rogers"),
        // Straight and curly apostrophes.
        (
            "apostrophe",
            ORG,
            "Citizens’ Alliance for North Korean Human Rights",
            "citizens-alliance-for-north-korean-human-rights",
        ),
        (
            "apostrophe",
            ORG,
            "Young Defectors’ Alliance for North Korean Human Rights",
            "young-defectors-alliance-for-north-korean-human-rights",
        ),
        (
            "apostrophe",
            ORG,
            "North Korea's mission to the UN",
            "north-koreas-mission-to-the-un",
        ),
    ] {
        assert_eq!(
            resolve(&corpus.entities, kind, name),
            id,
            "{variant}: {name}"
        );
    }
    // An affiliation, not an entity, written both ways in the captures.
    assert_eq!(
        name_key("Defence Forum Foundation"),
        name_key("Defense Forum Foundation")
    );
}

#[test]
fn look_alike_but_different_bodies_and_people_never_merge() {
    let corpus = corpus();
    for (kind, a, b) in [
        (
            ORG,
            "Committee for Human Rights in North Korea",
            "Council for Human Rights in North Korea",
        ),
        // Both are "ICC": the court is named in the 2017 release.
        (
            ORG,
            "International Christian Concern",
            "International Criminal Court",
        ),
        (ORG, "International Christian Concern", "ICC"),
        (ORG, "Christian Solidarity Worldwide", "CSW"),
        (ORG, "Human Rights Watch", "Human Rights Without Frontiers"),
        (ORG, "Human Asia", "Human Rights in Asia"),
        (ORG, "No Chain", "No Fence"),
        (
            ORG,
            "North Korea Freedom Coalition",
            "Free North Korea Radio",
        ),
        (
            ORG,
            "Christian Lawyers Association for Paraguay",
            "Inter-American Federation of Christian Lawyers",
        ),
        (
            ORG,
            "Commission of Inquiry",
            "Investigation Commission on Missing Japanese Probably Related to North Korea",
        ),
        (ORG, "Burma Partnership", "Burmainfo"),
        (ORG, "Asia Justice and Rights", "Asian Justice and Rights"),
        (PERSON, "Kim Jeong-sam", "Kim Jeong-wook"),
        (PERSON, "Kim Kyu Li", "Kim Hyuk"),
        (PERSON, "Benedict Rogers", "Ben"),
    ] {
        assert_ne!(
            resolve(&corpus.entities, kind, a),
            resolve(&corpus.entities, kind, b),
            "{a} / {b}"
        );
    }
    // A person and an organization of one name are two entities.
    assert_ne!(
        resolve(&corpus.entities, PERSON, "Freedom House"),
        "freedom-house"
    );
}

/// The audit of the five bundled documents, kept: every entity in more than
/// one of them, with how many. A new document or a curation change that
/// links or unlinks a body shows up here.
#[test]
fn the_entities_that_recur_across_the_bundled_documents() {
    let corpus = corpus();
    let index = PeopleIndex::new(&corpus);
    let recurring: Vec<(&str, usize)> = index
        .entities(SortBy::Documents)
        .into_iter()
        .map(|e| {
            (
                corpus.entities.get(e).id.as_str(),
                index.appearances(e).len(),
            )
        })
        .filter(|&(_, n)| n > 1)
        .collect();
    assert_eq!(
        recurring,
        [
            ("human-rights-watch", 4),
            (
                "international-coalition-to-stop-crimes-against-humanity-in-north-korea",
                4
            ),
            ("christian-solidarity-worldwide", 3),
            ("international-federation-for-human-rights", 3),
            ("commission-of-inquiry", 3),
            ("amnesty-international", 2),
            ("benedict-rogers", 2),
            ("citizens-alliance-for-north-korean-human-rights", 2),
            ("committee-for-human-rights-in-north-korea", 2),
            ("freedom-house", 2),
            ("hanvoice", 2),
            (
                "jacob-blaustein-institute-for-the-advancement-of-human-rights",
                2
            ),
            ("justice-for-north-korea", 2),
            ("no-fence", 2),
            ("phil-robertson", 2),
            ("society-to-help-returnees-to-north-korea", 2),
            ("sonja-biserko", 2),
            ("suzanne-scholte", 2),
            ("tomas-ojea-quintana", 2),
        ]
    );
}
