//! The summary `nfk results` prints for people preparing the summit: key figures with coverage,
//! like-for-like change, principles, requirements and targets, in Norwegian.
//!
//! A view of [`NetworkResults`] only, as `diagnostics::render_human` is a view of diagnostics:
//! it computes nothing (every figure comes from `aggregate`) and rounds only through
//! [`crate::format`]. Pure: returns a string, prints nothing.

use std::fmt::Write as _;

use super::network::NetworkResults;
use crate::format::{self, MISSING};
use crate::model::{Decimal, Language};

const NB: Language = Language::Nb;
const LABEL_WIDTH: usize = 30;
const VALUE_WIDTH: usize = 10;

/// The Norwegian summary of `results`, ending with a newline.
pub fn render_human(r: &NetworkResults) -> String {
    let mut out = String::new();
    let y = r.reporting_year;
    let n = r.partners;
    let _ = writeln!(out, "{}: resultater for {y}", r.network);
    let _ = writeln!(
        out,
        "{n} {}, {} av dem har rapportert for {y}. Status per {}.",
        partners(n),
        r.reporting_partners,
        format::date(r.as_of, NB),
    );
    if r.incomplete_partners > 0 {
        let _ = writeln!(
            out,
            "{} {} har tall for {y} uten både scope 1 og scope 2 (lokasjonsbasert), og regnes ikke som rapportert.",
            r.incomplete_partners,
            partners(r.incomplete_partners),
        );
    }
    if r.includes_drafts {
        let _ = writeln!(out, "Forhåndsvisning: utkast er tatt med i tallene.");
    }

    heading(
        &mut out,
        &format!("Utslipp i {y} ({})", format::tonnes_unit(NB)),
    );
    let t = &r.totals.sums;
    for (label, value, count, preliminary) in [
        ("Scope 1", t.scope1, t.scope1_partners, t.scope1_preliminary),
        (
            "Scope 2, lokasjonsbasert",
            t.scope2_location,
            t.scope2_location_partners,
            t.scope2_location_preliminary,
        ),
        (
            "Scope 2, markedsbasert",
            t.scope2_market,
            t.scope2_market_partners,
            t.scope2_market_preliminary,
        ),
        ("Scope 3", t.scope3, t.scope3_partners, t.scope3_preliminary),
    ] {
        let note = format!("{}{}", coverage(count, n), preliminary_note(preliminary));
        row(&mut out, label, &tonnes(value), &note);
    }
    row(
        &mut out,
        "Scope 2 lok., samme partnere",
        &tonnes(t.scope2_location_same_partners),
        &format!("de {} med markedsbasert", t.scope2_market_partners),
    );
    if let Some(largest) = &r.totals.largest_partner {
        let share = format::optional(largest.share_percent, |v| {
            format::percent(format::to_f64(v), 0, NB)
        });
        let _ = writeln!(
            out,
            "  Største partner ({}) står for {share} av scope 1 + 2.",
            largest.slug
        );
    }
    let _ = writeln!(
        out,
        "  Scope 3 er rapportert av partnerne, kan overlappe mellom dem og legges ikke"
    );
    let _ = writeln!(out, "  sammen med scope 1 og 2.");

    let l = &r.like_for_like;
    let c = r.compare_year;
    heading(
        &mut out,
        &format!("Sammenlignbare utslipp {c}–{y} (scope 1 + scope 2 lokasjonsbasert)"),
    );
    row(
        &mut out,
        "Partnere med tall for begge år",
        &l.partners.to_string(),
        "",
    );
    row(&mut out, &c.to_string(), &tonnes(l.compare), "");
    row(&mut out, &y.to_string(), &tonnes(l.current), "");
    let change = format::optional(l.change_percent, |v| {
        format::signed_percent(format::to_f64(v), 1, NB)
    });
    row(&mut out, "Endring", &change, "");
    if l.preliminary_partners > 0 {
        let _ = writeln!(
            out,
            "  {} av dem har foreløpige tall; med bare endelige tall ({} {}): {}.",
            l.preliminary_partners,
            l.final_only.partners,
            partners(l.final_only.partners),
            format::optional(l.final_only.change_percent, |v| {
                format::signed_percent(format::to_f64(v), 1, NB)
            }),
        );
    }
    if l.excluded_structural > 0 {
        let _ = writeln!(
            out,
            "  {} {} er holdt utenfor fordi en strukturendring ikke er omregnet.",
            l.excluded_structural,
            partners(l.excluded_structural),
        );
    }
    if l.partners_incomplete > 0 {
        let _ = writeln!(
            out,
            "  {} {} med tall for begge år er holdt utenfor fordi scope 1 eller 2 mangler i ett av dem.",
            l.partners_incomplete,
            partners(l.partners_incomplete),
        );
    }

    heading(&mut out, "Prinsipper");
    let p = &r.principles;
    for (label, count) in [
        ("1 Klimaregnskap og mål", p.accounting_and_targets),
        ("2 Klimakrav til leverandører", p.supplier_requirements),
        ("3 Klimastrategi", p.strategy),
        ("4 Miljøsertifisering", p.certification),
    ] {
        row(&mut out, label, &count.to_string(), &coverage(count, n));
    }

    heading(&mut out, "Krav");
    let q = &r.requirements;
    for (label, count, by) in [
        ("Første krav (1 og ett av 2–4)", q.first, q.first_by),
        ("Fullt krav (alle fire)", q.full, q.full_by),
    ] {
        let note = format!("{}, frist {}", coverage(count, n), format::date(by, NB));
        row(&mut out, label, &count.to_string(), &note);
    }

    let g = &r.targets;
    heading(&mut out, &format!("Mål i {y} (hver partners hovedmål)"));
    row(
        &mut out,
        "Partnere med mål",
        &g.partners_with_targets.to_string(),
        &coverage(g.partners_with_targets, n),
    );
    for (label, count) in [
        ("Nådd", g.achieved),
        ("I rute", g.on_track),
        ("Ikke i rute", g.off_track),
        ("Ikke nådd (utløpt)", g.missed),
        ("Ikke startet", g.not_started),
        ("Mangler tall", g.no_data),
    ] {
        row(&mut out, label, &count.to_string(), "");
    }
    if g.market_based > 0 {
        row(
            &mut out,
            "Markedsbaserte hovedmål",
            &g.market_based.to_string(),
            &format!(
                "{} i rute målt lokasjonsbasert",
                g.market_based_on_track_by_location
            ),
        );
    }

    let a = &r.ambition;
    heading(
        &mut out,
        "Ambisjon (SBTis minste lineære kutt for absolutte mål)",
    );
    for (label, class) in [
        ("Scope 1+2, minst 4,2 %/år", &a.scope12),
        ("Scope 3, minst 2,5 %/år", &a.scope3),
    ] {
        row(
            &mut out,
            label,
            &class.meets.to_string(),
            &format!("av {} sammenlignbare", class.targets),
        );
    }
    row(
        &mut out,
        "Ikke sammenlignbare",
        &a.not_comparable.to_string(),
        "",
    );
    out
}

/// `, 3 foreløpige` after a coverage count.
fn preliminary_note(preliminary: usize) -> String {
    match preliminary {
        0 => String::new(),
        1 => ", 1 foreløpig".to_string(),
        n => format!(", {n} foreløpige"),
    }
}

fn heading(out: &mut String, title: &str) {
    let _ = writeln!(out, "\n{title}");
}

fn row(out: &mut String, label: &str, value: &str, note: &str) {
    let line = format!("  {label:<LABEL_WIDTH$}{value:>VALUE_WIDTH$}  {note}");
    let _ = writeln!(out, "{}", line.trim_end());
}

fn tonnes(value: Option<Decimal>) -> String {
    format::optional(value, |v| format::tonnes_number(format::to_f64(v), NB))
}

/// "14 av 15 partnere"; "–" for a network without partners.
fn coverage(count: usize, of: usize) -> String {
    if of == 0 {
        MISSING.to_string()
    } else {
        format!("{count} av {of} {}", partners(of))
    }
}

fn partners(n: usize) -> &'static str {
    if n == 1 { "partner" } else { "partnere" }
}

#[cfg(test)]
mod tests {
    use super::super::aggregate;
    use super::super::testkit::*;
    use super::*;

    #[test]
    fn shows_coverage_and_dashes_for_undefined_figures() {
        let a = with_emissions(
            partner("a", 'F', 5),
            vec![year(Y).s1(1234.5).s2(2.25)],
            vec![],
        );
        let text = render_human(&aggregate(&site(vec![a, partner("b", 'F', 5)]), false).results);
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
        let text = render_human(&aggregate(&site(vec![a, b]), false).results);
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
        let text = render_human(&aggregate(&site(vec![a]), false).results);
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
        (render_human(&results).lines())
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
                "scope 1 eller 2 mangler",
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
        let text = render_human(&aggregate(&site(vec![a]), false).results);
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
