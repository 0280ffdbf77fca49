//! The `cite` command: a document or one of its paragraphs, cited in a CSL
//! style or written in a format reference managers read.

use super::{Failure, Output, find};
use crate::cite::formats::{self, Reference};
use crate::cite::{Cited, style};
use crate::corpus::{Corpus, clean_line};
use clap::{Args, ValueEnum};

#[derive(Debug, Args)]
pub struct CiteArgs {
    /// The document's id, as `nkread list` prints it, or a prefix only it has
    #[arg(add = super::complete::documents(), required_unless_present = "list_styles")]
    pub id: Option<String>,
    /// Cite paragraph N (from 1, as `nkread show` numbers them) as the locator
    #[arg(long, value_name = "N")]
    pub para: Option<usize>,
    /// The CSL style for --format text: chicago (notes and bibliography), apa, mla, ieee, harvard-cite-them-right, chicago-author-date, or any style name hayagriva archives
    #[arg(long, value_name = "STYLE", default_value = "chicago")]
    pub style: String,
    /// What to print
    #[arg(long, value_enum, default_value_t)]
    pub format: CiteFormat,
    /// List every style name --style takes, with the style's full name, and exit
    #[arg(long, exclusive = true)]
    pub list_styles: bool,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum CiteFormat {
    /// The citation (in-text or note, with the paragraph) on one line, the bibliography entry on the next
    #[default]
    Text,
    /// An array of one CSL-JSON item, for Zotero, Pandoc and CSL processors
    CslJson,
    /// One biblatex entry
    Bibtex,
    /// One RIS record
    Ris,
}

pub const CITE_HELP: &str = "\
The authors are those the document's cite_as names, else who issued it,
else its signatories (never who posted the page); a person is cited by
family and given names. A date its text implies reads as inferred in every
style (\"ca. 2014\", \"[2014?]\", \"circa Nov. 2014\").

Styles (--style): chicago (notes and bibliography, the default), apa, mla,
ieee, chicago-author-date, harvard-cite-them-right, vancouver, and the
rest of hayagriva's archive: `nkread cite --list-styles` lists them all.

Examples:
  nkread cite joint-letter-security-council-2015
  nkread cite icnk-welcomes-unga-resolution-2014 --para 2 --style apa
  nkread cite hrc55-open-letter-2024 --format csl-json > letter.json
  nkread cite hrc55-open-letter-2024 --para 3 --format bibtex >> refs.bib";

pub fn run(corpus: &Corpus, args: &CiteArgs) -> Result<Output, Failure> {
    let Some(id) = &args.id else {
        let lines: Vec<String> = style::listed()
            .into_iter()
            .map(|(name, full)| format!("{name}\t{full}\n"))
            .collect();
        return Ok(lines.concat().into());
    };
    let doc = &corpus.documents[find(corpus, id)?];
    let paragraph = match args.para {
        None => None,
        Some(n) if (1..=doc.paragraphs.len()).contains(&n) => Some(n - 1),
        Some(n) => {
            return Err(Failure::input(format!(
                "nkread: \"{}\" has paragraphs 1 to {}; there is no paragraph {n}",
                doc.id,
                doc.paragraphs.len()
            )));
        }
    };
    let cited = Cited { doc, paragraph };
    let reference = [Reference::new(doc, paragraph)];
    let data = match args.format {
        CiteFormat::Text => {
            // The message quotes the style's name as given.
            let formatted = style::format(cited, &args.style)
                .map_err(|e| Failure::input(format!("nkread: {}", clean_line(&e))))?;
            format!("{}\n{}\n", formatted.citation, formatted.reference)
        }
        CiteFormat::CslJson => formats::csl_json(&reference),
        CiteFormat::Bibtex => formats::bibtex(&reference),
        CiteFormat::Ris => formats::ris(&reference),
    };
    // The reference is the document's; the paragraph is the citation's.
    let note = match (args.format, paragraph) {
        (CiteFormat::Text, _) | (_, None) => None,
        (_, Some(p)) => Some(format!(
            "in Markdown for pandoc, cite the paragraph as [@{}, para. {}]",
            doc.id,
            p + 1
        )),
    };
    Ok(Output { data, note })
}
