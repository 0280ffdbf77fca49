//! Taking the terminal and giving it back, on every way out; the clipboard
//! through OSC 52.

use base64::Engine;
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::terminal::{EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute, terminal};
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Whether the reader's screen is up: taken by `enter`, given back by
/// `restore`. Before it, only the keys are held (`hold_keys`), and a way
/// out leaves no alternate screen it never entered.
static SCREEN: AtomicBool = AtomicBool::new(false);

/// Puts `text` on the clipboard with OSC 52, which terminals, tmux and SSH
/// pass on. Inside tmux it is also wrapped for passthrough, for tmux set to
/// `allow-passthrough` rather than `set-clipboard`.
pub(super) fn copy(out: &mut impl Write, text: &str) -> io::Result<()> {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    let osc = format!("\x1b]52;c;{encoded}\x07");
    out.write_all(osc.as_bytes())?;
    if std::env::var_os("TMUX").is_some() {
        let escaped = osc.replace('\x1b', "\x1b\x1b");
        write!(out, "\x1bPtmux;{escaped}\x1b\\")?;
    }
    out.flush()
}

/// `text` as an OSC 8 hyperlink to `url`. The url comes from the `url`
/// crate, printable ASCII; the text was cleaned when the corpus loaded.
pub(super) fn hyperlink(url: &str, text: &str) -> String {
    format!("\x1b]8;;{url}\x1b\\{text}\x1b]8;;\x1b\\")
}

/// Writes each link's text again over the frame just drawn, as the same
/// text inside a hyperlink, and puts the cursor back where the frame
/// left it (DECSC, DECRC).
pub(super) fn write_links(
    out: &mut impl Write,
    links: &[crate::tui::view::Link],
) -> io::Result<()> {
    if links.is_empty() {
        return Ok(());
    }
    execute!(out, cursor::SavePosition)?;
    for link in links {
        execute!(out, cursor::MoveTo(link.x, link.y))?;
        out.write_all(hyperlink(&link.url, &link.text).as_bytes())?;
    }
    execute!(out, cursor::RestorePosition)?;
    out.flush()
}

/// Whether the terminal is one to send hyperlinks to: a terminal that does
/// not know OSC 8 ignores it, but a dumb one (TERM=dumb, or no TERM) may
/// print it. NO_COLOR is about colour and leaves links alone.
pub(super) fn takes_links(term: Option<&std::ffi::OsStr>) -> bool {
    term.is_some_and(|t| !t.is_empty() && t != "dumb")
}

/// Takes the keys before the reader's screen, while the corpus is read
/// (see `app::take_keys`): raw mode, so that they are neither echoed nor
/// edited by the terminal, but for the output, which stays the shell's (a
/// message's line break still starts a line), and for Ctrl-C, `Ctrl-\` and
/// Ctrl-Z, which still raise their signals.
pub(super) fn hold_keys() -> io::Result<()> {
    let shell = attributes()?;
    terminal::enable_raw_mode()?;
    let held = attributes().and_then(|mut held| {
        held.c_oflag = shell.c_oflag;
        held.c_lflag |= shell.c_lflag & libc::ISIG;
        set_attributes(&held)
    });
    // Failing halfway, the terminal is given back as it was.
    if held.is_err() {
        let _ = terminal::disable_raw_mode();
    }
    held
}

/// The terminal's attributes (termios), of stdin: the reader runs only
/// where it is a terminal.
fn attributes() -> io::Result<libc::termios> {
    // SAFETY: a termios zeroed, then filled by tcgetattr, which only
    // writes it.
    let mut termios = unsafe { std::mem::zeroed::<libc::termios>() };
    match unsafe { libc::tcgetattr(libc::STDIN_FILENO, &mut termios) } {
        0 => Ok(termios),
        _ => Err(io::Error::last_os_error()),
    }
}

fn set_attributes(termios: &libc::termios) -> io::Result<()> {
    // SAFETY: a termios read by tcgetattr; TCSANOW keeps the keys typed.
    match unsafe { libc::tcsetattr(libc::STDIN_FILENO, libc::TCSANOW, termios) } {
        0 => Ok(()),
        _ => Err(io::Error::last_os_error()),
    }
}

/// Takes the terminal: raw mode, the alternate screen, and the mouse if
/// the configuration lets the reader have it.
pub(super) fn enter(mouse: bool) -> io::Result<()> {
    terminal::enable_raw_mode()?;
    // Raw mode whole where the keys were held: the reader reads Ctrl-C and
    // Ctrl-Z as keys (enable_raw_mode left the mode it found alone).
    let mut raw = attributes()?;
    // SAFETY: cfmakeraw only changes the termios it is given.
    unsafe { libc::cfmakeraw(&mut raw) };
    set_attributes(&raw)?;
    SCREEN.store(true, Ordering::SeqCst);
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
/// taken, which costs nothing. The screen is left only if it was entered:
/// leaving an alternate screen never entered moves the cursor in xterm,
/// and the shell's prompt would land on its old output.
pub(super) fn restore() {
    let _ = terminal::disable_raw_mode();
    if SCREEN.swap(false, Ordering::SeqCst) {
        let _ = execute!(
            io::stdout(),
            DisableMouseCapture,
            DisableBracketedPaste,
            LeaveAlternateScreen,
            cursor::Show
        );
    }
}

/// On a panic of the reader's own thread, the terminal is given back before
/// the message is printed. An index builder's panic is caught on its
/// thread and said in the status bar: printed here, it would land on the
/// reader's screen, and restoring would take the terminal from under it.
/// Before the screen is up (the corpus being read), another thread's
/// panic is printed as it would be without the reader.
pub(super) fn install_panic_hook() {
    let previous = std::panic::take_hook();
    let reader = std::thread::current().id();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().id() == reader {
            restore();
            previous(info);
        } else if !SCREEN.load(Ordering::SeqCst) {
            previous(info);
        }
    }));
}

/// Ctrl-Z (a key in raw mode) or SIGTSTP: give the terminal back, stop,
/// and take it again on `fg`.
pub(super) fn suspend(mouse: bool) -> io::Result<()> {
    restore();
    // SIGTSTP is caught, so stop with the uncatchable SIGSTOP.
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
    enter(mouse)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_is_its_text_inside_osc_8_and_a_dumb_terminal_gets_none() {
        assert_eq!(
            hyperlink("https://example.org/a%20b", "example.org/a b"),
            "\x1b]8;;https://example.org/a%20b\x1b\\example.org/a b\x1b]8;;\x1b\\"
        );
        assert!(takes_links(Some("xterm-256color".as_ref())));
        assert!(!takes_links(Some("dumb".as_ref())));
        assert!(!takes_links(Some("".as_ref())));
        assert!(!takes_links(None));
    }

    #[test]
    fn links_are_written_at_their_cells_and_the_cursor_put_back() {
        let link = crate::tui::view::Link {
            x: 5,
            y: 3,
            text: "example.org/a".into(),
            url: "https://example.org/a".into(),
        };
        let mut out = Vec::new();
        write_links(&mut out, &[link]).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\x1b7\x1b[4;6H\x1b]8;;https://example.org/a\x1b\\example.org/a\x1b]8;;\x1b\\\x1b8"
        );
        let mut none = Vec::new();
        write_links(&mut none, &[]).unwrap();
        assert!(none.is_empty());
    }
}
