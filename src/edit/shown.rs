//! A text as the page's boxes show it: a reference to a count by the count's
//! label in full-width braces (`{innovation_studios}` → `｛岗位创新工作室｝`,
//! `{joint_meetings:cn}` → `｛职代会联席会议：cn｝`), the rest as written; and
//! back: the text after the person changed what the box showed, the change
//! made where it was and every other byte as it stood.

use std::collections::BTreeMap;
use std::ops::Range;

use crate::refs;

/// The labels a box shows for the counts' names: a count's label when it
/// names that count alone (no other count has it as label or name) and
/// reads back as one (no braces, colons or line breaks in it).
pub fn labels(counts: &[(&str, Option<&str>)]) -> Labels {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, label) in counts {
        if let Some(label) = label {
            *seen.entry(label.trim()).or_default() += 1;
        }
    }
    let by_name = counts
        .iter()
        .filter_map(|&(name, label)| {
            let label = label?.trim();
            let plain = !label.is_empty()
                && !label.contains(['{', '}', '｛', '｝', ':', '：', '\n', '\r'])
                && !label.chars().any(crate::source::forbidden);
            let alone = seen.get(label) == Some(&1)
                && !counts
                    .iter()
                    .any(|(other, _)| *other != name && *other == label);
            (plain && alone && label != name).then(|| (name.to_string(), label.to_string()))
        })
        .collect();
    Labels(by_name)
}

/// Count names and the labels shown for them.
#[derive(Clone, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Labels(pub BTreeMap<String, String>);

/// Where each reference shown by its label stands: its bytes in the text,
/// and in the shown text.
pub type Places = Vec<(Range<usize>, Range<usize>)>;

/// The shown form of one reference.
fn token(label: &str, format: &str) -> String {
    if format.is_empty() {
        format!("｛{label}｝")
    } else {
        format!("｛{label}：{format}｝")
    }
}

/// `text` as a box shows it, with each reference shown by its label: the
/// bytes it takes in `text` and in the shown text.
pub fn shown(text: &str, labels: &Labels) -> (String, Places) {
    let mut out = String::with_capacity(text.len());
    let mut tokens = Vec::new();
    let mut at = 0;
    for (start, name, format, written) in refs::placed(text) {
        let Some(label) = labels.0.get(name) else {
            continue;
        };
        out.push_str(&text[at..start]);
        let shown_start = out.len();
        out.push_str(&token(label, format));
        tokens.push((start..start + written.len(), shown_start..out.len()));
        at = start + written.len();
    }
    out.push_str(&text[at..]);
    (out, tokens)
}

/// The text after its shown form became `after`: what changed in the shown
/// form (from the first character that differs to the last) changed in the
/// text, a reference the change reaches into taken in whole, and a label in
/// full-width braces typed there (｛岗位创新工作室｝) made the reference to
/// its count (`{innovation_studios}`); every other byte as it was.
pub fn unshown(text: &str, after: &str, labels: &Labels) -> String {
    let (before, tokens) = shown(text, labels);
    if before == after {
        return text.to_string();
    }
    let inside = |at: usize| tokens.iter().any(|(_, s)| s.start < at && at < s.end);
    let prefix = common(before.chars(), after.chars());
    let suffix = common(before.chars().rev(), after.chars().rev());
    let least = before.len().min(after.len());
    // Where a run repeats (｛｛｛走访｝ less one ｛), the change could be
    // placed at several places: the last one before `prefix` that cuts no
    // reference in two.
    let fits = |start: usize| {
        let suffix = suffix.min(least - start);
        let end = before.len() - suffix;
        (before.is_char_boundary(end) && after.is_char_boundary(after.len() - suffix))
            .then_some((start, end))
    };
    let placed = (0..=prefix)
        .rev()
        .filter(|&at| before.is_char_boundary(at))
        .filter_map(fits)
        .find(|&(start, end)| !inside(start) && !inside(end));
    let (mut start, mut end) = placed
        .or_else(|| fits(prefix))
        .unwrap_or((prefix, before.len()));
    for (_, shown) in &tokens {
        if shown.start < start && start < shown.end {
            start = shown.start;
        }
        if shown.start < end && end < shown.end {
            end = shown.end;
        }
    }
    let typed = &after[start..after.len() - (before.len() - end)];
    let raw = |offset: usize| {
        tokens
            .iter()
            .filter(|(_, shown)| shown.end <= offset)
            .fold(offset, |at, (raw, shown)| at + raw.len() - shown.len())
    };
    format!(
        "{}{}{}",
        &text[..raw(start)],
        referenced(typed, labels),
        &text[raw(end)..]
    )
}

/// Bytes of the characters two sequences start with alike.
fn common(a: impl Iterator<Item = char>, b: impl Iterator<Item = char>) -> usize {
    a.zip(b)
        .take_while(|(x, y)| x == y)
        .map(|(c, _)| c.len_utf8())
        .sum()
}

/// Typed text with each label in full-width braces made the reference to
/// its count: `｛岗位创新工作室｝` → `{innovation_studios}`, `｛…：cn｝` → `{…:cn}`.
fn referenced(typed: &str, labels: &Labels) -> String {
    if !typed.contains('｛') {
        return typed.to_string();
    }
    let names: BTreeMap<&str, &str> = labels
        .0
        .iter()
        .map(|(name, label)| (label.as_str(), name.as_str()))
        .collect();
    let mut out = String::with_capacity(typed.len());
    let mut rest = typed;
    while let Some(open) = rest.find('｛') {
        out.push_str(&rest[..open]);
        let inside = &rest[open + '｛'.len_utf8()..];
        let made = inside.find('｝').and_then(|close| {
            let (label, format) = match inside[..close].split_once('：') {
                Some((label, format)) => (label, Some(format)),
                None => (&inside[..close], None),
            };
            let name = names.get(label)?;
            let reference = match format {
                None => format!("{{{name}}}"),
                Some(f) if !f.is_empty() && refs::FORMATS.contains(&f) => format!("{{{name}:{f}}}"),
                // A format unknown, or none after the colon: text.
                Some(_) => return None,
            };
            Some((reference, close + '｝'.len_utf8()))
        });
        match made {
            Some((reference, len)) => {
                out.push_str(&reference);
                rest = &inside[len..];
            }
            None => {
                out.push('｛');
                rest = inside;
            }
        }
    }
    out.push_str(rest);
    out
}
