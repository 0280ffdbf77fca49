//! The user's configuration. Every field has a default, and
//! config.example.toml, which a test keeps equal to the defaults, is its
//! documentation.

use crate::corpus::{Problem, SourceFile, from_toml};
use serde::Deserialize;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Extra corpus directories or files, read after the bundled corpus.
    pub corpus: Vec<String>,
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

/// Reads the configuration: `explicit` must exist; the default file may be
/// missing, which means the defaults.
pub fn load(explicit: Option<&Path>) -> Result<Loaded, Problem> {
    let path = match explicit {
        Some(p) => p.to_path_buf(),
        None => match default_path() {
            Some(p) if p.exists() => p,
            _ => return Ok(Loaded::default()),
        },
    };
    let name = path.display().to_string();
    let text = std::fs::read_to_string(&path)
        .map_err(|e| Problem::new(&name, format!("cannot read config file: {e}")))?;
    let config = from_toml(&SourceFile { name, text })?;
    Ok(Loaded {
        config,
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

    #[test]
    fn the_example_file_is_the_defaults() {
        let example = SourceFile {
            name: "config.example.toml".into(),
            text: include_str!("../config.example.toml").into(),
        };
        assert_eq!(from_toml::<Config>(&example).unwrap(), Config::default());
    }

    #[test]
    fn corpus_paths_expand_home_and_follow_the_config_file() {
        let loaded = Loaded {
            config: Config {
                corpus: vec!["~/nk".into(), "notes".into(), "/abs".into(), "~user".into()],
            },
            path: Some(PathBuf::from("/etc/nkread/config.toml")),
        };
        let home = directories::BaseDirs::new()
            .unwrap()
            .home_dir()
            .to_path_buf();
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
