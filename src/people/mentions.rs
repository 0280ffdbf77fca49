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
    AND, AND_WORD, Corpus, Document, EntityId, Shape, compared, fold, is_initial, joins_initial,
    name_words, shape, without_parentheses,
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
        let mut ids = Vec::new();
        for (p, text) in doc.paragraphs.iter().enumerate() {
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
            for (p, text) in doc.paragraphs.iter().enumerate() {
                if whole_word(text, acronym) {
                    out.push((entity as u32, p as u32));
                }
            }
        }
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
mod tests {
    use super::*;
    use crate::corpus::{SourceFile, words};

    /// The (document id, paragraph number from 1) pairs naming `entity`.
    fn named(corpus: &Corpus, entity: &str) -> Vec<(String, usize)> {
        let e = corpus.entities.all().iter().position(|e| e.id == entity);
        let e = e.unwrap_or_else(|| panic!("no entity {entity}"));
        passages(corpus, &Tokens::read(corpus))[e]
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
        let paragraphs = toml::Value::Array(paragraphs.iter().map(|&p| p.into()).collect());
        let mut text =
            format!("id = \"d\"\ntitle = \"T\"\nkind = \"statement\"\nparagraphs = {paragraphs}\n");
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

    /// The words of a paragraph read from the search index's ids are the
    /// words of its text split again (`corpus::words`), so that passages
    /// are found as they were when each paragraph was split twice: on every
    /// paragraph of the bundled corpus and the fixtures, and on odd ones.
    #[test]
    fn words_read_from_the_search_index_are_the_texts_own() {
        let odd = [
            "U.N. and D.P.R.K.’s; U. N.; U.S.A.; a.b.c; No.5 U.Sam",
            "Lawyers & Co &, &&x, U.& and &.U; U.&.N.",
            "\u{301}Abc \u{301} x.\u{301} e\u{301}té",
            // Marks that are letters too (Other_Alphabetic): a word of them.
            "\u{345}Abc x \u{345} \u{93f}x \u{93f} U.\u{93f} क\u{200d}ि \u{e31}Abc",
            "Tomás Ojea-Quintana, ﬁ, İstanbul, Øberg Straße",
            "北朝鮮の人権 Commission of Inquiry’s (“COI”) 북한-인권",
            " ,.— ",
        ];
        let fixtures = [
            include_str!("../../tests/fixtures/reader/alpha.toml"),
            include_str!("../../tests/fixtures/reader/beta.toml"),
            include_str!("../../tests/fixtures/reader/gamma.toml"),
            include_str!("../../tests/fixtures/search/folding.toml"),
        ];
        let mut paragraphs: Vec<String> = odd.map(String::from).to_vec();
        for doc in Corpus::load(&[]).unwrap().documents {
            paragraphs.extend(doc.paragraphs);
        }
        for text in fixtures {
            let doc: toml::Table = toml::from_str(text).unwrap();
            let list = doc["paragraphs"].as_array().unwrap();
            paragraphs.extend(list.iter().map(|p| p.as_str().unwrap().to_string()));
        }
        paragraphs.push("A.".repeat(2000));
        let paragraphs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
        read_as_split(&corpus("", &paragraphs, &[]));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]

        /// As above, on paragraphs of the characters that have told the
        /// two apart, or might.
        #[test]
        fn words_read_from_the_search_index_are_the_texts_own_on_odd_characters(
            paragraphs in proptest::collection::vec(
                "[aAZ9 .&\u{301}\u{345}\u{93f}\u{e31}\u{200d}\u{a0}ÉßﬁⅫ北’-]{1,24}",
                1..8,
            )
        ) {
            let paragraphs: Vec<&str> = paragraphs
                .iter()
                .map(|p| if p.trim().is_empty() { "x" } else { p.as_str() })
                .collect();
            read_as_split(&corpus("", &paragraphs, &[]));
        }
    }

    /// Checks the words `text_words` reads from the tokens of `corpus`'s one
    /// document are those `corpus::words` splits each paragraph into.
    fn read_as_split(corpus: &Corpus) {
        let tokens = Tokens::read(corpus);
        // Every word of the texts is a name's, so that each has a number.
        let mut numbers = HashMap::new();
        for p in &corpus.documents[0].paragraphs {
            for w in words(p) {
                let next = numbers.len() as u32;
                numbers.entry(w.folded).or_insert(next);
            }
        }
        let names = Names {
            numbers,
            by_first: Vec::new(),
        };
        let reading = Reading {
            tokens: &tokens,
            written: tokens.forms().iter().map(|f| names.written(f)).collect(),
            and: names.number(AND_WORD),
            names,
            acronyms: Vec::new(),
            all: HashSet::new(),
            longest: 0,
        };
        let mut ids = Vec::new();
        for (p, text) in corpus.documents[0].paragraphs.iter().enumerate() {
            tokens.paragraph_words(0, p, &mut ids);
            let read: Vec<_> = reading
                .text_words(text, &ids)
                .into_iter()
                .map(|w| (w.number, w.span, w.shape))
                .collect();
            let split: Vec<_> = words(text)
                .into_iter()
                .map(|w| (reading.names.number(&w.folded), w.span, w.shape))
                .collect();
            assert_eq!(read, split, "{text:?}");
        }
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
