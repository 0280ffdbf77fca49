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
mod tests;
