//! Plans carry over: `next` starts the next period's input from this one's plans,
//! and last period's input is found beside this one.

use std::path::{Path, PathBuf};

use serde_saphyr::Commented;

use crate::draft::{
    Draft, DraftCount, DraftCounts, DraftMeta, DraftPlan, DraftPlans, DraftSection, DraftSummary,
};
use crate::locale::tr;
use crate::model::Report;
use crate::period::Period;

/// The YAML of the next period's input, a whole document of the seed's shape:
/// the period advanced, an opening to write, summary sections seeded from this
/// period's plans (titles and `fulfils:`), counts carried over without values,
/// a problem to write, and the plan of the period after it in the same areas
/// (ids made for them). Left to fill: the texts and the figures.
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
    let facts = crate::facts::Facts::derive(report, None);
    let mut sections: Vec<DraftSection> = report
        .plan_items()
        .map(|plan| DraftSection {
            title: heading_of(report, &facts, plan.name()),
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
    let plans = DraftPlans {
        intro: None,
        sections: sections
            .iter()
            .enumerate()
            .map(|(i, section)| DraftPlan {
                id: format!("plan-{}", i + 1),
                title: section.title.clone(),
                text: todo.clone(),
            })
            .collect(),
    };
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
        opening: Some(todo.clone()),
        summary: Some(DraftSummary { sections }),
        problems: Some(vec![todo.clone()]),
        plans: Some(plans),
        ..Draft::default()
    };
    draft.to_yaml(&header)
}

/// A plan's name as next period's section heading: without its end stop,
/// and with the figures it names written out as this period printed them
/// (next period's count has no value yet: "培训干部{trained}" would print
/// 培训干部（待统计） as a heading), braces left in it doubled so that they
/// stay text.
fn heading_of(report: &Report, facts: &crate::facts::Facts, name: &str) -> String {
    let name = name.trim_end_matches(['。', '.']);
    let references = crate::refs::parse(name)
        .iter()
        .any(|piece| matches!(piece, crate::refs::Piece::Ref { .. }));
    if !references {
        return name.to_string();
    }
    crate::view::plain_text(report, facts, name)
        .replace('{', "{{")
        .replace('}', "}}")
}

/// Where last period's input is: the one given, or `<previous period>.yaml` beside
/// this input when it exists, or else the input beside it named after its title
/// (as `new`, the start page and `import` name them) that is the same
/// organisation's, of the period before.
pub fn previous_path(input: &Path, report: &Report, given: Option<&Path>) -> Option<PathBuf> {
    if let Some(given) = given {
        return Some(given.to_path_buf());
    }
    let previous = Period::of(&report.meta).previous();
    let candidate = input.with_file_name(format!("{}.yaml", previous.file_stem()));
    if candidate.exists() && candidate != input {
        return Some(candidate);
    }
    named_previous(input, report, previous)
}

/// The organisation and period of the input at `path`, of `len` bytes last
/// changed at `modified`; None: not an input. Remembered while the file stays
/// the same, so that the editor's check on every pause does not read the
/// folder's inputs again.
fn whose(path: &Path, len: u64, modified: std::time::SystemTime) -> Option<(String, Period)> {
    type Seen = (u64, std::time::SystemTime, Option<(String, Period)>);
    static SEEN: std::sync::LazyLock<std::sync::Mutex<std::collections::HashMap<PathBuf, Seen>>> =
        std::sync::LazyLock::new(Default::default);
    let mut seen = SEEN.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((l, m, known)) = seen.get(path)
        && (*l, *m) == (len, modified)
    {
        return known.clone();
    }
    let known = std::fs::read_to_string(path).ok().and_then(|text| {
        match crate::load::parse(
            crate::source::SourceFile::new(path.to_path_buf(), text),
            None,
        ) {
            crate::load::Outcome::Loaded(loaded) => Some((
                loaded.report.meta.organisation.value.trim().to_string(),
                Period::of(&loaded.report.meta),
            )),
            crate::load::Outcome::Invalid(..) => None,
        }
    });
    seen.insert(path.to_path_buf(), (len, modified, known.clone()));
    known
}

/// Of the `.yaml` files beside `input` whose name holds the year `previous`
/// starts in, the newest that reads as the same organisation's input for
/// `previous` (a few dozen files at most are read; a big one is not).
fn named_previous(input: &Path, report: &Report, previous: Period) -> Option<PathBuf> {
    const MOST_READ: usize = 32;
    const LARGEST: u64 = 2 * 1024 * 1024;
    let folder = match input.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let year = chrono::Datelike::year(&previous.start()).to_string();
    let organisation = report.meta.organisation.value.trim();
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = std::fs::read_dir(folder)
        .ok()?
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| {
            path.extension().is_some_and(|e| e == "yaml")
                && path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.contains(&year))
                && path.file_name() != input.file_name()
        })
        .take(MOST_READ)
        .filter_map(|path| {
            let meta = std::fs::metadata(&path).ok()?;
            if !meta.is_file() || meta.len() > LARGEST {
                return None;
            }
            let modified = meta.modified().unwrap_or(std::time::UNIX_EPOCH);
            let (of, period) = whose(&path, meta.len(), modified)?;
            (period == previous && of == organisation).then_some((modified, path))
        })
        .collect();
    found.sort();
    found.pop().map(|(_, path)| path)
}
