//! `nkread list`: the documents, newest first, as a table or JSON.

use super::format::table;
use crate::corpus::Corpus;
use serde::Serialize;

/// One row per document: id, date, kind, title, in aligned columns. In a
/// terminal, a long title wraps under its own column; a terminal too narrow
/// for columns gets each document as a short block instead.
pub(super) fn list_text(corpus: &Corpus, width: Option<usize>) -> String {
    let rows: Vec<[String; 4]> = corpus
        .newest_first()
        .into_iter()
        .map(|i| {
            let d = &corpus.documents[i];
            [
                d.id.clone(),
                d.shown_date(),
                d.kind.to_string(),
                d.shown_title(),
            ]
        })
        .collect();
    table(&rows, width)
}

#[derive(Serialize)]
pub(super) struct ListRow<'a> {
    id: &'a str,
    title: &'a str,
    title_supplied: bool,
    date: Option<String>,
    inferred_date: Option<String>,
    kind: String,
    issuers: Vec<&'a str>,
    paragraphs: usize,
    people: usize,
}

pub(super) fn list_json(corpus: &Corpus) -> Vec<ListRow<'_>> {
    corpus
        .newest_first()
        .into_iter()
        .map(|i| {
            let d = &corpus.documents[i];
            ListRow {
                id: &d.id,
                title: &d.title,
                title_supplied: d.title_supplied,
                date: d.date.map(|d| d.to_string()),
                inferred_date: d.inferred_date.map(|d| d.to_string()),
                kind: d.kind.to_string(),
                issuers: d.issuers(),
                paragraphs: d.paragraphs.len(),
                people: d.people.len(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    fn corpus() -> Corpus {
        Corpus::load(&[]).expect("the bundled corpus loads")
    }

    #[test]
    fn list_wraps_long_titles_under_their_column_in_a_terminal() {
        let corpus = corpus();
        assert_eq!(list_text(&corpus, None).lines().count(), 5);
        let wrapped = list_text(&corpus, Some(120));
        assert!(wrapped.lines().count() > 5);
        for line in wrapped.lines() {
            assert!(line.width() <= 120, "{line:?}");
            let continued = line.starts_with(' ');
            assert!(
                !continued || line.trim_start().width() + 77 == line.width(),
                "{line:?}"
            );
        }
        // Too narrow for a title column: a block per document, id first.
        let stacked = list_text(&corpus, Some(40));
        for line in stacked.lines() {
            assert!(line.width() <= 40 || !line.contains(' '), "{line:?}");
        }
        let ids: Vec<&str> = stacked.lines().filter(|l| l.contains("-20")).collect();
        assert_eq!(ids.len(), 5, "{stacked}");
    }
}
