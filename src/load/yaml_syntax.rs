//! YAML syntax errors in an editor's words: what was written wrong, where the editor wrote it,
//! and how to fix it.
//!
//! The parser names the state it was in ("while parsing a block collection, did not find
//! expected '-' indicator") and the place it noticed the problem, which for a quote left open is
//! wherever the next quote mark happens to be. This module maps each kind the parser reports
//! to a message about the editor's line, and moves quote problems to the opening quote. It only
//! reads the text; it must not decide whether a file is valid (the parser does).

use crate::diagnostics::{LineIndex, Pos};
use crate::messages::{Args, ids};

/// A syntax error, explained: where, the catalogue message and its arguments, and the help
/// line when it is another message than the `.help` of `id`.
#[derive(Debug, PartialEq)]
pub struct Explained {
    pub pos: Pos,
    pub id: &'static str,
    pub args: Args,
    pub help: Option<&'static str>,
}

/// The parser's `message` at `at` in `text`, explained; `None` for messages that are not
/// syntax errors (types, keys), which the caller words itself.
pub fn explain(message: &str, text: &str, at: Pos) -> Option<Explained> {
    let explained = |pos, id, args| {
        Some(Explained {
            pos,
            id,
            args,
            help: None,
        })
    };
    if message.starts_with("unclosed quote")
        || message.starts_with("invalid trailing content after double-quoted scalar")
        || message.contains("while scanning a quoted scalar")
    {
        let pos = open_quote(text, at).unwrap_or(at);
        return explained(pos, ids::YAML_QUOTE_NOT_CLOSED, vec![]);
    }
    if message.contains("did not find expected '-' indicator") {
        return explained(at, ids::YAML_NOT_A_LIST_ITEM, vec![]);
    }
    if message.contains("while parsing a block mapping, did not find expected key") {
        return explained(at, ids::YAML_KEY_INDENTATION, vec![]);
    }
    if message.starts_with("simple key expected ':'")
        || message.contains("could not find expected ':'")
    {
        return explained(at, ids::YAML_EXPECTED_KEY_VALUE, vec![]);
    }
    if message.starts_with("mapping values are not allowed in this context") {
        return Some(quote_the_value(text, at, ids::YAML_SECOND_COLON, vec![]));
    }
    if let Some(rest) = message.strip_prefix("unclosed bracket '") {
        let open = rest.chars().next().unwrap_or('[');
        let close = if open == '{' { '}' } else { ']' };
        let args = vec![
            ("open", open.to_string().into()),
            ("close", close.to_string().into()),
        ];
        return explained(at, ids::YAML_BRACKET_NOT_CLOSED, args);
    }
    if message.contains("while parsing a flow mapping") || message.contains("flow sequence") {
        return explained(at, ids::YAML_FLOW_SEPARATOR, vec![]);
    }
    if let Some(rest) = message
        .strip_prefix("unexpected character: `")
        .or_else(|| message.strip_prefix("found character that cannot start any token"))
    {
        let ch: String = rest
            .trim_start_matches([':', ' ', '`'])
            .chars()
            .take(1)
            .collect();
        let ch = if ch.is_empty() {
            "none".to_string()
        } else {
            ch
        };
        let args = vec![("char", ch.into())];
        return Some(quote_the_value(
            text,
            at,
            ids::YAML_CANNOT_START_VALUE,
            args,
        ));
    }
    None
}

/// Message `id` with the help "put the value in quotes: `key: "…"`", with the line's own key
/// and value when there is one.
fn quote_the_value(text: &str, at: Pos, id: &'static str, mut args: Args) -> Explained {
    let line = text
        .lines()
        .nth(at.line.saturating_sub(1) as usize)
        .unwrap_or("");
    let item = line.trim_start().trim_start_matches("- ");
    let help = match item.split_once(": ") {
        Some((key, value)) if !value.trim().is_empty() => {
            let value = value.trim();
            let quoted = if value.contains('"') {
                format!("'{}'", value.replace('\'', "''"))
            } else {
                format!("\"{value}\"")
            };
            args.push(("suggestion", format!("{key}: {quoted}").into()));
            ids::YAML_QUOTE_VALUE_HELP
        }
        _ => ids::YAML_QUOTE_VALUE_HELP_PLAIN,
    };
    Explained {
        pos: at,
        id,
        args,
        help: Some(help),
    }
}

/// The opening quote of the quoted text the parser was in at `at`: the one still open there,
/// else the last one before it that ran past the end of its line. Quotes only open a value
/// (after `key: `, `- `, `[`, `{` or `,`); `#` after a space starts a comment.
fn open_quote(text: &str, at: Pos) -> Option<Pos> {
    let index = LineIndex::new(text);
    let mut open: Option<(char, usize)> = None;
    let mut across_lines = None;
    let mut previous = '\n';
    let mut chars = text.char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        let here = index.pos(i);
        if here > at && open.is_none() {
            break;
        }
        match open {
            Some((quote, start)) => {
                let escaped_double = quote == '"' && ch == '\\';
                let escaped_single =
                    quote == '\'' && ch == '\'' && chars.peek().map(|c| c.1) == Some('\'');
                if escaped_double || escaped_single {
                    chars.next();
                } else if ch == quote {
                    if index.pos(start).line != here.line {
                        across_lines = Some(index.pos(start));
                    }
                    open = None;
                } else if here >= at {
                    return Some(index.pos(start));
                }
            }
            None => {
                if (ch == '"' || ch == '\'') && value_may_start_after(text, i) {
                    open = Some((ch, i));
                } else if ch == '#' && previous.is_whitespace() {
                    while chars.peek().is_some_and(|c| c.1 != '\n') {
                        chars.next();
                    }
                }
            }
        }
        previous = ch;
    }
    open.map(|(_, start)| index.pos(start)).or(across_lines)
}

fn value_may_start_after(text: &str, i: usize) -> bool {
    let before = text[..i].trim_end_matches([' ', '\t']);
    before.is_empty() || before.ends_with(['\n', ':', '-', '[', '{', ','])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_left_open_is_reported_at_the_opening_quote() {
        let text = "name: \"Alfa AS\norg_number: \"100000008\"\nsector: F\n";
        // The parser notices only after the next quote mark, on line 2.
        let e = explain(
            "invalid trailing content after double-quoted scalar",
            text,
            Pos::new(2, 14),
        )
        .unwrap();
        assert_eq!(e.pos, Pos::new(1, 7));
        assert_eq!(e.id, ids::YAML_QUOTE_NOT_CLOSED);
    }

    #[test]
    fn a_quote_open_at_the_end_of_the_file_is_found() {
        let text = "a: 'it''s'\nnote: \"x # y\"\nb: \"open\nc: 1\n";
        assert_eq!(open_quote(text, Pos::new(4, 5)), Some(Pos::new(3, 4)));
    }

    #[test]
    fn apostrophes_inside_words_and_comments_open_no_quote() {
        let text = "note: Ola's firma # it's fine\nb: 'x\n";
        assert_eq!(open_quote(text, Pos::new(2, 6)), Some(Pos::new(2, 4)));
    }

    #[test]
    fn a_colon_in_a_value_suggests_the_value_in_quotes() {
        let text = "name: Alfa\nnote: Hei: dette\n";
        let e = explain(
            "mapping values are not allowed in this context",
            text,
            Pos::new(2, 10),
        )
        .unwrap();
        assert_eq!(e.help, Some(ids::YAML_QUOTE_VALUE_HELP));
        assert_eq!(e.args, vec![("suggestion", "note: \"Hei: dette\"".into())]);
    }

    #[test]
    fn other_parser_messages_are_left_to_the_caller() {
        assert_eq!(
            explain("missing field `name`", "a: 1\n", Pos::new(1, 1)),
            None
        );
    }
}
