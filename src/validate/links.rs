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
    let resolved = if target.path.starts_with('/') {
        target.path.to_string()
    } else {
        let base = url::Url::parse("http://site.invalid")
            .ok()?
            .join(&link.page_url)
            .ok()?;
        base.join(target.path).ok()?.path().to_string()
    };
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
    use crate::routes::urls;

    #[test]
    fn finds_ids_of_elements_not_of_text() {
        let ids = element_ids(
            "<h2 id=maal>Mål</h2><p>id=\"nei\"</p><!-- <b id=x> --><a name=gammel></a><svg><g id='s'/></svg>",
        );
        let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
        assert_eq!(ids, ["gammel", "maal", "s"]);
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
}
