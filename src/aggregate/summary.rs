//! The summary `nfk results` prints for people preparing the summit: key figures with coverage,
//! like-for-like change, principles, requirements and targets, in the editor's language (the
//! catalogue's `results-*` messages).
//!
//! A view of [`NetworkResults`] only, as `diagnostics::render_human` is a view of diagnostics:
//! it computes nothing (every figure comes from `aggregate`) and rounds only through
//! [`crate::format`]. Pure: returns a string, prints nothing.

use std::fmt::Write as _;

use super::network::NetworkResults;
use crate::format::{self, MISSING};
use crate::messages::{self, Arg, ids};
use crate::model::{Decimal, Language};

const LABEL_WIDTH: usize = 30;
const VALUE_WIDTH: usize = 10;
/// Where a note's lines are wrapped, its indent included.
const LINE_WIDTH: usize = 78;

/// The summary of `results` in `lang`, ending with a newline.
pub fn render_human(r: &NetworkResults, lang: Language) -> String {
    let say = |id: &str, args: &[(&str, Arg)]| messages::text(lang, id, args);
    let word = |id: &str| say(id, &[]);
    let tonnes = |value: Option<Decimal>| {
        format::optional(value, |v| format::tonnes_number(format::to_f64(v), lang))
    };
    let change = |value: Option<Decimal>| {
        format::optional(value, |v| {
            format::signed_percent(format::to_f64(v), 1, lang)
        })
    };
    // "14 av 15 partnere"; "–" for a network without partners.
    let coverage = |count: usize, of: usize| {
        if of == 0 {
            MISSING.to_string()
        } else {
            say(
                ids::RESULTS_COVERAGE,
                &[("count", count.into()), ("of", of.into())],
            )
        }
    };
    let count = |n: usize| format::number(n as f64, 0, lang);
    let mut out = String::new();
    let y = r.reporting_year.to_string();
    let n = r.partners;
    let year = || Arg::from(&y);
    let _ = writeln!(
        out,
        "{}",
        say(
            ids::RESULTS_TITLE,
            &[("network", (&r.network).into()), ("year", year())]
        )
    );
    let args = [
        ("partners", n.into()),
        ("reporting", r.reporting_partners.into()),
        ("year", year()),
        ("date", format::date(r.as_of, lang).into()),
    ];
    let _ = writeln!(out, "{}", say(ids::RESULTS_REPORTED, &args));
    if r.incomplete_partners > 0 {
        let args = [("count", r.incomplete_partners.into()), ("year", year())];
        let _ = writeln!(out, "{}", say(ids::RESULTS_INCOMPLETE, &args));
    }
    if r.includes_drafts {
        let _ = writeln!(out, "{}", word(ids::RESULTS_DRAFTS));
    }

    let unit = format::tonnes_unit(lang);
    let args = [("year", year()), ("unit", unit.into())];
    heading(&mut out, &say(ids::RESULTS_EMISSIONS_HEADING, &args));
    let t = &r.totals.sums;
    for (label, value, partners, preliminary) in [
        (
            ids::RESULTS_SCOPE1,
            t.scope1,
            t.scope1_partners,
            t.scope1_preliminary,
        ),
        (
            ids::RESULTS_SCOPE2_LOCATION,
            t.scope2_location,
            t.scope2_location_partners,
            t.scope2_location_preliminary,
        ),
        (
            ids::RESULTS_SCOPE2_MARKET,
            t.scope2_market,
            t.scope2_market_partners,
            t.scope2_market_preliminary,
        ),
        (
            ids::RESULTS_SCOPE3,
            t.scope3,
            t.scope3_partners,
            t.scope3_preliminary,
        ),
    ] {
        let mut note = coverage(partners, n);
        if preliminary > 0 {
            let args = [("count", preliminary.into())];
            note = format!("{note}, {}", say(ids::RESULTS_PRELIMINARY, &args));
        }
        row(&mut out, &word(label), &tonnes(value), &note);
    }
    let args = [("count", t.scope2_market_partners.into())];
    row(
        &mut out,
        &word(ids::RESULTS_SAME_PARTNERS),
        &tonnes(t.scope2_location_same_partners),
        &say(ids::RESULTS_SAME_PARTNERS_NOTE, &args),
    );
    if let Some(largest) = &r.totals.largest_partner {
        let share = format::optional(largest.share_percent, |v| {
            format::percent(format::to_f64(v), 0, lang)
        });
        let args = [("slug", (&largest.slug).into()), ("share", share.into())];
        note(&mut out, &say(ids::RESULTS_LARGEST, &args));
    }
    note(&mut out, &word(ids::RESULTS_SCOPE3_NOTE));

    let l = &r.like_for_like;
    let c = r.compare_year.to_string();
    let args = [("from", (&c).into()), ("to", year())];
    heading(&mut out, &say(ids::RESULTS_LFL_HEADING, &args));
    let lfl_partners = word(ids::RESULTS_LFL_PARTNERS);
    row(&mut out, &lfl_partners, &count(l.partners), "");
    row(&mut out, &c, &tonnes(l.compare), "");
    row(&mut out, &y, &tonnes(l.current), "");
    row(
        &mut out,
        &word(ids::RESULTS_CHANGE),
        &change(l.change_percent),
        "",
    );
    if l.preliminary_partners > 0 {
        let args = [
            ("preliminary", l.preliminary_partners.into()),
            ("final", l.final_only.partners.into()),
            ("change", change(l.final_only.change_percent).into()),
        ];
        note(&mut out, &say(ids::RESULTS_LFL_PRELIMINARY, &args));
    }
    if l.excluded_structural > 0 {
        let args = [("count", l.excluded_structural.into())];
        note(&mut out, &say(ids::RESULTS_LFL_STRUCTURAL, &args));
    }
    if l.partners_incomplete > 0 {
        let args = [("count", l.partners_incomplete.into())];
        note(&mut out, &say(ids::RESULTS_LFL_INCOMPLETE, &args));
    }

    heading(&mut out, &word(ids::RESULTS_PRINCIPLES));
    let p = &r.principles;
    for (label, met) in [
        (ids::RESULTS_PRINCIPLE_1, p.accounting_and_targets),
        (ids::RESULTS_PRINCIPLE_2, p.supplier_requirements),
        (ids::RESULTS_PRINCIPLE_3, p.strategy),
        (ids::RESULTS_PRINCIPLE_4, p.certification),
    ] {
        row(&mut out, &word(label), &count(met), &coverage(met, n));
    }

    heading(&mut out, &word(ids::RESULTS_REQUIREMENTS));
    let q = &r.requirements;
    for (label, met, by) in [
        (ids::RESULTS_FIRST_REQUIREMENT, q.first, q.first_by),
        (ids::RESULTS_FULL_REQUIREMENT, q.full, q.full_by),
    ] {
        let args = [
            ("coverage", coverage(met, n).into()),
            ("date", format::date(by, lang).into()),
        ];
        row(
            &mut out,
            &word(label),
            &count(met),
            &say(ids::RESULTS_DEADLINE, &args),
        );
    }

    let g = &r.targets;
    heading(
        &mut out,
        &say(ids::RESULTS_TARGETS_HEADING, &[("year", year())]),
    );
    row(
        &mut out,
        &word(ids::RESULTS_WITH_TARGETS),
        &count(g.partners_with_targets),
        &coverage(g.partners_with_targets, n),
    );
    for (label, partners) in [
        (ids::RESULTS_ACHIEVED, g.achieved),
        (ids::RESULTS_ON_TRACK, g.on_track),
        (ids::RESULTS_OFF_TRACK, g.off_track),
        (ids::RESULTS_MISSED, g.missed),
        (ids::RESULTS_NOT_STARTED, g.not_started),
        (ids::RESULTS_NO_DATA, g.no_data),
    ] {
        row(&mut out, &word(label), &count(partners), "");
    }
    if g.market_based > 0 {
        let args = [("count", g.market_based_on_track_by_location.into())];
        row(
            &mut out,
            &word(ids::RESULTS_MARKET_BASED),
            &count(g.market_based),
            &say(ids::RESULTS_MARKET_ON_TRACK, &args),
        );
    }

    let a = &r.ambition;
    heading(&mut out, &word(ids::RESULTS_AMBITION_HEADING));
    for (label, class) in [
        (ids::RESULTS_AMBITION_SCOPE12, &a.scope12),
        (ids::RESULTS_AMBITION_SCOPE3, &a.scope3),
    ] {
        let args = [("count", class.targets.into())];
        row(
            &mut out,
            &word(label),
            &count(class.meets),
            &say(ids::RESULTS_OF_COMPARABLE, &args),
        );
    }
    row(
        &mut out,
        &word(ids::RESULTS_NOT_COMPARABLE),
        &count(a.not_comparable),
        "",
    );
    out
}

fn heading(out: &mut String, title: &str) {
    let _ = writeln!(out, "\n{title}");
}

fn row(out: &mut String, label: &str, value: &str, note: &str) {
    let line = format!("  {label:<LABEL_WIDTH$}{value:>VALUE_WIDTH$}  {note}");
    let _ = writeln!(out, "{}", line.trim_end());
}

/// A sentence under a table, indented and wrapped at [`LINE_WIDTH`] (a word longer than a line
/// keeps a line of its own). Only at plain spaces: `12 %` has a no-break one.
fn note(out: &mut String, text: &str) {
    let mut line = String::from(" ");
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        if line.chars().count() + 1 + word.chars().count() > LINE_WIDTH && line.len() > 1 {
            let _ = writeln!(out, "{line}");
            line = String::from(" ");
        }
        line.push(' ');
        line.push_str(word);
    }
    let _ = writeln!(out, "{line}");
}

#[cfg(test)]
mod tests {
    use super::super::aggregate;
    use super::super::testkit::*;
    use super::*;

    fn render_human_nb(r: &NetworkResults) -> String {
        render_human(r, Language::Nb)
    }

    #[test]
    fn shows_coverage_and_dashes_for_undefined_figures() {
        let a = with_emissions(
            partner("a", 'F', 5),
            vec![year(Y).s1(1234.5).s2(2.25)],
            vec![],
        );
        let text = render_human_nb(&aggregate(&site(vec![a, partner("b", 'F', 5)]), false).results);
        let head = "Testnettverket: resultater for 2024\n2 partnere, 1 av dem har rapportert for 2024. Status per 16. juni 2025.\n";
        assert!(text.starts_with(head), "{text}");
        assert!(
            text.contains("  Scope 1                            1\u{a0}235  1 av 2 partnere\n"),
            "{text}"
        );
        assert!(
            text.contains("  Scope 2, lokasjonsbasert             2,3  1 av 2 partnere\n"),
            "{text}"
        );
        assert!(
            text.contains("  Scope 3                                –  0 av 2 partnere\n"),
            "{text}"
        );
        assert!(
            text.contains("  Endring                                –\n"),
            "{text}"
        );
    }

    #[test]
    fn shows_preliminary_counts_and_the_final_only_change() {
        let a = with_emissions(
            partner("a", 'F', 5),
            vec![
                year(C).s1(100.0).s2(0.0),
                year(Y).s1(50.0).s2(0.0).preliminary(),
            ],
            vec![],
        );
        let b = with_emissions(
            partner("b", 'F', 5),
            vec![year(C).s1(100.0).s2(0.0), year(Y).s1(90.0).s2(0.0)],
            vec![],
        );
        let text = render_human_nb(&aggregate(&site(vec![a, b]), false).results);
        assert!(
            text.contains(
                "  Scope 1                              140  2 av 2 partnere, 1 foreløpig\n"
            ),
            "{text}"
        );
        assert!(
            text.contains("  1 av dem har foreløpige tall; med bare endelige tall (1 partner): \u{2212}10,0\u{a0}%.\n"),
            "{text}"
        );
    }

    #[test]
    fn shows_the_like_for_like_change_with_its_sign() {
        let a = with_emissions(
            partner("a", 'F', 5),
            vec![year(C).s1(100.0).s2(0.0), year(Y).s1(70.0).s2(0.0)],
            vec![target(&[1], C, 2030, 50.0)],
        );
        let text = render_human_nb(&aggregate(&site(vec![a]), false).results);
        assert!(
            text.contains("  Endring                          \u{2212}30,0\u{a0}%\n"),
            "{text}"
        );
        assert!(
            text.contains("  Ikke i rute                            0\n"),
            "{text}"
        );
        assert!(
            text.contains("  Partnere med mål                       1  1 av 1 partner\n"),
            "{text}"
        );
    }

    /// The lines of a one-partner network's summary that contain `needle`, after `change`.
    fn lines_with(needle: &str, change: impl FnOnce(&mut NetworkResults)) -> Vec<String> {
        let a = with_emissions(
            partner("a", 'F', 5),
            vec![year(C).s1(100.0).s2(20.0), year(Y).s1(80.0).s2(10.0)],
            vec![target(&[1, 2], C, 2030, 50.0)],
        );
        let mut results = aggregate(&site(vec![a]), false).results;
        change(&mut results);
        (render_human(&results, Language::Nb).lines())
            .filter(|l| l.contains(needle))
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn each_note_of_a_count_appears_only_when_the_count_is_not_zero() {
        type Set = fn(&mut NetworkResults, usize);
        let notes: [(&str, Set, &str, &str); 5] = [
            (
                "regnes ikke som rapportert",
                |r, n| r.incomplete_partners = n,
                "1 partner har tall for 2024 uten",
                "2 partnere har tall for 2024 uten",
            ),
            (
                "har foreløpige tall",
                |r, n| r.like_for_like.preliminary_partners = n,
                "  1 av dem har foreløpige tall",
                "  2 av dem har foreløpige tall",
            ),
            (
                "strukturendring",
                |r, n| r.like_for_like.excluded_structural = n,
                "  1 partner er holdt utenfor",
                "  2 partnere er holdt utenfor",
            ),
            (
                "med tall for begge år er",
                |r, n| r.like_for_like.partners_incomplete = n,
                "  1 partner med tall for begge år",
                "  2 partnere med tall for begge år",
            ),
            (
                "Markedsbaserte hovedmål",
                |r, n| r.targets.market_based = n,
                "  Markedsbaserte hovedmål                1",
                "  Markedsbaserte hovedmål                2",
            ),
        ];
        for (needle, set, one, two) in notes {
            assert_eq!(lines_with(needle, |r| set(r, 0)), Vec::<String>::new());
            let found = lines_with(needle, |r| set(r, 1));
            assert!(found.len() == 1 && found[0].starts_with(one), "{found:?}");
            let found = lines_with(needle, |r| set(r, 2));
            assert!(found.len() == 1 && found[0].starts_with(two), "{found:?}");
        }
    }

    #[test]
    fn every_part_of_the_summary_has_its_heading_on_a_line_of_its_own() {
        let a = with_emissions(
            partner("a", 'F', 5),
            vec![year(C).s1(100.0).s2(20.0), year(Y).s1(80.0).s2(10.0)],
            vec![],
        );
        let text = render_human(&aggregate(&site(vec![a]), false).results, Language::Nb);
        for heading in [
            "Utslipp i 2024 (tonn CO₂e)",
            "Sammenlignbare utslipp 2019–2024 (scope 1 + scope 2 lokasjonsbasert)",
            "Prinsipper",
            "Krav",
            "Mål i 2024 (hver partners hovedmål)",
            "Ambisjon (SBTis minste lineære kutt for absolutte mål)",
        ] {
            assert!(
                text.contains(&format!("\n\n{heading}\n")),
                "{heading}: {text}"
            );
        }
        assert!(
            text.ends_with("  Ikke sammenlignbare                    0\n"),
            "{text}"
        );
    }
}
