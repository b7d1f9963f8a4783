//! The message catalogue: every text an editor reads, in bokmål (`nb.ftl`) and English
//! (`en.ftl`), as Project Fluent messages with named variables.
//!
//! Stages stay language-free: a [`Diagnostic`](crate::diagnostics::Diagnostic) carries a stable
//! message id ([`ids`]) and its arguments, and is worded in the editor's language only when it
//! is printed ([`crate::diagnostics::localized`]). Its English text is also kept from the start,
//! so tests and the JSON's `message` read the same as before. This module only words messages;
//! it must not decide what is wrong, and it never fails: a missing message prints its id.

use std::path::Path;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::model::Language;

pub mod ids;

const NB: &str = include_str!("nb.ftl");
const EN: &str = include_str!("en.ftl");

/// The catalogue files, for tests: `(language, file name, text)`.
#[cfg(test)]
pub(crate) const CATALOGUES: [(Language, &str, &str); 2] =
    [(Language::Nb, "nb.ftl", NB), (Language::En, "en.ftl", EN)];

/// A message argument: text is shown as written; a count selects plural forms; counts and
/// figures are written in the language's number format ([`crate::format::figure`]: `12 345`,
/// `1,5` / `12,345`, `1.5`); a quote is another message, worded in the same language.
#[derive(Debug, Clone)]
pub enum Arg {
    Text(String),
    Count(i64),
    Number(f64),
    Message(Box<Quote>),
}

/// A message (or its `.help` line) used as the value of another message's variable: a word
/// such as "the year" in "expected a number for { $what }", or a whole diagnostic that
/// another one wraps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub id: &'static str,
    /// The `.help` line of `id` rather than its value.
    pub help: bool,
    pub args: Args,
}

impl Arg {
    /// Message `id` (a word or phrase of the catalogue) as an argument.
    pub(crate) fn word(id: &'static str) -> Self {
        Arg::Message(Box::new(Quote {
            id,
            help: false,
            args: Vec::new(),
        }))
    }
}

impl PartialEq for Arg {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Arg::Text(a), Arg::Text(b)) => a == b,
            (Arg::Count(a), Arg::Count(b)) => a == b,
            (Arg::Number(a), Arg::Number(b)) => a.to_bits() == b.to_bits(),
            (Arg::Message(a), Arg::Message(b)) => a == b,
            _ => false,
        }
    }
}

impl Eq for Arg {}

impl From<f64> for Arg {
    fn from(n: f64) -> Self {
        Arg::Number(n)
    }
}

impl From<&str> for Arg {
    fn from(text: &str) -> Self {
        Arg::Text(text.to_string())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Self {
        Arg::Text(text)
    }
}

impl From<&String> for Arg {
    fn from(text: &String) -> Self {
        Arg::Text(text.clone())
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Count(n)
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Self {
        Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Count(n.into())
    }
}

pub type Args = Vec<(&'static str, Arg)>;

struct Catalogue {
    nb: FluentBundle<FluentResource>,
    en: FluentBundle<FluentResource>,
}

static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| {
    let mut nb = bundle("nb", NB);
    nb.set_formatter(Some(|value, _| number(value, Language::Nb)));
    let mut en = bundle("en", EN);
    en.set_formatter(Some(|value, _| number(value, Language::En)));
    Catalogue { nb, en }
});

/// A bundle of an embedded catalogue. The catalogues are part of the binary and checked by the
/// tests below, so a syntax error in them is a bug of nfk: the entries that parse are kept.
fn bundle(lang: &str, text: &str) -> FluentBundle<FluentResource> {
    let resource = FluentResource::try_new(text.to_string()).unwrap_or_else(|(partial, _)| partial);
    let locale: unic_langid::LanguageIdentifier = lang.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![locale]);
    // Fluent would wrap each variable in bidi isolation marks, which terminals show as noise
    // (and `printable` would escape): messages are plain text.
    bundle.set_use_isolating(false);
    let _ = bundle.add_resource(resource);
    bundle
}

/// How the bundle of `lang` writes a number: as [`crate::format`] writes it, the one place that
/// knows the conventions (Fluent's own formatting ignores the locale).
fn number(value: &FluentValue, lang: Language) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(crate::format::figure(n.value, lang)),
        _ => None,
    }
}

fn bundle_of(lang: Language) -> &'static FluentBundle<FluentResource> {
    match lang {
        Language::Nb => &CATALOGUE.nb,
        Language::En => &CATALOGUE.en,
    }
}

fn fluent_args<'a>(lang: Language, args: &'a [(&'a str, Arg)]) -> FluentArgs<'a> {
    let mut out = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(text) => out.set(*name, FluentValue::from(text.as_str())),
            Arg::Count(n) => out.set(*name, FluentValue::from(*n)),
            Arg::Number(n) => out.set(*name, FluentValue::from(*n)),
            Arg::Message(quote) => {
                let text = if quote.help {
                    help(lang, quote.id, &quote.args).unwrap_or_default()
                } else {
                    text(lang, quote.id, &quote.args)
                };
                out.set(*name, FluentValue::from(text));
            }
        }
    }
    out
}

/// Message `id` in `lang` with `args`; the id itself when the catalogue has no such message.
pub fn text(lang: Language, id: &str, args: &[(&str, Arg)]) -> String {
    attribute(lang, id, None, args).unwrap_or_else(|| id.to_string())
}

/// The `.help` line of message `id`, if it has one.
pub(crate) fn help(lang: Language, id: &str, args: &[(&str, Arg)]) -> Option<String> {
    attribute(lang, id, Some("help"), args)
}

fn attribute(
    lang: Language,
    id: &str,
    attribute: Option<&str>,
    args: &[(&str, Arg)],
) -> Option<String> {
    let bundle = bundle_of(lang);
    let message = bundle.get_message(id)?;
    let pattern = match attribute {
        None => message.value()?,
        Some(name) => message.get_attribute(name)?.value(),
    };
    let args = fluent_args(lang, args);
    let mut errors = Vec::new();
    Some(
        bundle
            .format_pattern(pattern, Some(&args), &mut errors)
            .into_owned(),
    )
}

/// The language to speak: `--lang` when given, else `language:` of the site's `site.yaml` when
/// it reads as one nfk speaks, else bokmål. Never fails: a broken site.yaml is reported by the
/// command itself, in bokmål.
pub fn choose(flag: Option<Language>, root: &Path) -> Language {
    flag.or_else(|| site_language(root)).unwrap_or(Language::Nb)
}

fn site_language(root: &Path) -> Option<Language> {
    #[derive(serde::Deserialize)]
    struct OnlyLanguage {
        language: Option<String>,
        /// The site's languages, its default first: editors write in that one.
        languages: Option<Vec<String>>,
    }
    let text = std::fs::read_to_string(root.join("site.yaml")).ok()?;
    let config: OnlyLanguage = serde_saphyr::from_str(&text).ok()?;
    let first = (config.languages.and_then(|l| l.into_iter().next())).or(config.language)?;
    Language::from_code(first.trim())
}

#[cfg(test)]
mod tests;
