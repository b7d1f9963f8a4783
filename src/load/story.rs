//! A partner story's own images: `![Beskrivelse](bilde.jpg)` names a file in
//! `partners/<slug>/`, which is read and checked as the logo is and published in
//! `partnere/<slug>/bilder/` (the story's HTML points there).
//!
//! Only images that name a file of the folder are read here; `validate` refuses every other
//! image (another site's, `//host/…`, `/…`, `data:`), since no story may make a visitor's
//! browser contact another host (SPEC §10). This module never judges the story's text.

use std::collections::BTreeSet;
use std::path::{Component, Path};

use percent_encoding::percent_decode_str;

use super::{Picture, StaticFile, load_picture};
use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
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

/// Reads every image of the story that names a file of the folder (each file once); a missing
/// or unusable file is an error at the image's line and column in `story.md`.
pub fn load_images(
    folder: &Path,
    slug: &str,
    story: &str,
    rel: &str,
    diags: &mut Diagnostics,
) -> Vec<StaticFile> {
    let mut seen = BTreeSet::new();
    let mut files = Vec::new();
    for link in markdown::outline(story).links {
        let Some(name) = link.image.then(|| image_file(&link.url)).flatten() else {
            continue;
        };
        if !seen.insert(name.clone()) {
            continue;
        }
        match load_picture(folder, slug, &name, Picture::StoryImage) {
            Ok(file) => files.push(file),
            Err((message, help)) => diags.push(
                Diagnostic::error(rel, Pos::new(link.line, link.column), message).with_help(help),
            ),
        }
    }
    files
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
    fn reads_local_images_and_reports_missing_ones_at_their_place() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("tak.png"), b"\x89PNG\r\n\x1a\nrest").unwrap();
        let story = "# Tak\n\n![Taket](tak.png) og ![igjen](tak.png)\n\n![Borte](borte.png)\n";
        let mut diags = Diagnostics::new();
        let files = load_images(
            dir.path(),
            "alfa",
            story,
            "partners/alfa/story.md",
            &mut diags,
        );
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].url_path, "partnere/alfa/bilder/tak.png");
        let d = diags.sorted();
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].line, d[0].column), (5, 1));
        assert_eq!(
            d[0].message,
            "image file `borte.png` not found in partners/alfa/"
        );
    }
}
