//! Activities against counts: declared totals that differ from the activities'
//! sum, figures that add to no count, dates outside the period, unknown sections.

use super::Ctx;
use crate::diag::{Code, Diagnostic, Severity, suggest};
use crate::model::Section;
use crate::period::{Period, parse_date};

fn all_sections(sections: &[Section]) -> Vec<&Section> {
    let mut out = Vec::new();
    for s in sections {
        out.push(s);
        out.extend(all_sections(&s.sections));
        for block in &s.body {
            if let crate::model::Block::Section(sub) = block {
                out.extend(all_sections(std::slice::from_ref(sub)));
            }
        }
    }
    out
}

/// Declared against derived totals, figures of no count, activities' dates and sections.
pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let report = ctx.report;
    for (name, count) in report.counts.iter() {
        if let (Some(value), Some(derived)) = (&count.value, ctx.facts.of(&name.value).sum)
            && (value.value - derived.total).abs() > 1e-9
        {
            let list = derived.activities.join("; ");
            out.push(
                ctx.at(
                    Severity::Warning,
                    Code::DerivedMismatch,
                    ctx.t(
                        format!(
                            "`{}` 写为 {}，活动记录合计为 {}",
                            name.value,
                            crate::numerals::arabic(value.value),
                            crate::numerals::arabic(derived.total)
                        ),
                        format!(
                            "`{}` is declared {} but its activities add up to {}",
                            name.value,
                            crate::numerals::arabic(value.value),
                            crate::numerals::arabic(derived.total)
                        ),
                    ),
                    ctx.span_of(value),
                )
                .hint(ctx.t(
                    format!("合计的活动：{list}"),
                    format!("activities summed: {list}"),
                )),
            );
        }
    }
    let period = Period::of(&report.meta);
    let sections = all_sections(&report.summary.sections);
    for activity in &report.activities {
        for (name, _) in activity.figures.iter() {
            if report.counts.get(&name.value).is_none() {
                let names = report.counts.iter().map(|(k, _)| k.value.as_str());
                let mut d = ctx.at(
                    Severity::Warning,
                    Code::UndefinedCount,
                    ctx.t(
                        format!("活动数字 `{}` 没有对应的统计数字", name.value),
                        format!("activity figure `{}` adds to no count", name.value),
                    ),
                    ctx.span_covering(name, &name.value),
                );
                d.severity = Severity::Warning;
                d = match suggest(&name.value, names) {
                    Some(best) => d.hint(ctx.t(format!("是否指 `{best}`？"), format!("did you mean `{best}`?"))),
                    None => d.hint(ctx.t(
                        format!("在 `counts:` 下定义 `{}`（可不写 value，由活动合计）", name.value),
                        format!("define `{}` under `counts:` (without a value, the activities add up to it)", name.value),
                    )),
                };
                out.push(d);
            }
        }
        match parse_date(&activity.date.value) {
            Some(date) if date >= period.start() && date <= period.end() => {}
            parsed => out.push(
                ctx.at(
                    Severity::Warning,
                    Code::DateOutsidePeriod,
                    match parsed {
                        Some(_) => ctx.t(
                            format!(
                                "活动“{}”的日期 {} 不在{}内",
                                activity.title.value,
                                activity.date.value,
                                period.label_zh(None)
                            ),
                            format!(
                                "activity “{}” is dated {}, outside {}",
                                activity.title.value,
                                activity.date.value,
                                period.label_en()
                            ),
                        ),
                        None => ctx.t(
                            format!(
                                "活动“{}”的日期 `{}` 无效",
                                activity.title.value, activity.date.value
                            ),
                            format!(
                                "activity “{}” has no real date: `{}`",
                                activity.title.value, activity.date.value
                            ),
                        ),
                    },
                    ctx.span_covering(&activity.date, &activity.date.value),
                )
                .hint(ctx.t(
                    "按 YYYY-MM-DD 写本期内的日期",
                    "write a date of the period as YYYY-MM-DD",
                )),
            ),
        }
        if let Some(section) = &activity.section
            && !sections.iter().any(|s| s.is_named(&section.value))
        {
            let titles = sections
                .iter()
                .map(|s| s.id.as_ref().unwrap_or(&s.title).value.as_str());
            let mut d = ctx.at(
                Severity::Warning,
                Code::UnknownSection,
                ctx.t(
                    format!(
                        "活动“{}”所属的小节“{}”不存在",
                        activity.title.value, section.value
                    ),
                    format!(
                        "activity “{}” belongs to “{}”, which is no section",
                        activity.title.value, section.value
                    ),
                ),
                ctx.span_covering(section, &section.value),
            );
            if let Some(best) = suggest(&section.value, titles) {
                d = d.hint(ctx.t(
                    format!("是否指“{best}”？"),
                    format!("did you mean “{best}”?"),
                ));
            }
            out.push(d);
        }
    }
}
