//! The signals that end or stop the reader, and a watchdog that gives the
//! terminal back when the loop cannot, without cutting a save short.

use super::terminal::restore;
use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use std::io;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

/// How often the loop looks at the signal flags while no event comes.
pub(super) const SIGNAL_POLL: Duration = Duration::from_millis(100);

/// How long the watchdog lets the loop take to quit by itself.
pub(super) const GRACE: Duration = Duration::from_millis(300);

/// How long the watchdog lets the reader save before it exits anyway:
/// the lock waits at most two seconds for each file.
pub(super) const CLOSING: Duration = Duration::from_secs(10);

/// Signals that end the reader.
pub(super) const QUIT_SIGNALS: [i32; 4] = [SIGTERM, SIGHUP, SIGQUIT, SIGINT];

/// Flags the signal handlers and the watchdog raise for the loop.
pub(super) struct Signals {
    /// The signal that ends the reader (SIGHUP for a silent hang-up), or 0.
    quit: Arc<AtomicI32>,
    pub(super) suspend: Arc<AtomicBool>,
    /// Raised while bookmarks or positions are being saved, and from the
    /// loop's end on: the watchdog waits for a save rather than cut it.
    pub(super) saving: Arc<AtomicBool>,
    /// What to print if the reader ends now: the bookmarks a failed save
    /// keeps only in memory. The watchdog prints it if it ends the reader
    /// itself, so a signal during a slow frame loses nothing.
    pub(super) unsaved: Unsaved,
}

/// The report of bookmarks not on disk, shared with the watchdog.
pub(super) type Unsaved = Arc<Mutex<Option<String>>>;

impl Signals {
    pub(super) fn register() -> io::Result<Signals> {
        let quit = Arc::new(AtomicI32::new(0));
        let suspend = Arc::new(AtomicBool::new(false));
        let saving = Arc::new(AtomicBool::new(false));
        let unsaved = Unsaved::default();
        signal_hook::flag::register(SIGTSTP, Arc::clone(&suspend))?;
        watch(Arc::clone(&quit), Arc::clone(&saving), Arc::clone(&unsaved))?;
        Ok(Signals {
            quit,
            suspend,
            saving,
            unsaved,
        })
    }

    pub(super) fn quitting(&self) -> Option<i32> {
        Some(self.quit.load(Ordering::Relaxed)).filter(|&s| s != 0)
    }
}

/// A thread that ends the reader on SIGTERM, SIGHUP, SIGQUIT or SIGINT, or
/// when the terminal hangs up without a signal. It asks the loop to quit;
/// if the loop does not within `GRACE` (crossterm can spin inside `poll`
/// on a hung-up terminal), it gives the terminal back and exits itself;
/// unless the reader is saving or holds bookmarks not yet saved, which it
/// is given time to save (see `wait_for_saves`). Bookmarks still only in
/// memory are printed on its way out.
pub(super) fn watch(
    quit: Arc<AtomicI32>,
    saving: Arc<AtomicBool>,
    unsaved: Unsaved,
) -> io::Result<()> {
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
                    wait_for_saves(&saving, &unsaved, CLOSING);
                    restore();
                    let report = unsaved
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .take();
                    if let Some(report) = report {
                        eprintln!("{report}");
                    }
                    std::process::exit(128 + signal);
                }
                std::thread::sleep(SIGNAL_POLL);
            }
        })?;
    Ok(())
}

/// Waits, up to `limit`, while a save is under way or bookmarks are held
/// only in memory. A loop slow to see the quit flag (a loaded machine) has
/// not begun its last save when `GRACE` ends, and a bookmark that could
/// have been saved on the way out would only be printed.
fn wait_for_saves(saving: &AtomicBool, unsaved: &Unsaved, limit: Duration) {
    let held = || {
        unsaved
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_some()
    };
    let waited = Instant::now();
    while (saving.load(Ordering::Relaxed) || held()) && waited.elapsed() < limit {
        std::thread::sleep(SIGNAL_POLL);
    }
}

/// Whether the terminal on stdin has hung up.
pub(super) fn stdin_hung_up() -> bool {
    let mut fd = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd, and a zero timeout that never blocks.
    let ready = unsafe { libc::poll(&mut fd, 1, 0) };
    ready > 0 && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The loop, slow to see the quit flag, saves the bookmark it held
    /// after `GRACE`: the watchdog is still waiting when it is done.
    #[test]
    fn the_watchdog_waits_for_bookmarks_held_in_memory() {
        let saving = Arc::new(AtomicBool::new(false));
        let unsaved = Unsaved::default();
        *unsaved.lock().unwrap() = Some("1 bookmark change could not be saved".into());
        let saved = Arc::new(AtomicBool::new(false));
        let slow_loop = {
            let (saving, unsaved, saved) = (saving.clone(), unsaved.clone(), saved.clone());
            std::thread::spawn(move || {
                std::thread::sleep(GRACE);
                saving.store(true, Ordering::Relaxed);
                saved.store(true, Ordering::Relaxed);
                // Cleared under the lock, after the save the test looks for.
                *unsaved.lock().unwrap() = None;
                saving.store(false, Ordering::Relaxed);
            })
        };
        wait_for_saves(&saving, &unsaved, CLOSING);
        assert!(saved.load(Ordering::Relaxed), "the watchdog gave up first");
        slow_loop.join().unwrap();
    }
}
