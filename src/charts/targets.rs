//! One small chart per target, `mal-1`, `mal-2`, …: the target's own series E(y) (its scopes,
//! scope 2 by its method, intensity targets in their unit) as columns, and its linear pathway
//! from E(B) in the base year to E(B)·(1 − r) in the target year as a line over them
//! (docs/figures.md "E(y) of a target"). A pathway is never drawn over figures it was not
//! computed from. Pure: reads the partner's targets and their progress.

use super::columns::{Columns, Line, Series, Slot};
use super::partner::{Input, join_words};
use super::svg::Mark;
use super::{Picture, Sketch, Spec, Table};
use crate::aggregate::{Progress, TargetProgress};
use crate::format;
use crate::model::{Language, Normaliser, Scope2Method, Target, TargetKind};
use crate::strings::{self, Strings};

/// The chart name of the `n`-th target (from 1): `mal-1`.
pub fn name(n: usize) -> String {
    format!("mal-{n}")
}

/// A chart per target that has a pathway or any figure to show.
#[cfg(test)]
pub fn charts(input: &Input) -> Vec<super::Chart> {
    (sketches(input).into_iter())
        .filter_map(|(spec, picture)| super::finish(spec, &picture))
        .collect()
}

/// What [`charts`] draws, before it is drawn.
pub fn sketches(input: &Input) -> Vec<Sketch> {
    let Some(emissions) = input.emissions else {
        return Vec::new();
    };
    emissions
        .targets
        .iter()
        .zip(&input.data.targets)
        .enumerate()
        .filter_map(|(i, (t, p))| chart(input, i + 1, t, p))
        .collect()
}

/// The pathway's value in `year`, between its base and target year.
pub fn pathway_at(progress: &TargetProgress, year: i32) -> Option<f64> {
    let [(b, vb), (t, vt)] = progress.pathway[..] else {
        return None;
    };
    (b..=t)
        .contains(&year)
        .then(|| vb + (vt - vb) * f64::from(year - b) / f64::from((t - b).max(1)))
}

/// The unit of E(y): `tonn CO₂e`, `tonn CO₂e per ansatt`, `tonn CO₂e per MNOK`.
pub fn unit(kind: TargetKind, l: &Strings) -> String {
    let tonnes = format::tonnes_unit(l.language);
    let per = |sentence: &str| strings::fill(sentence, &[("unit", tonnes)]);
    match kind {
        TargetKind::Absolute => tonnes.to_string(),
        TargetKind::Intensity(Normaliser::Employee) => per(&l.chart_unit_per_employee),
        TargetKind::Intensity(Normaliser::RevenueMnok) => per(&l.chart_unit_per_mnok),
    }
}

/// A value of E(y) without its unit: tonnes as everywhere, intensities with enough decimals to
/// tell 0,052 from 0,048.
pub fn value_text(v: f64, kind: TargetKind, lang: Language) -> String {
    match kind {
        TargetKind::Absolute => format::tonnes_number(v, lang),
        TargetKind::Intensity(_) => format::number(v, format::intensity_decimals(v), lang),
    }
}

/// The status in words, for chart descriptions.
pub fn status_words(status: Progress, l: &Strings) -> &str {
    match status {
        Progress::Achieved => &l.chart_status_achieved,
        Progress::OnTrack => &l.chart_status_on_track,
        Progress::OffTrack => &l.chart_status_off_track,
        Progress::Missed => &l.chart_status_missed,
        Progress::NotStarted => &l.chart_status_not_started,
        Progress::NoData => &l.chart_status_no_data,
    }
}

/// `scope 1 og 2 (markedsbasert)`.
fn scope_words(target: &Target, l: &Strings) -> String {
    let numbers: Vec<String> = target.scopes.iter().map(u8::to_string).collect();
    let mut words = format!("scope {}", join_words(&numbers, l));
    if target.scopes.contains(&2) {
        let method = match target.scope2_method {
            Scope2Method::Location => &l.chart_method_location,
            Scope2Method::Market => &l.chart_method_market,
        };
        words.push_str(&format!(" ({method})"));
    }
    words
}

fn chart(input: &Input, n: usize, target: &Target, p: &TargetProgress) -> Option<Sketch> {
    let lang = input.strings.language;
    let l = input.strings;
    let (b, t) = (p.base_year, p.target_year);
    let last_reported = p.series.iter().map(|s| s.0).max();
    if p.pathway.is_empty() && p.series.is_empty() {
        return None;
    }
    let first = p.series.iter().map(|s| s.0).min().map_or(b, |y| y.min(b));
    let end = last_reported.map_or(t, |y| y.max(t));
    let years: Vec<i32> = (first..=end).collect();
    let at = |year: i32| p.series.iter().find(|s| s.0 == year).map(|s| s.1);
    let unit = unit(target.kind, l);
    let scopes = scope_words(target, l);
    let mut lines = Vec::new();
    if let [(_, vb), (_, vt)] = p.pathway[..] {
        lines.push(Line {
            label: l.chart_pathway.clone(),
            points: vec![((b - first) as usize, vb), ((t - first) as usize, vt)],
            tag: None,
        });
    }
    let columns = Columns {
        slots: years
            .iter()
            .map(|y| Slot {
                label: y.to_string(),
                note: None,
            })
            .collect(),
        series: vec![Series {
            label: capitalise_first(&scopes),
            mark: Mark::Blue,
            values: years.iter().map(|y| at(*y)).collect(),
        }],
        lines,
        unit: unit.clone(),
        lang,
    };
    let shown = |v: Option<f64>| format::optional(v, |v| value_text(v, target.kind, lang));
    let rows = years
        .iter()
        .filter(|y| at(**y).is_some() || **y == b || **y == t)
        .map(|y| vec![y.to_string(), shown(at(*y)), shown(pathway_at(p, *y))])
        .collect();
    let table = Table {
        caption: strings::fill(
            &l.chart_target_caption,
            &[
                ("label", &target.label),
                ("scopes", &scopes),
                ("unit", &unit),
            ],
        ),
        head: vec![
            l.year.clone(),
            capitalise_first(&scopes),
            l.chart_pathway.clone(),
        ],
        rows,
    };
    let title = strings::fill(
        &l.chart_target_title,
        &[
            ("n", &n.to_string()),
            ("name", input.name),
            ("label", &target.label),
        ],
    );
    let spec = Spec {
        name: name(n),
        id: format!("graf-{}-{}", input.slug, name(n)),
        title,
        desc: desc(target, p, &scopes, &unit, l),
        table,
    };
    Some((spec, Picture::Columns(columns)))
}

fn desc(target: &Target, p: &TargetProgress, scopes: &str, unit: &str, l: &Strings) -> String {
    let lang = l.language;
    let v = |x: Option<f64>| {
        format::optional(x, |x| {
            format!("{} {unit}", value_text(x, target.kind, lang))
        })
    };
    let mut out = strings::fill(
        &l.chart_target_desc,
        &[
            ("scopes", scopes),
            ("base", &v(p.base_value)),
            ("base_year", &p.base_year.to_string()),
            ("target", &v(p.target_value)),
            ("target_year", &p.target_year.to_string()),
            ("year", &p.judged_year.to_string()),
            ("value", &v(p.judged_value)),
            ("status", status_words(p.status, l)),
        ],
    );
    if let Some(by_location) = p.location_status {
        out.push(' ');
        out.push_str(&strings::fill(
            &l.chart_target_desc_location,
            &[("status", status_words(by_location, l))],
        ));
    }
    if p.pathway.is_empty() {
        out.push(' ');
        out.push_str(&l.chart_target_desc_no_pathway);
    }
    out
}

fn capitalise_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::aggregate;
    use crate::aggregate::testkit::*;
    use crate::charts::Chart;
    use crate::model::Partner;

    /// The target charts of the one partner of a site made of `p`.
    fn target_charts(p: Partner) -> Vec<Chart> {
        let site = site(vec![p]);
        let data = aggregate(&site, false);
        let strings = Strings::embedded(site.config.language);
        charts(&Input::new(
            &site.partners[0],
            &data.partners[0],
            &site.config,
            &strings,
        ))
    }

    #[test]
    fn the_table_gives_the_pathway_in_each_year_it_spans_and_none_after() {
        // Scope 1 + 2 from 110 t in 2019 to 55 t in 2023: 82.5 t in 2021 (110 − 55·2/4).
        let p = with_emissions(
            partner("alfa", 'F', 10),
            vec![
                year(C).s1(100.0).s2(10.0),
                year(2021).s1(95.0).s2(10.0),
                year(Y).s1(90.0).s2(10.0),
            ],
            vec![target(&[1, 2], C, 2023, 50.0)],
        );
        let charts = target_charts(p);
        let rows: Vec<[&str; 3]> = charts[0]
            .table
            .rows
            .iter()
            .map(|r| [r[0].as_str(), r[1].as_str(), r[2].as_str()])
            .collect();
        assert_eq!(
            rows,
            [
                ["2019", "110", "110"],
                ["2021", "105", "82,5"],
                ["2023", "–", "55,0"],
                ["2024", "100", "–"],
            ]
        );
    }

    #[test]
    fn a_target_whose_base_year_has_no_figures_is_drawn_without_a_pathway() {
        // Scope 3 from 2019, which reported scope 1 and 2 only: a series, no pathway.
        let p = with_emissions(
            partner("alfa", 'F', 10),
            vec![year(C).s1(100.0).s2(10.0), year(Y).s1(90.0).s3(400.0)],
            vec![target(&[3], C, 2030, 50.0)],
        );
        let charts = target_charts(p);
        assert_eq!(charts.len(), 1, "drawn from its series alone");
        let chart = &charts[0];
        assert!(
            chart
                .desc
                .ends_with(" Basisåret mangler tall, så målbanen kan ikke tegnes."),
            "{}",
            chart.desc
        );
        assert!(chart.table.rows.iter().all(|r| r[2] == "–"));
        assert!(chart.table.rows.iter().any(|r| r[..2] == ["2024", "400"]));
    }
}
