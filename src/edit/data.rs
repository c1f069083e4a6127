//! The data a YAML text reads as, and what it must read as after an edit:
//! the check every edit passes before it is returned.

use granit_parser::{Event, Parser, ScalarStyle};
use serde_json::Value;

use crate::locale::tr;
use crate::model::Lang;

use super::write::{Kind, resolve, set_kind};
use super::{Edit, EditError, Key, Node, fresh_id, new_key_for, show_path};

/// The data of a YAML text: what an edit must change and nothing else.
#[derive(Clone, Debug, PartialEq)]
pub enum Data {
    Scalar {
        text: String,
        kind: DataKind,
        tag: Option<String>,
    },
    Seq(Vec<Data>),
    Map(Vec<(Data, Data)>),
    Alias,
    /// The expected value of a set: this text, as text or as the figure.
    Set(String, DataKind),
}

/// A scalar's kind as data (a quoted or block scalar is always text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DataKind(Kind);

impl Data {
    fn scalar(text: &str, kind: Kind) -> Data {
        Data::Scalar {
            text: text.into(),
            kind: DataKind(kind),
            tag: None,
        }
    }

    fn text(&self) -> Option<&str> {
        match self {
            Data::Scalar { text, .. } | Data::Set(text, _) => Some(text),
            _ => None,
        }
    }
}

impl Data {
    /// Whether `self` (read back) is what `expected` asks for.
    pub(super) fn matches(&self, expected: &Data) -> bool {
        match (self, expected) {
            (
                Data::Scalar {
                    text,
                    kind,
                    tag: None,
                },
                Data::Set(want, want_kind),
            ) => text == want && kind == want_kind,
            (Data::Seq(a), Data::Seq(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.matches(y))
            }
            (Data::Map(a), Data::Map(b)) => {
                a.len() == b.len()
                    && a.iter()
                        .zip(b)
                        .all(|((k1, v1), (k2, v2))| k1.matches(k2) && v1.matches(v2))
            }
            (a, b) => a == b,
        }
    }
}

/// Reads a YAML text's data (its first document).
pub fn data(text: &str) -> Result<Data, String> {
    enum Open {
        Seq(Vec<Data>),
        Map(Vec<(Data, Data)>, Option<Data>),
    }
    fn push(stack: &mut [Open], root: &mut Option<Data>, value: Data) {
        match stack.last_mut() {
            Some(Open::Seq(items)) => items.push(value),
            Some(Open::Map(entries, key)) => match key.take() {
                Some(k) => entries.push((k, value)),
                None => *key = Some(value),
            },
            None => {
                if root.is_none() {
                    *root = Some(value);
                }
            }
        }
    }
    let mut stack: Vec<Open> = Vec::new();
    let mut root = None;
    for event in Parser::new_from_str(text) {
        let (event, _) = event.map_err(|e| e.to_string())?;
        match event {
            Event::Scalar(value, style, _, tag) => {
                let kind = if style == ScalarStyle::Plain && tag.is_none() {
                    resolve(&value)
                } else {
                    Kind::Str
                };
                let data = Data::Scalar {
                    text: value.to_string(),
                    kind: DataKind(kind),
                    tag: tag.map(|t| format!("{t:?}")),
                };
                push(&mut stack, &mut root, data);
            }
            Event::Alias(_) => push(&mut stack, &mut root, Data::Alias),
            Event::SequenceStart(..) => stack.push(Open::Seq(Vec::new())),
            Event::MappingStart(..) => stack.push(Open::Map(Vec::new(), None)),
            Event::SequenceEnd | Event::MappingEnd => {
                let value = match stack.pop() {
                    Some(Open::Seq(items)) => Data::Seq(items),
                    Some(Open::Map(entries, _)) => Data::Map(entries),
                    None => return Err("unbalanced collection".into()),
                };
                push(&mut stack, &mut root, value);
            }
            _ => {}
        }
    }
    Ok(root.unwrap_or_else(|| Data::scalar("", Kind::Null)))
}

/// The old data with the edit made: what the new text must read as.
pub(super) fn expect(
    old: &Data,
    nodes: &[Node],
    edit: &Edit,
    lang: Lang,
) -> Result<Data, EditError> {
    let mut data = old.clone();
    let missing = |path: &[Key]| EditError(tr!(lang, "edit-no-value", path = show_path(path)));
    match edit {
        Edit::Set { path, value } => {
            let node = nodes
                .iter()
                .find(|n| n.path == *path)
                .ok_or_else(|| missing(path))?;
            let target = at_path(&mut data, path).ok_or_else(|| missing(path))?;
            *target = Data::Set(value.clone(), DataKind(set_kind(node, value)));
        }
        Edit::Remove { path } | Edit::Copy { path } | Edit::Move { path, .. } => {
            let (last, parent) = path.split_last().ok_or_else(|| missing(path))?;
            let holder = at_path(&mut data, parent).ok_or_else(|| missing(path))?;
            let at = position(holder, last).ok_or_else(|| missing(path))?;
            match (edit, holder) {
                (Edit::Remove { .. }, Data::Seq(items)) => {
                    items.remove(at);
                }
                (Edit::Remove { .. }, Data::Map(entries)) => {
                    entries.remove(at);
                }
                (Edit::Copy { .. }, Data::Seq(items)) => {
                    let copy = with_id(items[at].clone(), nodes, path);
                    items.insert(at + 1, copy);
                }
                (Edit::Copy { .. }, Data::Map(entries)) => {
                    let key = new_key_for(nodes, path).unwrap_or_default();
                    let copy = (
                        Data::Set(key, DataKind(Kind::Str)),
                        with_id(entries[at].1.clone(), nodes, path),
                    );
                    entries.insert(at + 1, copy);
                }
                (Edit::Move { up, .. }, Data::Seq(items)) => {
                    let other = if *up { at.checked_sub(1) } else { Some(at + 1) };
                    if let Some(other) = other.filter(|&o| o < items.len()) {
                        items.swap(at, other);
                    }
                }
                (Edit::Move { up, .. }, Data::Map(entries)) => {
                    let other = if *up { at.checked_sub(1) } else { Some(at + 1) };
                    if let Some(other) = other.filter(|&o| o < entries.len()) {
                        entries.swap(at, other);
                    }
                }
                _ => return Err(missing(path)),
            }
        }
        Edit::Rename { path, key } => {
            let (last, parent) = path.split_last().ok_or_else(|| missing(path))?;
            let holder = at_path(&mut data, parent).ok_or_else(|| missing(path))?;
            let at = position(holder, last).ok_or_else(|| missing(path))?;
            let Data::Map(entries) = holder else {
                return Err(EditError(tr!(lang, "edit-no-key")));
            };
            if entries
                .iter()
                .enumerate()
                .any(|(i, (k, _))| i != at && k.text() == Some(key.as_str()))
            {
                return Err(EditError(tr!(lang, "edit-key-used", key = key)));
            }
            entries[at].0 = Data::Set(key.clone(), DataKind(Kind::Str));
        }
        Edit::RenameCount { .. }
        | Edit::MakeCount { .. }
        | Edit::NewCount { .. }
        | Edit::SetShown { .. } => {
            return Err(EditError(tr!(lang, "edit-no-way")));
        }
        Edit::Add {
            path,
            key,
            after,
            value,
        } => {
            let holder = at_path(&mut data, path).ok_or_else(|| missing(path))?;
            if matches!(
                holder,
                Data::Scalar {
                    kind: DataKind(Kind::Null),
                    ..
                }
            ) {
                *holder = if key.is_some() {
                    Data::Map(Vec::new())
                } else {
                    Data::Seq(Vec::new())
                };
            }
            let new = from_json(value);
            // One value where a list may stand: a list of it and the new.
            if key.is_none() && matches!(holder, Data::Scalar { tag: None, .. }) {
                let own = std::mem::replace(holder, Data::Seq(Vec::new()));
                *holder = Data::Seq(vec![own]);
            }
            match (holder, key) {
                (Data::Seq(items), None) => {
                    let at = after.map_or(items.len(), |a| (a + 1).min(items.len()));
                    items.insert(at, new);
                }
                (Data::Map(entries), Some(key)) => {
                    if entries.iter().any(|(k, _)| k.text() == Some(key.as_str())) {
                        return Err(EditError(tr!(lang, "edit-key-used", key = key)));
                    }
                    let at = after.map_or(entries.len(), |a| (a + 1).min(entries.len()));
                    entries.insert(at, (Data::Set(key.clone(), DataKind(Kind::Str)), new));
                }
                _ => {
                    return Err(EditError(tr!(
                        lang,
                        "edit-not-a-list",
                        path = show_path(path)
                    )));
                }
            }
        }
    }
    Ok(data)
}

/// A copy's data with the fresh id it gets ([`fresh_id`]).
fn with_id(mut copy: Data, nodes: &[Node], path: &[Key]) -> Data {
    if let (Some((_, fresh)), Data::Map(entries)) = (fresh_id(nodes, path), &mut copy)
        && let Some(entry) = entries.iter_mut().find(|(k, _)| k.text() == Some("id"))
    {
        entry.1 = Data::Set(fresh, DataKind(Kind::Str));
    }
    copy
}

/// A JSON value as the data it is written as.
pub(super) fn from_json(value: &Value) -> Data {
    match value {
        Value::Null => Data::scalar("~", Kind::Null),
        Value::Bool(b) => Data::scalar(&b.to_string(), Kind::Bool),
        Value::Number(n) => {
            let text = n.to_string();
            let kind = resolve(&text);
            Data::scalar(&text, kind)
        }
        Value::String(s) => Data::Set(s.clone(), DataKind(Kind::Str)),
        Value::Array(a) => Data::Seq(a.iter().map(from_json).collect()),
        Value::Object(m) => Data::Map(
            m.iter()
                .map(|(k, v)| (Data::Set(k.clone(), DataKind(Kind::Str)), from_json(v)))
                .collect(),
        ),
    }
}

pub(super) fn position(holder: &Data, key: &Key) -> Option<usize> {
    match (holder, key) {
        (Data::Seq(items), Key::Index(i)) => (*i < items.len()).then_some(*i),
        (Data::Map(entries), Key::Field(f)) => entries
            .iter()
            .position(|(k, _)| k.text() == Some(f.as_str())),
        _ => None,
    }
}

pub(super) fn at_path<'a>(data: &'a mut Data, path: &[Key]) -> Option<&'a mut Data> {
    let Some((first, rest)) = path.split_first() else {
        return Some(data);
    };
    let at = position(data, first)?;
    let child = match data {
        Data::Seq(items) => &mut items[at],
        Data::Map(entries) => &mut entries[at].1,
        _ => return None,
    };
    at_path(child, rest)
}
