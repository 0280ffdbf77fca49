//! A word left unquoted (`mouse = yes`) is a TOML syntax error, and the
//! parser stops there, before the value's real problem is known. Each such
//! word is quoted and the file read again, so that one message says both:
//! that it must be quoted, and what is still wrong with it once it is.

use crate::corpus::Problem;

/// An unquoted word that a syntax error fell on: its line (1-based), its
/// key, the key's path from the top (`theme.key`) and the word.
pub struct Unquoted {
    pub line: usize,
    pub key: String,
    pub field: String,
    pub word: String,
}

/// The words the syntax errors at these byte offsets fell on, and the text
/// with each of them quoted; None where no error fell on such a word.
pub fn quote(text: &str, offsets: &[usize]) -> Option<(String, Vec<Unquoted>)> {
    let mut found = Vec::new();
    let mut out = String::with_capacity(text.len() + 8);
    let mut start = 0;
    // The table the lines are in, as its header names it.
    let mut table = "";
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let end = start + line.len();
        if let Some(header) = line.trim().strip_prefix('[') {
            table = header
                .split(']')
                .next()
                .unwrap_or("")
                .trim_matches(['[', ' ']);
        }
        let hit = offsets.iter().any(|&o| (start..end).contains(&o));
        match hit.then(|| bare_word(line)).flatten() {
            Some((key, at, word)) => {
                out.push_str(&line[..at]);
                out.push_str(&format!("\"{word}\""));
                out.push_str(&line[at + word.len()..]);
                found.push(Unquoted {
                    line: i + 1,
                    key: key.to_string(),
                    field: match table {
                        "" => key.to_string(),
                        table => format!("{table}.{key}"),
                    },
                    word: word.to_string(),
                });
            }
            None => out.push_str(line),
        }
        start = end;
    }
    (!found.is_empty()).then_some((out, found))
}

/// `key = word`: the key, and where the word starts and what it is, when
/// the value is one or more words starting with a letter and holding
/// nothing a string would need escaped.
fn bare_word(line: &str) -> Option<(&str, usize, &str)> {
    let (key, rest) = line.split_once('=')?;
    let key = key.trim();
    let value = rest.split('#').next().unwrap_or("").trim();
    let plain = value.chars().next().is_some_and(char::is_alphabetic)
        && !value.contains(['"', '\\', '\'', '[', '{', ',']);
    if key.is_empty() || !plain {
        return None;
    }
    let at = line.find('=')? + 1 + rest.find(value)?;
    Some((key, at, value))
}

/// The message for a syntax error on an unquoted word: that it must be
/// quoted and, where reading it quoted found one, its other problem.
pub fn problem(error: Problem, word: &Unquoted, quoted: Option<&Problem>) -> Problem {
    match quoted {
        Some(then) => Problem {
            field: then.field.clone(),
            message: format!(
                "string values must be quoted, and quoted this one is still wrong: {}",
                then.message
            ),
            ..error
        },
        None => Problem {
            field: Some(word.field.clone()),
            message: format!(
                "string values must be quoted: write {} = \"{}\"",
                word.key, word.word
            ),
            ..error
        },
    }
}
