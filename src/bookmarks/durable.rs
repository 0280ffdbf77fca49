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

/// The most nkread reads of a file it keeps: a bookmarks file of 10,000
/// bookmarks is a few megabytes, and a larger file is not one of its own.
pub const READ_CAP: u64 = 256 << 20;

/// Makes a write past the file-size limit (`ulimit -f`) fail with EFBIG,
/// as a full disk fails with ENOSPC, instead of killing the process with
/// SIGXFSZ: the old file stays, no temp file is left, the error is shown
/// and the change kept. Call it first thing in `main`.
pub fn ignore_file_size_signal() {
    // SAFETY: sets one signal's disposition to "ignore"; no handler runs.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

/// Opening a FIFO or a device this way never blocks; it is then refused.
const NONBLOCK: i32 = libc::O_NONBLOCK;

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
    let file = lock_file(&path).map_err(named)?;
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

/// The lock if no other nkread holds it, without waiting: for work that
/// one process doing is enough (the corpus cache).
pub fn try_lock(dir: &Path) -> io::Result<Option<Lock>> {
    let file = lock_file(&dir.join(LOCK))?;
    Ok(try_flock(&file)?.then_some(Lock { _held: file }))
}

fn lock_file(path: &Path) -> io::Result<File> {
    OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .custom_flags(NONBLOCK | libc::O_NOFOLLOW)
        .open(path)
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

/// Where `path` really is: symbolic links (to a dotfiles repository, say)
/// are followed, also to a file that does not exist yet, so the file a
/// link points to is the one written, and the link stays.
pub fn resolve(path: &Path) -> io::Result<PathBuf> {
    let mut path = path.to_path_buf();
    // As the kernel does: at most 40 links in a row.
    for _ in 0..40 {
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => {
                // A relative link is relative to its own directory.
                let to = fs::read_link(&path)?;
                path = path.parent().unwrap_or(Path::new(".")).join(to);
            }
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            _ => return Ok(path),
        }
    }
    Err(io::Error::from_raw_os_error(libc::ELOOP))
}

/// Whether `path` is a file of this user's directly in `dir`: only such a
/// file may be moved aside (a link could point anywhere, /etc/passwd
/// included).
pub fn mine_in(path: &Path, dir: &Path) -> Result<(), String> {
    let parent = path.parent().and_then(|p| fs::canonicalize(p).ok());
    if parent.is_none() || parent != fs::canonicalize(dir).ok() {
        return Err(format!(
            "it is outside the data directory ({})",
            path.display()
        ));
    }
    let meta = fs::metadata(path).map_err(|e| e.to_string())?;
    // SAFETY: geteuid cannot fail.
    let me = unsafe { libc::geteuid() };
    match std::os::unix::fs::MetadataExt::uid(&meta) {
        uid if uid == me => Ok(()),
        uid => Err(format!("it belongs to another user (uid {uid})")),
    }
}

/// The prefix of `path`'s temp files: hidden, in the same directory, so the
/// rename stays on one file system.
fn temp_prefix(path: &Path) -> String {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    format!(".{name}.tmp-")
}

/// The mode of nkread's own files: its owner's only.
pub const PRIVATE: u32 = 0o600;

/// How many random names a temp file is tried under before giving up.
const TEMP_TRIES: u32 = 16;

/// Writes `bytes` to a new temp file beside `path`, made with `mode` (less
/// the umask), and syncs it. The caller commits it with `commit`; a crash
/// in between leaves `path` as it was.
pub fn write_temp(path: &Path, bytes: &[u8], mode: u32) -> io::Result<PathBuf> {
    let (temp, mut file) = create_temp(path, mode)?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    match written {
        Ok(()) => Ok(temp),
        Err(e) => {
            let _ = fs::remove_file(&temp);
            Err(e)
        }
    }
}

/// A temp file beside `path` under a name no file had: the name is random,
/// so none can be planted ahead, and the file is made new (O_EXCL), which
/// refuses any name that exists, a link included, never following it.
pub fn create_temp(path: &Path, mode: u32) -> io::Result<(PathBuf, File)> {
    use std::hash::{BuildHasher, RandomState};
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut taken = io::Error::from(io::ErrorKind::AlreadyExists);
    for attempt in 0..TEMP_TRIES {
        // Keyed from the OS's randomness: no one can tell the name ahead.
        let random = RandomState::new().hash_one(attempt);
        let temp = dir.join(format!(
            "{}{}-{random:016x}",
            temp_prefix(path),
            std::process::id()
        ));
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(mode)
            .open(&temp)
        {
            Ok(file) => return Ok((temp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => taken = e,
            Err(e) => return Err(e),
        }
    }
    Err(taken)
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
pub fn write_atomic(path: &Path, bytes: &[u8], mode: u32) -> io::Result<()> {
    commit(&write_temp(path, bytes, mode)?, path)
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
    let compact = compact(stamp);
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

/// "2026-11-23T15:40:02Z" as a set-aside file's name has it:
/// "20261123T154002Z", of one width, so names sort in time order.
pub fn compact(stamp: &str) -> String {
    stamp.chars().filter(|c| *c != '-' && *c != ':').collect()
}

/// The file's bytes, or None when it does not exist. Only a regular file
/// of at most `READ_CAP` bytes is read; see `read_regular`.
pub fn read(path: &Path) -> io::Result<Option<Vec<u8>>> {
    match read_regular(path, READ_CAP) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// The bytes of `path` if it is a regular file (links followed) of at most
/// `cap` bytes. A FIFO, a device, a socket or a directory is refused before
/// it is read, and opening one never blocks: the error says what was found.
pub fn read_regular(path: &Path, cap: u64) -> io::Result<Vec<u8>> {
    use std::io::Read;
    // Checked before opening, as opening some devices acts on them, and
    // again on what was opened, as the name may have changed meanwhile.
    regular(&fs::metadata(path)?)?;
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(NONBLOCK | libc::O_NOCTTY)
        .open(path)?;
    regular(&file.metadata()?)?;
    let mut bytes = Vec::new();
    file.take(cap + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Err(io::Error::new(
            io::ErrorKind::FileTooLarge,
            format!("larger than {} MiB, more than nkread reads", cap >> 20),
        ));
    }
    Ok(bytes)
}

fn regular(meta: &fs::Metadata) -> io::Result<()> {
    use std::os::unix::fs::FileTypeExt;
    let kind = meta.file_type();
    let found = match () {
        _ if kind.is_file() => return Ok(()),
        _ if kind.is_dir() => "a directory",
        _ if kind.is_fifo() => "a FIFO (named pipe)",
        _ if kind.is_char_device() => "a character device",
        _ if kind.is_block_device() => "a block device",
        _ if kind.is_socket() => "a socket",
        _ => "something other than a file",
    };
    Err(io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("{found} where a regular file should be"),
    ))
}

/// A FIFO at `path`, for the tests of files that must be regular.
#[cfg(test)]
pub(crate) fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).expect("no NUL");
    // SAFETY: a valid C string.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn a_crash_before_the_rename_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bookmarks.json");
        write_atomic(&path, b"old", PRIVATE).unwrap();
        let temp = write_temp(&path, b"new", PRIVATE).unwrap();
        // The process dies here: no commit.
        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert!(temp.exists());
        remove_stale_temps(&path);
        assert!(!temp.exists());
        assert_eq!(fs::read(&path).unwrap(), b"old");
    }

    #[test]
    fn a_link_planted_at_a_temp_name_is_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let (path, victim) = (dir.path().join("bookmarks.json"), dir.path().join("victim"));
        fs::write(&victim, b"theirs").unwrap();
        // The name this process's temp file had before it was random.
        let old = format!(".bookmarks.json.tmp-{}", std::process::id());
        std::os::unix::fs::symlink(&victim, dir.path().join(old)).unwrap();
        let temp = write_temp(&path, b"ours", PRIVATE).unwrap();
        assert!(fs::symlink_metadata(&temp).unwrap().is_file());
        commit(&temp, &path).unwrap();
        assert_eq!(fs::read(&victim).unwrap(), b"theirs");
        assert_eq!(fs::read(&path).unwrap(), b"ours");
    }

    #[test]
    fn files_are_private_and_no_temp_file_remains() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("nested/bookmarks.json");
        ensure_dir(path.parent().unwrap()).unwrap();
        write_atomic(&path, b"one", PRIVATE).unwrap();
        write_atomic(&path, b"two", PRIVATE).unwrap();
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

    #[test]
    fn only_regular_files_are_read_and_only_up_to_the_cap() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo");
        mkfifo(&fifo);
        let said = |path: &Path| read_regular(path, 8).unwrap_err().to_string();
        assert_eq!(
            said(&fifo),
            "a FIFO (named pipe) where a regular file should be"
        );
        assert_eq!(
            said(Path::new("/dev/zero")),
            "a character device where a regular file should be"
        );
        assert_eq!(
            said(dir.path()),
            "a directory where a regular file should be"
        );
        let file = dir.path().join("file");
        fs::write(&file, b"12345678").unwrap();
        assert_eq!(read_regular(&file, 8).unwrap(), b"12345678");
        fs::write(&file, b"123456789").unwrap();
        assert_eq!(
            read_regular(&file, 8).unwrap_err().kind(),
            io::ErrorKind::FileTooLarge
        );
    }
}
