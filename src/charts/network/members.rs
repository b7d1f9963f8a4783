//! The partners as members: how many meet each principle and requirement, each partner's main
//! target as a yearly rate against SBTi's minimum rate for its class, and partners by fee tier.
//! Pure.

use super::{capitalise, count, spec};
use crate::aggregate::{Ambition, Class, NetworkResults, Reason, SiteData, ambition};
use crate::charts::canvas::{LegendItem, Swatch};
use crate::charts::hbars::{Bar, HBars, Reference, Row};
use crate::charts::svg::Mark;
use crate::charts::{Chart, Picture, Table, finish};
use crate::format::{self, MISSING};
use crate::model::{Partner, Site};
use crate::strings::{self, Strings};

pub(super) fn principles(r: &NetworkResults, l: &Strings) -> Option<Chart> {
    let lang = l.language;
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
    let mut rows = vec![Row::Heading(l.chart_principles_group.clone())];
    rows.extend(
        l.principles()
            .iter()
            .zip(counts)
            .map(|(name, k)| bar(name, k, Mark::Blue)),
    );
    rows.push(Row::Heading(l.chart_requirements_group.clone()));
    rows.push(bar(
        &l.chart_first_requirement,
        r.requirements.first,
        Mark::Vermillion,
    ));
    rows.push(bar(
        &l.chart_full_requirement,
        r.requirements.full,
        Mark::Vermillion,
    ));
    let bars = HBars {
        rows,
        unit: l.chart_count.clone(),
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
        .principles()
        .iter()
        .zip(counts)
        .map(|(name, k)| vec![name.to_string(), of(k), share(k)])
        .collect();
    for (name, k) in [
        (&l.chart_first_requirement, r.requirements.first),
        (&l.chart_full_requirement, r.requirements.full),
    ] {
        table_rows.push(vec![name.into(), of(k), share(k)]);
    }
    let (most, most_count) = l
        .principles()
        .iter()
        .zip(counts)
        .max_by_key(|(_, k)| *k)
        .map(|(name, k)| (name.to_lowercase(), k))?;
    let as_of = format::date(r.as_of, lang);
    let desc = strings::fill(
        &l.chart_principles_desc,
        &[
            ("first", &r.requirements.first.to_string()),
            ("n", &n.to_string()),
            ("full", &r.requirements.full.to_string()),
            ("date", &as_of),
            ("most", &most),
            ("most_count", &of(most_count)),
        ],
    );
    let table = Table {
        caption: strings::fill(&l.chart_principles_caption, &[("date", &as_of)]),
        head: vec![
            l.chart_principle_or_requirement.clone(),
            capitalise(&l.partners_lower),
            l.share.clone(),
        ],
        rows: table_rows,
    };
    let title = l.chart_principles_title.clone();
    finish(
        spec("principles", title, desc, table),
        &Picture::HBars(bars),
    )
}

/// A partner's main target as a yearly rate, with its benchmark class.
struct Rate<'a> {
    partner: &'a Partner,
    rate: f64,
    base_year: i32,
    target_year: i32,
    reduction_percent: f64,
    ambition: Ambition,
}

fn rates<'a>(site: &'a Site, data: &'a SiteData) -> Vec<Rate<'a>> {
    let mut rates: Vec<Rate> = data
        .visible(site)
        .filter_map(|v| {
            let (partner, d) = (v.partner, v.data);
            let i = d.main_target?;
            let target = partner.emissions.as_ref()?.targets.get(i)?;
            let progress = d.targets.get(i)?;
            Some(Rate {
                partner,
                rate: progress.annual_rate_percent,
                base_year: progress.base_year,
                target_year: progress.target_year,
                reduction_percent: format::to_f64(target.reduction_percent),
                ambition: progress.ambition,
            })
        })
        .collect();
    let order = |c: Class| match c {
        Class::Scope12 => 0,
        Class::Scope3 => 1,
        Class::NotComparable => 2,
    };
    rates.sort_by(|a, b| {
        order(a.ambition.class)
            .cmp(&order(b.ambition.class))
            .then(b.rate.total_cmp(&a.rate))
            .then_with(|| a.partner.name.cmp(&b.partner.name))
    });
    rates
}

/// Why a target has no benchmark, in words.
pub(crate) fn reason_words(reason: Reason, l: &Strings) -> &str {
    match reason {
        Reason::Intensity => &l.chart_reason_intensity,
        Reason::SingleScope => &l.chart_reason_single_scope,
        Reason::AllScopes => &l.chart_reason_all_scopes,
        Reason::MixedScopes => &l.chart_reason_mixed_scopes,
    }
}

/// More comparable main targets than this are drawn as bands of yearly rates, not a bar each.
pub(super) const MAX_RATE_BARS: usize = 40;

/// The main targets of the two comparable classes as yearly rates against SBTi's minimum
/// linear rate for absolute targets of their class (docs/figures.md "Ambition"); targets with no
/// benchmark are in the table with the reason, never drawn against a benchmark.
pub(super) fn target_rates(site: &Site, data: &SiteData, l: &Strings) -> Option<Chart> {
    let lang = l.language;
    let rates = rates(site, data);
    if rates.is_empty() {
        return None;
    }
    let rate_text = |v: f64| format::percent(v, 1, lang);
    let benchmark = |c: Class| match c {
        Class::Scope12 => format::to_f64(ambition::SCOPE12_BENCHMARK),
        _ => format::to_f64(ambition::SCOPE3_BENCHMARK),
    };
    let per_year = &l.chart_per_year;
    let group = |c: Class| {
        let sentence = match c {
            Class::Scope12 => &l.chart_rates_group_scope12,
            _ => &l.chart_rates_group_scope3,
        };
        strings::fill(sentence, &[("rate", &rate_text(benchmark(c)))])
    };
    let comparable: Vec<&Rate> = (rates.iter())
        .filter(|r| r.ambition.class != Class::NotComparable)
        .collect();
    let mut classes_drawn: Vec<Class> = Vec::new();
    for r in &comparable {
        if !classes_drawn.contains(&r.ambition.class) {
            classes_drawn.push(r.ambition.class);
        }
    }
    let mark = |r: &Rate| {
        if r.ambition.meets == Some(true) {
            Mark::Blue
        } else {
            Mark::Vermillion
        }
    };
    // A bar per target while a reader can take them in; beyond that, how many targets fall in
    // each band of yearly rates (the table still lists every one), so the picture stays one
    // screen high however large the network grows.
    let banded = comparable.len() > MAX_RATE_BARS;
    let mut rows = Vec::new();
    for &class in &classes_drawn {
        rows.push(Row::Heading(group(class)));
        let of_class = comparable.iter().filter(|r| r.ambition.class == class);
        if !banded {
            rows.extend(of_class.map(|r| {
                Row::Bar(Bar {
                    label: r.partner.name.clone(),
                    segments: vec![(mark(r), r.rate.max(0.0))],
                    value: rate_text(r.rate),
                })
            }));
            continue;
        }
        let b = benchmark(class);
        let mut counts = [0usize; 4];
        for r in of_class {
            // Whether a target meets the benchmark is decided exactly (`ambition`); the bands
            // only split each side in two.
            let band = match (r.ambition.meets == Some(true), r.rate) {
                (false, rate) if rate < b / 2.0 => 0,
                (false, _) => 1,
                (true, rate) if rate < 2.0 * b => 2,
                (true, _) => 3,
            };
            counts[band] += 1;
        }
        let labels = [
            strings::fill(&l.chart_rates_band_below, &[("rate", &rate_text(b / 2.0))]),
            strings::fill(
                &l.chart_rates_band_between,
                &[("from", &rate_text(b / 2.0)), ("to", &rate_text(b))],
            ),
            strings::fill(
                &l.chart_rates_band_between,
                &[("from", &rate_text(b)), ("to", &rate_text(2.0 * b))],
            ),
            strings::fill(
                &l.chart_rates_band_at_least,
                &[("rate", &rate_text(2.0 * b))],
            ),
        ];
        for (band, (label, count)) in labels.into_iter().zip(counts).enumerate() {
            let mark = if band >= 2 {
                Mark::Blue
            } else {
                Mark::Vermillion
            };
            rows.push(Row::Bar(Bar {
                label,
                segments: vec![(mark, count as f64)],
                value: format::number(count as f64, 0, lang),
            }));
        }
    }
    let not_comparable: Vec<&Rate> = rates
        .iter()
        .filter(|r| r.ambition.class == Class::NotComparable)
        .collect();
    let class_count = |c: Class| rates.iter().filter(|r| r.ambition.class == c).count();
    let meets_count = |c: Class| {
        rates
            .iter()
            .filter(|r| r.ambition.class == c && r.ambition.meets == Some(true))
            .count()
    };
    // One reference line fits one benchmark: drawn when only one class is in the chart and
    // its axis is the rate.
    let reference = match classes_drawn[..] {
        [only] if !banded => Some(Reference {
            value: benchmark(only),
            label: format!(
                "{}: {} {per_year}",
                l.chart_paris_line,
                rate_text(benchmark(only))
            ),
        }),
        _ => None,
    };
    let bars = HBars {
        rows,
        unit: if banded {
            l.chart_rates_count_axis.clone()
        } else {
            l.chart_rate_axis.clone()
        },
        legend: vec![
            LegendItem {
                swatch: Swatch::Mark(Mark::Blue),
                label: l.chart_meets_paris.clone(),
            },
            LegendItem {
                swatch: Swatch::Mark(Mark::Vermillion),
                label: l.chart_below_paris.clone(),
            },
        ],
        reference,
        axis_max: None,
        whole: banded,
        lang,
    };
    let (s12, s3) = (Class::Scope12, Class::Scope3);
    let desc = strings::fill(
        &l.chart_rates_desc,
        &[
            ("meets12", &meets_count(s12).to_string()),
            ("count12", &class_count(s12).to_string()),
            ("rate12", &rate_text(benchmark(s12))),
            ("meets3", &meets_count(s3).to_string()),
            ("count3", &class_count(s3).to_string()),
            ("rate3", &rate_text(benchmark(s3))),
            ("not_comparable", &not_comparable.len().to_string()),
        ],
    );
    let table = Table {
        caption: l.chart_rates_caption.clone(),
        head: vec![
            l.chart_partner.clone(),
            l.chart_rate_column.clone(),
            l.chart_target_column.clone(),
            l.chart_comparison.clone(),
        ],
        rows: rates
            .iter()
            .map(|r| {
                let kind = match r.ambition.reason {
                    Some(Reason::Intensity) => &l.chart_intensity,
                    _ => &l.chart_absolute,
                };
                let verdict = match (r.ambition.reason, r.ambition.meets) {
                    (Some(reason), _) => {
                        format!("{}: {}", l.chart_not_comparable, reason_words(reason, l))
                    }
                    (None, Some(true)) => {
                        format!(
                            "{} {}",
                            l.chart_at_least,
                            rate_text(benchmark(r.ambition.class))
                        )
                    }
                    (None, _) => {
                        format!(
                            "{} {}",
                            l.chart_below,
                            rate_text(benchmark(r.ambition.class))
                        )
                    }
                };
                vec![
                    r.partner.name.clone(),
                    rate_text(r.rate),
                    format!(
                        "−{} {}–{} ({kind})",
                        format::percent(r.reduction_percent, 0, lang),
                        r.base_year,
                        r.target_year
                    ),
                    verdict,
                ]
            })
            .collect(),
    };
    let title = l.chart_rates_title.clone();
    finish(
        spec("target-rates", title, desc, table),
        &Picture::HBars(bars),
    )
}

pub(super) fn fee_tiers(r: &NetworkResults, l: &Strings) -> Option<Chart> {
    let lang = l.language;
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
                l.chart_kroner
            );
            let range = match t.max_employees {
                Some(max) => format!("{min}–{max}"),
                None => format!("{} {}", l.chart_over, min.max(1) - 1),
            };
            min = t.max_employees.map_or(min, |m| m + 1);
            format!("{fee} ({range} {})", l.chart_employees)
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
        unit: l.chart_count.clone(),
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
    let desc = strings::fill(
        &l.chart_fee_tiers_desc,
        &[
            ("tier", biggest),
            ("partners", &biggest_row.partners.to_string()),
            ("n", &r.partners.to_string()),
        ],
    );
    let table = Table {
        caption: l.chart_fee_tiers_title.clone(),
        head: vec![l.fee.clone(), capitalise(&l.partners_lower)],
        rows: names
            .iter()
            .zip(&r.by_fee_tier)
            .map(|(name, t)| vec![name.clone(), count(t.partners, lang)])
            .collect(),
    };
    let title = l.chart_fee_tiers_title.clone();
    finish(spec("fee-tiers", title, desc, table), &Picture::HBars(bars))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::aggregate;
    use crate::aggregate::testkit::*;
    use crate::model::{Normaliser, Status};

    fn with_target(slug: &str, target: crate::model::Target) -> Partner {
        let years = vec![
            year(C).s1(100.0).s2(10.0).s3(500.0).employees(10.0),
            year(Y).s1(90.0).s2(10.0).s3(450.0).employees(10.0),
        ];
        with_emissions(partner(slug, 'F', 10), years, vec![target])
    }

    #[test]
    fn the_principles_table_gives_each_count_as_a_share_of_the_partners() {
        let mut strategist = partner("a", 'F', 10);
        strategist.principles.strategy = principle(Status::InPlace);
        let network = site(vec![
            strategist,
            partner("b", 'F', 10),
            partner("c", 'F', 10),
        ]);
        let data = aggregate(&network, false);
        let l = Strings::embedded(network.config.language);
        let chart = principles(&data.results, &l).expect("a principles chart");
        let shares: Vec<&str> = chart.table.rows.iter().map(|r| r[2].as_str()).collect();
        assert_eq!(
            shares,
            [
                "0\u{a0}%",
                "0\u{a0}%",
                "33\u{a0}%",
                "0\u{a0}%",
                "0\u{a0}%",
                "0\u{a0}%"
            ]
        );
        assert_eq!(chart.table.rows[2][1], "1 av 3");
        let empty = site(Vec::new());
        let data = aggregate(&empty, false);
        let chart = principles(&data.results, &l).expect("a principles chart");
        assert!(chart.table.rows.iter().all(|r| r[2] == MISSING));
    }

    #[test]
    fn the_rates_description_counts_the_targets_that_meet_the_benchmark_of_their_own_class() {
        // Scope 1 + 2: one −50 % by 2030 (4.5 % a year, meets), one −10 % (below); scope 3:
        // two −50 % (meet); one intensity target, not comparable.
        let network = site(vec![
            with_target("a", target(&[1, 2], C, 2030, 50.0)),
            with_target("b", target(&[1, 2], C, 2030, 10.0)),
            with_target("c", target(&[3], C, 2030, 50.0)),
            with_target("d", target(&[3], C, 2030, 50.0)),
            with_target(
                "e",
                per(target(&[1, 2], C, 2030, 50.0), Normaliser::Employee),
            ),
        ]);
        let data = aggregate(&network, false);
        let l = Strings::embedded(network.config.language);
        let chart = target_rates(&network, &data, &l).expect("a rates chart");
        assert!(
            chart.desc.contains(": 1 av 2 hovedmål for scope 1 og 2"),
            "{}",
            chart.desc
        );
        assert!(
            chart.desc.contains(", og 2 av 2 for scope 3"),
            "{}",
            chart.desc
        );
        assert!(
            chart.desc.contains(" 1 hovedmål kan ikke sammenlignes"),
            "{}",
            chart.desc
        );
        let kinds: Vec<(&str, &str)> = chart
            .table
            .rows
            .iter()
            .map(|r| (r[0].as_str(), r[2].rsplit(' ').next().unwrap_or("")))
            .collect();
        assert!(kinds.contains(&("e", "(intensitet)")), "{kinds:?}");
        assert!(kinds.contains(&("a", "(absolutt)")), "{kinds:?}");
    }

    #[test]
    fn a_large_network_draws_its_rates_as_bands_that_count_every_comparable_target() {
        // 60 absolute scope 1 + 2 main targets from C to 2030 (C is 2019: 11 years), reductions
        // 10 % … 98.5 %: a yearly rate of about 1 to 9 %. Below the 4.2 % benchmark: under
        // 2.1 % a year, or 2.1–4.2 %; meeting it: 4.2–8.4 %, or 8.4 % and more.
        let partners: Vec<_> = (0..60)
            .map(|i| {
                let slug = format!("p{i:02}");
                with_target(&slug, target(&[1, 2], C, 2030, 10.0 + 1.5 * i as f64))
            })
            .collect();
        let network = site(partners);
        let data = aggregate(&network, false);
        let l = Strings::embedded(network.config.language);
        let chart = target_rates(&network, &data, &l).expect("a rates chart");
        assert_eq!(chart.table.rows.len(), 60, "the table lists every target");
        let doc = roxmltree::Document::parse(&chart.svg).expect("well-formed");
        let texts: Vec<&str> = (doc.descendants())
            .filter(|n| n.is_text())
            .filter_map(|n| n.text())
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .collect();
        let value_after = |label: &str| -> usize {
            let at = texts.iter().position(|t| *t == label).unwrap_or_else(|| {
                panic!("no band {label:?} in {texts:?}");
            });
            (texts[at + 1..].iter())
                .find_map(|t| t.parse().ok())
                .unwrap_or_else(|| panic!("no count after {label:?}"))
        };
        let bands = [
            "Under 2,1\u{a0}% per år",
            "2,1\u{a0}% til 4,2\u{a0}% per år",
            "4,2\u{a0}% til 8,4\u{a0}% per år",
            "8,4\u{a0}% eller mer per år",
        ];
        let counts: Vec<usize> = bands.iter().map(|b| value_after(b)).collect();
        assert_eq!(counts.iter().sum::<usize>(), 60, "{counts:?}");
        let meets = (data.partners.iter())
            .filter_map(|p| p.targets.get(p.main_target?))
            .filter(|t| t.ambition.meets == Some(true))
            .count();
        assert_eq!(
            counts[2] + counts[3],
            meets,
            "blue bands are the targets that meet it"
        );
        assert!(
            counts.iter().all(|&c| c > 0),
            "each band has targets: {counts:?}"
        );
        assert!(
            !texts.iter().any(|t| t.starts_with("p0")),
            "no bar per partner: {texts:?}"
        );
        let height = |svg: &str| -> f64 {
            let doc = roxmltree::Document::parse(svg).unwrap();
            doc.root_element()
                .attribute("height")
                .unwrap()
                .parse()
                .unwrap()
        };
        let small = site(
            (0..5)
                .map(|i| with_target(&format!("q{i}"), target(&[1, 2], C, 2030, 50.0)))
                .collect(),
        );
        let small_data = aggregate(&small, false);
        let few = target_rates(&small, &small_data, &l).expect("a rates chart");
        assert!(
            height(&chart.svg) < 2.0 * height(&few.svg),
            "60 targets in bands are about as high as 5 bars"
        );
    }
}
