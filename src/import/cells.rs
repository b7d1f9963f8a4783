//! One cell's value: a year, a scope, a category and method (which figure a row gives), a
//! choice from a fixed list, a figure. Each problem is a diagnostic at the cell; the row rules
//! (twice, total and categories, status per year) are `input.rs`'s. Pure.

use super::input::{Cell, Field};
use super::messages::{Loc, Msg, What};
use super::numbers::parse_number;
use crate::diagnostics::Diagnostics;
use crate::messages::{Arg, Args, Quote, ids};
use crate::model::{SCOPE1_CATEGORIES, SCOPE3_CATEGORIES};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Figure {
    Scope1Total,
    Scope1(&'static str),
    Scope2Location,
    Scope2Market,
    Scope3Total,
    Scope3(&'static str),
}

impl Figure {
    /// How messages name the figure: "scope 1 (total)", "scope 2 location-based".
    pub fn name(self) -> Arg {
        let (id, args): (_, Args) = match self {
            Figure::Scope1Total | Figure::Scope3Total => (
                ids::IMPORT_FIGURE_TOTAL,
                vec![("scope", self.scope().to_string().into())],
            ),
            Figure::Scope1(c) | Figure::Scope3(c) => (
                ids::IMPORT_FIGURE_CATEGORY,
                vec![
                    ("scope", self.scope().to_string().into()),
                    ("category", c.into()),
                ],
            ),
            Figure::Scope2Location => (ids::IMPORT_FIGURE_LOCATION, vec![]),
            Figure::Scope2Market => (ids::IMPORT_FIGURE_MARKET, vec![]),
        };
        Arg::Message(Box::new(Quote {
            id,
            help: false,
            args,
        }))
    }

    pub fn scope(self) -> u8 {
        match self {
            Figure::Scope1Total | Figure::Scope1(_) => 1,
            Figure::Scope2Location | Figure::Scope2Market => 2,
            Figure::Scope3Total | Figure::Scope3(_) => 3,
        }
    }

    pub fn is_total(self) -> bool {
        matches!(self, Figure::Scope1Total | Figure::Scope3Total)
    }
}

pub fn year(field: &Field, diags: &mut Diagnostics) -> Option<i32> {
    let text = match &field.cell {
        Cell::Empty => {
            diags.push(
                Msg::MissingValue {
                    what: What::Year,
                    example: "2024",
                }
                .at(&field.at),
            );
            return None;
        }
        Cell::Error(e) => {
            diags.push(
                Msg::SpreadsheetError {
                    what: What::YearCell,
                    error: e.clone(),
                }
                .at(&field.at),
            );
            return None;
        }
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e9 => {
            return check_year(*n as i64, field, diags);
        }
        Cell::Number(n) => n.to_string(),
        Cell::Text(t) => t.clone(),
    };
    match text.trim().parse::<i64>() {
        Ok(y) => check_year(y, field, diags),
        Err(_) => {
            diags.push(Msg::NotAYear { text }.at(&field.at));
            None
        }
    }
}

fn check_year(year: i64, field: &Field, diags: &mut Diagnostics) -> Option<i32> {
    if (1990..=2100).contains(&year) {
        Some(year as i32)
    } else {
        diags.push(Msg::ImplausibleYear { year }.at(&field.at));
        None
    }
}

pub fn scope(field: &Field, diags: &mut Diagnostics) -> Option<u8> {
    let Some(text) = field.cell.as_text() else {
        diags.push(
            Msg::MissingValue {
                what: What::Scope,
                example: "1",
            }
            .at(&field.at),
        );
        return None;
    };
    let lower = text.to_lowercase();
    let bare = lower.trim_start_matches("scope").trim();
    match bare {
        "1" => Some(1),
        "2" => Some(2),
        "3" => Some(3),
        _ => {
            diags.push(Msg::UnknownScope { given: text }.at(&field.at));
            None
        }
    }
}

/// Scope, category and method → which figure a row gives.
pub fn figure(
    scope: u8,
    category: Option<&Field>,
    method: Option<&Field>,
    diags: &mut Diagnostics,
) -> Option<Figure> {
    let category_text = category
        .and_then(|f| f.cell.as_text())
        .map(|t| t.trim().to_string());
    let method_text = method.and_then(|f| f.cell.as_text());
    if scope != 2 {
        if let (Some(_), Some(f)) = (&method_text, method) {
            diags.push(Msg::MethodOutsideScope2 { scope }.at(&f.at));
            return None;
        }
        let (keys, total, wrap): (&[&'static str], Figure, fn(&'static str) -> Figure) =
            if scope == 1 {
                (&SCOPE1_CATEGORIES, Figure::Scope1Total, Figure::Scope1)
            } else {
                (&SCOPE3_CATEGORIES, Figure::Scope3Total, Figure::Scope3)
            };
        let Some(given) = category_text.filter(|t| t.to_lowercase() != "total") else {
            return Some(total);
        };
        return match category_key(&given, keys) {
            Some(key) => Some(wrap(key)),
            None => {
                let at = category
                    .map(|f| f.at.clone())
                    .unwrap_or_else(|| Loc::file(""));
                diags.push(
                    Msg::UnknownCategory {
                        scope,
                        given,
                        keys: keys.to_vec(),
                    }
                    .at(&at),
                );
                None
            }
        };
    }
    // Scope 2: the method column (v2 files, the workbook), or the category (`location_based`).
    let from_category = match category_text.as_deref().map(str::to_lowercase).as_deref() {
        None | Some("total") => None,
        Some("location_based" | "location") => Some(Figure::Scope2Location),
        Some("market_based" | "market") => Some(Figure::Scope2Market),
        Some(_) => {
            let given = category_text.clone().unwrap_or_default();
            let at = category
                .map(|f| f.at.clone())
                .unwrap_or_else(|| Loc::file(""));
            diags.push(
                Msg::UnknownCategory {
                    scope: 2,
                    given,
                    keys: vec!["location_based", "market_based"],
                }
                .at(&at),
            );
            return None;
        }
    };
    let from_method = match (method_text, method) {
        (Some(text), Some(f)) => {
            let key = choice(
                &text,
                &["location", "market"],
                &["lokasjonsbasert", "markedsbasert"],
                What::Method,
                &f.at,
                diags,
            )?;
            Some(if key == "location" {
                Figure::Scope2Location
            } else {
                Figure::Scope2Market
            })
        }
        _ => None,
    };
    match (from_category, from_method) {
        (Some(c), Some(m)) if c != m => {
            let method = if m == Figure::Scope2Location {
                "location"
            } else {
                "market"
            };
            let at = category
                .map(|f| f.at.clone())
                .unwrap_or_else(|| Loc::file(""));
            diags.push(
                Msg::CategoryAgainstMethod {
                    category: category_text.unwrap_or_default(),
                    method,
                }
                .at(&at),
            );
            None
        }
        (Some(f), _) | (None, Some(f)) => Some(f),
        (None, None) => {
            let at = method
                .or(category)
                .map(|f| f.at.clone())
                .unwrap_or_else(|| Loc::file(""));
            diags.push(Msg::MissingMethod.at(&at));
            None
        }
    }
}

/// A category key, or its Norwegian name as the template lists it beside the key.
fn category_key(given: &str, keys: &[&'static str]) -> Option<&'static str> {
    let lower = given.to_lowercase();
    let nb = crate::strings::Strings::embedded(crate::model::Language::Nb);
    keys.iter()
        .copied()
        .find(|k| *k == lower || nb.category(k).to_lowercase() == lower)
}

/// One of `allowed` (or its Norwegian word at the same index in `aliases`).
pub fn choice(
    text: &str,
    allowed: &[&'static str],
    aliases: &[&str],
    what: What,
    at: &Loc,
    diags: &mut Diagnostics,
) -> Option<&'static str> {
    let lower = text.trim().to_lowercase();
    if let Some(i) = allowed
        .iter()
        .position(|a| *a == lower)
        .or_else(|| aliases.iter().position(|a| *a == lower))
    {
        return allowed.get(i).copied();
    }
    diags.push(
        Msg::UnknownChoice {
            what,
            given: text.trim().to_string(),
            allowed: allowed.to_vec(),
        }
        .at(at),
    );
    None
}

/// A figure: a number cell, or text as spreadsheets write numbers. `None` after an error.
pub fn amount(field: &Field, what: What, diags: &mut Diagnostics) -> Option<f64> {
    let value = match &field.cell {
        Cell::Empty => return None,
        Cell::Number(n) => *n,
        Cell::Error(e) => {
            diags.push(
                Msg::SpreadsheetError {
                    what,
                    error: e.clone(),
                }
                .at(&field.at),
            );
            return None;
        }
        Cell::Text(t) => match parse_number(t) {
            Some(n) => n,
            None => {
                diags.push(
                    Msg::NotANumber {
                        what,
                        text: t.clone(),
                    }
                    .at(&field.at),
                );
                return None;
            }
        },
    };
    if !value.is_finite() {
        diags.push(
            Msg::NotANumber {
                what,
                text: value.to_string(),
            }
            .at(&field.at),
        );
        None
    } else if value < 0.0 {
        diags.push(Msg::Negative { what, value }.at(&field.at));
        None
    } else {
        Some(value)
    }
}
