//! Themes: Tera templates, UI strings and static files (SPEC §6). An IO edge of the `load` stage.
//!
//! The default theme (`themes/nfk` of this repository) is embedded in the binary. A site's own
//! `themes/<name>/` overrides it file by file: a site can change one template without copying the
//! rest. Template syntax errors are diagnostics at the template's file and line.
//!
//! The site's theme folder is read like `content/`: templates and strings are read with the size
//! limit of every text file; static files are not read at all but copied when the site is
//! written; a link that leads out of the site, or to a folder, is a diagnostic at the link.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use tera::Tera;

use crate::diagnostics::{Diagnostic, Diagnostics, Pos, display_path};
use crate::load::files::{self, Problem};
use crate::load::{Contents, StaticFile};
use crate::memo::Memos;
use crate::messages::ids;
use crate::model::Language;
use crate::strings::{self, Strings};
use crate::validate::templates::Source;

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
    "templates/partner_group.html",
    "templates/search.html",
    "templates/results.html",
    "templates/summit.html",
    "templates/404.html",
    "templates/shortcodes/partner.html",
    "templates/shortcodes/chart.html",
    "templates/parts/partner_card.html",
    "templates/parts/summit_partner.html",
    "strings/nb.yaml",
    "strings/en.yaml",
    "strings/glossary.nb.yaml",
    "strings/glossary.en.yaml",
    "templates/glossary.html",
    "templates/accessibility.html",
    "static/style.css",
    "static/print.css",
    "static/nfk.js",
    "static/search.js",
    "static/summit.js",
    "static/summit.css",
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
    /// One per language of the site, the default first ([`Theme::edition`]).
    editions: Vec<Edition>,
    /// Files under `static/` (paths inside it), published at `/static/…` (`routes::urls`).
    pub static_files: Vec<StaticFile>,
    /// A hash of every file of the theme and the language: equal fingerprints mean the same
    /// templates, filters and strings (the template memo's key includes it).
    pub fingerprint: u128,
    /// Each template's file (relative to the site) and text, by template name, so an error
    /// while rendering can point at a line ([`Theme::render_error`]).
    pub sources: BTreeMap<String, (String, String)>,
}

/// What the theme is in one language: its templates with that language's filters and `tr`,
/// its strings table and its glossary.
pub struct Edition {
    pub language: Language,
    pub tera: Tera,
    /// The strings table of this language: for templates as `t`, for the charts as words.
    pub strings: Strings,
    /// The glossary in this language (`strings/glossary.<lang>.yaml`), for `/ordliste/`.
    pub glossary: Vec<crate::glossary::Term>,
}

impl Theme {
    /// The theme in `language`; the default language's when the site does not have it.
    pub fn edition(&self, language: Language) -> &Edition {
        (self.editions.iter())
            .find(|e| e.language == language)
            .unwrap_or(&self.editions[0])
    }

    /// The theme in each language of the site, the default first.
    pub fn editions(&self) -> &[Edition] {
        &self.editions
    }

    /// The strings table of `language` ([`Theme::edition`]).
    pub fn strings(&self, language: Language) -> &Strings {
        &self.edition(language).strings
    }

    /// The templates (the same in every language), by name.
    pub fn has_template(&self, name: &str) -> bool {
        self.editions[0]
            .tera
            .get_template_names()
            .any(|n| n == name)
    }
}

/// The embedded theme with the site's `themes/<name>/` laid over it, in each of `languages`
/// (the site's default first; at least one).
pub fn load_theme(
    root: &Path,
    name: &str,
    languages: &[Language],
    diags: &mut Diagnostics,
    memos: &Memos,
) -> Option<Arc<Theme>> {
    let mut files: BTreeMap<String, (String, Contents)> = EMBEDDED
        .iter()
        .map(|(path, bytes)| {
            (
                path.to_string(),
                (
                    format!("(embedded theme)/{path}"),
                    Contents::Bytes(bytes::Bytes::from_static(bytes)),
                ),
            )
        })
        .collect();
    let dir = root.join("themes").join(name);
    if dir.symlink_metadata().is_ok() {
        read_site_theme(root, &dir, &mut files, diags);
    }
    // The files are read every build (a stat and a small read each); parsing them into
    // templates is what `nfk serve` reuses while they are the same.
    let fingerprint = fingerprint(&files, languages);
    let (theme, found) = memos.themes.pass().get_or_make(
        || Some(fingerprint),
        || {
            let mut found = Diagnostics::new();
            let theme = build(files, languages, fingerprint, &mut found).map(Arc::new);
            (theme, found)
        },
    );
    diags.extend(found);
    theme
}

/// Lays the files of the site's theme folder `dir` over `files`, by their path inside the theme.
fn read_site_theme(
    root: &Path,
    dir: &Path,
    files: &mut BTreeMap<String, (String, Contents)>,
    diags: &mut Diagnostics,
) {
    let rel_dir = display_path(root, dir);
    match files::inside(root, dir) {
        Ok(real) if real.is_dir() => {}
        Ok(_) => return,
        Err(Problem::Outside) => {
            diags.push(Diagnostic::error_msg(
                &rel_dir,
                Pos::FILE,
                ids::THEME_FOLDER_OUTSIDE,
                vec![],
            ));
            return;
        }
        Err(Problem::Io(e)) => {
            let args = vec![("error", e.to_string().into())];
            let d = Diagnostic::error_msg(&rel_dir, Pos::FILE, ids::FILE_UNREADABLE_FOLDER, args);
            return diags.push(d);
        }
        Err(_) => return,
    }
    let walker = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0 || !crate::load::is_temporary(&e.file_name().to_string_lossy())
        });
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let rel = e.path().map_or(rel_dir.clone(), |p| display_path(root, p));
                let args = vec![("error", e.to_string().into())];
                diags.push(Diagnostic::error_msg(
                    &rel,
                    Pos::FILE,
                    ids::FILE_UNREADABLE_FOLDER,
                    args,
                ));
                continue;
            }
        };
        if entry.depth() == 0 {
            // The theme folder itself, checked above.
            continue;
        }
        let rel = display_path(root, entry.path());
        if !crate::load::files::is_readable_entry(&entry, &rel, &format!("{rel_dir}/"), diags) {
            continue;
        }
        let inner = display_path(dir, entry.path());
        let contents = if inner.starts_with("static/") {
            crate::load::copied_file(root, entry.path(), &rel, diags)
        } else if inner.starts_with("templates/") || inner.starts_with("strings/") {
            crate::load::read_bytes(root, entry.path(), &rel, diags)
                .map(|b| Contents::Bytes(b.into()))
        } else {
            // Not part of a theme (a README, a screenshot): never read.
            continue;
        };
        if let Some(contents) = contents {
            files.insert(inner, (rel, contents));
        }
    }
}

fn build(
    files: BTreeMap<String, (String, Contents)>,
    languages: &[Language],
    fingerprint: u128,
    diags: &mut Diagnostics,
) -> Option<Theme> {
    let mut templates = Vec::new();
    let mut static_files = Vec::new();
    for (inner, (rel, contents)) in &files {
        if let Some(path) = inner.strip_prefix("static/") {
            static_files.push(StaticFile {
                path: path.to_string(),
                source: rel.clone(),
                contents: contents.clone(),
            });
            continue;
        }
        let Contents::Bytes(bytes) = contents else {
            continue;
        };
        if let Some(name) = inner.strip_prefix("templates/") {
            let Some(text) = crate::load::yaml::decode(rel, bytes, diags) else {
                continue;
            };
            templates.push((name.to_string(), text, rel.clone()));
        }
    }
    let words: Vec<_> = (languages.iter())
        .map(|&language| words(&files, language, diags))
        .collect();
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".xml", ".svg"]);
    let mut ok = add_templates(&mut tera, &templates, diags);
    for required in REQUIRED_TEMPLATES {
        if !templates
            .iter()
            .any(|(n, _, _)| n == &format!("{required}.html"))
        {
            let args = vec![("template", format!("{required}.html").into())];
            diags.push(Diagnostic::error_msg(
                "themes",
                Pos::FILE,
                ids::THEME_TEMPLATE_MISSING,
                args,
            ));
            ok = false;
        }
    }
    let mut editions = Vec::new();
    for (&language, words) in languages.iter().zip(words) {
        let (strings, glossary) = words?;
        // The templates are parsed once; each language has its own filters and `tr`.
        let mut tera = tera.clone();
        crate::filters::register(&mut tera, language);
        register_tr(&mut tera, strings.clone());
        editions.push(Edition {
            language,
            tera,
            strings,
            glossary,
        });
    }
    (ok && !editions.is_empty()).then_some(Theme {
        editions,
        static_files,
        fingerprint,
        sources: templates
            .into_iter()
            .map(|(name, text, rel)| (name, (rel, text)))
            .collect(),
    })
}

/// A language's strings table (the embedded one with the site's laid over it) and glossary.
fn words(
    files: &BTreeMap<String, (String, Contents)>,
    language: Language,
    diags: &mut Diagnostics,
) -> Option<(Strings, Vec<crate::glossary::Term>)> {
    let text_of = |inner: &str, diags: &mut Diagnostics| match files.get(inner) {
        Some((rel, Contents::Bytes(bytes))) => {
            Some((rel.clone(), crate::load::yaml::decode(rel, bytes, diags)))
        }
        _ => None,
    };
    let lang_file = strings::file_of(language);
    let site_strings = match text_of(lang_file, diags) {
        Some((rel, text)) if !rel.starts_with("(embedded theme)") => Some((rel, text?)),
        _ => None,
    };
    let glossary = match text_of(crate::glossary::file_name(language), diags) {
        Some((rel, text)) => text.and_then(|text| crate::glossary::parse(&rel, &text, diags)),
        None => Some(Vec::new()),
    };
    let embedded_rel = format!("(embedded theme)/{lang_file}");
    let strings = Strings::load(
        language,
        strings::Source {
            rel: &embedded_rel,
            text: strings::embedded_text(language),
        },
        site_strings
            .as_ref()
            .map(|(rel, text)| strings::Source { rel, text }),
        diags,
    )?;
    Some((strings, glossary?))
}

/// Parses every template (each syntax error is reported), refuses templates that would render
/// forever (`validate::templates`), then lets Tera link inheritance and macro imports across the
/// whole set. `false` when anything was wrong.
fn add_templates(
    tera: &mut Tera,
    templates: &[(String, String, String)],
    diags: &mut Diagnostics,
) -> bool {
    let mut parsed = Vec::new();
    let mut parses = true;
    for (name, text, rel) in templates {
        if !crate::validate::templates::check_nesting(rel, text, diags) {
            parses = false;
            continue;
        }
        match tera::Template::new(name, None, text) {
            Ok(template) => parsed.push((template, text.as_str(), rel.as_str())),
            Err(e) => {
                let e = tera::Error::chain(format!("Failed to parse '{name}'"), e);
                diags.push(template_error(rel, &e));
                parses = false;
            }
        }
    }
    let sources: Vec<Source> = parsed
        .iter()
        .map(|(template, text, rel)| Source {
            rel,
            text,
            template,
        })
        .collect();
    let verdict = crate::validate::templates::check(&sources, diags);
    tera.templates
        .extend(parsed.into_iter().map(|(t, _, _)| (t.name.clone(), t)));
    // Linking a template whose parents loop recurses forever inside Tera; after a syntax error
    // it would only repeat that error as a missing parent.
    if !parses || verdict.extends_loop {
        return false;
    }
    let mut ok = verdict.loops == 0;
    if let Err(e) = tera
        .build_inheritance_chains()
        .and_then(|()| tera.check_macro_files())
    {
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
    ok
}

/// Static files copied from the site are hashed by their path: templates cannot read them, so
/// their bytes never change what a template renders.
fn fingerprint(files: &BTreeMap<String, (String, Contents)>, languages: &[Language]) -> u128 {
    let mut h = crate::memo::KeyHasher::new();
    for language in languages {
        h.text(language.code());
    }
    for (inner, (_, contents)) in files {
        h.text(inner);
        match contents {
            Contents::Bytes(bytes) => h.text(&String::from_utf8_lossy(bytes)),
            Contents::Copy(path) => h.text(&path.to_string_lossy()),
        };
    }
    h.finish()
}

/// `tr(key="status_" ~ p.status)`: a UI string by a computed key (Tera's `t[...]` cannot
/// concatenate). A missing key prints as itself, so a gap in a translation shows but never fails.
fn register_tr(tera: &mut Tera, strings: Strings) {
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
    // Tera's own words (English) are quoted: the last line says what is wrong, the whole
    // chain where.
    let error = text.lines().last().unwrap_or("").trim();
    let chain = (text.lines().map(str::trim))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let args = vec![("error", error.into()), ("chain", chain.into())];
    Diagnostic::error_msg(rel, pos, ids::THEME_TEMPLATE_ERROR, args)
}

impl Theme {
    /// Where rendering `template` failed with `e`, best effort: Tera's runtime errors name a
    /// template and a variable, include, filter or function but no line, so the first place that
    /// name is written in the template (or, for a block it inherits, in its parents) is taken.
    /// Without a match: the rendered template's file as a whole.
    pub fn render_error(&self, template: &str, e: &tera::Error) -> (String, Pos) {
        let chain = error_chain(e);
        let rendering = between(&chain, "while rendering '", "'").unwrap_or(template);
        let needle = between(&chain, "Variable `", "`")
            // An include names its candidates as a list: `Template '[a.html, b.html]' not found`.
            .or_else(|| {
                let list = between(&chain, "Template '", "' not found")?;
                list.trim_start_matches('[').split([',', ']']).next()
            })
            .or_else(|| between(&chain, "Filter '", "' not found"))
            .or_else(|| between(&chain, "Function '", "' not found"));
        let parents = self.editions[0]
            .tera
            .templates
            .get(rendering)
            .map(|t| t.parents.clone())
            .unwrap_or_default();
        let file = |name: &str| self.sources.get(name);
        if let Some(needle) = needle {
            for name in std::iter::once(rendering.to_string())
                .chain(std::iter::once(template.to_string()))
                .chain(parents)
            {
                if let Some((rel, text)) = file(&name)
                    && let Some(offset) = find_name(text, needle)
                {
                    return (
                        rel.clone(),
                        crate::diagnostics::LineIndex::new(text).pos(offset),
                    );
                }
            }
        }
        let rel = file(rendering)
            .or_else(|| file(template))
            .map_or_else(|| format!("templates/{template}"), |(rel, _)| rel.clone());
        (rel, Pos::FILE)
    }
}

/// The text between the first `start` and the next `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let rest = &text[text.find(start)? + start.len()..];
    Some(&rest[..rest.find(end)?])
}

/// The offset of the first `name` in `text` that is a whole name (not part of a longer one).
fn find_name(text: &str, name: &str) -> Option<usize> {
    let part_of_name = |c: char| c.is_alphanumeric() || c == '_' || c == '.';
    text.match_indices(name).map(|(i, _)| i).find(|&i| {
        let before = text[..i].chars().next_back();
        let after = text[i + name.len()..].chars().next();
        !before.is_some_and(part_of_name) && !after.is_some_and(part_of_name)
    })
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

    /// The theme of the site at `root` in bokmål, made afresh.
    fn load_nb(root: &Path, diags: &mut Diagnostics) -> Option<Arc<Theme>> {
        load_theme(root, "nfk", &[Language::Nb], diags, &Memos::off())
    }
    use std::fs;

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
        let theme = load_nb(dir.path(), &mut diags);
        assert!(diags.is_empty(), "{:?}", diags.sorted());
        let theme = theme.unwrap();
        assert!(theme.strings(Language::Nb).get("skip_to_content").is_some());
        assert!(theme.static_files.iter().any(|f| f.path == "style.css"));
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
        let theme = load_nb(dir.path(), &mut diags).unwrap();
        assert!(diags.is_empty(), "{:?}", diags.sorted());
        assert!(theme.has_template("partner.html"));
    }

    #[test]
    fn serve_reuses_the_parsed_theme_until_a_file_of_it_changes_and_keeps_its_problems() {
        let dir = tempfile::tempdir().unwrap();
        let templates = dir.path().join("themes/nfk/templates");
        fs::create_dir_all(&templates).unwrap();
        let page = templates.join("page.html");
        fs::write(&page, "<p>\n{{ page.title \n").unwrap();
        let memos = Memos::keeping();
        let load = || {
            let mut diags = Diagnostics::new();
            let theme = load_theme(dir.path(), "nfk", &[Language::Nb], &mut diags, &memos);
            (theme, diags.sorted())
        };
        // A broken template: its error is reported on every build, not only the first.
        let (broken, first) = load();
        let (_, again) = load();
        assert!(broken.is_none());
        assert_eq!(first.len(), 1, "{first:?}");
        assert_eq!(first, again);

        fs::write(
            &page,
            "{% extends \"base.html\" %}{% block main %}Side{% endblock %}",
        )
        .unwrap();
        let (one, problems) = load();
        let (two, _) = load();
        assert!(problems.is_empty(), "{problems:?}");
        let (one, two) = (one.unwrap(), two.unwrap());
        assert!(
            Arc::ptr_eq(&one, &two),
            "the same files give the same parsed theme"
        );
        assert!(one.has_template("page.html"));

        fs::write(
            &page,
            "{% extends \"base.html\" %}{% block main %}Ny{% endblock %}",
        )
        .unwrap();
        let (three, _) = load();
        let three = three.unwrap();
        assert!(!Arc::ptr_eq(&one, &three), "a changed file is parsed again");
        assert_ne!(one.fingerprint, three.fingerprint);
    }

    #[test]
    fn a_template_syntax_error_names_the_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let templates = dir.path().join("themes/nfk/templates");
        fs::create_dir_all(&templates).unwrap();
        fs::write(templates.join("page.html"), "<p>\n{{ page.title \n").unwrap();
        let mut diags = Diagnostics::new();
        assert!(load_nb(dir.path(), &mut diags).is_none());
        let d = &diags.sorted()[0];
        assert_eq!(d.path, "themes/nfk/templates/page.html");
        assert!(d.line >= 2, "{d:?}");
    }

    #[test]
    fn static_files_of_the_site_theme_are_copied_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let film = dir.path().join("themes/nfk/static/film.mp4");
        fs::create_dir_all(film.parent().unwrap()).unwrap();
        // Sparse, far over any limit of what is read into memory.
        fs::File::create(&film).unwrap().set_len(1 << 30).unwrap();
        let mut diags = Diagnostics::new();
        let theme = load_nb(dir.path(), &mut diags).unwrap();
        assert!(diags.is_empty(), "{:?}", diags.sorted());
        let published = theme
            .static_files
            .iter()
            .find(|f| f.path == "film.mp4")
            .unwrap();
        assert_eq!(
            published.contents,
            Contents::Copy(film.canonicalize().unwrap())
        );
    }

    #[test]
    fn a_template_over_the_size_limit_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("themes/nfk/templates/page.html");
        fs::create_dir_all(page.parent().unwrap()).unwrap();
        fs::File::create(&page).unwrap().set_len(1 << 30).unwrap();
        let mut diags = Diagnostics::new();
        load_nb(dir.path(), &mut diags);
        let d = &diags.sorted()[0];
        assert_eq!(d.path, "themes/nfk/templates/page.html");
        assert_eq!(
            d.message,
            "file is 1,073,741,824 bytes; the limit is 2,097,152"
        );
    }

    #[test]
    fn a_theme_folder_that_links_out_of_the_site_is_refused() {
        let site = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        fs::create_dir_all(outside.path().join("static")).unwrap();
        fs::write(outside.path().join("static/id_rsa"), "secret").unwrap();
        fs::create_dir(site.path().join("themes")).unwrap();
        std::os::unix::fs::symlink(outside.path(), site.path().join("themes/nfk")).unwrap();
        let mut diags = Diagnostics::new();
        let theme = load_nb(site.path(), &mut diags);
        let d = &diags.sorted()[0];
        assert_eq!(
            (d.path.as_str(), d.message.as_str()),
            ("themes/nfk", "links to a folder outside the site folder")
        );
        assert!(
            theme.is_none_or(|t| { t.static_files.iter().all(|f| !f.path.contains("id_rsa")) })
        );
    }

    #[test]
    fn a_theme_folder_linked_inside_the_site_is_used() {
        let site = tempfile::tempdir().unwrap();
        let shared = site.path().join("shared-theme/static");
        fs::create_dir_all(&shared).unwrap();
        fs::write(shared.join("extra.css"), "p{}").unwrap();
        fs::create_dir(site.path().join("themes")).unwrap();
        std::os::unix::fs::symlink(
            site.path().join("shared-theme"),
            site.path().join("themes/nfk"),
        )
        .unwrap();
        let mut diags = Diagnostics::new();
        let theme = load_nb(site.path(), &mut diags).unwrap();
        assert!(diags.is_empty(), "{:?}", diags.sorted());
        assert!(theme.static_files.iter().any(|f| f.path == "extra.css"));
    }
}
