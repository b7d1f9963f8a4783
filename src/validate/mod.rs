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

use std::sync::Arc;
pub mod text;

use chrono::NaiveDate;

use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::load::yaml::{Text, span_pos};
use crate::load::{RawPartner, RawSite, S};
use crate::memo::{Memos, PartnerKeys};
use crate::messages::{Arg, Args, ids};
use crate::model::{Decimal, Language, Partner, ResultsConfig, Site};
use crate::routes::{RoutePlan, WrittenLink};
use crate::theme::Theme;

pub use links::Html;
pub use partner::{OneValidated, is_slug};
pub use site::base_url_option;

/// Validates the whole site. `None` only when `site.yaml` itself is unusable.
///
/// The partners as validated, with what was found in their folders, are taken from
/// `memos.validated` when `keys.all` (everything they are made from: `site.yaml` as read and
/// each partner folder's stamp, [`PartnerKeys`]) is an earlier build's; else each partner
/// folder from `memos.one_partner` when its own key is.
pub fn validate(
    raw: RawSite,
    diags: &mut Diagnostics,
    memos: &Memos,
    keys: &PartnerKeys,
) -> Option<Site> {
    let config = raw
        .config
        .as_ref()
        .and_then(|c| site::validate_config(c, diags));
    let languages = (config.as_ref()).map_or_else(|| vec![Language::Nb], |c| c.languages.clone());
    let results = config.as_ref().map(|c| c.results);
    let validated = memos.validated.pass().get_or_make(
        || keys.all,
        || {
            let one = memos.one_partner.pass();
            let validated = |partner: Arc<RawPartner>| {
                let key = keys.of("one validated partner", &partner.slug);
                one.get_or_make(
                    || key,
                    || Arc::new(validate_one_partner(partner, results.as_ref(), &languages)),
                )
            };
            Arc::new(validate_partners(raw.partners, validated))
        },
    );
    let (partners, found) = &*validated;
    diags.extend(found.clone());
    let partners = partners.clone();
    let pages = content::validate_pages(raw.pages, &languages, &memos.depths.pass(), diags);
    languages::check_page_translations(&pages, diags);
    Some(Site {
        config: config?,
        partners,
        pages,
        assets: raw.assets,
    })
}

/// Every partner folder's rules (`validated` gives each folder's, in parallel), then the one
/// across partners: the partners, in load's order, and everything found.
fn validate_partners(
    raw: Vec<Arc<RawPartner>>,
    validated: impl Fn(Arc<RawPartner>) -> Arc<partner::OneValidated> + Send + Sync,
) -> (Vec<Partner>, Diagnostics) {
    use rayon::prelude::*;
    let ones: Vec<_> = raw.into_par_iter().map(validated).collect();
    let mut found = Diagnostics::new();
    partner::check_org_numbers(ones.iter().map(|one| &**one), &mut found);
    let partners = (ones.iter())
        .filter_map(|one| {
            found.extend(one.found.clone());
            one.partner.clone()
        })
        .collect();
    (partners, found)
}

/// One partner folder's rules, its logo, story images and translations with them.
fn validate_one_partner(
    raw: Arc<RawPartner>,
    results: Option<&ResultsConfig>,
    languages: &[Language],
) -> partner::OneValidated {
    let mut found = Diagnostics::new();
    let logo = picture::validate_logo(&raw, &mut found);
    let images = picture::validate_story_images(&raw, &mut found);
    let mut one = partner::validate_one(raw, results);
    one.found.extend(found);
    if let Some(partner) = &mut one.partner {
        partner.logo = logo;
        partner.images = images;
        // Words in a language the site does not publish are never shown.
        partner
            .translations
            .retain(|t| languages.iter().skip(1).any(|l| *l == t.language));
        languages::check_partner_translations(std::slice::from_ref(partner), &mut one.found);
    }
    one
}

/// Rules for the route plan, before anything is rendered: no two outputs in one place
/// (`routes.rs`), and every page's `template:` in the theme (`content.rs`).
pub fn validate_plan(site: &Site, plan: &RoutePlan, theme: &Theme, diags: &mut Diagnostics) {
    routes::check_collisions(plan, diags);
    let has_template = |name: &str| theme.has_template(name);
    content::check_templates(site, plan, &has_template, &site.config.theme, diags);
}

/// Rules for links, once the pages are made: every internal link of a content page (`links`),
/// a partner's story (`stories`, from [`story::written_links`]), `menu` and `footer_menu`
/// leads to a route of the plan, and every `#fragment` to an id of its page (`links.rs`).
/// `html` gives a made page's HTML by its output path.
pub fn validate_links(
    site: &Site,
    plan: &RoutePlan,
    links: &[WrittenLink],
    stories: &[WrittenLink],
    html: Html,
    diags: &mut Diagnostics,
) {
    links::check_menus(plan, &site.config, html, diags);
    links::check_links(plan, links, html, diags);
    links::check_links(plan, stories, html, diags);
    languages::check_links_across_languages(plan, links, diags);
    languages::check_links_across_languages(plan, stories, diags);
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

    /// One value of each kind the checker reads, as YAML gives it.
    #[derive(serde::Deserialize)]
    struct Values {
        date: S<Text>,
        year: S<i64>,
        amount: S<f64>,
        status: S<String>,
    }

    /// A problem found: its message id, line and column.
    type Found = (Option<&'static str>, u32, u32);

    /// What `read` gets from the checker for `yaml`, and the problems (id, line, column), the
    /// YAML being line 3 of its file.
    fn checked<T>(yaml: &str, read: impl FnOnce(&mut Checker, &Values) -> T) -> (T, Vec<Found>) {
        let mut diags = Diagnostics::new();
        let values: Values =
            crate::load::yaml::parse("v.yaml", yaml, 0, &mut diags).expect("parses");
        let mut c = Checker {
            rel: "v.yaml",
            diags: &mut diags,
            line_offset: 2,
        };
        let got = read(&mut c, &values);
        let found = (diags.sorted().iter())
            .map(|d| (d.code(), d.line, d.column))
            .collect();
        (got, found)
    }

    fn values(date: &str, year: &str, amount: &str) -> String {
        format!("date: {date}\nyear: {year}\namount: {amount}\nstatus: in_place\n")
    }

    #[test]
    fn reads_dates_and_years_from_1990_to_2100_and_words_the_rest_at_the_value() {
        for (year, expected) in [("1990", Some(1990)), ("2100", Some(2100))] {
            let (got, found) = checked(&values("2024-02-29", year, "1"), |c, v| {
                (c.date(&v.date, "date"), c.year(&v.year, "year"))
            });
            assert_eq!(found, []);
            assert_eq!(got.0.map(|d| d.to_string()).as_deref(), Some("2024-02-29"));
            assert_eq!(got.1, expected);
        }
        for year in ["1989", "2101", "24"] {
            let (got, found) = checked(&values("2023-02-29", year, "1"), |c, v| {
                (c.date(&v.date, "date"), c.year(&v.year, "year"))
            });
            assert_eq!(got, (None, None), "{year}");
            assert_eq!(
                found,
                [
                    (Some(ids::INVALID_DATE), 3, 7),
                    (Some(ids::IMPLAUSIBLE_YEAR), 4, 7)
                ]
            );
        }
    }

    #[test]
    fn an_amount_is_a_finite_figure_from_0_to_a_million_million_with_at_most_15_digits() {
        for (amount, expected) in [
            ("0", "0"),
            ("12.4", "12.4"),
            ("1e12", "1000000000000"),
            ("123456789012.345", "123456789012.345"),
        ] {
            let (got, found) = checked(&values("2024-01-01", "2024", amount), |c, v| {
                c.amount(&v.amount, "scope1")
            });
            assert_eq!(found, [], "{amount}");
            assert_eq!(got, Some(d(expected)), "{amount}");
        }
        for (amount, id) in [
            (".nan", ids::NOT_A_NUMBER),
            (".inf", ids::NOT_A_NUMBER),
            ("-0.5", ids::NEGATIVE_FIGURE),
            ("1.000001e12", ids::IMPLAUSIBLY_LARGE),
            ("0.30000000000000004", ids::TOO_MANY_DIGITS),
        ] {
            let (got, found) = checked(&values("2024-01-01", "2024", amount), |c, v| {
                c.amount(&v.amount, "scope1")
            });
            assert_eq!(got, None, "{amount}");
            assert_eq!(found, [(Some(id), 5, 9)], "{amount}");
        }
    }

    #[test]
    fn a_choice_is_one_of_its_names_and_a_typo_gets_the_nearest() {
        let table = crate::model::Status::ALL;
        let (got, found) = checked(&values("2024-01-01", "2024", "1"), |c, v| {
            c.choice(&v.status, &table, "status")
        });
        assert_eq!((got, found), (Some(crate::model::Status::InPlace), vec![]));
        let yaml = values("2024-01-01", "2024", "1").replace("in_place", "inplace");
        let mut diags = Diagnostics::new();
        let v: Values = crate::load::yaml::parse("v.yaml", &yaml, 0, &mut diags).expect("parses");
        let mut c = Checker {
            rel: "v.yaml",
            diags: &mut diags,
            line_offset: 0,
        };
        assert_eq!(c.choice(&v.status, &table, "status"), None);
        let list = diags.sorted();
        assert_eq!(list[0].code(), Some(ids::UNKNOWN_NAME));
        assert_eq!(list[0].help.as_deref(), Some("did you mean `in_place`?"));
    }

    const PNG: &[u8] = b"\x89PNG\r\n\x1a\nrest";

    /// A site of `languages` with the partner `alfa` (a logo, a story with an image and
    /// summaries in English and bokmål) and the pages `files`, validated.
    fn validated(languages: &str, files: &[(&str, &str)]) -> (Option<Site>, Diagnostics) {
        use crate::load::{PictureFile, RawPartner, story::RawStoryImage};
        let mut diags = Diagnostics::new();
        let config = format!(
            "title: T\nbase_url: https://example.org\nresults: {{ reporting_year: 2024, as_of: 2025-06-16 }}\nfee_tiers:\n  - {{ fee_nok: 50000 }}\nlanguages: {languages}\n"
        );
        let profile = "name: Alfa AS\norg_number: \"912345688\"\nsector: F\nemployees: 5\nlogo: logo.png\nsummary_en: In English.\nsummary_nb: På bokmål.\n";
        let alfa = RawPartner {
            slug: "alfa".into(),
            profile: crate::load::yaml::parse("p.yaml", profile, 0, &mut diags),
            emissions: None,
            profile_text: Some(profile.into()),
            emissions_text: None,
            story: Some("![Tak](tak.png)\n\n[Mer](/nope/)\n".into()),
            stories: Vec::new(),
            logo: Some(PictureFile::Read(PNG.to_vec())),
            images: vec![RawStoryImage {
                name: "tak.png".into(),
                at: Pos::new(1, 1),
                file: PictureFile::Read(PNG.to_vec()),
            }],
        };
        let raw = RawSite {
            config: crate::load::yaml::parse("site.yaml", &config, 0, &mut diags),
            partners: vec![Arc::new(alfa)],
            pages: (files.iter())
                .map(|(rel, text)| crate::load::split_page(rel.to_string(), text, &mut diags))
                .collect(),
            assets: Vec::new(),
            stamps: Default::default(),
        };
        let site = validate(raw, &mut diags, &Memos::off(), &PartnerKeys::default());
        (site, diags)
    }

    #[test]
    fn a_partner_gets_its_logo_images_and_only_the_words_of_the_sites_other_languages() {
        let (site, diags) = validated("[nb, en]", &[]);
        let list = diags.sorted();
        assert!(list.is_empty(), "{list:?}");
        let site = site.unwrap();
        let alfa = &site.partners[0];
        assert_eq!(
            alfa.logo.as_ref().map(|l| l.file_name.as_str()),
            Some("logo.png")
        );
        let images: Vec<&str> = alfa.images.iter().map(|i| i.file_name.as_str()).collect();
        assert_eq!(images, ["tak.png"]);
        let languages: Vec<Language> = alfa.translations.iter().map(|t| t.language).collect();
        assert_eq!(languages, [Language::En]);
        let (site, _) = validated("[nb]", &[]);
        assert!(site.unwrap().partners[0].translations.is_empty());
        let (site, _) = validated("[en, nb]", &[]);
        let languages: Vec<Language> = (site.unwrap().partners[0].translations.iter())
            .map(|t| t.language)
            .collect();
        assert_eq!(languages, [Language::Nb]);
    }

    /// The site `validated` gives with `files`, its plan and the embedded theme, for `check`.
    fn with_plan(files: &[(&str, &str)], check: impl FnOnce(&Site, &RoutePlan, &Theme)) {
        let (site, diags) = validated("[nb]", files);
        let list = diags.sorted();
        assert!(list.iter().all(|d| !d.is_error()), "{list:?}");
        let site = site.unwrap();
        let plan = crate::routes::plan_of(&site);
        let empty = tempfile::tempdir().expect("a temporary folder");
        let mut theme_diags = Diagnostics::new();
        let theme = crate::theme::load_theme(
            empty.path(),
            "nfk",
            &[Language::Nb],
            &mut theme_diags,
            &crate::memo::Memos::off(),
        )
        .expect("the embedded theme");
        check(&site, &plan, &theme);
    }

    #[test]
    fn the_plan_is_checked_for_templates_the_theme_lacks() {
        let files = [("content/a.md", "---\ntitle: A\ntemplate: mangler\n---\n")];
        with_plan(&files, |site, plan, theme| {
            let mut diags = Diagnostics::new();
            validate_plan(site, plan, theme, &mut diags);
            let found: Vec<_> = (diags.sorted().iter())
                .map(|d| (d.path.clone(), d.line, d.code()))
                .collect();
            assert_eq!(
                found,
                [(
                    "content/a.md".to_string(),
                    3,
                    Some(ids::PAGE_TEMPLATE_NOT_FOUND)
                )]
            );
        });
    }

    #[test]
    fn the_links_of_pages_and_of_stories_are_checked() {
        let files = [("content/a.md", "---\ntitle: A\n---\n[x](/nope/)\n")];
        with_plan(&files, |site, plan, _| {
            let links = [WrittenLink {
                source: "content/a.md".into(),
                page_url: "/a/".into(),
                url: "/nope/".into(),
                at: Pos::new(4, 1),
            }];
            let mut diags = Diagnostics::new();
            let stories = story::written_links(site, plan);
            validate_links(site, plan, &links, &stories, &|_| None, &mut diags);
            let found: Vec<_> = (diags.sorted().into_iter())
                .map(|d| (d.path.clone(), d.line, d.is_error()))
                .collect();
            assert_eq!(
                found,
                [
                    ("content/a.md".to_string(), 4, true),
                    ("partners/alfa/story.md".to_string(), 3, true)
                ]
            );
        });
    }
}
