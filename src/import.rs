//! Import last year's document: plain text (UTF-8 or GB18030/GBK) or Markdown in,
//! a YAML input out that rebuilds the same text. Lines broken by page breaks or
//! hard wrapping are joined, the spaces PDF extraction puts around digits are
//! dropped, figures with units become named counts, and whatever cannot be placed
//! is kept as a paragraph and reported.

use serde_saphyr::Commented;

use crate::draft::{
    Draft, DraftAttachment, DraftBlock, DraftCount, DraftCounts, DraftHeadings, DraftMeta,
    DraftPlan, DraftPlans, DraftSection, DraftSummary,
};

/// What importing produced: the YAML, and warnings with the source line.
pub struct Imported {
    pub yaml: String,
    pub warnings: Vec<(usize, String)>,
}

/// Decodes text: UTF-8 (a BOM is dropped), else GB18030 (which covers GBK).
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), String> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((text.to_string(), "UTF-8"));
    }
    let (text, _, errors) = encoding_rs::GB18030.decode(bytes);
    if errors {
        return Err("the file is neither UTF-8 nor GB18030/GBK text".into());
    }
    Ok((text.into_owned(), "GB18030"))
}

/// A line of the source, cleaned, with its 1-based number.
struct Line {
    no: usize,
    text: String,
}

/// Sentence-final marks: a line ending with one is complete.
fn is_complete(text: &str) -> bool {
    crate::cjk::ends_sentence(text)
}

/// An ideograph or a full-width punctuation mark.
fn is_han(c: char) -> bool {
    crate::cjk::is_han(c) || "，。、；：？！“”‘’（）《》【】".contains(c)
}

/// Drops the spaces between Chinese characters (or punctuation) and digits.
fn drop_digit_spaces(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let prev = chars[..i].iter().rev().find(|c| **c != ' ');
            let next = chars[i + 1..].iter().find(|c| **c != ' ');
            if let (Some(&p), Some(&n)) = (prev, next)
                && ((is_han(p) && n.is_ascii_digit()) || (p.is_ascii_digit() && is_han(n)))
            {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Joins two pieces of one paragraph: no space between Chinese text.
fn join(a: &str, b: &str) -> String {
    let space = a.chars().last().is_some_and(|c| c.is_ascii_alphanumeric())
        && b.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
    format!("{a}{}{b}", if space { " " } else { "" })
}

/// Markdown reduced to its text: heading marks, strong marks, escapes, hard breaks.
fn strip_markdown(line: &str) -> String {
    let line = line.trim_start_matches('#').trim_start();
    let line = line.strip_suffix('\\').unwrap_or(line);
    let line = line.replace("**", "").replace("<br>", "");
    let mut out = String::new();
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
            continue;
        }
        out.push(c);
    }
    out
}

#[derive(Debug, PartialEq, Eq, Clone, Copy)]
enum Mark {
    /// 一、
    Part,
    /// （一）
    Section,
    /// 1. or 1、 before a heading
    Sub,
    /// （1）
    SubSub,
    /// 1. before an item that ends a sentence
    Item,
    /// 一是 / 二是 …
    Point,
    None,
}

const CN_DIGITS: &str = "一二三四五六七八九十";

/// What a paragraph starts with, and the rest of it.
fn mark(text: &str) -> (Mark, &str, &str) {
    let cn_len: usize = text
        .char_indices()
        .take_while(|(_, c)| CN_DIGITS.contains(*c))
        .map(|(_, c)| c.len_utf8())
        .sum();
    if cn_len > 0 {
        let rest = &text[cn_len..];
        if let Some(body) = rest.strip_prefix('、') {
            return (Mark::Part, &text[..cn_len + '、'.len_utf8()], body);
        }
        if let Some(body) = rest.strip_prefix('是') {
            return (Mark::Point, &text[..cn_len + '是'.len_utf8()], body);
        }
    }
    if let Some(inner) = text.strip_prefix('（') {
        let n: usize = inner
            .char_indices()
            .take_while(|(_, c)| CN_DIGITS.contains(*c))
            .map(|(_, c)| c.len_utf8())
            .sum();
        if n > 0 && inner[n..].starts_with('）') {
            let end = '（'.len_utf8() + n + '）'.len_utf8();
            return (Mark::Section, &text[..end], &text[end..]);
        }
        let d: usize = inner.chars().take_while(char::is_ascii_digit).count();
        if d > 0 && inner[d..].starts_with('）') {
            let end = '（'.len_utf8() + d + '）'.len_utf8();
            return (Mark::SubSub, &text[..end], &text[end..]);
        }
    }
    let d: usize = text.chars().take_while(char::is_ascii_digit).count();
    if d > 0 && d < 3 {
        let rest = &text[d..];
        for sep in [".", "、", "．"] {
            if let Some(body) = rest.strip_prefix(sep) {
                let kind = if is_complete(body) {
                    Mark::Item
                } else {
                    Mark::Sub
                };
                return (kind, &text[..d + sep.len()], body.trim_start());
            }
        }
    }
    (Mark::None, "", text)
}

/// A date line: "2020年12月8日" → 2020-12-08.
fn date_line(text: &str) -> Option<String> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    match crate::cjk::chinese_dates(&t).as_slice() {
        [only] if only.written == t => only.date().map(|date| date.to_string()),
        _ => None,
    }
}

/// Paragraphs of the document: lines cleaned and joined where a sentence goes on.
fn paragraphs(text: &str, markdown: bool) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let raw = raw.replace(['\u{c}', '\r'], "");
        let mut t = raw.trim().replace('\u{3000}', " ").trim().to_string();
        if markdown {
            if t.starts_with("<!--") || t == "---" {
                continue;
            }
            t = strip_markdown(&t).trim().to_string();
        }
        if t.is_empty() {
            continue;
        }
        lines.push(Line {
            no: i + 1,
            text: drop_digit_spaces(&t),
        });
    }
    // The end: a date line, and the signature above it.
    let date_at = lines.iter().rposition(|l| date_line(&l.text).is_some());
    let mut out: Vec<Line> = Vec::new();
    for (i, line) in lines.into_iter().enumerate() {
        // A heading (no sentence inside) or the title, date, signature and
        // attachment lines never join; a marked paragraph (一是…, run-in
        // （一）…。…) may continue on the next line but never continues another.
        let heading = |l: &Line, index: usize| {
            let m = mark(&l.text).0;
            index == 0
                || (matches!(m, Mark::Part | Mark::Section | Mark::Sub | Mark::SubSub)
                    && !l.text.contains('。'))
                || date_at.is_some_and(|d| index + 1 >= d)
                || l.text.starts_with("附件")
        };
        let joins = match out.last() {
            Some(prev) => {
                !is_complete(&prev.text)
                    && !heading(prev, i - 1)
                    && !heading(&line, i)
                    && mark(&line.text).0 == Mark::None
            }
            None => false,
        };
        if joins {
            let prev = out.last_mut().expect("checked");
            prev.text = drop_digit_spaces(&join(&prev.text, &line.text));
        } else {
            out.push(line);
        }
    }
    out
}

/// A figure with its unit found in a text.
struct Figure {
    value: String,
    approx: bool,
    unit: String,
    label: String,
}

const UNITS: [(&str, &str); 24] = [
    ("人次", "person_times"),
    ("户次", "household_visits"),
    ("万元", "yuan_10k"),
    ("元", "yuan"),
    ("小时", "hours"),
    ("人", "people"),
    ("名", "persons"),
    ("位", "members"),
    ("个", "units"),
    ("项", "items"),
    ("件", "cases"),
    ("次", "times"),
    ("类", "kinds"),
    ("条", "entries"),
    ("篇", "articles"),
    ("份", "copies"),
    ("所", "institutions"),
    ("户", "households"),
    ("场", "events"),
    ("期", "sessions"),
    ("天", "days"),
    ("家", "organisations"),
    ("支", "teams"),
    ("%", "percent"),
];

/// Replaces figures such as "411人", "17项", "8.5万元", "1000余份" by `{name}`
/// references and records the counts.
struct Counts {
    figures: Vec<(String, Figure)>,
}

impl Counts {
    fn extract(&mut self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::new();
        let mut i = 0;
        while i < chars.len() {
            let starts = chars[i].is_ascii_digit()
                && (i == 0 || !(chars[i - 1].is_ascii_alphanumeric() || chars[i - 1] == '.'))
                && !(i > 0 && chars[i - 1] == '第');
            if starts {
                let mut j = i;
                while j < chars.len()
                    && (chars[j].is_ascii_digit()
                        || (chars[j] == '.' && chars.get(j + 1).is_some_and(char::is_ascii_digit)))
                {
                    j += 1;
                }
                let approx = chars.get(j) == Some(&'余');
                let k = j + usize::from(approx);
                let rest: String = chars[k..].iter().take(2).collect();
                if let Some((unit, word)) = UNITS.iter().find(|(u, _)| rest.starts_with(u)) {
                    let end = k + unit.chars().count();
                    // Not a date, an ordinal or a name: 2020年, 5G, 302室.
                    let after = chars.get(end).copied();
                    let value: String = chars[i..j].iter().collect();
                    if after != Some('年')
                        && after != Some('月')
                        && !(unit == &"期" && after == Some('间'))
                    {
                        let n = self
                            .figures
                            .iter()
                            .filter(|(name, _)| name.starts_with(word))
                            .count()
                            + 1;
                        let name = format!("{word}_{n}");
                        let label: String = chars[..i]
                            .iter()
                            .rev()
                            .take_while(|c| !"，。；、：（）“”《》,;:".contains(**c))
                            .take(10)
                            .collect::<Vec<_>>()
                            .into_iter()
                            .rev()
                            .collect();
                        out.push_str(&format!("{{{name}}}"));
                        self.figures.push((
                            name,
                            Figure {
                                value,
                                approx,
                                unit: unit.to_string(),
                                label: label.trim().to_string(),
                            },
                        ));
                        i = end;
                        continue;
                    }
                }
                out.extend(&chars[i..j]);
                i = j;
                continue;
            }
            // Literal braces are written {{ and }} in the input format.
            match chars[i] {
                '{' => out.push_str("{{"),
                '}' => out.push_str("}}"),
                c => out.push(c),
            }
            i += 1;
        }
        out
    }
}

/// A section being built: its heading and its blocks in order.
#[derive(Default)]
struct Sec {
    title: String,
    run_in: bool,
    blocks: Vec<Blk>,
    children: Vec<Sec>,
}

enum Blk {
    Points(Vec<String>),
    Paragraph(String),
    Numbered(Vec<String>),
}

impl Sec {
    fn add_point(&mut self, text: String) {
        if let Some(Blk::Points(items)) = self.blocks.last_mut() {
            items.push(text);
        } else {
            self.blocks.push(Blk::Points(vec![text]));
        }
    }
    fn point_count(&self) -> usize {
        match self.blocks.last() {
            Some(Blk::Points(items)) => items.len(),
            _ => 0,
        }
    }
}

/// Splits a paragraph that holds several points: "一是……；二是……。"
fn split_points(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = body.to_string();
    let mut n = 2;
    loop {
        let next = format!("；{}是", crate::numerals::chinese(n));
        match rest.find(&next) {
            Some(at) => {
                out.push(rest[..at + '；'.len_utf8()].to_string());
                rest = rest[at + next.len()..].to_string();
                n += 1;
            }
            None => {
                out.push(rest);
                return out;
            }
        }
    }
}

/// Imports a document's text as a YAML input.
pub fn import(text: &str, markdown: bool) -> Imported {
    let mut warnings = Vec::new();
    let paras = paragraphs(text, markdown);
    let mut counts = Counts {
        figures: Vec::new(),
    };
    let mut it = paras.into_iter().peekable();
    let Some(title_line) = it.next() else {
        return Imported {
            yaml: String::new(),
            warnings: vec![(1, "the file holds no text".into())],
        };
    };
    let title = title_line.text.clone();
    let rest: Vec<Line> = it.collect();
    // The end: date, signature, attachment note; after it, attachment pages.
    let date_at = rest.iter().rposition(|l| date_line(&l.text).is_some());
    let (body, tail) = match date_at {
        Some(d) => rest.split_at(d),
        None => rest.split_at(rest.len()),
    };
    let mut body: Vec<&Line> = body.iter().collect();
    let date = tail.first().and_then(|l| date_line(&l.text));
    let after_date: Vec<&Line> = tail.iter().skip(1).collect();
    let signature = match (date.is_some(), body.last()) {
        (true, Some(l))
            if !is_complete(&l.text)
                && l.text.chars().count() <= 30
                && mark(&l.text).0 == Mark::None =>
        {
            let s = l.text.clone();
            body.pop();
            Some(s)
        }
        _ => None,
    };
    let mut attachment_titles: Vec<String> = Vec::new();
    while let Some(l) = body.last() {
        if let Some(note) = l
            .text
            .strip_prefix("附件：")
            .or_else(|| l.text.strip_prefix("附件:"))
        {
            attachment_titles.insert(0, note.trim().to_string());
            body.pop();
        } else if attachment_titles.is_empty() {
            break;
        } else if mark(&l.text).0 == Mark::Item || mark(&l.text).0 == Mark::Sub {
            attachment_titles.insert(0, l.text.clone());
            body.pop();
        } else {
            break;
        }
    }
    let attachment_titles: Vec<String> = attachment_titles
        .into_iter()
        .flat_map(|t| {
            let (m, _, rest) = mark(&t);
            if matches!(m, Mark::Item | Mark::Sub) {
                vec![rest.to_string()]
            } else {
                vec![t]
            }
        })
        .collect();

    // Walk the body.
    #[derive(PartialEq)]
    enum Part {
        Opening,
        Summary,
        Problems,
        Plans,
    }
    let mut part = Part::Opening;
    let mut opening: Vec<String> = Vec::new();
    let mut sections: Vec<Sec> = Vec::new();
    let mut problems: Vec<String> = Vec::new();
    let mut problems_paragraph = false;
    let mut plans_intro: Vec<String> = Vec::new();
    let mut plans: Vec<(String, String)> = Vec::new();
    let mut headings: [Option<String>; 3] = [None, None, None];
    let mut level3 = None;
    let mut year: Option<i32> = None;
    for line in body {
        let (m, marker, rest) = mark(&line.text);
        if m == Mark::Part {
            let name = rest.to_string();
            part = if name.contains("问题") || name.contains("不足") {
                headings[1] = Some(name);
                Part::Problems
            } else if part != Part::Opening && part != Part::Summary
                || name.contains("计划")
                || name.contains("主要工作")
                || name.contains("打算")
                || name.contains("思路")
            {
                if part == Part::Opening {
                    headings[0] = Some(name.clone());
                    Part::Summary
                } else {
                    headings[2] = Some(name);
                    Part::Plans
                }
            } else {
                headings[0] = Some(name);
                Part::Summary
            };
            continue;
        }
        match part {
            Part::Opening => opening.push(line.text.clone()),
            Part::Summary => {
                match m {
                    Mark::Section => {
                        let mut sec = Sec::default();
                        match rest.split_once('。') {
                            Some((title, body)) if !body.trim().is_empty() => {
                                sec.title = title.to_string();
                                sec.run_in = true;
                                sec.blocks.push(Blk::Paragraph(body.to_string()));
                            }
                            _ => sec.title = rest.to_string(),
                        }
                        sections.push(sec);
                    }
                    Mark::Sub | Mark::SubSub => {
                        if m == Mark::Sub && marker.ends_with('、') {
                            level3 = Some("1、");
                        }
                        let sub = Sec {
                            title: rest.to_string(),
                            ..Sec::default()
                        };
                        let Some(parent) = sections.last_mut() else {
                            warnings.push((
                                line.no,
                                format!(
                                    "a sub-heading before any section: kept as a section: {}",
                                    line.text
                                ),
                            ));
                            sections.push(sub);
                            continue;
                        };
                        if m == Mark::SubSub
                            && let Some(level3) = parent.children.last_mut()
                        {
                            level3.children.push(sub);
                        } else {
                            parent.children.push(sub);
                        }
                    }
                    _ => {
                        let Some(sec) = deepest(&mut sections) else {
                            warnings.push((
                                line.no,
                                "text before the first section: kept as the opening".into(),
                            ));
                            opening.push(line.text.clone());
                            continue;
                        };
                        match m {
                            Mark::Point => {
                                for p in split_points(rest) {
                                    sec.add_point(p);
                                }
                            }
                            Mark::Item => {
                                if let Some(Blk::Numbered(items)) = sec.blocks.last_mut() {
                                    items.push(rest.to_string());
                                } else {
                                    sec.blocks.push(Blk::Numbered(vec![rest.to_string()]));
                                }
                            }
                            _ => {
                                // A slip in the numbering: "二落实" where "二是落实" was meant.
                                let expected =
                                    crate::numerals::chinese(sec.point_count() as u64 + 1);
                                match line.text.strip_prefix(expected.as_str()) {
                                    Some(rest) if sec.point_count() > 0 => {
                                        warnings.push((
                                            line.no,
                                            format!(
                                                "“{}” read as the point “{expected}是{}”",
                                                shorten(&line.text),
                                                shorten(rest)
                                            ),
                                        ));
                                        sec.add_point(rest.to_string());
                                    }
                                    _ => sec.blocks.push(Blk::Paragraph(line.text.clone())),
                                }
                            }
                        }
                    }
                }
                if year.is_none() {
                    year = first_year(&line.text);
                }
            }
            Part::Problems => match m {
                Mark::Item => {
                    problems.push(rest.trim_end_matches(['；', '。', ';', '.']).to_string())
                }
                Mark::Point => {
                    problems_paragraph = true;
                    problems.extend(
                        split_points(rest)
                            .into_iter()
                            .map(|p| p.trim_end_matches(['；', '。']).to_string()),
                    );
                }
                _ => {
                    warnings.push((
                        line.no,
                        "a problem that is not numbered: kept as an item".into(),
                    ));
                    problems.push(line.text.trim_end_matches(['；', '。']).to_string());
                }
            },
            Part::Plans => match m {
                Mark::Section => match rest.split_once('。') {
                    Some((title, text)) => plans.push((title.to_string(), text.to_string())),
                    None => plans.push((rest.to_string(), String::new())),
                },
                _ if plans.is_empty() => plans_intro.push(line.text.clone()),
                _ => {
                    warnings.push((
                        line.no,
                        "a paragraph after a plan item: kept with it".into(),
                    ));
                    if let Some((_, text)) = plans.last_mut() {
                        text.push_str(&line.text);
                    }
                }
            },
        }
    }
    for l in &after_date {
        warnings.push((
            l.no,
            format!(
                "text after the date, kept as an attachment's text: {}",
                shorten(&l.text)
            ),
        ));
    }

    // The YAML.
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
                        part_of: None,
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
    let yaml = draft.to_yaml(
        "Imported by `nianbao import`. Counts were found in the text: rename them as you like.",
    );
    Imported { yaml, warnings }
}

fn deepest(sections: &mut [Sec]) -> Option<&mut Sec> {
    let mut sec = sections.last_mut()?;
    while !sec.children.is_empty() {
        sec = sec.children.last_mut().expect("not empty");
    }
    Some(sec)
}

fn first_year(text: &str) -> Option<i32> {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len().saturating_sub(4)).find_map(|i| {
        let digits: String = chars[i..i + 4].iter().collect();
        (digits.chars().all(|c| c.is_ascii_digit())
            && chars.get(i + 4) == Some(&'年')
            && (i == 0 || !chars[i - 1].is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
    })
}

fn shorten(text: &str) -> String {
    let short: String = text.chars().take(16).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
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
