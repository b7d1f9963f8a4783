//! Numbers as spreadsheets and CSV exports give them: `1 234,5`, `1.234,5`, `1,234.5`, `12.5`,
//! with spaces, no-break spaces or narrow no-break spaces between thousands, and `−` as minus.
//!
//! Pure text → `f64`. It does not judge the value (negative, too large): the caller does.

/// A comma is a decimal comma (Norwegian) unless dots are the decimal sign in the same number;
/// a dot is a decimal point unless the number is grouped with several dots or has a decimal
/// comma after the dots. `None` for anything that is not a plain number (units, letters, `1e5`).
pub fn parse_number(text: &str) -> Option<f64> {
    let mut s: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'))
        .map(|c| if c == '\u{2212}' { '-' } else { c })
        .collect();
    if let Some(rest) = s.strip_prefix('+') {
        s = rest.to_string();
    }
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.as_str()),
    };
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let (integer, fraction) = split_decimal(body)?;
    let digits: String = match fraction {
        Some("") => return None,
        Some(fraction) => format!("{integer}.{fraction}"),
        None => integer,
    };
    let value: f64 = digits.parse().ok()?;
    Some(if negative { -value } else { value })
}

/// Splits `1.234,5` into the integer digits `1234` and the fraction `5`, checking grouping.
fn split_decimal(body: &str) -> Option<(String, Option<&str>)> {
    let commas = body.matches(',').count();
    let dots = body.matches('.').count();
    let (group, decimal) = match (commas, dots) {
        (0, 0) => return Some((body.to_string(), None)),
        (1, 0) => (None, ','),
        (0, 1) => (None, '.'),
        (_, 0) => (Some(','), ' '),
        (0, _) => (Some('.'), ' '),
        _ => {
            // Both: the last one is the decimal sign, and it appears once.
            let last = body.rfind([',', '.'])?;
            let decimal = body[last..].chars().next()?;
            let group = if decimal == ',' { '.' } else { ',' };
            if body.matches(decimal).count() != 1 {
                return None;
            }
            (Some(group), decimal)
        }
    };
    let (whole, fraction) = match body.split_once(decimal) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (body, None),
    };
    if fraction.is_some_and(|f| f.contains([',', '.'])) {
        return None;
    }
    let integer = match group {
        Some(group) => grouped(whole, group)?,
        None => whole.to_string(),
    };
    if integer.is_empty() && fraction.is_none() {
        return None;
    }
    let integer = if integer.is_empty() {
        "0".into()
    } else {
        integer
    };
    Some((integer, fraction))
}

/// `1.234.567` → `1234567`, only when every group after the first has three digits.
fn grouped(whole: &str, group: char) -> Option<String> {
    let mut parts = whole.split(group);
    let first = parts.next()?;
    if first.is_empty() || first.len() > 3 {
        return None;
    }
    let mut out = first.to_string();
    for part in parts {
        if part.len() != 3 {
            return None;
        }
        out.push_str(part);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_decimal_commas_and_points() {
        assert_eq!(parse_number("12,5"), Some(12.5));
        assert_eq!(parse_number("12.5"), Some(12.5));
        assert_eq!(parse_number(" 7 "), Some(7.0));
        assert_eq!(parse_number(",5"), Some(0.5));
    }

    #[test]
    fn reads_thousands_separated_by_any_kind_of_space() {
        assert_eq!(parse_number("1 234,5"), Some(1234.5));
        assert_eq!(parse_number("1\u{a0}234\u{a0}567,25"), Some(1234567.25));
        assert_eq!(parse_number("12\u{202f}345"), Some(12345.0));
    }

    #[test]
    fn reads_dot_grouping_only_when_it_is_unambiguous() {
        assert_eq!(parse_number("1.234.567"), Some(1234567.0));
        assert_eq!(parse_number("1.234,5"), Some(1234.5));
        assert_eq!(parse_number("1,234.5"), Some(1234.5));
        assert_eq!(parse_number("1,234,567"), Some(1234567.0));
        // One dot alone is a decimal point (the site's own CSV writes `1431.7`).
        assert_eq!(parse_number("1.234"), Some(1.234));
        assert_eq!(parse_number("1.23.4"), None);
        assert_eq!(parse_number("1.234,5,6"), None);
    }

    #[test]
    fn reads_the_typographic_minus() {
        assert_eq!(parse_number("\u{2212}3,5"), Some(-3.5));
        assert_eq!(parse_number("-3"), Some(-3.0));
    }

    #[test]
    fn refuses_units_words_and_exponents() {
        for text in [
            "12 t", "tolv", "1e5", "", "-", ",", "inf", "NaN", "12,", "1..2",
        ] {
            assert_eq!(parse_number(text), None, "{text:?}");
        }
    }
}
