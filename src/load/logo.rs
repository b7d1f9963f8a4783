//! Partner logos: `logo:` in `profile.yaml` resolved to a file in the partner's folder, read
//! (after its size is checked from the metadata) and judged: an image type the site can show,
//! and an SVG without scripts or references to anything outside the file.
//!
//! Must not: read a file over [`MAX_LOGO_BYTES`], or take a file from outside the partner's
//! folder.

use std::path::{Component, Path};

use super::files::{self, Problem};
use super::{Contents, S, StaticFile, yaml};
use crate::diagnostics::{Diagnostic, Diagnostics};

/// Logos are read into memory to be checked (SVG inert, image type sniffed); larger ones are
/// refused from their metadata, before any byte is read.
pub const MAX_LOGO_BYTES: u64 = 2 * 1024 * 1024;

const LOGO_EXTENSIONS: [&str; 5] = ["svg", "png", "jpg", "jpeg", "webp"];

/// Resolves `logo:` to a file inside the partner's folder and reads it.
pub(super) fn load_logo(
    folder: &Path,
    slug: &str,
    logo: &S<String>,
    profile_rel: &str,
    diags: &mut Diagnostics,
) -> Option<StaticFile> {
    let at = yaml::span_pos(logo);
    let name = logo.value.trim();
    let mut error = |message: String, help: &str| {
        diags.push(Diagnostic::error(profile_rel, at, message).with_help(help.to_string()));
        None
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
            format!("logo `{name}` must be a file name inside the partner's folder"),
            "put the logo file next to profile.yaml and write only its name, e.g. `logo: logo.svg`",
        );
    }
    let extension = relative
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if !LOGO_EXTENSIONS.contains(&extension.as_str()) {
        return error(
            format!("logo `{name}` is not an image type the site can show"),
            "use an .svg, .png, .jpg or .webp file",
        );
    }
    let bytes = match files::inside(folder, &folder.join(relative))
        .and_then(|file| files::read_limited(&file, MAX_LOGO_BYTES))
    {
        Ok(bytes) => bytes,
        Err(Problem::Outside) => {
            return error(
                format!("logo `{name}` points outside partners/{slug}/"),
                "copy the logo file into the partner's folder instead of linking to it",
            );
        }
        Err(Problem::TooLarge { size, limit }) => {
            return error(
                format!("logo `{name}` is {size} bytes; the limit is {limit}"),
                "export a smaller image (a logo rarely needs more than 200 KB)",
            );
        }
        Err(Problem::NotAFile) => {
            return error(
                format!("logo `{name}` is not a file"),
                "name an image file in the partner's folder",
            );
        }
        Err(Problem::Io(e)) if e.kind() == std::io::ErrorKind::NotFound => {
            return error(
                format!("logo file `{name}` not found in partners/{slug}/"),
                "check the file name (it is case-sensitive), or remove the `logo:` line",
            );
        }
        Err(Problem::Io(e)) => {
            return error(
                format!("cannot read logo `{name}`: {e}"),
                "check the file's permissions",
            );
        }
    };
    if let Some(Err(problem)) = (extension == "svg").then(|| svg_is_inert(&bytes)) {
        return error(
            format!("logo `{name}` {problem}"),
            "a logo must be a self-contained picture: export it again as plain SVG, or as PNG",
        );
    }
    if !looks_like(&extension, &bytes) {
        return error(
            format!("logo `{name}` is not a valid .{extension} file"),
            "export the logo again from the original, or check that the file name's ending matches its type",
        );
    }
    Some(StaticFile {
        url_path: format!("partnere/{slug}/{name}"),
        contents: Contents::Bytes(bytes),
    })
}

/// An SVG logo is published as a file on the site's own origin, where a script in it would run
/// when opened directly. Refuse scripts, event handlers, embedded HTML and references to
/// anything outside the file; they have no place in a logo.
fn svg_is_inert(bytes: &[u8]) -> Result<(), String> {
    let text = std::str::from_utf8(bytes).map_err(|_| "is not UTF-8 text".to_string())?;
    let doc =
        roxmltree::Document::parse(text).map_err(|e| format!("is not well-formed SVG ({e})"))?;
    for node in doc.descendants().filter(roxmltree::Node::is_element) {
        let tag = node.tag_name().name().to_ascii_lowercase();
        if matches!(
            tag.as_str(),
            "script" | "foreignobject" | "iframe" | "embed" | "object"
        ) {
            return Err(format!("contains a <{}> element", node.tag_name().name()));
        }
        for attr in node.attributes() {
            let name = attr.name().to_ascii_lowercase();
            let value = attr.value().trim();
            if name.starts_with("on") {
                return Err(format!("has an event handler ({})", attr.name()));
            }
            if name == "href" && !value.starts_with('#') {
                return Err(format!("refers to something outside the file ({value})"));
            }
            if value.contains("url(") && !value.contains("url(#") {
                return Err(format!("refers to something outside the file ({value})"));
            }
        }
        if tag == "style"
            && node
                .text()
                .is_some_and(|css| css.contains("@import") || css.contains("url("))
        {
            return Err("loads styles or images from elsewhere".to_string());
        }
    }
    Ok(())
}

/// A cheap sniff of the file's first bytes, so a renamed document is not published as a logo.
fn looks_like(extension: &str, bytes: &[u8]) -> bool {
    match extension {
        "png" => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        "jpg" | "jpeg" => bytes.starts_with(&[0xFF, 0xD8, 0xFF]),
        "webp" => bytes.len() > 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP",
        "svg" => std::str::from_utf8(bytes).is_ok_and(|text| text.contains("<svg")),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_logos_must_be_inert() {
        let ok = br##"<svg xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="g"/></defs><rect fill="url(#g)" width="1" height="1"/><use href="#g"/></svg>"##;
        assert_eq!(svg_is_inert(ok), Ok(()));
        for bad in [
            &b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"[..],
            b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",
            b"<svg xmlns='http://www.w3.org/2000/svg' xmlns:x='http://www.w3.org/1999/xlink'><image x:href='https://t.example/a.png'/></svg>",
            b"<svg xmlns='http://www.w3.org/2000/svg'><foreignObject><div/></foreignObject></svg>",
            b"<svg xmlns='http://www.w3.org/2000/svg'><style>@import url(https://x/a.css);</style></svg>",
            b"<!DOCTYPE svg [<!ENTITY x 'y'>]><svg xmlns='http://www.w3.org/2000/svg'>&x;</svg>",
        ] {
            assert!(svg_is_inert(bad).is_err(), "{}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn sniffs_image_types() {
        assert!(looks_like("png", b"\x89PNG\r\n\x1a\nrest"));
        assert!(!looks_like("png", b"%PDF-1.4"));
        assert!(looks_like("svg", b"<?xml version='1.0'?><svg/>"));
    }
}
