//! Rules that a loaded report must satisfy. Each rule adds located diagnostics;
//! none of them stops the others, so one `check` reports everything it can.

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::diag::{Code, Diagnostic, SourceFile, Span, suggest};
use crate::load::Loaded;
use crate::model::{Report, Text};
use crate::refs::{self, FORMATS, Piece};

/// Text that stands for a figure or a sentence still to be written.
pub const PLACEHOLDERS: [&str; 6] = ["（统计具体数字）", "XX", "×××", "TODO", "待补充", "待统计"];

/// How many days after the period's end a document may still be dated.
pub const DATE_GRACE_DAYS: i64 = 92;

pub fn validate(loaded: &Loaded) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let report = &loaded.report;
    let source = &loaded.source;
    let texts = text_fields(report);
    check_references(report, source, &texts, &mut out);
    check_placeholders(source, &texts, &mut out);
    check_counts_have_values(report, source, &mut out);
    check_plan_year(report, source, &mut out);
    check_date(report, source, &mut out);
    out
}

/// Every string of the report that reaches the document, with a name for its place.
pub fn text_fields(report: &Report) -> Vec<(&Text, String)> {
    let mut texts = vec![(&report.meta.organisation, "meta.organisation".to_string())];
    let optional = [
        (&report.meta.title, "meta.title"),
        (&report.meta.signature, "meta.signature"),
        (&report.opening, "opening"),
    ];
    texts.extend(
        optional
            .iter()
            .filter_map(|(t, n)| Some((t.as_ref()?, n.to_string()))),
    );
    for (i, section) in report.summary.sections.iter().enumerate() {
        texts.push((&section.title, format!("summary section {}, title", i + 1)));
        for (j, point) in section.points.iter().enumerate() {
            texts.push((point, format!("summary section {}, point {}", i + 1, j + 1)));
        }
    }
    for (i, problem) in report.problems.iter().enumerate() {
        texts.push((problem, format!("problem {}", i + 1)));
    }
    if let Some(plans) = &report.plans {
        if let Some(intro) = &plans.intro {
            texts.push((intro, "plans.intro".to_string()));
        }
        for (i, section) in plans.sections.iter().enumerate() {
            texts.push((&section.title, format!("plan section {}, title", i + 1)));
            if let Some(text) = &section.text {
                texts.push((text, format!("plan section {}, text", i + 1)));
            }
        }
    }
    texts
}

/// The span of a spanned value, as far as the loader knows it.
pub fn span_of<T>(value: &crate::model::Spanned<T>) -> Span {
    Span {
        line: value.referenced.line() as usize,
        column: value.referenced.column() as usize,
        len: 1,
    }
}

/// The span of a piece of text inside a string value, or the value's start.
fn span_within(source: &SourceFile, text: &Text, needle: &str) -> Span {
    source
        .find_from(span_of(text), needle)
        .unwrap_or_else(|| span_of(text))
}

fn check_references(
    report: &Report,
    source: &SourceFile,
    texts: &[(&Text, String)],
    out: &mut Vec<Diagnostic>,
) {
    let mut used = HashSet::new();
    for (text, _) in texts {
        for piece in refs::parse(&text.value) {
            let Piece::Ref {
                name,
                format,
                written,
            } = piece
            else {
                continue;
            };
            let span = span_within(source, text, written);
            if report.counts.get(name).is_none() {
                let names = report.counts.iter().map(|(k, _)| k.value.as_str());
                let mut d = Diagnostic::error(
                    Code::UndefinedCount,
                    format!("count `{name}` is referenced but not defined"),
                )
                .at(&source.path, Some(span));
                d = match suggest(name, names) {
                    Some(best) => d.hint(format!("did you mean `{{{best}}}`?")),
                    None => d.hint(format!(
                        "define it under `counts:`, e.g. `{name}: {{ value: 1, unit: 人 }}`"
                    )),
                };
                out.push(d);
            } else {
                used.insert(name.to_string());
            }
            if !FORMATS.contains(&format) {
                out.push(
                    Diagnostic::error(
                        Code::UnknownFormat,
                        format!("unknown count format `{format}` in `{written}`"),
                    )
                    .at(&source.path, Some(span))
                    .hint("write `{name}` (411人), `{name:cn}` (九篇) or `{name:num}` (411)"),
                );
            }
        }
    }
    for (name, _) in report.counts.iter() {
        if !used.contains(&name.value) {
            let mut span = span_of(name);
            span.len = name.value.chars().count();
            out.push(
                Diagnostic::warning(
                    Code::UnusedCount,
                    format!("count `{}` is defined but never used", name.value),
                )
                .at(&source.path, Some(span))
                .hint(format!(
                    "reference it in the text as `{{{}}}`, or remove it",
                    name.value
                )),
            );
        }
    }
}

fn check_placeholders(source: &SourceFile, texts: &[(&Text, String)], out: &mut Vec<Diagnostic>) {
    for (text, place) in texts {
        for placeholder in PLACEHOLDERS {
            for (nth, _) in text.value.match_indices(placeholder).enumerate() {
                let span = source
                    .find_nth_from(span_of(text), placeholder, nth)
                    .unwrap_or_else(|| span_of(text));
                out.push(
                    Diagnostic::warning(
                        Code::Placeholder,
                        format!("placeholder “{placeholder}” left in {place}"),
                    )
                    .at(&source.path, Some(span))
                    .hint("replace it with the real text, or with a count: define it under `counts:` and write `{name}`"),
                );
            }
        }
    }
}

fn check_counts_have_values(report: &Report, source: &SourceFile, out: &mut Vec<Diagnostic>) {
    for (name, count) in report.counts.iter() {
        if count.value.is_none() {
            let mut span = span_of(name);
            span.len = name.value.chars().count();
            out.push(
                Diagnostic::warning(
                    Code::CountWithoutValue,
                    format!("count `{}` has no value", name.value),
                )
                .at(&source.path, Some(span))
                .hint(format!(
                    "add `value:`; until then the text shows “{}”",
                    refs::MISSING_VALUE
                )),
            );
        }
    }
}

fn check_plan_year(report: &Report, source: &SourceFile, out: &mut Vec<Diagnostic>) {
    let Some(plans) = &report.plans else { return };
    let year = report.meta.year.value;
    if plans.year.value != year + 1 {
        let mut span = span_of(&plans.year);
        span.len = plans.year.value.to_string().len();
        out.push(
            Diagnostic::error(
                Code::PlanYear,
                format!(
                    "the plan is for {}, but the report covers {year}",
                    plans.year.value
                ),
            )
            .at(&source.path, Some(span))
            .hint(format!("a report on {year} plans for {}", year + 1)),
        );
    }
}

/// Parses the document date; `YYYY-MM-DD`, a real calendar date.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

fn check_date(report: &Report, source: &SourceFile, out: &mut Vec<Diagnostic>) {
    let date = &report.meta.date;
    let mut span = span_of(date);
    span.len = date.value.chars().count();
    let Some(parsed) = parse_date(&date.value) else {
        out.push(
            Diagnostic::error(
                Code::DocumentDate,
                format!("`{}` is not a real date", date.value),
            )
            .at(&source.path, Some(span))
            .hint("write the date as YYYY-MM-DD, e.g. 2020-12-08"),
        );
        return;
    };
    let year = report.meta.year.value;
    let start = NaiveDate::from_ymd_opt(year, 1, 1);
    let end = NaiveDate::from_ymd_opt(year, 12, 31);
    let (Some(start), Some(end)) = (start, end) else {
        return;
    };
    let latest = end + chrono::Duration::days(DATE_GRACE_DAYS);
    if parsed < start || parsed > latest {
        out.push(
            Diagnostic::error(
                Code::DocumentDate,
                format!(
                    "the document is dated {}, outside the period {year}",
                    date.value.trim()
                ),
            )
            .at(&source.path, Some(span))
            .hint(format!(
                "a report on {year} is dated between {start} and {latest} ({DATE_GRACE_DAYS} days after the year ends)"
            )),
        );
    }
}
