//! The partners as members: how many meet each principle and requirement, each partner's main
//! target as a yearly rate against a 1.5 °C pathway, and partners by fee tier. Pure.

use super::{PARIS_RATE_PERCENT, capitalise, count, pick, spec};
use crate::aggregate::{NetworkResults, SiteData};
use crate::charts::canvas::{LegendItem, Swatch};
use crate::charts::hbars::{Bar, HBars, Reference, Row};
use crate::charts::labels::labels;
use crate::charts::svg::Mark;
use crate::charts::{Chart, Picture, Table, finish};
use crate::format::{self, MISSING};
use crate::model::{Language, Partner, Site};

pub(super) fn principles(r: &NetworkResults, lang: Language) -> Option<Chart> {
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
                reduction_percent: format::to_f64(target.reduction_percent),
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

pub(super) fn target_rates(site: &Site, data: &SiteData, lang: Language) -> Option<Chart> {
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

pub(super) fn fee_tiers(r: &NetworkResults, lang: Language) -> Option<Chart> {
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
