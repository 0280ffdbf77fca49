//! `nkread import` measured against the curated corpus: each capture in
//! data/sources/, and each HTML fixture holding the same text inside page
//! chrome, is imported and compared with its curated document. Scores are
//! printed (`cargo test --test import -- --nocapture`).

mod common;

use common::home::nkread;
use nkread::corpus::{Corpus, Document, SourceFile};
use nkread::import::{self, Options, fidelity};
use std::path::Path;

fn corpus() -> Corpus {
    Corpus::load(&[]).expect("the bundled corpus loads")
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The draft, through the TOML the command prints and the real loader.
fn draft_of(bytes: &[u8], source: &str, corpus: &Corpus) -> (Document, import::Draft) {
    let options = Options {
        id: Some("draft-under-test".into()),
        source: Some(source.into()),
        ..Options::default()
    };
    let draft = import::import(bytes, &options, &corpus.entities).expect("imports");
    let problems = fidelity::check(&draft.doc, &draft.capture_text);
    assert!(problems.is_empty(), "{source}: {problems:#?}");
    let text = import::to_toml(&draft, &|_| None);
    let file = SourceFile::new(format!("{source}.toml"), text);
    let loaded = Corpus::from_files(&SourceFile::new("entities.toml", String::new()), &[file])
        .unwrap_or_else(|p| panic!("{source}: the draft does not load:\n{p}"));
    (loaded.documents[0].clone(), draft)
}

struct Scores {
    paragraphs: f64,
    people: f64,
    extra: usize,
    fields: f64,
    date: bool,
    title: bool,
}

fn ratio(n: usize, of: usize) -> f64 {
    if of == 0 { 1.0 } else { n as f64 / of as f64 }
}

fn score(draft: &Document, reviews: &import::Draft, curated: &Document) -> Scores {
    let paragraphs = curated
        .paragraphs
        .iter()
        .zip(&draft.paragraphs)
        .filter(|(a, b)| a == b)
        .count();
    let paragraphs = if draft.paragraphs.len() == curated.paragraphs.len() {
        ratio(paragraphs, curated.paragraphs.len())
    } else {
        0.0
    };
    let same = |a: &nkread::corpus::Person, b: &nkread::corpus::Person| {
        a.name == b.name && a.kind == b.kind && a.role == b.role
    };
    let people = curated
        .people
        .iter()
        .filter(|c| draft.people.iter().any(|d| same(c, d)))
        .count();
    let extra = draft
        .people
        .iter()
        .filter(|d| !curated.people.iter().any(|c| same(c, d)))
        .count();
    // Each curated title and affiliation is one item, found if the draft's
    // entry for that name, kind and role has it.
    let mut items = 0;
    let mut fields = 0;
    for c in &curated.people {
        let d = draft.people.iter().find(|d| same(c, d));
        for (want, got) in [
            (&c.title, d.and_then(|d| d.title.as_ref())),
            (&c.affiliation, d.and_then(|d| d.affiliation.as_ref())),
        ] {
            if let Some(want) = want {
                items += 1;
                fields += usize::from(got == Some(want));
            }
        }
    }
    let flagged = |field: &str| reviews.reviews.iter().any(|r| r.field == field);
    let date = (draft.date == curated.date && draft.inferred_date == curated.inferred_date)
        || flagged("date")
        || flagged("inferred_date");
    let title = draft.title == curated.title || flagged("title");
    Scores {
        paragraphs,
        people: ratio(people, curated.people.len()),
        extra,
        fields: ratio(fields, items),
        date,
        title,
    }
}

/// Prints the scores; returns what falls short.
fn hold(name: &str, s: &Scores) -> Vec<String> {
    eprintln!(
        "{name}: paragraphs {:.0}%, people {:.0}% ({} extra), titles and affiliations {:.0}%, date {}, title {}",
        s.paragraphs * 100.0,
        s.people * 100.0,
        s.extra,
        s.fields * 100.0,
        if s.date { "right or flagged" } else { "WRONG" },
        if s.title { "right or flagged" } else { "WRONG" },
    );
    [
        (s.paragraphs == 1.0, "paragraphs"),
        (s.people >= 0.95, "people"),
        (s.fields >= 0.90, "titles and affiliations"),
        (s.date && s.title, "date and title"),
    ]
    .into_iter()
    .filter(|(held, _)| !held)
    .map(|(_, what)| format!("{name}: {what}"))
    .collect()
}

#[test]
fn each_capture_imports_as_its_curated_document() {
    let corpus = corpus();
    let mut short = Vec::new();
    for curated in &corpus.documents {
        let source = curated.source.as_deref().expect("a source");
        let bytes = std::fs::read(root().join("data/sources").join(source)).expect("reads");
        let (draft, reviews) = draft_of(&bytes, source, &corpus);
        short.extend(hold(source, &score(&draft, &reviews, curated)));
    }
    assert!(short.is_empty(), "{short:#?}");
}

#[test]
fn html_fixtures_import_as_their_curated_documents() {
    let corpus = corpus();
    let dir = root().join("tests/fixtures/import");
    let mut seen = 0;
    let mut short = Vec::new();
    for curated in &corpus.documents {
        let stem = curated
            .source
            .as_deref()
            .expect("a source")
            .replace(".txt", ".html");
        let Ok(bytes) = std::fs::read(dir.join(&stem)) else {
            continue;
        };
        seen += 1;
        let (draft, reviews) = draft_of(&bytes, &stem, &corpus);
        short.extend(hold(&stem, &score(&draft, &reviews, curated)));
    }
    assert!(seen >= 2, "the HTML fixtures are there");
    assert!(short.is_empty(), "{short:#?}");
}

#[test]
fn bad_captures_exit_2_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, says) in [
        ("empty.txt", &b""[..], "the file is empty"),
        ("binary.bin", &b"\x7fELF\x02\x01\x01\0\0\0"[..], "binary"),
        ("latin1.txt", &b"Caf\xe9 au lait"[..], "offset 3"),
        (
            "title.txt",
            &b"Open Letter on North Korea\n"[..],
            "no text to keep",
        ),
        (
            "blank.html",
            &b"<html><body><script>1</script></body></html>"[..],
            "no text",
        ),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        nkread()
            .arg("import")
            .arg(&path)
            .assert()
            .code(2)
            .stderr(predicates::str::contains(says));
    }
}

#[test]
fn a_known_capture_says_which_document_it_duplicates() {
    nkread()
        .args(["import", "data/sources/003_a4c01b9df4dd9a2f.txt"])
        .current_dir(root())
        .assert()
        .success()
        .stdout(predicates::str::contains("[[people]]"))
        .stderr(predicates::str::contains(
            "already in the corpus: document \"joint-letter-security-council-2015\"",
        ));
}

#[test]
fn an_id_the_corpus_has_is_said_and_a_free_one_proposed() {
    let corpus = tempfile::tempdir().unwrap();
    std::fs::write(
        corpus.path().join("mine.toml"),
        "id = \"a-letter-on-the-camps-2019\"\ntitle = \"Mine\"\nkind = \"letter\"\nparagraphs = [\"Text.\"]\n",
    )
    .unwrap();
    let page = corpus.path().join("page.txt");
    std::fs::write(
        &page,
        "A Letter on the Camps\nDate : March 1, 2019\nThe camps must close, and the groups who wrote this say so again.\n",
    )
    .unwrap();
    // The made-up id is taken: the draft takes the next free one, and says so.
    nkread()
        .arg("--corpus")
        .arg(corpus.path())
        .arg("import")
        .arg(&page)
        .assert()
        .success()
        .stdout(predicates::str::contains("id = \"a-letter-on-the-camps-2019-2\""))
        .stderr(predicates::str::contains(
            "the id \"a-letter-on-the-camps-2019\" is already used in the corpus: the draft takes \"a-letter-on-the-camps-2019-2\"",
        ));
    // An id given with --id that is taken is refused, with a free one.
    nkread()
        .arg("--corpus")
        .arg(corpus.path())
        .args(["import", "--id", "a-letter-on-the-camps-2019"])
        .arg(&page)
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "already used by a document of the corpus; give another with --id, such as \"a-letter-on-the-camps-2019-2\"",
        ));
}

#[test]
fn out_writes_the_file_once_and_force_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let capture = root().join("tests/fixtures/import/new-letter.html");
    let run = |force: bool| {
        let mut cmd = nkread();
        cmd.arg("import").arg(&capture).arg("--out").arg(dir.path());
        if force {
            cmd.arg("--force");
        }
        cmd.assert()
    };
    run(false).success().stdout("");
    let written: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    run(false)
        .code(2)
        .stderr(predicates::str::contains("--force replaces it"));
    run(true).success();
    // The written draft reads as a corpus, and checks.
    nkread()
        .arg("--corpus")
        .arg(dir.path())
        .arg("check")
        .assert()
        .success();
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

/// The entries the summary proposes, as (one, two): those to paste if each
/// look-alike pair is one entity, and those if it is two.
fn proposals(summary: &str) -> (String, String) {
    let (mut one, mut two) = (String::new(), String::new());
    let mut into = &mut one;
    let section = summary
        .lines()
        .skip_while(|l| !l.contains("paste one of its entries"))
        .skip(1)
        .take_while(|l| l.starts_with("    "));
    for line in section {
        let line = line.trim_start();
        if line.starts_with("# if they are two") {
            into = &mut two;
        } else if line.starts_with("# if ") {
            into = &mut one;
        }
        into.push_str(line);
        into.push('\n');
    }
    (one, two)
}

#[test]
fn look_alikes_come_with_entities_entries_that_settle_them_when_pasted() {
    let capture = root().join("tests/fixtures/import/look-alike.txt");
    for pick_one in [true, false] {
        let dir = tempfile::tempdir().unwrap();
        let out = nkread()
            .arg("import")
            .arg(&capture)
            .arg("--out")
            .arg(dir.path())
            .assert()
            .success()
            .get_output()
            .clone();
        let summary = String::from_utf8(out.stderr).unwrap();
        assert_eq!(summary.matches("  warning: ").count(), 2, "{summary}");
        let (one, two) = proposals(&summary);
        assert_eq!(one.matches("[[entity]]").count(), 2, "{summary}");
        assert_eq!(two.matches("[[entity]]").count(), 2, "{summary}");
        let pasted = if pick_one { one } else { two };
        std::fs::write(dir.path().join("entities.toml"), &pasted).unwrap();
        let checked = nkread()
            .arg("--corpus")
            .arg(dir.path())
            .arg("check")
            .assert()
            .success()
            .get_output()
            .clone();
        let err = String::from_utf8(checked.stderr).unwrap();
        assert!(err.ends_with("no warnings\n"), "{pasted}\n{err}");
        // As aliases, the draft's names now link to the known entities.
        let hrw = String::from_utf8(
            nkread()
                .arg("--corpus")
                .arg(dir.path())
                .args(["people", "human-rights-watch"])
                .assert()
                .success()
                .get_output()
                .stdout
                .clone(),
        )
        .unwrap();
        assert_eq!(
            hrw.contains("joint-letter-on-refugee-protection-2025"),
            pick_one,
            "{hrw}"
        );
    }
}

#[test]
fn governments_sign_as_states_and_a_bare_country_is_flagged() {
    let bytes = std::fs::read(root().join("tests/fixtures/import/states.txt")).unwrap();
    let (doc, draft) = draft_of(&bytes, "states.txt", &corpus());
    let kinds: Vec<(&str, String)> = doc
        .people
        .iter()
        .map(|p| (p.name.as_str(), p.kind.to_string()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("Government of Exampleland", "state".to_string()),
            (
                "Permanent Mission of Otherland to the United Nations",
                "state".to_string()
            ),
            ("France", "state".to_string()),
        ]
    );
    let flagged: Vec<bool> = draft.people_reviews.iter().map(Option::is_some).collect();
    assert_eq!(flagged, [false, false, true]);
}

#[test]
fn a_date_the_text_implies_is_drafted_as_inferred_with_its_reason_and_flagged() {
    let corpus = corpus();
    for (source, id, month) in [
        (
            "000_4f159bc7df268459.txt",
            "icnk-welcomes-unga-resolution-2014",
            "2014-12",
        ),
        (
            "001_2d4cb64f1885fa9f.txt",
            "un-stand-with-north-koreas-victims-2014",
            "2014-11",
        ),
    ] {
        let bytes = std::fs::read(root().join("data/sources").join(source)).unwrap();
        let (doc, draft) = draft_of(&bytes, source, &corpus);
        assert_eq!(doc.date, None);
        // The curated document infers the same month.
        assert_eq!(doc.inferred_date, corpus.get(id).unwrap().inferred_date);
        assert_eq!(doc.inferred_date.unwrap().to_string(), month);
        let reason = doc.inferred_date_reason.unwrap();
        assert!(
            reason.starts_with("The latest date the text names is “"),
            "{reason}"
        );
        assert!(doc.date_note.unwrap().contains("inferred date"));
        assert!(draft.reviews.iter().any(|r| r.field == "inferred_date"));
        let toml = import::to_toml(&draft, &|_| None);
        assert!(toml.contains("# review: inferred: the month of"), "{toml}");
    }
}

#[test]
fn accessed_is_filled_where_the_capture_says_when_it_was_saved_and_flagged_otherwise() {
    let corpus = corpus();
    let letter =
        std::fs::read_to_string(root().join("tests/fixtures/import/new-letter.html")).unwrap();
    // SingleFile's comment, Save Page WE's meta, a text capture's header.
    let single_file = letter.replacen(
        "<html lang=\"en\">",
        "<html lang=\"en\"><!--\n Page saved with SingleFile \n url: https://rights.example.org/x \n saved date: Tue May 20 2025 08:15:02 GMT+0200 (Central European Summer Time)\n-->",
        1,
    );
    let save_page = letter.replacen(
        "<meta charset=\"utf-8\">",
        "<meta charset=\"utf-8\"><meta name=\"savepage-date\" content=\"Wed May 21 2025 10:00:00 GMT+0100 (BST)\">",
        1,
    );
    let text = "Accessed: May 22, 2025\nJoint Letter on Refugees\n(Seoul – May 2, 2025) We, the undersigned, urge the protection of North Korean refugees.\n";
    for (source, bytes, day) in [
        ("single-file.html", single_file.as_bytes(), "2025-05-20"),
        ("save-page.html", save_page.as_bytes(), "2025-05-21"),
        ("header.txt", text.as_bytes(), "2025-05-22"),
    ] {
        let (doc, draft) = draft_of(bytes, source, &corpus);
        assert_eq!(
            doc.accessed.map(|d| d.to_string()).as_deref(),
            Some(day),
            "{source}"
        );
        assert!(
            !draft.reviews.iter().any(|r| r.field == "accessed"),
            "{source}"
        );
    }
    let (doc, _) = draft_of(text.as_bytes(), "header.txt", &corpus);
    assert_eq!(doc.omitted, ["Accessed: May 22, 2025"]);
    // A page that does not say: no date is made up, and the review says
    // what the metadata does give.
    let modified = letter.replacen(
        "<meta charset=\"utf-8\">",
        "<meta charset=\"utf-8\"><meta property=\"article:modified_time\" content=\"2025-05-14T10:00:00+00:00\">",
        1,
    );
    let (doc, draft) = draft_of(modified.as_bytes(), "modified.html", &corpus);
    assert_eq!(doc.accessed, None);
    let note = &draft
        .reviews
        .iter()
        .find(|r| r.field == "accessed")
        .unwrap()
        .note;
    assert!(
        note.contains("last modified on May 14, 2025, so not before"),
        "{note}"
    );
    // A saved day before the document's own date is not believed.
    let early = text.replace("May 22, 2025", "May 1, 2025");
    let (doc, draft) = draft_of(early.as_bytes(), "early.txt", &corpus);
    assert_eq!(doc.accessed, None);
    assert!(
        draft
            .reviews
            .iter()
            .any(|r| r.field == "accessed" && r.note.contains("before the document's date"))
    );
}

#[test]
fn a_saved_from_comment_gives_the_address_where_the_page_states_none() {
    let letter =
        std::fs::read_to_string(root().join("tests/fixtures/import/new-letter.html")).unwrap();
    let bare = letter
        .lines()
        .filter(|l| !l.contains("og:url"))
        .collect::<Vec<_>>()
        .join("\n")
        .replacen(
            "<html lang=\"en\">",
            "<!-- saved from url=(0044)https://rights.example.org/2025/05/letter -->\n<html lang=\"en\">",
            1,
        );
    let (doc, _) = draft_of(bare.as_bytes(), "saved-from.html", &corpus());
    assert_eq!(
        doc.url.as_deref(),
        Some("https://rights.example.org/2025/05/letter")
    );
}

/// Forms of real pages the bundled captures do not hold: metadata rows, dates
/// in figures, a news report's credit, lists and speakers in sentences.
#[test]
fn the_forms_of_real_pages_are_read() {
    let corpus = corpus();
    let page = "Home > News\n\
Publisher | Rights Example Network\n\
Publication Date | 2019-12-16\n\
Groups Urge Action on Camps\n\
SEOUL, Dec. 16 (Yonhap) -- Human Rights Watch and more than 60 groups said today in a letter that the camps must close.\n\
The letter was signed by Amnesty International, the Jubilee Campaign and Freedom House, calling on the UN.\n\
“The camps must close,” said Gordon G. Chang, author of Nuclear Showdown.\n";
    let (doc, draft) = draft_of(page.as_bytes(), "forms.txt", &corpus);
    assert_eq!(doc.publisher.as_deref(), Some("Rights Example Network"));
    assert!(
        !doc.curator_note
            .as_deref()
            .unwrap_or("")
            .contains("publisher"),
        "{:?}",
        doc.curator_note
    );
    assert_eq!(
        doc.date.map(|d| d.to_string()).as_deref(),
        Some("2019-12-16")
    );
    assert_eq!(doc.kind, nkread::corpus::DocKind::Other, "a news report");
    let people: Vec<(&str, String)> = doc
        .people
        .iter()
        .map(|p| (p.name.as_str(), p.role.to_string()))
        .collect();
    for want in [
        ("Yonhap", "issuer"),
        ("Human Rights Watch", "quoted"),
        ("Amnesty International", "signatory"),
        ("Jubilee Campaign", "signatory"),
        ("Freedom House", "signatory"),
        ("Gordon G. Chang", "quoted"),
    ] {
        assert!(
            people.contains(&(want.0, want.1.to_string())),
            "{want:?} in {people:?}"
        );
    }
    assert!(draft.reviews.iter().all(|r| r.field != "people"));
}

#[test]
fn a_release_that_credits_itself_issues_it_and_a_statement_head_names_its_speaker() {
    let corpus = corpus();
    let roles = |page: &str| -> Vec<(String, String)> {
        let (doc, _) = draft_of(page.as_bytes(), "self.txt", &corpus);
        doc.people
            .iter()
            .map(|p| (p.name.clone(), p.role.to_string()))
            .collect()
    };
    // An agency never spells itself out in its lead; a release does.
    let people = roles(
        "Groups Mark the Armistice\n\
7/29/2013 North Korea (CSW) – On the 60th anniversary of the end of the Korean War, Christian Solidarity Worldwide (CSW) is calling for increased efforts by the international community.\n",
    );
    assert!(
        people.contains(&("Christian Solidarity Worldwide".into(), "issuer".into())),
        "{people:?}"
    );
    let people = roles(
        "Supporting Freedom in North Korea\n\
Morgan Ortagus\n\
Department Spokesperson\n\
May 6, 2019\n\
We remain deeply concerned about the human rights situation in North Korea, and we will keep working with our partners.\n",
    );
    assert_eq!(people, [("Morgan Ortagus".into(), "issuer".into())]);
}

#[test]
fn reposts_agencies_members_and_a_letters_addressee_are_read() {
    let corpus = corpus();
    let (doc, _) = draft_of(
        "Activists Want an Olympics Boycott\n\
Activists cite the treatment of refugees as a reason to boycott the games. From Reuters via Guardian Unlimited:\n\
U.S. human rights activists urged people not to travel to the games unless China grants access to refugees.\n\
Jubilee Campaign is a member of the International Coalition to Stop Crimes Against Humanity in North Korea.\n\
China has always dealt with them properly in accordance with the law, he added, according to Reuters.\n"
            .as_bytes(),
        "repost.txt",
        &corpus,
    );
    let people: Vec<(&str, String)> = doc
        .people
        .iter()
        .map(|p| (p.name.as_str(), p.role.to_string()))
        .collect();
    assert!(people.contains(&("Reuters", "issuer".into())), "{people:?}");
    assert!(
        people.contains(&("Jubilee Campaign", "member".into())),
        "{people:?}"
    );

    // The address block under a letter's headline is its text, not more
    // headlines set aside.
    let (doc, _) = draft_of(
        "Joint open letter to the Special Rapporteur\n\
August 29, 2022\n\
Ms. Elizabeth Salmón\n\
Special Rapporteur on the situation of human rights in the Democratic People’s Republic of Korea\n\
Dear Ms. Salmón\n\
We welcome your appointment and urge you to make accountability a priority of your mandate.\n"
            .as_bytes(),
        "letter.txt",
        &corpus,
    );
    assert_eq!(doc.paragraphs[0], "Ms. Elizabeth Salmón");
    assert!(
        doc.people.iter().all(|p| p.role.to_string() != "issuer"),
        "{:?}",
        doc.people
    );
}

#[test]
fn a_date_in_figures_is_given_only_where_its_order_is_fixed() {
    let corpus = corpus();
    let date_of = |line: &str, text: &str| {
        let page = format!("A Headline For The Page\n{line}\n{text}\n");
        let (doc, draft) = draft_of(page.as_bytes(), "figures.txt", &corpus);
        let flagged = draft.reviews.iter().any(|r| r.field == "date");
        (doc.date.map(|d| d.to_string()), flagged)
    };
    let plain = "The groups wrote to the council about the camps and the people held there.";
    // Month first or day first: nothing fixes which, so no date, and a review.
    assert_eq!(date_of("08/01/2012", plain), (None, true));
    // The text writes the day out: that reading.
    assert_eq!(
        date_of(
            "08/01/2012",
            "On January 8, 2012, the groups wrote to the council about it."
        ),
        (Some("2012-01-08".to_string()), false)
    );
    assert_eq!(
        date_of("3/29/07", plain),
        (Some("2007-03-29".to_string()), false)
    );
    assert_eq!(
        date_of("2014年2月18日", plain),
        (Some("2014-02-18".to_string()), false)
    );
    assert_eq!(
        date_of("입력 2014-12-23 08:17", plain),
        (Some("2014-12-23".to_string()), false)
    );
}

#[test]
fn a_draft_that_names_known_bodies_and_lists_no_one_says_so() {
    let corpus = corpus();
    let page = "A Headline For The Page\nThe report by Human Rights Watch was discussed at length by the council members.\n";
    let (doc, draft) = draft_of(page.as_bytes(), "named.txt", &corpus);
    assert!(doc.people.is_empty());
    let note = draft
        .reviews
        .iter()
        .find(|r| r.field == "people")
        .map(|r| r.note.clone())
        .unwrap_or_default();
    assert!(note.contains("Human Rights Watch"), "{note}");
}

#[test]
fn each_reporter_a_korean_report_credits_issues_it() {
    // A text of our own in a news agency's layout: a photo's caption with
    // its photographer's credit, then the story with its reporter's.
    let text = "가나 단체 기자회견 열어\n\n\
        (서울=가나뉴스) 김가나 기자 = 박다라 가나센터 소장이 26일 발언하고 있다.\n\n\
        (서울=가나뉴스) 이마바 기자 = 가나센터는 26일 기자회견을 열고 해체를 촉구했다.\n\n\
        가나센터는 “해체하라”고 밝혔다.\n";
    let (doc, _) = draft_of(text.as_bytes(), "credits.txt", &corpus());
    let issuers: Vec<(&str, String)> = doc
        .people
        .iter()
        .filter(|p| p.role == nkread::corpus::Role::Issuer)
        .map(|p| (p.name.as_str(), p.kind.to_string()))
        .collect();
    assert_eq!(
        issuers,
        [
            ("가나뉴스", "organization".to_string()),
            ("김가나", "person".to_string()),
            ("이마바", "person".to_string()),
        ]
    );
}

#[test]
fn a_label_over_the_text_names_its_kind_not_its_title() {
    let corpus = corpus();
    let text = "Press Statement\n\nThe United States appreciates the report of the Special Rapporteur and calls on the government to act.\n";
    let (doc, draft) = draft_of(text.as_bytes(), "label.txt", &corpus);
    assert!(doc.title_supplied, "{:?}", doc.title);
    assert_eq!(doc.kind, nkread::corpus::DocKind::Statement);
    assert!(
        draft
            .reviews
            .iter()
            .any(|r| r.field == "kind" && r.note.contains("Press Statement"))
    );
    assert!(doc.omitted.contains(&"Press Statement".to_string()));
}

/// Lines of our own, in the form a Korean news report writes them: "the
/// following are the groups that co-hosted …", then `groups` by commas.
fn korean_report_listing(groups: &str) -> String {
    format!(
        "가나다 단체들 기자회견 열려\n\
        가나다연대 등 단체들은 20일 기자회견을 열고 결의안 이행을 촉구했다.\n\
        다음은 이날 기자회견을 공동 주최한 단체다.\n\
        {groups}\n\
        이 단체들은 다음 달 다시 모인다.\n"
    )
}

#[test]
fn a_korean_list_of_bodies_on_one_line_is_read_item_by_item() {
    let corpus = corpus();
    // A note on those above, and a legal form before a name.
    let text = korean_report_listing(
        "가나다연대, AB Watch, (사)라마바연구원, 사아자동행(이상 ICNK 회원단체)",
    );
    let (doc, _) = draft_of(text.as_bytes(), "korean-list.txt", &corpus);
    let listed: Vec<(&str, String, Option<&str>)> = doc
        .people
        .iter()
        .filter(|p| p.role == nkread::corpus::Role::Member)
        .map(|p| (p.name.as_str(), p.kind.to_string(), p.note.as_deref()))
        .collect();
    let org = || "organization".to_string();
    assert_eq!(
        listed,
        [
            ("가나다연대", org(), None),
            ("AB Watch", org(), None),
            ("라마바연구원", org(), Some("(사)")),
            ("사아자동행", org(), Some("이상 ICNK 회원단체")),
        ]
    );
}

#[test]
fn a_title_row_gives_the_title_and_passes_the_fidelity_check() {
    let corpus = corpus();
    let text = "Database of Politics and International Relations\n\
        [Title] Statement by Mr. Taro Yamada, Vice Minister: At the Preview of \"Abduction\"\n\
        [Date] February 06, 2007\n\
        [Source] Ministry of Foreign Affairs of Japan\n\
        [Full text]\n\
        Ladies and Gentlemen, I thank you all for coming to see this film tonight with us here.\n";
    // draft_of asserts the draft passes the fidelity check.
    let (doc, _) = draft_of(text.as_bytes(), "database.txt", &corpus);
    assert_eq!(
        doc.title,
        "Statement by Mr. Taro Yamada, Vice Minister: At the Preview of \"Abduction\""
    );
    assert!(!doc.title_supplied);
    assert_eq!(
        doc.publisher.as_deref(),
        Some("Ministry of Foreign Affairs of Japan")
    );
    assert_eq!(
        doc.date.map(|d| d.to_string()).as_deref(),
        Some("2007-02-06")
    );
    let issuers: Vec<&str> = doc
        .people
        .iter()
        .filter(|p| p.role == nkread::corpus::Role::Issuer)
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(issuers, ["Taro Yamada"]);
}

#[test]
fn a_list_item_with_a_legal_form_and_a_note_on_those_above_keeps_both() {
    let corpus = corpus();
    // The last item holds both "(사)" and "(이상 …)".
    let text = korean_report_listing("가나다연대, AB Watch, (사)라마바연구원(이상 ICNK 회원단체)");
    // draft_of asserts the draft loses no word of the capture.
    let (doc, _) = draft_of(text.as_bytes(), "korean-both.txt", &corpus);
    let last = doc
        .people
        .iter()
        .find(|p| p.name == "라마바연구원")
        .expect("the last item");
    assert_eq!(
        last.note.as_deref(),
        Some("(사)라마바연구원(이상 ICNK 회원단체)")
    );
}
