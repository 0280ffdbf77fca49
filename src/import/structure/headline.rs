//! Which of the short lines over a capture's text is its headline.

use super::{Layout, lower, names_a_kind};
use crate::import::dates::dates_in;
use crate::import::vocab::{COMMON_WORDS, KIND_LABELS, SECTION_LABELS, TOPIC_WORDS};
use std::collections::{HashMap, HashSet};

/// A masthead or label, not a headline: a word or two, or capitals only.
fn is_label(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let capitals = text.chars().any(char::is_uppercase) && !text.chars().any(char::is_lowercase);
    words <= 1 || (capitals && words <= 4)
}

/// The words of `text` that say what it is about: words of four letters
/// or more and, in scripts without capitals (Hangul, kana, Han), each
/// pair of letters, since they may be written without spaces or with
/// particles joined on. Numbers, the words every page here uses ("North
/// Korea", "human rights") and words of grammar ("with", "which") say
/// nothing.
fn words(text: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    for token in text.split(|c: char| !c.is_alphanumeric()) {
        let token = token.to_lowercase();
        if token.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        let uncased = token
            .chars()
            .any(|c| c.is_alphabetic() && !c.is_lowercase() && !c.is_uppercase());
        let chars: Vec<char> = token.chars().collect();
        let found: Vec<String> = match uncased {
            true => chars.windows(2).map(|pair| pair.iter().collect()).collect(),
            false if chars.len() >= 4 => vec![token],
            false => Vec::new(),
        };
        out.extend(
            found.into_iter().filter(|w| {
                !TOPIC_WORDS.contains(&w.as_str()) && !COMMON_WORDS.contains(&w.as_str())
            }),
        );
    }
    out
}

/// The title is the first headline not repeated among them (a page may
/// repeat its subtitle above the title as a teaser); the subtitle is the
/// headline after it. A level-1 heading is the title where there is one.
pub fn take_headlines(layout: &mut Layout, headlines: &[(&str, Option<u8>, bool)]) {
    // A metadata row gave the title ("[Title] …"): none of these is it.
    if layout.title.is_some() {
        for (h, _, _) in headlines {
            layout.omitted.push((h.to_string(), "headline"));
        }
        return;
    }
    let mut times: HashMap<&str, usize> = HashMap::new();
    for h in headlines {
        *times.entry(h.0).or_default() += 1;
    }
    let once = |h: &(&str, Option<u8>, bool)| times.get(h.0) == Some(&1);
    // A browser's "Headline | Site" or "Site - Headline" beside the headline.
    let site_title = |h: &(&str, Option<u8>, bool)| {
        [" | ", " - ", " – ", " — "].iter().any(|sep| {
            let ends = [
                h.0.split_once(sep).map(|x| x.0),
                h.0.rsplit_once(sep).map(|x| x.1),
            ];
            ends.into_iter()
                .flatten()
                .any(|part| times.contains_key(part))
        })
    };
    // A label ("Special Procedures", "World news story") or a site's
    // tagline above its menu is not the headline where one follows.
    let worded = |h: &(&str, Option<u8>, bool)| {
        let label = SECTION_LABELS.iter().any(|l| lower(h.0).starts_with(l));
        h.0.split_whitespace().count() >= 4 && !label
    };
    let h1 = headlines.iter().position(|h| h.1 == Some(1));
    let after_menu = headlines.iter().rposition(|h| h.2).unwrap_or(0);
    let pick = |min: usize, worded_only: bool, repeated: bool| {
        headlines
            .iter()
            .enumerate()
            .skip(min)
            .position(|(_, h)| {
                (repeated || once(h)) && !site_title(h) && (!worded_only || worded(h))
            })
            .map(|i| i + min)
    };
    // A headline repeated at once ("X", "X") is the page's own, shown twice;
    // a label ("THE ASAHI SHIMBUN", "테스트") is not.
    let at = h1
        .or_else(|| pick(after_menu, true, false))
        .or_else(|| pick(0, true, false))
        .or_else(|| pick(0, true, true))
        .or_else(|| {
            pick(0, false, false)
                .filter(|&i| !is_label(headlines[i].0) && !names_a_kind(headlines[i].0))
        });
    // A site's name, its tagline or a menu label shares no word with the
    // text under it; the headline does.
    let text = words(&layout.paragraphs.join("\n"));
    let shares = |h: &(&str, Option<u8>, bool)| words(h.0).intersection(&text).count();
    // A line that names the document's kind ("Statement by …") or its
    // day is the document's own, whatever words it shares.
    let own = |h: &str| {
        let h = lower(h);
        KIND_LABELS.iter().any(|k| h.starts_with(k)) || !dates_in(&h).is_empty()
    };
    let at = match at {
        // The headline comes under the site's name and tagline.
        Some(i) if shares(&headlines[i]) == 0 && !own(headlines[i].0) => (i + 1..headlines.len())
            .find(|&n| {
                let h = &headlines[n];
                once(h) && !site_title(h) && !is_label(h.0) && !names_a_kind(h.0) && shares(h) >= 2
            })
            .or(Some(i)),
        at => at,
    };
    let Some(at) = at else {
        // No headline: each line is set aside, none lost.
        for (h, _, _) in headlines {
            layout.omitted.push((h.to_string(), "headline"));
        }
        return;
    };
    layout.title = Some(headlines[at].0.to_string());
    layout.subtitle = headlines.get(at + 1).map(|s| s.0.to_string());
    for (n, (h, _, _)) in headlines.iter().enumerate() {
        let used = Some(h.to_string()) == layout.title || Some(h.to_string()) == layout.subtitle;
        if !used && n != at {
            layout.omitted.push((h.to_string(), "headline"));
        }
    }
}
