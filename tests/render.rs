//! The view: each pane rendered into a buffer, and whole screens as insta
//! snapshots.

mod common;

use common::{bundled, fixture, press, rows, state};
use nkread::library::Library;
use nkread::tui::keymap::{KeyMap, Layer};
use nkread::tui::layout::ViewOptions;
use nkread::tui::layout::reader::ReaderText;
use nkread::tui::state::{AppState, ReaderState, SidebarState};
use nkread::tui::theme::Theme;
use nkread::tui::view::doc_list::DocListView;
use nkread::tui::view::help::HelpView;
use nkread::tui::view::reader::ReaderView;
use nkread::tui::view::sidebar::SidebarView;
use nkread::tui::view::status::StatusView;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

fn render(widget: impl Widget, columns: u16, lines: u16) -> Vec<String> {
    let mut buffer = Buffer::empty(Rect::new(0, 0, columns, lines));
    widget.render(buffer.area, &mut buffer);
    rows(&buffer)
}

fn screen(state: &AppState, lib: &Library) -> String {
    common::drawn(state, lib).to_string()
}

#[test]
fn the_list_shows_title_date_kind_bookmarks_and_its_position_when_focused() {
    let lib = fixture();
    let order = lib.corpus.newest_first();
    let theme = Theme::mono();
    let gamma = [order[2]];
    let mut bookmarks = vec![0; lib.corpus.documents.len()];
    bookmarks[order[0]] = 2;
    let view = |focused| DocListView {
        corpus: &lib.corpus,
        order: &order,
        marked: &gamma,
        bookmarks: &bookmarks,
        selected: 1,
        scroll: 0,
        focused,
        theme: &theme,
    };
    assert_eq!(
        render(view(true), 30, 11),
        [
            "┌ Documents ──────────── 2/3 ┐",
            "│Alpha letter on             │",
            "│accountability for crimes a…│",
            "│  ★2 2020-05-01 · joint let…│",
            "▌Beta Watch welcomes the     │",
            "▌resolution 🙂               │",
            "▌  2018 · press release      │",
            "│● [Gamma statement]         │",
            "│                            │",
            "│  undated · statement       │",
            "└────────────────────────────┘",
        ]
    );
    // Unfocused, neither the position nor the mark: the focus is elsewhere.
    let unfocused = render(view(false), 30, 11);
    assert_eq!(unfocused[0], "┌ Documents ─────────────────┐");
    assert_eq!(unfocused[4], "│Beta Watch welcomes the     │");
}

#[test]
fn a_list_scrolled_into_a_document_s_rows_starts_at_that_row() {
    let lib = fixture();
    let order = lib.corpus.newest_first();
    let theme = Theme::mono();
    let bookmarks = vec![0; lib.corpus.documents.len()];
    // Scrolled by four lines: the second document's second line is first,
    // and only the rows on screen are laid out.
    let view = DocListView {
        corpus: &lib.corpus,
        order: &order,
        marked: &[],
        bookmarks: &bookmarks,
        selected: 2,
        scroll: 4,
        focused: true,
        theme: &theme,
    };
    assert_eq!(
        render(view, 30, 6),
        [
            "┌ Documents ──────────── 3/3 ┐",
            "│resolution 🙂               │",
            "│  2018 · press release      │",
            "▌[Gamma statement]           │",
            "▌                            │",
            "└────────────────────────────┘",
        ]
    );
}

#[test]
fn the_reader_numbers_paragraphs_and_marks_the_cursor_and_bookmarks() {
    let lib = fixture();
    let doc = lib.corpus.get("beta-2018").unwrap();
    let theme = Theme::mono();
    let view = ReaderView {
        doc,
        position: ReaderState {
            scroll: 0,
            cursor: 1,
        },
        focused: true,
        theme: &theme,
        matched: &[],
        bookmarked: &[2],
        text: &ReaderText::lay_out(doc, 48, ViewOptions::default(), false),
    };
    assert_eq!(
        render(view, 50, 13),
        [
            "┌ Reader ───────────────────────────── ¶2/3 100% ┐",
            "│     Beta Watch welcomes the resolution 🙂      │",
            "│     2018 · press release                       │",
            "│     Issued by Beta Watch                       │",
            "│                                                │",
            "│  1  Beta Watch welcomed the resolution today.  │",
            "│                                                │",
            "│▌ 2  “This is a step,” said Jane Roe.           │",
            "│                                                │",
            "│  3★ A third paragraph with Hangul: 북한 인권.  │",
            "│                                                │",
            "│                                                │",
            "└────────────────────────────────────────────────┘",
        ]
    );
}

#[test]
fn the_reader_marks_the_characters_a_search_matched() {
    let lib = fixture();
    let doc = lib.corpus.get("beta-2018").unwrap();
    let theme = Theme::mono();
    let view = ReaderView {
        doc,
        position: ReaderState {
            scroll: 0,
            cursor: 1,
        },
        focused: true,
        theme: &theme,
        // "Jane" in "“This is a step,” said Jane Roe."
        matched: &[23, 24, 25, 26],
        bookmarked: &[],
        text: &ReaderText::lay_out(doc, 48, ViewOptions::default(), false),
    };
    let mut buffer = Buffer::empty(Rect::new(0, 0, 50, 13));
    view.render(buffer.area, &mut buffer);
    let row = 7;
    let line: String = (0..50).map(|x| buffer[(x, row)].symbol()).collect();
    let jane = line
        .find("Jane")
        .map(|b| line[..b].chars().count())
        .unwrap() as u16;
    for x in jane..jane + 4 {
        assert_eq!(
            buffer[(x, row)].style().add_modifier,
            theme.matched.add_modifier,
            "{x}"
        );
    }
    assert_ne!(
        buffer[(jane - 2, row)].style().add_modifier,
        theme.matched.add_modifier
    );
}

#[test]
fn marks_on_a_wrapped_line_land_on_the_matched_characters() {
    let lib = fixture();
    let doc = lib.corpus.get("alpha-2020").unwrap();
    let theme = Theme::mono();
    let text = &doc.paragraphs[1];
    let word = "wrap over";
    let at = text[..text.find(word).unwrap()].chars().count();
    let marks: Vec<usize> = (at..at + word.chars().count()).collect();
    let view = ReaderView {
        doc,
        position: ReaderState {
            scroll: 0,
            cursor: 1,
        },
        focused: true,
        theme: &theme,
        matched: &marks,
        bookmarked: &[],
        text: &ReaderText::lay_out(doc, 58, ViewOptions::default(), false),
    };
    let mut buffer = Buffer::empty(Rect::new(0, 0, 60, 20));
    view.render(buffer.area, &mut buffer);
    let mut found = String::new();
    for y in 0..20 {
        for x in 0..60 {
            let cell = &buffer[(x, y)];
            if cell.style().add_modifier == theme.matched.add_modifier {
                found.push_str(cell.symbol());
            }
        }
    }
    assert_eq!(
        found, "wrap over",
        "the marked cells are the words, on their line"
    );
}

#[test]
fn the_reader_centres_a_reading_width_on_wide_panes() {
    let lib = fixture();
    let doc = lib.corpus.get("alpha-2020").unwrap();
    let theme = Theme::mono();
    let view = ReaderView {
        doc,
        position: ReaderState::default(),
        focused: false,
        theme: &theme,
        matched: &[],
        bookmarked: &[],
        text: &ReaderText::lay_out(doc, 158, ViewOptions::default(), false),
    };
    let lines = render(view, 160, 30);
    let longest = lines[1..29]
        .iter()
        .map(|l| l.trim_matches(['│', '█']).trim().chars().count())
        .max()
        .unwrap();
    assert!(
        longest <= 80 + 4,
        "the measure is 80 columns plus the margin"
    );
    let indent = lines[1].trim_start_matches('│').len()
        - lines[1].trim_start_matches('│').trim_start().len();
    assert!(indent > 30, "the text is centred, not flush left: {indent}");
}

#[test]
fn the_sidebar_groups_people_by_role_with_counts_and_details() {
    let lib = fixture();
    let doc = lib
        .corpus
        .documents
        .iter()
        .position(|d| d.id == "alpha-2020")
        .unwrap();
    let theme = Theme::mono();
    let view = SidebarView {
        library: &lib,
        doc,
        state: SidebarState::default(),
        focused: true,
        theme: &theme,
    };
    assert_eq!(
        render(view, 32, 18),
        [
            "┌ People 5 ─────────────── 1/5 ┐",
            "│Issuers (1)                   │",
            "▌Alpha Coalition               │",
            "▌  AC                          │",
            "│                              │",
            "│Signatories (3)               │",
            "│Tomás Ojea Quintana           │",
            "│  Former UN Special Rapporteur│",
            "│북한인권시민연합              │",
            "│  Republic of Korea           │",
            "│Beta Watch +1                 │",
            "│                              │",
            "│Quoted (1)                    │",
            "│Jane Roe +1                   │",
            "│  Beta Watch                  │",
            "│                              │",
            "│                              │",
            "└──────────────────────────────┘",
        ]
    );
}

#[test]
fn help_lists_every_binding_of_every_layer_from_the_key_map() {
    let keymap = KeyMap::default();
    let theme = Theme::mono();
    let help = render(
        HelpView {
            keymap: &keymap,
            scroll: 0,
            theme: &theme,
        },
        120,
        200,
    )
    .iter()
    .map(|row| row.trim_matches(|c| c == '│' || c == ' '))
    .collect::<Vec<_>>()
    .join(" ");
    // Wrapped descriptions read as one.
    let help = help.split_whitespace().collect::<Vec<_>>().join(" ");
    for layer in Layer::ALL {
        assert!(help.contains(layer.title()), "{layer:?}");
        for (action, keys) in keymap.layer(layer) {
            let keys: Vec<String> = keys.iter().map(ToString::to_string).collect();
            let line = keys.join(", ");
            assert!(help.contains(&line), "{line}");
            assert!(help.contains(action.description()), "{action:?}");
        }
    }
}

#[test]
fn the_status_bar_shows_the_pane_and_its_keys_or_a_message() {
    let lib = fixture();
    let mut s = state(&lib, 80, 24);
    assert_eq!(
        render(
            StatusView {
                state: &s,
                building: None,
                place: None,
            },
            80,
            1
        ),
        [" Documents  ? help  q quit  j move  enter open  space mark  tab pane  s people"]
    );
    press(&mut s, &lib, "<enter>y");
    assert_eq!(
        render(
            StatusView {
                state: &s,
                building: None,
                place: None,
            },
            80,
            1
        ),
        [" Reader  sent ¶1 with its citation to the clipboard (OSC 52)"]
    );
}

#[test]
fn wide_characters_keep_the_borders_in_place() {
    let lib = fixture();
    let mut s = state(&lib, 120, 40);
    press(&mut s, &lib, "j");
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    terminal
        .draw(|frame| nkread::tui::view::view(&s, &lib, frame))
        .expect("draws");
    for line in rows(terminal.backend().buffer()) {
        if line.contains('│') {
            let width = unicode_width::UnicodeWidthStr::width(line.as_str());
            assert_eq!(width, 120, "{line}");
        }
    }
}

#[test]
fn screens_at_80x24() {
    let lib = bundled();
    let mut s = state(&lib, 80, 24);
    insta::assert_snapshot!("list_80x24", screen(&s, &lib));
    press(&mut s, &lib, "j<enter>]]");
    insta::assert_snapshot!("reader_80x24", screen(&s, &lib));
    press(&mut s, &lib, "<tab>");
    insta::assert_snapshot!("sidebar_80x24", screen(&s, &lib));
}

/// The hits on screen come before their count, which says "counting…"
/// until it arrives, then the total with its thousands set apart.
#[test]
fn hits_before_their_count_at_80x24() {
    use nkread::tui::layout::search::{answer, counted};
    use nkread::tui::msg::Msg;
    use nkread::tui::update::update;
    let lib = bundled();
    let mut s = state(&lib, 80, 24);
    press(&mut s, &lib, "/");
    let effects = update(&mut s, &lib, Msg::Paste("human rights".into()));
    let Some(nkread::tui::update::Effect::Search(ask)) = effects.into_iter().next() else {
        panic!("no query asked");
    };
    let ask = nkread::tui::msg::Ask { first: 3, ..ask };
    update(&mut s, &lib, Msg::Searched(answer(&lib, &ask)));
    let shown = screen(&s, &lib);
    assert!(shown.contains("1/counting…"), "{shown}");
    insta::assert_snapshot!("search_counting_80x24", shown);
    update(
        &mut s,
        &lib,
        Msg::Searched(counted(&lib, &ask, &|| false).expect("counted")),
    );
    let total = match s.overlays.last() {
        Some(nkread::tui::state::Overlay::Search(search)) => search.total,
        _ => panic!("the search overlay"),
    };
    let shown = screen(&s, &lib);
    assert!(shown.contains(&format!("1/{total}")), "{shown}");
    assert!(!shown.contains("counting"), "{shown}");
}

#[test]
fn files_that_did_not_load_at_80x24() {
    let lib = bundled();
    let mut s = state(&lib, 80, 24);
    let text = "id = \"memo\"\ntitle = \"A memo\"\nkind = \"memo\"\n";
    s.load_problems = vec![
        nkread::corpus::Problem::new(
            "notes/memo.toml",
            "unknown variant `memo`, expected one of `press-release`, `statement`",
        )
        .at_offset(text, text.rfind("\"memo").unwrap())
        .in_field("kind"),
        nkread::corpus::Problem::new("notes/other.json", "EOF while parsing an object"),
    ];
    insta::assert_snapshot!("unloaded_status_80x24", screen(&s, &lib));
    // Narrow, the key that lists them is kept before anything is cut.
    let mut narrow = s.clone();
    nkread::tui::update::update(&mut narrow, &lib, nkread::tui::msg::Msg::Resize(40, 12));
    let last = common::rows(common::drawn(&narrow, &lib).buffer())
        .pop()
        .unwrap();
    assert_eq!(last, " Documents, 1 of 5  2 files unloaded: !");
    press(&mut s, &lib, "!");
    insta::assert_snapshot!("unloaded_list_80x24", screen(&s, &lib));
}

#[test]
fn a_list_of_thousands_of_problems_shows_the_first_and_says_how_many_more() {
    let problems: Vec<_> = (0..2500)
        .map(|i| nkread::corpus::Problem::new(format!("d{i}.toml"), "the title is empty"))
        .collect();
    let lines = nkread::tui::layout::pager::problem_lines(&problems, &Theme::mono(), 60);
    let text: Vec<String> = lines.iter().map(ToString::to_string).collect();
    assert!(text[0].starts_with("2500 files did not load"), "{text:?}");
    assert!(text.iter().any(|l| l.starts_with("d99.toml")));
    assert!(!text.iter().any(|l| l.starts_with("d100.toml")));
    assert_eq!(
        text.last().map(String::as_str),
        Some("…and 2400 more problems: `nkread check` lists them all.")
    );
}

#[test]
fn screens_at_120x40() {
    let lib = bundled();
    let mut s = state(&lib, 120, 40);
    press(&mut s, &lib, "jj<enter>");
    insta::assert_snapshot!("reader_120x40", screen(&s, &lib));
    press(&mut s, &lib, "?");
    insta::assert_snapshot!("help_120x40", screen(&s, &lib));
}

#[test]
fn screens_when_small() {
    let lib = bundled();
    let mut s = state(&lib, 40, 12);
    press(&mut s, &lib, "<enter>");
    insta::assert_snapshot!("reader_40x12", screen(&s, &lib));
    let s = state(&lib, 10, 3);
    insta::assert_snapshot!("too_small_10x3", screen(&s, &lib));
}

#[test]
fn the_people_pane_and_the_coalition_grid() {
    let lib = bundled();
    let mut s = state(&lib, 120, 40);
    press(&mut s, &lib, "p/human rights watch<enter>");
    insta::assert_snapshot!("people_120x40", screen(&s, &lib));
    press(&mut s, &lib, "<esc><space>jj<space>o");
    insta::assert_snapshot!("grid_120x40", screen(&s, &lib));
}

#[test]
fn the_search_overlay_and_the_matches_in_the_reader() {
    let lib = bundled();
    let mut s = state(&lib, 120, 40);
    press(&mut s, &lib, "/secrty councl");
    insta::assert_snapshot!("search_120x40", screen(&s, &lib));
    press(&mut s, &lib, "<down><enter>");
    insta::assert_snapshot!("search_opened_120x40", screen(&s, &lib));
}

#[test]
fn the_bookmarks_pane_with_a_note_and_an_orphan() {
    let lib = bundled();
    let mut s = state(&lib, 120, 40);
    // Two passages of the newest document, one with a note.
    press(&mut s, &lib, "<enter>]]b]b");
    press(&mut s, &lib, "Be");
    press(&mut s, &lib, "for the HRC briefing<enter>");
    s.bookmarks.push(nkread::bookmarks::Bookmark {
        id: "0badc0de".into(),
        doc: "withdrawn-2019".into(),
        paragraph: 4,
        quote: "A passage from a document that is no longer in the corpus.".into(),
        fingerprint: "0".repeat(16),
        note: "ask the editors why".into(),
        created: "2026-01-02T03:04:05Z".into(),
    });
    s.place_bookmarks(&lib.corpus);
    insta::assert_snapshot!("bookmarks_120x40", screen(&s, &lib));
    press(&mut s, &lib, "<esc>");
    insta::assert_snapshot!("bookmarked_reader_120x40", screen(&s, &lib));
    let mut s = state(&lib, 80, 24);
    press(&mut s, &lib, "<enter>]]bB/ten<enter>");
    insta::assert_snapshot!("bookmarks_filtered_80x24", screen(&s, &lib));
}

/// Neighbouring panes share a border column, and the focused pane's colour
/// wins it, so the focus reads the same on every side.
#[test]
fn the_focused_pane_owns_the_border_it_shares() {
    let lib = bundled();
    let mut s = state(&lib, 120, 40);
    let draw = |s: &AppState| common::drawn(s, &lib).buffer().clone();
    let panes = s.panes();
    let (list, reader) = (panes.list.unwrap(), panes.reader.unwrap());
    let shared = list.right() - 1;
    assert_eq!(shared, reader.x);
    let buffer = draw(&s);
    assert_eq!(buffer[(shared, 0)].symbol(), "┬");
    assert_eq!(buffer[(shared, 5)].symbol(), "│");
    assert_eq!(buffer[(shared, 38)].symbol(), "┴");
    // As drawn: the style's colour and modifiers over the terminal's own.
    let looks = |cell: &ratatui::buffer::Cell| (cell.fg, cell.modifier);
    let drawn = |style: ratatui::style::Style| {
        (
            style.fg.unwrap_or(ratatui::style::Color::Reset),
            style.add_modifier,
        )
    };
    let (focused, plain) = (drawn(s.theme.border_focused), drawn(s.theme.border));
    assert_ne!(focused, plain);
    assert_eq!(
        looks(&buffer[(shared, 5)]),
        focused,
        "the list has the focus"
    );
    press(&mut s, &lib, "<enter>");
    let buffer = draw(&s);
    assert_eq!(looks(&buffer[(shared, 5)]), focused, "the reader has it");
    assert_eq!(looks(&buffer[(0, 5)]), plain);
}

/// A passage that opens with a quotation mark is not given a second one.
#[test]
fn the_bookmarks_list_does_not_double_a_passage_s_opening_quotation_mark() {
    let lib = bundled();
    let mut s = state(&lib, 100, 30);
    s.bookmarks.push(nkread::bookmarks::Bookmark {
        id: "0badc0de".into(),
        doc: "icnk-crimes-against-humanity-demand-justice-2017".into(),
        paragraph: 3,
        quote: "“The North Korea government and its leaders should face justice…".into(),
        fingerprint: "0".repeat(16),
        note: String::new(),
        created: "2026-01-02T03:04:05Z".into(),
    });
    s.place_bookmarks(&lib.corpus);
    press(&mut s, &lib, "B");
    let shown = screen(&s, &lib);
    assert!(shown.contains("  “The North Korea"), "{shown}");
    assert!(!shown.contains("““"), "{shown}");
}

/// At 40 columns the snippet gets the row, not the date and title: it
/// showed only "…(song…".
#[test]
fn a_search_snippet_has_the_row_on_a_narrow_screen() {
    let lib = bundled();
    let mut s = state(&lib, 40, 12);
    press(&mut s, &lib, "/songbun");
    let shown = screen(&s, &lib);
    let row = shown
        .lines()
        .find(|l| l.contains("¶3"))
        .unwrap_or_else(|| panic!("{shown}"));
    let snippet = row.split("¶3").nth(1).unwrap_or_default();
    assert!(snippet.contains("(songbun)"), "{shown}");
    assert!(
        snippet
            .trim_matches(|c: char| c == '│' || c.is_whitespace())
            .chars()
            .count()
            >= 24,
        "{shown}"
    );
}

/// An empty answer says which term matched nothing over its partial
/// matches, each marked `~`; filters are restated in words under the query.
#[test]
fn the_search_overlay_says_why_nothing_was_found_and_what_the_filters_mean() {
    let lib = bundled();
    let mut s = state(&lib, 80, 24);
    press(&mut s, &lib, "/forced labor overseas");
    let shown = screen(&s, &lib);
    let lines: Vec<&str> = shown.lines().collect();
    assert!(
        lines[2].contains("1/2 ~ nothing matches “overseas”; partial matches without it"),
        "{shown}"
    );
    assert!(lines[3].starts_with("\"▌~"), "{shown}");
    assert!(lines[4].starts_with("\"│~"), "{shown}");
    insta::assert_snapshot!("search_partial_80x24", shown);
    let mut s = state(&lib, 120, 40);
    press(&mut s, &lib, "/role:quoted by:hrw");
    let shown = screen(&s, &lib);
    let lines: Vec<&str> = shown.lines().collect();
    assert!(
        lines[2].contains(
            "= documents issued, signed or joined by Human Rights Watch; people quoted in them"
        ),
        "{shown}"
    );
    insta::assert_snapshot!("search_filters_120x40", shown);
}

/// The row the terminal's cursor is on, from the cursor on, and the cell
/// left of it; panics where the cursor is hidden.
fn at_cursor(state: &AppState, lib: &Library) -> (String, String) {
    let backend = common::drawn(state, lib);
    assert!(backend.cursor_visible(), "the cursor is hidden");
    let at = backend.cursor_position();
    let buffer = backend.buffer();
    let row: String = (at.x..buffer.area.right())
        .map(|x| buffer[(x, at.y)].symbol())
        .take_while(|&c| c != "│")
        .collect();
    let left = match at.x {
        0 => String::new(),
        x => buffer[(x - 1, at.y)].symbol().to_string(),
    };
    (row, left)
}

/// Screen readers and braille displays follow the terminal's cursor: it is
/// shown, on the focused item, in every pane and overlay, and the selected
/// row is marked in text, not by colour alone.
#[test]
fn the_cursor_is_on_the_focused_row_in_every_pane_and_overlay() {
    let lib = bundled();
    let corpus = &lib.corpus;
    for (columns, rows) in [(120, 40), (80, 24)] {
        let mut s = state(&lib, columns, rows);
        press(&mut s, &lib, "j");
        let title = corpus.documents[s.open().unwrap()].shown_title();
        let (row, left) = at_cursor(&s, &lib);
        assert!(
            title.starts_with(row.trim_end().trim_end_matches('…')),
            "list: {row}"
        );
        assert_eq!(left, "▌", "the list's selected row is marked");

        press(&mut s, &lib, "<enter>]]");
        let (row, _) = at_cursor(&s, &lib);
        let third = &corpus.documents[s.open().unwrap()].paragraphs[2];
        let words: String = third
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(row.starts_with(&words), "reader: {row:?} for {words:?}");

        press(&mut s, &lib, "<tab>");
        let (row, left) = at_cursor(&s, &lib);
        let doc = &corpus.documents[s.open().unwrap()];
        assert!(
            doc.people.iter().any(|p| {
                let name = &corpus.entities.get(p.entity).name;
                name.starts_with(row.split_whitespace().next().unwrap_or("?"))
            }),
            "sidebar: {row}"
        );
        assert_eq!(left, "▌", "the sidebar's selected entry is marked");

        press(&mut s, &lib, "<esc>p");
        let (row, left) = at_cursor(&s, &lib);
        let nkread::tui::state::Overlay::People(people) = s.overlays.last().unwrap().clone() else {
            panic!("the People pane")
        };
        let name = &corpus.entities.get(people.listed[people.selected]).name;
        assert!(row.starts_with(&name[..8]), "people: {row} for {name}");
        assert_eq!(left, "▌");

        press(&mut s, &lib, "<tab>");
        let (_, left) = at_cursor(&s, &lib);
        assert_eq!(left, "▌", "the detail's selected row is marked");

        press(&mut s, &lib, "/watc");
        let (row, left) = at_cursor(&s, &lib);
        assert!(
            row.starts_with(' ') && left == "c",
            "the filter: {left}{row}"
        );

        press(&mut s, &lib, "<esc><esc>/secrty councl");
        let (_, left) = at_cursor(&s, &lib);
        assert_eq!(left, "l", "the query");
        // Moving through the hits takes the cursor there; typing, back.
        press(&mut s, &lib, "<down>");
        let (row, left) = at_cursor(&s, &lib);
        assert!(row.starts_with("c. 2015"), "the second hit: {row}");
        assert_eq!(left, "▌");
        press(&mut s, &lib, "s");
        let (_, left) = at_cursor(&s, &lib);
        assert_eq!(left, "s", "the query again");

        press(&mut s, &lib, "<esc>?");
        let (row, _) = at_cursor(&s, &lib);
        assert!(!row.trim().is_empty(), "help: {row}");

        press(&mut s, &lib, "<esc>o");
        let (row, left) = at_cursor(&s, &lib);
        let nkread::tui::state::Overlay::Grid(grid) = s.overlays.last().unwrap().clone() else {
            panic!("the grid")
        };
        let entity = grid.grid.entity(grid.listed[grid.selected]);
        let name = &corpus.entities.get(entity).name;
        assert!(row.starts_with(&name[..8]), "grid: {row} for {name}");
        assert_eq!(left, "▌");

        press(&mut s, &lib, "<esc><enter>bB");
        let (row, left) = at_cursor(&s, &lib);
        assert!(
            title.starts_with(&row[..10]) || row.contains("Korea"),
            "bookmarks: {row}"
        );
        assert_eq!(left, "▌");
        press(&mut s, &lib, "ea note");
        let (_, left) = at_cursor(&s, &lib);
        assert_eq!(left, "e", "the note being written");
    }
}

#[test]
fn the_status_bar_names_the_focused_pane_and_where_the_focus_is() {
    let lib = fixture();
    let mut s = state(&lib, 80, 24);
    let bar = |s: &AppState| rows(common::drawn(s, &lib).buffer()).pop().unwrap();
    assert!(bar(&s).starts_with(" Documents, 1 of 3 "), "{}", bar(&s));
    press(&mut s, &lib, "<enter>]]");
    let n = lib.corpus.documents[s.open().unwrap()].paragraphs.len();
    assert!(
        bar(&s).starts_with(&format!(" Reader, ¶3 of {n} ")),
        "{}",
        bar(&s)
    );
    press(&mut s, &lib, "p");
    assert!(bar(&s).starts_with(" People index, 1 of "), "{}", bar(&s));
}

/// Without borders, no box-drawing character is drawn: a title line and a
/// blank column stand for each line, and the text stays where it was.
#[test]
fn screens_without_borders() {
    let lib = bundled();
    for (columns, rows) in [(120, 40), (80, 24)] {
        let mut s = state(&lib, columns, rows);
        let framed = common::drawn(&s, &lib).buffer().clone();
        s.theme.borders = false;
        press(&mut s, &lib, "");
        let bare = common::drawn(&s, &lib).buffer().clone();
        let text = rows_of(&bare);
        assert!(
            !text.chars().any(|c| ('\u{2500}'..='\u{257f}').contains(&c)),
            "{text}"
        );
        // Inside the panes, the same text at the same place.
        let inner = nkread::tui::layout::inner(s.panes().list.unwrap());
        for y in inner.top()..inner.bottom() {
            for x in inner.left()..inner.right() {
                assert_eq!(framed[(x, y)].symbol(), bare[(x, y)].symbol());
            }
        }
        press(&mut s, &lib, "j<enter>]");
        insta::assert_snapshot!(format!("no_borders_{columns}x{rows}"), screen(&s, &lib));
        press(&mut s, &lib, "p");
        let text = rows_of(common::drawn(&s, &lib).buffer());
        assert!(
            !text.chars().any(|c| ('\u{2500}'..='\u{257f}').contains(&c)),
            "{text}"
        );
    }
}

fn rows_of(buffer: &Buffer) -> String {
    rows(buffer).join("\n")
}

/// An overlay narrower than the screen ends above the panes' bottom border,
/// never on it (`└────└────┘────┘`), at every size; one as wide as the
/// screen covers that row whole.
#[test]
fn no_overlay_draws_its_border_on_the_panes_bottom_border() {
    let lib = bundled();
    let sizes = [
        (20, 6),
        (24, 7),
        (40, 12),
        (61, 15),
        (80, 24),
        (100, 30),
        (120, 40),
        (200, 60),
    ];
    for (columns, lines) in sizes {
        for keys in ["?", "B", "p", "/council", "o"] {
            let mut s = state(&lib, columns, lines);
            press(&mut s, &lib, keys);
            let screen = rows(common::drawn(&s, &lib).buffer());
            for y in [0, usize::from(lines) - 2] {
                let row: Vec<char> = screen[y].chars().collect();
                for (x, c) in row.iter().enumerate() {
                    let inside = x > 0 && x + 1 < usize::from(columns);
                    assert!(
                        !(inside && "┌┐└┘".contains(*c)),
                        "{keys:?} at {columns}x{lines}, row {y}: {}",
                        screen[y]
                    );
                }
            }
        }
    }
}

/// The sidebar breaks names and details between words, never inside one
/// ("Rapporteur/Commissio|n on Inquiry" was the width alone).
#[test]
fn the_sidebar_breaks_between_words_not_inside_them() {
    let lib = bundled();
    let doc = lib
        .corpus
        .documents
        .iter()
        .position(|d| d.id == "hrc55-open-letter-2024")
        .unwrap();
    let text = nkread::tui::layout::sidebar::SidebarText::lay_out(&lib, doc, 22);
    let lines: Vec<&str> = text.lines.iter().map(|(l, _)| l.trim()).collect();
    assert!(lines.contains(&"Commission on"), "{lines:#?}");
    for pair in lines.windows(2) {
        let split = pair[0].ends_with(|c: char| c.is_alphabetic())
            && pair[1].starts_with(|c: char| c.is_lowercase());
        assert!(!split || pair[0].contains(' '), "{pair:?}");
    }
    assert!(lines.iter().all(|l| !l.ends_with("Commissio")));
}
