//! The words of a page's furniture: chrome, menus, addresses, list
//! headings and sections, date labels and metadata rows.

/// Whole lines that are a site's chrome, compared in lower case.
pub const CHROME_LINES: &[&str] = &[
    "skip to main content",
    // The marks that end a press release.
    "- 30 -",
    "-30-",
    "###",
    "# # #",
    "- end -",
    "-end-",
    "(끝)",
    "past event",
    "upcoming event",
    "skip to content",
    "skip to navigation",
    "region / country",
    "most viewed",
    "most popular",
    "most read",
    "prev next",
    "previous next",
    "previous",
    "next",
    "share",
    "share this",
    "share this page",
    "share on facebook",
    "share on twitter",
    "share on x",
    "share on linkedin",
    "tweet",
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "print",
    "print this page",
    "email",
    "e-mail",
    "menu",
    "search",
    "home",
    "related",
    "related content",
    "related articles",
    "back to top",
    "subscribe",
    "donate",
    "donate now",
    "read more",
    "accept",
    "accept all",
    "reject all",
    "decline",
    "cookie settings",
    "manage cookies",
    "privacy policy",
    "terms of use",
    "contact us",
    "about us",
    "sign up",
    "log in",
    "login",
    "select page",
    "flag",
    "check against delivery",
    "- check against delivery -",
    "statement",
    "news",
    "press releases",
    "an official website of the united states government",
    "here's how you know",
    "here’s how you know",
    "leave a reply",
    "leave a comment",
    "post a comment",
    "[full text]",
    "no comments",
    "latest activity",
    "comments",
    "comment",
    "dictionary",
    "korean version",
    "english version",
    "translation",
    "和文はこちら",
    "english",
    "한국어",
    "日本語",
    "中文",
    "이메일",
    "댓글",
    "인쇄",
    "공유",
    "스크랩",
    "목록",
    "검색",
    "글자크기",
    "기사 공유",
    "뉴스 검색어 입력 양식",
];

/// How a letter's address block or salutation begins: never its headline.
pub const ADDRESS_STARTS: &[&str] = &[
    "The Honorable ",
    "The Honourable ",
    "Honorable ",
    "H.E. ",
    "His Excellency",
    "Her Excellency",
    "Dear ",
    "To: ",
    "Re: ",
    "RE: ",
    "Attn",
];

/// Words of a street address, in lower case: a line holding one is an
/// address block's, not a headline.
pub const ADDRESS_WORDS: &[&str] = &[
    "street",
    "st.",
    "road",
    "avenue",
    "ave.",
    "boulevard",
    "district",
    "ro",
    "gil",
    "gu",
    "dong",
    "suite",
    "floor",
    "building",
    "p.o.",
    "box",
    "cedex",
];

/// A site's menu label: a line above it is the site's tagline, not the
/// page's headline.
pub const MENU_LINES: &[&str] = &[
    "select page",
    "menu",
    "main menu",
    "open menu",
    "toggle navigation",
    "navigation",
];

/// How a line of chrome begins, in lower case: a photo credit, a sharing
/// prompt, a reading time, a link to the report, a Korean "go to" menu.
pub const CHROME_STARTS: &[&str] = &[
    // A breadcrumb from the home page, however long its last crumb.
    "home > ",
    "home » ",
    "home / ",
    "홈 > ",
    "welcome to the website of",
    "welcome to the official website",
    "willkommen auf den seiten",
    "tags:",
    "tags :",
    "tagged:",
    "filed under",
    "categories:",
    "category:",
    "posted in ",
    "related:",
    "related posts",
    "related stories",
    "related articles",
    "you may also like",
    "recommended",
    "more from",
    "more on this",
    "read also",
    "see also:",
    "advertisement",
    "sponsored",
    "follow us",
    "sign up for",
    "subscribe to",
    "share this",
    "share on",
    "email this",
    "print this",
    "listen to this",
    "open in app",
    "back to ",
    "return to ",
    "please enable javascript",
    "javascript is",
    "image source",
    "file photo",
    "getty images",
    "ap photo",
    "yonhap photo",
    "(yonhap photo",
    "관련기사",
    "관련 기사",
    "저작권자",
    "무단전재",
    "ⓒ",
    "photo :",
    "photo:",
    "photo by",
    "image:",
    "log in to",
    "sign in to",
    "read full report",
    "ai index:",
    "read the full",
    "click here",
    // A photo's credit on its own line.
    "credit:",
    "(photo :",
    "(photo:",
    "(photo by",
];

/// Words that make a short line about money, cookies or copyright chrome.
pub const CHROME_WORDS: &[&str] = &[
    "tax deductible",
    "tax-deductible",
    "donate",
    "donation",
    "cookies",
    "cookie",
    "all rights reserved",
    "newsletter",
    "바로가기",
    "최신기사",
    "조회수",
    // A Korean news site's rails: most read, popular now, show, subscribe.
    "많이 본 뉴스",
    "인기기사",
    "표시하기",
    "구독하기",
    "댓글쓰기",
];

/// How a list of signatories or members begins, in lower case.
pub const LIST_HEADINGS: &[&str] = &[
    "signatories",
    "signed by",
    "signature organizations",
    "signature organisations",
    "signatory organizations",
    "signatory organisations",
    "signatures",
    "signers",
    "co-signers",
    "co-signors",
    "cosigners",
    "endorsed by",
    "endorsing organizations",
    "endorsing organisations",
    "members and supporters",
    "member organizations",
    "member organisations",
    "supported by",
];

/// Sub-headings of a list that say the kind of what follows.
pub const PERSON_SECTIONS: &[&str] = &["individuals", "individual signatories", "persons"];

pub const STATE_SECTIONS: &[&str] = &["states", "member states", "governments", "signatory states"];

pub const ORGANIZATION_SECTIONS: &[&str] = &[
    "organizations",
    "organisations",
    "organization",
    "organisation",
    "civil society organizations",
    "civil society organisations",
];

/// Labels of a line that gives the page's or the document's date, in lower
/// case: "Date : …", "Written: …", "입력 …" (Korean: entered), "송고시간"
/// (sent), "등록일" (registered), "작성일" (written).
pub const DATE_LABELS: &[&str] = &[
    "date ",
    "date :",
    "date:",
    "posted on ",
    "posted:",
    "published on ",
    "published:",
    "published ",
    "written:",
    "updated:",
    "last updated",
    "release date",
    "publication date",
    "for immediate release",
    "입력",
    "송고시간",
    "등록일",
    "작성일",
    "기사입력",
];

/// Labels of a metadata row ("Publisher | NAME"), in lower case, and the
/// field each fills.
pub const META_ROWS: &[(&str, &str)] = &[
    ("publisher", "publisher"),
    ("published by", "publisher"),
    ("publication", "publisher"),
    ("source", "publisher"),
    ("publication date", "date"),
    ("date published", "date"),
    ("date of publication", "date"),
    ("release date", "date"),
    ("date", "date"),
    ("title", "title"),
    ("url", "url"),
    ("link", "url"),
    ("source url", "url"),
    ("permalink", "url"),
    ("address", "url"),
];

/// A site's section named above a headline: "Press releases Special
/// Procedures" is where the page sits, not what it says.
/// Lines that name the kind of document under them, in lower case: never
/// its title on their own.
pub const KIND_LABELS: &[&str] = &[
    "press statement",
    "press release",
    "news release",
    "media release",
    "media advisory",
    "statement",
    "joint statement",
    "open letter",
    "보도자료",
    "성명서",
    "報道発表",
    "プレスリリース",
    "pressemitteilung",
    "medienmitteilung",
];

/// Words nearly every page of this corpus uses, in the forms `words` in
/// structure/headline.rs takes them (lowercase; pairs of letters in
/// Hangul and Han): sharing them with the text says nothing of a line.
pub const TOPIC_WORDS: &[&str] = &[
    "north",
    "korea",
    "korean",
    "koreans",
    "dprk",
    "human",
    "rights",
    "democratic",
    "people",
    "peoples",
    "republic",
    "북한",
    "인권",
    "北朝",
    "朝鮮",
    "人権",
];

/// English words of grammar of four letters or more, for the same test.
pub const COMMON_WORDS: &[&str] = &[
    "about", "after", "also", "been", "before", "from", "have", "into", "more", "other", "others",
    "over", "said", "should", "such", "than", "that", "their", "there", "these", "they", "this",
    "those", "under", "upon", "were", "what", "when", "where", "which", "while", "will", "with",
    "would", "your",
];

pub const SECTION_LABELS: &[&str] = &[
    "press releases",
    "press release ",
    "news releases",
    "latest news",
    "media centre",
    "media center",
];

/// What opens a byline inside a headline: "… – By Associated Press (The
/// Guardian) / Aug 3 2019".
pub const HEAD_BYLINE_MARKS: &[&str] = &["– By ", "— By ", " - By ", "| By "];

/// How a photo's credit begins, in lower case: "(AP Photo/NAME)",
/// "(Photo: NAME)", "(사진=NAME)".
pub const PHOTO_CREDITS: &[&str] = &[
    "ap photo",
    "photo:",
    "photo by",
    "photo courtesy",
    "photo credit",
    "afp photo",
    "reuters/",
    "getty images",
    "사진=",
    "사진 =",
    "写真",
    "자료사진",
];
