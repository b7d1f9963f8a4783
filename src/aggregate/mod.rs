//! aggregate: the validated [`Site`] → [`SiteData`], every derived figure of SPEC §8.
//!
//! Per partner: fee, principles, requirements, a series per year and scope, and the status of
//! each target. For the network: totals with coverage, like-for-like change, counts and the
//! breakdowns by sector, fee tier and year — the document published as `/data/results.json`.
//! Every rule is stated in docs/figures.md.
//!
//! Pure: no IO and no clock (certificates are judged on `results.as_of`). Figures are exact
//! decimals (`Decimal`); comparisons are exact ([`exact`]); nothing here rounds: rounding is for
//! people and lives in [`crate::format`]. A figure that cannot be computed is `None` (JSON
//! `null`), never a division by zero and never a silent 0.
//!
//! - [`partner`]: one partner's figures ([`PartnerData`]).
//! - [`progress`]: target status ([`TargetProgress`]); [`ambition`]: benchmark classes.
//! - [`network`]: the network's figures ([`NetworkResults`]), from [`sums`] (totals with
//!   coverage), [`like_for_like`] and [`counts`].
//! - [`intensity`]: intensities per employee and per MNOK, and sector medians.
//! - [`summary`]: the Norwegian summary that `nfk results` prints for people.
//! - [`figure`]: the one figure lookup: a results key (`totals.scope1`, `by_year.2019.scope1`)
//!   looked up and formatted, for `{{ figure() }}`.

pub mod ambition;
pub mod counts;
pub mod exact;
pub mod figure;
pub mod intensity;
pub mod like_for_like;
pub mod network;
pub mod partner;
pub mod progress;
pub mod summary;
pub mod sums;

#[cfg(test)]
mod properties;
#[cfg(test)]
pub(crate) mod testkit;

use serde::Serialize;

use crate::model::{Partner, Site};

pub use ambition::{Ambition, Class, Reason};
pub use intensity::SectorMedians;
pub use network::{NetworkResults, SectorRow, YearRow};
pub use partner::{PartnerData, YearFigures};
pub use progress::{Progress, TargetProgress};
pub use summary::render_human;

/// Everything later stages need to show numbers: the network's results and each partner's.
#[derive(Debug, Clone, Serialize)]
pub struct SiteData {
    pub results: NetworkResults,
    /// The visible partners' figures, in the order of `site.partners` (by slug): drafts only
    /// when `include_drafts`. [`SiteData::visible`] gives each with its partner.
    pub partners: Vec<PartnerData>,
    /// For each entry of `partners`, its partner's index in `site.partners`.
    #[serde(skip)]
    shown: Vec<usize>,
}

/// A visible partner with its figures.
#[derive(Debug, Clone, Copy)]
pub struct Visible<'a> {
    pub partner: &'a Partner,
    pub data: &'a PartnerData,
}

impl SiteData {
    /// The visible partners, each with its figures, in the order of `site.partners`: the one
    /// place the model and the figures are joined, and the one answer to "is it shown" (what
    /// [`aggregate`] kept). `site` must be the site these figures were made from.
    pub fn visible<'a>(&'a self, site: &'a Site) -> impl Iterator<Item = Visible<'a>> + 'a {
        (self.shown.iter().zip(&self.partners)).filter_map(|(&i, data)| {
            let partner = site.partners.get(i)?;
            Some(Visible { partner, data })
        })
    }
}

/// Computes every figure of SPEC §8. Drafts count nowhere unless `include_drafts` (what
/// `serve` and `build --drafts` show), in which case they count like any other partner.
pub fn aggregate(site: &Site, include_drafts: bool) -> SiteData {
    aggregate_with(site, include_drafts, |p| {
        partner::partner_data(p, &site.config)
    })
}

/// [`aggregate`], with each partner's figures from `partner_data`, which must give what
/// [`partner::partner_data`] gives (`serve` takes the unchanged partners' from its memo).
pub fn aggregate_with(
    site: &Site,
    include_drafts: bool,
    partner_data: impl Fn(&Partner) -> PartnerData,
) -> SiteData {
    let (shown, partners): (Vec<usize>, Vec<&Partner>) = (site.partners.iter().enumerate())
        .filter(|(_, p)| include_drafts || !p.draft)
        .unzip();
    let data: Vec<PartnerData> = partners.iter().map(|p| partner_data(p)).collect();
    let results = network::network_results(&site.config, &partners, &data, include_drafts);
    SiteData {
        results,
        partners: data,
        shown,
    }
}

/// Σ `values` for drawing and chart text only: the values are already the nearest `f64` of
/// exact figures, and this adds them in whole grams (10⁻⁶ t) so that `1431.7` does not become
/// `1431.6999999999998` on its way to a label. Figures that decide anything are summed exactly
/// as `Decimal` ([`sums`]).
pub(crate) fn sum(values: impl IntoIterator<Item = f64>) -> f64 {
    let grams: i128 = values.into_iter().map(|v| (v * 1e6).round() as i128).sum();
    grams as f64 / 1e6
}

#[cfg(test)]
mod tests {
    use super::testkit::*;
    use super::*;

    #[test]
    fn sums_decimals_without_binary_noise() {
        assert_eq!(sum([0.1, 0.2]), 0.3);
        assert_eq!(sum([1431.7, 0.1, -0.1]), 1431.7);
        assert_eq!(sum([]), 0.0);
    }

    #[test]
    fn leaves_drafts_out_unless_asked() {
        let mut draft = partner("b-draft", 'F', 10);
        draft.draft = true;
        draft.emissions = Some(emissions(vec![year(2024).s1(5.0).s2(1.0)], vec![]));
        let site = site(vec![partner("a", 'F', 10), draft]);

        let public = aggregate(&site, false);
        assert_eq!(public.partners.len(), 1);
        assert_eq!(public.results.partners, 1);
        assert_eq!(public.results.reporting_partners, 0);
        assert_eq!(public.results.totals.sums.scope1, None);
        assert!(!public.results.includes_drafts);

        let preview = aggregate(&site, true);
        let slugs: Vec<&str> = preview.partners.iter().map(|p| p.slug.as_str()).collect();
        assert_eq!(slugs, ["a", "b-draft"]);
        let joined: Vec<(&str, &str)> = (preview.visible(&site))
            .map(|v| (v.partner.slug.as_str(), v.data.slug.as_str()))
            .collect();
        assert_eq!(joined, [("a", "a"), ("b-draft", "b-draft")]);
        let public_slugs: Vec<&str> = (public.visible(&site))
            .map(|v| v.partner.slug.as_str())
            .collect();
        assert_eq!(public_slugs, ["a"]);
        assert_eq!(preview.results.partners, 2);
        assert_eq!(preview.results.totals.sums.scope1, Some(dec(5.0)));
        assert!(preview.results.includes_drafts);
    }
}
