//! `nfk template xlsx` and `nfk import` (issue 21): workbooks made here with the writer crate
//! (and one saved by LibreOffice, committed), CSV files, every bad input with its message, the
//! round trip of the site's own `/data/emissions.csv`, and the safety of the partner's file.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use rust_xlsxwriter::{Formula, Workbook};

use crate::support::copy_dir;

/// `nfk` in English, so the assertions below read as the messages' English text.
fn nfk(args: &[&str], root: &Path) -> Output {
    nfk_in(&["--lang", "en"], args, root)
}

/// `nfk` with `lang` (`&[]`: the site's language, bokmål for the fixture).
fn nfk_in(lang: &[&str], args: &[&str], root: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_nfk"))
        .args(args)
        .args(lang)
        .arg("--root")
        .arg(root)
        .output()
        .expect("runs nfk")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

/// A copy of the import fixture site (partner `alfa` with a commented emissions.yaml, `beta`
/// without one).
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("site"), dir.path());
    dir
}

const ALFA: &str = "partners/alfa/emissions.yaml";

/// A cell of a workbook made in a test.
enum C<'a> {
    T(&'a str),
    N(f64),
    /// A formula with the value a spreadsheet program cached for it.
    F(&'a str, &'a str),
    E,
}

const HEADER: [&str; 7] = [
    "År",
    "Status",
    "Scope",
    "Kategori",
    "Metode",
    "Tonn CO₂e",
    "Merknad",
];

struct Book<'a> {
    emissions_sheet: &'a str,
    org_number: Option<&'a str>,
    years: Vec<Vec<C<'a>>>,
    rows: Vec<Vec<C<'a>>>,
}

impl<'a> Book<'a> {
    fn new(rows: Vec<Vec<C<'a>>>) -> Self {
        Book {
            emissions_sheet: "Utslipp",
            org_number: Some("100 000 008"),
            years: Vec::new(),
            rows,
        }
    }

    fn write(&self, path: &Path) {
        let mut book = Workbook::new();
        let profile = book.add_worksheet().set_name("Profil").unwrap();
        profile.write_string(0, 0, "Navn").unwrap();
        profile.write_string(0, 1, "Alfa Testbygg AS").unwrap();
        profile.write_string(1, 0, "Organisasjonsnummer").unwrap();
        if let Some(org) = self.org_number {
            profile.write_string(1, 1, org).unwrap();
        }
        for (c, h) in ["År", "Ansatte", "Omsetning (MNOK)"].iter().enumerate() {
            profile.write_string(3, c as u16, *h).unwrap();
        }
        for (r, row) in self.years.iter().enumerate() {
            write_row(profile, 4 + r as u32, row);
        }
        let sheet = book.add_worksheet().set_name(self.emissions_sheet).unwrap();
        for (c, h) in HEADER.iter().enumerate() {
            sheet.write_string(0, c as u16, *h).unwrap();
        }
        for (r, row) in self.rows.iter().enumerate() {
            write_row(sheet, 1 + r as u32, row);
        }
        book.save(path).unwrap();
    }
}

fn write_row(sheet: &mut rust_xlsxwriter::Worksheet, r: u32, row: &[C]) {
    for (c, cell) in row.iter().enumerate() {
        let c = c as u16;
        match cell {
            C::T(t) => sheet.write_string(r, c, *t).map(|_| ()),
            C::N(n) => sheet.write_number(r, c, *n).map(|_| ()),
            C::F(f, v) => sheet
                .write_formula(r, c, Formula::new(*f).set_result(*v))
                .map(|_| ()),
            C::E => Ok(()),
        }
        .unwrap();
    }
}

use C::{E, F, N, T};

/// The workbook of the main example: one changed figure in 2019, 2024 restated by category
/// and made final, a new year 2023 (formula cells, decimal commas, no-break spaces).
fn filled_book<'a>() -> Book<'a> {
    let mut book = Book::new(vec![
        vec![
            N(2019.0),
            T("final"),
            N(1.0),
            T("stationary_combustion"),
            E,
            T("21,5"),
            E,
        ],
        vec![
            N(2019.0),
            T("final"),
            N(1.0),
            T("mobile_combustion"),
            E,
            N(80.0),
            E,
        ],
        vec![N(2019.0), T("final"), T("2"), E, T("location"), N(10.0), E],
        vec![N(2019.0), T("final"), T("2"), E, T("market"), T("45,5"), E],
        vec![
            N(2023.0),
            T("final"),
            N(1.0),
            T("total"),
            E,
            T("85\u{a0}000,0"),
            T("Ny bilpark"),
        ],
        vec![
            N(2023.0),
            T("final"),
            N(2.0),
            E,
            T("location"),
            F("=9+0.5", "9.5"),
            E,
        ],
        vec![
            N(2024.0),
            T("final"),
            N(1.0),
            T("mobile_combustion"),
            E,
            F("=SUM(70,5)", "75"),
            E,
        ],
        vec![
            N(2024.0),
            T("final"),
            N(1.0),
            T("Stasjonær forbrenning"),
            E,
            T("4.5"),
            E,
        ],
        vec![N(2024.0), T("final"), N(2.0), E, T("location"), T("8,5"), E],
        // A template row left empty is not a figure.
        vec![N(2024.0), T("final"), N(3.0), T("business_travel"), E, E, E],
    ]);
    book.years = vec![vec![N(2023.0), N(41.0), T("1\u{202f}234,5")]];
    book
}

#[test]
fn template_is_byte_identical_across_runs_and_never_replaces_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.xlsx"), dir.path().join("b.xlsx"));
    let template = |path: &Path| {
        Command::new(env!("CARGO_BIN_EXE_nfk"))
            .args(["template", "xlsx", "--output"])
            .arg(path)
            .output()
            .unwrap()
    };
    for path in [&a, &b] {
        let out = template(path);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    std::fs::write(&a, b"filled in").unwrap();
    let out = template(&a);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(&a).unwrap(), b"filled in");
}

#[test]
fn template_has_the_four_sheets_and_reads_back_as_an_empty_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.xlsx");
    std::fs::write(&path, nfk::import::template::workbook().unwrap()).unwrap();
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto(&path).unwrap();
    assert_eq!(
        book.sheet_names(),
        ["Profil", "Utslipp", "Mål", "Veiledning"]
    );
    let emissions = book.worksheet_range("Utslipp").unwrap();
    let header: Vec<String> = emissions
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(header, HEADER);
    let guide = book.worksheet_range("Veiledning").unwrap();
    let keys: Vec<String> = guide.rows().map(|r| r[0].to_string()).collect();
    for key in nfk::model::SCOPE1_CATEGORIES
        .iter()
        .chain(&nfk::model::SCOPE3_CATEGORIES)
    {
        assert!(
            keys.iter().any(|k| k == key),
            "{key} is not in the category list"
        );
    }
    let out = nfk(
        &["import", path.to_str().unwrap(), "--partner", "alfa"],
        &fixture("site"),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("t.xlsx!Utslipp: error: no emission figures to import"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn imports_a_workbook_keeping_the_files_comments_and_other_keys_and_says_so_in_bokmal() {
    let site = site();
    let book = site.path().join("alfa.xlsx");
    filled_book().write(&book);
    let before = std::fs::read_to_string(site.path().join(ALFA)).unwrap();
    let out = nfk_in(&[], &["import", book.to_str().unwrap()], site.path());
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let after = std::fs::read_to_string(site.path().join(ALFA)).unwrap();
    insta::assert_snapshot!("alfa-before", before);
    insta::assert_snapshot!("alfa-after", after);
    insta::assert_snapshot!(
        "alfa-diff",
        stdout(&out).replace(book.to_str().unwrap(), "alfa.xlsx")
    );
    let check = nfk(&["check"], site.path());
    assert!(check.status.success(), "{}", stdout(&check));
}

#[test]
fn a_file_with_a_byte_order_mark_and_crlf_keeps_both() {
    let site = site();
    let file = site.path().join(ALFA);
    let text = std::fs::read_to_string(&file)
        .unwrap()
        .replace('\n', "\r\n");
    std::fs::write(&file, format!("\u{feff}{text}")).unwrap();
    let book = site.path().join("alfa.xlsx");
    filled_book().write(&book);
    let out = nfk(&["import", book.to_str().unwrap()], site.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let after = std::fs::read(&file).unwrap();
    assert!(after.starts_with(b"\xEF\xBB\xBF"));
    let after = String::from_utf8(after).unwrap();
    assert!(after.contains("  - year: 2023\r\n"));
    assert_eq!(after.matches('\n').count(), after.matches("\r\n").count());
}

#[test]
fn a_dry_run_shows_the_diff_and_writes_nothing() {
    let site = site();
    let book = site.path().join("alfa.xlsx");
    filled_book().write(&book);
    let before = crate::support::files(site.path());
    let out = nfk(
        &["import", book.to_str().unwrap(), "--dry-run"],
        site.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("2019  scope1.stationary_combustion  changed  20 → 21.5"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&out).contains("nothing was written"));
    assert_eq!(crate::support::files(site.path()), before);
}

#[test]
fn importing_the_same_workbook_twice_changes_nothing_the_second_time() {
    let site = site();
    let book = site.path().join("alfa.xlsx");
    filled_book().write(&book);
    assert!(
        nfk(&["import", book.to_str().unwrap()], site.path())
            .status
            .success()
    );
    let first = std::fs::read(site.path().join(ALFA)).unwrap();
    let out = nfk(&["import", book.to_str().unwrap()], site.path());
    assert!(
        stdout(&out).contains("partners/alfa/emissions.yaml: no change"),
        "{}",
        stdout(&out)
    );
    assert_eq!(std::fs::read(site.path().join(ALFA)).unwrap(), first);
}

#[test]
fn a_workbook_for_a_partner_without_emissions_creates_its_file() {
    let site = site();
    let book = site.path().join("beta.xlsx");
    let mut filled = Book::new(vec![
        vec![N(2022.0), T("preliminary"), N(1.0), E, E, N(3.0), E],
        vec![N(2021.0), T("final"), N(1.0), E, E, N(4.0), E],
        vec![N(2021.0), T("final"), N(2.0), E, T("location"), N(1.0), E],
    ]);
    filled.org_number = Some("200000005");
    filled.write(&book);
    let out = nfk(&["import", book.to_str().unwrap()], site.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("partners/beta/emissions.yaml (new file)"));
    let text = std::fs::read_to_string(site.path().join("partners/beta/emissions.yaml")).unwrap();
    insta::assert_snapshot!("beta-new-file", text);
}

/// Runs the import of `book` on the fixture site and returns its stderr; the site must be
/// left as it was.
fn refused(book: &Book, extra: &[&str]) -> String {
    let site = site();
    let path = site.path().join("in.xlsx");
    book.write(&path);
    refused_file(site.path(), &path, extra)
}

fn refused_file(site: &Path, path: &Path, extra: &[&str]) -> String {
    let before = std::fs::read(site.join(ALFA)).unwrap();
    let mut args = vec!["import", path.to_str().unwrap()];
    args.extend_from_slice(extra);
    let out = if extra.contains(&"--lang") {
        nfk_in(&[], &args, site)
    } else {
        nfk(&args, site)
    };
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert_eq!(
        std::fs::read(site.join(ALFA)).unwrap(),
        before,
        "nothing may be written"
    );
    assert!(
        stderr(&out).contains("nothing was written")
            || stderr(&out).contains("ingenting ble skrevet")
    );
    let name = path.file_name().unwrap().to_str().unwrap();
    stderr(&out)
        .replace(path.to_str().unwrap(), name)
        .replace(site.to_str().unwrap(), "SITE")
}

fn row<'a>(year: f64, scope: f64, category: &'a str, method: &'a str, value: C<'a>) -> Vec<C<'a>> {
    let text = |t: &'a str| if t.is_empty() { E } else { T(t) };
    vec![
        N(year),
        T("final"),
        N(scope),
        text(category),
        text(method),
        value,
        E,
    ]
}

#[test]
fn an_unknown_category_is_reported_at_its_cell_with_a_suggestion() {
    let err = refused(
        &Book::new(vec![row(2024.0, 1.0, "mobil_combustion", "", N(3.0))]),
        &[],
    );
    assert!(
        err.contains("in.xlsx!Utslipp!D2: error: unknown scope 1 category `mobil_combustion`"),
        "{err}"
    );
    assert!(
        err.contains("help: did you mean `mobile_combustion`?"),
        "{err}"
    );
}

#[test]
fn text_in_a_number_cell_is_reported_at_its_cell() {
    let err = refused(
        &Book::new(vec![row(2024.0, 1.0, "", "", T("12 tonn"))]),
        &[],
    );
    assert!(
        err.contains(
            "in.xlsx!Utslipp!F2: error: expected a number for tonnes CO₂e, found `12 tonn`"
        ),
        "{err}"
    );
    assert!(err.contains("help: write the number alone"), "{err}");
}

#[test]
fn a_figure_given_twice_names_both_rows() {
    let err = refused(
        &Book::new(vec![
            row(2024.0, 1.0, "process", "", N(3.0)),
            row(2024.0, 1.0, "process", "", N(4.0)),
        ]),
        &[],
    );
    assert!(
        err.contains("in.xlsx!Utslipp!F3: error: 2024: scope 1 `process` is given twice"),
        "{err}"
    );
    assert!(err.contains("the first is at in.xlsx!Utslipp!F2"), "{err}");
}

#[test]
fn a_year_twice_in_the_profile_table_is_an_error() {
    let mut book = filled_book();
    book.years = vec![vec![N(2023.0), N(41.0)], vec![N(2023.0), N(42.0)]];
    let err = refused(&book, &[]);
    assert!(
        err.contains("in.xlsx!Profil!A6: error: 2023: the year is given twice"),
        "{err}"
    );
}

#[test]
fn market_based_without_location_based_is_an_error() {
    let err = refused(
        &Book::new(vec![
            row(2024.0, 1.0, "", "", N(3.0)),
            row(2024.0, 2.0, "", "market", N(4.0)),
        ]),
        &[],
    );
    assert!(
        err.contains("in.xlsx!Utslipp!F3: error: 2024: scope 2 has a market-based figure but no location-based one"),
        "{err}"
    );
    let err = refused(&Book::new(vec![row(2024.0, 2.0, "", "", N(4.0))]), &[]);
    assert!(
        err.contains("in.xlsx!Utslipp!E2: error: scope 2 needs a method: `location` or `market`"),
        "{err}"
    );
}

#[test]
fn a_renamed_sheet_is_named() {
    let mut book = Book::new(vec![row(2024.0, 1.0, "", "", N(3.0))]);
    book.emissions_sheet = "Utslip";
    let err = refused(&book, &[]);
    assert!(
        err.contains("in.xlsx: error: the workbook has no sheet named `Utslipp`"),
        "{err}"
    );
    assert!(
        err.contains("help: rename the sheet `Utslip` back to `Utslipp`"),
        "{err}"
    );
}

#[test]
fn an_empty_workbook_is_refused() {
    let err = refused(&Book::new(vec![]), &[]);
    assert!(
        err.contains("in.xlsx!Utslipp: error: no emission figures to import"),
        "{err}"
    );
}

#[test]
fn a_workbook_over_the_limit_is_refused_before_it_is_read() {
    let site = site();
    let path = site.path().join("in.xlsx");
    // A sparse file: 21 MB by its metadata, and not a workbook at all, so reading it would fail
    // differently.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(21 * 1024 * 1024)
        .unwrap();
    let err = refused_file(site.path(), &path, &[]);
    assert!(
        err.contains(
            "in.xlsx: error: the file is 22,020,096 bytes; nfk import reads at most 20,971,520"
        ),
        "{err}"
    );
}

#[test]
fn a_workbook_for_an_unknown_organisation_number_is_refused() {
    let mut book = Book::new(vec![row(2024.0, 1.0, "", "", N(3.0))]);
    book.org_number = Some("999999999");
    let err = refused(&book, &[]);
    assert!(
        err.contains(
            "in.xlsx!Profil!B2: error: no partner in partners/ has organisation number 999999999"
        ),
        "{err}"
    );
    book.org_number = Some("100000008");
    let err = refused(&book, &["--partner", "beta"]);
    assert!(
        err.contains("but partners/beta/profile.yaml has 200000005"),
        "{err}"
    );
}

#[test]
fn a_result_that_breaks_a_rule_of_check_is_not_written() {
    // 2026 is after the site's results date: `nfk check` refuses it, so the import does too.
    let err = refused(&Book::new(vec![row(2026.0, 1.0, "", "", N(3.0))]), &[]);
    assert!(err.contains("year 2026 is after the results date (as_of, in 2025) (in the file as the import would write it)"), "{err}");
    assert!(
        err.contains("SITE/partners/alfa/emissions.yaml:")
            || err.contains("partners/alfa/emissions.yaml:"),
        "{err}"
    );
}

#[test]
fn csv_problems_are_reported_at_line_and_column() {
    let site = site();
    let path = site.path().join("in.csv");
    std::fs::write(
        &path,
        "slug,year,status,scope,category,tco2e\n\
         alfa,2024,final,1,total,80\n\
         alfa,2024,final,1,total,81\n\
         alfa,2024,finished,2,location_based,9\n\
         alfa,2o24,final,3,business_travel,2\n\
         gamma,2024,final,1,total,1\n",
    )
    .unwrap();
    let err = refused_file(site.path(), &path, &["--lang", "nb"]);
    insta::assert_snapshot!("csv-problems", err);
}

#[test]
fn csv_in_version_2_columns_and_any_order_is_read() {
    let site = site();
    let path = site.path().join("in.csv");
    std::fs::write(
        &path,
        "unit,tco2e,method,category,scope,status,year,slug\n\
         tCO2e,70,,total,1,final,2024,alfa\n\
         tCO2e,9,location,,2,final,2024,alfa\n\
         tCO2e,30,market,market_based,2,final,2024,alfa\n",
    )
    .unwrap();
    let out = nfk(
        &["import", path.to_str().unwrap(), "--dry-run"],
        site.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("2024  status               changed  preliminary → final"),
        "{text}"
    );
    assert!(
        text.contains("2024  scope1               changed  80 → 70"),
        "{text}"
    );
    assert!(
        text.contains("2024  scope2.market_based  added    30"),
        "{text}"
    );
}

#[test]
fn partner_picks_one_partner_of_a_csv_file() {
    let site = site();
    let path = site.path().join("in.csv");
    std::fs::write(
        &path,
        "slug,year,status,scope,category,tco2e\n\
         alfa,2024,final,1,total,70\n\
         beta,2024,final,1,total,5\n",
    )
    .unwrap();
    let out = nfk(
        &["import", path.to_str().unwrap(), "--partner", "beta"],
        site.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(site.path().join("partners/beta/emissions.yaml").exists());
    assert!(!stdout(&out).contains("partners/alfa"), "{}", stdout(&out));
    let err = refused_file(site.path(), &path, &["--partner", "gamma"]);
    assert!(
        err.contains("in.csv: error: the file has no figures for partner `gamma`"),
        "{err}"
    );
}

#[test]
fn a_file_changed_since_it_was_read_is_not_overwritten() {
    let site = site();
    let book = site.path().join("alfa.xlsx");
    filled_book().write(&book);
    let options = nfk::import::ImportOptions {
        root: site.path().to_path_buf(),
        file: book,
        partner: None,
    };
    let plan = nfk::import::plan(&options)
        .unwrap()
        .expect("a valid import");
    let edited = std::fs::read_to_string(site.path().join(ALFA)).unwrap() + "# redigert samtidig\n";
    std::fs::write(site.path().join(ALFA), &edited).unwrap();
    let problems = nfk::import::apply(&plan).unwrap().expect_err("refused");
    let d = &problems.sorted()[0];
    assert_eq!(d.path, ALFA);
    assert!(
        d.message.contains("changed while nfk import ran"),
        "{}",
        d.message
    );
    assert_eq!(
        std::fs::read_to_string(site.path().join(ALFA)).unwrap(),
        edited
    );
    let leftovers: Vec<_> = std::fs::read_dir(site.path().join("partners/alfa"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

/// The bundled site's own `/data/emissions.csv`, imported into a copy of the site from which
/// the figures it carries were taken out, gives back the same results. Three kinds of file:
/// without targets (removed: the import creates it), with absolute targets only (`years:`
/// removed), with an intensity target (only status and scopes removed: its normalisers, which
/// the CSV does not carry, stay).
#[test]
fn the_exported_csv_imported_into_an_emptied_site_gives_the_same_results() {
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR"));
    let site = tempfile::tempdir().unwrap();
    for part in ["site.yaml", "content", "partners", "themes"] {
        let from = bundled.join(part);
        if from.is_dir() {
            copy_dir(&from, &site.path().join(part));
        } else {
            std::fs::copy(&from, site.path().join(part)).unwrap();
        }
    }
    let out_dir = tempfile::tempdir().unwrap();
    let output = out_dir.path().join("public");
    let built = nfk(
        &["build", "--output", output.to_str().unwrap()],
        site.path(),
    );
    assert!(built.status.success(), "{}", stderr(&built));
    let csv = output.join("data/emissions.csv");
    let exported = std::fs::read_to_string(&csv).unwrap();
    // The sector medians are left out: they come from the normalisers (`employees`,
    // `revenue_mnok`), which the CSV does not carry.
    let figures = |text: &str| {
        let mut json: serde_json::Value = serde_json::from_str(text).unwrap();
        for row in json["by_sector"].as_array_mut().unwrap() {
            row.as_object_mut()
                .unwrap()
                .retain(|key, _| !key.starts_with("median_"));
        }
        json.to_string()
    };
    let results = |site: &Path| {
        let out = nfk(&["results", "--format", "json"], site);
        assert!(out.status.success(), "{}", stderr(&out));
        figures(&stdout(&out))
    };
    // Every bundled partner with emissions has targets: one of them (with no structural changes,
    // which the CSV does not carry either) loses its targets first, so the import also has a
    // file to create from nothing.
    let mut dirs: Vec<_> = std::fs::read_dir(site.path().join("partners"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.sort();
    let without_targets = dirs.iter().find_map(|dir| {
        let file = dir.join("emissions.yaml");
        let text = std::fs::read_to_string(&file).ok()?;
        let slug = dir.file_name().unwrap().to_string_lossy().into_owned();
        (exported.contains(&format!("\n{slug},"))
            && !text.contains("kind: intensity")
            && !text.contains("structural_changes"))
        .then_some((file, text))
    });
    let (file, text) = without_targets.expect("a partner whose targets can be taken out");
    let doc: yaml_edit::Document = text.parse().unwrap();
    doc.as_mapping().unwrap().remove("targets");
    std::fs::write(&file, doc.to_string()).unwrap();
    let before = results(site.path());

    let mut kinds = [0; 3];
    for dir in dirs {
        let slug = dir.file_name().unwrap().to_string_lossy().into_owned();
        let file = dir.join("emissions.yaml");
        if !file.exists() || !exported.contains(&format!("\n{slug},")) {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        let doc: yaml_edit::Document = text.parse().unwrap();
        let root = doc.as_mapping().unwrap();
        let targets = root.get_sequence("targets").map_or(0, |t| t.len());
        if targets == 0 {
            std::fs::remove_file(&file).unwrap();
            kinds[0] += 1;
        } else if !text.contains("kind: intensity") {
            root.remove("years");
            std::fs::write(&file, doc.to_string()).unwrap();
            kinds[1] += 1;
        } else {
            let years = root.get_sequence("years").unwrap();
            for item in years.values() {
                let year = item.as_mapping().unwrap();
                for key in ["status", "scope1", "scope2", "scope3"] {
                    year.remove(key);
                }
            }
            std::fs::write(&file, doc.to_string()).unwrap();
            kinds[2] += 1;
        }
    }
    assert!(
        kinds.iter().all(|k| *k > 0),
        "every kind of file is tried: {kinds:?}"
    );
    let emptied = nfk(&["results", "--format", "json"], site.path());
    assert!(
        !emptied.status.success() || figures(&stdout(&emptied)) != before,
        "the figures were taken out"
    );

    let out = nfk(&["import", csv.to_str().unwrap()], site.path());
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert_eq!(results(site.path()), before);
    let again = nfk(&["import", csv.to_str().unwrap(), "--dry-run"], site.path());
    assert!(
        stdout(&again).contains("0 added, 0 changed, 0 removed in 0 files"),
        "{}",
        stdout(&again)
    );
}

/// Writes the workbook that `tests/fixtures/import/libreoffice/` was made from (see its
/// README): `NFK_WORKBOOK=/tmp/alfa.xlsx cargo test --test it writes_the_libreoffice_source -- --ignored`.
#[test]
#[ignore = "only run to remake the LibreOffice fixtures"]
fn writes_the_libreoffice_source() {
    let path = std::env::var("NFK_WORKBOOK").expect("NFK_WORKBOOK names the file to write");
    filled_book().write(Path::new(&path));
}

/// The same workbook, opened and saved by LibreOffice Calc (as .xlsx and as .ods), gives the
/// same import as the one written by the writer crate.
#[test]
fn workbooks_saved_by_libreoffice_import_like_the_original() {
    let site = site();
    let original = site.path().join("alfa.xlsx");
    filled_book().write(&original);
    let dry_run = |path: &Path| {
        let out = nfk(
            &["import", path.to_str().unwrap(), "--dry-run"],
            site.path(),
        );
        assert!(out.status.success(), "{}: {}", path.display(), stderr(&out));
        stdout(&out)
    };
    let expected = dry_run(&original);
    assert!(
        expected.contains("2023  scope1                        added    85000"),
        "{expected}"
    );
    for name in ["alfa.xlsx", "alfa.ods"] {
        assert_eq!(
            dry_run(&fixture("libreoffice").join(name)),
            expected,
            "{name}"
        );
    }
}
