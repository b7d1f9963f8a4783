//! What a workbook or CSV file says, before it meets a YAML file: rows of cells with their
//! places, and the rules that turn them into one set of figures per partner and year.
//!
//! Shared by `csv.rs` and `xlsx.rs`, so both formats accept the same values and give the same
//! messages. Pure: no IO, and nothing here knows about YAML.

use std::collections::BTreeMap;

use super::cells::{Figure, amount, choice, figure, scope, year};
use super::messages::{Loc, Msg, What};
use crate::diagnostics::Diagnostics;
use crate::messages::{Arg, ids};
use crate::model::{SCOPE1_CATEGORIES, SCOPE3_CATEGORIES};

/// One cell as the reader found it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Number(f64),
    Text(String),
    /// A spreadsheet error value such as `#DIV/0!`.
    Error(String),
}

impl Cell {
    pub fn text(text: &str) -> Cell {
        let text = text.trim();
        if text.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(text.to_string())
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == Cell::Empty
    }

    /// The cell as text, for choices (`final`, `2`, a category key).
    pub fn as_text(&self) -> Option<String> {
        match self {
            Cell::Empty | Cell::Error(_) => None,
            Cell::Number(n) => Some(n.to_string()),
            Cell::Text(t) => Some(t.clone()),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub cell: Cell,
    pub at: Loc,
}

/// The columns a file may have, found by their header (any order, any case).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Slug,
    Year,
    Status,
    Scope,
    Category,
    Method,
    Value,
    Unit,
    Note,
}

/// Each column: the header the template writes, and every header that is read as it.
pub const COLUMNS: [(Column, &str, &[&str]); 9] = [
    (Column::Slug, "slug", &["slug", "partner"]),
    (Column::Year, "År", &["år", "year", "ar"]),
    (Column::Status, "Status", &["status"]),
    (Column::Scope, "Scope", &["scope"]),
    (Column::Category, "Kategori", &["kategori", "category"]),
    (Column::Method, "Metode", &["metode", "method"]),
    (
        Column::Value,
        "Tonn CO₂e",
        &["tonn co₂e", "tonn co2e", "tco2e", "tonn", "tonnes"],
    ),
    (Column::Unit, "Enhet", &["enhet", "unit"]),
    (Column::Note, "Merknad", &["merknad", "note"]),
];

pub fn column_for(header: &str) -> Option<Column> {
    let header = header.split_whitespace().collect::<Vec<_>>().join(" ");
    let header = header.to_lowercase();
    COLUMNS
        .iter()
        .find(|(_, _, names)| names.contains(&header.as_str()))
        .map(|(column, _, _)| *column)
}

pub fn header_of(column: Column) -> &'static str {
    COLUMNS
        .iter()
        .find(|(c, _, _)| *c == column)
        .map_or("", |(_, header, _)| header)
}

/// One row of figures. `None` for a column the file does not have.
#[derive(Debug, Clone, Default)]
pub struct Row {
    pub fields: BTreeMap<ColumnKey, Field>,
}

/// `Column` as a map key (declaration order).
pub type ColumnKey = u8;

impl Row {
    pub fn set(&mut self, column: Column, field: Field) {
        self.fields.insert(column as u8, field);
    }

    pub fn get(&self, column: Column) -> Option<&Field> {
        self.fields.get(&(column as u8))
    }

    fn is_blank(&self) -> bool {
        self.fields.values().all(|f| f.cell.is_empty())
    }
}

/// `employees` and `revenue_mnok` for a year (the Profil sheet's table).
#[derive(Debug, Clone)]
pub struct YearExtra {
    pub year: i32,
    pub employees: Option<f64>,
    pub revenue_mnok: Option<f64>,
    pub at: Loc,
}

/// The status of a year, as `emissions.yaml` writes it.
pub const STATUSES: [&str; 2] = ["final", "preliminary"];

/// A scope given as one figure or by category (keys in the order of SPEC §4).
#[derive(Debug, Clone, PartialEq)]
pub enum ScopeFigures {
    Total(f64),
    Categories(Vec<(&'static str, f64)>),
}

/// Everything the file gives for one partner's year.
#[derive(Debug, Clone, PartialEq)]
pub struct YearFigures {
    pub year: i32,
    pub status: &'static str,
    pub scope1: Option<ScopeFigures>,
    pub scope2_location: Option<f64>,
    pub scope2_market: Option<f64>,
    pub scope3: Option<ScopeFigures>,
    pub employees: Option<f64>,
    pub revenue_mnok: Option<f64>,
    pub note: Option<String>,
    /// The first row of the year (for messages about the year as a whole).
    pub at: Loc,
}

/// The figures of one partner, keyed by year. `key` is the slug column's value (CSV) or empty
/// (a workbook is for one partner).
#[derive(Debug, Clone)]
pub struct PartnerFigures {
    pub key: String,
    pub at: Option<Loc>,
    pub years: BTreeMap<i32, YearFigures>,
}

/// A year being put together from its rows.
struct YearBuild {
    at: Loc,
    status: Option<(&'static str, Loc)>,
    status_loc: Option<Loc>,
    figures: BTreeMap<Figure, (f64, Loc)>,
    notes: Vec<String>,
}

/// Rows → figures per partner and year, with every problem of every row reported.
pub fn assemble(
    rows: &[Row],
    extras: &[YearExtra],
    diags: &mut Diagnostics,
) -> Vec<PartnerFigures> {
    for (i, extra) in extras.iter().enumerate() {
        if let Some(first) = extras[..i].iter().find(|e| e.year == extra.year) {
            diags.push(
                Msg::Twice {
                    year: extra.year,
                    figure: Arg::word(ids::IMPORT_WHAT_YEAR),
                    first: first.at.name(),
                }
                .at(&extra.at),
            );
        }
    }
    let mut partners: BTreeMap<String, (Option<Loc>, BTreeMap<i32, YearBuild>)> = BTreeMap::new();
    for row in rows.iter().filter(|r| !r.is_blank()) {
        let Some(parsed) = parse_row(row, diags) else {
            continue;
        };
        let entry = partners
            .entry(parsed.partner.clone())
            .or_insert_with(|| (parsed.partner_at.clone(), BTreeMap::new()));
        let year = entry.1.entry(parsed.year).or_insert_with(|| YearBuild {
            at: parsed.year_at.clone(),
            status: None,
            status_loc: None,
            figures: BTreeMap::new(),
            notes: Vec::new(),
        });
        add_row(year, parsed, diags);
    }
    partners
        .into_iter()
        .map(|(key, (at, years))| PartnerFigures {
            key,
            at,
            years: years
                .into_iter()
                .filter_map(|(y, build)| finish_year(y, build, extras, diags).map(|f| (y, f)))
                .collect(),
        })
        .collect()
}

struct ParsedRow {
    partner: String,
    partner_at: Option<Loc>,
    year: i32,
    year_at: Loc,
    status: Option<(&'static str, Loc)>,
    status_loc: Option<Loc>,
    figure: Figure,
    value: f64,
    value_at: Loc,
    note: Option<String>,
}

fn parse_row(row: &Row, diags: &mut Diagnostics) -> Option<ParsedRow> {
    let value_field = row.get(Column::Value)?;
    // A row without a figure is "not reported" (a template row left empty).
    if value_field.cell.is_empty() {
        return None;
    }
    let errors = diags.error_count();
    let partner = row.get(Column::Slug).map(|f| match f.cell.as_text() {
        Some(slug) => slug.trim().to_string(),
        None => {
            diags.push(
                Msg::MissingValue {
                    what: What::Slug,
                    example: "granlia-ror",
                }
                .at(&f.at),
            );
            String::new()
        }
    });
    let year_field = row.get(Column::Year)?;
    let year = year(year_field, diags);
    let scope = row.get(Column::Scope).and_then(|f| scope(f, diags));
    let figure =
        scope.and_then(|s| figure(s, row.get(Column::Category), row.get(Column::Method), diags));
    let value = amount(value_field, What::Tonnes, diags);
    let status = row.get(Column::Status).and_then(|f| {
        let text = f.cell.as_text()?;
        choice(
            &text,
            &STATUSES,
            &["endelig", "foreløpig"],
            What::Status,
            &f.at,
            diags,
        )
        .map(|s| (s, f.at.clone()))
    });
    if let Some(unit) = row
        .get(Column::Unit)
        .and_then(|f| f.cell.as_text().map(|t| (t, f)))
    {
        let normal = unit.0.replace('₂', "2").to_lowercase().replace(' ', "");
        if !matches!(normal.as_str(), "tco2e" | "tonnco2e" | "t") {
            diags.push(Msg::WrongUnit { unit: unit.0 }.at(&unit.1.at));
        }
    }
    if diags.error_count() > errors {
        return None;
    }
    Some(ParsedRow {
        partner: partner.unwrap_or_default(),
        partner_at: row.get(Column::Slug).map(|f| f.at.clone()),
        year: year?,
        year_at: year_field.at.clone(),
        status,
        status_loc: row.get(Column::Status).map(|f| f.at.clone()),
        figure: figure?,
        value: value?,
        value_at: value_field.at.clone(),
        note: row
            .get(Column::Note)
            .and_then(|f| f.cell.as_text())
            .map(|t| clean_note(&t))
            .filter(|t| !t.is_empty()),
    })
}

fn add_row(year: &mut YearBuild, row: ParsedRow, diags: &mut Diagnostics) {
    if year.status_loc.is_none() {
        year.status_loc = row.status_loc.clone();
    }
    if let Some((status, at)) = row.status {
        match &year.status {
            Some((first, first_at)) if *first != status => diags.push(
                Msg::StatusDiffers {
                    year: row.year,
                    status,
                    first,
                    at: first_at.name(),
                }
                .at(&at),
            ),
            Some(_) => {}
            None => year.status = Some((status, at)),
        }
    }
    if let Some((_, first)) = year.figures.get(&row.figure) {
        diags.push(
            Msg::Twice {
                year: row.year,
                figure: row.figure.name(),
                first: first.name(),
            }
            .at(&row.value_at),
        );
        return;
    }
    let clash = year.figures.iter().find(|(f, _)| {
        f.scope() == row.figure.scope() && f.scope() != 2 && f.is_total() != row.figure.is_total()
    });
    if let Some((_, (_, other))) = clash {
        diags.push(
            Msg::TotalAndCategories {
                year: row.year,
                scope: row.figure.scope(),
                other: other.name(),
            }
            .at(&row.value_at),
        );
        return;
    }
    if let Some(note) = row.note
        && !year.notes.contains(&note)
    {
        year.notes.push(note);
    }
    year.figures.insert(row.figure, (row.value, row.value_at));
}

fn finish_year(
    year: i32,
    build: YearBuild,
    extras: &[YearExtra],
    diags: &mut Diagnostics,
) -> Option<YearFigures> {
    let status = match build.status {
        Some((status, _)) => status,
        None => {
            let at = build.status_loc.as_ref().unwrap_or(&build.at);
            diags.push(
                Msg::MissingValue {
                    what: What::YearStatus,
                    example: "final",
                }
                .at(at),
            );
            return None;
        }
    };
    let get = |f: Figure| build.figures.get(&f).map(|(v, _)| *v);
    if let (None, Some((_, at))) = (
        get(Figure::Scope2Location),
        build.figures.get(&Figure::Scope2Market),
    ) {
        diags.push(Msg::MarketWithoutLocation { year }.at(at));
        return None;
    }
    let scope = |total: Figure, keys: &[&'static str], wrap: fn(&'static str) -> Figure| {
        if let Some(v) = get(total) {
            return Some(ScopeFigures::Total(v));
        }
        let categories: Vec<(&'static str, f64)> = keys
            .iter()
            .filter_map(|k| get(wrap(k)).map(|v| (*k, v)))
            .collect();
        (!categories.is_empty()).then_some(ScopeFigures::Categories(categories))
    };
    let extra = extras.iter().find(|e| e.year == year);
    Some(YearFigures {
        year,
        status,
        scope1: scope(Figure::Scope1Total, &SCOPE1_CATEGORIES, Figure::Scope1),
        scope2_location: get(Figure::Scope2Location),
        scope2_market: get(Figure::Scope2Market),
        scope3: scope(Figure::Scope3Total, &SCOPE3_CATEGORIES, Figure::Scope3),
        employees: extra.and_then(|e| e.employees),
        revenue_mnok: extra.and_then(|e| e.revenue_mnok),
        note: (!build.notes.is_empty()).then(|| build.notes.join(" ")),
        at: build.at,
    })
}

/// Notes are one line of plain text in the YAML file: control characters and line breaks
/// become spaces.
fn clean_note(text: &str) -> String {
    text.split(|c: char| c.is_control() || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row of `(column, cell text)`, each cell at its own column of line `line`.
    fn row(line: u32, cells: &[(Column, &str)]) -> Row {
        let mut row = Row::default();
        for (i, (column, text)) in cells.iter().enumerate() {
            row.set(
                *column,
                Field {
                    cell: Cell::text(text),
                    at: Loc::at("f.csv", line, i as u32 + 1),
                },
            );
        }
        row
    }

    fn figures<'a>(
        year: &'a str,
        status: &'a str,
        scope: &'a str,
        category: &'a str,
        value: &'a str,
    ) -> Vec<(Column, &'a str)> {
        vec![
            (Column::Year, year),
            (Column::Status, status),
            (Column::Scope, scope),
            (Column::Category, category),
            (Column::Value, value),
        ]
    }

    fn run(rows: &[Row]) -> (Vec<PartnerFigures>, Vec<crate::diagnostics::Diagnostic>) {
        let mut diags = Diagnostics::new();
        let out = assemble(rows, &[], &mut diags);
        (out, diags.sorted())
    }

    #[test]
    fn categories_may_be_written_by_their_norwegian_name() {
        let (out, diags) = run(&[row(
            2,
            &figures("2024", "final", "1", "Mobil forbrenning", "3"),
        )]);
        assert!(diags.is_empty(), "{diags:?}");
        let y = &out[0].years[&2024];
        assert_eq!(
            y.scope1,
            Some(ScopeFigures::Categories(vec![("mobile_combustion", 3.0)]))
        );
    }

    #[test]
    fn an_empty_figure_cell_is_not_reported() {
        let (out, diags) = run(&[
            row(2, &figures("2024", "final", "1", "", "3")),
            row(3, &figures("2024", "final", "3", "business_travel", "")),
        ]);
        assert!(diags.is_empty());
        assert_eq!(out[0].years[&2024].scope3, None);
    }

    #[test]
    fn a_scope_given_as_a_total_and_by_category_is_an_error() {
        let (_, diags) = run(&[
            row(2, &figures("2024", "final", "1", "total", "3")),
            row(3, &figures("2024", "final", "1", "process", "1")),
        ]);
        assert_eq!(
            diags[0].message,
            "2024: scope 1 is given both as a total and by category"
        );
        assert_eq!((diags[0].line, diags[0].column), (3, 5));
    }

    #[test]
    fn the_rows_of_a_year_must_agree_on_its_status() {
        let (_, diags) = run(&[
            row(2, &figures("2024", "final", "1", "", "3")),
            row(3, &figures("2024", "preliminary", "3", "", "1")),
        ]);
        assert_eq!(
            diags[0].message,
            "2024: status `preliminary` here, but `final` at f.csv:2:2"
        );
    }

    #[test]
    fn a_method_on_a_scope_1_row_is_an_error() {
        let mut cells = figures("2024", "final", "1", "", "3");
        cells.push((Column::Method, "market"));
        let (_, diags) = run(&[row(2, &cells)]);
        assert_eq!(
            diags[0].message,
            "a method belongs to scope 2 only, not to scope 1"
        );
    }

    #[test]
    fn a_unit_other_than_tonnes_is_refused() {
        let mut cells = figures("2024", "final", "1", "", "3000");
        cells.push((Column::Unit, "kg"));
        let (_, diags) = run(&[row(2, &cells)]);
        assert_eq!(
            diags[0].message,
            "unit `kg`: figures must be in tonnes CO₂e"
        );
    }

    #[test]
    fn a_negative_figure_is_refused_at_its_cell() {
        let (_, diags) = run(&[row(2, &figures("2024", "final", "1", "", "−3"))]);
        assert_eq!(diags[0].message, "tonnes CO₂e is negative (-3)");
        assert_eq!(diags[0].column, 5);
    }

    #[test]
    fn notes_of_a_year_are_joined_once_each() {
        let mut a = figures("2024", "final", "1", "", "3");
        a.push((Column::Note, "Ny bil\nfra mars"));
        let mut b = figures("2024", "final", "3", "", "1");
        b.push((Column::Note, "Ny bil fra mars"));
        let (out, diags) = run(&[row(2, &a), row(3, &b)]);
        assert!(diags.is_empty());
        assert_eq!(out[0].years[&2024].note.as_deref(), Some("Ny bil fra mars"));
    }
}
