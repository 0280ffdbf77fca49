//! Korean forms: who speaks in a sentence that ends in a verb of speech
//! ("정부는 … 밝혔다", "이한별 북한인권증진센터 소장은 … 말했다"). The
//! subject stands before the topic particle 은/는 at the sentence's start;
//! a person's name comes first, then their body and title. Words are data
//! (`vocab`), as the English forms are.

use super::entry::{self, Found};
use super::names::is_hangul;
use super::vocab::{
    KOREAN_ACCORDING, KOREAN_BODY_ENDINGS, KOREAN_BODY_OPENERS, KOREAN_CONNECTIVES, KOREAN_ISSUING,
    KOREAN_JOINING, KOREAN_LIST_OPENERS, KOREAN_OFFICES, KOREAN_PARTICLE_ENDS, KOREAN_PAST_ENDINGS,
    KOREAN_QUOTATIVES, KOREAN_SPEECH, KOREAN_STATES, KOREAN_TIME_WORDS, KOREAN_TITLES,
};
use crate::corpus::{PersonKind, Role, without_parentheses};
use std::collections::HashMap;

/// The speakers a Korean sentence names, in it or in its first clause
/// ("… 특별보고관은 … 강조했고, …": stressed, and …).
pub fn speakers(sentence: &str) -> Vec<Found> {
    subjects(&first_clause(sentence), KOREAN_SPEECH, Role::Quoted)
}

/// The sentence up to the first verb of speech that joins it to a next
/// clause, with that verb ended as a sentence ends: "강조했고," is read as
/// "강조했다". The whole sentence where none does.
fn first_clause(sentence: &str) -> std::borrow::Cow<'_, str> {
    let joined = KOREAN_SPEECH.iter().filter_map(|v| {
        let stem = v.strip_suffix('다')?;
        KOREAN_CONNECTIVES.iter().find_map(|c| {
            let form = format!("{stem}{c}");
            sentence
                .match_indices(&form)
                .map(|(at, _)| at)
                .find(|&at| {
                    sentence[at + form.len()..]
                        .chars()
                        .next()
                        .is_some_and(|n| n == ',' || n.is_whitespace())
                })
                .map(|at| (at, *v))
        })
    });
    match joined.min_by_key(|(at, _)| *at) {
        Some((at, verb)) => format!("{}{verb}.", &sentence[..at]).into(),
        None => sentence.into(),
    }
}

/// Who a Korean sentence cites: "X에 따르면" (according to X).
pub fn according(sentence: &str) -> Vec<Found> {
    let mut out = Vec::new();
    for marker in KOREAN_ACCORDING {
        for (at, _) in sentence.match_indices(marker) {
            let words: Vec<&str> = sentence[..at].split_whitespace().collect();
            // The body's one word, or "NAME BODY TITLE" ending in a title.
            let last = words.last().copied().unwrap_or("");
            let item = if KOREAN_TITLES.contains(&last) {
                (2..=3)
                    .filter_map(|n| {
                        words
                            .len()
                            .checked_sub(n)
                            .map(|from| words[from..].join(" "))
                    })
                    .find(|item| {
                        entry_of(item).is_some_and(|f| f.person.kind == PersonKind::Person)
                    })
            } else {
                Some(last.to_string())
            };
            if let Some(mut f) = item.and_then(|i| entry_of(without_parentheses(&i))) {
                f.review = Some(format!("quoted: the text cites it (“{}”)", marker.trim()));
                out.push(f);
            }
        }
    }
    out
}

/// The bodies a Korean release's lead names as putting it out: "국가인권위원회
/// (위원장 …)는 … 환영한다" (welcomes), "… 발표했다" (announced).
pub fn issuers(sentence: &str) -> Vec<Found> {
    subjects(sentence, KOREAN_ISSUING, Role::Issuer)
        .into_iter()
        .filter(|f| f.person.kind != PersonKind::Person)
        .collect()
}

/// The subjects of a sentence that ends with one of `verbs`, in `role`.
fn subjects(sentence: &str, verbs: &[&str], role: Role) -> Vec<Found> {
    let end = sentence.trim_end().trim_end_matches(['.', '”', '"']);
    let spoken = role == Role::Quoted && quotative(end);
    // The polite past is a broadcast's: its subject speaks, it issues nothing.
    let polite = role == Role::Quoted;
    if !spoken && !verbs.iter().any(|v| ends_with_verb(end, v, polite)) {
        return Vec::new();
    }
    // "(서울=연합뉴스) 성서호 기자 = …": the credit is not the subject.
    let text = sentence
        .split_once(" = ")
        .filter(|(head, _)| head.starts_with(['(', '[']) && head.chars().count() <= 30)
        .map_or(sentence, |(_, rest)| rest);
    let Some(subject) = subject(text) else {
        return Vec::new();
    };
    // "A를 비롯해 B 등 28개 단체들은": some of the bodies that put it out,
    // named as a report names them, so they speak in it and do not sign it.
    let listed = listed_with_others(subject);
    if role == Role::Issuer && listed.is_some() {
        return Vec::new();
    }
    let entries = listed.unwrap_or_else(|| {
        items(subject)
            .into_iter()
            .filter_map(|item| entry_of(without_parentheses(&item)))
            .collect()
    });
    entries
        .into_iter()
        .map(|mut f| {
            f.person.role = role;
            if role == Role::Issuer {
                f.review = Some("issuer: the subject of the lead's verb of statement".to_string());
            }
            f
        })
        .collect()
}

/// Whether `end` ends with `verb`, plain ("밝혔다") or, where `polite`,
/// in the polite past as broadcasts write it ("밝혔습니다").
fn ends_with_verb(end: &str, verb: &str, polite: bool) -> bool {
    end.ends_with(verb)
        || polite
            && verb.strip_suffix('다').is_some_and(|stem| {
                end.strip_suffix("습니다")
                    .is_some_and(|e| e.ends_with(stem))
            })
}

/// "…“변화가 올 것”이라고 낙관했다": a quotation closed by the quotative
/// (라고, 고) before the sentence's verb in the past reports speech,
/// whatever that verb is.
fn quotative(end: &str) -> bool {
    let Some((head, verb)) = end.rsplit_once(' ') else {
        return false;
    };
    let word = head.rsplit(' ').next().unwrap_or(head);
    KOREAN_PAST_ENDINGS.iter().any(|e| verb.ends_with(e))
        && KOREAN_QUOTATIVES.iter().any(|q| {
            word.strip_suffix(q)
                .is_some_and(|w| w.ends_with(['”', '"', '’', '\'']))
        })
}

/// Bodies a Korean sentence lists as joining or signing: "A, B, C 등 52개
/// 민간단체가 합류했다" (… and others, 52 groups, joined): members, or
/// signatories where they signed (서명).
pub fn lists(sentence: &str) -> Vec<Found> {
    let end = sentence.trim_end().trim_end_matches('.');
    let Some(role) = KOREAN_JOINING
        .iter()
        .find(|(v, _)| end.ends_with(v))
        .map(|(_, role)| *role)
    else {
        return Vec::new();
    };
    let Some((list, _)) = sentence.split_once(" 등 ") else {
        return Vec::new();
    };
    let items: Vec<&str> = list.split(", ").map(str::trim).collect();
    // Every item one word, and a body's: else the list is not read.
    let bodies = items.iter().all(|i| {
        !i.contains(' ')
            && i.chars().any(is_hangul)
            && i.chars().all(|c| c.is_alphanumeric() || c == '·')
    });
    if items.len() < 2 || !bodies {
        return Vec::new();
    }
    items
        .into_iter()
        .map(|name| Found {
            person: entry::person(name, PersonKind::Organization, role),
            review: Some(format!(
                "{role}: listed as joining (“… 등 … {}”)",
                end.rsplit(' ').next().unwrap_or("")
            )),
        })
        .collect()
}

/// A subject that lists bodies and others: "A를 비롯해 B, C 등 28개
/// 단체들" (A, and B, C among others: 28 groups). Every item must be a
/// body's name, else the list is not read (an empty list); `None` where the
/// subject is not such a list.
fn listed_with_others(subject: &str) -> Option<Vec<Found>> {
    let (list, _) = subject.split_once(" 등")?;
    let mut names: Vec<&str> = Vec::new();
    let rest = match KOREAN_LIST_OPENERS.iter().find_map(|o| list.split_once(o)) {
        Some((first, rest)) => {
            names.push(first);
            rest
        }
        None => list,
    };
    names.extend(rest.split(", ").map(str::trim));
    let found: Option<Vec<Found>> = names
        .iter()
        .map(|n| entry_of(without_parentheses(n)).filter(|f| f.person.kind != PersonKind::Person))
        .collect();
    Some(found.filter(|f| f.len() >= 2).unwrap_or_default())
}

/// The words before the first topic particle, outside quotation marks.
fn subject(text: &str) -> Option<&str> {
    let mut quoted = false;
    for (i, c) in text.char_indices() {
        match c {
            '\'' | '"' => quoted = !quoted,
            '‘' | '“' => quoted = true,
            '’' | '”' => quoted = false,
            '은' | '는' if !quoted => {
                let after = text[i + c.len_utf8()..].chars().next();
                if after.is_none_or(char::is_whitespace) {
                    return Some(&text[..i]);
                }
            }
            _ => {}
        }
    }
    None
}

/// "A과 B", "A와 B", "A, B": the subject's items.
fn items(subject: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let words: Vec<&str> = subject.split(' ').collect();
    for (k, w) in words.iter().enumerate() {
        for c in w.chars() {
            match c {
                '\'' | '"' => quoted = !quoted,
                '‘' | '“' => quoted = true,
                '’' | '”' => quoted = false,
                _ => {}
            }
        }
        if !current.is_empty() {
            current.push(' ');
        }
        let last = k + 1 == words.len();
        let joined = !quoted
            && !last
            && (w.ends_with(',')
                || (w.chars().count() > 1 && (w.ends_with('과') || w.ends_with('와'))));
        if joined {
            let cut = w.trim_end_matches(',');
            let cut = if cut.len() < w.len() {
                cut
            } else {
                &w[..w.len() - '과'.len_utf8()]
            };
            current.push_str(cut);
            out.push(std::mem::take(&mut current));
        } else {
            current.push_str(w);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// One item of a subject: a body named in quotation marks or by its
/// ending ("…센터", "…협회"), the government, or a person before a title.
fn entry_of(item: &str) -> Option<Found> {
    // A body named in quotation marks: "북한 인권단체 '…'".
    for (open, close) in [('\'', '\''), ('‘', '’'), ('"', '"'), ('“', '”')] {
        if let Some((_, rest)) = item.split_once(open)
            && let Some((name, _)) = rest.split_once(close)
            && name.chars().any(is_hangul)
        {
            return Some(found(name, PersonKind::Organization));
        }
    }
    let words: Vec<&str> = item.split_whitespace().collect();
    let last = *words.last()?;
    if KOREAN_STATES.contains(&item) {
        return Some(found(item, PersonKind::State));
    }
    // "이한별 북한인권증진센터 소장": name, body, title; after words of
    // when ("지난 12일"), and a name of several words where the UN's or a
    // country's name follows it ("토마스 오헤아 퀸타나 유엔 … 특별보고관").
    if words.len() >= 2 && KOREAN_TITLES.contains(&last) {
        let words: Vec<&str> = words
            .iter()
            .copied()
            .skip_while(|w| KOREAN_TIME_WORDS.contains(w) || w.chars().any(|c| c.is_ascii_digit()))
            .collect();
        let name_word = |w: &&str| (1..=5).contains(&w.chars().count()) && w.chars().all(is_hangul);
        let long = words
            .iter()
            .position(|w| KOREAN_BODY_OPENERS.contains(w))
            .filter(|&k| (2..=4).contains(&k) && words[..k].iter().all(name_word));
        let n = long.unwrap_or(1);
        let name = words.get(..n)?.join(" ");
        let single = words[0].chars().count();
        if long.is_some() || words.len() >= 2 && (2..=4).contains(&single) && name_word(&words[0]) {
            let mut f = found(&name, PersonKind::Person);
            f.person.title = Some(last.to_string());
            let body = words[n..words.len() - 1].join(" ");
            f.person.affiliation = (!body.is_empty()).then_some(body);
            return Some(f);
        }
        return None;
    }
    (words.len() == 1
        && last.chars().all(is_hangul)
        && (KOREAN_OFFICES.contains(&last)
            || KOREAN_BODY_ENDINGS
                .iter()
                .any(|e| last.ends_with(e) && last != *e)))
    .then(|| found(last, PersonKind::Organization))
}

/// The people a Korean text names in full before a title, a country or
/// the UN, by each word of their name: "엘리자베스 살몬 유엔 …" (given name
/// first), "스가 요시히데 일본 관방장관" (family name first). Read in one
/// pass, so that every name found is looked up in it at no cost.
pub struct FullNames(HashMap<String, Vec<String>>);

impl FullNames {
    pub fn of(text: &str) -> FullNames {
        let word = |w: &str| {
            (2..=6).contains(&w.chars().count())
                && w.chars().all(is_hangul)
                && !KOREAN_TIME_WORDS.contains(&w)
                && !KOREAN_TITLES.iter().any(|t| w.starts_with(t))
                && !w.ends_with(KOREAN_PARTICLE_ENDS)
                // "북한인권증진센터 이한별 소장": a body before a Korean's name.
                && !KOREAN_BODY_ENDINGS.iter().any(|e| w.ends_with(e))
                && !KOREAN_OFFICES.contains(&w)
                && !KOREAN_BODY_OPENERS.contains(&w)
        };
        let office = |w: Option<&&str>| {
            w.is_some_and(|w| {
                KOREAN_BODY_OPENERS.contains(w) || KOREAN_TITLES.iter().any(|t| w.starts_with(t))
            })
        };
        let mut out: HashMap<String, Vec<String>> = HashMap::new();
        for line in text.lines() {
            let words: Vec<&str> = line.split_whitespace().collect();
            for (i, name) in words.iter().enumerate() {
                if !name.chars().all(is_hangul) {
                    continue;
                }
                let before = i.checked_sub(1).map(|b| words[b]).filter(|w| word(w));
                let after = words.get(i + 1).copied().filter(|w| word(w));
                let full = match (before, after) {
                    (Some(given), _) if office(words.get(i + 1)) => format!("{given} {name}"),
                    (_, Some(given)) if office(words.get(i + 2)) => format!("{name} {given}"),
                    _ => continue,
                };
                let fulls = out.entry(name.to_string()).or_default();
                if !fulls.contains(&full) {
                    fulls.push(full);
                }
            }
        }
        FullNames(out)
    }

    /// A person named by one word ("살몬 특별보고관은"), in full where the
    /// text names them so once; `None` unless it agrees on one.
    pub fn of_one(&self, name: &str) -> Option<&str> {
        match self.0.get(name).map(Vec::as_slice) {
            Some([one]) => Some(one),
            _ => None,
        }
    }
}

fn found(name: &str, kind: PersonKind) -> Found {
    Found {
        person: entry::person(name, kind, Role::Quoted),
        review: Some("quoted: the subject of a verb of speech".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &str) -> Vec<(String, PersonKind)> {
        speakers(s)
            .into_iter()
            .map(|f| (f.person.name, f.person.kind))
            .collect()
    }

    #[test]
    fn subjects_of_speech() {
        assert_eq!(
            names("정부는 “환영한다”고 밝혔다."),
            [("정부".to_string(), PersonKind::State)]
        );
        assert_eq!(
            names(
                "(서울=연합뉴스) 성서호 기자 = 북한 인권단체 '북한의 박해 받는 사람들을 기억하는 사람들'과 북한인권증진센터는 26일 기자회견을 열고 해체를 촉구했다."
            ),
            [
                (
                    "북한의 박해 받는 사람들을 기억하는 사람들".to_string(),
                    PersonKind::Organization
                ),
                ("북한인권증진센터".to_string(), PersonKind::Organization)
            ]
        );
        let f = speakers("이한별 북한인권증진센터 소장은 “친오빠가 있다”고 말했다.");
        assert_eq!(f[0].person.name, "이한별");
        assert_eq!(f[0].person.title.as_deref(), Some("소장"));
        assert_eq!(f[0].person.affiliation.as_deref(), Some("북한인권증진센터"));
        assert!(speakers("이들은 “멈춰라”고 강조했다.").is_empty());
        // A ministry by its name, in a broadcast's polite past.
        assert_eq!(
            names("외교부는 “멈춰야 한다”고 밝혔습니다."),
            [("외교부".to_string(), PersonKind::Organization)]
        );
        assert!(speakers("정부는 회의를 열었다.").is_empty());
        // Brackets inside a word are not cut out: that name is not the page's.
        assert!(speakers("북한(北韓)인권센터는 “멈춰라”고 밝혔다.").is_empty());
    }

    #[test]
    fn a_speaker_of_a_first_clause_and_a_name_of_several_words() {
        // Sentences of our own: "On the 12th before that, NAME (three words),
        // UN Special Rapporteur, stressed …, and …".
        let f = speakers(
            "그에 앞선 12일 가나 다라 마바 유엔 북한인권 특별보고관은 인권 논의가 필요하다고 강조했고, 실제 과거에는 다른 일이 있었습니다.",
        );
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].person.name, "가나 다라 마바");
        assert_eq!(f[0].person.kind, PersonKind::Person);
        assert_eq!(f[0].person.title.as_deref(), Some("특별보고관"));
        assert_eq!(f[0].person.affiliation.as_deref(), Some("유엔 북한인권"));
        // A body's word is not read as part of a name.
        let f = speakers("가나다 북한인권 시민연합 대표는 필요하다고 강조했다.");
        assert_eq!(f[0].person.name, "가나다");
        assert_eq!(
            f[0].person.affiliation.as_deref(),
            Some("북한인권 시민연합")
        );
    }

    #[test]
    fn a_broadcast_subject_speaks_and_issues_nothing() {
        let polite = "가나다센터는 “멈춰야 한다”고 지적했습니다.";
        assert_eq!(
            names(polite),
            [("가나다센터".to_string(), PersonKind::Organization)]
        );
        assert!(issuers("외교부는 북한에 대한 입장을 밝혔습니다.").is_empty());
        assert_eq!(issuers("외교부는 북한에 대한 입장을 밝혔다.").len(), 1);
    }

    #[test]
    fn issuers_of_a_korean_release() {
        let f = issuers("국가인권위원회(위원장 현병철)는 보고서에 대해 아래와 같이 환영한다.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].person.name, "국가인권위원회");
        assert_eq!(f[0].person.role, Role::Issuer);
        assert!(
            issuers("가나다연대를 비롯해 라마바센터 등 12개 단체들은 성명을 발표했다.").is_empty()
        );
    }

    #[test]
    fn bodies_listed_as_joining() {
        let f = lists(
            "북한민주화청년학생포럼, 탈북자동지회, NK지식인연대 등 현재까지 52개 민간단체가 합류했다.",
        );
        let names: Vec<&str> = f.iter().map(|f| f.person.name.as_str()).collect();
        assert_eq!(
            names,
            ["북한민주화청년학생포럼", "탈북자동지회", "NK지식인연대"]
        );
        assert!(f.iter().all(|f| f.person.role == Role::Member));
        assert!(lists("북한, 중국 등 여러 나라를 방문했다.").is_empty());
    }

    #[test]
    fn a_subject_listing_bodies_with_and_others() {
        // "A를 비롯해 B, C 등 12개 단체들은 … 발표했다": A (first), B, C and others.
        let f = speakers(
            "가나다연대를 비롯해 라마바센터, 사아자협의회 등 12개 단체들은 성명을 발표했다.",
        );
        let names: Vec<&str> = f.iter().map(|f| f.person.name.as_str()).collect();
        assert_eq!(names, ["가나다연대", "라마바센터", "사아자협의회"]);
        assert!(f.iter().all(|f| f.person.role == Role::Quoted));
        let f = speakers("가나다연대, 라마바센터 등 시민단체는 “멈춰라”고 촉구했다.");
        assert_eq!(f.len(), 2);
        // An item that is not a body's name: the list is not read.
        assert!(speakers("가나다연대를 비롯해 여러 사람 등 단체들은 성명을 발표했다.").is_empty());
    }

    #[test]
    fn a_quotation_closed_by_the_quotative_speaks_whatever_the_verb() {
        // "“…”이라고 낙관했다" (was hopeful, saying "…"): 라고/고 after a
        // quotation marks speech, whatever verb follows.
        let f = speakers("가나다 통일부 장관은 축사에서 “변화가 올 것”이라고 낙관했다.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].person.name, "가나다");
        assert_eq!(f[0].person.title.as_deref(), Some("장관"));
        let f = speakers("가나다센터는 \"멈춰라\"고 경고했다.");
        assert_eq!(f.len(), 1);
        // No quotation before 고: not speech.
        assert!(speakers("가나다센터는 회의를 열고 논의했다.").is_empty());
    }

    #[test]
    fn a_name_of_one_word_is_read_in_full_where_the_text_gives_it() {
        // Sentences of our own, in the two orders of foreign names.
        let text = "가족이 오늘 가나다 라마바 유엔 특별보고관을 만났다.\n김씨 등은 라마바 특별보고관과 면담했다.";
        assert_eq!(FullNames::of(text).of_one("라마바"), Some("가나다 라마바"));
        let text = "사아자 차카타 일본 관방장관은 인사말을 했다.\n사아자 장관은 말했다.";
        assert_eq!(FullNames::of(text).of_one("사아자"), Some("사아자 차카타"));
        // Two full names for one word, or none: left as written.
        let text = "가나다 라마바 유엔 대사와 하나다 라마바 일본 대사가 왔다.";
        assert_eq!(FullNames::of(text).of_one("라마바"), None);
        // No word beside it; a word of time, a word with a particle or a
        // body's name is no given name.
        for (text, name) in [
            ("라마바 대표는 말했다.", "라마바"),
            ("이날 라마바 대표는 말했다.", "라마바"),
            ("북한의 라마바 대사는 말했다.", "라마바"),
            ("가나다센터 이한별 소장은 말했다.", "이한별"),
        ] {
            assert_eq!(FullNames::of(text).of_one(name), None, "{text}");
        }
    }

    #[test]
    fn according_to_a_body_or_a_person() {
        // "X에 따르면" (according to X): X is quoted.
        let f = according("4일 가나다연대(GND)에 따르면 단체들은 서한을 보냈다.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].person.name, "가나다연대");
        assert_eq!(f[0].person.role, Role::Quoted);
        let f = according("이한별 라마바센터 소장에 따르면 그는 떠났다.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].person.name, "이한별");
        // A word that is no body's or person's: nothing.
        assert!(according("보도에 따르면 그는 떠났다.").is_empty());
    }
}
