//! Listings: each page of a section's paginated listing, and the front page, which shows the
//! newest pages of every section. Which pages a section lists, in what order, and how many
//! listing pages it has comes from the route plan (`crate::routes`), computed once.

use std::collections::BTreeMap;

use super::content::{Bodies, Body, usable_template};
use super::view::{
    IndexContext, PageView, Paginator, PaginatorLink, SectionContext, SectionListView, SectionView,
};
use super::{OutputFile, Renderer};
use crate::diagnostics::Diagnostic;
use crate::routes::{Members, PageId, Route, urls};

fn listed(body: &Body) -> PageView {
    PageView {
        content: String::new(),
        ..body.view.clone()
    }
}

fn members<'r>(r: &'r Renderer, section: PageId) -> &'r Members {
    static EMPTY: Members = Members {
        pages: Vec::new(),
        subsections: Vec::new(),
    };
    r.plan.members(section).unwrap_or(&EMPTY)
}

pub fn render_front_page(
    r: &Renderer,
    bodies: &Bodies,
    route: &Route,
    own: Option<PageId>,
) -> Result<OutputFile, Diagnostic> {
    let page = own
        .map(|id| bodies.get(id).view.clone())
        .unwrap_or_else(|| PageView {
            title: r.site_view.title.clone(),
            description: Some(r.site_view.description.clone()),
            url: r.home_path.clone(),
            permalink: r.permalink(&route.url),
            date: None,
            updated: None,
            weight: 0,
            draft: false,
            content: String::new(),
            summary: r.site_view.description.clone(),
        });
    let as_of = r.site.config.results.as_of;
    let languages = &r.site.config.languages;
    // This language's sections, by their URL without the language (`/nyheter/`), so a theme
    // finds the same section in every language.
    let sections: BTreeMap<String, SectionListView> = (r.plan.sections().iter())
        .filter(|(id, _)| bodies.get(*id).page.language == r.language)
        .map(|(id, members)| {
            let section = bodies.get(*id);
            let children: Vec<&Body> = members.pages.iter().map(|p| bodies.get(*p)).collect();
            let mut upcoming: Vec<&&Body> = children
                .iter()
                .filter(|b| b.page.date.is_some_and(|d| d >= as_of))
                .collect();
            upcoming.sort_by_key(|b| b.page.date);
            let list = SectionListView {
                title: section.page.title.clone(),
                url: section.view.url.clone(),
                count: children.len(),
                pages: (children.iter().take(urls::PER_PAGE))
                    .map(|b| listed(b))
                    .collect(),
                upcoming: (upcoming.into_iter().take(urls::PER_PAGE))
                    .map(|b| listed(b))
                    .collect(),
            };
            let bare = urls::split_language(&section.page.url, languages).1;
            (bare.to_string(), list)
        })
        .collect();
    let values = IndexContext {
        page: &page,
        results: &r.results,
        partners: r.summaries.values().collect(),
        sections,
        charts: r.chart_views(&r.charts.network, &crate::routes::ChartOwner::Network),
    };
    r.view_file(super::template(route), &route.url, &values)
}

/// Listing page `number` of a section.
pub fn render_section(
    r: &Renderer,
    bodies: &Bodies,
    route: &Route,
    section: PageId,
    number: usize,
) -> Result<OutputFile, Diagnostic> {
    let body = bodies.get(section);
    let template = usable_template(r, route);
    let members = members(r, section);
    let total = urls::page_count(members.pages.len());
    let url_of = |n: usize| r.link(&urls::section_page(&body.page.url, n));
    let paginator = Paginator {
        current: number,
        total,
        previous_url: (number > 1).then(|| url_of(number - 1)),
        next_url: (number < total).then(|| url_of(number + 1)),
        pages: window(number, total)
            .into_iter()
            .map(|(i, gap_before)| PaginatorLink {
                number: i,
                url: url_of(i),
                gap_before,
            })
            .collect(),
    };
    let view = SectionView {
        page: body.view.clone(),
        pages: (members.listing_page(number).iter())
            .map(|id| listed(bodies.get(*id)))
            .collect(),
        subsections: (members.subsections.iter())
            .map(|id| listed(bodies.get(*id)))
            .collect(),
        paginator,
    };
    let values = SectionContext {
        section: &view,
        page: &body.view,
    };
    r.view_file(template, &route.url, &values)
}

/// The page numbers a paginator shows: the first, the last, and two either side of the current
/// one; `true` where numbers were skipped before it. Bounded, so a section of thousands of pages
/// costs linear time and output, not quadratic.
fn window(current: usize, total: usize) -> Vec<(usize, bool)> {
    let near = current.saturating_sub(2).max(1)..=(current + 2).min(total);
    let mut shown: Vec<usize> = std::iter::once(1)
        .chain(near)
        .chain(std::iter::once(total))
        .collect();
    shown.sort_unstable();
    shown.dedup();
    let mut previous = 0;
    shown
        .into_iter()
        .map(|n| {
            let gap = n > previous + 1;
            previous = n;
            (n, gap)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paginator_shows_a_bounded_window() {
        let numbers = |c, t| {
            window(c, t)
                .into_iter()
                .map(|(n, gap)| {
                    if gap {
                        format!("…{n}")
                    } else {
                        n.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(numbers(1, 1), "1");
        assert_eq!(numbers(1, 3), "1 2 3");
        assert_eq!(numbers(50, 500), "1 …48 49 50 51 52 …500");
        assert_eq!(numbers(500, 500), "1 …498 499 500");
    }
}
