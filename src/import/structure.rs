//! The structure of a document: title, opening, parts (summary, problems,
//! plans), sections and their points, signature, date and attachments.

use super::lines::{Hint, Line, Mark, date_line, ends_paragraph, is_complete, mark};
use crate::locale::tr;
use crate::model::{Lang, Role};

/// The language of what import says of a document.
fn lang_of(english: bool) -> Lang {
    if english { Lang::En } else { Lang::Zh }
}

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
    pub parts: Vec<ReadPart>,
    /// "1、" or "1." as the first level-3 heading writes its number.
    pub level3: Option<&'static str>,
    /// "1、" or "1." as the first numbered list writes its numbers; lists in
    /// the other style keep their numbers as text.
    pub list_style: Option<&'static str>,
    /// The first year written in the body.
    pub year: Option<i32>,
    /// An English document.
    pub english: bool,
}

/// A top-level part as read: its heading as written, the role its words and
/// place give it, what stands directly under it (`body.blocks`), its sections
/// (`body.children`) and, in a plan, its run-in items.
pub(super) struct ReadPart {
    pub heading: String,
    pub role: Role,
    pub body: Sec,
    /// Paragraphs before the first item of a plan.
    pub intro: Vec<String>,
    /// (title, text) of each run-in item of a plan: （一）title。text.
    pub items: Vec<(String, String)>,
    /// Points that stood in one paragraph: 一是……；二是……。
    pub joined: bool,
    /// A run-in heading: "一、产业发展：" and its text (the intro) in one paragraph.
    pub run_in: bool,
}

/// Which part the walk is in.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    Opening,
    Part,
}

/// Reads a document's paragraphs (`english`: a document in English); None
/// when it holds no text. What cannot be placed is kept and reported in
/// `warnings` with its line.
pub(super) fn read(
    mut rest: Vec<Line>,
    english: bool,
    warnings: &mut Vec<(usize, String)>,
) -> Option<Document> {
    // The title is the first paragraph of text (a table before it is text
    // of the opening).
    let title = rest
        .remove(rest.iter().position(|l| l.table.is_none())?)
        .text;
    // The end: date, signature, attachment note; after it, attachment pages.
    let date_at = rest.iter().rposition(|l| date_line(&l.text).is_some());
    let (body, tail) = rest.split_at(date_at.unwrap_or(rest.len()));
    let mut body: Vec<&Line> = body.iter().collect();
    let date = tail.first().and_then(|l| date_line(&l.text));
    // An English report may end with its signature and no date ("J. Marsh,
    // Secretary").
    let signed_only = date.is_none() && english && body.len() > 2;
    let signature = match (date.is_some() || signed_only, body.last()) {
        (true, Some(l))
            if !is_complete(&l.text)
                && !ends_paragraph(&l.text)
                && l.table.is_none()
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
    let plan_only = is_plan_title(&title);
    // No 一、 level at all, but （一）: the （一） are the sections (or a
    // plan's items) of one part without a heading.
    let sections_on_top = !english
        && !body.iter().any(|l| mark(&l.text).0 == Mark::Part)
        && body.iter().any(|l| mark(&l.text).0 == Mark::Section);
    let mut reader = Reader {
        place: Place::Opening,
        body: Body {
            english,
            ..Body::default()
        },
        plan_only,
        sections_on_top,
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
            hint: l.hint,
            table: l.table.clone(),
        })
        .collect();
    for l in &after_date {
        reader.warnings.push((
            l.no,
            tr!(
                lang_of(english),
                "import-after-date",
                text = shorten(&l.text)
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

/// Whether a title names a plan only (工作计划, 工作要点), not a summary.
pub(super) fn is_plan_title(title: &str) -> bool {
    !title.contains("总结")
        && ["计划", "要点", "安排", "打算"]
            .iter()
            .any(|w| title.contains(w))
}

/// The walk through the body, one paragraph at a time.
struct Reader<'a> {
    place: Place,
    body: Body,
    /// The document is a plan only: its parts are plans (or other).
    plan_only: bool,
    /// The document has no 一、 level: its （一） stand in one part.
    sections_on_top: bool,
    warnings: &'a mut Vec<(usize, String)>,
}

impl Reader<'_> {
    fn lang(&self) -> Lang {
        lang_of(self.body.english)
    }

    fn line(&mut self, line: &Line) {
        if let Some(rows) = &line.table {
            self.table(line, rows);
            return;
        }
        let (m, marker, rest) = if self.body.english {
            english_mark(&line.text)
        } else {
            mark(&line.text)
        };
        // Formatted as a heading: "1." before a sentence is a level-3
        // heading all the same; a heading without a number stays a paragraph
        // (its level would be a guess), and says so.
        let m = match (m, line.hint) {
            (Mark::Item, Hint::Heading(_)) => Mark::Sub,
            (Mark::None, Hint::Heading(level))
                if !is_complete(&line.text) && line.text.chars().count() <= 40 =>
            {
                self.warnings.push((
                    line.no,
                    tr!(
                        self.lang(),
                        "import-heading-not-numbered",
                        level = level,
                        text = shorten(&line.text)
                    ),
                ));
                m
            }
            _ => m,
        };
        // English parts are numbered "1. Membership".
        if m == Mark::Part || (self.body.english && m == Mark::Sub && marker_is_arabic(marker)) {
            // "一、产业发展：全年新发展……": a run-in part, its heading and text.
            match run_in_part(rest) {
                Some((heading, text)) => {
                    self.part_heading(heading.to_string());
                    if let Some(part) = self.body.parts.last_mut() {
                        part.run_in = true;
                        part.intro.push(text.to_string());
                    }
                }
                None => self.part_heading(rest.to_string()),
            }
            return;
        }
        if self.sections_on_top && self.place == Place::Opening && m == Mark::Section {
            self.warnings
                .push((line.no, tr!(self.lang(), "import-no-part-level")));
            self.part_heading(String::new());
        }
        if self.body.year.is_none() {
            self.body.year = first_year(&line.text);
        }
        match self.place {
            Place::Opening => self.body.opening.push(line.text.clone()),
            Place::Part => self.part_line(line, m, marker, rest),
        }
    }

    /// A table: a block of the section it stands in; before the first part,
    /// its text is a paragraph of the opening.
    fn table(&mut self, line: &Line, rows: &[Vec<String>]) {
        match (self.place, self.body.parts.last_mut()) {
            (Place::Part, Some(part)) => deepest(&mut part.body)
                .blocks
                .push(Blk::Table(rows.to_vec())),
            _ => {
                self.warnings
                    .push((line.no, tr!(self.lang(), "import-table-before-part")));
                self.body.opening.push(line.text.clone());
            }
        }
    }

    /// A part heading 一、…: its role, by its words and its place.
    fn part_heading(&mut self, heading: String) {
        let lower = heading.to_lowercase();
        let has = |words: &[&str]| {
            words
                .iter()
                .any(|w| heading.contains(w) || lower.contains(w))
        };
        let after_work = self.body.parts.iter().any(|p| p.role == Role::Work);
        let role = if has(&[
            "问题",
            "不足",
            "短板",
            "困难和",
            "problem",
            "issue",
            "challenge",
        ]) {
            Role::Problems
        } else if has(&[
            "基本情况",
            "概况",
            "指导思想",
            "总体要求",
            "总体思路",
            "工作目标",
            "保障措施",
            "background",
        ]) {
            Role::Other
        } else if self.plan_only
            || has(&[
                "计划",
                "打算",
                "安排",
                "思路",
                "下一步",
                "工作要点",
                "明年",
                "下半年",
                "plan",
                "next year",
                "priorities",
                "looking ahead",
            ])
            || (after_work && has(&["主要工作", "重点工作"]))
        {
            Role::Plans
        } else {
            Role::Work
        };
        self.body.parts.push(ReadPart {
            heading,
            role,
            body: Sec::default(),
            intro: Vec::new(),
            items: Vec::new(),
            joined: false,
            run_in: false,
        });
        self.place = Place::Part;
    }

    fn part_line(&mut self, line: &Line, m: Mark, marker: &str, rest: &str) {
        let lang = self.lang();
        let Some(part) = self.body.parts.last_mut() else {
            return;
        };
        let plan = part.role == Role::Plans;
        match m {
            // A plan's run-in item: （一）title。text.
            Mark::Section if plan && part.body.children.is_empty() => {
                match run_in_split(rest, self.body.english) {
                    Some((title, text)) => part.items.push((title.to_string(), text.to_string())),
                    None => {
                        // A heading: the plan goes on in sections.
                        part.body.children.push(Sec {
                            title: rest.to_string(),
                            ..Sec::default()
                        });
                    }
                }
            }
            Mark::Section => {
                let mut sec = Sec::default();
                match run_in_split(rest, self.body.english) {
                    Some((title, body)) if !body.trim().is_empty() => {
                        sec.title = title.to_string();
                        sec.run_in = true;
                        sec.blocks.push(Blk::Paragraph(body.to_string()));
                    }
                    _ => sec.title = rest.to_string(),
                }
                part.body.children.push(sec);
            }
            // A plan's items with 1、 or （1） below them are its sections.
            Mark::Sub | Mark::SubSub | Mark::Item
                if plan && part.body.children.is_empty() && !part.items.is_empty() =>
            {
                for (title, text) in std::mem::take(&mut part.items) {
                    let mut sec = Sec {
                        title,
                        ..Sec::default()
                    };
                    if !text.is_empty() {
                        sec.run_in = true;
                        sec.blocks.push(Blk::Paragraph(text));
                    }
                    part.body.children.push(sec);
                }
                self.part_line(line, m, marker, rest);
            }
            // "（1）生日慰问教职工148人。": a full sentence is an item of the
            // level-3 section above, not a heading.
            Mark::SubSub
                if is_complete(rest)
                    && part
                        .body
                        .children
                        .last()
                        .is_some_and(|s| !s.children.is_empty()) =>
            {
                let level3 = part
                    .body
                    .children
                    .last_mut()
                    .and_then(|s| s.children.last_mut())
                    .expect("checked");
                if level3.blocks.is_empty() && level3.children.is_empty() {
                    level3.items.push(rest.to_string());
                } else {
                    level3.blocks.push(Blk::Paragraph(line.text.clone()));
                }
            }
            Mark::SubSub if is_complete(rest) => {
                self.warnings.push((
                    line.no,
                    tr!(lang, "import-no-level-above", text = shorten(&line.text)),
                ));
                deepest(&mut part.body)
                    .blocks
                    .push(Blk::Paragraph(line.text.clone()));
            }
            Mark::Sub | Mark::SubSub if !part.body.children.is_empty() => {
                if m == Mark::Sub {
                    let style = if marker.ends_with('、') {
                        "1、"
                    } else {
                        "1."
                    };
                    self.body.level3.get_or_insert(style);
                }
                let mut sub = Sec {
                    title: rest.to_string(),
                    ..Sec::default()
                };
                // "(b) Pay and grading. The branch supported …": run-in.
                if self.body.english
                    && let Some((title, text)) = run_in_split(rest, true)
                {
                    sub.title = title.to_string();
                    sub.run_in = true;
                    sub.blocks.push(Blk::Paragraph(text.to_string()));
                }
                let parent = part.body.children.last_mut().expect("not empty");
                if m == Mark::SubSub
                    && let Some(level3) = parent.children.last_mut()
                {
                    level3.children.push(sub);
                } else {
                    parent.children.push(sub);
                }
            }
            _ => {
                let items_before = !part.items.is_empty();
                if !items_before && part.body.children.is_empty() && plan && m == Mark::None {
                    // Before a plan's items: its intro.
                    if let Some((intro, points)) = lead_into_points(&line.text) {
                        part.intro.push(intro);
                        part.joined = true;
                        for p in points {
                            part.body.add_point(p);
                        }
                    } else {
                        part.intro.push(line.text.clone());
                    }
                    return;
                }
                if items_before && part.body.children.is_empty() {
                    self.warnings
                        .push((line.no, tr!(lang, "import-after-plan-item")));
                    if let Some((_, text)) = part.items.last_mut() {
                        *text = super::lines::join(text, &line.text);
                    }
                    return;
                }
                let in_part = part.body.children.is_empty();
                if in_part && m == Mark::Point && split_points(rest).len() > 1 {
                    part.joined = true;
                }
                let sec = deepest(&mut part.body);
                let list_style = &mut self.body.list_style;
                text_line(
                    sec,
                    line,
                    m,
                    marker,
                    rest,
                    list_style,
                    self.warnings,
                    in_part,
                );
                if in_part
                    && m == Mark::None
                    && let Some((intro, points)) = joined_paragraph(sec)
                {
                    part.intro.push(intro);
                    part.joined = true;
                    for p in points {
                        sec.add_point(p);
                    }
                }
            }
        }
    }
}

/// A run-in part's heading and text: "产业发展：全年新发展……" → ("产业发展",
/// "全年新发展……"). The heading is short and holds no comma.
fn run_in_part(rest: &str) -> Option<(&str, &str)> {
    let at = rest.find(['：', '。'])?;
    let (heading, text) = (&rest[..at], &rest[at..]);
    let text = text
        .strip_prefix('：')
        .or_else(|| text.strip_prefix('。'))?;
    let short = (1..=15).contains(&heading.chars().count());
    (short && !heading.contains(['，', '、', '；']) && !text.trim().is_empty()).then(|| {
        // The mark stays with the heading when it is 。 (as written).
        let end = if rest[at..].starts_with('。') {
            at + '。'.len_utf8()
        } else {
            at
        };
        (&rest[..end], text)
    })
}

/// A run-in heading and its text: "组织建设。按期完成……" (English: "Pay and
/// grading. The branch …").
fn run_in_split(rest: &str, english: bool) -> Option<(&str, &str)> {
    if !english {
        return rest.split_once('。');
    }
    let (title, text) = rest.split_once(". ")?;
    (title.split_whitespace().count() <= 12 && !text.trim().is_empty()).then_some((title, text))
}

/// What an English paragraph starts with: "1.1 " a section, "(a) " a level-3
/// heading, "(i) " a level-4 one; else as [`mark`] reads it.
fn english_mark(text: &str) -> (Mark, &str, &str) {
    let digits = |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let a = digits(text);
    if a > 0 && text[a..].starts_with('.') {
        let b = digits(&text[a + 1..]);
        let end = a + 1 + b;
        if b > 0 && text[end..].starts_with(' ') {
            return (Mark::Section, &text[..end + 1], text[end..].trim_start());
        }
    }
    if let Some(inner) = text.strip_prefix('(')
        && let Some(close) = inner.find(") ")
    {
        let label = &inner[..close];
        let end = 1 + close + 2;
        let roman = !label.is_empty()
            && label.chars().all(|c| "ivx".contains(c))
            && label != "v"
            && label != "x";
        if roman && label != "i" || label == "ii" {
            return (Mark::SubSub, &text[..end], &text[end..]);
        }
        if label.len() == 1 && label.chars().all(|c| c.is_ascii_lowercase()) {
            return (Mark::Sub, &text[..end], &text[end..]);
        }
    }
    mark(text)
}

/// Whether a mark is an Arabic number ("1. "): an English part's.
fn marker_is_arabic(marker: &str) -> bool {
    marker.starts_with(|c: char| c.is_ascii_digit())
}

/// A paragraph that leads into points: "重点做好四个方面工作：一是……；二是……。"
/// → ("重点做好四个方面工作：", the points).
fn lead_into_points(text: &str) -> Option<(String, Vec<String>)> {
    let at = text.find("：一是")?;
    let (intro, rest) = text.split_at(at + '：'.len_utf8());
    let points = split_points(rest.strip_prefix("一是")?);
    (points.len() > 1).then(|| (intro.to_string(), points))
}

/// The last block of a part, when it is the only one and a paragraph that
/// leads into points: taken off, to be written as the part's intro and points.
fn joined_paragraph(sec: &mut Sec) -> Option<(String, Vec<String>)> {
    if sec.blocks.len() != 1 {
        return None;
    }
    let Some(Blk::Paragraph(text)) = sec.blocks.last() else {
        return None;
    };
    let found = lead_into_points(text)?;
    sec.blocks.pop();
    Some(found)
}

/// A line of text in a section (or directly in a part): points, numbered
/// items, or a paragraph.
#[allow(clippy::too_many_arguments)]
fn text_line(
    sec: &mut Sec,
    line: &Line,
    m: Mark,
    marker: &str,
    rest: &str,
    list_style: &mut Option<&'static str>,
    warnings: &mut Vec<(usize, String)>,
    in_part: bool,
) {
    match m {
        Mark::Point => {
            for p in split_points(rest) {
                sec.add_point(p);
            }
        }
        Mark::Item | Mark::Sub => {
            let style = if marker.ends_with('、') {
                "1、"
            } else {
                "1."
            };
            let number: usize = marker
                .trim_end_matches(['、', '.', '．'])
                .parse()
                .unwrap_or(0);
            let same_style = *list_style.get_or_insert(style) == style;
            let continues = match sec.blocks.last() {
                Some(Blk::Numbered(items)) => items.len() + 1 == number,
                _ => number == 1,
            };
            let item = m == Mark::Item || in_part;
            if same_style && continues && item {
                if let Some(Blk::Numbered(items)) = sec.blocks.last_mut() {
                    items.push(rest.to_string());
                } else {
                    sec.blocks.push(Blk::Numbered(vec![rest.to_string()]));
                }
            } else {
                sec.blocks.push(Blk::Paragraph(line.text.clone()));
            }
        }
        _ => {
            // A slip in the numbering: "二落实" where "二是落实" was meant.
            let expected = crate::numerals::chinese(sec.point_count() as u64 + 1);
            match line.text.strip_prefix(expected.as_str()) {
                Some(rest) if sec.point_count() > 0 => {
                    warnings.push((
                        line.no,
                        // "二落实" for "二是落实": a slip of Chinese text.
                        tr!(
                            Lang::Zh,
                            "import-read-as-point",
                            text = shorten(&line.text),
                            expected = expected,
                            rest = shorten(rest)
                        ),
                    ));
                    sec.add_point(rest.to_string());
                }
                _ => sec.blocks.push(Blk::Paragraph(line.text.clone())),
            }
        }
    }
}

/// A section being built: its heading and its blocks in order.
#[derive(Default)]
pub(super) struct Sec {
    pub title: String,
    pub run_in: bool,
    /// Full-sentence items one level down: （1）text。
    pub items: Vec<String>,
    pub blocks: Vec<Blk>,
    pub children: Vec<Sec>,
}

pub(super) enum Blk {
    Points(Vec<String>),
    Paragraph(String),
    Numbered(Vec<String>),
    /// Rows of cells, the first the header.
    Table(Vec<Vec<String>>),
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

/// The section that text goes into: the last of the last, or the part itself.
fn deepest(part: &mut Sec) -> &mut Sec {
    let mut sec = part;
    while !sec.children.is_empty() {
        sec = sec.children.last_mut().expect("not empty");
    }
    sec
}

pub(super) fn first_year(text: &str) -> Option<i32> {
    // At each 年, the four bytes before it as ASCII digits, not preceded by a
    // fifth digit (ASCII digits are one byte each; a byte of a wider character
    // is no digit). No string is made per character: it runs on every line of
    // a document that names no year.
    let bytes = text.as_bytes();
    text.match_indices('年').find_map(|(at, _)| {
        let digits = bytes.get(at.checked_sub(4)?..at)?;
        (digits.iter().all(u8::is_ascii_digit) && (at == 4 || !bytes[at - 5].is_ascii_digit()))
            .then(|| std::str::from_utf8(digits).ok()?.parse().ok())
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

#[cfg(test)]
mod tests {
    use super::first_year;

    #[test]
    fn the_first_year_is_four_digits_before_nian_and_no_fifth() {
        assert_eq!(first_year("关于2020年工作总结"), Some(2020));
        assert_eq!(first_year("2021年"), Some(2021));
        assert_eq!(first_year("于2021年和2022年"), Some(2021));
        assert_eq!(first_year("共12020年"), None);
        assert_eq!(first_year("共12020年，2019年"), Some(2019));
        assert_eq!(first_year("２０２０年"), None);
        assert_eq!(first_year("020年"), None);
        assert_eq!(first_year("年2020"), None);
        assert_eq!(first_year("a2020年"), Some(2020));
        assert_eq!(first_year("工作2020 年"), None);
    }
}
