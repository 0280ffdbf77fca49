//! The first frame of a corpus opened from its copy, drawn before the
//! whole corpus is read: from every document's summary, with the open
//! document and those holding bookmarks read whole. The search index's
//! copy, then the whole corpus, are read on a thread of its own once the
//! first frame is out, and reach the loop as the indexes do. Keys typed
//! meanwhile are held for the whole corpus (see [`Held`]), and acted on in
//! the glimpse's state too, where a query is answered from the search
//! index as soon as it is read (see [`Preview`]). Where a chunk fails its
//! check, the corpus is read from its files, seconds at a million
//! paragraphs, and a notice says so.

use super::copies::{EarlyIndex, read_early};
use super::held::{Held, Holding};
use super::preview::Preview;
use crate::bookmarks::Bookmark;
use crate::bookmarks::Positions;
use crate::corpus::cache::{Glimpse, Pending};
use crate::corpus::{Corpus, Problems};
use crate::library::Library;
use crate::search::SearchIndex;
use crate::tui::msg::Msg;
use crate::tui::msg::{Ask, Found};
use crate::tui::state::{AppState, Settings};
use crate::tui::update::update;
use crossterm::event::Event;
use std::collections::HashSet;
use std::io;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

/// The whole corpus, what kept any file out of it, and its copy to write.
pub(super) type Whole = (Corpus, Problems, Option<Pending>);

/// A glimpse of the corpus on screen while the whole is read.
pub(super) struct Glimpsed {
    /// The first frame's state and library; or, where a chunk failed its
    /// check, the state as begun, which reads the keys typed meanwhile
    /// while the notice shows.
    pub(super) shown: Result<(AppState, Library), Box<AppState>>,
    /// The size drawn at.
    pub(super) size: (u16, u16),
    /// The rest of the copy, until the thread that reads it starts.
    rest: Option<Glimpse>,
    whole: Option<Receiver<Whole>>,
    /// The search index's copy, read before the whole corpus.
    index: IndexCopy,
    held: Held,
    preview: Preview,
    /// The bookmarks as read, for the whole corpus's state.
    first: Msg,
}

/// The search index's copy, as a glimpse reads it.
enum IndexCopy {
    /// Not begun: the first frame is not out yet.
    Unread,
    Reading(EarlyIndex),
    /// Read: none where it could not be.
    Read(Option<Arc<SearchIndex>>),
}

/// What a glimpse hands on to the whole corpus's state.
pub(super) struct HandedOn {
    /// The bookmarks as read.
    pub first: Msg,
    pub held: Held,
    /// The search index's copy, as read or being read.
    pub early: Option<EarlyIndex>,
    /// The search index's copy, if it is read and fit the summaries.
    pub index: Option<Arc<SearchIndex>>,
    /// The last query answered over the glimpse, and its answer.
    pub answered: Option<(Ask, Found)>,
}

impl HandedOn {
    /// For a corpus read whole, with no glimpse: the bookmarks as read.
    pub(super) fn nothing(first: Msg) -> HandedOn {
        HandedOn {
            first,
            held: Held::default(),
            early: None,
            index: None,
            answered: None,
        }
    }
}

impl Glimpsed {
    /// The glimpse's first frame at `size`; see [`first_frame`].
    pub(super) fn new(
        summaries: Corpus,
        mut rest: Glimpse,
        settings: &Settings,
        positions: &Positions,
        first: Msg,
        size: (u16, u16),
    ) -> Glimpsed {
        let shown = first_frame(summaries, &mut rest, settings, positions, &first, size);
        Glimpsed {
            shown,
            size,
            preview: Preview::new(rest.filler()),
            rest: Some(rest),
            whole: None,
            index: IndexCopy::Unread,
            held: Held::default(),
            first,
        }
    }

    /// What `event` does, typed over the glimpse: the state shown reads
    /// it (see [`Held::hold`]), and a key held is acted on in it too.
    pub(super) fn hold(&mut self, event: Event) -> Holding {
        match &mut self.shown {
            Ok((state, library)) => {
                let holding = self.held.hold(state, event.clone());
                if holding == Holding::Held {
                    self.preview.key(state, library, event);
                }
                holding
            }
            Err(state) => self.held.hold(state, event),
        }
    }

    /// Whether the search index's copy was read just now: the queries
    /// typed over the glimpse are then asked of it.
    pub(super) fn index_arrived(&mut self) -> bool {
        let IndexCopy::Reading(early) = &self.index else {
            return false;
        };
        let index = match early.try_recv() {
            Ok(index) => index,
            Err(TryRecvError::Empty) => return false,
            Err(TryRecvError::Disconnected) => None,
        };
        self.index = IndexCopy::Read(index.clone());
        if let (Some(index), Ok((state, library))) = (index, &mut self.shown) {
            self.preview.indexed(state, library, index);
        }
        true
    }

    /// Answers the latest query typed over the glimpse; whether there was
    /// one.
    pub(super) fn answer(&mut self) -> bool {
        match &mut self.shown {
            Ok((state, library)) => self.preview.answer(state, library),
            Err(_) => false,
        }
    }

    /// What the whole corpus's state takes on from the glimpse.
    pub(super) fn hand_on(&mut self) -> HandedOn {
        let library = self.shown.as_ref().ok().map(|(_, library)| library);
        let early = match std::mem::replace(&mut self.index, IndexCopy::Unread) {
            IndexCopy::Unread => None,
            IndexCopy::Reading(early) => Some(early),
            // Read already: handed on as read.
            IndexCopy::Read(index) => {
                let (send, early) = mpsc::channel();
                let _ = send.send(index);
                Some(early)
            }
        };
        HandedOn {
            first: self.first.clone(),
            held: std::mem::take(&mut self.held),
            early,
            index: library.and_then(Library::search_shared),
            answered: self.preview.answered(),
        }
    }

    /// The glimpse at a new size.
    pub(super) fn resize(&mut self, (columns, rows): (u16, u16)) {
        self.size = (columns, rows);
        if let Ok((state, library)) = &mut self.shown {
            update(state, library, Msg::Resize(columns, rows));
        }
    }

    /// Starts reading the whole corpus, once: after the first frame, whose
    /// cores it would take.
    pub(super) fn read_whole(&mut self) {
        let Some(rest) = self.rest.take() else {
            return;
        };
        // The search index first: a query typed over the glimpse is
        // answered from it (see `Preview`) while the chunks are read.
        // Read beside them, it came after them at a million paragraphs.
        let opener = rest.index_opener();
        let (send_index, early) = mpsc::channel();
        let (send, whole) = mpsc::channel();
        std::thread::spawn(move || {
            // The reader is gone only when it quit meanwhile.
            if let Some(opener) = opener {
                let _ = send_index.send(read_early(&opener));
            }
            drop(send_index);
            let _ = send.send(rest.whole());
        });
        self.index = IndexCopy::Reading(early);
        self.whole = Some(whole);
    }

    /// The whole corpus, once it is read.
    pub(super) fn arrived(&self) -> io::Result<Option<Whole>> {
        match self.whole.as_ref().map(Receiver::try_recv) {
            Some(Ok(whole)) => Ok(Some(whole)),
            None | Some(Err(TryRecvError::Empty)) => Ok(None),
            Some(Err(TryRecvError::Disconnected)) => {
                Err(io::Error::other("the corpus's copy could not be read"))
            }
        }
    }
}

/// What shows while the corpus is read from its files, its copy having
/// failed a check on the first frame's own documents: seconds at a million
/// paragraphs, which a blank screen would not explain.
pub(super) const READING: [&str; 2] = [
    "reading the corpus from its files…",
    "(its copy in the cache failed a check and is written again)",
];

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
pub(super) mod tests {
    use super::*;
    use crate::bookmarks::Bookmark;
    use crate::corpus::cache::{self, Cache, Opened, Seen, Stored};
    use crate::tui::view;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use std::path::PathBuf;

    /// A corpus of 150 documents (three chunks) in a home, with its copy.
    pub(in crate::tui) fn copied() -> (tempfile::TempDir, Cache, Vec<PathBuf>) {
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

    /// The bookmarks as read at the start, with no problem.
    pub(in crate::tui) fn synced(bookmarks: Vec<Bookmark>) -> Msg {
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

    /// While the glimpse shows, the keys are read in its state: ctrl-c
    /// quits at once, and q does as the first key; a q after a key that
    /// may have opened an overlay waits with it, and so does anything
    /// else. The whole corpus comes once it is asked for, as its files
    /// hold it.
    #[test]
    fn over_a_glimpse_a_quit_acts_at_once_other_keys_wait_and_the_whole_corpus_comes() {
        use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
        let (_home, cache, paths) = copied();
        let Opened::Glimpse(summaries, glimpse) = cache::open_from(Some(&cache), &paths) else {
            panic!("a current copy gives a glimpse");
        };
        let mut glimpsed = Glimpsed::new(
            summaries,
            glimpse,
            &Settings::default(),
            &Positions::default(),
            synced(Vec::new()),
            (120, 40),
        );
        let Ok((state, _)) = &glimpsed.shown else {
            panic!("every chunk holds");
        };
        let state = state.clone();
        let key = |c, m| Event::Key(KeyEvent::new(KeyCode::Char(c), m));
        let (q, ctrl_c) = (
            key('q', KeyModifiers::NONE),
            key('c', KeyModifiers::CONTROL),
        );
        let (slash, j) = (key('/', KeyModifiers::NONE), key('j', KeyModifiers::NONE));
        let hold = |before: &[&Event], event: &Event| {
            let mut held = Held::default();
            for e in before {
                held.hold(&state, (*e).clone());
            }
            held.hold(&state, event.clone())
        };
        assert_eq!(hold(&[], &q), Holding::Quit);
        assert_eq!(hold(&[&Event::Resize(80, 24)], &q), Holding::Quit);
        assert_eq!(hold(&[&slash, &j], &ctrl_c), Holding::Quit);
        assert_eq!(hold(&[&slash], &q), Holding::Held, "typed into the search");
        assert_eq!(hold(&[&j], &q), Holding::Held);
        assert_eq!(hold(&[], &j), Holding::Held);
        assert!(glimpsed.arrived().expect("no error").is_none(), "not asked");
        glimpsed.read_whole();
        let (corpus, problems, _) = loop {
            if let Some(whole) = glimpsed.arrived().expect("the copy reads") {
                break whole;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        };
        assert!(problems.0.is_empty());
        let fresh = Corpus::load(&paths).expect("loads");
        assert_eq!(corpus.documents, fresh.documents);
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
        let Opened::Glimpse(summaries, glimpse) = cache::open_from(Some(&cache), &paths) else {
            panic!("the head and the tail hold: a glimpse");
        };
        let positions = Positions {
            last: Some("d0".to_string()),
            ..Positions::default()
        };
        let mut glimpsed = Glimpsed::new(
            summaries,
            glimpse,
            &Settings::default(),
            &positions,
            synced(Vec::new()),
            (80, 24),
        );
        assert!(
            glimpsed.shown.is_err(),
            "the open document's chunk fails: no first frame from the copy"
        );
        let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
        assert_eq!(glimpsed.hold(ctrl_c), Holding::Quit);
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
                    view::drawn(&state, &library),
                    view::drawn(&want, &expected),
                    "{size:?}, last read {last:?}"
                );
                assert_eq!(state.open(), want.open());
                assert_eq!(state.bookmarked, want.bookmarked);
            }
        }
    }
}
