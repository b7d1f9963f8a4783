//! Machine-readable outputs: open data (`/data/results.json`, `partners.csv`, `emissions.csv`)
//! and the usual site files (`sitemap.xml`, `atom.xml`, `robots.txt`).
//!
//! XML is written with quick-xml and CSV with the csv crate, so escaping is theirs, not ours.
//! CSV text cells that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) get a `'`.

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::content::{Bodies, Body};
use super::{OutputFile, Renderer};
use crate::diagnostics::{Diagnostic, Pos};
use crate::model::{Decimal, Partner, Scope};
use crate::routes::{Route, urls};

const FEED_ENTRIES: usize = 20;

pub fn results_json(r: &Renderer, route: &Route) -> Result<OutputFile, Diagnostic> {
    let json = serde_json::to_vec_pretty(&r.data.results).map(|mut bytes| {
        bytes.push(b'\n');
        bytes
    });
    file(route, "site.yaml", json)
}

pub fn partners_csv(r: &Renderer, route: &Route) -> Result<OutputFile, Diagnostic> {
    file(route, "partners", partners_csv_bytes(r))
}

pub fn emissions_csv_file(r: &Renderer, route: &Route) -> Result<OutputFile, Diagnostic> {
    file(route, "partners", emissions_csv(r))
}

pub fn sitemap_file(
    r: &Renderer,
    bodies: &Bodies,
    route: &Route,
) -> Result<OutputFile, Diagnostic> {
    file(route, "content", sitemap(r, bodies).map(without_controls))
}

pub fn atom_file(r: &Renderer, bodies: &Bodies, route: &Route) -> Result<OutputFile, Diagnostic> {
    file(route, "content", atom(r, bodies).map(without_controls))
}

/// Defence in depth: no control character may make the XML malformed.
fn without_controls(bytes: Vec<u8>) -> Vec<u8> {
    match String::from_utf8(bytes) {
        Ok(text) => match crate::validate::text::without_controls(&text) {
            std::borrow::Cow::Owned(clean) => clean.into_bytes(),
            std::borrow::Cow::Borrowed(_) => text.into_bytes(),
        },
        Err(e) => e.into_bytes(),
    }
}

pub fn robots(r: &Renderer, route: &Route) -> OutputFile {
    let robots = format!(
        "User-agent: *\nAllow: /\n\nSitemap: {}\n",
        r.permalink(urls::SITEMAP)
    );
    OutputFile::new(route.output.clone(), robots.into_bytes())
}

/// A generated file, or why it could not be made (at `source`, where it came from).
fn file<E: std::fmt::Display>(
    route: &Route,
    source: &str,
    result: Result<Vec<u8>, E>,
) -> Result<OutputFile, Diagnostic> {
    match result {
        Ok(bytes) => Ok(OutputFile::new(route.output.clone(), bytes)),
        Err(e) => Err(Diagnostic::error(
            source,
            Pos::FILE,
            format!("cannot write {}: {e}", route.output),
        )),
    }
}

fn visible<'a>(r: &'a Renderer) -> impl Iterator<Item = &'a Partner> + 'a {
    r.site
        .partners
        .iter()
        .filter(|p| r.summaries.contains_key(&p.slug))
}

/// Neutralises spreadsheet formulas in text from partners.
fn cell(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

/// A reporting-year intensity for `partners.csv`: the nearest `f64` of the exact fraction in
/// its shortest text (`1.7142857142857142`), empty when undefined.
fn intensity(value: Option<f64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn partners_csv_bytes(r: &Renderer) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "slug",
        "name",
        "org_number",
        "sector",
        "employees",
        "fee_nok",
        "website",
        "partner_since",
        "accounting_and_targets",
        "supplier_requirements",
        "strategy",
        "certification",
        "first_requirement",
        "full_requirement",
        "on_track",
        "per_employee",
        "per_mnok",
        "url",
    ])?;
    for p in visible(r) {
        let Some(s) = r.summaries.get(&p.slug) else {
            continue;
        };
        let flag = |b: bool| if b { "true" } else { "false" }.to_string();
        let met = |key: &str| flag(s.principles.iter().any(|x| x.key == key && x.met));
        w.write_record([
            p.slug.clone(),
            cell(&p.name),
            p.org_number.clone(),
            p.sector.to_string(),
            p.employees.to_string(),
            s.fee_nok.to_string(),
            cell(p.website.as_deref().unwrap_or("")),
            p.partner_since.map(|d| d.to_string()).unwrap_or_default(),
            met("accounting_and_targets"),
            met("supplier_requirements"),
            met("strategy"),
            met("certification"),
            flag(s.first_requirement),
            flag(s.full_requirement),
            s.on_track.map(flag).unwrap_or_default(),
            intensity(s.current.as_ref().and_then(|y| y.per_employee)),
            intensity(s.current.as_ref().and_then(|y| y.per_mnok)),
            r.permalink(&urls::partner(&p.slug)),
        ])?;
    }
    w.into_inner()
        .map_err(|e| csv::Error::from(io::Error::other(e.to_string())))
}

/// One row per partner, year, scope and category (`total` when given as a total), with the
/// entry's `status`, scope 2's `method` (`location` | `market`, empty for scopes 1 and 3) and the
/// `unit` (SPEC §4a). Figures are written exactly as the decimals of `emissions.yaml`.
fn emissions_csv(r: &Renderer) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "slug", "year", "status", "scope", "category", "method", "tco2e", "unit",
    ])?;
    for p in visible(r) {
        let Some(e) = &p.emissions else { continue };
        for y in &e.years {
            let status = match y.status {
                crate::model::DataStatus::Final => "final",
                crate::model::DataStatus::Preliminary => "preliminary",
            };
            let mut rows: Vec<(&str, &str, &str, Decimal)> = Vec::new();
            let add_scope =
                |scope: &'static str,
                 s: &Option<Scope>,
                 rows: &mut Vec<(&str, &str, &str, Decimal)>| {
                    let Some(s) = s else { return };
                    if s.categories.is_empty() {
                        rows.push((scope, "total", "", s.total));
                    }
                    rows.extend(
                        s.categories
                            .iter()
                            .map(|(category, value)| (scope, *category, "", *value)),
                    );
                };
            add_scope("1", &y.scope1, &mut rows);
            if let Some(s2) = y.scope2 {
                rows.push(("2", "location_based", "location", s2.location_based));
                if let Some(m) = s2.market_based {
                    rows.push(("2", "market_based", "market", m));
                }
            }
            add_scope("3", &y.scope3, &mut rows);
            for (scope, category, method, value) in rows {
                w.write_record([
                    &p.slug,
                    &y.year.to_string(),
                    status,
                    scope,
                    category,
                    method,
                    &value.normalize().to_string(),
                    "tCO2e",
                ])?;
            }
        }
    }
    w.into_inner()
        .map_err(|e| csv::Error::from(io::Error::other(e.to_string())))
}

/// Every HTML page of the plan, with the date of the content page it shows.
fn sitemap(r: &Renderer, bodies: &Bodies) -> io::Result<Vec<u8>> {
    let dates: std::collections::HashMap<&str, String> = bodies
        .iter()
        .filter_map(|b| {
            Some((
                b.page.url.as_str(),
                b.page.updated.or(b.page.date)?.to_string(),
            ))
        })
        .collect();
    let entries: Vec<(&String, Option<&String>)> = (r.plan.routes().iter())
        .filter(|route| route.kind.is_page())
        .map(|route| (&route.url, dates.get(route.url.as_str())))
        .collect();
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let mut urlset = w
        .create_element("urlset")
        .with_attribute(("xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9"));
    if r.site.config.languages.len() > 1 {
        urlset = urlset.with_attribute(("xmlns:xhtml", "http://www.w3.org/1999/xhtml"));
    }
    urlset.write_inner_content(|w| {
        for (url, lastmod) in &entries {
            w.create_element("url").write_inner_content(|w| {
                w.create_element("loc")
                    .write_text_content(BytesText::new(&r.permalink(url)))?;
                if let Some(date) = lastmod {
                    w.create_element("lastmod")
                        .write_text_content(BytesText::new(date))?;
                }
                // Google's form of alternates: every language of the page, itself included.
                for (language, other) in r.plan.translations(url) {
                    w.create_element("xhtml:link")
                        .with_attribute(("rel", "alternate"))
                        .with_attribute(("hreflang", language.code()))
                        .with_attribute(("href", r.permalink(other).as_str()))
                        .write_empty()?;
                }
                Ok(())
            })?;
        }
        Ok(())
    })?;
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    Ok(bytes)
}

/// News and other dated pages, newest first. `updated` comes from the content, never the clock.
fn atom(r: &Renderer, bodies: &Bodies) -> io::Result<Vec<u8>> {
    // One feed per language: this one has the pages written in its language.
    let mut dated: Vec<&Body> = bodies
        .iter()
        .filter(|b| !b.page.is_section && b.page.date.is_some() && b.page.language == r.language)
        .collect();
    dated.sort_by(|a, b| {
        b.page
            .date
            .cmp(&a.page.date)
            .then_with(|| a.page.url.cmp(&b.page.url))
    });
    dated.truncate(FEED_ENTRIES);
    let stamp = |d: chrono::NaiveDate| format!("{d}T00:00:00Z");
    let feed_updated = dated
        .iter()
        .filter_map(|b| b.page.updated.or(b.page.date))
        .max()
        .unwrap_or(r.site.config.results.as_of);
    let site = &r.site_view;
    let home = r.permalink(&urls::in_language(
        urls::FRONT_PAGE,
        r.language,
        r.site.config.language,
    ));
    let feed = urls::in_language(urls::FEED, r.language, r.site.config.language);
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let lang = r.site_view.language;
    w.create_element("feed")
        .with_attribute(("xmlns", "http://www.w3.org/2005/Atom"))
        .with_attribute(("xml:lang", lang))
        .write_inner_content(|w| {
            w.create_element("title")
                .write_text_content(BytesText::new(&site.title))?;
            w.create_element("subtitle")
                .write_text_content(BytesText::new(&site.description))?;
            w.create_element("id")
                .write_text_content(BytesText::new(&home))?;
            w.create_element("link")
                .with_attribute(("href", home.as_str()))
                .write_empty()?;
            w.create_element("link")
                .with_attribute(("rel", "self"))
                .with_attribute(("href", r.permalink(&feed).as_str()))
                .write_empty()?;
            w.create_element("updated")
                .write_text_content(BytesText::new(&stamp(feed_updated)))?;
            w.create_element("author").write_inner_content(|w| {
                w.create_element("name")
                    .write_text_content(BytesText::new(&site.title))?;
                Ok(())
            })?;
            for b in &dated {
                let permalink = r.permalink(&b.page.url);
                w.create_element("entry").write_inner_content(|w| {
                    w.create_element("title")
                        .write_text_content(BytesText::new(&b.page.title))?;
                    w.create_element("id")
                        .write_text_content(BytesText::new(&permalink))?;
                    w.create_element("link")
                        .with_attribute(("href", permalink.as_str()))
                        .write_empty()?;
                    let date = b.page.date.unwrap_or(feed_updated);
                    w.create_element("published")
                        .write_text_content(BytesText::new(&stamp(date)))?;
                    let updated = b.page.updated.unwrap_or(date);
                    w.create_element("updated")
                        .write_text_content(BytesText::new(&stamp(updated)))?;
                    w.create_element("summary")
                        .write_text_content(BytesText::new(&b.view.summary))?;
                    Ok(())
                })?;
            }
            Ok(())
        })?;
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neutralises_spreadsheet_formulas() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("Alfa AS"), "Alfa AS");
    }

    #[test]
    fn writes_figures_as_their_exact_decimals() {
        let d: Decimal = "1431.70".parse().unwrap();
        assert_eq!(d.normalize().to_string(), "1431.7");
    }
}
