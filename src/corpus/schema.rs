//! The shape of a document file, checked field by field, so that a file
//! with three mistakes gets three messages in one run, each at its line,
//! with "did you mean" wherever the values are a closed set. What it finds
//! it mends with a stand-in, so that serde can read the rest and the
//! document's own checks still run; the stand-ins never leave the file,
//! which is refused for the problems found. A TOML file is checked before
//! serde reads it; a JSON file, once serde_json has refused it, is read
//! again as the same spanned values (`json`), for the rest of its problems.

pub(super) mod json;

use super::model::{DocKind, Document, PersonKind, Role};
use super::problem::{Lines, Problem};
use super::source::{SourceFile, from_toml, with_suggestion};
use crate::suggest::did_you_mean;
use std::borrow::Cow;
use toml::Spanned;
use toml::de::{DeArray, DeTable, DeValue};

/// What a field holds.
#[derive(Clone, Copy)]
enum Shape {
    Text,
    Flag,
    Date,
    Choice(Closed),
    Texts,
    People,
}

/// The closed sets of values a file names.
#[derive(Clone, Copy)]
enum Closed {
    DocKind,
    PersonKind,
    Role,
}

impl Closed {
    fn names(self) -> Vec<String> {
        match self {
            Closed::DocKind => DocKind::ALL.iter().map(ToString::to_string).collect(),
            Closed::PersonKind => PersonKind::ALL.iter().map(ToString::to_string).collect(),
            Closed::Role => Role::ALL.iter().map(ToString::to_string).collect(),
        }
    }
}

/// A field: its name, what it holds, and whether it must be there.
type Field = (&'static str, Shape, bool);

/// The fields of a document, as `Document` reads them (a test keeps the
/// two the same).
const DOCUMENT: &[Field] = &[
    ("id", Shape::Text, true),
    ("title", Shape::Text, true),
    ("title_supplied", Shape::Flag, false),
    ("subtitle", Shape::Text, false),
    ("date", Shape::Date, false),
    ("date_note", Shape::Text, false),
    ("inferred_date", Shape::Date, false),
    ("inferred_date_reason", Shape::Text, false),
    ("kind", Shape::Choice(Closed::DocKind), true),
    ("place", Shape::Text, false),
    ("posted_by", Shape::Text, false),
    ("url", Shape::Text, false),
    ("publisher", Shape::Text, false),
    ("accessed", Shape::Date, false),
    ("curator_note", Shape::Text, false),
    ("tags", Shape::Texts, false),
    ("source", Shape::Text, false),
    ("omitted", Shape::Texts, false),
    ("paragraphs", Shape::Texts, true),
    ("people_heading", Shape::Text, false),
    ("people", Shape::People, false),
    ("cite_as", Shape::Texts, false),
];

/// The fields of a people entry, as `Person` reads them.
const PERSON: &[Field] = &[
    ("name", Shape::Text, true),
    ("kind", Shape::Choice(Closed::PersonKind), true),
    ("role", Shape::Choice(Closed::Role), true),
    ("title", Shape::Text, false),
    ("affiliation", Shape::Text, false),
    ("country", Shape::Text, false),
    ("acronym", Shape::Text, false),
    ("note", Shape::Text, false),
    ("family", Shape::Text, false),
];

/// Reads the one document of a TOML file with every problem of its shape:
/// the document, if one could be read, and the problems.
pub fn read_toml(file: &SourceFile) -> (Option<Document>, Vec<Problem>) {
    // A syntax error: serde's message, which points at it, is all there is.
    let Ok(root) = DeTable::parse(&file.text) else {
        return match from_toml(file) {
            Ok(doc) => (Some(doc), Vec::new()),
            Err(problem) => (None, vec![problem]),
        };
    };
    let mut check = Check {
        file,
        lines: Lines::new(&file.text),
        problems: Vec::new(),
    };
    let doc = check.document(root, "");
    (doc, check.problems)
}

/// Reads the documents of a JSON file that serde_json refused, with every
/// problem of their shape: the documents if all could be read,
/// and the problems; None where the text is no JSON, which serde_json's
/// message says best.
pub fn read_json(file: &SourceFile) -> Option<(Vec<Document>, Vec<Problem>)> {
    let root = json::parse(&file.text)?;
    let mut check = Check {
        file,
        lines: Lines::new(&file.text),
        problems: Vec::new(),
    };
    let span = root.span();
    let tables: Vec<(String, Spanned<DeTable>)> = match root.into_inner() {
        DeValue::Table(table) => vec![(String::new(), Spanned::new(span, table))],
        DeValue::Array(items) => {
            let mut tables = Vec::new();
            for (i, item) in items.iter().enumerate() {
                let span = item.span();
                match item.get_ref() {
                    DeValue::Table(table) => {
                        tables.push((format!("[{i}]"), Spanned::new(span, table.clone())))
                    }
                    _ => check.report(
                        span.start,
                        &format!("[{i}]"),
                        format!(
                            "invalid type: {}, expected a document, an object",
                            given(item)
                        ),
                    ),
                }
            }
            tables
        }
        _ => return None,
    };
    let docs: Vec<Option<Document>> = tables
        .into_iter()
        .map(|(path, table)| check.document(table, &path))
        .collect();
    let docs = docs.into_iter().collect::<Option<Vec<Document>>>();
    Some((docs.unwrap_or_default(), check.problems))
}

struct Check<'f> {
    file: &'f SourceFile,
    lines: Lines<'f>,
    problems: Vec<Problem>,
}

impl Check<'_> {
    /// The document of `root`, at `path` (`[1]` in a JSON array), its shape
    /// checked and mended; None where serde still could not read it.
    fn document(&mut self, mut root: Spanned<DeTable>, path: &str) -> Option<Document> {
        let span = root.span();
        self.table(root.get_mut(), span.start, DOCUMENT, path);
        let de = toml::de::Deserializer::from(root);
        match serde_path_to_error::deserialize::<_, Document>(de) {
            Ok(doc) => Some(doc),
            Err(e) => {
                let field = match e.path().to_string().as_str() {
                    "." => path.to_string(),
                    inner => join(path, inner),
                };
                let e = e.into_inner();
                let message = with_suggestion(e.message().trim());
                let at = e.span().map_or(span.start, |s| s.start);
                self.report(at, &field, message);
                None
            }
        }
    }

    fn report(&mut self, offset: usize, field: &str, message: String) {
        let problem = Problem::new(&self.file.name, message)
            .at_offset_in(&self.lines, offset)
            .in_field(field);
        self.problems.push(problem);
    }

    /// A table of `fields` starting at `at`, whose path is `path`.
    fn table(&mut self, table: &mut DeTable, at: usize, fields: &[Field], path: &str) {
        let names: Vec<&str> = fields.iter().map(|(n, _, _)| *n).collect();
        let unknown: Vec<(String, usize)> = table
            .keys()
            .filter(|k| !names.contains(&k.get_ref().as_ref()))
            .map(|k| (k.get_ref().to_string(), k.span().start))
            .collect();
        for (key, offset) in unknown {
            self.report(
                offset,
                &join(path, &key),
                format!(
                    "unknown field `{key}`, expected {}{}",
                    one_of(&names),
                    did_you_mean(&key, &names)
                ),
            );
            table.remove(key.as_str());
        }
        for &(name, shape, required) in fields {
            let field = join(path, name);
            let Some(value) = table.get_mut(name) else {
                if required {
                    self.report(at, path, format!("missing field `{name}`"));
                    let span = at..at;
                    table.insert(
                        Spanned::new(span.clone(), name.into()),
                        stand_in(shape, span),
                    );
                }
                continue;
            };
            if !self.value(value, shape, &field) {
                match required {
                    true => *value = stand_in(shape, value.span()),
                    false => {
                        table.remove(name);
                    }
                }
            }
        }
    }

    /// Whether `value` has the shape; if not, says why. A list's items are
    /// mended where they stand.
    fn value(&mut self, value: &mut Spanned<DeValue>, shape: Shape, field: &str) -> bool {
        let at = value.span().start;
        match (shape, value.get_mut()) {
            (Shape::Text, DeValue::String(_)) | (Shape::Flag, DeValue::Boolean(_)) => true,
            (Shape::Date, DeValue::String(s)) => match s.parse::<super::PartialDate>() {
                Ok(_) => true,
                Err(why) => {
                    self.report(at, field, why);
                    false
                }
            },
            (Shape::Date, DeValue::Datetime(_)) => {
                let message = "a date must be in quotes, such as date = \"2017-03-08\"";
                self.report(at, field, message.to_string());
                false
            }
            (Shape::Choice(closed), DeValue::String(s)) => {
                let names = closed.names();
                let names: Vec<&str> = names.iter().map(String::as_str).collect();
                if names.contains(&s.as_ref()) {
                    return true;
                }
                let message = format!(
                    "unknown variant `{s}`, expected {}{}",
                    one_of(&names),
                    did_you_mean(s, &names)
                );
                self.report(at, field, message);
                false
            }
            (Shape::Texts, DeValue::Array(items)) => {
                for (i, item) in items.iter_mut().enumerate() {
                    if !matches!(item.get_ref(), DeValue::String(_)) {
                        let message = format!("invalid type: {}, expected a string", given(item));
                        self.report(item.span().start, &format!("{field}[{i}]"), message);
                        *item = stand_in(Shape::Text, item.span());
                    }
                }
                true
            }
            (Shape::People, DeValue::Array(items)) => {
                for (i, item) in items.iter_mut().enumerate() {
                    let path = format!("{field}[{i}]");
                    let start = item.span().start;
                    match item.get_mut() {
                        DeValue::Table(person) => self.table(person, start, PERSON, &path),
                        _ => {
                            let message = format!(
                                "invalid type: {}, expected a people entry, a table",
                                given(item)
                            );
                            self.report(start, &path, message);
                            *item = stand_in_person(item.span());
                        }
                    }
                }
                true
            }
            (shape, _) => {
                let expected = match shape {
                    Shape::Text | Shape::Choice(_) => "a string",
                    Shape::Flag => "true or false",
                    Shape::Date => {
                        "a date in quotes, such as \"2017-03-08\", \"2014-11\" or \"2015\""
                    }
                    Shape::Texts => "a list of strings",
                    Shape::People => "a list of people entries, [[people]]",
                };
                let message = format!("invalid type: {}, expected {expected}", given(value));
                self.report(at, field, message);
                false
            }
        }
    }
}

/// A value of the shape, standing in for one that was wrong or missing.
fn stand_in(shape: Shape, span: std::ops::Range<usize>) -> Spanned<DeValue<'static>> {
    let text = |s: &str| Spanned::new(span.clone(), DeValue::String(Cow::Owned(s.to_string())));
    match shape {
        Shape::Choice(closed) => text(closed.names().first().map_or("", String::as_str)),
        Shape::Texts => {
            let mut items = DeArray::new();
            items.push(text("x"));
            Spanned::new(span.clone(), DeValue::Array(items))
        }
        Shape::People => Spanned::new(span.clone(), DeValue::Array(DeArray::new())),
        Shape::Flag => Spanned::new(span.clone(), DeValue::Boolean(false)),
        Shape::Text | Shape::Date => text("x"),
    }
}

/// A people entry standing in for one that was no table.
fn stand_in_person(span: std::ops::Range<usize>) -> Spanned<DeValue<'static>> {
    let mut person = DeTable::new();
    for &(name, shape, required) in PERSON {
        if required {
            let key = Spanned::new(span.clone(), Cow::Borrowed(name));
            person.insert(key, stand_in(shape, span.clone()));
        }
    }
    Spanned::new(span, DeValue::Table(person))
}

fn join(path: &str, key: &str) -> String {
    match (path, key.starts_with('[')) {
        ("", _) => key.to_string(),
        (path, true) => format!("{path}{key}"),
        (path, false) => format!("{path}.{key}"),
    }
}

/// "one of `a`, `b`, `c`", as serde lists what it expected.
fn one_of(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    format!("one of {}", quoted.join(", "))
}

/// What a value is, as serde says it.
fn given(value: &Spanned<DeValue>) -> String {
    match value.get_ref() {
        DeValue::String(s) => format!("string \"{s}\""),
        DeValue::Integer(i) => format!("integer `{}`", i.as_str()),
        DeValue::Float(x) => format!("floating point `{}`", x.as_str()),
        DeValue::Boolean(b) => format!("boolean `{b}`"),
        DeValue::Datetime(d) => format!("datetime `{d}`"),
        DeValue::Array(_) => "sequence".to_string(),
        DeValue::Table(_) => "map".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Option<Document>, Vec<String>) {
        let file = SourceFile::new("d.toml", text.to_string());
        let (doc, problems) = read_toml(&file);
        (doc, problems.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn the_fields_are_those_serde_reads() {
        let mut text = String::from(
            "id = \"d\"\ntitle = \"T\"\ntitle_supplied = true\nsubtitle = \"s\"\n\
             date = \"2015\"\ndate_note = \"n\"\ninferred_date_reason = \"r\"\n\
             kind = \"statement\"\nplace = \"p\"\nposted_by = \"p\"\nurl = \"https://a.org\"\n\
             publisher = \"p\"\naccessed = \"2020\"\ncurator_note = \"c\"\ntags = [\"t\"]\n\
             source = \"s\"\nomitted = [\"o\"]\nparagraphs = [\"P\"]\npeople_heading = \"h\"\n\
             cite_as = [\"N\"]\n",
        );
        text.push_str(
            "[[people]]\nname = \"N\"\nkind = \"person\"\nrole = \"quoted\"\ntitle = \"t\"\n\
             affiliation = \"a\"\ncountry = \"c\"\nacronym = \"A\"\nnote = \"n\"\nfamily = \"N\"\n",
        );
        let written = text.lines().filter(|l| l.contains(" = ")).count();
        // `[[people]]` and `inferred_date`, which `date` excludes, aside.
        assert_eq!(written + 2, DOCUMENT.len() + PERSON.len());
        let file = SourceFile::new("d.toml", text.clone());
        let doc: Document = from_toml(&file).unwrap();
        assert_eq!(doc.people[0].note.as_deref(), Some("n"));
        let (read, problems) = read(&text);
        assert_eq!(problems, Vec::<String>::new());
        assert_eq!(read, Some(doc));
        // Serde's own lists of the fields it takes are the schema's, both ways.
        for (text, fields) in [("zzz = 1", DOCUMENT), ("[[people]]\nzzz = 1", PERSON)] {
            let err = from_toml::<Document>(&SourceFile::new("d.toml", text.into()))
                .unwrap_err()
                .message;
            let (_, listed) = err.split_once("expected one of").unwrap();
            let serde: Vec<&str> = listed.split('`').skip(1).step_by(2).collect();
            let ours: Vec<&str> = fields.iter().map(|(name, _, _)| *name).collect();
            assert_eq!(serde, ours, "{err}");
        }
    }

    #[test]
    fn every_mistake_in_a_file_is_said_at_once_with_what_was_meant() {
        let (doc, problems) = read(
            "id = \"d\"\ntitle = \"T\"\nkind = \"stament\"\nparagraphs = [\"P\", 3]\n\
             dat = \"2015\"\n[[people]]\nname = \"N\"\nkind = \"organisation\"\nrole = \"signer\"\n\
             [[people]]\nkind = \"person\"\nrole = \"quoted\"\n",
        );
        assert!(doc.is_some(), "the stand-ins read");
        assert_eq!(problems.len(), 6, "{problems:#?}");
        let starts = [
            "d.toml:3:8: field `kind`: unknown variant `stament`, expected one of `press-release`",
            "d.toml:4:20: field `paragraphs[1]`: invalid type: integer `3`, expected a string",
            "d.toml:5:1: field `dat`: unknown field `dat`, expected one of `id`",
            "d.toml:8:8: field `people[0].kind`: unknown variant `organisation`",
            "d.toml:9:8: field `people[0].role`: unknown variant `signer`",
            "d.toml:10:1: field `people[1]`: missing field `name`",
        ];
        let mut sorted = problems.clone();
        sorted.sort_by_key(|p| {
            let mut parts = p.split(':').skip(1);
            let line: usize = parts.next().unwrap().parse().unwrap();
            line
        });
        for (problem, start) in sorted.iter().zip(starts) {
            assert!(problem.starts_with(start), "{start}\nin\n{problem}");
        }
        for (problem, meant) in [
            (&sorted[0], "did you mean `statement`?"),
            (&sorted[2], "did you mean `date`?"),
            (&sorted[3], "did you mean `organization`?"),
            (&sorted[4], "did you mean `signatory`?"),
        ] {
            assert!(problem.contains(meant), "{meant}\nin\n{problem}");
        }
    }

    #[test]
    fn a_json_file_gets_every_mistake_at_once_each_at_its_place() {
        let text = "[{\"id\": \"a\", \"title\": \"T\", \"kind\": \"statement\", \"paragraphs\": [\"x\"]},\n\
                    {\"id\": \"b\", \"title\": null, \"kind\": \"stament\", \"paragraphs\": [\"\\u00e9\", 2],\n\
                    \"people\": [{\"name\": \"N\", \"kind\": \"organisation\", \"role\": \"signer\"}]}]";
        let file = SourceFile::new("d.json", text.to_string());
        let (docs, problems) = read_json(&file).unwrap();
        assert_eq!(docs.len(), 2, "stand-ins read");
        assert_eq!(docs[1].paragraphs[0], "é");
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        let heads: Vec<&str> = shown.iter().map(|s| s.lines().next().unwrap()).collect();
        for start in [
            "d.json:2:1: field `[1]`: missing field `title`",
            "d.json:2:36: field `[1].kind`: unknown variant `stament`",
            "d.json:2:72: field `[1].paragraphs[1]`: invalid type: integer `2`, expected a string",
            "d.json:3:34: field `[1].people[0].kind`: unknown variant `organisation`",
            "d.json:3:58: field `[1].people[0].role`: unknown variant `signer`",
        ] {
            assert!(
                heads.iter().any(|h| h.starts_with(start)),
                "{start}\nin\n{heads:#?}"
            );
        }
        assert_eq!(heads.len(), 5, "{heads:#?}");
    }

    #[test]
    fn json_is_read_as_serde_json_reads_it_or_not_at_all() {
        for text in [
            r#"{"a": [1, -2.5e3, true, false, "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"], "b": {}}"#,
            "  [ ]  ",
            r#"{"n": null}"#,
        ] {
            assert!(json::parse(text).is_some(), "{text}");
            assert!(
                serde_json::from_str::<serde_json::Value>(text).is_ok(),
                "{text}"
            );
        }
        let value = json::parse(r#"{"s": "\ud83d\ude00\u00e9"}"#).unwrap();
        assert_eq!(
            value.get_ref().get("s").unwrap().get_ref().as_str(),
            Some("😀é")
        );
        for text in [
            "",
            "{",
            r#"{"a": 1,}"#,
            r#"{"a" 1}"#,
            "[1] [2]",
            r#""\ud83d""#,
            "\"a\u{1}\"",
            "nul",
            "01x",
            &"[".repeat(200),
        ] {
            assert!(json::parse(text).is_none(), "{text:?}");
        }
    }

    /// A JSON value of strings, whole numbers, flags, nulls, lists and
    /// objects, a few levels deep.
    fn json_values() -> impl proptest::strategy::Strategy<Value = serde_json::Value> {
        use proptest::prelude::*;
        use serde_json::Value;
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i32>().prop_map(Value::from),
            any::<String>().prop_map(Value::String),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                proptest::collection::btree_map(any::<String>(), inner, 0..4)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    /// The strings a spanned value holds, in order, and those of serde's.
    fn strings(value: &DeValue, out: &mut Vec<String>) {
        match value {
            DeValue::String(s) => out.push(s.to_string()),
            DeValue::Array(items) => items.iter().for_each(|i| strings(i.get_ref(), out)),
            DeValue::Table(t) => t.iter().for_each(|(k, v)| {
                out.push(k.get_ref().to_string());
                strings(v.get_ref(), out)
            }),
            _ => {}
        }
    }

    fn serde_strings(value: &serde_json::Value, out: &mut Vec<String>) {
        use serde_json::Value;
        match value {
            Value::String(s) => out.push(s.clone()),
            Value::Array(items) => items.iter().for_each(|i| serde_strings(i, out)),
            Value::Object(m) => m.iter().for_each(|(k, v)| {
                // A null member reads as no member.
                if !v.is_null() {
                    out.push(k.clone());
                    serde_strings(v, out)
                }
            }),
            _ => {}
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        #[test]
        fn any_json_is_read_with_the_strings_serde_json_reads(value in json_values()) {
            // A file holds a list or an object: a lone null is no document.
            let value = serde_json::Value::Array(vec![value]);
            for text in [value.to_string(), serde_json::to_string_pretty(&value).unwrap()] {
                let read = json::parse(&text);
                proptest::prop_assert!(read.is_some(), "{}", text);
                let mut ours = Vec::new();
                strings(read.unwrap().get_ref(), &mut ours);
                let mut theirs = Vec::new();
                serde_strings(&value, &mut theirs);
                ours.sort();
                theirs.sort();
                proptest::prop_assert_eq!(ours, theirs);
            }
        }
    }

    #[test]
    fn serde_s_messages_get_a_suggestion_where_one_is_close() {
        assert_eq!(
            with_suggestion("unknown variant `memo`, expected `a` or `b`"),
            "unknown variant `memo`, expected `a` or `b`"
        );
        assert_eq!(
            with_suggestion(
                "unknown variant `orgnization`, expected one of `organization`, `person`"
            ),
            "unknown variant `orgnization`, expected one of `organization`, `person`; did you mean `organization`?"
        );
        assert_eq!(with_suggestion("trailing comma"), "trailing comma");
    }
}
