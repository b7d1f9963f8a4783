//! PNG files (SPEC §12): every chart's `.png` beside its `.svg`, and the share images of
//! [`super::share`]. The one place SVG becomes pixels.
//!
//! When a build draws them is [`Pictures`]: while rendering (`nfk build`), never (`nfk check`),
//! or after the pages (`nfk serve`): a picture its memo does not hold then gets an empty file
//! and is handed back in [`PendingPictures`], to draw once the pages are served. Half of what a
//! partner's edit costs in a preview is drawing the network's charts again, and a page shows
//! the SVGs: the PNGs are only downloads and share images.
//!
//! resvg renders with a font database that holds only the embedded Inter font the charts are
//! measured and drawn with (`charts::text`), never a system font, and resolves no image or file
//! an SVG names: the same SVG gives the same PNG bytes on every machine, and rendering reads
//! nothing. PNGs are made while render walks the plan (in parallel, like every route) and are
//! memoised in the build's `Memos` by the SVG's bytes, so `nfk serve` redraws only what changed.
//!
//! Must not: draw a chart (the PNG is the `.svg` drawing, scaled), read files, or use the clock.

use std::collections::BTreeMap;
use std::sync::{Arc, LazyLock, Mutex};

use resvg::{tiny_skia, usvg};

use super::{OutputFile, Renderer, missing, share};
use crate::charts::text;
use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::memo::{Key, KeyHasher, Memos};
use crate::routes::{ChartOwner, Route};

/// When a build draws its PNG files.
#[derive(Debug, Clone, Default)]
pub enum Pictures {
    /// While rendering, as every other file (`nfk build`).
    #[default]
    Now,
    /// Never: their files stay empty (`nfk check`: they are drawings of what was already
    /// rendered and judged).
    Never,
    /// After the pages (`nfk serve`): what the images memo does not hold is collected here.
    Later(Arc<Later>),
}

impl Pictures {
    /// Whether the build's PNG files are drawn at all (now or later).
    pub fn drawn(&self) -> bool {
        !matches!(self, Pictures::Never)
    }

    /// Whether the file at `output` is still to draw.
    pub fn pending(&self, output: &str) -> bool {
        match self {
            Pictures::Later(later) => later.lock().contains_key(output),
            _ => false,
        }
    }

    /// The pictures left to draw, taken out; none unless [`Pictures::Later`].
    pub fn take_pending(&self) -> PendingPictures {
        match self {
            Pictures::Later(later) => PendingPictures {
                pictures: std::mem::take(&mut *later.lock()),
            },
            _ => PendingPictures::default(),
        }
    }
}

/// The pictures a build left to draw, by output path.
#[derive(Debug, Default)]
pub struct Later(Mutex<BTreeMap<String, Picture>>);

impl Later {
    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, Picture>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// One PNG to draw: its SVG, the scale, and its key in the images memo.
#[derive(Debug)]
struct Picture {
    svg: String,
    scale: f32,
    key: Option<Key>,
}

/// The PNG files a build left to draw ([`Pictures::Later`]), by output path: their files in the
/// build are empty until [`PendingPictures::draw`]'s replace them.
#[derive(Debug, Default)]
pub struct PendingPictures {
    pictures: BTreeMap<String, Picture>,
}

impl PendingPictures {
    pub fn is_empty(&self) -> bool {
        self.pictures.is_empty()
    }

    pub fn contains(&self, output: &str) -> bool {
        self.pictures.contains_key(output)
    }

    /// The files, drawn (in parallel), each kept in `memos` for the next build; or the
    /// problems that kept one from being drawn.
    pub fn draw(&self, memos: &Memos) -> Result<Vec<OutputFile>, Diagnostics> {
        use rayon::prelude::*;
        let drawn: Vec<_> = (self.pictures.par_iter())
            .map(|(output, picture)| {
                let bytes = drawing(output, &picture.svg, picture.scale)?;
                if let Some(key) = picture.key {
                    memos.images.insert(key, bytes.clone());
                }
                Ok(OutputFile::new(output.clone(), bytes))
            })
            .collect();
        let mut problems = Diagnostics::new();
        let mut files = Vec::new();
        for made in drawn {
            match made {
                Ok(file) => files.push(file),
                Err(problem) => problems.push(problem),
            }
        }
        if problems.has_errors() {
            return Err(problems);
        }
        Ok(files)
    }
}

/// A chart's PNG is drawn at twice the size of its SVG (sharp on high-density screens and in
/// print); a share image's SVG is already 1200×630.
pub const CHART_SCALE: f32 = 2.0;

/// The options every SVG is parsed with: Inter as the only font (also for `sans-serif`), and
/// no `<image>` resolved, neither a file nor a data URL.
static OPTIONS: LazyLock<usvg::Options<'static>> = LazyLock::new(|| {
    let mut fonts = usvg::fontdb::Database::new();
    fonts.load_font_data(text::FONT.to_vec());
    // Every generic family is Inter too: a standalone SVG that asks for `serif` draws the same.
    fonts.set_sans_serif_family(text::FAMILY);
    fonts.set_serif_family(text::FAMILY);
    fonts.set_monospace_family(text::FAMILY);
    fonts.set_cursive_family(text::FAMILY);
    fonts.set_fantasy_family(text::FAMILY);
    usvg::Options {
        font_family: text::FAMILY.to_string(),
        fontdb: Arc::new(fonts),
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: Box::new(|_, _, _| None),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    }
});

/// `svg` as a PNG at `scale` times its size, on white (a chart's SVG has no background, and a
/// transparent PNG shows black in some viewers).
pub fn rasterise(svg: &str, scale: f32) -> Result<Vec<u8>, String> {
    let tree = usvg::Tree::from_str(svg, &OPTIONS).map_err(|e| e.to_string())?;
    let size = tree
        .size()
        .to_int_size()
        .scale_by(scale)
        .ok_or("empty picture")?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height()).ok_or("empty picture")?;
    pixmap.fill(tiny_skia::Color::WHITE);
    let transform = tiny_skia::Transform::from_scale(scale, scale);
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    encode(&pixmap).map_err(|e| e.to_string())
}

/// An opaque pixmap as an 8-bit RGB PNG. On a white background every pixel is opaque, so the
/// premultiplied colour tiny-skia keeps is the colour itself, and the alpha channel (a quarter
/// of the bytes to filter and compress) says nothing.
fn encode(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, png::EncodingError> {
    let rgb: Vec<u8> = (pixmap.data().chunks_exact(4))
        .flat_map(|pixel| [pixel[0], pixel[1], pixel[2]])
        .collect();
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_compression(png::Compression::Fast);
    let mut writer = encoder.write_header()?;
    writer.write_image_data(&rgb)?;
    writer.finish()?;
    Ok(out)
}

/// [`rasterise`], taken from the build's memo when the same SVG was drawn before; with
/// [`Pictures::Later`], an empty file and the picture left to draw when it was not.
fn png(r: &Renderer, route: &Route, svg: &str, scale: f32) -> Result<OutputFile, Diagnostic> {
    let images = &r.passes.images;
    let key = images.keeps().then(|| {
        let mut h = KeyHasher::new();
        h.text("png").number(u128::from(scale.to_bits())).text(svg);
        h.finish()
    });
    if let Pictures::Later(later) = &r.options.pictures {
        if let Some(bytes) = key.and_then(|key| images.get(key)) {
            return Ok(OutputFile::new(route.output.clone(), bytes));
        }
        let svg = svg.to_string();
        later
            .lock()
            .insert(route.output.clone(), Picture { svg, scale, key });
        return Ok(OutputFile::new(route.output.clone(), Vec::new()));
    }
    let bytes = images.try_get_or_make(|| key, || drawing(&route.output, svg, scale))?;
    Ok(OutputFile::new(route.output.clone(), bytes))
}

/// [`rasterise`], with its failure as a problem of the file at `output`.
fn drawing(output: &str, svg: &str, scale: f32) -> Result<bytes::Bytes, Diagnostic> {
    rasterise(svg, scale).map(bytes::Bytes::from).map_err(|e| {
        Diagnostic::error(
            "content",
            Pos::FILE,
            format!("internal error: cannot draw {output}: {e}"),
        )
    })
}

/// A chart's `.png`: its `.svg` drawing (the wide layout) at [`CHART_SCALE`].
pub(crate) fn chart_png(
    r: &Renderer,
    route: &Route,
    owner: &ChartOwner,
    name: &str,
) -> Result<OutputFile, Diagnostic> {
    match r.chart_svg(owner, name) {
        Some(svg) => png(r, route, &svg, CHART_SCALE),
        None => Err(missing(route)),
    }
}

/// The share image of a partner's page (`Some(slug)`) or of the results page.
pub(crate) fn share_image(
    r: &Renderer,
    route: &Route,
    slug: Option<&str>,
) -> Result<OutputFile, Diagnostic> {
    match share::card(r, slug) {
        Some(card) => png(r, route, &share::svg(&card), 1.0),
        None => Err(missing(route)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Width and height from a PNG's IHDR chunk.
    fn dimensions(png: &[u8]) -> (u32, u32) {
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        let be = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
        (be(16), be(20))
    }

    #[test]
    fn draws_an_svg_at_the_scale_asked_for() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="30" height="20"><text x="2" y="15" font-size="12">Aå</text></svg>"#;
        assert_eq!(dimensions(&rasterise(svg, 2.0).unwrap()), (60, 40));
        assert_eq!(dimensions(&rasterise(svg, 1.0).unwrap()), (30, 20));
    }

    #[test]
    fn text_is_drawn_with_the_embedded_font_whatever_family_is_asked_for() {
        let with = |family: &str| {
            let svg = format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20"><text x="2" y="15" font-size="12" font-family="{family}">Tonn</text></svg>"#
            );
            rasterise(&svg, 1.0).unwrap()
        };
        let blank = rasterise(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20"></svg>"#,
            1.0,
        )
        .unwrap();
        assert_ne!(with("Inter"), blank, "the text is drawn");
        assert_eq!(with("Inter"), with("sans-serif"));
        assert_eq!(with("Inter"), with("Some Font Nobody Has, serif"));
    }

    #[test]
    fn a_picture_is_opaque_rgb_on_white() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="4" height="2"><rect width="2" height="2" fill="red"/></svg>"#;
        let bytes = rasterise(svg, 1.0).unwrap();
        let mut reader = png::Decoder::new(std::io::Cursor::new(bytes))
            .read_info()
            .unwrap();
        let info = reader.info();
        assert_eq!(
            (info.color_type, info.bit_depth),
            (png::ColorType::Rgb, png::BitDepth::Eight)
        );
        let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
        reader.next_frame(&mut pixels).unwrap();
        let rows: Vec<&[u8]> = pixels.chunks(4 * 3).collect();
        for row in rows {
            assert_eq!(row, [255, 0, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255]);
        }
    }

    #[test]
    fn refuses_to_load_images_an_svg_points_at() {
        let svg = |href: &str| {
            format!(
                r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><image width="10" height="10" xlink:href="{href}"/></svg>"#
            )
        };
        let blank = rasterise(&svg(""), 1.0).unwrap();
        let dot = "data:image/svg+xml;utf8,%3Csvg xmlns='http://www.w3.org/2000/svg' width='10' height='10'%3E%3Crect width='10' height='10'/%3E%3C/svg%3E";
        assert_eq!(rasterise(&svg(dot), 1.0).unwrap(), blank);
    }

    #[test]
    fn a_broken_svg_is_an_error_not_a_panic() {
        assert!(rasterise("<svg", 1.0).is_err());
        assert!(
            rasterise(
                r#"<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0"/>"#,
                1.0
            )
            .is_err()
        );
    }
}
