//! Rules for `partners/<slug>/emissions.yaml` (SPEC §4): years and scopes (targets: `targets.rs`), and the two
//! warnings (market-based far below location-based; a year-on-year jump) when no note explains them.

use std::collections::{BTreeMap, BTreeSet};

use chrono::Datelike;

use super::{Checker, ResultsRef};
use crate::diagnostics::Diagnostics;
use crate::load::S;
use crate::load::raw::{RawEmissions, RawScope, RawYear};
use crate::messages::ids;
use crate::model::{
    DataStatus, Decimal, Emissions, SCOPE1_CATEGORIES, SCOPE3_CATEGORIES, Scope, Scope2, YearEntry,
};

const DATA_STATUS: [(&str, DataStatus); 2] = [
    ("final", DataStatus::Final),
    ("preliminary", DataStatus::Preliminary),
];
/// A change between two consecutive years larger than this (either way) needs a note: 50 %,
/// compared exactly as |after − before| · 2 > before (docs/figures.md "Exact arithmetic").
const JUMP_DIVISOR: Decimal = Decimal::TWO;
/// Market-based below location-based by more than this factor needs a note.
const MARKET_FACTOR: Decimal = Decimal::TEN;

pub fn validate_emissions(
    raw: &RawEmissions,
    rel: &str,
    results: ResultsRef,
    diags: &mut Diagnostics,
) -> Option<Emissions> {
    let mut c = Checker {
        rel,
        diags,
        line_offset: 0,
    };
    let errors_before = c.diags.error_count();
    let base_year = c.year(&raw.base_year, "base_year");
    let last_year = results.map(|r| i64::from(r.as_of.year()));

    let mut years: Vec<YearEntry> = Vec::new();
    let mut lines: BTreeMap<i32, u32> = BTreeMap::new();
    let mut broken = BTreeSet::new();
    for raw_year in &raw.years {
        let errors_before_year = c.diags.error_count();
        let entry = year_entry(&mut c, raw_year, last_year);
        if c.diags.error_count() > errors_before_year {
            broken.insert(raw_year.year.value);
        }
        let Some(entry) = entry else {
            continue;
        };
        let at = super::span_pos(&raw_year.year);
        if let Some(first) = lines.get(&entry.year) {
            let args = vec![
                ("year", entry.year.to_string().into()),
                ("line", (*first).into()),
            ];
            c.error_msg(&raw_year.year, ids::EMISSIONS_YEAR_TWICE, args);
            continue;
        }
        if let Some(previous) = years.last().filter(|p| p.year > entry.year) {
            let args = vec![
                ("year", entry.year.to_string().into()),
                ("previous", previous.year.to_string().into()),
            ];
            c.error_msg(&raw_year.year, ids::EMISSIONS_YEARS_OUT_OF_ORDER, args);
        }
        lines.insert(entry.year, at.line);
        years.push(entry);
    }
    warn_about_jumps(&mut c, raw, &years);

    let mut targets = Vec::new();
    if let Some(base_year) = base_year {
        let judged = super::targets::Years {
            entries: &years,
            broken: &broken,
        };
        for raw_target in &raw.targets {
            if let Some(target) =
                super::targets::target(&mut c, raw_target, base_year, &judged, raw, results)
            {
                targets.push(target);
            }
        }
    }
    let structural_changes = super::changes::structural_changes(&mut c, &raw.structural_changes);
    super::changes::warn_about_targets(&mut c, raw, &targets, &structural_changes, &years, results);
    if c.diags.error_count() > errors_before {
        return None;
    }
    Some(Emissions {
        base_year: base_year?,
        years,
        targets,
        structural_changes,
    })
}

fn year_entry(c: &mut Checker, raw: &RawYear, last_year: Option<i64>) -> Option<YearEntry> {
    let year = c.year(&raw.year, "year")?;
    if let Some(last) = last_year.filter(|last| i64::from(year) > *last) {
        let args = vec![
            ("year", year.to_string().into()),
            ("last", last.to_string().into()),
        ];
        c.error_msg(&raw.year, ids::EMISSIONS_YEAR_AFTER_RESULTS, args);
        return None;
    }
    let status = match &raw.status {
        Some(s) => c.choice(s, &DATA_STATUS, "status"),
        None => Some(DataStatus::Final),
    };
    let employees = raw
        .employees
        .as_ref()
        .and_then(|v| c.amount(v, "employees"));
    let revenue_mnok = raw
        .revenue_mnok
        .as_ref()
        .and_then(|v| c.amount(v, "revenue_mnok"));
    let scope1 = raw
        .scope1
        .as_ref()
        .map(|s| scope(c, s, &SCOPE1_CATEGORIES, "scope 1"));
    let scope3 = raw
        .scope3
        .as_ref()
        .map(|s| scope(c, s, &SCOPE3_CATEGORIES, "scope 3"));
    let scope2 = raw.scope2.as_ref().map(|s2| {
        let location = match &s2.value.location_based {
            Some(v) => c.amount(v, "scope2.location_based"),
            None => {
                c.error_msg(s2, ids::EMISSIONS_SCOPE2_WITHOUT_LOCATION, vec![]);
                None
            }
        };
        let market = s2
            .value
            .market_based
            .as_ref()
            .map(|v| c.amount(v, "scope2.market_based"));
        if let (Some(l), Some(Some(m))) = (location, market)
            && m * MARKET_FACTOR < l
            && raw.note.is_none()
        {
            let args = vec![
                ("year", year.to_string().into()),
                ("market", crate::format::to_f64(m).into()),
                ("location", crate::format::to_f64(l).into()),
            ];
            c.warning_msg(s2, ids::EMISSIONS_MARKET_FAR_BELOW_LOCATION, args);
        }
        Some(Scope2 {
            location_based: location?,
            market_based: market.flatten(),
        })
    });
    Some(YearEntry {
        year,
        status: status?,
        employees,
        revenue_mnok,
        scope1: scope1.flatten(),
        scope2: scope2.flatten(),
        scope3: scope3.flatten(),
        note: raw.note.clone(),
    })
}

fn scope(
    c: &mut Checker,
    raw: &S<RawScope>,
    allowed: &[&'static str],
    what: &str,
) -> Option<Scope> {
    match &raw.value {
        RawScope::Total(v) => {
            let spanned = S {
                value: *v,
                referenced: raw.referenced,
                defined: raw.defined,
            };
            Some(Scope {
                total: c.amount(&spanned, what)?,
                categories: Vec::new(),
            })
        }
        RawScope::Categories(list) => {
            let mut ok = true;
            let mut categories = Vec::new();
            for (key, value) in list {
                let Some(known) = allowed.iter().find(|k| **k == key.value) else {
                    let args = vec![("scope", what.into()), ("key", key.value.as_str().into())];
                    c.error_msg(key, ids::EMISSIONS_UNKNOWN_CATEGORY, args)
                        .suggest(&key.value, allowed);
                    ok = false;
                    continue;
                };
                match c.amount(value, format!("{what} {known}")) {
                    Some(v) => categories.push((*known, v)),
                    None => ok = false,
                }
            }
            if categories.is_empty() && ok {
                c.error_msg(
                    raw,
                    ids::EMISSIONS_SCOPE_WITHOUT_CATEGORIES,
                    vec![("scope", what.into())],
                );
                return None;
            }
            let total = categories.iter().map(|(_, v)| *v).sum();
            ok.then_some(Scope { total, categories })
        }
    }
}

/// SPEC §4 warning: a year-on-year change above ±50 % in a scope with no note on the later year.
fn warn_about_jumps(c: &mut Checker, raw: &RawEmissions, years: &[YearEntry]) {
    for pair in years.windows(2) {
        let (before, after) = (&pair[0], &pair[1]);
        if after.year != before.year + 1 || after.note.is_some() {
            continue;
        }
        let Some(raw_year) = raw
            .years
            .iter()
            .find(|y| y.year.value == i64::from(after.year))
        else {
            continue;
        };
        let scopes = [
            (
                "scope 1",
                before.scope1.as_ref().map(|s| s.total),
                after.scope1.as_ref().map(|s| s.total),
            ),
            (
                "scope 2",
                before.scope2.map(|s| s.location_based),
                after.scope2.map(|s| s.location_based),
            ),
            (
                "scope 3",
                before.scope3.as_ref().map(|s| s.total),
                after.scope3.as_ref().map(|s| s.total),
            ),
        ];
        for (name, from, to) in scopes {
            let (Some(from), Some(to)) = (from, to) else {
                continue;
            };
            if from > Decimal::ZERO && (to - from).abs() * JUMP_DIVISOR > from {
                let change = crate::format::to_f64((to - from) / from * Decimal::ONE_HUNDRED);
                // Up or down in words, the size a number in the language's format (`1 234`).
                let direction = if change > 0.0 { "up" } else { "down" };
                let args = vec![
                    ("scope", name.into()),
                    ("direction", direction.into()),
                    ("change", change.abs().round().into()),
                    ("from", before.year.to_string().into()),
                    ("to", after.year.to_string().into()),
                ];
                c.warning_msg(&raw_year.year, ids::EMISSIONS_JUMP, args);
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::diagnostics::Diagnostic;
    use crate::load::yaml;
    use crate::model::ResultsConfig;
    use chrono::NaiveDate;

    pub(crate) fn d(text: &str) -> Decimal {
        text.parse().expect("a decimal")
    }

    pub(crate) fn results() -> ResultsConfig {
        ResultsConfig {
            reporting_year: 2024,
            compare_year: 2019,
            as_of: NaiveDate::from_ymd_opt(2025, 6, 16).unwrap(),
        }
    }

    pub(crate) fn check(text: &str) -> (Option<Emissions>, Vec<Diagnostic>) {
        let mut diags = Diagnostics::new();
        let raw: RawEmissions = yaml::parse("e.yaml", text, 0, &mut diags).expect("parses");
        let r = results();
        let e = validate_emissions(&raw, "e.yaml", Some(&r), &mut diags);
        (e, diags.sorted())
    }

    pub(crate) fn messages(text: &str) -> Vec<String> {
        check(text).1.into_iter().map(|d| d.message).collect()
    }

    pub(crate) const TWO_YEARS: &str = "base_year: 2019\nyears:\n  - year: 2019\n    scope1: 100\n    scope2: { location_based: 10, market_based: 40 }\n  - year: 2024\n    scope1: { stationary_combustion: 20, mobile_combustion: 50.5 }\n    scope2: { location_based: 8 }\n    scope3: { business_travel: 3 }\n    note: Ny bilpark\n";

    #[test]
    fn accepts_totals_and_category_maps() {
        let (e, diags) = check(TWO_YEARS);
        assert!(diags.is_empty(), "{diags:?}");
        let e = e.unwrap();
        let y = e.year(2024).unwrap();
        assert_eq!(y.scope1.as_ref().unwrap().total, d("70.5"));
        assert_eq!(
            y.scope3.as_ref().unwrap().categories,
            vec![("business_travel", d("3"))]
        );
        assert_eq!(
            e.year(2019).unwrap().scope2.unwrap().market_based,
            Some(d("40"))
        );
    }

    #[test]
    fn rejects_a_year_listed_twice() {
        let text = TWO_YEARS.replace("year: 2024", "year: 2019");
        let (_, diags) = check(&text);
        assert_eq!(diags[0].message, "year 2019 is listed twice");
        assert_eq!(
            (diags[0].line, diags[0].help.as_deref()),
            (6, Some("merge it with the entry on line 3"))
        );
    }

    #[test]
    fn rejects_years_out_of_order() {
        let text = "base_year: 2020\nyears:\n  - { year: 2022, scope1: 1 }\n  - { year: 2020, scope1: 1 }\n";
        assert!(messages(text)[0].contains("ascending order"));
    }

    #[test]
    fn rejects_a_year_after_as_of() {
        let text = "base_year: 2019\nyears:\n  - { year: 2042, scope1: 1 }\n";
        assert!(messages(text)[0].contains("after the results date"));
    }

    #[test]
    fn rejects_negative_figures() {
        let text = TWO_YEARS.replace("scope1: 100", "scope1: -100");
        assert_eq!(messages(&text)[0], "scope 1 is negative (-100)");
    }

    #[test]
    fn rejects_nan_and_infinity() {
        for bad in [".inf", ".nan"] {
            let text = TWO_YEARS.replace("scope1: 100", &format!("scope1: {{ other: {bad} }}"));
            let mut diags = Diagnostics::new();
            let raw: Option<RawEmissions> = yaml::parse("e.yaml", &text, 0, &mut diags);
            if let Some(raw) = raw {
                validate_emissions(&raw, "e.yaml", Some(&results()), &mut diags);
            }
            let d = &diags.sorted()[0];
            assert_eq!(d.line, 4, "{d:?}");
            assert!(
                d.message.contains(bad) || d.message.contains("must be a number"),
                "{d:?}"
            );
        }
    }

    #[test]
    fn rejects_scope2_without_location() {
        let text = TWO_YEARS.replace("{ location_based: 8 }", "{ market_based: 8 }");
        let (_, diags) = check(&text);
        assert_eq!(diags[0].message, "scope2 needs `location_based`");
        assert_eq!(diags[0].line, 8);
    }

    #[test]
    fn rejects_unknown_categories_with_suggestion() {
        let text = TWO_YEARS.replace("business_travel", "busines_travel");
        let (_, diags) = check(&text);
        assert_eq!(
            diags[0].message,
            "unknown scope 3 category `busines_travel`"
        );
        assert_eq!(
            diags[0].help.as_deref(),
            Some("did you mean `business_travel`?")
        );
    }

    #[test]
    fn scope1_categories_are_not_scope3_categories() {
        let text = TWO_YEARS.replace("stationary_combustion", "business_travel");
        assert!(messages(&text)[0].starts_with("unknown scope 1 category"));
    }

    #[test]
    fn warns_about_a_jump_without_note() {
        let text = "base_year: 2019\nyears:\n  - { year: 2019, scope1: 100 }\n  - { year: 2020, scope1: 40 }\n  - { year: 2021, scope1: 39, note: x }\n";
        let (e, diags) = check(text);
        assert!(e.is_some());
        assert_eq!(diags.len(), 1);
        assert_eq!(
            diags[0].message,
            "scope 1 falls by 60% from 2019 to 2020 with no note"
        );
        assert_eq!(diags[0].line, 4);
    }

    #[test]
    fn a_note_silences_the_jump_warning() {
        let text = "base_year: 2019\nyears:\n  - { year: 2019, scope1: 100 }\n  - { year: 2020, scope1: 40, note: Solgt lastebiler }\n";
        assert!(messages(text).is_empty());
    }

    #[test]
    fn sums_categories_exactly() {
        let text = "base_year: 2019\nyears:\n  - year: 2019\n    scope1: { stationary_combustion: 0.1, mobile_combustion: 0.2 }\n";
        let (e, _) = check(text);
        assert_eq!(e.unwrap().years[0].scope1.as_ref().unwrap().total, d("0.3"));
    }

    #[test]
    fn refuses_a_figure_with_more_digits_than_nfk_keeps() {
        let text = "base_year: 2019\nyears:\n  - { year: 2019, scope1: 1234567890.1234567 }\n";
        let (e, diags) = check(text);
        assert!(e.is_none());
        assert_eq!((diags[0].line, diags[0].column), (3, 27), "{diags:?}");
        assert!(
            diags[0].message.contains("more than 15 significant digits"),
            "{diags:?}"
        );
    }

    #[test]
    fn a_change_of_exactly_half_is_no_jump() {
        // 100 → 50 and 100 → 150 are exactly ±50 %: no warning; 49.9 is more than half down.
        for (to, warned) in [
            ("50", false),
            ("150", false),
            ("49.9", true),
            ("150.1", true),
        ] {
            let text = format!(
                "base_year: 2019\nyears:\n  - {{ year: 2019, scope1: 100 }}\n  - {{ year: 2020, scope1: {to} }}\n"
            );
            assert_eq!(!messages(&text).is_empty(), warned, "{to}");
        }
    }

    #[test]
    fn market_exactly_a_tenth_of_location_is_no_warning() {
        let text = "base_year: 2019\nyears:\n  - { year: 2019, scope2: { location_based: 0.11, market_based: 0.011 } }\n";
        assert!(messages(text).is_empty());
    }

    #[test]
    fn warns_when_market_is_far_below_location_without_note() {
        let text = "base_year: 2019\nyears:\n  - { year: 2019, scope2: { location_based: 100, market_based: 5 } }\n";
        let (_, diags) = check(text);
        assert!(diags[0].message.contains("less than a tenth"));
        assert!(!diags[0].is_error());
    }

    /// Whether `d` says `needle`: the one place these tests read a message, so moving them to
    /// the message catalogue's ids is one edit.
    fn said(d: &Diagnostic, needle: &str) -> bool {
        d.message.contains(needle)
    }

    #[test]
    fn a_scope_growing_from_zero_is_no_jump_and_never_an_infinite_percent() {
        let text = "base_year: 2019\nyears:\n  - { year: 2019, scope1: 0, scope3: 0 }\n  - { year: 2020, scope1: 5, scope3: 0 }\n";
        let (e, diags) = check(text);
        assert!(e.is_some());
        assert!(diags.is_empty(), "{diags:?}");
    }

    #[test]
    fn a_jump_is_warned_once_per_scope_at_the_later_year() {
        // Scope 2 (location-based) and scope 3 both more than double from 2019 to 2020.
        let text = "base_year: 2019\nyears:\n  - { year: 2019, scope1: 10, scope2: { location_based: 10 }, scope3: 4 }\n  - { year: 2020, scope1: 10, scope2: { location_based: 30 }, scope3: 9 }\n";
        let (e, diags) = check(text);
        assert!(e.is_some());
        assert_eq!(diags.len(), 2, "{diags:?}");
        assert!(diags.iter().all(|d| !d.is_error()));
        assert!(
            said(&diags[0], "scope 2 rises by 200% from 2019 to 2020"),
            "{diags:?}"
        );
        assert!(
            said(&diags[1], "scope 3 rises by 125% from 2019 to 2020"),
            "{diags:?}"
        );
        assert!(
            diags.iter().all(|d| (d.line, d.column) == (4, 13)),
            "{diags:?}"
        );
    }

    #[test]
    fn a_jump_is_worded_with_its_direction_and_a_number_of_the_language() {
        let text = "base_year: 2019\nyears:\n  - { year: 2019, scope1: 1 }\n  - { year: 2020, scope1: 12346 }\n";
        let (_, mut diags) = check(text);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(
            diags[0].message,
            "scope 1 rises by 1,234,500% from 2019 to 2020 with no note"
        );
        diags[0].localize(crate::model::Language::Nb);
        assert_eq!(
            diags[0].message,
            "scope 1 øker med 1\u{a0}234\u{a0}500 % fra 2019 til 2020 uten noen merknad"
        );
        let (_, mut diags) = check(&text.replace("12346", "0.4"));
        diags[0].localize(crate::model::Language::Nb);
        assert!(
            said(&diags[0], "scope 1 synker med 60 % fra 2019"),
            "{diags:?}"
        );
    }

    #[test]
    fn years_that_are_not_consecutive_are_not_compared() {
        let text = "base_year: 2019\nyears:\n  - { year: 2019, scope1: 100 }\n  - { year: 2021, scope1: 10 }\n";
        assert!(check(text).1.is_empty());
    }

    #[test]
    fn market_just_below_a_tenth_of_location_warns_at_scope2() {
        let text = "base_year: 2019\nyears:\n  - { year: 2019, scope2: { location_based: 0.11, market_based: 0.0109 } }\n";
        let (e, diags) = check(text);
        assert!(e.is_some());
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(!diags[0].is_error());
        assert!(said(&diags[0], "less than a tenth"), "{diags:?}");
        assert_eq!((diags[0].line, diags[0].column), (3, 27));
        // A note explains it.
        let noted = text.replace(" } }", " }, note: Opprinnelsesgarantier }");
        assert!(check(&noted).1.is_empty());
    }

    #[test]
    fn accepts_a_year_in_the_year_of_as_of_and_refuses_the_next() {
        // as_of is 2025-06-16: 2025 is "at most the year of as_of" (docs/format.md).
        let text =
            |year: i32| format!("base_year: 2019\nyears:\n  - {{ year: {year}, scope1: 1 }}\n");
        let (e, diags) = check(&text(2025));
        assert!(e.is_some() && diags.is_empty(), "{diags:?}");
        let (e, diags) = check(&text(2026));
        assert!(e.is_none());
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(diags[0].is_error());
        assert!(
            said(&diags[0], "year 2026 is after the results date"),
            "{diags:?}"
        );
        assert_eq!((diags[0].line, diags[0].column), (3, 13));
    }
}
