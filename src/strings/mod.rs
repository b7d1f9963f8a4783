//! The words of one language: one table per language (`themes/nfk/strings/{nb,en}.yaml`),
//! loaded once with the theme and passed as `&Strings` to everything that writes words (the
//! templates as `t`, the charts, their tables and descriptions).
//!
//! The embedded theme's table is the base; a site's `themes/<name>/strings/<lang>.yaml` overrides
//! it key by key, so a site changes one word without copying the rest. Every key the code uses is
//! a field of [`Words`] (declared once in [`keys`]), checked when the table is loaded: a missing
//! key, or a placeholder a sentence cannot fill, is a diagnostic at the theme file, never a panic.
//! Sentences with numbers are templates with named placeholders (`{name} gikk fra {from}`),
//! filled by [`fill`]; the numbers themselves are formatted by [`crate::format`] first.
//!
//! Nothing here formats numbers or reads files: the theme loader hands in the tables' text.

mod keys;

use std::collections::BTreeMap;

use serde::Serialize;
use serde_saphyr::Spanned;

use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::model::{Language, SCOPE1_CATEGORIES, SCOPE3_CATEGORIES, SECTOR_CODES};
pub use keys::{KEYS, Words};

/// One language's table: every key of the theme's strings file (for templates) and the typed
/// [`Words`] the code uses.
#[derive(Clone, Serialize)]
#[serde(transparent)]
pub struct Strings {
    table: BTreeMap<String, String>,
    #[serde(skip)]
    pub words: Words,
    #[serde(skip)]
    pub language: Language,
    #[serde(skip)]
    fingerprint: u128,
}

/// The charts' memo keys dump their input with `Debug`: the table is named by its hash.
impl std::fmt::Debug for Strings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Strings({:032x})", self.fingerprint)
    }
}

impl std::ops::Deref for Strings {
    type Target = Words;
    fn deref(&self) -> &Words {
        &self.words
    }
}

/// A table as written: where it came from and its text.
pub struct Source<'a> {
    pub rel: &'a str,
    pub text: &'a str,
}

/// The file a language's table lives in, inside a theme.
pub fn file_of(language: Language) -> &'static str {
    match language {
        Language::Nb => "strings/nb.yaml",
        Language::En => "strings/en.yaml",
    }
}

impl Strings {
    /// `base` (the embedded theme's table) with `site` (the site's theme's, if any) laid over it
    /// key by key. `None` when a table cannot be read or a key the code needs is missing or
    /// malformed; each problem is a diagnostic.
    pub fn load(
        language: Language,
        base: Source,
        site: Option<Source>,
        diags: &mut Diagnostics,
    ) -> Option<Strings> {
        let file_rel = site.as_ref().map_or(base.rel, |s| s.rel).to_string();
        let mut table: BTreeMap<String, (String, Pos, String)> = BTreeMap::new();
        let mut ok = true;
        for source in std::iter::once(base).chain(site) {
            let parsed: Option<BTreeMap<String, Spanned<String>>> =
                crate::load::yaml::parse(source.rel, source.text, 0, diags);
            let Some(parsed) = parsed else {
                ok = false;
                continue;
            };
            for (key, value) in parsed {
                let pos = crate::load::yaml::span_pos(&value);
                table.insert(key, (source.rel.to_string(), pos, value.value));
            }
        }
        let mut missing = Vec::new();
        for key in required_keys() {
            if !table.contains_key(&key) {
                missing.push(key);
            }
        }
        if !missing.is_empty() {
            diags.push(
                Diagnostic::error(
                    &file_rel,
                    Pos::FILE,
                    format!("the strings table has no `{}`", missing.join("`, `")),
                )
                .with_help(
                    "add the keys, in the words of this language, as in the default theme's table",
                ),
            );
            ok = false;
        }
        for (key, allowed) in keys::PLACEHOLDERS {
            let Some((rel, pos, text)) = table.get(*key) else {
                continue;
            };
            for name in placeholders(text) {
                if !allowed.contains(&name) {
                    let can = allowed
                        .iter()
                        .map(|a| format!("{{{a}}}"))
                        .collect::<Vec<_>>()
                        .join(", ");
                    diags.push(
                        Diagnostic::error(
                            rel,
                            *pos,
                            format!(
                                "`{key}` uses the placeholder {{{name}}}, which nfk does not fill"
                            ),
                        )
                        .with_help(if can.is_empty() {
                            "this string takes no placeholders".to_string()
                        } else {
                            format!("it can use {can}")
                        }),
                    );
                    ok = false;
                }
            }
        }
        if !ok {
            return None;
        }
        let table: BTreeMap<String, String> =
            table.into_iter().map(|(k, (_, _, v))| (k, v)).collect();
        let words = Words::from_table(&table);
        let mut h = crate::memo::KeyHasher::new();
        for (key, value) in &table {
            h.text(key).text(value);
        }
        Some(Strings {
            table,
            words,
            language,
            fingerprint: h.finish(),
        })
    }

    /// The embedded theme's table for `language` (tests, and code that runs without a site).
    pub fn embedded(language: Language) -> Strings {
        let text = embedded_text(language);
        let mut diags = Diagnostics::default();
        let rel = format!("(embedded theme)/{}", file_of(language));
        Strings::load(language, Source { rel: &rel, text }, None, &mut diags)
            .expect("the embedded strings tables are complete (tested)")
    }

    /// A string by a computed key, as templates' `tr` reads it.
    pub fn get(&self, key: &str) -> Option<&String> {
        self.table.get(key)
    }

    /// A scope 1 or scope 3 category key of SPEC §4 in words (`cat_<key>`; checked at load).
    pub fn category(&self, key: &str) -> &str {
        self.table
            .get(&format!("cat_{key}"))
            .unwrap_or(&self.words.cat_other)
    }

    /// An SN2007 sector's name (`sector_<code>`; checked at load), or "" for an unknown code.
    pub fn sector(&self, code: char) -> &str {
        self.table
            .get(&format!("sector_{code}"))
            .map_or("", String::as_str)
    }

    /// The four principles' names, in the order of SPEC §5.
    pub fn principles(&self) -> [&str; 4] {
        let w = &self.words;
        [
            &w.principle_accounting_and_targets,
            &w.principle_supplier_requirements,
            &w.principle_strategy,
            &w.principle_certification,
        ]
    }

    /// `1 partner`, `12 partnere`, with the number formatted.
    pub fn partner_count(&self, n: usize) -> String {
        let word = if n == 1 {
            &self.words.partner_lower
        } else {
            &self.words.partners_lower
        };
        format!(
            "{} {word}",
            crate::format::number(n as f64, 0, self.language)
        )
    }
}

/// The embedded theme's table for `language`, as written.
pub fn embedded_text(language: Language) -> &'static str {
    let file = file_of(language);
    crate::theme::EMBEDDED
        .iter()
        .find(|(path, _)| *path == file)
        .and_then(|(_, bytes)| std::str::from_utf8(bytes).ok())
        .unwrap_or_default()
}

/// Every key a table must have: the code's words, one per category of SPEC §4, one per sector.
fn required_keys() -> Vec<String> {
    let mut keys: Vec<String> = KEYS.iter().map(|k| k.to_string()).collect();
    for key in SCOPE1_CATEGORIES.iter().chain(&SCOPE3_CATEGORIES) {
        keys.push(format!("cat_{key}"));
    }
    for code in SECTOR_CODES {
        keys.push(format!("sector_{code}"));
    }
    keys
}

/// The `{name}`s of a template, in order.
fn placeholders(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        let Some(end) = after.find('}') else { break };
        let name = &after[..end];
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            out.push(name);
        }
        rest = &after[end + 1..];
    }
    out
}

/// `template` with each `{name}` replaced by its value in `args`; anything else is kept as is.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let value = after
            .find('}')
            .and_then(|end| Some((args.iter().find(|(n, _)| *n == &after[..end])?.1, end)));
        match value {
            Some((value, end)) => {
                out.push_str(value);
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests;
