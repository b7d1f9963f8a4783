//! The network's figures (docs/figures.md): totals with coverage and preliminary counts,
//! like-for-like change, counts of principles, requirements, target statuses and ambition
//! classes, and the breakdowns by sector, fee tier and year.
//!
//! [`NetworkResults`] serializes to exactly `/data/results.json`: the SPEC's keys in the SPEC's
//! order and nesting, plus the keys documented here as added. Years after the reporting year
//! count nowhere. Pure: no IO.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Serialize;

use super::counts::{
    AmbitionCounts, PrincipleCounts, TargetCounts, ambition_counts, principle_counts, target_counts,
};
use super::intensity::SectorMedians;
use super::like_for_like::{self, LikeForLike};
use super::partner::{PartnerData, fee_tier_index, is_complete};
use super::sums::{LargestPartner, ScopeSums, largest_partner};
use crate::model::{Partner, SiteConfig, YearEntry};

#[derive(Debug, Clone, Serialize)]
pub struct NetworkResults {
    /// Added: the site's `title`, so the document says which network it describes.
    pub network: String,
    pub reporting_year: i32,
    pub compare_year: i32,
    /// Serialized as `YYYY-MM-DD`.
    pub as_of: NaiveDate,
    /// Drafts are counted (`build --drafts`, `serve`): the figures are a preview.
    pub includes_drafts: bool,
    /// Partners counted (drafts left out, unless a preview includes them).
    pub partners: usize,
    /// Partners that report the reporting year (scope 1 and scope 2 location-based).
    pub reporting_partners: usize,
    /// Partners with a reporting-year entry that lacks scope 1 or scope 2 location-based.
    pub incomplete_partners: usize,
    /// Over the partners with a reporting-year entry, each scope over those that give it.
    pub totals: Totals,
    pub like_for_like: LikeForLike,
    /// How many partners meet each principle.
    pub principles: PrincipleCounts,
    pub requirements: RequirementCounts,
    /// Partners counted by the status of their main target.
    pub targets: TargetCounts,
    /// Partners counted by the benchmark class of their main target.
    pub ambition: AmbitionCounts,
    /// One row per sector that has partners, by code.
    pub by_sector: Vec<SectorRow>,
    /// One row per fee tier, in `site.yaml` order, also when it has no partners.
    pub by_fee_tier: Vec<FeeTierRow>,
    /// One row per year up to the reporting year that any partner has an entry for, ascending.
    pub by_year: Vec<YearRow>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Totals {
    #[serde(flatten)]
    pub sums: ScopeSums,
    /// The partner with the largest scope 1 + 2 and its share; `null` when nobody reported.
    pub largest_partner: Option<LargestPartner>,
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

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectorRow {
    /// SN2007 section letter.
    pub code: String,
    pub partners: usize,
    /// Added: the sector's partners that report the reporting year.
    pub reporting_partners: usize,
    /// Reporting-year sums (SPEC: `scope1`, `scope2_location`; the other keys are added).
    #[serde(flatten)]
    pub sums: ScopeSums,
    /// Added: the medians of the sector's reporting-year intensities, with their coverage.
    #[serde(flatten)]
    pub medians: SectorMedians,
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
    /// Partners with an entry for this year (complete or not).
    pub partners: usize,
    /// Sums over those partners, each scope with its own partner and preliminary count.
    #[serde(flatten)]
    pub sums: ScopeSums,
}

/// The network's figures over `partners` (already filtered for drafts), with `data[i]` the
/// derived figures of `partners[i]`.
pub fn network_results(
    config: &SiteConfig,
    partners: &[&Partner],
    data: &[PartnerData],
    includes_drafts: bool,
) -> NetworkResults {
    let results = config.results;
    let y = results.reporting_year;
    let entries: Vec<(&Partner, &YearEntry)> = partners
        .iter()
        .filter_map(|p| Some((*p, entry(p, y)?)))
        .collect();
    let sums = ScopeSums::of(entries.iter().map(|(_, e)| *e));
    let totals = Totals {
        largest_partner: largest_partner(&entries, &sums),
        sums,
    };
    NetworkResults {
        network: config.title.clone(),
        reporting_year: y,
        compare_year: results.compare_year,
        as_of: results.as_of,
        includes_drafts,
        partners: partners.len(),
        reporting_partners: entries.iter().filter(|(_, e)| is_complete(e)).count(),
        incomplete_partners: entries.iter().filter(|(_, e)| !is_complete(e)).count(),
        like_for_like: like_for_like::like_for_like(
            partners,
            results.compare_year,
            y,
            totals.sums.scope12(),
        ),
        totals,
        principles: principle_counts(data),
        requirements: RequirementCounts {
            first: data.iter().filter(|d| d.first_requirement).count(),
            full: data.iter().filter(|d| d.full_requirement).count(),
            first_by: config.requirements.first_by,
            full_by: config.requirements.full_by,
        },
        targets: target_counts(data),
        ambition: ambition_counts(partners, data),
        by_sector: by_sector(partners, y),
        by_fee_tier: by_fee_tier(config, partners),
        by_year: by_year(partners, y),
    }
}

fn entry(partner: &Partner, year: i32) -> Option<&YearEntry> {
    partner.emissions.as_ref()?.year(year)
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
                reporting_partners: entries.iter().filter(|e| is_complete(e)).count(),
                medians: SectorMedians::of(entries.iter().copied()),
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

/// Every year up to `reporting_year` that any partner has an entry for.
fn by_year(partners: &[&Partner], reporting_year: i32) -> Vec<YearRow> {
    let years: BTreeSet<i32> = partners
        .iter()
        .filter_map(|p| p.emissions.as_ref())
        .flat_map(|e| e.years.iter().map(|y| y.year))
        .filter(|year| *year <= reporting_year)
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
    use super::super::{Progress, Reason, SiteData, aggregate};
    use super::*;
    use crate::model::Status::InPlace;

    /// Nine counted partners and a draft, worked out by hand (Y = 2024, C = 2019):
    ///
    /// | slug | sector | empl. | entries                                            | main target → status |
    /// |------|--------|-------|----------------------------------------------------|----------------------|
    /// | a    | F | 19  | 2019 s1 100 s2 20; 2024 s1 60 s2 10/m30 s3 500          | 1+2 2019–29 −50 % → on track (70 ≤ 90) |
    /// | b    | F | 20  | 2019 s1 50 s2 5; 2024 s1 50 s2 5 s3 100 (preliminary)   | 1 −50 % → off track |
    /// | c    | C | 51  | 2022 s1 30 s2 3/m6; 2024 s1 20 s2 2/m4                  | 1+2 market 2022–30 −30 % → achieved (24 ≤ 25.2; location 22 ≤ 23.1) |
    /// | d    | C | 300 | 2019 s1 40; 2024 s1 30 s2 7                             | none |
    /// | e    | Q | 501 | no emissions.yaml                                       | none |
    /// | g    | Q | 301 | 2019 s1 10 s2 1                                         | 1 −50 % → no data |
    /// | h    | H | 5   | 2024 s1 8 (incomplete); 2025 s1 5 s2 1 (after Y)        | 1+2 from 2024 → not started |
    /// | i    | H | 6   | 2015 s1 100 s2 0; 2020 s1 70 s2 0; 2024 s1 40 s2 0      | 1+2 2015–20 −50 % → missed (70 > 50 in 2020) |
    /// | j    | G | 7   | 2019 s1 10 s2 0; 2024 s1 20 s2 0; acquisition 2021 not recalculated | none |
    /// | f    | F | 10  | draft: s1 1000 s2 100 both years                        | counts nowhere |
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
                year(Y).s1(50.0).s2(5.0).s3(100.0).preliminary(),
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
            vec![market(target(&[1, 2], 2022, 2030, 30.0))],
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
        let h = with_emissions(
            partner("h", 'H', 5),
            vec![year(Y).s1(8.0), year(2025).s1(5.0).s2(1.0)],
            vec![target(&[1, 2], Y, 2030, 50.0)],
        );
        let i = with_emissions(
            partner("i", 'H', 6),
            vec![
                year(2015).s1(100.0).s2(0.0),
                year(2020).s1(70.0).s2(0.0),
                year(Y).s1(40.0).s2(0.0),
            ],
            vec![target(&[1, 2], 2015, 2020, 50.0)],
        );
        let j = with_changes(
            with_emissions(
                partner("j", 'G', 7),
                vec![year(2019).s1(10.0).s2(0.0), year(Y).s1(20.0).s2(0.0)],
                vec![],
            ),
            vec![change(2021, false)],
        );
        aggregate(&site(vec![a, b, c, d, e, f, g, h, i, j]), false)
    }

    #[test]
    fn counts_reporting_and_incomplete_partners_without_drafts() {
        let r = network().results;
        assert_eq!(
            (r.partners, r.reporting_partners, r.incomplete_partners),
            (9, 6, 1)
        );
        assert_eq!((r.reporting_year, r.compare_year, r.as_of), (Y, C, as_of()));
        assert!(!r.includes_drafts);
    }

    #[test]
    fn totals_count_each_scope_over_the_partners_that_give_it() {
        let t = network().results.totals;
        let s = &t.sums;
        // h's incomplete entry counts for the scope it gives.
        assert_eq!(
            (s.scope1, s.scope1_partners, s.scope1_preliminary),
            (Some(dec(228.0)), 7, 1)
        );
        assert_eq!(
            (s.scope2_location, s.scope2_location_partners),
            (Some(dec(24.0)), 6)
        );
        assert_eq!(
            (s.scope2_market, s.scope2_market_partners),
            (Some(dec(34.0)), 2)
        );
        assert_eq!(s.scope2_location_same_partners, Some(dec(12.0)));
        assert_eq!(
            (s.scope3, s.scope3_partners, s.scope3_preliminary),
            (Some(dec(600.0)), 2, 1)
        );
        assert_eq!(s.preliminary_partners, 1);
        // a: 60 + 10 = 70 of 228 + 24 = 252 t.
        let largest = t.largest_partner.unwrap();
        assert_eq!(largest.slug, "a");
        assert_eq!(largest.share_percent.unwrap().round_dp(4), dec(27.7778));
    }

    #[test]
    fn like_for_like_leaves_out_incomplete_and_structurally_changed_partners() {
        // a: 120 → 70, b: 55 → 55 (preliminary); d lacks scope 2 in 2019; j bought a company
        // in 2021 without restating; c, h and i have no 2019 entry.
        let l = network().results.like_for_like;
        assert_eq!(
            (l.partners, l.partners_incomplete, l.excluded_structural),
            (2, 1, 1)
        );
        assert_eq!((l.compare, l.current), (Some(dec(175.0)), Some(dec(125.0))));
        assert_eq!(l.preliminary_partners, 1);
        assert_eq!(
            (l.final_only.partners, l.final_only.current),
            (1, Some(dec(70.0)))
        );
        assert_eq!(
            l.share_of_current_percent.unwrap().round_dp(4),
            dec(49.6032)
        );
    }

    #[test]
    fn counts_principles_and_requirements_by_the_reporting_rule() {
        let r = network().results;
        let p = r.principles;
        // h has a target but an incomplete 2024 entry: no principle 1.
        assert_eq!(
            (
                p.accounting_and_targets,
                p.supplier_requirements,
                p.strategy,
                p.certification
            ),
            (4, 2, 2, 3)
        );
        assert_eq!((r.requirements.first, r.requirements.full), (2, 1));
        assert_eq!(r.requirements.first_by, day(2022, 12, 31));
    }

    #[test]
    fn counts_partners_by_their_main_targets_status() {
        let t = network().results.targets;
        assert_eq!(
            (
                t.partners_with_targets,
                t.achieved,
                t.on_track,
                t.off_track,
                t.no_data,
                t.not_started,
                t.missed
            ),
            (6, 1, 1, 1, 1, 1, 1)
        );
        assert_eq!(
            (t.market_based, t.market_based_on_track_by_location),
            (1, 1)
        );
        let data = network();
        let c = data.partners.iter().find(|p| p.slug == "c").unwrap();
        assert_eq!(c.targets[0].location_status, Some(Progress::Achieved));
    }

    #[test]
    fn counts_ambition_by_class_and_lists_the_not_comparable() {
        // Scope 1+2: a (5 %/yr), c (3.75 %/yr), h (8.33 %/yr), i (10 %/yr). b and g: scope 1 alone.
        let a = network().results.ambition;
        assert_eq!((a.scope12.targets, a.scope12.meets), (4, 3));
        assert_eq!(a.scope12.benchmark_percent, dec(4.2));
        assert_eq!((a.scope3.targets, a.scope3.meets), (0, 0));
        assert_eq!(a.scope3.benchmark_percent, dec(2.5));
        assert_eq!(a.not_comparable, 2);
        let listed: Vec<(&str, Reason)> = a
            .not_comparable_partners
            .iter()
            .map(|n| (n.slug.as_str(), n.reason))
            .collect();
        assert_eq!(
            listed,
            [("b", Reason::SingleScope), ("g", Reason::SingleScope)]
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
                ("C", 2, 2, Some(dec(50.0)), Some(dec(9.0))),
                ("F", 2, 2, Some(dec(110.0)), Some(dec(15.0))),
                ("G", 1, 1, Some(dec(20.0)), Some(dec(0.0))),
                ("H", 2, 1, Some(dec(48.0)), Some(dec(0.0))),
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
                (10_000, 4),
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
    fn breaks_down_by_year_up_to_the_reporting_year_only() {
        let rows = network().results.by_year;
        let years: Vec<(i32, usize)> = rows.iter().map(|r| (r.year, r.partners)).collect();
        // h's 2025 entry is after Y: left out.
        assert_eq!(years, [(2015, 1), (2019, 5), (2020, 1), (2022, 1), (Y, 7)]);
        let y2019 = &rows[1].sums;
        assert_eq!((y2019.scope1, y2019.scope1_partners), (Some(dec(210.0)), 5));
        assert_eq!(
            (y2019.scope2_location, y2019.scope2_location_partners),
            (Some(dec(26.0)), 4)
        );
        assert_eq!((y2019.scope3, y2019.scope3_partners), (None, 0));
        assert_eq!(rows[4].sums.preliminary_partners, 1);
    }

    #[test]
    fn a_network_without_reports_has_null_totals() {
        let r = aggregate(&site(vec![partner("a", 'F', 1)]), false).results;
        assert_eq!((r.partners, r.reporting_partners), (1, 0));
        assert_eq!(r.totals, Totals::default());
        assert!(r.by_year.is_empty());
        let json = serde_json::to_value(&r).unwrap();
        assert!(json["totals"]["scope1"].is_null());
        assert!(json["totals"]["largest_partner"].is_null());
        assert!(json["like_for_like"]["change_percent"].is_null());
    }

    #[test]
    fn serializes_the_spec_keys_in_order_with_numbers_as_json_numbers() {
        let json = serde_json::to_string(&network().results).unwrap();
        let order = [
            "\"reporting_year\"",
            "\"compare_year\"",
            "\"as_of\":\"2025-06-16\"",
            "\"includes_drafts\":false",
            "\"partners\"",
            "\"reporting_partners\"",
            "\"incomplete_partners\"",
            "\"totals\"",
            "\"like_for_like\"",
            "\"principles\"",
            "\"requirements\"",
            "\"targets\"",
            "\"ambition\"",
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
        assert_eq!(value["by_year"][1]["scope1"], 210.0);
        assert_eq!(value["totals"]["scope1"], 228.0);
        assert_eq!(value["ambition"]["scope12"]["benchmark_percent"], 4.2);
        assert_eq!(value["totals"]["largest_partner"]["slug"], "a");
        assert_eq!(
            value["by_fee_tier"][4]["max_employees"],
            serde_json::Value::Null
        );
    }
}
