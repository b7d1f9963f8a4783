//! Rules for `site.yaml` (SPEC §2), and for `--base-url`, which stands in for its `base_url`.

use chrono::{Datelike, NaiveDate};

use super::Checker;
use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::load::S;
use crate::load::raw::{RawAccessibility, RawFeeTier, RawMenuItem, RawSiteConfig};
use crate::load::yaml::span_pos;
use crate::messages::{Args, ids};
use crate::model::{
    Accessibility, FeeTier, MenuItem, Requirements, ResultsConfig, SiteConfig, Summit,
};

pub fn validate_config(raw: &RawSiteConfig, diags: &mut Diagnostics) -> Option<SiteConfig> {
    let mut c = Checker {
        rel: "site.yaml",
        diags,
        line_offset: 0,
    };
    let errors_before = c.diags.error_count();

    if raw.title.value.trim().is_empty() {
        c.error_msg(&raw.title, ids::SITE_TITLE_EMPTY, vec![]);
    }
    let base_url = base_url(&mut c, &raw.base_url);
    let languages = super::languages::site_languages(&mut c, raw);
    let theme = match &raw.theme {
        Some(t) if !is_name(&t.value) => {
            c.error_msg(
                t,
                ids::SITE_THEME_NAME,
                vec![("name", t.value.as_str().into())],
            );
            None
        }
        Some(t) => Some(t.value.clone()),
        None => Some("nfk".to_string()),
    };
    let results = results(&mut c, &raw.results);
    let summit = raw.summit.as_ref().and_then(|s| {
        Some(Summit {
            title: s.title.clone(),
            date: c.date(&s.date, "summit.date")?,
        })
    });
    let requirements = requirements(&mut c, raw);
    let fee_tiers = fee_tiers(&mut c, &raw.fee_tiers);
    let menu = menu_items(&mut c, &raw.menu, "menu");
    let footer_menu = menu_items(&mut c, &raw.footer_menu, "footer_menu");
    let translations = (languages.as_deref())
        .map(|l| super::languages::site_translations(&mut c, raw, l, menu_items))
        .unwrap_or_default();
    let accessibility = raw
        .accessibility
        .as_ref()
        .map(|a| accessibility(&mut c, &a.value));

    if c.diags.error_count() > errors_before {
        return None;
    }
    Some(SiteConfig {
        title: raw.title.value.trim().to_string(),
        description: raw.description.clone().unwrap_or_default(),
        base_url: base_url?,
        language: *languages.as_ref()?.first()?,
        languages: languages?,
        translations,
        theme: theme?,
        results: results?,
        summit,
        requirements: requirements?,
        fee_tiers: fee_tiers?,
        menu,
        footer_menu,
        accessibility: accessibility.flatten(),
    })
}

/// `accessibility:`, the statement's facts: where it is published, whom to write to, and when
/// the site was last reviewed.
fn accessibility(c: &mut Checker, raw: &RawAccessibility) -> Option<Accessibility> {
    let url = raw.statement_url.value.trim();
    let url_ok = url::Url::parse(url)
        .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some());
    if !url_ok {
        let args = vec![("url", url.into())];
        c.error_msg(&raw.statement_url, ids::SITE_STATEMENT_URL, args);
    }
    let contact = raw.contact.value.trim();
    if !is_email(contact) {
        let args = vec![("contact", contact.into())];
        c.error_msg(&raw.contact, ids::SITE_CONTACT_NOT_EMAIL, args);
    }
    let last_reviewed = c.date(&raw.last_reviewed, "accessibility.last_reviewed");
    (url_ok && is_email(contact)).then_some(())?;
    Some(Accessibility {
        statement_url: url.to_string(),
        contact: contact.to_string(),
        last_reviewed: last_reviewed?,
    })
}

/// The shape of an address a `mailto:` link can use: `name@domain.tld`, no spaces or `<>`.
/// Not a full RFC 5322 parser: the address is only shown and linked, never sent to.
fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let plain = |part: &str| {
        !part.is_empty()
            && !part
                .chars()
                .any(|ch| ch.is_whitespace() || ch.is_control() || "<>()[],;:\\\"@".contains(ch))
    };
    plain(local)
        && plain(domain)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
}

/// The items of `menu` or `footer_menu` (`key`): internal (`/…`) or http(s) links.
fn menu_items(c: &mut Checker, items: &[RawMenuItem], key: &str) -> Vec<MenuItem> {
    items
        .iter()
        .filter_map(|item| {
            let url = item.url.value.trim();
            if url.starts_with('/') || url.starts_with("https://") || url.starts_with("http://") {
                Some(MenuItem {
                    title: item.title.clone(),
                    url: url.to_string(),
                })
            } else {
                let args = vec![
                    ("key", key.into()),
                    ("url", url.into()),
                    ("path", url.trim_start_matches("./").into()),
                ];
                c.error_msg(&item.url, ids::SITE_MENU_URL, args);
                None
            }
        })
        .collect()
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// An absolute http(s) URL, normalised to end with `/`.
pub(super) fn base_url(c: &mut Checker, value: &S<String>) -> Option<String> {
    let text = value.value.trim();
    normalise_base_url(text)
        .map_err(|problem| {
            let args = problem.args("base_url ", text, "`https://naeringforklima.no/`");
            c.error_msg(value, problem.id(), args);
        })
        .ok()
}

/// `--base-url`, which replaces `base_url` of site.yaml: the same rule, reported at the option.
pub fn base_url_option(given: &str, diags: &mut Diagnostics) -> Option<String> {
    normalise_base_url(given.trim())
        .map_err(|problem| {
            let args = problem.args("", given, "--base-url https://naeringforklima.no/");
            diags.push(Diagnostic::error_msg(
                "--base-url",
                Pos::FILE,
                problem.id(),
                args,
            ));
        })
        .ok()
}

/// Why a text cannot be the address the site is published at.
enum BaseUrlProblem {
    NotAbsolute,
    /// `?…` or `#…`: every URL of the site would carry it in the middle (`…?x=1/partnere/`).
    QueryOrFragment,
    /// `user:password@`: it would be published in the sitemap and the feed.
    Credentials,
}

impl BaseUrlProblem {
    fn id(&self) -> &'static str {
        match self {
            Self::NotAbsolute => ids::SITE_BASE_URL_NOT_ABSOLUTE,
            Self::QueryOrFragment => ids::SITE_BASE_URL_QUERY,
            Self::Credentials => ids::SITE_BASE_URL_CREDENTIALS,
        }
    }

    /// `key` prefixes the message (`base_url `, or nothing for the option).
    fn args(&self, key: &str, given: &str, example: &str) -> Args {
        // The credentials message does not show the URL: it holds a password, and the output
        // may end up in a CI log.
        let given = match self {
            Self::Credentials => "",
            _ => given,
        };
        vec![
            ("key", key.into()),
            ("given", given.into()),
            ("example", example.into()),
        ]
    }
}

fn normalise_base_url(text: &str) -> Result<String, BaseUrlProblem> {
    let url = url::Url::parse(text).map_err(|_| BaseUrlProblem::NotAbsolute)?;
    if !matches!(url.scheme(), "http" | "https") || url.host().is_none() {
        return Err(BaseUrlProblem::NotAbsolute);
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(BaseUrlProblem::Credentials);
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(BaseUrlProblem::QueryOrFragment);
    }
    let mut s = url.to_string();
    if !s.ends_with('/') {
        s.push('/');
    }
    Ok(s)
}

fn results(c: &mut Checker, raw: &S<crate::load::raw::RawResultsConfig>) -> Option<ResultsConfig> {
    let r = &raw.value;
    let reporting_year = c.year(&r.reporting_year, "reporting_year");
    let compare_year = match &r.compare_year {
        Some(y) => c.year(y, "compare_year"),
        None => reporting_year.map(|y| y - 1),
    };
    let as_of = c.date(&r.as_of, "as_of");
    let (reporting_year, compare_year, as_of) = (reporting_year?, compare_year?, as_of?);
    if compare_year >= reporting_year {
        let at = r
            .compare_year
            .as_ref()
            .map_or_else(|| span_pos(raw), span_pos);
        let args = vec![
            ("compare", compare_year.to_string().into()),
            ("reporting", reporting_year.to_string().into()),
        ];
        c.diags.push(Diagnostic::error_msg(
            c.rel,
            at,
            ids::SITE_COMPARE_YEAR_ORDER,
            args,
        ));
        return None;
    }
    if as_of.year() <= reporting_year {
        let args = vec![
            ("as_of", as_of.to_string().into()),
            ("reporting", reporting_year.to_string().into()),
        ];
        c.warning_msg(&r.as_of, ids::SITE_AS_OF_INSIDE_YEAR, args);
    }
    Some(ResultsConfig {
        reporting_year,
        compare_year,
        as_of,
    })
}

fn requirements(c: &mut Checker, raw: &RawSiteConfig) -> Option<Requirements> {
    let Some(r) = &raw.requirements else {
        // The partner model's deadlines as NFK set them; a network without deadlines keeps these.
        return Some(Requirements {
            first_by: NaiveDate::from_ymd_opt(2022, 12, 31)?,
            full_by: NaiveDate::from_ymd_opt(2025, 12, 31)?,
        });
    };
    let first_by = c.date(&r.first.by, "requirements.first.by");
    let full_by = c.date(&r.full.by, "requirements.full.by");
    let (first_by, full_by) = (first_by?, full_by?);
    if full_by < first_by {
        let args = vec![
            ("full", full_by.to_string().into()),
            ("first", first_by.to_string().into()),
        ];
        c.error_msg(&r.full.by, ids::SITE_REQUIREMENTS_ORDER, args);
        return None;
    }
    Some(Requirements { first_by, full_by })
}

fn fee_tiers(c: &mut Checker, raw: &S<Vec<RawFeeTier>>) -> Option<Vec<FeeTier>> {
    if raw.value.is_empty() {
        c.error_msg(raw, ids::SITE_FEE_TIERS_EMPTY, vec![]);
        return None;
    }
    let last = raw.value.len() - 1;
    let mut tiers = Vec::new();
    let mut previous_max: Option<i64> = None;
    let mut ok = true;
    for (i, tier) in raw.value.iter().enumerate() {
        let fee = tier.fee_nok.value;
        if !(0..=10_000_000).contains(&fee) {
            c.error_msg(
                &tier.fee_nok,
                ids::SITE_FEE_OUT_OF_RANGE,
                vec![("fee", fee.into())],
            );
            ok = false;
        }
        match (&tier.max_employees, i == last) {
            (Some(max), true) => {
                c.error_msg(max, ids::SITE_LAST_TIER_HAS_MAX, vec![]);
                ok = false;
            }
            (None, false) => {
                c.error_msg(&tier.fee_nok, ids::SITE_TIER_WITHOUT_MAX, vec![]);
                ok = false;
            }
            (Some(max), false) => {
                if max.value < 0 || previous_max.is_some_and(|p| max.value <= p) {
                    let args = vec![("max", max.value.into())];
                    c.error_msg(max, ids::SITE_TIER_ORDER, args);
                    ok = false;
                }
                previous_max = Some(max.value);
            }
            (None, true) => {}
        }
        tiers.push(FeeTier {
            max_employees: tier
                .max_employees
                .as_ref()
                .map(|m| m.value.clamp(0, u32::MAX as i64) as u32),
            fee_nok: fee.clamp(0, u32::MAX as i64) as u32,
        });
    }
    ok.then_some(tiers)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::yaml;

    const GOOD: &str = "title: T\nbase_url: https://example.org\nresults: { reporting_year: 2024, as_of: 2025-06-16 }\nfee_tiers:\n  - { max_employees: 19, fee_nok: 10000 }\n  - { fee_nok: 50000 }\n";

    fn check(text: &str) -> (Option<SiteConfig>, Vec<crate::diagnostics::Diagnostic>) {
        let mut diags = Diagnostics::new();
        let raw: RawSiteConfig = yaml::parse("site.yaml", text, 0, &mut diags).expect("parses");
        let config = validate_config(&raw, &mut diags);
        (config, diags.sorted())
    }

    #[test]
    fn accepts_a_minimal_config_with_defaults() {
        let (config, diags) = check(GOOD);
        assert!(diags.is_empty(), "{diags:?}");
        let config = config.unwrap();
        assert_eq!(config.base_url, "https://example.org/");
        assert_eq!(config.results.compare_year, 2023);
        assert_eq!(config.language, crate::model::Language::Nb);
        assert_eq!(config.theme, "nfk");
    }

    #[test]
    fn rejects_a_base_url_without_scheme() {
        let (config, diags) = check(&GOOD.replace("https://example.org", "example.org"));
        assert!(config.is_none());
        assert_eq!((diags[0].line, diags[0].column), (2, 11));
    }

    #[test]
    fn rejects_a_base_url_option_that_is_not_absolute_and_normalises_one_that_is() {
        let mut diags = Diagnostics::new();
        assert_eq!(
            base_url_option("https://example.org/nfk", &mut diags).as_deref(),
            Some("https://example.org/nfk/")
        );
        assert!(diags.is_empty());
        assert_eq!(base_url_option("example.org", &mut diags), None);
        assert_eq!(diags.sorted()[0].path, "--base-url");
    }

    #[test]
    fn rejects_a_base_url_with_a_query_fragment_or_password_at_its_position() {
        for (url, message) in [
            (
                "https://example.org/?utm=1",
                "base_url `https://example.org/?utm=1` has a `?` query or a `#` fragment",
            ),
            (
                "https://example.org/nfk#top",
                "base_url `https://example.org/nfk#top` has a `?` query or a `#` fragment",
            ),
            (
                "https://ola:hemmelig@example.org/",
                "base_url holds a user name or password (`user:password@`)",
            ),
        ] {
            let (config, diags) = check(&GOOD.replace("https://example.org", url));
            assert!(config.is_none(), "{url}");
            assert_eq!(diags.len(), 1, "{url}: {diags:?}");
            assert_eq!((diags[0].line, diags[0].column), (2, 11), "{url}");
            assert_eq!(diags[0].message, message);
            assert!(!diags[0].message.contains("hemmelig"));
            let mut option = Diagnostics::new();
            assert_eq!(base_url_option(url, &mut option), None, "{url}");
            assert_eq!(option.sorted()[0].path, "--base-url");
        }
    }

    #[test]
    fn rejects_compare_year_not_before_reporting_year() {
        let (_, diags) = check(&GOOD.replace(
            "reporting_year: 2024,",
            "reporting_year: 2024, compare_year: 2024,",
        ));
        assert!(diags[0].message.contains("must come before"), "{diags:?}");
    }

    #[test]
    fn rejects_a_bad_as_of_date() {
        let (_, diags) = check(&GOOD.replace("2025-06-16", "2025-13-01"));
        assert!(diags[0].message.contains("not a valid date"));
    }

    #[test]
    fn rejects_an_unknown_language_with_suggestion() {
        let (_, diags) = check(&format!("{GOOD}language: nn\n"));
        assert_eq!(diags[0].message, "unknown language `nn`");
    }

    #[test]
    fn rejects_fee_tiers_out_of_order() {
        let text = GOOD.replace(
            "  - { fee_nok: 50000 }",
            "  - { max_employees: 10, fee_nok: 20000 }\n  - { fee_nok: 50000 }",
        );
        let (_, diags) = check(&text);
        assert!(diags[0].message.contains("above the previous"), "{diags:?}");
    }

    #[test]
    fn rejects_a_last_fee_tier_with_a_maximum() {
        let (_, diags) = check(&GOOD.replace(
            "{ fee_nok: 50000 }",
            "{ max_employees: 900, fee_nok: 50000 }",
        ));
        assert!(diags[0].message.contains("last fee tier"));
    }

    #[test]
    fn reads_footer_links_like_menu_links() {
        let (config, diags) = check(&format!(
            "{GOOD}footer_menu: [ {{ title: Personvern, url: /personvern/ }}, {{ title: B, url: personvern }} ]\n"
        ));
        assert!(config.is_none());
        assert_eq!(diags.len(), 1);
        assert!(diags[0].message.starts_with("footer_menu url `personvern`"));
        let (config, _) = check(&format!(
            "{GOOD}footer_menu: [ {{ title: Personvern, url: /personvern/ }} ]\n"
        ));
        assert_eq!(config.unwrap().footer_menu[0].url, "/personvern/");
    }

    #[test]
    fn rejects_a_menu_url_that_is_neither_internal_nor_http() {
        let (_, diags) = check(&format!("{GOOD}menu: [ {{ title: A, url: partnere/ }} ]\n"));
        assert_eq!(
            diags[0].help.as_deref(),
            Some("for a page of this site write `/partnere/`")
        );
    }

    #[test]
    fn reads_the_accessibility_statements_facts() {
        let (config, diags) = check(&format!(
            "{GOOD}accessibility: {{ statement_url: https://uustatus.no/nb/erklaringer/publisert/abc, contact: a11y@example.org, last_reviewed: 2025-05-20 }}\n"
        ));
        assert!(diags.is_empty(), "{diags:?}");
        let a = config.unwrap().accessibility.unwrap();
        assert_eq!(a.contact, "a11y@example.org");
        assert_eq!(a.last_reviewed.to_string(), "2025-05-20");
    }

    #[test]
    fn rejects_accessibility_facts_that_are_not_a_url_an_address_and_a_date() {
        let (config, diags) = check(&format!(
            "{GOOD}accessibility:\n  statement_url: uustatus.no/abc\n  contact: tilgjengelighet at example.org\n  last_reviewed: 2025-02-30\n"
        ));
        assert!(config.is_none());
        let found: Vec<(u32, &str)> = diags.iter().map(|d| (d.line, d.message.as_str())).collect();
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(
            found[0].1.contains("statement_url `uustatus.no/abc`"),
            "{found:?}"
        );
        assert!(found[1].1.contains("not an e-mail address"), "{found:?}");
        assert!(found[2].1.contains("not a valid date"), "{found:?}");
        assert_eq!((found[0].0, found[1].0, found[2].0), (8, 9, 10));
    }

    #[test]
    fn tells_an_email_address_from_other_text() {
        for good in ["a@b.no", "post.mottak+uu@example.org"] {
            assert!(is_email(good), "{good}");
        }
        for bad in [
            "", "a@b", "@b.no", "a@.no", "a b@c.no", "a@b.no.", "<a@b.no>", "a@b@c.no",
        ] {
            assert!(!is_email(bad), "{bad}");
        }
    }

    #[test]
    fn warns_when_as_of_is_inside_the_reporting_year() {
        let (config, diags) = check(&GOOD.replace("2025-06-16", "2024-06-16"));
        assert!(config.is_some());
        assert!(!diags[0].is_error());
    }

    /// The message, position and help of the one diagnostic of `text` (the one place a test
    /// reads a diagnostic's words).
    fn only_problem(text: &str) -> (String, (u32, u32), Option<String>) {
        let (config, diags) = check(text);
        assert!(config.is_none(), "{text}");
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(diags[0].is_error());
        let d = &diags[0];
        (d.message.clone(), (d.line, d.column), d.help.clone())
    }

    #[test]
    fn a_theme_is_named_by_lowercase_letters_digits_dashes_and_underscores() {
        let (config, diags) = check(&format!("{GOOD}theme: mitt-tema_2\n"));
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(config.map(|c| c.theme).as_deref(), Some("mitt-tema_2"));
        for name in ["Mitt", "a.b", "'a b'", "''"] {
            let (message, at, _) = only_problem(&format!("{GOOD}theme: {name}\n"));
            assert!(message.starts_with("theme name `"), "{name}: {message}");
            assert_eq!(at, (7, 8), "{name}");
        }
    }

    #[test]
    fn a_base_url_must_be_http_with_a_host_and_no_user_and_says_how_to_fix_it() {
        let (message, at, help) =
            only_problem(&GOOD.replace("https://example.org", "ftp://example.org"));
        assert_eq!(
            message,
            "base_url `ftp://example.org` is not an absolute http(s) URL"
        );
        assert_eq!(at, (2, 11));
        assert_eq!(help.as_deref(), Some("e.g. `https://naeringforklima.no/`"));
        let (message, _, help) =
            only_problem(&GOOD.replace("https://example.org", "https://ola@example.org"));
        assert_eq!(
            message,
            "base_url holds a user name or password (`user:password@`)"
        );
        assert_eq!(
            help.as_deref(),
            Some(
                "give only the scheme, host and folder the site is published at, e.g. `https://naeringforklima.no/`"
            )
        );
    }

    #[test]
    fn a_menu_may_link_to_plain_http_and_a_relative_link_is_told_its_internal_form() {
        let (config, diags) = check(&format!(
            "{GOOD}menu: [ {{ title: A, url: 'http://example.org/' }} ]\n"
        ));
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(config.unwrap().menu[0].url, "http://example.org/");
        let (message, _, help) =
            only_problem(&format!("{GOOD}menu: [ {{ title: A, url: ./om/ }} ]\n"));
        assert_eq!(
            message,
            "menu url `./om/` must start with `/` or http(s)://"
        );
        assert_eq!(
            help.as_deref(),
            Some("for a page of this site write `/om/`")
        );
    }

    #[test]
    fn an_accessibility_statement_must_be_at_an_http_address() {
        let (message, _, _) = only_problem(&format!(
            "{GOOD}accessibility: {{ statement_url: 'ftp://uustatus.no/abc', contact: a11y@example.org, last_reviewed: 2025-05-20 }}\n"
        ));
        assert_eq!(
            message,
            "accessibility.statement_url `ftp://uustatus.no/abc` is not an absolute http(s) URL"
        );
    }

    #[test]
    fn the_full_requirement_may_fall_due_with_the_first_but_not_before_it() {
        let requirements = |first: &str, full: &str| {
            format!("{GOOD}requirements: {{ first: {{ by: {first} }}, full: {{ by: {full} }} }}\n")
        };
        let (config, diags) = check(&requirements("2023-12-31", "2023-12-31"));
        assert!(diags.is_empty(), "{diags:?}");
        assert!(config.is_some());
        let (message, at, _) = only_problem(&requirements("2023-12-31", "2023-12-30"));
        assert_eq!(
            message,
            "the full requirement (2023-12-30) is due before the first (2023-12-31)"
        );
        assert_eq!(at.0, 7);
    }

    #[test]
    fn a_first_fee_tier_may_end_at_zero_employees_but_not_below() {
        let tiers = |max: &str| GOOD.replace("max_employees: 19", &format!("max_employees: {max}"));
        let (config, diags) = check(&tiers("0"));
        assert!(diags.is_empty(), "{diags:?}");
        assert_eq!(config.unwrap().fee_tiers[0].max_employees, Some(0));
        let (message, at, _) = only_problem(&tiers("-1"));
        assert_eq!(
            message,
            "max_employees -1 must be above the previous tier's"
        );
        assert_eq!(at.0, 5);
    }
}
