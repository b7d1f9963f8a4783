//! Content pages: Markdown bodies with shortcodes and checked links, sections with pagination,
//! the front page and the 404 page.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

use super::markdown::{self, Trust};
use super::shortcodes::{self, Call};
use super::view::{PageView, Paginator, PaginatorLink, SectionView, internal};
use super::{OutputFile, Renderer, par_render};
use crate::diagnostics::{Diagnostic, Diagnostics, Pos, did_you_mean};
use crate::model::Page;

pub const PER_PAGE: usize = 10;

/// A page's Markdown, rendered once and shared by its own page, lists and feeds.
pub struct Body<'a> {
    pub page: &'a Page,
    pub view: PageView,
}

pub fn render_bodies<'a>(r: &Renderer<'a>, diags: &mut Diagnostics) -> Vec<Body<'a>> {
    use rayon::prelude::*;
    let pages: Vec<&Page> = r.visible_pages().collect();
    let results: Vec<(Body, Diagnostics)> = pages
        .par_iter()
        .map(|page| {
            let mut local = Diagnostics::new();
            let view = render_body(r, page, &mut local);
            (Body { page, view }, local)
        })
        .collect();
    results
        .into_iter()
        .map(|(body, d)| {
            diags.extend(d);
            body
        })
        .collect()
}

fn render_body(r: &Renderer, page: &Page, diags: &mut Diagnostics) -> PageView {
    let at = |line: u32, column: u32| Pos::new(page.body_line + line - 1, column);
    let extracted = shortcodes::extract(&page.body);
    for e in &extracted.errors {
        diags.push(Diagnostic::error(
            &page.source,
            at(e.line, e.column),
            e.message.clone(),
        ));
    }
    let rendered = r.markdown(&extracted.text, Trust::Editor, &r.t("anchor_label"));
    for link in &rendered.links {
        if let Some((message, help)) = check_link(r, &page.url, &link.url, &rendered.ids) {
            let d = Diagnostic::error(&page.source, at(link.line, link.column), message);
            diags.push(match help {
                Some(h) => d.with_help(h),
                None => d,
            });
        }
    }
    let mut html = rendered.html;
    for (i, call) in extracted.calls.iter().enumerate() {
        let output = match expand(r, call) {
            Ok(output) => output,
            Err(e) => {
                let d = Diagnostic::error(&page.source, at(call.line, call.column), e.0);
                diags.push(match e.1 {
                    Some(h) => d.with_help(h),
                    None => d,
                });
                String::new()
            }
        };
        let placeholder = if call.block {
            shortcodes::block_placeholder(i)
        } else {
            shortcodes::inline_placeholder(i)
        };
        html = html.replacen(&placeholder, &output, 1);
    }
    let summary = page.description.clone().unwrap_or(rendered.summary);
    PageView {
        title: page.title.clone(),
        description: page.description.clone(),
        url: internal(&r.base_path, &page.url),
        permalink: r.permalink(&page.url),
        date: page.date.map(|d| d.to_string()),
        updated: page.updated.map(|d| d.to_string()),
        weight: page.weight,
        draft: page.draft,
        content: html,
        summary,
    }
}

type Problem = (String, Option<String>);

/// `None` when the link is fine; else the message and a help line.
fn check_link(
    r: &Renderer,
    page_url: &str,
    url: &str,
    ids: &std::collections::BTreeSet<String>,
) -> Option<Problem> {
    let url = url.trim();
    if let Some(fragment) = url.strip_prefix('#') {
        return (!fragment.is_empty() && !ids.contains(fragment)).then(|| {
            (
                format!("link to #{fragment}: no heading with that id on this page"),
                None,
            )
        });
    }
    let has_scheme = url
        .split(['/', '?', '#'])
        .next()
        .is_some_and(|first| first.contains(':'));
    if has_scheme || url.starts_with("//") || url.is_empty() {
        return None;
    }
    let path = url.split(['#', '?']).next().unwrap_or("");
    let resolved = if path.starts_with('/') {
        path.to_string()
    } else {
        let base = url::Url::parse("http://site.invalid")
            .ok()?
            .join(page_url)
            .ok()?;
        base.join(path).ok()?.path().to_string()
    };
    let candidates = [
        resolved.clone(),
        format!("{resolved}/"),
        resolved.trim_end_matches("index.html").to_string(),
    ];
    if candidates.iter().any(|c| r.urls.contains(c)) {
        return None;
    }
    let help = did_you_mean(&resolved, r.urls.iter().map(String::as_str))
        .map(|close| format!("did you mean `{close}`?"))
        .or_else(|| Some("link to a page the site has, or remove the link".into()));
    Some((format!("link to {url}: this site has no such page"), help))
}

const SHORTCODES: [&str; 3] = ["figure", "chart", "partner"];

fn expand(r: &Renderer, call: &Call) -> Result<String, Problem> {
    let arg = |name: &str| -> Result<&String, Problem> {
        call.args.get(name).ok_or_else(|| {
            (
                format!("shortcode `{}` needs `{name}=\"…\"`", call.name),
                None,
            )
        })
    };
    let allowed: &[&str] = match call.name.as_str() {
        "figure" => &["key", "decimals", "coverage"],
        "chart" => &["name"],
        "partner" => &["slug"],
        other => {
            let help = did_you_mean(other, SHORTCODES).map_or_else(
                || format!("shortcodes are {}", SHORTCODES.join(", ")),
                |s| format!("did you mean `{s}`?"),
            );
            return Err((format!("unknown shortcode `{other}`"), Some(help)));
        }
    };
    if let Some(extra) = call.args.keys().find(|k| !allowed.contains(&k.as_str())) {
        return Err((
            format!("shortcode `{}` has no argument `{extra}`", call.name),
            Some(format!("it takes {}", allowed.join(", "))),
        ));
    }
    if call.name != "figure" && !call.block {
        return Err((
            format!("shortcode `{}` must stand alone on its own line", call.name),
            Some("put it on a line of its own, with an empty line before and after".into()),
        ));
    }
    match call.name.as_str() {
        "figure" => {
            let decimals = match call.args.get("decimals") {
                Some(d) => Some(d.parse::<usize>().ok().filter(|d| *d <= 6).ok_or_else(|| {
                    (
                        format!("decimals `{d}` must be a whole number from 0 to 6"),
                        None,
                    )
                })?),
                None => None,
            };
            figure(r, arg("key")?, decimals, call.args.get("coverage"))
        }
        "chart" => {
            let name = arg("name")?;
            let Some(chart) = r.charts.network.iter().find(|c| &c.name == name) else {
                let names: Vec<&str> = r.charts.network.iter().map(|c| c.name.as_str()).collect();
                let help = did_you_mean(name, names.iter().copied()).map_or_else(
                    || format!("charts are {}", names.join(", ")),
                    |s| format!("did you mean `{s}`?"),
                );
                return Err((format!("unknown chart `{name}`"), Some(help)));
            };
            let view = r
                .chart_views(std::slice::from_ref(chart), "grafer/")
                .remove(0);
            #[derive(Serialize)]
            struct Values<'a> {
                chart: &'a super::ChartView,
            }
            r.render_view("shortcodes/chart.html", "/", &Values { chart: &view })
                .map_err(|d| (d.message, d.help))
        }
        _ => {
            let slug = arg("slug")?;
            let Some(partner) = r.summaries.get(slug) else {
                let help = did_you_mean(slug, r.summaries.keys().map(String::as_str)).map_or_else(
                    || "use the name of a folder in partners/".to_string(),
                    |s| format!("did you mean `{s}`?"),
                );
                return Err((format!("unknown partner `{slug}`"), Some(help)));
            };
            #[derive(Serialize)]
            struct Values<'a> {
                partner: &'a super::view::PartnerSummary,
            }
            r.render_view("shortcodes/partner.html", "/", &Values { partner })
                .map_err(|d| (d.message, d.help))
        }
    }
}

/// A key of results.json (`like_for_like.change_percent`), formatted for people and escaped.
/// The lookup and the formatting are `aggregate::figure`'s (docs/figures.md "Shortcode keys").
fn figure(
    r: &Renderer,
    key: &str,
    decimals: Option<usize>,
    coverage: Option<&String>,
) -> Result<String, Problem> {
    let coverage = match coverage.map(String::as_str) {
        None | Some("false") => false,
        Some("true") => true,
        Some(other) => {
            return Err((
                format!("coverage `{other}` must be `true` or `false`"),
                None,
            ));
        }
    };
    let options = crate::aggregate::figure::Options { decimals, coverage };
    let text =
        crate::aggregate::figure::show(&r.data.results, key, options, r.site.config.language)?;
    Ok(format!(
        "<span class=\"figure\">{}</span>",
        markdown::html_escape(&text)
    ))
}

/// Section URL → number of pages it lists (for pagination URLs, before rendering).
pub fn section_page_counts(r: &Renderer) -> BTreeMap<String, usize> {
    let sections: Vec<&Page> = r
        .visible_pages()
        .filter(|p| p.is_section && p.url != "/")
        .collect();
    sections
        .iter()
        .map(|s| {
            (
                s.url.clone(),
                r.visible_pages()
                    .filter(|p| !p.is_section && parent_of(&p.url) == s.url)
                    .count(),
            )
        })
        .collect()
}

pub fn page_count(items: usize) -> usize {
    items.div_ceil(PER_PAGE).max(1)
}

/// `/a/b/` → `/a/`; `/a/` → `/`.
fn parent_of(url: &str) -> String {
    let trimmed = url.trim_end_matches('/');
    match trimmed.rfind('/') {
        Some(i) => trimmed[..=i].to_string(),
        None => "/".to_string(),
    }
}

/// Newest first (undated last), then by weight, then by title.
fn sort_listed(pages: &mut [&Body<'_>]) {
    pages.sort_by(|a, b| {
        b.page
            .date
            .cmp(&a.page.date)
            .then(a.page.weight.cmp(&b.page.weight))
            .then_with(|| a.page.title.cmp(&b.page.title))
    });
}

fn listed(body: &Body) -> PageView {
    PageView {
        content: String::new(),
        ..body.view.clone()
    }
}

/// A section as the front page and other templates see it, without pagination.
#[derive(Serialize)]
struct SectionList {
    title: String,
    url: String,
    /// How many pages the section has.
    count: usize,
    /// The newest pages (at most one paginator page: the front page shows a few, not all).
    pages: Vec<PageView>,
    /// Pages dated on or after `as_of`, soonest first: coming events.
    upcoming: Vec<PageView>,
}

/// Each section's pages (in listing order) and subsections, grouped once for the whole site.
struct Tree<'b, 'a> {
    pages: HashMap<String, Vec<&'b Body<'a>>>,
    sections: HashMap<String, Vec<&'b Body<'a>>>,
}

impl<'b, 'a> Tree<'b, 'a> {
    fn new(bodies: &'b [Body<'a>]) -> Self {
        let mut tree = Tree {
            pages: HashMap::new(),
            sections: HashMap::new(),
        };
        for body in bodies.iter().filter(|b| b.page.url != "/") {
            let group = if body.page.is_section {
                &mut tree.sections
            } else {
                &mut tree.pages
            };
            group
                .entry(parent_of(&body.page.url))
                .or_default()
                .push(body);
        }
        for pages in tree.pages.values_mut() {
            sort_listed(pages);
        }
        tree
    }

    fn pages_of(&self, section_url: &str) -> &[&'b Body<'a>] {
        self.pages.get(section_url).map_or(&[], Vec::as_slice)
    }

    fn sections_of(&self, section_url: &str) -> &[&'b Body<'a>] {
        self.sections.get(section_url).map_or(&[], Vec::as_slice)
    }
}

pub fn render_pages(r: &Renderer, bodies: &[Body], diags: &mut Diagnostics) -> Vec<OutputFile> {
    let tree = Tree::new(bodies);
    let mut files = par_render(bodies, diags, |body, diags| {
        let result = if body.page.url == "/" {
            render_index(r, &tree, bodies, Some(body))
        } else if body.page.is_section {
            render_section(r, body, &tree)
        } else {
            let template = template_for(r, body.page, "page.html", diags);
            r.view_file(&template, &body.page.url, &PageValues { page: &body.view })
                .map(|f| vec![f])
        };
        result.unwrap_or_else(|d| {
            diags.push(d);
            Vec::new()
        })
    });
    if !bodies.iter().any(|b| b.page.url == "/") {
        match render_index(r, &tree, bodies, None) {
            Ok(f) => files.extend(f),
            Err(d) => diags.push(d),
        }
    }
    match r.view_file("404.html", "/404.html", &NoValues {}) {
        Ok(f) => files.push(f),
        Err(d) => diags.push(d),
    }
    files
}

/// The values of a template that gets only the common context.
#[derive(Serialize)]
struct NoValues {}

#[derive(Serialize)]
struct PageValues<'a> {
    page: &'a PageView,
}

fn template_for(r: &Renderer, page: &Page, default: &str, diags: &mut Diagnostics) -> String {
    match &page.template {
        Some(name) => {
            let file = format!("{name}.html");
            if r.has_template(&file) {
                file
            } else {
                diags.push(
                    Diagnostic::error(
                        &page.source,
                        Pos::new(1, 1),
                        format!("template `{file}` not found in the theme"),
                    )
                    .with_help(format!(
                        "add themes/{}/templates/{file}, or remove `template:`",
                        r.site.config.theme
                    )),
                );
                default.to_string()
            }
        }
        None => default.to_string(),
    }
}

fn render_index(
    r: &Renderer,
    tree: &Tree,
    bodies: &[Body],
    own: Option<&Body>,
) -> Result<Vec<OutputFile>, Diagnostic> {
    let page = own.map(|b| b.view.clone()).unwrap_or_else(|| PageView {
        title: r.site.config.title.clone(),
        description: Some(r.site.config.description.clone()),
        url: r.base_path.clone(),
        permalink: r.options.base_url.clone(),
        date: None,
        updated: None,
        weight: 0,
        draft: false,
        content: String::new(),
        summary: r.site.config.description.clone(),
    });
    let partners: Vec<_> = r.summaries.values().collect();
    let as_of = r.site.config.results.as_of;
    let sections: BTreeMap<String, SectionList> = bodies
        .iter()
        .filter(|b| b.page.is_section && b.page.url != "/")
        .map(|s| {
            let children = tree.pages_of(&s.page.url);
            let mut upcoming: Vec<&&Body> = children
                .iter()
                .filter(|b| b.page.date.is_some_and(|d| d >= as_of))
                .collect();
            upcoming.sort_by_key(|b| b.page.date);
            let list = SectionList {
                title: s.page.title.clone(),
                url: s.view.url.clone(),
                count: children.len(),
                pages: children.iter().take(PER_PAGE).map(|b| listed(b)).collect(),
                upcoming: upcoming
                    .into_iter()
                    .take(PER_PAGE)
                    .map(|b| listed(b))
                    .collect(),
            };
            (s.page.url.clone(), list)
        })
        .collect();
    #[derive(Serialize)]
    struct Values<'a> {
        page: &'a PageView,
        results: &'a serde_json::Value,
        partners: Vec<&'a super::view::PartnerSummary>,
        sections: BTreeMap<String, SectionList>,
        charts: Vec<super::ChartView>,
    }
    let values = Values {
        page: &page,
        results: &r.results,
        partners,
        sections,
        charts: r.chart_views(&r.charts.network, "grafer/"),
    };
    r.view_file("index.html", "/", &values).map(|f| vec![f])
}

fn render_section(
    r: &Renderer,
    section: &Body,
    tree: &Tree,
) -> Result<Vec<OutputFile>, Diagnostic> {
    let children = tree.pages_of(&section.page.url);
    let subsections: Vec<PageView> = tree
        .sections_of(&section.page.url)
        .iter()
        .map(|b| listed(b))
        .collect();
    let total = page_count(children.len());
    let url_of = |n: usize| {
        if n == 1 {
            section.page.url.clone()
        } else {
            format!("{}side/{n}/", section.page.url)
        }
    };
    let mut ignored = Diagnostics::new();
    let template = template_for(r, section.page, "section.html", &mut ignored);
    if let Some(d) = ignored.sorted().into_iter().next() {
        return Err(d);
    }
    use rayon::prelude::*;
    (1..=total)
        .into_par_iter()
        .map(|n| {
            let chunk = children.iter().skip((n - 1) * PER_PAGE).take(PER_PAGE);
            let paginator = Paginator {
                current: n,
                total,
                previous_url: (n > 1).then(|| internal(&r.base_path, &url_of(n - 1))),
                next_url: (n < total).then(|| internal(&r.base_path, &url_of(n + 1))),
                pages: window(n, total)
                    .into_iter()
                    .map(|(i, gap_before)| PaginatorLink {
                        number: i,
                        url: internal(&r.base_path, &url_of(i)),
                        gap_before,
                    })
                    .collect(),
            };
            let view = SectionView {
                page: section.view.clone(),
                pages: chunk.map(|b| listed(b)).collect(),
                subsections: subsections.clone(),
                paginator,
            };
            #[derive(Serialize)]
            struct Values<'a> {
                section: &'a SectionView,
                page: &'a PageView,
            }
            let values = Values {
                section: &view,
                page: &section.view,
            };
            r.view_file(&template, &url_of(n), &values)
        })
        .collect()
}

/// The page numbers a paginator shows: the first, the last, and two either side of the current
/// one; `true` where numbers were skipped before it. Bounded, so a section of thousands of pages
/// costs linear time and output, not quadratic.
fn window(current: usize, total: usize) -> Vec<(usize, bool)> {
    let near = current.saturating_sub(2).max(1)..=(current + 2).min(total);
    let mut shown: Vec<usize> = std::iter::once(1)
        .chain(near)
        .chain(std::iter::once(total))
        .collect();
    shown.sort_unstable();
    shown.dedup();
    let mut previous = 0;
    shown
        .into_iter()
        .map(|n| {
            let gap = n > previous + 1;
            previous = n;
            (n, gap)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_parents() {
        assert_eq!(parent_of("/nyheter/a/"), "/nyheter/");
        assert_eq!(parent_of("/nyheter/"), "/");
        assert_eq!(parent_of("/a/b/c/"), "/a/b/");
    }

    #[test]
    fn paginator_shows_a_bounded_window() {
        let numbers = |c, t| {
            window(c, t)
                .into_iter()
                .map(|(n, gap)| {
                    if gap {
                        format!("…{n}")
                    } else {
                        n.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(numbers(1, 1), "1");
        assert_eq!(numbers(1, 3), "1 2 3");
        assert_eq!(numbers(50, 500), "1 …48 49 50 51 52 …500");
        assert_eq!(numbers(500, 500), "1 …498 499 500");
    }

    #[test]
    fn counts_paginator_pages() {
        assert_eq!(page_count(0), 1);
        assert_eq!(page_count(10), 1);
        assert_eq!(page_count(11), 2);
    }
}
