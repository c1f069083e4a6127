//! The structure of a document: title, opening, parts (summary, problems,
//! plans), sections and their points, signature, date and attachments.

use super::lines::{Line, Mark, date_line, is_complete, mark, paragraphs};

/// A document as read, before it is written as an input.
pub(super) struct Document {
    pub title: String,
    pub date: Option<String>,
    pub signature: Option<String>,
    pub attachment_titles: Vec<String>,
    /// Lines after the date: an attachment's text.
    pub after_date: Vec<Line>,
    pub body: Body,
}

/// The parts between the title and the signature.
#[derive(Default)]
pub(super) struct Body {
    pub opening: Vec<String>,
    pub sections: Vec<Sec>,
    pub problems: Vec<String>,
    /// The problems were written as one 一是…二是… paragraph.
    pub problems_paragraph: bool,
    pub plans_intro: Vec<String>,
    /// (title, text) of each plan item.
    pub plans: Vec<(String, String)>,
    /// The part headings as written: summary, problems, plans.
    pub headings: [Option<String>; 3],
    /// "1、" when level-3 headings are written so.
    pub level3: Option<&'static str>,
    /// The first year written in the summary.
    pub year: Option<i32>,
}

/// Which part the walk is in.
#[derive(Clone, Copy, PartialEq)]
enum Part {
    Opening,
    Summary,
    Problems,
    Plans,
}

/// Reads a document's paragraphs; None when it holds no text. What cannot be
/// placed is kept and reported in `warnings` with its line.
pub(super) fn read(
    text: &str,
    markdown: bool,
    warnings: &mut Vec<(usize, String)>,
) -> Option<Document> {
    let mut paragraphs = paragraphs(text, markdown).into_iter();
    let title = paragraphs.next()?.text;
    let rest: Vec<Line> = paragraphs.collect();
    // The end: date, signature, attachment note; after it, attachment pages.
    let date_at = rest.iter().rposition(|l| date_line(&l.text).is_some());
    let (body, tail) = rest.split_at(date_at.unwrap_or(rest.len()));
    let mut body: Vec<&Line> = body.iter().collect();
    let date = tail.first().and_then(|l| date_line(&l.text));
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
    let attachment_titles = attachment_note(&mut body);
    let mut reader = Reader {
        part: Part::Opening,
        body: Body::default(),
        warnings,
    };
    for line in body {
        reader.line(line);
    }
    let after_date: Vec<Line> = tail
        .iter()
        .skip(1)
        .map(|l| Line {
            no: l.no,
            text: l.text.clone(),
        })
        .collect();
    for l in &after_date {
        reader.warnings.push((
            l.no,
            format!(
                "text after the date, kept as an attachment's text: {}",
                shorten(&l.text)
            ),
        ));
    }
    Some(Document {
        title,
        date,
        signature,
        attachment_titles,
        after_date,
        body: reader.body,
    })
}

/// The attachment note at the end of the body ("附件：1.…" and the lines of
/// its list), taken off the body; the titles without their numbers.
fn attachment_note(body: &mut Vec<&Line>) -> Vec<String> {
    let mut titles: Vec<String> = Vec::new();
    while let Some(l) = body.last() {
        if let Some(note) = l
            .text
            .strip_prefix("附件：")
            .or_else(|| l.text.strip_prefix("附件:"))
        {
            titles.insert(0, note.trim().to_string());
            body.pop();
        } else if titles.is_empty() {
            break;
        } else if matches!(mark(&l.text).0, Mark::Item | Mark::Sub) {
            titles.insert(0, l.text.clone());
            body.pop();
        } else {
            break;
        }
    }
    titles
        .into_iter()
        .map(|t| {
            let (m, _, rest) = mark(&t);
            if matches!(m, Mark::Item | Mark::Sub) {
                rest.to_string()
            } else {
                t
            }
        })
        .collect()
}

/// The walk through the body, one paragraph at a time.
struct Reader<'a> {
    part: Part,
    body: Body,
    warnings: &'a mut Vec<(usize, String)>,
}

impl Reader<'_> {
    fn line(&mut self, line: &Line) {
        let (m, marker, rest) = mark(&line.text);
        if m == Mark::Part {
            self.part_heading(rest.to_string());
            return;
        }
        match self.part {
            Part::Opening => self.body.opening.push(line.text.clone()),
            Part::Summary => {
                self.summary_line(line, m, marker, rest);
                if self.body.year.is_none() {
                    self.body.year = first_year(&line.text);
                }
            }
            Part::Problems => self.problem_line(line, m, rest),
            Part::Plans => self.plan_line(line, m, rest),
        }
    }

    /// A part heading 一、…: which part it opens, by its words and its place.
    fn part_heading(&mut self, name: String) {
        let headings = &mut self.body.headings;
        self.part = if name.contains("问题") || name.contains("不足") {
            headings[1] = Some(name);
            Part::Problems
        } else if self.part != Part::Opening && self.part != Part::Summary
            || name.contains("计划")
            || name.contains("主要工作")
            || name.contains("打算")
            || name.contains("思路")
        {
            if self.part == Part::Opening {
                headings[0] = Some(name);
                Part::Summary
            } else {
                headings[2] = Some(name);
                Part::Plans
            }
        } else {
            headings[0] = Some(name);
            Part::Summary
        };
    }

    fn summary_line(&mut self, line: &Line, m: Mark, marker: &str, rest: &str) {
        let sections = &mut self.body.sections;
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
                    self.body.level3 = Some("1、");
                }
                let sub = Sec {
                    title: rest.to_string(),
                    ..Sec::default()
                };
                let Some(parent) = sections.last_mut() else {
                    self.warnings.push((
                        line.no,
                        format!(
                            "a sub-heading before any section: kept as a section: {}",
                            line.text
                        ),
                    ));
                    sections.push(sub);
                    return;
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
                let Some(sec) = deepest(sections) else {
                    self.warnings.push((
                        line.no,
                        "text before the first section: kept as the opening".into(),
                    ));
                    self.body.opening.push(line.text.clone());
                    return;
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
                        let expected = crate::numerals::chinese(sec.point_count() as u64 + 1);
                        match line.text.strip_prefix(expected.as_str()) {
                            Some(rest) if sec.point_count() > 0 => {
                                self.warnings.push((
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
    }

    fn problem_line(&mut self, line: &Line, m: Mark, rest: &str) {
        let problems = &mut self.body.problems;
        match m {
            Mark::Item => problems.push(rest.trim_end_matches(['；', '。', ';', '.']).to_string()),
            Mark::Point => {
                self.body.problems_paragraph = true;
                problems.extend(
                    split_points(rest)
                        .into_iter()
                        .map(|p| p.trim_end_matches(['；', '。']).to_string()),
                );
            }
            _ => {
                self.warnings.push((
                    line.no,
                    "a problem that is not numbered: kept as an item".into(),
                ));
                problems.push(line.text.trim_end_matches(['；', '。']).to_string());
            }
        }
    }

    fn plan_line(&mut self, line: &Line, m: Mark, rest: &str) {
        let plans = &mut self.body.plans;
        match m {
            Mark::Section => match rest.split_once('。') {
                Some((title, text)) => plans.push((title.to_string(), text.to_string())),
                None => plans.push((rest.to_string(), String::new())),
            },
            _ if plans.is_empty() => self.body.plans_intro.push(line.text.clone()),
            _ => {
                self.warnings.push((
                    line.no,
                    "a paragraph after a plan item: kept with it".into(),
                ));
                if let Some((_, text)) = plans.last_mut() {
                    text.push_str(&line.text);
                }
            }
        }
    }
}

/// A section being built: its heading and its blocks in order.
#[derive(Default)]
pub(super) struct Sec {
    pub title: String,
    pub run_in: bool,
    pub blocks: Vec<Blk>,
    pub children: Vec<Sec>,
}

pub(super) enum Blk {
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

fn deepest(sections: &mut [Sec]) -> Option<&mut Sec> {
    let mut sec = sections.last_mut()?;
    while !sec.children.is_empty() {
        sec = sec.children.last_mut().expect("not empty");
    }
    Some(sec)
}

pub(super) fn first_year(text: &str) -> Option<i32> {
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
