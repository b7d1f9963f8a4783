//! Finding `{{ name(arg="value") }}` shortcodes in Markdown, outside code (SPEC §5).
//!
//! Extraction swaps each call for a placeholder that survives Markdown untouched and keeps every
//! line where it was, so links and later errors still point at the right line: a call alone on
//! its line becomes an HTML comment (an HTML block, which may interrupt a paragraph); a call inside
//! text becomes a private-use token. What a call renders to is decided by `render`, not here.

use std::collections::BTreeMap;

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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub line: u32,
    pub column: u32,
    pub message: String,
}

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

pub fn extract(markdown: &str) -> Extracted {
    let mut out = Extracted::default();
    let mut fence: Option<(char, usize)> = None;
    for (i, line) in markdown.split_inclusive('\n').enumerate() {
        let line_no = i as u32 + 1;
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        if let Some(marker) = fence_marker(trimmed).filter(|_| indent < 4) {
            match fence {
                None => fence = Some(marker),
                Some((ch, len)) if marker.0 == ch && marker.1 >= len && is_closing(trimmed, ch) => {
                    fence = None
                }
                Some(_) => {}
            }
            out.text.push_str(line);
            continue;
        }
        if fence.is_some() || !line.contains("{{") {
            out.text.push_str(line);
            continue;
        }
        extract_line(line, line_no, &mut out);
    }
    out
}

fn fence_marker(trimmed: &str) -> Option<(char, usize)> {
    let ch = trimmed.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let len = trimmed.chars().take_while(|c| *c == ch).count();
    (len >= 3).then_some((ch, len))
}

fn is_closing(trimmed: &str, ch: char) -> bool {
    trimmed.trim_end().chars().all(|c| c == ch)
}

fn extract_line(line: &str, line_no: u32, out: &mut Extracted) {
    let alone = {
        let t = line.trim();
        t.starts_with("{{") && t.ends_with("}}") && t.matches("{{").count() == 1
    };
    let mut rest = line;
    let mut consumed = 0usize;
    let mut in_code = false;
    while !rest.is_empty() {
        // Inline code spans (`…`) are skipped: a shortcode inside them is shown, not run.
        let next_tick = rest.find('`');
        let next_call = rest.find("{{");
        match (next_tick, next_call) {
            (Some(t), c) if in_code || c.is_none_or(|c| t < c) => {
                let run = rest[t..].chars().take_while(|c| *c == '`').count();
                out.text.push_str(&rest[..t + run]);
                consumed += t + run;
                rest = &rest[t + run..];
                in_code = !in_code;
                continue;
            }
            (_, Some(c)) if !in_code => {
                out.text.push_str(&rest[..c]);
                let column = line[..consumed + c].chars().count() as u32 + 1;
                let Some(end) = rest[c..].find("}}") else {
                    out.errors.push(SyntaxError {
                        line: line_no,
                        column,
                        message: "shortcode is not closed with `}}`".into(),
                    });
                    out.text.push_str(&rest[c..]);
                    return;
                };
                let inner = &rest[c + 2..c + end];
                match parse_call(inner) {
                    Ok((name, args)) => {
                        let index = out.calls.len();
                        out.calls.push(Call {
                            name,
                            args,
                            line: line_no,
                            column,
                            block: alone,
                        });
                        if alone {
                            out.text.push_str(&block_placeholder(index));
                        } else {
                            out.text.push_str(&inline_placeholder(index));
                        }
                    }
                    Err(message) => {
                        out.errors.push(SyntaxError {
                            line: line_no,
                            column,
                            message,
                        });
                        out.text.push_str(&rest[c..c + end + 2]);
                    }
                }
                consumed += c + end + 2;
                rest = &rest[c + end + 2..];
            }
            _ => {
                out.text.push_str(rest);
                return;
            }
        }
    }
}

/// `name(key="value", other="x")` → name and arguments.
fn parse_call(inner: &str) -> Result<(String, BTreeMap<String, String>), String> {
    let inner = inner.trim();
    let open = inner.find('(').ok_or_else(|| {
        format!(
            "`{{{{ {inner} }}}}` is not a shortcode call; write `{{{{ name(arg=\"value\") }}}}`"
        )
    })?;
    let name = inner[..open].trim();
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Err(format!("`{name}` is not a shortcode name"));
    }
    let body = inner[open + 1..]
        .strip_suffix(')')
        .ok_or_else(|| format!("shortcode `{name}` is missing its closing `)`"))?;
    let mut args = BTreeMap::new();
    let mut rest = body.trim();
    while !rest.is_empty() {
        let eq = rest
            .find('=')
            .ok_or_else(|| format!("argument `{rest}` needs `=\"value\"`"))?;
        let key = rest[..eq].trim().to_string();
        let after = rest[eq + 1..].trim_start();
        let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'');
        let (value, remaining) = match quote {
            Some(q) => {
                let close = after[1..]
                    .find(q)
                    .ok_or_else(|| format!("the value of `{key}` is missing its closing quote"))?;
                (after[1..1 + close].to_string(), &after[close + 2..])
            }
            None => {
                let end = after.find(',').unwrap_or(after.len());
                (after[..end].trim().to_string(), &after[end..])
            }
        };
        if args.insert(key.clone(), value).is_some() {
            return Err(format!("argument `{key}` is given twice"));
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
    fn keeps_the_line_count() {
        let text = "a\n{{ chart(name=\"x\") }}\nb {{ figure(key=\"y\") }}\n";
        assert_eq!(extract(text).text.lines().count(), 3);
    }

    #[test]
    fn reports_unclosed_and_malformed_calls() {
        let e = extract("x {{ figure(key=\"a\") \n{{ figure key }}\n");
        let messages: Vec<_> = e
            .errors
            .iter()
            .map(|e| (e.line, e.message.as_str()))
            .collect();
        assert_eq!(messages[0], (1, "shortcode is not closed with `}}`"));
        assert_eq!(messages[1].0, 2);
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
