//! The layers of bindings: one per pane and overlay, each a `[keys.*]` table.

/// A set of bindings that is active in one place. Overlays come first, then
/// the focused pane, then the global layer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    Global,
    List,
    Reader,
    Sidebar,
    People,
    Bookmarks,
    /// An input line being typed into; unbound characters are typed.
    Input,
    /// The search overlay: always typing, with keys to pick a result.
    Search,
    /// The help: text that scrolls.
    Pager,
    /// The coalition grid: rows, columns and cells.
    Grid,
}

impl Layer {
    pub const ALL: [Layer; 10] = [
        Layer::Global,
        Layer::List,
        Layer::Reader,
        Layer::Sidebar,
        Layer::Search,
        Layer::People,
        Layer::Bookmarks,
        Layer::Input,
        Layer::Pager,
        Layer::Grid,
    ];

    /// The layer's table under `[keys]` in the config file.
    pub fn name(self) -> &'static str {
        match self {
            Layer::Global => "global",
            Layer::List => "list",
            Layer::Reader => "reader",
            Layer::Sidebar => "sidebar",
            Layer::People => "people",
            Layer::Bookmarks => "bookmarks",
            Layer::Input => "input",
            Layer::Search => "search",
            Layer::Pager => "pager",
            Layer::Grid => "grid",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Layer::Global => "Everywhere",
            Layer::List => "Document list",
            Layer::Reader => "Reader",
            Layer::Sidebar => "People sidebar",
            Layer::People => "People pane",
            Layer::Bookmarks => "Bookmarks pane",
            Layer::Input => "Typing a filter or a note",
            Layer::Search => "Search",
            Layer::Pager => "Help",
            Layer::Grid => "Coalition grid",
        }
    }

    /// Overlays take every key they do not bind, except those that pass
    /// through them (Ctrl-C).
    pub fn is_overlay(self) -> bool {
        matches!(
            self,
            Layer::People
                | Layer::Bookmarks
                | Layer::Input
                | Layer::Pager
                | Layer::Search
                | Layer::Grid
        )
    }

    /// Layers where a character no key binds is typed.
    pub fn types(self) -> bool {
        matches!(self, Layer::Input | Layer::Search)
    }
}
