//! Files nkread writes where others may write too (`import --out`, `man
//! --dir`): a symbolic link planted at a name nkread writes is never
//! followed, so the file it points to stays as it was.

mod common;

use common::home::{fresh_home, in_home, nkread_in};
use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;

const CAPTURE: &str = "Open Letter on Human Rights in North Korea\n\n\
    We, the undersigned organizations, call on the Human Rights Council to renew the mandate.\n\n\
    The situation has not improved since the Commission of Inquiry reported in 2014.\n";

const PRECIOUS: &str = "a file of someone else's\n";

/// `import --out out` run by `sh`, which first links the name the draft's
/// temp file had to `victim`. `sh` execs nkread, which keeps its process
/// id, so `$$` is nkread's own.
fn import_past_a_link(home: &Path, extra: &[&str]) -> std::process::Output {
    let script = r#"ln -s "$VICTIM" "$OUT/.planted.toml.$$.tmp" &&
        exec "$NKREAD" import "$CAPTURE" --id planted --out "$OUT" "$@""#;
    in_home(home, "sh")
        .args(["-c", script, "sh"])
        .args(extra)
        .env("VICTIM", home.join("victim"))
        .env("OUT", home.join("out"))
        .env("CAPTURE", home.join("capture.txt"))
        .env("NKREAD", assert_cmd::cargo::cargo_bin!("nkread"))
        .output()
        .unwrap()
}

#[test]
fn import_never_writes_through_a_link_at_its_temp_name() {
    for extra in [&[][..], &["--force"]] {
        let home = fresh_home();
        fs::create_dir_all(home.join("out")).unwrap();
        fs::write(home.join("victim"), PRECIOUS).unwrap();
        fs::write(home.join("capture.txt"), CAPTURE).unwrap();
        let out = import_past_a_link(&home, extra);
        assert!(out.status.success(), "{extra:?}: {out:?}");
        assert_eq!(fs::read_to_string(home.join("victim")).unwrap(), PRECIOUS);
        let draft = home.join("out/planted.toml");
        assert!(fs::symlink_metadata(&draft).unwrap().is_file(), "{extra:?}");
        let text = fs::read_to_string(&draft).unwrap();
        assert!(text.contains("id = \"planted\""), "{text}");
        // Only the draft and the link planted: no temp file is left.
        let mut names: Vec<String> = fs::read_dir(home.join("out"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names.len(), 2, "{names:?}");
        assert_eq!(names[1], "planted.toml");
    }
}

#[test]
fn man_dir_never_writes_through_a_link_at_a_page_name() {
    let home = fresh_home();
    let (clean, planted) = (home.join("clean"), home.join("planted"));
    nkread_in(&home)
        .args(["man", "--dir"])
        .arg(&clean)
        .assert()
        .success();
    let pages: Vec<_> = fs::read_dir(&clean)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert!(pages.len() > 10, "{pages:?}");
    fs::create_dir_all(&planted).unwrap();
    fs::write(home.join("victim"), PRECIOUS).unwrap();
    for page in &pages {
        symlink(home.join("victim"), planted.join(page)).unwrap();
    }
    nkread_in(&home)
        .args(["man", "--dir"])
        .arg(&planted)
        .assert()
        .success();
    assert_eq!(fs::read_to_string(home.join("victim")).unwrap(), PRECIOUS);
    for page in &pages {
        let written = planted.join(page);
        assert!(
            fs::symlink_metadata(&written).unwrap().is_file(),
            "{page:?}"
        );
        assert_eq!(
            fs::read(&written).unwrap(),
            fs::read(clean.join(page)).unwrap()
        );
    }
}
