//! One figure of `results.json` by its key, typed so it can be shown to people: what the
//! `{{ figure(key="like_for_like.change_percent") }}` shortcode of SPEC §5 needs.
//!
//! Keys are dotted paths through the results document. Rows of the breakdowns are picked by
//! their identifying value, not their position, so that a key keeps its meaning when a partner
//! joins: `by_year.2019.scope1`, `by_sector.F.partners`, `by_fee_tier.10000.partners`.
//! This module knows which keys hold tonnes, percentages, dates and counts; it computes nothing.

use chrono::NaiveDate;
use serde_json::Value;

use super::network::NetworkResults;
use crate::format;
use crate::model::Language;

/// A single value of the results document, with its kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Figure {
    /// A number of partners (or of anything else).
    Count(f64),
    /// Tonnes CO₂e, unrounded.
    Tonnes(f64),
    Percent(f64),
    Year(i64),
    /// Norwegian kroner, e.g. a fee.
    Nok(f64),
    Date(NaiveDate),
    Text(String),
    /// The figure is undefined (`null` in JSON).
    Missing,
}

/// Keys whose values are tonnes CO₂e.
const TONNES: [&str; 6] = [
    "scope1",
    "scope2_location",
    "scope2_market",
    "scope3",
    "compare",
    "current",
];
const YEARS: [&str; 3] = ["reporting_year", "compare_year", "year"];
const DATES: [&str; 3] = ["as_of", "first_by", "full_by"];
/// The field that identifies a row in each breakdown.
const ROW_IDS: [&str; 3] = ["year", "code", "fee_nok"];

/// The figure at `key`, or `None` when no such key exists or it names a group, not a figure.
pub fn figure(results: &NetworkResults, key: &str) -> Option<Figure> {
    let document = serde_json::to_value(results).ok()?;
    let mut value = &document;
    let mut last = "";
    for segment in key.split('.') {
        value = match value {
            Value::Object(map) => map.get(segment)?,
            Value::Array(rows) => rows.iter().find(|row| identifies(row, segment))?,
            _ => return None,
        };
        last = segment;
    }
    classify(last, value)
}

fn identifies(row: &Value, segment: &str) -> bool {
    ROW_IDS.iter().any(|id| match row.get(id) {
        Some(Value::String(s)) => s == segment,
        Some(Value::Number(n)) => n.to_string() == segment,
        _ => false,
    })
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
    /// The figure written for people: `21 758 tonn CO₂e`, `−30,0 %`, `16. juni 2025`, `–`.
    pub fn display(&self, lang: Language) -> String {
        match self {
            Figure::Count(v) => format::number(*v, 0, lang),
            Figure::Tonnes(v) => format::tonnes(*v, lang),
            Figure::Percent(v) => format::percent(*v, 1, lang),
            Figure::Year(y) => y.to_string(),
            Figure::Nok(v) => match lang {
                Language::Nb => format!("{}\u{a0}kr", format::number(*v, 0, lang)),
                Language::En => format!("NOK\u{a0}{}", format::number(*v, 0, lang)),
            },
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
        aggregate(&site(vec![a, partner("b", 'C', 400)]), false).results
    }

    fn shown(key: &str) -> Option<String> {
        figure(&results(), key).map(|f| f.display(Language::Nb))
    }

    #[test]
    fn finds_nested_keys_and_formats_them_by_kind() {
        assert_eq!(shown("partners").as_deref(), Some("2"));
        assert_eq!(
            shown("totals.scope1").as_deref(),
            Some("12\u{a0}345\u{a0}tonn CO₂e")
        );
        assert_eq!(
            shown("like_for_like.change_percent").as_deref(),
            Some("\u{2212}5,0\u{a0}%")
        );
        assert_eq!(shown("as_of").as_deref(), Some("16. juni 2025"));
        assert_eq!(shown("reporting_year").as_deref(), Some("2024"));
        assert_eq!(
            shown("requirements.full_by").as_deref(),
            Some("31. desember 2025")
        );
    }

    #[test]
    fn picks_breakdown_rows_by_year_code_or_fee() {
        assert_eq!(
            shown("by_year.2019.scope1").as_deref(),
            Some("13\u{a0}000\u{a0}tonn CO₂e")
        );
        assert_eq!(shown("by_sector.C.partners").as_deref(), Some("1"));
        assert_eq!(shown("by_fee_tier.40000.partners").as_deref(), Some("1"));
        assert_eq!(
            shown("by_fee_tier.40000.fee_nok").as_deref(),
            Some("40\u{a0}000\u{a0}kr")
        );
    }

    #[test]
    fn undefined_figures_show_a_dash() {
        assert_eq!(figure(&results(), "totals.scope3"), Some(Figure::Missing));
        assert_eq!(shown("by_sector.C.scope1").as_deref(), Some("–"));
    }

    #[test]
    fn unknown_keys_and_groups_are_not_figures() {
        for key in [
            "totals.scope4",
            "totals",
            "by_year",
            "by_year.1990.scope1",
            "partners.x",
            "",
        ] {
            assert_eq!(figure(&results(), key), None, "{key}");
        }
    }
}
