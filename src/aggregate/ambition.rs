//! Ambition (docs/figures.md "Ambition"): which targets can be compared with a benchmark, and
//! whether their linear yearly rate meets it.
//!
//! Only two classes have a benchmark, SBTi's minimum linear rates for absolute near-term
//! targets: absolute targets on exactly scopes {1, 2} against 4.2 % of the base per year, and
//! absolute targets on exactly scope {3} against 2.5 % per year. Every other target is *not
//! comparable*, with the reason; it is never counted as meeting or missing a benchmark. The
//! comparison `reduction_percent / (T − B) ≥ benchmark` is made exactly as
//! `reduction_percent ≥ benchmark · (T − B)`. This is not a verdict on a 1.5 °C pathway.

use serde::Serialize;

use crate::model::{Decimal, Target, TargetKind};

/// SBTi's minimum linear rate for absolute scope 1 + 2 targets, percent of the base per year.
pub const SCOPE12_BENCHMARK: Decimal = Decimal::from_parts(42, 0, 0, false, 1);
/// SBTi's minimum linear rate for absolute scope 3 targets, percent of the base per year.
pub const SCOPE3_BENCHMARK: Decimal = Decimal::from_parts(25, 0, 0, false, 1);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Class {
    /// Absolute, scopes exactly {1, 2}.
    Scope12,
    /// Absolute, scope exactly {3}.
    Scope3,
    NotComparable,
}

/// Why a target has no benchmark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    /// Intensity targets can be met while absolute emissions grow.
    Intensity,
    /// Scope 1 or scope 2 alone: the benchmark is for the two together.
    SingleScope,
    /// Scopes 1, 2 and 3 in one target: the benchmarks differ per class.
    AllScopes,
    /// Scope 3 with scope 1 or 2 but not both.
    MixedScopes,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Ambition {
    pub class: Class,
    /// The benchmark in percent per year; `None` when not comparable.
    pub benchmark_percent: Option<Decimal>,
    /// Whether the rate is at least the benchmark; `None` when not comparable.
    pub meets: Option<bool>,
    /// Set exactly when not comparable.
    pub reason: Option<Reason>,
}

pub fn classify(target: &Target) -> Ambition {
    let not_comparable = |reason| Ambition {
        class: Class::NotComparable,
        benchmark_percent: None,
        meets: None,
        reason: Some(reason),
    };
    if matches!(target.kind, TargetKind::Intensity(_)) {
        return not_comparable(Reason::Intensity);
    }
    let (class, benchmark) = match target.scopes.as_slice() {
        [1, 2] => (Class::Scope12, SCOPE12_BENCHMARK),
        [3] => (Class::Scope3, SCOPE3_BENCHMARK),
        [1] | [2] => return not_comparable(Reason::SingleScope),
        [1, 2, 3] => return not_comparable(Reason::AllScopes),
        _ => return not_comparable(Reason::MixedScopes),
    };
    let years = Decimal::from((target.target_year - target.base_year).max(1));
    Ambition {
        class,
        benchmark_percent: Some(benchmark),
        meets: Some(target.reduction_percent >= benchmark * years),
        reason: None,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use super::*;
    use crate::model::Normaliser::Employee;

    #[test]
    fn compares_absolute_scope_1_and_2_targets_with_4_2_percent_a_year() {
        // 42 % over 10 years is exactly 4.2 %/yr: meets. 41.9 % does not.
        let a = classify(&target(&[1, 2], 2020, 2030, 42.0));
        assert_eq!((a.class, a.meets), (Class::Scope12, Some(true)));
        assert_eq!(a.benchmark_percent, Some("4.2".parse().unwrap()));
        let a = classify(&target(&[1, 2], 2020, 2030, 41.9));
        assert_eq!(a.meets, Some(false));
    }

    #[test]
    fn compares_absolute_scope_3_targets_with_2_5_percent_a_year() {
        // 30 % over 11 years is 2.73 %/yr: meets; 25 % over 11 years is 2.27 %/yr: does not.
        assert_eq!(classify(&target(&[3], 2019, 2030, 30.0)).meets, Some(true));
        let a = classify(&target(&[3], 2019, 2030, 25.0));
        assert_eq!((a.class, a.meets), (Class::Scope3, Some(false)));
        // Exactly 2.5 %/yr (25 % over 10 years) meets.
        assert_eq!(classify(&target(&[3], 2020, 2030, 25.0)).meets, Some(true));
    }

    #[test]
    fn every_other_target_is_not_comparable_with_its_reason() {
        for (t, reason) in [
            (
                per(target(&[1, 2], 2019, 2030, 90.0), Employee),
                Reason::Intensity,
            ),
            (target(&[1], 2019, 2030, 90.0), Reason::SingleScope),
            (target(&[2], 2019, 2030, 90.0), Reason::SingleScope),
            (target(&[1, 2, 3], 2019, 2030, 90.0), Reason::AllScopes),
            (target(&[1, 3], 2019, 2030, 90.0), Reason::MixedScopes),
        ] {
            let a = classify(&t);
            assert_eq!(
                (a.class, a.meets, a.reason, a.benchmark_percent),
                (Class::NotComparable, None, Some(reason), None),
                "{:?}",
                t.scopes
            );
        }
    }

    #[test]
    fn a_market_based_scope_1_and_2_target_is_still_comparable() {
        let a = classify(&market(target(&[1, 2], 2019, 2030, 50.0)));
        assert_eq!((a.class, a.meets), (Class::Scope12, Some(true)));
    }
}
