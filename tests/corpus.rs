//! The bundled corpus against its raw captures: every line of each capture is
//! kept (as a paragraph, title, metadata or people entry) or listed as
//! omitted, and nothing in the curated file is absent from its capture.
//! Either side drifting fails here.

use nkread::corpus::{Corpus, Document};
use std::collections::HashSet;
use std::path::Path;

fn corpus() -> Corpus {
    Corpus::load(&[]).unwrap_or_else(|e| panic!("the bundled corpus must load:\n{e}"))
}

/// Whitespace as the curated text keeps it: runs of spaces and no-break
/// spaces become one space, and the ends are trimmed.
fn norm(s: &str) -> String {
    s.split([' ', '\u{a0}'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words that join the names of a list ("…, and Jacob Blaustein Institute")
/// or a title to its body ("current chair at the Helsinki …").
const GLUE: [&str; 2] = ["and", "at"];

fn capture(doc: &Document) -> String {
    let name = doc
        .source
        .as_deref()
        .unwrap_or_else(|| panic!("{}: no source", doc.id));
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("data/sources")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

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

#[test]
fn the_bundled_corpus_loads_all_five_documents() {
    let corpus = corpus();
    let ids: Vec<&str> = corpus.documents.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.len(), 5, "{ids:?}");
    for doc in &corpus.documents {
        assert!(
            !doc.paragraphs.is_empty() && !doc.people.is_empty(),
            "{}",
            doc.id
        );
    }
    let sources: HashSet<_> = corpus.documents.iter().map(|d| d.source.clone()).collect();
    assert_eq!(sources.len(), 5, "each capture is curated once");
}

#[test]
fn every_line_of_every_capture_is_kept_or_listed_as_omitted() {
    for doc in &corpus().documents {
        let people = people_words(doc);
        let paragraphs: Vec<String> = doc.paragraphs.iter().map(|p| norm(p)).collect();
        for (n, line) in capture(doc).lines().enumerate() {
            let line = norm(line);
            let kept = line.is_empty()
                || doc.omitted.contains(&line)
                || line == doc.title
                || doc.subtitle.as_ref() == Some(&line)
                || paragraphs.contains(&line)
                || words(&line).all(|w| people.contains(&w) || GLUE.contains(&w.as_str()));
            assert!(
                kept,
                "{}: line {} of the capture is lost:\n{line}",
                doc.id,
                n + 1
            );
        }
    }
}

#[test]
fn nothing_curated_is_missing_from_its_capture() {
    for doc in &corpus().documents {
        let raw = capture(doc);
        let text = raw.lines().map(norm).collect::<Vec<_>>().join("\n");
        let lines: HashSet<String> = raw.lines().map(norm).collect();
        let in_text = |what: &str, s: &str| {
            assert!(
                text.contains(s),
                "{}: {what} is not in the capture:\n{s}",
                doc.id
            );
        };
        // A paragraph is a whole line of the capture: not cut, not joined.
        for p in &doc.paragraphs {
            assert!(
                lines.contains(p),
                "{}: paragraph is not a line of the capture:\n{p}",
                doc.id
            );
        }
        for o in &doc.omitted {
            assert!(
                lines.contains(o),
                "{}: omitted line is not a line of the capture: {o}",
                doc.id
            );
        }
        if !doc.title_supplied {
            assert!(
                lines.contains(&doc.title),
                "{}: title is not a line of the capture",
                doc.id
            );
        }
        for s in [
            &doc.subtitle,
            &doc.place,
            &doc.posted_by,
            &doc.publisher,
            &doc.url,
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
    }
}

#[test]
fn every_people_entry_resolves_to_a_curated_entity() {
    let corpus = corpus();
    for doc in &corpus.documents {
        for p in &doc.people {
            let entity = corpus.entity_of(p);
            assert!(
                entity.curated,
                "{}: \"{}\" is not in data/entities.toml",
                doc.id, p.name
            );
            assert_eq!(entity.kind, p.kind, "{}: {}", doc.id, p.name);
        }
    }
}

#[test]
fn recurring_bodies_are_linked_across_documents() {
    let corpus = corpus();
    let docs_of = |entity: &str| -> HashSet<&str> {
        corpus
            .documents
            .iter()
            .filter(|d| d.people.iter().any(|p| corpus.entity_of(p).id == entity))
            .map(|d| d.id.as_str())
            .collect()
    };
    for (entity, count) in [
        ("human-rights-watch", 4),
        (
            "international-coalition-to-stop-crimes-against-humanity-in-north-korea",
            4,
        ),
        ("hanvoice", 2),
        ("justice-for-north-korea", 2),
        ("society-to-help-returnees-to-north-korea", 2),
        ("citizens-alliance-for-north-korean-human-rights", 2),
        ("tomas-ojea-quintana", 2),
        ("suzanne-scholte", 2),
        ("commission-of-inquiry", 3),
    ] {
        assert_eq!(docs_of(entity).len(), count, "{entity}");
    }
    // Similar names, different bodies.
    assert_ne!(
        docs_of("committee-for-human-rights-in-north-korea"),
        docs_of("council-for-human-rights-in-north-korea")
    );
}

#[test]
fn unclear_sources_record_less_and_say_so() {
    let corpus = corpus();
    let undated = corpus.get("icnk-welcomes-unga-resolution-2014").unwrap();
    assert!(undated.date.is_none() && undated.date_note.is_some() && undated.title_supplied);
    for doc in &corpus.documents {
        assert!(
            doc.date_note.is_some(),
            "{}: say where the date comes from",
            doc.id
        );
        // No capture states an address, a publisher or when it was made.
        assert!(
            doc.url.is_none() && doc.publisher.is_none() && doc.accessed.is_none(),
            "{}",
            doc.id
        );
        assert!(
            doc.curator_note.is_some(),
            "{}: say what the capture lacks",
            doc.id
        );
    }
}

/// Only the 2017 release states its date; the others' are implied by their
/// text, and are marked so, each with the words that fix it.
#[test]
fn dates_the_text_implies_are_inferred_and_quote_their_reason() {
    let corpus = corpus();
    let dates: Vec<(&str, Option<String>, Option<String>)> = corpus
        .documents
        .iter()
        .map(|d| {
            (
                d.id.as_str(),
                d.date.map(|x| x.to_string()),
                d.inferred_date.map(|x| x.to_string()),
            )
        })
        .collect();
    let s = |x: &str| Some(x.to_string());
    assert_eq!(
        dates,
        [
            ("hrc55-open-letter-2024", None, s("2024")),
            (
                "icnk-crimes-against-humanity-demand-justice-2017",
                s("2017-03-07"),
                None
            ),
            ("icnk-welcomes-unga-resolution-2014", None, s("2014-12")),
            ("joint-letter-security-council-2015", None, s("2015")),
            (
                "un-stand-with-north-koreas-victims-2014",
                None,
                s("2014-11")
            ),
        ]
    );
    for doc in &corpus.documents {
        let Some(reason) = &doc.inferred_date_reason else {
            continue;
        };
        let raw = capture(doc)
            .lines()
            .map(norm)
            .collect::<Vec<_>>()
            .join("\n");
        let mut quoted = reason.split('“').skip(1).peekable();
        assert!(quoted.peek().is_some(), "{}: quote the text", doc.id);
        for q in quoted {
            let q = q.split_once('”').map_or(q, |(q, _)| q);
            assert!(raw.contains(q), "{}: “{q}” is not in the capture", doc.id);
        }
    }
}
