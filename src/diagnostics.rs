//! Problems an editor can fix: what is wrong, where, and how to fix it.
//!
//! A [`Diagnostic`] keeps the facts (severity, file, line, column, message, help) apart from how
//! they are shown, so the same list prints for people, as JSON, or as GitHub annotations.
//! This module never decides *whether* something is wrong; the stages that find problems push
//! them into a [`Diagnostics`] collector and keep going, so an editor sees every problem at once.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A place in a file, 1-based. `line == 0` means "the file as a whole".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

impl Pos {
    pub const FILE: Pos = Pos { line: 0, column: 0 };

    pub fn new(line: u32, column: u32) -> Self {
        Pos { line, column }
    }

    /// Moves a position found in an embedded document (front matter) to the enclosing file.
    pub fn shifted(self, lines: u32) -> Self {
        if self.line == 0 {
            self
        } else {
            Pos {
                line: self.line + lines,
                column: self.column,
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Relative to the site root, with `/` separators.
    pub path: String,
    pub line: u32,
    pub column: u32,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(path: &str, pos: Pos, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, path, pos, message)
    }

    pub fn warning(path: &str, pos: Pos, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, path, pos, message)
    }

    fn new(severity: Severity, path: &str, pos: Pos, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            path: path.to_string(),
            line: pos.line,
            column: pos.column,
            message: message.into(),
            help: None,
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    fn sort_key(&self) -> (&str, u32, u32, Severity, &str) {
        (
            &self.path,
            self.line,
            self.column,
            self.severity,
            &self.message,
        )
    }
}

/// Collects diagnostics from every stage; order does not matter until [`Diagnostics::sorted`].
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub fn error(&mut self, path: &str, pos: Pos, message: impl Into<String>) {
        self.push(Diagnostic::error(path, pos, message));
    }

    pub fn warning(&mut self, path: &str, pos: Pos, message: impl Into<String>) {
        self.push(Diagnostic::warning(path, pos, message));
    }

    pub fn last_mut(&mut self) -> Option<&mut Diagnostic> {
        self.items.last_mut()
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    /// Sorted by path, line, column; exact duplicates removed.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.items.dedup();
        self.items
    }
}

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
        let _ = writeln!(out, "{}: {severity}: {}", location(d), d.message);
        if let Some(help) = &d.help {
            let _ = writeln!(out, "  help: {help}");
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
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push_str("\nhelp: ");
            message.push_str(help);
        }
        let _ = write!(out, "::{kind} file={}", escape_property(&d.path));
        if d.line > 0 {
            let _ = write!(out, ",line={},col={}", d.line, d.column.max(1));
        }
        let _ = writeln!(out, "::{}", escape_data(&message));
    }
    out
}

fn location(d: &Diagnostic) -> String {
    if d.line == 0 {
        d.path.clone()
    } else {
        format!("{}:{}:{}", d.path, d.line, d.column.max(1))
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

/// The path of `file` relative to `root`, with `/` separators, for messages.
pub fn display_path(root: &Path, file: &Path) -> String {
    let rel: PathBuf = file.strip_prefix(root).unwrap_or(file).to_path_buf();
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// "did you mean `weight`?" for the closest of `candidates`, if one is close enough.
pub fn did_you_mean<'a>(
    given: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(given, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// A help line for an unknown name: a suggestion when one is close, else the list.
pub fn suggestion_help(given: &str, candidates: &[&str]) -> String {
    match did_you_mean(given, candidates.iter().copied()) {
        Some(close) => format!("did you mean `{close}`?"),
        None => format!("expected one of: {}", candidates.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn sorts_by_path_then_line_and_removes_duplicates() {
        let mut all = Diagnostics::new();
        all.error("b.yaml", Pos::new(1, 1), "x");
        all.error("a.yaml", Pos::new(9, 1), "y");
        all.error("a.yaml", Pos::new(2, 1), "z");
        all.error("a.yaml", Pos::new(2, 1), "z");
        let sorted = all.sorted();
        let order: Vec<_> = sorted.iter().map(|d| (d.path.as_str(), d.line)).collect();
        assert_eq!(order, [("a.yaml", 2), ("a.yaml", 9), ("b.yaml", 1)]);
    }

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(did_you_mean("wieght", ["weight", "title"]), Some("weight"));
        assert_eq!(did_you_mean("zzz", ["weight", "title"]), None);
    }

    #[test]
    fn github_format_escapes_newlines_and_names_the_line() {
        let d = Diagnostic::error("site.yaml", Pos::new(2, 3), "bad").with_help("a\nb");
        assert_eq!(
            render_github(&[d]),
            "::error file=site.yaml,line=2,col=3::bad%0Ahelp: a%0Ab\n"
        );
    }
}
