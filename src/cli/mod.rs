//! The command line: parsing (args), dispatch (here), and each command's
//! output in a file of its own. stdout carries data only; messages go to
//! stderr.

mod args;
mod bookmarks;
mod cache;
mod cite;
mod coalition;
mod complete;
mod config;
mod entities;
mod export;
mod format;
mod hits;
mod import;
mod list;
mod man;
mod show;

pub use args::Cli;

use crate::corpus::cache::{Cache, Opened, Source};
use crate::corpus::{Corpus, clean, clean_line};
use crate::people::PeopleIndex;
use crate::search::Scope;
use args::Command;
use clap::Parser;
use format::to_json;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;

/// The narrowest measure text is wrapped to in a terminal, and the widest
/// measure of `show`'s prose.
pub(super) const MIN_WIDTH: usize = 20;
pub(super) const MAX_WIDTH: usize = 100;

/// What a command prints: data for stdout, and maybe a note for stderr.
#[derive(Debug)]
pub(super) struct Output {
    pub(super) data: String,
    pub(super) note: Option<String>,
}

impl From<String> for Output {
    fn from(data: String) -> Self {
        Output { data, note: None }
    }
}

/// How a command failed: what to say on stderr, and the exit status.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Failure {
    pub(super) code: u8,
    pub(super) message: String,
}

impl Failure {
    pub(super) fn input(message: impl Into<String>) -> Self {
        Failure {
            code: 2,
            message: message.into(),
        }
    }
}

/// Runs nkread with the process's arguments and terminal.
pub fn run() -> ExitCode {
    // When the shell asks for completions, answer and exit.
    clap_complete::CompleteEnv::with_factory(<Cli as clap::CommandFactory>::command)
        .var(complete::VAR)
        .complete();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // Help and version go to stdout with status 0.
        Err(e) if !e.use_stderr() => {
            return match e.print() {
                Ok(()) => ExitCode::SUCCESS,
                Err(_) => ExitCode::from(1),
            };
        }
        // A usage error quotes the arguments, which may come from anywhere:
        // it is shown plain and cleaned.
        Err(e) => {
            say(clean(e.render().to_string().trim_end()));
            return ExitCode::from(2);
        }
    };
    let linear = cli.linear
        || crate::tui::linear::wanted(
            std::env::var_os("NKREAD_LINEAR").as_deref(),
            std::env::var_os("TERM").as_deref(),
        );
    // The linear mode writes lines: it needs no terminal.
    let terminal = linear || (std::io::stdin().is_terminal() && std::io::stdout().is_terminal());
    // Text for a person is wrapped to their terminal.
    let columns = std::io::stdout()
        .is_terminal()
        .then(crossterm::terminal::size)
        .and_then(Result::ok)
        .map(|(columns, _)| usize::from(columns));
    // The reader takes the keys before the corpus is read: typed during a
    // long read, they wait for it, unechoed.
    let mut taken = None;
    if cli.command.is_none() && !linear && terminal {
        match crate::tui::app::take_keys() {
            Ok(keys) => taken = Some(keys),
            Err(e) => {
                say(format!("nkread: cannot take the terminal: {e}"));
                return ExitCode::from(1);
            }
        }
    }
    let mut writing = None;
    let result = execute(&cli, terminal, columns).and_then(|(outcome, writer)| {
        writing = writer;
        match outcome {
            Outcome::Print(out) => {
                write_stdout(&out.data)?;
                if let Some(note) = out.note {
                    say(note);
                }
                Ok(())
            }
            Outcome::Read(opened, config, paths) => {
                let mut settings = config.settings(std::env::var_os("NO_COLOR").as_deref());
                settings.corpus = paths;
                match linear {
                    true => {
                        let (corpus, problems, pending) = opened.whole();
                        crate::tui::linear::run(Arc::new(corpus), &settings, problems, pending)
                    }
                    // Taken above: the reader runs only on a terminal.
                    false => taken
                        .take()
                        .ok_or_else(|| std::io::Error::other("the terminal's keys were not taken"))
                        .and_then(|taken| crate::tui::app::run(*opened, &settings, taken)),
                }
                .map_err(|e| Failure {
                    code: 1,
                    message: format!("nkread: the reader stopped: {e}"),
                })
            }
        }
    });
    // The terminal as the shell had it, for what is said below.
    drop(taken);
    // The corpus cache, written beside the command's work, is finished
    // before the process exits: its temp file is not left half-written. A
    // copy that cannot be written is only a slower next open.
    if let Some(writer) = writing {
        let _ = writer.finish();
    }
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            say(failure.message);
            ExitCode::from(failure.code)
        }
    }
}

/// A message on stderr. A closed or full stderr must not turn into a panic.
fn say(message: String) {
    let _ = writeln!(std::io::stderr(), "{message}");
}

/// Writes `out` to stdout. A reader that went away (`nkread list | head`)
/// is not a failure.
fn write_stdout(out: &str) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure {
            code: 1,
            message: format!("nkread: cannot write output: {e}"),
        }),
        _ => Ok(()),
    }
}

/// What a command comes to once its input is loaded and checked.
#[derive(Debug)]
enum Outcome {
    /// Text for stdout, and maybe a note for stderr.
    Print(Output),
    /// The full-screen reader, over this corpus as opened (with what kept
    /// the files it lacks out of it, and the copy of it to write once its
    /// first frame is drawn), as configured, with the corpus paths (where
    /// captures are looked for).
    Read(
        Box<Opened>,
        Box<crate::config::Config>,
        Vec<std::path::PathBuf>,
    ),
}

/// The thread writing the corpus cache beside a command, when the corpus
/// was loaded from its files.
type Writer = Option<crate::corpus::cache::Writer>;

/// Loads what the command needs, before the terminal is touched, and
/// returns what it prints or that the reader should open.
/// `columns` is the terminal's width when stdout is one.
fn execute(
    cli: &Cli,
    terminal: bool,
    columns: Option<usize>,
) -> Result<(Outcome, Writer), Failure> {
    if cli.command.is_none() && !terminal {
        return Err(Failure::input(
            "nkread: the reader needs a terminal on stdin and stdout; \
             for scripts use `nkread list`, `nkread show ID` (see `nkread --help`)",
        ));
    }
    if let Some(out) = without_corpus(cli)? {
        return Ok((Outcome::Print(out), None));
    }
    let loaded = crate::config::load(cli.config.as_deref()).map_err(config::invalid_config)?;
    let mut paths = loaded.corpus_paths();
    paths.extend(cli.corpus.iter().cloned());
    let cache = Cache::default_dir().map(Cache::in_dir);
    let use_cache = !cli.no_cache && loaded.config.cache;
    if let Some(Command::Cache { command }) = &cli.command {
        let out = cache::run(command, cache.as_ref(), use_cache, &paths)?;
        return Ok((Outcome::Print(out), None));
    }
    let cache = cache.filter(|_| use_cache);
    // One bad file never keeps the reader shut: it opens on the rest and
    // names what did not load. A script must fail loudly instead.
    let opened = crate::corpus::cache::open_from(cache.as_ref(), &paths);
    let Some(command) = &cli.command else {
        let mut config = loaded.config;
        config.borders &= !cli.no_borders;
        return Ok((
            Outcome::Read(Box::new(opened), Box::new(config), paths),
            None,
        ));
    };
    let (corpus, problems, pending) = opened.whole();
    if !problems.0.is_empty() {
        return Err(Failure::input(format!(
            "nkread: the corpus has errors\n{problems}"
        )));
    }
    let corpus = Arc::new(corpus);
    // Prose is wrapped to a readable measure.
    let measure = columns.map(|c| c.clamp(MIN_WIDTH, MAX_WIDTH));
    // A command keeps a copy of the corpus loaded from its files only.
    let writer = pending
        .filter(|p| matches!(p.source, Source::Files(_)))
        .map(|pending| pending.start_corpus(Arc::clone(&corpus)));
    let out = match command {
        Command::List { json: false } => list::list_text(&corpus, columns).into(),
        Command::List { json: true } => to_json(&list::list_json(&corpus)).into(),
        Command::Search {
            query,
            json,
            limit,
            doc,
            stdin,
        } => {
            let scope = match doc {
                Some(id) => Scope::Doc(find(&corpus, id)?),
                None => Scope::All,
            };
            if *stdin {
                hits::search_stdin(&corpus, scope, *limit)?
            } else {
                hits::search(&corpus, &query.join(" "), scope, *limit, *json, columns)?
            }
            .into()
        }
        Command::Show { id, json } => {
            let doc = &corpus.documents[find(&corpus, id)?];
            if *json {
                to_json(&show::show_json(&corpus, doc))
            } else {
                show::show_text(doc, measure)
            }
            .into()
        }
        Command::People {
            name,
            shared,
            sort,
            json,
        } => {
            let index = PeopleIndex::new(&corpus);
            if !shared.is_empty() {
                entities::shared(&corpus, &index, shared, *sort, *json, columns)?
            } else if !name.is_empty() {
                entities::one(&corpus, &index, &name.join(" "), *json, measure)?
            } else {
                entities::list(&corpus, &index, *sort, *json, columns)
            }
        }
        Command::Check => entities::check(&corpus),
        Command::Cite(args) => cite::run(&corpus, args)?,
        Command::Coalition(args) => coalition::run(&corpus, args)?,
        Command::Export { sqlite } => export::run(&corpus, sqlite)?,
        Command::Import(args) => import::run(&corpus, &paths, args)?,
        Command::Bookmarks { command, json } => {
            bookmarks::run(&corpus, command.as_ref(), *json, columns)?
        }
        Command::Config { .. }
        | Command::Completions { .. }
        | Command::Man { .. }
        | Command::Cache { .. } => {
            unreachable!("handled before the corpus is loaded")
        }
    };
    Ok((Outcome::Print(out), writer))
}

/// The commands about nkread itself, which read neither the corpus nor,
/// but to check it, the configuration: a broken file must not stop them.
fn without_corpus(cli: &Cli) -> Result<Option<Output>, Failure> {
    Ok(Some(match &cli.command {
        Some(Command::Config { command }) => config::run(cli, command)?,
        Some(Command::Completions { shell }) => complete::script(*shell),
        Some(Command::Man { dir }) => man::man(dir.as_deref())?,
        _ => return Ok(None),
    }))
}

/// The index of the document with this id, or with the only id that
/// starts with it (`hrc55`); otherwise an error naming the ids it could be,
/// or the closest ones.
pub(super) fn find(corpus: &Corpus, id: &str) -> Result<usize, Failure> {
    if let Some(exact) = corpus.documents.iter().position(|d| d.id == id) {
        return Ok(exact);
    }
    let starting: Vec<usize> = (0..corpus.documents.len())
        .filter(|&d| !id.is_empty() && corpus.documents[d].id.starts_with(id))
        .collect();
    match starting[..] {
        [one] => Ok(one),
        [] => {
            let closest = corpus.closest_ids(id, 3).join(", ");
            Err(Failure::input(format!(
                "nkread: no document with id \"{}\"; the closest ids are: {closest} (see `nkread list`)",
                clean_line(id)
            )))
        }
        _ => {
            let ids: Vec<&str> = starting
                .iter()
                .map(|&d| corpus.documents[d].id.as_str())
                .collect();
            Err(Failure::input(format!(
                "nkread: \"{}\" starts {} document ids: {}; say more of the id",
                clean_line(id),
                ids.len(),
                ids.join(", ")
            )))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nkread_opens_the_reader_only_in_a_terminal() {
        let cli = Cli::parse_from(["nkread"]);
        let (outcome, _) = execute(&cli, true, Some(200)).expect("loads");
        let Outcome::Read(opened, ..) = outcome else {
            panic!("the reader opens");
        };
        let bundled = Corpus::load(&[]).expect("loads").documents.len();
        assert_eq!(opened.whole().0.documents.len(), bundled);
        let piped = execute(&cli, false, None).unwrap_err();
        assert_eq!(piped.code, 2);
    }

    #[test]
    fn the_reader_opens_on_the_documents_that_load_and_is_told_of_the_rest() {
        let dir = tempfile::tempdir().expect("a directory");
        let doc = |id: &str, kind: &str| {
            format!("id = \"{id}\"\ntitle = \"T\"\nkind = \"{kind}\"\nparagraphs = [\"P\"]\n")
        };
        std::fs::write(dir.path().join("good.toml"), doc("good", "statement")).expect("written");
        std::fs::write(dir.path().join("bad.toml"), doc("bad", "memo")).expect("written");
        let cli = Cli::parse_from([
            "nkread",
            "--no-cache",
            "--corpus",
            &dir.path().display().to_string(),
        ]);
        let bundled = Corpus::load(&[]).expect("loads").documents.len();
        match execute(&cli, true, Some(100)).expect("the reader opens").0 {
            Outcome::Read(opened, ..) => {
                let (corpus, problems, _) = opened.whole();
                assert_eq!(corpus.documents.len(), bundled + 1);
                assert!(corpus.get("good").is_some());
                assert_eq!(problems.0.len(), 1);
                assert!(problems.0[0].file.ends_with("bad.toml"), "{problems}");
            }
            Outcome::Print(out) => panic!("{out:?}"),
        }
        let list = Cli::parse_from([
            "nkread",
            "--corpus",
            &dir.path().display().to_string(),
            "list",
        ]);
        let failure = execute(&list, true, Some(100)).unwrap_err();
        assert_eq!(failure.code, 2);
        assert!(
            failure.message.contains("bad.toml:3:8"),
            "{}",
            failure.message
        );
    }

    #[test]
    fn a_unique_prefix_finds_a_document_and_an_ambiguous_one_lists_the_candidates() {
        let corpus = Corpus::load(&[]).expect("loads");
        let found = find(&corpus, "hrc55").expect("a unique prefix");
        assert_eq!(corpus.documents[found].id, "hrc55-open-letter-2024");
        let err = find(&corpus, "icnk").unwrap_err();
        assert_eq!(err.code, 2);
        assert!(
            err.message.contains("\"icnk\" starts 2 document ids: ")
                && err
                    .message
                    .contains("icnk-crimes-against-humanity-demand-justice-2017")
                && err.message.contains("icnk-welcomes-unga-resolution-2014"),
            "{}",
            err.message
        );
        assert!(find(&corpus, "").is_err());
        assert!(find(&corpus, "joint-letter-2015").is_err());
    }
}
