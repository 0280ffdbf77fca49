//! The command line's one definition, with each command's help text; the
//! man pages and completions are made from it.

use super::bookmarks::BookmarksCommand;
use crate::people::SortBy;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

pub(super) const AFTER_HELP: &str = "\
Examples:
  nkread list                      the documents, newest first
  nkread show hrc55-open-letter-2024
  nkread search secrty councl      fuzzy search; see `nkread search --help`
  nkread --corpus ~/nk-docs list --json
  nkread people ojea               who, in which documents, where named
  nkread coalition --format csv    who signed what and when, for a chart
  nkread check                     warn of look-alike names
  nkread bookmarks export          kept passages with citations, as Markdown
  nkread config check              report every problem in the config file
  nkread completions bash          shell completions; see `nkread completions --help`

Exit status:
  0  success
  1  a search that found nothing (as grep), or a runtime failure: output
     could not be written, or bookmarks could not be read or saved
  2  a usage or input error: bad arguments, a broken config or corpus file
     (the reader opens without a broken corpus file, and names it), an
     unknown document or bookmark id or name, a paragraph a document does
     not have, an invalid search query, or no terminal for the reader";

#[derive(Debug, Parser)]
#[command(name = "nkread", version, about, after_help = AFTER_HELP)]
pub struct Cli {
    /// Also read documents from PATH: a directory of *.toml and *.json files, or one such file; repeatable
    #[arg(long = "corpus", value_name = "PATH")]
    pub corpus: Vec<PathBuf>,
    /// Read the configuration from FILE instead of the default location
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Draw the reader's panes without box-drawing lines: a title line and a blank column instead (config: borders = false)
    #[arg(long)]
    pub no_borders: bool,
    /// Read in lines, not full-screen: commands at a prompt, answers in sentences, nothing redrawn; for screen readers, braille displays and slow links (also NKREAD_LINEAR=1 or TERM=dumb)
    #[arg(long)]
    pub linear: bool,
    /// Load the corpus from its files, neither reading nor writing the corpus cache (see `nkread cache --help`)
    #[arg(long, global = true)]
    pub no_cache: bool,
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
        /// The document's id, as `nkread list` prints it, or a prefix only it has (`hrc55`)
        #[arg(add = super::complete::documents())]
        id: String,
        /// Print JSON: {"id","title","date","inferred_date","kind","place","url","tags","paragraphs","people",…}
        #[arg(long)]
        json: bool,
    },
    /// List the organizations and people, show one, or those documents share
    #[command(after_help = PEOPLE_HELP)]
    People {
        /// Show one organization or person, with its documents, roles and the passages that name it: a name, alias, acronym or id, matched fuzzily
        #[arg(value_name = "NAME", conflicts_with_all = ["shared", "sort"], add = super::complete::entities())]
        name: Vec<String>,
        /// List the organizations and people common to these documents (ids or unique prefixes), with their roles in each
        #[arg(long, value_name = "ID", num_args = 2.., add = super::complete::documents())]
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
        command: Option<BookmarksCommand>,
        /// Print JSON: [{"id","doc","paragraph","quote","note","created","orphaned"}]
        #[arg(long)]
        json: bool,
    },
    /// Cite a document or a paragraph of it: in a CSL style, or as CSL-JSON, BibTeX or RIS
    #[command(after_help = super::cite::CITE_HELP)]
    Cite(super::cite::CiteArgs),
    /// Who stood with whom: each organization and person by document, in date order, with its role in each
    #[command(after_help = super::coalition::COALITION_HELP)]
    Coalition(super::coalition::CoalitionArgs),
    /// Write the whole corpus as one SQLite database, paragraphs indexed for full-text search
    #[command(after_help = super::export::EXPORT_HELP)]
    Export {
        /// The database file to write (replaced if it exists)
        #[arg(long, value_name = "FILE")]
        sqlite: PathBuf,
    },
    /// Draft a document from a saved page (HTML or text), for review
    #[command(after_help = super::import::IMPORT_HELP)]
    Import(super::import::ImportArgs),
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
        #[arg(long, value_name = "ID", add = super::complete::documents())]
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
    /// Say where the corpus cache is and whether it is current, or remove it
    #[command(after_help = CACHE_HELP)]
    Cache {
        #[command(subcommand)]
        command: CacheCommand,
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

pub(super) const MAN_HELP: &str = "\
Without --dir, only the top page, nkread(1), is printed; its SUBCOMMANDS
section names a page for each subcommand, which --dir writes too, making DIR
if need be.

Examples:
  nkread man --dir ~/.local/share/man/man1     all pages; then `man nkread-search`
  nkread man | man -l -                         read the top page now";

pub(super) const BOOKMARKS_HELP: &str = "\
One line per bookmark: id, document and paragraph, date, the start of the
passage and the note. A bookmark whose document is gone is marked (gone) and
keeps its quote. They are kept in $XDG_DATA_HOME/nkread/bookmarks.json
(~/.local/share/nkread/bookmarks.json); see docs/bookmarks.md.

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

#[derive(Debug, Subcommand)]
pub enum CacheCommand {
    /// Print where the cache is, how big, and whether the configured corpus's copies (corpus, search index) are current
    #[command(
        after_help = "Examples:\n  nkread cache status\n  nkread --corpus ~/nk-docs cache status"
    )]
    Status,
    /// Remove every cache file; the next open loads the corpus from its files and writes it again
    #[command(after_help = "Examples:\n  nkread cache clear")]
    Clear,
}

pub(super) const CACHE_HELP: &str = "\
A corpus beside the bundled one is parsed from its files on the first open
and kept as a file under $XDG_CACHE_HOME/nkread/ (~/.cache/nkread/),
corpus-HASH.nkc; later opens read that file instead, which at a million
paragraphs is many times faster. The full-screen reader also keeps the
search index it built beside it, corpus-HASH.nki, and reads it on a later
open instead of indexing again; the linear reader and the other commands
always build the index. The copies are checked on every open: a corpus file
added, removed or changed, another version of nkread, or a cut or corrupted
cache file is noticed, and the corpus is loaded from its files (or the
index built) and the copy written again.
The bundled corpus needs no cache. `--no-cache` or `cache = false` in the
config file turns it off.

Examples:
  nkread cache status
  nkread cache clear
  nkread --no-cache list";

pub(super) const CONFIG_HELP: &str = "\
Examples:
  mkdir -p ~/.config/nkread
  nkread config default > ~/.config/nkread/config.toml
  nkread config check
  nkread config path

The file is read from --config FILE, or else from
$XDG_CONFIG_HOME/nkread/config.toml; a missing file means the defaults.";

pub(super) const COMPLETIONS_HELP: &str = "\
The script asks nkread (on your PATH) as you press tab, so document ids and
the names of organizations and people complete too.

Examples:
  nkread completions bash > ~/.local/share/bash-completion/completions/nkread
  nkread completions zsh > ~/.zfunc/_nkread      # with fpath+=~/.zfunc
  nkread completions fish > ~/.config/fish/completions/nkread.fish
  nkread completions powershell >> $PROFILE
  nkread completions elvish > ~/.config/elvish/lib/nkread.elv   # then: use nkread";

pub(super) const PEOPLE_HELP: &str = "\
One line per organization or person: id, kind, number of documents, name.

Examples:
  nkread people --sort documents
  nkread people \"Tomas Ojea Quintana\"     any spelling, an alias, an acronym or a part
  nkread people --shared joint-letter-security-council-2015 hrc55-open-letter-2024
  nkread people --json | jq -r '.[] | select(.documents | length > 2) | .name'

An organization or person appears in a document that lists it among its
people (issuer, signatory, member, quoted, mentioned). Passages are the
paragraphs whose text names it, numbered from 1 as `nkread show` numbers them.";

pub(super) const CHECK_HELP: &str = "\
Examples:
  nkread check
  nkread --corpus ~/nk-docs check 2>/dev/null | wc -l

Each warning is one line on stdout, starting with \"warning:\"; a summary goes to
stderr. The status is 0 with or without warnings, and 2 when a file does not
load. Two names that are one body need one spelling in the corpus files or an
alias in data/entities.toml; two that are different bodies are recorded there
as `distinct_from`.";

pub(super) const SEARCH_HELP: &str = "\
Query syntax (as fzf's extended mode):
  secrty councl        every word must match a word, in any order; typos allowed
  'secur  \"a phrase\"   exactly this text
  ^just  council$      a word starting, or ending, with this; ^council$ the word
  'songbun | 'shoot    either term (a | between spaces)
  !dprk                leave out what contains this; alone, list all without it
  Council              a word with a capital matches case; lower case matches any
  kind:joint-letter  year:2015  year:2014..2017  year:2015..  by:hrw  role:quoted
                       filters; by: is an issuer, signatory or member

Filters narrow the documents (kind:, year:, by:) and the people (role:).
Different filters must all hold; the same filter twice means either. So
`role:quoted by:hrw` is the people quoted in documents Human Rights Watch
issued, signed or joined, not the people HRW quoted; `kind:letter year:2015`
is the letters of 2015.

Examples:
  nkread search secrty councl
  nkread search 'by:\"christian solidarity\" year:2015.. accountability' --json
  nkread search council --doc joint-letter-security-council-2015
  printf 'council\\ncrimes humanity\\n' | nkread search --stdin

Exit status:
  0  something was found
  1  nothing was found: stderr names the terms that matched nothing (or never
     with the others) and lists the best partial matches without them, each
     line starting \"partial\"; stdout is empty ([] with --json)
  2  an invalid query, an unknown --doc, or bad arguments

With --stdin, a line that is not a valid query gets {\"error\": \"...\"} and the
stream goes on; the exit status is then 2.";
