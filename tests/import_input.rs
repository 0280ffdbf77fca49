//! What `import` reads, and what it says about it: a file name that holds
//! escapes is shown cleaned on every path.

mod common;

use common::home::{fresh_home, nkread_in};
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
