//! Who speaks in a sentence: "…,” said NAME, TITLE of BODY; NAME, TITLE
//! at BODY, said; a body's reported words.

use super::*;

/// Speakers in a sentence, in the orders these documents write them.
pub(super) fn speakers(
    sentence: &str,
    paragraph: usize,
    offset: usize,
    full: &[String],
) -> Vec<Named> {
    let mut out = Vec::new();
    let quotes = sentence.contains(['“', '"', '”']);
    for verb in SPEECH_VERBS.iter().chain(PERSON_SPEECH_VERBS) {
        let person_only = PERSON_SPEECH_VERBS.contains(verb);
        for (at, _) in sentence.match_indices(&format!(" {verb}")) {
            let end = at + 1 + verb.len();
            if sentence[end..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            let before = &sentence[..at];
            let after = sentence[end..].trim_start_matches(',').trim_start();
            // "…,” said NAME, TITLE." : the speaker follows the verb.
            if before
                .trim_end()
                .trim_end_matches(',')
                .ends_with(['”', '"'])
            {
                let who = after
                    .split(['“', '"'])
                    .next()
                    .unwrap_or(after)
                    .trim_end()
                    .trim_end_matches(['.', ',', ':']);
                let start = sentence.len() - after.len();
                if let Some((found, appositive)) = speaker(who, full) {
                    out.push(Named {
                        found,
                        at: (paragraph, offset + start),
                        covers: appositive
                            .map(|r| (paragraph, offset + start + r.start..offset + start + r.end)),
                    });
                }
                continue;
            }
            // "NAME, TITLE, said “…" and "…,” NAME, TITLE, said.": the
            // speakers open the clause, after a quotation if there is one.
            let clause_start = before.rfind(['”', '"', ';']).map_or(0, |i| {
                i + before[i..].chars().next().map_or(1, char::len_utf8)
            });
            let opened = before[clause_start..].trim_start_matches([',', ' ']);
            let start = before.len() - opened.len();
            let clause = strip_adverb(opened.trim_end_matches(','));
            // "Human Rights Watch said Chinese authorities …": a body's
            // reported words, after a plain verb of saying.
            let plain = matches!(*verb, "said" | "says" | "stated" | "states");
            for (found, covers) in clause_speakers(clause, full) {
                // Reported speech counts for a person: "NAME, TITLE, urged …".
                let person = found.person.kind == PersonKind::Person;
                if person_only && !person {
                    continue;
                }
                if quotes || after.starts_with("that ") || person || plain {
                    out.push(Named {
                        at: (paragraph, offset + start),
                        covers: covers
                            .map(|r| (paragraph, offset + start + r.start..offset + start + r.end)),
                        found,
                    });
                }
            }
        }
    }
    // "North Korea in a statement criticized …": who puts out a statement
    // speaks in it, whatever the verb.
    for mark in STATEMENT_MARKS {
        let Some(at) = sentence.find(mark) else {
            continue;
        };
        let clause = sentence[..at]
            .rsplit([',', ';', '“', '”', '"'])
            .next()
            .unwrap_or("");
        let who = strip_article(clause.trim());
        let kind = if state_names(who).first().map(|s| s.1) == Some(who) {
            PersonKind::State
        } else if is_body_name(who) {
            PersonKind::Organization
        } else {
            continue;
        };
        out.push(Named {
            found: Found {
                person: entry::person(who, kind, Role::Quoted),
                review: Some(format!("quoted: speaks “{}”", mark.trim())),
            },
            at: (paragraph, offset + at - who.len()),
            covers: None,
        });
    }
    out
}

/// The speakers that open a clause before its verb: "NAME, TITLE of
/// BODY", "In addition, NAME, TITLE", "the UN Special Rapporteur on …, NAME",
/// several joined by "and" ("The independent experts, NAME, DESC, and
/// NAME, DESC"), or a body alone. Each with the bytes its description
/// covers.
pub(super) fn clause_speakers(
    clause: &str,
    full: &[String],
) -> Vec<(Found, Option<std::ops::Range<usize>>)> {
    let mut pieces: Vec<(usize, String)> = Vec::new();
    let mut start = 0;
    for piece in split_outside(clause, ", ") {
        let len = piece.len();
        pieces.push((start, piece));
        start += len + 2;
    }
    let name_at = |i: usize| {
        let piece = pieces[i].1.trim();
        person_named(
            strip_article(piece.strip_prefix("and ").unwrap_or(piece)),
            full,
        )
    };
    let Some(first) = (0..pieces.len()).find(|&i| name_at(i).is_some()) else {
        // "the COI concluded", "On these bases the COI concluded".
        let last = pieces.last().map_or("", |p| p.1.trim());
        if let Some(office) = office_name(last) {
            let mut f = entry::parse(office, Role::Quoted, Some(PersonKind::Organization));
            for f in &mut f {
                f.review = Some(
                    "quoted: an office named in lowercase words; is the name whole?".to_string(),
                );
            }
            return f.into_iter().map(|f| (f, None)).collect();
        }
        let body = name_suffix(last).unwrap_or("");
        if is_body_name(body)
            || (!body.is_empty() && state_names(body).first().map(|s| s.1) == Some(body))
        {
            let found = entry::parse(body, Role::Quoted, None);
            return found.into_iter().map(|f| (f, None)).collect();
        }
        return Vec::new();
    };
    // What comes before the first name: an office gives its title, "The
    // independent experts" the body they speak for.
    let before = first.checked_sub(1).map(|i| pieces[i].1.trim());
    let office = before
        .filter(|b| {
            b.split_whitespace()
                .any(|w| TITLE_NOUNS.contains(&w.to_lowercase().as_str()))
        })
        .map(|b| {
            b.trim_start_matches(|c: char| !c.is_uppercase())
                .to_string()
        });
    let group = before
        .filter(|_| office.is_none() && first == 1)
        .and_then(|b| b.strip_prefix("The "));
    let mut out = Vec::new();
    let mut i = first;
    while let Some((name, title)) = name_at(i) {
        let next = (i + 1..pieces.len())
            .find(|&j| pieces[j].1.starts_with("and ") && name_at(j).is_some());
        let end = next.unwrap_or(pieces.len());
        let mut p = entry::person(&name, PersonKind::Person, Role::Quoted);
        p.title = title.or_else(|| office.clone().filter(|_| i == first));
        let mut review = None;
        let mut covers = None;
        if end > i + 1 {
            let appositive = pieces[i + 1..end]
                .iter()
                .map(|p| p.1.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            describe(&appositive, &mut p);
            covers = Some(pieces[i + 1].0..pieces[end - 1].0 + pieces[end - 1].1.len());
        }
        if p.title.is_some() && office.is_some() && i == first {
            review = Some("title from the words before the name".to_string());
        }
        if let Some(g) = group {
            review = Some(format!("group:{g}"));
        }
        out.push((Found { person: p, review }, covers));
        match next {
            Some(j) => i = j,
            None => break,
        }
    }
    out
}

/// The people the text names in full ("Prime Minister Fumio Kishida"), by
/// whom a later surname ("Kishida said") is known: sorted by surname, so
/// that each surname is looked up by halving, not by a scan (a text may
/// name tens of thousands).
pub(super) fn full_names(paragraphs: &[String]) -> Vec<String> {
    static RUNS: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"\p{Lu}[\p{L}’'.-]*(?: \p{Lu}[\p{L}’'.-]*)+").ok());
    let mut out: Vec<String> = paragraphs
        .iter()
        .flat_map(|p| RUNS.iter().flat_map(|r| r.find_iter(p)))
        .filter_map(|m| person_after_title(m.as_str()).map(|(name, _)| name))
        .collect();
    out.sort_unstable_by(|a, b| (surname_of(a), a).cmp(&(surname_of(b), b)));
    out.dedup();
    out
}

/// The last word of a name of several: "Kishida" of "Fumio Kishida".
fn surname_of(name: &str) -> Option<&str> {
    name.rsplit_once(' ').map(|(_, last)| last)
}

/// A person by their name, their office and name, or their surname alone
/// where the text names one person of that surname in full (`full` as
/// `full_names` gives it).
fn person_named(s: &str, full: &[String]) -> Option<(String, Option<String>)> {
    person_after_title(s).or_else(|| {
        let surname = s
            .split_whitespace()
            .skip_while(|w| HONORIFICS.contains(&w.trim_end_matches('.')))
            .collect::<Vec<_>>();
        let [surname] = surname.as_slice() else {
            return None;
        };
        let from = full.partition_point(|f| surname_of(f) < Some(surname));
        let mut named = full[from..]
            .iter()
            .take_while(|f| surname_of(f) == Some(*surname));
        match (named.next(), named.next()) {
            (Some(one), None) => Some((one.clone(), None)),
            _ => None,
        }
    })
}

/// "Kim also said", "The UN has said": the adverb or auxiliary is not part
/// of the name.
pub(super) fn strip_adverb(clause: &str) -> &str {
    let mut clause = clause;
    while let Some(shorter) = [
        "also",
        "further",
        "later",
        "then",
        "earlier",
        "previously",
        "has",
        "have",
        "had",
        "once",
        "repeatedly",
    ]
    .iter()
    .find_map(|a| clause.strip_suffix(&format!(" {a}")))
    {
        clause = shorter;
    }
    clause
}

/// Who `text` names as a speaker: "NAME", "NAME, TITLE of BODY", "TITLE
/// NAME", "TITLE, NAME", or a body. Gives the entry and the bytes of
/// `text` its description covers.
pub(super) fn speaker(
    text: &str,
    full: &[String],
) -> Option<(Found, Option<std::ops::Range<usize>>)> {
    let parts = split_outside(text, ", ");
    let first = strip_article(parts[0].trim());
    let quoted = |name: &str, kind| entry::person(name, kind, Role::Quoted);
    let mut review = None;
    let (mut p, rest_from) = if let Some((name, office)) = person_named(first, full) {
        let mut p = quoted(&name, PersonKind::Person);
        p.title = office;
        (p, 1)
    } else if parts.len() >= 2 && is_title(first) && is_person_name(parts[1].trim()) {
        // "Asia director, Brad Adams,"
        let mut p = quoted(parts[1].trim(), PersonKind::Person);
        p.title = Some(first.to_string());
        (p, 2)
    } else if let Some((name, body)) = first
        .split_once(" of ")
        .filter(|(n, b)| entry::is_person_name(n) && is_body_name(strip_article(b)))
    {
        // "said NAME of BODY": a person, from the body; not a body's name.
        let mut p = quoted(name, PersonKind::Person);
        p.affiliation = Some(strip_article(body).to_string());
        (p, 1)
    } else if is_body_name(first) && parts.len() == 1 {
        let mut f = entry::parse(first, Role::Quoted, Some(PersonKind::Organization));
        return f.pop().map(|f| (f, None));
    } else if parts
        .get(1)
        .is_some_and(|p| p.trim_start().starts_with("who "))
        && one_name(first)
    {
        // "…,” says Simon, who is in charge of …": one name, and "who"
        // says it is a person's.
        review = Some("quoted: one name only (“NAME, who …”): is it whole?".to_string());
        (quoted(first, PersonKind::Person), 1)
    } else {
        return None;
    };
    // What follows the name is its description: "TITLE of BODY" gives title
    // and affiliation, anything else ("who fled in 2010") the note.
    let appositive = parts[rest_from..].join(", ");
    let appositive = appositive.trim();
    let mut covers = None;
    if !appositive.is_empty() && appositive.starts_with(|c: char| c.is_alphabetic()) {
        let start = text.len() - appositive.len();
        describe(appositive, &mut p);
        covers = Some(start..text.len());
    }
    Some((Found { person: p, review }, covers))
}

/// One capitalised word that is no body's, state's or honorific: "Simon".
fn one_name(w: &str) -> bool {
    let mut chars = w.chars();
    chars.next().is_some_and(char::is_uppercase)
        && w.chars().count() >= 2
        && chars.all(|c| c.is_lowercase() || matches!(c, '-' | '’' | '\''))
        && !is_body_name(w)
        && !crate::import::vocab::is_country(w)
        && !HONORIFICS.contains(&w)
}

/// "Deputy Director of the Asia Division": words that hold a noun of office.
fn is_office(s: &str) -> bool {
    s.split_whitespace().count() <= 10
        && s.split_whitespace()
            .any(|w| TITLE_NOUNS.contains(&w.to_lowercase().trim_end_matches([',', '.'])))
}

/// "Asia director at Human Rights Watch", "President of Open North Korea
/// and a member of …", "a lawyer in Seoul": title, affiliation and note.
fn describe(appositive: &str, p: &mut crate::corpus::Person) {
    let (main, note) = [
        " and a ",
        " and an ",
        " and the ",
        " and author ",
        " and co-author ",
    ]
    .iter()
    .find_map(|w| {
        appositive
            .find(w)
            .map(|i| (&appositive[..i], Some(appositive[i + 5..].trim())))
    })
    .unwrap_or((appositive, None));
    if main.starts_with(char::is_lowercase) && !is_title(main) {
        p.note = Some(appositive.to_string());
        return;
    }
    if let Some((title, org)) = title_at(main).filter(|(t, o)| is_office(t) && is_name(o)) {
        p.title = Some(title);
        p.affiliation = Some(org);
    } else if let Some((title, org)) = main
        .split_once(", ")
        .filter(|(t, o)| is_title(t) && is_name(o))
    {
        p.title = Some(title.to_string());
        p.affiliation = Some(org.to_string());
    } else if is_title(main) {
        p.title = Some(main.to_string());
    } else {
        p.note = Some(appositive.to_string());
        return;
    }
    p.note = note.map(str::to_string);
}
