//! `nkread coalition` end to end: each format read back by a real
//! consumer (the csv crate, an XML parser, networkx where it is installed),
//! and the command's errors.

mod common;

use common::home::nkread;
use predicates::prelude::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::process::Command;

/// The documents of the question: the 2015 and 2024 letters and
/// the ICNK's release of 2017, given here out of date order.
const THREE: [&str; 3] = [
    "hrc55-open-letter-2024",
    "joint-letter-security-council-2015",
    "icnk-crimes-against-humanity-demand-justice-2017",
];

fn run(args: &[&str]) -> String {
    let out = nkread()
        .arg("coalition")
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("UTF-8")
}

/// Every (entity id, document id) pair the three documents list, with the
/// roles there, from `nkread show --json`.
fn entries() -> BTreeMap<(String, String), BTreeSet<String>> {
    let corpus = nkread::corpus::Corpus::load(&[]).expect("loads");
    let mut pairs: BTreeMap<(String, String), BTreeSet<String>> = BTreeMap::new();
    for id in THREE {
        let doc = corpus.get(id).expect("bundled");
        for p in &doc.people {
            let entity = corpus.entity_of(p).id.clone();
            pairs
                .entry((entity, id.to_string()))
                .or_default()
                .insert(p.role.to_string());
        }
    }
    pairs
}

#[test]
fn the_table_numbers_the_documents_by_date_and_gives_a_glyph_per_document() {
    let out = run(&THREE);
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[1].contains("c. 2015") && lines[1].contains("joint-letter-security-council-2015")
    );
    assert!(lines[2].contains("2017-03-07"));
    assert!(lines[3].contains("c. 2024"));
    assert!(out.contains("◆ issuer  ● signatory  ○ member  “ quoted  ~ mentioned  · absent"));
    let csw = lines
        .iter()
        .find(|l| l.starts_with("Christian Solidarity Worldwide "))
        .expect("CSW has a row");
    assert!(csw.contains(" ● ○ ●  3/3 "), "{csw}");
    let freedom = lines
        .iter()
        .find(|l| l.starts_with("Freedom House "))
        .expect("Freedom House has a row");
    assert!(freedom.contains("2/3"), "{freedom}");
}

#[test]
fn csv_reads_back_with_a_row_per_entity_and_document_and_every_entry_in_it() {
    let out = run(&[&["--format", "csv"][..], &THREE].concat());
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        headers,
        [
            "doc_id",
            "date",
            "date_inferred",
            "entity_id",
            "name",
            "kind",
            "role",
            "roles"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a CSV row")).collect();
    let entries = entries();
    let entities: BTreeSet<&String> = entries.keys().map(|(e, _)| e).collect();
    assert_eq!(
        rows.len(),
        entities.len() * 3,
        "a row per entity and document"
    );
    let mut seen = BTreeMap::new();
    for row in &rows {
        let pair = (row[3].to_string(), row[0].to_string());
        let roles: BTreeSet<String> = row[7]
            .split('+')
            .filter(|r| !r.is_empty())
            .map(String::from)
            .collect();
        match entries.get(&pair) {
            Some(expected) => {
                assert_eq!(&roles, expected, "{pair:?}");
                assert!(expected.contains(&row[6]), "{pair:?}: {}", &row[6]);
            }
            None => assert_eq!((&row[6], roles.len()), ("absent", 0), "{pair:?}"),
        }
        assert!(seen.insert(pair, ()).is_none(), "one row per pair");
        match &row[0] {
            "joint-letter-security-council-2015" => {
                assert_eq!((&row[1], &row[2]), ("2015", "true"))
            }
            "icnk-crimes-against-humanity-demand-justice-2017" => {
                assert_eq!((&row[1], &row[2]), ("2017-03-07", "false"))
            }
            _ => assert_eq!((&row[1], &row[2]), ("2024", "true")),
        }
    }
    // A name with a comma survives the round trip.
    let all = run(&["--format", "csv"]);
    let names: Vec<String> = csv::Reader::from_reader(all.as_bytes())
        .records()
        .map(|r| r.unwrap()[4].to_string())
        .collect();
    let listed = nkread::corpus::Corpus::load(&[]).unwrap();
    for doc in &listed.documents {
        for p in &doc.people {
            assert!(names.contains(&listed.entity_of(p).name), "{}", p.name);
        }
    }
}

#[test]
fn json_holds_the_rows_and_each_entity_s_first_last_joined_and_left() {
    let out = run(&[&["--format", "json"][..], &THREE].concat());
    let json: Value = serde_json::from_str(&out).expect("JSON");
    let docs: Vec<&str> = json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["doc_id"].as_str().unwrap())
        .collect();
    assert_eq!(
        docs,
        [
            "joint-letter-security-council-2015",
            "icnk-crimes-against-humanity-demand-justice-2017",
            "hrc55-open-letter-2024"
        ]
    );
    let entities = json["entities"].as_array().unwrap();
    assert_eq!(json["rows"].as_array().unwrap().len(), entities.len() * 3);
    let named = |id: &str| {
        entities
            .iter()
            .find(|e| e["entity_id"] == id)
            .unwrap_or_else(|| panic!("no {id}"))
    };
    let csw = named("christian-solidarity-worldwide");
    assert_eq!((csw["in"].as_u64(), csw["of"].as_u64()), (Some(3), Some(3)));
    assert_eq!(csw["first"], "joint-letter-security-council-2015");
    assert_eq!(csw["last"], "hrc55-open-letter-2024");
    assert_eq!(
        (csw["joined"].clone(), csw["left"].clone()),
        (Value::Null, serde_json::json!([]))
    );
    // Freedom House signed in 2015, was an ICNK member in 2017 and is not
    // among the 2024 letter's signatories; HanVoice joined in 2017.
    let freedom = named("freedom-house");
    assert_eq!(
        freedom["last"],
        "icnk-crimes-against-humanity-demand-justice-2017"
    );
    assert_eq!(
        freedom["left"],
        serde_json::json!(["hrc55-open-letter-2024"])
    );
    let hanvoice = named("hanvoice");
    assert_eq!(
        hanvoice["joined"],
        "icnk-crimes-against-humanity-demand-justice-2017"
    );
    assert_eq!(
        hanvoice["first"],
        "icnk-crimes-against-humanity-demand-justice-2017"
    );
    for entity in entities {
        let k = entity["in"].as_u64().unwrap();
        assert!((1..=3).contains(&k), "{entity}");
        for field in ["left", "back"] {
            assert!(entity[field].is_array(), "{entity}");
        }
    }
}

#[test]
fn only_those_who_signed_all_three_is_one_command() {
    let out = run(&[
        &[
            "--role",
            "issuer,signatory,member",
            "--only",
            "in-all",
            "--format",
            "csv",
        ][..],
        &THREE,
    ]
    .concat());
    let ids: BTreeSet<String> = csv::Reader::from_reader(out.as_bytes())
        .records()
        .map(|r| r.unwrap()[3].to_string())
        .collect();
    assert!(ids.contains("christian-solidarity-worldwide"), "{ids:?}");
    assert!(ids.contains("human-rights-watch"), "{ids:?}");
    assert!(!ids.contains("amnesty-international"), "{ids:?}");
    // Quoted in all three counts for nothing here.
    assert!(!ids.contains("commission-of-inquiry"), "{ids:?}");
}

/// Attribute values of `node` by their declared names (GEXF attvalues).
fn attvalues<'a>(node: roxmltree::Node<'a, 'a>) -> BTreeMap<&'a str, &'a str> {
    node.descendants()
        .filter(|n| n.has_tag_name("attvalue"))
        .map(|n| (n.attribute("for").unwrap(), n.attribute("value").unwrap()))
        .collect()
}

#[test]
fn gexf_is_a_dynamic_bipartite_network_with_role_and_date_on_each_edge() {
    let out = run(&[&["--format", "gexf"][..], &THREE].concat());
    let xml = roxmltree::Document::parse(&out).expect("well-formed XML");
    let root = xml.root_element();
    assert_eq!(root.tag_name().namespace(), Some("http://gexf.net/1.3"));
    let graph = root.children().find(|n| n.has_tag_name("graph")).unwrap();
    assert_eq!(graph.attribute("mode"), Some("dynamic"));
    assert_eq!(graph.attribute("timeformat"), Some("date"));
    let nodes: Vec<_> = xml
        .descendants()
        .filter(|n| n.has_tag_name("node"))
        .collect();
    let edges: Vec<_> = xml
        .descendants()
        .filter(|n| n.has_tag_name("edge"))
        .collect();
    let entries = entries();
    let entities: BTreeSet<&String> = entries.keys().map(|(e, _)| e).collect();
    assert_eq!(nodes.len(), 3 + entities.len());
    assert_eq!(edges.len(), entries.len());
    let ids: BTreeSet<&str> = nodes.iter().map(|n| n.attribute("id").unwrap()).collect();
    for edge in &edges {
        assert!(ids.contains(edge.attribute("source").unwrap()));
        assert!(ids.contains(edge.attribute("target").unwrap()));
        let values = attvalues(*edge);
        assert!(["issuer", "signatory", "member", "quoted", "mentioned"].contains(&values["role"]));
        let (start, end) = (
            edge.attribute("start").unwrap(),
            edge.attribute("end").unwrap(),
        );
        match values["date"] {
            "2015" => assert_eq!((start, end), ("2015-01-01", "2015-12-31")),
            "2017-03-07" => assert_eq!((start, end), ("2017-03-07", "2017-03-07")),
            other => assert_eq!(other, "2024"),
        }
    }
    let hanvoice = nodes
        .iter()
        .find(|n| n.attribute("id") == Some("e:hanvoice"))
        .unwrap();
    assert_eq!(hanvoice.attribute("start"), Some("2017-03-07"));
    assert_eq!(attvalues(*hanvoice)["type"], "entity");
}

#[test]
fn graphml_is_the_same_network() {
    let out = run(&[&["--format", "graphml"][..], &THREE].concat());
    let xml = roxmltree::Document::parse(&out).expect("well-formed XML");
    assert_eq!(
        xml.root_element().tag_name().namespace(),
        Some("http://graphml.graphdrawing.org/xmlns")
    );
    let entries = entries();
    let edges: Vec<_> = xml
        .descendants()
        .filter(|n| n.has_tag_name("edge"))
        .collect();
    assert_eq!(edges.len(), entries.len());
    let keys: BTreeSet<&str> = xml
        .descendants()
        .filter(|n| n.has_tag_name("key"))
        .map(|n| n.attribute("id").unwrap())
        .collect();
    for data in xml.descendants().filter(|n| n.has_tag_name("data")) {
        assert!(keys.contains(data.attribute("key").unwrap()));
    }
    for edge in edges {
        let role = edge
            .children()
            .find(|n| n.attribute("key") == Some("role"))
            .and_then(|n| n.text())
            .unwrap();
        let source = edge.attribute("source").unwrap().trim_start_matches("e:");
        let target = edge.attribute("target").unwrap().trim_start_matches("d:");
        assert!(entries[&(source.to_string(), target.to_string())].contains(role));
    }
}

/// networkx reads both networks: the same nodes, edges and roles. Skipped,
/// with a message, where python3 or networkx is not installed.
#[test]
fn networkx_reads_the_gexf_and_the_graphml() {
    let probe = Command::new("python3")
        .args(["-c", "import networkx"])
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: python3 with networkx is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let entries = entries();
    let entities: BTreeSet<&String> = entries.keys().map(|(e, _)| e).collect();
    for (format, read) in [("gexf", "read_gexf"), ("graphml", "read_graphml")] {
        let path = dir.path().join(format!("coalition.{format}"));
        std::fs::write(&path, run(&[&["--format", format][..], &THREE].concat())).unwrap();
        let script = format!(
            "import json, sys, networkx as nx\n\
             from networkx.algorithms import bipartite\n\
             g = nx.{read}(sys.argv[1])\n\
             docs = {{n for n, d in g.nodes(data=True) if d.get('bipartite') in (0, '0')}}\n\
             roles = sorted(d['role'] for _, _, d in g.edges(data=True))\n\
             print(json.dumps({{'nodes': g.number_of_nodes(), 'edges': g.number_of_edges(), \
             'docs': len(docs), 'bipartite': bipartite.is_bipartite_node_set(g, docs), \
             'roles': roles}}))\n"
        );
        let out = Command::new("python3")
            .args(["-c", &script])
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let read: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(read["nodes"], 3 + entities.len(), "{format}");
        assert_eq!(read["edges"], entries.len(), "{format}");
        assert_eq!(read["docs"], 3, "{format}");
        assert_eq!(read["bipartite"], true, "{format}");
        // Each edge's role is the first its entity holds there.
        let mut roles: Vec<String> = entries
            .values()
            .map(|held| {
                let first = nkread::corpus::Role::ALL
                    .into_iter()
                    .find(|r| held.contains(&r.to_string()));
                first.unwrap().to_string()
            })
            .collect();
        roles.sort();
        assert_eq!(read["roles"], serde_json::json!(roles), "{format}");
    }
}

#[test]
fn errors_name_what_is_wrong_and_exit_2() {
    let fails = |args: &[&str], says: &str| {
        nkread()
            .arg("coalition")
            .args(args)
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(says));
    };
    fails(
        &["hrc55", "no-such-letter"],
        "no document with id \"no-such-letter\"",
    );
    fails(&["icnk"], "\"icnk\" starts 2 document ids");
    fails(&["--role", "signer"], "no role \"signer\"");
    fails(&["--kind", "company"], "no kind \"company\"");
    fails(&["--format", "pdf"], "pdf");
    fails(&["--only", "some"], "some");
    // Nothing fits: a note, and an empty grid, not an error.
    nkread()
        .args(["coalition", "--kind", "state", "--format", "csv"])
        .assert()
        .success()
        .stderr(predicate::str::contains("no organization or person fits"));
}
