//! Characters in partner text that no output may carry (SPEC §10), found at their own position.
//!
//! Control characters (C0 except tab and newline, DEL, C1) make the site's XML, SVG and HTML
//! malformed and can steer an editor's terminal: an error. Bidi controls and zero-width
//! characters reorder or hide text in a name without being visible: a warning.
//!
//! Positions point at the character in the file. In a double-quoted YAML scalar the character
//! is usually written as an escape (`"\x01"`, `"\e"`, `"\u202e"`): the position is that of the
//! escape's backslash. The source is re-read with the YAML event parser serde-saphyr is built on,
//! so every scalar (keys included) is checked, whatever struct it ends up in.
//! Pure: no IO. This module finds characters; it does not remove them.

use std::borrow::Cow;

use serde_saphyr::granit_parser::{Event, Parser, ScalarStyle};

use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::messages::ids;

/// Breaks XML and HTML, or steers a terminal: C0 controls except tab and newline, DEL, C1.
pub fn is_control(ch: char) -> bool {
    ch.is_control() && ch != '\t' && ch != '\n'
}

/// Changes the order in which text is shown: embeddings, overrides and isolates.
pub fn is_bidi_control(ch: char) -> bool {
    matches!(ch, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Invisible: zero-width space, non-joiner, joiner, word joiner, byte order mark.
pub fn is_zero_width(ch: char) -> bool {
    matches!(ch, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}')
}

/// `text` without control characters: the XML and SVG writers' second line of defence (the
/// validate rules above are the first, and report where the character was).
pub fn without_controls(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_control) {
        Cow::Owned(text.chars().filter(|&c| !is_control(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

fn describe(ch: char) -> String {
    format!("U+{:04X}", u32::from(ch))
}

fn control_error(rel: &str, at: Pos, ch: char) -> Diagnostic {
    let args = vec![("code", describe(ch).into())];
    Diagnostic::error_msg(rel, at, ids::TEXT_CONTROL_CHARACTER, args)
}

fn hidden_warning(rel: &str, at: Pos, ch: char) -> Diagnostic {
    let id = if is_bidi_control(ch) {
        ids::TEXT_INVISIBLE_BIDI
    } else {
        ids::TEXT_INVISIBLE_ZERO_WIDTH
    };
    Diagnostic::warning_msg(rel, at, id, vec![("code", describe(ch).into())])
}

/// Checks every scalar of a partner's YAML file: control characters are errors, bidi controls
/// and zero-width characters warnings, each at its place in the file. A file the parser cannot
/// read is left to the YAML parser's own diagnostic.
pub fn check_yaml(rel: &str, source: &str, diags: &mut Diagnostics) {
    if !may_hold_a_wanted_character(source) {
        // Nothing to find: a file is parsed again only when it can hold what is looked for.
        return;
    }
    let lines = crate::diagnostics::LineIndex::new(source);
    let byte_at = CharToByte::new(source);
    for event in Parser::new_from_str(source) {
        let (value, style, span) = match event {
            Ok((Event::Scalar(value, style, _, _), span)) => (value, style, span),
            Ok(_) => continue,
            Err(_) => return,
        };
        let start = span
            .start
            .byte_offset()
            .unwrap_or_else(|| byte_at.get(span.start.index()));
        let end = span
            .end
            .byte_offset()
            .unwrap_or_else(|| byte_at.get(span.end.index()));
        let written = source.get(start..end.max(start)).unwrap_or("");
        let quoted = style == ScalarStyle::DoubleQuoted;
        if let Some(ch) = value.chars().find(|&c| is_control(c)) {
            let offset = find_written(written, quoted, is_control).unwrap_or(0);
            diags.push(control_error(rel, lines.pos(start + offset), ch));
        }
        let hidden = |c: char| is_bidi_control(c) || is_zero_width(c);
        if let Some(ch) = value.chars().find(|&c| hidden(c)) {
            let offset = find_written(written, quoted, hidden).unwrap_or(0);
            diags.push(hidden_warning(rel, lines.pos(start + offset), ch));
        }
    }
}

/// Whether a scalar of the YAML `source` can hold a character [`check_yaml`] looks for: the
/// character written as it is, or an escape (`"\x07"`, which needs a backslash).
fn may_hold_a_wanted_character(source: &str) -> bool {
    source.contains('\\')
        || (source.chars()).any(|c| is_control(c) || is_bidi_control(c) || is_zero_width(c))
}

/// Checks a partner's Markdown: control characters are errors, bidi controls warnings (a
/// zero-width joiner is part of many emoji, so zero-width characters are left alone in prose).
/// At most one diagnostic of each kind per line, so a pasted binary file stays readable.
pub fn check_markdown(rel: &str, source: &str, line_offset: u32, diags: &mut Diagnostics) {
    for (i, line) in source.split('\n').enumerate() {
        let line_no = u32::try_from(i).unwrap_or(u32::MAX).saturating_add(1);
        let at = |column: usize| {
            Pos::new(line_no, u32::try_from(column + 1).unwrap_or(u32::MAX)).shifted(line_offset)
        };
        if let Some((column, ch)) = line.chars().enumerate().find(|&(_, c)| is_control(c)) {
            diags.push(control_error(rel, at(column), ch));
        }
        if let Some((column, ch)) = line.chars().enumerate().find(|&(_, c)| is_bidi_control(c)) {
            diags.push(hidden_warning(rel, at(column), ch));
        }
    }
}

/// The byte offset, in a scalar as written, of the first character matching `wanted`: the
/// character itself, or in a double-quoted scalar the backslash of an escape that stands for it.
fn find_written(
    written: &str,
    double_quoted: bool,
    wanted: impl Fn(char) -> bool,
) -> Option<usize> {
    let mut chars = written.char_indices().peekable();
    while let Some((at, ch)) = chars.next() {
        if wanted(ch) {
            return Some(at);
        }
        if !(double_quoted && ch == '\\') {
            continue;
        }
        let Some((_, kind)) = chars.next() else {
            break;
        };
        let digits = match kind {
            'x' => 2,
            'u' => 4,
            'U' => 8,
            _ => {
                if unescape_single(kind).is_some_and(&wanted) {
                    return Some(at);
                }
                continue;
            }
        };
        let mut hex = String::new();
        for _ in 0..digits {
            match chars.peek() {
                Some(&(_, d)) if d.is_ascii_hexdigit() => {
                    hex.push(d);
                    chars.next();
                }
                _ => break,
            }
        }
        let decoded = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32);
        if decoded.is_some_and(&wanted) {
            return Some(at);
        }
    }
    None
}

/// The character a one-letter escape of a double-quoted YAML scalar stands for (YAML 1.2 §5.7).
fn unescape_single(kind: char) -> Option<char> {
    Some(match kind {
        '0' => '\0',
        'a' => '\u{7}',
        'b' => '\u{8}',
        't' => '\t',
        'n' => '\n',
        'v' => '\u{b}',
        'f' => '\u{c}',
        'r' => '\r',
        'e' => '\u{1b}',
        'N' => '\u{85}',
        '_' => '\u{a0}',
        'L' => '\u{2028}',
        'P' => '\u{2029}',
        _ => return None,
    })
}

/// Character index → byte offset, for parsers that report only the former.
struct CharToByte(Vec<usize>);

impl CharToByte {
    fn new(text: &str) -> Self {
        let mut offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        offsets.push(text.len());
        CharToByte(offsets)
    }

    fn get(&self, index: usize) -> usize {
        self.0
            .get(index)
            .copied()
            .unwrap_or_else(|| self.0.last().copied().unwrap_or(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yaml(source: &str) -> Vec<Diagnostic> {
        let mut diags = Diagnostics::new();
        check_yaml("p.yaml", source, &mut diags);
        diags.sorted()
    }

    fn at(d: &Diagnostic) -> (u32, u32) {
        (d.line, d.column)
    }

    #[test]
    fn refuses_an_escaped_control_character_at_its_escape() {
        let d = yaml("sector: F\nname: \"Alfa \\x01 AS\"\n");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].is_error());
        assert_eq!(d[0].message, "control character U+0001 in the text");
        assert_eq!(at(&d[0]), (2, 13));
        let d = yaml("name: \"\\e]0;title\\a\"\n");
        assert_eq!(
            (at(&d[0]), d[0].message.as_str()),
            ((1, 8), "control character U+001B in the text")
        );
        let d = yaml("name: \"ok \\u001b[2J\"\n");
        assert_eq!(at(&d[0]), (1, 11));
        let d = yaml("name: \"\\N\"\n");
        assert_eq!(d[0].message, "control character U+0085 in the text");
    }

    #[test]
    fn finds_control_characters_in_keys_and_nested_values() {
        let d = yaml("years:\n  - note: \"a\\vb\"\n\"ke\\by\": 1\n");
        let places: Vec<_> = d.iter().map(at).collect();
        assert_eq!(places, [(2, 13), (3, 4)]);
    }

    #[test]
    fn finds_a_raw_control_character_where_the_parser_allows_it() {
        let d = yaml("name: \"x\u{85}\"\n");
        assert_eq!((at(&d[0]), d[0].is_error()), ((1, 9), true));
        // Where YAML forbids the raw character, the parser's own error refuses the file.
        let raw = "name: Alfa\u{7f}AS\n";
        assert!(yaml(raw).is_empty());
        assert!(serde_saphyr::from_str::<serde::de::IgnoredAny>(raw).is_err());
    }

    #[test]
    fn warns_about_bidi_and_zero_width_characters() {
        let d = yaml("name: \"Alfa \\u202eSA\"\nlabel: Ned\u{200b}gang\n");
        assert_eq!(d.len(), 2, "{d:?}");
        assert!(d.iter().all(|d| !d.is_error()));
        assert_eq!(at(&d[0]), (1, 13));
        assert_eq!(d[0].message, "invisible bidi control U+202E in the text");
        assert_eq!(at(&d[1]), (2, 11));
        assert_eq!(
            d[1].message,
            "invisible zero-width character U+200B in the text"
        );
    }

    #[test]
    fn only_a_file_with_a_backslash_or_a_wanted_character_is_parsed_again() {
        assert!(!may_hold_a_wanted_character(
            "name: Alfa AS\nsummary: |\n  Tab\there\n"
        ));
        assert!(!may_hold_a_wanted_character("name: Ærlig «sitat» – ok\n"));
        assert!(may_hold_a_wanted_character("name: \"a\\x07\"\n"));
        assert!(may_hold_a_wanted_character("name: a\u{7}\n"));
        assert!(may_hold_a_wanted_character("name: a\u{202e}b\n"));
        assert!(may_hold_a_wanted_character("name: a\u{200b}b\n"));
        assert!(may_hold_a_wanted_character("name: a\r\n"));
    }

    #[test]
    fn accepts_ordinary_text_tabs_and_newlines() {
        assert!(yaml("name: \"Ærlig\\tBygg\\nAS\"\nnote: |\n  To linjer\n  her.\n").is_empty());
        assert!(yaml("name: 'single \\x01 is literal'\n").is_empty());
    }

    #[test]
    fn leaves_unparsable_yaml_to_the_parser() {
        assert!(yaml("name: [\"\\x01\"\n").len() <= 1);
    }

    #[test]
    fn finds_control_and_bidi_characters_in_markdown_per_line() {
        let mut diags = Diagnostics::new();
        check_markdown(
            "story.md",
            "# Om oss\n\nTekst \u{1b}[31m og \u{1b} igjen.\nÆ\u{202e}snudd\n",
            0,
            &mut diags,
        );
        let d = diags.sorted();
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!((at(&d[0]), d[0].is_error()), ((3, 7), true));
        assert_eq!((at(&d[1]), d[1].is_error()), ((4, 2), false));
    }

    #[test]
    fn writers_can_drop_control_characters() {
        assert_eq!(without_controls("a\u{1}b\u{85}c\td\n"), "abc\td\n");
        assert!(matches!(without_controls("Ærlig"), Cow::Borrowed(_)));
    }

    #[test]
    fn markdown_keeps_emoji_joiners() {
        let mut diags = Diagnostics::new();
        check_markdown("story.md", "Familie: 👩\u{200d}👧\n", 0, &mut diags);
        assert!(diags.is_empty());
    }

    #[test]
    fn finds_an_eight_digit_escape_at_its_backslash() {
        let d = yaml("name: \"ok \\U0000202E\"\n");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(!d[0].is_error());
        assert_eq!(d[0].message, "invisible bidi control U+202E in the text");
        assert_eq!(at(&d[0]), (1, 11));
    }

    #[test]
    fn finds_one_letter_escapes_of_control_characters_at_their_backslash() {
        for (escape, code) in [("0", "0000"), ("a", "0007"), ("b", "0008"), ("v", "000B")] {
            let d = yaml(&format!("name: \"ab \\{escape}\"\n"));
            assert_eq!(d.len(), 1, "{escape}: {d:?}");
            assert!(d[0].is_error());
            let message = format!("control character U+{code} in the text");
            assert_eq!(
                (at(&d[0]), d[0].message.as_str()),
                ((1, 11), message.as_str())
            );
        }
        for (escape, code) in [("f", "000C"), ("r", "000D"), ("e", "001B"), ("N", "0085")] {
            let d = yaml(&format!("name: \"ab \\{escape}\"\n"));
            let message = format!("control character U+{code} in the text");
            assert_eq!(
                (at(&d[0]), d[0].message.as_str()),
                ((1, 11), message.as_str())
            );
        }
    }

    #[test]
    fn escapes_of_ordinary_characters_before_a_control_character_are_passed_over() {
        let d = yaml("name: \"a\\tb\\nc\\_d\\Le\\Pf \\x01\"\n");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(at(&d[0]), (1, 25));
    }
}
