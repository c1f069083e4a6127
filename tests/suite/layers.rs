//! The modules' layers: the stages look only forward, the commands and the
//! server are clients of the engine. A cycle between nianbao's top-level
//! modules (one using another that, through any path, uses it back) fails,
//! named with the places that make it. Test code is left out: a test may use
//! whatever it checks against.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module → the modules it uses, each with the files that use it.
type Graph = BTreeMap<String, BTreeMap<String, BTreeSet<String>>>;

/// The modules of a file's `crate::name` paths, outside its comments and its
/// `#[cfg(test)]` items.
fn used_modules(text: &str) -> BTreeSet<String> {
    let code = match text.find("#[cfg(test)]") {
        Some(at) => &text[..at],
        None => text,
    };
    let code: String = code
        .lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n");
    let mut used = BTreeSet::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        match rest.strip_prefix('{') {
            // `use crate::{a, b::{c, d}};`, on one line or many.
            Some(group) => used.extend(top_level_items(group).filter_map(first_segment)),
            None => used.extend(first_segment(rest)),
        }
    }
    used
}

/// The comma-separated items of a `{…}` group (its text after the `{`), up
/// to the brace that closes it.
fn top_level_items(group: &str) -> impl Iterator<Item = &str> {
    let mut depth = 0;
    let mut start = 0;
    let mut items = Vec::new();
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => {
                items.push(&group[start..i]);
                break;
            }
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(&group[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.into_iter()
}

fn first_segment(path: &str) -> Option<String> {
    let name: String = path
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    (!name.is_empty()).then_some(name)
}

fn graph() -> Graph {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut graph = Graph::new();
    let mut stack = vec![src.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let relative = path.strip_prefix(&src).unwrap().to_path_buf();
            let is_test = relative
                .components()
                .any(|c| c.as_os_str() == "tests" || c.as_os_str() == "tests.rs");
            if path.is_dir() {
                if !is_test {
                    stack.push(path);
                }
                continue;
            }
            if is_test || path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let module = relative
                .components()
                .next()
                .unwrap()
                .as_os_str()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_string();
            if module == "lib" || module == "main" || module == "bin" {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let uses = graph.entry(module.clone()).or_default();
            for used in used_modules(&text) {
                if used != module {
                    uses.entry(used)
                        .or_default()
                        .insert(relative.display().to_string());
                }
            }
        }
    }
    graph
}

/// A cycle through `start`, as the modules on it, when there is one.
fn cycle_through(graph: &Graph, start: &str) -> Option<Vec<String>> {
    // Depth-first from start's uses, remembering how each module was reached.
    let mut reached_from: BTreeMap<&str, &str> = BTreeMap::new();
    let mut stack: Vec<&str> = vec![start];
    while let Some(module) = stack.pop() {
        for used in graph.get(module).into_iter().flat_map(|u| u.keys()) {
            if used == start {
                let mut path = vec![module.to_string()];
                let mut at = module;
                while at != start {
                    at = reached_from[at];
                    path.push(at.to_string());
                }
                path.reverse();
                return Some(path);
            }
            if graph.contains_key(used.as_str()) && !reached_from.contains_key(used.as_str()) {
                reached_from.insert(used, module);
                stack.push(used);
            }
        }
    }
    None
}

#[test]
fn no_module_uses_one_that_uses_it_back() {
    let graph = graph();
    assert!(
        graph.contains_key("engine") && graph["cmd"].contains_key("engine"),
        "the scan finds the modules: {:?}",
        graph.keys().collect::<Vec<_>>()
    );
    let cycles: Vec<String> = graph
        .keys()
        .filter_map(|module| cycle_through(&graph, module))
        .map(|cycle| {
            let mut steps = Vec::new();
            for (i, module) in cycle.iter().enumerate() {
                let next = &cycle[(i + 1) % cycle.len()];
                let files: Vec<&String> = graph[module][next].iter().collect();
                steps.push(format!("{module} → {next} ({files:?})"));
            }
            steps.join(", ")
        })
        .collect();
    assert!(cycles.is_empty(), "module cycles:\n{}", cycles.join("\n"));
}

#[test]
fn the_scan_sees_a_cycle() {
    let mut graph = Graph::new();
    let uses = |names: &[&str]| {
        names
            .iter()
            .map(|n| (n.to_string(), BTreeSet::from(["x.rs".to_string()])))
            .collect()
    };
    graph.insert("a".into(), uses(&["b"]));
    graph.insert("b".into(), uses(&["c"]));
    graph.insert("c".into(), uses(&["a", "d"]));
    graph.insert("d".into(), uses(&[]));
    assert_eq!(
        cycle_through(&graph, "a"),
        Some(vec!["a".to_string(), "b".to_string(), "c".to_string()])
    );
    assert_eq!(cycle_through(&graph, "d"), None);
    assert_eq!(
        used_modules(
            "use crate::{diag, load::Loaded};\nuse crate::{\n    cli::{A, B},\n    view,\n};\n// crate::cmd\nlet x = crate::engine::Engine::new();\n#[cfg(test)]\nmod t { use crate::serve; }"
        ),
        BTreeSet::from(["diag", "load", "cli", "view", "engine"].map(String::from))
    );
}
