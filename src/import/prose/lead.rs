//! Who issues a document, as its headline and lead say: "Statement by
//! NAME", an agency's credit, and the bodies a release's first sentence
//! names before a verb of issuing.

use super::*;

/// Who a headline says speaks: "Statement by H.E. Mr. Katsunobu Kato".
pub fn issued_by(head: &str) -> Option<Found> {
    let Some(rest) = ISSUED_BY.iter().find_map(|p| head.strip_prefix(p)) else {
        return state_statement(head).or_else(|| head_byline(head));
    };
    let rest = rest
        .split([',', ':', '(', '–', '—'])
        .next()
        .unwrap_or(rest)
        .trim();
    let rest = rest
        .split_whitespace()
        .skip_while(|w| matches!(*w, "H.E." | "HE"))
        .collect::<Vec<_>>()
        .join(" ");
    let mut found = if let Some((name, title)) = person_after_title(&rest) {
        let mut p = entry::person(&name, PersonKind::Person, Role::Issuer);
        p.title = title;
        Found {
            person: p,
            review: None,
        }
    } else if is_body_name(strip_article(&rest)) {
        entry::parse(strip_article(&rest), Role::Issuer, None).pop()?
    } else {
        return None;
    };
    found.review = Some(format!("issuer: named by the headline “{head}”"));
    Some(found)
}

/// "UK Statement for the Interactive Dialogue …": a state's name opening a
/// headline before the noun of its statement issues it.
pub(super) fn state_statement(head: &str) -> Option<Found> {
    let state = STATE_DOCUMENT_NOUNS
        .iter()
        .find_map(|n| head.split_once(n).map(|(state, _)| state.trim()))?;
    crate::import::vocab::is_country(state).then(|| Found {
        person: entry::person(state, PersonKind::State, Role::Issuer),
        review: Some(format!("issuer: the state the headline names “{head}”")),
    })
}

/// "… UN says – By Associated Press (The Guardian) / Aug 3 2019": the
/// byline a headline carries after a dash names the report's author.
pub(super) fn head_byline(head: &str) -> Option<Found> {
    let rest = HEAD_BYLINE_MARKS
        .iter()
        .find_map(|m| head.split_once(m).map(|(_, rest)| rest))?;
    let name = rest
        .split(['(', '/', '|', ',', '–', '—'])
        .next()
        .unwrap_or(rest)
        .trim();
    let kind = if NEWS_AGENCIES.contains(&name) || is_body_name(name) {
        PersonKind::Organization
    } else if is_person_name(name) {
        PersonKind::Person
    } else {
        return None;
    };
    Some(Found {
        person: entry::person(name, kind, Role::Issuer),
        review: Some(format!("issuer: the headline's byline “{head}”")),
    })
}

/// The agency a news report's lead credits, and the reporter it names:
/// "SEOUL, Sept. 27 (Yonhap) --", "3/29/07 North Korea (Assist News
/// Service) —", "(서울=연합뉴스) 성서호 기자 =". They issue the report.
pub fn credit(lead: &str) -> Vec<Found> {
    static AGENCY: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"^[^()]{2,60}?\(([^()=\d]{2,40})\)\s*(?:--|—|–|-)\s").ok());
    static KOREAN: LazyLock<Option<Regex>> = LazyLock::new(|| {
        Regex::new(r"^[\[(][^()=\[\]]{1,20}=([^()\[\]]{1,20})[)\]]\s*(?:([가-힣]{2,4})\s?(?:기자|특파원))?").ok()
    });
    let issuer = |name: &str, kind| {
        let mut p = entry::person(name, kind, Role::Issuer);
        p.name = name.trim().to_string();
        Found {
            person: p,
            review: Some("issuer: the agency or reporter a news report credits".to_string()),
        }
    };
    if let Some(c) = KOREAN.as_ref().and_then(|k| k.captures(lead)) {
        let mut out = vec![issuer(&c[1], PersonKind::Organization)];
        if let Some(r) = c.get(2) {
            out.push(issuer(r.as_str(), PersonKind::Person));
        }
        return out;
    }
    AGENCY
        .as_ref()
        .and_then(|a| a.captures(lead))
        .map(|c| c[1].trim().to_string())
        .filter(|a| is_name(a) && !crate::import::vocab::is_country(a))
        .map(|a| vec![issuer(&a, PersonKind::Organization)])
        .unwrap_or_default()
}

/// The issuers a release's first sentence names before a verb of issuing:
/// bodies only, since a person who "said today" is quoted.
pub(super) fn issuers(sentence: &str, reported: bool) -> Vec<Found> {
    let text =
        crate::import::dates::dateline(sentence).map_or(sentence, |(d, _, _)| &sentence[d.len()..]);
    // "SEOUL, Dec. 16 (Yonhap) -- …": a credit before the lead; and
    // "September 21, 2012 - …": its day.
    let text = [" -- ", " — ", " – ", " - ", "--"]
        .iter()
        .find_map(|dash| {
            text.split_once(dash)
                .filter(|(head, _)| {
                    head.len() <= 70 && head.ends_with(')')
                        || head.len() <= 30 && crate::import::dates::dates_in(head).len() == 1
                        // "HEADLINE GENEVA, October 28, 2013 – …": a dateline
                        // ends the head, after the page's headline.
                        || crate::import::dates::dates_in(head)
                            .last()
                            .is_some_and(|d| head.trim_end().ends_with(d.1.as_str()))
                })
                .map(|(_, rest)| rest)
        })
        .unwrap_or(text);
    let text = text.trim_start_matches([' ', '–', '—', '-']).trim_start();
    // "As he prepares to welcome …": an infinitive is not the lead's verb.
    let finite = |v: &str| {
        text.match_indices(v)
            .map(|(i, _)| i)
            .find(|&i| whole_words(text, i..i + v.len()) && !text[..i].ends_with(" to "))
    };
    let Some((at, verb)) = ISSUING_VERBS
        .iter()
        .filter_map(|v| finite(v).map(|at| (at, *v)))
        .min_by_key(|(at, v)| (*at, std::cmp::Reverse(v.len())))
    else {
        return Vec::new();
    };
    let subject = text[..at].trim_end();
    // "The Coalition (ACR), consisting of …, wholeheartedly welcomed".
    let subject = strip_adverbs(subject);
    let names = subject_names(subject, verb.starts_with("said"));
    // "Foreign Affairs Minister John Baird today issued the following
    // statement": an office-holder issues what they put out, and speaks in
    // what they merely say.
    let officials: Vec<Found> = names
        .iter()
        .filter(|_| !reported && !verb.starts_with("said"))
        .filter_map(|n| person_after_title(n))
        .filter_map(|(name, title)| {
            let mut p = entry::person(&name, PersonKind::Person, Role::Issuer);
            p.title = Some(title?);
            Some(Found {
                person: p,
                review: Some(format!("issuer read from the lead (“… {verb}”)")),
            })
        })
        .collect();
    let bodies: Vec<String> = names
        .into_iter()
        .filter(|n| person_after_title(n).is_none_or(|(_, title)| title.is_none()))
        .filter(|n| is_body_name(n) && !is_person_name(strip_article(n)))
        .filter(|n| !NEVER_ISSUERS.contains(&strip_article(n)))
        .collect();
    // A report's subjects speak in it; they do not issue it.
    let role = match reported {
        false => Role::Issuer,
        true if verb.starts_with("said") => Role::Quoted,
        true => return Vec::new(),
    };
    let mut found = entries(&bodies, role);
    for f in &mut found {
        f.review = Some(format!("{role} read from the lead (“… {verb}”)"));
    }
    found.extend(officials);
    found
}

/// The subject before a verb, without the "-ly" adverbs that end it and
/// what "along with" adds.
pub(super) fn strip_adverbs(text: &str) -> &str {
    let mut subject = text.trim_end();
    for w in [" along with ", " together with "] {
        if let Some((a, _)) = subject.split_once(w) {
            subject = a;
        }
    }
    // "… Navi Pillay on Tuesday welcomed": when, not who.
    for when in TRAILING_TIMES {
        if let Some(s) = subject.trim_end().strip_suffix(when) {
            subject = s;
            break;
        }
    }
    loop {
        let trimmed = subject.trim_end().trim_end_matches(',');
        match trimmed.rsplit_once(' ') {
            Some((rest, last)) if last.ends_with("ly") && last.starts_with(char::is_lowercase) => {
                subject = rest;
            }
            _ => return trimmed,
        }
    }
}

/// The names a subject gives: names first, then descriptions of them
/// ("The Coalition (ICNK), consisting of …"); or a description, then the
/// names ("The three largest organizations, A, B and C"), which after
/// "said" may be anything ("States should act, A and B said").
pub(super) fn subject_names(subject: &str, said: bool) -> Vec<String> {
    if let Some(name) = described_name(subject) {
        return vec![name.to_string()];
    }
    let pieces = split_outside(subject, ", ");
    let first = leading_names(subject);
    if !first.is_empty() {
        let named = pieces.iter().take_while(|p| name_list(p).is_some()).count();
        let described = pieces[named..]
            .iter()
            .all(|p| p.trim_start().starts_with(char::is_lowercase));
        if described {
            return first;
        }
    }
    let last = trailing_names(subject);
    let named = pieces
        .iter()
        .rev()
        .take_while(|p| name_list(p).is_some())
        .count();
    let prefix = &pieces[..pieces.len() - named];
    let groups = prefix.iter().any(|p| {
        let l = p.to_lowercase();
        GROUP_NOUNS.iter().any(|g| l.contains(g))
    });
    // "Last Friday afternoon, PSCORE hosted …": when, then who.
    // "On Thursday, April 27, 2006, Freedom House will co-host …": a time
    // phrase may hold a date's commas.
    let joined = prefix.join(", ");
    let dated = crate::import::dates::dates_in(&joined).len() == 1;
    let when = prefix.first().is_some_and(|first| {
        first.split_whitespace().next().is_some_and(|w| {
            prefix.len() == 1 && (TIME_OPENERS.contains(&w) || dated)
                || TIME_OPENERS.contains(&w) && dated
        })
    });
    if said || prefix.is_empty() || groups || when {
        last
    } else {
        Vec::new()
    }
}

/// The name a description ends with: "Geneva-based human rights group UN
/// Watch" gives UN Watch; the noun says it is a body.
pub(super) fn described_name(subject: &str) -> Option<&str> {
    if subject.contains(", ") {
        return None;
    }
    let (at, noun) = subject
        .match_indices(' ')
        .map(|(i, _)| i)
        .rev()
        .find_map(|i| {
            let before = &subject[..i];
            let word = before.rsplit(' ').next().unwrap_or(before);
            DESCRIBING_NOUNS
                .contains(&word.to_lowercase().as_str())
                .then_some((i + 1, word))
        })?;
    let name = &subject[at..];
    (noun.starts_with(char::is_lowercase)
        && is_body_name(name)
        && name_list(name).is_some_and(|l| l.len() == 1))
    .then_some(name)
}
