//! Plans carry over: `next` starts the next period's input from this one's plans,
//! and last period's input is found beside this one.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::model::{Lang, Report};
use crate::period::Period;

/// The YAML of the next period's input: the period advanced, summary sections
/// seeded from this period's plans (titles and `fulfils:`), counts carried over
/// without values, problems empty. Left to fill: the points and the figures.
pub fn next_input(report: &Report) -> String {
    let meta = &report.meta;
    let period = Period::of(meta);
    let next = period.next();
    let en = meta.lang.as_ref().is_some_and(|l| l.value == Lang::En);
    let todo = if en { "TODO." } else { "待补充。" };
    let mut y = String::new();
    let _ = writeln!(
        y,
        "# {} — started by `nianbao next` from the input for {}.\n# Fill in the points (marked {todo}) and the counts' values; `nianbao check` lists what is left.\n",
        if en {
            next.label_en()
        } else {
            next.label_zh(None)
        },
        if en {
            period.label_en()
        } else {
            period.label_zh(None)
        },
    );
    y.push_str("meta:\n");
    let _ = writeln!(y, "  organisation: {}", quote(&meta.organisation.value));
    let _ = writeln!(y, "  year: {}", next.year());
    if let Period::Half(_, h) = next {
        let _ = writeln!(y, "  half: {h}");
    }
    let _ = writeln!(
        y,
        "  date: {}   # the document date: change it when the document is done",
        next.end()
    );
    if let Some(signature) = &meta.signature {
        let _ = writeln!(y, "  signature: {}", quote(&signature.value));
    }
    if let Some(lang) = &meta.lang {
        let _ = writeln!(
            y,
            "  lang: {}",
            if lang.value == Lang::En { "en" } else { "zh" }
        );
    }
    if let Some(level3) = &meta.level3 {
        let _ = writeln!(y, "  level3: {}", quote(&level3.value));
    }

    if !report.counts.0.is_empty() {
        y.push_str("\n# Last period's counts, without values.\ncounts:\n");
        for (name, count) in report.counts.iter() {
            let mut fields = vec![format!("unit: {}", quote(&count.unit))];
            if let Some(label) = &count.label {
                fields.push(format!("label: {}", quote(&label.value)));
            }
            if count.approx {
                fields.push("approx: true".to_string());
            }
            if let Some(whole) = &count.part_of {
                fields.push(format!("part_of: {}", whole.value));
            }
            let _ = writeln!(y, "  {}: {{ {} }}", name.value, fields.join(", "));
        }
    }

    y.push_str("\nsummary:\n  sections:\n");
    let plans = report
        .plans
        .as_ref()
        .map(|p| p.sections.as_slice())
        .unwrap_or_default();
    if plans.is_empty() {
        let _ = writeln!(
            y,
            "    - title: {}\n      points:\n        - {todo}",
            quote(todo)
        );
    }
    for plan in plans {
        let _ = writeln!(y, "    - title: {}", quote(&plan.title.value));
        if let Some(id) = &plan.id {
            let _ = writeln!(y, "      fulfils: {}", quote(&id.value));
        }
        let _ = writeln!(y, "      points:\n        - {todo}");
    }
    y.push_str("\nproblems: []\n");
    y
}

/// A string as a YAML double-quoted scalar (JSON's escapes are YAML's).
pub fn quote(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
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
