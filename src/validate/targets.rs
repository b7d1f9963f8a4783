//! Rules for the `targets` of `emissions.yaml` (SPEC §4): years, percent, scopes, kind and
//! normaliser, scope 2 method, SBTi, and a base year with data. Called by `emissions.rs`.

use std::collections::BTreeSet;

use super::{Checker, ResultsRef};
use crate::load::S;
use crate::load::raw::{RawEmissions, RawTarget};
use crate::messages::{Arg, Args, Quote, ids};
use crate::model::{Decimal, Normaliser, Sbti, Scope2Method, Target, TargetKind, YearEntry};

const KINDS: [(&str, bool); 2] = [("absolute", false), ("intensity", true)];
const PER: [(&str, Normaliser); 2] = [
    ("employee", Normaliser::Employee),
    ("revenue_mnok", Normaliser::RevenueMnok),
];
const METHODS: [(&str, Scope2Method); 2] = [
    ("location", Scope2Method::Location),
    ("market", Scope2Method::Market),
];
const SBTI: [(&str, Sbti); 3] = [
    ("none", Sbti::None),
    ("committed", Sbti::Committed),
    ("validated", Sbti::Validated),
];

/// The years of a file as validated, and the years whose entry has an error (left out, or a
/// figure missing): the rules that judge what a year lacks say nothing of those, since that
/// error already did (one mistake, one diagnostic).
pub(super) struct Years<'a> {
    pub entries: &'a [YearEntry],
    /// As written (`year:`), whether or not the entry was kept.
    pub broken: &'a BTreeSet<i64>,
}

impl Years<'_> {
    fn get(&self, year: i32) -> Option<&YearEntry> {
        self.entries.iter().find(|y| y.year == year)
    }

    fn is_broken(&self, year: i32) -> bool {
        self.broken.contains(&i64::from(year))
    }
}

pub(super) fn target(
    c: &mut Checker,
    raw: &RawTarget,
    file_base_year: i32,
    years: &Years,
    raw_file: &RawEmissions,
    results: ResultsRef,
) -> Option<Target> {
    let errors_before = c.diags.error_count();
    if raw.label.value.trim().is_empty() {
        c.error_msg(&raw.label, ids::TARGET_LABEL_EMPTY, vec![]);
    }
    let mut scopes: Vec<u8> = Vec::new();
    for s in &raw.scopes.value {
        match s.value {
            1..=3 if !scopes.contains(&(s.value as u8)) => scopes.push(s.value as u8),
            1..=3 => {
                c.error_msg(
                    s,
                    ids::TARGET_SCOPE_TWICE,
                    vec![("scope", s.value.to_string().into())],
                );
            }
            other => {
                c.error_msg(
                    s,
                    ids::TARGET_SCOPE_UNKNOWN,
                    vec![("scope", other.to_string().into())],
                );
            }
        }
    }
    if raw.scopes.value.is_empty() {
        c.error_msg(&raw.scopes, ids::TARGET_NO_SCOPES, vec![]);
    }
    scopes.sort_unstable();
    let base_year = match &raw.base_year {
        Some(y) => c.year(y, "base_year"),
        None => Some(file_base_year),
    };
    let target_year = c.year(&raw.target_year, "target_year");
    if let (Some(b), Some(t)) = (base_year, target_year)
        && t <= b
    {
        let args = vec![
            ("target", t.to_string().into()),
            ("base", b.to_string().into()),
        ];
        c.error_msg(&raw.target_year, ids::TARGET_YEAR_ORDER, args);
    }
    let raw_percent = raw.reduction_percent.value;
    // 0 and 100 are exact in binary, so this range check is exact.
    let percent = if raw_percent > 0.0 && raw_percent <= 100.0 {
        c.decimal(&raw.reduction_percent, "reduction_percent")
    } else {
        let args = vec![("percent", raw_percent.into())];
        c.error_msg(&raw.reduction_percent, ids::TARGET_PERCENT_RANGE, args);
        None
    };
    let intensity = match &raw.kind {
        Some(k) => c.choice(k, &KINDS, Arg::word(ids::WHAT_TARGET_KIND)),
        None => Some(false),
    };
    let kind = match (intensity, &raw.per) {
        (Some(false), Some(per)) => {
            c.error_msg(per, ids::TARGET_PER_NOT_INTENSITY, vec![]);
            None
        }
        (Some(false), None) => Some(TargetKind::Absolute),
        (Some(true), Some(per)) => c
            .choice(per, &PER, Arg::word(ids::WHAT_TARGET_PER))
            .map(TargetKind::Intensity),
        (Some(true), None) => {
            let at = raw.kind.as_ref().unwrap_or(&raw.label);
            c.error_msg(at, ids::TARGET_INTENSITY_WITHOUT_PER, vec![]);
            None
        }
        (None, _) => None,
    };
    let scope2_method = match &raw.scope2_method {
        Some(m) => c.choice(m, &METHODS, "scope2_method"),
        None => Some(Scope2Method::Location),
    };
    let sbti = match &raw.sbti {
        Some(s) => c.choice(s, &SBTI, "sbti"),
        None => Some(Sbti::None),
    };
    if let Some(b) = base_year {
        // Without a valid target year only the base year is judged: a guessed year would name a
        // year the editor never chose (one mistake, one diagnostic).
        let t = target_year.unwrap_or(b);
        check_base_year(c, raw, (b, t), &scopes, kind, years, raw_file, results);
    }
    if c.diags.error_count() > errors_before {
        return None;
    }
    Some(Target {
        label: raw.label.value.trim().to_string(),
        scopes,
        base_year: base_year?,
        target_year: target_year?,
        reduction_percent: percent?,
        kind: kind?,
        scope2_method: scope2_method?,
        sbti: sbti?,
    })
}

/// The base year must have an entry; an intensity target needs its normaliser in the years its
/// status is judged from (the base year, and Y or the target year once it has passed). Scopes
/// missing in the base year are allowed (the status is then `no_data`) but warned about, and so
/// is a normaliser of 0 (E(y) is undefined: docs/figures.md "E(y) of a target").
#[allow(clippy::too_many_arguments)]
fn check_base_year(
    c: &mut Checker,
    raw: &RawTarget,
    (base_year, target_year): (i32, i32),
    scopes: &[u8],
    kind: Option<TargetKind>,
    years: &Years,
    raw_file: &RawEmissions,
    results: ResultsRef,
) {
    if years.is_broken(base_year) {
        return;
    }
    let at = raw.base_year.as_ref().map(|y| (y.referenced, y.defined));
    let anchor = |label: &S<String>| match at {
        Some((referenced, defined)) => S {
            value: (),
            referenced,
            defined,
        },
        None => S {
            value: (),
            referenced: label.referenced,
            defined: label.defined,
        },
    };
    let Some(entry) = years.get(base_year) else {
        let args = vec![("year", base_year.to_string().into())];
        c.error_msg(&anchor(&raw.label), ids::TARGET_BASE_YEAR_NO_DATA, args);
        return;
    };
    let method = raw.scope2_method.as_ref().map(|m| m.value.as_str());
    let missing: Vec<Arg> = scopes
        .iter()
        .filter(|&&s| match s {
            1 => entry.scope1.is_none(),
            2 if method == Some("market") => entry.scope2.and_then(|s| s.market_based).is_none(),
            2 => entry.scope2.is_none(),
            _ => entry.scope3.is_none(),
        })
        .map(|s| quote(ids::SCOPE_NAME, vec![("scope", s.to_string().into())]))
        .collect();
    if !missing.is_empty() {
        let args = vec![
            ("year", base_year.to_string().into()),
            ("scopes", either(missing)),
        ];
        c.warning_msg(
            &anchor(&raw.label),
            ids::TARGET_BASE_YEAR_MISSING_SCOPES,
            args,
        );
    }
    if let Some(TargetKind::Intensity(per)) = kind {
        let mut needed = vec![base_year];
        if let Some(r) = results {
            let judged = r.reporting_year.min(target_year);
            if judged > base_year && years.get(judged).is_some() {
                needed.push(judged);
            }
        }
        let key = match per {
            Normaliser::Employee => "employees",
            Normaliser::RevenueMnok => "revenue_mnok",
        };
        for year in needed.into_iter().filter(|y| !years.is_broken(*y)) {
            let entry = years.get(year);
            match entry.and_then(|e| e.normaliser(per)) {
                None => {
                    let args = vec![("key", key.into()), ("year", year.to_string().into())];
                    let at = raw.per.as_ref().unwrap_or(&raw.label);
                    c.error_msg(at, ids::TARGET_INTENSITY_NEEDS_KEY, args);
                }
                Some(v) if v <= Decimal::ZERO => {
                    let raw_year = raw_file
                        .years
                        .iter()
                        .find(|y| y.year.value == i64::from(year));
                    let at = raw_year.and_then(|y| match per {
                        Normaliser::Employee => y.employees.as_ref(),
                        Normaliser::RevenueMnok => y.revenue_mnok.as_ref(),
                    });
                    let args = vec![("key", key.into()), ("year", year.to_string().into())];
                    match at {
                        Some(at) => c.warning_msg(at, ids::TARGET_NORMALISER_ZERO, args),
                        None => c.warning_msg(&raw.label, ids::TARGET_NORMALISER_ZERO, args),
                    };
                }
                Some(_) => {}
            }
        }
    }
}

/// Message `id` with `args` as an argument of another message.
fn quote(id: &'static str, args: Args) -> Arg {
    Arg::Message(Box::new(Quote {
        id,
        help: false,
        args,
    }))
}

/// "a or b or c" in the language of the message (at most three: there are three scopes).
fn either(mut items: Vec<Arg>) -> Arg {
    match items.len() {
        0 | 1 => items.pop().unwrap_or_else(|| "".into()),
        2 => {
            let b = items.pop().unwrap_or_else(|| "".into());
            let a = items.pop().unwrap_or_else(|| "".into());
            quote(ids::LIST_OR_2, vec![("a", a), ("b", b)])
        }
        _ => {
            let mut it = items.into_iter();
            let mut next = || it.next().unwrap_or_else(|| "".into());
            let (a, b, c) = (next(), next(), next());
            quote(ids::LIST_OR_3, vec![("a", a), ("b", b), ("c", c)])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::emissions::tests::{TWO_YEARS, check, messages};
    use crate::diagnostics::Diagnostic;
    use crate::model::TargetKind;

    fn with_target(target: &str) -> String {
        format!("{TWO_YEARS}targets:\n  - {{ label: Mål, {target} }}\n")
    }

    #[test]
    fn accepts_a_spec_target() {
        let (e, diags) = check(&with_target(
            "scopes: [2, 1], target_year: 2030, reduction_percent: 50",
        ));
        assert!(diags.is_empty(), "{diags:?}");
        let t = &e.unwrap().targets[0];
        assert_eq!(
            (t.scopes.clone(), t.base_year, t.kind),
            (vec![1, 2], 2019, TargetKind::Absolute)
        );
    }

    #[test]
    fn a_mistake_in_the_base_year_is_one_diagnostic_not_a_cascade() {
        let target = "targets:\n  - { label: Mål, scopes: [1, 2], target_year: 2030, reduction_percent: 50 }\n";
        for (year, message) in [
            (
                "scope1: { mobil_combustion: 100 }",
                "unknown scope 1 category `mobil_combustion`",
            ),
            ("scope1: 1e300", "scope 1 is implausibly large (1e300)"),
            ("scope1: 100, status: endelig", "unknown status `endelig`"),
        ] {
            let text = format!(
                "base_year: 2019\nyears:\n  - {{ year: 2019, scope2: {{ location_based: 10 }}, {year} }}\n{target}"
            );
            let m = messages(&text);
            assert_eq!(m.len(), 1, "{year}: {m:?}");
            assert!(m[0].starts_with(message), "{year}: {m:?}");
        }
    }

    #[test]
    fn rejects_target_year_before_base_year() {
        let m = messages(&with_target(
            "scopes: [1], target_year: 2019, reduction_percent: 50",
        ));
        assert_eq!(m, ["target_year 2019 must come after the base year 2019"]);
    }

    #[test]
    fn rejects_reduction_percent_outside_0_to_100() {
        for bad in ["0", "120", "-5"] {
            let m = messages(&with_target(&format!(
                "scopes: [1], target_year: 2030, reduction_percent: {bad}"
            )));
            assert!(m[0].contains("must be above 0"), "{bad}: {m:?}");
        }
        assert!(
            messages(&with_target(
                "scopes: [1], target_year: 2030, reduction_percent: 100"
            ))
            .is_empty()
        );
    }

    #[test]
    fn rejects_unknown_scopes() {
        let m = messages(&with_target(
            "scopes: [1, 4], target_year: 2030, reduction_percent: 50",
        ));
        assert_eq!(m, ["scope 4 does not exist"]);
    }

    #[test]
    fn rejects_a_base_year_without_data() {
        let m = messages(&with_target(
            "scopes: [1], base_year: 2021, target_year: 2030, reduction_percent: 50",
        ));
        assert_eq!(m, ["target uses base year 2021, which has no data"]);
    }

    #[test]
    fn warns_when_a_target_scope_is_missing_in_the_base_year() {
        let (e, diags) = check(&with_target(
            "scopes: [3], target_year: 2030, reduction_percent: 50",
        ));
        assert!(e.is_some());
        assert!(!diags[0].is_error());
        assert!(diags[0].message.contains("base year 2019 has no scope 3"));
    }

    #[test]
    fn rejects_intensity_target_without_per_or_normaliser() {
        let m = messages(&with_target(
            "scopes: [1], kind: intensity, target_year: 2030, reduction_percent: 50",
        ));
        assert_eq!(m, ["intensity target without `per`"]);
        let m = messages(&with_target(
            "scopes: [1], kind: intensity, per: employee, target_year: 2030, reduction_percent: 50",
        ));
        assert_eq!(
            m,
            [
                "intensity target per employees needs `employees` in year 2019",
                "intensity target per employees needs `employees` in year 2024"
            ]
        );
    }

    #[test]
    fn a_normaliser_of_zero_is_a_warning_at_its_value_not_an_error() {
        let text = "base_year: 2019\nyears:\n  - { year: 2019, scope1: 10, revenue_mnok: 0 }\n  - { year: 2024, scope1: 8, revenue_mnok: 40 }\ntargets:\n  - { label: Mål, scopes: [1], kind: intensity, per: revenue_mnok, target_year: 2030, reduction_percent: 50 }\n";
        let (e, diags) = check(text);
        assert!(e.is_some(), "{diags:?}");
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(!diags[0].is_error());
        assert_eq!((diags[0].line, diags[0].column), (3, 45));
        assert_eq!(
            diags[0].message,
            "revenue_mnok is 0 in 2019: the intensity target per revenue_mnok cannot be followed that year"
        );
    }

    #[test]
    fn an_expired_intensity_target_needs_its_normaliser_in_the_target_year() {
        let text = "base_year: 2019\nyears:\n  - { year: 2019, scope1: 10, employees: 5 }\n  - { year: 2022, scope1: 8 }\n  - { year: 2024, scope1: 8, employees: 5 }\ntargets:\n  - { label: Mål, scopes: [1], kind: intensity, per: employee, target_year: 2022, reduction_percent: 50 }\n";
        assert_eq!(
            messages(text),
            ["intensity target per employees needs `employees` in year 2022"]
        );
    }

    #[test]
    fn rejects_per_on_an_absolute_target() {
        let m = messages(&with_target(
            "scopes: [1], per: employee, target_year: 2030, reduction_percent: 50",
        ));
        assert_eq!(m, ["`per` is only for intensity targets"]);
    }

    #[test]
    fn rejects_unknown_kind_method_and_sbti() {
        let m = messages(&with_target(
            "scopes: [1], kind: absolut, scope2_method: markets, sbti: yes, target_year: 2030, reduction_percent: 50",
        ));
        assert_eq!(
            m,
            [
                "unknown target kind `absolut`",
                "unknown scope2_method `markets`",
                "unknown sbti `yes`"
            ]
        );
    }

    /// Whether `d` says `needle`: the one place these tests read a message, so moving them to
    /// the message catalogue's ids is one edit.
    fn said(d: &Diagnostic, needle: &str) -> bool {
        d.message.contains(needle)
    }

    #[test]
    fn refuses_a_scope_listed_twice_with_one_error_at_the_repeat() {
        // Accepted, `scopes: [1, 1]` would count every tonne of the target twice.
        let (e, diags) = check(&with_target(
            "scopes: [1, 1], target_year: 2030, reduction_percent: 50",
        ));
        assert!(e.is_none());
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(diags[0].is_error());
        assert!(said(&diags[0], "scope 1 is listed twice"), "{diags:?}");
        assert_eq!((diags[0].line, diags[0].column), (12, 31));
    }

    #[test]
    fn a_missing_base_year_normaliser_is_an_error_naming_the_base_year() {
        // 2024 has employees, 2019 does not: the error is about 2019, and only 2019.
        let text = "base_year: 2019\nyears:\n  - { year: 2019, scope1: 10 }\n  - { year: 2024, scope1: 8, employees: 5 }\ntargets:\n  - { label: Mål, scopes: [1], kind: intensity, per: employee, target_year: 2030, reduction_percent: 50 }\n";
        let (e, diags) = check(text);
        assert!(e.is_none());
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(diags[0].is_error());
        assert!(
            said(&diags[0], "needs `employees` in year 2019"),
            "{diags:?}"
        );
        assert_eq!((diags[0].line, diags[0].column), (6, 54));
    }

    #[test]
    fn zero_employees_in_the_reporting_year_is_a_warning_at_that_value() {
        let text = "base_year: 2019\nyears:\n  - { year: 2019, scope1: 10, employees: 4 }\n  - { year: 2024, scope1: 8, employees: 0 }\ntargets:\n  - { label: Mål, scopes: [1], kind: intensity, per: employee, target_year: 2030, reduction_percent: 50 }\n";
        let (e, diags) = check(text);
        assert!(e.is_some(), "{diags:?}");
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(!diags[0].is_error());
        assert!(said(&diags[0], "employees is 0 in 2024"), "{diags:?}");
        assert_eq!((diags[0].line, diags[0].column), (4, 41));
    }

    #[test]
    fn a_market_target_whose_base_year_has_no_market_figure_cannot_be_followed() {
        let text = |market: &str| {
            format!(
                "base_year: 2019\nyears:\n  - {{ year: 2019, scope2: {{ location_based: 10{market} }} }}\ntargets:\n  - {{ label: Mål, scopes: [2], scope2_method: market, target_year: 2030, reduction_percent: 50 }}\n"
            )
        };
        let (e, diags) = check(&text(""));
        assert!(e.is_some(), "{diags:?}");
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(!diags[0].is_error());
        assert!(
            said(&diags[0], "base year 2019 has no scope 2"),
            "{diags:?}"
        );
        assert_eq!((diags[0].line, diags[0].column), (5, 14));
        // With the market figure the target can be followed: nothing to say.
        let (_, diags) = check(&text(", market_based: 4"));
        assert!(diags.is_empty(), "{diags:?}");
    }

    #[test]
    fn an_intensity_target_says_nothing_of_a_judged_year_without_an_entry() {
        // No 2024 entry: the status is `no_data`, and there is no year to ask `employees` of.
        let text = "base_year: 2019\nyears:\n  - { year: 2019, scope1: 10, employees: 4 }\ntargets:\n  - { label: Mål, scopes: [1], kind: intensity, per: employee, target_year: 2030, reduction_percent: 50 }\n";
        let (e, diags) = check(text);
        assert!(e.is_some() && diags.is_empty(), "{diags:?}");
    }

    #[test]
    fn a_target_based_in_the_reporting_year_asks_for_its_normaliser_once() {
        let text = "base_year: 2019\nyears:\n  - { year: 2019, scope1: 10, employees: 4 }\n  - { year: 2024, scope1: 8 }\ntargets:\n  - { label: Mål, scopes: [1], base_year: 2024, kind: intensity, per: employee, target_year: 2030, reduction_percent: 50 }\n";
        let (e, diags) = check(text);
        assert!(e.is_none());
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(diags[0].is_error());
        assert!(
            said(&diags[0], "needs `employees` in year 2024"),
            "{diags:?}"
        );
    }

    #[test]
    fn a_location_target_needs_no_market_figure_in_its_base_year() {
        for method in ["", ", scope2_method: location"] {
            let text = format!(
                "base_year: 2019\nyears:\n  - {{ year: 2019, scope2: {{ location_based: 10 }} }}\ntargets:\n  - {{ label: Mål, scopes: [2]{method}, target_year: 2030, reduction_percent: 50 }}\n"
            );
            let (e, diags) = check(&text);
            assert!(e.is_some() && diags.is_empty(), "{method}: {diags:?}");
        }
    }

    #[test]
    fn a_refused_target_gets_no_warnings_of_its_own() {
        // The target is an error (scope 1 twice): the unrecalculated change after its base year,
        // which would warn about an accepted target, says nothing of it.
        let text = format!(
            "{}structural_changes:\n  - {{ year: 2022, kind: divestment, recalculated: false }}\n",
            with_target("scopes: [1, 1], target_year: 2030, reduction_percent: 50")
        );
        let (e, diags) = check(&text);
        assert!(e.is_none());
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(
            diags[0].is_error() && said(&diags[0], "listed twice"),
            "{diags:?}"
        );
    }

    #[test]
    fn an_implausible_target_year_is_one_error_not_a_normaliser_cascade() {
        // With no target year there is no judged year to ask `employees` of: 2020 lacks them,
        // and is not named.
        let text = "base_year: 2019\nyears:\n  - { year: 2019, scope1: 10, employees: 4 }\n  - { year: 2020, scope1: 9 }\ntargets:\n  - { label: Mål, scopes: [1], kind: intensity, per: employee, target_year: 20300, reduction_percent: 50 }\n";
        let (e, diags) = check(text);
        assert!(e.is_none());
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(diags[0].is_error());
        assert!(
            said(&diags[0], "target_year 20300 is not a plausible year"),
            "{diags:?}"
        );
    }
}
