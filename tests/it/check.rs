//! `nfk check` on fixture sites: one folder per case under `tests/fixtures/`.
//!
//! `invalid/<case>/` must exit 1 and print diagnostics at the right file and line; `valid/<case>/`
//! must exit 0. The full output of each is a snapshot (`tests/it/snapshots/`).

use std::path::{Path, PathBuf};
use std::process::Command;

use super::support::copy_dir;

fn fixtures(kind: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(kind);
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("fixture folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

/// `nfk check` in the site's language (bokmål for every fixture).
fn check(root: &Path, format: &str) -> (i32, String) {
    check_in(root, format, &[])
}

/// `nfk check` with the messages in English.
fn check_en(root: &Path, format: &str) -> (i32, String) {
    check_in(root, format, &["--lang", "en"])
}

fn check_in(root: &Path, format: &str, lang: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_nfk"))
        .args(["check", "--format", format])
        .args(lang)
        .arg("--root")
        .arg(root)
        .output()
        .expect("runs nfk");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8 output"),
    )
}

fn name(dir: &Path) -> String {
    dir.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn every_invalid_fixture_exits_1_with_its_diagnostics() {
    let cases = fixtures("invalid");
    assert!(
        cases.len() >= 25,
        "expected the whole corpus, found {}",
        cases.len()
    );
    for dir in cases {
        let (code, output) = check(&dir, "human");
        assert_eq!(code, 1, "{}: {output}", name(&dir));
        assert!(output.contains(": error: "), "{}: {output}", name(&dir));
        insta::assert_snapshot!(format!("invalid-{}", name(&dir)), output);
    }
}

/// The messages are in bokmål unless asked: a few cases keep their English wording in view.
#[test]
fn lang_en_prints_the_same_diagnostics_in_english() {
    let invalid = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    for case in [
        "org-number-leading-zero",
        "yaml-unclosed-quote",
        "employees-not-filled-in",
        "many-errors",
        "broken-menu-link",
        "svg-logo-with-script",
        "unknown-shortcode",
        "collision-logo-chart",
        "template-recursive-macro",
    ] {
        let (code, english) = check_en(&invalid.join(case), "human");
        let (_, norwegian) = check(&invalid.join(case), "human");
        assert_eq!(code, 1);
        let places = |text: &str| -> Vec<String> {
            text.lines()
                .filter(|l| l.contains(": error: "))
                .map(|l| l.split(": error: ").next().unwrap().to_string())
                .collect()
        };
        assert_eq!(places(&english), places(&norwegian), "{case}");
        assert_ne!(english, norwegian, "{case}");
        insta::assert_snapshot!(format!("en-{case}"), english);
    }
}

#[test]
fn json_names_the_message_by_a_code_that_is_the_same_in_every_language() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/invalid/org-number-leading-zero");
    let first = |output: String| {
        let json: serde_json::Value = serde_json::from_str(&output).expect("JSON");
        json["diagnostics"][0].clone()
    };
    let nb = first(check(&dir, "json").1);
    let en = first(check_en(&dir, "json").1);
    assert_eq!(nb["code"], "org-number-needs-quotes");
    assert_eq!(en["code"], nb["code"]);
    assert_eq!(
        en["message"],
        "org_number 014365877 must be written in quotes"
    );
    assert_eq!(nb["message"], "org_number 014365877 må stå i anførselstegn");
}

#[test]
fn every_valid_fixture_exits_0() {
    for dir in fixtures("valid") {
        let (code, output) = check(&dir, "human");
        assert_eq!(code, 0, "{}: {output}", name(&dir));
        insta::assert_snapshot!(format!("valid-{}", name(&dir)), output);
    }
}

/// SPEC §9: a green `check` means `build` succeeds, and a red one that it fails with the same
/// problems (issue 15: `content/robots.txt.md` passed `check` and failed `build` with exit 2).
#[test]
fn check_fails_exactly_when_build_fails_with_the_same_diagnostics() {
    for dir in fixtures("invalid").into_iter().chain(fixtures("valid")) {
        let (check_code, check_output) = check(&dir, "human");
        let out = tempfile::tempdir().unwrap();
        let public = out.path().join("public");
        let build = Command::new(env!("CARGO_BIN_EXE_nfk"))
            .args(["build", "--root"])
            .arg(&dir)
            .arg("--output")
            .arg(&public)
            .output()
            .expect("runs nfk");
        let build_code = build.status.code().unwrap_or(-1);
        let build_output = String::from_utf8(build.stderr).expect("UTF-8 output");
        assert_eq!(
            check_code,
            build_code,
            "{}: check said\n{check_output}\nbuild said\n{build_output}",
            name(&dir)
        );
        // Both end with a summary line of their own; the diagnostics above it are the same.
        let diagnostics = |text: &str| {
            let lines: Vec<&str> = text.lines().collect();
            lines[..lines.len().saturating_sub(1)].join("\n")
        };
        assert_eq!(
            diagnostics(&check_output),
            diagnostics(&build_output),
            "{}",
            name(&dir)
        );
        assert_eq!(public.exists(), build_code == 0, "{}", name(&dir));
    }
}

#[test]
fn the_bundled_site_has_no_errors() {
    let (code, output) = check(Path::new(env!("CARGO_MANIFEST_DIR")), "human");
    assert_eq!(code, 0, "{output}");
    assert!(output.contains(": 0 feil, 0 advarsler"), "{output}");
}

#[test]
fn errors_in_several_files_are_all_reported_at_once() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid/many-errors");
    let (_, output) = check(&dir, "human");
    for file in [
        "content/om.md:3:7",
        "partners/alfa/emissions.yaml:4:13",
        "partners/alfa/profile.yaml:2:13",
        "partners/beta/profile.yaml:4:12",
    ] {
        assert!(output.contains(file), "{file} missing from:\n{output}");
    }
}

#[test]
fn a_collision_is_reported_with_the_errors_of_other_files() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid/collision-robots-page"),
        site.path(),
    );
    let profile = site.path().join("partners/alfa/profile.yaml");
    let text = std::fs::read_to_string(&profile).unwrap();
    std::fs::write(&profile, text.replace("sector: F", "sector: Æ")).unwrap();
    let page = site.path().join("content/om.md");
    std::fs::write(&page, "---\ntitle: Om\ntemplate: finnes-ikke\n---\n").unwrap();
    let (code, output) = check(site.path(), "human");
    assert_eq!(code, 1, "{output}");
    for expected in [
        "content/robots.txt.md:1:1: error: `robots.txt/index.html` trenger en mappe",
        "content/om.md:3:11: error: fant ikke malen `finnes-ikke.html` i temaet",
        "partners/alfa/profile.yaml:3:9: error: sector `Æ` er ikke en næringshovedgruppe i SN2007",
    ] {
        assert!(
            output.contains(expected),
            "{expected} missing from:\n{output}"
        );
    }
}

#[test]
fn json_format_carries_the_same_diagnostics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid/duplicate-year");
    let (code, output) = check(&dir, "json");
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&output).expect("JSON");
    let d = &json["diagnostics"][0];
    assert_eq!(d["path"], "partners/alfa/emissions.yaml");
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(6), Some(11))
    );
    assert_eq!(d["severity"], "error");
    assert_eq!(json["errors"], 1);
}

/// Issue 15: the counts are of the diagnostics listed (a template failing the same way on every
/// page is one error, not one per page).
#[test]
fn json_counts_are_the_diagnostics_it_lists() {
    for dir in fixtures("invalid") {
        let (_, output) = check(&dir, "json");
        let json: serde_json::Value = serde_json::from_str(&output).expect("JSON");
        let list = json["diagnostics"].as_array().expect("a list");
        let errors = list.iter().filter(|d| d["severity"] == "error").count();
        assert_eq!(
            json["errors"].as_u64(),
            Some(errors as u64),
            "{}",
            name(&dir)
        );
        let warnings = list.len() - errors;
        assert_eq!(
            json["warnings"].as_u64(),
            Some(warnings as u64),
            "{}",
            name(&dir)
        );
    }
}

#[test]
fn github_format_annotates_the_line() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid/duplicate-year");
    let (_, output) = check_en(&dir, "github");
    assert!(
        output.starts_with(
            "::error file=partners/alfa/emissions.yaml,line=6,col=11::year 2019 is listed twice"
        ),
        "{output}"
    );
}

#[test]
fn a_symlinked_logo_pointing_out_of_the_partner_folder_is_refused() {
    let site = minimal_site();
    let secret = site.path().join("secret.svg");
    std::fs::write(&secret, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>").unwrap();
    std::os::unix::fs::symlink(&secret, site.path().join("partners/alfa/logo.svg")).unwrap();
    let profile = site.path().join("partners/alfa/profile.yaml");
    let text = std::fs::read_to_string(&profile).unwrap() + "logo: logo.svg\n";
    std::fs::write(&profile, text).unwrap();
    let (code, output) = check(site.path(), "human");
    assert_eq!(code, 1, "{output}");
    assert!(
        output.contains(
            "partners/alfa/profile.yaml:14:7: error: logoen `logo.svg` peker ut av partners/alfa/"
        ),
        "{output}"
    );
}

#[test]
fn new_partner_writes_a_skeleton_that_check_explains() {
    let site = minimal_site();
    let out = Command::new(env!("CARGO_BIN_EXE_nfk"))
        .args(["new", "partner", "ny-partner", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (code, output) = check_en(site.path(), "human");
    assert_eq!(code, 1);
    // Every required field the skeleton leaves empty is named at its line, none passes as 0.
    for (line, key) in [
        (6, "name"),
        (8, "org_number"),
        (10, "sector"),
        (12, "employees"),
    ] {
        let at = format!("partners/ny-partner/profile.yaml:{line}:");
        let error = format!("error: {key} is not filled in");
        assert!(
            output
                .lines()
                .any(|l| l.starts_with(&at) && l.ends_with(&error)),
            "{key}: {output}"
        );
    }
    assert!(output.contains(": 4 errors,"), "{output}");
    let again = Command::new(env!("CARGO_BIN_EXE_nfk"))
        .args(["new", "partner", "ny-partner", "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2), "refuses to overwrite");
}

#[test]
fn a_card_of_a_draft_partner_says_it_is_a_draft() {
    let site = minimal_site();
    let profile = site.path().join("partners/alfa/profile.yaml");
    let text = std::fs::read_to_string(&profile).unwrap() + "draft: true\n";
    std::fs::write(&profile, text).unwrap();
    std::fs::write(
        site.path().join("content/om.md"),
        "---\ntitle: Om\n---\n\n{{ partner(slug=\"alfa\") }}\n",
    )
    .unwrap();
    let (code, output) = check(site.path(), "human");
    assert_eq!(code, 1, "{output}");
    assert!(
        output.contains(
            "content/om.md:5:1: error: partneren `alfa` er et utkast, så den er ikke på nettstedet"
        ),
        "{output}"
    );
    assert!(!output.contains("ukjent partner"), "{output}");
}

#[test]
fn a_10_mb_file_is_refused_with_a_clear_message() {
    let site = minimal_site();
    let story = "Lang tekst. ".repeat(10 * 1024 * 1024 / 12);
    std::fs::write(site.path().join("partners/alfa/story.md"), story).unwrap();
    let (code, output) = check(site.path(), "human");
    assert_eq!(code, 1, "{output}");
    assert!(
        output.contains(
            "partners/alfa/story.md: error: filen er på 10\u{a0}485\u{a0}756 byte; grensen er 2\u{a0}097\u{a0}152"
        ),
        "{output}"
    );
}

#[test]
fn a_file_that_vanished_is_a_diagnostic_not_a_crash() {
    // A dangling link is what a file deleted between listing and reading looks like.
    let site = minimal_site();
    std::os::unix::fs::symlink(
        site.path().join("gone.md"),
        site.path().join("content/borte.md"),
    )
    .unwrap();
    std::fs::remove_file(site.path().join("partners/alfa/emissions.yaml")).unwrap();
    std::os::unix::fs::symlink(
        site.path().join("gone.yaml"),
        site.path().join("partners/alfa/emissions.yaml"),
    )
    .unwrap();
    let (code, output) = check(site.path(), "human");
    assert_eq!(code, 1, "{output}");
    assert!(
        output.contains("content/borte.md: error: kan ikke lese"),
        "{output}"
    );
    assert!(
        output.contains("partners/alfa/emissions.yaml: error: kan ikke lese"),
        "{output}"
    );
}

#[test]
fn a_link_out_of_the_site_folder_is_refused() {
    let site = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/minimal"),
        site.path(),
    );
    std::fs::write(
        outside.path().join("secret.md"),
        "---\ntitle: Hemmelig\n---\n",
    )
    .unwrap();
    std::fs::write(outside.path().join("passwords.txt"), "hunter2").unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("secret.md"),
        site.path().join("content/lenke.md"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("passwords.txt"),
        site.path().join("content/p.txt"),
    )
    .unwrap();
    let (code, output) = check(site.path(), "human");
    assert_eq!(code, 1, "{output}");
    assert!(
        output.contains("content/lenke.md: error: lenker til en fil utenfor nettstedsmappen"),
        "{output}"
    );
    assert!(
        output.contains("content/p.txt: error: lenker til en fil utenfor nettstedsmappen"),
        "{output}"
    );
}

/// Templates that would render forever crashed the process (stack overflow, exit 134): now
/// `nfk build` stops with exactly one diagnostic at the template, exit 1, and writes nothing.
#[test]
fn template_loops_stop_the_build_with_one_diagnostic() {
    let cases: Vec<PathBuf> = fixtures("invalid")
        .into_iter()
        .filter(|d| name(d).starts_with("template-"))
        .collect();
    assert!(cases.len() >= 6, "{cases:?}");
    for dir in cases {
        let out_dir = tempfile::tempdir().unwrap();
        let output = out_dir.path().join("public");
        let out = Command::new(env!("CARGO_BIN_EXE_nfk"))
            .args(["build", "--root"])
            .arg(&dir)
            .arg("--output")
            .arg(&output)
            .output()
            .expect("runs nfk");
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(out.status.code(), Some(1), "{}: {text}", name(&dir));
        assert_eq!(
            text.matches(": error: ").count(),
            1,
            "{}: {text}",
            name(&dir)
        );
        assert!(
            text.contains("themes/nfk/templates/"),
            "{}: {text}",
            name(&dir)
        );
        assert!(!output.exists(), "{}", name(&dir));
    }
}

/// The rule refuses loops, not reuse: one macro called 300 times (calling another macro and an
/// include each time) renders every time.
#[test]
fn a_macro_used_many_times_still_renders() {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/template-macro-reuse");
    let out_dir = tempfile::tempdir().unwrap();
    let output = out_dir.path().join("public");
    let out = Command::new(env!("CARGO_BIN_EXE_nfk"))
        .args(["build", "--root"])
        .arg(&dir)
        .arg("--output")
        .arg(&output)
        .output()
        .expect("runs nfk");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let page = std::fs::read_to_string(output.join("404.html")).unwrap();
    assert_eq!(page.matches("<div class=\"kort\"><h2>Kort ").count(), 300);
    assert!(page.contains("<h2>Kort 299</h2>"));
    assert_eq!(page.matches("<p>Hei!</p>").count(), 302);
}

/// A copy of the minimal valid fixture site, to change for one test.
fn minimal_site() -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/minimal"),
        site.path(),
    );
    site
}
