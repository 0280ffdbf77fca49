use super::*;

fn file(name: &str, text: &str) -> SourceFile {
    SourceFile {
        name: name.into(),
        text: text.into(),
    }
}

const GOOD: &str = "id = \"d\"\ntitle = \"T\"\nkind = \"statement\"\nparagraphs = [\"One.\"]\n";

#[test]
fn a_good_toml_file_parses_and_is_cleaned() {
    let text = GOOD.replace("One.", "One.\\u001b[2J\\t");
    let docs = parse(&file("d.toml", &text)).unwrap();
    assert_eq!(docs[0].paragraphs, ["One.[2J"]);
}

#[test]
fn semantic_problems_point_at_the_field_line() {
    let text = GOOD.replace("[\"One.\"]", "[\"One.\", \"  \"]");
    let problems = parse(&file("d.toml", &text)).unwrap_err();
    assert_eq!(
        problems[0].to_string(),
        "d.toml:4:23: field `paragraphs[1]`: paragraph 2 is empty\n     4 | paragraphs = [\"One.\", \"  \"]\n       |                       ^"
    );
}

#[test]
fn provenance_problems_point_at_their_field() {
    let text = format!(
        "{GOOD}url = \"ftp://x.org/a\"\ndate = \"2015\"\ninferred_date = \"2014-12\"\naccessed = \"2014-06\"\n"
    );
    let shown: Vec<String> = parse(&file("d.toml", &text))
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    let heads: Vec<&str> = shown.iter().map(|s| s.lines().next().unwrap()).collect();
    assert_eq!(
        heads,
        [
            "d.toml:5:7: field `url`: \"ftp://x.org/a\" is not a web address: use http or https, not ftp",
            "d.toml:6:8: field `date`: 2015 is after the capture (`accessed` = 2014-06)",
            "d.toml:7:17: field `inferred_date`: an inferred date needs `inferred_date_reason`: what in the text fixes it",
            "d.toml:7:17: field `inferred_date`: a document with a `date` has no inferred one: keep one of the two",
            "d.toml:7:17: field `inferred_date`: 2014-12 is after the capture (`accessed` = 2014-06)",
        ]
    );
    let text = format!("{GOOD}accessed = 2014-06-01\n");
    let shown = parse(&file("d.toml", &text)).unwrap_err()[0].to_string();
    assert!(
        shown.starts_with("d.toml:5:12: field `accessed`: a date must be in quotes"),
        "{shown}"
    );
    let text = format!("{GOOD}inferred_date_reason = \"the vote\"\n");
    let shown = parse(&file("d.toml", &text)).unwrap_err()[0].to_string();
    assert!(
        shown.starts_with("d.toml:5:24: field `inferred_date_reason`: a reason without"),
        "{shown}"
    );
}

#[test]
fn json_arrays_report_the_element_path_and_line() {
    let text = "[\n{\"id\":\"a\",\"title\":\"T\",\"kind\":\"statement\",\"paragraphs\":[\"x\"]},\n{\"id\":\"b\",\"title\":\"T\",\"kind\":\"memo\",\"paragraphs\":[\"x\"]}\n]";
    let problems = parse(&file("d.json", text)).unwrap_err();
    let shown = problems[0].to_string();
    assert!(shown.starts_with("d.json:3:"), "{shown}");
    assert!(
        shown.contains("field `[1].kind`: unknown variant `memo`"),
        "{shown}"
    );
}

#[test]
fn a_byte_order_mark_is_dropped_before_parsing_and_counting() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.json");
    let json = "\u{feff}{\"id\": \"d\", \"title\": \"T\", \"kind\": \"memo\", \"paragraphs\": []}";
    std::fs::write(&path, json).unwrap();
    let files = read_path(&path).unwrap();
    let shown = parse(&files[0]).unwrap_err()[0].to_string();
    let name = path.display();
    assert!(
        shown.starts_with(&format!(
            "{name}:1:35: field `kind`: unknown variant `memo`"
        )),
        "{shown}"
    );
    assert!(
        shown.ends_with(&format!("\n       | {}^", " ".repeat(34))),
        "{shown}"
    );
    let path = dir.path().join("d.toml");
    std::fs::write(&path, format!("\u{feff}{GOOD}")).unwrap();
    assert_eq!(parse(&read_path(&path).unwrap()[0]).unwrap()[0].id, "d");
}

#[test]
fn json_semantic_problems_name_the_path_and_the_place() {
    let text = "[{\"id\":\"a b\",\"title\":\"T\",\"kind\":\"statement\",\"paragraphs\":[]}]";
    let shown: Vec<String> = parse(&file("d.json", text))
        .unwrap_err()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert!(
        shown[0].starts_with("d.json:1:8: field `[0].id`: \"a b\" is not a valid id"),
        "{shown:?}"
    );
    assert!(
        shown[1].starts_with("d.json:1:58: field `[0].paragraphs`: the document is empty"),
        "{shown:?}"
    );
}
