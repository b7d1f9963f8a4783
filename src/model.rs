//! The validated site: plain, typed values that later stages can trust without re-checking.
//!
//! Built only by `validate`. Nothing here knows about files, YAML or positions, except
//! `Page::source` and `Page::body_line`, which render needs to point errors in Markdown bodies
//! (broken links, unknown shortcodes) at the right line, and the positions of the values that
//! decide an output's URL or template (`Page::url_at`, `Page::template_at`), which the checks
//! against the route plan point at.

use chrono::NaiveDate;
pub use rust_decimal::Decimal;

use crate::diagnostics::Pos;

use crate::load::StaticFile;

#[derive(Debug, Clone)]
pub struct Site {
    pub config: SiteConfig,
    /// Sorted by slug. Includes drafts; stages decide whether to show them.
    pub partners: Vec<Partner>,
    /// Sorted by source path.
    pub pages: Vec<Page>,
    pub assets: Vec<StaticFile>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Language {
    #[default]
    Nb,
    En,
}

impl Language {
    /// Every language nfk has words for, with its code (BCP 47, as `lang=""` and `hreflang`).
    pub const ALL: [(&'static str, Language); 2] = [("nb", Language::Nb), ("en", Language::En)];

    /// `nb`, `en`: the code in file names (`om.en.md`), URLs (`/en/`) and `lang=""`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Nb => "nb",
            Language::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Language> {
        (Language::ALL.iter())
            .find(|(c, _)| *c == code)
            .map(|(_, l)| *l)
    }
}

#[derive(Debug, Clone)]
pub struct SiteConfig {
    pub title: String,
    pub description: String,
    /// Always ends with `/`.
    pub base_url: String,
    /// The default language: the first of `languages`, served at `/`.
    pub language: Language,
    /// Every language of the site, the default first (SPEC §11); the others are served under
    /// `/<code>/` (`routes::urls::in_language`).
    pub languages: Vec<Language>,
    /// What `translations.<code>` of site.yaml gives for the other languages.
    pub translations: Vec<SiteTranslation>,
    pub theme: String,
    pub results: ResultsConfig,
    pub summit: Option<Summit>,
    pub requirements: Requirements,
    pub fee_tiers: Vec<FeeTier>,
    pub menu: Vec<MenuItem>,
    pub footer_menu: Vec<MenuItem>,
    pub accessibility: Option<Accessibility>,
}

/// The site's own words in another language (`translations.<code>` in site.yaml): each falls
/// back to the default language's when not given (the menus to the default menus' items that
/// have a page in this language).
#[derive(Debug, Clone)]
pub struct SiteTranslation {
    pub language: Language,
    pub title: Option<String>,
    pub description: Option<String>,
    pub menu: Option<Vec<MenuItem>>,
    pub footer_menu: Option<Vec<MenuItem>>,
}

impl SiteConfig {
    /// The translation of the site's words into `language`, if site.yaml gives one.
    pub fn translation(&self, language: Language) -> Option<&SiteTranslation> {
        (self.translations.iter()).find(|t| t.language == language)
    }
}

/// The accessibility statement's facts (`accessibility:` in site.yaml, Digdir's model).
#[derive(Debug, Clone)]
pub struct Accessibility {
    /// Where the statement is published (uustatus.no): an http(s) URL.
    pub statement_url: String,
    /// The e-mail address for feedback on accessibility.
    pub contact: String,
    pub last_reviewed: NaiveDate,
}

#[derive(Debug, Clone, Copy)]
pub struct ResultsConfig {
    pub reporting_year: i32,
    pub compare_year: i32,
    pub as_of: NaiveDate,
}

#[derive(Debug, Clone)]
pub struct Summit {
    pub title: String,
    pub date: NaiveDate,
}

#[derive(Debug, Clone, Copy)]
pub struct Requirements {
    pub first_by: NaiveDate,
    pub full_by: NaiveDate,
}

/// `max_employees` is inclusive; only the last tier has none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FeeTier {
    pub max_employees: Option<u32>,
    pub fee_nok: u32,
}

#[derive(Debug, Clone)]
pub struct MenuItem {
    pub title: String,
    pub url: String,
}

#[derive(Debug, Clone)]
pub struct Partner {
    pub slug: String,
    pub name: String,
    /// Nine digits, spaces removed.
    pub org_number: String,
    /// SN2007 section letter, `A`–`U`.
    pub sector: char,
    pub employees: u32,
    pub website: Option<String>,
    pub partner_since: Option<NaiveDate>,
    pub summary: Option<String>,
    pub logo: Option<Logo>,
    pub draft: bool,
    pub principles: Principles,
    /// `None`: no `emissions.yaml` yet (a new partner).
    pub emissions: Option<Emissions>,
    /// Markdown from `story.md`, untrusted.
    pub story: Option<String>,
    /// The summary and story in the site's other languages (`summary_en:`, `story.en.md`).
    pub translations: Vec<PartnerTranslation>,
    /// The files the story shows (`![…](bilde.jpg)`), published under `partnere/<slug>/bilder/`
    /// (`routes::urls::story_image`).
    pub images: Vec<StoryImage>,
}

/// A partner's own words in another language; each may be missing (the page then shows the
/// default language's, marked with its language).
#[derive(Debug, Clone)]
pub struct PartnerTranslation {
    pub language: Language,
    pub summary: Option<String>,
    pub story: Option<String>,
}

impl Partner {
    /// The summary to show in `language`, with the language it is written in: the translation
    /// when there is one, else the default language's (`default`).
    pub fn summary_in(&self, language: Language, default: Language) -> Option<(&str, Language)> {
        let translated = (self.translations.iter())
            .find(|t| t.language == language)
            .and_then(|t| t.summary.as_deref());
        match translated {
            Some(text) if language != default => Some((text, language)),
            _ => self.summary.as_deref().map(|s| (s, default)),
        }
    }

    /// The story to show in `language`, as [`Partner::summary_in`].
    pub fn story_in(&self, language: Language, default: Language) -> Option<(&str, Language)> {
        let translated = (self.translations.iter())
            .find(|t| t.language == language)
            .and_then(|t| t.story.as_deref());
        match translated {
            Some(text) if language != default => Some((text, language)),
            _ => self.story.as_deref().map(|s| (s, default)),
        }
    }
}

/// A partner's logo, published next to its page (`routes::urls::logo`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Logo {
    /// The file name in the partner's folder, as `logo:` gives it.
    pub file_name: String,
    pub bytes: Vec<u8>,
    /// The `logo:` value in `profile.yaml`.
    pub at: Pos,
}

/// A picture a partner's story shows, checked as a logo is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryImage {
    /// The file in the partner's folder, as the story names it (percent-decoded).
    pub file_name: String,
    pub bytes: Vec<u8>,
    /// The first image in `story.md` that shows it.
    pub at: Pos,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    InPlace,
    InProgress,
    Planned,
    NotStarted,
}

impl Status {
    pub const ALL: [(&'static str, Status); 4] = [
        ("in_place", Status::InPlace),
        ("in_progress", Status::InProgress),
        ("planned", Status::Planned),
        ("not_started", Status::NotStarted),
    ];

    pub fn key(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, s)| *s == self)
            .map_or("", |(k, _)| k)
    }
}

#[derive(Debug, Clone, Default)]
pub struct Principles {
    pub supplier_requirements: Option<Principle>,
    pub strategy: Option<Principle>,
    pub certificates: Vec<Certificate>,
}

#[derive(Debug, Clone)]
pub struct Principle {
    pub status: Status,
    pub since: Option<i32>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Scheme {
    Miljofyrtarn,
    Iso14001,
    Emas,
}

impl Scheme {
    pub const ALL: [(&'static str, Scheme); 3] = [
        ("miljofyrtarn", Scheme::Miljofyrtarn),
        ("iso14001", Scheme::Iso14001),
        ("emas", Scheme::Emas),
    ];

    pub fn key(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, s)| *s == self)
            .map_or("", |(k, _)| k)
    }
}

#[derive(Debug, Clone)]
pub struct Certificate {
    pub scheme: Scheme,
    pub id: Option<String>,
    pub valid_until: NaiveDate,
}

#[derive(Debug, Clone)]
pub struct Emissions {
    pub base_year: i32,
    /// Ascending by year, each year once.
    pub years: Vec<YearEntry>,
    pub targets: Vec<Target>,
    /// SPEC §4a, in file order.
    pub structural_changes: Vec<StructuralChange>,
}

/// An acquisition, divestment, method change… that moved the partner's emissions without an
/// emission change (SPEC §4a, docs/figures.md "Structural changes").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StructuralChange {
    /// The year the change took effect.
    pub year: i32,
    pub kind: ChangeKind,
    /// The base year and later years were restated for it.
    pub recalculated: bool,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeKind {
    Acquisition,
    Divestment,
    Merger,
    Outsourcing,
    Insourcing,
    Method,
    Error,
}

impl ChangeKind {
    pub const ALL: [(&'static str, ChangeKind); 7] = [
        ("acquisition", ChangeKind::Acquisition),
        ("divestment", ChangeKind::Divestment),
        ("merger", ChangeKind::Merger),
        ("outsourcing", ChangeKind::Outsourcing),
        ("insourcing", ChangeKind::Insourcing),
        ("method", ChangeKind::Method),
        ("error", ChangeKind::Error),
    ];

    pub fn key(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("", |(name, _)| name)
    }
}

impl Emissions {
    pub fn year(&self, year: i32) -> Option<&YearEntry> {
        self.years.iter().find(|y| y.year == year)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataStatus {
    Final,
    Preliminary,
}

#[derive(Debug, Clone)]
pub struct YearEntry {
    pub year: i32,
    pub status: DataStatus,
    /// Normalisers for intensity targets, exact as written (docs/figures.md).
    pub employees: Option<Decimal>,
    pub revenue_mnok: Option<Decimal>,
    pub scope1: Option<Scope>,
    pub scope2: Option<Scope2>,
    pub scope3: Option<Scope>,
    pub note: Option<String>,
}

impl YearEntry {
    /// The normaliser of an intensity target in this year, when given.
    pub fn normaliser(&self, per: Normaliser) -> Option<Decimal> {
        match per {
            Normaliser::Employee => self.employees,
            Normaliser::RevenueMnok => self.revenue_mnok,
        }
    }
}

/// A scope's total and, when the partner broke it down, the categories (in file order).
#[derive(Debug, Clone, PartialEq)]
pub struct Scope {
    /// Tonnes, exact: the sum of the categories when they were given.
    pub total: Decimal,
    /// Category key (as in SPEC §4) and tonnes. Empty when only a total was given.
    pub categories: Vec<(&'static str, Decimal)>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scope2 {
    pub location_based: Decimal,
    pub market_based: Option<Decimal>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    Absolute,
    Intensity(Normaliser),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Normaliser {
    Employee,
    RevenueMnok,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope2Method {
    Location,
    Market,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sbti {
    None,
    Committed,
    Validated,
}

#[derive(Debug, Clone)]
pub struct Target {
    pub label: String,
    /// Sorted, each of 1, 2, 3 at most once.
    pub scopes: Vec<u8>,
    pub base_year: i32,
    pub target_year: i32,
    pub reduction_percent: Decimal,
    pub kind: TargetKind,
    pub scope2_method: Scope2Method,
    pub sbti: Sbti,
}

#[derive(Debug, Clone)]
pub struct Page {
    /// `content/a/b.md`
    pub source: String,
    /// `/a/b/`, `/a/` for `content/a/_index.md`, `/` for the front page.
    pub url: String,
    pub is_section: bool,
    pub title: String,
    pub description: Option<String>,
    pub date: Option<NaiveDate>,
    pub updated: Option<NaiveDate>,
    pub draft: bool,
    pub weight: i64,
    pub template: Option<String>,
    /// What decides the URL: the `slug:` value, or the file itself (1:1).
    pub url_at: Pos,
    /// The `template:` value (1:1 without one).
    pub template_at: Pos,
    /// The `date:` value (1:1 without one).
    pub date_at: Pos,
    /// Markdown, trusted (editors' own).
    pub body: String,
    pub body_line: u32,
    /// The language it is written in: the site's default, or the code of its name
    /// (`om.en.md`).
    pub language: Language,
    /// The source of the page it translates (`content/om.md` for `content/om.en.md`); its own
    /// source for a page in the default language. Pages with the same `original` are
    /// translations of each other.
    pub original: String,
}

/// SPEC §4 category keys, in GHG Protocol order.
pub const SCOPE1_CATEGORIES: [&str; 5] = [
    "stationary_combustion",
    "mobile_combustion",
    "process",
    "fugitive",
    "other",
];

pub const SCOPE3_CATEGORIES: [&str; 16] = [
    "purchased_goods_and_services",
    "capital_goods",
    "fuel_and_energy_related_activities",
    "upstream_transportation_and_distribution",
    "waste_generated_in_operations",
    "business_travel",
    "employee_commuting",
    "upstream_leased_assets",
    "downstream_transportation_and_distribution",
    "processing_of_sold_products",
    "use_of_sold_products",
    "end_of_life_treatment_of_sold_products",
    "downstream_leased_assets",
    "franchises",
    "investments",
    "other",
];

/// SN2007 sections (Standard for næringsgruppering), by their letter. Their names are words of
/// the site's language: `sector_<code>` in the strings tables (`Strings::sector`).
pub const SECTOR_CODES: [char; 21] = [
    'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S',
    'T', 'U',
];
