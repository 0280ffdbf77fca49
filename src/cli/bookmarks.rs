//! The `bookmarks` command: list, add, remove and export the bookmarks the
//! reader keeps, through the same store, so the same promises hold.

use super::format::{table, to_json};
use super::{Failure, Output, find};
use crate::bookmarks::{
    self, Bookmark, Change, Locator, Place, SetAside, Store, Synced, in_quotes, shown,
};
use crate::cite::citation;
use crate::cite::formats::{self, Passage, Reference};
use crate::corpus::{Corpus, clean, clean_line, is_forbidden};
use clap::{Subcommand, ValueEnum};
use serde::Serialize;
use std::time::SystemTime;

#[derive(Debug, Subcommand)]
pub enum BookmarksCommand {
    /// Bookmark a paragraph; prints the new bookmark's id
    #[command(
        after_help = "Examples:\n  nkread bookmarks add hrc55-open-letter-2024 3\n  nkread bookmarks add joint-letter-security-council-2015 2 --note \"quoted in the brief\""
    )]
    Add {
        /// The document's id, as `nkread list` prints it, or a prefix only it has
        #[arg(add = super::complete::documents())]
        id: String,
        /// The paragraph's number, from 1, as `nkread show` prints it
        paragraph: usize,
        /// A note to keep with it
        #[arg(long, value_name = "TEXT")]
        note: Option<String>,
    },
    /// Remove a bookmark
    #[command(after_help = "Examples:\n  nkread bookmarks rm 3f2a9c1d")]
    Rm {
        /// The bookmark's id, as `nkread bookmarks` prints it
        bookmark_id: String,
    },
    /// Print every bookmark with its passage and citation, for a report
    #[command(
        after_help = "Examples:\n  nkread bookmarks export > passages.md\n  nkread bookmarks export --format json | jq -r '.[] | .citation'"
    )]
    Export {
        #[arg(long, value_enum, default_value_t)]
        format: Format,
    },
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Grouped by document, each passage a block quote with its citation
    #[default]
    Markdown,
    /// [{"id","doc","paragraph","quote","note","created","orphaned","title","citation","text"}]
    Json,
    /// CSL-JSON items for Zotero, Pandoc and CSL processors: one per document, keyed by its id, the passages and their notes in `note`
    CslJson,
    /// biblatex entries, one per document, keyed by its id, the passages and their notes in `annote`
    Bibtex,
    /// RIS records, one per document, each passage and its note an `N1`
    Ris,
}

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    doc: &'a str,
    /// Where the passage is now, from 1; where it was if it is gone.
    paragraph: usize,
    quote: &'a str,
    note: &'a str,
    created: &'a str,
    orphaned: bool,
}

#[derive(Serialize)]
struct Exported<'a> {
    #[serde(flatten)]
    row: Row<'a>,
    title: Option<String>,
    citation: Option<String>,
    /// The whole paragraph as the corpus has it now.
    text: Option<&'a str>,
}

pub fn run(
    corpus: &Corpus,
    command: Option<&BookmarksCommand>,
    json: bool,
    columns: Option<usize>,
) -> Result<Output, Failure> {
    let dir = Store::default_dir().ok_or_else(|| Failure {
        code: 1,
        message: "nkread: no home directory to keep bookmarks in".into(),
    })?;
    let mut store = Store::new(&dir);
    // Read only: a listing never moves, locks or creates anything.
    let loaded = match store.read() {
        Synced {
            error: Some(error), ..
        } => {
            return Err(Failure {
                code: 1,
                message: format!("nkread: bookmarks cannot be read: {error}"),
            });
        }
        loaded => loaded,
    };
    let locator = Locator::for_bookmarks(corpus, &loaded.bookmarks);
    // What a change saved found in the file replaces what the read found.
    let mut report = loaded.set_aside.clone();
    let mut out = match command {
        // Not "no bookmarks yet": the failure below says where they are.
        None if loaded.held_aside.is_some() && !json => String::new().into(),
        None => list(&locator, &loaded.bookmarks, json, columns),
        Some(BookmarksCommand::Add {
            id,
            paragraph,
            note,
        }) => add(
            corpus,
            &mut store,
            &mut report,
            &loaded.bookmarks,
            id,
            *paragraph,
            note.as_deref(),
        )?,
        Some(BookmarksCommand::Rm { bookmark_id }) => {
            remove(&mut store, &mut report, &loaded.bookmarks, bookmark_id)?
        }
        Some(BookmarksCommand::Export {
            format: Format::Markdown,
        }) => bookmarks::markdown(&loaded.bookmarks, corpus, &locator).into(),
        Some(BookmarksCommand::Export {
            format: Format::Json,
        }) => export_json(corpus, &locator, &loaded.bookmarks).into(),
        Some(BookmarksCommand::Export { format }) => {
            export_references(corpus, &locator, &loaded.bookmarks, *format)
        }
    };
    if let Some(aside) = report {
        let said = out
            .note
            .take()
            .map(|n| format!("\n{n}"))
            .unwrap_or_default();
        out.note = Some(format!("nkread: {aside}{said}"));
    }
    let listing = !matches!(
        command,
        Some(BookmarksCommand::Add { .. } | BookmarksCommand::Rm { .. })
    );
    // A listing that is not every bookmark fails, after printing what it
    // has: a script must not take it for the whole list.
    let hidden = match (&loaded.set_aside, &loaded.set_aside_since_save) {
        (Some(_), _) => Some(
            "the list above is what still reads in the bookmarks file, not all of it".to_string(),
        ),
        (None, Some(file)) => Some(clean_line(&format!(
            "{} was set aside after the last save and its bookmarks are not listed; \
             it is kept byte for byte, to read or mend",
            file.display()
        ))),
        (None, None) => loaded.held_aside.as_ref().map(ToString::to_string),
    };
    if let (true, Some(hidden)) = (listing, hidden) {
        super::write_stdout(&out.data)?;
        let said = out.note.map(|n| format!("{n}\n")).unwrap_or_default();
        return Err(Failure {
            code: 1,
            message: format!("{said}nkread: {hidden}"),
        });
    }
    Ok(out)
}

/// A save that failed is a failure of the command: nothing it meant to
/// change was written.
/// `report` becomes what the save found in the file.
fn saved(synced: Synced, report: &mut Option<SetAside>) -> Result<Synced, Failure> {
    report.clone_from(&synced.set_aside);
    match &synced.error {
        Some(error) => Err(Failure {
            code: 1,
            message: format!("nkread: bookmarks not saved: {error}\nnothing was changed"),
        }),
        None => Ok(synced),
    }
}

fn row<'a>(bookmark: &'a Bookmark, place: Place) -> Row<'a> {
    Row {
        id: &bookmark.id,
        doc: &bookmark.doc,
        paragraph: place.passage().map_or(bookmark.paragraph, |(_, n)| n + 1),
        quote: &bookmark.quote,
        note: &bookmark.note,
        created: &bookmark.created,
        orphaned: place.orphaned(),
    }
}

fn list(locator: &Locator, bookmarks: &[Bookmark], json: bool, columns: Option<usize>) -> Output {
    if json {
        let rows: Vec<Row> = bookmarks.iter().map(|b| row(b, locator.place(b))).collect();
        return escaped(to_json(&rows)).into();
    }
    if bookmarks.is_empty() {
        return Output {
            data: String::new(),
            note: Some(
                "no bookmarks yet: b in the reader keeps a paragraph, \
                 or `nkread bookmarks add ID PARAGRAPH`"
                    .into(),
            ),
        };
    }
    let lines: Vec<[String; 4]> = bookmarks
        .iter()
        .map(|b| {
            let place = locator.place(b);
            let r = row(b, place);
            let mut text = in_quotes(r.quote);
            if !r.note.is_empty() {
                text.push_str(&format!(" — {}", shown(r.note)));
            }
            [
                shown(r.id),
                format!("{} ¶{}{}", shown(r.doc), r.paragraph, place.remark()),
                shown(r.created).chars().take(10).collect(),
                text,
            ]
        })
        .collect();
    table(&lines, columns).into()
}

fn add(
    corpus: &Corpus,
    store: &mut Store,
    report: &mut Option<SetAside>,
    bookmarks: &[Bookmark],
    id: &str,
    paragraph: usize,
    note: Option<&str>,
) -> Result<Output, Failure> {
    let d = find(corpus, id)?;
    let doc = &corpus.documents[d];
    let count = doc.paragraphs.len();
    if paragraph == 0 || paragraph > count {
        return Err(Failure::input(format!(
            "nkread: \"{}\" has paragraphs 1 to {count}; there is no paragraph {paragraph}",
            doc.id
        )));
    }
    let note = note.map(clean_line);
    let locator = Locator::for_bookmarks(corpus, bookmarks);
    let existing = bookmarks
        .iter()
        .find(|b| locator.place(b).passage() == Some((d, paragraph - 1)));
    if let Some(existing) = existing {
        let said = format!(
            "¶{paragraph} of {} is already bookmarked as {}",
            doc.id,
            shown(&existing.id)
        );
        let said = match note {
            None => said,
            Some(note) if note == existing.note => said,
            // A note is research: one is never replaced without asking.
            Some(_) if !existing.note.is_empty() => {
                return Err(Failure::input(format!(
                    "nkread: {said}, with the note “{}”, which is kept; \
                     to replace it, remove the bookmark first (`nkread bookmarks rm {}`)",
                    shown(&existing.note),
                    shown(&existing.id)
                )));
            }
            Some(note) => {
                saved(
                    store.apply(Change::Note {
                        bookmark: Bookmark {
                            note,
                            ..existing.clone()
                        },
                        was: existing.note.clone(),
                    }),
                    report,
                )?;
                format!("{said}; the note is added")
            }
        };
        return Ok(Output {
            data: format!("{}\n", shown(&existing.id)),
            note: Some(said),
        });
    }
    // The process id tells apart two processes adding in one nanosecond.
    let salt = u64::from(std::process::id());
    let new = Bookmark::new(
        doc,
        paragraph - 1,
        note.as_deref().unwrap_or(""),
        SystemTime::now(),
        salt,
    );
    let synced = saved(store.apply(Change::Add(new.clone())), report)?;
    // Its id, which a collision with another bookmark's may have changed.
    let id = synced
        .bookmarks
        .iter()
        .rev()
        .find(|b| {
            Bookmark {
                id: new.id.clone(),
                ..(*b).clone()
            } == new
        })
        .map_or(new.id.clone(), |b| b.id.clone());
    Ok(Output {
        data: format!("{id}\n"),
        note: Some(format!("bookmarked {}", citation(doc, paragraph - 1))),
    })
}

fn remove(
    store: &mut Store,
    report: &mut Option<SetAside>,
    bookmarks: &[Bookmark],
    id: &str,
) -> Result<Output, Failure> {
    let Some(found) = bookmarks.iter().find(|b| b.id == id) else {
        return Err(Failure::input(format!(
            "nkread: no bookmark with id \"{}\" (see `nkread bookmarks`)",
            clean_line(id)
        )));
    };
    let said = format!(
        "removed {}: {} ¶{} “{}”",
        shown(&found.id),
        shown(&found.doc),
        found.paragraph,
        shown(&found.quote)
    );
    saved(store.apply(Change::Remove(found.id.clone())), report)?;
    Ok(Output {
        data: String::new(),
        note: Some(said),
    })
}

fn export_json(corpus: &Corpus, locator: &Locator, bookmarks: &[Bookmark]) -> String {
    let rows: Vec<Exported> = bookmarks
        .iter()
        .map(|b| {
            let place = locator.place(b);
            let passage = place.passage();
            let doc = passage.map(|(d, _)| &corpus.documents[d]);
            Exported {
                row: row(b, place),
                title: doc.map(|d| d.shown_title()),
                citation: passage.map(|(d, n)| citation(&corpus.documents[d], n)),
                text: match place {
                    Place::Found { doc, paragraph, .. } => {
                        Some(corpus.documents[doc].paragraphs[paragraph].as_str())
                    }
                    _ => None,
                },
            }
        })
        .collect();
    escaped(to_json(&rows))
}

/// JSON with every C1, bidi and other control character the cleaner drops
/// written as `\uXXXX`: the file is the user's to edit, and serde_json
/// escapes only those below U+0020. Each is outside the ASCII of JSON's
/// syntax, so it can only be inside a string, where the escape means the
/// same character: the data is kept, the terminal is safe.
fn escaped(json: String) -> String {
    if !json.chars().any(is_forbidden) {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match is_forbidden(c) {
            true => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            false => out.push(c),
        }
    }
    out
}

/// The documents to cite, once each, in the Markdown export's order
/// (newest first), each with its passages in text order and their notes.
/// A passage whose paragraph is gone cites its document; one whose
/// document is gone cannot be cited, and is counted.
fn references<'a>(
    corpus: &'a Corpus,
    locator: &Locator,
    bookmarks: &[Bookmark],
) -> (Vec<Reference<'a>>, usize) {
    let mut by_doc: Vec<Vec<Passage>> = vec![Vec::new(); corpus.documents.len()];
    let mut gone = 0;
    for b in bookmarks {
        let place = locator.place(b);
        let (d, paragraph) = match (place.passage(), place.doc()) {
            (Some((d, n)), _) => (d, Some(n)),
            (None, Some(d)) => (d, None),
            (None, None) => {
                gone += 1;
                continue;
            }
        };
        by_doc[d].push(Passage {
            paragraph,
            note: clean(&b.note).trim().to_string(),
        });
    }
    let references = corpus
        .newest_first()
        .into_iter()
        .filter_map(|d| {
            let mut passages = std::mem::take(&mut by_doc[d]);
            if passages.is_empty() {
                return None;
            }
            // Text order; a paragraph that is gone last.
            passages.sort_by(|a, b| {
                (a.paragraph.is_none(), a.paragraph, &a.note).cmp(&(
                    b.paragraph.is_none(),
                    b.paragraph,
                    &b.note,
                ))
            });
            passages.dedup();
            Some(Reference {
                doc: &corpus.documents[d],
                passages,
            })
        })
        .collect();
    (references, gone)
}

fn export_references(
    corpus: &Corpus,
    locator: &Locator,
    bookmarks: &[Bookmark],
    format: Format,
) -> Output {
    let (references, gone) = references(corpus, locator, bookmarks);
    let data = match format {
        Format::Bibtex => formats::bibtex(&references),
        Format::Ris => formats::ris(&references),
        _ => escaped(formats::csl_json(&references)),
    };
    let note = (gone > 0).then(|| {
        format!(
            "nkread: {gone} bookmark{} whose document is gone cannot be cited and {} left out; \
             `nkread bookmarks export` shows {} with the saved quote",
            if gone == 1 { "" } else { "s" },
            if gone == 1 { "is" } else { "are" },
            if gone == 1 { "it" } else { "them" },
        )
    });
    Output { data, note }
}
