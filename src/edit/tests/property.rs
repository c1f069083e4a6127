//! The edit invariant, on generated YAML: documents in every style the loader
//! reads (block and flow collections; plain, quoted, literal and folded
//! scalars; comments, blank lines; `\n`, `\r\n` and `\r` line ends; with or
//! without a final line break) and random edits. Every edit either is refused
//! or gives a text whose data, read by serde-saphyr (the loader's reader, not
//! the one the edit used), is the old data with exactly that change, and whose
//! bytes outside the edited entry are unchanged. Edits of the kinds the form
//! makes are never refused. `NIANBAO_EDIT_CASES` sets how many cases to run
//! (default 4096).

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{Map, Value};

use super::super::*;

/// A generated document: its data, written in generated styles.
#[derive(Clone, Debug)]
enum Gen {
    Scalar(String, ScalarForm),
    Number(i64),
    Seq(Vec<Gen>, bool),
    Map(Vec<(String, Gen)>, bool),
}

#[derive(Clone, Copy, Debug)]
enum ScalarForm {
    Plain,
    Single,
    Double,
    Literal,
    Folded,
}

fn texts() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("一是".to_string()),
        Just("生日慰问411人".to_string()),
        Just("a, b".to_string()),
        Just("x: y".to_string()),
        Just("# not a comment".to_string()),
        Just("{value}".to_string()),
        Just("'quoted'".to_string()),
        Just("\"两学一做\"学习".to_string()),
        Just("line one\nline two".to_string()),
        Just("ends\n".to_string()),
        Just("".to_string()),
        Just("true".to_string()),
        Just("2020".to_string()),
        Just("- dash".to_string()),
        Just("tab\there".to_string()),
        Just("  leading".to_string()),
        Just("trailing ".to_string()),
        "[a-z\u{4e00}-\u{4e20}，。：、]{1,12}",
        "[ -~]{0,10}",
    ]
}

fn keys() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("title".to_string()),
        Just("points".to_string()),
        Just("单位".to_string()),
        Just("id".to_string()),
        "[a-z]{1,6}",
    ]
}

fn documents() -> impl Strategy<Value = Gen> {
    let leaf = prop_oneof![
        (texts(), 0..5u8).prop_map(|(t, f)| Gen::Scalar(
            t,
            [
                ScalarForm::Plain,
                ScalarForm::Single,
                ScalarForm::Double,
                ScalarForm::Literal,
                ScalarForm::Folded
            ][f as usize]
        )),
        (-5000i64..5000).prop_map(Gen::Number),
    ];
    leaf.prop_recursive(4, 40, 5, |inner| {
        prop_oneof![
            (prop::collection::vec(inner.clone(), 0..5), any::<bool>())
                .prop_map(|(items, flow)| Gen::Seq(items, flow)),
            (prop::collection::vec((keys(), inner), 0..5), any::<bool>()).prop_map(
                |(entries, flow)| {
                    let mut seen = Vec::new();
                    let entries = entries
                        .into_iter()
                        .filter(|(k, _)| {
                            let new = !seen.contains(k);
                            seen.push(k.clone());
                            new
                        })
                        .collect();
                    Gen::Map(entries, flow)
                }
            ),
        ]
    })
}

/// A scalar that a plain writing would read back as the same string.
fn plain_ok(s: &str) -> bool {
    plain_safe(s, true) && resolve(s) == Kind::Str && !s.contains('\n')
}

fn quoted(s: &str) -> String {
    scalar_text(s, Kind::Str, true, false)
}

/// Writes a generated node that starts after `key: ` or `- ` (block) or
/// inside a flow collection.
fn write(node: &Gen, indent: usize, in_flow: bool, comments: bool, out: &mut String) {
    match node {
        Gen::Number(n) => out.push_str(&n.to_string()),
        Gen::Scalar(s, form) => match form {
            ScalarForm::Plain if plain_ok(s) => out.push_str(s),
            ScalarForm::Single if !s.contains(['\n', '\t']) && !s.is_empty() => {
                out.push('\'');
                out.push_str(&s.replace('\'', "''"));
                out.push('\'');
            }
            ScalarForm::Literal | ScalarForm::Folded
                if !in_flow
                    && !s.trim().is_empty()
                    && !s.starts_with(' ')
                    && !s.contains(['\t'])
                    && !s.contains("  ")
                    && s.trim_end_matches('\n').len() + 1 >= s.len() =>
            {
                let folded = matches!(form, ScalarForm::Folded);
                let chomp = if s.ends_with('\n') { "" } else { "-" };
                let body = s.trim_end_matches('\n');
                if folded && body.contains('\n') {
                    // Folded lines join with a space unless a blank line stands between.
                    out.push_str(&format!(">{chomp}"));
                    for line in body.split('\n') {
                        out.push('\n');
                        out.push_str(&" ".repeat(indent));
                        out.push_str(line);
                        out.push('\n');
                    }
                    out.pop();
                } else {
                    out.push_str(&format!("{}{chomp}", if folded { ">" } else { "|" }));
                    for line in body.split('\n') {
                        out.push('\n');
                        out.push_str(&" ".repeat(indent));
                        out.push_str(line);
                    }
                }
            }
            _ => out.push_str(&quoted(s)),
        },
        Gen::Seq(items, flow) if *flow || in_flow || items.is_empty() => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write(item, indent, true, comments, out);
            }
            out.push(']');
        }
        Gen::Map(entries, flow) if *flow || in_flow || entries.is_empty() => {
            out.push('{');
            for (i, (k, v)) in entries.iter().enumerate() {
                out.push_str(if i > 0 { ", " } else { " " });
                out.push_str(&key_text(k, true));
                out.push_str(": ");
                write(v, indent, true, comments, out);
            }
            out.push_str(if entries.is_empty() { "}" } else { " }" });
        }
        Gen::Seq(items, _) => {
            for item in items {
                out.push('\n');
                if comments {
                    out.push_str(&" ".repeat(indent));
                    out.push_str("# an item\n");
                }
                out.push_str(&" ".repeat(indent));
                out.push_str("- ");
                write_value_after(item, indent + 2, comments, out, true);
            }
        }
        Gen::Map(entries, _) => {
            for (k, v) in entries {
                out.push('\n');
                out.push_str(&" ".repeat(indent));
                out.push_str(&key_text(k, false));
                out.push(':');
                write_value_after(v, indent + 2, comments, out, false);
                if comments && matches!(v, Gen::Number(_)) {
                    out.push_str(" # a figure");
                }
            }
        }
    }
}

/// A block value after `key:` or `- `.
fn write_value_after(node: &Gen, indent: usize, comments: bool, out: &mut String, item: bool) {
    match node {
        Gen::Map(entries, false) if !entries.is_empty() && item => {
            // `- key: value` with the next keys under the first.
            let mut inner = String::new();
            write(node, indent, false, comments, &mut inner);
            out.push_str(inner.trim_start_matches(['\n', ' ']));
        }
        Gen::Seq(items, false) | Gen::Seq(items, _) if !items.is_empty() && !is_flow(node) => {
            write(node, indent, false, comments, out);
        }
        Gen::Map(entries, false) if !entries.is_empty() => {
            write(node, indent, false, comments, out);
        }
        _ => {
            if !item {
                out.push(' ');
            }
            write(node, indent, false, comments, out);
        }
    }
    if item && out.ends_with("- ") {
        out.pop();
    }
}

fn is_flow(node: &Gen) -> bool {
    matches!(node, Gen::Seq(_, true) | Gen::Map(_, true))
}

fn document(root: &Gen, comments: bool, line_break: &str, final_break: bool) -> String {
    let mut out = String::new();
    if comments {
        out.push_str("# a document\n");
    }
    let top = match root {
        Gen::Map(entries, _) if !entries.is_empty() => Gen::Map(entries.clone(), false),
        other => Gen::Map(vec![("top".into(), other.clone())], false),
    };
    write(&top, 0, false, comments, &mut out);
    let mut text = out.replacen("\n", "", usize::from(!comments));
    if final_break {
        text.push('\n');
    }
    if line_break != "\n" {
        text = text.replace('\n', line_break);
    }
    text
}

/// What serde-saphyr reads.
fn read(text: &str) -> Result<Value, String> {
    serde_saphyr::from_str::<Value>(text).map_err(|e| e.to_string())
}

/// The JSON value at a path.
fn at<'a>(value: &'a mut Value, path: &[Key]) -> Option<&'a mut Value> {
    let Some((first, rest)) = path.split_first() else {
        return Some(value);
    };
    let child = match (value, first) {
        (Value::Array(a), Key::Index(i)) => a.get_mut(*i)?,
        (Value::Object(m), Key::Field(f)) => m.get_mut(f)?,
        _ => return None,
    };
    at(child, rest)
}

/// The old data with the edit made, as serde-saphyr would read it.
fn expected(old: &Value, edit: &Edit, nodes: &[Node]) -> Option<Value> {
    let mut new = old.clone();
    if let Edit::SetShown { path, shown, .. } = edit {
        // Typed before or after what the box showed: that, in the text.
        let was = nodes.iter().find(|n| n.path == *path)?.value.clone()?;
        let (seen, _) = super::super::shown::shown(&was, &box_labels());
        let value = match (
            shown.strip_prefix(seen.as_str()),
            shown.strip_suffix(seen.as_str()),
        ) {
            (Some(typed), _) => format!("{was}{typed}"),
            (None, Some(typed)) => format!("{typed}{was}"),
            (None, None) => return None,
        };
        let path = path.clone();
        return expected(old, &Edit::Set { path, value }, nodes);
    }
    match edit {
        Edit::Set { path, value } => {
            let target = at(&mut new, path)?;
            let was_figure = target.is_number() || target.is_null();
            *target = match value.parse::<f64>() {
                Ok(_) if was_figure && resolve(value) != Kind::Str => read(value).ok()?,
                _ => Value::String(value.clone()),
            };
        }
        Edit::Remove { path } | Edit::Copy { path } | Edit::Move { path, .. } => {
            let (last, parent) = path.split_last()?;
            match (at(&mut new, parent)?, last) {
                (Value::Array(a), Key::Index(i)) => match edit {
                    Edit::Remove { .. } => {
                        a.remove(*i);
                    }
                    Edit::Copy { .. } => {
                        let copy = fresh(a[*i].clone(), nodes, path);
                        a.insert(i + 1, copy);
                    }
                    Edit::Move { up, .. } => {
                        let other = if *up { i.checked_sub(1) } else { Some(i + 1) };
                        if let Some(o) = other.filter(|&o| o < a.len()) {
                            a.swap(*i, o);
                        }
                    }
                    _ => {}
                },
                (Value::Object(m), Key::Field(f)) => match edit {
                    Edit::Remove { .. } => {
                        m.remove(f);
                    }
                    Edit::Copy { .. } => {
                        let copy = fresh(m[f].clone(), nodes, path);
                        m.insert(new_key_for(nodes, path)?, copy);
                    }
                    _ => {}
                },
                _ => return None,
            }
        }
        Edit::Rename { path, key } => {
            let (Key::Field(f), parent) = path.split_last()? else {
                return None;
            };
            let Value::Object(m) = at(&mut new, parent)? else {
                return None;
            };
            let value = m.remove(f)?;
            m.insert(key.clone(), value);
        }
        Edit::Add {
            path, key, value, ..
        } => {
            let target = at(&mut new, path)?;
            if target.is_null() {
                *target = if key.is_some() {
                    Value::Object(Map::new())
                } else {
                    Value::Array(Vec::new())
                };
            }
            match (target, key) {
                (Value::Array(a), None) => a.push(value.clone()),
                (Value::Object(m), Some(k)) => {
                    m.insert(k.clone(), value.clone());
                }
                // One value where a list may stand: a list of it and the new.
                (one @ (Value::String(_) | Value::Number(_) | Value::Bool(_)), None) => {
                    let own = one.take();
                    *one = Value::Array(vec![own, value.clone()]);
                }
                _ => return None,
            }
        }
        // Tested in `counts`, on reports (`SetShown`: a `Set`, above).
        Edit::RenameCount { .. }
        | Edit::MakeCount { .. }
        | Edit::NewCount { .. }
        | Edit::SetShown { .. } => return None,
    }
    Some(new)
}

/// A copy as it is made: its `id:` a fresh one, numbered after the old and
/// used by no value of the text (ids name one thing each).
fn fresh(mut copy: Value, nodes: &[Node], path: &[Key]) -> Value {
    if let (Some((_, id)), Value::Object(m)) = (fresh_id(nodes, path), &mut copy) {
        m.insert("id".into(), Value::String(id));
    }
    copy
}

/// Arrays compared as they are; objects by their entries (order aside, as
/// serde_json keeps them); numbers by value.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same(p, q))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| same(v, w)))
        }
        _ => a == b,
    }
}

/// The labels the boxes of the generated documents show references by
/// (their texts have `{value}`).
fn box_labels() -> super::super::shown::Labels {
    super::super::shown::labels(&[("value", Some("数值")), ("x", Some("某数"))])
}

fn edit_for(nodes: &[Node], pick: usize, kind: u8, text: String, key: String) -> Option<Edit> {
    let node = nodes.get(1 + pick % nodes.len().saturating_sub(1).max(1))?;
    let path = node.path.clone();
    Some(match kind % 8 {
        0 | 1 if !node.collection && node.value.is_some() => Edit::Set { path, value: text },
        // Typed at the end (or the start) of a text as its box shows it.
        7 if !node.collection && node.value.is_some() => {
            let labels = box_labels();
            let (seen, _) = super::super::shown::shown(node.value.as_deref()?, &labels);
            let shown = if kind % 16 < 8 {
                format!("{seen}{text}")
            } else {
                format!("{text}{seen}")
            };
            Edit::SetShown {
                path,
                shown,
                labels,
            }
        }
        2 if !path.is_empty() => Edit::Remove { path },
        3 if !path.is_empty() => Edit::Copy { path },
        4 if matches!(path.last(), Some(Key::Index(_))) => Edit::Move {
            path,
            up: text.len().is_multiple_of(2),
        },
        5 if node.key_span.is_some() => Edit::Rename { path, key },
        6 if node.collection && !node.mapping => Edit::Add {
            path,
            key: None,
            after: None,
            value: Value::String(text),
        },
        6 if node.collection => Edit::Add {
            path,
            key: Some(key),
            after: None,
            value: Value::String(text),
        },
        6 if node.style != Style::Block && node.tag.is_none() => Edit::Add {
            path,
            key: None,
            after: None,
            value: Value::String(text),
        },
        _ => return None,
    })
}

#[test]
fn every_edit_is_exactly_the_change() {
    let cases = std::env::var("NIANBAO_EDIT_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(4096);
    let mut runner = TestRunner::new(Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    });
    let strategy = (
        documents(),
        any::<bool>(),
        0..3usize,
        any::<bool>(),
        any::<usize>(),
        any::<u8>(),
        texts(),
        keys(),
    );
    let made = [std::cell::Cell::new(0usize), std::cell::Cell::new(0usize)];
    runner
        .run(
            &strategy,
            |(root, comments, breaks, final_break, pick, kind, text, key)| {
                let line_break = ["\n", "\r\n", "\r"][breaks];
                let doc = document(&root, comments, line_break, final_break);
                let Ok(old) = read(&doc) else {
                    // The generator wrote something the loader does not read: not a case.
                    return Ok(());
                };
                let nodes = nodes(&doc).map_err(TestCaseError::fail)?;
                let Some(edit) = edit_for(&nodes, pick, kind, text, key) else {
                    return Ok(());
                };
                let Some(want) = expected(&old, &edit, &nodes) else {
                    return Ok(());
                };
                let taken = matches!(&edit, Edit::Rename { path, key }
                    if old_key_exists(&old, path, key))
                    || matches!(&edit, Edit::Add { path, key: Some(key), .. }
                    if old_key_exists(&old, &[path.clone(), vec![Key::Field(String::new())]].concat(), key));
                match apply_splice(&doc, &edit) {
                    Ok(splice) => {
                        made[0].set(made[0].get() + 1);
                        let new = splice.apply(&doc);
                        let got = read(&new).map_err(|e| {
                            TestCaseError::fail(format!("{edit:?}\n{doc:?}\n→ {new:?}\n{e}"))
                        })?;
                        prop_assert!(
                            same(&got, &want),
                            "{edit:?}\n{doc:?}\n→ {new:?}\nread {got}\nwant {want}"
                        );
                        let (lo, hi) = allowed(&doc, &nodes, &edit);
                        let noop = splice.range.is_empty() && splice.text.is_empty();
                        prop_assert!(
                            noop || (splice.range.start >= lo && splice.range.end <= hi),
                            "{edit:?}\n{doc:?}\n→ {new:?}: spliced {:?} outside {lo}..{hi}",
                            splice.range
                        );
                    }
                    Err(e) => {
                        made[1].set(made[1].get() + 1);
                        prop_assert!(
                            taken,
                            "refused: {edit:?}\n{doc:?}\n{}",
                            e.0
                        );
                    }
                }
                Ok(())
            },
        )
        .unwrap();
    eprintln!(
        "edit invariant: {} edits made, {} refused",
        made[0].get(),
        made[1].get()
    );
}

fn old_key_exists(old: &Value, path: &[Key], key: &str) -> bool {
    let parent = &path[..path.len().saturating_sub(1)];
    let mut old = old.clone();
    at(&mut old, parent).is_some_and(|v| v.get(key).is_some())
}

/// The bytes an edit may change: the edited entry's lines, or for an item
/// or entry removed, copied, moved or added, the lines of what holds it.
fn allowed(text: &str, nodes: &[Node], edit: &Edit) -> (usize, usize) {
    let (path, holder) = match edit {
        Edit::Set { path, .. } | Edit::SetShown { path, .. } | Edit::Rename { path, .. } => {
            (path.clone(), false)
        }
        Edit::Remove { path } | Edit::Copy { path } | Edit::Move { path, .. } => {
            (path[..path.len() - 1].to_vec(), true)
        }
        Edit::Add { path, .. } => (path.clone(), true),
        Edit::RenameCount { .. } | Edit::MakeCount { .. } | Edit::NewCount { .. } => {
            return (0, text.len());
        }
    };
    let Some(node) = nodes.iter().find(|n| n.path == path) else {
        return (0, text.len());
    };
    let start = if holder {
        node.after_indicator.min(node.entry_start)
    } else {
        node.entry_start.min(node.head)
    };
    let end = line_end_with_break(text, node.span.end.max(start).min(text.len()));
    (line_start(text, start), end)
}
