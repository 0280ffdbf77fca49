//! The event loop: the one place that touches the terminal. It turns events
//! into messages, runs `update`, carries out its effects and draws `view`.

use super::copies::Copies;
use super::event::to_msg;
use super::glimpse::{Glimpsed, HandedOn, READING, Whole, begun};
use super::held::{Held, Holding};
use super::kept::{Kept, export, problem, synced};
use super::paste::PasteWatch;
use super::searcher::Searcher;
use super::signals::{SIGNAL_POLL, Signals};
use super::terminal::{
    copy, enter, hold_keys, install_panic_hook, restore, suspend, takes_links, write_links,
};
use crate::bookmarks::Store;
use crate::corpus::cache::Opened;
use crate::library::{Built, Index, Library, StoredIndex};
use crate::tui::msg::{Action, Ask, Found, Msg};
use crate::tui::state::{AppState, Settings};
use crate::tui::update::{Effect, update};
use crate::tui::view;
use crossterm::event::{self, Event};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, Stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant, SystemTime};

/// The terminal's keys, taken before the corpus is read; see [`take_keys`].
pub struct Taken {
    signals: Signals,
}

/// Takes the terminal's keys before the corpus is read from its files
/// (seconds at a million paragraphs): keys typed meanwhile are not echoed
/// onto the shell's screen, nor changed by its line editing, but wait, as
/// typed, for the reader. Ctrl-C and the signals still end nkread at once,
/// and every way out gives the terminal back: the reader's, an error
/// (when `Taken` is dropped), a panic, a signal. Ctrl-Z (SIGTSTP) waits
/// for the reader's screen, as keys do: stopped while the keys are held,
/// nkread would find the shell's mode on `fg`, and the keys echoed again.
pub fn take_keys() -> io::Result<Taken> {
    let signals = Signals::register()?;
    install_panic_hook();
    hold_keys()?;
    Ok(Taken { signals })
}

impl Drop for Taken {
    fn drop(&mut self) {
        let _ = crossterm::terminal::disable_raw_mode();
    }
}

/// Runs the reader until the person quits. The terminal is given back on
/// every way out: return, error, panic and signal.
/// A corpus opened from its copy shows its first frame from a glimpse of
/// it, before the rest is read. A copy of the corpus is written once the
/// first frame is out, and stopped, if unfinished, when the reader quits.
pub fn run(opened: Opened, settings: &Settings, taken: Taken) -> io::Result<()> {
    let signals = &taken.signals;
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
    let mut phase = match opened {
        Opened::Whole(corpus, problems, pending) => {
            // Said on stderr too, where it outlasts the screen; the reader
            // names the files and lists the problems.
            if !problems.0.is_empty() {
                eprintln!(
                    "nkread: the corpus has errors; the reader opens without the files that hold them\n{problems}"
                );
            }
            let whole = (corpus, problems, pending);
            let handed = HandedOn::nothing(first);
            Phase::Whole(Box::new(Reading::new(whole, handed, settings, &kept)))
        }
        Opened::Glimpse(summaries, glimpse) => {
            let size = crossterm::terminal::size()?;
            Phase::Glimpse(Box::new(Glimpsed::new(
                summaries,
                glimpse,
                settings,
                &kept.positions,
                first,
                size,
            )))
        }
    };
    // A panic still ends with the bookmarks saved, or printed.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        // A signal during the load: the watchdog is giving the terminal
        // back, and the screen is not taken from under it.
        if signals.quitting().is_some() {
            return Ok(());
        }
        enter(settings.mouse)?;
        let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
        let mut io = Io {
            terminal: &mut terminal,
            kept: &mut kept,
            settings,
            links: takes_links(std::env::var_os("TERM").as_deref()),
        };
        event_loop(&mut io, &mut phase, signals)
    }));
    restore();
    let unsaved = match phase {
        Phase::Whole(reading) => {
            let unsaved = kept.close(&reading.state, &reading.library, result.is_err());
            // A reader who quits before the copies are written does not
            // wait for them.
            reading.copies.stop();
            unsaved
        }
        // Ended before the corpus was whole: nothing moved, so nothing is
        // left to keep.
        Phase::Glimpse(_) => Ok(()),
    };
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

/// What the loop does I/O with, besides the corpus it reads.
struct Io<'a> {
    terminal: &'a mut Terminal<CrosstermBackend<Stdout>>,
    kept: &'a mut Kept,
    /// For the whole corpus's state, the mouse, and where the user's
    /// documents are (for their captures).
    settings: &'a Settings,
    /// Whether the terminal is sent hyperlinks (OSC 8).
    links: bool,
}

/// The corpus the loop reads: a glimpse of it while the whole is read,
/// then the whole.
enum Phase {
    Glimpse(Box<Glimpsed>),
    Whole(Box<Reading>),
}

/// The whole corpus as the reader reads it: its state, and the threads
/// that search, index and copy it.
struct Reading {
    state: AppState,
    /// Shared with the thread that searches, which quitting does not wait
    /// for.
    library: Arc<Library>,
    searcher: Searcher,
    /// The copies of the corpus and its search index.
    copies: Copies,
    /// Started once the first frame is out.
    indexes: Option<Indexes>,
    /// Keys typed over a glimpse, acted on once the state has its size.
    held: Held,
    /// The glimpse's last query and answer: the first answer here to the
    /// same query.
    answered: Option<(Ask, Found)>,
}

impl Reading {
    /// The reading of `whole`, with what a glimpse of it `handed` on: the
    /// bookmarks as read, the keys held, and the search index's copy if it
    /// was read early. The first frame needs none of the indexes: they come
    /// while it shows, but for a search index the glimpse searched, which
    /// is kept at once where it fits the whole corpus.
    fn new(whole: Whole, handed: HandedOn, settings: &Settings, kept: &Kept) -> Reading {
        let (corpus, problems, pending) = whole;
        let library = Library::shared(Arc::new(corpus));
        let copies = Copies::new(pending, handed.early);
        // The same index comes from `copies` (as read early), unannounced:
        // not where the corpus was read from its files, which builds it.
        if let Some(index) = handed
            .index
            .filter(|index| copies.reads_early() && index.fits(&library.corpus))
        {
            library.keep(Built::Search(index));
        }
        let library = Arc::new(library);
        let searcher = Searcher::start(Arc::clone(&library));
        let mut state = begun(&library.corpus, settings, &kept.positions);
        state.load_problems = problems.0;
        update(&mut state, &library, handed.first);
        Reading {
            state,
            library,
            searcher,
            copies,
            indexes: None,
            held: handed.held,
            answered: handed.answered,
        }
    }
}

/// What the loop's wait comes back with.
enum Next {
    /// A message for `update`.
    Msg(Msg),
    /// The whole corpus, read while a glimpse of it showed.
    Whole(Whole),
    /// The glimpse at a new size.
    Redraw,
    /// A quit over the glimpse, which ends the reader at once.
    Quit,
}

fn event_loop(io: &mut Io, phase: &mut Phase, signals: &Signals) -> io::Result<()> {
    let mut paste = PasteWatch::default();
    loop {
        // The size comes from the terminal before each frame, so update and
        // view agree even where no resize event came (after Ctrl-Z and fg).
        let size = io.terminal.size()?;
        let size = (size.width, size.height);
        match phase {
            Phase::Glimpse(glimpse) => {
                if size != glimpse.size {
                    glimpse.resize(size);
                }
                glimpse.answer();
                draw_glimpse(io, glimpse)?;
                // Read once its first frame is out, whose cores it would take.
                glimpse.read_whole();
            }
            Phase::Whole(reading) => {
                frame(io, reading, size)?;
                // Quit by a key, or by one held over the glimpse.
                if reading.state.quit {
                    return Ok(());
                }
            }
        }
        match wait(io, phase, signals, &mut paste)? {
            Next::Whole(whole) => {
                if let Phase::Glimpse(glimpse) = phase {
                    let handed = glimpse.hand_on();
                    let reading = Reading::new(whole, handed, io.settings, io.kept);
                    *phase = Phase::Whole(Box::new(reading));
                }
            }
            Next::Redraw => {}
            Next::Quit => return Ok(()),
            Next::Msg(msg) => {
                if let Phase::Whole(reading) = phase {
                    act(io, reading, msg)?;
                }
            }
        }
    }
}

/// The whole corpus's frame at `size`, the keys held over its glimpse
/// acted on first; and, once it is out, the threads that index and copy.
/// Nothing is drawn once the reader quits.
fn frame(io: &mut Io, reading: &mut Reading, (columns, rows): (u16, u16)) -> io::Result<()> {
    let Reading {
        state,
        library,
        searcher,
        ..
    } = reading;
    if (columns, rows) != state.size {
        update(state, library, Msg::Resize(columns, rows));
    }
    // What came while the first frame showed a glimpse, in order, once the
    // state has its size (below the smallest, keys do nothing); the
    // glimpse's last answer is its query's first answer here, so the hits
    // it showed stay while this search counts.
    let answered = reading.answered.take();
    std::mem::take(&mut reading.held).replay(state, answered, |state, msg| {
        carry_out(io, state, library, searcher, msg)
    })?;
    if state.quit {
        return Ok(());
    }
    // An answer due within a few milliseconds is drawn with the key that
    // asked for it, not a frame after.
    if state.searching()
        && let Some(msg) = searcher.wait(ANSWER_GRACE)
    {
        carry_out(io, state, library, searcher, msg)?;
    }
    draw(io, state, library)?;
    // Built once the first frame is out: started before, their threads
    // took the cores the first frame waited for. So are the copies of the
    // corpus, for the same reason; the search index is read from its copy
    // where there is one.
    if reading.indexes.is_none() {
        let stored = reading.copies.start(Arc::clone(&library.corpus));
        reading.indexes = Some(Indexes::start(library, stored));
    }
    Ok(())
}

/// Carries out `msg` and whatever else waits before the next frame.
fn act(io: &mut Io, reading: &mut Reading, msg: Msg) -> io::Result<()> {
    let Reading {
        state,
        library,
        searcher,
        ..
    } = reading;
    carry_out(io, state, library, searcher, msg)?;
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
            carry_out(io, state, library, searcher, msg)?;
        }
    }
    io.kept.keep_positions(state, library, false);
    Ok(())
}

/// Waits for what comes next: a signal, the whole corpus, an index, a
/// search's answer or an event. Over a glimpse, keys are held (see
/// [`Held`]) and only a quit or a resize comes back.
fn wait(
    io: &mut Io,
    phase: &mut Phase,
    signals: &Signals,
    paste: &mut PasteWatch,
) -> io::Result<Next> {
    // Keys held over a glimpse since the last frame: it is drawn again
    // once no more wait.
    let mut typed = false;
    loop {
        if signals.quitting().is_some() {
            return Ok(match phase {
                Phase::Glimpse(_) => Next::Quit,
                Phase::Whole(_) => Next::Msg(Msg::Do(Action::ForceQuit)),
            });
        }
        let due = match phase {
            // A suspend (SIGTSTP) waits for the whole corpus, as keys do.
            Phase::Glimpse(glimpse) => {
                if let Some(whole) = glimpse.arrived()? {
                    return Ok(Next::Whole(whole));
                }
                if glimpse.index_arrived() {
                    return Ok(Next::Redraw);
                }
                true
            }
            Phase::Whole(reading) => {
                if signals.suspend.swap(false, Ordering::Relaxed) {
                    return Ok(Next::Msg(Msg::Do(Action::Suspend)));
                }
                if let Some(indexes) = &reading.indexes
                    && let Some(msg) = indexes.arrived(&reading.library)
                {
                    if msg == Msg::Indexed(Index::Search) {
                        reading.copies.indexed(&reading.library);
                    }
                    return Ok(Next::Msg(msg));
                }
                if let Some(msg) = reading.searcher.answered() {
                    return Ok(Next::Msg(msg));
                }
                reading.state.searching() || reading.state.counting()
            }
        };
        // While the whole corpus, a query or its count is out, it is
        // looked for often.
        let poll = match (typed, due) {
            (true, _) => DRAIN,
            (false, true) => ANSWER_POLL,
            (false, false) => SIGNAL_POLL,
        };
        // Events that mean nothing (pointer motion) do not redraw.
        if event::poll(poll)? {
            let event = event::read()?;
            match phase {
                Phase::Glimpse(glimpse) => match glimpse.hold(event) {
                    Holding::Quit => return Ok(Next::Quit),
                    Holding::Resize(..) => return Ok(Next::Redraw),
                    Holding::Held => typed = true,
                },
                Phase::Whole(reading) => {
                    if let Some(msg) = to_msg(&reading.state, event) {
                        return Ok(Next::Msg(msg));
                    }
                }
            }
            continue;
        }
        if typed {
            return Ok(Next::Redraw);
        }
        // A paste whose end never came is ended, and read next.
        if paste.overdue(event::pending_paste(), Instant::now()) && event::end_paste() {
            continue;
        }
        // A resize whose signal came before the input source listened for
        // it is seen here, at the latest.
        let size = io.terminal.size()?;
        let size = (size.width, size.height);
        match phase {
            Phase::Glimpse(glimpse) => {
                if size != glimpse.size {
                    return Ok(Next::Redraw);
                }
            }
            Phase::Whole(reading) => {
                // Progress is drawn when the keys rest, at most each poll.
                if let Some(indexes) = &reading.indexes
                    && let Some(msg) = indexes.progress(&reading.state, &reading.library)
                {
                    return Ok(Next::Msg(msg));
                }
                io.kept
                    .keep_positions(&reading.state, &reading.library, false);
                if size != reading.state.size {
                    return Ok(Next::Msg(Msg::Resize(size.0, size.1)));
                }
            }
        }
    }
}

fn draw(io: &mut Io, state: &AppState, library: &Library) -> io::Result<()> {
    io.terminal
        .draw(|frame| view::view(state, library, frame))?;
    if io.links {
        write_links(io.terminal.backend_mut(), &view::links(state, library))?;
    }
    Ok(())
}

/// The glimpse's frame, or, where its chunk failed, the notice that the
/// corpus is read from its files.
fn draw_glimpse(io: &mut Io, glimpse: &Glimpsed) -> io::Result<()> {
    match &glimpse.shown {
        Ok((state, library)) => draw(io, state, library),
        Err(_) => io
            .terminal
            .draw(|frame| view::notice(frame, &READING))
            .map(drop),
    }
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
    /// tells `update`; none for the search index a glimpse searched, kept
    /// already: its queries are answered.
    fn arrived(&self, library: &Library) -> Option<Msg> {
        let built = self.built.try_recv().ok()?;
        let kept = matches!(built, Built::Search(_)) && library.search().is_some();
        let index = library.keep(built);
        (!kept).then_some(Msg::Indexed(index))
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
fn carry_out(
    io: &mut Io,
    state: &mut AppState,
    library: &Library,
    searcher: &Searcher,
    msg: Msg,
) -> io::Result<()> {
    state.now = SystemTime::now();
    for effect in update(state, library, msg) {
        match effect {
            Effect::Copy(text) => copy(io.terminal.backend_mut(), &text)?,
            Effect::Suspend => {
                suspend(io.settings.mouse)?;
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
            Effect::Search(ask) => searcher.ask(ask),
            Effect::ReadCapture(name) => {
                let text = super::capture::read(&io.settings.corpus, &name);
                update(state, library, Msg::Captured { name, text });
            }
        }
    }
    Ok(())
}
