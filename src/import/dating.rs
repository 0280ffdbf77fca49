//! Which date a draft gives, and why: the release's own dateline, then its
//! own date line, then the page's, then the page's metadata, a list's "as
//! of", and last a month the text fixes (inferred, and said to be). A date
//! whose order of day and month nothing fixes is given as neither.

use super::dates::{self, Figures};
use super::structure::Layout;
use crate::cite::authors::join_and;
use crate::corpus::PartialDate;
use std::collections::HashSet;

/// A date a line states, or why it cannot be read: see `stated`.
type Stated = Result<(PartialDate, String), String>;

/// The draft's dates and what the reviewer should check.
#[derive(Debug, Default)]
pub struct Dating {
    pub date: Option<PartialDate>,
    pub note: Option<String>,
    pub inferred: Option<(PartialDate, String)>,
    /// Field and note of each review.
    pub reviews: Vec<(&'static str, String)>,
}

/// A date a line states: written out, or in figures. An order of day and
/// month the figures leave open is read as the text writes that day out
/// elsewhere, or as the line's day of the week fits, if either does; else
/// it is `Err` with both readings.
fn stated(line: &str, written: &HashSet<PartialDate>) -> Option<Stated> {
    if let Some((d, w)) = dates::dates_in(line).into_iter().next() {
        return Some(Ok((d, w)));
    }
    match dates::figures_in(line)? {
        Figures::Date(d, w) => Some(Ok((d, w))),
        Figures::Either(m, d, w) => match (written.contains(&m), written.contains(&d)) {
            (true, false) => Some(Ok((m, w))),
            (false, true) => Some(Ok((d, w))),
            _ => Some(by_weekday(line, m, d).map(|day| (day, w.clone())).ok_or_else(|| {
                format!(
                    "“{w}” may be {} (month first) or {} (day first), and nothing in the text says which",
                    dates::spoken(m),
                    dates::spoken(d)
                )
            })),
        },
    }
}

/// Of two readings of figures, the one whose day of the week is the one
/// the line names, where only one is: "Wed, 02/11/2009" is February 11.
fn by_weekday(line: &str, m: PartialDate, d: PartialDate) -> Option<PartialDate> {
    let named = dates::weekday_named(line)?;
    match (
        dates::weekday(m) == Some(named),
        dates::weekday(d) == Some(named),
    ) {
        (true, false) => Some(m),
        (false, true) => Some(d),
        _ => None,
    }
}

/// A date opening the lead: "(Seoul – March 7, 2017)", "January 8, 2012.",
/// "3/29/07 North Korea (Agency) —".
fn lead_date(
    lead: &str,
    written: &HashSet<PartialDate>,
) -> Option<(String, Option<String>, Result<PartialDate, String>)> {
    if let Some((line, place, Some(d))) = dates::dateline(lead) {
        return Some((line, place, Ok(d)));
    }
    let head: String = lead.chars().take(24).collect();
    let found = stated(&head, written)?;
    let written = match &found {
        Ok((_, w)) => w.clone(),
        Err(_) => dates::figures_in(&head)?.written().to_string(),
    };
    let rest = lead.strip_prefix(written.as_str())?;
    set_apart(rest).then(|| (written, None, found.map(|f| f.0)))
}

/// What follows a date opening a paragraph sets it apart as a dateline: a
/// stop or comma after it ("January 8, 2012. The groups …"), or a dash
/// after a few words of place ("3/29/07 North Korea (Agency) —"). A
/// caption running on from its date ("2018년 3월 22일 오전 서울 …") does not:
/// it dates a photograph, not the text.
fn set_apart(rest: &str) -> bool {
    let stop = rest.starts_with(['.', ',', ':', ';', ')', '—', '–'])
        || rest.starts_with(" —")
        || rest.starts_with(" –")
        || rest.starts_with(" -");
    let dashed = [" — ", " – ", " - ", "--"]
        .iter()
        .filter_map(|d| rest.find(d))
        .min()
        .is_some_and(|at| rest[..at].split_whitespace().count() <= 5);
    stop || dashed
}

/// "[뉴데일리][…] 김정은 ICC에 세울 수 있을까? 2012-10-28": a day in figures
/// ending one of the text's first lines, those figures, and the line.
fn stamped(paragraphs: &[String]) -> Option<(PartialDate, &str, &str)> {
    paragraphs.iter().take(HEAD_PARAGRAPHS).find_map(|p| {
        let last = p.split_whitespace().next_back()?;
        let d = dates::iso_prefix(last).filter(|_| last.len() == 10 && p.len() > last.len())?;
        Some((d, last, p.as_str()))
    })
}

/// An agency's dateline with no year ("SEOUL, Feb. 10 (Yonhap) --") under
/// a board's head is the report's own day; a date `line` giving `page` a
/// week after it at most gives the year. A `page` further off is a
/// repost's, which the dateline contradicts: no date. `None` where no
/// paragraph of the head opens with such a dateline.
fn yearless(paragraphs: &[String], line: &str, page: PartialDate) -> Option<Dating> {
    let (head, m, d) = paragraphs
        .iter()
        .take(HEAD_PARAGRAPHS)
        .find_map(|h| dates::yearless_dateline(h))?;
    let own_day = [page.year, page.year.saturating_sub(1)]
        .map(|year| PartialDate {
            year,
            month: Some(m),
            day: Some(d),
        })
        .into_iter()
        .find(|c| {
            dates::days(page)
                .zip(dates::days(*c))
                .is_some_and(|(page, own)| (0..=7).contains(&(page - own)))
        });
    let gives = format!("the “{line}” line gives {}", dates::spoken(page));
    let mut out = Dating::default();
    match own_day {
        Some(day) => {
            out.date = Some(day);
            out.note = Some(format!(
                "From the release’s dateline “{head}”, which gives no year; {gives}."
            ));
            out.reviews.push((
                "date",
                format!("the dateline “{head}” gives no year: the year is the “{line}” line's"),
            ));
        }
        None => {
            out.note = Some(format!(
                "No date was read: the release’s dateline “{head}” gives no year, and {gives}, not within a week after it."
            ));
            out.reviews.push((
                "date",
                format!("the dateline “{head}” gives no year, and the page's date line is not within a week of it"),
            ));
        }
    }
    Some(out)
}

/// How many paragraphs a board's head may run to (its title in two
/// languages, its poster, the story's headline) before the story.
const HEAD_PARAGRAPHS: usize = 6;

/// How many paragraphs at the head of the text may open with the dateline.
const LEAD_PARAGRAPHS: usize = 3;

pub fn date(layout: &Layout, lead: Option<&str>, published: Option<&str>) -> Dating {
    let mut out = Dating::default();
    let paragraphs = &layout.paragraphs;
    // The days the text writes out, which fix the order of one in figures.
    let written: HashSet<PartialDate> = paragraphs
        .iter()
        .flat_map(|p| dates::dates_in(p))
        .map(|x| x.0)
        .collect();
    let lines: Vec<(&str, bool, Stated)> = layout
        .date_lines
        .iter()
        .filter_map(|(l, own)| stated(l, &written).map(|s| (l.as_str(), *own, s)))
        .collect();
    let own = lines.iter().find(|l| l.1).or_else(|| lines.first());
    let page = lines.first().filter(|p| own.is_some_and(|o| o.0 != p.0));
    let also = |out: &mut String, date: PartialDate| {
        for (line, _, d) in [own, page].into_iter().flatten() {
            if let Ok((d, _)) = d
                && *d != date
            {
                out.push_str(&format!(" The “{line}” line gives {}.", dates::spoken(*d)));
            }
        }
    };
    // A repost may set its own note before the release: the release's
    // dateline opens one of the first paragraphs.
    let heads: Vec<&str> = lead
        .into_iter()
        .chain(
            paragraphs
                .iter()
                .skip(1)
                .take(LEAD_PARAGRAPHS - 1)
                .map(String::as_str),
        )
        .collect();
    let dateline = heads.iter().find_map(|l| lead_date(l, &written));
    if let Some((line, _, found)) = dateline {
        match found {
            Ok(d) => {
                let mut note = format!("From the release’s dateline “{line}”.");
                also(&mut note, d);
                out.date = Some(d);
                out.note = Some(note);
                return out;
            }
            Err(why) => {
                out.reviews.push(("date", format!("the dateline's {why}")));
            }
        }
    }
    if let Some((line, _, Ok((page, _)))) = own
        && let Some(mut dated) = yearless(paragraphs, line, *page)
    {
        dated.reviews.splice(0..0, out.reviews);
        return dated;
    }
    if let Some((line, _, found)) = own {
        match found {
            // A board's date line may be its repost's: a story's own day
            // ending a line of its head, and before it, is the story's.
            Ok((d, _))
                if let Some((s, stamp, stamp_line)) =
                    stamped(paragraphs).filter(|s| d.surely_after(s.0)) =>
            {
                out.date = Some(s);
                out.note = Some(format!(
                    "From “{stamp}”, the day that ends the line “{}”; the page’s “{line}” line gives {}, later, as a repost's would be.",
                    stamp_line,
                    dates::spoken(*d)
                ));
                out.reviews.push((
                    "date",
                    format!("read from “{stamp}” ending a line of the text, not from a date line: is it the story's own?"),
                ));
                return out;
            }
            Ok((d, _)) => {
                let mut note = format!("From the “{line}” line.");
                if let Some((pl, _, Ok((p, _)))) = page
                    && p != d
                {
                    note = format!(
                        "From the document’s own “{line}” line; the page’s “{pl}” line gives {}.",
                        dates::spoken(*p)
                    );
                }
                out.date = Some(*d);
                out.note = Some(note);
                return out;
            }
            Err(why) => out.reviews.push(("date", why.clone())),
        }
    }
    if !out.reviews.is_empty() {
        out.note =
            Some("The capture’s date is written in figures whose order it does not fix.".into());
        return out;
    }
    if let Some(d) = published.and_then(dates::iso_prefix) {
        out.date = Some(d);
        out.note = Some("From the page’s metadata (its publication time).".to_string());
        out.reviews.push((
            "date",
            "the page's metadata date, which may be the page's rather than the document's".into(),
        ));
        return out;
    }
    if let Some((d, written)) = layout
        .people_heading
        .as_deref()
        .and_then(|h| h.split_once("as of ").map(|(_, r)| dates::dates_in(r)))
        .and_then(|found| found.into_iter().next())
    {
        out.inferred = Some((
            PartialDate {
                year: d.year,
                month: None,
                day: None,
            },
            format!(
                "The signatures are listed “as of {written}”; the day the document was issued is not given."
            ),
        ));
        out.note = Some(format!(
            "No date of issue was read from the capture; it lists the signatures “as of {written}”."
        ));
        out.reviews.push((
            "inferred_date",
            "the year of the list's \"as of\" date".into(),
        ));
        return out;
    }
    infer(paragraphs, &mut out);
    out
}

/// A release or letter is written around the latest day its text names (a
/// vote it welcomes, a session it looks to): its month is inferred, and
/// said to be; unless the text names a later month without a year, which
/// may be after it.
fn infer(paragraphs: &[String], out: &mut Dating) {
    // Days in figures count as much as days in words ("7/29/2013").
    let named: Vec<(PartialDate, String)> = paragraphs
        .iter()
        .flat_map(|p| {
            let figures = match dates::figures_in(p) {
                Some(Figures::Date(d, w)) => Some((d, w)),
                _ => None,
            };
            dates::dates_in(p).into_iter().chain(figures)
        })
        .collect();
    let Some((latest, written)) = named.iter().max_by_key(|d| d.0) else {
        out.note = Some("No date was read from the capture.".to_string());
        out.reviews
            .push(("date", "no date in the capture".to_string()));
        return;
    };
    let later_without_year = paragraphs
        .iter()
        .flat_map(|p| dates::months_without_year(p))
        .find(|m| latest.month.is_some_and(|l| *m > l));
    if let Some(m) = later_without_year {
        out.note = Some(format!(
            "No date was read from the capture. Its latest dated day is “{written}”, but it also names {} without a year.",
            dates::month_name(m)
        ));
        out.reviews.push((
            "date",
            "no date in the capture, and the text's dates do not fix one".into(),
        ));
        return;
    }
    let month = PartialDate {
        day: None,
        ..*latest
    };
    let all: Vec<String> = named.iter().map(|d| format!("“{}”", d.1)).collect();
    out.inferred = Some((
        month,
        format!(
            "The latest date the text names is “{written}”; the document is taken to be of that month."
        ),
    ));
    out.note = Some(format!(
        "No date line or dateline was read from the capture; the inferred date is the month of the latest date its text names ({}).",
        join_and(&all)
    ));
    out.reviews.push((
        "inferred_date",
        format!("inferred: the month of “{written}”, the latest date the text names; the document may be later"),
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(paragraphs: &[&str]) -> Layout {
        Layout {
            paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
            ..Layout::default()
        }
    }

    /// The dating of `l`, its first paragraph the lead, with no metadata.
    fn dated(l: &Layout) -> Dating {
        date(l, l.paragraphs.first().map(String::as_str), None)
    }

    fn day(s: &str) -> PartialDate {
        s.parse().expect("a date")
    }

    #[test]
    fn a_reposts_note_before_the_releases_dateline() {
        let l = layout(&[
            "ICC Note: For several years now the country has been the worst.",
            "7/29/2013 North Korea (CSW) – On the 60th anniversary of the end of the war, CSW is calling.",
        ]);
        let d = dated(&l);
        assert_eq!(d.date, Some(day("2013-07-29")));
        assert!(d.note.is_some_and(|n| n.contains("7/29/2013")));
    }

    #[test]
    fn a_story_reposted_later_keeps_its_own_day() {
        let mut l = layout(&[
            "[뉴데일리][국제심포지엄] 김정은 ICC에 세울 수 있을까? 2012-10-28",
            "The symposium met.",
        ]);
        l.date_lines = vec![("2016-06-30 10:53:23 | Hit 1186".to_string(), true)];
        let d = dated(&l);
        assert_eq!(d.date, Some(day("2012-10-28")));
        assert!(d.reviews.iter().any(|r| r.0 == "date"));
        let note = d.note.expect("a note");
        assert!(
            note.contains("2012-10-28") && note.contains("June 30, 2016"),
            "{note}"
        );
        // A day after the page's is no story's own: the page's date stands.
        l.paragraphs[0] = "A line that ends with 2017-01-02".to_string();
        let d = dated(&l);
        assert_eq!(d.date, Some(day("2016-06-30")));
    }

    #[test]
    fn a_caption_running_on_from_its_date_is_no_dateline() {
        for lead in [
            "2018년 3월 22일 오전 서울 종로구 청와대 앞에서 단체 대표들이 모여 촉구하고 있다.",
            "March 3, 2012 was the day the groups met, and they wrote.",
        ] {
            let l = layout(&[lead]);
            assert_eq!(dated(&l).date, None, "{lead}");
        }
        for lead in [
            "January 8, 2012. The groups today released a letter.",
            "3/29/2007 North Korea (Agency) — The groups wrote.",
            "2012-01-08 — The groups wrote.",
        ] {
            let l = layout(&[lead]);
            assert!(dated(&l).date.is_some(), "{lead}");
        }
    }

    #[test]
    fn a_later_paragraph_opening_with_a_date_is_no_dateline() {
        let l = layout(&[
            "The groups wrote to the Council.",
            "They met in May.",
            "The Council answered.",
            "2014-02-17 The Commission published its report.",
        ]);
        let d = dated(&l);
        assert_eq!(d.date, None);
    }

    #[test]
    fn days_in_figures_count_for_the_inferred_month() {
        let l = layout(&[
            "The war ended on 27 July 1953.",
            "The letter of 3/29/2012 was answered.",
        ]);
        let d = dated(&l);
        assert_eq!(d.date, None);
        assert_eq!(d.inferred.map(|i| i.0), Some(day("2012-03")));
    }

    #[test]
    fn the_note_says_what_was_read_not_what_the_capture_holds() {
        let l = layout(&["No day is written here at all."]);
        let d = dated(&l);
        assert_eq!(
            d.note.as_deref(),
            Some("No date was read from the capture.")
        );
    }

    #[test]
    fn a_day_of_the_week_fixes_the_order_of_figures() {
        let mut l = layout(&["The groups wrote to the Council."]);
        // February 11, 2009 was a Wednesday; November 2, 2009 a Monday.
        for (line, read) in [
            ("Wed, 02/11/2009 - 12:58", Some("2009-02-11")),
            ("Monday, 02/11/2009", Some("2009-11-02")),
            ("02/11/2009 (월)", Some("2009-11-02")),
            ("02/11/2009 (水)", Some("2009-02-11")),
            ("Friday, 02/11/2009", None),
            ("02/11/2009", None),
        ] {
            l.date_lines = vec![(line.to_string(), true)];
            let d = dated(&l);
            assert_eq!(d.date, read.map(day), "{line}");
            if read.is_none() {
                assert!(d.reviews.iter().any(|r| r.0 == "date"), "{line}");
            }
        }
    }

    #[test]
    fn an_agencys_dateline_with_no_year_takes_the_year_of_a_date_line_days_later() {
        let mut l = layout(&[
            "SEOUL, Feb. 10 (Yonhap) -- Rights groups on Tuesday urged the president to act.",
        ]);
        l.date_lines = vec![("Wed, 02/11/2009 - 12:58".to_string(), false)];
        let d = dated(&l);
        assert_eq!(d.date, Some(day("2009-02-10")));
        assert!(d.reviews.iter().any(|r| r.0 == "date"));
        assert!(
            d.note
                .is_some_and(|n| n.contains("SEOUL, Feb. 10 (Yonhap)"))
        );
        // Across a new year.
        l.paragraphs[0] = "GENEVA, Dec. 30 -- The groups wrote.".to_string();
        l.date_lines = vec![("2010-01-02".to_string(), false)];
        assert_eq!(dated(&l).date, Some(day("2009-12-30")));
        // A date line long after the dateline is a repost's, and the
        // dateline's day contradicts it: no date.
        l.date_lines = vec![("2010-03-02".to_string(), false)];
        let d = dated(&l);
        assert_eq!(d.date, None);
        assert!(d.reviews.iter().any(|r| r.0 == "date"));
    }
}
