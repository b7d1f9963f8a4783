//! One partner's derived figures (SPEC §8): fee, the four principles, the two requirements, the
//! series per year and scope, and the progress of each target.
//!
//! Pure: no IO, no clock — a certificate is valid when it runs at least to `results.as_of`.
//! Nothing here looks at other partners; network figures live in [`super::network`].

use serde::Serialize;

use super::intensity::intensity_f64;
use super::progress::{self, TargetProgress};
use crate::format::to_f64;
use crate::model::{
    DataStatus, FeeTier, Normaliser, Partner, Principle, SiteConfig, Status, YearEntry,
};

#[derive(Debug, Clone, Serialize)]
pub struct PartnerData {
    pub slug: String,
    /// The fee of the partner's tier (SPEC §8); 0 only if the site has no tier for it, which
    /// validation rules out.
    pub fee_nok: u32,
    pub principles: PrincipleFlags,
    /// Principle 1 and at least one of 2–4.
    pub first_requirement: bool,
    /// All four principles.
    pub full_requirement: bool,
    /// The partner reports the reporting year: its entry gives scope 1 and scope 2
    /// location-based (docs/figures.md "Reports year y").
    pub reports_reporting_year: bool,
    /// The partner has a reporting-year entry that lacks scope 1 or scope 2 location-based.
    pub incomplete_reporting_year: bool,
    /// One per year entry, ascending; empty without `emissions.yaml`.
    pub series: Vec<YearFigures>,
    /// Same order as `emissions.targets`.
    pub targets: Vec<TargetProgress>,
    /// The index in `targets` of the main target: the first that runs in the reporting year,
    /// else the first (docs/figures.md "Main target"). `None` without targets.
    pub main_target: Option<usize>,
    /// The main target is achieved or on track. `None` when the partner has no targets;
    /// `Some(false)` when the main target has no data or has not started.
    pub on_track: Option<bool>,
}

/// The four principles of the partner model, each met or not.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct PrincipleFlags {
    /// 1: reports the reporting year (scope 1 and scope 2 location-based) and has a target.
    pub accounting_and_targets: bool,
    /// 2: `supplier_requirements.status: in_place`.
    pub supplier_requirements: bool,
    /// 3: `strategy.status: in_place`.
    pub strategy: bool,
    /// 4: at least one certificate valid on `as_of` (`valid_until` ≥ `as_of`).
    pub certification: bool,
}

impl PrincipleFlags {
    pub fn first_requirement(self) -> bool {
        self.accounting_and_targets
            && (self.supplier_requirements || self.strategy || self.certification)
    }

    pub fn full_requirement(self) -> bool {
        self.accounting_and_targets
            && self.supplier_requirements
            && self.strategy
            && self.certification
    }
}

/// A partner's figures for one year, in tonnes CO₂e, as the nearest `f64` of the exact figures
/// (for tables and charts). `None`: not reported (never 0).
#[derive(Debug, Clone, Serialize)]
pub struct YearFigures {
    pub year: i32,
    pub preliminary: bool,
    /// The entry gives scope 1 and scope 2 location-based, so the partner reports this year.
    pub complete: bool,
    pub scope1: Option<f64>,
    pub scope2_location: Option<f64>,
    pub scope2_market: Option<f64>,
    pub scope3: Option<f64>,
    pub employees: Option<f64>,
    pub revenue_mnok: Option<f64>,
    /// Scope 1 + scope 2 location-based per employee (docs/figures.md "Intensities"); `None`
    /// when either scope or `employees` is missing, or `employees` is 0.
    pub per_employee: Option<f64>,
    /// The same per MNOK of revenue (`revenue_mnok`).
    pub per_mnok: Option<f64>,
}

impl YearFigures {
    pub fn from_entry(entry: &YearEntry) -> Self {
        YearFigures {
            year: entry.year,
            preliminary: entry.status == DataStatus::Preliminary,
            complete: is_complete(entry),
            scope1: entry.scope1.as_ref().map(|s| to_f64(s.total)),
            scope2_location: entry.scope2.map(|s| to_f64(s.location_based)),
            scope2_market: entry.scope2.and_then(|s| s.market_based).map(to_f64),
            scope3: entry.scope3.as_ref().map(|s| to_f64(s.total)),
            employees: entry.employees.map(to_f64),
            revenue_mnok: entry.revenue_mnok.map(to_f64),
            per_employee: intensity_f64(entry, Normaliser::Employee),
            per_mnok: intensity_f64(entry, Normaliser::RevenueMnok),
        }
    }
}

pub fn partner_data(partner: &Partner, config: &SiteConfig) -> PartnerData {
    let reporting_year = config.results.reporting_year;
    let principles = principles(partner, config);
    let (series, targets) = match &partner.emissions {
        Some(e) => (
            e.years.iter().map(YearFigures::from_entry).collect(),
            e.targets
                .iter()
                .map(|t| progress::target_progress(t, e, reporting_year))
                .collect(),
        ),
        None => (Vec::new(), Vec::new()),
    };
    let main_target = partner
        .emissions
        .as_ref()
        .and_then(|e| progress::main_target(&e.targets, reporting_year));
    let on_track = main_target.map(|i| targets[i].status.is_on_track());
    let entry = partner
        .emissions
        .as_ref()
        .and_then(|e| e.year(reporting_year));
    PartnerData {
        slug: partner.slug.clone(),
        fee_nok: fee_tier(&config.fee_tiers, partner.employees).map_or(0, |t| t.fee_nok),
        principles,
        first_requirement: principles.first_requirement(),
        full_requirement: principles.full_requirement(),
        reports_reporting_year: reports(partner, reporting_year),
        incomplete_reporting_year: entry.is_some_and(|e| !is_complete(e)),
        series,
        targets,
        main_target,
        on_track,
    }
}

/// The first tier whose `max_employees` ≥ `employees`; the last tier (no maximum) takes the rest.
pub fn fee_tier(tiers: &[FeeTier], employees: u32) -> Option<&FeeTier> {
    fee_tier_index(tiers, employees).map(|i| &tiers[i])
}

/// The position of [`fee_tier`] in `tiers`.
pub fn fee_tier_index(tiers: &[FeeTier], employees: u32) -> Option<usize> {
    tiers
        .iter()
        .position(|t| t.max_employees.is_none_or(|max| employees <= max))
}

/// The partner reports `year`: its entry for that year is complete (docs/figures.md "Reports
/// year y").
pub fn reports(partner: &Partner, year: i32) -> bool {
    partner
        .emissions
        .as_ref()
        .and_then(|e| e.year(year))
        .is_some_and(is_complete)
}

/// An entry is complete when it gives scope 1 and scope 2 location-based; otherwise it counts
/// only for the scopes it gives.
pub fn is_complete(entry: &YearEntry) -> bool {
    entry.scope1.is_some() && entry.scope2.is_some()
}

/// The four principles of SPEC §8, judged on the reporting year and on `as_of`.
pub fn principles(partner: &Partner, config: &SiteConfig) -> PrincipleFlags {
    let in_place = |p: &Option<Principle>| p.as_ref().is_some_and(|p| p.status == Status::InPlace);
    let has_targets = partner
        .emissions
        .as_ref()
        .is_some_and(|e| !e.targets.is_empty());
    PrincipleFlags {
        accounting_and_targets: reports(partner, config.results.reporting_year) && has_targets,
        supplier_requirements: in_place(&partner.principles.supplier_requirements),
        strategy: in_place(&partner.principles.strategy),
        certification: partner
            .principles
            .certificates
            .iter()
            .any(|c| c.valid_until >= config.results.as_of),
    }
}

#[cfg(test)]
mod tests {
    use super::super::progress::Progress;
    use super::super::testkit::*;
    use super::*;

    fn fee(employees: u32) -> u32 {
        partner_data(&partner("p", 'F', employees), &config()).fee_nok
    }

    #[test]
    fn picks_the_first_fee_tier_whose_maximum_holds_the_employees() {
        assert_eq!(fee(0), 10_000);
        assert_eq!(fee(19), 10_000);
        assert_eq!(fee(20), 20_000);
        assert_eq!(fee(50), 20_000);
        assert_eq!(fee(51), 30_000);
        assert_eq!(fee(300), 30_000);
        assert_eq!(fee(301), 40_000);
        assert_eq!(fee(500), 40_000);
        assert_eq!(fee(501), 50_000);
        assert_eq!(fee(100_000), 50_000);
    }

    #[test]
    fn a_certificate_valid_exactly_on_as_of_counts() {
        let mut p = partner("p", 'F', 10);
        p.principles.certificates = vec![certificate(as_of())];
        assert!(principles(&p, &config()).certification);
        p.principles.certificates = vec![certificate(day(2025, 6, 15))];
        assert!(!principles(&p, &config()).certification);
        // One valid certificate among expired ones is enough.
        p.principles.certificates =
            vec![certificate(day(2020, 1, 1)), certificate(day(2027, 1, 1))];
        assert!(principles(&p, &config()).certification);
    }

    #[test]
    fn only_in_place_counts_for_supplier_requirements_and_strategy() {
        let mut p = partner("p", 'F', 10);
        for status in [Status::InProgress, Status::Planned, Status::NotStarted] {
            p.principles.supplier_requirements = principle(status);
            p.principles.strategy = principle(status);
            let f = principles(&p, &config());
            assert!(!f.supplier_requirements && !f.strategy, "{status:?}");
        }
        p.principles.supplier_requirements = principle(Status::InPlace);
        p.principles.strategy = principle(Status::InPlace);
        let f = principles(&p, &config());
        assert!(f.supplier_requirements && f.strategy);
    }

    #[test]
    fn accounting_and_targets_needs_a_reporting_year_entry_and_a_target() {
        let t = || target(&[1], C, 2030, 50.0);
        let both = with_emissions(
            partner("p", 'F', 10),
            vec![year(C).s1(1.0), year(Y).s1(1.0).s2(0.0)],
            vec![t()],
        );
        let no_target =
            with_emissions(partner("p", 'F', 10), vec![year(Y).s1(1.0).s2(1.0)], vec![]);
        let old_year = with_emissions(partner("p", 'F', 10), vec![year(C).s1(1.0)], vec![t()]);
        let no_file = partner("p", 'F', 10);
        assert!(principles(&both, &config()).accounting_and_targets);
        assert!(!principles(&no_target, &config()).accounting_and_targets);
        assert!(!principles(&old_year, &config()).accounting_and_targets);
        assert!(!principles(&no_file, &config()).accounting_and_targets);
    }

    #[test]
    fn an_incomplete_entry_is_not_reporting_and_does_not_meet_principle_1() {
        // Scope 1 only, or scope 2 only, or nothing at all: the entry counts for the scopes it
        // gives, but the partner does not report the year.
        for entry in [year(Y).s1(5.0), year(Y).s2(5.0), year(Y).s3(5.0), year(Y)] {
            let p = with_emissions(
                partner("p", 'F', 10),
                vec![year(C).s1(1.0).s2(1.0), entry],
                vec![target(&[1], C, 2030, 50.0)],
            );
            let d = partner_data(&p, &config());
            assert!(!d.reports_reporting_year);
            assert!(d.incomplete_reporting_year);
            assert!(!d.principles.accounting_and_targets);
            assert!(!d.series[1].complete);
        }
    }

    #[test]
    fn requirements_follow_the_principles() {
        let flags = |a, s, st, c| PrincipleFlags {
            accounting_and_targets: a,
            supplier_requirements: s,
            strategy: st,
            certification: c,
        };
        // Accounting and targets plus any one of the other three.
        assert!(flags(true, false, false, true).first_requirement());
        assert!(flags(true, true, false, false).first_requirement());
        assert!(flags(true, false, true, false).first_requirement());
        assert!(!flags(true, false, false, false).first_requirement());
        assert!(!flags(false, true, true, true).first_requirement());
        assert!(flags(true, true, true, true).full_requirement());
        assert!(!flags(true, true, true, false).full_requirement());
        assert!(!flags(false, true, true, true).full_requirement());
    }

    #[test]
    fn a_partner_without_emissions_file_has_empty_series_and_no_targets() {
        let d = partner_data(&partner("ny", 'S', 7), &config());
        assert!(d.series.is_empty() && d.targets.is_empty());
        assert_eq!((d.on_track, d.reports_reporting_year), (None, false));
        assert_eq!((d.first_requirement, d.full_requirement), (false, false));
        assert_eq!(d.fee_nok, 10_000);
    }

    #[test]
    fn keeps_scope2_location_and_market_apart_in_the_series() {
        let p = with_emissions(
            partner("p", 'F', 10),
            vec![
                year(C).s1(10.0).s2(4.0),
                year(Y)
                    .s2m(3.0, 30.0)
                    .s3(99.0)
                    .employees(12.0)
                    .preliminary(),
            ],
            vec![],
        );
        let d = partner_data(&p, &config());
        let (first, last) = (&d.series[0], &d.series[1]);
        assert_eq!(
            (first.year, first.preliminary, first.scope2_market),
            (C, false, None)
        );
        assert_eq!((first.scope1, first.scope3), (Some(10.0), None));
        assert_eq!((last.year, last.preliminary, last.scope1), (Y, true, None));
        assert_eq!(
            (last.scope2_location, last.scope2_market),
            (Some(3.0), Some(30.0))
        );
        assert_eq!(
            (last.scope3, last.employees, last.revenue_mnok),
            (Some(99.0), Some(12.0), None)
        );
    }

    #[test]
    fn is_on_track_by_its_main_target_not_an_expired_first_target() {
        // First target expired in 2020 and was missed there; the second runs 2019–2029 and is
        // on track (100 → 60, expected 75). The main target is the second.
        let p = with_emissions(
            partner("p", 'F', 10),
            vec![
                year(2015).s1(200.0),
                year(C).s1(100.0),
                year(2020).s1(150.0),
                year(Y).s1(60.0),
            ],
            vec![target(&[1], 2015, 2020, 50.0), target(&[1], C, 2029, 50.0)],
        );
        let d = partner_data(&p, &config());
        assert_eq!(d.targets[0].status, Progress::Missed);
        assert_eq!((d.main_target, d.on_track), (Some(1), Some(true)));
    }

    #[test]
    fn is_on_track_by_its_first_target_only() {
        // First target (scope 1, −50 % by 2029): 100 → 60, expected 75: on track.
        // Second target (scope 2): 10 → 12: off track. Only the first counts.
        let p = with_emissions(
            partner("p", 'F', 10),
            vec![year(C).s1(100.0).s2(10.0), year(Y).s1(60.0).s2(12.0)],
            vec![target(&[1], C, 2029, 50.0), target(&[2], C, 2029, 50.0)],
        );
        let d = partner_data(&p, &config());
        let statuses: Vec<Progress> = d.targets.iter().map(|t| t.status).collect();
        assert_eq!(statuses, [Progress::OnTrack, Progress::OffTrack]);
        assert_eq!((d.main_target, d.on_track), (Some(0), Some(true)));
    }

    #[test]
    fn a_first_target_without_data_is_not_on_track() {
        let p = with_emissions(
            partner("p", 'F', 10),
            vec![year(C).s1(100.0)],
            vec![target(&[1], C, 2029, 50.0)],
        );
        let d = partner_data(&p, &config());
        assert_eq!(
            (d.targets[0].status, d.on_track),
            (Progress::NoData, Some(false))
        );
    }
}
