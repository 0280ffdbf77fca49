//! Reading a config file by hand from its spanned TOML: each value is
//! checked where it stands, and every problem is kept with its line, so a
//! file with three mistakes gets three messages at once.

use crate::corpus::{Lines, Problem, SourceFile};
use crate::suggest::did_you_mean;
use std::borrow::Cow;
use std::ops::RangeInclusive;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

pub type Key<'i> = Spanned<Cow<'i, str>>;
pub type Value<'i> = Spanned<DeValue<'i>>;

/// The problems found so far in one file.
pub struct Check<'f> {
    file: &'f SourceFile,
    /// The file's lines, found on the first problem and kept for the rest.
    lines: Option<Lines<'f>>,
    pub problems: Vec<Problem>,
}

impl<'f> Check<'f> {
    pub fn new(file: &'f SourceFile) -> Check<'f> {
        Check {
            file,
            lines: None,
            problems: Vec::new(),
        }
    }

    /// A problem at the byte `offset` of the file, in `field`.
    pub fn report(&mut self, offset: usize, field: &str, message: impl Into<String>) {
        let lines = self
            .lines
            .get_or_insert_with(|| Lines::new(&self.file.text));
        let problem = Problem::new(&self.file.name, message)
            .at_offset_in(lines, offset)
            .in_field(field);
        self.problems.push(problem);
    }

    /// `key` is none of `valid`, the keys of `table` (a dotted path, or
    /// empty for the top level).
    pub fn unknown(&mut self, key: &Key, table: &str, valid: &[&str]) {
        let name = key.get_ref();
        let place = match table {
            "" => "at the top level".to_string(),
            table => format!("in [{table}]"),
        };
        self.report(
            key.span().start,
            &path(table, name),
            format!(
                "unknown key `{name}` {place}{} (valid: {})",
                did_you_mean(name, valid),
                valid.join(", ")
            ),
        );
    }

    /// A value of the wrong type: what was expected and what was given.
    pub fn wrong_type(&mut self, value: &Value, field: &str, expected: &str) {
        self.report(
            value.span().start,
            field,
            format!("expected {expected}, found {}", given(value.get_ref())),
        );
    }

    pub fn table<'v, 'i>(&mut self, value: &'v Value<'i>, field: &str) -> Option<&'v DeTable<'i>> {
        let table = value.get_ref().as_table();
        if table.is_none() {
            self.wrong_type(value, field, &format!("a table, [{field}]"));
        }
        table
    }

    pub fn bool(&mut self, value: &Value, field: &str) -> Option<bool> {
        let b = value.get_ref().as_bool();
        if b.is_none() {
            self.wrong_type(value, field, "true or false");
        }
        b
    }

    pub fn string<'v>(&mut self, value: &'v Value, field: &str, expected: &str) -> Option<&'v str> {
        let s = value.get_ref().as_str();
        if s.is_none() {
            self.wrong_type(value, field, expected);
        }
        s
    }

    /// A whole number in `range`, or 0 where `zero` says what 0 means.
    pub fn integer(
        &mut self,
        value: &Value,
        field: &str,
        range: RangeInclusive<i64>,
        zero: Option<&str>,
    ) -> Option<i64> {
        let allowed = format!(
            "a whole number from {} to {}{}",
            range.start(),
            range.end(),
            zero.map(|z| format!(", or 0 for {z}")).unwrap_or_default()
        );
        let n = value
            .get_ref()
            .as_integer()
            .and_then(|i| i64::from_str_radix(i.as_str(), i.radix()).ok());
        match n {
            Some(n) if range.contains(&n) || (n == 0 && zero.is_some()) => Some(n),
            _ => {
                self.wrong_type(value, field, &allowed);
                None
            }
        }
    }

    /// One of `choices`, by name.
    pub fn choice<T: Copy>(
        &mut self,
        value: &Value,
        field: &str,
        choices: &[(&str, T)],
    ) -> Option<T> {
        let names: Vec<&str> = choices.iter().map(|(n, _)| *n).collect();
        let expected = format!("one of {}", quoted(&names));
        let given = self.string(value, field, &expected)?;
        let found = choices.iter().find(|(n, _)| *n == given).map(|&(_, t)| t);
        if found.is_none() {
            self.unknown_value(value, field, given, &names, &expected);
        }
        found
    }

    /// A string that is none of the names it may be.
    pub fn unknown_value(
        &mut self,
        value: &Value,
        field: &str,
        given: &str,
        names: &[&str],
        expected: &str,
    ) {
        self.report(
            value.span().start,
            field,
            format!(
                "unknown value \"{given}\"{} (expected {expected})",
                did_you_mean(given, names)
            ),
        );
    }
}

/// `table.key`, with the key quoted where TOML needs it quoted (`"?"`).
pub fn path(table: &str, key: &str) -> String {
    let bare = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    let key = if bare {
        key.to_string()
    } else {
        format!("{key:?}")
    };
    match table {
        "" => key,
        table => format!("{table}.{key}"),
    }
}

/// Names as a list to choose from: "a", "b" or "c".
pub fn quoted(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => quoted.concat(),
    }
}

/// What a value is, for "expected …, found …".
fn given(value: &DeValue) -> String {
    match value {
        DeValue::String(s) => format!("the string \"{s}\""),
        DeValue::Integer(i) => format!("the number {}", i.as_str()),
        DeValue::Float(x) => format!("the number {}", x.as_str()),
        DeValue::Boolean(b) => format!("{b}"),
        DeValue::Datetime(d) => format!("the date {d}"),
        DeValue::Array(_) => "a list".to_string(),
        DeValue::Table(_) => "a table".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_quote_keys_toml_would_quote() {
        assert_eq!(path("", "mouse"), "mouse");
        assert_eq!(path("keys.reader", "ctrl-j"), "keys.reader.ctrl-j");
        assert_eq!(path("keys.reader", "?"), "keys.reader.\"?\"");
    }

    #[test]
    fn choices_read_as_a_sentence() {
        assert_eq!(quoted(&["a"]), "\"a\"");
        assert_eq!(quoted(&["a", "b", "c"]), "\"a\", \"b\" or \"c\"");
    }
}
