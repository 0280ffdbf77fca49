//! The linear mode, as a blind researcher would use it: the real binary in
//! a pseudo-terminal, commands typed at its prompt, and the transcript read
//! as it came, escape sequences and all.

mod common;

use common::home::{fresh_home, nkread_in};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Long enough for a loaded CI machine; only a hang reaches it.
const DEADLINE: Duration = Duration::from_secs(30);

/// Runs nkread with `args` and `env` in a pty in `home`, types each
/// command once the prompt for it is out, and returns the transcript and
/// whether it exited with status 0.
fn transcript(home: &Path, args: &[&str], env: &[(&str, &str)], commands: &[&str]) -> String {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pty");
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_nkread"));
    command.env("HOME", home);
    command.env("XDG_CONFIG_HOME", home.join("config"));
    command.env("XDG_DATA_HOME", home.join("data"));
    command.env("XDG_CACHE_HOME", home.join("cache"));
    command.env("TERM", "xterm-256color");
    command.env_remove("NO_COLOR");
    command.env_remove("NKREAD_LINEAR");
    command.env_remove("TMUX");
    for (name, value) in env {
        command.env(name, value);
    }
    command.args(args);
    command.cwd(home);
    let mut child = pty.slave.spawn_command(command).expect("nkread starts");
    drop(pty.slave);
    let seen = Arc::new(Mutex::new(Vec::new()));
    let mut reader = pty.master.try_clone_reader().expect("a reader");
    let sink = Arc::clone(&seen);
    let output = std::thread::spawn(move || {
        let mut chunk = [0u8; 4096];
        while let Ok(n) = reader.read(&mut chunk) {
            if n == 0 {
                break;
            }
            sink.lock()
                .expect("the transcript")
                .extend_from_slice(&chunk[..n]);
        }
    });
    let text = |seen: &Mutex<Vec<u8>>| {
        String::from_utf8_lossy(&seen.lock().expect("the transcript")).into_owned()
    };
    let mut writer = pty.master.take_writer().expect("a writer");
    for (n, line) in commands.iter().enumerate() {
        // The prompt for this command: one more than commands sent.
        let start = Instant::now();
        while text(&seen).matches("> ").count() <= n {
            assert!(
                start.elapsed() < DEADLINE,
                "no prompt for {line:?}:\n{}",
                text(&seen)
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        writer
            .write_all(format!("{line}\r").as_bytes())
            .expect("a command is typed");
        writer.flush().expect("a command is typed");
    }
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("the child") {
            break status;
        }
        if start.elapsed() > DEADLINE {
            let _ = child.kill();
            panic!("nkread did not exit:\n{}", text(&seen));
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    drop(writer);
    drop(pty.master);
    output.join().expect("the output is read");
    let transcript = text(&seen);
    assert!(status.success(), "exit {status:?}:\n{transcript}");
    transcript
}

/// The escape sequences in `text`, each whole: ESC, then a CSI's
/// parameters and final byte, or the one byte after it.
fn escapes(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find('\u{1b}') {
        let after = &rest[at + 1..];
        let end = match after.strip_prefix('[') {
            Some(csi) => csi
                .find(|c: char| ('\u{40}'..='\u{7e}').contains(&c))
                .map_or(after.len(), |i| i + 2),
            None => after.chars().next().map_or(0, char::len_utf8),
        };
        found.push(format!("\u{1b}{}", &after[..end]));
        rest = &after[end..];
    }
    found
}

/// The five tasks of a researcher who cannot see the screen: open a
/// letter, hear its signatories, search, bookmark a passage with a note,
/// and cite it, all in lines appended one after another.
#[test]
fn the_five_tasks_in_the_linear_mode() {
    for no_color in [false, true] {
        let home = fresh_home();
        let env: &[(&str, &str)] = if no_color { &[("NO_COLOR", "1")] } else { &[] };
        let said = transcript(
            &home,
            &["--linear"],
            env,
            &[
                "list",
                "open 1",
                "people",
                "search secrty councl",
                "open 3",
                "]",
                "bookmark",
                "note for the HRC briefing",
                "cite",
                "quit",
            ],
        );
        // Open a letter: the list, then the 2024 letter, in sentences.
        assert!(
            said.contains("Document 3 of 5: Joint Letter to UN Security Council re North Korean human rights, circa 2015, joint letter, 9 signatories."),
            "{said}"
        );
        assert!(
            said.contains("Document 1 of 5: North Korea: States Should Support the Resolution"),
            "{said}"
        );
        assert!(
            said.contains("Paragraph 1 of 7: Dear Excellencies"),
            "{said}"
        );
        // Its signatories, numbered, with who else they stood with.
        assert!(
            said.contains(
                "Person 18 of 47: Christian Solidarity Worldwide, signatory, also in 2 other documents."
            ),
            "{said}"
        );
        // A search, its hits numbered; the third opened at its paragraph,
        // then a key moves on a paragraph.
        assert!(said.contains("Search for secrty councl: 10 rows"), "{said}");
        assert!(said.contains("Hit 3 of 10: Joint Letter"), "{said}");
        assert!(
            said.contains("Paragraph 4 of 6: The commission concluded"),
            "{said}"
        );
        assert!(said.contains("Paragraph 5 of 6"), "{said}");
        // A bookmark with a note, kept on disk.
        assert!(said.contains("Bookmarked ¶5"), "{said}");
        assert!(
            said.contains("The note on paragraph 5 reads: for the HRC briefing"),
            "{said}"
        );
        let saved = std::fs::read_to_string(home.join("data/nkread/bookmarks.json"))
            .expect("the bookmarks are saved");
        assert!(saved.contains("for the HRC briefing"), "{saved}");
        // The citation, told rather than sent to a clipboard.
        assert!(
            said.contains(
                "“Joint Letter to UN Security Council re North Korean human rights”, c. 2015, ¶5"
            ),
            "{said}"
        );
        assert!(!said.contains("OSC 52"), "{said}");
        assert!(said.contains("Goodbye."), "{said}");
        // Lines only: nothing but colour, and under NO_COLOR nothing at all.
        let escapes = escapes(&said);
        match no_color {
            true => assert!(escapes.is_empty(), "{escapes:?}"),
            false => assert!(
                escapes
                    .iter()
                    .all(|e| e.starts_with("\u{1b}[") && e.ends_with('m')),
                "{escapes:?}"
            ),
        }
    }
}

/// TERM=dumb, where the full-screen reader cannot draw, gives the linear
/// mode without asking.
#[test]
fn a_dumb_terminal_gets_the_linear_mode() {
    let home = fresh_home();
    let said = transcript(&home, &[], &[("TERM", "dumb")], &["next", "q"]);
    assert!(
        said.contains("nkread, linear mode: 5 documents, 46 paragraphs."),
        "{said}"
    );
    assert!(
        said.contains("Document 2 of 5: North Korea: Crimes Against Humanity"),
        "{said}"
    );
    assert!(escapes(&said).is_empty(), "{said:?}");
}

/// NKREAD_LINEAR=1 reads commands from a pipe too: no terminal needed, and
/// a bad command is said and the session goes on.
#[test]
fn the_linear_mode_reads_a_pipe_and_says_what_it_cannot_do() {
    let home = fresh_home();
    let out = nkread_in(&home)
        .env("NKREAD_LINEAR", "1")
        .write_stdin(
            "dance\nopen 9\npara 3\npeople human rights watch\nopen 4000000000\nopen 1\nmark\nopen 3\nmark\ngrid\n\
             search \u{1b}[2Jcouncil\n",
        )
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    let said = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        said.contains("“dance” is not a command I know; help lists the commands."),
        "{said}"
    );
    assert!(
        said.contains("There are 5 documents; list tells them."),
        "{said}"
    );
    assert!(said.contains("Paragraph 3 of 7:"), "{said}");
    assert!(
        said.contains("Row 1 of 1: Human Rights Watch, organization, in 4 documents."),
        "{said}"
    );
    assert!(said.contains("There is no row 4000000000."), "{said}");
    // Who signed both the 2024 letter and the 2015 one: the grid of the two.
    assert!(
        said.contains("Who stood with whom in 2 documents: 51 rows"),
        "{said}"
    );
    assert!(
        said.contains("Row 1 of 51: Christian Solidarity Worldwide, in 2 of 2 documents, as signatory, first circa 2015, last circa 2024."),
        "{said}"
    );
    // A control character typed reaches no line.
    assert!(said.contains("Search for [2Jcouncil"), "{said}");
    assert!(!said.contains('\u{1b}'), "{said:?}");
    // The end of input quits, as quit does.
    assert!(said.ends_with("> \n"), "{said:?}");
}

/// A corpus file that did not load is said before anything else, and `!`
/// tells the list again; the other documents are all there.
#[test]
fn the_linear_mode_says_first_which_files_did_not_load() {
    let home = fresh_home();
    let docs = home.join("docs");
    std::fs::create_dir(&docs).unwrap();
    let doc = |id: &str, kind: &str| {
        format!("id = \"{id}\"\ntitle = \"T\"\nkind = \"{kind}\"\nparagraphs = [\"P\"]\n")
    };
    std::fs::write(docs.join("good.toml"), doc("good", "statement")).unwrap();
    std::fs::write(docs.join("bad.toml"), doc("bad", "memo")).unwrap();
    let out = nkread_in(&home)
        .env("NKREAD_LINEAR", "1")
        .arg("--corpus")
        .arg(&docs)
        .write_stdin("!\n")
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    let said = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(said.contains("linear mode: 6 documents"), "{said}");
    let told = "1 file did not load, so its documents are left out; fix it and start nkread again:";
    assert_eq!(said.matches(told).count(), 2, "{said}");
    assert_eq!(
        said.matches("bad.toml:3:8: field `kind`: unknown variant `memo`")
            .count(),
        2,
        "{said}"
    );
}

/// The line view over the state the keys left: each list the full-screen
/// reader draws is told as numbered rows, from the selected one on.
#[test]
fn the_line_view_tells_each_list_as_numbered_rows() {
    use common::{bundled, press, state};
    use nkread::tui::linear::lines;
    let lib = bundled();
    let mut s = state(&lib, 120, 40);
    assert_eq!(lines::documents(&lib, &s).len(), 5);
    press(&mut s, &lib, "jj<enter>]");
    assert_eq!(
        lines::here(&lib, &s),
        [lines::paragraph(&lib, &s).expect("a paragraph")]
    );
    assert!(lines::here(&lib, &s)[0].starts_with("Paragraph 2 of 6: Excerpts of the letter:"));
    press(&mut s, &lib, "b");
    assert!(
        lines::paragraph(&lib, &s)
            .unwrap()
            .starts_with("Paragraph 2 of 6, bookmarked:")
    );
    press(&mut s, &lib, "B");
    let told = lines::overlay(&lib, &s);
    assert!(told[0].starts_with("Bookmarks: 1 row;"), "{told:?}");
    assert!(
        told[1].starts_with("Bookmark 1 of 1: Joint Letter to UN Security Council re North Korean human rights, paragraph 2: “Excerpts of the letter:”"),
        "{told:?}"
    );
    press(&mut s, &lib, "<esc>/crimes humanity");
    let told = lines::overlay(&lib, &s);
    assert!(
        told[0].starts_with("Search for crimes humanity: "),
        "{told:?}"
    );
    assert!(told[1].starts_with("Hit 1 of "), "{told:?}");
    press(&mut s, &lib, "<down>");
    assert!(lines::here(&lib, &s)[0].starts_with("Hit 2 of "));
    press(&mut s, &lib, "<esc>p");
    let told = lines::overlay(&lib, &s);
    assert!(told[0].starts_with("People index: 97 rows;"), "{told:?}");
    assert_eq!(
        told.len(),
        1 + lines::ROWS_TOLD + 1,
        "twenty rows, then how many more"
    );
    assert!(told.last().unwrap().starts_with("77 more"), "{told:?}");
    press(&mut s, &lib, "<esc>?");
    assert_eq!(lines::overlay(&lib, &s), lines::help());
}

/// v tells the capture a document was curated from, line by line, each
/// kept as a paragraph or left out said so, as the full screen marks them.
#[test]
fn the_linear_mode_tells_the_capture_with_what_was_kept_and_left_out() {
    let home = fresh_home();
    let out = nkread_in(&home)
        .env("NKREAD_LINEAR", "1")
        .write_stdin("open 3\nv\n")
        .output()
        .expect("runs");
    assert!(out.status.success(), "{out:?}");
    let said = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        said.contains("The capture 003_a4c01b9df4dd9a2f.txt: 27 lines; back leaves."),
        "{said}"
    );
    assert!(
        said.contains("Line 4 of 27, kept as paragraph 2: Excerpts of the letter:"),
        "{said}"
    );
    assert!(
        said.contains(", left out by the curator: This entry was posted in DPRK Government"),
        "{said}"
    );
}
