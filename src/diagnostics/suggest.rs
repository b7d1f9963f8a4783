//! "did you mean …?" for an unknown name: the closest candidate, in time linear in the number
//! of candidates. Finds names only; the messages that use them are the catalogue's.

/// Names longer than this get no suggestion: no key, slug or URL is that long, and comparing
/// is quadratic in the length, so a pasted paragraph must not be compared with every key.
pub const MAX_SUGGESTION_CHARS: usize = 64;

/// "did you mean `weight`?" for the closest of `candidates`, if one is close enough. Linear in
/// the number of candidates: names over [`MAX_SUGGESTION_CHARS`] are never compared.
pub fn did_you_mean<'a>(
    given: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let short = |s: &str| s.chars().nth(MAX_SUGGESTION_CHARS).is_none();
    if !short(given) {
        return None;
    }
    candidates
        .into_iter()
        .filter(|c| short(c))
        .map(|c| (strsim::jaro_winkler(given, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// A help line for an unknown name: a suggestion when one is close, else the list.
pub fn suggestion_help(given: &str, candidates: &[&str]) -> String {
    match did_you_mean(given, candidates.iter().copied()) {
        Some(close) => format!("did you mean `{close}`?"),
        None => format!("expected one of: {}", candidates.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(did_you_mean("wieght", ["weight", "title"]), Some("weight"));
        assert_eq!(did_you_mean("zzz", ["weight", "title"]), None);
    }

    #[test]
    fn long_names_get_no_suggestion_and_finish() {
        let long = "k".repeat(100 * 1024);
        let keys: Vec<String> = (0..100).map(|i| format!("{i}{long}")).collect();
        let (done, finished) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let given = format!("x{long}");
            let found = did_you_mean(&given, keys.iter().map(String::as_str)).map(str::to_string);
            let short = did_you_mean("wieght", keys.iter().map(String::as_str).chain(["weight"]))
                .map(str::to_string);
            done.send((found, short)).unwrap();
        });
        // A hang guard only: the comparison is linear, far below this.
        let (found, short) = finished
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("did_you_mean finished");
        assert_eq!(found, None);
        assert_eq!(short.as_deref(), Some("weight"));
    }
}
