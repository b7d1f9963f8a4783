//! The accessible SVG document around what plotters drew, and the marks (fills) bars use.
//!
//! plotters' SVG backend writes a bare `<svg>` with one element per shape and cannot write
//! `role`, `<title>`, `<desc>`, `aria-labelledby` or `<pattern>`. [`finish`] rewrites its
//! output: a new root with those, pattern definitions for the marks in use, and a few
//! attributes plotters repeats on every element moved to the root (`font-family`) or dropped
//! (`opacity="1"`). Every id is prefixed with the chart's own id, so many charts can be inlined
//! in one page. Text is escaped with quick-xml; plotters escapes what it writes itself.
//!
//! Marks are told apart by more than colour (WCAG 1.4.1): each has its own pattern, and every
//! mark colour has at least 3:1 contrast with white (WCAG 1.4.11). Filled shapes get a white
//! outline, so stacked segments are separated by a gap rather than by colour alone.
//!
//! Pure string work; no IO.

use plotters::style::RGBColor;
use quick_xml::escape::escape;

use super::text::{FAMILY, FAMILY_WITH_FALLBACK};

/// Body text: 16.7:1 on white.
pub const INK: RGBColor = RGBColor(0x1a, 0x1f, 0x1c);
/// Secondary text and axes: 7.9:1 on white.
pub const MUTED: RGBColor = RGBColor(0x4a, 0x54, 0x4e);
/// Grid lines: light on purpose, they carry no data.
pub const GRID: RGBColor = RGBColor(0xdc, 0xe3, 0xde);
pub const WHITE: RGBColor = RGBColor(0xff, 0xff, 0xff);

/// A fill for bars and legend swatches, from the Okabe–Ito palette (safe for the common kinds
/// of colour blindness), each with its own pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    /// Blue #0072B2 (5.2:1 on white), solid.
    Blue,
    /// Vermillion #D55E00 (3.9:1), dark diagonal stripes.
    Vermillion,
    /// Bluish green #009E73 (3.4:1), dark dots.
    Green,
}

impl Mark {
    pub const ALL: [Mark; 3] = [Mark::Blue, Mark::Vermillion, Mark::Green];

    /// The colour plotters draws with; [`finish`] swaps it for the pattern.
    pub fn colour(self) -> RGBColor {
        match self {
            Mark::Blue => RGBColor(0x00, 0x72, 0xb2),
            Mark::Vermillion => RGBColor(0xd5, 0x5e, 0x00),
            Mark::Green => RGBColor(0x00, 0x9e, 0x73),
        }
    }

    fn hex(self) -> String {
        let RGBColor(r, g, b) = self.colour();
        format!("#{r:02X}{g:02X}{b:02X}")
    }

    fn pattern_name(self) -> Option<&'static str> {
        match self {
            Mark::Blue => None,
            Mark::Vermillion => Some("stripes"),
            Mark::Green => Some("dots"),
        }
    }

    /// The `<pattern>` for this mark under `id`, or `None` for a solid fill.
    fn pattern(self, id: &str) -> Option<String> {
        let name = self.pattern_name()?;
        let hex = self.hex();
        Some(match self {
            Mark::Vermillion => format!(
                r##"<pattern id="{id}-{name}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="{hex}"/><rect width="2" height="6" fill="#6B2F00"/></pattern>"##
            ),
            _ => format!(
                r##"<pattern id="{id}-{name}" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="{hex}"/><circle cx="2.5" cy="2.5" r="1.3" fill="#00402E"/></pattern>"##
            ),
        })
    }

    /// What plotters writes for a filled shape of this mark, and what it becomes.
    fn rewrite(self, id: &str) -> (String, String) {
        let hex = self.hex();
        let fill = match self.pattern_name() {
            Some(name) => format!("url(#{id}-{name})"),
            None => hex.clone(),
        };
        (
            format!(r#"fill="{hex}" stroke="none""#),
            format!(r##"fill="{fill}" stroke="#FFFFFF""##),
        )
    }
}

/// A dashed stroke. plotters draws dashes as one element per dash; instead a dashed line is
/// drawn solid in a stand-in colour one step from [`INK`], which [`finish`] turns into `INK`
/// with a `stroke-dasharray`: smaller files, and true dashes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dash {
    Dashed,
}

impl Dash {
    pub const ALL: [Dash; 1] = [Dash::Dashed];

    pub fn colour(self) -> RGBColor {
        match self {
            Dash::Dashed => RGBColor(0x1a, 0x1f, 0x1d),
        }
    }

    fn rewrite(self) -> (String, String) {
        let RGBColor(r, g, b) = self.colour();
        let pattern = match self {
            Dash::Dashed => "7 4",
        };
        (
            format!(r##"stroke="#{r:02X}{g:02X}{b:02X}""##),
            format!(r##"stroke="#1A1F1C" stroke-dasharray="{pattern}""##),
        )
    }
}

/// What a finished chart says about itself to assistive technology.
pub struct Accessible<'a> {
    /// Unique in any page the chart is inlined in: `graf-<name>` or `graf-<slug>-<name>`, plus
    /// the layout.
    pub id: &'a str,
    pub title: &'a str,
    pub desc: &'a str,
}

/// The standalone, accessible SVG document for what plotters wrote into `raw`.
pub fn finish(raw: &str, size: (u32, u32), a: &Accessible) -> String {
    let id = a.id;
    let body = raw.find('>').map_or(raw, |end| &raw[end + 1..]);
    let mut body = body
        .replace(r#" opacity="1""#, "")
        .replace(&format!(r#" font-family="{FAMILY}""#), "");
    for dash in Dash::ALL {
        let (from, to) = dash.rewrite();
        body = body.replace(&from, &to);
    }
    let mut defs = String::new();
    for mark in Mark::ALL {
        let (from, to) = mark.rewrite(id);
        if body.contains(&from) {
            body = body.replace(&from, &to);
            defs.extend(mark.pattern(id));
        }
    }
    let (w, h) = size;
    let mut out = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-labelledby="{id}-title {id}-desc" font-family="{FAMILY_WITH_FALLBACK}">"#
    );
    out.push_str(&format!(
        "\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>\n",
        escape(a.title),
        escape(a.desc)
    ));
    if !defs.is_empty() {
        out.push_str(&format!("<defs>{defs}</defs>\n"));
    }
    out.push_str(body.trim_start());
    // Partner names are drawn as text: no control character may make the file malformed
    // (validate refuses them first, at their place in the file).
    match crate::validate::text::without_controls(&out) {
        std::borrow::Cow::Owned(clean) => clean,
        std::borrow::Cow::Borrowed(_) => out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RAW: &str = "<svg width=\"10\" height=\"10\" viewBox=\"0 0 10 10\" xmlns=\"http://www.w3.org/2000/svg\">\n<rect x=\"0\" y=\"0\" width=\"5\" height=\"5\" opacity=\"1\" fill=\"#D55E00\" stroke=\"none\"/>\n<text x=\"1\" y=\"1\" font-family=\"Inter\" font-size=\"14\" opacity=\"1\" fill=\"#1A1F1C\">\nA &amp; B\n</text>\n</svg>\n";

    fn finished() -> String {
        let a = Accessible {
            id: "graf-x-w",
            title: "Utslipp <per> år",
            desc: "Ned 5 % & mer.",
        };
        finish(RAW, (10, 10), &a)
    }

    #[test]
    fn names_the_chart_with_a_referenced_title_and_desc() {
        let svg = finished();
        let doc = roxmltree::Document::parse(&svg).expect("well-formed");
        let root = doc.root_element();
        assert_eq!(root.attribute("role"), Some("img"));
        assert_eq!(
            root.attribute("aria-labelledby"),
            Some("graf-x-w-title graf-x-w-desc")
        );
        let title = doc.descendants().find(|n| n.has_tag_name("title")).unwrap();
        assert_eq!(title.attribute("id"), Some("graf-x-w-title"));
        assert_eq!(title.text(), Some("Utslipp <per> år"));
        let desc = doc.descendants().find(|n| n.has_tag_name("desc")).unwrap();
        assert_eq!(desc.text(), Some("Ned 5 % & mer."));
    }

    #[test]
    fn a_control_character_never_reaches_the_file() {
        let raw = RAW.replace("A &amp; B", "A\u{1b}[2J\u{1} B");
        let a = Accessible {
            id: "graf-x-w",
            title: "Alfa\u{b} AS",
            desc: "Ned\u{85}.",
        };
        let svg = finish(&raw, (10, 10), &a);
        let doc = roxmltree::Document::parse(&svg).expect("well-formed");
        let title = doc.descendants().find(|n| n.has_tag_name("title")).unwrap();
        assert_eq!(title.text(), Some("Alfa AS"));
        assert!(
            !svg.chars().any(crate::validate::text::is_control),
            "{svg:?}"
        );
    }

    #[test]
    fn swaps_mark_colours_for_prefixed_patterns() {
        let svg = finished();
        let doc = roxmltree::Document::parse(&svg).unwrap();
        let rect = doc
            .descendants()
            .find(|n| n.has_tag_name("rect") && n.attribute("x") == Some("0"))
            .unwrap();
        assert_eq!(rect.attribute("fill"), Some("url(#graf-x-w-stripes)"));
        assert_eq!(rect.attribute("stroke"), Some("#FFFFFF"));
        let pattern = doc.descendants().find(|n| n.has_tag_name("pattern"));
        assert_eq!(
            pattern.and_then(|p| p.attribute("id")),
            Some("graf-x-w-stripes")
        );
        assert!(
            !svg.contains("dots"),
            "only the patterns in use are defined"
        );
    }

    #[test]
    fn turns_stand_in_strokes_into_dashes_of_ink() {
        let raw = "<svg>\n<polyline fill=\"none\" stroke=\"#1A1F1D\" stroke-width=\"2\" points=\"0,0 5,5 \"/>\n</svg>\n";
        let a = Accessible {
            id: "x",
            title: "t",
            desc: "d",
        };
        let svg = finish(raw, (5, 5), &a);
        assert!(
            svg.contains(r##"stroke="#1A1F1C" stroke-dasharray="7 4""##),
            "{svg}"
        );
    }

    #[test]
    fn moves_the_font_to_the_root_and_drops_default_opacity() {
        let svg = finished();
        assert!(!svg.contains("opacity=\"1\""));
        assert_eq!(svg.matches("font-family").count(), 1);
        assert!(svg.contains("font-family=\"Inter, sans-serif\""));
    }
}
