//! The coalition as a bipartite network: a node per document and per
//! entity, an edge where an entity is in a document, with its role and the
//! document's date. GEXF is dynamic over the dates, so that Gephi's
//! timeline plays the coalition over the years; GraphML is for networkx,
//! igraph, yEd and Cytoscape.

use super::{Listed, date};
use crate::corpus::{Document, PartialDate};
use std::fmt::Write;

/// Text for an XML attribute or element: the five special characters
/// escaped, line breaks kept as references, and characters XML 1.0 cannot
/// hold left out.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\t' => out.push_str("&#9;"),
            c if c.is_control() || matches!(c, '\u{fffe}' | '\u{ffff}') => {}
            c => out.push(c),
        }
    }
    out
}

fn doc_node(doc: &Document) -> String {
    format!("d:{}", doc.id)
}

fn entity_node(id: &str) -> String {
    format!("e:{id}")
}

/// The days a date may mean, first and last, as GEXF's `date` time format
/// writes them: "2015" is 2015-01-01 to 2015-12-31.
fn interval(date: PartialDate) -> (String, String) {
    let year = date.year;
    let (first_month, last_month) = date.month.map_or((1, 12), |m| (m, m));
    let first_day = date.day.unwrap_or(1);
    let last_day = date.day.unwrap_or_else(|| last_day(year, last_month));
    (
        format!("{year:04}-{first_month:02}-{first_day:02}"),
        format!("{year:04}-{last_month:02}-{last_day:02}"),
    )
}

/// The last day of a month: the latest the corpus's dates may name.
fn last_day(year: u16, month: u8) -> u8 {
    (28..=31)
        .rev()
        .find(|d| {
            format!("{year:04}-{month:02}-{d:02}")
                .parse::<PartialDate>()
                .is_ok()
        })
        .unwrap_or(28)
}

/// ` start="…" end="…"` for a document's date, or nothing for none.
fn spell(doc: &Document) -> String {
    doc.sort_date().map_or(String::new(), |d| {
        let (start, end) = interval(d);
        format!(" start=\"{start}\" end=\"{end}\"")
    })
}

/// GEXF 1.3, dynamic: each document and edge lasts over its document's
/// date; an entity starts with its first dated document and stays.
pub(super) fn gexf(listed: &Listed) -> String {
    let mut out = String::new();
    out.push_str(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ",
        "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n",
        "  <meta>\n    <creator>nkread</creator>\n",
        "    <description>Who stood with whom: documents and the organizations and people in them</description>\n",
        "  </meta>\n",
        "  <graph mode=\"dynamic\" defaultedgetype=\"undirected\" timeformat=\"date\" timerepresentation=\"interval\">\n",
        "    <attributes class=\"node\" mode=\"static\">\n",
        "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n",
        "      <attribute id=\"bipartite\" title=\"bipartite\" type=\"integer\"/>\n",
        "      <attribute id=\"kind\" title=\"kind\" type=\"string\"/>\n",
        "      <attribute id=\"date\" title=\"date\" type=\"string\"/>\n",
        "      <attribute id=\"date_inferred\" title=\"date_inferred\" type=\"boolean\"/>\n",
        "    </attributes>\n",
        "    <attributes class=\"edge\" mode=\"static\">\n",
        "      <attribute id=\"role\" title=\"role\" type=\"string\"/>\n",
        "      <attribute id=\"roles\" title=\"roles\" type=\"string\"/>\n",
        "      <attribute id=\"date\" title=\"date\" type=\"string\"/>\n",
        "      <attribute id=\"date_inferred\" title=\"date_inferred\" type=\"boolean\"/>\n",
        "    </attributes>\n",
        "    <nodes>\n",
    ));
    let att = |out: &mut String, name: &str, value: &str| {
        let _ = writeln!(
            out,
            "          <attvalue for=\"{name}\" value=\"{}\"/>",
            xml(value)
        );
    };
    for column in 0..listed.grid.docs().len() {
        let doc = listed.doc(column);
        let (date, inferred) = date(doc);
        let _ = writeln!(
            out,
            "      <node id=\"{}\" label=\"{}\"{}>\n        <attvalues>",
            xml(&doc_node(doc)),
            xml(&doc.shown_title()),
            spell(doc)
        );
        att(&mut out, "type", "document");
        att(&mut out, "bipartite", "0");
        att(&mut out, "kind", &doc.kind.to_string());
        att(&mut out, "date", &date);
        att(&mut out, "date_inferred", &inferred.to_string());
        out.push_str("        </attvalues>\n      </node>\n");
    }
    for (row, _) in &listed.rows {
        let entity = listed.corpus.entities.get(listed.grid.entity(*row));
        // Columns run oldest first: the first dated one it is in.
        let start = listed
            .grid
            .cells(*row)
            .iter()
            .enumerate()
            .filter(|(_, roles)| !roles.is_empty())
            .find_map(|(c, _)| listed.doc(c).sort_date())
            .map_or(String::new(), |d| format!(" start=\"{}\"", interval(d).0));
        let _ = writeln!(
            out,
            "      <node id=\"{}\" label=\"{}\"{start}>\n        <attvalues>",
            xml(&entity_node(&entity.id)),
            xml(&entity.name)
        );
        att(&mut out, "type", "entity");
        att(&mut out, "bipartite", "1");
        att(&mut out, "kind", &entity.kind.to_string());
        out.push_str("        </attvalues>\n      </node>\n");
    }
    out.push_str("    </nodes>\n    <edges>\n");
    let mut id = 0;
    for (row, _) in &listed.rows {
        let entity = listed.corpus.entities.get(listed.grid.entity(*row));
        for (column, roles) in listed.grid.cells(*row).iter().enumerate() {
            let Some(role) = roles.first() else { continue };
            let doc = listed.doc(column);
            let (date, inferred) = date(doc);
            let _ = writeln!(
                out,
                "      <edge id=\"{id}\" source=\"{}\" target=\"{}\"{}>\n        <attvalues>",
                xml(&entity_node(&entity.id)),
                xml(&doc_node(doc)),
                spell(doc)
            );
            att(&mut out, "role", &role.to_string());
            att(&mut out, "roles", &roles.to_string());
            att(&mut out, "date", &date);
            att(&mut out, "date_inferred", &inferred.to_string());
            out.push_str("        </attvalues>\n      </edge>\n");
            id += 1;
        }
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

/// GraphML: the same nodes and edges, the dates as attributes.
pub(super) fn graphml(listed: &Listed) -> String {
    let mut out = String::new();
    out.push_str(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" ",
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ",
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns ",
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
        "  <key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n",
        "  <key id=\"type\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>\n",
        "  <key id=\"bipartite\" for=\"node\" attr.name=\"bipartite\" attr.type=\"int\"/>\n",
        "  <key id=\"kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n",
        "  <key id=\"node_date\" for=\"node\" attr.name=\"date\" attr.type=\"string\"/>\n",
        "  <key id=\"node_date_inferred\" for=\"node\" attr.name=\"date_inferred\" attr.type=\"boolean\"/>\n",
        "  <key id=\"role\" for=\"edge\" attr.name=\"role\" attr.type=\"string\"/>\n",
        "  <key id=\"roles\" for=\"edge\" attr.name=\"roles\" attr.type=\"string\"/>\n",
        "  <key id=\"date\" for=\"edge\" attr.name=\"date\" attr.type=\"string\"/>\n",
        "  <key id=\"date_inferred\" for=\"edge\" attr.name=\"date_inferred\" attr.type=\"boolean\"/>\n",
        "  <graph id=\"coalition\" edgedefault=\"undirected\">\n",
    ));
    let data = |out: &mut String, key: &str, value: &str| {
        let _ = writeln!(out, "      <data key=\"{key}\">{}</data>", xml(value));
    };
    for column in 0..listed.grid.docs().len() {
        let doc = listed.doc(column);
        let (date, inferred) = date(doc);
        let _ = writeln!(out, "    <node id=\"{}\">", xml(&doc_node(doc)));
        data(&mut out, "label", &doc.shown_title());
        data(&mut out, "type", "document");
        data(&mut out, "bipartite", "0");
        data(&mut out, "kind", &doc.kind.to_string());
        data(&mut out, "node_date", &date);
        data(&mut out, "node_date_inferred", &inferred.to_string());
        out.push_str("    </node>\n");
    }
    for (row, _) in &listed.rows {
        let entity = listed.corpus.entities.get(listed.grid.entity(*row));
        let _ = writeln!(out, "    <node id=\"{}\">", xml(&entity_node(&entity.id)));
        data(&mut out, "label", &entity.name);
        data(&mut out, "type", "entity");
        data(&mut out, "bipartite", "1");
        data(&mut out, "kind", &entity.kind.to_string());
        out.push_str("    </node>\n");
    }
    for (row, _) in &listed.rows {
        let entity = listed.corpus.entities.get(listed.grid.entity(*row));
        for (column, roles) in listed.grid.cells(*row).iter().enumerate() {
            let Some(role) = roles.first() else { continue };
            let doc = listed.doc(column);
            let (date, inferred) = date(doc);
            let _ = writeln!(
                out,
                "    <edge source=\"{}\" target=\"{}\">",
                xml(&entity_node(&entity.id)),
                xml(&doc_node(doc))
            );
            data(&mut out, "role", &role.to_string());
            data(&mut out, "roles", &roles.to_string());
            data(&mut out, "date", &date);
            data(&mut out, "date_inferred", &inferred.to_string());
            out.push_str("    </edge>\n");
        }
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_partial_date_lasts_the_days_it_may_mean() {
        let at = |s: &str| interval(s.parse().unwrap());
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(at("2015"), pair("2015-01-01", "2015-12-31"));
        assert_eq!(at("2024-02"), pair("2024-02-01", "2024-02-29"));
        assert_eq!(at("2014-11"), pair("2014-11-01", "2014-11-30"));
        assert_eq!(at("2017-03-07"), pair("2017-03-07", "2017-03-07"));
    }

    #[test]
    fn xml_text_escapes_what_it_must_and_drops_what_it_cannot_hold() {
        assert_eq!(
            xml("A & B <\"C\"> 'd'"),
            "A &amp; B &lt;&quot;C&quot;&gt; &apos;d&apos;"
        );
        assert_eq!(xml("a\u{1}b\nc"), "ab&#10;c");
    }
}
