//! Reading documents from TOML and JSON text, cleaning them, and checking
//! them. Every problem is reported with its file and position, all at once.

use super::hygiene::{clean, clean_line};
use super::model::{Document, PersonKind};
use super::problem::{Lines, Problem};
use super::source::SourceFile;
use super::source::field_of;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// A step of a field path: a key of a table or an index of an array.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Step {
    Key(&'static str),
    Index(usize),
}

fn path_string(path: &[Step]) -> String {
    let mut s = String::new();
    for step in path {
        match step {
            Step::Key(k) if s.is_empty() => s.push_str(k),
            Step::Key(k) => {
                s.push('.');
                s.push_str(k);
            }
            Step::Index(i) => s.push_str(&format!("[{i}]")),
        }
    }
    s
}

/// The name of a user's own entities file in a corpus directory.
pub const ENTITIES_FILE: &str = "entities.toml";

fn is_entities_file(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == ENTITIES_FILE)
}

/// The entities file of a corpus path: `DIR/entities.toml`, or the path
/// itself when it is one.
pub fn read_entities(path: &Path) -> Option<Result<SourceFile, Problem>> {
    entities_path(path).map(|file| read_file(&file))
}

/// The corpus files at `path`: every `*.toml` and `*.json` of a directory,
/// by name, or the one file named; never an entities file.
pub fn read_path(path: &Path) -> Result<Vec<SourceFile>, Problem> {
    let paths = list_path(path, true)?;
    paths.par_iter().map(|p| read_file(p)).collect()
}

/// The files [`read_path`] reads at `path`, in its order; a file that is
/// skipped is said on stderr when `say` is set.
pub fn list_path(path: &Path, say: bool) -> Result<Vec<PathBuf>, Problem> {
    let shown = path.display().to_string();
    let is_corpus_file = |p: &Path| {
        matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("toml" | "json")
        )
    };
    if path.is_file() {
        if is_entities_file(path) {
            return Ok(Vec::new());
        }
        if !is_corpus_file(path) {
            return Err(Problem::new(
                &shown,
                "a corpus file must end in .toml or .json",
            ));
        }
        return Ok(vec![path.to_path_buf()]);
    }
    let cannot = |e: std::io::Error| Problem::new(&shown, format!("cannot read corpus path: {e}"));
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(path).map_err(cannot)? {
        let path = entry.map_err(cannot)?.path();
        if !is_corpus_file(&path) || is_entities_file(&path) {
            continue;
        }
        match not_a_file(&path) {
            None => paths.push(path),
            // Said at once, on stderr: the corpus loads before the terminal
            // is taken, and a skipped file is not an error.
            Some(what) if say => eprintln!(
                "nkread: warning: {}: skipped, {what}",
                clean_line(&path.display().to_string())
            ),
            Some(_) => {}
        }
    }
    paths.sort();
    Ok(paths)
}

/// The entities file [`read_entities`] reads at `path`, if there is one.
pub fn entities_path(path: &Path) -> Option<PathBuf> {
    let file = if path.is_dir() {
        path.join(ENTITIES_FILE)
    } else {
        path.to_path_buf()
    };
    (is_entities_file(&file) && file.is_file()).then_some(file)
}

/// What a path named like a corpus file is when it is not a regular file
/// (after following symbolic links); None for a regular file.
fn not_a_file(path: &Path) -> Option<&'static str> {
    let is_link = path.symlink_metadata().is_ok_and(|m| m.is_symlink());
    match path.metadata() {
        Ok(m) if m.is_file() => None,
        Ok(m) if m.is_dir() => Some("a directory"),
        Ok(_) => Some("not a regular file (a FIFO, socket or device)"),
        Err(e) if e.raw_os_error() == Some(libc::ELOOP) => Some("a loop of symbolic links"),
        Err(e) if is_link && e.kind() == std::io::ErrorKind::NotFound => {
            Some("a symbolic link to nothing")
        }
        Err(_) => Some("it cannot be read"),
    }
}

pub(super) fn read_file(path: &Path) -> Result<SourceFile, Problem> {
    let name = path.display().to_string();
    let bytes =
        std::fs::read(path).map_err(|e| Problem::new(&name, format!("cannot read file: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(e.as_bytes());
        Problem::new(&name, "the file is not valid UTF-8").at_offset(&text, valid)
    })?;
    Ok(SourceFile::new(name, text))
}

/// The documents in one file, cleaned and checked, with every problem of
/// the file at once.
pub fn parse(file: &SourceFile) -> Result<Vec<Document>, Vec<Problem>> {
    let (docs, mut problems) = if file.is_json() {
        match parse_json(file) {
            Ok(docs) => (docs, Vec::new()),
            // Refused: read again for every problem, where it is plain JSON.
            Err(first) => match super::schema::read_json(file) {
                Some((docs, problems)) if !problems.is_empty() => (docs, problems),
                _ => return Err(vec![first]),
            },
        }
    } else {
        match super::schema::read_toml(file) {
            (Some(doc), problems) => (vec![doc], problems),
            (None, problems) => return Err(problems),
        }
    };
    let mut found = Vec::new();
    let mut out = Vec::with_capacity(docs.len());
    for (i, mut doc) in docs.into_iter().enumerate() {
        clean_document(&mut doc);
        for (path, message) in check(&doc) {
            found.push((in_document(file, i, path), message));
        }
        out.push(doc);
    }
    if found.is_empty() && problems.is_empty() {
        return Ok(out);
    }
    // The file is parsed again, once, for the positions of every problem.
    let places = Places::new(file);
    problems.extend(
        found
            .into_iter()
            .map(|(path, message)| places.locate(&path, Problem::new(&file.name, message))),
    );
    // In the order a person reads the file.
    problems.sort_by_key(|p| p.position);
    Err(problems)
}

/// Points `problem` at `path` in `file`: its line and column in TOML.
pub(super) fn locate(file: &SourceFile, path: &[Step], problem: Problem) -> Problem {
    Places::new(file).locate(path, problem)
}

/// Points `problem` at the field `id` of document `index` of `file`.
pub fn locate_id(file: &SourceFile, index: usize, problem: Problem) -> Problem {
    let path = in_document(file, index, vec![Step::Key("id")]);
    Places::new(file).locate(&path, problem)
}

/// `path` inside document `index` of `file`: a JSON array's documents are
/// reached through their index.
fn in_document(file: &SourceFile, index: usize, mut path: Vec<Step>) -> Vec<Step> {
    if file.is_json_array() {
        path.insert(0, Step::Index(index));
    }
    path
}

/// Where the id of document `index` of `file` is: "file:line:column", or
/// "file, field `[i].id`" in JSON, which has no positions after parsing.
pub fn id_location(file: &SourceFile, index: usize) -> String {
    let here = locate_id(file, index, Problem::new(&file.name, ""));
    match (here.position, here.field) {
        (Some((line, column)), _) => format!("{}:{line}:{column}", file.name),
        (None, Some(field)) => format!("{}, field `{field}`", file.name),
        (None, None) => file.name.clone(),
    }
}

fn parse_json(file: &SourceFile) -> Result<Vec<Document>, Problem> {
    let de = &mut serde_json::Deserializer::from_str(&file.text);
    let docs = if file.is_json_array() {
        serde_path_to_error::deserialize::<_, Vec<Document>>(&mut *de)
    } else {
        serde_path_to_error::deserialize::<_, Document>(&mut *de).map(|d| vec![d])
    };
    let docs = docs.map_err(|e| {
        let field = field_of(&e);
        json_problem(file, &e.into_inner(), field)
    })?;
    // Anything after the document (a second object, stray text) is an error,
    // not something to drop silently.
    de.end()
        .map_err(|e| json_problem(file, &e, String::new()))?;
    Ok(docs)
}

fn json_problem(file: &SourceFile, e: &serde_json::Error, field: String) -> Problem {
    // serde_json appends " at line L column C" to its message; the position
    // is shown our way instead, in characters rather than bytes.
    let message = e.to_string();
    let message = match message.rfind(" at line ") {
        Some(i) if e.line() > 0 => message[..i].to_string(),
        _ => message,
    };
    let message = super::source::with_suggestion(&message);
    let problem = Problem::new(&file.name, message).in_field(field);
    if e.line() == 0 {
        return problem;
    }
    let line_start: usize = file
        .text
        .split_inclusive('\n')
        .take(e.line() - 1)
        .map(str::len)
        .sum();
    problem.at_offset(&file.text, line_start + e.column().saturating_sub(1))
}

/// What finds a field's position in a file: the file read again as
/// spanned values (on the error path only), TOML or JSON, and its lines.
struct Places<'f> {
    spans: Option<(toml::Spanned<toml::de::DeValue<'f>>, Lines<'f>)>,
}

impl<'f> Places<'f> {
    fn new(file: &'f SourceFile) -> Places<'f> {
        let root = match file.is_json() {
            true => super::schema::json::parse(&file.text),
            false => toml::de::DeTable::parse(&file.text).ok().map(|root| {
                let span = root.span();
                toml::Spanned::new(span, toml::de::DeValue::Table(root.into_inner()))
            }),
        };
        Places {
            spans: root.map(|root| (root, Lines::new(&file.text))),
        }
    }

    /// Adds the position of `path` to `problem`: its line and column, and
    /// the field path.
    fn locate(&self, path: &[Step], problem: Problem) -> Problem {
        let problem = problem.in_field(path_string(path));
        let Some((root, lines)) = &self.spans else {
            return problem;
        };
        let mut found = Some(root);
        for step in path {
            found = found.and_then(|v| match step {
                Step::Key(k) => v.get_ref().get(*k),
                Step::Index(i) => v.get_ref().get(*i),
            });
        }
        problem.at_offset_in(lines, found.map_or(0, |value| value.span().start))
    }
}

fn clean_opt(field: &mut Option<String>) {
    if let Some(s) = field {
        *s = clean_line(s);
    }
    if field.as_deref() == Some("") {
        *field = None;
    }
}

/// Text hygiene, once, at load: every string of the document.
fn clean_document(doc: &mut Document) {
    // Not cleaned: an id with a control character in it is refused by
    // `check`, not made into another id by dropping the character.
    doc.id = doc.id.trim_matches(' ').to_string();
    doc.title = clean_line(&doc.title);
    for field in [
        &mut doc.subtitle,
        &mut doc.date_note,
        &mut doc.place,
        &mut doc.posted_by,
        &mut doc.url,
        &mut doc.publisher,
        &mut doc.curator_note,
        &mut doc.inferred_date_reason,
        &mut doc.source,
        &mut doc.people_heading,
    ] {
        clean_opt(field);
    }
    for s in doc
        .tags
        .iter_mut()
        .chain(doc.omitted.iter_mut())
        .chain(doc.cite_as.iter_mut())
    {
        *s = clean_line(s);
    }
    for p in &mut doc.paragraphs {
        *p = clean(p).trim().into();
    }
    for person in &mut doc.people {
        person.name = clean_line(&person.name);
        for field in [
            &mut person.title,
            &mut person.affiliation,
            &mut person.country,
            &mut person.acronym,
            &mut person.note,
            &mut person.family,
        ] {
            clean_opt(field);
        }
    }
}

/// An id is a readable ASCII slug: it is typed on command lines and kept in
/// bookmark files, and no look-alike letter (a Cyrillic "е") can pass for
/// another id. What is wrong with `id`, if it is not one.
pub fn id_problem(id: &str) -> Option<String> {
    let mut chars = id.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphanumeric())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    (!valid).then(|| {
        format!(
            "\"{}\" is not a valid id: use ASCII letters, digits, '-', '_' and '.', starting with a letter or digit",
            id.escape_debug()
        )
    })
}

/// What is wrong with a cleaned document, field by field.
fn check(doc: &Document) -> Vec<(Vec<Step>, String)> {
    let mut problems = Vec::new();
    if let Some(problem) = id_problem(&doc.id) {
        problems.push((vec![Step::Key("id")], problem));
    }
    if doc.title.is_empty() {
        problems.push((vec![Step::Key("title")], "the title is empty".to_string()));
    }
    if doc.paragraphs.is_empty() {
        problems.push((
            vec![Step::Key("paragraphs")],
            "the document is empty: it has no paragraphs".to_string(),
        ));
    }
    for (i, p) in doc.paragraphs.iter().enumerate() {
        if p.is_empty() {
            problems.push((
                vec![Step::Key("paragraphs"), Step::Index(i)],
                format!("paragraph {} is empty", i + 1),
            ));
        }
    }
    for (field, message) in doc.provenance_problems() {
        problems.push((vec![Step::Key(field)], message));
    }
    for (i, person) in doc.people.iter().enumerate() {
        // A name with no letter or digit could not be told from another.
        if !person.name.chars().any(char::is_alphanumeric) {
            problems.push((
                vec![Step::Key("people"), Step::Index(i), Step::Key("name")],
                format!(
                    "\"{}\" is not a name: it has no letter or digit",
                    person.name
                ),
            ));
        }
        if let Some(family) = &person.family {
            let at = vec![Step::Key("people"), Step::Index(i), Step::Key("family")];
            let name = &person.name;
            if person.kind != PersonKind::Person {
                problems.push((
                    at,
                    format!(
                        "\"{name}\" is a {}: only a person's name has a family name",
                        person.kind
                    ),
                ));
            } else if !(name == family
                || name.ends_with(&format!(" {family}"))
                || name.starts_with(&format!("{family} ")))
            {
                problems.push((
                    at,
                    format!(
                        "\"{family}\" is not the first or the last words of the name \"{name}\""
                    ),
                ));
            }
        }
    }
    let mut named: Vec<&str> = Vec::new();
    for (i, author) in doc.cite_as.iter().enumerate() {
        let at = vec![Step::Key("cite_as"), Step::Index(i)];
        if !doc.people.iter().any(|p| &p.name == author) {
            problems.push((
                at,
                format!("\"{author}\" is not the name of one of the document's people entries"),
            ));
        } else if named.contains(&author.as_str()) {
            problems.push((at, format!("\"{author}\" is named twice")));
        }
        named.push(author);
    }
    problems
}

#[cfg(test)]
mod tests;
