//! Puts imported years into the text of `emissions.yaml`, keeping everything else as written:
//! comments, key order, formatting, other years, `targets`, and any other key.
//!
//! Edits go through yaml-edit's lossless tree, and only where a value changes: an unchanged
//! figure keeps its text (`120.0` stays `120.0`). What an import replaces is said in
//! `docs/import.md`: for each imported year its status and scope figures (a scope the input does
//! not give is removed from that year), and `employees`, `revenue_mnok` and `note` only when the
//! input gives them. The caller reads the result back and checks it (`mod.rs`); this module
//! does no IO.

use std::collections::BTreeMap;
use std::str::FromStr;

use anyhow::{Context, anyhow};
use yaml_edit::{Document, Mapping, ScalarValue, Sequence};

use super::input::{ScopeFigures, YearFigures};

/// The order of a year's keys in SPEC §4; a key the import adds goes after the ones before it.
const YEAR_KEYS: [&str; 8] = [
    "year",
    "status",
    "employees",
    "revenue_mnok",
    "scope1",
    "scope2",
    "scope3",
    "note",
];

/// The first lines of a file the import creates.
fn new_file(base_year: i32) -> String {
    format!(
        "# Klimagassregnskap. Alle tall i tonn CO₂e.\n\
         # Laget av nfk import; basisåret er det første importerte året: rett det om det trengs.\n\
         base_year: {base_year}\n"
    )
}

/// The new text of the file (`old` is `None` when there is no file yet).
pub fn merge(old: Option<&str>, years: &BTreeMap<i32, YearFigures>) -> anyhow::Result<String> {
    let first = *years.keys().next().context("nothing to import")?;
    let text = match old {
        Some(text) => text.to_string(),
        None => new_file(first),
    };
    let doc = Document::from_str(&text).map_err(|e| anyhow!("{e}"))?;
    let root = doc
        .as_mapping()
        .context("the file is not a mapping of keys")?;
    let existing = root.get("years");
    let sequence = existing
        .as_ref()
        .and_then(|node| node.as_sequence().cloned())
        .filter(|s| !s.is_empty() && !s.is_flow_style());
    match sequence {
        Some(sequence) => {
            for figures in years.values() {
                update_or_insert(&sequence, figures)?;
            }
        }
        None => {
            let all: String = years.values().map(|y| list_item(&year_text(y))).collect();
            let sequence = parse_sequence(&all)?;
            if existing.is_some() {
                root.set("years", &sequence);
            } else if !root.insert_after("base_year", "years", &sequence) {
                root.insert_at_index(0, "years", &sequence);
            }
        }
    }
    Ok(doc.to_string())
}

fn update_or_insert(sequence: &Sequence, figures: &YearFigures) -> anyhow::Result<()> {
    let years: Vec<Option<i64>> = sequence
        .values()
        .map(|item| {
            item.as_mapping()
                .and_then(|m| m.get("year"))
                .and_then(|y| y.to_i64())
        })
        .collect();
    let wanted = i64::from(figures.year);
    if let Some(i) = years.iter().position(|y| *y == Some(wanted)) {
        let item = sequence.get(i).context("a year vanished from the list")?;
        let mapping = item.as_mapping().context("a year entry is not a mapping")?;
        update_year(mapping, figures)
    } else {
        let at = years
            .iter()
            .position(|y| y.is_some_and(|y| y > wanted))
            .unwrap_or(years.len());
        // After any comment lines above entry `at` (yaml-edit inserts right before an entry):
        // docs/import.md says so.
        sequence.insert(at, parse_mapping(&year_text(figures))?);
        Ok(())
    }
}

fn update_year(year: &Mapping, figures: &YearFigures) -> anyhow::Result<()> {
    let status_now = year
        .get("status")
        .and_then(|s| s.as_scalar().map(|s| s.as_string()));
    if status_now.as_deref() != Some(figures.status) {
        put(year, "status", ScalarValue::parse(figures.status));
    }
    for (key, value) in [
        ("employees", figures.employees),
        ("revenue_mnok", figures.revenue_mnok),
    ] {
        if let Some(value) = value {
            put_number(year, key, value);
        }
    }
    put_scope(year, "scope1", figures.scope1.as_ref())?;
    let scope2 = figures.scope2_location.map(|location| {
        let mut pairs = vec![("location_based", location)];
        pairs.extend(figures.scope2_market.map(|m| ("market_based", m)));
        ScopeFigures::Categories(pairs)
    });
    put_scope(year, "scope2", scope2.as_ref())?;
    put_scope(year, "scope3", figures.scope3.as_ref())?;
    if let Some(note) = &figures.note {
        let now = year
            .get("note")
            .and_then(|n| n.as_scalar().map(|s| s.as_string()));
        if now.as_deref() != Some(note.as_str()) {
            put(year, "note", ScalarValue::double_quoted(note.as_str()));
        }
    }
    Ok(())
}

/// Sets a scope to the imported figures, changing only the figures that differ when the file
/// already lists the scope by category; `None` removes the scope.
fn put_scope(year: &Mapping, key: &str, figures: Option<&ScopeFigures>) -> anyhow::Result<()> {
    let Some(figures) = figures else {
        year.remove(key);
        return Ok(());
    };
    match (figures, year.get_mapping(key)) {
        (ScopeFigures::Total(value), _) => put_number(year, key, *value),
        (ScopeFigures::Categories(pairs), Some(map)) => {
            for (category, value) in pairs {
                put_number(&map, category, *value);
            }
            let stale: Vec<String> = map
                .keys()
                .filter_map(|k| k.as_scalar().map(|s| s.as_string()))
                .filter(|k| !pairs.iter().any(|(c, _)| c == k))
                .collect();
            for k in stale {
                map.remove(k.as_str());
            }
        }
        (ScopeFigures::Categories(pairs), None) => {
            let text: String = pairs
                .iter()
                .map(|(c, v)| format!("{c}: {}\n", number(*v)))
                .collect();
            put(year, key, parse_mapping(&text)?);
        }
    }
    Ok(())
}

/// Sets a number unless the file already has that number (in whatever form it was written).
fn put_number(map: &Mapping, key: &str, value: f64) {
    let now = map.get(key).and_then(|v| v.to_f64());
    if now != Some(value) {
        put(map, key, ScalarValue::parse(number(value)));
    }
}

/// Sets `key`, adding it after the keys that come before it in SPEC §4's order.
fn put(map: &Mapping, key: &str, value: impl yaml_edit::AsYaml) {
    if map.contains_key(key) {
        map.set(key, value);
        return;
    }
    let rank = YEAR_KEYS.iter().position(|k| *k == key);
    let before = rank.and_then(|r| YEAR_KEYS[..r].iter().rev().find(|k| map.contains_key(**k)));
    match before {
        Some(previous) => {
            map.insert_after(*previous, key, value);
        }
        None if rank.is_some() => map.insert_at_index(0, key, value),
        None => map.set(key, value),
    }
}

/// The text of a number as YAML reads it back exactly (the shortest form of the `f64`).
pub fn number(value: f64) -> String {
    if value == 0.0 {
        "0".into()
    } else {
        value.to_string()
    }
}

/// One year entry as YAML text, keys in SPEC §4's order.
fn year_text(y: &YearFigures) -> String {
    let mut out = format!("year: {}\nstatus: {}\n", y.year, y.status);
    for (key, value) in [("employees", y.employees), ("revenue_mnok", y.revenue_mnok)] {
        if let Some(value) = value {
            out.push_str(&format!("{key}: {}\n", number(value)));
        }
    }
    let scope = |out: &mut String, key: &str, figures: &Option<ScopeFigures>| match figures {
        None => {}
        Some(ScopeFigures::Total(v)) => out.push_str(&format!("{key}: {}\n", number(*v))),
        Some(ScopeFigures::Categories(pairs)) => {
            out.push_str(&format!("{key}:\n"));
            for (c, v) in pairs {
                out.push_str(&format!("  {c}: {}\n", number(*v)));
            }
        }
    };
    scope(&mut out, "scope1", &y.scope1);
    if let Some(location) = y.scope2_location {
        out.push_str(&format!(
            "scope2:\n  location_based: {}\n",
            number(location)
        ));
        if let Some(market) = y.scope2_market {
            out.push_str(&format!("  market_based: {}\n", number(market)));
        }
    }
    scope(&mut out, "scope3", &y.scope3);
    if let Some(note) = &y.note {
        // A JSON string is a valid YAML double-quoted scalar (notes hold no control characters).
        out.push_str(&format!(
            "note: {}\n",
            serde_json::Value::from(note.as_str())
        ));
    }
    out
}

/// `- ` before the first line of an entry, two spaces before the others.
fn list_item(text: &str) -> String {
    text.lines()
        .enumerate()
        .map(|(i, line)| format!("{}{line}\n", if i == 0 { "  - " } else { "    " }))
        .collect()
}

fn parse_mapping(text: &str) -> anyhow::Result<Mapping> {
    let doc = Document::from_str(text).map_err(|e| anyhow!("{e}"))?;
    doc.as_mapping().context("a built year is not a mapping")
}

fn parse_sequence(text: &str) -> anyhow::Result<Sequence> {
    let doc = Document::from_str(text).map_err(|e| anyhow!("{e}"))?;
    doc.as_sequence().context("the built years are not a list")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::messages::Loc;

    fn year(y: i32) -> YearFigures {
        YearFigures {
            year: y,
            status: "final",
            scope1: Some(ScopeFigures::Total(100.0)),
            scope2_location: Some(10.0),
            scope2_market: None,
            scope3: None,
            employees: None,
            revenue_mnok: None,
            note: None,
            at: Loc::file("x"),
        }
    }

    fn merged(old: &str, years: &[YearFigures]) -> String {
        let map = years.iter().map(|y| (y.year, y.clone())).collect();
        merge(Some(old), &map).unwrap()
    }

    const FILE: &str = "# topp\nbase_year: 2019\nyears:\n  - year: 2019 # første\n    status: final\n    scope1: 100.0 # uendret\n    scope2: { location_based: 10 }\n    note: \"Hei\"\ntargets: []\n";

    #[test]
    fn an_unchanged_import_leaves_the_text_as_it_was() {
        assert_eq!(merged(FILE, &[year(2019)]), FILE);
    }

    #[test]
    fn changes_a_figure_in_a_flow_mapping_in_place() {
        let mut y = year(2019);
        y.scope2_location = Some(11.5);
        let text = merged(FILE, &[y]);
        assert!(
            text.contains("    scope2: { location_based: 11.5 }\n"),
            "{text}"
        );
        assert!(text.contains("scope1: 100.0 # uendret"), "{text}");
    }

    #[test]
    fn adds_a_scope_after_the_keys_that_come_before_it() {
        let mut y = year(2019);
        y.scope3 = Some(ScopeFigures::Categories(vec![("business_travel", 2.5)]));
        let text = merged(FILE, &[y]);
        assert!(
            text.contains("    scope2: { location_based: 10 }\n    scope3:\n      business_travel: 2.5\n    note: \"Hei\"\n"),
            "{text}"
        );
    }

    #[test]
    fn removes_a_scope_the_import_does_not_give() {
        let mut y = year(2019);
        y.scope1 = None;
        let text = merged(FILE, &[y]);
        assert!(!text.contains("scope1"), "{text}");
        assert!(text.contains("location_based: 10"), "{text}");
    }

    #[test]
    fn puts_new_years_in_order() {
        let text = merged(FILE, &[year(2024), year(2018)]);
        let order: Vec<&str> = text.lines().filter(|l| l.contains("- year:")).collect();
        assert_eq!(
            order,
            [
                "  - year: 2018",
                "  - year: 2019 # første",
                "  - year: 2024"
            ]
        );
    }

    #[test]
    fn a_year_inserted_between_two_keeps_every_comment() {
        let file = "base_year: 2019\nyears:\n  - year: 2019 # første\n    scope1: 1 # ett\n  # 2024 fra Klimakost\n  - year: 2024\n    scope1: 2\n";
        let text = merged(file, &[year(2023)]);
        for comment in ["# første", "# ett", "# 2024 fra Klimakost"] {
            assert_eq!(text.matches(comment).count(), 1, "{text}");
        }
        let order: Vec<&str> = text.lines().filter(|l| l.contains("- year:")).collect();
        assert_eq!(
            order,
            [
                "  - year: 2019 # første",
                "  - year: 2023",
                "  - year: 2024"
            ]
        );
    }

    #[test]
    fn adds_the_list_of_years_to_a_file_without_one() {
        let text = merged("base_year: 2020 # basis\ntargets: []\n", &[year(2020)]);
        assert!(
            text.starts_with("base_year: 2020 # basis\nyears:\n"),
            "{text}"
        );
        assert!(text.ends_with("targets: []\n"), "{text}");
    }

    #[test]
    fn a_new_file_starts_at_the_first_imported_year() {
        let map = [year(2022), year(2021)]
            .into_iter()
            .map(|y| (y.year, y))
            .collect();
        let text = merge(None, &map).unwrap();
        assert!(
            text.contains("\nbase_year: 2021\nyears:\n  - year: 2021\n"),
            "{text}"
        );
    }

    #[test]
    fn a_note_with_quotes_and_colons_is_written_as_a_quoted_string() {
        let mut y = year(2019);
        y.note = Some("Ny \"bil\": el # og hydrogen".into());
        let text = merged(FILE, &[y.clone()]);
        let raw: crate::load::raw::RawEmissions = crate::load::yaml::parse(
            "e.yaml",
            &text,
            0,
            &mut crate::diagnostics::Diagnostics::new(),
        )
        .unwrap();
        assert_eq!(raw.years[0].note.as_deref(), y.note.as_deref());
    }
}
