//! How diagnostics are printed: for people (`path:line:col: error: …`), as GitHub annotations,
//! and the escaping every format shares ([`printable`]) so hostile site text cannot steer a
//! terminal. Shows what it is given; words nothing (the catalogue did) and decides nothing.

use std::borrow::Cow;
use std::fmt::Write as _;

use super::{Diagnostic, Severity};

/// How diagnostics are printed (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    #[default]
    Human,
    Json,
    Github,
}

/// `path:line:column: error: message` then `  help: …`, one block per diagnostic.
pub fn render_human(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let severity = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = writeln!(
            out,
            "{}: {severity}: {}",
            location(d),
            printable(&d.message)
        );
        if let Some(help) = &d.help {
            let _ = writeln!(out, "  help: {}", printable(help));
        }
    }
    out
}

/// GitHub Actions workflow commands, so problems show up on the pull request's lines.
pub fn render_github(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let kind = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut message = printable(&d.message).into_owned();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(&printable(help));
        }
        let _ = write!(
            out,
            "::{kind} file={}",
            escape_property(&printable(&d.path))
        );
        if d.line > 0 {
            let _ = write!(out, ",line={},col={}", d.line, d.column.max(1));
        }
        let _ = writeln!(out, "::{}", escape_data(&message));
    }
    out
}

fn location(d: &Diagnostic) -> String {
    let path = printable(&d.path);
    if d.line == 0 {
        path.into_owned()
    } else {
        format!("{path}:{}:{}", d.line, d.column.max(1))
    }
}

/// `text` with every character that could steer a terminal or hide text written as `\u{…}`:
/// C0 controls (newline included: a message is one line) except tab, DEL, C1 controls, bidi
/// controls, zero-width characters and the Unicode line separators.
pub fn printable(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unprintable) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for ch in text.chars() {
        if is_unprintable(ch) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(ch));
        } else {
            out.push(ch);
        }
    }
    Cow::Owned(out)
}

fn is_unprintable(ch: char) -> bool {
    (ch.is_control() && ch != '\t')
        || matches!(
            ch,
            '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{2069}'
                | '\u{061c}'
                | '\u{feff}'
        )
}

pub(super) fn serialize_printable<S: serde::Serializer>(
    text: &str,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.serialize_str(&printable(text))
}

pub(super) fn serialize_printable_option<S: serde::Serializer>(
    text: &Option<String>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match text {
        Some(text) => serialize_printable(text, s),
        None => s.serialize_none(),
    }
}

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Pos;

    #[test]
    fn prints_path_line_column_and_help() {
        let d =
            Diagnostic::error("partners/a/profile.yaml", Pos::new(3, 5), "bad").with_help("fix it");
        assert_eq!(
            render_human(&[d]),
            "partners/a/profile.yaml:3:5: error: bad\n  help: fix it\n"
        );
    }

    #[test]
    fn whole_file_diagnostics_have_no_line() {
        let d = Diagnostic::warning("site.yaml", Pos::FILE, "empty");
        assert_eq!(render_human(&[d]), "site.yaml: warning: empty\n");
    }

    #[test]
    fn github_format_escapes_newlines_and_names_the_line() {
        let d = Diagnostic::error("site.yaml", Pos::new(2, 3), "bad %").with_help("fix it");
        assert_eq!(
            render_github(&[d]),
            "::error file=site.yaml,line=2,col=3::bad %25%0Ahelp: fix it\n"
        );
    }

    fn hostile() -> Diagnostic {
        Diagnostic::error(
            "partners/a\u{1b}]0;x\u{7}/profile.yaml",
            Pos::new(1, 7),
            "unknown status `\u{1b}[2J\u{9b}31m\u{202e}x`",
        )
        .with_help("a\nsite.yaml:1:1: error: forged\r")
    }

    fn has_raw_controls(text: &str) -> bool {
        text.chars()
            .any(|c| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c))
    }

    #[test]
    fn every_format_shows_control_characters_escaped() {
        let human = render_human(&[hostile()]);
        assert!(!has_raw_controls(&human), "{human:?}");
        assert_eq!(
            human,
            "partners/a\\u{1b}]0;x\\u{7}/profile.yaml:1:7: error: unknown status `\\u{1b}[2J\\u{9b}31m\\u{202e}x`\n  \
             help: a\\u{a}site.yaml:1:1: error: forged\\u{d}\n"
        );
        let github = render_github(&[hostile()]);
        assert!(!has_raw_controls(&github), "{github:?}");
        assert_eq!(github.lines().count(), 1, "{github}");
        let json = serde_json::to_string(&hostile()).unwrap();
        assert!(!has_raw_controls(&json), "{json}");
        // JSON's own `\u001b` escapes would still reach a terminal raw once decoded.
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        for field in ["path", "message", "help"] {
            let text = value[field].as_str().unwrap();
            assert!(!has_raw_controls(text) && !text.contains('\n'), "{text:?}");
        }
    }

    #[test]
    fn printable_text_is_left_alone() {
        assert!(matches!(
            printable("Ærlig talt\tå"),
            Cow::Borrowed("Ærlig talt\tå")
        ));
        assert_eq!(printable("a\u{200b}b\u{feff}"), "a\\u{200b}b\\u{feff}");
    }
}
