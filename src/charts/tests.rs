//! Tests of the drawn charts on a small fixture network, reading the SVG as XML (roxmltree):
//! what a person would check by looking (one column per year, stacks that add up, the pathway
//! where it belongs, no text outside the picture or on top of other text) and what assistive
//! technology needs (a referenced title and description, unique ids).

use std::collections::BTreeSet;

use roxmltree::{Document, Node};

use super::canvas::Layout;
use super::text::{self, Size};
use super::*;
use crate::aggregate::testkit::*;
use crate::aggregate::{SiteData, aggregate};
use crate::format;
use crate::model::{Language, Scope, Site};

/// Every chart of a site in one language, the partners' drawn too.
struct Drawn {
    network: Vec<Chart>,
    partners: BTreeMap<String, Vec<Chart>>,
}

/// Every chart, drawn with `strings` and without a memo; the partners' charts are the ones
/// [`super::draw`] named for the plan, in its order.
fn draw(site: &Site, data: &SiteData, strings: &Strings) -> Drawn {
    let charts = super::draw(site, data, &[strings]).remove(0);
    assert_eq!(charts.language, strings.language);
    let memo = crate::memo::Memo::off();
    let pass = memo.pass();
    let partners: BTreeMap<String, Vec<Chart>> = (data.visible(site))
        .map(|v| {
            (
                v.partner.slug.clone(),
                draw_partner(site, v, strings, &pass),
            )
        })
        .filter(|(_, drawn)| !drawn.is_empty())
        .collect();
    let names: BTreeMap<&String, Vec<&String>> = (partners.iter())
        .map(|(slug, drawn)| (slug, drawn.iter().map(|c| &c.name).collect()))
        .collect();
    let named: BTreeMap<&String, Vec<&String>> = (charts.partners.iter())
        .map(|(slug, names)| (slug, names.iter().collect()))
        .collect();
    assert_eq!(names, named, "the plan names the charts that are drawn");
    Drawn {
        network: charts.network,
        partners,
    }
}

const LONG_NAME: &str = "Ljabru og Nordstrand Eiendomsdrift og Bygningsvedlikehold AS 2";

/// Three partners: one with a 60-character name and a 7-digit total, categories and two
/// targets (one absolute, one intensity); one small with scope 1 only in some years; one
/// without an emissions file.
fn fixture() -> (Site, SiteData) {
    let scope = |categories: Vec<(&'static str, f64)>| Scope {
        total: categories.iter().map(|c| dec(c.1)).sum(),
        categories: categories.into_iter().map(|(k, v)| (k, dec(v))).collect(),
    };
    let mut big_2024 = year(Y).s2(40_000.0).employees(900.0);
    big_2024.scope1 = Some(scope(vec![
        ("mobile_combustion", 1_100_000.0),
        ("stationary_combustion", 34_567.0),
    ]));
    big_2024.scope3 = Some(scope(vec![
        ("purchased_goods_and_services", 250_000.5),
        ("business_travel", 4.7),
    ]));
    let mut big = with_emissions(
        partner("alfa", 'D', 900),
        vec![
            year(C).s1(1_400_000.0).s2(60_000.0).s3(300_000.0),
            year(2021).s1(1_300_000.0).s2(50_000.0),
            big_2024,
        ],
        vec![
            target(&[1, 2], C, 2030, 50.0),
            per(
                target(&[1], C, 2030, 60.0),
                crate::model::Normaliser::Employee,
            ),
        ],
    );
    big.name = LONG_NAME.into();
    big.principles.strategy = principle(crate::model::Status::InPlace);
    let small = with_emissions(
        partner("beta", 'H', 12),
        vec![
            year(C).s1(12.5).s2(1.5),
            year(2022).s2(1.2),
            year(Y).s1(9.0).s2(1.0).preliminary(),
        ],
        vec![target(&[1], 2022, 2030, 20.0)],
    );
    let site = site(vec![big, small, partner("gamma", 'Q', 3)]);
    let data = aggregate(&site, false);
    (site, data)
}

fn charts() -> Drawn {
    let (site, data) = fixture();
    draw(
        &site,
        &data,
        &crate::strings::Strings::embedded(site.config.language),
    )
}

fn chart<'a>(charts: &'a [Chart], name: &str) -> &'a Chart {
    charts
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no chart {name}"))
}

fn all(charts: &Drawn) -> Vec<&Chart> {
    charts
        .network
        .iter()
        .chain(charts.partners.values().flatten())
        .collect()
}

fn parse(svg: &str) -> Document<'_> {
    Document::parse(svg).unwrap_or_else(|e| panic!("not well-formed: {e}\n{svg}"))
}

fn num(node: Node, attr: &str) -> f64 {
    node.attribute(attr)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("{attr} missing on {node:?}"))
}

/// A number as the charts write it: `1 234,5`, `−4,2`.
fn parse_number(s: &str) -> Option<f64> {
    let cleaned: String = s
        .trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .map(|c| match c {
            ',' => '.',
            '−' => '-',
            c => c,
        })
        .collect();
    cleaned.parse().ok()
}

fn text_of<'a>(node: Node<'a, '_>) -> &'a str {
    node.text().unwrap_or("").trim()
}

/// Bars and stack segments: rectangles outside `<defs>` (legend swatches are circles).
fn bars<'a, 'i>(doc: &'a Document<'i>) -> Vec<Node<'a, 'i>> {
    doc.root_element()
        .children()
        .filter(|n| n.has_tag_name("rect"))
        .collect()
}

/// Tonnes per pixel and the y of zero, read from the value axis' tick labels.
fn value_axis(doc: &Document) -> (f64, f64) {
    let ticks: Vec<(f64, f64)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text") && n.attribute("text-anchor") == Some("end"))
        .filter_map(|n| Some((parse_number(text_of(n))?, num(n, "y"))))
        .collect();
    let zero = ticks.iter().find(|t| t.0 == 0.0).expect("a zero tick").1;
    let top = ticks
        .iter()
        .fold(ticks[0], |a, b| if b.0 > a.0 { *b } else { a });
    (top.0 / (zero - top.1), zero)
}

/// Rectangles grouped by their horizontal centre: one group per column.
fn columns<'a, 'i>(doc: &'a Document<'i>) -> Vec<(f64, Vec<Node<'a, 'i>>)> {
    let mut out: Vec<(f64, Vec<Node>)> = Vec::new();
    for r in bars(doc) {
        let centre = num(r, "x") + num(r, "width") / 2.0;
        match out.iter_mut().find(|(c, _)| (c - centre).abs() < 1.0) {
            Some((_, group)) => group.push(r),
            None => out.push((centre, vec![r])),
        }
    }
    out.sort_by(|a, b| a.0.total_cmp(&b.0));
    out
}

#[test]
fn draws_one_column_per_reported_year() {
    let (site, data) = fixture();
    let charts = draw(
        &site,
        &data,
        &crate::strings::Strings::embedded(site.config.language),
    );
    for (slug, expected_years) in [("alfa", 3), ("beta", 3)] {
        let c = chart(&charts.partners[slug], partner::BY_YEAR);
        for svg in [&c.svg, &c.svg_narrow] {
            let doc = parse(svg);
            assert_eq!(columns(&doc).len(), expected_years, "{slug}");
        }
    }
    let network = chart(&charts.network, "network-by-year");
    let years = data.results.by_year.len();
    assert_eq!(columns(&parse(&network.svg)).len(), years);
}

#[test]
fn stacks_add_up_to_the_totals_in_the_table() {
    let (site, data) = fixture();
    let charts = draw(
        &site,
        &data,
        &crate::strings::Strings::embedded(site.config.language),
    );
    let c = chart(&charts.partners["alfa"], partner::BY_YEAR);
    let total_column = c.table.head.iter().position(|h| h == "Totalt").unwrap();
    let totals: Vec<f64> = c
        .table
        .rows
        .iter()
        .filter_map(|row| parse_number(&row[total_column]))
        .collect();
    for svg in [&c.svg, &c.svg_narrow] {
        let doc = parse(svg);
        let (per_px, zero) = value_axis(&doc);
        let stacks = columns(&doc);
        assert_eq!(stacks.len(), totals.len());
        for ((_, segments), total) in stacks.iter().zip(&totals) {
            let top = segments
                .iter()
                .map(|r| num(*r, "y"))
                .fold(f64::MAX, f64::min);
            let drawn = (zero - top) * per_px;
            // Rounded to whole pixels: within one pixel of the figure.
            assert!((drawn - total).abs() <= per_px, "{drawn} vs {total}");
        }
    }
    let series = &data.partners[0].series;
    let first = series.first().unwrap();
    assert_eq!(totals[0], partner::stack_total(first).unwrap());
}

/// How far a polyline's points reach horizontally.
fn span(points: &str) -> f64 {
    let xs: Vec<f64> = points
        .split_whitespace()
        .filter_map(|p| p.split(',').next()?.parse().ok())
        .collect();
    xs.iter().fold(f64::MIN, |a, b| a.max(*b)) - xs.iter().fold(f64::MAX, |a, b| a.min(*b))
}

#[test]
fn the_pathway_starts_at_the_base_year_value() {
    let (site, data) = fixture();
    let charts = draw(
        &site,
        &data,
        &crate::strings::Strings::embedded(site.config.language),
    );
    // The stacked chart has no pathway; the first target's own chart has it.
    let stacked = parse(&chart(&charts.partners["alfa"], partner::BY_YEAR).svg);
    assert!(
        !stacked
            .descendants()
            .any(|n| n.has_tag_name("polyline") && n.attribute("stroke-width") == Some("2")),
        "no pathway over the stacked columns"
    );
    let c = chart(&charts.partners["alfa"], "mal-1");
    let base = data.partners[0].targets[0].base_value.unwrap();
    assert_eq!(base, 1_460_000.0);
    for svg in [&c.svg, &c.svg_narrow] {
        let doc = parse(svg);
        let (per_px, zero) = value_axis(&doc);
        let paths: Vec<Node> = doc
            .descendants()
            .filter(|n| {
                n.has_tag_name("polyline")
                    && n.attribute("stroke") == Some("#1A1F1C")
                    && n.attribute("stroke-width") == Some("2")
            })
            // The legend's sample of the line is a short stroke.
            .filter(|n| span(n.attribute("points").unwrap()) > 30.0)
            .collect();
        assert_eq!(paths.len(), 1, "one pathway");
        let points = paths[0].attribute("points").unwrap();
        let first: Vec<f64> = points
            .split_whitespace()
            .next()
            .unwrap()
            .split(',')
            .map(|v| v.parse().unwrap())
            .collect();
        let value = (zero - first[1]) * per_px;
        assert!((value - base).abs() <= per_px, "{value} vs {base}");
        let base_column = columns(&doc)[0].0;
        assert!(
            (first[0] - base_column).abs() <= 1.0,
            "starts at the base year"
        );
    }
}

#[test]
fn every_chart_has_a_referenced_title_and_desc() {
    let charts = charts();
    for c in all(&charts) {
        for svg in [&c.svg, &c.svg_narrow] {
            let doc = parse(svg);
            let root = doc.root_element();
            assert_eq!(root.attribute("role"), Some("img"), "{}", c.name);
            let ids: Vec<&str> = root
                .attribute("aria-labelledby")
                .unwrap()
                .split(' ')
                .collect();
            let by_id = |id: &str| doc.descendants().find(|n| n.attribute("id") == Some(id));
            let title = by_id(ids[0]).expect("title referenced");
            let desc = by_id(ids[1]).expect("desc referenced");
            assert!(title.has_tag_name("title") && desc.has_tag_name("desc"));
            assert_eq!(title.text(), Some(c.title.as_str()));
            assert_eq!(desc.text(), Some(c.desc.as_str()));
            assert!(!c.desc.is_empty() && c.desc.chars().any(|ch| ch.is_ascii_digit()));
        }
    }
}

#[test]
fn ids_are_unique_on_every_page() {
    let charts = charts();
    let pages = std::iter::once(&charts.network).chain(charts.partners.values());
    for page in pages {
        let mut seen = BTreeSet::new();
        for c in page {
            for svg in [&c.svg, &c.svg_narrow] {
                for n in parse(svg).descendants() {
                    if let Some(id) = n.attribute("id") {
                        assert!(seen.insert(id.to_string()), "id {id} twice");
                    }
                }
            }
        }
    }
}

#[test]
fn draws_the_network_charts_content_pages_may_name() {
    let charts = charts();
    let names: Vec<&str> = charts.network.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, NETWORK_CHARTS);
    assert!(
        !charts.partners.contains_key("gamma"),
        "no emissions, no charts"
    );
}

#[test]
fn tables_carry_the_figures_of_the_results() {
    let (site, data) = fixture();
    let charts = draw(
        &site,
        &data,
        &crate::strings::Strings::embedded(site.config.language),
    );
    let r = &data.results;
    let by_year = chart(&charts.network, "network-by-year");
    for (row, y) in by_year.table.rows.iter().zip(&r.by_year) {
        assert_eq!(row[0], y.year.to_string());
        assert_eq!(row[1], y.partners.to_string());
        let with_count = |v: Option<crate::model::Decimal>, n: usize| {
            format::optional(v, |v| {
                format!(
                    "{} ({n})",
                    format::tonnes_number(format::to_f64(v), Language::Nb)
                )
            })
        };
        assert_eq!(row[2], with_count(y.sums.scope1, y.sums.scope1_partners));
        assert_eq!(row[5], with_count(y.sums.scope3, y.sums.scope3_partners));
        assert_eq!(row[6], y.sums.preliminary_partners.to_string());
    }
    let lfl = chart(&charts.network, "like-for-like");
    assert_eq!(
        parse_number(&lfl.table.rows[0][1]),
        r.like_for_like.compare.map(|v| format::to_f64(v).round())
    );
    let principles = chart(&charts.network, "principles");
    assert_eq!(
        principles.table.rows[2][1],
        format!("{} av 3", r.principles.strategy)
    );
    let rates = chart(&charts.network, "target-rates");
    // alfa's main target is absolute scope 1+2: compared; beta's is scope 1 alone: not.
    assert_eq!(rates.table.rows[0][0], LONG_NAME);
    assert_eq!(rates.table.rows[0][1], "4,5\u{a0}%");
    assert_eq!(rates.table.rows[0][3], "minst 4,2\u{a0}%");
    assert_eq!(
        rates.table.rows[1][3],
        "ikke sammenlignbart: bare scope 1 eller bare scope 2"
    );
    assert!(!rates.desc.contains("krever"), "{}", rates.desc);
    let tiers = chart(&charts.network, "fee-tiers");
    let counts: Vec<usize> = tiers
        .table
        .rows
        .iter()
        .map(|r| r[1].parse().unwrap())
        .collect();
    let expected: Vec<usize> = r.by_fee_tier.iter().map(|t| t.partners).collect();
    assert_eq!(counts, expected);
    let cats = chart(&charts.partners["alfa"], partner::CATEGORIES);
    assert_eq!(cats.table.rows[0][0], "Mobil forbrenning");
    assert_eq!(cats.table.rows[0][2], "1\u{a0}100\u{a0}000");
}

#[test]
fn the_values_written_on_bars_are_the_tables() {
    let charts = charts();
    let cats = chart(&charts.partners["alfa"], partner::CATEGORIES);
    let doc = parse(&cats.svg);
    let written: BTreeSet<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(text_of)
        .collect();
    for row in &cats.table.rows[..cats.table.rows.len() - 1] {
        assert!(
            written.contains(row[2].as_str()),
            "{} not on the chart",
            row[2]
        );
    }
    assert_eq!(bars(&doc).len(), cats.table.rows.len() - 1);
}

/// Left, top, right, bottom.
type Extent = (f64, f64, f64, f64);

/// The box a `<text>` covers, from its anchor and the measured width.
fn text_box(n: Node) -> Extent {
    let size = if num(n, "font-size") < 13.0 {
        Size::Small
    } else {
        Size::Normal
    };
    let w = text::width(text_of(n), size);
    let (x, y) = (num(n, "x"), num(n, "y"));
    let x0 = match n.attribute("text-anchor") {
        Some("end") => x - w,
        Some("middle") => x - w / 2.0,
        _ => x,
    };
    let h = size.px();
    (x0, y - h / 2.0, x0 + w, y + h / 2.0)
}

#[test]
fn no_text_is_clipped_or_overlaps_other_text() {
    let charts = charts();
    for c in all(&charts) {
        for (svg, layout) in [(&c.svg, Layout::Wide), (&c.svg_narrow, Layout::Narrow)] {
            let doc = parse(svg);
            let height = num(doc.root_element(), "height");
            let boxes: Vec<(&str, Extent)> = doc
                .descendants()
                .filter(|n| n.has_tag_name("text"))
                .map(|n| (text_of(n), text_box(n)))
                .collect();
            for (t, (x0, y0, x1, y1)) in &boxes {
                let inside = *x0 >= 0.0 && *x1 <= layout.width() && *y0 >= 0.0 && *y1 <= height;
                assert!(inside, "{} ({layout:?}): {t:?} is clipped", c.name);
            }
            for (i, (a, ba)) in boxes.iter().enumerate() {
                for (b, bb) in &boxes[i + 1..] {
                    let apart = ba.2 <= bb.0 || bb.2 <= ba.0 || ba.3 <= bb.1 || bb.3 <= ba.1;
                    assert!(apart, "{} ({layout:?}): {a:?} overlaps {b:?}", c.name);
                }
            }
        }
    }
}

#[test]
fn the_long_name_wraps_instead_of_running_off() {
    let charts = charts();
    let rates = chart(&charts.network, "target-rates");
    for svg in [&rates.svg, &rates.svg_narrow] {
        let doc = parse(svg);
        let texts: Vec<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("text"))
            .map(text_of)
            .collect();
        assert!(!texts.contains(&LONG_NAME), "drawn on one line");
        assert!(
            texts
                .iter()
                .any(|t| LONG_NAME.starts_with(t) && t.len() > 10)
        );
    }
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let a = charts();
    let b = charts();
    for (x, y) in all(&a).iter().zip(all(&b)) {
        assert_eq!(x.svg, y.svg);
        assert_eq!(x.svg_narrow, y.svg_narrow);
    }
}

#[test]
fn partner_charts_stay_small() {
    let charts = charts();
    for c in charts.partners.values().flatten() {
        assert!(c.svg.len() < 30_000, "{} is {} bytes", c.name, c.svg.len());
        assert!(c.svg_narrow.len() < 30_000);
    }
}

#[test]
fn speaks_english_when_the_site_does() {
    let (mut site, data) = fixture();
    site.config.language = Language::En;
    let charts = draw(
        &site,
        &data,
        &crate::strings::Strings::embedded(site.config.language),
    );
    let by_year = chart(&charts.network, "network-by-year");
    assert!(by_year.title.starts_with("Partners' emissions per year"));
    assert!(by_year.svg.contains("t CO₂e"));
    assert_eq!(by_year.table.head[0], "Year");
}

#[test]
fn snapshots_of_each_kind_of_chart() {
    let charts = charts();
    let partner = &charts.partners["alfa"];
    insta::assert_snapshot!("partner_by_year", chart(partner, partner::BY_YEAR).svg);
    insta::assert_snapshot!(
        "partner_categories",
        chart(partner, partner::CATEGORIES).svg
    );
    insta::assert_snapshot!("partner_target", chart(partner, "mal-1").svg);
    for name in NETWORK_CHARTS {
        insta::assert_snapshot!(format!("network_{name}"), chart(&charts.network, name).svg);
    }
}

#[test]
fn each_target_is_drawn_against_its_own_series() {
    // Scope 1+2 (market-based) −50 %, scope 3 −30 %, and scope 1 per employee −40 %.
    let p = with_emissions(
        partner("delta", 'F', 40),
        vec![
            year(C).s1(100.0).s2m(20.0, 60.0).s3(300.0).employees(10.0),
            year(Y).s1(80.0).s2m(15.0, 5.0).s3(280.0).employees(20.0),
        ],
        vec![
            market(target(&[1, 2], C, 2030, 50.0)),
            target(&[3], C, 2030, 30.0),
            per(
                target(&[1], C, 2030, 40.0),
                crate::model::Normaliser::Employee,
            ),
        ],
    );
    let site = site(vec![p]);
    let data = aggregate(&site, false);
    let charts = draw(
        &site,
        &data,
        &crate::strings::Strings::embedded(site.config.language),
    );
    let names: Vec<&str> = charts.partners["delta"]
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, [partner::BY_YEAR, "mal-1", "mal-2", "mal-3"]);
    // Each table's first row is the target's own base: 100 + 60 market-based; scope 3 alone;
    // 100 t / 10 employees.
    let first_value = |name: &str| chart(&charts.partners["delta"], name).table.rows[0][1].clone();
    assert_eq!(first_value("mal-1"), "160");
    assert_eq!(first_value("mal-2"), "300");
    assert_eq!(first_value("mal-3"), "10,0");
    let intensity = chart(&charts.partners["delta"], "mal-3");
    assert!(
        intensity.table.caption.contains("tonn CO₂e per ansatt"),
        "{}",
        intensity.table.caption
    );
    assert!(intensity.svg.contains("per ansatt"));
    // The market-based target's description gives the location-based status beside it.
    // Market: 160 → 85, expected(2024) = 160·(1 − 0.5·5/11) ≈ 123.6: on track. Location:
    // 120 → 95, expected ≈ 92.7: off track.
    let m = chart(&charts.partners["delta"], "mal-1");
    assert!(m.desc.contains("status: i rute"), "{}", m.desc);
    assert!(
        m.desc
            .contains("Målt med lokasjonsbasert scope 2: ikke i rute"),
        "{}",
        m.desc
    );
}
