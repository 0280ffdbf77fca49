//! Dates and places as a capture states them: "March 7, 2017", a dateline
//! "(Seoul – March 7, 2017)", a page's "Date : …" line, a list "as of …".

use super::vocab::WEEKDAYS;
use crate::corpus::PartialDate;
use regex::Regex;
use std::sync::LazyLock;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn month(word: &str) -> Option<u8> {
    let w = word.trim_end_matches(['.', ',']).to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == w || (w.len() == 3 && m.starts_with(&w)))
        .map(|i| i as u8 + 1)
}

fn number(word: &str) -> Option<u16> {
    let w = word.trim_end_matches([',', '.', ')', ';']);
    (!w.is_empty() && w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
}

/// A day of the month: "7", "7,", "8th", "21st,".
fn day_number(word: &str) -> Option<u8> {
    let w = word.trim_end_matches([',', '.', ')', ';']);
    let w = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|o| w.strip_suffix(o))
        .unwrap_or(w);
    number(w).filter(|d| (1..=31).contains(d)).map(|d| d as u8)
}

/// "Washington, D.C.", "SEOUL,", or nothing: capitalised words ending in a
/// comma or an abbreviation's full stop, not a sentence's opening ("Since",
/// "On", "Today,").
fn is_place(place: &str) -> bool {
    let place = place.trim();
    let first = place.split_whitespace().next().unwrap_or("");
    let first = first.trim_end_matches([',', '.']);
    place.is_empty()
        || place.ends_with([',', '.'])
            && place
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase))
            && !crate::import::vocab::opens_sentence(first)
}

/// Every date written out in `text`, at the precision it is written:
/// "March 7, 2017", "7 March 2017", "March 2017"; with the words as written.
pub fn dates_in(text: &str) -> Vec<(PartialDate, String)> {
    // "November 7, 2016--No Chain …": a dash before words ends the year;
    // one between figures ("5–7 March", "2016–2017") is a range, read whole.
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| {
            let dash = w.find("--").or_else(|| w.find(['—', '–']));
            let figure = |s: &str| s.starts_with(|c: char| c.is_ascii_digit());
            match dash {
                Some(i) if figure(w) && !figure(w[i..].trim_start_matches(['-', '—', '–'])) => {
                    &w[..i]
                }
                _ => w,
            }
        })
        .collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let year = |w: &str| number(w).filter(|y| (1900..=2100).contains(y));
        let day = day_number;
        let date = |y, m, d: Option<u8>| {
            let s = match d {
                Some(d) => format!("{y:04}-{m:02}-{d:02}"),
                None => format!("{y:04}-{m:02}"),
            };
            s.parse::<PartialDate>().ok()
        };
        let mut hit = None;
        if let Some(m) = month(words[i]) {
            // March 7, 2017 / March 2017
            if let (Some(d), Some(y)) = (
                words.get(i + 1).and_then(|w| day(w)),
                words.get(i + 2).and_then(|w| year(w)),
            ) {
                hit = date(y, m, Some(d)).map(|p| (p, 3));
            } else if let Some(y) = words.get(i + 1).and_then(|w| year(w)) {
                hit = date(y, m, None).map(|p| (p, 2));
            }
        } else if let (Some(d), Some(m), Some(y)) = (
            day(words[i]),
            words.get(i + 1).and_then(|w| month(w)),
            words.get(i + 2).and_then(|w| year(w)),
        ) {
            hit = date(y, m, Some(d)).map(|p| (p, 3));
        }
        match hit {
            Some((p, n)) => {
                let written = words[i..i + n].join(" ");
                let written = written.trim_end_matches([',', '.', ')']).to_string();
                found.push((p, written));
                i += n;
            }
            None => i += 1,
        }
    }
    found
}

/// A date written in figures: "2019-12-16", "2019.12.16", "2019年12月16日",
/// "2019년 12월 16일", and "12/16/2019" or "16/12/2019" (and "3/29/07"),
/// whose order is read where a part above 12 fixes it. Gives the first one
/// in `text` with its words, or for an order nothing fixes, both readings.
pub fn figures_in(text: &str) -> Option<Figures> {
    static YEAR_FIRST: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^0-9])((\d{4})(?:-(\d{1,2})-(\d{1,2})|\.(\d{1,2})\.(\d{1,2})|/(\d{1,2})/(\d{1,2})|年(\d{1,2})月(\d{1,2})日|년 ?(\d{1,2})월 ?(\d{1,2})일))(?:[^0-9]|$)").ok()
    });
    static DAY_AND_MONTH: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^0-9/])((\d{1,2})/(\d{1,2})/(\d{4}|\d{2}))(?:[^0-9/]|$)").ok()
    });
    let day = |y: u32, m: u32, d: u32| -> Option<PartialDate> {
        format!("{y:04}-{m:02}-{d:02}").parse().ok()
    };
    let num = |c: &regex::Captures, i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
    let first = YEAR_FIRST.as_ref()?.captures(text).and_then(|c| {
        let y = num(&c, 2)?;
        let (m, d) = (3..=11)
            .step_by(2)
            .find_map(|i| Some((num(&c, i)?, num(&c, i + 1)?)))?;
        let p = day(y, m, d).filter(|_| (1900..=2100).contains(&y))?;
        let whole = c.get(1)?;
        Some((whole.start(), Figures::Date(p, whole.as_str().to_string())))
    });
    let second = DAY_AND_MONTH.as_ref()?.captures(text).and_then(|c| {
        let (a, b, y) = (num(&c, 2)?, num(&c, 3)?, num(&c, 4)?);
        let y = match y {
            0..50 => 2000 + y,
            50..100 => 1900 + y,
            y => y,
        };
        let whole = c.get(1)?;
        let written = whole.as_str().to_string();
        let month_first = day(y, a, b).filter(|_| a <= 12);
        let day_first = day(y, b, a).filter(|_| b <= 12);
        let found = match (month_first, day_first) {
            (Some(m), Some(d)) if m != d => Figures::Either(m, d, written),
            (Some(p), _) | (None, Some(p)) => Figures::Date(p, written),
            (None, None) => return None,
        };
        Some((whole.start(), found))
    });
    [first, second]
        .into_iter()
        .flatten()
        .min_by_key(|(at, _)| *at)
        .map(|(_, f)| f)
}

/// A date in figures, or two readings of one.
#[derive(Debug, Clone, PartialEq)]
pub enum Figures {
    Date(PartialDate, String),
    /// Month first, then day first, and the words.
    Either(PartialDate, PartialDate, String),
}

impl Figures {
    pub fn written(&self) -> &str {
        match self {
            Figures::Date(_, w) | Figures::Either(_, _, w) => w,
        }
    }
}

/// Months the text names with no year after them: "on September 27",
/// "in March" (with a day or "in", so that "may" is not a month).
pub fn months_without_year(text: &str) -> Vec<u8> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let year = |w: &str| number(w).is_some_and(|y| (1900..=2100).contains(&y));
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let Some(m) = month(w).filter(|_| w.starts_with(char::is_uppercase)) else {
            continue;
        };
        let next = words.get(i + 1).copied().unwrap_or("");
        let after = words.get(i + 2).copied().unwrap_or("");
        let day = day_number(next).is_some();
        let dated = year(next) || (day && year(after));
        let before_in = i > 0 && matches!(words[i - 1], "in" | "In" | "on" | "On" | "by" | "until");
        if !dated && (day || before_in) {
            out.push(m);
        }
    }
    out
}

/// "March".
pub fn month_name(m: u8) -> String {
    spoken(PartialDate {
        year: 2000,
        month: Some(m),
        day: None,
    })
    .split(' ')
    .next()
    .unwrap_or_default()
    .to_string()
}

/// A dateline opening a paragraph: "(Seoul – March 7, 2017)" or
/// "(New York)". Returns the whole dateline, its place and its date.
pub fn dateline(paragraph: &str) -> Option<(String, Option<String>, Option<PartialDate>)> {
    // "NEW YORK (27 October 2016) –": the place before, the date within.
    if let Some((place, rest)) = paragraph.split_once(" (")
        && !place.is_empty()
        && place.split_whitespace().count() <= 4
        && place
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | ','))
        && let Some((inner, _)) = rest.split_once(')')
        && let Some((date, _)) = dates_in(inner).into_iter().next()
    {
        let whole = paragraph[..place.len() + 2 + inner.len() + 1].to_string();
        let place = place.trim_end_matches(',').to_string();
        return Some((whole, Some(place), Some(date)));
    }
    // "GENEVA, March 14, 2016 — ": a place in capitals, a date, a dash.
    if let Some((head, _)) = [" — ", " -- ", " – ", " - "]
        .iter()
        .filter_map(|d| paragraph.split_once(d))
        .min_by_key(|(h, _)| h.len())
        && head.len() <= 60
        && let Some((place, date)) = head.split_once(", ")
        && !place.is_empty()
        && place
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.'))
        && let Some((d, written)) = dates_in(date).into_iter().next()
        && date.trim().trim_end_matches(',') == written
    {
        return Some((head.to_string(), Some(place.to_string()), Some(d)));
    }
    // "Washington, D.C. November 7, 2016--No Chain …": a place in its own
    // case, then the date, then the dash.
    if let Some((head, _)) = ["--", " — ", " – ", " - "]
        .iter()
        .filter_map(|d| paragraph.split_once(d))
        .min_by_key(|(h, _)| h.len())
        && head.len() <= 60
        && let Some((d, written)) = dates_in(head).pop()
        && let Some(place) = head.trim_end().strip_suffix(written.as_str())
        && is_place(place)
    {
        let place = place.trim().trim_end_matches(',');
        return Some((
            head.to_string(),
            (!place.is_empty()).then(|| place.to_string()),
            Some(d),
        ));
    }
    let inner_end = paragraph.find(')')?;
    let inner = paragraph.strip_prefix('(')?.get(..inner_end - 1)?;
    if inner.chars().count() > 60 {
        return None;
    }
    let whole = paragraph[..=inner_end].to_string();
    let (place, date) = match inner
        .split_once([',', '–', '—'])
        .or_else(|| inner.split_once(" - "))
    {
        Some((p, rest)) => (p.trim(), dates_in(rest).into_iter().next().map(|d| d.0)),
        None => (inner.trim(), None),
    };
    let is_place = !place.is_empty()
        && place.split_whitespace().count() <= 4
        && place
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !place.chars().any(|c| c.is_ascii_digit());
    if !is_place && date.is_none() {
        return None;
    }
    Some((whole, is_place.then(|| place.to_string()), date))
}

/// A day a capture states in its own words or in ISO 8601: "2025-05-12",
/// "Thu May 12 2025 10:00:00 GMT+0200", "May 12, 2025".
pub fn stated(s: &str) -> Option<PartialDate> {
    iso_prefix(s.trim()).or_else(|| {
        dates_in(s)
            .into_iter()
            .map(|d| d.0)
            .find(|d| d.day.is_some())
    })
}

/// A page's metadata date ("2017-03-08T10:00:00+09:00") at day precision.
pub fn iso_prefix(s: &str) -> Option<PartialDate> {
    s.get(..10).and_then(|d| d.parse().ok())
}

/// A date in words, as a note writes it: "March 7, 2017".
pub fn spoken(d: PartialDate) -> String {
    let month = |m: u8| {
        let m = MONTHS[usize::from(m) - 1];
        let mut c = m.chars();
        c.next()
            .map(|f| f.to_uppercase().chain(c).collect::<String>())
            .unwrap_or_default()
    };
    match (d.month, d.day) {
        (Some(m), Some(day)) => format!("{} {day}, {}", month(m), d.year),
        (Some(m), None) => format!("{} {}", month(m), d.year),
        _ => d.year.to_string(),
    }
}

/// Days from 1970-01-01 to a whole date (Howard Hinnant's
/// days-from-civil).
pub fn days(d: PartialDate) -> Option<i64> {
    let (month, day) = (i64::from(d.month?), i64::from(d.day?));
    let year = i64::from(d.year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let yoe = year - era * 400;
    let doy = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// The day of the week of a whole date, Monday 0 (1970-01-01 was a
/// Thursday).
pub fn weekday(d: PartialDate) -> Option<usize> {
    usize::try_from((days(d)? + 3).rem_euclid(7)).ok()
}

/// A news agency's dateline that gives no year: "SEOUL, Feb. 10 (Yonhap)
/// --", "GENEVA, March 14 — ". The dateline, its month and its day.
pub fn yearless_dateline(paragraph: &str) -> Option<(String, u8, u8)> {
    let (head, _) = [" -- ", " — ", " – ", " - "]
        .iter()
        .filter_map(|d| paragraph.split_once(d))
        .min_by_key(|(h, _)| h.len())
        .filter(|(h, _)| h.len() <= 60)?;
    let dated = match head.rsplit_once(" (") {
        Some((before, agency)) if agency.ends_with(')') => before,
        _ => head,
    };
    let (place, date) = dated.split_once(", ")?;
    let capitals = place.split_whitespace().count() <= 4
        && place.chars().any(char::is_uppercase)
        && place
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '.'));
    let [m, d] = date.split_whitespace().collect::<Vec<_>>()[..] else {
        return None;
    };
    let (m, d) = (month(m)?, day_number(d)?);
    capitals.then(|| (head.to_string(), m, d))
}

/// The one day of the week a line names, Monday 0: "Wed, 02/11/2009",
/// "Wednesday, 11/02/2009", "2009.02.11 (수)".
pub fn weekday_named(line: &str) -> Option<usize> {
    let words: Vec<String> = line
        .split(|c: char| !c.is_alphabetic())
        .map(str::to_lowercase)
        .collect();
    let mut named = WEEKDAYS
        .iter()
        .enumerate()
        .filter(|(_, (whole, short, ko, ja))| {
            words.iter().any(|w| w == whole || w == short)
                || [*ko, *ja]
                    .iter()
                    .any(|c| line.contains(&format!("({c})")) || line.contains(&format!("（{c}）")))
        });
    match (named.next(), named.next()) {
        (Some((n, _)), None) => Some(n),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_of_the_week() {
        let day = |s: &str| s.parse::<PartialDate>().expect("a date");
        assert_eq!(weekday(day("1970-01-01")), Some(3));
        assert_eq!(weekday(day("2009-02-11")), Some(2));
        assert_eq!(weekday(day("2000-02-29")), Some(1));
        assert_eq!(weekday(day("2026-12-07")), Some(0));
        assert_eq!(weekday(day("2009-02")), None);
        assert_eq!(weekday_named("Wed, 02/11/2009 - 12:58"), Some(2));
        assert_eq!(weekday_named("2009.02.11 (수)"), Some(2));
        assert_eq!(weekday_named("Sunday"), Some(6));
        // None named, or two: nothing.
        assert_eq!(weekday_named("02/11/2009"), None);
        assert_eq!(weekday_named("Monday to Friday, 02/11/2009"), None);
    }

    /// Each date `text` names, with the words it was read from.
    fn read(text: &str) -> Vec<String> {
        dates_in(text)
            .into_iter()
            .map(|(d, w)| format!("{d} {w}"))
            .collect()
    }

    #[test]
    fn dates_are_read_at_their_precision() {
        let found = read("on March 7, 2017, and 18 March 2024, or in May 2015.");
        assert_eq!(
            found,
            [
                "2017-03-07 March 7, 2017",
                "2024-03-18 18 March 2024",
                "2015-05 May 2015"
            ]
        );
        assert!(dates_in("May we ask, in 2015").is_empty());
        // Ordinal days, a comma after the month, a dash joined to the year.
        let found = read("Sunday, March 5th, 2023 and 21st June, 2020--Then");
        assert_eq!(
            found,
            ["2023-03-05 March 5th, 2023", "2020-06-21 21st June, 2020"]
        );
        assert!(dates_in("the 5th of them, 2023").is_empty());
        // A range is no single day: its month is what it fixes.
        let range: Vec<String> = read("from 5–7 March 2017");
        assert_eq!(range, ["2017-03 March 2017"]);
        assert_eq!(
            months_without_year("on March 5th, 2023 and on May 2nd"),
            [5]
        );
    }

    #[test]
    fn datelines_give_place_and_date() {
        let (whole, place, date) = dateline("(Seoul – March 7, 2017) -- The text.").unwrap();
        assert_eq!(whole, "(Seoul – March 7, 2017)");
        assert_eq!(place.as_deref(), Some("Seoul"));
        assert_eq!(date.unwrap().to_string(), "2017-03-07");
        let (_, place, date) = dateline("(New York) – The text.").unwrap();
        assert_eq!((place.as_deref(), date), (Some("New York"), None));
        assert!(dateline("(a note in brackets) then text").is_none());
        let (whole, place, date) =
            dateline("GENEVA, March 14, 2016 — UN Watch held a meeting today.").unwrap();
        assert_eq!(whole, "GENEVA, March 14, 2016");
        assert_eq!(place.as_deref(), Some("GENEVA"));
        assert_eq!(date.unwrap().to_string(), "2016-03-14");
        let (whole, place, date) =
            dateline("Chicago, Ill. June 2, 2021--The Alliance opened a hearing.").unwrap();
        assert_eq!(whole, "Chicago, Ill. June 2, 2021");
        assert_eq!(place.as_deref(), Some("Chicago, Ill."));
        assert_eq!(date.unwrap().to_string(), "2021-06-02");
        // A sentence before the dash is no dateline, nor is its opening.
        assert!(dateline("The hearing began on June 2, 2021 - and ran late.").is_none());
        for lead in [
            "Since March 2011 – the camps grew.",
            "Today, March 5, 2017 - we ask.",
        ] {
            assert!(dateline(lead).is_none_or(|d| d.2.is_none()), "{lead}");
        }
        assert_eq!(spoken("2017-03-08".parse().unwrap()), "March 8, 2017");
    }
}
