//! The man pages, made from the clap definition.

use super::args::Cli;
use super::{Failure, Output};
use crate::bookmarks::durable;
use crate::corpus::clean_line;
use crate::tui::keymap::{KeyMap, Layer};
use clap::CommandFactory;
use roff::{Roff, bold, roman};
use std::path::{Path, PathBuf};

/// The top page on stdout, or with `dir` every page written there and
/// named on stderr.
pub(super) fn man(dir: Option<&Path>) -> Result<Output, Failure> {
    let Some(dir) = dir else {
        return Ok(page(man_command(), true).into());
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
/// (`nkread-bookmarks-add.1`) into `dir`, and returns the files written,
/// the top page first.
fn write_man_pages(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    fn write(cmd: clap::Command, dir: &Path, written: &mut Vec<PathBuf>) -> std::io::Result<()> {
        let subcommands: Vec<clap::Command> = cmd
            .get_subcommands()
            .filter(|s| !s.is_hide_set())
            .cloned()
            .collect();
        let path = dir.join(clap_mangen::Man::new(cmd.clone()).get_filename());
        // Renamed into place: a link at the page's name is replaced, never
        // written through, and a page is never half written. The mode is
        // fs::write's, less the umask.
        durable::write_atomic(&path, page(cmd, written.is_empty()).as_bytes(), 0o666)?;
        written.push(path);
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

/// A command's page: clap_mangen's sections, then the help's own sections
/// ("Examples:", "Exit status:") with their lines as written, and on the
/// top page the keys, the files and the environment.
fn page(cmd: clap::Command, top: bool) -> String {
    let man = clap_mangen::Man::new(cmd.clone());
    let mut out = Vec::new();
    let has_options = cmd.get_arguments().any(|a| !a.is_hide_set());
    let has_subcommands = cmd.get_subcommands().any(|s| !s.is_hide_set());
    // Writing into a Vec cannot fail.
    let _ = man.render_title(&mut out);
    let _ = man.render_name_section(&mut out);
    let _ = man.render_synopsis_section(&mut out);
    let _ = man.render_description_section(&mut out);
    if has_options {
        let _ = man.render_options_section(&mut out);
    }
    if has_subcommands {
        let _ = man.render_subcommands_section(&mut out);
    }
    let mut roff = Roff::new();
    if let Some(help) = cmd.get_after_help() {
        after_help(&mut roff, &help.to_string());
    }
    if top {
        keys(&mut roff);
        files(&mut roff);
        environment(&mut roff);
    }
    let mut page = String::from_utf8_lossy(&out).into_owned();
    page.push_str(&roff.render());
    out.clear();
    if cmd.get_version().is_some() {
        let _ = man.render_version_section(&mut out);
    }
    page.push_str(&String::from_utf8_lossy(&out));
    page
}

/// The help text after the options, as sections: a line such as
/// "Examples:" names one; the indented lines under it keep their line
/// breaks and indents (an example must not be reflowed into one
/// paragraph), and prose is filled.
fn after_help(roff: &mut Roff, help: &str) {
    let mut named = false;
    for block in help.split("\n\n") {
        let mut lines = block.lines().peekable();
        let heading = lines
            .peek()
            .and_then(|l| l.strip_suffix(':'))
            .filter(|h| !h.starts_with(' ') && !h.contains(": "));
        if let Some(heading) = heading {
            roff.control("SH", [heading.to_uppercase().as_str()]);
            lines.next();
            named = true;
        } else if !named {
            roff.control("SH", ["NOTES"]);
            named = true;
        } else {
            roff.control("PP", []);
        }
        let lines: Vec<&str> = lines.collect();
        if lines.iter().all(|l| l.starts_with(' ')) {
            roff.control("nf", []);
            for line in &lines {
                roff.text([roman(*line)]);
            }
            roff.control("fi", []);
        } else {
            roff.text([roman(lines.join(" "))]);
        }
    }
}

/// Every default binding, layer by layer, as the help overlay lists them.
fn keys(roff: &mut Roff) {
    roff.control("SH", ["KEYS"]);
    roff.text([roman(
        "The reader's default bindings. The [keys] tables of the configuration \
         change them; ? in the reader lists the bindings in force.",
    )]);
    let keymap = KeyMap::default();
    for layer in Layer::ALL {
        let bindings = keymap.layer(layer);
        if bindings.is_empty() {
            continue;
        }
        roff.control("SS", [layer.title()]);
        for (action, keys) in bindings {
            let keys: Vec<String> = keys.iter().map(ToString::to_string).collect();
            roff.control("TP", []);
            roff.text([bold(keys.join(", "))]);
            roff.text([roman(action.description())]);
        }
    }
}

fn files(roff: &mut Roff) {
    roff.control("SH", ["FILES"]);
    for (file, what) in [
        (
            "$XDG_CONFIG_HOME/nkread/config.toml",
            "The configuration (~/.config/nkread/config.toml by default), or the file \
             given with --config. A missing file means the defaults; nkread config \
             default prints them, every setting explained.",
        ),
        (
            "$XDG_DATA_HOME/nkread/bookmarks.json",
            "The bookmarks (~/.local/share/nkread/bookmarks.json by default), JSON to \
             read, back up or edit. Every change is written at once, atomically, under \
             a lock on the empty file .lock beside it.",
        ),
        (
            "$XDG_DATA_HOME/nkread/bookmarks.json.corrupt-YYYYMMDDTHHMMSSZ",
            "A bookmarks file that did not read, set aside with its bytes intact; what \
             still read is kept in bookmarks.json.",
        ),
        (
            "$XDG_DATA_HOME/nkread/positions.json",
            "The last open document and the paragraph reached in each; a broken file \
             means starting at the top.",
        ),
        (
            "$XDG_CACHE_HOME/nkread/corpus-HASH.nkc",
            "A parsed copy of your corpus (~/.cache/nkread by default), one a set of \
             corpus paths, read instead of the files when it is current; checked on \
             every open and written again when a corpus file changes or the copy is \
             damaged. nkread cache status says where and how big; nkread cache clear \
             removes it; --no-cache or cache = false turns it off.",
        ),
        (
            "DIR/*.toml, DIR/*.json",
            "Documents of your own, in the bundled corpus's schema, read beside it from \
             --corpus DIR or the configuration's corpus setting. A file with mistakes \
             keeps only its own documents out of the reader, which names it (! lists \
             each problem); every command refuses it with status 2.",
        ),
        (
            "DIR/entities.toml",
            "Organizations, people and states of your own, or aliases, acronyms and \
             distinct_from added to the bundled ones, merged with them; see \
             data/README.md.",
        ),
        (
            "DIR/SOURCE, DIR/sources/SOURCE",
            "The raw capture a document of your own names in source, which v in the \
             reader shows; the bundled documents' captures are built in.",
        ),
        (
            "nkread-bookmarks-YYYYMMDDTHHMMSSZ.md",
            "The bookmarks pane's export, written in the current directory.",
        ),
    ] {
        roff.control("TP", []);
        roff.text([bold(file)]);
        roff.text([roman(what)]);
    }
}

fn environment(roff: &mut Roff) {
    roff.control("SH", ["ENVIRONMENT"]);
    for (name, what) in [
        (
            "XDG_CONFIG_HOME",
            "Where the configuration directory is (~/.config when unset).",
        ),
        (
            "XDG_DATA_HOME",
            "Where the bookmarks and positions are kept (~/.local/share when unset).",
        ),
        (
            "XDG_CACHE_HOME",
            "Where the corpus cache is kept (~/.cache when unset).",
        ),
        (
            "HOME",
            "The base of all three when they are unset. Without a home, bookmarks last \
             until nkread ends and are then printed on stderr.",
        ),
        (
            "NO_COLOR",
            "Set and not empty, turns colour off whatever the theme (no-color.org).",
        ),
        (
            "TMUX",
            "Inside tmux, copies (OSC 52) are also wrapped for tmux's passthrough.",
        ),
        (
            "NKREAD_LINEAR",
            "Set and neither empty nor 0, the reader runs in the linear mode, as --linear.",
        ),
        (
            "TERM",
            "dumb: the reader runs in the linear mode, as --linear, for a terminal that \
             cannot place the cursor. Unset or dumb, the reader sends no hyperlinks \
             (OSC 8) for addresses.",
        ),
    ] {
        roff.control("TP", []);
        roff.text([bold(name)]);
        roff.text([roman(what)]);
    }
}
