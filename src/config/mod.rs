//! The user's configuration. Every setting has a default, and
//! config.example.toml, which a test keeps equal to the defaults, is its
//! documentation. The file is read by hand from spanned TOML (see `check`)
//! so that every problem is reported at once, each at its line.

mod check;
pub mod keys;
pub mod theme;
mod unquoted;

use crate::bookmarks::read_regular;
use crate::corpus::{Lines, ListOrder, Problem, Problems, SourceFile, unplaced};
use crate::tui::keymap::KeyMap;
use crate::tui::layout::ViewOptions;
use crate::tui::state::Settings;
use crate::tui::theme::Theme;
use check::{Check, path};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use theme::ThemeConfig;

/// The example file: every setting at its default, each explained.
pub use crate::tui::keymap::EXAMPLE;

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// Extra corpus directories or files, read after the bundled corpus.
    pub corpus: Vec<String>,
    /// Whether the reader takes the mouse (wheel and clicks).
    pub mouse: bool,
    /// Whether panes are framed in box-drawing lines.
    pub borders: bool,
    /// Whether a corpus is kept parsed in the cache directory between opens.
    pub cache: bool,
    pub view: ViewOptions,
    pub sort: ListOrder,
    pub sidebar_visible: bool,
    pub theme: ThemeConfig,
    pub keys: KeyMap,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            corpus: Vec::new(),
            mouse: true,
            borders: true,
            cache: true,
            view: ViewOptions::default(),
            sort: ListOrder::default(),
            sidebar_visible: true,
            theme: ThemeConfig::default(),
            keys: KeyMap::default(),
        }
    }
}

/// The widest reading measure a file may ask for.
const MAX_READING_WIDTH: i64 = 1000;

impl Config {
    /// Reads a config file, reporting every problem in it, in file order.
    pub fn parse(file: &SourceFile) -> Result<Config, Problems> {
        if file.text.starts_with('\u{feff}') {
            return Config::parse(&SourceFile::new(&file.name, file.text.clone()));
        }
        let (root, errors) = toml::de::DeTable::parse_recoverable(&file.text);
        if !errors.is_empty() {
            // What follows a syntax error is guesswork: report only those.
            let lines = Lines::new(&file.text);
            let offsets: Vec<Option<usize>> = errors
                .iter()
                .map(|e| {
                    e.span()
                        .map(|s| s.start)
                        .or_else(|| unplaced(e, &file.text))
                })
                .collect();
            // Words left unquoted are read again quoted, for their other problems.
            let placed: Vec<usize> = offsets.iter().flatten().copied().collect();
            let quoted = unquoted::quote(&file.text, &placed).map(|(text, words)| {
                let again = Config::parse(&SourceFile::new(&file.name, text));
                (words, again.err().map(|p| p.0).unwrap_or_default())
            });
            let problems = errors.iter().zip(offsets).map(|(e, offset)| {
                let problem = Problem::new(&file.name, e.message().trim());
                let Some(offset) = offset else {
                    return problem;
                };
                let problem = problem.at_offset_in(&lines, offset);
                let line = problem.position.map(|(line, _)| line);
                let word = quoted
                    .as_ref()
                    .and_then(|(words, _)| words.iter().find(|w| Some(w.line) == line));
                match (word, &quoted) {
                    (Some(word), Some((_, again))) => {
                        // A problem of a field there, not another syntax error.
                        let then = again
                            .iter()
                            .find(|p| p.field.is_some() && p.position.map(|(l, _)| l) == line);
                        unquoted::problem(problem, word, then)
                    }
                    _ => problem,
                }
            });
            return Err(Problems(problems.collect()));
        }
        let mut check = Check::new(file);
        let mut config = Config::default();
        const TOP: [&str; 10] = [
            "corpus",
            "cache",
            "mouse",
            "borders",
            "reading_width",
            "paragraph_numbers",
            "sort",
            "sidebar",
            "theme",
            "keys",
        ];
        for (key, value) in root.get_ref() {
            let field = path("", key.get_ref());
            let c = &mut check;
            match key.get_ref().as_ref() {
                "corpus" => config.corpus = read_corpus(c, value).unwrap_or_default(),
                "mouse" => config.mouse = c.bool(value, &field).unwrap_or(config.mouse),
                "borders" => config.borders = c.bool(value, &field).unwrap_or(config.borders),
                "cache" => config.cache = c.bool(value, &field).unwrap_or(config.cache),
                "reading_width" => {
                    if let Some(n) = c.integer(value, &field, 20..=MAX_READING_WIDTH, None) {
                        config.view.reading_width = n as usize;
                    }
                }
                "paragraph_numbers" => {
                    if let Some(b) = c.bool(value, &field) {
                        config.view.paragraph_numbers = b;
                    }
                }
                "sort" => {
                    config.sort = c.choice(value, &field, &ListOrder::ALL).unwrap_or_default()
                }
                "sidebar" => read_sidebar(c, value, &mut config),
                "theme" => config.theme = theme::read(c, value),
                "keys" => config.keys = keys::keymap(c, value),
                _ => c.unknown(key, "", &TOP),
            }
        }
        let mut problems = check.problems;
        if problems.is_empty() {
            return Ok(config);
        }
        // Tables are read in key order; the person reads the file in line order.
        problems.sort_by_key(|p| p.position);
        Err(Problems(problems))
    }

    /// The reader's first state under this configuration. NO_COLOR, when
    /// set, wins over the configured theme.
    /// What the reader takes from this configuration; `NO_COLOR` (set and
    /// not empty) wins over the theme.
    pub fn settings(&self, no_color: Option<&OsStr>) -> Settings {
        let theme = Theme::configured(self.theme.preset, &self.theme.colours, no_color);
        Settings {
            keymap: self.keys.clone(),
            theme: Theme {
                borders: self.borders,
                ..theme
            },
            options: self.view,
            sort: self.sort,
            sidebar_visible: self.sidebar_visible,
            mouse: self.mouse,
            corpus: Vec::new(),
        }
    }
}

fn read_corpus(check: &mut Check, value: &check::Value) -> Option<Vec<String>> {
    let expected = "a list of directory or file names, as [\"~/nk-docs\"]";
    let Some(items) = value.get_ref().as_array() else {
        check.wrong_type(value, "corpus", expected);
        return None;
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        out.extend(
            check
                .string(item, &format!("corpus[{i}]"), expected)
                .map(String::from),
        );
    }
    Some(out)
}

fn read_sidebar(check: &mut Check, value: &check::Value, config: &mut Config) {
    let Some(table) = check.table(value, "sidebar") else {
        return;
    };
    for (key, value) in table {
        let field = path("sidebar", key.get_ref());
        match key.get_ref().as_ref() {
            "visible" => {
                if let Some(b) = check.bool(value, &field) {
                    config.sidebar_visible = b;
                }
            }
            "width" => {
                if let Some(n) =
                    check.integer(value, &field, 20..=200, Some("a share of the screen"))
                {
                    config.view.sidebar_width = n as u16;
                }
            }
            _ => check.unknown(key, "sidebar", &["visible", "width"]),
        }
    }
}

/// Where a configuration came from, for resolving relative paths in it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Loaded {
    pub config: Config,
    pub path: Option<PathBuf>,
}

/// `$XDG_CONFIG_HOME/nkread/config.toml` or the platform's equivalent.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "nkread").map(|d| d.config_dir().join("config.toml"))
}

/// The file the configuration is read from: `explicit`, or the default.
pub fn path_of(explicit: Option<&Path>) -> Option<PathBuf> {
    explicit.map(Path::to_path_buf).or_else(default_path)
}

/// Reads a config file and reports every problem in it.
pub fn read(path: &Path) -> Result<Config, Problems> {
    let name = path.display().to_string();
    let problem = |message: String| Problems(vec![Problem::new(&name, message)]);
    // Only a regular file of sane size: a FIFO or /dev/zero must not hang
    // nkread before the terminal is even touched.
    let bytes = read_regular(path, CONFIG_CAP)
        .map_err(|e| problem(format!("cannot read config file: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        problem(format!("the config file is not UTF-8 (byte {at})"))
    })?;
    Config::parse(&SourceFile::new(name, text))
}

/// The largest config file read: far beyond any real one.
const CONFIG_CAP: u64 = 16 << 20;

/// Reads the configuration: `explicit` must exist; the default file may be
/// missing, which means the defaults.
pub fn load(explicit: Option<&Path>) -> Result<Loaded, Problems> {
    let path = match path_of(explicit) {
        Some(p) if explicit.is_some() || p.exists() => p,
        _ => return Ok(Loaded::default()),
    };
    Ok(Loaded {
        config: read(&path)?,
        path: Some(path),
    })
}

impl Loaded {
    /// The corpus paths, with `~` expanded and relative paths taken
    /// from the config file's directory.
    pub fn corpus_paths(&self) -> Vec<PathBuf> {
        let home = directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf());
        let base = self.path.as_deref().and_then(Path::parent);
        self.config
            .corpus
            .iter()
            .map(|dir| {
                let expanded = match (dir.strip_prefix('~'), &home) {
                    (Some(rest), Some(home)) if rest.is_empty() || rest.starts_with('/') => {
                        home.join(rest.trim_start_matches('/'))
                    }
                    _ => PathBuf::from(dir),
                };
                match base {
                    Some(base) if expanded.is_relative() => base.join(expanded),
                    _ => expanded,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::{Key, Layer};
    use crate::tui::msg::Action;
    use ratatui::style::Color;

    fn parse(text: &str) -> Result<Config, Problems> {
        Config::parse(&SourceFile {
            name: "c.toml".into(),
            text: text.into(),
        })
    }

    fn problems(text: &str) -> String {
        parse(text).unwrap_err().to_string()
    }

    #[test]
    fn the_example_file_is_the_defaults() {
        assert_eq!(parse(EXAMPLE).unwrap(), Config::default());
    }

    #[test]
    fn the_example_file_lists_every_default_binding() {
        let root = toml::de::DeTable::parse(EXAMPLE).unwrap();
        let keys = root.get_ref().get("keys").unwrap().get_ref();
        for layer in Layer::ALL {
            let table = keys.get(layer.name()).and_then(|t| t.get_ref().as_table());
            let table = table.unwrap_or_else(|| {
                panic!(
                    "config.example.toml needs [keys.{}] with its bindings",
                    layer.name()
                )
            });
            let mut listed: Vec<(Key, Action)> = table
                .iter()
                .map(|(k, v)| {
                    let action =
                        crate::tui::msg::Action::named(v.get_ref().as_str().unwrap()).unwrap();
                    (k.get_ref().parse().unwrap(), action)
                })
                .collect();
            let mut defaults: Vec<(Key, Action)> = KeyMap::default()
                .layer(layer)
                .into_iter()
                .flat_map(|(a, keys)| keys.into_iter().map(move |k| (k, a)))
                .collect();
            let by_name = |b: &(Key, Action)| b.0.to_string();
            listed.sort_by_key(by_name);
            defaults.sort_by_key(by_name);
            assert_eq!(listed, defaults, "[keys.{}]", layer.name());
        }
    }

    #[test]
    fn an_empty_file_is_the_defaults() {
        assert_eq!(parse("").unwrap(), Config::default());
    }

    #[test]
    fn settings_are_read() {
        let config = parse(
            "mouse = false\nreading_width = 66\nparagraph_numbers = false\nsort = \"title\"\n\
             [sidebar]\nvisible = false\nwidth = 40\n\
             [theme]\npreset = \"light\"\nkey = \"yellow\"\nborder = \"preset\"\n",
        )
        .unwrap();
        assert!(!config.mouse && !config.sidebar_visible);
        assert_eq!(
            config.view,
            ViewOptions {
                reading_width: 66,
                paragraph_numbers: false,
                sidebar_width: 40
            }
        );
        assert_eq!(config.sort, ListOrder::Title);
        assert_eq!(config.theme.preset, crate::tui::theme::Preset::Light);
        assert_eq!(config.theme.colours, [("key", Color::Yellow)]);
    }

    #[test]
    fn borders_and_the_high_contrast_theme_are_read_and_no_color_keeps_the_borders_setting() {
        let config = parse(
            "borders = false
[theme]
preset = \"high-contrast\"\n",
        )
        .unwrap();
        let settings = config.settings(None);
        assert!(!settings.theme.borders);
        assert_eq!(
            Theme {
                borders: true,
                ..settings.theme
            },
            Theme::high_contrast()
        );
        let plain = config.settings(Some(OsStr::new("1")));
        assert!(!plain.theme.borders && plain.theme.key == Theme::mono().key);
        assert!(parse("").unwrap().settings(None).theme.borders);
        let err = problems("borders = \"no\"\n");
        assert!(
            err.starts_with("c.toml:1:11: field `borders`: expected true or false"),
            "{err}"
        );
    }

    #[test]
    fn keys_are_rebound_key_by_key_and_none_unbinds() {
        let config =
            parse("[keys.reader]\n\"ctrl-j\" = \"next_paragraph\"\nj = \"none\"\n").unwrap();
        let reader = [Layer::Reader, Layer::Global];
        let map = &config.keys;
        assert_eq!(
            map.action(Key::ctrl('j'), &reader),
            Some(Action::NextParagraph)
        );
        assert_eq!(map.action(Key::char('j'), &reader), None);
        // Other layers and other keys keep their defaults.
        assert_eq!(
            map.action(Key::char(']'), &reader),
            Some(Action::NextParagraph)
        );
        let list = [Layer::List, Layer::Global];
        assert_eq!(map.action(Key::char('j'), &list), Some(Action::MoveDown));
    }

    #[test]
    fn two_names_of_one_key_in_a_table_are_a_conflict_naming_both() {
        let err = problems("[keys.list]\n\"ctrl-j\" = \"move_down\"\n\"Ctrl-J\" = \"quit\"\n");
        assert!(
            err.contains("`ctrl-j` and `Ctrl-J` are the same key")
                || err.contains("`Ctrl-J` and `ctrl-j` are the same key"),
            "{err}"
        );
    }

    #[test]
    fn every_problem_is_reported_in_line_order_with_what_is_valid() {
        let err = problems(
            "mouse = \"yes\"\nsrot = \"title\"\n[sidebar]\nwidht = 30\n[theme]\nkey = \"purple\"\n\
             [keys.reader]\nj = \"next\"\nctlr-k = \"quit\"\n[keys.serch]\n",
        );
        let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("c.toml:")).collect();
        assert_eq!(lines.len(), 7, "{err}");
        assert!(
            lines[0].starts_with(
                "c.toml:1:9: field `mouse`: expected true or false, found the string \"yes\""
            ),
            "{err}"
        );
        assert!(
            lines[1].contains("unknown key `srot` at the top level; did you mean `sort`?"),
            "{err}"
        );
        assert!(
            lines[2].contains(
                "unknown key `widht` in [sidebar]; did you mean `width`? (valid: visible, width)"
            ),
            "{err}"
        );
        assert!(
            lines[3].contains("unknown value \"purple\"") && lines[3].contains("\"magenta\""),
            "{err}"
        );
        assert!(lines[4].contains("c.toml:8:5: field `keys.reader.j`: unknown value \"next\"; did you mean `next_match`?"), "{err}");
        assert!(lines[4].contains("move_down"), "{err}");
        assert!(
            lines[5].contains("unknown modifier `ctlr`; did you mean `ctrl`?"),
            "{err}"
        );
        assert!(
            err.contains("unknown key `serch` in [keys]; did you mean `search`?"),
            "{err}"
        );
    }

    #[test]
    fn keys_no_key_press_makes_are_reported_at_their_line() {
        let err = problems(
            "[keys.reader]\n\"\\u0007\" = \"quit\"\n  \"ctrl-i\" = \"quit\"\n\
             [keys]\nlist = { \"shift-ß\" = \"quit\", \"\\u202e\" = \"quit\" }\n\
             global.\"ctrl-[\" = \"quit\"\n",
        );
        let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("c.toml:")).collect();
        assert_eq!(lines.len(), 5, "{err}");
        for (line, start) in lines.iter().zip([
            "c.toml:2:1: field `keys.reader.\"\\u{7}\"`: U+0007 is a control character",
            "c.toml:3:3: field `keys.reader.ctrl-i`: most terminals send `ctrl-i` as `tab`",
            "c.toml:5:10: field `keys.list.\"shift-ß\"`: `shift-ß` is no one key",
            "c.toml:5:30: field `keys.list.\"\\u{202e}\"`: U+202E has no width",
            "c.toml:6:8: field `keys.global.\"ctrl-[\"`: most terminals send `ctrl-[` as `esc`",
        ]) {
            assert!(line.starts_with(start), "{start}\nin\n{err}");
        }
        assert!(err.contains("write `tab` instead"), "{err}");
    }

    #[test]
    fn an_unquoted_word_is_told_to_be_quoted_and_what_else_is_wrong_with_it() {
        let err = problems("mouse = yes\nsort = title  # by title\nreading_width = 66\n");
        let lines: Vec<&str> = err.lines().filter(|l| l.starts_with("c.toml:")).collect();
        assert_eq!(
            lines,
            [
                "c.toml:1:9: field `mouse`: string values must be quoted, and quoted this one \
                 is still wrong: expected true or false, found the string \"yes\"",
                "c.toml:2:8: field `sort`: string values must be quoted: write sort = \"title\"",
            ],
            "{err}"
        );
    }

    #[test]
    fn numbers_out_of_range_say_the_range() {
        let err = problems("reading_width = 5\n[sidebar]\nwidth = 1\n");
        assert!(
            err.contains("expected a whole number from 20 to 1000, found the number 5"),
            "{err}"
        );
        assert!(
            err.contains("from 20 to 200, or 0 for a share of the screen, found the number 1"),
            "{err}"
        );
    }

    #[test]
    fn a_malformed_file_points_at_the_line() {
        let err = problems("mouse = true\nsort = \"newest\n");
        assert!(err.starts_with("c.toml:2:"), "{err}");
        assert!(err.contains("  2 | sort = \"newest"), "{err}");
    }

    #[test]
    fn a_byte_order_mark_is_neither_text_nor_a_column() {
        assert!(!parse("\u{feff}mouse = false\n").unwrap().mouse);
        let err = problems("\u{feff}mouse = \"x\"\n");
        assert!(err.starts_with("c.toml:1:9: field `mouse`"), "{err}");
        assert!(
            err.ends_with("     1 | mouse = \"x\"\n       |         ^"),
            "{err}"
        );
    }

    #[test]
    fn corpus_paths_expand_home_and_follow_the_config_file() {
        let loaded = Loaded {
            config: Config {
                corpus: vec!["~/nk".into(), "notes".into(), "/abs".into(), "~user".into()],
                ..Config::default()
            },
            path: Some(PathBuf::from("/etc/nkread/config.toml")),
        };
        // No HOME and no passwd entry for the uid (a bare CI container):
        // there is no home for "~" to expand to, so nothing to check here.
        let Some(dirs) = directories::BaseDirs::new() else {
            return;
        };
        let home = dirs.home_dir().to_path_buf();
        assert_eq!(
            loaded.corpus_paths(),
            [
                home.join("nk"),
                "/etc/nkread/notes".into(),
                "/abs".into(),
                "/etc/nkread/~user".into()
            ]
        );
    }
}
