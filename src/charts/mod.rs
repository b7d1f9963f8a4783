//! Charts: SVG pictures of the aggregated figures, each with the table of the same numbers.
//!
//! Pure: takes `SiteData`, returns markup and tables; writes nothing. The renderer inlines the
//! SVG in pages and also publishes each chart as a standalone `.svg` file.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::aggregate::SiteData;
use crate::model::Site;

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
    /// Standalone SVG document (`role="img"`, `<title>`, `<desc>`, `aria-labelledby`).
    pub svg: String,
    pub table: Table,
}

#[derive(Debug, Clone, Default)]
pub struct Charts {
    /// The network's charts, by name (`network-by-year`, …).
    pub network: Vec<Chart>,
    /// Each partner's charts, by slug.
    pub partners: BTreeMap<String, Vec<Chart>>,
}

/// Names a content page may use in `{{ chart(name="…") }}`.
pub const NETWORK_CHARTS: [&str; 6] = [
    "network-by-year",
    "like-for-like",
    "by-sector",
    "principles",
    "target-rates",
    "fee-tiers",
];

pub fn draw(_site: &Site, _data: &SiteData) -> Charts {
    Charts::default()
}
