//! Edits a YAML text in place for the form of `nianbao serve`: a value is
//! replaced where it stands, an item removed, copied, moved or added as the
//! lines it occupies, so that comments, blank lines, key order and the quoting
//! of every other value stay as the person wrote them. The text is read with
//! the same YAML parser that serde-saphyr uses (granit-parser), for node places.
//!
//! Every edit is one splice of the text inside the edited node (or, for an
//! item, inside the list or mapping that holds it), and is verified before it
//! is returned: the new text is read again and its data must equal the old
//! data with exactly that change applied. When the edit made where the value
//! stands does not read back right, the node is written again in a canonical
//! form (a double-quoted or literal block value, a flow collection written
//! out again, an empty collection as `[]`); when that fails too, the edit is
//! refused. An edit never returns text whose data differs from what was asked.

use std::ops::Range;

use granit_parser::{Event, Parser, ScalarStyle, StructureStyle};

use data::{data, expect};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::locale::tr;
use crate::model::Lang;
use write::{
    Kind, column, ends_with_break, header_end, key_text, line_break_of, line_end_with_break,
    line_start, literal_block, plain_safe, resolve, scalar_text, set_kind,
};

/// One step of a path: a mapping's key or a sequence's index.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Key {
    Index(usize),
    Field(String),
}

/// How a scalar is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Plain,
    Quoted,
    /// `|` or `>`, with the lines that follow.
    Block,
}

/// A node of the YAML text, with where it stands.
#[derive(Clone, Debug)]
pub struct Node {
    pub path: Vec<Key>,
    /// The node's own bytes (a scalar's text; a collection's first to last byte).
    pub span: Range<usize>,
    /// Where the entry begins: the key of a mapping's entry, the `-` of a
    /// block list's item, else the node.
    pub entry_start: usize,
    /// The key's own bytes, for a mapping's entry.
    pub key_span: Option<Range<usize>>,
    /// Just after the `:` or `-` (or `[`, `,`) that introduces the node, or
    /// the node's start when there is none.
    pub after_indicator: usize,
    /// Where the node is written from: its anchor, tag or block header.
    pub head: usize,
    /// A scalar's value; None for a collection.
    pub value: Option<String>,
    /// A collection written in flow style (`[a, b]`, `{a: 1}`).
    pub flow: bool,
    /// The node stands inside a flow collection.
    pub in_flow: bool,
    pub style: Style,
    /// Holds other nodes.
    pub collection: bool,
    /// A mapping (for a collection).
    pub mapping: bool,
    /// The index of the node that holds this one.
    pub parent: Option<usize>,
    /// A tag written on the node (`!!binary`, `!x`), as written.
    pub tag: Option<String>,
}

/// An edit the form asks for.
#[derive(Debug, Clone, Deserialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Edit {
    /// Give a scalar a new value.
    Set { path: Vec<Key>, value: String },
    /// Give a text the value its box now shows (`shown`: references shown
    /// by the labels `labels`, [`shown::shown`]): the change the person made
    /// there made in the text, every other byte as it stood.
    #[serde(rename = "set_shown")]
    SetShown {
        path: Vec<Key>,
        shown: String,
        labels: shown::Labels,
    },
    /// Remove an item of a list, or an entry of a mapping.
    Remove { path: Vec<Key> },
    /// Insert a copy of a list's item after it; of a mapping's entry, under
    /// a new key (`name_2`). An `id:` of the item is not copied: the copy
    /// gets a fresh one (`care-2`), ids naming one thing each.
    Copy { path: Vec<Key> },
    /// Give a mapping's entry another key.
    Rename { path: Vec<Key>, key: String },
    /// Swap a list's item with the one before (up) or after it.
    Move { path: Vec<Key>, up: bool },
    /// Add an item to the list at `path` (after item `after`, else at the
    /// end), or an entry `key` to the mapping at `path`. An empty value
    /// (`key:` or `~`) at `path` becomes the list or mapping.
    Add {
        path: Vec<Key>,
        #[serde(default)]
        key: Option<String>,
        #[serde(default)]
        after: Option<usize>,
        value: Value,
    },
    /// Give the count `from` the name `to`, and every reference to it
    /// (`{from}`, `{from:cn}`, `｛from｝`), its activities' figures and the
    /// counts `part_of` it. Refused when `to` names a count already or
    /// cannot be a name.
    #[serde(rename = "rename_count")]
    RenameCount { from: String, to: String },
    /// "设为统计数字": make the figure with its unit between characters
    /// `start` and `end` (Unicode characters, not bytes; or the first
    /// `figure` as written) of the text at `path` a count (value, unit, label; named `name`, else a name made
    /// from the label) and put its reference `{name}` in its place.
    #[serde(rename = "make_count")]
    MakeCount {
        path: Vec<Key>,
        #[serde(default)]
        start: Option<usize>,
        #[serde(default)]
        end: Option<usize>,
        /// Without `start` and `end`: the figure as written ("25户"), its
        /// first place in the text.
        #[serde(default)]
        figure: Option<String>,
        #[serde(default)]
        name: Option<String>,
        #[serde(default)]
        label: Option<String>,
    },
    /// A new count at the end of `counts:` (made when there is none), named
    /// `name`, else a name made from the label; `value` a number or none
    /// (the text then prints （待统计）).
    #[serde(rename = "new_count")]
    NewCount {
        label: String,
        #[serde(default)]
        value: Option<serde_json::Number>,
        #[serde(default)]
        unit: String,
        #[serde(default)]
        name: Option<String>,
    },
}

/// An edit made: the new text, the other files of a folder input when the
/// edit changed them too (a count renamed), and the count it made.
#[derive(Debug)]
pub struct Applied {
    pub yaml: String,
    pub others: Option<Vec<String>>,
    pub name: Option<String>,
}

/// Why an edit was not made.
#[derive(Debug, PartialEq, Eq)]
pub struct EditError(pub String);

/// The nodes of a YAML text, in document order; Err: the text is not YAML.
pub fn nodes(text: &str) -> Result<Vec<Node>, String> {
    struct Open {
        index: usize,
        mapping: bool,
        flow: bool,
        next: usize,
        key: Option<(String, Range<usize>)>,
    }
    let mut nodes: Vec<Node> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut path: Vec<Key> = Vec::new();
    // The end of the last token read: a node's indicator lies after it.
    let mut last_end = 0;
    let byte = |m: granit_parser::Marker| m.byte_offset().unwrap_or(0);
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|e| e.to_string())?;
        let (start, end) = (byte(span.start), byte(span.end));
        if matches!(event, Event::Comment(..) | Event::Anchor(..)) {
            continue;
        }
        // A scalar in a mapping where a key is expected is that key.
        if let (Event::Scalar(key, ..), Some(open)) = (&event, stack.last_mut())
            && open.mapping
            && open.key.is_none()
        {
            open.key = Some((key.to_string(), start..end));
            last_end = end;
            continue;
        }
        let is_node = matches!(
            event,
            Event::Scalar(..)
                | Event::SequenceStart(..)
                | Event::MappingStart(..)
                | Event::Alias(_)
        );
        let mut entry_start = start;
        let mut key_span = None;
        let mut after_indicator = start;
        let parent = stack.last().map(|o| o.index);
        let in_flow = stack.last().is_some_and(|o| o.flow);
        if let Some(open) = stack.last_mut()
            && is_node
        {
            if open.mapping {
                if let Some((key, span)) = open.key.take() {
                    path.push(Key::Field(key));
                    entry_start = span.start;
                    after_indicator = colon_after(text, span.end).unwrap_or(start.max(span.end));
                    key_span = Some(span);
                }
            } else {
                path.push(Key::Index(open.next));
                open.next += 1;
                let indicator = if open.flow {
                    &[b'[', b','][..]
                } else {
                    &[b'-'][..]
                };
                if let Some(at) = indicator_after(text, last_end, start, indicator) {
                    if !open.flow {
                        entry_start = at;
                    }
                    after_indicator = at + 1;
                }
            }
        }
        if !is_node {
            match event {
                Event::SequenceEnd | Event::MappingEnd => {}
                _ => continue,
            }
        }
        let head = head_of(text, after_indicator, start);
        let tag = match &event {
            Event::Scalar(_, _, _, Some(tag))
            | Event::SequenceStart(_, _, Some(tag))
            | Event::MappingStart(_, _, Some(tag)) => Some(tag.to_string()),
            _ => None,
        };
        match event {
            Event::Scalar(..) | Event::Alias(_) => {
                // An alias has no value of its own here.
                let (value, style) = match &event {
                    Event::Scalar(value, style, ..) => (
                        Some(value.to_string()),
                        match style {
                            ScalarStyle::Plain => Style::Plain,
                            ScalarStyle::Literal | ScalarStyle::Folded => Style::Block,
                            _ => Style::Quoted,
                        },
                    ),
                    _ => (None, Style::Plain),
                };
                nodes.push(Node {
                    path: path.clone(),
                    span: start..end,
                    entry_start: entry_start.min(start),
                    key_span,
                    after_indicator,
                    head,
                    value,
                    flow: false,
                    in_flow,
                    style,
                    collection: false,
                    mapping: false,
                    parent,
                    tag: tag.clone(),
                });
                last_end = last_end.max(end);
                if !stack.is_empty() {
                    path.pop();
                }
            }
            Event::SequenceStart(style, ..) | Event::MappingStart(style, ..) => {
                let mapping = matches!(event, Event::MappingStart(..));
                let flow = style == StructureStyle::Flow;
                stack.push(Open {
                    index: nodes.len(),
                    mapping,
                    flow,
                    next: 0,
                    key: None,
                });
                nodes.push(Node {
                    path: path.clone(),
                    span: start..start,
                    entry_start: entry_start.min(start),
                    key_span,
                    after_indicator,
                    head,
                    value: None,
                    flow,
                    in_flow,
                    style: Style::Plain,
                    collection: true,
                    mapping,
                    parent,
                    tag: tag.clone(),
                });
                last_end = last_end.max(if flow { start + 1 } else { start });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(open) = stack.pop() {
                    // A block collection ends where its last node ends.
                    let last = nodes[open.index + 1..]
                        .iter()
                        .map(|n| n.span.end)
                        .max()
                        .unwrap_or(nodes[open.index].span.start);
                    let node = &mut nodes[open.index];
                    node.span.end = if node.flow { end } else { last };
                    last_end = last_end.max(node.span.end);
                    if !stack.is_empty() {
                        path.pop();
                    }
                }
            }
            _ => {}
        }
    }
    Ok(nodes)
}

/// The `:` after a key (spaces between), its position plus one.
fn colon_after(text: &str, key_end: usize) -> Option<usize> {
    let rest = &text.as_bytes()[key_end..];
    let at = rest.iter().position(|b| !matches!(b, b' ' | b'\t'))?;
    (rest[at] == b':').then_some(key_end + at + 1)
}

/// The first of `indicator` between `from` and `to`, past spaces, line
/// breaks and comments.
fn indicator_after(text: &str, from: usize, to: usize, indicator: &[u8]) -> Option<usize> {
    let at = skip_trivia(text, from, to);
    (at < to && indicator.contains(&text.as_bytes()[at])).then_some(at)
}

/// The first byte at or after `from` (and before `to`) that is not a space,
/// a line break or in a comment.
fn skip_trivia(text: &str, from: usize, to: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = from;
    while at < to {
        match bytes[at] {
            b' ' | b'\t' | b'\n' | b'\r' => at += 1,
            b'#' if at == 0 || matches!(bytes[at - 1], b' ' | b'\t' | b'\n' | b'\r') => {
                while at < to && !matches!(bytes[at], b'\n' | b'\r') {
                    at += 1;
                }
            }
            _ => break,
        }
    }
    at
}

/// Where a node starting at `start` is written from: its properties (anchor,
/// tag) or block header, after the indicator.
fn head_of(text: &str, after_indicator: usize, start: usize) -> usize {
    if after_indicator >= start {
        return start;
    }
    skip_trivia(text, after_indicator, start).min(start)
}

/// A YAML text as a tree for the form, from its [`nodes`]: mappings as lists
/// of entries (their order kept), every node with its path.
pub fn tree(nodes: &[Node]) -> Value {
    let mut at = 0;
    subtree(nodes, &mut at).unwrap_or(Value::Null)
}

fn subtree(nodes: &[Node], at: &mut usize) -> Option<Value> {
    let node = nodes.get(*at)?;
    let index = *at;
    *at += 1;
    if !node.collection {
        return Some(json!({"kind": "scalar", "path": node.path, "value": node.value}));
    }
    let mut children = Vec::new();
    while nodes.get(*at).is_some_and(|n| n.parent == Some(index)) {
        let key = nodes[*at].path.last().cloned();
        let child = subtree(nodes, at)?;
        children.push(object([("key", json!(key)), ("node", child)]));
    }
    let kind = if node.mapping { "map" } else { "list" };
    Some(object([
        ("kind", json!(kind)),
        ("path", json!(node.path)),
        ("flow", json!(node.flow)),
        ("children", Value::Array(children)),
    ]))
}

/// A JSON object of values already made, moved in (`json!` would copy them
/// whole, and a tree's every level again).
pub fn object<const N: usize>(entries: [(&str, Value); N]) -> Value {
    Value::Object(
        entries
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

/// The path of the innermost node that holds the byte at `offset`, found in
/// logarithmic time (the nodes are in document order, so those that hold
/// the byte are the last node starting before it and its parents).
pub fn path_at(nodes: &[Node], offset: usize) -> Option<Vec<Key>> {
    let candidates = nodes.partition_point(|n| n.entry_start <= offset);
    let mut at = candidates.checked_sub(1);
    while let Some(i) = at {
        let n = &nodes[i];
        if n.entry_start <= offset && offset < n.span.end.max(n.span.start + 1) {
            return Some(n.path.clone());
        }
        at = n.parent;
    }
    None
}

/// A change of the text: `range` replaced by `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Splice {
    pub range: Range<usize>,
    pub text: String,
}

impl Splice {
    fn apply(&self, text: &str) -> String {
        format!(
            "{}{}{}",
            &text[..self.range.start],
            self.text,
            &text[self.range.end..]
        )
    }
}

/// Applies an edit to the text; the text outside the edited node is
/// unchanged, and the new text's data is the old data with the edit made
/// (checked: an edit that cannot be made so is refused). For an input of
/// one file; [`apply_with`] for one file of several.
#[allow(dead_code)] // The server calls apply_with; kept for single-file callers and tests.
pub fn apply(text: &str, edit: &Edit) -> Result<String, EditError> {
    apply_splice(text, edit).map(|s| s.apply(text))
}

/// Applies an edit to one file of an input whose other files are `others`
/// (their drafts): a count's name is unique across them all, and a count
/// renamed is renamed in every file (its references, its activities).
pub fn apply_with(text: &str, edit: &Edit, others: &[String]) -> Result<Applied, EditError> {
    let elsewhere = match edit {
        Edit::RenameCount { .. } | Edit::MakeCount { .. } | Edit::NewCount { .. } => {
            counts::defined_in(others)
        }
        _ => Vec::new(),
    };
    let made = made_splice(text, edit, &elsewhere)?;
    let yaml = made.splice.apply(text);
    let others = match edit {
        Edit::RenameCount { from, to } if !others.is_empty() && from != to => {
            let mut renamed = Vec::new();
            for (i, other) in others.iter().enumerate() {
                // Each file's names against those of all the others.
                let mut rest: Vec<String> = others.to_vec();
                rest[i] = text.to_string();
                let elsewhere = counts::defined_in(&rest);
                renamed.push(made_splice(other, edit, &elsewhere)?.splice.apply(other));
            }
            Some(renamed)
        }
        _ => None,
    };
    Ok(Applied {
        yaml,
        others,
        name: made.name,
    })
}

/// The splice an edit makes, verified.
#[allow(dead_code)] // As `apply`.
pub fn apply_splice(text: &str, edit: &Edit) -> Result<Splice, EditError> {
    made_splice(text, edit, &[]).map(|made| made.splice)
}

/// The splice an edit makes, verified, with the count it made; `elsewhere`:
/// the counts the input's other files define.
fn made_splice(text: &str, edit: &Edit, elsewhere: &[String]) -> Result<counts::Made, EditError> {
    // The editor speaks the document's language, as its page does.
    let lang = crate::messages::language_of_text(text);
    // Said as `check` says it (the slips named), at its line and column.
    let not_yaml = |e: String| {
        EditError(match crate::load::yaml_problem(text, lang) {
            Some(p) => {
                let said = tr!(
                    lang,
                    "edit-not-yaml-at",
                    line = p.line,
                    column = p.column,
                    message = p.message
                );
                match p.hint {
                    Some(hint) => tr!(lang, "edit-not-yaml-help", said = said, hint = hint),
                    None => said,
                }
            }
            None => tr!(lang, "edit-not-yaml", detail = e),
        })
    };
    let nodes = nodes(text).map_err(not_yaml)?;
    match edit {
        Edit::SetShown {
            path,
            shown,
            labels,
        } => {
            let was = nodes
                .iter()
                .find(|n| n.path == *path)
                .and_then(|n| n.value.as_deref());
            let value = match was {
                Some(was) => shown::unshown(was, shown, labels),
                None => shown.clone(),
            };
            let path = path.clone();
            return made_splice(text, &Edit::Set { path, value }, elsewhere);
        }
        Edit::RenameCount { from, to } => {
            return counts::rename(text, &nodes, from, to, elsewhere, lang);
        }
        Edit::MakeCount {
            path,
            start,
            end,
            figure,
            name,
            label,
        } => {
            let asked = counts::MakeCount {
                path,
                at: match (start, end) {
                    (Some(start), Some(end)) => counts::At::Range(*start, *end),
                    _ => counts::At::Figure(figure.as_deref().unwrap_or_default()),
                },
                name: name.as_deref(),
                label: label.as_deref(),
            };
            return counts::make(text, &nodes, &asked, elsewhere, lang);
        }
        Edit::NewCount {
            label,
            value,
            unit,
            name,
        } => {
            let asked = counts::NewCount {
                label,
                value: value.as_ref(),
                unit,
                name: name.as_deref(),
            };
            return counts::new(text, &nodes, &asked, elsewhere, lang);
        }
        _ => {}
    }
    let old = data(text).map_err(not_yaml)?;
    let expected = expect(&old, &nodes, edit, lang)?;
    let doc = Doc {
        text,
        nodes: &nodes,
        line_break: line_break_of(text),
        lang,
    };
    let mut last_error = None;
    for candidate in doc.candidates(edit)? {
        let Some(splice) = candidate else { continue };
        let new = splice.apply(text);
        match data(&new) {
            Ok(read) if read.matches(&expected) => {
                return Ok(counts::Made { splice, name: None });
            }
            Ok(_) => last_error = Some(tr!(lang, "edit-reads-back-differently")),
            Err(e) => last_error = Some(e),
        }
    }
    Err(EditError(tr!(
        lang,
        "edit-cannot-write",
        reason = last_error.unwrap_or_else(|| tr!(lang, "edit-no-way"))
    )))
}

/// The text with what an edit needs to find its places.
struct Doc<'a> {
    text: &'a str,
    nodes: &'a [Node],
    line_break: &'static str,
    /// The language of refusals.
    lang: Lang,
}

impl Doc<'_> {
    fn find(&self, path: &[Key]) -> Result<usize, EditError> {
        self.nodes
            .iter()
            .position(|n| n.path == path)
            .ok_or_else(|| EditError(tr!(self.lang, "edit-no-value", path = show_path(path))))
    }

    fn children(&self, index: usize) -> Vec<usize> {
        (index + 1..self.nodes.len())
            .take_while(|&i| self.nodes[i].path.len() > self.nodes[index].path.len())
            .filter(|&i| self.nodes[i].parent == Some(index))
            .collect()
    }

    /// The ways to write an edit, in order of preference (None: this way
    /// does not apply).
    fn candidates(&self, edit: &Edit) -> Result<Vec<Option<Splice>>, EditError> {
        let text = self.text;
        Ok(match edit {
            Edit::Set { path, value } => {
                let node = &self.nodes[self.find(path)?];
                if node.collection {
                    return Err(EditError(tr!(
                        self.lang,
                        "edit-not-a-value",
                        path = show_path(path)
                    )));
                }
                let kind = set_kind(node, value);
                if value.contains('\n') && !node.in_flow {
                    vec![
                        self.set_block(node, value),
                        self.set_in_place(node, value, kind, false),
                    ]
                } else {
                    vec![
                        self.set_in_place(node, value, kind, true),
                        self.set_in_place(node, value, kind, false),
                    ]
                }
            }
            Edit::Remove { path } => {
                let index = self.find(path)?;
                let parent = self.parent_of(index)?;
                let siblings = self.children(parent);
                if siblings.len() == 1 {
                    vec![self.rewrite_empty(parent)]
                } else if self.nodes[parent].flow {
                    vec![self.rewrite_flow(parent, |items| {
                        items.remove(siblings.iter().position(|&s| s == index)?);
                        Some(())
                    })]
                } else {
                    vec![self.remove_block(index, &siblings)]
                }
            }
            Edit::Copy { path } => {
                let index = self.find(path)?;
                let parent = self.parent_of(index)?;
                let node = &self.nodes[index];
                let new_key = new_key_for(self.nodes, path);
                let id = fresh_id(self.nodes, path);
                if self.nodes[parent].flow {
                    let at = self.children(parent).iter().position(|&s| s == index);
                    let from = node.key_span.as_ref().map_or(node.head, |k| k.start);
                    vec![self.rewrite_flow(parent, |items| {
                        let at = at?;
                        let mut copy = items[at].clone();
                        // The id first: it stands after the key.
                        if let Some((id_node, fresh)) = &id {
                            let span = &self.nodes[*id_node].span;
                            copy.replace_range(
                                span.start - from..span.end - from,
                                &scalar_text(fresh, Kind::Str, true, true),
                            );
                        }
                        if let (Some(key), Some(span)) = (&new_key, &node.key_span) {
                            let from = span.start - node.entry_start.min(span.start);
                            copy.replace_range(from..from + span.len(), &key_text(key, true));
                        }
                        items.insert(at + 1, copy);
                        Some(())
                    })]
                } else {
                    vec![self.copy_block(index, new_key.as_deref(), id.as_ref())]
                }
            }
            Edit::Rename { path, key } => {
                let node = &self.nodes[self.find(path)?];
                let Some(span) = &node.key_span else {
                    return Err(EditError(tr!(self.lang, "edit-no-key")));
                };
                let written = key_text(key, node.in_flow || text[span.clone()].contains('\n'));
                vec![Some(Splice {
                    range: span.clone(),
                    text: written,
                })]
            }
            Edit::Move { path, up } => {
                let index = self.find(path)?;
                let parent = self.parent_of(index)?;
                let siblings = self.children(parent);
                let at = siblings.iter().position(|&s| s == index).unwrap_or(0);
                let other = if *up { at.checked_sub(1) } else { Some(at + 1) };
                let Some(other) = other.filter(|&o| o < siblings.len()) else {
                    // Nothing to swap with: the text stays as it is.
                    return Ok(vec![Some(Splice {
                        range: 0..0,
                        text: String::new(),
                    })]);
                };
                if self.nodes[parent].flow {
                    vec![self.rewrite_flow(parent, |items| {
                        items.swap(at, other);
                        Some(())
                    })]
                } else {
                    vec![self.swap_block(siblings[at.min(other)], siblings[at.max(other)])]
                }
            }
            Edit::Add {
                path,
                key,
                after,
                value,
            } => {
                let index = self.find(path)?;
                vec![self.add(index, key.as_deref(), *after, value)]
            }
            // Made of the edits above (`counts`; `SetShown`, a `Set`).
            Edit::RenameCount { .. }
            | Edit::MakeCount { .. }
            | Edit::NewCount { .. }
            | Edit::SetShown { .. } => Vec::new(),
        })
    }

    fn parent_of(&self, index: usize) -> Result<usize, EditError> {
        self.nodes[index]
            .parent
            .ok_or_else(|| EditError(tr!(self.lang, "edit-whole-document")))
    }

    /// A scalar's new value where the old one stands: plain when allowed
    /// and it reads back the same, else double-quoted on one line.
    fn set_in_place(&self, node: &Node, value: &str, kind: Kind, plain: bool) -> Option<Splice> {
        // Plain where it was, or where quotes were only there because the
        // old value needed them (`""`, `"a: b"`).
        let needed_quotes = node.style == Style::Quoted
            && !node
                .value
                .as_deref()
                .is_some_and(|v| plain_safe(v, node.in_flow) && resolve(v) == Kind::Str);
        let plain = plain && (node.style == Style::Plain || needed_quotes);
        let written = scalar_text(value, kind, node.in_flow, plain);
        if node.style == Style::Plain && node.span.is_empty() {
            // `key:` or `- ` with nothing after: the value goes after the indicator.
            let at = node.after_indicator;
            return Some(Splice {
                range: at..at,
                text: format!(" {written}"),
            });
        }
        let range = if node.style == Style::Block {
            self.block_range(node)?
        } else {
            node.span.clone()
        };
        Some(Splice {
            range,
            text: written,
        })
    }

    /// A block scalar's bytes: its header to the end of its last line of text.
    fn block_range(&self, node: &Node) -> Option<Range<usize>> {
        let bytes = self.text.as_bytes();
        let mut start = node.head;
        // Past the anchor and tag: the header begins with `|` or `>`.
        while start < node.span.start && !matches!(bytes[start], b'|' | b'>') {
            start += 1;
        }
        if start >= node.span.start || !matches!(bytes[start], b'|' | b'>') {
            return None;
        }
        let end = node.span.start
            + self.text[node.span.start..node.span.end.max(node.span.start)]
                .trim_end()
                .len();
        // The header's own line when the text is empty (its comment stays).
        let end = if end <= node.span.start {
            header_end(self.text, start)
        } else {
            end
        };
        Some(start..end)
    }

    /// A value written as a literal block (`|`) where a block value stood,
    /// for a value of several lines.
    fn set_block(&self, node: &Node, value: &str) -> Option<Splice> {
        if node.in_flow {
            return None;
        }
        let indent = column(self.text, node.entry_start) + 2;
        let block = literal_block(value, indent, self.line_break)?;
        if node.style == Style::Block {
            return Some(Splice {
                range: self.block_range(node)?,
                text: block,
            });
        }
        if node.style == Style::Plain && node.span.is_empty() {
            let at = node.after_indicator;
            return Some(Splice {
                range: at..at,
                text: format!(" {block}"),
            });
        }
        Some(Splice {
            range: node.span.clone(),
            text: block,
        })
    }

    /// The lines an entry occupies, from the start of its first line (or
    /// from the entry itself when something else stands before it on that
    /// line) to the end of its last line with its line break.
    fn entry_lines(&self, index: usize) -> (Range<usize>, bool) {
        let node = &self.nodes[index];
        let line_start = line_start(self.text, node.entry_start);
        let own_line = self.text[line_start..node.entry_start].trim().is_empty();
        let end = line_end_with_break(self.text, self.content_end(index));
        (
            if own_line {
                line_start
            } else {
                node.entry_start
            }..end,
            own_line,
        )
    }

    /// The end of the node's last byte of content (a block scalar's trailing
    /// line breaks left out).
    fn content_end(&self, index: usize) -> usize {
        let node = &self.nodes[index];
        let from = node.entry_start.min(node.span.start);
        let end = node.span.end.max(from);
        from + self.text[from..end].trim_end().len()
    }

    fn remove_block(&self, index: usize, siblings: &[usize]) -> Option<Splice> {
        let (lines, own_line) = self.entry_lines(index);
        if own_line {
            return Some(Splice {
                range: lines,
                text: String::new(),
            });
        }
        // The entry shares its line with the list's `- `: the next entry
        // moves up to take its place.
        let at = siblings.iter().position(|&s| s == index)?;
        let next = self.nodes[*siblings.get(at + 1)?].entry_start;
        Some(Splice {
            range: self.nodes[index].entry_start..next,
            text: String::new(),
        })
    }

    fn copy_block(
        &self,
        index: usize,
        new_key: Option<&str>,
        id: Option<&(usize, String)>,
    ) -> Option<Splice> {
        let node = &self.nodes[index];
        let (lines, own_line) = self.entry_lines(index);
        let column = column(self.text, node.entry_start);
        let mut copy = self.text[lines.clone()].to_string();
        // The copy's id, a fresh one (it stands after the entry's key).
        if let Some((id_node, fresh)) = id {
            let id_node = &self.nodes[*id_node];
            let span = id_node.span.start - lines.start..id_node.span.end - lines.start;
            copy.replace_range(span, &scalar_text(fresh, Kind::Str, id_node.in_flow, true));
        }
        let mut key_at = node.key_span.as_ref().map(|s| s.start - lines.start);
        if !own_line {
            copy.insert_str(0, &" ".repeat(column));
            key_at = key_at.map(|k| k + column);
        }
        if let (Some(key), Some(at), Some(span)) = (new_key, key_at, &node.key_span) {
            copy.replace_range(at..at + span.len(), &key_text(key, false));
        }
        let mut prefix = String::new();
        if !ends_with_break(&self.text[..lines.end]) {
            prefix.push_str(self.line_break);
        } else if !ends_with_break(&copy) {
            copy.push_str(self.line_break);
        }
        Some(Splice {
            range: lines.end..lines.end,
            text: format!("{prefix}{copy}"),
        })
    }

    fn swap_block(&self, first: usize, second: usize) -> Option<Splice> {
        let (a, a_own) = self.entry_lines(first);
        let (b, b_own) = self.entry_lines(second);
        if !a_own || !b_own {
            return None;
        }
        let text = self.text;
        let mut first_text = text[a.clone()].to_string();
        let mut second_text = text[b.clone()].to_string();
        // The last entry may end the file without a line break.
        if !ends_with_break(&second_text) {
            second_text.push_str(self.line_break);
            first_text = first_text
                .strip_suffix(self.line_break)
                .map(str::to_string)
                .unwrap_or(first_text);
        }
        Some(Splice {
            range: a.start..b.end,
            text: format!("{second_text}{}{first_text}", &text[a.end..b.start]),
        })
    }

    /// An emptied list or mapping written as `[]` or `{}`.
    fn rewrite_empty(&self, index: usize) -> Option<Splice> {
        let node = &self.nodes[index];
        let empty = if node.mapping { "{}" } else { "[]" };
        if node.flow {
            return Some(Splice {
                range: node.span.clone(),
                text: empty.into(),
            });
        }
        if node.parent.is_none() {
            let end = self.content_end(index);
            return Some(Splice {
                range: node.entry_start.min(node.span.start)..end,
                text: empty.into(),
            });
        }
        let end = self.content_end(index);
        Some(Splice {
            range: node.after_indicator..end,
            text: format!(" {empty}"),
        })
    }

    /// A flow collection written out again from its items' own text.
    fn rewrite_flow(
        &self,
        index: usize,
        change: impl FnOnce(&mut Vec<String>) -> Option<()>,
    ) -> Option<Splice> {
        let node = &self.nodes[index];
        let mut items: Vec<String> = self
            .children(index)
            .iter()
            .map(|&c| {
                let child = &self.nodes[c];
                let from = child.key_span.as_ref().map_or(child.head, |k| k.start);
                self.text[from..self.content_end(c).max(child.span.end)].to_string()
            })
            .collect();
        change(&mut items)?;
        let text = if node.mapping {
            if items.is_empty() {
                "{}".to_string()
            } else {
                format!("{{ {} }}", items.join(", "))
            }
        } else {
            format!("[{}]", items.join(", "))
        };
        Some(Splice {
            range: node.span.clone(),
            text,
        })
    }

    /// A new item or entry in a list or mapping (or in the empty value that
    /// becomes one).
    /// An item added where one text stands (`issuer: 某某县统计局` where a
    /// list may be): the text becomes a list of itself and the new item,
    /// written in flow style on its line (`[某某县统计局, ""]`), its own
    /// text as written, the new item after it. A block scalar (`|`, `>`)
    /// or a tagged one is left.
    fn scalar_to_list(&self, node: &Node, key: Option<&str>, value: &Value) -> Option<Splice> {
        if key.is_some() || node.style == Style::Block || node.tag.is_some() {
            return None;
        }
        let own = flow_kept(&self.text[node.span.clone()], node);
        Some(Splice {
            range: node.span.clone(),
            text: format!("[{own}, {}]", flow_value(value)),
        })
    }

    fn add(
        &self,
        index: usize,
        key: Option<&str>,
        after: Option<usize>,
        value: &Value,
    ) -> Option<Splice> {
        let node = &self.nodes[index];
        let is_empty_value = !node.collection
            && node.style == Style::Plain
            && matches!(node.value.as_deref(), Some("" | "~" | "null"));
        if !node.collection && !is_empty_value {
            return self.scalar_to_list(node, key, value);
        }
        if node.collection && node.mapping != key.is_some() {
            return None;
        }
        let children = if node.collection {
            self.children(index)
        } else {
            Vec::new()
        };
        if (node.flow && !children.is_empty()) || node.in_flow {
            let at = after.map_or(children.len(), |a| (a + 1).min(children.len()));
            let item = match key {
                Some(k) => format!("{}: {}", key_text(k, true), flow_value(value)),
                None => flow_value(value),
            };
            return self.rewrite_flow(index, |items| {
                items.insert(at, item);
                Some(())
            });
        }
        if children.is_empty() {
            // `key:`, `key: ~`, `key: []`: the first entry on the next line.
            let column = column(self.text, node.entry_start) + 2;
            let entry = self.entry_text(key, value, column);
            let range = if node.collection {
                node.span.clone()
            } else if node.span.is_empty() {
                node.after_indicator..node.after_indicator
            } else {
                node.span.clone()
            };
            if node.parent.is_none() {
                return Some(Splice {
                    range,
                    text: self.entry_text(key, value, 0),
                });
            }
            let range = if node.span.is_empty() {
                // `key:` and perhaps a comment, which stays on its line.
                let end = line_end_with_break(self.text, node.after_indicator);
                let end = self.text[..end].trim_end_matches(['\n', '\r']).len();
                end..end
            } else {
                node.after_indicator..range.end
            };
            return Some(Splice {
                range,
                text: format!("{}{}{}", self.line_break, " ".repeat(column), entry),
            });
        }
        // Block: after item `after` (its lines), or after the last.
        let at_child = after.map_or(children.len() - 1, |a| a.min(children.len() - 1));
        let (lines, _) = self.entry_lines(children[at_child]);
        let column = column(self.text, self.nodes[children[0]].entry_start);
        let mut text = String::new();
        if !ends_with_break(&self.text[..lines.end]) {
            text.push_str(self.line_break);
        }
        text.push_str(&" ".repeat(column));
        // A mapping among entries written on one line (`a: { value: 4 }`) is too.
        let one_line = self.nodes[children[at_child]].flow && value.is_object();
        match key {
            Some(k) if one_line => {
                text.push_str(&format!("{}: {}", key_text(k, false), flow_value(value)));
            }
            _ => text.push_str(&self.entry_text(key, value, column)),
        }
        if ends_with_break(&self.text[..lines.end]) {
            text.push_str(self.line_break);
        }
        Some(Splice {
            range: lines.end..lines.end,
            text,
        })
    }

    /// An entry (`- value`, `key: value`) written as block YAML whose first
    /// line starts at `column`; without its final line break.
    fn entry_text(&self, key: Option<&str>, value: &Value, column: usize) -> String {
        match key {
            Some(k) => {
                let k = key_text(k, false);
                match value {
                    Value::Object(m) if !m.is_empty() => format!(
                        "{k}:{}{}{}",
                        self.line_break,
                        " ".repeat(column + 2),
                        self.block_value(value, column + 2)
                    ),
                    Value::Array(a) if !a.is_empty() => format!(
                        "{k}:{}{}{}",
                        self.line_break,
                        " ".repeat(column + 2),
                        self.block_value(value, column + 2)
                    ),
                    _ => format!("{k}: {}", self.block_value(value, column + 2)),
                }
            }
            None => format!("- {}", self.block_value(value, column + 2)),
        }
    }

    /// A value as block YAML whose first line starts at `column`.
    fn block_value(&self, value: &Value, column: usize) -> String {
        let lines =
            |parts: Vec<String>| parts.join(&format!("{}{}", self.line_break, " ".repeat(column)));
        match value {
            Value::Object(m) if !m.is_empty() => lines(
                m.iter()
                    .map(|(k, v)| self.entry_text(Some(k), v, column))
                    .collect(),
            ),
            Value::Array(a) if !a.is_empty() => {
                lines(a.iter().map(|v| self.entry_text(None, v, column)).collect())
            }
            Value::String(s) if s.contains('\n') => {
                literal_block(s, column, self.line_break).unwrap_or_else(|| flow_value(value))
            }
            _ => flow_value(value),
        }
    }
}

/// A value written in flow style (one line).
fn flow_value(value: &Value) -> String {
    match value {
        Value::Null => "~".into(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::String(s) => scalar_text(s, Kind::Str, true, true),
        Value::Array(a) => format!(
            "[{}]",
            a.iter().map(flow_value).collect::<Vec<_>>().join(", ")
        ),
        Value::Object(m) if m.is_empty() => "{}".into(),
        Value::Object(m) => format!(
            "{{ {} }}",
            m.iter()
                .map(|(k, v)| format!("{}: {}", key_text(k, true), flow_value(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// A value written in flow style as it was written, where that reads back
/// the same (a quoted scalar; a plain one with no flow indicator), else
/// quoted anew.
fn flow_kept(text: &str, node: &Node) -> String {
    let plain_safe = node.style == Style::Plain
        && !text.contains([',', '[', ']', '{', '}', '#'])
        && !text.contains(": ");
    match (&node.style, &node.value) {
        (Style::Quoted, _) => text.to_string(),
        (Style::Plain, _) if plain_safe => text.to_string(),
        (_, Some(v)) => flow_value(&Value::String(v.clone())),
        (_, None) => text.to_string(),
    }
}

/// The new key of a copied mapping entry: `key_2`, `key_3`… (None for a
/// list's item).
fn new_key_for(nodes: &[Node], path: &[Key]) -> Option<String> {
    let Some(Key::Field(key)) = path.last() else {
        return None;
    };
    (2..)
        .map(|n| format!("{key}_{n}"))
        .find(|k| !key_taken(nodes, path, k))
}

/// The `id:` of a copied item and the id its copy gets: ids name one
/// thing each (a plan's item, which next year's summary says it fulfils),
/// so a copy keeps none. The fresh id is the old one numbered (`care-2`,
/// `care-3`…), one no value of the text is.
fn fresh_id(nodes: &[Node], path: &[Key]) -> Option<(usize, String)> {
    let mut id_path = path.to_vec();
    id_path.push(Key::Field("id".into()));
    let index = nodes
        .iter()
        .position(|n| n.path == id_path && !n.collection && n.style != Style::Block)?;
    let old = nodes[index].value.as_deref()?;
    if old.trim().is_empty() || old == "~" {
        return None;
    }
    // `care-2` copied again is `care-3`, not `care-2-2`.
    let stem = match old.rsplit_once('-') {
        Some((stem, n)) if !stem.is_empty() && n.parse::<u32>().is_ok() => stem,
        _ => old,
    };
    let fresh = (2..)
        .map(|n| format!("{stem}-{n}"))
        .find(|id| !nodes.iter().any(|n| n.value.as_deref() == Some(id)))?;
    Some((index, fresh))
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

mod counts;
mod data;
pub mod shown;

pub use counts::{figures, references};
mod write;

#[cfg(test)]
mod tests;
