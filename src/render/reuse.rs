//! reuse: which routes `nfk serve` takes whole from an earlier build (issue 17). A route's file
//! is kept in `Memos::outputs` under the stamps of what the plan says it is made from
//! (`Route::made_from`: a partner's folder, a page's file, every partner, every page, a
//! sector's medians) and of what every route shares (the plan's routes, `site.yaml`, the theme,
//! the strings, the options). After one edit, the routes whose inputs kept their stamps are not
//! rendered again; the rest go through the memos of templates, Markdown, charts and PNGs as
//! before.
//!
//! A stamp is what load keyed a file with (its name, size and time, and the last time the
//! watcher reported it: `Memos::touched`); the other inputs are hashed from their values. A
//! route with an input that has no stamp (a copied file, a build that keeps nothing) is always
//! rendered. So a route is reused only when nothing it is made from changed, if the plan names
//! everything it shows: the serve equality test (`tests/it/serve.rs`) checks both, for each
//! kind of edit.
//!
//! Must not: decide what a route is made from (the plan does), or render.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::{OutputFile, Renderer};
use crate::aggregate::SiteData;
use crate::diagnostics::Diagnostic;
use crate::memo::{Key, KeyHasher, Output, Pass, Stamps, recording};
use crate::model::Site;
use crate::routes::{Input, Route, RoutePlan};

/// The keys of one build's inputs, made once before its routes are rendered.
pub(super) struct Reuse<'a> {
    stamps: &'a Stamps,
    /// What every route shares: the plan's routes and translations and the site's settings.
    /// `None` when nothing is reused (the memos keep nothing).
    shared: Option<Key>,
    /// Every partner's stamp (drafts too: whether they are shown is part of `shared`).
    network: Option<Key>,
    /// Every content page's stamp.
    pages: Option<Key>,
    /// Each sector's figures, by its letter.
    sectors: HashMap<char, Key>,
}

impl<'a> Reuse<'a> {
    /// The keys for a build that keeps its outputs in `memo`; nothing is keyed when it keeps
    /// nothing.
    pub fn new(
        site: &Site,
        data: &SiteData,
        plan: &RoutePlan,
        stamps: &'a Stamps,
        memo: &Pass<Output>,
    ) -> Self {
        let mut reuse = Reuse {
            stamps,
            shared: None,
            network: None,
            pages: None,
            sectors: HashMap::new(),
        };
        if !memo.keeps() {
            return reuse;
        }
        reuse.shared = shared_key(site, plan);
        reuse.network = stamps.of_partners(site.partners.iter().map(|p| p.slug.as_str()));
        reuse.pages = stamps.of_pages(site.pages.iter().map(|p| p.source.as_str()));
        for sector in &data.results.by_sector {
            let mut h = KeyHasher::new();
            let key = h.text("sector").value(sector).ok().map(|h| h.finish());
            if let (Some(code), Some(key)) = (sector.code.chars().next(), key) {
                reuse.sectors.insert(code, key);
            }
        }
        reuse
    }

    /// The key of `route`'s file as `r` renders it; `None` when it cannot be reused.
    fn key(&self, r: &Renderer, route: &Route) -> Option<Key> {
        let mut h = KeyHasher::new();
        h.text("route")
            .number(self.shared?)
            .number(r.stamp?)
            .number(u128::from(r.options.pictures.drawn()))
            .text(&route.output);
        for input in &route.made_from {
            let key = match input {
                Input::File(path) => *self.stamps.pages.get(path)?,
                Input::Partner(slug) => *self.stamps.partners.get(slug)?,
                Input::Sector(code) => self.sectors.get(code).copied().unwrap_or_default(),
                Input::Network => self.network?,
                Input::Pages => self.pages?,
                // Part of `shared`.
                Input::Routes => 0,
            };
            h.number(key);
        }
        Some(h.finish())
    }

    /// `route`'s file: the one an earlier build made when its inputs are unchanged, else what
    /// `make` makes (kept for the next build, unless it is a picture still to draw).
    pub fn made(
        &self,
        r: &Renderer,
        route: &Route,
        make: impl FnOnce() -> Result<OutputFile, Diagnostic>,
    ) -> Result<OutputFile, Diagnostic> {
        if self.shared.is_none() {
            return make();
        }
        let passes = &r.passes;
        let output = passes.outputs.try_get_or_make(
            || self.key(r, route),
            || {
                let (made, used) = recording(make);
                let file = made.map_err(Unkept::Problem)?;
                if r.options.pictures.pending(&route.output) {
                    // Its empty file stands in for the picture until it is drawn.
                    return Err(Unkept::Pending(file));
                }
                Ok(Output {
                    contents: file.contents,
                    used: used.into(),
                })
            },
        );
        let output = match output {
            Ok(output) => output,
            Err(Unkept::Problem(problem)) => return Err(problem),
            Err(Unkept::Pending(file)) => return Ok(file),
        };
        // What it was made through stays in those memos for as long as it is reused.
        passes.touch(&output.used);
        Ok(OutputFile {
            path: route.output.clone(),
            contents: output.contents,
        })
    }
}

/// A file made that the memo does not keep.
enum Unkept {
    Problem(Diagnostic),
    /// A picture left to draw after the pages (`images::Pictures::Later`).
    Pending(OutputFile),
}

/// What every route is made from besides its own inputs: `site.yaml` (its `Debug` dump names
/// every field) and the plan, every route's URL, file, kind (its derived `Hash`), template and
/// translations (a new page or chart, or a page's new translation, renders every route again).
fn shared_key(site: &Site, plan: &RoutePlan) -> Option<Key> {
    let mut h = KeyHasher::new();
    h.text("shared");
    write!(h, "{:?}", site.config).ok()?;
    for route in plan.routes() {
        h.text(&route.url).text(&route.output);
        h.text(route.language.code());
        h.text(route.template.as_deref().unwrap_or_default());
        h.hashed(&route.kind);
        for (language, url) in plan.translations(&route.url) {
            h.text(language.code()).text(url);
        }
    }
    Some(h.finish())
}
