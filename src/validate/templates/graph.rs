//! The graph of steps (templates, macros) the loop rule walks: its cycles and its deepest path,
//! both found without recursion (a long chain of templates must not overflow the stack here).

use std::collections::{BTreeMap, BTreeSet};

use super::Step;

/// A directed graph of steps, in a stable order (so diagnostics are too).
pub(super) struct Graph {
    edges: BTreeMap<Step, BTreeSet<Step>>,
}

impl Graph {
    pub(super) fn from_edges(edges: impl IntoIterator<Item = (Step, Step)>) -> Self {
        let mut map: BTreeMap<Step, BTreeSet<Step>> = BTreeMap::new();
        for (from, to) in edges {
            map.entry(from).or_default().insert(to);
        }
        Graph { edges: map }
    }

    /// One cycle for each tangle of loops: a depth-first search (iterative, so a long chain of
    /// templates cannot overflow the stack) reports the cycle closed by each edge back into the
    /// current path, unless it shares a step with a cycle already reported (one mistake, one
    /// diagnostic). Each cycle is listed from its first step to the one that leads back to it.
    pub(super) fn cycles(&self) -> Vec<Vec<Step>> {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            OnPath,
            Done,
        }
        let no_edges = BTreeSet::new();
        let mut marks: BTreeMap<&Step, Mark> = BTreeMap::new();
        let mut reported: BTreeSet<&Step> = BTreeSet::new();
        let mut cycles = Vec::new();
        for start in self.edges.keys() {
            if marks.contains_key(start) {
                continue;
            }
            let mut path: Vec<&Step> = vec![start];
            let mut next = vec![self.edges[start].iter()];
            marks.insert(start, Mark::OnPath);
            while let Some(successors) = next.last_mut() {
                let Some(to) = successors.next() else {
                    let done = path.pop().expect("one step per iterator");
                    marks.insert(done, Mark::Done);
                    next.pop();
                    continue;
                };
                match marks.get(to) {
                    Some(Mark::OnPath) => {
                        let at = path.iter().position(|s| *s == to).expect("on the path");
                        let cycle = &path[at..];
                        if !cycle.iter().any(|s| reported.contains(s)) {
                            reported.extend(cycle.iter().copied());
                            cycles.push(cycle.iter().map(|s| (*s).clone()).collect());
                        }
                    }
                    Some(Mark::Done) => {}
                    None => {
                        marks.insert(to, Mark::OnPath);
                        path.push(to);
                        next.push(self.edges.get(to).unwrap_or(&no_edges).iter());
                    }
                }
            }
        }
        cycles
    }
}

impl Graph {
    /// The heaviest path (the sum of `weight` over its steps) and its steps, for a graph without
    /// cycles. Iterative, each step once.
    pub(super) fn deepest_path(
        &self,
        weight: impl Fn(&Step) -> usize,
    ) -> Option<(usize, Vec<Step>)> {
        let no_edges = BTreeSet::new();
        // step → (depth from it, the next step on its deepest path)
        let mut best: BTreeMap<&Step, (usize, Option<&Step>)> = BTreeMap::new();
        for start in self.edges.keys() {
            if best.contains_key(start) {
                continue;
            }
            let mut stack = vec![(start, self.edges[start].iter())];
            let mut entered: BTreeSet<&Step> = BTreeSet::from([start]);
            while let Some((step, successors)) = stack.last_mut() {
                let step = *step;
                match successors.next() {
                    Some(to) if !best.contains_key(to) && entered.insert(to) => {
                        stack.push((to, self.edges.get(to).unwrap_or(&no_edges).iter()));
                    }
                    Some(_) => {}
                    None => {
                        let next = self.edges.get(step).unwrap_or(&no_edges).iter();
                        let deepest = next
                            .filter_map(|to| best.get(to).map(|(d, _)| (*d, to)))
                            .max_by_key(|(d, _)| *d);
                        let depth = weight(step) + deepest.map_or(0, |(d, _)| d);
                        best.insert(step, (depth, deepest.map(|(_, to)| to)));
                        stack.pop();
                    }
                }
            }
        }
        let (start, (depth, _)) = best.iter().max_by_key(|(_, (d, _))| *d)?;
        let mut path = vec![(*start).clone()];
        let mut at = *start;
        while let Some((_, Some(next))) = best.get(at) {
            path.push((*next).clone());
            at = next;
        }
        Some((*depth, path))
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;

    use super::*;

    fn step(name: &str) -> Step {
        Step::Template(name.to_string())
    }

    #[test]
    fn the_deepest_path_weighs_each_step_once_even_when_paths_and_starts_share_it() {
        // `a` is a start of its own before `e` reaches it; `d` is reached through `b` and `c`.
        let graph = Graph::from_edges(
            [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("e", "a")]
                .map(|(from, to)| (step(from), step(to))),
        );
        let weighed = RefCell::new(Vec::new());
        let deepest = graph.deepest_path(|s| {
            weighed.borrow_mut().push(s.clone());
            if *s == step("b") { 5 } else { 1 }
        });
        let mut weighed = weighed.into_inner();
        weighed.sort();
        assert_eq!(weighed, ["a", "b", "c", "d", "e"].map(step));
        assert_eq!(deepest, Some((8, ["e", "a", "b", "d"].map(step).to_vec())));
    }
}
