//! Horizontal bars with their labels and values written out: categories, sectors, principles,
//! fee tiers, target rates, like-for-like.
//!
//! Takes rows already chosen and labelled ([`HBars`]); knows nothing about what they count.
//! Horizontal bars keep long names readable: on a wide layout the labels stand in a column
//! left of the bars, wrapped to at most a third of the width; on a narrow one each label stands
//! above its bar across the full width. Every bar has its value written after it, so no number
//! has to be read off the axis and colour is never needed to know what a bar is. Pure.

use plotters::style::text_anchor::HPos;

use super::canvas::{
    self, Canvas, DrawResult, Layout, Legend, LegendItem, MARGIN, MIN_BAR, Scale, Ticks,
};
use super::svg::{Accessible, Dash, GRID, INK, MUTED, Mark};
use super::text::{self, Size};
use crate::model::Language;

#[derive(Debug, Clone)]
pub enum Row {
    /// A group heading ("Scope 1", "Krav").
    Heading(String),
    Bar(Bar),
}

#[derive(Debug, Clone)]
pub struct Bar {
    pub label: String,
    /// Stacked left to right; empty for a row with nothing to draw (its value says why).
    pub segments: Vec<(Mark, f64)>,
    /// Written after the bar: the figure, formatted.
    pub value: String,
}

/// A vertical line across the bars at `value`, labelled above them.
#[derive(Debug, Clone)]
pub struct Reference {
    pub value: f64,
    pub label: String,
}

#[derive(Debug, Clone)]
pub struct HBars {
    pub rows: Vec<Row>,
    /// The value axis' title, with its unit.
    pub unit: String,
    pub legend: Vec<LegendItem>,
    pub reference: Option<Reference>,
    /// The axis runs at least to here (e.g. the number of partners).
    pub axis_max: Option<f64>,
    /// Counts: whole-number ticks.
    pub whole: bool,
    pub lang: Language,
}

const BAR_HEIGHT: f64 = 20.0;
const ROW_GAP: f64 = 10.0;
const VALUE_GAP: f64 = 6.0;
const LABEL_GAP: f64 = 10.0;

/// A row placed: its top, label lines and where its bar sits.
struct Placed<'a> {
    row: &'a Row,
    lines: Vec<String>,
    label_top: f64,
    bar_top: f64,
}

impl HBars {
    fn bars(&self) -> impl Iterator<Item = &Bar> {
        self.rows.iter().filter_map(|r| match r {
            Row::Bar(b) => Some(b),
            Row::Heading(_) => None,
        })
    }

    fn max_value(&self) -> f64 {
        let bars = self
            .bars()
            .map(|b| b.segments.iter().map(|s| s.1).sum::<f64>());
        let extra = self.reference.iter().map(|r| r.value).chain(self.axis_max);
        bars.chain(extra).fold(0.0, f64::max)
    }

    pub fn draw(&self, layout: Layout, accessible: &Accessible) -> anyhow::Result<String> {
        let width = layout.width();
        let inner = width - 2.0 * MARGIN;
        let (size, lh) = (Size::Normal, Size::Normal.line_height());
        let legend = Legend::new(&self.legend, (MARGIN, MARGIN), inner);
        let mut top = MARGIN + legend.height + if legend.height > 0.0 { 12.0 } else { 0.0 };
        let reference_y = top + lh / 2.0;
        if self.reference.is_some() {
            top += lh + 6.0;
        }

        let label_column = match layout {
            Layout::Wide => {
                let widest = text::max_width(self.rows.iter().map(row_label), size);
                widest.min(inner / 3.0).ceil()
            }
            Layout::Narrow => 0.0,
        };
        let label_wrap = if label_column > 0.0 {
            label_column
        } else {
            inner
        };
        let value_width = text::max_width(self.bars().map(|b| b.value.as_str()), size);
        let left = MARGIN
            + if label_column > 0.0 {
                label_column + LABEL_GAP
            } else {
                0.0
            };
        let right = width - MARGIN - value_width - VALUE_GAP;

        let mut placed = Vec::new();
        let mut y = top;
        for row in &self.rows {
            let lines = text::wrap(row_label(row), size, label_wrap);
            let text_height = lines.len() as f64 * lh;
            let (label_top, bar_top, row_height) = match (row, layout) {
                (Row::Heading(_), _) => (y + 4.0, y, text_height + 8.0),
                (Row::Bar(_), Layout::Narrow) => {
                    (y, y + text_height + 2.0, text_height + 2.0 + BAR_HEIGHT)
                }
                (Row::Bar(_), Layout::Wide) => {
                    let h = text_height.max(BAR_HEIGHT);
                    (y + (h - text_height) / 2.0, y + (h - BAR_HEIGHT) / 2.0, h)
                }
            };
            placed.push(Placed {
                row,
                lines,
                label_top,
                bar_top,
            });
            y += row_height + ROW_GAP;
        }
        let bottom = y - ROW_GAP / 2.0;

        let ticks = fitting_ticks(self.max_value(), right - left, self.whole, self.lang);
        let x = Scale {
            domain: (0.0, ticks.max()),
            range: (left, right),
        };
        let tick_y = bottom + 4.0 + lh / 2.0;
        let unit_y = tick_y + lh + 2.0;
        let height = unit_y + lh / 2.0 + MARGIN;

        // Where vertical lines (grid, reference) are drawn: behind the bars only, so they never
        // cross a label, which on the narrow layout stands where the axis starts.
        let bands: Vec<(f64, f64)> = match layout {
            Layout::Wide => vec![(top - 4.0, bottom)],
            Layout::Narrow => placed
                .iter()
                .filter(|p| matches!(p.row, Row::Bar(_)))
                .map(|p| (p.bar_top - 3.0, p.bar_top + BAR_HEIGHT + 3.0))
                .collect(),
        };
        canvas::draw((width, height), accessible, |c| {
            legend.draw(c)?;
            for v in &ticks.values {
                let tx = x.at(*v);
                let colour = if *v == 0.0 { MUTED } else { GRID };
                for (y0, y1) in &bands {
                    c.line(&[(tx, *y0), (tx, *y1)], colour, 1)?;
                }
                let label = ticks.label(*v, self.lang);
                let anchor = anchor_within(tx, &label, (MARGIN, width - MARGIN));
                c.text(&label, (tx, tick_y), size, INK, anchor)?;
            }
            let unit_anchor_x = (left + right) / 2.0;
            canvas::axis_title(c, &self.unit, (unit_anchor_x, unit_y), HPos::Center)?;
            let reference_x = self.reference.as_ref().map(|r| x.at(r.value));
            for p in &placed {
                draw_row(c, p, &x, reference_x)?;
            }
            if let Some(r) = &self.reference {
                let rx = x.at(r.value);
                for (y0, y1) in &bands {
                    c.dashed(&[(rx, *y0), (rx, *y1)], Dash::Dashed, 2)?;
                }
                let anchor = anchor_within(rx, &r.label, (MARGIN, width - MARGIN));
                c.text(&r.label, (rx, reference_y), size, INK, anchor)?;
            }
            Ok(())
        })
    }
}

/// A row's label, bar and value. A value that would sit on the reference line is written
/// after it instead.
fn draw_row(c: &Canvas, p: &Placed, x: &Scale, reference_x: Option<f64>) -> DrawResult {
    let (size, label_x) = (Size::Normal, MARGIN);
    match p.row {
        Row::Heading(_) => c.lines(&p.lines, (label_x, p.label_top), size, MUTED, HPos::Left),
        Row::Bar(bar) => {
            c.lines(&p.lines, (label_x, p.label_top), size, INK, HPos::Left)?;
            let (mut sum, mut end) = (0.0, x.at(0.0));
            for (mark, v) in &bar.segments {
                sum += v;
                let mut next = x.at(sum);
                if *v > 0.0 {
                    next = next.max(end + MIN_BAR);
                }
                c.bar((end, p.bar_top), (next, p.bar_top + BAR_HEIGHT), *mark)?;
                end = next;
            }
            let mut value_x = end + VALUE_GAP;
            let value_end = value_x + text::width(&bar.value, size);
            if let Some(rx) = reference_x.filter(|rx| (value_x - 3.0..value_end + 3.0).contains(rx))
            {
                value_x = rx + VALUE_GAP;
            }
            let at = (value_x, p.bar_top + BAR_HEIGHT / 2.0);
            let colour = if bar.segments.is_empty() { MUTED } else { INK };
            c.text(&bar.value, at, size, colour, HPos::Left)
        }
    }
}

/// Ticks whose labels have room between them: as many as five, fewer when wide numbers need it.
fn fitting_ticks(max: f64, span: f64, whole: bool, lang: Language) -> Ticks {
    let mut count = 5;
    loop {
        let ticks = Ticks::new(max, count, whole);
        let widest = text::max_width(ticks.labels(lang).iter().map(|s| s.as_str()), Size::Normal);
        let room = span / (ticks.values.len().max(2) - 1) as f64;
        if count == 1 || widest + 16.0 <= room {
            return ticks;
        }
        count -= 1;
    }
}

fn row_label(row: &Row) -> &str {
    match row {
        Row::Heading(h) => h,
        Row::Bar(b) => &b.label,
    }
}

/// Centred on `x`, unless that would run past the edges `(left, right)`.
fn anchor_within(x: f64, label: &str, (left, right): (f64, f64)) -> HPos {
    let half = text::width(label, Size::Normal) / 2.0;
    if x - half < left {
        HPos::Left
    } else if x + half > right {
        HPos::Right
    } else {
        HPos::Center
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bars(value: f64) -> HBars {
        HBars {
            rows: vec![Row::Bar(Bar {
                label: "Skarpsno Energi og Varme AS".into(),
                segments: vec![(Mark::Vermillion, value)],
                value: crate::format::percent(value, 1, Language::Nb),
            })],
            unit: "Reduksjon per år (%)".into(),
            legend: Vec::new(),
            reference: Some(Reference {
                value: 4.2,
                label: "1,5 °C-bane: 4,2 % per år".into(),
            }),
            axis_max: None,
            whole: false,
            lang: Language::Nb,
        }
    }

    #[test]
    fn writes_a_value_after_the_reference_line_rather_than_across_it() {
        let a = Accessible {
            id: "t",
            title: "t",
            desc: "d",
        };
        for layout in Layout::BOTH {
            let svg = bars(4.0).draw(layout, &a).unwrap();
            let doc = roxmltree::Document::parse(&svg).unwrap();
            let line_x: f64 = doc
                .descendants()
                .find(|n| n.has_tag_name("polyline") && n.attribute("stroke-width") == Some("2"))
                .and_then(|n| n.attribute("points")?.split(',').next()?.parse().ok())
                .unwrap();
            let value = doc
                .descendants()
                .find(|n| n.text().is_some_and(|t| t.trim() == "4,0\u{a0}%"))
                .unwrap();
            let value_x: f64 = value.attribute("x").unwrap().parse().unwrap();
            let value_end = value_x + text::width("4,0\u{a0}%", Size::Normal);
            let apart = value_end < line_x || value_x > line_x;
            assert!(apart, "{layout:?}: {value_x}–{value_end} crosses {line_x}");
        }
    }
}
