//! Drawing with plotters, and the small pieces of layout every chart kind shares: the two
//! layouts, linear scales, "nice" axis ticks and the legend.
//!
//! A chart is laid out in pixels first (it knows every text width from [`super::text`]), then
//! drawn on a [`Canvas`]: a thin wrapper over a plotters drawing area on the SVG backend, with
//! one method per kind of shape and the house colours. Nothing here knows what is being drawn;
//! nothing here does IO (the SVG is written into a `String`).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::svg::{self, Accessible, Dash, INK, MUTED, Mark, WHITE};
use super::text::{self, Size};
use crate::format;
use crate::model::Language;

/// Every chart is drawn twice: wide for desktop (and the downloadable file), narrow for phones,
/// where the same text stays readable because the picture is not scaled down as far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    Wide,
    Narrow,
}

impl Layout {
    #[cfg(test)]
    pub const BOTH: [Layout; 2] = [Layout::Wide, Layout::Narrow];

    pub fn width(self) -> f64 {
        match self {
            Layout::Wide => 720.0,
            Layout::Narrow => 360.0,
        }
    }

    /// Suffix of ids, so the two copies inlined in one page never share an id.
    pub fn suffix(self) -> &'static str {
        match self {
            Layout::Wide => "w",
            Layout::Narrow => "n",
        }
    }
}

/// Outer margin of every chart.
pub const MARGIN: f64 = 8.0;

/// The shortest bar drawn for a value above zero, in pixels: the white outline takes half a
/// pixel on each side, so this leaves a visible pixel of colour.
pub const MIN_BAR: f64 = 2.0;

pub type DrawResult = anyhow::Result<()>;

/// A plotters drawing area on the SVG backend, with the shapes charts use.
pub struct Canvas<'a> {
    area: DrawingArea<SVGBackend<'a>, Shift>,
}

/// Draws a chart of `size` pixels with `paint`, and returns the finished, accessible document.
pub fn draw(
    size: (f64, f64),
    accessible: &Accessible,
    paint: impl FnOnce(&Canvas) -> DrawResult,
) -> anyhow::Result<String> {
    let size = (size.0.ceil() as u32, size.1.ceil() as u32);
    let mut raw = String::new();
    {
        let canvas = Canvas {
            area: SVGBackend::with_string(&mut raw, size).into_drawing_area(),
        };
        paint(&canvas)?;
        canvas.area.present()?;
    }
    Ok(svg::finish(&raw, size, accessible))
}

fn px(v: f64) -> i32 {
    v.round() as i32
}

fn point((x, y): (f64, f64)) -> (i32, i32) {
    (px(x), px(y))
}

impl Canvas<'_> {
    /// A filled rectangle between two corners, in a mark's fill.
    pub fn bar(&self, (x0, y0): (f64, f64), (x1, y1): (f64, f64), mark: Mark) -> DrawResult {
        let (a, b) = (
            (px(x0.min(x1)), px(y0.min(y1))),
            (px(x0.max(x1)), px(y0.max(y1))),
        );
        if a.0 == b.0 || a.1 == b.1 {
            return Ok(());
        }
        self.area
            .draw(&Rectangle::new([a, b], mark.colour().filled()))?;
        Ok(())
    }

    pub fn line(&self, points: &[(f64, f64)], colour: RGBColor, width: u32) -> DrawResult {
        let points: Vec<(i32, i32)> = points.iter().copied().map(point).collect();
        self.area
            .draw(&PathElement::new(points, colour.stroke_width(width)))?;
        Ok(())
    }

    /// A dashed line in ink (see [`Dash`]).
    pub fn dashed(&self, points: &[(f64, f64)], dash: Dash, width: u32) -> DrawResult {
        self.line(points, dash.colour(), width)
    }

    pub fn dot(&self, centre: (f64, f64), radius: u32, colour: RGBColor) -> DrawResult {
        self.area
            .draw(&Circle::new(point(centre), radius, colour.filled()))?;
        Ok(())
    }

    /// A legend swatch: a circle in a mark's fill (bars are always rectangles).
    pub fn swatch(&self, centre: (f64, f64), mark: Mark) -> DrawResult {
        self.area
            .draw(&Circle::new(point(centre), 7, mark.colour().filled()))?;
        Ok(())
    }

    /// One line of text, `anchor` saying which point of it sits at `at`.
    pub fn text(
        &self,
        s: &str,
        at: (f64, f64),
        size: Size,
        colour: RGBColor,
        anchor: HPos,
    ) -> DrawResult {
        let style = text::font(size)
            .color(&colour)
            .pos(Pos::new(anchor, VPos::Center));
        self.area
            .draw(&Text::new(s.to_string(), point(at), style))?;
        Ok(())
    }

    /// Lines of text whose block starts at `top`, each centred on its own line height.
    pub fn lines(
        &self,
        lines: &[String],
        (x, top): (f64, f64),
        size: Size,
        colour: RGBColor,
        anchor: HPos,
    ) -> DrawResult {
        for (i, line) in lines.iter().enumerate() {
            let y = top + (i as f64 + 0.5) * size.line_height();
            self.text(line, (x, y), size, colour, anchor)?;
        }
        Ok(())
    }
}

/// A linear map from data values to pixels.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub domain: (f64, f64),
    pub range: (f64, f64),
}

impl Scale {
    pub fn at(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if d1 == d0 {
            return r0;
        }
        r0 + (v - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// Axis ticks from 0 to a round maximum at or above the largest value.
#[derive(Debug, Clone, PartialEq)]
pub struct Ticks {
    pub values: Vec<f64>,
    pub decimals: usize,
}

impl Ticks {
    /// About `count` steps of 1, 2, 2.5 or 5 times a power of ten; whole steps when `whole`
    /// (counts of partners). An empty or zero range still gets an axis from 0 to 1.
    pub fn new(max: f64, count: usize, whole: bool) -> Ticks {
        let max = if max.is_finite() && max > 0.0 {
            max
        } else {
            1.0
        };
        let raw = max / count.max(1) as f64;
        let magnitude = 10f64.powf(raw.log10().floor());
        let mut step = [1.0, 2.0, 2.5, 5.0, 10.0]
            .iter()
            .map(|m| m * magnitude)
            .find(|s| *s >= raw * (1.0 - 1e-9))
            .unwrap_or(10.0 * magnitude);
        if whole {
            step = step.max(1.0).round();
        }
        let steps = (max / step - 1e-9).ceil().max(1.0) as usize;
        let decimals = if step >= 1.0 {
            0
        } else {
            // 0.25 needs two decimals, 0.2 one.
            let d = (-step.log10()).ceil() as usize;
            if (step * 10f64.powi(d as i32)).fract().abs() > 1e-9 {
                d + 1
            } else {
                d
            }
        };
        Ticks {
            values: (0..=steps).map(|i| i as f64 * step).collect(),
            decimals,
        }
    }

    pub fn max(&self) -> f64 {
        self.values.last().copied().unwrap_or(1.0)
    }

    pub fn label(&self, v: f64, lang: Language) -> String {
        format::number(v, self.decimals, lang)
    }

    pub fn labels(&self, lang: Language) -> Vec<String> {
        self.values.iter().map(|v| self.label(*v, lang)).collect()
    }
}

/// What a legend entry shows next to its label.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Swatch {
    Mark(Mark),
    /// A line as targets' pathways are drawn.
    Line,
}

#[derive(Debug, Clone)]
pub struct LegendItem {
    pub swatch: Swatch,
    pub label: String,
}

/// A legend laid out in rows that fit the width; long labels wrap.
pub struct Legend {
    /// Each item's left edge, top and label lines.
    placed: Vec<(Swatch, f64, f64, Vec<String>)>,
    pub height: f64,
}

const SWATCH_WIDTH: f64 = 22.0;
const SWATCH_GAP: f64 = 6.0;
const ITEM_GAP: f64 = 18.0;

impl Legend {
    pub fn new(items: &[LegendItem], (left, top): (f64, f64), width: f64) -> Legend {
        let size = Size::Normal;
        let label_max = width - SWATCH_WIDTH - SWATCH_GAP;
        let (mut x, mut y, mut row_height) = (left, top, 0.0f64);
        let mut placed = Vec::new();
        for item in items {
            let lines = text::wrap(&item.label, size, label_max);
            let item_width =
                SWATCH_WIDTH + SWATCH_GAP + text::max_width(lines.iter().map(|l| l.as_str()), size);
            if x > left && x + item_width > left + width {
                x = left;
                y += row_height + 4.0;
                row_height = 0.0;
            }
            row_height = row_height.max(lines.len() as f64 * size.line_height());
            placed.push((item.swatch, x, y, lines));
            x += item_width + ITEM_GAP;
        }
        let height = if placed.is_empty() {
            0.0
        } else {
            y + row_height - top
        };
        Legend { placed, height }
    }

    pub fn draw(&self, canvas: &Canvas) -> DrawResult {
        let size = Size::Normal;
        for (swatch, x, y, lines) in &self.placed {
            let mid = y + size.line_height() / 2.0;
            match swatch {
                Swatch::Mark(mark) => canvas.swatch((x + SWATCH_WIDTH / 2.0, mid), *mark)?,
                Swatch::Line => {
                    pathway_line(canvas, &[(*x + 1.0, mid), (x + SWATCH_WIDTH - 1.0, mid)])?
                }
            }
            canvas.lines(
                lines,
                (x + SWATCH_WIDTH + SWATCH_GAP, *y),
                size,
                INK,
                HPos::Left,
            )?;
        }
        Ok(())
    }
}

/// A target's pathway: dark, on a white halo so it stands out on any bar.
pub fn pathway_line(canvas: &Canvas, points: &[(f64, f64)]) -> DrawResult {
    canvas.line(points, WHITE, 6)?;
    canvas.line(points, INK, 2)
}

/// The unit of an axis, written where the axis starts.
pub fn axis_title(canvas: &Canvas, title: &str, at: (f64, f64), anchor: HPos) -> DrawResult {
    canvas.text(title, at, Size::Normal, MUTED, anchor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_round_ticks_above_the_largest_value() {
        let t = Ticks::new(9_870.0, 5, false);
        assert_eq!(
            t.values,
            [0.0, 2_000.0, 4_000.0, 6_000.0, 8_000.0, 10_000.0]
        );
        assert_eq!(t.decimals, 0);
        let t = Ticks::new(1_234_567.0, 5, false);
        assert_eq!(t.max(), 1_250_000.0);
        assert_eq!(t.label(250_000.0, Language::Nb), "250\u{a0}000");
    }

    #[test]
    fn gives_small_ranges_the_decimals_they_need() {
        let t = Ticks::new(1.1, 5, false);
        assert_eq!(t.decimals, 2);
        assert_eq!(t.labels(Language::Nb)[1], "0,25");
        let t = Ticks::new(0.9, 5, false);
        assert_eq!((t.decimals, t.max()), (1, 1.0));
    }

    #[test]
    fn counts_in_whole_steps_and_survives_an_empty_range() {
        let t = Ticks::new(3.0, 5, true);
        assert_eq!(t.values, [0.0, 1.0, 2.0, 3.0]);
        let t = Ticks::new(0.0, 5, false);
        assert_eq!(t.max(), 1.0);
    }

    #[test]
    fn scales_linearly() {
        let s = Scale {
            domain: (0.0, 100.0),
            range: (300.0, 100.0),
        };
        assert_eq!(s.at(0.0), 300.0);
        assert_eq!(s.at(50.0), 200.0);
    }

    #[test]
    fn wraps_the_legend_into_rows_that_fit() {
        let item = |label: &str| LegendItem {
            swatch: Swatch::Mark(Mark::Blue),
            label: label.into(),
        };
        let items = [
            item("Scope 1 (direkte)"),
            item("Scope 2 (lokasjonsbasert)"),
            item("Scope 3 (verdikjede)"),
        ];
        let wide = Legend::new(&items, (8.0, 8.0), 704.0);
        let narrow = Legend::new(&items, (8.0, 8.0), 344.0);
        assert_eq!(wide.height, Size::Normal.line_height());
        assert!(narrow.height > wide.height);
    }
}
