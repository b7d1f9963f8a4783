//! Intensities and sector medians (docs/figures.md "Intensities"): a year's scope 1 + scope 2
//! location-based per employee and per MNOK of revenue, and the median of a sector's partners
//! in the reporting year, with how many partners it covers.
//!
//! Pure. Divisions and medians are exact fractions ([`super::exact`]); the nearest `f64` is
//! taken only for JSON, tables and printing. An intensity is undefined (`None`) when the entry
//! lacks scope 1 or scope 2 location-based, or when the normaliser is missing or 0: never a
//! division by zero, never a silent 0. Nothing here formats a figure.

use num_bigint::BigInt;
use num_rational::BigRational;
use serde::Serialize;

use super::exact::{self, rational};
use super::partner::is_complete;
use crate::model::{Normaliser, YearEntry};

/// No median is given over fewer partners than this: with one or two, the "median" would be
/// a single partner's figure or the mean of two, which says nothing about a sector.
pub const MIN_MEDIAN_PARTNERS: usize = 3;

/// Scope 1 + scope 2 location-based of `entry` per unit of `per`, exactly. `None` when the
/// entry is incomplete or the normaliser is missing or 0.
pub fn intensity(entry: &YearEntry, per: Normaliser) -> Option<BigRational> {
    if !is_complete(entry) {
        return None;
    }
    let normaliser = entry
        .normaliser(per)
        .filter(|n| n.is_sign_positive() && !n.is_zero())?;
    let scope12 = entry.scope1.as_ref()?.total + entry.scope2?.location_based;
    Some(rational(scope12) / rational(normaliser))
}

/// [`intensity`] as the nearest `f64`, for tables, JSON and printing.
pub fn intensity_f64(entry: &YearEntry, per: Normaliser) -> Option<f64> {
    intensity(entry, per).map(|r| exact::to_f64(&r))
}

/// The median of `values`, exactly: the middle value of an odd count, the mean of the two
/// middle values of an even one. `None` below [`MIN_MEDIAN_PARTNERS`] values.
pub fn median(mut values: Vec<BigRational>) -> Option<BigRational> {
    if values.len() < MIN_MEDIAN_PARTNERS {
        return None;
    }
    values.sort();
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values.swap_remove(mid)
    } else {
        (&values[mid - 1] + &values[mid]) / BigRational::from_integer(BigInt::from(2))
    })
}

/// A sector's medians in the reporting year, added to its `by_sector` row of `results.json`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SectorMedians {
    /// Median t CO₂e (scope 1 + 2 location-based) per employee; `null` below 3 partners.
    pub median_per_employee: Option<f64>,
    /// The sector's partners with an intensity per employee (the median's coverage), also when
    /// they are too few for a median.
    pub median_per_employee_partners: usize,
    /// Median t CO₂e per MNOK of revenue; `null` below 3 partners.
    pub median_per_mnok: Option<f64>,
    pub median_per_mnok_partners: usize,
}

impl SectorMedians {
    /// The medians over the sector's reporting-year `entries` (one per partner).
    pub fn of<'a>(entries: impl IntoIterator<Item = &'a YearEntry>) -> Self {
        let entries: Vec<&YearEntry> = entries.into_iter().collect();
        let values = |per| -> Vec<BigRational> {
            entries.iter().filter_map(|e| intensity(e, per)).collect()
        };
        let (employee, mnok) = (
            values(Normaliser::Employee),
            values(Normaliser::RevenueMnok),
        );
        SectorMedians {
            median_per_employee_partners: employee.len(),
            median_per_employee: median(employee).map(|m| exact::to_f64(&m)),
            median_per_mnok_partners: mnok.len(),
            median_per_mnok: median(mnok).map(|m| exact::to_f64(&m)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use super::*;

    fn fraction(n: i64, d: i64) -> BigRational {
        BigRational::new(BigInt::from(n), BigInt::from(d))
    }

    fn of(values: &[(i64, i64)]) -> Option<BigRational> {
        median(values.iter().map(|&(n, d)| fraction(n, d)).collect())
    }

    #[test]
    fn divides_scope_1_and_2_location_based_by_the_normaliser_exactly() {
        // (10 + 2) / 3 employees = 4; 12 / 7 MNOK is 12/7, not its binary neighbour.
        let e = year(Y)
            .s1(10.0)
            .s2m(2.0, 50.0)
            .s3(900.0)
            .employees(3.0)
            .revenue(7.0);
        assert_eq!(intensity(&e, Normaliser::Employee), Some(fraction(4, 1)));
        assert_eq!(
            intensity(&e, Normaliser::RevenueMnok),
            Some(fraction(12, 7))
        );
        // What tables, JSON and printing get: the nearest f64 of the exact fraction.
        assert_eq!(intensity_f64(&e, Normaliser::Employee), Some(4.0));
        assert_eq!(intensity_f64(&e, Normaliser::RevenueMnok), Some(12.0 / 7.0));
        assert_eq!(intensity_f64(&year(Y).s1(10.0), Normaliser::Employee), None);
        // 0.1 + 0.2 over 0.3 MNOK is exactly 1.
        let tenths = year(Y).s1(0.1).s2(0.2).revenue(0.3);
        assert_eq!(intensity_f64(&tenths, Normaliser::RevenueMnok), Some(1.0));
    }

    #[test]
    fn has_no_intensity_without_both_scopes_or_without_a_normaliser() {
        let per = Normaliser::Employee;
        assert_eq!(intensity(&year(Y).s1(10.0).employees(5.0), per), None);
        assert_eq!(intensity(&year(Y).s2(10.0).employees(5.0), per), None);
        assert_eq!(intensity(&year(Y).s1(10.0).s2(1.0), per), None);
        // Employees given, revenue not: only the one intensity.
        let e = year(Y).s1(10.0).s2(0.0).employees(5.0);
        assert_eq!(intensity(&e, per), Some(fraction(2, 1)));
        assert_eq!(intensity(&e, Normaliser::RevenueMnok), None);
    }

    #[test]
    fn a_normaliser_of_zero_gives_no_intensity_rather_than_a_division_by_zero() {
        let e = year(Y).s1(10.0).s2(1.0).employees(0.0).revenue(0.0);
        assert_eq!(intensity(&e, Normaliser::Employee), None);
        assert_eq!(intensity(&e, Normaliser::RevenueMnok), None);
        // Zero emissions over a real normaliser is a real 0.
        let clean = year(Y).s1(0.0).s2(0.0).employees(4.0);
        assert_eq!(
            intensity(&clean, Normaliser::Employee),
            Some(fraction(0, 1))
        );
    }

    #[test]
    fn takes_the_middle_value_of_an_odd_count() {
        // 5, 1, 3 → sorted 1, 3, 5 → 3.
        assert_eq!(of(&[(5, 1), (1, 1), (3, 1)]), Some(fraction(3, 1)));
        // 1/3, 1/7, 1/5, 9, 2 → sorted 1/7, 1/5, 1/3, 2, 9 → 1/3, exactly.
        assert_eq!(
            of(&[(1, 3), (1, 7), (1, 5), (9, 1), (2, 1)]),
            Some(fraction(1, 3))
        );
    }

    #[test]
    fn takes_the_mean_of_the_two_middle_values_of_an_even_count() {
        // 4, 1, 10, 2 → sorted 1, 2, 4, 10 → (2 + 4) / 2 = 3.
        assert_eq!(of(&[(4, 1), (1, 1), (10, 1), (2, 1)]), Some(fraction(3, 1)));
        // 1/3, 1/3, 1/2, 1 → (1/3 + 1/2) / 2 = 5/12.
        assert_eq!(of(&[(1, 3), (1, 1), (1, 2), (1, 3)]), Some(fraction(5, 12)));
    }

    #[test]
    fn gives_no_median_from_fewer_than_three_values() {
        assert_eq!(of(&[]), None);
        assert_eq!(of(&[(7, 1)]), None);
        assert_eq!(of(&[(1, 1), (3, 1)]), None);
        assert_eq!(of(&[(1, 1), (3, 1), (3, 1)]), Some(fraction(3, 1)));
    }

    #[test]
    fn a_sectors_medians_count_only_the_partners_with_that_normaliser() {
        // Per employee: 12/4 = 3, 30/10 = 3, 9/1 = 9, 2/2 = 1 → 1, 3, 3, 9 → 3 over 4 partners.
        // Per MNOK: 12/6 = 2 and 30/60 = 0.5 only (the others give none, one gives 0): no
        // median, 2 partners.
        let entries = [
            year(Y).s1(10.0).s2(2.0).employees(4.0).revenue(6.0),
            year(Y).s1(30.0).s2(0.0).employees(10.0).revenue(60.0),
            year(Y).s1(8.0).s2(1.0).employees(1.0).revenue(0.0),
            year(Y).s1(1.0).s2(1.0).employees(2.0),
            // Incomplete: counts for neither.
            year(Y).s1(100.0).employees(1.0).revenue(1.0),
        ];
        let m = SectorMedians::of(&entries);
        assert_eq!(
            m,
            SectorMedians {
                median_per_employee: Some(3.0),
                median_per_employee_partners: 4,
                median_per_mnok: None,
                median_per_mnok_partners: 2,
            }
        );
    }
}
