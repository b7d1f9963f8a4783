//! Themes: Tera templates, UI strings and static files (SPEC §6). An IO edge of the `load` stage.
//!
//! The default theme (`themes/nfk` of this repository) is embedded in the binary. A site's own
//! `themes/<name>/` overrides it file by file: a site can change one template without copying the
//! rest. Template syntax errors are diagnostics at the template's file and line.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use tera::Tera;

use crate::diagnostics::{Diagnostic, Diagnostics, Pos, display_path};
use crate::load::StaticFile;
use crate::model::Language;

macro_rules! embedded {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_bytes!(concat!("../themes/nfk/", $path)) as &[u8])),*]
    };
}

/// Every file of the default theme, by its path inside the theme folder.
pub const EMBEDDED: &[(&str, &[u8])] = embedded![
    "templates/base.html",
    "templates/macros.html",
    "templates/index.html",
    "templates/page.html",
    "templates/section.html",
    "templates/partners.html",
    "templates/partner.html",
    "templates/sector.html",
    "templates/results.html",
    "templates/404.html",
    "templates/shortcodes/partner.html",
    "templates/shortcodes/chart.html",
    "strings/nb.yaml",
    "strings/en.yaml",
    "static/style.css",
    "static/print.css",
    "static/nfk.js",
    "static/favicon.svg",
    "static/fonts/Inter-Regular.woff2",
    "static/fonts/Inter-Bold.woff2",
    "static/fonts/Inter-Regular.otf",
    "static/fonts/OFL.txt",
];

/// Templates every theme must provide (SPEC §6); a site may override any of them.
pub const REQUIRED_TEMPLATES: [&str; 9] = [
    "base", "index", "page", "section", "partners", "partner", "sector", "results", "404",
];

pub struct Theme {
    pub tera: Tera,
    /// UI strings in the site's language, for templates as `t`.
    pub strings: BTreeMap<String, String>,
    /// Files under `static/`, published at `/static/…`.
    pub static_files: Vec<StaticFile>,
    /// A hash of every file of the theme and the language: equal fingerprints mean the same
    /// templates, filters and strings (the render memo's key includes it).
    pub fingerprint: u128,
}

/// The embedded theme with the site's `themes/<name>/` laid over it.
pub fn load_theme(
    root: &Path,
    name: &str,
    language: Language,
    diags: &mut Diagnostics,
) -> Option<Theme> {
    let mut files: BTreeMap<String, (String, Vec<u8>)> = EMBEDDED
        .iter()
        .map(|(path, bytes)| {
            (
                path.to_string(),
                (format!("(embedded theme)/{path}"), bytes.to_vec()),
            )
        })
        .collect();
    let dir = root.join("themes").join(name);
    if dir.is_dir() {
        for entry in walkdir::WalkDir::new(&dir)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
        {
            if !entry.file_type().is_file()
                || crate::load::is_temporary(&entry.file_name().to_string_lossy())
            {
                continue;
            }
            let inner = display_path(&dir, entry.path());
            let rel = display_path(root, entry.path());
            match fs::read(entry.path()) {
                Ok(bytes) => {
                    files.insert(inner, (rel, bytes));
                }
                Err(e) => diags.error(&rel, Pos::FILE, format!("cannot read: {e}")),
            }
        }
    }
    build(files, language, diags)
}

fn build(
    files: BTreeMap<String, (String, Vec<u8>)>,
    language: Language,
    diags: &mut Diagnostics,
) -> Option<Theme> {
    let mut templates = Vec::new();
    let mut static_files = Vec::new();
    let mut strings = BTreeMap::new();
    let lang_file = match language {
        Language::Nb => "strings/nb.yaml",
        Language::En => "strings/en.yaml",
    };
    for (inner, (rel, bytes)) in &files {
        if let Some(name) = inner.strip_prefix("templates/") {
            let Some(text) = crate::load::yaml::decode(rel, bytes, diags) else {
                continue;
            };
            templates.push((name.to_string(), text, rel.clone()));
        } else if let Some(path) = inner.strip_prefix("static/") {
            static_files.push(StaticFile {
                url_path: format!("static/{path}"),
                bytes: bytes.clone(),
            });
        } else if inner == lang_file {
            let text = crate::load::yaml::decode(rel, bytes, diags)?;
            strings = crate::load::yaml::parse(rel, &text, 0, diags)?;
        }
    }
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".xml", ".svg"]);
    // All at once: inheritance and macro imports are resolved across the whole set.
    let mut ok = true;
    let all = templates
        .iter()
        .map(|(name, text, _)| (name.as_str(), text.as_str()));
    if let Err(e) = tera.add_raw_templates(all) {
        let text = error_chain(&e);
        let rel = templates
            .iter()
            .find(|(name, _, _)| {
                text.contains(&format!("'{name}'")) || text.contains(&format!("`{name}`"))
            })
            .map_or("themes", |(_, _, rel)| rel.as_str());
        diags.push(template_error(rel, &e));
        ok = false;
    }
    for required in REQUIRED_TEMPLATES {
        if !templates
            .iter()
            .any(|(n, _, _)| n == &format!("{required}.html"))
        {
            diags.push(
                Diagnostic::error("themes", Pos::FILE, format!("the theme has no template `{required}.html`"))
                    .with_help("add it to themes/<name>/templates/, or remove the site's theme folder to use the default"),
            );
            ok = false;
        }
    }
    crate::render::filters::register(&mut tera, language);
    register_tr(&mut tera, strings.clone());
    ok.then_some(Theme {
        tera,
        strings,
        static_files,
        fingerprint: fingerprint(&files, language),
    })
}

fn fingerprint(files: &BTreeMap<String, (String, Vec<u8>)>, language: Language) -> u128 {
    let mut h = crate::keyhash::KeyHasher::new();
    h.text(match language {
        Language::Nb => "nb",
        Language::En => "en",
    });
    for (inner, (_, bytes)) in files {
        h.text(inner).text(&String::from_utf8_lossy(bytes));
    }
    h.finish()
}

/// `tr(key="status_" ~ p.status)`: a UI string by a computed key (Tera's `t[...]` cannot
/// concatenate). A missing key prints as itself, so a gap in a translation shows but never fails.
fn register_tr(tera: &mut Tera, strings: BTreeMap<String, String>) {
    tera.register_function(
        "tr",
        move |args: &std::collections::HashMap<String, tera::Value>| {
            let key = args
                .get("key")
                .and_then(tera::Value::as_str)
                .unwrap_or_default();
            Ok(tera::Value::String(
                strings.get(key).cloned().unwrap_or_else(|| key.to_string()),
            ))
        },
    );
}

fn template_error(rel: &str, e: &tera::Error) -> Diagnostic {
    let text = error_chain(e);
    // Tera's parse errors carry `--> line:column`.
    let pos = text
        .split("--> ")
        .nth(1)
        .and_then(|rest| {
            let mut parts = rest
                .split(|c: char| !c.is_ascii_digit())
                .filter(|s| !s.is_empty());
            Some(Pos::new(
                parts.next()?.parse().ok()?,
                parts.next()?.parse().ok()?,
            ))
        })
        .unwrap_or(Pos::FILE);
    Diagnostic::error(
        rel,
        pos,
        format!(
            "template error: {}",
            text.lines().last().unwrap_or("").trim()
        ),
    )
    .with_help(
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// Tera nests the useful message in `source()`; show the whole chain.
pub fn error_chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        text.push_str(": ");
        text.push_str(&s.to_string());
        source = s.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embeds_every_file_of_the_default_theme() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/nfk");
        let on_disk: Vec<String> = walkdir::WalkDir::new(&dir)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| display_path(&dir, e.path()))
            .collect();
        let mut embedded: Vec<String> = EMBEDDED.iter().map(|(p, _)| p.to_string()).collect();
        embedded.sort();
        let mut on_disk_sorted = on_disk;
        on_disk_sorted.sort();
        assert_eq!(
            embedded, on_disk_sorted,
            "add new theme files to theme::EMBEDDED"
        );
    }

    #[test]
    fn the_default_theme_loads_without_problems() {
        let mut diags = Diagnostics::new();
        let dir = tempfile::tempdir().unwrap();
        let theme = load_theme(dir.path(), "nfk", Language::Nb, &mut diags);
        assert!(diags.is_empty(), "{:?}", diags.sorted());
        let theme = theme.unwrap();
        assert!(theme.strings.contains_key("skip_to_content"));
        assert!(
            theme
                .static_files
                .iter()
                .any(|f| f.url_path == "static/style.css")
        );
    }

    #[test]
    fn a_site_overrides_one_template_and_keeps_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let templates = dir.path().join("themes/nfk/templates");
        fs::create_dir_all(&templates).unwrap();
        fs::write(
            templates.join("404.html"),
            "{% extends \"base.html\" %}{% block main %}Borte{% endblock %}",
        )
        .unwrap();
        let mut diags = Diagnostics::new();
        let theme = load_theme(dir.path(), "nfk", Language::Nb, &mut diags).unwrap();
        assert!(diags.is_empty(), "{:?}", diags.sorted());
        assert!(theme.tera.get_template_names().any(|n| n == "partner.html"));
    }

    #[test]
    fn a_template_syntax_error_names_the_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let templates = dir.path().join("themes/nfk/templates");
        fs::create_dir_all(&templates).unwrap();
        fs::write(templates.join("page.html"), "<p>\n{{ page.title \n").unwrap();
        let mut diags = Diagnostics::new();
        assert!(load_theme(dir.path(), "nfk", Language::Nb, &mut diags).is_none());
        let d = &diags.sorted()[0];
        assert_eq!(d.path, "themes/nfk/templates/page.html");
        assert!(d.line >= 2, "{d:?}");
    }
}
