//! Target progress (SPEC §8): where a partner's target stands in the reporting year, and the
//! linear pathway from base year to target year that charts draw.
//!
//! E(y) is the sum of the target's scopes in year y (scope 2 by the target's method), divided by
//! employees or revenue for intensity targets. It is `None` whenever a needed figure is missing,
//! and so is everything computed from it. Pure: no IO.

use serde::Serialize;

use crate::model::{Emissions, Normaliser, Scope2Method, Target, TargetKind, YearEntry};

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Progress {
    Achieved,
    OnTrack,
    OffTrack,
    NoData,
}

impl Progress {
    /// The key used in `results.json` and templates: `achieved`, `on_track`, …
    pub fn key(self) -> &'static str {
        match self {
            Progress::Achieved => "achieved",
            Progress::OnTrack => "on_track",
            Progress::OffTrack => "off_track",
            Progress::NoData => "no_data",
        }
    }

    /// SPEC §8: a partner is on track when its first target is achieved or on track.
    pub fn is_on_track(self) -> bool {
        matches!(self, Progress::Achieved | Progress::OnTrack)
    }
}

/// One target in the reporting year Y. Values are tonnes, or tonnes per employee / per MNOK for
/// intensity targets.
#[derive(Debug, Clone, Serialize)]
pub struct TargetProgress {
    pub status: Progress,
    pub base_year: i32,
    pub target_year: i32,
    /// E(B).
    pub base_value: Option<f64>,
    /// E(Y).
    pub current_value: Option<f64>,
    /// expected(Y) = E(B)·(1 − r·(Y − B)/(T − B)), on the pathway. After the target year it
    /// stays at the target value (the pathway ends there); before the base year it is `None`.
    pub expected_value: Option<f64>,
    /// E(B)·(1 − r).
    pub target_value: Option<f64>,
    /// (E(Y) − E(B))/E(B)·100; `None` when E(B) is 0 or either value is missing.
    pub change_percent: Option<f64>,
    /// reduction_percent / (T − B): the target's linear yearly rate, for comparing with the
    /// 4.2 %/year a 1.5 °C pathway asks for.
    pub annual_rate_percent: f64,
    /// The linear pathway `[(B, E(B)), (T, E(B)·(1 − r))]`; empty when E(B) is `None`.
    pub pathway: Vec<(i32, f64)>,
    /// E(y) for every reported year y ≥ B where it can be computed, ascending.
    pub series: Vec<(i32, f64)>,
}

/// E(y) for one year's entry: the target's scopes summed, per normaliser for intensity targets.
/// `None` when a scope the target needs was not reported that year (a scope left out is "not
/// reported", never 0), or when the normaliser is missing or 0.
pub fn target_emissions(target: &Target, entry: &YearEntry) -> Option<f64> {
    if target.scopes.is_empty() {
        return None;
    }
    let mut parts = Vec::with_capacity(target.scopes.len());
    for scope in &target.scopes {
        parts.push(match scope {
            1 => entry.scope1.as_ref()?.total,
            2 => match target.scope2_method {
                Scope2Method::Location => entry.scope2?.location_based,
                Scope2Method::Market => entry.scope2?.market_based?,
            },
            _ => entry.scope3.as_ref()?.total,
        });
    }
    let tonnes = super::sum(parts);
    match target.kind {
        TargetKind::Absolute => Some(tonnes),
        TargetKind::Intensity(per) => {
            let denominator = match per {
                Normaliser::Employee => entry.employees,
                Normaliser::RevenueMnok => entry.revenue_mnok,
            }?;
            (denominator > 0.0).then(|| tonnes / denominator)
        }
    }
}

/// The progress of `target` in `reporting_year`.
///
/// Decisions where SPEC §8 is silent:
/// - E(B) = 0: the formula still applies (it never divides by E(B)): the target value and the
///   expected value are 0, so E(Y) = 0 is `achieved` and any emissions are `off_track`. Only
///   `change_percent` is undefined (`None`).
/// - Y before the target's own base year: `no_data` (the target has not started), and
///   `expected_value` is `None`.
/// - Y after the target year: the expected value is the target value; the status is the same as
///   the SPEC formula gives (either way only `achieved` or `off_track` are possible).
pub fn target_progress(
    target: &Target,
    emissions: &Emissions,
    reporting_year: i32,
) -> TargetProgress {
    let (b, t) = (target.base_year, target.target_year);
    let r = target.reduction_percent / 100.0;
    // Validation guarantees T > B; the guard keeps a broken model from dividing by zero.
    let span = f64::from((t - b).max(1));

    let e = |year: i32| {
        emissions
            .year(year)
            .and_then(|entry| target_emissions(target, entry))
    };
    let base_value = e(b);
    let current_value = if reporting_year >= b {
        e(reporting_year)
    } else {
        None
    };
    let target_value = base_value.map(|eb| eb * (1.0 - r));
    let expected_value = base_value.filter(|_| reporting_year >= b).map(|eb| {
        let elapsed = f64::from((reporting_year - b).min(t - b));
        eb * (1.0 - r * elapsed / span)
    });

    let status = match (current_value, target_value, expected_value) {
        (Some(ey), Some(goal), Some(expected)) => {
            if ey <= goal {
                Progress::Achieved
            } else if ey <= expected {
                Progress::OnTrack
            } else {
                Progress::OffTrack
            }
        }
        _ => Progress::NoData,
    };
    let change_percent = match (base_value, current_value) {
        (Some(eb), Some(ey)) if eb != 0.0 => Some((ey - eb) / eb * 100.0),
        _ => None,
    };
    let pathway = match (base_value, target_value) {
        (Some(eb), Some(goal)) => vec![(b, eb), (t, goal)],
        _ => Vec::new(),
    };
    let series = emissions
        .years
        .iter()
        .filter(|entry| entry.year >= b)
        .filter_map(|entry| Some((entry.year, target_emissions(target, entry)?)))
        .collect();

    TargetProgress {
        status,
        base_year: b,
        target_year: t,
        base_value,
        current_value,
        expected_value,
        target_value,
        change_percent,
        annual_rate_percent: target.reduction_percent / span,
        pathway,
        series,
    }
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
        let p = halving(Some(75.1));
        assert_eq!(p.status, Progress::OffTrack);
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
    fn draws_the_linear_pathway_and_the_yearly_rate() {
        let p = halving(Some(60.0));
        assert_eq!(p.pathway, [(2019, 100.0), (2029, 50.0)]);
        assert_eq!(p.series, [(2019, 100.0), (2024, 60.0)]);
        assert_close(Some(p.annual_rate_percent), 5.0);
    }

    #[test]
    fn has_no_data_when_a_target_scope_is_missing_in_the_base_year() {
        // Scope 2 is reported in 2024 but not in 2019: E(B) cannot be computed.
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
    fn has_no_data_when_a_target_scope_is_missing_in_the_reporting_year() {
        let e = emissions(
            vec![year(2019).s1(100.0).s3(50.0), year(Y).s1(60.0)],
            vec![],
        );
        let p = target_progress(&target(&[1, 3], 2019, 2030, 50.0), &e, Y);
        assert_eq!(p.status, Progress::NoData);
        assert_eq!(p.base_value, Some(150.0));
        assert_eq!(p.current_value, None);
    }

    #[test]
    fn sums_scope2_by_the_targets_method() {
        let e = emissions(
            vec![
                year(2019).s1(10.0).s2m(20.0, 90.0),
                year(Y).s1(10.0).s2m(20.0, 30.0),
            ],
            vec![],
        );
        let location = target_progress(&target(&[1, 2], 2019, 2030, 50.0), &e, Y);
        assert_eq!(
            (location.base_value, location.current_value),
            (Some(30.0), Some(30.0))
        );
        let by_market = target_progress(&market(target(&[1, 2], 2019, 2030, 50.0)), &e, Y);
        assert_eq!(
            (by_market.base_value, by_market.current_value),
            (Some(100.0), Some(40.0))
        );
        // Target value 50 ≥ 40.
        assert_eq!(by_market.status, Progress::Achieved);
    }

    #[test]
    fn a_market_target_has_no_data_without_market_figures() {
        let e = emissions(vec![year(2019).s2m(20.0, 90.0), year(Y).s2(20.0)], vec![]);
        let p = target_progress(&market(target(&[2], 2019, 2030, 50.0)), &e, Y);
        assert_eq!((p.status, p.current_value), (Progress::NoData, None));
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

        let e = emissions(
            vec![year(2019).s1(200.0).revenue(400.0), year(Y).s1(150.0)],
            vec![],
        );
        let p = target_progress(&per(target(&[1], 2019, 2029, 40.0), RevenueMnok), &e, Y);
        assert_eq!((p.status, p.current_value), (Progress::NoData, None));
        assert_close(p.base_value, 0.5);
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
        assert_eq!((p.base_year, p.target_year), (2022, 2030));
        assert_close(p.base_value, 80.0);
        assert_close(p.expected_value, 74.0);
        assert_close(p.target_value, 56.0);
        assert_eq!(p.status, Progress::OffTrack);
        assert_eq!(p.series, [(2022, 80.0), (2023, 77.0), (Y, 74.5)]);
        assert_eq!(p.pathway, [(2022, 80.0), (2030, 56.0)]);
        assert_close(Some(p.annual_rate_percent), 3.75);
    }

    #[test]
    fn a_base_of_zero_is_achieved_at_zero_and_off_track_above_with_no_percent() {
        let zero_now = emissions(vec![year(2019).s3(0.0), year(Y).s3(0.0)], vec![]);
        let p = target_progress(&target(&[3], 2019, 2030, 50.0), &zero_now, Y);
        assert_eq!((p.status, p.change_percent), (Progress::Achieved, None));
        assert_eq!((p.target_value, p.expected_value), (Some(0.0), Some(0.0)));

        let grew = emissions(vec![year(2019).s3(0.0), year(Y).s3(3.0)], vec![]);
        let p = target_progress(&target(&[3], 2019, 2030, 50.0), &grew, Y);
        assert_eq!((p.status, p.change_percent), (Progress::OffTrack, None));
    }

    #[test]
    fn a_target_starting_after_the_reporting_year_has_no_data_yet() {
        let e = emissions(vec![year(Y).s1(100.0), year(2025).s1(90.0)], vec![]);
        let p = target_progress(&target(&[1], 2025, 2030, 50.0), &e, Y);
        assert_eq!(p.status, Progress::NoData);
        assert_eq!((p.current_value, p.expected_value), (None, None));
        assert_eq!(p.series, [(2025, 90.0)]);
    }

    #[test]
    fn after_the_target_year_the_expected_value_is_the_target_value() {
        let e = emissions(vec![year(2015).s1(100.0), year(Y).s1(60.0)], vec![]);
        let p = target_progress(&target(&[1], 2015, 2020, 50.0), &e, Y);
        assert_close(p.expected_value, 50.0);
        assert_eq!(p.status, Progress::OffTrack);
    }

    #[test]
    fn a_full_reduction_target_is_achieved_only_at_zero() {
        let e = emissions(vec![year(2019).s1(100.0), year(Y).s1(0.5)], vec![]);
        let p = target_progress(&target(&[1], 2019, 2029, 100.0), &e, Y);
        // expected(2024) = 100·(1 − 1·5/10) = 50.
        assert_eq!((p.status, p.target_value), (Progress::OnTrack, Some(0.0)));
    }

    #[test]
    fn serializes_status_in_snake_case() {
        assert_eq!(
            serde_json::to_string(&Progress::OnTrack).unwrap(),
            "\"on_track\""
        );
        assert_eq!(Progress::NoData.key(), "no_data");
    }
}
