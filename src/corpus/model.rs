//! The corpus model: documents, their paragraphs and the people they name.
//! The same structs are the file schema (data/README.md documents it).

use super::Text;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Index of an entity in [`super::Entities`].
pub type EntityId = usize;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub id: String,
    pub title: String,
    /// The capture has no headline of its own; `title` was written by the curator.
    #[serde(default)]
    pub title_supplied: bool,
    #[serde(default)]
    pub subtitle: Option<String>,
    #[serde(default)]
    pub date: Option<PartialDate>,
    /// Where the date comes from, or why there is none.
    #[serde(default)]
    pub date_note: Option<String>,
    /// A date the text implies where the capture gives none; never beside
    /// `date`, and always with its reason.
    #[serde(default)]
    pub inferred_date: Option<PartialDate>,
    /// Why the text fixes `inferred_date`.
    #[serde(default)]
    pub inferred_date_reason: Option<String>,
    pub kind: DocKind,
    /// The dateline, where the document gives one.
    #[serde(default)]
    pub place: Option<String>,
    /// Who posted the captured page, where the page says so: provenance,
    /// never authorship.
    #[serde(default)]
    pub posted_by: Option<String>,
    /// The address the document was published at, where the capture states it.
    #[serde(default)]
    pub url: Option<String>,
    /// The publisher or site, where the capture states it.
    #[serde(default)]
    pub publisher: Option<String>,
    /// When the capture was made or the page last read.
    #[serde(default)]
    pub accessed: Option<PartialDate>,
    /// The curator's word on the whole document: what the capture lacks,
    /// what the text says that the lists contradict.
    #[serde(default)]
    pub curator_note: Option<String>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// File name of the raw capture under data/sources/, for provenance.
    #[serde(default)]
    pub source: Option<String>,
    /// Lines of the capture deliberately not kept as text, verbatim.
    #[serde(default)]
    pub omitted: Vec<String>,
    pub paragraphs: Vec<Text>,
    /// The document's own words introducing its people list, verbatim.
    #[serde(default)]
    pub people_heading: Option<String>,
    #[serde(default)]
    pub people: Vec<Person>,
    /// The curator's word on authorship: the names of the people entries
    /// a citation names as authors, in order, in place of the rule
    /// (issuers, else signatories).
    #[serde(default)]
    pub cite_as: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: String,
    pub kind: PersonKind,
    pub role: Role,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub affiliation: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub acronym: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// A person's family name, the first or the last words of `name`,
    /// where the citation rules cannot tell it ("Ojea Quintana").
    #[serde(default)]
    pub family: Option<String>,
    /// Resolved at load; never read from a file.
    #[serde(skip)]
    pub entity: EntityId,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DocKind {
    PressRelease,
    JointLetter,
    OpenLetter,
    Letter,
    Statement,
    Report,
    Submission,
    Other,
}

impl DocKind {
    pub const ALL: [DocKind; 8] = [
        DocKind::PressRelease,
        DocKind::JointLetter,
        DocKind::OpenLetter,
        DocKind::Letter,
        DocKind::Statement,
        DocKind::Report,
        DocKind::Submission,
        DocKind::Other,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PersonKind {
    Organization,
    Person,
    /// A government, or its mission, signing or speaking for a state: ten
    /// Security Council members signed one letter of December 2014.
    State,
}

impl PersonKind {
    pub const ALL: [PersonKind; 3] = [
        PersonKind::Organization,
        PersonKind::Person,
        PersonKind::State,
    ];

    /// Whether it is a body rather than a person: an organization or a
    /// state, cited by its name as written.
    pub fn is_body(self) -> bool {
        self != PersonKind::Person
    }
}

/// What a person or organization is to a document. The order is the order in
/// which roles are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Issuer,
    Signatory,
    Member,
    Quoted,
    Mentioned,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Issuer,
        Role::Signatory,
        Role::Member,
        Role::Quoted,
        Role::Mentioned,
    ];

    /// Heading for a group of people with this role.
    pub fn heading(self) -> &'static str {
        match self {
            Role::Issuer => "Issuers",
            Role::Signatory => "Signatories",
            Role::Member => "Members and supporters",
            Role::Quoted => "Quoted",
            Role::Mentioned => "Mentioned",
        }
    }
}

/// Serde's own name for a unit variant, so that display and files agree.
fn serde_name<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

macro_rules! display_by_serde_name {
    ($($t:ty),*) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&serde_name(self))
            }
        }
    )*};
}
display_by_serde_name!(DocKind, PersonKind, Role);

/// An ISO 8601 calendar date at the precision the source supports:
/// "2015", "2014-11" or "2017-03-08". Orders chronologically, a year before
/// any month of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct DateString;
        impl<'de> serde::de::Visitor<'de> for DateString {
            type Value = PartialDate;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a date in quotes, such as \"2017-03-08\", \"2014-11\" or \"2015\"")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<PartialDate, E> {
                s.parse().map_err(E::custom)
            }
            // TOML reads an unquoted 2017-03-08 as a datetime, which arrives as a map.
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                _: A,
            ) -> Result<PartialDate, A::Error> {
                Err(serde::de::Error::custom(
                    "a date must be in quotes, such as date = \"2017-03-08\"",
                ))
            }
        }
        d.deserialize_any(DateString)
    }
}

impl std::str::FromStr for PartialDate {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        let invalid = || format!("invalid date \"{s}\": expected YYYY, YYYY-MM or YYYY-MM-DD");
        let parts: Vec<&str> = s.split('-').collect();
        let number = |p: &str, len: usize| {
            (p.len() == len && p.bytes().all(|b| b.is_ascii_digit()))
                .then(|| p.parse::<u16>().ok())
                .flatten()
                .ok_or_else(invalid)
        };
        let year = number(parts[0], 4)?;
        let month = match parts.get(1) {
            Some(p) => Some(number(p, 2)? as u8),
            None => None,
        };
        let day = match parts.get(2) {
            Some(p) => Some(number(p, 2)? as u8),
            None => None,
        };
        if parts.len() > 3 {
            return Err(invalid());
        }
        if let Some(m) = month
            && !(1..=12).contains(&m)
        {
            return Err(format!("invalid date \"{s}\": month {m} is not 1-12"));
        }
        if let (Some(m), Some(d)) = (month, day) {
            let last = days_in_month(year, m);
            if !(1..=last).contains(&d) {
                return Err(format!("invalid date \"{s}\": day {d} is not 1-{last}"));
            }
        }
        Ok(PartialDate { year, month, day })
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Person {
    /// The person on one line, in the order the documents write them:
    /// name (acronym) — title, affiliation (country); note. `show` prints
    /// it and search matches it.
    pub fn line(&self) -> String {
        let post: Vec<&str> = [&self.title, &self.affiliation]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        // The country follows what it qualifies: the affiliation if there is one.
        let (after_name, after_post) = if post.is_empty() {
            (self.country.as_ref(), None)
        } else {
            (None, self.country.as_ref())
        };
        let paren: Vec<&str> = [self.acronym.as_ref(), after_name]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        let mut line = self.name.clone();
        if !paren.is_empty() {
            line.push_str(&format!(" ({})", paren.join(", ")));
        }
        if !post.is_empty() {
            line.push_str(&format!(" — {}", post.join(", ")));
        }
        if let Some(country) = after_post {
            line.push_str(&format!(" ({country})"));
        }
        if let Some(note) = &self.note {
            line.push_str(&format!("; {note}"));
        }
        line
    }
}

impl Document {
    /// The people with one role, in the order the document lists them.
    pub fn people_with(&self, role: Role) -> impl Iterator<Item = &Person> {
        self.people.iter().filter(move |p| p.role == role)
    }

    pub fn issuers(&self) -> Vec<&str> {
        self.people_with(Role::Issuer)
            .map(|p| p.name.as_str())
            .collect()
    }

    /// A supplied title is shown in square brackets, as catalogues do.
    pub fn shown_title(&self) -> String {
        if self.title_supplied {
            format!("[{}]", self.title)
        } else {
            self.title.clone()
        }
    }

    /// The date as lists show it: the source's, or the inferred one marked
    /// "c.", or "undated".
    pub fn shown_date(&self) -> String {
        match (self.date, self.inferred_date) {
            (Some(date), _) => date.to_string(),
            (None, Some(inferred)) => format!("c. {inferred}"),
            (None, None) => "undated".to_string(),
        }
    }

    /// The date a list sorts and a `year:` filter reads: the source's, else
    /// the one its text implies.
    pub fn sort_date(&self) -> Option<PartialDate> {
        self.date.or(self.inferred_date)
    }

    /// What is wrong with the provenance fields, by field name: an address
    /// that is not http(s), an inferred date without its reason or beside a
    /// given date, a date after the capture.
    pub fn provenance_problems(&self) -> Vec<(&'static str, String)> {
        let mut problems = Vec::new();
        if let Some(url) = &self.url
            && let Err(why) = check_url(url)
        {
            problems.push(("url", format!("\"{url}\" is not a web address: {why}")));
        }
        match (&self.inferred_date, &self.inferred_date_reason) {
            (Some(_), None) => problems.push((
                "inferred_date",
                "an inferred date needs `inferred_date_reason`: what in the text fixes it".into(),
            )),
            (None, Some(_)) => problems.push((
                "inferred_date_reason",
                "a reason without `inferred_date`".into(),
            )),
            _ => {}
        }
        if self.date.is_some() && self.inferred_date.is_some() {
            problems.push((
                "inferred_date",
                "a document with a `date` has no inferred one: keep one of the two".into(),
            ));
        }
        if let Some(accessed) = self.accessed {
            for (field, date) in [("date", self.date), ("inferred_date", self.inferred_date)] {
                if let Some(date) = date
                    && date.surely_after(accessed)
                {
                    problems.push((
                        field,
                        format!("{date} is after the capture (`accessed` = {accessed})"),
                    ));
                }
            }
        }
        problems
    }
}

/// An address a reader can open: http or https, with a host, no spaces.
fn check_url(text: &str) -> Result<(), String> {
    if text.chars().any(char::is_whitespace) {
        return Err("it has a space".into());
    }
    let url = url::Url::parse(text).map_err(|e| e.to_string())?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("use http or https, not {}", url.scheme()));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err("it has no host".into());
    }
    Ok(())
}

impl PartialDate {
    /// Whether every day this date may mean comes after every day `other`
    /// may mean: "2014-12" is not after "2014", "2015" is.
    pub fn surely_after(self, other: PartialDate) -> bool {
        let month = self.month.zip(other.month);
        let day = self.day.zip(other.day);
        self.year > other.year
            || (self.year == other.year
                && (month.is_some_and(|(a, b)| a > b)
                    || (month.is_some_and(|(a, b)| a == b) && day.is_some_and(|(a, b)| a > b))))
    }
}

#[cfg(test)]
mod tests;
