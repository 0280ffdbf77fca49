//! Who a document is cited as: whom the curator names, else who issued it,
//! else its signatories, never who posted the page; organizations before individuals, each in the
//! document's order, and a long list shortened as citation styles do.

use crate::corpus::{Document, Person, PersonKind, Role};

/// How many names a shortened list keeps before "et al.".
const SHOWN: usize = 3;

/// The authors in full: those the curator's `cite_as` names, in its
/// order; else the issuers, or if none is marked, the signatories (a joint
/// letter's co-signers). Bodies (organizations and states) come first, as
/// the letters that list both are written in the voice of the groups.
pub fn authors(doc: &Document) -> Vec<&Person> {
    if !doc.cite_as.is_empty() {
        // Each is a people entry's name: the loader checks it.
        return doc
            .cite_as
            .iter()
            .filter_map(|name| doc.people.iter().find(|p| &p.name == name))
            .collect();
    }
    let role = if doc.people_with(Role::Issuer).next().is_some() {
        Role::Issuer
    } else {
        Role::Signatory
    };
    let (mut organizations, individuals): (Vec<&Person>, Vec<&Person>) =
        doc.people_with(role).partition(|p| p.kind.is_body());
    organizations.extend(individuals);
    organizations
}

/// Up to three names, then "et al." and how many there are in words:
/// "A, B, C, et al. (9 organizations)". `None` when the document names no
/// author.
pub fn short_authors(doc: &Document) -> Option<String> {
    let all = authors(doc);
    if all.is_empty() {
        return None;
    }
    let names: Vec<&str> = all.iter().map(|p| p.name.as_str()).collect();
    if names.len() <= SHOWN {
        return Some(names.join(", "));
    }
    let count = |kind| all.iter().filter(|p| p.kind == kind).count();
    let parts: Vec<String> = [
        (PersonKind::Organization, "organization", "organizations"),
        (PersonKind::State, "state", "states"),
        (PersonKind::Person, "individual", "individuals"),
    ]
    .into_iter()
    .filter_map(|(kind, one, many)| {
        Some(count(kind))
            .filter(|&n| n > 0)
            .map(|n| plural(n, one, many))
    })
    .collect();
    let count = join_and(&parts);
    Some(format!("{}, et al. ({count})", names[..SHOWN].join(", ")))
}

/// "a", "a and b", "a, b and c".
pub(crate) fn join_and(items: &[impl AsRef<str>]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [rest @ .., last] => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", rest.join(", "), last.as_ref())
        }
    }
}

/// "a", "a or b", "a, b or c".
pub(crate) fn join_or(items: &[impl AsRef<str>]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_string(),
        [rest @ .., last] => {
            let rest: Vec<&str> = rest.iter().map(AsRef::as_ref).collect();
            format!("{} or {}", rest.join(", "), last.as_ref())
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
