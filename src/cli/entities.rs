//! The `people` and `check` commands' output: the organizations and people
//! as a list, one of them with its documents and passages, those a set of
//! documents share, and the corpus check's warnings.

use super::format::{block, table, to_json};
use super::{Failure, Output, find};
use crate::corpus::{Corpus, EntityId, LISTED_PER_ENTITY, clean_line, look_alikes};
use crate::people::{Lookup, PeopleIndex, SortBy};
use serde::Serialize;
use std::fmt::Write;

#[derive(Serialize)]
struct EntityRow<'a> {
    entity: &'a str,
    name: &'a str,
    kind: String,
    aliases: &'a [String],
    documents: Vec<DocumentRole<'a>>,
}

/// One role in one document: an entity with two roles in a document has
/// two of these.
#[derive(Serialize)]
struct DocumentRole<'a> {
    doc: &'a str,
    role: String,
}

#[derive(Serialize)]
struct EntityDetail<'a> {
    #[serde(flatten)]
    row: EntityRow<'a>,
    acronyms: &'a [String],
    passages: Vec<PassageRow<'a>>,
}

#[derive(Serialize)]
struct PassageRow<'a> {
    doc: &'a str,
    n: usize,
    text: &'a str,
}

/// An entity and its roles, in every document or only in `docs`.
fn row<'a>(
    corpus: &'a Corpus,
    index: &PeopleIndex,
    e: EntityId,
    docs: Option<&[usize]>,
) -> EntityRow<'a> {
    let entity = corpus.entities.get(e);
    EntityRow {
        entity: &entity.id,
        name: &entity.name,
        kind: entity.kind.to_string(),
        aliases: &entity.aliases,
        documents: index
            .appearances(e)
            .iter()
            .filter(|a| docs.is_none_or(|docs| docs.contains(&a.doc)))
            .flat_map(|a| {
                a.roles.iter().map(|role| DocumentRole {
                    doc: &corpus.documents[a.doc].id,
                    role: role.to_string(),
                })
            })
            .collect(),
    }
}

/// `nkread people`: one line per entity: id, kind, number of documents, name.
pub(super) fn list(
    corpus: &Corpus,
    index: &PeopleIndex,
    sort: SortBy,
    json: bool,
    width: Option<usize>,
) -> Output {
    let entities = index.entities(sort);
    if json {
        let rows: Vec<EntityRow> = entities
            .iter()
            .map(|&e| row(corpus, index, e, None))
            .collect();
        return to_json(&rows).into();
    }
    let rows: Vec<[String; 4]> = entities
        .iter()
        .map(|&e| {
            let entity = corpus.entities.get(e);
            [
                entity.id.clone(),
                entity.kind.to_string(),
                index.appearances(e).len().to_string(),
                entity.name.clone(),
            ]
        })
        .collect();
    table(&rows, width).into()
}

/// `nkread people --shared ID…`: the entities common to the documents, with
/// their roles in each, in the order the ids are given.
pub(super) fn shared(
    corpus: &Corpus,
    index: &PeopleIndex,
    ids: &[String],
    sort: SortBy,
    json: bool,
    width: Option<usize>,
) -> Result<Output, Failure> {
    let mut docs = Vec::new();
    for id in ids {
        let d = find(corpus, id)?;
        if !docs.contains(&d) {
            docs.push(d);
        }
    }
    if docs.len() < 2 {
        return Err(Failure::input(
            "nkread: --shared needs two or more different documents",
        ));
    }
    let mut shared = index.overlap(&docs).shared;
    index.sort(&mut shared, sort);
    let data = if json {
        let rows: Vec<EntityRow> = shared
            .iter()
            .map(|&e| row(corpus, index, e, Some(&docs)))
            .collect();
        to_json(&rows)
    } else {
        let rows: Vec<[String; 4]> = shared
            .iter()
            .map(|&e| {
                let entity = corpus.entities.get(e);
                let roles: Vec<String> = docs
                    .iter()
                    .map(|&d| {
                        let here = index.appearances(e).iter().find(|a| a.doc == d);
                        let roles = here.map(|a| a.roles.iter().map(ToString::to_string));
                        roles.into_iter().flatten().collect::<Vec<_>>().join("+")
                    })
                    .collect();
                [
                    entity.id.clone(),
                    entity.kind.to_string(),
                    roles.join(" / "),
                    entity.name.clone(),
                ]
            })
            .collect();
        table(&rows, width)
    };
    let note = shared
        .is_empty()
        .then(|| "nkread: those documents share no organization or person".to_string());
    Ok(Output { data, note })
}

/// Names of entities for a message, at most `max` of them.
fn names(corpus: &Corpus, entities: &[EntityId], max: usize) -> String {
    let mut names: Vec<&str> = entities
        .iter()
        .take(max)
        .map(|&e| corpus.entities.get(e).name.as_str())
        .collect();
    if entities.len() > max {
        names.push("…");
    }
    names.join("; ")
}

/// `nkread people NAME`: the entity, then each document it appears in or is
/// named in, newest first (id, date, title), with its people entries there
/// and the passages that name it, each starting "  [n]".
pub(super) fn one(
    corpus: &Corpus,
    index: &PeopleIndex,
    query: &str,
    json: bool,
    width: Option<usize>,
) -> Result<Output, Failure> {
    let query_shown = clean_line(query);
    let e = match index.lookup(corpus, query) {
        Lookup::Found(e) => e,
        Lookup::Ambiguous(fit) => {
            return Err(Failure::input(format!(
                "nkread: \"{query_shown}\" fits {} organizations and people: {}; say more of the name (see `nkread people`)",
                fit.len(),
                names(corpus, &fit, 10)
            )));
        }
        Lookup::NotFound(closest) if closest.is_empty() => {
            return Err(Failure::input(format!(
                "nkread: no organization or person matches \"{query_shown}\" (see `nkread people`)"
            )));
        }
        Lookup::NotFound(closest) => {
            return Err(Failure::input(format!(
                "nkread: no organization or person matches \"{query_shown}\"; the closest names are: {} (see `nkread people`)",
                names(corpus, &closest, 3)
            )));
        }
    };
    let entity = corpus.entities.get(e);
    let passages = index.passages_of(corpus, e);
    if json {
        let detail = EntityDetail {
            row: row(corpus, index, e, None),
            acronyms: &entity.acronyms,
            passages: passages
                .iter()
                .map(|p| {
                    let doc = &corpus.documents[p.doc()];
                    PassageRow {
                        doc: &doc.id,
                        n: p.paragraph() + 1,
                        text: &doc.paragraphs[p.paragraph()],
                    }
                })
                .collect(),
        };
        return Ok(to_json(&detail).into());
    }
    let mut out = block(&entity.name, width, "", "");
    const LABEL: usize = 11;
    let mut field = |name: &str, value: &str| {
        let label = format!("{:<LABEL$}", format!("{name}:"));
        out.push_str(&block(value, width, &label, &" ".repeat(LABEL)));
    };
    field("id", &entity.id);
    field("kind", &entity.kind.to_string());
    if !entity.aliases.is_empty() {
        field("aliases", &entity.aliases.join("; "));
    }
    if !entity.acronyms.is_empty() {
        field("acronyms", &entity.acronyms.join(", "));
    }
    let listed = index.appearances(e);
    let mut named_only: Vec<usize> = passages
        .iter()
        .map(|p| p.doc())
        .filter(|&d| !listed.iter().any(|a| a.doc == d))
        .collect();
    named_only.dedup();
    let mut documents = listed.len().to_string();
    if !named_only.is_empty() {
        documents.push_str(&format!(", and named in {} more", named_only.len()));
    }
    field("documents", &documents);
    for d in corpus.newest_first() {
        let appearance = index.appearances(e).iter().find(|a| a.doc == d);
        let named: Vec<usize> = passages
            .iter()
            .filter(|p| p.doc() == d)
            .map(|p| p.paragraph())
            .collect();
        if appearance.is_none() && named.is_empty() {
            continue;
        }
        let doc = &corpus.documents[d];
        out.push('\n');
        // Only passages start with "  [": a supplied title's bracket is on
        // the document's own line.
        let heading = format!("{}  {}  {}", doc.id, doc.shown_date(), doc.shown_title());
        out.push_str(&block(&heading, width, "", "  "));
        match appearance {
            Some(a) => {
                for &i in &a.people {
                    let person = &doc.people[i];
                    let line = format!("{}: {}", person.role, person.line());
                    out.push_str(&block(&line, width, "  ", "      "));
                }
            }
            None => out.push_str(&block(
                "named in the text, not among its people",
                width,
                "  ",
                "  ",
            )),
        }
        let marker = format!("[{}] ", doc.paragraphs.len()).len();
        for p in named {
            let first = format!("  {:<marker$}", format!("[{}]", p + 1));
            let rest = " ".repeat(2 + marker);
            out.push_str(&block(&doc.paragraphs[p], width, &first, &rest));
        }
    }
    Ok(out.into())
}

/// `nkread check`, once the corpus has loaded: one line per warning, and a
/// summary for stderr.
pub(super) fn check(corpus: &Corpus) -> Output {
    let index = PeopleIndex::new(corpus);
    let whereabouts = |e: EntityId| {
        let docs: Vec<&str> = index
            .appearances(e)
            .iter()
            .map(|a| corpus.documents[a.doc].id.as_str())
            .collect();
        let id = &corpus.entities.get(e).id;
        if docs.is_empty() {
            format!("{id}, in no document")
        } else {
            format!("{id}, in {}", docs.join(", "))
        }
    };
    // Written as found: a corpus of numbered names has millions.
    let mut data = String::new();
    let mut warnings = 0usize;
    let found = look_alikes(corpus, |d| {
        let ([a, b], [x, y]) = (d.entities, d.names);
        let _ = writeln!(
            data,
            "warning: \"{x}\" ({}) and \"{y}\" ({}) are different entities, {}",
            whereabouts(a),
            whereabouts(b),
            d.likeness
        );
        warnings += 1;
    });
    for (e, entity) in corpus.entities.all().iter().enumerate() {
        if entity.curated && index.appearances(e).is_empty() {
            let _ = writeln!(
                data,
                "warning: entity \"{}\" of an entities file is in no document",
                entity.id
            );
            warnings += 1;
        }
    }
    // An author's name a reference manager would get whole.
    for doc in &corpus.documents {
        for person in crate::cite::authors(doc) {
            if let Some(why) = crate::cite::names::unsplit(person) {
                let _ = writeln!(
                    data,
                    "warning: {}: \"{}\" ({}): {why}",
                    doc.id, person.name, person.role
                );
                warnings += 1;
            }
        }
    }
    let count = match warnings {
        0 => "no warnings".to_string(),
        1 => "1 warning".to_string(),
        n => format!("{n} warnings"),
    };
    let more = match found.cut_short.len() {
        0 => String::new(),
        1 => format!(
            "; \"{}\" has more look-alikes than the first {LISTED_PER_ENTITY} listed",
            corpus.entities.get(found.cut_short[0]).id
        ),
        n => format!(
            "; {n} entities have more look-alikes than the first {LISTED_PER_ENTITY} listed for each"
        ),
    };
    Output {
        note: Some(format!(
            "nkread: checked {} documents and {} organizations and people: {count}{more}",
            corpus.documents.len(),
            corpus.entities.all().len()
        )),
        data,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn one_entity_wraps_to_the_terminal_and_keeps_every_word() {
        let corpus = Corpus::load(&[]).expect("the bundled corpus loads");
        let index = PeopleIndex::new(&corpus);
        let text = |width| one(&corpus, &index, "Benedict Rogers", false, width).unwrap();
        let (wrapped, piped) = (text(Some(40)).data, text(None).data);
        for line in wrapped.lines() {
            let fits = line.width() <= 40 || line.split_whitespace().any(|w| w.width() > 30);
            assert!(fits, "{line:?}");
        }
        let (a, b) = (wrapped.split_whitespace(), piped.split_whitespace());
        assert!(a.eq(b), "{wrapped}\n{piped}");
        // Piped, each passage is one line that starts with its number.
        let numbered: Vec<&str> = piped
            .lines()
            .filter_map(|l| l.strip_prefix("  ["))
            .map(|l| &l[..l.find(']').unwrap()])
            .collect();
        assert_eq!(numbered, ["9", "13", "7"]);
    }

    #[test]
    fn check_says_which_entities_have_more_look_alikes_than_it_lists() {
        let mut doc = String::from("id = \"d\"\ntitle = \"T\"\nkind = \"statement\"\n");
        doc.push_str("paragraphs = [\"x\"]\n");
        // Each a typo or two from every other.
        for i in 0..30 {
            doc.push_str(&format!(
                "[[people]]\nname = \"Signatory {i:03}\"\nkind = \"person\"\nrole = \"signatory\"\n"
            ));
        }
        let file = |name: &str, text: String| crate::corpus::SourceFile {
            name: name.into(),
            text,
        };
        let corpus = Corpus::from_files(&file("e.toml", String::new()), &[file("d.toml", doc)])
            .expect("the test corpus loads");
        let out = check(&corpus);
        let note = out.note.unwrap_or_default();
        assert!(
            note.ends_with(&format!(
                "; 19 entities have more look-alikes than the first {LISTED_PER_ENTITY} listed for each"
            )),
            "{note}"
        );
        let warnings = out.data.lines().count();
        assert!(note.contains(&format!(": {warnings} warnings;")), "{note}");
    }
}
