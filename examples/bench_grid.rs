//! What a key costs in the coalition grid of 2,000 entities by 300
//! documents (issue 24): `update` for the key, then a whole frame drawn
//! into a test backend of 120×40 and of 200×60. Moving down and right,
//! paging, a key typed into the filter, a change of order and of quick
//! filter; and opening the grid (`o`, which builds it).
//!
//! The corpus is made in memory with a fixed seed: 300 documents dated
//! 1995 to 2024 (one in ten undated, one in five dated by inference),
//! each naming 40 to 400 of 2,000 organizations and people, with roles
//! drawn as a coalition's are (signatories most).
//!
//! cargo run --release --example bench_grid

use nkread::corpus::{Corpus, SourceFile};
use nkread::library::Library;
use nkread::tui::msg::{Action, Msg};
use nkread::tui::state::{AppState, Settings};
use nkread::tui::update::update;
use nkread::tui::view::view;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::{Duration, Instant};

const ENTITIES: usize = 2000;
const DOCUMENTS: usize = 300;
const KEYS: usize = 200;

/// splitmix64: the same corpus on every run.
struct Seed(u64);

impl Seed {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) % below as u64) as usize
    }
}

fn corpus() -> Corpus {
    let mut seed = Seed(24);
    let roles = [
        "signatory",
        "signatory",
        "signatory",
        "member",
        "member",
        "issuer",
        "quoted",
        "mentioned",
    ];
    let files: Vec<SourceFile> = (0..DOCUMENTS)
        .map(|d| {
            let year = 1995 + d * 30 / DOCUMENTS;
            let date = match seed.next(10) {
                0 => String::new(),
                1 | 2 => {
                    format!("inferred_date = \"{year}\"\ninferred_date_reason = \"generated\"\n")
                }
                _ => format!("date = \"{year}-{:02}\"\n", 1 + seed.next(12)),
            };
            let mut text = format!(
                "id = \"g{d:03}\"\ntitle = \"Joint letter number {d} on accountability\"\n\
                 kind = \"joint-letter\"\n{date}paragraphs = [\"We, the undersigned, write.\"]\n"
            );
            for _ in 0..40 + seed.next(360) {
                let e = seed.next(ENTITIES);
                let kind = if e.is_multiple_of(5) {
                    "person"
                } else {
                    "organization"
                };
                let role = roles[seed.next(roles.len())];
                text.push_str(&format!(
                    "[[people]]\nname = \"Coalition Member {e:04} for Human Rights\"\n\
                     kind = \"{kind}\"\nrole = \"{role}\"\n"
                ));
            }
            SourceFile::new(format!("g{d:03}.toml"), text)
        })
        .collect();
    Corpus::from_files(&SourceFile::new("entities.toml", String::new()), &files)
        .expect("the generated corpus loads")
}

fn main() {
    let started = Instant::now();
    let library = Library::new(corpus());
    println!(
        "{} documents, {} entities; corpus and indexes built in {:.0} ms\n",
        library.corpus.documents.len(),
        library.corpus.entities.all().len(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    println!("| screen | step | median | p99 | slowest |");
    println!("|---|---|---:|---:|---:|");
    for (columns, rows) in [(120, 40), (200, 60)] {
        measure(&library, columns, rows);
    }
}

/// Times each step as the loop takes a key: `update`, then a frame.
fn measure(library: &Library, columns: u16, rows: u16) {
    let mut state = AppState::new(&library.corpus, &Settings::default());
    let mut terminal = Terminal::new(TestBackend::new(columns, rows)).expect("a test terminal");
    update(&mut state, library, Msg::Resize(columns, rows));
    let mut step = |state: &mut AppState, msg: Msg| {
        let start = Instant::now();
        update(state, library, msg);
        terminal
            .draw(|frame| view(state, library, frame))
            .expect("draws");
        start.elapsed()
    };
    let screen = format!("{columns}×{rows}");
    let opened: Vec<Duration> = (0..20)
        .map(|_| {
            let time = step(&mut state, Msg::Do(Action::ShowCoalition));
            step(&mut state, Msg::Do(Action::Back));
            time
        })
        .collect();
    report(&screen, "`o`: build and draw the grid", opened);
    step(&mut state, Msg::Do(Action::ShowCoalition));
    let keys = |state: &mut AppState, step: &mut dyn FnMut(&mut AppState, Msg) -> Duration, a| {
        (0..KEYS)
            .map(|_| step(state, Msg::Do(a)))
            .collect::<Vec<_>>()
    };
    report(
        &screen,
        "`j` down the rows",
        keys(&mut state, &mut step, Action::MoveDown),
    );
    report(
        &screen,
        "`l` across the columns",
        keys(&mut state, &mut step, Action::MoveRight),
    );
    report(
        &screen,
        "`h` back across",
        keys(&mut state, &mut step, Action::MoveLeft),
    );
    report(
        &screen,
        "page down",
        keys(&mut state, &mut step, Action::PageDown),
    );
    let ends: Vec<Duration> = (0..KEYS)
        .map(|i| {
            let end = if i.is_multiple_of(2) {
                Action::GoBottom
            } else {
                Action::GoTop
            };
            step(&mut state, Msg::Do(end))
        })
        .collect();
    report(&screen, "`G` and `g`", ends);
    let order: Vec<Duration> = (0..30)
        .map(|_| step(&mut state, Msg::Do(Action::ToggleSort)))
        .collect();
    report(&screen, "`s`: another order", order);
    let only: Vec<Duration> = (0..30)
        .map(|_| step(&mut state, Msg::Do(Action::CycleQuickFilter)))
        .collect();
    report(&screen, "`f`: another quick filter", only);
    step(&mut state, Msg::Do(Action::EditFilter));
    let typed: Vec<Duration> = "member 12 for rights"
        .chars()
        .map(|c| step(&mut state, Msg::Typed(c)))
        .collect();
    report(&screen, "a key typed into the filter", typed);
    let erased: Vec<Duration> = (0..20)
        .map(|_| step(&mut state, Msg::Do(Action::DeleteChar)))
        .collect();
    report(&screen, "backspace in the filter", erased);
}

fn report(screen: &str, what: &str, mut times: Vec<Duration>) {
    times.sort();
    let n = times.len();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "| {screen} | {what} | {:.2} ms | {:.2} ms | {:.2} ms |",
        ms(times[n / 2]),
        ms(times[(n * 99 / 100).min(n - 1)]),
        ms(times[n - 1])
    );
}
