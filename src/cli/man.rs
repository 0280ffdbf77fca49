//! The commands made from the clap definition: shell completions and man
//! pages.

use super::args::Cli;
use super::{Failure, Output};
use crate::corpus::clean_line;
use clap::CommandFactory;
use std::path::{Path, PathBuf};

/// Completions for `shell`, on stdout.
pub(super) fn completions(shell: clap_complete::Shell) -> Output {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "nkread", &mut out);
    String::from_utf8_lossy(&out).into_owned().into()
}

/// The top page on stdout, or with `dir` every page written there and
/// named on stderr.
pub(super) fn man(dir: Option<&Path>) -> Result<Output, Failure> {
    let Some(dir) = dir else {
        let mut out = Vec::new();
        clap_mangen::Man::new(man_command())
            .render(&mut out)
            .map_err(|e| Failure::input(format!("nkread: cannot make the man page: {e}")))?;
        return Ok(String::from_utf8_lossy(&out).into_owned().into());
    };
    let written = write_man_pages(dir).map_err(|e| Failure {
        code: 1,
        message: format!(
            "nkread: cannot write the man pages: {e}: {}",
            clean_line(&dir.display().to_string())
        ),
    })?;
    // Names for a person, on stderr: cleaned as every message is.
    let names: Vec<String> = written
        .iter()
        .map(|p| clean_line(&p.display().to_string()))
        .collect();
    Ok(Output {
        data: String::new(),
        note: Some(names.join("\n")),
    })
}

/// nkread as its man pages show it: without clap's `help` subcommand,
/// which gets no page of its own (`nkread help X` is `nkread X --help`),
/// so that no page names one that is not written. Built, so that each
/// subcommand has its display name, `nkread-config-check`.
fn man_command() -> clap::Command {
    fn without_help(cmd: clap::Command) -> clap::Command {
        cmd.disable_help_subcommand(true)
            .mut_subcommands(without_help)
    }
    let mut cmd = without_help(Cli::command());
    cmd.build();
    cmd
}

/// Writes `nkread.1` and a page for every subcommand at any depth
/// (`nkread-bookmarks-add.1`) into `dir`, as `clap_mangen::generate_to`
/// does, and returns the files written, the top page first. That function
/// does not say which files it wrote, so its walk is done here.
fn write_man_pages(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    fn write(cmd: clap::Command, dir: &Path, written: &mut Vec<PathBuf>) -> std::io::Result<()> {
        let subcommands: Vec<clap::Command> = cmd
            .get_subcommands()
            .filter(|s| !s.is_hide_set())
            .cloned()
            .collect();
        written.push(clap_mangen::Man::new(cmd).generate_to(dir)?);
        for sub in subcommands {
            write(sub, dir, written)?;
        }
        Ok(())
    }
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    write(man_command(), dir, &mut written)?;
    Ok(written)
}
