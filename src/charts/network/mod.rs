//! The network's six charts, named as in [`super::NETWORK_CHARTS`]: totals per year stacked by
//! scope, like-for-like change, scope 1 + 2 by sector, principles and requirements, each
//! partner's main target as a yearly rate against SBTi's minimum rate for its class, and partners
//! by fee tier.
//!
//! Chooses and words the figures of `results.json`; the pictures are drawn by
//! [`super::columns`] and [`super::hbars`]. Pure.
//!
//! Scope 3 is never stacked on scope 1 + 2 (SPEC §8: partners' scope 3 may overlap each other's
//! emissions); the per-year chart shows scope 1 and 2 and its table lists scope 3 beside them.
//!
//! - [`emissions`]: per year, like-for-like, by sector.
//! - [`members`]: principles and requirements, target rates, fee tiers.

mod emissions;
mod members;

use super::{Chart, Spec, Table};
use crate::aggregate::SiteData;
use crate::format;
use crate::model::{Language, Site};
use crate::strings::Strings;

pub fn charts(site: &Site, data: &SiteData, strings: &Strings) -> Vec<Chart> {
    let r = &data.results;
    let l = strings;
    [
        emissions::by_year(r, l),
        emissions::like_for_like(r, l),
        emissions::by_sector(r, l),
        members::principles(r, l),
        members::target_rates(site, data, l),
        members::fee_tiers(r, l),
    ]
    .into_iter()
    .flatten()
    .collect()
}
fn spec(name: &str, title: String, desc: String, table: Table) -> Spec {
    Spec {
        name: name.into(),
        id: format!("graf-{name}"),
        title,
        desc,
        table,
    }
}

/// An exact figure as the nearest `f64`, for drawing and chart text.
fn f(v: Option<crate::model::Decimal>) -> Option<f64> {
    v.map(crate::format::to_f64)
}

fn tonnes_cell(v: Option<f64>, lang: Language) -> String {
    format::optional(v, |t| format::tonnes_number(t, lang))
}

fn count(n: usize, lang: Language) -> String {
    format::number(n as f64, 0, lang)
}

/// The sum of the figures present; `None` when none is.
fn sum_present(values: &[Option<f64>]) -> Option<f64> {
    let present: Vec<f64> = values.iter().flatten().copied().collect();
    (!present.is_empty()).then(|| crate::aggregate::sum(present))
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalise_makes_the_first_letter_a_capital_and_keeps_the_rest() {
        assert_eq!(capitalise("partnere"), "Partnere");
        assert_eq!(capitalise("æ og ø"), "Æ og ø");
        assert_eq!(capitalise(""), "");
    }
}
