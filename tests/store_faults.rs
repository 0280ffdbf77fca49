//! Fault injection for the bookmark store, end to end through the binary:
//! kill -9 in the middle of a save, a file-size limit, FIFOs and devices
//! where files should be, symbolic links, hand edits that break the file,
//! and two processes racing over a corrupt file. Each test is quick; the
//! longer soak is `scripts/store-soak.sh` (see docs/development.md).

mod common;

use assert_cmd::Command;
use common::home::{in_home, nkread_in, process_in};
use serde_json::Value;
use std::fs;
use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::Duration;

const DOC: &str = "hrc55-open-letter-2024";

fn dir(home: &Path) -> PathBuf {
    home.join("data/nkread")
}

fn file(home: &Path) -> PathBuf {
    dir(home).join("bookmarks.json")
}

/// The names in the data directory, sorted.
fn names(home: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir(home))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn set_aside(home: &Path) -> Vec<PathBuf> {
    fs::read_dir(dir(home))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".corrupt-"))
        .collect()
}

/// One bookmark's JSON, on one line.
fn entry(id: &str, paragraph: usize, note: &str) -> String {
    serde_json::json!({
        "id": id,
        "doc": DOC,
        "paragraph": paragraph,
        "quote": format!("passage {id}"),
        "fingerprint": "0000000000000000",
        "note": note,
        "created": "2026-11-23T15:40:02Z",
    })
    .to_string()
}

/// A bookmarks file of these entries, one to a line from line 3.
fn file_of(entries: &[String]) -> String {
    format!(
        "{{\"version\": 1,\n\"bookmarks\": [\n{}\n]}}\n",
        entries.join(",\n")
    )
}

fn write(home: &Path, bytes: impl AsRef<[u8]>) {
    fs::create_dir_all(dir(home)).unwrap();
    fs::write(file(home), bytes).unwrap();
}

fn listed(home: &Path) -> (bool, Vec<Value>, String) {
    let out = nkread_in(home)
        .args(["bookmarks", "--json"])
        .output()
        .unwrap();
    let rows = serde_json::from_slice(&out.stdout).unwrap_or_default();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out.status.success(), rows, stderr)
}

fn ids(rows: &[Value]) -> Vec<String> {
    rows.iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

/// `bookmarks add` of paragraph `paragraph` of a 60-paragraph document.
fn add(home: &Path, paragraph: usize) -> std::process::Output {
    nkread_in(home)
        .arg(corpus(home))
        .args(["bookmarks", "add", "doc0", &paragraph.to_string()])
        .output()
        .unwrap()
}

/// A user corpus of one document, "doc0", of 60 paragraphs.
fn corpus(home: &Path) -> String {
    let path = home.join("docs/doc0.toml");
    if !path.exists() {
        let lines: Vec<String> = (1..=60)
            .map(|p| format!("  \"Synthetic paragraph {p}.\","))
            .collect();
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(
            &path,
            format!(
                "id = \"doc0\"\ntitle = \"Synthetic\"\ndate = \"2020\"\nkind = \"statement\"\nparagraphs = [\n{}\n]\n",
                lines.join("\n")
            ),
        )
        .unwrap();
    }
    format!("--corpus={}", path.parent().unwrap().display())
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid C string.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
}

#[test]
fn kill_9_in_the_middle_of_a_large_save_loses_no_saved_bookmark() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    // 3,000 bookmarks, about a megabyte: a save takes long enough to be
    // caught in the middle of writing, syncing or renaming.
    let entries: Vec<String> = (0..3000)
        .map(|n| entry(&format!("{n:08x}"), 5, &"a note ".repeat(40)))
        .collect();
    write(home, file_of(&entries));
    let bin = assert_cmd::cargo::cargo_bin("nkread");
    let mut saved: Vec<String> = Vec::new();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for p in 1..=25 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = Duration::from_micros(seed % 40_000);
        let mut child = in_home(home, &bin)
            .arg(corpus(home))
            .args(["bookmarks", "add", "doc0", &p.to_string()])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        if out.status.success() {
            saved.push(String::from_utf8(out.stdout).unwrap().trim().to_string());
        }
        let parsed: Value =
            serde_json::from_slice(&fs::read(file(home)).unwrap()).expect("always parses");
        let on_disk: Vec<&str> = parsed["bookmarks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["id"].as_str().unwrap())
            .collect();
        assert!(on_disk.len() >= 3000);
        for id in &saved {
            assert!(on_disk.contains(&id.as_str()), "{id} was saved and is gone");
        }
    }
    assert!(add(home, 30).status.success());
    let temps: Vec<String> = names(home)
        .into_iter()
        .filter(|n| n.contains(".tmp-"))
        .collect();
    assert!(temps.is_empty(), "{temps:?}");
}

#[test]
fn a_file_size_limit_is_treated_as_a_full_disk() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let entries: Vec<String> = (0..100)
        .map(|n| entry(&format!("{n:08x}"), 5, ""))
        .collect();
    let before = file_of(&entries);
    assert!(before.len() > 8192);
    write(home, &before);
    // 4 blocks (2 or 4 KiB, as the shell counts them): less than the file.
    let mut command = in_home(home, Path::new("sh"));
    command
        .env("NKREAD", assert_cmd::cargo::cargo_bin("nkread"))
        .args([
            "-c",
            "ulimit -f 4; exec \"$NKREAD\" bookmarks add \"$0\" 1",
            DOC,
        ]);
    let out = Command::from_std(command)
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "killed by SIGXFSZ? {out:?}");
    assert!(stderr.contains("ulimit -f"), "{stderr}");
    assert!(stderr.contains("nothing was changed"), "{stderr}");
    assert_eq!(fs::read_to_string(file(home)).unwrap(), before);
    assert_eq!(
        names(home),
        [".lock", "bookmarks.json"],
        "no temp file left"
    );
}

#[test]
fn a_fifo_or_a_device_is_refused_at_once_and_named() {
    let home = tempfile::tempdir().unwrap();
    // A data directory whose name would drive the terminal if echoed raw.
    let data = home.path().join("data\u{1b}]2;pwned\u{7}\u{202e}");
    let dir = data.join("nkread");
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bookmarks.json");
    mkfifo(&path);
    let run = |args: &[&str]| {
        let out = nkread_in(home.path())
            .env("XDG_DATA_HOME", &data)
            .args(args)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    for args in [&["bookmarks"][..], &["bookmarks", "add", DOC, "1"]] {
        let (code, stderr) = run(args);
        assert_eq!(code, Some(1), "{stderr}");
        assert!(
            stderr.contains("a FIFO (named pipe) where a regular file should be"),
            "{stderr}"
        );
        assert!(stderr.contains("]2;pwned"), "the path is named: {stderr}");
        assert!(
            !stderr.contains(['\u{1b}', '\u{7}', '\u{202e}']),
            "{stderr:?}"
        );
    }
    assert!(fs::symlink_metadata(&path).unwrap().file_type().is_fifo());
    fs::remove_file(&path).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
    let (code, stderr) = run(&["bookmarks", "--json"]);
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("a character device where"), "{stderr}");
}

#[test]
fn a_listing_never_moves_a_linked_file_nor_a_save_one_outside_the_data_directory() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let etc = home.join("etc");
    fs::create_dir_all(&etc).unwrap();
    fs::create_dir_all(dir(home)).unwrap();
    let passwd = etc.join("passwd");
    let bytes = b"root:x:0:0:root:/root:/bin/sh\n";
    fs::write(&passwd, bytes).unwrap();
    std::os::unix::fs::symlink(&passwd, file(home)).unwrap();
    let (ok, rows, stderr) = listed(home);
    assert!(!ok && rows.is_empty(), "{stderr}");
    assert!(stderr.contains("did not parse"), "{stderr}");
    assert_eq!(names(home), ["bookmarks.json"], "no .lock, nothing moved");
    let out = add(home, 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("outside the data directory"), "{stderr}");
    assert_eq!(fs::read(&passwd).unwrap(), bytes);
    assert_eq!(fs::read_dir(&etc).unwrap().count(), 1);
    assert!(
        fs::symlink_metadata(file(home))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn a_dangling_link_is_written_where_it_points() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let dotfiles = home.join("dotfiles");
    fs::create_dir_all(&dotfiles).unwrap();
    fs::create_dir_all(dir(home)).unwrap();
    std::os::unix::fs::symlink("../../dotfiles/bookmarks.json", file(home)).unwrap();
    assert!(add(home, 1).status.success());
    assert!(
        fs::symlink_metadata(file(home))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let written: Value =
        serde_json::from_slice(&fs::read(dotfiles.join("bookmarks.json")).unwrap()).unwrap();
    assert_eq!(written["bookmarks"].as_array().unwrap().len(), 1);
}

#[test]
fn a_save_never_sets_aside_a_file_another_nkread_saved_meanwhile() {
    use std::os::fd::AsRawFd;
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    write(home, b"{\"version\": 1, \"book");
    // Another nkread holds the lock: it is setting the file aside and
    // saving a good one in its place.
    let lock = fs::File::create(dir(home).join(".lock")).unwrap();
    // SAFETY: flock on a file this test owns.
    assert_eq!(unsafe { libc::flock(lock.as_raw_fd(), libc::LOCK_EX) }, 0);
    let child = process_in(home)
        .args(["bookmarks", "add", DOC, "2"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // nkread starts in milliseconds: by now it has read the broken file
    // and waits for the lock.
    std::thread::sleep(Duration::from_millis(400));
    fs::rename(
        file(home),
        dir(home).join("bookmarks.json.corrupt-20260101T000000Z"),
    )
    .unwrap();
    fs::write(file(home), file_of(&[entry("theirs00", 3, "")])).unwrap();
    drop(lock);
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let (ok, rows, stderr) = listed(home);
    assert!(ok, "{stderr}");
    let ids = ids(&rows);
    assert!(ids.contains(&"theirs00".to_string()), "{ids:?}");
    assert_eq!(ids.len(), 2);
    assert_eq!(
        set_aside(home).len(),
        1,
        "only the broken file was set aside"
    );
}

#[test]
fn two_processes_over_a_corrupt_file_lose_nothing() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path().to_path_buf();
    let broken = b"{\"version\": 1, \"bookmarks\": [\xff".to_vec();
    write(&home, &broken);
    let lister = {
        let home = home.clone();
        std::thread::spawn(move || {
            for _ in 0..40 {
                let _ = nkread_in(&home).arg("bookmarks").output().unwrap();
            }
        })
    };
    let mut saved = Vec::new();
    for p in 1..=20 {
        let out = add(&home, p);
        assert!(out.status.success(), "{out:?}");
        saved.push(String::from_utf8(out.stdout).unwrap().trim().to_string());
    }
    lister.join().unwrap();
    let (ok, rows, stderr) = listed(&home);
    assert!(ok, "{stderr}");
    let ids = ids(&rows);
    for id in &saved {
        assert!(ids.contains(id), "{id} was saved and is gone");
    }
    let aside = set_aside(&home);
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(fs::read(&aside[0]).unwrap(), broken);
}

#[test]
fn one_bad_entry_hides_no_other_and_listings_fail_until_it_is_set_aside() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let text = file_of(&[
        entry("aaaaaaaa", 1, ""),
        entry("bbbbbbbb", 2, "").replace("\"paragraph\":2", "\"paragraph\":\"two\""),
        entry("cccccccc", 3, ""),
    ]);
    write(home, &text);
    let (ok, rows, stderr) = listed(home);
    assert!(!ok, "a listing that is not every bookmark fails");
    assert_eq!(ids(&rows), ["aaaaaaaa", "cccccccc"]);
    assert!(stderr.contains("2 bookmarks in it still read"), "{stderr}");
    assert!(
        stderr.contains("1 did not read: line 4: paragraph: invalid type"),
        "{stderr}"
    );
    let export = nkread_in(home)
        .args(["bookmarks", "export"])
        .output()
        .unwrap();
    assert_eq!(export.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&export.stdout).contains("passage cccccccc"));
    assert_eq!(names(home), ["bookmarks.json"], "listings move nothing");
    // A save sets it aside, byte for byte, and keeps what still read.
    let out = add(home, 5);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("moved, byte for byte"), "{stderr}");
    let aside = set_aside(home);
    assert_eq!(fs::read_to_string(&aside[0]).unwrap(), text);
    let (ok, rows, stderr) = listed(home);
    assert!(ok, "{stderr}");
    assert_eq!(rows.len(), 3);
    // Set aside, and the save after it never happened: listings fail.
    fs::remove_file(file(home)).unwrap();
    let (ok, _, stderr) = listed(home);
    assert!(!ok);
    assert!(
        stderr.contains("was set aside after the last save"),
        "{stderr}"
    );
}

#[test]
fn content_after_the_json_value_is_set_aside_byte_for_byte() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let text = format!(
        "{}{}",
        file_of(&[entry("aaaaaaaa", 1, "")]),
        file_of(&[entry("bbbbbbbb", 2, "")])
    );
    write(home, &text);
    let (ok, rows, stderr) = listed(home);
    assert!(!ok && stderr.contains("trailing characters"), "{stderr}");
    assert_eq!(ids(&rows), ["aaaaaaaa", "bbbbbbbb"]);
    assert!(add(home, 5).status.success());
    assert_eq!(fs::read_to_string(&set_aside(home)[0]).unwrap(), text);
    let (ok, rows, _) = listed(home);
    assert!(ok);
    assert_eq!(rows.len(), 3);
}

#[test]
fn a_trailing_comma_hides_no_bookmark_and_says_where_the_bytes_are() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let entries = [entry("aaaaaaaa", 1, ""), entry("bbbbbbbb", 2, "")];
    let text = file_of(&entries).replace("\n]}", ",\n]}");
    write(home, &text);
    let (ok, rows, stderr) = listed(home);
    assert!(!ok, "a listing of a file that does not parse fails");
    assert_eq!(ids(&rows), ["aaaaaaaa", "bbbbbbbb"]);
    assert!(stderr.contains("2 bookmarks in it still read"), "{stderr}");
    assert!(stderr.contains("0 did not read"), "{stderr}");
    // The next save moves it aside and keeps both, and says where.
    let out = add(home, 5);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let aside = set_aside(home);
    assert_eq!(fs::read_to_string(&aside[0]).unwrap(), text);
    let name = aside[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(stderr.contains("moved, byte for byte, to "), "{stderr}");
    assert!(stderr.contains(&name), "{stderr}");
    let (ok, rows, stderr) = listed(home);
    assert!(ok, "{stderr}");
    assert_eq!(rows.len(), 3);
}

#[test]
fn no_bookmarks_is_never_said_while_a_file_set_aside_holds_some() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    // As an older nkread left it: the file set aside with its bookmarks,
    // and an empty one saved after it.
    let entries = [entry("aaaaaaaa", 1, ""), entry("bbbbbbbb", 2, "")];
    let held = dir(home).join("bookmarks.json.corrupt-20200101T000000Z");
    write(home, file_of(&[]));
    fs::write(&held, file_of(&entries).replace("\n]}", ",\n]}")).unwrap();
    let out = nkread_in(home).arg("bookmarks").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(!stderr.contains("no bookmarks yet"), "{stderr}");
    assert!(stderr.contains("2 bookmarks"), "{stderr}");
    assert!(stderr.contains("corrupt-20200101T000000Z"), "{stderr}");
    let (ok, rows, _) = listed(home);
    assert!(!ok && rows.is_empty());
    // Moved back, as the message says, they are read again.
    fs::rename(&held, file(home)).unwrap();
    let (_, rows, stderr) = listed(home);
    assert_eq!(ids(&rows), ["aaaaaaaa", "bbbbbbbb"], "{stderr}");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    write(
        home,
        format!("\u{feff}{}", file_of(&[entry("aaaaaaaa", 1, "")])),
    );
    let (ok, rows, stderr) = listed(home);
    assert!(ok, "{stderr}");
    assert_eq!(rows.len(), 1);
}

#[test]
fn json_output_escapes_c1_and_bidi_characters() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let note = "a\u{202e}b\u{85}c\u{2066}d\u{200f}e\u{61c}f\u{9b}2J";
    write(home, file_of(&[entry("aaaaaaaa", 1, note)]));
    for args in [
        &["bookmarks", "--json"][..],
        &["bookmarks", "export", "--format", "json"],
    ] {
        let out = nkread_in(home).args(args).output().unwrap();
        assert!(out.status.success(), "{out:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(
            !text.chars().any(|c| matches!(c, '\u{80}'..='\u{9f}' | '\u{200e}' | '\u{200f}' | '\u{61c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')),
            "{text:?}"
        );
        assert!(text.contains("a\\u202eb\\u0085c\\u2066d"), "{text}");
        let rows: Vec<Value> = serde_json::from_str(&text).unwrap();
        assert_eq!(rows[0]["note"], note, "the data is kept");
    }
}
