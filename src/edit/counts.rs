//! The edits of counts, each several places of one text changed at once and
//! verified as one: a count renamed with every reference to it, and a figure
//! of the text made a count with its reference in its place ("设为统计数字").
//! Each place is changed where it stands (a reference's bytes inside its
//! text), else its scalar is written again as a set would write it.

use std::ops::Range;

use serde_json::{Map, Number, Value};

use super::data::{Data, data, expect};
use super::write::line_break_of;
use super::{Doc, Edit, EditError, Key, Node, Splice, nodes, show_path};
use crate::locale::tr;
use crate::model::{Count, Lang};
use crate::refs::{self, Piece};

/// What a count edit made: the splice, and the name of the count it made.
pub(super) struct Made {
    pub splice: Splice,
    pub name: Option<String>,
}

/// One place the edit changes: pieces of a text scalar's value (byte
/// ranges of the value and what replaces them), or another edit.
enum Change {
    Text {
        path: Vec<Key>,
        value: String,
        pieces: Vec<(Range<usize>, String)>,
    },
    Edit(Edit),
}

impl Change {
    fn edit(&self) -> Edit {
        match self {
            Change::Text {
                path,
                value,
                pieces,
            } => {
                let mut new = String::new();
                let mut at = 0;
                for (range, text) in pieces {
                    new.push_str(&value[at..range.start]);
                    new.push_str(text);
                    at = range.end;
                }
                new.push_str(&value[at..]);
                Edit::Set {
                    path: path.clone(),
                    value: new,
                }
            }
            Change::Edit(edit) => edit.clone(),
        }
    }
}

const COUNTS: &str = "counts";

/// The names of the counts a text defines under `counts:`, in order.
pub fn defined(nodes: &[Node]) -> Vec<String> {
    nodes
        .iter()
        .filter(|n| n.key_span.is_some() && n.path.len() == 2)
        .filter_map(|n| match (&n.path[0], &n.path[1]) {
            (Key::Field(counts), Key::Field(name)) if counts == COUNTS => Some(name.clone()),
            _ => None,
        })
        .collect()
}

/// How many references to each count name the text's scalars hold (those
/// under `counts:` print no reference and are not counted).
pub fn references(nodes: &[Node], uses: &mut std::collections::HashMap<String, usize>) {
    for node in nodes {
        let in_counts = matches!(node.path.first(), Some(Key::Field(f)) if f == COUNTS);
        let Some(value) = node
            .value
            .as_ref()
            .filter(|_| !node.collection && !in_counts)
        else {
            continue;
        };
        for piece in refs::parse(value) {
            if let Piece::Ref { name, .. } = piece {
                *uses.entry(name.to_string()).or_default() += 1;
            }
        }
    }
}

/// The figures with units in a text's scalars that could be counts
/// ("设为统计数字"), each with its scalar: not in `counts:`, `meta:` or
/// `settings:`, where a figure is no statistic of the document's.
pub fn figures(nodes: &[Node]) -> Vec<(&Node, crate::figures::Found)> {
    const NOT_TEXT: [&str; 3] = [COUNTS, "meta", "settings"];
    nodes
        .iter()
        .filter(|n| !n.collection)
        .filter(
            |n| !matches!(n.path.first(), Some(Key::Field(f)) if NOT_TEXT.contains(&f.as_str())),
        )
        .flat_map(|n| {
            let value = n.value.as_deref().unwrap_or_default();
            crate::figures::find(value)
                .into_iter()
                .map(move |found| (n, found))
        })
        .collect()
}

/// The names defined by the other files of a folder input (their drafts).
pub fn defined_in(others: &[String]) -> Vec<String> {
    others
        .iter()
        .filter_map(|text| nodes(text).ok())
        .flat_map(|n| defined(&n))
        .collect()
}

/// Renames the count `from` to `to` in one text: its entry under `counts:`
/// (when this text defines it), every reference in the text's scalars, the
/// activities' figures of it and the counts `part_of` it. `elsewhere`: the
/// names the other files of the input define.
pub(super) fn rename(
    text: &str,
    nodes: &[Node],
    from: &str,
    to: &str,
    elsewhere: &[String],
    lang: Lang,
) -> Result<Made, EditError> {
    let here = defined(nodes);
    if !refs::is_name(to) {
        return Err(EditError(tr!(lang, "edit-count-bad-name", name = to)));
    }
    if !here.iter().chain(elsewhere).any(|n| n == from) {
        return Err(EditError(tr!(lang, "edit-no-count", name = from)));
    }
    if from == to {
        return Ok(Made {
            splice: Splice {
                range: 0..0,
                text: String::new(),
            },
            name: None,
        });
    }
    if here.iter().chain(elsewhere).any(|n| n == to) {
        return Err(EditError(tr!(lang, "edit-count-name-used", name = to)));
    }
    let field = |k: &Key, name: &str| matches!(k, Key::Field(f) if f == name);
    let mut texts = Vec::new();
    let mut renames = Vec::new();
    for node in nodes {
        let path = &node.path;
        let in_counts = path.first().is_some_and(|k| field(k, COUNTS));
        if node.key_span.is_some()
            && ((path.len() == 2 && in_counts)
                || (path.len() == 4 && field(&path[0], "activities") && field(&path[2], "figures")))
            && path.last().is_some_and(|k| field(k, from))
        {
            renames.push(Change::Edit(Edit::Rename {
                path: path.clone(),
                key: to.to_string(),
            }));
        }
        let Some(value) = node.value.as_ref().filter(|_| !node.collection) else {
            continue;
        };
        if in_counts {
            if path.len() == 3 && field(&path[2], "part_of") && value.trim() == from {
                texts.push(Change::Edit(Edit::Set {
                    path: path.clone(),
                    value: to.to_string(),
                }));
            }
            continue;
        }
        let pieces: Vec<(Range<usize>, String)> = refs::parse(value)
            .into_iter()
            .filter_map(|piece| match piece {
                Piece::Ref { name, written, .. } if name == from => {
                    let at = written.as_ptr() as usize - value.as_ptr() as usize;
                    Some((at..at + written.len(), refs::renamed(written, to)))
                }
                _ => None,
            })
            .collect();
        if !pieces.is_empty() {
            texts.push(Change::Text {
                path: path.clone(),
                value: value.clone(),
                pieces,
            });
        }
    }
    // The keys last: the paths of the other changes are the old text's.
    texts.extend(renames);
    let splice = change(text, nodes, &texts, lang)?;
    Ok(Made { splice, name: None })
}

/// What the page asks to make a count of: the figure between characters
/// `start` and `end` of the text at `path`, with a name and a label when
/// the person gave them.
pub(super) struct MakeCount<'a> {
    pub path: &'a [Key],
    pub at: At<'a>,
    pub name: Option<&'a str>,
    pub label: Option<&'a str>,
}

/// Where the figure stands in its text.
pub(super) enum At<'a> {
    /// From character to character.
    Range(usize, usize),
    /// The first figure written so.
    Figure(&'a str),
}

/// Makes the figure a count (value, unit, label; a name made for it) under
/// `counts:`, and puts its reference `{name}` where the figure was: the
/// document prints the same text.
pub(super) fn make(
    text: &str,
    nodes: &[Node],
    asked: &MakeCount,
    elsewhere: &[String],
    lang: Lang,
) -> Result<Made, EditError> {
    let missing = || EditError(tr!(lang, "edit-no-value", path = show_path(asked.path)));
    let node = nodes
        .iter()
        .find(|n| n.path == asked.path && !n.collection)
        .ok_or_else(missing)?;
    let value = node.value.as_ref().ok_or_else(missing)?;
    let chars: Vec<char> = value.chars().collect();
    let (start, end) = match asked.at {
        At::Range(start, end) => (start, end),
        At::Figure(figure) => crate::figures::find(value)
            .iter()
            .find(|f| chars[f.start..f.end].iter().copied().eq(figure.chars()))
            .map_or((0, 0), |f| (f.start, f.end)),
    };
    if let (At::Figure(figure), 0) = (&asked.at, end) {
        return Err(EditError(tr!(lang, "edit-no-figure", text = *figure)));
    }
    let written: String = chars
        .get(start..end.min(chars.len()))
        .unwrap_or_default()
        .iter()
        .collect();
    let no_figure = || EditError(tr!(lang, "edit-no-figure", text = written.as_str()));
    if start >= end || end > chars.len() {
        return Err(no_figure());
    }
    let read = crate::figures::read(&chars, start)
        .filter(|r| r.end == end)
        .ok_or_else(no_figure)?;
    let label = match asked.label {
        Some(label) => label.trim().to_string(),
        None => clean_label(&crate::figures::label_of(&chars, start, end)),
    };
    let mut taken: Vec<String> = defined(nodes);
    taken.extend(elsewhere.iter().cloned());
    let name = new_name(asked.name, &label, nodes, &taken, lang)?;
    let entry = count_entry(&read, &label, &written, lang)?;
    // The reference in the figure's place, in bytes of the value.
    let byte = |c: usize| chars[..c].iter().map(|c| c.len_utf8()).sum::<usize>();
    let figure = byte(start)..byte(end);
    let mut changes = vec![Change::Text {
        path: asked.path.to_vec(),
        value: value.clone(),
        pieces: vec![(figure, format!("{{{name}}}"))],
    }];
    changes.push(Change::Edit(add_count(nodes, &name, entry)));
    let splice = change(text, nodes, &changes, lang)?;
    Ok(Made {
        splice,
        name: Some(name),
    })
}

/// A label read from the text, without the references and braces in it (a
/// label prints as it is written).
pub(super) fn clean_label(read: &str) -> String {
    refs::parse(read)
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Literal(text) => Some(text.replace(['{', '}'], "")),
            Piece::Ref { .. } => None,
        })
        .collect::<String>()
        .trim()
        .to_string()
}

/// The name asked for, checked; else one made from the label.
fn new_name(
    asked: Option<&str>,
    label: &str,
    nodes: &[Node],
    taken: &[String],
    lang: Lang,
) -> Result<String, EditError> {
    let Some(name) = asked else {
        // Nor a name the text references already (a count not yet defined):
        // a made name never changes what another text prints.
        let mut referenced = std::collections::HashMap::new();
        references(nodes, &mut referenced);
        let mut taken = taken.to_vec();
        taken.extend(referenced.into_keys());
        return Ok(name_for(label, &taken, lang));
    };
    if !refs::is_name(name) {
        return Err(EditError(tr!(lang, "edit-count-bad-name", name = name)));
    }
    if taken.iter().any(|t| t == name) {
        return Err(EditError(tr!(lang, "edit-count-name-used", name = name)));
    }
    Ok(name.to_string())
}

/// What the page asks to add: a count by its label, value and unit.
pub(super) struct NewCount<'a> {
    pub label: &'a str,
    pub value: Option<&'a Number>,
    pub unit: &'a str,
    pub name: Option<&'a str>,
}

/// Adds a count at the end of `counts:`, named as asked or after its label.
pub(super) fn new(
    text: &str,
    nodes: &[Node],
    asked: &NewCount,
    elsewhere: &[String],
    lang: Lang,
) -> Result<Made, EditError> {
    let mut taken = defined(nodes);
    taken.extend(elsewhere.iter().cloned());
    let label = asked.label.trim();
    let name = new_name(asked.name, label, nodes, &taken, lang)?;
    let mut entry = Map::new();
    if let Some(value) = asked.value {
        entry.insert("value".into(), Value::Number(value.clone()));
    }
    if !asked.unit.trim().is_empty() {
        entry.insert("unit".into(), Value::String(asked.unit.trim().to_string()));
    }
    if !label.is_empty() {
        entry.insert("label".into(), Value::String(label.to_string()));
    }
    let add = Change::Edit(add_count(nodes, &name, Value::Object(entry)));
    let splice = change(text, nodes, &[add], lang)?;
    Ok(Made {
        splice,
        name: Some(name),
    })
}

/// A count's name made from its label: its letters and digits (a name
/// starts with a letter), at most twelve, made unique with `_2`, `_3`…
fn name_for(label: &str, taken: &[String], lang: Lang) -> String {
    let base: String = label
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '_')
        .skip_while(|c| !(c.is_alphabetic() || *c == '_'))
        .take(12)
        .collect();
    let base = if refs::is_name(&base) {
        base
    } else {
        tr!(lang, "edit-count-name")
    };
    std::iter::once(base.clone())
        .chain((2..).map(|n| format!("{base}_{n}")))
        .find(|n| !taken.contains(n))
        .unwrap_or(base)
}

/// The new count's entry: value, unit, label (and `approx`, `decimals` when
/// the figure needs them), checked to print as the figure was written.
fn count_entry(
    read: &crate::figures::Read,
    label: &str,
    written: &str,
    lang: Lang,
) -> Result<Value, EditError> {
    use crate::model::Approx;
    let no_figure = || EditError(tr!(lang, "edit-no-figure", text = written));
    let number: f64 = read.value.parse().map_err(|_| no_figure())?;
    let number = match read.value.parse::<u64>() {
        Ok(n) => Number::from(n),
        Err(_) => Number::from_f64(number).ok_or_else(no_figure)?,
    };
    let mut entry = Map::new();
    entry.insert("value".into(), Value::Number(number));
    entry.insert("unit".into(), Value::String(read.unit.clone()));
    if !label.is_empty() {
        entry.insert("label".into(), Value::String(label.to_string()));
    }
    match &read.approx {
        Approx::No => {}
        Approx::Yes => {
            entry.insert("approx".into(), Value::Bool(true));
        }
        Approx::Written(unit) => {
            entry.insert("approx".into(), Value::String(unit.clone()));
        }
    }
    // "12.50": the decimals written are kept.
    if let Some((_, fraction)) = read.value.split_once('.')
        && fraction.ends_with('0')
    {
        entry.insert("decimals".into(), Value::from(fraction.len()));
    }
    let entry = Value::Object(entry);
    let printed = printed(&entry, lang).ok_or_else(no_figure)?;
    if printed != written {
        return Err(EditError(tr!(
            lang,
            "edit-figure-changes",
            text = written,
            written = printed
        )));
    }
    Ok(entry)
}

/// How the document prints a count written as `entry`.
fn printed(entry: &Value, lang: Lang) -> Option<String> {
    let yaml = serde_json::to_string(entry).ok()?;
    let count: Count = serde_saphyr::from_str(&yaml).ok()?;
    let figure = crate::facts::Figure {
        value: count.value.as_ref().map(|v| v.value),
        count: &count,
        previous: None,
    };
    Some(refs::format_count(&figure, "", lang == Lang::En))
}

/// The edit that adds the count: an entry at the end of `counts:`, written
/// on one line as the one before it is (`name: { value: 25, unit: 户 }`);
/// without `counts:`, the mapping before the body (`summary`, `parts` …).
fn add_count(nodes: &[Node], name: &str, entry: Value) -> Edit {
    let counts = vec![Key::Field(COUNTS.into())];
    if nodes.iter().any(|n| n.path == counts) {
        return Edit::Add {
            path: counts,
            key: Some(name.to_string()),
            after: None,
            value: entry,
        };
    }
    const BODY: [&str; 7] = [
        "summary",
        "parts",
        "problems",
        "plans",
        "attachments",
        "activities",
        "document",
    ];
    let top: Vec<&Node> = nodes.iter().filter(|n| n.path.len() == 1).collect();
    let body = top.iter().position(|n| {
        n.path
            .first()
            .is_some_and(|k| matches!(k, Key::Field(f) if BODY.contains(&f.as_str())))
    });
    let mut counts = Map::new();
    counts.insert(name.to_string(), entry);
    Edit::Add {
        path: Vec::new(),
        key: Some(COUNTS.into()),
        after: body.and_then(|b| b.checked_sub(1)),
        value: Value::Object(counts),
    }
}

/// Makes every change in one verified splice: each change where it stands
/// when it reads back right (else as its edit writes it), then all of them
/// read back together as the old data with every change made.
fn change(text: &str, nodes: &[Node], changes: &[Change], lang: Lang) -> Result<Splice, EditError> {
    let old = data(text).map_err(EditError)?;
    let doc = Doc {
        text,
        nodes,
        line_break: line_break_of(text),
        lang,
    };
    let cannot = |reason: String| EditError(tr!(lang, "edit-cannot-write", reason = reason));
    let mut expected = old.clone();
    let mut splices: Vec<Splice> = Vec::new();
    for change in changes {
        let edit = change.edit();
        expected = expect(&expected, nodes, &edit, lang)?;
        let alone = expect(&old, nodes, &edit, lang)?;
        let mut ways: Vec<Vec<Splice>> = Vec::new();
        if let Change::Text { path, pieces, .. } = change {
            ways.extend(doc.pieces_in_place(path, pieces));
        }
        ways.extend(
            doc.candidates(&edit)?
                .into_iter()
                .flatten()
                .map(|s| vec![s]),
        );
        let way = ways
            .into_iter()
            .find(|way| reads_as(text, way, &alone))
            .ok_or_else(|| cannot(tr!(lang, "edit-reads-back-differently")))?;
        splices.extend(way);
    }
    splices.sort_by_key(|s| (s.range.start, s.range.end));
    if splices
        .windows(2)
        .any(|w| w[0].range.end > w[1].range.start)
    {
        return Err(cannot(tr!(lang, "edit-no-way")));
    }
    let splice = one_splice(text, &splices);
    if !reads_as(text, std::slice::from_ref(&splice), &expected) {
        return Err(cannot(tr!(lang, "edit-reads-back-differently")));
    }
    Ok(splice)
}

/// Whether the text with the splices (in order, apart) reads as `expected`.
fn reads_as(text: &str, splices: &[Splice], expected: &Data) -> bool {
    let mut sorted = splices.to_vec();
    sorted.sort_by_key(|s| (s.range.start, s.range.end));
    if sorted.windows(2).any(|w| w[0].range.end > w[1].range.start) {
        return false;
    }
    let new = one_splice(text, &sorted).apply(text);
    data(&new).is_ok_and(|read| read.matches(expected))
}

/// Splices in order and apart, as one: from the first's start to the last's
/// end, the text between them kept.
fn one_splice(text: &str, splices: &[Splice]) -> Splice {
    let (Some(first), Some(last)) = (splices.first(), splices.last()) else {
        return Splice {
            range: 0..0,
            text: String::new(),
        };
    };
    let mut out = String::new();
    let mut at = first.range.start;
    for splice in splices {
        out.push_str(&text[at..splice.range.start]);
        out.push_str(&splice.text);
        at = splice.range.end;
    }
    Splice {
        range: first.range.start..last.range.end,
        text: out,
    }
}

impl Doc<'_> {
    /// The pieces of a scalar's value changed where they stand in the text:
    /// each piece is found as the same occurrence of its text in the
    /// scalar's bytes as in its value (a figure, a reference: nothing a
    /// YAML style writes otherwise). None when the occurrences differ (a
    /// line folded inside one, an escape).
    fn pieces_in_place(
        &self,
        path: &[Key],
        pieces: &[(Range<usize>, String)],
    ) -> Option<Vec<Splice>> {
        let node = self.nodes.iter().find(|n| n.path == path)?;
        let value = node.value.as_deref()?;
        let from = node.head.min(node.span.start);
        let source = &self.text[from..node.span.end.max(from)];
        pieces
            .iter()
            .map(|(range, new)| {
                let old = value.get(range.clone())?;
                if old.is_empty() || old.contains(['\n', '\r']) {
                    return None;
                }
                let nth = value
                    .match_indices(old)
                    .position(|(at, _)| at == range.start)?;
                let in_source: Vec<usize> = source.match_indices(old).map(|(at, _)| at).collect();
                if in_source.len() != value.matches(old).count() {
                    return None;
                }
                let at = from + in_source[nth];
                Some(Splice {
                    range: at..at + old.len(),
                    text: new.clone(),
                })
            })
            .collect()
    }
}
