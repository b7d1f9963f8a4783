//! Parts: what many pages show of one partner, made once per partner instead of once per page
//! that shows it. A partner's card (`parts/partner_card.html`) is in `/partnere/`, its sector's
//! page and every static list it belongs to; its slide (`parts/summit_partner.html`) is in the
//! summit. At 1,000 partners the lists rendered the same card ten times over, 40 µs each; Tera
//! is now a small part of those pages (bench/PROFILE.md, "Parts", says what is left).
//!
//! A part is a template output like any other ([`Renderer::render_part`]): kept in the
//! template memo under its values, so after one partner's edit `nfk serve` makes that
//! partner's card again and joins the others' as they were.
//!
//! Must not: decide which partners a list shows (the list does), or read anything but the
//! partner's summary (and, for a slide, its main target).

use std::collections::HashMap;
use std::sync::OnceLock;

use rayon::prelude::*;
use serde::Serialize;

use super::Renderer;
use super::view::{ListedPartner, PartContext, PartnerSummary, SlidePartner, SummitPartnerView};
use crate::diagnostics::Diagnostic;
use crate::memo::Key;

/// A partner's card in the lists.
pub const CARD: &str = "parts/partner_card.html";
/// A partner's slide in the summit.
pub const SLIDE: &str = "parts/summit_partner.html";

/// A made part: its HTML and the memo key it is kept under (`None` when nothing is kept).
#[derive(Clone)]
pub struct Part {
    pub key: Option<Key>,
    pub html: bytes::Bytes,
}

impl Part {
    /// The HTML as text. It was made as a `String`, so it is UTF-8.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.html).unwrap_or_default()
    }
}

/// Every visible partner's card, by slug, each made by the first list that shows it. A cell
/// per partner, not one for all: lists made at the same time make different cards, and no
/// thread waits for work it would have to do itself (a cell made with rayon inside could be
/// entered again by the same thread, through a list it picks up while it waits).
pub struct Cards(HashMap<String, OnceLock<Result<Part, Diagnostic>>>);

impl Cards {
    pub fn new<'s>(slugs: impl IntoIterator<Item = &'s String>) -> Self {
        Cards(
            (slugs.into_iter())
                .map(|s| (s.clone(), OnceLock::new()))
                .collect(),
        )
    }
}

/// `summaries` with their cards, for a list. Records each card's key with the list (another
/// list may have made it, on another thread), so that reusing the list keeps the cards.
pub fn listed<'s>(
    r: &'s Renderer,
    summaries: impl IntoIterator<Item = &'s PartnerSummary>,
) -> Result<Vec<ListedPartner<'s>>, Diagnostic> {
    (summaries.into_iter())
        .filter_map(|summary| {
            let cell = r.cards.0.get(&summary.slug)?;
            let part = cell.get_or_init(|| make(r, CARD, summary));
            Some(part.as_ref().map_err(Clone::clone).map(|part| {
                r.note_used(part.key);
                ListedPartner {
                    summary,
                    card: part.as_str(),
                }
            }))
        })
        .collect()
}

/// Each of `partners`' summit slides, in parallel, in their order.
pub fn slides(r: &Renderer, partners: &[SummitPartnerView]) -> Result<Vec<Part>, Diagnostic> {
    let parts: Vec<Part> = (partners.par_iter())
        .map(|p| make(r, SLIDE, p))
        .collect::<Result<_, _>>()?;
    for part in &parts {
        r.note_used(part.key);
    }
    Ok(parts)
}

/// `partners` with their `slides`, for `summit.html`.
pub fn with_slides<'s>(
    partners: &'s [SummitPartnerView<'s>],
    slides: &'s [Part],
) -> Vec<SlidePartner<'s>> {
    (partners.iter().zip(slides))
        .map(|(partner, slide)| SlidePartner {
            partner,
            slide: slide.as_str(),
        })
        .collect()
}

fn make<T: Serialize>(r: &Renderer, template: &str, p: &T) -> Result<Part, Diagnostic> {
    r.render_part(template, &PartContext { p })
}
