//! The linear mode, for screen readers, braille displays, `script` logs
//! and slow links: not full-screen, lines only ever appended. Commands come
//! from a prompt, as words (`open 3`, `search TERMS`) or the reader's keys;
//! each becomes the same messages the keys send, through the same
//! `update`, over the same state, and the answer is the state told in
//! sentences by the line view ([`lines`]) instead of drawn in a frame.
//! Nothing is redrawn and no escape sequence is written.

mod command;
pub mod lines;

pub use command::{Command, parse};

use super::kept::{Kept, export, problem, synced};
use crate::bookmarks::Store;
use crate::corpus::cache::{Pending, Source};
use crate::corpus::{Corpus, Problems, clean_line};
use crate::library::Library;
use crate::tui::keymap::Key;
use crate::tui::layout::Pane;
use crate::tui::layout::search::whole;
use crate::tui::msg::{Action, Msg};
use crate::tui::state::{AppState, Overlay, Settings};
use crate::tui::update::{Effect, update};
use std::collections::VecDeque;
use std::io::{self, BufRead, Write};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

/// The size `update` lays out for: pages and the panes' geometry need one,
/// and nothing is drawn at it.
const SIZE: (u16, u16) = (120, 40);

/// Whether the environment asks for the linear mode: `NKREAD_LINEAR` set
/// to anything but empty or 0, or a terminal that cannot place the cursor.
pub fn wanted(linear: Option<&std::ffi::OsStr>, term: Option<&std::ffi::OsStr>) -> bool {
    linear.is_some_and(|v| !v.is_empty() && v != "0") || term.is_some_and(|t| t == "dumb")
}

/// Runs the linear mode on stdin and stdout until `quit` or the end of
/// input. Bookmarks are saved at once, as in the full-screen reader.
/// `problems` kept some corpus files out: they are said first. A copy of
/// the corpus `pending` is written after the first line, and stopped, if
/// unfinished, at the end.
pub fn run(
    corpus: Arc<Corpus>,
    settings: &Settings,
    problems: Problems,
    pending: Option<Pending>,
) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = stdout.lock();
    // Said before the indexes are built, which every answer needs: at a
    // hundred thousand paragraphs that takes seconds, and the first line
    // tells that the program is there.
    let paragraphs: usize = corpus.documents.iter().map(|d| d.paragraphs.len()).sum();
    write(
        &mut out,
        &[format!(
            "nkread, linear mode: {} documents, {paragraphs} paragraphs. Type help for the commands, list for the documents.",
            corpus.documents.len()
        )],
    )?;
    write(&mut out, &lines::unloaded(&problems.0))?;
    let writer = pending
        .filter(|p| matches!(p.source, Source::Files(_)))
        .map(|pending| pending.start_corpus(Arc::clone(&corpus)));
    let library = Library::indexed(corpus);
    let mut state = AppState::new(&library.corpus, settings);
    state.salt = u64::from(std::process::id());
    state.load_problems = problems.0;
    let mut kept = Kept::open(
        Store::default_dir(),
        Arc::new(AtomicBool::new(false)),
        Arc::new(Mutex::new(None)),
    );
    state.restore(&library.corpus, &kept.positions);
    let first = kept.sync(None);
    let said = problem(&first);
    update(&mut state, &library, synced(first));
    update(&mut state, &library, Msg::Resize(SIZE.0, SIZE.1));
    let mut session = Session {
        state,
        library: &library,
        kept,
        copied: None,
        corpus: settings.corpus.clone(),
    };
    let mut intro: Vec<String> = said.into_iter().collect();
    if session.state.focus == Pane::Reader {
        intro.extend(session.told_document());
    }
    write(&mut out, &intro)?;
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let mut line = String::new();
    while !session.state.quit {
        write!(out, "> ")?;
        out.flush()?;
        line.clear();
        if input.read_line(&mut line)? == 0 {
            // The end of input is a quit, said on its own line.
            writeln!(out)?;
            session.send(Action::Quit);
            break;
        }
        let told = session.perform(parse(&line));
        write(&mut out, &told)?;
    }
    if let Some(writer) = writer {
        let _ = writer.stop();
    }
    session
        .kept
        .close(&session.state, &library, false)
        .and(Ok(()))
}

/// The selected row of the list on screen, counted from 0.
fn selected(state: &AppState) -> Option<usize> {
    match state.overlays.last()? {
        Overlay::People(p) if p.in_detail => Some(p.detail_selected),
        Overlay::People(p) => Some(p.selected),
        Overlay::Search(s) => Some(s.selected),
        Overlay::Bookmarks(b) => Some(b.selected),
        Overlay::Grid(g) => Some(g.selected),
        Overlay::Source(s) => Some(s.scroll),
        Overlay::Help { .. } | Overlay::Problems { .. } => None,
    }
}

/// Writes lines, each cleaned once more on the way out: a note or a query
/// typed at the prompt, or a bookmark file, must not reach the terminal
/// with a control character in it.
fn write(out: &mut impl Write, lines: &[String]) -> io::Result<()> {
    for line in lines {
        writeln!(out, "{}", clean_line(line))?;
    }
    out.flush()
}

/// The state, the library and what the loop keeps, as the linear mode
/// drives them.
struct Session<'a> {
    state: AppState,
    library: &'a Library,
    kept: Kept,
    /// What the last `Copy` effect held: told, not sent to a clipboard.
    copied: Option<String>,
    /// Where the user's documents are, for their captures.
    corpus: Vec<std::path::PathBuf>,
}

impl Session<'_> {
    /// Runs `update` on a message and carries out its effects, as the
    /// full-screen loop does; a query is answered at once.
    fn send(&mut self, msg: impl Into<Msg>) {
        self.state.now = SystemTime::now();
        let mut effects: VecDeque<Effect> = update(&mut self.state, self.library, msg).into();
        while let Some(effect) = effects.pop_front() {
            let answer = match effect {
                Effect::Copy(text) => {
                    self.copied = Some(text);
                    continue;
                }
                Effect::Suspend => continue,
                Effect::Save(change) => synced(self.kept.sync(Some(change))),
                Effect::Reload => synced(self.kept.sync(None)),
                Effect::Export { markdown, when } => Msg::Exported(export(&markdown, &when)),
                Effect::Search(ask) => Msg::Searched(whole(self.library, &ask)),
                Effect::ReadCapture(name) => Msg::Captured {
                    text: super::capture::read(&self.corpus, &name),
                    name,
                },
            };
            effects.extend(update(&mut self.state, self.library, answer));
        }
    }

    fn send_n(&mut self, action: Action, n: usize) {
        for _ in 0..n {
            self.send(action);
        }
    }

    /// Closes every overlay, as Esc would, one at a time.
    fn leave_overlays(&mut self) {
        for _ in 0..8 {
            if self.state.overlays.is_empty() {
                break;
            }
            self.send(Action::Back);
        }
    }

    /// Leaves the list for the reader, where a command needs a document.
    fn read(&mut self) {
        self.leave_overlays();
        if self.state.focus == Pane::List {
            self.send(Action::OpenDocument);
        }
    }

    /// The open document and the paragraph under the reading cursor.
    fn told_document(&self) -> Vec<String> {
        let (library, state) = (self.library, &self.state);
        let mut told: Vec<String> = lines::document(library, state, state.selected)
            .into_iter()
            .collect();
        told.extend(lines::paragraph(library, state));
        told
    }

    /// What a command does, and what is told of it.
    fn perform(&mut self, command: Command) -> Vec<String> {
        let library = self.library;
        self.state.status = None;
        let mut told = match command {
            Command::Nothing => Vec::new(),
            Command::Unknown(said) => vec![said],
            Command::Help => lines::help(),
            Command::List => {
                self.leave_overlays();
                let mut told = lines::documents(library, &self.state);
                told.push("open N reads one.".to_string());
                told
            }
            Command::Open(n) => self.open(n),
            Command::Next | Command::Prev => {
                let next = command == Command::Next;
                let action = match (self.state.overlays.is_empty(), self.state.focus, next) {
                    (true, Pane::Reader, true) => Action::NextParagraph,
                    (true, Pane::Reader, false) => Action::PrevParagraph,
                    (_, _, true) => Action::MoveDown,
                    (_, _, false) => Action::MoveUp,
                };
                let before = lines::here(library, &self.state);
                self.send(action);
                let now = lines::here(library, &self.state);
                match now == before {
                    true => vec![format!(
                        "No {}. {}",
                        if next { "more" } else { "earlier" },
                        now.join(" ")
                    )],
                    false => now,
                }
            }
            Command::More => {
                if self.state.overlays.is_empty() {
                    vec!["more reads on in a list: people, search, bookmarks or grid.".to_string()]
                } else {
                    self.send_n(Action::MoveDown, lines::ROWS_TOLD);
                    lines::overlay(library, &self.state)
                }
            }
            Command::Para(n) => self.paragraph(n),
            Command::Search(terms) => {
                self.leave_overlays();
                self.send(Action::OpenSearch);
                self.send(Msg::Paste(terms));
                lines::overlay(library, &self.state)
            }
            Command::People(None) => lines::people_of_document(library, &self.state),
            Command::People(Some(name)) => {
                self.leave_overlays();
                self.send(Action::OpenPeople);
                self.send(Action::EditFilter);
                self.send(Msg::Paste(name));
                self.send(Action::Confirm);
                lines::overlay(library, &self.state)
            }
            Command::Mark => {
                self.leave_overlays();
                self.send(Action::ToggleMark);
                Vec::new()
            }
            Command::Grid => {
                self.leave_overlays();
                self.send(Action::ShowCoalition);
                lines::overlay(library, &self.state)
            }
            Command::Bookmark => {
                self.read();
                self.send(Action::ToggleBookmark);
                Vec::new()
            }
            Command::Note(text) => self.note(text),
            Command::Bookmarks => {
                self.leave_overlays();
                self.send(Action::OpenBookmarks);
                lines::overlay(library, &self.state)
            }
            Command::Cite => {
                self.read();
                self.copied = None;
                self.send(Action::CopyCitation);
                // Told here, not sent to a clipboard: the status that says
                // it was sent does not hold.
                match self.copied.take() {
                    Some(text) => {
                        self.state.status = None;
                        text.lines().map(clean_line).collect()
                    }
                    None => Vec::new(),
                }
            }
            Command::Where => lines::here(library, &self.state),
            Command::Back => {
                self.send(Action::Back);
                match self.state.overlays.is_empty() {
                    true => lines::here(library, &self.state),
                    false => lines::overlay(library, &self.state),
                }
            }
            Command::Quit => {
                self.send(Action::Quit);
                vec!["Goodbye.".to_string()]
            }
            Command::Key(c) => self.key(c),
        };
        if let Some(status) = &self.state.status {
            told.push(format!(
                "{}.",
                clean_line(status.text.trim_end_matches('.'))
            ));
        }
        told
    }

    /// Document `n` of the list, or row `n` of the list on screen; the
    /// one selected without `n`.
    fn open(&mut self, n: Option<usize>) -> Vec<String> {
        let library = self.library;
        let in_list = matches!(
            self.state.overlays.last(),
            Some(
                Overlay::People(_) | Overlay::Search(_) | Overlay::Bookmarks(_) | Overlay::Grid(_)
            )
        );
        if in_list {
            if let Some(n) = n {
                self.send(Action::GoTop);
                // Down to row n, or as far as the list goes: a number past
                // its end costs its length, not the number.
                for _ in 1..n {
                    let before = selected(&self.state);
                    self.send(Action::MoveDown);
                    if selected(&self.state) == before {
                        break;
                    }
                }
                if selected(&self.state) != Some(n - 1) {
                    return vec![format!("There is no row {n}.")];
                }
            }
            self.send(Action::OpenSelection);
            return match self.state.overlays.is_empty() {
                true => self.told_document(),
                false => lines::overlay(library, &self.state),
            };
        }
        self.leave_overlays();
        if let Some(n) = n {
            if n > self.state.order.len() {
                return vec![format!(
                    "There are {} documents; list tells them.",
                    self.state.order.len()
                )];
            }
            if self.state.focus != Pane::List {
                self.send(Action::Back);
            }
            self.send(Action::GoTop);
            self.send_n(Action::MoveDown, n - 1);
        }
        self.send(Action::OpenDocument);
        self.told_document()
    }

    /// Moves the reading cursor to paragraph `n`.
    fn paragraph(&mut self, n: usize) -> Vec<String> {
        self.read();
        let Some(doc) = self
            .state
            .open()
            .and_then(|d| self.library.corpus.documents.get(d))
        else {
            return vec!["No document is open.".to_string()];
        };
        let count = doc.paragraphs.len();
        if n > count {
            return vec![format!("This document has {count} paragraphs.")];
        }
        for _ in 0..count {
            let cursor = self.state.reader().cursor;
            match cursor.cmp(&(n - 1)) {
                std::cmp::Ordering::Equal => break,
                std::cmp::Ordering::Greater => self.send(Action::PrevParagraph),
                std::cmp::Ordering::Less => self.send(Action::NextParagraph),
            }
            if self.state.reader().cursor == cursor {
                break;
            }
        }
        lines::paragraph(self.library, &self.state)
            .into_iter()
            .collect()
    }

    /// Writes `text` as the note of the bookmark on the reading cursor's
    /// paragraph, through the bookmarks pane as `e` there does.
    fn note(&mut self, text: String) -> Vec<String> {
        self.read();
        let here = self.state.open().map(|d| (d, self.state.reader().cursor));
        let found = self
            .state
            .places
            .iter()
            .position(|p| p.passage().is_some() && p.passage() == here);
        let Some((i, id)) = found.map(|i| (i, self.state.bookmarks[i].id.clone())) else {
            return vec![
                "This paragraph has no bookmark; bookmark keeps it, then note writes its note."
                    .to_string(),
            ];
        };
        self.send(Action::OpenBookmarks);
        let listed = crate::tui::layout::bookmarks::listed(
            self.library,
            &self.state.bookmarks,
            &self.state.places,
            "",
        );
        let Some(at) = listed.iter().position(|&b| b == i) else {
            self.leave_overlays();
            return vec!["The bookmark could not be found again.".to_string()];
        };
        self.send(Action::GoTop);
        self.send_n(Action::MoveDown, at);
        self.send(Action::EditNote);
        self.send(Action::ClearInput);
        self.send(Msg::Paste(text));
        self.send(Action::Confirm);
        let status = self.state.status.take();
        self.leave_overlays();
        self.state.status = status;
        let paragraph = here.map_or(0, |(_, p)| p + 1);
        // Told as the bookmarks now hold it, saved or not.
        match self.state.bookmarks.iter().find(|b| b.id == id) {
            Some(b) => vec![format!(
                "The note on paragraph {paragraph} reads: {}",
                clean_line(&b.note)
            )],
            None => vec![format!("The bookmark on paragraph {paragraph} is gone.")],
        }
    }

    /// One of the reader's keys, as the key map binds it where the focus is.
    fn key(&mut self, c: char) -> Vec<String> {
        let library = self.library;
        let Some(msg) = self.state.msg_for(Key::char(c)) else {
            return vec![format!("{c} does nothing here; help lists the commands.")];
        };
        let overlays = self.state.overlays.len();
        self.send(msg);
        if self.state.quit {
            return vec!["Goodbye.".to_string()];
        }
        match self.state.overlays.len() > overlays {
            true => lines::overlay(library, &self.state),
            false => lines::here(library, &self.state),
        }
    }
}
