//! What the templates see: the report as Markdown-safe text, its count references
//! written out, its nested sections flattened into numbered blocks, and the
//! labels of the document's language and kind.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::facts::{Facts, Figure};
use crate::locale::tr;
use crate::model::{
    Activity, ActivityListing, Block, Ending, Item, Lang, Part, Place, PointStyle, Report, Role,
    Section, Spanned, Table, Text, Written,
};
use crate::numerals;
use crate::period::Period;
use crate::period::parse_date;
use crate::refs::{self, Piece};

/// How Chinese points are numbered: 一是, 二是, …
const POINTS_ZH: &str = "一是";

/// Which document is made from an input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Summary, problems and plan, like the seed.
    #[default]
    Combined,
    /// The summary and problems only.
    Summary,
    /// A standalone plan for the next period.
    Plan,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Combined => "combined",
            Kind::Summary => "summary",
            Kind::Plan => "plan",
        }
    }
}

#[derive(Debug, Serialize)]
pub struct View {
    pub lang: Lang,
    pub kind: Kind,
    /// The title, Markdown; a long derived one carries a `<br>` where it breaks.
    pub title: String,
    pub organisation: String,
    pub year: i32,
    /// The document date, `YYYY-MM-DD`; `date_text` as the language writes it.
    pub date: String,
    pub date_text: String,
    pub signature: Option<String>,
    pub show_signature: bool,
    pub show_date: bool,
    pub opening: Option<String>,
    pub labels: Labels,
    /// The enumeration patterns of the language: parts ("一、"), points ("一是").
    pub part_style: &'static str,
    pub point_style: &'static str,
    /// How numbered lists are numbered: "1." (a Markdown list) or "1、".
    pub numbering: &'static str,
    /// The parts of this kind of document, numbered.
    pub parts: Vec<PartView>,
    pub attachments: Vec<AttachmentView>,
    pub counts: BTreeMap<String, CountView>,
    /// Present when last period's figures are known.
    pub comparison: Option<ComparisonView>,
    /// The 公文's elements, when the input has a `document:` block.
    pub gongwen: Option<GongwenView>,
    /// The report's own title, Markdown: the covering document's 附件1 when
    /// the document has a covering text (then `title` is the covering
    /// document's).
    pub report_title: String,
}

/// The 公文's elements, escaped for Markdown, each absent when not given.
#[derive(Debug, Serialize)]
pub struct GongwenView {
    /// The 文种 ("报告"), empty when none is given.
    pub kind: &'static str,
    /// 信函格式 (a 函).
    pub letter: bool,
    /// 份号, 密级, 紧急程度, those given.
    pub marks: Vec<String>,
    pub issuer: Vec<String>,
    pub number: Option<String>,
    pub signers: Vec<String>,
    /// "签发人："
    pub signer_label: String,
    /// With its "：".
    pub addressee: Option<String>,
    pub cover: Option<String>,
    /// A seal (space or image) over the signature and date, or over each
    /// signature of `signatures`.
    pub seal: bool,
    /// 签名章 beside the 签发人's posts (`signatures` with `stamp:`).
    pub stamped: bool,
    /// In brackets.
    pub annotation: Option<String>,
    /// "抄送：甲，乙。"
    pub cc: Option<String>,
    pub printer: Option<String>,
    /// "2021年1月5日印发"
    pub printed: Option<String>,
}

/// `document.signatures`' names, a line each (Markdown hard breaks), when
/// the document has them.
fn signatures(report: &Report) -> Option<String> {
    let list = &report.document.as_ref()?.value.signatures.as_ref()?.value;
    let names: Vec<String> = list
        .iter()
        .map(|s| escape_markdown(s.name.value.trim()))
        .collect();
    (!names.is_empty()).then(|| names.join("\\\n"))
}

impl GongwenView {
    fn new(report: &Report, facts: &Facts, lang: Lang) -> Option<GongwenView> {
        let d = &report.document.as_ref()?.value;
        // Checked as text (a count referenced in the cover, the 附注 …), so
        // written as text: `{name}` is the count's value, never the braces.
        let text = |t: &Text| markdown_text(report, facts, t.value.trim());
        let checked = |t: &Option<Text>| t.as_ref().map(text);
        let esc = |t: &Option<Text>| t.as_ref().map(|t| escape_markdown(t.value.trim()));
        let lines = |l: &Option<Spanned<crate::model::Lines>>| -> Vec<String> {
            l.as_ref()
                .map(|l| {
                    l.value
                        .0
                        .iter()
                        .map(|s| escape_markdown(s.trim()))
                        .collect()
                })
                .unwrap_or_default()
        };
        let kind = d.kind.as_ref().map(|k| k.value);
        let cc = lines(&d.cc);
        Some(GongwenView {
            kind: kind.map_or("", |k| k.name()),
            letter: kind == Some(crate::model::DocKind::Letter),
            marks: [&d.copy_number, &d.classification, &d.urgency]
                .into_iter()
                .filter_map(esc)
                .collect(),
            issuer: lines(&d.issuer),
            number: esc(&d.number),
            signers: lines(&d.signers),
            signer_label: tr!(lang, "gongwen-signers"),
            addressee: checked(&d.addressee).map(|a| tr!(lang, "gongwen-addressee", addressee = a)),
            cover: d.cover.as_ref().map(text),
            seal: d.seal.is_some()
                || d.signatures.as_ref().is_some_and(|s| {
                    s.value
                        .iter()
                        .any(|s| s.seal.is_some() || s.stamp.is_some())
                }),
            stamped: d
                .signatures
                .as_ref()
                .is_some_and(|s| s.value.iter().any(|s| s.stamp.is_some())),
            annotation: checked(&d.annotation).map(|a| tr!(lang, "gongwen-annotation", text = a)),
            cc: (!cc.is_empty()).then(|| {
                tr!(
                    lang,
                    "gongwen-cc",
                    organs = cc.join(&tr!(lang, "gongwen-cc-separator"))
                )
            }),
            printer: checked(&d.printer),
            printed: d
                .printed
                .as_ref()
                .and_then(|p| parse_date(p.value.trim()))
                .map(|date| {
                    let date = match lang {
                        Lang::En => numerals::english_date(date),
                        _ => numerals::chinese_date(date),
                    };
                    tr!(lang, "gongwen-printed", date = date)
                }),
        })
    }
}

#[derive(Debug, Serialize)]
pub struct Labels {
    pub summary: String,
    pub problems: String,
    pub plans: String,
    pub attachment: String,
    pub attachments_note: String,
}

/// A top-level part: its number and heading ("一、", "2020年工作总结") and its
/// blocks. A plan document's only part has no heading.
#[derive(Debug, Serialize)]
pub struct PartView {
    pub role: Role,
    pub number: String,
    pub heading: Option<String>,
    pub blocks: Vec<BlockView>,
    /// Where the part was written (the shorthand's three parts, or `parts:`)
    /// and, in `parts:`, where it starts: for the page.
    #[serde(skip)]
    pub written: Written,
    #[serde(skip)]
    pub at: Option<Place>,
}

/// A flat block: a heading, a run-in heading with its text, a paragraph, a list
/// of points, a numbered list or a table. Headings carry their number.
#[derive(Debug, Default, Serialize)]
pub struct BlockView {
    pub kind: &'static str,
    /// 2 for （一）, 3 for 1., 4 for （1）.
    pub level: usize,
    /// `###`… for the Markdown heading of this level.
    pub hashes: String,
    pub number: String,
    pub title: String,
    pub text: String,
    pub items: Vec<String>,
    pub table: Option<TableView>,
    /// The texts this block numbers, each by its place in the input, with
    /// the number printed before it ("（二）", "一是", "1."): what the page
    /// shows beside each text, from the code that numbers the document.
    #[serde(skip)]
    pub numbered: Vec<(Place, String)>,
}

#[derive(Debug, Serialize)]
pub struct TableView {
    pub caption: Option<String>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Serialize)]
pub struct AttachmentView {
    pub number: usize,
    pub title: String,
    pub blocks: Vec<BlockView>,
}

#[derive(Debug, Serialize)]
pub struct CountView {
    pub value: Option<f64>,
    pub unit: String,
    pub label: Option<String>,
    pub note: Option<String>,
    /// As `{name}` writes it: 411人.
    pub text: String,
    /// Last period's value, and the change as `{name:change}` writes it.
    pub last: Option<f64>,
    pub change: Option<String>,
}

/// A row of the comparison with last period.
#[derive(Debug, Serialize)]
pub struct ComparisonRow {
    pub label: String,
    pub this: String,
    pub last: String,
    pub change: String,
}

/// The appendix comparing this period's counts with last period's, and the data
/// of its bar chart (passed to the PDF as data, not through the Markdown).
#[derive(Debug, Serialize)]
pub struct ComparisonView {
    pub title: String,
    pub label: String,
    pub header: Vec<String>,
    pub rows: Vec<ComparisonRow>,
    pub chart: Chart,
}

/// A bar chart of this period's figures against last period's: plain text and
/// finite numbers, which the PDF stage hands to Typst as `sys.inputs.chart`.
#[derive(Clone, Debug, Default, Serialize, serde::Deserialize)]
pub struct Chart {
    pub labels: Vec<String>,
    pub this: Vec<f64>,
    pub last: Vec<f64>,
    pub this_label: String,
    pub last_label: String,
}

/// The plain-text title: the override, or one made of organisation, period and kind.
/// The title the document goes out under, as plain text: a 公文's covering
/// title when it has a covering text or a title of its own ("关于印发《…》的
/// 通知"), else the report's.
pub fn sent_title(report: &Report, kind: Kind) -> String {
    match &report.document {
        Some(d) if covered_title(report) => {
            crate::gongwen::cover_title(&d.value, &title(report, kind), report.meta.language())
        }
        _ => title(report, kind),
    }
}

/// Whether the document goes out under a covering title of its own.
fn covered_title(report: &Report) -> bool {
    report
        .document
        .as_ref()
        .is_some_and(|d| d.value.cover.is_some() || d.value.title.is_some())
}

pub fn title(report: &Report, kind: Kind) -> String {
    if let Some(title) = &report.meta.title {
        // A count referenced in the title is written as its value, as in
        // every text (the activities added up only when one is).
        let referenced = refs::parse(&title.value)
            .iter()
            .any(|piece| matches!(piece, Piece::Ref { .. }));
        if referenced {
            return plain_text(report, &Facts::derive(report, None), &title.value);
        }
        return refs::literal(&title.value);
    }
    let org = &report.meta.organisation.value;
    let period = Period::of(&report.meta);
    let next = period.next();
    let has_plans = report.has_plans();
    let lang = report.meta.language();
    // A plan of its own is for its own period; a plan beside a report for the next.
    // Chinese writes the next period of a half-year after the same year's first
    // half without its year ("下半年"); English always names it whole.
    let next_label = match lang {
        Lang::Zh => next.label_zh(Some(period)),
        Lang::En => next.label(lang),
    };
    let key = if report.is_plan_only() {
        "title-plan"
    } else {
        match kind {
            Kind::Plan => "title-plan",
            Kind::Combined if has_plans && matches!(period, Period::Half(..)) => {
                "title-half-report-and-plan"
            }
            Kind::Combined if has_plans => "title-report-and-plan",
            _ => "title-report",
        }
    };
    let period_label = if key == "title-plan" && !report.is_plan_only() {
        next.label(lang)
    } else {
        period.label(lang)
    };
    tr!(
        lang,
        key,
        organisation = org,
        period = period_label,
        next = next_label
    )
}

/// The widest title that fits one line: 156 mm of 22 pt characters.
const TITLE_LINE_WIDTH: usize = 40;

/// The title for the Markdown. A title too long for one line breaks by
/// meaning, not wherever the line is full (`<br>`): after the organisation, or
/// else (a title of `meta.title` without it) before the year.
fn title_markdown(report: &Report, kind: Kind) -> String {
    let title = title(report, kind);
    let org = &report.meta.organisation.value;
    let width = unicode_width::UnicodeWidthStr::width(title.as_str());
    if report.meta.language() != Lang::Zh || width <= TITLE_LINE_WIDTH {
        return escape_markdown(&title);
    }
    let at = match title.strip_prefix(org.as_str()) {
        Some(rest) if !rest.is_empty() && !org.is_empty() => Some(org.len()),
        _ => year_start(&title),
    };
    match at {
        Some(at) if at > 0 => format!(
            "{}<br>{}",
            escape_markdown(&title[..at]),
            escape_markdown(&title[at..])
        ),
        _ => escape_markdown(&title),
    }
}

/// Where the first year ("2023年") of a title starts.
fn year_start(title: &str) -> Option<usize> {
    title.char_indices().find_map(|(at, _)| {
        let rest = &title[at..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        let previous_digit = title[..at].ends_with(|c: char| c.is_ascii_digit());
        (digits == 4 && rest[4..].starts_with('年') && !previous_digit).then_some(at)
    })
}

/// Builds the view; numbering and labels follow the document's language.
struct Builder<'a> {
    report: &'a Report,
    facts: &'a Facts,
    lang: Lang,
    /// The number of the part being built, for English numbers such as 1.2.
    part: usize,
    /// Lists in a problems part end each item with ；/; and the last with 。/.
    punctuate: bool,
}

impl View {
    pub fn new(report: &Report, facts: &Facts, kind: Kind) -> Self {
        let lang = report.meta.language();
        let period = Period::of(&report.meta);
        let next = Period::planned(report);
        let text = |t: &Text| markdown_text(report, facts, &t.value);
        let date = report.meta.date.value.trim().to_string();
        let parsed = parse_date(&date);
        let ending = report
            .meta
            .ending
            .as_ref()
            .map(|e| e.value)
            .unwrap_or_default();
        let (zh, en) = (lang == Lang::Zh, lang == Lang::En);
        let labels = Labels {
            summary: tr!(lang, "heading-summary", period = period.label(lang)),
            problems: tr!(lang, "heading-problems"),
            plans: if report.is_plan_only() {
                tr!(lang, "heading-plans-plan-only", period = next.label(lang))
            } else {
                let next = match lang {
                    Lang::Zh => next.label_zh(Some(period)),
                    Lang::En => next.label(lang),
                };
                tr!(lang, "heading-plans", period = next)
            },
            attachment: tr!(lang, "heading-attachment"),
            attachments_note: tr!(lang, "attachments-note"),
        };
        let plan_document = kind == Kind::Plan || report.is_plan_only();
        // With a covering text, the report is 附件1 and its attachments follow.
        let covered = report
            .document
            .as_ref()
            .is_some_and(|d| d.value.cover.is_some());
        View {
            lang,
            kind,
            title: if covered_title(report) {
                escape_markdown(&sent_title(report, kind))
            } else {
                title_markdown(report, kind)
            },
            organisation: text(&report.meta.organisation),
            year: report.meta.year.value,
            date_text: parsed
                .map(|d| {
                    if en {
                        numerals::english_date(d)
                    } else {
                        numerals::chinese_date(d)
                    }
                })
                .unwrap_or_else(|| date.clone()),
            date,
            signature: signatures(report).or_else(|| report.meta.signature.as_ref().map(text)),
            show_signature: matches!(ending, Ending::Both | Ending::Signature)
                && (report.meta.signature.is_some() || signatures(report).is_some()),
            show_date: matches!(ending, Ending::Both | Ending::Date),
            opening: report
                .opening
                .as_ref()
                .filter(|_| kind != Kind::Plan || report.is_plan_only())
                .map(text),
            part_style: if zh { "一、" } else { "1. " },
            point_style: if zh { POINTS_ZH } else { "" },
            numbering: report.meta.list_numbering(),
            parts: parts(report, facts, kind, plan_document, &labels),
            labels,
            attachments: report
                .attachments
                .iter()
                .enumerate()
                .map(|(i, a)| AttachmentView {
                    number: i + 1 + usize::from(covered),
                    title: text(&a.title),
                    blocks: Builder::new(report, facts, 1, false).blocks(&a.body, 2, ""),
                })
                .collect(),
            counts: report
                .counts
                .iter()
                .map(|(name, count)| {
                    let figure = facts.figure(&name.value, count);
                    (name.value.clone(), count_view(&figure, en))
                })
                .collect(),
            comparison: comparison(report, facts, period, en),
            gongwen: GongwenView::new(report, facts, lang),
            report_title: title_markdown(report, kind),
        }
    }
}

impl View {
    /// Every number the document prints before a text of its parts and
    /// attachments (（一）, 一是, 1.), with the place of the text it numbers:
    /// a section's or an item's title (an item without one: its text), a
    /// point. The parts' own numbers are theirs ([`PartView`]).
    pub fn numbers(&self) -> impl Iterator<Item = &(Place, String)> {
        self.parts
            .iter()
            .flat_map(|p| &p.blocks)
            .chain(self.attachments.iter().flat_map(|a| &a.blocks))
            .flat_map(|b| &b.numbered)
    }
}

/// Whether a kind of document shows a part of a role: a plan shows the plans
/// parts (and, made from a plan-only input, its other parts too).
/// Whether a kind of document shows any part of the input: `--kind plan` of
/// an input without a plans part would be a title and nothing else.
pub fn shows_anything(report: &Report, kind: Kind) -> bool {
    report.parts.iter().any(|p| shows(report, kind, p.role))
}

fn shows(report: &Report, kind: Kind, role: Role) -> bool {
    match kind {
        Kind::Combined => true,
        Kind::Summary => role != Role::Plans,
        Kind::Plan => role == Role::Plans || (role == Role::Other && report.is_plan_only()),
    }
}

/// The parts a kind of document shows, numbered 一、二、… over the document; a
/// plan document made of one part has no part heading.
fn parts(
    report: &Report,
    facts: &Facts,
    kind: Kind,
    plan_document: bool,
    labels: &Labels,
) -> Vec<PartView> {
    let shown: Vec<&Part> = report
        .parts
        .iter()
        .filter(|p| shows(report, kind, p.role))
        .collect();
    let headless = plan_document && shown.len() == 1;
    let lang = report.meta.language();
    let headings = &report.meta.headings;
    // Parts with a heading are numbered 一、二、…; a part written with an
    // empty heading has none and takes no number.
    let mut n = 0;
    shown
        .into_iter()
        .map(|part| {
            let no_heading = part
                .heading
                .as_ref()
                .is_some_and(|h| h.value.trim().is_empty());
            if !no_heading && !headless {
                n += 1;
            }
            let b = Builder::new(report, facts, n.max(1), part.role == Role::Problems);
            let written = match part.written {
                Written::Parts => part.heading.as_ref(),
                Written::Summary => headings.summary.as_ref(),
                Written::Problems => headings.problems.as_ref(),
                Written::Plans => headings.plans.as_ref(),
            };
            let derived = match part.role {
                Role::Work => Some(labels.summary.clone()),
                Role::Problems => Some(labels.problems.clone()),
                Role::Plans => Some(labels.plans.clone()),
                Role::Other => None,
            };
            let heading = written
                .map(|h| b.text(h))
                .or(derived)
                .filter(|h| !headless && !h.trim().is_empty());
            let number = numerals::enumerate(
                n.max(1) as u64,
                if lang == Lang::Zh { "一、" } else { "1. " },
            );
            let mut blocks = b.part(part);
            // A run-in part: "一、产业发展：" and its first paragraph in one.
            let heading = match heading {
                Some(title) if part.run_in => {
                    let text = match blocks.first_mut() {
                        Some(first) if first.kind == "paragraphs" && !first.items.is_empty() => {
                            let text = first.items.remove(0);
                            if first.items.is_empty() {
                                blocks.remove(0);
                            }
                            text
                        }
                        _ => String::new(),
                    };
                    let title = if crate::cjk::ends_sentence(&title) {
                        title
                    } else {
                        let colon = if lang == Lang::Zh { '：' } else { ':' };
                        format!("{title}{colon}")
                    };
                    blocks.insert(
                        0,
                        BlockView {
                            kind: "runin",
                            level: 1,
                            number: number.clone(),
                            title,
                            text,
                            ..BlockView::default()
                        },
                    );
                    None
                }
                other => other,
            };
            PartView {
                role: part.role,
                number,
                heading,
                blocks,
                written: part.written,
                at: part.at,
            }
        })
        .collect()
}

/// Every count with this period's figure, last period's and the change; the
/// chart shows those with both figures (at most 8).
fn comparison(report: &Report, facts: &Facts, period: Period, en: bool) -> Option<ComparisonView> {
    if !facts.has_previous() {
        return None;
    }
    let previous = period.previous();
    let figure = |v: Option<f64>, unit: &str| match v {
        Some(v) => escape_markdown(&format!("{}{unit}", numerals::arabic(v))),
        None => "—".to_string(),
    };
    let mut rows = Vec::new();
    let (mut labels, mut this, mut last) = (Vec::new(), Vec::new(), Vec::new());
    for (name, count) in report.counts.iter() {
        let label = refs::literal(
            count
                .label
                .as_ref()
                .map_or(name.value.as_str(), |l| l.value.as_str()),
        );
        let counted = facts.figure(&name.value, count);
        let now = counted.value;
        rows.push(ComparisonRow {
            label: escape_markdown(&label),
            this: figure(now, &refs::literal(&count.unit)),
            last: figure(counted.previous, &refs::literal(&count.unit)),
            change: if counted.previous.is_some() {
                escape_markdown(&refs::change_text(&counted, en))
            } else {
                "—".to_string()
            },
        });
        if let (Some(now), Some(before)) = (now, counted.previous)
            && now.is_finite()
            && before.is_finite()
            && labels.len() < 8
        {
            labels.push(label.to_string());
            this.push(now);
            last.push(before);
        }
    }
    let lang = if en { Lang::En } else { Lang::Zh };
    let (this_label, last_label) = (period.label(lang), previous.label(lang));
    let chart = Chart {
        labels,
        this,
        last,
        this_label: this_label.clone(),
        last_label: last_label.clone(),
    };
    Some(ComparisonView {
        title: tr!(
            lang,
            "comparison-title",
            this = this_label,
            last = last_label
        ),
        label: tr!(lang, "comparison-label"),
        header: vec![
            tr!(lang, "comparison-item"),
            this_label,
            last_label,
            tr!(lang, "comparison-change"),
        ],
        rows,
        chart,
    })
}

impl<'a> Builder<'a> {
    fn new(report: &'a Report, facts: &'a Facts, part: usize, punctuate: bool) -> Self {
        Builder {
            report,
            facts,
            lang: report.meta.language(),
            part,
            punctuate,
        }
    }

    /// A part's blocks: its intro, points, items, body and sections, the
    /// numbered ones counted together at level 2.
    fn part(&self, part: &Part) -> Vec<BlockView> {
        let mut out = Vec::new();
        let mut points = self.points(&part.points, part.style);
        if let Some(intro) = &part.intro {
            let intro = self.text(intro);
            // "重点做好四个方面工作：一是……；二是……。" is one paragraph.
            match &mut points {
                Some(joined)
                    if part.style == PointStyle::Joined && intro.ends_with(['：', ':']) =>
                {
                    let space = if self.lang == Lang::En { " " } else { "" };
                    joined.items[0] = format!("{intro}{space}{}", joined.items[0]);
                }
                _ => out.push(list_block("paragraphs", vec![intro])),
            }
        }
        out.extend(points);
        let mut sub = 0;
        let parent = self.part.to_string();
        out.extend(self.items(&part.items, 2, &parent, &mut sub));
        out.extend(self.blocks_counted(&part.body, 2, &parent, &mut sub));
        for section in &part.sections {
            sub += 1;
            let number = self.number(2, sub, &parent);
            out.extend(self.section(section, 2, number));
        }
        out
    }

    /// Points as their style writes them: 一是 paragraphs, plain paragraphs, a
    /// numbered list, or one paragraph 一是……；二是……。
    fn points(&self, points: &[Text], style: PointStyle) -> Option<BlockView> {
        if points.is_empty() {
            return None;
        }
        let mut items: Vec<String> = points.iter().map(|p| self.text(p)).collect();
        if self.punctuate || style == PointStyle::Joined {
            items = punctuated(items, self.lang == Lang::En);
        }
        let zh = self.lang == Lang::Zh;
        // The number each point is printed with, as the templates print it
        // (`point_style`, the list numbering), or none.
        let number = |i: usize| -> Option<String> {
            let n = i as u64 + 1;
            match style {
                PointStyle::Points | PointStyle::Joined if zh => {
                    Some(numerals::enumerate(n, POINTS_ZH))
                }
                PointStyle::Numbered => {
                    Some(numerals::enumerate(n, self.report.meta.list_numbering()))
                }
                _ => None,
            }
        };
        let numbered = points
            .iter()
            .enumerate()
            .filter_map(|(i, p)| Some((p.referenced, number(i)?)))
            .collect();
        let mut block = match style {
            PointStyle::Points if self.lang == Lang::Zh => list_block("points", items),
            PointStyle::Points | PointStyle::Paragraphs => list_block("paragraphs", items),
            PointStyle::Numbered => list_block("numbered", items),
            PointStyle::Joined => {
                let joined = items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| match self.lang {
                        Lang::Zh => {
                            format!("{}{item}", numerals::enumerate(i as u64 + 1, POINTS_ZH))
                        }
                        Lang::En => item.clone(),
                    })
                    .collect::<Vec<_>>()
                    .join(if self.lang == Lang::En { " " } else { "" });
                list_block("paragraphs", vec![joined])
            }
        };
        block.numbered = numbered;
        Some(block)
    }

    /// Run-in items at a level: "（一）title。text", or "（一）text".
    fn items(&self, items: &[Item], level: usize, parent: &str, sub: &mut usize) -> Vec<BlockView> {
        items
            .iter()
            .map(|item| {
                *sub += 1;
                let number = self.number(level, *sub, parent);
                let named = item.title.as_ref().or(item.text.as_ref());
                BlockView {
                    kind: "runin",
                    level,
                    numbered: named
                        .map(|t| vec![(t.referenced, number.clone())])
                        .unwrap_or_default(),
                    number,
                    title: item
                        .title
                        .as_ref()
                        .map(|t| self.text(t))
                        .unwrap_or_default(),
                    text: item.text.as_ref().map(|t| self.text(t)).unwrap_or_default(),
                    ..BlockView::default()
                }
            })
            .collect()
    }

    fn text(&self, text: &Text) -> String {
        markdown_text(self.report, self.facts, &text.value)
    }

    /// The number of the `index`th heading of a level. `parent` is the English
    /// number of the level above ("1" → "1.2").
    fn number(&self, level: usize, index: usize, parent: &str) -> String {
        let n = index as u64;
        match (self.lang, level) {
            (Lang::Zh, 2) => numerals::enumerate(n, "（一）"),
            (Lang::Zh, 3) => numerals::enumerate(n, self.report.meta.heading_numbering()),
            (Lang::Zh, _) => numerals::enumerate(n, "（1）"),
            (Lang::En, 2) => format!("{parent}.{index} "),
            (Lang::En, 3) => numerals::enumerate(n, "(a) "),
            (Lang::En, _) => format!("({}) ", numerals::roman(n)),
        }
    }

    fn section(&self, section: &Section, level: usize, number: String) -> Vec<BlockView> {
        let mut out = Vec::new();
        let title = self.text(&section.title);
        let listing = section.activities.as_ref().map(|l| l.value);
        let points: &[Text] = if listing == Some(ActivityListing::Instead) {
            &[]
        } else {
            &section.points
        };
        let activities = listing
            .map(|_| self.activities(section))
            .unwrap_or_default();
        if section.run_in {
            let mut rest = self.points(points, section.style);
            let first = match &mut rest {
                Some(block) if !block.items.is_empty() => block.items.remove(0),
                _ => String::new(),
            };
            out.push(BlockView {
                kind: "runin",
                level,
                number: number.clone(),
                title,
                text: first,
                numbered: vec![(section.title.referenced, number.clone())],
                ..BlockView::default()
            });
            // The points after the first are plain paragraphs: no numbers.
            if let Some(mut rest) = rest.filter(|b| !b.items.is_empty()) {
                rest.kind = "paragraphs";
                rest.numbered.clear();
                out.push(rest);
            }
        } else {
            out.push(BlockView {
                kind: "heading",
                level,
                hashes: "#".repeat(level + 1),
                number: number.clone(),
                title,
                numbered: vec![(section.title.referenced, number.clone())],
                ..BlockView::default()
            });
            out.extend(self.points(points, section.style));
        }
        if !activities.is_empty() {
            out.push(list_block("paragraphs", activities));
        }
        let own = number.trim().trim_end_matches('.').to_string();
        let mut sub = 0;
        out.extend(self.items(&section.items, level + 1, &own, &mut sub));
        out.extend(self.blocks_counted(&section.body, level + 1, &own, &mut sub));
        for child in &section.sections {
            sub += 1;
            let number = self.number(level + 1, sub, &own);
            out.extend(self.section(child, level + 1, number));
        }
        out
    }

    fn blocks(&self, blocks: &[Block], level: usize, parent: &str) -> Vec<BlockView> {
        self.blocks_counted(blocks, level, parent, &mut 0)
    }

    /// Body blocks; their sections continue the numbering `sub` of the level.
    fn blocks_counted(
        &self,
        blocks: &[Block],
        level: usize,
        parent: &str,
        sub: &mut usize,
    ) -> Vec<BlockView> {
        let mut out = Vec::new();
        for block in blocks {
            match block {
                Block::Paragraph(t) => out.push(list_block("paragraphs", vec![self.text(t)])),
                Block::Points(items) => out.extend(self.points(items, PointStyle::Points)),
                Block::Numbered(items) => out.extend(self.points(items, PointStyle::Numbered)),
                Block::Table(table) => out.push(BlockView {
                    kind: "table",
                    table: Some(self.table(table)),
                    ..BlockView::default()
                }),
                Block::Section(section) => {
                    *sub += 1;
                    let parent = if parent.is_empty() {
                        self.part.to_string()
                    } else {
                        parent.to_string()
                    };
                    let number = self.number(level, *sub, &parent);
                    out.extend(self.section(section, level, number));
                }
            }
        }
        out
    }

    /// A section's activities by date: "3月8日，开展“三八”节活动。……".
    fn activities(&self, section: &Section) -> Vec<String> {
        let mut list: Vec<&Activity> = self
            .report
            .activities
            .iter()
            .filter(|a| {
                a.section
                    .as_ref()
                    .is_some_and(|s| section.is_named(&s.value))
            })
            .collect();
        list.sort_by(|a, b| a.date.value.trim().cmp(b.date.value.trim()));
        list.into_iter()
            .map(|a| {
                let date = parse_date(&a.date.value);
                let title = self.text(&a.title);
                let text = a.text.as_ref().map(|t| self.text(t)).unwrap_or_default();
                match date {
                    // A month: its number in Chinese (3月), its name in English (March).
                    Some(d) => tr!(
                        self.lang,
                        "activity-line",
                        month = match self.lang {
                            Lang::Zh => chrono::Datelike::month(&d).to_string(),
                            Lang::En => d.format("%B").to_string(),
                        },
                        day = chrono::Datelike::day(&d),
                        title = title.trim_end_matches(match self.lang {
                            Lang::Zh => '。',
                            Lang::En => '.',
                        }),
                        text = text
                    ),
                    None => format!("{title} {text}"),
                }
                .trim_end()
                .to_string()
            })
            .collect()
    }

    fn table(&self, table: &Table) -> TableView {
        let cell = |t: &Text| self.text(t).replace('\n', " ");
        TableView {
            caption: table.caption.as_ref().map(|c| self.text(c)),
            header: table.header.iter().map(cell).collect(),
            rows: table
                .rows
                .iter()
                .map(|row| row.iter().map(cell).collect())
                .collect(),
        }
    }
}

/// Items of a list that reads as one sentence: each ends with ；(English ;),
/// the last with 。(.), unless it already ends in punctuation.
fn punctuated(items: Vec<String>, en: bool) -> Vec<String> {
    let count = items.len();
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let last = i + 1 == count;
            let ends = item
                .chars()
                .last()
                .is_some_and(|c| crate::cjk::SENTENCE_ENDS.contains(c));
            if ends || item.is_empty() {
                return item;
            }
            let mark = match (last, en) {
                (false, false) => "；",
                (false, true) => ";",
                (true, false) => "。",
                (true, true) => ".",
            };
            format!("{item}{mark}")
        })
        .collect()
}

fn list_block(kind: &'static str, items: Vec<String>) -> BlockView {
    BlockView {
        kind,
        items,
        ..BlockView::default()
    }
}

fn count_view(figure: &Figure, en: bool) -> CountView {
    let count = figure.count;
    CountView {
        last: figure.previous,
        change: figure
            .previous
            .map(|_| escape_markdown(&refs::change_text(figure, en))),
        value: figure.value,
        unit: escape_markdown(&refs::literal(&count.unit)),
        label: count
            .label
            .as_ref()
            .map(|l| escape_markdown(&refs::literal(&l.value))),
        note: count.note.as_ref().map(|n| escape_markdown(&n.value)),
        text: escape_markdown(&refs::format_count(figure, "", en)),
    }
}

/// Input text with its count references written out, escaped for Markdown.
pub fn markdown_text(report: &Report, facts: &Facts, text: &str) -> String {
    escape_markdown(&plain_text(report, facts, text))
}

/// Input text with its count references written out.
pub fn plain_text(report: &Report, facts: &Facts, text: &str) -> String {
    let mut plain = String::new();
    for piece in refs::parse(text) {
        match piece {
            Piece::Literal(s) => plain.push_str(s),
            Piece::Ref { name, format, .. } => match report.counts.get(name) {
                Some(count) if format == "change" => plain.push_str(&refs::change_text(
                    &facts.figure(name, count),
                    report.meta.language() == Lang::En,
                )),
                Some(count) => plain.push_str(&refs::format_count(
                    &facts.figure(name, count),
                    format,
                    report.meta.language() == Lang::En,
                )),
                None => plain.push_str(&format!("{{{name}}}")),
            },
        }
    }
    plain
}

/// Escapes text so that Markdown reads it as the same text: inline markup
/// characters get a backslash, and so does whatever would open a block at the
/// start of a line (a heading, a list, a quote, a rule).
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let line = line.trim_start_matches([' ', '\t']);
        // A leading "1." or "1)" would start an ordered list.
        let digits = line.chars().take_while(|c| c.is_ascii_digit()).count();
        for (at, c) in line.char_indices() {
            let line_start = at == 0;
            let needs = match c {
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '!' | '|' | '~' | '&' | '#'
                | '$' | '{' | '}' => true,
                '-' | '+' | '=' => line_start,
                // "1." or "1)" opens a list only before a space or the end.
                '.' | ')' => {
                    at == digits
                        && digits > 0
                        && line[at + 1..]
                            .chars()
                            .next()
                            .is_none_or(char::is_whitespace)
                }
                _ => false,
            };
            if needs {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}
