//! Reads a CSV file in the long format of the site's `/data/emissions.csv` (one row per
//! partner, year, scope and category) into [`Row`]s, each cell with its line and column.
//!
//! Columns are found by their header, in any order: `slug,year,status,scope,category,tco2e`,
//! and version 2's `method` and `unit`. A semicolon- or tab-separated file (what a spreadsheet
//! saves in a Norwegian locale) is read too. It does not judge values: `input.rs` does.

use super::input::{Cell, Column, Field, Row, column_for};
use super::messages::{Loc, Msg};
use crate::diagnostics::{Diagnostics, Pos};

const REQUIRED: [Column; 6] = [
    Column::Slug,
    Column::Year,
    Column::Status,
    Column::Scope,
    Column::Category,
    Column::Value,
];

/// `display` names the file in messages. `None` when the file cannot be read as CSV at all.
pub fn read(display: &str, bytes: &[u8], diags: &mut Diagnostics) -> Option<Vec<Row>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Ok(text) = std::str::from_utf8(bytes) else {
        diags.push(Msg::NotUtf8.at(&Loc::file(display)));
        return None;
    };
    let delimiter = sniff_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(e)) => {
            diags.push(
                Msg::CsvSyntax {
                    error: e.to_string(),
                }
                .at(&Loc::at(display, 1, 1)),
            );
            return None;
        }
        None => {
            diags.push(Msg::NoFigures.at(&Loc::file(display)));
            return None;
        }
    };
    let columns: Vec<Option<Column>> = header.iter().map(column_for).collect();
    let missing: Vec<Column> = REQUIRED
        .into_iter()
        .filter(|c| !columns.contains(&Some(*c)))
        .collect();
    if !missing.is_empty() {
        for column in missing {
            diags.push(
                Msg::MissingColumn {
                    column: csv_header(column),
                    all: REQUIRED.iter().map(|c| csv_header(*c)).collect(),
                }
                .at(&Loc::at(display, 1, 1)),
            );
        }
        return None;
    }
    let mut rows = Vec::new();
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as u32);
                diags.push(
                    Msg::CsvSyntax {
                        error: e.to_string(),
                    }
                    .at(&Loc::at(display, line, 1)),
                );
                continue;
            }
        };
        let (line, start) = record
            .position()
            .map_or((0, 0), |p| (p.line() as u32, p.byte() as usize));
        let starts = field_columns(text, start, delimiter);
        let mut row = Row::default();
        for (i, column) in columns.iter().enumerate() {
            let Some(column) = column else { continue };
            let column_no = starts.get(i).copied().unwrap_or(1);
            let cell = record.get(i).map_or(Cell::Empty, Cell::text);
            row.set(
                *column,
                Field {
                    cell,
                    at: Loc {
                        path: display.to_string(),
                        pos: Pos::new(line, column_no),
                    },
                },
            );
        }
        rows.push(row);
    }
    if rows.is_empty() {
        diags.push(Msg::NoFigures.at(&Loc::file(display)));
        return None;
    }
    Some(rows)
}

/// The header the site's own CSV uses for a column.
fn csv_header(column: Column) -> &'static str {
    match column {
        Column::Slug => "slug",
        Column::Year => "year",
        Column::Status => "status",
        Column::Scope => "scope",
        Column::Category => "category",
        Column::Method => "method",
        Column::Value => "tco2e",
        Column::Unit => "unit",
        Column::Note => "note",
    }
}

/// `,` unless the header line has more semicolons or tabs than commas.
fn sniff_delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    let count = |c: char| first.matches(c).count();
    let commas = count(',');
    [(b';', count(';')), (b'\t', count('\t'))]
        .into_iter()
        .filter(|(_, n)| *n > commas)
        .max_by_key(|(_, n)| *n)
        .map_or(b',', |(d, _)| d)
}

/// The 1-based column (in characters) where each field of the record at byte `start` begins.
/// Quoted fields may hold the delimiter; the csv crate has already checked the syntax.
fn field_columns(text: &str, start: usize, delimiter: u8) -> Vec<u32> {
    let delimiter = char::from(delimiter);
    let mut columns = vec![1];
    let mut column = 1u32;
    let mut quoted = false;
    let mut chars = text.get(start..).unwrap_or("").chars().peekable();
    while let Some(c) = chars.next() {
        column += 1;
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                column += 1;
            }
            '"' => quoted = !quoted,
            '\n' if !quoted => break,
            '\n' => column = 1,
            c if c == delimiter && !quoted => columns.push(column),
            _ => {}
        }
    }
    columns
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> (Option<Vec<Row>>, Diagnostics) {
        let mut diags = Diagnostics::new();
        let rows = read("e.csv", text.as_bytes(), &mut diags);
        (rows, diags)
    }

    #[test]
    fn finds_columns_by_header_in_any_order() {
        let (rows, diags) =
            rows("tco2e,slug,scope,year,category,status\n12.5,a,1,2024,total,final\n");
        assert!(diags.is_empty());
        let row = &rows.unwrap()[0];
        let value = row.get(Column::Value).unwrap();
        assert_eq!(value.cell, Cell::Text("12.5".into()));
        assert_eq!(value.at, Loc::at("e.csv", 2, 1));
        assert_eq!(row.get(Column::Year).unwrap().at, Loc::at("e.csv", 2, 10));
    }

    #[test]
    fn places_fields_after_quoted_commas() {
        assert_eq!(field_columns("a,\"b,c\",d\n", 0, b','), vec![1, 3, 9]);
        assert_eq!(field_columns("x\n\"\"\"q\"\"\",z\n", 2, b','), vec![1, 9]);
    }

    #[test]
    fn reads_semicolon_separated_files() {
        let (rows, diags) =
            rows("slug;year;status;scope;category;tco2e\na;2024;final;1;total;1 234,5\n");
        assert!(diags.is_empty());
        let row = &rows.unwrap()[0];
        assert_eq!(
            row.get(Column::Value).unwrap().cell,
            Cell::Text("1 234,5".into())
        );
    }

    #[test]
    fn names_a_missing_column() {
        let (rows, diags) = rows("slug,year,status,scope,tco2e\n");
        assert!(rows.is_none());
        let d = &diags.sorted()[0];
        assert_eq!(d.message, "no `category` column");
        assert_eq!((d.line, d.column), (1, 1));
    }

    #[test]
    fn refuses_text_that_is_not_utf8() {
        let mut diags = Diagnostics::new();
        assert!(read("e.csv", b"slug\n\xe6\n", &mut diags).is_none());
        assert_eq!(diags.sorted()[0].message, "the CSV file is not UTF-8 text");
    }
}
