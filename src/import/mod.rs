//! A capture of one page (its text, or the saved HTML) to a draft document
//! in the corpus schema, with every field it could not decide flagged for
//! review. It records less rather than guess: no sentence, name or date is
//! written that the capture does not hold.

mod capture;
mod dates;
mod dating;
mod draft;
mod entry;
pub mod fidelity;
mod html;
mod japanese;
mod korean;
mod names;
mod page;
mod people;
mod prose;
mod structure;
mod vocab;

pub use capture::CaptureError;
pub use draft::to_toml;
pub use page::norm;

use crate::cite::authors::join_and;
use crate::corpus::{DocKind, Document, Entities, slug};
use entry::Found;

/// What the person asked for.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub id: Option<String>,
    pub kind: Option<DocKind>,
    /// The capture's file name, kept as `source`.
    pub source: Option<String>,
}

/// A field the importer could not decide, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Review {
    pub field: &'static str,
    pub note: String,
}

/// A draft and what its review needs.
#[derive(Debug, Clone)]
pub struct Draft {
    pub doc: Document,
    pub reviews: Vec<Review>,
    /// Review notes of people entries, by index.
    pub people_reviews: Vec<Option<String>>,
    /// Omitted lines with why they were set aside.
    pub omitted_why: Vec<&'static str>,
    /// The capture's lines as the fidelity check reads them.
    pub capture_text: String,
}

/// Reads a capture and drafts its document. `entities` links names.
pub fn import(bytes: &[u8], options: &Options, entities: &Entities) -> Result<Draft, CaptureError> {
    let page = capture::read(bytes)?;
    let layout = structure::lay_out(&page.lines, !page.html);
    if layout.paragraphs.is_empty() {
        return Err(CaptureError::NoParagraph);
    }
    let mut reviews = Vec::new();
    let mut review = |field: &'static str, note: String| reviews.push(Review { field, note });
    let lead = layout.paragraphs.first().map(String::as_str);
    let line_of_lead = lead.and_then(dates::dateline);

    let (title, title_supplied) = match &layout.title {
        Some(t) => {
            if !page.html {
                review("title", "the first line that reads as a headline".into());
            }
            (t.clone(), false)
        }
        None => {
            review(
                "title",
                "the capture has no headline: write a title (shown in [brackets])".into(),
            );
            let name = options.source.as_deref().unwrap_or("capture");
            (format!("Untitled capture {name}"), true)
        }
    };

    let dating = dating::date(&layout, lead, page.published.as_deref());
    for (field, note) in &dating.reviews {
        review(field, note.clone());
    }
    let (date, date_note, inferred) = (dating.date, dating.note, dating.inferred);

    // When the capture was made, where it says so; never guessed.
    let saved = page.saved.clone().or_else(|| {
        let (line, day) = layout.saved_line.as_ref()?;
        Some((*day, format!("the capture’s “{line}” line")))
    });
    let latest_of_document = date.or(inferred.as_ref().map(|i| i.0));
    let accessed = match saved {
        Some((day, how)) if latest_of_document.is_some_and(|d| d.surely_after(day)) => {
            review(
                "accessed",
                format!(
                    "{how} says {}, before the document's date: write the day you saved it",
                    dates::spoken(day)
                ),
            );
            None
        }
        Some((day, _)) => Some(day),
        None => {
            let modified = page
                .modified
                .as_deref()
                .and_then(dates::iso_prefix)
                .map(|d| {
                    format!(
                        " (the page was last modified on {}, so not before)",
                        dates::spoken(d)
                    )
                })
                .unwrap_or_default();
            review(
                "accessed",
                format!(
                    "the capture does not say when it was saved: add accessed = \"YYYY-MM-DD\", the day you saved it{modified}"
                ),
            );
            None
        }
    };

    // A news report credits its agency in its first lines, and each
    // reporter where their part starts: a photo's caption, then the story.
    let credits: Vec<Found> = layout
        .paragraphs
        .iter()
        .take(6)
        .flat_map(|p| prose::credit(p))
        .collect();
    let kind = match options.kind {
        Some(k) => k,
        None => {
            let (k, why) = guess_kind(&layout, line_of_lead.is_some(), &credits);
            review("kind", format!("kind guessed from {why}"));
            k
        }
    };

    let found: Vec<Found> = people::find(&layout, entities, &credits);
    if found.is_empty() {
        let known = people::known_named(&layout.paragraphs, entities);
        if !known.is_empty() {
            let names: Vec<String> = known.iter().map(|n| format!("“{n}”")).collect();
            review(
                "people",
                format!(
                    "the text names known entities ({}) but no form gave any of them a role: add those who issue, sign, belong or speak",
                    join_and(&names)
                ),
            );
        }
    }
    let (tags, posted_by) = layout
        .posted
        .clone()
        .map_or((Vec::new(), None), |(t, by)| (t, Some(by)));
    let url = page.url.clone().or(layout.url.clone());
    let publisher = page.publisher.clone().or(layout.publisher.clone());
    // The note says only what the capture lacks: an address it writes
    // somewhere, or a copyright line, may be the page's own.
    let mut lacks = Vec::new();
    let written_address = page
        .lines
        .iter()
        .map(|l| l.text.as_str())
        .find(|t| t.contains("http://") || t.contains("https://") || t.contains("www."));
    match (&url, written_address) {
        (Some(_), _) => {}
        (None, None) => lacks.push("no address"),
        (None, Some(line)) => review(
            "url",
            format!(
                "the capture writes an address (“{line}”): if it is the page's own, add it as url"
            ),
        ),
    }
    let copyright = layout.omitted.iter().any(|(l, _)| {
        let l = l.to_lowercase();
        ["©", "ⓒ", "copyright", "저작권자"]
            .iter()
            .any(|c| l.starts_with(c))
    });
    if publisher.is_none() && !copyright {
        lacks.push("no publisher");
    }
    let curator_note =
        (!lacks.is_empty()).then(|| format!("The capture has {}.", join_and(&lacks)));
    let year = date.or(inferred.as_ref().map(|i| i.0)).map(|d| d.year);
    let id = options.id.clone().unwrap_or_else(|| {
        let base = if title_supplied {
            options
                .source
                .as_deref()
                .map(|s| s.rsplit_once('.').map_or(s, |(b, _)| b))
                .unwrap_or("imported")
                .to_string()
        } else {
            title.clone()
        };
        make_id(&base, year)
    });
    let doc = Document {
        id,
        title,
        title_supplied,
        subtitle: layout.subtitle.clone(),
        date,
        date_note,
        inferred_date: inferred.as_ref().map(|i| i.0),
        inferred_date_reason: inferred.map(|i| i.1),
        kind,
        place: line_of_lead.and_then(|(_, p, _)| p),
        posted_by,
        url,
        publisher,
        accessed,
        curator_note,
        tags,
        source: options.source.clone(),
        omitted: layout.omitted.iter().map(|o| o.0.clone()).collect(),
        paragraphs: layout
            .paragraphs
            .iter()
            .map(|p| p.as_str().into())
            .collect(),
        people_heading: layout.people_heading.clone(),
        people: found.iter().map(|f| f.person.clone()).collect(),
        cite_as: Vec::new(),
    };
    Ok(Draft {
        doc,
        reviews,
        people_reviews: found.into_iter().map(|f| f.review).collect(),
        omitted_why: layout.omitted.iter().map(|o| o.1).collect(),
        capture_text: page
            .lines
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
    })
}

/// The known entity a people entry links to, if the rules reach one.
pub fn known_entity(entities: &Entities, p: &crate::corpus::Person) -> Option<usize> {
    people::known(entities, p.kind, &p.name)
}

/// The kind by the document's own words, and which words.
fn guess_kind(layout: &structure::Layout, dateline: bool, credits: &[Found]) -> (DocKind, String) {
    // A news report about a letter is not the letter.
    if people::is_report(layout, credits) {
        return (
            DocKind::Other,
            "a news report's credit or byline".to_string(),
        );
    }
    // A label set aside counts too: "Press Statement" over the text.
    let set_aside = layout
        .omitted
        .iter()
        .filter(|o| o.1 == "headline" && structure::names_a_kind(&o.0))
        .map(|o| Some(o.0.clone()));
    let heads: Vec<Option<String>> = [layout.title.clone(), layout.subtitle.clone()]
        .into_iter()
        .chain(set_aside)
        .collect();
    for (words, kind) in [
        ("open letter", DocKind::OpenLetter),
        ("joint letter", DocKind::JointLetter),
        ("press release", DocKind::PressRelease),
        ("statement", DocKind::Statement),
        ("submission", DocKind::Submission),
    ] {
        if let Some(h) = heads
            .iter()
            .flat_map(|h| h.as_deref())
            .find(|h| h.to_lowercase().contains(words))
        {
            return (kind, format!("“{h}”"));
        }
    }
    let first = layout.paragraphs.first().map(String::as_str).unwrap_or("");
    if first.starts_with("Dear ") {
        return (DocKind::Letter, format!("“{first}”"));
    }
    if dateline {
        return (DocKind::PressRelease, "the release’s dateline".to_string());
    }
    if first.contains(" said today") {
        return (
            DocKind::PressRelease,
            "“said today” in the lead".to_string(),
        );
    }
    (DocKind::Other, "nothing: no form decides it".to_string())
}

/// "north-korea-crimes-against-humanity-demand-justice-2017": the title's
/// first words in ASCII, and the year.
fn make_id(base: &str, year: Option<u16>) -> String {
    let ascii: String = slug(base)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let words: Vec<&str> = ascii.split('-').filter(|w| !w.is_empty()).take(8).collect();
    let mut id = if words.is_empty() {
        "imported".to_string()
    } else {
        words.join("-")
    };
    if let Some(y) = year
        && !id.ends_with(&y.to_string())
    {
        id.push_str(&format!("-{y}"));
    }
    id
}
