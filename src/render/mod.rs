//! render: [`Site`] + [`SiteData`] + charts + theme + [`RoutePlan`] → every output file, handed
//! to a sink as each is made ([`Prepared::each_file`]: `nfk build` writes them as they come) or
//! collected in memory ([`RenderedSite`], for `check` and `serve`). It walks the plan and makes
//! exactly the files it lists, no more:
//! which URLs exist is the plan's business (`crate::routes`), not render's.
//! Pure: no IO, no clock; the same input gives byte-identical output.
//!
//! Problems found here (an unknown shortcode, a template that fails) are diagnostics like any
//! other; the build then writes nothing. Links are only collected here, with their positions:
//! `validate::links` judges them against the plan.

pub mod markdown;
pub mod sanitize;
pub mod shortcodes;
pub mod view;

mod content;
mod drawn;
mod images;
mod outputs;
mod partners;
mod parts;
mod reuse;
mod sections;
mod share;
mod summit;

use std::collections::BTreeMap;
use std::convert::Infallible;
use std::sync::{Arc, Mutex};

use rayon::prelude::*;
use serde::Serialize;

use crate::aggregate::{PartnerData, SiteData};
use crate::charts::{Chart, Charts};
use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::memo::{Key, KeyHasher, Memos, Output, Pass, Stamps, Under};
use crate::model::{Language, Partner, Site};
use crate::routes::{ChartOwner, Kind, Route, RoutePlan, WrittenLink, urls};
use crate::theme::{Edition, Theme};
use content::Bodies;
use view::{ChartView, PartnerSummary, SiteView};

pub use crate::load::Contents;
pub use images::{PendingPictures, Pictures};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Relative to the output folder, `/` separators: `partnere/alfa/index.html`.
    pub path: String,
    pub contents: Contents,
}

impl OutputFile {
    /// A file made by the build.
    pub fn new(path: impl Into<String>, bytes: impl Into<bytes::Bytes>) -> Self {
        OutputFile {
            path: path.into(),
            contents: Contents::Bytes(bytes.into()),
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct RenderedSite {
    /// Sorted by path, each path once.
    pub files: Vec<OutputFile>,
}

impl RenderedSite {
    /// Adds `files` (paths the site does not have yet), keeping the files sorted.
    pub fn add(&mut self, files: Vec<OutputFile>) {
        self.files.extend(files);
        self.files.sort_by(|a, b| a.path.cmp(&b.path));
    }

    /// Puts each of `files` in place of the file at its path (the pictures drawn after the
    /// pages), keeping the files sorted.
    pub fn replace(&mut self, files: Vec<OutputFile>) {
        for file in files {
            match (self.files).binary_search_by(|f| f.path.as_str().cmp(&file.path)) {
                Ok(i) => self.files[i] = file,
                Err(i) => self.files.insert(i, file),
            }
        }
    }

    pub fn get(&self, path: &str) -> Option<&OutputFile> {
        self.files
            .binary_search_by(|f| f.path.as_str().cmp(path))
            .ok()
            .map(|i| &self.files[i])
    }
}

#[derive(Debug, Clone)]
pub struct RenderOptions {
    /// Absolute, ends with `/`.
    pub base_url: String,
    /// Include draft pages and partners.
    pub drafts: bool,
    /// Add the live-reload script (`nfk serve`).
    pub live_reload: bool,
    /// When the PNG files (chart PNGs, share images) are drawn: now, never (`check`) or after
    /// the pages (`serve`).
    pub pictures: images::Pictures,
}

/// A build's rendering once the Markdown bodies are made, before any file is: what the links
/// editors wrote are is known here, so the caller can decide which pages' HTML it needs to keep
/// for the link check before the files stream past ([`Prepared::each_file`]).
pub struct Prepared<'a> {
    r: Editions<'a>,
    bodies: Bodies<'a>,
    slides: Bodies<'a>,
    /// Which routes an earlier build already made (`nfk serve`).
    reuse: reuse::Reuse<'a>,
    diagnostics: Diagnostics,
}

/// Renders the Markdown bodies of the plan's pages and slides (which every listing, feed and
/// page shares); the files come from [`Prepared::each_file`].
#[expect(
    clippy::too_many_arguments,
    reason = "the stages' outputs, each its own type; `Planned::prepare` is the one caller"
)]
pub fn prepare<'a>(
    site: &'a Site,
    data: &'a SiteData,
    charts: &'a [Charts],
    theme: &'a Theme,
    plan: &'a RoutePlan,
    options: &'a RenderOptions,
    stamps: &'a Stamps,
    memos: &'a Memos,
) -> Prepared<'a> {
    // The memos' passes end with `r`: what this build did not use is then dropped.
    let passes = Arc::new(Passes {
        outputs: memos.outputs.pass(),
        charts: memos.charts.pass(),
        templates: memos.templates.pass(),
        markdown: memos.markdown.pass(),
        images: memos.images.pass(),
    });
    let reuse = reuse::Reuse::new(site, data, plan, stamps, &passes.outputs);
    let r = Editions {
        list: (theme.editions().iter())
            .map(|edition| {
                let input = Input {
                    site,
                    data,
                    charts,
                    theme,
                    plan,
                    options,
                };
                Renderer::new(input, edition, Arc::clone(&passes), memos)
            })
            .collect(),
    };
    let mut diagnostics = Diagnostics::new();
    let bodies = content::render_bodies(&r, plan.pages(), &mut diagnostics);
    let mut slides = content::render_bodies(&r, plan.slides(), &mut diagnostics);
    // A slide's links are followed from the presentation, where it is shown.
    let default = site.config.language;
    slides.relocate_links(|page| urls::in_language(urls::SUMMIT, page.language, default));
    Prepared {
        r,
        bodies,
        slides,
        reuse,
        diagnostics,
    }
}

impl Prepared<'_> {
    /// Every link the pages and slides hold, with its position, for `validate::links`.
    pub fn links(&self) -> Vec<WrittenLink> {
        (self.bodies.iter().chain(self.slides.iter()))
            .flat_map(|b| b.links.iter().cloned())
            .collect()
    }

    /// Every file of the plan, in memory, sorted by path; and the problems found on the way.
    pub fn collect(self) -> (RenderedSite, Diagnostics) {
        let files = Mutex::new(Vec::with_capacity(self.r.plan().routes().len()));
        let Ok(diagnostics) = self.each_file(|file| {
            files.lock().unwrap_or_else(|e| e.into_inner()).push(file);
            Ok::<(), Infallible>(())
        });
        let mut files = files.into_inner().unwrap_or_else(|e| e.into_inner());
        // Each path once: `validate::validate_plan` refuses a plan that writes a path twice.
        files.sort_by(|a, b| a.path.cmp(&b.path));
        (RenderedSite { files }, diagnostics)
    }

    /// Makes every file of the plan (in parallel) and hands each to `sink` from the worker that
    /// made it, as soon as it is made, in no particular order: a file is not kept here after
    /// `sink` returns, so what a build holds does not grow with the site. The first error of
    /// `sink` stops the rendering and is returned; otherwise the problems found on the way (with
    /// an error among them, what `sink` got must not be published).
    pub fn each_file<E: Send>(
        self,
        sink: impl Fn(OutputFile) -> Result<(), E> + Sync,
    ) -> Result<Diagnostics, E> {
        self.each_file_following(sink, |_| false, |_, _| {})
    }

    /// [`Prepared::each_file`], also handing `follow` a copy of the bytes of each file whose
    /// route `wants`, in the plan's order, while the rest is still being made (the search index
    /// is made from the pages as they come). The plan is rendered a [`CHUNK`] of routes at a
    /// time, so the copies waiting for their turn are at most a chunk's.
    pub fn each_file_following<E: Send>(
        self,
        sink: impl Fn(OutputFile) -> Result<(), E> + Sync,
        wants: impl Fn(&Route) -> bool + Sync,
        mut follow: impl FnMut(&Route, bytes::Bytes),
    ) -> Result<Diagnostics, E> {
        let Prepared {
            r,
            bodies,
            slides,
            reuse,
            mut diagnostics,
        } = self;
        let plan = r.plan();
        for chunk in plan.routes().chunks(CHUNK) {
            // `collect` keeps the plan's order, so the problems come in the same order every
            // build, and so do the copies.
            let made = (chunk.par_iter())
                .map(|route| {
                    let r = r.of(route.language);
                    let made = reuse.made(r, route, || render_route(r, &bodies, &slides, route));
                    match made {
                        Ok(file) => {
                            let copy = match (&file.contents, wants(route)) {
                                (Contents::Bytes(bytes), true) => Some(bytes.clone()),
                                _ => None,
                            };
                            sink(file).map(|()| Ok(copy))
                        }
                        Err(d) => Ok(Err(d)),
                    }
                })
                .collect::<Result<Vec<_>, E>>()?;
            for (route, made) in chunk.iter().zip(made) {
                match made {
                    Ok(Some(bytes)) => follow(route, bytes),
                    Ok(None) => {}
                    Err(d) => diagnostics.push(d),
                }
            }
        }
        Ok(diagnostics)
    }
}

/// How many routes are rendered together ([`Prepared::each_file_following`]): enough to keep
/// every core busy, few enough that the files in flight stay small next to the site.
const CHUNK: usize = 256;

/// Makes the one file `route` plans.
fn render_route(
    r: &Renderer,
    bodies: &Bodies,
    slides: &Bodies,
    route: &Route,
) -> Result<OutputFile, Diagnostic> {
    let file = |contents: Contents| {
        Ok(OutputFile {
            path: route.output.clone(),
            contents,
        })
    };
    let made = |bytes: &[u8]| file(Contents::Bytes(bytes::Bytes::copy_from_slice(bytes)));
    match &route.kind {
        Kind::FrontPage { page } => sections::render_front_page(r, bodies, route, *page),
        Kind::Page { page } => content::render_page(r, bodies.get(*page), route),
        Kind::Section { page, number, .. } => {
            sections::render_section(r, bodies, route, *page, *number)
        }
        Kind::NotFound => r.view_file(template(route), &route.url, &view::NotFoundContext {}),
        Kind::Glossary => r.view_file(
            template(route),
            &route.url,
            &view::GlossaryContext {
                terms: r.edition.glossary.iter().map(view::term_view).collect(),
            },
        ),
        Kind::PartnerList => partners::render_list(r, route),
        Kind::Partner { slug } => partners::render_partner(r, route, slug),
        Kind::Sector { code } => partners::render_sector(r, route, *code),
        Kind::PartnerGroup { group } => partners::render_group(r, route, *group),
        Kind::Results => partners::render_results(r, route),
        Kind::Summit => summit::render_summit(r, slides, route),
        Kind::Search => partners::render_search(r, route),
        Kind::Chart { owner, name } => match r.chart_svg(owner, name) {
            // The drawing the charts hold, shared with the file rather than copied into it.
            Some(svg) => file(Contents::Bytes(bytes::Bytes::from_owner(SharedSvg(svg)))),
            None => Err(missing(route)),
        },
        Kind::ChartPng { .. } | Kind::ShareImage { .. } if !r.options.pictures.drawn() => {
            Ok(OutputFile::new(route.output.clone(), Vec::new()))
        }
        Kind::ChartPng { owner, name } => images::chart_png(r, route, owner, name),
        Kind::ShareImage { slug } => images::share_image(r, route, slug.as_deref()),
        Kind::ResultsJson => outputs::results_json(r, route),
        Kind::PartnersCsv => outputs::partners_csv(r, route),
        Kind::EmissionsCsv => outputs::emissions_csv_file(r, route),
        Kind::Sitemap => outputs::sitemap_file(r, bodies, route),
        Kind::Feed => outputs::atom_file(r, bodies, route),
        Kind::Robots => Ok(outputs::robots(r, route)),
        // Copied files stay `Contents::Copy`: written by streaming, never read into memory.
        Kind::ThemeFile { index } => match r.theme.static_files.get(*index) {
            Some(f) => file(f.contents.clone()),
            None => Err(missing(route)),
        },
        Kind::Asset { index } => match r.site.assets.get(*index) {
            Some(f) => file(f.contents.clone()),
            None => Err(missing(route)),
        },
        Kind::Logo { slug } => {
            let logo = (r.partners.get(slug.as_str())).and_then(|(p, _)| p.logo.as_ref());
            match logo {
                Some(logo) => made(&logo.bytes),
                None => Err(missing(route)),
            }
        }
        Kind::StoryImage { slug, index } => {
            let image = (r.partners.get(slug.as_str())).and_then(|(p, _)| p.images.get(*index));
            match image {
                Some(image) => made(&image.bytes),
                None => Err(missing(route)),
            }
        }
    }
}

/// The template a page route is rendered with (the plan names one for every page).
fn template(route: &Route) -> &str {
    route.template.as_deref().unwrap_or_default()
}

/// A chart's drawing as the bytes of its `.svg` file.
struct SharedSvg(Arc<str>);

impl AsRef<[u8]> for SharedSvg {
    fn as_ref(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

/// A route whose input is gone: the plan and the site disagree, which is nfk's bug.
fn missing(route: &Route) -> Diagnostic {
    Diagnostic::error(
        "content",
        Pos::FILE,
        format!("internal error: nothing to write at {}", route.output),
    )
}

/// A renderer for each language of the site, the default first.
pub(crate) struct Editions<'a> {
    list: Vec<Renderer<'a>>,
}

impl<'a> Editions<'a> {
    /// The renderer of `language` (the default's for a language the site does not have).
    pub fn of(&self, language: Language) -> &Renderer<'a> {
        (self.list.iter())
            .find(|r| r.language == language)
            .unwrap_or(&self.list[0])
    }

    pub fn site(&self) -> &'a Site {
        self.list[0].site
    }

    pub fn plan(&self) -> &'a RoutePlan {
        self.list[0].plan
    }
}

/// The memos' passes of one build, shared by the renderers of every language (a pass drops what
/// it did not use when it ends, so there is one per memo and build).
struct Passes<'a> {
    /// Whole files by their route and inputs (`reuse.rs`).
    outputs: Pass<'a, Output>,
    /// Partners' charts by their input (`charts::draw_partner`).
    charts: Pass<'a, Vec<Chart>>,
    templates: Pass<'a, bytes::Bytes>,
    markdown: Pass<'a, markdown::Rendered>,
    /// PNGs by the SVG they are drawn from (`images.rs`).
    images: Pass<'a, bytes::Bytes>,
}

impl Passes<'_> {
    /// Marks what a reused file was made through as used by this build.
    fn touch(&self, used: &[(Under, Key)]) {
        for &(under, key) in used {
            match under {
                Under::Charts => self.charts.touch(key),
                Under::Templates => self.templates.touch(key),
                Under::Markdown => self.markdown.touch(key),
                Under::Images => self.images.touch(key),
            }
        }
    }
}

/// What a renderer of any language is made from.
struct Input<'a> {
    site: &'a Site,
    data: &'a SiteData,
    charts: &'a [Charts],
    theme: &'a Theme,
    plan: &'a RoutePlan,
    options: &'a RenderOptions,
}

/// What every rendering step of one language shares, computed once.
pub(crate) struct Renderer<'a> {
    pub site: &'a Site,
    pub data: &'a SiteData,
    /// The charts in this language.
    pub charts: &'a Charts,
    pub theme: &'a Theme,
    /// The theme in this language: templates, strings, glossary.
    pub edition: &'a Edition,
    pub language: Language,
    pub plan: &'a RoutePlan,
    pub options: &'a RenderOptions,
    pub site_view: SiteView,
    /// What links to files every language shares start with: `/`, `/nfk/`.
    pub base_path: String,
    /// What links to pages of this language start with: `/` (or `/nfk/`) for the default
    /// language, `/en/` for English on a Norwegian site.
    pub home_path: String,
    /// `results.json` as a JSON value, for templates and `figure` shortcodes.
    pub results: serde_json::Value,
    /// Visible partners (non-draft, or all with drafts), by slug.
    pub summaries: BTreeMap<String, PartnerSummary>,
    /// The visible partners' slugs in Norwegian alphabetical order of their names.
    pub alphabetical: Vec<String>,
    /// Each visible partner with its figures, by slug.
    pub partners: BTreeMap<&'a str, (&'a Partner, &'a PartnerData)>,
    /// The partners' charts being rendered ([`Renderer::partner_charts`]).
    drawn: drawn::Drawn,
    /// Every visible partner's card, made by the first list that shows it ([`parts`]).
    cards: parts::Cards,
    /// `site` and `t`, serialized once.
    base_context: tera::Context,
    /// This build's passes over the memos of template outputs, Markdown and PNGs.
    passes: Arc<Passes<'a>>,
    /// The hash of what every template call shares ([`Renderer::memo_stamp`]); `None` when the
    /// memo keeps nothing.
    stamp: Option<Key>,
}

impl<'a> Renderer<'a> {
    fn new(input: Input<'a>, edition: &'a Edition, passes: Arc<Passes<'a>>, memos: &Memos) -> Self {
        let Input {
            site,
            data,
            charts,
            theme,
            plan,
            options,
        } = input;
        let language = edition.language;
        let default = site.config.language;
        let base_path = view::base_path(&options.base_url);
        let home_path = view::internal(&base_path, &urls::in_language("/", language, default));
        let partners: BTreeMap<&str, (&Partner, &PartnerData)> = (data.visible(site))
            .map(|v| (v.partner.slug.as_str(), (v.partner, v.data)))
            .collect();
        let summaries =
            partners::summaries(site, &partners, &edition.strings, (&base_path, &home_path));
        let alphabetical = partners::alphabetical(&summaries);
        let site_view = view::site_view(
            site,
            plan,
            language,
            &options.base_url,
            summaries.len(),
            (options.live_reload, options.drafts),
        );
        let results = serde_json::to_value(&data.results).unwrap_or_default();
        let charts = (charts.iter())
            .find(|c| c.language == language)
            .unwrap_or(&charts[0]);
        let cards = parts::Cards::new(summaries.keys());
        let mut r = Renderer {
            site,
            data,
            charts,
            theme,
            edition,
            language,
            plan,
            options,
            site_view,
            base_path,
            home_path,
            results,
            summaries,
            alphabetical,
            partners,
            drawn: drawn::Drawn::new(
                (plan.routes().iter()).filter(|r| r.language == language),
                options.pictures.drawn(),
            ),
            cards,
            base_context: tera::Context::new(),
            passes,
            stamp: None,
        };
        r.base_context.insert("site", &r.site_view);
        r.base_context.insert("t", &r.edition.strings);
        r.stamp = memos.templates.keeps().then(|| r.memo_stamp());
        r
    }

    /// A root-relative URL of nfk's own pages (`urls::PARTNER_LIST`, `urls::partner(…)`) in this
    /// language, with the base path in front: what templates link to.
    pub fn page_link(&self, url: &str) -> String {
        view::internal(&self.home_path, url)
    }

    /// Visible partners' summaries in Norwegian alphabetical order.
    pub fn sorted_summaries(&self) -> Vec<&PartnerSummary> {
        (self.alphabetical.iter())
            .filter_map(|slug| self.summaries.get(slug))
            .collect()
    }

    /// Records a template output's key with the file being made on this thread, for one made
    /// on another ([`crate::memo::Pass::used`]).
    fn note_used(&self, key: Option<Key>) {
        if let Some(key) = key {
            self.passes.templates.used(key);
        }
    }

    /// A root-relative URL of the plan with the base path in front: what templates link to.
    pub fn link(&self, url: &str) -> String {
        view::internal(&self.base_path, url)
    }

    /// A partner's charts in this language (none for a partner without charts or not shown),
    /// drawn for the first file that shows them and kept until the last ([`drawn`]).
    pub fn partner_charts(&self, slug: &str) -> Arc<Vec<Chart>> {
        let named = self.charts.partners.contains_key(slug);
        match self.partners.get(slug) {
            Some(&(partner, data)) if named => self.drawn.get(slug, || {
                let visible = crate::aggregate::Visible { partner, data };
                let strings = &self.edition.strings;
                crate::charts::draw_partner(self.site, visible, strings, &self.passes.charts)
            }),
            _ => Arc::default(),
        }
    }

    /// The drawing (wide layout) of the chart `name` of `owner`, in this language: what its
    /// `.svg` file holds and its `.png` is made from.
    pub fn chart_svg(&self, owner: &ChartOwner, name: &str) -> Option<Arc<str>> {
        let find =
            |charts: &[Chart]| (charts.iter().find(|c| c.name == name)).map(|c| Arc::clone(&c.svg));
        match owner {
            ChartOwner::Network => find(&self.charts.network),
            ChartOwner::Partner(slug) => find(&self.partner_charts(slug)),
        }
    }

    pub fn chart_views(&self, charts: &[Chart], owner: &ChartOwner) -> Vec<ChartView> {
        charts
            .iter()
            .map(|c| ChartView {
                name: c.name.clone(),
                title: c.title.clone(),
                desc: c.desc.clone(),
                svg: c.svg.clone(),
                svg_narrow: c.svg_narrow.clone(),
                download_url: self.page_link(&urls::chart(owner, &c.name)),
                png_url: self.page_link(&urls::chart_png(owner, &c.name)),
                table: c.table.clone(),
            })
            .collect()
    }

    /// The context every template gets: `site`, `t` (UI strings), `current_path`.
    pub fn context(&self, current_path: &str) -> tera::Context {
        // Cloning the prepared values is much cheaper than serializing them for every page.
        let mut ctx = self.base_context.clone();
        ctx.insert(
            "current_path",
            &view::internal(&self.base_path, current_path),
        );
        ctx.insert("page_meta", &self.page_meta(current_path));
        ctx.insert("language_switch", &self.language_switch(current_path));
        ctx
    }

    /// The canonical URL, `og:type` and share image of the page at `url` (root-relative); `None`
    /// for what is no page of the plan (the 404 page, a shortcode's fragment).
    pub fn page_meta(&self, url: &str) -> Option<view::PageMeta> {
        let route = self.plan.get(url).filter(|r| r.kind.is_page())?;
        let image = urls::share_image(url);
        let has_image =
            (self.plan.get(&image)).is_some_and(|r| matches!(r.kind, Kind::ShareImage { .. }));
        let translations = self.plan.translations(url);
        let default = self.site.config.language;
        Some(view::PageMeta {
            canonical_url: self.permalink(url),
            og_type: match route.kind {
                Kind::Page { .. } => "article",
                _ => "website",
            },
            image_url: has_image.then(|| self.permalink(&image)),
            alternates: (translations.iter())
                .map(|(language, url)| view::Alternate {
                    hreflang: language.code(),
                    url: self.permalink(url),
                })
                .collect(),
            x_default: (translations.iter())
                .find(|(language, _)| *language == default)
                .map(|(_, url)| self.permalink(url)),
        })
    }

    /// The language switch of the page at `url`: a link to each other language of the site, to
    /// this page in it or, where it has none, to that language's front page. Every page has it,
    /// the 404 page too (`/404.html` ↔ `/en/404.html`).
    pub fn language_switch(&self, url: &str) -> Vec<view::LanguageLink> {
        let translations = self.plan.translations(url);
        let default = self.site.config.language;
        (self.site.config.languages.iter())
            .filter(|l| **l != self.language)
            .map(|&language| {
                let same = translations.iter().find(|(l, _)| *l == language);
                let target = same.map_or_else(
                    || urls::in_language(urls::FRONT_PAGE, language, default),
                    |(_, url)| url.clone(),
                );
                view::LanguageLink {
                    code: language.code(),
                    name: self.theme.strings(language).language_name.clone(),
                    url: self.link(&target),
                }
            })
            .collect()
    }

    /// What every template call shares besides its own values: the theme (templates, filters,
    /// strings), `site` and the options. Part of every memo key.
    fn memo_stamp(&self) -> Key {
        let mut h = KeyHasher::new();
        h.number(self.theme.fingerprint)
            .text(&self.options.base_url)
            .text(&self.base_path)
            .number(u128::from(self.options.drafts) << 1 | u128::from(self.options.live_reload));
        // Serialising plain view structs cannot fail; a failure only costs the memo a miss.
        let _ = h
            .value(&self.site_view)
            .and_then(|h| h.value(&self.edition.strings));
        h.finish()
    }

    /// Renders `template` with the common context (`site`, `t`, `current_path`) plus the fields
    /// of `values` (a struct that serialises to a map: its field names are the template's
    /// variables). With a memo, the output is reused when this exact call was made before.
    pub fn render_view<T: Serialize>(
        &self,
        template: &str,
        current_path: &str,
        values: &T,
    ) -> Result<bytes::Bytes, Diagnostic> {
        let key = || {
            let mut h = KeyHasher::new();
            h.number(self.stamp?).text(template).text(current_path);
            // The plan decides what `page_meta` and the switch say about this path.
            h.value(&self.page_meta(current_path)).ok()?;
            h.value(&self.language_switch(current_path)).ok()?;
            h.value(values).ok().map(|h| h.finish())
        };
        self.passes.templates.try_get_or_make(key, || {
            self.fill(template, self.context(current_path), values)
        })
    }

    /// Renders the part `template` ([`parts`]): with `site`, `t` and the fields of `values`,
    /// no page of its own (no `current_path`, no `page_meta`). With a memo, the output is reused
    /// when this exact call was made before; it comes with the key it is kept under.
    fn render_part<T: Serialize>(
        &self,
        template: &str,
        values: &T,
    ) -> Result<parts::Part, Diagnostic> {
        let key = self.stamp.and_then(|stamp| {
            let mut h = KeyHasher::new();
            h.number(stamp).text(template);
            h.value(values).ok().map(|h| h.finish())
        });
        let html = (self.passes.templates).try_get_or_make(
            || key,
            || self.fill(template, self.base_context.clone(), values),
        )?;
        Ok(parts::Part { key, html })
    }

    /// `template` rendered with `ctx` and the fields of `values`.
    fn fill<T: Serialize>(
        &self,
        template: &str,
        mut ctx: tera::Context,
        values: &T,
    ) -> Result<bytes::Bytes, Diagnostic> {
        let own = tera::Context::from_serialize(values).map_err(|e| {
            Diagnostic::error(
                template,
                Pos::FILE,
                format!(
                    "cannot pass values to the template: {}",
                    crate::theme::error_chain(&e)
                ),
            )
        })?;
        ctx.extend(own);
        let mut html = self.template(template, &ctx)?;
        // Tera's buffer grows by doubling; a site keeps thousands of these until it is written.
        html.shrink_to_fit();
        Ok(bytes::Bytes::from(html))
    }

    /// [`markdown::render`], memoised by its arguments when a memo is in use.
    pub fn markdown(
        &self,
        text: &str,
        trust: markdown::Trust,
        anchor_label: &str,
    ) -> markdown::Rendered {
        let key = || {
            let mut h = KeyHasher::new();
            // Not the template stamp: Markdown depends on nothing but these arguments.
            h.text("markdown")
                .text(&format!("{trust:?}"))
                .text(anchor_label)
                .text(&self.base_path)
                .text(text);
            Some(h.finish())
        };
        self.passes.markdown.get_or_make(key, || {
            markdown::render(text, trust, anchor_label, &self.base_path)
        })
    }

    /// [`Renderer::render_view`] to the file for `url_path` (`/a/` → `a/index.html`).
    pub fn view_file<T: Serialize>(
        &self,
        template: &str,
        url_path: &str,
        values: &T,
    ) -> Result<OutputFile, Diagnostic> {
        let html = self.render_view(template, url_path, values)?;
        Ok(OutputFile::new(urls::output_path(url_path), html))
    }

    pub fn template(&self, template: &str, ctx: &tera::Context) -> Result<String, Diagnostic> {
        self.edition.tera.render(template, ctx).map_err(|e| {
            let (rel, pos) = self.theme.render_error(template, &e);
            let args = vec![("error", crate::theme::error_chain(&e).into())];
            Diagnostic::error_msg(
                &rel,
                pos,
                crate::messages::ids::RENDER_TEMPLATE_FAILED,
                args,
            )
        })
    }

    pub fn has_template(&self, template: &str) -> bool {
        self.theme.has_template(template)
    }

    /// A string from the theme's UI strings, or the key itself.
    pub fn t(&self, key: &str) -> String {
        self.edition
            .strings
            .get(key)
            .cloned()
            .unwrap_or_else(|| key.to_string())
    }

    pub fn permalink(&self, url_path: &str) -> String {
        format!(
            "{}{}",
            self.options.base_url,
            url_path.trim_start_matches('/')
        )
    }
}
