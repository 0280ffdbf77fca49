//! The two-way check between a document and its capture, the same for the
//! bundled corpus (tests/corpus.rs) and every draft `import` writes: every
//! line of the capture is kept (a paragraph, the title or subtitle,
//! metadata, people) or listed in `omitted`, and every paragraph, omitted
//! line, title (or a row's value giving it), metadata field and people
//! field occurs in the capture.
//! An address or publisher an HTML page states in its metadata is no line
//! of its text, so those two are not looked for.

use super::page::norm;
use crate::corpus::{Document, Text};
use std::collections::HashSet;

/// Words that join the names of a list ("…, and Jacob Blaustein Institute")
/// or a title to its body ("current chair at the Helsinki …").
const GLUE: [&str; 2] = ["and", "at"];

fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// The words of the people entries and of the heading that introduces them.
fn people_words(doc: &Document) -> HashSet<String> {
    let heading = doc
        .people_heading
        .iter()
        .flat_map(|h| words(h).collect::<Vec<_>>());
    doc.people
        .iter()
        .flat_map(|p| {
            [
                Some(&p.name),
                p.title.as_ref(),
                p.affiliation.as_ref(),
                p.country.as_ref(),
                p.acronym.as_ref(),
                p.note.as_ref(),
            ]
        })
        .flatten()
        .flat_map(|s| words(s).collect::<Vec<_>>())
        .chain(heading)
        .collect()
}

/// Every problem between `doc` and the text of its capture, one a line.
pub fn check(doc: &Document, capture: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let people = people_words(doc);
    let paragraphs: HashSet<&str> = doc.paragraphs.iter().map(Text::as_str).collect();
    let lines: Vec<String> = capture.lines().map(norm).collect();
    for (n, line) in lines.iter().enumerate() {
        let kept = line.is_empty()
            || doc.omitted.contains(line)
            || *line == doc.title
            || doc.subtitle.as_ref() == Some(line)
            || paragraphs.contains(line.as_str())
            || words(line).all(|w| people.contains(&w) || GLUE.contains(&w.as_str()));
        if !kept {
            problems.push(format!("line {} of the capture is lost: {line}", n + 1));
        }
    }
    let text = lines.join("\n");
    let set: HashSet<&str> = lines.iter().map(String::as_str).collect();
    for p in &doc.paragraphs {
        if !set.contains(p.as_str()) {
            problems.push(format!("paragraph is not a line of the capture: {p}"));
        }
    }
    for o in &doc.omitted {
        if !set.contains(o.as_str()) {
            problems.push(format!("omitted line is not a line of the capture: {o}"));
        }
    }
    // A title may be the value of a row set aside: "[Title] TITLE".
    let row_value = doc
        .omitted
        .iter()
        .any(|o| o.len() > doc.title.len() && o.ends_with(doc.title.as_str()));
    if !doc.title_supplied && !set.contains(doc.title.as_str()) && !row_value {
        problems.push(format!("title is not a line of the capture: {}", doc.title));
    }
    let mut in_text = |what: &str, s: &str| {
        if !text.contains(s) {
            problems.push(format!("{what} is not in the capture: {s}"));
        }
    };
    for s in [
        &doc.subtitle,
        &doc.place,
        &doc.posted_by,
        &doc.people_heading,
    ]
    .into_iter()
    .flatten()
    {
        in_text("metadata", s);
    }
    for p in &doc.people {
        for s in [
            Some(&p.name),
            p.title.as_ref(),
            p.affiliation.as_ref(),
            p.country.as_ref(),
            p.acronym.as_ref(),
        ]
        .into_iter()
        .flatten()
        {
            in_text("a people field", s);
        }
        // A note is the capture's words, or quotes them between “ and ”.
        if let Some(note) = &p.note {
            let quoted = note
                .split_once('“')
                .and_then(|(_, rest)| rest.split_once('”'))
                .map(|(q, _)| q);
            in_text("a note", quoted.unwrap_or(note));
        }
    }
    problems
}
