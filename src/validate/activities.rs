//! Activities against counts: declared totals that differ from the activities'
//! sum, figures that add to no count or break their count's rules (negative,
//! partial people), dates outside the period, unknown sections.

use super::Ctx;
use crate::diag::Diagnostic;
use crate::messages::Message;
use crate::messages::suggest;
use crate::numerals::arabic;
use crate::period::{Period, parse_date};

/// Declared against derived totals, figures of no count, activities' dates and sections.
pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let report = ctx.report;
    for (name, count) in report.counts.iter() {
        if let (Some(value), Some(derived)) = (
            &count.value,
            ctx.facts.of(&name.value).and_then(|f| f.sum.as_ref()),
        ) && (value.value - derived.total).abs() > 1e-9
        {
            let message = Message::DerivedMismatch {
                count: super::counts::called(report, &name.value),
                declared: arabic(value.value),
                sum: arabic(derived.total),
                activities: derived.activities.join("; "),
            };
            out.push(ctx.emit(message, ctx.span_of(value)));
        }
    }
    let period = Period::of(&report.meta);
    let sections = report.work_sections();
    for activity in &report.activities {
        for (name, figure) in activity.figures.iter() {
            // A figure is held to its count's rules: finite, whole where the
            // unit counts people or things, not negative unless `signed`.
            if let Some(count) = report.counts.get(&name.value) {
                if let Some(message) = super::counts::figure_problem(
                    super::counts::called(report, &name.value),
                    figure.value,
                    &count.unit,
                    count.signed,
                ) {
                    out.push(ctx.emit(message, ctx.span_of(figure)));
                }
            } else {
                let names = report.counts.iter().map(|(k, _)| k.value.as_str());
                let message = Message::FigureOfNoCount {
                    name: name.value.clone(),
                    best: suggest(&name.value, names).map(str::to_string),
                };
                out.push(ctx.emit(message, ctx.span_covering(name, &name.value)));
            }
        }
        let (title, date) = (activity.title.value.clone(), activity.date.value.clone());
        let message = match parse_date(&date) {
            Some(d) if d >= period.start() && d <= period.end() => None,
            Some(_) => Some(Message::ActivityDateOutside {
                title,
                date,
                period,
            }),
            None => Some(Message::ActivityDateInvalid { title, date }),
        };
        if let Some(message) = message {
            let span = ctx.span_covering(&activity.date, &activity.date.value);
            out.push(ctx.emit(message, span));
        }
        if let Some(section) = &activity.section
            && !sections.iter().any(|s| s.is_named(&section.value))
        {
            let titles = sections
                .iter()
                .map(|s| s.id.as_ref().unwrap_or(&s.title).value.as_str());
            let message = Message::UnknownSection {
                title: activity.title.value.clone(),
                section: section.value.clone(),
                best: suggest(&section.value, titles).map(str::to_string),
            };
            out.push(ctx.emit(message, ctx.span_covering(section, &section.value)));
        }
    }
}
