//! Where a document's text names an entity, paragraph by paragraph.
//!
//! The rule is conservative, since a wrong passage misleads a reader and a
//! missed one only costs a look:
//! - Names match word for word on word boundaries, never inside a word.
//!   Words compare as entity names do (case, diacritics, hyphens,
//!   apostrophes and British spelling set aside; see `corpus::words`,
//!   whose words `text_words` reads from the search tokens), so "Tomas
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
    AND, AND_WORD, Corpus, Document, EntityId, Shape, Text, compared, fold, is_initial,
    joins_initial, name_words, shape, without_parentheses,
};
use crate::search::Tokens;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// The words of every name, numbered, and the names by their first word.
struct Names {
    numbers: HashMap<String, u32>,
    /// By the number of its first word, the names that start with it.
    by_first: Vec<Vec<Form>>,
}

/// A name of an entity, as its words' numbers and shapes.
struct Form {
    entity: EntityId,
    words: Vec<(u32, Shape)>,
}

/// A word of a paragraph: its number if some name has it, its byte range
/// in the paragraph, and its shape.
struct TextWord {
    number: Option<u32>,
    span: Range<usize>,
    shape: Shape,
}

/// A word as written, as names compare it: worked out once for each way a
/// word is written, not once for each time it is.
#[derive(Clone, Copy)]
struct Written {
    number: Option<u32>,
    shape: Shape,
    /// The bytes before its first letter or digit, combining marks that
    /// search keeps in the word and names leave out.
    marks: usize,
}

/// A paragraph's words as they are read, and the initials the last one is
/// made of, folded, while more may join it ("U.N.").
struct Gathered<'t> {
    text: &'t str,
    words: Vec<TextWord>,
    initials: Option<String>,
    /// Whether the last word took initials after it: its number and shape
    /// are worked out once it is done.
    joined: bool,
}

/// A name found in a paragraph: the entity and the range of words.
struct Found {
    entity: EntityId,
    words: Range<usize>,
}

/// What reading every document needs.
struct Reading<'a> {
    tokens: &'a Tokens,
    names: Names,
    /// For each word as written, by its id in `tokens`; None for a word
    /// without a letter or digit (combining marks), which names do not
    /// count.
    written: Vec<Option<Written>>,
    /// The number of "and", which `&` is, if some name has it.
    and: Option<u32>,
    /// Each entity's acronyms, all of them, and the longest one's bytes.
    acronyms: Vec<HashSet<&'a str>>,
    all: HashSet<&'a str>,
    longest: usize,
}

/// For each entity, the (document, paragraph) pairs whose text names it, in
/// corpus order, without repeats. A paragraph's words are those in
/// `tokens` (read from `corpus`): text is split into words once, for search
/// and for this.
pub(super) fn passages(corpus: &Corpus, tokens: &Tokens) -> Vec<Vec<(u32, u32)>> {
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
    let names = Names::new(&names);
    let all: HashSet<&str> = acronyms.iter().flatten().copied().collect();
    let reading = Reading {
        tokens,
        written: tokens
            .forms()
            .par_iter()
            .map(|f| names.written(f))
            .collect(),
        and: names.number(AND_WORD),
        names,
        longest: all.iter().map(|a| a.len()).max().unwrap_or(0),
        all,
        acronyms,
    };
    // Entity, document and paragraph as u32: a large corpus names its
    // entities in millions of paragraphs, held twice here for a moment.
    let per_document: Vec<Vec<(u32, u32)>> = corpus
        .documents
        .par_iter()
        .enumerate()
        .map(|(d, doc)| reading.document(d, doc))
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

impl Names {
    /// Every distinct name of every entity, by its first word.
    fn new(names: &[Vec<&str>]) -> Names {
        let mut numbers: HashMap<String, u32> = HashMap::new();
        let mut by_first: Vec<Vec<Form>> = Vec::new();
        // A set rather than a search of the list: thousands of names share
        // a first word ("Kim").
        let mut seen: HashSet<(EntityId, Vec<(u32, Shape)>)> = HashSet::new();
        for (entity, names) in names.iter().enumerate() {
            for name in names {
                let words: Vec<(u32, Shape)> = name_words(without_parentheses(name))
                    .into_iter()
                    .map(|w| {
                        let next = numbers.len() as u32;
                        (*numbers.entry(w.folded).or_insert(next), w.shape)
                    })
                    .collect();
                let Some(&(first, _)) = words.first() else {
                    continue;
                };
                if seen.insert((entity, words.clone())) {
                    let first = first as usize;
                    if by_first.len() <= first {
                        by_first.resize_with(first + 1, Vec::new);
                    }
                    by_first[first].push(Form { entity, words });
                }
            }
        }
        Names { numbers, by_first }
    }

    /// The number of a word folded as names fold it, if a name has it.
    fn number(&self, folded: &str) -> Option<u32> {
        self.numbers.get(folded).copied()
    }

    /// A word as written, as names compare it.
    fn written(&self, form: &str) -> Option<Written> {
        let word = form.trim_start_matches(|c: char| !c.is_alphanumeric());
        if word.is_empty() {
            return None;
        }
        let (folded, shape) = compared(word);
        Some(Written {
            number: self.number(&folded),
            shape,
            marks: form.len() - word.len(),
        })
    }

    /// The names found in one paragraph's words, the longer winning where
    /// two entities' names overlap.
    fn found_in(&self, text: &[TextWord]) -> Vec<Found> {
        let mut found = Vec::new();
        for (i, word) in text.iter().enumerate() {
            let Some(first) = word.number else { continue };
            for form in self.by_first.get(first as usize).into_iter().flatten() {
                let end = i + form.words.len();
                let matches = text.get(i..end).is_some_and(|here| {
                    here.iter()
                        .zip(&form.words)
                        .all(|(t, &(n, shape))| t.number == Some(n) && shape.admits(t.shape))
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
}

impl Reading<'_> {
    /// The (entity, paragraph) pairs of document `d`: names, then acronyms
    /// the document ties to one entity.
    fn document(&self, d: usize, doc: &Document) -> Vec<(u32, u32)> {
        let mut out = Vec::new();
        // Which entities each acronym is tied to here, and the acronyms
        // tied to something that is not one of their entities.
        let mut tied: HashMap<&str, HashSet<EntityId>> = HashMap::new();
        let mut untied: HashSet<&str> = HashSet::new();
        for person in &doc.people {
            if let Some(a) = person.acronym.as_deref()
                && is_acronym(a)
            {
                tied.entry(a).or_default().insert(person.entity);
            }
        }
        // Each text taken once: one read in place is checked as it is taken.
        let texts: Vec<&str> = doc.paragraphs.iter().map(Text::as_str).collect();
        let mut ids = Vec::new();
        for (p, &text) in texts.iter().enumerate() {
            self.tokens.paragraph_words(d, p, &mut ids);
            let text_words = self.text_words(text, &ids);
            let found = self.names.found_in(&text_words);
            out.extend(found.iter().map(|f| (f.entity as u32, p as u32)));
            for (acronym, before) in parenthesised(text, &self.all, self.longest) {
                // The name must end right before the parenthesis.
                let owner = found.iter().find(|f| {
                    text_words[f.words.end - 1].span.end == before
                        && self.acronyms[f.entity].contains(acronym)
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
            let Some(entity) = only.filter(|_| entities.len() == 1 && !untied.contains(acronym))
            else {
                continue;
            };
            for (p, &text) in texts.iter().enumerate() {
                if whole_word(text, acronym) {
                    out.push((entity as u32, p as u32));
                }
            }
        }
        // Read once here: text read in place from the cache is let go, so
        // that this pass does not leave the whole corpus resident.
        Text::let_go(&doc.paragraphs);
        out
    }

    /// A paragraph's words as names compare them (see `corpus::words`),
    /// from the ids of its words in `tokens`: only the gaps between words
    /// are read here, for an `&` and the full stops of initials.
    fn text_words(&self, text: &str, ids: &[u32]) -> Vec<TextWord> {
        let forms = self.tokens.forms();
        let mut out = Gathered {
            text,
            words: Vec::with_capacity(ids.len()),
            initials: None,
            joined: false,
        };
        let mut at = 0;
        for &id in ids {
            let form = &*forms[id as usize];
            // A gap holds no letter or digit, so the word starts at the
            // first place its form does.
            let Some(start) = (at..text.len())
                .filter(|&i| text.is_char_boundary(i))
                .find(|&i| text[i..].starts_with(form))
            else {
                debug_assert!(false, "{form:?} is not in {text:?} after byte {at}");
                break;
            };
            self.ands(at..start, &mut out);
            at = start + form.len();
            if let Some(w) = self.written[id as usize] {
                let word = TextWord {
                    number: w.number,
                    span: start + w.marks..at,
                    shape: w.shape,
                };
                self.push(&mut out, word);
            }
        }
        self.ands(at..text.len(), &mut out);
        self.settle(&mut out);
        out.words
    }

    /// The word "and" for each `&` in the gap `gap` of the text.
    fn ands(&self, gap: Range<usize>, out: &mut Gathered) {
        for (i, _) in out.text[gap.clone()].match_indices(AND) {
            let at = gap.start + i;
            let word = TextWord {
                number: self.and,
                span: at..at + AND.len_utf8(),
                shape: Shape::Lower,
            };
            self.push(out, word);
        }
    }

    /// Adds `word`, joined to the word before it if both are initials.
    fn push(&self, out: &mut Gathered, word: TextWord) {
        let text = out.text;
        let letter = &text[word.span.clone()];
        let folded = || match letter.strip_prefix(AND) {
            Some("") => AND_WORD.to_string(),
            _ => fold(letter),
        };
        if let (Some(initials), Some(last)) = (&mut out.initials, out.words.last_mut())
            && joins_initial(text, last.span.end, &word.span)
        {
            initials.push_str(&folded());
            last.span.end = word.span.end;
            out.joined = true;
            return;
        }
        self.settle(out);
        out.initials = is_initial(text, &word.span).then(folded);
        out.words.push(word);
    }

    /// Works out the number and shape of the last word, if it took
    /// initials after it.
    fn settle(&self, out: &mut Gathered) {
        if !std::mem::take(&mut out.joined) {
            return;
        }
        if let (Some(initials), Some(last)) = (&out.initials, out.words.last_mut()) {
            last.number = self.names.number(initials);
            last.shape = shape(&out.text[last.span.clone()]);
        }
    }
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
mod tests;
