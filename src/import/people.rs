//! Who a capture names, in the forms these documents use: signature and
//! member lists, speakers ("said NAME, TITLE at BODY"), the issuer named in
//! the lead, and known entities the text quotes or names.

use super::entry::{self, Found, is_acronym, is_person_name, person, split_outside, title_at};
use super::structure::Layout;
use super::vocab::REPORTING_VERBS;
use crate::corpus::{Entities, PersonKind, Role, name_key};

/// The entity a name links to, where the documented rules reach one.
pub fn known(entities: &Entities, kind: PersonKind, name: &str) -> Option<usize> {
    let before = entities.all().len();
    let mut scratch = entities.clone();
    let id = scratch.resolve(kind, name);
    (id < before).then_some(id)
}

pub fn find(layout: &Layout, lead: Option<&str>, entities: &Entities) -> Vec<Found> {
    let mut found = Vec::new();
    if let Some(lead) = lead {
        found.extend(issuers(lead));
    }
    for item in &layout.lists {
        let lines = if item.bracketed {
            split_outside(&item.text, ", ")
                .into_iter()
                .map(|s| s.trim().trim_start_matches("and ").to_string())
                .collect()
        } else {
            vec![item.text.clone()]
        };
        for line in lines {
            found.extend(entry::parse(&line, item.role, item.kind));
        }
    }
    for paragraph in &layout.paragraphs {
        found.extend(speakers(paragraph));
    }
    found.extend(named(layout, &found, entities));
    speak_for(&mut found);
    // A kind the form guessed gives way to the kind of a known entity.
    for f in &mut found {
        let p = &mut f.person;
        if known(entities, p.kind, &p.name).is_some() {
            continue;
        }
        if let Some(other) = PersonKind::ALL
            .into_iter()
            .find(|&k| known(entities, k, &p.name).is_some())
        {
            p.kind = other;
            f.review = Some(format!("kind {other}, as the known entity"));
        }
    }
    dedupe(found)
}

/// Speakers introduced as "The independent experts, …" speak for the body
/// of the document whose name holds those words, if exactly one does.
fn speak_for(found: &mut [Found]) {
    let bodies: Vec<String> = found
        .iter()
        .filter(|f| f.person.kind.is_body())
        .map(|f| f.person.name.clone())
        .collect();
    for f in found.iter_mut() {
        let Some(group) = f.review.as_deref().and_then(|r| r.strip_prefix("group:")) else {
            continue;
        };
        let words = group.to_lowercase();
        let matching: Vec<&String> = bodies
            .iter()
            .filter(|b| b.to_lowercase().contains(&words))
            .collect();
        f.review = match matching.as_slice() {
            [body] if f.person.affiliation.is_none() => {
                f.person.affiliation = Some(body.to_string());
                Some(format!("affiliation from “The {group}” before the name"))
            }
            _ => None,
        };
    }
}

/// One entry per name and role: a speaker quoted twice is one entry, the
/// first, which has the fuller description.
fn dedupe(found: Vec<Found>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    for f in found {
        let key = (name_key(&f.person.name), f.person.role);
        if !out
            .iter()
            .any(|o| (name_key(&o.person.name), o.person.role) == key)
        {
            out.push(f);
        }
    }
    out
}

/// The issuer the lead names: "The International Coalition … (ICNK),
/// consisting of …, welcomed", or "…, A, B, and the C said today."
fn issuers(lead: &str) -> Vec<Found> {
    let issuer = |name: &str, acronym: Option<&str>| {
        let mut p = person(name, PersonKind::Organization, Role::Issuer);
        p.acronym = acronym.map(str::to_string);
        Found {
            person: p,
            review: Some("issuer read from the lead".to_string()),
        }
    };
    let text = super::dates::dateline(lead).map_or(lead, |(d, _, _)| &lead[d.len()..]);
    let text = text.trim_start_matches([' ', '–', '—', '-']).trim_start();
    let text = text.strip_prefix("The ").unwrap_or(text);
    if let Some((name, rest)) = text.split_once(" (")
        && let Some((acronym, _)) = rest.split_once(')')
        && is_acronym(acronym)
        && is_body_name(name)
    {
        return vec![issuer(name, Some(acronym))];
    }
    let first = lead.split(". ").next().unwrap_or(lead);
    let Some((before, _)) = first
        .split_once(" said today")
        .or_else(|| first.split_once(" said on "))
    else {
        return Vec::new();
    };
    let mut names = Vec::new();
    for part in split_outside(before, ", ").iter().rev() {
        let name = part.trim();
        let name = name.strip_prefix("and ").unwrap_or(name);
        let name = name.strip_prefix("the ").unwrap_or(name);
        if !is_body_name(name) {
            break;
        }
        names.push(name.to_string());
    }
    names.iter().rev().map(|n| issuer(n, None)).collect()
}

/// A body's name: capitalised words joined by the small words of names.
fn is_body_name(s: &str) -> bool {
    const SMALL: [&str; 12] = [
        "of", "for", "the", "and", "to", "in", "on", "against", "de", "la", "y", "&",
    ];
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 16
        && words[0].chars().next().is_some_and(char::is_uppercase)
        && words.iter().all(|w| {
            SMALL.contains(w)
                || w.chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c == '’')
        })
}

/// Speakers of a paragraph that quotes: "said NAME, TITLE at BODY." and
/// "NAME, TITLE of BODY, added that, “…".
fn speakers(paragraph: &str) -> Vec<Found> {
    if !paragraph.contains(['“', '"']) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let quoted = |name: &str, appositive: Option<&str>| {
        let mut p = person(name, PersonKind::Person, Role::Quoted);
        match appositive.map(|a| (a, title_at(a))) {
            // "a lawyer in the Supreme Court of Bangladesh": a description.
            Some((a, _)) if a.starts_with(char::is_lowercase) => p.note = Some(a.to_string()),
            Some((_, Some((title, org)))) => {
                p.title = Some(title);
                p.affiliation = Some(org);
            }
            Some((a, None)) if entry::is_title(a) => p.title = Some(a.to_string()),
            _ => {}
        }
        Found {
            person: p,
            review: None,
        }
    };
    // "said NAME, APPOSITIVE." after a quotation.
    for (at, _) in paragraph.match_indices("said ") {
        let rest = &paragraph[at + 5..];
        let sentence = rest.split(['“', '"']).next().unwrap_or(rest);
        let sentence = sentence.split(". ").next().unwrap_or(sentence);
        let sentence = sentence.trim_end().trim_end_matches('.');
        let mut parts = sentence.splitn(2, ", ");
        let name = parts.next().unwrap_or("");
        if is_person_name(name) {
            out.push(quoted(name, parts.next()));
        }
    }
    // "NAME, APPOSITIVE, VERB that, “…" and "TITLE, NAME, VERB that “…".
    for verb in REPORTING_VERBS {
        for (at, _) in paragraph.match_indices(&format!(", {verb} ")) {
            let soon: String = paragraph[at..].chars().take(30).collect();
            if !soon.contains(['“', '"']) {
                continue;
            }
            let before = &paragraph[..at];
            let sentence = before.rsplit(". ").next().unwrap_or(before);
            out.extend(before_verb(sentence, &quoted));
        }
    }
    out
}

/// The speakers before a reporting verb: "TITLE, NAME" or one or more
/// "NAME, APPOSITIVE" joined by "and", after a phrase such as "The
/// independent experts" that names the body they speak for.
fn before_verb(sentence: &str, quoted: &dyn Fn(&str, Option<&str>) -> Found) -> Vec<Found> {
    let parts: Vec<String> = split_outside(sentence, ", ")
        .into_iter()
        .map(|p| p.trim().to_string())
        .collect();
    let name_at = |i: usize| {
        parts
            .get(i)
            .map(|p| p.strip_prefix("and ").unwrap_or(p.as_str()))
            .filter(|p| is_person_name(p))
    };
    let n = parts.len();
    if let Some(name) = name_at(n - 1) {
        let mut f = quoted(name, None);
        // "the new UN Special Rapporteur on …, NAME": the office's own words.
        let office = n
            .checked_sub(2)
            .map(|i| parts[i].trim_start_matches(|c: char| !c.is_uppercase()));
        if let Some(office) = office.filter(|o| {
            o.split_whitespace()
                .any(|w| super::vocab::TITLE_NOUNS.contains(&w.to_lowercase().as_str()))
        }) {
            f.person.title = Some(office.to_string());
            f.review = Some("title from the words before the name".to_string());
        }
        return vec![f];
    }
    let mut out = Vec::new();
    let mut k = n;
    while k >= 2 {
        let Some(name) = name_at(k - 2) else { break };
        out.push(quoted(name, Some(&parts[k - 1])));
        let joined = parts[k - 2].starts_with("and ");
        k -= 2;
        if !joined {
            break;
        }
    }
    out.reverse();
    // "The independent experts, NAME, …": the body they speak for, if the
    // text names one whose name holds those words.
    if let Some(group) = k.checked_sub(1).and_then(|i| parts[i].strip_prefix("The ")) {
        for f in &mut out {
            f.review = Some(format!("group:{group}"));
        }
    }
    out
}

/// Known entities the text names that no list or speaker gave: a body
/// whose words the text quotes ("The Group … asserted that “…”") is
/// quoted; a known person named in the text or a note is mentioned.
fn named(layout: &Layout, found: &[Found], entities: &Entities) -> Vec<Found> {
    // A speaker's body is their affiliation, not a speaker of its own.
    let listed = |e: usize| {
        found.iter().any(|f| {
            known(entities, f.person.kind, &f.person.name) == Some(e)
                || f.person
                    .affiliation
                    .as_deref()
                    .and_then(|a| known(entities, PersonKind::Organization, a))
                    == Some(e)
        })
    };
    let notes: Vec<&str> = found
        .iter()
        .filter_map(|f| f.person.note.as_deref())
        .collect();
    let texts: Vec<&str> = layout
        .paragraphs
        .iter()
        .map(String::as_str)
        .chain(notes)
        .collect();
    let mut out = Vec::new();
    for (e, entity) in entities.all().iter().enumerate() {
        if !entity.curated || listed(e) {
            continue;
        }
        let Some(name) = entity
            .names()
            .find(|n| texts.iter().any(|t| whole_word_at(t, n).is_some()))
        else {
            continue;
        };
        let role = match entity.kind {
            PersonKind::Person => Role::Mentioned,
            _ if texts.iter().any(|t| quotes_after(t, name)) => Role::Quoted,
            _ => continue,
        };
        let mut p = person(name, entity.kind, role);
        if entity.kind == PersonKind::Person {
            p.title = texts.iter().find_map(|t| calling_before(t, name));
        }
        out.push(Found {
            person: p,
            review: Some(format!("{role}: named in the text as a known entity")),
        });
    }
    out
}

/// "missionary" in "of missionary Kim Jeong-wook".
fn calling_before(text: &str, name: &str) -> Option<String> {
    let at = whole_word_at(text, name)?;
    let word = text[..at].split_whitespace().next_back()?;
    super::vocab::CALLINGS
        .contains(&word)
        .then(|| word.to_string())
}

fn whole_word_at(text: &str, name: &str) -> Option<usize> {
    text.match_indices(name).map(|(i, _)| i).find(|&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Whether the sentence naming `name` goes on to a reporting verb and a
/// quotation.
fn quotes_after(text: &str, name: &str) -> bool {
    let Some(at) = whole_word_at(text, name) else {
        return false;
    };
    let rest = &text[at + name.len()..];
    let sentence = rest.split(". ").next().unwrap_or(rest);
    let Some(verb) = REPORTING_VERBS
        .iter()
        .filter_map(|v| sentence.find(&format!(" {v} ")))
        .min()
    else {
        return false;
    };
    sentence[verb..].contains('“')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speakers_with_title_and_body() {
        let f = speakers(
            "“We urge it,” said Phil Robertson, Deputy Asia Director at Human Rights Watch. “More.”",
        );
        assert_eq!(f.len(), 1);
        let p = &f[0].person;
        assert_eq!(p.name, "Phil Robertson");
        assert_eq!(p.title.as_deref(), Some("Deputy Asia Director"));
        assert_eq!(p.affiliation.as_deref(), Some("Human Rights Watch"));
        let f = speakers(
            "In addition, Benedict Rogers, East Asia Team Leader of Christian Solidarity Worldwide, added that, “The UN should.”",
        );
        assert_eq!(
            f[0].person.affiliation.as_deref(),
            Some("Christian Solidarity Worldwide")
        );
    }

    #[test]
    fn issuers_from_the_lead() {
        let f = issuers(
            "(Seoul – March 7, 2017) -- The International Coalition to Stop Crimes (ICNK) today announced.",
        );
        assert_eq!(f[0].person.name, "International Coalition to Stop Crimes");
        assert_eq!(f[0].person.acronym.as_deref(), Some("ICNK"));
        let f = issuers(
            "States should vote for it, Amnesty International, Human Rights Watch, and the Jacob Blaustein Institute said today. More.",
        );
        let names: Vec<&str> = f.iter().map(|f| f.person.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Amnesty International",
                "Human Rights Watch",
                "Jacob Blaustein Institute"
            ]
        );
    }
}
