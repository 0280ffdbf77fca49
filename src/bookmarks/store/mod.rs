//! The bookmarks file, `bookmarks.json` in nkread's data directory, and the
//! promises of DESIGN.md's "nothing lost": each change is written at once,
//! whole, under a lock, merged with what other processes wrote; a file that
//! does not parse is moved aside, never overwritten, and every bookmark that
//! still reads in it is kept; a change that cannot be written stays in
//! memory and is written with the next one.

use super::durable;
use super::{Bookmark, Change, distinct_ids, timestamp};
use crate::corpus::clean_line;
use salvage::{Salvaged, salvage};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The schema version this build reads and writes.
pub const VERSION: u32 = 1;

/// How many unreadable bookmarks a message names; the rest are counted.
const NAMED: usize = 10;

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
        // The reason first: a status bar cuts the end of a long line. A
        // path may hold anything, so the line is cleaned as text is.
        let line = format!("{} ({})", self.message, self.path.display());
        f.write_str(&clean_line(&line))
    }
}

/// A bookmarks file that did not parse: why, what could still be read from
/// it, and where it was moved, if it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    /// None while the file is where it was: a listing never moves it.
    pub to: Option<PathBuf>,
    pub reason: String,
    /// How many bookmarks still read, and are kept.
    pub kept: usize,
    /// How many entries did not read.
    pub lost: usize,
    /// The first of those, at most `NAMED`: "line 12: id: invalid type …".
    pub named: Vec<String>,
}

impl fmt::Display for SetAside {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kept = match self.kept {
            1 => "1 bookmark".to_string(),
            n => format!("{n} bookmarks"),
        };
        let mut line = match &self.to {
            Some(to) => format!(
                "the bookmarks file did not parse ({}); {kept} in it still read and are kept; \
                 it was moved, byte for byte, to {}",
                self.reason,
                to.display()
            ),
            None => format!(
                "the bookmarks file did not parse ({}); {kept} in it still read; \
                 it stays as it is until a change is saved, which moves it aside byte for byte",
                self.reason
            ),
        };
        // Counted even when none is lost: the count is what says so.
        line.push_str(&format!("; {} did not read", self.lost));
        if !self.named.is_empty() {
            line.push_str(&format!(": {}", self.named.join("; ")));
        }
        if self.lost > self.named.len() {
            line.push_str(&format!("; and {} more", self.lost - self.named.len()));
        }
        f.write_str(&clean_line(&line))
    }
}

/// A file set aside in which bookmarks still read, found when there are
/// none to list: "no bookmarks" would say they are gone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeldAside {
    /// The file set aside.
    pub aside: PathBuf,
    /// The bookmarks file, which it may be moved back to.
    pub file: PathBuf,
    /// How many bookmarks still read in it.
    pub count: usize,
}

impl fmt::Display for HeldAside {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = match self.count {
            1 => "1 bookmark".to_string(),
            n => format!("{n} bookmarks"),
        };
        let line = format!(
            "no bookmarks in {file}, but {count} still read in {aside}, set aside, byte for byte, \
             when it did not parse: move it back to {file} to have them listed again",
            file = self.file.display(),
            aside = self.aside.display()
        );
        f.write_str(&clean_line(&line))
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
    /// A file set aside after the last good save (a save that failed or
    /// was killed once it had moved the file): its bookmarks are not in
    /// `bookmarks`. Only `read` looks for one.
    pub set_aside_since_save: Option<PathBuf>,
    /// Looked for only when `bookmarks` is empty.
    pub held_aside: Option<HeldAside>,
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

/// What a sync may do on disk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Read only: no lock, nothing moved or created.
    Read,
    /// Read, and set aside a file that does not parse (under the lock).
    Load,
    /// Write the pending changes (under the lock).
    Save,
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

    /// Reads the file and changes nothing on disk: no lock is taken or
    /// created, and a file that does not parse stays where it is (with the
    /// bookmarks that still read in it). For listings.
    pub fn read(&mut self) -> Synced {
        let mut synced = self.sync(Mode::Read);
        if let Some(path) = &self.path {
            synced.set_aside_since_save = set_aside_since_save(path);
        }
        synced
    }

    /// Reads the file for a session that will write: one that does not
    /// parse is set aside under the lock, and the bookmarks that still read
    /// in it are written in its place.
    pub fn load(&mut self) -> Synced {
        self.sync(Mode::Load)
    }

    /// Saves `change` with any earlier unsaved ones: lock, re-read, merge,
    /// write. On failure the file is left as it was and the changes are
    /// kept for the next call.
    pub fn apply(&mut self, change: Change) -> Synced {
        self.pending.push(change);
        self.sync(Mode::Save)
    }

    fn sync(&mut self, mode: Mode) -> Synced {
        let mut set_aside = None;
        let error = match self.locked(mode, &mut set_aside) {
            Ok(()) => None,
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
        let held_aside = match bookmarks.is_empty() {
            true => self.path.as_deref().and_then(held_aside),
            false => None,
        };
        Synced {
            bookmarks,
            set_aside,
            error,
            unsaved: self.pending.len(),
            set_aside_since_save: None,
            held_aside,
        }
    }

    /// Reads the file, and under the lock writes the pending changes into
    /// it (and sets it aside if it does not parse). `known` is left as what
    /// was read.
    fn locked(&mut self, mode: Mode, set_aside: &mut Option<SetAside>) -> Result<(), String> {
        let Some(path) = self.path.clone() else {
            return Err("no home directory to keep bookmarks in".into());
        };
        let dir = path.parent().unwrap_or(Path::new("."));
        let changes = mode != Mode::Read && !self.pending.is_empty();
        let mut write = changes;
        if !write && !dir.exists() {
            return Ok(());
        }
        let target = durable::resolve(&path).map_err(|e| format!("cannot follow the link: {e}"))?;
        // Reading needs no lock (files are replaced whole), so a read-only
        // directory still lists its bookmarks; writing and setting aside
        // do, and decide on what they read under it.
        let mut lock = None;
        let (bookmarks, aside) = loop {
            if write && lock.is_none() {
                durable::ensure_dir(dir)
                    .map_err(|e| format!("cannot create the directory: {e}"))?;
                lock = Some(durable::lock(dir).map_err(|e| format!("cannot take the lock: {e}"))?);
                durable::remove_stale_temps(&target);
            }
            let Some(bytes) =
                durable::read(&target).map_err(|e| format!("cannot read: {}", why(&e)))?
            else {
                break (Vec::new(), None);
            };
            let broken = match parse(&bytes) {
                Parsed::Good(bookmarks) => break (bookmarks, None),
                Parsed::Newer(version) => {
                    return Err(format!(
                        "written by a newer nkread (schema version {version}; this one reads {VERSION}); it is left untouched"
                    ));
                }
                Parsed::Broken(broken) => broken,
            };
            self.known.clone_from(&broken.read.kept);
            let unmoved = broken.told(None);
            if let Err(why) = durable::mine_in(&target, dir) {
                // Read, it is still listed with what reads in it; it is
                // never moved, so nothing is written over it either.
                return match write || mode == Mode::Load {
                    true => Err(format!(
                        "does not parse ({}), and {why}, so nkread leaves it as it is: \
                         fix it or move it away ({} bookmarks in it still read)",
                        broken.reason, unmoved.kept
                    )),
                    false => {
                        *set_aside = Some(unmoved);
                        Ok(())
                    }
                };
            }
            match (mode, lock.is_some()) {
                (Mode::Read, _) => {
                    *set_aside = Some(unmoved);
                    return Ok(());
                }
                // Read again under the lock: another nkread may have set
                // it aside and saved a good file meanwhile.
                (_, false) => write = true,
                (_, true) => break (broken.read.kept.clone(), Some((bytes, broken))),
            }
        };
        if !changes && aside.is_none() {
            self.known = bookmarks;
            return Ok(());
        }
        let mut bookmarks = bookmarks;
        for change in &self.pending {
            change.apply(&mut bookmarks);
        }
        let file = File {
            version: VERSION,
            bookmarks,
        };
        let mut json = serde_json::to_vec_pretty(&file).map_err(|e| e.to_string())?;
        json.push(b'\n');
        // The set-aside's name is stamped before the new file is written:
        // a slow fsync must not make the name later than the save's own
        // time, or a listing says the file was set aside after the save.
        let stamp = now_stamp();
        let temp = durable::write_temp(&target, &json, durable::PRIVATE)
            .map_err(|e| format!("cannot save: {}", why(&e)))?;
        if let Some((bytes, broken)) = aside {
            // Only the bytes read are moved: a file that changed since is
            // some other writer's, and is left to it.
            let to = match durable::read(&target) {
                Ok(Some(now)) if now == bytes => durable::set_aside(&target, &stamp)
                    .map_err(|e| format!("cannot be moved aside ({e})")),
                _ => Err("changed while it was being read; nothing was moved".into()),
            };
            let to = to.map_err(|e| {
                let _ = fs::remove_file(&temp);
                format!(
                    "does not parse ({}) and {e}; it is left untouched",
                    broken.reason
                )
            })?;
            *set_aside = Some(broken.told(Some(to)));
        }
        durable::commit(&temp, &target).map_err(|e| format!("cannot save: {}", why(&e)))?;
        self.pending.clear();
        self.known = file.bookmarks;
        Ok(())
    }
}

/// An I/O error as a person reads it.
fn why(e: &io::Error) -> String {
    match e.raw_os_error() {
        Some(libc::EFBIG) => format!("{e}: the file-size limit (ulimit -f) is reached"),
        _ => e.to_string(),
    }
}

/// What the bytes of a bookmarks file come to.
enum Parsed {
    Good(Vec<Bookmark>),
    /// Written by a newer nkread: never read or written by this one.
    Newer(u32),
    Broken(Broken),
}

struct Broken {
    reason: String,
    /// What still read in it, and what did not.
    read: Salvaged,
}

impl Broken {
    /// What is told of it, once moved `to` or while where it was.
    fn told(&self, to: Option<PathBuf>) -> SetAside {
        SetAside {
            to,
            reason: self.reason.clone(),
            kept: self.read.kept.len(),
            lost: self.read.lost,
            named: self.read.named.clone(),
        }
    }
}

fn parse(bytes: &[u8]) -> Parsed {
    #[derive(Deserialize)]
    struct Version {
        version: u32,
    }
    // A byte-order mark is accepted, as in corpus and config files.
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Ok(Version { version }) = serde_json::from_slice::<Version>(bytes)
        && version > VERSION
    {
        return Parsed::Newer(version);
    }
    let de = &mut serde_json::Deserializer::from_slice(bytes);
    let strict = serde_path_to_error::deserialize::<_, File>(&mut *de)
        .map_err(described)
        // Anything after the JSON value (a second one pasted after it) is
        // a file that does not parse, not one to read the start of.
        .and_then(|file| {
            de.end()
                .map(|()| file)
                .map_err(|e| clean_line(&e.to_string()))
        })
        .and_then(|file| match file.version {
            VERSION => Ok(file),
            other => Err(format!("unknown schema version {other}")),
        });
    match strict {
        Ok(mut file) => {
            distinct_ids(&mut file.bookmarks);
            Parsed::Good(file.bookmarks)
        }
        Err(reason) => Parsed::Broken(Broken {
            reason,
            read: salvage(bytes),
        }),
    }
}

/// A parse error with the field it is in. serde_path_to_error names a key
/// it could not read `?`, which says nothing: it is left out.
fn described(e: serde_path_to_error::Error<serde_json::Error>) -> String {
    let path = e.path().to_string();
    let path = path.trim_end_matches('?').trim_end_matches('.');
    let inner = e.into_inner();
    // The reason quotes the file, which may hold anything.
    clean_line(&match path {
        "" => inner.to_string(),
        _ => format!("{path}: {inner}"),
    })
}

/// How far a file's time may lag the clock that names a file set aside:
/// Linux stamps files from a clock a tick behind, FAT to two seconds. A
/// save just after its own set-aside must not look older than it.
const FILE_TIME_LAG: Duration = Duration::from_secs(2);

/// The newest file set aside beside `path` after `path` was last saved:
/// one whose time, in its name, is later than the file's (give or take
/// [`FILE_TIME_LAG`]), or any when there is no file.
fn set_aside_since_save(path: &Path) -> Option<PathBuf> {
    let target = durable::resolve(path).ok()?;
    let saved = fs::metadata(&target)
        .and_then(|m| m.modified())
        .ok()
        .map(|t| {
            let t = t.duration_since(UNIX_EPOCH).unwrap_or_default() + FILE_TIME_LAG;
            durable::compact(&timestamp(t.as_secs()))
        });
    set_aside_files(&target)
        .into_iter()
        .filter(|(stamp, _)| saved.as_ref().is_none_or(|saved| stamp > saved))
        .max()
        .map(|(_, path)| path)
}

/// The newest file set aside beside `path` in which bookmarks still read.
fn held_aside(path: &Path) -> Option<HeldAside> {
    let file = durable::resolve(path).ok()?;
    let mut files = set_aside_files(&file);
    files.sort_unstable();
    files.into_iter().rev().find_map(|(_, aside)| {
        let count = match parse(&durable::read(&aside).ok()??) {
            Parsed::Good(bookmarks) => bookmarks.len(),
            Parsed::Broken(broken) => broken.read.kept.len(),
            Parsed::Newer(_) => 0,
        };
        (count > 0).then(|| HeldAside {
            aside,
            file: file.clone(),
            count,
        })
    })
}

/// The files set aside beside `target`, each with the time in its name.
/// The times are of one fixed width: their order is the time's.
fn set_aside_files(target: &Path) -> Vec<(String, PathBuf)> {
    let (Some(dir), Some(name)) = (target.parent(), target.file_name()) else {
        return Vec::new();
    };
    let prefix = format!("{}.corrupt-", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let stamp = name.strip_prefix(&prefix)?.get(..16)?.to_string();
            Some((stamp, entry.path()))
        })
        .collect()
}

fn now_stamp() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs();
    timestamp(secs)
}

mod salvage;
#[cfg(test)]
mod tests;
