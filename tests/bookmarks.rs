//! `nkread bookmarks` end to end, and the promises of "nothing lost": a
//! corrupt file kept byte for byte, two processes at once, kill -9 at any
//! moment, a read-only directory, and passages that move or go away.

mod common;

use assert_cmd::Command;
use common::home::{in_home, nkread_in};
use predicates::prelude::*;
use serde_json::Value;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

fn file(home: &Path) -> PathBuf {
    home.join("data/nkread/bookmarks.json")
}

fn list_json(home: &Path, extra: &[&str]) -> Vec<Value> {
    let out = nkread_in(home)
        .args(extra)
        .args(["bookmarks", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    serde_json::from_slice::<Vec<Value>>(&out.stdout).unwrap()
}

fn add(home: &Path, extra: &[&str], doc: &str, paragraph: usize) -> String {
    let out = nkread_in(home)
        .args(extra)
        .args(["bookmarks", "add", doc, &paragraph.to_string()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// A user corpus of `docs` documents of `paragraphs` paragraphs each.
fn corpus(dir: &Path, docs: usize, paragraphs: usize) -> String {
    fs::create_dir_all(dir).unwrap();
    for d in 0..docs {
        let lines: Vec<String> = (1..=paragraphs)
            .map(|p| format!("  \"Synthetic paragraph {p} of document {d}.\","))
            .collect();
        fs::write(
            dir.join(format!("doc{d}.toml")),
            format!(
                "id = \"doc{d}\"\ntitle = \"Synthetic document {d}\"\ndate = \"2020\"\nkind = \"statement\"\nparagraphs = [\n{}\n]\n",
                lines.join("\n")
            ),
        )
        .unwrap();
    }
    format!("--corpus={}", dir.display())
}

fn temp_files(home: &Path) -> Vec<String> {
    fs::read_dir(home.join("data/nkread"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".tmp-"))
        .collect()
}

#[test]
fn add_list_and_remove_round_trip() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    nkread_in(home)
        .arg("bookmarks")
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("no bookmarks yet"));
    let out = nkread_in(home)
        .args(["bookmarks", "add", "hrc55-open-letter-2024", "3"])
        .args(["--note", "for the HRC briefing"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let id = String::from_utf8(out.stdout).unwrap().trim().to_string();
    assert!(
        id.len() == 8 && id.chars().all(|c| c.is_ascii_hexdigit()),
        "{id}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("bookmarked"));
    nkread_in(home).arg("bookmarks").assert().success().stdout(
        predicate::str::contains(&id)
            .and(predicate::str::contains("hrc55-open-letter-2024 ¶3"))
            .and(predicate::str::contains("“Ten years ago"))
            .and(predicate::str::contains("— for the HRC briefing")),
    );
    let rows = list_json(home, &[]);
    assert_eq!(rows.len(), 1);
    let keys: Vec<&str> = rows[0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "created",
            "doc",
            "id",
            "note",
            "orphaned",
            "paragraph",
            "quote"
        ]
    );
    assert_eq!(rows[0]["paragraph"], 3);
    assert_eq!(rows[0]["orphaned"], false);
    assert!(rows[0]["quote"].as_str().unwrap().ends_with('…'));
    // Adding it again changes nothing and names the one there is; a new
    // note never replaces the one it has.
    nkread_in(home)
        .args(["bookmarks", "add", "hrc55-open-letter-2024", "3"])
        .assert()
        .success()
        .stdout(format!("{id}\n"))
        .stderr(predicate::str::contains("already bookmarked"));
    nkread_in(home)
        .args(["bookmarks", "add", "hrc55-open-letter-2024", "3"])
        .args(["--note", "something else"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "with the note “for the HRC briefing”, which is kept",
        ));
    assert_eq!(list_json(home, &[])[0]["note"], "for the HRC briefing");
    let mode = fs::metadata(file(home)).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "research notes are private");
    nkread_in(home)
        .args(["bookmarks", "rm", &id])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!("removed {id}")));
    assert!(list_json(home, &[]).is_empty());
    assert!(temp_files(home).is_empty());
}

#[test]
fn bad_arguments_name_what_is_wrong_and_write_nothing() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let fails = |args: &[&str], message: &str| {
        nkread_in(home)
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(message));
    };
    fails(
        &["bookmarks", "add", "no-such-doc", "1"],
        "no document with id \"no-such-doc\"",
    );
    fails(
        &["bookmarks", "add", "hrc55-open-letter-2024", "0"],
        "has paragraphs 1 to 7; there is no paragraph 0",
    );
    fails(
        &["bookmarks", "add", "hrc55-open-letter-2024", "99"],
        "there is no paragraph 99",
    );
    fails(
        &["bookmarks", "add", "hrc55-open-letter-2024", "x"],
        "invalid value 'x'",
    );
    fails(
        &["bookmarks", "rm", "deadbeef"],
        "no bookmark with id \"deadbeef\"",
    );
    fails(
        &["bookmarks", "export", "--format", "pdf"],
        "invalid value 'pdf'",
    );
    assert!(!file(home).exists());
}

/// A bookmarks file with fixed ids and times: two passages of bundled
/// documents, one with a note, and one whose document is gone.
fn fixed_file(home: &Path) {
    let corpus = nkread::corpus::Corpus::load(&[]).unwrap();
    let entry = |id: &str, doc: &str, n: usize, note: &str| {
        let text = corpus.get(doc).map_or("", |d| d.paragraphs[n - 1].as_str());
        serde_json::json!({
            "id": id,
            "doc": doc,
            "paragraph": n,
            "quote": if text.is_empty() {
                "A passage from a document that is no longer in the corpus.".to_string()
            } else {
                nkread::bookmarks::quote(text)
            },
            "fingerprint": nkread::bookmarks::fingerprint(text),
            "note": note,
            "created": "2026-11-20T09:00:00Z",
        })
    };
    let json = serde_json::json!({
        "version": 1,
        "bookmarks": [
            entry("11111111", "hrc55-open-letter-2024", 3, "for the HRC briefing"),
            entry("22222222", "joint-letter-security-council-2015", 2, ""),
            entry("33333333", "withdrawn-2019", 4, "ask the editors why"),
        ]
    });
    fs::create_dir_all(file(home).parent().unwrap()).unwrap();
    fs::write(file(home), serde_json::to_string_pretty(&json).unwrap()).unwrap();
}

#[test]
fn the_markdown_export_groups_by_document_with_citations() {
    let home = tempfile::tempdir().unwrap();
    fixed_file(home.path());
    let out = nkread_in(home.path())
        .args(["bookmarks", "export"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    insta::assert_snapshot!("export_markdown", String::from_utf8(out.stdout).unwrap());
    let out = nkread_in(home.path())
        .args(["bookmarks", "export", "--format", "json"])
        .output()
        .unwrap();
    let rows: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.len(), 3);
    assert!(
        rows[0]["text"]
            .as_str()
            .unwrap()
            .starts_with("Ten years ago")
    );
    assert!(rows[0]["citation"].as_str().unwrap().ends_with("2024, ¶3"));
    assert_eq!(rows[2]["orphaned"], true);
    assert_eq!(rows[2]["text"], Value::Null);
    assert_eq!(
        rows[2]["quote"],
        "A passage from a document that is no longer in the corpus."
    );
}

#[test]
fn escapes_in_a_hand_edited_file_never_reach_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    fixed_file(home.path());
    let text = fs::read_to_string(file(home.path())).unwrap();
    let text = text.replace(
        "ask the editors why",
        "ask\\u001b]52;c;cHduZWQ=\\u0007 \\u202ewhy",
    );
    fs::write(file(home.path()), text).unwrap();
    let out = nkread_in(home.path()).arg("bookmarks").output().unwrap();
    let shown = String::from_utf8(out.stdout).unwrap();
    assert!(shown.contains("— ask]52;c;cHduZWQ= why"), "{shown}");
    assert!(!shown.chars().any(|c| c.is_control() && c != '\n'));
}

#[test]
fn an_orphaned_bookmark_is_listed_with_its_quote() {
    let home = tempfile::tempdir().unwrap();
    fixed_file(home.path());
    nkread_in(home.path())
        .arg("bookmarks")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "33333333  withdrawn-2019 ¶4 (document gone)",
        ))
        .stdout(predicate::str::contains("“A passage from a document"));
}

#[test]
fn a_passage_an_edit_moved_is_found_and_a_removed_one_is_kept() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let docs = home.join("docs");
    let corpus = corpus(&docs, 1, 3);
    add(home, &[&corpus], "doc0", 2);
    // An edit adds a paragraph at the top: the passage is now the third.
    let path = docs.join("doc0.toml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace(
            "paragraphs = [\n",
            "paragraphs = [\n  \"A new first paragraph.\",\n",
        ),
    )
    .unwrap();
    let rows = list_json(home, &[&corpus]);
    assert_eq!(
        (rows[0]["paragraph"].clone(), rows[0]["orphaned"].clone()),
        (3.into(), false.into())
    );
    // The document goes: the bookmark stays, orphaned, with its quote.
    fs::remove_file(&path).unwrap();
    let rows = list_json(home, &[&corpus]);
    assert_eq!(rows[0]["orphaned"], true);
    assert_eq!(rows[0]["quote"], "Synthetic paragraph 2 of document 0.");
    let export = nkread_in(home)
        .args([&corpus, "bookmarks", "export"])
        .output()
        .unwrap();
    let export = String::from_utf8(export.stdout).unwrap();
    assert!(export.contains("## No longer in the corpus"), "{export}");
    assert!(export.contains("> Synthetic paragraph 2 of document 0."));
}

#[test]
fn a_corrupt_file_is_kept_byte_for_byte_and_nkread_goes_on() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let bytes = b"{\"version\": 1, \"bookmarks\": [{\"id\": \"1\", \xff\x00 truncated".to_vec();
    fs::create_dir_all(file(home).parent().unwrap()).unwrap();
    fs::write(file(home), &bytes).unwrap();
    // A listing says so, fails, and moves nothing; the next save sets it aside.
    nkread_in(home)
        .arg("bookmarks")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("the bookmarks file did not parse"));
    assert_eq!(fs::read(file(home)).unwrap(), bytes);
    nkread_in(home)
        .args(["bookmarks", "add", "hrc55-open-letter-2024", "2"])
        .assert()
        .success()
        .stderr(predicate::str::contains("bookmarks.json.corrupt-"));
    let kept: Vec<PathBuf> = fs::read_dir(file(home).parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".corrupt-"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(fs::read(&kept[0]).unwrap(), bytes);
    add(home, &[], "hrc55-open-letter-2024", 1);
    assert_eq!(list_json(home, &[]).len(), 2);
    assert_eq!(fs::read(&kept[0]).unwrap(), bytes);
}

#[test]
fn a_file_from_a_newer_nkread_is_never_written() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let bytes = b"{\"version\": 2, \"bookmarks\": [], \"folders\": []}\n".to_vec();
    fs::create_dir_all(file(home).parent().unwrap()).unwrap();
    fs::write(file(home), &bytes).unwrap();
    nkread_in(home)
        .args(["bookmarks", "add", "hrc55-open-letter-2024", "1"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("written by a newer nkread"));
    assert_eq!(fs::read(file(home)).unwrap(), bytes);
}

/// `add`, tried again (a few times) while another nkread held the lock past
/// LOCK_WAIT: on a loaded machine one of many adds may wait that long, and
/// such an add saved nothing, so trying again is what a person does.
fn add_past_a_held_lock(home: &Path, extra: &[&str], doc: &str, paragraph: usize) {
    const TRIES: usize = 5;
    for _ in 1..TRIES {
        let out = nkread_in(home)
            .args(extra)
            .args(["bookmarks", "add", doc, &paragraph.to_string()])
            .output()
            .unwrap();
        let held = String::from_utf8_lossy(&out.stderr)
            .contains("another nkread has held the lock for over two seconds");
        if !(held && out.status.code() == Some(1)) {
            assert!(out.status.success(), "{out:?}");
            return;
        }
    }
    add(home, extra, doc, paragraph);
}

#[test]
fn two_processes_adding_at_once_end_with_the_union() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path().to_path_buf();
    let corpus = corpus(&home.join("docs"), 2, 100);
    let writers: Vec<_> = (0..2)
        .map(|d| {
            let (home, corpus) = (home.clone(), corpus.clone());
            std::thread::spawn(move || {
                for p in 1..=100 {
                    add_past_a_held_lock(&home, &[&corpus], &format!("doc{d}"), p);
                }
            })
        })
        .collect();
    for writer in writers {
        writer.join().unwrap();
    }
    let rows = list_json(&home, &[&corpus]);
    assert_eq!(rows.len(), 200);
    for d in 0..2 {
        let mut paragraphs: Vec<u64> = rows
            .iter()
            .filter(|r| r["doc"] == format!("doc{d}"))
            .map(|r| r["paragraph"].as_u64().unwrap())
            .collect();
        paragraphs.sort();
        assert_eq!(paragraphs, (1..=100).collect::<Vec<u64>>());
    }
    assert!(temp_files(&home).is_empty());
}

#[test]
fn kill_9_at_any_moment_leaves_a_file_that_parses_with_every_saved_bookmark() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let corpus = corpus(&home.join("docs"), 1, 60);
    let bin = assert_cmd::cargo::cargo_bin("nkread");
    let mut saved = Vec::new();
    // A fixed pseudo-random spread of delays, from before the corpus is
    // read to after the file is written.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for p in 1..=60 {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        let delay = std::time::Duration::from_micros((seed >> 33) % 12_000);
        let mut child = in_home(home, &bin)
            .args([&corpus, "bookmarks", "add", "doc0", &p.to_string()])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        if out.status.success() {
            saved.push(String::from_utf8(out.stdout).unwrap().trim().to_string());
        }
        if let Ok(bytes) = fs::read(file(home)) {
            let parsed: Value = serde_json::from_slice(&bytes).expect("the file always parses");
            let ids: Vec<&str> = parsed["bookmarks"]
                .as_array()
                .unwrap()
                .iter()
                .map(|b| b["id"].as_str().unwrap())
                .collect();
            for id in &saved {
                assert!(ids.contains(&id.as_str()), "{id} was saved and is gone");
            }
        }
    }
    // The next save clears what a killed one left half-done.
    add(home, &[&corpus], "doc0", 60);
    assert!(temp_files(home).is_empty());
    assert!(list_json(home, &[&corpus]).len() >= saved.len());
}

#[test]
fn a_read_only_directory_leaves_the_old_file_and_says_why() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    fixed_file(home);
    let before = fs::read(file(home)).unwrap();
    let dir = file(home).parent().unwrap().to_path_buf();
    // Root writes anywhere, so as root the test runs nkread as nobody,
    // from a copy of the binary that nobody can reach.
    let root = unsafe { libc::geteuid() } == 0;
    let mut bin = assert_cmd::cargo::cargo_bin("nkread");
    if root {
        let copy = home.join("nkread");
        // cp, not fs::copy: a write descriptor open in this process would
        // leak into a child another test forks meanwhile, and exec would
        // fail with "text file busy".
        let copied = std::process::Command::new("cp")
            .arg(&bin)
            .arg(&copy)
            .status();
        assert!(copied.unwrap().success());
        for path in [home, &home.join("data"), &dir, &file(home), &copy] {
            std::os::unix::fs::chown(path, Some(65534), Some(65534)).unwrap();
        }
        fs::set_permissions(home, fs::Permissions::from_mode(0o755)).unwrap();
        bin = copy;
    }
    let mut std_command = in_home(home, &bin);
    if root {
        use std::os::unix::process::CommandExt;
        std_command.uid(65534).gid(65534);
    }
    let mut command = Command::from_std(std_command);
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o500)).unwrap();
    command
        .args(["bookmarks", "add", "hrc55-open-letter-2024", "1"])
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("Permission denied")
                .and(predicate::str::contains("nothing was changed")),
        );
    // Reading needs no write: the list still works.
    let mut list = in_home(home, &bin);
    if root {
        use std::os::unix::process::CommandExt;
        list.uid(65534).gid(65534);
    }
    Command::from_std(list)
        .args(["bookmarks"])
        .assert()
        .success()
        .stdout(predicate::str::contains("11111111"));
    fs::set_permissions(&dir, fs::Permissions::from_mode(0o700)).unwrap();
    assert_eq!(fs::read(file(home)).unwrap(), before);
    assert!(temp_files(home).is_empty());
}

#[test]
fn a_passage_that_opens_with_a_quotation_mark_is_listed_with_one() {
    let home = tempfile::tempdir().unwrap();
    add(
        home.path(),
        &[],
        "icnk-crimes-against-humanity-demand-justice-2017",
        3,
    );
    nkread_in(home.path())
        .arg("bookmarks")
        .assert()
        .success()
        .stdout(predicate::str::contains("  “The North Korea government"))
        .stdout(predicate::str::contains("““").not());
}
