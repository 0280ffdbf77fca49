//! Bookmarks as Markdown to paste into a report: grouped by document,
//! each passage a block quote with its citation and note. Every text is
//! escaped: a passage or a note is never read as markup.

use super::escape::markdown_line;
use super::{Bookmark, Locator, Place, shown};
use crate::cite::{citation, source};
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
        // Text order: where the passage is now, or was.
        here.sort_by_key(|(b, p)| {
            let n = p
                .passage()
                .map_or(b.paragraph.saturating_sub(1), |(_, n)| n);
            (n, b.created.clone())
        });
        let _ = write!(out, "\n## {}\n", markdown_line(&doc.shown_title()));
        for &&(bookmark, place) in &here {
            match place {
                Place::Found { paragraph, .. } => {
                    block_quote(&mut out, &doc.paragraphs[paragraph]);
                    let _ = writeln!(out, "\n— {}", markdown_line(&citation(doc, paragraph)));
                }
                // The passage as it was when bookmarked, said to be so.
                _ => {
                    // A hand-edited paragraph 0 is cited with no number.
                    let cited = match (place.passage(), bookmark.paragraph) {
                        (Some((_, n)), _) => citation(doc, n),
                        (None, 0) => source(doc),
                        (None, n) => citation(doc, n - 1),
                    };
                    block_quote(&mut out, &shown(&bookmark.quote));
                    let _ = writeln!(out, "\n— {}", markdown_line(&cited));
                    let why = match place {
                        Place::Changed { .. } => {
                            "The paragraph has changed since it was bookmarked"
                        }
                        _ => "The paragraph is no longer in the document",
                    };
                    let _ = writeln!(out, "\n({why}; quoted as saved.)");
                }
            }
            note(&mut out, bookmark);
        }
    }
    let orphans: Vec<&Bookmark> = placed
        .iter()
        .filter(|(_, p)| *p == Place::Orphaned { doc: None })
        .map(|(b, _)| *b)
        .collect();
    if !orphans.is_empty() {
        out.push_str("\n## No longer in the corpus\n");
        for bookmark in orphans {
            block_quote(&mut out, &shown(&bookmark.quote));
            let _ = writeln!(
                out,
                "\n— document “{}”, ¶{} (quoted as saved)",
                markdown_line(&shown(&bookmark.doc)),
                bookmark.paragraph
            );
            note(&mut out, bookmark);
        }
    }
    out
}

fn block_quote(out: &mut String, text: &str) {
    out.push('\n');
    for line in text.lines() {
        let _ = writeln!(out, "> {}", markdown_line(line));
    }
}

fn note(out: &mut String, bookmark: &Bookmark) {
    if !bookmark.note.is_empty() {
        let _ = writeln!(out, "\nNote: {}", markdown_line(&shown(&bookmark.note)));
    }
}
