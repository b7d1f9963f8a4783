//! The shape of every URL nfk makes: the one place that knows `/partnere/<slug>/`,
//! `/data/results.json` or that page 2 of `/nyheter/` is `/nyheter/side/2/`.
//!
//! URLs here are root-relative and without the base path (`/partnere/alfa/`); render puts the
//! base path in front ([`crate::render::view::internal`]). Nothing here looks at the site: these
//! are pure functions of names, so the plan ([`super::plan`]), validation and render agree.

use crate::aggregate::Progress;
use crate::messages::ids;
use crate::model::Language;

/// The front page.
pub const FRONT_PAGE: &str = "/";
/// Every partner, with logo, sector and principles at a glance.
pub const PARTNER_LIST: &str = "/partnere/";
/// The summit results (SPEC §8) with every network chart.
pub const RESULTS: &str = "/resultater/";
/// The site's methodology page (`content/metode.md`), linked from the results page's "Om
/// tallene" when the site has it.
pub const METHODOLOGY: &str = "/metode/";
/// The glossary of the theme's terms (scope 2, CO₂e, basisår…), each at its `#id`.
pub const GLOSSARY: &str = "/ordliste/";
/// The summit presentation (SPEC §12): every slide on one page.
pub const SUMMIT: &str = "/toppmote/";
/// The site search (SPEC §13): `/sok/?q=…`; without JavaScript it lists the partners.
pub const SEARCH: &str = "/sok/";
pub const NOT_FOUND: &str = "/404.html";
pub const RESULTS_JSON: &str = "/data/results.json";
pub const PARTNERS_CSV: &str = "/data/partners.csv";
pub const EMISSIONS_CSV: &str = "/data/emissions.csv";
pub const SITEMAP: &str = "/sitemap.xml";
pub const FEED: &str = "/atom.xml";
pub const ROBOTS: &str = "/robots.txt";

/// URL prefixes that belong to nfk's own pages: a content page there would be overwritten by, or
/// overwrite, a partner, sector or results page, or the open data. By prefix, not only the
/// outputs of today: a page at `/partnere/ny/` would clash with the next partner called `ny`.
/// Editors' own slides (`content/toppmote/*.md`) are the exception: see [`summit_slide`].
pub const RESERVED: [(&str, &str); 7] = [
    ("/partnere/", ids::OWNER_PARTNER_PAGES),
    ("/sektor/", ids::OWNER_SECTOR_PAGES),
    ("/resultater/", ids::KIND_RESULTS),
    ("/data/", ids::OWNER_OPEN_DATA),
    ("/toppmote/", ids::KIND_SUMMIT),
    ("/sok/", ids::KIND_SEARCH),
    ("/pagefind/", ids::OWNER_SEARCH_INDEX),
];

/// Content pages per page of a section's listing (docs/decisions.md, "Pagination").
pub const PER_PAGE: usize = 10;

/// The reserved prefix `url` falls under, with what it belongs to (a word of the catalogue).
pub fn reserved(url: &str) -> Option<(&'static str, &'static str)> {
    RESERVED
        .iter()
        .find(|(prefix, _)| url.starts_with(prefix))
        .copied()
}

/// `url` in the edition of `language`: the default language's pages are at their URL, another
/// language's under `/<code>/` (`/en/partnere/alfa/`, SPEC §11). Paths keep their Norwegian
/// segments in every language (docs/decisions.md, "URLs of the English edition").
pub fn in_language(url: &str, language: Language, default: Language) -> String {
    if language == default {
        url.to_string()
    } else {
        format!("/{}{url}", language.code())
    }
}

/// The language a root-relative URL belongs to, and the URL without its language prefix:
/// `/en/partnere/` → (`en`, `/partnere/`) when English is one of `languages` but not the first.
pub fn split_language<'u>(url: &'u str, languages: &[Language]) -> (Language, &'u str) {
    let default = languages.first().copied().unwrap_or(Language::Nb);
    for language in languages.iter().skip(1) {
        let prefix = format!("/{}", language.code());
        if let Some(rest) = url.strip_prefix(&prefix)
            && (rest.is_empty() || rest.starts_with('/'))
        {
            return (*language, if rest.is_empty() { "/" } else { rest });
        }
    }
    (default, url)
}

/// An editor's own slide: a page directly in `content/toppmote/` (`/toppmote/velkommen/`) is not
/// a page of its own but a slide of the presentation; gives its name (`velkommen`).
pub fn summit_slide(url: &str) -> Option<&str> {
    let name = url.strip_prefix(SUMMIT)?.strip_suffix('/')?;
    (!name.is_empty() && !name.contains('/')).then_some(name)
}

/// The `id` of an editor's slide in the presentation, apart from the ids of nfk's own slides.
pub fn summit_slide_id(name: &str) -> String {
    format!("lysbilde-{name}")
}

pub fn partner(slug: &str) -> String {
    format!("/partnere/{slug}/")
}

/// The principles' keys with their URL segment in the lists `/partnere/prinsipp/<segment>/`
/// (Norwegian, as the site: docs/decisions.md, "Partner lists").
pub const PRINCIPLE_LISTS: [(&str, &str); 4] = [
    ("accounting_and_targets", "klimaregnskap-og-mal"),
    ("supplier_requirements", "klimakrav-til-leverandorer"),
    ("strategy", "strategi"),
    ("certification", "miljosertifisering"),
];

/// Main-target statuses with their URL segment in the lists `/partnere/malstatus/<segment>/`.
pub const TARGET_STATUS_LISTS: [(Progress, &str); 6] = [
    (Progress::Achieved, "nadd"),
    (Progress::OnTrack, "i-rute"),
    (Progress::OffTrack, "ikke-i-rute"),
    (Progress::Missed, "ikke-nadd"),
    (Progress::NotStarted, "ikke-startet"),
    (Progress::NoData, "mangler-data"),
];

/// The partners that meet a principle (its key, `strategy`): `/partnere/prinsipp/strategi/`.
pub fn principle_list(key: &str) -> String {
    let segment = (PRINCIPLE_LISTS.iter())
        .find(|(k, _)| *k == key)
        .map_or(key, |(_, segment)| segment);
    format!("/partnere/prinsipp/{segment}/")
}

/// The partners that pay a fee: `/partnere/avgift/10000/`.
pub fn fee_tier_list(fee_nok: u32) -> String {
    format!("/partnere/avgift/{fee_nok}/")
}

/// The partners whose main target has a status: `/partnere/malstatus/i-rute/`.
pub fn target_status_list(status: Progress) -> String {
    let segment = (TARGET_STATUS_LISTS.iter())
        .find(|(p, _)| *p == status)
        .map_or("", |(_, segment)| segment);
    format!("/partnere/malstatus/{segment}/")
}

/// SN2007 section `F` → `/sektor/f/` (lowercase: docs/decisions.md, "Sector URLs").
pub fn sector(code: char) -> String {
    format!("/sektor/{}/", code.to_ascii_lowercase())
}

/// Whose chart a chart file is: it sits next to the page that shows it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ChartOwner {
    /// The network's charts (front page, results page, `{{ chart(…) }}`): `/grafer/<name>.svg`.
    Network,
    /// A partner's charts: `/partnere/<slug>/<name>.svg`.
    Partner(String),
}

pub fn chart(owner: &ChartOwner, name: &str) -> String {
    match owner {
        ChartOwner::Network => format!("/grafer/{name}.svg"),
        ChartOwner::Partner(slug) => format!("/partnere/{slug}/{name}.svg"),
    }
}

/// A chart as a PNG file, next to its `.svg`: `/grafer/<name>.png`, `/partnere/<slug>/<name>.png`.
pub fn chart_png(owner: &ChartOwner, name: &str) -> String {
    match owner {
        ChartOwner::Network => format!("/grafer/{name}.png"),
        ChartOwner::Partner(slug) => format!("/partnere/{slug}/{name}.png"),
    }
}

/// The share image (`og:image`) of a page that has one, next to it: `/partnere/<slug>/del.png`,
/// `/resultater/del.png` (SPEC §7).
pub fn share_image(page_url: &str) -> String {
    format!("{page_url}del.png")
}

/// A partner's logo, next to the partner's page: `/partnere/<slug>/<file>`.
pub fn logo(slug: &str, file_name: &str) -> String {
    format!("/partnere/{slug}/{file_name}")
}

/// An image a partner's story shows, in its own folder next to the partner's page (so it never
/// collides with a chart or the logo): `/partnere/<slug>/bilder/<file>`. The story's HTML points
/// there (`render::markdown::STORY_IMAGE_FOLDER`).
pub fn story_image(slug: &str, file_name: &str) -> String {
    format!(
        "/partnere/{slug}/{}/{file_name}",
        crate::render::markdown::STORY_IMAGE_FOLDER
    )
}

/// A file of the theme's `static/` folder (`fonts/Inter-Bold.woff2`) → `/static/fonts/…`.
pub fn theme_file(path: &str) -> String {
    format!("/static/{path}")
}

/// A file of `content/` that is not Markdown (`bilder/a.png`) is published where it lies.
pub fn asset(path: &str) -> String {
    format!("/{path}")
}

/// `content/a/b.md` → `/a/b/`; `content/a/_index.md` → `/a/` (a section); a `slug` replaces the
/// last part. The `bool` says whether the page is a section.
pub fn page(rel: &str, slug: Option<&str>) -> (String, bool) {
    let inner = rel.strip_prefix("content/").unwrap_or(rel);
    let inner = inner.strip_suffix(".md").unwrap_or(inner);
    let mut parts: Vec<&str> = inner.split('/').collect();
    let is_section = parts.last() == Some(&"_index");
    if is_section {
        parts.pop();
    }
    if let (Some(slug), false) = (slug, is_section) {
        parts.pop();
        parts.push(slug);
    }
    let path = parts.join("/");
    let url = if path.is_empty() {
        FRONT_PAGE.to_string()
    } else {
        format!("/{path}/")
    };
    (url, is_section)
}

/// Page `number` (from 1) of a section's listing: `/nyheter/`, `/nyheter/side/2/`, …
pub fn section_page(section_url: &str, number: usize) -> String {
    if number <= 1 {
        section_url.to_string()
    } else {
        format!("{section_url}side/{number}/")
    }
}

/// How many listing pages a section of `items` pages has (at least one, even when empty).
pub fn page_count(items: usize) -> usize {
    items.div_ceil(PER_PAGE).max(1)
}

/// `/a/b/` → `/a/`; `/a/` → `/`: the section a page is listed in.
pub fn parent(url: &str) -> String {
    let trimmed = url.trim_end_matches('/');
    match trimmed.rfind('/') {
        Some(i) => trimmed[..=i].to_string(),
        None => FRONT_PAGE.to_string(),
    }
}

/// The file a URL is written to: `/` → `index.html`, `/a/b/` → `a/b/index.html`,
/// `/404.html` → `404.html`.
pub fn output_path(url: &str) -> String {
    let trimmed = url.trim_start_matches('/');
    if trimmed.is_empty() {
        "index.html".into()
    } else if trimmed.ends_with('/') {
        format!("{trimmed}index.html")
    } else {
        trimmed.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_urls_to_files() {
        assert_eq!(output_path("/"), "index.html");
        assert_eq!(output_path("/nyheter/a/"), "nyheter/a/index.html");
        assert_eq!(output_path("/404.html"), "404.html");
    }

    #[test]
    fn maps_content_paths_to_urls() {
        assert_eq!(page("content/_index.md", None), ("/".into(), true));
        assert_eq!(
            page("content/nyheter/_index.md", None),
            ("/nyheter/".into(), true)
        );
        assert_eq!(
            page("content/nyheter/a.md", None),
            ("/nyheter/a/".into(), false)
        );
        assert_eq!(
            page("content/nyheter/a.md", Some("b")),
            ("/nyheter/b/".into(), false)
        );
    }

    #[test]
    fn finds_parents() {
        assert_eq!(parent("/nyheter/a/"), "/nyheter/");
        assert_eq!(parent("/nyheter/"), "/");
        assert_eq!(parent("/a/b/c/"), "/a/b/");
    }

    #[test]
    fn counts_listing_pages() {
        assert_eq!(page_count(0), 1);
        assert_eq!(page_count(10), 1);
        assert_eq!(page_count(11), 2);
        assert_eq!(section_page("/nyheter/", 1), "/nyheter/");
        assert_eq!(section_page("/nyheter/", 2), "/nyheter/side/2/");
    }

    #[test]
    fn reserves_the_prefixes_of_generated_pages() {
        assert_eq!(reserved("/partnere/ny/").map(|r| r.0), Some("/partnere/"));
        assert_eq!(reserved("/data/"), Some(("/data/", ids::OWNER_OPEN_DATA)));
        assert_eq!(reserved("/om/"), None);
        assert_eq!(reserved("/toppmote/").map(|r| r.0), Some("/toppmote/"));
    }

    #[test]
    fn takes_only_pages_directly_in_the_summit_folder_as_slides() {
        assert_eq!(summit_slide("/toppmote/velkommen/"), Some("velkommen"));
        assert_eq!(summit_slide("/toppmote/"), None);
        assert_eq!(summit_slide("/toppmote/a/b/"), None);
        assert_eq!(summit_slide("/om/"), None);
    }

    #[test]
    fn puts_the_other_languages_under_their_code_and_takes_it_off_again() {
        use Language::{En, Nb};
        assert_eq!(in_language("/partnere/alfa/", Nb, Nb), "/partnere/alfa/");
        assert_eq!(in_language("/partnere/alfa/", En, Nb), "/en/partnere/alfa/");
        assert_eq!(in_language("/", En, Nb), "/en/");
        assert_eq!(
            split_language("/en/partnere/", &[Nb, En]),
            (En, "/partnere/")
        );
        assert_eq!(split_language("/en/", &[Nb, En]), (En, "/"));
        assert_eq!(split_language("/en", &[Nb, En]), (En, "/"));
        // `/energi/` is no English page, and a site without English has no `/en/`.
        assert_eq!(split_language("/energi/", &[Nb, En]), (Nb, "/energi/"));
        assert_eq!(split_language("/en/x/", &[Nb]), (Nb, "/en/x/"));
    }

    #[test]
    fn puts_chart_files_next_to_their_page() {
        assert_eq!(
            chart(&ChartOwner::Network, "by-sector"),
            "/grafer/by-sector.svg"
        );
        assert_eq!(
            chart(&ChartOwner::Partner("alfa".into()), "by-year"),
            "/partnere/alfa/by-year.svg"
        );
        assert_eq!(
            chart_png(&ChartOwner::Partner("alfa".into()), "by-year"),
            "/partnere/alfa/by-year.png"
        );
        assert_eq!(share_image(&partner("alfa")), "/partnere/alfa/del.png");
        assert_eq!(share_image(RESULTS), "/resultater/del.png");
    }
}
