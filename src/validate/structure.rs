//! Structure: the plan year, dates, duplicates and what is still empty.

use std::collections::HashMap;

use super::{Ctx, DATE_GRACE_DAYS, TextKind};
use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::period::Period;
use crate::period::parse_date;

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    plan_year(ctx, out);
    period(ctx, out);
    document_date(ctx, out);
    dates_in_text(ctx, out);
    duplicates(ctx, out);
    empty(ctx, out);
}

fn plan_year(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(year) = ctx.report.plans.as_ref().and_then(|p| p.year.as_ref()) else {
        return;
    };
    let period = Period::of(&ctx.report.meta);
    let expected = period.next().year();
    let planned = year.value;
    if planned != expected {
        out.push(
            ctx.at(
                Severity::Error,
                Code::PlanYear,
                ctx.t(
                    format!("计划年度为{planned}年，但总结的是{}", period.label_zh(None)),
                    format!(
                        "the plan is for {planned}, but the report covers {}",
                        period.label_en()
                    ),
                ),
                ctx.span_covering(year, &planned.to_string()),
            )
            .hint(ctx.t(
                format!(
                    "{}的总结，计划的是{expected}年（也可省略 plans.year）",
                    period.label_zh(None)
                ),
                format!(
                    "a report on {} plans for {expected} (or leave plans.year out)",
                    period.label_en()
                ),
            )),
        );
    }
}

/// `half:` is 1 or 2; `from:` and `to:` come together, are real dates in order,
/// and are not mixed with `half:`.
fn period(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let meta = &ctx.report.meta;
    if let Some(half) = &meta.half
        && !matches!(half.value, 1 | 2)
    {
        out.push(
            ctx.at(
                Severity::Error,
                Code::Period,
                ctx.t(
                    format!("`half: {}` 无效：上半年写 1，下半年写 2", half.value),
                    format!("`half: {}` is not a half: write 1 or 2", half.value),
                ),
                ctx.span_covering(half, &half.value.to_string()),
            )
            .hint(ctx.t(
                "上半年 half: 1，下半年 half: 2",
                "half: 1 for January–June, 2 for July–December",
            )),
        );
    }
    for (field, name) in [(&meta.from, "from"), (&meta.to, "to")] {
        if let Some(text) = field
            && parse_date(&text.value).is_none()
        {
            out.push(
                ctx.at(
                    Severity::Error,
                    Code::Period,
                    ctx.t(
                        format!("`{name}: {}` 不是有效日期", text.value),
                        format!("`{name}: {}` is not a real date", text.value),
                    ),
                    ctx.span_covering(text, &text.value),
                )
                .hint(ctx.t("按 YYYY-MM-DD 写日期", "write the date as YYYY-MM-DD")),
            );
        }
    }
    let first = meta.from.as_ref().or(meta.to.as_ref());
    let problem = match (&meta.from, &meta.to) {
        (Some(_), None) | (None, Some(_)) => Some(ctx.t(
            "`from:` 和 `to:` 须同时给出",
            "`from:` and `to:` go together",
        )),
        (Some(from), Some(to)) => match (parse_date(&from.value), parse_date(&to.value)) {
            (Some(f), Some(t)) if f > t => {
                Some(ctx.t("`from:` 晚于 `to:`", "`from:` is after `to:`"))
            }
            _ if meta.half.is_some() => Some(ctx.t(
                "`half:` 与 `from:`/`to:` 只能选一种",
                "give either `half:` or `from:`/`to:`, not both",
            )),
            _ => None,
        },
        (None, None) => None,
    };
    if let (Some(message), Some(first)) = (problem, first) {
        out.push(
            ctx.at(
                Severity::Error,
                Code::Period,
                message,
                ctx.span_covering(first, &first.value),
            )
            .hint(ctx.t(
                "例如 from: 2022-03-01 与 to: 2022-08-31",
                "e.g. from: 2022-03-01 and to: 2022-08-31",
            )),
        );
    }
}

fn document_date(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let date = &ctx.report.meta.date;
    let written = date.value.trim();
    let span = ctx.span_covering(date, &date.value);
    let Some(parsed) = parse_date(written) else {
        out.push(
            ctx.at(
                Severity::Error,
                Code::DocumentDate,
                ctx.t(
                    format!("`{written}` 不是有效日期"),
                    format!("`{written}` is not a real date"),
                ),
                span,
            )
            .hint(ctx.t(
                "按 YYYY-MM-DD 写日期，例如 2020-12-08",
                "write the date as YYYY-MM-DD, e.g. 2020-12-08",
            )),
        );
        return;
    };
    let period = Period::of(&ctx.report.meta);
    let (start, end) = (period.start(), period.end());
    let latest = end + chrono::Duration::days(DATE_GRACE_DAYS);
    if parsed < start || parsed > latest {
        out.push(
            ctx.at(
                Severity::Error,
                Code::DocumentDate,
                ctx.t(
                    format!("成文日期 {written} 不在{}或其后{DATE_GRACE_DAYS}天内", period.label_zh(None)),
                    format!("the document is dated {written}, outside the period {}", period.label_en()),
                ),
                span,
            )
            .hint(ctx.t(
                format!("{}的总结应在 {start} 至 {latest} 之间成文", period.label_zh(None)),
                format!(
                    "a report on {} is dated between {start} and {latest} ({DATE_GRACE_DAYS} days after the period ends)",
                    period.label_en()
                ),
            )),
        );
    }
}

/// Dates written in the summary's text ("2020年6月", "2020年10月8日") that lie
/// outside the period or do not exist.
fn dates_in_text(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let period = Period::of(&ctx.report.meta);
    for field in &ctx.fields {
        if matches!(field.kind, TextKind::Name | TextKind::Cell) || field.in_plan {
            continue;
        }
        let mut occurrences: HashMap<String, usize> = HashMap::new();
        for date in crate::cjk::chinese_dates(&field.text.value) {
            let written = date.written.clone();
            let nth = *occurrences
                .entry(written.clone())
                .and_modify(|n| *n += 1)
                .or_insert(0);
            let real = date.is_real();
            if real && period.has_month(date.year, date.month) {
                continue;
            }
            let span = ctx.span_within(field.text, &written, nth);
            let message = if real {
                ctx.t(
                    format!(
                        "{}提到的“{written}”不在{}内",
                        field.place,
                        period.label_zh(None)
                    ),
                    format!(
                        "“{written}” in {} lies outside the period {}",
                        field.place,
                        period.label_en()
                    ),
                )
            } else {
                ctx.t(
                    format!("{}中的“{written}”不是有效日期", field.place),
                    format!("“{written}” in {} is not a real date", field.place),
                )
            };
            out.push(
                ctx.at(Severity::Warning, Code::DateOutsidePeriod, message, span)
                    .hint(ctx.t(
                        "核对日期；总结只写本年度的工作",
                        "check the date: a summary covers its own period",
                    )),
            );
        }
    }
}

/// The same section title twice, the same plan id twice, identical points.
fn duplicates(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let first_here = || ctx.t("第一次出现在这里", "first here");
    let mut titles: HashMap<&str, Span> = HashMap::new();
    for section in &ctx.report.summary.sections {
        let title = section.title.value.trim();
        let span = ctx.span_covering(&section.title, &section.title.value);
        if let Some(first) = titles.insert(title, span) {
            out.push(
                ctx.at(
                    Severity::Warning,
                    Code::DuplicateTitle,
                    ctx.t(
                        format!("总结中已有同名小节“{title}”"),
                        format!("the summary has a section “{title}” already"),
                    ),
                    span,
                )
                .label(first, first_here())
                .hint(ctx.t(
                    "合并两个小节，或改用不同的标题",
                    "merge the two sections or give them different titles",
                )),
            );
        }
    }
    if let Some(plans) = &ctx.report.plans {
        let mut ids: HashMap<&str, Span> = HashMap::new();
        let mut plan_titles: HashMap<&str, Span> = HashMap::new();
        for section in &plans.sections {
            if let Some(id) = &section.id
                && let Some(first) = ids.insert(id.value.as_str(), ctx.span_covering(id, &id.value))
            {
                out.push(
                    ctx.at(
                        Severity::Error,
                        Code::DuplicateId,
                        ctx.t(
                            format!("计划编号 `{}` 已用过", id.value),
                            format!("plan id `{}` is used already", id.value),
                        ),
                        ctx.span_covering(id, &id.value),
                    )
                    .label(first, first_here())
                    .hint(ctx.t("每项计划的 id 必须唯一", "each plan needs an id of its own")),
                );
            }
            let title = section.title.value.trim();
            let span = ctx.span_covering(&section.title, &section.title.value);
            if let Some(first) = plan_titles.insert(title, span) {
                out.push(
                    ctx.at(
                        Severity::Warning,
                        Code::DuplicateTitle,
                        ctx.t(
                            format!("计划中已有同名条目“{title}”"),
                            format!("the plan has an item “{title}” already"),
                        ),
                        span,
                    )
                    .label(first, first_here())
                    .hint(ctx.t(
                        "合并两项，或改用不同的标题",
                        "merge the two items or give them different titles",
                    )),
                );
            }
        }
    }
    let mut seen: HashMap<&str, Span> = HashMap::new();
    for field in ctx
        .fields
        .iter()
        .filter(|f| !matches!(f.kind, TextKind::Name | TextKind::Cell))
    {
        let text = field.text.value.trim();
        if text.chars().count() < 4 {
            continue;
        }
        if let Some(first) = seen.insert(text, ctx.span_of(field.text)) {
            out.push(
                ctx.at(
                    Severity::Warning,
                    Code::IdenticalPoints,
                    ctx.t(
                        format!("{}与前文的内容完全相同", field.place),
                        format!("{} repeats an earlier text", field.place),
                    ),
                    ctx.span_of(field.text),
                )
                .label(first, first_here())
                .hint(ctx.t("删去重复的一条", "remove one of them")),
            );
        }
    }
}

/// Sections without points, and empty strings.
fn empty(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (i, section) in ctx.report.summary.sections.iter().enumerate() {
        if section.points.is_empty() && section.body.is_empty() && section.sections.is_empty() {
            let n = i + 1;
            out.push(
                ctx.at(
                    Severity::Warning,
                    Code::SectionWithoutPoints,
                    ctx.t(
                        format!("总结第{n}节“{}”没有内容", section.title.value),
                        format!(
                            "summary section {n} “{}” has no points",
                            section.title.value
                        ),
                    ),
                    ctx.span_covering(&section.title, &section.title.value),
                )
                .hint(ctx.t(
                    "在 `points:` 下写上本节的工作",
                    "write the section's work under `points:`",
                )),
            );
        }
    }
    for field in ctx.fields.iter().filter(|f| f.kind != TextKind::Cell) {
        if field.text.value.trim().is_empty() {
            out.push(
                ctx.at(
                    Severity::Warning,
                    Code::EmptyText,
                    ctx.t(
                        format!("{}是空的", field.place),
                        format!("{} is empty", field.place),
                    ),
                    ctx.span_of(field.text),
                )
                .hint(ctx.t(
                    "写上内容，或删去这一项",
                    "write the text or remove the entry",
                )),
            );
        }
    }
}
