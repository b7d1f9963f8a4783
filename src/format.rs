//! Numbers, tonnes, percentages and dates written for people, in Norwegian (`nb`) or English.
//!
//! SPEC §6: for `nb`, `12 345,6` (no-break space between thousands, decimal comma, `−` for
//! minus), `12 %`, `16. juni 2025`, `tonn CO₂e`. This is the only place that rounds: the model,
//! `aggregate` and `results.json` keep full precision. Nothing here decides *which* figure to
//! show, and nothing here reads the locale of the machine: the site's `language` decides.

use chrono::{Datelike, NaiveDate};

use rust_decimal::RoundingStrategy;

use crate::model::{Decimal, Language};

/// What people see where a figure is undefined or missing (an en dash).
pub const MISSING: &str = "–";

const NBSP: char = '\u{a0}';
const MINUS: char = '\u{2212}';

const MONTHS_NB: [&str; 12] = [
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `value` rounded to `decimals` places (half away from zero; at most 9), with thousands
/// grouped: nb `−12 345,6`, en `-12,345.6`. A value that rounds to zero has no sign; NaN and
/// infinity print as [`MISSING`].
pub fn number(value: f64, decimals: usize, lang: Language) -> String {
    if !value.is_finite() {
        return MISSING.to_string();
    }
    let (group, point, minus) = match lang {
        Language::Nb => (NBSP, ',', MINUS),
        Language::En => (',', '.', '-'),
    };
    let decimals = decimals.min(9);
    // Rounded as the decimal the shortest text of `value` names (`1.45` is 1.45, not the
    // 1.4499999999999999556 of its binary), half away from zero.
    let digits = match format!("{value}").parse::<Decimal>() {
        Ok(d) => {
            let mut rounded = d
                .abs()
                .round_dp_with_strategy(decimals as u32, RoundingStrategy::MidpointAwayFromZero);
            rounded.rescale(decimals as u32);
            rounded.mantissa().to_string()
        }
        Err(_) => format!("{:.0}", (value.abs() * 10f64.powi(decimals as i32)).round()),
    };
    let scaled_is_zero = digits.chars().all(|c| c == '0');
    let digits = format!("{digits:0>width$}", width = decimals + 1);
    let (whole, fraction) = digits.split_at(digits.len() - decimals);

    let mut out = String::new();
    if value < 0.0 && !scaled_is_zero {
        out.push(minus);
    }
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if decimals > 0 {
        out.push(point);
        out.push_str(fraction);
    }
    out
}

/// A figure quoted in a message, with as many decimals as it was written with (at most 9):
/// nb `12 345`, `1,5`; en `12,345`, `1.5`.
pub fn figure(value: f64, lang: Language) -> String {
    let written = format!("{value}");
    let decimals = written.split_once('.').map_or(0, |(_, f)| f.len());
    number(value, decimals, lang)
}

/// How many decimals a tonnes figure gets: whole tonnes from 100 up, one decimal below, so
/// that a small partner's `4,7` does not show as `5` while a network total stays readable.
pub fn tonnes_decimals(value: f64) -> usize {
    if value.abs() >= 99.95 { 0 } else { 1 }
}

/// How many decimals an intensity (tonnes per employee or per MNOK) gets: three below 1, two
/// below 10, one above, so that `0,052` and `0,048` stay apart.
pub fn intensity_decimals(value: f64) -> usize {
    match value.abs() {
        v if v < 1.0 => 3,
        v if v < 10.0 => 2,
        _ => 1,
    }
}

/// A tonnes figure without its unit, for tables whose header names the unit.
pub fn tonnes_number(value: f64, lang: Language) -> String {
    number(value, tonnes_decimals(value), lang)
}

/// The unit of every emissions figure: `tonn CO₂e` / `t CO₂e`.
pub fn tonnes_unit(lang: Language) -> &'static str {
    match lang {
        Language::Nb => "tonn CO₂e",
        Language::En => "t CO₂e",
    }
}

/// nb `12 345 tonn CO₂e`, `4,7 tonn CO₂e`; en `12,345 t CO₂e`.
pub fn tonnes(value: f64, lang: Language) -> String {
    format!("{}{NBSP}{}", tonnes_number(value, lang), tonnes_unit(lang))
}

/// nb `12 %`, `−30,0 %` (no-break space before `%`, as Norwegian writes it); en `12%`.
pub fn percent(value: f64, decimals: usize, lang: Language) -> String {
    let n = number(value, decimals, lang);
    match lang {
        Language::Nb => format!("{n}{NBSP}%"),
        Language::En => format!("{n}%"),
    }
}

/// A change in percent with its sign spelt out both ways: `+4,2 %`, `−30,0 %`, `0,0 %`.
pub fn signed_percent(value: f64, decimals: usize, lang: Language) -> String {
    let text = percent(value, decimals, lang);
    let is_zero = text.chars().all(|c| !c.is_ascii_digit() || c == '0');
    if value > 0.0 && !is_zero {
        format!("+{text}")
    } else {
        text
    }
}

/// `value` to three significant digits (half away from zero), grouped as [`number`]:
/// `0,0523`, `4,17`, `41,7`, `417`, `4 170`. For intensities, whose size varies by orders of
/// magnitude between sectors, so that a fixed number of decimals would hide small ones.
pub fn significant3(value: f64, lang: Language) -> String {
    if !value.is_finite() {
        return MISSING.to_string();
    }
    let Ok(d) = format!("{value}").parse::<Decimal>() else {
        return number(value, 0, lang);
    };
    let Some(rounded) = d.round_sf_with_strategy(3, RoundingStrategy::MidpointAwayFromZero) else {
        return number(value, 0, lang);
    };
    if rounded.is_zero() {
        return number(0.0, 0, lang);
    }
    let magnitude = to_f64(rounded.abs()).log10().floor() as i32;
    let decimals = (2 - magnitude).max(0) as usize;
    number(to_f64(rounded), decimals, lang)
}

/// What an intensity is per: an employee or a million kroner of revenue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Per {
    Employee,
    Mnok,
}

/// The unit of an intensity: nb `tonn CO₂e per ansatt`, `tonn CO₂e per MNOK`; en
/// `t CO₂e per employee`, `t CO₂e per MNOK`.
pub fn intensity_unit(per: Per, lang: Language) -> String {
    let per = match (per, lang) {
        (Per::Employee, Language::Nb) => "per ansatt",
        (Per::Employee, Language::En) => "per employee",
        (Per::Mnok, _) => "per MNOK",
    };
    format!("{} {per}", tonnes_unit(lang))
}

/// An intensity with its unit, three significant digits: `4,17 tonn CO₂e per ansatt`.
pub fn intensity(value: f64, per: Per, lang: Language) -> String {
    format!(
        "{}{NBSP}{}",
        significant3(value, lang),
        intensity_unit(per, lang)
    )
}

/// The nearest `f64` of an exact figure, for printing, JSON and drawing (never for deciding).
pub fn to_f64(d: Decimal) -> f64 {
    // Through the text: always the nearest binary value of the decimal.
    d.to_string().parse().unwrap_or(f64::NAN)
}

/// An amount of Norwegian kroner: nb `10 000 kr`; en `NOK 10,000`.
pub fn nok(value: f64, lang: Language) -> String {
    match lang {
        Language::Nb => format!("{}{NBSP}kr", number(value, 0, lang)),
        Language::En => format!("NOK{NBSP}{}", number(value, 0, lang)),
    }
}

/// nb `16. juni 2025`; en `16 June 2025`.
pub fn date(d: NaiveDate, lang: Language) -> String {
    let month = d.month0() as usize;
    match lang {
        Language::Nb => format!("{}. {} {}", d.day(), MONTHS_NB[month], d.year()),
        Language::En => format!("{} {} {}", d.day(), MONTHS_EN[month], d.year()),
    }
}

/// `show(value)`, or [`MISSING`] when there is no value:
/// `optional(total, |t| tonnes(t, lang))`.
pub fn optional<T>(value: Option<T>, show: impl FnOnce(T) -> String) -> String {
    value.map_or_else(|| MISSING.to_string(), show)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Language::{En, Nb};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_figure_in_a_message_keeps_its_decimals_in_the_languages_format() {
        assert_eq!(figure(12345.0, Nb), "12\u{a0}345");
        assert_eq!(figure(12345.0, En), "12,345");
        assert_eq!(figure(1.5, Nb), "1,5");
        assert_eq!(figure(1.5, En), "1.5");
        assert_eq!(figure(-0.125, Nb), "\u{2212}0,125");
    }

    #[test]
    fn prints_intensities_with_three_significant_digits_and_their_unit() {
        assert_eq!(significant3(4.1666, Nb), "4,17");
        assert_eq!(significant3(0.052345, Nb), "0,0523");
        assert_eq!(significant3(41.65, Nb), "41,7");
        assert_eq!(significant3(416.5, Nb), "417");
        assert_eq!(significant3(4166.0, Nb), "4\u{a0}170");
        assert_eq!(significant3(9.996, Nb), "10,0");
        assert_eq!(significant3(2.0, Nb), "2,00");
        assert_eq!(significant3(0.0, Nb), "0");
        assert_eq!(significant3(f64::NAN, Nb), MISSING);
        assert_eq!(
            intensity(4.1666, Per::Employee, Nb),
            "4,17\u{a0}tonn CO₂e per ansatt"
        );
        assert_eq!(intensity(0.5, Per::Mnok, En), "0.500\u{a0}t CO₂e per MNOK");
    }

    #[test]
    fn formats_thousands_with_nbsp() {
        assert_eq!(number(12345.6, 1, Nb), "12\u{a0}345,6");
        assert_eq!(number(1234567.0, 0, Nb), "1\u{a0}234\u{a0}567");
        assert_eq!(number(1432.0, 0, Nb), "1\u{a0}432");
        assert_eq!(number(999.0, 0, Nb), "999");
    }

    #[test]
    fn formats_english_with_commas_and_point() {
        assert_eq!(number(12345.6, 1, En), "12,345.6");
        assert_eq!(number(-1234.5, 2, En), "-1,234.50");
        assert_eq!(number(100000.0, 0, En), "100,000");
    }

    #[test]
    fn uses_the_minus_sign_for_negatives_in_norwegian() {
        assert_eq!(number(-30.03, 1, Nb), "\u{2212}30,0");
        assert_eq!(number(-12345.0, 0, Nb), "\u{2212}12\u{a0}345");
    }

    #[test]
    fn never_prints_minus_zero() {
        assert_eq!(number(-0.0, 1, Nb), "0,0");
        assert_eq!(number(-0.04, 1, Nb), "0,0");
        assert_eq!(number(-0.4, 0, En), "0");
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(number(21757.5, 0, Nb), "21\u{a0}758");
        assert_eq!(number(2.5, 0, En), "3");
        assert_eq!(number(-2.5, 0, En), "-3");
        assert_eq!(number(0.25, 1, En), "0.3");
    }

    #[test]
    fn rounds_the_written_decimal_not_its_binary_neighbour() {
        // 1.45 is stored as 1.4499999999999999556 in binary.
        assert_eq!(number(1.45, 1, Nb), "1,5");
        assert_eq!(number(2.675, 2, En), "2.68");
        assert_eq!(to_f64("1431.7".parse().unwrap()), 1431.7);
    }

    #[test]
    fn pads_small_values_with_zeros() {
        assert_eq!(number(0.05, 2, Nb), "0,05");
        assert_eq!(number(7.0, 1, Nb), "7,0");
    }

    #[test]
    fn prints_a_dash_for_nan_and_infinity() {
        assert_eq!(number(f64::NAN, 1, Nb), MISSING);
        assert_eq!(number(f64::INFINITY, 0, En), MISSING);
    }

    #[test]
    fn shows_whole_tonnes_from_100_and_one_decimal_below() {
        assert_eq!(tonnes(12345.4, Nb), "12\u{a0}345\u{a0}tonn CO₂e");
        assert_eq!(tonnes(100.0, Nb), "100\u{a0}tonn CO₂e");
        assert_eq!(tonnes(99.94, Nb), "99,9\u{a0}tonn CO₂e");
        assert_eq!(tonnes(99.96, Nb), "100\u{a0}tonn CO₂e");
        assert_eq!(tonnes(4.7, Nb), "4,7\u{a0}tonn CO₂e");
        assert_eq!(tonnes(12345.0, En), "12,345\u{a0}t CO₂e");
    }

    #[test]
    fn writes_percent_with_a_space_in_norwegian_only() {
        assert_eq!(percent(12.0, 0, Nb), "12\u{a0}%");
        assert_eq!(percent(-30.0338, 1, Nb), "\u{2212}30,0\u{a0}%");
        assert_eq!(percent(12.0, 0, En), "12%");
    }

    #[test]
    fn signed_percent_shows_plus_but_not_on_zero() {
        assert_eq!(signed_percent(4.21, 1, Nb), "+4,2\u{a0}%");
        assert_eq!(signed_percent(-4.21, 1, En), "-4.2%");
        assert_eq!(signed_percent(0.01, 1, Nb), "0,0\u{a0}%");
    }

    #[test]
    fn writes_kroner_the_way_each_language_does() {
        assert_eq!(nok(10000.0, Nb), "10\u{a0}000\u{a0}kr");
        assert_eq!(nok(50000.0, En), "NOK\u{a0}50,000");
    }

    #[test]
    fn writes_dates_with_lowercase_norwegian_months() {
        assert_eq!(date(day(2025, 6, 16), Nb), "16. juni 2025");
        assert_eq!(date(day(2022, 12, 31), Nb), "31. desember 2022");
        assert_eq!(date(day(2025, 6, 16), En), "16 June 2025");
        assert_eq!(date(day(2025, 1, 1), En), "1 January 2025");
    }

    #[test]
    fn optional_prints_an_en_dash_for_none() {
        assert_eq!(optional(None::<f64>, |v| tonnes(v, Nb)), "–");
        assert_eq!(optional(Some(5.0), |v| percent(v, 0, En)), "5%");
    }
}
