//! Every problem `nfk import` reports, in one table: a [`Msg`] holds the facts, [`Msg::at`]
//! turns it into a catalogued [`Diagnostic`] at a [`Loc`] (the words are in
//! `src/messages/{nb,en}.ftl`, under "nfk import"). Nothing here decides whether something is
//! wrong.

use crate::diagnostics::{Diagnostic, Pos, did_you_mean};
use crate::messages::{Arg, Args, Quote, ids};
use crate::routes::urls;

/// Where a value came from: `FILE!Sheet!C12` for a workbook cell (printed without line and
/// column), `FILE` with a line and column for CSV and YAML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loc {
    pub path: String,
    pub pos: Pos,
}

impl Loc {
    pub fn file(path: &str) -> Self {
        Loc {
            path: path.to_string(),
            pos: Pos::FILE,
        }
    }

    pub fn at(path: &str, line: u32, column: u32) -> Self {
        Loc {
            path: path.to_string(),
            pos: Pos::new(line, column),
        }
    }

    /// `FILE!Sheet!C12` (0-based row and column).
    pub fn cell(file: &str, sheet: &str, row: u32, column: u32) -> Self {
        Loc::file(&format!(
            "{file}!{sheet}!{}{}",
            column_letters(column),
            row + 1
        ))
    }

    /// How another diagnostic names this place in its help: `data.csv:12:3`, `data.xlsx!Utslipp!C12`.
    pub fn name(&self) -> String {
        if self.pos.line == 0 {
            self.path.clone()
        } else {
            format!("{}:{}:{}", self.path, self.pos.line, self.pos.column.max(1))
        }
    }
}

/// `A`, `B`, … `Z`, `AA`, … for a 0-based column.
pub fn column_letters(column: u32) -> String {
    let mut n = column as u64 + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        letters.push(char::from(b'A' + rem));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// What a cell holds, as messages name it ("expected a number for { $what }").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    /// The year of a row ("the year").
    Year,
    /// A year cell ("the year cell").
    YearCell,
    Scope,
    Method,
    Status,
    Tonnes,
    Employees,
    Revenue,
    Slug,
    YearStatus,
}

impl What {
    fn arg(self) -> Arg {
        Arg::word(match self {
            What::Year => ids::IMPORT_WHAT_YEAR,
            What::YearCell => ids::IMPORT_WHAT_YEAR_CELL,
            What::Scope => ids::IMPORT_WHAT_SCOPE,
            What::Method => ids::IMPORT_WHAT_METHOD,
            What::Status => ids::IMPORT_WHAT_STATUS,
            What::Tonnes => ids::IMPORT_WHAT_TONNES,
            What::Employees => ids::IMPORT_WHAT_EMPLOYEES,
            What::Revenue => ids::IMPORT_WHAT_REVENUE,
            What::Slug => ids::IMPORT_WHAT_SLUG,
            What::YearStatus => ids::IMPORT_WHAT_YEAR_STATUS,
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    UnknownFileType {
        extension: String,
    },
    NotUtf8,
    CsvSyntax {
        error: String,
    },
    UnreadableWorkbook {
        error: String,
    },
    MissingSheet {
        name: &'static str,
        found: Vec<String>,
    },
    NoHeaderRow {
        sheet: &'static str,
        first: &'static str,
    },
    MissingColumn {
        column: &'static str,
        all: Vec<&'static str>,
    },
    NoFigures,
    NotANumber {
        what: What,
        text: String,
    },
    SpreadsheetError {
        what: What,
        error: String,
    },
    Negative {
        what: What,
        value: f64,
    },
    NotAYear {
        text: String,
    },
    ImplausibleYear {
        year: i64,
    },
    MissingValue {
        what: What,
        example: &'static str,
    },
    UnknownChoice {
        what: What,
        given: String,
        allowed: Vec<&'static str>,
    },
    UnknownScope {
        given: String,
    },
    UnknownCategory {
        scope: u8,
        given: String,
        keys: Vec<&'static str>,
    },
    MissingMethod,
    MethodOutsideScope2 {
        scope: u8,
    },
    CategoryAgainstMethod {
        category: String,
        method: &'static str,
    },
    WrongUnit {
        unit: String,
    },
    Twice {
        year: i32,
        figure: Arg,
        first: String,
    },
    TotalAndCategories {
        year: i32,
        scope: u8,
        other: String,
    },
    StatusDiffers {
        year: i32,
        status: &'static str,
        first: &'static str,
        at: String,
    },
    MarketWithoutLocation {
        year: i32,
    },
    UnknownPartner {
        slug: String,
        slugs: Vec<String>,
    },
    PartnerNotInFile {
        slug: String,
    },
    NoPartnerNamed,
    UnknownOrgNumber {
        org: String,
    },
    OrgNumberDiffers {
        slug: String,
        workbook: String,
        profile: String,
    },
    ChangedSinceRead,
}

impl Msg {
    pub fn at(self, loc: &Loc) -> Diagnostic {
        let (id, args, help) = self.catalogued();
        let diagnostic = Diagnostic::error_msg(&loc.path, loc.pos, id, args);
        match help {
            Some(help) => diagnostic.with_help_msg(help),
            None => diagnostic,
        }
    }

    /// The message id, its arguments, and the id of its help line when that is not the
    /// message's own `.help`.
    fn catalogued(self) -> (&'static str, Args, Option<&'static str>) {
        use Msg::*;
        let text = |s: &str| Arg::Text(s.to_string());
        let year = |y: i32| Arg::Text(y.to_string());
        match self {
            TooLarge { bytes, limit } => (
                ids::IMPORT_TOO_LARGE,
                vec![("bytes", count(bytes)), ("limit", count(limit))],
                None,
            ),
            UnknownFileType { extension } => (
                ids::IMPORT_UNKNOWN_FILE_TYPE,
                vec![
                    ("extension", extension.into()),
                    ("csv", text(urls::EMISSIONS_CSV)),
                ],
                None,
            ),
            NotUtf8 => (ids::IMPORT_NOT_UTF8, vec![], None),
            CsvSyntax { error } => (ids::IMPORT_CSV_SYNTAX, vec![("error", error.into())], None),
            UnreadableWorkbook { error } => (
                ids::IMPORT_UNREADABLE_WORKBOOK,
                vec![("error", error.into())],
                None,
            ),
            MissingSheet { name, found } => {
                let names: Vec<&str> = found.iter().map(String::as_str).collect();
                let mut args = vec![("name", text(name))];
                let help = match did_you_mean(name, names.iter().copied()) {
                    Some(close) => {
                        args.push(("close", text(close)));
                        ids::IMPORT_RENAME_SHEET_BACK
                    }
                    None if names.is_empty() => ids::IMPORT_START_FROM_TEMPLATE,
                    None => {
                        args.push(("names", names.join(", ").into()));
                        ids::IMPORT_SHEETS_THE_WORKBOOK_HAS
                    }
                };
                (ids::IMPORT_MISSING_SHEET, args, Some(help))
            }
            NoHeaderRow { sheet, first } => (
                ids::IMPORT_NO_HEADER_ROW,
                vec![("sheet", text(sheet)), ("first", text(first))],
                None,
            ),
            MissingColumn { column, all } => (
                ids::IMPORT_MISSING_COLUMN,
                vec![("column", text(column)), ("all", all.join(", ").into())],
                None,
            ),
            NoFigures => (ids::IMPORT_NO_FIGURES, vec![], None),
            NotANumber { what, text } => (
                ids::IMPORT_NOT_A_NUMBER,
                vec![("what", what.arg()), ("text", text.into())],
                None,
            ),
            SpreadsheetError { what, error } => (
                ids::IMPORT_SPREADSHEET_ERROR,
                vec![("what", what.arg()), ("error", error.into())],
                None,
            ),
            Negative { what, value } => (
                ids::IMPORT_NEGATIVE,
                vec![("what", what.arg()), ("value", value.into())],
                None,
            ),
            NotAYear { text } => (ids::IMPORT_NOT_A_YEAR, vec![("text", text.into())], None),
            ImplausibleYear { year } => (
                ids::IMPORT_IMPLAUSIBLE_YEAR,
                vec![("year", year.to_string().into())],
                None,
            ),
            MissingValue { what, example } => (
                ids::IMPORT_MISSING_VALUE,
                vec![("what", what.arg()), ("example", text(example))],
                None,
            ),
            UnknownChoice {
                what,
                given,
                allowed,
            } => {
                let help = match did_you_mean(&given, allowed.iter().copied()) {
                    Some(close) => ("suggestion", text(close), ids::DID_YOU_MEAN),
                    None => ("names", allowed.join(", ").into(), ids::EXPECTED_ONE_OF),
                };
                (
                    ids::IMPORT_UNKNOWN_CHOICE,
                    vec![
                        ("what", what.arg()),
                        ("given", given.into()),
                        (help.0, help.1),
                    ],
                    Some(help.2),
                )
            }
            UnknownScope { given } => (
                ids::IMPORT_UNKNOWN_SCOPE,
                vec![("given", given.into())],
                None,
            ),
            UnknownCategory { scope, given, keys } => {
                let help = match did_you_mean(&given, keys.iter().copied()) {
                    Some(close) => ("suggestion", text(close), ids::IMPORT_CATEGORY_DID_YOU_MEAN),
                    None => ("names", keys.join(", ").into(), ids::IMPORT_CATEGORY_ONE_OF),
                };
                (
                    ids::IMPORT_UNKNOWN_CATEGORY,
                    vec![
                        ("scope", scope.to_string().into()),
                        ("given", given.into()),
                        (help.0, help.1),
                    ],
                    Some(help.2),
                )
            }
            MissingMethod => (ids::IMPORT_MISSING_METHOD, vec![], None),
            MethodOutsideScope2 { scope } => (
                ids::IMPORT_METHOD_OUTSIDE_SCOPE2,
                vec![("scope", scope.to_string().into())],
                None,
            ),
            CategoryAgainstMethod { category, method } => (
                ids::IMPORT_CATEGORY_AGAINST_METHOD,
                vec![("category", category.into()), ("method", text(method))],
                None,
            ),
            WrongUnit { unit } => (ids::IMPORT_WRONG_UNIT, vec![("unit", unit.into())], None),
            Twice {
                year: y,
                figure,
                first,
            } => (
                ids::IMPORT_TWICE,
                vec![
                    ("year", year(y)),
                    ("figure", figure),
                    ("first", first.into()),
                ],
                None,
            ),
            TotalAndCategories {
                year: y,
                scope,
                other,
            } => (
                ids::IMPORT_TOTAL_AND_CATEGORIES,
                vec![
                    ("year", year(y)),
                    ("scope", scope.to_string().into()),
                    ("other", other.into()),
                ],
                None,
            ),
            StatusDiffers {
                year: y,
                status,
                first,
                at,
            } => (
                ids::IMPORT_STATUS_DIFFERS,
                vec![
                    ("year", year(y)),
                    ("status", text(status)),
                    ("first", text(first)),
                    ("at", at.into()),
                ],
                None,
            ),
            MarketWithoutLocation { year: y } => (
                ids::IMPORT_MARKET_WITHOUT_LOCATION,
                vec![("year", year(y))],
                None,
            ),
            UnknownPartner { slug, slugs } => {
                let names: Vec<&str> = slugs.iter().map(String::as_str).collect();
                let mut args = vec![("slug", text(&slug))];
                let help = match did_you_mean(&slug, names.iter().copied()) {
                    Some(close) => {
                        args.push(("suggestion", text(close)));
                        ids::DID_YOU_MEAN
                    }
                    None => ids::IMPORT_CREATE_THE_PARTNER_FIRST,
                };
                (ids::IMPORT_UNKNOWN_PARTNER, args, Some(help))
            }
            PartnerNotInFile { slug } => (
                ids::IMPORT_PARTNER_NOT_IN_FILE,
                vec![("slug", slug.into())],
                None,
            ),
            NoPartnerNamed => (ids::IMPORT_NO_PARTNER_NAMED, vec![], None),
            UnknownOrgNumber { org } => (
                ids::IMPORT_UNKNOWN_ORG_NUMBER,
                vec![("org", org.into())],
                None,
            ),
            OrgNumberDiffers {
                slug,
                workbook,
                profile,
            } => (
                ids::IMPORT_ORG_NUMBER_DIFFERS,
                vec![
                    ("slug", slug.into()),
                    ("workbook", workbook.into()),
                    ("profile", profile.into()),
                ],
                None,
            ),
            ChangedSinceRead => (ids::IMPORT_CHANGED_SINCE_READ, vec![], None),
        }
    }
}

/// A byte count or limit as a message argument.
fn count(n: u64) -> Arg {
    Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
}

/// `d`, a diagnostic about the file as the import would write it, saying so: its line is the
/// new file's. Keeps its severity; its words (and its help, or one about `--dry-run`) stay
/// those of the catalogue, worded in the editor's language when printed.
pub fn after_import(d: Diagnostic) -> Diagnostic {
    let (message, help) = match &d.catalogued {
        Some(c) => {
            let quote = |id, help| {
                Arg::Message(Box::new(Quote {
                    id,
                    help,
                    args: c.args.clone(),
                }))
            };
            let help = match c.help {
                Some(id) => Some(quote(id, false)),
                None => d.help.is_some().then(|| quote(c.id, true)),
            };
            (quote(c.id, false), help)
        }
        None => (d.message.clone().into(), d.help.clone().map(Arg::Text)),
    };
    let mut args = vec![("message", message)];
    let wrapped = match help {
        Some(help) => {
            args.push(("help", help));
            Diagnostic::error_msg(&d.path, d.pos(), ids::IMPORT_AFTER_IMPORT, args)
                .with_help_msg(ids::IMPORT_AFTER_IMPORT_HELP)
        }
        None => Diagnostic::error_msg(&d.path, d.pos(), ids::IMPORT_AFTER_IMPORT, args),
    };
    Diagnostic {
        severity: d.severity,
        ..wrapped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_columns_like_a_spreadsheet() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn a_cell_location_prints_file_sheet_and_cell() {
        let d = Msg::NotAYear { text: "x".into() }.at(&Loc::cell("data.xlsx", "Utslipp", 11, 2));
        assert_eq!(d.path, "data.xlsx!Utslipp!C12");
        assert_eq!((d.line, d.column), (0, 0));
    }

    #[test]
    fn a_renamed_sheet_is_named_in_the_help() {
        let d = Msg::MissingSheet {
            name: "Utslipp",
            found: vec!["Profil".into(), "Utslip".into()],
        }
        .at(&Loc::file("in.xlsx"));
        assert_eq!(d.code(), Some("import-missing-sheet"));
        let help = d.help.clone();
        assert_eq!(
            help.as_deref(),
            Some("rename the sheet `Utslip` back to `Utslipp`")
        );
        let nb = crate::diagnostics::localized(vec![d], crate::model::Language::Nb);
        assert_eq!(
            nb[0].help.as_deref(),
            Some("gi arket `Utslip` navnet `Utslipp` igjen")
        );
    }

    #[test]
    fn a_problem_after_the_import_keeps_its_words_and_severity_in_each_language() {
        let inner = Diagnostic::warning_msg(
            "partners/a/emissions.yaml",
            Pos::new(4, 5),
            ids::EMISSIONS_YEAR_TWICE,
            vec![("year", "2021".into()), ("line", 3usize.into())],
        );
        let d = after_import(inner);
        assert!(!d.is_error());
        assert_eq!((d.line, d.column), (4, 5));
        assert_eq!(
            d.message,
            "year 2021 is listed twice (in the file as the import would write it)"
        );
        assert_eq!(d.help.as_deref(), Some("merge it with the entry on line 3"));
        let nb = crate::diagnostics::localized(vec![d], crate::model::Language::Nb);
        assert_eq!(
            nb[0].message,
            "året 2021 står to ganger (i filen slik importen ville skrive den)"
        );
    }
}
