//! A citation formatted in a CSL style by hayagriva, from the CSL-JSON item
//! the structured export writes: one description of the document, read
//! back by a real CSL processor, so styles are the styles' own rules.

use super::Cited;
use super::formats::{Reference, csl_item};
use hayagriva::archive::{ArchivedStyle, locales};
use hayagriva::citationberg::taxonomy::Locator;
use hayagriva::citationberg::{Style, json::Item};
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

/// Formats `cited` in the style named `style`; an unknown name is an error
/// that lists the known short names.
pub fn format(cited: Cited, style: &str) -> Result<Formatted, String> {
    let unknown = || {
        format!(
            "no citation style \"{style}\"; try chicago, apa, mla, ieee, harvard-cite-them-right, \
             or one of {} others (`nkread cite --help`)",
            style_names().len()
        )
    };
    let Style::Independent(style) = archived(style).ok_or_else(unknown)?.get() else {
        return Err(unknown());
    };
    let item: Item = serde_json::from_value(csl_item(&Reference::new(cited.doc, None)))
        .map_err(|e| format!("the citation could not be read as CSL-JSON: {e}"))?;
    let locales = locales();
    let number = cited.paragraph.map(|p| (p + 1).to_string());
    let locator = number
        .as_deref()
        .map(|n| SpecificLocator(Locator::Paragraph, LocatorPayload::Str(n)));
    let mut driver = BibliographyDriver::new();
    driver.citation(CitationRequest::from_items(
        vec![CitationItem::with_locator(&item, locator)],
        &style,
        &locales,
    ));
    let rendered = driver.finish(BibliographyRequest::new(&style, None, &locales));
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
