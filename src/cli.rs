//! The command line: argument parsing, and the scripting commands' output.
//! stdout carries data only; messages go to stderr.

mod bookmarks;
mod cite;
mod entities;
mod hits;

use crate::config;
use crate::corpus::{Corpus, Document, Person, Problems, Role, clean, clean_line};
use crate::people::{PeopleIndex, SortBy};
use crate::search::Scope;
use clap::{CommandFactory, Parser, Subcommand};
use serde::Serialize;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use unicode_width::UnicodeWidthStr;

const AFTER_HELP: &str = "\
Examples:
  nkread list                      the documents, newest first
  nkread show hrc55-open-letter-2024
  nkread search secrty councl      fuzzy search; see `nkread search --help`
  nkread --corpus ~/nk-docs list --json
  nkread people ojea               who, in which documents, where named
  nkread check                     warn of look-alike names
  nkread bookmarks export          kept passages with citations, as Markdown
  nkread config check              report every problem in the config file
  nkread completions bash          shell completions; see `nkread completions --help`

Exit status:
  0  success
  1  a runtime failure: output could not be written, or bookmarks could not
     be read or saved
  2  a usage or input error: bad arguments, a broken config or corpus file,
     an unknown document or bookmark id or name, a paragraph a document does
     not have, an invalid search query, or no terminal for the reader";

/// The narrowest measure text is wrapped to in a terminal, and the widest
/// measure of `show`'s prose.
const MIN_WIDTH: usize = 20;
const MAX_WIDTH: usize = 100;

#[derive(Debug, Parser)]
#[command(name = "nkread", version, about, after_help = AFTER_HELP)]
pub struct Cli {
    /// Also read documents from PATH: a directory of *.toml and *.json files, or one such file; repeatable
    #[arg(long = "corpus", value_name = "PATH")]
    pub corpus: Vec<PathBuf>,
    /// Read the configuration from FILE instead of the default location
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the documents: id, date, kind and title, newest first
    #[command(after_help = "Examples:\n  nkread list\n  nkread list --json | jq -r '.[].id'")]
    List {
        /// Print JSON: [{"id","title","date","inferred_date","kind","issuers","paragraphs","people"}]
        #[arg(long)]
        json: bool,
    },
    /// Show one document: its paragraphs numbered from 1, then its people by role
    #[command(
        after_help = "Examples:\n  nkread show joint-letter-security-council-2015\n  nkread show hrc55-open-letter-2024 --json | jq '.people | length'"
    )]
    Show {
        /// The document's id, as `nkread list` prints it
        id: String,
        /// Print JSON: {"id","title","date","inferred_date","kind","place","url","tags","paragraphs","people",…}
        #[arg(long)]
        json: bool,
    },
    /// List the organizations and people, show one, or those documents share
    #[command(after_help = PEOPLE_HELP)]
    People {
        /// Show one organization or person, with its documents, roles and the passages that name it: a name, alias, acronym or id, matched fuzzily
        #[arg(value_name = "NAME", conflicts_with_all = ["shared", "sort"])]
        name: Vec<String>,
        /// List the organizations and people common to these documents, with their roles in each
        #[arg(long, value_name = "ID", num_args = 2..)]
        shared: Vec<String>,
        /// Order of a list
        #[arg(long, value_enum, default_value_t)]
        sort: SortBy,
        /// Print JSON: [{"entity","name","kind","aliases","documents":[{"doc","role"}]}]; for NAME, one such object with "acronyms" and "passages":[{"doc","n","text"}]
        #[arg(long)]
        json: bool,
    },
    /// Check the corpus, and warn of look-alike names of different entities
    #[command(after_help = CHECK_HELP)]
    Check,
    /// List, add, remove or export bookmarks: the passages kept in the reader
    #[command(after_help = BOOKMARKS_HELP, args_conflicts_with_subcommands = true)]
    Bookmarks {
        #[command(subcommand)]
        command: Option<bookmarks::BookmarksCommand>,
        /// Print JSON: [{"id","doc","paragraph","quote","note","created","orphaned"}]
        #[arg(long)]
        json: bool,
    },
    /// Cite a document or a paragraph of it: in a CSL style, or as CSL-JSON, BibTeX or RIS
    #[command(after_help = cite::CITE_HELP)]
    Cite(cite::CiteArgs),
    /// Search titles, people and paragraphs; the best hits first, one a line
    #[command(after_help = SEARCH_HELP)]
    Search {
        /// The query; several words are one query
        #[arg(required_unless_present = "stdin", conflicts_with = "stdin")]
        query: Vec<String>,
        /// Print JSON: [{"doc","field","paragraph","score","text","indices"}]
        #[arg(long)]
        json: bool,
        /// Print at most N hits
        #[arg(long, value_name = "N", default_value_t = 20)]
        limit: usize,
        /// Search only the document with this id
        #[arg(long, value_name = "ID")]
        doc: Option<String>,
        /// Read one query a line from stdin; write each one's hits as a JSON array on one line
        #[arg(long)]
        stdin: bool,
    },
    /// Check the configuration file, say where it is, or print the defaults
    #[command(after_help = CONFIG_HELP)]
    Config {
        #[command(subcommand)]
        command: ConfigCommand,
    },
    /// Print shell completions for bash, zsh, fish, powershell or elvish
    #[command(after_help = COMPLETIONS_HELP)]
    Completions {
        /// The shell to complete in
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), or write a page for each command; made from this definition
    #[command(after_help = MAN_HELP)]
    Man {
        /// Write nkread.1 and a page for each subcommand (nkread-config-check.1, …) into DIR,
        /// and name each file written on stderr
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

const MAN_HELP: &str = "\
Without --dir, only the top page, nkread(1), is printed; its SUBCOMMANDS
section names a page for each subcommand, which --dir writes too, making DIR
if need be.

Examples:
  nkread man --dir ~/.local/share/man/man1     all pages; then `man nkread-search`
  nkread man | man -l -                         read the top page now";

const BOOKMARKS_HELP: &str = "\
One line per bookmark: id, document and paragraph, date, the start of the
passage and the note. A bookmark whose document is gone is marked (gone) and
keeps its quote. They are kept in $XDG_DATA_HOME/nkread/bookmarks.json
(~/.local/share/nkread/bookmarks.json); see the README.

Examples:
  nkread bookmarks
  nkread bookmarks add hrc55-open-letter-2024 3 --note \"for the briefing\"
  nkread bookmarks rm 3f2a9c1d
  nkread bookmarks export > passages.md
  nkread bookmarks export --format json | jq -r '.[].citation'";
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// Report every problem in a config file; exit 2 if there is one
    #[command(
        after_help = "Examples:\n  nkread config check\n  nkread config check ~/dotfiles/nkread.toml\n  nkread --config ./try.toml config check"
    )]
    Check {
        /// The file to check; by default the one nkread reads
        file: Option<PathBuf>,
    },
    /// Print where the configuration is read from
    #[command(after_help = "Examples:\n  nkread config path\n  $EDITOR \"$(nkread config path)\"")]
    Path,
    /// Print the built-in defaults: config.example.toml, every setting explained
    #[command(
        after_help = "Examples:\n  nkread config default > \"$(nkread config path)\"\n  nkread config default | less"
    )]
    Default,
}

const CONFIG_HELP: &str = "\
Examples:
  mkdir -p ~/.config/nkread
  nkread config default > ~/.config/nkread/config.toml
  nkread config check
  nkread config path

The file is read from --config FILE, or else from
$XDG_CONFIG_HOME/nkread/config.toml; a missing file means the defaults.";

const COMPLETIONS_HELP: &str = "\
Examples:
  nkread completions bash > ~/.local/share/bash-completion/completions/nkread
  nkread completions zsh > ~/.zfunc/_nkread      # with fpath+=~/.zfunc
  nkread completions fish > ~/.config/fish/completions/nkread.fish
  nkread completions powershell >> $PROFILE
  nkread completions elvish > ~/.config/elvish/lib/nkread.elv   # then: use nkread";

const PEOPLE_HELP: &str = "\
One line per organization or person: id, kind, number of documents, name.

Examples:
  nkread people --sort documents
  nkread people \"Tomas Ojea Quintana\"     any spelling, an alias, an acronym or a part
  nkread people --shared joint-letter-security-council-2015 hrc55-open-letter-2024
  nkread people --json | jq -r '.[] | select(.documents | length > 2) | .name'

An organization or person appears in a document that lists it among its
people (issuer, signatory, member, quoted, mentioned). Passages are the
paragraphs whose text names it, numbered from 1 as `nkread show` numbers them.";

const CHECK_HELP: &str = "\
Examples:
  nkread check
  nkread --corpus ~/nk-docs check 2>/dev/null | wc -l

Each warning is one line on stdout, starting with \"warning:\"; a summary goes to
stderr. The status is 0 with or without warnings, and 2 when a file does not
load. Two names that are one body need one spelling in the corpus files or an
alias in data/entities.toml; two that are different bodies are recorded there
as `distinct_from`.";

/// What a command prints: data for stdout, and maybe a note for stderr.
#[derive(Debug)]
struct Output {
    data: String,
    note: Option<String>,
}

impl From<String> for Output {
    fn from(data: String) -> Self {
        Output { data, note: None }
    }
}

const SEARCH_HELP: &str = "\
Query syntax (as fzf's extended mode):
  secrty councl        every word must match a word, in any order; typos allowed
  'secur  \"a phrase\"   exactly this text
  ^just                a word starting with this
  !dprk                leave out what contains this
  Council              a word with a capital matches case; lower case matches any
  kind:joint-letter  year:2015  year:2014..2017  year:2015..  by:hrw  role:quoted
                       filters; by: is an issuer, signatory or member

Examples:
  nkread search secrty councl
  nkread search 'by:\"christian solidarity\" year:2015.. accountability' --json
  nkread search council --doc joint-letter-security-council-2015
  printf 'council\ncrimes humanity\n' | nkread search --stdin

With --stdin, a line that is not a valid query gets {\"error\": \"...\"} and the
stream goes on; the exit status is then 2.";

/// How a command failed: what to say on stderr, and the exit status.
#[derive(Debug, PartialEq, Eq)]
struct Failure {
    code: u8,
    message: String,
}

impl Failure {
    fn input(message: impl Into<String>) -> Self {
        Failure {
            code: 2,
            message: message.into(),
        }
    }
}

/// Runs nkread with the process's arguments and terminal.
pub fn run() -> ExitCode {
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
    let terminal = std::io::stdin().is_terminal() && std::io::stdout().is_terminal();
    // Text for a person is wrapped to their terminal.
    let columns = std::io::stdout()
        .is_terminal()
        .then(crossterm::terminal::size)
        .and_then(Result::ok)
        .map(|(columns, _)| usize::from(columns));
    let result = execute(&cli, terminal, columns).and_then(|outcome| match outcome {
        Outcome::Print(out) => {
            write_stdout(&out.data)?;
            if let Some(note) = out.note {
                say(note);
            }
            Ok(())
        }
        Outcome::Read(corpus, config) => crate::app::run(corpus, &config).map_err(|e| Failure {
            code: 1,
            message: format!("nkread: the reader stopped: {e}"),
        }),
    });
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
    /// The full-screen reader, over this corpus, as configured.
    Read(Corpus, Box<config::Config>),
}

/// Loads what the command needs, before the terminal is touched, and
/// returns what it prints or that the reader should open.
/// `columns` is the terminal's width when stdout is one.
fn execute(cli: &Cli, terminal: bool, columns: Option<usize>) -> Result<Outcome, Failure> {
    if cli.command.is_none() && !terminal {
        return Err(Failure::input(
            "nkread: the reader needs a terminal on stdin and stdout; \
             for scripts use `nkread list`, `nkread show ID` (see `nkread --help`)",
        ));
    }
    if let Some(out) = without_corpus(cli)? {
        return Ok(Outcome::Print(out));
    }
    let loaded = config::load(cli.config.as_deref()).map_err(invalid_config)?;
    let mut paths = loaded.corpus_paths();
    paths.extend(cli.corpus.iter().cloned());
    let corpus = Corpus::load(&paths)
        .map_err(|p| Failure::input(format!("nkread: the corpus has errors\n{p}")))?;
    // Prose is wrapped to a readable measure.
    let measure = columns.map(|c| c.clamp(MIN_WIDTH, MAX_WIDTH));
    let out = match &cli.command {
        None => return Ok(Outcome::Read(corpus, Box::new(loaded.config))),
        Some(Command::List { json: false }) => list_text(&corpus, columns).into(),
        Some(Command::List { json: true }) => to_json(&list_json(&corpus)).into(),
        Some(Command::Search {
            query,
            json,
            limit,
            doc,
            stdin,
        }) => {
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
        Some(Command::Show { id, json }) => {
            let doc = &corpus.documents[find(&corpus, id)?];
            if *json {
                to_json(&show_json(&corpus, doc))
            } else {
                show_text(doc, measure)
            }
            .into()
        }
        Some(Command::People {
            name,
            shared,
            sort,
            json,
        }) => {
            let index = PeopleIndex::new(&corpus);
            if !shared.is_empty() {
                entities::shared(&corpus, &index, shared, *sort, *json, columns)?
            } else if !name.is_empty() {
                entities::one(&corpus, &index, &name.join(" "), *json, measure)?
            } else {
                entities::list(&corpus, &index, *sort, *json, columns)
            }
        }
        Some(Command::Check) => entities::check(&corpus),
        Some(Command::Cite(args)) => cite::run(&corpus, args)?,
        Some(Command::Bookmarks { command, json }) => {
            bookmarks::run(&corpus, command.as_ref(), *json, columns)?
        }
        Some(Command::Config { .. } | Command::Completions { .. } | Command::Man { .. }) => {
            unreachable!("handled by without_corpus")
        }
    };
    Ok(Outcome::Print(out))
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

/// The commands about nkread itself, which read neither the corpus nor,
/// but to check it, the configuration: a broken file must not stop them.
fn without_corpus(cli: &Cli) -> Result<Option<Output>, Failure> {
    let mut out = Vec::new();
    let command = match &cli.command {
        Some(Command::Config { command }) => command,
        Some(Command::Completions { shell }) => {
            clap_complete::generate(*shell, &mut Cli::command(), "nkread", &mut out);
            return Ok(Some(String::from_utf8_lossy(&out).into_owned().into()));
        }
        Some(Command::Man { dir: None }) => {
            clap_mangen::Man::new(man_command())
                .render(&mut out)
                .map_err(|e| Failure::input(format!("nkread: cannot make the man page: {e}")))?;
            return Ok(Some(String::from_utf8_lossy(&out).into_owned().into()));
        }
        Some(Command::Man { dir: Some(dir) }) => {
            let written = write_man_pages(dir).map_err(|e| Failure {
                code: 1,
                message: format!("nkread: cannot write the man pages: {e}: {}", dir.display()),
            })?;
            let names: Vec<String> = written.iter().map(|p| p.display().to_string()).collect();
            return Ok(Some(Output {
                data: String::new(),
                note: Some(names.join("\n")),
            }));
        }
        _ => return Ok(None),
    };
    let path = config::path_of(cli.config.as_deref());
    Ok(Some(match command {
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
                return Ok(Some(Output {
                    data: String::new(),
                    note: Some(format!(
                        "nkread: no config file at {}: the defaults apply",
                        path.display()
                    )),
                }));
            }
            config::read(&path).map_err(invalid_config)?;
            Output {
                data: String::new(),
                note: Some(format!("nkread: {} is valid", path.display())),
            }
        }
    }))
}

/// Every problem of a config file, and how many there are.
fn invalid_config(problems: Problems) -> Failure {
    let n = problems.0.len();
    let count = match n {
        1 => "1 problem".to_string(),
        n => format!("{n} problems"),
    };
    Failure::input(format!(
        "nkread: invalid configuration ({count})\n{problems}"
    ))
}

fn to_json<T: Serialize>(value: &T) -> String {
    // Serializing plain structs of strings and numbers cannot fail.
    let mut out = serde_json::to_string_pretty(value).unwrap_or_default();
    out.push('\n');
    out
}

/// The index of the document with this id, or an error naming it and the
/// closest ids.
fn find(corpus: &Corpus, id: &str) -> Result<usize, Failure> {
    let found = corpus.documents.iter().position(|d| d.id == id);
    found.ok_or_else(|| {
        let closest = corpus.closest_ids(id, 3).join(", ");
        Failure::input(format!(
            "nkread: no document with id \"{}\"; the closest ids are: {closest} (see `nkread list`)",
            clean_line(id)
        ))
    })
}

fn pad(s: &str, width: usize) -> String {
    let fill = width.saturating_sub(s.width());
    format!("{s}{}", " ".repeat(fill))
}

/// One row per document: id, date, kind, title, in aligned columns. In a
/// terminal, a long title wraps under its own column; a terminal too narrow
/// for columns gets each document as a short block instead.
fn list_text(corpus: &Corpus, width: Option<usize>) -> String {
    let rows: Vec<[String; 4]> = corpus
        .newest_first()
        .into_iter()
        .map(|i| {
            let d = &corpus.documents[i];
            [
                d.id.clone(),
                d.shown_date(),
                d.kind.to_string(),
                d.shown_title(),
            ]
        })
        .collect();
    table(&rows, width)
}

/// Rows of three short columns and a long last one, aligned; in a terminal
/// the last wraps under its own column, and a terminal too narrow for
/// columns gets each row as a short block instead.
fn table(rows: &[[String; 4]], width: Option<usize>) -> String {
    let widths: Vec<usize> = (0..3)
        .map(|c| rows.iter().map(|r| r[c].width()).max().unwrap_or(0))
        .collect();
    let indent = widths.iter().map(|w| w + 2).sum::<usize>();
    if let Some(narrow) = width.filter(|w| *w < indent + MIN_WIDTH) {
        let blocks: Vec<String> = rows
            .iter()
            .map(|r| {
                let details = format!("{}  {}", r[1], r[2]);
                [&r[0], &details, &r[3]]
                    .iter()
                    .enumerate()
                    .map(|(i, text)| {
                        let indent = if i == 0 { "" } else { "  " };
                        block(text, Some(narrow), indent, "  ")
                    })
                    .collect()
            })
            .collect();
        return blocks.join("\n");
    }
    rows.iter()
        .map(|r| {
            let columns = format!(
                "{}  {}  {}  ",
                pad(&r[0], widths[0]),
                pad(&r[1], widths[1]),
                pad(&r[2], widths[2])
            );
            block(&r[3], width, &columns, &" ".repeat(indent))
        })
        .collect()
}

#[derive(Serialize)]
struct ListRow<'a> {
    id: &'a str,
    title: &'a str,
    title_supplied: bool,
    date: Option<String>,
    inferred_date: Option<String>,
    kind: String,
    issuers: Vec<&'a str>,
    paragraphs: usize,
    people: usize,
}

fn list_json(corpus: &Corpus) -> Vec<ListRow<'_>> {
    corpus
        .newest_first()
        .into_iter()
        .map(|i| {
            let d = &corpus.documents[i];
            ListRow {
                id: &d.id,
                title: &d.title,
                title_supplied: d.title_supplied,
                date: d.date.map(|d| d.to_string()),
                inferred_date: d.inferred_date.map(|d| d.to_string()),
                kind: d.kind.to_string(),
                issuers: d.issuers(),
                paragraphs: d.paragraphs.len(),
                people: d.people.len(),
            }
        })
        .collect()
}

/// `text` after `first`, and wrapped to `width` under `rest` where a width
/// is given (a terminal); unwrapped for scripts.
fn block(text: &str, width: Option<usize>, first: &str, rest: &str) -> String {
    let Some(width) = width else {
        // A paragraph's own line breaks are indented, so only its first line
        // starts in the first column.
        return format!("{first}{}\n", text.replace('\n', &format!("\n{rest}")));
    };
    let options = textwrap::Options::new(width)
        .initial_indent(first)
        .subsequent_indent(rest)
        // Ids, addresses and names stay whole, to be copied: a word longer
        // than the measure overflows rather than breaks.
        .break_words(false)
        .word_splitter(textwrap::WordSplitter::NoHyphenation);
    let mut out = textwrap::fill(text, options);
    out.push('\n');
    out
}

/// The document as text: metadata, numbered paragraphs, people by role.
/// Every paragraph starts with its "[n]" in the first column, so scripts can
/// find it; a terminal gets lines wrapped to `width` with hanging indents.
fn show_text(doc: &Document, width: Option<usize>) -> String {
    let mut out = block(&doc.shown_title(), width, "", "");
    if let Some(subtitle) = &doc.subtitle {
        out.push_str(&block(subtitle, width, "", ""));
    }
    out.push('\n');
    const LABEL: usize = 11;
    let mut field = |name: &str, value: &str| {
        let label = format!("{:<LABEL$}", format!("{name}:"));
        out.push_str(&block(value, width, &label, &" ".repeat(LABEL)));
    };
    field("id", &doc.id);
    field("date", &doc.shown_date());
    if let Some(reason) = &doc.inferred_date_reason {
        field("inferred", reason);
    }
    if let Some(note) = &doc.date_note {
        field("date note", note);
    }
    field("kind", &doc.kind.to_string());
    if let Some(place) = &doc.place {
        field("place", place);
    }
    let issuers = doc.issuers();
    if !issuers.is_empty() {
        field("issuers", &issuers.join("; "));
    }
    if let Some(by) = &doc.posted_by {
        field("posted by", by);
    }
    if let Some(publisher) = &doc.publisher {
        field("publisher", publisher);
    }
    if let Some(url) = &doc.url {
        field("url", url);
    }
    if let Some(accessed) = doc.accessed {
        field("accessed", &accessed.to_string());
    }
    if !doc.tags.is_empty() {
        field("tags", &doc.tags.join(", "));
    }
    if let Some(note) = &doc.curator_note {
        field("note", note);
    }
    if doc.title_supplied {
        field(
            "title",
            "supplied by the curator: the capture has no headline",
        );
    }
    let marker = format!("[{}] ", doc.paragraphs.len()).len();
    for (i, p) in doc.paragraphs.iter().enumerate() {
        let first = format!("{:<marker$}", format!("[{}]", i + 1));
        out.push('\n');
        out.push_str(&block(p, width, &first, &" ".repeat(marker)));
    }
    // The document's own heading introduces its list: signatories or members.
    let mut list_heading = doc.people_heading.as_ref();
    for role in Role::ALL {
        let people: Vec<&Person> = doc.people_with(role).collect();
        if people.is_empty() {
            continue;
        }
        let mut heading = format!("{} ({})", role.heading(), people.len());
        if matches!(role, Role::Signatory | Role::Member)
            && let Some(own) = list_heading.take()
        {
            heading.push_str(&format!(": “{own}”"));
        }
        out.push('\n');
        out.push_str(&block(&heading, width, "", "  "));
        for p in people {
            out.push_str(&block(&p.line(), width, "  ", "      "));
        }
    }
    out
}

#[derive(Serialize)]
struct ShowDoc<'a> {
    id: &'a str,
    title: &'a str,
    title_supplied: bool,
    subtitle: Option<&'a str>,
    /// The source's own date; an inferred one is apart, never in its place.
    date: Option<String>,
    inferred_date: Option<String>,
    inferred_date_reason: Option<&'a str>,
    date_note: Option<&'a str>,
    kind: String,
    place: Option<&'a str>,
    posted_by: Option<&'a str>,
    publisher: Option<&'a str>,
    url: Option<&'a str>,
    accessed: Option<String>,
    curator_note: Option<&'a str>,
    tags: &'a [String],
    source: Option<&'a str>,
    paragraphs: Vec<ShowParagraph<'a>>,
    people_heading: Option<&'a str>,
    people: Vec<ShowPerson<'a>>,
}

#[derive(Serialize)]
struct ShowParagraph<'a> {
    n: usize,
    text: &'a str,
}

#[derive(Serialize)]
struct ShowPerson<'a> {
    name: &'a str,
    kind: String,
    role: String,
    title: Option<&'a str>,
    affiliation: Option<&'a str>,
    country: Option<&'a str>,
    acronym: Option<&'a str>,
    note: Option<&'a str>,
    entity: &'a str,
}

fn show_json<'a>(corpus: &'a Corpus, doc: &'a Document) -> ShowDoc<'a> {
    ShowDoc {
        id: &doc.id,
        title: &doc.title,
        title_supplied: doc.title_supplied,
        subtitle: doc.subtitle.as_deref(),
        date: doc.date.map(|d| d.to_string()),
        inferred_date: doc.inferred_date.map(|d| d.to_string()),
        inferred_date_reason: doc.inferred_date_reason.as_deref(),
        date_note: doc.date_note.as_deref(),
        kind: doc.kind.to_string(),
        place: doc.place.as_deref(),
        posted_by: doc.posted_by.as_deref(),
        publisher: doc.publisher.as_deref(),
        url: doc.url.as_deref(),
        accessed: doc.accessed.map(|d| d.to_string()),
        curator_note: doc.curator_note.as_deref(),
        tags: &doc.tags,
        source: doc.source.as_deref(),
        paragraphs: doc
            .paragraphs
            .iter()
            .enumerate()
            .map(|(i, text)| ShowParagraph { n: i + 1, text })
            .collect(),
        people_heading: doc.people_heading.as_deref(),
        people: Role::ALL
            .into_iter()
            .flat_map(|role| doc.people_with(role))
            .map(|p| ShowPerson {
                name: &p.name,
                kind: p.kind.to_string(),
                role: p.role.to_string(),
                title: p.title.as_deref(),
                affiliation: p.affiliation.as_deref(),
                country: p.country.as_deref(),
                acronym: p.acronym.as_deref(),
                note: p.note.as_deref(),
                entity: &corpus.entity_of(p).id,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    fn corpus() -> Corpus {
        Corpus::load(&[]).expect("the bundled corpus loads")
    }

    #[test]
    fn show_wraps_to_the_terminal_with_hanging_indents() {
        let corpus = corpus();
        for doc in &corpus.documents {
            for width in [MIN_WIDTH, 40, 80, MAX_WIDTH] {
                let text = show_text(doc, Some(width));
                for line in text.lines() {
                    // A line overflows only for a word too long for any line
                    // under the deepest indent, the label column.
                    let fits = line.width() <= width
                        || line.split_whitespace().any(|w| w.width() > width - 11);
                    assert!(fits, "{} at {width}: {line:?}", doc.id);
                }
            }
        }
        let doc = corpus.get("joint-letter-security-council-2015").unwrap();
        insta::assert_snapshot!(show_text(doc, Some(60)));
    }

    #[test]
    fn list_wraps_long_titles_under_their_column_in_a_terminal() {
        let corpus = corpus();
        assert_eq!(list_text(&corpus, None).lines().count(), 5);
        let wrapped = list_text(&corpus, Some(120));
        assert!(wrapped.lines().count() > 5);
        for line in wrapped.lines() {
            assert!(line.width() <= 120, "{line:?}");
            let continued = line.starts_with(' ');
            assert!(
                !continued || line.trim_start().width() + 77 == line.width(),
                "{line:?}"
            );
        }
        // Too narrow for a title column: a block per document, id first.
        let stacked = list_text(&corpus, Some(40));
        for line in stacked.lines() {
            assert!(line.width() <= 40 || !line.contains(' '), "{line:?}");
        }
        let ids: Vec<&str> = stacked.lines().filter(|l| l.contains("-20")).collect();
        assert_eq!(ids.len(), 5, "{stacked}");
    }

    #[test]
    fn a_paragraph_s_own_line_breaks_never_start_a_line_in_the_first_column() {
        for width in [None, Some(40)] {
            assert_eq!(
                block("a\n[2] b", width, "[1] ", "    "),
                "[1] a\n    [2] b\n"
            );
        }
    }

    #[test]
    fn nkread_opens_the_reader_only_in_a_terminal() {
        let cli = Cli::parse_from(["nkread"]);
        let outcome = execute(&cli, true, Some(200)).expect("loads");
        assert!(
            matches!(outcome, Outcome::Read(c, _) if c.documents.len() == corpus().documents.len())
        );
        let piped = execute(&cli, false, None).unwrap_err();
        assert_eq!(piped.code, 2);
    }

    #[test]
    fn wrapping_keeps_every_word() {
        let corpus = corpus();
        for doc in &corpus.documents {
            let wrapped = show_text(doc, Some(40));
            let unwrapped = show_text(doc, None);
            let (a, b) = (wrapped.split_whitespace(), unwrapped.split_whitespace());
            assert_eq!(a.clone().count(), b.clone().count(), "{}", doc.id);
            assert_eq!(a.zip(b).find(|(a, b)| a != b), None, "{}", doc.id);
        }
    }
}
