//! Stacked columns on a year axis, with lines drawn over them: emissions per year by scope,
//! and each target's pathway.
//!
//! Takes figures already chosen and labelled ([`Columns`]); knows nothing about partners or
//! scopes. Lays out in pixels from measured text: the value axis is as wide as its widest
//! label (a 7-digit total fits), a year label is skipped rather than overlapped when years are
//! dense, and a note under a year (a partner count) is shown only where it fits. Pure.

use plotters::style::text_anchor::HPos;

use super::canvas::{
    self, Canvas, DrawResult, Layout, Legend, LegendItem, MARGIN, MIN_BAR, Scale, Swatch, Ticks,
};
use super::svg::{Accessible, GRID, INK, MUTED, Mark};
use super::text::{self, Size};
use crate::model::Language;

/// One position on the x axis (a year).
#[derive(Debug, Clone)]
pub struct Slot {
    pub label: String,
    /// A second, smaller line under the label, e.g. how many partners a year sums.
    pub note: Option<String>,
}

/// One stacked layer, bottom first: a value per slot, `None` where not reported.
#[derive(Debug, Clone)]
pub struct Series {
    pub label: String,
    pub mark: Mark,
    pub values: Vec<Option<f64>>,
}

/// A line over the columns through `(slot index, value)` points.
#[derive(Debug, Clone)]
pub struct Line {
    pub label: String,
    pub points: Vec<(usize, f64)>,
    /// Written at the line's end ("1", "2"), matching the legend, when lines need telling apart.
    pub tag: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Columns {
    pub slots: Vec<Slot>,
    pub series: Vec<Series>,
    pub lines: Vec<Line>,
    /// The value axis' title, with its unit.
    pub unit: String,
    pub lang: Language,
}

const TICK_GAP: f64 = 6.0;
/// Between a line's end and its tag.
const TAG_GAP: f64 = 8.0;

impl Columns {
    /// The sum of what is reported in slot `i`.
    pub fn stack_total(&self, i: usize) -> f64 {
        self.series
            .iter()
            .filter_map(|s| s.values.get(i).copied().flatten())
            .sum()
    }

    fn max_value(&self) -> f64 {
        let stacks = (0..self.slots.len()).map(|i| self.stack_total(i));
        let lines = self.lines.iter().flat_map(|l| l.points.iter().map(|p| p.1));
        stacks.chain(lines).fold(0.0, f64::max)
    }

    fn legend(&self) -> Vec<LegendItem> {
        let marks = self.series.iter().map(|s| LegendItem {
            swatch: Swatch::Mark(s.mark),
            label: s.label.clone(),
        });
        let lines = self.lines.iter().map(|l| LegendItem {
            swatch: Swatch::Line,
            label: l.label.clone(),
        });
        marks.chain(lines).collect()
    }

    pub fn draw(&self, layout: Layout, accessible: &Accessible) -> anyhow::Result<String> {
        let width = layout.width();
        let inner = width - 2.0 * MARGIN;
        let legend = Legend::new(&self.legend(), (MARGIN, MARGIN), inner);
        let unit_y = MARGIN + legend.height + 10.0 + Size::Normal.line_height() / 2.0;

        let ticks = Ticks::new(self.max_value(), 5, false);
        let tick_labels = ticks.labels(self.lang);
        let tick_width = text::max_width(tick_labels.iter().map(|s| s.as_str()), Size::Normal);
        let left = MARGIN + tick_width + TICK_GAP;
        let tags = self.lines.iter().filter_map(|l| l.tag.as_deref());
        let tag_width = text::max_width(tags, Size::Normal);
        let right = width
            - MARGIN
            - if tag_width > 0.0 {
                tag_width + TAG_GAP
            } else {
                0.0
            };
        let top = unit_y + Size::Normal.line_height() / 2.0 + 10.0;
        let plot_height = match layout {
            Layout::Wide => 260.0,
            Layout::Narrow => 220.0,
        };
        let bottom = top + plot_height;
        let y = Scale {
            domain: (0.0, ticks.max()),
            range: (bottom, top),
        };

        let n = self.slots.len().max(1);
        let slot_width = (right - left) / n as f64;
        let x = |i: usize| left + (i as f64 + 0.5) * slot_width;
        let bar_width = (slot_width * 0.7).min(64.0);
        let label_width =
            text::max_width(self.slots.iter().map(|s| s.label.as_str()), Size::Normal);
        // Show every `every`-th year when the labels would touch.
        let every = ((label_width + 6.0) / slot_width).ceil().max(1.0) as usize;
        let notes_fit = every == 1
            && self.slots.iter().all(|s| {
                s.note
                    .as_ref()
                    .is_none_or(|n| text::width(n, Size::Small) + 4.0 <= slot_width)
            });
        // Clear of the `0` tick and of a pathway tag at zero, both centred on the axis.
        let labels_top = bottom + 9.0;
        let notes_top = labels_top + Size::Normal.line_height();
        let height = if notes_fit && self.slots.iter().any(|s| s.note.is_some()) {
            notes_top + Size::Small.line_height() + MARGIN
        } else {
            notes_top + MARGIN
        };

        canvas::draw((width, height), accessible, |c| {
            legend.draw(c)?;
            canvas::axis_title(c, &self.unit, (MARGIN, unit_y), HPos::Left)?;
            for (v, label) in ticks.values.iter().zip(&tick_labels) {
                let ty = y.at(*v);
                let colour = if *v == 0.0 { MUTED } else { GRID };
                c.line(&[(left, ty), (right, ty)], colour, 1)?;
                c.text(label, (left - TICK_GAP, ty), Size::Normal, INK, HPos::Right)?;
            }
            for i in 0..self.slots.len() {
                self.draw_stack(c, i, (x(i) - bar_width / 2.0, x(i) + bar_width / 2.0), &y)?;
            }
            let mut ends = Vec::new();
            for line in &self.lines {
                let points: Vec<(f64, f64)> =
                    line.points.iter().map(|(i, v)| (x(*i), y.at(*v))).collect();
                canvas::pathway_line(c, &points)?;
                for p in [points.first(), points.last()].into_iter().flatten() {
                    c.dot(*p, 4, INK)?;
                }
                if let (Some(tag), Some(end)) = (&line.tag, points.last()) {
                    ends.push((tag, *end));
                }
            }
            for (tag, (tx, ty)) in spread_tags(ends) {
                c.text(tag, (tx + TAG_GAP, ty), Size::Normal, INK, HPos::Left)?;
            }
            for (i, slot) in self.slots.iter().enumerate() {
                if i % every != 0 {
                    continue;
                }
                let lines = [slot.label.clone()];
                c.lines(&lines, (x(i), labels_top), Size::Normal, INK, HPos::Center)?;
                if let (true, Some(note)) = (notes_fit, &slot.note) {
                    let notes = [note.clone()];
                    c.lines(&notes, (x(i), notes_top), Size::Small, MUTED, HPos::Center)?;
                }
            }
            Ok(())
        })
    }

    fn draw_stack(&self, c: &Canvas, i: usize, (x0, x1): (f64, f64), y: &Scale) -> DrawResult {
        let (mut sum, mut top) = (0.0, y.at(0.0));
        for series in &self.series {
            let Some(v) = series.values.get(i).copied().flatten() else {
                continue;
            };
            sum += v;
            let mut next = y.at(sum);
            if v > 0.0 {
                next = next.min(top - MIN_BAR);
            }
            c.bar((x0, top), (x1, next), series.mark)?;
            top = next;
        }
        Ok(())
    }
}

/// Tags at the ends of lines, moved apart where they would touch: upwards from the lowest, so
/// a tag never sinks below the axis into the year labels.
fn spread_tags(mut ends: Vec<(&String, (f64, f64))>) -> Vec<(&String, (f64, f64))> {
    ends.sort_by(|a, b| b.1.1.total_cmp(&a.1.1));
    let gap = Size::Normal.line_height();
    for i in 1..ends.len() {
        let below = ends[i - 1].1.1;
        if ends[i].1.1 > below - gap {
            ends[i].1.1 = below - gap;
        }
    }
    ends
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_that_would_touch_are_moved_up_from_the_lowest_and_the_others_stay() {
        let gap = Size::Normal.line_height();
        let (a, b, c, d) = (
            "a".to_string(),
            "b".to_string(),
            "c".to_string(),
            "d".to_string(),
        );
        // y grows downwards: `c` is the lowest; `b` is a little above `a`, closer than a line;
        // `d` is far above them all.
        let ends = vec![
            (&a, (10.0, 200.0)),
            (&b, (20.0, 200.0 - gap / 2.0)),
            (&c, (30.0, 400.0)),
            (&d, (40.0, 50.0)),
        ];
        let spread = spread_tags(ends);
        let expected = vec![
            (&c, (30.0, 400.0)),
            (&a, (10.0, 200.0)),
            (&b, (20.0, 200.0 - gap)),
            (&d, (40.0, 50.0)),
        ];
        assert_eq!(spread, expected);
        assert!(spread_tags(Vec::new()).is_empty());
        let one = vec![(&a, (1.0, 2.0))];
        assert_eq!(spread_tags(one.clone()), one);
    }
}
