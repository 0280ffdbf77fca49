//! The words of English forms: verbs of issuing, speaking and signing,
//! the cues of lists, and the words of time around a lead's subject.

use crate::corpus::Role;

/// Verbs that introduce what someone said.
pub const REPORTING_VERBS: &[&str] = &[
    "said",
    "added",
    "stated",
    "asserted",
    "concluded",
    "emphasized",
    "emphasised",
    "argued",
    "noted",
    "urged",
    "warned",
    "declared",
    "contended",
];

/// Verbs that, after the bodies a release's lead names, make them its
/// issuers: "A, B and C today released", "GROUP is calling upon".
pub const ISSUING_VERBS: &[&str] = &[
    "said today",
    "today said",
    "said in a statement",
    "said in a joint statement",
    "said in a letter",
    "said in a joint letter",
    "said in an open letter",
    "announced today",
    "today announced",
    "announced",
    "today released",
    "released today",
    "released",
    "today issued",
    "issued",
    "today published",
    "published",
    "today launched",
    "launched",
    "today welcomed",
    "welcomed",
    "welcomes",
    "welcome",
    "today urged",
    "urged",
    "urges",
    "urge",
    "is calling",
    "are calling",
    "calls on",
    "call on",
    "called on",
    "called upon",
    "today called",
    "condemned",
    "condemns",
    "strongly condemns",
    "expressed",
    "expresses",
    "express",
    "is deeply concerned",
    "are deeply concerned",
    "today submitted",
    "submitted",
    "today sent",
    "have written",
    "has written",
    "denounces",
    "denounced",
    "calls for",
    "called for",
    "joins",
    "joined",
    "commends",
    "commended",
    "reiterates",
    "reiterated",
    "demands",
    "demanded",
    "deplores",
    "deplored",
    "appeals",
    "is alarmed",
    "are alarmed",
    "has released",
    "have released",
    "has published",
    "has sent",
    "have sent",
    "today held",
    "today hosted",
    "hosted",
    "co-hosted",
    "hosts",
    "will host",
    "will co-host",
    "will hold",
    "is holding",
    "are holding",
    "applauded",
    "applauds",
    "praised",
    "praises",
    "hailed",
    "hails",
    "warned",
    "warns",
    "criticized",
    "criticised",
    "criticizes",
    "criticises",
    "has started",
    "have started",
    "has launched",
    "have launched",
    "held a",
    "held an",
];

/// Labels of an event notice's row naming the body that holds it ("Host
/// Organization: NAME (ACR)"), in lower case: that body puts out the notice.
pub const HOST_LABELS: &[&str] = &[
    "host organization",
    "host organisation",
    "hosted by",
    "organizer",
    "organiser",
    "organized by",
    "organised by",
    "organizing organization",
    "주최",
    "主催",
];

/// Nouns of a state's document after its name in a headline: "UK
/// Statement for the Interactive Dialogue …".
pub const STATE_DOCUMENT_NOUNS: &[&str] =
    &[" Statement", " Joint Statement", " Explanation of Vote"];

/// How a headline names who speaks in the document: "Statement by H.E. Mr.
/// NAME", "Remarks by NAME". Who follows is its issuer.
pub const ISSUED_BY: &[&str] = &[
    "Statement by ",
    "Joint Statement by ",
    "Remarks by ",
    "Speech by ",
    "Address by ",
    "Statement of ",
    "Letter from ",
    "Open Letter from ",
];

/// Names a lead may open with that never issue the document: its subject.
pub const NEVER_ISSUERS: &[&str] = &[
    "North Korea",
    "DPRK",
    "Democratic People’s Republic of Korea",
    "Democratic People's Republic of Korea",
    "Pyongyang",
    "Kim Jong Un",
    "Kim Jong-un",
    "Kim Jong Il",
    "Kim Jong-il",
];

/// Forms that make the name before them a member of a coalition: "Open
/// Doors USA, a member of the North Korea Freedom Coalition".
pub const MEMBER_OF: &[&str] = &[
    ", a member of ",
    ", one of the members of ",
    ", a member organization of ",
    ", a member organisation of ",
    ", members of ",
    " is a member of ",
    " is a member organization of ",
    " is a member organisation of ",
    " are members of ",
];

/// Forms that name the signatories or members of a letter in running text:
/// the words before the names, and the role they give.
pub const LIST_CUES_BEFORE_NAMES: &[(&str, Role)] = &[
    ("signed by ", Role::Signatory),
    ("co-signed by ", Role::Signatory),
    ("cosigned by ", Role::Signatory),
    ("endorsed by ", Role::Signatory),
    ("joined by ", Role::Signatory),
    ("signatories include ", Role::Signatory),
    ("signatories included ", Role::Signatory),
    ("signatories are ", Role::Signatory),
    ("signatories are: ", Role::Signatory),
    ("signing the letter are: ", Role::Signatory),
    ("signing the letter are ", Role::Signatory),
    ("signing the letter include ", Role::Signatory),
    ("signatory organizations include ", Role::Signatory),
    ("members include ", Role::Member),
    ("members included ", Role::Member),
    ("members are ", Role::Member),
    ("member organizations include ", Role::Member),
    ("member organisations include ", Role::Member),
    ("consisting of ", Role::Member),
    ("composed of ", Role::Member),
    ("comprising ", Role::Member),
    ("on behalf of ", Role::Signatory),
    ("delivered by ", Role::Quoted),
];

/// Cues of `LIST_CUES_BEFORE_NAMES` that name signatories only in a
/// sentence about a document (`SIGNING_WORDS`, `DOCUMENT_WORDS`): "The
/// statement was joined by A and B", not "Commissioners were joined by
/// NAME, the project's manager".
pub const DOCUMENT_CUES: &[&str] = &["joined by "];

/// Nouns of a document that people join, besides `SIGNING_WORDS`.
pub const DOCUMENT_WORDS: &[&str] = &["statement", "appeal", "declaration"];

/// Forms that follow the names of those who signed: "A, B and C signed the
/// letter".
pub const LIST_CUES_AFTER_NAMES: &[(&str, Role)] = &[
    (" signed the ", Role::Signatory),
    (" signed a ", Role::Signatory),
    (" signed an ", Role::Signatory),
    (" have signed", Role::Signatory),
    (" has signed", Role::Signatory),
    (" co-signed", Role::Signatory),
    (" joined the letter", Role::Signatory),
    (" joined a letter", Role::Signatory),
    (" are signatories", Role::Signatory),
];

/// Words of a sentence that make its "including A, B and C" the letter's
/// signatories.
pub const SIGNING_WORDS: &[&str] = &[
    "sign",
    "letter",
    "joint statement",
    "open statement",
    "petition",
    "endorse",
    "undersigned",
];

/// Verbs by which a person's words are reported: "NAME, TITLE, called
/// for …". A body needs its words quoted for these.
pub const PERSON_SPEECH_VERBS: &[&str] = &[
    "condemned",
    "praised",
    "underlined",
    "highlighted",
    "welcomed",
    "deplored",
    "called for",
    "called on",
    "demanded",
    "appealed",
    "pleaded",
    "asked",
    "criticized",
    "criticised",
];

/// Verbs of speech that make a speaker quoted.
pub const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "stated",
    "states",
    "explained",
    "explains",
    "noted",
    "notes",
    "warned",
    "warns",
    "told",
    "tells",
    "emphasized",
    "emphasised",
    "stressed",
    "commented",
    "remarked",
    "argued",
    "asserted",
    "insisted",
    "declared",
    "concluded",
    "wrote",
    "observed",
    "urged",
    "continued",
    "acknowledged",
    "contended",
    "pointed out",
    "recalled",
    "testified",
    "claimed",
];

/// What follows a subject that speaks in its statement, whatever the verb
/// after it: "North Korea in a statement criticized …".
pub const STATEMENT_MARKS: &[&str] = &[" in a statement ", " in a joint statement "];

/// Forms after which the names are of states, in lower case: the states
/// a statement is made for, or that join it.
pub const STATE_CUES: &[(&str, bool)] = &[
    ("on behalf of ", true),
    ("co-sponsored by ", true),
    ("cosponsored by ", true),
    (" align themselves with", false),
    (" aligns itself with", false),
    (" associate themselves with", false),
    (" associates itself with", false),
];

/// Words a phrase of time begins with, before a lead's subject: "Last
/// Friday afternoon, PSCORE hosted …".
pub const TIME_OPENERS: &[&str] = &[
    "On",
    "In",
    "Last",
    "This",
    "Today",
    "Yesterday",
    "Earlier",
    "Later",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Since",
    "After",
    "Before",
    "As",
    "While",
    "Ahead",
    "During",
    "Following",
];

/// Words of time that may end a lead's subject before its verb: "Navi
/// Pillay on Tuesday welcomed", "the groups today".
pub const TRAILING_TIMES: &[&str] = &[
    " on Monday",
    " on Tuesday",
    " on Wednesday",
    " on Thursday",
    " on Friday",
    " on Saturday",
    " on Sunday",
    " yesterday",
    " this week",
    " last week",
    " this morning",
    " earlier today",
];

/// What stands before a body whose work a text cites: "as stated by the
/// COI", "according to a report by Human Rights Watch".
pub const CITED_BY: &[&str] = &[
    "as stated by ",
    "as noted by ",
    "as found by ",
    "as reported by ",
    "as documented by ",
    "as described by ",
    "as concluded by ",
    "as confirmed by ",
];

/// The works a body's words come in, between "according to" and its name
/// ("a report by X", "data from X") or after it ("X's report", "X data").
pub const CITED_WORKS: &[&str] = &[
    "report",
    "reports",
    "final report",
    "statement",
    "data",
    "figures",
    "statistics",
    "estimates",
    "findings",
    "survey",
    "study",
];

/// Verbs by which a body's work is reported in a relative clause or after
/// its report: "which the COI described as …", "X's report concluded".
pub const FINDING_VERBS: &[&str] = &[
    "found",
    "concluded",
    "described",
    "documented",
    "said",
    "stated",
    "noted",
    "reported",
    "estimated",
    "confirmed",
    "called",
];

/// What stands before the person who speaks a statement's words for its
/// issuer: "Statement delivered by Ambassador NAME, TITLE".
pub const DELIVERED_BY: &[&str] = &["delivered by ", "read out by "];

/// What stands before the body a statement speaks for, whose speaker
/// follows "by" and an honorific: "Statement on behalf of the European
/// Union by Ms. NAME, TITLE".
pub const SPOKEN_FOR: &[&str] = &["on behalf of "];

/// Words that open a sentence, besides the `TIME_OPENERS`: "After the
/// World Food Programme’s report …" holds no body "After the …", and
/// "Since March 2011 –" no place "Since".
const SENTENCE_OPENERS: &[&str] = &[
    "when", "at", "for", "with", "despite", "but", "and", "if", "although", "because", "then",
    "yet", "so", "tonight", "now", "next",
];

/// Whether `word`, in any case, is one that opens a sentence.
pub fn opens_sentence(word: &str) -> bool {
    TIME_OPENERS.iter().any(|w| w.eq_ignore_ascii_case(word))
        || SENTENCE_OPENERS
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word))
}

/// The days of the week, Monday first, as a date line names them: in
/// English whole or cut to three letters ("Wed, 02/11/2009"), in Korean and
/// Japanese by one letter in brackets ("2009.02.11 (수)", "（水）").
pub const WEEKDAYS: [(&str, &str, char, char); 7] = [
    ("monday", "mon", '월', '月'),
    ("tuesday", "tue", '화', '火'),
    ("wednesday", "wed", '수', '水'),
    ("thursday", "thu", '목', '木'),
    ("friday", "fri", '금', '金'),
    ("saturday", "sat", '토', '土'),
    ("sunday", "sun", '일', '日'),
];
