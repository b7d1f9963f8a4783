//! The network's emissions: totals per year stacked by scope, like-for-like change, and
//! scope 1 + 2 by sector. Pure.

use super::{capitalise, count, f, pick, spec, sum_present, tonnes_cell};
use crate::aggregate::NetworkResults;
use crate::charts::canvas::{LegendItem, Swatch};
use crate::charts::columns::{Columns, Series, Slot};
use crate::charts::hbars::{Bar, HBars, Row};
use crate::charts::svg::Mark;
use crate::charts::{Chart, Picture, Table, finish};
use crate::format::{self, MISSING};
use crate::model::{Language, sector_name};
use crate::strings::Strings;

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
        pick(lang, "Foreløpige", "Preliminary").into(),
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
    let desc = match lang {
        Language::Nb => format!(
            "Partnerne med tall for {} slapp ut {} i scope 1 og 2 ({}, {} med foreløpige tall); i {} var tallet {} ({}). Hvert år dekker et annet sett partnere, så søylene viser ikke utviklingen for de samme partnerne; det gjør sammenlignbare utslipp. Scope 3 står i tabellen, men ikke i grafen, fordi det kan overlappe mellom partnere.",
            last.year,
            t(s12(last)),
            l.partner_count(last.partners),
            last.sums.preliminary_partners,
            first.year,
            t(s12(first)),
            l.partner_count(first.partners)
        ),
        Language::En => format!(
            "The partners with figures for {} emitted {} in scope 1 and 2 ({}, {} with preliminary figures); in {} the figure was {} ({}). Each year covers a different set of partners, so the columns do not show the same partners' development; like-for-like emissions do. Scope 3 is in the table, not the chart, as it may overlap between partners.",
            last.year,
            t(s12(last)),
            l.partner_count(last.partners),
            last.sums.preliminary_partners,
            first.year,
            t(s12(first)),
            l.partner_count(first.partners)
        ),
    };
    let title = format!(
        "{} ({})",
        pick(
            lang,
            "Partnernes utslipp per år",
            "Partners' emissions per year"
        ),
        l.scope12
    );
    let caption = format!(
        "{} ({})",
        pick(
            lang,
            "Utslipp per år fra partnerne som rapporterte det året, med antall partnere per tall",
            "Emissions per year from the partners that reported that year, with the partners per figure"
        ),
        format::tonnes_unit(lang)
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
    let all_heading = match lang {
        Language::Nb => format!("Alle ({})", l.partner_count(lfl.partners)),
        Language::En => format!("All ({})", l.partner_count(lfl.partners)),
    };
    let final_heading = match lang {
        Language::Nb => format!("Bare endelige tall ({})", l.partner_count(fin.partners)),
        Language::En => format!("Final figures only ({})", l.partner_count(fin.partners)),
    };
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
    let desc = match lang {
        Language::Nb => format!(
            "De {} partnerne som har rapportert scope 1 og 2 både i {c} og {y}, gikk fra {} til {}, en endring på {change_text}. {} av dem har foreløpige tall; med bare endelige tall ({}) er endringen {final_text}.{}",
            lfl.partners,
            t(f(lfl.compare)),
            t(f(lfl.current)),
            lfl.preliminary_partners,
            l.partner_count(fin.partners),
            excluded_note(lfl.excluded_structural, l),
        ),
        Language::En => format!(
            "The {} partners that reported scope 1 and 2 in both {c} and {y} went from {} to {}, a change of {change_text}. {} of them have preliminary figures; with final figures only ({}) the change is {final_text}.{}",
            lfl.partners,
            t(f(lfl.compare)),
            t(f(lfl.current)),
            lfl.preliminary_partners,
            l.partner_count(fin.partners),
            excluded_note(lfl.excluded_structural, l),
        ),
    };
    let title = format!(
        "{} {c}–{y} ({}, {})",
        pick(lang, "Sammenlignbare utslipp", "Like-for-like emissions"),
        l.scope12,
        l.partner_count(lfl.partners)
    );
    let all_label = pick(lang, "alle", "all");
    let final_label = pick(lang, "bare endelige", "final only");
    let table = Table {
        caption: format!(
            "{} ({})",
            pick(
                lang,
                "Sammenlignbare utslipp, samme partnere begge år",
                "Like-for-like emissions, the same partners in both years"
            ),
            format::tonnes_unit(lang)
        ),
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
    match (n, l.language) {
        (0, _) => String::new(),
        (n, Language::Nb) => format!(
            " {} er holdt utenfor fordi en strukturendring etter sammenligningsåret ikke er omregnet.",
            l.partner_count(n)
        ),
        (n, Language::En) => format!(
            " {} left out for a structural change after the compare year that was not recalculated.",
            l.partner_count(n)
        ),
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
        format!("{code} {}", sector_name(c, lang))
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
            match lang {
                Language::Nb => format!(
                    "{} hadde de største utslippene i scope 1 og 2 i {}: {}, {share} av {} fra partnerne som rapporterte.",
                    name(&s.code),
                    r.reporting_year,
                    format::tonnes(v, lang),
                    format::tonnes(grand, lang)
                ),
                Language::En => format!(
                    "{} had the largest scope 1 and 2 emissions in {}: {}, {share} of {} from the reporting partners.",
                    name(&s.code),
                    r.reporting_year,
                    format::tonnes(v, lang),
                    format::tonnes(grand, lang)
                ),
            }
        }
        None => pick(
            lang,
            "Ingen bransje har rapportert utslipp.",
            "No sector has reported emissions.",
        )
        .into(),
    };
    let table = Table {
        caption: format!(
            "{} {} ({})",
            pick(
                lang,
                "Utslipp i scope 1 og 2 etter bransje,",
                "Scope 1 and 2 emissions by sector,"
            ),
            r.reporting_year,
            format::tonnes_unit(lang)
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
    let title = format!(
        "{} {} ({})",
        pick(lang, "Utslipp etter bransje i", "Emissions by sector in"),
        r.reporting_year,
        l.scope12
    );
    finish(spec("by-sector", title, desc, table), &Picture::HBars(bars))
}
