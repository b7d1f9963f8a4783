//! Rules for links an editor writes (SPEC §5, docs/decisions.md "Links"): every internal link of
//! a content page, `menu` and `footer_menu` leads to a route of the plan, and a `#fragment`
//! names an element id of the page it leads to. Links to other sites are not fetched.
//!
//! Render found the links with their positions ([`WrittenLink`]) and made the pages; this file
//! judges the links against the plan and looks ids up in the pages' HTML. No IO here.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use crate::diagnostics::{Diagnostic, Diagnostics, Pos, did_you_mean};
use crate::messages::{Arg, Args, Quote, ids as msg};
use crate::model::SiteConfig;
use crate::routes::{Kind, Route, RoutePlan, WantedBy, WrittenLink};

/// The HTML of an output path of the plan, when it was made.
pub type Html<'a> = &'a dyn Fn(&str) -> Option<&'a [u8]>;

/// The links of content pages; ids are looked up in `html`.
pub fn check_links(plan: &RoutePlan, links: &[WrittenLink], html: Html, diags: &mut Diagnostics) {
    let ids = Ids::new(html);
    for link in links {
        if let Some(broken) = judge(plan, &ids, link) {
            diags.push(
                Diagnostic::error_msg(&link.source, link.at, broken.id, broken.args)
                    .with_help_msg(broken.help),
            );
        }
    }
}

/// Internal links of `menu` and `footer_menu` must lead somewhere the build produces.
pub fn check_menus(plan: &RoutePlan, config: &SiteConfig, html: Html, diags: &mut Diagnostics) {
    let ids = Ids::new(html);
    let items = (config.menu.iter().map(|i| ("menu", i)))
        .chain(config.footer_menu.iter().map(|i| ("footer_menu", i)));
    for (key, item) in items {
        let Some(target) = internal(&item.url) else {
            continue;
        };
        let problem = match route_at(plan, target.path) {
            None => Some(Broken::new(
                msg::MENU_LINKS_TO_MISSING,
                vec![("path", target.path.into())],
                did_you_mean(target.path, plan.urls())
                    .map_or((msg::MENU_POINT_HELP, vec![]), suggestion),
            )),
            Some(route) => missing_id(&ids, route, target.fragment).map(|help| {
                let args = vec![
                    ("url", item.url.as_str().into()),
                    ("fragment", target.fragment.unwrap_or_default().into()),
                ];
                Broken::new(msg::MENU_LINKS_TO_MISSING_ID, args, help)
            }),
        };
        if let Some(problem) = problem {
            // The help line is worded with the outer message's values: they include its own.
            let mut args = problem.args.clone();
            let quote = Quote {
                id: problem.id,
                help: false,
                args: problem.args,
            };
            args.extend([
                ("key", key.into()),
                ("title", item.title.as_str().into()),
                ("problem", Arg::Message(Box::new(quote))),
            ]);
            diags.push(
                Diagnostic::error_msg("site.yaml", Pos::FILE, msg::MENU_ITEM_PROBLEM, args)
                    .with_help_msg(problem.help),
            );
        }
    }
}

/// A broken link: the message, its values (the help line's among them), the help line.
struct Broken {
    id: &'static str,
    args: Args,
    help: &'static str,
}

impl Broken {
    /// `help`: the help line's id and the values it adds.
    fn new(id: &'static str, mut args: Args, help: (&'static str, Args)) -> Self {
        args.extend(help.1);
        Broken {
            id,
            args,
            help: help.0,
        }
    }
}

/// "did you mean `x`?" as a help line.
fn suggestion(close: impl Into<String>) -> (&'static str, Args) {
    (
        msg::DID_YOU_MEAN,
        vec![("suggestion", Arg::Text(close.into()))],
    )
}

/// `None` when the link is fine; else what is wrong, with the help line's values among the
/// message's.
fn judge(plan: &RoutePlan, ids: &Ids, link: &WrittenLink) -> Option<Broken> {
    let url = link.url.trim();
    if let Some(fragment) = url.strip_prefix('#') {
        let own = route_at(plan, &link.page_url)?;
        return missing_id(ids, own, Some(fragment)).map(|help| {
            let args = vec![("fragment", fragment.into())];
            Broken::new(msg::LINK_OWN_FRAGMENT, args, help)
        });
    }
    let target = internal(url).or_else(|| relative(url))?;
    let resolved = resolve(link, &target)?;
    let Some(route) = route_at(plan, &resolved) else {
        let help = source_file(plan, link, target.path)
            .or_else(|| did_you_mean(&resolved, plan.urls()).map(str::to_string))
            .map_or((msg::LINK_NO_SUCH_PAGE_HELP, vec![]), suggestion);
        let args = vec![("url", url.into())];
        return Some(Broken::new(msg::LINK_NO_SUCH_PAGE, args, help));
    };
    missing_id(ids, route, target.fragment).map(|help| {
        let args = vec![
            ("url", url.into()),
            ("page", route.url.as_str().into()),
            ("fragment", target.fragment.unwrap_or_default().into()),
        ];
        Broken::new(msg::LINK_MISSING_ID, args, help)
    })
}

/// The root-relative path a link's target leads to from the page it is written on.
fn resolve(link: &WrittenLink, target: &Target) -> Option<String> {
    if target.path.starts_with('/') {
        return Some(target.path.to_string());
    }
    let base = url::Url::parse("http://site.invalid")
        .ok()?
        .join(&link.page_url)
        .ok()?;
    Some(base.join(target.path).ok()?.path().to_string())
}

/// The route an internal or relative link leads to, if the plan has it (for the rules of
/// `languages.rs`); `None` for other sites' links and `#fragment`s of the page itself.
pub(super) fn route_of<'p>(plan: &'p RoutePlan, link: &WrittenLink) -> Option<&'p Route> {
    let url = link.url.trim();
    let target = internal(url).or_else(|| relative(url))?;
    route_at(plan, &resolve(link, &target)?)
}

/// A link's path and fragment.
struct Target<'a> {
    path: &'a str,
    fragment: Option<&'a str>,
}

fn split(url: &str) -> Target<'_> {
    let (rest, fragment) = match url.split_once('#') {
        Some((rest, fragment)) => (rest, Some(fragment)),
        None => (url, None),
    };
    let path = rest.split('?').next().unwrap_or("");
    Target {
        path,
        fragment: fragment.filter(|f| !f.is_empty()),
    }
}

/// A root-relative link of this site (`/partnere/`), not `//host/` or another site's.
fn internal(url: &str) -> Option<Target<'_>> {
    (url.starts_with('/') && !url.starts_with("//")).then(|| split(url))
}

/// A relative link (`../b/`, `bilde.png`): no scheme, not empty.
fn relative(url: &str) -> Option<Target<'_>> {
    let has_scheme = (url.split(['/', '?', '#']).next()).is_some_and(|first| first.contains(':'));
    (!has_scheme && !url.starts_with("//") && !url.is_empty()).then(|| split(url))
}

/// The route a link's path leads to, with or without the trailing slash or `index.html`.
fn route_at<'p>(plan: &'p RoutePlan, path: &str) -> Option<&'p Route> {
    (plan.get(path))
        .or_else(|| plan.get(&format!("{path}/")))
        .or_else(|| plan.get(path.strip_suffix("index.html")?))
}

/// A link written to a page's source file (`om-oss.md`, `../om-oss.md`): the URL of that page.
fn source_file(plan: &RoutePlan, link: &WrittenLink, path: &str) -> Option<String> {
    if !path.ends_with(".md") {
        return None;
    }
    let folder = link
        .source
        .rsplit_once('/')
        .map_or("", |(folder, _)| folder);
    let base = url::Url::parse("file:///")
        .ok()?
        .join(&format!("{folder}/"))
        .ok()?;
    let file = base.join(path).ok()?;
    let file = file.path().trim_start_matches('/');
    (plan.routes().iter())
        .filter(|r| {
            matches!(
                r.kind,
                Kind::Page { .. } | Kind::FrontPage { .. } | Kind::Section { number: 1, .. }
            )
        })
        .find(|r| matches!(&r.wanted_by, WantedBy::File { path, .. } if path == file))
        .map(|r| r.url.clone())
}

/// `None` when `route` has an element with the id `fragment` (or there is no fragment, or its
/// HTML is not known); else the help line.
fn missing_id(ids: &Ids, route: &Route, fragment: Option<&str>) -> Option<(&'static str, Args)> {
    let fragment = fragment?;
    if !route.kind.is_page() {
        return None;
    }
    let ids = ids.of(&route.output)?;
    let decoded = percent_encoding::percent_decode_str(fragment).decode_utf8_lossy();
    if ids.contains(fragment) || ids.contains(decoded.as_ref()) {
        return None;
    }
    Some(
        did_you_mean(fragment, ids.iter().map(String::as_str))
            .map_or((msg::LINK_FRAGMENT_HELP, vec![]), |close| {
                suggestion(format!("#{close}"))
            }),
    )
}

/// Element ids of pages, read from their HTML once each, when a fragment link needs them.
struct Ids<'a> {
    html: Html<'a>,
    seen: RefCell<HashMap<String, Option<BTreeSet<String>>>>,
}

impl<'a> Ids<'a> {
    fn new(html: Html<'a>) -> Self {
        Ids {
            html,
            seen: RefCell::new(HashMap::new()),
        }
    }

    fn of(&self, output: &str) -> Option<BTreeSet<String>> {
        let mut seen = self.seen.borrow_mut();
        seen.entry(output.to_string())
            .or_insert_with(|| {
                let html = (self.html)(output)?;
                Some(element_ids(&String::from_utf8_lossy(html)))
            })
            .clone()
    }
}

/// Every `id` (and `<a name>`) of an HTML document: what a `#fragment` can lead to. A tokenizer,
/// not a search for `id="`, so an id in text or a comment does not count and unquoted ones do.
pub fn element_ids(html: &str) -> BTreeSet<String> {
    #[derive(Default)]
    struct Sink(RefCell<BTreeSet<String>>);
    impl TokenSink for Sink {
        type Handle = ();
        fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
            if let Token::TagToken(Tag {
                kind: TagKind::StartTag,
                name,
                attrs,
                ..
            }) = token
            {
                for attr in attrs {
                    let local = &*attr.name.local;
                    if local == "id" || (local == "name" && &*name == "a") {
                        self.0.borrow_mut().insert(attr.value.to_string());
                    }
                }
            }
            TokenSinkResult::Continue
        }
    }
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(html));
    let tokenizer = Tokenizer::new(Sink::default(), TokenizerOpts::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.0.take()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::testkit::site;
    use crate::charts::Charts;
    use crate::model::{MenuItem, Page, Site};
    use crate::routes::{PlanInput, urls};

    #[test]
    fn finds_ids_of_elements_not_of_text() {
        let ids = element_ids(
            "<h2 id=maal>Mål</h2><p>id=\"nei\"</p><!-- <b id=x> --><a name=gammel></a><svg><g id='s'/></svg>",
        );
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        assert_eq!(ids, ["gammel", "maal", "s"]);
        let named = element_ids("<input name=q><a name=a></a>");
        assert_eq!(named.into_iter().collect::<Vec<_>>(), ["a"]);
    }

    #[test]
    fn splits_paths_from_queries_and_fragments() {
        let t = split("/resultater/?x=1#maal");
        assert_eq!((t.path, t.fragment), ("/resultater/", Some("maal")));
        assert!(internal("//cdn.example/a.js").is_none());
        assert!(relative("mailto:post@example.org").is_none());
        assert_eq!(relative("../b/").map(|t| t.path), Some("../b/"));
    }

    #[test]
    fn the_front_page_url_is_internal() {
        assert_eq!(internal(urls::FRONT_PAGE).map(|t| t.path), Some("/"));
    }

    fn page(source: &str) -> Page {
        let (url, is_section) = urls::page(source, None);
        Page {
            source: source.into(),
            url,
            is_section,
            title: "T".into(),
            description: None,
            date: None,
            updated: None,
            draft: false,
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

    /// A site of the pages `content/om.md` (with the id `maal` and `mål`) and
    /// `content/kontakt.md` (HTML not known).
    fn om_site() -> Site {
        let mut s = site(Vec::new());
        s.pages.push(page("content/om.md"));
        s.pages.push(page("content/kontakt.md"));
        s
    }

    fn html(output: &str) -> Option<&'static [u8]> {
        (output == "om/index.html")
            .then_some(b"<h2 id=maal>M</h2><h2 id=m\xc3\xa5l>M</h2>".as_slice())
    }

    fn plan_of(s: &Site, check: impl FnOnce(&RoutePlan)) {
        let data = crate::aggregate::aggregate(s, false);
        let plan = RoutePlan::new(&PlanInput {
            site: s,
            data: &data,
            charts: &[Charts::default()],
            theme_files: &[],
            drafts: false,
        });
        check(&plan);
    }

    /// The problems of links written at 3:5 in `content/om.md`.
    fn link_problems(urls: &[&str]) -> Vec<Diagnostic> {
        let links: Vec<WrittenLink> = (urls.iter())
            .map(|url| WrittenLink {
                source: "content/om.md".into(),
                page_url: "/om/".into(),
                url: url.to_string(),
                at: Pos::new(3, 5),
            })
            .collect();
        let mut diags = Diagnostics::new();
        plan_of(&om_site(), |plan| {
            check_links(plan, &links, &html, &mut diags)
        });
        diags.sorted()
    }

    /// What a diagnostic says, and its help (the one place a test reads its words).
    fn said(d: &Diagnostic) -> (&str, Option<&str>) {
        (d.message.as_str(), d.help.as_deref())
    }

    #[test]
    fn links_to_pages_and_ids_the_site_has_are_fine() {
        let fine = [
            "/om/",
            "/om",
            "/om/index.html",
            "../om/",
            "/om/#maal",
            "/om/#m%C3%A5l",
            "#maal",
            "/kontakt/#whatever",
            "/data/results.json#x",
            "https://example.org/nope/",
        ];
        let list = link_problems(&fine);
        assert!(list.is_empty(), "{list:?}");
    }

    #[test]
    fn a_link_to_a_missing_page_is_an_error_at_the_link() {
        let list = link_problems(&["/kontakt-oss/"]);
        assert_eq!(list.len(), 1, "{list:?}");
        assert!(list[0].is_error());
        assert_eq!(
            (list[0].path.as_str(), list[0].line, list[0].column),
            ("content/om.md", 3, 5)
        );
        assert_eq!(
            said(&list[0]),
            (
                "link to /kontakt-oss/: this site has no such page",
                Some("did you mean `/kontakt/`?")
            )
        );
    }

    #[test]
    fn a_link_to_a_pages_source_file_suggests_its_url() {
        let list = link_problems(&["kontakt.md"]);
        assert_eq!(list.len(), 1, "{list:?}");
        assert_eq!(
            said(&list[0]),
            (
                "link to kontakt.md: this site has no such page",
                Some("did you mean `/kontakt/`?")
            )
        );
    }

    #[test]
    fn a_fragment_the_page_lacks_is_an_error_with_the_closest_id() {
        let list = link_problems(&["/om/#mal", "#maa"]);
        let found: Vec<(&str, Option<&str>)> = list.iter().map(said).collect();
        assert_eq!(
            found,
            [
                (
                    "link to #maa: no heading with that id on this page",
                    Some("did you mean `#maal`?")
                ),
                (
                    "link to /om/#mal: /om/ has no element with the id `mal`",
                    Some("did you mean `#maal`?")
                ),
            ]
        );
        assert!(list.iter().all(|d| d.is_error() && d.line == 3));
    }

    #[test]
    fn menu_items_must_lead_to_a_page_and_an_id_it_has() {
        let mut s = om_site();
        let item = |title: &str, url: &str| MenuItem {
            title: title.into(),
            url: url.into(),
        };
        s.config.menu = vec![item("Om", "/om/#maal"), item("Borte", "/borte/")];
        s.config.footer_menu = vec![item("Mål", "/om/#mal"), item("Ute", "https://example.org/")];
        let mut diags = Diagnostics::new();
        plan_of(&s, |plan| check_menus(plan, &s.config, &html, &mut diags));
        let list = diags.sorted();
        let found: Vec<(&str, u32, &str)> = list
            .iter()
            .map(|d| (d.path.as_str(), d.line, said(d).0))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "site.yaml",
                    0,
                    "footer_menu item `Mål` links to /om/#mal, which has no element with the id `mal`"
                ),
                (
                    "site.yaml",
                    0,
                    "menu item `Borte` links to /borte/, which the site does not have"
                ),
            ]
        );
    }
}
