//! Files that must not be lost: written whole or not at all, private to
//! their owner, and shared safely between processes.

use std::fs::{self, DirBuilder, File, OpenOptions};
use std::io::{self, Write};
use std::os::fd::AsRawFd;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a save waits for another nkread to finish its own (a save
/// takes milliseconds); past it the change waits for the next save.
const LOCK_WAIT: Duration = Duration::from_secs(2);

/// The lock file, beside the files it guards.
const LOCK: &str = ".lock";

/// Creates the directory, and its parents, readable by its owner only.
pub fn ensure_dir(dir: &Path) -> io::Result<()> {
    DirBuilder::new().recursive(true).mode(0o700).create(dir)
}

/// An exclusive lock on a directory's files, held until dropped. It is a
/// file opened for writing, as flock on NFS needs, and stays empty.
pub struct Lock {
    _held: File,
}

/// The lock for writing: waits up to `LOCK_WAIT` for another nkread.
pub fn lock(dir: &Path) -> io::Result<Lock> {
    let path = dir.join(LOCK);
    let named = |e: io::Error| io::Error::new(e.kind(), format!("{}: {e}", path.display()));
    let file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .open(&path)
        .map_err(named)?;
    let started = Instant::now();
    loop {
        match try_flock(&file) {
            Ok(true) => return Ok(Lock { _held: file }),
            Ok(false) if started.elapsed() <= LOCK_WAIT => {
                std::thread::sleep(Duration::from_millis(5))
            }
            Ok(false) => {
                return Err(io::Error::other(format!(
                    "{}: another nkread has held the lock for over two seconds",
                    path.display()
                )));
            }
            Err(e) => return Err(named(e)),
        }
    }
}

/// The lock for reading, if it can be had at once: reading needs none
/// (files are replaced whole) but setting a broken file aside does. It
/// never creates the lock file, so a reader cannot make one others cannot
/// open (root listing a user's bookmarks, say).
pub fn try_lock(dir: &Path) -> Option<Lock> {
    let file = File::open(dir.join(LOCK)).ok()?;
    matches!(try_flock(&file), Ok(true)).then_some(Lock { _held: file })
}

/// One try at an exclusive flock: whether it was taken.
fn try_flock(file: &File) -> io::Result<bool> {
    // SAFETY: flock on a descriptor the caller owns.
    if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
        return Ok(true);
    }
    let error = io::Error::last_os_error();
    match error.raw_os_error() == Some(libc::EWOULDBLOCK) {
        true => Ok(false),
        false => Err(error),
    }
}

/// Where `path` really is: a symbolic link (a dotfiles repository, say)
/// is followed, so the file it points to is the one replaced.
pub fn target(path: &Path) -> PathBuf {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
        }
        _ => path.to_path_buf(),
    }
}

/// The prefix of `path`'s temp files: hidden, in the same directory, so the
/// rename stays on one file system.
fn temp_prefix(path: &Path) -> String {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    format!(".{name}.tmp-")
}

/// Writes `bytes` to a new temp file beside `path` and syncs it. The caller
/// commits it with `commit`; a crash in between leaves `path` as it was.
pub fn write_temp(path: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let temp = dir.join(format!("{}{}", temp_prefix(path), std::process::id()));
    let written = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&temp)
        .and_then(|mut file| {
            file.write_all(bytes)?;
            file.sync_all()
        });
    match written {
        Ok(()) => Ok(temp),
        Err(e) => {
            let _ = fs::remove_file(&temp);
            Err(e)
        }
    }
}

/// Renames the temp file over `path` and syncs the directory, so the new
/// name survives a power cut. Once the rename is done the new file is the
/// file: a directory that cannot be synced is not a failed save.
pub fn commit(temp: &Path, path: &Path) -> io::Result<()> {
    if let Err(e) = fs::rename(temp, path) {
        let _ = fs::remove_file(temp);
        return Err(e);
    }
    sync_dir(path);
    Ok(())
}

fn sync_dir(path: &Path) {
    if let Ok(dir) = File::open(path.parent().unwrap_or(Path::new("."))) {
        let _ = dir.sync_all();
    }
}

/// Replaces `path` with `bytes`: the file on disk is always either the old
/// one or the new one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    commit(&write_temp(path, bytes)?, path)
}

/// Removes temp files a killed process left beside `path`. Only call it
/// under the lock, when no other process is writing one.
pub fn remove_stale_temps(path: &Path) {
    let (Some(dir), prefix) = (path.parent(), temp_prefix(path)) else {
        return;
    };
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Moves a file that cannot be read aside, byte for byte, to a name with
/// the time in it: `bookmarks.json.corrupt-20261123T154002Z`.
pub fn set_aside(path: &Path, stamp: &str) -> io::Result<PathBuf> {
    let compact: String = stamp.chars().filter(|c| *c != '-' && *c != ':').collect();
    // Built from the OS string, so a name that is not UTF-8 stays whole.
    let named = |suffix: String| {
        let mut name = path.as_os_str().to_os_string();
        name.push(suffix);
        PathBuf::from(name)
    };
    let mut to = named(format!(".corrupt-{compact}"));
    let mut n = 1;
    while to.exists() {
        n += 1;
        to = named(format!(".corrupt-{compact}-{n}"));
    }
    fs::rename(path, &to)?;
    sync_dir(path);
    Ok(to)
}

/// The file's bytes, or None when it does not exist.
pub fn read(path: &Path) -> io::Result<Option<Vec<u8>>> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_crash_before_the_rename_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bookmarks.json");
        write_atomic(&path, b"old").unwrap();
        let temp = write_temp(&path, b"new").unwrap();
        // The process dies here: no commit.
        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert!(temp.exists());
        remove_stale_temps(&path);
        assert!(!temp.exists());
        assert_eq!(fs::read(&path).unwrap(), b"old");
    }

    #[test]
    fn files_are_private_and_no_temp_file_remains() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/bookmarks.json");
        ensure_dir(path.parent().unwrap()).unwrap();
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        let mode = fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let dir_mode = fs::metadata(path.parent().unwrap())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(dir_mode & 0o777, 0o700);
        let names: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["bookmarks.json"]);
    }

    #[test]
    fn a_file_set_aside_keeps_its_bytes_and_gets_a_new_name_each_time() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bookmarks.json");
        let bytes = b"{ not json \xff\x00".to_vec();
        fs::write(&path, &bytes).unwrap();
        let first = set_aside(&path, "2026-11-23T15:40:02Z").unwrap();
        assert_eq!(
            first.file_name().unwrap(),
            "bookmarks.json.corrupt-20261123T154002Z"
        );
        assert_eq!(fs::read(&first).unwrap(), bytes);
        fs::write(&path, b"again").unwrap();
        let second = set_aside(&path, "2026-11-23T15:40:02Z").unwrap();
        assert_ne!(first, second);
        assert!(!path.exists());
    }
}
