//! The error overlay: while the latest build has errors, every HTML page the server sends carries
//! a panel that lists them (`path:line:column`, message, help), over the last good page.
//!
//! It is a native `<dialog open>` with `role="alertdialog"`, a heading it is labelled by, and a
//! close button in a `method="dialog"` form, so it is announced, readable and closable with the
//! keyboard even with JavaScript off. Its styles are inline and scoped by id so no theme can hide
//! or restyle it. Every text from a diagnostic goes through `pulldown_cmark_escape::escape_html`:
//! messages quote the editor's own (possibly broken) input.
//!
//! The overlay goes away by itself: the next good build tells the browser to reload, and pages
//! are then served without it.

use pulldown_cmark_escape::escape_html;

use crate::diagnostics::{Diagnostic, Severity};
use crate::messages::{self, ids};
use crate::model::Language;

/// The overlay's HTML for `problems` (sorted, worded in `lang`); empty when there are none.
pub fn render(problems: &[Diagnostic], lang: Language) -> String {
    let text = |id| messages::text(lang, id, &[]);
    if problems.is_empty() {
        return String::new();
    }
    let errors = problems.iter().filter(|d| d.is_error()).count();
    let warnings = problems.len() - errors;
    let mut out = String::with_capacity(1024 + problems.len() * 200);
    out.push_str(STYLE);
    out.push_str(
        r#"<dialog open id="nfk-overlay" role="alertdialog" aria-modal="false" aria-labelledby="nfk-overlay-title" aria-describedby="nfk-overlay-intro"><h2 id="nfk-overlay-title">"#,
    );
    let counts = vec![("errors", errors.into()), ("warnings", warnings.into())];
    push_escaped(
        &mut out,
        &messages::text(lang, ids::SERVE_OVERLAY_HEADING, &counts),
    );
    out.push_str(r#"</h2><p id="nfk-overlay-intro">"#);
    push_escaped(&mut out, &text(ids::SERVE_OVERLAY_INTRO));
    out.push_str("</p><ol>");
    for d in problems {
        item(&mut out, d, lang);
    }
    out.push_str(r#"</ol><form method="dialog"><button type="submit" autofocus>"#);
    push_escaped(&mut out, &text(ids::SERVE_OVERLAY_CLOSE));
    out.push_str("</button></form></dialog>");
    out
}

fn item(out: &mut String, d: &Diagnostic, lang: Language) {
    let severity = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let label = messages::text(
        lang,
        match d.severity {
            Severity::Error => ids::SERVE_OVERLAY_ERROR,
            Severity::Warning => ids::SERVE_OVERLAY_WARNING,
        },
        &[],
    );
    let location = if d.line == 0 {
        d.path.clone()
    } else {
        format!("{}:{}:{}", d.path, d.line, d.column.max(1))
    };
    out.push_str(&format!(r#"<li class="nfk-{severity}"><code>"#));
    push_escaped(out, &location);
    out.push_str("</code> <strong>");
    push_escaped(out, &label);
    out.push_str(":</strong> ");
    push_escaped(out, &d.message);
    if let Some(help) = &d.help {
        out.push_str(r#"<br><span class="nfk-help">"#);
        push_escaped(out, &messages::text(lang, ids::SERVE_OVERLAY_HELP, &[]));
        out.push_str(": ");
        push_escaped(out, help);
        out.push_str("</span>");
    }
    out.push_str("</li>");
}

fn push_escaped(out: &mut String, text: &str) {
    // Writing into a String cannot fail.
    let _ = escape_html(&mut *out, text);
}

/// Inline, id-scoped styles: dark text on white, large enough to read from a distance, with a
/// visible focus ring. Sized to the viewport and scrollable when the list is long.
const STYLE: &str = "<style>\
#nfk-overlay{position:fixed;inset:1rem;margin:auto;z-index:2147483647;max-width:60rem;max-height:calc(100vh - 2rem);overflow:auto;box-sizing:border-box;padding:1.5rem 2rem;border:4px solid #b00020;border-radius:8px;background:#fff;color:#1a1a1a;font:16px/1.5 system-ui,sans-serif;box-shadow:0 8px 40px rgba(0,0,0,.45)}\
#nfk-overlay h2{margin:0 0 .5rem;color:#b00020;font-size:1.4rem}\
#nfk-overlay ol{padding-left:1.5rem}\
#nfk-overlay li{margin:.6rem 0}\
#nfk-overlay code{font:15px/1.4 ui-monospace,monospace;background:#f3f3f3;padding:.1rem .3rem;border-radius:3px;word-break:break-all}\
#nfk-overlay .nfk-help{color:#35512f}\
#nfk-overlay button{font:inherit;padding:.4rem 1.2rem;border:2px solid #1a1a1a;border-radius:4px;background:#fff;color:#1a1a1a;cursor:pointer}\
#nfk-overlay button:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}\
</style>";

/// Puts `fragment` just before `</body>` (the last one, any case), or at the end when there is none.
pub fn inject(html: &str, fragment: &str) -> String {
    let at = html
        .to_ascii_lowercase()
        .rfind("</body>")
        .unwrap_or(html.len());
    let mut out = String::with_capacity(html.len() + fragment.len());
    out.push_str(&html[..at]);
    out.push_str(fragment);
    out.push_str(&html[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Pos;

    #[test]
    fn lists_location_message_and_help_escaped() {
        let d = Diagnostic::error(
            "partners/a/profile.yaml",
            Pos::new(3, 7),
            "unknown field `<script>alert(1)</script>`",
        )
        .with_help("did you mean `name` & not \"nme\"?");
        let html = render(&[d], Language::En);
        assert!(html.contains("<code>partners/a/profile.yaml:3:7</code>"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!html.contains("<script>"));
        assert!(html.contains("help: did you mean `name` &amp; not &quot;nme&quot;?"));
        assert!(html.contains("Build failed: 1 error</h2>"));
    }

    #[test]
    fn speaks_the_language_it_is_given() {
        let problems = [
            Diagnostic::error("site.yaml", Pos::new(1, 1), "bad").with_help("fix"),
            Diagnostic::warning("site.yaml", Pos::new(2, 1), "odd"),
        ];
        let html = render(&problems, Language::Nb);
        assert!(
            html.contains("Byggingen feilet: 1 feil, 1 advarsel</h2>"),
            "{html}"
        );
        assert!(html.contains("<strong>feil:</strong> bad"), "{html}");
        assert!(html.contains("hjelp: fix"), "{html}");
        assert!(html.contains(">Lukk</button>"), "{html}");
        let english = render(&problems, Language::En);
        assert!(
            english.contains("Build failed: 1 error, 1 warning</h2>"),
            "{english}"
        );
    }

    #[test]
    fn is_an_accessible_dialog_with_a_close_button() {
        let html = render(
            &[Diagnostic::error("site.yaml", Pos::FILE, "bad")],
            Language::En,
        );
        assert!(html.contains(r#"role="alertdialog""#));
        assert!(html.contains(r#"aria-labelledby="nfk-overlay-title""#));
        assert!(html.contains(r#"<form method="dialog"><button"#));
        assert!(html.contains("<code>site.yaml</code>"));
    }

    #[test]
    fn nothing_to_show_gives_nothing() {
        assert_eq!(render(&[], Language::Nb), "");
    }

    #[test]
    fn injects_before_the_closing_body_tag() {
        assert_eq!(
            inject("<p>x</p></BODY></html>", "<i>"),
            "<p>x</p><i></BODY></html>"
        );
        assert_eq!(inject("<p>x</p>", "<i>"), "<p>x</p><i>");
    }
}
