//! Who a capture names, in the forms these documents use: signature and
//! member lists, speakers ("said NAME, TITLE at BODY"), the issuer named in
//! the lead, and known entities the text quotes or names.

use super::entry::{self, Found, person};
use super::names::split_outside;
use super::names::{whole_words, word_at};
use super::prose;
use super::structure::Layout;
use super::vocab::{KOREAN_ABOVE_NOTE, KOREAN_LEGAL_FORMS, REPORTING_VERBS};
use crate::corpus::{Entities, Person, PersonKind, Role, name_key};
use std::collections::HashMap;

/// The entity a name links to, where the documented rules reach one.
pub fn known(entities: &Entities, kind: PersonKind, name: &str) -> Option<usize> {
    entities.find(kind, name)
}

/// The people a capture names: its lists, then the forms of its running
/// text and the known entities it names, in the order the text names them,
/// each once with its strongest role.
pub fn find(layout: &Layout, entities: &Entities, credits: &[Found]) -> Vec<Found> {
    let reported = is_report(layout, credits);
    let prose = prose::find(&layout.paragraphs, LEAD, reported);
    // "Source: NAME": the body whose text the page carries issues it.
    let sources = layout.credited.iter().flat_map(|name| {
        let mut found = entry::parse(name, Role::Issuer, Some(PersonKind::Organization));
        for f in &mut found {
            f.review = Some("issuer: the source the page credits".to_string());
        }
        found
    });
    let bylines = layout.bylines.iter().map(|name| {
        let kind = if super::names::is_person_name(name) {
            PersonKind::Person
        } else {
            PersonKind::Organization
        };
        Found {
            person: person(name, kind, Role::Issuer),
            review: Some("issuer: the byline's author".to_string()),
        }
    });
    // "국무부 대변인": a Korean title ends with the office, its body before.
    let signed = layout.signed.iter().map(|(name, title)| {
        // "Ambassador Robert King": the honorific is not the name.
        let name = super::names::person_after_title(name).map_or(name.clone(), |n| n.0);
        let mut p = person(&name, PersonKind::Person, Role::Issuer);
        match title.rsplit_once(' ') {
            Some((body, office)) if super::vocab::KOREAN_TITLES.contains(&office) => {
                p.title = Some(office.to_string());
                p.affiliation = Some(body.to_string());
            }
            _ => p.title = Some(title.clone()),
        }
        Found {
            person: p,
            review: Some("issuer: the speaker the statement's head names".to_string()),
        }
    });
    let heads = [&layout.title, &layout.subtitle]
        .into_iter()
        .flatten()
        .chain(
            layout
                .omitted
                .iter()
                .filter(|o| o.1 == "headline")
                .map(|o| &o.0),
        );
    // "Statement by NAME" issues it; "Statement delivered by NAME" speaks it.
    let headed = heads
        .flat_map(|h| {
            let spoken = prose::delivered(h, &[]).into_iter().map(|(f, _)| f);
            prose::issued_by(h).into_iter().chain(spoken)
        })
        .collect::<Vec<_>>();
    let mut in_text: Vec<(Found, (usize, usize))> = credits
        .iter()
        .cloned()
        .chain(bylines)
        .chain(sources)
        .chain(signed)
        .chain(headed)
        .map(|f| (f, (0, 0)))
        .chain(prose.iter().map(|n| (inferred(n.found.clone()), n.at)))
        .collect();
    let mut listed = Vec::new();
    for item in &layout.lists {
        let items = split_outside(&item.text, ", ");
        // A Korean list writes its bodies on a line, by commas: "가나다연대,
        // 라마바센터, …(이상 ICNK 회원단체)". The note on those above and a
        // legal form ("(사)") are no part of a name: they go in its note.
        let korean = items.len() >= 3 && item.text.chars().any(super::names::is_hangul);
        let lines: Vec<(String, Option<String>)> = if item.bracketed || korean {
            items.iter().map(|i| list_item(i)).collect()
        } else {
            vec![(item.text.clone(), None)]
        };
        for (line, note) in lines {
            let mut found = entry::parse(&line, item.role, item.kind);
            if let (Some(note), [one]) = (note, found.as_mut_slice()) {
                one.person.note = Some(note);
            }
            listed.extend(found);
        }
    }
    // Known names in the text, and in the notes the lists give ("cousin of
    // NAME"), which come after it.
    let notes: Vec<String> = listed
        .iter()
        .filter_map(|f| f.person.note.clone())
        .collect();
    let covered: Vec<(usize, std::ops::Range<usize>)> =
        prose.iter().filter_map(|n| n.covers.clone()).collect();
    let texts: Vec<&String> = layout.paragraphs.iter().chain(&notes).collect();
    in_text.extend(named(&texts, entities, &covered));
    in_text.sort_by_key(|(_, at)| *at);
    let mut found: Vec<Found> = in_text.into_iter().map(|(f, _)| f).collect();
    found.extend(listed);
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
    let mut found = merge(found, entities);
    for f in &mut found {
        if let Some(why) = doubtful_name(&f.person.name) {
            f.review = Some(match f.review.take() {
                Some(r) => format!("{r}; {why}"),
                None => why.to_string(),
            });
        }
    }
    found
}

/// A role the running text's wording gives is inferred, and every inferred
/// role is flagged: a form that names no one wrong on the pages it was
/// written from may on the next.
fn inferred(mut f: Found) -> Found {
    if f.review.is_none() {
        f.review = Some(format!(
            "{}: inferred from the running text's wording",
            f.person.role
        ));
    }
    f
}

/// Why a name may be cut or not a name: it ends in an initial ("Gordon
/// M."), or it has letters with case and no capital.
fn doubtful_name(name: &str) -> Option<&'static str> {
    let last = name.split_whitespace().next_back().unwrap_or("");
    let initial = last.ends_with('.') && last.chars().filter(|c| c.is_alphabetic()).count() == 1;
    let cased = name.chars().any(|c| c.is_lowercase() || c.is_uppercase());
    let capital = name.chars().any(char::is_uppercase);
    if initial {
        Some("the name ends in an initial: is it whole?")
    } else if cased && !capital {
        Some("the name has no capital: is it a name?")
    } else {
        None
    }
}

/// The known entities `texts` name, by the names written: for a draft that
/// names them and lists no one, so that the reviewer looks again.
pub fn known_named(texts: &[String], entities: &Entities) -> Vec<String> {
    let Some(names) = KnownNames::new(entities) else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for t in texts {
        for (_, span) in names.find(t) {
            let name = t[span].to_string();
            if !out.contains(&name) {
                out.push(name);
            }
        }
    }
    out
}

/// One item of a list written on a line, and what of it is no part of the
/// name, for its note: a legal form ("(사)21세기…") and a note on the items
/// above ("…(이상 ICNK 회원단체)").
fn list_item(item: &str) -> (String, Option<String>) {
    let written = item.trim().trim_start_matches("and ");
    let (item, above) = match written.find(KOREAN_ABOVE_NOTE) {
        Some(i) => (
            &written[..i],
            Some(written[i + 1..].trim_end_matches(')').trim()),
        ),
        None => (written, None),
    };
    let (name, form) = KOREAN_LEGAL_FORMS
        .iter()
        .find_map(|f| item.strip_prefix(f).map(|rest| (rest, Some(f.trim()))))
        .unwrap_or((item, None));
    // Both: the item as written, since a note holds the capture's words.
    let note = match (form, above) {
        (Some(_), Some(_)) => Some(written),
        (one, other) => one.or(other),
    };
    (name.trim().to_string(), note.map(str::to_string))
}

/// A news report credits an agency or a reporter; a body's byline ("by the
/// Coalition") makes it the author, not a reporter.
pub fn is_report(layout: &Layout, credits: &[Found]) -> bool {
    // "7/29/2013 North Korea (CSW) – …, Christian Solidarity Worldwide
    // (CSW) is calling": a release credits itself, an agency does not
    // spell itself out in its report's lead.
    let head = layout
        .paragraphs
        .iter()
        .take(3)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join("\n");
    let agency = credits
        .iter()
        .any(|c| head.matches(&format!("({})", c.person.name)).count() < 2);
    agency
        || layout
            .bylines
            .iter()
            .any(|b| super::names::is_person_name(b))
}

/// How many paragraphs at the head of the text may name its issuers.
const LEAD: usize = 2;

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

/// One entry per body or person, in the order first named, with its
/// strongest role; a body written two ways ("the International Federation
/// for Human Rights (FIDH)", then "FIDH") is one.
fn merge(found: Vec<Found>, entities: &Entities) -> Vec<Found> {
    let entity = |p: &Person| {
        PersonKind::ALL
            .into_iter()
            .find_map(|k| known(entities, k, &p.name))
    };
    // What an entry is found again by, each mapped to its place in `out`:
    // its name's key, its entity, its name and acronym (a body written
    // both ways), and a person's last words (named again by surname).
    let keys = |p: &Person| {
        let mut keys = vec![
            format!("key:{}", name_key(&p.name)),
            format!("name:{}", p.name),
        ];
        keys.extend(entity(p).map(|e| format!("entity:{e}")));
        keys.extend(p.acronym.as_ref().map(|a| format!("acronym:{a}")));
        if p.kind == PersonKind::Person {
            let words: Vec<&str> = p.name.split_whitespace().collect();
            keys.extend((1..words.len()).map(|i| format!("surname:{}", words[i..].join(" "))));
        }
        keys
    };
    let mut out: Vec<Found> = Vec::new();
    let mut places: HashMap<String, usize> = HashMap::new();
    for f in found {
        let q = &f.person;
        let mut probes = vec![
            format!("key:{}", name_key(&q.name)),
            format!("acronym:{}", q.name),
        ];
        probes.extend(entity(q).map(|e| format!("entity:{e}")));
        probes.extend(q.acronym.as_ref().map(|a| format!("name:{a}")));
        if q.kind == PersonKind::Person {
            probes.push(format!("surname:{}", q.name));
        }
        let at = match probes.iter().find_map(|k| places.get(k)).copied() {
            Some(at) => {
                absorb(&mut out[at], f);
                at
            }
            None => {
                out.push(f);
                out.len() - 1
            }
        };
        for key in keys(&out[at].person) {
            places.entry(key).or_insert(at);
        }
    }
    out
}

/// One entry takes what another naming of it adds: the stronger role, the
/// full name over an acronym, the fields it lacks.
fn absorb(o: &mut Found, f: Found) {
    if f.person.role < o.person.role {
        o.person.role = f.person.role;
        o.review = f.review.or(o.review.take());
    }
    let (p, q) = (&mut o.person, f.person);
    if q.acronym.as_deref() == Some(p.name.as_str()) {
        p.name = q.name;
        p.acronym = q.acronym;
    }
    p.title = p.title.take().or(q.title);
    p.affiliation = p.affiliation.take().or(q.affiliation);
    p.country = p.country.take().or(q.country);
    p.note = p.note.take().or(q.note);
}

/// Known entities the text names, where it names them: a body whose words
/// the text goes on to quote ("The Group … asserted that “…”") is quoted, a
/// person named is mentioned, a body merely named is left out. A name inside a speaker's description is their
/// affiliation, not an entry, unless the text names it elsewhere too.
fn named(
    texts: &[&String],
    entities: &Entities,
    covered: &[(usize, std::ops::Range<usize>)],
) -> Vec<(Found, (usize, usize))> {
    let Some(names) = KnownNames::new(entities) else {
        return Vec::new();
    };
    let mut out: Vec<(Found, (usize, usize))> = Vec::new();
    for (n, text) in texts.iter().enumerate() {
        for (e, span) in names.find(text) {
            let inside = covered
                .iter()
                .any(|(p, r)| *p == n && r.start <= span.start && span.end <= r.end);
            if inside {
                continue;
            }
            let entity = entities.get(e);
            // Where one of the entity's names holds another ("Commission of
            // Inquiry on …"), the name listed first that the text writes.
            let matched = &text[span.clone()];
            let written = entity
                .names()
                .find(|n| word_at(matched, n).is_some())
                .unwrap_or(matched);
            let role = match entity.kind {
                PersonKind::Person => Role::Mentioned,
                _ if quotes_after(&text[span.end..]) => Role::Quoted,
                // A body merely named is left out: the curated corpus
                // leaves such mentions out, and a wrong entry costs more
                // than a missing one.
                _ => continue,
            };
            let mut p = person(written, entity.kind, role);
            if entity.kind == PersonKind::Person {
                p.title = calling_before(&text[..span.start]);
            }
            out.push((
                Found {
                    person: p,
                    review: Some(format!("{role}: named in the text as a known entity")),
                },
                (n, span.start),
            ));
        }
    }
    out
}

/// Every known entity's names in one automaton, so that a text is read once
/// however many entities there are.
struct KnownNames {
    automaton: aho_corasick::AhoCorasick,
    entity: Vec<usize>,
}

impl KnownNames {
    fn new(entities: &Entities) -> Option<Self> {
        let mut patterns = Vec::new();
        let mut entity = Vec::new();
        for (e, en) in entities.all().iter().enumerate() {
            for name in en.names() {
                // A single short word ("THINK", "Conectas") names a body
                // only where the text says so; so does a lone word a
                // person is called by.
                if name.chars().count() >= 4 && name.contains(' ') {
                    patterns.push(name.to_string());
                    entity.push(e);
                }
            }
        }
        let automaton = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&patterns)
            .ok()?;
        Some(Self { automaton, entity })
    }

    /// Whole-word matches: the entity and the bytes.
    fn find(&self, text: &str) -> Vec<(usize, std::ops::Range<usize>)> {
        self.automaton
            .find_iter(text)
            .filter(|m| whole_words(text, m.range()))
            .map(|m| (self.entity[m.pattern().as_usize()], m.range()))
            .collect()
    }
}

/// "missionary" in "of missionary Kim Jeong-wook": the word before a name,
/// given the text before it.
fn calling_before(before: &str) -> Option<String> {
    let word = before.split_whitespace().next_back()?;
    super::vocab::CALLINGS
        .contains(&word)
        .then(|| word.to_string())
}

/// Whether `rest`, what follows a name, goes on in its sentence to a
/// reporting verb and a quotation.
fn quotes_after(rest: &str) -> bool {
    // What follows the name in its sentence, read no further than a
    // sentence goes, so that a long paragraph naming a body often costs its
    // length once, not once per naming.
    let near = rest
        .char_indices()
        .nth(600)
        .map_or(rest, |(i, _)| &rest[..i]);
    let sentence = near.split(". ").next().unwrap_or(near);
    let Some(verb) = REPORTING_VERBS
        .iter()
        .filter_map(|v| sentence.find(&format!(" {v} ")))
        .min()
    else {
        return false;
    };
    sentence[verb..].contains('“')
}
