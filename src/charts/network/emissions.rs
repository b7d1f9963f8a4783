//! The network's emissions: totals per year stacked by scope, like-for-like change, and
//! scope 1 + 2 by sector. Pure.

use super::{capitalise, count, f, spec, sum_present, tonnes_cell};
use crate::aggregate::NetworkResults;
use crate::charts::canvas::{LegendItem, Swatch};
use crate::charts::columns::{Columns, Series, Slot};
use crate::charts::hbars::{Bar, HBars, Row};
use crate::charts::svg::Mark;
use crate::charts::{Chart, Picture, Table, finish};
use crate::format::{self, MISSING};
use crate::strings::{self, Strings};

pub(super) fn by_year(r: &NetworkResults, l: &Strings) -> Option<Chart> {
    let lang = l.language;
    let rows = &r.by_year;
    let (first, last) = (rows.first()?, rows.last()?);
    let slots = (first.year..=last.year)
        .map(|year| {
            let n = rows
                .iter()
                .find(|y| y.year == year)
                .map_or(0, |y| y.partners);
            Slot {
                label: year.to_string(),
                note: Some(l.partner_count(n)),
            }
        })
        .collect();
    let values = |get: fn(&crate::aggregate::YearRow) -> Option<f64>| {
        (first.year..=last.year)
            .map(|year| rows.iter().find(|y| y.year == year).and_then(get))
            .collect()
    };
    let columns = Columns {
        slots,
        series: vec![
            Series {
                label: l.scope1.clone(),
                mark: Mark::Blue,
                values: values(|y| f(y.sums.scope1)),
            },
            Series {
                label: l.scope2_location.clone(),
                mark: Mark::Vermillion,
                values: values(|y| f(y.sums.scope2_location)),
            },
        ],
        lines: Vec::new(),
        unit: format::tonnes_unit(lang).into(),
        lang,
    };
    let s12 =
        |y: &crate::aggregate::YearRow| sum_present(&[f(y.sums.scope1), f(y.sums.scope2_location)]);
    let head = vec![
        l.year.to_string(),
        capitalise(&l.partners_lower),
        l.scope1.clone(),
        l.scope2_location.clone(),
        format!("{} ({})", l.chart_total, l.scope12),
        l.scope3.clone(),
        l.chart_preliminary_column.clone(),
    ];
    // Each figure with the partners it covers: the set changes from year to year.
    let with_count = |v: Option<f64>, n: usize| match v {
        Some(_) => format!("{} ({n})", tonnes_cell(v, lang)),
        None => tonnes_cell(v, lang),
    };
    let table_rows = rows
        .iter()
        .map(|y| {
            vec![
                y.year.to_string(),
                count(y.partners, lang),
                with_count(f(y.sums.scope1), y.sums.scope1_partners),
                with_count(f(y.sums.scope2_location), y.sums.scope2_location_partners),
                tonnes_cell(s12(y), lang),
                with_count(f(y.sums.scope3), y.sums.scope3_partners),
                count(y.sums.preliminary_partners, lang),
            ]
        })
        .collect();
    let t = |v: Option<f64>| format::optional(v, |t| format::tonnes(t, lang));
    let desc = strings::fill(
        &l.chart_network_by_year_desc,
        &[
            ("year", &last.year.to_string()),
            ("total", &t(s12(last))),
            ("partners", &l.partner_count(last.partners)),
            ("preliminary", &last.sums.preliminary_partners.to_string()),
            ("first_year", &first.year.to_string()),
            ("first_total", &t(s12(first))),
            ("first_partners", &l.partner_count(first.partners)),
        ],
    );
    let title = strings::fill(&l.chart_network_by_year_title, &[("scopes", &l.scope12)]);
    let caption = strings::fill(
        &l.chart_network_by_year_caption,
        &[("unit", format::tonnes_unit(lang))],
    );
    let table = Table {
        caption,
        head,
        rows: table_rows,
    };
    finish(
        spec("network-by-year", title, desc, table),
        &Picture::Columns(columns),
    )
}

pub(super) fn like_for_like(r: &NetworkResults, l: &Strings) -> Option<Chart> {
    let lang = l.language;
    let lfl = &r.like_for_like;
    let fin = &lfl.final_only;
    let (c, y) = (r.compare_year, r.reporting_year);
    let change_of =
        |p: Option<crate::model::Decimal>| f(p).map(|p| format::signed_percent(p, 1, lang));
    let change = change_of(lfl.change_percent);
    let final_change = change_of(fin.change_percent);
    let bar = |year: i32, v: Option<f64>, change: Option<&String>, mark: Mark| {
        let mut value = tonnes_cell(v, lang);
        if let Some(change) = change {
            value = format!("{value} ({change})");
        }
        Row::Bar(Bar {
            label: year.to_string(),
            segments: v.map(|v| vec![(mark, v)]).unwrap_or_default(),
            value: if v.is_none() {
                l.chart_not_reported.clone()
            } else {
                value
            },
        })
    };
    let all_heading = strings::fill(
        &l.chart_lfl_all_heading,
        &[("partners", &l.partner_count(lfl.partners))],
    );
    let final_heading = strings::fill(
        &l.chart_lfl_final_heading,
        &[("partners", &l.partner_count(fin.partners))],
    );
    let bars = HBars {
        rows: vec![
            Row::Heading(all_heading),
            bar(c, f(lfl.compare), None, Mark::Blue),
            bar(y, f(lfl.current), change.as_ref(), Mark::Blue),
            Row::Heading(final_heading),
            bar(c, f(fin.compare), None, Mark::Green),
            bar(y, f(fin.current), final_change.as_ref(), Mark::Green),
        ],
        unit: format::tonnes_unit(lang).into(),
        legend: Vec::new(),
        reference: None,
        axis_max: None,
        whole: false,
        lang,
    };
    let t = |v: Option<f64>| format::optional(v, |t| format::tonnes(t, lang));
    let change_text = change.clone().unwrap_or_else(|| MISSING.into());
    let final_text = final_change.clone().unwrap_or_else(|| MISSING.into());
    let desc = strings::fill(
        &l.chart_lfl_desc,
        &[
            ("n", &lfl.partners.to_string()),
            ("compare_year", &c.to_string()),
            ("year", &y.to_string()),
            ("from", &t(f(lfl.compare))),
            ("to", &t(f(lfl.current))),
            ("change", &change_text),
            ("preliminary", &lfl.preliminary_partners.to_string()),
            ("final_partners", &l.partner_count(fin.partners)),
            ("final_change", &final_text),
        ],
    ) + &excluded_note(lfl.excluded_structural, l);
    let title = strings::fill(
        &l.chart_lfl_title,
        &[
            ("compare_year", &c.to_string()),
            ("year", &y.to_string()),
            ("scopes", &l.scope12),
            ("partners", &l.partner_count(lfl.partners)),
        ],
    );
    let all_label = &l.chart_lfl_all_label;
    let final_label = &l.chart_lfl_final_label;
    let table = Table {
        caption: strings::fill(&l.chart_lfl_caption, &[("unit", format::tonnes_unit(lang))]),
        head: vec![
            l.year.clone(),
            format!("{} ({}, {all_label})", l.chart_total, l.scope12),
            format!("{} ({}, {final_label})", l.chart_total, l.scope12),
        ],
        rows: vec![
            vec![
                c.to_string(),
                tonnes_cell(f(lfl.compare), lang),
                tonnes_cell(f(fin.compare), lang),
            ],
            vec![
                y.to_string(),
                tonnes_cell(f(lfl.current), lang),
                tonnes_cell(f(fin.current), lang),
            ],
            vec![l.chart_change.clone(), change_text, final_text],
            vec![
                capitalise(&l.partners_lower),
                count(lfl.partners, lang),
                count(fin.partners, lang),
            ],
        ],
    };
    finish(
        spec("like-for-like", title, desc, table),
        &Picture::HBars(bars),
    )
}

/// ` 2 partnere er holdt utenfor …` when partners were left out for a structural change.
fn excluded_note(n: usize, l: &Strings) -> String {
    match n {
        0 => String::new(),
        n => {
            let note = strings::fill(&l.chart_lfl_excluded, &[("partners", &l.partner_count(n))]);
            format!(" {note}")
        }
    }
}

pub(super) fn by_sector(r: &NetworkResults, l: &Strings) -> Option<Chart> {
    let lang = l.language;
    if r.by_sector.is_empty() {
        return None;
    }
    let mut sectors: Vec<_> = r.by_sector.iter().collect();
    let total = |s: &crate::aggregate::SectorRow| {
        sum_present(&[f(s.sums.scope1), f(s.sums.scope2_location)])
    };
    // Largest first; sectors without figures last, by code.
    sectors.sort_by(|a, b| {
        let key = |s| total(s).unwrap_or(-1.0);
        key(b).total_cmp(&key(a)).then(a.code.cmp(&b.code))
    });
    let name = |code: &str| {
        let c = code.chars().next().unwrap_or('?');
        format!("{code} {}", l.sector(c))
    };
    let rows = sectors
        .iter()
        .map(|s| {
            let segments: Vec<(Mark, f64)> = [
                (Mark::Blue, f(s.sums.scope1)),
                (Mark::Vermillion, f(s.sums.scope2_location)),
            ]
            .into_iter()
            .filter_map(|(m, v)| Some((m, v?)))
            .collect();
            Row::Bar(Bar {
                label: name(&s.code),
                value: total(s).map_or(l.chart_not_reported.clone(), |t| {
                    format::tonnes_number(t, lang)
                }),
                segments,
            })
        })
        .collect();
    let bars = HBars {
        rows,
        unit: format::tonnes_unit(lang).into(),
        legend: vec![
            LegendItem {
                swatch: Swatch::Mark(Mark::Blue),
                label: l.scope1.clone(),
            },
            LegendItem {
                swatch: Swatch::Mark(Mark::Vermillion),
                label: l.scope2_location.clone(),
            },
        ],
        reference: None,
        axis_max: None,
        whole: false,
        lang,
    };
    let grand = crate::aggregate::sum(sectors.iter().filter_map(|s| total(s)));
    let top = sectors.first().filter(|s| total(s).is_some());
    let desc = match top {
        Some(s) => {
            let v = total(s).unwrap_or(0.0);
            let share = if grand > 0.0 {
                format::percent(v / grand * 100.0, 0, lang)
            } else {
                MISSING.into()
            };
            strings::fill(
                &l.chart_by_sector_desc,
                &[
                    ("sector", &name(&s.code)),
                    ("year", &r.reporting_year.to_string()),
                    ("tonnes", &format::tonnes(v, lang)),
                    ("share", &share),
                    ("total", &format::tonnes(grand, lang)),
                ],
            )
        }
        None => l.chart_by_sector_none.clone(),
    };
    let table = Table {
        caption: strings::fill(
            &l.chart_by_sector_caption,
            &[
                ("year", &r.reporting_year.to_string()),
                ("unit", format::tonnes_unit(lang)),
            ],
        ),
        head: vec![
            l.sector.clone(),
            capitalise(&l.partners_lower),
            l.scope1.clone(),
            l.scope2_location.clone(),
            format!("{} ({})", l.chart_total, l.scope12),
        ],
        rows: sectors
            .iter()
            .map(|s| {
                vec![
                    name(&s.code),
                    format!("{} {} {}", s.reporting_partners, l.of, s.partners),
                    tonnes_cell(f(s.sums.scope1), lang),
                    tonnes_cell(f(s.sums.scope2_location), lang),
                    tonnes_cell(total(s), lang),
                ]
            })
            .collect(),
    };
    let title = strings::fill(
        &l.chart_by_sector_title,
        &[
            ("year", &r.reporting_year.to_string()),
            ("scopes", &l.scope12),
        ],
    );
    finish(spec("by-sector", title, desc, table), &Picture::HBars(bars))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::aggregate;
    use crate::aggregate::testkit::*;
    use crate::model::Partner;

    /// The network results of a site made of `partners`, with the site's strings.
    fn results(partners: Vec<Partner>) -> (NetworkResults, Strings) {
        let site = site(partners);
        let data = aggregate(&site, false);
        (data.results, Strings::embedded(site.config.language))
    }

    fn both_years(slug: &str) -> Partner {
        let years = vec![year(C).s1(100.0).s2(0.0), year(Y).s1(200.0).s2(0.0)];
        with_emissions(partner(slug, 'F', 1), years, Vec::new())
    }

    #[test]
    fn the_like_for_like_description_names_the_partners_left_out_for_a_structural_change() {
        let bought = with_changes(both_years("a"), vec![change(2022, false)]);
        let (r, l) = results(vec![bought, both_years("b")]);
        let desc = like_for_like(&r, &l).expect("a like-for-like chart").desc;
        let note = " 1 partner er holdt utenfor fordi en strukturendring etter \
                    sammenligningsåret ikke er omregnet.";
        assert!(desc.ends_with(note), "{desc}");
        let (r, l) = results(vec![both_years("a"), both_years("b")]);
        let desc = like_for_like(&r, &l).expect("a like-for-like chart").desc;
        assert!(!desc.contains("holdt utenfor"), "{desc}");
    }

    #[test]
    fn a_sector_without_figures_comes_after_every_sector_with_figures() {
        // Sector H reports half a tonne; sector A has a partner but no figures.
        let small = with_emissions(
            partner("h", 'H', 1),
            vec![year(Y).s1(0.5).s2(0.0)],
            Vec::new(),
        );
        let (r, l) = results(vec![small, partner("a", 'A', 1)]);
        let chart = by_sector(&r, &l).expect("a sector chart");
        let first_letters: Vec<char> = chart
            .table
            .rows
            .iter()
            .map(|row| row[0].chars().next().unwrap_or(' '))
            .collect();
        assert_eq!(first_letters, ['H', 'A']);
        assert!(chart.desc.starts_with("H "), "{}", chart.desc);
    }

    #[test]
    fn sectors_whose_figures_add_up_to_zero_have_no_share() {
        let zero = with_emissions(
            partner("h", 'H', 1),
            vec![year(Y).s1(0.0).s2(0.0)],
            Vec::new(),
        );
        let (r, l) = results(vec![zero]);
        let desc = by_sector(&r, &l).expect("a sector chart").desc;
        assert!(
            desc.contains(&format!(": 0,0\u{a0}tonn CO₂e, {MISSING} av ")),
            "{desc}"
        );
    }
}
