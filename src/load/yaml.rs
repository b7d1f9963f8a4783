//! Turning a file's bytes into text and YAML into `Raw*` structs, with every problem as a
//! [`Diagnostic`](crate::diagnostics::Diagnostic) at the right line and column.
//!
//! The YAML parser is serde-saphyr: maintained, panic-free on malformed input, with a budget
//! against alias bombs and deep nesting, and `Spanned<T>` so later stages can point at values.
//! It stops at the first *structural* problem of a file (a syntax error, an unknown key, a wrong
//! type); value problems are found by `validate`, all at once.

use serde::de::DeserializeOwned;
use serde_saphyr::{Location, Spanned};

use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::messages::{Arg, ids};

/// Files larger than this are refused before parsing: no real profile or page comes close.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;

pub fn pos(location: &Location) -> Pos {
    Pos::new(clamp(location.line()), clamp(location.column()))
}

pub fn span_pos<T>(spanned: &Spanned<T>) -> Pos {
    pos(&spanned.referenced)
}

fn clamp(n: u64) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Bytes → text: refuses oversized files and invalid UTF-8, drops a BOM, normalises CRLF.
pub fn decode(rel: &str, bytes: &[u8], diags: &mut Diagnostics) -> Option<String> {
    if bytes.len() > MAX_FILE_BYTES {
        diags.push(Diagnostic::error_msg(
            rel,
            Pos::FILE,
            ids::FILE_TOO_LARGE,
            vec![
                ("size", bytes.len().into()),
                ("limit", MAX_FILE_BYTES.into()),
            ],
        ));
        return None;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(if text.contains('\r') {
            text.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            text.to_string()
        }),
        Err(e) => {
            let valid = &bytes[..e.valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&valid[line_start..])
                .chars()
                .count()
                + 1;
            diags.push(Diagnostic::error_msg(
                rel,
                Pos::new(clamp(line as u64), clamp(column as u64)),
                ids::FILE_NOT_UTF8,
                vec![],
            ));
            None
        }
    }
}

/// Parses one YAML document into `T`. `line_offset` moves positions when the YAML is embedded
/// (front matter starts on line 2 of its `.md` file).
pub fn parse<T: DeserializeOwned>(
    rel: &str,
    text: &str,
    line_offset: u32,
    diags: &mut Diagnostics,
) -> Option<T> {
    if text.trim().is_empty() {
        let pos = if line_offset == 0 {
            Pos::FILE
        } else {
            Pos::new(line_offset, 1)
        };
        diags.push(Diagnostic::error_msg(
            rel,
            pos,
            ids::YAML_EMPTY_FILE,
            vec![],
        ));
        return None;
    }
    if let Some(tab) = indentation_tab(text) {
        diags.push(Diagnostic::error_msg(
            rel,
            tab.shifted(line_offset),
            ids::YAML_TAB_INDENTATION,
            vec![],
        ));
        return None;
    }
    match serde_saphyr::from_str::<T>(text) {
        Ok(value) => Some(value),
        Err(err) => {
            diags.push(translate_error(rel, text, &err, line_offset));
            None
        }
    }
}

/// The first tab in a line's leading whitespace, which YAML forbids and parsers misreport.
fn indentation_tab(text: &str) -> Option<Pos> {
    text.lines().enumerate().find_map(|(i, line)| {
        let lead = line.len() - line.trim_start_matches([' ', '\t']).len();
        line[..lead]
            .find('\t')
            .map(|col| Pos::new(i as u32 + 1, col as u32 + 1))
    })
}

fn translate_error(
    rel: &str,
    text: &str,
    err: &serde_saphyr::Error,
    line_offset: u32,
) -> Diagnostic {
    let position = err.location().map_or(Pos::new(1, 1), |l| pos(&l));
    let raw = err.without_snippet().to_string();
    let message = strip_location_suffix(&raw);
    if let Some(e) = super::yaml_syntax::explain(message, text, position) {
        let d = Diagnostic::error_msg(rel, e.pos.shifted(line_offset), e.id, e.args);
        return match e.help {
            Some(help) => d.with_help_msg(help),
            None => d,
        };
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let key = rest.trim_end_matches('`').to_string();
        let pos = position.shifted(line_offset);
        return Diagnostic::error_msg(rel, pos, ids::YAML_MISSING_KEY, vec![("key", key.into())]);
    }
    if let Some(rest) = message.strip_prefix("duplicate mapping key: ") {
        let key = rest
            .split(", set DuplicateKeyPolicy")
            .next()
            .unwrap_or(rest);
        let pos = position.shifted(line_offset);
        return Diagnostic::error_msg(rel, pos, ids::YAML_DUPLICATE_KEY, vec![("key", key.into())]);
    }
    let token = token_at(text, position);
    explain(rel, position.shifted(line_offset), message, &token)
}

fn strip_location_suffix(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    }
}

/// The scalar text at `pos` (up to the end of the line or a flow delimiter), for messages.
fn token_at(text: &str, pos: Pos) -> String {
    let Some(line) = text.lines().nth(pos.line.saturating_sub(1) as usize) else {
        return String::new();
    };
    let rest: String = line
        .chars()
        .skip(pos.column.saturating_sub(1) as usize)
        .collect();
    let rest = rest.split(" #").next().unwrap_or("");
    // Some errors point at the key of `key: value`; the value is what the editor must fix.
    let rest = rest.split_once(": ").map_or(rest, |(_, value)| value);
    rest.trim_end_matches([',', ']', '}']).trim().to_string()
}

/// The plain (unquoted) scalar written at `pos`, or `None` when it is quoted or not there.
pub fn unquoted_scalar_at(text: &str, pos: Pos) -> Option<String> {
    let token = token_at(text, pos);
    (!token.is_empty() && !token.starts_with(['"', '\''])).then_some(token)
}

/// Rewrites the parser's wording into an editor's terms, with a fix where one is known.
fn explain(rel: &str, pos: Pos, message: &str, token: &str) -> Diagnostic {
    let found = || vec![("found", Arg::from(token))];
    let error = |id, args| Diagnostic::error_msg(rel, pos, id, args);
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let candidates: Vec<&str> = expected
            .trim_start_matches(", expected one of ")
            .trim_start_matches(", expected ")
            .split(", ")
            .map(|c| c.trim_matches('`'))
            .filter(|c| !c.is_empty() && !c.starts_with("there are no fields"))
            .collect();
        let mut d = error(ids::YAML_UNKNOWN_KEY, vec![("key", field.into())]);
        if candidates.is_empty() {
            return d.with_help_msg(ids::YAML_NO_KEYS_HERE);
        }
        d.suggest(field, &candidates);
        return d;
    }
    let decimal_comma = token.contains(',') && token.replace([',', ' '], "").parse::<f64>().is_ok();
    let with_fix = |id, help| {
        let mut args = found();
        args.push(("fixed", token.replace(' ', "").replace(',', ".").into()));
        error(id, args).with_help_msg(help)
    };
    if message.starts_with("invalid floating point")
        || message.starts_with("invalid i64")
        || message.starts_with("invalid u64")
        || message.starts_with("invalid number")
    {
        let whole = message.contains("i64") || message.contains("u64");
        let id = if whole {
            ids::YAML_EXPECTED_WHOLE_NUMBER
        } else {
            ids::YAML_EXPECTED_NUMBER
        };
        if decimal_comma {
            return with_fix(id, ids::YAML_DECIMAL_POINT_HELP);
        }
        if token.contains(' ') && token.replace(' ', "").parse::<f64>().is_ok() {
            return with_fix(id, ids::YAML_NO_SPACES_HELP);
        }
        return error(id, found());
    }
    if message.starts_with("invalid type: string")
        && (decimal_comma || token.replace(' ', "").parse::<f64>().is_ok())
    {
        return with_fix(ids::YAML_EXPECTED_NUMBER, ids::YAML_DECIMAL_POINT_HELP);
    }
    if message.starts_with("expected string scalar") {
        return error(ids::YAML_EXPECTED_TEXT, vec![]);
    }
    if message.starts_with("expected mapping start") {
        return error(ids::YAML_EXPECTED_KEYS, vec![]);
    }
    if message.starts_with("non-finite float") {
        return error(ids::YAML_EXPECTED_NUMBER, found())
            .with_help_msg(ids::YAML_ORDINARY_NUMBER_HELP);
    }
    if message.starts_with("invalid boolean") {
        return error(ids::YAML_EXPECTED_BOOLEAN, found());
    }
    let detail = vec![("detail", Arg::from(message))];
    if message.contains("budget") || message.contains("limit") {
        return error(ids::YAML_TOO_LARGE, detail);
    }
    error(ids::YAML_OTHER, detail)
}

/// A scalar that may be written as text or as a number (`org_number: 912345688` or `"912 345 688"`).
#[derive(Debug, Clone, PartialEq)]
pub struct Text(pub String);

impl<'de> serde::Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Text;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("text or a number")
            }
            fn visit_str<E>(self, v: &str) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_f64<E>(self, v: f64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
        }
        deserializer.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        name: String,
        weight: Option<f64>,
        year: Option<i64>,
    }

    fn first(text: &str) -> Diagnostic {
        let mut diags = Diagnostics::new();
        assert!(parse::<Doc>("f.yaml", text, 0, &mut diags).is_none());
        diags.sorted().remove(0)
    }

    #[test]
    fn unknown_key_gets_did_you_mean() {
        let d = first("name: a\nwieght: 3\n");
        assert_eq!((d.line, d.column), (2, 1));
        assert_eq!(d.message, "unknown key `wieght`");
        assert_eq!(d.help.as_deref(), Some("did you mean `weight`?"));
    }

    #[test]
    fn duplicate_key_is_an_error() {
        let d = first("name: a\nname: b\n");
        assert_eq!(d.line, 2);
        assert!(d.message.contains("appears twice"), "{}", d.message);
    }

    #[test]
    fn decimal_comma_suggests_a_point() {
        let d = first("name: a\nweight: 12,5\n");
        assert_eq!((d.line, d.column), (2, 9));
        assert_eq!(
            d.help.as_deref(),
            Some("use a decimal point and no spaces: `12.5`")
        );
    }

    #[test]
    fn tab_in_indentation_points_at_the_tab() {
        let d = first("name: a\n\tweight: 1\n");
        assert_eq!((d.line, d.column), (2, 1));
        assert!(d.message.contains("tab"));
    }

    #[test]
    fn empty_file_is_an_error() {
        let d = first("  \n");
        assert!(d.message.contains("empty"));
    }

    #[test]
    fn syntax_error_is_reported_with_position() {
        let d = first("name: [a\n");
        assert!(
            d.line >= 1 && d.message.starts_with("expected a text value"),
            "{d:?}"
        );
    }

    #[test]
    fn missing_key_names_the_key() {
        let d = first("weight: 1\n");
        assert_eq!(d.message, "missing required key `name`");
    }

    #[test]
    fn front_matter_positions_are_shifted() {
        let mut diags = Diagnostics::new();
        parse::<Doc>("p.md", "name: a\nwieght: 1\n", 1, &mut diags);
        assert_eq!(diags.sorted()[0].line, 3);
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let mut diags = Diagnostics::new();
        assert!(decode("f.yaml", b"a: 1\nb: \xff\n", &mut diags).is_none());
        let d = &diags.sorted()[0];
        assert_eq!((d.line, d.column), (2, 4));
    }

    #[test]
    fn bom_and_crlf_are_accepted() {
        let mut diags = Diagnostics::new();
        let text = decode("f.yaml", b"\xEF\xBB\xBFname: a\r\nyear: 2\r\n", &mut diags).unwrap();
        let doc: Doc = parse("f.yaml", &text, 0, &mut diags).unwrap();
        assert_eq!(doc.year, Some(2));
        assert!(diags.is_empty());
    }

    #[test]
    fn alias_bombs_are_refused() {
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 0..9 {
            let prev = if i == 0 {
                "a".to_string()
            } else {
                format!("b{}", i - 1)
            };
            bomb.push_str(&format!("b{i}: &b{i} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
        }
        bomb.push_str("name: *b8\n");
        let mut diags = Diagnostics::new();
        assert!(parse::<Doc>("f.yaml", &bomb, 0, &mut diags).is_none());
        assert!(diags.has_errors());
    }
}
