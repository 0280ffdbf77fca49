//! What a person can ask of the reader (`Action`, whose snake_case names
//! are the key map's vocabulary), and the messages `update` takes.

use crate::bookmarks::Bookmark;
use crate::library::Index;
use crate::search::{Hit, Miss};
use serde::de::value::{Error, StrDeserializer};
use serde::{Deserialize, Serialize};
use std::cell::Cell;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    MoveUp,
    MoveDown,
    PageUp,
    PageDown,
    GoTop,
    GoBottom,
    PrevParagraph,
    NextParagraph,
    /// Leaves the document list for the reader.
    OpenDocument,
    /// Reads the next document of the list, from the reader.
    NextDocument,
    PrevDocument,
    FocusNext,
    FocusPrev,
    ToggleSidebar,
    /// Folds or unfolds the signatures after a letter's last paragraph.
    ToggleSignatures,
    CopyCitation,
    /// Shows the document's raw capture, the lines left out marked.
    ShowSource,
    /// Copies the document's address (url).
    CopyUrl,
    ShowHelp,
    /// Lists the corpus files that did not load, each problem as `check`
    /// gives it.
    ShowProblems,
    /// Closes the topmost overlay, or returns to the document list.
    Back,
    Quit,
    /// Quits from anywhere, overlays included.
    ForceQuit,
    Suspend,
    OpenSearch,
    ToggleBookmark,
    OpenBookmarks,
    OpenPeople,
    /// Opens the People pane on the sidebar's selected entity.
    OpenEntity,
    /// Opens the document and passage selected in the People pane.
    OpenSelection,
    ToggleSort,
    /// Starts typing a filter.
    EditFilter,
    DeleteChar,
    DeleteWord,
    ClearInput,
    /// Marks a document in the list for the coalition grid.
    ToggleMark,
    /// Opens the coalition grid on the marked documents, or on all.
    #[serde(alias = "show_overlap")]
    ShowCoalition,
    /// In the grid: the column to the left, or the right.
    MoveLeft,
    MoveRight,
    /// In the grid: the next quick filter (everyone, in all, in some, joined, gone).
    CycleQuickFilter,
    /// Switches search between all documents and the open one.
    ToggleScope,
    /// The next match of the last search in the open document.
    NextMatch,
    PrevMatch,
    MoveCursorLeft,
    MoveCursorRight,
    MoveCursorHome,
    MoveCursorEnd,
    /// Accepts what was typed: a filter, or a bookmark's note.
    Confirm,
    /// Edits the selected bookmark's note.
    EditNote,
    /// Starts a new line in a note.
    NewLine,
    DeleteBookmark,
    /// Brings back the bookmark deleted last.
    UndoDelete,
    /// Writes the bookmarks shown to a Markdown file.
    ExportBookmarks,
    /// Copies the bookmarks shown, as Markdown, to the clipboard.
    CopyBookmarks,
}

/// What reaches `update`: a bound action, or one of the loop's own
/// messages, which no key or config can name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    Do(Action),
    /// The bookmarks as the file holds them after a read or a save, and
    /// what went wrong on the way.
    Synced {
        bookmarks: Vec<Bookmark>,
        problem: Option<String>,
        /// Where bookmarks still read, set aside, while there are none.
        held_aside: Option<String>,
    },
    /// A character typed into an input line.
    Typed(char),
    /// Text pasted into the terminal (bracketed paste).
    Paste(String),
    /// The terminal's new size, in columns and rows.
    Resize(u16, u16),
    /// The mouse wheel over a cell.
    ScrollAt {
        column: u16,
        row: u16,
        down: bool,
    },
    /// A left click on a cell.
    ClickAt {
        column: u16,
        row: u16,
    },
    /// Where an export was written, or why it was not.
    Exported(Result<String, String>),
    /// The search index has read this many paragraphs.
    Indexing(usize),
    /// An index arrived in the library.
    Indexed(Index),
    /// A query's answer, from the thread that searches.
    Searched(Found),
    /// A document's raw capture as the loop read it (cleaned), or why not.
    Captured {
        name: String,
        text: Result<String, String>,
    },
}

/// A query for the thread that searches, so that typing never waits for
/// the ranking of a large corpus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ask {
    pub id: u64,
    pub text: String,
    /// The one document searched, or None for all.
    pub doc: Option<usize>,
    /// How many hits to send at once (the rows on screen and a margin),
    /// before they are counted.
    pub first: usize,
}

/// The answer to an [`Ask`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub id: u64,
    pub text: String,
    pub hits: Vec<Hit>,
    /// Why the query cannot run, or a note that it was cut.
    pub problem: Option<String>,
    /// Why it found nothing; `hits` are then its partial matches.
    pub miss: Option<Miss>,
    /// How many fields match in all; None until they are counted, when a
    /// second answer to the same ask brings the count and more hits.
    pub total: Option<usize>,
}

impl Found {
    /// No answer yet to `ask`: no hits, nothing to say.
    pub fn to(ask: &Ask) -> Found {
        Found {
            id: ask.id,
            text: ask.text.clone(),
            hits: Vec::new(),
            problem: None,
            miss: None,
            total: Some(0),
        }
    }
}

impl From<Action> for Msg {
    fn from(action: Action) -> Msg {
        Msg::Do(action)
    }
}

impl Action {
    /// The action's name in the config file: its serde name.
    pub fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    /// The action a config name stands for: its serde name.
    pub fn named(name: &str) -> Option<Action> {
        Action::deserialize(StrDeserializer::<Error>::new(name)).ok()
    }

    /// Every action's config name, as serde knows them: what the derived
    /// `Deserialize` hands to `deserialize_enum`, so a new action needs no
    /// list kept here.
    pub fn names() -> &'static [&'static str] {
        struct Names(Cell<&'static [&'static str]>);
        impl<'de> serde::Deserializer<'de> for &Names {
            type Error = Error;
            fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, Error> {
                Err(serde::de::Error::custom("only the names are wanted"))
            }
            fn deserialize_enum<V: serde::de::Visitor<'de>>(
                self,
                _: &'static str,
                variants: &'static [&'static str],
                _: V,
            ) -> Result<V::Value, Error> {
                self.0.set(variants);
                Err(serde::de::Error::custom("only the names are wanted"))
            }
            serde::forward_to_deserialize_any! {
                bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
                bytes byte_buf option unit unit_struct newtype_struct seq tuple
                tuple_struct map struct identifier ignored_any
            }
        }
        let names = Names(Cell::new(&[]));
        let _ = Action::deserialize(&names);
        names.0.get()
    }

    /// What the action does, for the help overlay.
    pub fn description(&self) -> &'static str {
        match self {
            Action::MoveUp => "move up",
            Action::MoveDown => "move down",
            Action::PageUp => "page up",
            Action::PageDown => "page down",
            Action::GoTop => "go to the top",
            Action::GoBottom => "go to the bottom",
            Action::PrevParagraph => "previous paragraph",
            Action::NextParagraph => "next paragraph",
            Action::OpenDocument => "read the selected document",
            Action::NextDocument => "read the next document in the list",
            Action::PrevDocument => "read the previous document in the list",
            Action::FocusNext => "focus the next pane",
            Action::FocusPrev => "focus the previous pane",
            Action::ToggleSidebar => "show or hide the people sidebar",
            Action::ToggleSignatures => "fold or unfold the signatures after the last paragraph",
            Action::CopyCitation => "copy the current paragraph with its citation",
            Action::ShowSource => {
                "show the raw capture the document was curated from, the lines left out marked"
            }
            Action::CopyUrl => "copy the document's address (url)",
            Action::ShowHelp => "show this help",
            Action::ShowProblems => "list the corpus files that did not load, and why",
            Action::Back => "stop typing, close the overlay, or go back to the list",
            Action::Quit => "quit",
            Action::ForceQuit => "quit from anywhere",
            Action::Suspend => "suspend to the shell (fg resumes)",
            Action::OpenSearch => "search the corpus",
            Action::ToggleScope => "search all documents or this one",
            Action::NextMatch => "next match of the last search in this document",
            Action::PrevMatch => "previous match of the last search in this document",
            Action::ToggleBookmark => {
                "bookmark the paragraph under the cursor, or remove its bookmark"
            }
            Action::OpenBookmarks => "the bookmarks pane: kept passages and their notes",
            Action::Confirm => "accept what was typed",
            Action::EditNote => "edit the bookmark's note",
            Action::NewLine => "start a new line in a note",
            Action::DeleteBookmark => "delete the bookmark",
            Action::UndoDelete => "bring back the bookmark deleted last",
            Action::ExportBookmarks => {
                "write the bookmarks shown to a Markdown file in the current directory"
            }
            Action::CopyBookmarks => "copy the bookmarks shown, as Markdown, to the clipboard",
            Action::OpenPeople => "the People pane: every organization and person",
            Action::OpenEntity => "open this entry in the People pane",
            Action::OpenSelection => "open the selected document at that passage",
            Action::ToggleSort => {
                "sort by name or by number of documents (in the grid, also by first appearance)"
            }
            Action::EditFilter => "filter the list (fuzzy)",
            Action::DeleteChar => "delete the character before the cursor",
            Action::DeleteWord => "delete the word before the cursor",
            Action::ClearInput => "clear the input",
            Action::ToggleMark => "mark or unmark the document for the coalition grid",
            Action::ShowCoalition => {
                "who stood with whom: the marked documents' (or every document's) people, by date"
            }
            Action::MoveLeft => "the column to the left",
            Action::MoveRight => "the column to the right",
            Action::CycleQuickFilter => {
                "show everyone, those in all, in some not all, joined since the first, gone by the last"
            }
            Action::MoveCursorLeft => "move the cursor left",
            Action::MoveCursorRight => "move the cursor right",
            Action::MoveCursorHome => "move the cursor to the start",
            Action::MoveCursorEnd => "move the cursor to the end",
        }
    }

    /// One word for the status bar's key hints.
    pub fn hint(&self) -> &'static str {
        match self {
            Action::MoveUp | Action::MoveDown => "move",
            Action::PageUp | Action::PageDown => "page",
            Action::PrevParagraph | Action::NextParagraph => "paragraph",
            Action::OpenDocument | Action::OpenSelection => "open",
            Action::OpenEntity => "documents",
            Action::OpenPeople => "people index",
            Action::ToggleSort => "sort",
            Action::ToggleScope => "scope",
            Action::NextMatch | Action::PrevMatch => "match",
            Action::OpenSearch => "search",
            Action::EditFilter => "filter",
            Action::ToggleMark => "mark",
            Action::ShowCoalition => "coalition",
            Action::MoveLeft | Action::MoveRight => "column",
            Action::CycleQuickFilter => "quick filter",
            Action::ToggleBookmark => "bookmark",
            Action::OpenBookmarks => "bookmarks",
            Action::Confirm => "done",
            Action::EditNote => "note",
            Action::NewLine => "new line",
            Action::DeleteBookmark => "delete",
            Action::UndoDelete => "undo",
            Action::ExportBookmarks => "export",
            Action::CopyBookmarks => "copy",
            Action::FocusNext | Action::FocusPrev => "pane",
            Action::NextDocument | Action::PrevDocument => "document",
            Action::ToggleSidebar => "people",
            Action::ToggleSignatures => "signatures",
            Action::CopyCitation => "copy",
            Action::ShowSource => "capture",
            Action::CopyUrl => "copy address",
            Action::ShowHelp => "help",
            Action::ShowProblems => "problems",
            Action::Back => "back",
            Action::Quit | Action::ForceQuit => "quit",
            _ => self.description(),
        }
    }

    /// Whether the action ends the reader.
    pub fn is_quit(&self) -> bool {
        matches!(self, Action::Quit | Action::ForceQuit)
    }

    /// Whether the action only moves through what is shown.
    pub fn is_move(&self) -> bool {
        matches!(
            self,
            Action::MoveUp
                | Action::MoveDown
                | Action::PageUp
                | Action::PageDown
                | Action::GoTop
                | Action::GoBottom
                | Action::PrevParagraph
                | Action::NextParagraph
                | Action::MoveLeft
                | Action::MoveRight
        )
    }

    /// Actions an overlay lets through to the global layer.
    pub fn passes_overlays(&self) -> bool {
        matches!(self, Action::ForceQuit | Action::Suspend)
    }
}
