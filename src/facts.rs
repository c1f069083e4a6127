//! The data step: what follows from the input without being written in it —
//! each count's sum over the activities, and last period's value — kept beside
//! the report, never written into it.

use std::collections::HashMap;

use crate::model::{Count, Report};

/// What is known of every count besides what the input says.
#[derive(Debug, Default)]
pub struct Facts {
    counts: HashMap<String, CountFacts>,
}

/// What is known of one count besides what the input says.
#[derive(Clone, Debug, Default)]
pub struct CountFacts {
    /// The sum of the activities' figures of this name, when there are any.
    pub sum: Option<ActivitySum>,
    /// Last period's value of the count of the same name, when known.
    pub previous: Option<f64>,
}

/// A count added up from activities.
#[derive(Clone, Debug, Default)]
pub struct ActivitySum {
    pub total: f64,
    /// The activities summed: "2021-03-08 三八节慰问 (12)", sorted.
    pub activities: Vec<String>,
}

/// A count with what is known of it: the figure the document prints.
#[derive(Clone, Copy, Debug)]
pub struct Figure<'a> {
    pub count: &'a Count,
    /// The value written, or else the activities' sum.
    pub value: Option<f64>,
    pub previous: Option<f64>,
}

impl Facts {
    /// Adds up the activities of `report`; with last period's report, takes each
    /// count's value there (written, or added up from its activities).
    pub fn derive(report: &Report, previous: Option<&Report>) -> Facts {
        let mut counts: HashMap<String, CountFacts> = HashMap::new();
        for activity in &report.activities {
            for (name, value) in activity.figures.iter() {
                if report.counts.get(&name.value).is_none() {
                    continue;
                }
                let sum = counts
                    .entry(name.value.clone())
                    .or_default()
                    .sum
                    .get_or_insert_with(ActivitySum::default);
                sum.total += value.value;
                sum.activities.push(format!(
                    "{} {} ({})",
                    activity.date.value.trim(),
                    activity.title.value,
                    crate::numerals::arabic(value.value)
                ));
            }
        }
        for facts in counts.values_mut() {
            if let Some(sum) = facts.sum.as_mut() {
                sum.activities.sort();
            }
        }
        if let Some(previous) = previous {
            let before = Facts::derive(previous, None);
            for (name, _) in report.counts.iter() {
                let value = previous
                    .counts
                    .get(&name.value)
                    .and_then(|count| before.figure(&name.value, count).value);
                if value.is_some() {
                    counts.entry(name.value.clone()).or_default().previous = value;
                }
            }
        }
        Facts { counts }
    }

    /// What is known of the count `name` besides its input.
    pub fn of(&self, name: &str) -> Option<&CountFacts> {
        self.counts.get(name)
    }

    /// The count `name` with its value and last period's.
    pub fn figure<'a>(&'a self, name: &str, count: &'a Count) -> Figure<'a> {
        let facts = self.counts.get(name);
        let sum = facts.and_then(|f| f.sum.as_ref()).map(|s| s.total);
        Figure {
            count,
            value: count.value.as_ref().map(|v| v.value).or(sum),
            previous: facts.and_then(|f| f.previous),
        }
    }

    /// Whether any count has last period's value.
    pub fn has_previous(&self) -> bool {
        self.counts.values().any(|f| f.previous.is_some())
    }
}
