//! nfk: a static site generator for network publications (Næring for klima).
//!
//! The pipeline, one stage per module (see ARCHITECTURE.md):
//! load → validate → aggregate → charts → routes (the plan) → render → write, plus `serve` and
//! `check`, which runs the whole build in memory.

pub mod aggregate;
pub mod charts;
pub mod diagnostics;
pub mod filters;
pub mod format;
pub mod glossary;
pub mod import;
pub mod load;
pub mod memo;
pub mod model;
pub mod render;
pub mod routes;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod strings;
pub mod theme;
pub mod validate;
pub mod write;

use std::path::{Path, PathBuf};
use std::time::Instant;

use diagnostics::Diagnostics;
use memo::Memos;
use model::Site;
use render::{RenderOptions, RenderedSite};

/// What [`load_and_validate`] learns about a site: the model (when `site.yaml` is usable) and
/// every diagnostic. With an error among them, the model holds only what validated.
pub struct Validated {
    pub site: Option<Site>,
    pub diagnostics: Diagnostics,
    /// Partner folders and Markdown files found, valid or not.
    pub partner_folders: usize,
    pub page_files: usize,
}

/// load → validate, in memory: the model, for `nfk results` and `nfk new`. Reads the site
/// folder; writes nothing. [`check_build`] is what `nfk check` runs.
pub fn load_and_validate(root: &Path) -> Validated {
    let mut diagnostics = Diagnostics::new();
    let raw = timed("load", || load::load(root, &mut diagnostics, &Memos::off()));
    validated(raw, diagnostics)
}

fn validated(raw: load::RawSite, mut diagnostics: Diagnostics) -> Validated {
    let (partner_folders, page_files) = (raw.partners.len(), raw.pages.len());
    let site = timed("validate", || validate::validate(raw, &mut diagnostics));
    Validated {
        site,
        diagnostics,
        partner_folders,
        page_files,
    }
}

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Overrides `base_url` of site.yaml.
    pub base_url: Option<String>,
    pub drafts: bool,
    pub live_reload: bool,
}

/// A successful build in memory, with the warnings found on the way.
pub struct Built {
    pub site: RenderedSite,
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
    let mut diagnostics = Diagnostics::new();
    let raw = timed("load", || {
        load::load(&options.root, &mut diagnostics, memos)
    });
    build_validated(validated(raw, diagnostics), options, memos)
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
pub fn check_build_edited(
    root: &Path,
    edit: impl FnOnce(&mut load::RawSite, &mut Diagnostics),
) -> CheckReport {
    let mut diagnostics = Diagnostics::new();
    let mut raw = timed("load", || load::load(root, &mut diagnostics, &Memos::off()));
    edit(&mut raw, &mut diagnostics);
    check_validated(root, validated(raw, diagnostics))
}

fn check_validated(root: &Path, validated: Validated) -> CheckReport {
    let (partners, pages) = (validated.partner_folders, validated.page_files);
    let options = BuildOptions {
        root: root.to_path_buf(),
        base_url: None,
        drafts: false,
        live_reload: false,
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
    let Validated {
        site,
        mut diagnostics,
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
    let theme = theme::load_theme(
        &options.root,
        &site.config.theme,
        site.config.language,
        &mut diagnostics,
    );
    let Some(theme) = theme else {
        return Err(diagnostics);
    };
    let data = timed("aggregate", || aggregate::aggregate(&site, options.drafts));
    let charts = timed("charts", || {
        charts::draw(&site, &data, &theme.strings, memos)
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
    let render_options = RenderOptions {
        base_url,
        drafts: options.drafts,
        live_reload: options.live_reload,
    };
    let rendered = timed("render", || {
        render::render(&site, &data, &charts, &theme, &plan, &render_options, memos)
    });
    // Pages are made in memory; a copied file (`Contents::Copy`) is never a page with ids.
    let html = |output: &str| match rendered.site.get(output).map(|f| &f.contents) {
        Some(render::Contents::Bytes(bytes)) => Some(bytes.as_slice()),
        _ => None,
    };
    validate::validate_links(&site, &plan, &rendered.links, &html, &mut diagnostics);
    diagnostics.extend(rendered.diagnostics);
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    let mut site_files = rendered.site;
    timed("search", || {
        add_search_bundle(
            &plan,
            &mut site_files,
            site.config.language,
            &mut diagnostics,
        )
    });
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    Ok(Built {
        site: site_files,
        diagnostics,
        partners: data.partners.len(),
        pages: plan.pages().len(),
    })
}

/// Indexes the partner pages and content pages with Pagefind (`search.rs`) and adds its bundle
/// to the files, under `/pagefind/`, so it goes to the one writer with the rest.
fn add_search_bundle(
    plan: &routes::RoutePlan,
    files: &mut render::RenderedSite,
    language: model::Language,
    diagnostics: &mut Diagnostics,
) {
    let pages: Vec<search::Indexed> = (plan.routes().iter())
        .filter(|r| {
            matches!(
                r.kind,
                routes::Kind::Partner { .. } | routes::Kind::Page { .. }
            )
        })
        .filter_map(|r| match files.get(&r.output).map(|f| &f.contents) {
            Some(render::Contents::Bytes(html)) => Some(search::Indexed {
                url: r.url.clone(),
                html,
            }),
            _ => None,
        })
        .collect();
    match search::bundle(&pages, language) {
        Ok(bundle) => {
            // `/pagefind/` is reserved for pages (`urls::RESERVED`); a file of `content/` there
            // would be overwritten.
            for taken in bundle.iter().filter(|f| files.get(&f.path).is_some()) {
                diagnostics.error(
                    &format!("content/{}", taken.path),
                    diagnostics::Pos::FILE,
                    format!("/{} is a file of the search index", taken.path),
                );
            }
            files.files.extend(bundle);
            files.files.sort_by(|a, b| a.path.cmp(&b.path));
            files.files.dedup_by(|a, b| a.path == b.path);
        }
        Err(e) => diagnostics.push(diagnostics::Diagnostic::error(
            "site.yaml",
            diagnostics::Pos::FILE,
            format!("cannot build the search index: {e:#}"),
        )),
    }
}

/// The whole build: the output folder checked first ([`write::prepare`]: a refused output costs
/// no build), then the build in memory, then one atomic write of the output. On content errors
/// nothing is written, nothing is left behind, and the previous output stays as it was.
pub fn build(
    options: &BuildOptions,
    output: &write::OutputOptions,
) -> anyhow::Result<Result<Built, Diagnostics>> {
    let prepared = timed("guard", || write::prepare(output, &options.root))?;
    let built = match build_in_memory(options, &Memos::off()) {
        Ok(built) => built,
        Err(diagnostics) => return Ok(Err(diagnostics)),
    };
    timed("write", || prepared.write(&built.site))?;
    Ok(Ok(built))
}

/// Runs one stage and logs how long it took (`RUST_LOG=debug nfk build`).
fn timed<T>(stage: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    log::debug!("{stage}: {:.1} ms", start.elapsed().as_secs_f64() * 1000.0);
    out
}
