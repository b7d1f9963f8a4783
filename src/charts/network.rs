//! The network's six charts, named as in [`super::NETWORK_CHARTS`]: totals per year stacked by
//! scope, like-for-like change, scope 1 + 2 by sector, principles and requirements, each
//! partner's main target as a yearly rate against a 1.5 °C pathway, and partners by fee tier.
//!
//! Chooses and words the figures of `results.json`; the pictures are drawn by
//! [`super::columns`] and [`super::hbars`]. Pure.
//!
//! Scope 3 is never stacked on scope 1 + 2 (SPEC §8: partners' scope 3 may overlap each other's
//! emissions); the per-year chart shows scope 1 and 2 and its table lists scope 3 beside them.

use super::canvas::{LegendItem, Swatch};
use super::columns::{Columns, Series, Slot};
use super::hbars::{Bar, HBars, Reference, Row};
use super::labels::labels;
use super::svg::Mark;
use super::{Chart, Picture, Spec, Table, finish};
use crate::aggregate::{NetworkResults, SiteData};
use crate::format::{self, MISSING};
use crate::model::{Language, Partner, Site, sector_name};

/// The yearly linear reduction a 1.5 °C pathway asks of absolute emissions (SBTi's
/// cross-sector pathway: 4.2 % of the base year per year).
pub const PARIS_RATE_PERCENT: f64 = 4.2;

pub fn charts(site: &Site, data: &SiteData) -> Vec<Chart> {
    let lang = site.config.language;
    let r = &data.results;
    [
        by_year(r, lang),
        like_for_like(r, lang),
        by_sector(r, lang),
        principles(r, lang),
        target_rates(site, data, lang),
        fee_tiers(r, lang),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn spec(name: &str, title: String, desc: String, table: Table) -> Spec {
    Spec {
        name: name.into(),
        id: format!("graf-{name}"),
        title,
        desc,
        table,
    }
}

fn pick<'a>(lang: Language, nb: &'a str, en: &'a str) -> &'a str {
    match lang {
        Language::Nb => nb,
        Language::En => en,
    }
}

fn tonnes_cell(v: Option<f64>, lang: Language) -> String {
    format::optional(v, |t| format::tonnes_number(t, lang))
}

fn count(n: usize, lang: Language) -> String {
    format::number(n as f64, 0, lang)
}

fn by_year(r: &NetworkResults, lang: Language) -> Option<Chart> {
    let l = labels(lang);
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
                note: Some(l.partner_count(n, lang)),
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
                label: l.scope1.into(),
                mark: Mark::Blue,
                values: values(|y| y.sums.scope1),
            },
            Series {
                label: l.scope2.into(),
                mark: Mark::Vermillion,
                values: values(|y| y.sums.scope2_location),
            },
        ],
        lines: Vec::new(),
        unit: format::tonnes_unit(lang).into(),
        lang,
    };
    let s12 = |y: &crate::aggregate::YearRow| sum_present(&[y.sums.scope1, y.sums.scope2_location]);
    let head = vec![
        l.year.to_string(),
        capitalise(l.partners),
        l.scope1.into(),
        l.scope2.into(),
        format!("{} ({})", l.total, l.scope12),
        l.scope3.into(),
    ];
    let table_rows = rows
        .iter()
        .map(|y| {
            vec![
                y.year.to_string(),
                count(y.partners, lang),
                tonnes_cell(y.sums.scope1, lang),
                tonnes_cell(y.sums.scope2_location, lang),
                tonnes_cell(s12(y), lang),
                tonnes_cell(y.sums.scope3, lang),
            ]
        })
        .collect();
    let t = |v: Option<f64>| format::optional(v, |t| format::tonnes(t, lang));
    let desc = match lang {
        Language::Nb => format!(
            "Partnerne som rapporterte for {}, slapp ut {} i scope 1 og 2 ({}); i {} var tallet {} ({}). Scope 3 står i tabellen, men ikke i grafen, fordi det kan overlappe mellom partnere.",
            last.year,
            t(s12(last)),
            l.partner_count(last.partners, lang),
            first.year,
            t(s12(first)),
            l.partner_count(first.partners, lang)
        ),
        Language::En => format!(
            "The partners reporting for {} emitted {} in scope 1 and 2 ({}); in {} the figure was {} ({}). Scope 3 is in the table, not the chart, as it may overlap between partners.",
            last.year,
            t(s12(last)),
            l.partner_count(last.partners, lang),
            first.year,
            t(s12(first)),
            l.partner_count(first.partners, lang)
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
            "Utslipp per år fra partnerne som rapporterte det året",
            "Emissions per year from the partners that reported that year"
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

fn like_for_like(r: &NetworkResults, lang: Language) -> Option<Chart> {
    let l = labels(lang);
    let lfl = &r.like_for_like;
    let (c, y) = (r.compare_year, r.reporting_year);
    let change = lfl
        .change_percent
        .map(|p| format::signed_percent(p, 1, lang));
    let bar = |year: i32, v: Option<f64>, with_change: bool| {
        let mut value = tonnes_cell(v, lang);
        if let (true, Some(change)) = (with_change, &change) {
            value = format!("{value} ({change})");
        }
        Row::Bar(Bar {
            label: year.to_string(),
            segments: v.map(|v| vec![(Mark::Blue, v)]).unwrap_or_default(),
            value: if v.is_none() {
                l.not_reported.into()
            } else {
                value
            },
        })
    };
    let bars = HBars {
        rows: vec![bar(c, lfl.compare, false), bar(y, lfl.current, true)],
        unit: format::tonnes_unit(lang).into(),
        legend: Vec::new(),
        reference: None,
        axis_max: None,
        whole: false,
        lang,
    };
    let t = |v: Option<f64>| format::optional(v, |t| format::tonnes(t, lang));
    let change_text = change.clone().unwrap_or_else(|| MISSING.into());
    let desc = match lang {
        Language::Nb => format!(
            "De {} partnerne som har rapportert scope 1 og 2 både i {c} og {y}, gikk fra {} til {}, en endring på {change_text}.",
            lfl.partners,
            t(lfl.compare),
            t(lfl.current)
        ),
        Language::En => format!(
            "The {} partners that reported scope 1 and 2 in both {c} and {y} went from {} to {}, a change of {change_text}.",
            lfl.partners,
            t(lfl.compare),
            t(lfl.current)
        ),
    };
    let title = format!(
        "{} {c}–{y} ({}, {})",
        pick(lang, "Sammenlignbare utslipp", "Like-for-like emissions"),
        l.scope12,
        l.partner_count(lfl.partners, lang)
    );
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
            l.year.into(),
            format!("{} ({})", l.total, l.scope12),
            capitalise(l.partners),
        ],
        rows: vec![
            vec![
                c.to_string(),
                tonnes_cell(lfl.compare, lang),
                count(lfl.partners, lang),
            ],
            vec![
                y.to_string(),
                tonnes_cell(lfl.current, lang),
                count(lfl.partners, lang),
            ],
            vec![l.change.into(), change_text, String::new()],
        ],
    };
    finish(
        spec("like-for-like", title, desc, table),
        &Picture::HBars(bars),
    )
}

fn by_sector(r: &NetworkResults, lang: Language) -> Option<Chart> {
    let l = labels(lang);
    if r.by_sector.is_empty() {
        return None;
    }
    let mut sectors: Vec<_> = r.by_sector.iter().collect();
    let total =
        |s: &crate::aggregate::SectorRow| sum_present(&[s.sums.scope1, s.sums.scope2_location]);
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
                (Mark::Blue, s.sums.scope1),
                (Mark::Vermillion, s.sums.scope2_location),
            ]
            .into_iter()
            .filter_map(|(m, v)| Some((m, v?)))
            .collect();
            Row::Bar(Bar {
                label: name(&s.code),
                value: total(s).map_or(l.not_reported.into(), |t| format::tonnes_number(t, lang)),
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
                label: l.scope1.into(),
            },
            LegendItem {
                swatch: Swatch::Mark(Mark::Vermillion),
                label: l.scope2.into(),
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
            l.sector.into(),
            capitalise(l.partners),
            l.scope1.into(),
            l.scope2.into(),
            format!("{} ({})", l.total, l.scope12),
        ],
        rows: sectors
            .iter()
            .map(|s| {
                vec![
                    name(&s.code),
                    format!("{} {} {}", s.reporting_partners, l.of, s.partners),
                    tonnes_cell(s.sums.scope1, lang),
                    tonnes_cell(s.sums.scope2_location, lang),
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

fn principles(r: &NetworkResults, lang: Language) -> Option<Chart> {
    let l = labels(lang);
    let p = &r.principles;
    let n = r.partners;
    let counts = [
        p.accounting_and_targets,
        p.supplier_requirements,
        p.strategy,
        p.certification,
    ];
    let of = |k: usize| format!("{} {} {}", count(k, lang), l.of, count(n, lang));
    let bar = |label: &str, k: usize, mark: Mark| {
        Row::Bar(Bar {
            label: label.into(),
            segments: vec![(mark, k as f64)],
            value: of(k),
        })
    };
    let mut rows = vec![Row::Heading(l.principles_group.into())];
    rows.extend(
        l.principles
            .iter()
            .zip(counts)
            .map(|(name, k)| bar(name, k, Mark::Blue)),
    );
    rows.push(Row::Heading(l.requirements_group.into()));
    rows.push(bar(
        l.first_requirement,
        r.requirements.first,
        Mark::Vermillion,
    ));
    rows.push(bar(
        l.full_requirement,
        r.requirements.full,
        Mark::Vermillion,
    ));
    let bars = HBars {
        rows,
        unit: l.count.into(),
        legend: Vec::new(),
        reference: None,
        axis_max: Some(n as f64),
        whole: true,
        lang,
    };
    let share = |k: usize| {
        if n > 0 {
            format::percent(k as f64 / n as f64 * 100.0, 0, lang)
        } else {
            MISSING.into()
        }
    };
    let mut table_rows: Vec<Vec<String>> = l
        .principles
        .iter()
        .zip(counts)
        .map(|(name, k)| vec![name.to_string(), of(k), share(k)])
        .collect();
    for (name, k) in [
        (l.first_requirement, r.requirements.first),
        (l.full_requirement, r.requirements.full),
    ] {
        table_rows.push(vec![name.into(), of(k), share(k)]);
    }
    let (most, most_count) = l
        .principles
        .iter()
        .zip(counts)
        .max_by_key(|(_, k)| *k)
        .map(|(name, k)| (name.to_lowercase(), k))?;
    let as_of = format::date(r.as_of, lang);
    let desc = match lang {
        Language::Nb => format!(
            "{} av {n} partnere oppfyller det første kravet og {} alle fire prinsippene per {as_of}. Flest har {most} ({}).",
            r.requirements.first,
            r.requirements.full,
            of(most_count)
        ),
        Language::En => format!(
            "{} of {n} partners meet the first requirement and {} all four principles as of {as_of}. Most have {most} ({}).",
            r.requirements.first,
            r.requirements.full,
            of(most_count)
        ),
    };
    let table = Table {
        caption: format!(
            "{} {as_of}",
            pick(
                lang,
                "Partnere som oppfyller prinsippene og kravene per",
                "Partners meeting the principles and requirements as of"
            )
        ),
        head: vec![
            pick(lang, "Prinsipp eller krav", "Principle or requirement").into(),
            capitalise(l.partners),
            l.share.into(),
        ],
        rows: table_rows,
    };
    let title = pick(lang, "Prinsipper og krav", "Principles and requirements").to_string();
    finish(
        spec("principles", title, desc, table),
        &Picture::HBars(bars),
    )
}

/// A partner's main (first) target as a yearly rate.
struct Rate<'a> {
    partner: &'a Partner,
    rate: f64,
    base_year: i32,
    target_year: i32,
    reduction_percent: f64,
    intensity: bool,
}

fn rates<'a>(site: &'a Site, data: &SiteData) -> Vec<Rate<'a>> {
    let mut rates: Vec<Rate> = data
        .partners
        .iter()
        .filter_map(|d| {
            let partner = site.partners.iter().find(|p| p.slug == d.slug)?;
            let target = partner.emissions.as_ref()?.targets.first()?;
            let progress = d.targets.first()?;
            Some(Rate {
                partner,
                rate: progress.annual_rate_percent,
                base_year: progress.base_year,
                target_year: progress.target_year,
                reduction_percent: target.reduction_percent,
                intensity: target.kind != crate::model::TargetKind::Absolute,
            })
        })
        .collect();
    rates.sort_by(|a, b| {
        b.rate
            .total_cmp(&a.rate)
            .then_with(|| a.partner.name.cmp(&b.partner.name))
    });
    rates
}

fn target_rates(site: &Site, data: &SiteData, lang: Language) -> Option<Chart> {
    let l = labels(lang);
    let rates = rates(site, data);
    if rates.is_empty() {
        return None;
    }
    let meets = |r: &Rate| r.rate >= PARIS_RATE_PERCENT - 1e-9;
    let rate_text = |v: f64| format::percent(v, 1, lang);
    let paris = rate_text(PARIS_RATE_PERCENT);
    let per_year = pick(lang, "per år", "per year");
    let rows = rates
        .iter()
        .map(|r| {
            let mark = if meets(r) {
                Mark::Blue
            } else {
                Mark::Vermillion
            };
            Row::Bar(Bar {
                label: r.partner.name.clone(),
                segments: vec![(mark, r.rate)],
                value: rate_text(r.rate),
            })
        })
        .collect();
    let bars = HBars {
        rows,
        unit: l.rate_axis.into(),
        legend: vec![
            LegendItem {
                swatch: Swatch::Mark(Mark::Blue),
                label: l.meets_paris.into(),
            },
            LegendItem {
                swatch: Swatch::Mark(Mark::Vermillion),
                label: l.below_paris.into(),
            },
        ],
        reference: Some(Reference {
            value: PARIS_RATE_PERCENT,
            label: format!("{}: {paris} {per_year}", l.paris_line),
        }),
        axis_max: None,
        whole: false,
        lang,
    };
    let fast = rates.iter().filter(|r| meets(r)).count();
    let desc = match lang {
        Language::Nb => format!(
            "{fast} av {} partnere med mål har et hovedmål som kutter minst {paris} per år, slik en 1,5 °C-bane krever. Raskest går {} med {} per år.",
            rates.len(),
            rates[0].partner.name,
            rate_text(rates[0].rate)
        ),
        Language::En => format!(
            "{fast} of {} partners with targets have a main target cutting at least {paris} per year, as a 1.5 °C pathway requires. Fastest is {} at {} per year.",
            rates.len(),
            rates[0].partner.name,
            rate_text(rates[0].rate)
        ),
    };
    let table = Table {
        caption: format!(
            "{} {paris} {per_year}",
            pick(
                lang,
                "Hovedmålenes reduksjon per år, sammenlignet med 1,5 °C-banens",
                "Main targets' reduction per year, compared with the 1.5 °C pathway's"
            )
        ),
        head: vec![
            l.partner.into(),
            l.rate_column.into(),
            l.target_column.into(),
        ],
        rows: rates
            .iter()
            .map(|r| {
                let kind = if r.intensity { l.intensity } else { l.absolute };
                vec![
                    r.partner.name.clone(),
                    rate_text(r.rate),
                    format!(
                        "−{} {}–{} ({kind})",
                        format::percent(r.reduction_percent, 0, lang),
                        r.base_year,
                        r.target_year
                    ),
                ]
            })
            .collect(),
    };
    let title = pick(
        lang,
        "Hovedmålene som årlig reduksjon mot 1,5 °C-banen",
        "Main targets as yearly reduction against the 1.5 °C pathway",
    )
    .to_string();
    finish(
        spec("target-rates", title, desc, table),
        &Picture::HBars(bars),
    )
}

fn fee_tiers(r: &NetworkResults, lang: Language) -> Option<Chart> {
    let l = labels(lang);
    if r.by_fee_tier.is_empty() {
        return None;
    }
    let mut min = 0;
    let names: Vec<String> = r
        .by_fee_tier
        .iter()
        .map(|t| {
            let fee = format!(
                "{} {}",
                format::number(f64::from(t.fee_nok), 0, lang),
                l.kroner
            );
            let range = match t.max_employees {
                Some(max) => format!("{min}–{max}"),
                None => format!("{} {}", l.over, min.max(1) - 1),
            };
            min = t.max_employees.map_or(min, |m| m + 1);
            format!("{fee} ({range} {})", l.employees)
        })
        .collect();
    let rows = r
        .by_fee_tier
        .iter()
        .zip(&names)
        .map(|(t, name)| {
            Row::Bar(Bar {
                label: name.clone(),
                segments: vec![(Mark::Blue, t.partners as f64)],
                value: count(t.partners, lang),
            })
        })
        .collect();
    let bars = HBars {
        rows,
        unit: l.count.into(),
        legend: Vec::new(),
        reference: None,
        axis_max: None,
        whole: true,
        lang,
    };
    let (biggest, biggest_row) = names
        .iter()
        .zip(&r.by_fee_tier)
        .max_by_key(|(_, t)| t.partners)?;
    let desc = match lang {
        Language::Nb => format!(
            "Flest partnere er i avgiftsklassen {biggest}: {} av {}.",
            biggest_row.partners, r.partners
        ),
        Language::En => format!(
            "Most partners are in the fee tier {biggest}: {} of {}.",
            biggest_row.partners, r.partners
        ),
    };
    let table = Table {
        caption: pick(lang, "Partnere etter avgiftsklasse", "Partners by fee tier").into(),
        head: vec![l.fee.into(), capitalise(l.partners)],
        rows: names
            .iter()
            .zip(&r.by_fee_tier)
            .map(|(name, t)| vec![name.clone(), count(t.partners, lang)])
            .collect(),
    };
    let title = pick(lang, "Partnere etter avgiftsklasse", "Partners by fee tier").to_string();
    finish(spec("fee-tiers", title, desc, table), &Picture::HBars(bars))
}

/// The sum of the figures present; `None` when none is.
fn sum_present(values: &[Option<f64>]) -> Option<f64> {
    let present: Vec<f64> = values.iter().flatten().copied().collect();
    (!present.is_empty()).then(|| crate::aggregate::sum(present))
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
