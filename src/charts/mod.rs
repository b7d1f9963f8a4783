//! Charts: SVG pictures of the aggregated figures, each with the table of the same numbers.
//!
//! Pure: takes `SiteData`, returns markup and tables; writes nothing. The renderer inlines the
//! SVG in pages and also publishes each chart as a standalone `.svg` file.
//!
//! - [`partner`]: a partner's emissions per year and the reporting year by category;
//!   [`targets`]: one chart per target, its own series against its pathway.
//! - [`network`]: the network's charts, named in [`NETWORK_CHARTS`].
//! - [`columns`], [`hbars`]: the two kinds of picture, laid out from measured text.
//! - [`canvas`]: drawing with plotters, scales, ticks, legends; [`text`]: the embedded font;
//!   [`svg`]: the accessible document and the colour-blind-safe marks. The words come from the
//!   strings table of the site's language ([`crate::strings`]).
//!
//! Every chart is drawn in two layouts ([`canvas::Layout`]): wide for desktop and the
//! downloadable file, narrow for phones. The same input gives the same bytes: nothing here
//! depends on time, hashing order or threads (partners are drawn in parallel and collected in
//! order).

pub mod canvas;
pub mod columns;
pub mod hbars;
pub mod network;
pub mod partner;
pub mod svg;
pub mod targets;
pub mod text;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::aggregate::{SiteData, Visible};
use crate::memo::{Key, KeyHasher, Pass};
use crate::model::{Language, Site};
use crate::strings::Strings;
use canvas::Layout;
use svg::Accessible;

/// A data table shown next to a chart, already formatted for people.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Table {
    pub caption: String,
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Chart {
    /// Unique within its page; also the file name (`<name>.svg`).
    pub name: String,
    pub title: String,
    /// The chart's message in one or two sentences, with the key numbers.
    pub desc: String,
    /// Standalone SVG document (`role="img"`, `<title>`, `<desc>`, `aria-labelledby`), in the
    /// wide layout: inlined on wide screens and published as the `.svg` file.
    pub svg: Arc<str>,
    /// The same chart laid out for phones, inlined on narrow screens.
    pub svg_narrow: Arc<str>,
    pub table: Table,
}

/// A site's charts in one language: the network's, drawn, and the names of each partner's.
///
/// A partner's charts are drawn when its page is rendered ([`draw_partner`], called by
/// `render`), not here: drawn up front, 10,000 partners' charts would hold hundreds of megabytes
/// for the whole build. The route plan needs only their names.
#[derive(Debug, Clone, Default)]
pub struct Charts {
    /// The language of their words and numbers.
    pub language: Language,
    /// The network's charts, by name (`network-by-year`, …).
    pub network: Vec<Chart>,
    /// The names of each partner's charts, by slug; a partner without charts is not listed.
    pub partners: BTreeMap<String, Vec<String>>,
}

/// Names a content page may use in `{{ chart(name="…") }}`.
#[cfg(test)]
pub const NETWORK_CHARTS: [&str; 6] = [
    "network-by-year",
    "like-for-like",
    "by-sector",
    "principles",
    "target-rates",
    "fee-tiers",
];

/// The site's charts in each language of `strings`: the network's drawn, the partners' named
/// (in parallel). Each name is one that [`draw_partner`] draws.
#[cfg(test)]
pub fn draw(site: &Site, data: &SiteData, strings: &[&Strings]) -> Vec<Charts> {
    draw_with(site, data, strings, |visible, strings| {
        partner_chart_names(site, visible, strings)
    })
}

/// The site's charts in each language of `strings`: the network's drawn, the partners' named
/// (in parallel) by `names`, which must give what [`partner_chart_names`] gives (`serve` takes
/// the unchanged partners' from its memo). Each name is one that [`draw_partner`] draws.
pub fn draw_with(
    site: &Site,
    data: &SiteData,
    strings: &[&Strings],
    names: impl Fn(Visible, &Strings) -> Vec<String> + Sync,
) -> Vec<Charts> {
    let visible: Vec<_> = data.visible(site).collect();
    (strings.iter())
        .map(|strings| {
            let partners = visible
                .par_iter()
                .map(|v| (v.data.slug.clone(), names(*v, strings)))
                .collect::<Vec<_>>()
                .into_iter()
                .filter(|(_, names)| !names.is_empty())
                .collect();
            Charts {
                language: strings.language,
                network: network::charts(site, data, strings),
                partners,
            }
        })
        .collect()
}

/// The names of the charts a partner has, in the language of `strings`.
pub fn partner_chart_names(site: &Site, visible: Visible, strings: &Strings) -> Vec<String> {
    let input = partner::Input::new(visible.partner, visible.data, &site.config, strings);
    (partner::sketch(&input).into_iter())
        .map(|(spec, _)| spec.name)
        .collect()
}

/// A partner's charts in the language of `strings`, the ones [`draw`] named. Taken from `memo`
/// when their whole input is unchanged since an earlier build (`nfk serve`).
pub fn draw_partner(
    site: &Site,
    visible: Visible,
    strings: &Strings,
    memo: &Pass<Vec<Chart>>,
) -> Vec<Chart> {
    let input = partner::Input::new(visible.partner, visible.data, &site.config, strings);
    memo.get_or_make(|| partner_key(&input), || partner::draw(&input))
}

/// The memo key of a partner's charts: a pure function of their [`partner::Input`], hashed by
/// its derived `Debug` dump, which names every field and quotes every string (the model types
/// are not `Serialize`), so equal keys mean equal inputs and equal charts.
fn partner_key(input: &partner::Input) -> Option<Key> {
    let mut h = KeyHasher::new();
    h.text("partner charts");
    write!(h, "{input:?}").ok()?;
    Some(h.finish())
}

/// A chart before it is drawn: its words and table, and its picture.
pub type Sketch = (Spec, Picture);

/// What a chart shows, before it is drawn.
pub enum Picture {
    Columns(columns::Columns),
    HBars(hbars::HBars),
}

/// The parts of a chart that are not the picture.
pub struct Spec {
    pub name: String,
    /// Prefix of every id in the SVG, unique in a page: `graf-<name>` or `graf-<slug>-<name>`.
    pub id: String,
    pub title: String,
    pub desc: String,
    pub table: Table,
}

/// Draws `picture` in both layouts. A drawing error (plotters writing into a `String` has none
/// in practice) leaves the chart out and is logged, rather than failing the build.
pub fn finish(spec: Spec, picture: &Picture) -> Option<Chart> {
    let draw = |layout: Layout| {
        let id = format!("{}-{}", spec.id, layout.suffix());
        let a = Accessible {
            id: &id,
            title: &spec.title,
            desc: &spec.desc,
        };
        match picture {
            Picture::Columns(c) => c.draw(layout, &a),
            Picture::HBars(h) => h.draw(layout, &a),
        }
    };
    match (draw(Layout::Wide), draw(Layout::Narrow)) {
        (Ok(svg), Ok(svg_narrow)) => Some(Chart {
            name: spec.name,
            title: spec.title,
            desc: spec.desc,
            svg: svg.into(),
            svg_narrow: svg_narrow.into(),
            table: spec.table,
        }),
        (Err(e), _) | (_, Err(e)) => {
            log::error!("chart {} could not be drawn: {e:#}", spec.id);
            None
        }
    }
}
