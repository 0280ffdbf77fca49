//! `nkread config check|path|default`: the configuration file, checked
//! without the corpus, so that a broken file never stops these.

use super::args::{Cli, ConfigCommand};
use super::{Failure, Output};
use crate::config;
use crate::corpus::{Problems, clean_line};

pub(super) fn run(cli: &Cli, command: &ConfigCommand) -> Result<Output, Failure> {
    let path = config::path_of(cli.config.as_deref());
    Ok(match command {
        ConfigCommand::Default => config::EXAMPLE.to_string().into(),
        ConfigCommand::Path => {
            let Some(path) = path else {
                return Err(Failure::input(
                    "nkread: no home directory, so no default config file; use --config FILE",
                ));
            };
            let note = match path.exists() {
                true => "the file exists",
                false => "no file there: the defaults apply",
            };
            Output {
                data: format!("{}\n", path.display()),
                note: Some(format!("nkread: {note}")),
            }
        }
        ConfigCommand::Check { file } => {
            let Some(path) = file.clone().or(path) else {
                return Err(Failure::input("nkread: no config file to check; name one"));
            };
            if file.is_none() && cli.config.is_none() && !path.exists() {
                return Ok(Output {
                    data: String::new(),
                    note: Some(format!(
                        "nkread: no config file at {}: the defaults apply",
                        clean_line(&path.display().to_string())
                    )),
                });
            }
            config::read(&path).map_err(invalid_config)?;
            Output {
                data: String::new(),
                note: Some(format!(
                    "nkread: {} is valid",
                    clean_line(&path.display().to_string())
                )),
            }
        }
    })
}

/// Every problem of a config file, and how many there are.
pub(super) fn invalid_config(problems: Problems) -> Failure {
    let n = problems.0.len();
    let count = match n {
        1 => "1 problem".to_string(),
        n => format!("{n} problems"),
    };
    Failure::input(format!(
        "nkread: invalid configuration ({count})\n{problems}"
    ))
}
