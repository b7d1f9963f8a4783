//! `docs/format.md` against nfk itself (unit tests of the loader, which is what they read):
//! every key the loader accepts is documented, every documented key is accepted (the loader's
//! keys come from [`walk`], over the raw structs of `raw.rs`), "required" is what nfk requires,
//! the category and chart tables follow the model's and the charts' lists, and the documented
//! values of each enumerated key are the ones `nfk check` ([`crate::check_build`]) allows.
//!
//! The document is read by its tables: under a `##` heading naming a file in backticks, a table
//! whose first column is `key` lists keys; the paragraph just before it names the group in
//! backticks (`Keys of \`results\`:`), or none for the top level. A table whose first column is
//! `value` lists the allowed values of the keys its paragraph names.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::charts::NETWORK_CHARTS;
use crate::diagnostics::{Diagnostic, Severity};
use crate::load::raw::{RawEmissions, RawFrontMatter, RawProfile, RawSiteConfig};
use crate::model::{Language, SCOPE1_CATEGORIES, SCOPE3_CATEGORIES, SECTOR_CODES};
use crate::strings::Strings;

use walk::{join, loader_keys};

mod walk;

// ---- The document's tables ----

#[derive(Debug, Default)]
struct Cell {
    text: String,
    code: Vec<String>,
}

#[derive(Debug)]
struct Table {
    /// The file of the `##` section, from its heading's first code span.
    file: Option<String>,
    /// The code spans of the paragraph just before the table.
    caption: Vec<String>,
    header: Vec<String>,
    rows: Vec<Vec<Cell>>,
}

impl Table {
    fn kind(&self) -> &str {
        self.header.first().map_or("", String::as_str)
    }

    fn column(&self, name: &str) -> Option<usize> {
        self.header.iter().position(|h| h == name)
    }

    /// The backticked word of a row's first cell: the key or the value.
    fn first(&self, row: &[Cell]) -> String {
        match row[0].code.as_slice() {
            [one] => one.clone(),
            _ => panic!(
                "{:?}: first cell `{}` needs one code span",
                self.caption, row[0].text
            ),
        }
    }

    /// The groups the caption names; the top level when it names none.
    fn prefixes(&self) -> Vec<String> {
        if self.caption.is_empty() {
            vec![String::new()]
        } else {
            self.caption.clone()
        }
    }
}

fn tables() -> Vec<Table> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/format.md");
    let text = std::fs::read_to_string(&path).expect("docs/format.md");
    let mut tables = Vec::new();
    let (mut file, mut heading) = (None, None::<Vec<String>>);
    let (mut caption, mut paragraph) = (None::<Vec<String>>, None::<Vec<String>>);
    let mut table: Option<Table> = None;
    let mut row: Vec<Cell> = Vec::new();
    for event in Parser::new_ext(&text, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                caption = None;
                heading = (level == HeadingLevel::H2).then(Vec::new);
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(spans) = heading.take() {
                    file = spans.first().cloned();
                }
            }
            Event::Start(Tag::Paragraph) if table.is_none() => paragraph = Some(Vec::new()),
            Event::End(TagEnd::Paragraph) => caption = paragraph.take(),
            Event::Start(Tag::CodeBlock(_) | Tag::List(_) | Tag::BlockQuote(_))
            | Event::End(TagEnd::List(_)) => caption = None,
            Event::Start(Tag::Table(_)) => {
                table = Some(Table {
                    file: file.clone(),
                    caption: caption.take().unwrap_or_default(),
                    header: Vec::new(),
                    rows: Vec::new(),
                });
            }
            Event::Start(Tag::TableCell) => row.push(Cell::default()),
            Event::End(TagEnd::TableHead) => {
                let t = table.as_mut().expect("in a table");
                t.header = row.drain(..).map(|c| c.text.trim().to_string()).collect();
            }
            Event::End(TagEnd::TableRow) => {
                let cells = std::mem::take(&mut row);
                table.as_mut().expect("in a table").rows.push(cells);
            }
            Event::End(TagEnd::Table) => tables.extend(table.take()),
            Event::Code(code) => {
                if let Some(cell) = row.last_mut().filter(|_| table.is_some()) {
                    cell.text.push_str(&format!("`{code}`"));
                    cell.code.push(code.to_string());
                } else if let Some(spans) = heading.as_mut().or(paragraph.as_mut()) {
                    spans.push(code.to_string());
                }
            }
            Event::Text(t) => {
                if let Some(cell) = row.last_mut().filter(|_| table.is_some()) {
                    cell.text.push_str(&t);
                }
            }
            _ => {}
        }
    }
    tables
}

/// The files an editor writes in YAML, as `docs/format.md` names them, with the loader's keys.
fn files() -> Vec<(&'static str, BTreeMap<String, bool>)> {
    let mut emissions = loader_keys::<RawEmissions>();
    for (scope, categories) in [
        ("years.scope1", &SCOPE1_CATEGORIES[..]),
        ("years.scope3", &SCOPE3_CATEGORIES[..]),
    ] {
        for category in categories {
            emissions.insert(format!("{scope}.{category}"), false);
        }
    }
    vec![
        ("site.yaml", loader_keys::<RawSiteConfig>()),
        ("partners/<slug>/profile.yaml", loader_keys::<RawProfile>()),
        ("partners/<slug>/emissions.yaml", emissions),
        ("content/**/*.md", loader_keys::<RawFrontMatter>()),
    ]
}

/// Every documented key of `file`, with its "required" cell when the table has one.
fn documented_keys(tables: &[Table], file: &str) -> BTreeMap<String, Option<String>> {
    let mut keys = BTreeMap::new();
    for table in tables.iter().filter(|t| t.kind() == "key") {
        if table.file.as_deref() != Some(file) {
            continue;
        }
        let required = table.column("required");
        for row in &table.rows {
            let key = table.first(row);
            for prefix in table.prefixes() {
                let cell = required.map(|i| row[i].text.trim().to_string());
                let path = join(&prefix, &key);
                assert!(
                    keys.insert(path.clone(), cell).is_none(),
                    "`{path}` is documented twice"
                );
            }
        }
    }
    keys
}

#[test]
fn documents_every_key_the_loader_accepts_and_no_other() {
    let tables = tables();
    let files = files();
    for table in tables.iter().filter(|t| t.kind() == "key") {
        let file = table.file.as_deref().unwrap_or("(no file)");
        assert!(
            files.iter().any(|(name, _)| *name == file),
            "a key table under `{file}`, which is not a file nfk reads as YAML"
        );
    }
    for (file, accepted) in files {
        let documented = documented_keys(&tables, file);
        let missing: Vec<&String> = accepted
            .keys()
            .filter(|k| !documented.contains_key(*k))
            .collect();
        let unknown: Vec<&String> = documented
            .keys()
            .filter(|k| !accepted.contains_key(*k))
            .collect();
        assert!(
            missing.is_empty() && unknown.is_empty(),
            "{file}: accepted by the loader but not in docs/format.md: {missing:?}; \
             in docs/format.md but not accepted: {unknown:?}"
        );
    }
}

#[test]
fn says_required_exactly_for_the_keys_nfk_requires() {
    let tables = tables();
    let by_check = required_by_check();
    for (file, key, text) in &by_check {
        assert!(
            check_requires(file, key, text),
            "{file}: `{key}` is required"
        );
    }
    for (file, accepted) in files() {
        for (key, cell) in documented_keys(&tables, file) {
            let Some(cell) = cell else { continue };
            let says = match cell.as_str() {
                "yes" => true,
                c if c.starts_with("no") => false,
                other => panic!("{file} `{key}`: required is `{other}`, not yes or no…"),
            };
            let checked = by_check.iter().any(|(f, k, _)| *f == file && *k == key);
            assert_eq!(says, accepted[&key] || checked, "{file} `{key}`: required");
        }
    }
}

#[test]
fn lists_the_categories_in_ghg_protocol_order_with_their_norwegian_names() {
    let tables = tables();
    for (scope, categories) in [
        ("years.scope1", &SCOPE1_CATEGORIES[..]),
        ("years.scope3", &SCOPE3_CATEGORIES[..]),
    ] {
        let table = tables
            .iter()
            .find(|t| t.kind() == "key" && t.caption == [scope])
            .unwrap_or_else(|| panic!("no table of the `{scope}` categories"));
        let keys: Vec<String> = table.rows.iter().map(|r| table.first(r)).collect();
        assert_eq!(keys, categories, "{scope}: the categories in order");
        let name = table
            .column("Norwegian name")
            .expect("a Norwegian name column");
        let number = table.column("GHG Protocol category");
        let nb = Strings::embedded(Language::Nb);
        for (i, row) in table.rows.iter().enumerate() {
            let key = &keys[i];
            let label = nb.category(key);
            assert_eq!(row[name].text.trim(), label, "{scope}.{key}");
            if let Some(n) = number {
                let expected = if key == "other" {
                    "–".to_string()
                } else {
                    (i + 1).to_string()
                };
                assert_eq!(row[n].text.trim(), expected, "{scope}.{key}: GHG number");
            }
        }
    }
}

/// The allowed values documented per (file, key).
fn documented_values(tables: &[Table]) -> BTreeMap<(String, String), Vec<String>> {
    let mut values = BTreeMap::new();
    for table in tables.iter().filter(|t| t.kind() == "value") {
        let file = table
            .file
            .clone()
            .expect("a value table under a file's heading");
        let list: Vec<String> = table.rows.iter().map(|r| table.first(r)).collect();
        for key in &table.caption {
            values.insert((file.clone(), key.clone()), list.clone());
        }
    }
    values
}

const BAD: &str = "qqqqqqqqqq";
const SITE: &str = "title: T\nbase_url: https://example.org/\nresults: { reporting_year: 2024, as_of: 2025-06-16 }\nfee_tiers:\n  - { fee_nok: 10000 }\n";
const PROFILE: &str = "name: Alfa AS\norg_number: \"100000008\"\nsector: F\nemployees: 4\n";
const EMISSIONS: &str = "base_year: 2019\nyears:\n  - { year: 2019, employees: 4, scope1: 1, scope2: { location_based: 1 } }\n";

/// Each enumerated key that `nfk check` judges as a choice, and a file that gives it [`BAD`].
fn choices() -> Vec<(&'static str, &'static str, String)> {
    let target = |extra: &str| {
        format!(
            "{EMISSIONS}targets:\n  - {{ label: M, scopes: [1], target_year: 2030, reduction_percent: 50, {extra} }}\n"
        )
    };
    let (p, e) = (
        "partners/<slug>/profile.yaml",
        "partners/<slug>/emissions.yaml",
    );
    vec![
        ("site.yaml", "language", format!("{SITE}language: {BAD}\n")),
        (
            p,
            "principles.supplier_requirements.status",
            format!("{PROFILE}principles:\n  supplier_requirements: {{ status: {BAD} }}\n"),
        ),
        (
            p,
            "principles.strategy.status",
            format!("{PROFILE}principles:\n  strategy: {{ status: {BAD} }}\n"),
        ),
        (
            p,
            "principles.certification.certificates.scheme",
            format!(
                "{PROFILE}principles:\n  certification:\n    certificates:\n      - {{ scheme: {BAD}, valid_until: 2026-01-01 }}\n"
            ),
        ),
        (
            e,
            "years.status",
            format!("base_year: 2019\nyears:\n  - {{ year: 2019, status: {BAD}, scope1: 1 }}\n"),
        ),
        (e, "targets.kind", target(&format!("kind: {BAD}"))),
        (
            e,
            "targets.per",
            target(&format!("kind: intensity, per: {BAD}")),
        ),
        (
            e,
            "targets.scope2_method",
            target(&format!("scope2_method: {BAD}")),
        ),
        (e, "targets.sbti", target(&format!("sbti: {BAD}"))),
        (
            e,
            "structural_changes.kind",
            format!(
                "{EMISSIONS}structural_changes:\n  - {{ year: 2020, kind: {BAD}, recalculated: false }}\n"
            ),
        ),
    ]
}

/// The diagnostics of `nfk check` on a one-partner site whose `doc_file` is `text`, worded as
/// the command words them.
fn check_site(doc_file: &str, text: &str) -> Vec<Diagnostic> {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let partner = root.join("partners/alfa");
    std::fs::create_dir_all(&partner).unwrap();
    std::fs::create_dir_all(root.join("content")).unwrap();
    let own = |name: &str, default: &'static str| {
        if doc_file.ends_with(name) {
            text.to_string()
        } else {
            default.to_string()
        }
    };
    std::fs::write(root.join("site.yaml"), own("site.yaml", SITE)).unwrap();
    for (name, default) in [("profile.yaml", PROFILE), ("emissions.yaml", EMISSIONS)] {
        std::fs::write(partner.join(name), own(name, default)).unwrap();
    }
    std::fs::write(root.join("content/_index.md"), "---\ntitle: Forside\n---\n").unwrap();
    let report = crate::check_build(root);
    let lang = crate::messages::choose(None, root);
    crate::diagnostics::localized(report.diagnostics.sorted(), lang)
}

/// The values `nfk check` offers when `doc_file` of a one-partner site is `text`, which has
/// [`BAD`] in it.
fn allowed_values(doc_file: &str, text: &str) -> BTreeSet<String> {
    let diagnostics = check_site(doc_file, text);
    let about_bad: Vec<&Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.message.contains(BAD))
        .collect();
    let [d] = about_bad.as_slice() else {
        panic!("{doc_file}: one diagnostic about `{BAD}` expected: {diagnostics:?}");
    };
    let help = d.help.as_deref().expect("a help line");
    let (_, list) = help
        .rsplit_once(": ")
        .unwrap_or_else(|| panic!("help `{help}` lists no values"));
    list.split(", ").map(|v| v.trim().to_string()).collect()
}

/// Keys the YAML may leave out but `nfk check` then refuses, each with a file that lacks it.
fn required_by_check() -> Vec<(&'static str, &'static str, String)> {
    vec![(
        "partners/<slug>/emissions.yaml",
        "years.scope2.location_based",
        "base_year: 2019\nyears:\n  - { year: 2019, scope1: 1, scope2: { market_based: 1 } }\n"
            .to_string(),
    )]
}

/// Whether `nfk check` refuses `text` (as `doc_file`) with an error that names `key`.
fn check_requires(doc_file: &str, key: &str, text: &str) -> bool {
    let name = format!("`{}`", key.rsplit('.').next().unwrap_or(key));
    check_site(doc_file, text)
        .iter()
        .any(|d| d.severity == Severity::Error && d.message.contains(&name))
}

#[test]
fn documents_the_values_nfk_check_allows_for_each_enumerated_key() {
    let mut documented = documented_values(&tables());
    let sectors = documented
        .remove(&("partners/<slug>/profile.yaml".into(), "sector".into()))
        .expect("the values of `sector`");
    let letters: Vec<String> = SECTOR_CODES.iter().map(char::to_string).collect();
    assert_eq!(sectors, letters);
    for (file, key, text) in choices() {
        let values = documented
            .remove(&(file.to_string(), key.to_string()))
            .unwrap_or_else(|| panic!("{file}: no values documented for `{key}`"));
        let values: BTreeSet<String> = values.into_iter().collect();
        assert_eq!(values, allowed_values(file, &text), "{file} `{key}`");
    }
    assert!(
        documented.is_empty(),
        "values documented for keys nfk does not judge as a choice: {:?}",
        documented.keys()
    );
}

#[test]
fn names_every_sector_in_norwegian_and_english() {
    let tables = tables();
    let table = tables
        .iter()
        .find(|t| t.kind() == "value" && t.caption == ["sector"])
        .expect("the table of sectors");
    let (nb, en) = (
        table.column("Norwegian name").expect("Norwegian names"),
        table.column("English name").expect("English names"),
    );
    let (words_nb, words_en) = (
        Strings::embedded(Language::Nb),
        Strings::embedded(Language::En),
    );
    assert_eq!(table.rows.len(), SECTOR_CODES.len());
    for (row, code) in table.rows.iter().zip(SECTOR_CODES) {
        assert_eq!(row[nb].text.trim(), words_nb.sector(code));
        assert_eq!(row[en].text.trim(), words_en.sector(code));
    }
}

#[test]
fn names_every_chart_a_page_can_embed() {
    let tables = tables();
    let table = tables
        .iter()
        .find(|t| t.kind() == "chart")
        .expect("the table of charts");
    let names: Vec<String> = table.rows.iter().map(|r| table.first(r)).collect();
    assert_eq!(names, NETWORK_CHARTS);
}
