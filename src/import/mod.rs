//! `nfk import FILE`: emissions from a reporting workbook or a CSV file into
//! `partners/<slug>/emissions.yaml` (SPEC §14, `docs/import.md`); and `nfk template xlsx`.
//!
//! The steps, one module each: read the input (`csv.rs`, `xlsx.rs`) into cells with their
//! places, turn the cells into figures per partner and year (`cells.rs`, `numbers.rs`,
//! `input.rs`), edit each partner's YAML text (`merge.rs`), read the edit back and check the
//! whole site with it in memory (every rule of `nfk check`; here), show the change (`diff.rs`),
//! then write each file atomically, and only if it did not change meanwhile (`write.rs`). An import writes nothing when anything
//! is wrong. Messages live in `messages.rs`. Nothing here writes outside `partners/`.

mod cells;
mod csv;
mod diff;
mod input;
mod merge;
pub(crate) mod messages;
mod numbers;
pub mod template;
mod write;
mod xlsx;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Context, bail};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::raw::RawEmissions;
use crate::load::{self, RawSite, yaml};
use crate::messages::{self as catalogue, ids};
use crate::model::Language;
use input::{PartnerFigures, YearFigures};
use messages::{Loc, Msg, after_import};
use write::Snapshot;
pub use write::apply;

/// A workbook or CSV file larger than this is refused before it is read.
pub(crate) const MAX_INPUT_BYTES: u64 = 20 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub root: PathBuf,
    pub file: PathBuf,
    /// Import only this partner (CSV), or import the workbook for this partner.
    pub partner: Option<String>,
}

/// What an import would do, checked and ready to [`apply`].
#[derive(Debug)]
pub struct Plan {
    pub(crate) files: Vec<FileChange>,
    /// Warnings about the files the import writes (the same as `nfk check` would give).
    pub warnings: Diagnostics,
}

#[derive(Debug)]
pub struct FileChange {
    pub slug: String,
    /// `partners/<slug>/emissions.yaml`
    pub rel: String,
    path: PathBuf,
    /// The file as it was read; `None` when the import creates it.
    before: Option<Snapshot>,
    text: String,
    pub lines: Vec<diff::Line>,
}

impl FileChange {
    pub fn is_new(&self) -> bool {
        self.before.is_none()
    }

    pub fn changes(&self) -> bool {
        self.before
            .as_ref()
            .is_none_or(|b| b.bytes != self.text.as_bytes())
    }
}

/// Reads the input and the site, and works out every file's new text; writes nothing.
/// `Ok(Err(..))` holds the problems an editor can fix.
pub fn plan(options: &ImportOptions) -> anyhow::Result<Result<Plan, Diagnostics>> {
    let mut diags = Diagnostics::new();
    let Some(partners) = read_input(options, &mut diags)? else {
        return Ok(Err(diags));
    };
    let mut site_diags = Diagnostics::new();
    let raw = load::load(&options.root, &mut site_diags, &crate::memo::Memos::off());
    if raw.config.is_none() {
        return Ok(Err(site_diags));
    }
    let targets = resolve(options, &raw, partners, &mut diags);
    if diags.has_errors() {
        return Ok(Err(diags));
    }
    let mut files = Vec::new();
    for (slug, years) in targets {
        if let Some(file) = prepare(&options.root, &slug, &years, &mut diags)? {
            files.push(file);
        }
    }
    if diags.has_errors() {
        return Ok(Err(diags));
    }
    let (problems, warnings) = check_with_files(&options.root, &files);
    if problems.has_errors() {
        return Ok(Err(problems));
    }
    Ok(Ok(Plan { files, warnings }))
}

/// The input file → figures per partner, or `None` after reporting why not.
fn read_input(
    options: &ImportOptions,
    diags: &mut Diagnostics,
) -> anyhow::Result<Option<Vec<PartnerFigures>>> {
    let path = &options.file;
    let display = path.display().to_string();
    let size = fs::metadata(path)
        .with_context(|| format!("reading {display}"))?
        .len();
    if size > MAX_INPUT_BYTES {
        diags.push(
            Msg::TooLarge {
                bytes: size,
                limit: MAX_INPUT_BYTES,
            }
            .at(&Loc::file(&display)),
        );
        return Ok(None);
    }
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let (rows, extras, org_number) = match extension.as_str() {
        "csv" | "txt" => {
            let bytes = fs::read(path).with_context(|| format!("reading {display}"))?;
            match csv::read(&display, &bytes, diags) {
                Some(rows) => (rows, Vec::new(), None),
                None => return Ok(None),
            }
        }
        "xlsx" | "xlsm" | "ods" | "xls" | "xlsb" => {
            match xlsx::read(path, &display, options.partner.is_none(), diags) {
                Some(book) => (book.rows, book.extras, book.org_number),
                None => return Ok(None),
            }
        }
        _ => {
            diags.push(
                Msg::UnknownFileType {
                    extension: format!(".{extension}"),
                }
                .at(&Loc::file(&display)),
            );
            return Ok(None);
        }
    };
    let errors = diags.error_count();
    let mut partners = input::assemble(&rows, &extras, diags);
    partners.retain(|p| !p.years.is_empty());
    // With errors in some rows, the partners of the others are still looked up (below), so
    // every problem is reported at once.
    if partners.is_empty() && diags.error_count() == errors {
        diags.push(Msg::NoFigures.at(&Loc::file(&display)));
        return Ok(None);
    }
    if let Some((org, at)) = org_number {
        // A workbook: one partner, named by its organisation number.
        for p in &mut partners {
            p.key = format!("org:{org}");
            p.at = Some(at.clone());
        }
    }
    Ok(Some(partners))
}

/// Which partner folder each set of figures goes to.
fn resolve(
    options: &ImportOptions,
    raw: &RawSite,
    partners: Vec<PartnerFigures>,
    diags: &mut Diagnostics,
) -> Vec<(String, BTreeMap<i32, YearFigures>)> {
    let display = options.file.display().to_string();
    let slugs: Vec<String> = raw
        .partners
        .iter()
        .filter(|p| p.profile.is_some())
        .map(|p| p.slug.clone())
        .collect();
    let org_of = |slug: &str| {
        raw.partners
            .iter()
            .find(|p| p.slug == slug)
            .and_then(|p| p.profile.as_ref())
            .map(|p| digits(&p.org_number.value.0))
    };
    let known = |slug: &str, at: &Loc, diags: &mut Diagnostics| {
        let ok = slugs.iter().any(|s| s == slug);
        if !ok {
            diags.push(
                Msg::UnknownPartner {
                    slug: slug.to_string(),
                    slugs: slugs.clone(),
                }
                .at(at),
            );
        }
        ok
    };
    let mut out = Vec::new();
    for p in partners {
        let at = p.at.clone().unwrap_or_else(|| Loc::file(&display));
        if let Some(org) = p.key.strip_prefix("org:") {
            let slug = match &options.partner {
                Some(slug) => {
                    if !known(slug, &Loc::file("--partner"), diags) {
                        continue;
                    }
                    if let Some(profile) = org_of(slug).filter(|o| *o != org && !org.is_empty()) {
                        diags.push(
                            Msg::OrgNumberDiffers {
                                slug: slug.clone(),
                                workbook: org.to_string(),
                                profile,
                            }
                            .at(&at),
                        );
                        continue;
                    }
                    slug.clone()
                }
                None => match slugs.iter().find(|s| org_of(s).as_deref() == Some(org)) {
                    Some(slug) => slug.clone(),
                    None if org.is_empty() => {
                        diags.push(Msg::NoPartnerNamed.at(&at));
                        continue;
                    }
                    None => {
                        diags.push(
                            Msg::UnknownOrgNumber {
                                org: org.to_string(),
                            }
                            .at(&at),
                        );
                        continue;
                    }
                },
            };
            out.push((slug, p.years));
        } else if p.key.is_empty() {
            // A workbook without an organisation number.
            match &options.partner {
                Some(slug) if known(slug, &Loc::file("--partner"), diags) => {
                    out.push((slug.clone(), p.years))
                }
                Some(_) => {}
                None => diags.push(Msg::NoPartnerNamed.at(&Loc::file(&format!(
                    "{display}!{}",
                    template::PROFILE_SHEET
                )))),
            }
        } else if options
            .partner
            .as_ref()
            .is_none_or(|wanted| *wanted == p.key)
            && known(&p.key, &at, diags)
        {
            out.push((p.key, p.years));
        }
    }
    if let Some(wanted) = &options.partner
        && !diags.has_errors()
        && out.is_empty()
    {
        diags.push(
            Msg::PartnerNotInFile {
                slug: wanted.clone(),
            }
            .at(&Loc::file(&display)),
        );
    }
    out
}

fn digits(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// Reads a partner's file, merges the imported years into it, and reads the result back.
fn prepare(
    root: &Path,
    slug: &str,
    years: &BTreeMap<i32, YearFigures>,
    diags: &mut Diagnostics,
) -> anyhow::Result<Option<FileChange>> {
    let rel = format!("partners/{slug}/emissions.yaml");
    let path = root.join(&rel);
    let before = Snapshot::read(&path)?;
    let (old_text, old) = match &before {
        Some(snapshot) => {
            let errors = diags.error_count();
            let Some(text) = yaml::decode(&rel, &snapshot.bytes, diags) else {
                return Ok(None);
            };
            let old: Option<RawEmissions> = yaml::parse(&rel, &text, 0, diags);
            if diags.error_count() > errors {
                return Ok(None);
            }
            (Some(text), old)
        }
        None => (None, None),
    };
    let merged =
        merge::merge(old_text.as_deref(), years).with_context(|| format!("editing {rel}"))?;
    let mut read_back = Diagnostics::new();
    let Some(new) = yaml::parse::<RawEmissions>(&rel, &merged, 0, &mut read_back) else {
        let why = read_back
            .sorted()
            .into_iter()
            .next()
            .map(|d| d.message)
            .unwrap_or_default();
        bail!("internal error: the edited {rel} does not read back ({why}); nothing was written");
    };
    verify(old.as_ref(), &new, years).with_context(|| {
        format!(
            "internal error: the edited {rel} does not read back as imported; nothing was written"
        )
    })?;
    let lines = diff::diff(old.as_ref(), &new);
    let crlf = before
        .as_ref()
        .is_some_and(|b| b.bytes.windows(2).any(|w| w == b"\r\n"));
    let text = if crlf {
        merged.replace('\n', "\r\n")
    } else {
        merged
    };
    let bom = before
        .as_ref()
        .is_some_and(|b| b.bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = if bom { format!("\u{feff}{text}") } else { text };
    Ok(Some(FileChange {
        slug: slug.to_string(),
        rel,
        path,
        before,
        text,
        lines,
    }))
}

/// Each imported year of the edited file says exactly what was imported, and everything else
/// the site reads from the file is as it was.
fn verify(
    old: Option<&RawEmissions>,
    new: &RawEmissions,
    years: &BTreeMap<i32, YearFigures>,
) -> anyhow::Result<()> {
    if let Some(old) = old {
        if old.base_year.value != new.base_year.value {
            bail!("base_year changed");
        }
        let targets = |e: &RawEmissions| -> Vec<(String, i64)> {
            e.targets
                .iter()
                .map(|t| (t.label.value.clone(), t.target_year.value))
                .collect()
        };
        if targets(old) != targets(new) {
            bail!("the targets changed");
        }
        for before in old
            .years
            .iter()
            .filter(|y| !years.contains_key(&(y.year.value as i32)))
        {
            let after = new.years.iter().find(|y| y.year.value == before.year.value);
            if after.map(diff::flatten) != Some(diff::flatten(before)) {
                bail!(
                    "year {} changed, but it was not imported",
                    before.year.value
                );
            }
        }
    }
    for wanted in years.values() {
        let entry = new
            .years
            .iter()
            .find(|y| y.year.value == i64::from(wanted.year))
            .with_context(|| format!("year {} is missing", wanted.year))?;
        let got = diff::flatten(entry);
        let expected = expected(wanted);
        for (key, value) in &expected {
            if got.iter().find(|(k, _)| k == key).map(|(_, v)| v) != Some(value) {
                bail!("{} {key} is not {value}", wanted.year);
            }
        }
        if let Some((key, _)) = got
            .iter()
            .find(|(k, _)| k.starts_with("scope") && !expected.iter().any(|(e, _)| e == k))
        {
            bail!("{} {key} should have been removed", wanted.year);
        }
    }
    Ok(())
}

/// The flattened form ([`diff::flatten`]) of what the import gives for a year.
fn expected(y: &YearFigures) -> Vec<(String, diff::Value)> {
    use diff::Value::{Number, Text};
    let mut out = vec![("status".to_string(), Text(y.status.to_string()))];
    out.extend(y.employees.map(|v| ("employees".to_string(), Number(v))));
    out.extend(
        y.revenue_mnok
            .map(|v| ("revenue_mnok".to_string(), Number(v))),
    );
    let mut scope = |key: &str, figures: &Option<input::ScopeFigures>| match figures {
        None => {}
        Some(input::ScopeFigures::Total(v)) => out.push((key.to_string(), Number(*v))),
        Some(input::ScopeFigures::Categories(pairs)) => {
            out.extend(
                pairs
                    .iter()
                    .map(|(c, v)| (format!("{key}.{c}"), Number(*v))),
            );
        }
    };
    scope("scope1", &y.scope1);
    scope("scope3", &y.scope3);
    out.extend(
        y.scope2_location
            .map(|v| ("scope2.location_based".to_string(), Number(v))),
    );
    out.extend(
        y.scope2_market
            .map(|v| ("scope2.market_based".to_string(), Number(v))),
    );
    out.extend(
        y.note
            .as_ref()
            .map(|n| ("note".to_string(), Text(n.clone()))),
    );
    out
}

/// Every rule of `nfk check` on the site with the new files in place of the old, in memory.
/// Returns the errors that block the import (in the partners' folders it writes to, or in
/// `site.yaml`) and the warnings about the files it writes.
fn check_with_files(root: &Path, files: &[FileChange]) -> (Diagnostics, Diagnostics) {
    let rels: BTreeSet<&str> = files.iter().map(|f| f.rel.as_str()).collect();
    let report = crate::check_build_edited(root, |raw, diags| {
        let kept: Vec<Diagnostic> = diags
            .iter()
            .filter(|d| !rels.contains(d.path.as_str()))
            .cloned()
            .collect();
        let mut fresh = Diagnostics::new();
        for file in files {
            let Some(partner) = raw.partners.iter_mut().find(|p| p.slug == file.slug) else {
                continue;
            };
            let partner = Arc::make_mut(partner);
            let text = file
                .text
                .trim_start_matches('\u{feff}')
                .replace("\r\n", "\n");
            partner.emissions = yaml::parse(&file.rel, &text, 0, &mut fresh);
        }
        *diags = Diagnostics::new();
        for d in kept {
            diags.push(d);
        }
        diags.extend(fresh);
    });
    let folders: Vec<String> = files
        .iter()
        .map(|f| format!("partners/{}/", f.slug))
        .collect();
    let mut problems = Diagnostics::new();
    let mut warnings = Diagnostics::new();
    for d in report.diagnostics.sorted() {
        let ours = rels.contains(d.path.as_str());
        let blocks =
            d.path == "site.yaml" || folders.iter().any(|f| d.path.starts_with(f.as_str()));
        if d.is_error() && blocks {
            problems.push(if ours { after_import(d) } else { d });
        } else if !d.is_error() && ours {
            warnings.push(after_import(d));
        }
    }
    (problems, warnings)
}

/// The diff of every file, for people, in `lang`.
pub fn render(plan: &Plan, lang: Language) -> String {
    let mut out = String::new();
    for file in &plan.files {
        if !file.changes() {
            let args = vec![("file", file.rel.as_str().into())];
            out.push_str(&catalogue::text(lang, ids::IMPORT_NO_CHANGE, &args));
            out.push('\n');
            continue;
        }
        out.push_str(&file.rel);
        if file.is_new() {
            out.push(' ');
            out.push_str(&catalogue::text(lang, ids::IMPORT_NEW_FILE, &[]));
        }
        out.push('\n');
        out.push_str(&diff::render(&file.lines, lang));
    }
    out
}

/// `3 added, 1 changed, 0 removed in 2 files`, in `lang`.
pub fn summary(plan: &Plan, lang: Language) -> String {
    let count = |f: fn(&diff::Change) -> bool| {
        plan.files
            .iter()
            .flat_map(|file| &file.lines)
            .filter(|l| f(&l.change))
            .count()
    };
    let files = plan.files.iter().filter(|f| f.changes()).count();
    let args = vec![
        (
            "added",
            count(|c| matches!(c, diff::Change::Added(_))).into(),
        ),
        (
            "changed",
            count(|c| matches!(c, diff::Change::Changed(..))).into(),
        ),
        (
            "removed",
            count(|c| matches!(c, diff::Change::Removed(_))).into(),
        ),
        ("files", files.into()),
    ];
    catalogue::text(lang, ids::IMPORT_SUMMARY, &args)
}
