//! Plan follow-up: last period's plans that no section of this period fulfils,
//! and `fulfils:` naming no plan of last period.

use super::Ctx;
use crate::diag::Diagnostic;
use crate::messages::Message;
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
            let message = Message::PlanNotFulfilled {
                title: plan.title.value.clone(),
                id: id.value.clone(),
            };
            out.push(ctx.emit(message, previous.span_covering(id, &id.value)));
        }
    }
    for f in fulfilled {
        let planned = plans
            .iter()
            .any(|p| p.id.as_ref().is_some_and(|id| id.value == f.value));
        if !planned {
            let message = Message::FulfilsNoPlan {
                id: f.value.clone(),
                previous: previous.path.display().to_string(),
            };
            out.push(ctx.emit(message, ctx.span_covering(f, &f.value)));
        }
    }
}
