//! `nkread export --sqlite FILE` end to end: the file opens in SQLite, holds
//! the whole corpus, and answers a full-text query.

mod common;

use common::home::nkread;
use predicates::prelude::*;

#[test]
fn the_database_holds_the_corpus_and_answers_a_full_text_query() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("corpus.db");
    nkread()
        .args(["export", "--sqlite"])
        .arg(&file)
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("wrote 5 documents"));
    let db = rusqlite::Connection::open(&file).unwrap();
    let count = |table: &str| -> i64 {
        db.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    };
    let corpus = nkread::corpus::Corpus::load(&[]).unwrap();
    let people: usize = corpus.documents.iter().map(|d| d.people.len()).sum();
    let paragraphs: usize = corpus.documents.iter().map(|d| d.paragraphs.len()).sum();
    assert_eq!(count("documents"), 5);
    assert_eq!(count("paragraphs") as usize, paragraphs);
    assert_eq!(count("people") as usize, people);
    assert_eq!(count("entities") as usize, corpus.entities.all().len());
    let mut hits = db
        .prepare(
            "SELECT p.doc_id, p.n FROM paragraphs_fts f JOIN paragraphs p ON p.rowid = f.rowid \
             WHERE paragraphs_fts MATCH ?1 ORDER BY p.doc_id, p.n",
        )
        .unwrap();
    let found: Vec<(String, i64)> = hits
        .query_map(["\"security council\" AND formal"], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let letter = "joint-letter-security-council-2015".to_string();
    assert_eq!(found, [(letter.clone(), 1), (letter, 6)]);
    // Diacritics do not matter: "Tomas" finds "Tomás".
    let ojea: i64 = db
        .query_row(
            "SELECT count(*) FROM paragraphs_fts WHERE paragraphs_fts MATCH 'tomas'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(ojea > 0);
    // The people entries join to their entities and documents.
    let signed: i64 = db
        .query_row(
            "SELECT count(*) FROM people JOIN entities e ON e.id = people.entity_id \
             WHERE e.id = 'human-rights-watch' AND people.role = 'signatory'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(signed >= 2, "{signed}");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file left"
    );
}

#[test]
fn a_directory_is_refused_and_an_unwritable_place_fails_with_1() {
    let dir = tempfile::tempdir().unwrap();
    nkread()
        .args(["export", "--sqlite"])
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a directory"));
    nkread()
        .args(["export", "--sqlite"])
        .arg(dir.path().join("no/such/dir/corpus.db"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("cannot write"));
}

/// The curator's citation fields are kept too: a document's `cite_as` as
/// a JSON array, a person's `family`.
#[test]
fn the_database_keeps_cite_as_and_family() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("corpus.db");
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cite_as");
    nkread()
        .arg("--corpus")
        .arg(&fixture)
        .args(["export", "--sqlite"])
        .arg(&file)
        .assert()
        .success();
    let db = rusqlite::Connection::open(&file).unwrap();
    let cite_as: String = db
        .query_row(
            "SELECT cite_as FROM documents WHERE id = 'test-cite-as-letter'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(cite_as, r#"["Example Watch","Kim Jeong-sam"]"#);
    let family: Option<String> = db
        .query_row(
            "SELECT family FROM people WHERE name = 'Maria Garcia Lopez'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(family.as_deref(), Some("Garcia Lopez"));
}
