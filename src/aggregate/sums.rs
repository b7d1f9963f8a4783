//! Sums of year entries with their coverage (docs/figures.md "Totals"): each scope over the
//! entries that give it, how many do, and how many of those are preliminary; and the largest
//! partner's share of scope 1 + 2.
//!
//! Exact: `Decimal` sums of the figures as written. A sum nobody reported is `None` (`null`),
//! never 0. Scope 3 is summed as reported and never added to scope 1 + 2 (partners' scope 3
//! may overlap each other's emissions). Pure.

use serde::Serialize;

use crate::model::{DataStatus, Decimal, Partner, YearEntry};

/// Sums of a set of year entries (one per partner), each scope over the entries that give it.
///
/// The SPEC's keys plus, per scope, `*_preliminary`: how many of the entries summed are
/// preliminary.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ScopeSums {
    pub scope1: Option<Decimal>,
    pub scope1_partners: usize,
    pub scope1_preliminary: usize,
    pub scope2_location: Option<Decimal>,
    pub scope2_location_partners: usize,
    pub scope2_location_preliminary: usize,
    pub scope2_market: Option<Decimal>,
    pub scope2_market_partners: usize,
    pub scope2_market_preliminary: usize,
    /// Scope 2 location-based over the same partners as `scope2_market`, so the two methods can
    /// be set side by side.
    pub scope2_location_same_partners: Option<Decimal>,
    /// As reported; never part of a scope 1 + 2 total.
    pub scope3: Option<Decimal>,
    pub scope3_partners: usize,
    pub scope3_preliminary: usize,
    /// Entries summed (whatever they give) that are preliminary.
    pub preliminary_partners: usize,
}

impl ScopeSums {
    pub fn of<'a>(entries: impl IntoIterator<Item = &'a YearEntry>) -> Self {
        let entries: Vec<&YearEntry> = entries.into_iter().collect();
        let sum = |get: &dyn Fn(&YearEntry) -> Option<Decimal>| {
            sum_some(entries.iter().map(|e| (get(e), is_preliminary(e))))
        };
        let (scope1, scope1_partners, scope1_preliminary) =
            sum(&|e| e.scope1.as_ref().map(|s| s.total));
        let (scope2_location, scope2_location_partners, scope2_location_preliminary) =
            sum(&|e| e.scope2.map(|s| s.location_based));
        let (scope2_market, scope2_market_partners, scope2_market_preliminary) =
            sum(&|e| e.scope2.and_then(|s| s.market_based));
        let (scope2_location_same_partners, _, _) = sum(&|e| {
            let s2 = e.scope2?;
            s2.market_based.map(|_| s2.location_based)
        });
        let (scope3, scope3_partners, scope3_preliminary) =
            sum(&|e| e.scope3.as_ref().map(|s| s.total));
        ScopeSums {
            scope1,
            scope1_partners,
            scope1_preliminary,
            scope2_location,
            scope2_location_partners,
            scope2_location_preliminary,
            scope2_market,
            scope2_market_partners,
            scope2_market_preliminary,
            scope2_location_same_partners,
            scope3,
            scope3_partners,
            scope3_preliminary,
            preliminary_partners: entries.iter().filter(|e| is_preliminary(e)).count(),
        }
    }

    /// Scope 1 + scope 2 location-based: what the largest partner's and the like-for-like share
    /// are shares of. `None` when neither was reported.
    pub fn scope12(&self) -> Option<Decimal> {
        match (self.scope1, self.scope2_location) {
            (None, None) => None,
            (a, b) => Some(a.unwrap_or_default() + b.unwrap_or_default()),
        }
    }
}

pub fn is_preliminary(entry: &YearEntry) -> bool {
    entry.status == DataStatus::Preliminary
}

/// The sum of the values present, how many there were and how many of them are preliminary;
/// `None` when there were none.
fn sum_some(
    values: impl Iterator<Item = (Option<Decimal>, bool)>,
) -> (Option<Decimal>, usize, usize) {
    let (mut total, mut count, mut preliminary) = (Decimal::ZERO, 0, 0);
    for (value, is_preliminary) in values {
        if let Some(v) = value {
            total += v;
            count += 1;
            preliminary += usize::from(is_preliminary);
        }
    }
    ((count > 0).then_some(total), count, preliminary)
}

/// `part` as a percentage of `whole`; `None` when `whole` is 0.
pub fn percent(part: Decimal, whole: Decimal) -> Option<Decimal> {
    part.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(whole)
}

/// The partner whose year-Y scope 1 + scope 2 location-based is largest, and its share of the
/// network's (docs/figures.md "Largest partner").
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LargestPartner {
    pub slug: String,
    /// Its scope 1 + scope 2 location-based in Y, in tonnes.
    pub tonnes: Decimal,
    /// Of `totals.scope1 + totals.scope2_location`; `null` when that is 0.
    pub share_percent: Option<Decimal>,
}

/// Ties go to the first partner by slug; `None` when no partner gives scope 1 or 2.
pub fn largest_partner(
    entries: &[(&Partner, &YearEntry)],
    totals: &ScopeSums,
) -> Option<LargestPartner> {
    let scope12 = |e: &YearEntry| -> Option<Decimal> {
        let s1 = e.scope1.as_ref().map(|s| s.total);
        let s2 = e.scope2.map(|s| s.location_based);
        (s1.is_some() || s2.is_some()).then(|| s1.unwrap_or_default() + s2.unwrap_or_default())
    };
    let mut best: Option<(&Partner, Decimal)> = None;
    for (partner, entry) in entries {
        if let Some(t) = scope12(entry)
            && best.is_none_or(|(_, b)| t > b)
        {
            best = Some((partner, t));
        }
    }
    let (partner, tonnes) = best?;
    Some(LargestPartner {
        slug: partner.slug.clone(),
        tonnes,
        share_percent: totals.scope12().and_then(|all| percent(tonnes, all)),
    })
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use super::*;

    #[test]
    fn sums_each_scope_over_the_entries_that_give_it_with_preliminary_counts() {
        let entries = [
            year(Y).s1(10.5).s2m(2.0, 8.0).preliminary(),
            year(Y).s1(0.1).s2(0.2).s3(5.0),
            year(Y).s3(1.0).preliminary(),
        ];
        let s = ScopeSums::of(&entries);
        assert_eq!(
            (s.scope1, s.scope1_partners, s.scope1_preliminary),
            (Some(dec(10.6)), 2, 1)
        );
        assert_eq!(
            (
                s.scope2_location,
                s.scope2_location_partners,
                s.scope2_location_preliminary
            ),
            (Some(dec(2.2)), 2, 1)
        );
        assert_eq!(
            (s.scope2_market, s.scope2_market_partners),
            (Some(dec(8.0)), 1)
        );
        // Location-based over the one partner that gives market-based: 2, not 2.2.
        assert_eq!(s.scope2_location_same_partners, Some(dec(2.0)));
        assert_eq!(
            (s.scope3, s.scope3_partners, s.scope3_preliminary),
            (Some(dec(6.0)), 2, 1)
        );
        assert_eq!(s.preliminary_partners, 2);
        assert_eq!(s.scope12(), Some(dec(12.8)));
    }

    #[test]
    fn sums_decimals_without_binary_noise() {
        let entries = [year(Y).s1(0.1), year(Y).s1(0.2)];
        assert_eq!(ScopeSums::of(&entries).scope1, Some(dec(0.3)));
    }

    #[test]
    fn nobody_reporting_a_scope_leaves_it_null() {
        let s = ScopeSums::of(&[year(Y).s1(1.0)]);
        assert_eq!(
            (s.scope2_market, s.scope2_location_same_partners, s.scope3),
            (None, None, None)
        );
    }

    #[test]
    fn the_largest_partner_is_given_with_its_share_of_scope_1_and_2() {
        // a: 60 + 10 = 70, b: 25 + 5 = 30 → a has 70 % of 100.
        let a = with_emissions(
            partner("a", 'F', 1),
            vec![year(Y).s1(60.0).s2(10.0)],
            vec![],
        );
        let b = with_emissions(partner("b", 'F', 1), vec![year(Y).s1(25.0).s2(5.0)], vec![]);
        let entries: Vec<(&Partner, &YearEntry)> = [&a, &b]
            .into_iter()
            .map(|p| (p, &p.emissions.as_ref().unwrap().years[0]))
            .collect();
        let totals = ScopeSums::of(entries.iter().map(|(_, e)| *e));
        let l = largest_partner(&entries, &totals).unwrap();
        assert_eq!((l.slug.as_str(), l.tonnes), ("a", dec(70.0)));
        assert_eq!(l.share_percent, Some(dec(70.0)));
        assert_eq!(largest_partner(&[], &ScopeSums::default()), None);
    }

    #[test]
    fn the_largest_partner_may_come_last_give_one_scope_only_and_ties_go_to_the_first_slug() {
        let one = |slug: &str, entry| with_emissions(partner(slug, 'F', 1), vec![entry], vec![]);
        let pick = |partners: &[&Partner]| {
            let entries: Vec<(&Partner, &YearEntry)> = (partners.iter())
                .map(|p| (*p, &p.emissions.as_ref().unwrap().years[0]))
                .collect();
            let totals = ScopeSums::of(entries.iter().map(|(_, e)| *e));
            largest_partner(&entries, &totals).map(|l| (l.slug, l.tonnes))
        };
        // c gives scope 1 only (100 t) and comes after a (70 t): it is the largest.
        let a = one("a", year(Y).s1(60.0).s2(10.0));
        let c = one("c", year(Y).s1(100.0));
        assert_eq!(pick(&[&a, &c]), Some(("c".to_string(), dec(100.0))));
        // 50 t each: the first by slug.
        let x = one("x", year(Y).s1(40.0).s2(10.0));
        let y = one("y", year(Y).s1(50.0));
        assert_eq!(pick(&[&x, &y]), Some(("x".to_string(), dec(50.0))));
    }
}
