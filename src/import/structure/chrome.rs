//! A site's chrome, line by line: menus, sharing rows, footers, an
//! event's hours, a release's end mark, a photo's caption. Each is set
//! aside verbatim, never rewritten.

use super::{ends_sentence, lower};
use crate::import::vocab::{
    CHROME_LINES, CHROME_STARTS, CHROME_WORDS, DATE_LABELS, NEWS_AGENCIES, PHOTO_CREDITS,
};

/// A site's chrome: navigation, sharing, footers, breadcrumbs, banners.
pub fn is_chrome(text: &str) -> bool {
    let l = lower(text.trim_end_matches([':', '.']));
    let words = text.split_whitespace().count();
    CHROME_LINES.contains(&l.as_str())
        || (words <= 30 && CHROME_WORDS.iter().any(|w| l.contains(w)))
        || (words <= 10 && (text.contains(" > ") || text.contains(" » ")) && !ends_sentence(text))
        || CHROME_STARTS.iter().any(|w| l.starts_with(w))
        || reading_time(&l)
        || times_only(&l)
        || menu_row(text)
        || DATE_LABELS
            .iter()
            .any(|d| d.trim_end_matches([' ', ':']) == l.trim())
        || (words <= 6 && l.split_whitespace().all(|w| CHROME_LINES.contains(&w)))
        || l.starts_with('©')
        || l.starts_with("copyright ")
        || !text.contains(char::is_alphanumeric)
        || is_email(text)
        || is_caption(text)
        || slide_caption(text)
}

/// "1 of 2. NAME pauses during an interview …": a slideshow's caption.
fn slide_caption(text: &str) -> bool {
    let number =
        |w: Option<&str>| w.is_some_and(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit()));
    let mut words = text.split_whitespace();
    number(words.next())
        && words.next() == Some("of")
        && number(words.next().and_then(|w| w.strip_suffix('.')))
}

/// A photo's caption: a line that ends with its credit, "(AP Photo/NAME)",
/// "(Yonhap)", "(사진=NAME)". A news report's text credits its agency at
/// the start ("SEOUL (Yonhap) --"), never at a paragraph's end.
fn is_caption(text: &str) -> bool {
    let Some((before, credit)) = text
        .trim_end()
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once('('))
        .map(|(before, c)| (before.trim_end(), c.trim()))
        .filter(|(before, _)| !before.is_empty())
    else {
        return false;
    };
    let l = lower(credit);
    // "… Radio Free Asia (RFA)" spells an agency out; a caption's credit
    // follows a sentence's end.
    PHOTO_CREDITS.iter().any(|p| l.starts_with(p))
        || NEWS_AGENCIES.contains(&credit) && ends_sentence(before)
}

/// "xyz@yna.co.kr": an address to write to, alone on its line.
fn is_email(text: &str) -> bool {
    let t = text.trim();
    !t.contains(char::is_whitespace)
        && t.split_once('@')
            .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
}

/// "World Video | Defence | Foreign Affairs | Trade": a row of a menu's
/// labels, three or more of a few words each.
pub(super) fn menu_row(text: &str) -> bool {
    let items: Vec<&str> = text.split(" | ").collect();
    items.len() >= 3 && items.iter().all(|i| i.split_whitespace().count() <= 4)
}

/// "1:30 pm EST - 3:00 pm EST": an event's hours, and nothing else.
fn times_only(l: &str) -> bool {
    let mut clock = false;
    let only = l.split_whitespace().all(|w| {
        let is_clock = w.split_once(':').is_some_and(|(h, m)| {
            !h.is_empty()
                && h.len() <= 2
                && h.chars().all(|c| c.is_ascii_digit())
                && m.len() == 2
                && m.chars().all(|c| c.is_ascii_digit())
        });
        clock |= is_clock;
        is_clock
            || matches!(w, "-" | "–" | "—" | "to" | "am" | "pm" | "a.m." | "p.m.")
            || (w.len() <= 4 && w.ends_with('t') && w.chars().all(|c| c.is_ascii_lowercase()))
    });
    clock && only
}

/// "5 MINUTE READ", "3 min read": how long the page takes to read.
fn reading_time(l: &str) -> bool {
    let mut words = l.split_whitespace();
    words
        .next()
        .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
        && matches!(words.next(), Some("minute" | "minutes" | "min"))
        && words.next() == Some("read")
        && words.next().is_none()
}
