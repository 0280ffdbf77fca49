//! One entry of a list, or one speaker, into people entries: the name
//! apart from the title, affiliation, country, acronym and description,
//! each a piece of the capture's own words. What no form decides is left
//! whole and flagged, never guessed into a field.

use super::names::{
    self, has_organization_word, is_acronym, is_body_name, is_name, is_title, split_outside,
};
use super::vocab::{HONORIFICS, ORGANIZATION_WORDS, TITLE_NOUNS, is_country};
use crate::corpus::{Person, PersonKind, Role};

/// A people entry and what a reviewer should check in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub person: Person,
    pub review: Option<String>,
}

pub fn person(name: &str, kind: PersonKind, role: Role) -> Person {
    Person {
        name: name.trim().to_string(),
        kind,
        role,
        title: None,
        affiliation: None,
        country: None,
        acronym: None,
        note: None,
        family: None,
        entity: 0,
    }
}

fn some(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// A person's name in a list line, where bodies stand beside people: a
/// name's shape (see `names::is_person_name`) of at most four words, with
/// no acronym and no word of bodies' names.
pub fn is_person_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    names::is_person_name(s)
        && words.len() <= 4
        && words.iter().all(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
                && !(letters >= 2
                    && w.chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase))
                && !ORGANIZATION_WORDS.contains(&w.to_lowercase().trim_end_matches('.'))
        })
}

/// "Deputy Director of the Asia Division at Human Rights Watch": the title
/// and the body, split at the last " at ", else the first " of ", with a
/// leading "the" of the body dropped.
pub fn title_at(s: &str) -> Option<(String, String)> {
    let (title, org) = s.rsplit_once(" at ").or_else(|| s.split_once(" of "))?;
    let org = org.strip_prefix("the ").unwrap_or(org);
    (!title.is_empty() && org.chars().next().is_some_and(char::is_uppercase))
        .then(|| (title.trim().to_string(), org.trim().to_string()))
}

/// Takes the trailing "(…)" groups off `s`: countries, acronyms and
/// descriptions, and an acronym written first ("COMJAN (Investigation
/// Commission …)").
fn parentheses(mut s: &str, p: &mut Person) {
    loop {
        let t = s.trim_end();
        let Some(open) = t.strip_suffix(')').and_then(|t| {
            let mut depth = 0;
            t.char_indices()
                .rev()
                .find(|&(_, c)| {
                    depth += match c {
                        ')' => 1,
                        '(' => -1,
                        _ => 0,
                    };
                    depth < 0
                })
                .map(|(i, _)| i)
        }) else {
            break;
        };
        let group = &t[open + 1..t.len() - 1];
        let head = t[..open].trim_end();
        if head.is_empty() {
            break;
        }
        if is_country(group) && p.country.is_none() {
            p.country = Some(group.to_string());
        } else if is_acronym(group) && p.acronym.is_none() {
            p.acronym = Some(group.to_string());
        } else if group.chars().next().is_some_and(char::is_lowercase) && p.note.is_none() {
            p.note = Some(group.to_string());
        } else if is_body_name(group) && is_name(head) && !is_acronym(head) && p.note.is_none() {
            // "No Chain (The Association of … Families)": the body's
            // other name, a note on the name it goes by.
            p.note = Some(group.to_string());
        } else if is_acronym(head) && p.acronym.is_none() {
            p.acronym = Some(head.to_string());
            p.name = group.to_string();
            return;
        } else {
            break;
        }
        s = head;
    }
    p.name = s.trim().to_string();
    // "Liberty in North Korea - LiNK"
    if p.acronym.is_none()
        && let Some((name, acronym)) = p.name.rsplit_once(" - ")
        && !acronym.contains(' ')
        && is_acronym(acronym)
    {
        p.acronym = Some(acronym.to_string());
        p.name = name.to_string();
    }
}

/// A description after " / ": segments joined by " & "; the one segment
/// of the form "Title of|at Body" gives title and affiliation, the others
/// are the note. Where that is not clear, the whole is the title.
fn describe(desc: &str, p: &mut Person) {
    let segments = split_outside(desc, " & ");
    let offices: Vec<usize> = (0..segments.len())
        .filter(|&i| title_at(&segments[i]).is_some_and(|(t, _)| is_title(&t)))
        .collect();
    match offices.as_slice() {
        [one] => {
            let (title, org) = title_at(&segments[*one]).unwrap_or_default();
            let mut body = person(&org, PersonKind::Organization, p.role);
            parentheses(&org, &mut body);
            p.title = Some(title);
            p.affiliation = Some(body.name);
            p.country = body.country;
            let rest: Vec<&str> = (0..segments.len())
                .filter(|i| i != one)
                .map(|i| segments[i].as_str())
                .collect();
            p.note = some(&rest.join(" & "));
        }
        _ => p.title = Some(desc.to_string()),
    }
}

/// "Name, Title, Body, and author of …": the title if the first part reads
/// as one, "and …" as the note, a part joining a description and a body
/// with " & " split by which holds a body's word, the rest the affiliation.
fn affiliations(parts: &[String], p: &mut Person) {
    let mut bodies = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let part = part.trim();
        if i == 0 && is_title(part) {
            p.title = Some(part.to_string());
        } else if let Some(rest) = part.strip_prefix("and ") {
            p.note = Some(rest.to_string());
        } else if let Some((a, b)) = part.split_once(" & ")
            && has_organization_word(a) != has_organization_word(b)
        {
            let (org, note) = if has_organization_word(a) {
                (a, b)
            } else {
                (b, a)
            };
            bodies.push(org.to_string());
            p.note = Some(note.to_string());
        } else {
            bodies.push(part.to_string());
        }
    }
    p.affiliation = some(&bodies.join(", "));
}

/// The entries one line of a list names.
pub fn parse(line: &str, role: Role, kind: Option<PersonKind>) -> Vec<Found> {
    let line = line.trim().trim_end_matches(['.', ';']).trim();
    // Two people in one entry: "Kim Kyu Li and Kim Hyuk (elder sister …)".
    let may_be_person = kind.is_none_or(|k| k == PersonKind::Person);
    if may_be_person {
        let mut shared = person(line, PersonKind::Person, role);
        parentheses(line, &mut shared);
        if let Some((a, b)) = shared.name.split_once(" and ")
            && is_person_name(a)
            && is_person_name(b)
            && shared.title.is_none()
        {
            return [(a, b), (b, a)]
                .into_iter()
                .map(|(one, other)| {
                    let mut p = person(one, PersonKind::Person, role);
                    p.country.clone_from(&shared.country);
                    p.note = shared
                        .note
                        .as_ref()
                        .map(|n| format!("listed with {other} as “{n}”"));
                    Found {
                        person: p,
                        review: None,
                    }
                })
                .collect();
        }
    }
    let mut p = person(line, kind.unwrap_or(PersonKind::Organization), role);
    let mut review = None;
    let (head, tail) = match line.split_once(" / ") {
        Some((h, t)) if !h.contains(", ") => (h.to_string(), Some(t.to_string())),
        // "Name, Title, Body / Member, Other Body": the tail is a note.
        Some((h, t)) => {
            p.note = Some(t.to_string());
            (h.to_string(), None)
        }
        // "Larry Diamond - Professor at Stanford University": a person's
        // name, then what they are; a body's name may hold a dash itself.
        None => match dashed(line) {
            Some((h, t)) => (h.to_string(), Some(t.to_string())),
            None => (line.to_string(), None),
        },
    };
    let note = p.note.take();
    parentheses(&head, &mut p);
    p.note = p.note.or(note);
    if let Some(desc) = tail {
        p.name = head.clone();
        let mut named = person(&head, p.kind, role);
        parentheses(&head, &mut named);
        p.name = named.name;
        p.country = named.country;
        p.note = named.note;
        describe(&desc, &mut p);
    } else if may_be_person {
        let parts = split_outside(&p.name, ", ");
        let corporate = parts.len() == 2 && matches!(parts[1].as_str(), "Inc." | "Ltd." | "LLC");
        if parts.len() > 1 && is_person_name(&parts[0]) && !corporate {
            p.kind = PersonKind::Person;
            p.name = parts[0].clone();
            affiliations(&parts[1..], &mut p);
        }
    }
    if kind.is_none() && p.kind == PersonKind::Organization && is_person_name(&p.name) {
        p.kind = PersonKind::Person;
        review = Some("kind guessed from the name's form: a person".to_string());
    }
    if kind.is_none() && p.kind == PersonKind::Organization {
        if names_a_government(&p.name) {
            p.kind = PersonKind::State;
        } else if is_country(&p.name) {
            p.kind = PersonKind::State;
            review = Some("kind state: a country's name alone, so its government".to_string());
        }
    }
    if starts_with_office(&p.name) {
        let why = "the name begins with an office or honorific: is that part of the name?";
        review = Some(review.map_or(why.to_string(), |r| format!("{r}; {why}")));
    }
    vec![Found { person: p, review }]
}

/// A person's name before a dash, and what follows it.
fn dashed(line: &str) -> Option<(&str, &str)> {
    [" - ", " – ", " — "].iter().find_map(|dash| {
        let (head, tail) = line.split_once(dash)?;
        (is_person_name(head) && !tail.trim().is_empty()).then_some((head, tail))
    })
}

/// "Co-Chairs of the Commission", "Congressmen Christopher H. Smith": a
/// list line that opens with an office (one or several holders) or an
/// honorific may name the office, or hold the title in the name.
fn starts_with_office(name: &str) -> bool {
    let first = name.split_whitespace().next().unwrap_or("");
    let word = first.trim_end_matches('.').to_lowercase();
    let one = word
        .strip_suffix("men")
        .map(|w| format!("{w}man"))
        .or_else(|| word.strip_suffix('s').map(str::to_string))
        .unwrap_or_else(|| word.clone());
    HONORIFICS.contains(&first.trim_end_matches('.'))
        || TITLE_NOUNS.contains(&word.as_str())
        || TITLE_NOUNS.contains(&one.as_str())
}

/// A name that can only be a state's own: "Government of Chile", "The
/// Permanent Mission of France to the United Nations".
fn names_a_government(name: &str) -> bool {
    let name = name.strip_prefix("The ").unwrap_or(name);
    ["Government of ", "Permanent Mission of "]
        .iter()
        .any(|lead| name.starts_with(lead))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(line: &str, kind: Option<PersonKind>) -> Person {
        parse(line, Role::Signatory, kind).remove(0).person
    }

    #[test]
    fn governments_are_states_and_a_country_alone_is_one_flagged() {
        let found = |line: &str, kind| {
            let f = parse(line, Role::Signatory, kind).remove(0);
            (f.person.name, f.person.kind, f.review.is_some())
        };
        let state = |name: &str, review| (name.to_string(), PersonKind::State, review);
        assert_eq!(
            found("Government of Chile", None),
            state("Government of Chile", false)
        );
        assert_eq!(
            found(
                "The Permanent Mission of France to the United Nations",
                None
            ),
            state(
                "The Permanent Mission of France to the United Nations",
                false
            )
        );
        assert_eq!(found("United Kingdom", None), state("United Kingdom", true));
        // Under a "States:" heading the kind is given, and nothing is split.
        assert_eq!(
            found("Republic of Korea", Some(PersonKind::State)),
            state("Republic of Korea", false)
        );
        // A body named after its country is not a state.
        assert_eq!(
            found("Human Rights Watch (USA)", None).1,
            PersonKind::Organization
        );
    }

    #[test]
    fn parentheses_and_dashes() {
        let p = one("Freedom House (USA)", None);
        assert_eq!(
            (p.name.as_str(), p.country.as_deref()),
            ("Freedom House", Some("USA"))
        );
        let p = one("Human Rights Watch (HRW)", None);
        assert_eq!(p.acronym.as_deref(), Some("HRW"));
        let p = one(
            "COMJAN (Investigation Commission on Missing Japanese)(Japan)",
            None,
        );
        assert_eq!(p.name, "Investigation Commission on Missing Japanese");
        assert_eq!(
            (p.acronym.as_deref(), p.country.as_deref()),
            (Some("COMJAN"), Some("Japan"))
        );
        let p = one("Liberty in North Korea - LiNK (USA)", None);
        assert_eq!(
            (p.name.as_str(), p.acronym.as_deref()),
            ("Liberty in North Korea", Some("LiNK"))
        );
        let p = one(
            "Steven Pinker - Professor at Harvard University & author of “Better Angels of Our Nature”",
            None,
        );
        assert_eq!(
            (
                p.name.as_str(),
                p.kind,
                p.title.as_deref(),
                p.affiliation.as_deref()
            ),
            (
                "Steven Pinker",
                PersonKind::Person,
                Some("Professor"),
                Some("Harvard University")
            )
        );
        assert_eq!(
            p.note.as_deref(),
            Some("author of “Better Angels of Our Nature”")
        );
        let p = one("Nurul Izzah Anwar – Malaysian politician", None);
        assert_eq!(
            (p.name.as_str(), p.title.as_deref()),
            ("Nurul Izzah Anwar", Some("Malaysian politician"))
        );
        let p = one("SARAM - Für Menschen in Nordkorea (Germany)", None);
        assert_eq!(p.name, "SARAM - Für Menschen in Nordkorea");
        let p = one(
            "Balay Advocates for Development, Inc. (BALAOD Mindanaw)",
            Some(PersonKind::Organization),
        );
        assert_eq!(p.name, "Balay Advocates for Development, Inc.");
    }

    #[test]
    fn a_line_opening_with_an_office_is_flagged() {
        for line in [
            "Co-Chairs of the Tom Lantos Human Rights Commission",
            "Congressmen Christopher H. Smith (R-NJ)",
            "Dr. Kim",
        ] {
            let f = parse(line, Role::Signatory, None).remove(0);
            assert!(
                f.review.as_deref().is_some_and(|r| r.contains("office")),
                "{line}: {:?}",
                f.review
            );
        }
        assert_eq!(
            parse("Citizens' Alliance", Role::Signatory, None)[0].review,
            None
        );
    }

    #[test]
    fn people_with_titles_and_bodies() {
        let p = one("Ken Kato, Director, Human Rights in Asia (Japan)", None);
        assert_eq!(p.kind, PersonKind::Person);
        assert_eq!(
            (
                p.title.as_deref(),
                p.affiliation.as_deref(),
                p.country.as_deref()
            ),
            (
                Some("Director"),
                Some("Human Rights in Asia"),
                Some("Japan")
            )
        );
        let p = one(
            "Suzanne Scholte / Seoul Peace Prize Recipient & President of Defense Forum Foundation (USA)",
            Some(PersonKind::Person),
        );
        assert_eq!(
            (
                p.title.as_deref(),
                p.affiliation.as_deref(),
                p.country.as_deref(),
                p.note.as_deref()
            ),
            (
                Some("President"),
                Some("Defense Forum Foundation"),
                Some("USA"),
                Some("Seoul Peace Prize Recipient")
            )
        );
        let p = one(
            "David Hawk, Visiting Scholar, Columbia University, Institute X, and author of Hidden Gulag",
            None,
        );
        assert_eq!(
            p.affiliation.as_deref(),
            Some("Columbia University, Institute X")
        );
        assert_eq!(p.note.as_deref(), Some("author of Hidden Gulag"));
        let two = parse(
            "Kim Kyu Li and Kim Hyuk (elder sister and cousin of Kim Cheol-ok)",
            Role::Signatory,
            Some(PersonKind::Person),
        );
        assert_eq!(two.len(), 2);
        assert_eq!(
            two[1].person.note.as_deref(),
            Some("listed with Kim Kyu Li as “elder sister and cousin of Kim Cheol-ok”")
        );
    }
}
