//! Finding `{{ name(arg="value") }}` shortcodes in Markdown, outside code (SPEC §5). What is
//! code is the Markdown parser's word (its code blocks and spans), not a scan of our own.
//!
//! Extraction swaps each call for a placeholder that survives Markdown untouched and keeps every
//! line where it was, so links and later errors still point at the right line: a call alone on
//! its line becomes an HTML comment (an HTML block, which may interrupt a paragraph); a call inside
//! text becomes a private-use token. What a call renders to is decided by `render`, not here.

use std::collections::BTreeMap;
use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag};

use super::markdown::OPTIONS;
use crate::messages::{Args, ids};

/// One shortcode call, at its 1-based line and column in the Markdown it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Call {
    pub name: String,
    pub args: BTreeMap<String, String>,
    pub line: u32,
    pub column: u32,
    /// Alone on its line (may render as a block: a chart, a card).
    pub block: bool,
}

/// A call that cannot be read, at its 1-based line and column: a message of the catalogue
/// (`shortcode-*`) with its arguments, worded by the caller's diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: u32,
    pub column: u32,
    pub id: &'static str,
    pub args: Args,
}

/// Why a call's text is not a call: its message id and arguments.
type Problem = (&'static str, Args);

#[derive(Debug, Default)]
pub struct Extracted {
    pub text: String,
    pub calls: Vec<Call>,
    pub errors: Vec<SyntaxError>,
}

pub fn block_placeholder(index: usize) -> String {
    format!("<!--nfk-shortcode-{index}-->")
}

pub fn inline_placeholder(index: usize) -> String {
    format!("\u{E000}{index}\u{E001}")
}

/// Whether `text` may call a shortcode (it holds the opening `{{`): without one, `extract`
/// finds no call in it.
pub fn may_call(text: &str) -> bool {
    text.contains("{{")
}

pub fn extract(markdown: &str) -> Extracted {
    // Without a `{{` there is no call, and no code to tell a call in it from one outside it.
    if !may_call(markdown) {
        return Extracted {
            text: markdown.to_string(),
            ..Extracted::default()
        };
    }
    let code = code_ranges(markdown);
    let mut out = Extracted::default();
    let mut offset = 0usize;
    for (i, line) in markdown.split_inclusive('\n').enumerate() {
        if may_call(line) {
            let line = Line {
                text: line,
                number: i as u32 + 1,
                offset,
            };
            extract_line(&line, &code, &mut out);
        } else {
            out.text.push_str(line);
        }
        offset += line.len();
    }
    out
}

/// Where the Markdown has code, as the parser reads it (byte ranges, in order): fenced and
/// indented blocks, in quotes and lists too, and code spans of any number of backticks, over
/// several lines too. A shortcode there is shown as written, never run.
fn code_ranges(markdown: &str) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = Vec::new();
    for (event, range) in Parser::new_ext(markdown, OPTIONS).into_offset_iter() {
        let code = matches!(event, Event::Code(_) | Event::Start(Tag::CodeBlock(_)));
        // A block's range holds its whole text; nothing inside it starts a new range.
        if code && ranges.last().is_none_or(|last| last.end <= range.start) {
            ranges.push(range);
        }
    }
    ranges
}

fn in_code(code: &[Range<usize>], at: usize) -> bool {
    let i = code.partition_point(|r| r.end <= at);
    code.get(i).is_some_and(|r| r.start <= at)
}

/// One line of the Markdown: its text (with its `\n`), 1-based number and byte offset.
struct Line<'a> {
    text: &'a str,
    number: u32,
    offset: usize,
}

fn extract_line(line: &Line, code: &[Range<usize>], out: &mut Extracted) {
    let alone = {
        let t = line.text.trim();
        t.starts_with("{{") && t.ends_with("}}") && t.matches("{{").count() == 1
    };
    let mut rest = line.text;
    let mut consumed = 0usize;
    while let Some(c) = rest.find("{{") {
        if in_code(code, line.offset + consumed + c) {
            out.text.push_str(&rest[..c + 2]);
            consumed += c + 2;
            rest = &rest[c + 2..];
            continue;
        }
        out.text.push_str(&rest[..c]);
        let column = line.text[..consumed + c].chars().count() as u32 + 1;
        let Some(end) = rest[c..].find("}}") else {
            out.errors.push(SyntaxError {
                line: line.number,
                column,
                id: ids::SHORTCODE_NOT_CLOSED,
                args: Vec::new(),
            });
            out.text.push_str(&rest[c..]);
            return;
        };
        match parse_call(&rest[c + 2..c + end]) {
            Ok((name, args)) => {
                let index = out.calls.len();
                out.calls.push(Call {
                    name,
                    args,
                    line: line.number,
                    column,
                    block: alone,
                });
                out.text.push_str(&if alone {
                    block_placeholder(index)
                } else {
                    inline_placeholder(index)
                });
            }
            Err((id, args)) => {
                out.errors.push(SyntaxError {
                    line: line.number,
                    column,
                    id,
                    args,
                });
                out.text.push_str(&rest[c..c + end + 2]);
            }
        }
        consumed += c + end + 2;
        rest = &rest[c + end + 2..];
    }
    out.text.push_str(rest);
}

/// `name(key="value", other="x")` → name and arguments.
fn parse_call(inner: &str) -> Result<(String, BTreeMap<String, String>), Problem> {
    let inner = inner.trim();
    let open = (inner.find('('))
        .ok_or_else(|| (ids::SHORTCODE_NOT_A_CALL, vec![("text", inner.into())]))?;
    let name = inner[..open].trim();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err((ids::SHORTCODE_BAD_NAME, vec![("name", name.into())]));
    }
    let body = inner[open + 1..]
        .strip_suffix(')')
        .ok_or_else(|| (ids::SHORTCODE_NO_CLOSING_PAREN, vec![("name", name.into())]))?;
    let mut args = BTreeMap::new();
    let mut rest = body.trim();
    while !rest.is_empty() {
        let eq = (rest.find('=')).ok_or_else(|| {
            (
                ids::SHORTCODE_ARGUMENT_WITHOUT_VALUE,
                vec![("argument", rest.into())],
            )
        })?;
        let key = rest[..eq].trim().to_string();
        let after = rest[eq + 1..].trim_start();
        let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'');
        let (value, remaining) = match quote {
            Some(q) => {
                let close = after[1..].find(q).ok_or_else(|| {
                    (
                        ids::SHORTCODE_VALUE_NOT_CLOSED,
                        vec![("argument", (&key).into())],
                    )
                })?;
                (after[1..1 + close].to_string(), &after[close + 2..])
            }
            None => {
                let end = after.find(',').unwrap_or(after.len());
                (after[..end].trim().to_string(), &after[end..])
            }
        };
        if args.insert(key.clone(), value).is_some() {
            return Err((
                ids::SHORTCODE_ARGUMENT_TWICE,
                vec![("argument", key.into())],
            ));
        }
        rest = remaining.trim_start().trim_start_matches(',').trim_start();
    }
    Ok((name.to_string(), args))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_calls_with_their_positions() {
        let e =
            extract("Tall: {{ figure(key=\"partners\") }} partnere.\n\n{{ chart(name=\"x\") }}\n");
        assert!(e.errors.is_empty());
        assert_eq!(e.calls.len(), 2);
        assert_eq!(
            (e.calls[0].line, e.calls[0].column, e.calls[0].block),
            (1, 7, false)
        );
        assert_eq!(e.calls[0].args["key"], "partners");
        assert_eq!((e.calls[1].line, e.calls[1].block), (3, true));
        assert_eq!(
            e.text,
            "Tall: \u{E000}0\u{E001} partnere.\n\n<!--nfk-shortcode-1-->\n"
        );
    }

    #[test]
    fn leaves_code_blocks_and_code_spans_alone() {
        let text = "```\n{{ figure(key=\"a\") }}\n```\nUse `{{ figure(key=\"b\") }}` like this.\n";
        let e = extract(text);
        assert!(e.calls.is_empty());
        assert_eq!(e.text, text);
    }

    #[test]
    fn runs_nothing_in_code_as_the_markdown_parser_reads_it() {
        for text in [
            "Tekst.\n\n    {{ figure(key=\"a\") }}\n",
            "Se ``a ` {{ figure(key=\"a\") }}`` her.\n",
            "Se `kode\n{{ figure(key=\"a\") }}` her.\n",
            "> ```\n> {{ chart(name=\"x\") }}\n> ```\n",
            "- punkt\n\n  ```\n  {{ chart(name=\"x\") }}\n  ```\n",
            "1. punkt\n\n        {{ chart(name=\"x\") }}\n",
        ] {
            let e = extract(text);
            assert!(e.calls.is_empty(), "{text:?}: {:?}", e.calls);
            assert!(e.errors.is_empty(), "{text:?}: {:?}", e.errors);
            assert_eq!(e.text, text);
        }
    }

    #[test]
    fn runs_calls_next_to_code_and_in_quotes() {
        let e = extract(
            "> Tall: {{ figure(key=\"a\") }} og `{{ x }}`\n\n    kode\n\n{{ chart(name=\"c\") }}\n",
        );
        let found: Vec<_> = e
            .calls
            .iter()
            .map(|c| (c.name.as_str(), c.line, c.column))
            .collect();
        assert_eq!(found, [("figure", 1, 9), ("chart", 5, 1)]);
        assert!(e.errors.is_empty(), "{:?}", e.errors);
    }

    #[test]
    fn keeps_the_line_count() {
        let text = "a\n{{ chart(name=\"x\") }}\nb {{ figure(key=\"y\") }}\n";
        assert_eq!(extract(text).text.lines().count(), 3);
    }

    #[test]
    fn reports_unclosed_and_malformed_calls() {
        let e = extract("x {{ figure(key=\"a\") \n{{ figure key }}\n");
        let found: Vec<_> = e.errors.iter().map(|e| (e.line, e.id)).collect();
        assert_eq!(
            found,
            [
                (1, ids::SHORTCODE_NOT_CLOSED),
                (2, ids::SHORTCODE_NOT_A_CALL)
            ]
        );
        assert_eq!(e.errors[1].args, vec![("text", "figure key".into())]);
    }

    #[test]
    fn names_what_is_wrong_in_a_call() {
        let problem = |inner: &str| parse_call(inner).unwrap_err();
        assert_eq!(problem("fig ure(key=1)").0, ids::SHORTCODE_BAD_NAME);
        assert_eq!(problem("figure(key=1").0, ids::SHORTCODE_NO_CLOSING_PAREN);
        assert_eq!(
            problem("figure(key)"),
            (
                ids::SHORTCODE_ARGUMENT_WITHOUT_VALUE,
                vec![("argument", "key".into())]
            )
        );
        assert_eq!(
            problem("figure(key=\"a)"),
            (
                ids::SHORTCODE_VALUE_NOT_CLOSED,
                vec![("argument", "key".into())]
            )
        );
        assert_eq!(
            problem("figure(key=\"a\", key=\"b\")"),
            (
                ids::SHORTCODE_ARGUMENT_TWICE,
                vec![("argument", "key".into())]
            )
        );
    }

    #[test]
    fn parses_several_arguments() {
        let (name, args) = parse_call(" figure(key=\"a.b\", decimals=1) ").unwrap();
        assert_eq!(name, "figure");
        assert_eq!(
            (args["key"].as_str(), args["decimals"].as_str()),
            ("a.b", "1")
        );
    }
}
