//! "Did you mean …": the closest of the valid words to a mistyped one.

/// "; did you mean `x`?" for the candidate closest to `given`, if one is
/// close enough to be a typo of it; otherwise nothing.
pub fn did_you_mean(given: &str, candidates: &[&str]) -> String {
    candidates
        .iter()
        .map(|c| (strsim::jaro_winkler(&given.to_lowercase(), c), *c))
        .filter(|(score, _)| *score >= 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| format!("; did you mean `{c}`?"))
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
}
