//! The tags of a template's text, found without Tera: their positions (Tera's AST has none),
//! and the nesting limits checked before Tera parses a template (its parser recurses once per
//! level, so a deep enough template would overflow the stack and abort the process).
//!
//! Pure and linear in the text; it must not recurse (the input is what may be deep).

use crate::diagnostics::{Diagnostic, Diagnostics, Pos};
use crate::messages::ids;

/// How deep a template may nest: tags inside tags (`if`, `for`, `block`, `macro`, `filter`) and
/// brackets inside one tag. Tera's parser and renderer recurse once per level and overflow the
/// stack (aborting the process) at a few hundred levels, fewer on a worker thread; a theme
/// nests a handful.
pub const MAX_NESTING: usize = 32;

/// How many operators one tag may chain (`a + b + …`, `x and y and …`): Tera nests each in the
/// one before, and a few hundred overflow the stack.
pub const MAX_OPERATORS: usize = 64;

/// Refuses a template nested deeper than [`MAX_NESTING`] or with a tag of more than
/// [`MAX_OPERATORS`], at the tag past the limit, before Tera parses it. `false` when refused.
pub fn check_nesting(rel: &str, text: &str, diags: &mut Diagnostics) -> bool {
    let mut depth = 0usize;
    for (pos, tag) in tags(text) {
        let keyword = tag.split_whitespace().next().unwrap_or_default();
        match keyword {
            "if" | "for" | "block" | "macro" | "filter" => depth += 1,
            "endif" | "endfor" | "endblock" | "endmacro" | "endfilter" => {
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
        let (brackets, operators) = expression_size(tag);
        if operators > MAX_OPERATORS {
            let args = vec![("max", MAX_OPERATORS.into())];
            diags.push(Diagnostic::error_msg(
                rel,
                pos,
                ids::TEMPLATE_TOO_MANY_OPERATORS,
                args,
            ));
            return false;
        }
        if depth.max(brackets) > MAX_NESTING {
            let args = vec![("max", MAX_NESTING.into())];
            diags.push(Diagnostic::error_msg(
                rel,
                pos,
                ids::TEMPLATE_NESTS_TOO_DEEP,
                args,
            ));
            return false;
        }
    }
    true
}

/// How deep `text` nests at its deepest point: tags inside tags, or brackets inside one tag.
pub fn deepest(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    for (_, tag) in tags(text) {
        match tag.split_whitespace().next().unwrap_or_default() {
            "if" | "for" | "block" | "macro" | "filter" => depth += 1,
            "endif" | "endfor" | "endblock" | "endmacro" | "endfilter" => {
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
        deepest = deepest.max(depth).max(expression_size(tag).0);
    }
    deepest
}

/// The deepest `(`/`[` nesting in one tag and the number of operators in it (`+`, `==`, `and`,
/// `~`…), outside string literals. Tera parses `1 + 1 + …` into a tree as deep as the chain.
fn expression_size(tag: &str) -> (usize, usize) {
    let (mut depth, mut deepest, mut operators) = (0usize, 0usize, 0usize);
    let mut quote = None;
    let (mut word, mut symbol) = (String::new(), String::new());
    for c in tag.chars().chain([' ']) {
        if let Some(q) = quote {
            if c == q {
                quote = None;
            }
            continue;
        }
        if matches!(c, '+' | '-' | '*' | '/' | '%' | '~' | '<' | '>' | '=' | '!') {
            symbol.push(c);
            continue;
        }
        // A lone `=` names an argument (`f(a=1)`); every other run of symbols is an operator.
        if !symbol.is_empty() && symbol != "=" {
            operators += 1;
        }
        symbol.clear();
        if c.is_alphanumeric() || c == '_' {
            word.push(c);
            continue;
        }
        if matches!(word.as_str(), "and" | "or" | "not" | "in" | "is") {
            operators += 1;
        }
        word.clear();
        match c {
            '"' | '\'' | '`' => quote = Some(c),
            '(' | '[' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ')' | ']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    (deepest, operators)
}

/// The `{% … %}` and `{{ … }}` tags of a template with their 1-based positions, their content
/// trimmed of `-` and spaces. Comments and `{% raw %}` sections are skipped.
pub(super) fn tags(text: &str) -> Vec<(Pos, &str)> {
    let mut found = Vec::new();
    let mut rest = 0;
    let mut raw = false;
    let (mut counted, mut line, mut column) = (0, 1, 1);
    while let Some(offset) = text[rest..].find('{') {
        let start = rest + offset;
        let opener = text.get(start..start + 2).unwrap_or_default();
        let closer = match opener {
            "{%" => "%}",
            "{{" => "}}",
            "{#" => "#}",
            _ => {
                rest = start + 1;
                continue;
            }
        };
        let Some(len) = text[start + 2..].find(closer) else {
            break;
        };
        let inner = text[start + 2..start + 2 + len].trim_matches('-').trim();
        rest = start + 2 + len + 2;
        if opener == "{#" {
            continue;
        }
        if opener == "{%" {
            if raw {
                raw = inner != "endraw";
                continue;
            }
            if inner == "raw" {
                raw = true;
                continue;
            }
        } else if raw {
            continue;
        }
        // Counted from the previous tag on, so the whole scan stays linear.
        let between = &text[counted..start];
        match between.rfind('\n') {
            Some(i) => {
                line += between.matches('\n').count();
                column = between[i + 1..].chars().count() + 1;
            }
            None => column += between.chars().count(),
        }
        counted = start;
        let at = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        found.push((Pos::new(at(line), at(column)), inner));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use tera::Template;

    #[test]
    fn refuses_templates_nested_past_the_limit_before_tera_parses_them() {
        let n = MAX_NESTING + 1;
        let deep = format!("{}x{}", "{% if a %}\n".repeat(n), "{% endif %}".repeat(n));
        let mut diags = Diagnostics::new();
        assert!(!check_nesting("t.html", &deep, &mut diags));
        let d = &diags.sorted()[0];
        assert_eq!((d.line, d.column), (n as u32, 1));
        let brackets = format!("{{{{ {}1{} }}}}", "(".repeat(n), ")".repeat(n));
        assert!(!check_nesting("t.html", &brackets, &mut Diagnostics::new()));
        let chain = format!(
            "{{% if {}a %}}{{% endif %}}",
            "a and ".repeat(MAX_OPERATORS + 1)
        );
        assert!(!check_nesting("t.html", &chain, &mut Diagnostics::new()));
        // 100,000 levels: refused, and nothing on the way recursed.
        let huge = "{% for x in y %}".repeat(100_000);
        assert!(!check_nesting("t.html", &huge, &mut Diagnostics::new()));
    }

    #[test]
    fn accepts_nesting_up_to_the_limit_and_many_siblings() {
        let n = MAX_NESTING;
        let deep = format!("{}x{}", "{% if a %}".repeat(n), "{% endif %}".repeat(n));
        let siblings = "{% if a %}{{ f(x=[(1)], y=\"((++\") }}{% endif %}".repeat(5_000);
        let arguments: Vec<String> = (0..1000).map(|i| format!("a{i}=1")).collect();
        let arguments = format!("{{{{ f({}) }}}}", arguments.join(", "));
        let chain = format!("{{{{ {}1 }}}}", "1 + ".repeat(MAX_OPERATORS));
        let mut diags = Diagnostics::new();
        assert!(check_nesting("t.html", &deep, &mut diags));
        assert!(check_nesting("t.html", &siblings, &mut diags));
        assert!(check_nesting("t.html", &chain, &mut diags));
        assert!(check_nesting("t.html", &arguments, &mut diags));
        assert!(diags.is_empty(), "{:?}", diags.sorted());
        Template::new("t.html", None, &deep).expect("Tera parses what is accepted");
    }

    /// `tags` on a thread, given ten seconds: a scan that never ends fails the test instead of
    /// hanging it.
    fn tags_in_time(text: &str) -> Vec<(Pos, String)> {
        let text = text.to_string();
        let (send, receive) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let found = tags(&text).into_iter().map(|(p, t)| (p, t.to_string()));
            let _ = send.send(found.collect());
        });
        receive
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("the scan ends, without a panic")
    }

    fn found(list: &[(u32, u32, &str)]) -> Vec<(Pos, String)> {
        list.iter()
            .map(|&(line, column, tag)| (Pos::new(line, column), tag.to_string()))
            .collect()
    }

    #[test]
    fn a_lone_brace_is_text_and_the_tags_after_it_keep_their_positions() {
        let text = "{ color: red }\n<style>a { b: c }</style>{{ x }} {y\n  {%- if z -%}";
        assert_eq!(tags_in_time(text), found(&[(2, 26, "x"), (3, 3, "if z")]));
    }

    #[test]
    fn a_comment_ends_at_its_closer_even_when_empty_or_ending_in_an_opener() {
        let text = "{##}{# unfinished {{#}\n{{ y }}";
        assert_eq!(tags_in_time(text), found(&[(2, 1, "y")]));
    }

    #[test]
    fn tags_inside_a_raw_section_are_text_up_to_its_endraw() {
        let text = "{% raw %}{% if a %}{{ x }}{% endraw %}\n{{ y }}";
        assert_eq!(tags_in_time(text), found(&[(2, 1, "y")]));
        let raw = format!("{{% raw %}}{}{{% endraw %}}", "{% if a %}".repeat(40));
        let mut diags = Diagnostics::new();
        assert!(check_nesting("t.html", &raw, &mut diags));
        assert!(diags.is_empty(), "{:?}", diags.sorted());
        assert_eq!(deepest(&raw), 0);
    }

    #[test]
    fn brackets_and_operators_inside_a_string_do_not_count_but_after_its_closing_quote_do() {
        let string = format!(
            "{{{{ \"{}\" ~ ')' ~ \"and + or [\" ~ `]` }}}}",
            "(".repeat(40)
        );
        let mut diags = Diagnostics::new();
        assert!(check_nesting("t.html", &string, &mut diags));
        assert!(diags.is_empty(), "{:?}", diags.sorted());
        assert_eq!(deepest(&string), 0);
        Template::new("t.html", None, &string).expect("Tera parses what is accepted");
        assert_eq!(deepest("{{ \"(\" ~ f(x=[1]) }}"), 2);
    }

    #[test]
    fn a_chain_of_one_operator_more_than_the_limit_is_refused_at_its_tag() {
        let chain = format!("x\n {{{{ {}1 }}}}", "1 + ".repeat(MAX_OPERATORS + 1));
        let mut diags = Diagnostics::new();
        assert!(!check_nesting("t.html", &chain, &mut diags));
        let d = &diags.sorted()[0];
        assert_eq!((d.line, d.column), (2, 2));
        assert_eq!(d.message, "this tag chains more than 64 operators");
        let comparisons = format!("{{{{ {}1 }}}}", "1 == ".repeat(MAX_OPERATORS + 1));
        assert!(!check_nesting(
            "t.html",
            &comparisons,
            &mut Diagnostics::new()
        ));
    }

    #[test]
    fn a_closing_bracket_ends_its_level_so_siblings_do_not_nest() {
        let siblings: Vec<String> = (0..40).map(|i| format!("a{i}=(1), b{i}=[2]")).collect();
        let siblings = format!("{{{{ f({}) }}}}", siblings.join(", "));
        let mut diags = Diagnostics::new();
        assert!(check_nesting("t.html", &siblings, &mut diags));
        assert!(diags.is_empty(), "{:?}", diags.sorted());
        assert_eq!(deepest(&siblings), 2);
        assert_eq!(deepest("{{ f((1), [[2]]) }}"), 3);
    }
}
