//! How long a bookmark change takes to save (lock, re-read, merge, write,
//! sync, rename, sync the directory), as the reader does on every `b`, `d`,
//! `u` and note, with 10 to 10,000 bookmarks in the file; and how long the
//! Markdown export of that many takes.
//!
//! cargo run --release --example bench_bookmarks -- [DIR]
//!
//! DIR (default /tmp/nkread-bench/bookmarks) should be on the disk whose
//! speed you care about: the syncs dominate.

use nkread::bookmarks::{Bookmark, Change, Locator, Store, markdown};
use nkread::corpus::Corpus;
use std::time::{Duration, Instant, SystemTime};

const SAVES: usize = 101;

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "/tmp/nkread-bench/bookmarks".into());
    let corpus = Corpus::load(&[]).expect("the bundled corpus loads");
    let locator = Locator::new(&corpus);
    println!("| bookmarks | file size | save: median | save: p99 | export: median |");
    println!("|---:|---:|---:|---:|---:|");
    for count in [10, 1_000, 10_000] {
        let here = std::path::Path::new(&dir).join(count.to_string());
        let _ = std::fs::remove_dir_all(&here);
        let mut store = Store::new(&here);
        // Passages of the bundled documents, round-robin, with notes.
        let mut all = Vec::with_capacity(count);
        for i in 0..count {
            let doc = &corpus.documents[i % corpus.documents.len()];
            let p = (i / corpus.documents.len()) % doc.paragraphs.len();
            let mut b = Bookmark::new(doc, p, "", SystemTime::now(), i as u64);
            b.note = format!("note {i}: for the chapter on accountability");
            all.push(b);
        }
        seed(&here, &all);
        assert_eq!(store.load().bookmarks.len(), count);
        let mut saves = Vec::with_capacity(SAVES);
        for i in 0..SAVES {
            let was = all[i % count].note.clone();
            all[i % count].note = format!("edited {i}");
            let change = Change::Note {
                bookmark: all[i % count].clone(),
                was,
            };
            let started = Instant::now();
            let synced = store.apply(change);
            saves.push(started.elapsed());
            assert!(synced.error.is_none(), "{:?}", synced.error);
        }
        let size = std::fs::metadata(here.join("bookmarks.json")).map_or(0, |m| m.len());
        let bookmarks = store.load().bookmarks;
        let mut exports = Vec::with_capacity(11);
        for _ in 0..11 {
            let started = Instant::now();
            std::hint::black_box(markdown(&bookmarks, &corpus, &locator));
            exports.push(started.elapsed());
        }
        saves.sort();
        exports.sort();
        println!(
            "| {count} | {} KB | {} | {} | {} |",
            size / 1024,
            ms(saves[SAVES / 2]),
            ms(saves[SAVES * 99 / 100]),
            ms(exports[exports.len() / 2]),
        );
    }
}

/// Writes `all` as the bookmarks file, as a long-used reader would have it.
fn seed(dir: &std::path::Path, all: &[Bookmark]) {
    std::fs::create_dir_all(dir).expect("the bench directory");
    let file = serde_json::json!({ "version": 1, "bookmarks": all });
    let json = serde_json::to_vec_pretty(&file).expect("bookmarks serialize");
    std::fs::write(dir.join("bookmarks.json"), json).expect("the seed file");
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}
