//! Like-for-like (docs/figures.md "Like-for-like"): scope 1 + scope 2 location-based of the
//! partners that report both the compare year C and the reporting year Y, left out those whose
//! emissions moved for a structural change that was not recalculated; with the same figure over
//! final entries only, and the share of the network's year-Y scope 1 + 2 it covers.
//!
//! Exact sums; the change is a `Decimal` division (28 digits, for people). Pure.

use serde::Serialize;

use super::partner::is_complete;
use super::sums::{is_preliminary, percent};
use crate::model::{Decimal, Partner, YearEntry};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LikeForLike {
    pub partners: usize,
    /// Σ scope 1 + scope 2 location-based in C; `null` with no partners.
    pub compare: Option<Decimal>,
    /// The same partners and scopes in Y; `null` with no partners.
    pub current: Option<Decimal>,
    /// (current − compare)/compare·100; `null` with no partners or when `compare` is 0.
    pub change_percent: Option<Decimal>,
    /// Partners counted whose C or Y entry is preliminary.
    pub preliminary_partners: usize,
    /// Partners that report both years but are left out for an unrecalculated structural
    /// change with C < its year ≤ Y.
    pub excluded_structural: usize,
    /// `current` as a share of `totals.scope1 + totals.scope2_location`.
    pub share_of_current_percent: Option<Decimal>,
    /// The same figure over the partners whose C and Y entries are both final.
    pub final_only: Comparison,
    /// Added: partners with entries in both years left out because one of them is incomplete
    /// (lacks scope 1 or scope 2 location-based).
    pub partners_incomplete: usize,
}

/// Two sums over the same partners, and the change between them.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Comparison {
    pub partners: usize,
    pub compare: Option<Decimal>,
    pub current: Option<Decimal>,
    pub change_percent: Option<Decimal>,
}

impl Comparison {
    fn of(pairs: &[(Decimal, Decimal)]) -> Self {
        if pairs.is_empty() {
            return Comparison::default();
        }
        let compare: Decimal = pairs.iter().map(|p| p.0).sum();
        let current: Decimal = pairs.iter().map(|p| p.1).sum();
        Comparison {
            partners: pairs.len(),
            compare: Some(compare),
            current: Some(current),
            change_percent: percent(current - compare, compare),
        }
    }
}

fn scope12(entry: &YearEntry) -> Option<Decimal> {
    Some(entry.scope1.as_ref()?.total + entry.scope2?.location_based)
}

/// `network_scope12` is `totals.scope1 + totals.scope2_location` of Y.
pub fn like_for_like(
    partners: &[&Partner],
    compare_year: i32,
    reporting_year: i32,
    network_scope12: Option<Decimal>,
) -> LikeForLike {
    let mut all = Vec::new();
    let mut finals = Vec::new();
    let (mut preliminary_partners, mut excluded_structural, mut partners_incomplete) = (0, 0, 0);
    for p in partners {
        let Some(e) = &p.emissions else { continue };
        let (Some(before), Some(now)) = (e.year(compare_year), e.year(reporting_year)) else {
            continue;
        };
        if !is_complete(before) || !is_complete(now) {
            partners_incomplete += 1;
            continue;
        }
        let moved = e
            .structural_changes
            .iter()
            .any(|ch| !ch.recalculated && compare_year < ch.year && ch.year <= reporting_year);
        if moved {
            excluded_structural += 1;
            continue;
        }
        let (Some(b), Some(n)) = (scope12(before), scope12(now)) else {
            continue;
        };
        all.push((b, n));
        if is_preliminary(before) || is_preliminary(now) {
            preliminary_partners += 1;
        } else {
            finals.push((b, n));
        }
    }
    let c = Comparison::of(&all);
    LikeForLike {
        partners: c.partners,
        compare: c.compare,
        current: c.current,
        change_percent: c.change_percent,
        preliminary_partners,
        excluded_structural,
        share_of_current_percent: c
            .current
            .zip(network_scope12)
            .and_then(|(cur, all)| percent(cur, all)),
        final_only: Comparison::of(&finals),
        partners_incomplete,
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use super::*;

    fn lfl(partners: &[&Partner]) -> LikeForLike {
        like_for_like(partners, C, Y, Some(dec(400.0)))
    }

    #[test]
    fn compares_the_same_partners_in_both_years_with_the_final_only_variant() {
        // a: 120 → 70 (final); b: 55 → 55 (2024 preliminary); c: no 2019 entry.
        let a = with_emissions(
            partner("a", 'F', 1),
            vec![year(C).s1(100.0).s2(20.0), year(Y).s1(60.0).s2(10.0)],
            vec![],
        );
        let b = with_emissions(
            partner("b", 'F', 1),
            vec![
                year(C).s1(50.0).s2(5.0),
                year(Y).s1(50.0).s2(5.0).preliminary(),
            ],
            vec![],
        );
        let c = with_emissions(partner("c", 'F', 1), vec![year(Y).s1(9.0).s2(1.0)], vec![]);
        let l = lfl(&[&a, &b, &c]);
        assert_eq!(
            (l.partners, l.compare, l.current),
            (2, Some(dec(175.0)), Some(dec(125.0)))
        );
        // (125 − 175)/175 = −28.571…%
        assert_eq!(l.change_percent.unwrap().round_dp(3), dec(-28.571));
        assert_eq!(l.preliminary_partners, 1);
        let f = &l.final_only;
        assert_eq!(
            (f.partners, f.compare, f.current),
            (1, Some(dec(120.0)), Some(dec(70.0)))
        );
        // 70 − 120 = −50 of 120 = −41.666…%
        assert_eq!(f.change_percent.unwrap().round_dp(3), dec(-41.667));
        // 125 of the network's 400 t in 2024.
        assert_eq!(l.share_of_current_percent, Some(dec(31.25)));
    }

    #[test]
    fn leaves_out_partners_with_an_unrecalculated_change_after_the_compare_year() {
        let history = || vec![year(C).s1(100.0).s2(0.0), year(Y).s1(200.0).s2(0.0)];
        let bought = with_changes(
            with_emissions(partner("a", 'F', 1), history(), vec![]),
            vec![change(2022, false)],
        );
        let restated = with_changes(
            with_emissions(partner("b", 'F', 1), history(), vec![]),
            vec![change(2022, true)],
        );
        // A change in C itself or after Y does not span the comparison.
        let in_c = with_changes(
            with_emissions(partner("c", 'F', 1), history(), vec![]),
            vec![change(C, false)],
        );
        let l = lfl(&[&bought, &restated, &in_c]);
        assert_eq!((l.partners, l.excluded_structural), (2, 1));
        assert_eq!(l.compare, Some(dec(200.0)));
        // A change in Y itself spans it.
        let in_y = with_changes(
            with_emissions(partner("d", 'F', 1), history(), vec![]),
            vec![change(Y, false)],
        );
        assert_eq!(lfl(&[&in_y]).excluded_structural, 1);
    }

    #[test]
    fn needs_scope1_and_scope2_in_both_years() {
        let d = with_emissions(
            partner("d", 'F', 1),
            vec![year(C).s1(40.0), year(Y).s1(30.0).s2(7.0)],
            vec![],
        );
        let l = lfl(&[&d]);
        assert_eq!((l.partners, l.partners_incomplete, l.compare), (0, 1, None));
    }

    #[test]
    fn is_undefined_without_partners_or_with_a_zero_base() {
        let l = lfl(&[]);
        assert_eq!(
            (l.partners, l.change_percent, l.share_of_current_percent),
            (0, None, None)
        );
        let from_zero = with_emissions(
            partner("a", 'F', 1),
            vec![year(C).s1(0.0).s2(0.0), year(Y).s1(5.0).s2(1.0)],
            vec![],
        );
        let l = lfl(&[&from_zero]);
        assert_eq!(
            (l.compare, l.current, l.change_percent),
            (Some(dec(0.0)), Some(dec(6.0)), None)
        );
    }
}
