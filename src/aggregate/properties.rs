//! Property-style tests: on many generated networks, the breakdowns add up to the totals exactly
//! and the counts (statuses, classes, coverage, preliminary) add up. Test-only.
//!
//! The networks come from a fixed-seed generator, so a failure names a seed that reproduces it.

use super::sums::ScopeSums;
use super::testkit::*;
use super::{SiteData, YearFigures, aggregate};
use crate::model::{Decimal, Normaliser, Partner, Status, Target, YearEntry};

/// xorshift64*: small, deterministic, good enough to vary test networks.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    /// Tonnes with one decimal, like the figures partners report; sometimes exactly 0.
    fn tonnes(&mut self) -> f64 {
        if self.chance(5) {
            0.0
        } else {
            self.below(200_000) as f64 / 10.0
        }
    }
}

fn random_year(rng: &mut Rng, y: i32) -> YearEntry {
    let mut entry = year(y);
    if rng.chance(85) {
        entry = entry.s1(rng.tonnes());
    }
    if rng.chance(80) {
        entry = if rng.chance(40) {
            entry.s2m(rng.tonnes(), rng.tonnes())
        } else {
            entry.s2(rng.tonnes())
        };
    }
    if rng.chance(50) {
        entry = entry.s3(rng.tonnes());
    }
    if rng.chance(60) {
        entry = entry.employees(rng.below(600) as f64);
    }
    if rng.chance(25) {
        entry = entry.preliminary();
    }
    entry
}

fn random_target(rng: &mut Rng, first_year: i32) -> Target {
    let scopes: &[u8] = [&[1, 2][..], &[1], &[3], &[1, 2, 3], &[2]][rng.below(5) as usize];
    let base = first_year + rng.below(3) as i32;
    let end = base + 1 + rng.below(12) as i32;
    let mut t = target(scopes, base, end, (1 + rng.below(100)) as f64);
    if rng.chance(25) {
        t = market(t);
    }
    if rng.chance(15) {
        t = per(t, Normaliser::Employee);
    }
    t
}

fn random_partner(rng: &mut Rng, i: usize) -> Partner {
    let sector = ['C', 'F', 'H', 'J', 'Q'][rng.below(5) as usize];
    let mut p = partner(&format!("p{i:02}"), sector, rng.below(700) as u32);
    p.draft = rng.chance(10);
    if rng.chance(50) {
        p.principles.strategy = principle(Status::InPlace);
    }
    if rng.chance(30) {
        p.principles.certificates = vec![certificate(day(2025, 1 + rng.below(12) as u32, 1))];
    }
    if rng.chance(85) {
        let mut years: Vec<YearEntry> = Vec::new();
        // 2025 is after the reporting year: it must count nowhere in the network's figures.
        for y in 2015..=Y + 1 {
            if rng.chance(55) {
                years.push(random_year(rng, y));
            }
        }
        let targets = match years.first().map(|f| f.year) {
            Some(first) if rng.chance(75) => (0..1 + rng.below(3))
                .map(|_| random_target(rng, first))
                .collect(),
            _ => Vec::new(),
        };
        p = with_emissions(p, years, targets);
        if rng.chance(20) {
            p = with_changes(p, vec![change(2016 + rng.below(10) as i32, rng.chance(50))]);
        }
    }
    p
}

fn random_network(seed: u64) -> SiteData {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let count = rng.below(14) as usize;
    let partners = (0..count).map(|i| random_partner(&mut rng, i)).collect();
    aggregate(&site(partners), rng.chance(20))
}

/// Σ of the sums present, exactly.
fn total<'a>(values: impl Iterator<Item = &'a ScopeSums>, get: SumOf) -> Option<Decimal> {
    let present: Vec<Decimal> = values.filter_map(get).collect();
    (!present.is_empty()).then(|| present.into_iter().sum())
}

type SumOf = fn(&ScopeSums) -> Option<Decimal>;
type CountOf = fn(&ScopeSums) -> usize;

const SUMS: [(&str, SumOf); 5] = [
    ("scope1", |s| s.scope1),
    ("scope2_location", |s| s.scope2_location),
    ("scope2_market", |s| s.scope2_market),
    ("scope2_location_same_partners", |s| {
        s.scope2_location_same_partners
    }),
    ("scope3", |s| s.scope3),
];

const COUNTS: [(&str, CountOf); 9] = [
    ("scope1_partners", |s| s.scope1_partners),
    ("scope1_preliminary", |s| s.scope1_preliminary),
    ("scope2_location_partners", |s| s.scope2_location_partners),
    ("scope2_location_preliminary", |s| {
        s.scope2_location_preliminary
    }),
    ("scope2_market_partners", |s| s.scope2_market_partners),
    ("scope2_market_preliminary", |s| s.scope2_market_preliminary),
    ("scope3_partners", |s| s.scope3_partners),
    ("scope3_preliminary", |s| s.scope3_preliminary),
    ("preliminary_partners", |s| s.preliminary_partners),
];

#[test]
fn sector_breakdown_adds_up_to_the_totals_exactly() {
    for seed in 0..500 {
        let r = random_network(seed).results;
        let rows = &r.by_sector;
        assert_eq!(
            rows.iter().map(|s| s.partners).sum::<usize>(),
            r.partners,
            "seed {seed}"
        );
        assert_eq!(
            rows.iter().map(|s| s.reporting_partners).sum::<usize>(),
            r.reporting_partners,
            "seed {seed}"
        );
        let t = &r.totals.sums;
        for (name, get) in SUMS {
            assert_eq!(
                total(rows.iter().map(|s| &s.sums), get),
                get(t),
                "seed {seed}: {name}"
            );
        }
        for (name, get) in COUNTS {
            assert_eq!(
                rows.iter().map(|s| get(&s.sums)).sum::<usize>(),
                get(t),
                "seed {seed}: {name}"
            );
        }
        assert!(
            rows.windows(2).all(|w| w[0].code < w[1].code),
            "seed {seed}: sorted by code"
        );
    }
}

#[test]
fn year_breakdown_stops_at_the_reporting_year_and_matches_the_partner_series() {
    for seed in 0..500 {
        let data = random_network(seed);
        let r = &data.results;
        let reporting_row = r.by_year.iter().find(|row| row.year == r.reporting_year);
        match reporting_row {
            Some(row) => {
                assert_eq!(
                    row.partners,
                    r.reporting_partners + r.incomplete_partners,
                    "seed {seed}"
                );
                assert_eq!(row.sums, r.totals.sums, "seed {seed}");
            }
            None => assert_eq!(
                r.reporting_partners + r.incomplete_partners,
                0,
                "seed {seed}"
            ),
        }
        assert!(
            r.by_year.iter().all(|row| row.year <= r.reporting_year),
            "seed {seed}"
        );
        // Each row again, the long way: from every partner's series.
        for row in &r.by_year {
            let figures: Vec<_> = data
                .partners
                .iter()
                .flat_map(|p| p.series.iter().filter(|f| f.year == row.year))
                .collect();
            assert_eq!(row.partners, figures.len(), "seed {seed}, {}", row.year);
            let count = |get: fn(&YearFigures) -> bool| figures.iter().filter(|f| get(f)).count();
            assert_eq!(
                row.sums.scope1_partners,
                count(|f| f.scope1.is_some()),
                "seed {seed}"
            );
            assert_eq!(
                row.sums.scope3_partners,
                count(|f| f.scope3.is_some()),
                "seed {seed}"
            );
            assert_eq!(
                row.sums.preliminary_partners,
                count(|f| f.preliminary),
                "seed {seed}"
            );
            let scope1: f64 = figures.iter().filter_map(|f| f.scope1).sum();
            let exact = row.sums.scope1.map_or(0.0, crate::format::to_f64);
            assert!(close(exact, scope1), "seed {seed}");
        }
        assert!(
            r.by_year.windows(2).all(|w| w[0].year < w[1].year),
            "seed {seed}: ascending"
        );
    }
}

#[test]
fn counts_add_up_to_the_partners() {
    for seed in 0..500 {
        let data = random_network(seed);
        let r = &data.results;
        assert_eq!(r.partners, data.partners.len(), "seed {seed}");
        assert_eq!(
            r.by_fee_tier.iter().map(|t| t.partners).sum::<usize>(),
            r.partners,
            "seed {seed}"
        );
        assert!(
            r.reporting_partners + r.incomplete_partners <= r.partners,
            "seed {seed}"
        );
        let t = &r.targets;
        assert_eq!(
            t.achieved + t.on_track + t.off_track + t.no_data + t.not_started + t.missed,
            t.partners_with_targets,
            "seed {seed}"
        );
        assert!(t.partners_with_targets <= r.partners, "seed {seed}");
        assert!(
            t.market_based_on_track_by_location <= t.market_based,
            "seed {seed}"
        );
        let a = &r.ambition;
        assert_eq!(
            a.scope12.targets + a.scope3.targets + a.not_comparable,
            t.partners_with_targets,
            "seed {seed}"
        );
        assert_eq!(
            a.not_comparable_partners.len(),
            a.not_comparable,
            "seed {seed}"
        );
        assert!(a.scope12.meets <= a.scope12.targets && a.scope3.meets <= a.scope3.targets);
        let l = &r.like_for_like;
        assert!(
            l.partners + l.partners_incomplete + l.excluded_structural
                <= r.reporting_partners + r.incomplete_partners,
            "seed {seed}"
        );
        assert_eq!(
            l.final_only.partners + l.preliminary_partners,
            l.partners,
            "seed {seed}"
        );
        if let (Some(all), Some(finals)) = (l.compare, l.final_only.compare) {
            assert!(finals <= all, "seed {seed}");
        }
        assert!(r.requirements.full <= r.requirements.first, "seed {seed}");
        assert!(
            r.principles.accounting_and_targets <= r.reporting_partners,
            "seed {seed}"
        );
        assert_eq!(
            r.totals.sums.scope3.is_some(),
            r.totals.sums.scope3_partners > 0,
            "seed {seed}"
        );
        if let Some(largest) = &r.totals.largest_partner
            && let Some(share) = largest.share_percent
        {
            assert!(share <= Decimal::ONE_HUNDRED, "seed {seed}");
        }
    }
}
