//! The keys typed while the first frame shows a glimpse of the corpus:
//! held until the whole corpus is read, then acted on in order, as if
//! typed after it (a frame drawn after a key could show a document that is
//! not yet read). A quit acts at once, and a resize redraws the glimpse.

use super::event::to_msg;
use crate::tui::keymap::Key;
use crate::tui::msg::{Action, Ask, Found, Msg};
use crate::tui::state::AppState;
use crate::tui::update::awaited;
use crossterm::event::{Event, KeyEventKind};

/// The events held, in the order they came. Resizes are not among them:
/// the whole corpus's state takes its size from the terminal.
#[derive(Debug, Default)]
pub(super) struct Held(Vec<Event>);

/// What an event typed over a glimpse does.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Holding {
    /// Ends the reader at once.
    Quit,
    /// Redraws the glimpse at this size.
    Resize(u16, u16),
    /// Waits for the whole corpus.
    Held,
}

impl Held {
    /// What `event` does, typed after the events held: `state`, the
    /// glimpse's as drawn, reads keys as the reader would. A quit from
    /// anywhere acts at once, and so does a quit as the first key; a quit
    /// after other keys waits with them: those keys could have opened an
    /// overlay that types it.
    pub(super) fn hold(&mut self, state: &AppState, event: Event) -> Holding {
        if let Event::Resize(columns, rows) = event {
            return Holding::Resize(columns, rows);
        }
        if self.quits(state, &event) {
            return Holding::Quit;
        }
        self.0.push(event);
        Holding::Held
    }

    fn quits(&self, state: &AppState, event: &Event) -> bool {
        let Event::Key(key) = event else {
            return false;
        };
        let Some(Msg::Do(action)) = state.msg_for(Key::from_event(*key)) else {
            return false;
        };
        let first = !self.0.iter().any(|e| matches!(e, Event::Key(_)));
        key.kind != KeyEventKind::Release
            && (action == Action::ForceQuit || (first && action.is_quit()))
    }

    /// Acts on the events held, in order, each read in the state the ones
    /// before it left, none after a quit: `act` runs `update` on a message
    /// and carries out what it asks. The glimpse's last answer, `answered`,
    /// is acted on as the answer to its query as soon as that query is
    /// asked again (its number aside): the keys typed after it over the
    /// glimpse (Down, Enter) then act on the hits they acted on there, not
    /// on none while the whole corpus's search runs.
    pub(super) fn replay<E>(
        self,
        state: &mut AppState,
        mut answered: Option<(Ask, Found)>,
        mut act: impl FnMut(&mut AppState, Msg) -> Result<(), E>,
    ) -> Result<(), E> {
        for event in self.0 {
            if state.quit {
                break;
            }
            if let Some(msg) = to_msg(state, event) {
                act(state, msg)?;
            }
            if let Some(found) = answered.as_ref().and_then(|a| answers(a, state)) {
                answered = None;
                act(state, Msg::Searched(found))?;
            }
        }
        Ok(())
    }
}

/// `answered`'s answer as the answer `state` awaits, where it asks the same
/// query (its number aside).
fn answers((ask, found): &(Ask, Found), state: &AppState) -> Option<Found> {
    let awaited = awaited(state)?;
    let same = Ask {
        id: awaited.id,
        ..ask.clone()
    } == awaited;
    same.then(|| Found {
        id: awaited.id,
        ..found.clone()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Corpus;
    use crate::library::Library;
    use crate::tui::state::Settings;
    use crate::tui::update::{Effect, update};
    use crate::tui::view;
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use std::convert::Infallible;

    fn key(code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }

    fn typed(text: &str) -> Vec<Event> {
        text.chars().map(|c| key(KeyCode::Char(c))).collect()
    }

    fn ctrl_c() -> Event {
        Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL))
    }

    /// The bundled corpus's reader at 120×40, as it starts.
    fn started(library: &Library) -> AppState {
        let mut state = AppState::new(&library.corpus, &Settings::default());
        update(&mut state, library, Msg::Resize(120, 40));
        state
    }

    /// Keys held over a glimpse and replayed once the corpus is whole
    /// reach the screen the same keys reach typed after it: in order, each
    /// read in the state the keys before it left (the q after / is typed
    /// into the search, not a quit), a resize among them not replayed
    /// over the size the state has, and nothing after a quit acts.
    #[test]
    fn held_keys_replayed_reach_the_state_typed_after_would() {
        let library = Library::shared(std::sync::Arc::new(Corpus::load(&[]).expect("loads")));
        let glimpse = started(&library);
        let mut events = typed("jj");
        events.push(key(KeyCode::Enter));
        events.extend(typed("]]/q"));
        events.push(Event::Resize(80, 24));
        events.extend(typed("uota"));
        events.push(key(KeyCode::Backspace));
        events.push(key(KeyCode::Esc));
        events.extend(typed("bq"));
        // After the quit, a bookmark's toggle that must not act.
        events.extend(typed("b"));
        let mut held = Held::default();
        for event in events.clone() {
            let holding = held.hold(&glimpse, event.clone());
            let expected = match event {
                Event::Resize(columns, rows) => Holding::Resize(columns, rows),
                _ => Holding::Held,
            };
            assert_eq!(holding, expected, "{event:?}");
        }
        let mut replayed = started(&library);
        let mut effects = Vec::new();
        held.replay(&mut replayed, None, |state, msg| {
            effects.extend(update(state, &library, msg));
            Ok::<(), Infallible>(())
        })
        .expect("no error");
        let mut after = started(&library);
        let mut effects_after = Vec::new();
        for event in events
            .into_iter()
            .filter(|e| !matches!(e, Event::Resize(..)))
        {
            if after.quit {
                break;
            }
            if let Some(msg) = to_msg(&after, event) {
                effects_after.extend(update(&mut after, &library, msg));
            }
        }
        assert!(replayed.quit && after.quit);
        assert!(replayed.open().is_some());
        let saves = effects.iter().filter(|e| matches!(e, Effect::Save(_)));
        assert_eq!(saves.count(), 1, "the b before the quit only");
        assert_eq!(effects, effects_after);
        assert_eq!(
            view::drawn(&replayed, &library),
            view::drawn(&after, &library)
        );
        assert_eq!(replayed.size, (120, 40));
    }

    /// Down and Enter typed over the glimpse after a query's hits act on
    /// those hits when replayed, before the whole corpus's own search has
    /// answered: the glimpse's answer is its first.
    #[test]
    fn keys_after_a_query_act_on_the_glimpses_answer_when_replayed() {
        use crate::library::Built;
        use crate::search::SearchIndex;
        use crate::tui::layout::search::answer;
        let library = Library::shared(std::sync::Arc::new(Corpus::load(&[]).expect("loads")));
        let index = SearchIndex::build(&library.corpus);
        library.keep(Built::Search(std::sync::Arc::new(index)));
        let mut events = typed("/security council");
        events.extend([key(KeyCode::Down), key(KeyCode::Enter)]);
        // Typed after the corpus, each query answered as it is asked.
        let mut after = started(&library);
        let mut last = None;
        for event in &events {
            let Some(msg) = to_msg(&after, event.clone()) else {
                continue;
            };
            for effect in update(&mut after, &library, msg) {
                if let Effect::Search(ask) = effect {
                    let found = answer(&library, &ask);
                    last = Some((ask, found.clone()));
                    update(&mut after, &library, Msg::Searched(found));
                }
            }
        }
        assert!(after.open().is_some(), "Enter opened the second hit");
        // Replayed, the whole corpus's search answering nothing yet.
        let replay = |answered| {
            let mut held = Held::default();
            for event in &events {
                held.hold(&started(&library), event.clone());
            }
            let mut replayed = started(&library);
            held.replay(&mut replayed, answered, |state, msg| {
                update(state, &library, msg);
                Ok::<(), Infallible>(())
            })
            .expect("no error");
            view::drawn(&replayed, &library)
        };
        assert_eq!(replay(last), view::drawn(&after, &library));
        assert_ne!(replay(None), view::drawn(&after, &library));
    }

    /// Ctrl-C quits at once whatever was typed before it, and q does as
    /// the first key (a resize or pointer motion is no key); q after a key
    /// that may have opened an overlay waits with it, and so does anything
    /// else.
    #[test]
    fn a_quit_acts_at_once_and_other_keys_wait() {
        use crossterm::event::{MouseEvent, MouseEventKind};
        let library = Library::shared(std::sync::Arc::new(Corpus::load(&[]).expect("loads")));
        let state = started(&library);
        let q = || typed("q").remove(0);
        let hold = |before: &[Event], event: Event| {
            let mut held = Held::default();
            for e in before {
                held.hold(&state, e.clone());
            }
            held.hold(&state, event)
        };
        let motion = Event::Mouse(MouseEvent {
            kind: MouseEventKind::Moved,
            column: 1,
            row: 1,
            modifiers: KeyModifiers::NONE,
        });
        assert_eq!(hold(&[], q()), Holding::Quit);
        assert_eq!(hold(&[Event::Resize(80, 24)], q()), Holding::Quit);
        assert_eq!(hold(&[motion], q()), Holding::Quit);
        assert_eq!(hold(&typed("/j"), ctrl_c()), Holding::Quit);
        assert_eq!(
            hold(&typed("/"), q()),
            Holding::Held,
            "typed into the search"
        );
        assert_eq!(hold(&typed("j"), q()), Holding::Held);
        assert_eq!(hold(&[], typed("j").remove(0)), Holding::Held);
        assert_eq!(hold(&[], Event::Resize(80, 24)), Holding::Resize(80, 24));
    }
}
