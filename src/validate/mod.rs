//! validate: [`RawSite`] → [`Site`], plus every problem found, all at once.
//!
//! Pure: no IO, no clock. Each rule of SPEC §2–5 lives in the submodule for its file and has a
//! unit test named after it. A value that breaks a rule is reported and left out of the model;
//! callers must not use the model when the diagnostics hold an error.

mod content;
mod emissions;
mod partner;
mod site;
pub mod story;
mod targets;
pub mod text;

use chrono::NaiveDate;

use crate::diagnostics::{Diagnostic, Diagnostics, Pos, suggestion_help};
use crate::load::yaml::{Text, span_pos};
use crate::load::{RawSite, S};
use crate::model::{ResultsConfig, Site};

pub use partner::{is_slug, org_number_is_valid};

/// Validates the whole site. `None` only when `site.yaml` itself is unusable.
pub fn validate(raw: RawSite, diags: &mut Diagnostics) -> Option<Site> {
    let config = raw
        .config
        .as_ref()
        .and_then(|c| site::validate_config(c, diags));
    let results = config.as_ref().map(|c| c.results);
    let partners = partner::validate_partners(raw.partners, results.as_ref(), diags);
    let pages = content::validate_pages(raw.pages, diags);
    Some(Site {
        config: config?,
        partners,
        pages,
        assets: raw.assets,
    })
}

/// "nested too deeply", for stories and for editors' pages alike.
pub(crate) fn nesting_error(rel: &str, at: Pos) -> Diagnostic {
    Diagnostic::error(
        rel,
        at,
        format!(
            "Markdown nested more than {} levels deep",
            crate::render::markdown::MAX_NESTING
        ),
    )
    .with_help(
        "block quotes, lists and emphasis inside one another count as levels; no text needs this \
         many, so flatten the structure",
    )
}

/// The years a network can sensibly report: catches `2204` and `24` typos.
const FIRST_YEAR: i64 = 1990;
const LAST_YEAR: i64 = 2100;

pub(crate) struct Checker<'a> {
    pub rel: &'a str,
    pub diags: &'a mut Diagnostics,
    /// Lines before the YAML in its file (1 for front matter after the opening `---`).
    pub line_offset: u32,
}

impl Checker<'_> {
    pub fn error<T>(&mut self, at: &S<T>, message: impl Into<String>) -> &mut Diagnostic {
        self.diags.push(Diagnostic::error(
            self.rel,
            span_pos(at).shifted(self.line_offset),
            message,
        ));
        self.last()
    }

    pub fn warning<T>(&mut self, at: &S<T>, message: impl Into<String>) -> &mut Diagnostic {
        self.diags.push(Diagnostic::warning(
            self.rel,
            span_pos(at).shifted(self.line_offset),
            message,
        ));
        self.last()
    }

    fn last(&mut self) -> &mut Diagnostic {
        // `push` was just called, so the list is not empty.
        self.diags.last_mut().expect("a diagnostic was just pushed")
    }

    pub fn date(&mut self, value: &S<Text>, what: &str) -> Option<NaiveDate> {
        let text = value.value.0.trim();
        match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            Ok(date) => Some(date),
            Err(_) => {
                self.error(value, format!("{what} `{text}` is not a valid date"))
                    .help = Some("write dates as YYYY-MM-DD, e.g. 2025-06-16".into());
                None
            }
        }
    }

    pub fn year(&mut self, value: &S<i64>, what: &str) -> Option<i32> {
        let year = value.value;
        if (FIRST_YEAR..=LAST_YEAR).contains(&year) {
            Some(year as i32)
        } else {
            self.error(value, format!("{what} {year} is not a plausible year"))
                .help = Some(format!(
                "years run from {FIRST_YEAR} to {LAST_YEAR}; check for a typo"
            ));
            None
        }
    }

    /// One of a fixed set of names, with "did you mean" for typos.
    pub fn choice<T: Copy>(
        &mut self,
        value: &S<String>,
        table: &[(&str, T)],
        what: &str,
    ) -> Option<T> {
        let given = value.value.trim();
        if let Some((_, v)) = table.iter().find(|(k, _)| *k == given) {
            return Some(*v);
        }
        let names: Vec<&str> = table.iter().map(|(k, _)| *k).collect();
        self.error(value, format!("unknown {what} `{given}`")).help =
            Some(suggestion_help(given, &names));
        None
    }

    /// A figure that must be a finite number ≥ 0.
    pub fn amount(&mut self, value: &S<f64>, what: &str) -> Option<f64> {
        let v = value.value;
        if !v.is_finite() {
            self.error(value, format!("{what} must be a number, not `{v}`"));
            None
        } else if v < 0.0 {
            self.error(value, format!("{what} is negative ({v})")).help = Some(
                "figures are never negative; report removals and offsets separately in the note"
                    .into(),
            );
            None
        } else if v > 1e12 {
            self.error(value, format!("{what} is implausibly large ({v:e})"))
                .help = Some(
                "figures are in tonnes CO₂e (or whole people, or MNOK); check the unit".into(),
            );
            None
        } else {
            Some(v)
        }
    }
}

/// What the emissions rules need to know about the site: the reporting year and `as_of`.
pub(crate) type ResultsRef<'a> = Option<&'a ResultsConfig>;
