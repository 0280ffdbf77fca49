//! The `coalition` command: who stood with whom, by document in date
//! order, as a table, as long-form CSV and JSON for R, pandas and
//! spreadsheets, or as a bipartite network for Gephi and networkx.

mod network;

use super::format::{pad, to_json};
use super::{Failure, Output, find};
use crate::corpus::{Corpus, Document, PersonKind, Role};
use crate::people::coalition::{ChangeKind, Coalition, LEGEND, Only, Order, Reading, RowFilter};
use clap::{Args, ValueEnum};
use serde::Serialize;
use std::fmt::Display;
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Args)]
pub struct CoalitionArgs {
    /// The documents, each a column (ids or prefixes only they have); every document if none is given
    #[arg(value_name = "DOC", add = super::complete::documents())]
    pub docs: Vec<String>,
    /// Only entities of these kinds: organization, person, state (comma-separated)
    #[arg(long, value_name = "K", value_delimiter = ',', value_parser = kind)]
    pub kind: Vec<PersonKind>,
    /// The roles that count as being in a document: issuer, signatory, member, quoted, mentioned (comma-separated; all by default)
    #[arg(long, value_name = "R", value_delimiter = ',', value_parser = role)]
    pub role: Vec<Role>,
    /// Only the entities in all the documents, in some but not all, that joined after the first, or that are gone from the last
    #[arg(long, value_enum, default_value_t)]
    pub only: Only,
    /// The order of the entities
    #[arg(long, value_enum, default_value_t)]
    pub sort: Order,
    /// What to print
    #[arg(long, value_enum, default_value_t)]
    pub format: CoalitionFormat,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum CoalitionFormat {
    /// The grid as text: a row per entity, a glyph per document
    #[default]
    Table,
    /// Long form: a row per entity and document (absent included)
    Csv,
    /// The CSV's rows, the documents, and each entity's first, last, joined, left and back
    Json,
    /// A bipartite network of documents and entities, dynamic over the documents' dates (Gephi)
    Gexf,
    /// The same network as GraphML (networkx, igraph, yEd, Cytoscape)
    Graphml,
}

pub const COALITION_HELP: &str = "\
Columns are documents in date order, oldest first, undated last; \"c.\" marks
a date the text implies. Each entity's role in a document is the first of
issuer, signatory, member, quoted, mentioned that it holds there, or absent.
--role sets the roles that count: an entity is listed if it has one of them
in a document, and its count, first, last, joined and left are read from
them; every row still gives the role it has.

csv columns: doc_id, date, date_inferred, entity_id, name, kind, role, roles
(every role it holds there, joined by +).

Examples:
  nkread coalition
  nkread coalition joint-letter-security-council-2015 icnk-crimes hrc55
  nkread coalition --role issuer,signatory,member --only in-all
  nkread coalition --kind organization --format csv > coalition.csv
  nkread coalition --format gexf > coalition.gexf     # open in Gephi
  nkread coalition --format graphml | python3 -c 'import sys, networkx as nx; print(nx.read_graphml(sys.stdin.buffer))'";

/// The value among `all` named `value` or, failing that, the only one
/// whose name starts with it.
fn one_of<T: Copy + Display>(value: &str, all: &[T], what: &str) -> Result<T, String> {
    let value = value.trim().to_lowercase();
    let exact = all.iter().find(|v| v.to_string() == value);
    let mut starting = all
        .iter()
        .filter(|v| !value.is_empty() && v.to_string().starts_with(&value));
    match (exact, starting.next(), starting.next()) {
        (Some(v), _, _) | (None, Some(v), None) => Ok(*v),
        _ => {
            let names: Vec<String> = all.iter().map(ToString::to_string).collect();
            Err(format!(
                "no {what} \"{value}\"; expected {}",
                names.join(", ")
            ))
        }
    }
}

fn kind(value: &str) -> Result<PersonKind, String> {
    one_of(value, &PersonKind::ALL, "kind")
}

fn role(value: &str) -> Result<Role, String> {
    one_of(value, &Role::ALL, "role")
}

/// The grid as the command lists it: the rows kept, each with its reading.
pub(super) struct Listed<'a> {
    corpus: &'a Corpus,
    grid: Coalition,
    rows: Vec<(usize, Reading)>,
}

impl Listed<'_> {
    fn doc(&self, column: usize) -> &Document {
        &self.corpus.documents[self.grid.docs()[column]]
    }
}

/// A document's date as the rows give it: the source's or the one its text
/// implies (empty if none), and whether it is implied.
fn date(doc: &Document) -> (String, bool) {
    let date = doc.sort_date().map(|d| d.to_string()).unwrap_or_default();
    (date, doc.date.is_none() && doc.inferred_date.is_some())
}

pub fn run(corpus: &Corpus, args: &CoalitionArgs) -> Result<Output, Failure> {
    let mut docs = Vec::new();
    for id in &args.docs {
        docs.push(find(corpus, id)?);
    }
    if args.docs.is_empty() {
        docs = (0..corpus.documents.len()).collect();
    }
    let grid = Coalition::new(corpus, &docs);
    let filter = RowFilter {
        kinds: args.kind.clone(),
        roles: match args.role.is_empty() {
            true => RowFilter::default().roles,
            false => args.role.iter().copied().collect(),
        },
        only: args.only,
        order: args.sort,
        ..RowFilter::default()
    };
    let rows = grid
        .rows(corpus, &filter)
        .into_iter()
        .map(|row| (row, grid.reading(row, filter.roles)))
        .collect();
    let listed = Listed { corpus, grid, rows };
    let note = listed.rows.is_empty().then(|| {
        "nkread: no organization or person fits; see `nkread coalition --help`".to_string()
    });
    let data = match args.format {
        CoalitionFormat::Table => table(&listed),
        CoalitionFormat::Csv => csv(&listed),
        CoalitionFormat::Json => to_json(&json(&listed)),
        CoalitionFormat::Gexf => network::gexf(&listed),
        CoalitionFormat::Graphml => network::graphml(&listed),
    };
    Ok(Output { data, note })
}

/// Where a row joined, left and came back, by the columns' dates.
fn changes(listed: &Listed, reading: &Reading) -> String {
    let said: Vec<String> = reading
        .changes
        .iter()
        .map(|c| format!("{} {}", c.kind.word(), listed.doc(c.column).shown_date()))
        .collect();
    said.join(", ")
}

/// The grid as text: the columns numbered with their dates and titles, the
/// legend, then a row per entity with a glyph per column.
fn table(listed: &Listed) -> String {
    let n = listed.grid.docs().len();
    let mut out = String::from("Documents, oldest first (\"c.\" marks a date the text implies):\n");
    let number = n.to_string().len();
    for column in 0..n {
        let doc = listed.doc(column);
        out.push_str(&format!(
            "  {:>number$}  {}  {}  {}\n",
            column + 1,
            pad(&doc.shown_date(), 10),
            doc.id,
            doc.shown_title()
        ));
    }
    let legend: Vec<String> = LEGEND.iter().map(|(g, m)| format!("{g} {m}")).collect();
    out.push_str(&format!("\n{}\n\n", legend.join("  ")));
    let names: Vec<&str> = listed
        .rows
        .iter()
        .map(|&(row, _)| {
            let entity = listed.grid.entity(row);
            listed.corpus.entities.get(entity).name.as_str()
        })
        .collect();
    let name_width = names.iter().map(|n| n.width()).max().unwrap_or(0).max(4);
    // A column's glyph under the last digit of its number.
    let cell = number + 1;
    let heads: String = (1..=n).map(|c| format!("{c:>cell$}")).collect();
    let count = format!("{n}/{n}").len().max(2);
    out.push_str(&format!(
        "{}{heads}  {}  {}  {}  changes\n",
        pad("name", name_width),
        pad("in", count),
        pad("first", 10),
        pad("last", 10)
    ));
    for (&(row, ref reading), name) in listed.rows.iter().zip(&names) {
        let cells: String = listed
            .grid
            .cells(row)
            .iter()
            .map(|roles| format!("{:>cell$}", roles.glyph()))
            .collect();
        let shown =
            |column: Option<usize>| column.map_or(String::new(), |c| listed.doc(c).shown_date());
        let line = format!(
            "{}{cells}  {}  {}  {}  {}",
            pad(name, name_width),
            pad(&format!("{}/{n}", reading.count), count),
            pad(&shown(reading.first), 10),
            pad(&shown(reading.last), 10),
            changes(listed, reading)
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// One row of the long form: an entity in one document.
#[derive(Serialize)]
struct Row<'a> {
    doc_id: &'a str,
    date: String,
    date_inferred: bool,
    entity_id: &'a str,
    name: &'a str,
    kind: String,
    /// The role the grid shows, or "absent".
    role: String,
    roles: Vec<String>,
}

fn long_rows<'a>(listed: &'a Listed) -> Vec<Row<'a>> {
    let mut rows = Vec::new();
    for &(row, _) in &listed.rows {
        let entity = listed.corpus.entities.get(listed.grid.entity(row));
        for (column, roles) in listed.grid.cells(row).iter().enumerate() {
            let doc = listed.doc(column);
            let (date, date_inferred) = date(doc);
            rows.push(Row {
                doc_id: &doc.id,
                date,
                date_inferred,
                entity_id: &entity.id,
                name: &entity.name,
                kind: entity.kind.to_string(),
                role: roles
                    .first()
                    .map_or("absent".to_string(), |r| r.to_string()),
                roles: roles.iter().map(|r| r.to_string()).collect(),
            });
        }
    }
    rows
}

/// A field as RFC 4180 writes it: quoted where it holds a comma, a quote
/// or a line break, its quotes doubled.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn csv(listed: &Listed) -> String {
    let mut out = String::from("doc_id,date,date_inferred,entity_id,name,kind,role,roles\r\n");
    for row in long_rows(listed) {
        let fields = [
            field(row.doc_id),
            field(&row.date),
            row.date_inferred.to_string(),
            field(row.entity_id),
            field(row.name),
            row.kind,
            row.role,
            row.roles.join("+"),
        ];
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

#[derive(Serialize)]
struct Json<'a> {
    documents: Vec<JsonDocument<'a>>,
    rows: Vec<Row<'a>>,
    entities: Vec<JsonEntity<'a>>,
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    doc_id: &'a str,
    title: String,
    kind: String,
    date: String,
    date_inferred: bool,
}

/// An entity along the columns: documents by id.
#[derive(Serialize)]
struct JsonEntity<'a> {
    entity_id: &'a str,
    name: &'a str,
    kind: String,
    /// In how many of the `of` documents it is.
    r#in: usize,
    of: usize,
    first: Option<&'a str>,
    last: Option<&'a str>,
    /// The first document it is in, when that is not the first column.
    joined: Option<&'a str>,
    /// Each document it is absent from after being in the one before.
    left: Vec<&'a str>,
    /// Each document it is in again after an absence.
    back: Vec<&'a str>,
}

fn json<'a>(listed: &'a Listed) -> Json<'a> {
    let n = listed.grid.docs().len();
    let id = |column: usize| listed.doc(column).id.as_str();
    let documents = (0..n)
        .map(|column| {
            let doc = listed.doc(column);
            let (date, date_inferred) = date(doc);
            JsonDocument {
                doc_id: &doc.id,
                title: doc.shown_title(),
                kind: doc.kind.to_string(),
                date,
                date_inferred,
            }
        })
        .collect();
    let entities = listed
        .rows
        .iter()
        .map(|(row, reading)| {
            let entity = listed.corpus.entities.get(listed.grid.entity(*row));
            let at = |kind: ChangeKind| {
                reading
                    .changes
                    .iter()
                    .filter(move |c| c.kind == kind)
                    .map(|c| id(c.column))
            };
            JsonEntity {
                entity_id: &entity.id,
                name: &entity.name,
                kind: entity.kind.to_string(),
                r#in: reading.count,
                of: n,
                first: reading.first.map(id),
                last: reading.last.map(id),
                joined: at(ChangeKind::Joined).next(),
                left: at(ChangeKind::Left).collect(),
                back: at(ChangeKind::Returned).collect(),
            }
        })
        .collect();
    Json {
        documents,
        rows: long_rows(listed),
        entities,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_field_is_quoted_only_where_it_must_be() {
        assert_eq!(field("Amnesty International"), "Amnesty International");
        assert_eq!(field("Asia, Pacific"), "\"Asia, Pacific\"");
        assert_eq!(field("the \"Group\""), "\"the \"\"Group\"\"\"");
    }

    #[test]
    fn kinds_and_roles_are_named_in_full_or_by_a_prefix_only_they_have() {
        assert_eq!(kind("org"), Ok(PersonKind::Organization));
        assert_eq!(role("Signatory"), Ok(Role::Signatory));
        assert_eq!(
            role("m").unwrap_err(),
            "no role \"m\"; expected issuer, signatory, member, quoted, mentioned"
        );
        assert!(kind("").is_err());
    }
}
