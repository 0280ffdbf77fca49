//! The shapes of names in running text: a person's, a body's, a list of
//! them ("A, B and the C (ACR)"), and the sentences they stand in. Shapes
//! only: which role a name has is read from the forms around it (`prose`).

use super::vocab::{
    CALLINGS, HONORIFICS, NAME_JOINERS, NOT_NAME_WORDS, OFFICE_NOUNS, ORGANIZATION_WORDS,
    TITLE_NOUNS, is_country, opens_sentence,
};

/// A word that opens with a capital letter (or is Hangul).
fn capitalised(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || is_hangul(c))
}

pub fn is_hangul(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// "Kim", "Ojea-Quintana", "O’Brien", "M.", "Jong-un": one word of a
/// person's name; an initial is a capital and a full stop.
fn name_word(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    // "HRW", "UN": capitals only are an acronym.
    let acronym = letters >= 2
        && w.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    // "Inquiry. I therefore call": a full stop ends a sentence, not a
    // name's word, unless it marks an initial or "Jr."; and "I" alone is
    // the pronoun.
    let stopped = w.ends_with('.') && letters > 1 && !matches!(w, "Jr." | "Sr." | "St.");
    capitalised(w)
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
        && !acronym
        && !stopped
        && w != "I"
        && !ORGANIZATION_WORDS.contains(&w.to_lowercase().trim_end_matches('.'))
        && !TITLE_NOUNS.contains(&w.to_lowercase().as_str())
        && !NOT_NAME_WORDS.contains(&w.trim_end_matches('.'))
        && !HONORIFICS.contains(&w.trim_end_matches('.'))
}

fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
}

/// A person's name by its shape: two to five capitalised words (initials
/// inside, not last), none a word of bodies' names; or a Hangul name of two
/// to four syllables.
pub fn is_person_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if let [one] = words.as_slice() {
        let n = one.chars().count();
        return (2..=4).contains(&n) && one.chars().all(is_hangul);
    }
    (2..=5).contains(&words.len())
        && !matches!(words[0], "The" | "No" | "A" | "In" | "On" | "As" | "At")
        && words.iter().all(|w| name_word(w))
        && !is_initial(words[words.len() - 1])
        && words.iter().filter(|w| !is_initial(w)).count() >= 2
}

/// Words of a body's name: "Foundation", "Watch", "Rights".
pub fn has_organization_word(s: &str) -> bool {
    s.split(|c: char| !c.is_alphanumeric())
        .any(|w| ORGANIZATION_WORDS.contains(&w.to_lowercase().as_str()))
}

/// A name's words: capitalised words, joined by the small words of names
/// ("of", "for", "the", "&"), which neither begin nor end it.
pub fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 16
        && capitalised(words[0])
        && words
            .last()
            .is_some_and(|w| capitalised(w) || w.ends_with(')'))
        && words
            .iter()
            .all(|w| capitalised(w) || NAME_JOINERS.contains(w) || w.starts_with('('))
}

/// A body's name: a name holding a word of bodies' names, or an acronym;
/// "No Chain (The Association of … Families)": a body by its other name.
pub fn is_body_name(s: &str) -> bool {
    let (bare, other) = s.split_once(" (").unwrap_or((s, ""));
    let other = other.strip_suffix(')').unwrap_or("");
    let named_body = is_name(other) && has_organization_word(other);
    is_name(s)
        && (has_organization_word(bare) || is_acronym(bare) || named_body)
        && !is_person_name(bare)
}

/// "Asia Director", "East Asia Team Leader": up to six words ending with a
/// noun of office.
pub fn is_title(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 6
        && words
            .last()
            .is_some_and(|w| TITLE_NOUNS.contains(&w.to_lowercase().trim_end_matches([',', '.'])))
}

/// A person named after their office or calling: "UN Special Rapporteur
/// Tomás Ojea Quintana", "Mr. Kim", "missionary Kim Jeong-wook" give the
/// name, and the words before it if they are an office.
pub fn person_after_title(s: &str) -> Option<(String, Option<String>)> {
    let words: Vec<&str> = s.split_whitespace().collect();
    // A person's name is at most five words: only the last five can start it.
    for start in words.len().saturating_sub(5)..words.len() {
        let name = words[start..].join(" ");
        let before = &words[..start];
        // "Ambassador Mr. Tormod C. ENDRESEN": after an honorific, a surname
        // in capitals, as statements at the UN print it, is a name's word.
        let honoured = before
            .last()
            .is_some_and(|w| HONORIFICS.contains(&w.trim_end_matches('.')));
        if !(is_person_name(&name) || honoured && is_person_name(&surname_cased(&name))) {
            continue;
        }
        let office = before.join(" ");
        let plain = before
            .iter()
            .all(|w| HONORIFICS.contains(&w.trim_end_matches('.')) || CALLINGS.contains(w));
        return if before.is_empty() || plain {
            Some((name, None))
        } else if before.iter().any(|w| {
            w.to_lowercase()
                .split('/')
                .any(|part| TITLE_NOUNS.contains(&part))
        }) {
            let office = office
                .trim_end_matches(|c: char| c != ' ')
                .trim_end()
                .to_string();
            let honorific = before
                .last()
                .is_some_and(|w| HONORIFICS.contains(&w.trim_end_matches('.')));
            Some((
                name,
                Some(if honorific { office } else { before.join(" ") }),
            ))
        } else {
            None
        };
    }
    None
}

/// The name with a last word in capitals written as a name's word:
/// "Tormod C. ENDRESEN" is read as "Tormod C. Endresen".
fn surname_cased(name: &str) -> String {
    let Some((given, last)) = name.rsplit_once(' ') else {
        return name.to_string();
    };
    let mut chars = last.chars();
    let capitals = last.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && last.chars().all(|c| !c.is_lowercase());
    match chars.next() {
        Some(first) if capitals => format!("{given} {first}{}", chars.as_str().to_lowercase()),
        _ => name.to_string(),
    }
}

/// Items of a list in running text: "A, B, and the C (ACR)" and "A and B".
/// Counts and kinds without names ("40 other organizations", "others")
/// are passed over; any other item that is not a name refuses the list.
pub fn name_list(s: &str) -> Option<Vec<String>> {
    let s = s.trim().trim_end_matches([',', '.', ';', ':']).trim();
    let mut items = Vec::new();
    for part in split_outside(s, ", ") {
        for piece in split_outside(&part, " and ") {
            let piece = piece.trim();
            let piece = piece.strip_prefix("and ").unwrap_or(piece).trim();
            let piece = strip_article(piece);
            if piece.is_empty() || unnamed(piece) {
                continue;
            }
            if !is_name(piece) {
                return None;
            }
            items.push(piece.to_string());
        }
    }
    (!items.is_empty()).then_some(items)
}

/// The longest run of words at the start of `s` that is a name: "the
/// Government of Japan" in "the Government of Japan before the corps".
pub fn name_prefix(s: &str) -> Option<&str> {
    let s = strip_article(s.trim());
    let ends: Vec<usize> = s
        .match_indices(' ')
        .map(|(i, _)| i)
        .chain([s.len()])
        .collect();
    ends.into_iter().rev().map(|e| &s[..e]).find(|p| is_name(p))
}

/// The name that ends `s`: all of `s`, or what follows its first "the"
/// ("the COI" in "On these bases the COI").
pub fn name_suffix(s: &str) -> Option<&str> {
    let s = s.trim();
    if is_name(s) {
        return Some(strip_article(s));
    }
    // "mission to the UN": a name that goes on through "the".
    let after = s.strip_prefix("the ").or_else(|| {
        let (before, after) = s.split_once(" the ")?;
        let joined = before
            .rsplit(' ')
            .next()
            .is_some_and(|w| NAME_JOINERS.contains(&w) || w.starts_with(char::is_uppercase));
        (!joined).then_some(after)
    })?;
    is_name(after).then_some(after)
}

/// An office named with lowercase words after "the", as the whole of `s`:
/// "the South Korean foreign ministry" gives "South Korean foreign
/// ministry". It opens with a capital and ends with a noun of offices, in
/// at most five words; without "the" it is a description ("Seoul's
/// ministry"), not a name.
pub fn office_name(s: &str) -> Option<&str> {
    let name = s
        .trim()
        .strip_prefix("the ")
        .or_else(|| s.trim().strip_prefix("The "))?;
    let words: Vec<&str> = name.split_whitespace().collect();
    let last = *words.last()?;
    let first = words[0];
    ((2..=5).contains(&words.len())
        && OFFICE_NOUNS.contains(&last)
        && first.starts_with(char::is_uppercase)
        && !opens_sentence(first)
        && words.iter().all(|w| {
            w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-'))
        }))
    .then_some(name)
}

/// Whether `text[at]` is whole words: no letter or digit runs on at
/// either end.
pub fn whole_words(text: &str, at: std::ops::Range<usize>) -> bool {
    let before = text.get(..at.start).and_then(|t| t.chars().next_back());
    let after = text.get(at.end..).and_then(|t| t.chars().next());
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// Where `phrase` first stands in `text` as whole words.
pub fn word_at(text: &str, phrase: &str) -> Option<usize> {
    text.match_indices(phrase)
        .map(|(i, _)| i)
        .find(|&i| whole_words(text, i..i + phrase.len()))
}

/// "the", "The": not part of the name.
pub fn strip_article(s: &str) -> &str {
    s.strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(s)
}

/// "40 other organizations", "more than 300 NGOs", "others", "other
/// groups": a count, not a name.
fn unnamed(s: &str) -> bool {
    let first = s.split_whitespace().next().unwrap_or("");
    first.chars().next().is_some_and(|c| c.is_ascii_digit())
        || matches!(
            first,
            "other"
                | "others"
                | "more"
                | "over"
                | "some"
                | "several"
                | "many"
                | "dozens"
                | "a"
                | "an"
        )
        || s.starts_with("number of")
}

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Sen", "Rep", "Gen", "Amb", "Jr", "Sr", "Inc", "Ltd",
    "Co", "Rev", "No", "vs", "etc", "e.g", "i.e", "U.S", "U.N", "U.K", "Jan", "Feb", "Mar", "Apr",
    "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "D.C", "N.Y", "Calif",
];

/// A paragraph's sentences, each with its byte offset: a sentence ends at
/// `.`, `!` or `?` (and a closing quotation mark) before a space and a
/// capital or an opening quotation mark, except after an initial or an
/// abbreviation.
pub fn sentences(p: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut j = k + 1;
        while chars
            .get(j)
            .is_some_and(|&(_, c)| matches!(c, '”' | '"' | '’' | ')'))
        {
            j += 1;
        }
        let Some(&(space_at, ' ')) = chars.get(j) else {
            continue;
        };
        let next = chars.get(j + 1).map(|&(_, c)| c);
        // A capital, a letter of a script without case (Hangul), a quotation.
        let opens = |c: char| {
            c.is_uppercase()
                || (c.is_alphabetic() && !c.is_lowercase())
                || matches!(c, '“' | '"' | '(' | '‘' | '\'')
        };
        if !next.is_some_and(opens) {
            continue;
        }
        let word = p[start..i].rsplit(' ').next().unwrap_or("");
        if c == '.' && (is_initial(&format!("{word}.")) || ABBREVIATIONS.contains(&word)) {
            continue;
        }
        out.push((start, &p[start..space_at]));
        start = space_at + 1;
    }
    if start < p.len() {
        out.push((start, &p[start..]));
    }
    out
}

/// "RSF", "FORUM-ASIA", "FoD", "BALAOD Mindanaw", "PSALT NK": a short
/// group whose first word has two capitals and no word starts lower case.
pub fn is_acronym(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 3
        && words[0].chars().filter(|c| c.is_uppercase()).count() >= 2
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()))
        && !is_country(s)
}

/// Splits `s` at `sep` outside parentheses.
pub fn split_outside(s: &str, sep: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0i32, 0);
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if depth == 0 && i >= start && s[i..].starts_with(sep) {
            parts.push(s[start..i].to_string());
            start = i + sep.len();
        }
    }
    parts.push(s[start..].to_string());
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_abbreviated_in_a_dateline_ends_no_sentence() {
        let s = sentences("Springfield, D.C. May 2, 2011--A group said so. It did.");
        assert_eq!(s.len(), 2, "{s:?}");
    }

    #[test]
    fn a_body_by_the_other_name_it_gives() {
        // "NAME (The Association of …)": the name in brackets says it is a body.
        assert!(is_body_name("No Kite (The Association of Kite Families)"));
        assert!(!is_body_name("No Kite (Seoul)"));
        assert!(!is_body_name("No Kite"));
        // A person's name by its shape stays a person's.
        assert!(!is_body_name("Jane Doe (Example Association)"));
    }

    #[test]
    fn people_by_their_shape() {
        for yes in [
            "Brad Adams",
            "Gordon G. Chang",
            "Kim Jong-un",
            "Tomás Ojea Quintana",
            "O’Brien Smith",
            "김정은",
        ] {
            assert!(is_person_name(yes), "{yes}");
        }
        for no in [
            "Human Rights Watch",
            "Brad M.",
            "The Director",
            "FIDH",
            "Seoul",
            "North Korea",
            "Inquiry. I",
            "Commission. We",
        ] {
            assert!(!is_person_name(no), "{no}");
        }
    }

    #[test]
    fn lists_of_names_in_a_sentence() {
        assert_eq!(
            name_list(
                "Amnesty International, Human Rights Watch and the International Federation for Human Rights (FIDH)"
            ),
            Some(vec![
                "Amnesty International".to_string(),
                "Human Rights Watch".to_string(),
                "International Federation for Human Rights (FIDH)".to_string()
            ])
        );
        assert_eq!(
            name_list("Human Rights Watch and more than 300 nongovernmental organizations"),
            Some(vec!["Human Rights Watch".to_string()])
        );
        assert_eq!(name_list("the government and its people"), None);
    }

    #[test]
    fn sentences_end_where_a_capital_follows() {
        let s = sentences("Gordon G. Chang said so. Mr. Kim did not. “Yes.” He left.");
        let texts: Vec<&str> = s.iter().map(|x| x.1).collect();
        assert_eq!(
            texts,
            [
                "Gordon G. Chang said so.",
                "Mr. Kim did not.",
                "“Yes.”",
                "He left."
            ]
        );
    }

    #[test]
    fn offices_before_a_name() {
        assert_eq!(
            person_after_title("UN Special Rapporteur Tomás Ojea Quintana"),
            Some((
                "Tomás Ojea Quintana".to_string(),
                Some("UN Special Rapporteur".to_string())
            ))
        );
        assert_eq!(
            person_after_title("Mr. Kim Jong-un"),
            Some(("Kim Jong-un".to_string(), None))
        );
    }
}
