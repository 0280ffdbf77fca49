//! People named in running text, by the forms these documents use: the
//! bodies a release's lead names as its issuers ("A, B and C today
//! released"), lists in sentences ("signed by A, B and C", "including A and
//! B" in a sentence about a letter), and speakers ("…,” said NAME, TITLE of
//! BODY; NAME, TITLE at BODY, said; according to NAME). The forms' words
//! are data (`vocab`); a name that no form reaches is left to the known
//! entities, never guessed.

use super::entry::{self, Found, title_at};
use super::names::{
    is_body_name, is_name, is_person_name, is_title, name_list, name_prefix, name_suffix,
    person_after_title, sentences, split_outside, strip_article, whole_words,
};
use super::vocab::{
    DESCRIBING_NOUNS, GROUP_NOUNS, HEAD_BYLINE_MARKS, HONORIFICS, HOST_LABELS, ISSUED_BY,
    ISSUING_VERBS, KOREAN_BODY_ENDINGS, LIST_CUES_AFTER_NAMES, LIST_CUES_BEFORE_NAMES, MEMBER_OF,
    NEVER_ISSUERS, NEWS_AGENCIES, PERSON_SPEECH_VERBS, SIGNING_WORDS, SPEECH_VERBS, STATE_CUES,
    STATE_DOCUMENT_NOUNS, STATE_NAMES, STATEMENT_MARKS, TIME_OPENERS, TITLE_NOUNS, TRAILING_TIMES,
};
use crate::corpus::{PersonKind, Role};
use regex::Regex;
use std::sync::LazyLock;

/// A people entry found in the text, with where: paragraph and byte.
#[derive(Debug, Clone)]
pub struct Named {
    pub found: Found,
    pub at: (usize, usize),
    /// The bytes of the paragraph its speaker's description covers: a body
    /// named there is the speaker's affiliation, not an entry of its own.
    pub covers: Option<(usize, std::ops::Range<usize>)>,
}

/// Everything the forms find in `paragraphs`. `lead` is how many of the
/// first paragraphs may name the document's issuers; `reported` is true for
/// a news report, whose subjects never issue what it reports.
pub fn find(paragraphs: &[String], lead: usize, reported: bool) -> Vec<Named> {
    let mut out = Vec::new();
    // The lead: the first paragraphs of prose, not a salutation or a label.
    let leads: Vec<usize> = (0..paragraphs.len())
        .filter(|&n| paragraphs[n].split_whitespace().count() >= 8)
        .take(lead)
        .collect();
    let full = full_names(paragraphs);
    let japanese_full = super::japanese::full_names(paragraphs);
    for (n, p) in paragraphs.iter().enumerate() {
        out.extend(listed_line(p).into_iter().map(|f| named(f, (n, 0))));
        out.extend(hosted(p).into_iter().map(|f| named(f, (n, 0))));
        let japanese = super::japanese::speakers(p, &japanese_full);
        out.extend(japanese.into_iter().map(|f| named(f, (n, 0))));
        // "January 8, 2012. The groups today released …": a date opening the
        // lead is not its first sentence.
        let sentences = sentences(p);
        let count = sentences.len();
        let first = sentences.iter().position(|(_, s)| {
            super::dates::dates_in(s)
                .first()
                .is_none_or(|d| s.trim_end_matches('.') != d.1)
        });
        for (k, (at, s)) in sentences.into_iter().enumerate() {
            // No sentence that names its speakers runs this long; reading
            // one of a megabyte form by form would cost its length squared.
            if s.len() > LONGEST_SENTENCE {
                continue;
            }
            let here = (n, at);
            if n <= lead {
                out.extend(reposted_from(s).into_iter().map(|f| named(f, here)));
            }
            if leads.contains(&n) && Some(k) == first {
                out.extend(issuers(s, reported).into_iter().map(|f| named(f, here)));
                if !reported {
                    let korean = super::korean::issuers(s);
                    out.extend(korean.into_iter().map(|f| named(f, here)));
                }
            }
            // A list's lead-in ending the paragraph: the list is the next one.
            let joined;
            let s_list = match paragraphs.get(n + 1) {
                Some(next) if s.ends_with(':') && k + 1 == count => {
                    joined = format!("{s} {next}");
                    joined.as_str()
                }
                _ => s,
            };
            out.extend(lists(s_list).into_iter().map(|f| named(f, here)));
            let korean = super::korean::speakers(s)
                .into_iter()
                .chain(super::korean::lists(s))
                .chain(super::korean::according(s));
            out.extend(korean.map(|f| named(f, here)));
            out.extend(speakers(s, n, at, &full));
        }
    }
    out
}

/// A line that is nothing but three or more bodies' names, separated by
/// commas ("A, B, C and D", "대한변협(북한인권소위), 바른사회시민회의, …"):
/// the signatures of a statement or letter, flagged for review.
fn listed_line(p: &str) -> Vec<Found> {
    if p.len() > LONGEST_SENTENCE {
        return Vec::new();
    }
    let text = p.trim().trim_end_matches([',', '.']);
    let names: Vec<String> = match name_list(text) {
        Some(names) => names,
        None => {
            let items: Vec<&str> = text.split(", ").map(str::trim).collect();
            // Each a Korean body's name by its ending: "…연대", "…협의회".
            let korean = items.iter().all(|i| {
                let bare = i.split('(').next().unwrap_or(i);
                !bare.contains(' ')
                    && bare.chars().any(super::names::is_hangul)
                    && KOREAN_BODY_ENDINGS.iter().any(|e| bare.ends_with(e))
            });
            if !korean {
                return Vec::new();
            }
            items.into_iter().map(str::to_string).collect()
        }
    };
    let bodies = names
        .iter()
        .all(|n| !is_person_name(n) && (is_body_name(n) || n.chars().any(super::names::is_hangul)));
    if names.len() < 3 || !bodies || p.contains(". ") {
        return Vec::new();
    }
    entries(&names, Role::Signatory)
        .into_iter()
        .map(|mut f| {
            f.review = Some("signatory: one of a line of names, with nothing else".to_string());
            f
        })
        .collect()
}

/// The body an event notice's row names as its host: "Host Organization:
/// NAME (ACR)". It puts out the notice.
fn hosted(p: &str) -> Vec<Found> {
    let row = p.trim_start_matches(['•', '-', '*', '·', '▪', ' ']);
    let Some((label, value)) = row.split_once(':') else {
        return Vec::new();
    };
    let value = strip_article(value.trim());
    if !HOST_LABELS.contains(&label.trim().to_lowercase().as_str()) || !is_body_name(value) {
        return Vec::new();
    }
    entry::parse(value, Role::Issuer, None)
        .into_iter()
        .filter(|f| f.person.kind != PersonKind::Person)
        .map(|mut f| {
            f.review = Some(format!("issuer: the host the notice names (“{label}”)"));
            f
        })
        .collect()
}

/// A repost's credit of the agency whose report follows: "From Reuters
/// via Guardian Unlimited:". The agency issues the report.
fn reposted_from(sentence: &str) -> Option<Found> {
    let credit = sentence.trim().strip_prefix("From ")?.strip_suffix(':')?;
    let agency = credit.split(" via ").next().unwrap_or(credit).trim();
    (NEWS_AGENCIES.contains(&agency) || is_body_name(agency) && agency.split(' ').count() <= 8)
        .then(|| Found {
            person: entry::person(agency, PersonKind::Organization, Role::Issuer),
            review: Some(format!("issuer: the repost credits “{sentence}”")),
        })
}

/// The longest sentence, in bytes, the forms are read in.
const LONGEST_SENTENCE: usize = 4096;

fn named(found: Found, at: (usize, usize)) -> Named {
    Named {
        found,
        at,
        covers: None,
    }
}

/// The entries `names` give, each read as a list line is.
fn entries(names: &[String], role: Role) -> Vec<Found> {
    names
        .iter()
        .flat_map(|n| entry::parse(without_honorifics(n), role, None))
        .collect()
}

/// "Rabbi Abraham Cooper" is "Abraham Cooper": honorifics are not names.
fn without_honorifics(name: &str) -> &str {
    let mut name = name;
    while let Some((first, rest)) = name.split_once(' ') {
        if !HONORIFICS.contains(&first.trim_end_matches('.')) || !is_person_name(rest) {
            break;
        }
        name = rest;
    }
    name
}

/// Where an ASCII phrase starts in `s`, whatever its case.
fn find_ci(s: &str, phrase: &str) -> Option<usize> {
    (0..s.len()).find(|&i| {
        s.is_char_boundary(i)
            && s.get(i..i + phrase.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(phrase))
    })
}

/// The names that end `subject`: "The world’s largest groups, A, B and the
/// C (ACR)" gives A, B and C; a piece that is not names stops the reading.
fn trailing_names(subject: &str) -> Vec<String> {
    let mut names = Vec::new();
    for piece in split_outside(subject.trim().trim_end_matches(','), ", ")
        .iter()
        .rev()
    {
        match name_list(piece) {
            Some(mut list) => {
                list.reverse();
                names.extend(list);
            }
            None => break,
        }
    }
    names.reverse();
    names
}

/// The longest name that ends `s`: "Open Doors USA" in "That’s why Open
/// Doors USA".
fn trailing_name(s: &str) -> Option<&str> {
    std::iter::once(0)
        .chain(s.match_indices(' ').map(|(i, _)| i + 1))
        .map(|b| strip_article(&s[b..]))
        .find(|n| is_name(n) && !n.starts_with(char::is_lowercase))
}

/// The names that open `text`: "A, B and C, calling on …" gives A, B and C,
/// and "A before the corps" gives A.
fn leading_names(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for piece in split_outside(text, ", ") {
        match name_list(&piece) {
            Some(list) => names.extend(list),
            None => {
                // The list's last name runs into the sentence: "… and C to
                // the Council". Only a name that ends a list of names, or
                // stands alone, is taken so.
                let last = piece.rsplit_once(" and ").map_or(piece.as_str(), |(a, b)| {
                    if name_list(a).is_some() {
                        names.extend(name_list(a).unwrap_or_default());
                        b
                    } else {
                        ""
                    }
                });
                // "the Nordic Baltic countries": an adjective, not a name.
                if let Some(name) = name_prefix(last) {
                    let next = strip_article(last.trim())[name.len()..]
                        .split_whitespace()
                        .next();
                    let adjective = next.is_some_and(|w| {
                        GROUP_NOUNS
                            .contains(&w.trim_end_matches([':', ',']).to_lowercase().as_str())
                    });
                    if !adjective {
                        names.push(name.to_string());
                    }
                }
                break;
            }
        }
    }
    names
}

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
fn state_statement(head: &str) -> Option<Found> {
    let state = STATE_DOCUMENT_NOUNS
        .iter()
        .find_map(|n| head.split_once(n).map(|(state, _)| state.trim()))?;
    super::vocab::is_country(state).then(|| Found {
        person: entry::person(state, PersonKind::State, Role::Issuer),
        review: Some(format!("issuer: the state the headline names “{head}”")),
    })
}

/// "… UN says – By Associated Press (The Guardian) / Aug 3 2019": the
/// byline a headline carries after a dash names the report's author.
fn head_byline(head: &str) -> Option<Found> {
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
        .filter(|a| is_name(a) && !super::vocab::is_country(a))
        .map(|a| vec![issuer(&a, PersonKind::Organization)])
        .unwrap_or_default()
}

/// The issuers a release's first sentence names before a verb of issuing:
/// bodies only, since a person who "said today" is quoted.
fn issuers(sentence: &str, reported: bool) -> Vec<Found> {
    let text = super::dates::dateline(sentence).map_or(sentence, |(d, _, _)| &sentence[d.len()..]);
    // "SEOUL, Dec. 16 (Yonhap) -- …": a credit before the lead; and
    // "September 21, 2012 - …": its day.
    let text = [" -- ", " — ", " – ", " - ", "--"]
        .iter()
        .find_map(|dash| {
            text.split_once(dash)
                .filter(|(head, _)| {
                    head.len() <= 70 && head.ends_with(')')
                        || head.len() <= 30 && super::dates::dates_in(head).len() == 1
                        // "HEADLINE GENEVA, October 28, 2013 – …": a dateline
                        // ends the head, after the page's headline.
                        || super::dates::dates_in(head)
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
fn strip_adverbs(text: &str) -> &str {
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
fn subject_names(subject: &str, said: bool) -> Vec<String> {
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
    let dated = super::dates::dates_in(&joined).len() == 1;
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
fn described_name(subject: &str) -> Option<&str> {
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

/// Signatories and members named in a sentence: "signed by A, B and C",
/// "A and B signed the letter", "members include A and B", and "including
/// A and B" in a sentence about signing a letter.
fn lists(sentence: &str) -> Vec<Found> {
    let lower = sentence.to_lowercase();
    let mut out = states(sentence);
    if !out.is_empty() {
        return out;
    }
    for (cue, role) in LIST_CUES_BEFORE_NAMES {
        if let Some(at) = find_ci(sentence, cue) {
            // "on behalf of the Nordic-Baltic States": a group of states
            // not named one by one is not an entry.
            let after = &sentence[at + cue.len()..];
            if *role == Role::Quoted {
                // "delivered by Ambassador NAME, TITLE": the speaker.
                out.extend(
                    clause_speakers(after.split(", ").next().unwrap_or(""), &[])
                        .into_iter()
                        .map(|f| f.0),
                );
                continue;
            }
            let names: Vec<String> = leading_names(after)
                .into_iter()
                .filter(|n| !ends_with_group_noun(n))
                .collect();
            out.extend(entries(&names, *role));
        }
    }
    // "5 organizations have participated in this petition; A, B and C".
    for sep in [": ", "; "] {
        if let Some((before, after)) = sentence.split_once(sep) {
            let l = before.to_lowercase();
            let signing = SIGNING_WORDS.iter().any(|w| l.contains(w)) || l.contains("participat");
            let grouped = GROUP_NOUNS.iter().any(|g| l.contains(g));
            if signing && grouped && out.is_empty() {
                out.extend(entries(&leading_names(after), Role::Signatory));
            }
        }
    }
    for cue in MEMBER_OF {
        if let Some(at) = sentence.find(cue) {
            let before = &sentence[..at];
            let clause = before.rsplit([';', ':', ',']).next().unwrap_or(before);
            if let Some(name) = trailing_name(strip_adverb(clause.trim())) {
                out.extend(entries(&[strip_article(name).to_string()], Role::Member));
            }
        }
    }
    for (cue, role) in LIST_CUES_AFTER_NAMES {
        if let Some(at) = find_ci(sentence, cue) {
            let before = &sentence[..at];
            let clause = before.rsplit([';', ':']).next().unwrap_or(before);
            let names = trailing_names(clause);
            // The whole subject must be names: "The letter, which A
            // drafted, signed …" is not a list.
            if names.len() == name_list_len(clause) {
                out.extend(entries(&names, *role));
            }
        }
    }
    let grouped = |at: usize| {
        sentence[..at]
            .trim_end()
            .trim_end_matches(',')
            .rsplit(' ')
            .next()
            .is_some_and(|w| {
                GROUP_NOUNS.contains(&w.to_lowercase().as_str()) || w.eq_ignore_ascii_case("NGOs")
            })
    };
    if let Some(at) = find_ci(sentence, "including ").filter(|&at| grouped(at)) {
        let role = if lower.contains("member") || lower.contains("coalition") {
            Some(Role::Member)
        } else if SIGNING_WORDS.iter().any(|w| lower.contains(w)) {
            Some(Role::Signatory)
        } else {
            None
        };
        if let Some(role) = role {
            let names = leading_names(&sentence[at + "including ".len()..]);
            out.extend(entries(&names, role).into_iter().map(|mut f| {
                f.review = Some(format!(
                    "{role}: named after “including” in a sentence about a letter"
                ));
                f
            }));
        }
    }
    out
}

/// "Nordic-Baltic States", "Member States": a group, not one body.
fn ends_with_group_noun(name: &str) -> bool {
    name.rsplit([' ', '-'])
        .next()
        .is_some_and(|w| GROUP_NOUNS.contains(&w.to_lowercase().as_str()))
}

/// The states a statement is made for, or that join it: "on behalf of the
/// Nordic Baltic countries: Denmark, Estonia … and Norway", "Monaco and San
/// Marino align themselves with this statement". After "on behalf of" the
/// states must follow at once, one after another: "on behalf of the
/// Government of Japan" names a government, not Japan.
fn states(sentence: &str) -> Vec<Found> {
    for (cue, names_after) in STATE_CUES {
        let Some(at) = find_ci(sentence, cue) else {
            continue;
        };
        let names = if *names_after {
            let after = &sentence[at + cue.len()..];
            // "the Nordic Baltic countries: A, B": the list after the colon.
            let after = after
                .split_once(": ")
                .filter(|(head, _)| head.len() <= 60)
                .map_or(after, |(_, list)| list);
            states_in_a_row(after)
        } else {
            state_names(&sentence[..at])
                .into_iter()
                .map(|(_, name)| name)
                .collect()
        };
        let found: Vec<Found> = names
            .into_iter()
            .map(|name| Found {
                person: entry::person(name, PersonKind::State, Role::Signatory),
                review: Some(format!(
                    "signatory: a state the statement is made for (“{}”)",
                    cue.trim()
                )),
            })
            .collect();
        if !found.is_empty() {
            return found;
        }
    }
    Vec::new()
}

/// The states that open `text` one after another, joined by commas and
/// "and" (and the asterisks of footnotes).
fn states_in_a_row(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut end = 0;
    for (start, name) in state_names(text) {
        let gap = text[end..start].trim_start_matches("the ");
        let joined = gap
            .split([',', '*', ' '])
            .all(|w| w.is_empty() || w == "and" || w == "the");
        if !joined {
            break;
        }
        out.push(name);
        end = start + name.len();
    }
    out
}

/// The states `text` names, as written, in order, with where.
fn state_names(text: &str) -> Vec<(usize, &str)> {
    static STATES: LazyLock<Option<aho_corasick::AhoCorasick>> = LazyLock::new(|| {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(STATE_NAMES)
            .ok()
    });
    let Some(states) = STATES.as_ref() else {
        return Vec::new();
    };
    states
        .find_iter(text)
        // "Korea-based" does not name a state, nor does "the North Korea
        // Freedom Coalition": a state's name inside a longer name.
        .filter(|m| {
            let rest = &text[m.end()..];
            let longer = rest
                .strip_prefix(' ')
                .and_then(|r| r.split_whitespace().next())
                .is_some_and(|w| w.starts_with(char::is_uppercase) && w != "and");
            whole_words(text, m.range()) && !rest.starts_with('-') && !longer
        })
        .map(|m| (m.start(), &text[m.range()]))
        .collect()
}

/// How many names the whole of `clause` is, or 0 if it is not all names.
fn name_list_len(clause: &str) -> usize {
    name_list(clause.trim()).map_or(0, |l| l.len())
}

/// Speakers in a sentence, in the orders these documents write them.
fn speakers(sentence: &str, paragraph: usize, offset: usize, full: &[String]) -> Vec<Named> {
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
    // "according to NAME, TITLE,"
    if let Some(at) = sentence.find("according to ") {
        let who = &sentence[at + "according to ".len()..];
        let who = who.split(['“', '"']).next().unwrap_or(who);
        let who = who.trim_end().trim_end_matches(['.', ',']);
        // A body only where its name ends the clause: "according to
        // Reuters.", not "according to the Commission's report".
        let agency = NEWS_AGENCIES.contains(&who).then(|| Found {
            person: entry::person(who, PersonKind::Organization, Role::Quoted),
            review: Some("quoted: “according to” the agency".to_string()),
        });
        if let Some(found) = agency.or_else(|| {
            speaker(who, full)
                .filter(|(f, _)| {
                    f.person.kind == PersonKind::Person || strip_article(who) == f.person.name
                })
                .map(|(f, _)| f)
        }) {
            out.push(Named {
                found,
                at: (paragraph, offset + at),
                covers: None,
            });
        }
    }
    out
}

/// The speakers that open a clause before its verb: "NAME, TITLE of
/// BODY", "In addition, NAME, TITLE", "the UN Special Rapporteur on …, NAME",
/// several joined by "and" ("The independent experts, NAME, DESC, and
/// NAME, DESC"), or a body alone. Each with the bytes its description
/// covers.
fn clause_speakers(clause: &str, full: &[String]) -> Vec<(Found, Option<std::ops::Range<usize>>)> {
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
/// whom a later surname ("Kishida said") is known.
fn full_names(paragraphs: &[String]) -> Vec<String> {
    static RUNS: LazyLock<Option<Regex>> =
        LazyLock::new(|| Regex::new(r"\p{Lu}[\p{L}’'.-]*(?: \p{Lu}[\p{L}’'.-]*)+").ok());
    let mut out: Vec<String> = Vec::new();
    for p in paragraphs {
        for m in RUNS.iter().flat_map(|r| r.find_iter(p)) {
            if let Some((name, _)) = person_after_title(m.as_str())
                && !out.contains(&name)
            {
                out.push(name);
            }
        }
    }
    out
}

/// A person by their name, their office and name, or their surname alone
/// where the text names one person of that surname in full.
fn person_named(s: &str, full: &[String]) -> Option<(String, Option<String>)> {
    person_after_title(s).or_else(|| {
        let surname = s
            .split_whitespace()
            .skip_while(|w| HONORIFICS.contains(&w.trim_end_matches('.')))
            .collect::<Vec<_>>();
        let [surname] = surname.as_slice() else {
            return None;
        };
        let mut named = full.iter().filter(|f| f.ends_with(&format!(" {surname}")));
        match (named.next(), named.next()) {
            (Some(one), None) => Some((one.clone(), None)),
            _ => None,
        }
    })
}

/// "Kim also said", "The UN has said": the adverb or auxiliary is not part
/// of the name.
fn strip_adverb(clause: &str) -> &str {
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
fn speaker(text: &str, full: &[String]) -> Option<(Found, Option<std::ops::Range<usize>>)> {
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
        && !super::vocab::is_country(w)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn names(found: &[Found]) -> Vec<(String, Role)> {
        found
            .iter()
            .map(|f| (f.person.name.clone(), f.person.role))
            .collect()
    }

    #[test]
    fn issuers_in_the_lead() {
        let f = issuers(
            "January 8, 2012. The world’s three largest international human rights organizations, Amnesty International, Human Rights Watch and the International Federation for Human Rights (FIDH), along with 40 other organizations from around the world, today released an open letter.",
            false,
        );
        assert_eq!(
            names(&f),
            [
                ("Amnesty International".to_string(), Role::Issuer),
                ("Human Rights Watch".to_string(), Role::Issuer),
                (
                    "International Federation for Human Rights".to_string(),
                    Role::Issuer
                )
            ]
        );
        assert_eq!(f[2].person.acronym.as_deref(), Some("FIDH"));
        let f = issuers(
            "Human Rights Watch and more than 300 nongovernmental organizations said today in a letter.",
            false,
        );
        assert_eq!(
            names(&f),
            [("Human Rights Watch".to_string(), Role::Issuer)]
        );
        assert!(issuers("Brad Adams said today that it was wrong.", false).is_empty());
        let f = issuers(
            "On Thursday, April 27, 2006, Freedom House will co-host a reception to welcome participants.",
            false,
        );
        assert_eq!(names(&f), [("Freedom House".to_string(), Role::Issuer)]);
        let f = issuers(
            "GENEVA (18 February 2014) – UN High Commissioner for Human Rights Navi Pillay on Tuesday welcomed the report.",
            false,
        );
        assert_eq!(names(&f), [("Navi Pillay".to_string(), Role::Issuer)]);
        // A state's name inside a longer name is not the state.
        assert!(
            states("We are writing on behalf of the North Korea Freedom Coalition, a nonpartisan group.")
                .is_empty()
        );
        let f = issuers(
            "September 21, 2012 - As he prepares to welcome his South Korean counterpart to Ottawa this weekend, Foreign Affairs Minister John Baird today issued the following statement:",
            false,
        );
        assert_eq!(names(&f), [("John Baird".to_string(), Role::Issuer)]);
        assert_eq!(
            f[0].person.title.as_deref(),
            Some("Foreign Affairs Minister")
        );
        assert!(
            issuers("Amnesty International said today that it was wrong.", true)[0]
                .person
                .role
                == Role::Quoted
        );
    }

    #[test]
    fn speakers_in_every_order() {
        let one = |s: &str| {
            let found = speakers(s, 0, 0, &[]);
            assert_eq!(found.len(), 1, "{s}: {found:#?}");
            found[0].found.person.clone()
        };
        let p = one("“Kim should act,” said Brad Adams, Asia director at Human Rights Watch.");
        assert_eq!(p.name, "Brad Adams");
        assert_eq!(p.title.as_deref(), Some("Asia director"));
        assert_eq!(p.affiliation.as_deref(), Some("Human Rights Watch"));
        let p = one(
            "Ha Tae Keung, President of Open North Korea and a member of the ICNK Co-ordinating Committee, said, “Kim should look.”",
        );
        assert_eq!(p.name, "Ha Tae Keung");
        assert_eq!(p.affiliation.as_deref(), Some("Open North Korea"));
        assert_eq!(
            p.note.as_deref(),
            Some("a member of the ICNK Co-ordinating Committee")
        );
        let p = one(
            "\"We urge it,\" Kim Tae-hoon, chair of the North Korean Human Rights Association, said at the conference.",
        );
        assert_eq!(p.name, "Kim Tae-hoon");
        let p = one("“It matters,” said Gordon G. Chang, author of Nuclear Showdown.");
        assert_eq!(p.name, "Gordon G. Chang");
        let p = one("UN Special Rapporteur Tomás Ojea Quintana said that “the time has come.”");
        assert_eq!(p.name, "Tomás Ojea Quintana");
    }

    #[test]
    fn lists_in_sentences() {
        let f = lists(
            "The ten NGOs signing the letter are: Amnesty International, Human Rights Watch, and HanVoice.",
        );
        assert_eq!(f.len(), 3);
        assert!(f.iter().all(|f| f.person.role == Role::Signatory));
        let f = lists(
            "Over 40 organisations, including Amnesty International and the Jubilee Campaign, signed the letter.",
        );
        assert_eq!(f.len(), 2);
        assert!(lists("Talks, including Kim and Moon, went on.").is_empty());
    }

    #[test]
    fn a_dateline_ending_a_longer_head_opens_the_lead() {
        // "HEADLINE PLACE, DATE – lead": the head before the dash is not the subject.
        let f = issuers(
            "Release A report on camps is out TOKYO, May 2, 2011 – The Example Network applauded the report.",
            false,
        );
        assert_eq!(names(&f), [("Example Network".to_string(), Role::Issuer)]);
    }

    #[test]
    fn a_body_named_by_its_other_name_after_an_abbreviated_place() {
        let f = issuers(
            "Springfield, D.C. November 7, 2016--No Kite (The Association of Kite Families) has started a petition.",
            false,
        );
        assert_eq!(names(&f), [("No Kite".to_string(), Role::Issuer)]);
    }

    #[test]
    fn a_body_described_before_its_name() {
        // "London-based rights group NAME applauded": the description is not the name.
        let f = issuers(
            "London-based human rights group Example Watch applauded the report.",
            false,
        );
        assert_eq!(names(&f), [("Example Watch".to_string(), Role::Issuer)]);
        // No name after the noun: nothing.
        assert!(issuers("A human rights group applauded the report.", false).is_empty());
    }

    #[test]
    fn a_body_that_held_the_event() {
        let f = issuers(
            "Example Watch, together with the Example Network, held a meeting today on camps.",
            false,
        );
        assert_eq!(names(&f), [("Example Watch".to_string(), Role::Issuer)]);
    }

    #[test]
    fn an_event_notice_names_its_host() {
        let f = hosted("• Host Organization: Example Network (EXN)");
        assert_eq!(names(&f), [("Example Network".to_string(), Role::Issuer)]);
        assert_eq!(hosted("Organized by: The Example Alliance").len(), 1);
        // A person hosting is not the body that puts out the notice.
        assert!(hosted("Main Host: CEO Jane Doe (EXN)").is_empty());
        assert!(hosted("Host Organization: to be announced").is_empty());
        assert!(hosted("Location: Example Hall").is_empty());
    }

    #[test]
    fn a_speaker_named_by_one_name_and_who() {
        // "…,” says Simon, who works …": one name, then "who": a person.
        let found = speakers(
            "“It is so,” says Peter, who leads the work in the north.",
            0,
            0,
            &[],
        );
        assert_eq!(found.len(), 1, "{found:#?}");
        let p = &found[0].found.person;
        assert_eq!((p.name.as_str(), p.kind), ("Peter", PersonKind::Person));
        assert!(found[0].found.review.is_some());
        // Without "who" one word is not taken for a name.
        assert!(speakers("“It is so,” says Peter.", 0, 0, &[]).is_empty());
        assert!(
            speakers(
                "“It is so,” says Amnesty, which works in the north.",
                0,
                0,
                &[]
            )
            .is_empty()
        );
    }

    #[test]
    fn a_headline_names_a_state_issuing_its_statement() {
        let f = issued_by("France Statement for the Interactive Dialogue on the Report");
        let p = f.map(|f| f.person);
        assert_eq!(
            p.map(|p| (p.name, p.kind, p.role)),
            Some(("France".to_string(), PersonKind::State, Role::Issuer))
        );
        assert!(issued_by("Statement for the Interactive Dialogue").is_none());
        assert!(issued_by("North Korean Statement Denounced").is_none());
    }

    #[test]
    fn a_headline_byline_names_the_agency() {
        let f = issued_by("Prisoners freed, UN says – By Reuters (The Daily) / May 3 2011");
        assert_eq!(
            f.map(|f| (f.person.name, f.person.kind, f.person.role)),
            Some((
                "Reuters".to_string(),
                PersonKind::Organization,
                Role::Issuer
            ))
        );
        assert!(issued_by("Freed by the guards, they ran").is_none());
    }

    #[test]
    fn a_subject_speaking_in_a_statement() {
        // "X in a statement criticized …": X speaks, whatever the verb.
        let found = speakers("France in a statement criticized the vote.", 0, 0, &[]);
        let names: Vec<(&str, PersonKind)> = found
            .iter()
            .map(|n| (n.found.person.name.as_str(), n.found.person.kind))
            .collect();
        assert_eq!(names, [("France", PersonKind::State)]);
        let found = speakers(
            "The Example Network said in a statement that it was wrong.",
            0,
            0,
            &[],
        );
        assert_eq!(found.len(), 1);
        assert!(speakers("They in a statement criticized it.", 0, 0, &[]).is_empty());
    }
}
