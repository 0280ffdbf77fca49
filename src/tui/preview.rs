//! Search over the first frame. While the whole corpus is read, the keys
//! held for it are also acted on in the glimpse's state, and once the
//! search index's copy is read (at a million paragraphs, in about a
//! third of the time the corpus's chunks take), a query is answered there.
//! The summaries and the index are all a search needs; the documents its
//! hits show, and any a key opens, are read whole from their chunks first,
//! so nothing drawn is a summary's blank. The keys are still replayed
//! over the whole corpus once it is read (see [`Held`](super::held)); the
//! last answer here, where it answers the same query, is its first.

use super::event::to_msg;
use crate::corpus::cache::Filler;
use crate::library::{Built, Index, Library, caught, in_pool};
use crate::search::SearchIndex;
use crate::tui::layout::search::answer;
use crate::tui::msg::{Ask, Found, Msg};
use crate::tui::state::AppState;
use crate::tui::update::{Effect, update};
use crossterm::event::Event;
use std::collections::HashSet;
use std::sync::Arc;

pub(super) struct Preview {
    filler: Filler,
    /// The documents of the glimpse's corpus read whole here.
    whole: HashSet<usize>,
    /// False once a key did more than move or search (a bookmark, a copy,
    /// a quit), or a document could not be read whole: the state then
    /// stays as it was drawn, and the keys wait for the whole corpus.
    live: bool,
    /// The latest query asked, not yet answered.
    asked: Option<Ask>,
    /// The latest answer, with the query it answers.
    answered: Option<(Ask, Found)>,
    /// Where a query is ranked and documents are read whole (see
    /// [`Preview::first`]): the global pool is reading the corpus's chunks.
    pool: Option<rayon::ThreadPool>,
}

impl Preview {
    pub(super) fn new(filler: Filler) -> Preview {
        Preview {
            filler,
            whole: HashSet::new(),
            live: true,
            asked: None,
            answered: None,
            pool: None,
        }
    }

    /// Acts on `event`, typed over the glimpse, in its `state`.
    pub(super) fn key(&mut self, state: &mut AppState, library: &mut Library, event: Event) {
        if !self.live {
            return;
        }
        let before = state.clone();
        let Some(msg) = to_msg(state, event) else {
            return;
        };
        let mut effects = update(state, library, msg.clone());
        if let Some(open) = state.open().filter(|d| !self.whole.contains(d)) {
            // Laid out as a summary: read whole, then the key again.
            *state = before.clone();
            if !self.first(|this| this.fill(library, &[open])) {
                self.live = false;
                return;
            }
            effects = update(state, library, msg);
        }
        self.carry_out(state, before, effects);
    }

    /// The search index, read from its copy, where it fits the summaries:
    /// the queries typed so far are asked of it.
    pub(super) fn indexed(
        &mut self,
        state: &mut AppState,
        library: &mut Library,
        index: Arc<SearchIndex>,
    ) {
        if !self.live || !index.fits_summaries(&library.corpus) {
            return;
        }
        library.keep(Built::Search(index));
        let before = state.clone();
        let effects = update(state, library, Msg::Indexed(Index::Search));
        self.carry_out(state, before, effects);
    }

    /// Answers the latest query asked, its hits' documents read whole
    /// first; whether there was one to answer.
    pub(super) fn answer(&mut self, state: &mut AppState, library: &mut Library) -> bool {
        let Some(ask) = self.asked.take().filter(|_| self.live) else {
            return false;
        };
        let found = self.first(|this| {
            // A query that fails here (a bug) is left to the whole
            // corpus's search, which says so.
            let found = caught(|| answer(library, &ask)).ok()?;
            let hits: Vec<usize> = found.hits.iter().map(|h| h.doc).collect();
            this.fill(library, &hits).then_some(found)
        });
        let Some(found) = found else {
            self.live = false;
            return false;
        };
        update(state, library, Msg::Searched(found.clone()));
        self.answered = Some((ask, found));
        true
    }

    /// The latest answer, for the whole corpus's state.
    pub(super) fn answered(&mut self) -> Option<(Ask, Found)> {
        self.answered.take()
    }

    /// Keeps the state a message left where it asked for nothing but a
    /// search; otherwise puts back the state `before` it, and stops.
    fn carry_out(&mut self, state: &mut AppState, before: AppState, effects: Vec<Effect>) {
        let mut asked = None;
        for effect in effects {
            match effect {
                Effect::Search(ask) => asked = Some(ask),
                _ => self.live = false,
            }
        }
        if state.quit || !self.live {
            *state = before;
            self.live = false;
            return;
        }
        self.asked = asked.or(self.asked.take());
    }

    /// Runs `work` in the preview's own pool, the whole corpus's read (in
    /// the global pool) paused meanwhile: what the person waits for has the
    /// cores, and is not queued behind the chunks. Without a pool of its
    /// own, nothing is paused: `work` must not wait for paused threads.
    fn first<T: Send>(&mut self, work: impl FnOnce(&mut Preview) -> T + Send) -> T {
        let pool = (self.pool.take()).or_else(|| rayon::ThreadPoolBuilder::new().build().ok());
        let paused = pool.as_ref().map(|_| self.filler.pause());
        let done = in_pool(&pool, || work(self));
        drop(paused);
        self.pool = pool;
        done
    }

    /// Reads documents `docs` whole into the glimpse's corpus, once each.
    fn fill(&mut self, library: &mut Library, docs: &[usize]) -> bool {
        // A document twice among them is read once (`Filler::fill`).
        let docs: Vec<usize> = docs
            .iter()
            .copied()
            .filter(|d| !self.whole.contains(d))
            .collect();
        if docs.is_empty() {
            return true;
        }
        // The glimpse's corpus is this loop's alone: no thread shares it.
        let Some(corpus) = Arc::get_mut(&mut library.corpus) else {
            return false;
        };
        let filled = self.filler.fill(corpus, &docs);
        if filled {
            self.whole.extend(docs);
        }
        filled
    }
}
