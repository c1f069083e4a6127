//! Counts: references from the text, figures and how they relate.

use std::collections::HashSet;

use super::Ctx;
use crate::diag::Diagnostic;
use crate::messages::Message;
use crate::messages::suggest;
use crate::model::Report;
use crate::refs::{self, FORMATS};

/// A count as the person knows it, in a message: its label ("联合会议次数"),
/// else its name. (The name is what the text writes, `{joint_meetings}`;
/// a Chinese reader knows the count by its label.)
pub(super) fn called(report: &Report, name: &str) -> String {
    report
        .counts
        .get(name)
        .and_then(|count| count.label.as_ref())
        .map(|label| refs::literal(label.value.trim()))
        .filter(|label| {
            !label.is_empty()
                && !label
                    .chars()
                    .any(|c| c == '\n' || crate::source::forbidden(c))
        })
        .unwrap_or_else(|| name.to_string())
}

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let used = references(ctx, out);
    let to_fill = to_fill(ctx, &used);
    unused(ctx, &used, &to_fill, out);
    values(ctx, &to_fill, out);
    part_of(ctx, out);
}

/// The counts still to fill: no value (written or added up from activities)
/// and no reference in the text yet, as `next` carries last period's counts
/// into a new one. That is no fault of each: they are said once, together.
fn to_fill(ctx: &Ctx, used: &HashSet<String>) -> Vec<String> {
    ctx.report
        .counts
        .iter()
        .filter(|(name, count)| {
            count.value.is_none()
                && !used.contains(&name.value)
                && refs::is_name(&name.value)
                && ctx.facts.of(&name.value).is_none_or(|f| f.sum.is_none())
        })
        .map(|(name, _)| name.value.clone())
        .collect()
}

/// Undefined counts and unknown formats at the reference; Chinese numerals
/// beside Arabic ones. The names of the counts referenced.
fn references(ctx: &Ctx, out: &mut Vec<Diagnostic>) -> HashSet<String> {
    let counts = &ctx.report.counts;
    let mut used = HashSet::new();
    let mut arabic = 0;
    let mut chinese = Vec::new();
    for field in &ctx.fields {
        let value = &field.text.value;
        for (offset, written, fixed) in refs::spaced(value) {
            // Only a name of a count: braces with other words stay text.
            let name = fixed[1..fixed.len() - 1].split([':', '：']).next();
            if name.is_some_and(|n| counts.get(n).is_some()) {
                let span = ctx.span_at(field.text, offset, written.len());
                let message = Message::SpacedReference {
                    written: written.to_string(),
                    fixed,
                };
                out.push(ctx.emit(message, span));
            }
        }
        for (offset, name, format, written) in refs::placed(value) {
            let span = ctx.span_at(field.text, offset, written.len());
            let Some(count) = counts.get(name) else {
                let names = counts.iter().map(|(k, _)| k.value.as_str());
                let best = suggest(name, names).map(str::to_string);
                let name = name.to_string();
                out.push(ctx.emit(Message::UndefinedCount { name, best }, span));
                continue;
            };
            used.insert(name.to_string());
            match format {
                "cn" if !count.approx.is_approx() => {
                    let shown = refs::format_count(&ctx.facts.figure(name, count), "cn", false);
                    chinese.push((field, written, span, called(ctx.report, name), shown));
                }
                "" => arabic += 1,
                _ => {}
            }
            if !FORMATS.contains(&format) {
                let (format, written) = (format.to_string(), written.to_string());
                out.push(ctx.emit(Message::UnknownFormat { format, written }, span));
            } else if format == "cn" && ctx.report.meta.language() == crate::model::Lang::En {
                let written = written.to_string();
                out.push(ctx.emit(Message::ChineseNumeralsInEnglish { written }, span));
            }
        }
    }
    let mut in_text = Vec::new();
    for field in ctx
        .fields
        .iter()
        .filter(|f| f.kind != super::TextKind::Name)
    {
        let (plain_arabic, plain_chinese) = plain_figures(&field.text.value);
        arabic += plain_arabic;
        in_text.extend(plain_chinese.into_iter().map(|c| (field, c)));
    }
    if arabic > 0 {
        for (field, (offset, written, value)) in in_text {
            let span = ctx.span_at(field.text, offset, written.len());
            let unit = written.trim_start_matches(|c| CHINESE_DIGITS.contains(c));
            let message = Message::MixedNumeralsInText {
                place: field.place.clone(),
                written: written.to_string(),
                arabic,
                digits: format!("{value}{unit}"),
            };
            out.push(ctx.emit(message, span));
        }
        for (field, written, span, count, shown) in chinese {
            let message = Message::MixedNumerals {
                place: field.place.clone(),
                written: written.to_string(),
                arabic,
                count,
                shown,
            };
            out.push(ctx.emit(message, span));
        }
    }
    used
}

/// Counts the text does not use, at their name (those still to fill are
/// said with the counts without a value).
fn unused(ctx: &Ctx, used: &HashSet<String>, to_fill: &[String], out: &mut Vec<Diagnostic>) {
    for (name, _) in ctx.report.counts.iter() {
        if !used.contains(&name.value) && !to_fill.contains(&name.value) {
            let span = ctx.span_covering(name, &name.value);
            let count = called(ctx.report, &name.value);
            let name = name.value.clone();
            let message = if refs::is_name(&name) {
                Message::UnusedCount { name, count }
            } else {
                let typed = typed_name(&name);
                Message::UnreferenceableCount { name, typed }
            };
            out.push(ctx.emit(message, span));
        }
    }
}

/// A name the text can reference made of one it cannot: its letters, digits,
/// `_` and `-`, the digits it starts with moved to its end (`2020慰问` →
/// `慰问2020`), `_` first when no letter is left.
fn typed_name(name: &str) -> String {
    let kept: String = name
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '_' | '-'))
        .collect();
    let lead = kept
        .find(|c: char| c.is_alphabetic() || c == '_')
        .unwrap_or(kept.len());
    let typed = format!("{}{}", &kept[lead..], &kept[..lead]);
    if refs::is_name(&typed) {
        typed
    } else {
        format!("_{typed}")
    }
}

/// The characters of Chinese numerals in running text.
const CHINESE_DIGITS: &str = "一二三四五六七八九十两百千万";

/// Figures written in plain text before a counting unit: how many in Arabic
/// numerals ("40户"), and those in Chinese numerals ("三户": offset, text, value).
/// Not counted: "一" alone (一人一档), ordinals (第三次), 个 (四个方面, 两个维护:
/// structure more often than statistics), and what stands inside quotes or
/// titles (“四个意识”, 《三年行动计划》).
fn plain_figures(text: &str) -> (usize, Vec<(usize, &str, u64)>) {
    let mut arabic = 0;
    let mut chinese = Vec::new();
    let mut quoted = 0i32;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        match c {
            '“' | '《' | '‘' | '「' => quoted += 1,
            '”' | '》' | '’' | '」' => quoted = (quoted - 1).max(0),
            _ => {}
        }
        let is_arabic = c.is_ascii_digit();
        let is_chinese = CHINESE_DIGITS.contains(c);
        if !(is_arabic || is_chinese) {
            i += 1;
            continue;
        }
        let same = |d: char| {
            if is_arabic {
                d.is_ascii_digit() || d == '.'
            } else {
                CHINESE_DIGITS.contains(d)
            }
        };
        let end = (i..chars.len())
            .find(|&j| !same(chars[j].1))
            .unwrap_or(chars.len());
        let unit_at = chars.get(end).map_or(text.len(), |(a, _)| *a);
        let unit = COUNTED_UNITS
            .iter()
            .filter(|u| text[unit_at..].starts_with(**u))
            .max_by_key(|u| u.len());
        let before = i.checked_sub(1).map(|p| chars[p].1);
        if let Some(unit) = unit {
            let number = &text[at..unit_at];
            if is_arabic && !before.is_some_and(|b| b.is_ascii_alphabetic()) {
                arabic += 1;
            } else if is_chinese
                && quoted == 0
                && *unit != "个"
                && number != "一"
                && before != Some('第')
                && let Some(value) = crate::numerals::parse_chinese(number)
            {
                chinese.push((at, &text[at..unit_at + unit.len()], value));
            }
        }
        i = end;
    }
    (arabic, chinese)
}

/// Units that count whole things: a value in them is a whole number, at least 0.
const COUNTED_UNITS: [&str; 24] = [
    "人", "名", "位", "个", "项", "件", "次", "类", "条", "篇", "份", "所", "户", "场", "期", "家",
    "支", "人次", "户次", "本", "台", "张", "套", "批",
];

/// The bound of every figure: a value is below it (10¹⁵, above which a
/// double no longer holds every whole number exactly enough to print it).
pub const FIGURE_LIMIT: f64 = 1e15;

/// Values no document should print: not finite, too large to print exactly,
/// or a negative or partial number of people or things.
/// `count`: the count as the person knows it.
pub(super) fn figure_problem(
    count: String,
    value: f64,
    unit: &str,
    signed: bool,
) -> Option<Message> {
    if !value.is_finite() {
        return Some(Message::FigureNotFinite { count });
    }
    if value.abs() >= FIGURE_LIMIT {
        return Some(Message::FigureTooLarge { count });
    }
    let unit = unit.trim();
    let counted = COUNTED_UNITS.contains(&unit);
    (counted && ((value < 0.0 && !signed) || value.fract() != 0.0)).then(|| {
        Message::FigureNotCounted {
            count,
            value,
            unit: unit.to_string(),
        }
    })
}

/// Counts without a value (those still to fill in one diagnostic, at the
/// first), values no document should print, percentages outside 0–100, and
/// labels, notes and units with control characters or line breaks.
fn values(ctx: &Ctx, to_fill: &[String], out: &mut Vec<Diagnostic>) {
    if let Some(first) = to_fill.first()
        && let Some((name, _)) = ctx.report.counts.iter().find(|(n, _)| n.value == *first)
    {
        let counts = to_fill.iter().map(|n| called(ctx.report, n)).collect();
        let message = Message::CountsToFill { counts };
        out.push(ctx.emit(message, ctx.span_covering(name, &name.value)));
    }
    for (name, count) in ctx.report.counts.iter() {
        let called = called(ctx.report, &name.value);
        for (text, what) in [(&count.label, "label"), (&count.note, "note")] {
            if let Some(text) = text {
                let place = super::Places(ctx.lang).count_field(&called, what);
                out.extend(super::text::line_and_control_diagnostics(
                    ctx,
                    text,
                    &place,
                    what == "label",
                ));
            }
        }
        if count
            .unit
            .chars()
            .any(|c| c == '\n' || crate::source::forbidden(c))
        {
            let place = super::Places(ctx.lang).count_field(&called, "unit");
            let message = match count.unit.chars().find(|&c| crate::source::forbidden(c)) {
                Some(c) => Message::ControlCharacter {
                    place,
                    code_point: c as u32,
                },
                None => Message::LineBreak { place },
            };
            out.push(ctx.emit(message, ctx.span_covering(name, &name.value)));
        }
        let Some(value) = &count.value else {
            if ctx.facts.of(&name.value).is_some_and(|f| f.sum.is_some())
                || to_fill.contains(&name.value)
            {
                continue;
            }
            let span = ctx.span_covering(name, &name.value);
            let message = Message::CountWithoutValue {
                count: called,
                missing: refs::MISSING_VALUE,
            };
            out.push(ctx.emit(message, span));
            continue;
        };
        if let Some(message) =
            figure_problem(called.clone(), value.value, &count.unit, count.signed)
        {
            out.push(ctx.emit(message, ctx.span_of(value)));
            continue;
        }
        let is_percent = matches!(count.unit.trim(), "%" | "％" | "percent");
        if is_percent && !(0.0..=100.0).contains(&value.value) {
            let message = Message::PercentOutOfRange {
                count: called,
                value: value.value,
            };
            out.push(ctx.emit(message, ctx.span_of(value)));
        }
    }
}

/// `part_of:` names a count, and the part does not exceed the whole.
fn part_of(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let counts = &ctx.report.counts;
    for (name, count) in counts.iter() {
        let Some(whole_name) = &count.part_of else {
            continue;
        };
        let Some(whole) = counts.get(&whole_name.value) else {
            let names = counts.iter().map(|(k, _)| k.value.as_str());
            let message = Message::UnknownPartOf {
                count: called(ctx.report, &name.value),
                whole: whole_name.value.clone(),
                best: suggest(&whole_name.value, names).map(str::to_string),
            };
            out.push(ctx.emit(message, ctx.span_covering(whole_name, &whole_name.value)));
            continue;
        };
        if let (Some(part), Some(total)) = (
            ctx.facts.figure(&name.value, count).value,
            ctx.facts.figure(&whole_name.value, whole).value,
        ) && part > total
        {
            let at = count
                .value
                .as_ref()
                .map(|v| ctx.span_of(v))
                .unwrap_or_else(|| ctx.span_covering(name, &name.value));
            let message = Message::PartExceedsWhole {
                count: called(ctx.report, &name.value),
                part,
                whole: called(ctx.report, &whole_name.value),
                total,
            };
            out.push(ctx.emit(message, at));
        }
    }
}
