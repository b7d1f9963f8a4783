//! Text in charts: the embedded font, how wide a string is, and wrapping to a width.
//!
//! Layout needs widths before anything is drawn (a label column is as wide as its longest
//! label), so text is measured with the font browsers are given: Inter, the subset in
//! `themes/nfk/static/fonts/` that `style.css` serves. Measuring goes through plotters'
//! `ab_glyph` font support, so no system font is ever looked up. It adds no kerning and plotters
//! scales by the font's line height (a little more than its em), so measured widths are a few
//! per cent wider than what browsers draw: labels get room to spare, never less.
//!
//! Pure: the font is compiled in; nothing here reads files.

use std::sync::Once;

use plotters::style::{FontDesc, FontFamily, FontStyle};

/// The family name charts register with plotters and that the SVG asks browsers for.
pub const FAMILY: &str = "Inter";
/// What the SVG root says, so a standalone file without Inter still gets a sans-serif.
pub const FAMILY_WITH_FALLBACK: &str = "Inter, sans-serif";

/// The font file itself, also for rasterising charts to PNG (`render/images.rs`).
pub static FONT: &[u8] = include_bytes!("../../themes/nfk/static/fonts/Inter-Regular.otf");

/// plotters writes `font-size` as the size it was given divided by 1.24 (its guess at a font's
/// line height in em); sizes are handed over multiplied back, and only sizes whose round trip
/// prints as a whole number are offered ([`Size`]).
const PLOTTERS_SIZE_FACTOR: f64 = 1.24;

/// The two text sizes of every chart, in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// Secondary text: partner counts under years, units.
    Small,
    /// Labels, ticks, legends.
    Normal,
}

impl Size {
    pub fn px(self) -> f64 {
        match self {
            Size::Small => 12.0,
            Size::Normal => 14.0,
        }
    }

    /// The distance between two lines of wrapped text.
    pub fn line_height(self) -> f64 {
        (self.px() * 1.3).round()
    }
}

fn register() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // Cannot fail: the font is compiled in and the tests draw with it.
        let _ = plotters::style::register_font(FAMILY, FontStyle::Normal, FONT);
    });
}

/// The plotters font for text of `size`.
pub fn font(size: Size) -> FontDesc<'static> {
    register();
    FontDesc::new(
        FontFamily::Name(FAMILY),
        size.px() * PLOTTERS_SIZE_FACTOR,
        FontStyle::Normal,
    )
}

/// Extra room per character and per space, in em: the text-spacing override of WCAG 1.4.12
/// (letter spacing 0.12em, word spacing 0.16em) applies to SVG text too, and a label laid out
/// without room for it would run into its neighbour or be clipped at the chart's edge.
const LETTER_SPACING_ROOM: f64 = 0.12;
const WORD_SPACING_ROOM: f64 = 0.16;

/// How wide `text` is drawn at `size`, in pixels, with room for the user's text spacing.
pub fn width(text: &str, size: Size) -> f64 {
    let drawn = match font(size).box_size(text) {
        Ok((w, _)) => f64::from(w),
        // Only if the font could not be read: a generous average advance.
        Err(_) => text.chars().count() as f64 * size.px() * 0.62,
    };
    let chars = text.chars().count() as f64;
    let spaces = text.chars().filter(|c| *c == ' ').count() as f64;
    drawn + size.px() * (LETTER_SPACING_ROOM * chars + WORD_SPACING_ROOM * spaces)
}

/// The widest of `texts` at `size`; 0 for none.
pub fn max_width<'a>(texts: impl IntoIterator<Item = &'a str>, size: Size) -> f64 {
    texts
        .into_iter()
        .map(|t| width(t, size))
        .fold(0.0, f64::max)
}

/// `text` broken into lines no wider than `max` at `size`, at spaces and after hyphens. A word
/// wider than `max` on its own is broken between letters, so nothing ever runs past `max`.
pub fn wrap(text: &str, size: Size, max: f64) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in words(text) {
        let candidate = format!("{line}{word}");
        if line.is_empty() || width(candidate.trim_end(), size) <= max {
            line = candidate;
        } else {
            lines.push(line.trim_end().to_string());
            line = word.to_string();
        }
        while width(line.trim_end(), size) > max && line.chars().count() > 1 {
            let (head, tail) = split_to_fit(&line, size, max);
            lines.push(head);
            line = tail;
        }
    }
    if !line.trim().is_empty() || lines.is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// Words with the space or hyphen that follows them kept, so joining them gives the text back.
/// A hyphen or slash is a break only between letters (`gass-/damp`, not `gass-,`).
fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next_is_letter = chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        if c == ' ' || ((c == '-' || c == '/') && next_is_letter) {
            let end = i + c.len_utf8();
            out.push(&text[start..end]);
            start = end;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// The longest head of `line` (at least one letter) that fits in `max`, and the rest.
fn split_to_fit(line: &str, size: Size, max: f64) -> (String, String) {
    let chars: Vec<char> = line.chars().collect();
    let mut take = 1;
    while take < chars.len() && width(&chars[..=take].iter().collect::<String>(), size) <= max {
        take += 1;
    }
    (
        chars[..take].iter().collect(),
        chars[take..].iter().collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_with_the_embedded_font() {
        let narrow = width("iiii", Size::Normal);
        let wide = width("MMMM", Size::Normal);
        assert!(narrow > 0.0 && wide > 2.0 * narrow, "{narrow} {wide}");
        assert!(width("1 234 567", Size::Normal) > width("1 234 567", Size::Small));
    }

    #[test]
    fn the_plotters_size_round_trip_prints_whole_pixels() {
        for size in [Size::Small, Size::Normal] {
            let written = size.px() * PLOTTERS_SIZE_FACTOR / PLOTTERS_SIZE_FACTOR;
            assert_eq!(format!("{written}"), format!("{}", size.px()));
        }
    }

    #[test]
    fn wraps_a_long_name_within_the_width() {
        let name = "Ljabru og Nordstrand Eiendomsdrift og Bygningsvedlikehold AS";
        let lines = wrap(name, Size::Normal, 200.0);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|l| width(l, Size::Normal) <= 200.0));
        assert_eq!(lines.join(" "), name);
    }

    #[test]
    fn breaks_a_word_longer_than_the_line() {
        let lines = wrap(
            "Bygningsvedlikeholdsentreprenørselskapet",
            Size::Normal,
            80.0,
        );
        assert!(lines.len() > 2);
        assert!(lines.iter().all(|l| width(l, Size::Normal) <= 80.0));
        assert_eq!(lines.concat(), "Bygningsvedlikeholdsentreprenørselskapet");
    }

    #[test]
    fn never_starts_a_line_with_the_comma_after_a_hyphen() {
        let name = "Elektrisitets-, gass-, damp- og varmtvannsforsyning";
        for max in [200.0, 240.0, 300.0] {
            let lines = wrap(name, Size::Normal, max);
            assert!(lines.iter().all(|l| !l.starts_with(',')), "{lines:?}");
            assert_eq!(lines.join(" "), name);
        }
    }
}
