//! What the reader keeps on disk: the bookmarks, saved at once, and the
//! reading positions, once they stop changing.

use super::signals::Unsaved;
use crate::bookmarks::Bookmark;
use crate::bookmarks::{Change, Positions, Store, Synced};
use crate::library::Library;
use crate::tui::msg::Msg;
use crate::tui::state::AppState;
use std::io;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, PoisonError};
use std::time::{Duration, Instant};

/// How long reading positions wait, unchanged, before they are saved.
pub(super) const POSITIONS_SETTLE: Duration = Duration::from_secs(1);

/// What the reader keeps on disk: the bookmarks, and the reading positions
/// once they have stopped changing for a moment.
pub(super) struct Kept {
    dir: Option<PathBuf>,
    store: Store,
    /// The positions as last read or saved.
    pub(super) positions: Positions,
    /// Since when the positions on screen differ from those saved.
    moved_since: Option<Instant>,
    /// Raised while saving; see `Signals::saving`.
    saving: Arc<AtomicBool>,
    /// See `Signals::unsaved`.
    unsaved: Unsaved,
}

impl Kept {
    pub(super) fn open(dir: Option<PathBuf>, saving: Arc<AtomicBool>, unsaved: Unsaved) -> Kept {
        Kept {
            store: dir.as_deref().map_or_else(Store::nowhere, Store::new),
            positions: dir.as_deref().map(Positions::load).unwrap_or_default(),
            dir,
            moved_since: None,
            saving,
            unsaved,
        }
    }

    /// Saves a change, or reads the file again when there is none.
    pub(super) fn sync(&mut self, change: Option<Change>) -> Synced {
        let synced = while_saving(&self.saving, || match change {
            Some(change) => self.store.apply(change),
            None => self.store.load(),
        });
        let report = match (&synced.error, synced.unsaved) {
            (Some(error), n) if n > 0 => Some(report(n, error, &synced.bookmarks)),
            _ => None,
        };
        *self.unsaved.lock().unwrap_or_else(PoisonError::into_inner) = report;
        synced
    }

    /// Notes whether the reading positions moved, and saves them once
    /// they have been still for `POSITIONS_SETTLE`, or `now` if asked.
    pub(super) fn keep_positions(&mut self, state: &AppState, library: &Library, now: bool) {
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
    pub(super) fn close(
        &mut self,
        state: &AppState,
        library: &Library,
        panicked: bool,
    ) -> io::Result<()> {
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
        let n = store.unsaved();
        eprintln!("{}", report(n, &error, &state.bookmarks));
        // Printed: the watchdog must not print it again.
        *self.unsaved.lock().unwrap_or_else(PoisonError::into_inner) = None;
        Err(io::Error::other(format!(
            "{} could not be saved (printed above)",
            changes(n)
        )))
    }
}

fn changes(n: usize) -> String {
    match n {
        1 => "1 bookmark change".to_string(),
        n => format!("{n} bookmark changes"),
    }
}

/// What is printed of bookmarks that could not be saved: all of them, so
/// that none is lost.
fn report(n: usize, error: &impl std::fmt::Display, bookmarks: &[Bookmark]) -> String {
    let json = serde_json::to_string_pretty(bookmarks).unwrap_or_default();
    format!(
        "nkread: {} could not be saved: {error}\n\
         Every bookmark this session knew of follows, so none is lost:\n{json}",
        changes(n)
    )
}

/// Runs a save with `saving` raised, so the watchdog waits for it, then
/// puts the flag back as it was (raised for good once the reader closes).
pub(super) fn while_saving<T>(saving: &AtomicBool, save: impl FnOnce() -> T) -> T {
    let was = saving.swap(true, Ordering::Relaxed);
    let done = save();
    saving.store(was, Ordering::Relaxed);
    done
}

/// What went wrong reading or saving the bookmarks, in a line.
pub(super) fn problem(synced: &Synced) -> Option<String> {
    let mut problems = Vec::new();
    if let Some(aside) = &synced.set_aside {
        problems.push(aside.to_string());
    }
    if let Some(held) = &synced.held_aside {
        problems.push(held.to_string());
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

pub(super) fn synced(synced: Synced) -> Msg {
    Msg::Synced {
        problem: problem(&synced),
        held_aside: synced.held_aside.map(|held| held.to_string()),
        bookmarks: synced.bookmarks,
    }
}

/// Writes an export of the bookmarks to a new file in the current
/// directory, `nkread-bookmarks-YYYYMMDDTHHMMSSZ.md`, never over another
/// file; returns where, or why not.
pub(super) fn export(markdown: &str, when: &str) -> Result<String, String> {
    use std::io::Write;
    let compact: String = when.chars().filter(|c| !matches!(c, '-' | ':')).collect();
    for n in 1..100 {
        let name = match n {
            1 => format!("nkread-bookmarks-{compact}.md"),
            n => format!("nkread-bookmarks-{compact}-{n}.md"),
        };
        let file = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&name);
        match file {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(format!("{e} ({name})")),
            Ok(mut file) => {
                let written = file
                    .write_all(markdown.as_bytes())
                    .and_then(|()| file.sync_all());
                return match written {
                    Ok(()) => {
                        let path = std::env::current_dir()
                            .map_or_else(|_| name.clone().into(), |d| d.join(&name));
                        Ok(crate::corpus::clean_line(&path.display().to_string()))
                    }
                    Err(e) => {
                        // A part of an export is no export.
                        let _ = std::fs::remove_file(&name);
                        Err(format!("{e} ({name})"))
                    }
                };
            }
        }
    }
    Err("too many exports made this second".to_string())
}
