//! Every message `nfk import` and `nfk template` show an editor, in one table, so a message
//! catalogue (and the editor's language) can take them over later.
//!
//! A [`Msg`] holds the facts; [`Msg::at`] turns it into a [`Diagnostic`] at a [`Loc`]. Nothing
//! here decides whether something is wrong.

use crate::diagnostics::{Diagnostic, Pos, suggestion_help};
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
        what: &'static str,
        text: String,
    },
    SpreadsheetError {
        what: &'static str,
        error: String,
    },
    Negative {
        what: &'static str,
        value: f64,
    },
    NotAYear {
        text: String,
    },
    ImplausibleYear {
        year: i64,
    },
    MissingValue {
        what: &'static str,
        example: &'static str,
    },
    UnknownChoice {
        what: &'static str,
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
        figure: String,
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
    ValueDiffers {
        year: i32,
        what: &'static str,
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
    AfterImport {
        message: String,
        help: Option<String>,
    },
}

impl Msg {
    pub fn at(self, loc: &Loc) -> Diagnostic {
        let (message, help) = self.text();
        let diagnostic = Diagnostic::error(&loc.path, loc.pos, message);
        match help {
            Some(help) => diagnostic.with_help(help),
            None => diagnostic,
        }
    }

    /// The message and its help line, in English for now (see the module header).
    pub fn text(self) -> (String, Option<String>) {
        use Msg::*;
        let (message, help): (String, Option<String>) = match self {
            TooLarge { bytes, limit } => (
                format!("the file is {bytes} bytes; nfk import reads at most {limit}"),
                Some("a partner's workbook is a few hundred KB: check that this is the right file, or save it again without pictures and extra sheets".into()),
            ),
            UnknownFileType { extension } => (
                format!("cannot import a `{extension}` file"),
                Some(format!("import a workbook (.xlsx or .ods) made from `nfk template xlsx`, or a CSV file like the site's {}", urls::EMISSIONS_CSV)),
            ),
            NotUtf8 => (
                "the CSV file is not UTF-8 text".into(),
                Some("save it again as \"CSV UTF-8\" from the spreadsheet program".into()),
            ),
            CsvSyntax { error } => (format!("not valid CSV: {error}"), None),
            UnreadableWorkbook { error } => (
                format!("cannot read the workbook: {error}"),
                Some("open it in Excel or LibreOffice and save it again as .xlsx".into()),
            ),
            MissingSheet { name, found } => {
                let names: Vec<&str> = found.iter().map(String::as_str).collect();
                let help = match crate::diagnostics::did_you_mean(name, names.iter().copied()) {
                    Some(close) => format!("rename the sheet `{close}` back to `{name}`"),
                    None if names.is_empty() => format!("start from `nfk template xlsx`, which has a `{name}` sheet"),
                    None => format!(
                        "the workbook has: {}; rename the right one back to `{name}`, or start from `nfk template xlsx`",
                        names.join(", ")
                    ),
                };
                (format!("the workbook has no sheet named `{name}`"), Some(help))
            }
            NoHeaderRow { sheet, first } => (
                format!("the `{sheet}` sheet has no header row (a row starting with `{first}`)"),
                Some("keep the first row of the sheet as `nfk template xlsx` wrote it".into()),
            ),
            MissingColumn { column, all } => (
                format!("no `{column}` column"),
                Some(format!("the header row needs these columns: {}", all.join(", "))),
            ),
            NoFigures => (
                "no emission figures to import".into(),
                Some("fill in one row per year, scope and category: year, status, scope, category, tonnes CO₂e".into()),
            ),
            NotANumber { what, text } => (
                format!("expected a number for {what}, found `{text}`"),
                Some("write the number alone, without units: `1 234,5` or `1234.5`".into()),
            ),
            SpreadsheetError { what, error } => (
                format!("the {what} cell holds a spreadsheet error ({error})"),
                Some("fix the formula, or type the number".into()),
            ),
            Negative { what, value } => (
                format!("{what} is negative ({value})"),
                Some("figures are never negative; report removals and offsets separately in the note".into()),
            ),
            NotAYear { text } => (
                format!("`{text}` is not a year"),
                Some("write the year with four digits, e.g. 2024".into()),
            ),
            ImplausibleYear { year } => (
                format!("year {year} is not a plausible year"),
                Some("years run from 1990 to 2100; check for a typo".into()),
            ),
            MissingValue { what, example } => (
                format!("{what} is missing"),
                Some(format!("fill it in, e.g. `{example}`")),
            ),
            UnknownChoice { what, given, allowed } => (
                format!("unknown {what} `{given}`"),
                Some(suggestion_help(&given, &allowed)),
            ),
            UnknownScope { given } => (
                format!("scope must be 1, 2 or 3, found `{given}`"),
                None,
            ),
            UnknownCategory { scope, given, keys } => (
                format!("unknown scope {scope} category `{given}`"),
                Some(match crate::diagnostics::did_you_mean(&given, keys.iter().copied()) {
                    Some(close) => format!("did you mean `{close}`? The Veiledning sheet of `nfk template xlsx` lists every category"),
                    None => format!("use one of: {} (or `total` for the scope as one figure)", keys.join(", ")),
                }),
            ),
            MissingMethod => (
                "scope 2 needs a method: `location` or `market`".into(),
                Some("location-based is required whenever scope 2 is reported; market-based is optional".into()),
            ),
            MethodOutsideScope2 { scope } => (
                format!("a method belongs to scope 2 only, not to scope {scope}"),
                Some("leave the method empty on this row".into()),
            ),
            CategoryAgainstMethod { category, method } => (
                format!("category `{category}` does not match method `{method}`"),
                Some("for scope 2, leave the category empty and choose the method".into()),
            ),
            WrongUnit { unit } => (
                format!("unit `{unit}`: figures must be in tonnes CO₂e"),
                Some("convert the figures to tonnes and write `tCO2e`".into()),
            ),
            Twice { year, figure, first } => (
                format!("{year}: {figure} is given twice"),
                Some(format!("the first is at {first}; keep one row, or add the two figures up")),
            ),
            TotalAndCategories { year, scope, other } => (
                format!("{year}: scope {scope} is given both as a total and by category"),
                Some(format!("give one total row (category empty or `total`) or one row per category, not both; the other is at {other}")),
            ),
            StatusDiffers { year, status, first, at } => (
                format!("{year}: status `{status}` here, but `{first}` at {at}"),
                Some("a year has one status: give every row of the year the same one".into()),
            ),
            ValueDiffers { year, what, at } => (
                format!("{year}: {what} differs from the one at {at}"),
                Some(format!("a year has one {what}: give every row of the year the same one")),
            ),
            MarketWithoutLocation { year } => (
                format!("{year}: scope 2 has a market-based figure but no location-based one"),
                Some("add a scope 2 row with method `location`: it is required whenever scope 2 is reported".into()),
            ),
            UnknownPartner { slug, slugs } => {
                let names: Vec<&str> = slugs.iter().map(String::as_str).collect();
                let help = match crate::diagnostics::did_you_mean(&slug, names.iter().copied()) {
                    Some(close) => format!("did you mean `{close}`?"),
                    None => format!("run `nfk new partner {slug}` first, or check the spelling"),
                };
                (format!("no partner `{slug}` in partners/"), Some(help))
            }
            PartnerNotInFile { slug } => (
                format!("the file has no figures for partner `{slug}`"),
                Some("check --partner against the file's `slug` column".into()),
            ),
            NoPartnerNamed => (
                "the workbook does not say which partner it is for".into(),
                Some("fill in the organisation number on the Profil sheet, or pass --partner SLUG".into()),
            ),
            UnknownOrgNumber { org } => (
                format!("no partner in partners/ has organisation number {org}"),
                Some("check the number, or pass --partner SLUG (`nfk new partner SLUG` creates a new one)".into()),
            ),
            OrgNumberDiffers { slug, workbook, profile } => (
                format!("the workbook is for organisation number {workbook}, but partners/{slug}/profile.yaml has {profile}"),
                Some(format!("check that this is {slug}'s workbook, or leave out --partner")),
            ),
            ChangedSinceRead => (
                "the file changed while nfk import ran; nothing was written to it".into(),
                Some("run the import again: it will compare against the file as it is now".into()),
            ),
            AfterImport { message, help } => (
                format!("{message} (in the file as the import would write it)"),
                help.or_else(|| Some("the line is that of the imported file; `nfk import --dry-run` shows the change".into())),
            ),
        };
        (message, help)
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
        let (_, help) = Msg::MissingSheet {
            name: "Utslipp",
            found: vec!["Profil".into(), "Utslip".into()],
        }
        .text();
        assert_eq!(
            help.as_deref(),
            Some("rename the sheet `Utslip` back to `Utslipp`")
        );
    }
}
