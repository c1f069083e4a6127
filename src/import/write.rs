//! A document as read, written as an input: the figures become counts, the
//! structure becomes the input's fields (through [`crate::draft`]).

use serde_saphyr::Commented;

use super::figures::Counts;
use super::structure::{Blk, Document, Sec, first_year};
use crate::draft::{
    Draft, DraftAttachment, DraftBlock, DraftCount, DraftCounts, DraftHeadings, DraftMeta,
    DraftPlan, DraftPlans, DraftSection, DraftSummary,
};

/// The YAML of an imported document; what it had to guess goes to `warnings`.
pub(super) fn write(document: Document, warnings: &mut Vec<(usize, String)>) -> String {
    let Document {
        title,
        date,
        signature,
        attachment_titles,
        after_date,
        body,
    } = document;
    let super::structure::Body {
        opening,
        sections,
        problems,
        problems_paragraph,
        plans_intro,
        plans,
        headings,
        level3,
        year,
    } = body;
    let mut counts = Counts {
        figures: Vec::new(),
    };
    let year = first_year(&title)
        .or(year)
        .or_else(|| date.as_ref().and_then(|d| d[..4].parse().ok()))
        .unwrap_or(2020);
    let organisation = title
        .split(&year.to_string())
        .next()
        .filter(|o| !o.trim().is_empty())
        .unwrap_or(&title)
        .trim()
        .to_string();
    let date_written = match &date {
        Some(d) => d.clone(),
        None => {
            warnings.push((
                0,
                "no date at the end: the date is set to the period's last day and not shown".into(),
            ));
            format!("{year}-12-31")
        }
    };
    let ending = match (signature.is_some(), date.is_some()) {
        (true, false) => Some("signature"),
        (false, true) => Some("date"),
        (false, false) => Some("none"),
        (true, true) => None,
    };
    let half = if title.contains("上半年") {
        Some(1)
    } else if title.contains("下半年工作总结") {
        Some(2)
    } else {
        None
    };
    let [summary_heading, problems_heading, plans_heading] = headings;
    let meta = DraftMeta {
        organisation,
        year,
        half,
        date: Commented(date_written, String::new()),
        signature: signature.clone(),
        ending,
        title: Some(title.clone()),
        level3: level3.map(str::to_string),
        problems_as: problems_paragraph.then_some("paragraph"),
        headings: DraftHeadings {
            summary: summary_heading,
            problems: problems_heading,
            plans: plans_heading,
        },
        ..DraftMeta::default()
    };
    let opening = (!opening.is_empty()).then(|| counts.extract(&opening.join("\n\n")));
    let sections: Vec<DraftSection> = sections
        .iter()
        .map(|sec| draft_section(sec, &mut counts))
        .collect();
    let problems =
        (!problems.is_empty()).then(|| problems.iter().map(|p| counts.extract(p)).collect());
    let plans = (!plans.is_empty() || !plans_intro.is_empty()).then(|| DraftPlans {
        intro: (!plans_intro.is_empty()).then(|| counts.extract(&plans_intro.join("\n\n"))),
        sections: plans
            .iter()
            .enumerate()
            .map(|(i, (title, text))| DraftPlan {
                id: format!("plan-{}", i + 1),
                title: counts.extract(title),
                text: counts.extract(text),
            })
            .collect(),
    });
    let attachments = attachment_titles
        .iter()
        .enumerate()
        .map(|(i, t)| DraftAttachment {
            title: counts.extract(t),
            body: if i == 0 {
                after_date
                    .iter()
                    .filter(|l| !l.text.starts_with("附件") && l.text != *t)
                    .map(|l| DraftBlock::Paragraph(counts.extract(&l.text)))
                    .collect()
            } else {
                Vec::new()
            },
        })
        .collect();
    let draft = Draft {
        meta,
        opening,
        counts: DraftCounts(
            counts
                .figures
                .iter()
                .map(|(name, f)| {
                    let count = DraftCount {
                        value: f.value.parse().ok(),
                        unit: f.unit.clone(),
                        approx: f.approx,
                        label: (!f.label.is_empty()).then(|| f.label.clone()),
                        // "8.50" keeps its zero.
                        decimals: f
                            .value
                            .split_once('.')
                            .filter(|(_, d)| d.ends_with('0'))
                            .map(|(_, d)| d.len().min(6) as u8),
                        ..DraftCount::default()
                    };
                    (name.clone(), count)
                })
                .collect(),
        ),
        summary: DraftSummary { sections },
        problems,
        plans,
        attachments,
    };
    draft.to_yaml(
        "Imported by `nianbao import`. Counts were found in the text: rename them as you like.",
    )
}

/// A section (and its sub-sections) as the input writes it: a run-in
/// section's first paragraph, or a section of points only, as its points.
fn draft_section(sec: &Sec, counts: &mut Counts) -> DraftSection {
    let mut draft = DraftSection {
        title: counts.extract(&sec.title),
        run_in: sec.run_in,
        ..DraftSection::default()
    };
    let mut blocks = sec.blocks.iter().peekable();
    let only_points = sec.blocks.len() == 1 && matches!(sec.blocks[0], Blk::Points(_));
    if sec.run_in
        && let Some(Blk::Paragraph(first)) = blocks.peek()
    {
        draft.points.push(counts.extract(first));
        blocks.next();
    } else if only_points && let Some(Blk::Points(items)) = blocks.next() {
        draft.points = items.iter().map(|p| counts.extract(p)).collect();
    }
    for block in blocks {
        draft.body.push(match block {
            Blk::Paragraph(t) => DraftBlock::Paragraph(counts.extract(t)),
            Blk::Points(items) => {
                DraftBlock::Points(items.iter().map(|p| counts.extract(p)).collect())
            }
            Blk::Numbered(items) => {
                DraftBlock::Numbered(items.iter().map(|p| counts.extract(p)).collect())
            }
        });
    }
    for child in &sec.children {
        draft
            .body
            .push(DraftBlock::Section(Box::new(draft_section(child, counts))));
    }
    draft
}
