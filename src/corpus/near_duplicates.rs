//! Names that look alike but resolved to different entities: a typo, a
//! missing alias, or two bodies that really are different. `nkread check`
//! reports them so that a curator can add an alias to data/entities.toml or
//! record the pair there as `distinct_from`.

use super::entities::{name_words, within_typos, without_parentheses};
use super::{Corpus, EntityId, PersonKind};
use rayon::prelude::*;
use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet};
use std::fmt;

/// Two entities with look-alike names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NearDuplicate {
    pub entities: [EntityId; 2],
    /// The look-alike names, as written, in the order of `entities`.
    pub names: [String; 2],
    pub likeness: Likeness,
}

/// How two names look alike. The rules are deliberately loose: a warning
/// costs a curator a look, a missed merge costs a reader an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Likeness {
    /// The same name for entities of two kinds: a person and an
    /// organization, an organization and a state.
    OtherKind([PersonKind; 2]),
    /// A typo or two apart (see [`within_typos`]).
    Typo,
    /// One name begins the other ("No Fence" / "No Fence Japan"); the
    /// shorter has at least 4 letters, so that "UN" does not begin "UNICEF".
    Prefix,
    /// Three or more words, all alike but one ("Committee for Human Rights
    /// in North Korea" / "Council for …").
    OneWordApart,
}

impl fmt::Display for Likeness {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // In one order, whichever entity came first: "a person and an organization".
        let a = |kind: PersonKind| match kind {
            PersonKind::Person => (0, "a person"),
            PersonKind::Organization => (1, "an organization"),
            PersonKind::State => (2, "a state"),
        };
        match self {
            Likeness::OtherKind(kinds) => {
                let mut kinds = kinds.map(a);
                kinds.sort_unstable();
                write!(f, "the same name for {} and {}", kinds[0].1, kinds[1].1)
            }
            Likeness::Typo => f.write_str("a typo apart"),
            Likeness::Prefix => f.write_str("one name begins the other"),
            Likeness::OneWordApart => f.write_str("one word apart"),
        }
    }
}

/// A name of an entity, with what the comparisons need.
struct Name<'c> {
    written: &'c str,
    key: String,
    words: Vec<String>,
    /// Whether the key is too long to compare but whole ([`LONGEST_KEY`]).
    too_long: bool,
}

/// Keys longer than this many letters are compared whole only (the same
/// name for two kinds). Gives up typos, prefixes and one word apart among
/// such names: a typo would cost a comparison of the whole keys, quadratic
/// in their length, and no name of a body runs to a hundred letters (the
/// longest the corpus knows has 63).
const LONGEST_KEY: usize = 100;

/// Names filed under one entry of an index are compared only when at most
/// this many entities share it. Gives up the look-alikes found only
/// through an entry that more share: a deletion variant, a slice or a name
/// with a word blanked that is common to so many names says little about
/// any two of them ("… Foundation" ends thousands), and comparing them all
/// would be quadratic. A name that begins more than this many others is
/// not said to begin any of them.
const CROWD: usize = 64;

/// At most this many look-alikes are listed after an entity (of those that
/// come after it); whether there were more is said
/// ([`LookAlikes::cut_short`]). Ten thousand numbered names are each a
/// typo or two from hundreds of others, and listing every pair would be
/// quadratic in the number of names.
pub const LISTED_PER_ENTITY: usize = 10;

/// What the look-alike check found beyond the pairs it listed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct LookAlikes {
    /// Entities that have more look-alikes after them than the
    /// [`LISTED_PER_ENTITY`] listed.
    pub cut_short: Vec<EntityId>,
}

/// Every pair of entities with look-alike names, except those recorded as
/// `distinct_from` each other; ordered by entity. Names are an entity's
/// canonical name, its aliases and every name a document uses for it.
pub fn near_duplicates(corpus: &Corpus) -> Vec<NearDuplicate> {
    let mut found = Vec::new();
    look_alikes(corpus, |d| found.push(d));
    found
}

/// The pairs [`near_duplicates`] lists, given to `each` in order as they
/// are found, so that none need be kept.
///
/// Pairs are gathered through indexes ([`Groups`]), so the cost follows
/// the number of names, not its square; each candidate pair is then
/// judged exactly as all pairs once were.
pub fn look_alikes(corpus: &Corpus, mut each: impl FnMut(NearDuplicate)) -> LookAlikes {
    let names = entity_names(corpus);
    let groups = Groups::new(&names);
    let mut found = LookAlikes::default();
    // Entities are judged a chunk at a time on every core, and given to
    // `each` in order: only a chunk's pairs are held.
    let entities: Vec<EntityId> = (0..names.len()).collect();
    for chunk in entities.chunks(JUDGED_AT_ONCE) {
        let judged: Vec<(Vec<NearDuplicate>, bool)> = chunk
            .par_iter()
            .map(|&a| {
                let mut judged = groups
                    .partners(a)
                    .filter_map(|b| judge(corpus, &names, a, b));
                let listed = judged.by_ref().take(LISTED_PER_ENTITY).collect();
                (listed, judged.next().is_some())
            })
            .collect();
        for (&a, (listed, more)) in chunk.iter().zip(judged) {
            listed.into_iter().for_each(&mut each);
            if more {
                found.cut_short.push(a);
            }
        }
    }
    found
}

/// How many entities are judged at once (see [`look_alikes`]).
const JUDGED_AT_ONCE: usize = 4096;

/// For each entity, its distinct names (by key).
fn entity_names(corpus: &Corpus) -> Vec<Vec<Name<'_>>> {
    let mut names: Vec<Vec<Name>> = corpus
        .entities
        .all()
        .iter()
        .map(|e| e.names().collect())
        .map(names_of)
        .collect();
    for doc in &corpus.documents {
        for person in &doc.people {
            names[person.entity].extend(names_of(vec![person.name.as_str()]));
        }
    }
    for list in &mut names {
        let mut seen = HashSet::new();
        list.retain(|n| seen.insert(n.key.clone()));
    }
    names
}

/// Whether entities `a` < `b` look alike: the first pair of their names
/// that does, in the order of their names.
fn judge(corpus: &Corpus, names: &[Vec<Name>], a: EntityId, b: EntityId) -> Option<NearDuplicate> {
    if corpus.entities.distinct(a, b) {
        return None;
    }
    let all = corpus.entities.all();
    let kinds = [all[a].kind, all[b].kind];
    let mut pairs = names[a]
        .iter()
        .flat_map(|x| names[b].iter().map(move |y| (x, y)));
    let (x, y, likeness) = pairs.find_map(|(x, y)| likeness(x, y, kinds).map(|l| (x, y, l)))?;
    Some(NearDuplicate {
        entities: [a, b],
        names: [x.written.to_string(), y.written.to_string()],
        likeness,
    })
}

/// Parts a key of two allowed typos is cut into: two edits touch at most
/// four (a swap across a cut touches two), so one part is intact.
const PARTS: usize = 5;

/// Keys up to this many characters meet through their variants with two
/// deletions (a few hundred); longer ones through their parts, which are
/// then long enough (5 characters or more) to be rare.
const CUT_ABOVE: usize = 24;

/// The entities filed under one entry of an index, for every entry that
/// two to [`CROWD`] entities share, and for each entity the groups it is
/// in: the candidates of an entity are the others in its groups, a
/// superset of those [`likeness`] accepts (but for what [`CROWD`] gives
/// up). The indexes, one for each kind of likeness:
/// - Same key: the key itself.
/// - A typo or two: two keys within `k` edits (insertions, deletions,
///   substitutions, swaps of neighbours) become one string after at most
///   `k` deletions from each, so keys meet through their deletion variants.
/// - Two typos in long keys (over [`CUT_ABOVE`] characters), whose
///   variants would be too many: cut a key into [`PARTS`] parts; one of
///   them is in the other key unchanged, at most two characters from its
///   place, and the other key is at most two characters longer or shorter.
///   Each key files every such slice of itself (its own parts among them),
///   for the lengths of [`lengths_cut`].
/// - Prefix: in sorted order, the keys a key begins follow it.
/// - One word apart: the names' words with one of them blanked meet.
struct Groups {
    /// The entities of each group, one group after another.
    members: Vec<EntityId>,
    /// Where each group begins in `members`, and where the last ends.
    bounds: Vec<usize>,
    /// The groups of entity `e` are `of[at[e]..at[e + 1]]`.
    at: Vec<usize>,
    of: Vec<usize>,
}

impl Groups {
    fn new(names: &[Vec<Name>]) -> Groups {
        let all: Vec<(EntityId, &Name)> = names
            .iter()
            .enumerate()
            .flat_map(|(e, list)| list.iter().map(move |n| (e, n)))
            .collect();
        let mut groups = Groups {
            members: Vec::new(),
            bounds: vec![0],
            at: Vec::new(),
            of: Vec::new(),
        };
        // Each entry is a hash with the entity in its low bits: 8 bytes a
        // name's entry, sorted in place, where a (hash, entity) pair took
        // 16. Hashes then have 40 bits or more: a collision only adds a
        // candidate.
        let bits = usize::BITS - names.len().leading_zeros();
        let low = (1u64 << bits) - 1;
        // Entries are filed a share of the hashes at a time, so that at
        // most SHARD of them are held: a name of 24 letters has 427.
        let entries: usize = all.iter().map(|(_, n)| most_entries(n)).sum();
        let shards = entries.div_ceil(SHARD).max(1) as u128;
        let mut filed: Vec<u64> = Vec::new();
        for shard in 0..shards {
            filed.clear();
            for &(e, name) in &all {
                file(name, |hash| {
                    // The hash's share, by multiplying: a division per
                    // entry took a fifth of the time.
                    if (u128::from(hash) * shards) >> 64 == shard {
                        filed.push(hash & !low | e as u64);
                    }
                });
            }
            filed.par_sort_unstable();
            filed.dedup();
            for group in filed.chunk_by(|x, y| x & !low == y & !low) {
                groups.push(group.iter().map(|&x| (x & low) as EntityId));
            }
        }
        drop(filed);
        let mut by_key: Vec<(&str, EntityId)> = all
            .iter()
            .filter(|(_, n)| !n.too_long)
            .map(|&(e, n)| (n.key.as_str(), e))
            .collect();
        by_key.sort_unstable();
        for (i, &(short, _)) in by_key.iter().enumerate() {
            if short.chars().nth(3).is_none() {
                continue;
            }
            let begun = by_key[i..]
                .iter()
                .take(CROWD + 1)
                .take_while(|(long, _)| long.starts_with(short));
            groups.push(begun.map(|&(_, e)| e));
        }
        groups.index(names.len());
        groups
    }

    /// Adds a group of entries, if there are at most [`CROWD`] of them and
    /// two entities or more.
    fn push(&mut self, entities: impl Iterator<Item = EntityId>) {
        let start = self.members.len();
        self.members.extend(entities.take(CROWD + 1));
        let group = &mut self.members[start..];
        group.sort_unstable();
        // Dedup in place: an entity may have several names in a group.
        let mut distinct = 0;
        for i in 0..group.len() {
            if distinct == 0 || group[i] != group[distinct - 1] {
                group[distinct] = group[i];
                distinct += 1;
            }
        }
        let crowded = group.len() > CROWD;
        self.members.truncate(start + distinct);
        if crowded || distinct < 2 {
            self.members.truncate(start);
        } else {
            self.bounds.push(self.members.len());
        }
    }

    /// Fills `at` and `of` from the groups.
    fn index(&mut self, entities: usize) {
        let mut count = vec![0usize; entities + 1];
        for &e in &self.members {
            count[e + 1] += 1;
        }
        for e in 0..entities {
            count[e + 1] += count[e];
        }
        self.of = vec![0; self.members.len()];
        let mut next = count.clone();
        for (g, range) in self.bounds.windows(2).enumerate() {
            for &e in &self.members[range[0]..range[1]] {
                self.of[next[e]] = g;
                next[e] += 1;
            }
        }
        self.at = count;
    }

    /// The entities after `a` that share a group with it, in order, each
    /// once: a merge of its groups (each in order), so that its first
    /// look-alikes are judged without gathering the others.
    fn partners(&self, a: EntityId) -> Partners<'_> {
        let heads = self.of[self.at[a]..self.at[a + 1]]
            .iter()
            .filter_map(|&g| {
                let (start, end) = (self.bounds[g], self.bounds[g + 1]);
                let after = start + self.members[start..end].partition_point(|&b| b <= a);
                (after < end).then(|| Reverse((self.members[after], after, end)))
            })
            .collect();
        Partners {
            members: &self.members,
            heads,
            last: None,
        }
    }
}

/// See [`Groups::partners`].
struct Partners<'g> {
    members: &'g [EntityId],
    /// Each group's next entity, with its place and the group's end.
    heads: BinaryHeap<Reverse<(EntityId, usize, usize)>>,
    last: Option<EntityId>,
}

impl Iterator for Partners<'_> {
    type Item = EntityId;

    fn next(&mut self) -> Option<EntityId> {
        loop {
            let Reverse((b, at, end)) = self.heads.pop()?;
            if at + 1 < end {
                self.heads
                    .push(Reverse((self.members[at + 1], at + 1, end)));
            }
            if self.last != Some(b) {
                self.last = Some(b);
                return Some(b);
            }
        }
    }
}

/// The most entries held at a time (32 M, 256 MB).
const SHARD: usize = 1 << 25;

/// How many entries [`file`] gives `name`, or more (its deletion variants
/// may repeat).
fn most_entries(name: &Name) -> usize {
    if name.too_long {
        return 1;
    }
    let m = name.key.chars().count();
    let two = name.key.len() >= 12;
    let variants = match (m <= CUT_ABOVE, two) {
        (false, _) => 0,
        (true, false) => 1 + m,
        (true, true) => 1 + m + m * m.saturating_sub(1) / 2,
    };
    // Each length, each part, five places.
    let slices = if two {
        lengths_cut(m).count() * PARTS * 5
    } else {
        0
    };
    let blanked = if name.words.len() >= 3 {
        name.words.len()
    } else {
        0
    };
    1 + variants + slices + blanked
}

/// The lengths of the keys whose parts a key of `m` characters is compared
/// with: two or fewer characters apart, and over [`CUT_ABOVE`] (two keys
/// of that length or less meet through their variants). Parts are then 5
/// characters or more: at 200,000 names, 4-letter slices met by chance so
/// often that they took a third of the check's time.
fn lengths_cut(m: usize) -> std::ops::RangeInclusive<usize> {
    m.saturating_sub(2).max(CUT_ABOVE + 1)..=m + 2
}

/// Gives `out` the hash of every entry `name` is filed under.
fn file(name: &Name, mut out: impl FnMut(u64)) {
    // Tag 0: the key itself; 1: its deletion variants; 2: a name with a
    // word blanked; 3: a part of a key, with the key's length and place.
    // Each with the length of what it hashes.
    let entry = |tag: u64, len: usize, hash: u64| Fold::new(tag).add(len as u64).add(hash).finish();
    if name.too_long {
        let hash = name
            .key
            .chars()
            .fold(0, |h: u64, c| h.wrapping_mul(BASE).wrapping_add(c.into()));
        out(entry(0, name.key.chars().count(), hash));
        return;
    }
    let h = Slices::new(&name.key);
    let m = h.len();
    out(entry(0, m, h.of(0, m)));
    // As `within_typos` counts: two edits once both keys have 12 bytes.
    let two = name.key.len() >= 12;
    if m <= CUT_ABOVE {
        // Longer keys meet through their parts, one or two typos apart.
        out(entry(1, m, h.of(0, m)));
        for i in 0..m {
            let before = h.of(0, i);
            out(entry(1, m - 1, h.join(before, h.of(i + 1, m), m - i - 1)));
            if two {
                for j in i + 1..m {
                    let between = h.join(before, h.of(i + 1, j), j - i - 1);
                    out(entry(1, m - 2, h.join(between, h.of(j + 1, m), m - j - 1)));
                }
            }
        }
    }
    if two {
        let cuts = |n: usize| (0..=PARTS).map(move |j| j * n / PARTS);
        // Its own parts are among these slices (n = m, at their place).
        for n in lengths_cut(m) {
            let theirs: Vec<usize> = cuts(n).collect();
            for j in 0..PARTS {
                let len = theirs[j + 1] - theirs[j];
                for start in theirs[j].saturating_sub(2)..=theirs[j] + 2 {
                    if start + len <= m {
                        let place = Fold::new(3).add(n as u64).add(j as u64);
                        out(place.add(len as u64).add(h.of(start, start + len)).finish());
                    }
                }
            }
        }
    }
    if name.words.len() >= 3 {
        // The key is the words joined: each word is a slice of it.
        let mut at = 0;
        let words: Vec<(u64, usize)> = name
            .words
            .iter()
            .map(|w| {
                let len = w.chars().count();
                at += len;
                (h.of(at - len, at), len)
            })
            .collect();
        for i in 0..words.len() {
            let mut blanked = Fold::new(2).add(i as u64);
            for (w, &(hash, len)) in words.iter().enumerate() {
                if w != i {
                    blanked = blanked.add(hash).add(len as u64);
                }
            }
            out(blanked.finish());
        }
    }
}

/// The base of the polynomial hashes of [`Slices`]: odd, with its bits
/// spread (the golden ratio's).
const BASE: u64 = 0x9e37_79b9_7f4a_7c15;

/// Polynomial hashes (mod 2^64) of a key's prefixes, from which the hash of
/// any slice, or of two slices joined, takes O(1): a name files hundreds of
/// deletion variants, and hashing each anew took most of the check's time.
struct Slices {
    /// `prefix[i]`: the hash of the first `i` characters.
    prefix: Vec<u64>,
    /// `power[i]`: BASE to the `i`.
    power: Vec<u64>,
}

impl Slices {
    fn new(key: &str) -> Slices {
        let (mut prefix, mut power) = (vec![0u64], vec![1u64]);
        for c in key.chars() {
            let (h, p) = (prefix[prefix.len() - 1], power[power.len() - 1]);
            prefix.push(h.wrapping_mul(BASE).wrapping_add(c.into()));
            power.push(p.wrapping_mul(BASE));
        }
        Slices { prefix, power }
    }

    /// The number of characters.
    fn len(&self) -> usize {
        self.prefix.len() - 1
    }

    /// The hash of characters `a..b`.
    fn of(&self, a: usize, b: usize) -> u64 {
        self.prefix[b].wrapping_sub(self.prefix[a].wrapping_mul(self.power[b - a]))
    }

    /// The hash of `x` followed by `y`, of `len` characters.
    fn join(&self, x: u64, y: u64, len: usize) -> u64 {
        x.wrapping_mul(self.power[len]).wrapping_add(y)
    }
}

/// A few values mixed into one hash: FxHash's step, then splitmix64's
/// finaliser, so that every bit counts (an entry keeps the high ones).
/// Built for speed, not against collisions: one only adds a candidate.
#[derive(Clone, Copy)]
struct Fold(u64);

impl Fold {
    fn new(tag: u64) -> Fold {
        Fold(tag)
    }

    fn add(self, value: u64) -> Fold {
        Fold((self.0.rotate_left(5) ^ value).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95))
    }

    fn finish(self) -> u64 {
        let mut x = self.0;
        x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        x ^ (x >> 31)
    }
}

fn names_of(written: Vec<&str>) -> Vec<Name<'_>> {
    written
        .into_iter()
        .map(without_parentheses)
        .map(|written| {
            let words: Vec<String> = name_words(written).into_iter().map(|w| w.folded).collect();
            // As `name_key` joins them.
            let key = words.concat();
            let too_long = key.chars().nth(LONGEST_KEY).is_some();
            Name {
                written,
                key,
                words,
                too_long,
            }
        })
        .filter(|n| !n.key.is_empty())
        .collect()
}

fn likeness(a: &Name, b: &Name, kinds: [PersonKind; 2]) -> Option<Likeness> {
    let same_kind = kinds[0] == kinds[1];
    if a.key == b.key {
        // Entities of one kind never share a key: it would have merged them.
        return (!same_kind).then_some(Likeness::OtherKind(kinds));
    }
    if !same_kind || a.too_long || b.too_long {
        return None;
    }
    let (short, long) = if a.key.len() <= b.key.len() {
        (&a.key, &b.key)
    } else {
        (&b.key, &a.key)
    };
    if within_typos(&a.key, &b.key) {
        Some(Likeness::Typo)
    } else if short.chars().count() >= 4 && long.starts_with(short.as_str()) {
        Some(Likeness::Prefix)
    } else if a.words.len() >= 3
        && a.words.len() == b.words.len()
        && a.words.iter().zip(&b.words).filter(|(x, y)| x != y).count() == 1
    {
        Some(Likeness::OneWordApart)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::SourceFile;

    fn corpus(entities: &str, people: &[(&str, &str)]) -> Corpus {
        let mut doc =
            String::from("id = \"d\"\ntitle = \"T\"\nkind = \"statement\"\nparagraphs = [\"x\"]\n");
        for (name, kind) in people {
            doc.push_str(&format!(
                "[[people]]\nname = \"{name}\"\nkind = \"{kind}\"\nrole = \"signatory\"\n"
            ));
        }
        let file = |name: &str, text: String| SourceFile {
            name: name.into(),
            text,
        };
        Corpus::from_files(&file("e.toml", entities.into()), &[file("d.toml", doc)])
            .expect("the test corpus loads")
    }

    fn found(corpus: &Corpus) -> Vec<(String, String, Likeness)> {
        near_duplicates(corpus)
            .into_iter()
            .map(|d| {
                let [a, b] = d.names;
                (a, b, d.likeness)
            })
            .collect()
    }

    /// The all-pairs search the indexes replaced, kept as the oracle: the
    /// first look-alikes after each entity, as many as are listed.
    fn all_pairs(corpus: &Corpus) -> Vec<NearDuplicate> {
        let names = entity_names(corpus);
        let n = names.len();
        (0..n)
            .flat_map(|a| {
                let names = &names;
                (a + 1..n)
                    .filter_map(move |b| judge(corpus, names, a, b))
                    .take(LISTED_PER_ENTITY)
            })
            .collect()
    }

    /// A corpus of `n` organizations named "<word> <word> Foundation", the
    /// words of 6 to 8 random letters.
    fn foundations(n: usize) -> Corpus {
        let mut state = 7u64;
        let mut next = |k: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 33) as usize % k
        };
        let mut word = || -> String {
            (0..6 + next(3))
                .map(|_| char::from(b'a' + next(26) as u8))
                .collect()
        };
        let names: Vec<String> = (0..n)
            .map(|_| format!("{} {} Foundation", word(), word()))
            .collect();
        let people: Vec<(&str, &str)> =
            names.iter().map(|n| (n.as_str(), "organization")).collect();
        corpus("", &people)
    }

    fn load(dir: &str) -> Corpus {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        Corpus::load(&[path]).expect("the fixture loads")
    }

    #[test]
    fn the_indexes_find_what_all_pairs_find() {
        let corpora = [
            Corpus::load(&[]).expect("the bundled corpus loads"),
            load("tests/fixtures/near_duplicates"),
            load("tests/fixtures/good"),
        ];
        for corpus in &corpora {
            let expected = all_pairs(corpus);
            assert_eq!(near_duplicates(corpus), expected);
        }
        assert!(!all_pairs(&corpora[1]).is_empty());
    }

    #[test]
    fn the_indexes_find_what_all_pairs_find_among_many_look_alikes() {
        // Names of two or three syllables from a small set, so that typos,
        // swaps, prefixes and one-word differences abound, in both kinds,
        // some of them long and non-ASCII.
        const SYLLABLES: [&str; 12] = [
            "kim", "lee", "park", "jong", "hyok", "su", "ok", "mi", "é", "ae", "chol", "ho",
        ];
        let mut state = 7u64;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 33) as usize % n
        };
        let mut people = Vec::new();
        for i in 0..600 {
            let words = 1 + next(4);
            let mut name: Vec<String> = (0..words)
                .map(|_| (0..1 + next(3)).map(|_| SYLLABLES[next(12)]).collect())
                .collect();
            if i % 50 == 0 {
                name.push("x".repeat(45 + next(6)));
            }
            let kind = if next(5) == 0 {
                "organization"
            } else {
                "person"
            };
            people.push((name.join(" "), kind));
        }
        // Long names two typos apart, which meet only through their parts.
        for name in [
            "Commission of Inquiry on Human Rights in the DPRK",
            "Comission of Inquiry on Human Rihgts in the DPRK",
            "Citizens Alliance for North Korean Human Rights",
            "Citizens Aliance for North Korean Human Rightz",
        ] {
            people.push((name.to_string(), "organization"));
        }
        let people: Vec<(&str, &str)> = people.iter().map(|(n, k)| (n.as_str(), *k)).collect();
        let corpus = corpus("", &people);
        let expected = all_pairs(&corpus);
        assert!(expected.len() > 100, "{}", expected.len());
        for likeness in [
            Likeness::OtherKind([PersonKind::Organization, PersonKind::Person]),
            Likeness::Typo,
            Likeness::Prefix,
            Likeness::OneWordApart,
        ] {
            let kind = std::mem::discriminant(&likeness);
            assert!(
                expected
                    .iter()
                    .any(|d| std::mem::discriminant(&d.likeness) == kind),
                "{likeness:?}"
            );
        }
        for misspelt in ["Comission", "Aliance"] {
            let found = expected
                .iter()
                .any(|d| d.likeness == Likeness::Typo && d.names[1].contains(misspelt));
            assert!(found, "{misspelt}");
        }
        assert_eq!(near_duplicates(&corpus), expected);
    }

    #[test]
    fn a_slice_every_name_shares_makes_no_one_a_candidate() {
        // The slices of "foundation" are common to every name: each group
        // of them held every name of a length, and all their pairs were
        // candidates, 819 a name among 2,000 (410 among 1,000). A name is
        // now in a few hundred groups of at most CROWD names; those with
        // the common slices are left out.
        let corpus = foundations(2000);
        let names = entity_names(&corpus);
        let groups = Groups::new(&names);
        let total: usize = (0..names.len()).map(|a| groups.partners(a).count()).sum();
        assert!(total < 100 * names.len(), "{total} candidates");
        assert_eq!(near_duplicates(&corpus), all_pairs(&corpus));
    }

    #[test]
    fn two_typos_are_found_at_every_length_around_the_cut() {
        // Random keys of 18 to 32 letters, each with a copy two edits away
        // (both lengths may differ by two), so that keys on both sides of
        // CUT_ABOVE meet, through their variants or their parts.
        let mut state = 3u64;
        let mut next = |n: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 33) as usize % n
        };
        let mut names = Vec::new();
        for m in 18..=32 {
            for _ in 0..20 {
                let key: Vec<char> = (0..m).map(|_| char::from(b'a' + next(26) as u8)).collect();
                let mut typo = key.clone();
                for _ in 0..2 {
                    let i = next(typo.len() - 1);
                    match next(4) {
                        0 => {
                            typo.remove(i);
                        }
                        1 => typo.insert(i, char::from(b'a' + next(26) as u8)),
                        2 => typo.swap(i, i + 1),
                        _ => typo[i] = char::from(b'a' + next(26) as u8),
                    }
                }
                if typo != key {
                    names.push((String::from_iter(key), String::from_iter(typo)));
                }
            }
        }
        let people: Vec<(&str, &str)> = names
            .iter()
            .flat_map(|(a, b)| [(a.as_str(), "person"), (b.as_str(), "person")])
            .collect();
        let corpus = corpus("", &people);
        let found = near_duplicates(&corpus);
        assert_eq!(found, all_pairs(&corpus));
        // Those that are two edits apart as OSA counts them, which does not
        // edit a swapped pair again, are all found.
        let apart = names.iter().filter(|(a, b)| within_typos(a, b)).count();
        let typos = found.iter().filter(|d| d.likeness == Likeness::Typo);
        assert_eq!(typos.count(), apart);
        assert!(apart > 250, "{apart}");
    }

    #[test]
    fn a_name_past_the_longest_key_is_compared_whole() {
        let long = format!("A{}", "b".repeat(5000));
        let typo = format!("{long}c");
        let corpus = corpus(
            "",
            &[
                (&long, "organization"),
                (&long, "person"),
                (&typo, "organization"),
                (&format!("{long} Japan"), "organization"),
            ],
        );
        let found: Vec<Likeness> = near_duplicates(&corpus)
            .into_iter()
            .map(|d| d.likeness)
            .collect();
        assert_eq!(
            found,
            [Likeness::OtherKind([
                PersonKind::Organization,
                PersonKind::Person
            ])]
        );
    }

    #[test]
    fn an_entity_lists_its_first_look_alikes_and_says_there_are_more() {
        let names: Vec<String> = (0..30).map(|i| format!("Signatory {i:03}")).collect();
        let people: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "person")).collect();
        let corpus = corpus("", &people);
        let mut found = Vec::new();
        let more = look_alikes(&corpus, |d| found.push(d));
        let first = corpus.entities.find(PersonKind::Person, "Signatory 000");
        let of_first: Vec<&str> = found
            .iter()
            .filter(|d| Some(d.entities[0]) == first)
            .map(|d| d.names[1].as_str())
            .collect();
        assert_eq!(of_first.len(), LISTED_PER_ENTITY);
        assert_eq!(of_first[..2], ["Signatory 001", "Signatory 002"]);
        assert!(first.is_some_and(|e| more.cut_short.contains(&e)));
        assert_eq!(found, all_pairs(&corpus));
    }

    #[test]
    fn look_alike_names_of_different_entities_are_found() {
        let corpus = corpus(
            "",
            &[
                ("Human Rights Watch", "organization"),
                ("Human Rigths Watch", "organization"),
                ("No Fence", "organization"),
                ("No Fence Japan", "organization"),
                ("Committee for Human Rights in North Korea", "organization"),
                ("Council for Human Rights in North Korea", "organization"),
                ("Freedom House", "organization"),
                ("Freedom House (USA)", "person"),
            ],
        );
        let org = |a: &str, b: &str, l| (a.to_string(), b.to_string(), l);
        assert_eq!(
            found(&corpus),
            [
                org("Human Rights Watch", "Human Rigths Watch", Likeness::Typo),
                org("No Fence", "No Fence Japan", Likeness::Prefix),
                org(
                    "Committee for Human Rights in North Korea",
                    "Council for Human Rights in North Korea",
                    Likeness::OneWordApart
                ),
                org(
                    "Freedom House",
                    "Freedom House",
                    Likeness::OtherKind([PersonKind::Organization, PersonKind::Person])
                ),
            ]
        );
    }

    #[test]
    fn a_name_of_two_kinds_says_which_two() {
        let corpus = corpus(
            "",
            &[
                ("Republic of Korea", "state"),
                ("Republic of Korea", "organization"),
            ],
        );
        let found = near_duplicates(&corpus);
        assert_eq!(
            found[0].likeness.to_string(),
            "the same name for an organization and a state"
        );
        let person = Likeness::OtherKind([PersonKind::Organization, PersonKind::Person]);
        assert_eq!(
            person.to_string(),
            "the same name for a person and an organization"
        );
    }

    #[test]
    fn initials_with_full_stops_compare_as_the_acronym() {
        // "U.N." is "UN": the name is one word apart from the known one, as
        // "UN Commission of Inquiry on …" is.
        let corpus = corpus(
            "",
            &[
                (
                    "UN Commission of Inquiry into human rights in North Korea",
                    "organization",
                ),
                (
                    "U.N. Commission of Inquiry on human rights in North Korea",
                    "organization",
                ),
            ],
        );
        assert_eq!(
            found(&corpus),
            [(
                "UN Commission of Inquiry into human rights in North Korea".to_string(),
                "U.N. Commission of Inquiry on human rights in North Korea".to_string(),
                Likeness::OneWordApart
            )]
        );
    }

    #[test]
    fn different_names_and_recorded_distinct_pairs_are_not_reported() {
        let entities = "\
[[entity]]
id = \"committee\"
name = \"Committee for Human Rights in North Korea\"
kind = \"organization\"
distinct_from = [\"council\"]

[[entity]]
id = \"council\"
name = \"Council for Human Rights in North Korea\"
kind = \"organization\"
";
        let corpus = corpus(
            entities,
            &[
                ("Committee for Human Rights in North Korea", "organization"),
                ("Council for Human Rights in North Korea", "organization"),
                ("Kim Kyu Li", "person"),
                ("Kim Hyuk", "person"),
                ("UN", "organization"),
                ("UNICEF", "organization"),
                ("No Chain", "organization"),
                ("No Fence", "organization"),
                ("Human Rights Watch", "person"),
                ("Human Rights Watch Asia", "organization"),
            ],
        );
        assert_eq!(found(&corpus), []);
    }

    #[test]
    fn the_variants_of_one_entity_are_not_near_duplicates_of_each_other() {
        let corpus = corpus(
            "",
            &[
                ("HanVoice", "organization"),
                ("Han Voice (Canada)", "organization"),
                ("The Society to Help Returnees", "organization"),
                ("Society to Help Returnees", "organization"),
            ],
        );
        assert_eq!(found(&corpus), []);
    }
}
