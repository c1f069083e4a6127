//! Activities logged through the year: their figures add up to the counts, and a
//! section can list its activities.

use crate::diag::{Code, Diagnostic, Severity, suggest};
use crate::model::{Count, Derived, Report, Section};
use crate::period::Period;
use crate::validate::{Ctx, parse_date, span_covering, span_of};

impl Count {
    /// The value written, or else the sum of the activities' figures.
    pub fn effective_value(&self) -> Option<f64> {
        self.value
            .as_ref()
            .map(|v| v.value)
            .or(self.derived.as_ref().map(|d| d.sum))
    }
}

/// Adds up, for each count, the figures of that name in the activities.
pub fn derive_counts(report: &mut Report) {
    let mut sums: Vec<(String, Derived)> = Vec::new();
    for activity in &report.activities {
        for (name, value) in activity.figures.iter() {
            let entry = match sums.iter_mut().find(|(n, _)| *n == name.value) {
                Some((_, d)) => d,
                None => {
                    sums.push((name.value.clone(), Derived::default()));
                    &mut sums.last_mut().expect("just pushed").1
                }
            };
            entry.sum += value.value;
            entry.activities.push(format!(
                "{} {} ({})",
                activity.date.value.trim(),
                activity.title.value,
                crate::numerals::arabic(value.value)
            ));
        }
    }
    for (name, mut derived) in sums {
        derived.activities.sort();
        if let Some(count) = report.counts.get_mut(&name) {
            count.derived = Some(derived);
        }
    }
}

/// Whether an activity's `section:` names this section (by id or title).
pub fn belongs_to(section: &Section, name: &str) -> bool {
    section.id.as_ref().is_some_and(|id| id.value == name)
        || section.title.value.trim() == name.trim()
}

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
        if let (Some(value), Some(derived)) = (&count.value, &count.derived)
            && (value.value - derived.sum).abs() > 1e-9
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
                            crate::numerals::arabic(derived.sum)
                        ),
                        format!(
                            "`{}` is declared {} but its activities add up to {}",
                            name.value,
                            crate::numerals::arabic(value.value),
                            crate::numerals::arabic(derived.sum)
                        ),
                    ),
                    span_of(value),
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
                    span_covering(name, &name.value),
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
                    span_covering(&activity.date, &activity.date.value),
                )
                .hint(ctx.t(
                    "按 YYYY-MM-DD 写本期内的日期",
                    "write a date of the period as YYYY-MM-DD",
                )),
            ),
        }
        if let Some(section) = &activity.section
            && !sections.iter().any(|s| belongs_to(s, &section.value))
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
                span_covering(section, &section.value),
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
