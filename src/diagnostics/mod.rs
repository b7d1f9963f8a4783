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

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::messages::{self, Args};
use crate::model::Language;

mod render;
mod suggest;

pub use render::{Format, render_github, render_human};
use render::{serialize_printable, serialize_printable_option};
pub(crate) use suggest::{did_you_mean, suggestion_help};

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

    pub(crate) fn new(line: u32, column: u32) -> Self {
        Pos { line, column }
    }

    /// Moves a position found in an embedded document (front matter) to the enclosing file.
    pub(crate) fn shifted(self, lines: u32) -> Self {
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
pub(crate) struct LineIndex<'a> {
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
    pub(crate) fn error(path: &str, pos: Pos, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, path, pos, message)
    }

    #[cfg(test)]
    pub(crate) fn warning(path: &str, pos: Pos, message: impl Into<String>) -> Self {
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
    pub(crate) fn error_msg(path: &str, pos: Pos, id: &'static str, args: Args) -> Self {
        Self::coded(Severity::Error, path, pos, id, args)
    }

    pub(crate) fn warning_msg(path: &str, pos: Pos, id: &'static str, args: Args) -> Self {
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
    pub(crate) fn with_help_msg(mut self, id: &'static str) -> Self {
        if let Some(c) = &mut self.catalogued {
            c.help = Some(id);
        }
        self.localize(Language::En);
        self
    }

    /// [`Diagnostic::with_help_msg`] in place, for a diagnostic already pushed.
    pub(crate) fn help_msg(&mut self, id: &'static str) -> &mut Self {
        if let Some(c) = &mut self.catalogued {
            c.help = Some(id);
        }
        self.localize(Language::En);
        self
    }

    /// An argument added to a catalogued message, for a help line that needs one more value.
    pub(crate) fn arg(&mut self, name: &'static str, value: messages::Arg) -> &mut Self {
        if let Some(c) = &mut self.catalogued {
            c.args.push((name, value));
        }
        self.localize(Language::En);
        self
    }

    /// The help line for an unknown name: "did you mean `x`?" when one of `candidates` is
    /// close, else the list ([`suggestion_help`], in the catalogue's words).
    pub(crate) fn suggest(&mut self, given: &str, candidates: &[&str]) -> &mut Self {
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

    /// The catalogue id of the message, for tests (the JSON's `code` is `serialize_code`).
    #[cfg(test)]
    pub(crate) fn code(&self) -> Option<&'static str> {
        self.catalogued.as_ref().map(|c| c.id)
    }

    /// Words a catalogued diagnostic in `lang`; one without a `code` keeps its text.
    pub(crate) fn localize(&mut self, lang: Language) {
        let Some(c) = &self.catalogued else { return };
        self.message = messages::text(lang, c.id, &c.args);
        self.help = match c.help {
            Some(help) => Some(messages::text(lang, help, &c.args)),
            None => messages::help(lang, c.id, &c.args),
        };
    }

    pub(crate) fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Where the diagnostic is, as a [`Pos`].
    pub(crate) fn pos(&self) -> Pos {
        Pos::new(self.line, self.column)
    }

    pub(crate) fn is_error(&self) -> bool {
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

    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    pub(crate) fn error(&mut self, path: &str, pos: Pos, message: impl Into<String>) {
        self.push(Diagnostic::error(path, pos, message));
    }

    pub(crate) fn last_mut(&mut self) -> Option<&mut Diagnostic> {
        self.items.last_mut()
    }

    pub(crate) fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.items.iter().filter(|d| d.is_error()).count()
    }

    pub(crate) fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    #[cfg(test)]
    pub(crate) fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
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

/// The path of `file` relative to `root`, with `/` separators, for messages.
pub(crate) fn display_path(root: &Path, file: &Path) -> String {
    let rel: PathBuf = file.strip_prefix(root).unwrap_or(file).to_path_buf();
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
