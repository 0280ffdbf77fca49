//! The real binary in a pseudo-terminal, read through a terminal emulator:
//! it opens, reads, scrolls, quits with status 0, and gives the terminal
//! back as it found it.

use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Long enough for a loaded CI machine; only a hang reaches it.
const DEADLINE: Duration = Duration::from_secs(30);

fn non_zero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a size above zero")
}

struct Session {
    screen: Arc<Mutex<vt100::Parser>>,
    master: Box<dyn portable_pty::MasterPty + Send>,
    output: Option<std::thread::JoinHandle<()>>,
    /// The session's own home, when the test did not give one.
    _home: Option<tempfile::TempDir>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    fn start(columns: u16, rows: u16) -> Session {
        let home = tempfile::tempdir().expect("a home");
        let mut session = Session::start_at(home.path(), columns, rows);
        session._home = Some(home);
        session
    }

    /// nkread with its data and config under `home`.
    fn start_at(home: &std::path::Path, columns: u16, rows: u16) -> Session {
        Session::start_with(home, &[], columns, rows)
    }

    /// nkread with these arguments, and its data and config under `home`.
    fn start_with(home: &std::path::Path, args: &[&str], columns: u16, rows: u16) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols: columns,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_nkread"));
        command.env("HOME", home);
        command.env("XDG_CONFIG_HOME", home.join("config"));
        command.env("XDG_DATA_HOME", home.join("data"));
        command.env("XDG_CACHE_HOME", home.join("cache"));
        command.env_remove("NO_COLOR");
        command.env_remove("NKREAD_LINEAR");
        command.args(args);
        // An export is written to the current directory: the home's.
        command.cwd(home);
        command.env("TERM", "xterm-256color");
        command.env_remove("TMUX");
        let child = pty.slave.spawn_command(command).expect("nkread starts");
        drop(pty.slave);
        let screen = Arc::new(Mutex::new(vt100::Parser::new(
            non_zero(rows),
            non_zero(columns),
            0,
        )));
        let mut reader = pty.master.try_clone_reader().expect("a reader");
        let parser = Arc::clone(&screen);
        let output = std::thread::spawn(move || {
            let mut chunk = [0u8; 4096];
            while let Ok(n) = reader.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                parser.lock().expect("the screen").process(&chunk[..n]);
            }
        });
        let writer = pty.master.take_writer().expect("a writer");
        Session {
            screen,
            master: pty.master,
            output: Some(output),
            _home: None,
            writer,
            child,
        }
    }

    fn contents(&self) -> String {
        self.screen.lock().expect("the screen").screen().contents()
    }

    fn wait_for(&self, what: &str) {
        self.wait_until(what, |screen| screen.contains(what));
    }

    fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) {
        let start = Instant::now();
        while !done(&self.contents()) {
            assert!(
                start.elapsed() < DEADLINE,
                "never saw {what}; the screen:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Waits for the terminal's cursor, shown, on a row holding `what`.
    fn wait_for_cursor_on(&self, what: &str) {
        let start = Instant::now();
        loop {
            let (shown, line) = {
                let parser = self.screen.lock().expect("the screen");
                let screen = parser.screen();
                let (row, columns) = (screen.cursor_position().0, screen.size().1.get());
                let line = screen.rows(0, columns).nth(usize::from(row));
                (!screen.hide_cursor(), line.unwrap_or_default())
            };
            if shown && line.contains(what) {
                return;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "the cursor never rested on {what}; shown: {shown}, its row: {line}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    fn resize(&mut self, columns: u16, rows: u16) {
        self.screen
            .lock()
            .expect("the screen")
            .screen_mut()
            .set_size(non_zero(rows), non_zero(columns));
        self.master
            .resize(PtySize {
                rows,
                cols: columns,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("the pty resizes");
    }

    fn send(&mut self, bytes: &str) {
        self.writer
            .write_all(bytes.as_bytes())
            .expect("keys are sent");
        self.writer.flush().expect("keys are sent");
    }

    /// Waits for nkread to exit, then for the last of its output.
    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let start = Instant::now();
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("the child") {
                break status;
            }
            assert!(start.elapsed() < DEADLINE, "nkread did not exit");
            std::thread::sleep(Duration::from_millis(20));
        };
        if let Some(output) = self.output.take() {
            output.join().expect("the output is read");
        }
        status
    }

    /// The reader's place as its title shows it: "¶3/14 25%".
    fn place(&self) -> String {
        let contents = self.contents();
        let first = contents.lines().next().unwrap_or_default();
        let start = first.find('¶').unwrap_or(0);
        first[start..]
            .split('┐')
            .next()
            .unwrap_or_default()
            .trim()
            .to_string()
    }

    fn assert_restored(&self) {
        let parser = self.screen.lock().expect("the screen");
        let screen = parser.screen();
        assert!(!screen.alternate_screen(), "the alternate screen is left");
        assert!(!screen.hide_cursor(), "the cursor is shown");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse capture is off"
        );
        assert!(!screen.bracketed_paste(), "bracketed paste is off");
    }
}

/// A failed test must not leave its reader running.
impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

#[test]
fn open_a_document_scroll_and_quit_with_the_terminal_restored() {
    let mut s = Session::start(80, 24);
    s.wait_for("Documents, 1 of");
    assert!(s.screen.lock().unwrap().screen().alternate_screen());
    // The second document, the 2017 release, opened in the reader.
    s.send("j\r");
    s.wait_for("Reader, ¶");
    s.wait_for("¶1/14");
    s.send("]]");
    s.wait_for("¶3/14");
    // The terminal's cursor is shown, on the reading cursor's paragraph,
    // where a screen reader's review cursor lands. It is placed after the
    // frame's text, which may arrive in an earlier read.
    s.wait_for_cursor_on("▌ 3");
    let before = s.place();
    s.send(" ");
    s.wait_until("a page further", |_| s.place() != before);
    s.send("?");
    s.wait_for("Keys: Esc closes");
    // Esc alone; sent together with q it would read as alt-q.
    s.send("\x1b");
    s.wait_until("help closed", |screen| !screen.contains("Keys: Esc closes"));
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    s.assert_restored();
}

#[test]
fn sigterm_and_sighup_give_the_terminal_back() {
    for (signal, code) in [(libc::SIGTERM, 143), (libc::SIGHUP, 129)] {
        let mut s = Session::start(80, 24);
        s.wait_for("Documents, 1 of");
        let pid = s.child.process_id().expect("a pid") as libc::pid_t;
        // SAFETY: a signal to the child this test started.
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
        let status = s.wait_exit();
        assert_eq!(status.exit_code(), code, "signal {signal}");
        s.assert_restored();
    }
}

#[test]
fn a_resize_redraws_at_once() {
    let mut s = Session::start(120, 40);
    s.wait_for("People 47");
    // Below 100 columns the sidebar folds away.
    s.resize(80, 24);
    s.wait_until("the 80-column layout", |screen| {
        !screen.contains("People 47") && screen.contains("┬ Reader")
    });
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn bookmarks_and_the_reading_position_outlast_the_session() {
    let home = tempfile::tempdir().expect("a home");
    let mut s = Session::start_at(home.path(), 120, 40);
    s.wait_for("Documents, 1 of");
    s.send("j\r");
    s.wait_for("¶1/14");
    s.send("]]b");
    s.wait_for("Bookmarked ¶3");
    s.send("q");
    assert!(s.wait_exit().success());
    let file = home.path().join("data/nkread/bookmarks.json");
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&file).expect("saved at once")).unwrap();
    assert_eq!(saved["bookmarks"][0]["paragraph"], 3);
    // The next session opens where this one left off, bookmark shown.
    let mut s = Session::start_at(home.path(), 120, 40);
    s.wait_for("¶3/14");
    s.wait_for("3★");
    s.send("B");
    s.wait_for("Bookmarks: 1 of 1");
    s.send("q");
    s.wait_until("the pane closed", |screen| !screen.contains("Bookmarks: 1"));
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn a_corrupt_bookmarks_file_is_set_aside_and_the_reader_says_so() {
    let home = tempfile::tempdir().expect("a home");
    let dir = home.path().join("data/nkread");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("bookmarks.json"), b"{\"version\": 1, \"book").unwrap();
    let mut s = Session::start_at(home.path(), 120, 40);
    s.wait_for("the bookmarks file did not parse");
    s.send("q");
    assert!(s.wait_exit().success());
    let names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("bookmarks.json.corrupt-")),
        "{names:?}"
    );
}

#[test]
fn a_bookmark_that_waited_for_the_lock_is_saved_when_sigterm_ends_the_reader() {
    use std::os::fd::AsRawFd;
    let home = tempfile::tempdir().expect("a home");
    let dir = home.path().join("data/nkread");
    std::fs::create_dir_all(&dir).unwrap();
    // Another nkread holds the lock, past the two seconds a save waits.
    let held = std::fs::File::create(dir.join(".lock")).unwrap();
    // SAFETY: flock on a file this test owns.
    assert_eq!(unsafe { libc::flock(held.as_raw_fd(), libc::LOCK_EX) }, 0);
    let mut s = Session::start_at(home.path(), 120, 40);
    s.wait_for("Documents, 1 of");
    s.send("b");
    s.wait_for("bookmarks not saved");
    // The lock is still held when SIGTERM comes, and for a second after:
    // the reader must wait to save rather than exit.
    let release = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_secs(1));
        drop(held);
    });
    let pid = s.child.process_id().expect("a pid") as libc::pid_t;
    // SAFETY: a signal to the child this test started.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    assert_eq!(s.wait_exit().exit_code(), 143);
    release.join().unwrap();
    let saved: serde_json::Value = serde_json::from_slice(
        &std::fs::read(dir.join("bookmarks.json")).expect("saved on the way out"),
    )
    .unwrap();
    assert_eq!(saved["bookmarks"].as_array().unwrap().len(), 1);
}

#[test]
fn a_signal_during_a_slow_frame_prints_the_bookmarks_kept_in_memory() {
    let home = tempfile::tempdir().expect("a home");
    // The data directory is a file: every save fails, and a bookmark waits
    // in memory.
    std::fs::create_dir_all(home.path().join("data")).unwrap();
    std::fs::write(home.path().join("data/nkread"), "in the way").unwrap();
    // A paragraph of megabytes makes a frame slow.
    let docs = big_corpus(home.path());
    let mut s = Session::start_with(home.path(), &["--corpus", &docs], 120, 40);
    s.wait_for("1/6");
    // Undated, it is last in the list.
    s.send("G\r");
    s.wait_for("¶1/2");
    s.send("b");
    s.wait_for("bookmarks not saved");
    // A frame begins, and SIGTERM comes while it is drawn.
    s.send("j");
    std::thread::sleep(Duration::from_millis(20));
    let pid = s.child.process_id().expect("a pid") as libc::pid_t;
    // SAFETY: a signal to the child this test started.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    assert_eq!(s.wait_exit().exit_code(), 143);
    s.assert_restored();
    let screen = s.contents();
    assert!(
        screen.contains("1 bookmark change could not be saved"),
        "{screen}"
    );
    assert!(screen.contains("\"doc\": \"big\""), "{screen}");
}

/// A corpus directory in `home` with one document whose second paragraph
/// is two megabytes long; it is undated, so last in the list.
fn big_corpus(home: &std::path::Path) -> String {
    let docs = home.join("docs");
    std::fs::create_dir(&docs).unwrap();
    let long = "a long paragraph of words ".repeat(80_000);
    std::fs::write(
        docs.join("big.toml"),
        format!(
            "id = \"big\"\ntitle = \"Big\"\nkind = \"statement\"\n\
             paragraphs = [\"A short first paragraph.\", \"{long}\"]\n"
        ),
    )
    .unwrap();
    docs.to_str().unwrap().to_string()
}

#[test]
fn a_key_held_down_on_a_long_text_lets_q_act_at_once() {
    let home = tempfile::tempdir().expect("a home");
    let docs = big_corpus(home.path());
    let mut s = Session::start_with(home.path(), &["--corpus", &docs], 120, 40);
    s.wait_for("Documents, 1 of");
    s.send("G\r");
    s.wait_for("¶1/2");
    // A key held down: thousands of repeats queue up, then q.
    s.send(&format!("{}q", "j".repeat(3000)));
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    s.assert_restored();
}

#[test]
fn alt_bracket_then_a_question_mark_swallows_no_key() {
    let mut s = Session::start(120, 40);
    s.wait_for("Documents, 1 of");
    // Alt-[ sends ESC [, and ? after it looks like the start of a report
    // the terminal never finishes: the keys after it must still act.
    s.send("\x1b[");
    std::thread::sleep(Duration::from_millis(50));
    s.send("?");
    std::thread::sleep(Duration::from_millis(50));
    s.send("\x03");
    let status = s.wait_exit();
    assert!(status.success(), "{status:?}");
    s.assert_restored();
}

#[test]
fn a_bracketed_paste_with_line_breaks_is_still_one_paste() {
    let mut s = Session::start(120, 40);
    s.wait_for("Documents, 1 of");
    s.send("/");
    s.wait_for("Search");
    s.send("\x1b[200~crimes\nagainst\x1b[201~");
    s.wait_for("crimes against");
    s.send("\x03");
    assert!(s.wait_exit().success());
}

#[test]
fn a_paste_whose_end_never_comes_ends_on_its_own_or_on_ctrl_c_keeping_its_text() {
    let mut s = Session::start(120, 40);
    s.wait_for("Documents, 1 of");
    s.send("/");
    s.wait_for("Search");
    // No end: after a short while the text so far is the paste, and the
    // keys after it are keys again.
    s.send("\x1b[200~zqx");
    s.wait_for("zqx");
    s.send("vw");
    s.wait_for("zqxvw");
    // Ctrl-C ends a paste at once, keeping it, and quits only after.
    s.send("\x1b[200~yy\x03");
    s.wait_for("zqxvwyy");
    s.send("\x03");
    assert!(s.wait_exit().success());
}

#[test]
fn a_corpus_of_200_files_with_one_typo_opens_the_reader_on_the_other_199() {
    let home = tempfile::tempdir().unwrap();
    let docs = home.path().join("docs");
    std::fs::create_dir(&docs).unwrap();
    for i in 0..200 {
        let kind = if i == 117 { "stament" } else { "statement" };
        std::fs::write(
            docs.join(format!("d{i:03}.toml")),
            format!("id = \"d{i}\"\ntitle = \"Zq {i}\"\nkind = \"{kind}\"\nparagraphs = [\"P\"]\n"),
        )
        .unwrap();
    }
    let mut s = Session::start_with(home.path(), &["--corpus", docs.to_str().unwrap()], 100, 30);
    s.wait_for("1 file did not load (! says why): d117.toml");
    // Undated, the documents are listed by title: Zq 0 and on, d117 missing.
    s.wait_for("/204");
    s.send("!");
    s.wait_for("d117.toml:3:8: field `kind`");
    s.wait_for("3 | kind = \"stament\"");
    s.send("\x1b");
    s.wait_until("the list closed", |screen| !screen.contains("did not load"));
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn x_in_the_bookmarks_pane_writes_them_to_a_markdown_file_and_says_where() {
    let home = tempfile::tempdir().expect("a home");
    let mut s = Session::start_at(home.path(), 120, 40);
    s.wait_for("Documents, 1 of");
    s.send("\r]]b");
    s.wait_for("Bookmarked ¶3");
    s.send("B");
    s.wait_for("x export");
    s.send("x");
    s.wait_for("wrote the bookmarks shown to");
    s.send("q");
    s.send("q");
    assert!(s.wait_exit().success());
    let exports: Vec<_> = std::fs::read_dir(home.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("nkread-bookmarks-")
        })
        .collect();
    assert_eq!(exports.len(), 1);
    let text = std::fs::read_to_string(exports[0].path()).unwrap();
    assert!(text.starts_with("# Bookmarks"), "{text}");
    assert!(text.contains(", para. 3]"), "{text}");
}

#[test]
fn kill_9_of_the_reader_mid_save_keeps_every_bookmark_it_showed_as_saved() {
    for delay in [0, 3, 7, 15, 40] {
        let home = tempfile::tempdir().expect("a home");
        let mut s = Session::start_at(home.path(), 120, 40);
        s.wait_for("Documents, 1 of");
        s.send("\r");
        s.wait_for("¶1/");
        // One saved, as the screen says; then more, killed mid-way.
        s.send("b");
        s.wait_for("Bookmarked ¶1");
        s.send("]b]b]b]b]b]b");
        std::thread::sleep(Duration::from_millis(delay));
        let pid = s.child.process_id().expect("a pid") as libc::pid_t;
        // SAFETY: a signal to the child this test started.
        assert_eq!(unsafe { libc::kill(pid, libc::SIGKILL) }, 0);
        let _ = s.wait_exit();
        let dir = home.path().join("data/nkread");
        let saved: serde_json::Value = serde_json::from_slice(
            &std::fs::read(dir.join("bookmarks.json")).expect("the file is there"),
        )
        .expect("the file parses, whatever the moment of the kill");
        let paragraphs: Vec<u64> = saved["bookmarks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["paragraph"].as_u64().unwrap())
            .collect();
        assert!(paragraphs.contains(&1), "delay {delay}: {paragraphs:?}");
        // What was saved is a run from the first: no save was half done.
        let mut sorted = paragraphs.clone();
        sorted.sort();
        assert_eq!(sorted, (1..=sorted.len() as u64).collect::<Vec<_>>());
        let temps = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
            .count();
        assert!(temps <= 1, "at most the one save the kill cut short");
    }
}

#[test]
fn two_readers_writing_one_note_keep_both() {
    let home = tempfile::tempdir().expect("a home");
    let mut a = Session::start_at(home.path(), 120, 40);
    a.wait_for("Documents, 1 of");
    a.send("\rb");
    a.wait_for("Bookmarked ¶1");
    let mut b = Session::start_at(home.path(), 120, 40);
    b.wait_for("Documents, 1 of");
    // Both open the pane on the bookmark with no note, then each writes one.
    a.send("B");
    a.wait_for("Bookmarks: 1 of 1");
    b.send("B");
    b.wait_for("Bookmarks: 1 of 1");
    a.send("ealpha\r");
    a.wait_for("alpha");
    b.send("ebeta\r");
    b.wait_for("beta");
    a.send("qq");
    b.send("qq");
    assert!(a.wait_exit().success());
    assert!(b.wait_exit().success());
    let saved: serde_json::Value = serde_json::from_slice(
        &std::fs::read(home.path().join("data/nkread/bookmarks.json")).unwrap(),
    )
    .unwrap();
    let mut notes: Vec<&str> = saved["bookmarks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["note"].as_str().unwrap())
        .collect();
    notes.sort();
    assert_eq!(notes, ["alpha", "beta"], "{saved:#}");
}

#[test]
fn the_first_frame_comes_before_the_indexes_and_search_works_once_they_arrive() {
    let home = tempfile::tempdir().expect("a home");
    let docs = many_paragraphs(home.path(), 100, 200);
    let mut s = Session::start_with(home.path(), &["--corpus", &docs], 120, 40);
    // The list and the first document, while the indexes are built.
    s.wait_for("indexing… search");
    let first = s.contents();
    assert!(first.contains("Report 0"), "{first}");
    // A query typed before the search index is ready is not lost.
    s.send("/zebrafinch");
    s.wait_for("/zebrafinch");
    s.wait_until("the index and the hit", |screen| {
        !screen.contains("indexing… search") && screen.contains("1/1")
    });
    let found = s.contents();
    assert!(found.contains("Report 57"), "{found}");
    s.send("\r");
    s.wait_for("¶4/200");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
}

/// The names in the cache directory of `home`: copies and temp files.
fn cache_names(home: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(home.join("cache/nkread"))
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.contains("corpus-"))
                .collect()
        })
        .unwrap_or_default()
}

/// The copies of the corpus and of its search index are written once the
/// reader shows, the next reader finds with them what the first found, and
/// a reader quit before they are done leaves no temp file behind.
#[test]
fn the_reader_writes_its_copies_after_the_first_frame_reads_them_next_time_and_quits_without_a_temp_file()
 {
    let home = tempfile::tempdir().expect("a home");
    let docs = many_paragraphs(home.path(), 100, 200);
    let mut s = Session::start_with(home.path(), &["--corpus", &docs], 120, 40);
    s.wait_for("Report 0");
    // The corpus's copy, then its search index's once that is built.
    let start = Instant::now();
    while !cache_names(home.path()).iter().any(|n| n.ends_with(".nki")) {
        assert!(
            start.elapsed() < DEADLINE,
            "no copies written while reading"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(cache_names(home.path()).iter().any(|n| n.ends_with(".nkc")));
    s.send("q");
    assert!(s.wait_exit().success());
    // The second open finds what the first found. That it read the index's
    // copy rather than built it again is shown by the unit test of the
    // reader's copies (tui::copies): seen from here, a rebuilt copy's write
    // may well be stopped by the quit and leave the file as it was.
    // It opens on the document last read. Keys typed as it opens, before
    // and over the glimpse it shows first, act once the whole corpus is
    // read, in order: none is lost.
    let mut s = Session::start_with(home.path(), &["--corpus", &docs], 120, 40);
    s.send("]]");
    s.wait_for("Report 0");
    s.send("]");
    s.wait_for("Reader, ¶4 of 7");
    s.send("/zebrafinch");
    s.wait_until("the hit", |screen| screen.contains("1/1"));
    assert!(s.contents().contains("Report 57"), "{}", s.contents());
    s.send("\u{1b}");
    s.wait_until("the overlay closed", |screen| {
        !screen.contains("Search all")
    });
    s.send("q");
    assert!(s.wait_exit().success());
    // A changed corpus: the next reader writes a new copy, and quits at once.
    std::fs::write(
        std::path::Path::new(&docs).join("extra.toml"),
        "id = \"extra\"\ntitle = \"Extra\"\nkind = \"report\"\nparagraphs = [\"P\"]\n",
    )
    .expect("written");
    let mut s = Session::start_with(home.path(), &["--corpus", &docs], 120, 40);
    s.wait_for("Report 0");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
    let names = cache_names(home.path());
    assert!(!names.iter().any(|n| n.starts_with('.')), "{names:?}");
}

/// A corpus directory in `home` of `docs` documents of `paragraphs`
/// paragraphs each, one of which alone holds the word "zebrafinch".
fn many_paragraphs(home: &std::path::Path, docs: usize, paragraphs: usize) -> String {
    let dir = home.join("many");
    std::fs::create_dir(&dir).unwrap();
    for d in 0..docs {
        let text: Vec<String> = (0..paragraphs)
            .map(|p| {
                let rare = if (d, p) == (57, 3) { " zebrafinch" } else { "" };
                format!(
                    "\"Paragraph {p} of report {d} on detention, testimony and \
                     accountability for the crimes recorded in the camps{rare}.\""
                )
            })
            .collect();
        std::fs::write(
            dir.join(format!("r{d}.toml")),
            format!(
                "id = \"r{d}\"\ntitle = \"Report {d}\"\ndate = \"2020\"\nkind = \"report\"\n\
                 paragraphs = [{}]\n",
                text.join(", ")
            ),
        )
        .unwrap();
    }
    dir.to_str().unwrap().to_string()
}

/// `--no-borders` reaches the screen: the panes' titles are there, and not
/// one box-drawing character.
#[test]
fn no_borders_draws_no_box_drawing_character() {
    let home = tempfile::tempdir().expect("a home");
    let mut s = Session::start_with(home.path(), &["--no-borders"], 80, 24);
    s.wait_for("Documents, 1 of");
    let screen = s.contents();
    assert!(
        screen.contains(" Documents ") && screen.contains(" Reader "),
        "{screen}"
    );
    assert!(
        !screen
            .chars()
            .any(|c| ('\u{2500}'..='\u{257f}').contains(&c)),
        "{screen}"
    );
    s.send("q");
    assert!(s.wait_exit().success());
}

/// Whether the terminal echoes what is typed: not once nkread has taken
/// the keys.
fn echoes(s: &Session) -> bool {
    let fd = s.master.as_raw_fd().expect("the pty's fd");
    // SAFETY: a termios zeroed, then filled by tcgetattr on an open pty.
    let mut termios = unsafe { std::mem::zeroed::<libc::termios>() };
    assert_eq!(unsafe { libc::tcgetattr(fd, &mut termios) }, 0, "termios");
    termios.c_lflag & libc::ECHO != 0
}

/// Keys typed while a corpus is read from its files (seconds at a million
/// paragraphs) are taken by nkread before the read begins: the terminal
/// does not echo them onto the shell's screen, and they act, as typed,
/// once the reader shows.
/// nkread reading a corpus of 80,000 paragraphs from its files, long
/// enough (a third of a second in a debug build) that keys come while it
/// reads, once it has taken the keys.
fn loading(home: &std::path::Path) -> Session {
    let docs = many_paragraphs(home, 400, 200);
    let s = Session::start_with(home, &["--no-cache", "--corpus", &docs], 120, 40);
    let start = Instant::now();
    while echoes(&s) {
        assert!(start.elapsed() < DEADLINE, "the keys were never taken");
        std::thread::sleep(Duration::from_millis(1));
    }
    s
}

#[test]
fn keys_typed_while_the_corpus_loads_are_not_echoed_and_act_once_it_shows() {
    let home = tempfile::tempdir().expect("a home");
    let mut s = loading(home.path());
    let loading = !s
        .screen
        .lock()
        .expect("the screen")
        .screen()
        .alternate_screen();
    s.send("jj");
    assert!(loading, "the keys were taken only once the reader showed");
    s.wait_for("Documents, 3 of 405");
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_restored();
    assert!(echoes(&s), "the terminal as the shell had it");
    let shell = s.contents();
    assert!(!shell.contains("jj"), "echoed: {shell:?}");
}

/// Ctrl-C while the corpus is read still ends nkread at once, as SIGINT
/// (a key, it would wait for the reader), and gives the terminal back.
#[test]
fn ctrl_c_while_the_corpus_loads_ends_nkread_with_the_terminal_given_back() {
    let home = tempfile::tempdir().expect("a home");
    let mut s = loading(home.path());
    s.send("\u{3}");
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 130, "{status:?}");
    s.assert_restored();
    assert!(echoes(&s), "the terminal as the shell had it");
}
