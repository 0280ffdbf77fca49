//! Citations: who is cited for every bundled document, the line the reader
//! copies, and the structured formats read back by real consumers (hayagriva
//! and citationberg for CSL-JSON, the biblatex crate for BibTeX, a strict
//! tag-line check for RIS, which has no well-kept Rust parser), through
//! `nkread cite` and `nkread bookmarks export`.

mod common;

use biblatex::{Bibliography, ChunksExt};
use common::home::nkread_in;
use hayagriva::citationberg::json::Value as Json;
use nkread::cite::formats::{self, Passage, Reference};
use nkread::cite::{self, Cited, short_authors, style};
use nkread::corpus::Corpus;
use serde_json::Value;
use std::fs;
use std::path::Path;

fn corpus() -> Corpus {
    Corpus::load(&[]).expect("the bundled corpus loads")
}

fn run_ok(home: &Path, args: &[&str]) -> String {
    let out = nkread_in(home).args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {out:?}");
    String::from_utf8(out.stdout).unwrap()
}

const JOINT_LETTER_AUTHORS: &str = "Amnesty International, Christian Solidarity Worldwide, \
    Citizens’ Alliance for North Korean Human Rights, et al. (9 organizations)";

#[test]
fn every_bundled_document_cites_its_real_authors() {
    let corpus = corpus();
    let cited: Vec<(&str, Option<String>)> = corpus
        .documents
        .iter()
        .map(|d| (d.id.as_str(), short_authors(d)))
        .collect();
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        cited,
        [
            (
                "hrc55-open-letter-2024",
                s(
                    "Arakan Rohingya National Organisation, Asia Democracy Network, \
                   Association of North Korean Defectors, et al. (34 organizations and 9 individuals)"
                )
            ),
            (
                "icnk-crimes-against-humanity-demand-justice-2017",
                s("International Coalition to Stop Crimes Against Humanity in North Korea")
            ),
            (
                "icnk-welcomes-unga-resolution-2014",
                s("International Coalition to Stop Crimes against Humanity in North Korea")
            ),
            (
                "joint-letter-security-council-2015",
                s(JOINT_LETTER_AUTHORS)
            ),
            (
                "un-stand-with-north-koreas-victims-2014",
                s("Amnesty International, Human Rights Watch, \
                   Jacob Blaustein Institute for the Advancement of Human Rights")
            ),
        ]
    );
}

#[test]
fn the_copied_line_names_the_signatories_not_who_posted_the_page() {
    let corpus = corpus();
    let letter = corpus.get("joint-letter-security-council-2015").unwrap();
    let quote = cite::quote(letter, 5).unwrap();
    assert!(
        quote.ends_with(&format!(
            "— {JOINT_LETTER_AUTHORS}, “Joint Letter to UN Security Council re North Korean human rights”, c. 2015, ¶6\n"
        )),
        "{quote}"
    );
    assert!(!quote.contains("Grant Montgomery"));
    let icnk = corpus.get("icnk-welcomes-unga-resolution-2014").unwrap();
    assert!(
        cite::citation(icnk, 0).ends_with(", c. December 2014, ¶1"),
        "{}",
        cite::citation(icnk, 0)
    );
    let dated = corpus
        .get("icnk-crimes-against-humanity-demand-justice-2017")
        .unwrap();
    assert!(cite::source(dated).ends_with(", 7 March 2017"));
}

/// The CSL-JSON of every document and a passage, read back by citationberg
/// and formatted by hayagriva.
#[test]
fn csl_json_reads_back_as_csl_items_with_every_author_and_the_inferred_date_marked() {
    let corpus = corpus();
    for doc in &corpus.documents {
        let items: Vec<hayagriva::citationberg::json::Item> =
            serde_json::from_str(&formats::csl_json(&[Reference::new(doc, Some(1))]))
                .expect("valid CSL-JSON");
        let item = &items[0];
        assert_eq!(item.id().as_deref(), Some(doc.id.as_str()));
        let value: Value = serde_json::to_value(&item.0).unwrap();
        let authors = value["author"].as_array().unwrap();
        assert_eq!(authors.len(), cite::authors(doc).len(), "{}", doc.id);
        assert!(value.get("locator").is_none(), "{value}");
        assert!(value["note"].as_str().unwrap().ends_with("¶2"), "{value}");
        let Some(Json::Date(issued)) = item.0.get("issued") else {
            panic!("{}: no date", doc.id)
        };
        assert_eq!(
            issued.is_approx(),
            doc.inferred_date.is_some(),
            "{}",
            doc.id
        );
        // Given and inferred apart: only an inferred date explains itself.
        let note = value["note"].as_str().unwrap_or("");
        assert_eq!(note.contains("Date inferred"), doc.inferred_date.is_some());
    }
    let letter = corpus.get("joint-letter-security-council-2015").unwrap();
    let value: Value =
        serde_json::from_str(&formats::csl_json(&[Reference::new(letter, None)])).unwrap();
    assert_eq!(
        value[0]["author"][8]["literal"],
        "Jacob Blaustein Institute for the Advancement of Human Rights"
    );
    assert!(
        value[0]["note"]
            .as_str()
            .unwrap()
            .contains("Posted by Grant Montgomery.")
    );
}

#[test]
fn styles_come_from_hayagriva_with_the_paragraph_as_locator() {
    let corpus = corpus();
    let icnk = corpus.get("icnk-welcomes-unga-resolution-2014").unwrap();
    let cited = Cited {
        doc: icnk,
        paragraph: Some(2),
    };
    let apa = style::format(cited, "apa").unwrap();
    assert!(apa.citation.contains("International Coalition"), "{apa:?}");
    assert!(apa.citation.contains("2014"), "{apa:?}");
    assert!(apa.citation.contains("3"), "the paragraph: {apa:?}");
    assert!(
        apa.reference
            .contains("[ICNK welcomes the UN General Assembly"),
        "{apa:?}"
    );
    let chicago = style::format(cited, "chicago").unwrap();
    assert!(chicago.reference.contains("2014"), "{chicago:?}");
    for formatted in [&apa, &chicago] {
        let all = format!("{}{}", formatted.citation, formatted.reference);
        assert!(!all.contains('\u{1b}'), "no terminal escapes: {all:?}");
    }
    let err = style::format(cited, "no-such-style").unwrap_err();
    assert!(err.contains("no citation style \"no-such-style\""), "{err}");
}

#[test]
fn bibtex_parses_with_every_author_whole_and_the_paragraph_in_annote() {
    let corpus = corpus();
    let all: Vec<Reference> = corpus
        .documents
        .iter()
        .map(|doc| Reference::new(doc, Some(0)))
        .collect();
    let text = formats::bibtex(&all);
    let bib = Bibliography::parse(&text).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
    assert_eq!(bib.len(), all.len());
    for cited in &all {
        let entry = bib
            .get(&cited.doc.id)
            .unwrap_or_else(|| panic!("{}", cited.doc.id));
        // Each author is the family and given names the rules split, in
        // whichever order the name writes them, or the name whole.
        let names: Vec<(String, String)> = entry
            .author()
            .unwrap_or_default()
            .iter()
            .map(|p| (p.name.clone(), p.given_name.clone()))
            .collect();
        let expected: Vec<(String, String)> = cite::authors(cited.doc)
            .iter()
            .map(|p| match cite::names::name(p) {
                cite::names::Name::Literal(whole) => (whole.to_string(), String::new()),
                cite::names::Name::Split { family, given } => {
                    (family.to_string(), given.unwrap_or("").to_string())
                }
            })
            .collect();
        assert_eq!(names, expected, "{}", cited.doc.id);
        assert!(entry.get("pages").is_none(), "{}", cited.doc.id);
        assert_eq!(entry.get("annote").unwrap().format_verbatim(), "¶1");
        let date = entry.date().unwrap();
        let format = format!("{date:?}");
        assert_eq!(
            format.contains("approximate: true"),
            cited.doc.inferred_date.is_some(),
            "{}: {format}",
            cited.doc.id
        );
    }
}

/// RIS has no well-kept Rust parser: every line must be a tag line
/// (`XY  - value`, the tag two capitals or a capital and a digit), each
/// record open with `TY` and close with `ER`, and blank lines only
/// between records.
fn ris_records(text: &str) -> Vec<Vec<(String, String)>> {
    let mut records = Vec::new();
    let mut record: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if line.is_empty() {
            assert!(record.is_empty(), "a blank line inside a record");
            continue;
        }
        let bytes = line.as_bytes();
        assert!(
            line.len() >= 6
                && bytes[0].is_ascii_uppercase()
                && (bytes[1].is_ascii_uppercase() || bytes[1].is_ascii_digit())
                && &line[2..6] == "  - ",
            "not a RIS tag line: {line:?}"
        );
        let (tag, value) = (line[..2].to_string(), line[6..].to_string());
        assert_eq!(
            record.is_empty(),
            tag == "TY",
            "TY opens a record: {line:?}"
        );
        let end = tag == "ER";
        record.push((tag, value));
        if end {
            records.push(std::mem::take(&mut record));
        }
    }
    assert!(record.is_empty(), "a record without ER");
    records
}

#[test]
fn ris_is_tag_lines_with_every_author_and_the_paragraph() {
    let corpus = corpus();
    let letter = corpus.get("hrc55-open-letter-2024").unwrap();
    let records = ris_records(&formats::ris(&[
        Reference {
            doc: letter,
            passages: vec![
                Passage {
                    paragraph: Some(2),
                    note: "first\nsecond".into(),
                },
                Passage {
                    paragraph: None,
                    note: String::new(),
                },
            ],
        },
        Reference::new(letter, None),
    ]));
    assert_eq!(records.len(), 2);
    let get = |r: &[(String, String)], tag: &str| -> Vec<String> {
        r.iter()
            .filter(|(t, _)| t == tag)
            .map(|(_, v)| v.clone())
            .collect()
    };
    assert_eq!(get(&records[0], "AU").len(), 43);
    assert!(get(&records[0], "SP").is_empty());
    assert_eq!(
        get(&records[0], "N1")[1..],
        ["¶3: first / second", "A passage no longer in the document"]
    );
    assert_eq!(get(&records[0], "DA"), ["2024///circa"]);
    assert_eq!(get(&records[0], "PY"), ["2024"]);
    assert_eq!(get(&records[1], "N1").len(), 1, "the date's reason alone");
}

#[test]
fn cite_prints_a_style_and_each_format() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let text = run_ok(
        home,
        &["cite", "joint-letter-security-council-2015", "--para", "6"],
    );
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(text.contains("Amnesty International"), "{text}");
    assert!(!text.contains("Montgomery"), "{text}");
    let apa = run_ok(
        home,
        &[
            "cite",
            "icnk-welcomes-unga-resolution-2014",
            "--style",
            "apa",
        ],
    );
    assert!(apa.contains("2014"), "{apa}");
    let csl = run_ok(
        home,
        &[
            "cite",
            "hrc55-open-letter-2024",
            "--para",
            "3",
            "--format",
            "csl-json",
        ],
    );
    let items: Vec<hayagriva::citationberg::json::Item> = serde_json::from_str(&csl).unwrap();
    assert_eq!(items[0].id().as_deref(), Some("hrc55-open-letter-2024"));
    // The reference is the document's; how to cite the paragraph is said.
    let out = nkread_in(home)
        .args(["cite", "hrc55", "--para", "3", "--format", "bibtex"])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("cite the paragraph as [@hrc55-open-letter-2024, para. 3]"),
        "{err}"
    );
    let bib = run_ok(
        home,
        &["cite", "hrc55-open-letter-2024", "--format", "bibtex"],
    );
    let parsed = Bibliography::parse(&bib).unwrap();
    assert!(parsed.get("hrc55-open-letter-2024").is_some());
    let ris = run_ok(home, &["cite", "hrc55-open-letter-2024", "--format", "ris"]);
    assert_eq!(ris_records(&ris).len(), 1);
}

#[test]
fn cite_errors_name_the_problem_and_exit_2() {
    let home = tempfile::tempdir().unwrap();
    for (args, says) in [
        (
            vec!["cite", "joint-letter-2015"],
            "no document with id \"joint-letter-2015\"",
        ),
        (
            vec!["cite", "joint-letter-security-council-2015", "--para", "7"],
            "has paragraphs 1 to 6; there is no paragraph 7",
        ),
        (
            vec!["cite", "joint-letter-security-council-2015", "--para", "0"],
            "there is no paragraph 0",
        ),
        (
            vec![
                "cite",
                "joint-letter-security-council-2015",
                "--style",
                "nope",
            ],
            "no citation style \"nope\"",
        ),
        (
            vec![
                "cite",
                "joint-letter-security-council-2015",
                "--format",
                "docx",
            ],
            "invalid value 'docx'",
        ),
    ] {
        let out = nkread_in(home.path()).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains(says), "{args:?}: {err}");
    }
}

/// Three passages, two of one document, and one whose document is gone.
fn three_bookmarks(home: &Path) {
    let corpus = corpus();
    let entry = |id: &str, doc: &str, n: usize| {
        let text = corpus.get(doc).map_or("", |d| d.paragraphs[n - 1].as_str());
        serde_json::json!({
            "id": id,
            "doc": doc,
            "paragraph": n,
            "quote": if text.is_empty() { "Gone.".to_string() } else { nkread::bookmarks::quote(text) },
            "fingerprint": nkread::bookmarks::fingerprint(text),
            "note": "line one\nline two",
            "created": "2026-11-20T09:00:00Z",
        })
    };
    let json = serde_json::json!({
        "version": 1,
        "bookmarks": [
            entry("11111111", "hrc55-open-letter-2024", 3),
            entry("22222222", "icnk-welcomes-unga-resolution-2014", 2),
            entry("44444444", "hrc55-open-letter-2024", 1),
            entry("33333333", "withdrawn-2019", 4),
        ]
    });
    let file = home.join("data/nkread/bookmarks.json");
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    fs::write(file, serde_json::to_string_pretty(&json).unwrap()).unwrap();
}

#[test]
fn bookmarks_export_one_reference_per_document_with_its_passages_and_notes() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    three_bookmarks(home);
    // Two passages of the 2024 letter are one reference, not "2024a" and "2024b".
    let keys = [
        "hrc55-open-letter-2024",
        "icnk-welcomes-unga-resolution-2014",
    ];
    let out = nkread_in(home)
        .args(["bookmarks", "export", "--format", "csl-json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("1 bookmark whose document is gone"), "{err}");
    let items: Vec<hayagriva::citationberg::json::Item> =
        serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<String> = items.iter().map(|i| i.id().unwrap().into_owned()).collect();
    assert_eq!(ids, keys);
    let value: Value = serde_json::from_slice(&out.stdout).unwrap();
    // A locator is a citation's, never an item's: CSL-JSON has no such field.
    assert!(value[0].get("locator").is_none(), "{value}");
    let note = value[0]["note"].as_str().unwrap();
    assert!(
        note.contains("¶1: line one\nline two\n¶3: line one\nline two"),
        "the notes, with their lines: {note:?}"
    );
    // A CSL processor formats each of them.
    let corpus = corpus();
    let icnk = corpus.get("icnk-welcomes-unga-resolution-2014").unwrap();
    let formatted = style::format(
        Cited {
            doc: icnk,
            paragraph: Some(1),
        },
        "chicago-author-date",
    )
    .unwrap();
    assert!(formatted.reference.contains("2014"), "{formatted:?}");

    let bib = run_ok(home, &["bookmarks", "export", "--format", "bibtex"]);
    let parsed = Bibliography::parse(&bib).unwrap_or_else(|e| panic!("{e:?}\n{bib}"));
    let bib_keys: Vec<String> = parsed.iter().map(|e| e.key.clone()).collect();
    assert_eq!(bib_keys, keys);
    let entry = parsed.get(keys[0]).unwrap();
    assert!(entry.get("pages").is_none(), "{bib}");
    let annote = entry.get("annote").unwrap().format_verbatim();
    assert!(annote.contains("¶1: line one"), "{annote:?}");
    assert!(annote.contains("¶3: line one"), "{annote:?}");

    let ris = run_ok(home, &["bookmarks", "export", "--format", "ris"]);
    let records = ris_records(&ris);
    let ris_keys: Vec<String> = records
        .iter()
        .map(|r| r.iter().find(|(t, _)| t == "ID").unwrap().1.clone())
        .collect();
    assert_eq!(ris_keys, keys);
    let notes: Vec<&str> = records[0]
        .iter()
        .filter(|(t, _)| t == "N1")
        .map(|(_, v)| v.as_str())
        .collect();
    assert!(notes.contains(&"¶1: line one / line two"), "{notes:?}");
    assert!(notes.contains(&"¶3: line one / line two"), "{notes:?}");

    // Markdown and JSON are as they were, and an unknown format is refused.
    assert!(
        run_ok(home, &["bookmarks", "export", "--format", "markdown"]).starts_with("# Bookmarks")
    );
    let out = nkread_in(home)
        .args(["bookmarks", "export", "--format", "endnote"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("invalid value 'endnote'")
    );
}

#[test]
fn an_empty_export_is_an_empty_list_in_each_format() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    assert_eq!(
        run_ok(home, &["bookmarks", "export", "--format", "csl-json"]),
        "[]\n"
    );
    assert_eq!(
        run_ok(home, &["bookmarks", "export", "--format", "bibtex"]),
        ""
    );
    assert_eq!(
        run_ok(home, &["bookmarks", "export", "--format", "ris"]),
        ""
    );
}

#[test]
fn states_are_cited_as_bodies_before_individuals_and_counted_as_states() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/states");
    let corpus = Corpus::load(&[path]).expect("the fixture loads");
    let doc = corpus.get("test-states-letter").unwrap();
    let names: Vec<&str> = cite::authors(doc).iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Government of Exampleland",
            "Example Watch",
            "Permanent Mission of Otherland to the United Nations",
            "Jane Example"
        ]
    );
    assert_eq!(
        short_authors(doc).as_deref(),
        Some(
            "Government of Exampleland, Example Watch, Permanent Mission of Otherland to the United Nations, et al. (1 organization, 2 states and 1 individual)"
        )
    );
}

/// A document whose fields a hostile page could hold: braces that would
/// close a BibTeX field and open another, a trailing backslash, TeX's
/// specials, in the address as in the text.
fn hostile_corpus(dir: &Path) -> Vec<(&'static str, &'static str, &'static str)> {
    let docs = [
        (
            "hostile-close",
            "https://example.org/a},title={PWNED},note={",
            "A}, title = {PWNED",
        ),
        (
            "hostile-open",
            "https://example.org/a{b",
            "50% of $x_1 & #2 ~ ^ {",
        ),
        (
            "hostile-brace",
            "https://example.org/a}b?q={x}",
            "Ends with \\",
        ),
        (
            "hostile-backslash",
            "https://example.org/x?q=\\",
            "\\}\\{ @misc{x,",
        ),
    ];
    for (id, url, title) in docs {
        let text = format!(
            "id = {id:?}\ntitle = {title:?}\nkind = \"statement\"\ndate = \"2020\"\n\
             url = {url:?}\npublisher = {title:?}\nposted_by = {title:?}\n\
             paragraphs = [\"Text.\"]\n\n[[people]]\nname = \"Example Watch\"\n\
             kind = \"organization\"\nrole = \"issuer\"\n"
        );
        fs::write(dir.join(format!("{id}.toml")), text).unwrap();
    }
    docs.to_vec()
}

/// `%7B`, `%7D` and `%5C` read back as the characters they encode.
fn percent_decoded(url: &str) -> String {
    url.replace("%7B", "{")
        .replace("%7D", "}")
        .replace("%5C", "\\")
}

/// Hostile values in every field read back whole through biblatex, and
/// through pandoc where it is installed: no field closes early.
#[test]
fn bibtex_escapes_every_field_url_included_and_reads_back_through_biblatex_and_pandoc() {
    let home = tempfile::tempdir().unwrap();
    let corpus_dir = home.path().join("corpus");
    fs::create_dir_all(&corpus_dir).unwrap();
    let docs = hostile_corpus(&corpus_dir);
    let pandoc = has_pandoc();
    for (id, url, title) in docs {
        let bib = run_ok(
            home.path(),
            &[
                "--corpus",
                corpus_dir.to_str().unwrap(),
                "cite",
                id,
                "--format",
                "bibtex",
            ],
        );
        let parsed = Bibliography::parse(&bib).unwrap_or_else(|e| panic!("{e:?}\n{bib}"));
        assert_eq!(parsed.len(), 1, "{bib}");
        let entry = parsed.get(id).unwrap_or_else(|| panic!("{bib}"));
        assert_eq!(
            percent_decoded(&entry.url().unwrap()),
            url,
            "the address: {bib}"
        );
        if pandoc {
            let items: Value =
                serde_json::from_str(&pandoc_run(&["-f", "bibtex", "-t", "csljson"], &bib))
                    .unwrap();
            assert_eq!(items.as_array().unwrap().len(), 1, "{items}");
            assert_eq!(items[0]["title"], title, "{bib}");
            assert_eq!(items[0]["publisher"], title, "{bib}");
            assert_eq!(
                percent_decoded(items[0]["URL"].as_str().unwrap()),
                url,
                "{bib}"
            );
        }
    }
}

/// Whether pandoc is installed; a test's pandoc half is skipped, saying
/// so, when it is not.
fn has_pandoc() -> bool {
    let found = std::process::Command::new("pandoc")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        eprintln!("pandoc is not installed: the part of this test that runs it is skipped");
    }
    found
}

/// pandoc's output for `input` on stdin; a failure fails the test.
fn pandoc_run(args: &[&str], input: &str) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new("pandoc")
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "pandoc {args:?}: {out:?}\n{input}");
    String::from_utf8(out.stdout).unwrap()
}

/// Markup a page or a note could hold: raw HTML, `javascript:` links in
/// each of Markdown's forms, a heading, a code fence, a citation.
const HOSTILE_MARKDOWN: &str = "<script>alert(1)</script> <img src=x onerror=alert(2)>\n\
    [click](javascript:alert(3)) <javascript:alert(4)> ![i](javascript:alert(5))\n\
    # Heading\n```\n@hrc55-open-letter-2024 [@x] $x$ ~y~ ^z^ *b* _i_ | t |\n\
    1. item\n- item -- dash\n> quote\n    code";

/// Raw HTML and links never pass from a passage or a note into the
/// Markdown export: pandoc's HTML of it holds the text, and no element
/// or link the text spelt.
#[test]
fn the_markdown_export_escapes_html_and_neutralizes_links_in_passages_and_notes() {
    let home = tempfile::tempdir().unwrap();
    let corpus_dir = home.path().join("corpus");
    fs::create_dir_all(&corpus_dir).unwrap();
    let doc = format!(
        "id = \"hostile-text\"\ntitle = \"Hostile <b>text</b>\"\nkind = \"statement\"\n\
         date = \"2020\"\nparagraphs = [{HOSTILE_MARKDOWN:?}]\n"
    );
    fs::write(corpus_dir.join("hostile.toml"), doc).unwrap();
    let corpus = corpus_dir.to_str().unwrap();
    run_ok(
        home.path(),
        &[
            "--corpus",
            corpus,
            "bookmarks",
            "add",
            "hostile-text",
            "1",
            "--note",
            HOSTILE_MARKDOWN,
        ],
    );
    let md = run_ok(home.path(), &["--corpus", corpus, "bookmarks", "export"]);
    // The note reads back whole from the BibTeX and RIS exports too.
    let note = format!("¶1: {}", HOSTILE_MARKDOWN.replace('\n', " "));
    let bib = run_ok(
        home.path(),
        &[
            "--corpus",
            corpus,
            "bookmarks",
            "export",
            "--format",
            "bibtex",
        ],
    );
    let parsed = Bibliography::parse(&bib).unwrap_or_else(|e| panic!("{e:?}\n{bib}"));
    assert_eq!(parsed.len(), 1, "{bib}");
    let ris = run_ok(
        home.path(),
        &["--corpus", corpus, "bookmarks", "export", "--format", "ris"],
    );
    let records = ris_records(&ris);
    assert!(
        records[0].contains(&("N1".to_string(), note.clone())),
        "{ris}"
    );
    if has_pandoc() {
        let items: Value =
            serde_json::from_str(&pandoc_run(&["-f", "bibtex", "-t", "csljson"], &bib)).unwrap();
        let annote = items[0]["annote"].as_str().unwrap().replace('\n', " ");
        assert_eq!(
            annote.split_whitespace().collect::<Vec<_>>(),
            note.split_whitespace().collect::<Vec<_>>(),
            "{bib}"
        );
    }
    // Every character Markdown could read as markup is escaped, but in
    // the citation nkread writes.
    let citation = "— [@hostile-text, para. 1]";
    assert!(md.contains(citation), "{md}");
    let md_text = md.replace(citation, "");
    for (i, c) in md_text.char_indices() {
        let md = &md_text;
        let quote_marker = c == '>' && (i == 0 || md[..i].ends_with('\n'));
        if "<>[]`*_$@~^|".contains(c) && !quote_marker {
            assert!(
                md[..i].ends_with('\\'),
                "unescaped {c:?} at {i}: {:?}",
                &md[i.saturating_sub(30)..(i + 30).min(md.len())]
            );
        }
    }
    if !has_pandoc() {
        return;
    }
    let html = pandoc_run(&["-f", "markdown", "-t", "html"], &md);
    for spelt in [
        "<script",
        "<img",
        "<b>",
        "href=\"",
        "src=\"",
        "<h1 id=\"heading",
        "<pre",
        "<code",
        "<ol",
        "<table",
        "<em",
        "<strong",
        "<sub",
        "<sup",
        "<span class=\"math",
    ] {
        assert!(!html.contains(spelt), "{spelt} in the HTML:\n{html}\n{md}");
    }
    assert_eq!(
        html.matches("<span class=\"citation").count(),
        1,
        "only the citation nkread wrote: {html}"
    );
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(html.contains("[click](javascript:alert(3))"), "{html}");
    assert!(html.contains("@hrc55-open-letter-2024"), "{html}");
}

/// Ten passages across three documents, each with a two-line note.
const TEN: [(&str, usize); 10] = [
    ("hrc55-open-letter-2024", 1),
    ("hrc55-open-letter-2024", 3),
    ("hrc55-open-letter-2024", 5),
    ("hrc55-open-letter-2024", 7),
    ("icnk-crimes-against-humanity-demand-justice-2017", 2),
    ("icnk-crimes-against-humanity-demand-justice-2017", 4),
    ("icnk-crimes-against-humanity-demand-justice-2017", 6),
    ("joint-letter-security-council-2015", 1),
    ("joint-letter-security-council-2015", 3),
    ("joint-letter-security-council-2015", 6),
];

fn ten_bookmarks(home: &Path) {
    let corpus = corpus();
    let entries: Vec<Value> = TEN
        .iter()
        .enumerate()
        .map(|(i, &(doc, n))| {
            let text = corpus.get(doc).unwrap().paragraphs[n - 1].as_str();
            serde_json::json!({
                "id": format!("{i:08}"),
                "doc": doc,
                "paragraph": n,
                "quote": nkread::bookmarks::quote(text),
                "fingerprint": nkread::bookmarks::fingerprint(text),
                "note": format!("Why ¶{n} matters:\nquote it in section {i}"),
                "created": format!("2026-11-20T09:00:{i:02}Z"),
            })
        })
        .collect();
    let file = home.join("data/nkread/bookmarks.json");
    fs::create_dir_all(file.parent().unwrap()).unwrap();
    let json = serde_json::json!({ "version": 1, "bookmarks": entries });
    fs::write(file, serde_json::to_string_pretty(&json).unwrap()).unwrap();
}

/// The citations `[@key, para. N]` a Markdown text holds, in order.
fn pandoc_citations(md: &str) -> Vec<(String, usize)> {
    md.split("[@")
        .skip(1)
        .filter_map(|rest| {
            let (key, rest) = rest.split_once(", para. ")?;
            let (n, _) = rest.split_once(']')?;
            Some((key.to_string(), n.parse().ok()?))
        })
        .collect()
}

/// What issue 26 calls done: a researcher bookmarks ten passages across
/// three documents with notes, exports the references and the passages,
/// and pandoc makes a paper of them with three references and ten
/// citations, each at its paragraph.
#[test]
fn ten_passages_of_three_documents_give_three_references_and_ten_locators() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    ten_bookmarks(home);
    let json = run_ok(home, &["bookmarks", "export", "--format", "csl-json"]);
    let md = run_ok(home, &["bookmarks", "export"]);
    // Read back as the exports are checked: citationberg's items, and the
    // Markdown's citations, each key a reference's and each paragraph a
    // bookmark's.
    let items: Vec<hayagriva::citationberg::json::Item> = serde_json::from_str(&json).unwrap();
    let mut keys: Vec<String> = items.iter().map(|i| i.id().unwrap().into_owned()).collect();
    keys.sort();
    let mut docs: Vec<&str> = TEN.iter().map(|&(d, _)| d).collect();
    docs.dedup();
    assert_eq!(keys, docs);
    let mut cited = pandoc_citations(&md);
    cited.sort();
    let mut expected: Vec<(String, usize)> = TEN.iter().map(|&(d, n)| (d.to_string(), n)).collect();
    expected.sort();
    assert_eq!(cited, expected, "{md}");
    // Each note's two lines are kept in the reference and in the text.
    let value: Value = serde_json::from_str(&json).unwrap();
    for item in value.as_array().unwrap() {
        let note = item["note"].as_str().unwrap();
        assert!(note.contains("matters:\nquote it in section"), "{note:?}");
    }
    assert_eq!(
        md.matches("matters:\\\n  quote it in section").count(),
        10,
        "{md}"
    );
    if !has_pandoc() {
        return;
    }
    // The same paper from the CSL-JSON and from the BibTeX.
    let bib = run_ok(home, &["bookmarks", "export", "--format", "bibtex"]);
    let dir = tempfile::tempdir().unwrap();
    for (name, bibliography) in [("bookmarks.json", &json), ("bookmarks.bib", &bib)] {
        let file = dir.path().join(name);
        fs::write(&file, bibliography).unwrap();
        let html = pandoc_run(
            &[
                "--citeproc",
                "--bibliography",
                file.to_str().unwrap(),
                "-f",
                "markdown",
                "-t",
                "html",
                "--wrap=none",
            ],
            &md,
        );
        assert_eq!(
            html.matches("class=\"csl-entry\"").count(),
            3,
            "{name}: {html}"
        );
        // Each citation, rendered, names its paragraph.
        let rendered: Vec<(String, String)> = html
            .split("<span class=\"citation\" data-cites=\"")
            .skip(1)
            .map(|rest| {
                let (key, rest) = rest.split_once('"').unwrap();
                let (text, _) = rest.split_once("</span>").unwrap();
                (key.to_string(), text.to_string())
            })
            .collect();
        assert_eq!(rendered.len(), 10, "{name}: {html}");
        for ((key, text), (cited_key, n)) in rendered.iter().zip(&pandoc_citations(&md)) {
            assert_eq!(key, cited_key);
            assert!(
                text.contains(&format!("para. {n})")),
                "{name}: {key} ¶{n}: {text}"
            );
        }
        assert!(
            !html.contains("2024a") && !html.contains("???"),
            "{name}: {html}"
        );
    }
}

fn cite_as_corpus() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cite_as")
}

/// The curator's `cite_as` names the authors, in its order, in every
/// format and in `show`; without it the rule stands.
#[test]
fn cite_as_names_the_authors_a_citation_gives() {
    let corpus = Corpus::load(&[cite_as_corpus()]).expect("the fixture loads");
    let letter = corpus.get("test-cite-as-letter").unwrap();
    let names: Vec<&str> = cite::authors(letter)
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["Example Watch", "Kim Jeong-sam"]);
    let apa = style::format(
        Cited {
            doc: letter,
            paragraph: None,
        },
        "apa",
    )
    .unwrap();
    assert!(
        apa.reference.starts_with("Example Watch, & Kim, J."),
        "{apa:?}"
    );
    let home = tempfile::tempdir().unwrap();
    let dir = cite_as_corpus();
    let dir = dir.to_str().unwrap();
    let shown = run_ok(
        home.path(),
        &["--corpus", dir, "show", "test-cite-as-letter"],
    );
    assert!(
        shown.contains("cite as:   Example Watch; Kim Jeong-sam"),
        "{shown}"
    );
    let json: Value = serde_json::from_str(&run_ok(
        home.path(),
        &["--corpus", dir, "show", "test-cite-as-letter", "--json"],
    ))
    .unwrap();
    assert_eq!(
        json["cite_as"],
        serde_json::json!(["Example Watch", "Kim Jeong-sam"])
    );
    let bundled = run_ok(home.path(), &["show", "hrc55-open-letter-2024", "--json"]);
    assert!(bundled.contains("\"cite_as\": []"), "the rule stands");
}

/// People are family and given names in every format; bodies stay whole.
#[test]
fn people_are_family_and_given_names_and_bodies_are_whole() {
    let corpus = Corpus::load(&[cite_as_corpus()]).expect("the fixture loads");
    let letter = corpus.get("test-cite-as-letter").unwrap();
    let reference = [Reference::new(letter, None)];
    let csl: Value = serde_json::from_str(&formats::csl_json(&reference)).unwrap();
    assert_eq!(
        csl[0]["author"],
        serde_json::json!([
            {"literal": "Example Watch"},
            {"family": "Kim", "given": "Jeong-sam"}
        ])
    );
    let bib = Bibliography::parse(&formats::bibtex(&reference)).unwrap();
    let authors = bib.get("test-cite-as-letter").unwrap().author().unwrap();
    let parts: Vec<(&str, &str)> = authors
        .iter()
        .map(|p| (p.name.as_str(), p.given_name.as_str()))
        .collect();
    assert_eq!(parts, [("Example Watch", ""), ("Kim", "Jeong-sam")]);
    let ris = ris_records(&formats::ris(&reference));
    let au: Vec<&str> = ris[0]
        .iter()
        .filter(|(t, _)| t == "AU")
        .map(|(_, v)| v.as_str())
        .collect();
    assert_eq!(au, ["Example Watch", "Kim, Jeong-sam"]);
    // The 2024 letter: "Ojea-Quintana, T." in APA, a peer whole.
    let bundled = self::corpus();
    let letter = bundled.get("hrc55-open-letter-2024").unwrap();
    let csl: Value =
        serde_json::from_str(&formats::csl_json(&[Reference::new(letter, None)])).unwrap();
    let authors = csl[0]["author"].as_array().unwrap();
    assert!(authors.contains(&serde_json::json!({"family": "Ojea-Quintana", "given": "Tomás"})));
    assert!(authors.contains(&serde_json::json!({"literal": "Lord Alton of Liverpool"})));
    assert!(authors.contains(&serde_json::json!({"family": "Kim", "given": "Kyu Li"})));
    let unsplit = corpus.get("test-unsplit-names").unwrap();
    let csl: Value =
        serde_json::from_str(&formats::csl_json(&[Reference::new(unsplit, None)])).unwrap();
    assert_eq!(
        csl[0]["author"],
        serde_json::json!([
            {"literal": "Tomas Ojea Quintana"},
            {"family": "Garcia Lopez", "given": "Maria"}
        ])
    );
}

/// `check` flags an author's name the rules cannot split, and no other.
#[test]
fn check_flags_an_authors_name_the_rules_cannot_split() {
    let home = tempfile::tempdir().unwrap();
    let dir = cite_as_corpus();
    let out = run_ok(home.path(), &["--corpus", dir.to_str().unwrap(), "check"]);
    let flagged: Vec<&str> = out.lines().filter(|l| l.contains("literal name")).collect();
    assert_eq!(flagged.len(), 1, "{out}");
    assert!(
        flagged[0].starts_with(
            "warning: test-unsplit-names: \"Tomas Ojea Quintana\" (signatory): it is cited as one literal name"
        ),
        "{out}"
    );
    assert!(flagged[0].contains("give the entry `family`"), "{out}");
    assert_eq!(run_ok(home.path(), &["check"]), "", "the bundled corpus");
}

/// A `cite_as` that names no people entry, or names one twice, and a
/// `family` that is not the name's first or last words, are refused with
/// the file, line and field.
#[test]
fn a_bad_cite_as_or_family_is_an_error_naming_file_line_and_field() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("corpus");
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join("bad.toml"),
        "id = \"bad\"\ntitle = \"Bad\"\nkind = \"letter\"\nparagraphs = [\"Text.\"]\n\
         cite_as = [\"Nobody Here\", \"Jane Roe\", \"Jane Roe\"]\n\n\
         [[people]]\nname = \"Jane Roe\"\nkind = \"person\"\nrole = \"signatory\"\nfamily = \"Smith\"\n",
    )
    .unwrap();
    let out = nkread_in(home.path())
        .args(["--corpus", dir.to_str().unwrap(), "list"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    for says in [
        "bad.toml:5:",
        "field `cite_as[0]`: \"Nobody Here\" is not the name of one of the document's people entries",
        "field `cite_as[2]`: \"Jane Roe\" is named twice",
        "bad.toml:11:",
        "field `people[0].family`: \"Smith\" is not the first or the last words of the name \"Jane Roe\"",
    ] {
        assert!(err.contains(says), "{says}: {err}");
    }
}

/// Every bundled document's citation (of its first paragraph) and
/// reference in the five styles a report most often asks for, pinned.
#[test]
fn every_bundled_document_in_five_styles() {
    let corpus = corpus();
    for style_name in ["apa", "chicago-author-date", "chicago", "mla", "ieee"] {
        let mut out = String::new();
        for doc in &corpus.documents {
            let formatted = style::format(
                Cited {
                    doc,
                    paragraph: Some(0),
                },
                style_name,
            )
            .unwrap();
            out.push_str(&format!(
                "{}\n  {}\n  {}\n",
                doc.id, formatted.citation, formatted.reference
            ));
        }
        insta::assert_snapshot!(format!("style_{style_name}"), out);
    }
}

/// An inferred date reads as inferred in every style hayagriva keeps, in
/// the citation and the reference alike, wherever the style prints it.
#[test]
fn an_inferred_date_reads_as_inferred_in_every_style() {
    let corpus = corpus();
    let marks = ["ca.", "circa", "Circa", "[2014?]", "2014?"];
    // A month and a year, inferred: the form IEEE printed as a fact.
    let doc = corpus
        .get("un-stand-with-north-koreas-victims-2014")
        .unwrap();
    for name in style::style_names() {
        let formatted = style::format(
            Cited {
                doc,
                paragraph: Some(0),
            },
            name,
        )
        .unwrap();
        for text in [&formatted.citation, &formatted.reference] {
            assert!(
                !text.contains("2014") || marks.iter().any(|m| text.contains(m)),
                "{name}, {}: {text}",
                doc.id
            );
        }
    }
    // A date the source gives is never marked.
    let dated = corpus
        .get("icnk-crimes-against-humanity-demand-justice-2017")
        .unwrap();
    let ieee = style::format(
        Cited {
            doc: dated,
            paragraph: None,
        },
        "ieee",
    )
    .unwrap();
    assert!(ieee.reference.ends_with(", Mar. 2017."), "{ieee:?}");
}

#[test]
fn cite_lists_its_styles_and_an_unknown_one_suggests_the_nearest() {
    let home = tempfile::tempdir().unwrap();
    let list = run_ok(home.path(), &["cite", "--list-styles"]);
    let names: Vec<&str> = list
        .lines()
        .map(|l| l.split('\t').next().unwrap())
        .collect();
    assert_eq!(names, style::style_names());
    assert!(list.contains("apa\tAPA Style 7th edition\n"), "{list}");
    let help = run_ok(home.path(), &["cite", "--help"]);
    for name in [
        "chicago",
        "apa",
        "mla",
        "ieee",
        "chicago-author-date",
        "--list-styles",
    ] {
        assert!(help.contains(name), "{name}: {help}");
    }
    let out = nkread_in(home.path())
        .args(["cite", "hrc55", "--style", "chicgo"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("no citation style \"chicgo\"; did you mean chicago,"),
        "{err}"
    );
    let out = nkread_in(home.path())
        .args(["cite", "hrc55", "--style", "ieeee"])
        .output()
        .unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("did you mean ieee"), "{err}");
}
