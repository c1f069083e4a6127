//! Plan follow-up: last period's plans that no section of this period fulfils,
//! and `fulfils:` naming no plan of last period.

use super::Ctx;
use crate::diag::{Code, Diagnostic, Severity};
use crate::model::{Block, Section};

/// Every `fulfils:` of a report's summary, with the section that says it.
fn fulfilments(sections: &[Section]) -> Vec<&crate::model::Text> {
    let mut out = Vec::new();
    for section in sections {
        out.extend(section.fulfils.iter());
        out.extend(fulfilments(&section.sections));
        for block in &section.body {
            if let Block::Section(sub) = block {
                out.extend(fulfilments(std::slice::from_ref(sub)));
            }
        }
    }
    out
}

/// Warnings for last period's plans that no section fulfils (located in the
/// previous input), and for `fulfils:` naming no plan (located in this one).
pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(previous) = ctx.previous else {
        return;
    };
    let t = |zh: String, en: String| ctx.t(zh, en);
    let fulfilled = fulfilments(&ctx.report.summary.sections);
    let plans = previous
        .report
        .plans
        .as_ref()
        .map(|p| p.sections.as_slice())
        .unwrap_or_default();
    for plan in plans {
        let Some(id) = &plan.id else { continue };
        if !fulfilled.iter().any(|f| f.value == id.value) {
            out.push(
                Diagnostic::warning(
                    Code::PlanNotFulfilled,
                    t(
                        format!("上期计划“{}”（`{}`）在本期总结中没有对应的小节", plan.title.value, id.value),
                        format!("last period's plan “{}” (`{}`) is fulfilled by no section", plan.title.value, id.value),
                    ),
                )
                .at(previous.span_covering(id, &id.value))
                .hint(t(
                    format!("在本期总结的相应小节写 `fulfils: {}`，或说明未完成的原因", id.value),
                    format!("write `fulfils: {}` in the section that reports on it, or say why it was not done", id.value),
                )),
            );
        }
    }
    for f in fulfilled {
        if !plans
            .iter()
            .any(|p| p.id.as_ref().is_some_and(|id| id.value == f.value))
        {
            let mut d = Diagnostic::warning(
                Code::PlanNotFulfilled,
                t(
                    format!("`fulfils: {}` 指向上期不存在的计划", f.value),
                    format!("`fulfils: {}` names no plan of last period", f.value),
                ),
            )
            .at(ctx.span_covering(f, &f.value))
            .hint(t(
                format!("上期计划的编号见 {}", previous.path.display()),
                format!("last period's plan ids are in {}", previous.path.display()),
            ));
            d.severity = Severity::Warning;
            out.push(d);
        }
    }
}
