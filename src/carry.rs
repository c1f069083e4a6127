//! Plans carry over: `next` starts the next period's input from this one's plans,
//! and last period's input is found beside this one.

use std::path::{Path, PathBuf};

use serde_saphyr::Commented;

use crate::draft::{Draft, DraftCount, DraftCounts, DraftMeta, DraftSection, DraftSummary};
use crate::locale::tr;
use crate::model::Report;
use crate::period::Period;

/// The YAML of the next period's input: the period advanced, summary sections
/// seeded from this period's plans (titles and `fulfils:`), counts carried over
/// without values, problems empty. Left to fill: the points and the figures.
pub fn next_input(report: &Report) -> String {
    let meta = &report.meta;
    let period = Period::of(meta);
    let next = Period::planned(report);
    let lang = meta.language();
    let todo = tr!(lang, "next-todo");
    let header = tr!(
        lang,
        "next-header",
        next = next.label(lang),
        period = period.label(lang),
        todo = todo
    );
    let mut sections: Vec<DraftSection> = report
        .plan_items()
        .map(|plan| DraftSection {
            title: plan.name().trim_end_matches(['。', '.']).to_string(),
            fulfils: plan.id.as_ref().map(|id| id.value.clone()),
            points: vec![todo.clone()],
            ..DraftSection::default()
        })
        .collect();
    if sections.is_empty() {
        sections.push(DraftSection {
            title: todo.clone(),
            points: vec![todo.clone()],
            ..DraftSection::default()
        });
    }
    let draft = Draft {
        meta: DraftMeta {
            organisation: meta.organisation.value.clone(),
            year: next.year(),
            half: match next {
                Period::Half(_, h) => Some(h),
                _ => None,
            },
            date: Commented(next.end().to_string(), tr!(lang, "draft-date-comment")),
            signature: meta.signature.as_ref().map(|s| s.value.clone()),
            lang: meta.lang.as_ref().map(|l| l.value),
            level3: meta.level3.as_ref().map(|l| l.value.clone()),
            ..DraftMeta::default()
        },
        counts: DraftCounts(
            report
                .counts
                .iter()
                .map(|(name, count)| {
                    let carried = DraftCount {
                        value: None,
                        unit: count.unit.clone(),
                        approx: count.approx.clone(),
                        label: count.label.as_ref().map(|l| l.value.clone()),
                        part_of: count.part_of.as_ref().map(|w| w.value.clone()),
                        decimals: count.decimals.as_ref().map(|d| d.value),
                        currency: count.currency.as_ref().map(|c| c.value.clone()),
                        grouping: count.grouping,
                        signed: count.signed,
                        from: Vec::new(),
                    };
                    (name.value.clone(), carried)
                })
                .collect(),
        ),
        summary: Some(DraftSummary { sections }),
        problems: Some(Vec::new()),
        ..Draft::default()
    };
    draft.to_yaml(&header)
}

/// Where last period's input is: the one given, or `<previous period>.yaml` beside
/// this input when it exists.
pub fn previous_path(input: &Path, report: &Report, given: Option<&Path>) -> Option<PathBuf> {
    if let Some(given) = given {
        return Some(given.to_path_buf());
    }
    let stem = Period::of(&report.meta).previous().file_stem();
    let candidate = input.with_file_name(format!("{stem}.yaml"));
    (candidate.exists() && candidate != input).then_some(candidate)
}
