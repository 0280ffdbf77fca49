//! The loader never panics, whatever a corpus file holds: random text,
//! and real documents cut, spliced and sprinkled with hostile characters.
//! Every problem it reports points inside the file, and everything it loads
//! is clean.

use nkread::corpus::{Corpus, Problems, SourceFile};
use proptest::prelude::*;

const ENTITIES: &str = include_str!("../data/entities.toml");
const REAL: &str = include_str!("../data/corpus/joint-letter-security-council-2015.toml");
const JSON: &str = include_str!("fixtures/good/more.json");

fn load(name: &str, text: String) -> Result<Corpus, Problems> {
    let entities = SourceFile {
        name: "entities.toml".into(),
        text: ENTITIES.into(),
    };
    Corpus::from_files(
        &entities,
        &[SourceFile {
            name: name.into(),
            text,
        }],
    )
}

fn check(name: &str, text: String) -> Result<(), TestCaseError> {
    let lines = text.lines().count().max(1);
    match load(name, text) {
        Ok(corpus) => {
            for doc in &corpus.documents {
                let strings = doc
                    .paragraphs
                    .iter()
                    .map(|p| p.as_str())
                    .chain([doc.title.as_str(), &doc.id])
                    .chain(doc.people.iter().map(|p| p.name.as_str()));
                for s in strings {
                    prop_assert!(!s.chars().any(|c| c.is_control() && c != '\n'), "{s:?}");
                }
            }
        }
        Err(problems) => {
            prop_assert!(!problems.0.is_empty());
            for p in &problems.0 {
                if let Some((line, column)) = p.position {
                    prop_assert!(line >= 1 && line <= lines + 1 && column >= 1, "{p}");
                }
                let shown = p.to_string();
                prop_assert!(
                    !shown.chars().any(|c| c.is_control() && c != '\n'),
                    "{shown:?}"
                );
            }
        }
    }
    Ok(())
}

/// A real file with a slice removed and a hostile string put in its place.
fn mutated(base: &'static str) -> impl Strategy<Value = String> {
    let hostile = prop::sample::select(vec![
        "",
        "\"",
        "[",
        "]]",
        "=",
        "\n",
        "\u{1b}[2J",
        "\u{202e}",
        "\t",
        "\r\n",
        "\u{0}",
        "북한",
        "''",
        "[[people]]\n",
        "\\u0007",
    ]);
    (0..base.len(), 0..64usize, hostile).prop_map(move |(at, len, insert)| {
        let mut start = at;
        while !base.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (start + len).min(base.len());
        while !base.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}{insert}{}", &base[..start], &base[end..])
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn random_text_never_panics(text in any::<String>(), json in any::<bool>()) {
        check(if json { "x.json" } else { "x.toml" }, text)?;
    }

    #[test]
    fn damaged_toml_never_panics(text in mutated(REAL)) {
        check("x.toml", text)?;
    }

    #[test]
    fn damaged_json_never_panics(text in mutated(JSON)) {
        check("x.json", text)?;
    }
}
