//! The files as written: `Raw*` structs that mirror SPEC §2–5 key by key.
//!
//! Every struct denies unknown keys, so a typo becomes a diagnostic. Values that `validate` must
//! judge (enums, dates, numbers with ranges) are kept loose (`String`, `f64`) and `Spanned`, so all
//! of a file's value problems can be reported at once, each at its own line and column.

use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};
use serde_saphyr::Spanned;

use super::yaml::Text;

pub type S<T> = Spanned<T>;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSiteConfig {
    pub title: S<String>,
    pub description: Option<String>,
    pub base_url: S<String>,
    pub language: Option<S<String>>,
    /// Every language of the site, the default first (`[nb, en]`); instead of `language`.
    pub languages: Option<S<Vec<S<String>>>>,
    /// The site's words in the other languages, by language code.
    pub translations: Option<RawTranslations>,
    pub theme: Option<S<String>>,
    pub results: S<RawResultsConfig>,
    pub summit: Option<RawSummit>,
    pub requirements: Option<RawRequirements>,
    pub fee_tiers: S<Vec<RawFeeTier>>,
    #[serde(default)]
    pub menu: Vec<RawMenuItem>,
    /// Links in the footer (privacy, accessibility statement…), like `menu`.
    #[serde(default)]
    pub footer_menu: Vec<RawMenuItem>,
    /// The accessibility statement's facts (Digdir's model), for the `accessibility` template.
    pub accessibility: Option<S<RawAccessibility>>,
}

/// `translations:` of site.yaml, a key per language nfk knows (`Language::ALL`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTranslations {
    pub nb: Option<S<RawSiteTranslation>>,
    pub en: Option<S<RawSiteTranslation>>,
}

/// `translations.<code>` of site.yaml: the site's words in another language.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSiteTranslation {
    pub title: Option<String>,
    pub description: Option<String>,
    pub menu: Option<Vec<RawMenuItem>>,
    pub footer_menu: Option<Vec<RawMenuItem>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAccessibility {
    pub statement_url: S<String>,
    pub contact: S<String>,
    pub last_reviewed: S<Text>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawResultsConfig {
    pub reporting_year: S<i64>,
    pub compare_year: Option<S<i64>>,
    pub as_of: S<Text>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSummit {
    pub title: String,
    pub date: S<Text>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRequirements {
    pub first: RawDeadline,
    pub full: RawDeadline,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDeadline {
    pub by: S<Text>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFeeTier {
    pub max_employees: Option<S<i64>>,
    pub fee_nok: S<i64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMenuItem {
    pub title: String,
    pub url: S<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProfile {
    pub name: S<String>,
    pub org_number: S<Text>,
    /// The org number's text as written when it was not in quotes (set by `load`): YAML reads
    /// `014365877` as the number 14365877, and the message must show the editor's digits.
    #[serde(skip)]
    pub org_number_unquoted: Option<String>,
    pub sector: S<String>,
    /// Required, but may be written empty (`employees:`, as the skeleton does): `validate` then
    /// says to fill it in, instead of a type error or a silent 0.
    pub employees: S<Option<f64>>,
    pub website: Option<S<String>>,
    pub partner_since: Option<S<Text>>,
    pub summary: Option<String>,
    /// The summary in English (`summary_en`) or bokmål (`summary_nb`, on a site whose default
    /// language is English): shown on the partner's page in that language.
    pub summary_en: Option<String>,
    pub summary_nb: Option<String>,
    pub logo: Option<S<String>>,
    #[serde(default)]
    pub draft: bool,
    pub principles: Option<RawPrinciples>,
    /// Read so the key is allowed; never carried past `validate`, never published.
    #[allow(dead_code)]
    pub contact: Option<RawContact>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPrinciples {
    pub supplier_requirements: Option<RawPrinciple>,
    pub strategy: Option<RawPrinciple>,
    pub certification: Option<RawCertification>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPrinciple {
    pub status: S<String>,
    pub since: Option<S<i64>>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCertification {
    #[serde(default)]
    pub certificates: Vec<RawCertificate>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCertificate {
    pub scheme: S<String>,
    pub id: Option<Text>,
    pub valid_until: S<Text>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
pub struct RawContact {
    pub name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<Text>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEmissions {
    pub base_year: S<i64>,
    #[serde(default)]
    pub years: Vec<RawYear>,
    #[serde(default)]
    pub targets: Vec<RawTarget>,
    /// SPEC §4a.
    #[serde(default)]
    pub structural_changes: Vec<RawStructuralChange>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStructuralChange {
    pub year: S<i64>,
    pub kind: S<String>,
    pub recalculated: S<bool>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawYear {
    pub year: S<i64>,
    pub status: Option<S<String>>,
    pub employees: Option<S<f64>>,
    pub revenue_mnok: Option<S<f64>>,
    pub scope1: Option<S<RawScope>>,
    pub scope2: Option<S<RawScope2>>,
    pub scope3: Option<S<RawScope>>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScope2 {
    pub location_based: Option<S<f64>>,
    pub market_based: Option<S<f64>>,
}

/// A scope written as a plain total or as a map of categories to figures.
#[derive(Debug, Clone)]
pub enum RawScope {
    Total(f64),
    Categories(Vec<(S<String>, S<f64>)>),
}

impl<'de> Deserialize<'de> for RawScope {
    fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawScope;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a number (the total) or a map of categories to numbers")
            }
            fn visit_f64<E>(self, v: f64) -> Result<RawScope, E> {
                Ok(RawScope::Total(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<RawScope, E> {
                Ok(RawScope::Total(v as f64))
            }
            fn visit_u64<E>(self, v: u64) -> Result<RawScope, E> {
                Ok(RawScope::Total(v as f64))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawScope, A::Error> {
                let mut categories = Vec::new();
                while let Some(key) = map.next_key::<S<String>>()? {
                    let value = map.next_value::<S<f64>>()?;
                    categories.push((key, value));
                }
                Ok(RawScope::Categories(categories))
            }
        }
        deserializer.deserialize_any(V)
    }
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTarget {
    pub label: S<String>,
    pub scopes: S<Vec<S<i64>>>,
    pub base_year: Option<S<i64>>,
    pub target_year: S<i64>,
    pub reduction_percent: S<f64>,
    pub kind: Option<S<String>>,
    pub per: Option<S<String>>,
    pub scope2_method: Option<S<String>>,
    pub sbti: Option<S<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFrontMatter {
    pub title: S<String>,
    pub description: Option<String>,
    pub date: Option<S<Text>>,
    pub updated: Option<S<Text>>,
    #[serde(default)]
    pub draft: bool,
    pub weight: Option<i64>,
    pub template: Option<S<String>>,
    pub slug: Option<S<String>>,
}
