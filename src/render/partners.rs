//! The partner showcase: the partner list, one page per partner, sector pages, and the results
//! page, each rendered for its route of the plan.

use std::collections::BTreeMap;

use super::markdown::Trust;
use super::view::{
    CategoryView, CertificateView, GroupLink, IntensityView, PartnerContext, PartnerGroupContext,
    PartnerListContext, PartnerListsView, PartnerSummary, PartnerView, ResultsContext,
    SearchContext, SectorContext, SectorCountView, YearNote, internal, principle_views,
    sector_view, target_view,
};
use super::{OutputFile, Renderer, parts};
use crate::aggregate::PartnerData;
use crate::diagnostics::Diagnostic;
use crate::model::{Partner, Site};
use crate::routes::{ChartOwner, Group, Route, urls};
use crate::strings::Strings;

/// Visible partners (those `aggregate` kept), by slug.
/// Visible partners (those `aggregate` kept), by slug, in the language of `strings`; `paths`
/// are the base path (files every language shares) and this language's home path (pages).
pub fn summaries(
    site: &Site,
    partners: &BTreeMap<&str, (&Partner, &PartnerData)>,
    strings: &Strings,
    paths: (&str, &str),
) -> BTreeMap<String, PartnerSummary> {
    partners
        .iter()
        .map(|(slug, (p, d))| (slug.to_string(), summary(site, p, d, strings, paths)))
        .collect()
}

fn summary(
    site: &Site,
    p: &Partner,
    d: &PartnerData,
    strings: &Strings,
    (base_path, home_path): (&str, &str),
) -> PartnerSummary {
    let reporting_year = site.config.results.reporting_year;
    let language = strings.language;
    let shown = p.summary_in(language, site.config.language);
    PartnerSummary {
        slug: p.slug.clone(),
        url: internal(home_path, &urls::partner(&p.slug)),
        name: p.name.clone(),
        summary: shown.map(|(text, _)| text.to_string()),
        summary_lang: shown.and_then(|(_, l)| (l != language).then_some(l.code())),
        sector: sector_view(p.sector, strings, home_path),
        employees: p.employees,
        fee_nok: d.fee_nok,
        website: p.website.clone(),
        partner_since: p.partner_since.map(|d| d.to_string()),
        logo_url: (p.logo.as_ref())
            .map(|l| internal(base_path, &urls::logo(&p.slug, &l.file_name))),
        draft: p.draft,
        principles: principle_views(p, d),
        first_requirement: d.first_requirement,
        full_requirement: d.full_requirement,
        on_track: d.on_track,
        main_target_status: d
            .main_target
            .and_then(|i| d.targets.get(i))
            .map(|t| t.status),
        has_emissions: p.emissions.is_some(),
        reports_reporting_year: d.reports_reporting_year,
        current: d.series.iter().find(|y| y.year == reporting_year).cloned(),
    }
}

/// The slugs of `summaries` in Norwegian alphabetical order of the partners' names.
pub fn alphabetical(summaries: &BTreeMap<String, PartnerSummary>) -> Vec<String> {
    let mut sorted: Vec<&PartnerSummary> = summaries.values().collect();
    sorted.sort_by_key(|s| sort_key(&s.name));
    sorted.into_iter().map(|s| s.slug.clone()).collect()
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

pub fn render_partner(r: &Renderer, route: &Route, slug: &str) -> Result<OutputFile, Diagnostic> {
    let Some((partner, data)) = r.partners.get(slug) else {
        return Err(super::missing(route));
    };
    let view = partner_view(r, partner, data);
    let values = PartnerContext { partner: &view };
    r.view_file(super::template(route), &route.url, &values)
}

pub fn render_list(r: &Renderer, route: &Route) -> Result<OutputFile, Diagnostic> {
    let sorted = r.sorted_summaries();
    let values = PartnerListContext {
        partners: parts::listed(r, sorted.iter().copied())?,
        sectors: sector_counts(&sorted),
        lists: group_links(r, &sorted),
    };
    r.view_file(super::template(route), &route.url, &values)
}

pub fn render_sector(r: &Renderer, route: &Route, code: char) -> Result<OutputFile, Diagnostic> {
    let sorted = r.sorted_summaries();
    let values = SectorContext {
        sector: sector_view(code, &r.edition.strings, &r.home_path),
        partners: parts::listed(r, sorted.into_iter().filter(|s| s.sector.code == code))?,
        figures: (r.data.results.by_sector.iter()).find(|s| s.code == code.to_string()),
    };
    r.view_file(super::template(route), &route.url, &values)
}

/// `/sok/`: the search form, and every partner for readers without JavaScript.
pub fn render_search(r: &Renderer, route: &Route) -> Result<OutputFile, Diagnostic> {
    let sorted = r.sorted_summaries();
    let values = SearchContext {
        sectors: sector_counts(&sorted),
        partners: &sorted,
        pagefind_url: r.page_link(&format!("/{}/pagefind.js", crate::search::BUNDLE_DIR)),
    };
    r.view_file(super::template(route), &route.url, &values)
}

/// A static list of partners (`/partnere/prinsipp/strategi/`).
pub fn render_group(r: &Renderer, route: &Route, group: Group) -> Result<OutputFile, Diagnostic> {
    let sorted = r.sorted_summaries();
    let lists = group_links(r, &sorted);
    let Some(link) = [&lists.principles, &lists.fee_tiers, &lists.main_target]
        .into_iter()
        .flatten()
        .find(|l| l.url == r.link(&route.url))
        .cloned()
    else {
        return Err(super::missing(route));
    };
    let values = PartnerGroupContext {
        group: link,
        partners: parts::listed(r, sorted.into_iter().filter(|s| in_group(s, group)))?,
        lists,
    };
    r.view_file(super::template(route), &route.url, &values)
}

/// `s` belongs in the list of `group`.
fn in_group(s: &PartnerSummary, group: Group) -> bool {
    match group {
        Group::Principle(key) => s.principles.iter().any(|p| p.key == key && p.met),
        Group::FeeTier(fee) => s.fee_nok == fee,
        Group::MainTarget(status) => s.main_target_status == Some(status),
    }
}

/// Every static list of the plan, with its partner count, by kind.
fn group_links(r: &Renderer, sorted: &[&PartnerSummary]) -> PartnerListsView {
    let link = |kind, key: String, url: &str, group, tier| GroupLink {
        kind,
        key,
        url: r.page_link(url),
        partners: sorted.iter().filter(|s| in_group(s, group)).count(),
        tier,
    };
    let tiers = crate::render::view::fee_tier_views(&r.site.config.fee_tiers);
    PartnerListsView {
        principles: (urls::PRINCIPLE_LISTS.iter())
            .map(|(key, _)| {
                let url = urls::principle_list(key);
                link(
                    "principle",
                    key.to_string(),
                    &url,
                    Group::Principle(key),
                    None,
                )
            })
            .collect(),
        fee_tiers: tiers
            .into_iter()
            .map(|t| {
                let url = urls::fee_tier_list(t.fee_nok);
                let group = Group::FeeTier(t.fee_nok);
                link("fee_tier", t.fee_nok.to_string(), &url, group, Some(t))
            })
            .collect(),
        main_target: (urls::TARGET_STATUS_LISTS.iter())
            .map(|(status, _)| {
                let url = urls::target_status_list(*status);
                let key = serde_json::to_value(status)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                link("main_target", key, &url, Group::MainTarget(*status), None)
            })
            .collect(),
    }
}

/// SN2007 code → the sector's name in the site's language (`results.by_sector` has codes).
pub fn sector_names<'a>(r: &Renderer<'a>) -> BTreeMap<String, &'a str> {
    crate::model::SECTOR_CODES
        .iter()
        .map(|code| (code.to_string(), r.edition.strings.sector(*code)))
        .collect()
}

pub fn render_results(r: &Renderer, route: &Route) -> Result<OutputFile, Diagnostic> {
    let sector_names = sector_names(r);
    let sorted = r.sorted_summaries();
    let values = ResultsContext {
        results: &r.results,
        sector_names,
        partners: &sorted,
        charts: r.chart_views(&r.charts.network, &ChartOwner::Network),
        methodology_url: r.plan.methodology().map(|url| {
            // The methodology in this language when it is translated, else the original.
            let translated = (r.plan.translations(url).iter()).find(|(l, _)| *l == r.language);
            r.link(translated.map_or(url, |(_, url)| url.as_str()))
        }),
    };
    r.view_file(super::template(route), &route.url, &values)
}

fn sector_counts(sorted: &[&PartnerSummary]) -> Vec<(char, SectorCountView)> {
    let mut counts: BTreeMap<char, SectorCountView> = BTreeMap::new();
    for s in sorted {
        counts
            .entry(s.sector.code)
            .or_insert_with(|| SectorCountView {
                code: s.sector.code,
                name: s.sector.name.clone(),
                url: s.sector.url.clone(),
                partners: 0,
            })
            .partners += 1;
    }
    counts.into_iter().collect()
}

fn partner_view(r: &Renderer, p: &Partner, d: &PartnerData) -> PartnerView {
    let summary = r.summaries.get(&p.slug).cloned().unwrap_or_else(|| {
        let paths = (r.base_path.as_str(), r.home_path.as_str());
        summary(r.site, p, d, &r.edition.strings, paths)
    });
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
    let story = p.story_in(r.language, r.site.config.language);
    let story_html = story.map(|(md, _)| r.markdown(md, Trust::Partner, "").html);
    let story_lang = story.and_then(|(_, l)| (l != r.language).then_some(l.code()));
    let charts = r.chart_views(
        &r.partner_charts(&p.slug),
        &ChartOwner::Partner(p.slug.clone()),
    );
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
        story_lang,
        charts,
        intensities: intensity_view(r, p, d),
        summary,
    }
}

/// The reporting year's intensities of `d` beside the medians of `p`'s sector.
fn intensity_view(r: &Renderer, p: &Partner, d: &PartnerData) -> Option<IntensityView> {
    let year = r.site.config.results.reporting_year;
    let current = d.series.iter().find(|y| y.year == year)?;
    if current.per_employee.is_none() && current.per_mnok.is_none() {
        return None;
    }
    let sector = (r.data.results.by_sector.iter())
        .find(|s| s.code == p.sector.to_string())
        .map(|s| s.medians.clone())
        .unwrap_or_default();
    Some(IntensityView {
        year,
        per_employee: current.per_employee,
        per_mnok: current.per_mnok,
        sector,
        min_partners: crate::aggregate::intensity::MIN_MEDIAN_PARTNERS,
    })
}
