//! The configuration: each class of mistake end to end (the real binary,
//! its stderr and exit status), the `config`, `completions` and `man`
//! commands, and a configured reader through update and view.

mod common;

use common::home::{nkread, nkread_in};

use assert_cmd::Command;
use common::{fixture, rows};
use crossterm::event::KeyCode;
use nkread::config::{Config, EXAMPLE};
use nkread::corpus::SourceFile;
use nkread::library::Library;
use nkread::tui::keymap::Key;
use nkread::tui::msg::Msg;
use nkread::tui::state::AppState;
use nkread::tui::update::update;
use nkread::tui::view::help::HelpView;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::widgets::Widget;
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

fn config_fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/config")
        .join(name)
}

/// The stderr of `nkread --config FIXTURE list`, which must fail with 2
/// before printing anything.
fn startup_error(name: &str) -> String {
    let out = nkread()
        .arg("--config")
        .arg(config_fixture(name))
        .arg("list")
        .assert()
        .code(2)
        .stdout("")
        .get_output()
        .clone();
    String::from_utf8(out.stderr).unwrap()
}

fn stdout_of(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).unwrap()
}

#[test]
fn a_malformed_file_names_the_file_line_and_column_and_shows_the_line() {
    let err = startup_error("malformed.toml");
    assert!(err.contains("malformed.toml:3:15: "), "{err}");
    assert!(
        err.contains("     3 | sort = \"newest\n       |               ^"),
        "{err}"
    );
}

#[test]
fn an_unknown_key_names_its_table_and_the_closest_valid_key() {
    let err = startup_error("unknown_key.toml");
    assert!(
        err.contains(
            "unknown_key.toml:3:1: field `sidebar.widht`: unknown key `widht` in [sidebar]; \
             did you mean `width`? (valid: visible, width)"
        ),
        "{err}"
    );
    assert!(err.contains("     3 | widht = 30"), "{err}");
}

#[test]
fn a_wrong_type_or_value_says_what_was_given_and_what_is_allowed() {
    let err = startup_error("wrong_value.toml");
    assert!(err.contains("(3 problems)"), "{err}");
    assert!(
        err.contains(
            "wrong_value.toml:1:9: field `mouse`: expected true or false, found the string \"yes\""
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "field `reading_width`: expected a whole number from 20 to 1000, found the number 5"
        ),
        "{err}"
    );
    assert!(
        err.contains("field `sort`: unknown value \"newst\"; did you mean `newest`? (expected one of \"newest\", \"oldest\" or \"title\")"),
        "{err}"
    );
}

#[test]
fn an_unknown_action_lists_the_valid_actions() {
    let err = startup_error("unknown_action.toml");
    assert!(
        err.contains("unknown_action.toml:2:12: field `keys.reader.\"ctrl-j\"`")
            || err.contains("unknown_action.toml:2:12: field `keys.reader.ctrl-j`"),
        "{err}"
    );
    assert!(
        err.contains("unknown value \"next\"; did you mean `next_match`?"),
        "{err}"
    );
    for action in [
        "move_down",
        "next_paragraph",
        "show_help",
        "\"none\" to unbind",
    ] {
        assert!(err.contains(action), "{action}: {err}");
    }
}

#[test]
fn an_unknown_colour_lists_the_valid_colours() {
    let err = startup_error("unknown_colour.toml");
    assert!(
        err.contains("unknown_colour.toml:3:13: field `theme.selection`: unknown value \"purple\""),
        "{err}"
    );
    for colour in ["\"magenta\"", "\"light_blue\"", "\"#rrggbb\""] {
        assert!(err.contains(colour), "{colour}: {err}");
    }
    // "preset" is no colour: it is offered apart, as what keeps the preset's.
    assert!(
        err.contains("(expected a colour: \"black\", \"red\""),
        "{err}"
    );
    assert!(
        err.contains("\"reset\" or \"#rrggbb\"; or \"preset\" to keep the preset's)"),
        "{err}"
    );
}

#[test]
fn an_unquoted_word_says_it_must_be_quoted_and_what_else_is_wrong_in_one_message() {
    let out = nkread()
        .args(["config", "check"])
        .arg(config_fixture("unquoted.toml"))
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains(
            "unquoted.toml:2:9: field `mouse`: string values must be quoted, and quoted this \
             one is still wrong: expected true or false, found the string \"yes\""
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "unquoted.toml:3:8: field `sort`: string values must be quoted: write sort = \"title\""
        ),
        "{err}"
    );
}

#[test]
fn a_misspelt_colour_is_met_with_the_colour_meant() {
    let err = nkread::config::Config::parse(&SourceFile::new(
        "c.toml",
        "[theme]\nkey = \"grean\"\nborder = \"ligth_blue\"\n".to_string(),
    ))
    .unwrap_err()
    .to_string();
    assert!(err.contains("\"grean\"; did you mean `green`?"), "{err}");
    assert!(
        err.contains("\"ligth_blue\"; did you mean `light_blue`?"),
        "{err}"
    );
}

#[test]
fn two_names_for_one_key_in_a_table_are_a_conflict_naming_both() {
    let err = startup_error("conflict.toml");
    assert!(err.contains("conflict.toml:"), "{err}");
    assert!(
        err.contains("are the same key, `ctrl-j`, in [keys.list]")
            && err.contains("`ctrl-j`")
            && err.contains("`Ctrl-J`"),
        "{err}"
    );
}

#[test]
fn config_check_reports_every_problem_at_once() {
    let out = nkread()
        .args(["config", "check"])
        .arg(config_fixture("several.toml"))
        .assert()
        .code(2)
        .stdout("")
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("(4 problems)"), "{err}");
    for at in [
        "several.toml:2:9:",
        "several.toml:5:1:",
        "several.toml:8:7:",
        "several.toml:11:5:",
    ] {
        assert!(err.contains(at), "{at}: {err}");
    }
    // A good file passes, with a word on stderr and nothing on stdout.
    nkread()
        .args(["config", "check"])
        .arg(config_fixture("remap.toml"))
        .assert()
        .success()
        .stdout("")
        .stderr(predicates::str::contains("remap.toml is valid"));
    // --config names the file to check too.
    nkread()
        .arg("--config")
        .arg(config_fixture("several.toml"))
        .args(["config", "check"])
        .assert()
        .code(2);
    // No file at the default place: the defaults apply.
    nkread()
        .args(["config", "check"])
        .assert()
        .success()
        .stderr(predicates::str::contains("the defaults apply"));
}

#[test]
fn config_check_points_into_indented_lines_of_a_file_with_a_byte_order_mark() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("config.toml");
    std::fs::write(
        &file,
        "\u{feff}mouse = \"x\"\n[keys.reader]\n    j = \"nxt\"\n\tk = \"up\"\n",
    )
    .unwrap();
    let out = nkread()
        .args(["config", "check"])
        .arg(&file)
        .assert()
        .code(2)
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    for expected in [
        "config.toml:1:9: field `mouse`",
        "     1 | mouse = \"x\"\n       |         ^",
        "config.toml:3:9: field `keys.reader.j`",
        "     3 |     j = \"nxt\"\n       |         ^",
        "config.toml:4:6: field `keys.reader.k`",
        "     4 |     k = \"up\"\n       |         ^",
    ] {
        assert!(err.contains(expected), "{expected:?} in:\n{err}");
    }
}

#[test]
fn config_path_prints_where_the_config_is_read_from() {
    let home = tempfile::tempdir().unwrap();
    let expected = home.path().join("nkread/config.toml");
    let out = nkread()
        .env("XDG_CONFIG_HOME", home.path())
        .args(["config", "path"])
        .assert()
        .success()
        .stderr(predicates::str::contains("the defaults apply"))
        .get_output()
        .clone();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        format!("{}\n", expected.display())
    );
    let remap = config_fixture("remap.toml");
    let out = stdout_of(
        nkread()
            .arg("--config")
            .arg(&remap)
            .args(["config", "path"]),
    );
    assert_eq!(out, format!("{}\n", remap.display()));
    // A broken file does not stop the commands that help fix it.
    nkread()
        .arg("--config")
        .arg(config_fixture("malformed.toml"))
        .args(["config", "path"])
        .assert()
        .success();
}

#[test]
fn config_default_prints_the_example_file_which_checks_clean() {
    let out = stdout_of(nkread().args(["config", "default"]));
    assert_eq!(out, EXAMPLE);
    assert_eq!(
        out,
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("config.example.toml"))
            .unwrap()
    );
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("config.toml");
    std::fs::write(&copy, &out).unwrap();
    nkread()
        .args(["config", "check"])
        .arg(&copy)
        .assert()
        .success();
}

#[test]
fn completions_are_printed_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -o nospace"),
        ("zsh", "#compdef nkread"),
        ("fish", "complete --keep-order --exclusive --command nkread"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer[nkread]"),
    ] {
        let out = stdout_of(nkread().args(["completions", shell]));
        assert!(
            out.contains(marker),
            "{shell}: {}",
            &out[..out.len().min(300)]
        );
        // The script asks nkread itself, which knows the corpus.
        assert!(
            out.contains("COMPLETE") && out.contains(shell),
            "{shell}: {out}"
        );
    }
    nkread().args(["completions", "tcsh"]).assert().code(2);
    // The help names every shell it takes.
    let help = stdout_of(nkread().arg("--help"));
    assert!(
        help.contains("completions for bash, zsh, fish, powershell or elvish"),
        "{help}"
    );
}

#[test]
fn the_man_page_is_roff_made_from_the_same_definition() {
    let out = stdout_of(nkread().arg("man"));
    assert!(
        out.starts_with(".ie") || out.starts_with(".TH"),
        "{}",
        &out[..200]
    );
    assert!(out.contains(".TH nkread 1"), "{out}");
    for command in ["list", "show", "people", "search", "config", "completions"] {
        assert!(out.contains(command), "{command}");
    }
    for section in ["EXAMPLES", "EXIT STATUS", "KEYS", "FILES", "ENVIRONMENT"] {
        assert!(
            out.contains(&format!(".SH \"{section}\""))
                || out.contains(&format!(".SH {section}\n")),
            "no {section}: {out}"
        );
    }
    // Examples keep their lines: each is its own line inside no-fill.
    let examples = &out[out.find("EXAMPLES").unwrap()..];
    let block = &examples[examples.find(".nf").unwrap()..examples.find(".fi").unwrap()];
    assert!(block.contains("\n  nkread list "), "{block}");
    assert!(block.contains("\n  nkread people ojea "), "{block}");
    // The keys are the bindings the reader starts with.
    assert!(out.contains("focus the next pane"), "{out}");
    assert!(out.contains("bookmarks.json"), "{out}");
    assert!(out.contains("NO_COLOR"), "{out}");
    // The ways to the linear mode, and to panes without borders.
    for said in ["NKREAD_LINEAR", "linear", "no\\-borders"] {
        assert!(out.contains(said), "no {said}: {out}");
    }
    // Where a document's capture is looked for, and when links are sent.
    assert!(out.contains("DIR/sources/SOURCE"), "{out}");
    assert!(out.contains("show the raw capture"), "{out}");
    assert!(out.contains("hyperlinks (OSC 8)"), "{out}");
}

#[test]
fn man_dir_writes_a_page_for_every_command_the_top_page_names() {
    let dir = tempfile::tempdir().unwrap();
    let out = nkread()
        .args(["man", "--dir"])
        .arg(dir.path())
        .assert()
        .success()
        .stdout("")
        .get_output()
        .clone();
    let err = String::from_utf8(out.stderr).unwrap();
    for name in [
        "nkread.1",
        "nkread-bookmarks.1",
        "nkread-bookmarks-add.1",
        "nkread-config-check.1",
        "nkread-search.1",
    ] {
        let path = dir.path().join(name);
        let page = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(page.contains(".TH "), "{name} is no roff page: {page}");
        assert!(
            err.lines().any(|l| l == path.display().to_string()),
            "{name} is not named on stderr: {err}"
        );
    }
    // Every page one page refers to was written, and the top page is the
    // one `nkread man` prints.
    let mut pages = 0;
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let page = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        pages += 1;
        for (i, _) in page.match_indices("(1)") {
            let name = page[..i].rsplit(char::is_whitespace).next().unwrap();
            let file = format!("{}.1", name.replace("\\-", "-"));
            assert!(
                dir.path().join(&file).exists(),
                "{file} is named but not written"
            );
        }
    }
    assert_eq!(pages, err.lines().count(), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("nkread.1")).unwrap(),
        stdout_of(nkread().arg("man"))
    );
}

#[test]
fn every_subcommand_s_help_shows_examples() {
    let commands: &[&[&str]] = &[
        &[],
        &["list"],
        &["show"],
        &["people"],
        &["check"],
        &["search"],
        &["config"],
        &["config", "check"],
        &["config", "path"],
        &["config", "default"],
        &["completions"],
        &["man"],
    ];
    for command in commands {
        let out = stdout_of(nkread().args(*command).arg("--help"));
        assert!(out.contains("Examples:"), "{command:?}: {out}");
    }
}

fn configured(text: &str) -> Config {
    Config::parse(&SourceFile {
        name: "test.toml".into(),
        text: text.into(),
    })
    .unwrap()
}

/// The reader's state under `config`, as the app builds it, on a screen
/// of this size.
fn state(lib: &Library, config: &Config, columns: u16, rows: u16) -> AppState {
    let mut state = AppState::new(&lib.corpus, &config.settings(None));
    update(&mut state, lib, Msg::Resize(columns, rows));
    state
}

fn press(state: &mut AppState, lib: &Library, key: Key) {
    if let Some(action) = state.msg_for(key) {
        update(state, lib, action);
    }
}

#[test]
fn a_remapped_key_works_and_an_unbound_one_does_nothing() {
    let lib = fixture();
    let config = configured(&std::fs::read_to_string(config_fixture("remap.toml")).unwrap());
    let mut s = state(&lib, &config, 120, 40);
    assert_eq!(s.selected, 0);
    press(&mut s, &lib, Key::ctrl('j'));
    assert_eq!(s.selected, 1, "ctrl-j moves down the list");
    press(&mut s, &lib, Key::char('j'));
    assert_eq!(s.selected, 1, "j is unbound in the list");
    press(&mut s, &lib, Key::plain(KeyCode::Down));
    assert_eq!(s.selected, 2, "the other keys keep their defaults");
    assert_eq!(s.theme.key.fg, Some(Color::Yellow));
    // NO_COLOR wins over the configured colour.
    let plain = AppState::new(&lib.corpus, &config.settings(Some(OsStr::new("1"))));
    assert_eq!(plain.theme.key.fg, None);
}

#[test]
fn the_help_and_the_status_bar_show_the_live_bindings() {
    let lib = fixture();
    let config = configured(
        "[keys.list]\n\"ctrl-j\" = \"move_down\"\nj = \"none\"\n[keys.global]\n\"?\" = \"none\"\nf1 = \"show_help\"\n",
    );
    let mut s = state(&lib, &config, 120, 40);
    let status = rows(&render_status(&s));
    assert!(status[0].contains("f1 help"), "{status:?}");
    assert!(!status[0].contains("? help"), "{status:?}");
    press(&mut s, &lib, Key::plain(KeyCode::F(1)));
    assert!(!s.overlays.is_empty(), "f1 opens the help");
    let mut buffer = Buffer::empty(Rect::new(0, 0, 120, 200));
    HelpView {
        keymap: &s.keymap,
        scroll: 0,
        theme: &s.theme,
    }
    .render(buffer.area, &mut buffer);
    let help = rows(&buffer).join("\n");
    let list = &help[help.find("Document list").unwrap()..help.find("Reader").unwrap()];
    assert!(list.contains("  down, ctrl-j "), "{help}");
    assert!(!list.contains("j, down"), "{help}");
    assert!(help.contains("  f1 "), "{help}");
}

fn render_status(state: &AppState) -> Buffer {
    let mut buffer = Buffer::empty(Rect::new(0, 0, 120, 1));
    nkread::tui::view::status::StatusView {
        state,
        building: None,
        place: None,
    }
    .render(buffer.area, &mut buffer);
    buffer
}

#[test]
fn the_layout_settings_reach_the_screen() {
    let lib = fixture();
    let config = configured(
        "reading_width = 40\nparagraph_numbers = false\nsort = \"oldest\"\n[sidebar]\nvisible = false\n",
    );
    let mut s = state(&lib, &config, 160, 40);
    let first = &lib.corpus.documents[s.order[0]];
    assert_eq!(first.id, "beta-2018", "oldest first");
    assert_eq!(s.panes().sidebar, None);
    press(&mut s, &lib, Key::plain(KeyCode::Enter));
    let backend = ratatui::backend::TestBackend::new(160, 40);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    terminal
        .draw(|frame| nkread::tui::view::view(&s, &lib, frame))
        .unwrap();
    let screen = rows(terminal.backend().buffer());
    let text: Vec<&str> = screen
        .iter()
        .map(|row| row.trim_matches([' ', '│']))
        .collect();
    // Wrapped at 40 columns, with no numbers in the margin: the cursor's
    // paragraph starts after its mark and the bookmark column.
    let reader: Vec<&str> = text
        .iter()
        .filter_map(|l| l.split('│').nth(1))
        .map(str::trim)
        .collect();
    for line in ["▌  Beta Watch welcomed the resolution", "▌  today."] {
        assert!(reader.contains(&line), "{text:#?}");
    }
}

#[test]
fn a_config_cannot_leave_no_way_out() {
    let err = startup_error("no_way_out.toml");
    assert!(
        err.contains("no_way_out.toml:2:7: field `keys.global`: no key is left for `force_quit`"),
        "{err}"
    );
}

#[test]
fn a_quit_only_keys_legacy_terminals_cannot_send_reach_is_refused() {
    let err = startup_error("trap.toml");
    assert!(
        err.contains(
            "trap.toml:3:7: field `keys.global`: no key is left for `force_quit` that every \
             terminal can send"
        ),
        "{err}"
    );
    assert!(err.contains("`ctrl-1`, `ctrl-;`"), "{err}");
    assert!(err.contains("no key leaves the reader"), "{err}");
    // `config check` refuses it the same way.
    let out = nkread()
        .args(["config", "check"])
        .arg(config_fixture("trap.toml"))
        .assert()
        .code(2)
        .get_output()
        .clone();
    let check = String::from_utf8(out.stderr).unwrap();
    assert!(
        check.contains("trap.toml:3:7: field `keys.global`"),
        "{check}"
    );
}

#[test]
fn every_screen_keeps_a_key_that_leaves_it() {
    let err = startup_error("trapped_search.toml");
    assert!(
        err.contains("field `keys`: no key leaves the search overlay: bind one in [keys.search]"),
        "{err}"
    );
    // Only the search overlay is trapped: Q still quits the panes and Esc
    // still closes the other overlays.
    assert_eq!(err.matches("no key leaves").count(), 1, "{err}");
}

#[test]
fn unbinding_a_key_a_pane_does_not_bind_says_where_it_comes_from() {
    let err = startup_error("unbind_global.toml");
    assert!(
        err.contains(
            "unbind_global.toml:3:1: field `keys.reader.q`: `q` is not bound in [keys.reader]; \
             it comes from [keys.global], so unbind or rebind it there"
        ),
        "{err}"
    );
}

#[test]
fn a_global_letter_is_typed_in_a_filter_not_acted_on() {
    let lib = fixture();
    let config = configured("[keys.global]\nQ = \"force_quit\"\n");
    let mut s = state(&lib, &config, 120, 40);
    for key in ['/', 'Q'] {
        press(&mut s, &lib, Key::char(key));
    }
    assert!(!s.quit, "Q is text in the search line");
    let Some(nkread::tui::state::Overlay::Search(search)) = s.overlays.last() else {
        panic!("search is open")
    };
    assert_eq!(search.input.text(), "Q");
    press(&mut s, &lib, Key::plain(KeyCode::Esc));
    press(&mut s, &lib, Key::char('Q'));
    assert!(s.quit, "outside a line Q quits");
}

#[test]
fn paths_echoed_in_messages_are_cleaned() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("a\u{1b}[31mb\u{202e}c");
    std::fs::create_dir(&dir).unwrap();
    let file = dir.join("config.toml");
    std::fs::write(&file, "mouse = false\n").unwrap();
    let out = nkread()
        .args(["config", "check"])
        .arg(&file)
        .assert()
        .success();
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("is valid"), "{err}");
    assert!(
        !err.contains('\u{1b}') && !err.contains('\u{202e}'),
        "{err:?}"
    );
    let out = nkread()
        .args(["man", "--dir"])
        .arg(dir.join("man"))
        .assert()
        .success();
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("nkread.1"), "{err}");
    assert!(
        !err.contains('\u{1b}') && !err.contains('\u{202e}'),
        "{err:?}"
    );
}

#[test]
fn a_config_that_is_no_regular_file_is_refused_at_once() {
    let home = tempfile::tempdir().unwrap();
    let fifo = home.path().join("config.toml");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    for path in [fifo.as_path(), Path::new("/dev/zero")] {
        let out = nkread()
            .arg("--config")
            .arg(path)
            .arg("list")
            .assert()
            .code(2);
        let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
        assert!(err.contains("cannot read config file"), "{err}");
        assert!(err.contains("where a regular file should be"), "{err}");
    }
    let binary = home.path().join("binary.toml");
    std::fs::write(&binary, b"mouse = \"\xff\"\n").unwrap();
    let out = nkread()
        .arg("--config")
        .arg(&binary)
        .arg("list")
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("not UTF-8 (byte 9)"), "{err}");
}

/// What the shell gets back when it asks nkread to complete `words` (the
/// command line up to the cursor, the last word being completed).
fn completed(home: &std::path::Path, words: &[&str]) -> Vec<String> {
    let out = nkread_in(home)
        .env("COMPLETE", "fish")
        .arg("--")
        .args(words)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| l.split('\t').next().unwrap_or(l).to_string())
        .collect()
}

#[test]
fn completion_offers_document_ids_and_entity_names_from_the_corpus() {
    let home = common::home::fresh_home();
    let ids = completed(&home, &["nkread", "show", "hrc"]);
    assert_eq!(ids, ["hrc55-open-letter-2024"]);
    let all = completed(&home, &["nkread", "cite", ""]);
    let documents: Vec<&String> = all.iter().filter(|c| !c.starts_with('-')).collect();
    assert_eq!(documents.len(), 5, "{all:?}");
    let shared = completed(&home, &["nkread", "people", "--shared", "joint"]);
    assert_eq!(shared, ["joint-letter-security-council-2015"]);
    let added = completed(&home, &["nkread", "bookmarks", "add", "icnk-w"]);
    assert_eq!(added, ["icnk-welcomes-unga-resolution-2014"]);
    let names = completed(&home, &["nkread", "people", "Human Rights W"]);
    assert!(
        names.contains(&"Human Rights Watch".to_string()),
        "{names:?}"
    );
    // A corpus of the user's own, from the configuration, is offered too.
    let corpus = home.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::copy(
        "tests/fixtures/reader/alpha.toml",
        corpus.join("alpha.toml"),
    )
    .unwrap();
    std::fs::create_dir_all(home.join("config/nkread")).unwrap();
    std::fs::write(
        home.join("config/nkread/config.toml"),
        format!("corpus = [{:?}]\n", corpus.display().to_string()),
    )
    .unwrap();
    let ids = completed(&home, &["nkread", "show", "al"]);
    assert_eq!(ids, ["alpha-2020"]);
    // A broken configuration leaves the bundled documents, and no error.
    std::fs::write(home.join("config/nkread/config.toml"), "corpus = [").unwrap();
    let ids = completed(&home, &["nkread", "show", "hrc"]);
    assert_eq!(ids, ["hrc55-open-letter-2024"]);
}
