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
use crate::messages::{Arg, Args, Quote, ids};
use crate::model::{Language, Page, Site};
pub use urls::ChartOwner;

/// A content page, by its index in `Site::pages`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PageId(pub usize);

/// What an output is, and which part of the site renders it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
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
    /// What nfk writes there, for messages: "the sitemap", "the partner page of `alfa`", as a
    /// phrase of the catalogue (`kind-*`), worded in the message's language.
    pub fn describe(&self) -> Arg {
        let with = |id: &'static str, args: Args| {
            Arg::Message(Box::new(Quote {
                id,
                help: false,
                args,
            }))
        };
        let slug = |slug: &String| vec![("slug", Arg::from(slug))];
        let chart = |name: &String, owner: &ChartOwner| {
            let mut args = vec![("name", Arg::from(name))];
            if let ChartOwner::Partner(slug) = owner {
                args.push(("slug", slug.into()));
            }
            args
        };
        match self {
            Kind::FrontPage { .. } => Arg::word(ids::KIND_FRONT_PAGE),
            Kind::Page { .. } => Arg::word(ids::KIND_PAGE),
            Kind::Section { number, .. } => {
                with(ids::KIND_SECTION_PAGE, vec![("number", (*number).into())])
            }
            Kind::NotFound => Arg::word(ids::KIND_NOT_FOUND),
            Kind::Glossary => Arg::word(ids::KIND_GLOSSARY),
            Kind::PartnerList => Arg::word(ids::KIND_PARTNER_LIST),
            Kind::Partner { slug: s } => with(ids::KIND_PARTNER, slug(s)),
            Kind::Sector { code } => {
                with(ids::KIND_SECTOR, vec![("code", code.to_string().into())])
            }
            Kind::PartnerGroup { group } => match group {
                Group::Principle(key) => {
                    with(ids::KIND_PRINCIPLE_LIST, vec![("key", (*key).into())])
                }
                Group::FeeTier(fee) => with(ids::KIND_FEE_LIST, vec![("fee", (*fee).into())]),
                Group::MainTarget(status) => {
                    let name = (urls::TARGET_STATUS_LISTS.iter())
                        .find(|(s, _)| s == status)
                        .map_or("", |(_, name)| name);
                    with(ids::KIND_TARGET_STATUS_LIST, vec![("status", name.into())])
                }
            },
            Kind::Results => Arg::word(ids::KIND_RESULTS),
            Kind::Summit => Arg::word(ids::KIND_SUMMIT),
            Kind::Search => Arg::word(ids::KIND_SEARCH),
            Kind::Chart { owner, name } => match owner {
                ChartOwner::Network => with(ids::KIND_NETWORK_CHART, chart(name, owner)),
                ChartOwner::Partner(_) => with(ids::KIND_PARTNER_CHART, chart(name, owner)),
            },
            Kind::ChartPng { owner, name } => match owner {
                ChartOwner::Network => with(ids::KIND_NETWORK_CHART_PNG, chart(name, owner)),
                ChartOwner::Partner(_) => with(ids::KIND_PARTNER_CHART_PNG, chart(name, owner)),
            },
            Kind::ShareImage { slug: s } => match s {
                Some(s) => with(ids::KIND_SHARE_IMAGE, slug(s)),
                None => Arg::word(ids::KIND_RESULTS_SHARE_IMAGE),
            },
            Kind::ResultsJson => with(ids::KIND_OPEN_DATA, vec![("file", "results.json".into())]),
            Kind::PartnersCsv => with(ids::KIND_OPEN_DATA, vec![("file", "partners.csv".into())]),
            Kind::EmissionsCsv => with(ids::KIND_OPEN_DATA, vec![("file", "emissions.csv".into())]),
            Kind::Sitemap => Arg::word(ids::KIND_SITEMAP),
            Kind::Feed => Arg::word(ids::KIND_FEED),
            Kind::Robots => "robots.txt".into(),
            Kind::ThemeFile { .. } => Arg::word(ids::KIND_THEME_FILE),
            Kind::Asset { .. } => Arg::word(ids::KIND_ASSET),
            Kind::Logo { slug: s } => with(ids::KIND_LOGO, slug(s)),
            Kind::StoryImage { slug: s, .. } => with(ids::KIND_STORY_IMAGE, slug(s)),
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    /// The figures of a sector that a partner's page compares it with (the medians of the
    /// sector with this SN2007 letter).
    Sector(char),
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
    /// What the output is made from besides what every route shares (`site.yaml`, the theme,
    /// the plan itself): `serve` renders again only the routes whose inputs changed
    /// (`render/reuse.rs`), so this must name everything the route's file shows.
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

impl Members {
    /// The pages listing page `number` (from 1) shows: [`urls::PER_PAGE`] of them.
    pub fn listing_page(&self, number: usize) -> &[PageId] {
        let start = (number.saturating_sub(1) * urls::PER_PAGE).min(self.pages.len());
        let end = (start + urls::PER_PAGE).min(self.pages.len());
        &self.pages[start..end]
    }
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

/// The plan of `site` with its drafts left out, no charts and no theme files: what the rules'
/// tests judge a site's pages and partners against.
#[cfg(test)]
pub fn plan_of(site: &crate::model::Site) -> RoutePlan {
    let data = crate::aggregate::aggregate(site, false);
    RoutePlan::new(&PlanInput {
        site,
        data: &data,
        charts: &[crate::charts::Charts::default()],
        theme_files: &[],
        drafts: false,
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
