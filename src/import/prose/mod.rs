//! People named in running text, by the forms these documents use: the
//! bodies a release's lead names as its issuers ("A, B and C today
//! released"), lists in sentences ("signed by A, B and C", "including A and
//! B" in a sentence about a letter), and speakers ("…,” said NAME, TITLE of
//! BODY; NAME, TITLE at BODY, said; according to NAME). The forms' words
//! are data (`vocab`); a name that no form reaches is left to the known
//! entities, never guessed.

use super::entry::{self, Found, title_at};
use super::names::{
    is_acronym, is_body_name, is_name, is_person_name, is_title, name_list, name_prefix,
    name_suffix, office_name, person_after_title, sentences, split_outside, strip_article,
    whole_words,
};
use super::vocab::{
    DESCRIBING_NOUNS, DOCUMENT_CUES, DOCUMENT_WORDS, GROUP_NOUNS, HEAD_BYLINE_MARKS, HONORIFICS,
    HOST_LABELS, ISSUED_BY, ISSUING_VERBS, KOREAN_BODY_ENDINGS, LIST_CUES_AFTER_NAMES,
    LIST_CUES_BEFORE_NAMES, MEMBER_OF, NEVER_ISSUERS, NEWS_AGENCIES, PERSON_SPEECH_VERBS,
    SIGNING_WORDS, SPEECH_VERBS, STATE_CUES, STATE_DOCUMENT_NOUNS, STATE_NAMES, STATEMENT_MARKS,
    TIME_OPENERS, TITLE_NOUNS, TRAILING_TIMES,
};
use crate::corpus::{PersonKind, Role};
use regex::Regex;
use std::sync::LazyLock;

mod cited;
mod lead;
mod speakers;

use cited::cited;
pub use cited::delivered;
use lead::issuers;
pub use lead::{credit, issued_by};
use speakers::{clause_speakers, full_names, speakers, strip_adverb};

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
    let korean_full = super::korean::FullNames::of(&paragraphs.join("\n"));
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
                .chain(super::korean::according(s))
                .map(|mut f| {
                    if f.person.kind == PersonKind::Person
                        && let Some(full) = korean_full.of_one(&f.person.name)
                    {
                        f.person.name = full.to_string();
                    }
                    f
                });
            out.extend(korean.map(|f| named(f, here)));
            out.extend(speakers(s, n, at, &full));
            out.extend(
                cited(s, &full)
                    .into_iter()
                    .map(|(f, i)| named(f, (n, at + i))),
            );
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
    // A Korean body's name is one word, or ends as bodies' do: a clause of
    // a sentence ("… 교수가 사회를 맡았고") is neither.
    let korean_body = |n: &str| {
        let bare = n.split('(').next().unwrap_or(n).trim();
        n.chars().any(super::names::is_hangul)
            && (!bare.contains(' ') || KOREAN_BODY_ENDINGS.iter().any(|e| bare.ends_with(e)))
    };
    let bodies = names
        .iter()
        .all(|n| !is_person_name(n) && (is_body_name(n) || korean_body(n)));
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

/// Signatories and members named in a sentence: "signed by A, B and C",
/// "A and B signed the letter", "members include A and B", and "including
/// A and B" in a sentence about signing a letter.
fn lists(sentence: &str) -> Vec<Found> {
    let lower = sentence.to_lowercase();
    let mut out = states(sentence);
    if !out.is_empty() {
        return out;
    }
    let about_a_document = SIGNING_WORDS
        .iter()
        .chain(DOCUMENT_WORDS)
        .any(|w| lower.contains(w));
    for (cue, role) in LIST_CUES_BEFORE_NAMES {
        if DOCUMENT_CUES.contains(cue) && !about_a_document {
            continue;
        }
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
    let found: Vec<aho_corasick::Match> = states.find_iter(text).collect();
    found
        .iter()
        // "Korea-based" does not name a state, nor does "the North Korea
        // Freedom Coalition": a state's name inside a longer name. A state
        // after it is another ("Honduras Iceland", a comma lost).
        .filter(|m| {
            let rest = &text[m.end()..];
            let next_state = found.iter().any(|n| n.start() == m.end() + 1);
            let longer = rest
                .strip_prefix(' ')
                .and_then(|r| r.split_whitespace().next())
                .is_some_and(|w| w.starts_with(char::is_uppercase) && w != "and")
                && !next_state;
            whole_words(text, m.range()) && !rest.starts_with('-') && !longer
        })
        .map(|m| (m.start(), &text[m.range()]))
        .collect()
}

/// How many names the whole of `clause` is, or 0 if it is not all names.
fn name_list_len(clause: &str) -> usize {
    name_list(clause.trim()).map_or(0, |l| l.len())
}

#[cfg(test)]
mod tests;
