//! Content pages: Markdown bodies with shortcodes and checked links, and the page of each.
//! Sections and the front page, which list bodies, are in `sections.rs`.

use std::collections::HashMap;

use super::markdown::{self, Trust};
use super::shortcodes::{self, Call};
use super::view::{
    ChartShortcodeContext, PageContext, PageView, PartnerShortcodeContext, internal,
};
use super::{Editions, OutputFile, Renderer};
use crate::diagnostics::{Diagnostic, Diagnostics, Pos, did_you_mean};
use crate::messages::{Arg, Args, ids};
use crate::model::Page;
use crate::routes::{ChartOwner, PageId, Route, WrittenLink, urls};

/// A page's Markdown, rendered once and shared by its own page, lists and feeds.
pub struct Body<'a> {
    pub page: &'a Page,
    pub view: PageView,
    /// Every link it holds, for `validate::links`.
    pub links: Vec<WrittenLink>,
}

/// The bodies of some of the plan's visible pages (its pages, or the summit's slides), by
/// [`PageId`].
pub struct Bodies<'a> {
    list: Vec<Body<'a>>,
    index: HashMap<PageId, usize>,
}

impl<'a> Bodies<'a> {
    pub fn get(&self, id: PageId) -> &Body<'a> {
        &self.list[self.index[&id]]
    }

    /// In the order of the ids they were made from.
    pub fn iter(&self) -> impl Iterator<Item = &Body<'a>> {
        self.list.iter()
    }

    /// Links are judged as if written on the page at `url(page)` (the summit's slides are shown
    /// there).
    pub fn relocate_links(&mut self, url: impl Fn(&Page) -> String) {
        for body in &mut self.list {
            let url = url(body.page);
            for link in &mut body.links {
                link.page_url = url.clone();
            }
        }
    }
}

/// The bodies of `ids` (`RoutePlan::pages` or `RoutePlan::slides`).
pub fn render_bodies<'a>(
    editions: &Editions<'a>,
    ids: &[PageId],
    diags: &mut Diagnostics,
) -> Bodies<'a> {
    use rayon::prelude::*;
    let results: Vec<(Body, Diagnostics)> = ids
        .par_iter()
        .map(|id| {
            let page = &editions.site().pages[id.0];
            // Its words, figures and shortcodes in the page's own language.
            let r = editions.of(page.language);
            let mut local = Diagnostics::new();
            let (view, links) = render_body(r, page, &mut local);
            (Body { page, view, links }, local)
        })
        .collect();
    let list = results
        .into_iter()
        .map(|(body, d)| {
            diags.extend(d);
            body
        })
        .collect();
    let index = ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    Bodies { list, index }
}

fn render_body(r: &Renderer, page: &Page, diags: &mut Diagnostics) -> (PageView, Vec<WrittenLink>) {
    let at = |line: u32, column: u32| Pos::new(page.body_line + line - 1, column);
    let extracted = shortcodes::extract(&page.body);
    for e in &extracted.errors {
        let args = e.args.clone();
        diags.push(Diagnostic::error_msg(
            &page.source,
            at(e.line, e.column),
            e.id,
            args,
        ));
    }
    let rendered = r.markdown(&extracted.text, Trust::Editor, &r.t("anchor_label"));
    let links = (rendered.links.iter())
        .map(|link| WrittenLink {
            source: page.source.clone(),
            page_url: page.url.clone(),
            url: link.url.clone(),
            at: at(link.line, link.column),
        })
        .collect();
    let mut html = rendered.html;
    let mut summary = rendered.summary;
    for (i, call) in extracted.calls.iter().enumerate() {
        let (output, text) = match expand(r, call) {
            Ok(Expanded::Text(text)) => {
                let output = format!(
                    "<span class=\"figure\">{}</span>",
                    markdown::html_escape(&text)
                );
                (output, text)
            }
            Ok(Expanded::Html(output)) => (output, String::new()),
            Err(mut d) => {
                // Problems are found at no place; they are the call's.
                let pos = at(call.line, call.column);
                (d.path, d.line, d.column) = (page.source.clone(), pos.line, pos.column);
                diags.push(d);
                (String::new(), String::new())
            }
        };
        if call.block {
            html = html.replacen(&shortcodes::block_placeholder(i), &output, 1);
        } else {
            let placeholder = shortcodes::inline_placeholder(i);
            html = html.replacen(&placeholder, &output, 1);
            summary = summary.replacen(&placeholder, &text, 1);
        }
    }
    // The summary is read where the page is listed: with the figures in it, not placeholders.
    let summary =
        (page.description.clone()).unwrap_or_else(|| markdown::shorten(&summary, SUMMARY_CHARS));
    let view = PageView {
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
    };
    (view, links)
}

/// A shortcode's problem: an error of the catalogue at no place yet; `render_body` places it
/// at the call.
type Problem = Diagnostic;

fn problem(id: &'static str, args: Args) -> Problem {
    Diagnostic::error_msg("", Pos::FILE, id, args)
}

/// `problem`, with "did you mean `x`?" as its help when one of `names` is close to `given`
/// (else the message's own help, which lists or points to the names).
fn unknown(id: &'static str, args: Args, given: &str, names: &[&str]) -> Problem {
    let mut d = problem(id, args);
    match did_you_mean(given, names.iter().copied()) {
        Some(close) => d
            .arg("suggestion", close.into())
            .help_msg(ids::DID_YOU_MEAN),
        None => d.arg("names", names.join(", ").into()),
    };
    d
}

/// About how long a summary taken from the text may be (meta description, listings).
const SUMMARY_CHARS: usize = 200;

/// What a shortcode call gives: a figure's text (shown in a `<span>`, and read in the
/// summary), or a block of HTML.
enum Expanded {
    Text(String),
    Html(String),
}

const SHORTCODES: [&str; 3] = ["figure", "chart", "partner"];

fn expand(r: &Renderer, call: &Call) -> Result<Expanded, Problem> {
    let name = || Arg::from(&call.name);
    let arg = |argument: &'static str| -> Result<&String, Problem> {
        call.args.get(argument).ok_or_else(|| {
            let args = vec![("name", name()), ("argument", argument.into())];
            problem(ids::SHORTCODE_NEEDS_ARGUMENT, args)
        })
    };
    let allowed: &[&str] = match call.name.as_str() {
        "figure" => &["key", "decimals", "coverage"],
        "chart" => &["name"],
        "partner" => &["slug"],
        other => {
            let args = vec![("name", other.into())];
            return Err(unknown(ids::SHORTCODE_UNKNOWN, args, other, &SHORTCODES));
        }
    };
    if let Some(extra) = call.args.keys().find(|k| !allowed.contains(&k.as_str())) {
        let args = vec![
            ("name", name()),
            ("argument", extra.into()),
            ("arguments", allowed.join(", ").into()),
        ];
        return Err(problem(ids::SHORTCODE_NO_SUCH_ARGUMENT, args));
    }
    if call.name != "figure" && !call.block {
        return Err(problem(ids::SHORTCODE_NOT_ALONE, vec![("name", name())]));
    }
    match call.name.as_str() {
        "figure" => {
            let decimals = match call.args.get("decimals") {
                Some(d) => {
                    Some(d.parse::<usize>().ok().filter(|d| *d <= 6).ok_or_else(|| {
                        problem(ids::SHORTCODE_DECIMALS, vec![("value", d.into())])
                    })?)
                }
                None => None,
            };
            figure(r, arg("key")?, decimals, call.args.get("coverage")).map(Expanded::Text)
        }
        "chart" => {
            let name = arg("name")?;
            let Some(chart) = r.charts.network.iter().find(|c| &c.name == name) else {
                let names: Vec<&str> = r.charts.network.iter().map(|c| c.name.as_str()).collect();
                let args = vec![("name", name.into())];
                return Err(unknown(ids::SHORTCODE_UNKNOWN_CHART, args, name, &names));
            };
            let view = r
                .chart_views(std::slice::from_ref(chart), &ChartOwner::Network)
                .remove(0);
            let values = ChartShortcodeContext { chart: &view };
            r.render_view("shortcodes/chart.html", urls::FRONT_PAGE, &values)
                .map(|html| Expanded::Html(String::from_utf8_lossy(&html).into_owned()))
        }
        _ => {
            let slug = arg("slug")?;
            let Some(partner) = r.summaries.get(slug) else {
                // A draft's folder exists: "unknown" would send the editor looking for a typo.
                let args = vec![("slug", slug.into())];
                if r.site.partners.iter().any(|p| &p.slug == slug && p.draft) {
                    return Err(problem(ids::SHORTCODE_DRAFT_PARTNER, args));
                }
                let slugs: Vec<&str> = r.summaries.keys().map(String::as_str).collect();
                return Err(unknown(ids::SHORTCODE_UNKNOWN_PARTNER, args, slug, &slugs));
            };
            let values = PartnerShortcodeContext { partner };
            r.render_view("shortcodes/partner.html", urls::FRONT_PAGE, &values)
                .map(|html| Expanded::Html(String::from_utf8_lossy(&html).into_owned()))
        }
    }
}

/// A key of results.json (`like_for_like.change_percent`), formatted for people.
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
            return Err(problem(
                ids::SHORTCODE_COVERAGE,
                vec![("value", other.into())],
            ));
        }
    };
    let options = crate::aggregate::figure::Options { decimals, coverage };
    crate::aggregate::figure::show(&r.data.results, key, options, &r.edition.strings)
}

/// A content page (not a section) with its own template, or `page.html`.
pub fn render_page(r: &Renderer, body: &Body, route: &Route) -> Result<OutputFile, Diagnostic> {
    let values = PageContext { page: &body.view };
    r.view_file(usable_template(r, route), &route.url, &values)
}

/// The template the plan chose for a page, or the default one when the theme lacks it:
/// `validate` reports the missing template, and the page is still made, so what links to it
/// can be checked.
pub fn usable_template<'r>(r: &Renderer, route: &'r Route) -> &'r str {
    let template = super::template(route);
    if r.has_template(template) {
        template
    } else {
        crate::routes::default_template(&route.kind).unwrap_or(template)
    }
}
