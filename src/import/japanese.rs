//! Japanese forms: who speaks in a sentence that ends in a verb of speech
//! ("カービー委員長は，…旨述べました", "岸田大臣から，…と説明しました").
//! The speaker is the name written right before a title, before the topic
//! particle は or the source particle から. Words are data (`vocab`).

use super::entry::{self, Found};
use super::vocab::{
    JAPANESE_BODY_ENDINGS, JAPANESE_SPEECH, JAPANESE_SUBJECT_PARTICLES, JAPANESE_TITLES,
};
use crate::corpus::{PersonKind, Role};

fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '々')
}

/// Katakana, with its long-vowel mark and the dot between foreign names.
fn is_katakana(c: char) -> bool {
    matches!(c, '\u{30A1}'..='\u{30FC}')
}

/// A person's name by its shape: two to four kanji, not a body's ending
/// ("日本政府"); or a katakana name ("カービー").
fn is_name(s: &str) -> bool {
    let n = s.chars().count();
    let kanji = (2..=4).contains(&n)
        && s.chars().all(is_kanji)
        && !JAPANESE_BODY_ENDINGS.iter().any(|e| s.ends_with(e));
    let katakana = n >= 2 && s.chars().all(is_katakana) && !s.starts_with(['ー', '・']);
    kanji || katakana
}

/// The run of kanji or katakana that ends `text`: what is written right
/// before a title, back to a particle, a comma or a number.
fn run_before(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_kanji(c) || is_katakana(c))
        .last()
        .map_or(text.len(), |(i, _)| i);
    &text[start..]
}

/// Each title the text writes, at its byte, with the name before it.
fn titled(text: &str) -> impl Iterator<Item = (usize, &'static str, &str)> + '_ {
    text.char_indices().filter_map(move |(i, _)| {
        let title = JAPANESE_TITLES
            .iter()
            .filter(|t| text[i..].starts_with(*t))
            .max_by_key(|t| t.len())?;
        Some((i, *title, run_before(&text[..i])))
    })
}

/// The speakers a Japanese paragraph names, one per sentence at most.
pub fn speakers(paragraph: &str, full: &[String]) -> Vec<Found> {
    paragraph
        .split('。')
        .filter(|s| {
            let end = s.trim_end().trim_end_matches(['」', '』']);
            JAPANESE_SPEECH.iter().any(|v| end.ends_with(v))
        })
        .filter_map(|s| speaker(s, full))
        .collect()
}

/// The sentence's first subject written as a title and a particle, if a
/// name stands before the title.
/// `full` as `full_names` gives it, sorted.
fn speaker(sentence: &str, full: &[String]) -> Option<Found> {
    let (_, title, name) = titled(sentence).find(|&(i, title, _)| {
        let after = &sentence[i + title.len()..];
        JAPANESE_SUBJECT_PARTICLES
            .iter()
            .any(|p| after.starts_with(p))
    })?;
    if !is_name(name) {
        return None;
    }
    // "岸田大臣": a surname alone stands for the one full name the text
    // writes with it.
    let from = full.partition_point(|f| f.as_str() < name);
    let longer: Vec<&String> = full[from..]
        .iter()
        .take_while(|f| f.starts_with(name))
        .filter(|f| f.len() > name.len())
        .collect();
    let (name, review) = match longer.as_slice() {
        [one] if name.chars().all(is_kanji) => (
            one.as_str(),
            format!("quoted: “{name}{title}”, the name the text gives in full"),
        ),
        _ => (
            name,
            "quoted: the name before a title, subject of a verb of speech".to_string(),
        ),
    };
    let mut p = entry::person(name, PersonKind::Person, Role::Quoted);
    p.title = Some(title.to_string());
    Some(Found {
        person: p,
        review: Some(review),
    })
}

/// The names a text writes right before a title: the full names a surname
/// alone ("岸田大臣") stands for. Sorted, so that the names a surname opens
/// are found by halving, not by a scan (a text may name thousands).
pub fn full_names(paragraphs: &[String]) -> Vec<String> {
    let mut out: Vec<String> = paragraphs
        .iter()
        .flat_map(|p| titled(p).map(|(_, _, name)| name))
        .filter(|name| is_name(name) && name.chars().count() >= 3)
        .map(str::to_string)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{PersonKind, Role};

    fn names(p: &str, full: &[String]) -> Vec<(String, Option<String>)> {
        speakers(p, full)
            .into_iter()
            .inspect(|f| {
                assert_eq!(f.person.kind, PersonKind::Person);
                assert_eq!(f.person.role, Role::Quoted);
            })
            .map(|f| (f.person.name, f.person.title))
            .collect()
    }

    #[test]
    fn a_name_before_a_title_speaks() {
        assert_eq!(
            names(
                "これに対し，スミス委員長は，協力に感謝する旨述べました。",
                &[]
            ),
            [("スミス".to_string(), Some("委員長".to_string()))]
        );
        assert_eq!(
            names("冒頭，山田太郎外務大臣から，歓迎する旨述べました。", &[]),
            [("山田太郎".to_string(), Some("外務大臣".to_string()))]
        );
        // The first subject of the sentence speaks, not a name inside what is said.
        assert_eq!(
            names(
                "山田大臣から，鈴木一郎総理大臣は決意である旨説明しました。",
                &[]
            )
            .len(),
            1
        );
        // Not a verb of speech: nobody speaks.
        assert!(names("山田太郎外務大臣は，表敬を受けました。", &[]).is_empty());
        // A body before a title is not a name.
        assert!(names("北朝鮮担当大臣は，歓迎する旨述べました。", &[]).is_empty());
    }

    #[test]
    fn a_surname_stands_for_the_full_name_the_text_gave() {
        let text = ["本日，山田太郎外務大臣は，表敬を受けました。".to_string()];
        let full = full_names(&text);
        assert_eq!(
            names("冒頭，山田大臣から，歓迎する旨述べました。", &full),
            [("山田太郎".to_string(), Some("大臣".to_string()))]
        );
    }
}
