//! The line view: the reader's state told in sentences, one line each, for
//! the linear mode. Pure, as the frame view is: it reads the state and the
//! library and returns lines; the loop writes them and never redraws.

use crate::corpus::{Document, Problem, Role, clean_line};
use crate::library::Library;
use crate::search::{Field, field_text};
use crate::tui::layout::Pane;
use crate::tui::layout::bookmarks::{listed as listed_bookmarks, title as bookmark_title};
use crate::tui::layout::pager::{LISTED_PROBLEMS, unloaded_files};
use crate::tui::layout::people::{Detail, RowKind};
use crate::tui::layout::source::{self, SourceText};
use crate::tui::layout::text::head;
use crate::tui::state::{AppState, Overlay, SourceState};
use std::rc::Rc;

/// How many rows of a list are told at once; `next` reads on.
pub const ROWS_TOLD: usize = 20;

/// Columns of a passage or snippet told in a row.
const SNIPPET: usize = 120;

/// A date as it is said: "c. 2015", which the screen shows, is "circa 2015".
fn said_date(doc: &Document) -> String {
    let date = doc.shown_date();
    match date.strip_prefix("c. ") {
        Some(rest) => format!("circa {rest}"),
        None => date,
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    match n {
        1 => format!("1 {one}"),
        n => format!("{n} {many}"),
    }
}

/// "Document 3 of 5: title, circa 2015, joint letter, 9 signatories."
pub fn document(library: &Library, state: &AppState, at: usize) -> Option<String> {
    let doc = library.corpus.documents.get(*state.order.get(at)?)?;
    let signatories = doc
        .people
        .iter()
        .filter(|p| p.role == Role::Signatory)
        .count();
    let mut about = vec![
        doc.shown_title(),
        said_date(doc),
        doc.kind.to_string().replace('-', " "),
    ];
    if signatories > 0 {
        about.push(plural(signatories, "signatory", "signatories"));
    }
    if state.marked.contains(&state.order[at]) {
        about.push("marked".to_string());
    }
    Some(format!(
        "Document {} of {}: {}.",
        at + 1,
        state.order.len(),
        about.join(", ")
    ))
}

/// Every document, numbered as `open N` takes them.
pub fn documents(library: &Library, state: &AppState) -> Vec<String> {
    (0..state.order.len())
        .filter_map(|at| document(library, state, at))
        .collect()
}

/// "Paragraph 3 of 6: …", the reading cursor's paragraph whole.
pub fn paragraph(library: &Library, state: &AppState) -> Option<String> {
    let d = state.open()?;
    let doc = library.corpus.documents.get(d)?;
    let at = state.reader().cursor;
    let text = doc.paragraphs.get(at)?;
    let bookmarked = state
        .places
        .iter()
        .filter_map(|p| p.passage())
        .any(|place| place == (d, at));
    Some(format!(
        "Paragraph {} of {}{}: {}",
        at + 1,
        doc.paragraphs.len(),
        if bookmarked { ", bookmarked" } else { "" },
        clean_line(&text.replace('\n', " "))
    ))
}

/// The open document's people by role, numbered: the sidebar told.
pub fn people_of_document(library: &Library, state: &AppState) -> Vec<String> {
    let Some(doc) = state.open().and_then(|d| library.corpus.documents.get(d)) else {
        return vec!["No document is open.".to_string()];
    };
    let mut out = vec![format!(
        "{} names {}.",
        doc.shown_title(),
        plural(
            doc.people.len(),
            "organization or person",
            "organizations and people"
        )
    )];
    let mut n = 0;
    for role in Role::ALL {
        for person in doc.people.iter().filter(|p| p.role == role) {
            n += 1;
            let mut about = vec![person.name.clone(), role.to_string()];
            about.extend(person.title.clone());
            about.extend(person.affiliation.clone());
            about.extend(person.country.clone());
            if let Some(people) = library.people() {
                let others =
                    people.other_documents(state.open().unwrap_or_default(), person.entity);
                if others > 0 {
                    about.push(format!(
                        "also in {}",
                        plural(others, "other document", "other documents")
                    ));
                }
            }
            out.push(format!(
                "Person {n} of {}: {}.",
                doc.people.len(),
                about.join(", ")
            ));
        }
    }
    out
}

/// The row of the topmost overlay at `at`, told as a sentence; None past
/// its end or with no overlay.
pub fn row(library: &Library, state: &AppState, at: usize) -> Option<String> {
    let corpus = &library.corpus;
    match state.overlays.last()? {
        Overlay::Help { .. } | Overlay::Problems { .. } => None,
        Overlay::Source(pane) => {
            let laid = capture_lines(library, state, pane)?;
            let line = laid.lines.get(at)?;
            let kind = match (line.paragraph, line.omitted) {
                (Some(p), _) => format!(", kept as paragraph {}", p + 1),
                (None, true) => ", left out by the curator".to_string(),
                _ => String::new(),
            };
            Some(format!(
                "Line {} of {}{kind}: {}",
                at + 1,
                laid.lines.len(),
                line.text
            ))
        }
        Overlay::People(pane) if pane.in_detail => {
            let entity = *pane.listed.get(pane.selected)?;
            let detail = Detail::of(library, entity)?;
            let shown = detail.openable_row(at)?;
            Some(format!(
                "Row {} of {}: {}",
                at + 1,
                detail.openable(),
                clean_line(&detail.row(shown, SNIPPET).text)
            ))
        }
        Overlay::People(pane) => {
            let entity = *pane.listed.get(at)?;
            let e = corpus.entities.get(entity);
            let documents = library.people().map_or(0, |p| p.appearances(entity).len());
            Some(format!(
                "Row {} of {}: {}, {}, in {}.",
                at + 1,
                pane.listed.len(),
                e.name,
                e.kind,
                plural(documents, "document", "documents")
            ))
        }
        Overlay::Search(pane) => {
            let hit = pane.hits.get(at)?;
            let doc = corpus.documents.get(hit.doc)?;
            let place = match hit.field {
                Field::Title => "its title".to_string(),
                Field::Paragraph(p) => format!("paragraph {}", p + 1),
                Field::Person(i) => doc
                    .people
                    .get(i)
                    .map_or(String::new(), |p| format!("its {}s", p.role)),
            };
            let text = field_text(corpus, hit.doc, hit.field).unwrap_or_default();
            Some(format!(
                "Hit {} of {}: {}, {}, {}: {}",
                at + 1,
                pane.hits.len(),
                doc.shown_title(),
                said_date(doc),
                place,
                clean_line(&head(&text, SNIPPET).replace('\n', " "))
            ))
        }
        Overlay::Bookmarks(pane) => {
            let listed =
                listed_bookmarks(library, &state.bookmarks, &state.places, pane.filter.text());
            let &i = listed.get(at)?;
            let bookmark = state.bookmarks.get(i)?;
            let place = state.places.get(i).copied();
            let number = place
                .and_then(|p| p.passage())
                .map_or(bookmark.paragraph, |(_, p)| p + 1);
            let mut text = format!(
                "Bookmark {} of {}: {}, paragraph {number}: “{}”",
                at + 1,
                listed.len(),
                bookmark_title(library, bookmark, place),
                clean_line(head(&bookmark.quote, SNIPPET))
            );
            if !bookmark.note.is_empty() {
                text.push_str(&format!(" Note: {}", clean_line(&bookmark.note)));
            }
            Some(text)
        }
        Overlay::Grid(pane) => {
            let grid = &*pane.grid;
            let &r = pane.listed.get(at)?;
            let entity = corpus.entities.get(grid.entity(r));
            let reading = grid.reading(r, pane.roles);
            let n = grid.docs().len();
            let date = |c: Option<usize>| {
                c.and_then(|c| grid.docs().get(c))
                    .and_then(|&d| corpus.documents.get(d))
                    .map(said_date)
            };
            let mut text = format!(
                "Row {} of {}: {}, in {} of {}",
                at + 1,
                pane.listed.len(),
                entity.name,
                reading.count,
                plural(n, "document", "documents")
            );
            // Its roles, as the grid's glyphs show them.
            let cells = grid.cells(r);
            let roles: Vec<String> = Role::ALL
                .into_iter()
                .filter(|&role| cells.iter().any(|c| c.contains(role)))
                .map(|role| role.to_string())
                .collect();
            if !roles.is_empty() {
                text.push_str(&format!(", as {}", roles.join(" and ")));
            }
            match (date(reading.first), date(reading.last)) {
                (Some(first), Some(last)) if first != last => {
                    text.push_str(&format!(", first {first}, last {last}"))
                }
                (Some(first), _) => text.push_str(&format!(", {first}")),
                _ => {}
            }
            text.push('.');
            Some(text)
        }
    }
}

/// The topmost overlay: what it is, then its rows from the selected one
/// on, `ROWS_TOLD` at most.
pub fn overlay(library: &Library, state: &AppState) -> Vec<String> {
    let Some(top) = state.overlays.last() else {
        return Vec::new();
    };
    let (heading, count, selected) = match top {
        Overlay::Help { .. } => return help(),
        Overlay::Problems { .. } => return unloaded(&state.load_problems),
        Overlay::People(p) if p.in_detail => {
            let entity = p.listed.get(p.selected).copied();
            let detail = entity.and_then(|e| Detail::of(library, e));
            let name = entity.map_or(String::new(), |e| {
                library.corpus.entities.get(e).name.clone()
            });
            let mut lines = vec![format!("{name}:")];
            if let Some(detail) = &detail {
                // Who it is, before the rows open documents.
                lines.extend(
                    (1..detail.rows())
                        .map(|i| detail.row(i, SNIPPET))
                        .take_while(|r| r.kind != RowKind::Open)
                        .filter(|r| !r.text.is_empty() && r.kind != RowKind::Heading)
                        .map(|r| format!("{}.", clean_line(&r.text))),
                );
            }
            let count = detail.as_ref().map_or(0, Detail::openable);
            lines.push(format!(
                "{}; open N opens one.",
                plural(count, "document or passage", "documents and passages")
            ));
            lines.extend(
                (p.detail_selected..count)
                    .take(ROWS_TOLD)
                    .filter_map(|at| row(library, state, at)),
            );
            return lines;
        }
        Overlay::People(p) => ("People index".to_string(), p.listed.len(), p.selected),
        Overlay::Search(s) => {
            if let Some(problem) = &s.problem {
                return vec![format!("Search: {}.", clean_line(problem))];
            }
            (
                format!("Search for {}", s.answered),
                s.hits.len(),
                s.selected,
            )
        }
        Overlay::Bookmarks(b) => {
            let n =
                listed_bookmarks(library, &state.bookmarks, &state.places, b.filter.text()).len();
            ("Bookmarks".to_string(), n, b.selected)
        }
        // The capture is told whole: it is a page, read as one, and the
        // full screen's pager scrolls no further than its last screenful.
        Overlay::Source(s) => match &s.capture {
            Some(Ok(_)) => {
                let Some(laid) = capture_lines(library, state, s) else {
                    return Vec::new();
                };
                let mut lines = vec![format!(
                    "The capture {}: {}; back leaves.",
                    s.name,
                    plural(laid.lines.len(), "line", "lines")
                )];
                // A blank line of the page is not told.
                lines.extend(
                    (0..laid.lines.len())
                        .filter(|&at| !laid.lines[at].text.is_empty())
                        .filter_map(|at| row(library, state, at)),
                );
                return lines;
            }
            Some(Err(why)) => return vec![format!("{}.", clean_line(why))],
            None => return vec!["Reading the capture.".to_string()],
        },
        Overlay::Grid(g) => (
            format!(
                "Who stood with whom in {}",
                plural(g.grid.docs().len(), "document", "documents")
            ),
            g.listed.len(),
            g.selected,
        ),
    };
    let mut lines = vec![format!(
        "{heading}: {}; open N opens one, back leaves.",
        plural(count, "row", "rows")
    )];
    lines.extend(
        (selected..count)
            .take(ROWS_TOLD)
            .filter_map(|at| row(library, state, at)),
    );
    if count > selected + ROWS_TOLD {
        lines.push(format!(
            "{} more; more tells them.",
            count - selected - ROWS_TOLD
        ));
    }
    lines
}

/// The corpus files that did not load, and where and what each problem
/// is, as `check` gives it; nothing where every file loaded.
pub fn unloaded(problems: &[Problem]) -> Vec<String> {
    let files = unloaded_files(problems).len();
    if files == 0 {
        return Vec::new();
    }
    let mut lines = vec![format!(
        "{} did not load, so {} left out; fix {} and start nkread again:",
        plural(files, "file", "files"),
        if files == 1 {
            "its documents are"
        } else {
            "their documents are"
        },
        if files == 1 { "it" } else { "them" },
    )];
    // The first line of each: the quoted line and its caret are for eyes.
    lines.extend(
        problems
            .iter()
            .take(LISTED_PROBLEMS)
            .filter_map(|p| p.to_string().lines().next().map(str::to_string)),
    );
    if let Some(more) = problems
        .len()
        .checked_sub(LISTED_PROBLEMS)
        .filter(|&n| n > 0)
    {
        lines.push(format!("{more} more; nkread check lists them all."));
    }
    lines
}

/// What has the focus, told: the overlay's selected row, the reader's
/// paragraph, the list's document, or the sidebar's person.
pub fn here(library: &Library, state: &AppState) -> Vec<String> {
    let told = match state.overlays.last() {
        Some(Overlay::Help { .. }) => return help(),
        Some(Overlay::Problems { .. }) => return unloaded(&state.load_problems),
        Some(Overlay::People(p)) if p.in_detail => row(library, state, p.detail_selected),
        Some(Overlay::People(p)) => row(library, state, p.selected),
        Some(Overlay::Search(s)) => row(library, state, s.selected),
        Some(Overlay::Bookmarks(b)) => row(library, state, b.selected),
        Some(Overlay::Grid(g)) => row(library, state, g.selected),
        Some(Overlay::Source(s)) => row(library, state, s.scroll),
        None => match state.focus {
            Pane::List => document(library, state, state.selected),
            Pane::Reader | Pane::Sidebar => paragraph(library, state),
        },
    };
    vec![told.unwrap_or_else(|| "Nothing is selected.".to_string())]
}

/// A capture's lines as update laid them out for the size it lays out
/// for, which it scrolls.
fn capture_lines(
    library: &Library,
    state: &AppState,
    pane: &SourceState,
) -> Option<Rc<SourceText>> {
    let doc = library.corpus.documents.get(pane.doc)?;
    let Some(Ok(text)) = &pane.capture else {
        return None;
    };
    let screen = ratatui::layout::Rect::new(0, 0, state.size.0, state.size.1);
    let (columns, _) = source::inner_size(screen);
    Some(source::laid_out(pane.laid.as_ref(), doc, text, columns))
}

/// The commands, for `help`.
pub fn help() -> Vec<String> {
    [
        "Commands, one a line; the reader's keys work too (j, k, ], [, b, q).",
        "list: the documents, numbered. open N: document N, or row N of a list.",
        "next, prev: the next or previous paragraph, or row. para N: paragraph N.",
        "people: who the open document names. people NAME: the People index, filtered.",
        "search TERMS: search every document. mark: mark the open document. grid: who stood with whom in the marked documents, or all.",
        "bookmark: keep the paragraph, or let it go. note TEXT: write its note. bookmarks: every kept passage.",
        "cite: the paragraph with its citation. where: what is selected. back: leave a list. help. quit.",
    ]
    .iter()
    .map(ToString::to_string)
    .collect()
}
