//! The summit presentation `/toppmote/` (SPEC §12): the results page's figures as slides, one
//! per visible partner, and the editors' own slides from `content/toppmote/*.md`.
//!
//! It only hands `summit.html` the values the results page already has (`results.json`, the
//! network's charts, the partners' summaries and targets): it must never compute a figure of its
//! own, so the presentation cannot disagree with the results page.

use std::collections::BTreeMap;

use super::content::Bodies;
use super::view::{SlideView, SummitContext, SummitPartnerView, target_view};
use super::{OutputFile, Renderer, parts};
use crate::diagnostics::Diagnostic;
use crate::routes::{ChartOwner, Route, urls};

pub fn render_summit(
    r: &Renderer,
    slides: &Bodies,
    route: &Route,
) -> Result<OutputFile, Diagnostic> {
    let partners: Vec<_> = (r.sorted_summaries().into_iter())
        .map(|summary| {
            let main_target = r.partners.get(summary.slug.as_str()).and_then(|(p, d)| {
                let index = d.main_target?;
                let target = p.emissions.as_ref()?.targets.get(index)?;
                Some(target_view(target, d.targets.get(index)?))
            });
            SummitPartnerView {
                summary,
                main_target,
            }
        })
        .collect();
    let slides_made = parts::slides(r, &partners)?;
    let charts: BTreeMap<String, _> = (r.chart_views(&r.charts.network, &ChartOwner::Network))
        .into_iter()
        .map(|chart| (chart.name.clone(), chart))
        .collect();
    let languages = &r.site.config.languages;
    // The editors' slides written in this presentation's language.
    let slides = (slides.iter())
        .filter(|body| body.page.language == r.language)
        .map(|body| SlideView {
            id: urls::summit_slide_id(
                urls::summit_slide(urls::split_language(&body.page.url, languages).1)
                    .unwrap_or_default(),
            ),
            title: body.view.title.clone(),
            content: body.view.content.clone(),
        })
        .collect();
    let values = SummitContext {
        results: &r.results,
        sector_names: super::partners::sector_names(r),
        partners: parts::with_slides(&partners, &slides_made),
        charts,
        slides,
        results_url: r.page_link(urls::RESULTS),
    };
    r.view_file(super::template(route), &route.url, &values)
}
