//! The `import` command: a saved page (HTML or its text) to a draft
//! document, checked by the loader and against its capture before it is
//! printed or written, with a review summary on stderr.

use super::{Failure, Output};
use crate::corpus::{
    Corpus, DocKind, EntityId, NearDuplicate, PersonKind, SourceFile, clean_line, id_problem,
    near_duplicates,
};
use crate::import::{self, Draft, Options, fidelity};
use clap::Args;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The size of a megabyte as `--max-size` counts it (a MiB).
const MB: u64 = 1 << 20;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The capture: a saved HTML page, or the page's text; - reads it from stdin
    pub file: PathBuf,
    /// The document's id; by default made from the title and the year
    #[arg(long, value_parser = parse_id)]
    pub id: Option<String>,
    /// The document's kind, instead of the guess: press-release, joint-letter, open-letter, letter, statement, report, submission, other
    #[arg(long, value_parser = parse_kind)]
    pub kind: Option<DocKind>,
    /// Write DIR/ID.toml instead of printing the draft
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// With --out, replace an existing file
    #[arg(long, requires = "out")]
    pub force: bool,
    /// Refuse a capture larger than this many megabytes (MiB)
    #[arg(long, value_name = "MB", default_value_t = 32,
          value_parser = clap::value_parser!(u64).range(1..=1 << 20))]
    pub max_size: u64,
}

pub const IMPORT_HELP: &str = "\
The draft keeps the capture's text verbatim: each line is a paragraph, the
title, metadata or a people entry, or is listed in `omitted`. Fields the
importer could not decide carry a `# review:` comment; the summary on stderr
lists them. Review the draft, then `nkread --corpus DIR check`.

Examples:
  nkread import letter.html > letter.toml
  nkread import saved-page.txt --kind joint-letter --out ~/nk-corpus
  xclip -o | nkread import - > letter.toml       the text copied, from stdin
  nkread --corpus ~/nk-corpus check";

/// An id the loader would refuse is refused before a draft is made (the
/// draft was made, failed to load, and was reported as the importer's bug).
fn parse_id(s: &str) -> Result<String, String> {
    match id_problem(s) {
        Some(problem) => Err(problem),
        None => Ok(s.to_string()),
    }
}

fn parse_kind(s: &str) -> Result<DocKind, String> {
    DocKind::ALL
        .into_iter()
        .find(|k| k.to_string() == s)
        .ok_or_else(|| {
            let all: Vec<String> = DocKind::ALL.iter().map(ToString::to_string).collect();
            format!("unknown kind \"{s}\": one of {}", all.join(", "))
        })
}

pub fn run(corpus: &Corpus, paths: &[PathBuf], args: &ImportArgs) -> Result<Output, Failure> {
    let stdin = args.file == Path::new("-");
    let shown = if stdin {
        "stdin".to_string()
    } else {
        show_path(&args.file)
    };
    let bytes = read_capture(&args.file, &shown, args.max_size * MB)?;
    let options = Options {
        id: args.id.clone(),
        kind: args.kind,
        source: args
            .file
            .file_name()
            .filter(|_| !stdin)
            .map(|n| clean_line(&n.to_string_lossy())),
    };
    let mut draft = import::import(&bytes, &options, &corpus.entities)
        .map_err(|e| Failure::input(format!("nkread: {shown}: {e}")))?;
    let duplicate = duplicate_of(corpus, &draft);
    // An id another document has: a made-up one gets a number, and the
    // summary says so; one the user gave is refused, with a free one.
    let mut renamed = None;
    if duplicate.is_none() && corpus.get(&draft.doc.id).is_some() {
        let free = free_id(corpus, &draft.doc.id);
        if let Some(id) = &args.id {
            return Err(Failure::input(format!(
                "nkread: the id \"{}\" is already used by a document of the corpus; give another with --id, such as \"{free}\"",
                clean_line(id)
            )));
        }
        renamed = Some(std::mem::replace(&mut draft.doc.id, free));
    }
    let link = |p: &crate::corpus::Person| {
        crate::import::known_entity(&corpus.entities, p).map(|e| corpus.entities.get(e).id.clone())
    };
    let text = import::to_toml(&draft, &link);
    let name = format!("{}.toml", draft.doc.id);
    let checked = check(paths, &name, &text, &draft, duplicate.is_some())?;
    let mut summary = summary(&shown, &draft, &checked, corpus, duplicate.as_deref());
    if let Some(old) = renamed {
        let at = summary.find('\n').map_or(summary.len(), |i| i + 1);
        summary.insert_str(
            at,
            &format!(
                "  the id \"{old}\" is already used in the corpus: the draft takes \"{}\"\n",
                draft.doc.id
            ),
        );
    }
    match &args.out {
        None => Ok(Output {
            data: text,
            note: Some(summary.trim_end().to_string()),
        }),
        Some(dir) => {
            let path = write_atomically(dir, &name, &text, args.force)?;
            Ok(Output {
                data: String::new(),
                note: Some(format!("{summary}wrote {}", show_path(&path))),
            })
        }
    }
}

/// A path as messages show it: the user gave it, so it may hold escapes.
fn show_path(path: &Path) -> String {
    clean_line(&path.display().to_string())
}

/// The capture's bytes, at most `max` of them: a regular file by name, or
/// stdin as `-`. Anything else named (a FIFO, /dev/zero, a directory) is
/// refused by its type before it is opened, so that a FIFO with no writer
/// cannot block and a device cannot fill memory.
fn read_capture(file: &Path, shown: &str, max: u64) -> Result<Vec<u8>, Failure> {
    use std::os::unix::fs::OpenOptionsExt;
    let fail = |what: String| Failure::input(format!("nkread: {shown}: {what}"));
    let cannot_read = |e: std::io::Error| fail(format!("cannot read: {e}"));
    let limit = format!("the limit of {} MB; --max-size raises it", max / MB);
    let mut bytes = Vec::new();
    if file == Path::new("-") {
        std::io::stdin()
            .lock()
            .take(max + 1)
            .read_to_end(&mut bytes)
            .map_err(cannot_read)?;
    } else {
        let regular = |meta: &std::fs::Metadata| {
            if meta.is_file() {
                Ok(())
            } else {
                Err(fail(format!(
                    "cannot read {}: only a regular file is read by name \
                     (pipe anything else to `nkread import -`)",
                    file_type(meta)
                )))
            }
        };
        let meta = std::fs::metadata(file).map_err(cannot_read)?;
        regular(&meta)?;
        if meta.len() > max {
            return Err(fail(format!(
                "the file is {:.1} MB, over {limit}",
                meta.len() as f64 / MB as f64
            )));
        }
        // Should a FIFO take the name's place since, opening it does not
        // wait for a writer, and the check of what was opened refuses it.
        let opened = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(file)
            .map_err(cannot_read)?;
        regular(&opened.metadata().map_err(cannot_read)?)?;
        opened
            .take(max + 1)
            .read_to_end(&mut bytes)
            .map_err(cannot_read)?;
    }
    if bytes.len() as u64 > max {
        return Err(fail(format!("the capture is over {limit}")));
    }
    Ok(bytes)
}

/// What a file that is not a regular file is, for a message.
fn file_type(meta: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_dir() {
        "a directory"
    } else if t.is_fifo() {
        "a FIFO"
    } else if t.is_char_device() {
        "a character device"
    } else if t.is_block_device() {
        "a block device"
    } else if t.is_socket() {
        "a socket"
    } else {
        "a file that is not a regular file"
    }
}

/// `id` with the first number after it that no document has.
fn free_id(corpus: &Corpus, id: &str) -> String {
    (2..)
        .map(|n| format!("{id}-{n}"))
        .find(|c| corpus.get(c).is_none())
        .unwrap_or_else(|| id.to_string())
}

/// The document whose paragraphs the draft's are, at least half of them.
fn duplicate_of(corpus: &Corpus, draft: &Draft) -> Option<String> {
    let ours = &draft.doc.paragraphs;
    corpus
        .documents
        .iter()
        .map(|d| (d, ours.iter().filter(|p| d.paragraphs.contains(p)).count()))
        .filter(|(_, n)| *n > 0 && n * 2 >= ours.len())
        .max_by_key(|(_, n)| *n)
        .map(|(d, _)| d.id.clone())
}

/// The draft loaded by the loader with the corpus around it, and checked
/// against its capture. A draft that fails either is a bug of the importer.
fn check(
    paths: &[PathBuf],
    name: &str,
    text: &str,
    draft: &Draft,
    duplicate: bool,
) -> Result<Corpus, Failure> {
    let bug = |what: String| Failure {
        code: 1,
        message: format!("nkread: the importer made a draft that {what}; please report this\n"),
    };
    let file = SourceFile::new(format!("draft:{name}"), text.to_string());
    // A capture of a known document may carry its id; it is checked alone.
    let with = if duplicate { &[][..] } else { paths };
    let corpus = match Corpus::load_with(with, Some(file.clone())) {
        Err(_) if duplicate => Corpus::from_files(
            &SourceFile::new("entities", String::new()),
            std::slice::from_ref(&file),
        ),
        other => other,
    }
    .map_err(|p| bug(format!("does not load:\n{p}")))?;
    let problems = fidelity::check(&draft.doc, &draft.capture_text);
    if !problems.is_empty() {
        return Err(bug(format!(
            "loses or adds text:\n  {}",
            problems.join("\n  ")
        )));
    }
    Ok(corpus)
}

fn summary(
    shown: &str,
    draft: &Draft,
    checked: &Corpus,
    corpus: &Corpus,
    duplicate: Option<&str>,
) -> String {
    let doc = &draft.doc;
    let mut s = format!("nkread import: {shown} → \"{}\"\n", doc.id);
    if let Some(d) = duplicate {
        s.push_str(&format!(
            "  this capture's text is already in the corpus: document \"{d}\"\n"
        ));
    }
    s.push_str(&format!("  paragraphs kept: {}\n", doc.paragraphs.len()));
    s.push_str(&format!("  lines set aside: {}\n", doc.omitted.len()));
    for (line, why) in doc.omitted.iter().zip(&draft.omitted_why) {
        s.push_str(&format!("    ({why}) {line}\n"));
    }
    let mut by_role: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    for p in &doc.people {
        let [orgs, persons, states] = by_role.entry(p.role.to_string()).or_default();
        match p.kind {
            PersonKind::Organization => *orgs += 1,
            PersonKind::Person => *persons += 1,
            PersonKind::State => *states += 1,
        }
    }
    s.push_str(&format!("  people: {}\n", doc.people.len()));
    for (role, [orgs, persons, states]) in &by_role {
        let states = if *states > 0 {
            format!(", {states} states")
        } else {
            String::new()
        };
        s.push_str(&format!(
            "    {role}: {orgs} organizations, {persons} people{states}\n"
        ));
    }
    let linked: Vec<Option<EntityId>> = doc
        .people
        .iter()
        .map(|p| import::known_entity(&corpus.entities, p))
        .collect();
    let new: Vec<&str> = doc
        .people
        .iter()
        .zip(&linked)
        .filter(|(_, l)| l.is_none())
        .map(|(p, _)| p.name.as_str())
        .collect();
    s.push_str(&format!(
        "  linked to known entities: {}\n  new names: {}{}\n",
        linked.iter().flatten().count(),
        new.len(),
        if new.is_empty() {
            String::new()
        } else {
            format!(" ({})", new.join("; "))
        }
    ));
    // Look-alikes that involve the draft's names, as `nkread check` says them.
    let ours: Vec<EntityId> = checked
        .documents
        .iter()
        .filter(|d| d.id == doc.id)
        .flat_map(|d| d.people.iter().map(|p| p.entity))
        .collect();
    let look_alikes: Vec<NearDuplicate> = near_duplicates(checked)
        .into_iter()
        .filter(|d| d.entities.iter().any(|e| ours.contains(e)))
        .collect();
    for d in &look_alikes {
        let ([a, b], [x, y]) = (d.entities, &d.names);
        s.push_str(&format!(
            "  warning: \"{x}\" ({}) and \"{y}\" ({}) are different entities, {}\n",
            checked.entities.get(a).id,
            checked.entities.get(b).id,
            d.likeness
        ));
    }
    if !look_alikes.is_empty() {
        s.push_str(
            "  for each warning, paste one of its entries into entities.toml in your corpus directory:\n",
        );
        for d in &look_alikes {
            s.push_str(&proposal(checked, &ours, d));
        }
    }
    let reviews = draft.reviews.len() + draft.people_reviews.iter().flatten().count();
    s.push_str(&format!(
        "  to review ({reviews}, marked `# review:` in the draft):\n"
    ));
    for r in &draft.reviews {
        s.push_str(&format!("    {}: {}\n", r.field, r.note));
    }
    for (p, r) in doc.people.iter().zip(&draft.people_reviews) {
        if let Some(r) = r {
            s.push_str(&format!("    people \"{}\": {r}\n", p.name));
        }
    }
    s
}

/// The two `entities.toml` entries that settle a look-alike warning: one
/// if the names are one entity (an alias), one if they are two
/// (`distinct_from`). An entity the entities files know is added to by its
/// id; one the draft made is written whole.
fn proposal(checked: &Corpus, ours: &[EntityId], d: &NearDuplicate) -> String {
    let quote = |s: &str| toml::Value::String(s.to_string()).to_string();
    let entry = |e: EntityId, field: &str, value: &str| {
        let entity = checked.entities.get(e);
        let mut lines = vec![
            "[[entity]]".to_string(),
            format!("id = {}", quote(&entity.id)),
        ];
        if !entity.curated {
            lines.push(format!("name = {}", quote(&entity.name)));
            lines.push(format!("kind = {}", quote(&entity.kind.to_string())));
        }
        lines.push(format!("{field} = [{}]", quote(value)));
        lines
            .iter()
            .map(|l| format!("    {l}\n"))
            .collect::<String>()
    };
    // The draft's side is the one to change; the other is kept as known.
    let [a, b] = d.entities;
    let (mine, theirs, my_name, their_name) =
        if ours.contains(&b) && checked.entities.get(a).curated {
            (b, a, &d.names[1], &d.names[0])
        } else {
            (a, b, &d.names[0], &d.names[1])
        };
    let (to, alias) = if checked.entities.get(theirs).curated {
        (theirs, my_name)
    } else {
        (mine, their_name)
    };
    format!(
        "    # if \"{my_name}\" and \"{their_name}\" are one:\n{}    # if they are two:\n{}",
        entry(to, "aliases", alias),
        entry(mine, "distinct_from", &checked.entities.get(theirs).id)
    )
}

/// Writes DIR/NAME through a temporary file in DIR, so that the file is
/// whole or absent; without `force` an existing file is never replaced.
fn write_atomically(dir: &Path, name: &str, text: &str, force: bool) -> Result<PathBuf, Failure> {
    use crate::bookmarks::durable;
    let target = dir.join(name);
    let fail = |what: &str, e: std::io::Error| {
        Failure::input(format!(
            "nkread: {}: cannot {what}: {e}",
            show_path(&target)
        ))
    };
    let exists = || {
        Failure::input(format!(
            "nkread: {} exists; --force replaces it",
            show_path(&target)
        ))
    };
    if !force && target.exists() {
        return Err(exists());
    }
    // A new file under a random name: a link planted in DIR at a name
    // nkread would write is never followed. Its mode is File::create's.
    let temp =
        durable::write_temp(&target, text.as_bytes(), 0o666).map_err(|e| fail("write", e))?;
    let placed = if force {
        durable::commit(&temp, &target)
    } else {
        // A link fails if the name was taken since the check above.
        std::fs::hard_link(&temp, &target).and_then(|()| std::fs::remove_file(&temp))
    };
    if let Err(e) = placed {
        let _ = std::fs::remove_file(&temp);
        return Err(if e.kind() == std::io::ErrorKind::AlreadyExists {
            exists()
        } else {
            fail("write", e)
        });
    }
    Ok(target)
}
