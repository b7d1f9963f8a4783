//! load: the site folder → [`RawSite`] (the files as written, with positions).
//!
//! This is the only stage that reads the site folder. It turns every unreadable or malformed
//! file into a diagnostic and goes on, so one broken partner never hides another's problems.
//! It does not judge values (that is `validate`), except for what needs the file system: that a
//! partner's logo and the images its story shows exist, are images, and lie inside the
//! partner's folder.

pub mod cache;
mod picture;
pub mod raw;
pub mod story;
pub mod yaml;

use std::fs;
use std::path::{Component, Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::{Diagnostic, Diagnostics, Pos, display_path};
use crate::render::markdown::STORY_IMAGE_FOLDER;
use raw::{RawEmissions, RawFrontMatter, RawProfile, RawSiteConfig};

pub use cache::LoadCache;
use picture::{LOGO_EXTENSIONS, Picture, looks_like, svg_is_inert};

pub use raw::S;

#[derive(Debug, Default, Clone)]
pub struct RawSite {
    pub config: Option<RawSiteConfig>,
    pub partners: Vec<RawPartner>,
    pub pages: Vec<RawPage>,
    /// Files in `content/` that are not Markdown (images, PDFs), copied as they are.
    pub assets: Vec<StaticFile>,
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
    pub logo: Option<StaticFile>,
    /// The story's own images (`load/story.rs`).
    pub images: Vec<StaticFile>,
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

/// A file published as it is, at `url_path` (relative to the output root, `/` separators).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaticFile {
    pub url_path: String,
    pub bytes: Vec<u8>,
}

pub fn site_file(root: &Path) -> PathBuf {
    root.join("site.yaml")
}

/// Reads the whole site folder. Missing folders are empty, not errors; `site.yaml` is required.
pub fn load(root: &Path, diags: &mut Diagnostics) -> RawSite {
    load_with(root, diags, None)
}

/// [`load`], reusing the files a [`LoadCache`] read before when they have not changed since
/// (`nfk serve`). The result is the same as without the cache.
pub fn load_with(root: &Path, diags: &mut Diagnostics, cache: Option<&LoadCache>) -> RawSite {
    let config = load_config(root, diags);
    let (partners, partner_diags) = load_partners(root, cache);
    diags.extend(partner_diags);
    let (pages, assets) = load_content(root, diags, cache);
    RawSite {
        config,
        partners,
        pages,
        assets,
    }
}

fn load_config(root: &Path, diags: &mut Diagnostics) -> Option<RawSiteConfig> {
    let path = site_file(root);
    let rel = "site.yaml";
    if !present(&path) {
        diags.push(
            Diagnostic::error(rel, Pos::FILE, "no site.yaml in the site folder").with_help(
                format!(
                    "run nfk in a site folder, or pass --root; looked in {}",
                    root.display()
                ),
            ),
        );
        return None;
    }
    let text = read_text(root, &path, rel, diags)?;
    yaml::parse(rel, &text, 0, diags)
}

fn read_text(root: &Path, path: &Path, rel: &str, diags: &mut Diagnostics) -> Option<String> {
    let bytes = read_bytes(root, path, rel, diags)?;
    yaml::decode(rel, &bytes, diags)
}

/// Reads a file of the site. A link that leads out of the site folder is refused (it would
/// publish whatever it points at); a file that vanished or cannot be read is a diagnostic.
fn read_bytes(root: &Path, path: &Path, rel: &str, diags: &mut Diagnostics) -> Option<Vec<u8>> {
    let resolved = match (path.canonicalize(), root.canonicalize()) {
        (Ok(file), Ok(root)) => file.starts_with(root).then_some(file),
        (Err(e), _) | (_, Err(e)) => {
            diags.error(rel, Pos::FILE, format!("cannot read the file: {e}"));
            return None;
        }
    };
    let Some(file) = resolved else {
        diags.push(
            Diagnostic::error(rel, Pos::FILE, "links to a file outside the site folder")
                .with_help("copy the file into the site instead of linking to it"),
        );
        return None;
    };
    match fs::read(&file) {
        Ok(bytes) => Some(bytes),
        Err(e) => {
            diags.error(rel, Pos::FILE, format!("cannot read the file: {e}"));
            None
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

fn load_partners(root: &Path, cache: Option<&LoadCache>) -> (Vec<RawPartner>, Diagnostics) {
    let dir = root.join("partners");
    let folders: Vec<PathBuf> = sorted_entries(&dir)
        .into_iter()
        .filter(|e| e.file_type().map(|t| t.is_dir()).unwrap_or(false))
        .map(|e| e.path())
        .collect();
    let loaded: Vec<(RawPartner, Diagnostics)> = folders
        .par_iter()
        .map(|folder| match cache {
            Some(cache) => cache.partner(folder, || load_partner_folder(root, folder)),
            None => load_partner_folder(root, folder),
        })
        .collect();
    let mut all = Diagnostics::new();
    let partners = loaded
        .into_iter()
        .map(|(partner, diags)| {
            all.extend(diags);
            partner
        })
        .collect();
    (partners, all)
}

fn load_partner_folder(root: &Path, folder: &Path) -> (RawPartner, Diagnostics) {
    let mut diags = Diagnostics::new();
    let partner = load_partner(root, folder, &mut diags);
    (partner, diags)
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
        diags.push(
            Diagnostic::error(
                &display_path(root, folder),
                Pos::FILE,
                "partner folder without profile.yaml",
            )
            .with_help(format!(
                "run `nfk new partner {slug}` for a skeleton, or remove the folder"
            )),
        );
        None
    };
    let profile: Option<RawProfile> = profile_text
        .as_deref()
        .and_then(|text| yaml::parse(&profile_rel, text, 0, diags));
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
    let images = story.as_deref().map_or_else(Vec::new, |text| {
        story::load_images(folder, &slug, text, &story_rel, diags)
    });
    let logo = profile
        .as_ref()
        .and_then(|p| p.logo.as_ref())
        .and_then(|logo| load_logo(folder, &slug, logo, &profile_rel, diags));
    RawPartner {
        slug,
        profile,
        emissions,
        profile_text,
        emissions_text,
        story,
        logo,
        images,
    }
}

/// Resolves `logo:` to a file inside the partner's folder and reads it.
fn load_logo(
    folder: &Path,
    slug: &str,
    logo: &S<String>,
    profile_rel: &str,
    diags: &mut Diagnostics,
) -> Option<StaticFile> {
    let at = yaml::span_pos(logo);
    load_picture(folder, slug, logo.value.trim(), Picture::Logo)
        .map_err(|(message, help)| {
            diags.push(Diagnostic::error(profile_rel, at, message).with_help(help));
        })
        .ok()
}

/// Reads a picture named `name` from the partner's folder, checked as a logo is: a file of an
/// image type, inside the folder (no link out of it), not too large, an SVG without scripts or
/// references to anything else. `Err` holds a message and a help line.
fn load_picture(
    folder: &Path,
    slug: &str,
    name: &str,
    picture: Picture,
) -> Result<StaticFile, (String, String)> {
    let noun = picture.noun();
    let error = |message: String, help: &str| -> Result<StaticFile, (String, String)> {
        Err((message, help.to_string()))
    };
    let relative = Path::new(name);
    if name.is_empty()
        || relative.is_absolute()
        || name.contains('\\')
        || relative
            .components()
            .any(|c| !matches!(c, Component::Normal(_)))
    {
        return error(
            format!("{noun} `{name}` must be a file name inside the partner's folder"),
            picture.name_help(),
        );
    }
    let extension = relative
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if !LOGO_EXTENSIONS.contains(&extension.as_str()) {
        return error(
            format!("{noun} `{name}` is not an image type the site can show"),
            "use an .svg, .png, .jpg or .webp file",
        );
    }
    let path = folder.join(relative);
    let inside = match (path.canonicalize(), folder.canonicalize()) {
        (Ok(file), Ok(dir)) => file.starts_with(dir),
        _ => {
            return error(
                format!("{noun} file `{name}` not found in partners/{slug}/"),
                picture.missing_help(),
            );
        }
    };
    if !inside {
        return error(
            format!("{noun} `{name}` points outside partners/{slug}/"),
            &format!("copy the {noun} file into the partner's folder instead of linking to it"),
        );
    }
    let bytes = match fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) => {
            return error(
                format!("cannot read {noun} `{name}`: {e}"),
                "check the file's permissions",
            );
        }
    };
    if bytes.len() > yaml::MAX_FILE_BYTES {
        return error(
            format!(
                "{noun} `{name}` is {} bytes; the limit is {}",
                bytes.len(),
                yaml::MAX_FILE_BYTES
            ),
            picture.size_help(),
        );
    }
    if let Some(Err(problem)) = (extension == "svg").then(|| svg_is_inert(&bytes)) {
        return error(
            format!("{noun} `{name}` {problem}"),
            &format!(
                "a {noun} must be a self-contained picture: export it again as plain SVG, or as PNG"
            ),
        );
    }
    if !looks_like(&extension, &bytes) {
        return error(
            format!("{noun} `{name}` is not a valid .{extension} file"),
            &format!(
                "export the {noun} again from the original, or check that the file name's ending matches its type"
            ),
        );
    }
    let url_path = match picture {
        Picture::Logo => format!("partnere/{slug}/{name}"),
        Picture::StoryImage => {
            format!("partnere/{slug}/{STORY_IMAGE_FOLDER}/{name}")
        }
    };
    Ok(StaticFile { url_path, bytes })
}

fn load_content(
    root: &Path,
    diags: &mut Diagnostics,
    cache: Option<&LoadCache>,
) -> (Vec<RawPage>, Vec<StaticFile>) {
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
                    diags.error(&rel, Pos::FILE, format!("cannot read: {e}"));
                }
                continue;
            }
        };
        let kind = entry.file_type();
        let rel = display_path(root, entry.path());
        if kind.is_symlink() && entry.path().is_dir() {
            diags.push(
                Diagnostic::error(
                    &rel,
                    Pos::FILE,
                    "links to a folder, which nfk does not follow",
                )
                .with_help("move or copy the folder into content/ instead of linking to it"),
            );
            continue;
        }
        if !kind.is_file() && !kind.is_symlink() {
            continue;
        }
        if entry.path().extension().is_some_and(|e| e == "md") {
            let load_page = || {
                let mut local = Diagnostics::new();
                let page = read_text(root, entry.path(), &rel, &mut local)
                    .map(|text| split_page(rel.clone(), &text, &mut local));
                (page, local)
            };
            let (page, local) = match cache {
                Some(cache) => cache.page(entry.path(), load_page),
                None => load_page(),
            };
            diags.extend(local);
            pages.extend(page);
        } else if let Some(bytes) = read_bytes(root, entry.path(), &rel, diags) {
            assets.push(StaticFile {
                url_path: display_path(&dir, entry.path()),
                bytes,
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
        diags.push(
            Diagnostic::error(&rel, Pos::new(1, 1), "page has no front matter").with_help(
                "start the file with a `---` line, then `title: …`, then another `---` line",
            ),
        );
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
        diags.push(
            Diagnostic::error(&rel, Pos::new(1, 1), "front matter is not closed")
                .with_help("add a line with only `---` after the front matter"),
        );
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
}
