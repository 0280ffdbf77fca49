//! The coalition grid's filter and geometry, which update and view share:
//! what the filter line asks for, and where the rows, columns, headers,
//! detail and legend go at a given size. Only what is on screen is laid
//! out: a grid of two thousand rows and three hundred columns costs the
//! cells it shows.

use crate::corpus::{Corpus, PersonKind, Role};
use crate::people::coalition::{Only, Order, Roles, RowFilter};
use crate::search::Query;
use ratatui::layout::Rect;
use std::fmt::Display;

/// What the filter line asks for. Its words are matched against names as
/// the People pane's filter does; `kind:organization` (person, state) and
/// `role:signatory,member` narrow the rows, and the search filters that
/// name documents (`kind:joint-letter`, `year:2014..2017`, `by:hrw`) the
/// columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GridFilter {
    pub name: String,
    pub kinds: Vec<PersonKind>,
    /// The roles that count as being in a document.
    pub roles: Roles,
    /// The documents the document filters allow, by index; None for all.
    pub docs: Option<Vec<bool>>,
    /// What in the filter could not be read; the rest still applies.
    pub problem: Option<String>,
}

/// The value among `all` named `value` or by a prefix only it has.
fn named<T: Copy + Display>(value: &str, all: &[T]) -> Option<T> {
    let value = value.to_lowercase();
    let exact = all.iter().find(|v| v.to_string() == value);
    let mut starting = all
        .iter()
        .filter(|v| !value.is_empty() && v.to_string().starts_with(&value));
    match (exact, starting.next(), starting.next()) {
        (Some(v), _, _) | (None, Some(v), None) => Some(*v),
        _ => None,
    }
}

impl GridFilter {
    pub fn parse(text: &str, corpus: &Corpus) -> GridFilter {
        let mut filter = GridFilter {
            name: String::new(),
            kinds: Vec::new(),
            roles: Roles::NONE,
            docs: None,
            problem: None,
        };
        let mut words = Vec::new();
        let mut documents = Vec::new();
        for piece in text.split_whitespace() {
            let (field, value) = piece.split_once(':').unwrap_or(("", piece));
            match field.to_ascii_lowercase().as_str() {
                "kind" => match named(value, &PersonKind::ALL) {
                    Some(kind) => filter.kinds.push(kind),
                    None => documents.push(piece),
                },
                "role" => {
                    for value in value.split(',').filter(|v| !v.is_empty()) {
                        match named(value, &Role::ALL) {
                            Some(role) => filter.roles = filter.roles.with(role),
                            None => {
                                filter.problem = Some(format!(
                                    "no role \"{value}\": issuer, signatory, member, quoted, mentioned"
                                ))
                            }
                        }
                    }
                }
                "year" | "by" => documents.push(piece),
                _ => words.push(piece),
            }
        }
        if filter.roles.is_empty() {
            filter.roles = Roles::ALL;
        }
        filter.name = words.join(" ");
        if !documents.is_empty() {
            match Query::parse(&documents.join(" "), corpus) {
                Ok(query) => filter.docs = query.documents().map(<[bool]>::to_vec),
                Err(e) => filter.problem = Some(e.message),
            }
        }
        filter
    }

    /// The filter for the rows, with a quick filter and an order.
    pub fn rows(&self, only: Only, order: Order) -> RowFilter {
        RowFilter {
            name: self.name.clone(),
            kinds: self.kinds.clone(),
            roles: self.roles,
            only,
            order,
        }
    }

    /// The columns among `base` (document indices) the filter keeps.
    pub fn columns(&self, base: &[usize]) -> Vec<usize> {
        base.iter()
            .copied()
            .filter(|&d| {
                self.docs
                    .as_ref()
                    .is_none_or(|docs| docs.get(d).copied().unwrap_or(false))
            })
            .collect()
    }
}

/// Columns a document takes: a date such as "c. 2014-12" and a space.
pub const CELL: u16 = 11;
/// The narrowest name column, the width it grows to before the text after
/// the cells has room, and the widest.
const NAME_MIN: u16 = 12;
const NAME_FIRST: u16 = 30;
const NAME_MAX: u16 = 60;
/// The least room the text after the cells (first, last, changes) is
/// given, with less it is left to the detail lines; and what it wants.
const TRAIL_MIN: u16 = 12;
const TRAIL_WANTED: u16 = 40;

/// Where each part of the grid goes inside the overlay's border.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Geometry {
    pub filter: Option<Rect>,
    /// The dates over the columns, and the short titles under them.
    pub dates: Option<Rect>,
    pub titles: Option<Rect>,
    /// The rows of entities.
    pub body: Rect,
    /// What the selection is: the row, and the cell.
    pub detail: Option<Rect>,
    pub legend: Option<Rect>,
    /// Columns of the name, of "k/n", and of the text after the cells.
    pub name: u16,
    pub count: u16,
    pub trail: u16,
    /// How many document columns fit.
    pub columns: usize,
}

impl Geometry {
    /// The grid's parts inside `inner`, for `n` documents.
    pub fn new(inner: Rect, n: usize) -> Geometry {
        let mut spare = inner.height.saturating_sub(1);
        // What there is room for, most needed first; the body keeps a row.
        let mut take = |lines: u16| {
            let got = spare.min(lines);
            spare -= got;
            got
        };
        let filter = take(1);
        let dates = take(1);
        let legend = take(1);
        let mut detail = take(1);
        let titles = take(1);
        detail += take(1);
        let mut y = inner.y;
        let mut line = |height: u16| {
            let rect = Rect::new(inner.x, y, inner.width, height);
            y += height;
            (height > 0).then_some(rect)
        };
        let filter = line(filter);
        let dates = line(dates);
        let titles = line(titles);
        let body = line(inner.height.min(1) + spare).unwrap_or_default();
        let detail = line(detail);
        let legend = line(legend);
        let count = u16::try_from(format!(" {n}/{n} ").len()).unwrap_or(u16::MAX);
        let room = inner.width.saturating_sub(count);
        let wanted = (room / 4).clamp(NAME_MIN, NAME_MAX);
        let fit = usize::from(room.saturating_sub(wanted) / CELL);
        let columns = fit.max(1).min(n);
        let cells = u16::try_from(columns)
            .unwrap_or(u16::MAX)
            .saturating_mul(CELL);
        // What the cells leave goes to the name up to NAME_FIRST, to the
        // text after the cells up to TRAIL_WANTED, to the name again, and
        // the rest to the text.
        let mut name = room.saturating_sub(cells).min(wanted);
        let mut rest = room.saturating_sub(cells + name);
        let mut grow = |name: &mut u16, upto: u16| {
            let more = upto.saturating_sub(*name).min(rest);
            *name += more;
            rest -= more;
        };
        grow(&mut name, NAME_FIRST);
        let mut trail = 0;
        grow(&mut trail, TRAIL_WANTED);
        grow(&mut name, NAME_MAX);
        grow(&mut trail, u16::MAX);
        // Too little for the text after the cells: the name has it.
        if trail < TRAIL_MIN {
            name = name.saturating_add(trail);
            trail = 0;
        }
        Geometry {
            filter,
            dates,
            titles,
            body,
            detail,
            legend,
            name,
            count,
            trail,
            columns,
        }
    }

    /// The rows of entities on screen.
    pub fn rows(&self) -> usize {
        usize::from(self.body.height)
    }

    /// Where the cells start, from the left of the inner area.
    pub fn cells_x(&self) -> u16 {
        self.name.saturating_add(self.count)
    }
}

/// The grid's parts on a screen of this size, for `n` documents: it takes
/// the screen above the status bar, as the People pane does.
pub fn geometry(screen: Rect, n: usize) -> Geometry {
    Geometry::new(super::inner(super::people::area(screen)), n)
}

/// The first document column on screen, so that `column` (0-based among
/// the documents) is.
pub fn first_column(column: usize, visible: usize) -> usize {
    super::text::window(column, visible)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_reads_names_kinds_roles_and_document_filters() {
        let corpus = Corpus::load(&[]).expect("loads");
        let f = GridFilter::parse("kind:org role:signatory,member rights watch", &corpus);
        assert_eq!(f.kinds, [PersonKind::Organization]);
        assert!(f.roles.contains(Role::Member) && !f.roles.contains(Role::Quoted));
        assert_eq!(f.name, "rights watch");
        assert_eq!(f.docs, None);
        let letters = GridFilter::parse("kind:joint-letter year:2014..2016", &corpus);
        let kept: Vec<&str> = letters
            .columns(&(0..corpus.documents.len()).collect::<Vec<_>>())
            .into_iter()
            .map(|d| corpus.documents[d].id.as_str())
            .collect();
        assert_eq!(kept, ["joint-letter-security-council-2015"]);
        assert_eq!(letters.roles, Roles::ALL);
        let wrong = GridFilter::parse("role:signer year:soon", &corpus);
        assert!(wrong.problem.is_some());
    }

    #[test]
    fn every_part_fits_inside_at_any_size() {
        for width in 0..200 {
            for height in 0..30 {
                for n in [0, 1, 5, 300] {
                    let inner = Rect::new(1, 2, width, height);
                    let g = Geometry::new(inner, n);
                    let parts = [
                        g.filter,
                        g.dates,
                        g.titles,
                        Some(g.body),
                        g.detail,
                        g.legend,
                    ];
                    let used: u16 = parts.iter().flatten().map(|r| r.height).sum();
                    assert!(used <= height, "{width}×{height}");
                    assert!(g.columns <= n);
                    if n > 0 && width > 0 {
                        assert!(g.columns >= 1);
                    }
                    if height > 0 {
                        assert!(g.body.height >= 1);
                    }
                }
            }
        }
        let g = Geometry::new(Rect::new(0, 0, 78, 21), 5);
        assert_eq!((g.columns, g.name, g.rows()), (5, 18, 15));
    }
}
