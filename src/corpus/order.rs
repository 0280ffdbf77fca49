//! The orders the document list can take.

use super::Corpus;

/// The order of the document list.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ListOrder {
    /// Newest first, undated last.
    #[default]
    Newest,
    /// Oldest first, undated last.
    Oldest,
    /// By title, A to Z.
    Title,
}

impl ListOrder {
    /// Each order with its name in the config file.
    pub const ALL: [(&str, ListOrder); 3] = [
        ("newest", ListOrder::Newest),
        ("oldest", ListOrder::Oldest),
        ("title", ListOrder::Title),
    ];

    /// The documents' indices in this order; ties go by title.
    pub fn order(self, corpus: &Corpus) -> Vec<usize> {
        if self == ListOrder::Newest {
            return corpus.newest_first();
        }
        let mut order: Vec<usize> = (0..corpus.documents.len()).collect();
        order.sort_by_cached_key(|&i| {
            let doc = &corpus.documents[i];
            let date = match self {
                ListOrder::Oldest => Some((doc.sort_date().is_none(), doc.sort_date())),
                _ => None,
            };
            (date, doc.shown_title().to_lowercase())
        });
        order
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::model::PartialDate;

    #[test]
    fn the_list_can_be_ordered_oldest_first_or_by_title() {
        let corpus = Corpus::load(&[]).unwrap();
        let newest = ListOrder::Newest.order(&corpus);
        let oldest = ListOrder::Oldest.order(&corpus);
        let dated = |o: &[usize]| -> Vec<usize> {
            o.iter()
                .copied()
                .filter(|&i| corpus.documents[i].sort_date().is_some())
                .collect()
        };
        let mut reversed = dated(&newest);
        reversed.reverse();
        assert_eq!(dated(&oldest), reversed);
        let titles: Vec<String> = ListOrder::Title
            .order(&corpus)
            .iter()
            .map(|&i| corpus.documents[i].shown_title().to_lowercase())
            .collect();
        assert!(titles.is_sorted());
    }

    #[test]
    fn newest_first_breaks_ties_by_title_then_by_the_corpus_order() {
        let mut corpus = Corpus::load(&[]).unwrap();
        let template = corpus.documents[0].clone();
        let date = |year, month| PartialDate {
            year,
            month,
            day: None,
        };
        let shapes = [
            (Some(date(2020, Some(3))), None, "b"),
            (None, None, "a"),
            (Some(date(2020, None)), None, "a"),
            (None, Some(date(2020, Some(3))), "a"),
            (Some(date(2020, Some(3))), None, "b"),
            (None, None, "c"),
            (None, None, "a"),
            (Some(date(2021, Some(1))), None, "z"),
        ];
        corpus.documents = shapes
            .iter()
            .map(|&(date, inferred, title)| {
                let mut doc = template.clone();
                (doc.date, doc.inferred_date, doc.title) = (date, inferred, title.into());
                doc
            })
            .collect();
        // Newest first, undated last, then by title; ties as they came.
        assert_eq!(corpus.newest_first(), [7, 3, 0, 4, 2, 1, 6, 5]);
    }
}
