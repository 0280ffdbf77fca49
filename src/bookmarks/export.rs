//! Bookmarks as Markdown to paste into a report: grouped by document,
//! each passage a block quote with its citation and note. Every text is
//! escaped: a passage or a note is never read as markup.

use super::escape::markdown_line;
use super::{Bookmark, Locator, Place, shown};
use crate::cite::source;
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
        let _ = writeln!(out, "\n{}", markdown_line(&source(doc)));
        for &&(bookmark, place) in &here {
            let text = match place {
                Place::Found { paragraph, .. } => doc.paragraphs[paragraph].to_string(),
                // The passage as it was when bookmarked, said to be so.
                _ => shown(&bookmark.quote),
            };
            block_quote(&mut out, &text);
            let _ = writeln!(out, "\n— {}", pandoc_citation(&doc.id, place.passage()));
            let why = match place {
                Place::Found { .. } => None,
                Place::Changed { .. } => Some("The paragraph has changed since it was bookmarked"),
                Place::Orphaned { .. } => Some("The paragraph is no longer in the document"),
            };
            if let Some(why) = why {
                let _ = writeln!(out, "\n({why}; quoted as saved.)");
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

/// A citation of the document's reference in the structured exports, as
/// pandoc reads it: `[@id, para. 3]`, or `[@id]` for a passage whose
/// paragraph is gone. Ids are ASCII slugs, which a key may hold; braces
/// keep a final `.`, `-` or `_` in the key.
fn pandoc_citation(id: &str, passage: Option<(usize, usize)>) -> String {
    let key = match id.ends_with(|c: char| c.is_ascii_alphanumeric()) {
        true => id.to_string(),
        false => format!("{{{id}}}"),
    };
    match passage {
        Some((_, n)) => format!("[@{key}, para. {}]", n + 1),
        None => format!("[@{key}]"),
    }
}

/// The note as a list item of its own, each of its lines kept (a hard
/// break, `\` at the end of a line) and its paragraphs apart, every line
/// escaped.
fn note(out: &mut String, bookmark: &Bookmark) {
    let note = crate::corpus::clean(&bookmark.note);
    let paragraphs: Vec<Vec<String>> = note
        .split("\n\n")
        .map(|p| {
            p.lines()
                .map(markdown_line)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|p| !p.is_empty())
        .collect();
    for (i, lines) in paragraphs.iter().enumerate() {
        let lead = if i == 0 { "\n- Note: " } else { "\n  " };
        let _ = writeln!(out, "{lead}{}", lines.join("\\\n  "));
    }
}
