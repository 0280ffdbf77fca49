//! What a keystroke costs in the reader: `update` for one `j`, then a whole
//! frame drawn into a 120×40 test backend, on a document whose one
//! paragraph is N megabytes long (1, 10) and on the bundled corpus. The
//! first frame of a document lays it out; every key after it should cost
//! what is on screen, whatever the paragraph's length.
//!
//! Given corpus directories (as `gen_corpus` writes), it also times a `j`
//! in the document list and a key typed in the search overlay there, which
//! should cost what is on screen, whatever the number of documents; and
//! the answers to the key's query (ranked apart in the reader), each with
//! the frame that shows it: its hits on screen, the best 200 at once (as
//! before issue 29), and its count; and in the People pane, `j` through the entities, a
//! key typed into its filter, and `j` through the documents and passages
//! of the entity in the most documents.
//!
//! cargo run --release --example bench_frames [-- CORPUS_DIR...]

use nkread::corpus::Corpus;
use nkread::library::Library;
use nkread::tui::layout::search::{LIMIT, answer, counted};
use nkread::tui::msg::{Action, Ask, Msg};
use nkread::tui::state::{AppState, Settings};
use nkread::tui::update::{Effect, update};
use nkread::tui::view::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::{Duration, Instant};

const KEYS: usize = 200;
/// Answers timed: each ranks the whole corpus, which at a million
/// paragraphs takes a good part of a second.
const ANSWERS: usize = 40;

fn main() {
    println!("| document | first frame | key + frame: median | p99 |");
    println!("|---|---:|---:|---:|");
    let bundled = Library::new(Corpus::load(&[]).expect("the bundled corpus loads"));
    measure("bundled, the 2024 letter", &bundled);
    for mb in [1, 10] {
        let long = "a long paragraph of words ".repeat(mb * 1_000_000 / 26);
        let text = format!(
            "id = \"big\"\ntitle = \"Big\"\nkind = \"statement\"\n\
             paragraphs = [\"A short first paragraph.\", \"{long}\"]\n"
        );
        // Beside the bundled documents, as a user's corpus directory is.
        let dir = std::env::temp_dir().join(format!("nkread-bench-frames-{mb}"));
        std::fs::create_dir_all(&dir).expect("a temporary directory");
        std::fs::write(dir.join("big.toml"), text).expect("the document is written");
        let corpus = Corpus::load(&[dir]).expect("the generated document loads");
        measure(&format!("one paragraph of {mb} MB"), &Library::new(corpus));
    }
    let dirs: Vec<std::path::PathBuf> = std::env::args().skip(1).map(Into::into).collect();
    if !dirs.is_empty() {
        println!();
        println!(
            "| corpus | documents | `j` in the list: median | p99 | a key in search: median | p99 | its hits: median | p99 | the 200 best at once (before issue 29): median | p99 | its count: median | p99 |"
        );
        println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    }
    let libraries: Vec<(String, Library)> = dirs
        .iter()
        .map(|dir| {
            let corpus = Corpus::load(std::slice::from_ref(dir)).expect("the corpus loads");
            (dir.display().to_string(), Library::new(corpus))
        })
        .collect();
    for (name, library) in &libraries {
        measure_list(name, library);
    }
    if !libraries.is_empty() {
        println!();
        println!(
            "| corpus | entities | `j` in People: median | p99 | a key in its filter: median | p99 | `j` in the most documented entity's rows: median | p99 |"
        );
        println!("|---|---:|---:|---:|---:|---:|---:|---:|");
    }
    for (name, library) in &libraries {
        measure_people(name, library);
    }
}

/// The People pane: `j` through the entities, keys typed into its filter
/// (a letter, then Backspace, after "kim"), and `j` through the documents
/// and passages of the entity in the most documents.
fn measure_people(name: &str, library: &Library) {
    let mut state = AppState::new(&library.corpus, &Settings::default());
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    update(&mut state, library, Msg::Resize(120, 40));
    update(&mut state, library, Action::OpenPeople);
    let mut frame = |state: &AppState| {
        terminal.draw(|f| view(state, library, f)).expect("draws");
    };
    frame(&state);
    let moves = timed(KEYS, |_| {
        update(&mut state, library, Action::MoveDown);
        frame(&state);
    });
    update(&mut state, library, Action::EditFilter);
    for c in "kim".chars() {
        update(&mut state, library, Msg::Typed(c));
    }
    let typed = timed(KEYS, |i| {
        let key = match i % 2 {
            0 => Msg::Typed('h'),
            _ => Msg::Do(Action::DeleteChar),
        };
        update(&mut state, library, key);
        frame(&state);
    });
    for _ in 0..3 {
        update(&mut state, library, Action::DeleteChar);
    }
    update(&mut state, library, Action::Confirm);
    update(&mut state, library, Action::ToggleSort);
    update(&mut state, library, Action::GoTop);
    update(&mut state, library, Action::FocusNext);
    let rows = timed(KEYS, |_| {
        update(&mut state, library, Action::MoveDown);
        frame(&state);
    });
    let entities = library.people().map_or(0, |p| p.count());
    println!(
        "| {name} | {entities} | {} | {} | {} |",
        median_p99(&moves),
        median_p99(&typed),
        median_p99(&rows),
    );
}

/// `j` through the document list, then keys typed into the search overlay
/// (a letter, then Backspace, over a two-word query).
fn measure_list(name: &str, library: &Library) {
    let mut state = AppState::new(&library.corpus, &Settings::default());
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    update(&mut state, library, Msg::Resize(120, 40));
    terminal.draw(|f| view(&state, library, f)).expect("draws");
    let moves = timed(KEYS, |_| {
        update(&mut state, library, Action::MoveDown);
        terminal.draw(|f| view(&state, library, f)).expect("draws");
    });
    update(&mut state, library, Action::OpenSearch);
    let mut asked = None;
    for c in "crimes humanit".chars() {
        asked = ask_of(update(&mut state, library, Msg::Typed(c))).or(asked);
    }
    if let Some(ask) = asked {
        update(&mut state, library, Msg::Searched(answer(library, &ask)));
    }
    // A key's frame, drawn with the hits of the query before it on screen
    // and before its own query is answered (the loop asks the thread that
    // searches); then, apart, a key's answer with the frame that shows it.
    let key = |i: usize| match i % 2 {
        0 => Msg::Typed('y'),
        _ => Msg::Do(Action::DeleteChar),
    };
    let typed = timed(KEYS, |i| {
        update(&mut state, library, key(i));
        terminal.draw(|f| view(&state, library, f)).expect("draws");
    });
    // Interleaved, key by key: the hits on screen (the first answer),
    // the best 200 ranked at once (as before issue 29), and the count.
    let (mut answered, mut before, mut count) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..ANSWERS {
        let Some(ask) = ask_of(update(&mut state, library, key(i))) else {
            continue;
        };
        let mut shown = |found: &dyn Fn() -> nkread::tui::msg::Found| {
            let start = Instant::now();
            update(&mut state, library, Msg::Searched(found()));
            terminal.draw(|f| view(&state, library, f)).expect("draws");
            start.elapsed()
        };
        let old = Ask {
            first: LIMIT,
            ..ask.clone()
        };
        before.push(shown(&|| answer(library, &old)));
        answered.push(shown(&|| answer(library, &ask)));
        count.push(shown(&|| {
            counted(library, &ask, &|| false).unwrap_or_else(|| answer(library, &ask))
        }));
    }
    for times in [&mut answered, &mut before, &mut count] {
        times.sort();
    }
    println!(
        "| {name} | {} | {} | {} | {} | {} | {} |",
        library.corpus.documents.len(),
        median_p99(&moves),
        median_p99(&typed),
        median_p99(&answered),
        median_p99(&before),
        median_p99(&count),
    );
}

/// The query a key asked, from its effects.
fn ask_of(effects: Vec<Effect>) -> Option<Ask> {
    effects.into_iter().find_map(|e| match e {
        Effect::Search(ask) => Some(ask),
        _ => None,
    })
}

/// `n` runs of `f`, sorted by time.
fn timed(n: usize, mut f: impl FnMut(usize)) -> Vec<Duration> {
    let mut times: Vec<Duration> = (0..n)
        .map(|i| {
            let start = Instant::now();
            f(i);
            start.elapsed()
        })
        .collect();
    times.sort();
    times
}

fn measure(name: &str, library: &Library) {
    let mut state = AppState::new(&library.corpus, &Settings::default());
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    update(&mut state, library, Msg::Resize(120, 40));
    // The longest document: the generated one, or the 2024 letter.
    let longest = (0..state.order.len())
        .max_by_key(|&i| {
            library.corpus.documents[state.order[i]]
                .paragraphs
                .iter()
                .map(|p| p.len())
                .sum::<usize>()
        })
        .unwrap_or(0);
    for _ in 0..longest {
        update(&mut state, library, Action::MoveDown);
    }
    update(&mut state, library, Action::OpenDocument);
    let start = Instant::now();
    terminal.draw(|f| view(&state, library, f)).expect("draws");
    let first = start.elapsed();
    // Down into the long paragraph, then a line at a time.
    update(&mut state, library, Action::NextParagraph);
    let mut times: Vec<Duration> = (0..KEYS)
        .map(|_| {
            let start = Instant::now();
            update(&mut state, library, Action::MoveDown);
            terminal.draw(|f| view(&state, library, f)).expect("draws");
            start.elapsed()
        })
        .collect();
    times.sort();
    println!("| {name} | {:.1} ms | {} |", ms(first), median_p99(&times));
}

/// The median and 99th percentile of sorted `times`, as two table cells.
fn median_p99(times: &[Duration]) -> String {
    let n = times.len();
    format!(
        "{:.3} ms | {:.3} ms",
        ms(times[n / 2]),
        ms(times[n * 99 / 100])
    )
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
