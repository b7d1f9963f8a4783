//! render: [`Site`] + [`SiteData`] + charts + theme → [`RenderedSite`] (every output file, in
//! memory). Pure: no IO, no clock; the same input gives byte-identical output.
//!
//! Problems found here (a broken internal link, an unknown shortcode, a template that fails) are
//! diagnostics like any other; the build then writes nothing.

pub mod filters;
pub mod markdown;
pub mod memo;
pub mod sanitize;
pub mod shortcodes;
pub mod view;

mod content;
mod outputs;
mod partners;

use std::collections::{BTreeMap, BTreeSet};

use rayon::prelude::*;
use serde::Serialize;

use crate::aggregate::SiteData;
use crate::charts::{Chart, Charts, Table};
use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::model::Site;
use crate::theme::Theme;
use memo::{KeyHasher, RenderMemo};
use view::{PartnerSummary, SiteView};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Relative to the output folder, `/` separators: `partnere/alfa/index.html`.
    pub path: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, Default)]
pub struct RenderedSite {
    /// Sorted by path, each path once.
    pub files: Vec<OutputFile>,
}

impl RenderedSite {
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
}

/// A chart as templates see it: the chart plus where its `.svg` file is published.
#[derive(Debug, Clone, Serialize)]
pub struct ChartView {
    pub name: String,
    pub title: String,
    pub desc: String,
    /// Wide layout (desktop, and the downloadable file).
    pub svg: std::sync::Arc<str>,
    /// Narrow layout (phones); the theme shows one of the two by screen width.
    pub svg_narrow: std::sync::Arc<str>,
    pub download_url: String,
    pub table: Table,
}

pub fn render(
    site: &Site,
    data: &SiteData,
    charts: &Charts,
    theme: &Theme,
    options: &RenderOptions,
) -> Result<RenderedSite, Diagnostics> {
    render_with(site, data, charts, theme, options, None)
}

/// [`render`], taking template outputs from `memo` where their whole input is unchanged since
/// an earlier build (`nfk serve`). Gives the same files as [`render`].
pub fn render_with(
    site: &Site,
    data: &SiteData,
    charts: &Charts,
    theme: &Theme,
    options: &RenderOptions,
    memo: Option<&RenderMemo>,
) -> Result<RenderedSite, Diagnostics> {
    let mut r = Renderer::new(site, data, charts, theme, options);
    if let Some(memo) = memo {
        r.memo = Some(Memo {
            memo,
            generation: memo.begin(),
            stamp: r.memo_stamp(),
        });
    }
    let mut diags = Diagnostics::new();
    check_menu(&r, &mut diags);
    let mut files = Vec::new();
    let pages = content::render_bodies(&r, &mut diags);
    // Side by side: each half ends in a few large pages rendered one at a time (the front page;
    // the partner list, sector and results pages), which the other half's pages can overlap.
    let ((content_files, content_diags), (partner_files, partner_diags)) = rayon::join(
        || {
            let mut d = Diagnostics::new();
            (content::render_pages(&r, &pages, &mut d), d)
        },
        || {
            let mut d = Diagnostics::new();
            (partners::render_partner_pages(&r, &mut d), d)
        },
    );
    files.extend(content_files);
    files.extend(partner_files);
    diags.extend(content_diags);
    diags.extend(partner_diags);
    files.extend(outputs::render_data_files(&r, &mut diags));
    files.extend(outputs::render_feeds(&r, &pages, &mut diags));
    files.extend(r.static_files());
    files.sort_by(|a, b| a.path.cmp(&b.path));
    for pair in files.windows(2) {
        if pair[0].path == pair[1].path {
            diags.error(
                "content",
                Pos::FILE,
                format!("two outputs want the same file: {}", pair[0].path),
            );
        }
    }
    if let Some(m) = &r.memo {
        m.memo.sweep(m.generation);
    }
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(RenderedSite { files })
}

/// The memo in use for one build, and the hash of what every template call of it shares.
struct Memo<'a> {
    memo: &'a RenderMemo,
    generation: u64,
    stamp: memo::Key,
}

/// Internal links of `menu` and `footer_menu` must lead somewhere the build produces.
fn check_menu(r: &Renderer, diags: &mut Diagnostics) {
    let config = &r.site.config;
    let items = (config.menu.iter().map(|i| ("menu", i)))
        .chain(config.footer_menu.iter().map(|i| ("footer_menu", i)));
    for (key, item) in items {
        let path = item.url.split(['#', '?']).next().unwrap_or("");
        if path.starts_with('/')
            && !path.starts_with("//")
            && !r.urls.contains(path)
            && !r.urls.contains(&format!("{path}/"))
        {
            let help = crate::diagnostics::did_you_mean(path, r.urls.iter().map(String::as_str))
                .map_or_else(
                    || "point the menu at a page the site has".to_string(),
                    |c| format!("did you mean `{c}`?"),
                );
            diags.push(
                Diagnostic::error(
                    "site.yaml",
                    Pos::FILE,
                    format!(
                        "{key} item `{}` links to {path}, which the site does not have",
                        item.title
                    ),
                )
                .with_help(help),
            );
        }
    }
}

/// What every rendering step shares, computed once.
pub(crate) struct Renderer<'a> {
    pub site: &'a Site,
    pub data: &'a SiteData,
    pub charts: &'a Charts,
    pub theme: &'a Theme,
    pub options: &'a RenderOptions,
    pub site_view: SiteView,
    pub base_path: String,
    /// `results.json` as a JSON value, for templates and `figure` shortcodes.
    pub results: serde_json::Value,
    /// Visible partners (non-draft, or all with drafts), by slug.
    pub summaries: BTreeMap<String, PartnerSummary>,
    /// Every root-relative URL the build produces (`/partnere/`, `/data/results.json`).
    pub urls: BTreeSet<String>,
    /// `site` and `t`, serialized once.
    base_context: tera::Context,
    memo: Option<Memo<'a>>,
}

impl<'a> Renderer<'a> {
    fn new(
        site: &'a Site,
        data: &'a SiteData,
        charts: &'a Charts,
        theme: &'a Theme,
        options: &'a RenderOptions,
    ) -> Self {
        let base_path = view::base_path(&options.base_url);
        let summaries = partners::summaries(site, data, &base_path);
        let site_view = view::site_view(
            site,
            &options.base_url,
            summaries.len(),
            options.live_reload,
        );
        let results = serde_json::to_value(&data.results).unwrap_or_default();
        let mut r = Renderer {
            site,
            data,
            charts,
            theme,
            options,
            site_view,
            base_path,
            results,
            summaries,
            urls: BTreeSet::new(),
            base_context: tera::Context::new(),
            memo: None,
        };
        r.base_context.insert("site", &r.site_view);
        r.base_context.insert("t", &r.theme.strings);
        r.urls = r.all_urls();
        r
    }

    pub fn visible_pages(&self) -> impl Iterator<Item = &'a crate::model::Page> + '_ {
        let drafts = self.options.drafts;
        self.site.pages.iter().filter(move |p| drafts || !p.draft)
    }

    /// Computed before anything is rendered, so links can be checked while rendering.
    fn all_urls(&self) -> BTreeSet<String> {
        let mut urls = BTreeSet::new();
        for page in self.visible_pages() {
            urls.insert(page.url.clone());
        }
        for (section, count) in content::section_page_counts(self) {
            for n in 2..=content::page_count(count) {
                urls.insert(format!("{section}side/{n}/"));
            }
        }
        urls.insert("/".into());
        urls.insert("/partnere/".into());
        urls.insert("/resultater/".into());
        for (slug, summary) in &self.summaries {
            urls.insert(format!("/partnere/{slug}/"));
            urls.insert(format!(
                "/sektor/{}/",
                summary.sector.code.to_ascii_lowercase()
            ));
        }
        for file in self.non_html_paths() {
            urls.insert(format!("/{file}"));
        }
        urls
    }

    fn non_html_paths(&self) -> Vec<String> {
        let mut paths: Vec<String> = outputs::DATA_AND_FEED_FILES
            .iter()
            .map(|s| s.to_string())
            .collect();
        paths.extend(self.theme.static_files.iter().map(|f| f.url_path.clone()));
        paths.extend(self.site.assets.iter().map(|f| f.url_path.clone()));
        for partner in &self.site.partners {
            if self.summaries.contains_key(&partner.slug) {
                let pictures = partner.logo.iter().chain(&partner.images);
                paths.extend(pictures.map(|l| l.url_path.clone()));
            }
        }
        paths.extend(
            self.charts
                .network
                .iter()
                .map(|c| format!("grafer/{}.svg", c.name)),
        );
        for (slug, charts) in &self.charts.partners {
            if self.summaries.contains_key(slug) {
                paths.extend(
                    charts
                        .iter()
                        .map(|c| format!("partnere/{slug}/{}.svg", c.name)),
                );
            }
        }
        paths
    }

    /// Theme static files, content assets, logos, story images and standalone chart files.
    fn static_files(&self) -> Vec<OutputFile> {
        let mut files: Vec<OutputFile> = self
            .theme
            .static_files
            .iter()
            .chain(&self.site.assets)
            .map(|f| OutputFile {
                path: f.url_path.clone(),
                bytes: f.bytes.clone(),
            })
            .collect();
        for partner in &self.site.partners {
            if self.summaries.contains_key(&partner.slug) {
                files.extend(
                    partner
                        .logo
                        .iter()
                        .chain(&partner.images)
                        .map(|f| OutputFile {
                            path: f.url_path.clone(),
                            bytes: f.bytes.clone(),
                        }),
                );
            }
        }
        let chart_file = |path: String, chart: &Chart| OutputFile {
            path,
            bytes: chart.svg.as_bytes().to_vec(),
        };
        files.extend(
            self.charts
                .network
                .iter()
                .map(|c| chart_file(format!("grafer/{}.svg", c.name), c)),
        );
        for (slug, charts) in &self.charts.partners {
            if self.summaries.contains_key(slug) {
                files.extend(
                    charts
                        .iter()
                        .map(|c| chart_file(format!("partnere/{slug}/{}.svg", c.name), c)),
                );
            }
        }
        files
    }

    pub fn chart_views(&self, charts: &[Chart], folder: &str) -> Vec<ChartView> {
        charts
            .iter()
            .map(|c| ChartView {
                name: c.name.clone(),
                title: c.title.clone(),
                desc: c.desc.clone(),
                svg: c.svg.clone(),
                svg_narrow: c.svg_narrow.clone(),
                download_url: format!("{}{folder}{}.svg", self.base_path, c.name),
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
        ctx
    }

    /// What every template call shares besides its own values: the theme (templates, filters,
    /// strings), `site` and the options. Part of every memo key.
    fn memo_stamp(&self) -> memo::Key {
        let mut h = KeyHasher::new();
        h.number(self.theme.fingerprint)
            .text(&self.options.base_url)
            .text(&self.base_path)
            .number(u128::from(self.options.drafts) << 1 | u128::from(self.options.live_reload));
        // Serialising plain view structs cannot fail; a failure only costs the memo a miss.
        let _ = h
            .value(&self.site_view)
            .and_then(|h| h.value(&self.theme.strings));
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
    ) -> Result<String, Diagnostic> {
        let key = self.memo.as_ref().and_then(|m| {
            let mut h = KeyHasher::new();
            h.number(m.stamp).text(template).text(current_path);
            h.value(values).ok().map(|h| (m, h.finish()))
        });
        if let Some((m, key)) = key
            && let Some(hit) = m.memo.get(key, m.generation)
        {
            return Ok(hit);
        }
        let mut ctx = self.context(current_path);
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
        let output = self.template(template, &ctx)?;
        if let Some((m, key)) = key {
            m.memo.put(key, m.generation, &output);
        }
        Ok(output)
    }

    /// [`markdown::render`], memoised by its arguments when a memo is in use.
    pub fn markdown(
        &self,
        text: &str,
        trust: markdown::Trust,
        anchor_label: &str,
    ) -> markdown::Rendered {
        let key = self.memo.as_ref().map(|m| {
            let mut h = KeyHasher::new();
            // Not the template stamp: Markdown depends on nothing but these arguments.
            h.text("markdown")
                .text(&format!("{trust:?}"))
                .text(anchor_label)
                .text(&self.base_path)
                .text(text);
            (m, h.finish())
        });
        if let Some((m, key)) = key
            && let Some(hit) = m.memo.get_markdown(key, m.generation)
        {
            return hit;
        }
        let rendered = markdown::render(text, trust, anchor_label, &self.base_path);
        if let Some((m, key)) = key {
            m.memo.put_markdown(key, m.generation, &rendered);
        }
        rendered
    }

    /// [`Renderer::render_view`] to the file for `url_path` (`/a/` → `a/index.html`).
    pub fn view_file<T: Serialize>(
        &self,
        template: &str,
        url_path: &str,
        values: &T,
    ) -> Result<OutputFile, Diagnostic> {
        let mut html = self.render_view(template, url_path, values)?;
        // Tera's buffer grows by doubling; a site keeps thousands of these until it is written.
        html.shrink_to_fit();
        Ok(OutputFile {
            path: output_path(url_path),
            bytes: html.into_bytes(),
        })
    }

    pub fn template(&self, template: &str, ctx: &tera::Context) -> Result<String, Diagnostic> {
        self.theme.tera.render(template, ctx).map_err(|e| {
            Diagnostic::error(
                &format!("themes/{}/templates/{template}", self.site.config.theme),
                Pos::FILE,
                format!("template failed: {}", crate::theme::error_chain(&e)),
            )
            .with_help("fix the template, or remove the site's copy to use the default theme's")
        })
    }

    pub fn has_template(&self, template: &str) -> bool {
        self.theme.tera.get_template_names().any(|n| n == template)
    }

    /// A string from the theme's UI strings, or the key itself.
    pub fn t(&self, key: &str) -> String {
        self.theme
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

/// `/` → `index.html`, `/a/b/` → `a/b/index.html`, `/404.html` → `404.html`.
pub fn output_path(url_path: &str) -> String {
    let trimmed = url_path.trim_start_matches('/');
    if trimmed.is_empty() {
        "index.html".into()
    } else if trimmed.ends_with('/') {
        format!("{trimmed}index.html")
    } else {
        trimmed.to_string()
    }
}

/// Runs `f` over `items` in parallel, collecting outputs and diagnostics in input order.
pub(crate) fn par_render<T: Sync, F>(items: &[T], diags: &mut Diagnostics, f: F) -> Vec<OutputFile>
where
    F: Fn(&T, &mut Diagnostics) -> Vec<OutputFile> + Sync,
{
    let results: Vec<(Vec<OutputFile>, Diagnostics)> = items
        .par_iter()
        .map(|item| {
            let mut local = Diagnostics::new();
            let files = f(item, &mut local);
            (files, local)
        })
        .collect();
    let mut files = Vec::new();
    for (f, d) in results {
        files.extend(f);
        diags.extend(d);
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_urls_to_files() {
        assert_eq!(output_path("/"), "index.html");
        assert_eq!(output_path("/nyheter/a/"), "nyheter/a/index.html");
        assert_eq!(output_path("/404.html"), "404.html");
    }
}
