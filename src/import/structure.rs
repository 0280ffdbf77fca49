//! The shape of a capture: which lines are chrome, which are the headline,
//! the metadata, the text and the people lists. Nothing here rewrites a
//! line; each is assigned to one place, or set aside verbatim.

use super::page::Line;
use super::vocab::{
    ADDRESS_STARTS, ADDRESS_WORDS, DATE_LABELS, HONORIFICS, KIND_LABELS, KOREAN_GROUPS,
    KOREAN_LIST_ENDINGS, KOREAN_LIST_OPENER, KOREAN_SIGNED, KOREAN_TITLES, LIST_HEADINGS,
    MENU_LINES, META_ROWS, NEWS_AGENCIES, ORGANIZATION_SECTIONS, PERSON_SECTIONS, STATE_SECTIONS,
    TITLE_NOUNS,
};
use crate::corpus::{PartialDate, PersonKind, Role};
use regex::Regex;
use std::sync::LazyLock;

/// Where each line of a capture went.
#[derive(Debug, Default)]
pub struct Layout {
    pub title: Option<String>,
    pub subtitle: Option<String>,
    pub paragraphs: Vec<String>,
    /// Lines set aside, verbatim, with why.
    pub omitted: Vec<(String, &'static str)>,
    /// Lines that only give a date ("Date : March 8, 2017", "Written:
    /// 2023-08-02 11:09", "October 14, 2020"), each with whether it comes
    /// after the headline, where a letter or release gives its own date.
    pub date_lines: Vec<(String, bool)>,
    /// Reporters a byline names ("By NAME", "NAME 기자").
    pub bylines: Vec<String>,
    /// Bodies a credit line names as the text's source: "From Human Rights
    /// Watch", "Source: Thai Public Broadcasting Service (ThaiPBS)",
    /// "/연합뉴스".
    pub credited: Vec<String>,
    /// The speaker a statement's head names on a line of its own, and the
    /// title line under it: "Morgan Ortagus / Department Spokesperson".
    pub signed: Option<(String, String)>,
    /// What a metadata row states: "Publisher | NAME", "URL: https://…".
    pub publisher: Option<String>,
    pub url: Option<String>,
    /// A line at the head of a text capture saying when it was saved
    /// ("Accessed: May 12, 2025", "Retrieved 2025-05-12"), and that day.
    pub saved_line: Option<(String, PartialDate)>,
    /// "This entry was posted in TAGS by NAME."
    pub posted: Option<(Vec<String>, String)>,
    pub people_heading: Option<String>,
    pub lists: Vec<ListEntry>,
}

/// A line of a signature or member list, with what its list says of it.
#[derive(Debug, Clone, PartialEq)]
pub struct ListEntry {
    pub text: String,
    pub role: Role,
    /// From a sub-heading ("Individuals:"), where the list has one.
    pub kind: Option<PersonKind>,
    /// Several entries in one sentence: "[Co-signors include A, B, and C]".
    pub bracketed: bool,
}

fn lower(s: &str) -> String {
    s.to_lowercase()
}

fn ends_sentence(text: &str) -> bool {
    text.ends_with([
        '.', '!', '?', '…', '"', '”', '’', ')', ';', ':', ',', '。', '！', '？', '」', '』', '）',
    ])
}

/// "Press Statement", "보도자료": a line naming what kind of document
/// follows, not which.
pub fn names_a_kind(text: &str) -> bool {
    KIND_LABELS.contains(&lower(text.trim_end_matches(':')).as_str())
}

/// An address block's line: "Zhongnanhai Ximen, Fuyou Street", "Seoul
/// 03048", "1 Cheongwadae-ro, Jongno-gu".
fn is_address(text: &str) -> bool {
    let l = lower(text);
    let words = text.split_whitespace().count();
    words <= 8
        && (ADDRESS_WORDS.iter().any(|w| {
            l.split([' ', ','])
                .any(|x| x == *w || x.ends_with(&format!("-{w}")))
        }) || (text.contains(", ")
            && text
                .split_whitespace()
                .any(|w| w.len() >= 4 && w.chars().all(|c| c.is_ascii_digit()))))
}

/// A line that reads as a headline: short, no sentence end, not a dateline.
fn is_headline(line: &Line) -> bool {
    if let Some(level) = line.heading {
        return level <= 3;
    }
    let t = &line.text;
    let first = t.chars().next().unwrap_or(' ');
    // A headline in quotation marks: "“Camps must close,” say groups".
    let quoted = matches!(first, '“' | '"') && t.ends_with(['”', '"']);
    let words = t.split_whitespace().count();
    // Japanese and Chinese write no spaces: a long line is text.
    (!ends_sentence(t) || (quoted && words <= 20))
        && words <= 40
        && t.chars().count() <= 250
        && !ADDRESS_STARTS.iter().any(|a| t.starts_with(a))
        && !is_address(t)
        && (first.is_uppercase()
            || first.is_ascii_digit()
            || (first.is_alphabetic() && !first.is_lowercase())
            || matches!(first, '“' | '"' | '‘' | '\'' | '['))
        && !t.starts_with('(')
        && !lower(t).starts_with("dear ")
}

/// "Date : March 8, 2017", "Posted on …", "Written: 2023-08-02 11:09:59",
/// "Oct 14, 2020 | News", "입력 2014-12-23 08:17": a line that gives a date
/// and little else.
fn is_date_line(text: &str) -> bool {
    let l = lower(text);
    let labelled = DATE_LABELS.iter().any(|p| l.starts_with(p));
    let found = super::dates::dates_in(text)
        .into_iter()
        .next()
        .map(|d| d.1)
        .or_else(|| super::dates::figures_in(text).map(|f| f.written().to_string()));
    let Some(written) = found else {
        return false;
    };
    let rest = text.replacen(&written, " ", 1);
    let words = rest
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '–' | '—' | '-' | ':' | ',' | '·'))
        .filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit()))
        .count();
    !text.ends_with('.') && (labelled || words <= 2) && words <= 8
}

/// A metadata row, "Label | value" or "Label: value": its field and value.
fn meta_row(text: &str) -> Option<(&'static str, &str)> {
    // A database's "[Title] …", "[Date] …", "[Source] …" first: the title
    // may hold any separator.
    let (label, value) = text
        .strip_prefix('[')
        .and_then(|t| t.split_once("] "))
        .or_else(|| text.split_once(" | "))
        .or_else(|| text.split_once(": "))
        .or_else(|| text.split_once('\t'))?;
    let label = lower(label.trim().trim_end_matches(':'));
    let value = value.trim();
    let field = META_ROWS
        .iter()
        .find(|(l, _)| *l == label)
        .map(|(_, f)| *f)?;
    (!value.is_empty()).then_some((field, value))
}

/// "From Human Rights Watch", "Source: NAME (ACR)": a repost's credit of
/// its source; "/연합뉴스", "GENEVA Yonhap": a news agency signing off its
/// report, after its place in capitals. The body credited.
fn credit(text: &str) -> Option<&str> {
    if let Some(agency) = text.strip_prefix('/').map(str::trim) {
        return NEWS_AGENCIES.contains(&agency).then_some(agency);
    }
    let signed_off = NEWS_AGENCIES.iter().find(|a| {
        text.strip_suffix(**a)
            .and_then(|place| place.strip_suffix(' '))
            .is_some_and(|place| {
                (1..=3).contains(&place.split_whitespace().count())
                    && place.chars().any(char::is_alphabetic)
                    && place
                        .chars()
                        .all(|c| c.is_uppercase() || matches!(c, ' ' | '.' | ','))
            })
    });
    if let Some(agency) = signed_off {
        return Some(agency);
    }
    text.strip_prefix("From ")
        .or_else(|| text.strip_prefix("Source: "))
        .map(str::trim)
        .filter(|rest| rest.split_whitespace().count() <= 6 && super::names::is_body_name(rest))
}

/// The reporter a byline names: "By Brian Lee", "김영석 기자 yskim@kmib.co.kr".
fn byline(text: &str) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if let Some(name) = text
        .strip_prefix("By ")
        .or_else(|| text.strip_prefix("by "))
    {
        let name = super::names::strip_article(name.trim());
        let body = words.len() <= 14 && super::names::is_body_name(name);
        return (body || (words.len() <= 5 && super::names::is_person_name(name)))
            .then(|| name.to_string());
    }
    // "This article, written by Yang Jung, was first released on …": a
    // repost's credit of its author.
    static CREDITED: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"^This (?:article|story|piece|report|commentary),? (?:was )?(?:written|reported) by ([^,]{3,60}),").ok()
    });
    if let Some(name) = CREDITED
        .as_ref()
        .and_then(|r| r.captures(text))
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().trim())
        .filter(|n| super::names::is_person_name(n) || super::names::is_body_name(n))
    {
        return (words.len() <= 40).then(|| name.to_string());
    }
    let at = words.iter().position(|w| *w == "기자")?;
    let name = words.get(at.checked_sub(1)?)?;
    let rest_is_address = words[at + 1..].iter().all(|w| w.contains('@'));
    (words.len() <= 4 && rest_is_address && super::names::is_person_name(name))
        .then(|| name.to_string())
}

/// "Ms. Elizabeth Salmón", "H.E. Mr. António Guterres" under a letter's
/// headline: its address block opens the text.
fn addressee(text: &str, headlines: &[(&str, Option<u8>, bool)]) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    !headlines.is_empty()
        && HONORIFICS.contains(&first.trim_end_matches('.'))
        && text.split_whitespace().count() <= 6
        && super::names::person_after_title(text).is_some()
}

/// "Kim Jong Un / Chairman, State Affairs Commission … / Building of …,
/// Pyongyang": a name and title over an address open a letter's text.
fn addressed(lines: &[&Line], i: usize) -> bool {
    let text = |k: usize| lines.get(k).map_or("", |l| l.text.as_str());
    is_signature(text(i), text(i + 1))
        && (2..=4)
            .any(|k| is_address(text(i + k)) && super::dates::dates_in(text(i + k)).is_empty())
}

/// A speaker's name on a line of its own with a title line under it, at
/// the head of a statement: "Morgan Ortagus" then "Department
/// Spokesperson", "모르간 오르타거스" then "국무부 대변인".
fn is_signature(name: &str, title: &str) -> bool {
    let hangul_name = {
        let words: Vec<&str> = name.split_whitespace().collect();
        words.len() == 2
            && words
                .iter()
                .all(|w| w.chars().count() <= 5 && w.chars().all(super::names::is_hangul))
    };
    let words: Vec<&str> = title.split_whitespace().collect();
    let titled = words.iter().any(|w| {
        TITLE_NOUNS.contains(&lower(w.trim_matches(',')).as_str()) || KOREAN_TITLES.contains(w)
    });
    let named = super::names::person_after_title(name).is_some_and(|(_, office)| office.is_none());
    (named || hangul_name) && titled && words.len() <= 10 && !ends_sentence(title)
}

/// A capture's last line cut off mid-sentence: no sentence's end, and a
/// word cut or left hanging ("… the South Korean government is wil"), or a
/// long line that stops (not a list's entry, which ends on a name).
fn is_cut(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    let last = words.last().copied().unwrap_or("");
    let hanging = last.starts_with(char::is_lowercase) || last.ends_with('\u{fffd}');
    // A comma ends a salutation ("Sincerely,"), not a long line.
    let ended = ends_sentence(text) && !(text.ends_with(',') && words.len() >= 8);
    words.len() >= 2 && !ended && (hanging || (words.len() >= 8 && !text.contains(" / ")))
}

/// The day in "Accessed: May 12, 2025", "Retrieved on 2025-05-12",
/// "Saved: …": a line that says when the capture was made.
fn saved_day(text: &str) -> Option<PartialDate> {
    let l = lower(text);
    let saying = [
        "accessed",
        "date accessed",
        "retrieved",
        "captured",
        "saved:",
        "saved on",
        "page saved",
    ];
    if !saying.iter().any(|p| l.starts_with(p)) {
        return None;
    }
    super::dates::stated(text.split_once([':', ' ']).map_or(text, |(_, rest)| rest))
}

/// "This entry was posted in A, B by NAME."
fn posted_in(text: &str) -> Option<(Vec<String>, String)> {
    let rest = text.strip_prefix("This entry was posted in ")?;
    let rest = rest.strip_suffix('.').unwrap_or(rest);
    let (tags, by) = rest.rsplit_once(" by ")?;
    let tags = tags
        .split(", ")
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect();
    Some((tags, by.trim().to_string()))
}

/// The heading of a signature or member list, and the role it gives.
pub fn list_heading(text: &str) -> Option<Role> {
    // "다음은 이날 기자회견을 공동 주최한 단체다." (the following are the
    // groups that co-hosted …): members, or signatories where they signed.
    if text.starts_with(KOREAN_LIST_OPENER)
        && KOREAN_LIST_ENDINGS.iter().any(|e| text.ends_with(e))
        && text.chars().count() <= 60
    {
        return Some(match text.contains(KOREAN_SIGNED) {
            true => Role::Signatory,
            false => Role::Member,
        });
    }
    let l = lower(text);
    let words = text.split_whitespace().count();
    let named = LIST_HEADINGS.iter().any(|h| l.starts_with(h));
    let include = l.ends_with(" include:") || l.ends_with(" includes:");
    if words > 15 || !(named || include) || (ends_sentence(text) && !text.ends_with([':', ')'])) {
        return None;
    }
    // "Signatures needed for Petition to ICC": a headline that begins with
    // the word, not a list's heading, which ends with a colon or is short.
    if named && !text.ends_with([':', ')']) && words > 4 {
        return None;
    }
    Some(if l.contains("member") || l.contains("supporter") {
        Role::Member
    } else {
        Role::Signatory
    })
}

/// What a list's heading says its entries are: "Signatory organizations:",
/// "… 공동 주최한 단체다." (groups).
fn heading_kind(heading: &str) -> Option<PersonKind> {
    let l = lower(heading);
    let bodies = l
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| ORGANIZATION_SECTIONS.contains(&w))
        || heading.contains(KOREAN_GROUPS);
    bodies.then_some(PersonKind::Organization)
}

fn section_kind(text: &str) -> Option<PersonKind> {
    let l = lower(text.trim_end_matches(':'));
    if !text.ends_with(':') && text.split_whitespace().count() > 3 {
        return None;
    }
    if PERSON_SECTIONS.contains(&l.as_str()) {
        Some(PersonKind::Person)
    } else if ORGANIZATION_SECTIONS.contains(&l.as_str()) {
        Some(PersonKind::Organization)
    } else if STATE_SECTIONS.contains(&l.as_str()) {
        Some(PersonKind::State)
    } else {
        None
    }
}

/// "[Co-signors include A, B, and C]": the heading and the list's text.
pub fn bracketed_list(text: &str) -> Option<(String, String)> {
    let inner = text.strip_prefix('[')?.strip_suffix(']')?;
    for verb in [" include ", " includes ", " included "] {
        if let Some(at) = inner.find(verb) {
            let heading = &inner[..at + verb.len() - 1];
            if list_heading(&format!("{heading}:")).is_some() || heading.contains("sign") {
                return Some((heading.to_string(), inner[at + verb.len()..].to_string()));
            }
        }
    }
    None
}

/// A line that ends a list: prose, not an entry.
fn is_prose(line: &Line) -> bool {
    let t = &line.text;
    let words = t.split_whitespace().count();
    // A sentence, or two: "Excerpts of a letter from … Responses needed by …:".
    let sentences = t.contains(". ") && words > 14 && !t.contains(" / ");
    let cjk = t.ends_with('。') && t.chars().count() > 30;
    // A Korean sentence ends in its verb: "… 모인다." No name does.
    let korean = t.ends_with("다.") || t.ends_with("요.");
    (t.ends_with('.') && words > 14 && !t.contains(" / "))
        || sentences
        || cjk
        || korean
        || words > 60
}

impl Layout {
    /// Takes a metadata row's fact and sets the row aside; false if `t` is
    /// not one.
    fn take_row(&mut self, t: &str) -> bool {
        let Some((field, value)) = meta_row(t) else {
            return false;
        };
        match field {
            "publisher" if self.publisher.is_none() => self.publisher = Some(value.to_string()),
            // A row naming the title is the title: over the text, or
            // anywhere in a database's bracketed form ("[Title] …").
            "title"
                if self.title.is_none() && (self.paragraphs.is_empty() || t.starts_with('[')) =>
            {
                self.title = Some(value.to_string());
            }
            "url" if self.url.is_none() && super::html::is_web_address(value) => {
                self.url = Some(value.to_string());
            }
            // A table's date row; "Date : …" lines are read as date lines.
            "date" if !t.contains(": ") && is_date_line(value) => {
                self.date_lines.push((t.to_string(), false));
            }
            _ => return false,
        }
        self.omitted.push((t.to_string(), "metadata"));
        true
    }
}

/// Where each line goes. A text capture (`cut` true) may end mid-sentence
/// where the capture stopped: that line is set aside.
pub fn lay_out(lines: &[Line], cut: bool) -> Layout {
    let mut layout = Layout::default();
    let mut lines: Vec<&Line> = lines.iter().filter(|l| !l.text.is_empty()).collect();
    if cut
        && lines.len() > 1
        && lines
            .last()
            .is_some_and(|l| is_cut(&l.text) && byline(&l.text).is_none())
    {
        let last = lines.pop().map(|l| l.text.clone()).unwrap_or_default();
        layout.omitted.push((last, "cut off"));
    }
    let mut i = 0;
    // The head: chrome, metadata and headlines before the first text.
    // Headlines, each with whether a line of chrome came before it.
    let mut headlines: Vec<(&str, Option<u8>, bool)> = Vec::new();
    let mut chrome_before = false;
    while i < lines.len() {
        let line = lines[i];
        let t = line.text.as_str();
        if layout.take_row(t) {
        } else if let Some(day) = saved_day(t).filter(|_| layout.saved_line.is_none()) {
            layout.saved_line = Some((t.to_string(), day));
            layout.omitted.push((t.to_string(), "metadata"));
        } else if is_date_line(t) {
            layout
                .date_lines
                .push((t.to_string(), !headlines.is_empty()));
            layout.omitted.push((t.to_string(), "metadata"));
        } else if let Some(name) = byline(t) {
            layout.bylines.push(name);
            layout.omitted.push((t.to_string(), "metadata"));
        } else if let Some(title) = lines
            .get(i + 1)
            .map(|l| l.text.as_str())
            .filter(|next| layout.signed.is_none() && is_signature(t, next))
            // A letter's addressee stands over their address.
            .filter(|_| {
                lines.get(i + 2).is_none_or(|l| {
                    let dated = !super::dates::dates_in(&l.text).is_empty();
                    dated
                        || !is_address(&l.text) && !l.text.starts_with(|c: char| c.is_ascii_digit())
                })
            })
        {
            layout.signed = Some((t.to_string(), title.to_string()));
            layout.omitted.push((t.to_string(), "metadata"));
            layout.omitted.push((title.to_string(), "metadata"));
            i += 1;
        } else if let Some(body) = credit(t) {
            layout.credited.push(body.to_string());
            layout.omitted.push((t.to_string(), "metadata"));
        } else if line.chrome && line.heading.is_none() || is_chrome(t) {
            layout.omitted.push((t.to_string(), "chrome"));
            // A menu: a label of one, or a row of them ("World | Trade | …").
            let menu = MENU_LINES.contains(&lower(t).as_str()) || menu_row(t);
            chrome_before |= !headlines.is_empty() && menu;
        } else if is_headline(line)
            && list_heading(t).is_none()
            && !addressee(t, &headlines)
            && !addressed(&lines, i)
        {
            headlines.push((t, line.heading, chrome_before));
            chrome_before = false;
        } else {
            break;
        }
        i += 1;
    }
    let head_omitted = layout.omitted.len();
    let mut list: Option<(Role, Option<PersonKind>)> = None;
    for line in &lines[i..] {
        let t = line.text.as_str();
        if let Some(body) = credit(t).filter(|_| list.is_none()) {
            layout.credited.push(body.to_string());
            layout.omitted.push((t.to_string(), "metadata"));
        } else if line.chrome && line.heading.is_none() || is_chrome(t) {
            list = None;
            layout.omitted.push((t.to_string(), "chrome"));
        } else if let Some(posted) = posted_in(t) {
            layout.posted = Some(posted);
            layout.omitted.push((t.to_string(), "metadata"));
        } else if list.is_none() && layout.take_row(t) {
        } else if list.is_none() && is_date_line(t) {
            layout.date_lines.push((t.to_string(), true));
            layout.omitted.push((t.to_string(), "metadata"));
        } else if let Some(name) = byline(t) {
            layout.bylines.push(name);
            layout.omitted.push((t.to_string(), "metadata"));
        } else if let Some((heading, items)) = bracketed_list(t) {
            layout.people_heading.get_or_insert(heading.clone());
            let role = list_heading(&format!("{heading}:")).unwrap_or(Role::Signatory);
            layout.lists.push(ListEntry {
                text: items,
                role,
                kind: None,
                bracketed: true,
            });
        } else if let Some(role) = list_heading(t).filter(|_| layout.people_heading.is_none()) {
            layout.people_heading = Some(t.to_string());
            list = Some((role, heading_kind(t)));
        } else if let Some((role, kind)) = &mut list {
            if let Some(k) = section_kind(t) {
                *kind = Some(k);
                layout.omitted.push((t.to_string(), "list heading"));
            } else if is_prose(line) || line.heading.is_some() {
                list = None;
                layout.paragraphs.push(t.to_string());
            } else {
                layout.lists.push(ListEntry {
                    text: t.to_string(),
                    role: *role,
                    kind: *kind,
                    bracketed: false,
                });
            }
        } else {
            layout.paragraphs.push(t.to_string());
        }
    }
    // The headline is chosen knowing the text under it.
    let mut after = layout.omitted.split_off(head_omitted);
    headline::take_headlines(&mut layout, &headlines);
    layout.omitted.append(&mut after);
    layout
}

mod chrome;
mod headline;

pub use chrome::is_chrome;
use chrome::menu_row;

#[cfg(test)]
mod tests;
