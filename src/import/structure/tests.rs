use super::*;

fn lines(texts: &[&str]) -> Vec<Line> {
    texts
        .iter()
        .map(|t| Line {
            text: t.to_string(),
            heading: None,
            chrome: false,
        })
        .collect()
}

#[test]
fn bylines_name_reporters_and_bodies() {
    assert_eq!(
        byline("by the International Coalition to Stop Crimes Against Humanity in North Korea")
            .as_deref(),
        Some("International Coalition to Stop Crimes Against Humanity in North Korea")
    );
    assert_eq!(byline("By Brian Lee").as_deref(), Some("Brian Lee"));
    assert_eq!(
        byline("김영석 기자 yskim@kmib.co.kr").as_deref(),
        Some("김영석")
    );
    assert_eq!(byline("by the way, we left early"), None);
    assert_eq!(
        byline(
            "This article, written by Yang Jung, was first released on www.dailynk.com 16 February."
        )
        .as_deref(),
        Some("Yang Jung")
    );
    assert_eq!(byline("This article, written by hand, was lost."), None);
}

#[test]
fn a_statement_head_names_its_speaker_and_title() {
    let layout = lay_out(
        &lines(&[
            "Supporting Freedom in North Korea",
            "Morgan Ortagus",
            "Department Spokesperson",
            "May 6, 2019",
            "We remain deeply concerned about the human rights situation in North Korea, and we will keep working with others.",
        ]),
        false,
    );
    assert_eq!(
        layout.signed,
        Some((
            "Morgan Ortagus".to_string(),
            "Department Spokesperson".to_string()
        ))
    );
    assert_eq!(
        layout.title.as_deref(),
        Some("Supporting Freedom in North Korea")
    );
    assert_eq!(layout.paragraphs.len(), 1);
    assert!(is_signature("모르간 오르타거스", "국무부 대변인"));
    // A headline above a line that merely ends in a title noun is not one.
    assert!(!is_signature("North Korea", "Statement by the President"));
}

#[test]
fn hours_menus_and_section_labels_are_not_the_headline() {
    assert!(is_chrome("1:30 pm EST - 3:00 pm EST"));
    assert!(!is_chrome("10:00 Opening remarks by the chair"));
    // A release's end mark, a rule of symbols, an address alone.
    for line in ["- 30 -", "###", "|", "* * *", "press@example.org"] {
        assert!(is_chrome(line), "{line}");
    }
    assert!(!is_chrome(
        "Write to press@example.org for the full report."
    ));
    assert!(!is_chrome("2023"));
    // A photo's caption ends with its credit; a report's text starts so.
    assert!(is_chrome(
        "Activists hold a rally in Seoul on Monday. (AP Photo/Jane Roe)"
    ));
    assert!(is_chrome("Defectors speak at a forum in Seoul. (Yonhap)"));
    assert!(!is_chrome(
        "SEOUL, May 2 (Yonhap) -- Activists held a rally on Monday."
    ));
    assert!(!is_chrome(
        "The group was founded by the Citizens’ Alliance (NKHR)"
    ));
    assert!(!is_chrome(
        "Statement of the Korean Central News Agency (KCNA)"
    ));
    let layout = lay_out(
        &lines(&[
            "Skip to main content",
            "Press releases Special Procedures",
            "China must not forcibly repatriate North Korean escapees: UN experts",
            "17 October 2023",
            "GENEVA (17 October 2023) – China must consider alternative solutions to forcible repatriation, UN experts said today.",
        ]),
        false,
    );
    assert_eq!(
        layout.title.as_deref(),
        Some("China must not forcibly repatriate North Korean escapees: UN experts")
    );
    let layout = lay_out(
        &lines(&[
            "A Site Has an Ethical Paywall",
            "World Video | Defence | Foreign Affairs | Trade",
            "Pillay calls for urgent action on the report",
            "GENEVA (18 February 2014) – The High Commissioner on Tuesday welcomed the report of the Commission, and said its findings need urgency.",
        ]),
        false,
    );
    assert_eq!(
        layout.title.as_deref(),
        Some("Pillay calls for urgent action on the report")
    );
}

#[test]
fn japanese_text_is_text_not_headlines() {
    let layout = lay_out(
        &lines(&[
            "報道発表",
            "北朝鮮における人権に関する国連調査委員会による岸田外務大臣表敬",
            "1.本28日午前9時30分から約15分間,岸田文雄外務大臣は,北朝鮮における人権に関する国連調査委員会による表敬を受けたところ,概要は以下のとおりです。",
        ]),
        false,
    );
    assert_eq!(layout.paragraphs.len(), 1);
}

#[test]
fn a_cut_off_last_line_is_set_aside() {
    assert!(is_cut(
        "Your government’s strategy, however, risks sending a message that is wil"
    ));
    assert!(is_cut(
        "and systematic criminal acts that take place in the camps,"
    ));
    assert!(!is_cut("Council for Refugee Rights in North Korea"));
    assert!(!is_cut("Sincerely,"));
}

#[test]
fn labelled_and_ordinal_date_lines_are_metadata() {
    assert!(is_date_line("FOR IMMEDIATE RELEASE: April 2, 2019"));
    assert!(is_date_line("Date: 4th December, 2018"));
    assert!(is_date_line("Monday, May 1st, 2017"));
    assert!(!is_date_line(
        "The meeting of April 2, 2019 was postponed to a later day."
    ));
}

#[test]
fn a_repeated_teaser_is_not_the_title() {
    let layout = lay_out(
        &lines(&[
            "Home > Information > Releases",
            "Date : March 8, 2017",
            "Backs Reports",
            "Crimes Demand Justice",
            "Backs Reports",
            "(Seoul – March 7, 2017) -- The Coalition today announced its support.",
        ]),
        false,
    );
    assert_eq!(layout.title.as_deref(), Some("Crimes Demand Justice"));
    assert_eq!(layout.subtitle.as_deref(), Some("Backs Reports"));
    assert_eq!(
        layout.date_lines,
        [("Date : March 8, 2017".to_string(), false)]
    );
    assert_eq!(layout.paragraphs.len(), 1);
    assert_eq!(layout.omitted.len(), 2);
}

#[test]
fn lists_take_their_sections_and_end_at_chrome() {
    let layout = lay_out(
        &lines(&[
            "A Letter",
            "Dear Excellencies,",
            "Signatories",
            "Individuals:",
            "Jane Doe / Director of Foo",
            "Organizations:",
            "Foo Watch (FW)",
            "Region / Country",
        ]),
        false,
    );
    assert_eq!(layout.people_heading.as_deref(), Some("Signatories"));
    let kinds: Vec<_> = layout.lists.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [Some(PersonKind::Person), Some(PersonKind::Organization)]
    );
    assert_eq!(layout.paragraphs, ["Dear Excellencies,"]);
}

#[test]
fn credit_lines_name_the_source_and_are_set_aside() {
    let layout = lay_out(
        &lines(&[
            "Groups urge China to halt returns",
            "Rights groups on Monday urged China to stop sending escapees back to North Korea, where they face torture.",
            "Source: Pacific Broadcasting Network (PBN)",
            "/뉴시스",
        ]),
        false,
    );
    assert_eq!(
        layout.credited,
        ["Pacific Broadcasting Network (PBN)", "뉴시스"]
    );
    assert_eq!(layout.paragraphs.len(), 1);
    // A line that merely starts so is text.
    assert_eq!(credit("From the first day, the camps were hidden."), None);
    assert_eq!(credit("/ some path"), None);
    // An agency signing off after its place in capitals; not a sentence
    // that ends with an agency's name.
    assert_eq!(credit("GENEVA Yonhap"), Some("Yonhap"));
    assert_eq!(credit("WASHINGTON, D.C. Reuters"), Some("Reuters"));
    assert_eq!(credit("The figures were confirmed by Reuters"), None);
    assert_eq!(credit("Seoul Yonhap"), None);
}

#[test]
fn a_breadcrumb_from_home_is_chrome_however_long_its_last_crumb() {
    let layout = lay_out(
        &lines(&[
            "You are here",
            "Home > Health Protection > Reform on human rights essential at the summit in Singapore",
            "Reform on human rights essential at the summit in Singapore",
            "Ahead of the summit, a coalition of groups wrote to the leaders.",
        ]),
        false,
    );
    assert_eq!(
        layout.title.as_deref(),
        Some("Reform on human rights essential at the summit in Singapore")
    );
    assert!(layout.omitted.iter().any(|o| o.0.starts_with("Home > ")));
}

#[test]
fn a_label_naming_the_kind_is_no_title() {
    let layout = lay_out(
        &lines(&[
            "Press Statement",
            "The United States appreciates the report of the Special Rapporteur and calls on the government to act.",
        ]),
        false,
    );
    assert_eq!(layout.title, None);
    assert!(layout.omitted.iter().any(|o| o.0 == "Press Statement"));
}

#[test]
fn a_tagline_sharing_no_word_with_the_text_yields_to_the_headline() {
    let layout = lay_out(
        &lines(&[
            "Rescuing and serving persecuted Christians since 1995",
            "Camp survivors testify at Geneva panel",
            "Two survivors of the prison camps spoke to a panel in Geneva on Tuesday.",
        ]),
        false,
    );
    assert_eq!(
        layout.title.as_deref(),
        Some("Camp survivors testify at Geneva panel")
    );
    assert!(layout.omitted.contains(&(
        "Rescuing and serving persecuted Christians since 1995".to_string(),
        "headline"
    )));
    // A line naming the kind of document, or its day, stays the title.
    for own in [
        "Statement by H.E. Mr. Katsunobu Kato",
        "Human Rights Council, Geneva, 9 to 27 September 2013",
    ] {
        let layout = lay_out(
            &lines(&[
                own,
                "Minister in Charge of the Abduction Issue",
                "The Government of Japan has identified 17 victims of abduction in this issue.",
            ]),
            false,
        );
        assert_eq!(layout.title.as_deref(), Some(own));
    }
    // Hangul shares pairs of letters, particles and all.
    let layout = lay_out(
        &lines(&[
            "우리는 진실을 말합니다 언제나",
            "정치범수용소 해체 기자회견 열려",
            "단체들은 정치범수용소의 해체를 요구하는 기자회견을 열었다.",
        ]),
        false,
    );
    assert_eq!(
        layout.title.as_deref(),
        Some("정치범수용소 해체 기자회견 열려")
    );
}

#[test]
fn captions_credits_and_comment_rows_are_chrome() {
    for line in [
        "1 of 2. Shin Dong-hyuk pauses during an interview with Reuters in Geneva June 5, 2013.",
        "Credit: Reuters/Denis Balibouse",
        "(Photo : Christianity Daily)",
        "한국 서울에서 탈북자 강제북송을 규탄하는 집회가 열렸다. (자료사진)",
        "Post a Comment",
    ] {
        assert!(is_chrome(line), "{line}");
    }
    for line in [
        "1 of the 2 survivors spoke first.",
        "Telling the truth is the first step.",
        "Faxes were sent to the embassy.",
        // A letter's addressee block is the letter's; a site's contact
        // row looks the same.
        "Fax: +82 2-770-4721",
    ] {
        assert!(!is_chrome(line), "{line}");
    }
}

#[test]
fn a_databases_bracketed_rows_give_title_date_and_publisher() {
    let layout = lay_out(
        &lines(&[
            "Database of Politics and International Relations",
            "[Title] Statement by Mr. Taro Yamada: At the Preview of \"Abduction\"",
            "[Date] February 06, 2007",
            "[Source] Ministry of Foreign Affairs of Japan",
            "[Full text]",
            "Ladies and Gentlemen, I thank you all for coming to see this film tonight with us here.",
        ]),
        false,
    );
    assert_eq!(
        layout.title.as_deref(),
        Some("Statement by Mr. Taro Yamada: At the Preview of \"Abduction\"")
    );
    assert_eq!(
        layout.publisher.as_deref(),
        Some("Ministry of Foreign Affairs of Japan")
    );
    assert_eq!(layout.date_lines[0].0, "[Date] February 06, 2007");
    assert!(
        layout
            .omitted
            .contains(&("[Full text]".to_string(), "chrome"))
    );
    // "Title: …" in running text is no title row.
    let layout = lay_out(
        &lines(&[
            "Groups urge the council to act on the report",
            "The groups wrote to the council on Monday about the report and its findings.",
            "Title: a word the groups used in their letter",
        ]),
        false,
    );
    assert_eq!(
        layout.title.as_deref(),
        Some("Groups urge the council to act on the report")
    );
}
