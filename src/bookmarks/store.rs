//! The bookmarks file, `bookmarks.json` in nkread's data directory, and the
//! promises of DESIGN.md's "nothing lost": each change is written at once,
//! whole, under a lock, merged with what other processes wrote; a file that
//! does not parse is moved aside, never overwritten, and every bookmark that
//! still reads in it is kept; a change that cannot be written stays in
//! memory and is written with the next one.

use super::durable;
use super::{Bookmark, Change, distinct_ids, timestamp};
use crate::corpus::clean_line;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

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
    /// Each bookmark that did not read: "line 12: id: invalid type …".
    pub lost: Vec<String>,
}

impl fmt::Display for SetAside {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kept = match self.kept {
            1 => "1 bookmark".to_string(),
            n => format!("{n} bookmarks"),
        };
        let mut line = match &self.to {
            Some(to) => format!(
                "the bookmarks file did not parse ({}); it was moved, byte for byte, to {}; \
                 {kept} in it still read and are kept",
                self.reason,
                to.display()
            ),
            None => format!(
                "the bookmarks file did not parse ({}); {kept} in it still read; \
                 it stays as it is until a change is saved, which moves it aside byte for byte",
                self.reason
            ),
        };
        if !self.lost.is_empty() {
            let named = self.lost.iter().take(NAMED).cloned().collect::<Vec<_>>();
            line.push_str(&format!(
                "; {} did not read: {}",
                self.lost.len(),
                named.join("; ")
            ));
            if self.lost.len() > NAMED {
                line.push_str(&format!("; and {} more", self.lost.len() - NAMED));
            }
        }
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
        Synced {
            bookmarks,
            set_aside,
            error,
            unsaved: self.pending.len(),
            set_aside_since_save: None,
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
            self.known.clone_from(&broken.salvaged);
            let unmoved = SetAside {
                to: None,
                reason: broken.reason.clone(),
                kept: broken.salvaged.len(),
                lost: broken.lost.clone(),
            };
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
                (_, true) => break (broken.salvaged.clone(), Some((bytes, broken))),
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
        let temp =
            durable::write_temp(&target, &json).map_err(|e| format!("cannot save: {}", why(&e)))?;
        if let Some((bytes, broken)) = aside {
            // Only the bytes read are moved: a file that changed since is
            // some other writer's, and is left to it.
            let to = match durable::read(&target) {
                Ok(Some(now)) if now == bytes => durable::set_aside(&target, &now_stamp())
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
            *set_aside = Some(SetAside {
                to: Some(to),
                reason: broken.reason,
                kept: broken.salvaged.len(),
                lost: broken.lost,
            });
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
    /// The bookmarks that still read.
    salvaged: Vec<Bookmark>,
    /// Those that did not, with their line.
    lost: Vec<String>,
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
        Err(reason) => {
            let (salvaged, lost) = salvage(bytes);
            Parsed::Broken(Broken {
                reason,
                salvaged,
                lost,
            })
        }
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

/// Every bookmark that still reads in a file that does not parse, and a
/// line for each one that does not. Each JSON value in the file is read in
/// turn, so a second object pasted after the first loses neither.
fn salvage(bytes: &[u8]) -> (Vec<Bookmark>, Vec<String>) {
    #[derive(Deserialize)]
    struct Loose<'a> {
        #[serde(borrow, default)]
        bookmarks: Vec<&'a RawValue>,
    }
    let text = String::from_utf8_lossy(bytes);
    // Where a byte was not UTF-8, the text read is not the file's.
    let altered = matches!(text, std::borrow::Cow::Owned(_));
    let (mut kept, mut lost) = (Vec::new(), Vec::new());
    let mut seen = HashSet::new();
    // Lines are counted on from the last entry, so salvage stays linear.
    let (mut at, mut line) = (0, 1);
    let values = serde_json::Deserializer::from_str(&text).into_iter::<Loose>();
    for value in values.map_while(Result::ok) {
        for raw in value.bookmarks {
            let start = raw.get().as_ptr() as usize - text.as_ptr() as usize;
            line += text[at..start].matches('\n').count();
            at = start;
            let read = match altered && raw.get().contains('\u{fffd}') {
                true => Err(format!("line {line}: not valid UTF-8")),
                false => read_one(raw.get(), line),
            };
            match read {
                Ok(bookmark) if seen.insert(bookmark.clone()) => kept.push(bookmark),
                // The same bookmark twice (a file pasted after itself).
                Ok(_) => {}
                Err(why) => lost.push(why),
            }
        }
    }
    distinct_ids(&mut kept);
    (kept, lost)
}

/// One bookmark from its JSON, which starts at `line` of the file.
fn read_one(json: &str, line: usize) -> Result<Bookmark, String> {
    let de = &mut serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let path = path.trim_end_matches('?').trim_end_matches('.').to_string();
        let inner = e.into_inner();
        // The error's position is in the entry; the line is the file's.
        let at = line + inner.line().saturating_sub(1);
        let text = inner.to_string();
        let suffix = format!(" at line {} column {}", inner.line(), inner.column());
        let text = text.strip_suffix(&suffix).unwrap_or(&text);
        clean_line(&match path.as_str() {
            "" => format!("line {at}: {text}"),
            _ => format!("line {at}: {path}: {text}"),
        })
    })
}

/// The newest file set aside beside `path` after `path` was last saved:
/// one whose time, in its name, is later than the file's, or any when
/// there is no file.
fn set_aside_since_save(path: &Path) -> Option<PathBuf> {
    let target = durable::resolve(path).ok()?;
    let saved = fs::metadata(&target)
        .and_then(|m| m.modified())
        .ok()
        .map(|t| {
            durable::compact(&timestamp(
                t.duration_since(UNIX_EPOCH).unwrap_or_default().as_secs(),
            ))
        });
    let dir = target.parent()?;
    let prefix = format!("{}.corrupt-", target.file_name()?.to_string_lossy());
    fs::read_dir(dir)
        .ok()?
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let stamp = name.strip_prefix(&prefix)?.get(..16)?.to_string();
            // The stamps are of one fixed width: their order is the time's.
            (saved.as_ref().is_none_or(|saved| stamp > *saved)).then(|| (stamp, entry.path()))
        })
        .max()
        .map(|(_, path)| path)
}

fn now_stamp() -> String {
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
        assert_eq!(fs::read(aside.to.as_ref().unwrap()).unwrap(), bytes);
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

    /// The file `bookmarks` makes, as JSON text, one bookmark to a line.
    fn file_of(ids: &[&str]) -> String {
        let lines: Vec<String> = ids
            .iter()
            .map(|id| serde_json::to_string(&bookmark(id)).unwrap())
            .collect();
        format!(
            "{{\"version\": 1, \"bookmarks\": [\n{}\n]}}\n",
            lines.join(",\n")
        )
    }

    fn ids(bookmarks: &[Bookmark]) -> Vec<&str> {
        bookmarks.iter().map(|b| b.id.as_str()).collect()
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn content_after_the_json_value_is_a_file_that_does_not_parse() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bookmarks.json");
        // A sync conflict: two files one after the other.
        let bytes = format!("{}{}", file_of(&["a"]), file_of(&["b"]));
        fs::write(&path, &bytes).unwrap();
        let read = Store::new(dir.path()).read();
        let aside = read.set_aside.expect("said not to parse");
        assert!(aside.reason.contains("trailing characters"), "{aside}");
        assert_eq!(ids(&read.bookmarks), ["a", "b"], "both halves still read");
        assert_eq!(
            names(dir.path()),
            ["bookmarks.json"],
            "a read moves nothing"
        );
        let saved = Store::new(dir.path()).apply(Change::Add(bookmark("c")));
        assert_eq!(saved.error, None);
        let to = saved.set_aside.and_then(|a| a.to).expect("set aside");
        assert_eq!(fs::read_to_string(&to).unwrap(), bytes);
        let again = Store::new(dir.path()).read();
        assert_eq!(ids(&again.bookmarks), ["a", "b", "c"]);
        assert_eq!((again.set_aside, again.set_aside_since_save), (None, None));
    }

    #[test]
    fn one_bad_entry_loses_only_itself_and_is_named_with_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bookmarks.json");
        let text = file_of(&["a", "b", "c"]).replace("\"id\":\"b\"", "\"id\":7");
        fs::write(&path, &text).unwrap();
        let read = Store::new(dir.path()).read();
        assert_eq!(ids(&read.bookmarks), ["a", "c"]);
        let aside = read.set_aside.expect("said not to parse");
        assert_eq!(aside.kept, 2);
        assert_eq!(aside.lost.len(), 1);
        assert!(
            aside.lost[0].starts_with("line 3: id: invalid type: integer `7`"),
            "{:?}",
            aside.lost
        );
        let said = aside.to_string();
        assert!(said.contains("2 bookmarks in it still read"), "{said}");
        assert!(said.contains("1 did not read: line 3: id"), "{said}");
    }

    #[test]
    fn a_key_that_is_not_a_string_is_said_plainly() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("bookmarks.json"), "{\"version\": 1, 7: 1}").unwrap();
        let aside = Store::new(dir.path()).read().set_aside.expect("set aside");
        assert_eq!(aside.reason, "key must be a string at line 1 column 16");
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let dir = tempfile::tempdir().unwrap();
        let text = format!("\u{feff}{}", file_of(&["a"]));
        fs::write(dir.path().join("bookmarks.json"), text).unwrap();
        let read = Store::new(dir.path()).load();
        assert_eq!((read.set_aside, read.error), (None, None));
        assert_eq!(ids(&read.bookmarks), ["a"]);
    }

    #[test]
    fn a_read_never_moves_locks_or_creates_anything() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("bookmarks.json"), b"not json").unwrap();
        let read = Store::new(dir.path()).read();
        assert!(read.set_aside.is_some_and(|a| a.to.is_none()));
        assert_eq!(names(dir.path()), ["bookmarks.json"]);
    }

    #[test]
    fn a_file_set_aside_is_decided_under_the_lock_on_what_is_there_then() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bookmarks.json");
        fs::write(&path, b"{\"version\": 1, \"book").unwrap();
        // Another nkread holds the lock: it will set the file aside and
        // save a good one before letting go.
        let held = durable::lock(dir.path()).unwrap();
        let reader = {
            let dir = dir.path().to_path_buf();
            std::thread::spawn(move || Store::new(&dir).load())
        };
        std::thread::sleep(std::time::Duration::from_millis(300));
        let good = file_of(&["theirs"]);
        fs::rename(
            &path,
            dir.path().join("bookmarks.json.corrupt-20260101T000000Z"),
        )
        .unwrap();
        fs::write(&path, &good).unwrap();
        drop(held);
        let loaded = reader.join().unwrap();
        assert_eq!(loaded.error, None);
        assert_eq!(loaded.set_aside, None, "{:?}", loaded.set_aside);
        assert_eq!(ids(&loaded.bookmarks), ["theirs"]);
        assert_eq!(fs::read_to_string(&path).unwrap(), good, "their file stays");
    }

    #[test]
    fn a_linked_file_outside_the_data_directory_is_never_moved() {
        let dir = tempfile::tempdir().unwrap();
        let (data, elsewhere) = (dir.path().join("data"), dir.path().join("etc"));
        fs::create_dir_all(&data).unwrap();
        fs::create_dir_all(&elsewhere).unwrap();
        let passwd = elsewhere.join("passwd");
        fs::write(&passwd, b"root:x:0:0:root:/root:/bin/sh\n").unwrap();
        std::os::unix::fs::symlink(&passwd, data.join("bookmarks.json")).unwrap();
        let read = Store::new(&data).read();
        assert!(read.set_aside.is_some() && read.error.is_none());
        let loaded = Store::new(&data).load();
        let error = loaded.error.expect("an error");
        assert!(
            error.message.contains("outside the data directory"),
            "{error}"
        );
        assert_eq!(names(&data), ["bookmarks.json"], "no lock, nothing moved");
        let mut store = Store::new(&data);
        let saved = store.apply(Change::Add(bookmark("a")));
        assert!(saved.error.is_some());
        assert_eq!(store.unsaved(), 1, "the change waits");
        assert_eq!(names(&elsewhere), ["passwd"]);
        assert_eq!(
            fs::read(&passwd).unwrap(),
            b"root:x:0:0:root:/root:/bin/sh\n"
        );
        let link = fs::symlink_metadata(data.join("bookmarks.json")).unwrap();
        assert!(link.file_type().is_symlink());
    }

    #[test]
    fn a_file_of_another_user_is_never_moved() {
        // Only root can give a file away.
        if unsafe { libc::geteuid() } != 0 {
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bookmarks.json");
        fs::write(&path, b"not json").unwrap();
        std::os::unix::fs::chown(&path, Some(65534), Some(65534)).unwrap();
        let saved = Store::new(dir.path()).apply(Change::Add(bookmark("a")));
        let error = saved.error.expect("an error");
        assert!(
            error.message.contains("another user (uid 65534)"),
            "{error}"
        );
        assert_eq!(fs::read(&path).unwrap(), b"not json");
    }

    #[test]
    fn a_dangling_link_is_written_where_it_points() {
        let dir = tempfile::tempdir().unwrap();
        let (data, dotfiles) = (dir.path().join("data"), dir.path().join("dotfiles"));
        fs::create_dir_all(&data).unwrap();
        fs::create_dir_all(&dotfiles).unwrap();
        // Relative, as a dotfiles manager makes them.
        std::os::unix::fs::symlink("../dotfiles/bookmarks.json", data.join("bookmarks.json"))
            .unwrap();
        let saved = Store::new(&data).apply(Change::Add(bookmark("a")));
        assert_eq!(saved.error, None);
        let link = fs::symlink_metadata(data.join("bookmarks.json")).unwrap();
        assert!(link.file_type().is_symlink(), "the link stays");
        let written = fs::read_to_string(dotfiles.join("bookmarks.json")).unwrap();
        assert!(written.contains("\"id\": \"a\""));
    }

    #[test]
    fn a_file_set_aside_after_the_last_save_is_found() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bookmarks.json");
        let aside = dir.path().join("bookmarks.json.corrupt-20261123T154002Z");
        fs::write(&aside, b"not json").unwrap();
        // Moved aside, and the save after it never happened.
        let read = Store::new(dir.path()).read();
        assert_eq!(read.set_aside_since_save, Some(aside.clone()));
        // A good save since.
        fs::write(&path, file_of(&["a"])).unwrap();
        let later = UNIX_EPOCH + std::time::Duration::from_secs(1_795_448_403);
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(later)
            .unwrap();
        assert_eq!(Store::new(dir.path()).read().set_aside_since_save, None);
        let earlier = UNIX_EPOCH + std::time::Duration::from_secs(1_795_448_401);
        fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(earlier)
            .unwrap();
        assert_eq!(
            Store::new(dir.path()).read().set_aside_since_save,
            Some(aside)
        );
    }

    #[test]
    fn a_fifo_is_refused_at_once_and_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bookmarks.json");
        let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: a valid C string.
        assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
        let read = Store::new(dir.path()).read();
        let error = read.error.expect("an error");
        assert!(
            error
                .message
                .contains("a FIFO (named pipe) where a regular file should be"),
            "{error}"
        );
        let mut store = Store::new(dir.path());
        assert!(store.apply(Change::Add(bookmark("a"))).error.is_some());
        assert_eq!(store.unsaved(), 1);
        assert!(std::os::unix::fs::FileTypeExt::is_fifo(
            &fs::symlink_metadata(&path).unwrap().file_type()
        ));
    }
}
