//! Untrusted partner text and bounded work (issue 12, SPEC §10): what a partner's files may not
//! do to the site, its visitors or the editor's terminal, and inputs built to take a long time.
//! Hang guards are generous deadlines for a process, never timing assertions.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use scraper::{Html, Selector};

use super::support::copy_dir;

fn fixture(kind: &str, name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(kind)
        .join(name)
}

/// A copy of the minimal valid site, with `story` as partner alfa's story.
fn site_with_story(story: &str) -> tempfile::TempDir {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("valid", "minimal"), site.path());
    std::fs::write(site.path().join("partners/alfa/story.md"), story).unwrap();
    site
}

/// Runs nfk: exit code, stdout, stderr. A run that outlives `deadline` is killed and fails the
/// test (a hang guard).
fn nfk(args: &[&str], deadline: Duration) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_nfk"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs nfk");
    let started = Instant::now();
    while child.try_wait().expect("waits").is_none() {
        if started.elapsed() > deadline {
            child.kill().ok();
            panic!("nfk {args:?} still running after {deadline:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().expect("output");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("UTF-8"),
        String::from_utf8(out.stderr).expect("UTF-8"),
    )
}

const DEADLINE: Duration = Duration::from_secs(120);

/// `nfk check` with English messages, which these tests quote.
fn check(root: &Path, format: &str) -> (i32, String) {
    let root = root.to_str().unwrap();
    let args = ["check", "--lang", "en", "--format", format, "--root", root];
    let (code, stdout, stderr) = nfk(&args, DEADLINE);
    assert!(stderr.is_empty(), "{stderr}");
    (code, stdout)
}

/// A byte that steers a terminal: C0 except newline, DEL, or a C1 control (as UTF-8).
fn raw_control(text: &str) -> Option<char> {
    text.chars().find(|&c| c.is_control() && c != '\n')
}

#[test]
fn a_remote_image_in_a_story_is_refused_at_its_line() {
    let site = site_with_story("# Historie\n\nTekst.\n\n![](https://tracker.example/p.png)\n");
    let (code, output) = check(site.path(), "human");
    assert_eq!(code, 1, "{output}");
    assert!(
        output.contains(
            "partners/alfa/story.md:5:1: error: image `https://tracker.example/p.png` is on another site"
        ),
        "{output}"
    );
}

#[test]
fn a_protocol_relative_image_is_refused_and_such_a_link_kept() {
    let site = site_with_story("![](//tracker.example/p.png)\n\n[lenke](//alfa.example/)\n");
    let (code, output) = check(site.path(), "human");
    assert_eq!(code, 1, "{output}");
    assert!(
        output.contains("story.md:1:1: error: image `//tracker.example/p.png` is on another site"),
        "{output}"
    );
    assert!(output.contains(": 1 error, 0 warnings"), "{output}");
}

#[test]
fn footnotes_heading_links_and_own_images_resolve_in_the_built_page() {
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let fixture = fixture("valid", "story-with-image-and-footnote");
    let (code, _, output) = nfk(
        &[
            "build",
            "--root",
            fixture.to_str().unwrap(),
            "--output",
            public.to_str().unwrap(),
        ],
        DEADLINE,
    );
    assert_eq!(code, 0, "{output}");
    let page = public.join("partnere/alfa/index.html");
    let doc = Html::parse_document(&std::fs::read_to_string(&page).unwrap());
    let story = doc
        .select(&Selector::parse("section.story").unwrap())
        .next()
        .expect("the story section");
    let links: Vec<&str> = story
        .select(&Selector::parse("a[href^='#']").unwrap())
        .filter_map(|a| a.value().attr("href"))
        .collect();
    assert_eq!(links.len(), 2, "a footnote reference and a heading link");
    for href in links {
        let id = &href[1..];
        let target = Selector::parse(&format!("[id='{id}']")).unwrap();
        assert_eq!(
            doc.select(&target).count(),
            1,
            "{href} has exactly one target"
        );
    }
    let img = story
        .select(&Selector::parse("img").unwrap())
        .next()
        .expect("the story's image");
    let src = img.value().attr("src").unwrap();
    assert_eq!(src, "bilder/tak.png");
    assert!(public.join("partnere/alfa").join(src).is_file());
}

#[test]
fn control_characters_in_a_name_are_an_error_at_their_column_in_every_format() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("valid", "minimal"), site.path());
    let profile = site.path().join("partners/alfa/profile.yaml");
    let text = std::fs::read_to_string(&profile).unwrap().replace(
        "name: Alfa Testbygg AS",
        "name: \"Alfa\\x01 \\e]0;pwned\\a\\e[2J AS\"\nsector: \"\\e[31mF\"",
    );
    // Drop the original sector: the hostile one replaces it.
    let text = text.replacen("sector: F\n", "", 1);
    std::fs::write(&profile, text).unwrap();
    let (code, human) = check(site.path(), "human");
    assert_eq!(code, 1, "{human}");
    assert!(
        human.contains(
            "partners/alfa/profile.yaml:1:12: error: control character U+0001 in the text"
        ),
        "{human}"
    );
    assert!(
        human.contains("sector `\\u{1b}[31mF` is not an SN2007 section"),
        "{human}"
    );
    for format in ["human", "json", "github"] {
        let (code, output) = check(site.path(), format);
        assert_eq!(code, 1, "{format}");
        assert_eq!(raw_control(&output), None, "{format}: {output:?}");
    }
    let (_, json) = check(site.path(), "json");
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    for d in json["diagnostics"].as_array().unwrap() {
        let message = d["message"].as_str().unwrap();
        assert_eq!(raw_control(message), None, "decoded JSON: {message:?}");
    }
}

#[test]
fn a_bidi_override_in_a_name_is_a_warning() {
    let (code, output) = check(&fixture("valid", "bidi-in-name"), "human");
    assert_eq!(code, 0, "{output}");
    assert!(
        output.contains(
            "partners/alfa/profile.yaml:1:13: warning: invisible bidi control U+202E in the text"
        ),
        "{output}"
    );
}

#[test]
fn two_hundred_kilobytes_of_block_quotes_are_one_nesting_error() {
    let site = site_with_story(&"> ".repeat(100_000));
    let (code, output) = check(site.path(), "human");
    assert_eq!(code, 1, "{output}");
    assert!(
        output.contains(
            "partners/alfa/story.md:1:65: error: Markdown nested more than 32 levels deep"
        ),
        "{output}"
    );
    assert!(output.contains(": 1 error, 0 warnings"), "{output}");
}

#[test]
fn eighty_kilobytes_of_nested_list_items_are_one_nesting_error() {
    let mut story = String::new();
    let mut depth = 0;
    while story.len() < 80 * 1024 {
        story.push_str(&format!("{}- punkt\n", "  ".repeat(depth)));
        depth += 1;
    }
    let one_line = "1. ".repeat(80 * 1024 / 3);
    for story in [story, one_line] {
        let site = site_with_story(&story);
        let (code, output) = check(site.path(), "human");
        assert_eq!(code, 1, "{output}");
        assert_eq!(
            output
                .matches("Markdown nested more than 32 levels deep")
                .count(),
            1,
            "{output}"
        );
    }
}

#[test]
fn control_characters_in_editors_titles_never_reach_the_feed() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("valid", "minimal"), site.path());
    std::fs::write(
        site.path().join("content/nyhet.md"),
        "---\ntitle: \"Nyhet\\x01 \\x0b i dag\"\ndate: 2025-01-01\n---\nTekst.\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let public = out.path().join("public");
    let (code, _, output) = nfk(
        &[
            "build",
            "--root",
            site.path().to_str().unwrap(),
            "--output",
            public.to_str().unwrap(),
        ],
        DEADLINE,
    );
    assert_eq!(code, 0, "{output}");
    let atom = std::fs::read_to_string(public.join("atom.xml")).unwrap();
    let doc = roxmltree::Document::parse(&atom).expect("atom.xml is well-formed XML");
    assert!(
        doc.descendants()
            .any(|n| n.has_tag_name("title") && n.text() == Some("Nyhet  i dag")),
        "{atom}"
    );
}
