//! The event loop: the one place that touches the terminal. It turns events
//! into actions, runs `update`, carries out its effects and draws `view`.

use crate::bookmarks::{Change, Positions, Store, Synced};
use crate::config::Config;
use crate::corpus::Corpus;
use crate::library::Library;
use crate::tui::keymap::Key;
use crate::tui::msg::{Action, Msg};
use crate::tui::state::AppState;
use crate::tui::update::{Effect, update};
use crate::tui::view;
use base64::Engine;
use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind, MouseButton, MouseEventKind,
};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute, terminal};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use std::io::{self, Stdout, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::time::{Duration, Instant, SystemTime};

/// How often the loop looks at the signal flags while no event comes.
const SIGNAL_POLL: Duration = Duration::from_millis(100);

/// How long the watchdog lets the loop take to quit by itself.
const GRACE: Duration = Duration::from_millis(300);

/// How long the watchdog lets the reader save before it exits anyway:
/// the lock waits at most two seconds for each file.
const CLOSING: Duration = Duration::from_secs(10);

/// How long reading positions wait, unchanged, before they are saved.
const POSITIONS_SETTLE: Duration = Duration::from_secs(1);

/// Signals that end the reader.
const QUIT_SIGNALS: [i32; 4] = [SIGTERM, SIGHUP, SIGQUIT, SIGINT];

/// Flags the signal handlers and the watchdog raise for the loop.
struct Signals {
    /// The signal that ends the reader (SIGHUP for a silent hang-up), or 0.
    quit: Arc<AtomicI32>,
    suspend: Arc<AtomicBool>,
    /// Raised while bookmarks or positions are being saved, and from the
    /// loop's end on: the watchdog waits for a save rather than cut it.
    saving: Arc<AtomicBool>,
}

impl Signals {
    fn register() -> io::Result<Signals> {
        let quit = Arc::new(AtomicI32::new(0));
        let suspend = Arc::new(AtomicBool::new(false));
        let saving = Arc::new(AtomicBool::new(false));
        signal_hook::flag::register(SIGTSTP, Arc::clone(&suspend))?;
        watch(Arc::clone(&quit), Arc::clone(&saving))?;
        Ok(Signals {
            quit,
            suspend,
            saving,
        })
    }

    fn quitting(&self) -> Option<i32> {
        Some(self.quit.load(Ordering::Relaxed)).filter(|&s| s != 0)
    }
}

/// A thread that ends the reader on SIGTERM, SIGHUP, SIGQUIT or SIGINT, or
/// when the terminal hangs up without a signal. It asks the loop to quit;
/// if the loop does not within `GRACE` (crossterm can spin inside `poll`
/// on a hung-up terminal), it gives the terminal back and exits itself;
/// unless the reader is saving, which it is given time to finish.
fn watch(quit: Arc<AtomicI32>, saving: Arc<AtomicBool>) -> io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new(QUIT_SIGNALS)?;
    std::thread::Builder::new()
        .name("watchdog".into())
        .spawn(move || {
            loop {
                let signal = signals
                    .pending()
                    .next()
                    .or_else(|| stdin_hung_up().then_some(SIGHUP));
                if let Some(signal) = signal {
                    quit.store(signal, Ordering::Relaxed);
                    std::thread::sleep(GRACE);
                    let waited = Instant::now();
                    while saving.load(Ordering::Relaxed) && waited.elapsed() < CLOSING {
                        std::thread::sleep(SIGNAL_POLL);
                    }
                    restore();
                    std::process::exit(128 + signal);
                }
                std::thread::sleep(SIGNAL_POLL);
            }
        })?;
    Ok(())
}

/// Whether the terminal on stdin has hung up.
fn stdin_hung_up() -> bool {
    let mut fd = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd, and a zero timeout that never blocks.
    let ready = unsafe { libc::poll(&mut fd, 1, 0) };
    ready > 0 && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}

/// Runs the reader until the person quits. The terminal is given back on
/// every way out: return, error, panic and signal.
pub fn run(corpus: Corpus, config: &Config) -> io::Result<()> {
    let library = Library::new(corpus);
    let mut state = config.state(&library.corpus, std::env::var_os("NO_COLOR").as_deref());
    state.salt = u64::from(std::process::id());
    let signals = Signals::register()?;
    let mut kept = Kept::open(Store::default_dir(), Arc::clone(&signals.saving));
    state.restore(&library.corpus, &kept.positions);
    let first = kept.sync(None);
    // Said on stderr too, where it outlasts the screen.
    if let Some(problem) = problem(&first) {
        eprintln!("nkread: {problem}");
    }
    update(&mut state, &library, synced(first));
    install_panic_hook();
    let mouse = config.mouse;
    // A panic still ends with the bookmarks saved, or printed.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        enter(mouse)
            .and_then(|()| Terminal::new(CrosstermBackend::new(io::stdout())))
            .and_then(|mut terminal| {
                event_loop(
                    &mut terminal,
                    &mut state,
                    &library,
                    &signals,
                    &mut kept,
                    mouse,
                )
            })
    }));
    restore();
    let unsaved = kept.close(&state, &library, result.is_err());
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

/// What the reader keeps on disk: the bookmarks, and the reading positions
/// once they have stopped changing for a moment.
struct Kept {
    dir: Option<PathBuf>,
    store: Store,
    /// The positions as last read or saved.
    positions: Positions,
    /// Since when the positions on screen differ from those saved.
    moved_since: Option<Instant>,
    /// Raised while saving; see `Signals::saving`.
    saving: Arc<AtomicBool>,
}

impl Kept {
    fn open(dir: Option<PathBuf>, saving: Arc<AtomicBool>) -> Kept {
        Kept {
            store: dir.as_deref().map_or_else(Store::nowhere, Store::new),
            positions: dir.as_deref().map(Positions::load).unwrap_or_default(),
            dir,
            moved_since: None,
            saving,
        }
    }

    /// Saves a change, or reads the file again when there is none.
    fn sync(&mut self, change: Option<Change>) -> Synced {
        while_saving(&self.saving, || match change {
            Some(change) => self.store.apply(change),
            None => self.store.load(),
        })
    }

    /// Notes whether the reading positions moved, and saves them once
    /// they have been still for `POSITIONS_SETTLE`, or `now` if asked.
    fn keep_positions(&mut self, state: &AppState, library: &Library, now: bool) {
        let current = state.positions(&library.corpus, &self.positions);
        if current == self.positions {
            self.moved_since = None;
            return;
        }
        let since = *self.moved_since.get_or_insert_with(Instant::now);
        if (now || since.elapsed() >= POSITIONS_SETTLE)
            && let Some(dir) = &self.dir
        {
            // Positions are a convenience: a failure to save them is not
            // worth interrupting the reading for.
            let _ = while_saving(&self.saving, || current.save(dir));
            self.positions = current;
            self.moved_since = None;
        }
    }

    /// At the end: saves any bookmark change still unsaved, then the
    /// positions (not after a panic: the state may be what caused it).
    /// Changes that cannot be saved are printed, so none is lost.
    fn close(&mut self, state: &AppState, library: &Library, panicked: bool) -> io::Result<()> {
        let unsaved = self.save_or_print(state);
        if !panicked {
            self.keep_positions(state, library, true);
        }
        unsaved
    }

    fn save_or_print(&mut self, state: &AppState) -> io::Result<()> {
        // From here on the watchdog waits for the saves, whatever happens.
        self.saving.store(true, Ordering::Relaxed);
        let store = &mut self.store;
        if store.unsaved() == 0 {
            return Ok(());
        }
        let last = store.load();
        let Some(error) = last.error else {
            return Ok(());
        };
        let json = serde_json::to_string_pretty(&state.bookmarks).unwrap_or_default();
        let changes = match store.unsaved() {
            1 => "1 bookmark change".to_string(),
            n => format!("{n} bookmark changes"),
        };
        eprintln!(
            "nkread: {changes} could not be saved: {error}\n\
             Every bookmark this session knew of follows, so none is lost:\n{json}"
        );
        Err(io::Error::other(format!(
            "{changes} could not be saved (printed above)"
        )))
    }
}

/// Runs a save with `saving` raised, so the watchdog waits for it, then
/// puts the flag back as it was (raised for good once the reader closes).
fn while_saving<T>(saving: &AtomicBool, save: impl FnOnce() -> T) -> T {
    let was = saving.swap(true, Ordering::Relaxed);
    let done = save();
    saving.store(was, Ordering::Relaxed);
    done
}

/// What went wrong reading or saving the bookmarks, in a line.
fn problem(synced: &Synced) -> Option<String> {
    let mut problems = Vec::new();
    if let Some(aside) = &synced.set_aside {
        problems.push(aside.to_string());
    }
    match (&synced.error, synced.unsaved) {
        (Some(error), 0) => problems.push(format!("bookmarks cannot be read: {error}")),
        (Some(error), _) => problems.push(format!(
            "bookmarks not saved: {error}; kept in memory, saved with the next change, \
             or printed when nkread ends"
        )),
        (None, _) => {}
    }
    (!problems.is_empty()).then(|| problems.join("; "))
}

fn synced(synced: Synced) -> Msg {
    Msg::Synced {
        problem: problem(&synced),
        bookmarks: synced.bookmarks,
    }
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    state: &mut AppState,
    library: &Library,
    signals: &Signals,
    kept: &mut Kept,
    mouse: bool,
) -> io::Result<()> {
    while !state.quit {
        // The size comes from the terminal before each frame, so update and
        // view agree even where no resize event came (after Ctrl-Z and fg).
        let size = terminal.size()?;
        if (size.width, size.height) != state.size {
            update(state, library, Msg::Resize(size.width, size.height));
        }
        terminal.draw(|frame| view::view(state, library, frame))?;
        let msg = loop {
            if signals.quitting().is_some() {
                break Msg::Do(Action::ForceQuit);
            }
            if signals.suspend.swap(false, Ordering::Relaxed) {
                break Msg::Do(Action::Suspend);
            }
            // Events that mean nothing (pointer motion) do not redraw.
            if event::poll(SIGNAL_POLL)? {
                if let Some(msg) = to_msg(state, event::read()?) {
                    break msg;
                }
            } else {
                kept.keep_positions(state, library, false);
            }
        };
        state.now = SystemTime::now();
        for effect in update(state, library, msg) {
            match effect {
                Effect::Copy(text) => copy(terminal.backend_mut(), &text)?,
                Effect::Suspend => {
                    suspend(mouse)?;
                    terminal.clear()?;
                }
                Effect::Save(change) => {
                    update(state, library, synced(kept.sync(Some(change))));
                }
                Effect::Reload => {
                    update(state, library, synced(kept.sync(None)));
                }
            }
        }
        kept.keep_positions(state, library, false);
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

/// Puts `text` on the clipboard with OSC 52, which terminals, tmux and SSH
/// pass on. Inside tmux it is also wrapped for passthrough, for tmux set to
/// `allow-passthrough` rather than `set-clipboard`.
fn copy(out: &mut impl Write, text: &str) -> io::Result<()> {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let osc = format!("\x1b]52;c;{encoded}\x07");
    out.write_all(osc.as_bytes())?;
    if std::env::var_os("TMUX").is_some() {
        let escaped = osc.replace('\x1b', "\x1b\x1b");
        write!(out, "\x1bPtmux;{escaped}\x1b\\")?;
    }
    out.flush()
}

/// Takes the terminal: raw mode, the alternate screen, and the mouse if
/// the configuration lets the reader have it.
fn enter(mouse: bool) -> io::Result<()> {
    terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableBracketedPaste,
        cursor::Hide
    )?;
    if mouse {
        execute!(io::stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

/// Gives the terminal back. Safe to call twice and from the panic hook:
/// it ignores every error. Mouse capture is left whether or not it was
/// taken, which costs nothing and keeps this free of state.
fn restore() {
    let _ = terminal::disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Ctrl-Z (a key in raw mode) or SIGTSTP: give the terminal back, stop,
/// and take it again on `fg`.
fn suspend(mouse: bool) -> io::Result<()> {
    restore();
    // SIGTSTP is caught, so stop with the uncatchable SIGSTOP.
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
    enter(mouse)
}
