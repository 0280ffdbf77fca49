//! Who stood with whom, over the years: a grid of the entities (rows) of
//! some documents (columns, oldest first), each cell the entity's roles in
//! that document, and each row read along the dates: in how many, first
//! and last, where it joined, left or came back.
//!
//! Built from the documents' people lists alone, so it needs no index and
//! every entry of every column is in exactly one cell: no group of a grid
//! can leave a name out.

use crate::corpus::{Corpus, EntityId, PersonKind, Role, name_words};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use std::fmt;

/// The roles of one entity in one document, as a set: a body that issues
/// a release and is quoted in it holds both.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Roles(u8);

impl Roles {
    pub const NONE: Roles = Roles(0);
    pub const ALL: Roles = Roles((1 << Role::ALL.len()) - 1);
    /// The roles that put a document's name to an entity.
    pub const SIGNING: Roles = Roles(0b111);

    fn bit(role: Role) -> u8 {
        1 << role as u8
    }

    pub fn with(self, role: Role) -> Roles {
        Roles(self.0 | Roles::bit(role))
    }

    pub fn contains(self, role: Role) -> bool {
        self.0 & Roles::bit(role) != 0
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether the two share a role.
    pub fn meets(self, other: Roles) -> bool {
        self.0 & other.0 != 0
    }

    /// The roles, in the order of [`Role::ALL`].
    pub fn iter(self) -> impl Iterator<Item = Role> {
        Role::ALL.into_iter().filter(move |&r| self.contains(r))
    }

    /// The role a cell shows: the first, so the most committed.
    pub fn first(self) -> Option<Role> {
        self.iter().next()
    }
}

/// Each cell's glyph and what it means, a role's in the order of
/// [`Role::ALL`], then absence's: the legend of every view of the grid,
/// where meaning never rests on colour alone.
pub const LEGEND: [(char, &str); 6] = [
    ('◆', "issuer"),
    ('●', "signatory"),
    ('○', "member"),
    ('“', "quoted"),
    ('~', "mentioned"),
    ('·', "absent"),
];

impl Roles {
    /// The glyph of the role a cell shows, or of absence.
    pub fn glyph(self) -> char {
        let at = self.first().map_or(Role::ALL.len(), |r| r as usize);
        LEGEND[at].0
    }
}

impl FromIterator<Role> for Roles {
    fn from_iter<I: IntoIterator<Item = Role>>(roles: I) -> Roles {
        roles.into_iter().fold(Roles::NONE, Roles::with)
    }
}

impl fmt::Display for Roles {
    /// `issuer+quoted`, or `absent`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return f.write_str("absent");
        }
        let names: Vec<String> = self.iter().map(|r| r.to_string()).collect();
        f.write_str(&names.join("+"))
    }
}

/// The grid: columns are documents, oldest first (undated last), rows the
/// entities with an entry in at least one of them, by name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coalition {
    docs: Vec<usize>,
    entities: Vec<EntityId>,
    /// Row after row, `docs.len()` cells each.
    cells: Vec<Roles>,
}

/// How one row reads along the columns, counting only some roles.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reading {
    /// In how many columns it is.
    pub count: usize,
    /// The first and last column it is in.
    pub first: Option<usize>,
    pub last: Option<usize>,
    /// Where it joined, left or came back, in column order.
    pub changes: Vec<Change>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    pub column: usize,
    pub kind: ChangeKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    /// First in this column, absent from the columns before.
    Joined,
    /// Absent from this column, in the one before.
    Left,
    /// In this column again, after an absence.
    Returned,
}

impl ChangeKind {
    pub fn word(self) -> &'static str {
        match self {
            ChangeKind::Joined => "joined",
            ChangeKind::Left => "left",
            ChangeKind::Returned => "back",
        }
    }
}

/// In how many columns a row is, and the first and last: what listing
/// and ordering need, without the changes a [`Reading`] holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Span {
    count: usize,
    first: Option<usize>,
    last: Option<usize>,
}

/// Which rows a quick filter keeps.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Only {
    /// Everyone in at least one of the documents.
    #[default]
    Everyone,
    /// In every document.
    InAll,
    /// In some of the documents, not all.
    SomeNotAll,
    /// Absent from the first document, in a later one.
    JoinedSince,
    /// In an earlier document, absent from the last.
    GoneSince,
}

impl Only {
    pub const ALL: [Only; 5] = [
        Only::Everyone,
        Only::InAll,
        Only::SomeNotAll,
        Only::JoinedSince,
        Only::GoneSince,
    ];

    /// What the filter keeps, for a title.
    pub fn label(self) -> &'static str {
        match self {
            Only::Everyone => "everyone",
            Only::InAll => "in all",
            Only::SomeNotAll => "in some, not all",
            Only::JoinedSince => "joined since the first",
            Only::GoneSince => "gone by the last",
        }
    }

    /// The next quick filter, round.
    pub fn next(self) -> Only {
        let at = Only::ALL.iter().position(|&o| o == self).unwrap_or(0);
        Only::ALL[(at + 1) % Only::ALL.len()]
    }

    fn keeps(self, span: Span, columns: usize) -> bool {
        let Span { count, first, last } = span;
        match self {
            Only::Everyone => true,
            Only::InAll => count == columns,
            Only::SomeNotAll => count < columns,
            Only::JoinedSince => first.is_some_and(|f| f > 0),
            Only::GoneSince => last.is_some_and(|l| l + 1 < columns),
        }
    }
}

/// The order of the rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Order {
    /// In most documents first; then by first appearance, then by name.
    #[default]
    Count,
    /// By the first document each is in, oldest first; then most documents, then by name.
    First,
    /// By name, as names compare (case and accents set aside).
    Name,
}

impl Order {
    pub fn label(self) -> &'static str {
        match self {
            Order::Count => "by count",
            Order::First => "by first appearance",
            Order::Name => "by name",
        }
    }

    pub fn next(self) -> Order {
        match self {
            Order::Count => Order::First,
            Order::First => Order::Name,
            Order::Name => Order::Count,
        }
    }
}

/// What rows to list, and in what order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowFilter {
    /// Matched fuzzily against each name and alias, as the People pane's
    /// filter is; empty for every name.
    pub name: String,
    /// The entities' kinds; empty for every kind.
    pub kinds: Vec<PersonKind>,
    /// The roles that count as being in a document: for "in k of n", first
    /// and last, joined and left, and whether a row is listed at all. The
    /// cells show every role still.
    pub roles: Roles,
    pub only: Only,
    pub order: Order,
}

impl Default for RowFilter {
    fn default() -> RowFilter {
        RowFilter {
            name: String::new(),
            kinds: Vec::new(),
            roles: Roles::ALL,
            only: Only::Everyone,
            order: Order::Count,
        }
    }
}

impl Coalition {
    /// The grid of `docs` (indices into `corpus.documents`; one given twice
    /// is one column, one out of range none).
    pub fn new(corpus: &Corpus, docs: &[usize]) -> Coalition {
        let mut columns: Vec<usize> = docs
            .iter()
            .copied()
            .filter(|&d| d < corpus.documents.len())
            .collect();
        columns.sort_unstable();
        columns.dedup();
        columns.sort_by(|&a, &b| {
            let (a, b) = (&corpus.documents[a], &corpus.documents[b]);
            let key = |d: &crate::corpus::Document| (d.sort_date().is_none(), d.sort_date());
            key(a).cmp(&key(b)).then_with(|| a.title.cmp(&b.title))
        });
        let n = columns.len();
        // Each entity's row, once it is met.
        let mut row_of: Vec<Option<usize>> = vec![None; corpus.entities.all().len()];
        let mut entities = Vec::new();
        let mut cells: Vec<Roles> = Vec::new();
        for (c, &d) in columns.iter().enumerate() {
            for person in &corpus.documents[d].people {
                let Some(slot) = row_of.get_mut(person.entity) else {
                    continue;
                };
                let row = *slot.get_or_insert_with(|| {
                    entities.push(person.entity);
                    cells.extend(std::iter::repeat_n(Roles::NONE, n));
                    entities.len() - 1
                });
                let cell = &mut cells[row * n + c];
                *cell = cell.with(person.role);
            }
        }
        // Rows by name; words stay apart, as the People index sorts them.
        let mut order: Vec<usize> = (0..entities.len()).collect();
        order.sort_by_cached_key(|&r| {
            let name = &corpus.entities.get(entities[r]).name;
            let words: Vec<String> = name_words(name).into_iter().map(|w| w.folded).collect();
            (words.join(" "), name.clone())
        });
        let mut sorted = Vec::with_capacity(cells.len());
        for &r in &order {
            sorted.extend_from_slice(&cells[r * n..(r + 1) * n]);
        }
        Coalition {
            docs: columns,
            entities: order.iter().map(|&r| entities[r]).collect(),
            cells: sorted,
        }
    }

    /// The columns: documents, oldest first.
    pub fn docs(&self) -> &[usize] {
        &self.docs
    }

    /// How many rows there are: one per entity with an entry in a column.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// The entity of row `row`.
    pub fn entity(&self, row: usize) -> EntityId {
        self.entities[row]
    }

    /// The row of `entity`, if it has one.
    pub fn row_of(&self, entity: EntityId) -> Option<usize> {
        self.entities.iter().position(|&e| e == entity)
    }

    /// Row `row`'s cells, a column each.
    pub fn cells(&self, row: usize) -> &[Roles] {
        let n = self.docs.len();
        &self.cells[row * n..(row + 1) * n]
    }

    /// How row `row` reads along the columns, counting `counted` roles.
    pub fn reading(&self, row: usize, counted: Roles) -> Reading {
        let mut reading = Reading::default();
        let mut before = false;
        for (column, cell) in self.cells(row).iter().enumerate() {
            let here = cell.meets(counted);
            let kind = match (before, here) {
                (false, true) if reading.first.is_some() => Some(ChangeKind::Returned),
                (false, true) if column > 0 => Some(ChangeKind::Joined),
                (true, false) => Some(ChangeKind::Left),
                _ => None,
            };
            if let Some(kind) = kind {
                reading.changes.push(Change { column, kind });
            }
            if here {
                reading.count += 1;
                reading.first.get_or_insert(column);
                reading.last = Some(column);
            }
            before = here;
        }
        reading
    }

    fn span(&self, row: usize, counted: Roles) -> Span {
        let mut span = Span {
            count: 0,
            first: None,
            last: None,
        };
        for (column, cell) in self.cells(row).iter().enumerate() {
            if cell.meets(counted) {
                span.count += 1;
                span.first.get_or_insert(column);
                span.last = Some(column);
            }
        }
        span
    }

    /// The rows `filter` lists, in its order: those in at least one column
    /// (by the roles it counts) that its name, kinds and quick filter keep.
    pub fn rows(&self, corpus: &Corpus, filter: &RowFilter) -> Vec<usize> {
        let matcher = SkimMatcherV2::default().smart_case();
        let name = filter.name.trim();
        let mut kept: Vec<(usize, Span)> = (0..self.len())
            .filter(|&row| {
                let entity = corpus.entities.get(self.entity(row));
                (filter.kinds.is_empty() || filter.kinds.contains(&entity.kind))
                    && (name.is_empty()
                        || entity
                            .names()
                            .any(|n| matcher.fuzzy_match(n, name).is_some()))
            })
            .map(|row| (row, self.span(row, filter.roles)))
            .filter(|&(_, span)| span.count > 0 && filter.only.keeps(span, self.docs.len()))
            .collect();
        // Rows are by name already; stable sorts keep that for ties.
        match filter.order {
            Order::Name => {}
            Order::Count => kept.sort_by_key(|(_, r)| (std::cmp::Reverse(r.count), r.first)),
            Order::First => kept.sort_by_key(|(_, r)| (r.first, std::cmp::Reverse(r.count))),
        }
        kept.into_iter().map(|(row, _)| row).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::SourceFile;

    /// Three documents of 2014, 2015 (inferred) and 2017, and one undated.
    fn corpus() -> Corpus {
        let doc = |id: &str, date: &str, people: &[(&str, &str)]| {
            let mut text = format!(
                "id = \"{id}\"\ntitle = \"{id}\"\nkind = \"joint-letter\"\n{date}\nparagraphs = [\"Text.\"]\n"
            );
            for (name, role) in people {
                text.push_str(&format!(
                    "[[people]]\nname = \"{name}\"\nkind = \"organization\"\nrole = \"{role}\"\n"
                ));
            }
            SourceFile::new(format!("{id}.toml"), text)
        };
        let files = [
            doc(
                "c2017",
                "date = \"2017-03-07\"",
                &[("Alpha", "signatory"), ("Gamma", "quoted")],
            ),
            doc(
                "a2014",
                "date = \"2014\"",
                &[
                    ("Alpha", "issuer"),
                    ("Alpha", "quoted"),
                    ("Beta", "signatory"),
                ],
            ),
            doc(
                "b2015",
                "inferred_date = \"2015\"\ninferred_date_reason = \"it says so\"",
                &[("Beta", "member"), ("Gamma", "mentioned")],
            ),
            doc(
                "undated",
                "",
                &[("Alpha", "signatory"), ("Delta", "signatory")],
            ),
        ];
        Corpus::from_files(&SourceFile::new("entities.toml", String::new()), &files)
            .expect("the corpus loads")
    }

    fn names(corpus: &Corpus, grid: &Coalition, rows: &[usize]) -> Vec<String> {
        rows.iter()
            .map(|&r| corpus.entities.get(grid.entity(r)).name.clone())
            .collect()
    }

    #[test]
    fn columns_run_oldest_first_with_the_undated_last_and_cells_hold_every_role() {
        let corpus = corpus();
        let all: Vec<usize> = (0..corpus.documents.len()).collect();
        let grid = Coalition::new(&corpus, &all);
        let ids: Vec<&str> = grid
            .docs()
            .iter()
            .map(|&d| corpus.documents[d].id.as_str())
            .collect();
        assert_eq!(ids, ["a2014", "b2015", "c2017", "undated"]);
        let rows: Vec<usize> = (0..grid.len()).collect();
        assert_eq!(
            names(&corpus, &grid, &rows),
            ["Alpha", "Beta", "Delta", "Gamma"]
        );
        let alpha = grid.cells(0);
        assert_eq!(alpha[0].to_string(), "issuer+quoted");
        assert_eq!(alpha[0].first(), Some(Role::Issuer));
        assert_eq!(alpha[1], Roles::NONE);
        assert_eq!(alpha[1].to_string(), "absent");
    }

    #[test]
    fn a_row_reads_joined_left_and_back_along_the_dates() {
        let corpus = corpus();
        let all: Vec<usize> = (0..corpus.documents.len()).collect();
        let grid = Coalition::new(&corpus, &all);
        let alpha = grid.reading(0, Roles::ALL);
        assert_eq!(
            (alpha.count, alpha.first, alpha.last),
            (3, Some(0), Some(3))
        );
        let kinds: Vec<(usize, ChangeKind)> =
            alpha.changes.iter().map(|c| (c.column, c.kind)).collect();
        assert_eq!(kinds, [(1, ChangeKind::Left), (2, ChangeKind::Returned)]);
        let gamma = grid.reading(3, Roles::ALL);
        let kinds: Vec<(usize, ChangeKind)> =
            gamma.changes.iter().map(|c| (c.column, c.kind)).collect();
        assert_eq!(kinds, [(1, ChangeKind::Joined), (3, ChangeKind::Left)]);
        // Counting signing alone, Gamma (quoted, mentioned) is in none.
        assert_eq!(grid.reading(3, Roles::SIGNING).count, 0);
    }

    #[test]
    fn filters_and_orders() {
        let corpus = corpus();
        let all: Vec<usize> = (0..corpus.documents.len()).collect();
        let grid = Coalition::new(&corpus, &all);
        let listed = |filter: RowFilter| names(&corpus, &grid, &grid.rows(&corpus, &filter));
        assert_eq!(
            listed(RowFilter::default()),
            ["Alpha", "Beta", "Gamma", "Delta"]
        );
        let first = RowFilter {
            order: Order::First,
            ..RowFilter::default()
        };
        assert_eq!(listed(first), ["Alpha", "Beta", "Gamma", "Delta"]);
        let only = |only| RowFilter {
            only,
            ..RowFilter::default()
        };
        assert_eq!(listed(only(Only::InAll)), Vec::<String>::new());
        assert_eq!(listed(only(Only::JoinedSince)), ["Gamma", "Delta"]);
        assert_eq!(listed(only(Only::GoneSince)), ["Beta", "Gamma"]);
        assert_eq!(listed(only(Only::SomeNotAll)).len(), 4);
        let signing = RowFilter {
            roles: Roles::SIGNING,
            name: "a".into(),
            order: Order::Name,
            ..RowFilter::default()
        };
        assert_eq!(listed(signing), ["Alpha", "Beta", "Delta"]);
        let by_name = RowFilter {
            name: "gam".into(),
            ..RowFilter::default()
        };
        assert_eq!(listed(by_name), ["Gamma"]);
        let states = RowFilter {
            kinds: vec![PersonKind::State],
            ..RowFilter::default()
        };
        assert!(listed(states).is_empty());
    }

    #[test]
    fn a_document_given_twice_is_one_column_and_none_is_an_empty_grid() {
        let corpus = corpus();
        let grid = Coalition::new(&corpus, &[0, 0, 99]);
        assert_eq!(grid.docs(), [0]);
        let empty = Coalition::new(&corpus, &[]);
        assert!(empty.is_empty() && empty.docs().is_empty());
        assert!(empty.rows(&corpus, &RowFilter::default()).is_empty());
    }
}
