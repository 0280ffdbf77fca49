//! The draft as TOML, in the order the curated files use, with a
//! `# review:` comment above each field the importer could not decide.

use super::Draft;
use crate::corpus::Person;
use std::fmt::Write;

fn quoted(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// The draft's TOML. `link` names the known entity a person links to.
pub fn to_toml(draft: &Draft, link: &dyn Fn(&Person) -> Option<String>) -> String {
    let doc = &draft.doc;
    let mut out = String::new();
    let review = |out: &mut String, field: &str| {
        for r in draft.reviews.iter().filter(|r| r.field == field) {
            let _ = writeln!(out, "# review: {}", one_line(&r.note));
        }
    };
    let field = |out: &mut String, name: &'static str, value: Option<String>| {
        review(out, name);
        if let Some(v) = value {
            let _ = writeln!(out, "{name} = {v}");
        }
    };
    let s = |v: &Option<String>| v.as_deref().map(quoted);
    field(&mut out, "id", Some(quoted(&doc.id)));
    field(&mut out, "title", Some(quoted(&doc.title)));
    if doc.title_supplied {
        field(&mut out, "title_supplied", Some("true".into()));
    }
    field(&mut out, "subtitle", s(&doc.subtitle));
    field(&mut out, "date", doc.date.map(|d| quoted(&d.to_string())));
    field(&mut out, "date_note", s(&doc.date_note));
    field(
        &mut out,
        "inferred_date",
        doc.inferred_date.map(|d| quoted(&d.to_string())),
    );
    field(
        &mut out,
        "inferred_date_reason",
        s(&doc.inferred_date_reason),
    );
    field(&mut out, "kind", Some(quoted(&doc.kind.to_string())));
    field(&mut out, "place", s(&doc.place));
    field(&mut out, "posted_by", s(&doc.posted_by));
    field(&mut out, "url", s(&doc.url));
    field(&mut out, "publisher", s(&doc.publisher));
    field(
        &mut out,
        "accessed",
        doc.accessed.map(|d| quoted(&d.to_string())),
    );
    field(&mut out, "curator_note", s(&doc.curator_note));
    if !doc.tags.is_empty() {
        field(&mut out, "tags", Some(array(&doc.tags, false)));
    }
    field(&mut out, "people_heading", s(&doc.people_heading));
    field(&mut out, "source", s(&doc.source));
    if !doc.omitted.is_empty() {
        out.push_str("# Lines of the capture not kept as text, verbatim: page chrome, list\n");
        out.push_str("# headings, and lines whose facts are kept above as metadata.\n");
        field(&mut out, "omitted", Some(array(&doc.omitted, true)));
    }
    field(&mut out, "paragraphs", Some(array(&doc.paragraphs, true)));
    if doc.people.is_empty() {
        review(&mut out, "people");
    }
    for (i, p) in doc.people.iter().enumerate() {
        out.push_str("\n[[people]]\n");
        if let Some(Some(note)) = draft.people_reviews.get(i) {
            let _ = writeln!(out, "# review: {}", one_line(note));
        }
        match link(p) {
            Some(id) => {
                let _ = writeln!(out, "# linked to the known entity \"{id}\"");
            }
            None => out.push_str("# a new name: no known entity\n"),
        }
        let _ = writeln!(out, "name = {}", quoted(&p.name));
        let _ = writeln!(out, "kind = {}", quoted(&p.kind.to_string()));
        let _ = writeln!(out, "role = {}", quoted(&p.role.to_string()));
        for (name, value) in [
            ("title", &p.title),
            ("affiliation", &p.affiliation),
            ("country", &p.country),
            ("acronym", &p.acronym),
            ("note", &p.note),
        ] {
            if let Some(v) = value {
                let _ = writeln!(out, "{name} = {}", quoted(v));
            }
        }
    }
    out
}

/// A comment stays on its line whatever the capture holds.
fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}

fn array<T: AsRef<str>>(items: &[T], long: bool) -> String {
    if !long {
        let inner: Vec<String> = items.iter().map(|s| quoted(s.as_ref())).collect();
        return format!("[{}]", inner.join(", "));
    }
    let mut out = String::from("[\n");
    for item in items {
        let _ = writeln!(out, "  {},", quoted(item.as_ref()));
    }
    out.push(']');
    out
}
