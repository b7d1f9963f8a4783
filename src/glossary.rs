//! The theme's glossary (`/ordliste/`, SPEC §7): the terms the theme's own words use (scope 2,
//! CO₂e, basisår…), each with an `id` that templates link to (`/ordliste/#scope-2`).
//!
//! The words live in the theme, beside its UI strings (`strings/glossary.nb.yaml` and
//! `strings/glossary.en.yaml`), because the templates that use a term are the ones that link it:
//! a site that overrides a template or a definition does so in its own theme folder. Read by
//! `theme.rs` (an IO edge); this module only parses and judges the file's text. It must not
//! know about templates or routes.

use std::collections::HashSet;

use serde::Deserialize;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load::S;
use crate::load::yaml::span_pos;

/// One term: its `id` (the fragment of its URL), the term as shown, and a short definition in
/// plain language.
#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: String,
    pub term: String,
    pub definition: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    terms: Vec<RawTerm>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    id: S<String>,
    term: S<String>,
    definition: S<String>,
}

/// The glossary file of the site's language: `strings/glossary.nb.yaml`.
pub fn file_name(language: crate::model::Language) -> &'static str {
    match language {
        crate::model::Language::Nb => "strings/glossary.nb.yaml",
        crate::model::Language::En => "strings/glossary.en.yaml",
    }
}

/// The terms of a glossary file, in its order. Every id is `a`–`z`, `0`–`9` and `-`, and once;
/// no term or definition is empty. `None` when anything was wrong (each problem reported).
pub fn parse(rel: &str, text: &str, diags: &mut Diagnostics) -> Option<Vec<Term>> {
    let raw: RawFile = crate::load::yaml::parse(rel, text, 0, diags)?;
    let errors_before = diags.error_count();
    let mut seen = HashSet::new();
    let mut terms = Vec::with_capacity(raw.terms.len());
    for t in raw.terms {
        let id = t.id.value.trim();
        if !is_id(id) {
            diags.push(
                Diagnostic::error(
                    rel,
                    span_pos(&t.id),
                    format!("term id `{id}` may only hold a–z, 0–9 and `-`"),
                )
                .with_help(
                    "the id is the end of the term's address, e.g. `scope-2` in /ordliste/#scope-2",
                ),
            );
        } else if !seen.insert(id.to_string()) {
            diags.push(
                Diagnostic::error(
                    rel,
                    span_pos(&t.id),
                    format!("term id `{id}` is used twice"),
                )
                .with_help("give each term its own id: links find a term by it"),
            );
        }
        for (value, key) in [(&t.term, "term"), (&t.definition, "definition")] {
            if value.value.trim().is_empty() {
                diags.push(Diagnostic::error(
                    rel,
                    span_pos(value),
                    format!("the {key} of `{id}` is empty"),
                ));
            }
        }
        terms.push(Term {
            id: id.to_string(),
            term: t.term.value.trim().to_string(),
            definition: t.definition.value.trim().to_string(),
        });
    }
    (diags.error_count() == errors_before).then_some(terms)
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> (Option<Vec<Term>>, Vec<Diagnostic>) {
        let mut diags = Diagnostics::new();
        let terms = parse("strings/glossary.nb.yaml", text, &mut diags);
        (terms, diags.sorted())
    }

    #[test]
    fn reads_terms_in_the_order_written() {
        let (terms, diags) = check(
            "terms:\n  - { id: scope-2, term: Scope 2, definition: Innkjøpt energi. }\n  - { id: co2e, term: CO₂e, definition: Alle gassene. }\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        let ids: Vec<String> = terms.unwrap().into_iter().map(|t| t.id).collect();
        assert_eq!(ids, ["scope-2", "co2e"]);
    }

    #[test]
    fn rejects_a_bad_id_a_repeated_id_and_an_empty_definition_at_once() {
        let (terms, diags) = check(
            "terms:\n  - { id: Scope 2, term: A, definition: a }\n  - { id: b, term: B, definition: b }\n  - { id: b, term: C, definition: \" \" }\n",
        );
        assert!(terms.is_none());
        let found: Vec<(u32, &str)> = diags.iter().map(|d| (d.line, d.message.as_str())).collect();
        assert_eq!(
            found,
            [
                (2, "term id `Scope 2` may only hold a–z, 0–9 and `-`"),
                (4, "term id `b` is used twice"),
                (4, "the definition of `b` is empty"),
            ]
        );
    }

    #[test]
    fn the_default_themes_glossaries_read_without_problems_and_have_the_same_ids() {
        let ids = |path: &str| {
            let (_, bytes) = crate::theme::EMBEDDED
                .iter()
                .find(|(p, _)| *p == path)
                .expect("embedded");
            let mut diags = Diagnostics::new();
            let text = std::str::from_utf8(bytes).unwrap();
            let terms = parse(path, text, &mut diags).unwrap_or_default();
            assert!(diags.is_empty(), "{:?}", diags.sorted());
            terms.into_iter().map(|t| t.id).collect::<Vec<_>>()
        };
        let nb = ids("strings/glossary.nb.yaml");
        assert_eq!(nb, ids("strings/glossary.en.yaml"));
        for id in [
            "scope-1",
            "scope-2",
            "scope-3",
            "co2e",
            "lokasjonsbasert",
            "markedsbasert",
        ] {
            assert!(nb.iter().any(|t| t == id), "{id} missing");
        }
    }
}
