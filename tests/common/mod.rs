//! Shared by the reader's tests: a small fixture corpus, key presses and a
//! screen as plain text.
#![allow(dead_code)]

pub mod home;

use nkread::corpus::{Corpus, SourceFile};
use nkread::library::Library;
use nkread::tui::keymap::Key;
use nkread::tui::layout::search::whole;
use nkread::tui::msg::Msg;
use nkread::tui::state::{AppState, Settings};
use nkread::tui::update::{Effect, update};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

/// Three synthetic documents: alpha (2020, long, five people), beta (2018,
/// three short paragraphs) and gamma (undated, one paragraph, no people).
pub fn fixture() -> Library {
    Library::new(fixture_corpus())
}

/// The fixture's corpus alone, for a library whose indexes come later.
pub fn fixture_corpus() -> Corpus {
    let file = |name: &str, text: &str| SourceFile {
        name: name.to_string(),
        text: text.to_string(),
    };
    let files = [
        file("alpha.toml", include_str!("../fixtures/reader/alpha.toml")),
        file("beta.toml", include_str!("../fixtures/reader/beta.toml")),
        file("gamma.toml", include_str!("../fixtures/reader/gamma.toml")),
    ];
    Corpus::from_files(&file("entities.toml", ""), &files).expect("the fixture loads")
}

pub fn bundled() -> Library {
    Library::new(Corpus::load(&[]).expect("the bundled corpus loads"))
}

/// A reader over `corpus` on a terminal of this size.
pub fn state(library: &Library, columns: u16, rows: u16) -> AppState {
    let mut state = AppState::new(&library.corpus, &Settings::default());
    // A fixed clock, so bookmarks made in tests have one date.
    state.now = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_795_448_402);
    update(&mut state, library, Msg::Resize(columns, rows));
    state
}

/// Keys in a compact notation: each character is a key, and `<name>` is a
/// named key as the help shows it (`<enter>`, `<tab>`, `<ctrl-c>`).
pub fn keys(notation: &str) -> Vec<Key> {
    use crossterm::event::KeyCode;
    let mut out = Vec::new();
    let mut chars = notation.chars();
    while let Some(c) = chars.next() {
        if c != '<' {
            out.push(Key::char(c));
            continue;
        }
        let name: String = chars.by_ref().take_while(|&c| c != '>').collect();
        out.push(match name.as_str() {
            "enter" => Key::plain(KeyCode::Enter),
            "esc" => Key::plain(KeyCode::Esc),
            "tab" => Key::plain(KeyCode::Tab),
            "shift-tab" => Key::plain(KeyCode::BackTab),
            "space" => Key::char(' '),
            "pagedown" => Key::plain(KeyCode::PageDown),
            "pageup" => Key::plain(KeyCode::PageUp),
            "home" => Key::plain(KeyCode::Home),
            "end" => Key::plain(KeyCode::End),
            "up" => Key::plain(KeyCode::Up),
            "down" => Key::plain(KeyCode::Down),
            "ctrl-c" => Key::ctrl('c'),
            "ctrl-z" => Key::ctrl('z'),
            "ctrl-w" => Key::ctrl('w'),
            "ctrl-u" => Key::ctrl('u'),
            "ctrl-t" => Key::ctrl('t'),
            "backspace" => Key::plain(KeyCode::Backspace),
            other => other
                .parse()
                .unwrap_or_else(|e| panic!("unknown key <{other}>: {e}")),
        });
    }
    out
}

/// Presses keys as the loop would, returning every effect but the queries
/// asked: each is answered before the next key, as the loop's thread that
/// searches answers a small corpus before the next frame.
pub fn press(state: &mut AppState, library: &Library, notation: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for key in keys(notation) {
        if let Some(msg) = state.msg_for(key) {
            let asked = update(state, library, msg);
            effects.extend(answered(state, library, asked));
        }
    }
    effects
}

/// Effects, with each query asked answered at once through `update`.
pub fn answered(state: &mut AppState, library: &Library, effects: Vec<Effect>) -> Vec<Effect> {
    let mut out = Vec::new();
    for effect in effects {
        match effect {
            Effect::Search(ask) => {
                let found = Msg::Searched(whole(library, &ask));
                let more = update(state, library, found);
                out.extend(answered(state, library, more));
            }
            other => out.push(other),
        }
    }
    out
}

/// A buffer's text, a line per row, without trailing spaces.
pub fn rows(buffer: &Buffer) -> Vec<String> {
    let area = buffer.area;
    (area.top()..area.bottom())
        .map(|y| {
            let mut row = String::new();
            let mut x = area.left();
            // A wide character's second cell is blank filler, not text.
            while x < area.right() {
                let symbol = buffer[(x, y)].symbol();
                row.push_str(symbol);
                x += (unicode_width::UnicodeWidthStr::width(symbol) as u16).max(1);
            }
            row.trim_end().to_string()
        })
        .collect()
}

/// The whole screen as the view draws `state` on a terminal of its size.
pub fn drawn(state: &AppState, library: &Library) -> TestBackend {
    let (columns, rows) = state.size;
    let mut terminal = Terminal::new(TestBackend::new(columns, rows)).expect("a test terminal");
    terminal
        .draw(|frame| nkread::tui::view::view(state, library, frame))
        .expect("draws");
    terminal.backend().clone()
}
