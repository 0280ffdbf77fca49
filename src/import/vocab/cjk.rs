//! The words of Korean and Japanese forms: verbs of speech and issuing,
//! titles, particles, and the endings of bodies' names.

use crate::corpus::Role;

/// Japanese verbs of speech that end a sentence reporting what its subject
/// said or explained: "述べました" (stated), "説明しました" (explained).
pub const JAPANESE_SPEECH: &[&str] = &[
    "述べました",
    "述べた",
    "説明しました",
    "説明した",
    "語りました",
    "語った",
    "強調しました",
    "強調した",
    "訴えました",
    "訴えた",
    "話しました",
    "話した",
    "表明しました",
    "表明した",
];

/// Japanese titles written right after a name: "委員長" (chair), "外務大臣"
/// (foreign minister), "氏" (Mr. or Ms.).
pub const JAPANESE_TITLES: &[&str] = &[
    "内閣総理大臣",
    "総理大臣",
    "外務大臣",
    "外務副大臣",
    "副大臣",
    "大臣",
    "官房長官",
    "長官",
    "首相",
    "総理",
    "大統領",
    "委員長",
    "議長",
    "会長",
    "代表",
    "事務総長",
    "事務局長",
    "理事長",
    "特別報告者",
    "大使",
    "報道官",
    "教授",
    "氏",
];

/// Particles after a Japanese speaker's title: the topic "は", and "から"
/// (from) in "NAME大臣から，…旨述べました".
pub const JAPANESE_SUBJECT_PARTICLES: &[&str] = &["は", "から"];

/// Endings of a Japanese body's name, which a run of kanji before a title
/// may be ("日本政府代表"): such a run is not a person's name.
pub const JAPANESE_BODY_ENDINGS: &[&str] = &[
    "政府", "省", "庁", "会", "国", "部", "局", "党", "院", "担当", "団", "連合",
];

/// Korean verbs of speech that end a sentence reporting what its subject
/// said, urged or stressed; each also in the polite past ("밝혔습니다").
pub const KOREAN_SPEECH: &[&str] = &[
    "밝혔다",
    "말했다",
    "강조했다",
    "촉구했다",
    "주장했다",
    "지적했다",
    "설명했다",
    "전했다",
    "덧붙였다",
    "비판했다",
    "호소했다",
    "요구했다",
    "발표했다",
];

/// The quotative particles that close a quotation before a verb: "“…”
/// 이라고 낙관했다", "\"…\"고 경고했다".
pub const KOREAN_QUOTATIVES: &[&str] = &["이라고", "라고", "고"];

/// Endings of a verb in the past, plain and polite: "…했다", "…했습니다".
pub const KOREAN_PAST_ENDINGS: &[&str] = &["했다", "했습니다", "였다"];

/// What follows the one a Korean sentence cites: "X에 따르면", "X에
/// 의하면" (according to X).
pub const KOREAN_ACCORDING: &[&str] = &["에 따르면", "에 의하면"];

/// What joins a list's first item to the others in "A를 비롯해 B, C 등"
/// (A, and among others B, C).
pub const KOREAN_LIST_OPENERS: &[&str] = &[
    "를 비롯해 ",
    "을 비롯해 ",
    "를 비롯한 ",
    "을 비롯한 ",
    "를 비롯하여 ",
    "을 비롯하여 ",
];

/// Korean words for a government speaking as one.
pub const KOREAN_STATES: &[&str] = &["정부", "우리 정부", "한국 정부", "북한 당국"];

/// Korean titles written after a person's name (and body): "소장" (head),
/// "대표" (representative), "위원장" (chair), "대변인" (spokesperson).
pub const KOREAN_TITLES: &[&str] = &[
    "대표",
    "소장",
    "위원장",
    "의원",
    "장관",
    "대변인",
    "이사장",
    "회장",
    "교수",
    "변호사",
    "사무총장",
    "특별보고관",
    "대사",
    "원장",
    "총장",
    "국장",
    "팀장",
    "연구위원",
    "활동가",
    "사무국장",
    "공동대표",
    "상임대표",
    "부위원장",
    "차관",
    "대통령",
    "총리",
    "관계자",
];

/// Endings of Korean bodies' names: "…센터" (centre), "…협회"
/// (association), "…위원회" (committee), "…부" (ministry).
/// Ministries and agencies Korean reports name by a word whose ending
/// (부, 원, 성) is no body's in general: "외교부는 … 밝혔습니다".
pub const KOREAN_OFFICES: &[&str] = &[
    "외교부",
    "통일부",
    "법무부",
    "국방부",
    "국무부",
    "외무성",
    "국가정보원",
    "국정원",
    "국가인권위원회",
    "인권위",
    "외교통상부",
];

/// Endings that join a clause to the next after its verb: "강조했고,"
/// (stressed, and), "밝혔으며" (stated, and).
pub const KOREAN_CONNECTIVES: &[&str] = &["고", "으며", "며"];

/// Words that say when, before a sentence's subject: "지난 12일" (on the
/// 12th), "이날" (that day), "그에 앞선" (before that).
pub const KOREAN_TIME_WORDS: &[&str] = &[
    "지난", "이날", "앞서", "그에", "앞선", "한편", "오늘", "어제",
];

/// A Korean list's heading: "다음은 … 단체다." (the following are the
/// groups that …), "다음은 서명 단체 명단이다." (… the list of groups that
/// signed).
pub const KOREAN_LIST_OPENER: &str = "다음은 ";
pub const KOREAN_LIST_ENDINGS: &[&str] =
    &["단체다.", "단체이다.", "단체들이다.", "명단이다.", "명단."];
pub const KOREAN_SIGNED: &str = "서명";
/// "단체" (groups): a list of bodies.
pub const KOREAN_GROUPS: &str = "단체";
/// "(이상 ICNK 한국 회원단체)": a note on the items above it in a list.
pub const KOREAN_ABOVE_NOTE: &str = "(이상 ";
/// A body's legal form before its name: "(사)" (incorporated association).
pub const KOREAN_LEGAL_FORMS: &[&str] = &["(사)", "(재)", "사단법인 ", "재단법인 "];

/// Particles a Korean word ends with when it is no name: "북한의" (of North
/// Korea), "등은" (and others, as topic).
pub const KOREAN_PARTICLE_ENDS: &[char] = &[
    '은', '는', '이', '가', '을', '를', '의', '에', '와', '과', '도', '로',
];

/// Words that open the body or country after a person's name, where the
/// name has several words: "토마스 오헤아 퀸타나 유엔 북한인권
/// 특별보고관" (NAME, UN, …, Special Rapporteur).
pub const KOREAN_BODY_OPENERS: &[&str] = &[
    "유엔",
    "미국",
    "일본",
    "영국",
    "독일",
    "프랑스",
    "캐나다",
    "호주",
    "유럽연합",
];

pub const KOREAN_BODY_ENDINGS: &[&str] = &[
    "센터",
    "협회",
    "위원회",
    "연대",
    "연합",
    "재단",
    "본부",
    "협의회",
    "연구소",
    "연구원",
    "모임",
    "네트워크",
    "운동",
    "단체",
    "학회",
    "포럼",
    "그룹",
    "클럽",
];

/// Korean verbs that end a sentence listing who joined or signed: "합류했다"
/// (joined), "참여했다" (took part), "서명했다" (signed).
pub const KOREAN_JOINING: &[(&str, Role)] = &[
    ("합류했다", Role::Member),
    ("가입했다", Role::Member),
    ("참여했다", Role::Signatory),
    ("서명했다", Role::Signatory),
    ("연명했다", Role::Signatory),
];

/// Korean verbs that end a release's lead sentence, its issuer as subject:
/// "환영한다" (welcomes), "촉구한다" (urges), "발표했다" (announced).
pub const KOREAN_ISSUING: &[&str] = &[
    "환영한다",
    "환영했다",
    "촉구한다",
    "촉구했다",
    "규탄한다",
    "규탄했다",
    "발표했다",
    "밝힌다",
    "밝혔다",
    "요구한다",
    "표명한다",
    "표명했다",
    "개최했다",
    "출범했다",
    "발표한다",
];
