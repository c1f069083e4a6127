//! Counts: references from the text, figures and how they relate.

use std::collections::HashSet;

use super::Ctx;
use crate::diag::{Code, Diagnostic, Severity, suggest};
use crate::refs::{self, FORMATS, Piece};

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    references(ctx, out);
    values(ctx, out);
    part_of(ctx, out);
}

/// Undefined counts and unknown formats at the reference; unused counts at their
/// name; Chinese numerals beside Arabic ones.
fn references(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let counts = &ctx.report.counts;
    let mut used = HashSet::new();
    let mut arabic = 0;
    let mut chinese = Vec::new();
    for field in &ctx.fields {
        let mut seen: Vec<&str> = Vec::new();
        for piece in refs::parse(&field.text.value) {
            let Piece::Ref {
                name,
                format,
                written,
            } = piece
            else {
                continue;
            };
            let nth = seen.iter().filter(|w| **w == written).count();
            seen.push(written);
            let span = ctx.span_within(field.text, written, nth);
            let Some(count) = counts.get(name) else {
                let names = counts.iter().map(|(k, _)| k.value.as_str());
                let mut d = ctx.at(
                    Severity::Error,
                    Code::UndefinedCount,
                    ctx.t(
                        format!("引用了未定义的数字 `{name}`"),
                        format!("count `{name}` is referenced but not defined"),
                    ),
                    span,
                );
                d = match suggest(name, names) {
                    Some(best) => d.hint(ctx.t(
                        format!("是否指 `{{{best}}}`？"),
                        format!("did you mean `{{{best}}}`?"),
                    )),
                    None => d.hint(ctx.t(
                        format!("在 `counts:` 下定义它，例如 `{name}: {{ value: 1, unit: 人 }}`"),
                        format!(
                            "define it under `counts:`, e.g. `{name}: {{ value: 1, unit: 人 }}`"
                        ),
                    )),
                };
                out.push(d);
                continue;
            };
            used.insert(name.to_string());
            match format {
                "cn" if !count.approx => chinese.push((field, written, span)),
                "" => arabic += 1,
                _ => {}
            }
            if !FORMATS.contains(&format) {
                out.push(
                    ctx.at(
                        Severity::Error,
                        Code::UnknownFormat,
                        ctx.t(
                            format!("`{written}` 中的数字格式 `{format}` 无法识别"),
                            format!("unknown count format `{format}` in `{written}`"),
                        ),
                        span,
                    )
                    .hint(ctx.t(
                        "可写 `{name}`（411人）、`{name:cn}`（九篇）或 `{name:num}`（411）",
                        "write `{name}` (411人), `{name:cn}` (九篇) or `{name:num}` (411)",
                    )),
                );
            }
        }
    }
    if arabic > 0 {
        for (field, written, span) in chinese {
            out.push(
                ctx.at(
                    Severity::Warning,
                    Code::MixedNumerals,
                    ctx.t(
                        format!("{}中的 `{written}` 用汉字数字，而文中其余{arabic}处统计数字用阿拉伯数字", field.place),
                        format!("`{written}` in {} is written in Chinese numerals, the other {arabic} figures in Arabic ones", field.place),
                    ),
                    span,
                )
                .hint(ctx.t(
                    format!("统计数字宜统一用阿拉伯数字：写 `{}`", written.replace(":cn", "")),
                    format!("write figures one way, Arabic for statistics: `{}`", written.replace(":cn", "")),
                )),
            );
        }
    }
    for (name, _) in counts.iter() {
        if !used.contains(&name.value) {
            out.push(
                ctx.at(
                    Severity::Warning,
                    Code::UnusedCount,
                    ctx.t(
                        format!("数字 `{}` 已定义但未被引用", name.value),
                        format!("count `{}` is defined but never used", name.value),
                    ),
                    ctx.span_covering(name, &name.value),
                )
                .hint(ctx.t(
                    format!("在正文中写 `{{{}}}` 引用它，或删除它", name.value),
                    format!(
                        "reference it in the text as `{{{}}}`, or remove it",
                        name.value
                    ),
                )),
            );
        }
    }
}

/// Counts without a value, and percentages outside 0–100.
fn values(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (name, count) in ctx.report.counts.iter() {
        let Some(value) = &count.value else {
            if ctx.facts.of(&name.value).sum.is_some() {
                continue;
            }
            out.push(
                ctx.at(
                    Severity::Warning,
                    Code::CountWithoutValue,
                    ctx.t(
                        format!("数字 `{}` 没有数值", name.value),
                        format!("count `{}` has no value", name.value),
                    ),
                    ctx.span_covering(name, &name.value),
                )
                .hint(ctx.t(
                    format!("补上 `value:`；在此之前正文显示“{}”", refs::MISSING_VALUE),
                    format!(
                        "add `value:`; until then the text shows “{}”",
                        refs::MISSING_VALUE
                    ),
                )),
            );
            continue;
        };
        let is_percent = matches!(count.unit.trim(), "%" | "％" | "percent");
        if is_percent && !(0.0..=100.0).contains(&value.value) {
            out.push(
                ctx.at(
                    Severity::Error,
                    Code::PercentOutOfRange,
                    ctx.t(
                        format!("百分比 `{}` 为 {}%，超出 0–100", name.value, value.value),
                        format!(
                            "percentage `{}` is {}%, outside 0–100",
                            name.value, value.value
                        ),
                    ),
                    ctx.span_of(value),
                )
                .hint(ctx.t(
                    "检查数值；增长率等可超过100的数字请用其他单位",
                    "check the value; a growth rate that can exceed 100 needs another unit",
                )),
            );
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
            let mut d = ctx.at(
                Severity::Error,
                Code::UnknownPartOf,
                ctx.t(
                    format!(
                        "`{}` 的 part_of 指向未定义的数字 `{}`",
                        name.value, whole_name.value
                    ),
                    format!(
                        "`{}` is part of `{}`, which is not defined",
                        name.value, whole_name.value
                    ),
                ),
                ctx.span_covering(whole_name, &whole_name.value),
            );
            if let Some(best) = suggest(&whole_name.value, names) {
                d = d.hint(ctx.t(
                    format!("是否指 `{best}`？"),
                    format!("did you mean `{best}`?"),
                ));
            }
            out.push(d);
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
            out.push(
                ctx.at(
                    Severity::Error,
                    Code::PartExceedsWhole,
                    ctx.t(
                        format!(
                            "`{}`（{}）是 `{}`（{}）的一部分，却比它大",
                            name.value, part, whole_name.value, total
                        ),
                        format!(
                            "`{}` ({}) is part of `{}` ({}) but exceeds it",
                            name.value, part, whole_name.value, total
                        ),
                    ),
                    at,
                )
                .hint(ctx.t(
                    "两个数字至少有一个有误：请核对原始记录",
                    "one of the two figures is wrong: check the records",
                )),
            );
        }
    }
}
