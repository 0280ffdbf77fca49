//! Writes a large corpus for benchmarks, in the schema of data/README.md:
//! paragraphs of about 530 characters built from the bundled documents'
//! sentences, grouped into documents with bundled people, a date and a
//! kind, with a fixed seed so every run writes the same corpus.
//!
//!     cargo run --release --example gen_corpus -- --paragraphs 100000 --out DIR [--lines FILE] [--seed N] [--names N]
//!
//! `--names N` adds N distinct person names (romanized syllables, "Kimhyok
//! Parkmin"), shared out among the documents so that each is a people entry
//! somewhere: a corpus for the costs that grow with the number of names.
//!
//! DIR gets `gen-NNNN.json` files of 1,000 documents each, for
//! `nkread --corpus DIR`; FILE gets the same paragraphs one a line, for
//! `fzf --filter`. One paragraph in three ends with a case reference made of
//! romanized syllables and a number, so that the vocabulary grows with the
//! corpus as real text does rather than staying at the bundled one's size.

use nkread::corpus::{Corpus, DocKind, Person};
use serde_json::{Value, json};
use std::io::Write;
use std::path::PathBuf;

/// splitmix64: small, fast, and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`; `n` must not be 0.
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const SYLLABLES: [&str; 32] = [
    "kim", "lee", "park", "choi", "jong", "hyok", "chol", "min", "sung", "young", "hee", "ok",
    "su", "ji", "eun", "hwa", "nam", "il", "gwang", "yong", "myong", "chun", "dong", "sang",
    "hyun", "jin", "ho", "kyu", "seon", "mi", "bok", "ryong",
];

struct Args {
    paragraphs: usize,
    out: PathBuf,
    lines: Option<PathBuf>,
    seed: u64,
    names: usize,
}

fn args() -> Result<Args, String> {
    let mut args = Args {
        paragraphs: 0,
        out: PathBuf::new(),
        lines: None,
        seed: 2014,
        names: 0,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--paragraphs" => {
                args.paragraphs = value()?.parse().map_err(|e| format!("--paragraphs: {e}"))?
            }
            "--out" => args.out = value()?.into(),
            "--lines" => args.lines = Some(value()?.into()),
            "--seed" => args.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--names" => args.names = value()?.parse().map_err(|e| format!("--names: {e}"))?,
            _ => return Err(format!("unknown argument {flag}")),
        }
    }
    if args.paragraphs == 0 || args.out.as_os_str().is_empty() {
        return Err(
            "usage: gen_corpus --paragraphs N --out DIR [--lines FILE] [--seed N] [--names N]"
                .into(),
        );
    }
    Ok(args)
}

/// The sentences of a paragraph: cut after ". ", "? " or "! ".
fn sentences(paragraph: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut chars = paragraph.chars().peekable();
    while let Some(c) = chars.next() {
        current.push(c);
        if matches!(c, '.' | '?' | '!') && chars.peek() == Some(&' ') {
            chars.next();
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.trim().is_empty() {
        out.push(current);
    }
    out
}

fn name(rng: &mut Rng) -> String {
    let parts = 2 + rng.below(2);
    let mut word: String = (0..parts).map(|_| *rng.pick(&SYLLABLES)).collect();
    word[..1].make_ascii_uppercase();
    word
}

/// The `i`th of the distinct names: two words of two syllables each, the
/// syllables being `i`'s digits in base 32, so no two are the same.
fn distinct_name(i: usize) -> String {
    let digit = |d: u32| SYLLABLES[i / 32usize.pow(d) % 32];
    let word = |a: &str, b: &str| {
        let mut w = format!("{a}{b}");
        w[..1].make_ascii_uppercase();
        w
    };
    format!("{} {}", word(digit(3), digit(2)), word(digit(1), digit(0)))
}

fn paragraph(rng: &mut Rng, sentences: &[String]) -> String {
    let target = 150 + rng.below(400);
    let mut text = String::new();
    while text.len() < target {
        if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(rng.pick(sentences).replace('\n', " ").trim());
    }
    if rng.below(3) == 0 {
        let (given, family) = (name(rng), name(rng));
        let number = rng.below(100_000);
        text.push_str(&format!(" (Case of {given} {family}, file {number}.)"));
    }
    text
}

fn person(p: &&Person) -> Value {
    json!({
        "name": p.name,
        "kind": p.kind,
        "role": p.role,
        "title": p.title,
        "affiliation": p.affiliation,
        "country": p.country,
        "acronym": p.acronym,
        "note": p.note,
    })
}

fn main() -> Result<(), String> {
    let args = args()?;
    let corpus = Corpus::load(&[]).map_err(|p| p.to_string())?;
    let sentences: Vec<String> = corpus
        .documents
        .iter()
        .flat_map(|d| &d.paragraphs)
        .flat_map(|p| sentences(p))
        .filter(|s| s.len() > 20)
        .collect();
    let people: Vec<&Person> = corpus.documents.iter().flat_map(|d| &d.people).collect();
    let titles: Vec<&str> = corpus.documents.iter().map(|d| d.title.as_str()).collect();
    let mut rng = Rng(args.seed);
    std::fs::create_dir_all(&args.out).map_err(|e| format!("{}: {e}", args.out.display()))?;
    let mut lines = match &args.lines {
        Some(path) => Some(std::io::BufWriter::new(
            std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?,
        )),
        None => None,
    };
    // About 20 paragraphs a document: each takes its share of the names.
    let names_per_doc = args.names.div_ceil((args.paragraphs / 20).max(1));
    let mut next_name = 0;
    let (mut written, mut n) = (0, 0usize);
    let mut batch = Vec::new();
    while written < args.paragraphs {
        n += 1;
        let count = (5 + rng.below(31)).min(args.paragraphs - written);
        let paragraphs: Vec<String> = (0..count)
            .map(|_| paragraph(&mut rng, &sentences))
            .collect();
        if let Some(out) = &mut lines {
            for p in &paragraphs {
                writeln!(out, "{p}").map_err(|e| e.to_string())?;
            }
        }
        written += count;
        let mut cast: Vec<Value> = (0..rng.below(13))
            .map(|_| person(rng.pick(&people[..])))
            .collect();
        for _ in 0..names_per_doc.min(args.names - next_name.min(args.names)) {
            cast.push(json!({
                "name": distinct_name(next_name),
                "kind": "person",
                "role": "signatory",
            }));
            next_name += 1;
        }
        let year = 2000 + rng.below(25);
        let month = 1 + rng.below(12);
        batch.push(json!({
            "id": format!("gen-{n:06}"),
            "title": format!("{} (generated {n})", rng.pick(&titles)),
            "date": format!("{year}-{month:02}"),
            "kind": rng.pick(&DocKind::ALL),
            "paragraphs": paragraphs,
            "people": cast,
        }));
        if batch.len() == 1000 || written == args.paragraphs {
            let file = args.out.join(format!("gen-{:04}.json", n.div_ceil(1000)));
            let text = serde_json::to_string(&batch).map_err(|e| e.to_string())?;
            std::fs::write(&file, text).map_err(|e| format!("{}: {e}", file.display()))?;
            batch.clear();
        }
    }
    if let Some(out) = &mut lines {
        out.flush().map_err(|e| e.to_string())?;
    }
    eprintln!(
        "gen_corpus: {written} paragraphs in {n} documents in {}",
        args.out.display()
    );
    Ok(())
}
