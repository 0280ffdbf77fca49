//! The store's promises, one test each: merges, set-aside, links, locks;
//! what still reads in a file that does not parse is in `salvage.rs`.

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
    // The path never goes missing, as with nkread's own rename over it:
    // the reader's first read takes no lock, and may come now.
    fs::hard_link(
        &path,
        dir.path().join("bookmarks.json.corrupt-20260101T000000Z"),
    )
    .unwrap();
    let temp = dir.path().join("theirs.tmp");
    fs::write(&temp, &good).unwrap();
    fs::rename(&temp, &path).unwrap();
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
    std::os::unix::fs::symlink("../dotfiles/bookmarks.json", data.join("bookmarks.json")).unwrap();
    let saved = Store::new(&data).apply(Change::Add(bookmark("a")));
    assert_eq!(saved.error, None);
    let link = fs::symlink_metadata(data.join("bookmarks.json")).unwrap();
    assert!(link.file_type().is_symlink(), "the link stays");
    let written = fs::read_to_string(dotfiles.join("bookmarks.json")).unwrap();
    assert!(written.contains("\"id\": \"a\""));
}

/// Gives the file the time of a save `secs` after the epoch.
fn saved_at(path: &Path, secs: u64) {
    let time = UNIX_EPOCH + std::time::Duration::from_secs(secs);
    let file = fs::File::options().write(true).open(path).unwrap();
    file.set_modified(time).unwrap();
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
    saved_at(&path, 1_795_448_403);
    assert_eq!(Store::new(dir.path()).read().set_aside_since_save, None);
    // The save that follows a set-aside can bear a time a tick before the
    // set-aside's name, across a second: the file clock lags the wall's.
    saved_at(&path, 1_795_448_401);
    assert_eq!(Store::new(dir.path()).read().set_aside_since_save, None);
    // Saved three seconds before it was set aside.
    saved_at(&path, 1_795_448_399);
    assert_eq!(
        Store::new(dir.path()).read().set_aside_since_save,
        Some(aside)
    );
}

#[test]
fn a_fifo_is_refused_at_once_and_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bookmarks.json");
    crate::bookmarks::durable::mkfifo(&path);
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

#[test]
fn an_empty_file_never_hides_a_file_set_aside_that_holds_bookmarks() {
    let dir = tempfile::tempdir().unwrap();
    let (path, older, newer) = (
        dir.path().join("bookmarks.json"),
        dir.path().join("bookmarks.json.corrupt-20200101T000000Z"),
        dir.path().join("bookmarks.json.corrupt-20210101T000000Z"),
    );
    fs::write(&path, file_of(&[])).unwrap();
    fs::write(&older, file_of(&["a", "b"]).replace("\n]}", ",\n]}")).unwrap();
    // The newest holds none that read: the one before it is named.
    fs::write(&newer, b"not json").unwrap();
    let read = Store::new(dir.path()).read();
    let held = read.held_aside.expect("the file set aside is named");
    assert_eq!((held.aside.as_path(), held.count), (older.as_path(), 2));
    assert!(held.to_string().starts_with("no bookmarks in "), "{held}");
    // With a bookmark to list, the list is what is said.
    let mut store = Store::new(dir.path());
    assert_eq!(store.apply(Change::Add(bookmark("c"))).held_aside, None);
    assert!(store.apply(Change::Remove("c".into())).held_aside.is_some());
}

mod salvage;
