//! The network's figures (SPEC §8): totals with coverage, like-for-like change, counts of
//! principles, requirements and targets, and the breakdowns by sector, fee tier and year.
//!
//! [`NetworkResults`] serializes to exactly `/data/results.json`: the SPEC's keys in the SPEC's
//! order and nesting, plus the keys documented here as added. Pure: no IO. Scope 3 is summed as
//! reported and never added to scope 1 + 2 (partners' scope 3 may overlap each other's scope 1–3).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Serialize;

use super::partner::{PartnerData, fee_tier_index};
use super::progress::Progress;
use crate::model::{Partner, SiteConfig, YearEntry};

#[derive(Debug, Clone, Serialize)]
pub struct NetworkResults {
    /// Added: the site's `title`, so the document says which network it describes.
    pub network: String,
    pub reporting_year: i32,
    pub compare_year: i32,
    /// Serialized as `YYYY-MM-DD`.
    pub as_of: NaiveDate,
    /// Partners counted (drafts left out, unless a preview includes them).
    pub partners: usize,
    /// Partners with an entry for the reporting year.
    pub reporting_partners: usize,
    /// Over the partners with a reporting-year entry.
    pub totals: ScopeSums,
    pub like_for_like: LikeForLike,
    /// How many partners meet each principle.
    pub principles: PrincipleCounts,
    pub requirements: RequirementCounts,
    /// Partners counted by the status of their first target.
    pub targets: TargetCounts,
    /// One row per sector that has partners, by code.
    pub by_sector: Vec<SectorRow>,
    /// One row per fee tier, in `site.yaml` order, also when it has no partners.
    pub by_fee_tier: Vec<FeeTierRow>,
    /// One row per year any partner reported, ascending.
    pub by_year: Vec<YearRow>,
}

/// Sums of a set of year entries, each scope over the entries that report it, with how many do.
/// A sum is `None` (`null`) when no entry reports that scope: "not reported" is not 0 tonnes.
///
/// SPEC §8 names `scope1`, `scope2_location`, `scope2_market`, `scope2_market_partners`,
/// `scope3` and `scope3_partners`; `scope1_partners` and `scope2_location_partners` are added so
/// every sum carries its coverage.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ScopeSums {
    pub scope1: Option<f64>,
    pub scope1_partners: usize,
    pub scope2_location: Option<f64>,
    pub scope2_location_partners: usize,
    pub scope2_market: Option<f64>,
    pub scope2_market_partners: usize,
    /// As reported; never part of a scope 1 + 2 total.
    pub scope3: Option<f64>,
    pub scope3_partners: usize,
}

impl ScopeSums {
    pub fn of<'a>(entries: impl IntoIterator<Item = &'a YearEntry>) -> Self {
        let entries: Vec<&YearEntry> = entries.into_iter().collect();
        let (scope1, scope1_partners) =
            sum_some(entries.iter().map(|e| e.scope1.as_ref().map(|s| s.total)));
        let (scope2_location, scope2_location_partners) =
            sum_some(entries.iter().map(|e| e.scope2.map(|s| s.location_based)));
        let (scope2_market, scope2_market_partners) = sum_some(
            entries
                .iter()
                .map(|e| e.scope2.and_then(|s| s.market_based)),
        );
        let (scope3, scope3_partners) =
            sum_some(entries.iter().map(|e| e.scope3.as_ref().map(|s| s.total)));
        ScopeSums {
            scope1,
            scope1_partners,
            scope2_location,
            scope2_location_partners,
            scope2_market,
            scope2_market_partners,
            scope3,
            scope3_partners,
        }
    }
}

/// The sum of the values present and how many there were; `None` when there were none.
fn sum_some(values: impl Iterator<Item = Option<f64>>) -> (Option<f64>, usize) {
    let present: Vec<f64> = values.flatten().collect();
    let count = present.len();
    ((count > 0).then(|| super::sum(present)), count)
}

/// Scope 1 + scope 2 location-based for the partners that report both in both years.
///
/// SPEC §8 says "partners with entries in both C and Y". A partner counts here only when both
/// entries report scope 1 *and* scope 2 (location-based): otherwise the two years would not sum
/// the same things, and a scope added later would show up as growth. Such partners are counted
/// in `partners_incomplete` instead.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LikeForLike {
    pub partners: usize,
    /// Σ scope 1 + scope 2 location-based in the compare year; `null` with no partners.
    pub compare: Option<f64>,
    /// The same partners and scopes in the reporting year; `null` with no partners.
    pub current: Option<f64>,
    /// (current − compare)/compare·100; `null` with no partners or when `compare` is 0.
    pub change_percent: Option<f64>,
    /// Added: partners with entries in both years that are left out because scope 1 or scope 2
    /// (location-based) is missing in one of them.
    pub partners_incomplete: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PrincipleCounts {
    pub accounting_and_targets: usize,
    pub supplier_requirements: usize,
    pub strategy: usize,
    pub certification: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RequirementCounts {
    /// Partners meeting the first requirement (principle 1 and one of 2–4).
    pub first: usize,
    /// Partners meeting all four principles.
    pub full: usize,
    /// Added: the deadline for the first requirement (`requirements.first.by`).
    pub first_by: NaiveDate,
    /// Added: the deadline for the full requirement (`requirements.full.by`).
    pub full_by: NaiveDate,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TargetCounts {
    /// Partners with at least one target; the four counts below add up to it.
    pub partners_with_targets: usize,
    pub on_track: usize,
    pub off_track: usize,
    pub achieved: usize,
    pub no_data: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectorRow {
    /// SN2007 section letter.
    pub code: String,
    pub partners: usize,
    /// Added: the sector's partners with a reporting-year entry, over which the sums run.
    pub reporting_partners: usize,
    /// Reporting-year sums (SPEC: `scope1`, `scope2_location`; the other scopes are added).
    #[serde(flatten)]
    pub sums: ScopeSums,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FeeTierRow {
    pub fee_nok: u32,
    /// Added: the tier's inclusive maximum; `null` for the last tier.
    pub max_employees: Option<u32>,
    pub partners: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearRow {
    pub year: i32,
    /// Partners with an entry for this year.
    pub partners: usize,
    /// Sums over those partners (SPEC: `scope1`, `scope2_location`, `scope3`; the rest added).
    #[serde(flatten)]
    pub sums: ScopeSums,
}

/// The network's figures over `partners` (already filtered for drafts), with `data[i]` the
/// derived figures of `partners[i]`.
pub fn network_results(
    config: &SiteConfig,
    partners: &[&Partner],
    data: &[PartnerData],
) -> NetworkResults {
    let results = config.results;
    let y = results.reporting_year;
    NetworkResults {
        network: config.title.clone(),
        reporting_year: y,
        compare_year: results.compare_year,
        as_of: results.as_of,
        partners: partners.len(),
        reporting_partners: partners.iter().filter(|p| entry(p, y).is_some()).count(),
        totals: ScopeSums::of(partners.iter().filter_map(|p| entry(p, y))),
        like_for_like: like_for_like(partners, results.compare_year, y),
        principles: principle_counts(data),
        requirements: RequirementCounts {
            first: data.iter().filter(|d| d.first_requirement).count(),
            full: data.iter().filter(|d| d.full_requirement).count(),
            first_by: config.requirements.first_by,
            full_by: config.requirements.full_by,
        },
        targets: target_counts(data),
        by_sector: by_sector(partners, y),
        by_fee_tier: by_fee_tier(config, partners),
        by_year: by_year(partners),
    }
}

fn entry(partner: &Partner, year: i32) -> Option<&YearEntry> {
    partner.emissions.as_ref()?.year(year)
}

pub fn like_for_like(partners: &[&Partner], compare_year: i32, reporting_year: i32) -> LikeForLike {
    let direct = |e: &YearEntry| Some(e.scope1.as_ref()?.total + e.scope2?.location_based);
    let mut compare = Vec::new();
    let mut current = Vec::new();
    let mut partners_incomplete = 0;
    for p in partners {
        let (Some(before), Some(now)) = (entry(p, compare_year), entry(p, reporting_year)) else {
            continue;
        };
        match (direct(before), direct(now)) {
            (Some(b), Some(n)) => {
                compare.push(b);
                current.push(n);
            }
            _ => partners_incomplete += 1,
        }
    }
    let count = compare.len();
    let (compare, current) = if count == 0 {
        (None, None)
    } else {
        (Some(super::sum(compare)), Some(super::sum(current)))
    };
    let change_percent = match (compare, current) {
        (Some(c), Some(n)) if c != 0.0 => Some((n - c) / c * 100.0),
        _ => None,
    };
    LikeForLike {
        partners: count,
        compare,
        current,
        change_percent,
        partners_incomplete,
    }
}

fn principle_counts(data: &[PartnerData]) -> PrincipleCounts {
    let count = |f: fn(&PartnerData) -> bool| data.iter().filter(|d| f(d)).count();
    PrincipleCounts {
        accounting_and_targets: count(|d| d.principles.accounting_and_targets),
        supplier_requirements: count(|d| d.principles.supplier_requirements),
        strategy: count(|d| d.principles.strategy),
        certification: count(|d| d.principles.certification),
    }
}

fn target_counts(data: &[PartnerData]) -> TargetCounts {
    let mut counts = TargetCounts::default();
    for first in data.iter().filter_map(|d| d.targets.first()) {
        counts.partners_with_targets += 1;
        *match first.status {
            Progress::Achieved => &mut counts.achieved,
            Progress::OnTrack => &mut counts.on_track,
            Progress::OffTrack => &mut counts.off_track,
            Progress::NoData => &mut counts.no_data,
        } += 1;
    }
    counts
}

fn by_sector(partners: &[&Partner], year: i32) -> Vec<SectorRow> {
    let mut sectors: BTreeMap<char, Vec<&Partner>> = BTreeMap::new();
    for p in partners {
        sectors.entry(p.sector).or_default().push(p);
    }
    sectors
        .into_iter()
        .map(|(code, members)| {
            let entries: Vec<&YearEntry> = members.iter().filter_map(|p| entry(p, year)).collect();
            SectorRow {
                code: code.to_string(),
                partners: members.len(),
                reporting_partners: entries.len(),
                sums: ScopeSums::of(entries),
            }
        })
        .collect()
}

fn by_fee_tier(config: &SiteConfig, partners: &[&Partner]) -> Vec<FeeTierRow> {
    let tiers = &config.fee_tiers;
    let mut counts = vec![0; tiers.len()];
    for p in partners {
        if let Some(i) = fee_tier_index(tiers, p.employees) {
            counts[i] += 1;
        }
    }
    tiers
        .iter()
        .zip(counts)
        .map(|(t, partners)| FeeTierRow {
            fee_nok: t.fee_nok,
            max_employees: t.max_employees,
            partners,
        })
        .collect()
}

fn by_year(partners: &[&Partner]) -> Vec<YearRow> {
    let years: BTreeSet<i32> = partners
        .iter()
        .filter_map(|p| p.emissions.as_ref())
        .flat_map(|e| e.years.iter().map(|y| y.year))
        .collect();
    years
        .into_iter()
        .map(|year| {
            let entries: Vec<&YearEntry> = partners.iter().filter_map(|p| entry(p, year)).collect();
            YearRow {
                year,
                partners: entries.len(),
                sums: ScopeSums::of(entries),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::testkit::*;
    use super::super::{SiteData, aggregate};
    use super::*;
    use crate::model::Status::InPlace;

    /// Six counted partners and a draft, worked out by hand (Y = 2024, C = 2019):
    ///
    /// | slug | sector | empl. | 2019       | 2022          | 2024                  | first target            |
    /// |------|--------|-------|------------|---------------|-----------------------|-------------------------|
    /// | a    | F      | 19    | s1 100 s2 20 |             | s1 60 s2 10/m30 s3 500 | 1+2 −50 % → on track    |
    /// | b    | F      | 20    | s1 50 s2 5 |               | s1 50 s2 5 s3 100     | 1 −50 % → off track     |
    /// | c    | C      | 51    |            | s1 30 s2 3/m6 | s1 20 s2 2/m4         | 1 from 2022 −30 % → achieved |
    /// | d    | C      | 300   | s1 40      |               | s1 30 s2 7            | none                    |
    /// | e    | Q      | 501   | no emissions.yaml                                  | none                    |
    /// | g    | Q      | 301   | s1 10 s2 1 |               |                       | 1 −50 % → no data       |
    /// | f    | F      | 10    | draft: s1 1000 s2 100 both years                   | counts nowhere          |
    fn network() -> SiteData {
        let mut a = with_emissions(
            partner("a", 'F', 19),
            vec![
                year(2019).s1(100.0).s2(20.0),
                year(Y).s1(60.0).s2m(10.0, 30.0).s3(500.0),
            ],
            vec![target(&[1, 2], 2019, 2029, 50.0)],
        );
        a.principles.supplier_requirements = principle(InPlace);
        a.principles.certificates = vec![certificate(day(2026, 1, 1))];
        let mut b = with_emissions(
            partner("b", 'F', 20),
            vec![
                year(2019).s1(50.0).s2(5.0),
                year(Y).s1(50.0).s2(5.0).s3(100.0),
            ],
            vec![target(&[1], 2019, 2029, 50.0)],
        );
        b.principles.supplier_requirements = principle(InPlace);
        b.principles.strategy = principle(InPlace);
        b.principles.certificates = vec![certificate(day(2025, 12, 31))];
        let c = with_emissions(
            partner("c", 'C', 51),
            vec![
                year(2022).s1(30.0).s2m(3.0, 6.0),
                year(Y).s1(20.0).s2m(2.0, 4.0),
            ],
            vec![target(&[1], 2022, 2030, 30.0)],
        );
        let d = with_emissions(
            partner("d", 'C', 300),
            vec![year(2019).s1(40.0), year(Y).s1(30.0).s2(7.0)],
            vec![],
        );
        let mut e = partner("e", 'Q', 501);
        e.principles.strategy = principle(InPlace);
        e.principles.certificates = vec![certificate(as_of())];
        let mut f = with_emissions(
            partner("f", 'F', 10),
            vec![
                year(2019).s1(1000.0).s2(100.0),
                year(Y).s1(1000.0).s2(100.0),
            ],
            vec![target(&[1], 2019, 2029, 50.0)],
        );
        f.draft = true;
        f.principles.strategy = principle(InPlace);
        let g = with_emissions(
            partner("g", 'Q', 301),
            vec![year(2019).s1(10.0).s2(1.0)],
            vec![target(&[1], 2019, 2029, 50.0)],
        );
        aggregate(&site(vec![a, b, c, d, e, f, g]), false)
    }

    #[test]
    fn counts_partners_and_reporting_partners_without_drafts() {
        let r = network().results;
        assert_eq!((r.partners, r.reporting_partners), (6, 4));
        assert_eq!((r.reporting_year, r.compare_year, r.as_of), (Y, C, as_of()));
    }

    #[test]
    fn totals_count_each_scope_over_the_partners_that_report_it() {
        let t = network().results.totals;
        assert_eq!((t.scope1, t.scope1_partners), (Some(160.0), 4));
        assert_eq!(
            (t.scope2_location, t.scope2_location_partners),
            (Some(24.0), 4)
        );
        assert_eq!((t.scope2_market, t.scope2_market_partners), (Some(34.0), 2));
        assert_eq!((t.scope3, t.scope3_partners), (Some(600.0), 2));
    }

    #[test]
    fn like_for_like_needs_scope1_and_scope2_in_both_years() {
        // a: 120 → 70, b: 55 → 55; d lacks scope 2 in 2019; c has no 2019, g no 2024.
        let l = network().results.like_for_like;
        assert_eq!((l.partners, l.partners_incomplete), (2, 1));
        assert_eq!((l.compare, l.current), (Some(175.0), Some(125.0)));
        assert_close(l.change_percent, -50.0 / 175.0 * 100.0);
    }

    #[test]
    fn like_for_like_is_undefined_without_partners_or_with_a_zero_base() {
        let only_now = with_emissions(partner("a", 'F', 1), vec![year(Y).s1(5.0).s2(1.0)], vec![]);
        let l = like_for_like(&[&only_now], C, Y);
        assert_eq!(
            (l.partners, l.compare, l.current, l.change_percent),
            (0, None, None, None)
        );

        let from_zero = with_emissions(
            partner("a", 'F', 1),
            vec![year(C).s1(0.0).s2(0.0), year(Y).s1(5.0).s2(1.0)],
            vec![],
        );
        let l = like_for_like(&[&from_zero], C, Y);
        assert_eq!(
            (l.partners, l.compare, l.current, l.change_percent),
            (1, Some(0.0), Some(6.0), None)
        );
    }

    #[test]
    fn counts_principles_and_requirements() {
        let r = network().results;
        let p = r.principles;
        assert_eq!(
            (
                p.accounting_and_targets,
                p.supplier_requirements,
                p.strategy,
                p.certification
            ),
            (3, 2, 2, 3)
        );
        assert_eq!((r.requirements.first, r.requirements.full), (2, 1));
        assert_eq!(r.requirements.first_by, day(2022, 12, 31));
    }

    #[test]
    fn counts_partners_by_their_first_targets_status() {
        let t = network().results.targets;
        assert_eq!(
            (
                t.partners_with_targets,
                t.on_track,
                t.off_track,
                t.achieved,
                t.no_data
            ),
            (4, 1, 1, 1, 1)
        );
    }

    #[test]
    fn breaks_down_by_sector_sorted_by_code() {
        let rows = network().results.by_sector;
        let summary: Vec<_> = rows
            .iter()
            .map(|r| {
                (
                    r.code.as_str(),
                    r.partners,
                    r.reporting_partners,
                    r.sums.scope1,
                    r.sums.scope2_location,
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("C", 2, 2, Some(50.0), Some(9.0)),
                ("F", 2, 2, Some(110.0), Some(15.0)),
                ("Q", 2, 0, None, None),
            ]
        );
    }

    #[test]
    fn lists_every_fee_tier_in_site_order() {
        let rows = network().results.by_fee_tier;
        let counts: Vec<(u32, usize)> = rows.iter().map(|r| (r.fee_nok, r.partners)).collect();
        assert_eq!(
            counts,
            [
                (10_000, 1),
                (20_000, 1),
                (30_000, 2),
                (40_000, 1),
                (50_000, 1)
            ]
        );
        let empty = aggregate(&site(vec![]), false).results.by_fee_tier;
        assert_eq!(empty.len(), 5);
        assert!(empty.iter().all(|r| r.partners == 0));
        assert_eq!(empty[4].max_employees, None);
    }

    #[test]
    fn breaks_down_by_every_reported_year() {
        let rows = network().results.by_year;
        let years: Vec<(i32, usize)> = rows.iter().map(|r| (r.year, r.partners)).collect();
        assert_eq!(years, [(2019, 4), (2022, 1), (Y, 4)]);
        let y2019 = &rows[0].sums;
        assert_eq!((y2019.scope1, y2019.scope1_partners), (Some(200.0), 4));
        assert_eq!(
            (y2019.scope2_location, y2019.scope2_location_partners),
            (Some(26.0), 3)
        );
        assert_eq!((y2019.scope3, y2019.scope3_partners), (None, 0));
        assert_eq!(
            (
                rows[1].sums.scope2_market,
                rows[1].sums.scope2_market_partners
            ),
            (Some(6.0), 1)
        );
    }

    #[test]
    fn a_network_without_reports_has_null_totals() {
        let r = aggregate(&site(vec![partner("a", 'F', 1)]), false).results;
        assert_eq!((r.partners, r.reporting_partners), (1, 0));
        assert_eq!(r.totals, ScopeSums::default());
        assert!(r.by_year.is_empty());
        let json = serde_json::to_value(&r).unwrap();
        assert!(json["totals"]["scope1"].is_null());
        assert!(json["like_for_like"]["change_percent"].is_null());
    }

    #[test]
    fn serializes_the_spec_keys_in_order() {
        let json = serde_json::to_string(&network().results).unwrap();
        let order = [
            "\"reporting_year\"",
            "\"compare_year\"",
            "\"as_of\":\"2025-06-16\"",
            "\"partners\"",
            "\"reporting_partners\"",
            "\"totals\"",
            "\"like_for_like\"",
            "\"principles\"",
            "\"requirements\"",
            "\"targets\"",
            "\"by_sector\"",
            "\"by_fee_tier\"",
            "\"by_year\"",
        ];
        let positions: Vec<usize> = order
            .iter()
            .map(|k| json.find(k).unwrap_or_else(|| panic!("{k}")))
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{json}");
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["by_sector"][0]["code"], "C");
        assert_eq!(value["by_year"][0]["scope1"], 200.0);
        assert_eq!(
            value["by_fee_tier"][4]["max_employees"],
            serde_json::Value::Null
        );
    }
}
