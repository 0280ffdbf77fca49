use super::*;

fn names(found: &[Found]) -> Vec<(String, Role)> {
    found
        .iter()
        .map(|f| (f.person.name.clone(), f.person.role))
        .collect()
}

#[test]
fn issuers_in_the_lead() {
    let f = issuers(
        "January 8, 2012. The world’s three largest international human rights organizations, Amnesty International, Human Rights Watch and the International Federation for Human Rights (FIDH), along with 40 other organizations from around the world, today released an open letter.",
        false,
    );
    assert_eq!(
        names(&f),
        [
            ("Amnesty International".to_string(), Role::Issuer),
            ("Human Rights Watch".to_string(), Role::Issuer),
            (
                "International Federation for Human Rights".to_string(),
                Role::Issuer
            )
        ]
    );
    assert_eq!(f[2].person.acronym.as_deref(), Some("FIDH"));
    let f = issuers(
        "Human Rights Watch and more than 300 nongovernmental organizations said today in a letter.",
        false,
    );
    assert_eq!(
        names(&f),
        [("Human Rights Watch".to_string(), Role::Issuer)]
    );
    assert!(issuers("Brad Adams said today that it was wrong.", false).is_empty());
    let f = issuers(
        "On Thursday, April 27, 2006, Freedom House will co-host a reception to welcome participants.",
        false,
    );
    assert_eq!(names(&f), [("Freedom House".to_string(), Role::Issuer)]);
    let f = issuers(
        "GENEVA (18 February 2014) – UN High Commissioner for Human Rights Navi Pillay on Tuesday welcomed the report.",
        false,
    );
    assert_eq!(names(&f), [("Navi Pillay".to_string(), Role::Issuer)]);
    // A state's name inside a longer name is not the state.
    assert!(
        states(
            "We are writing on behalf of the North Korea Freedom Coalition, a nonpartisan group."
        )
        .is_empty()
    );
    let f = issuers(
        "September 21, 2012 - As he prepares to welcome his South Korean counterpart to Ottawa this weekend, Foreign Affairs Minister John Baird today issued the following statement:",
        false,
    );
    assert_eq!(names(&f), [("John Baird".to_string(), Role::Issuer)]);
    assert_eq!(
        f[0].person.title.as_deref(),
        Some("Foreign Affairs Minister")
    );
    assert!(
        issuers("Amnesty International said today that it was wrong.", true)[0]
            .person
            .role
            == Role::Quoted
    );
}

#[test]
fn speakers_in_every_order() {
    let one = |s: &str| {
        let found = speakers(s, 0, 0, &[]);
        assert_eq!(found.len(), 1, "{s}: {found:#?}");
        found[0].found.person.clone()
    };
    let p = one("“Kim should act,” said Brad Adams, Asia director at Human Rights Watch.");
    assert_eq!(p.name, "Brad Adams");
    assert_eq!(p.title.as_deref(), Some("Asia director"));
    assert_eq!(p.affiliation.as_deref(), Some("Human Rights Watch"));
    let p = one(
        "Ha Tae Keung, President of Open North Korea and a member of the ICNK Co-ordinating Committee, said, “Kim should look.”",
    );
    assert_eq!(p.name, "Ha Tae Keung");
    assert_eq!(p.affiliation.as_deref(), Some("Open North Korea"));
    assert_eq!(
        p.note.as_deref(),
        Some("a member of the ICNK Co-ordinating Committee")
    );
    let p = one(
        "\"We urge it,\" Kim Tae-hoon, chair of the North Korean Human Rights Association, said at the conference.",
    );
    assert_eq!(p.name, "Kim Tae-hoon");
    let p = one("“It matters,” said Gordon G. Chang, author of Nuclear Showdown.");
    assert_eq!(p.name, "Gordon G. Chang");
    let p = one("UN Special Rapporteur Tomás Ojea Quintana said that “the time has come.”");
    assert_eq!(p.name, "Tomás Ojea Quintana");
    let p = one("“It is fitting,” said Kim Seung Min of Free North Korea Radio.");
    assert_eq!(
        (p.name.as_str(), p.kind, p.affiliation.as_deref()),
        (
            "Kim Seung Min",
            PersonKind::Person,
            Some("Free North Korea Radio")
        )
    );
    let p = one("“It is time,” said the Commission of Inquiry.");
    assert_eq!(
        (p.name.as_str(), p.kind),
        ("Commission of Inquiry", PersonKind::Organization)
    );
}

#[test]
fn lists_in_sentences() {
    let f = lists(
        "The ten NGOs signing the letter are: Amnesty International, Human Rights Watch, and HanVoice.",
    );
    assert_eq!(f.len(), 3);
    assert!(f.iter().all(|f| f.person.role == Role::Signatory));
    let f = lists(
        "Over 40 organisations, including Amnesty International and the Jubilee Campaign, signed the letter.",
    );
    assert_eq!(f.len(), 2);
    assert!(lists("Talks, including Kim and Moon, went on.").is_empty());
    // "joined by" names signers only where a document is joined.
    let f = lists("The statement was joined by the Example Network and Example Watch.");
    assert_eq!(f.len(), 2);
    assert!(lists("Commissioners were joined by Jane Roe, the project's manager.").is_empty());
}

#[test]
fn a_dateline_ending_a_longer_head_opens_the_lead() {
    // "HEADLINE PLACE, DATE – lead": the head before the dash is not the subject.
    let f = issuers(
        "Release A report on camps is out TOKYO, May 2, 2011 – The Example Network applauded the report.",
        false,
    );
    assert_eq!(names(&f), [("Example Network".to_string(), Role::Issuer)]);
}

#[test]
fn a_body_named_by_its_other_name_after_an_abbreviated_place() {
    let f = issuers(
        "Springfield, D.C. November 7, 2016--No Kite (The Association of Kite Families) has started a petition.",
        false,
    );
    assert_eq!(names(&f), [("No Kite".to_string(), Role::Issuer)]);
}

#[test]
fn a_body_described_before_its_name() {
    // "London-based rights group NAME applauded": the description is not the name.
    let f = issuers(
        "London-based human rights group Example Watch applauded the report.",
        false,
    );
    assert_eq!(names(&f), [("Example Watch".to_string(), Role::Issuer)]);
    // No name after the noun: nothing.
    assert!(issuers("A human rights group applauded the report.", false).is_empty());
}

#[test]
fn a_body_that_held_the_event() {
    let f = issuers(
        "Example Watch, together with the Example Network, held a meeting today on camps.",
        false,
    );
    assert_eq!(names(&f), [("Example Watch".to_string(), Role::Issuer)]);
}

#[test]
fn an_event_notice_names_its_host() {
    let f = hosted("• Host Organization: Example Network (EXN)");
    assert_eq!(names(&f), [("Example Network".to_string(), Role::Issuer)]);
    assert_eq!(hosted("Organized by: The Example Alliance").len(), 1);
    // A person hosting is not the body that puts out the notice.
    assert!(hosted("Main Host: CEO Jane Doe (EXN)").is_empty());
    assert!(hosted("Host Organization: to be announced").is_empty());
    assert!(hosted("Location: Example Hall").is_empty());
}

#[test]
fn a_speaker_named_by_one_name_and_who() {
    // "…,” says Simon, who works …": one name, then "who": a person.
    let found = speakers(
        "“It is so,” says Peter, who leads the work in the north.",
        0,
        0,
        &[],
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    let p = &found[0].found.person;
    assert_eq!((p.name.as_str(), p.kind), ("Peter", PersonKind::Person));
    assert!(found[0].found.review.is_some());
    // Without "who" one word is not taken for a name.
    assert!(speakers("“It is so,” says Peter.", 0, 0, &[]).is_empty());
    assert!(
        speakers(
            "“It is so,” says Amnesty, which works in the north.",
            0,
            0,
            &[]
        )
        .is_empty()
    );
}

#[test]
fn a_headline_names_a_state_issuing_its_statement() {
    let f = issued_by("France Statement for the Interactive Dialogue on the Report");
    let p = f.map(|f| f.person);
    assert_eq!(
        p.map(|p| (p.name, p.kind, p.role)),
        Some(("France".to_string(), PersonKind::State, Role::Issuer))
    );
    assert!(issued_by("Statement for the Interactive Dialogue").is_none());
    assert!(issued_by("North Korean Statement Denounced").is_none());
}

#[test]
fn a_headline_byline_names_the_agency() {
    let f = issued_by("Prisoners freed, UN says – By Reuters (The Daily) / May 3 2011");
    assert_eq!(
        f.map(|f| (f.person.name, f.person.kind, f.person.role)),
        Some((
            "Reuters".to_string(),
            PersonKind::Organization,
            Role::Issuer
        ))
    );
    assert!(issued_by("Freed by the guards, they ran").is_none());
}

#[test]
fn a_subject_speaking_in_a_statement() {
    // "X in a statement criticized …": X speaks, whatever the verb.
    let found = speakers("France in a statement criticized the vote.", 0, 0, &[]);
    let names: Vec<(&str, PersonKind)> = found
        .iter()
        .map(|n| (n.found.person.name.as_str(), n.found.person.kind))
        .collect();
    assert_eq!(names, [("France", PersonKind::State)]);
    let found = speakers(
        "The Example Network said in a statement that it was wrong.",
        0,
        0,
        &[],
    );
    assert_eq!(found.len(), 1);
    assert!(speakers("They in a statement criticized it.", 0, 0, &[]).is_empty());
}

fn cited_names(sentence: &str) -> Vec<(String, Role)> {
    let found: Vec<Found> = cited(sentence, &[]).into_iter().map(|c| c.0).collect();
    names(&found)
}

#[test]
fn bodies_a_sentence_cites_are_quoted() {
    let quoted = |n: &str| vec![(n.to_string(), Role::Quoted)];
    assert_eq!(
        cited_names("The number fell by half, according to the UN Refugee Agency."),
        quoted("UN Refugee Agency")
    );
    // Past a comma the clause may name something else: left alone.
    assert!(cited_names("According to the UN Refugee Agency, the number fell.").is_empty());
    assert_eq!(
        cited_names("Arrests rose, according to a report by Amnesty International."),
        quoted("Amnesty International")
    );
    assert_eq!(
        cited_names("Arrests rose, according to a Citizens’ Alliance report."),
        quoted("Citizens’ Alliance")
    );
    assert_eq!(
        cited_names("As noted by the Committee against Torture (CAT): “Return is forbidden.”"),
        quoted("Committee against Torture")
    );
    assert_eq!(
        cited_names("The camps, which the Human Rights Committee described as brutal, remain."),
        quoted("Human Rights Committee")
    );
    assert_eq!(
        cited_names("After the World Food Programme’s report concluded that aid was diverted."),
        quoted("World Food Programme")
    );
    assert_eq!(
        cited_names(
            "Statement delivered by Ambassador Anna Berg, Permanent Representative of Sweden"
        ),
        quoted("Anna Berg")
    );
    // A person cited keeps the description; what is no body's name is no entry.
    let f: Vec<Found> = cited("according to Jane Roe, Director of the Asia Program.", &[])
        .into_iter()
        .map(|c| c.0)
        .collect();
    assert_eq!(f[0].person.name, "Jane Roe");
    assert_eq!(f[0].person.kind, PersonKind::Person);
    assert_eq!(f[0].person.title.as_deref(), Some("Director"));
    assert_eq!(f[0].person.affiliation.as_deref(), Some("Asia Program"));
    assert_eq!(
        cited_names("The camps grew, according to the Commission’s final report."),
        quoted("Commission")
    );
    assert!(cited_names("according to the report, the camps grew.").is_empty());
    assert!(cited_names("according to South Korea’s Unification Ministry.").is_empty());
    assert!(cited_names("a crime which the government described as lawful.").is_empty());
}

#[test]
fn a_line_of_bodies_is_signed_but_a_line_of_clauses_is_not() {
    let f = listed_line("통일연구센터, 평화인권연대, 북한자유운동본부(사무국), 바른시민모임");
    assert_eq!(f.len(), 4);
    assert!(f.iter().all(|f| f.person.role == Role::Signatory));
    // Clauses of one Korean sentence, joined by commas, name no signers.
    assert!(
        listed_line(
            "홍길동 한국대 교수가 사회를 맡았고, 김철수 변호사의 발제, 이영희 교수가 토론을 맡았다"
        )
        .is_empty()
    );
}

#[test]
fn who_delivers_a_statement_for_its_issuer() {
    let one = |s: &str| {
        delivered(s, &[])
            .into_iter()
            .map(|(f, _)| (f.person.name, f.person.role))
            .collect::<Vec<_>>()
    };
    // A surname in capitals, as statements at the UN print it, after an
    // honorific; a line that the capture breaks after the name.
    assert_eq!(
        one("Statement delivered by Ambassador Mr. Anders B. LINDQVIST,"),
        [("Anders B. LINDQVIST".to_string(), Role::Quoted)]
    );
    assert_eq!(
        one("Statement on behalf of the Example Union by Ms. Jane Roe, First Secretary"),
        [("Jane Roe".to_string(), Role::Quoted)]
    );
    // Without an honorific, "by" after "on behalf of" may name anything.
    assert!(one("Adopted on behalf of the members by consensus, Geneva").is_empty());
    assert!(one("Statement on behalf of the Group by Sweden").is_empty());
    // Capitals without an honorific are an acronym's, not a surname's.
    assert!(one("Statement delivered by Anders LINDQVIST").is_empty());
}

#[test]
fn an_office_named_in_lowercase_words_speaks() {
    let f = clause_speakers("On November 15, the Exampleland foreign ministry", &[]);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].0.person.name, "Exampleland foreign ministry");
    assert_eq!(f[0].0.person.kind, PersonKind::Organization);
    assert!(f[0].0.review.is_some());
    let f = speakers(
        "The U.N. human rights office said it was concerned.",
        0,
        0,
        &[],
    );
    assert_eq!(f[0].found.person.name, "U.N. human rights office");
    // A description without "the", a sentence's opener, or a noun that is
    // no office's: no entry.
    assert!(clause_speakers("Seoul's foreign ministry", &[]).is_empty());
    assert!(clause_speakers("the Chinese government", &[]).is_empty());
    assert!(clause_speakers("the head of the office", &[]).is_empty());
}

#[test]
fn states_that_co_sponsor_a_resolution_sign_it() {
    let f = lists(
        "The draft has also been co-sponsored by Andorra, Honduras Iceland, the Federated States of Micronesia and Monaco.",
    );
    assert_eq!(
        names(&f),
        [
            "Andorra",
            "Honduras",
            "Iceland",
            "Federated States of Micronesia",
            "Monaco"
        ]
        .map(|n| (n.to_string(), Role::Signatory))
    );
    // A state's name inside a longer name is still no state.
    assert!(lists("It was co-sponsored by the North Korea Freedom Coalition.").is_empty());
}
