//! Where a document's text names an entity, paragraph by paragraph.
//!
//! The rule is conservative, since a wrong passage misleads a reader and a
//! missed one only costs a look:
//! - Names match word for word on word boundaries, never inside a word.
//!   Words compare as entity names do (case, diacritics, hyphens,
//!   apostrophes and British spelling set aside; see `words`), so "Tomas
//!   Ojea Quintana" finds "Tomás Ojea-Quintana" and "Inquiry’s" holds
//!   "Inquiry".
//! - An entity's names are its canonical name, its aliases and every name a
//!   people entry uses for it; never a surname or a first name alone.
//! - A capitalised word of a name matches only a capitalised word, and one
//!   in capitals only capitals, so names made of common words ("THINK",
//!   "People In Need", "Stepping Stones") are not found in ordinary prose.
//! - Where two entities' names overlap, the longer name wins.
//! - An acronym matches, case for case and as a whole word, only in a
//!   document that ties it to the entity: a people entry of the entity there
//!   gives it, or the text writes a name of the entity followed by it in
//!   parentheses ("Commission of Inquiry’s (“COI”)"). A document that ties
//!   the acronym to anything else, or to two entities, gets no acronym
//!   matches for it: "International Criminal Court (ICC)" is not
//!   International Christian Concern (ICC).

use crate::corpus::{
    Corpus, Document, EntityId, Shape, Word, name_words, without_parentheses, words,
};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};

/// A name of an entity, as words.
struct Form {
    entity: EntityId,
    words: Vec<Word>,
}

/// A name found in a paragraph: the entity and the range of words.
struct Found {
    entity: EntityId,
    words: std::ops::Range<usize>,
}

/// For each entity, the (document, paragraph) pairs whose text names it, in
/// corpus order, without repeats.
pub(super) fn passages(corpus: &Corpus) -> Vec<Vec<(u32, u32)>> {
    let entities = corpus.entities.all();
    let mut names: Vec<Vec<&str>> = entities.iter().map(|e| e.names().collect()).collect();
    let mut acronyms: Vec<HashSet<&str>> = entities
        .iter()
        .map(|e| e.acronyms.iter().map(String::as_str).collect())
        .collect();
    for person in corpus.documents.iter().flat_map(|d| &d.people) {
        names[person.entity].push(&person.name);
        acronyms[person.entity].extend(person.acronym.as_deref());
    }
    for list in &mut acronyms {
        list.retain(|a| is_acronym(a));
    }
    let forms = forms(&names);
    let all: HashSet<&str> = acronyms.iter().flatten().copied().collect();
    let longest = all.iter().map(|a| a.len()).max().unwrap_or(0);
    // Entity, document and paragraph as u32: a large corpus names its
    // entities in millions of paragraphs, held twice here for a moment.
    let per_document: Vec<Vec<(u32, u32)>> = corpus
        .documents
        .par_iter()
        .map(|doc| in_document(doc, &forms, &acronyms, &all, longest))
        .collect();
    let mut found = vec![Vec::new(); entities.len()];
    for (d, pairs) in per_document.into_iter().enumerate() {
        for (entity, paragraph) in pairs {
            found[entity as usize].push((d as u32, paragraph));
        }
    }
    // Repeats go at the end: a search of the list per find made a name
    // common across 100,000 paragraphs quadratic.
    for list in &mut found {
        list.sort_unstable();
        list.dedup();
    }
    found
}

/// At least two characters, one of them a capital: "ICNK", "FoD", "LiNK".
fn is_acronym(s: &str) -> bool {
    s.chars().count() >= 2 && s.chars().any(char::is_uppercase)
}

/// Every distinct name of every entity, by its first word.
fn forms(names: &[Vec<&str>]) -> HashMap<String, Vec<Form>> {
    let mut forms: HashMap<String, Vec<Form>> = HashMap::new();
    // A set rather than a search of the list: thousands of names share a
    // first word ("Kim").
    let mut seen: HashSet<(EntityId, Vec<(String, Shape)>)> = HashSet::new();
    for (entity, names) in names.iter().enumerate() {
        for name in names {
            let words = name_words(without_parentheses(name));
            let Some(first) = words.first() else { continue };
            let form: Vec<(String, Shape)> =
                words.iter().map(|w| (w.folded.clone(), w.shape)).collect();
            if seen.insert((entity, form)) {
                let list = forms.entry(first.folded.clone()).or_default();
                list.push(Form { entity, words });
            }
        }
    }
    forms
}

/// The names found in one paragraph's words, the longer winning where two
/// entities' names overlap.
fn names_in(text: &[Word], forms: &HashMap<String, Vec<Form>>) -> Vec<Found> {
    let mut found = Vec::new();
    for (i, word) in text.iter().enumerate() {
        for form in forms.get(&word.folded).into_iter().flatten() {
            let end = i + form.words.len();
            let matches = text.get(i..end).is_some_and(|here| {
                here.iter()
                    .zip(&form.words)
                    .all(|(t, n)| t.folded == n.folded && n.shape.admits(t.shape))
            });
            if matches {
                found.push(Found {
                    entity: form.entity,
                    words: i..end,
                });
            }
        }
    }
    let inside_longer = |f: &Found| {
        found.iter().any(|o| {
            o.entity != f.entity
                && o.words.start <= f.words.start
                && f.words.end <= o.words.end
                && o.words.len() > f.words.len()
        })
    };
    let keep: Vec<bool> = found.iter().map(|f| !inside_longer(f)).collect();
    found
        .into_iter()
        .zip(keep)
        .filter_map(|(f, keep)| keep.then_some(f))
        .collect()
}

/// The (entity, paragraph) pairs of one document: names, then acronyms the
/// document ties to one entity.
fn in_document(
    doc: &Document,
    forms: &HashMap<String, Vec<Form>>,
    acronyms: &[HashSet<&str>],
    all: &HashSet<&str>,
    longest: usize,
) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    // Which entities each acronym is tied to here, and the acronyms tied to
    // something that is not one of their entities.
    let mut tied: HashMap<&str, HashSet<EntityId>> = HashMap::new();
    let mut untied: HashSet<&str> = HashSet::new();
    for person in &doc.people {
        if let Some(a) = person.acronym.as_deref()
            && is_acronym(a)
        {
            tied.entry(a).or_default().insert(person.entity);
        }
    }
    for (p, text) in doc.paragraphs.iter().enumerate() {
        let text_words = words(text);
        let found = names_in(&text_words, forms);
        out.extend(found.iter().map(|f| (f.entity as u32, p as u32)));
        for (acronym, before) in parenthesised(text, all, longest) {
            // The name must end right before the parenthesis.
            let owner = found.iter().find(|f| {
                text_words[f.words.end - 1].span.end == before
                    && acronyms[f.entity].contains(acronym)
            });
            match owner {
                Some(f) => {
                    tied.entry(acronym).or_default().insert(f.entity);
                }
                None => {
                    untied.insert(acronym);
                }
            }
        }
    }
    for (acronym, entities) in tied {
        let only = entities.iter().next().copied();
        let Some(entity) = only.filter(|_| entities.len() == 1 && !untied.contains(acronym)) else {
            continue;
        };
        for (p, text) in doc.paragraphs.iter().enumerate() {
            if whole_word(text, acronym) {
                out.push((entity as u32, p as u32));
            }
        }
    }
    out
}

const QUOTES: &[char] = &['"', '\'', '“', '”', '‘', '’', '«', '»'];

/// For each "(ACRONYM)" in `text` with one of `acronyms` (quotes inside
/// allowed), the acronym and the byte offset where the words before it end,
/// a possessive ’s set aside: "Inquiry’s (“COI”)" gives the end of
/// "Inquiry". `longest` is the longest acronym's length in bytes. Each
/// parenthesis is read once, whatever the number of acronyms.
fn parenthesised<'a>(
    text: &str,
    acronyms: &HashSet<&'a str>,
    longest: usize,
) -> Vec<(&'a str, usize)> {
    let mut out = Vec::new();
    for (open, _) in text.match_indices('(') {
        let inside = text[open + 1..].trim_start_matches(QUOTES);
        // The acronym is what comes before a ')' and any quotes before it.
        for (close, _) in inside.match_indices(')') {
            let quoted = &inside[..close];
            let bare = quoted.trim_end_matches(QUOTES);
            if bare.len() > longest {
                // A later ')' only makes it longer.
                break;
            }
            let lengths = (bare.len()..=quoted.len()).filter(|&l| quoted.is_char_boundary(l));
            for acronym in lengths.filter_map(|l| acronyms.get(&quoted[..l])) {
                out.push((*acronym, words_end_before(text, open)));
            }
        }
    }
    out
}

fn words_end_before(text: &str, open: usize) -> usize {
    let before = text[..open].trim_end();
    let before = ["’s", "'s", "’", "'"]
        .iter()
        .find_map(|s| before.strip_suffix(s))
        .unwrap_or(before);
    before.len()
}

/// Whether `word` occurs in `text` with no letter or digit on either side.
fn whole_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::SourceFile;

    /// The (document id, paragraph number from 1) pairs naming `entity`.
    fn named(corpus: &Corpus, entity: &str) -> Vec<(String, usize)> {
        let e = corpus.entities.all().iter().position(|e| e.id == entity);
        let e = e.unwrap_or_else(|| panic!("no entity {entity}"));
        passages(corpus)[e]
            .iter()
            .map(|&(d, p)| (corpus.documents[d as usize].id.clone(), p as usize + 1))
            .collect()
    }

    fn at(doc: &str, numbers: &[usize]) -> Vec<(String, usize)> {
        numbers.iter().map(|&n| (doc.to_string(), n)).collect()
    }

    /// A corpus of one document "d" with these paragraphs and people
    /// entries (name, kind, acronym).
    fn corpus(entities: &str, paragraphs: &[&str], people: &[(&str, &str, &str)]) -> Corpus {
        let mut text = format!(
            "id = \"d\"\ntitle = \"T\"\nkind = \"statement\"\nparagraphs = {paragraphs:?}\n"
        );
        for (name, kind, acronym) in people {
            text.push_str(&format!(
                "[[people]]\nname = {name:?}\nkind = \"{kind}\"\nrole = \"signatory\"\n"
            ));
            if !acronym.is_empty() {
                text.push_str(&format!("acronym = {acronym:?}\n"));
            }
        }
        let file = |name: &str, text: String| SourceFile {
            name: name.into(),
            text,
        };
        Corpus::from_files(&file("e.toml", entities.into()), &[file("d.toml", text)])
            .expect("the test corpus loads")
    }

    #[test]
    fn the_bundled_documents_name_their_people_where_they_are_quoted() {
        let corpus = Corpus::load(&[]).unwrap();
        const LETTER_2024: &str = "hrc55-open-letter-2024";
        const RELEASE_2017: &str = "icnk-crimes-against-humanity-demand-justice-2017";
        const RELEASE_2014: &str = "icnk-welcomes-unga-resolution-2014";
        // The 2017 release writes "Tomas Ojea Quintana"; the entity is "Tomás Ojea-Quintana".
        assert_eq!(
            named(&corpus, "tomas-ojea-quintana"),
            at(RELEASE_2017, &[7])
        );
        // "Ben Rogers" is an alias.
        let mut rogers = at(RELEASE_2017, &[9, 13]);
        rogers.extend(at(RELEASE_2014, &[7]));
        rogers.sort();
        let mut found = named(&corpus, "benedict-rogers");
        found.sort();
        assert_eq!(found, rogers);
        // "COI" is tied to the Commission in the 2024 letter's own words,
        // "Commission of Inquiry’s (“COI”)", and found on its own after.
        let coi = named(&corpus, "commission-of-inquiry");
        let in_2024: Vec<usize> = coi
            .iter()
            .filter(|(d, _)| d == LETTER_2024)
            .map(|(_, n)| *n)
            .collect();
        assert_eq!(in_2024, [2, 3, 4, 6]);
        // The 2017 release's "ICC" is the International Criminal Court, not
        // International Christian Concern (ICC), a signatory in 2024.
        assert_eq!(named(&corpus, "international-christian-concern"), []);
        // "ICNK" alone, in a document that lists the coalition as ICNK.
        assert!(
            named(
                &corpus,
                "international-coalition-to-stop-crimes-against-humanity-in-north-korea"
            )
            .contains(&(RELEASE_2017.to_string(), 12))
        );
    }

    #[test]
    fn names_match_whole_words_with_their_capitals() {
        let corpus = corpus(
            "",
            &[
                "We think THINK is right.",
                "People in need of help.",
                "Stepping Stones said.",
                "The Society to Help Returnees said.",
                "Under the ICCPR.",
                "The ICC agreed.",
            ],
            &[
                ("THINK", "organization", ""),
                ("People In Need", "organization", ""),
                ("Stepping Stones", "organization", "ICC"),
                ("The Society to Help Returnees", "organization", ""),
            ],
        );
        assert_eq!(named(&corpus, "think"), at("d", &[1]));
        assert_eq!(named(&corpus, "people-in-need"), []);
        // "ICC" is not inside "ICCPR".
        assert_eq!(named(&corpus, "stepping-stones"), at("d", &[3, 6]));
        assert_eq!(
            named(&corpus, "the-society-to-help-returnees"),
            at("d", &[4])
        );
    }

    #[test]
    fn the_longer_of_two_overlapping_names_wins() {
        let corpus = corpus(
            "",
            &["Human Rights Watch Asia said.", "Human Rights Watch said."],
            &[
                ("Human Rights Watch", "organization", ""),
                ("Human Rights Watch Asia", "organization", ""),
            ],
        );
        assert_eq!(named(&corpus, "human-rights-watch"), at("d", &[2]));
        assert_eq!(named(&corpus, "human-rights-watch-asia"), at("d", &[1]));
    }

    #[test]
    fn an_acronym_counts_only_where_the_document_ties_it_to_one_entity() {
        let entities = "\
[[entity]]
id = \"icc\"
name = \"International Christian Concern\"
kind = \"organization\"
acronyms = [\"ICC\"]

[[entity]]
id = \"coi\"
name = \"Commission of Inquiry\"
kind = \"organization\"
acronyms = [\"COI\"]
";
        // Tied by the text, a possessive and quotes between.
        let tied = corpus(
            entities,
            &[
                "The Commission of Inquiry’s (“COI”) report.",
                "The COI said.",
            ],
            &[],
        );
        assert_eq!(named(&tied, "coi"), at("d", &[1, 2]));
        // Not tied: the acronym alone names nothing.
        let untied = corpus(entities, &["The COI said."], &[]);
        assert_eq!(named(&untied, "coi"), []);
        // Tied by a people entry, but the text ties it to another name.
        let elsewhere = corpus(
            entities,
            &["The International Criminal Court (ICC).", "The ICC ruled."],
            &[("International Christian Concern", "organization", "ICC")],
        );
        assert_eq!(named(&elsewhere, "icc"), []);
        // Two entities listed with one acronym: neither gets it.
        let shared = corpus(
            entities,
            &["The ICC said."],
            &[
                ("International Christian Concern", "organization", "ICC"),
                ("Independent Citizens Council", "organization", "ICC"),
            ],
        );
        assert_eq!(named(&shared, "icc"), []);
        assert_eq!(named(&shared, "independent-citizens-council"), []);
    }
}
