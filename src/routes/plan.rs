//! Making the route plan: which outputs a site has, each once. The types are in `mod.rs`.

use std::collections::{BTreeSet, HashMap};

use super::{
    ChartOwner, Group, Input, Kind, Members, PageId, PlanInput, Route, RoutePlan, WantedBy,
    default_template, page_template, urls,
};
use crate::diagnostics::Pos;
use crate::model::{Language, Page, Site};

impl RoutePlan {
    /// Every output of the site: content pages and their listings, the partners' pages, logos
    /// and charts, the network's pages, charts and open data, feeds, and static files.
    pub fn new(input: &PlanInput) -> Self {
        let site = input.site;
        let languages = &site.config.languages;
        let default = site.config.language;
        let mut b = Builder {
            routes: Vec::new(),
            language: default,
            default,
        };
        let (mut slides, pages): (Vec<PageId>, Vec<PageId>) = (site.pages.iter().enumerate())
            .filter(|(_, p)| input.drafts || !p.draft)
            .map(|(i, _)| PageId(i))
            .partition(|id| is_slide(site, &site.pages[id.0]));
        slides.sort_by(|a, b| {
            let (a, b) = (&site.pages[a.0], &site.pages[b.0]);
            a.weight.cmp(&b.weight).then_with(|| a.title.cmp(&b.title))
        });
        let sections = members(site, &pages);
        // What every language shares once: files, open data, the sitemap.
        plan_files(&mut b, input);
        plan_shared(&mut b, input);
        for &language in languages {
            b.language = language;
            let of_language = |ids: &[PageId]| -> Vec<PageId> {
                (ids.iter().copied())
                    .filter(|id| site.pages[id.0].language == language)
                    .collect()
            };
            plan_content(&mut b, site, &of_language(&pages), &sections);
            plan_partners(&mut b, input);
            plan_summit(&mut b, site, &of_language(&slides));
        }
        let mut routes = b.routes;
        routes.sort_by(|a, b| a.url.cmp(&b.url).then_with(|| a.output.cmp(&b.output)));
        let mut by_url = HashMap::with_capacity(routes.len());
        let mut by_identity: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, route) in routes.iter().enumerate() {
            by_url.entry(route.url.clone()).or_insert(i);
            if let Some(identity) = identity(site, route) {
                by_identity.entry(identity).or_default().push(i);
            }
        }
        let mut translations = HashMap::new();
        for group in by_identity.into_values().filter(|g| g.len() > 1) {
            let mut group: Vec<(Language, String)> = (group.iter())
                .map(|&i| (routes[i].language, routes[i].url.clone()))
                .collect();
            group.sort_by_key(|(l, _)| languages.iter().position(|x| x == l));
            for (_, url) in &group {
                translations.insert(url.clone(), group.clone());
            }
        }
        RoutePlan {
            routes,
            by_url,
            pages,
            slides,
            sections,
            translations,
        }
    }
}

/// What makes two pages of different languages the same page: a content page's original (and
/// its listing page's number), or for nfk's own pages their URL without the language.
fn identity(site: &Site, route: &Route) -> Option<String> {
    let bare = || {
        urls::split_language(&route.url, &site.config.languages)
            .1
            .to_string()
    };
    match &route.kind {
        Kind::Page { page } => Some(format!("{}#1", site.pages[page.0].original)),
        Kind::Section { page, number, .. } => {
            Some(format!("{}#{number}", site.pages[page.0].original))
        }
        kind if kind.is_page() || matches!(kind, Kind::NotFound) => Some(bare()),
        _ => None,
    }
}

struct Builder {
    routes: Vec<Route>,
    /// The language of the routes being planned, and the site's default.
    language: Language,
    default: Language,
}

impl Builder {
    /// One of nfk's own outputs, at `url` in the language being planned (`/en/…` for English
    /// on a Norwegian site).
    fn add(&mut self, url: String, kind: Kind, made_from: Vec<Input>, wanted_by: WantedBy) {
        let template = default_template(&kind).map(str::to_string);
        let url = urls::in_language(&url, self.language, self.default);
        self.push(url, kind, template, made_from, wanted_by);
    }

    /// An output that every language shares, at `url` as it is, planned once.
    fn add_shared(&mut self, url: String, kind: Kind, made_from: Vec<Input>, wanted_by: WantedBy) {
        let language = std::mem::replace(&mut self.language, self.default);
        self.add(url, kind, made_from, wanted_by);
        self.language = language;
    }

    fn push(
        &mut self,
        url: String,
        kind: Kind,
        template: Option<String>,
        made_from: Vec<Input>,
        wanted_by: WantedBy,
    ) {
        self.routes.push(Route {
            output: urls::output_path(&url),
            url,
            kind,
            language: self.language,
            template,
            made_from,
            wanted_by,
        });
    }
}

/// An editor's slide of the summit (`content/toppmote/<name>.md`): shown by the presentation,
/// never a page of its own.
fn is_slide(site: &Site, page: &Page) -> bool {
    let bare = urls::split_language(&page.url, &site.config.languages).1;
    !page.is_section && urls::summit_slide(bare).is_some()
}

/// The presentation: made from the network's figures and the editors' slides.
fn plan_summit(b: &mut Builder, site: &Site, slides: &[PageId]) {
    let mut made_from = vec![Input::Network];
    made_from.extend((slides.iter()).map(|id| Input::File(site.pages[id.0].source.clone())));
    b.add(urls::SUMMIT.into(), Kind::Summit, made_from, WantedBy::Nfk);
}

/// Whether `page`'s body may call a shortcode, which shows the network's figures, charts or
/// partners: what the page shows then depends on every partner.
fn shows_figures(page: &Page) -> bool {
    crate::render::shortcodes::may_call(&page.body)
}

/// Who wants a page's URL: its `slug:` line, or the file itself.
fn page_wanted_by(page: &Page) -> WantedBy {
    WantedBy::File {
        path: page.source.clone(),
        pos: page.url_at,
    }
}

/// Groups the visible pages by the section they are listed in, once for the whole site.
fn members(site: &Site, pages: &[PageId]) -> Vec<(PageId, Members)> {
    let page = |id: &PageId| &site.pages[id.0];
    let mut by_parent: HashMap<String, Members> = HashMap::new();
    let front = |id: &PageId| {
        urls::split_language(&page(id).url, &site.config.languages).1 == urls::FRONT_PAGE
    };
    for id in pages.iter().filter(|id| !front(id)) {
        let group = by_parent.entry(urls::parent(&page(id).url)).or_default();
        if page(id).is_section {
            group.subsections.push(*id);
        } else {
            group.pages.push(*id);
        }
    }
    for group in by_parent.values_mut() {
        group.pages.sort_by(|a, b| {
            let (a, b) = (page(a), page(b));
            b.date
                .cmp(&a.date)
                .then(a.weight.cmp(&b.weight))
                .then_with(|| a.title.cmp(&b.title))
        });
    }
    pages
        .iter()
        .filter(|id| page(id).is_section && !front(id))
        .map(|id| {
            let members = by_parent.remove(&page(id).url).unwrap_or_default();
            (*id, members)
        })
        .collect()
}

fn plan_content(b: &mut Builder, site: &Site, pages: &[PageId], sections: &[(PageId, Members)]) {
    let front_url = urls::in_language(urls::FRONT_PAGE, b.language, b.default);
    let is_front = |id: &PageId| site.pages[id.0].url == front_url;
    let front = pages.iter().find(|id| is_front(id)).copied();
    let mut made_from = vec![Input::Network, Input::Pages];
    made_from.extend(front.map(|id| Input::File(site.pages[id.0].source.clone())));
    let wanted_by = front.map_or(WantedBy::Nfk, |id| page_wanted_by(&site.pages[id.0]));
    b.add(
        urls::FRONT_PAGE.into(),
        Kind::FrontPage { page: front },
        made_from,
        wanted_by,
    );
    let counts: HashMap<PageId, usize> = sections
        .iter()
        .map(|(id, m)| (*id, m.pages.len()))
        .collect();
    for &id in pages {
        let page = &site.pages[id.0];
        if is_front(&id) {
            continue;
        }
        let source = Input::File(page.source.clone());
        if !page.is_section {
            let mut made_from = vec![source];
            made_from.extend(shows_figures(page).then_some(Input::Network));
            b.push(
                page.url.clone(),
                Kind::Page { page: id },
                Some(page_template(page, "page.html")),
                made_from,
                page_wanted_by(page),
            );
            continue;
        }
        // A listing page shows the section, its subsections and one chunk of its pages, with
        // their summaries, which show the figures in them. Which pages are in the chunk is
        // named by their files, in order: a page that moves to another chunk (a new date)
        // changes both.
        static NO_MEMBERS: Members = Members {
            pages: Vec::new(),
            subsections: Vec::new(),
        };
        let members = (sections.iter().find(|(s, _)| *s == id)).map_or(&NO_MEMBERS, |(_, m)| m);
        let total = urls::page_count(counts.get(&id).copied().unwrap_or(0));
        for number in 1..=total {
            let listed: Vec<&Page> = (members.listing_page(number).iter())
                .chain(&members.subsections)
                .map(|member| &site.pages[member.0])
                .collect();
            let mut made_from = vec![source.clone()];
            made_from.extend(listed.iter().map(|p| Input::File(p.source.clone())));
            if shows_figures(page) || listed.iter().any(|p| shows_figures(p)) {
                made_from.push(Input::Network);
            }
            b.push(
                urls::section_page(&page.url, number),
                Kind::Section {
                    page: id,
                    number,
                    total,
                },
                Some(page_template(page, "section.html")),
                made_from,
                page_wanted_by(page),
            );
        }
    }
    b.add(
        urls::NOT_FOUND.into(),
        Kind::NotFound,
        vec![],
        WantedBy::Nfk,
    );
    // The theme's own words link their terms here, so every site has it.
    b.add(urls::GLOSSARY.into(), Kind::Glossary, vec![], WantedBy::Nfk);
    let mut made_from = vec![Input::Pages];
    if (pages.iter()).any(|id| shows_figures(&site.pages[id.0])) {
        made_from.push(Input::Network);
    }
    b.add(urls::FEED.into(), Kind::Feed, made_from, WantedBy::Nfk);
}

/// What every language shares: the sitemap, robots.txt, the open data, the partners' logos and
/// the images of their stories.
fn plan_shared(b: &mut Builder, input: &PlanInput) {
    b.add_shared(
        urls::SITEMAP.into(),
        Kind::Sitemap,
        vec![Input::Routes, Input::Pages],
        WantedBy::Nfk,
    );
    b.add_shared(urls::ROBOTS.into(), Kind::Robots, vec![], WantedBy::Nfk);
    for (url, kind) in [
        (urls::RESULTS_JSON, Kind::ResultsJson),
        (urls::PARTNERS_CSV, Kind::PartnersCsv),
        (urls::EMISSIONS_CSV, Kind::EmissionsCsv),
    ] {
        b.add_shared(url.into(), kind, vec![Input::Network], WantedBy::Nfk);
    }
    for partner in input.data.visible(input.site).map(|v| v.partner) {
        let slug = &partner.slug;
        let from = || vec![Input::Partner(slug.clone())];
        if let Some(logo) = &partner.logo {
            b.add_shared(
                urls::logo(slug, &logo.file_name),
                Kind::Logo { slug: slug.clone() },
                from(),
                WantedBy::File {
                    path: format!("partners/{slug}/profile.yaml"),
                    pos: logo.at,
                },
            );
        }
        for (index, image) in partner.images.iter().enumerate() {
            b.add_shared(
                urls::story_image(slug, &image.file_name),
                Kind::StoryImage {
                    slug: slug.clone(),
                    index,
                },
                from(),
                WantedBy::File {
                    path: format!("partners/{slug}/story.md"),
                    pos: image.at,
                },
            );
        }
    }
}

fn plan_partners(b: &mut Builder, input: &PlanInput) {
    let site = input.site;
    let Some(charts) = (input.charts.iter())
        .find(|c| c.language == b.language)
        .or(input.charts.first())
    else {
        return;
    };
    let mut sectors = BTreeSet::new();
    for partner in input.data.visible(site).map(|v| v.partner) {
        let slug = &partner.slug;
        let from = || vec![Input::Partner(slug.clone())];
        b.add(
            urls::partner(slug),
            Kind::Partner { slug: slug.clone() },
            // Its intensities are shown beside its sector's medians.
            vec![Input::Partner(slug.clone()), Input::Sector(partner.sector)],
            WantedBy::Nfk,
        );
        b.add(
            urls::share_image(&urls::partner(slug)),
            Kind::ShareImage {
                slug: Some(slug.clone()),
            },
            from(),
            WantedBy::Nfk,
        );
        sectors.insert(partner.sector);
        for name in charts.partners.get(slug).into_iter().flatten() {
            plan_chart(b, ChartOwner::Partner(slug.clone()), name, from());
        }
    }
    for code in sectors {
        b.add(
            urls::sector(code),
            Kind::Sector { code },
            vec![Input::Network],
            WantedBy::Nfk,
        );
    }
    let network = || vec![Input::Network];
    // The static lists: every one, also when empty, so their URLs stay put.
    let groups = (urls::PRINCIPLE_LISTS
        .iter()
        .map(|(key, _)| Group::Principle(key)))
    .chain(
        site.config
            .fee_tiers
            .iter()
            .map(|t| Group::FeeTier(t.fee_nok)),
    )
    .chain((urls::TARGET_STATUS_LISTS.iter()).map(|(status, _)| Group::MainTarget(*status)));
    for group in groups {
        let url = match group {
            Group::Principle(key) => urls::principle_list(key),
            Group::FeeTier(fee) => urls::fee_tier_list(fee),
            Group::MainTarget(status) => urls::target_status_list(status),
        };
        b.add(url, Kind::PartnerGroup { group }, network(), WantedBy::Nfk);
    }
    b.add(urls::SEARCH.into(), Kind::Search, network(), WantedBy::Nfk);
    b.add(
        urls::PARTNER_LIST.into(),
        Kind::PartnerList,
        network(),
        WantedBy::Nfk,
    );
    b.add(
        urls::RESULTS.into(),
        Kind::Results,
        // It links to the methodology page when there is one: a route of the plan, which
        // every route is made from.
        vec![Input::Network],
        WantedBy::Nfk,
    );
    b.add(
        urls::share_image(urls::RESULTS),
        Kind::ShareImage { slug: None },
        network(),
        WantedBy::Nfk,
    );
    for chart in &charts.network {
        plan_chart(b, ChartOwner::Network, &chart.name, network());
    }
}

/// A chart's two files: the `.svg` drawing and the `.png` made from it.
fn plan_chart(b: &mut Builder, owner: ChartOwner, name: &str, made_from: Vec<Input>) {
    b.add(
        urls::chart_png(&owner, name),
        Kind::ChartPng {
            owner: owner.clone(),
            name: name.to_string(),
        },
        made_from.clone(),
        WantedBy::Nfk,
    );
    b.add(
        urls::chart(&owner, name),
        Kind::Chart {
            owner,
            name: name.to_string(),
        },
        made_from,
        WantedBy::Nfk,
    );
}

fn plan_files(b: &mut Builder, input: &PlanInput) {
    for (index, file) in input.theme_files.iter().enumerate() {
        b.add_shared(
            urls::theme_file(&file.path),
            Kind::ThemeFile { index },
            vec![Input::File(file.source.clone())],
            WantedBy::Theme(file.source.clone()),
        );
    }
    for (index, file) in input.site.assets.iter().enumerate() {
        b.add_shared(
            urls::asset(&file.path),
            Kind::Asset { index },
            vec![Input::File(file.source.clone())],
            WantedBy::File {
                path: file.source.clone(),
                pos: Pos::FILE,
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::Progress;
    use crate::aggregate::testkit::{config, day, partner, site};
    use crate::charts::Charts;
    use crate::model::{Logo, StoryImage};
    use crate::routes::by_output;

    fn page(source: &str, date: Option<(i32, u32, u32)>, draft: bool) -> Page {
        let (url, is_section) = urls::page(source, None);
        Page {
            source: source.into(),
            url,
            is_section,
            title: source.into(),
            description: None,
            date: date.map(|(y, m, d)| day(y, m, d)),
            updated: None,
            draft,
            weight: 0,
            template: None,
            url_at: Pos::new(1, 1),
            template_at: Pos::new(1, 1),
            date_at: Pos::new(1, 1),
            body: String::new(),
            body_line: 4,
            language: crate::model::Language::Nb,
            original: source.into(),
        }
    }

    fn plan(site: &Site, drafts: bool) -> RoutePlan {
        let data = crate::aggregate::aggregate(site, drafts);
        RoutePlan::new(&PlanInput {
            site,
            data: &data,
            charts: &[Charts::default()],
            theme_files: &[],
            drafts,
        })
    }

    fn news(count: u32) -> Site {
        let mut s = site(vec![partner("alfa", 'F', 10)]);
        s.pages.push(page("content/nyheter/_index.md", None, false));
        for n in 1..=count {
            s.pages.push(page(
                &format!("content/nyheter/n{n}.md"),
                Some((2025, 1, n)),
                false,
            ));
        }
        s
    }

    #[test]
    fn plans_a_listing_page_per_ten_pages_of_a_section() {
        let plan = plan(&news(11), false);
        let listing: Vec<&str> = (plan.routes().iter())
            .filter(|r| matches!(r.kind, Kind::Section { .. }))
            .map(|r| r.url.as_str())
            .collect();
        assert_eq!(listing, ["/nyheter/", "/nyheter/side/2/"]);
        let (_, members) = &plan.sections()[0];
        assert_eq!(members.pages.len(), 11);
        assert_eq!(members.pages[0], PageId(11), "newest first");
    }

    #[test]
    fn a_listing_page_is_made_from_the_pages_it_lists() {
        let plan = plan(&news(11), false);
        let made_from = |url: &str| plan.get(url).unwrap().made_from.clone();
        let file = |n: u32| Input::File(format!("content/nyheter/n{n}.md"));
        let section = Input::File("content/nyheter/_index.md".into());
        let first: Vec<Input> = std::iter::once(section.clone())
            .chain((2..=11).rev().map(file))
            .collect();
        assert_eq!(made_from("/nyheter/"), first);
        assert_eq!(made_from("/nyheter/side/2/"), [section, file(1)]);
        assert!(!made_from(urls::RESULTS).contains(&Input::Pages));
    }

    #[test]
    fn plans_every_output_once_with_its_output_path() {
        let plan = plan(&news(1), false);
        let outputs = by_output(&plan);
        assert!(outputs.values().all(|routes| routes.len() == 1));
        for (url, output) in [
            ("/", "index.html"),
            ("/partnere/alfa/", "partnere/alfa/index.html"),
            ("/sektor/f/", "sektor/f/index.html"),
            ("/data/results.json", "data/results.json"),
            ("/404.html", "404.html"),
            ("/ordliste/", "ordliste/index.html"),
            ("/nyheter/n1/", "nyheter/n1/index.html"),
        ] {
            assert_eq!(
                plan.get(url).map(|r| r.output.as_str()),
                Some(output),
                "{url}"
            );
        }
    }

    #[test]
    fn plans_every_static_partner_list_also_when_empty() {
        // One partner, without targets: the lists are planned all the same, as pages.
        let plan = plan(&news(0), false);
        let lists: Vec<&str> = (plan.routes().iter())
            .filter(|r| matches!(r.kind, Kind::PartnerGroup { .. }))
            .map(|r| r.url.as_str())
            .collect();
        let fees = config().fee_tiers.len();
        assert_eq!(lists.len(), 4 + fees + 6);
        for url in [
            "/partnere/prinsipp/klimaregnskap-og-mal/",
            "/partnere/prinsipp/klimakrav-til-leverandorer/",
            "/partnere/prinsipp/strategi/",
            "/partnere/prinsipp/miljosertifisering/",
            "/partnere/avgift/10000/",
            "/partnere/malstatus/i-rute/",
            "/partnere/malstatus/mangler-data/",
        ] {
            let route = plan.get(url).unwrap_or_else(|| panic!("{url}"));
            assert!(route.kind.is_page(), "{url} is in the sitemap");
            assert_eq!(route.template.as_deref(), Some("partner_group.html"));
        }
        assert_eq!(
            plan.get("/partnere/malstatus/nadd/").map(|r| &r.kind),
            Some(&Kind::PartnerGroup {
                group: Group::MainTarget(Progress::Achieved)
            })
        );
    }

    #[test]
    fn leaves_draft_pages_out_unless_asked_for() {
        let mut s = news(0);
        s.pages.push(page("content/utkast.md", None, true));
        assert!(plan(&s, false).get("/utkast/").is_none());
        assert!(plan(&s, true).get("/utkast/").is_some());
    }

    #[test]
    fn knows_the_methodology_page_only_when_the_site_has_one() {
        let mut s = news(0);
        assert_eq!(plan(&s, false).methodology(), None);
        s.pages.push(page("content/metode.md", None, true));
        assert_eq!(plan(&s, false).methodology(), None, "a draft is not shown");
        assert_eq!(plan(&s, true).methodology(), Some(urls::METHODOLOGY));
    }

    #[test]
    fn plans_the_summit_with_the_editors_slides_by_weight_and_not_as_pages() {
        let mut s = news(0);
        for (name, weight) in [("b", 2), ("a", 5), ("c", -1)] {
            let mut slide = page(&format!("content/toppmote/{name}.md"), None, false);
            slide.weight = weight;
            s.pages.push(slide);
        }
        s.pages.push(page("content/toppmote/utkast.md", None, true));
        let plan = plan(&s, false);
        let summit = plan.get(urls::SUMMIT).expect("the summit is planned");
        assert_eq!(summit.kind, Kind::Summit);
        assert_eq!(summit.template.as_deref(), Some("summit.html"));
        let order: Vec<&str> = (plan.slides().iter())
            .map(|id| s.pages[id.0].source.as_str())
            .collect();
        assert_eq!(
            order,
            [
                "content/toppmote/c.md",
                "content/toppmote/b.md",
                "content/toppmote/a.md"
            ]
        );
        assert!(plan.get("/toppmote/a/").is_none(), "a slide is no page");
        assert!(plan.pages().iter().all(|id| !plan.slides().contains(id)));
        assert!(
            summit
                .made_from
                .contains(&Input::File("content/toppmote/a.md".into()))
        );
    }

    #[test]
    fn plans_a_share_image_for_each_partner_page_and_the_results_page() {
        let plan = plan(&news(0), false);
        let share: Vec<(&str, &Kind)> = (plan.routes().iter())
            .filter(|r| matches!(r.kind, Kind::ShareImage { .. }))
            .map(|r| (r.output.as_str(), &r.kind))
            .collect();
        assert_eq!(
            share,
            [
                (
                    "partnere/alfa/del.png",
                    &Kind::ShareImage {
                        slug: Some("alfa".into())
                    }
                ),
                ("resultater/del.png", &Kind::ShareImage { slug: None }),
            ]
        );
        assert!(!plan.get("/partnere/alfa/del.png").unwrap().kind.is_page());
    }

    #[test]
    fn plans_every_page_in_each_language_and_what_all_share_once() {
        use crate::model::Language::{En, Nb};
        let mut s = news(1);
        s.config.languages = vec![Nb, En];
        let mut english = page("content/nyheter/n1.en.md", Some((2025, 1, 1)), false);
        english.url = "/en/nyheter/n1/".into();
        english.language = En;
        english.original = "content/nyheter/n1.md".into();
        s.pages.push(english);
        let plan = plan(&s, false);
        for url in [
            "/en/",
            "/en/partnere/alfa/",
            "/en/resultater/",
            "/en/toppmote/",
            "/en/atom.xml",
        ] {
            let route = plan.get(url).unwrap_or_else(|| panic!("{url}"));
            assert_eq!(route.language, En, "{url}");
        }
        assert_eq!(plan.get("/partnere/alfa/").unwrap().language, Nb);
        // Only what is translated: the section `nyheter` has no English `_index.en.md`.
        assert!(plan.get("/en/nyheter/n1/").is_some());
        assert!(plan.get("/en/nyheter/").is_none());
        for shared in ["/sitemap.xml", "/robots.txt", "/data/results.json"] {
            assert!(plan.get(shared).is_some());
            assert!(
                plan.get(&format!("/en{shared}")).is_none(),
                "{shared} is shared"
            );
        }
        assert_eq!(
            plan.translations("/nyheter/n1/"),
            [
                (Nb, "/nyheter/n1/".to_string()),
                (En, "/en/nyheter/n1/".to_string())
            ]
        );
        assert_eq!(plan.translations("/en/partnere/alfa/").len(), 2);
        assert!(plan.translations("/nyheter/").is_empty());
        let collisions = by_output(&plan)
            .into_values()
            .filter(|r| r.len() > 1)
            .count();
        assert_eq!(collisions, 0);
    }

    #[test]
    fn plans_a_png_next_to_every_chart_svg() {
        let s = news(0);
        let data = crate::aggregate::aggregate(&s, false);
        let strings = crate::strings::Strings::embedded(s.config.language);
        let charts = crate::charts::draw(&s, &data, &[&strings]);
        let plan = RoutePlan::new(&PlanInput {
            site: &s,
            data: &data,
            charts: &charts,
            theme_files: &[],
            drafts: false,
        });
        let svgs: Vec<&str> = (plan.routes().iter())
            .filter(|r| matches!(r.kind, Kind::Chart { .. }))
            .map(|r| r.url.as_str())
            .collect();
        assert!(svgs.contains(&"/grafer/by-sector.svg"), "{svgs:?}");
        for svg in svgs {
            let png = plan.get(&svg.replace(".svg", ".png")).map(|r| &r.kind);
            assert!(matches!(png, Some(Kind::ChartPng { .. })), "{svg}");
        }
    }

    #[test]
    fn a_logo_is_wanted_by_its_logo_line() {
        let mut alfa = partner("alfa", 'F', 10);
        alfa.logo = Some(Logo {
            file_name: "logo.svg".into(),
            bytes: b"<svg/>".to_vec(),
            at: Pos::new(9, 7),
        });
        let plan = plan(&site(vec![alfa]), false);
        let route = plan.get("/partnere/alfa/logo.svg").unwrap();
        assert_eq!(
            route.wanted_by,
            WantedBy::File {
                path: "partners/alfa/profile.yaml".into(),
                pos: Pos::new(9, 7)
            }
        );
    }

    #[test]
    fn a_story_image_is_published_in_the_partners_image_folder_and_wanted_by_the_story() {
        let mut alfa = partner("alfa", 'F', 10);
        alfa.images = vec![StoryImage {
            file_name: "tak.png".into(),
            bytes: b"png".to_vec(),
            at: Pos::new(3, 1),
        }];
        let plan = plan(&site(vec![alfa]), false);
        let route = plan.get("/partnere/alfa/bilder/tak.png").unwrap();
        assert_eq!(route.output, "partnere/alfa/bilder/tak.png");
        assert!(matches!(&route.kind, Kind::StoryImage { slug, index: 0 } if slug == "alfa"));
        assert_eq!(
            route.wanted_by,
            WantedBy::File {
                path: "partners/alfa/story.md".into(),
                pos: Pos::new(3, 1)
            }
        );
    }
}
