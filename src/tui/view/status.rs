//! The status bar: the focused pane, what is still being indexed, then a
//! message or the pane's key hints as the live key map binds them.

use crate::library::{Index, Library};
use crate::tui::keymap::Layer;
use crate::tui::layout::Pane;
use crate::tui::layout::pager::{count, unloaded_files};
use crate::tui::layout::text::truncate;
use crate::tui::msg::Action;
use crate::tui::state::{AppState, Editing, Overlay, StatusKind};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

/// The actions whose keys the status bar names for `layer`; `note` when
/// the input being typed is a bookmark's note, where tab types nothing and
/// moves nowhere.
fn hinted(layer: Layer, note: bool) -> &'static [Action] {
    match layer {
        Layer::Input if note => &[Action::Confirm, Action::Back, Action::NewLine],
        Layer::List => &[
            Action::ShowHelp,
            Action::Quit,
            Action::MoveDown,
            Action::OpenDocument,
            Action::ToggleMark,
            Action::FocusNext,
            Action::ToggleSidebar,
        ],
        Layer::Reader => &[
            Action::ShowHelp,
            Action::Quit,
            Action::NextParagraph,
            Action::PageDown,
            Action::OpenSearch,
            Action::ToggleBookmark,
            Action::CopyCitation,
            Action::NextMatch,
            Action::ToggleSidebar,
            Action::Back,
        ],
        Layer::Sidebar => &[
            Action::ShowHelp,
            Action::Quit,
            Action::MoveDown,
            Action::OpenEntity,
            Action::ToggleSidebar,
            Action::Back,
        ],
        Layer::People => &[
            Action::MoveDown,
            Action::FocusNext,
            Action::OpenSelection,
            Action::EditFilter,
            Action::ToggleSort,
            Action::Back,
        ],
        Layer::Bookmarks => &[
            Action::MoveDown,
            Action::OpenSelection,
            Action::EditNote,
            Action::DeleteBookmark,
            Action::UndoDelete,
            Action::EditFilter,
            Action::Back,
            // Last: on a narrow screen the way back is shown before it.
            Action::ExportBookmarks,
        ],
        Layer::Input => &[Action::Confirm, Action::FocusNext, Action::Back],
        Layer::Search => &[
            Action::OpenSelection,
            Action::Back,
            Action::MoveDown,
            Action::ToggleScope,
        ],
        Layer::Pager => &[Action::MoveDown, Action::PageDown, Action::Back],
        Layer::Grid => &[
            Action::MoveDown,
            Action::MoveRight,
            Action::OpenSelection,
            Action::EditFilter,
            Action::ToggleSort,
            Action::CycleQuickFilter,
            Action::Back,
        ],
        Layer::Global => &[],
    }
}

pub struct StatusView<'a> {
    pub state: &'a AppState,
    /// What is still being indexed, shown before the hints.
    pub building: Option<String>,
    /// Where the focus is in the focused pane or overlay ("¶3 of 7"), said
    /// after its name: focus told in text, not by colour alone.
    pub place: Option<String>,
}

/// Where the focus is in what has it, for the status bar: "¶3 of 7" in the
/// reader, "2 of 5" in a list; None where nothing is selected or a line is
/// being typed.
pub fn place(state: &AppState, library: &Library) -> Option<String> {
    let of = |at: usize, n: usize| (n > 0).then(|| format!("{} of {n}", at + 1));
    match state.overlays.last() {
        Some(Overlay::Help { .. } | Overlay::Problems { .. } | Overlay::Source(_)) => None,
        Some(Overlay::People(p)) if p.editing => None,
        Some(Overlay::People(p)) => of(p.selected, p.listed.len()),
        Some(Overlay::Bookmarks(b)) if b.editing.is_some() => None,
        Some(Overlay::Bookmarks(b)) => {
            let listed = crate::tui::layout::bookmarks::listed(
                library,
                &state.bookmarks,
                &state.places,
                b.filter.text(),
            );
            of(b.selected, listed.len())
        }
        Some(Overlay::Search(s)) => of(s.selected, s.hits.len()),
        Some(Overlay::Grid(g)) if g.editing => None,
        Some(Overlay::Grid(g)) => of(g.selected, g.listed.len()).map(|at| format!("row {at}")),
        None => match state.focus {
            Pane::List => of(state.selected, state.order.len()),
            Pane::Reader => {
                let doc = library.corpus.documents.get(state.open()?)?;
                of(state.reader().cursor, doc.paragraphs.len()).map(|at| format!("¶{at}"))
            }
            Pane::Sidebar => {
                let doc = library.corpus.documents.get(state.open()?)?;
                of(state.sidebar.selected, doc.people.len())
            }
        },
    }
}

impl Widget for StatusView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let state = self.state;
        let theme = &state.theme;
        let layers = state.layers();
        let top = layers.first().copied().unwrap_or(Layer::Global);
        let note = matches!(
            state.overlays.last(),
            Some(Overlay::Bookmarks(pane)) if matches!(pane.editing, Some(Editing::Note { .. }))
        );
        let name = match top {
            Layer::Pager => " View ",
            Layer::Grid => " Coalition ",
            Layer::People => " People index ",
            Layer::Bookmarks => " Bookmarks ",
            Layer::Input if note => " Note ",
            Layer::Input => " Filter ",
            Layer::Search => " Search ",
            Layer::List => " Documents ",
            Layer::Reader => " Reader ",
            Layer::Sidebar => " People ",
            Layer::Global => " nkread ",
        };
        let label = match &self.place {
            Some(place) => format!("{}, {place} ", name.trim_end()),
            None => name.to_string(),
        };
        let room = usize::from(area.width).saturating_sub(label.width() + 1);
        let mut spans = vec![Span::styled(label, theme.pane_label), Span::raw(" ")];
        // Not over the list itself, where the pager's keys are wanted.
        let listing = matches!(state.overlays.last(), Some(Overlay::Problems { .. }));
        let unloaded = (!state.load_problems.is_empty() && !state.load_problems_seen && !listing)
            .then(|| unloaded_note(state, room));
        match (&state.status, unloaded) {
            (Some(status), _) => {
                let style = match status.kind {
                    StatusKind::Info => theme.info,
                    StatusKind::Error => theme.error,
                };
                spans.push(Span::styled(truncate(&status.text, room), style));
            }
            (None, Some(note)) => spans.push(Span::styled(truncate(&note, room), theme.error)),
            (None, None) => {
                // Keys type here: say so, and which keys leave.
                let mut used = 0;
                if let Some(building) = &self.building {
                    let shown = truncate(building, room);
                    used += shown.width() + 2;
                    spans.push(Span::styled(format!("{shown}  "), theme.info));
                }
                if matches!(top, Layer::Input | Layer::Search) {
                    let typing = "typing; leave with";
                    if used + typing.len() + 2 <= room {
                        spans.push(Span::styled(format!("{typing}  "), theme.dim));
                        used += typing.len() + 2;
                    }
                }
                for action in hinted(top, note) {
                    let key = [top, Layer::Global]
                        .into_iter()
                        .flat_map(|l| state.keymap.keys(l, action))
                        .map(|k| k.to_string())
                        .next();
                    let Some(key) = key else { continue };
                    let hint = action.hint();
                    let width = key.len() + hint.len() + 3;
                    if used + width > room {
                        break;
                    }
                    used += width;
                    spans.push(Span::styled(key, theme.key));
                    spans.push(Span::raw(format!(" {hint}  ")));
                }
            }
        }
        Line::from(spans).render(area, buf);
    }
}

/// The corpus files that did not load, by name, and the key that lists
/// why, until that list has been read. The key comes before the names,
/// which a narrow screen cuts; narrower than the sentence, a short one.
fn unloaded_note(state: &AppState, room: usize) -> String {
    let files: Vec<String> = unloaded_files(&state.load_problems)
        .into_iter()
        .map(|f| {
            let name = std::path::Path::new(f).file_name();
            name.map_or(f.into(), |n| n.to_string_lossy().into_owned())
        })
        .collect();
    let key = state.keymap.keys(Layer::Global, &Action::ShowProblems);
    let key = key.first();
    let how = key.map_or(String::new(), |key| format!(" ({key} says why)"));
    let files_n = count(files.len(), "file");
    let said = format!("{files_n} did not load{how}");
    if said.width() > room {
        let key = key.map_or(String::new(), |key| format!(": {key}"));
        return format!("{files_n} unloaded{key}");
    }
    format!("{said}: {}", files.join(", "))
}

/// What is still being indexed, for the status bar: the search index's
/// progress (`read` of `paragraphs`), then the People index or its
/// passages; None once all is built.
pub(super) fn indexing(library: &Library, read: usize, paragraphs: usize) -> Option<String> {
    let failed: Vec<String> = [Index::Search, Index::People, Index::Passages]
        .into_iter()
        .filter_map(|index| {
            library
                .failure(index)
                .map(|why| format!("{index:?}: {why}"))
        })
        .collect();
    if !failed.is_empty() {
        return Some(format!(
            "could not build an index (a bug; restart nkread): {}",
            failed.join("; ")
        ));
    }
    let mut parts = Vec::new();
    if library.search().is_none() {
        // Once every paragraph is read, the index is put together, which
        // at a million paragraphs takes seconds: said, not left at 99%.
        parts.push(match (read * 100).checked_div(paragraphs) {
            Some(percent) if read < paragraphs => format!("search {}%", percent.min(99)),
            _ => "search: finishing".to_string(),
        });
    }
    match library.people() {
        None => parts.push("people".to_string()),
        Some(people) if !people.has_passages() => parts.push("passages".to_string()),
        Some(_) => {}
    }
    (!parts.is_empty()).then(|| format!("indexing… {}", parts.join(", ")))
}
