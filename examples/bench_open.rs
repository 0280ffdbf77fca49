//! Times one phase of opening a corpus, in a process of its own so that
//! its peak memory is its own, and prints `phase<TAB>ms<TAB>peak MB`:
//!
//!     bench_open read  DIR          read every corpus file
//!     bench_open load  DIR          read, parse and check (today's first open)
//!     bench_open index DIR          load, then build the search index (timed alone)
//!     bench_open write DIR CACHE    load, then write the corpus cache (timed alone)
//!     bench_open open  DIR CACHE    open the corpus from the cache
//!     bench_open glimpse DIR CACHE  what a first frame reads of the cache:
//!                                   every summary, the first document whole
//!     bench_open stored DIR CACHE   open the corpus from the cache, then read
//!                                   the search index's copy (timed alone)
//!
//! For `index` and `write` the peak is the process's (the loaded corpus
//! included). bench/open.py runs the phases interleaved and takes medians.

use nkread::corpus::Corpus;
use nkread::corpus::cache::{Cache, Opened, Seen, open_from};
use nkread::search::SearchIndex;
use std::path::PathBuf;
use std::time::Instant;

/// VmHWM of /proc/self/status in megabytes; 0 elsewhere.
fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(phase), Some(dir)) = (args.first(), args.get(1)) else {
        return Err(
            "usage: bench_open read|load|index|write|open|glimpse|stored DIR [CACHE]".into(),
        );
    };
    let paths = vec![PathBuf::from(dir)];
    let cache = || {
        args.get(2)
            .map(Cache::in_dir)
            .ok_or_else(|| "this phase needs a CACHE directory".to_string())
    };
    let load = || Corpus::load(&paths).map_err(|p| p.to_string());
    let start = Instant::now();
    let elapsed = match phase.as_str() {
        "read" => {
            let mut bytes = 0;
            for entry in std::fs::read_dir(dir).map_err(|e| e.to_string())? {
                let path = entry.map_err(|e| e.to_string())?.path();
                bytes += std::fs::read(path).map_err(|e| e.to_string())?.len();
            }
            std::hint::black_box(bytes);
            start.elapsed()
        }
        "load" => {
            std::hint::black_box(load()?);
            start.elapsed()
        }
        "index" => {
            let corpus = load()?;
            let start = Instant::now();
            std::hint::black_box(SearchIndex::build(&corpus));
            start.elapsed()
        }
        "write" => {
            let cache = cache()?;
            let seen = Seen::now(&paths).ok_or("the corpus files cannot be listed")?;
            let corpus = load()?;
            let start = Instant::now();
            cache
                .store(&paths, &corpus, &seen)
                .map_err(|e| e.to_string())?;
            start.elapsed()
        }
        "open" => {
            let corpus = cache()?.open(&paths).map_err(|m| m.to_string())?;
            let elapsed = start.elapsed();
            std::hint::black_box(corpus);
            elapsed
        }
        "glimpse" => {
            let cache = cache()?;
            let Opened::Glimpse(mut summaries, mut glimpse) = open_from(Some(&cache), &paths)
            else {
                return Err("no current copy".into());
            };
            if !glimpse.fill(&mut summaries, &[0]) {
                return Err("the first chunk fails its checksum".into());
            }
            let elapsed = start.elapsed();
            std::hint::black_box((summaries, glimpse));
            elapsed
        }
        "stored" => {
            let cache = cache()?;
            let (corpus, _, pending) = open_from(Some(&cache), &paths).whole();
            let opener = pending
                .and_then(|p| p.index_opener())
                .ok_or("no current copy")?;
            let start = Instant::now();
            let index = opener
                .open_releasing(|bytes, map, release| {
                    SearchIndex::decode_releasing(bytes, Some(map), release).ok()
                })
                .map_err(|m| m.to_string())?;
            let elapsed = start.elapsed();
            if !index.fits(&corpus) {
                return Err("the index copy does not fit the corpus".into());
            }
            std::hint::black_box(index);
            elapsed
        }
        other => return Err(format!("no phase {other}")),
    };
    println!(
        "{phase}\t{:.1}\t{:.0}",
        elapsed.as_secs_f64() * 1000.0,
        peak_mb()
    );
    Ok(())
}
