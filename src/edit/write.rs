//! How a value is written as YAML text: plain where it reads back the same,
//! else quoted or as a literal block; how a plain value reads (its kind);
//! where lines begin and end in any of the three line-break styles.

use super::{Node, Style};

/// A key as YAML: plain when it reads back as that string, else quoted
/// (`"<<"` is a key, not a merge).
pub(super) fn key_text(key: &str, in_flow: bool) -> String {
    if key == "<<" {
        return "\"<<\"".into();
    }
    scalar_text(key, Kind::Str, in_flow, true)
}

/// A value's text as YAML: plain where allowed and it reads back as the
/// same value of the same kind, else double-quoted with escapes on one line
/// (so that no indentation can break it).
pub(super) fn scalar_text(value: &str, kind: Kind, in_flow: bool, plain: bool) -> String {
    if plain && plain_safe(value, in_flow) && resolve(value) == kind {
        return value.to_string();
    }
    let mut out = String::from("\"");
    for c in value.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A value of several lines as a literal block (`|`, `|-` or `|+`) whose
/// lines are indented by `indent`; None when a literal block cannot hold it.
pub(super) fn literal_block(value: &str, indent: usize, line_break: &str) -> Option<String> {
    if value.is_empty()
        || value.chars().any(|c| {
            (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{85}')
        })
    {
        return None;
    }
    let body = value.trim_end_matches('\n');
    if body.is_empty() {
        return None;
    }
    let trailing = value.len() - body.len();
    let chomp = match trailing {
        0 => "-",
        1 => "",
        _ => "+",
    };
    let first = body.lines().next().unwrap_or("");
    let indicator = if first.starts_with(' ') || body.starts_with('\n') {
        format!("{}", indent.min(9))
    } else {
        String::new()
    };
    if !indicator.is_empty() && indent > 9 {
        return None;
    }
    let mut out = format!("|{indicator}{chomp}");
    let pad = " ".repeat(indent);
    for line in body.split('\n') {
        out.push_str(line_break);
        if !line.is_empty() {
            out.push_str(&pad);
            out.push_str(line);
        }
    }
    for _ in 1..trailing {
        out.push_str(line_break);
    }
    Some(out)
}

/// Whether a value reads back as the same string when written plain
/// (in a block, or inside a flow collection where `,[]{}` end it).
pub(super) fn plain_safe(value: &str, in_flow: bool) -> bool {
    let mut chars = value.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    // `-`, `?` and `:` begin an item, a key or a value only before a space.
    let indicator = match first {
        '-' | '?' | ':' => chars
            .next()
            .is_none_or(|c| c.is_whitespace() || (in_flow && ",[]{}".contains(c))),
        c => ",[]{}#&*!|>'\"%@`".contains(c),
    };
    !indicator
        && !first.is_whitespace()
        && !value.ends_with(char::is_whitespace)
        && !value.contains(": ")
        && !value.contains(":\t")
        && !value.contains(" #")
        && !value.contains("\t#")
        && !value.ends_with(':')
        && !(in_flow && value.contains([',', '[', ']', '{', '}']))
        && !(in_flow && value.contains(':'))
        && !value.chars().any(|c| {
            c.is_control()
                || matches!(
                    c,
                    '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{85}' | '\u{a0}'
                )
        })
        && !value.starts_with("---")
        && !value.starts_with("...")
}

/// What a plain scalar reads as (YAML 1.2's core schema; what YAML 1.1
/// read otherwise is `Ambiguous`, never written plain).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Null,
    Bool,
    Int,
    Float,
    Str,
    Ambiguous,
}

pub(super) fn resolve(plain: &str) -> Kind {
    let lower = plain.to_ascii_lowercase();
    match lower.as_str() {
        "" | "~" | "null" => return Kind::Null,
        "true" | "false" => return Kind::Bool,
        "yes" | "no" | "on" | "off" | "y" | "n" => return Kind::Ambiguous,
        _ => {}
    }
    let unsigned = plain.strip_prefix(['-', '+']).unwrap_or(plain);
    let digits = |s: &str, radix: u32| !s.is_empty() && s.chars().all(|c| c.is_digit(radix));
    if digits(unsigned, 10) {
        return Kind::Int;
    }
    if let Some(hex) = plain.strip_prefix("0x") {
        return if digits(hex, 16) {
            Kind::Int
        } else {
            Kind::Str
        };
    }
    if let Some(oct) = plain.strip_prefix("0o") {
        return if digits(oct, 8) { Kind::Int } else { Kind::Str };
    }
    if matches!(unsigned.to_ascii_lowercase().as_str(), ".inf" | ".nan") {
        return Kind::Float;
    }
    let starts_numeric = unsigned.starts_with(|c: char| c.is_ascii_digit() || c == '.');
    if starts_numeric && unsigned.parse::<f64>().is_ok() && !unsigned.contains(['i', 'n', 'I', 'N'])
    {
        return Kind::Float;
    }
    // Looks like a number in some reader's eyes (1_000, 0b1, 1:20, 1e, .5.):
    if starts_numeric
        && unsigned
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | ':' | '.' | '+' | '-'))
    {
        return Kind::Ambiguous;
    }
    Kind::Str
}

/// What a set value should read as: a figure stays a figure, an empty value
/// given a figure becomes one; everything else is text.
pub(super) fn set_kind(node: &Node, value: &str) -> Kind {
    let old = match node.style {
        Style::Plain => resolve(node.value.as_deref().unwrap_or("")),
        _ => Kind::Str,
    };
    let new = resolve(value);
    match (old, new) {
        (Kind::Int | Kind::Float | Kind::Null, Kind::Int | Kind::Float) => new,
        (Kind::Bool, Kind::Bool) => Kind::Bool,
        _ => Kind::Str,
    }
}

/// The line break the text uses (`\n` where it has none).
pub(super) fn line_break_of(text: &str) -> &'static str {
    match text.find(['\n', '\r']) {
        Some(i) if text[i..].starts_with("\r\n") => "\r\n",
        Some(i) if text.as_bytes()[i] == b'\r' => "\r",
        _ => "\n",
    }
}

pub(super) fn ends_with_break(text: &str) -> bool {
    text.ends_with(['\n', '\r'])
}

/// The start of the line that holds `at` (any of `\n`, `\r\n`, `\r` ends a line).
pub(super) fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1)
}

/// The end of the line that holds `at`, after its line break.
pub(super) fn line_end_with_break(text: &str, at: usize) -> usize {
    let Some(i) = text[at..].find(['\n', '\r']) else {
        return text.len();
    };
    let i = at + i;
    if text[i..].starts_with("\r\n") {
        i + 2
    } else {
        i + 1
    }
}

/// The end of a block header's line, before its line break.
pub(super) fn header_end(text: &str, at: usize) -> usize {
    let end = text[at..].find(['\n', '\r']).map_or(text.len(), |i| at + i);
    // Up to the comment, which stays.
    let line = &text[at..end];
    match line.find(" #") {
        Some(i) => at + line[..i].trim_end().len(),
        None => at + line.trim_end().len(),
    }
}

/// The column of `at` in its line, in characters.
pub(super) fn column(text: &str, at: usize) -> usize {
    text[line_start(text, at)..at].chars().count()
}
