//! Rules for `structural_changes` in `emissions.yaml` (SPEC §4a) and the warnings that compare
//! targets with the partner's history: a target whose base year lies before an unrecalculated
//! structural change, and a scope 3 target whose categories differ between its base year and
//! the reporting year (docs/figures.md "Structural changes"). Called by `emissions.rs`.
//!
//! Warnings only point at what makes a comparison unfair; they never change a figure.

use std::collections::BTreeSet;

use super::{Checker, ResultsRef};
use crate::load::raw::{RawEmissions, RawStructuralChange, RawTarget};
use crate::messages::{Arg, Args, Quote, ids};
use crate::model::{ChangeKind, StructuralChange, Target, YearEntry};

pub(super) fn structural_changes(
    c: &mut Checker,
    raw: &[RawStructuralChange],
) -> Vec<StructuralChange> {
    raw.iter()
        .filter_map(|change| {
            let year = c.year(&change.year, Arg::word(ids::WHAT_CHANGE_YEAR));
            let kind = c.choice(
                &change.kind,
                &ChangeKind::ALL,
                Arg::word(ids::WHAT_CHANGE_KIND),
            );
            Some(StructuralChange {
                year: year?,
                kind: kind?,
                recalculated: change.recalculated.value,
                note: change.note.clone(),
            })
        })
        .collect()
}

/// The two warnings on targets. `targets[i]` was validated from `raw.targets[i]` when both
/// lists have the same length (validation leaves a broken target out, and then this says
/// nothing: the file has an error anyway).
pub(super) fn warn_about_targets(
    c: &mut Checker,
    raw: &RawEmissions,
    targets: &[Target],
    changes: &[StructuralChange],
    years: &[YearEntry],
    results: ResultsRef,
) {
    if targets.len() != raw.targets.len() {
        return;
    }
    for (target, raw_target) in targets.iter().zip(&raw.targets) {
        for change in changes
            .iter()
            .filter(|ch| !ch.recalculated && ch.year > target.base_year)
        {
            let args = vec![
                ("base", target.base_year.to_string().into()),
                ("kind", change.kind.key().into()),
                ("year", change.year.to_string().into()),
            ];
            c.warning_msg(&raw_target.label, ids::CHANGE_BEFORE_UNRECALCULATED, args);
        }
        if let Some(r) = results {
            warn_about_scope3_categories(c, raw_target, target, years, r.reporting_year);
        }
    }
}

/// A scope 3 target compares its base year with Y; when the two years list different scope 3
/// categories, part of the change is the list, not the emissions.
fn warn_about_scope3_categories(
    c: &mut Checker,
    raw: &RawTarget,
    target: &Target,
    years: &[YearEntry],
    reporting_year: i32,
) {
    if !target.scopes.contains(&3) || reporting_year <= target.base_year {
        return;
    }
    let categories = |year: i32| -> Option<BTreeSet<&'static str>> {
        let scope3 = years.iter().find(|y| y.year == year)?.scope3.as_ref()?;
        (!scope3.categories.is_empty()).then(|| scope3.categories.iter().map(|c| c.0).collect())
    };
    let (Some(base), Some(now)) = (categories(target.base_year), categories(reporting_year)) else {
        return;
    };
    if base == now {
        return;
    }
    let list = |set: BTreeSet<&&str>| set.into_iter().copied().collect::<Vec<_>>().join(", ");
    let added: BTreeSet<&&str> = now.difference(&base).collect();
    let dropped: BTreeSet<&&str> = base.difference(&now).collect();
    let (id, args): (_, Args) = match (added.is_empty(), dropped.is_empty()) {
        (false, true) => (
            ids::SCOPE3_CATEGORIES_ADDED,
            vec![("list", list(added).into())],
        ),
        (true, _) => (
            ids::SCOPE3_CATEGORIES_DROPPED,
            vec![("list", list(dropped).into())],
        ),
        (false, false) => (
            ids::SCOPE3_CATEGORIES_BOTH,
            vec![
                ("added", list(added).into()),
                ("dropped", list(dropped).into()),
            ],
        ),
    };
    let parts = Arg::Message(Box::new(Quote {
        id,
        help: false,
        args,
    }));
    let args = vec![
        ("base", target.base_year.to_string().into()),
        ("year", reporting_year.to_string().into()),
        ("parts", parts),
    ];
    c.warning_msg(&raw.label, ids::SCOPE3_CATEGORIES_DIFFER, args);
}

#[cfg(test)]
mod tests {
    use super::super::emissions::tests::{TWO_YEARS, check, messages};

    fn with(extra: &str) -> String {
        format!("{TWO_YEARS}{extra}")
    }

    const TARGET: &str =
        "targets:\n  - { label: Mål, scopes: [1, 2], target_year: 2030, reduction_percent: 50 }\n";

    #[test]
    fn reads_structural_changes() {
        let (e, diags) = check(&with(
            "structural_changes:\n  - { year: 2022, kind: acquisition, recalculated: true, note: Kjøpte AS }\n",
        ));
        assert!(diags.is_empty(), "{diags:?}");
        let e = e.unwrap();
        let ch = &e.structural_changes[0];
        assert_eq!(
            (ch.year, ch.kind.key(), ch.recalculated),
            (2022, "acquisition", true)
        );
    }

    #[test]
    fn rejects_an_unknown_kind_with_a_suggestion() {
        let (_, diags) = check(&with(
            "structural_changes:\n  - { year: 2022, kind: aquisition, recalculated: false }\n",
        ));
        assert_eq!(
            diags[0].message,
            "unknown structural change kind `aquisition`"
        );
        assert_eq!(
            diags[0].help.as_deref(),
            Some("did you mean `acquisition`?")
        );
        assert_eq!(diags[0].line, 12);
    }

    #[test]
    fn warns_on_a_target_whose_base_year_lies_before_an_unrecalculated_change() {
        let text = with(&format!(
            "{TARGET}structural_changes:\n  - {{ year: 2022, kind: divestment, recalculated: false }}\n"
        ));
        let (e, diags) = check(&text);
        assert!(e.is_some());
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(!diags[0].is_error());
        assert_eq!(
            diags[0].message,
            "target's base year 2019 lies before an unrecalculated divestment in 2022"
        );
        assert_eq!(diags[0].line, 12);
    }

    #[test]
    fn a_recalculated_change_or_one_in_the_base_year_is_no_warning() {
        for change in [
            "{ year: 2022, kind: merger, recalculated: true }",
            "{ year: 2019, kind: merger, recalculated: false }",
        ] {
            let text = with(&format!("{TARGET}structural_changes:\n  - {change}\n"));
            assert!(messages(&text).is_empty(), "{change}");
        }
    }

    #[test]
    fn warns_when_a_scope_3_target_compares_different_category_sets() {
        let text = "base_year: 2019\nyears:\n  - { year: 2019, scope3: { business_travel: 10, capital_goods: 5 } }\n  - { year: 2024, scope3: { business_travel: 8, employee_commuting: 3 } }\ntargets:\n  - { label: Mål, scopes: [3], target_year: 2030, reduction_percent: 30 }\n";
        let (_, diags) = check(text);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(
            diags[0].message,
            "scope 3 categories differ between the base year 2019 and 2024 (added employee_commuting; dropped capital_goods)"
        );
        assert_eq!(diags[0].line, 6);
        // The same categories in both years, or a scope 1 target: no warning.
        let same = text.replace("employee_commuting", "capital_goods");
        assert!(messages(&same).is_empty());
        let scope1 = text.replace("scopes: [3]", "scopes: [1]");
        assert!(!messages(&scope1).iter().any(|m| m.contains("categories")));
    }
}
