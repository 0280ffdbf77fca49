//! Everything the reader remembers between frames. Documents, paragraphs and
//! people are referred to by index into the shared, immutable corpus.

use crate::bookmarks::{Bookmark, Locator, Place, Positions};
use crate::corpus::{Corpus, Document, EntityId, ListOrder, Problem};
use crate::people::SortBy;
use crate::people::coalition::{Coalition, Only, Order, Roles};
use crate::search::{Hit, Miss};
use crate::tui::input::Input;
use crate::tui::keymap::{Key, KeyMap, Layer};
use crate::tui::layout::reader::{ReaderCache, ReaderText};
use crate::tui::layout::source::SourceText;
use crate::tui::layout::{self, Pane, Panes, ViewOptions};
use crate::tui::msg::Msg;
use crate::tui::theme::Theme;
use std::rc::Rc;
use std::time::SystemTime;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The key list, scrolled to this line.
    Help {
        scroll: usize,
    },
    /// The corpus files that did not load and why, scrolled to this line.
    Problems {
        scroll: usize,
    },
    People(PeopleState),
    Bookmarks(BookmarksState),
    Search(SearchState),
    /// Who stood with whom in some documents.
    Grid(GridState),
    /// A document's raw capture.
    Source(SourceState),
}

/// The raw capture of a document, read by the loop, scrolled to a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceState {
    pub doc: usize,
    /// The capture's file name, as the document gives it.
    pub name: String,
    /// The capture's text (cleaned), or why it could not be read; None
    /// until the loop answers.
    pub capture: Option<Result<String, String>>,
    /// The capture laid out for the overlay's width, when it arrived or
    /// the terminal was resized.
    pub laid: Option<Rc<SourceText>>,
    pub scroll: usize,
}

/// The coalition grid: rows are entities, columns documents in date order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridState {
    /// The documents it was opened on (those marked, or all), before the
    /// filter's document terms narrow them.
    pub base: Vec<usize>,
    /// The grid of the columns the filter keeps, built again only when
    /// they change.
    pub grid: Rc<Coalition>,
    pub filter: Input,
    /// Whether keys type into the filter.
    pub editing: bool,
    /// The roles that count, as the filter last gave them.
    pub roles: Roles,
    /// What in the filter could not be read.
    pub problem: Option<String>,
    pub only: Only,
    pub order: Order,
    /// The rows listed for the filter, quick filter and order, by row in
    /// `grid`: worked out again when one changes, not at each frame.
    pub listed: Vec<usize>,
    /// Position in `listed`.
    pub selected: usize,
    /// The column under the cursor: 0 the name, then 1 for the first
    /// document and on.
    pub column: usize,
}

/// The search overlay: the query, its scope and its ranked hits.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchState {
    pub input: Input,
    /// Search the open document only (Ctrl-T), rather than all.
    pub this_document: bool,
    pub hits: Vec<Hit>,
    /// Position of the selected hit.
    pub selected: usize,
    /// Why the query cannot run (an unknown filter), or a note that it was cut.
    pub problem: Option<String>,
    /// The query the hits answer: shown until the next answer arrives.
    pub answered: String,
    /// Why `answered` found nothing; `hits` are then its partial matches.
    pub miss: Option<Miss>,
    /// The query has changed since it was last asked.
    pub stale: bool,
    /// The id of the query asked and not answered yet.
    pub asking: Option<u64>,
    /// How many fields the answered query matches in all (`hits` holds
    /// the best of them).
    pub total: usize,
    /// The id of the answered query whose count is still coming.
    pub counting: Option<u64>,
    /// The last edit cut the input to its limit.
    pub cut: bool,
    /// The last key moved through the hits rather than edit the query: the
    /// terminal's cursor is on the selected hit, where a screen reader
    /// reads it, until the next edit brings it back to the query.
    pub browsing: bool,
}

/// The People pane: the entity list on the left, the selected entity's
/// documents and passages on the right.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PeopleState {
    pub filter: Input,
    /// Whether keys type into the filter.
    pub editing: bool,
    pub sort: SortBy,
    /// Position in the filtered, sorted list.
    pub selected: usize,
    /// Whether the right column (documents and passages) has the focus.
    pub in_detail: bool,
    /// Position among the right column's openable rows.
    pub detail_selected: usize,
    /// The entities listed for `filter` and `sort`, worked out again when
    /// either changes or the index arrives, not at each frame (thirty
    /// thousand names take a fuzzy match each).
    pub listed: Vec<EntityId>,
}

/// The bookmarks pane: the list, filtered, and a note being edited.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BookmarksState {
    pub filter: Input,
    pub editing: Option<Editing>,
    /// Position in the filtered list.
    pub selected: usize,
}

/// What keys type into in the bookmarks pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Editing {
    Filter,
    /// A bookmark's note, until Enter saves it or Esc drops it.
    Note {
        /// Boxed: a bookmark is large beside the filter, which has nothing.
        of: Box<Bookmark>,
        input: Input,
    },
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
    /// Whether the reader folds the signatures after a letter's last
    /// paragraph to their heading.
    pub fold_signatures: bool,
    /// The query of the last search opened from, for n and N and the
    /// highlighted matches in the reader.
    pub last_query: Option<String>,
    /// Documents marked in the list for the coalition grid, in marking order.
    pub marked: Vec<usize>,
    /// The grid as it was when a cell of it was opened, which `o` brings
    /// back while the same documents are marked.
    pub left_grid: Option<GridState>,
    pub focus: Pane,
    pub overlays: Vec<Overlay>,
    /// The terminal's size in columns and rows.
    pub size: (u16, u16),
    pub status: Option<Status>,
    /// What kept corpus files out of the reader, as `check` says it.
    pub load_problems: Vec<Problem>,
    /// Whether the status bar has stopped naming those files: their list
    /// was opened and closed.
    pub load_problems_seen: bool,
    /// Every bookmark, as last read or saved; set with `set_bookmarks`.
    pub bookmarks: Vec<Bookmark>,
    /// While there are none: where bookmarks still read, set aside.
    pub held_aside: Option<String>,
    /// Where each of `bookmarks` is in the corpus: found again when they
    /// change, not on every frame.
    pub places: Vec<Place>,
    /// How many bookmarks each document holds, by document index.
    pub bookmarked: Vec<usize>,
    /// How many queries have been asked, for ids that tell an answer to
    /// the latest from one to an earlier query.
    pub asked: u64,
    /// How many paragraphs the search index has read, while it is built,
    /// of `paragraphs` in all.
    pub indexed: usize,
    pub paragraphs: usize,
    /// Bookmarks deleted here, the last one first to come back.
    pub deleted: Vec<Bookmark>,
    /// The time, set by the loop before each action, for new bookmarks.
    pub now: SystemTime,
    /// Tells apart bookmarks two processes make at the same moment.
    pub salt: u64,
    pub quit: bool,
    pub keymap: KeyMap,
    pub theme: Theme,
    pub options: ViewOptions,
    /// The open document as last laid out; see `ReaderCache`.
    pub wrapped: ReaderCache,
}

/// What the configuration decides about the reader, as plain data.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub keymap: KeyMap,
    pub theme: Theme,
    pub options: ViewOptions,
    pub sort: ListOrder,
    pub sidebar_visible: bool,
    /// Whether the reader takes the mouse (wheel and clicks).
    pub mouse: bool,
    /// The user's corpus directories and files, where a document's raw
    /// capture is looked for.
    pub corpus: Vec<std::path::PathBuf>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            keymap: KeyMap::default(),
            theme: Theme::mono(),
            options: ViewOptions::default(),
            sort: ListOrder::default(),
            sidebar_visible: true,
            mouse: true,
            corpus: Vec::new(),
        }
    }
}

impl AppState {
    pub fn new(corpus: &Corpus, settings: &Settings) -> AppState {
        AppState {
            order: settings.sort.order(corpus),
            selected: 0,
            list_scroll: 0,
            readers: vec![ReaderState::default(); corpus.documents.len()],
            sidebar: SidebarState::default(),
            sidebar_visible: settings.sidebar_visible,
            fold_signatures: false,
            last_query: None,
            marked: Vec::new(),
            left_grid: None,
            focus: Pane::List,
            overlays: Vec::new(),
            size: (0, 0),
            status: None,
            load_problems: Vec::new(),
            load_problems_seen: false,
            bookmarks: Vec::new(),
            held_aside: None,
            places: Vec::new(),
            bookmarked: vec![0; corpus.documents.len()],
            asked: 0,
            indexed: 0,
            paragraphs: corpus.documents.iter().map(|d| d.paragraphs.len()).sum(),
            deleted: Vec::new(),
            now: SystemTime::UNIX_EPOCH,
            salt: 0,
            quit: false,
            keymap: settings.keymap.clone(),
            theme: settings.theme,
            options: settings.options,
            wrapped: ReaderCache::default(),
        }
    }

    /// Takes the bookmarks as they are now, and finds where each is.
    pub fn set_bookmarks(&mut self, corpus: &Corpus, bookmarks: Vec<Bookmark>) {
        // A save's answer is most often the list already placed.
        if bookmarks != self.bookmarks {
            self.bookmarks = bookmarks;
            self.place_bookmarks(corpus);
        }
    }

    /// Finds where each bookmark is, after `bookmarks` changed: only the
    /// documents they are in are read.
    pub fn place_bookmarks(&mut self, corpus: &Corpus) {
        let locator = Locator::for_bookmarks(corpus, &self.bookmarks);
        self.places = self.bookmarks.iter().map(|b| locator.place(b)).collect();
        self.bookmarked = vec![0; corpus.documents.len()];
        for d in self.places.iter().filter_map(|p| p.doc()) {
            self.bookmarked[d] += 1;
        }
    }

    /// Whether a query is out, its answer not yet here.
    pub fn searching(&self) -> bool {
        self.overlays
            .iter()
            .any(|o| matches!(o, Overlay::Search(s) if s.asking.is_some()))
    }

    /// Whether an answered query's count is still coming.
    pub fn counting(&self) -> bool {
        self.overlays
            .iter()
            .any(|o| matches!(o, Overlay::Search(s) if s.counting.is_some()))
    }

    /// The index of the document the reader shows, if the corpus has any.
    pub fn open(&self) -> Option<usize> {
        self.order.get(self.selected).copied()
    }

    /// Document `d` (`doc`) laid out for a reader `width` columns wide.
    pub fn reader_text(&self, d: usize, doc: &Document, width: u16) -> Rc<ReaderText> {
        self.wrapped.get(
            d,
            doc,
            usize::from(width),
            self.options,
            self.fold_signatures,
        )
    }

    pub fn reader(&self) -> ReaderState {
        self.open()
            .and_then(|d| self.readers.get(d).copied())
            .unwrap_or_default()
    }

    /// Where the panes are on screen now.
    pub fn panes(&self) -> Panes {
        layout::panes(
            self.size.0,
            self.size.1,
            self.focus,
            self.sidebar_visible,
            self.options,
        )
    }

    /// The key layers that are active, topmost first.
    pub fn layers(&self) -> Vec<Layer> {
        // Too small to draw anything, an overlay must not take keys unseen:
        // q and Ctrl-C quit.
        if self.panes().status.is_none() {
            return vec![Layer::Global];
        }
        match self.overlays.last() {
            Some(Overlay::Help { .. } | Overlay::Problems { .. } | Overlay::Source(_)) => {
                vec![Layer::Pager]
            }
            Some(Overlay::Grid(grid)) if grid.editing => vec![Layer::Input],
            Some(Overlay::Grid(_)) => vec![Layer::Grid],
            Some(Overlay::People(people)) if people.editing => vec![Layer::Input],
            Some(Overlay::People(_)) => vec![Layer::People],
            Some(Overlay::Bookmarks(b)) if b.editing.is_some() => vec![Layer::Input],
            Some(Overlay::Bookmarks(_)) => vec![Layer::Bookmarks],
            Some(Overlay::Search(_)) => vec![Layer::Search],
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

    /// What a key press means now: its binding in the active layers, or,
    /// in an input line, the character it types.
    pub fn msg_for(&self, key: Key) -> Option<Msg> {
        let layers = self.layers();
        match self.keymap.action(key, &layers) {
            Some(action) => Some(Msg::Do(action)),
            None => layers
                .first()
                .is_some_and(|l| l.types())
                .then(|| key.typed())
                .flatten()
                .map(Msg::Typed),
        }
    }

    /// Opens the last document read at its paragraph, and puts each
    /// document's reading cursor where it was.
    pub fn restore(&mut self, corpus: &Corpus, positions: &Positions) {
        for (d, doc) in corpus.documents.iter().enumerate() {
            if let Some(&n) = positions.paragraphs.get(&doc.id) {
                let last = doc.paragraphs.len().saturating_sub(1);
                self.readers[d].cursor = n.saturating_sub(1).min(last);
            }
        }
        let last = positions.last.as_deref().and_then(|id| {
            self.order
                .iter()
                .position(|&d| corpus.documents[d].id == id)
        });
        if let Some(at) = last {
            self.selected = at;
            self.focus = Pane::Reader;
        }
    }

    /// The reading positions to keep: each document's cursor that moved
    /// here or came from `base`, and the open document.
    pub fn positions(&self, corpus: &Corpus, base: &Positions) -> Positions {
        let mut positions = Positions {
            version: 1,
            last: self.open().map(|d| corpus.documents[d].id.clone()),
            ..Positions::default()
        };
        for (doc, reader) in corpus.documents.iter().zip(&self.readers) {
            if reader.cursor > 0 || base.paragraphs.contains_key(&doc.id) {
                positions
                    .paragraphs
                    .insert(doc.id.clone(), reader.cursor + 1);
            }
        }
        positions
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
