//! nfk: a static site generator for network publications (Næring for klima).
//!
//! The pipeline, one stage per module (see ARCHITECTURE.md):
//! load → validate → aggregate → charts → routes (the plan) → render → write, plus `serve` and
//! `check`, which runs the whole build in memory. `build` streams each rendered file to the
//! output as it is made.

// The public API is what the `nfk` binary, the integration tests and the bench use (the entry
// points below, these modules and re-exports); every other module is `pub(crate)`, so the
// compiler sees what nothing calls. ARCHITECTURE.md, "Public API".
pub mod allocator;
pub mod diagnostics;
pub mod import;
pub mod messages;
pub mod model;
pub mod scaffold;
pub mod serve;

pub(crate) mod aggregate;
pub(crate) mod charts;
pub(crate) mod filters;
pub(crate) mod format;
pub(crate) mod glossary;
pub(crate) mod load;
pub(crate) mod memo;
pub(crate) mod render;
pub(crate) mod routes;
pub(crate) mod search;
pub(crate) mod strings;
pub(crate) mod theme;
pub(crate) mod validate;
pub(crate) mod write;

pub use aggregate::{NetworkResults, render_human as render_results};
pub use memo::Memos;
pub use render::{Contents, OutputFile, PendingPictures, RenderedSite};
pub use write::{Failed as WriteFailed, OutputOptions, Refusal};

/// What the fuzz targets (`fuzz/`, a crate of their own) drive directly. Not API: it follows
/// the code under it and may change with any commit.
#[doc(hidden)]
pub mod fuzzing {
    pub use crate::load::raw::{RawEmissions, RawProfile, RawSiteConfig};
    pub use crate::load::yaml::{decode, parse};
    pub use crate::load::{RawPartner, RawSite, split_page};
    pub use crate::render::markdown::{
        MAX_NESTING, STORY_ID_PREFIX, Trust, outline, render, too_deep,
    };
    pub use crate::render::sanitize::{is_relative_path, sanitize};
    pub use crate::render::shortcodes::extract;
    pub use crate::validate::text::is_control;

    /// The whole site validated, with nothing kept between calls.
    pub fn validate(
        raw: RawSite,
        diags: &mut crate::diagnostics::Diagnostics,
    ) -> Option<crate::model::Site> {
        let keys = crate::memo::PartnerKeys::default();
        crate::validate::validate(raw, diags, &crate::Memos::off(), &keys)
    }
}

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use diagnostics::Diagnostics;
use model::Site;
use render::RenderOptions;

/// What [`load_and_validate`] learns about a site: the model (when `site.yaml` is usable) and
/// every diagnostic. With an error among them, the model holds only what validated.
pub struct Validated {
    pub site: Option<Site>,
    pub diagnostics: Diagnostics,
    /// Partner folders and Markdown files found, valid or not.
    pub partner_folders: usize,
    pub page_files: usize,
    /// What load read, by its memo keys: for `serve`, which renders again only the routes
    /// whose inputs changed.
    stamps: memo::Stamps,
    /// What the partners as validated are made from ([`memo::PartnerKeys`]), and so their
    /// figures and the network's charts; empty when the memos keep nothing.
    partner_keys: memo::PartnerKeys,
}

/// load → validate, in memory: the model, for `nfk results` and `nfk new`. Reads the site
/// folder; writes nothing. [`check_build`] is what `nfk check` runs.
pub fn load_and_validate(root: &Path) -> Validated {
    let mut diagnostics = Diagnostics::new();
    let memos = Memos::off();
    let raw = timed("load", || load::load(root, &mut diagnostics, &memos));
    validated(raw, diagnostics, &memos)
}

fn validated(mut raw: load::RawSite, mut diagnostics: Diagnostics, memos: &Memos) -> Validated {
    let (partner_folders, page_files) = (raw.partners.len(), raw.pages.len());
    let stamps = std::mem::take(&mut raw.stamps);
    let slugs = raw.partners.iter().map(|p| p.slug.as_str());
    let partner_keys = stamps.partner_keys(&raw.config, slugs);
    let site = timed("validate", || {
        validate::validate(raw, &mut diagnostics, memos, &partner_keys)
    });
    Validated {
        site,
        diagnostics,
        partner_folders,
        page_files,
        stamps,
        partner_keys,
    }
}

/// The network's figures (SPEC §8) of a validated site, drafts left out: what `nfk results`
/// prints ([`render_results`] for people, JSON otherwise).
pub fn network_results(site: &Site) -> NetworkResults {
    aggregate::aggregate(site, false).results
}

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Overrides `base_url` of site.yaml.
    pub base_url: Option<String>,
    pub drafts: bool,
    pub live_reload: bool,
    /// `check`: leave out the work that cannot hold an editor's mistake and costs the most, the
    /// PNG pictures (their files stay empty) and the search index. Everything an editor wrote
    /// is still rendered and judged, so `check` and `build` find the same problems.
    pub check_only: bool,
    /// `serve`: the PNG pictures an earlier build did not draw are left for after the pages
    /// ([`build_pages_in_memory`] hands them back, [`build_in_memory`] draws them at the end).
    pub pictures_after_pages: bool,
}

/// A successful build, with the warnings found on the way.
pub struct Built {
    /// Every file, sorted by path, when built in memory ([`build_in_memory`]); empty after
    /// [`build`], which writes each file to the output as it is made.
    pub site: RenderedSite,
    /// How many files the build made.
    pub files: usize,
    pub diagnostics: Diagnostics,
    pub partners: usize,
    pub pages: usize,
}

/// load → validate → aggregate → charts → plan → render, in memory. `Err` holds every problem
/// found (errors and warnings) when any of them is an error; nothing is written either way.
///
/// `memos` is what the build may reuse from earlier builds where the inputs are unchanged:
/// `nfk serve` keeps [`Memos::keeping`] between builds, everything else passes [`Memos::off`].
/// The result is the same either way.
pub fn build_in_memory(options: &BuildOptions, memos: &Memos) -> Result<Built, Diagnostics> {
    let (mut built, search, pictures) = build_pages_in_memory(options, memos)?;
    built.site.replace(pictures.draw(memos)?);
    let bundle = search.make(&built.site, || false);
    let bundle = bundle.unwrap_or_else(|| unreachable!("never cancelled"));
    let mut diagnostics = built.diagnostics;
    match bundle {
        Ok(files) => built.site.add(files),
        Err(problems) => diagnostics.extend(problems),
    }
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    built.files = built.site.files.len();
    built.diagnostics = diagnostics;
    Ok(built)
}

/// [`build_in_memory`] but for the search index, which is left to make ([`PendingSearch::make`]),
/// and with [`BuildOptions::pictures_after_pages`] the PNG pictures not in `memos`, which are
/// left to draw ([`PendingPictures::draw`]; their files are empty until then): `nfk serve`
/// shows a change first and makes these after, as they take most of a rebuild or seconds on a
/// large site. The pages are the same as `build_in_memory`'s.
pub fn build_pages_in_memory(
    options: &BuildOptions,
    memos: &Memos,
) -> Result<(Built, PendingSearch, PendingPictures), Diagnostics> {
    let mut diagnostics = Diagnostics::new();
    let raw = timed("load", || {
        load::load(&options.root, &mut diagnostics, memos)
    });
    let (planned, diagnostics) =
        plan_validated(validated(raw, diagnostics, memos), options, memos)?;
    render_in_memory(&planned, diagnostics, memos)
}

/// The search index of a site built in memory, still to be made from its pages (what
/// [`build_pages_in_memory`] leaves for later).
pub struct PendingSearch {
    default: model::Language,
    /// The languages with an index; none for `check`, which makes no index.
    languages: Vec<model::Language>,
    /// The indexed pages in the plan's order (so the index is the same however the pages were
    /// rendered): language, URL and output path.
    pages: Vec<(model::Language, String, String)>,
    /// Every output of the plan: the index must not take a path of the site.
    outputs: BTreeSet<String>,
}

impl PendingSearch {
    fn of(plan: &routes::RoutePlan, config: &model::SiteConfig) -> Self {
        let indexed = plan.routes().iter().filter(|r| search::Indexes::wants(r));
        PendingSearch {
            default: config.language,
            languages: config.languages.clone(),
            pages: indexed
                .map(|r| (r.language, r.url.clone(), r.output.clone()))
                .collect(),
            outputs: plan.routes().iter().map(|r| r.output.clone()).collect(),
        }
    }

    fn none(config: &model::SiteConfig) -> Self {
        PendingSearch {
            default: config.language,
            languages: Vec::new(),
            pages: Vec::new(),
            outputs: BTreeSet::new(),
        }
    }

    /// The index's files, sorted by path, made from `site` (the build this was planned with),
    /// or the problems that kept it from being made. `None` when `cancelled` answered yes
    /// between two pages: the work done so far is dropped.
    pub fn make(
        &self,
        site: &RenderedSite,
        cancelled: impl Fn() -> bool,
    ) -> Option<Result<Vec<OutputFile>, Diagnostics>> {
        if self.languages.is_empty() {
            return Some(Ok(Vec::new()));
        }
        let indexes = search::Indexes::start_in(self.default, &self.languages);
        for (language, url, output) in &self.pages {
            if cancelled() {
                indexes.abandon();
                return None;
            }
            // Pages are made in memory; a copied file (`Contents::Copy`) is never a page.
            if let Some(render::Contents::Bytes(html)) = site.get(output).map(|f| &f.contents) {
                indexes.add_page(*language, url.clone(), html.clone());
            }
        }
        let mut diagnostics = Diagnostics::new();
        let mut files = finish_search(
            indexes,
            |path| self.outputs.contains(path),
            &mut diagnostics,
        );
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Some(if diagnostics.has_errors() {
            Err(diagnostics)
        } else {
            Ok(files)
        })
    }
}

/// What `nfk check` reports: every problem the build would meet, and what was checked.
pub struct CheckReport {
    pub diagnostics: Diagnostics,
    pub partners: usize,
    pub pages: usize,
}

/// `nfk check`: the whole build in memory, as `nfk build` would run it (links, shortcodes,
/// templates and collisions included), so it fails exactly when the build would; writes nothing.
pub fn check_build(root: &Path) -> CheckReport {
    check_validated(root, load_and_validate(root))
}

/// [`check_build`] on the site as it would be after `edit` changed what was read, in memory:
/// `nfk import` checks the files it is about to write with every rule of `check`.
pub(crate) fn check_build_edited(
    root: &Path,
    edit: impl FnOnce(&mut load::RawSite, &mut Diagnostics),
) -> CheckReport {
    let mut diagnostics = Diagnostics::new();
    let mut raw = timed("load", || load::load(root, &mut diagnostics, &Memos::off()));
    edit(&mut raw, &mut diagnostics);
    check_validated(root, validated(raw, diagnostics, &Memos::off()))
}

fn check_validated(root: &Path, validated: Validated) -> CheckReport {
    let (partners, pages) = (validated.partner_folders, validated.page_files);
    let options = BuildOptions {
        root: root.to_path_buf(),
        base_url: None,
        drafts: false,
        live_reload: false,
        check_only: true,
        pictures_after_pages: false,
    };
    let diagnostics = match build_validated(validated, &options, &Memos::off()) {
        Ok(built) => built.diagnostics,
        Err(diagnostics) => diagnostics,
    };
    CheckReport {
        diagnostics,
        partners,
        pages,
    }
}

fn build_validated(
    validated: Validated,
    options: &BuildOptions,
    memos: &Memos,
) -> Result<Built, Diagnostics> {
    let (planned, diagnostics) = plan_validated(validated, options, memos)?;
    Ok(render_in_memory(&planned, diagnostics, memos)?.0)
}

/// Renders `planned` in memory and checks its links; the search index is left to make, and the
/// pictures left for later ([`render::Pictures::Later`]) to draw.
fn render_in_memory(
    planned: &Planned,
    diagnostics: Diagnostics,
    memos: &Memos,
) -> Result<(Built, PendingSearch, PendingPictures), Diagnostics> {
    let (rendered, links) = timed("render", || {
        let prepared = planned.prepare(memos);
        let links = prepared.links();
        (prepared.collect(), links)
    });
    let (site, render_diagnostics) = rendered;
    // Pages are made in memory; a copied file (`Contents::Copy`) is never a page with ids.
    let html = |output: &str| match site.get(output).map(|f| &f.contents) {
        Some(render::Contents::Bytes(bytes)) => Some(&bytes[..]),
        _ => None,
    };
    let checked = timed("links", || {
        planned.check(diagnostics, &links, &html, render_diagnostics)
    });
    let diagnostics = checked?;
    let config = &planned.site.config;
    let pictures = planned.render_options.pictures.take_pending();
    let search = if planned.render_options.pictures.drawn() {
        PendingSearch::of(&planned.plan, config)
    } else {
        // `check`: no search index (see `BuildOptions::check_only`).
        PendingSearch::none(config)
    };
    let built = Built {
        files: site.files.len(),
        site,
        diagnostics,
        partners: planned.data.partners.len(),
        pages: planned.plan.pages().len(),
    };
    Ok((built, search, pictures))
}

/// A site validated up to its route plan: everything rendering needs, owned.
struct Planned {
    site: Site,
    data: Arc<aggregate::SiteData>,
    /// In each language of the site, the default first.
    charts: Arc<Vec<charts::Charts>>,
    theme: std::sync::Arc<theme::Theme>,
    plan: routes::RoutePlan,
    /// The links of the published partners' stories, for the link check.
    story_links: Arc<Vec<routes::WrittenLink>>,
    render_options: RenderOptions,
    stamps: memo::Stamps,
}

/// validate → aggregate → charts → plan. `Err` holds every problem found when the model is not
/// the whole site (errors in the files, a bad `--base-url`, no theme); `Ok` the plan and the
/// problems so far, which may still hold errors of the plan (outputs that collide): rendering
/// finds its own problems besides them, so all are reported at once.
fn plan_validated(
    validated: Validated,
    options: &BuildOptions,
    memos: &Memos,
) -> Result<(Planned, Diagnostics), Diagnostics> {
    let Validated {
        site,
        mut diagnostics,
        stamps,
        partner_keys,
        ..
    } = validated;
    let Some(site) = site else {
        return Err(diagnostics);
    };
    // With errors the model holds only what validated: enough to find outputs that collide (a
    // part of the plan cannot collide where the whole does not), not to judge links, which may
    // lead to what was left out.
    let complete = !diagnostics.has_errors();
    let base_url = match &options.base_url {
        Some(given) => validate::base_url_option(given, &mut diagnostics),
        None => Some(site.config.base_url.clone()),
    };
    let theme = timed("theme", || {
        theme::load_theme(
            &options.root,
            &site.config.theme,
            &site.config.languages,
            &mut diagnostics,
            memos,
        )
    });
    let Some(theme) = theme else {
        return Err(diagnostics);
    };
    // The figures and the network's charts are made from the partners, site.yaml (both in
    // `partner_keys.all`), the drafts option and, for the charts, the theme's strings.
    let key = |what: &str, theme: u128| {
        let mut h = memo::KeyHasher::new();
        h.text(what).number(partner_keys.all?);
        h.number(u128::from(options.drafts)).number(theme);
        Some(h.finish())
    };
    let data = timed("aggregate", || {
        memos.figures.pass().get_or_make(
            || key("figures", 0),
            || {
                // A partner's own figures are made from its folder and site.yaml.
                let each = memos.partner_figures.pass();
                let partner_data = |p: &model::Partner| {
                    each.get_or_make(
                        || partner_keys.of("partner figures", &p.slug),
                        || aggregate::partner::partner_data(p, &site.config),
                    )
                };
                Arc::new(aggregate::aggregate_with(
                    &site,
                    options.drafts,
                    partner_data,
                ))
            },
        )
    });
    let charts = timed("charts", || {
        memos.network_charts.pass().get_or_make(
            || key("charts", theme.fingerprint),
            || {
                let strings: Vec<_> = (theme.editions().iter()).map(|e| &e.strings).collect();
                // A partner's chart names are made from its folder, site.yaml and the strings.
                let each = memos.chart_names.pass();
                let names = |visible: aggregate::Visible, strings: &strings::Strings| {
                    let key = || {
                        let partner = partner_keys.of("chart names", &visible.partner.slug)?;
                        let mut h = memo::KeyHasher::new();
                        h.number(partner).number(theme.fingerprint);
                        Some(h.text(strings.language.code()).finish())
                    };
                    each.get_or_make(key, || charts::partner_chart_names(&site, visible, strings))
                };
                Arc::new(charts::draw_with(&site, &data, &strings, names))
            },
        )
    });
    let plan = timed("plan", || {
        routes::RoutePlan::new(&routes::PlanInput {
            site: &site,
            data: &data,
            charts: &charts,
            theme_files: &theme.static_files,
            drafts: options.drafts,
        })
    });
    validate::validate_plan(&site, &plan, &theme, &mut diagnostics);
    // A bad `--base-url` is one problem among the others: the rest is checked with site.yaml's.
    let (complete, base_url) = match base_url {
        Some(url) => (complete, url),
        None => (false, site.config.base_url.clone()),
    };
    if !complete {
        return Err(diagnostics);
    }
    // Which stories the plan publishes follows from the partners, site.yaml and the drafts
    // option (the plan's partner pages are the figures' visible partners): what the key holds.
    let story_links = memos.story_links.pass().get_or_make(
        || key("story links", 0),
        || Arc::new(validate::story::written_links(&site, &plan)),
    );
    let render_options = RenderOptions {
        base_url,
        drafts: options.drafts,
        live_reload: options.live_reload,
        pictures: if options.check_only {
            render::Pictures::Never
        } else if options.pictures_after_pages {
            render::Pictures::Later(Arc::default())
        } else {
            render::Pictures::Now
        },
    };
    let planned = Planned {
        site,
        data,
        charts,
        theme,
        plan,
        story_links,
        render_options,
        stamps,
    };
    Ok((planned, diagnostics))
}

impl Planned {
    fn prepare<'a>(&'a self, memos: &'a Memos) -> render::Prepared<'a> {
        render::prepare(
            &self.site,
            &self.data,
            &self.charts,
            &self.theme,
            &self.plan,
            &self.render_options,
            &self.stamps,
            memos,
        )
    }

    /// The link check (ids read from `html`) and the problems of rendering, added to
    /// `diagnostics`: `Err` with an error among them.
    fn check(
        &self,
        mut diagnostics: Diagnostics,
        links: &[routes::WrittenLink],
        html: validate::Html,
        rendered: Diagnostics,
    ) -> Result<Diagnostics, Diagnostics> {
        self.validate_links(links, html, &mut diagnostics);
        diagnostics.extend(rendered);
        if diagnostics.has_errors() {
            return Err(diagnostics);
        }
        Ok(diagnostics)
    }

    /// The outputs whose HTML the link check reads: the pages `#fragment` links lead to. Asked
    /// of a dry run of the check, which reads HTML only through `html` and asks for the same
    /// outputs whatever it gets, so a streamed build keeps just these pages for it.
    fn fragment_targets(&self, links: &[routes::WrittenLink]) -> BTreeSet<String> {
        let asked = RefCell::new(BTreeSet::new());
        let record = |output: &str| {
            asked.borrow_mut().insert(output.to_string());
            None
        };
        self.validate_links(links, &record, &mut Diagnostics::new());
        asked.into_inner()
    }

    /// [`validate::validate_links`] of the pages' `links` and the stories' (`story_links`).
    fn validate_links(
        &self,
        links: &[routes::WrittenLink],
        html: validate::Html,
        diagnostics: &mut Diagnostics,
    ) {
        let (site, plan, stories) = (&self.site, &self.plan, &self.story_links);
        validate::validate_links(site, plan, links, stories, html, diagnostics);
    }
}

/// The files of `indexes` once every page is in. `taken` says whether an output of the site is
/// already at a path; the plan reserves `/pagefind/` (`urls::RESERVED`), so this is a last guard.
fn finish_search(
    indexes: search::Indexes,
    taken: impl Fn(&str) -> bool,
    diagnostics: &mut Diagnostics,
) -> Vec<render::OutputFile> {
    let files = match timed("search", || indexes.finish()) {
        Ok(files) => files,
        Err(e) => {
            diagnostics.push(diagnostics::Diagnostic::error(
                "site.yaml",
                diagnostics::Pos::FILE,
                format!("cannot build the search index: {e:#}"),
            ));
            Vec::new()
        }
    };
    for file in files.iter().filter(|f| taken(&f.path)) {
        diagnostics.error(
            &format!("content/{}", file.path),
            diagnostics::Pos::FILE,
            format!("/{} is a file of the search index", file.path),
        );
    }
    files
}

/// The whole build: the output folder checked first ([`write::prepare`]: a refused output costs
/// no build), then the build, whose files stream into the fresh folder as they are rendered,
/// then one atomic swap. On content errors (found while rendering, or by the link check after
/// it) the fresh folder is removed, nothing is left behind, and the previous output stays as it
/// was.
pub fn build(
    options: &BuildOptions,
    output: &write::OutputOptions,
) -> anyhow::Result<Result<Built, Diagnostics>> {
    let prepared = timed("guard", || write::prepare(output, &options.root))?;
    let built = match build_streamed(options, &prepared)? {
        Ok(built) => built,
        // Dropping `prepared` removes the fresh folder with what was written into it.
        Err(diagnostics) => return Ok(Err(diagnostics)),
    };
    timed("write", || prepared.finish())?;
    Ok(Ok(built))
}

/// [`build_in_memory`], but each file is written into `folder`'s fresh folder as soon as it is
/// made and then dropped, so memory grows with the largest page, not with the site. Only the
/// pages the link check reads ([`Planned::fragment_targets`]) are kept until it has run.
fn build_streamed(
    options: &BuildOptions,
    folder: &write::Prepared,
) -> anyhow::Result<Result<Built, Diagnostics>> {
    let memos = Memos::off();
    let mut diagnostics = Diagnostics::new();
    let raw = timed("load", || {
        load::load(&options.root, &mut diagnostics, &memos)
    });
    let (planned, diagnostics) =
        match plan_validated(validated(raw, diagnostics, &memos), options, &memos) {
            Ok(planned) => planned,
            Err(diagnostics) => return Ok(Err(diagnostics)),
        };
    if diagnostics.has_errors() {
        // The plan has problems (outputs that collide): its files cannot all be written. Render
        // in memory, as `check` does, to report the same problems; nothing is written.
        return Ok(render_in_memory(&planned, diagnostics, &memos).map(|(built, ..)| built));
    }
    let (links, kept, render_diagnostics, writer, indexes) =
        timed("render", || -> anyhow::Result<_> {
            let prepared = planned.prepare(&memos);
            let links = prepared.links();
            let wanted = planned.fragment_targets(&links);
            let outputs = planned.plan.routes().iter().map(|r| r.output.as_str());
            let writer = folder.start(outputs)?;
            let kept = Mutex::new(BTreeMap::new());
            // The search indexes its pages as they are made, in the plan's order, and keeps none.
            let indexes = search::Indexes::start(&planned.site.config);
            let render_diagnostics = prepared.each_file_following(
                |file| {
                    if let (true, render::Contents::Bytes(bytes)) =
                        (wanted.contains(&file.path), &file.contents)
                    {
                        let mut kept = kept.lock().unwrap_or_else(|e| e.into_inner());
                        kept.insert(file.path.clone(), bytes.clone());
                    }
                    writer.write(&file)
                },
                search::Indexes::wants,
                |route, html| indexes.add(route, html),
            )?;
            Ok((
                links,
                kept.into_inner().unwrap_or_else(|e| e.into_inner()),
                render_diagnostics,
                writer,
                indexes,
            ))
        })?;
    let html = |output: &str| kept.get(output).map(|b: &bytes::Bytes| &b[..]);
    let mut diagnostics = match planned.check(diagnostics, &links, &html, render_diagnostics) {
        Ok(diagnostics) => diagnostics,
        Err(diagnostics) => return Ok(Err(diagnostics)),
    };
    let outputs: BTreeSet<&str> = (planned.plan.routes().iter())
        .map(|r| r.output.as_str())
        .collect();
    let bundle = finish_search(indexes, |path| outputs.contains(path), &mut diagnostics);
    if diagnostics.has_errors() {
        return Ok(Err(diagnostics));
    }
    writer.write_new(&bundle)?;
    Ok(Ok(Built {
        site: RenderedSite::default(),
        files: planned.plan.routes().len() + bundle.len(),
        diagnostics,
        partners: planned.data.partners.len(),
        pages: planned.plan.pages().len(),
    }))
}

/// Runs one stage and logs how long it took (`RUST_LOG=debug nfk build`).
fn timed<T>(stage: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    log::debug!("{stage}: {:.1} ms", start.elapsed().as_secs_f64() * 1000.0);
    out
}
