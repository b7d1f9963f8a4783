//! Rules for the route plan (issue 15): no two routes may want the same output file, and no
//! route's file may stand where another needs a folder (`content/robots.txt.md` wants
//! `robots.txt/index.html`, but `robots.txt` is nfk's file). Found before anything is rendered
//! or written, so `check` fails exactly when `build` would, and reported at the file and line
//! that want the output: a page's `slug:` line (or the page at 1:1), a partner's `logo:` line, a
//! content file; nfk's own outputs and the theme's files are reserved.
//!
//! Pure: judges the plan, changes nothing.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::messages::ids;
use crate::routes::{Kind, Route, RoutePlan, WantedBy};

/// How two routes' output paths clash.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Clash {
    /// Both want the same file.
    Same,
    /// The first is inside a folder that is the second's file (`robots.txt/index.html`, `robots.txt`).
    Inside,
    /// The first's file is a folder the second needs (`data`, `data/results.json`).
    Around,
}

/// Every collision of the plan, once per route at fault.
pub fn check_collisions(plan: &RoutePlan, diags: &mut Diagnostics) {
    let mut by_output: BTreeMap<&str, Vec<&Route>> = BTreeMap::new();
    for route in plan.routes() {
        by_output
            .entry(route.output.as_str())
            .or_default()
            .push(route);
    }
    let mut clashes: Vec<(&Route, &Route, Clash)> = Vec::new();
    for routes in by_output.values() {
        for pair in routes.windows(2) {
            clashes.push((pair[1], pair[0], Clash::Same));
        }
    }
    for (output, routes) in &by_output {
        let folders = output.match_indices('/').map(|(i, _)| &output[..i]);
        for folder in folders {
            if let Some(files) = by_output.get(folder) {
                clashes.push((routes[0], files[0], Clash::Inside));
            }
        }
    }
    // One diagnostic per route at fault, about the first thing it clashes with.
    let mut reported: BTreeSet<(&str, &str)> = BTreeSet::new();
    for (a, b, clash) in clashes {
        let (at_fault, other, clash) = match blame(a, b) {
            Some(true) => (a, b, clash),
            Some(false) => (b, a, flip(clash)),
            None => {
                let args = vec![
                    ("a", a.output.as_str().into()),
                    ("b", b.output.as_str().into()),
                ];
                diags.push(Diagnostic::error_msg(
                    "content",
                    Pos::FILE,
                    ids::ROUTES_SAME_FILE,
                    args,
                ));
                continue;
            }
        };
        if let WantedBy::File { path, pos } = &at_fault.wanted_by
            && reported.insert((at_fault.output.as_str(), at_fault.url.as_str()))
        {
            diags.push(diagnostic(path, *pos, at_fault, other, clash));
        }
    }
}

fn flip(clash: Clash) -> Clash {
    match clash {
        Clash::Same => Clash::Same,
        Clash::Inside => Clash::Around,
        Clash::Around => Clash::Inside,
    }
}

/// `Some(true)` when `a` is the one to change: an editor's file gives way to nfk's outputs and
/// the theme's files; of two editors' files, the later one (by path and line) gives way.
fn blame(a: &Route, b: &Route) -> Option<bool> {
    match (&a.wanted_by, &b.wanted_by) {
        (WantedBy::File { path: pa, pos: qa }, WantedBy::File { path: pb, pos: qb }) => {
            Some((pa, qa) >= (pb, qb))
        }
        (WantedBy::File { .. }, _) => Some(true),
        (_, WantedBy::File { .. }) => Some(false),
        _ => None,
    }
}

/// The error at `path:pos`, the file and line that want `route`.
fn diagnostic(path: &str, pos: Pos, route: &Route, other: &Route, clash: Clash) -> Diagnostic {
    let (mine, theirs) = (&route.output, &other.output);
    let what = other.kind.describe();
    // Every message takes the same values; each uses those it names.
    let (file, place) = match &other.wanted_by {
        WantedBy::Nfk => (String::new(), String::new()),
        WantedBy::Theme(file) => (file.to_string(), String::new()),
        WantedBy::File { path, pos } => (String::new(), at(path, *pos)),
    };
    let id = match (clash, &other.wanted_by) {
        (Clash::Same, WantedBy::Nfk) => ids::ROUTES_RESERVED_BY_NFK,
        (Clash::Same, WantedBy::Theme(_)) => ids::ROUTES_RESERVED_BY_THEME,
        (Clash::Same, WantedBy::File { .. }) => ids::ROUTES_ALSO_WRITTEN,
        (Clash::Inside, WantedBy::Nfk) => ids::ROUTES_FOLDER_RESERVED_BY_NFK,
        (Clash::Inside, WantedBy::Theme(_)) => ids::ROUTES_FOLDER_RESERVED_BY_THEME,
        (Clash::Inside, WantedBy::File { .. }) => ids::ROUTES_FOLDER_IS_A_FILE,
        (Clash::Around, WantedBy::Nfk) => ids::ROUTES_FILE_WHERE_NFK_NEEDS_FOLDER,
        (Clash::Around, WantedBy::Theme(_)) => ids::ROUTES_FILE_WHERE_THEME_NEEDS_FOLDER,
        (Clash::Around, WantedBy::File { .. }) => ids::ROUTES_FILE_WHERE_FILE_NEEDS_FOLDER,
    };
    let help = match route.kind {
        Kind::Logo { .. } => ids::ROUTES_RENAME_LOGO,
        Kind::StoryImage { .. } => ids::ROUTES_RENAME_IMAGE,
        Kind::Asset { .. } => ids::ROUTES_RENAME_FILE,
        // A page is wanted at its `slug:` line when it has one, else at 1:1.
        _ if pos != Pos::new(1, 1) => ids::ROUTES_ANOTHER_SLUG,
        _ => ids::ROUTES_RENAME_OR_SLUG,
    };
    let args = vec![
        ("mine", mine.as_str().into()),
        ("theirs", theirs.as_str().into()),
        ("what", what),
        ("file", file.into()),
        ("at", place.into()),
    ];
    Diagnostic::error_msg(path, pos, id, args).with_help_msg(help)
}

fn at(path: &str, pos: Pos) -> String {
    if pos.line == 0 {
        path.to_string()
    } else {
        format!("{path}:{}:{}", pos.line, pos.column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::aggregate::testkit::{partner, site};
    use crate::charts::Charts;
    use crate::load::StaticFile;
    use crate::model::{Page, Site};
    use crate::routes::{PlanInput, urls};

    fn page(source: &str, slug: Option<(&str, Pos)>) -> Page {
        let (url, is_section) = urls::page(source, slug.map(|s| s.0));
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
            url_at: slug.map_or(Pos::new(1, 1), |s| s.1),
            template_at: Pos::new(1, 1),
            date_at: Pos::new(1, 1),
            body: String::new(),
            body_line: 4,
            language: crate::model::Language::Nb,
            original: source.into(),
        }
    }

    fn asset(path: &str) -> StaticFile {
        StaticFile {
            path: path.into(),
            source: format!("content/{path}"),
            contents: crate::load::Contents::Bytes(bytes::Bytes::new()),
        }
    }

    fn problems(site: &Site) -> Vec<Diagnostic> {
        let data = crate::aggregate::aggregate(site, false);
        let theme_files = [StaticFile {
            path: "style.css".into(),
            source: "(embedded theme)/static/style.css".into(),
            contents: crate::load::Contents::Bytes(bytes::Bytes::new()),
        }];
        let plan = RoutePlan::new(&PlanInput {
            site,
            data: &data,
            charts: &[Charts::default()],
            theme_files: &theme_files,
            drafts: false,
        });
        let mut diags = Diagnostics::new();
        check_collisions(&plan, &mut diags);
        diags.sorted()
    }

    #[test]
    fn a_clean_plan_has_no_collisions() {
        let mut s = site(vec![partner("alfa", 'F', 10)]);
        s.pages.push(page("content/om.md", None));
        s.assets.push(asset("om/bilde.png"));
        assert!(problems(&s).is_empty(), "{:?}", problems(&s));
    }

    #[test]
    fn of_two_editors_files_the_later_gives_way_at_its_slug_line() {
        let mut s = site(vec![]);
        s.pages
            .push(page("content/om.md", Some(("kontakt", Pos::new(3, 7)))));
        s.assets.push(asset("kontakt"));
        let list = problems(&s);
        assert_eq!(list.len(), 1, "{list:?}");
        assert_eq!((list[0].path.as_str(), list[0].line), ("content/om.md", 3));
        assert!(list[0].message.contains("written for content/kontakt"));
    }

    #[test]
    fn nfk_and_the_theme_keep_their_files_and_each_clash_is_reported_once() {
        let mut s = site(vec![partner("alfa", 'F', 10)]);
        s.assets.push(asset("data"));
        s.assets.push(asset("static/style.css"));
        let list = problems(&s);
        let at: Vec<&str> = list.iter().map(|d| d.path.as_str()).collect();
        assert_eq!(at, ["content/data", "content/static/style.css"]);
        assert!(list[0].message.contains("nfk needs a folder `data/`"));
        assert!(list[1].message.contains("reserved: the theme publishes"));
    }

    /// What a diagnostic says, and how to fix it (the one place a test reads its words).
    fn said(d: &Diagnostic) -> (&str, Option<&str>) {
        (d.message.as_str(), d.help.as_deref())
    }

    #[test]
    fn of_two_editors_files_the_later_gives_way_even_when_it_is_the_file() {
        let mut s = site(vec![]);
        s.pages
            .push(page("content/a.md", Some(("zzz", Pos::new(2, 7)))));
        s.assets.push(asset("zzz"));
        let list = problems(&s);
        assert_eq!(list.len(), 1, "{list:?}");
        assert!(list[0].is_error());
        assert_eq!((list[0].path.as_str(), list[0].line), ("content/zzz", 0));
        assert_eq!(
            said(&list[0]),
            (
                "`zzz` would be a file, but content/a.md:2:7 needs a folder `zzz/` there for a \
                 content page (`zzz/index.html`)",
                Some("rename or move the file")
            )
        );
    }

    #[test]
    fn a_page_is_told_to_change_its_slug_when_it_has_one_and_else_its_file() {
        let mut s = site(vec![]);
        s.pages
            .push(page("content/b.md", Some(("a", Pos::new(3, 7)))));
        s.pages.push(page("content/a.md", None));
        let list = problems(&s);
        assert_eq!(list.len(), 1, "{list:?}");
        assert_eq!((list[0].path.as_str(), list[0].line), ("content/b.md", 3));
        assert_eq!(
            said(&list[0]),
            (
                "`a/index.html` is also written for content/a.md:1:1 (a content page)",
                Some("give the page another `slug`")
            )
        );
        let mut s = site(vec![]);
        s.pages.push(page("content/a.md", None));
        s.pages.push(page("content/a/_index.md", None));
        let list = problems(&s);
        assert_eq!(list.len(), 1, "{list:?}");
        assert_eq!(
            (list[0].path.as_str(), list[0].line),
            ("content/a/_index.md", 1)
        );
        assert_eq!(
            said(&list[0]).1,
            Some("rename the file, or give the page a `slug`")
        );
    }

    #[test]
    fn a_logo_or_story_image_in_the_way_is_told_to_rename_its_file() {
        let mut alfa = partner("alfa", 'F', 10);
        alfa.logo = Some(crate::model::Logo {
            file_name: "del.png".into(),
            bytes: Vec::new(),
            at: Pos::new(4, 7),
        });
        alfa.images.push(crate::model::StoryImage {
            file_name: "x.png".into(),
            bytes: Vec::new(),
            at: Pos::new(5, 1),
        });
        let mut s = site(vec![alfa]);
        let folder = crate::render::markdown::STORY_IMAGE_FOLDER;
        s.assets
            .push(asset(&format!("partnere/alfa/{folder}/x.png")));
        let list = problems(&s);
        let found: Vec<(&str, u32, Option<&str>)> = list
            .iter()
            .map(|d| (d.path.as_str(), d.line, said(d).1))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "partners/alfa/profile.yaml",
                    4,
                    Some("rename the logo file and its `logo:` line")
                ),
                (
                    "partners/alfa/story.md",
                    5,
                    Some("rename the image file and its name in the story")
                ),
            ]
        );
    }
}
