//! Plan follow-up: last period's plans that no section of this period fulfils,
//! and `fulfils:` naming no plan of last period.

use super::Ctx;
use crate::diag::Diagnostic;
use crate::messages::Message;

/// Warnings for last period's plans that no section fulfils (located in the
/// previous input), and for `fulfils:` naming no plan (located in this one).
pub fn check(ctx: &Ctx, out: &mut Vec<Diagnostic>) {
    let Some(previous) = ctx.previous else {
        return;
    };
    let fulfilled: Vec<&crate::model::Text> = ctx
        .report
        .work_sections()
        .into_iter()
        .filter_map(|s| s.fulfils.as_ref())
        .collect();
    let plans: Vec<&crate::model::Item> = previous.report.plan_items().collect();
    for plan in &plans {
        let Some(id) = &plan.id else { continue };
        if !fulfilled.iter().any(|f| f.value == id.value) {
            let message = Message::PlanNotFulfilled {
                title: plan.name().to_string(),
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
