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

use crate::aggregate::SiteData;
use crate::memo::{Key, KeyHasher, Memos};
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

#[derive(Debug, Clone, Default)]
pub struct Charts {
    /// The language of their words and numbers.
    pub language: Language,
    /// The network's charts, by name (`network-by-year`, …).
    pub network: Vec<Chart>,
    /// Each partner's charts, by slug.
    pub partners: BTreeMap<String, Vec<Chart>>,
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

/// Every chart of the site: the network's, and each visible partner's (in parallel). A
/// partner's charts are taken from `memos` when their whole input is unchanged since an earlier
/// build (`nfk serve`); the network's depend on every partner and are always drawn.
pub fn draw(site: &Site, data: &SiteData, strings: &[&Strings], memos: &Memos) -> Vec<Charts> {
    // One pass for every language: a pass drops what it did not use when it ends.
    let memo = memos.charts.pass();
    let visible: Vec<_> = data.visible(site).collect();
    (strings.iter())
        .map(|strings| {
            let partners = visible
                .par_iter()
                .map(|v| {
                    let input = partner::Input::new(v.partner, v.data, &site.config, strings);
                    let charts = memo.get_or_make(|| partner_key(&input), || partner::draw(&input));
                    (v.data.slug.clone(), charts)
                })
                .collect::<Vec<_>>()
                .into_iter()
                .filter(|(_, charts)| !charts.is_empty())
                .collect();
            Charts {
                language: strings.language,
                network: network::charts(site, data, strings),
                partners,
            }
        })
        .collect()
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
