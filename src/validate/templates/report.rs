//! The diagnostics of the template rule: at the site's own template in a loop or chain, on the
//! line of the tag that leads on, with the chain written out.

use std::collections::BTreeMap;

use super::tags::tags;
use super::{Kind, MAX_RENDER_DEPTH, Source, Step};
use crate::diagnostics::{Diagnostic, Pos};
use crate::messages::ids;

/// The diagnostic for a chain of includes and calls too deep to render, at its first step the
/// site provides.
pub(super) fn too_deep(
    depth: usize,
    path: &[Step],
    by_name: &BTreeMap<&str, &Source>,
) -> Diagnostic {
    let at = (0..path.len().saturating_sub(1))
        .find(|&i| {
            by_name
                .get(path[i].file())
                .is_some_and(|s| !s.rel.starts_with("(embedded theme)"))
        })
        .unwrap_or(0);
    let source = by_name.get(path[at].file());
    let pos = match (source, path.get(at + 1)) {
        (Some(s), Some(next)) => tag_position(s.text, &path[at], next, Kind::Render),
        _ => Pos::FILE,
    };
    let mut chain = describe(path[at..].iter());
    // `describe` closes the loop with the first step again; a chain has no loop.
    if let Some(cut) = chain.rfind(" → ") {
        chain.truncate(cut);
    }
    let args = vec![
        ("depth", depth.into()),
        ("chain", chain.into()),
        ("max", MAX_RENDER_DEPTH.into()),
    ];
    Diagnostic::error_msg(
        source.map_or("themes", |s| s.rel),
        pos,
        ids::TEMPLATES_NEST_TOO_DEEP,
        args,
    )
}

/// The diagnostic for one cycle, at the site's own template in it (the embedded theme has no
/// loops, so one of the site's templates closed it), on the tag that leads to the next step.
pub(super) fn report(cycle: &[Step], kind: Kind, by_name: &BTreeMap<&str, &Source>) -> Diagnostic {
    let embedded = |s: &Step| {
        by_name
            .get(s.file())
            .is_none_or(|src| src.rel.starts_with("(embedded theme)"))
    };
    let at = (0..cycle.len())
        .find(|&i| !embedded(&cycle[i]))
        .unwrap_or(0);
    let here = &cycle[at];
    let next = &cycle[(at + 1) % cycle.len()];
    let source = by_name.get(here.file());
    let rel = source.map_or("themes", |s| s.rel);
    let pos = source.map_or(Pos::FILE, |s| tag_position(s.text, here, next, kind));
    let chain = describe(cycle[at..].iter().chain(&cycle[..at]));
    let alone = cycle.len() == 1;
    let id = match (kind, here) {
        (Kind::Extends, _) if alone => ids::TEMPLATE_EXTENDS_ITSELF,
        (Kind::Extends, _) => ids::TEMPLATES_EXTEND_IN_A_LOOP,
        (Kind::Import, _) if alone => ids::TEMPLATE_IMPORTS_ITSELF,
        (Kind::Import, _) => ids::TEMPLATES_IMPORT_IN_A_LOOP,
        (Kind::Render, Step::Template(_)) if alone => ids::TEMPLATE_INCLUDES_ITSELF,
        (Kind::Render, Step::Macro(..)) if alone => ids::MACRO_CALLS_ITSELF,
        (Kind::Render, _) if cycle.iter().all(|s| matches!(s, Step::Template(_))) => {
            ids::TEMPLATES_INCLUDE_IN_A_LOOP
        }
        (Kind::Render, _) if cycle.iter().all(|s| matches!(s, Step::Macro(..))) => {
            ids::MACROS_CALL_IN_A_LOOP
        }
        (Kind::Render, _) => ids::TEMPLATES_AND_MACROS_IN_A_LOOP,
    };
    let args = vec![("name", here.label().into()), ("chain", chain.into())];
    Diagnostic::error_msg(rel, pos, id, args)
}

/// "`a.html` → `b.html` → `a.html`": the steps and back to the first; a long loop shortened
/// (`… (+3)`). Names and signs only, so the chain reads the same in every language.
fn describe<'a>(steps: impl Iterator<Item = &'a Step>) -> String {
    const SHOWN: usize = 5;
    let steps: Vec<&Step> = steps.collect();
    let mut labels: Vec<String> = steps.iter().take(SHOWN).map(|s| s.label()).collect();
    if steps.len() > SHOWN {
        labels.push(format!("… (+{})", steps.len() - SHOWN));
    }
    labels.extend(steps.first().map(|s| s.label()));
    labels.join(" → ")
}

/// Where in `text` the step `here` leads to `next`: the `include`, `extends` or `import` tag
/// naming it, or the macro's definition. The file as a whole when the text does not show it.
fn tag_position(text: &str, here: &Step, next: &Step, kind: Kind) -> Pos {
    let wanted = |tag: &str| -> bool {
        let mut words = tag.split_whitespace();
        let keyword = words.next().unwrap_or_default();
        let rest = tag[keyword.len()..].trim_start();
        let names = |target: &str| {
            ['"', '\'', '`']
                .iter()
                .any(|q| rest.contains(&format!("{q}{target}{q}")))
        };
        match (kind, here, next) {
            (Kind::Extends, _, _) => keyword == "extends" && names(next.file()),
            (Kind::Import, _, _) => keyword == "import" && names(next.file()),
            (Kind::Render, Step::Macro(_, name), _) => {
                keyword == "macro"
                    && rest
                        .strip_prefix(name.as_str())
                        .is_some_and(|after| after.trim_start().starts_with('('))
            }
            (Kind::Render, Step::Template(_), Step::Template(target)) => {
                keyword == "include" && names(target)
            }
            (Kind::Render, Step::Template(_), Step::Macro(_, name)) => {
                tag.contains(&format!("::{name}("))
            }
        }
    };
    tags(text)
        .into_iter()
        .find(|(_, tag)| wanted(tag))
        .map_or(Pos::FILE, |(pos, _)| pos)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn templates(count: usize) -> Vec<Step> {
        (0..count)
            .map(|i| Step::Template(format!("t{i}.html")))
            .collect()
    }

    #[test]
    fn a_loop_of_five_steps_is_written_out_and_a_longer_one_shortened_after_five() {
        assert_eq!(
            describe(templates(5).iter()),
            "`t0.html` → `t1.html` → `t2.html` → `t3.html` → `t4.html` → `t0.html`"
        );
        assert_eq!(
            describe(templates(6).iter()),
            "`t0.html` → `t1.html` → `t2.html` → `t3.html` → `t4.html` → … (+1) → `t0.html`"
        );
        assert_eq!(describe(templates(1).iter()), "`t0.html` → `t0.html`");
    }
}
