//! Counts of partners (docs/figures.md): principles met, main-target statuses and ambition
//! classes, with the location-based status of market-based main targets. Pure.

use serde::Serialize;

use super::ambition::{self, Class, Reason};
use super::partner::PartnerData;
use super::progress::Progress;
use crate::model::{Decimal, Partner};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PrincipleCounts {
    pub accounting_and_targets: usize,
    pub supplier_requirements: usize,
    pub strategy: usize,
    pub certification: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct TargetCounts {
    /// Partners with at least one target; the six status counts add up to it.
    pub partners_with_targets: usize,
    pub achieved: usize,
    pub on_track: usize,
    pub off_track: usize,
    pub no_data: usize,
    pub not_started: usize,
    pub missed: usize,
    /// Partners whose main target is market-based (and covers scope 2).
    pub market_based: usize,
    /// How many of those are achieved or on track by location-based figures.
    pub market_based_on_track_by_location: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AmbitionCounts {
    /// Absolute targets on scopes {1, 2}, against 4.2 % a year.
    pub scope12: ClassCount,
    /// Absolute targets on scope {3}, against 2.5 % a year.
    pub scope3: ClassCount,
    /// Main targets with no benchmark (intensity, a single scope, 1+2+3, …).
    pub not_comparable: usize,
    /// Added: the partners counted in `not_comparable`, by slug, with the reason.
    pub not_comparable_partners: Vec<NotComparable>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClassCount {
    pub targets: usize,
    /// Main targets whose yearly rate is at least the benchmark.
    pub meets: usize,
    pub benchmark_percent: Decimal,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NotComparable {
    pub slug: String,
    /// `intensity`, `single_scope`, `all_scopes` or `mixed_scopes`.
    pub reason: Reason,
}

pub fn principle_counts(data: &[PartnerData]) -> PrincipleCounts {
    let count = |f: fn(&PartnerData) -> bool| data.iter().filter(|d| f(d)).count();
    PrincipleCounts {
        accounting_and_targets: count(|d| d.principles.accounting_and_targets),
        supplier_requirements: count(|d| d.principles.supplier_requirements),
        strategy: count(|d| d.principles.strategy),
        certification: count(|d| d.principles.certification),
    }
}

pub fn target_counts(data: &[PartnerData]) -> TargetCounts {
    let mut counts = TargetCounts::default();
    for main in data.iter().filter_map(|d| d.targets.get(d.main_target?)) {
        counts.partners_with_targets += 1;
        *match main.status {
            Progress::Achieved => &mut counts.achieved,
            Progress::OnTrack => &mut counts.on_track,
            Progress::OffTrack => &mut counts.off_track,
            Progress::NoData => &mut counts.no_data,
            Progress::NotStarted => &mut counts.not_started,
            Progress::Missed => &mut counts.missed,
        } += 1;
        if let Some(by_location) = main.location_status {
            counts.market_based += 1;
            counts.market_based_on_track_by_location += usize::from(by_location.is_on_track());
        }
    }
    counts
}

pub fn ambition_counts(partners: &[&Partner], data: &[PartnerData]) -> AmbitionCounts {
    let class = |benchmark_percent| ClassCount {
        targets: 0,
        meets: 0,
        benchmark_percent,
    };
    let mut counts = AmbitionCounts {
        scope12: class(ambition::SCOPE12_BENCHMARK),
        scope3: class(ambition::SCOPE3_BENCHMARK),
        not_comparable: 0,
        not_comparable_partners: Vec::new(),
    };
    for (p, d) in partners.iter().zip(data) {
        let Some(main) = d.main_target.and_then(|i| d.targets.get(i)) else {
            continue;
        };
        let a = main.ambition;
        let bucket = match a.class {
            Class::Scope12 => &mut counts.scope12,
            Class::Scope3 => &mut counts.scope3,
            Class::NotComparable => {
                counts.not_comparable += 1;
                if let Some(reason) = a.reason {
                    counts.not_comparable_partners.push(NotComparable {
                        slug: p.slug.clone(),
                        reason,
                    });
                }
                continue;
            }
        };
        bucket.targets += 1;
        bucket.meets += usize::from(a.meets == Some(true));
    }
    counts
}
