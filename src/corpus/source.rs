//! A corpus file's text, and serde reading it: every error placed at its
//! line, column and field, with "did you mean" where a closed set of values
//! has one close to what was given. Both the loader and the field-by-field
//! checks of `schema` read files through this.

use super::problem::Problem;
use crate::suggest::did_you_mean;

/// A file of the corpus: its name as the user knows it, and its text.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
}

impl SourceFile {
    /// A file read from disk. Editors on Windows may start a file with a
    /// byte-order mark, which TOML and JSON parsers do not all take: it
    /// goes, so that the parsers' offsets and columns are the person's.
    pub fn new(name: impl Into<String>, mut text: String) -> SourceFile {
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        SourceFile {
            name: name.into(),
            text,
        }
    }

    pub(super) fn is_json(&self) -> bool {
        self.name.ends_with(".json")
    }

    pub(super) fn is_json_array(&self) -> bool {
        self.is_json() && self.text.trim_start().starts_with('[')
    }
}

/// The field path of a deserialization error; empty at the root or where
/// unknown (the end of the file).
pub(super) fn field_of<E>(e: &serde_path_to_error::Error<E>) -> String {
    let path = e.path().to_string();
    if path == "." || path == "?" {
        String::new()
    } else {
        path
    }
}

/// Deserializes a TOML file; an error names the line, column and field.
pub fn from_toml<T: serde::de::DeserializeOwned>(file: &SourceFile) -> Result<T, Problem> {
    let problem = |e: toml::de::Error, field: String| {
        let message = with_suggestion(e.message().trim());
        let p = Problem::new(&file.name, message).in_field(field);
        match e
            .span()
            .map(|s| s.start)
            .or_else(|| unplaced(&e, &file.text))
        {
            Some(offset) => p.at_offset(&file.text, offset),
            None => p,
        }
    };
    let de = toml::Deserializer::parse(&file.text).map_err(|e| problem(e, String::new()))?;
    serde_path_to_error::deserialize(de).map_err(|e| {
        let field = field_of(&e);
        problem(e.into_inner(), field)
    })
}

/// Where an error the toml crate gives without a place is: a key of too
/// many parts is the one error it gives so.
pub fn unplaced(e: &toml::de::Error, text: &str) -> Option<usize> {
    (e.message().trim() == "recursion limit")
        .then(|| super::problem::deepest_key(text))
        .flatten()
}

/// serde's "unknown variant `x`, expected one of `a`, `b`" (or field),
/// with "did you mean" where one of those is close to what was given.
pub fn with_suggestion(message: &str) -> String {
    let given = ["unknown variant `", "unknown field `"]
        .iter()
        .find_map(|start| message.strip_prefix(start))
        .and_then(|rest| rest.split_once('`'))
        .map(|(given, _)| given);
    let Some(given) = given else {
        return message.to_string();
    };
    let Some((_, expected)) = message.split_once(", expected ") else {
        return message.to_string();
    };
    let names: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
    format!("{message}{}", did_you_mean(given, &names))
}
