//! Reads a reporting workbook (the one `nfk template xlsx` writes, filled in and saved by Excel
//! or LibreOffice) into [`Row`]s with their cells, plus the Profil sheet's organisation number
//! and yearly employees and revenue.
//!
//! Cells are taken as the spreadsheet saved them: a formula cell gives its cached value.
//! `.xlsx` sheets are read cell by cell with a cap on the number of cells, so a stray cell in
//! row 1 048 576 does not make nfk allocate the whole grid. It does not judge values
//! (`input.rs` does) and never writes.

use std::collections::BTreeMap;
use std::path::Path;

use calamine::{Data, Reader, Sheets};

use super::cells::{amount, year};
use super::input::{Cell, Column, Field, Row, YearExtra, column_for, header_of};
use super::messages::{Loc, Msg, What};
use super::template::{
    EMISSIONS_SHEET, PROFILE_EMPLOYEES, PROFILE_ORG_NUMBER, PROFILE_REVENUE, PROFILE_SHEET,
};
use crate::diagnostics::Diagnostics;

/// More cells than any reporting workbook has (16 categories × 3 scopes × 30 years is 1 440 rows).
const MAX_CELLS: usize = 200_000;
/// The header row is looked for in the first rows only.
const HEADER_ROWS: u32 = 20;

const REQUIRED: [Column; 5] = [
    Column::Year,
    Column::Status,
    Column::Scope,
    Column::Category,
    Column::Value,
];

pub struct Workbook {
    pub rows: Vec<Row>,
    pub org_number: Option<(String, Loc)>,
    pub extras: Vec<YearExtra>,
}

/// One sheet's non-empty cells by (row, column), 0-based.
type Grid = BTreeMap<(u32, u32), Cell>;

/// `need_profile`: the Profil sheet must be there (it names the partner when `--partner` is not
/// given). `None` when the workbook cannot be used at all.
pub fn read(
    path: &Path,
    display: &str,
    need_profile: bool,
    diags: &mut Diagnostics,
) -> Option<Workbook> {
    let mut book = match calamine::open_workbook_auto(path) {
        Ok(book) => book,
        Err(e) => {
            diags.push(
                Msg::UnreadableWorkbook {
                    error: e.to_string(),
                }
                .at(&Loc::file(display)),
            );
            return None;
        }
    };
    let names = book.sheet_names();
    let Some(emissions_name) = sheet_named(&names, EMISSIONS_SHEET) else {
        diags.push(
            Msg::MissingSheet {
                name: EMISSIONS_SHEET,
                found: names.clone(),
            }
            .at(&Loc::file(display)),
        );
        return None;
    };
    let emissions = grid(&mut book, &emissions_name, display, diags)?;
    let rows = emission_rows(&emissions, display, &emissions_name, diags)?;
    let (org_number, extras) = match sheet_named(&names, PROFILE_SHEET) {
        Some(profile_name) => {
            let profile = grid(&mut book, &profile_name, display, diags)?;
            read_profile(&profile, display, &profile_name, diags)
        }
        None if need_profile => {
            diags.push(
                Msg::MissingSheet {
                    name: PROFILE_SHEET,
                    found: names.clone(),
                }
                .at(&Loc::file(display)),
            );
            return None;
        }
        None => (None, Vec::new()),
    };
    Some(Workbook {
        rows,
        org_number,
        extras,
    })
}

fn sheet_named(names: &[String], wanted: &str) -> Option<String> {
    let wanted = wanted.to_lowercase();
    names
        .iter()
        .find(|n| n.trim().to_lowercase() == wanted)
        .cloned()
}

fn grid<RS: std::io::Read + std::io::Seek>(
    book: &mut Sheets<RS>,
    sheet: &str,
    display: &str,
    diags: &mut Diagnostics,
) -> Option<Grid> {
    let mut grid = Grid::new();
    let too_many = |diags: &mut Diagnostics| {
        diags.push(
            Msg::TooLarge {
                bytes: MAX_CELLS as u64,
                limit: MAX_CELLS as u64,
            }
            .at(&Loc::file(&format!("{display}!{sheet}"))),
        );
    };
    let unreadable = |e: String, diags: &mut Diagnostics| {
        diags.push(Msg::UnreadableWorkbook { error: e }.at(&Loc::file(display)));
    };
    if let Sheets::Xlsx(xlsx) = book {
        let mut reader = match xlsx.worksheet_cells_reader(sheet) {
            Ok(reader) => reader,
            Err(e) => {
                unreadable(e.to_string(), diags);
                return None;
            }
        };
        loop {
            match reader.next_cell() {
                Ok(Some(cell)) => {
                    let value = to_cell(&Data::from(cell.get_value().clone()));
                    if value != Cell::Empty {
                        grid.insert(cell.get_position(), value);
                    }
                    if grid.len() > MAX_CELLS {
                        too_many(diags);
                        return None;
                    }
                }
                Ok(None) => break,
                Err(e) => {
                    unreadable(e.to_string(), diags);
                    return None;
                }
            }
        }
        return Some(grid);
    }
    let range = match book.worksheet_range(sheet) {
        Ok(range) => range,
        Err(e) => {
            unreadable(e.to_string(), diags);
            return None;
        }
    };
    let (top, left) = range.start().unwrap_or((0, 0));
    for (row, column, data) in range.used_cells() {
        let value = to_cell(data);
        if value != Cell::Empty {
            grid.insert((top + row as u32, left + column as u32), value);
        }
        if grid.len() > MAX_CELLS {
            too_many(diags);
            return None;
        }
    }
    Some(grid)
}

fn to_cell(data: &Data) -> Cell {
    match data {
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::text(s),
        Data::Bool(b) => Cell::Text(b.to_string()),
        Data::DateTime(d) => Cell::Text(d.to_string()),
        Data::Error(e) => Cell::Error(e.to_string()),
        Data::Empty => Cell::Empty,
    }
}

fn text_at(grid: &Grid, at: (u32, u32)) -> Option<String> {
    match grid.get(&at)? {
        Cell::Text(t) => Some(t.to_lowercase()),
        _ => None,
    }
}

fn field(grid: &Grid, display: &str, sheet: &str, row: u32, column: u32) -> Field {
    Field {
        cell: grid.get(&(row, column)).cloned().unwrap_or(Cell::Empty),
        at: Loc::cell(display, sheet, row, column),
    }
}

fn emission_rows(
    grid: &Grid,
    display: &str,
    sheet: &str,
    diags: &mut Diagnostics,
) -> Option<Vec<Row>> {
    let header = grid
        .iter()
        .take_while(|((row, _), _)| *row < HEADER_ROWS)
        .find(|(_, cell)| matches!(cell, Cell::Text(t) if column_for(t) == Some(Column::Year)))
        .map(|((row, _), _)| *row);
    let Some(header) = header else {
        diags.push(
            Msg::NoHeaderRow {
                sheet: EMISSIONS_SHEET,
                first: header_of(Column::Year),
            }
            .at(&Loc::file(&format!("{display}!{sheet}"))),
        );
        return None;
    };
    let columns: Vec<(u32, Column)> = grid
        .range((header, 0)..(header + 1, 0))
        .filter_map(|((_, c), cell)| match cell {
            Cell::Text(t) => column_for(t)
                .filter(|c| *c != Column::Slug)
                .map(|col| (*c, col)),
            _ => None,
        })
        .collect();
    let missing: Vec<Column> = REQUIRED
        .into_iter()
        .filter(|r| !columns.iter().any(|(_, c)| c == r))
        .collect();
    if !missing.is_empty() {
        for column in missing {
            diags.push(
                Msg::MissingColumn {
                    column: header_of(column),
                    all: REQUIRED.iter().map(|c| header_of(*c)).collect(),
                }
                .at(&Loc::cell(display, sheet, header, 0)),
            );
        }
        return None;
    }
    let last = grid.keys().map(|(row, _)| *row).max().unwrap_or(header);
    let rows: Vec<Row> = (header + 1..=last)
        .map(|r| {
            let mut row = Row::default();
            for (c, column) in &columns {
                row.set(*column, field(grid, display, sheet, r, *c));
            }
            row
        })
        .collect();
    let has_figures = rows
        .iter()
        .any(|r| r.get(Column::Value).is_some_and(|f| f.cell != Cell::Empty));
    if !has_figures {
        diags.push(Msg::NoFigures.at(&Loc::file(&format!("{display}!{sheet}"))));
        return None;
    }
    Some(rows)
}

/// The organisation number (the row labelled `Organisasjonsnummer`) and the table of yearly
/// employees and revenue (the row starting with `År`, and the rows below it).
fn read_profile(
    grid: &Grid,
    display: &str,
    sheet: &str,
    diags: &mut Diagnostics,
) -> (Option<(String, Loc)>, Vec<YearExtra>) {
    let org_label = PROFILE_ORG_NUMBER.to_lowercase();
    let org_number = grid
        .iter()
        .find(|((_, c), cell)| {
            *c == 0 && matches!(cell, Cell::Text(t) if t.to_lowercase() == org_label)
        })
        .and_then(|((row, _), _)| {
            let at = Loc::cell(display, sheet, *row, 1);
            let digits = match grid.get(&(*row, 1))? {
                Cell::Number(n) => format!("{n:.0}"),
                Cell::Text(t) => t.chars().filter(|c| !c.is_whitespace()).collect(),
                _ => return None,
            };
            Some((digits, at))
        });
    let year_header = header_of(Column::Year).to_lowercase();
    let Some(table) = grid
        .keys()
        .find(|(row, c)| {
            *c == 0 && text_at(grid, (*row, 0)).as_deref() == Some(year_header.as_str())
        })
        .map(|(row, _)| *row)
    else {
        return (org_number, Vec::new());
    };
    let column_of = |label: &str| {
        let label = label.to_lowercase();
        grid.range((table, 0)..(table + 1, 0))
            .find(|(_, cell)| matches!(cell, Cell::Text(t) if t.to_lowercase() == label))
            .map(|((_, c), _)| *c)
    };
    let (employees_col, revenue_col) = (column_of(PROFILE_EMPLOYEES), column_of(PROFILE_REVENUE));
    let last = grid.keys().map(|(row, _)| *row).max().unwrap_or(table);
    let mut extras = Vec::new();
    for r in table + 1..=last {
        let year_field = field(grid, display, sheet, r, 0);
        if year_field.cell == Cell::Empty {
            continue;
        }
        let figure = |column: Option<u32>, what, diags: &mut Diagnostics| {
            column.and_then(|c| amount(&field(grid, display, sheet, r, c), what, diags))
        };
        let employees = figure(employees_col, What::Employees, diags);
        let revenue_mnok = figure(revenue_col, What::Revenue, diags);
        if let Some(y) = year(&year_field, diags)
            && (employees.is_some() || revenue_mnok.is_some())
        {
            extras.push(YearExtra {
                year: y,
                employees,
                revenue_mnok,
                at: year_field.at,
            });
        }
    }
    (org_number, extras)
}
