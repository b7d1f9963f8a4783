//! nfk: a static site generator for network publications (Næring for klima).
//!
//! The pipeline, one stage per module (see ARCHITECTURE.md):
//! load → validate → aggregate → render → write, plus `serve` and `check`.

pub mod aggregate;
pub mod charts;
pub mod diagnostics;
pub mod format;
pub mod import;
pub mod keyhash;
pub mod load;
pub mod model;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod theme;
pub mod validate;
pub mod write;

use std::path::{Path, PathBuf};
use std::time::Instant;

use diagnostics::{Diagnostic, Diagnostics, Pos};
use model::Site;
use render::{RenderOptions, RenderedSite};

/// Everything `check` learns about a site: the model (when `site.yaml` is usable) and every
/// diagnostic. The model must not be used when `diagnostics` holds an error.
pub struct Checked {
    pub site: Option<Site>,
    pub diagnostics: Diagnostics,
    /// Partner folders and Markdown files found, valid or not.
    pub partner_folders: usize,
    pub page_files: usize,
}

/// load → validate, in memory. Reads the site folder; writes nothing.
pub fn check(root: &Path) -> Checked {
    check_with(root, None)
}

fn check_with(root: &Path, cache: Option<&load::LoadCache>) -> Checked {
    let mut diagnostics = Diagnostics::new();
    let raw = timed("load", || load::load_with(root, &mut diagnostics, cache));
    validated(raw, diagnostics)
}

fn validated(raw: load::RawSite, mut diagnostics: Diagnostics) -> Checked {
    let (partner_folders, page_files) = (raw.partners.len(), raw.pages.len());
    let site = timed("validate", || validate::validate(raw, &mut diagnostics));
    Checked {
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

/// load → validate → aggregate → render, in memory. `Err` holds every problem found (errors and
/// warnings) when any of them is an error; nothing is written either way.
pub fn build_in_memory(options: &BuildOptions) -> Result<Built, Diagnostics> {
    build_checked(check(&options.root), options, None)
}

/// What `nfk serve` keeps from one build to the next: parsed files ([`load::LoadCache`]),
/// partners' charts ([`charts::memo::ChartMemo`]) and rendered templates
/// ([`render::memo::RenderMemo`]), each reused only when its whole input is unchanged.
#[derive(Default)]
pub struct BuildCache {
    pub load: load::LoadCache,
    pub charts: charts::memo::ChartMemo,
    pub render: render::memo::RenderMemo,
}

/// [`build_in_memory`], reusing what `cache` kept from earlier builds where the inputs are
/// unchanged (`nfk serve`). Gives the same result as [`build_in_memory`].
pub fn build_in_memory_cached(
    options: &BuildOptions,
    cache: &BuildCache,
) -> Result<Built, Diagnostics> {
    build_checked(
        check_with(&options.root, Some(&cache.load)),
        options,
        Some(cache),
    )
}

/// What `nfk check` reports: every problem the build would meet, and what was checked.
pub struct Report {
    pub diagnostics: Diagnostics,
    pub partners: usize,
    pub pages: usize,
}

/// The whole build in memory (links, shortcodes and templates included); writes nothing.
pub fn check_site(root: &Path) -> Report {
    report(root, check(root))
}

/// [`check_site`] on the site as it would be after `edit` changed what was read, in memory:
/// `nfk import` checks the files it is about to write with every rule of `check`.
pub fn check_site_edited(
    root: &Path,
    edit: impl FnOnce(&mut load::RawSite, &mut Diagnostics),
) -> Report {
    let mut diagnostics = Diagnostics::new();
    let mut raw = timed("load", || load::load(root, &mut diagnostics));
    edit(&mut raw, &mut diagnostics);
    report(root, validated(raw, diagnostics))
}

fn report(root: &Path, checked: Checked) -> Report {
    let (partners, pages) = (checked.partner_folders, checked.page_files);
    if checked.diagnostics.has_errors() {
        return Report {
            diagnostics: checked.diagnostics,
            partners,
            pages,
        };
    }
    let options = BuildOptions {
        root: root.to_path_buf(),
        base_url: None,
        drafts: false,
        live_reload: false,
    };
    let diagnostics = match build_checked(checked, &options, None) {
        Ok(built) => built.diagnostics,
        Err(diagnostics) => diagnostics,
    };
    Report {
        diagnostics,
        partners,
        pages,
    }
}

fn build_checked(
    checked: Checked,
    options: &BuildOptions,
    cache: Option<&BuildCache>,
) -> Result<Built, Diagnostics> {
    let Checked {
        site,
        mut diagnostics,
        ..
    } = checked;
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    let Some(site) = site else {
        return Err(diagnostics);
    };
    let base_url = match &options.base_url {
        Some(url) => match normalise_base_url(url) {
            Some(url) => url,
            None => {
                diagnostics.push(
                    Diagnostic::error(
                        "--base-url",
                        Pos::FILE,
                        format!("`{url}` is not an absolute http(s) URL"),
                    )
                    .with_help("e.g. --base-url https://naeringforklima.no/"),
                );
                return Err(diagnostics);
            }
        },
        None => site.config.base_url.clone(),
    };
    let theme = theme::load_theme(
        &options.root,
        &site.config.theme,
        site.config.language,
        &mut diagnostics,
    );
    if diagnostics.has_errors() {
        return Err(diagnostics);
    }
    let Some(theme) = theme else {
        return Err(diagnostics);
    };
    let data = timed("aggregate", || aggregate::aggregate(&site, options.drafts));
    let charts = timed("charts", || {
        charts::draw_with(&site, &data, cache.map(|c| &c.charts))
    });
    let render_options = RenderOptions {
        base_url,
        drafts: options.drafts,
        live_reload: options.live_reload,
    };
    let rendered = timed("render", || {
        render::render_with(
            &site,
            &data,
            &charts,
            &theme,
            &render_options,
            cache.map(|c| &c.render),
        )
    });
    match rendered {
        Ok(rendered) => Ok(Built {
            site: rendered,
            diagnostics,
            partners: data.partners.len(),
            pages: site
                .pages
                .iter()
                .filter(|p| options.drafts || !p.draft)
                .count(),
        }),
        Err(more) => {
            diagnostics.extend(more);
            Err(diagnostics)
        }
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
    let built = match build_in_memory(options) {
        Ok(built) => built,
        Err(diagnostics) => return Ok(Err(diagnostics)),
    };
    timed("write", || prepared.write(&built.site))?;
    Ok(Ok(built))
}

fn normalise_base_url(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host().is_none() {
        return None;
    }
    let mut s = parsed.to_string();
    if !s.ends_with('/') {
        s.push('/');
    }
    Some(s)
}

/// Runs one stage and logs how long it took (`RUST_LOG=debug nfk build`).
fn timed<T>(stage: &str, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    log::debug!("{stage}: {:.1} ms", start.elapsed().as_secs_f64() * 1000.0);
    out
}
