//! What an import changes in one `emissions.yaml`, per year and figure: added, changed
//! (old → new) or removed. Compares the file as it was with the file as it will be, both read
//! by the project's own YAML parser, so the diff shows what the site will see. Pure.

use std::fmt::Write as _;

use crate::load::raw::{RawEmissions, RawScope, RawYear};
use crate::messages::{self, ids};
use crate::model::Language;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Number(f64),
    Text(String),
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            Value::Number(n) => write!(f, "{}", super::merge::number(*n)),
            Value::Text(t) if t.chars().all(|c| c.is_alphanumeric() || c == '_') => f.write_str(t),
            Value::Text(t) => write!(f, "{t:?}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    Added(Value),
    Changed(Value, Value),
    Removed(Value),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub year: i64,
    /// `status`, `scope1.mobile_combustion`, `scope2.location_based`, `scope3` (a total)…
    pub key: String,
    pub change: Change,
}

/// A year's values by key, in the order of SPEC §4.
pub fn flatten(year: &RawYear) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    let num = |v: f64| Value::Number(v);
    if let Some(s) = &year.status {
        out.push(("status".into(), Value::Text(s.value.clone())));
    }
    if let Some(v) = &year.employees {
        out.push(("employees".into(), num(v.value)));
    }
    if let Some(v) = &year.revenue_mnok {
        out.push(("revenue_mnok".into(), num(v.value)));
    }
    let scope =
        |out: &mut Vec<(String, Value)>, key: &str, scope: &Option<crate::load::S<RawScope>>| {
            match scope.as_ref().map(|s| &s.value) {
                None => {}
                Some(RawScope::Total(v)) => out.push((key.into(), num(*v))),
                Some(RawScope::Categories(pairs)) => {
                    for (c, v) in pairs {
                        out.push((format!("{key}.{}", c.value), num(v.value)));
                    }
                }
            }
        };
    scope(&mut out, "scope1", &year.scope1);
    if let Some(s2) = &year.scope2 {
        if let Some(v) = &s2.value.location_based {
            out.push(("scope2.location_based".into(), num(v.value)));
        }
        if let Some(v) = &s2.value.market_based {
            out.push(("scope2.market_based".into(), num(v.value)));
        }
    }
    scope(&mut out, "scope3", &year.scope3);
    if let Some(note) = &year.note {
        out.push(("note".into(), Value::Text(note.clone())));
    }
    out
}

/// Every difference between the years of `old` (none when the file is new) and `new`.
pub fn diff(old: Option<&RawEmissions>, new: &RawEmissions) -> Vec<Line> {
    let old_years: Vec<&RawYear> = old.map(|o| o.years.iter().collect()).unwrap_or_default();
    let mut years: Vec<i64> = old_years
        .iter()
        .chain(new.years.iter().collect::<Vec<_>>().iter())
        .map(|y| y.year.value)
        .collect();
    years.sort_unstable();
    years.dedup();
    let mut lines = Vec::new();
    for year in years {
        let find = |list: &[&RawYear]| {
            list.iter()
                .find(|y| y.year.value == year)
                .map(|y| flatten(y))
        };
        let before = find(&old_years).unwrap_or_default();
        let after = find(&new.years.iter().collect::<Vec<_>>()).unwrap_or_default();
        for (key, value) in &after {
            let change = match before.iter().find(|(k, _)| k == key) {
                None => Change::Added(value.clone()),
                Some((_, old)) if old != value => Change::Changed(old.clone(), value.clone()),
                Some(_) => continue,
            };
            lines.push(Line {
                year,
                key: key.clone(),
                change,
            });
        }
        for (key, value) in &before {
            if !after.iter().any(|(k, _)| k == key) {
                lines.push(Line {
                    year,
                    key: key.clone(),
                    change: Change::Removed(value.clone()),
                });
            }
        }
    }
    // Removed figures next to their scope, not after the year's other lines.
    lines.sort_by_key(|l| (l.year, rank(&l.key)));
    lines
}

fn rank(key: &str) -> usize {
    const ORDER: [&str; 8] = [
        "status",
        "employees",
        "revenue_mnok",
        "scope1",
        "scope2",
        "scope3",
        "note",
        "",
    ];
    let head = key.split('.').next().unwrap_or(key);
    ORDER.iter().position(|k| *k == head).unwrap_or(ORDER.len())
}

/// `  2019  scope1.process  added  1`, aligned, one line per figure, the verbs in `lang`.
pub fn render(lines: &[Line], lang: Language) -> String {
    let [added, changed, removed] = [ids::IMPORT_ADDED, ids::IMPORT_CHANGED, ids::IMPORT_REMOVED]
        .map(|id| messages::text(lang, id, &[]));
    let verbs = [&added, &changed, &removed]
        .iter()
        .map(|v| v.chars().count())
        .max()
        .unwrap_or(0);
    let width = lines
        .iter()
        .map(|l| l.key.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for line in lines {
        let (verb, what) = match &line.change {
            Change::Added(v) => (&added, v.to_string()),
            Change::Changed(a, b) => (&changed, format!("{a} → {b}")),
            Change::Removed(v) => (&removed, v.to_string()),
        };
        let _ = writeln!(
            out,
            "  {}  {:<width$}  {verb:<verbs$}  {what}",
            line.year, line.key
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostics;

    fn parse(text: &str) -> RawEmissions {
        crate::load::yaml::parse("e.yaml", text, 0, &mut Diagnostics::new()).unwrap()
    }

    #[test]
    fn lists_added_changed_and_removed_figures_per_year() {
        let old = parse(
            "base_year: 2019\nyears:\n  - year: 2019\n    scope1:\n      process: 1.0\n      fugitive: 2\n",
        );
        let new = parse(
            "base_year: 2019\nyears:\n  - year: 2019\n    scope1:\n      process: 1.5\n      other: 3\n  - year: 2020\n    scope1: 4\n",
        );
        let text = render(&diff(Some(&old), &new), Language::En);
        assert_eq!(
            text,
            "  2019  scope1.process   changed  1 → 1.5\n\
             \x20 2019  scope1.other     added    3\n\
             \x20 2019  scope1.fugitive  removed  2\n\
             \x20 2020  scope1           added    4\n"
        );
    }

    #[test]
    fn an_unchanged_figure_written_differently_is_no_change() {
        let old = parse("base_year: 2019\nyears:\n  - year: 2019\n    scope1: 120.0\n");
        let new = parse("base_year: 2019\nyears:\n  - year: 2019\n    scope1: 120\n");
        assert!(diff(Some(&old), &new).is_empty());
    }
}
