//! The bookmarks file, `bookmarks.json` in nkread's data directory, and the
//! promises of DESIGN.md's "nothing lost": each change is written at once,
//! whole, under a lock, merged with what other processes wrote; a file that
//! does not parse is moved aside, never overwritten; a change that cannot
//! be written stays in memory and is written with the next one.

use super::durable;
use super::{Bookmark, Change, distinct_ids, timestamp};
use crate::corpus::clean_line;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

/// The schema version this build reads and writes.
pub const VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    bookmarks: Vec<Bookmark>,
}

/// Why the bookmarks could not be read or saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoreError {
    pub path: PathBuf,
    pub message: String,
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The reason first: a status bar cuts the end of a long line.
        write!(f, "{} ({})", self.message, self.path.display())
    }
}

/// A bookmarks file that did not parse, and where it was moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    pub to: PathBuf,
    pub reason: String,
}

impl fmt::Display for SetAside {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the bookmarks file did not parse ({}); it was moved, byte for byte, to {} and nkread starts with no bookmarks",
            self.reason,
            self.to.display()
        )
    }
}

/// What a read or a save came to: the bookmarks as this process should
/// show them, and what went wrong on the way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Synced {
    pub bookmarks: Vec<Bookmark>,
    pub set_aside: Option<SetAside>,
    pub error: Option<StoreError>,
    /// Changes kept in memory because they could not be written.
    pub unsaved: usize,
}

#[derive(Debug)]
pub struct Store {
    /// None when there is nowhere to keep them (no home directory): every
    /// change then stays unsaved, and is printed when nkread ends.
    path: Option<PathBuf>,
    /// What the file held when last read or written.
    known: Vec<Bookmark>,
    /// Changes not yet on disk, oldest first.
    pending: Vec<Change>,
}

impl Store {
    /// The store in `dir`, which is created when the first change is saved.
    pub fn new(dir: &Path) -> Store {
        Store {
            path: Some(dir.join("bookmarks.json")),
            known: Vec::new(),
            pending: Vec::new(),
        }
    }

    /// A store with no file: bookmarks live only as long as the process.
    pub fn nowhere() -> Store {
        Store {
            path: None,
            known: Vec::new(),
            pending: Vec::new(),
        }
    }

    /// `$XDG_DATA_HOME/nkread` or the platform's equivalent.
    pub fn default_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "nkread").map(|d| d.data_dir().to_path_buf())
    }

    /// Changes waiting to be written.
    pub fn unsaved(&self) -> usize {
        self.pending.len()
    }

    /// Reads the file. One that does not parse is set aside under the lock.
    pub fn load(&mut self) -> Synced {
        self.sync(None)
    }

    /// Saves `change` with any earlier unsaved ones: lock, re-read, merge,
    /// write. On failure the file is left as it was and the changes are
    /// kept for the next call.
    pub fn apply(&mut self, change: Change) -> Synced {
        self.sync(Some(change))
    }

    fn sync(&mut self, change: Option<Change>) -> Synced {
        self.pending.extend(change);
        let mut set_aside = None;
        let result = self.locked(&mut set_aside);
        let error = match result {
            Ok(on_disk) => {
                self.known = on_disk;
                None
            }
            // Unreadable or unwritable: what we know is what we had.
            Err(message) => Some(StoreError {
                path: self.path.clone().unwrap_or_else(|| PathBuf::from("~")),
                message,
            }),
        };
        let mut bookmarks = self.known.clone();
        for change in &self.pending {
            change.apply(&mut bookmarks);
        }
        Synced {
            bookmarks,
            set_aside,
            error,
            unsaved: self.pending.len(),
        }
    }

    /// Under the lock: reads the file, and writes the pending changes into
    /// it. Returns what is on disk now.
    fn locked(&mut self, set_aside: &mut Option<SetAside>) -> Result<Vec<Bookmark>, String> {
        let Some(path) = &self.path else {
            return Err("no home directory to keep bookmarks in".into());
        };
        let dir = path.parent().unwrap_or(Path::new("."));
        if self.pending.is_empty() && !dir.exists() {
            return Ok(Vec::new());
        }
        durable::ensure_dir(dir).map_err(|e| format!("cannot create the directory: {e}"))?;
        // Reading needs no lock (files are replaced whole), so a read-only
        // directory still lists its bookmarks; writing and setting aside do.
        let lock = match self.pending.is_empty() {
            true => durable::try_lock(dir),
            false => Some(durable::lock(dir).map_err(|e| format!("cannot take the lock: {e}"))?),
        };
        let path = durable::target(path);
        if lock.is_some() {
            durable::remove_stale_temps(&path);
        }
        let mut bookmarks = match durable::read(&path) {
            Ok(None) => Vec::new(),
            Ok(Some(bytes)) => match parse(&bytes) {
                Ok(mut file) => {
                    distinct_ids(&mut file.bookmarks);
                    file.bookmarks
                }
                Err(Unreadable::Newer(version)) => {
                    return Err(format!(
                        "written by a newer nkread (schema version {version}; this one reads {VERSION}); it is left untouched"
                    ));
                }
                Err(Unreadable::Invalid(reason)) => {
                    // Setting aside is a write: it waits for the lock.
                    let moved = || {
                        let _held = match lock {
                            Some(_) => None,
                            None => Some(durable::lock(dir)?),
                        };
                        durable::set_aside(&path, &now())
                    };
                    let to = moved().map_err(|e| {
                        format!(
                            "does not parse ({reason}) and cannot be moved aside ({e}); it is left untouched"
                        )
                    })?;
                    *set_aside = Some(SetAside { to, reason });
                    Vec::new()
                }
            },
            Err(e) => return Err(format!("cannot read: {e}")),
        };
        if self.pending.is_empty() {
            return Ok(bookmarks);
        }
        for change in &self.pending {
            change.apply(&mut bookmarks);
        }
        let file = File {
            version: VERSION,
            bookmarks,
        };
        let mut json = serde_json::to_vec_pretty(&file).map_err(|e| e.to_string())?;
        json.push(b'\n');
        durable::write_atomic(&path, &json).map_err(|e| format!("cannot save: {e}"))?;
        self.pending.clear();
        Ok(file.bookmarks)
    }
}

enum Unreadable {
    Newer(u32),
    Invalid(String),
}

fn parse(bytes: &[u8]) -> Result<File, Unreadable> {
    #[derive(Deserialize)]
    struct Version {
        version: u32,
    }
    if let Ok(Version { version }) = serde_json::from_slice::<Version>(bytes)
        && version > VERSION
    {
        return Err(Unreadable::Newer(version));
    }
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    serde_path_to_error::deserialize::<_, File>(de)
        .map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner();
            // The reason quotes the file, which may hold anything.
            clean_line(&match path.as_str() {
                "." | "" => inner.to_string(),
                _ => format!("{path}: {inner}"),
            })
        })
        .and_then(|file| match file.version {
            VERSION => Ok(file),
            other => Err(format!("unknown schema version {other}")),
        })
        .map_err(Unreadable::Invalid)
}

fn now() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs();
    timestamp(secs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    /// A bookmark of its own passage for each id.
    fn bookmark(id: &str) -> Bookmark {
        Bookmark {
            id: id.into(),
            doc: "doc".into(),
            paragraph: 1,
            quote: format!("passage {id}"),
            fingerprint: "0".repeat(16),
            note: String::new(),
            created: "2026-11-23T15:40:02Z".into(),
        }
    }

    #[test]
    fn a_round_trip_through_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::new(dir.path());
        assert_eq!(store.load(), Synced::default());
        store.apply(Change::Add(bookmark("a")));
        store.apply(Change::Add(bookmark("b")));
        store.apply(Change::Note {
            bookmark: Bookmark {
                note: "for the report".into(),
                ..bookmark("a")
            },
            was: String::new(),
        });
        let synced = store.apply(Change::Remove("b".into()));
        assert_eq!(synced.error, None);
        let again = Store::new(dir.path()).load();
        assert_eq!(again.bookmarks, synced.bookmarks);
        assert_eq!(again.bookmarks.len(), 1);
        assert_eq!(again.bookmarks[0].note, "for the report");
    }

    #[test]
    fn two_stores_end_with_the_union() {
        let dir = tempfile::tempdir().unwrap();
        let (mut one, mut two) = (Store::new(dir.path()), Store::new(dir.path()));
        one.apply(Change::Add(bookmark("a")));
        two.apply(Change::Add(bookmark("b")));
        let synced = one.apply(Change::Add(bookmark("c")));
        let ids: Vec<&str> = synced.bookmarks.iter().map(|b| b.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
    }

    #[test]
    fn a_corrupt_file_is_set_aside_byte_for_byte() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bookmarks.json");
        let bytes = b"{\"version\": 1, \"bookmarks\": [{\"id\": 7}]}".to_vec();
        fs::write(&path, &bytes).unwrap();
        let synced = Store::new(dir.path()).load();
        let aside = synced.set_aside.expect("set aside");
        assert!(aside.reason.contains("bookmarks[0].id"), "{}", aside.reason);
        assert_eq!(fs::read(&aside.to).unwrap(), bytes);
        assert!(synced.bookmarks.is_empty() && synced.error.is_none());
    }

    #[test]
    fn a_newer_file_is_never_touched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bookmarks.json");
        let bytes = b"{\"version\": 2, \"bookmarks\": [], \"tags\": []}".to_vec();
        fs::write(&path, &bytes).unwrap();
        let mut store = Store::new(dir.path());
        let synced = store.apply(Change::Add(bookmark("a")));
        let error = synced.error.expect("an error");
        assert!(error.message.contains("newer nkread"), "{error}");
        assert_eq!(fs::read(&path).unwrap(), bytes);
        assert_eq!(synced.bookmarks.len(), 1, "kept in memory");
        assert_eq!(store.unsaved(), 1);
    }

    #[test]
    fn a_change_that_cannot_be_written_is_kept_and_written_later() {
        let dir = tempfile::tempdir().unwrap();
        // A file where the data directory should be: nothing can be written.
        let data = dir.path().join("data");
        fs::write(&data, b"not a directory").unwrap();
        let mut store = Store::new(&data);
        let first = store.apply(Change::Add(bookmark("a")));
        assert!(first.error.is_some());
        assert_eq!(first.bookmarks.len(), 1);
        let second = store.apply(Change::Add(bookmark("b")));
        assert_eq!(second.bookmarks.len(), 2);
        assert_eq!(fs::read(&data).unwrap(), b"not a directory");
        // The way is clear again: both are written with the next change.
        fs::remove_file(&data).unwrap();
        let third = store.apply(Change::Note {
            bookmark: Bookmark {
                note: "n".into(),
                ..bookmark("a")
            },
            was: String::new(),
        });
        assert_eq!(third.error, None);
        assert_eq!(store.unsaved(), 0);
        assert_eq!(Store::new(&data).load().bookmarks, third.bookmarks);
        assert_eq!(third.bookmarks.len(), 2);
    }

    #[test]
    fn nowhere_keeps_every_change_unsaved() {
        let mut store = Store::nowhere();
        let first = store.load();
        assert!(first.error.is_some());
        store.apply(Change::Add(bookmark("a")));
        let synced = store.apply(Change::Add(bookmark("b")));
        assert_eq!(synced.bookmarks.len(), 2);
        assert_eq!(synced.unsaved, 2);
        assert_eq!(store.load().bookmarks.len(), 2, "a reload keeps them");
    }

    #[test]
    fn duplicate_ids_in_the_file_are_told_apart_and_removed_one_at_a_time() {
        let dir = tempfile::tempdir().unwrap();
        let twice = File {
            version: VERSION,
            bookmarks: vec![
                bookmark("a"),
                Bookmark {
                    note: "the second".into(),
                    ..bookmark("a")
                },
            ],
        };
        fs::write(
            dir.path().join("bookmarks.json"),
            serde_json::to_vec(&twice).unwrap(),
        )
        .unwrap();
        let mut store = Store::new(dir.path());
        let loaded = store.load().bookmarks;
        assert_eq!(loaded.len(), 2);
        assert_ne!(loaded[0].id, loaded[1].id);
        let synced = store.apply(Change::Remove("a".into()));
        assert_eq!(synced.bookmarks.len(), 1);
        assert_eq!(synced.bookmarks[0].note, "the second");
    }

    #[test]
    fn a_symlinked_file_is_written_through_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let dotfiles = dir.path().join("dotfiles");
        let data = dir.path().join("data");
        fs::create_dir_all(&dotfiles).unwrap();
        fs::create_dir_all(&data).unwrap();
        let real = dotfiles.join("bookmarks.json");
        fs::write(&real, b"{\"version\": 1, \"bookmarks\": []}").unwrap();
        std::os::unix::fs::symlink(&real, data.join("bookmarks.json")).unwrap();
        let synced = Store::new(&data).apply(Change::Add(bookmark("a")));
        assert_eq!(synced.error, None);
        let link = fs::symlink_metadata(data.join("bookmarks.json")).unwrap();
        assert!(link.file_type().is_symlink(), "the link is kept");
        assert!(fs::read_to_string(&real).unwrap().contains("\"id\": \"a\""));
    }

    #[test]
    fn why_a_file_was_set_aside_never_carries_its_escapes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bookmarks.json");
        fs::write(
            &path,
            "{\"version\": 1, \"bookmarks\": [], \"\\u001b]2;pwned\\u0007\\u202e\": 1}",
        )
        .unwrap();
        let aside = Store::new(dir.path()).load().set_aside.expect("set aside");
        assert!(aside.reason.contains("]2;pwned"), "{}", aside.reason);
        assert!(
            !aside
                .reason
                .chars()
                .any(|c| c.is_control() || c == '\u{202e}')
        );
    }
}
