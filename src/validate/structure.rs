//! Structure: the plan year, dates, duplicates and what is still empty.

use std::collections::HashMap;

use super::{Ctx, DATE_GRACE_DAYS, PLACEHOLDERS, TextKind};
use crate::diag::{Diagnostic, Span};
use crate::messages::{Message, RangeProblem, first_here};
use crate::model::{Block, Part, Role, Section, Written};
use crate::period::{Period, parse_date};

pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    years(ctx, out);
    plan_year(ctx, out);
    period(ctx, out);
    document_date(ctx, out);
    dates_in_text(ctx, out);
    duplicates(ctx, out);
    empty(ctx, out);
    depth(ctx, out);
    headings(ctx, out);
}

/// Parts whose heading cannot be derived: role `other`, or the second part of
/// a role; and parts with nothing under their heading.
fn headings(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let mut seen = Vec::new();
    for (i, part) in ctx.report.parts.iter().enumerate() {
        let number = i + 1;
        let second = seen.contains(&part.role);
        seen.push(part.role);
        if part.written != Written::Parts {
            continue;
        }
        if part.heading.is_none() && (part.role == Role::Other || second) {
            let message = Message::PartHeading {
                number,
                role: part.role,
            };
            out.push(ctx.emit(message, ctx.loaded.span_of_part(part)));
        }
        if part.is_empty() {
            let heading = part
                .heading
                .as_ref()
                .map_or(String::new(), |h| h.value.clone());
            let span = match &part.heading {
                Some(h) => ctx.span_covering(h, &h.value),
                None => ctx.loaded.span_of_part(part),
            };
            out.push(ctx.emit(Message::EmptyPart { number, heading }, span));
        }
    }
}

/// Sections below level 4 (一、 is level 1, （一） 2, 1. 3, （1） 4): the
/// document has no numbering for them.
fn depth(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    fn walk(ctx: &Ctx, sections: &[&Section], level: usize, out: &mut Vec<Diagnostic>) {
        for section in sections {
            if level > 4 {
                let message = Message::SectionTooDeep {
                    title: section.title.value.clone(),
                    level,
                };
                out.push(ctx.emit(
                    message,
                    ctx.span_covering(&section.title, &section.title.value),
                ));
                continue;
            }
            walk(
                ctx,
                &children(section.sections.iter(), &section.body),
                level + 1,
                out,
            );
        }
    }
    fn children<'a>(
        sections: impl Iterator<Item = &'a Section>,
        body: &'a [Block],
    ) -> Vec<&'a Section> {
        let in_body = body.iter().filter_map(|b| match b {
            Block::Section(s) => Some(s.as_ref()),
            _ => None,
        });
        in_body.chain(sections).collect()
    }
    for part in &ctx.report.parts {
        walk(ctx, &children(part.sections.iter(), &part.body), 2, out);
    }
    for attachment in &ctx.report.attachments {
        walk(ctx, &children(std::iter::empty(), &attachment.body), 2, out);
    }
}

/// Years within 1900–2100: no report is dated year 0, and beyond the range the
/// dates and Chinese numerals stop making sense.
fn years(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let plan_years = ctx
        .report
        .plans_parts()
        .map(|p| ("plans.year", p.year.as_ref()));
    let years = std::iter::once(("year", Some(&ctx.report.meta.year))).chain(plan_years);
    for (field, year) in years {
        if let Some(year) = year
            && !(1900..=2100).contains(&year.value)
        {
            let span = ctx.span_of(year);
            out.push(ctx.emit(
                Message::YearOutOfRange {
                    field,
                    year: year.value,
                },
                span,
            ));
        }
    }
}

fn plan_year(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let period = Period::of(&ctx.report.meta);
    let expected = Period::planned(ctx.report).year();
    for year in ctx.report.plans_parts().filter_map(|p| p.year.as_ref()) {
        plan_year_of(ctx, year, period, expected, out);
    }
}

fn plan_year_of(
    ctx: &Ctx,
    year: &crate::model::Spanned<i32>,
    period: Period,
    expected: i32,
    out: &mut Vec<Diagnostic>,
) {
    let planned = year.value;
    if planned != expected {
        let message = Message::PlanYear {
            planned,
            expected,
            period,
            plan_only: ctx.report.is_plan_only(),
        };
        out.push(ctx.emit(message, ctx.span_covering(year, &planned.to_string())));
    }
}

/// `half:` is 1 or 2; `from:` and `to:` come together, are real dates in order,
/// and are not mixed with `half:`.
fn period(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let meta = &ctx.report.meta;
    if let Some(half) = &meta.half
        && !matches!(half.value, 1 | 2)
    {
        let span = ctx.span_covering(half, &half.value.to_string());
        out.push(ctx.emit(Message::InvalidHalf { half: half.value }, span));
    }
    for (field, name) in [(&meta.from, "from"), (&meta.to, "to")] {
        if let Some(text) = field
            && parse_date(&text.value).is_none()
        {
            let message = Message::InvalidPeriodDate {
                field: name,
                written: text.value.clone(),
            };
            out.push(ctx.emit(message, ctx.span_covering(text, &text.value)));
        }
    }
    let first = meta.from.as_ref().or(meta.to.as_ref());
    let problem = match (&meta.from, &meta.to) {
        (Some(_), None) | (None, Some(_)) => Some(RangeProblem::Alone),
        (Some(from), Some(to)) => match (parse_date(&from.value), parse_date(&to.value)) {
            (Some(f), Some(t)) if f > t => Some(RangeProblem::Reversed),
            _ if meta.half.is_some() => Some(RangeProblem::Mixed),
            _ => None,
        },
        (None, None) => None,
    };
    if let (Some(problem), Some(first)) = (problem, first) {
        let span = ctx.span_covering(first, &first.value);
        out.push(ctx.emit(Message::PeriodRange { problem }, span));
    }
}

fn document_date(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let date = &ctx.report.meta.date;
    let written = date.value.trim().to_string();
    let span = ctx.span_covering(date, &date.value);
    let Some(parsed) = parse_date(&written) else {
        out.push(ctx.emit(Message::InvalidDocumentDate { written }, span));
        return;
    };
    let period = Period::of(&ctx.report.meta);
    let (start, end) = (period.start(), period.end());
    let latest = end + chrono::Duration::days(DATE_GRACE_DAYS);
    // A plan is written before its period begins.
    let start = if ctx.report.is_plan_only() {
        start - chrono::Duration::days(DATE_GRACE_DAYS)
    } else {
        start
    };
    if parsed < start || parsed > latest {
        let message = Message::DocumentDateOutside {
            written,
            period,
            start,
            latest,
            grace_days: DATE_GRACE_DAYS,
        };
        out.push(ctx.emit(message, span));
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
            let place = field.place.clone();
            let message = if real {
                Message::DateInTextOutside {
                    place,
                    written,
                    period,
                }
            } else {
                Message::DateInTextNotReal { place, written }
            };
            out.push(ctx.emit(message, span));
        }
    }
}

/// Reports the second of two equal keys at its place, the first as a label.
struct Twice<'a, 'c> {
    ctx: &'a Ctx<'c>,
    first_here: String,
    seen: HashMap<&'a str, Span>,
}

impl<'a, 'c> Twice<'a, 'c> {
    fn new(ctx: &'a Ctx<'c>) -> Self {
        Twice {
            ctx,
            first_here: first_here(ctx.lang),
            seen: HashMap::new(),
        }
    }

    fn see(
        &mut self,
        key: &'a str,
        span: Span,
        message: impl FnOnce() -> Message,
    ) -> Option<Diagnostic> {
        let first = self.seen.insert(key, span)?;
        Some(
            self.ctx
                .emit(message(), span)
                .label(first, &self.first_here),
        )
    }
}

/// The same section title twice, the same plan id twice, identical points: at
/// the second, with the first as a label.
fn duplicates(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let mut ids = Twice::new(ctx);
    for part in &ctx.report.parts {
        let mut titles = Twice::new(ctx);
        for section in &part.sections {
            let title = section.title.value.trim();
            let span = ctx.span_covering(&section.title, &section.title.value);
            out.extend(titles.see(title, span, || Message::DuplicateSectionTitle {
                title: title.to_string(),
            }));
        }
        if part.role != Role::Plans {
            continue;
        }
        let mut plan_titles = Twice::new(ctx);
        for item in &part.items {
            if let Some(id) = &item.id {
                let span = ctx.span_covering(id, &id.value);
                out.extend(ids.see(&id.value, span, || Message::DuplicatePlanId {
                    id: id.value.clone(),
                }));
            }
            if let Some(title) = &item.title {
                let text = title.value.trim();
                let span = ctx.span_covering(title, &title.value);
                out.extend(plan_titles.see(text, span, || Message::DuplicatePlanTitle {
                    title: text.to_string(),
                }));
            }
        }
    }
    let mut texts = Twice::new(ctx);
    for field in ctx
        .fields
        .iter()
        .filter(|f| !matches!(f.kind, TextKind::Name | TextKind::Cell))
    {
        let text = field.text.value.trim();
        // A placeholder left in several places is reported as one (W0103)
        // at each; it is not a text written twice.
        if text.chars().count() < 4 || PLACEHOLDERS.iter().any(|p| text.contains(p)) {
            continue;
        }
        let span = ctx.span_of(field.text);
        out.extend(texts.see(text, span, || Message::IdenticalText {
            place: field.place.clone(),
        }));
    }
}

/// Sections without points, and empty strings.
fn empty(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    for (p, part) in ctx.report.parts.iter().enumerate() {
        for (i, section) in part.sections.iter().enumerate() {
            if !section_is_empty(section) {
                continue;
            }
            let place = section_place(ctx, part, p + 1, i + 1);
            let message = Message::SectionWithoutPoints {
                place,
                title: section.title.value.clone(),
            };
            out.push(ctx.emit(
                message,
                ctx.span_covering(&section.title, &section.title.value),
            ));
        }
    }
    for field in ctx.fields.iter().filter(|f| f.kind != TextKind::Cell) {
        if field.text.value.trim().is_empty() {
            let place = field.place.clone();
            out.push(ctx.emit(Message::EmptyText { place }, ctx.span_of(field.text)));
        }
    }
}

fn section_is_empty(section: &Section) -> bool {
    section.points.is_empty()
        && section.items.is_empty()
        && section.body.is_empty()
        && section.sections.is_empty()
        && section.activities.is_none()
}

/// "总结第2节" of the shorthand, "第3部分第2节" of `parts:`.
fn section_place(ctx: &Ctx, part: &Part, p: usize, n: usize) -> String {
    let n = n + part.items.len();
    let places = super::Places(ctx.lang);
    let sections = match part.written {
        Written::Parts => places.key("sections-part", p),
        _ => places.key("sections-summary", p),
    };
    places.section(&sections, &n.to_string(), false)
}
