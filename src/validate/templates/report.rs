//! The diagnostics of the template rule: at the site's own template in a loop or chain, on the
//! line of the tag that leads on, with the chain written out.

use std::collections::BTreeMap;

use super::tags::tags;
use super::{Kind, MAX_RENDER_DEPTH, Source, Step};
use crate::diagnostics::{Diagnostic, Pos};

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
    Diagnostic::error(
        source.map_or("themes", |s| s.rel),
        pos,
        format!("includes and macro calls nest {depth} levels deep: {chain}"),
    )
    .with_help(format!(
        "Tera could not render it without running out of stack (at most {MAX_RENDER_DEPTH} levels): include fewer templates inside each other"
    ))
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
    let (message, help) = match (kind, here) {
        (Kind::Extends, _) if alone => (
            format!("template {} extends itself", here.label()),
            "a template cannot be its own parent: extend another template",
        ),
        (Kind::Extends, _) => (
            format!("templates extend each other in a loop: {chain}"),
            "a template cannot be its own ancestor: make one of them extend another template",
        ),
        (Kind::Import, _) if alone => (
            format!("template {} imports itself", here.label()),
            "use `self::` to call a macro of the same file, and remove the import",
        ),
        (Kind::Import, _) => (
            format!("templates import each other in a loop: {chain}"),
            "move the macros they share into one file that imports no other",
        ),
        (Kind::Render, Step::Template(_)) if alone => (
            format!("template {} includes itself", here.label()),
            "rendering it would never end: remove the include",
        ),
        (Kind::Render, Step::Macro(..)) if alone => (
            format!("{} calls itself", here.label()),
            "recursive macros are not supported (Tera cannot bound their depth): write it with a loop",
        ),
        (Kind::Render, _) if cycle.iter().all(|s| matches!(s, Step::Template(_))) => (
            format!("templates include each other in a loop: {chain}"),
            "rendering would never end: remove one of the includes",
        ),
        (Kind::Render, _) if cycle.iter().all(|s| matches!(s, Step::Macro(..))) => (
            format!("macros call each other in a loop: {chain}"),
            "recursive macros are not supported (Tera cannot bound their depth): break the loop",
        ),
        (Kind::Render, _) => (
            format!("templates and macros use each other in a loop: {chain}"),
            "rendering would never end: break the loop (recursive macros are not supported)",
        ),
    };
    Diagnostic::error(rel, pos, message).with_help(help)
}

/// "`a.html` → `b.html` → `a.html`": the steps and back to the first; a long loop shortened.
fn describe<'a>(steps: impl Iterator<Item = &'a Step>) -> String {
    const SHOWN: usize = 5;
    let steps: Vec<&Step> = steps.collect();
    let mut labels: Vec<String> = steps.iter().take(SHOWN).map(|s| s.label()).collect();
    if steps.len() > SHOWN {
        labels.push(format!("… ({} more)", steps.len() - SHOWN));
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
