//! Bookmarks as Markdown to paste into a report: grouped by document,
//! each passage a block quote with its citation and note.

use super::{Bookmark, Locator, Place};
use crate::citation::citation;
use crate::corpus::Corpus;
use std::fmt::Write;

/// The bookmarks grouped by document in list order, passages in text
/// order; those whose document is gone come last, with their saved quote.
pub fn markdown(bookmarks: &[Bookmark], corpus: &Corpus, locator: &Locator) -> String {
    let mut out = String::from("# Bookmarks\n");
    if bookmarks.is_empty() {
        out.push_str("\nNo bookmarks yet.\n");
        return out;
    }
    let placed: Vec<(&Bookmark, Place)> = bookmarks.iter().map(|b| (b, locator.place(b))).collect();
    for d in corpus.newest_first() {
        let doc = &corpus.documents[d];
        let mut here: Vec<&(&Bookmark, Place)> =
            placed.iter().filter(|(_, p)| p.doc() == Some(d)).collect();
        if here.is_empty() {
            continue;
        }
        here.sort_by_key(|(b, p)| (p.passage().map(|(_, n)| n), b.created.clone()));
        let _ = write!(out, "\n## {}\n", doc.shown_title());
        for (bookmark, place) in here {
            let Some((_, n)) = place.passage() else {
                continue;
            };
            let (text, changed) = match place {
                Place::Changed { .. } => (bookmark.quote.as_str(), true),
                _ => (doc.paragraphs[n].as_str(), false),
            };
            block_quote(&mut out, text);
            let _ = writeln!(out, "\n— {}", citation(doc, n));
            if changed {
                out.push_str(
                    "\n(The paragraph has changed since it was bookmarked; quoted as saved.)\n",
                );
            }
            note(&mut out, bookmark);
        }
    }
    let orphans: Vec<&Bookmark> = placed
        .iter()
        .filter(|(_, p)| *p == Place::Orphaned)
        .map(|(b, _)| *b)
        .collect();
    if !orphans.is_empty() {
        out.push_str("\n## No longer in the corpus\n");
        for bookmark in orphans {
            block_quote(&mut out, &bookmark.quote);
            let _ = writeln!(
                out,
                "\n— document “{}”, ¶{} (quoted as saved)",
                bookmark.doc, bookmark.paragraph
            );
            note(&mut out, bookmark);
        }
    }
    out
}

fn block_quote(out: &mut String, text: &str) {
    out.push('\n');
    for line in text.lines() {
        let _ = writeln!(out, "> {line}");
    }
}

fn note(out: &mut String, bookmark: &Bookmark) {
    if !bookmark.note.is_empty() {
        let _ = writeln!(out, "\nNote: {}", bookmark.note);
    }
}
