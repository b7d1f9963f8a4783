//! Rules for the `targets` of `emissions.yaml` (SPEC §4): years, percent, scopes, kind and
//! normaliser, scope 2 method, SBTi, and a base year with data. Called by `emissions.rs`.

use super::{Checker, ResultsRef};
use crate::load::S;
use crate::load::raw::RawTarget;
use crate::model::{Normaliser, Sbti, Scope2Method, Target, TargetKind, YearEntry};

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

pub(super) fn target(
    c: &mut Checker,
    raw: &RawTarget,
    file_base_year: i32,
    years: &[YearEntry],
    results: ResultsRef,
) -> Option<Target> {
    let errors_before = c.diags.error_count();
    if raw.label.value.trim().is_empty() {
        c.error(&raw.label, "target label is empty");
    }
    let mut scopes: Vec<u8> = Vec::new();
    for s in &raw.scopes.value {
        match s.value {
            1..=3 if !scopes.contains(&(s.value as u8)) => scopes.push(s.value as u8),
            1..=3 => {
                c.error(s, format!("scope {} is listed twice", s.value));
            }
            other => {
                c.error(s, format!("scope {other} does not exist")).help =
                    Some("scopes are 1, 2 and 3".into());
            }
        }
    }
    if raw.scopes.value.is_empty() {
        c.error(&raw.scopes, "target has no scopes").help = Some("e.g. `scopes: [1, 2]`".into());
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
        c.error(
            &raw.target_year,
            format!("target_year {t} must come after the base year {b}"),
        );
    }
    let percent = raw.reduction_percent.value;
    if !(percent > 0.0 && percent <= 100.0) {
        c.error(
            &raw.reduction_percent,
            format!("reduction_percent {percent} must be above 0 and at most 100"),
        )
        .help = Some("write the reduction as a percentage, e.g. `50` for halving".into());
    }
    let intensity = match &raw.kind {
        Some(k) => c.choice(k, &KINDS, "target kind"),
        None => Some(false),
    };
    let kind = match (intensity, &raw.per) {
        (Some(false), Some(per)) => {
            c.error(per, "`per` is only for intensity targets").help =
                Some("add `kind: intensity`, or remove `per`".into());
            None
        }
        (Some(false), None) => Some(TargetKind::Absolute),
        (Some(true), Some(per)) => c.choice(per, &PER, "normaliser").map(TargetKind::Intensity),
        (Some(true), None) => {
            c.error(
                raw.kind.as_ref().unwrap_or(&raw.label),
                "intensity target without `per`",
            )
            .help = Some("add `per: employee` or `per: revenue_mnok`".into());
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
        check_base_year(c, raw, b, &scopes, kind, years, results);
    }
    if c.diags.error_count() > errors_before {
        return None;
    }
    Some(Target {
        label: raw.label.value.trim().to_string(),
        scopes,
        base_year: base_year?,
        target_year: target_year?,
        reduction_percent: percent,
        kind: kind?,
        scope2_method: scope2_method?,
        sbti: sbti?,
    })
}

/// The base year must have an entry; an intensity target needs its normaliser in the years its
/// progress is computed from (the base year and the reporting year). Scopes missing in the base
/// year are allowed (progress is then `no_data`) but warned about.
fn check_base_year(
    c: &mut Checker,
    raw: &RawTarget,
    base_year: i32,
    scopes: &[u8],
    kind: Option<TargetKind>,
    years: &[YearEntry],
    results: ResultsRef,
) {
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
    let Some(entry) = years.iter().find(|y| y.year == base_year) else {
        c.error(
            &anchor(&raw.label),
            format!("target uses base year {base_year}, which has no data"),
        )
        .help = Some(format!(
            "add a `year: {base_year}` entry under `years`, or set the target's own `base_year`"
        ));
        return;
    };
    let method = raw.scope2_method.as_ref().map(|m| m.value.as_str());
    let missing: Vec<String> = scopes
        .iter()
        .filter(|&&s| match s {
            1 => entry.scope1.is_none(),
            2 if method == Some("market") => entry.scope2.and_then(|s| s.market_based).is_none(),
            2 => entry.scope2.is_none(),
            _ => entry.scope3.is_none(),
        })
        .map(|s| format!("scope {s}"))
        .collect();
    if !missing.is_empty() {
        c.warning(
            &anchor(&raw.label),
            format!(
                "target cannot be followed: base year {base_year} has no {}",
                missing.join(" or ")
            ),
        )
        .help =
            Some("report the scope for the base year, or choose a base year that has it".into());
    }
    if let Some(TargetKind::Intensity(per)) = kind {
        let mut needed = vec![base_year];
        if let Some(r) = results
            && years.iter().any(|y| y.year == r.reporting_year)
            && r.reporting_year != base_year
        {
            needed.push(r.reporting_year);
        }
        for year in needed {
            let entry = years.iter().find(|y| y.year == year);
            let value = entry.and_then(|e| match per {
                Normaliser::Employee => e.employees,
                Normaliser::RevenueMnok => e.revenue_mnok,
            });
            if value.is_none_or(|v| v <= 0.0) {
                let key = match per {
                    Normaliser::Employee => "employees",
                    Normaliser::RevenueMnok => "revenue_mnok",
                };
                c.error(
                    raw.per.as_ref().unwrap_or(&raw.label),
                    format!("intensity target per {key} needs `{key}` (above 0) in year {year}"),
                )
                .help = Some(format!("add `{key}:` to the year {year} entry"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::emissions::tests::{TWO_YEARS, check, messages};
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
                "intensity target per employees needs `employees` (above 0) in year 2019",
                "intensity target per employees needs `employees` (above 0) in year 2024"
            ]
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
}
