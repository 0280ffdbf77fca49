//! The People pane: moving through entities and their documents, sorting,
//! filtering, opening a passage, and opening an entity from the sidebar or
//! the coalition grid.

use super::Outcome;
use super::edit::{Edited, edit};
use super::navigate::{bound, inner_of, open_at, step};
use crate::corpus::EntityId;
use crate::library::Library;
use crate::people::SortBy;
use crate::tui::layout::people::Detail;
use crate::tui::layout::sidebar::SidebarText;
use crate::tui::layout::{self, Pane};
use crate::tui::msg::{Action, Msg};
use crate::tui::state::{AppState, Overlay, PeopleState};

/// The People pane as it opens, listing every entity.
pub(super) fn opened(library: &Library) -> PeopleState {
    let mut people = PeopleState::default();
    relist(&mut people, library, false);
    people
}

/// Lists the entities again for the pane's filter and sort; `narrowed`
/// when the entities listed now hold every one the new list can (the
/// filter only added to, or the order changed).
fn relist(people: &mut PeopleState, library: &Library, narrowed: bool) {
    let within = narrowed.then_some(people.listed.as_slice());
    people.listed = layout::people::listed(library, people.filter.text(), people.sort, within);
}

/// The People index has arrived: the panes open list its entities.
pub(super) fn indexed(state: &mut AppState, library: &Library) {
    for overlay in &mut state.overlays {
        if let Overlay::People(people) = overlay {
            relist(people, library, false);
        }
    }
}

/// The People pane's own keys.
pub(super) fn update(people: &mut PeopleState, library: &Library, msg: &Msg) -> Outcome {
    let entity = people.listed.get(people.selected).copied();
    let rows = entity
        .and_then(|e| Detail::of(library, e))
        .map_or(0, |detail| detail.openable());
    match bound(msg) {
        Some(
            action @ (Action::MoveUp
            | Action::MoveDown
            | Action::PageUp
            | Action::PageDown
            | Action::GoTop
            | Action::GoBottom),
        ) => {
            // A page of entities; the pane is most of the screen.
            let page = 10;
            if people.in_detail {
                people.detail_selected = step(
                    people.detail_selected,
                    &action,
                    page,
                    rows.saturating_sub(1),
                );
            } else {
                people.selected = step(
                    people.selected,
                    &action,
                    page,
                    people.listed.len().saturating_sub(1),
                );
                people.detail_selected = 0;
            }
        }
        // Tab leaves a filter being typed, as it leaves any pane.
        Some(Action::FocusNext | Action::FocusPrev) => {
            people.editing = false;
            people.in_detail = !people.in_detail && rows > 0;
        }
        // Enter on an entity goes to its documents; Enter there opens one.
        Some(Action::OpenSelection) if people.in_detail => return Outcome::Open,
        Some(Action::OpenSelection) => {
            people.in_detail = rows > 0;
            people.detail_selected = 0;
        }
        Some(Action::ToggleSort) => {
            people.sort = match people.sort {
                SortBy::Name => SortBy::Documents,
                SortBy::Documents => SortBy::Name,
            };
            // The same entities in another order; the same one stays
            // selected.
            relist(people, library, true);
            people.selected = entity
                .and_then(|e| people.listed.iter().position(|&x| x == e))
                .unwrap_or(0);
        }
        Some(Action::EditFilter) => people.editing = true,
        Some(Action::Back | Action::Confirm) if people.editing => people.editing = false,
        _ => match edit_filter(people, msg) {
            // A new filter, a new list: back to its top.
            Some((Edited::Changed { .. }, added_to)) => {
                relist(people, library, added_to);
                people.selected = 0;
                people.detail_selected = 0;
                people.in_detail = false;
            }
            Some((Edited::Moved, _)) => {}
            None => return Outcome::NotMine,
        },
    }
    Outcome::Done
}

/// Edits the filter; with the edit, whether the new filter only adds to
/// the one before (its start, spaces around set aside).
fn edit_filter(people: &mut PeopleState, msg: &Msg) -> Option<(Edited, bool)> {
    let before = people.filter.text().trim().to_string();
    let edited = edit(&mut people.filter, msg)?;
    let added_to = !before.is_empty() && people.filter.text().trim().starts_with(&before);
    Some((edited, added_to))
}

/// Enter in the People pane's right column: the document, at the passage.
pub(super) fn open_selection(state: &mut AppState, library: &Library) {
    let Some(Overlay::People(people)) = state.overlays.last() else {
        return;
    };
    if !people.in_detail {
        return;
    }
    let Some(&entity) = people.listed.get(people.selected) else {
        return;
    };
    let Some(detail) = Detail::of(library, entity) else {
        return;
    };
    if let Some((doc, paragraph)) = detail.target(people.detail_selected) {
        open_at(state, library, doc, paragraph);
    }
}

/// Enter on a sidebar entry: the People pane, on that entity.
pub(super) fn open_entity(state: &mut AppState, library: &Library) {
    let (Some(d), Some(area)) = (state.open(), inner_of(state, Pane::Sidebar)) else {
        return;
    };
    let text = SidebarText::lay_out(library, d, usize::from(area.width));
    let person = text.entries.get(state.sidebar.selected).map(|&(p, _)| p);
    let entity = person.and_then(|p| {
        library
            .corpus
            .documents
            .get(d)?
            .people
            .get(p)
            .map(|p| p.entity)
    });
    if entity.is_some() && library.people().is_none() {
        // Opened now, the pane would select another entity once it arrives.
        state.complain("indexing… the People pane opens once the People index is built");
        return;
    }
    let people = match entity {
        Some(e) => people_on(library, e),
        None => opened(library),
    };
    state.overlays.push(Overlay::People(people));
}

/// The People pane with `entity` selected and its documents focused.
pub(super) fn people_on(library: &Library, entity: EntityId) -> PeopleState {
    let mut people = opened(library);
    people.selected = people.listed.iter().position(|&x| x == entity).unwrap_or(0);
    people.in_detail = true;
    people
}
