//! Markdown → HTML with pulldown-cmark: CommonMark plus tables, footnotes, strikethrough and
//! heading ids with anchors (SPEC §5). Also collects every link with its line, for link checking.
//!
//! Two levels of trust: editors' `content/` passes raw HTML through; partner text (`story.md`)
//! is untrusted, so raw HTML is shown as text, its ids and `#` links get [`STORY_ID_PREFIX`]
//! (footnotes and heading links work without clobbering the page's ids), and the result goes
//! through the sanitizer (`sanitize.rs`).
//!
//! Bounded work (SPEC §10): pulldown-cmark parses in linear time, but an HTML parser (ammonia's
//! html5ever) is quadratic in nesting depth. Elements nested deeper than [`MAX_NESTING`] are left
//! out of the HTML (their text is kept); `validate` reports them as errors, via [`outline`],
//! before any rendering. Nothing here is quadratic in the size of the text.

use std::collections::{BTreeSet, HashMap};

use crate::diagnostics::LineIndex;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

use super::sanitize::{is_relative_path, sanitize};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trust {
    /// Editors' own pages: raw HTML allowed.
    Editor,
    /// Text from partners: sanitized; the story's top heading level becomes `h3` (the page owns
    /// `h1`/`h2`), so `##` headings do not skip a level (WCAG 1.3.1, issue 8).
    Partner,
}

/// How deeply elements (block quotes, lists, list items, emphasis…) may nest in any Markdown
/// text. Real text stays far below; past it, parsing the HTML would take quadratic time.
pub const MAX_NESTING: usize = 32;

/// Every id in a partner story starts with this, and so does every `#fragment` link in it: the
/// story's `## Mål` is `#historie-mal`, never the page's own `#mal`.
pub const STORY_ID_PREFIX: &str = "historie-";

/// A story's own images (`![](bilde.png)`, files of `partners/<slug>/`) are published in this
/// folder next to the partner's page, so they never collide with its charts or logo.
pub const STORY_IMAGE_FOLDER: &str = "bilder";

/// The Markdown every text is read with; `shortcodes.rs` finds code with the same.
pub(super) const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_FOOTNOTES)
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_SMART_PUNCTUATION);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub url: String,
    pub line: u32,
    pub column: u32,
    /// `![alt](url)` rather than `[text](url)`.
    pub image: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub links: Vec<Link>,
    /// The first paragraph as plain text, whole, with inline shortcode placeholders kept:
    /// `content.rs` puts each call's text in their place, then [`shorten`]s it.
    pub summary: String,
}

/// What `validate` checks in a partner's story, found without rendering it (linear time).
#[derive(Debug, Clone, Default)]
pub struct Outline {
    /// Links and images as written, with their positions.
    pub links: Vec<Link>,
    /// The ids of headings and footnotes as the story's HTML has them (under
    /// [`STORY_ID_PREFIX`]): `[x](#mal)` works when `historie-mal` is here.
    pub ids: BTreeSet<String>,
    /// Where the first element nested deeper than [`MAX_NESTING`] starts (line, column).
    pub too_deep: Option<(u32, u32)>,
}

pub fn outline(markdown: &str) -> Outline {
    let parsed = parse(markdown, Trust::Partner, "/");
    let (_, ids) = add_heading_ids(parsed.events, Trust::Partner, STORY_ID_PREFIX, None);
    Outline {
        links: parsed.links,
        ids,
        too_deep: parsed.too_deep,
    }
}

/// Where the first element nested deeper than [`MAX_NESTING`] starts (line, column), if any.
/// Only the parser's events: cheaper than [`outline`], for every page of the site.
pub fn too_deep(markdown: &str) -> Option<(u32, u32)> {
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(markdown, OPTIONS).into_offset_iter() {
        match event {
            Event::Start(_) if depth == MAX_NESTING => {
                return Some(position(&LineIndex::new(markdown), range.start));
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// `base_path` (`/` or `/nfk/`) is put in front of root-relative link targets (`/partnere/`).
pub fn render(markdown: &str, trust: Trust, anchor_label: &str, base_path: &str) -> Rendered {
    let parsed = parse(markdown, trust, base_path);
    let summary = first_paragraph(&parsed.events);
    let (prefix, anchors) = match trust {
        Trust::Editor => ("", Some(anchor_label)),
        Trust::Partner => (STORY_ID_PREFIX, None),
    };
    let (events, _) = add_heading_ids(parsed.events, trust, prefix, anchors);
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    if trust == Trust::Partner {
        out = sanitize(&out);
    }
    Rendered {
        html: out,
        links: parsed.links,
        summary,
    }
}

struct Parsed<'a> {
    events: Vec<Event<'a>>,
    links: Vec<Link>,
    too_deep: Option<(u32, u32)>,
}

/// The events to render: elements past [`MAX_NESTING`] left out, links collected (and moved
/// under `base_path`), and for partner text raw HTML made text, ids and local images prefixed.
fn parse<'a>(markdown: &'a str, trust: Trust, base_path: &str) -> Parsed<'a> {
    let lines = LineIndex::new(markdown);
    let mut links = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    // For each open element: whether its start was kept.
    let mut open: Vec<bool> = Vec::new();
    let mut too_deep = None;
    for (event, range) in Parser::new_ext(markdown, OPTIONS).into_offset_iter() {
        let mut event = event;
        match &event {
            Event::Start(_) => {
                let keep = open.len() < MAX_NESTING;
                if !keep && too_deep.is_none() {
                    too_deep = Some(position(&lines, range.start));
                }
                open.push(keep);
                if !keep {
                    continue;
                }
            }
            // An end whose start was left out is left out too.
            Event::End(_) if !open.pop().unwrap_or(true) => continue,
            _ => {}
        }
        if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = &mut event {
            let (line, column) = position(&lines, range.start);
            links.push(Link {
                url: dest_url.to_string(),
                line,
                column,
                image: false,
            });
            if base_path != "/" && dest_url.starts_with('/') && !dest_url.starts_with("//") {
                *dest_url = CowStr::from(format!("{base_path}{}", &dest_url[1..]));
            }
        }
        if let Event::Start(Tag::Image { .. }) = &event
            && let Some(link) = links.last_mut()
        {
            link.image = true;
        }
        let event = match (trust, event) {
            (Trust::Partner, Event::Html(text) | Event::InlineHtml(text)) => Event::Text(text),
            (Trust::Partner, event) => story_event(event),
            (_, event) => event,
        };
        events.push(event);
    }
    Parsed {
        events,
        links,
        too_deep,
    }
}

/// In a story, `#x` links and footnote names get [`STORY_ID_PREFIX`] (as heading ids do), and
/// a relative image path points into [`STORY_IMAGE_FOLDER`].
fn story_event(event: Event) -> Event {
    let prefixed = |name: &str| CowStr::from(format!("{STORY_ID_PREFIX}{name}"));
    match event {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) if dest_url.starts_with('#') => Event::Start(Tag::Link {
            link_type,
            dest_url: CowStr::from(format!("#{STORY_ID_PREFIX}{}", &dest_url[1..])),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) if is_relative_path(&dest_url) => Event::Start(Tag::Image {
            link_type,
            dest_url: CowStr::from(format!("{STORY_IMAGE_FOLDER}/{dest_url}")),
            title,
            id,
        }),
        Event::FootnoteReference(name) => Event::FootnoteReference(prefixed(&name)),
        Event::Start(Tag::FootnoteDefinition(name)) => {
            Event::Start(Tag::FootnoteDefinition(prefixed(&name)))
        }
        event => event,
    }
}

fn first_paragraph(events: &[Event]) -> String {
    let mut text = String::new();
    let mut inside = false;
    for event in events {
        match event {
            Event::Start(Tag::Paragraph) => inside = true,
            Event::End(TagEnd::Paragraph) if inside => break,
            Event::Text(t) | Event::Code(t) if inside => text.push_str(t),
            Event::SoftBreak | Event::HardBreak if inside => text.push(' '),
            _ => {}
        }
    }
    text.trim().to_string()
}

/// At most about `max` characters, cut at a word boundary, with `…`.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', '.', ';', ':']))
}

/// Gives every heading an id (`prefix` + its text as a slug, unique in the text) and, with an
/// `anchor_label`, a visible anchor link. Returns the events and every id they define
/// (headings and footnotes). One pass: a text of many headings stays linear.
fn add_heading_ids<'a>(
    events: Vec<Event<'a>>,
    trust: Trust,
    prefix: &str,
    anchor_label: Option<&str>,
) -> (Vec<Event<'a>>, BTreeSet<String>) {
    let mut ids = Ids::default();
    let mut top = None;
    for event in &events {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                top = Some(top.map_or(*level as usize, |t: usize| t.min(*level as usize)));
            }
            Event::Start(Tag::FootnoteDefinition(name)) => {
                ids.used.insert(name.to_string());
            }
            _ => {}
        }
    }
    let top = top.unwrap_or(1);
    let mut out = Vec::with_capacity(events.len());
    // The open heading: where its start is in `out`, its level, its text so far.
    let mut heading: Option<(usize, HeadingLevel, String)> = None;
    for event in events {
        match (event, &mut heading) {
            (Event::Start(Tag::Heading { level, .. }), _) => {
                heading = Some((out.len(), level, String::new()));
                // Places for the wrapper that holds the heading and its anchor, and the start.
                out.push(Event::SoftBreak);
                out.push(Event::SoftBreak);
            }
            (Event::End(TagEnd::Heading(_)), Some((start, level, text))) => {
                let id = ids.unique(prefix, slug(text));
                let level = match trust {
                    Trust::Editor => *level,
                    Trust::Partner => shift(*level, top),
                };
                out[*start + 1] = Event::Start(Tag::Heading {
                    level,
                    id: Some(CowStr::from(id.clone())),
                    classes: Vec::new(),
                    attrs: Vec::new(),
                });
                out.push(Event::End(TagEnd::Heading(level)));
                // The anchor stands beside the heading, not in it: inside, its text would be
                // read as part of the heading's name ("To frister Lenke til avsnittet: …").
                match anchor_label {
                    Some(label) => {
                        out[*start] = Event::Html(CowStr::from("<div class=\"heading-wrap\">"));
                        out.push(Event::Html(CowStr::from(format!(
                            "<a class=\"heading-anchor\" href=\"#{id}\"><span aria-hidden=\"true\">#</span><span class=\"visually-hidden\">{}</span></a></div>\n",
                            html_escape(&format!("{label}: {text}"))
                        ))));
                    }
                    None => out[*start] = Event::Html(CowStr::from("")),
                }
                heading = None;
            }
            (event @ (Event::Text(_) | Event::Code(_)), Some((_, _, text))) => {
                if let Event::Text(t) | Event::Code(t) = &event {
                    text.push_str(t);
                }
                out.push(event);
            }
            (event, _) => out.push(event),
        }
    }
    (out, ids.used)
}

/// Ids given so far, and for each slug the next number to try, so that `n` headings with the
/// same text take linear time, not quadratic.
#[derive(Default)]
struct Ids {
    used: BTreeSet<String>,
    next: HashMap<String, usize>,
}

impl Ids {
    fn unique(&mut self, prefix: &str, base: String) -> String {
        let base = if base.is_empty() {
            format!("{prefix}seksjon")
        } else {
            format!("{prefix}{base}")
        };
        let mut n = self.next.get(&base).copied().unwrap_or(0);
        let mut candidate = if n == 0 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        while self.used.contains(&candidate) {
            n += 1;
            candidate = format!("{base}-{n}");
        }
        self.next.insert(base, n + 1);
        self.used.insert(candidate.clone());
        candidate
    }
}

/// `level` moved so that `top`, the highest level in the text, becomes `h3`.
fn shift(level: HeadingLevel, top: usize) -> HeadingLevel {
    match (level as usize + 3).saturating_sub(top) {
        0..=3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// A URL-friendly id: lowercase ASCII, Norwegian letters spelled out, `-` between words.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for ch in text.to_lowercase().chars() {
        match ch {
            'æ' => out.push_str("ae"),
            'ø' | 'ö' => out.push('o'),
            'å' | 'ä' | 'á' | 'à' => out.push('a'),
            'é' | 'è' => out.push('e'),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ => {
                if !out.ends_with('-') && !out.is_empty() {
                    out.push('-');
                }
            }
        }
    }
    out.trim_end_matches('-').to_string()
}

pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    pulldown_cmark_escape::escape_html(&mut out, s).ok();
    out
}

/// Line and column of a byte offset, as the Markdown side keeps them.
fn position(lines: &LineIndex, offset: usize) -> (u32, u32) {
    let pos = lines.pos(offset);
    (pos.line, pos.column)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn editor(md: &str) -> Rendered {
        render(md, Trust::Editor, "Lenke til", "/")
    }

    #[test]
    fn renders_tables_footnotes_and_strikethrough() {
        let html =
            editor("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gammelt~~ nytt[^1]\n\n[^1]: Kilde\n").html;
        assert!(html.contains("<table>"));
        assert!(html.contains("<del>gammelt</del>"));
        assert!(html.contains("footnote-definition"));
    }

    #[test]
    fn gives_headings_unique_ids_and_anchors() {
        let r = editor("## Klimaregnskap\n\n## Klimaregnskap\n\n### Mål for 2030\n");
        assert!(r.html.contains("<h2 id=\"klimaregnskap\">"), "{}", r.html);
        assert!(r.html.contains("<h2 id=\"klimaregnskap-1\">"));
        assert!(r.html.contains("<h3 id=\"mal-for-2030\">"));
        assert!(r.html.contains("href=\"#klimaregnskap\""));
    }

    #[test]
    fn the_anchor_stands_beside_its_heading_so_the_heading_is_named_by_its_text_alone() {
        let html = editor("## To frister\n\nTekst.\n").html;
        let heading = html
            .split("<h2 id=\"to-frister\">")
            .nth(1)
            .and_then(|rest| rest.split("</h2>").next())
            .unwrap_or_default();
        assert_eq!(heading, "To frister", "{html}");
        assert!(
            html.contains("</h2>\n<a class=\"heading-anchor\" href=\"#to-frister\">"),
            "{html}"
        );
        assert!(html.starts_with("<div class=\"heading-wrap\">"), "{html}");
    }

    #[test]
    fn collects_links_with_lines() {
        let r = editor("Tekst\n\nSe [partnerne](/partnere/) og ![logo](/a.png).\n");
        let found: Vec<_> = r
            .links
            .iter()
            .map(|l| (l.url.as_str(), l.line, l.column))
            .collect();
        assert_eq!(found, [("/partnere/", 3, 4), ("/a.png", 3, 31)]);
    }

    #[test]
    fn prefixes_root_relative_links_with_the_base_path() {
        let r = render(
            "[a](/partnere/) [b](https://x.no/)",
            Trust::Editor,
            "",
            "/nfk/",
        );
        assert!(r.html.contains("href=\"/nfk/partnere/\""), "{}", r.html);
        assert!(r.html.contains("href=\"https://x.no/\""));
        assert_eq!(r.links[0].url, "/partnere/");
    }

    #[test]
    fn editors_may_write_raw_html() {
        assert!(
            editor("<div class=\"x\">hei</div>\n")
                .html
                .contains("<div class=\"x\">")
        );
    }

    #[test]
    fn partner_text_is_made_inert() {
        let md = "# Vår historie\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[klikk](javascript:alert(1)) [data](data:text/html,x) [ok](https://example.no)\n";
        let html = render(md, Trust::Partner, "", "/").html;
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("data:text"), "{html}");
        assert!(html.contains("href=\"https://example.no\""));
        assert!(html.contains("<h3"), "partner headings start at h3: {html}");
    }

    #[test]
    fn partner_headings_start_at_h3_whatever_level_the_story_starts_at() {
        let html = render(
            "## Mål\n\nTekst.\n\n### Tiltak\n\n## Resultater\n",
            Trust::Partner,
            "",
            "/",
        )
        .html;
        assert!(html.contains("<h3 id=\"historie-mal\">Mål</h3>"), "{html}");
        assert!(
            html.contains("<h4 id=\"historie-tiltak\">Tiltak</h4>"),
            "{html}"
        );
        assert!(
            html.contains("<h3 id=\"historie-resultater\">Resultater</h3>"),
            "{html}"
        );
        let html = render("# A\n\n## B\n", Trust::Partner, "", "/").html;
        assert!(
            html.contains("<h3 id=\"historie-a\">A</h3>")
                && html.contains("<h4 id=\"historie-b\">B</h4>"),
            "{html}"
        );
    }

    fn story(md: &str) -> String {
        render(md, Trust::Partner, "", "/").html
    }

    /// Every `href="#x"` of `html` and whether an element has `id="x"`.
    fn fragments(html: &str) -> Vec<(String, bool)> {
        let ids: BTreeSet<&str> = html
            .split("id=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        html.split("href=\"#")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .map(|id| (id.to_string(), ids.contains(id)))
            .collect()
    }

    #[test]
    fn footnotes_and_heading_links_resolve_in_stories() {
        let html = story(
            "# Vår historie\n\nTekst[^1] og mer[^kilde].\n\nSe [toppen](#var-historie).\n\n[^1]: En.\n[^kilde]: To.\n",
        );
        let found = fragments(&html);
        assert_eq!(found.len(), 3, "{html}");
        assert!(found.iter().all(|(_, ok)| *ok), "{found:?} in {html}");
        assert!(
            found.iter().all(|(id, _)| id.starts_with(STORY_ID_PREFIX)),
            "{found:?}"
        );
        assert!(html.contains("class=\"footnote-definition\""), "{html}");
    }

    #[test]
    fn stories_load_nothing_from_other_hosts() {
        let html = story(
            "![a](https://tracker.example/p.png) ![b](//tracker.example/p.png) ![c](\\\\\\\\tracker.example/p.png) ![d](bilde.png)\n\n[lenke](//example.no/)\n",
        );
        let sources: Vec<&str> = html
            .split(" src=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        // pulldown-cmark writes `\\` as `%5C%5C`, a harmless relative path.
        assert_eq!(
            sources,
            ["%5C%5Ctracker.example/p.png", "bilder/bilde.png"],
            "{html}"
        );
        assert!(sources.iter().all(|s| is_relative_path(s)));
        assert!(
            html.contains("href=\"//example.no/\""),
            "links stay links: {html}"
        );
    }

    #[test]
    fn nesting_past_the_limit_is_found_and_left_out_of_the_html() {
        let quotes = "> ".repeat(100_000);
        assert_eq!(too_deep(&quotes), Some((1, 2 * MAX_NESTING as u32 + 1)));
        assert_eq!(outline(&quotes).too_deep, too_deep(&quotes));
        assert_eq!(too_deep(&"> ".repeat(MAX_NESTING)), None);
        // Rendered anyway (as a fuzz target does), the HTML holds at most MAX_NESTING levels.
        let html = story(&quotes);
        assert_eq!(html.matches("<blockquote>").count(), MAX_NESTING);
        let list = "1. ".repeat(30_000) + "x\n";
        assert!(too_deep(&list).is_some());
        assert!(story(&list).matches("<li>").count() <= MAX_NESTING);
    }

    #[test]
    fn many_headings_with_the_same_text_get_ids_in_linear_time() {
        let r = editor(&"# A\n".repeat(50_000));
        assert!(r.html.contains("<h1 id=\"a-49999\">"));
        assert_eq!(r.html.matches("<h1 id=").count(), 50_000);
    }

    #[test]
    fn heading_ids_avoid_footnote_names() {
        let r = editor("# 1\n\nx[^1]\n\n[^1]: y\n");
        assert!(r.html.contains("<h1 id=\"1-1\">"), "{}", r.html);
    }

    #[test]
    fn summarises_the_first_paragraph() {
        let r = editor("# Tittel\n\nFørste *avsnitt* med `kode`.\n\nAndre.\n");
        assert_eq!(r.summary, "Første avsnitt med kode.");
        let r = editor("Vi er \u{E000}0\u{E001} partnere.\n");
        assert_eq!(
            r.summary, "Vi er \u{E000}0\u{E001} partnere.",
            "placeholders are kept"
        );
        assert_eq!(shorten("ett to tre fire", 9), "ett to…");
    }

    #[test]
    fn slugs_norwegian_text() {
        assert_eq!(slug("Bærekraft på Økern!"), "baerekraft-pa-okern");
    }
}
