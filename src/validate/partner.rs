//! Rules for `partners/<slug>/profile.yaml` (SPEC §3), and across partners (unique org numbers).
//! Each partner's files are also read for control and invisible characters (`text.rs`), and its
//! story checked (`story.rs`).

use std::collections::BTreeMap;
use std::sync::Arc;

use super::{Checker, ResultsRef, emissions, story, text};
use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::load::RawPartner;
use crate::load::raw::{RawPrinciple, RawProfile};
use crate::load::yaml::span_pos;
use crate::messages::{Arg, ids};
use crate::model::{
    Certificate, Language, Partner, PartnerTranslation, Principle, Principles, Scheme, Status,
};

/// Long enough for any real company name ("… og Bygningsvedlikehold AS" is ~60), short enough
/// that a pasted paragraph is caught.
const MAX_NAME_CHARS: usize = 150;
const MAX_EMPLOYEES: f64 = 10_000_000.0;

/// One partner folder as validated on its own: every rule but the one across partners.
#[derive(Debug, Clone)]
pub struct OneValidated {
    /// `None` when its profile is missing or breaks a rule.
    pub partner: Option<Partner>,
    /// What its folder's rules found.
    pub found: Diagnostics,
    /// Its org number's digits, where its profile gives a valid one, with the file and place.
    pub org_number: Option<(String, String, Pos)>,
}

/// The rules of one partner folder (`profile.yaml`, `emissions.yaml`, its stories).
pub fn validate_one(partner: Arc<RawPartner>, results: ResultsRef) -> OneValidated {
    let mut diags = Diagnostics::new();
    // Its own copy only when the memo keeps the one read (`nfk serve`).
    let partner = Arc::unwrap_or_clone(partner);
    let rel = format!("partners/{}/profile.yaml", partner.slug);
    if !is_slug(&partner.slug) {
        diags.push(Diagnostic::error_msg(
            &format!("partners/{}", partner.slug),
            Pos::FILE,
            ids::PARTNER_FOLDER_NOT_A_SLUG,
            vec![
                ("slug", partner.slug.as_str().into()),
                ("suggestion", slugify(&partner.slug).into()),
            ],
        ));
    }
    let emissions_rel = format!("partners/{}/emissions.yaml", partner.slug);
    for (rel, source) in [
        (&rel, &partner.profile_text),
        (&emissions_rel, &partner.emissions_text),
    ] {
        if let Some(source) = source {
            text::check_yaml(rel, source, &mut diags);
        }
    }
    if let Some(story) = &partner.story {
        story::check_story(&partner.slug, "story.md", story, &mut diags);
    }
    for (language, story) in &partner.stories {
        let file = format!("story.{}.md", language.code());
        story::check_story(&partner.slug, &file, story, &mut diags);
    }
    let Some(profile) = &partner.profile else {
        return OneValidated {
            partner: None,
            found: diags,
            org_number: None,
        };
    };
    let org_number = normalised_org_number(&profile.org_number.value.0)
        .map(|digits| (digits, rel.clone(), span_pos(&profile.org_number)));
    let emissions = partner
        .emissions
        .as_ref()
        .and_then(|e| emissions::validate_emissions(e, &emissions_rel, results, &mut diags));
    let mut c = Checker {
        rel: &rel,
        diags: &mut diags,
        line_offset: 0,
    };
    let validated = validate_profile(&partner.slug, profile, &mut c).map(|mut p| {
        p.emissions = emissions;
        p.story = partner.story;
        p.translations = translations(profile, partner.stories);
        p
    });
    OneValidated {
        partner: validated,
        found: diags,
        org_number,
    }
}

/// No two partners with one org number: the second (in `ones`' order) is the error, pointing
/// at the first.
pub fn check_org_numbers<'a>(
    ones: impl IntoIterator<Item = &'a OneValidated>,
    diags: &mut Diagnostics,
) {
    // org number → (file, position) of the first partner that has it
    let mut seen: BTreeMap<&str, (&str, Pos)> = BTreeMap::new();
    for (digits, rel, here) in ones.into_iter().filter_map(|o| o.org_number.as_ref()) {
        if let Some((first_rel, first_at)) = seen.get(digits.as_str()) {
            diags.push(Diagnostic::error_msg(
                rel,
                *here,
                ids::ORG_NUMBER_TAKEN,
                vec![
                    ("digits", digits.as_str().into()),
                    ("first", (*first_rel).into()),
                    ("line", first_at.line.into()),
                ],
            ));
        } else {
            seen.insert(digits, (rel, *here));
        }
    }
}

pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn slugify(s: &str) -> String {
    let mut out = String::new();
    for ch in s.to_lowercase().chars() {
        let mapped = match ch {
            'æ' => "ae".to_string(),
            'ø' => "o".to_string(),
            'å' => "a".to_string(),
            c if c.is_ascii_alphanumeric() => c.to_string(),
            _ => "-".to_string(),
        };
        out.push_str(&mapped);
    }
    let collapsed: Vec<&str> = out.split('-').filter(|p| !p.is_empty()).collect();
    collapsed.join("-")
}

fn validate_profile(slug: &str, raw: &RawProfile, c: &mut Checker) -> Option<Partner> {
    let errors_before = c.diags.error_count();
    let name = raw.name.value.trim().to_string();
    if name.is_empty() {
        c.error_msg(&raw.name, ids::NAME_NOT_FILLED_IN, vec![]);
    } else if name.chars().count() > MAX_NAME_CHARS {
        let args = vec![
            ("length", name.chars().count().into()),
            ("max", MAX_NAME_CHARS.into()),
        ];
        c.error_msg(&raw.name, ids::NAME_TOO_LONG, args);
    }
    let org_number = normalised_org_number(&raw.org_number.value.0);
    let written = raw.org_number_unquoted.as_deref().unwrap_or_default();
    if written.starts_with('0') && written.chars().all(|c| c.is_ascii_digit()) {
        // YAML read the digits as a number and dropped the leading zero.
        let args = vec![
            ("written", written.into()),
            ("number", raw.org_number.value.0.as_str().into()),
        ];
        c.error_msg(&raw.org_number, ids::ORG_NUMBER_NEEDS_QUOTES, args);
    } else if org_number.is_none() && raw.org_number.value.0.trim().is_empty() {
        c.error_msg(&raw.org_number, ids::ORG_NUMBER_NOT_FILLED_IN, vec![]);
    } else if org_number.is_none() {
        let given = &raw.org_number.value.0;
        let args = vec![("given", given.into())];
        let d = c.error_msg(&raw.org_number, ids::ORG_NUMBER_INVALID, args);
        if given.chars().filter(char::is_ascii_digit).count() == 9 {
            d.help_msg(ids::ORG_NUMBER_CHECK_DIGIT_HELP);
        }
    }
    let sector = sector(c, raw);
    let employees = employees(c, raw);
    let website = raw.website.as_ref().and_then(|w| {
        let text = w.value.trim();
        match url::Url::parse(text) {
            Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => {
                Some(text.to_string())
            }
            _ => {
                let args = vec![
                    ("text", text.into()),
                    ("host", text.trim_start_matches("www.").into()),
                ];
                let d = c.error_msg(w, ids::WEBSITE_NOT_HTTP, args);
                if text.contains(':') {
                    d.help_msg(ids::WEBSITE_SCHEME_HELP);
                }
                None
            }
        }
    });
    let partner_since = raw
        .partner_since
        .as_ref()
        .and_then(|d| c.date(d, "partner_since"));
    let principles = principles(c, raw);
    if c.diags.error_count() > errors_before {
        return None;
    }
    Some(Partner {
        slug: slug.to_string(),
        name,
        org_number: org_number?,
        sector: sector?,
        employees: employees?,
        website,
        partner_since,
        summary: raw
            .summary
            .as_ref()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty()),
        logo: None,
        draft: raw.draft,
        principles,
        emissions: None,
        story: None,
        translations: Vec::new(),
        images: Vec::new(),
    })
}

/// The summaries and stories a partner gives in other languages (`summary_en:`,
/// `story.en.md`), whichever languages the site has: `validate` keeps the site's.
fn translations(profile: &RawProfile, stories: Vec<(Language, String)>) -> Vec<PartnerTranslation> {
    let clean = |s: &Option<String>| {
        (s.as_ref())
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    let mut out: Vec<PartnerTranslation> = [
        (Language::En, clean(&profile.summary_en)),
        (Language::Nb, clean(&profile.summary_nb)),
    ]
    .into_iter()
    .filter_map(|(language, summary)| {
        summary.map(|s| PartnerTranslation {
            language,
            summary: Some(s),
            story: None,
        })
    })
    .collect();
    for (language, story) in stories {
        match out.iter_mut().find(|t| t.language == language) {
            Some(t) => t.story = Some(story),
            None => out.push(PartnerTranslation {
                language,
                summary: None,
                story: Some(story),
            }),
        }
    }
    out
}

/// Nine digits (spaces allowed) whose mod-11 check digit is right; `None` otherwise.
pub fn normalised_org_number(given: &str) -> Option<String> {
    let digits: String = given
        .chars()
        .filter(|c| *c != ' ' && *c != '\u{a0}')
        .collect();
    org_number_is_valid(&digits).then_some(digits)
}

/// Brønnøysundregistrene's modulus-11 check with weights 3, 2, 7, 6, 5, 4, 3, 2.
pub fn org_number_is_valid(digits: &str) -> bool {
    const WEIGHTS: [u32; 8] = [3, 2, 7, 6, 5, 4, 3, 2];
    let d: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
    if d.len() != 9 || digits.len() != 9 {
        return false;
    }
    let sum: u32 = WEIGHTS.iter().zip(&d).map(|(w, x)| w * x).sum();
    match 11 - sum % 11 {
        11 => d[8] == 0,
        10 => false,
        check => d[8] == check,
    }
}

fn sector(c: &mut Checker, raw: &RawProfile) -> Option<char> {
    let given = raw.sector.value.trim();
    let mut chars = given.chars();
    match (chars.next(), chars.next()) {
        (Some(ch), None) if ('A'..='U').contains(&ch) => Some(ch),
        (Some(ch), None) if ('a'..='u').contains(&ch) => {
            let args = vec![
                ("given", given.into()),
                ("upper", ch.to_ascii_uppercase().to_string().into()),
            ];
            c.error_msg(&raw.sector, ids::SECTOR_LOWERCASE, args);
            None
        }
        (None, _) => {
            c.error_msg(&raw.sector, ids::SECTOR_NOT_FILLED_IN, vec![]);
            None
        }
        _ => {
            c.error_msg(
                &raw.sector,
                ids::SECTOR_UNKNOWN,
                vec![("given", given.into())],
            );
            None
        }
    }
}

fn employees(c: &mut Checker, raw: &RawProfile) -> Option<u32> {
    let Some(v) = raw.employees.value else {
        c.error_msg(&raw.employees, ids::EMPLOYEES_NOT_FILLED_IN, vec![]);
        return None;
    };
    if !v.is_finite() || v < 0.0 || v.fract() != 0.0 || v > MAX_EMPLOYEES {
        let args = vec![("value", v.to_string().into())];
        c.error_msg(&raw.employees, ids::EMPLOYEES_NOT_WHOLE, args);
        return None;
    }
    Some(v as u32)
}

fn principles(c: &mut Checker, raw: &RawProfile) -> Principles {
    let Some(p) = &raw.principles else {
        return Principles::default();
    };
    let principle = |c: &mut Checker, raw: &Option<RawPrinciple>| {
        let raw = raw.as_ref()?;
        let status = c.choice(&raw.status, &Status::ALL, "status");
        let since = raw.since.as_ref().and_then(|y| c.year(y, "since"));
        Some(Principle {
            status: status?,
            since,
            note: raw.note.clone(),
        })
    };
    let supplier_requirements = principle(c, &p.supplier_requirements);
    let strategy = principle(c, &p.strategy);
    let certificates = p
        .certification
        .iter()
        .flat_map(|cert| &cert.certificates)
        .filter_map(|raw| {
            let scheme = c.choice(&raw.scheme, &Scheme::ALL, Arg::word(ids::WHAT_SCHEME));
            let valid_until = c.date(&raw.valid_until, "valid_until");
            Some(Certificate {
                scheme: scheme?,
                id: raw.id.as_ref().map(|t| t.0.clone()),
                valid_until: valid_until?,
            })
        })
        .collect();
    Principles {
        supplier_requirements,
        strategy,
        certificates,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::yaml;

    /// Every partner folder's rules, then the one across partners, as `validate` runs them.
    fn validate_partners(
        raw: Vec<Arc<RawPartner>>,
        results: ResultsRef,
        diags: &mut Diagnostics,
    ) -> Vec<Partner> {
        let ones: Vec<OneValidated> = (raw.into_iter())
            .map(|partner| validate_one(partner, results))
            .collect();
        check_org_numbers(&ones, diags);
        (ones.into_iter())
            .filter_map(|one| {
                diags.extend(one.found);
                one.partner
            })
            .collect()
    }

    const GOOD: &str =
        "name: Eksempel Bygg AS\norg_number: \"912345688\"\nsector: F\nemployees: 240\n";

    fn check(text: &str) -> (Option<Partner>, Vec<Diagnostic>) {
        let mut diags = Diagnostics::new();
        let raw: RawProfile = yaml::parse("p.yaml", text, 0, &mut diags).expect("parses");
        let partner = validate_profile(
            "eksempel",
            &raw,
            &mut Checker {
                rel: "p.yaml",
                diags: &mut diags,
                line_offset: 0,
            },
        );
        (partner, diags.sorted())
    }

    fn first_message(text: &str) -> String {
        let (_, diags) = check(text);
        diags.first().map(|d| d.message.clone()).unwrap_or_default()
    }

    #[test]
    fn accepts_the_spec_example() {
        let (partner, diags) = check(GOOD);
        assert!(diags.is_empty(), "{diags:?}");
        let p = partner.unwrap();
        assert_eq!(
            (p.org_number.as_str(), p.sector, p.employees),
            ("912345688", 'F', 240)
        );
    }

    #[test]
    fn checks_org_number_modulus_11() {
        assert!(org_number_is_valid("912345688"));
        assert!(!org_number_is_valid("912345687"));
        assert!(!org_number_is_valid("12345688"));
        assert!(!org_number_is_valid("9123456880"));
        assert!(first_message(&GOOD.replace("912345688", "912345687")).contains("not a valid"));
    }

    #[test]
    fn accepts_org_number_with_spaces_or_unquoted() {
        assert_eq!(
            normalised_org_number("912 345 688").as_deref(),
            Some("912345688")
        );
        let (partner, _) = check(&GOOD.replace("\"912345688\"", "912345688"));
        assert_eq!(partner.unwrap().org_number, "912345688");
    }

    #[test]
    fn rejects_duplicate_org_numbers_across_partners() {
        let raw = |slug: &str| {
            let mut d = Diagnostics::new();
            RawPartner {
                slug: slug.into(),
                profile: yaml::parse("p.yaml", GOOD, 0, &mut d),
                emissions: None,
                profile_text: Some(GOOD.to_string()),
                emissions_text: None,
                story: None,
                stories: Vec::new(),
                logo: None,
                images: Vec::new(),
            }
        };
        let mut diags = Diagnostics::new();
        let partners = validate_partners(vec![raw("a").into(), raw("b").into()], None, &mut diags);
        assert_eq!(partners.len(), 2);
        let d = &diags.sorted()[0];
        assert_eq!(d.path, "partners/b/profile.yaml");
        assert!(
            d.message
                .contains("already used by partners/a/profile.yaml")
        );
    }

    #[test]
    fn rejects_sector_outside_a_to_u() {
        assert!(first_message(&GOOD.replace("sector: F", "sector: V")).contains("not an SN2007"));
        assert!(first_message(&GOOD.replace("sector: F", "sector: f")).contains("capital"));
    }

    #[test]
    fn rejects_fractional_or_negative_employees() {
        assert!(first_message(&GOOD.replace("240", "24.5")).contains("whole number"));
        assert!(first_message(&GOOD.replace("240", "-3")).contains("whole number"));
    }

    #[test]
    fn rejects_website_without_http() {
        let text = format!("{GOOD}website: www.example.no\n");
        let (_, diags) = check(&text);
        assert_eq!(
            diags[0].help.as_deref(),
            Some("write the full address, e.g. `https://example.no`")
        );
    }

    #[test]
    fn rejects_bad_dates_statuses_and_schemes_all_at_once() {
        let text = format!(
            "{GOOD}partner_since: 2022-02-30\nprinciples:\n  strategy: {{ status: inplace }}\n  certification:\n    certificates:\n      - {{ scheme: iso1400, valid_until: 2026-01-01 }}\n"
        );
        let (partner, diags) = check(&text);
        assert!(partner.is_none());
        let messages: Vec<_> = diags.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "partner_since `2022-02-30` is not a valid date",
                "unknown status `inplace`",
                "unknown certification scheme `iso1400`"
            ]
        );
        assert_eq!(diags[1].help.as_deref(), Some("did you mean `in_place`?"));
    }

    #[test]
    fn rejects_an_overlong_name() {
        let text = GOOD.replace("Eksempel Bygg AS", &"x".repeat(5000));
        assert!(first_message(&text).contains("limit is 150"));
    }

    #[test]
    fn validates_slugs() {
        assert!(is_slug("eksempel-bygg-2"));
        assert!(!is_slug("Eksempel_Bygg"));
        assert_eq!(slugify("Ørsta Bygg AS"), "orsta-bygg-as");
    }

    /// The ids (and help ids) of the problems of a profile: `GOOD` with `from` replaced by `to`.
    fn codes(from: &str, to: &str) -> Vec<(Option<&'static str>, Option<&'static str>)> {
        let (partner, diags) = check(&GOOD.replace(from, to));
        assert_eq!(partner.is_none(), diags.iter().any(Diagnostic::is_error));
        (diags.iter())
            .map(|d| (d.code(), d.catalogued.as_ref().and_then(|c| c.help)))
            .collect()
    }

    #[test]
    fn a_name_of_150_characters_is_accepted_and_one_more_is_too_long() {
        let name = "Å".repeat(150);
        assert_eq!(codes("Eksempel Bygg AS", &name), []);
        let (p, _) = check(&GOOD.replace("Eksempel Bygg AS", &name));
        assert_eq!(p.unwrap().name, name);
        let longer = format!("{name}x");
        assert_eq!(
            codes("Eksempel Bygg AS", &longer),
            [(Some(ids::NAME_TOO_LONG), None)]
        );
        assert_eq!(
            codes("Eksempel Bygg AS", "\"  \""),
            [(Some(ids::NAME_NOT_FILLED_IN), None)]
        );
    }

    #[test]
    fn each_mistake_in_an_org_number_has_its_own_message() {
        // YAML reads `org_number: 012345674` as the number 12345674; load keeps what was written.
        let text = GOOD.replace("\"912345688\"", "012345674");
        let mut diags = Diagnostics::new();
        let mut raw: RawProfile = yaml::parse("p.yaml", &text, 0, &mut diags).expect("parses");
        raw.org_number_unquoted = Some("012345674".into());
        let mut c = Checker {
            rel: "p.yaml",
            diags: &mut diags,
            line_offset: 0,
        };
        assert!(validate_profile("eksempel", &raw, &mut c).is_none());
        let found: Vec<_> = (diags.sorted().iter()).map(Diagnostic::code).collect();
        assert_eq!(found, [Some(ids::ORG_NUMBER_NEEDS_QUOTES)]);
        assert_eq!(
            codes("\"912345688\"", "\" \""),
            [(Some(ids::ORG_NUMBER_NOT_FILLED_IN), None)]
        );
        // Nine digits with a wrong check digit: the help says what to look for.
        assert_eq!(
            codes("912345688", "912345687"),
            [(
                Some(ids::ORG_NUMBER_INVALID),
                Some(ids::ORG_NUMBER_CHECK_DIGIT_HELP)
            )]
        );
        assert_eq!(
            codes("912345688", "91234568"),
            [(Some(ids::ORG_NUMBER_INVALID), None)]
        );
        assert_eq!(codes("\"912345688\"", "\"012345674\""), []);
    }

    #[test]
    fn the_check_digit_follows_modulus_11_including_0_and_the_impossible_10() {
        // The weighted sum of 10000004 is 1·3 + 4·2 = 11, remainder 0: the check digit is 0.
        assert!(org_number_is_valid("100000040"));
        assert!(!org_number_is_valid("100000041"));
        // That of 12345670 is 122, remainder 1: the check digit would be 10, which no digit is.
        for last in '0'..='9' {
            assert!(!org_number_is_valid(&format!("12345670{last}")));
        }
        assert!(org_number_is_valid("100000067"));
        assert!(!org_number_is_valid("100000066"));
        // Nine digits in ten characters is no org number.
        assert!(!org_number_is_valid("91234-5688"));
        assert_eq!(
            normalised_org_number("912\u{a0}345\u{a0}688").as_deref(),
            Some("912345688")
        );
        assert_eq!(normalised_org_number("912-345-688"), None);
    }

    #[test]
    fn a_sector_is_one_capital_letter_from_a_to_u() {
        for letter in ["A", "U"] {
            let (p, diags) = check(&GOOD.replace("sector: F", &format!("sector: {letter}")));
            assert!(diags.is_empty(), "{diags:?}");
            assert_eq!(p.unwrap().sector.to_string(), letter);
        }
        for (given, id) in [
            ("\"\"", ids::SECTOR_NOT_FILLED_IN),
            ("u", ids::SECTOR_LOWERCASE),
            ("V", ids::SECTOR_UNKNOWN),
            ("FF", ids::SECTOR_UNKNOWN),
            ("v", ids::SECTOR_UNKNOWN),
        ] {
            assert_eq!(
                codes("sector: F", &format!("sector: {given}")),
                [(Some(id), None)],
                "{given}"
            );
        }
    }

    #[test]
    fn employees_are_a_whole_number_from_0_to_ten_million() {
        for n in ["0", "10000000"] {
            let (p, diags) = check(&GOOD.replace("240", n));
            assert!(diags.is_empty(), "{n}: {diags:?}");
            assert_eq!(p.unwrap().employees.to_string(), n);
        }
        for n in ["10000001", "-1", "0.5", ".inf", ".nan", "1e300"] {
            assert_eq!(
                codes("employees: 240", &format!("employees: {n}")),
                [(Some(ids::EMPLOYEES_NOT_WHOLE), None)],
                "{n}"
            );
        }
        assert_eq!(
            codes("employees: 240", "employees: ~"),
            [(Some(ids::EMPLOYEES_NOT_FILLED_IN), None)]
        );
    }

    #[test]
    fn a_website_is_an_http_or_https_address_with_a_host() {
        for site in ["https://example.no", "http://example.no/om"] {
            let (p, diags) = check(&format!("{GOOD}website: {site}\n"));
            assert!(diags.is_empty(), "{diags:?}");
            assert_eq!(p.unwrap().website.as_deref(), Some(site));
        }
        for (site, help) in [
            ("ftp://example.no", Some(ids::WEBSITE_SCHEME_HELP)),
            ("mailto:post@example.no", Some(ids::WEBSITE_SCHEME_HELP)),
            ("www.example.no", None),
        ] {
            let found = codes(
                "employees: 240\n",
                &format!("employees: 240\nwebsite: {site}\n"),
            );
            assert_eq!(found.len(), 1, "{site}: {found:?}");
            assert_eq!(found[0].0, Some(ids::WEBSITE_NOT_HTTP), "{site}");
            if help.is_some() {
                assert_eq!(found[0].1, help, "{site}");
            }
        }
    }

    #[test]
    fn reads_the_summary_principles_and_certificates() {
        let text = format!(
            "{GOOD}summary: \"  Bygg.  \"\npartner_since: 2021-05-01\ndraft: true\nprinciples:\n  strategy: {{ status: in_place, since: 2020 }}\n  supplier_requirements: {{ status: planned, note: Snart }}\n  certification:\n    certificates:\n      - {{ scheme: iso14001, id: \"A-1\", valid_until: 2026-01-31 }}\n"
        );
        let (p, diags) = check(&text);
        assert!(diags.is_empty(), "{diags:?}");
        let p = p.unwrap();
        assert_eq!(p.summary.as_deref(), Some("Bygg."));
        assert_eq!(
            p.partner_since.map(|d| d.to_string()).as_deref(),
            Some("2021-05-01")
        );
        assert!(p.draft);
        let strategy = p.principles.strategy.unwrap();
        assert_eq!(
            (strategy.status, strategy.since),
            (Status::InPlace, Some(2020))
        );
        let supplier = p.principles.supplier_requirements.unwrap();
        assert_eq!(
            (supplier.status, supplier.note.as_deref()),
            (Status::Planned, Some("Snart"))
        );
        let [cert] = p.principles.certificates.as_slice() else {
            panic!("{:?}", p.principles.certificates);
        };
        assert_eq!(
            (
                cert.scheme,
                cert.id.as_deref(),
                cert.valid_until.to_string()
            ),
            (Scheme::Iso14001, Some("A-1"), "2026-01-31".to_string())
        );
        let (p, _) = check(&format!("{GOOD}summary: \"   \"\n"));
        assert_eq!(p.unwrap().summary, None);
    }

    fn raw_partner(slug: &str, profile: &str) -> RawPartner {
        let mut d = Diagnostics::new();
        RawPartner {
            slug: slug.into(),
            profile: yaml::parse("p.yaml", profile, 0, &mut d),
            emissions: None,
            profile_text: Some(profile.to_string()),
            emissions_text: None,
            story: None,
            stories: Vec::new(),
            logo: None,
            images: Vec::new(),
        }
    }

    #[test]
    fn a_partner_folder_must_be_a_slug_and_the_error_suggests_one() {
        let mut diags = Diagnostics::new();
        validate_partners(vec![raw_partner("Bærum_Ås", GOOD).into()], None, &mut diags);
        let list = diags.sorted();
        let found: Vec<_> = (list.iter())
            .map(|d| (d.path.as_str(), d.line, d.code()))
            .collect();
        assert_eq!(
            found,
            [("partners/Bærum_Ås", 0, Some(ids::PARTNER_FOLDER_NOT_A_SLUG))]
        );
        let words = format!(
            "{} {}",
            list[0].message,
            list[0].help.as_deref().unwrap_or("")
        );
        assert!(words.contains("`baerum-as`"), "{words}");
        assert!(is_slug("a") && !is_slug("") && !is_slug("a b"));
        assert_eq!(slugify("  Æ  og Å, 2 AS "), "ae-og-a-2-as");
    }

    #[test]
    fn a_partner_keeps_its_story_and_its_words_in_other_languages() {
        let text = format!("{GOOD}summary_en: \" In English. \"\nsummary_nb: \"  \"\n");
        let mut raw = raw_partner("alfa", &text);
        raw.story = Some("# Historie\n".into());
        raw.stories = vec![
            (Language::En, "# Story\n".into()),
            (Language::Nb, "# Historie på bokmål\n".into()),
        ];
        let mut diags = Diagnostics::new();
        let partners = validate_partners(vec![raw.into()], None, &mut diags);
        assert!(diags.sorted().is_empty());
        let [p] = partners.as_slice() else { panic!() };
        assert_eq!(p.story.as_deref(), Some("# Historie\n"));
        let found: Vec<_> = (p.translations.iter())
            .map(|t| (t.language, t.summary.as_deref(), t.story.as_deref()))
            .collect();
        assert_eq!(
            found,
            [
                (Language::En, Some("In English."), Some("# Story\n")),
                (Language::Nb, None, Some("# Historie på bokmål\n")),
            ]
        );
    }

    #[test]
    fn a_partner_whose_stories_break_a_rule_is_told_at_each_story() {
        let mut raw = raw_partner("alfa", GOOD);
        raw.story = Some("![x](https://t.example/p.png)\n".into());
        raw.stories = vec![(Language::En, "[x](#nothing)\n".into())];
        let mut diags = Diagnostics::new();
        validate_partners(vec![raw.into()], None, &mut diags);
        let paths: Vec<String> = (diags.sorted().into_iter()).map(|d| d.path).collect();
        assert_eq!(
            paths,
            ["partners/alfa/story.en.md", "partners/alfa/story.md"]
        );
    }
}
