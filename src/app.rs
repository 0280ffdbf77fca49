//! The event loop: the one place that touches the terminal. It turns events
//! into actions, runs `update`, carries out its effects and draws `view`.

use crate::action::Action;
use crate::config::Config;
use crate::corpus::Corpus;
use crate::keymap::Key;
use crate::library::Library;
use crate::state::AppState;
use crate::ui;
use crate::update::{Effect, update};
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
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::time::Duration;

/// How often the loop looks at the signal flags while no event comes.
const SIGNAL_POLL: Duration = Duration::from_millis(100);

/// How long the watchdog lets the loop take to quit by itself.
const GRACE: Duration = Duration::from_millis(300);

/// Signals that end the reader.
const QUIT_SIGNALS: [i32; 4] = [SIGTERM, SIGHUP, SIGQUIT, SIGINT];

/// Flags the signal handlers and the watchdog raise for the loop.
struct Signals {
    /// The signal that ends the reader (SIGHUP for a silent hang-up), or 0.
    quit: Arc<AtomicI32>,
    suspend: Arc<AtomicBool>,
}

impl Signals {
    fn register() -> io::Result<Signals> {
        let quit = Arc::new(AtomicI32::new(0));
        let suspend = Arc::new(AtomicBool::new(false));
        signal_hook::flag::register(SIGTSTP, Arc::clone(&suspend))?;
        watch(Arc::clone(&quit))?;
        Ok(Signals { quit, suspend })
    }

    fn quitting(&self) -> Option<i32> {
        Some(self.quit.load(Ordering::Relaxed)).filter(|&s| s != 0)
    }
}

/// A thread that ends the reader on SIGTERM, SIGHUP, SIGQUIT or SIGINT, or
/// when the terminal hangs up without a signal. It asks the loop to quit;
/// if the loop does not within `GRACE` (crossterm can spin inside `poll`
/// on a hung-up terminal), it gives the terminal back and exits itself.
fn watch(quit: Arc<AtomicI32>) -> io::Result<()> {
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
    let signals = Signals::register()?;
    install_panic_hook();
    let mouse = config.mouse;
    let result = enter(mouse)
        .and_then(|()| Terminal::new(CrosstermBackend::new(io::stdout())))
        .and_then(|mut terminal| event_loop(&mut terminal, &mut state, &library, &signals, mouse));
    restore();
    // Ended by a signal: the shell's convention, 128 plus its number.
    if let Some(signal) = signals.quitting() {
        std::process::exit(128 + signal);
    }
    result
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    state: &mut AppState,
    library: &Library,
    signals: &Signals,
    mouse: bool,
) -> io::Result<()> {
    while !state.quit {
        // The size comes from the terminal before each frame, so update and
        // view agree even where no resize event came (after Ctrl-Z and fg).
        let size = terminal.size()?;
        if (size.width, size.height) != state.size {
            update(state, library, Action::Resize(size.width, size.height));
        }
        terminal.draw(|frame| ui::view(state, library, frame))?;
        let action = loop {
            if signals.quitting().is_some() {
                break Action::ForceQuit;
            }
            if signals.suspend.swap(false, Ordering::Relaxed) {
                break Action::Suspend;
            }
            // Events that mean nothing (pointer motion) do not redraw.
            if event::poll(SIGNAL_POLL)?
                && let Some(action) = to_action(state, event::read()?)
            {
                break action;
            }
        };
        for effect in update(state, library, action) {
            match effect {
                Effect::Copy(text) => copy(terminal.backend_mut(), &text)?,
                Effect::Suspend => {
                    suspend(mouse)?;
                    terminal.clear()?;
                }
            }
        }
    }
    Ok(())
}

fn to_action(state: &AppState, event: Event) -> Option<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            state.action_for(Key::from_event(key))
        }
        Event::Mouse(mouse) => {
            let (column, row) = (mouse.column, mouse.row);
            match mouse.kind {
                MouseEventKind::ScrollDown => Some(Action::ScrollAt {
                    column,
                    row,
                    down: true,
                }),
                MouseEventKind::ScrollUp => Some(Action::ScrollAt {
                    column,
                    row,
                    down: false,
                }),
                MouseEventKind::Down(MouseButton::Left) => Some(Action::ClickAt { column, row }),
                _ => None,
            }
        }
        Event::Resize(columns, rows) => Some(Action::Resize(columns, rows)),
        Event::Paste(text) if state.layers().first().is_some_and(|l| l.types()) => {
            Some(Action::Paste(text))
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
