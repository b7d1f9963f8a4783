//! validate: [`RawSite`] → [`Site`], plus every problem found, all at once.
//!
//! Pure: no IO, no clock. Each rule of SPEC §2–5 lives in the submodule for its file and has a
//! unit test named after it. Every rule an editor can trip over lives here, in three passes:
//! [`validate`] on the files as read, [`validate_plan`] on the route plan before rendering, and
//! [`validate_links`] on the links render found. A value that breaks a rule is reported and left out of the model;
//! callers must not use the model when the diagnostics hold an error.

mod changes;
mod content;
mod emissions;
mod languages;
mod links;
mod partner;
mod picture;
mod routes;
mod site;
pub mod story;
mod targets;
pub(crate) mod templates;

use std::collections::BTreeMap;
pub mod text;

use chrono::NaiveDate;

use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::load::yaml::{Text, span_pos};
use crate::load::{RawSite, S};
use crate::messages::{Arg, Args, ids};
use crate::model::{Decimal, Language, Logo, ResultsConfig, Site, StoryImage};
use crate::routes::{RoutePlan, WrittenLink};
use crate::theme::Theme;

pub use links::Html;
pub use partner::is_slug;
pub use site::base_url_option;

/// Validates the whole site. `None` only when `site.yaml` itself is unusable.
pub fn validate(raw: RawSite, diags: &mut Diagnostics) -> Option<Site> {
    let config = raw
        .config
        .as_ref()
        .and_then(|c| site::validate_config(c, diags));
    let results = config.as_ref().map(|c| c.results);
    let mut logos: BTreeMap<String, Logo> = (raw.partners.iter())
        .filter_map(|p| Some((p.slug.clone(), picture::validate_logo(p, diags)?)))
        .collect();
    let mut images: BTreeMap<String, Vec<StoryImage>> = (raw.partners.iter())
        .map(|p| (p.slug.clone(), picture::validate_story_images(p, diags)))
        .collect();
    let mut partners = partner::validate_partners(raw.partners, results.as_ref(), diags);
    for partner in &mut partners {
        partner.logo = logos.remove(&partner.slug);
        partner.images = images.remove(&partner.slug).unwrap_or_default();
    }
    let languages = (config.as_ref()).map_or_else(|| vec![Language::Nb], |c| c.languages.clone());
    for partner in &mut partners {
        // Words in a language the site does not publish are never shown.
        partner
            .translations
            .retain(|t| languages.iter().skip(1).any(|l| *l == t.language));
    }
    languages::check_partner_translations(&partners, diags);
    let pages = content::validate_pages(raw.pages, &languages, diags);
    languages::check_page_translations(&pages, diags);
    Some(Site {
        config: config?,
        partners,
        pages,
        assets: raw.assets,
    })
}

/// Rules for the route plan, before anything is rendered: no two outputs in one place
/// (`routes.rs`), and every page's `template:` in the theme (`content.rs`).
pub fn validate_plan(site: &Site, plan: &RoutePlan, theme: &Theme, diags: &mut Diagnostics) {
    routes::check_collisions(plan, diags);
    let has_template = |name: &str| theme.has_template(name);
    content::check_templates(site, plan, &has_template, &site.config.theme, diags);
}

/// Rules for links, once the pages are made: every internal link of a content page, a partner's
/// story, `menu` and `footer_menu` leads to a route of the plan, and every `#fragment` to an id of its page
/// (`links.rs`). `html` gives a made page's HTML by its output path.
pub fn validate_links(
    site: &Site,
    plan: &RoutePlan,
    links: &[WrittenLink],
    html: Html,
    diags: &mut Diagnostics,
) {
    links::check_menus(plan, &site.config, html, diags);
    links::check_links(plan, links, html, diags);
    let stories = story::written_links(site, plan);
    links::check_links(plan, &stories, html, diags);
    languages::check_links_across_languages(plan, links, diags);
    languages::check_links_across_languages(plan, &stories, diags);
}

/// "nested too deeply", for stories and for editors' pages alike.
pub(crate) fn nesting_error(rel: &str, at: Pos) -> Diagnostic {
    let args = vec![("max", crate::render::markdown::MAX_NESTING.into())];
    Diagnostic::error_msg(rel, at, ids::MARKDOWN_TOO_DEEP, args)
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
    /// An error worded by catalogue message `id` (`crate::messages::ids`) at `at`.
    pub fn error_msg<T>(&mut self, at: &S<T>, id: &'static str, args: Args) -> &mut Diagnostic {
        self.diags.push(Diagnostic::error_msg(
            self.rel,
            span_pos(at).shifted(self.line_offset),
            id,
            args,
        ));
        self.last()
    }

    pub fn warning_msg<T>(&mut self, at: &S<T>, id: &'static str, args: Args) -> &mut Diagnostic {
        self.diags.push(Diagnostic::warning_msg(
            self.rel,
            span_pos(at).shifted(self.line_offset),
            id,
            args,
        ));
        self.last()
    }

    fn last(&mut self) -> &mut Diagnostic {
        // `push` was just called, so the list is not empty.
        self.diags.last_mut().expect("a diagnostic was just pushed")
    }

    /// `what` names the value in the message: its key as written (`"as_of"`), or a word of
    /// the catalogue (`Arg::word(ids::WHAT_TARGET_KIND)`) where the key alone would not say it.
    pub fn date(&mut self, value: &S<Text>, what: impl Into<Arg>) -> Option<NaiveDate> {
        let text = value.value.0.trim();
        match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
            Ok(date) => Some(date),
            Err(_) => {
                let args = vec![("what", what.into()), ("text", text.into())];
                self.error_msg(value, ids::INVALID_DATE, args);
                None
            }
        }
    }

    pub fn year(&mut self, value: &S<i64>, what: impl Into<Arg>) -> Option<i32> {
        let year = value.value;
        if (FIRST_YEAR..=LAST_YEAR).contains(&year) {
            Some(year as i32)
        } else {
            let args = vec![
                ("what", what.into()),
                ("year", year.to_string().into()),
                ("first", FIRST_YEAR.to_string().into()),
                ("last", LAST_YEAR.to_string().into()),
            ];
            self.error_msg(value, ids::IMPLAUSIBLE_YEAR, args);
            None
        }
    }

    /// One of a fixed set of names, with "did you mean" for typos.
    pub fn choice<T: Copy>(
        &mut self,
        value: &S<String>,
        table: &[(&str, T)],
        what: impl Into<Arg>,
    ) -> Option<T> {
        let given = value.value.trim();
        if let Some((_, v)) = table.iter().find(|(k, _)| *k == given) {
            return Some(*v);
        }
        let names: Vec<&str> = table.iter().map(|(k, _)| *k).collect();
        let args = vec![("what", what.into()), ("given", given.into())];
        self.error_msg(value, ids::UNKNOWN_NAME, args)
            .suggest(given, &names);
        None
    }

    /// A figure that must be a finite number ≥ 0, as the exact decimal the editor wrote.
    pub fn amount(&mut self, value: &S<f64>, what: impl Into<Arg>) -> Option<Decimal> {
        let what: Arg = what.into();
        let v = value.value;
        if !v.is_finite() {
            let args = vec![("what", what), ("value", v.to_string().into())];
            self.error_msg(value, ids::NOT_A_NUMBER, args);
            None
        } else if v < 0.0 {
            let args = vec![("what", what), ("value", v.into())];
            self.error_msg(value, ids::NEGATIVE_FIGURE, args);
            None
        } else if v > 1e12 {
            // Exponent form: a figure this large is a unit mistake, its digits do not matter.
            let args = vec![("what", what), ("value", format!("{v:e}").into())];
            self.error_msg(value, ids::IMPLAUSIBLY_LARGE, args);
            None
        } else {
            self.decimal(value, what)
        }
    }

    /// `value` as an exact decimal, or an error at the value when it has more significant
    /// digits than survive the YAML parser's binary number (docs/figures.md "Exact arithmetic").
    pub fn decimal(&mut self, value: &S<f64>, what: impl Into<Arg>) -> Option<Decimal> {
        let decimal = exact_decimal(value.value);
        if decimal.is_none() {
            let args = vec![
                ("what", what.into()),
                ("value", value.value.to_string().into()),
                ("max", MAX_DIGITS.into()),
            ];
            self.error_msg(value, ids::TOO_MANY_DIGITS, args);
        }
        decimal
    }
}

/// Significant digits a figure may have: every decimal of at most 15 digits survives the round
/// trip through a binary `f64` (the YAML parser's number) unchanged; longer ones may not.
pub(crate) const MAX_DIGITS: usize = 15;

/// The decimal the editor wrote, recovered from the parser's `f64` by its shortest round-trip
/// representation (`12.4` → exactly 12.4). `None` when that takes more than [`MAX_DIGITS`]
/// significant digits (so the written text cannot be known), or for NaN and infinity.
pub(crate) fn exact_decimal(v: f64) -> Option<Decimal> {
    if !v.is_finite() {
        return None;
    }
    // `Display` of f64 is the shortest text that parses back to the same number, never in
    // exponent form.
    let text = format!("{v}");
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let significant = digits.trim_start_matches('0').trim_end_matches('0').len();
    if significant > MAX_DIGITS {
        return None;
    }
    Decimal::from_str_exact(&text).ok().map(|d| d.normalize())
}

/// What the emissions rules need to know about the site: the reporting year and `as_of`.
pub(crate) type ResultsRef<'a> = Option<&'a ResultsConfig>;

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn recovers_the_written_decimal_from_the_parsers_float() {
        assert_eq!(exact_decimal(12.4), Some(d("12.4")));
        assert_eq!(exact_decimal(0.1), Some(d("0.1")));
        assert_eq!(exact_decimal(1431.7), Some(d("1431.7")));
        assert_eq!(exact_decimal(100.0), Some(d("100")));
        assert_eq!(exact_decimal(1e12), Some(d("1000000000000")));
        assert_eq!(exact_decimal(0.000_001), Some(d("0.000001")));
        assert_eq!(
            exact_decimal(123_456_789_012.345),
            Some(d("123456789012.345"))
        );
    }

    #[test]
    fn refuses_figures_with_more_digits_than_survive_the_round_trip() {
        // 0.1 + 0.2 in binary: its shortest text has 17 significant digits.
        assert_eq!(exact_decimal(0.1 + 0.2), None);
        assert_eq!(exact_decimal(1_234_567_890.123_456), None);
        assert_eq!(exact_decimal(f64::NAN), None);
    }
}
