//! Share images (SPEC §12): the 1200×630 picture a partner page and the results page give
//! `og:image`, drawn as SVG here and rasterised by [`super::images`].
//!
//! A card shows a title (the partner's name, or "Resultater 2025"), one key figure with a caption,
//! and the network's name in its colours. What the key figure is mirrors the summit's partner
//! slide: the main target's change since its base year, else scope 1 of the reporting year.
//!
//! Partner names are hostile input: every text is escaped with quick-xml, and a long name is
//! wrapped and shrunk (and, past three lines at the smallest size, cut with "…") so it always
//! stays inside the card. Must not: read files, or compute a figure the pages do not show.

use quick_xml::escape::escape;

use super::Renderer;
use crate::charts::text::{self, Size};
use crate::format;

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// The theme's colours (`style.css`: `--brand`, `--accent`, `--brand-ink`).
const BRAND: &str = "#14532d";
const ACCENT: &str = "#bbf7d0";
const INK: &str = "#ffffff";

/// Left and right margin; text never runs past `WIDTH - MARGIN`.
const MARGIN: f64 = 80.0;
const TEXT_WIDTH: f64 = WIDTH as f64 - 2.0 * MARGIN;
/// The title starts at this size and shrinks step by step down to `TITLE_MIN` to fit.
const TITLE_MAX: f64 = 68.0;
const TITLE_MIN: f64 = 44.0;
const TITLE_LINES: usize = 3;
/// The title's first line sits below the network's name; its last stays above the figure.
const TITLE_TOP: f64 = 150.0;
const TITLE_BOTTOM: f64 = 400.0;
const FIGURE_SIZE: f64 = 112.0;
const FIGURE_BASELINE: f64 = 500.0;
const CAPTION_SIZE: f64 = 30.0;
const NETWORK_SIZE: f64 = 32.0;

/// What a share image shows, already worded and formatted.
#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub title: String,
    /// The key figure (`−20,8 %`), when there is one.
    pub figure: Option<String>,
    /// What the figure is, or why there is none.
    pub caption: String,
    /// The network's name (`site.yaml` `title`).
    pub network: String,
}

/// The card of a partner (`Some(slug)`) or of the results page; `None` for an unknown slug.
pub(crate) fn card(r: &Renderer, slug: Option<&str>) -> Option<Card> {
    let lang = r.language;
    let year = r.site.config.results.reporting_year;
    let network = r.site.config.title.clone();
    let Some(slug) = slug else {
        let lfl = &r.data.results.like_for_like;
        let change = lfl.change_percent.map(format::to_f64);
        let (figure, caption) = match change {
            Some(change) => (
                Some(format::signed_percent(change, 1, lang)),
                format!(
                    "{} {}–{year}",
                    r.t("like_for_like_label"),
                    r.site.config.results.compare_year
                ),
            ),
            None => (
                Some(format::number(r.data.results.partners as f64, 0, lang)),
                r.t("partners_label"),
            ),
        };
        return Some(Card {
            title: format!("{} {year}", r.t("results_title")),
            figure,
            caption,
            network,
        });
    };
    let (partner, data) = r.partners.get(slug)?;
    let target = (data.main_target).and_then(|i| data.targets.get(i));
    let current = (data.series.iter()).find(|y| y.year == year && y.complete);
    let (figure, caption) = if let Some(t) = target.filter(|t| t.change_percent.is_some()) {
        let change = t.change_percent.unwrap_or_default();
        (
            Some(format::signed_percent(change, 1, lang)),
            format!("{} {}", r.t("change_since"), t.base_year),
        )
    } else if let Some(scope1) = current.and_then(|c| c.scope1) {
        (
            Some(format::tonnes_number(scope1, lang)),
            format!("{}, {} {year}", r.t("unit_tonnes"), r.t("scope1")),
        )
    } else {
        (None, format!("{} {year}", r.t("summit_not_reported")))
    };
    Some(Card {
        title: partner.name.clone(),
        figure,
        caption,
        network,
    })
}

/// The title's lines and their size: the largest size at which it fits in [`TITLE_LINES`]
/// lines above [`TITLE_BOTTOM`], else the smallest size with the last line cut.
fn title_lines(title: &str) -> (Vec<String>, f64) {
    let mut size = TITLE_MAX;
    loop {
        let mut lines = wrap(title, size);
        let bottom = TITLE_TOP + size + (lines.len() as f64 - 1.0) * line_height(size);
        if lines.len() <= TITLE_LINES && bottom <= TITLE_BOTTOM {
            return (lines, size);
        }
        if size <= TITLE_MIN {
            lines.truncate(TITLE_LINES);
            if let Some(last) = lines.last_mut() {
                *last = with_ellipsis(last, size);
            }
            return (lines, size);
        }
        size = (size - 4.0).max(TITLE_MIN);
    }
}

fn line_height(px: f64) -> f64 {
    (px * 1.15).round()
}

/// `text` broken at spaces into lines no wider than the card's text at `px`; a word wider than
/// that on its own is broken between letters, so nothing runs past the margin.
fn wrap(text: &str, px: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if width(&candidate, px) <= TEXT_WIDTH {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        for c in word.chars() {
            if !line.is_empty() && width(&format!("{line}{c}"), px) > TEXT_WIDTH {
                lines.push(std::mem::take(&mut line));
            }
            line.push(c);
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// How wide `text` is drawn at `px`: measured with the embedded font (at the charts' size, then
/// scaled). Unlike chart labels, a picture needs no room for a reader's own text spacing.
fn width(text: &str, px: f64) -> f64 {
    let at = Size::Normal;
    match text::font(at).box_size(text) {
        Ok((w, _)) => f64::from(w) * px / at.px(),
        Err(_) => text.chars().count() as f64 * px * 0.62,
    }
}

/// `line` shortened until it fits the card's width with "…" after it.
fn with_ellipsis(line: &str, px: f64) -> String {
    let mut chars: Vec<char> = line.chars().collect();
    let shown = |chars: &[char]| format!("{}…", String::from_iter(chars).trim_end());
    while !chars.is_empty() && width(&shown(&chars), px) > TEXT_WIDTH {
        chars.pop();
    }
    shown(&chars)
}

/// `text` on one line: as it is when it fits, else cut with "…".
fn one_line(text: &str, px: f64) -> String {
    if width(text, px) <= TEXT_WIDTH {
        text.to_string()
    } else {
        with_ellipsis(text, px)
    }
}

/// The card as an SVG document of [`WIDTH`]×[`HEIGHT`], text in the embedded Inter.
pub fn svg(card: &Card) -> String {
    let mut out = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" font-family="{}">"#,
        text::FAMILY_WITH_FALLBACK
    );
    out.push_str(&format!(
        r#"<rect width="{WIDTH}" height="{HEIGHT}" fill="{BRAND}"/><rect y="{}" width="{WIDTH}" height="18" fill="{ACCENT}"/>"#,
        HEIGHT - 18
    ));
    let network = one_line(&card.network, NETWORK_SIZE);
    push_text(&mut out, MARGIN, 96.0, NETWORK_SIZE, ACCENT, &network);
    let (lines, size) = title_lines(&card.title);
    let mut y = TITLE_TOP + size;
    for line in &lines {
        push_text(&mut out, MARGIN, y, size, INK, line);
        y += line_height(size);
    }
    let caption_y = match &card.figure {
        Some(figure) => {
            let figure = one_line(figure, FIGURE_SIZE);
            push_text(
                &mut out,
                MARGIN,
                FIGURE_BASELINE,
                FIGURE_SIZE,
                ACCENT,
                &figure,
            );
            FIGURE_BASELINE + CAPTION_SIZE * 1.7
        }
        None => FIGURE_BASELINE,
    };
    // The caption is ours (strings and a year), but a site's strings may be long.
    let caption = one_line(&card.caption, CAPTION_SIZE);
    push_text(&mut out, MARGIN, caption_y, CAPTION_SIZE, INK, &caption);
    out.push_str("</svg>");
    out
}

fn push_text(out: &mut String, x: f64, y: f64, size: f64, fill: &str, text: &str) {
    out.push_str(&format!(
        r#"<text x="{x}" y="{y}" font-size="{size}" fill="{fill}">{}</text>"#,
        escape(text)
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn card(title: &str) -> Card {
        Card {
            title: title.into(),
            figure: Some("−20,8\u{a0}%".into()),
            caption: "Endring siden 2019".into(),
            network: "Næring for klima".into(),
        }
    }

    /// Every `<text>`: its x, y, font size and content.
    fn texts(svg: &str) -> Vec<(f64, f64, f64, String)> {
        let doc = roxmltree::Document::parse(svg).expect("the card is well-formed XML");
        let root = doc.root_element();
        assert_eq!(root.attribute("width"), Some("1200"));
        assert_eq!(root.attribute("height"), Some("630"));
        let num = |n: roxmltree::Node, a: &str| n.attribute(a).unwrap().parse::<f64>().unwrap();
        (root.descendants())
            .filter(|n| n.has_tag_name("text"))
            .map(|n| {
                let content = n.text().unwrap_or_default().to_string();
                (num(n, "x"), num(n, "y"), num(n, "font-size"), content)
            })
            .collect()
    }

    #[test]
    fn escapes_a_hostile_partner_name_as_text() {
        let hostile = r#"</text><script>alert("x")</script><text a='&amp;'>"#;
        let svg = svg(&card(hostile));
        let doc = roxmltree::Document::parse(&svg).unwrap();
        assert!(doc.descendants().all(|n| !n.has_tag_name("script")));
        let title: String = (texts(&svg).into_iter())
            .filter(|t| (TITLE_MIN..=TITLE_MAX).contains(&t.2))
            .map(|t| t.3)
            .collect::<Vec<_>>()
            .join(" ");
        let unspaced = |s: &str| s.replace(' ', "");
        assert_eq!(unspaced(&title), unspaced(hostile), "shown as written");
    }

    #[test]
    fn a_short_name_is_one_line_at_the_largest_size() {
        let (lines, size) = title_lines("Ulvøya Reparasjon");
        assert_eq!(lines, ["Ulvøya Reparasjon"]);
        assert_eq!(size, TITLE_MAX);
    }

    #[test]
    fn long_names_wrap_and_shrink_and_stay_inside_the_card() {
        let long = "Ljabru og Nordstrand Eiendomsforvaltning, Utleie av Næringslokaler og \
                    Drift av Parkeringsanlegg AS";
        let (lines, size) = title_lines(long);
        assert!(lines.len() > 1 && lines.len() <= TITLE_LINES, "{lines:?}");
        assert!(size < TITLE_MAX, "shrunk to fit: {size}");
        assert_eq!(lines.join(" "), long, "nothing cut");
        let endless = "Aksjeselskapet ".repeat(40) + &"X".repeat(300);
        for name in [long, endless.as_str(), &"W".repeat(500)] {
            let svg = svg(&card(name));
            for (x, y, px, text) in texts(&svg) {
                assert!(x >= MARGIN && x + width(&text, px) <= WIDTH as f64 - MARGIN + 0.5);
                assert!(y > 0.0 && y < HEIGHT as f64, "{text} at {y}");
                if (TITLE_MIN..=TITLE_MAX).contains(&px) {
                    assert!(y <= TITLE_BOTTOM, "title line `{text}` at {y}");
                }
            }
        }
        let (lines, _) = title_lines(&endless);
        assert_eq!(lines.len(), TITLE_LINES);
        assert!(lines[TITLE_LINES - 1].ends_with('…'), "{lines:?}");
    }

    #[test]
    fn a_card_without_a_figure_shows_its_caption_in_the_figures_place() {
        let mut c = card("Ulvøya Reparasjon");
        c.figure = None;
        c.caption = "Har ikke rapportert for 2025".into();
        let shown = texts(&svg(&c));
        let caption = shown.iter().find(|t| t.3 == c.caption).unwrap();
        assert_eq!(caption.1, FIGURE_BASELINE);
        assert!(shown.iter().all(|t| t.2 != FIGURE_SIZE));
    }
}
