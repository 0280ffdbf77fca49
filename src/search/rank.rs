//! Running a query: the passages every term meets, ranked.
//!
//! Each term's words are looked up in the vocabulary, and their posting
//! lists are merged, cheapest term first (its postings, and the titles and
//! names that hold its letters and whose whole-field match the keys before
//! did not work out), into the passages that meet every term, with the sum
//! of the terms' tiers as an upper bound of how well each does. Passages
//! are then read (their word ids, not their text) best bound first, for
//! the terms' positions, only until the hits to show can no longer change.
//!
//! The order: the sum of the terms' tiers (exact word, start of a word,
//! close to a word, a title or name matched whole), then how near the terms
//! are to each other, then the field (title, person, paragraph), then how
//! closely the words match within their tiers, then the document's date,
//! newest first, then the order in the document.
//!
//! Over 500 lines: the bound, the merge and the read are one algorithm
//! whose invariants hold across them, and read best in one file.

use super::hit::{Field, Hit, Scope, SearchResult};
use super::index::SearchIndex;
use super::looked::{Group, Looked};
use super::matching::{self, EXACT, LOOSE, Whole};
use super::query::{MAX_TERMS, Query, Term};
use super::remembered::{self, Scores};
use super::tally::{BARRED, Scratch, Tally, smallest_gap};
use fuzzy_matcher::skim::SkimMatcherV2;
use std::cmp::Reverse;

// A term is a bit of a u16 in `Run::first`.
const _: () = assert!(MAX_TERMS <= 16);

/// Levels of nearness: 0 for terms side by side, then one per doubling of
/// the words between them, and one for terms matched in no word.
const NEARNESS_LEVELS: i64 = 9;

mod best;
mod side_by_side;
mod wholes;

use best::Best;

impl SearchIndex {
    /// The best `limit` fields for `query` in `scope`, best first.
    /// A query parsed against another corpus gives meaningless hits, but
    /// never a panic.
    pub fn search(&self, query: &Query, scope: Scope, limit: usize) -> SearchResult {
        let hits = match limit {
            0 => Vec::new(),
            _ => self
                .run(query, scope, limit, &Mode::Best)
                .map_or_else(Vec::new, |(hits, _)| hits),
        };
        SearchResult {
            hits,
            truncated: query.truncated(),
        }
    }

    /// As [`SearchIndex::search`], and how many fields match in all: every
    /// match is read, so this costs the whole ranking. `stop` is asked
    /// now and then; None once it says to stop.
    pub fn search_counted(
        &self,
        query: &Query,
        scope: Scope,
        limit: usize,
        stop: &dyn Fn() -> bool,
    ) -> Option<(SearchResult, usize)> {
        let (hits, count) = self.run(query, scope, limit, &Mode::Count(stop))?;
        let result = SearchResult {
            hits,
            truncated: query.truncated(),
        };
        Some((result, count))
    }

    /// The hits of `query` in `scope`, and how many were found (read in
    /// full only in [`Mode::Count`]).
    fn run(
        &self,
        query: &Query,
        scope: Scope,
        limit: usize,
        mode: &Mode,
    ) -> Option<(Vec<Hit>, usize)> {
        let range = match scope {
            _ if query.is_empty() => return Some((Vec::new(), 0)),
            Scope::All => 0..self.passages(),
            Scope::Doc(d) => match self.tokens.docs.get(d) {
                Some(doc) => {
                    let first = doc.first as usize;
                    first..first + 1 + (doc.people + doc.paragraphs) as usize
                }
                None => return Some((Vec::new(), 0)),
            },
        };
        Run::new(self, query, range).hits(limit, mode)
    }

    pub(super) fn field_of(&self, passage: usize) -> Option<(usize, Field)> {
        let d = *self.passage_doc.get(passage)? as usize;
        let info = self.tokens.docs.get(d)?;
        let offset = passage - info.first as usize;
        let people = info.people as usize;
        let field = match offset {
            0 => Field::Title,
            o if o <= people => Field::Person(o - 1),
            o => Field::Paragraph(o - 1 - people),
        };
        Some((d, field))
    }

    /// The id of the distinct short text of a title or person passage.
    pub(super) fn short_text(&self, passage: usize) -> Option<usize> {
        let d = *self.passage_doc.get(passage)? as usize;
        let info = self.tokens.docs.get(d)?;
        let offset = passage - info.first as usize;
        if offset > info.people as usize {
            return None;
        }
        self.short_of
            .get(info.shorts as usize + offset)
            .map(|&s| s as usize)
    }
}

struct Run<'a> {
    index: &'a SearchIndex,
    query: &'a Query,
    range: std::ops::Range<usize>,
    matcher: SkimMatcherV2,
    terms: Vec<Group<'a>>,
    excluded: Vec<Looked<'a>>,
    /// Whole-field matches of each group, by short text id, worked out
    /// once; those of earlier queries taken from the index, and given back.
    whole: Vec<Scores>,
    /// What each group's matches are kept under.
    keys: Vec<remembered::Key>,
    wholes_of: Vec<Wholes<'a>>,
    /// By form id, a bit for each group whose terms' first word it meets.
    first: Vec<u16>,
    /// Each group's number of words (the fewest, for a group of phrases).
    lens: Vec<usize>,
}

/// A group's fuzzy terms, prepared to be matched whole: whether against
/// the cased field texts or the folded ones, and the term.
type Wholes<'a> = Vec<(bool, Whole<'a>)>;

/// Ranking key: score, then the document newest first, then the order in
/// the corpus. Greater is better.
type Key = (i64, Reverse<u32>, Reverse<u32>);

/// How far a run reads.
enum Mode<'s> {
    /// Only until the best hits can no longer change.
    Best,
    /// Every match, to count them; `stop` is asked every [`STOP_EVERY`].
    Count(&'s dyn Fn() -> bool),
}

/// Passages read between two questions to a count's `stop`.
const STOP_EVERY: usize = 4096;

impl<'a> Run<'a> {
    fn new(index: &'a SearchIndex, query: &'a Query, range: std::ops::Range<usize>) -> Run<'a> {
        let matcher = SkimMatcherV2::default().respect_case();
        let look = |term: &'a Term| Looked::new(index, &matcher, term);
        let mut groups: Vec<(Group, remembered::Key, Scores, Wholes)> = query
            .terms
            .iter()
            .map(|group| {
                let group = Group(group.iter().map(look).collect());
                let key: remembered::Key = (group.0.iter())
                    .filter_map(|t| Some((t.term.case_sensitive, t.term.whole.clone()?)))
                    .collect();
                let wholes: Wholes = (group.0.iter())
                    .filter_map(|t| {
                        let whole = t.term.whole.as_deref()?;
                        Some((t.term.case_sensitive, Whole::new(&matcher, whole)))
                    })
                    .collect();
                let kept = index.remembered.take(&key);
                (group, key, kept, wholes)
            })
            .collect();
        groups.sort_by_cached_key(|(group, _, kept, wholes)| {
            wholes::cost(index, group, wholes, kept)
        });
        let mut terms = Vec::new();
        let mut keys = Vec::new();
        let mut whole = Vec::new();
        let mut wholes_of = Vec::new();
        for (group, key, kept, wholes) in groups {
            terms.push(group);
            keys.push(key);
            whole.push(kept);
            wholes_of.push(wholes);
        }
        let excluded = query.excluded.iter().map(look).collect();
        let lens = terms.iter().map(Group::words).collect();
        Run {
            index,
            query,
            range,
            matcher,
            terms,
            excluded,
            whole,
            keys,
            wholes_of,
            first: Vec::new(),
            lens,
        }
    }

    fn allowed(&self, p: usize) -> bool {
        let doc_ok = match &self.query.docs {
            None => true,
            Some(docs) => self
                .index
                .passage_doc
                .get(p)
                .and_then(|&d| docs.get(d as usize))
                .copied()
                .unwrap_or(false),
        };
        let role_ok = self.query.roles.is_empty()
            || self
                .index
                .passage_role
                .get(p)
                .copied()
                .flatten()
                .is_some_and(|r| self.query.roles.contains(&r));
        doc_ok && role_ok
    }

    /// The postings of word `w` within the range searched.
    fn postings(&self, w: u32) -> impl Iterator<Item = usize> + 'a {
        let range = self.range.clone();
        self.index
            .postings
            .get_from(w as usize, range.start as u32)
            .map(|p| p as usize)
            .skip_while(move |&p| p < range.start)
            .take_while(move |&p| p < range.end)
    }

    /// The short passages in the range: passage, text id, and offset in
    /// the document (0 for the title).
    fn shorts(&self) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
        let docs = match (
            self.index.passage_doc.get(self.range.start),
            self.range
                .end
                .checked_sub(1)
                .and_then(|e| self.index.passage_doc.get(e)),
        ) {
            (Some(&a), Some(&b)) => a as usize..b as usize + 1,
            _ => 0..0,
        };
        self.index.tokens.docs[docs].iter().flat_map(move |doc| {
            (0..=doc.people as usize).filter_map(move |o| {
                let s = *self.index.short_of.get(doc.shorts as usize + o)?;
                Some((doc.first as usize + o, s as usize, o))
            })
        })
    }

    /// The best `limit` hits and, in [`Mode::Count`], how many passages
    /// match (in [`Mode::Best`], how many met every term); None if a
    /// count stopped.
    fn hits(mut self, limit: usize, mode: &Mode) -> Option<(Vec<Hit>, usize)> {
        let base = self.range.start;
        let mut lent = self.index.spare.lend(self.range.len());
        let (met, tiers, fines) = lent.parts();
        let mut t = Tally {
            base,
            met,
            tiers,
            fines,
            candidates: Vec::new(),
        };
        for ex in &self.excluded {
            if ex.must_read() {
                continue;
            }
            for &(w, _) in &ex.tokens[0].words {
                for p in self.postings(w) {
                    t.met[p - base] = BARRED;
                }
            }
        }
        for j in 0..self.terms.len() {
            // A count gives up between terms too: a term's merge can take
            // a good part of a frame.
            if let Mode::Count(stop) = mode
                && stop()
            {
                return None;
            }
            for &(w, score) in &self.terms[j].source() {
                for p in self.postings(w) {
                    t.touch(j, p - base, score, || self.allowed(p));
                }
            }
            if self.matches_whole(j) {
                let shorts: Vec<(usize, usize)> = self
                    .shorts()
                    .filter(|&(p, _, _)| usize::from(t.met[p - base]) == j)
                    .map(|(p, s, _)| (p, s))
                    .collect();
                let texts: Vec<usize> = shorts.iter().map(|&(_, s)| s).collect();
                self.match_wholes(j, &texts);
                for (p, s) in shorts {
                    let score = self.whole_match(j, s);
                    if score > 0 {
                        t.touch(j, p - base, score, || self.allowed(p));
                    }
                }
            }
        }
        let Tally {
            base: _,
            met,
            tiers,
            fines,
            mut candidates,
        } = t;
        let n = self.terms.len();
        let people = !self.query.roles.is_empty();
        if n == 0 && !people && !self.excluded.is_empty() {
            // Exclusions alone: everything without them, as fzf lists every
            // line that lacks them.
            candidates = self
                .range
                .clone()
                .filter(|&p| met[p - base] != BARRED && self.allowed(p))
                .map(|p| p as u32)
                .collect();
        } else if n == 0 {
            // Filters alone: the titles, or the people of a role.
            candidates = self
                .shorts()
                .filter(|&(p, _, offset)| {
                    (offset > 0) == people && met[p - base] != BARRED && self.allowed(p)
                })
                .map(|(p, _, _)| p as u32)
                .collect();
        } else {
            candidates.retain(|&p| usize::from(met[p as usize - base]) == n);
        }

        let read = n > 1
            || self.terms.iter().any(Group::must_read)
            || self.excluded.iter().any(Looked::must_read);
        let mut best = Best::new(limit);
        let mut count = candidates.len();
        if !read {
            for &p in &candidates {
                let i = p as usize - base;
                let (tiers, fines) = (u32::from(tiers[i]), u32::from(fines[i]));
                best.offer(self.key(p as usize, tiers, 0, fines));
            }
        } else if let Mode::Count(stop) = mode {
            // Every passage read: the count is of those that match.
            self.prepare_reading();
            let mut scratch = Scratch::default();
            count = 0;
            for (n, &p) in candidates.iter().enumerate() {
                if n % STOP_EVERY == 0 && stop() {
                    return None;
                }
                if let Some((tiers, nearness, fines)) = self.read(p as usize, &mut scratch) {
                    count += 1;
                    best.offer(self.key(p as usize, tiers, nearness, fines));
                }
            }
        } else {
            self.prepare_reading();
            // Best bound first, so that the page fills with good hits early
            // and most passages can be passed over unread: one that could at
            // best tie the worst hit on the page, nearness and all, cannot
            // displace it.
            let mut groups: Vec<Vec<u32>> = Vec::new();
            for &p in &candidates {
                let bound = tiers[p as usize - base] as usize;
                if groups.len() <= bound {
                    groups.resize(bound + 1, Vec::new());
                }
                groups[bound].push(p);
            }
            let side_by_side = self.side_by_side();
            let mut scratch = Scratch::default();
            let top_fines = self.terms.len() as u32 * u32::from(matching::FINE_MAX);
            for (bound, group) in groups.iter().enumerate().rev() {
                let most = self.score(bound as u32, 0, 2, top_fines);
                if best.worst().is_some_and(|w| w.0 > most) {
                    break;
                }
                for &p in group {
                    let i = p as usize - base;
                    let (tiers, fines) = (u32::from(tiers[i]), u32::from(fines[i]));
                    let hope = |nearness| self.key(p as usize, tiers, nearness, fines);
                    if !best.admits(&hope(0)) {
                        continue;
                    }
                    let apart = side_by_side
                        .as_ref()
                        .is_some_and(|bits| bits[i / 64] & 1 << (i % 64) == 0);
                    if apart && !best.admits(&hope(1)) {
                        continue;
                    }
                    if let Some((tiers, nearness, fines)) = self.read(p as usize, &mut scratch) {
                        best.offer(self.key(p as usize, tiers, nearness, fines));
                    }
                }
            }
        }
        let hits = best
            .into_sorted()
            .into_iter()
            .filter_map(|(score, _, Reverse(p))| {
                let (doc, field) = self.index.field_of(p as usize)?;
                Some(Hit { doc, field, score })
            })
            .collect();
        Some((hits, count))
    }

    /// Fills the tables that reading a passage's words needs.
    fn prepare_reading(&mut self) {
        let terms = self.terms.iter_mut().flat_map(|g| g.0.iter_mut());
        for t in terms.chain(self.excluded.iter_mut()) {
            t.with_forms(self.index, &self.matcher);
        }
        self.first = vec![0; self.index.tokens.forms().len()];
        for (j, group) in self.terms.iter().enumerate() {
            for first in group.0.iter().filter_map(|t| t.tokens.first()) {
                for (f, &score) in first.forms.iter().enumerate() {
                    if score > 0 {
                        self.first[f] |= 1 << j;
                    }
                }
            }
        }
    }

    fn score(&self, tiers: u32, nearness: i64, field_rank: i64, fines: u32) -> i64 {
        ((i64::from(tiers) * NEARNESS_LEVELS + (NEARNESS_LEVELS - 1 - nearness)) * 3 + field_rank)
            * (1 << 16)
            + i64::from(fines)
    }

    /// The ranking key of passage `p`: greater is better.
    fn key(&self, p: usize, tiers: u32, nearness: i64, fines: u32) -> Key {
        let (doc, field) = self.index.field_of(p).unwrap_or((0, Field::Title));
        let field_rank = match field {
            Field::Title => 2,
            Field::Person(_) => 1,
            Field::Paragraph(_) => 0,
        };
        let rank = self.index.tokens.docs.get(doc).map_or(u32::MAX, |d| d.rank);
        (
            self.score(tiers, nearness, field_rank, fines),
            Reverse(rank),
            Reverse(p as u32),
        )
    }

    /// Reads passage `p`'s words: the tiers and fine scores of each term's
    /// best match, and how near the terms come; `None` if a term is missing
    /// (a phrase broken, a case not matched) or an excluded term is there.
    fn read(&self, p: usize, s: &mut Scratch) -> Option<(u32, i64, u32)> {
        let Scratch {
            words,
            best,
            found,
            counts,
        } = s;
        self.index.tokens.of(p, words);
        let words = words.as_slice();
        if self
            .excluded
            .iter()
            .any(|ex| ex.must_read() && ex.occurs(words))
        {
            return None;
        }
        let n = self.terms.len();
        best.clear();
        best.resize(n, 0);
        found.clear();
        // Local slices: the compiler then keeps their lengths in registers.
        let (first, terms) = (self.first.as_slice(), self.terms.as_slice());
        for (i, &f) in words.iter().enumerate() {
            let mut mask = first.get(f as usize).copied().unwrap_or(0);
            while mask != 0 {
                let j = mask.trailing_zeros() as usize;
                mask &= mask - 1;
                let group = &terms[j];
                let score = match group.single() {
                    Some(one) => one.forms.get(f as usize).copied().unwrap_or(0),
                    None => group.at(words, i),
                };
                if score > 0 {
                    best[j] = best[j].max(score);
                    found.push((i, j));
                }
            }
        }
        let mut loose = false;
        for (j, b) in best.iter_mut().enumerate() {
            if *b == 0 {
                let short = self.index.short_text(p)?;
                *b = self.whole_match(j, short);
                if *b == 0 {
                    return None;
                }
                loose = true;
            }
        }
        let nearness = if n == 0 {
            0
        } else if loose {
            NEARNESS_LEVELS - 1
        } else {
            let gap = smallest_gap(found, &self.lens, counts);
            i64::from(usize::BITS - gap.leading_zeros()).min(NEARNESS_LEVELS - 2)
        };
        let tiers = best.iter().map(|&b| u32::from(matching::tier(b))).sum();
        let fines = best.iter().map(|&b| u32::from(matching::fine(b))).sum();
        debug_assert!(best.iter().all(|&b| matching::tier(b) >= LOOSE));
        debug_assert!(best.iter().all(|&b| matching::tier(b) <= EXACT));
        Some((tiers, nearness, fines))
    }
}
