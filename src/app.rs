//! The event loop: the one place that touches the terminal. It turns events
//! into actions, runs `update`, carries out its effects and draws `view`.

use crate::action::Action;
use crate::corpus::Corpus;
use crate::keymap::{Key, KeyMap, Layer};
use crate::library::Library;
use crate::state::AppState;
use crate::ui::{self, theme::Theme};
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
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How often the loop looks at the signal flags while no event comes.
const SIGNAL_POLL: Duration = Duration::from_millis(100);

/// Signals that end the reader, and the one that suspends it.
struct Signals {
    quit: Arc<AtomicBool>,
    suspend: Arc<AtomicBool>,
}

impl Signals {
    fn register() -> io::Result<Signals> {
        let quit = Arc::new(AtomicBool::new(false));
        let suspend = Arc::new(AtomicBool::new(false));
        for signal in [SIGTERM, SIGHUP, SIGQUIT, SIGINT] {
            signal_hook::flag::register(signal, Arc::clone(&quit))?;
        }
        signal_hook::flag::register(SIGTSTP, Arc::clone(&suspend))?;
        Ok(Signals { quit, suspend })
    }
}

/// Runs the reader until the person quits. The terminal is given back on
/// every way out: return, error, panic and signal.
pub fn run(corpus: Corpus) -> io::Result<()> {
    let library = Library::new(corpus);
    let theme = Theme::from_no_color(std::env::var_os("NO_COLOR").as_deref());
    let mut state = AppState::new(&library.corpus, KeyMap::default(), theme);
    let signals = Signals::register()?;
    install_panic_hook();
    enter()?;
    let result = Terminal::new(CrosstermBackend::new(io::stdout()))
        .and_then(|mut terminal| event_loop(&mut terminal, &mut state, &library, &signals));
    restore();
    result
}

fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    state: &mut AppState,
    library: &Library,
    signals: &Signals,
) -> io::Result<()> {
    let size = terminal.size()?;
    update(state, library, Action::Resize(size.width, size.height));
    while !state.quit {
        terminal.draw(|frame| ui::view(state, library, frame))?;
        let action = loop {
            if signals.quit.load(Ordering::Relaxed) {
                break Some(Action::ForceQuit);
            }
            if signals.suspend.swap(false, Ordering::Relaxed) {
                break Some(Action::Suspend);
            }
            if event::poll(SIGNAL_POLL)? {
                break to_action(state, event::read()?);
            }
            // A terminal that hung up without a SIGHUP reaching us (its
            // emulator killed) reads as endless end-of-file: leave.
            if terminal::size().is_err() {
                break Some(Action::ForceQuit);
            }
        };
        let Some(action) = action else { continue };
        for effect in update(state, library, action) {
            match effect {
                Effect::Copy(text) => copy(terminal.backend_mut(), &text)?,
                Effect::Suspend => {
                    suspend()?;
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
        Event::Paste(text) if state.layers().first() == Some(&Layer::Input) => {
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

fn enter() -> io::Result<()> {
    terminal::enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste,
        cursor::Hide
    )
}

/// Gives the terminal back. Safe to call twice and from the panic hook:
/// it ignores every error.
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

/// Ctrl-Z: give the terminal back, stop, and take it again on `fg`.
fn suspend() -> io::Result<()> {
    restore();
    // SIGTSTP is caught to get here, so stop with the uncatchable SIGSTOP.
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
    enter()
}
