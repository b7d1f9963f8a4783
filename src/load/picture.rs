//! What a partner's pictures (the logo, a story's images) may be: an image type, a file whose
//! first bytes match its name, an SVG with nothing that runs or loads, and how problems with
//! each kind are worded. Pure checks of bytes; the reading is `load_picture` in `mod.rs`.

pub(super) const LOGO_EXTENSIONS: [&str; 5] = ["svg", "png", "jpg", "jpeg", "webp"];

/// A picture of a partner's, published from its folder: the logo, or an image in the story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Picture {
    Logo,
    StoryImage,
}

impl Picture {
    pub(super) fn noun(self) -> &'static str {
        match self {
            Picture::Logo => "logo",
            Picture::StoryImage => "image",
        }
    }

    pub(super) fn name_help(self) -> &'static str {
        match self {
            Picture::Logo => {
                "put the logo file next to profile.yaml and write only its name, e.g. `logo: logo.svg`"
            }
            Picture::StoryImage => {
                "put the picture next to story.md and write only its file name, e.g. `![Beskrivelse](bilde.jpg)`"
            }
        }
    }

    pub(super) fn size_help(self) -> &'static str {
        match self {
            Picture::Logo => "export a smaller image (a logo rarely needs more than 200 KB)",
            Picture::StoryImage => {
                "export a smaller image (a photo on a web page rarely needs more than 500 KB)"
            }
        }
    }

    pub(super) fn missing_help(self) -> &'static str {
        match self {
            Picture::Logo => {
                "check the file name (it is case-sensitive), or remove the `logo:` line"
            }
            Picture::StoryImage => {
                "check the file name (it is case-sensitive), or remove the image"
            }
        }
    }
}

/// An SVG logo is published as a file on the site's own origin, where a script in it would run
/// when opened directly. Refuse scripts, event handlers, embedded HTML and references to
/// anything outside the file; they have no place in a logo.
pub(super) fn svg_is_inert(bytes: &[u8]) -> Result<(), String> {
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
pub(super) fn looks_like(extension: &str, bytes: &[u8]) -> bool {
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
