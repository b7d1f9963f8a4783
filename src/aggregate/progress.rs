//! Target status (docs/figures.md "Target status"): where a partner's target stands in the
//! reporting year Y, judged exactly, and the linear pathway from base year to target year that
//! charts draw.
//!
//! E(y) is the sum of the target's scopes in year y (scope 2 by the target's method), divided by
//! employees or revenue for intensity targets. It is undefined whenever a needed figure is
//! missing or a normaliser is 0, and so is everything computed from it. Statuses are decided on
//! exact rationals ([`super::exact`]); the values kept for people are the nearest `f64`.
//! Pure: no IO.

use num_rational::BigRational;
use serde::Serialize;

use super::ambition::{self, Ambition};
use super::exact::{rational, to_f64, whole};
use crate::model::{Decimal, Emissions, Normaliser, Scope2Method, Target, TargetKind, YearEntry};

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Progress {
    Achieved,
    OnTrack,
    OffTrack,
    /// The target year has passed and the target was not reached in it.
    Missed,
    /// Y ≤ B: no progress can be judged yet.
    NotStarted,
    NoData,
}

impl Progress {
    /// A partner is on track when its main target is achieved or on track.
    pub fn is_on_track(self) -> bool {
        matches!(self, Progress::Achieved | Progress::OnTrack)
    }
}

/// One target in the reporting year Y. Values are tonnes, or tonnes per employee / per MNOK for
/// intensity targets (see `unit`), as the nearest `f64` of the exact figure.
#[derive(Debug, Clone, Serialize)]
pub struct TargetProgress {
    pub status: Progress,
    /// For a market-based target that covers scope 2: the same rule with scope 2
    /// location-based, shown beside `status`. `None` for every other target.
    pub location_status: Option<Progress>,
    pub base_year: i32,
    pub target_year: i32,
    /// The year the status is judged in: Y while the target runs, T once it has expired.
    pub judged_year: i32,
    /// `tCO2e`, `tCO2e/employee` or `tCO2e/MNOK`.
    pub unit: &'static str,
    /// E(B).
    pub base_value: Option<f64>,
    /// E(Y), when Y ≥ B.
    pub current_value: Option<f64>,
    /// E of the judged year (E(Y), or E(T) for an expired target).
    pub judged_value: Option<f64>,
    /// expected(Y) = E(B)·(1 − r·(Y − B)/(T − B)), on the pathway; after the target year the
    /// target value; `None` before the base year.
    pub expected_value: Option<f64>,
    /// E(B)·(1 − r).
    pub target_value: Option<f64>,
    /// (E(judged) − E(B))/E(B)·100; `None` when E(B) is 0 or either value is undefined.
    pub change_percent: Option<f64>,
    /// reduction_percent / (T − B): the target's linear yearly rate, in percent of the base.
    pub annual_rate_percent: f64,
    /// The benchmark class and whether the rate meets it.
    pub ambition: Ambition,
    /// The linear pathway `[(B, E(B)), (T, E(B)·(1 − r))]`; empty when E(B) is undefined.
    pub pathway: Vec<(i32, f64)>,
    /// E(y) for every reported year y ≥ B where it is defined, ascending.
    pub series: Vec<(i32, f64)>,
}

/// E(y) for one year's entry, exactly, with scope 2 by `method`. `None` when a scope the target
/// needs was not reported that year (a scope left out is "not reported", never 0), or when the
/// normaliser is missing or 0.
pub fn exact_emissions(
    target: &Target,
    method: Scope2Method,
    entry: &YearEntry,
) -> Option<BigRational> {
    if target.scopes.is_empty() {
        return None;
    }
    let mut tonnes = Decimal::ZERO;
    for scope in &target.scopes {
        tonnes += match scope {
            1 => entry.scope1.as_ref()?.total,
            2 => match method {
                Scope2Method::Location => entry.scope2?.location_based,
                Scope2Method::Market => entry.scope2?.market_based?,
            },
            _ => entry.scope3.as_ref()?.total,
        };
    }
    match target.kind {
        TargetKind::Absolute => Some(rational(tonnes)),
        TargetKind::Intensity(per) => {
            let n = entry.normaliser(per)?;
            (n > Decimal::ZERO).then(|| rational(tonnes) / rational(n))
        }
    }
}

/// E(y) by the target's own method, as the nearest `f64`.
pub fn target_emissions(target: &Target, entry: &YearEntry) -> Option<f64> {
    exact_emissions(target, target.scope2_method, entry).map(|e| to_f64(&e))
}

/// The unit of E(y).
pub fn unit(kind: TargetKind) -> &'static str {
    match kind {
        TargetKind::Absolute => "tCO2e",
        TargetKind::Intensity(Normaliser::Employee) => "tCO2e/employee",
        TargetKind::Intensity(Normaliser::RevenueMnok) => "tCO2e/MNOK",
    }
}

/// The status of `target` in year `y` with scope 2 by `method` (docs/figures.md "Target
/// status"), decided on exact rationals.
pub fn status(target: &Target, method: Scope2Method, emissions: &Emissions, y: i32) -> Progress {
    let (b, t) = (target.base_year, target.target_year);
    if y <= b {
        return Progress::NotStarted;
    }
    let e = |year: i32| {
        emissions
            .year(year)
            .and_then(|entry| exact_emissions(target, method, entry))
    };
    let judged = y.min(t);
    let (Some(eb), Some(ej)) = (e(b), e(judged)) else {
        return Progress::NoData;
    };
    let p = rational(target.reduction_percent);
    let hundred = whole(100);
    let goal = &eb * (&hundred - &p) / &hundred;
    if ej <= goal {
        return Progress::Achieved;
    }
    if y > t {
        return Progress::Missed;
    }
    // expected(Y) = E(B)·(1 − p/100 · (Y − B)/(T − B))
    let elapsed = whole(i64::from(y - b)) / whole(i64::from((t - b).max(1)));
    let expected = &eb * (whole(1) - p / hundred * elapsed);
    if ej <= expected {
        Progress::OnTrack
    } else {
        Progress::OffTrack
    }
}

/// The progress of `target` in `reporting_year`, with the values and the pathway for people.
pub fn target_progress(
    target: &Target,
    emissions: &Emissions,
    reporting_year: i32,
) -> TargetProgress {
    let (b, t) = (target.base_year, target.target_year);
    let y = reporting_year;
    // Validation guarantees T > B; the guard keeps a broken model from dividing by zero.
    let span = (t - b).max(1);
    let r = rational(target.reduction_percent) / whole(100);

    let e = |year: i32| {
        emissions
            .year(year)
            .and_then(|entry| exact_emissions(target, target.scope2_method, entry))
    };
    let base = e(b);
    let judged_year = y.min(t);
    let current = (y >= b).then(|| e(y)).flatten();
    let judged = (y >= b).then(|| e(judged_year)).flatten();
    let goal = base.as_ref().map(|eb| eb * (whole(1) - &r));
    let expected = base.as_ref().filter(|_| y >= b).map(|eb| {
        let elapsed = whole(i64::from((y - b).min(span))) / whole(i64::from(span));
        eb * (whole(1) - &r * elapsed)
    });
    let change_percent = match (&base, &judged) {
        (Some(eb), Some(ej)) if *eb != whole(0) => Some(to_f64(&((ej - eb) / eb * whole(100)))),
        _ => None,
    };
    let f = |v: &Option<BigRational>| v.as_ref().map(to_f64);
    let pathway = match (&base, &goal) {
        (Some(eb), Some(g)) => vec![(b, to_f64(eb)), (t, to_f64(g))],
        _ => Vec::new(),
    };
    let series = emissions
        .years
        .iter()
        .filter(|entry| entry.year >= b)
        .filter_map(|entry| Some((entry.year, target_emissions(target, entry)?)))
        .collect();
    let location_status = (target.scope2_method == Scope2Method::Market
        && target.scopes.contains(&2))
    .then(|| status(target, Scope2Method::Location, emissions, y));

    TargetProgress {
        status: status(target, target.scope2_method, emissions, y),
        location_status,
        base_year: b,
        target_year: t,
        judged_year,
        unit: unit(target.kind),
        base_value: f(&base),
        current_value: f(&current),
        judged_value: f(&judged),
        expected_value: f(&expected),
        target_value: f(&goal),
        change_percent,
        annual_rate_percent: to_f64(&(rational(target.reduction_percent) / whole(i64::from(span)))),
        ambition: ambition::classify(target),
        pathway,
        series,
    }
}

/// SPEC §8 main target: the first target in file order that runs in Y (B < Y ≤ T); if none
/// does, the first target. `None` without targets.
pub fn main_target(targets: &[Target], reporting_year: i32) -> Option<usize> {
    if targets.is_empty() {
        return None;
    }
    let running = targets
        .iter()
        .position(|t| t.base_year < reporting_year && reporting_year <= t.target_year);
    Some(running.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use super::*;
    use crate::model::Normaliser::{Employee, RevenueMnok};

    /// Base 2019 = 100 t, target −50 % by 2029: the pathway loses 5 t a year, so
    /// expected(2024) = 100·(1 − 0.5·5/10) = 75 and the target value is 50.
    fn halving(current: Option<f64>) -> TargetProgress {
        let mut years = vec![year(2019).s1(100.0)];
        if let Some(c) = current {
            years.push(year(Y).s1(c));
        }
        target_progress(
            &target(&[1], 2019, 2029, 50.0),
            &emissions(years, vec![]),
            Y,
        )
    }

    #[test]
    fn is_achieved_at_or_below_the_target_value() {
        assert_eq!(halving(Some(50.0)).status, Progress::Achieved);
        assert_eq!(halving(Some(10.0)).status, Progress::Achieved);
    }

    #[test]
    fn an_80_percent_cut_reached_exactly_is_achieved() {
        // In binary floating point 100·(1 − 0.8) is 19.999999999999996, and 20 t was "on track".
        let e = emissions(vec![year(2019).s1(100.0), year(Y).s1(20.0)], vec![]);
        let p = target_progress(&target(&[1], 2019, 2029, 80.0), &e, Y);
        assert_eq!(p.status, Progress::Achieved);
        assert_close(p.target_value, 20.0);
    }

    #[test]
    fn a_value_exactly_on_the_pathway_is_on_track() {
        // Base 2016 = 100 t, −55 % by 2026: expected(2024) = 100·(1 − 0.55·8/10) = 56 exactly.
        // In binary floating point the pathway is 55.99999999999999, and 56 t was off track.
        let on_line = |tonnes: f64| {
            let e = emissions(vec![year(2016).s1(100.0), year(Y).s1(tonnes)], vec![]);
            target_progress(&target(&[1], 2016, 2026, 55.0), &e, Y).status
        };
        assert_eq!(on_line(56.0), Progress::OnTrack);
        // A gram above the pathway is off track.
        assert_eq!(on_line(56.000001), Progress::OffTrack);
    }

    #[test]
    fn is_on_track_between_target_and_expected_value() {
        let p = halving(Some(75.0));
        assert_eq!(p.status, Progress::OnTrack);
        assert_close(p.expected_value, 75.0);
        assert_close(p.target_value, 50.0);
        assert_close(p.change_percent, -25.0);
        assert_eq!(halving(Some(50.1)).status, Progress::OnTrack);
    }

    #[test]
    fn is_off_track_above_the_expected_value() {
        assert_eq!(halving(Some(75.1)).status, Progress::OffTrack);
        assert_eq!(halving(Some(120.0)).status, Progress::OffTrack);
    }

    #[test]
    fn has_no_data_without_a_reporting_year_entry() {
        let p = halving(None);
        assert_eq!(p.status, Progress::NoData);
        assert_eq!((p.current_value, p.change_percent), (None, None));
        // The base and the pathway are still known, for the chart.
        assert_eq!(p.pathway, [(2019, 100.0), (2029, 50.0)]);
        assert_close(p.expected_value, 75.0);
    }

    #[test]
    fn has_not_started_when_the_reporting_year_is_the_base_year_or_before() {
        // Base year 2024 = Y: no progress can be judged, whatever the figures.
        let e = emissions(vec![year(Y).s1(100.0), year(2025).s1(90.0)], vec![]);
        let p = target_progress(&target(&[1], Y, 2030, 50.0), &e, Y);
        assert_eq!(p.status, Progress::NotStarted);
        assert_close(p.current_value, 100.0);
        let p = target_progress(&target(&[1], 2025, 2030, 50.0), &e, Y);
        assert_eq!(p.status, Progress::NotStarted);
        assert_eq!((p.current_value, p.expected_value), (None, None));
        assert_eq!(p.series, [(2025, 90.0)]);
    }

    #[test]
    fn an_expired_target_is_judged_in_its_target_year() {
        // Base 2015 = 100 t, −50 % by 2020. 2020: 60 t (missed); 2024: 40 t. The target
        // stays missed although 2024 is below the target value.
        let e = emissions(
            vec![year(2015).s1(100.0), year(2020).s1(60.0), year(Y).s1(40.0)],
            vec![],
        );
        let p = target_progress(&target(&[1], 2015, 2020, 50.0), &e, Y);
        assert_eq!((p.status, p.judged_year), (Progress::Missed, 2020));
        assert_close(p.judged_value, 60.0);
        assert_close(p.change_percent, -40.0);
        assert_close(p.expected_value, 50.0);
        // Reached in 2020: achieved.
        let e = emissions(vec![year(2015).s1(100.0), year(2020).s1(50.0)], vec![]);
        let p = target_progress(&target(&[1], 2015, 2020, 50.0), &e, Y);
        assert_eq!(p.status, Progress::Achieved);
        // No 2020 entry: no data, even with a 2024 entry.
        let e = emissions(vec![year(2015).s1(100.0), year(Y).s1(10.0)], vec![]);
        let p = target_progress(&target(&[1], 2015, 2020, 50.0), &e, Y);
        assert_eq!(p.status, Progress::NoData);
    }

    #[test]
    fn a_target_ending_in_the_reporting_year_is_judged_there() {
        // T = Y: B < Y ≤ T, so on track and achieved both possible; expected = target value.
        let e = emissions(vec![year(2019).s1(100.0), year(Y).s1(60.0)], vec![]);
        let p = target_progress(&target(&[1], 2019, Y, 50.0), &e, Y);
        assert_eq!((p.status, p.judged_year), (Progress::OffTrack, Y));
    }

    #[test]
    fn draws_the_linear_pathway_and_the_yearly_rate() {
        let p = halving(Some(60.0));
        assert_eq!(p.pathway, [(2019, 100.0), (2029, 50.0)]);
        assert_eq!(p.series, [(2019, 100.0), (2024, 60.0)]);
        assert_close(Some(p.annual_rate_percent), 5.0);
        assert_eq!(p.unit, "tCO2e");
    }

    #[test]
    fn has_no_data_when_a_target_scope_is_missing_in_the_base_year() {
        let e = emissions(
            vec![year(2019).s1(100.0), year(Y).s1(60.0).s2(10.0)],
            vec![],
        );
        let p = target_progress(&target(&[1, 2], 2019, 2030, 50.0), &e, Y);
        assert_eq!(p.status, Progress::NoData);
        assert_eq!(
            (p.base_value, p.expected_value, p.target_value),
            (None, None, None)
        );
        assert!(p.pathway.is_empty());
        assert_eq!(p.series, [(Y, 70.0)]);
    }

    #[test]
    fn sums_scope2_by_the_targets_method_and_gives_the_location_status_beside_it() {
        // Location: 30 → 35 (off track). Market: 100 → 40, target value 50: achieved.
        let e = emissions(
            vec![
                year(2019).s1(10.0).s2m(20.0, 90.0),
                year(Y).s1(10.0).s2m(25.0, 30.0),
            ],
            vec![],
        );
        let location = target_progress(&target(&[1, 2], 2019, 2030, 50.0), &e, Y);
        assert_eq!(
            (location.base_value, location.current_value),
            (Some(30.0), Some(35.0))
        );
        assert_eq!(
            (location.status, location.location_status),
            (Progress::OffTrack, None)
        );
        let by_market = target_progress(&market(target(&[1, 2], 2019, 2030, 50.0)), &e, Y);
        assert_eq!(
            (by_market.base_value, by_market.current_value),
            (Some(100.0), Some(40.0))
        );
        assert_eq!(by_market.status, Progress::Achieved);
        assert_eq!(by_market.location_status, Some(Progress::OffTrack));
    }

    #[test]
    fn a_market_target_has_no_data_without_market_figures() {
        let e = emissions(vec![year(2019).s2m(20.0, 90.0), year(Y).s2(20.0)], vec![]);
        let p = target_progress(&market(target(&[2], 2019, 2030, 50.0)), &e, Y);
        assert_eq!((p.status, p.current_value), (Progress::NoData, None));
        assert_eq!(p.location_status, Some(Progress::OffTrack));
    }

    #[test]
    fn divides_intensity_targets_by_the_years_own_normaliser() {
        // 2019: 200 t / 100 employees = 2.0; 2024: 150 t / 120 employees = 1.25.
        // −40 % by 2029: target value 1.2, expected(2024) = 2·(1 − 0.4·5/10) = 1.6.
        let e = emissions(
            vec![
                year(2019).s1(200.0).employees(100.0),
                year(Y).s1(150.0).employees(120.0),
            ],
            vec![],
        );
        let p = target_progress(&per(target(&[1], 2019, 2029, 40.0), Employee), &e, Y);
        assert_close(p.base_value, 2.0);
        assert_close(p.current_value, 1.25);
        assert_close(p.target_value, 1.2);
        assert_close(p.expected_value, 1.6);
        assert_close(p.change_percent, -37.5);
        assert_eq!((p.status, p.unit), (Progress::OnTrack, "tCO2e/employee"));
    }

    #[test]
    fn an_intensity_exactly_on_its_pathway_is_on_track() {
        // 2019: 90 t / 30 employees = 3; 2024: 70 t / 28 employees = 2.5.
        // −33⅓ % is not a decimal; −30 % by 2025 gives expected(2024) = 3·(1 − 0.3·5/6) = 2.25.
        // 2024 at 63 t / 28 = 2.25 exactly: on track (thirds and sevenths never meet a float).
        let e = emissions(
            vec![
                year(2019).s1(90.0).employees(30.0),
                year(Y).s1(63.0).employees(28.0),
            ],
            vec![],
        );
        let p = target_progress(&per(target(&[1], 2019, 2025, 30.0), Employee), &e, Y);
        assert_eq!(p.status, Progress::OnTrack);
    }

    #[test]
    fn an_intensity_denominator_of_zero_or_missing_means_no_data() {
        let e = emissions(
            vec![
                year(2019).s1(200.0).revenue(0.0),
                year(Y).s1(150.0).revenue(300.0),
            ],
            vec![],
        );
        let p = target_progress(&per(target(&[1], 2019, 2029, 40.0), RevenueMnok), &e, Y);
        assert_eq!((p.status, p.base_value), (Progress::NoData, None));
        assert!(p.pathway.is_empty());
        assert_eq!(p.series, [(Y, 0.5)]);
        assert_eq!(p.unit, "tCO2e/MNOK");
    }

    #[test]
    fn a_target_with_its_own_base_year_starts_there() {
        // File base year 2019, target base 2022 = 80 t, −30 % by 2030 (8 years):
        // expected(2024) = 80·(1 − 0.3·2/8) = 74, target value 56.
        let e = emissions(
            vec![
                year(2019).s1(100.0),
                year(2022).s1(80.0),
                year(2023).s1(77.0),
                year(Y).s1(74.5),
            ],
            vec![],
        );
        let p = target_progress(&target(&[1], 2022, 2030, 30.0), &e, Y);
        assert_close(p.expected_value, 74.0);
        assert_close(p.target_value, 56.0);
        assert_eq!(p.status, Progress::OffTrack);
        assert_eq!(p.series, [(2022, 80.0), (2023, 77.0), (Y, 74.5)]);
        assert_close(Some(p.annual_rate_percent), 3.75);
        let on_line = emissions(vec![year(2022).s1(80.0), year(Y).s1(74.0)], vec![]);
        let p = target_progress(&target(&[1], 2022, 2030, 30.0), &on_line, Y);
        assert_eq!(p.status, Progress::OnTrack);
    }

    #[test]
    fn a_base_of_zero_is_achieved_at_zero_and_off_track_above_with_no_percent() {
        let zero_now = emissions(vec![year(2019).s3(0.0), year(Y).s3(0.0)], vec![]);
        let p = target_progress(&target(&[3], 2019, 2030, 50.0), &zero_now, Y);
        assert_eq!((p.status, p.change_percent), (Progress::Achieved, None));
        let grew = emissions(vec![year(2019).s3(0.0), year(Y).s3(3.0)], vec![]);
        let p = target_progress(&target(&[3], 2019, 2030, 50.0), &grew, Y);
        assert_eq!((p.status, p.change_percent), (Progress::OffTrack, None));
    }

    #[test]
    fn a_full_reduction_target_is_achieved_only_at_zero() {
        let e = emissions(vec![year(2019).s1(100.0), year(Y).s1(0.5)], vec![]);
        let p = target_progress(&target(&[1], 2019, 2029, 100.0), &e, Y);
        // expected(2024) = 100·(1 − 1·5/10) = 50.
        assert_eq!((p.status, p.target_value), (Progress::OnTrack, Some(0.0)));
    }

    #[test]
    fn the_main_target_is_the_first_that_runs_in_the_reporting_year() {
        let expired = target(&[1], 2015, 2020, 50.0);
        let running = target(&[1], 2019, 2030, 50.0);
        let future = target(&[1], Y, 2030, 50.0);
        assert_eq!(main_target(&[expired.clone(), running.clone()], Y), Some(1));
        assert_eq!(main_target(&[running.clone(), expired.clone()], Y), Some(0));
        assert_eq!(main_target(&[future.clone(), expired.clone()], Y), Some(0));
        // T = Y still runs; B = Y does not.
        assert_eq!(
            main_target(&[future, target(&[1], 2019, Y, 50.0)], Y),
            Some(1)
        );
        assert_eq!(main_target(&[], Y), None);
    }

    #[test]
    fn serializes_status_in_snake_case() {
        assert_eq!(
            serde_json::to_string(&Progress::NotStarted).unwrap(),
            "\"not_started\""
        );
    }

    #[test]
    fn a_target_based_in_the_reporting_year_is_not_started_but_shows_its_figures_for_that_year() {
        // B = Y, the usual case for a new partner: `not_started`, yet E(Y) is known and is the
        // judged value, the expected value (no time has passed) and a change of 0 %.
        let e = emissions(vec![year(Y).s1(100.0)], vec![]);
        let p = target_progress(&target(&[1], Y, 2030, 50.0), &e, Y);
        assert_eq!((p.status, p.judged_year), (Progress::NotStarted, Y));
        assert_close(p.current_value, 100.0);
        assert_close(p.judged_value, 100.0);
        assert_close(p.expected_value, 100.0);
        assert_close(p.change_percent, 0.0);
        assert_eq!(p.pathway, [(Y, 100.0), (2030, 50.0)]);
        // One year earlier nothing of Y is judged: B > Y.
        let p = target_progress(&target(&[1], Y + 1, 2030, 50.0), &e, Y);
        assert_eq!(
            (p.status, p.judged_value, p.change_percent),
            (Progress::NotStarted, None, None)
        );
    }

    #[test]
    fn zero_employees_in_the_reporting_year_means_no_data_not_a_division() {
        let e = emissions(
            vec![
                year(2019).s1(200.0).employees(100.0),
                year(Y).s1(150.0).employees(0.0),
            ],
            vec![],
        );
        let p = target_progress(&per(target(&[1], 2019, 2029, 40.0), Employee), &e, Y);
        assert_eq!((p.status, p.current_value), (Progress::NoData, None));
        assert_eq!((p.judged_value, p.change_percent), (None, None));
        assert_close(p.base_value, 2.0);
        assert_eq!(p.series, [(2019, 2.0)]);
    }
}
