//! Everything the reader remembers between frames. Documents, paragraphs and
//! people are referred to by index into the shared, immutable corpus.

use crate::corpus::Corpus;
use crate::keymap::{KeyMap, Layer};
use crate::ui::theme::Theme;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    List,
    Reader,
    Sidebar,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// The key list, scrolled to this line.
    Help { scroll: usize },
}

/// Where a person is in one document: the first line on screen and the
/// paragraph under the reading cursor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReaderState {
    pub scroll: usize,
    pub cursor: usize,
}

/// The selected person, in sidebar order, and the first line on screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SidebarState {
    pub selected: usize,
    pub scroll: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusKind {
    Info,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub kind: StatusKind,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct AppState {
    /// Document indices in list order: newest first, undated last.
    pub order: Vec<usize>,
    /// Position in `order` of the selected document, which the reader shows.
    pub selected: usize,
    pub list_scroll: usize,
    /// One per document, so each keeps its place.
    pub readers: Vec<ReaderState>,
    pub sidebar: SidebarState,
    pub sidebar_visible: bool,
    pub focus: Pane,
    pub overlays: Vec<Overlay>,
    /// The terminal's size in columns and rows.
    pub size: (u16, u16),
    pub status: Option<Status>,
    pub quit: bool,
    pub keymap: KeyMap,
    pub theme: Theme,
}

impl AppState {
    pub fn new(corpus: &Corpus, keymap: KeyMap, theme: Theme) -> AppState {
        AppState {
            order: corpus.newest_first(),
            selected: 0,
            list_scroll: 0,
            readers: vec![ReaderState::default(); corpus.documents.len()],
            sidebar: SidebarState::default(),
            sidebar_visible: true,
            focus: Pane::List,
            overlays: Vec::new(),
            size: (0, 0),
            status: None,
            quit: false,
            keymap,
            theme,
        }
    }

    /// The index of the document the reader shows, if the corpus has any.
    pub fn open(&self) -> Option<usize> {
        self.order.get(self.selected).copied()
    }

    pub fn reader(&self) -> ReaderState {
        self.open()
            .and_then(|d| self.readers.get(d).copied())
            .unwrap_or_default()
    }

    /// The key layers that are active, topmost first.
    pub fn layers(&self) -> Vec<Layer> {
        match self.overlays.last() {
            Some(Overlay::Help { .. }) => vec![Layer::Help],
            None => vec![
                match self.focus {
                    Pane::List => Layer::List,
                    Pane::Reader => Layer::Reader,
                    Pane::Sidebar => Layer::Sidebar,
                },
                Layer::Global,
            ],
        }
    }

    pub fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            kind: StatusKind::Info,
            text: text.into(),
        });
    }

    pub fn complain(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            kind: StatusKind::Error,
            text: text.into(),
        });
    }
}
