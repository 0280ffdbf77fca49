//! The event loop: the one place that touches the terminal. It turns events
//! into messages, runs `update`, carries out its effects and draws `view`.

use super::copies::Copies;
use super::glimpse;
use super::kept::{Kept, export, problem, synced};
use super::paste::PasteWatch;
use super::searcher::Searcher;
use super::signals::{SIGNAL_POLL, Signals};
use super::terminal::{
    copy, enter, install_panic_hook, restore, suspend, takes_links, write_links,
};
use crate::bookmarks::Store;
use crate::corpus::cache::Opened;
use crate::library::{Built, Index, Library, StoredIndex};
use crate::tui::keymap::Key;
use crate::tui::msg::{Action, Msg};
use crate::tui::state::{AppState, Settings};
use crate::tui::update::{Effect, update};
use crate::tui::view;
use crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, Stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant, SystemTime};

/// Runs the reader until the person quits. The terminal is given back on
/// every way out: return, error, panic and signal.
/// A corpus opened from its copy shows its first frame from a glimpse of
/// it, before the rest is read. A copy of the corpus is written once the
/// first frame is out, and stopped, if unfinished, when the reader quits.
pub fn run(opened: Opened, settings: &Settings) -> io::Result<()> {
    let signals = Signals::register()?;
    let mut kept = Kept::open(
        Store::default_dir(),
        Arc::clone(&signals.saving),
        Arc::clone(&signals.unsaved),
    );
    let first = kept.sync(None);
    // Said on stderr too, where it outlasts the screen.
    if let Some(problem) = problem(&first) {
        eprintln!("nkread: {problem}");
    }
    let first = synced(first);
    install_panic_hook();
    let (corpus, problems, pending, screen, typed) = match opened {
        Opened::Whole(corpus, problems, pending) => (corpus, problems, pending, None, Vec::new()),
        Opened::Glimpse(summaries, glimpse) => {
            let shown = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                glimpse::show(
                    summaries,
                    glimpse,
                    settings,
                    &kept.positions,
                    &first,
                    &signals,
                )
            }));
            match shown {
                Ok(Ok(Some((screen, (corpus, problems, pending), typed)))) => {
                    (corpus, problems, pending, Some(screen), typed)
                }
                // Ended by a signal or a quit key before the corpus was
                // whole: nothing moved, so nothing is left to keep.
                Ok(Ok(None)) => {
                    restore();
                    match signals.quitting() {
                        Some(signal) => std::process::exit(128 + signal),
                        None => return Ok(()),
                    }
                }
                Ok(Err(e)) => {
                    restore();
                    return Err(e);
                }
                Err(panic) => {
                    restore();
                    std::panic::resume_unwind(panic);
                }
            }
        }
    };
    // The first frame needs none of the indexes: they come while it shows.
    // Shared with the thread that searches, which quitting does not wait for.
    let library = Arc::new(Library::shared(Arc::new(corpus)));
    let searcher = Searcher::start(Arc::clone(&library));
    // Said on stderr too, where it outlasts the screen, unless the screen
    // is already the reader's; the reader names the files and lists the
    // problems.
    if !problems.0.is_empty() && screen.is_none() {
        eprintln!(
            "nkread: the corpus has errors; the reader opens without the files that hold them\n{problems}"
        );
    }
    let mut state = glimpse::begun(&library.corpus, settings, &kept.positions);
    state.load_problems = problems.0;
    update(&mut state, &library, first);
    let mouse = settings.mouse;
    let mut copies = Copies::new(pending);
    // A panic still ends with the bookmarks saved, or printed.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let screen = match screen {
            Some(screen) => Ok(screen),
            None => enter(mouse).and_then(|()| Terminal::new(CrosstermBackend::new(io::stdout()))),
        };
        screen.and_then(|mut terminal| {
            let mut io = Io {
                terminal: &mut terminal,
                kept: &mut kept,
                searcher: &searcher,
                copies: &mut copies,
                mouse,
                corpus: &settings.corpus,
                links: takes_links(std::env::var_os("TERM").as_deref()),
            };
            event_loop(&mut io, &mut state, &library, &signals, typed)
        })
    }));
    restore();
    let unsaved = kept.close(&state, &library, result.is_err());
    // A reader who quits before the copies are written does not wait for
    // them.
    copies.stop();
    let result = match result {
        Ok(result) => result,
        Err(panic) => std::panic::resume_unwind(panic),
    };
    // Ended by a signal: the shell's convention, 128 plus its number.
    if let Some(signal) = signals.quitting() {
        std::process::exit(128 + signal);
    }
    result.and(unsaved)
}

/// What the loop does I/O with, besides the state and the library.
struct Io<'a> {
    terminal: &'a mut Terminal<CrosstermBackend<Stdout>>,
    kept: &'a mut Kept,
    searcher: &'a Searcher,
    /// The copies of the corpus and its search index.
    copies: &'a mut Copies,
    mouse: bool,
    /// Where the user's documents are, for their captures.
    corpus: &'a [std::path::PathBuf],
    /// Whether the terminal is sent hyperlinks (OSC 8).
    links: bool,
}

fn event_loop(
    io: &mut Io,
    state: &mut AppState,
    library: &Library,
    signals: &Signals,
    mut typed: Vec<Event>,
) -> io::Result<()> {
    let mut indexes = None;
    let mut paste = PasteWatch::default();
    while !state.quit {
        // The size comes from the terminal before each frame, so update and
        // view agree even where no resize event came (after Ctrl-Z and fg).
        let size = io.terminal.size()?;
        if (size.width, size.height) != state.size {
            update(state, library, Msg::Resize(size.width, size.height));
        }
        // What came while the first frame showed a glimpse, in order, once
        // the state has its size (below the smallest, keys do nothing; a
        // resize then is older than the size just taken).
        let typed = typed.drain(..).filter(|e| !matches!(e, Event::Resize(..)));
        for event in typed {
            if let Some(msg) = to_msg(state, event).filter(|_| !state.quit) {
                carry_out(io, state, library, msg)?;
            }
        }
        // An answer due within a few milliseconds is drawn with the key
        // that asked for it, not a frame after.
        if state.searching()
            && let Some(msg) = io.searcher.wait(ANSWER_GRACE)
        {
            carry_out(io, state, library, msg)?;
        }
        io.terminal
            .draw(|frame| view::view(state, library, frame))?;
        if io.links {
            write_links(io.terminal.backend_mut(), &view::links(state, library))?;
        }
        // Built once the first frame is out: started before, their threads
        // took the cores the first frame waited for.
        // So are the copies of the corpus, for the same reason; the search
        // index is read from its copy where there is one.
        let indexes = indexes.get_or_insert_with(|| {
            let stored = io.copies.start(Arc::clone(&library.corpus));
            Indexes::start(library, stored)
        });
        let first = loop {
            if signals.quitting().is_some() {
                break Msg::Do(Action::ForceQuit);
            }
            if signals.suspend.swap(false, Ordering::Relaxed) {
                break Msg::Do(Action::Suspend);
            }
            if let Some(msg) = indexes.arrived(library) {
                if msg == Msg::Indexed(Index::Search) {
                    io.copies.indexed(library);
                }
                break msg;
            }
            if let Some(msg) = io.searcher.answered() {
                break msg;
            }
            // While a query or its count is out, its answer is looked for often.
            let poll = match state.searching() || state.counting() {
                true => ANSWER_POLL,
                false => SIGNAL_POLL,
            };
            // Events that mean nothing (pointer motion) do not redraw.
            if event::poll(poll)? {
                if let Some(msg) = to_msg(state, event::read()?) {
                    break msg;
                }
            } else {
                // A paste whose end never came is ended, and read next.
                if paste.overdue(event::pending_paste(), Instant::now()) && event::end_paste() {
                    continue;
                }
                // Progress is drawn when the keys rest, at most each poll.
                if let Some(msg) = indexes.progress(state, library) {
                    break msg;
                }
                io.kept.keep_positions(state, library, false);
                // A resize whose signal came before the input source
                // listened for it is seen here, at the latest.
                let size = io.terminal.size()?;
                if (size.width, size.height) != state.size {
                    break Msg::Resize(size.width, size.height);
                }
            }
        };
        carry_out(io, state, library, first)?;
        // Whatever else is waiting is taken before the next frame: a key
        // held down costs one frame per batch, not one per repeat.
        let mut waiting = Vec::new();
        while waiting.len() < BATCH && !state.quit && event::poll(DRAIN)? {
            waiting.push(event::read()?);
        }
        // A quit behind a backlog of moves acts at once: the moves would
        // change nothing that is kept.
        if waiting.iter().any(|e| means(state, e, Action::is_quit)) {
            waiting.retain(|e| !means(state, e, Action::is_move));
        }
        for event in waiting {
            if state.quit {
                break;
            }
            if let Some(msg) = to_msg(state, event) {
                carry_out(io, state, library, msg)?;
            }
        }
        io.kept.keep_positions(state, library, false);
    }
    Ok(())
}

/// The indexes being built on other threads, as the loop sees them.
struct Indexes {
    built: Receiver<Built>,
    /// Paragraphs the search index has read.
    read: Arc<AtomicUsize>,
}

impl Indexes {
    fn start(library: &Library, stored: Option<StoredIndex>) -> Indexes {
        let (send, built) = mpsc::channel();
        let read = Arc::new(AtomicUsize::new(0));
        let send = move |index| {
            // The loop is gone only when the reader is quitting.
            let _ = send.send(index);
        };
        library.build_apart(Arc::clone(&read), send, stored);
        Indexes { built, read }
    }

    /// An index that arrived, kept in the library, as the message that
    /// tells `update`.
    fn arrived(&self, library: &Library) -> Option<Msg> {
        let built = self.built.try_recv().ok()?;
        Some(Msg::Indexed(library.keep(built)))
    }

    /// How far the search index has read, if that changed.
    fn progress(&self, state: &AppState, library: &Library) -> Option<Msg> {
        let read = self.read.load(Ordering::Relaxed);
        (library.search().is_none() && read != state.indexed).then_some(Msg::Indexing(read))
    }
}

/// How long a frame waits for the answer to a query just asked: a small
/// corpus answers well within it, and the key's frame is late by at most
/// this where a large one does not.
const ANSWER_GRACE: Duration = Duration::from_millis(10);

/// How often the loop looks for an answer while a query is out.
const ANSWER_POLL: Duration = Duration::from_millis(5);

/// The most events taken between two frames.
const BATCH: usize = 4096;

/// How long to look for more waiting input before a frame. Not zero: the
/// input source polls the terminal only for a timeout that is not.
const DRAIN: Duration = Duration::from_millis(1);

/// Whether `event` stands, in the state as it is, for an action of a kind.
fn means(state: &AppState, event: &Event, kind: fn(&Action) -> bool) -> bool {
    match to_msg(state, event.clone()) {
        Some(Msg::Do(action)) => kind(&action),
        Some(Msg::ScrollAt { .. }) => kind(&Action::MoveDown),
        _ => false,
    }
}

/// Runs `update` on a message and carries out its effects.
fn carry_out(io: &mut Io, state: &mut AppState, library: &Library, msg: Msg) -> io::Result<()> {
    state.now = SystemTime::now();
    for effect in update(state, library, msg) {
        match effect {
            Effect::Copy(text) => copy(io.terminal.backend_mut(), &text)?,
            Effect::Suspend => {
                suspend(io.mouse)?;
                io.terminal.clear()?;
            }
            Effect::Save(change) => {
                update(state, library, synced(io.kept.sync(Some(change))));
            }
            Effect::Reload => {
                update(state, library, synced(io.kept.sync(None)));
            }
            Effect::Export { markdown, when } => {
                update(state, library, Msg::Exported(export(&markdown, &when)));
            }
            Effect::Search(ask) => io.searcher.ask(ask),
            Effect::ReadCapture(name) => {
                let text = super::capture::read(io.corpus, &name);
                update(state, library, Msg::Captured { name, text });
            }
        }
    }
    Ok(())
}

fn to_msg(state: &AppState, event: Event) -> Option<Msg> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => state.msg_for(Key::from_event(key)),
        Event::Mouse(mouse) => {
            let (column, row) = (mouse.column, mouse.row);
            match mouse.kind {
                MouseEventKind::ScrollDown => Some(Msg::ScrollAt {
                    column,
                    row,
                    down: true,
                }),
                MouseEventKind::ScrollUp => Some(Msg::ScrollAt {
                    column,
                    row,
                    down: false,
                }),
                MouseEventKind::Down(MouseButton::Left) => Some(Msg::ClickAt { column, row }),
                _ => None,
            }
        }
        Event::Resize(columns, rows) => Some(Msg::Resize(columns, rows)),
        Event::Paste(text) if state.layers().first().is_some_and(|l| l.types()) => {
            Some(Msg::Paste(text))
        }
        _ => None,
    }
}
