//! The one figure lookup: a key of `results.json`, typed and written for people, for the
//! `{{ figure(key="like_for_like.change_percent") }}` shortcode (docs/figures.md "Shortcode keys").
//!
//! Keys are dotted paths through the results document. Rows of the breakdowns are named by
//! their natural key, never by position, so a key keeps its meaning when a partner joins:
//! `by_year.2019.scope1`, `by_sector.F.partners`, `by_fee_tier.10000.partners`. A positional key
//! (`by_year.0.scope1`) is an error whose help names the right key. This module knows which keys
//! hold tonnes, changes, percentages, years, fees, dates and counts; it computes nothing, and
//! formats only through [`crate::format`].

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::network::NetworkResults;
use crate::diagnostics::{Diagnostic, Pos, did_you_mean};
use crate::format;
use crate::messages::{Args, ids};
use crate::model::Language;
use crate::routes::urls;
use crate::strings::Strings;

/// A single value of the results document, with its kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Figure {
    /// A number of partners (or of anything else).
    Count(f64),
    /// Tonnes CO₂e, unrounded.
    Tonnes(f64),
    /// Tonnes CO₂e per employee or per MNOK (a sector median), unrounded.
    Intensity(f64, format::Per),
    /// A change in percent: printed with its sign (`+24,2 %`, `−30,0 %`).
    Change(f64),
    Percent(f64),
    Year(i64),
    /// Norwegian kroner, e.g. a fee.
    Nok(f64),
    Date(NaiveDate),
    Text(String),
    /// The figure is undefined (`null` in JSON).
    Missing,
}

/// What a lookup found: the figure and, when the results carry one, its coverage count
/// (`totals.scope1_partners` beside `totals.scope1`) and what that counts out of.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub figure: Figure,
    pub coverage: Option<(u64, u64)>,
}

/// How the shortcode asked for the figure.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Decimals instead of the kind's default.
    pub decimals: Option<usize>,
    /// Add the coverage: `21 758 tonn CO₂e (14 av 15 partnere)`.
    pub coverage: bool,
}

/// A key that names no figure: an error of the catalogue (`figure-*`) with its help line, at
/// no place yet (the shortcode that asked is placed by the caller).
pub type Problem = Diagnostic;

fn problem(id: &'static str, args: Args) -> Problem {
    Diagnostic::error_msg("", Pos::FILE, id, args)
}

/// Keys whose values are tonnes CO₂e.
const TONNES: [&str; 8] = [
    "scope1",
    "scope2_location",
    "scope2_market",
    "scope2_location_same_partners",
    "scope3",
    "compare",
    "current",
    "tonnes",
];
const YEARS: [&str; 3] = ["reporting_year", "compare_year", "year"];
const DATES: [&str; 3] = ["as_of", "first_by", "full_by"];
/// Each breakdown and the field that names its rows.
const ROW_IDS: [(&str, &str); 3] = [
    ("by_year", "year"),
    ("by_sector", "code"),
    ("by_fee_tier", "fee_nok"),
];

/// The figure at `key` with its coverage.
pub fn lookup(results: &NetworkResults, key: &str) -> Result<Found, Problem> {
    let document = serde_json::to_value(results).unwrap_or_default();
    let segments: Vec<&str> = key.split('.').collect();
    let mut value = &document;
    let mut parent: Option<&Map<String, Value>> = None;
    let mut row_total: Option<u64> = None;
    for (i, segment) in segments.iter().enumerate() {
        value = match value {
            Value::Object(map) => {
                parent = Some(map);
                map.get(*segment).ok_or_else(|| unknown(&document, key))?
            }
            Value::Array(rows) => {
                let list = segments[i - 1];
                let id = ROW_IDS.iter().find(|(l, _)| *l == list).map_or("", |r| r.1);
                let row = rows.iter().find(|row| names(row, id, segment));
                let Some(row) = row else {
                    return Err(positional(rows, list, id, &segments, i, key));
                };
                if list == "by_sector" {
                    row_total = row.get("partners").and_then(Value::as_u64);
                }
                row
            }
            _ => return Err(unknown(&document, key)),
        };
    }
    let last = segments.last().copied().unwrap_or("");
    let Some(figure) = classify(last, value) else {
        let keys = leaf_keys(value, key);
        let keys = keys.into_iter().take(8).collect::<Vec<_>>().join(", ");
        let args = vec![("key", key.into()), ("keys", keys.into())];
        return Err(problem(ids::FIGURE_KEY_IS_A_GROUP, args));
    };
    let count_key = format!("{last}_partners");
    let count = parent.and_then(|p| {
        p.get(&count_key)
            .or_else(|| {
                (segments.first() == Some(&"like_for_like"))
                    .then(|| p.get("partners"))
                    .flatten()
            })
            .and_then(Value::as_u64)
    });
    let of = row_total.or_else(|| document.get("partners").and_then(Value::as_u64));
    Ok(Found {
        figure,
        coverage: count.zip(of).filter(|_| !last.ends_with("partners")),
    })
}

/// The figure at `key`, written for people in the language of `strings` (the page's), whose
/// words the coverage is in: `(14 av 15 partnere)`.
pub fn show(
    results: &NetworkResults,
    key: &str,
    options: Options,
    strings: &Strings,
) -> Result<String, Problem> {
    let lang = strings.language;
    let found = lookup(results, key)?;
    let mut text = found.figure.display(options.decimals, lang);
    if options.coverage {
        let Some((count, of)) = found.coverage else {
            return Err(problem(ids::FIGURE_NO_COVERAGE, vec![("key", key.into())]));
        };
        let count = format::number(count as f64, 0, lang);
        let of = strings.partner_count(usize::try_from(of).unwrap_or(usize::MAX));
        text = format!("{text} ({count} {} {of})", strings.of);
    }
    Ok(text)
}

fn names(row: &Value, id: &str, segment: &str) -> bool {
    match row.get(id) {
        Some(Value::String(s)) => s == segment,
        Some(Value::Number(n)) => n.to_string() == segment,
        _ => false,
    }
}

/// A row that is not there: when the segment is a position, the help names the row it meant.
fn positional(
    rows: &[Value],
    list: &str,
    id: &str,
    segments: &[&str],
    i: usize,
    key: &str,
) -> Problem {
    let named = |row: &Value| match row.get(id) {
        Some(Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
        None => String::new(),
    };
    let with = |name: String| {
        let mut parts: Vec<String> = segments.iter().map(|s| s.to_string()).collect();
        parts[i] = name;
        parts.join(".")
    };
    let mut args: Args = vec![
        ("key", key.into()),
        ("list", list.into()),
        ("row", segments[i].into()),
        ("id", id.into()),
    ];
    let help = match segments[i].parse::<usize>().ok().and_then(|n| rows.get(n)) {
        Some(row) => {
            args.push(("suggestion", with(named(row)).into()));
            ids::FIGURE_ROW_BY_POSITION_HELP
        }
        None => {
            let names: Vec<String> = rows.iter().map(named).collect();
            args.push(("names", names.join(", ").into()));
            ids::FIGURE_ROWS_NAMED_HELP
        }
    };
    problem(ids::FIGURE_NO_ROW, args).with_help_msg(help)
}

fn unknown(document: &Value, key: &str) -> Problem {
    let keys = leaf_keys(document, "");
    let args = vec![("key", key.into()), ("url", urls::RESULTS_JSON.into())];
    let mut d = problem(ids::FIGURE_UNKNOWN_KEY, args);
    if let Some(close) = did_you_mean(key, keys.iter().map(String::as_str)) {
        d.arg("suggestion", close.into())
            .help_msg(ids::DID_YOU_MEAN);
    }
    d
}

/// Every figure key under `value`, rows named by their natural key.
fn leaf_keys(value: &Value, prefix: &str) -> Vec<String> {
    let join = |k: &str| {
        if prefix.is_empty() {
            k.to_string()
        } else {
            format!("{prefix}.{k}")
        }
    };
    match value {
        Value::Object(map) => map
            .iter()
            .flat_map(|(k, v)| leaf_keys(v, &join(k)))
            .collect(),
        Value::Array(rows) => {
            let list = prefix.rsplit('.').next().unwrap_or(prefix);
            let id = ROW_IDS.iter().find(|(l, _)| *l == list).map_or("", |r| r.1);
            rows.iter()
                .flat_map(|row| {
                    let name = match row.get(id) {
                        Some(Value::String(s)) => s.clone(),
                        Some(v) => v.to_string(),
                        None => String::new(),
                    };
                    leaf_keys(row, &join(&name))
                })
                .collect()
        }
        _ => vec![prefix.to_string()],
    }
}

fn classify(key: &str, value: &Value) -> Option<Figure> {
    Some(match value {
        Value::Null => Figure::Missing,
        Value::String(s) if DATES.contains(&key) => Figure::Date(s.parse().ok()?),
        Value::String(s) => Figure::Text(s.clone()),
        Value::Number(n) if YEARS.contains(&key) => Figure::Year(n.as_i64()?),
        Value::Number(n) => {
            let v = n.as_f64()?;
            if TONNES.contains(&key) {
                Figure::Tonnes(v)
            } else if key == "median_per_employee" {
                Figure::Intensity(v, format::Per::Employee)
            } else if key == "median_per_mnok" {
                Figure::Intensity(v, format::Per::Mnok)
            } else if key == "change_percent" {
                Figure::Change(v)
            } else if key.ends_with("_percent") {
                Figure::Percent(v)
            } else if key.ends_with("_nok") {
                Figure::Nok(v)
            } else {
                Figure::Count(v)
            }
        }
        Value::Bool(_) | Value::Array(_) | Value::Object(_) => return None,
    })
}

impl Figure {
    /// The figure written for people: `21 758 tonn CO₂e`, `−30,0 %`, `2024`, `10 000 kr`,
    /// `16. juni 2025`, `–`. `decimals` overrides the kind's default.
    pub fn display(&self, decimals: Option<usize>, lang: Language) -> String {
        match self {
            Figure::Count(v) => format::number(*v, decimals.unwrap_or(0), lang),
            Figure::Tonnes(v) => match decimals {
                Some(d) => format!(
                    "{}\u{a0}{}",
                    format::number(*v, d, lang),
                    format::tonnes_unit(lang)
                ),
                None => format::tonnes(*v, lang),
            },
            Figure::Intensity(v, per) => match decimals {
                Some(d) => format!(
                    "{}\u{a0}{}",
                    format::number(*v, d, lang),
                    format::intensity_unit(*per, lang)
                ),
                None => format::intensity(*v, *per, lang),
            },
            Figure::Change(v) => format::signed_percent(*v, decimals.unwrap_or(1), lang),
            Figure::Percent(v) => format::percent(*v, decimals.unwrap_or(1), lang),
            Figure::Year(y) => y.to_string(),
            Figure::Nok(v) => format::nok(*v, lang),
            Figure::Date(d) => format::date(*d, lang),
            Figure::Text(s) => s.clone(),
            Figure::Missing => format::MISSING.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::aggregate;
    use super::super::testkit::*;
    use super::*;

    fn results() -> NetworkResults {
        let a = with_emissions(
            partner("a", 'F', 5),
            vec![year(C).s1(13000.0).s2(0.0), year(Y).s1(12345.0).s2(5.0)],
            vec![],
        );
        let b = with_emissions(
            partner("b", 'C', 400),
            vec![year(C).s1(100.0).s2(0.0), year(Y).s1(124.2).s2(0.0)],
            vec![],
        );
        aggregate(&site(vec![a, b, partner("c", 'C', 400)]), false).results
    }

    fn shown(key: &str) -> Result<String, Problem> {
        show(&results(), key, Options::default(), &nb())
    }

    fn nb() -> Strings {
        Strings::embedded(Language::Nb)
    }

    /// A problem's message and help, in English (as the JSON and the tests read them).
    fn said(p: Problem) -> (String, Option<String>) {
        (p.message, p.help)
    }

    fn text(key: &str) -> String {
        shown(key).unwrap_or_else(|e| panic!("{key}: {e:?}"))
    }

    #[test]
    fn finds_nested_keys_and_formats_them_by_kind() {
        assert_eq!(text("partners"), "3");
        assert_eq!(text("totals.scope1"), "12\u{a0}469\u{a0}tonn CO₂e");
        assert_eq!(text("as_of"), "16. juni 2025");
        assert_eq!(text("requirements.full_by"), "31. desember 2025");
        assert_eq!(text("ambition.scope12.benchmark_percent"), "4,2\u{a0}%");
        // Text that is not a date stays text.
        assert_eq!(
            lookup(&results(), "network").unwrap().figure,
            Figure::Text(results().network.clone())
        );
    }

    #[test]
    fn prints_a_sector_median_as_an_intensity_with_its_coverage() {
        // Sector C: (10 + 2)/4 = 3, (20 + 0)/5 = 4, (1 + 1)/1 = 2 per employee → median 3,
        // over 3 of the sector's 4 partners (the fourth gives no employees).
        let p = |slug: &str, s1: f64, s2: f64, employees: Option<f64>| {
            let mut y = year(Y).s1(s1).s2(s2);
            y.employees = employees.map(dec);
            with_emissions(partner(slug, 'C', 10), vec![y], vec![])
        };
        let results = aggregate(
            &site(vec![
                p("a", 10.0, 2.0, Some(4.0)),
                p("b", 20.0, 0.0, Some(5.0)),
                p("c", 1.0, 1.0, Some(1.0)),
                p("d", 5.0, 5.0, None),
            ]),
            false,
        )
        .results;
        let coverage = Options {
            coverage: true,
            ..Options::default()
        };
        assert_eq!(
            show(&results, "by_sector.C.median_per_employee", coverage, &nb()),
            Ok("3,00\u{a0}tonn CO₂e per ansatt (3 av 4 partnere)".into())
        );
        assert_eq!(
            show(
                &results,
                "by_sector.C.median_per_mnok",
                Options::default(),
                &nb()
            ),
            Ok("–".into())
        );
    }

    #[test]
    fn prints_years_without_grouping_and_fees_in_kroner() {
        assert_eq!(text("reporting_year"), "2024");
        assert_eq!(text("by_year.2019.year"), "2019");
        assert_eq!(text("by_fee_tier.40000.fee_nok"), "40\u{a0}000\u{a0}kr");
    }

    #[test]
    fn prints_changes_with_their_sign() {
        // a: 13 000 → 12 350 (−5,0 %); b: 100 → 124,2 (+24,2 %); over both: 13 100 → 12 474,2.
        let r = results();
        let change = |lfl: &str| show(&r, lfl, Options::default(), &nb()).unwrap();
        assert_eq!(change("like_for_like.change_percent"), "\u{2212}4,8\u{a0}%");
        let b_only = with_emissions(
            partner("b", 'C', 400),
            vec![year(C).s1(100.0).s2(0.0), year(Y).s1(124.2).s2(0.0)],
            vec![],
        );
        let r = aggregate(&site(vec![b_only]), false).results;
        assert_eq!(
            show(
                &r,
                "like_for_like.change_percent",
                Options::default(),
                &nb()
            )
            .unwrap(),
            "+24,2\u{a0}%"
        );
    }

    #[test]
    fn adds_the_coverage_when_asked() {
        let options = Options {
            coverage: true,
            ..Options::default()
        };
        let r = results();
        let strings = nb();
        let with = |key: &str| show(&r, key, options, &strings);
        assert_eq!(
            with("totals.scope1").unwrap(),
            "12\u{a0}469\u{a0}tonn CO₂e (2 av 3 partnere)"
        );
        assert_eq!(
            with("like_for_like.current").unwrap(),
            "12\u{a0}474\u{a0}tonn CO₂e (2 av 3 partnere)"
        );
        // A sector's coverage is out of the sector's partners; one partner is one `partner`.
        assert_eq!(
            with("by_sector.C.scope1").unwrap(),
            "124\u{a0}tonn CO₂e (1 av 2 partnere)"
        );
        assert_eq!(
            with("by_sector.F.scope1").unwrap(),
            "12\u{a0}345\u{a0}tonn CO₂e (1 av 1 partner)"
        );
        let err = with("reporting_year").unwrap_err();
        assert_eq!(err.message, "figure `reporting_year` has no coverage count");
        // The words are the page's: English on an English page.
        let en = Strings::embedded(Language::En);
        assert_eq!(
            show(&r, "by_sector.F.scope1", options, &en).unwrap(),
            "12,345\u{a0}t CO₂e (1 of 1 partner)"
        );
        assert_eq!(
            show(&r, "totals.scope1", options, &en).unwrap(),
            "12,469\u{a0}t CO₂e (2 of 3 partners)"
        );
    }

    #[test]
    fn picks_breakdown_rows_by_year_code_or_fee() {
        assert_eq!(text("by_year.2019.scope1"), "13\u{a0}100\u{a0}tonn CO₂e");
        assert_eq!(text("by_sector.C.partners"), "2");
        assert_eq!(text("by_fee_tier.40000.partners"), "2");
    }

    #[test]
    fn a_positional_key_is_an_error_that_names_the_right_key() {
        let (message, help) = said(shown("by_year.1.scope1").unwrap_err());
        assert_eq!(
            message,
            "figure key `by_year.1.scope1`: by_year has no row `1`"
        );
        assert_eq!(
            help.as_deref(),
            Some(
                "rows of by_year are named by their year, not their position: did you mean `by_year.2024.scope1`?"
            )
        );
        let (_, help) = said(shown("by_sector.0.partners").unwrap_err());
        assert!(
            help.unwrap()
                .ends_with("did you mean `by_sector.C.partners`?")
        );
        let (_, help) = said(shown("by_year.1990.scope1").unwrap_err());
        assert_eq!(
            help.as_deref(),
            Some("rows of by_year are named by their year: 2019, 2024")
        );
    }

    #[test]
    fn undefined_figures_show_a_dash() {
        assert_eq!(
            lookup(&results(), "totals.scope3").unwrap().figure,
            Figure::Missing
        );
        assert_eq!(text("totals.scope3"), "–");
    }

    #[test]
    fn unknown_keys_and_groups_are_errors_with_help() {
        let (message, help) = said(shown("totals.scope4").unwrap_err());
        assert_eq!(message, "unknown figure key `totals.scope4`");
        assert!(help.unwrap().starts_with("did you mean `totals.scope"));
        let (message, help) = said(shown("totals").unwrap_err());
        assert_eq!(message, "figure key `totals` is a group, not a number");
        assert!(help.unwrap().contains("totals.scope1"));
        // A list's keys name its rows by their natural key, never by position.
        let (_, help) = said(shown("by_year").unwrap_err());
        let help = help.unwrap();
        assert!(help.contains("by_year.2019.scope1"), "{help}");
        assert!(!help.contains("by_year.0."), "{help}");
        for key in ["by_year", "partners.x", ""] {
            assert!(shown(key).is_err(), "{key}");
        }
    }
}
