//! load: the site folder → [`RawSite`] (the files as written, with positions).
//!
//! This is the only stage that reads the site folder. It turns every unreadable or malformed
//! file into a diagnostic and goes on, so one broken partner never hides another's problems.
//! It does not judge values (that is `validate`, pictures included); it only refuses to read what
//! lies outside the site folder, and reads a logo or a story's image only when it names a plain
//! file inside the partner's folder, reporting what it found as a [`PictureFile`].

pub mod files;
#[cfg(test)]
mod format_doc;
pub mod picture;
pub mod raw;
mod stamp;
pub mod story;
pub mod yaml;
mod yaml_syntax;

use std::borrow::Cow;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics, Pos, display_path};
use crate::memo::{Key, Loaded, Memos, Stamps};
use crate::messages::ids;
use files::Problem;
use raw::{RawEmissions, RawFrontMatter, RawProfile, RawSiteConfig};

pub use picture::{PictureFile, is_plain_file_name};

pub use raw::S;

#[derive(Debug, Default, Clone)]
pub struct RawSite {
    pub config: Option<RawSiteConfig>,
    /// Shared with the memo that keeps them (`nfk serve`): taken whole, cloned only when
    /// validated again.
    pub partners: Vec<Arc<RawPartner>>,
    pub pages: Vec<RawPage>,
    /// Files in `content/` that are not Markdown (images, PDFs), copied as they are.
    pub assets: Vec<StaticFile>,
    /// The memo keys of the partner folders and pages read (none when the memos keep nothing).
    pub stamps: Stamps,
}

#[derive(Debug, Clone)]
pub struct RawPartner {
    pub slug: String,
    pub profile: Option<RawProfile>,
    pub emissions: Option<RawEmissions>,
    /// The texts of `profile.yaml` and `emissions.yaml` as read, for the rules that need to
    /// point into the source (a control character written as an escape).
    pub profile_text: Option<String>,
    pub emissions_text: Option<String>,
    pub story: Option<String>,
    /// The story's translations (`story.en.md`), by language.
    pub stories: Vec<(crate::model::Language, String)>,
    /// What `logo:` of the profile led to; `None` without a `logo:` line.
    pub logo: Option<PictureFile>,
    /// The story's own images (`load/story.rs`).
    pub images: Vec<story::RawStoryImage>,
}

#[derive(Debug, Clone)]
pub struct RawPage {
    /// `content/a/b.md`
    pub rel: String,
    pub front: Option<RawFrontMatter>,
    pub body: String,
    /// The line of the `.md` file on which `body` starts.
    pub body_line: u32,
}

/// A file published as it is: a content asset or a file of the theme's `static/` (logos and
/// story images are `model::Logo` and `model::StoryImage`, read by `picture.rs`). Where it is published is the route plan's business
/// (`routes::urls`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaticFile {
    /// Inside its folder (`content/`, the theme's `static/`), `/` separators.
    pub path: String,
    /// Where it was read, for messages: `content/bilder/a.png`.
    pub source: String,
    pub contents: Contents,
}

/// What a published file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Contents {
    /// Made or read by the build: pages, charts, logos (checked), the embedded theme. Shared,
    /// not copied, between a memo and the builds that reuse it.
    Bytes(bytes::Bytes),
    /// A file of the site, by its real path inside the site folder, copied as it is when the
    /// site is written and never read into memory by the build: theme static files and content
    /// assets, which may be large.
    Copy(PathBuf),
}

impl Contents {
    /// The bytes; a copied file is read now (`nfk serve` answers a request with it).
    pub fn read(&self) -> std::io::Result<Cow<'_, [u8]>> {
        match self {
            Contents::Bytes(bytes) => Ok(Cow::Borrowed(&bytes[..])),
            Contents::Copy(path) => std::fs::read(path).map(Cow::Owned),
        }
    }
}

pub fn site_file(root: &Path) -> PathBuf {
    root.join("site.yaml")
}

/// Reads the whole site folder. Missing folders are empty, not errors; `site.yaml` is required.
/// Partner folders and pages whose files have not changed since an earlier build are taken from
/// `memos` (`nfk serve`; `stamp.rs`); the result is the same as without them.
pub fn load(root: &Path, diags: &mut Diagnostics, memos: &Memos) -> RawSite {
    let config = load_config(root, diags);
    let mut stamps = Stamps::default();
    let (partners, partner_diags) = load_partners(root, memos, &mut stamps);
    diags.extend(partner_diags);
    let (pages, assets) = load_content(root, diags, memos, &mut stamps);
    RawSite {
        config,
        partners,
        pages,
        assets,
        stamps,
    }
}

fn load_config(root: &Path, diags: &mut Diagnostics) -> Option<RawSiteConfig> {
    let path = site_file(root);
    let rel = "site.yaml";
    if !present(&path) {
        diags.push(Diagnostic::error_msg(
            rel,
            Pos::FILE,
            ids::FILE_NO_SITE_YAML,
            vec![("root", root.display().to_string().into())],
        ));
        return None;
    }
    let text = read_text(root, &path, rel, diags)?;
    yaml::parse(rel, &text, 0, diags)
}

fn read_text(root: &Path, path: &Path, rel: &str, diags: &mut Diagnostics) -> Option<String> {
    let bytes = read_bytes(root, path, rel, diags)?;
    yaml::decode(rel, &bytes, diags)
}

/// Reads a file of the site (at most [`yaml::MAX_FILE_BYTES`], judged by its metadata before it
/// is read). A link that leads out of the site folder is refused (it would publish whatever it
/// points at); a file that vanished or cannot be read is a diagnostic.
pub(crate) fn read_bytes(
    root: &Path,
    path: &Path,
    rel: &str,
    diags: &mut Diagnostics,
) -> Option<Vec<u8>> {
    let limit = yaml::MAX_FILE_BYTES as u64;
    match files::inside(root, path).and_then(|file| files::read_limited(&file, limit)) {
        Ok(bytes) => Some(bytes),
        Err(problem) => {
            diags.push(file_problem(rel, problem));
            None
        }
    }
}

/// A file of the site published as it is (content assets, theme static files): checked to be a
/// regular file inside the site folder, and copied when the site is written.
pub(crate) fn copied_file(
    root: &Path,
    path: &Path,
    rel: &str,
    diags: &mut Diagnostics,
) -> Option<Contents> {
    match files::copy_source(root, path) {
        Ok(file) => Some(Contents::Copy(file)),
        Err(problem) => {
            diags.push(file_problem(rel, problem));
            None
        }
    }
}

fn file_problem(rel: &str, problem: Problem) -> Diagnostic {
    match problem {
        Problem::Outside => Diagnostic::error_msg(rel, Pos::FILE, ids::FILE_OUTSIDE, vec![]),
        Problem::NotAFile => Diagnostic::error_msg(rel, Pos::FILE, ids::FILE_NOT_REGULAR, vec![]),
        Problem::TooLarge { size, limit } => {
            let args = vec![("size", size.into()), ("limit", limit.into())];
            Diagnostic::error_msg(rel, Pos::FILE, ids::FILE_TOO_LARGE, args)
        }
        Problem::Io(e) => {
            let args = vec![("error", e.to_string().into())];
            Diagnostic::error_msg(rel, Pos::FILE, ids::FILE_UNREADABLE, args)
        }
    }
}

/// Present in the folder, even as a link whose target is gone (so that is reported, not skipped).
fn present(path: &Path) -> bool {
    path.symlink_metadata().is_ok()
}

/// Editor leftovers that must never be taken for content: `.#x`, `x~`, `.x.swp`, vim's `4913`,
/// emacs' auto-save `#x#`.
pub fn is_temporary(name: &str) -> bool {
    name.starts_with('.')
        || (name.len() > 1 && name.starts_with('#') && name.ends_with('#'))
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name == "4913"
}

fn sorted_entries(dir: &Path) -> Vec<fs::DirEntry> {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .map(|rd| rd.filter_map(Result::ok).collect())
        .unwrap_or_default();
    entries.retain(|e| !is_temporary(&e.file_name().to_string_lossy()));
    entries.sort_by_key(|e| e.file_name());
    entries
}

fn load_partners(
    root: &Path,
    memos: &Memos,
    stamps: &mut Stamps,
) -> (Vec<Arc<RawPartner>>, Diagnostics) {
    let memo = memos.partners.pass();
    let dir = root.join("partners");
    let folders: Vec<PathBuf> = sorted_entries(&dir)
        .into_iter()
        .filter(|e| e.file_type().map(|t| t.is_dir()).unwrap_or(false))
        .map(|e| e.path())
        .collect();
    let loaded: Vec<(Arc<RawPartner>, Diagnostics, Option<Key>)> = folders
        .par_iter()
        .map(|folder| {
            let key = key_of(memos, folder, stamp::folder_key);
            let loaded = memo.get_or_make(|| key, || load_partner_folder(root, folder));
            (loaded.value, loaded.diagnostics, key)
        })
        .collect();
    let mut all = Diagnostics::new();
    let partners = loaded
        .into_iter()
        .map(|(partner, diags, key)| {
            all.extend(diags);
            if let Some(key) = key {
                stamps.partners.insert(partner.slug.clone(), key);
            }
            partner
        })
        .collect();
    (partners, all)
}

/// The memo key of what is read at `path` (`stamp`, with what the watcher reported there);
/// `None` when the memos keep nothing or the stamp cannot be taken.
fn key_of(memos: &Memos, path: &Path, stamp: fn(&Path) -> Option<Key>) -> Option<Key> {
    if !memos.partners.keeps() {
        return None;
    }
    stamp(path).map(|key| memos.touched(key, path))
}

fn load_partner_folder(root: &Path, folder: &Path) -> Loaded<Arc<RawPartner>> {
    let mut diagnostics = Diagnostics::new();
    let value = Arc::new(load_partner(root, folder, &mut diagnostics));
    Loaded {
        path: folder.to_path_buf(),
        value,
        diagnostics,
    }
}

fn load_partner(root: &Path, folder: &Path, diags: &mut Diagnostics) -> RawPartner {
    let slug = folder
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let profile_path = folder.join("profile.yaml");
    let profile_rel = display_path(root, &profile_path);
    let profile_text = if present(&profile_path) {
        read_text(root, &profile_path, &profile_rel, diags)
    } else {
        diags.push(Diagnostic::error_msg(
            &display_path(root, folder),
            Pos::FILE,
            ids::FILE_PARTNER_WITHOUT_PROFILE,
            vec![("slug", slug.as_str().into())],
        ));
        None
    };
    let profile: Option<RawProfile> = profile_text.as_deref().and_then(|text| {
        let mut profile: RawProfile = yaml::parse(&profile_rel, text, 0, diags)?;
        profile.org_number_unquoted =
            yaml::unquoted_scalar_at(text, yaml::span_pos(&profile.org_number));
        Some(profile)
    });
    let emissions_path = folder.join("emissions.yaml");
    let emissions_rel = display_path(root, &emissions_path);
    let emissions_text = present(&emissions_path)
        .then(|| read_text(root, &emissions_path, &emissions_rel, diags))
        .flatten();
    let emissions = emissions_text
        .as_deref()
        .and_then(|text| yaml::parse(&emissions_rel, text, 0, diags));
    let story_path = folder.join("story.md");
    let story_rel = display_path(root, &story_path);
    let story = if present(&story_path) {
        read_text(root, &story_path, &story_rel, diags)
    } else {
        None
    };
    let mut stories = Vec::new();
    for (code, language) in crate::model::Language::ALL {
        let path = folder.join(format!("story.{code}.md"));
        if present(&path)
            && let Some(text) = read_text(root, &path, &display_path(root, &path), diags)
        {
            stories.push((language, text));
        }
    }
    // The translations show the same pictures, or others of the folder: each file once.
    let mut images =
        (story.as_deref()).map_or_else(Vec::new, |text| story::load_images(folder, text));
    for (_, text) in &stories {
        for image in story::load_images(folder, text) {
            if !images.iter().any(|i| i.name == image.name) {
                images.push(image);
            }
        }
    }
    let logo = (profile.as_ref())
        .and_then(|p| p.logo.as_ref())
        .map(|logo| picture::load_logo(folder, logo));
    RawPartner {
        slug,
        profile,
        emissions,
        profile_text,
        emissions_text,
        story,
        stories,
        logo,
        images,
    }
}

fn load_content(
    root: &Path,
    diags: &mut Diagnostics,
    memos: &Memos,
    stamps: &mut Stamps,
) -> (Vec<RawPage>, Vec<StaticFile>) {
    let memo = memos.pages.pass();
    let dir = root.join("content");
    let mut pages = Vec::new();
    let mut assets = Vec::new();
    let walker = walkdir::WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_temporary(&e.file_name().to_string_lossy()));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                if dir.exists() {
                    let rel = e
                        .path()
                        .map(|p| display_path(root, p))
                        .unwrap_or_else(|| "content".into());
                    let args = vec![("error", e.to_string().into())];
                    diags.push(Diagnostic::error_msg(
                        &rel,
                        Pos::FILE,
                        ids::FILE_UNREADABLE_FOLDER,
                        args,
                    ));
                }
                continue;
            }
        };
        let rel = display_path(root, entry.path());
        if !files::is_readable_entry(&entry, &rel, "content/", diags) {
            continue;
        }
        if entry.path().extension().is_some_and(|e| e == "md") {
            let load_page = || {
                let mut diagnostics = Diagnostics::new();
                let value = read_text(root, entry.path(), &rel, &mut diagnostics)
                    .map(|text| split_page(rel.clone(), &text, &mut diagnostics));
                Loaded {
                    path: entry.path().to_path_buf(),
                    value,
                    diagnostics,
                }
            };
            let key = key_of(memos, entry.path(), stamp::file_key);
            let loaded = memo.get_or_make(|| key, load_page);
            if let Some(key) = key {
                stamps.pages.insert(rel.clone(), key);
            }
            diags.extend(loaded.diagnostics);
            pages.extend(loaded.value);
        } else if let Some(contents) = copied_file(root, entry.path(), &rel, diags) {
            assets.push(StaticFile {
                path: display_path(&dir, entry.path()),
                source: rel,
                contents,
            });
        }
    }
    (pages, assets)
}

/// Splits `---\nfront matter\n---\nbody` by hand, so front-matter positions map to file lines.
pub fn split_page(rel: String, text: &str, diags: &mut Diagnostics) -> RawPage {
    let mut lines = text.split_inclusive('\n');
    let opens = lines.next().is_some_and(|l| l.trim_end() == "---");
    if !opens {
        diags.push(Diagnostic::error_msg(
            &rel,
            Pos::new(1, 1),
            ids::FILE_NO_FRONT_MATTER,
            vec![],
        ));
        return RawPage {
            rel,
            front: None,
            body: text.to_string(),
            body_line: 1,
        };
    }
    let mut front = String::new();
    let mut line_no = 1u32;
    let mut closed = false;
    for line in lines.by_ref() {
        line_no += 1;
        if line.trim_end() == "---" {
            closed = true;
            break;
        }
        front.push_str(line);
    }
    if !closed {
        diags.push(Diagnostic::error_msg(
            &rel,
            Pos::new(1, 1),
            ids::FILE_FRONT_MATTER_NOT_CLOSED,
            vec![],
        ));
        return RawPage {
            rel,
            front: None,
            body: String::new(),
            body_line: line_no,
        };
    }
    let body: String = lines.collect();
    let front = yaml::parse::<RawFrontMatter>(&rel, &front, 1, diags);
    RawPage {
        rel,
        front,
        body,
        body_line: line_no + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_counts_body_lines() {
        let mut diags = Diagnostics::new();
        let page = split_page(
            "content/a.md".into(),
            "---\ntitle: A\n---\n# Hei\n",
            &mut diags,
        );
        assert!(diags.is_empty());
        assert_eq!(page.front.unwrap().title.value, "A");
        assert_eq!(page.body, "# Hei\n");
        assert_eq!(page.body_line, 4);
    }

    #[test]
    fn page_without_front_matter_is_an_error() {
        let mut diags = Diagnostics::new();
        split_page("content/a.md".into(), "# Hei\n", &mut diags);
        let d = &diags.sorted()[0];
        assert_eq!(
            (d.line, d.message.as_str()),
            (1, "page has no front matter")
        );
    }

    #[test]
    fn unclosed_front_matter_is_an_error() {
        let mut diags = Diagnostics::new();
        split_page("content/a.md".into(), "---\ntitle: A\n", &mut diags);
        assert_eq!(diags.sorted()[0].message, "front matter is not closed");
    }

    #[test]
    fn front_matter_errors_point_at_the_md_line() {
        let mut diags = Diagnostics::new();
        split_page(
            "content/a.md".into(),
            "---\ntitle: A\ntitel: B\n---\n",
            &mut diags,
        );
        let d = &diags.sorted()[0];
        assert_eq!(
            (d.line, d.help.as_deref()),
            (3, Some("did you mean `title`?"))
        );
    }

    #[test]
    fn editor_temp_files_are_skipped() {
        for name in [".#a.md", "a.md~", ".a.md.swp", "4913", "#a.md#"] {
            assert!(is_temporary(name), "{name}");
        }
        assert!(!is_temporary("a.md"));
    }

    #[test]
    fn content_assets_are_copied_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let report = dir.path().join("content/rapport.pdf");
        fs::create_dir_all(report.parent().unwrap()).unwrap();
        fs::File::create(&report).unwrap().set_len(1 << 30).unwrap();
        let mut diags = Diagnostics::new();
        let raw = load(dir.path(), &mut diags, &Memos::off());
        assert_eq!(
            raw.assets,
            [StaticFile {
                path: "rapport.pdf".into(),
                source: "content/rapport.pdf".into(),
                contents: Contents::Copy(report.canonicalize().unwrap()),
            }]
        );
    }

    #[test]
    fn a_page_over_the_size_limit_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("content/stor.md");
        fs::create_dir_all(page.parent().unwrap()).unwrap();
        fs::File::create(&page).unwrap().set_len(1 << 30).unwrap();
        let mut diags = Diagnostics::new();
        load(dir.path(), &mut diags, &Memos::off());
        let problem = diags
            .sorted()
            .into_iter()
            .find(|d| d.path == "content/stor.md")
            .unwrap();
        assert_eq!(
            problem.message,
            "file is 1,073,741,824 bytes; the limit is 2,097,152"
        );
    }
}
