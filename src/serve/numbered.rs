//! The numbers the document prints (一、 （一） 一是 1、 （1）), as the engine
//! numbers the Markdown and the PDF, each given to the page with the file and
//! the YAML path of what it numbers: the page shows them beside the texts and
//! never numbers anything itself.

use serde_json::{Value, json};

use crate::diag::SourceFile;
use crate::edit::{self, Key, Node};
use crate::facts::Facts;
use crate::load::Loaded;
use crate::model::{Place, Written};
use crate::view::{Kind, View};

use super::Opened;

/// The numbers of the blocks (`[{file, path, number}]`), the parts
/// (`[{file, path, number, heading, role}]`, the heading as printed, derived
/// or written) and the title as printed of the document made of `loaded`.
pub(super) fn numbers(
    loaded: &Loaded,
    facts: &Facts,
    files: &[&SourceFile],
    input: &Opened,
    nodes: &[&[Node]],
) -> (Value, Value, Value) {
    let view = View::new(&loaded.report, facts, Kind::default());
    // A place as the file it is in and the path of the value there.
    let at = |place: &Place| -> Option<(usize, Vec<Key>)> {
        let position = loaded.position(place);
        let file = files.iter().find(|f| f.contains(position))?;
        let index = input.files.iter().position(|p| *p == file.path)?;
        let path = edit::path_at(nodes.get(index)?, file.local(position))?;
        Some((index, path))
    };
    let blocks = view
        .numbers()
        .filter_map(|(place, number)| {
            let (file, mut path) = at(place)?;
            // A title's or a text's number is its section's or item's.
            if matches!(path.last(), Some(Key::Field(f)) if f == "title" || f == "text") {
                path.pop();
            }
            Some(json!({"file": file, "path": path, "number": number.trim()}))
        })
        .collect();
    let parts =
        view.parts
            .iter()
            .map(|part| {
                let shorthand = match part.written {
                    Written::Parts => None,
                    Written::Summary => Some("summary"),
                    Written::Problems => Some("problems"),
                    Written::Plans => Some("plans"),
                };
                let place =
                    match shorthand {
                        Some(key) => top_level(nodes, key),
                        None => part.at.as_ref().and_then(&at).map(|(file, path)| {
                            (file, path.into_iter().take(2).collect::<Vec<_>>())
                        }),
                    };
                json!({
                    "file": place.as_ref().map(|p| p.0),
                    "path": place.map(|p| p.1),
                    "number": part.heading.as_ref().map(|_| part.number.trim()),
                    "heading": part.heading.as_deref().map(unescape),
                    "role": part.role,
                })
            })
            .collect();
    // The title as printed: the report's, or the covering 公文's.
    let title = unescape(&view.title.replace("<br>", ""));
    (
        Value::Array(blocks),
        Value::Array(parts),
        Value::String(title),
    )
}

/// The file that holds the top-level `key`, and its path.
fn top_level(nodes: &[&[Node]], key: &str) -> Option<(usize, Vec<Key>)> {
    let path = vec![Key::Field(key.to_string())];
    let file = nodes
        .iter()
        .position(|n| n.iter().any(|node| node.path == path))?;
    Some((file, path))
}

/// A heading's Markdown escapes taken out: the text as it prints.
fn unescape(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut chars = markdown.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            c => out.push(c),
        }
    }
    out
}
