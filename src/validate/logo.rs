//! Rules for a partner's logo (`logo:` in `profile.yaml`, SPEC §3, §10): a plain file name next
//! to `profile.yaml`, an image type the site can show, within the size limit, really that type,
//! and for SVG, inert (no scripts, nothing loaded from elsewhere).
//!
//! Load has read the file when the name allowed it ([`LogoFile`]); this file judges it and
//! words every problem at the `logo:` line. No IO here.

use std::path::Path;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::yaml::span_pos;
use crate::load::{LogoFile, RawPartner};
use crate::model::Logo;

const EXTENSIONS: [&str; 5] = ["svg", "png", "jpg", "jpeg", "webp"];

/// The partner's logo, or `None` (with a diagnostic) when it breaks a rule.
pub fn validate_logo(partner: &RawPartner, diags: &mut Diagnostics) -> Option<Logo> {
    let logo = partner.profile.as_ref()?.logo.as_ref()?;
    let file = partner.logo.as_ref()?;
    let slug = &partner.slug;
    let at = span_pos(logo);
    let name = logo.value.trim();
    let profile = format!("partners/{slug}/profile.yaml");
    let mut error = |message: String, help: &str| {
        diags.push(Diagnostic::error(&profile, at, message).with_help(help.to_string()));
        None
    };
    if !crate::load::is_plain_file_name(name) {
        return error(
            format!("logo `{name}` must be a file name inside the partner's folder"),
            "put the logo file next to profile.yaml and write only its name, e.g. `logo: logo.svg`",
        );
    }
    let extension = Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if !EXTENSIONS.contains(&extension.as_str()) {
        return error(
            format!("logo `{name}` is not an image type the site can show"),
            "use an .svg, .png, .jpg or .webp file",
        );
    }
    let bytes = match file {
        LogoFile::Read(bytes) => bytes,
        LogoFile::NotRead | LogoFile::NotFound => {
            return error(
                format!("logo file `{name}` not found in partners/{slug}/"),
                "check the file name (it is case-sensitive), or remove the `logo:` line",
            );
        }
        LogoFile::Outside => {
            return error(
                format!("logo `{name}` points outside partners/{slug}/"),
                "copy the logo file into the partner's folder instead of linking to it",
            );
        }
        LogoFile::Unreadable(e) => {
            return error(
                format!("cannot read logo `{name}`: {e}"),
                "check the file's permissions",
            );
        }
        LogoFile::TooLarge { size, limit } => {
            return error(
                format!("logo `{name}` is {size} bytes; the limit is {limit}"),
                "export a smaller image (a logo rarely needs more than 200 KB)",
            );
        }
        LogoFile::NotAFile => {
            return error(
                format!("logo `{name}` is not a file"),
                "name an image file in the partner's folder",
            );
        }
    };
    if let Some(Err(problem)) = (extension == "svg").then(|| svg_is_inert(bytes)) {
        return error(
            format!("logo `{name}` {problem}"),
            "a logo must be a self-contained picture: export it again as plain SVG, or as PNG",
        );
    }
    if !looks_like(&extension, bytes) {
        return error(
            format!("logo `{name}` is not a valid .{extension} file"),
            "export the logo again from the original, or check that the file name's ending matches its type",
        );
    }
    Some(Logo {
        file_name: name.to_string(),
        bytes: bytes.clone(),
        at,
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
    use crate::load::raw::RawProfile;
    use crate::load::yaml;

    fn partner(logo: &str, file: LogoFile) -> RawPartner {
        let text =
            format!("name: A\norg_number: \"123456785\"\nsector: F\nemployees: 1\nlogo: {logo}\n");
        let mut diags = Diagnostics::new();
        let profile: Option<RawProfile> = yaml::parse("p.yaml", &text, 0, &mut diags);
        assert!(profile.is_some(), "{:?}", diags.sorted());
        RawPartner {
            slug: "alfa".into(),
            profile,
            emissions: None,
            story: None,
            logo: Some(file),
        }
    }

    fn problem(logo: &str, file: LogoFile) -> Option<(u32, String)> {
        let mut diags = Diagnostics::new();
        let valid = validate_logo(&partner(logo, file), &mut diags);
        let list = diags.sorted();
        assert_eq!(valid.is_none(), !list.is_empty());
        list.first().map(|d| (d.line, d.message.clone()))
    }

    #[test]
    fn accepts_a_png_and_remembers_the_logo_line() {
        let mut diags = Diagnostics::new();
        let png = LogoFile::Read(b"\x89PNG\r\n\x1a\nrest".to_vec());
        let logo = validate_logo(&partner("logo.png", png), &mut diags).unwrap();
        assert_eq!((logo.file_name.as_str(), logo.at.line), ("logo.png", 5));
    }

    #[test]
    fn rejects_a_path_before_anything_else() {
        let (line, message) = problem("../x.png", LogoFile::NotRead).unwrap();
        assert_eq!(line, 5);
        assert!(message.contains("must be a file name"), "{message}");
    }

    #[test]
    fn rejects_a_document_renamed_to_an_image() {
        let pdf = LogoFile::Read(b"%PDF-1.4".to_vec());
        let (_, message) = problem("logo.png", pdf).unwrap();
        assert_eq!(message, "logo `logo.png` is not a valid .png file");
    }

    #[test]
    fn words_what_load_found() {
        let too_large = LogoFile::TooLarge {
            size: 3_000_000,
            limit: 2_097_152,
        };
        let (_, message) = problem("logo.svg", too_large).unwrap();
        assert_eq!(
            message,
            "logo `logo.svg` is 3000000 bytes; the limit is 2097152"
        );
        let (_, message) = problem("logo.svg", LogoFile::Outside).unwrap();
        assert!(
            message.contains("points outside partners/alfa/"),
            "{message}"
        );
    }

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
