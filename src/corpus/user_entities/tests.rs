use super::*;

fn file(name: &str, text: &str) -> SourceFile {
    SourceFile::new(name, text.to_string())
}

fn bundled() -> Entities {
    let list = vec![Entity {
        id: "council".into(),
        name: "Council for Human Rights in North Korea".into(),
        kind: PersonKind::Organization,
        aliases: Vec::new(),
        acronyms: Vec::new(),
        distinct_from: Vec::new(),
        curated: true,
    }];
    Entities::new(list).expect("the bundled list is valid")
}

fn messages(problems: &[Problem]) -> Vec<String> {
    problems.iter().map(ToString::to_string).collect()
}

#[test]
fn a_users_entry_adds_to_a_known_entity_or_makes_a_new_one() {
    let mut e = bundled();
    let user = "\
[[entity]]
id = \"council\"
aliases = [\"Council for HR in North Korea\"]
acronyms = [\"HRNK Canada\"]

[[entity]]
id = \"hanvoice\"
name = \"HanVoice\"
kind = \"organization\"
distinct_from = [\"council\"]
";
    assert_eq!(
        messages(&merge(&mut e, &[file("mine/entities.toml", user)])),
        Vec::<String>::new()
    );
    let council = e.get(e.index_of("council").unwrap());
    assert_eq!(council.aliases, ["Council for HR in North Korea"]);
    assert_eq!(council.acronyms, ["HRNK Canada"]);
    assert_eq!(
        e.resolve(PersonKind::Organization, "Council for HR in North Korea"),
        0
    );
    let new = e.resolve(PersonKind::Organization, "Han Voice");
    assert_eq!(e.get(new).id, "hanvoice");
    assert!(e.distinct(0, new));
}

#[test]
fn renaming_retyping_taken_names_and_unknown_ids_are_refused_with_their_line_and_field() {
    let mut e = bundled();
    let user = "\
[[entity]]
id = \"council\"
name = \"Canadian Council\"
kind = \"person\"

[[entity]]
id = \"other\"
name = \"Other\"
kind = \"organization\"
aliases = [\"Council for Human Rights in N. Korea\", \"Council for Human Rights in North Korea\"]
distinct_from = [\"nobody\"]

[[entity]]
id = \"no-kind\"
name = \"No Kind\"

[[entity]]
id = \"Bad id!\"
name = \"X\"
kind = \"person\"
";
    let found = messages(&merge(&mut e, &[file("mine/entities.toml", user)]));
    let expected = [
        "mine/entities.toml:3:8: field `entity[0].name`: entity \"council\" is \"Council for Human Rights in North Korea\"",
        "mine/entities.toml:4:8: field `entity[0].kind`: entity \"council\" is of kind organization",
        "mine/entities.toml:10:52: field `entity[1].aliases[1]`: entity \"other\": the name \"Council for Human Rights in North Korea\" is already entity \"council\"",
        "mine/entities.toml:14:6: field `entity[2].id`: \"no-kind\" is no known entity, so this entry makes one: it needs `kind`",
        "mine/entities.toml:18:6: field `entity[3].id`: \"Bad id!\" is not a valid id",
        "mine/entities.toml:11:18: field `entity[1].distinct_from[0]`: entity \"other\": distinct_from names \"nobody\", which is not another entity",
    ];
    assert_eq!(found.len(), expected.len(), "{found:#?}");
    for (f, x) in found.iter().zip(expected) {
        assert!(f.starts_with(x), "{f}\n  is not\n{x}");
    }
}

#[test]
fn a_file_that_does_not_parse_or_has_an_unknown_field_is_placed() {
    let mut e = bundled();
    let found = messages(&merge(
        &mut e,
        &[
            file("a/entities.toml", "[[entity]]\nid = \"x\"\nnmae = \"X\"\n"),
            file("b/entities.toml", "[[entity]\n"),
        ],
    ));
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found[0].starts_with("a/entities.toml:3:1"), "{}", found[0]);
    assert!(found[0].contains("nmae"), "{}", found[0]);
    assert!(found[1].starts_with("b/entities.toml:1:"), "{}", found[1]);
}
