//! What a line typed at the linear mode's prompt asks: a word and what
//! follows it, or one of the reader's keys.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// The documents, numbered.
    List,
    /// Document N of the list, or row N of the list on screen; None for
    /// the one selected.
    Open(Option<usize>),
    Next,
    Prev,
    /// The next rows of a long list.
    More,
    /// Paragraph N of the open document.
    Para(usize),
    Search(String),
    /// The open document's people, or with a name the People index filtered.
    People(Option<String>),
    Mark,
    Grid,
    Bookmark,
    Note(String),
    Bookmarks,
    Cite,
    Where,
    Back,
    Help,
    Quit,
    /// One of the reader's keys, as the key map binds it.
    Key(char),
    /// Nothing typed.
    Nothing,
    /// What the words could not be read as, said back.
    Unknown(String),
}

/// Reads one line. Words are case-blind; what follows `search`, `people`
/// and `note` is taken as typed.
pub fn parse(line: &str) -> Command {
    let line = line.trim();
    let (word, rest) = match line.split_once(char::is_whitespace) {
        Some((word, rest)) => (word, rest.trim()),
        None => (line, ""),
    };
    let number = || rest.parse::<usize>().ok().filter(|&n| n > 0);
    let text = || (!rest.is_empty()).then(|| rest.to_string());
    match (word.to_lowercase().as_str(), rest.is_empty()) {
        ("", _) => Command::Nothing,
        ("list" | "documents", true) => Command::List,
        ("open" | "enter", true) => Command::Open(None),
        ("open", false) => match number() {
            Some(n) => Command::Open(Some(n)),
            None => unknown(line, "open takes a number, as in open 3"),
        },
        ("next", true) => Command::Next,
        ("prev" | "previous", true) => Command::Prev,
        ("more", true) => Command::More,
        ("para" | "paragraph", false) => match number() {
            Some(n) => Command::Para(n),
            None => unknown(line, "para takes a number, as in para 7"),
        },
        ("search", false) => Command::Search(rest.to_string()),
        ("people" | "who", _) => Command::People(text()),
        ("mark", true) => Command::Mark,
        ("grid" | "coalition", true) => Command::Grid,
        ("bookmark", true) => Command::Bookmark,
        ("note", false) => Command::Note(rest.to_string()),
        ("bookmarks", true) => Command::Bookmarks,
        ("cite", true) => Command::Cite,
        ("where" | "again", true) => Command::Where,
        ("back" | "esc", true) => Command::Back,
        ("help" | "?", true) => Command::Help,
        ("quit" | "exit", true) => Command::Quit,
        _ => {
            let mut chars = line.chars();
            match (chars.next(), chars.next()) {
                (Some(key), None) => Command::Key(key),
                _ => unknown(line, "help lists the commands"),
            }
        }
    }
}

fn unknown(line: &str, hint: &str) -> Command {
    Command::Unknown(format!(
        "“{}” is not a command I know; {hint}.",
        crate::corpus::clean_line(line)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_numbers_and_keys_are_read() {
        assert_eq!(parse("  open 3 "), Command::Open(Some(3)));
        assert_eq!(parse("OPEN"), Command::Open(None));
        assert_eq!(parse("para 7"), Command::Para(7));
        assert_eq!(
            parse("search  secrty councl"),
            Command::Search("secrty councl".into())
        );
        assert_eq!(parse("people"), Command::People(None));
        assert_eq!(
            parse("people Human Rights Watch"),
            Command::People(Some("Human Rights Watch".into()))
        );
        assert_eq!(
            parse("note for the HRC briefing"),
            Command::Note("for the HRC briefing".into())
        );
        assert_eq!(parse("]"), Command::Key(']'));
        assert_eq!(parse("?"), Command::Help);
        assert_eq!(parse(""), Command::Nothing);
        assert!(matches!(parse("open three"), Command::Unknown(_)));
        assert!(matches!(parse("para 0"), Command::Unknown(_)));
        assert!(matches!(parse("dance"), Command::Unknown(_)));
        assert!(matches!(parse("list all"), Command::Unknown(_)));
        let Command::Unknown(said) = parse("x\u{1b}[2Jy") else {
            panic!("unknown")
        };
        assert!(!said.contains('\u{1b}'), "{said}");
    }
}
