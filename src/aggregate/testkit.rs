//! Builders for small, hand-made networks in the aggregate tests. Test-only.
//!
//! Defaults follow the bundled example: reporting year 2024, compare year 2019, as of
//! 2025-06-16, the five NFK fee tiers. Everything a test does not set is "not reported".

use chrono::NaiveDate;

use crate::model::{
    Certificate, ChangeKind, DataStatus, Decimal, Emissions, FeeTier, Language, Normaliser,
    Partner, Principle, Principles, Requirements, ResultsConfig, Sbti, Scheme, Scope, Scope2,
    Scope2Method, Site, SiteConfig, Status, StructuralChange, Target, TargetKind, YearEntry,
};

pub const Y: i32 = 2024;

/// `v` as the exact decimal an editor would have written (`12.4` → 12.4), as `validate` reads it.
pub fn dec(v: f64) -> Decimal {
    crate::validate::exact_decimal(v).expect("a figure with at most 15 significant digits")
}
pub const C: i32 = 2019;

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

pub fn as_of() -> NaiveDate {
    day(2025, 6, 16)
}

pub fn config() -> SiteConfig {
    let tier = |max: Option<u32>, fee_nok| FeeTier {
        max_employees: max,
        fee_nok,
    };
    SiteConfig {
        title: "Testnettverket".into(),
        description: String::new(),
        base_url: "https://example.org/".into(),
        language: Language::Nb,
        languages: vec![Language::Nb],
        translations: Vec::new(),
        theme: "nfk".into(),
        results: ResultsConfig {
            reporting_year: Y,
            compare_year: C,
            as_of: as_of(),
        },
        summit: None,
        requirements: Requirements {
            first_by: day(2022, 12, 31),
            full_by: day(2025, 12, 31),
        },
        fee_tiers: vec![
            tier(Some(19), 10_000),
            tier(Some(50), 20_000),
            tier(Some(300), 30_000),
            tier(Some(500), 40_000),
            tier(None, 50_000),
        ],
        menu: Vec::new(),
        footer_menu: Vec::new(),
        accessibility: None,
    }
}

/// A site of `partners` (sorted by slug, as `validate` leaves them).
pub fn site(mut partners: Vec<Partner>) -> Site {
    partners.sort_by(|a, b| a.slug.cmp(&b.slug));
    Site {
        config: config(),
        partners,
        pages: Vec::new(),
        assets: Vec::new(),
    }
}

/// A partner with no principles in place, no certificates and no `emissions.yaml`.
pub fn partner(slug: &str, sector: char, employees: u32) -> Partner {
    Partner {
        slug: slug.into(),
        name: slug.into(),
        org_number: "000000000".into(),
        sector,
        employees,
        website: None,
        partner_since: None,
        summary: None,
        logo: None,
        draft: false,
        principles: Principles::default(),
        emissions: None,
        story: None,
        translations: Vec::new(),
        images: Vec::new(),
    }
}

pub fn with_emissions(mut p: Partner, years: Vec<YearEntry>, targets: Vec<Target>) -> Partner {
    p.emissions = Some(emissions(years, targets));
    p
}

pub fn emissions(years: Vec<YearEntry>, targets: Vec<Target>) -> Emissions {
    let base_year = years.first().map_or(C, |y| y.year);
    Emissions {
        base_year,
        years,
        targets,
        structural_changes: Vec::new(),
    }
}

/// A structural change in `year` (an acquisition), recalculated or not.
pub fn change(year: i32, recalculated: bool) -> StructuralChange {
    StructuralChange {
        year,
        kind: ChangeKind::Acquisition,
        recalculated,
        note: None,
    }
}

pub fn with_changes(mut p: Partner, changes: Vec<StructuralChange>) -> Partner {
    if let Some(e) = p.emissions.as_mut() {
        e.structural_changes = changes;
    }
    p
}

pub fn principle(status: Status) -> Option<Principle> {
    Some(Principle {
        status,
        since: None,
        note: None,
    })
}

pub fn certificate(valid_until: NaiveDate) -> Certificate {
    Certificate {
        scheme: Scheme::Miljofyrtarn,
        id: None,
        valid_until,
    }
}

/// A year entry with nothing reported; add scopes with the builder methods.
pub fn year(year: i32) -> YearEntry {
    YearEntry {
        year,
        status: DataStatus::Final,
        employees: None,
        revenue_mnok: None,
        scope1: None,
        scope2: None,
        scope3: None,
        note: None,
    }
}

pub trait YearBuilder {
    fn s1(self, t: f64) -> Self;
    fn s2(self, location: f64) -> Self;
    fn s2m(self, location: f64, market: f64) -> Self;
    fn s3(self, t: f64) -> Self;
    fn employees(self, n: f64) -> Self;
    fn revenue(self, mnok: f64) -> Self;
    fn preliminary(self) -> Self;
}

impl YearBuilder for YearEntry {
    fn s1(mut self, t: f64) -> Self {
        self.scope1 = Some(Scope {
            total: dec(t),
            categories: Vec::new(),
        });
        self
    }
    fn s2(mut self, location: f64) -> Self {
        self.scope2 = Some(Scope2 {
            location_based: dec(location),
            market_based: None,
        });
        self
    }
    fn s2m(mut self, location: f64, market: f64) -> Self {
        self.scope2 = Some(Scope2 {
            location_based: dec(location),
            market_based: Some(dec(market)),
        });
        self
    }
    fn s3(mut self, t: f64) -> Self {
        self.scope3 = Some(Scope {
            total: dec(t),
            categories: Vec::new(),
        });
        self
    }
    fn employees(mut self, n: f64) -> Self {
        self.employees = Some(dec(n));
        self
    }
    fn revenue(mut self, mnok: f64) -> Self {
        self.revenue_mnok = Some(dec(mnok));
        self
    }
    fn preliminary(mut self) -> Self {
        self.status = DataStatus::Preliminary;
        self
    }
}

/// An absolute target on `scopes`, location-based, from `base_year` to `target_year`.
pub fn target(scopes: &[u8], base_year: i32, target_year: i32, reduction_percent: f64) -> Target {
    Target {
        label: "Mål".into(),
        scopes: scopes.to_vec(),
        base_year,
        target_year,
        reduction_percent: dec(reduction_percent),
        kind: TargetKind::Absolute,
        scope2_method: Scope2Method::Location,
        sbti: Sbti::None,
    }
}

pub fn per(mut t: Target, normaliser: Normaliser) -> Target {
    t.kind = TargetKind::Intensity(normaliser);
    t
}

pub fn market(mut t: Target) -> Target {
    t.scope2_method = Scope2Method::Market;
    t
}

/// `a` and `b` equal up to floating-point noise.
pub fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[track_caller]
pub fn assert_close(actual: Option<f64>, expected: f64) {
    let a = actual.unwrap_or_else(|| panic!("expected {expected}, got None"));
    assert!(close(a, expected), "expected {expected}, got {a}");
}
