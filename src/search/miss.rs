//! Why a query found nothing: the terms to blame, and the best hits of the
//! query without them, marked partial where they are shown.

use super::hit::{Hit, Scope};
use super::index::SearchIndex;
use super::query::Query;

/// What an empty answer says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Miss {
    /// The filters alone let nothing through; the terms were not tried.
    Filtered,
    /// Terms left out, as typed, and the hits without them.
    Partial {
        /// Terms that match nothing on their own (within the filters).
        unmatched: Vec<String>,
        /// Terms that each match, but never in a passage with the others;
        /// left out, fewest first, until the rest meet.
        apart: Vec<String>,
        /// The query as typed without those terms, which the hits answer.
        rest: String,
        /// Best first; empty when no other term is left.
        hits: Vec<Hit>,
    },
}

impl Miss {
    /// The terms left out, as typed: those matching nothing, then those
    /// apart.
    pub fn left_out(&self) -> Vec<&str> {
        match self {
            Miss::Filtered => Vec::new(),
            Miss::Partial {
                unmatched, apart, ..
            } => unmatched.iter().chain(apart).map(String::as_str).collect(),
        }
    }

    /// The partial hits, best first.
    pub fn hits(&self) -> &[Hit] {
        match self {
            Miss::Filtered => &[],
            Miss::Partial { hits, .. } => hits,
        }
    }

    /// One line saying why nothing was found, with the terms in quotation
    /// marks: "nothing matches “overseas”; partial matches without it".
    pub fn said(&self) -> String {
        let quoted = |terms: &[String]| {
            // A phrase typed in quotes is quoted once.
            let bare = |t: &str| {
                t.strip_prefix('"')
                    .and_then(|t| t.strip_suffix('"'))
                    .filter(|t| !t.contains('"'))
                    .map_or_else(|| t.to_string(), str::to_string)
            };
            let terms: Vec<String> = terms.iter().map(|t| format!("“{}”", bare(t))).collect();
            match terms.as_slice() {
                [rest @ .., last] if !rest.is_empty() => {
                    format!("{} or {last}", rest.join(", "))
                }
                _ => terms.concat(),
            }
        };
        match self {
            Miss::Filtered => "no document or person passes the filters".to_string(),
            Miss::Partial {
                unmatched,
                apart,
                hits,
                ..
            } => {
                let mut said = Vec::new();
                if !unmatched.is_empty() {
                    said.push(format!("nothing matches {}", quoted(unmatched)));
                }
                if !apart.is_empty() {
                    let verb = if apart.len() == 1 { "is" } else { "are" };
                    said.push(format!(
                        "{} {verb} never with the other terms",
                        quoted(apart)
                    ));
                }
                let it = if unmatched.len() + apart.len() == 1 {
                    "it"
                } else {
                    "them"
                };
                if !hits.is_empty() {
                    said.push(format!("partial matches without {it}"));
                }
                said.join("; ")
            }
        }
    }
}

impl SearchIndex {
    /// Why `query` finds nothing in `scope`, and up to `limit` hits of it
    /// without the terms to blame; `None` when it does find something, or
    /// asks for nothing. A term is to blame when it matches nothing on its
    /// own (within the filters and the exclusions); failing that, the term
    /// whose leaving out finds the best hit, and so on until the rest meet.
    pub fn explain(&self, query: &Query, scope: Scope, limit: usize) -> Option<Miss> {
        let found = |q: &Query| !self.search(q, scope, 1).hits.is_empty();
        if query.is_empty() || found(query) {
            return None;
        }
        if query.has_filters() && !found(&query.filters_only()) {
            return Some(Miss::Filtered);
        }
        let groups = query.terms.len();
        if groups == 0 {
            // Exclusions alone: nothing to blame but them.
            return None;
        }
        let (unmatched, mut kept): (Vec<usize>, Vec<usize>) =
            (0..groups).partition(|&j| !found(&query.keeping(&[j])));
        // With every term kept, the rest is the query, which found nothing.
        let mut hits = match unmatched.is_empty() || kept.is_empty() {
            true => Vec::new(),
            false => self.search(&query.keeping(&kept), scope, limit).hits,
        };
        let mut apart = Vec::new();
        while hits.is_empty() && kept.len() > 1 {
            // Leave out the term whose absence finds the best hit; on a tie,
            // the later term, as the earlier ones were typed first.
            let best = (0..kept.len())
                .filter_map(|i| {
                    let mut others = kept.clone();
                    others.remove(i);
                    let found = self.search(&query.keeping(&others), scope, limit).hits;
                    Some((found.first()?.score, i, found))
                })
                .max_by_key(|&(score, i, _)| (score, i));
            let Some((_, i, found)) = best else {
                break;
            };
            apart.push(kept.remove(i));
            hits = found;
        }
        let label = |j: &usize| query.labels.get(*j).cloned().unwrap_or_default();
        Some(Miss::Partial {
            unmatched: unmatched.iter().map(label).collect(),
            apart: apart.iter().map(label).collect(),
            rest: query.keeping(&kept).typed(),
            hits,
        })
    }
}
