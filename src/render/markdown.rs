//! Markdown → HTML with pulldown-cmark: CommonMark plus tables, footnotes, strikethrough and
//! heading ids with anchors (SPEC §5). Also collects every link with its line, for link checking.
//!
//! Two levels of trust: editors' `content/` passes raw HTML through; partner text (`story.md`)
//! is untrusted, so raw HTML is shown as text and the result goes through ammonia, which keeps
//! only safe tags and http(s)/mailto links.

use std::collections::{BTreeSet, HashSet};

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trust {
    /// Editors' own pages: raw HTML allowed.
    Editor,
    /// Text from partners: sanitized; the story's top heading level becomes `h3` (the page owns
    /// `h1`/`h2`), so `##` headings do not skip a level (WCAG 1.3.1, issue 8).
    Partner,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub url: String,
    pub line: u32,
    pub column: u32,
}

#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub links: Vec<Link>,
    /// Every element id the HTML defines (headings, footnotes), for `#fragment` checks.
    pub ids: BTreeSet<String>,
    /// The first paragraph as plain text, shortened to about 200 characters.
    pub summary: String,
}

/// `base_path` (`/` or `/nfk/`) is put in front of root-relative link targets (`/partnere/`).
pub fn render(markdown: &str, trust: Trust, anchor_label: &str, base_path: &str) -> Rendered {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION;
    let lines = LineIndex::new(markdown);
    let mut links = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
        let mut event = event;
        if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = &mut event {
            let (line, column) = lines.position(range.start);
            links.push(Link {
                url: dest_url.to_string(),
                line,
                column,
            });
            if base_path != "/" && dest_url.starts_with('/') && !dest_url.starts_with("//") {
                *dest_url = CowStr::from(format!("{base_path}{}", &dest_url[1..]));
            }
        }
        let event = match (trust, event) {
            (Trust::Partner, Event::Html(text) | Event::InlineHtml(text)) => Event::Text(text),
            (_, event) => event,
        };
        events.push(event);
    }
    let summary = first_paragraph(&events);
    let ids = add_heading_ids(&mut events, trust, anchor_label);
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    if trust == Trust::Partner {
        out = sanitize(&out);
    }
    Rendered {
        html: out,
        links,
        ids,
        summary,
    }
}

const SUMMARY_CHARS: usize = 200;

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
    // Inline shortcode placeholders are not text.
    let mut clean = String::new();
    let mut in_token = false;
    for ch in text.chars() {
        match ch {
            '\u{E000}' => in_token = true,
            '\u{E001}' => in_token = false,
            c if !in_token => clean.push(c),
            _ => {}
        }
    }
    shorten(clean.trim(), SUMMARY_CHARS)
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

/// Keeps structure and text; drops scripts, styles, event handlers and unsafe URL schemes.
pub fn sanitize(html: &str) -> String {
    ammonia::Builder::default()
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(html)
        .to_string()
}

/// Gives every heading an id (from its text, unique in the page) and a visible anchor link.
fn add_heading_ids(events: &mut Vec<Event>, trust: Trust, anchor_label: &str) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    let top = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(*level as usize),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    let mut i = 0;
    while i < events.len() {
        if let Event::Start(Tag::Heading { level, .. }) = &events[i] {
            let level = *level;
            let end = (i..events.len())
                .find(|&j| matches!(events[j], Event::End(TagEnd::Heading(_))))
                .unwrap_or(events.len() - 1);
            let text: String = events[i..end]
                .iter()
                .filter_map(|e| match e {
                    Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
                    _ => None,
                })
                .collect();
            let id = unique(slug(&text), &mut used);
            let level = match trust {
                Trust::Editor => level,
                Trust::Partner => shift(level, top),
            };
            events[i] = Event::Start(Tag::Heading {
                level,
                id: Some(CowStr::from(id.clone())),
                classes: Vec::new(),
                attrs: Vec::new(),
            });
            events[end] = Event::End(TagEnd::Heading(level));
            if trust == Trust::Editor {
                let anchor = format!(
                    " <a class=\"heading-anchor\" href=\"#{id}\"><span aria-hidden=\"true\">#</span><span class=\"visually-hidden\">{}</span></a>",
                    html_escape(&format!("{anchor_label}: {text}"))
                );
                events.insert(end, Event::InlineHtml(CowStr::from(anchor)));
            }
            i = end + 1;
        } else {
            if let Event::Start(Tag::FootnoteDefinition(name)) = &events[i] {
                used.insert(name.to_string());
            }
            i += 1;
        }
    }
    used
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

fn unique(base: String, used: &mut BTreeSet<String>) -> String {
    let base = if base.is_empty() {
        "seksjon".to_string()
    } else {
        base
    };
    let mut candidate = base.clone();
    let mut n = 1;
    while used.contains(&candidate) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    used.insert(candidate.clone());
    candidate
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

/// Byte offset → 1-based (line, column in characters).
struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    fn position(&self, offset: usize) -> (u32, u32) {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let column = self
            .text
            .get(start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        (line as u32, column as u32)
    }
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
        assert!(r.ids.contains("mal-for-2030"));
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
        assert!(html.contains("<h3>Mål</h3>"), "{html}");
        assert!(html.contains("<h4>Tiltak</h4>"), "{html}");
        assert!(html.contains("<h3>Resultater</h3>"), "{html}");
        let html = render("# A\n\n## B\n", Trust::Partner, "", "/").html;
        assert!(
            html.contains("<h3>A</h3>") && html.contains("<h4>B</h4>"),
            "{html}"
        );
    }

    #[test]
    fn summarises_the_first_paragraph() {
        let r = editor("# Tittel\n\nFørste *avsnitt* med `kode`.\n\nAndre.\n");
        assert_eq!(r.summary, "Første avsnitt med kode.");
        assert_eq!(shorten("ett to tre fire", 9), "ett to…");
    }

    #[test]
    fn slugs_norwegian_text() {
        assert_eq!(slug("Bærekraft på Økern!"), "baerekraft-pa-okern");
    }
}
