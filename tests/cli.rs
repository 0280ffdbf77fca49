//! The scripting commands end to end: the real binary, its stdout, stderr
//! and exit status.

mod common;

use common::home::nkread;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

const IDS_NEWEST_FIRST: [&str; 5] = [
    "hrc55-open-letter-2024",
    "icnk-crimes-against-humanity-demand-justice-2017",
    "joint-letter-security-council-2015",
    // Undated, but after the vote of 18 December 2014: it sorts by that.
    "icnk-welcomes-unga-resolution-2014",
    "un-stand-with-north-koreas-victims-2014",
];

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

/// nkread reading the user corpus at `path` too.
fn nkread_with(path: impl AsRef<std::ffi::OsStr>) -> Command {
    let mut cmd = nkread();
    cmd.arg("--corpus").arg(path);
    cmd
}

fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).expect("stdout is UTF-8")
}

fn stderr_of_failure(cmd: &mut Command) -> String {
    let out = cmd.assert().code(2).stdout("").get_output().stderr.clone();
    String::from_utf8(out).expect("stderr is UTF-8")
}

fn json_of(cmd: &mut Command) -> Value {
    serde_json::from_str(&stdout_of(cmd)).expect("stdout is JSON")
}

fn no_control_characters(s: &str) {
    assert!(
        !s.chars().any(|c| c.is_control() && c != '\n'),
        "control character in output: {s:?}"
    );
}

#[test]
fn list_prints_every_document_newest_first_inferred_dates_among_them() {
    let out = stdout_of(nkread().arg("list"));
    let ids: Vec<&str> = out
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(ids, IDS_NEWEST_FIRST);
    insta::assert_snapshot!(out);
}

#[test]
fn list_json_has_the_documented_fields() {
    let json = json_of(nkread().args(["list", "--json"]));
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 5);
    for row in rows {
        for key in [
            "id",
            "title",
            "date",
            "kind",
            "issuers",
            "paragraphs",
            "people",
        ] {
            assert!(row.get(key).is_some(), "missing {key} in {row}");
        }
        assert!(row["paragraphs"].as_u64().unwrap() > 0);
    }
    insta::assert_json_snapshot!(json);
}

#[test]
fn show_prints_each_document_clean_and_complete() {
    for id in IDS_NEWEST_FIRST {
        let out = stdout_of(nkread().args(["show", id]));
        no_control_characters(&out);
        insta::assert_snapshot!(format!("show-{id}"), out);
    }
}

#[test]
fn show_json_numbers_paragraphs_from_one_and_links_people_to_entities() {
    let doc = json_of(nkread().args([
        "show",
        "icnk-crimes-against-humanity-demand-justice-2017",
        "--json",
    ]));
    assert_eq!(doc["date"], "2017-03-07");
    assert_eq!(doc["place"], "Seoul");
    let paragraphs = doc["paragraphs"].as_array().unwrap();
    for (i, p) in paragraphs.iter().enumerate() {
        assert_eq!(p["n"], i + 1);
        assert!(!p["text"].as_str().unwrap().is_empty());
    }
    let people = doc["people"].as_array().unwrap();
    let rogers = people
        .iter()
        .find(|p| p["name"] == "Benedict Rogers")
        .unwrap();
    assert_eq!(rogers["entity"], "benedict-rogers");
    assert_eq!(rogers["role"], "quoted");
    assert_eq!(rogers["affiliation"], "Christian Solidarity Worldwide");
    // Absent optional fields are null, not missing.
    let hrw = people
        .iter()
        .find(|p| p["name"] == "Human Rights Watch")
        .unwrap();
    assert_eq!(hrw["country"], Value::Null);
    assert_eq!(hrw["title"], Value::Null);
}

#[test]
fn show_json_of_an_undated_document_has_a_null_date_and_the_inferred_one_apart() {
    let doc = json_of(nkread().args(["show", "icnk-welcomes-unga-resolution-2014", "--json"]));
    assert_eq!(doc["date"], Value::Null);
    assert_eq!(doc["inferred_date"], "2014-12");
    assert!(
        doc["inferred_date_reason"]
            .as_str()
            .unwrap()
            .contains("December 18, 2014")
    );
    assert!(doc["curator_note"].as_str().unwrap().contains("no address"));
    for absent in ["url", "publisher", "accessed"] {
        assert_eq!(doc[absent], Value::Null, "{absent}");
    }
    assert_eq!(doc["title_supplied"], true);
    let dated = json_of(nkread().args([
        "show",
        "icnk-crimes-against-humanity-demand-justice-2017",
        "--json",
    ]));
    assert_eq!(dated["inferred_date"], Value::Null);
}

#[test]
fn an_unknown_id_names_it_and_the_closest_ids() {
    let err = stderr_of_failure(nkread().args(["show", "joint-letter-2015"]));
    assert!(err.contains("\"joint-letter-2015\""), "{err}");
    assert!(err.contains("joint-letter-security-council-2015"), "{err}");
}

#[test]
fn a_hostile_id_is_not_echoed_raw() {
    let err = stderr_of_failure(nkread().args(["show", "\u{1b}]0;pwned\u{7}\u{1b}[2J"]));
    no_control_characters(&err);
}

#[test]
fn hostile_arguments_in_usage_errors_are_not_echoed_raw() {
    let out = nkread()
        .args(["show", "a", "\u{1b}]0;pwned\u{7}"])
        .assert()
        .code(2)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert!(err.contains("unexpected argument"), "{err}");
    no_control_characters(&err);
}

#[test]
fn the_reader_without_a_terminal_says_so_and_exits_2_at_once() {
    let err = stderr_of_failure(nkread().write_stdin(""));
    assert!(
        err.contains("nkread list") && err.contains("terminal"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "one line: {err}");
}

#[test]
fn help_and_version_exit_0() {
    let help = stdout_of(nkread().arg("--help"));
    assert!(
        help.contains("Exit status") && help.contains("--corpus <PATH>"),
        "{help}"
    );
    let help = stdout_of(nkread().args(["show", "--help"]));
    assert!(help.contains("Examples"), "{help}");
    let version = stdout_of(nkread().arg("--version"));
    assert!(version.starts_with("nkread "), "{version}");
}

#[test]
fn bad_usage_exits_2() {
    nkread()
        .arg("--frobnicate")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--frobnicate"));
    nkread().arg("show").assert().code(2);
    nkread().args(["list", "--corpus", "x"]).assert().code(2);
}

/// Each broken fixture fails to load with its file, position, field and reason.
#[test]
fn each_validation_error_names_the_file_position_and_reason() {
    for (dir, expected) in [
        ("malformed", "malformed/doc.toml:2:32: invalid basic string"),
        (
            "missing_field",
            "missing_field/doc.toml:1:1: missing field `kind`",
        ),
        (
            "duplicate_id",
            "duplicate_id/b.toml:2:6: field `id`: duplicate id \"twice\": already used at",
        ),
        (
            "duplicate_bundled_id",
            "doc.toml:1:6: field `id`: duplicate id \"hrc55-open-letter-2024\": already used at bundled:data/corpus/hrc55-open-letter-2024.toml:1:6",
        ),
        (
            "unknown_kind",
            "unknown_kind/doc.toml:3:8: field `kind`: unknown variant `memo`, expected one of",
        ),
        (
            "unknown_role",
            "unknown_role/doc.toml:14:8: field `people[1].role`: unknown variant `author`",
        ),
        (
            "empty",
            "empty/doc.toml:4:14: field `paragraphs`: the document is empty",
        ),
        (
            "bad_date",
            "bad_date/doc.toml:3:8: field `date`: invalid date \"2015-02-30\": day 30 is not 1-28",
        ),
        (
            "malformed_json",
            "malformed_json/doc.json:5:25: field `paragraphs`: trailing comma",
        ),
        (
            "json_array",
            "json_array/docs.json:4:15: field `[1].people[0]`: missing field `name`",
        ),
        (
            "json_trailing",
            "json_trailing/lines.json:2:1: trailing characters",
        ),
        (
            "json_unicode",
            "json_unicode/doc.json:1:45: field `kind`: unknown variant `memo`",
        ),
        (
            "unknown_field",
            "unknown_field/doc.toml:4:1: field `auther`: unknown field `auther`, expected one of",
        ),
        (
            "empty_title_and_name",
            "empty_title_and_name/doc.toml:2:9: field `title`: the title is empty",
        ),
        (
            "empty_title_and_name",
            "doc.toml:7:8: field `people[0].name`: \"★★\" is not a name: it has no letter or digit",
        ),
        (
            "unquoted_date",
            "unquoted_date/doc.toml:3:8: field `date`: a date must be in quotes, such as date = \"2017-03-08\"",
        ),
        (
            "lookalike_id",
            "lookalike_id/doc.toml:2:6: field `id`: \"hrc55-opеn-letter-2024\" is not a valid id: use ASCII letters",
        ),
    ] {
        let corpus = fixture(&format!("broken/{dir}"));
        let err = stderr_of_failure(nkread_with(&corpus).arg("list"));
        assert!(
            err.contains(expected),
            "{dir}: expected {expected:?} in:\n{err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    }
}

/// The quoted line keeps its indentation, so the caret under it points at
/// the character the column counts to.
#[test]
fn the_caret_sits_under_the_offending_character_of_an_indented_line() {
    for (dir, expected) in [
        (
            "malformed_json",
            "     5 |   \"paragraphs\": [\"One.\",]\n       |                         ^",
        ),
        (
            "json_array",
            "     4 |    \"people\": [{\"kind\": \"person\", \"role\": \"quoted\"}]}\n       \
             |               ^",
        ),
    ] {
        let err = stderr_of_failure(nkread_with(fixture(&format!("broken/{dir}"))).arg("list"));
        assert!(
            err.contains(expected),
            "{dir}: expected {expected:?} in:\n{err}"
        );
    }
}

#[test]
fn every_problem_is_reported_at_once() {
    let err = stderr_of_failure(
        nkread_with(fixture("broken/empty"))
            .arg("--corpus")
            .arg(fixture("broken/unknown_kind"))
            .arg("list"),
    );
    assert!(
        err.contains("the document is empty") && err.contains("unknown variant `memo`"),
        "{err}"
    );
}

#[test]
fn every_mistake_in_a_file_is_reported_in_one_run_with_what_was_meant() {
    let err = stderr_of_failure(nkread_with(fixture("broken/three_mistakes")).arg("check"));
    for (at, meant) in [
        ("doc.toml:3:8: field `kind`: unknown variant `memo`", ""),
        (
            "doc.toml:8:8: field `people[0].kind`: unknown variant `organisation`",
            "; did you mean `organization`?",
        ),
        (
            "doc.toml:9:8: field `people[0].role`: unknown variant `signer`",
            "; did you mean `signatory`?",
        ),
    ] {
        let line = err.lines().find(|l| l.contains(at));
        let line = line.unwrap_or_else(|| panic!("{at}\nin\n{err}"));
        assert!(line.ends_with(meant), "{meant}\nin\n{line}");
    }
    assert_eq!(err.matches("unknown variant").count(), 3, "{err}");
}

#[test]
fn a_file_that_is_not_utf8_is_an_input_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("latin1.toml"), b"id = \"caf\xe9\"\n").unwrap();
    let err = stderr_of_failure(nkread_with(dir.path()).arg("list"));
    assert!(
        err.contains("latin1.toml:1:10: the file is not valid UTF-8"),
        "{err}"
    );
}

#[test]
fn a_corpus_path_may_be_one_file_and_may_start_with_a_byte_order_mark() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("windows.json");
    let json = "\u{feff}{\"id\":\"bom\",\"title\":\"T\",\"kind\":\"statement\",\"paragraphs\":[\"a\\r\\nb\"]}";
    std::fs::write(&file, json).unwrap();
    let doc = json_of(nkread_with(&file).args(["show", "bom", "--json"]));
    assert_eq!(doc["paragraphs"][0]["text"], "a\nb");
    let readme = fixture("good/README.md");
    let err = stderr_of_failure(nkread_with(&readme).arg("list"));
    assert!(
        err.contains("README.md: a corpus file must end in .toml or .json"),
        "{err}"
    );
}

#[test]
fn the_same_corpus_directory_named_twice_is_read_once() {
    let good = fixture("good");
    let out = stdout_of(
        nkread_with(&good)
            .arg("--corpus")
            .arg(good.join("."))
            .arg("list"),
    );
    assert_eq!(out.matches("test-statement-2020").count(), 1, "{out}");
}

#[test]
fn piped_show_starts_only_paragraphs_in_the_first_column() {
    let dir = tempfile::tempdir().unwrap();
    let doc = "id = \"lines\"\ntitle = \"T\"\nkind = \"statement\"\nparagraphs = [\"x\\n[2] spoofed\", \"y\"]\n";
    std::fs::write(dir.path().join("lines.toml"), doc).unwrap();
    let out = stdout_of(nkread_with(dir.path()).args(["show", "lines"]));
    let markers: Vec<&str> = out.lines().filter(|l| l.starts_with('[')).collect();
    assert_eq!(markers, ["[1] x", "[2] y"], "{out}");
}

#[test]
fn a_missing_corpus_directory_is_an_input_error() {
    let err = stderr_of_failure(nkread().args(["--corpus", "/nonexistent/nkread", "list"]));
    assert!(
        err.contains("/nonexistent/nkread: cannot read corpus path"),
        "{err}"
    );
}

#[test]
fn user_documents_load_from_toml_and_json_cleaned_and_linked() {
    let good = fixture("good");
    let out = stdout_of(nkread_with(&good).arg("list"));
    for id in ["test-statement-2020", "test-json-one", "test-json-two"] {
        assert!(out.contains(id), "{id} in\n{out}");
    }
    let shown = stdout_of(nkread_with(&good).args(["show", "test-statement-2020"]));
    no_control_characters(&shown);
    assert!(
        shown.contains("Second paragraph.   With a tab and an escape [31mthat must not"),
        "{shown}"
    );
    assert!(
        shown.contains("북한") && shown.contains("“curly quotes”"),
        "{shown}"
    );
    let doc = json_of(nkread_with(&good).args(["show", "test-statement-2020", "--json"]));
    // Spelling variants of a bundled entity resolve to it; a new name gets its own.
    assert_eq!(doc["people"][1]["entity"], "tomas-ojea-quintana");
    assert_eq!(doc["people"][0]["entity"], "hrw-test-coalition");
    let doc = json_of(nkread_with(&good).args(["show", "test-json-one", "--json"]));
    assert_eq!(doc["people"][0]["entity"], "human-rights-watch");
}

#[test]
fn configuration_errors_name_the_file_line_and_field() {
    let err = stderr_of_failure(
        nkread()
            .arg("--config")
            .arg(fixture("config/broken.toml"))
            .arg("list"),
    );
    assert!(
        err.contains(
            "broken.toml:2:1: field `corpos`: unknown key `corpos` at the top level; did you mean `corpus`?"
        ),
        "{err}"
    );
    let err = stderr_of_failure(
        nkread()
            .arg("--config")
            .arg(fixture("config/wrong_type.toml"))
            .arg("list"),
    );
    assert!(
        err.contains("wrong_type.toml:1:10: field `corpus`: expected a list"),
        "{err}"
    );
    let err = stderr_of_failure(nkread().args(["--config", "/nonexistent/config.toml", "list"]));
    assert!(
        err.contains("/nonexistent/config.toml: cannot read config file"),
        "{err}"
    );
}

#[test]
fn configured_corpus_directories_are_read() {
    let out = stdout_of(
        nkread()
            .arg("--config")
            .arg(fixture("config/extra_corpus.toml"))
            .arg("list"),
    );
    assert!(out.contains("test-statement-2020"), "{out}");
}

#[test]
fn the_default_config_file_is_read_from_xdg_config_home() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("nkread");
    std::fs::create_dir_all(&dir).unwrap();
    let corpus = fixture("good").display().to_string();
    std::fs::write(dir.join("config.toml"), format!("corpus = [{corpus:?}]\n")).unwrap();
    let out = stdout_of(nkread().env("XDG_CONFIG_HOME", home.path()).arg("list"));
    assert!(out.contains("test-json-one"), "{out}");
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    use std::process::Stdio;
    let mut child = common::home::process_in(&common::home::fresh_home())
        .args(["show", "hrc55-open-letter-2024"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn people_lists_every_entity_by_name_or_by_documents() {
    let out = stdout_of(nkread().arg("people"));
    let ids: Vec<&str> = out
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert!(ids.len() > 90, "{out}");
    let at = |id: &str| ids.iter().position(|i| *i == id).unwrap();
    assert!(at("free-north-korea-radio") < at("freedom-house"));
    let hrw = out
        .lines()
        .find(|l| l.starts_with("human-rights-watch "))
        .unwrap();
    let columns: Vec<&str> = hrw.split_whitespace().collect();
    assert_eq!(columns[..3], ["human-rights-watch", "organization", "4"]);
    let by_documents = stdout_of(nkread().args(["people", "--sort", "documents"]));
    assert!(
        by_documents.starts_with("human-rights-watch "),
        "{by_documents}"
    );
    assert_eq!(by_documents.lines().count(), ids.len());
}

#[test]
fn people_json_has_the_documented_fields() {
    let json = json_of(nkread().args(["people", "--json"]));
    let rows = json.as_array().unwrap();
    for row in rows {
        // serde_json's map lists keys in sorted order.
        let keys: Vec<&str> = row
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(
            keys,
            ["aliases", "documents", "entity", "kind", "name"],
            "{row}"
        );
        for d in row["documents"].as_array().unwrap() {
            assert!(d["doc"].is_string() && d["role"].is_string(), "{row}");
        }
    }
    let rogers = rows
        .iter()
        .find(|r| r["entity"] == "benedict-rogers")
        .unwrap();
    assert_eq!(rogers["aliases"], serde_json::json!(["Ben Rogers"]));
    insta::assert_json_snapshot!(json);
}

#[test]
fn people_name_shows_documents_roles_and_numbered_passages() {
    // Any spelling: the 2017 release writes "Tomas Ojea Quintana".
    let out = stdout_of(nkread().args(["people", "Tomas", "Ojea", "Quintana"]));
    assert!(out.starts_with("Tomás Ojea-Quintana\n"), "{out}");
    assert!(out.contains("signatory: Tomás Ojea-Quintana"), "{out}");
    assert!(out.contains("quoted: Tomas Ojea Quintana"), "{out}");
    let passage = out.lines().find(|l| l.starts_with("  [7]")).unwrap();
    assert!(passage.contains("Tomas Ojea Quintana, emphasized"), "{out}");
    // A document that names the entity without listing it says so.
    let hrw = stdout_of(nkread().args(["people", "hrw"]));
    assert!(
        hrw.contains("named in the text, not among its people"),
        "{hrw}"
    );
}

#[test]
fn people_name_json_numbers_passages_as_show_does() {
    let entity = json_of(nkread().args(["people", "Benedict Rogers", "--json"]));
    let keys: Vec<&str> = entity
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "acronyms",
            "aliases",
            "documents",
            "entity",
            "kind",
            "name",
            "passages"
        ]
    );
    let passages = entity["passages"].as_array().unwrap();
    assert_eq!(passages.len(), 3, "{entity}");
    for p in passages {
        let doc = json_of(nkread().args(["show", p["doc"].as_str().unwrap(), "--json"]));
        let n = p["n"].as_u64().unwrap() as usize;
        assert_eq!(doc["paragraphs"][n - 1]["text"], p["text"]);
        assert_eq!(doc["paragraphs"][n - 1]["n"], n);
    }
    // "Ben Rogers", the alias, is found in the press contacts.
    assert!(
        passages
            .iter()
            .any(|p| p["text"].as_str().unwrap().contains("Ben Rogers"))
    );
}

#[test]
fn people_name_that_fits_several_or_none_exits_2_with_the_closest_names() {
    let err = stderr_of_failure(nkread().args(["people", "kim"]));
    assert!(
        err.contains("\"kim\" fits 6 organizations and people")
            && err.contains("Kim Jeong-sam; Kim Jeong-wook"),
        "{err}"
    );
    let err = stderr_of_failure(nkread().args(["people", "Quintana Tomas"]));
    assert!(
        err.contains("no organization or person matches \"Quintana Tomas\"; the closest names are: Tomás Ojea-Quintana"),
        "{err}"
    );
    let err = stderr_of_failure(nkread().args(["people", "\u{1b}]0;pwned\u{7}"]));
    assert!(err.contains("no organization or person matches"), "{err}");
    no_control_characters(&err);
}

#[test]
fn people_shared_lists_what_documents_have_in_common() {
    let out = stdout_of(nkread().args([
        "people",
        "--shared",
        "joint-letter-security-council-2015",
        "un-stand-with-north-koreas-victims-2014",
    ]));
    let ids: Vec<&str> = out
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "amnesty-international",
            "human-rights-watch",
            "jacob-blaustein-institute-for-the-advancement-of-human-rights",
            "commission-of-inquiry"
        ]
    );
    // Roles in each document, in the order the ids are given.
    assert!(
        out.contains("organization  signatory / issuer  Amnesty International"),
        "{out}"
    );
    let json = json_of(nkread().args([
        "people",
        "--json",
        "--shared",
        "joint-letter-security-council-2015",
        "hrc55-open-letter-2024",
        "icnk-crimes-against-humanity-demand-justice-2017",
    ]));
    for row in json.as_array().unwrap() {
        assert_eq!(row["documents"].as_array().unwrap().len(), 3, "{row}");
    }
    insta::assert_json_snapshot!(json);
}

#[test]
fn people_shared_with_nothing_in_common_prints_nothing_and_says_so() {
    let out = nkread()
        .args([
            "people",
            "--shared",
            "un-stand-with-north-koreas-victims-2014",
            "icnk-welcomes-unga-resolution-2014",
        ])
        .assert()
        .success()
        .stdout("")
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert!(err.contains("share no organization or person"), "{err}");
}

#[test]
fn people_usage_errors_exit_2() {
    let err = stderr_of_failure(nkread().args([
        "people",
        "--shared",
        "joint-letter-2015",
        "hrc55-open-letter-2024",
    ]));
    assert!(
        err.contains("no document with id \"joint-letter-2015\"; the closest ids are: joint-letter-security-council-2015"),
        "{err}"
    );
    let err = stderr_of_failure(nkread().args([
        "people",
        "--shared",
        "hrc55-open-letter-2024",
        "hrc55-open-letter-2024",
    ]));
    assert!(err.contains("two or more different documents"), "{err}");
    // One id, a name with --shared, and an unknown order are clap's errors.
    for args in [
        &["people", "--shared", "hrc55-open-letter-2024"][..],
        &["people", "hrw", "--shared", "a", "b"],
        &["people", "hrw", "--sort", "documents"],
        &["people", "--sort", "size"],
    ] {
        nkread().args(args).assert().code(2).stdout("");
    }
}

#[test]
fn people_includes_a_user_corpus() {
    let json = json_of(nkread_with(fixture("good")).args(["people", "--json"]));
    let rows = json.as_array().unwrap();
    let coalition = rows
        .iter()
        .find(|r| r["entity"] == "hrw-test-coalition")
        .unwrap();
    assert_eq!(coalition["documents"][0]["doc"], "test-statement-2020");
    let quintana = rows
        .iter()
        .find(|r| r["entity"] == "tomas-ojea-quintana")
        .unwrap();
    assert_eq!(quintana["documents"].as_array().unwrap().len(), 3);
}

#[test]
fn check_passes_the_bundled_corpus_without_warnings() {
    let out = nkread()
        .arg("check")
        .assert()
        .success()
        .stdout("")
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8(out).unwrap();
    assert_eq!(
        err,
        "nkread: checked 5 documents and 97 organizations and people: no warnings\n"
    );
}

#[test]
fn check_warns_of_look_alike_names_that_did_not_resolve_to_one_entity() {
    let mut cmd = nkread_with(fixture("near_duplicates"));
    let output = cmd.arg("check").assert().success().get_output().clone();
    let out = String::from_utf8(output.stdout).unwrap();
    let warnings: Vec<&str> = out.lines().collect();
    assert!(warnings.iter().all(|w| w.starts_with("warning: ")), "{out}");
    for expected in [
        "\"Human Rights Watch\" (human-rights-watch, in hrc55-open-letter-2024, icnk-crimes-against-humanity-demand-justice-2017, joint-letter-security-council-2015, un-stand-with-north-koreas-victims-2014) and \"Human Rigths Watch\" (human-rigths-watch, in test-near-duplicates) are different entities, a typo apart",
        "\"No Fence\" (no-fence, in hrc55-open-letter-2024, icnk-crimes-against-humanity-demand-justice-2017) and \"No Fence Japan\" (no-fence-japan, in test-near-duplicates) are different entities, one name begins the other",
        "\"Council for Refugee Rights in North Korea\" (council-for-refugee-rights-in-north-korea, in test-near-duplicates) are different entities, one word apart",
        "\"Freedom House\" (freedom-house-2, in test-near-duplicates) are different entities, the same name for a person and an organization",
        "\"Korea Future\" (korea-future, in test-near-duplicates) and \"Korea Futures\" (korea-futures, in test-near-duplicates) are different entities, a typo apart",
    ] {
        assert!(out.contains(expected), "expected {expected:?} in:\n{out}");
    }
    // The spelling variants resolved: no warning names them.
    assert_eq!(warnings.len(), 5, "{out}");
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(err.ends_with(": 5 warnings\n"), "{err}");
}

#[test]
fn check_of_a_broken_corpus_exits_2_with_the_problems() {
    let err = stderr_of_failure(nkread_with(fixture("broken/empty")).arg("check"));
    assert!(err.contains("the document is empty"), "{err}");
}

#[test]
fn search_prints_one_line_per_hit_best_first_and_unmarked_when_piped() {
    let out = stdout_of(nkread().args(["search", "secrty", "councl"]));
    no_control_characters(&out);
    let first = out.lines().next().expect("a hit");
    assert!(
        first.starts_with("joint-letter-security-council-2015")
            && first.contains("Security Council"),
        "{out}"
    );
    let places: Vec<&str> = out
        .lines()
        .map(|l| l.split_whitespace().nth(1).unwrap())
        .collect();
    assert!(
        places
            .iter()
            .all(|p| *p == "title" || *p == "person" || p.starts_with('¶')),
        "{places:?}"
    );
    assert!(out.lines().count() <= 20, "the default limit");
}

#[test]
fn search_json_gives_the_full_text_and_the_matched_characters() {
    let json = json_of(nkread().args(["search", "secrty councl", "--json", "--limit", "50"]));
    let hits = json.as_array().unwrap();
    assert!(!hits.is_empty());
    for hit in hits {
        let mut keys: Vec<&str> = hit
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            ["doc", "field", "indices", "paragraph", "score", "text"],
            "{hit}"
        );
        let text: Vec<char> = hit["text"].as_str().unwrap().chars().collect();
        let indices: Vec<usize> = hit["indices"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i.as_u64().unwrap() as usize)
            .collect();
        assert!(indices.windows(2).all(|w| w[0] < w[1]), "{hit}");
        assert!(indices.iter().all(|&i| i < text.len()), "{hit}");
        match hit["field"].as_str().unwrap() {
            "paragraph" => assert!(hit["paragraph"].as_u64().unwrap() >= 1),
            "title" | "person" => assert_eq!(hit["paragraph"], Value::Null),
            other => panic!("field {other}"),
        }
    }
    // The text is the paragraph verbatim, numbered as show numbers it.
    let top = &hits[1];
    let doc = json_of(nkread().args(["show", top["doc"].as_str().unwrap(), "--json"]));
    let n = top["paragraph"].as_u64().unwrap() as usize;
    assert_eq!(doc["paragraphs"][n - 1]["text"], top["text"]);
    let text: Vec<char> = top["text"].as_str().unwrap().chars().collect();
    let marked: String = top["indices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| text[i.as_u64().unwrap() as usize])
        .collect();
    assert!(
        marked.starts_with("Sec") && marked.contains("Counc"),
        "{marked}"
    );
}

#[test]
fn search_limit_and_doc_narrow_the_hits() {
    let two = stdout_of(nkread().args(["search", "council", "--limit", "2"]));
    assert_eq!(two.lines().count(), 2, "{two}");
    let none = stdout_of(nkread().args(["search", "council", "--limit", "0"]));
    assert_eq!(none, "");
    let id = "hrc55-open-letter-2024";
    let json =
        json_of(nkread().args(["search", "council", "--json", "--doc", id, "--limit", "100"]));
    let hits = json.as_array().unwrap();
    assert!(hits.len() > 2);
    assert!(hits.iter().all(|h| h["doc"] == id), "{json}");
}

#[test]
fn search_in_an_unknown_document_names_the_closest_ids() {
    let err = stderr_of_failure(nkread().args(["search", "council", "--doc", "joint-letter-2015"]));
    assert!(err.contains("\"joint-letter-2015\""), "{err}");
    assert!(err.contains("joint-letter-security-council-2015"), "{err}");
}

#[test]
fn an_unknown_filter_is_an_error_that_names_it() {
    let err = stderr_of_failure(nkread().args(["search", "council note:x"]));
    assert!(err.contains("unknown filter \"note:\""), "{err}");
    assert!(err.contains("kind:, year:, by: and role:"), "{err}");
    let err = stderr_of_failure(nkread().args(["search", "kind:memo"]));
    assert!(err.contains("unknown kind \"memo\""), "{err}");
    // Quoted, the colon is text: found or not, not an error.
    let quoted = nkread().args(["search", "\"note: x\""]).output().unwrap();
    assert!(matches!(quoted.status.code(), Some(0 | 1)), "{quoted:?}");
}

#[test]
fn search_filters_by_issuer_and_year() {
    let docs = |query: &str| -> std::collections::BTreeSet<String> {
        // Nothing found is status 1, and still a JSON array.
        let out = nkread()
            .args(["search", query, "--json", "--limit", "1000"])
            .output()
            .unwrap();
        assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
        let json: Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
        json.as_array()
            .unwrap()
            .iter()
            .map(|hit| hit["doc"].as_str().unwrap().to_string())
            .collect()
    };
    let set = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect();
    let (csw_2017, csw_2024) = (
        "icnk-crimes-against-humanity-demand-justice-2017",
        "hrc55-open-letter-2024",
    );
    let the_2014_releases = [
        "icnk-welcomes-unga-resolution-2014",
        "un-stand-with-north-koreas-victims-2014",
    ];
    // The words alone find all four; each filter keeps only its own.
    let all: Vec<&str> = [csw_2017, csw_2024]
        .into_iter()
        .chain(the_2014_releases)
        .collect();
    assert_eq!(docs("accountability"), set(&all));
    assert_eq!(
        docs("by:\"christian solidarity\" accountability"),
        set(&[csw_2017, csw_2024])
    );
    // The undated 2014 release answers year: by its inferred date.
    assert_eq!(docs("year:..2014 accountability"), set(&the_2014_releases));
    assert_eq!(
        docs("by:\"christian solidarity\" year:..2016 accountability"),
        set(&[])
    );
    assert_eq!(
        docs("by:\"christian solidarity\" year:2015.. accountability"),
        set(&[csw_2017, csw_2024])
    );
}

/// Nothing found says which terms matched nothing and lists the best
/// partial matches, on stderr, with status 1 as grep; JSON stays an array.
#[test]
fn search_that_finds_nothing_names_the_term_and_exits_1() {
    let out = nkread()
        .args(["search", "forced labor overseas"])
        .assert()
        .code(1)
        .stdout("")
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    let mut lines = err.lines();
    assert_eq!(
        lines.next(),
        Some(
            "nkread: nothing found for “forced labor overseas”: nothing matches “overseas”; \
             partial matches without it:"
        ),
        "{err}"
    );
    let partial: Vec<&str> = lines.collect();
    assert!(!partial.is_empty(), "{err}");
    assert!(partial.iter().all(|l| l.starts_with("partial  ")), "{err}");
    assert!(
        partial
            .iter()
            .all(|l| l.to_lowercase().contains("forced labo")),
        "{err}"
    );
    // Terms that each match, but never together.
    let err = String::from_utf8(
        nkread()
            .args(["search", "Kim Jong Un accountable"])
            .assert()
            .code(1)
            .get_output()
            .stderr
            .clone(),
    )
    .unwrap();
    assert!(
        err.contains("“accountable” is never with the other terms; partial matches without it:"),
        "{err}"
    );
    // JSON: an empty array on stdout, the same message on stderr.
    nkread()
        .args(["search", "--json", "forced labor overseas"])
        .assert()
        .code(1)
        .stdout("[]\n")
        .stderr(predicates::str::contains("nothing matches “overseas”"));
    // Filters that let nothing through are named in words.
    nkread()
        .args(["search", "by:zzzzqqq council"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "no document or person passes the filters: documents issued, signed or joined by “zzzzqqq”",
        ));
    // Exclusions that leave nothing: status 1, with nothing to blame.
    nkread()
        .args(["search", "!e !a !o !i !u !n !r"])
        .assert()
        .code(1)
        .stdout("")
        .stderr("nkread: nothing found for “!e !a !o !i !u !n !r”\n");
    // A hit is status 0, as before.
    nkread().args(["search", "forced labor"]).assert().success();
}

#[test]
fn search_stdin_answers_each_line_with_a_json_line_and_goes_on_after_a_bad_one() {
    let out = nkread()
        .args(["search", "--stdin", "--limit", "3"])
        .write_stdin("secrty councl\nfoo:bar\n\ncrimes humanity\r\n북한")
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 5, "{stdout}");
    assert_eq!(lines[0].as_array().unwrap().len(), 3);
    assert!(
        lines[1]["error"]
            .as_str()
            .unwrap()
            .contains("unknown filter")
    );
    assert_eq!(lines[2], Value::Array(vec![]));
    assert!(!lines[3].as_array().unwrap().is_empty());
    assert_eq!(lines[4], Value::Array(vec![]));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("line 2: unknown filter"), "{stderr}");
    assert!(stderr.contains("1 of 5 queries had errors"), "{stderr}");
}

#[test]
fn search_stdin_answers_a_line_that_is_not_utf8_with_an_error() {
    let out = nkread()
        .args(["search", "--stdin", "--limit", "1"])
        .write_stdin(&b"council\n\xff\xfecouncil\ncouncil\n"[..])
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert_eq!(lines[0], lines[2]);
    let error = lines[1]["error"].as_str().expect("an error, not hits");
    assert!(error.contains("not valid UTF-8 (at byte 1)"), "{error}");
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("line 2: the line is not valid UTF-8"),
        "{stderr}"
    );
}

#[test]
fn hostile_queries_are_answered_and_never_echoed_raw() {
    for query in [
        "",
        "   ",
        "\u{1b}]0;pwned\u{7}\u{1b}[2J",
        "북한 인권",
        "\u{202e}حقوق",
    ] {
        // Answered: found (0) or not (1), never an error.
        let out = nkread().args(["search", query]).output().unwrap();
        assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
        no_control_characters(&String::from_utf8(out.stdout).unwrap());
        no_control_characters(&String::from_utf8(out.stderr).unwrap());
    }
    for query in ["foo:\u{1b}[31mbar", "kind:\"\u{1b}[2Jmemo\u{7}\""] {
        let err = stderr_of_failure(nkread().args(["search", query]));
        assert!(err.contains("unknown"), "{err}");
        no_control_characters(&err);
    }
    let long = "crimes against humanity ".repeat(420);
    let out = nkread()
        .args(["search", &long])
        .assert()
        .success()
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("the query was cut"), "{stderr}");
    assert!(!out.stdout.is_empty());
}

#[test]
fn search_needs_a_query_or_stdin_but_not_both() {
    nkread().arg("search").assert().code(2);
    nkread().args(["search", "x", "--stdin"]).assert().code(2);
    let help = stdout_of(nkread().args(["search", "--help"]));
    assert!(
        help.contains("Query syntax") && help.contains("by:hrw"),
        "{help}"
    );
}

#[test]
fn by_finds_an_acronym_a_users_entities_file_gives_a_bundled_entity() {
    let search =
        stdout_of(nkread_with(fixture("user_entities")).args(["search", "by:\"HRNK Canada\""]));
    let docs: Vec<&str> = search
        .lines()
        .map(|l| l.split_whitespace().next().unwrap_or_default())
        .collect();
    // The 2017 member list, and the user's letter under the user's alias;
    // not the 2015 letter, which the Committee (HRNK, USA) signed.
    assert!(
        docs.contains(&"icnk-crimes-against-humanity-demand-justice-2017"),
        "{search}"
    );
    assert!(docs.contains(&"test-user-entities-letter"), "{search}");
    assert!(
        !docs.contains(&"joint-letter-security-council-2015"),
        "{search}"
    );
}

#[test]
fn a_users_entities_file_links_aliases_and_its_distinct_from_silences_check() {
    let people = stdout_of(
        nkread_with(fixture("user_entities"))
            .args(["people", "council-for-human-rights-in-north-korea"]),
    );
    assert!(people.contains("test-user-entities-letter"), "{people}");
    let out = nkread_with(fixture("user_entities"))
        .arg("check")
        .assert()
        .success()
        .get_output()
        .clone();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.ends_with("no warnings\n"), "{err}");
}

#[test]
fn a_bad_users_entities_file_exits_2_naming_file_line_and_field() {
    let err = stderr_of_failure(nkread_with(fixture("broken/user_entities")).arg("list"));
    for expected in [
        "broken/user_entities/entities.toml:3:8: field `entity[0].name`: entity \"hanvoice\" is \"HanVoice\"",
        "broken/user_entities/entities.toml:7:8: field `entity[1].name`: entity \"my-hrw\": the name \"Human Rights Watch\" is already entity \"human-rights-watch\"",
    ] {
        assert!(err.contains(expected), "expected {expected:?} in:\n{err}");
    }
}

#[test]
fn a_state_is_a_kind_of_its_own_in_people_and_check() {
    let json = json_of(nkread_with(fixture("states")).args(["people", "--json"]));
    let kind_of = |id: &str| {
        json.as_array()
            .unwrap()
            .iter()
            .find(|r| r["entity"] == id)
            .unwrap()["kind"]
            .clone()
    };
    assert_eq!(kind_of("government-of-exampleland"), "state");
    assert_eq!(kind_of("example-watch"), "organization");
    let listed = stdout_of(nkread_with(fixture("states")).arg("people"));
    let row = listed
        .lines()
        .find(|l| l.starts_with("government-of-exampleland"))
        .unwrap();
    assert!(row.contains(" state "), "{row}");
    nkread_with(fixture("states"))
        .arg("check")
        .assert()
        .success();
}

/// `role:quoted by:hrw` reads as "quoted by HRW"; the help and the man
/// page say what it means, and that finding nothing is status 1.
#[test]
fn search_help_and_man_page_explain_combined_filters_and_status_1() {
    let help = stdout_of(nkread().args(["search", "--help"]));
    let said = "`role:quoted by:hrw` is the people quoted in documents Human Rights Watch\nissued, signed or joined";
    assert!(help.contains(said), "{help}");
    assert!(help.contains("1  nothing was found"), "{help}");
    let dir = tempfile::tempdir().unwrap();
    nkread()
        .args(["man", "--dir"])
        .arg(dir.path())
        .assert()
        .success();
    let page = std::fs::read_to_string(dir.path().join("nkread-search.1")).unwrap();
    assert!(
        page.contains("`role:quoted by:hrw` is the people quoted in documents Human Rights Watch issued, signed or joined"),
        "{page}"
    );
    assert!(page.contains(".SH \"EXIT STATUS\""), "{page}");
    let top = stdout_of(nkread().arg("--help"));
    assert!(
        top.contains("1  a search that found nothing (as grep)"),
        "{top}"
    );
}
