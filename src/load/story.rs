//! A partner story's own images: `![Beskrivelse](bilde.jpg)` names a file in
//! `partners/<slug>/`, which is read as the logo is ([`PictureFile`]); `validate/picture.rs`
//! judges it, and the route plan publishes it in `partnere/<slug>/bilder/` (the story's HTML
//! points there).
//!
//! Only images that name a file of the folder are read here; `validate` refuses every other
//! image (another site's, `//host/…`, `/…`, `data:`), since no story may make a visitor's
//! browser contact another host (SPEC §10). This module never judges the story's text or the
//! files it reads.

use std::collections::BTreeSet;
use std::path::{Component, Path};

use percent_encoding::percent_decode_str;

use super::picture::{PictureFile, read_picture};
use crate::diagnostics::Pos;
use crate::render::markdown;
use crate::render::sanitize::is_relative_path;

/// The file an image address names in the partner's folder (percent-decoded, as a browser and a
/// web server would), or `None` when the address is anything but a plain relative file path.
pub fn image_file(url: &str) -> Option<String> {
    if !is_relative_path(url) || url.contains(['?', '#', '\\']) || url != url.trim() {
        return None;
    }
    let name = percent_decode_str(url).decode_utf8().ok()?.into_owned();
    let path = Path::new(&name);
    let plain =
        !name.contains('\\') && path.components().all(|c| matches!(c, Component::Normal(_)));
    plain.then_some(name)
}

/// An image of the story that names a file of the partner's folder, and what reading it gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawStoryImage {
    /// The file in the partner's folder (percent-decoded): `tak.png`, `bilder/tak.png`.
    pub name: String,
    /// The first image in `story.md` that shows it.
    pub at: Pos,
    pub file: PictureFile,
}

/// Reads every image of the story that names a file of the folder, each file once, remembering
/// where the story first shows it.
pub fn load_images(folder: &Path, story: &str) -> Vec<RawStoryImage> {
    let mut seen = BTreeSet::new();
    let mut images = Vec::new();
    for link in markdown::outline(story).links {
        let Some(name) = link.image.then(|| image_file(&link.url)).flatten() else {
            continue;
        };
        if !seen.insert(name.clone()) {
            continue;
        }
        let file = read_picture(folder, &name);
        images.push(RawStoryImage {
            at: Pos::new(link.line, link.column),
            name,
            file,
        });
    }
    images
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_files_of_the_partner_folder_only() {
        assert_eq!(image_file("bilde.jpg").as_deref(), Some("bilde.jpg"));
        assert_eq!(
            image_file("bilder/tak.png").as_deref(),
            Some("bilder/tak.png")
        );
        assert_eq!(
            image_file("bilde%20sommer.jpg").as_deref(),
            Some("bilde sommer.jpg")
        );
        for other in [
            "https://tracker.example/p.png",
            "//tracker.example/p.png",
            "\\\\tracker.example\\p.png",
            "/\\tracker.example/p.png",
            " //tracker.example/p.png",
            "/bilder/logo.png",
            "../annen/bilde.png",
            "%2e%2e/annen/bilde.png",
            "./bilde.png",
            "data:image/png;base64,AAAA",
            "bilde.png?x=1",
            "",
        ] {
            assert_eq!(image_file(other), None, "{other}");
        }
    }

    #[test]
    fn reads_each_local_image_once_and_remembers_where_it_is_first_shown() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("tak.png"), b"\x89PNG\r\n\x1a\nrest").unwrap();
        let story = "# Tak\n\n![Taket](tak.png) og ![igjen](tak.png)\n\n![Borte](borte.png)\n";
        let images = load_images(dir.path(), story);
        let found: Vec<_> = (images.iter())
            .map(|i| (i.name.as_str(), i.at.line, i.at.column, &i.file))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "tak.png",
                    3,
                    1,
                    &PictureFile::Read(b"\x89PNG\r\n\x1a\nrest".to_vec())
                ),
                ("borte.png", 5, 1, &PictureFile::NotFound),
            ]
        );
    }
}
