//! The bundled corpus against its raw captures: every line of each capture is
//! kept (as a paragraph, title, metadata or people entry) or listed as
//! omitted, and nothing in the curated file is absent from its capture.
//! Either side drifting fails here.

use nkread::corpus::{Corpus, Document};
use nkread::import::{fidelity, norm};
use std::collections::HashSet;
use std::path::Path;

fn corpus() -> Corpus {
    Corpus::load(&[]).unwrap_or_else(|e| panic!("the bundled corpus must load:\n{e}"))
}

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

/// Both directions, by the check `nkread import` runs on every draft:
/// every line of the capture is kept or listed as omitted, and every
/// paragraph, omitted line, title, metadata and people field is in it.
#[test]
fn each_document_and_its_capture_agree_both_ways() {
    for doc in &corpus().documents {
        let problems = fidelity::check(doc, &capture(doc));
        assert!(problems.is_empty(), "{}: {problems:#?}", doc.id);
        // No capture states an address or a publisher; none is recorded.
        assert!(doc.url.is_none() && doc.publisher.is_none(), "{}", doc.id);
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
