//! A partner's charts: `utslipp-per-ar` (emissions per year stacked by scope), `kategorier` (the
//! reporting year by category, as horizontal bars), and one `mal-N` per target (its own series
//! against its pathway, [`super::targets`]). Each comes with its table and a description that
//! says what it shows with the key numbers.
//!
//! Chooses and words the figures; the pictures are drawn by [`super::columns`] and
//! [`super::hbars`]. Pure: reads the model and the aggregated figures only.
//!
//! No pathway is drawn over the stacked columns: a target covers its own scopes by its own
//! scope 2 method (or is an intensity), so it is drawn against its own series instead.

use super::columns::{Columns, Series, Slot};
use super::hbars::{Bar, HBars, Row};
use super::svg::Mark;
use super::{Chart, Picture, Sketch, Spec, Table, finish};
use crate::aggregate::{PartnerData, YearFigures};
use crate::format::{self, MISSING};
use crate::model::{Emissions, Language, Partner, SiteConfig, YearEntry};
use crate::strings::{self, Strings};

/// File names (and shortcode names) of a partner's charts.
pub const BY_YEAR: &str = "utslipp-per-ar";
pub const CATEGORIES: &str = "kategorier";

/// Everything a partner's charts are drawn from, and nothing else. `nfk serve` keeps charts
/// between builds keyed by this value's `Debug` dump (`partner_key`), so anything new the charts
/// need must come in through here, and is then part of the key by itself.
#[derive(Debug)]
pub struct Input<'a> {
    pub name: &'a str,
    pub slug: &'a str,
    pub emissions: &'a Option<Emissions>,
    pub data: &'a PartnerData,
    pub config: &'a SiteConfig,
    /// The strings table (its `Debug` is its fingerprint).
    pub strings: &'a Strings,
}

impl<'a> Input<'a> {
    pub fn new(
        partner: &'a Partner,
        data: &'a PartnerData,
        config: &'a SiteConfig,
        strings: &'a Strings,
    ) -> Self {
        Input {
            name: &partner.name,
            slug: &partner.slug,
            emissions: &partner.emissions,
            data,
            config,
            strings,
        }
    }
}

/// The partner's charts; none without emissions.
#[cfg(test)]
pub fn charts(
    partner: &Partner,
    data: &PartnerData,
    config: &SiteConfig,
    strings: &Strings,
) -> Vec<Chart> {
    draw(&Input::new(partner, data, config, strings))
}

/// The charts of [`Input`].
pub fn draw(input: &Input) -> Vec<Chart> {
    (sketch(input).into_iter())
        .filter_map(|(spec, picture)| finish(spec, &picture))
        .collect()
}

/// What each chart of [`Input`] shows, before it is drawn: the route plan takes their names
/// from here, so a planned chart is one that [`draw`] makes.
pub fn sketch(input: &Input) -> Vec<Sketch> {
    let mut charts = Vec::new();
    charts.extend(by_year(input, input.data, input.strings.language));
    charts.extend(categories(input, input.config));
    charts.extend(super::targets::sketches(input));
    charts
}

fn by_year(partner: &Input, data: &PartnerData, lang: Language) -> Option<Sketch> {
    let l = partner.strings;
    let series = &data.series;
    let years = series.iter().map(|y| y.year);
    let (first, last) = (years.clone().min()?, years.max()?);
    let year_of = |y: i32| series.iter().find(|f| f.year == y);
    let slots: Vec<i32> = (first..=last).collect();
    let values = |get: fn(&YearFigures) -> Option<f64>| -> Vec<Option<f64>> {
        slots.iter().map(|y| year_of(*y).and_then(get)).collect()
    };
    let has_scope3 = series.iter().any(|y| y.scope3.is_some());
    let mut layers = vec![
        Series {
            label: l.scope1.clone(),
            mark: Mark::Blue,
            values: values(|y| y.scope1),
        },
        Series {
            label: l.scope2_location.clone(),
            mark: Mark::Vermillion,
            values: values(|y| y.scope2_location),
        },
    ];
    if has_scope3 {
        layers.push(Series {
            label: l.scope3.clone(),
            mark: Mark::Green,
            values: values(|y| y.scope3),
        });
    }
    let columns = Columns {
        slots: slots
            .iter()
            .map(|y| Slot {
                label: y.to_string(),
                note: None,
            })
            .collect(),
        series: layers,
        lines: Vec::new(),
        unit: format::tonnes_unit(lang).into(),
        lang,
    };
    let table = by_year_table(l, series, has_scope3, lang);
    let title = strings::fill(&l.chart_by_year_title, &[("name", partner.name)]);
    let spec = Spec {
        name: BY_YEAR.into(),
        id: format!("graf-{}-{BY_YEAR}", partner.slug),
        title,
        desc: by_year_desc(series, partner.config.results.reporting_year, l),
        table,
    };
    Some((spec, Picture::Columns(columns)))
}

fn by_year_table(l: &Strings, series: &[YearFigures], has_scope3: bool, lang: Language) -> Table {
    let mut head = vec![
        l.year.to_string(),
        l.scope1.clone(),
        l.scope2_location.clone(),
    ];
    if has_scope3 {
        head.push(l.scope3.clone());
    }
    head.push(l.chart_total.clone());
    let tonnes = |v: Option<f64>| format::optional(v, |t| format::tonnes_number(t, lang));
    let rows = series
        .iter()
        .map(|f| {
            let year = f.year;
            let mut row = vec![if f.preliminary {
                format!("{year} ({})", l.preliminary)
            } else {
                year.to_string()
            }];
            row.push(tonnes(f.scope1));
            row.push(tonnes(f.scope2_location));
            if has_scope3 {
                row.push(tonnes(f.scope3));
            }
            row.push(tonnes(stack_total(f)));
            row
        })
        .collect();
    Table {
        caption: strings::fill(
            &l.chart_by_year_caption,
            &[("unit", format::tonnes_unit(lang))],
        ),
        head,
        rows,
    }
}

/// What a year's column adds up to: the scopes reported that year (scope 2 location-based).
pub fn stack_total(f: &YearFigures) -> Option<f64> {
    let parts: Vec<f64> = [f.scope1, f.scope2_location, f.scope3]
        .into_iter()
        .flatten()
        .collect();
    (!parts.is_empty()).then(|| crate::aggregate::sum(parts))
}

/// From the first year to the reporting year (or the last year before it): a later,
/// preliminary entry is in the chart and the table, not in the headline sentence.
fn by_year_desc(series: &[YearFigures], reporting_year: i32, l: &Strings) -> String {
    let lang = l.language;
    let up_to_y = || series.iter().filter(|y| y.year <= reporting_year);
    let (Some(first), Some(last)) = (up_to_y().next(), up_to_y().next_back()) else {
        return String::new();
    };
    let t = |v: f64| format::tonnes(v, lang);
    // Compare like with like: only the scopes reported in both years.
    let both = |get: fn(&YearFigures) -> Option<f64>| get(first).zip(get(last));
    let scopes: Vec<(u8, (f64, f64))> = [
        (1, both(|y| y.scope1)),
        (2, both(|y| y.scope2_location)),
        (3, both(|y| y.scope3)),
    ]
    .into_iter()
    .filter_map(|(n, v)| Some((n, v?)))
    .collect();
    let numbers: Vec<String> = scopes.iter().map(|(n, _)| n.to_string()).collect();
    let scope_words = join_words(&numbers, l);
    let a = crate::aggregate::sum(scopes.iter().map(|s| s.1.0));
    let b = crate::aggregate::sum(scopes.iter().map(|s| s.1.1));
    if first.year == last.year || scopes.is_empty() {
        let total = stack_total(last).map_or(MISSING.to_string(), t);
        strings::fill(
            &l.chart_by_year_desc_one,
            &[("year", &last.year.to_string()), ("total", &total)],
        )
    } else {
        let change = (a > 0.0).then(|| format::signed_percent((b - a) / a * 100.0, 1, lang));
        let change = change.map_or(String::new(), |c| format!(" ({c})"));
        strings::fill(
            &l.chart_by_year_desc,
            &[
                ("scopes", &scope_words),
                ("from", &t(a)),
                ("first", &first.year.to_string()),
                ("to", &t(b)),
                ("last", &last.year.to_string()),
                ("change", &change),
            ],
        )
    }
}

/// `1`, `1 og 2`, `1, 2 og 3`.
pub fn join_words(words: &[String], l: &Strings) -> String {
    let and = &l.and;
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

/// One bar of the category chart: its scope (1, 2 or 3), name and tonnes.
struct Category {
    scope: u8,
    name: String,
    tonnes: f64,
}

fn category_rows(l: &Strings, entry: &YearEntry) -> Vec<Category> {
    // Largest first within a scope; a scope given as a total only is one bar.
    let scope_rows = |scope: u8, s: &crate::model::Scope| -> Vec<Category> {
        let mut cats: Vec<Category> = if s.categories.is_empty() {
            vec![Category {
                scope,
                name: format!("{} ({})", l.chart_total, l.chart_undivided),
                tonnes: format::to_f64(s.total),
            }]
        } else {
            s.categories
                .iter()
                .map(|(key, t)| Category {
                    scope,
                    name: l.category(key).to_string(),
                    tonnes: format::to_f64(*t),
                })
                .collect()
        };
        cats.sort_by(|a, b| b.tonnes.total_cmp(&a.tonnes));
        cats
    };
    let mut out = Vec::new();
    if let Some(s) = &entry.scope1 {
        out.extend(scope_rows(1, s));
    }
    if let Some(s2) = entry.scope2 {
        out.push(Category {
            scope: 2,
            name: l.chart_purchased_energy.clone(),
            tonnes: format::to_f64(s2.location_based),
        });
    }
    if let Some(s) = &entry.scope3 {
        out.extend(scope_rows(3, s));
    }
    out
}

fn categories(partner: &Input, config: &SiteConfig) -> Option<Sketch> {
    let (lang, year) = (partner.strings.language, config.results.reporting_year);
    let l = partner.strings;
    let entry = partner.emissions.as_ref()?.year(year)?;
    let has_categories = [&entry.scope1, &entry.scope3]
        .into_iter()
        .flatten()
        .any(|s| !s.categories.is_empty());
    if !has_categories {
        return None;
    }
    let cats = category_rows(l, entry);
    let total = crate::aggregate::sum(cats.iter().map(|c| c.tonnes));
    let scope_label = |s: u8| match s {
        1 => &l.scope1,
        2 => &l.scope2_location,
        _ => &l.scope3,
    };
    let mark = |s: u8| match s {
        1 => Mark::Blue,
        2 => Mark::Vermillion,
        _ => Mark::Green,
    };
    let mut rows = Vec::new();
    let mut scopes_seen = Vec::new();
    for c in &cats {
        if !scopes_seen.contains(&c.scope) {
            scopes_seen.push(c.scope);
            rows.push(Row::Heading(scope_label(c.scope).into()));
        }
        rows.push(Row::Bar(Bar {
            label: c.name.clone(),
            segments: vec![(mark(c.scope), c.tonnes)],
            value: format::tonnes_number(c.tonnes, lang),
        }));
    }
    // No legend: each scope's bars stand under a heading that names it.
    let bars = HBars {
        rows,
        unit: format::tonnes_unit(lang).into(),
        legend: Vec::new(),
        reference: None,
        axis_max: None,
        whole: false,
        lang,
    };
    let share = |t: f64| {
        if total > 0.0 {
            format::percent(t / total * 100.0, 0, lang)
        } else {
            MISSING.into()
        }
    };
    let mut table_rows: Vec<Vec<String>> = cats
        .iter()
        .map(|c| {
            vec![
                c.name.clone(),
                c.scope.to_string(),
                format::tonnes_number(c.tonnes, lang),
                share(c.tonnes),
            ]
        })
        .collect();
    table_rows.push(vec![
        l.chart_total.clone(),
        String::new(),
        format::tonnes_number(total, lang),
        share(total),
    ]);
    let biggest = cats.iter().max_by(|a, b| a.tonnes.total_cmp(&b.tonnes))?;
    let desc = strings::fill(
        &l.chart_categories_desc,
        &[
            ("year", &year.to_string()),
            ("name", &biggest.name.to_lowercase()),
            ("scope", &biggest.scope.to_string()),
            ("tonnes", &format::tonnes(biggest.tonnes, lang)),
            ("share", &share(biggest.tonnes)),
            ("total", &format::tonnes(total, lang)),
        ],
    );
    let spec = Spec {
        name: CATEGORIES.into(),
        id: format!("graf-{}-{CATEGORIES}", partner.slug),
        title: strings::fill(
            &l.chart_categories_title,
            &[("year", &year.to_string()), ("name", partner.name)],
        ),
        desc,
        table: Table {
            caption: strings::fill(
                &l.chart_categories_caption,
                &[
                    ("year", &year.to_string()),
                    ("unit", format::tonnes_unit(lang)),
                ],
            ),
            head: vec![
                l.category.clone(),
                l.scope.clone(),
                format::tonnes_unit(lang).into(),
                l.share.clone(),
            ],
            rows: table_rows,
        },
    };
    Some((spec, Picture::HBars(bars)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::aggregate;
    use crate::aggregate::testkit::*;

    /// The charts of the one partner of a site made of `p`, through [`charts`].
    fn charts_of(p: Partner) -> Vec<Chart> {
        let site = site(vec![p]);
        let data = aggregate(&site, false);
        let strings = Strings::embedded(site.config.language);
        charts(&site.partners[0], &data.partners[0], &site.config, &strings)
    }

    fn by_year_desc_of(years: Vec<YearEntry>) -> String {
        let charts = charts_of(with_emissions(partner("alfa", 'F', 10), years, Vec::new()));
        let chart = charts.iter().find(|c| c.name == BY_YEAR);
        chart.expect("a chart per year").desc.clone()
    }

    #[test]
    fn a_partner_with_emissions_gets_its_charts_and_one_without_none() {
        let p = with_emissions(
            partner("alfa", 'F', 10),
            vec![year(C).s1(100.0).s2(20.0), year(Y).s1(80.0).s2(10.0)],
            vec![target(&[1, 2], C, 2030, 50.0)],
        );
        let names: Vec<String> = charts_of(p).into_iter().map(|c| c.name).collect();
        assert_eq!(names, [BY_YEAR, "mal-1"]);
        assert!(charts_of(partner("beta", 'F', 10)).is_empty());
    }

    #[test]
    fn one_reported_year_is_described_as_that_year_alone() {
        let desc = by_year_desc_of(vec![year(Y).s1(100.0).s2(20.0)]);
        assert_eq!(desc, "Utslippene i 2024 var 120\u{a0}tonn CO₂e.");
    }

    #[test]
    fn two_years_with_no_scope_in_common_are_described_by_the_last_alone() {
        let desc = by_year_desc_of(vec![year(C).s1(100.0), year(Y).s2(200.0)]);
        assert_eq!(desc, "Utslippene i 2024 var 200\u{a0}tonn CO₂e.");
    }

    #[test]
    fn a_change_from_zero_tonnes_is_given_without_a_percentage() {
        let desc = by_year_desc_of(vec![year(C).s1(0.0), year(Y).s1(500.0)]);
        assert_eq!(
            desc,
            "Utslippene i scope 1 gikk fra 0,0\u{a0}tonn CO₂e i 2019 til 500\u{a0}tonn CO₂e i 2024."
        );
    }

    #[test]
    fn categories_that_add_up_to_zero_have_no_share() {
        let mut entry = year(Y).s2(0.0);
        entry.scope1 = Some(crate::model::Scope {
            total: dec(0.0),
            categories: vec![("mobile_combustion", dec(0.0))],
        });
        let charts = charts_of(with_emissions(
            partner("alfa", 'F', 10),
            vec![entry],
            Vec::new(),
        ));
        let chart = charts.iter().find(|c| c.name == CATEGORIES);
        let table = &chart.expect("a category chart").table;
        let shares: Vec<&str> = table.rows.iter().map(|r| r[3].as_str()).collect();
        assert_eq!(shares, [MISSING, MISSING, MISSING]);
    }
}
