//! `nkread export --sqlite FILE`: the whole corpus as one SQLite database
//! (documents, paragraphs with an FTS5 index, entities and people
//! entries), for `sqlite3`, Datasette or any tool a team shares data with.

use super::{Failure, Output};
use crate::corpus::{Corpus, PartialDate};
use rusqlite::{Connection, params};
use std::path::{Path, PathBuf};

pub const EXPORT_HELP: &str = "\
The database is written to a temporary file beside FILE and renamed over it
once complete, so FILE is never left half written.

Tables: documents (id, title, date, inferred_date, kind, …), paragraphs
(doc_id, n from 1, text) with the full-text index paragraphs_fts, entities
(id, name, kind, aliases, acronyms as JSON arrays) and people (doc_id,
position from 1, entity_id, name, kind, role, title, affiliation, country,
acronym, note, family).

Examples:
  nkread export --sqlite corpus.db
  sqlite3 corpus.db \"SELECT doc_id, n FROM paragraphs_fts JOIN paragraphs
    ON paragraphs.rowid = paragraphs_fts.rowid WHERE paragraphs_fts MATCH 'security council'\"
  datasette serve --immutable corpus.db";

const SCHEMA: &str = "
CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    title_supplied INTEGER NOT NULL,
    subtitle TEXT,
    date TEXT,
    date_note TEXT,
    inferred_date TEXT,
    inferred_date_reason TEXT,
    kind TEXT NOT NULL,
    place TEXT,
    posted_by TEXT,
    url TEXT,
    publisher TEXT,
    accessed TEXT,
    curator_note TEXT,
    tags TEXT NOT NULL,
    source TEXT,
    people_heading TEXT,
    cite_as TEXT NOT NULL
);
CREATE TABLE paragraphs (
    doc_id TEXT NOT NULL REFERENCES documents(id),
    n INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (doc_id, n)
);
CREATE VIRTUAL TABLE paragraphs_fts USING fts5(
    text, content='paragraphs', content_rowid='rowid',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    aliases TEXT NOT NULL,
    acronyms TEXT NOT NULL
);
CREATE TABLE people (
    doc_id TEXT NOT NULL REFERENCES documents(id),
    position INTEGER NOT NULL,
    entity_id TEXT NOT NULL REFERENCES entities(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    role TEXT NOT NULL,
    title TEXT,
    affiliation TEXT,
    country TEXT,
    acronym TEXT,
    note TEXT,
    family TEXT,
    PRIMARY KEY (doc_id, position)
);
CREATE INDEX people_entity ON people(entity_id);
";

pub fn run(corpus: &Corpus, file: &Path) -> Result<Output, Failure> {
    if file.is_dir() {
        return Err(Failure::input(format!(
            "nkread: {} is a directory; give a file name",
            file.display()
        )));
    }
    let temporary = temporary_beside(file);
    // One a killed export left.
    let _ = std::fs::remove_file(&temporary);
    let written = write(corpus, &temporary)
        .map_err(|e| e.to_string())
        .and_then(|()| std::fs::rename(&temporary, file).map_err(|e| e.to_string()));
    if let Err(why) = written {
        let _ = std::fs::remove_file(&temporary);
        return Err(Failure {
            code: 1,
            message: format!("nkread: cannot write {}: {why}", file.display()),
        });
    }
    let paragraphs: usize = corpus.documents.iter().map(|d| d.paragraphs.len()).sum();
    Ok(Output {
        data: String::new(),
        note: Some(format!(
            "wrote {} documents, {paragraphs} paragraphs and {} entities to {}",
            corpus.documents.len(),
            corpus.entities.all().len(),
            file.display()
        )),
    })
}

/// A position counted from 1, as SQLite stores integers.
fn nth(i: usize) -> i64 {
    i64::try_from(i + 1).unwrap_or(i64::MAX)
}

/// `FILE.tmp-PID` beside `file`, where the database is built.
fn temporary_beside(file: &Path) -> PathBuf {
    let mut name = file.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".tmp-{}", std::process::id()));
    file.with_file_name(name)
}

fn date(date: Option<PartialDate>) -> Option<String> {
    date.map(|d| d.to_string())
}

fn json(list: &[String]) -> String {
    serde_json::to_string(list).unwrap_or_else(|_| "[]".to_string())
}

fn write(corpus: &Corpus, path: &Path) -> rusqlite::Result<()> {
    let mut db = Connection::open(path)?;
    db.execute_batch(SCHEMA)?;
    let tx = db.transaction()?;
    {
        let mut document = tx.prepare(
            "INSERT INTO documents VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
        )?;
        let mut paragraph =
            tx.prepare("INSERT INTO paragraphs (doc_id, n, text) VALUES (?1, ?2, ?3)")?;
        let mut entity = tx.prepare("INSERT INTO entities VALUES (?1, ?2, ?3, ?4, ?5)")?;
        let mut person = tx.prepare(
            "INSERT INTO people VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?;
        for e in corpus.entities.all() {
            entity.execute(params![
                e.id,
                e.name,
                e.kind.to_string(),
                json(&e.aliases),
                json(&e.acronyms)
            ])?;
        }
        for doc in &corpus.documents {
            document.execute(params![
                doc.id,
                doc.title,
                doc.title_supplied,
                doc.subtitle,
                date(doc.date),
                doc.date_note,
                date(doc.inferred_date),
                doc.inferred_date_reason,
                doc.kind.to_string(),
                doc.place,
                doc.posted_by,
                doc.url,
                doc.publisher,
                date(doc.accessed),
                doc.curator_note,
                json(&doc.tags),
                doc.source,
                doc.people_heading,
                json(&doc.cite_as),
            ])?;
            for (i, text) in doc.paragraphs.iter().enumerate() {
                paragraph.execute(params![doc.id, nth(i), text.as_str()])?;
            }
            for (i, p) in doc.people.iter().enumerate() {
                person.execute(params![
                    doc.id,
                    nth(i),
                    corpus.entity_of(p).id,
                    p.name,
                    p.kind.to_string(),
                    p.role.to_string(),
                    p.title,
                    p.affiliation,
                    p.country,
                    p.acronym,
                    p.note,
                    p.family,
                ])?;
            }
        }
    }
    tx.execute(
        "INSERT INTO paragraphs_fts(paragraphs_fts) VALUES ('rebuild')",
        [],
    )?;
    tx.commit()?;
    db.close().map_err(|(_, e)| e)
}
