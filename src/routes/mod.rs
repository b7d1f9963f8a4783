//! routes: the route plan, every output of the site planned once, before anything is rendered.
//!
//! A [`Route`] is one output file: its URL, the file it is written to, its [`Kind`] (what renders
//! it), its language, the template that renders it, what it is made from, and who wants it (the
//! file and line of an editor's page or logo, or nfk itself). Render walks the plan and makes
//! exactly these files; the link check, the sitemap, the collision check and the reserved URLs
//! read the same plan, so a new kind of output is added here once and reaches all of them.
//!
//! Pure: no IO, no rendering, no judging. Problems with the plan (two routes wanting one file)
//! are found by `validate::routes`; this module only records who wants what.

mod plan;
pub mod urls;

use std::collections::HashMap;

use crate::aggregate::{Progress, SiteData};
use crate::charts::Charts;
use crate::diagnostics::Pos;
use crate::load::StaticFile;
use crate::model::{Language, Page, Site};
pub use urls::ChartOwner;

/// A content page, by its index in `Site::pages`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PageId(pub usize);

/// What an output is, and which part of the site renders it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// `/`: the network in figures and the latest pages; `content/_index.md` gives its text.
    FrontPage {
        page: Option<PageId>,
    },
    /// A content page (not a section).
    Page {
        page: PageId,
    },
    /// Page `number` of `total` of a section's listing.
    Section {
        page: PageId,
        number: usize,
        total: usize,
    },
    NotFound,
    /// `/ordliste/`: the theme's glossary, which templates link terms to.
    Glossary,
    PartnerList,
    Partner {
        slug: String,
    },
    Sector {
        code: char,
    },
    /// A static list of partners (`/partnere/prinsipp/strategi/`): by principle, fee or the
    /// status of the main target.
    PartnerGroup {
        group: Group,
    },
    Results,
    /// `/toppmote/`: the summit presentation, its slides made from the results page's figures
    /// and the editors' slides ([`RoutePlan::slides`]).
    Summit,
    /// `/sok/`: the site search (Pagefind's index, `search.rs`); without JavaScript, the
    /// partner list.
    Search,
    /// A chart as a standalone `.svg` file.
    Chart {
        owner: ChartOwner,
        name: String,
    },
    /// The same chart as a `.png` file, rasterised from the `.svg` drawing at twice its size.
    ChartPng {
        owner: ChartOwner,
        name: String,
    },
    /// The 1200×630 share image (`og:image`) of a partner's page (`Some(slug)`) or of the
    /// results page (`None`).
    ShareImage {
        slug: Option<String>,
    },
    ResultsJson,
    PartnersCsv,
    EmissionsCsv,
    Sitemap,
    Feed,
    Robots,
    /// A file of the theme's `static/` folder, by its index in `Theme::static_files`.
    ThemeFile {
        index: usize,
    },
    /// A file of `content/` that is not Markdown, by its index in `Site::assets`.
    Asset {
        index: usize,
    },
    Logo {
        slug: String,
    },
    /// An image a partner's story shows, by its index in `Partner::images`.
    StoryImage {
        slug: String,
        index: usize,
    },
}

impl Kind {
    /// What nfk writes there, for messages: "the sitemap", "the partner page of `alfa`".
    pub fn describe(&self) -> String {
        match self {
            Kind::FrontPage { .. } => "the front page".into(),
            Kind::Page { .. } => "a content page".into(),
            Kind::Section { number, .. } => format!("page {number} of a section's listing"),
            Kind::NotFound => "the 404 page".into(),
            Kind::Glossary => "the glossary".into(),
            Kind::PartnerList => "the partner list".into(),
            Kind::Partner { slug } => format!("the partner page of `{slug}`"),
            Kind::Sector { code } => format!("the page of sector {code}"),
            Kind::PartnerGroup { group } => match group {
                Group::Principle(key) => format!("the list of partners meeting `{key}`"),
                Group::FeeTier(fee) => format!("the list of partners paying {fee} kr"),
                Group::MainTarget(status) => {
                    format!("the list of partners whose main target is {status:?}")
                }
            },
            Kind::Results => "the results page".into(),
            Kind::Summit => "the summit presentation".into(),
            Kind::Search => "the search page".into(),
            Kind::Chart { owner, name } => match owner {
                ChartOwner::Network => format!("the network chart `{name}`"),
                ChartOwner::Partner(slug) => format!("the chart `{name}` of `{slug}`"),
            },
            Kind::ChartPng { owner, name } => match owner {
                ChartOwner::Network => format!("the PNG of the network chart `{name}`"),
                ChartOwner::Partner(slug) => format!("the PNG of the chart `{name}` of `{slug}`"),
            },
            Kind::ShareImage { slug } => match slug {
                Some(slug) => format!("the share image of `{slug}`"),
                None => "the share image of the results page".into(),
            },
            Kind::ResultsJson => "the open data results.json".into(),
            Kind::PartnersCsv => "the open data partners.csv".into(),
            Kind::EmissionsCsv => "the open data emissions.csv".into(),
            Kind::Sitemap => "the sitemap".into(),
            Kind::Feed => "the Atom feed".into(),
            Kind::Robots => "robots.txt".into(),
            Kind::ThemeFile { .. } => "a file of the theme".into(),
            Kind::Asset { .. } => "a file of content/".into(),
            Kind::Logo { slug } => format!("the logo of `{slug}`"),
            Kind::StoryImage { slug, .. } => format!("an image of the story of `{slug}`"),
        }
    }

    /// An HTML page with a URL ending in `/`: listed in the sitemap.
    pub fn is_page(&self) -> bool {
        matches!(
            self,
            Kind::FrontPage { .. }
                | Kind::Page { .. }
                | Kind::Section { .. }
                | Kind::Glossary
                | Kind::PartnerList
                | Kind::Partner { .. }
                | Kind::Sector { .. }
                | Kind::PartnerGroup { .. }
                | Kind::Results
                | Kind::Summit
                | Kind::Search
        )
    }
}

/// Which partners a static list shows (docs/decisions.md, "Partner lists").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Those meeting the principle with this key (`strategy`; see [`urls::PRINCIPLE_LISTS`]).
    Principle(&'static str),
    /// Those whose fee tier has this fee.
    FeeTier(u32),
    /// Those whose main target has this status.
    MainTarget(Progress),
}

/// One input an output is made from, so a preview can tell which outputs an edit touches.
/// Every route also depends on `site.yaml` and the theme.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    /// One file of the site: a content page or asset, a theme file.
    File(String),
    /// One partner's folder (profile, emissions, story, logo, the story's images).
    Partner(String),
    /// Every visible partner: the network's figures, lists and charts.
    Network,
    /// Every visible content page (listings, the feed).
    Pages,
    /// The plan itself (the sitemap lists every page).
    Routes,
}

/// Who asked for a route's output path, for the messages about collisions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WantedBy {
    /// nfk's own output (partner pages, charts, open data, feeds).
    Nfk,
    /// A file of the theme (`(embedded theme)/static/style.css` or the site's own copy).
    Theme(String),
    /// An editor's file: a page's `slug:` line (or its path at 1:1), an asset, a `logo:` line,
    /// an image in a story.
    File { path: String, pos: Pos },
}

#[derive(Debug, Clone)]
pub struct Route {
    /// Root-relative, without the base path: `/partnere/alfa/`, `/data/results.json`.
    pub url: String,
    /// Relative to the output folder: `partnere/alfa/index.html`.
    pub output: String,
    pub kind: Kind,
    /// The language of the page (or chart, feed…); the default language for what every
    /// language shares (files, open data, the sitemap).
    pub language: Language,
    /// For HTML pages: the theme template that renders it (`page.html`).
    pub template: Option<String>,
    /// What the output is made from (read by the plan's tests; `serve` is to re-render only
    /// the outputs whose inputs changed, issue 17).
    #[cfg_attr(
        not(test),
        expect(
            dead_code,
            reason = "read by nothing but the plan's tests until issue 17"
        )
    )]
    pub made_from: Vec<Input>,
    pub wanted_by: WantedBy,
}

/// A link an editor wrote in a content page, found while render turned its Markdown into HTML;
/// `validate::links` judges it against the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenLink {
    /// The page's file (`content/a.md`): where the link is reported.
    pub source: String,
    /// The page's URL (`/a/`): what a relative link starts from.
    pub page_url: String,
    /// As written: `/partnere/`, `../b/`, `#seksjon`, `https://…`.
    pub url: String,
    pub at: Pos,
}

/// A section's members, in listing order.
#[derive(Debug, Clone, Default)]
pub struct Members {
    /// Its pages: newest first (undated last), then by weight, then by title.
    pub pages: Vec<PageId>,
    /// Its subsections, in source order.
    pub subsections: Vec<PageId>,
}

/// Every output of one build, sorted by URL.
#[derive(Debug, Clone)]
pub struct RoutePlan {
    routes: Vec<Route>,
    by_url: HashMap<String, usize>,
    /// The visible content pages, in source order (not the summit's slides).
    pages: Vec<PageId>,
    /// The editors' visible slides of the summit (`content/toppmote/*.md`), by weight, then title.
    slides: Vec<PageId>,
    /// The sections (not the front page), in source order, with their members.
    sections: Vec<(PageId, Members)>,
    /// A page's URL → the same page in each language it exists in (itself included), in the
    /// order of the site's languages; absent for a page in one language only.
    translations: HashMap<String, Vec<(Language, String)>>,
}

/// What the plan is made from.
pub struct PlanInput<'a> {
    pub site: &'a Site,
    /// The visible partners are those `aggregate` kept.
    pub data: &'a SiteData,
    /// The charts in each language of the site.
    pub charts: &'a [Charts],
    pub theme_files: &'a [StaticFile],
    /// Include draft pages (draft partners are already in or out of `data`).
    pub drafts: bool,
}

impl RoutePlan {
    /// Every route, sorted by URL.
    pub fn routes(&self) -> &[Route] {
        &self.routes
    }

    /// The route at `url` (root-relative, without the base path).
    pub fn get(&self, url: &str) -> Option<&Route> {
        self.by_url.get(url).map(|&i| &self.routes[i])
    }

    /// The URL of the site's methodology page ([`urls::METHODOLOGY`]), when the site has one.
    pub fn methodology(&self) -> Option<&str> {
        self.get(urls::METHODOLOGY).map(|route| route.url.as_str())
    }

    pub fn urls(&self) -> impl Iterator<Item = &str> {
        self.routes.iter().map(|r| r.url.as_str())
    }

    /// The visible content pages, in source order.
    pub fn pages(&self) -> &[PageId] {
        &self.pages
    }

    /// The editors' slides of the summit presentation, in the order they are shown: by
    /// `weight`, then by title. They are not pages: the presentation shows them.
    pub fn slides(&self) -> &[PageId] {
        &self.slides
    }

    /// The sections (without the front page), in source order, with their members.
    pub fn sections(&self) -> &[(PageId, Members)] {
        &self.sections
    }

    /// The page at `url` in each language it exists in, itself included, in the order of the
    /// site's languages: what `hreflang` alternates and the language switch link to. Empty for
    /// a page in one language only.
    pub fn translations(&self, url: &str) -> &[(Language, String)] {
        self.translations.get(url).map_or(&[], Vec::as_slice)
    }

    pub fn members(&self, section: PageId) -> Option<&Members> {
        self.sections
            .iter()
            .find(|(id, _)| *id == section)
            .map(|(_, m)| m)
    }
}

/// The template of each kind of page; content pages may choose theirs with `template:`.
pub fn default_template(kind: &Kind) -> Option<&'static str> {
    Some(match kind {
        Kind::FrontPage { .. } => "index.html",
        Kind::Page { .. } => "page.html",
        Kind::Section { .. } => "section.html",
        Kind::NotFound => "404.html",
        Kind::Glossary => "glossary.html",
        Kind::PartnerList => "partners.html",
        Kind::Partner { .. } => "partner.html",
        Kind::Sector { .. } => "sector.html",
        Kind::PartnerGroup { .. } => "partner_group.html",
        Kind::Results => "results.html",
        Kind::Summit => "summit.html",
        Kind::Search => "search.html",
        _ => return None,
    })
}

/// Every output path, for the plan's tests: path → the routes that want it.
#[cfg(test)]
pub fn by_output(plan: &RoutePlan) -> std::collections::BTreeMap<&str, Vec<&Route>> {
    let mut map = std::collections::BTreeMap::<&str, Vec<&Route>>::new();
    for route in plan.routes() {
        map.entry(route.output.as_str()).or_default().push(route);
    }
    map
}

/// The template file a page's `template:` names (`event` → `event.html`), or `default`.
pub fn page_template(page: &Page, default: &str) -> String {
    page.template
        .as_ref()
        .map_or_else(|| default.to_string(), |name| format!("{name}.html"))
}
