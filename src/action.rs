//! What a person can ask of the reader. The snake_case names of the
//! bindable variants are the key map's vocabulary.

use serde::{Deserialize, Serialize};

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
    FocusNext,
    FocusPrev,
    ToggleSidebar,
    CopyCitation,
    ShowHelp,
    /// Closes the topmost overlay, or returns to the document list.
    Back,
    Quit,
    /// Quits from anywhere, overlays included.
    ForceQuit,
    Suspend,
    OpenSearch,
    ToggleBookmark,
    OpenBookmarks,
    /// The terminal's new size, in columns and rows.
    #[serde(skip)]
    Resize(u16, u16),
    /// The mouse wheel over a cell.
    #[serde(skip)]
    ScrollAt {
        column: u16,
        row: u16,
        down: bool,
    },
    /// A left click on a cell.
    #[serde(skip)]
    ClickAt {
        column: u16,
        row: u16,
    },
}

impl Action {
    /// What the action does, for the help overlay.
    pub fn description(self) -> &'static str {
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
            Action::FocusNext => "focus the next pane",
            Action::FocusPrev => "focus the previous pane",
            Action::ToggleSidebar => "show or hide the people sidebar",
            Action::CopyCitation => "copy the current paragraph with its citation",
            Action::ShowHelp => "show this help",
            Action::Back => "close the overlay, or go back to the list",
            Action::Quit => "quit",
            Action::ForceQuit => "quit from anywhere",
            Action::Suspend => "suspend to the shell (fg resumes)",
            Action::OpenSearch => "search (not in this build yet)",
            Action::ToggleBookmark => "bookmark the paragraph (not in this build yet)",
            Action::OpenBookmarks => "bookmarks (not in this build yet)",
            Action::Resize(..) => "redraw at the new size",
            Action::ScrollAt { .. } => "scroll the pane under the pointer",
            Action::ClickAt { .. } => "focus and select under the pointer",
        }
    }

    /// One word for the status bar's key hints.
    pub fn hint(self) -> &'static str {
        match self {
            Action::MoveUp | Action::MoveDown => "move",
            Action::PageUp | Action::PageDown => "page",
            Action::PrevParagraph | Action::NextParagraph => "paragraph",
            Action::OpenDocument => "read",
            Action::FocusNext | Action::FocusPrev => "pane",
            Action::ToggleSidebar => "people",
            Action::CopyCitation => "copy",
            Action::ShowHelp => "help",
            Action::Back => "back",
            Action::Quit | Action::ForceQuit => "quit",
            _ => self.description(),
        }
    }

    /// Actions an overlay lets through to the global layer.
    pub fn passes_overlays(self) -> bool {
        matches!(self, Action::ForceQuit | Action::Suspend)
    }
}
