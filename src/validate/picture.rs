//! Rules for a partner's pictures (SPEC §3, §10): the logo (`logo:` in `profile.yaml`) and the
//! images a story shows (`![…](bilde.jpg)` in `story.md`). Each is a plain file name in the
//! partner's folder, an image type the site can show, within the size limit, really that type,
//! and for SVG, inert (no scripts, nothing loaded from elsewhere).
//!
//! Load has read the file when the name allowed it ([`PictureFile`]); this file judges it and
//! words every problem at the `logo:` line or at the image in the story. No IO here.

use std::path::Path;

use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::load::yaml::span_pos;
use crate::load::{PictureFile, RawPartner};
use crate::messages::{Arg, Args, Quote, ids};
use crate::model::{Logo, StoryImage};

const EXTENSIONS: [&str; 5] = ["svg", "png", "jpg", "jpeg", "webp"];

/// A picture of a partner's, published from its folder: the logo, or an image in the story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Picture {
    Logo,
    StoryImage,
}

impl Picture {
    /// "logo" or "image", as the messages name the picture.
    fn noun(self) -> Arg {
        Arg::word(match self {
            Picture::Logo => ids::PICTURE_LOGO,
            Picture::StoryImage => ids::PICTURE_IMAGE,
        })
    }

    fn name_help(self) -> &'static str {
        match self {
            Picture::Logo => ids::PICTURE_LOGO_NAME_HELP,
            Picture::StoryImage => ids::PICTURE_IMAGE_NAME_HELP,
        }
    }

    fn size_help(self) -> &'static str {
        match self {
            Picture::Logo => ids::PICTURE_LOGO_SIZE_HELP,
            Picture::StoryImage => ids::PICTURE_IMAGE_SIZE_HELP,
        }
    }

    fn missing_help(self) -> &'static str {
        match self {
            Picture::Logo => ids::PICTURE_LOGO_MISSING_HELP,
            Picture::StoryImage => ids::PICTURE_IMAGE_MISSING_HELP,
        }
    }

    fn inert_help(self) -> &'static str {
        match self {
            Picture::Logo => ids::PICTURE_LOGO_INERT_HELP,
            Picture::StoryImage => ids::PICTURE_IMAGE_INERT_HELP,
        }
    }
}

/// The partner's logo, or `None` (with a diagnostic) when it breaks a rule.
pub fn validate_logo(partner: &RawPartner, diags: &mut Diagnostics) -> Option<Logo> {
    let logo = partner.profile.as_ref()?.logo.as_ref()?;
    let file = partner.logo.as_ref()?;
    let name = logo.value.trim();
    let at = span_pos(logo);
    let place = Place {
        slug: &partner.slug,
        rel: format!("partners/{}/profile.yaml", partner.slug),
        at,
    };
    let bytes = judge(Picture::Logo, name, file, &place, diags)?;
    Some(Logo {
        file_name: name.to_string(),
        bytes: bytes.clone(),
        at,
    })
}

/// The story's images that can be published; each one that cannot is an error at the image.
pub fn validate_story_images(partner: &RawPartner, diags: &mut Diagnostics) -> Vec<StoryImage> {
    let rel = format!("partners/{}/story.md", partner.slug);
    (partner.images.iter())
        .filter_map(|image| {
            let place = Place {
                slug: &partner.slug,
                rel: rel.clone(),
                at: image.at,
            };
            let bytes = judge(Picture::StoryImage, &image.name, &image.file, &place, diags)?;
            Some(StoryImage {
                file_name: image.name.clone(),
                bytes: bytes.clone(),
                at: image.at,
            })
        })
        .collect()
}

/// Where a picture is named: the partner, the file and the position there.
struct Place<'a> {
    slug: &'a str,
    rel: String,
    at: Pos,
}

/// The bytes of a picture that breaks no rule; otherwise `None`, with a diagnostic at `place`.
fn judge<'f>(
    picture: Picture,
    name: &str,
    file: &'f PictureFile,
    place: &Place,
    diags: &mut Diagnostics,
) -> Option<&'f Vec<u8>> {
    // Every message names the picture, its file and the partner's folder; some add a value.
    let mut error = |id: &'static str, extra: Args, help: Option<&'static str>| {
        let mut args = vec![
            ("noun", picture.noun()),
            ("name", name.into()),
            ("slug", place.slug.into()),
        ];
        args.extend(extra);
        let d = Diagnostic::error_msg(&place.rel, place.at, id, args);
        diags.push(match help {
            Some(help) => d.with_help_msg(help),
            None => d,
        });
        None
    };
    if !crate::load::is_plain_file_name(name) {
        return error(
            ids::PICTURE_NOT_A_FILE_NAME,
            vec![],
            Some(picture.name_help()),
        );
    }
    let extension = Path::new(name)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    if !EXTENSIONS.contains(&extension.as_str()) {
        return error(ids::PICTURE_WRONG_TYPE, vec![], None);
    }
    let bytes = match file {
        PictureFile::Read(bytes) => bytes,
        PictureFile::NotRead | PictureFile::NotFound => {
            return error(ids::PICTURE_NOT_FOUND, vec![], Some(picture.missing_help()));
        }
        PictureFile::Outside => {
            return error(ids::PICTURE_OUTSIDE, vec![], None);
        }
        PictureFile::Unreadable(e) => {
            return error(
                ids::PICTURE_UNREADABLE,
                vec![("error", e.to_string().into())],
                None,
            );
        }
        PictureFile::TooLarge { size, limit } => {
            let args = vec![("size", (*size).into()), ("limit", (*limit).into())];
            return error(ids::PICTURE_TOO_LARGE, args, Some(picture.size_help()));
        }
        PictureFile::NotAFile => {
            return error(ids::PICTURE_NOT_A_FILE, vec![], None);
        }
    };
    if let Some(Err(problem)) = (extension == "svg").then(|| svg_is_inert(bytes)) {
        let args = vec![("problem", Arg::Message(Box::new(problem)))];
        return error(ids::PICTURE_NOT_INERT, args, Some(picture.inert_help()));
    }
    if !looks_like(&extension, bytes) {
        let args = vec![("extension", extension.as_str().into())];
        return error(ids::PICTURE_NOT_VALID, args, None);
    }
    Some(bytes)
}

/// An SVG picture is published as a file on the site's own origin, where a script in it would
/// run when opened directly. Refuse scripts, event handlers, embedded HTML and references to
/// anything outside the file; they have no place in a logo or a story's image.
/// The problem is a phrase of the catalogue ("contains a <script> element").
fn svg_is_inert(bytes: &[u8]) -> Result<(), Quote> {
    let problem = |id, args: Args| Quote {
        id,
        help: false,
        args,
    };
    let text = std::str::from_utf8(bytes).map_err(|_| problem(ids::SVG_NOT_UTF8, vec![]))?;
    let doc = roxmltree::Document::parse(text).map_err(|e| {
        problem(
            ids::SVG_NOT_WELL_FORMED,
            vec![("error", e.to_string().into())],
        )
    })?;
    for node in doc.descendants().filter(roxmltree::Node::is_element) {
        let tag = node.tag_name().name().to_ascii_lowercase();
        if matches!(
            tag.as_str(),
            "script" | "foreignobject" | "iframe" | "embed" | "object"
        ) {
            let element = node.tag_name().name();
            return Err(problem(ids::SVG_ELEMENT, vec![("element", element.into())]));
        }
        for attr in node.attributes() {
            let name = attr.name().to_ascii_lowercase();
            let value = attr.value().trim();
            if name.starts_with("on") {
                let args = vec![("attribute", attr.name().into())];
                return Err(problem(ids::SVG_EVENT_HANDLER, args));
            }
            if (name == "href" && !value.starts_with('#')) || refers_outside(value) {
                let args = vec![("value", value.into())];
                return Err(problem(ids::SVG_OUTSIDE_REFERENCE, args));
            }
        }
        if tag == "style"
            && node.text().is_some_and(|css| {
                let css = css.to_ascii_lowercase();
                css.contains("@import") || css.contains("url(")
            })
        {
            return Err(problem(ids::SVG_LOADS_STYLES, vec![]));
        }
    }
    Ok(())
}

/// Whether an attribute's value refers to anything but an element of the file: a CSS `url(`
/// (in any case, as CSS reads it) not followed by `#`, wherever it is in the value.
fn refers_outside(value: &str) -> bool {
    let value = value.to_ascii_lowercase();
    (value.match_indices("url(")).any(|(i, _)| !value[i + 4..].starts_with('#'))
}

/// A cheap sniff of the file's first bytes, so a renamed document is not published as a picture.
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

    fn partner(logo: &str, file: PictureFile) -> RawPartner {
        let text =
            format!("name: A\norg_number: \"123456785\"\nsector: F\nemployees: 1\nlogo: {logo}\n");
        let mut diags = Diagnostics::new();
        let profile: Option<RawProfile> = yaml::parse("p.yaml", &text, 0, &mut diags);
        assert!(profile.is_some(), "{:?}", diags.sorted());
        RawPartner {
            slug: "alfa".into(),
            profile,
            emissions: None,
            profile_text: Some(text),
            emissions_text: None,
            story: None,
            stories: Vec::new(),
            logo: Some(file),
            images: Vec::new(),
        }
    }

    fn problem(logo: &str, file: PictureFile) -> Option<(u32, String)> {
        let mut diags = Diagnostics::new();
        let valid = validate_logo(&partner(logo, file), &mut diags);
        let list = diags.sorted();
        assert_eq!(valid.is_none(), !list.is_empty());
        list.first().map(|d| (d.line, d.message.clone()))
    }

    #[test]
    fn accepts_a_png_and_remembers_the_logo_line() {
        let mut diags = Diagnostics::new();
        let png = PictureFile::Read(b"\x89PNG\r\n\x1a\nrest".to_vec());
        let logo = validate_logo(&partner("logo.png", png), &mut diags).unwrap();
        assert_eq!((logo.file_name.as_str(), logo.at.line), ("logo.png", 5));
    }

    #[test]
    fn rejects_a_path_before_anything_else() {
        let (line, message) = problem("../x.png", PictureFile::NotRead).unwrap();
        assert_eq!(line, 5);
        assert!(message.contains("must be a file name"), "{message}");
    }

    #[test]
    fn rejects_a_document_renamed_to_an_image() {
        let pdf = PictureFile::Read(b"%PDF-1.4".to_vec());
        let (_, message) = problem("logo.png", pdf).unwrap();
        assert_eq!(message, "logo `logo.png` is not a valid .png file");
    }

    #[test]
    fn words_what_load_found() {
        let too_large = PictureFile::TooLarge {
            size: 3_000_000,
            limit: 2_097_152,
        };
        let (_, message) = problem("logo.svg", too_large).unwrap();
        assert_eq!(
            message,
            "logo `logo.svg` is 3,000,000 bytes; the limit is 2,097,152"
        );
        let (_, message) = problem("logo.svg", PictureFile::Outside).unwrap();
        assert!(
            message.contains("points outside partners/alfa/"),
            "{message}"
        );
    }

    #[test]
    fn story_images_are_judged_at_their_place_in_the_story() {
        use crate::load::story::RawStoryImage;
        let image = |name: &str, line, file| RawStoryImage {
            name: name.into(),
            at: Pos::new(line, 1),
            file,
        };
        let mut raw = partner("logo.png", PictureFile::NotFound);
        raw.images = vec![
            image(
                "tak.png",
                3,
                PictureFile::Read(b"\x89PNG\r\n\x1a\nx".to_vec()),
            ),
            image("borte.png", 5, PictureFile::NotFound),
            image(
                "plakat.svg",
                7,
                PictureFile::Read(b"<svg onload='x()'/>".to_vec()),
            ),
        ];
        let mut diags = Diagnostics::new();
        let images = validate_story_images(&raw, &mut diags);
        assert_eq!(images.len(), 1);
        assert_eq!(
            (images[0].file_name.as_str(), images[0].at.line),
            ("tak.png", 3)
        );
        let found: Vec<_> = (diags.sorted().into_iter())
            .map(|d| (d.path, d.line, d.message))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "partners/alfa/story.md".to_string(),
                    5,
                    "image file `borte.png` not found in partners/alfa/".to_string()
                ),
                (
                    "partners/alfa/story.md".to_string(),
                    7,
                    "image `plakat.svg` has an event handler (onload)".to_string()
                ),
            ]
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

    /// What `judge` says of `name` read as `file`, for the logo or a story's image: the
    /// message's id, its help's id and its words.
    fn judged(
        picture: Picture,
        name: &str,
        file: PictureFile,
    ) -> Option<(&'static str, Option<&'static str>, String)> {
        let place = Place {
            slug: "alfa",
            rel: "partners/alfa/profile.yaml".into(),
            at: Pos::new(5, 7),
        };
        let mut diags = Diagnostics::new();
        let bytes = judge(picture, name, &file, &place, &mut diags).cloned();
        let list = diags.sorted();
        assert_eq!(bytes.is_none(), list.len() == 1, "{list:?}");
        let d = list.first()?;
        assert_eq!((d.line, d.column, d.is_error()), (5, 7, true));
        let c = d.catalogued.as_ref().expect("a catalogued message");
        Some((c.id, c.help, d.message.clone()))
    }

    #[test]
    fn each_problem_of_a_picture_has_its_message_and_the_help_for_a_logo_or_an_image() {
        let png = || PictureFile::Read(b"\x89PNG\r\n\x1a\nrest".to_vec());
        let script = b"<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>";
        let cases: [(&str, PictureFile, &str, Option<[&str; 2]>); 10] = [
            (
                "../x.png",
                png(),
                ids::PICTURE_NOT_A_FILE_NAME,
                Some([ids::PICTURE_LOGO_NAME_HELP, ids::PICTURE_IMAGE_NAME_HELP]),
            ),
            (
                "x.gif",
                PictureFile::Read(b"GIF89a".to_vec()),
                ids::PICTURE_WRONG_TYPE,
                None,
            ),
            (
                "x.png",
                PictureFile::NotFound,
                ids::PICTURE_NOT_FOUND,
                Some([
                    ids::PICTURE_LOGO_MISSING_HELP,
                    ids::PICTURE_IMAGE_MISSING_HELP,
                ]),
            ),
            (
                "x.png",
                PictureFile::NotRead,
                ids::PICTURE_NOT_FOUND,
                Some([
                    ids::PICTURE_LOGO_MISSING_HELP,
                    ids::PICTURE_IMAGE_MISSING_HELP,
                ]),
            ),
            ("x.png", PictureFile::Outside, ids::PICTURE_OUTSIDE, None),
            (
                "x.png",
                PictureFile::Unreadable("permission denied".into()),
                ids::PICTURE_UNREADABLE,
                None,
            ),
            (
                "x.png",
                PictureFile::TooLarge { size: 9, limit: 8 },
                ids::PICTURE_TOO_LARGE,
                Some([ids::PICTURE_LOGO_SIZE_HELP, ids::PICTURE_IMAGE_SIZE_HELP]),
            ),
            (
                "x.png",
                PictureFile::NotAFile,
                ids::PICTURE_NOT_A_FILE,
                None,
            ),
            (
                "x.svg",
                PictureFile::Read(script.to_vec()),
                ids::PICTURE_NOT_INERT,
                Some([ids::PICTURE_LOGO_INERT_HELP, ids::PICTURE_IMAGE_INERT_HELP]),
            ),
            ("x.jpg", png(), ids::PICTURE_NOT_VALID, None),
        ];
        for (name, file, id, helps) in cases {
            for (i, (picture, noun, other)) in [
                (Picture::Logo, "logo", "image"),
                (Picture::StoryImage, "image", "logo"),
            ]
            .into_iter()
            .enumerate()
            {
                let (found, help, message) = judged(picture, name, file.clone())
                    .unwrap_or_else(|| panic!("{name} {file:?} accepted"));
                assert_eq!(found, id, "{name} {file:?}");
                assert_eq!(help, helps.map(|h| h[i]), "{name} {file:?}");
                let names = |noun: &str| {
                    message.contains(&format!("{noun} `"))
                        || message.contains(&format!("{noun} file `"))
                };
                assert!(names(noun) && !names(other), "{message}");
            }
        }
        assert_eq!(judged(Picture::StoryImage, "x.png", png()), None);
        assert_eq!(judged(Picture::Logo, "X.PNG", png()), None);
    }

    #[test]
    fn a_logo_named_nowhere_or_not_looked_for_is_no_logo_and_no_problem() {
        let mut diags = Diagnostics::new();
        let mut raw = partner("logo.png", PictureFile::NotRead);
        raw.logo = None;
        assert!(validate_logo(&raw, &mut diags).is_none());
        raw.profile = None;
        assert!(validate_logo(&raw, &mut diags).is_none());
        assert!(diags.sorted().is_empty());
    }

    /// The id of what makes `svg` not inert, or `None` when it is.
    fn svg_problem(svg: &str) -> Option<&'static str> {
        svg_is_inert(svg.as_bytes()).err().map(|q| q.id)
    }

    #[test]
    fn names_what_makes_an_svg_not_inert() {
        let svg = |inner: &str| format!("<svg xmlns='http://www.w3.org/2000/svg'>{inner}</svg>");
        for (inner, id) in [
            ("<script>x()</script>", ids::SVG_ELEMENT),
            ("<IFRAME/>", ids::SVG_ELEMENT),
            ("<rect onClick='x()'/>", ids::SVG_EVENT_HANDLER),
            ("<a href='https://t.example/'/>", ids::SVG_OUTSIDE_REFERENCE),
            (
                "<rect fill='url(https://t.example/p)'/>",
                ids::SVG_OUTSIDE_REFERENCE,
            ),
            (
                "<rect fill='URL(https://t.example/p)'/>",
                ids::SVG_OUTSIDE_REFERENCE,
            ),
            (
                "<rect style='fill: url(#g); stroke: url(https://t.example/p)'/>",
                ids::SVG_OUTSIDE_REFERENCE,
            ),
            (
                "<style>@import 'https://t.example/a.css';</style>",
                ids::SVG_LOADS_STYLES,
            ),
            (
                "<style>@IMPORT 'https://t.example/a.css';</style>",
                ids::SVG_LOADS_STYLES,
            ),
            (
                "<style>rect { fill: url(https://t.example/p) }</style>",
                ids::SVG_LOADS_STYLES,
            ),
        ] {
            assert_eq!(svg_problem(&svg(inner)), Some(id), "{inner}");
        }
        assert_eq!(svg_problem("\u{0}<svg"), Some(ids::SVG_NOT_WELL_FORMED));
        assert_eq!(
            svg_is_inert(b"<svg>\xff</svg>").err().map(|q| q.id),
            Some(ids::SVG_NOT_UTF8)
        );
        // Words in the drawing and a style of its own are no reference to anything.
        for inner in [
            "<text>@import url(x)</text>",
            "<style>rect { fill: red }</style>",
            "<rect id='g' fill='red'/><use href=' #g'/>",
        ] {
            assert_eq!(svg_problem(&svg(inner)), None, "{inner}");
        }
    }

    #[test]
    fn sniffs_jpeg_and_webp_by_their_first_bytes() {
        let jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10];
        assert!(looks_like("jpg", &jpeg) && looks_like("jpeg", &jpeg));
        assert!(!looks_like("jpg", b"\x89PNG\r\n\x1a\nrest"));
        assert!(!looks_like("jpeg", &[0xFF, 0xD8]));
        assert!(looks_like("webp", b"RIFF\x24\0\0\0WEBPVP8 "));
        assert!(!looks_like("webp", b"RIFF\x24\0\0\0WEBP"), "a header only");
        assert!(!looks_like("webp", b"RIFF\x24\0\0\0WAVEfmt "));
        assert!(!looks_like("webp", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"));
        assert!(!looks_like("webp", b"RIFX\x24\0\0\0WEBPVP8 "));
        assert!(!looks_like("svg", b"<html></html>"));
        assert!(!looks_like("svg", b"<svg \xff"));
        assert!(!looks_like("gif", b"GIF89a"));
    }
}
