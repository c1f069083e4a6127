//! Structure: the plan year, dates, duplicates and what is still empty.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::{Ctx, DATE_GRACE_DAYS, TextKind, parse_date, span_covering, span_of};
use crate::diag::{Code, Diagnostic, Severity};

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    plan_year(ctx, out);
    document_date(ctx, out);
    dates_in_text(ctx, out);
    duplicates(ctx, out);
    empty(ctx, out);
}

fn plan_year(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(plans) = &ctx.report.plans else {
        return;
    };
    let year = ctx.report.meta.year.value;
    let planned = plans.year.value;
    if planned != year + 1 {
        out.push(
            ctx.at(
                Severity::Error,
                Code::PlanYear,
                ctx.t(
                    format!("计划年度为{planned}年，但总结的是{year}年"),
                    format!("the plan is for {planned}, but the report covers {year}"),
                ),
                span_covering(&plans.year, &planned.to_string()),
            )
            .hint(ctx.t(
                format!("{year}年的总结，计划的是{}年", year + 1),
                format!("a report on {year} plans for {}", year + 1),
            )),
        );
    }
}

fn document_date(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let date = &ctx.report.meta.date;
    let written = date.value.trim();
    let span = span_covering(date, &date.value);
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
    let year = ctx.report.meta.year.value;
    let (Some(start), Some(end)) = (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) else {
        return;
    };
    let latest = end + chrono::Duration::days(DATE_GRACE_DAYS);
    if parsed < start || parsed > latest {
        out.push(
            ctx.at(
                Severity::Error,
                Code::DocumentDate,
                ctx.t(
                    format!("成文日期 {written} 不在{year}年或其后{DATE_GRACE_DAYS}天内"),
                    format!("the document is dated {written}, outside the period {year}"),
                ),
                span,
            )
            .hint(ctx.t(
                format!("{year}年的总结应在 {start} 至 {latest} 之间成文"),
                format!("a report on {year} is dated between {start} and {latest} ({DATE_GRACE_DAYS} days after the year ends)"),
            )),
        );
    }
}

/// Dates written in the summary's text ("2020年6月", "2020年10月8日") that lie
/// outside the period or do not exist.
fn dates_in_text(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let year = ctx.report.meta.year.value;
    for field in &ctx.fields {
        if field.kind == TextKind::Name || field.in_plan {
            continue;
        }
        let mut occurrences: HashMap<String, usize> = HashMap::new();
        for (written, y, m, d) in chinese_dates(&field.text.value) {
            let nth = *occurrences
                .entry(written.clone())
                .and_modify(|n| *n += 1)
                .or_insert(0);
            let real = match d {
                Some(d) => NaiveDate::from_ymd_opt(y, m, d).is_some(),
                None => (1..=12).contains(&m),
            };
            if real && y == year {
                continue;
            }
            let span = ctx.span_within(field.text, &written, nth);
            let message = if real {
                ctx.t(
                    format!("{}提到的“{written}”不在{year}年内", field.place),
                    format!(
                        "“{written}” in {} lies outside the period {year}",
                        field.place
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

/// "2020年6月" and "2020年6月8日" in a text: (as written, year, month, day).
fn chinese_dates(text: &str) -> Vec<(String, i32, u32, Option<u32>)> {
    let chars: Vec<char> = text.chars().collect();
    let number = |from: usize, max: usize| -> Option<(u32, usize)> {
        let digits: String = chars[from..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .take(max + 1)
            .collect();
        (!digits.is_empty() && digits.len() <= max)
            .then(|| (digits.parse().unwrap_or(0), from + digits.len()))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts_number = chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_ascii_digit());
        if starts_number
            && let Some((y, after_y)) = number(i, 4).filter(|(_, end)| end - i == 4)
            && chars.get(after_y) == Some(&'年')
            && let Some((m, after_m)) = number(after_y + 1, 2)
            && chars.get(after_m) == Some(&'月')
        {
            let mut end = after_m + 1;
            let mut day = None;
            if let Some((d, after_d)) = number(end, 2)
                && chars.get(after_d) == Some(&'日')
            {
                day = Some(d);
                end = after_d + 1;
            }
            out.push((chars[i..end].iter().collect(), y as i32, m, day));
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

/// The same section title twice, the same plan id twice, identical points.
fn duplicates(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let mut titles: HashMap<&str, usize> = HashMap::new();
    for section in &ctx.report.summary.sections {
        let title = section.title.value.trim();
        if let Some(line) = titles.insert(title, section.title.referenced.line() as usize) {
            out.push(
                ctx.at(
                    Severity::Warning,
                    Code::DuplicateTitle,
                    ctx.t(
                        format!("总结中已有同名小节“{title}”（第{line}行）"),
                        format!("the summary has a section “{title}” already (line {line})"),
                    ),
                    span_covering(&section.title, &section.title.value),
                )
                .hint(ctx.t(
                    "合并两个小节，或改用不同的标题",
                    "merge the two sections or give them different titles",
                )),
            );
        }
    }
    if let Some(plans) = &ctx.report.plans {
        let mut ids: HashMap<&str, usize> = HashMap::new();
        let mut plan_titles: HashMap<&str, usize> = HashMap::new();
        for section in &plans.sections {
            if let Some(id) = &section.id
                && let Some(line) = ids.insert(id.value.as_str(), id.referenced.line() as usize)
            {
                out.push(
                    ctx.at(
                        Severity::Error,
                        Code::DuplicateId,
                        ctx.t(
                            format!("计划编号 `{}` 已在第{line}行用过", id.value),
                            format!("plan id `{}` is used already (line {line})", id.value),
                        ),
                        span_covering(id, &id.value),
                    )
                    .hint(ctx.t("每项计划的 id 必须唯一", "each plan needs an id of its own")),
                );
            }
            let title = section.title.value.trim();
            if let Some(line) = plan_titles.insert(title, section.title.referenced.line() as usize)
            {
                out.push(
                    ctx.at(
                        Severity::Warning,
                        Code::DuplicateTitle,
                        ctx.t(
                            format!("计划中已有同名条目“{title}”（第{line}行）"),
                            format!("the plan has an item “{title}” already (line {line})"),
                        ),
                        span_covering(&section.title, &section.title.value),
                    )
                    .hint(ctx.t(
                        "合并两项，或改用不同的标题",
                        "merge the two items or give them different titles",
                    )),
                );
            }
        }
    }
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for field in ctx.fields.iter().filter(|f| f.kind != TextKind::Name) {
        let text = field.text.value.trim();
        if text.chars().count() < 4 {
            continue;
        }
        if let Some(line) = seen.insert(text, field.text.referenced.line() as usize) {
            out.push(
                ctx.at(
                    Severity::Warning,
                    Code::IdenticalPoints,
                    ctx.t(
                        format!("{}与第{line}行的内容完全相同", field.place),
                        format!("{} repeats the text of line {line}", field.place),
                    ),
                    span_of(field.text),
                )
                .hint(ctx.t("删去重复的一条", "remove one of them")),
            );
        }
    }
}

/// Sections without points, and empty strings.
fn empty(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (i, section) in ctx.report.summary.sections.iter().enumerate() {
        if section.points.is_empty() {
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
                    span_covering(&section.title, &section.title.value),
                )
                .hint(ctx.t(
                    "在 `points:` 下写上本节的工作",
                    "write the section's work under `points:`",
                )),
            );
        }
    }
    for field in &ctx.fields {
        if field.text.value.trim().is_empty() {
            out.push(
                ctx.at(
                    Severity::Warning,
                    Code::EmptyText,
                    ctx.t(
                        format!("{}是空的", field.place),
                        format!("{} is empty", field.place),
                    ),
                    span_of(field.text),
                )
                .hint(ctx.t(
                    "写上内容，或删去这一项",
                    "write the text or remove the entry",
                )),
            );
        }
    }
}
