//! The partner showcase: the partner list, one page per partner, sector pages, and the results page.

use std::collections::BTreeMap;

use super::markdown::Trust;
use super::view::{
    CategoryView, CertificateView, PartnerSummary, PartnerView, SectorView, YearNote,
    principle_views, sector_view, target_view,
};
use super::{OutputFile, Renderer, par_render};
use crate::aggregate::{PartnerData, SectorRow, SiteData};
use crate::diagnostics::Diagnostics;
use crate::model::{Partner, Site};

/// Where the results page's "Om tallene" links to, when the site has that page.
const METHODOLOGY: &str = "/metode/";

/// Visible partners (those `aggregate` kept), by slug.
pub fn summaries(
    site: &Site,
    data: &SiteData,
    base_path: &str,
) -> BTreeMap<String, PartnerSummary> {
    let by_slug: BTreeMap<&str, &Partner> =
        site.partners.iter().map(|p| (p.slug.as_str(), p)).collect();
    data.partners
        .iter()
        .filter_map(|d| {
            let partner = by_slug.get(d.slug.as_str())?;
            Some((d.slug.clone(), summary(site, partner, d, base_path)))
        })
        .collect()
}

fn summary(site: &Site, p: &Partner, d: &PartnerData, base_path: &str) -> PartnerSummary {
    let reporting_year = site.config.results.reporting_year;
    PartnerSummary {
        slug: p.slug.clone(),
        url: format!("{base_path}partnere/{}/", p.slug),
        name: p.name.clone(),
        summary: p.summary.clone(),
        sector: sector_view(p.sector, site.config.language, base_path),
        employees: p.employees,
        fee_nok: d.fee_nok,
        website: p.website.clone(),
        partner_since: p.partner_since.map(|d| d.to_string()),
        logo_url: p
            .logo
            .as_ref()
            .map(|l| format!("{base_path}{}", l.url_path)),
        draft: p.draft,
        principles: principle_views(p, d),
        first_requirement: d.first_requirement,
        full_requirement: d.full_requirement,
        on_track: d.on_track,
        has_emissions: p.emissions.is_some(),
        reports_reporting_year: d.reports_reporting_year,
        current: d.series.iter().find(|y| y.year == reporting_year).cloned(),
    }
}

/// Norwegian alphabetical order: æ, ø, å after z.
fn sort_key(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .map(|c| match c {
            'æ' => '{',
            'ø' => '|',
            'å' => '}',
            other => other,
        })
        .collect()
}

pub fn render_partner_pages(r: &Renderer, diags: &mut Diagnostics) -> Vec<OutputFile> {
    let by_slug: BTreeMap<&str, &Partner> = r
        .site
        .partners
        .iter()
        .map(|p| (p.slug.as_str(), p))
        .collect();
    let mut files = par_render(&r.data.partners, diags, |d, diags| {
        let Some(partner) = by_slug.get(d.slug.as_str()) else {
            return Vec::new();
        };
        #[derive(serde::Serialize)]
        struct Values<'a> {
            partner: &'a PartnerView,
        }
        let view = partner_view(r, partner, d);
        let url = format!("/partnere/{}/", d.slug);
        match r.view_file("partner.html", &url, &Values { partner: &view }) {
            Ok(f) => vec![f],
            Err(e) => {
                diags.push(e);
                Vec::new()
            }
        }
    });
    let mut sorted: Vec<&PartnerSummary> = r.summaries.values().collect();
    sorted.sort_by_key(|s| sort_key(&s.name));

    #[derive(serde::Serialize)]
    struct ListValues<'a> {
        partners: &'a [&'a PartnerSummary],
        sectors: Vec<(char, SectorCount)>,
    }
    let values = ListValues {
        partners: &sorted,
        sectors: sector_counts(&sorted),
    };
    push(
        &mut files,
        diags,
        r.view_file("partners.html", "/partnere/", &values),
    );

    for (code, _) in sector_counts(&sorted) {
        let members: Vec<&&PartnerSummary> =
            sorted.iter().filter(|s| s.sector.code == code).collect();
        let url = format!("/sektor/{}/", code.to_ascii_lowercase());
        #[derive(serde::Serialize)]
        struct SectorValues<'a> {
            sector: SectorView,
            partners: Vec<&'a &'a PartnerSummary>,
            figures: Option<&'a SectorRow>,
        }
        let values = SectorValues {
            sector: sector_view(code, r.site.config.language, &r.base_path),
            partners: members,
            figures: r
                .data
                .results
                .by_sector
                .iter()
                .find(|s| s.code == code.to_string()),
        };
        push(&mut files, diags, r.view_file("sector.html", &url, &values));
    }

    let sector_names: BTreeMap<String, &str> = crate::model::SECTORS
        .iter()
        .map(|(code, _, _)| {
            (
                code.to_string(),
                crate::model::sector_name(*code, r.site.config.language),
            )
        })
        .collect();
    #[derive(serde::Serialize)]
    struct ResultsValues<'a> {
        results: &'a serde_json::Value,
        sector_names: BTreeMap<String, &'a str>,
        partners: &'a [&'a PartnerSummary],
        charts: Vec<super::ChartView>,
        /// The site's methodology page (`content/metode.md`), when it has one.
        methodology_url: Option<String>,
    }
    let values = ResultsValues {
        results: &r.results,
        sector_names,
        partners: &sorted,
        charts: r.chart_views(&r.charts.network, "grafer/"),
        methodology_url: r
            .visible_pages()
            .any(|p| p.url == METHODOLOGY)
            .then(|| super::view::internal(&r.base_path, METHODOLOGY)),
    };
    push(
        &mut files,
        diags,
        r.view_file("results.html", "/resultater/", &values),
    );
    files
}

fn push(
    files: &mut Vec<OutputFile>,
    diags: &mut Diagnostics,
    result: Result<OutputFile, crate::diagnostics::Diagnostic>,
) {
    match result {
        Ok(f) => files.push(f),
        Err(d) => diags.push(d),
    }
}

#[derive(serde::Serialize)]
struct SectorCount {
    code: char,
    name: &'static str,
    url: String,
    partners: usize,
}

fn sector_counts(sorted: &[&PartnerSummary]) -> Vec<(char, SectorCount)> {
    let mut counts: BTreeMap<char, SectorCount> = BTreeMap::new();
    for s in sorted {
        counts
            .entry(s.sector.code)
            .or_insert_with(|| SectorCount {
                code: s.sector.code,
                name: s.sector.name,
                url: s.sector.url.clone(),
                partners: 0,
            })
            .partners += 1;
    }
    counts.into_iter().collect()
}

fn partner_view(r: &Renderer, p: &Partner, d: &PartnerData) -> PartnerView {
    let summary = r
        .summaries
        .get(&p.slug)
        .cloned()
        .unwrap_or_else(|| summary(r.site, p, d, &r.base_path));
    let as_of = r.site.config.results.as_of;
    let reporting_year = r.site.config.results.reporting_year;
    let emissions = p.emissions.as_ref();
    let current = emissions.and_then(|e| e.year(reporting_year));
    let categories = |scope: Option<&crate::model::Scope>| -> Vec<CategoryView> {
        scope.map_or_else(Vec::new, |s| {
            s.categories
                .iter()
                .map(|(key, tonnes)| CategoryView {
                    key,
                    tonnes: crate::format::to_f64(*tonnes),
                })
                .collect()
        })
    };
    let story_html = p
        .story
        .as_ref()
        .map(|md| r.markdown(md, Trust::Partner, "").html);
    let charts = r
        .charts
        .partners
        .get(&p.slug)
        .map(|c| r.chart_views(c, &format!("partnere/{}/", p.slug)))
        .unwrap_or_default();
    PartnerView {
        org_number: p.org_number.clone(),
        certificates: p
            .principles
            .certificates
            .iter()
            .map(|c| CertificateView {
                scheme: c.scheme.key(),
                id: c.id.clone(),
                valid_until: c.valid_until.to_string(),
                valid: c.valid_until >= as_of,
            })
            .collect(),
        series: d.series.clone(),
        notes: emissions
            .map(|e| {
                e.years
                    .iter()
                    .filter_map(|y| {
                        Some(YearNote {
                            year: y.year,
                            note: y.note.clone()?,
                        })
                    })
                    .collect()
            })
            .unwrap_or_default(),
        base_year: emissions.map(|e| e.base_year),
        targets: emissions
            .map(|e| {
                e.targets
                    .iter()
                    .zip(&d.targets)
                    .map(|(t, progress)| target_view(t, progress))
                    .collect()
            })
            .unwrap_or_default(),
        main_target: d.main_target,
        scope1_categories: categories(current.and_then(|y| y.scope1.as_ref())),
        scope3_categories: categories(current.and_then(|y| y.scope3.as_ref())),
        story_html,
        charts,
        summary,
    }
}
