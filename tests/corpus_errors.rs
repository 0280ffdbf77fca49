//! Corpus and config errors at scale and on odd files: thousands of problems
//! are all reported (in a time that grows with their number, which the
//! benchmark records; no test here is timed), and what a corpus directory
//! holds besides regular files is skipped with a warning.

mod common;

use assert_cmd::Command;
use common::{drawn, press, rows, state};
use nkread::corpus::Corpus;
use nkread::library::Library;
use std::path::Path;
use tempfile::TempDir;

/// nkread in a home of its own, reading no user configuration.
fn nkread(home: &TempDir) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("nkread"));
    let at = |dir: &str| home.path().join(dir);
    cmd.env("HOME", home.path())
        .env("XDG_CONFIG_HOME", at("config"))
        .env("XDG_DATA_HOME", at("data"))
        .env("XDG_CACHE_HOME", at("cache"))
        .env_remove("NO_COLOR");
    cmd
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

const HEADER: &str = "id = \"d\"\ntitle = \"T\"\nkind = \"statement\"\n";

fn write(dir: &Path, name: &str, contents: &str) {
    std::fs::write(dir.join(name), contents).unwrap();
}

#[test]
fn eight_thousand_empty_paragraphs_are_eight_thousand_problems_each_at_its_line() {
    let home = TempDir::new().unwrap();
    let corpus = home.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let paragraphs = "  \"\",\n".repeat(8000);
    write(
        &corpus,
        "d.toml",
        &format!("{HEADER}paragraphs = [\n{paragraphs}]\n"),
    );
    let out = nkread(&home)
        .arg("--corpus")
        .arg(&corpus)
        .arg("list")
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = text(&out.stderr);
    let empty: Vec<&str> = err
        .lines()
        .filter(|l| l.contains(": paragraph ") && l.ends_with(" is empty"))
        .collect();
    assert_eq!(empty.len(), 8000);
    // Paragraph n is on line n + 4, at its quote.
    for (n, line) in [(1, empty[0]), (8000, empty[7999])] {
        let at = format!(
            "d.toml:{}:3: field `paragraphs[{}]`: paragraph {n} is empty",
            n + 4,
            n - 1
        );
        assert!(line.ends_with(&at), "{line}");
    }
}

#[test]
fn a_hundred_thousand_unknown_tables_are_each_reported_in_line_order() {
    let home = TempDir::new().unwrap();
    let config = home.path().join("config.toml");
    let tables: String = (0..100_000).map(|i| format!("[unknown{i}]\n")).collect();
    std::fs::write(&config, tables).unwrap();
    let out = nkread(&home)
        .arg("--config")
        .arg(&config)
        .arg("list")
        .assert()
        .failure()
        .get_output()
        .clone();
    let err = text(&out.stderr);
    assert!(
        err.starts_with("nkread: invalid configuration (100000 problems)"),
        "{}",
        err.chars().take(200).collect::<String>()
    );
    let unknown: Vec<&str> = err
        .lines()
        .filter(|l| l.contains(": unknown key `"))
        .collect();
    assert_eq!(unknown.len(), 100_000);
    assert!(
        unknown[99_999].contains("config.toml:100000:2: field `unknown99999`"),
        "{}",
        unknown[99_999]
    );
}

/// Words of six letters, each at least three edits from every other, so
/// that no two names made of two of them look alike.
fn far_apart_words(n: usize) -> Vec<String> {
    let mut state = 2014u64;
    let mut words: Vec<String> = Vec::new();
    while words.len() < n {
        let word: String = (0..6)
            .map(|_| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1442695040888963407);
                char::from(b'a' + (state >> 59) as u8 % 26)
            })
            .collect();
        if words.iter().all(|w| strsim::osa_distance(w, &word) >= 3) {
            words.push(word);
        }
    }
    words
}

#[test]
fn check_reports_the_look_alikes_among_ten_thousand_names() {
    let home = TempDir::new().unwrap();
    let corpus = home.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let words = far_apart_words(100);
    let capital = |w: &str| w[..1].to_uppercase() + &w[1..];
    let mut doc = format!("{HEADER}paragraphs = [\"x\"]\n");
    let mut person = |name: &str| {
        doc.push_str(&format!(
            "[[people]]\nname = \"{name}\"\nkind = \"person\"\nrole = \"signatory\"\n"
        ));
    };
    for a in &words {
        for b in &words {
            person(&format!("{} {}", capital(a), capital(b)));
        }
    }
    // Two look-alikes of one of them: a typo (which also begins the other,
    // but a typo is said first) and a longer name.
    let first = format!("{} {}", capital(&words[0]), capital(&words[1]));
    person(&format!("{first}x"));
    person(&format!("{first} Junior"));
    write(&corpus, "d.toml", &doc);
    let out = nkread(&home)
        .arg("--corpus")
        .arg(&corpus)
        .arg("check")
        .assert()
        .success()
        .get_output()
        .clone();
    let warnings = text(&out.stdout);
    // "… Junior" is also an author's name the rules cannot split.
    let lines: Vec<&str> = warnings
        .lines()
        .filter(|l| !l.contains("one literal name"))
        .collect();
    assert_eq!(lines.len(), 2, "{warnings}");
    let quoted = format!("warning: \"{first}\"");
    assert!(lines.iter().all(|l| l.starts_with(&quoted)), "{warnings}");
    assert_eq!(
        lines.iter().filter(|l| l.ends_with("a typo apart")).count(),
        1
    );
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.ends_with("one name begins the other"))
            .count(),
        1
    );
    let err = text(&out.stderr);
    assert!(
        err.ends_with(" organizations and people: 3 warnings\n"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn what_is_not_a_regular_file_is_skipped_with_a_warning() {
    use std::os::unix::fs::symlink;
    let home = TempDir::new().unwrap();
    let corpus = home.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    write(
        &corpus,
        "good.toml",
        &format!("{HEADER}paragraphs = [\"x\"]\n"),
    );
    symlink(corpus.join("nowhere.toml"), corpus.join("dangling.toml")).unwrap();
    symlink(corpus.join("loop-b.toml"), corpus.join("loop-a.toml")).unwrap();
    symlink(corpus.join("loop-a.toml"), corpus.join("loop-b.toml")).unwrap();
    std::fs::create_dir(corpus.join("folder.toml")).unwrap();
    let fifo = std::ffi::CString::new(corpus.join("pipe.json").to_str().unwrap()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(fifo.as_ptr(), 0o600) }, 0);
    let out = nkread(&home)
        .arg("--corpus")
        .arg(&corpus)
        .arg("list")
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(text(&out.stdout).contains("\nd "), "{}", text(&out.stdout));
    let err = text(&out.stderr);
    for (file, what) in [
        ("dangling.toml", "a symbolic link to nothing"),
        ("loop-a.toml", "a loop of symbolic links"),
        ("loop-b.toml", "a loop of symbolic links"),
        ("folder.toml", "a directory"),
        ("pipe.json", "not a regular file (a FIFO, socket or device)"),
    ] {
        let said = format!(
            "nkread: warning: {}: skipped, {what}\n",
            corpus.join(file).display()
        );
        assert!(err.contains(&said), "{said}\n{err}");
    }
    assert_eq!(err.lines().count(), 5, "{err}");
}

#[test]
fn an_id_with_a_control_character_is_refused_not_cleaned() {
    let home = TempDir::new().unwrap();
    let corpus = home.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    write(
        &corpus,
        "d.toml",
        "id = \"ab\\u0007c\"\ntitle = \"T\"\nkind = \"statement\"\nparagraphs = [\"x\"]\n",
    );
    write(
        &corpus,
        "e.json",
        "{\"id\": \"de\\u202ef\", \"title\": \"T\", \"kind\": \"statement\", \"paragraphs\": [\"x\"]}",
    );
    let out = nkread(&home)
        .arg("--corpus")
        .arg(&corpus)
        .arg("list")
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = text(&out.stderr);
    assert!(
        err.contains("d.toml:1:6: field `id`: \"ab\\u{7}c\" is not a valid id"),
        "{err}"
    );
    assert!(
        err.contains("e.json:1:8: field `id`: \"de\\u{202e}f\" is not a valid id"),
        "{err}"
    );
    assert!(!err.chars().any(|c| c.is_control() && c != '\n'), "{err:?}");
}

#[test]
fn a_key_too_deep_for_toml_is_pointed_at() {
    let home = TempDir::new().unwrap();
    let corpus = home.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let deep = vec!["a"; 300].join(".");
    write(
        &corpus,
        "d.toml",
        &format!("{HEADER}paragraphs = [\"x\"]\n[{deep}]\n"),
    );
    let config = home.path().join("config.toml");
    std::fs::write(&config, format!("mouse = true\n{deep} = 1\n")).unwrap();
    let out = nkread(&home)
        .arg("--corpus")
        .arg(&corpus)
        .arg("list")
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = text(&out.stderr);
    assert!(err.contains("d.toml:5:2: recursion limit"), "{err}");
    let out = nkread(&home)
        .arg("--config")
        .arg(&config)
        .arg("list")
        .assert()
        .failure()
        .get_output()
        .clone();
    let err = text(&out.stderr);
    assert!(err.contains("config.toml:2:1: recursion limit"), "{err}");
}

#[test]
fn a_corpus_of_200_files_with_one_typo_still_opens_naming_the_file_that_did_not() {
    let home = TempDir::new().unwrap();
    let dir = home.path().join("corpus");
    std::fs::create_dir(&dir).unwrap();
    for i in 0..200 {
        let kind = if i == 117 { "stament" } else { "statement" };
        write(
            &dir,
            &format!("d{i:03}.toml"),
            &format!(
                "id = \"d{i}\"\ntitle = \"T{i}\"\nkind = \"{kind}\"\nparagraphs = [\"P{i}\"]\n"
            ),
        );
    }
    let bundled = Corpus::load(&[]).unwrap().documents.len();
    let (corpus, problems) = Corpus::load_all(std::slice::from_ref(&dir));
    assert_eq!(corpus.documents.len(), bundled + 199);
    assert!(corpus.get("d117").is_none() && corpus.get("d118").is_some());
    assert_eq!(problems.0.len(), 1, "{problems}");
    assert!(
        problems.to_string().contains("d117.toml:3:8: field `kind`"),
        "{problems}"
    );

    // The reader names the file in its status bar until its list is read.
    let lib = Library::new(corpus);
    let mut s = state(&lib, 100, 30);
    s.load_problems = problems.0;
    let status =
        |s: &nkread::tui::state::AppState| rows(drawn(s, &lib).buffer()).last().cloned().unwrap();
    assert!(
        status(&s).contains("1 file did not load (! says why): d117.toml"),
        "{}",
        status(&s)
    );
    press(&mut s, &lib, "j");
    assert!(status(&s).contains("did not load"), "{}", status(&s));
    press(&mut s, &lib, "!");
    let screen = rows(drawn(&s, &lib).buffer()).join("\n");
    assert!(
        screen.contains("1 file did not load, so the reader"),
        "{screen}"
    );
    assert!(screen.contains("d117.toml:3:8: field `kind`"), "{screen}");
    assert!(screen.contains("3 | kind = \"stament\""), "{screen}");
    press(&mut s, &lib, "<esc>");
    assert!(s.overlays.is_empty());
    assert!(!status(&s).contains("did not load"), "{}", status(&s));
    assert!(status(&s).contains("? help"), "{}", status(&s));

    // Every command still refuses it, naming the file, with status 2.
    for command in ["list", "check"] {
        let out = nkread(&home)
            .arg("--corpus")
            .arg(&dir)
            .arg(command)
            .assert()
            .code(2)
            .stdout("")
            .get_output()
            .clone();
        assert!(text(&out.stderr).contains("d117.toml:3:8"), "{command}");
    }
}
