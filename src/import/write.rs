//! A document as read, written as an input: the figures become counts, the
//! structure becomes the input's fields (through [`crate::draft`]).

use serde_saphyr::Commented;

use super::figures::Counts;
use super::structure::ReadPart;
use super::structure::{Blk, Document, Sec, first_year};
use crate::draft::{
    Draft, DraftAttachment, DraftBlock, DraftCount, DraftCounts, DraftItem, DraftMeta, DraftPart,
    DraftSection, DraftTable,
};
use crate::locale::tr;
use crate::model::{Lang, Role};

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
        parts,
        level3,
        list_style,
        year,
        english,
    } = body;
    let mut counts = Counts::default();
    let plan_only = super::structure::is_plan_title(&title);
    let found_year = first_year(&title)
        .or_else(|| leading_year(&title))
        .or_else(|| english.then(|| english_year(&title)).flatten())
        .or(year)
        .or_else(|| date.as_ref().and_then(|d| d[..4].parse().ok()));
    // What import says is in the document's language.
    let lang = if english { Lang::En } else { Lang::Zh };
    let year = found_year.unwrap_or_else(|| {
        warnings.push((0, tr!(lang, "import-no-year")));
        2020
    });
    // "2021城关区教育局工会工作总结": the office after the year.
    let after_year = title
        .strip_prefix(&year.to_string())
        .filter(|rest| !rest.starts_with('年') && !rest.trim().is_empty());
    let organisation = if english {
        title.split([':', '–', '—']).next().unwrap_or(&title)
    } else if after_year.is_none() && title.contains(&year.to_string()) {
        title
            .split(&year.to_string())
            .next()
            .filter(|o| !o.trim().is_empty())
            .unwrap_or(&title)
    } else {
        // "某某街道总工会工作总结": the office, without the kind of document.
        let mut org = after_year.unwrap_or(title.as_str());
        for suffix in [
            "工作总结",
            "工作计划",
            "工作要点",
            "工作报告",
            "总结",
            "计划",
        ] {
            org = org.strip_suffix(suffix).unwrap_or(org);
        }
        for suffix in ["年度", "上半年", "下半年"] {
            org = org.strip_suffix(suffix).unwrap_or(org);
        }
        if org.trim().is_empty() { &title } else { org }
    }
    .trim()
    .to_string();
    let half = if title.contains("上半年") {
        Some(1)
    } else if title.contains("下半年工作总结") {
        Some(2)
    } else {
        None
    };
    let date_written = match &date {
        Some(d) => d.clone(),
        None => {
            let last_day = if half == Some(1) { "06-30" } else { "12-31" };
            warnings.push((
                0,
                tr!(lang, "import-no-date", date = format!("{year}-{last_day}")),
            ));
            format!("{year}-{last_day}")
        }
    };
    let ending = match (signature.is_some(), date.is_some()) {
        (true, false) => Some("signature"),
        (false, true) => Some("date"),
        (false, false) => Some("none"),
        (true, true) => None,
    };
    // One style for numbered lists and level-3 headings: lists in the other
    // style keep their numbers as text.
    let lists_dun = list_style == Some("1、") && level3 != Some("1.");
    let numbering = lists_dun.then(|| "1、".to_string());
    let level3 = (level3 == Some("1、") && !lists_dun).then(|| "1、".to_string());
    let keep_numbers = list_style == Some("1、") && !lists_dun;
    let meta = DraftMeta {
        organisation,
        year,
        half,
        date: Commented(date_written, String::new()),
        signature: signature.clone(),
        ending,
        title: None,
        numbering,
        level3,
        lang: english.then_some(Lang::En),
        ..DraftMeta::default()
    };
    let _ = plan_only;
    // No 一、 part at all: the text after the opening is one part without a
    // heading (an input needs a body).
    let mut opening = opening;
    let headless_body: Vec<String> = if parts.is_empty() {
        warnings.push((0, tr!(lang, "import-no-part")));
        opening.split_off(opening.len().min(1))
    } else {
        Vec::new()
    };
    let opening = (!opening.is_empty()).then(|| counts.extract(&opening.join("\n\n")));
    let mut parts: Vec<DraftPart> = parts
        .iter()
        .map(|part| draft_part(part, keep_numbers, &mut counts))
        .collect();
    if parts.is_empty() {
        parts.push(DraftPart {
            heading: Some(String::new()),
            body: headless_body
                .iter()
                .map(|p| DraftBlock::Paragraph(counts.extract(p)))
                .collect(),
            ..DraftPart::default()
        });
    }
    // Text after the date without an attachment note ("附表" and a table):
    // an attachment all the same, titled by its first line after the label,
    // so that nothing is dropped.
    let mut after_date = after_date;
    let mut attachment_titles = attachment_titles;
    if attachment_titles.is_empty() {
        let labels = ["附件", "附表", "附件：", "附表："];
        if after_date
            .first()
            .is_some_and(|l| l.table.is_none() && labels.contains(&l.text.as_str()))
        {
            after_date.remove(0);
        }
        if let Some(first) = after_date.iter().position(|l| l.table.is_none()) {
            attachment_titles.push(after_date.remove(first).text);
        } else if !after_date.is_empty() {
            attachment_titles.push(String::new());
        }
    }
    let attachments = attachment_titles
        .iter()
        .enumerate()
        .map(|(i, t)| DraftAttachment {
            title: counts.extract(t),
            body: if i == 0 {
                after_date
                    .iter()
                    .filter(|l| l.table.is_some() || (!l.text.starts_with("附件") && l.text != *t))
                    .map(|l| match &l.table {
                        Some(rows) => draft_table(rows, &mut counts),
                        None => DraftBlock::Paragraph(counts.extract(&l.text)),
                    })
                    .collect()
            } else {
                Vec::new()
            },
        })
        .collect();
    let mut draft = Draft {
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
                        approx: f.approx.clone(),
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
        parts,
        attachments,
        ..Draft::default()
    };
    let header = tr!(lang, "import-header");
    // The title only when it is not the one nianbao derives (a written title
    // does not break where a derived one would). Finding out reads the whole
    // input back: for a document over 1 MB the title is kept as written.
    draft.meta.title = Some(title.clone());
    let with_title = draft.to_yaml(&header);
    if with_title.len() > DERIVE_TITLE_UP_TO {
        return with_title;
    }
    draft.meta.title = None;
    let without = draft.to_yaml(&header);
    if derived_title(&without).as_deref() == Some(title.as_str()) {
        without
    } else {
        with_title
    }
}

/// The largest input for which the title is compared with the derived one.
const DERIVE_TITLE_UP_TO: usize = 1 << 20;

/// The year a title starts with, without 年: "2021城关区教育局工会工作总结" → 2021.
fn leading_year(title: &str) -> Option<i32> {
    let digits = title.get(..4)?;
    let next = title[4..].chars().next();
    (digits.bytes().all(|b| b.is_ascii_digit()) && next.is_some_and(|c| !c.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
        .filter(|y| (1949..=2100).contains(y))
}

/// The first year of an English title: "Report 2023" → 2023.
fn english_year(title: &str) -> Option<i32> {
    title
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .find(|y| (1900..=2100).contains(y))
}

/// The title nianbao derives for an input's YAML, when it loads.
fn derived_title(yaml: &str) -> Option<String> {
    let source = crate::source::SourceFile::new("imported.yaml".into(), yaml.to_string());
    match crate::load::parse(source, None) {
        crate::load::Outcome::Loaded(loaded) => Some(crate::view::title(
            &loaded.report,
            crate::view::Kind::Combined,
        )),
        crate::load::Outcome::Invalid(..) => None,
    }
}

/// A part as `parts:` writes it: its role and heading, its intro, points (one
/// paragraph when they stood in one), items, blocks and sections.
fn draft_part(part: &ReadPart, keep_numbers: bool, counts: &mut Counts) -> DraftPart {
    let mut draft = DraftPart {
        role: match part.role {
            Role::Work => None,
            Role::Problems => Some("problems"),
            Role::Plans => Some("plans"),
            Role::Other => Some("other"),
        },
        heading: Some(counts.extract(&part.heading)),
        run_in: part.run_in,
        intro: (!part.intro.is_empty()).then(|| counts.extract(&part.intro.join("\n\n"))),
        ..DraftPart::default()
    };
    let mut blocks = part.body.blocks.iter().peekable();
    // Points first: the part's `points`, in one paragraph when they stood so.
    if let Some(Blk::Points(items)) = blocks.peek() {
        draft.points = items.iter().map(|p| counts.extract(p)).collect();
        draft.style = part.joined.then_some("joined");
        blocks.next();
    } else if draft.intro.is_none()
        && let Some(Blk::Numbered(items)) = blocks.peek()
        && !keep_numbers
        && part.body.blocks.len() == 1
    {
        draft.points = items.iter().map(|p| counts.extract(p)).collect();
        draft.style = Some("numbered");
        blocks.next();
    }
    draft.items = part
        .items
        .iter()
        .enumerate()
        .map(|(i, (title, text))| DraftItem {
            id: (part.role == Role::Plans).then(|| format!("plan-{}", i + 1)),
            title: Some(counts.extract(title)),
            text: (!text.is_empty()).then(|| counts.extract(text)),
        })
        .collect();
    // After items, a paragraph would be set after them: blocks go in the body.
    draft.body = blocks
        .flat_map(|b| draft_block(b, keep_numbers, counts))
        .collect();
    draft.sections = part
        .body
        .children
        .iter()
        .map(|sec| draft_section(sec, keep_numbers, counts))
        .collect();
    draft
}

/// A block as the input writes it; a numbered list in the style the document
/// does not use keeps its numbers as text.
fn draft_block(block: &Blk, keep_numbers: bool, counts: &mut Counts) -> Vec<DraftBlock> {
    match block {
        Blk::Paragraph(t) => vec![DraftBlock::Paragraph(counts.extract(t))],
        Blk::Points(items) => vec![DraftBlock::Points(
            items.iter().map(|p| counts.extract(p)).collect(),
        )],
        Blk::Numbered(items) if keep_numbers => items
            .iter()
            .enumerate()
            .map(|(i, p)| DraftBlock::Paragraph(counts.extract(&format!("{}、{p}", i + 1))))
            .collect(),
        Blk::Numbered(items) => vec![DraftBlock::Numbered(
            items.iter().map(|p| counts.extract(p)).collect(),
        )],
        Blk::Table(rows) => vec![draft_table(rows, counts)],
    }
}

/// A table: its first row the header, every row as wide as the widest.
fn draft_table(rows: &[Vec<String>], counts: &mut Counts) -> DraftBlock {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let mut rows = rows.iter().map(|row| {
        let mut cells: Vec<String> = row.iter().map(|c| counts.extract(c)).collect();
        cells.resize(width, String::new());
        cells
    });
    DraftBlock::Table(DraftTable {
        header: rows.next().unwrap_or_else(|| vec![String::new(); width]),
        rows: rows.collect(),
    })
}

/// A section (and its sub-sections) as the input writes it: a run-in
/// section's first paragraph, or a section of points only, as its points.
fn draft_section(sec: &Sec, keep_numbers: bool, counts: &mut Counts) -> DraftSection {
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
    draft.items = sec
        .items
        .iter()
        .map(|text| DraftItem {
            text: Some(counts.extract(text)),
            ..DraftItem::default()
        })
        .collect();
    for block in blocks {
        draft.body.extend(draft_block(block, keep_numbers, counts));
    }
    for child in &sec.children {
        let child = draft_section(child, keep_numbers, counts);
        draft.body.push(DraftBlock::Section(Box::new(child)));
    }
    draft
}
