//! A citation formatted in a CSL style by hayagriva, from the CSL-JSON item
//! the structured export writes: one description of the document, read
//! back by a real CSL processor, so styles are the styles' own rules.

use super::Cited;
use super::formats::{Reference, csl_item};
use hayagriva::archive::{ArchivedStyle, locales};
use hayagriva::citationberg::taxonomy::Locator;
use hayagriva::citationberg::{IndependentStyle, Style, json::Item};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest, LocatorPayload,
    SpecificLocator,
};

/// The names `--style` takes: the common short ones, then every style
/// hayagriva keeps.
pub fn style_names() -> Vec<&'static str> {
    let mut names = vec!["chicago"];
    names.extend(
        ArchivedStyle::all()
            .iter()
            .flat_map(|s| s.names().iter().copied()),
    );
    names
}

/// Each name `--style` takes, with the style's full name.
pub fn listed() -> Vec<(&'static str, &'static str)> {
    style_names()
        .into_iter()
        .filter_map(|name| Some((name, archived(name)?.display_name())))
        .collect()
}

fn archived(name: &str) -> Option<ArchivedStyle> {
    match name {
        // Chicago's notes and bibliography, as reports and briefings cite.
        "chicago" => Some(ArchivedStyle::ChicagoNotes),
        name => ArchivedStyle::by_name(name),
    }
}

/// A citation in a style: the in-text citation or note (with the paragraph
/// as the locator) and the bibliography entry, as plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Formatted {
    pub citation: String,
    pub reference: String,
}

/// Up to three known names nearest to `style`, nearest first.
pub fn nearest(style: &str) -> Vec<&'static str> {
    let style = style.to_lowercase();
    let mut scored: Vec<(f64, &'static str)> = style_names()
        .into_iter()
        .map(|name| {
            // A name that starts as the one given is nearer than any typo.
            let prefix = if name.starts_with(&style) { 1.0 } else { 0.0 };
            (prefix + strsim::jaro_winkler(&style, name), name)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    scored.dedup_by_key(|s| s.1);
    scored
        .into_iter()
        .filter(|&(score, _)| score > 0.7)
        .take(3)
        .map(|(_, name)| name)
        .collect()
}

/// Formats `cited` in the style named `style`; an unknown name is an error
/// that names the nearest known ones. A date the text only implies reads
/// as inferred in every style: where the style itself prints no mark of
/// it ("ca.", "[2014?]", "circa"), "circa" is put before the date.
pub fn format(cited: Cited, style: &str) -> Result<Formatted, String> {
    let unknown = || {
        let near = nearest(style);
        let near = match near.as_slice() {
            [] => String::new(),
            names => format!("did you mean {}? ", super::authors::join_or(names)),
        };
        format!(
            "no citation style \"{style}\"; {near}`nkread cite --list-styles` lists the {} names",
            style_names().len()
        )
    };
    let Style::Independent(style) = archived(style).ok_or_else(unknown)?.get() else {
        return Err(unknown());
    };
    let item = csl_item(&Reference::new(cited.doc, None));
    let formatted = render(&item, &style, cited.paragraph)?;
    let inferred = item["issued"]["circa"] == true;
    let Some([a, b]) = inferred.then(|| sentinels_dated(&item)).flatten() else {
        return Ok(formatted);
    };
    let (a, b) = (
        render(&a, &style, cited.paragraph)?,
        render(&b, &style, cited.paragraph)?,
    );
    Ok(Formatted {
        citation: mark_inferred(&formatted.citation, [&a.citation, &b.citation]),
        reference: mark_inferred(&formatted.reference, [&a.reference, &b.reference]),
    })
}

fn render(
    item: &serde_json::Value,
    style: &IndependentStyle,
    paragraph: Option<usize>,
) -> Result<Formatted, String> {
    let item: Item = serde_json::from_value(item.clone())
        .map_err(|e| format!("the citation could not be read as CSL-JSON: {e}"))?;
    let locales = locales();
    let number = paragraph.map(|p| (p + 1).to_string());
    let locator = number
        .as_deref()
        .map(|n| SpecificLocator(Locator::Paragraph, LocatorPayload::Str(n)));
    let mut driver = BibliographyDriver::new();
    driver.citation(CitationRequest::from_items(
        vec![CitationItem::with_locator(&item, locator)],
        style,
        &locales,
    ));
    let rendered = driver.finish(BibliographyRequest::new(style, None, &locales));
    // `{:#}` is hayagriva's plain text; `{}` would write terminal escapes.
    let citation = rendered
        .citations
        .first()
        .map(|c| format!("{:#}", c.citation))
        .unwrap_or_default();
    let reference = rendered
        .bibliography
        .and_then(|b| b.items.into_iter().next())
        .map(|i| format!("{:#}", i.content))
        .unwrap_or_default();
    Ok(Formatted {
        citation,
        reference,
    })
}

/// The item dated with other dates, so that where the renderings differ
/// is where the date is printed. Each year, day and month name differs from
/// the item's in its first character; months in figures may share a first
/// character with one stand-in ("10" and "1") but never with both ("2" and
/// "1", "10" and "01"), and the earliest difference is the date's start.
fn sentinels_dated(item: &serde_json::Value) -> Option<[serde_json::Value; 2]> {
    let parts = item["issued"]["date-parts"][0].as_array()?;
    let year = parts.first()?.as_u64()?;
    // Every digit differs place for place: 1995 gives 2440, 2024 gives 1579.
    let digits: Vec<u64> = year
        .to_string()
        .bytes()
        .map(|b| u64::from(b - b'0'))
        .collect();
    let other_year = digits.iter().enumerate().fold(0, |n, (i, d)| {
        let d = match i {
            0 if *d == 1 => 2,
            0 => 1,
            _ => (d + 5) % 10,
        };
        n * 10 + d
    });
    let dated = |month: Option<u64>| {
        let mut other = vec![other_year];
        if parts.get(1).is_some() {
            other.extend(month);
        }
        if let Some(day) = parts.get(2).and_then(|d| d.as_u64()) {
            other.push(if (20..30).contains(&day) || day == 2 {
                15
            } else {
                29
            });
        }
        let mut sentinel = item.clone();
        sentinel["issued"]["date-parts"] = serde_json::json!([other]);
        sentinel
    };
    let month = parts.get(1).and_then(|m| m.as_u64());
    // October is the only month starting with O; February the only one
    // with F, September with S.
    Some([
        dated(month.map(|m| if m == 10 { 2 } else { 10 })),
        dated(month.map(|m| if m == 2 { 9 } else { 2 })),
    ])
}

/// What styles write for a date they know to be uncertain.
const MARKS: [&str; 5] = ["ca.", "circa", "Circa", "?]", "?)"];

/// `text` with "circa" before the date, unless it marks the date as
/// inferred already or prints none; `others` are the same rendering with
/// other dates.
fn mark_inferred(text: &str, others: [&str; 2]) -> String {
    if others.contains(&text) || MARKS.iter().any(|m| text.contains(m)) {
        return text.to_string();
    }
    let differs = |other: &str| {
        text.char_indices()
            .zip(other.chars())
            .find(|((_, a), b)| a != b)
            .map_or(text.len(), |((i, _), _)| i)
    };
    let start = differs(others[0]).min(differs(others[1]));
    // After a full stop, a closing quote's included, a sentence begins.
    let before = text[..start].trim_end().trim_end_matches(['”', '"', '’']);
    let mark = match before.chars().last() {
        None | Some('.') => "Circa ",
        Some(_) => "circa ",
    };
    format!("{}{mark}{}", &text[..start], &text[start..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stand_in_dates_differ_from_the_first_character() {
        let item = serde_json::json!({"issued": {"date-parts": [[1995, 1, 12]], "circa": true}});
        let [a, b] = sentinels_dated(&item).expect("dated");
        assert_eq!(
            a["issued"]["date-parts"],
            serde_json::json!([[2440, 10, 29]])
        );
        assert_eq!(
            b["issued"]["date-parts"],
            serde_json::json!([[2440, 2, 29]])
        );
        // A year of the 1900s once shared its "1" with the stand-in 1873:
        // "circa" went inside it.
        assert_eq!(
            mark_inferred(
                "Group (1995). Title.",
                ["Group (2440). Title.", "Group (2440). Title."]
            ),
            "Group (circa 1995). Title."
        );
        // January in figures shares "1" with October, not with February.
        assert_eq!(
            mark_inferred("Group, 1/1995.", ["Group, 10/2440.", "Group, 2/2440."]),
            "Group, circa 1/1995."
        );
    }
}
