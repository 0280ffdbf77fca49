//! What `import` reads, and what it says about it: a file name that holds
//! escapes is shown cleaned on every path; a capture over the size limit,
//! and anything named that is not a regular file, are refused with exit 2
//! before they are read; stdin is read only as `-`, up to the limit; a
//! page nested past any reason imports in time linear in its size.

mod common;

use common::home::{fresh_home, nkread_in, process_in};
use nkread::corpus::is_forbidden;
use std::ffi::OsStr;
use std::fs;
use std::path::Path;
use std::process::Output;

/// ESC with an OSC title sequence, BEL, a C1 CSI and a bidi override.
const HOSTILE: &str = "\u{1b}]0;pwned\u{7}\u{9b}31m\u{202e}";

const LETTER: &str = "Open Letter on Human Rights in North Korea\n\n\
    We, the undersigned organizations, call on the Human Rights Council to renew the mandate.\n";

fn run(home: &Path, args: &[&OsStr]) -> Output {
    nkread_in(home).args(args).output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// No character that could drive the terminal reached stderr.
fn clean(err: &str) {
    assert!(
        !err.chars().any(|c| c != '\n' && is_forbidden(c)),
        "raw control or bidi character on stderr: {err:?}"
    );
}

/// `import ARGS` fails with exit 2, saying `says`, and shows the hostile
/// name cleaned.
fn refused(home: &Path, args: &[&OsStr], says: &str) {
    let out = run(home, args);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert!(err.contains(says), "{args:?}: {err}");
    assert!(err.contains("pwned"), "the name is shown: {err}");
    clean(&err);
}

#[test]
fn a_hostile_file_name_reaches_no_message_raw() {
    let home = fresh_home();
    let file = |stem: &str, bytes: &[u8]| {
        let path = home.join(format!("{stem}{HOSTILE}.txt"));
        fs::write(&path, bytes).unwrap();
        path
    };
    for (stem, bytes, says) in [
        ("empty", &b""[..], "the file is empty"),
        ("binary", &b"ab\0cd"[..], "binary"),
        ("latin1", &b"Caf\xe9 au lait"[..], "not UTF-8"),
        (
            "title",
            &b"Open Letter on North Korea\n"[..],
            "no text to keep",
        ),
    ] {
        refused(&home, &import(&file(stem, bytes)), says);
    }
    refused(&home, &import(&home.join(HOSTILE)), "cannot read");
    let fifo = home.join(format!("fifo{HOSTILE}"));
    mkfifo(&fifo);
    refused(&home, &import(&fifo), "a FIFO");
    let big = home.join(format!("big{HOSTILE}.txt"));
    sparse(&big, 33 << 20);
    refused(&home, &import(&big), "over the limit");

    let letter = file("letter", LETTER.as_bytes());
    let out_dir = home.join(format!("out{HOSTILE}"));
    let mut to = import(&letter);
    to.extend(["--out".as_ref(), out_dir.as_os_str()]);
    refused(&home, &to, "cannot write");
    fs::create_dir(&out_dir).unwrap();
    let written = run(&home, &to);
    let err = stderr(&written);
    assert!(written.status.success(), "{err}");
    assert!(err.contains("wrote ") && err.contains("pwned"), "{err}");
    clean(&err);
    refused(&home, &to, "exists; --force replaces it");
}

#[test]
fn a_hostile_citation_style_is_not_echoed_raw() {
    let out = run(
        &fresh_home(),
        &[
            "cite".as_ref(),
            "hrc55".as_ref(),
            "--style".as_ref(),
            HOSTILE.as_ref(),
        ],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("no citation style") && err.contains("pwned"),
        "{err}"
    );
    clean(&err);
}

fn import(path: &Path) -> Vec<&OsStr> {
    vec!["import".as_ref(), path.as_os_str()]
}

fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(made.success());
}

/// A sparse file of `size` bytes: its size, not its blocks, is over the limit.
fn sparse(path: &Path, size: u64) {
    fs::File::create(path).unwrap().set_len(size).unwrap();
}

#[test]
fn a_capture_over_the_limit_is_refused_and_max_size_raises_the_limit() {
    let home = fresh_home();
    let big = home.join("big.html");
    sparse(&big, 33 << 20);
    let out = run(&home, &["import".as_ref(), big.as_os_str()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains(
            "big.html: the file is 33.0 MB, over the limit of 32 MB; --max-size raises it"
        ),
        "{err}"
    );
    // Raised, the file is read, and what it holds is judged: zeros are binary.
    let out = run(
        &home,
        &[
            "import".as_ref(),
            big.as_os_str(),
            "--max-size".as_ref(),
            "64".as_ref(),
        ],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("big.html: the file is binary"), "{err}");
    // Lowered, a small letter is too big.
    let letter = home.join("letter.txt");
    fs::write(&letter, LETTER.repeat(20_000)).unwrap();
    let out = run(
        &home,
        &[
            "import".as_ref(),
            letter.as_os_str(),
            "--max-size".as_ref(),
            "1".as_ref(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("over the limit of 1 MB"));
    let out = run(
        &home,
        &[
            "import".as_ref(),
            "--max-size".as_ref(),
            "0".as_ref(),
            letter.as_os_str(),
        ],
    );
    assert_eq!(out.status.code(), Some(2), "a limit of 0 is refused");
}

#[test]
fn a_fifo_with_no_writer_is_refused_at_once_by_its_type() {
    let home = fresh_home();
    let fifo = home.join("capture.html");
    mkfifo(&fifo);
    // nkread_in times out after 20 s: a blocked open would fail the test.
    let out = run(&home, &["import".as_ref(), fifo.as_os_str()]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("capture.html: cannot read a FIFO: only a regular file is read by name"),
        "{err}"
    );
}

#[test]
fn devices_and_directories_named_are_refused() {
    let home = fresh_home();
    for (path, what) in [("/dev/zero", "a character device"), ("/", "a directory")] {
        let out = run(&home, &["import".as_ref(), path.as_ref()]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{path}: {err}");
        assert!(
            err.contains(&format!("{path}: cannot read {what}")),
            "{err}"
        );
    }
}

#[test]
fn stdin_is_read_as_dash_up_to_the_limit() {
    let home = fresh_home();
    let out = nkread_in(&home)
        .args(["import", "-"])
        .write_stdin(LETTER)
        .assert()
        .success()
        .get_output()
        .clone();
    let draft = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(
        draft.contains("title = \"Open Letter on Human Rights in North Korea\""),
        "{draft}"
    );
    assert!(
        !draft.contains("source ="),
        "stdin has no file name: {draft}"
    );
    assert!(stderr(&out).starts_with("nkread import: stdin → "));
    // An endless stdin is read up to the limit, then refused.
    let zero = fs::File::open("/dev/zero").unwrap();
    let out = process_in(&home)
        .args(["import", "-", "--max-size", "1"])
        .stdin(zero)
        .output()
        .unwrap();
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("stdin: the capture is over the limit of 1 MB; --max-size raises it"),
        "{err}"
    );
}

/// A letter in a saved page, `open` and `close` around its first paragraph.
fn page(open: &str, close: &str) -> String {
    format!(
        "<!doctype html><html><head><title>Open Letter</title></head><body>\
         <h1>Open Letter on Human Rights in North Korea</h1>{open}<p>We, the undersigned \
         organizations, call on the Human Rights Council to renew the mandate.</p>{close}\
         <p>The situation has not improved since the Commission of Inquiry reported.</p>\
         </body></html>"
    )
}

/// Imports `html`, which must succeed (in 20 s, or the test fails) and
/// keep both paragraphs.
fn imports(html: &str) {
    let home = fresh_home();
    let file = home.join("deep.html");
    fs::write(&file, html).unwrap();
    let out = run(&home, &import(&file));
    let draft = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(draft.contains("renew the mandate."), "{draft}");
    assert!(draft.contains("has not improved"), "{draft}");
}

#[test]
fn a_hundred_thousand_nested_divs_import_without_overflowing_the_stack() {
    imports(&page(&"<div>".repeat(100_000), &"</div>".repeat(100_000)));
}

#[test]
fn formatting_tags_copied_into_every_paragraph_do_not_exhaust_memory() {
    // The parser copies each <b> still open into every new <p>: 5,000 of
    // them took 4.9 GB and more than two minutes.
    let copies: String = (0..5_000).map(|i| format!("<p><b id={i}>x</p>")).collect();
    imports(&page(&copies, ""));
}

#[test]
fn an_id_the_loader_would_refuse_is_refused_before_a_draft_is_made() {
    let home = fresh_home();
    let letter = home.join("letter.txt");
    fs::write(&letter, LETTER).unwrap();
    for id in ["two words", &format!("id{HOSTILE}")] {
        let mut args = import(&letter);
        args.extend([OsStr::new("--id"), OsStr::new(id)]);
        let out = run(&home, &args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{id:?}: {err}");
        assert!(err.contains("is not a valid id"), "{err}");
        assert!(!err.contains("please report this"), "{err}");
        clean(&err);
    }
}
