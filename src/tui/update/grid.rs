//! The coalition grid's keys: rows and columns, the filter, the order and
//! the quick filters, and Enter on a cell (the document, where it proves
//! the role) or on a name (the People pane).

use super::Outcome;
use super::edit::{Edited, edit};
use super::navigate::{bound, inner_of, open_at, step};
use super::people::people_on;
use crate::corpus::{EntityId, Role};
use crate::library::Library;
use crate::people::coalition::Coalition;
use crate::tui::layout::Pane;
use crate::tui::layout::grid::{GridFilter, geometry};
use crate::tui::layout::reader::LineKind;
use crate::tui::layout::sidebar::SidebarText;
use crate::tui::layout::text::{max_scroll, reveal};
use crate::tui::msg::{Action, Msg};
use crate::tui::state::{AppState, GridState, Overlay};
use ratatui::layout::Rect;
use std::rc::Rc;

/// The grid over `base` (document indices), unfiltered, by count.
pub(super) fn opened(library: &Library, base: Vec<usize>) -> GridState {
    let grid = Coalition::new(&library.corpus, &base);
    let mut state = GridState {
        base,
        grid: Rc::new(grid),
        filter: Default::default(),
        editing: false,
        roles: Default::default(),
        problem: None,
        only: Default::default(),
        order: Default::default(),
        listed: Vec::new(),
        selected: 0,
        column: 0,
    };
    refilter(&mut state, library);
    state
}

/// Reads the filter again: the columns it keeps (the grid built anew only
/// if they changed), then the rows.
fn refilter(state: &mut GridState, library: &Library) {
    let corpus = &library.corpus;
    let filter = GridFilter::parse(state.filter.text(), corpus);
    let mut columns = filter.columns(&state.base);
    columns.sort_unstable();
    let mut now = state.grid.docs().to_vec();
    now.sort_unstable();
    if columns != now {
        state.grid = Rc::new(Coalition::new(corpus, &columns));
    }
    state.roles = filter.roles;
    state.problem = filter.problem.clone();
    state.listed = state
        .grid
        .rows(corpus, &filter.rows(state.only, state.order));
    state.column = state.column.min(state.grid.docs().len());
}

/// Lists the rows again, keeping the selected entity where it is listed.
fn relist_keeping(state: &mut GridState, library: &Library) {
    let entity = selected_entity(state);
    refilter(state, library);
    state.selected = entity
        .and_then(|e| state.grid.row_of(e))
        .and_then(|row| state.listed.iter().position(|&r| r == row))
        .unwrap_or(0);
}

fn selected_entity(state: &GridState) -> Option<EntityId> {
    let row = *state.listed.get(state.selected)?;
    Some(state.grid.entity(row))
}

/// The grid's own keys; `size` is the screen's, for a page of rows.
pub(super) fn update(
    state: &mut GridState,
    library: &Library,
    msg: &Msg,
    size: (u16, u16),
) -> Outcome {
    let geometry = geometry(Rect::new(0, 0, size.0, size.1), state.grid.docs().len());
    match bound(msg) {
        Some(
            action @ (Action::MoveUp
            | Action::MoveDown
            | Action::PageUp
            | Action::PageDown
            | Action::GoTop
            | Action::GoBottom),
        ) => {
            let last = state.listed.len().saturating_sub(1);
            state.selected = step(state.selected, &action, geometry.rows(), last);
        }
        Some(Action::MoveLeft) => state.column = state.column.saturating_sub(1),
        Some(Action::MoveRight) => {
            state.column = (state.column + 1).min(state.grid.docs().len());
        }
        // Tab leaves a filter being typed, as it leaves any pane.
        Some(Action::FocusNext | Action::FocusPrev) => state.editing = false,
        Some(Action::OpenSelection) => return Outcome::Open,
        Some(Action::ToggleSort) => {
            state.order = state.order.next();
            relist_keeping(state, library);
        }
        Some(Action::CycleQuickFilter) => {
            state.only = state.only.next();
            relist_keeping(state, library);
        }
        Some(Action::EditFilter) => state.editing = true,
        Some(Action::Back | Action::Confirm) if state.editing => state.editing = false,
        _ => match edit(&mut state.filter, msg) {
            Some(Edited::Changed { .. }) => {
                refilter(state, library);
                state.selected = 0;
            }
            Some(Edited::Moved) => {}
            None => return Outcome::NotMine,
        },
    }
    Outcome::Done
}

/// Enter: on a name, the People pane on that entity; on a cell, its
/// document where it proves the role: a passage naming a quoted or
/// mentioned entity, or else its people entry, selected in the sidebar
/// and, for a signatory or member, shown in the signatures.
pub(super) fn open_selection(state: &mut AppState, library: &Library) {
    let Some(Overlay::Grid(grid)) = state.overlays.last() else {
        return;
    };
    let Some(&row) = grid.listed.get(grid.selected) else {
        return;
    };
    let entity = grid.grid.entity(row);
    let corpus = &library.corpus;
    let name = corpus.entities.get(entity).name.clone();
    let Some(column) = grid.column.checked_sub(1) else {
        if library.people().is_none() {
            state.complain("indexing… the People pane opens once the People index is built");
        } else {
            let people = people_on(library, entity);
            state.overlays.push(Overlay::People(people));
        }
        return;
    };
    let (Some(&d), Some(&roles)) = (
        grid.grid.docs().get(column),
        grid.grid.cells(row).get(column),
    ) else {
        return;
    };
    let Some(doc) = corpus.documents.get(d) else {
        return;
    };
    let Some(role) = roles.first() else {
        state.say(format!("{name} is not in “{}”", doc.shown_title()));
        return;
    };
    state.left_grid = Some(grid.clone());
    let passage = match role {
        Role::Quoted | Role::Mentioned => library.people().and_then(|people| {
            let found = people.passages(entity).iter().find(|p| p.doc() == d);
            found.map(|p| p.paragraph())
        }),
        _ => None,
    };
    let entry = doc
        .people
        .iter()
        .position(|p| p.entity == entity && p.role == role);
    open_at(state, library, d, passage);
    if let Some(person) = entry {
        let sidebar = SidebarText::lay_out(library, d, 1);
        if let Some(k) = sidebar.entries.iter().position(|&(p, _)| p == person) {
            state.sidebar.selected = k;
        }
        if passage.is_none() && matches!(role, Role::Signatory | Role::Member) {
            show_signature(state, library, d, person);
        }
    }
    let shown = match passage {
        Some(p) => format!("¶{} names it", p + 1),
        None => "its entry is selected in the people sidebar".to_string(),
    };
    state.say(format!("{name}: {roles} here; {shown}"));
}

/// Scrolls the reader to a signatory's line after the last paragraph, with
/// the reading cursor on that paragraph.
fn show_signature(state: &mut AppState, library: &Library, d: usize, person: usize) {
    let (Some(area), Some(doc)) = (
        inner_of(state, Pane::Reader),
        library.corpus.documents.get(d),
    ) else {
        return;
    };
    let text = state.reader_text(d, doc, area.width);
    let Some(at) = text
        .lines
        .iter()
        .position(|l| l.kind == LineKind::Signature { person })
    else {
        return;
    };
    let Some(position) = state.readers.get_mut(d) else {
        return;
    };
    let rows = usize::from(area.height);
    position.cursor = doc.paragraphs.len().saturating_sub(1);
    position.scroll =
        reveal(position.scroll, rows, at..at + 1).min(max_scroll(text.lines.len(), rows));
}
