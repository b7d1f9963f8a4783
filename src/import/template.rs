//! `nfk template xlsx`: the reporting workbook a partner fills in, and the layout `xlsx.rs`
//! reads back (sheet names, labels, columns live here only).
//!
//! Sheets: Profil (name, organisation number, employees and revenue per year), Utslipp (one
//! row per year, scope and category, with drop-down lists), Mål (targets, for the secretariat
//! to copy; not imported), Veiledning (what each column means, in Norwegian, and the category
//! list the drop-down reads). The output is byte-identical from run to run: the document's
//! creation time is fixed and the zip entries carry no timestamps. Writes nothing itself.

use rust_xlsxwriter::{
    DataValidation, DataValidationRule, DocProperties, ExcelDateTime, Format, Formula, Workbook,
    Worksheet, XlsxError,
};

use super::input::{Column, STATUSES, header_of};
use crate::model::{Language, SCOPE1_CATEGORIES, SCOPE3_CATEGORIES};

pub const PROFILE_SHEET: &str = "Profil";
pub const EMISSIONS_SHEET: &str = "Utslipp";
pub const TARGETS_SHEET: &str = "Mål";
pub const GUIDE_SHEET: &str = "Veiledning";

pub const PROFILE_NAME: &str = "Navn";
pub const PROFILE_ORG_NUMBER: &str = "Organisasjonsnummer";
pub const PROFILE_EMPLOYEES: &str = "Ansatte";
pub const PROFILE_REVENUE: &str = "Omsetning (MNOK)";

/// The Utslipp sheet's columns, in order.
pub const EMISSION_COLUMNS: [Column; 7] = [
    Column::Year,
    Column::Status,
    Column::Scope,
    Column::Category,
    Column::Method,
    Column::Value,
    Column::Note,
];

/// Rows with drop-down lists (a partner with 30 years × 20 categories still fits).
const DATA_ROWS: u32 = 1000;
const METHODS: [&str; 2] = ["location", "market"];

/// The workbook as bytes.
pub fn workbook() -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // A fixed creation time: the only varying part of an otherwise deterministic file.
    let created = ExcelDateTime::from_ymd(2025, 1, 1)?;
    book.set_properties(
        &DocProperties::new()
            .set_title("Klimaregnskap for Næring for klima")
            .set_author("nfk")
            .set_creation_datetime(&created),
    );
    let bold = Format::new().set_bold();
    let categories = category_rows();
    profile_sheet(book.add_worksheet(), &bold)?;
    emissions_sheet(book.add_worksheet(), &bold, categories.len() as u32)?;
    targets_sheet(book.add_worksheet(), &bold)?;
    guide_sheet(book.add_worksheet(), &bold, &categories)?;
    book.save_to_buffer()
}

fn profile_sheet(sheet: &mut Worksheet, bold: &Format) -> Result<(), XlsxError> {
    sheet.set_name(PROFILE_SHEET)?;
    sheet.set_column_width(0, 24)?;
    sheet.set_column_width(1, 30)?;
    sheet.set_column_width(2, 20)?;
    sheet.write_string_with_format(0, 0, PROFILE_NAME, bold)?;
    sheet.write_string_with_format(1, 0, PROFILE_ORG_NUMBER, bold)?;
    // Text, so a spreadsheet keeps the number as typed (with its spaces).
    sheet.write_blank(1, 1, &Format::new().set_num_format("@"))?;
    let table = 3;
    for (c, header) in [header_of(Column::Year), PROFILE_EMPLOYEES, PROFILE_REVENUE]
        .into_iter()
        .enumerate()
    {
        sheet.write_string_with_format(table, c as u16, header, bold)?;
    }
    let (first, last) = (table + 1, table + 60);
    sheet.add_data_validation(first, 0, last, 0, &year_rule())?;
    sheet.add_data_validation(
        first,
        1,
        last,
        1,
        &DataValidation::new()
            .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0))
            .set_error_message("Antall ansatte er et helt tall, 0 eller mer.")?,
    )?;
    sheet.add_data_validation(
        first,
        2,
        last,
        2,
        &non_negative("Omsetning i millioner kroner.")?,
    )?;
    Ok(())
}

fn emissions_sheet(sheet: &mut Worksheet, bold: &Format, categories: u32) -> Result<(), XlsxError> {
    sheet.set_name(EMISSIONS_SHEET)?;
    for (c, column) in EMISSION_COLUMNS.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, header_of(*column), bold)?;
        let width = match column {
            Column::Category => 40,
            Column::Note => 50,
            _ => 14,
        };
        sheet.set_column_width(c as u16, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let col = |column: Column| {
        EMISSION_COLUMNS
            .iter()
            .position(|c| *c == column)
            .unwrap_or(0) as u16
    };
    let (first, last) = (1, DATA_ROWS);
    let list = |values: &[&str], title: &str, message: &str| -> Result<DataValidation, XlsxError> {
        DataValidation::new()
            .allow_list_strings(values)?
            .set_input_title(title)?
            .set_input_message(message)
    };
    let year = col(Column::Year);
    sheet.add_data_validation(first, year, last, year, &year_rule())?;
    let status = col(Column::Status);
    sheet.add_data_validation(
        first,
        status,
        last,
        status,
        &list(
            &STATUSES,
            "Status",
            "final: endelige tall. preliminary: foreløpige tall.",
        )?,
    )?;
    let scope = col(Column::Scope);
    sheet.add_data_validation(
        first,
        scope,
        last,
        scope,
        &list(
            &["1", "2", "3"],
            "Scope",
            "1: direkte utslipp. 2: kjøpt energi. 3: verdikjeden.",
        )?,
    )?;
    let category = col(Column::Category);
    let range = format!(
        "={GUIDE_SHEET}!$A${}:$A${}",
        CATEGORY_TABLE_ROW + 2,
        CATEGORY_TABLE_ROW + 1 + categories
    );
    sheet.add_data_validation(
        first,
        category,
        last,
        category,
        &DataValidation::new()
            .allow_list_formula(Formula::new(range))
            .set_input_title("Kategori")?
            .set_input_message("Velg fra listen (navnene står i arket Veiledning). Tomt eller total: hele scopet som ett tall. Tomt for scope 2.")?,
    )?;
    let method = col(Column::Method);
    sheet.add_data_validation(
        first,
        method,
        last,
        method,
        &list(
            &METHODS,
            "Metode (bare scope 2)",
            "location: lokasjonsbasert (påkrevd). market: markedsbasert (valgfritt).",
        )?,
    )?;
    let value = col(Column::Value);
    sheet.add_data_validation(
        first,
        value,
        last,
        value,
        &non_negative("Tonn CO₂-ekvivalenter, ikke kilo.")?,
    )?;
    Ok(())
}

fn targets_sheet(sheet: &mut Worksheet, bold: &Format) -> Result<(), XlsxError> {
    sheet.set_name(TARGETS_SHEET)?;
    let headers = [
        ("Beskrivelse", 40),
        ("Scope (f.eks. 1+2)", 18),
        ("Basisår", 10),
        ("Målår", 10),
        ("Reduksjon (%)", 14),
        ("Type", 12),
        ("Per", 14),
        ("Scope 2-metode", 16),
        ("SBTi", 12),
    ];
    for (c, (header, width)) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *header, bold)?;
        sheet.set_column_width(c as u16, *width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    let last = 30;
    sheet.add_data_validation(1, 2, last, 3, &year_rule())?;
    sheet.add_data_validation(
        1,
        4,
        last,
        4,
        &DataValidation::new()
            .allow_decimal_number(DataValidationRule::Between(0.0, 100.0))
            .set_error_message("Reduksjonen er en prosent mellom 0 og 100.")?,
    )?;
    for (c, values) in [
        (5, &["absolute", "intensity"][..]),
        (6, &["employee", "revenue_mnok"][..]),
        (7, &METHODS[..]),
        (8, &["none", "committed", "validated"][..]),
    ] {
        sheet.add_data_validation(
            1,
            c,
            last,
            c,
            &DataValidation::new().allow_list_strings(values)?,
        )?;
    }
    Ok(())
}

/// The category table on the Veiledning sheet starts on this row (0-based): a header, then
/// one row per key; the Kategori drop-down reads column A of it.
const CATEGORY_TABLE_ROW: u32 = 30;

fn guide_sheet(
    sheet: &mut Worksheet,
    bold: &Format,
    categories: &[(String, String, &str)],
) -> Result<(), XlsxError> {
    sheet.set_name(GUIDE_SHEET)?;
    sheet.set_column_width(0, 44)?;
    sheet.set_column_width(1, 44)?;
    sheet.set_column_width(2, 10)?;
    let title = Format::new().set_bold().set_font_size(14);
    sheet.write_string_with_format(0, 0, "Slik fyller du ut klimaregnskapet", &title)?;
    for (r, line) in GUIDE.iter().enumerate() {
        let row = r as u32 + 2;
        if let Some(heading) = line.strip_prefix("# ") {
            sheet.write_string_with_format(row, 0, heading, bold)?;
        } else {
            sheet.write_string(row, 0, *line)?;
        }
    }
    let top = CATEGORY_TABLE_ROW;
    for (c, header) in ["Kategori (skriv denne)", "Navn", "Scope"]
        .iter()
        .enumerate()
    {
        sheet.write_string_with_format(top, c as u16, *header, bold)?;
    }
    for (i, (key, name, scope)) in categories.iter().enumerate() {
        let row = top + 1 + i as u32;
        sheet.write_string(row, 0, key)?;
        sheet.write_string(row, 1, name)?;
        sheet.write_string(row, 2, *scope)?;
    }
    Ok(())
}

/// Plain Norwegian, one line per row; `# ` marks a heading. The category list follows below.
const GUIDE: [&str; 26] = [
    "Alle tall er tonn CO₂-ekvivalenter (tCO2e), aldri negative. Et tomt felt betyr «ikke rapportert», som ikke er det samme som 0.",
    "",
    "# Arket Profil",
    "Navn og organisasjonsnummer (9 siffer) forteller sekretariatet hvilken partner regnskapet gjelder.",
    "Tabellen under gir antall ansatte og omsetning i millioner kroner for hvert år (brukes til utslipp per ansatt og per MNOK).",
    "",
    "# Arket Utslipp: én rad per år, scope og kategori",
    "År: rapporteringsåret, fire siffer (2024).",
    "Status: final for endelige tall, preliminary for foreløpige. Alle rader for samme år har samme status.",
    "Scope: 1 (direkte utslipp fra egen drift), 2 (kjøpt strøm og fjernvarme) eller 3 (verdikjeden).",
    "Kategori: velg fra listen nederst på dette arket. La feltet stå tomt (eller skriv total) når scopet er ett samlet tall.",
    "Metode: bare for scope 2. location = lokasjonsbasert (påkrevd når scope 2 er med), market = markedsbasert (valgfritt). La kategori stå tom.",
    "Tonn CO₂e: tallet, uten enhet. Desimalkomma og mellomrom mellom tusener går fint (1 234,5).",
    "Merknad: valgfri forklaring for året, for eksempel «Ny bilpark fra mars». Forklar store endringer fra året før.",
    "Et scope gis enten som ett tall (kategori tom) eller fordelt på kategorier, ikke begge deler samme år.",
    "",
    "# Arket Mål",
    "Beskriv reduksjonsmålene: hvilke scope, basisår, målår, reduksjon i prosent, absolute (tonn) eller intensity (per ansatt eller per MNOK).",
    "Sekretariatet legger målene inn på nettstedet for hånd; de leses ikke inn automatisk.",
    "",
    "# Slik leses regnearket inn",
    "Sekretariatet kjører nfk import på filen, ser over endringene og publiserer dem.",
    "Året og tallene i regnearket erstatter tallene for de samme årene på nettstedet; andre år blir som de er.",
    "Ikke gi arkene nye navn, og behold overskriftsraden øverst på arket Utslipp.",
    "",
    "# Kategorier",
];

/// `(key, Norwegian name, scope)` for the drop-down: `total`, then scope 1's and scope 3's
/// keys (SPEC §4), `other` once for both.
fn category_rows() -> Vec<(String, String, &'static str)> {
    let nb = crate::strings::Strings::embedded(Language::Nb);
    let mut rows = vec![(
        "total".to_string(),
        "Hele scopet som ett tall".to_string(),
        "1, 3",
    )];
    for key in SCOPE1_CATEGORIES.iter().filter(|k| **k != "other") {
        rows.push((key.to_string(), nb.category(key).to_string(), "1"));
    }
    for (i, key) in SCOPE3_CATEGORIES
        .iter()
        .enumerate()
        .filter(|(_, k)| **k != "other")
    {
        let name = nb.category(key);
        rows.push((key.to_string(), format!("{}. {name}", i + 1), "3"));
    }
    rows.push((
        "other".to_string(),
        nb.category("other").to_string(),
        "1, 3",
    ));
    rows
}

fn year_rule() -> DataValidation {
    DataValidation::new().allow_whole_number(DataValidationRule::Between(1990, 2100))
}

fn non_negative(message: &str) -> Result<DataValidation, XlsxError> {
    DataValidation::new()
        .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0))
        .set_input_message(message)?
        .set_error_message("Tallet kan ikke være negativt.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_same_bytes_every_time() {
        assert_eq!(workbook().unwrap(), workbook().unwrap());
    }

    #[test]
    fn lists_every_category_key_of_the_spec_once() {
        let rows = category_rows();
        for key in SCOPE1_CATEGORIES.iter().chain(&SCOPE3_CATEGORIES) {
            assert_eq!(rows.iter().filter(|(k, _, _)| k == key).count(), 1, "{key}");
        }
        assert!(rows.iter().all(|(_, name, _)| !name.is_empty()));
    }

    #[test]
    fn the_guide_ends_where_the_category_table_starts() {
        assert_eq!(GUIDE.len() as u32 + 2, CATEGORY_TABLE_ROW - 2);
    }
}
