//! Property-style tests: on many generated networks, the breakdowns add up to the totals and
//! the counts add up to the number of partners. Test-only.
//!
//! The networks come from a fixed-seed generator, so a failure names a seed that reproduces it.

use super::testkit::*;
use super::{SiteData, aggregate};
use crate::model::{Partner, Status, YearEntry};

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
    entry
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
        for y in 2017..=Y {
            if rng.chance(60) {
                years.push(random_year(rng, y));
            }
        }
        let targets = match years.first() {
            Some(first) if rng.chance(70) => vec![target(&[1, 2], first.year, 2030, 50.0)],
            _ => Vec::new(),
        };
        p = with_emissions(p, years, targets);
    }
    p
}

fn random_network(seed: u64) -> SiteData {
    let mut rng = Rng(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let count = rng.below(14) as usize;
    let partners = (0..count).map(|i| random_partner(&mut rng, i)).collect();
    aggregate(&site(partners), rng.chance(20))
}

fn total(values: impl Iterator<Item = Option<f64>>) -> f64 {
    values.flatten().sum()
}

#[test]
fn sector_breakdown_adds_up_to_the_totals() {
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
        let t = &r.totals;
        for (name, sum, expected) in [
            (
                "scope1",
                total(rows.iter().map(|s| s.sums.scope1)),
                t.scope1,
            ),
            (
                "scope2_location",
                total(rows.iter().map(|s| s.sums.scope2_location)),
                t.scope2_location,
            ),
            (
                "scope2_market",
                total(rows.iter().map(|s| s.sums.scope2_market)),
                t.scope2_market,
            ),
            (
                "scope3",
                total(rows.iter().map(|s| s.sums.scope3)),
                t.scope3,
            ),
        ] {
            assert!(
                close(sum, expected.unwrap_or(0.0)),
                "seed {seed}: {name} {sum} vs {expected:?}"
            );
        }
        let counts =
            |f: fn(&super::ScopeSums) -> usize| rows.iter().map(|s| f(&s.sums)).sum::<usize>();
        assert_eq!(
            counts(|s| s.scope1_partners),
            t.scope1_partners,
            "seed {seed}"
        );
        assert_eq!(
            counts(|s| s.scope2_market_partners),
            t.scope2_market_partners,
            "seed {seed}"
        );
        assert_eq!(
            counts(|s| s.scope3_partners),
            t.scope3_partners,
            "seed {seed}"
        );
        assert!(
            rows.windows(2).all(|w| w[0].code < w[1].code),
            "seed {seed}: sorted by code"
        );
    }
}

#[test]
fn year_breakdown_matches_the_totals_and_the_partner_series() {
    for seed in 0..500 {
        let data = random_network(seed);
        let r = &data.results;
        let reporting_row = r.by_year.iter().find(|row| row.year == r.reporting_year);
        match reporting_row {
            Some(row) => {
                assert_eq!(row.partners, r.reporting_partners, "seed {seed}");
                assert_eq!(row.sums, r.totals, "seed {seed}");
            }
            None => assert_eq!(r.reporting_partners, 0, "seed {seed}"),
        }
        // Each row again, the long way: from every partner's series.
        for row in &r.by_year {
            let figures: Vec<_> = data
                .partners
                .iter()
                .flat_map(|p| p.series.iter().filter(|f| f.year == row.year))
                .collect();
            assert_eq!(row.partners, figures.len(), "seed {seed}, {}", row.year);
            let scope1 = total(figures.iter().map(|f| f.scope1));
            let scope3 = total(figures.iter().map(|f| f.scope3));
            assert!(close(row.sums.scope1.unwrap_or(0.0), scope1), "seed {seed}");
            assert!(close(row.sums.scope3.unwrap_or(0.0), scope3), "seed {seed}");
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
        let t = &r.targets;
        assert_eq!(
            t.achieved + t.on_track + t.off_track + t.no_data,
            t.partners_with_targets,
            "seed {seed}"
        );
        assert!(t.partners_with_targets <= r.partners, "seed {seed}");
        let l = &r.like_for_like;
        assert!(
            l.partners + l.partners_incomplete <= r.reporting_partners,
            "seed {seed}"
        );
        assert!(r.requirements.full <= r.requirements.first, "seed {seed}");
        assert!(
            r.principles.accounting_and_targets <= r.reporting_partners,
            "seed {seed}"
        );
        assert_eq!(
            r.totals.scope3.is_some(),
            r.totals.scope3_partners > 0,
            "seed {seed}"
        );
    }
}
