//! Whose words or work a sentence cites: "according to NAME, TITLE",
//! "according to a report by BODY.", "as stated by BODY", "BODY’s report
//! concluded", "which BODY described as", and the person who delivers a
//! statement. Each is quoted (`CURATION.md`: words "reported with said,
//! stated and the like").

use super::speakers::speaker;
use super::*;
use crate::import::vocab::{
    CITED_BY, CITED_WORKS, DELIVERED_BY, FINDING_VERBS, HONORIFICS, NEWS_AGENCIES, SPOKEN_FOR,
    opens_sentence,
};

/// The people a sentence cites, each with the byte it is named at.
pub(super) fn cited(sentence: &str, full: &[String]) -> Vec<(Found, usize)> {
    let mut out = Vec::new();
    for at in all_ci(sentence, "according to ") {
        let rest = &sentence[at + "according to ".len()..];
        let whole = rest.split(['“', '"']).next().unwrap_or(rest);
        let whole = whole.trim_end().trim_end_matches(['.', ',']);
        // "according to NAME, TITLE of BODY": a person, described.
        let person = speaker(whole, full)
            .map(|(f, _)| f)
            .filter(|f| f.person.kind == PersonKind::Person);
        // A body only where its name, or its work's, ends the sentence:
        // "according to Reuters.", "according to a UN report."; what runs on
        // past a comma was wrong more often than right on unseen pages.
        if let Some(f) = person.or_else(|| body(whole)) {
            out.push((review(f, "according to"), at));
        }
    }
    for form in CITED_BY {
        for at in all_ci(sentence, form) {
            let phrase = clause(&sentence[at + form.len()..]);
            let person = speaker(phrase, full)
                .map(|(f, _)| f)
                .filter(|f| f.person.kind == PersonKind::Person);
            if let Some(f) = person.or_else(|| body(phrase)) {
                out.push((review(f, form.trim()), at));
            }
        }
    }
    out.extend(delivered(sentence, full));
    for verb in FINDING_VERBS {
        for (at, _) in sentence.match_indices(&format!(" {verb}")) {
            if !whole_words(sentence, at + 1..at + 1 + verb.len()) {
                continue;
            }
            if let Some(f) = finder(&sentence[..at]) {
                out.push((review(f, verb), at));
            }
        }
    }
    out
}

/// Who delivers a statement for its issuer: "Statement delivered by
/// Ambassador NAME, TITLE", and "Statement on behalf of the European Union
/// by Ms. NAME, TITLE" (who speaks for another, named after an honorific).
pub fn delivered(sentence: &str, full: &[String]) -> Vec<(Found, usize)> {
    let mut out = Vec::new();
    let spoken_for = SPOKEN_FOR.iter().flat_map(|form| {
        all_ci(sentence, form).filter_map(|at| {
            let by = sentence[at..].find(" by ")? + at + " by ".len();
            let honoured = sentence[by..]
                .split_whitespace()
                .next()
                .is_some_and(|w| HONORIFICS.contains(&w.trim_end_matches('.')));
            honoured.then_some((at, by, form.trim()))
        })
    });
    let delivered = DELIVERED_BY
        .iter()
        .flat_map(|form| all_ci(sentence, form).map(move |at| (at, at + form.len(), form.trim())));
    for (at, from, form) in delivered.chain(spoken_for).collect::<Vec<_>>() {
        let rest = &sentence[from..];
        let whole = rest.split(['“', '"', ':']).next().unwrap_or(rest);
        let whole = whole.trim_end().trim_end_matches(['.', ',']);
        if let Some((f, _)) =
            speaker(whole, full).filter(|(f, _)| f.person.kind == PersonKind::Person)
        {
            out.push((review(f, form), at));
        }
    }
    out
}

/// The body before a verb of finding: "… which the COI", "… that the
/// Commission", "the U.N. Commission of Inquiry’s report which".
fn finder(before: &str) -> Option<Found> {
    let before = before
        .trim_end()
        .trim_end_matches(" which")
        .trim_end_matches(" that");
    let before = [" has", " have", " had"]
        .iter()
        .find_map(|a| before.strip_suffix(a))
        .unwrap_or(before);
    // "X’s report": the body whose work it is.
    let work = CITED_WORKS.iter().find_map(|w| {
        ["’s ", "'s "]
            .iter()
            .find_map(|s| before.strip_suffix(&format!("{s}{w}")))
    });
    if let Some(owner) = work {
        // The longest name that ends it, less a word that opens the sentence.
        let name = std::iter::once(0)
            .chain(owner.match_indices(' ').map(|(i, _)| i + 1))
            .map(|b| strip_article(&owner[b..]))
            .find(|n| is_name(n) && !opens_sentence(n.split_whitespace().next().unwrap_or("")))?;
        return body(name);
    }
    // "which the COI described": a body right after the relative word.
    let (_, subject) = [" which ", " that ", " as "]
        .iter()
        .filter_map(|m| before.rfind(m).map(|i| (i, &before[i + m.len()..])))
        .max_by_key(|(i, _)| *i)?;
    body(subject)
}

/// What `rest` names before its clause goes on: up to a comma, a colon, a
/// quotation or a parenthesis that holds no acronym.
fn clause(rest: &str) -> &str {
    let end = rest.find([',', ';', ':', '“', '"']).unwrap_or(rest.len());
    let mut phrase = &rest[..end];
    if let Some(i) = phrase.find(" (") {
        let inside = phrase[i + 2..].split(')').next().unwrap_or("");
        if !is_acronym(inside) {
            phrase = &phrase[..i];
        }
    }
    phrase.trim().trim_end_matches('.')
}

/// A body cited by `phrase` ("the UN Human Rights Committee", "a report by
/// Human Rights Watch", "a United Nations report"), when its words are a
/// body's name and nothing else.
fn body(phrase: &str) -> Option<Found> {
    let article = |s: &str| -> String {
        let s = s.trim();
        ["the ", "The ", "a ", "an "]
            .iter()
            .find_map(|a| s.strip_prefix(a))
            .unwrap_or(s)
            .to_string()
    };
    let mut name = article(phrase);
    // The longer works first: "final report" before "report".
    let mut works = CITED_WORKS.to_vec();
    works.sort_by_key(|w| std::cmp::Reverse(w.len()));
    // "report by X", "data from X": the work, then whose it is.
    for w in &works {
        for by in [" by ", " from ", " of "] {
            if let Some(rest) = name.strip_prefix(&format!("{w}{by}")) {
                name = article(rest);
            }
        }
    }
    // "X report", "X’s findings", "X’s final report".
    for w in &works {
        if let Some(rest) = name.strip_suffix(&format!(" {w}")) {
            name = rest
                .trim_end_matches("’s")
                .trim_end_matches("'s")
                .to_string();
            break;
        }
    }
    // "South Korea’s Unification Ministry": whose name is it? Record less.
    if name.contains("’s ") || name.contains("'s ") {
        return None;
    }
    let agency = NEWS_AGENCIES.contains(&name.as_str());
    if !agency && !is_body_name(&name) {
        return None;
    }
    entry::parse(&name, Role::Quoted, Some(PersonKind::Organization)).pop()
}

fn review(mut f: Found, form: &str) -> Found {
    f.review = Some(format!("quoted: the text cites it (“{form}”)"));
    f
}

/// Where an ASCII phrase starts in `s`, whatever its case, each time.
fn all_ci<'a>(s: &'a str, phrase: &'a str) -> impl Iterator<Item = usize> + 'a {
    (0..s.len()).filter(move |&i| {
        s.is_char_boundary(i)
            && s.get(i..i + phrase.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(phrase))
            && (i == 0 || !s[..i].ends_with(char::is_alphanumeric))
    })
}
