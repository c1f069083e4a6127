//! Edits a YAML text in place for the form of `nianbao serve`: a value is
//! replaced where it stands, an item removed, copied or moved as the lines it
//! occupies, so that comments, blank lines, key order and the quoting of every
//! other value stay as the person wrote them. The text is read with the same
//! YAML parser that serde-saphyr uses (granit-parser), for node places.

use std::ops::Range;

use granit_parser::{Event, Parser, ScalarStyle};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// One step of a path: a mapping's key or a sequence's index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Key {
    Index(usize),
    Field(String),
}

/// A node of the YAML text, with where it stands.
#[derive(Clone, Debug)]
pub struct Node {
    pub path: Vec<Key>,
    /// The node's own bytes (a scalar's text; a collection's first to last byte).
    pub span: Range<usize>,
    /// Where the entry begins: the key of a mapping's entry, else the node.
    pub entry_start: usize,
    /// The key's own bytes, for a mapping's entry.
    pub key_span: Option<Range<usize>>,
    /// A scalar's value; None for a collection.
    pub value: Option<String>,
    /// Plain, quoted or block, for a scalar; block or flow, for a collection.
    pub flow: bool,
    pub plain: bool,
    /// Holds other nodes.
    pub collection: bool,
}

/// An edit the form asks for.
#[derive(Debug, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Edit {
    /// Give a scalar a new value.
    Set { path: Vec<Key>, value: String },
    /// Remove an item of a list, or an entry of a mapping.
    Remove { path: Vec<Key> },
    /// Insert a copy of a list's item after it; of a mapping's entry, under
    /// a new key (`name_2`).
    Copy { path: Vec<Key> },
    /// Give a mapping's entry another key.
    Rename { path: Vec<Key>, key: String },
    /// Swap a list's item with the one before (up) or after it.
    Move { path: Vec<Key>, up: bool },
}

/// Why an edit was not made.
#[derive(Debug, PartialEq, Eq)]
pub struct EditError(pub String);

/// The nodes of a YAML text, in document order; Err: the text is not YAML.
pub fn nodes(text: &str) -> Result<Vec<Node>, String> {
    struct Open {
        index: usize,
        mapping: bool,
        next: usize,
        key: Option<(String, Range<usize>)>,
    }
    let mut nodes: Vec<Node> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut path: Vec<Key> = Vec::new();
    let byte = |m: granit_parser::Marker| m.byte_offset().unwrap_or(0);
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|e| e.to_string())?;
        let (start, end) = (byte(span.start), byte(span.end));
        // A scalar in a mapping where a key is expected is that key.
        if let (Event::Scalar(key, ..), Some(open)) = (&event, stack.last_mut())
            && open.mapping
            && open.key.is_none()
        {
            open.key = Some((key.to_string(), start..end));
            continue;
        }
        let mut entry_start = start;
        let mut key_span = None;
        // Only nodes take a place in their parent (not ends, comments, anchors).
        let is_node = matches!(
            event,
            Event::Scalar(..)
                | Event::SequenceStart(..)
                | Event::MappingStart(..)
                | Event::Alias(_)
        );
        if let Some(open) = stack.last_mut()
            && is_node
        {
            if open.mapping {
                if let Some((key, span)) = open.key.take() {
                    path.push(Key::Field(key));
                    entry_start = span.start;
                    key_span = Some(span);
                }
            } else {
                path.push(Key::Index(open.next));
                open.next += 1;
            }
        }
        match event {
            Event::Scalar(value, style, ..) => {
                nodes.push(Node {
                    path: path.clone(),
                    span: start..end,
                    entry_start,
                    key_span,
                    value: Some(value.to_string()),
                    flow: false,
                    plain: style == ScalarStyle::Plain,
                    collection: false,
                });
                if !stack.is_empty() {
                    path.pop();
                }
            }
            Event::SequenceStart(style, ..) | Event::MappingStart(style, ..) => {
                let mapping = matches!(event, Event::MappingStart(..));
                stack.push(Open {
                    index: nodes.len(),
                    mapping,
                    next: 0,
                    key: None,
                });
                nodes.push(Node {
                    path: path.clone(),
                    span: start..start,
                    entry_start,
                    key_span,
                    value: None,
                    flow: style == granit_parser::StructureStyle::Flow,
                    plain: false,
                    collection: true,
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(open) = stack.pop() {
                    // A collection ends where its last node ends.
                    let last_end = nodes[open.index..]
                        .iter()
                        .map(|n| n.span.end)
                        .max()
                        .unwrap_or(start);
                    let node = &mut nodes[open.index];
                    node.span.end = if node.flow { end } else { last_end };
                    if !stack.is_empty() {
                        path.pop();
                    }
                }
            }
            Event::Alias(_) if !stack.is_empty() => {
                path.pop();
            }
            _ => {}
        }
    }
    Ok(nodes)
}

/// The YAML text as a tree for the form: mappings as lists of entries (their
/// order kept), every node with its path.
pub fn tree(text: &str) -> Result<Value, String> {
    let nodes = nodes(text)?;
    let mut at = 0;
    Ok(subtree(&nodes, &mut at).unwrap_or(Value::Null))
}

fn subtree(nodes: &[Node], at: &mut usize) -> Option<Value> {
    let node = nodes.get(*at)?;
    *at += 1;
    if !node.collection {
        return Some(json!({"kind": "scalar", "path": node.path, "value": node.value}));
    }
    let depth = node.path.len();
    let mut children = Vec::new();
    while nodes
        .get(*at)
        .is_some_and(|n| n.path.len() > depth && n.path[..depth] == node.path[..])
    {
        let key = nodes[*at].path[depth].clone();
        let child = subtree(nodes, at)?;
        children.push(json!({"key": key, "node": child}));
    }
    let is_list = children.first().is_none_or(|c| c["key"].is_number());
    let kind = if is_list { "list" } else { "map" };
    Some(json!({"kind": kind, "path": node.path, "flow": node.flow, "children": children}))
}

/// The path of the innermost node that holds the byte at `offset`.
pub fn path_at(nodes: &[Node], offset: usize) -> Option<Vec<Key>> {
    nodes
        .iter()
        .filter(|n| n.entry_start <= offset && offset < n.span.end.max(n.span.start + 1))
        .max_by_key(|n| n.path.len())
        .map(|n| n.path.clone())
}

/// Applies an edit to the text; the rest of the text is unchanged.
pub fn apply(text: &str, edit: &Edit) -> Result<String, EditError> {
    let nodes = nodes(text).map_err(|e| EditError(format!("the YAML does not parse: {e}")))?;
    let find = |path: &[Key]| {
        nodes
            .iter()
            .find(|n| n.path == path)
            .ok_or_else(|| EditError(format!("no value at {}", show_path(path))))
    };
    match edit {
        Edit::Set { path, value } => {
            let node = find(path)?;
            if node.collection {
                return Err(EditError(format!(
                    "{} holds a list or a mapping, not a value",
                    show_path(path)
                )));
            }
            let mut written = scalar(value, node.plain);
            let before = &text[..node.span.start];
            if node.span.is_empty() && !before.ends_with([' ', '\t']) {
                written.insert(0, ' ');
            }
            Ok(format!("{before}{written}{}", &text[node.span.end..]))
        }
        Edit::Remove { path } => {
            let lines = lines_of(text, find(path)?, &nodes)?;
            Ok(format!("{}{}", &text[..lines.start], &text[lines.end..]))
        }
        Edit::Copy { path } => {
            let node = find(path)?;
            let lines = lines_of(text, node, &nodes)?;
            let mut copy = text[lines.clone()].to_string();
            if let (Some(Key::Field(key)), Some(span)) = (path.last(), &node.key_span) {
                let new_key = (2..)
                    .map(|n| format!("{key}_{n}"))
                    .find(|k| !key_taken(&nodes, path, k))
                    .unwrap_or_default();
                let at = span.start - lines.start;
                copy.replace_range(at..at + span.len(), &new_key);
            }
            Ok(format!(
                "{}{copy}{}",
                &text[..lines.end],
                &text[lines.end..]
            ))
        }
        Edit::Rename { path, key } => {
            let node = find(path)?;
            let Some(span) = &node.key_span else {
                return Err(EditError("only an entry of a mapping has a key".into()));
            };
            if key_taken(&nodes, path, key) {
                return Err(EditError(format!("`{key}` is already used here")));
            }
            if !plain_safe(key) || key.contains(char::is_whitespace) {
                return Err(EditError(format!(
                    "`{key}` cannot be a name: use letters, digits and _"
                )));
            }
            Ok(format!("{}{key}{}", &text[..span.start], &text[span.end..]))
        }
        Edit::Move { path, up } => {
            let Some((Key::Index(i), parent)) = path.split_last() else {
                return Err(EditError("only an item of a list can be moved".into()));
            };
            let other = if *up { i.checked_sub(1) } else { Some(i + 1) };
            let Some(other) = other else {
                return Ok(text.to_string());
            };
            let mut other_path = parent.to_vec();
            other_path.push(Key::Index(other));
            let Some(other_node) = nodes.iter().find(|n| n.path == other_path) else {
                return Ok(text.to_string());
            };
            let (a, b) = (
                lines_of(text, find(path)?, &nodes)?,
                lines_of(text, other_node, &nodes)?,
            );
            let (first, second) = if a.start < b.start { (a, b) } else { (b, a) };
            Ok(format!(
                "{}{}{}{}{}",
                &text[..first.start],
                &text[second.clone()],
                &text[first.end..second.start],
                &text[first.clone()],
                &text[second.end..]
            ))
        }
    }
}

/// Whether the mapping that holds the entry at `path` has an entry `key`.
fn key_taken(nodes: &[Node], path: &[Key], key: &str) -> bool {
    let parent = &path[..path.len().saturating_sub(1)];
    nodes.iter().any(|n| {
        n.path.len() == path.len()
            && n.path[..parent.len()] == *parent
            && n.path.last() == Some(&Key::Field(key.to_string()))
    })
}

/// The whole lines an entry occupies, with their line ends: its first line
/// (the item's `- ` or the key) to the line its last node ends on.
fn lines_of(text: &str, node: &Node, nodes: &[Node]) -> Result<Range<usize>, EditError> {
    let parent = &node.path[..node.path.len().saturating_sub(1)];
    let in_flow = nodes.iter().any(|n| n.path == parent && n.flow);
    if node.path.is_empty() || in_flow {
        return Err(EditError(
            "this list is written on one line ([a, b]): edit it in the YAML tab".into(),
        ));
    }
    let start = text[..node.entry_start].rfind('\n').map_or(0, |i| i + 1);
    // A block item begins with "- " on its first line; the first line holds
    // nothing else of another entry.
    let last = node.span.end.max(node.entry_start);
    let end = text[last..].find('\n').map_or(text.len(), |i| last + i + 1);
    Ok(start..end)
}

/// A value written as YAML: plain where the old one was plain and the new one
/// reads back the same, else double-quoted with escapes (one line, so that no
/// indentation can break it).
fn scalar(value: &str, was_plain: bool) -> String {
    if was_plain && plain_safe(value) {
        return value.to_string();
    }
    let mut out = String::from("\"");
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether a value reads back as the same string when written plain.
fn plain_safe(value: &str) -> bool {
    let mut chars = value.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    // `-`, `?` and `:` begin an item, a key or a value only before a space.
    let indicator = match first {
        '-' | '?' | ':' => chars.next().is_none_or(char::is_whitespace),
        c => ",[]{}#&*!|>'\"%@`".contains(c),
    };
    !indicator
        && !first.is_whitespace()
        && !value.ends_with(char::is_whitespace)
        && !value.contains(": ")
        && !value.contains(" #")
        && !value.ends_with(':')
        && !value.chars().any(char::is_control)
        && !matches!(
            value.to_ascii_lowercase().as_str(),
            "true" | "false" | "null" | "~" | "yes" | "no" | "on" | "off"
        )
}

/// A path as the person reads it: `meta.organisation`, `counts[2].value`.
pub fn show_path(path: &[Key]) -> String {
    let mut out = String::new();
    for key in path {
        match key {
            Key::Index(i) => out.push_str(&format!("[{i}]")),
            Key::Field(f) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(f);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "# the office\nmeta:\n  organisation: 某工会 # who\n  year: 2020\n# the figures\ncounts:\n  - name: a\n    value: 1\n  # b is new\n  - name: b\n    value: 2\n# and then\ntags: [x, y]\n";

    fn field(s: &str) -> Key {
        Key::Field(s.into())
    }

    #[test]
    fn set_keeps_comments_and_quotes_when_needed() {
        let edit = Edit::Set {
            path: vec![field("meta"), field("organisation")],
            value: "新工会".into(),
        };
        assert_eq!(
            apply(TEXT, &edit).unwrap(),
            TEXT.replace("某工会 # who", "新工会 # who")
        );
        let edit = Edit::Set {
            path: vec![field("counts"), Key::Index(1), field("value")],
            value: "a: b\n#".into(),
        };
        assert_eq!(
            apply(TEXT, &edit).unwrap(),
            TEXT.replace("value: 2", "value: \"a: b\\n#\"")
        );
        // A negative number stays a number; "- x" would be a list.
        for (value, written) in [("-5", "-5"), ("- x", "\"- x\""), ("-", "\"-\"")] {
            let edit = Edit::Set {
                path: vec![field("counts"), Key::Index(1), field("value")],
                value: value.into(),
            };
            assert_eq!(
                apply(TEXT, &edit).unwrap(),
                TEXT.replace("value: 2", &format!("value: {written}"))
            );
        }
    }

    #[test]
    fn items_are_removed_copied_and_moved_as_lines() {
        let path = vec![field("counts"), Key::Index(0)];
        assert_eq!(
            apply(TEXT, &Edit::Remove { path: path.clone() }).unwrap(),
            TEXT.replace("  - name: a\n    value: 1\n", "")
        );
        assert_eq!(
            apply(TEXT, &Edit::Copy { path: path.clone() }).unwrap(),
            TEXT.replace(
                "  - name: a\n    value: 1\n",
                "  - name: a\n    value: 1\n  - name: a\n    value: 1\n"
            )
        );
        assert_eq!(
            apply(TEXT, &Edit::Move { path, up: false }).unwrap(),
            TEXT.replace(
                "  - name: a\n    value: 1\n  # b is new\n  - name: b\n    value: 2\n",
                "  - name: b\n    value: 2\n  # b is new\n  - name: a\n    value: 1\n"
            )
        );
        let entry = Edit::Copy {
            path: vec![field("meta"), field("year")],
        };
        assert_eq!(
            apply(TEXT, &entry).unwrap(),
            TEXT.replace("  year: 2020\n", "  year: 2020\n  year_2: 2020\n")
        );
        let rename = Edit::Rename {
            path: vec![field("meta"), field("year")],
            key: "period".into(),
        };
        assert_eq!(
            apply(TEXT, &rename).unwrap(),
            TEXT.replace("  year: 2020", "  period: 2020")
        );
        let taken = Edit::Rename {
            path: vec![field("meta"), field("year")],
            key: "organisation".into(),
        };
        assert!(apply(TEXT, &taken).is_err());
        let flow = Edit::Remove {
            path: vec![field("tags"), Key::Index(0)],
        };
        assert!(apply(TEXT, &flow).unwrap_err().0.contains("YAML tab"));
    }

    #[test]
    fn a_place_names_its_innermost_node() {
        let nodes = nodes(TEXT).unwrap();
        let at = TEXT.find("value: 2").unwrap() + 7;
        assert_eq!(show_path(&path_at(&nodes, at).unwrap()), "counts[1].value");
        assert_eq!(
            nodes.iter().map(|n| show_path(&n.path)).collect::<Vec<_>>(),
            [
                "",
                "meta",
                "meta.organisation",
                "meta.year",
                "counts",
                "counts[0]",
                "counts[0].name",
                "counts[0].value",
                "counts[1]",
                "counts[1].name",
                "counts[1].value",
                "tags",
                "tags[0]",
                "tags[1]"
            ]
        );
        let tree = tree(TEXT).unwrap();
        assert_eq!(
            tree["children"][1]["node"]["children"][1]["node"]["path"],
            json!(["counts", 1])
        );
    }
}
