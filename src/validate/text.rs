//! Text: placeholders, brackets and quotes, punctuation, spaces and sentence ends.

use super::{Ctx, Field, PLACEHOLDERS, TextKind};
use crate::cjk::{ends_sentence, is_han};
use crate::diag::{Diagnostic, Span};
use crate::messages::Message;
use crate::source::forbidden;

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let mut styles: Vec<(&str, &Field, usize)> = Vec::new();
    for field in &ctx.fields {
        control_characters(ctx, field, out);
        placeholders(ctx, field, out);
        if let Some((marker, len)) = leading_number(&field.text.value) {
            if ctx.numbered.contains(&(&field.text.value as *const String)) {
                let message = Message::DoubleNumbering {
                    place: field.place.clone(),
                    marker: field.text.value[..len].to_string(),
                };
                out.push(ctx.emit(message, ctx.span_at(field.text, 0, len)));
            } else if matches!(marker, "1、" | "1.") {
                styles.push((marker, field, len));
            }
        }
        brackets(ctx, field, out);
        punctuation(ctx, field, out);
        long_words(ctx, field, out);
        if field.kind == TextKind::Sentence {
            sentence_end(ctx, field, out);
        }
    }
    mixed_numbering(ctx, &styles, out);
    every_value(ctx, out);
}

/// Every value and key of every file, whatever field it is (headings, a
/// currency, an activity's text, a field nianbao does not know): a
/// character that [`forbidden`] names, where no rule above has reported it
/// with its field's name, and a YAML tag.
fn every_value(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    use crate::edit::{Key, nodes, show_path};
    let reported: Vec<Span> = out
        .iter()
        .filter(|d| d.code == crate::codes::Code::ControlCharacter)
        .filter_map(Diagnostic::span)
        .collect();
    for file in &ctx.loaded.files {
        let Ok(nodes) = nodes(&file.text) else {
            continue;
        };
        let at = |range: &std::ops::Range<usize>| {
            Span::new(
                file.base + range.start,
                file.base + range.end.max(range.start + 1),
            )
        };
        for node in &nodes {
            let place = show_path(&node.path);
            if let Some(tag) = &node.tag {
                // As written (`!!binary`), not as resolved.
                let written = file.text[node.head..node.span.start.max(node.head)]
                    .split_whitespace()
                    .find(|t| t.starts_with('!'))
                    .unwrap_or(tag);
                let message = Message::YamlTag {
                    place: place.clone(),
                    tag: written.to_string(),
                };
                out.push(ctx.emit(message, at(&(node.head..node.span.start))));
            }
            let key = match (node.path.last(), &node.key_span) {
                (Some(Key::Field(key)), Some(span)) => Some((key.as_str(), span.clone())),
                _ => None,
            };
            let value = node.value.as_deref().map(|v| (v, node.span.clone()));
            for (text, range) in key.into_iter().chain(value) {
                let Some(c) = text.chars().find(|&c| forbidden(c)) else {
                    continue;
                };
                let span = at(&range);
                if reported
                    .iter()
                    .any(|r| r.start < span.end && span.start < r.end.max(r.start + 1))
                {
                    continue;
                }
                let message = Message::ControlCharacter {
                    place: place.clone(),
                    code_point: c as u32,
                };
                out.push(ctx.emit(message, span));
            }
        }
    }
}

/// Numbers written into the text in two styles, "1、" in one place and "1." in
/// another: at each number of the style used less (or later).
fn mixed_numbering(ctx: &Ctx, styles: &[(&str, &Field, usize)], out: &mut Vec<Diagnostic>) {
    let dun = styles.iter().filter(|(m, ..)| *m == "1、").count();
    let dot = styles.len() - dun;
    if dun == 0 || dot == 0 {
        return;
    }
    let first = styles[0].0;
    let odd = if dun > dot || (dun == dot && first == "1、") {
        "1."
    } else {
        "1、"
    };
    let usual = if odd == "1." { "1、" } else { "1." };
    for (marker, field, len) in styles.iter().filter(|(m, ..)| *m == odd) {
        let message = Message::MixedNumbering {
            place: field.place.clone(),
            marker: field.text.value[..*len].to_string(),
            style: (*marker).to_string(),
            usual: usual.to_string(),
        };
        out.push(ctx.emit(message, ctx.span_at(field.text, 0, *len)));
    }
}

/// A number written at the start of a text: "1、" or "1." (Arabic, returned as
/// that style), "一、", "（一）", "（1）", "一是" (returned as themselves), with
/// its length in bytes.
fn leading_number(text: &str) -> Option<(&'static str, usize)> {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits < 4 {
        let rest = &text[digits..];
        if rest.starts_with('、') {
            return Some(("1、", digits + '、'.len_utf8()));
        }
        if (rest.starts_with('.') || rest.starts_with('．'))
            && !rest[1..].starts_with(|c: char| c.is_ascii_digit())
            && !rest.starts_with("．0")
        {
            let dot = rest.chars().next().map_or(1, char::len_utf8);
            return Some(("1.", digits + dot));
        }
        return None;
    }
    let numeral = |s: &str| {
        s.chars()
            .take_while(|c| "一二三四五六七八九十".contains(*c))
            .map(char::len_utf8)
            .sum::<usize>()
    };
    let n = numeral(text);
    if n > 0 && n <= 6 {
        let rest = &text[n..];
        if rest.starts_with('、') {
            return Some(("一、", n + '、'.len_utf8()));
        }
        if rest.starts_with('是') {
            return Some(("一是", n + '是'.len_utf8()));
        }
    }
    if let Some(inner) = text.strip_prefix('（') {
        let n = numeral(inner).max(inner.chars().take_while(char::is_ascii_digit).count());
        if n > 0 && inner[n..].starts_with('）') {
            return Some(("（一）", '（'.len_utf8() + n + '）'.len_utf8()));
        }
    }
    None
}

/// Control characters (a carriage return, an escape, NUL …) anywhere, and line
/// breaks in what is one line (titles, names, cells, problems): they would
/// change the document's structure or what a terminal shows.
fn control_characters(ctx: &Ctx, field: &Field, out: &mut Vec<Diagnostic>) {
    let one_line = matches!(field.kind, TextKind::Name | TextKind::Cell | TextKind::Item);
    out.extend(line_and_control_diagnostics(
        ctx,
        field.text,
        &field.place,
        one_line,
    ));
}

/// The diagnostics of [`control_characters`] for one string value.
pub fn line_and_control_diagnostics(
    ctx: &Ctx,
    text: &crate::model::Text,
    place: &str,
    one_line: bool,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let value = &text.value;
    if one_line && let Some(at) = value.trim_end_matches('\n').find('\n') {
        let span = ctx.span_at(text, at, 1);
        let place = place.to_string();
        out.push(ctx.emit(Message::LineBreak { place }, span));
    }
    if let Some((at, c)) = value.char_indices().find(|&(_, c)| forbidden(c)) {
        // The parser may have read an escape (`\r` in quotes): then the place
        // is the value, as the character itself is not in the file.
        let span = ctx.span_at(text, at, c.len_utf8());
        let message = Message::ControlCharacter {
            place: place.to_string(),
            code_point: c as u32,
        };
        out.push(ctx.emit(message, span));
    }
    out
}

/// Units after which a letter X stands for a figure to fill in: X名, ×人, XX件.
const FIGURE_UNITS: &str = "名人个位户项件次场篇份所家期类条本台张套批元年月日";

fn placeholders(ctx: &Ctx, field: &Field, out: &mut Vec<Diagnostic>) {
    let text = &field.text.value;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let mark = |c: char| matches!(c, 'X' | 'x' | '×' | 'Ｘ' | 'ｘ');
        if !mark(c) {
            i += 1;
            continue;
        }
        let end = (i..chars.len())
            .find(|&j| !mark(chars[j].1))
            .unwrap_or(chars.len());
        let before = i.checked_sub(1).map(|p| chars[p].1);
        let after = chars.get(end).map(|(_, c)| *c);
        let written = &text[at..chars.get(end).map_or(text.len(), |(a, _)| *a)];
        // "XX" and "×××" are reported below as placeholders of their own.
        let listed = PLACEHOLDERS.iter().any(|p| written.contains(p));
        if !listed
            && end - i <= 3
            && !before.is_some_and(|b| b.is_ascii_alphanumeric())
            && after.is_some_and(|a| FIGURE_UNITS.contains(a))
        {
            let placeholder = match written {
                "X" => "X",
                "x" => "x",
                "×" => "×",
                "××" => "××",
                "Ｘ" => "Ｘ",
                _ => "X",
            };
            let span = ctx.span_at(field.text, at, written.len());
            let message = Message::Placeholder {
                place: field.place.clone(),
                placeholder,
            };
            out.push(ctx.emit(message, span));
        }
        i = end;
    }
    for placeholder in PLACEHOLDERS {
        for (at, _) in field.text.value.match_indices(placeholder) {
            let span = ctx.span_at(field.text, at, placeholder.len());
            let message = Message::Placeholder {
                place: field.place.clone(),
                placeholder,
            };
            out.push(ctx.emit(message, span));
        }
    }
}

const PAIRS: [(char, char); 5] = [
    ('“', '”'),
    ('‘', '’'),
    ('《', '》'),
    ('（', '）'),
    ('【', '】'),
];

/// Unbalanced “” ‘’ 《》 （） 【】: a closing mark without its opening one, or an
/// opening one never closed.
fn brackets(ctx: &Ctx, field: &Field, out: &mut Vec<Diagnostic>) {
    let text = &field.text.value;
    let mut open: Vec<(char, usize)> = Vec::new();
    let mut problems: Vec<(char, usize)> = Vec::new();
    let mut previous = None;
    for (at, c) in text.char_indices() {
        let before = previous.replace(c);
        // An apostrophe: member’s, members’.
        if c == '’' && before.is_some_and(|b: char| b.is_alphabetic() && !is_han(b)) {
            continue;
        }
        if PAIRS.iter().any(|(o, _)| *o == c) {
            open.push((c, at));
        } else if let Some((o, _)) = PAIRS.iter().find(|(_, close)| *close == c) {
            match open.iter().rposition(|(oc, _)| oc == o) {
                Some(i) => {
                    // Anything opened after the match and not closed is unbalanced.
                    problems.extend(open.drain(i..).skip(1));
                }
                None => problems.push((c, at)),
            }
        }
    }
    problems.extend(open);
    problems.sort_by_key(|(_, at)| *at);
    for (c, at) in problems {
        let span = ctx.span_at(field.text, at, c.len_utf8());
        let partner = PAIRS
            .iter()
            .find_map(|(o, cl)| (*o == c).then_some(*cl).or((*cl == c).then_some(*o)))
            .unwrap_or(c);
        let message = Message::UnbalancedBracket {
            place: field.place.clone(),
            mark: c,
            partner,
        };
        out.push(ctx.emit(message, span));
    }
}

/// The full-width form of a half-width punctuation mark.
fn full_width(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '(' => '（',
        ')' => '）',
        '?' => '？',
        '!' => '！',
        _ => return None,
    })
}

/// Half-width , ; : ( ) ? ! between Chinese characters; spaces between Chinese
/// characters and digits; repeated punctuation such as 。。 or ，，.
fn punctuation(ctx: &Ctx, field: &Field, out: &mut Vec<Diagnostic>) {
    let text = &field.text.value;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let locate = |needle: String, from: usize| ctx.span_at(field.text, from, needle.len());
    for (i, &(at, c)) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(i + 1).map(|n| n.1);
        if let Some(wide) = full_width(c)
            && prev.is_some_and(is_han)
            && next.is_some_and(is_han)
        {
            let span = locate(c.to_string(), at);
            let message = Message::HalfWidthPunctuation {
                place: field.place.clone(),
                mark: c,
                wide,
            };
            out.push(ctx.emit(message, span));
        }
        if c == ' ' {
            let digit_then_han =
                prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(is_han);
            let han_then_digit =
                prev.is_some_and(is_han) && next.is_some_and(|n| n.is_ascii_digit());
            if digit_then_han || han_then_digit {
                let pair: String = [prev.unwrap_or(' '), ' ', next.unwrap_or(' ')]
                    .iter()
                    .collect();
                // The space: after the first character of the pair.
                let pair_span = locate(pair, chars[i - 1].0);
                let first_len = prev.map_or(1, char::len_utf8);
                let span = Span::new(pair_span.start + first_len, pair_span.start + first_len + 1);
                let place = field.place.clone();
                out.push(ctx.emit(Message::SpaceAroundDigits { place }, span));
            }
        }
        if "。，、；：".contains(c) && next == Some(c) && prev != Some(c) {
            let pair: String = [c, c].iter().collect();
            let span = locate(pair, at);
            let place = field.place.clone();
            out.push(ctx.emit(Message::RepeatedPunctuation { place, mark: c }, span));
        }
    }
}

/// A paragraph or point ends with sentence-final punctuation.
fn sentence_end(ctx: &Ctx, field: &Field, out: &mut Vec<Diagnostic>) {
    let text = field.text.value.trim_end();
    // Nothing, or only a closing mark, is reported elsewhere (empty text).
    let only_closer = text.chars().count() == 1 && crate::cjk::CLOSERS.contains(text);
    if text.is_empty() || only_closer || ends_sentence(text) {
        return;
    }
    let last = text.chars().next_back().map_or(1, char::len_utf8);
    let span = ctx.span_at(field.text, text.len() - last, last);
    let place = field.place.clone();
    out.push(ctx.emit(Message::MissingEndPunctuation { place }, span));
}

/// How many characters of a long run the warning quotes.
const QUOTED: usize = 20;

/// Runs of more than [`crate::cjk::LONG_RUN`] characters without a space (a
/// URL, a word of hundreds of letters): longer than a line, they are broken
/// where the line ends, which the writer should know. At the whole run.
fn long_words(ctx: &Ctx, field: &Field, out: &mut Vec<Diagnostic>) {
    let text = &field.text.value;
    for run in crate::cjk::long_runs(text) {
        let written = &text[run.clone()];
        let message = Message::LongWord {
            place: field.place.clone(),
            start: written.chars().take(QUOTED).collect(),
            chars: written.chars().count(),
        };
        out.push(ctx.emit(message, ctx.span_at(field.text, run.start, run.len())));
    }
}
