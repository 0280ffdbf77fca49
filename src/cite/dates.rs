//! Dates as a citation writes them: "18 December 2014", and a date the
//! text implies marked "c.", never as if the source gave it.

use crate::corpus::{Document, PartialDate};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "18 December 2014", "December 2014" or "2014".
pub fn long_date(date: PartialDate) -> String {
    let month = date
        .month
        .and_then(|m| MONTHS.get(usize::from(m).wrapping_sub(1)));
    match (date.day, month) {
        (Some(day), Some(month)) => format!("{day} {month} {}", date.year),
        (_, Some(month)) => format!("{month} {}", date.year),
        _ => date.year.to_string(),
    }
}

/// The document's date as cited: the source's, or "c. December 2014" for
/// one its text implies; `None` when it has neither.
pub fn cited_date(doc: &Document) -> Option<String> {
    match (doc.date, doc.inferred_date) {
        (Some(date), _) => Some(long_date(date)),
        (None, Some(inferred)) => Some(format!("c. {}", long_date(inferred))),
        (None, None) => None,
    }
}
