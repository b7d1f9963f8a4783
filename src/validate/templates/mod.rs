//! Theme templates that would never finish rendering (SPEC §9: "a template that includes itself
//! is an error at the template"; §10: template recursion is bounded).
//!
//! Tera 1 has no depth limit: a template that includes itself (directly or through others), an
//! `extends` or `import` loop, or a macro that calls itself recurses until the stack overflows,
//! and that aborts the whole process (`nfk serve` with it). This rule finds every such loop in
//! the parsed templates *before* Tera links or renders them, and reports each loop once, at a
//! template the site provides, on the line of the tag that closes it. Recursive macros are
//! refused outright, also ones that would stop (a tree walk): Tera cannot bound their depth at
//! run time, and the views have no trees to walk (`docs/templates.md`). Without loops, a chain of
//! includes and calls may still be too deep to render: it is bounded too ([`MAX_RENDER_DEPTH`]),
//! and so is each file's own nesting (`tags`).
//!
//! Pure: it reads the templates Tera parsed and their text. It must not render, read files or
//! call into Tera's linking (`build_inheritance_chains` itself loops on some `extends` cycles).
//!
//! Which macro a call means is decided by Tera at run time, with quirks (`self::` may mean
//! another file's macros inside a block), so a call `ns::name` is taken to mean every macro
//! `name` in every file some template imports as `ns` (for `self::`, in any file). That can
//! only find a loop that is not there when two files share a namespace name and macro names;
//! it never misses one.

use std::collections::{BTreeMap, BTreeSet};

use tera::Template;
use tera::ast::{Expr, ExprVal, Node};

use crate::diagnostics::Diagnostics;

mod graph;
mod report;
mod tags;

use graph::Graph;
use report::{report, too_deep};

pub use tags::check_nesting;

/// How deep rendering may nest through includes and macro calls, counting each step once plus
/// the nesting of its file: Tera overflows a worker thread's stack at a few hundred levels.
pub const MAX_RENDER_DEPTH: usize = 128;

/// One parsed template of the theme.
pub struct Source<'a> {
    /// The file an editor opens (`themes/nfk/templates/page.html`); the embedded default theme's
    /// files start with `(embedded theme)/`.
    pub rel: &'a str,
    /// The template's text, to find the line of a tag (Tera's AST has no positions).
    pub text: &'a str,
    pub template: &'a Template,
}

/// What [`check`] found.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Verdict {
    /// Loops reported (one diagnostic each).
    pub loops: usize,
    /// An `extends` loop: Tera's own linking of the templates would recurse forever, so it must
    /// not be run.
    pub extends_loop: bool,
}

/// Reports every loop among `sources` (names are Tera's template names) into `diags`.
pub fn check(sources: &[Source], diags: &mut Diagnostics) -> Verdict {
    let by_name: BTreeMap<&str, &Source> = sources
        .iter()
        .map(|s| (s.template.name.as_str(), s))
        .collect();
    let mut verdict = Verdict::default();

    let extends = Graph::from_edges(sources.iter().filter_map(|s| {
        let parent = s.template.parent.as_deref()?;
        by_name.contains_key(parent).then(|| {
            (
                Step::Template(s.template.name.clone()),
                Step::Template(parent.to_string()),
            )
        })
    }));
    for cycle in extends.cycles() {
        verdict.extends_loop = true;
        verdict.loops += 1;
        diags.push(report(&cycle, Kind::Extends, &by_name));
    }

    let imports = Graph::from_edges(sources.iter().flat_map(|s| {
        s.template
            .imported_macro_files
            .iter()
            .filter(|(file, _)| by_name.contains_key(file.as_str()))
            .map(|(file, _)| {
                (
                    Step::Template(s.template.name.clone()),
                    Step::Template(file.clone()),
                )
            })
    }));
    // Macros of two files that call each other need the files to import each other: that loop
    // is the one mistake, reported once (Tera loops on the imports before any call).
    let mut importing = BTreeSet::new();
    for cycle in imports.cycles() {
        verdict.loops += 1;
        diags.push(report(&cycle, Kind::Import, &by_name));
        importing.extend(cycle.into_iter().map(|s| s.file().to_string()));
    }

    let renders = render_graph(sources, &by_name);
    let cycles = renders.cycles();
    for cycle in &cycles {
        if cycle.iter().all(|s| importing.contains(s.file())) {
            continue;
        }
        verdict.loops += 1;
        diags.push(report(cycle, Kind::Render, &by_name));
    }
    if cycles.is_empty() && verdict.loops == 0 {
        let nesting: BTreeMap<&str, usize> = sources
            .iter()
            .map(|s| (s.template.name.as_str(), tags::deepest(s.text)))
            .collect();
        let weight = |s: &Step| nesting.get(s.file()).copied().unwrap_or(0) + 1;
        if let Some((depth, path)) = renders.deepest_path(weight)
            && depth > MAX_RENDER_DEPTH
        {
            verdict.loops += 1;
            diags.push(too_deep(depth, &path, &by_name));
        }
    }
    verdict
}

/// A place rendering can be in: a template's own text, or a macro's body.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    Template(String),
    /// (file, macro name)
    Macro(String, String),
}

impl Step {
    fn file(&self) -> &str {
        match self {
            Step::Template(name) | Step::Macro(name, _) => name,
        }
    }

    /// `` `page.html` `` or `` `card()` ``: a name, the same in every language.
    fn label(&self) -> String {
        match self {
            Step::Template(name) => format!("`{name}`"),
            Step::Macro(_, name) => format!("`{name}()`"),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Extends,
    Import,
    /// Includes and macro calls: what nests while a page renders.
    Render,
}

/// Includes and macro calls, from each template's text and each macro's body. `extends` is not
/// an edge here: including a template that extends another is an error in Tera, not a loop, so
/// every endless render is a loop of includes and calls alone.
fn render_graph(sources: &[Source], by_name: &BTreeMap<&str, &Source>) -> Graph {
    let mut imported_as: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for s in sources {
        for (file, namespace) in &s.template.imported_macro_files {
            imported_as
                .entry(namespace.as_str())
                .or_default()
                .insert(file.as_str());
        }
    }
    let targets = |used: Used| -> Vec<Step> {
        match used {
            Used::Include(names) => names
                .iter()
                .filter(|n| by_name.contains_key(n.as_str()))
                .map(|n| Step::Template(n.clone()))
                .collect(),
            Used::Call(namespace, name) => {
                let files: Vec<&str> = if namespace == "self" {
                    sources.iter().map(|s| s.template.name.as_str()).collect()
                } else {
                    imported_as
                        .get(namespace.as_str())
                        .map(|f| f.iter().copied().collect())
                        .unwrap_or_default()
                };
                files
                    .into_iter()
                    .filter(|f| {
                        by_name
                            .get(f)
                            .is_some_and(|s| s.template.macros.contains_key(name.as_str()))
                    })
                    .map(|f| Step::Macro(f.to_string(), name.clone()))
                    .collect()
            }
        }
    };
    let mut edges = Vec::new();
    for s in sources {
        let from = Step::Template(s.template.name.clone());
        for used in uses(&s.template.ast) {
            edges.extend(targets(used).into_iter().map(|to| (from.clone(), to)));
        }
        for (name, definition) in &s.template.macros {
            let from = Step::Macro(s.template.name.clone(), name.clone());
            // Default arguments are literals in Tera 1: only the body can call.
            for used in uses(&definition.body) {
                edges.extend(targets(used).into_iter().map(|to| (from.clone(), to)));
            }
        }
    }
    Graph::from_edges(edges)
}

/// What a piece of template text makes Tera render next.
enum Used {
    Include(Vec<String>),
    /// (namespace, macro name)
    Call(String, String),
}

/// Includes and macro calls in `nodes`, not looking into macro definitions (each macro is a
/// step of its own). Iterative, so a deeply nested template cannot overflow the stack here.
fn uses(nodes: &[Node]) -> Vec<Used> {
    let mut found = Vec::new();
    let mut todo: Vec<&Node> = nodes.iter().rev().collect();
    let mut exprs: Vec<&Expr> = Vec::new();
    while let Some(node) = todo.pop() {
        match node {
            Node::Include(_, names, _) => found.push(Used::Include(names.clone())),
            Node::VariableBlock(_, expr) => exprs.push(expr),
            Node::Set(_, set) => exprs.push(&set.value),
            Node::FilterSection(_, section, _) => {
                exprs.extend(section.filter.args.values());
                todo.extend(&section.body);
            }
            Node::Block(_, block, _) => todo.extend(&block.body),
            Node::Forloop(_, forloop, _) => {
                exprs.push(&forloop.container);
                todo.extend(&forloop.body);
                if let Some(empty) = &forloop.empty_body {
                    todo.extend(empty);
                }
            }
            Node::If(branches, _) => {
                for (_, condition, nodes) in &branches.conditions {
                    exprs.push(condition);
                    todo.extend(nodes);
                }
                if let Some((_, nodes)) = &branches.otherwise {
                    todo.extend(nodes);
                }
            }
            Node::MacroDefinition(..)
            | Node::Super
            | Node::Text(_)
            | Node::Extends(..)
            | Node::ImportMacro(..)
            | Node::Raw(..)
            | Node::Break(_)
            | Node::Continue(_)
            | Node::Comment(..) => {}
        }
    }
    for expr in exprs {
        expr_uses(expr, &mut found);
    }
    found
}

/// Macro calls anywhere in an expression: its value, its filters' arguments, nested values.
fn expr_uses(expr: &Expr, found: &mut Vec<Used>) {
    let mut todo = vec![expr];
    while let Some(expr) = todo.pop() {
        for filter in &expr.filters {
            todo.extend(filter.args.values());
        }
        let mut values = vec![&expr.val];
        while let Some(value) = values.pop() {
            match value {
                ExprVal::MacroCall(call) => {
                    found.push(Used::Call(call.namespace.clone(), call.name.clone()));
                    todo.extend(call.args.values());
                }
                ExprVal::FunctionCall(call) => todo.extend(call.args.values()),
                ExprVal::Math(math) => todo.extend([&*math.lhs, &*math.rhs]),
                ExprVal::Logic(logic) => todo.extend([&*logic.lhs, &*logic.rhs]),
                ExprVal::In(within) => todo.extend([&*within.lhs, &*within.rhs]),
                ExprVal::Test(test) => todo.extend(test.args.iter()),
                ExprVal::Array(items) => todo.extend(items.iter()),
                ExprVal::StringConcat(concat) => values.extend(concat.values.iter()),
                ExprVal::String(_)
                | ExprVal::Int(_)
                | ExprVal::Float(_)
                | ExprVal::Bool(_)
                | ExprVal::Ident(_) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostic;

    /// Checks templates given as (name, text); each is a site file `themes/t/templates/<name>`.
    fn run(files: &[(&str, &str)]) -> (Verdict, Vec<Diagnostic>) {
        run_with_embedded(files, &[])
    }

    /// As [`run`], with the templates named in `embedded` from the embedded default theme.
    fn run_with_embedded(files: &[(&str, &str)], embedded: &[&str]) -> (Verdict, Vec<Diagnostic>) {
        let parsed: Vec<(String, Template)> = files
            .iter()
            .map(|(name, text)| {
                let rel = if embedded.contains(name) {
                    format!("(embedded theme)/templates/{name}")
                } else {
                    format!("themes/t/templates/{name}")
                };
                (rel, Template::new(name, None, text).expect("parses"))
            })
            .collect();
        let sources: Vec<Source> = parsed
            .iter()
            .zip(files)
            .map(|((rel, template), (_, text))| Source {
                rel,
                text,
                template,
            })
            .collect();
        let mut diags = Diagnostics::new();
        let verdict = check(&sources, &mut diags);
        (verdict, diags.sorted())
    }

    fn one(files: &[(&str, &str)]) -> Diagnostic {
        let (verdict, diags) = run(files);
        assert_eq!(diags.len(), 1, "{diags:#?}");
        assert_eq!(verdict.loops, 1);
        diags[0].clone()
    }

    /// `t0.html` includes `t1.html`, which includes `t2.html`, … up to `t{last}.html`: a chain
    /// as deep as its number of files.
    fn include_chain(last: usize) -> Vec<(String, String)> {
        (0..=last)
            .map(|i| {
                let text = if i < last {
                    format!("{{% include \"t{}.html\" %}}", i + 1)
                } else {
                    "x".to_string()
                };
                (format!("t{i}.html"), text)
            })
            .collect()
    }

    fn as_refs(files: &[(String, String)]) -> Vec<(&str, &str)> {
        files
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect()
    }

    #[test]
    fn rejects_a_template_that_includes_itself() {
        let d = one(&[("page.html", "<p>\n\n  {% include \"page.html\" %}</p>")]);
        assert_eq!(d.path, "themes/t/templates/page.html");
        assert_eq!((d.line, d.column), (3, 3));
        assert_eq!(d.message, "template `page.html` includes itself");
    }

    #[test]
    fn rejects_templates_that_include_each_other() {
        let d = one(&[
            ("a.html", "{% include \"b.html\" %}"),
            ("b.html", "x\n{% if y %}{% include 'a.html' %}{% endif %}"),
        ]);
        assert_eq!(d.path, "themes/t/templates/a.html");
        assert_eq!(d.line, 1);
        assert_eq!(
            d.message,
            "templates include each other in a loop: `a.html` → `b.html` → `a.html`"
        );
    }

    #[test]
    fn rejects_an_extends_loop_and_says_tera_must_not_link_it() {
        let (verdict, diags) = run(&[
            ("a.html", "{% extends \"b.html\" %}"),
            ("b.html", "{% extends \"c.html\" %}"),
            ("c.html", "{% extends \"b.html\" %}"),
        ]);
        assert!(verdict.extends_loop);
        assert_eq!(diags.len(), 1, "{diags:#?}");
        assert_eq!(
            diags[0].message,
            "templates extend each other in a loop: `b.html` → `c.html` → `b.html`"
        );
    }

    #[test]
    fn rejects_a_macro_that_calls_itself() {
        let d = one(&[(
            "macros.html",
            "{% macro ok() %}x{% endmacro %}\n{% macro tree(n) %}{{ self::tree(n=n) }}{% endmacro %}",
        )]);
        assert_eq!((d.line, d.column), (2, 1));
        assert_eq!(d.message, "macro `tree()` calls itself");
    }

    #[test]
    fn rejects_macros_that_call_each_other_through_an_import() {
        let d = one(&[
            (
                "a.html",
                "{% import \"b.html\" as b %}{% macro ping() %}{{ b::pong() }}{% endmacro %}",
            ),
            (
                "b.html",
                "{% import \"a.html\" as a %}{% macro pong() %}{% if x %}{{ a::ping() | upper }}{% endif %}{% endmacro %}",
            ),
        ]);
        // The imports loop too; that is the one mistake reported (Tera loops on it first).
        assert_eq!(
            d.message,
            "templates import each other in a loop: `a.html` → `b.html` → `a.html`"
        );
        let d = one(&[(
            "m.html",
            "{% macro ping() %}{% for x in [self::pong()] %}{% endfor %}{% endmacro %}\n\
             {% macro pong() %}{% set a = self::ping() %}{% endmacro %}",
        )]);
        assert_eq!(d.line, 1);
        assert_eq!(
            d.message,
            "macros call each other in a loop: `ping()` → `pong()` → `ping()`"
        );
    }

    #[test]
    fn a_macro_that_includes_its_caller_is_a_loop() {
        let d = one(&[
            (
                "m.html",
                "{% macro card() %}{% include \"card.html\" %}{% endmacro %}",
            ),
            (
                "card.html",
                "{% import \"m.html\" as m %}{% set x = m::card() %}",
            ),
        ]);
        assert_eq!(d.path, "themes/t/templates/card.html");
        assert_eq!(
            d.message,
            "templates and macros use each other in a loop: `card.html` → `card()` → `card.html`"
        );
    }

    #[test]
    fn accepts_macros_used_many_times_and_shared_includes() {
        let page = format!(
            "{{% extends \"base.html\" %}}{{% import \"m.html\" as m %}}{{% block main %}}{}{{% include \"nav.html\" %}}{{% endblock %}}",
            "{{ m::card(n=1) }}".repeat(200)
        );
        let (verdict, diags) = run(&[
            (
                "base.html",
                "{% include \"nav.html\" %}{% block main %}{% endblock %}",
            ),
            ("nav.html", "<nav></nav>"),
            (
                "m.html",
                "{% macro card(n) %}{{ self::title(n=n) }}{{ self::title(n=n) }}{% endmacro %}{% macro title(n) %}{{ n }}{% endmacro %}",
            ),
            ("page.html", &page),
        ]);
        assert_eq!(verdict, Verdict::default());
        assert!(diags.is_empty(), "{diags:#?}");
    }

    #[test]
    fn refuses_includes_nested_deeper_than_a_render_can_go() {
        let nested = |i: usize, last: usize| {
            let inner = if i < last {
                format!("{{% include \"t{}.html\" %}}", i + 1)
            } else {
                "x".to_string()
            };
            format!(
                "{}{inner}{}",
                "{% if a %}".repeat(20),
                "{% endif %}".repeat(20)
            )
        };
        let deep: Vec<(String, String)> = (0..=9)
            .map(|i| (format!("t{i}.html"), nested(i, 9)))
            .collect();
        let refs: Vec<(&str, &str)> = deep.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
        let d = one(&refs);
        assert_eq!(d.path, "themes/t/templates/t0.html");
        assert_eq!((d.line, d.column), (1, 201));
        assert!(
            d.message.starts_with(
                "includes and macro calls nest 210 levels deep: `t0.html` → `t1.html`"
            ),
            "{}",
            d.message
        );
        let shallow: Vec<(String, String)> = (0..=4)
            .map(|i| (format!("t{i}.html"), nested(i, 4)))
            .collect();
        let refs: Vec<(&str, &str)> = shallow
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        assert!(run(&refs).1.is_empty());
    }

    #[test]
    fn reports_at_the_sites_template_not_the_embedded_one() {
        let base = Template::new("base.html", None, "{% include \"page.html\" %}").unwrap();
        let page = Template::new("page.html", None, "\n{% include \"base.html\" %}").unwrap();
        let sources = [
            Source {
                rel: "(embedded theme)/templates/base.html",
                text: "{% include \"page.html\" %}",
                template: &base,
            },
            Source {
                rel: "themes/nfk/templates/page.html",
                text: "\n{% include \"base.html\" %}",
                template: &page,
            },
        ];
        let mut diags = Diagnostics::new();
        check(&sources, &mut diags);
        let d = &diags.sorted()[0];
        assert_eq!(d.path, "themes/nfk/templates/page.html");
        assert_eq!(d.line, 2);
    }

    #[test]
    fn tags_in_comments_and_raw_sections_are_not_positions() {
        let text = "{# {% include \"a.html\" %} #}\n{% raw %}{% include \"a.html\" %}{% endraw %}\n {%- include \"a.html\" -%}";
        let d = one(&[("a.html", text)]);
        assert_eq!((d.line, d.column), (3, 2));
    }

    #[test]
    fn a_long_chain_of_includes_does_not_overflow_the_stack() {
        let files: Vec<(String, String)> = (0..20_000)
            .map(|i| {
                (
                    format!("t{i}.html"),
                    format!("{{% include \"t{}.html\" %}}", (i + 1) % 20_000),
                )
            })
            .collect();
        let refs: Vec<(&str, &str)> = files
            .iter()
            .map(|(n, t)| (n.as_str(), t.as_str()))
            .collect();
        let d = one(&refs);
        assert!(
            d.message
                .starts_with("templates include each other in a loop: `t0.html` → `t1.html`")
        );
    }

    #[test]
    fn a_render_exactly_as_deep_as_the_limit_is_accepted_and_one_level_more_is_not() {
        let (verdict, diags) = run(&as_refs(&include_chain(MAX_RENDER_DEPTH - 1)));
        assert_eq!(verdict, Verdict::default());
        assert!(diags.is_empty(), "{diags:#?}");
        let d = one(&as_refs(&include_chain(MAX_RENDER_DEPTH)));
        assert_eq!(d.path, "themes/t/templates/t0.html");
        assert_eq!((d.line, d.column), (1, 1));
        assert_eq!(
            d.message,
            "includes and macro calls nest 129 levels deep: \
             `t0.html` → `t1.html` → `t2.html` → `t3.html` → `t4.html` → … (+124)"
        );
    }

    #[test]
    fn an_extends_or_import_loop_is_the_one_report_even_beside_a_chain_too_deep_to_render() {
        let mut files = include_chain(MAX_RENDER_DEPTH);
        files.push(("a.html".into(), "{% extends \"b.html\" %}".into()));
        files.push(("b.html".into(), "{% extends \"a.html\" %}".into()));
        let (verdict, diags) = run(&as_refs(&files));
        assert_eq!(
            verdict,
            Verdict {
                loops: 1,
                extends_loop: true
            }
        );
        assert_eq!(diags.len(), 1, "{diags:#?}");
        assert_eq!(
            diags[0].message,
            "templates extend each other in a loop: `a.html` → `b.html` → `a.html`"
        );
        let mut files = include_chain(MAX_RENDER_DEPTH);
        files.push(("a.html".into(), "{% import \"b.html\" as b %}".into()));
        files.push(("b.html".into(), "{% import \"a.html\" as a %}".into()));
        let (verdict, diags) = run(&as_refs(&files));
        assert_eq!(
            verdict,
            Verdict {
                loops: 1,
                extends_loop: false
            }
        );
        assert_eq!(diags.len(), 1, "{diags:#?}");
        assert_eq!(
            diags[0].message,
            "templates import each other in a loop: `a.html` → `b.html` → `a.html`"
        );
    }

    #[test]
    fn a_chain_too_deep_from_the_embedded_theme_is_reported_at_the_first_template_of_the_site() {
        let files = include_chain(MAX_RENDER_DEPTH);
        let (verdict, diags) = run_with_embedded(&as_refs(&files), &["t0.html"]);
        assert_eq!(verdict.loops, 1);
        assert_eq!(diags.len(), 1, "{diags:#?}");
        let d = &diags[0];
        assert_eq!(d.path, "themes/t/templates/t1.html");
        assert_eq!((d.line, d.column), (1, 1));
        assert_eq!(
            d.message,
            "includes and macro calls nest 129 levels deep: \
             `t1.html` → `t2.html` → `t3.html` → `t4.html` → `t5.html` → … (+123)"
        );
    }

    #[test]
    fn a_template_that_extends_itself_is_told_so_at_its_extends_tag() {
        let d = one(&[("a.html", "{# base #}\n  {% extends \"a.html\" %}")]);
        assert_eq!(d.path, "themes/t/templates/a.html");
        assert_eq!((d.line, d.column), (2, 3));
        assert_eq!(d.message, "template `a.html` extends itself");
    }

    #[test]
    fn a_template_that_imports_itself_is_told_so_at_its_import_tag() {
        let d = one(&[(
            "m.html",
            "{# macros #}\n{% import \"m.html\" as m %}{% macro a() %}x{% endmacro %}",
        )]);
        assert_eq!((d.line, d.column), (2, 1));
        assert_eq!(d.message, "template `m.html` imports itself");
    }

    #[test]
    fn an_extends_loop_is_reported_at_the_extends_tag_not_an_import_of_the_same_file() {
        let d = one(&[
            (
                "a.html",
                "{% import \"b.html\" as b %}\n{% extends \"b.html\" %}",
            ),
            (
                "b.html",
                "{% extends \"a.html\" %}{% macro m() %}{% endmacro %}",
            ),
        ]);
        assert_eq!(d.path, "themes/t/templates/a.html");
        assert_eq!((d.line, d.column), (2, 1));
    }

    #[test]
    fn an_import_loop_is_reported_at_the_import_that_closes_it_not_the_first_import() {
        let d = one(&[
            (
                "a.html",
                "{% import \"other.html\" as o %}\n{% import \"b.html\" as b %}",
            ),
            ("b.html", "{% import \"a.html\" as a %}"),
            ("other.html", "{% macro x() %}{% endmacro %}"),
        ]);
        assert_eq!(d.path, "themes/t/templates/a.html");
        assert_eq!((d.line, d.column), (2, 1));
        assert_eq!(
            d.message,
            "templates import each other in a loop: `a.html` → `b.html` → `a.html`"
        );
    }

    #[test]
    fn a_template_including_itself_is_reported_at_that_include_not_its_first_one() {
        let d = one(&[
            (
                "page.html",
                "{% include \"nav.html\" %}\n<p>{{ \"page.html\" }}</p>{% include \"page.html\" %}",
            ),
            ("nav.html", "<nav></nav>"),
        ]);
        assert_eq!((d.line, d.column), (2, 25));
        assert_eq!(d.message, "template `page.html` includes itself");
    }
}
