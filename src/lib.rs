//! nfk: a static site generator for network publications (Næring for klima).
//!
//! The pipeline, one stage per module (see ARCHITECTURE.md):
//! load → validate → aggregate → render → write, plus `serve` and `check`.

pub mod aggregate;
pub mod diagnostics;
pub mod format;
pub mod load;
pub mod model;
pub mod scaffold;
pub mod validate;

use std::path::Path;

use diagnostics::Diagnostics;
use model::Site;

/// Everything `check` learns about a site: the model (when `site.yaml` is usable) and every
/// diagnostic. The model must not be used when `diagnostics` holds an error.
pub struct Checked {
    pub site: Option<Site>,
    pub diagnostics: Diagnostics,
}

/// load → validate, in memory. Reads the site folder; writes nothing.
pub fn check(root: &Path) -> Checked {
    let mut diagnostics = Diagnostics::new();
    let raw = load::load(root, &mut diagnostics);
    let site = validate::validate(raw, &mut diagnostics);
    Checked { site, diagnostics }
}
