//! Times search as the reader uses it: per query, parse, search for the
//! best 50 hits (for a query that finds nothing, why, and its best 50
//! partial matches), and work out the match positions of the first 20 (the
//! rows on screen). Prints the index build time, memory, the time to find
//! the People passages from the index's words (as the reader does once
//! search is ready), and per query the
//! median and 99th percentile of the wall-clock time and of the CPU time,
//! and how many paragraphs match at all, as tab-separated lines.
//!
//! With --typed, each run types the query key by key into an index that
//! remembers nothing yet, as a reader does in the search overlay, and times
//! only the last key: its earlier words' whole-field matches are then kept
//! from the keys before, and its last word's are not.
//!
//!     cargo run --release --example bench_search -- --corpus DIR [--runs N] [--typed] QUERY...
//!
//! Without --corpus it searches the bundled corpus. See bench/search.sh.

use nkread::corpus::Corpus;
use nkread::people::Passages;
use nkread::search::{Field, Query, Scope, SearchIndex};
use std::time::{Duration, Instant};

/// A line of /proc/self/status in megabytes ("VmHWM", "VmRSS"); 0 elsewhere.
fn memory_mb(key: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

/// Time this thread has run on a CPU: on a shared machine it leaves out
/// the time spent waiting for a core.
fn cpu_time() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec, which `t` is.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0;
    if !ok {
        return Duration::ZERO;
    }
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The median and the 99th percentile.
fn percentiles(times: &mut [Duration]) -> (Duration, Duration) {
    times.sort();
    let at = |q: usize| times[(times.len() * q).div_ceil(100).saturating_sub(1)];
    (at(50), at(99))
}

fn main() -> Result<(), String> {
    let mut corpus_dirs = Vec::new();
    let mut runs = 50;
    let mut typed = false;
    let mut queries = Vec::new();
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--corpus" => corpus_dirs.push(it.next().ok_or("--corpus needs a value")?.into()),
            "--runs" => {
                runs = it
                    .next()
                    .and_then(|n| n.parse().ok())
                    .ok_or("--runs needs a number")?
            }
            "--typed" => typed = true,
            _ => queries.push(arg),
        }
    }
    if runs == 0 {
        return Err("--runs must be at least 1".into());
    }
    let start = Instant::now();
    let corpus = Corpus::load(&corpus_dirs).map_err(|p| p.to_string())?;
    let load = start.elapsed();
    let rss_corpus = memory_mb("VmRSS");
    let start = Instant::now();
    let index = SearchIndex::build(&corpus);
    let build = start.elapsed();
    let paragraphs: usize = corpus.documents.iter().map(|d| d.paragraphs.len()).sum();
    println!("paragraphs\t{paragraphs}");
    println!("documents\t{}", corpus.documents.len());
    println!("load_ms\t{:.0}", ms(load));
    println!("build_ms\t{:.0}", ms(build));
    println!("rss_corpus_mb\t{rss_corpus:.0}");
    println!("rss_index_mb\t{:.0}", memory_mb("VmRSS") - rss_corpus);
    println!("peak_mb\t{:.0}", memory_mb("VmHWM"));
    let start = Instant::now();
    std::hint::black_box(Passages::find(&corpus, index.tokens()));
    println!("passages_ms\t{:.0}", ms(start.elapsed()));
    for text in &queries {
        let mut times = Vec::with_capacity(runs);
        let mut cpu = Vec::with_capacity(runs);
        for _ in 0..runs {
            // A clone remembers nothing; the keys before the last, untimed.
            let typing = typed.then(|| {
                let typing = index.clone();
                let keys = (1..text.len()).filter(|&end| text.is_char_boundary(end));
                for query in keys.filter_map(|end| Query::parse(&text[..end], &corpus).ok()) {
                    std::hint::black_box(typing.search(&query, Scope::All, 50));
                }
                typing
            });
            let index = typing.as_ref().unwrap_or(&index);
            let cpu_start = cpu_time();
            let start = Instant::now();
            let query = Query::parse(text, &corpus).map_err(|e| e.message)?;
            let mut hits = index.search(&query, Scope::All, 50).hits;
            // Nothing found: why, and the partial matches, as the overlay asks.
            if hits.is_empty()
                && let Some(miss) = index.explain(&query, Scope::All, 50)
            {
                hits = miss.hits().to_vec();
            }
            for hit in hits.iter().take(20) {
                std::hint::black_box(index.indices(hit, &query, &corpus));
            }
            times.push(start.elapsed());
            cpu.push(cpu_time().saturating_sub(cpu_start));
        }
        let (median, p99) = percentiles(&mut times);
        let (cpu_median, cpu_p99) = percentiles(&mut cpu);
        // How many paragraphs match at all, for relevance (not timed).
        let query = Query::parse(text, &corpus).map_err(|e| e.message)?;
        let all = index.search(&query, Scope::All, usize::MAX).hits;
        let matched = all
            .iter()
            .filter(|h| matches!(h.field, Field::Paragraph(_)))
            .count();
        println!(
            "query\t{text}\t{:.3}\t{:.3}\t{:.3}\t{:.3}\t{matched}",
            ms(median),
            ms(p99),
            ms(cpu_median),
            ms(cpu_p99)
        );
    }
    Ok(())
}
