//! What `--output` may replace (SPEC §10; the rules are in docs/decisions.md, "Output safety").
//!
//! Checked before the build starts, so a refused output costs no build and leaves nothing
//! behind. Paths are compared after resolving symbolic links, so no link can make the output
//! stand for the site or its sources. This module only looks: it never creates, changes or
//! removes anything (that is the rest of `write`, once these checks pass).

use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::os::unix::fs::MetadataExt;
use std::path::{Component, Path, PathBuf};

use anyhow::Context;

use crate::messages::{self, Arg, Args, Quote, ids};
use crate::model::Language;

/// The file nfk writes into every output folder: a folder that holds it may be replaced.
pub const MARKER: &str = ".nfk-output";

/// What the marker file says. Its first line is what [`is_nfk_output`] looks for.
pub const MARKER_TEXT: &str = "This folder was written by nfk (nfk build).\n\
nfk replaces the whole folder on every build: do not keep other files here.\n";

/// Folders of the site that the output may be neither inside of nor hold.
const SOURCES: [&str; 6] = ["content", "partners", "themes", "site.yaml", "src", ".git"];

/// Why the output folder was refused. Every refusal exits with 2 (SPEC §9).
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The output is, holds, or lies inside the site or one of its sources, the home folder or
    /// the current folder. `--force` does not change this.
    WouldReplaceSite {
        output: String,
        /// What it would replace: a phrase of the catalogue ("the site folder").
        what: Arg,
        path: PathBuf,
    },
    /// A folder with files that nfk did not write (no marker). `--force` replaces it.
    NotNfkOutput { output: String, older_nfk: bool },
    /// The output, or a folder on the way to it, is a file (or anything else but a folder).
    NotAFolder { output: String, file: PathBuf },
    /// A symbolic link on the way to the output leads nowhere.
    DanglingLink { output: String, link: PathBuf },
    /// A mount point cannot be swapped out with a rename.
    MountPoint { output: String },
    /// Something in the old output cannot be removed, so it could never be replaced whole.
    CannotEmpty {
        output: String,
        folder: PathBuf,
        reason: String,
    },
}

impl Refusal {
    /// What is refused and why, in `lang` (the catalogue's `output-*` messages).
    pub fn message(&self, lang: Language) -> String {
        let path = |p: &Path| Arg::from(p.display().to_string());
        let (id, args): (&str, Args) = match self {
            Refusal::WouldReplaceSite {
                output,
                what,
                path: p,
            } => (
                ids::OUTPUT_WOULD_REPLACE_SITE,
                vec![
                    ("output", output.into()),
                    ("what", what.clone()),
                    ("path", path(p)),
                ],
            ),
            Refusal::NotNfkOutput { output, older_nfk } => (
                if *older_nfk {
                    ids::OUTPUT_OLDER_NFK
                } else {
                    ids::OUTPUT_NOT_NFK
                },
                vec![("output", output.into()), ("marker", MARKER.into())],
            ),
            Refusal::NotAFolder { output, file } => (
                ids::OUTPUT_NOT_A_FOLDER,
                vec![("output", output.into()), ("file", path(file))],
            ),
            Refusal::DanglingLink { output, link } => (
                ids::OUTPUT_DANGLING_LINK,
                vec![("output", output.into()), ("link", path(link))],
            ),
            Refusal::MountPoint { output } => {
                (ids::OUTPUT_MOUNT_POINT, vec![("output", output.into())])
            }
            Refusal::CannotEmpty {
                output,
                folder,
                reason,
            } => (
                ids::OUTPUT_CANNOT_EMPTY,
                vec![
                    ("output", output.into()),
                    ("folder", path(folder)),
                    ("reason", reason.into()),
                ],
            ),
        };
        messages::text(lang, id, &args)
    }
}

/// In English, as errors are chained; `main` prints [`Refusal::message`] in the editor's
/// language.
impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Language::En))
    }
}

impl std::error::Error for Refusal {}

/// The output folder once checked.
#[derive(Debug)]
pub struct Checked {
    /// The real path: absolute, every symbolic link resolved. A link to a folder (a web root)
    /// stands for that folder, which is replaced in place; the link itself is left as it is.
    pub real: PathBuf,
    /// How to name the output in messages: as given, and where it leads when that differs.
    pub shown: String,
}

/// Checks that `output` may be replaced by a build of the site in `root`.
pub fn check(output: &Path, root: &Path, force: bool) -> anyhow::Result<Checked> {
    let given = std::path::absolute(output)
        .with_context(|| format!("reading the path {}", output.display()))?;
    let (real, dangling) = resolve(&given)?;
    let shown = if real == given {
        given.display().to_string()
    } else {
        format!("{} (which leads to {})", given.display(), real.display())
    };
    if let Some(link) = dangling {
        return Err(Refusal::DanglingLink {
            output: shown,
            link,
        }
        .into());
    }
    refuse_the_site_itself(&real, root, &shown)?;
    match fs::symlink_metadata(&real) {
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
            ) =>
        {
            refuse_a_file_on_the_way(&real, &shown)?;
        }
        Err(e) => return Err(e).with_context(|| format!("reading {shown}")),
        Ok(meta) if !meta.is_dir() => {
            return Err(Refusal::NotAFolder {
                output: shown,
                file: real,
            }
            .into());
        }
        Ok(meta) => {
            if real
                .parent()
                .and_then(|p| fs::metadata(p).ok())
                .is_some_and(|parent| parent.dev() != meta.dev())
            {
                return Err(Refusal::MountPoint { output: shown }.into());
            }
            let empty = fs::read_dir(&real)
                .with_context(|| format!("reading {shown}"))?
                .next()
                .is_none();
            if !empty && !force && !is_nfk_output(&real) {
                let older_nfk = looks_like_an_older_nfk_output(&real);
                return Err(Refusal::NotNfkOutput {
                    output: shown,
                    older_nfk,
                }
                .into());
            }
            refuse_what_cannot_be_removed(&real, &shown)?;
        }
    }
    Ok(Checked { real, shown })
}

/// `path` made absolute with every symbolic link resolved, also when its last parts do not
/// exist yet (they are appended as written). The second value is a link on the way whose
/// target does not exist.
fn resolve(path: &Path) -> anyhow::Result<(PathBuf, Option<PathBuf>)> {
    let mut real = PathBuf::from("/");
    let mut missing = false;
    for part in path.components() {
        match part {
            Component::ParentDir => {
                // `real` is resolved so far, so this is the real parent.
                real.pop();
            }
            Component::Normal(name) => {
                real.push(name);
                if missing {
                    continue;
                }
                match real.canonicalize() {
                    Ok(resolved) => real = resolved,
                    // Not a folder: a file on the way, refused by the caller.
                    Err(e)
                        if matches!(
                            e.kind(),
                            io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
                        ) =>
                    {
                        if real.symlink_metadata().is_ok() {
                            return Ok((real.clone(), Some(real)));
                        }
                        missing = true;
                    }
                    Err(e) => {
                        return Err(e).with_context(|| format!("reading {}", real.display()));
                    }
                }
            }
            Component::RootDir | Component::CurDir | Component::Prefix(_) => {}
        }
    }
    Ok((real, None))
}

/// The site folder, what holds it, its sources, the home folder and the current folder are
/// never replaced, `--force` or not.
fn refuse_the_site_itself(real: &Path, root: &Path, shown: &str) -> anyhow::Result<()> {
    let root = root
        .canonicalize()
        .or_else(|_| std::path::absolute(root))
        .with_context(|| format!("reading the site folder {}", root.display()))?;
    let refuse = |what: &'static str, path: &Path| {
        let around = |id: &'static str| {
            Arg::Message(Box::new(Quote {
                id,
                help: false,
                args: vec![("what", Arg::word(what))],
            }))
        };
        let what = if path == real {
            Arg::word(what)
        } else if path.starts_with(real) {
            around(ids::OUTPUT_WHAT_HOLDING)
        } else {
            around(ids::OUTPUT_WHAT_INSIDE)
        };
        Err(Refusal::WouldReplaceSite {
            output: shown.to_string(),
            what,
            path: path.to_path_buf(),
        }
        .into())
    };
    // A folder that holds any of these would take it along.
    let mut held: Vec<(&'static str, PathBuf)> = vec![(ids::OUTPUT_WHAT_SITE, root.clone())];
    if let Some(home) = std::env::var_os("HOME").and_then(|h| Path::new(&h).canonicalize().ok()) {
        held.push((ids::OUTPUT_WHAT_HOME, home));
    }
    if let Ok(cwd) = std::env::current_dir().and_then(|d| d.canonicalize()) {
        held.push((ids::OUTPUT_WHAT_CURRENT, cwd));
    }
    for (what, path) in &held {
        if path.starts_with(real) {
            return refuse(what, path);
        }
    }
    for source in SOURCES {
        let lexical = root.join(source);
        // A source that is itself a link (`content -> ../common-content`) is protected where it
        // leads, too.
        let linked = lexical.canonicalize().ok();
        for path in std::iter::once(&lexical).chain(linked.as_ref()) {
            if real.starts_with(path) || path.starts_with(real) {
                return refuse(source_name(source), path);
            }
        }
    }
    Ok(())
}

/// A source of the site in words: a message id of the catalogue.
fn source_name(source: &str) -> &'static str {
    match source {
        "content" => ids::OUTPUT_WHAT_CONTENT,
        "partners" => ids::OUTPUT_WHAT_PARTNERS,
        "themes" => ids::OUTPUT_WHAT_THEMES,
        "site.yaml" => ids::OUTPUT_WHAT_SITE_YAML,
        "src" => ids::OUTPUT_WHAT_SRC,
        _ => ids::OUTPUT_WHAT_GIT,
    }
}

/// An output that does not exist yet needs a folder (not a file) to be created in.
fn refuse_a_file_on_the_way(real: &Path, shown: &str) -> anyhow::Result<()> {
    let existing = real
        .ancestors()
        .skip(1)
        .find(|p| p.symlink_metadata().is_ok());
    match existing {
        Some(parent) if !parent.is_dir() => Err(Refusal::NotAFolder {
            output: shown.to_string(),
            file: parent.to_path_buf(),
        }
        .into()),
        _ => Ok(()),
    }
}

/// A regular file named [`MARKER`] that starts with the marker's first line.
pub fn is_nfk_output(dir: &Path) -> bool {
    let path = dir.join(MARKER);
    let regular = path.symlink_metadata().is_ok_and(|m| m.is_file());
    let first_line = MARKER_TEXT.lines().next().unwrap_or_default();
    let mut head = Vec::new();
    regular
        && fs::File::open(&path)
            .and_then(|f| f.take(first_line.len() as u64).read_to_end(&mut head))
            .is_ok()
        && head == first_line.as_bytes()
}

/// Only to word the refusal: nfk never replaces a folder because of its shape.
fn looks_like_an_older_nfk_output(dir: &Path) -> bool {
    ["index.html", "404.html", "sitemap.xml", "data/results.json"]
        .iter()
        .all(|f| dir.join(f).is_file())
}

/// Removing the old output needs every folder in it readable and writable: checked before
/// building, so the swap never leaves a half-removed old site behind.
fn refuse_what_cannot_be_removed(dir: &Path, shown: &str) -> anyhow::Result<()> {
    use rustix::fs::{Access, AtFlags, CWD, accessat};
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.map_err(|e| Refusal::CannotEmpty {
            output: shown.to_string(),
            folder: e.path().unwrap_or(dir).to_path_buf(),
            reason: e
                .io_error()
                .map_or_else(|| e.to_string(), ToString::to_string),
        })?;
        if !entry.file_type().is_dir() {
            continue;
        }
        let all = Access::READ_OK | Access::WRITE_OK | Access::EXEC_OK;
        if let Err(e) = accessat(CWD, entry.path(), all, AtFlags::EACCESS) {
            return Err(Refusal::CannotEmpty {
                output: shown.to_string(),
                folder: entry.path().to_path_buf(),
                reason: io::Error::from(e).to_string(),
            }
            .into());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(output: &Path, root: &Path, force: bool) -> Refusal {
        match check(output, root, force) {
            Ok(checked) => panic!("{} was accepted", checked.shown),
            Err(e) => e.downcast::<Refusal>().expect("a refusal"),
        }
    }

    fn site() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for folder in ["site/content", "site/partners", "site/themes"] {
            fs::create_dir_all(dir.path().join(folder)).unwrap();
        }
        fs::write(dir.path().join("site/site.yaml"), "title: T\n").unwrap();
        dir
    }

    #[test]
    fn accepts_an_absent_folder_and_an_empty_one() {
        let dir = site();
        let root = dir.path().join("site");
        assert!(check(&root.join("public"), &root, false).is_ok());
        assert!(check(&dir.path().join("new/deeper/public"), &root, false).is_ok());
        fs::create_dir(dir.path().join("empty")).unwrap();
        assert!(check(&dir.path().join("empty"), &root, false).is_ok());
    }

    #[test]
    fn accepts_a_folder_nfk_wrote() {
        let dir = site();
        let out = dir.path().join("public");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("index.html"), "<p>").unwrap();
        fs::write(out.join(MARKER), MARKER_TEXT).unwrap();
        assert!(check(&out, &dir.path().join("site"), false).is_ok());
    }

    #[test]
    fn refuses_a_folder_of_user_files_unless_forced() {
        let dir = site();
        let root = dir.path().join("site");
        let out = dir.path().join("Documents");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("thesis.odt"), "years of work").unwrap();
        let refused = refusal(&out, &root, false);
        assert_eq!(
            refused,
            Refusal::NotNfkOutput {
                output: out.display().to_string(),
                older_nfk: false
            }
        );
        let message = refused.to_string();
        assert!(message.contains("--force") && message.contains(&out.display().to_string()));
        assert!(check(&out, &root, true).is_ok());
    }

    #[test]
    fn a_marker_that_is_a_link_or_says_something_else_does_not_count() {
        let dir = site();
        let root = dir.path().join("site");
        let out = dir.path().join("www");
        fs::create_dir(&out).unwrap();
        fs::write(out.join(MARKER), "my own notes\n").unwrap();
        assert!(matches!(
            refusal(&out, &root, false),
            Refusal::NotNfkOutput { .. }
        ));
        fs::remove_file(out.join(MARKER)).unwrap();
        fs::write(dir.path().join("elsewhere"), MARKER_TEXT).unwrap();
        std::os::unix::fs::symlink(dir.path().join("elsewhere"), out.join(MARKER)).unwrap();
        assert!(matches!(
            refusal(&out, &root, false),
            Refusal::NotNfkOutput { .. }
        ));
    }

    #[test]
    fn names_an_older_nfk_output_by_its_shape_but_still_needs_force() {
        let dir = site();
        let out = dir.path().join("public");
        fs::create_dir_all(out.join("data")).unwrap();
        for file in ["index.html", "404.html", "sitemap.xml", "data/results.json"] {
            fs::write(out.join(file), "x").unwrap();
        }
        let refused = refusal(&out, &dir.path().join("site"), false);
        assert!(matches!(
            refused,
            Refusal::NotNfkOutput {
                older_nfk: true,
                ..
            }
        ));
        assert!(refused.to_string().contains("--force once"));
    }

    #[test]
    fn never_replaces_the_site_or_its_sources_even_when_forced() {
        let dir = site();
        let root = dir.path().join("site");
        for bad in [
            root.clone(),
            dir.path().to_path_buf(),
            PathBuf::from("/"),
            root.join("content"),
            root.join("content/nyheter"),
            root.join("partners/x/.."),
            root.join("themes"),
            root.join("site.yaml"),
            root.join(".git/objects"),
            root.join("src"),
        ] {
            assert!(
                matches!(refusal(&bad, &root, true), Refusal::WouldReplaceSite { .. }),
                "{}",
                bad.display()
            );
        }
    }

    #[test]
    fn resolves_links_before_comparing() {
        let dir = site();
        let root = dir.path().join("site");
        let link = dir.path().join("L");
        std::os::unix::fs::symlink(&root, &link).unwrap();
        for bad in [
            link.join("content"),
            link.clone(),
            link.join("public/../partners"),
        ] {
            assert!(
                matches!(refusal(&bad, &root, true), Refusal::WouldReplaceSite { .. }),
                "{}",
                bad.display()
            );
        }
        assert!(check(&link.join("public"), &root, false).is_ok());
    }

    #[test]
    fn protects_where_a_linked_source_folder_leads() {
        let dir = site();
        let root = dir.path().join("site");
        let shared = dir.path().join("shared-content");
        fs::create_dir(&shared).unwrap();
        fs::remove_dir(root.join("content")).unwrap();
        std::os::unix::fs::symlink(&shared, root.join("content")).unwrap();
        for bad in [
            shared.clone(),
            shared.join("nyheter"),
            dir.path().to_path_buf(),
        ] {
            assert!(
                matches!(refusal(&bad, &root, true), Refusal::WouldReplaceSite { .. }),
                "{}",
                bad.display()
            );
        }
    }

    #[test]
    fn an_output_link_stands_for_the_folder_it_leads_to() {
        let dir = site();
        let root = dir.path().join("site");
        let web_root = dir.path().join("www");
        fs::create_dir(&web_root).unwrap();
        let link = root.join("public");
        std::os::unix::fs::symlink(&web_root, &link).unwrap();
        let checked = check(&link, &root, false).unwrap();
        assert_eq!(checked.real, web_root.canonicalize().unwrap());
        assert!(checked.shown.contains("which leads to"));
        fs::write(web_root.join("other-site.html"), "x").unwrap();
        assert!(matches!(
            refusal(&link, &root, false),
            Refusal::NotNfkOutput { .. }
        ));
    }

    #[test]
    fn refuses_a_link_that_leads_nowhere() {
        let dir = site();
        let link = dir.path().join("public");
        std::os::unix::fs::symlink(dir.path().join("gone"), &link).unwrap();
        assert!(matches!(
            refusal(&link, &dir.path().join("site"), true),
            Refusal::DanglingLink { .. }
        ));
    }

    #[test]
    fn refuses_a_file_and_a_folder_inside_a_file_even_when_forced() {
        let dir = site();
        let root = dir.path().join("site");
        let file = dir.path().join("notes.txt");
        fs::write(&file, "x").unwrap();
        for bad in [file.clone(), file.join("public")] {
            assert!(
                matches!(refusal(&bad, &root, true), Refusal::NotAFolder { .. }),
                "{}",
                bad.display()
            );
        }
    }
}
