//! Problems an editor can fix: what is wrong, where, and how to fix it.
//!
//! A [`Diagnostic`] keeps the facts (severity, file, line, column, message, help) apart from how
//! they are shown, so the same list prints for people, as JSON, or as GitHub annotations.
//! This module never decides *whether* something is wrong; the stages that find problems push
//! them into a [`Diagnostics`] collector and keep going, so an editor sees every problem at once.
//!
//! Messages quote site text, which may be hostile (SPEC §10): every renderer shows control,
//! bidi and invisible characters as `\u{1b}` ([`printable`]), so a partner's profile can never
//! move the terminal's cursor, set its title or forge a diagnostic line.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::messages::{self, Args};
use crate::model::Language;

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

/// Byte offsets of a text → 1-based [`Pos`] (line, and column in characters), for every place
/// that finds a problem by offset (Markdown events, characters in a file).
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    pub fn pos(&self, offset: usize) -> Pos {
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1];
        let column = self
            .text
            .get(start..offset)
            .map_or(1, |s| s.chars().count() + 1);
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Pos::new(clamp(line), clamp(column))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Relative to the site root, with `/` separators.
    #[serde(serialize_with = "serialize_printable")]
    pub path: String,
    pub line: u32,
    pub column: u32,
    /// The message in the catalogue, serialized as its id (`code`, stable across languages);
    /// `None` for a message not yet in the catalogue (its English text is all there is).
    /// Boxed: diagnostics travel in `Result`s, and most are small.
    #[serde(
        rename = "code",
        skip_serializing_if = "Option::is_none",
        serialize_with = "serialize_code"
    )]
    pub catalogued: Option<Box<Catalogued>>,
    /// The text in English until [`Diagnostic::localize`] words it in the editor's language.
    #[serde(serialize_with = "serialize_printable")]
    pub message: String,
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "serialize_printable_option"
    )]
    pub help: Option<String>,
}

/// A diagnostic's message in the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalogued {
    /// The message id (`crate::messages::ids`).
    pub id: &'static str,
    /// The id whose text is the help line, when it is not the message's own `.help`.
    pub help: Option<&'static str>,
    /// The values the message's and the help's variables take.
    pub args: Args,
}

fn serialize_code<S: serde::Serializer>(
    catalogued: &Option<Box<Catalogued>>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match catalogued {
        Some(c) => s.serialize_str(c.id),
        None => s.serialize_none(),
    }
}

/// Re-words every diagnostic from the catalogue in `lang`, for printing.
pub fn localized(mut list: Vec<Diagnostic>, lang: Language) -> Vec<Diagnostic> {
    for d in &mut list {
        d.localize(lang);
    }
    list
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
            catalogued: None,
            message: message.into(),
            help: None,
        }
    }

    /// An error worded by message `id` of the catalogue, with its `.help` line if it has one.
    pub fn error_msg(path: &str, pos: Pos, id: &'static str, args: Args) -> Self {
        Self::coded(Severity::Error, path, pos, id, args)
    }

    pub fn warning_msg(path: &str, pos: Pos, id: &'static str, args: Args) -> Self {
        Self::coded(Severity::Warning, path, pos, id, args)
    }

    fn coded(severity: Severity, path: &str, pos: Pos, id: &'static str, args: Args) -> Self {
        let mut d = Self::new(severity, path, pos, String::new());
        d.catalogued = Some(Box::new(Catalogued {
            id,
            help: None,
            args,
        }));
        d.localize(Language::En);
        d
    }

    /// The help line is message `id` (with the same arguments) instead of the `.help` line.
    pub fn with_help_msg(mut self, id: &'static str) -> Self {
        if let Some(c) = &mut self.catalogued {
            c.help = Some(id);
        }
        self.localize(Language::En);
        self
    }

    /// The help line for an unknown name: "did you mean `x`?" when one of `candidates` is
    /// close, else the list ([`suggestion_help`], in the catalogue's words).
    pub fn suggest(&mut self, given: &str, candidates: &[&str]) -> &mut Self {
        let Some(c) = &mut self.catalogued else {
            self.help = Some(suggestion_help(given, candidates));
            return self;
        };
        match did_you_mean(given, candidates.iter().copied()) {
            Some(close) => {
                c.args.push(("suggestion", close.into()));
                c.help = Some(messages::ids::DID_YOU_MEAN);
            }
            None => {
                c.args.push(("names", candidates.join(", ").into()));
                c.help = Some(messages::ids::EXPECTED_ONE_OF);
            }
        }
        self.localize(Language::En);
        self
    }

    /// The catalogue id of the message, for tests and the JSON's `code`.
    pub fn code(&self) -> Option<&'static str> {
        self.catalogued.as_ref().map(|c| c.id)
    }

    /// Words a catalogued diagnostic in `lang`; one without a `code` keeps its text.
    pub fn localize(&mut self, lang: Language) {
        let Some(c) = &self.catalogued else { return };
        self.message = messages::text(lang, c.id, &c.args);
        self.help = match c.help {
            Some(help) => Some(messages::text(lang, help, &c.args)),
            None => messages::help(lang, c.id, &c.args),
        };
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Where the diagnostic is, as a [`Pos`].
    pub fn pos(&self) -> Pos {
        Pos::new(self.line, self.column)
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

/// How many errors and warnings `list` holds, as printed: count after [`Diagnostics::sorted`],
/// so a problem found twice is counted once.
pub fn counts(list: &[Diagnostic]) -> (usize, usize) {
    let errors = list.iter().filter(|d| d.is_error()).count();
    (errors, list.len() - errors)
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

fn serialize_printable<S: serde::Serializer>(text: &str, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&printable(text))
}

fn serialize_printable_option<S: serde::Serializer>(
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

/// The path of `file` relative to `root`, with `/` separators, for messages.
pub fn display_path(root: &Path, file: &Path) -> String {
    let rel: PathBuf = file.strip_prefix(root).unwrap_or(file).to_path_buf();
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Names longer than this get no suggestion: no key, slug or URL is that long, and comparing
/// is quadratic in the length, so a pasted paragraph must not be compared with every key.
pub const MAX_SUGGESTION_CHARS: usize = 64;

/// "did you mean `weight`?" for the closest of `candidates`, if one is close enough. Linear in
/// the number of candidates: names over [`MAX_SUGGESTION_CHARS`] are never compared.
pub fn did_you_mean<'a>(
    given: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let short = |s: &str| s.chars().nth(MAX_SUGGESTION_CHARS).is_none();
    if !short(given) {
        return None;
    }
    candidates
        .into_iter()
        .filter(|c| short(c))
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
    fn a_catalogued_diagnostic_is_worded_when_printed_in_the_language_asked_for() {
        let args = vec![("scope", "scope 1".into()), ("key", "stationary".into())];
        let mut d = Diagnostic::error_msg(
            "e.yaml",
            Pos::new(4, 5),
            messages::ids::EMISSIONS_UNKNOWN_CATEGORY,
            args,
        );
        d.suggest(
            "stationary",
            &["stationary_combustion", "mobile_combustion"],
        );
        assert_eq!(d.code(), Some("emissions-unknown-category"));
        assert_eq!(d.message, "unknown scope 1 category `stationary`");
        assert_eq!(
            d.help.as_deref(),
            Some("did you mean `stationary_combustion`?")
        );
        let nb = localized(vec![d.clone()], Language::Nb);
        assert_eq!(
            render_human(&nb),
            "e.yaml:4:5: error: ukjent kategori `stationary` i scope 1\n  \
             help: mente du `stationary_combustion`?\n"
        );
        let json = serde_json::to_value(&nb[0]).unwrap();
        assert_eq!(json["code"], "emissions-unknown-category");
        assert!(
            serde_json::to_value(Diagnostic::error("a", Pos::FILE, "x")).unwrap()["code"].is_null()
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

    #[test]
    fn long_names_get_no_suggestion_and_finish() {
        let long = "k".repeat(100 * 1024);
        let keys: Vec<String> = (0..100).map(|i| format!("{i}{long}")).collect();
        let (done, finished) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let given = format!("x{long}");
            let found = did_you_mean(&given, keys.iter().map(String::as_str)).map(str::to_string);
            let short = did_you_mean("wieght", keys.iter().map(String::as_str).chain(["weight"]))
                .map(str::to_string);
            done.send((found, short)).unwrap();
        });
        // A hang guard only: the comparison is linear, far below this.
        let (found, short) = finished
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("did_you_mean finished");
        assert_eq!(found, None);
        assert_eq!(short.as_deref(), Some("weight"));
    }
}
