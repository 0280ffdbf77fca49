//! "Did you mean …": the one measure of which valid names are closest to a
//! mistyped one, for config keys and values, key names, document ids and
//! People lookups alike.

use std::collections::HashMap;
use std::hash::Hash;

/// How alike `given` is to `candidate`: Jaro–Winkler on lower case, plus
/// one when the candidate contains what was given.
fn likeness(given: &str, candidate: &str) -> f64 {
    let (given, candidate) = (given.to_lowercase(), candidate.to_lowercase());
    let contains = !given.is_empty() && candidate.contains(&given);
    strsim::jaro_winkler(&given, &candidate) + f64::from(u8::from(contains))
}

/// The `n` items closest to `given`, best first, each judged by the best
/// of its names; ties keep the candidates' order.
pub fn closest<T: Eq + Hash + Copy, S: AsRef<str>>(
    given: &str,
    candidates: impl IntoIterator<Item = (T, S)>,
    n: usize,
) -> Vec<T> {
    let mut best: Vec<(f64, T)> = Vec::new();
    let mut at: HashMap<T, usize> = HashMap::new();
    for (item, name) in candidates {
        let score = likeness(given, name.as_ref());
        match at.get(&item) {
            Some(&i) => best[i].0 = best[i].0.max(score),
            None => {
                at.insert(item, best.len());
                best.push((score, item));
            }
        }
    }
    // A stable sort: ties keep the candidates' order.
    best.sort_by(|a, b| b.0.total_cmp(&a.0));
    best.into_iter().take(n).map(|(_, t)| t).collect()
}

/// "; did you mean `x`?" for the candidate closest to `given`, if one is
/// close enough to be a typo of it; otherwise nothing.
pub fn did_you_mean(given: &str, candidates: &[&str]) -> String {
    closest(given, candidates.iter().map(|c| (*c, *c)), 1)
        .into_iter()
        .find(|c| likeness(given, c) >= 0.7)
        .map(|c| format!("; did you mean `{c}`?"))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_only_when_it_is_close() {
        assert_eq!(
            did_you_mean("widht", &["visible", "width"]),
            "; did you mean `width`?"
        );
        assert_eq!(
            did_you_mean("next", &["next_match", "quit"]),
            "; did you mean `next_match`?"
        );
        assert_eq!(did_you_mean("zzz", &["visible", "width"]), "");
    }

    #[test]
    fn an_item_is_judged_by_its_best_name() {
        let names = [
            (1, "zzz"),
            (2, "hrc55-open-letter"),
            (1, "hrc55-open-letter-2024"),
        ];
        assert_eq!(closest("hrc55-open-letter-2024", names, 2), [1, 2]);
        assert_eq!(closest("open", [(7, "x"), (8, "reopen")], 1), [8]);
    }
}
