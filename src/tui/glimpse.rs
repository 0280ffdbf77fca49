//! The first frame of a corpus opened from its copy, drawn before the
//! whole corpus is read: from every document's summary, with the open
//! document and those holding bookmarks read whole. Then the loop waits
//! for the whole corpus, read on a thread of its own. Keys typed meanwhile
//! wait for it (a frame drawn after a key could show a document that is
//! not yet read), but a quit acts at once and a resize redraws: where a
//! chunk fails, the corpus is read from its files, seconds at a million
//! paragraphs.

use super::signals::Signals;
use super::terminal::{enter, takes_links, write_links};
use crate::bookmarks::Bookmark;
use crate::bookmarks::Positions;
use crate::corpus::cache::{Glimpse, Pending};
use crate::corpus::{Corpus, Problems};
use crate::library::Library;
use crate::tui::keymap::Key;
use crate::tui::msg::{Action, Msg};
use crate::tui::state::{AppState, Settings};
use crate::tui::update::update;
use crate::tui::view;
use crossterm::event::{self, Event, KeyEventKind};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use std::collections::HashSet;
use std::io::{self, Stdout};
use std::sync::Arc;
use std::sync::mpsc::{self, TryRecvError};
use std::time::Duration;

pub(super) type Screen = Terminal<CrosstermBackend<Stdout>>;

/// The whole corpus, what kept any file out of it, and its copy to write.
pub(super) type Whole = (Corpus, Problems, Option<Pending>);

/// Enters the terminal and draws the first frame from `summaries`, then
/// waits for the whole corpus: the terminal, the corpus and the events
/// that came meanwhile, or None if a signal or a quit key ends the reader
/// first. `first` is the bookmarks as read.
pub(super) fn show(
    summaries: Corpus,
    mut glimpse: Glimpse,
    settings: &Settings,
    positions: &Positions,
    first: &Msg,
    signals: &Signals,
) -> io::Result<Option<(Screen, Whole, Vec<Event>)>> {
    enter(settings.mouse)?;
    let mut screen = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = screen.size()?;
    let mut shown = first_frame(
        summaries,
        &mut glimpse,
        settings,
        positions,
        first,
        size.into(),
    );
    let links = takes_links(std::env::var_os("TERM").as_deref());
    match &shown {
        Ok((state, library)) => draw(&mut screen, state, library, links)?,
        Err(_) => notice(&mut screen)?,
    }
    let (send, whole) = mpsc::channel();
    std::thread::spawn(move || {
        // The reader is gone only when it quit meanwhile.
        let _ = send.send(glimpse.whole());
    });
    let mut typed = Vec::new();
    loop {
        if signals.quitting().is_some() {
            return Ok(None);
        }
        match whole.try_recv() {
            Ok(whole) => return Ok(Some((screen, whole, typed))),
            Err(TryRecvError::Empty) => {}
            Err(TryRecvError::Disconnected) => {
                return Err(io::Error::other("the corpus's copy could not be read"));
            }
        }
        if !event::poll(WAIT_POLL)? {
            continue;
        }
        let event = event::read()?;
        let keys = match &shown {
            Ok((state, _)) => state,
            Err(state) => state.as_ref(),
        };
        if quits(keys, &typed, &event) {
            return Ok(None);
        }
        if let Event::Resize(columns, rows) = event {
            match &mut shown {
                Ok((state, library)) => {
                    update(state, library, Msg::Resize(columns, rows));
                    draw(&mut screen, state, library, links)?;
                }
                Err(_) => notice(&mut screen)?,
            }
        }
        typed.push(event);
    }
}

/// How often the wait for the whole corpus looks for it between events.
const WAIT_POLL: Duration = Duration::from_millis(5);

/// What shows while the corpus is read from its files, its copy having
/// failed a check on the first frame's own documents: seconds at a million
/// paragraphs, which a blank screen would not explain.
fn notice(screen: &mut Screen) -> io::Result<()> {
    screen.draw(|frame| view::notice(frame, &READING))?;
    screen.backend_mut().flush()
}

const READING: [&str; 2] = [
    "reading the corpus from its files…",
    "(its copy in the cache failed a check and is written again)",
];

fn draw(screen: &mut Screen, state: &AppState, library: &Library, links: bool) -> io::Result<()> {
    screen.draw(|frame| view::view(state, library, frame))?;
    if links {
        write_links(screen.backend_mut(), &view::links(state, library))?;
    }
    screen.backend_mut().flush()
}

/// Whether `event`, typed after `typed` while the first frame shows, quits
/// the reader before the whole corpus is read: a quit from anywhere, or a
/// quit as the first key, which `state` as drawn reads as the reader
/// would. A quit after other keys waits with them: those keys could have
/// opened an overlay that types it.
fn quits(state: &AppState, typed: &[Event], event: &Event) -> bool {
    let Event::Key(key) = event else {
        return false;
    };
    let Some(Msg::Do(action)) = state.msg_for(Key::from_event(*key)) else {
        return false;
    };
    let first = !typed.iter().any(|e| matches!(e, Event::Key(_)));
    key.kind != KeyEventKind::Release
        && (action == Action::ForceQuit || (first && action.is_quit()))
}

/// The state and library of the first frame at `size`, drawn from
/// `summaries` with the documents it shows whole: the open one and those
/// holding bookmarks (the list counts them). Where one of those fails its
/// checksum, the corpus is loaded from its files, and the state as begun
/// is given back to read the keys typed meanwhile.
pub fn first_frame(
    mut summaries: Corpus,
    glimpse: &mut Glimpse,
    settings: &Settings,
    positions: &Positions,
    first: &Msg,
    (width, height): (u16, u16),
) -> Result<(AppState, Library), Box<AppState>> {
    let mut state = begun(&summaries, settings, positions);
    let bookmarked: HashSet<&str> = match first {
        Msg::Synced { bookmarks, .. } => bookmarks
            .iter()
            .map(|b: &Bookmark| b.doc.as_str())
            .collect(),
        _ => HashSet::new(),
    };
    let whole: Vec<usize> = summaries
        .documents
        .iter()
        .enumerate()
        .filter(|(d, doc)| state.open() == Some(*d) || bookmarked.contains(doc.id.as_str()))
        .map(|(d, _)| d)
        .collect();
    if !glimpse.fill(&mut summaries, &whole) {
        return Err(Box::new(state));
    }
    let library = Library::shared(Arc::new(summaries));
    update(&mut state, &library, first.clone());
    update(&mut state, &library, Msg::Resize(width, height));
    Ok((state, library))
}

/// The reader's state over `corpus` as it starts: the reading positions
/// restored, the bookmarks not yet placed.
pub(super) fn begun(corpus: &Corpus, settings: &Settings, positions: &Positions) -> AppState {
    let mut state = AppState::new(corpus, settings);
    state.salt = u64::from(std::process::id());
    state.restore(corpus, positions);
    state
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bookmarks::Bookmark;
    use crate::corpus::cache::{self, Cache, Opened, Seen, Stored};
    use ratatui::backend::TestBackend;
    use ratatui::buffer::Buffer;
    use std::path::PathBuf;

    /// A corpus of 150 documents (three chunks) in a home, with its copy.
    fn copied() -> (tempfile::TempDir, Cache, Vec<PathBuf>) {
        let home = tempfile::tempdir().expect("a home");
        let dir = home.path().join("corpus");
        std::fs::create_dir(&dir).expect("a corpus directory");
        let docs: Vec<String> = (0..150)
            .map(|i| {
                format!(
                    r#"{{"id": "d{i}", "title": "Letter {i} on 북한", "date": "20{:02}-0{}",
                        "kind": "joint-letter", "paragraphs": ["First of {i}.", "Second of {i}."],
                        "people": [{{"name": "Human Rights Watch", "kind": "organization",
                                     "role": "signatory"}}]}}"#,
                    i % 25,
                    1 + i % 9
                )
            })
            .collect();
        std::fs::write(dir.join("docs.json"), format!("[{}]", docs.join(","))).expect("written");
        let cache = Cache::in_dir(home.path().join("cache"));
        let paths = vec![dir];
        let corpus = Corpus::load(&paths).expect("loads");
        let seen = Seen::now(&paths).expect("listed");
        let stored = cache.store(&paths, &corpus, &seen);
        assert!(matches!(stored, Ok(Stored::Written(_))), "{stored:?}");
        (home, cache, paths)
    }

    fn drawn(state: &AppState, library: &Library) -> Buffer {
        let (columns, rows) = state.size;
        let mut terminal = Terminal::new(TestBackend::new(columns, rows)).expect("a terminal");
        terminal
            .draw(|frame| view::view(state, library, frame))
            .expect("draws");
        terminal.backend().buffer().clone()
    }

    /// The bookmarks as read at the start, with no problem.
    fn synced(bookmarks: Vec<Bookmark>) -> Msg {
        Msg::Synced {
            bookmarks,
            problem: None,
            held_aside: None,
        }
    }

    fn bookmark(doc: &str, paragraph: usize, quote: &str) -> Bookmark {
        Bookmark {
            id: format!("b-{doc}"),
            doc: doc.to_string(),
            paragraph,
            quote: quote.to_string(),
            fingerprint: String::new(),
            note: String::new(),
            created: "2026-12-06T00:00:00Z".to_string(),
        }
    }

    /// While the first frame waits for the whole corpus, ctrl-c quits at
    /// once, and q does as the first key; a q after a key that may have
    /// opened an overlay waits with it, and so does anything else.
    #[test]
    fn a_quit_acts_before_the_whole_corpus_and_other_keys_wait() {
        use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
        let (_home, cache, paths) = copied();
        let Opened::Glimpse(summaries, mut glimpse) = cache::open_from(Some(&cache), &paths) else {
            panic!("a current copy gives a glimpse");
        };
        let first = synced(Vec::new());
        let Ok((state, _)) = first_frame(
            summaries,
            &mut glimpse,
            &Settings::default(),
            &Positions::default(),
            &first,
            (120, 40),
        ) else {
            panic!("every chunk holds");
        };
        let key = |c, m| Event::Key(KeyEvent::new(KeyCode::Char(c), m));
        let (q, ctrl_c) = (
            key('q', KeyModifiers::NONE),
            key('c', KeyModifiers::CONTROL),
        );
        let (slash, j) = (key('/', KeyModifiers::NONE), key('j', KeyModifiers::NONE));
        let resize = Event::Resize(80, 24);
        assert!(quits(&state, &[], &q));
        assert!(
            quits(&state, std::slice::from_ref(&resize), &q),
            "a resize is no key"
        );
        assert!(quits(&state, &[slash.clone(), j.clone()], &ctrl_c));
        assert!(!quits(&state, &[slash], &q), "typed into the search");
        assert!(!quits(&state, std::slice::from_ref(&j), &q));
        assert!(!quits(&state, &[], &j));
        assert!(!quits(&state, &[], &resize));
    }

    /// Where the first frame's own chunk fails its check, the reader says
    /// it reads the files instead of showing a blank screen, and a quit
    /// still acts at once.
    #[test]
    fn a_failed_first_frame_says_it_reads_the_files_and_still_quits() {
        use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
        let (home, cache, paths) = copied();
        let copy = std::fs::read_dir(home.path().join("cache"))
            .expect("the cache")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "nkc"))
            .expect("the copy");
        let mut bytes = std::fs::read(&copy).expect("read");
        // A byte of the first chunk, just past the head (56 bytes of header,
        // then the head's length at byte 24).
        let head = u64::from_le_bytes(bytes[24..32].try_into().expect("8 bytes"));
        let at = 56 + usize::try_from(head).expect("fits") + 40;
        bytes[at] ^= 0x20;
        std::fs::write(&copy, &bytes).expect("damaged");
        let Opened::Glimpse(summaries, mut glimpse) = cache::open_from(Some(&cache), &paths) else {
            panic!("the head and the tail hold: a glimpse");
        };
        let first = synced(Vec::new());
        let positions = Positions {
            last: Some("d0".to_string()),
            ..Positions::default()
        };
        let Err(keys) = first_frame(
            summaries,
            &mut glimpse,
            &Settings::default(),
            &positions,
            &first,
            (80, 24),
        ) else {
            panic!("the open document's chunk fails: no first frame from the copy");
        };
        let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
        assert!(quits(&keys, &[], &ctrl_c));
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("a terminal");
        terminal
            .draw(|frame| view::notice(frame, &READING))
            .expect("draws");
        let text: String = terminal
            .backend()
            .buffer()
            .content()
            .iter()
            .map(|c| c.symbol())
            .collect();
        assert!(text.contains("reading the corpus from its files"), "{text}");
    }

    /// The first frame drawn from a glimpse is the frame drawn from the
    /// whole corpus: at every size, with a reading position restored and
    /// bookmarks placed, none of what it shows is a summary's blank.
    #[test]
    fn the_first_frame_from_a_glimpse_is_the_first_frame_of_the_whole_corpus() {
        let (_home, cache, paths) = copied();
        let whole = Corpus::load(&paths).expect("loads");
        let settings = Settings::default();
        let mut positions = Positions::default();
        let restored = [None, Some("d77")];
        let first = synced(vec![
            bookmark("d3", 2, "Second of 3."),
            bookmark("d140", 1, "First"),
        ]);
        for last in restored {
            positions.last = last.map(str::to_string);
            positions.paragraphs.insert("d77".to_string(), 2);
            for size in [(120, 40), (80, 24), (40, 12), (10, 3), (0, 0)] {
                let Opened::Glimpse(summaries, mut glimpse) =
                    cache::open_from(Some(&cache), &paths)
                else {
                    panic!("a current copy gives a glimpse");
                };
                let Ok((state, library)) =
                    first_frame(summaries, &mut glimpse, &settings, &positions, &first, size)
                else {
                    panic!("every chunk holds");
                };
                let expected = Library::shared(Arc::new(whole.clone()));
                let mut want = begun(&expected.corpus, &settings, &positions);
                update(&mut want, &expected, first.clone());
                update(&mut want, &expected, Msg::Resize(size.0, size.1));
                assert_eq!(
                    drawn(&state, &library),
                    drawn(&want, &expected),
                    "{size:?}, last read {last:?}"
                );
                assert_eq!(state.open(), want.open());
                assert_eq!(state.bookmarked, want.bookmarked);
            }
        }
    }
}
