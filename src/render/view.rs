//! The template API: every value a theme can use, as `Serialize` structs (like Zola's `ser.rs`).
//!
//! Templates never see internal types. A theme author reads this file (or docs/templates.md,
//! which describes it) and nothing else. Numbers stay numbers here; templates format them with
//! the filters of `crate::filters`. Partner text is passed as plain strings that Tera escapes;
//! only `*_html` fields hold markup, and those were sanitized or built by nfk.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use crate::aggregate::{
    PartnerData, Progress, SectorMedians, SectorRow, TargetProgress, YearFigures,
};
use crate::charts::Table;
use crate::model::{Language, MenuItem, Normaliser, Partner, Sbti, Scope2Method, Site, TargetKind};
use crate::routes::{RoutePlan, urls};
use crate::strings::Strings;

#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    pub title: String,
    pub description: String,
    /// Absolute, ends with `/`.
    pub base_url: String,
    /// The path part of `base_url` (`/` or `/nfk/`): prefix of the URLs of files every
    /// language shares (`static/`, `data/`).
    pub base_path: String,
    /// The front page of this page's language (`/`, `/nfk/`, `/en/`): prefix of the URLs of
    /// pages (`{{ site.home_path }}partnere/`), which are in this language too.
    pub home_path: String,
    /// This page's language: `nb`, `en` (`<html lang>`).
    pub language: &'static str,
    /// The site's default language's code (`x-default`).
    pub default_language: &'static str,
    /// The language partners' own words without a translation are in (notes, target labels),
    /// when it is not the page's: `nb` on an English page, for `lang="nb"` around them.
    pub partner_lang: Option<&'static str>,
    pub menu: Vec<MenuView>,
    /// The footer's links (`footer_menu` in site.yaml), like `menu`.
    pub footer_menu: Vec<MenuView>,
    /// The accessibility statement's facts (`accessibility` in site.yaml), for the
    /// `accessibility.html` template; none when site.yaml has no `accessibility:`.
    pub accessibility: Option<AccessibilityView>,
    /// The glossary (`/ordliste/`), with the base path: terms link to `{{ site.glossary_url }}#scope-2`.
    pub glossary_url: String,
    pub summit: Option<SummitView>,
    pub reporting_year: i32,
    pub compare_year: i32,
    pub as_of: String,
    pub requirements: RequirementsView,
    pub fee_tiers: Vec<FeeTierView>,
    /// Non-draft partners (all partners with `--drafts`).
    pub partner_count: usize,
    /// `true` in `nfk serve`: the page gets the live-reload script.
    pub live_reload: bool,
    /// Drafts are shown and counted (`build --drafts`, `nfk serve`): every page says so.
    pub preview: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct MenuView {
    pub title: String,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AccessibilityView {
    /// Where the statement is published (uustatus.no).
    pub statement_url: String,
    /// An e-mail address (without `mailto:`).
    pub contact: String,
    /// `YYYY-MM-DD`; `human_date` shows it.
    pub last_reviewed: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SummitView {
    pub title: String,
    pub date: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RequirementsView {
    pub first_by: String,
    pub full_by: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FeeTierView {
    pub min_employees: u32,
    /// `None` for the last tier.
    pub max_employees: Option<u32>,
    pub fee_nok: u32,
}

#[derive(Debug, Clone, Serialize)]
pub struct SectorView {
    pub code: char,
    pub name: String,
    pub url: String,
}

/// A partner as lists and cards show it.
#[derive(Debug, Clone, Serialize)]
pub struct PartnerSummary {
    pub slug: String,
    pub url: String,
    pub name: String,
    /// In the page's language, or (untranslated) in the default language's.
    pub summary: Option<String>,
    /// The code of the language `summary` is written in when it is not the page's (`nb` on an
    /// English page): the template marks it with `lang` and a note.
    pub summary_lang: Option<&'static str>,
    pub sector: SectorView,
    pub employees: u32,
    pub fee_nok: u32,
    pub website: Option<String>,
    pub partner_since: Option<String>,
    pub logo_url: Option<String>,
    pub draft: bool,
    /// The four principles, in SPEC order.
    pub principles: Vec<PrincipleView>,
    pub first_requirement: bool,
    pub full_requirement: bool,
    /// `None` when the partner has no targets.
    pub on_track: Option<bool>,
    /// The status of the main target (`on_track` …); `None` without targets.
    pub main_target_status: Option<Progress>,
    pub has_emissions: bool,
    pub reports_reporting_year: bool,
    /// The reporting year's figures, when reported.
    pub current: Option<YearFigures>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PrincipleView {
    /// `accounting_and_targets`, `supplier_requirements`, `strategy`, `certification`.
    pub key: &'static str,
    pub met: bool,
    /// The partner's own status (`in_place` …) for principles 2 and 3.
    pub status: Option<&'static str>,
    pub since: Option<i32>,
    pub note: Option<String>,
}

/// Everything the partner page shows.
#[derive(Debug, Clone, Serialize)]
pub struct PartnerView {
    #[serde(flatten)]
    pub summary: PartnerSummary,
    pub org_number: String,
    pub certificates: Vec<CertificateView>,
    /// Every reported year, ascending.
    pub series: Vec<YearFigures>,
    pub notes: Vec<YearNote>,
    pub base_year: Option<i32>,
    pub targets: Vec<TargetView>,
    /// The index in `targets` of the main target (docs/figures.md "Main target").
    pub main_target: Option<usize>,
    /// Category breakdown of the reporting year (empty when given as totals only).
    pub scope1_categories: Vec<CategoryView>,
    pub scope3_categories: Vec<CategoryView>,
    /// Sanitized HTML from story.md (or its translation, `story.en.md`).
    pub story_html: Option<String>,
    /// The code of the language the story is written in when it is not the page's, as
    /// `PartnerSummary::summary_lang`.
    pub story_lang: Option<&'static str>,
    pub charts: Vec<ChartView>,
    /// The reporting year's intensities beside the sector's medians; `None` when the partner
    /// has neither intensity that year (docs/figures.md "Intensities").
    pub intensities: Option<IntensityView>,
}

/// A partner's reporting-year intensities (t CO₂e of scope 1 + 2 location-based) and the
/// medians of its sector's partners that report the same normaliser, for the `intensity`
/// filter (`{{ v | intensity(per="mnok") }}`).
#[derive(Debug, Clone, Serialize)]
pub struct IntensityView {
    pub year: i32,
    pub per_employee: Option<f64>,
    pub per_mnok: Option<f64>,
    /// The sector's `median_per_employee`, `median_per_mnok` (null below `min_partners`) and
    /// their `_partners` counts, as in `results.json`'s `by_sector`.
    pub sector: SectorMedians,
    /// The fewest partners a median is given for (3).
    pub min_partners: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct YearNote {
    pub year: i32,
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct CertificateView {
    /// `miljofyrtarn`, `iso14001`, `emas`.
    pub scheme: &'static str,
    pub id: Option<String>,
    pub valid_until: String,
    /// Valid on `as_of`.
    pub valid: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct CategoryView {
    /// The SPEC key, e.g. `business_travel`; the theme's strings name it (`cat_business_travel`).
    pub key: &'static str,
    pub tonnes: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct TargetView {
    pub label: String,
    pub scopes: Vec<u8>,
    pub reduction_percent: f64,
    /// `absolute` or `intensity`.
    pub kind: &'static str,
    /// `employee` or `revenue_mnok` for intensity targets.
    pub per: Option<&'static str>,
    pub scope2_method: &'static str,
    pub sbti: &'static str,
    #[serde(flatten)]
    pub progress: TargetProgress,
}

/// A content page (or a section's own page).
#[derive(Debug, Clone, Serialize)]
pub struct PageView {
    pub title: String,
    pub description: Option<String>,
    /// Root-relative, with the base path: `/nyheter/a/`.
    pub url: String,
    /// Absolute, with `base_url`.
    pub permalink: String,
    pub date: Option<String>,
    pub updated: Option<String>,
    pub weight: i64,
    pub draft: bool,
    /// The rendered Markdown.
    pub content: String,
    /// First paragraph as plain text, for lists and feeds (at most ~200 characters).
    pub summary: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    #[serde(flatten)]
    pub page: PageView,
    /// The pages of this paginator page, newest first, then by weight and title.
    pub pages: Vec<PageView>,
    pub subsections: Vec<PageView>,
    pub paginator: Paginator,
}

#[derive(Debug, Clone, Serialize)]
pub struct Paginator {
    pub current: usize,
    pub total: usize,
    pub previous_url: Option<String>,
    pub next_url: Option<String>,
    /// The first, the last, and the pages near the current one (not all of them).
    pub pages: Vec<PaginatorLink>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PaginatorLink {
    pub number: usize,
    pub url: String,
    /// Numbers were left out before this one (show `…`).
    pub gap_before: bool,
}

/// A chart as templates see it: the chart plus where its `.svg` file is published.
#[derive(Debug, Clone, Serialize)]
pub struct ChartView {
    pub name: String,
    pub title: String,
    pub desc: String,
    /// Wide layout (desktop, and the downloadable file).
    pub svg: Arc<str>,
    /// Narrow layout (phones); the theme shows one of the two by screen width.
    pub svg_narrow: Arc<str>,
    pub download_url: String,
    /// The same drawing as a PNG at twice its size, published beside the `.svg`.
    pub png_url: String,
    pub table: Table,
}

/// What `base.html` puts in `<head>` for search engines and sharing: every page's common
/// context has it as `page_meta` (`null` for the 404 page, which has no address of its own).
#[derive(Debug, Clone, Serialize)]
pub struct PageMeta {
    /// The page's absolute URL (`base_url` + its path): `<link rel="canonical">`, `og:url`.
    pub canonical_url: String,
    /// `og:type`: `article` for a content page, `website` for every other page.
    pub og_type: &'static str,
    /// The page's share image (1200×630 PNG), absolute, for `og:image`; `None` when it has none
    /// (only partner pages and the results page have one).
    pub image_url: Option<String>,
    /// The page in each language it exists in (itself included), absolute:
    /// `<link rel="alternate" hreflang>`. Empty when it exists in one language only.
    pub alternates: Vec<Alternate>,
    /// The page in the default language, absolute: `hreflang="x-default"`.
    pub x_default: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Alternate {
    pub hreflang: &'static str,
    pub url: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct LanguageLink {
    /// `en`: for `hreflang` and `lang` on the link.
    pub code: &'static str,
    /// The language's name in itself: "English", "Norsk".
    pub name: String,
    /// With the base path.
    pub url: String,
}

/// A section as the front page sees it, without pagination.
#[derive(Debug, Clone, Serialize)]
pub struct SectionListView {
    pub title: String,
    pub url: String,
    /// How many pages the section has.
    pub count: usize,
    /// The newest pages (at most one paginator page: the front page shows a few, not all).
    pub pages: Vec<PageView>,
    /// Pages dated on or after `as_of`, soonest first: coming events.
    pub upcoming: Vec<PageView>,
}

/// A sector on the partner list, with how many partners it has.
#[derive(Debug, Clone, Serialize)]
pub struct SectorCountView {
    pub code: char,
    pub name: String,
    pub url: String,
    pub partners: usize,
}

// The contexts: what each template gets besides `site`, `t` and `current_path` (every field is
// a template variable of that name). docs/templates.md describes each.

/// `index.html`, the front page.
#[derive(Serialize)]
pub struct IndexContext<'a> {
    /// `content/_index.md`, or a page made of the site's title and description.
    pub page: &'a PageView,
    /// The whole `results.json` document.
    pub results: &'a serde_json::Value,
    /// Every visible partner, by slug.
    pub partners: Vec<&'a PartnerSummary>,
    /// Each section by its URL without the base path (`/nyheter/`).
    pub sections: BTreeMap<String, SectionListView>,
    /// The network's charts.
    pub charts: Vec<ChartView>,
}

/// `page.html` (or the page's own `template:`).
#[derive(Serialize)]
pub struct PageContext<'a> {
    pub page: &'a PageView,
}

/// `section.html` (or the section's own `template:`), once per listing page.
#[derive(Serialize)]
pub struct SectionContext<'a> {
    pub section: &'a SectionView,
    /// The section's own page (the same as `section` without the listing).
    pub page: &'a PageView,
}

/// `glossary.html`, the page `/ordliste/`.
#[derive(Serialize)]
pub struct GlossaryContext<'a> {
    /// The theme's terms (`strings/glossary.<language>.yaml`), in the file's order.
    pub terms: Vec<TermView<'a>>,
}

/// A term of the glossary.
#[derive(Debug, Clone, Serialize)]
pub struct TermView<'a> {
    /// The element id of the term on `/ordliste/`: link to `{{ site.glossary_url }}#<id>`.
    pub id: &'a str,
    pub term: &'a str,
    /// A short definition in plain language (text, not HTML).
    pub definition: &'a str,
}

pub fn term_view(term: &crate::glossary::Term) -> TermView<'_> {
    TermView {
        id: &term.id,
        term: &term.term,
        definition: &term.definition,
    }
}

/// `404.html`: only the common context.
#[derive(Serialize)]
pub struct NotFoundContext {}

/// `partner.html`.
#[derive(Serialize)]
pub struct PartnerContext<'a> {
    pub partner: &'a PartnerView,
}

/// A partner in a list of cards: its summary and its card, made once for every list
/// (`parts/partner_card.html`, `render/parts.rs`).
#[derive(Serialize)]
pub struct ListedPartner<'a> {
    #[serde(flatten)]
    pub summary: &'a PartnerSummary,
    /// The card's HTML.
    pub card: &'a str,
}

/// `partners.html`, the partner list.
#[derive(Serialize)]
pub struct PartnerListContext<'a> {
    /// In Norwegian alphabetical order.
    pub partners: Vec<ListedPartner<'a>>,
    /// `[code, count]` pairs, by sector code.
    pub sectors: Vec<(char, SectorCountView)>,
    /// The static lists by principle, fee and main-target status.
    pub lists: PartnerListsView,
}

/// Links to the static lists of partners (docs/decisions.md, "Partner lists").
#[derive(Debug, Clone, Serialize)]
pub struct PartnerListsView {
    /// One per principle, in SPEC order; `key` is the principle's (`strategy`).
    pub principles: Vec<GroupLink>,
    /// One per fee tier, in `site.yaml` order; `key` is the fee (`10000`), `tier` the tier.
    pub fee_tiers: Vec<GroupLink>,
    /// One per main-target status; `key` is the status (`on_track`).
    pub main_target: Vec<GroupLink>,
}

/// A static list of partners: what it groups by, its URL and how many partners it lists.
#[derive(Debug, Clone, Serialize)]
pub struct GroupLink {
    /// `principle`, `fee_tier` or `main_target`.
    pub kind: &'static str,
    pub key: String,
    pub url: String,
    pub partners: usize,
    /// For a fee tier: its employees and fee.
    pub tier: Option<FeeTierView>,
}

/// `search.html`, the page `/sok/`.
#[derive(Serialize)]
pub struct SearchContext<'a> {
    /// Every partner, in Norwegian alphabetical order: the list readers without JavaScript get.
    pub partners: &'a [&'a PartnerSummary],
    /// `[code, { code, name, url, partners }]`, as on `partners.html`: the sector filter.
    pub sectors: Vec<(char, SectorCountView)>,
    /// Pagefind's script (`/pagefind/pagefind.js`, with the base path).
    pub pagefind_url: String,
}

/// `partner_group.html`: one static list.
#[derive(Serialize)]
pub struct PartnerGroupContext<'a> {
    pub group: GroupLink,
    /// The list's partners, in Norwegian alphabetical order.
    pub partners: Vec<ListedPartner<'a>>,
    /// Every list of the same kind, for links to the others.
    pub lists: PartnerListsView,
}

/// `sector.html`.
#[derive(Serialize)]
pub struct SectorContext<'a> {
    pub sector: SectorView,
    /// The sector's partners, in Norwegian alphabetical order.
    pub partners: Vec<ListedPartner<'a>>,
    /// The sector's row of `results.by_sector`, if it has one.
    pub figures: Option<&'a SectorRow>,
}

/// `results.html`.
#[derive(Serialize)]
pub struct ResultsContext<'a> {
    /// The whole `results.json` document (kept as JSON while its shape is being reworked).
    pub results: &'a serde_json::Value,
    /// SN2007 code → the sector's name in the site's language.
    pub sector_names: BTreeMap<String, &'a str>,
    /// In Norwegian alphabetical order.
    pub partners: &'a [&'a PartnerSummary],
    pub charts: Vec<ChartView>,
    /// The site's methodology page (`content/metode.md`), when it has one: where "Om tallene"
    /// links to.
    pub methodology_url: Option<String>,
}

/// `summit.html`, the summit presentation `/toppmote/`: the results page's figures, slide by slide.
#[derive(Serialize)]
pub struct SummitContext<'a> {
    /// The whole `results.json` document, as on the results page.
    pub results: &'a serde_json::Value,
    /// SN2007 code → the sector's name in the site's language.
    pub sector_names: BTreeMap<String, &'a str>,
    /// One slide each, in Norwegian alphabetical order.
    pub partners: Vec<SlidePartner<'a>>,
    /// The network's charts by name (`like-for-like`, `principles`, `by-sector`, …).
    pub charts: BTreeMap<String, ChartView>,
    /// The editors' slides (`content/toppmote/*.md`), by weight, then title.
    pub slides: Vec<SlideView>,
    /// The results page, where the closing slide points.
    pub results_url: String,
}

/// A partner as its summit slide shows it: the card's values and its main target.
#[derive(Serialize)]
pub struct SummitPartnerView<'a> {
    #[serde(flatten)]
    pub summary: &'a PartnerSummary,
    /// The main target (docs/figures.md "Main target") with its status; `None` without targets.
    pub main_target: Option<TargetView>,
}

/// A partner of the summit with its slide, made by `parts/summit_partner.html`.
#[derive(Serialize)]
pub struct SlidePartner<'a> {
    #[serde(flatten)]
    pub partner: &'a SummitPartnerView<'a>,
    /// The slide's HTML.
    pub slide: &'a str,
}

/// What a part (`parts/*.html`) of one partner gets besides `site` and `t`.
#[derive(Serialize)]
pub struct PartContext<'a, T> {
    pub p: &'a T,
}

/// An editor's slide.
#[derive(Serialize)]
pub struct SlideView {
    /// The section's `id`: `lysbilde-<file name>`.
    pub id: String,
    pub title: String,
    /// The rendered Markdown.
    pub content: String,
}

/// `shortcodes/chart.html`: `{{ chart(name="…") }}` in a content page.
#[derive(Serialize)]
pub struct ChartShortcodeContext<'a> {
    pub chart: &'a ChartView,
}

/// `shortcodes/partner.html`: `{{ partner(slug="…") }}` in a content page.
#[derive(Serialize)]
pub struct PartnerShortcodeContext<'a> {
    pub partner: &'a PartnerSummary,
}

pub fn principle_views(partner: &Partner, data: &PartnerData) -> Vec<PrincipleView> {
    let p = &partner.principles;
    let own = |key, met, principle: &Option<crate::model::Principle>| PrincipleView {
        key,
        met,
        status: principle.as_ref().map(|x| x.status.key()),
        since: principle.as_ref().and_then(|x| x.since),
        note: principle.as_ref().and_then(|x| x.note.clone()),
    };
    vec![
        PrincipleView {
            key: "accounting_and_targets",
            met: data.principles.accounting_and_targets,
            status: None,
            since: None,
            note: None,
        },
        own(
            "supplier_requirements",
            data.principles.supplier_requirements,
            &p.supplier_requirements,
        ),
        own("strategy", data.principles.strategy, &p.strategy),
        PrincipleView {
            key: "certification",
            met: data.principles.certification,
            status: None,
            since: None,
            note: None,
        },
    ]
}

pub fn sector_view(code: char, strings: &Strings, base_path: &str) -> SectorView {
    SectorView {
        code,
        name: strings.sector(code).to_string(),
        url: internal(base_path, &urls::sector(code)),
    }
}

pub fn target_view(target: &crate::model::Target, progress: &TargetProgress) -> TargetView {
    let (kind, per) = match target.kind {
        TargetKind::Absolute => ("absolute", None),
        TargetKind::Intensity(Normaliser::Employee) => ("intensity", Some("employee")),
        TargetKind::Intensity(Normaliser::RevenueMnok) => ("intensity", Some("revenue_mnok")),
    };
    TargetView {
        label: target.label.clone(),
        scopes: target.scopes.clone(),
        reduction_percent: crate::format::to_f64(target.reduction_percent),
        kind,
        per,
        scope2_method: match target.scope2_method {
            Scope2Method::Location => "location",
            Scope2Method::Market => "market",
        },
        sbti: match target.sbti {
            Sbti::None => "none",
            Sbti::Committed => "committed",
            Sbti::Validated => "validated",
        },
        progress: progress.clone(),
    }
}

/// The fee tiers of `site.yaml` with the employees each starts at.
pub fn fee_tier_views(tiers: &[crate::model::FeeTier]) -> Vec<FeeTierView> {
    let mut min = 0;
    tiers
        .iter()
        .map(|t| {
            let view = FeeTierView {
                min_employees: min,
                max_employees: t.max_employees,
                fee_nok: t.fee_nok,
            };
            min = t.max_employees.map_or(min, |m| m + 1);
            view
        })
        .collect()
}

pub fn site_view(
    site: &Site,
    plan: &RoutePlan,
    language: Language,
    base_url: &str,
    partner_count: usize,
    (live_reload, preview): (bool, bool),
) -> SiteView {
    let c = &site.config;
    let base_path = base_path(base_url);
    let home_path = internal(&base_path, &urls::in_language("/", language, c.language));
    let fee_tiers = fee_tier_views(&c.fee_tiers);
    let translation = c.translation(language).filter(|_| language != c.language);
    let menu = |given: Option<&Vec<MenuItem>>, default: &[MenuItem]| -> Vec<MenuView> {
        match given {
            Some(items) => (items.iter())
                .map(|m| MenuView {
                    title: m.title.clone(),
                    url: internal(&base_path, &m.url),
                })
                .collect(),
            None if language == c.language => (default.iter())
                .map(|m| MenuView {
                    title: m.title.clone(),
                    url: internal(&base_path, &m.url),
                })
                .collect(),
            // Not translated: the default menu's items that have a page in this language.
            None => (default.iter())
                .filter_map(|m| {
                    if !m.url.starts_with('/') {
                        return Some(MenuView {
                            title: m.title.clone(),
                            url: m.url.clone(),
                        });
                    }
                    let (_, url) =
                        (plan.translations(&m.url).iter()).find(|(l, _)| *l == language)?;
                    let title = (site.pages.iter())
                        .find(|p| &p.url == url)
                        .map_or_else(|| m.title.clone(), |p| p.title.clone());
                    Some(MenuView {
                        title,
                        url: internal(&base_path, url),
                    })
                })
                .collect(),
        }
    };
    SiteView {
        title: (translation.and_then(|t| t.title.clone())).unwrap_or_else(|| c.title.clone()),
        description: (translation.and_then(|t| t.description.clone()))
            .unwrap_or_else(|| c.description.clone()),
        base_url: base_url.to_string(),
        base_path: base_path.clone(),
        home_path: home_path.clone(),
        language: language.code(),
        default_language: c.language.code(),
        partner_lang: (language != c.language).then_some(c.language.code()),
        menu: menu(translation.and_then(|t| t.menu.as_ref()), &c.menu),
        footer_menu: menu(
            translation.and_then(|t| t.footer_menu.as_ref()),
            &c.footer_menu,
        ),
        accessibility: c.accessibility.as_ref().map(|a| AccessibilityView {
            statement_url: a.statement_url.clone(),
            contact: a.contact.clone(),
            last_reviewed: a.last_reviewed.to_string(),
        }),
        glossary_url: internal(&home_path, urls::GLOSSARY),
        summit: c.summit.as_ref().map(|s| SummitView {
            title: s.title.clone(),
            date: s.date.to_string(),
        }),
        reporting_year: c.results.reporting_year,
        compare_year: c.results.compare_year,
        as_of: c.results.as_of.to_string(),
        requirements: RequirementsView {
            first_by: c.requirements.first_by.to_string(),
            full_by: c.requirements.full_by.to_string(),
        },
        fee_tiers,
        partner_count,
        live_reload,
        preview,
    }
}

/// `https://example.org/nfk/` → `/nfk/`.
pub fn base_path(base_url: &str) -> String {
    let path = url::Url::parse(base_url)
        .map(|u| u.path().to_string())
        .unwrap_or_else(|_| "/".into());
    if path.ends_with('/') {
        path
    } else {
        format!("{path}/")
    }
}

/// A root-relative URL of this site with the base path in front; other URLs unchanged.
pub fn internal(base_path: &str, url: &str) -> String {
    match url.strip_prefix('/') {
        Some(rest) if !url.starts_with("//") => format!("{base_path}{rest}"),
        _ => url.to_string(),
    }
}
