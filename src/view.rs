//! What the templates see: the report as Markdown-safe text, its count references
//! written out, its nested sections flattened into numbered blocks, and the
//! labels of the document's language and kind.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::facts::{Facts, Figure};
use crate::model::{
    Activity, ActivityListing, Block, Ending, Lang, PointStyle, ProblemsAs, Report, Section, Table,
    Text,
};
use crate::numerals;
use crate::period::Period;
use crate::period::parse_date;
use crate::refs::{self, Piece};

/// Which document is made from an input.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, clap::ValueEnum)]
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
    pub summary: SummaryView,
    pub problems: Vec<String>,
    pub problems_as: ProblemsAs,
    pub plans: Option<PlansView>,
    pub attachments: Vec<AttachmentView>,
    pub counts: BTreeMap<String, CountView>,
    /// Present when last period's figures are known.
    pub comparison: Option<ComparisonView>,
}

#[derive(Debug, Serialize)]
pub struct Labels {
    pub summary: String,
    pub problems: String,
    pub plans: String,
    pub attachment: String,
    pub attachments_note: String,
}

#[derive(Debug, Serialize)]
pub struct SummaryView {
    pub blocks: Vec<BlockView>,
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
}

#[derive(Debug, Serialize)]
pub struct TableView {
    pub caption: Option<String>,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

#[derive(Debug, Serialize)]
pub struct PlansView {
    pub label: String,
    pub intro: Option<String>,
    pub sections: Vec<PlanSectionView>,
}

#[derive(Debug, Serialize)]
pub struct PlanSectionView {
    pub id: Option<String>,
    pub number: String,
    pub title: String,
    pub text: String,
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
#[derive(Clone, Debug, Default, Serialize)]
pub struct Chart {
    pub labels: Vec<String>,
    pub this: Vec<f64>,
    pub last: Vec<f64>,
    pub this_label: String,
    pub last_label: String,
}

/// The plain-text title: the override, or one made of organisation, period and kind.
pub fn title(report: &Report, kind: Kind) -> String {
    if let Some(title) = &report.meta.title {
        return refs::literal(&title.value);
    }
    let org = &report.meta.organisation.value;
    let period = Period::of(&report.meta);
    let next = period.next();
    let has_plans = report.plans.is_some();
    match (report.meta.language(), kind) {
        (Lang::En, Kind::Plan) => format!("{org}: Plan for {}", next.label_en()),
        (Lang::En, Kind::Combined) if has_plans => format!(
            "{org}: Work Report for {} and Plan for {}",
            period.label_en(),
            next.label_en()
        ),
        (Lang::En, _) => format!("{org}: Work Report for {}", period.label_en()),
        (Lang::Zh, Kind::Plan) => format!("{org}{}工作计划", next.label_zh(None)),
        (Lang::Zh, Kind::Combined) if has_plans => {
            let joiner = if matches!(period, Period::Half(..)) {
                "和"
            } else {
                "及"
            };
            format!(
                "{org}{}工作总结{joiner}{}工作计划",
                period.label_zh(None),
                next.label_zh(Some(period))
            )
        }
        (Lang::Zh, _) => format!("{org}{}工作总结", period.label_zh(None)),
    }
}

/// The widest title that fits one line: 156 mm of 22 pt characters.
const TITLE_LINE_WIDTH: usize = 40;

/// The title for the Markdown. A derived title too long for one line breaks by
/// meaning, after the organisation (`<br>`), not wherever the line is full.
fn title_markdown(report: &Report, kind: Kind) -> String {
    let title = title(report, kind);
    let org = &report.meta.organisation.value;
    let width = unicode_width::UnicodeWidthStr::width(title.as_str());
    let derived = report.meta.title.is_none() && report.meta.language() == Lang::Zh;
    match title.strip_prefix(org.as_str()) {
        Some(rest) if derived && width > TITLE_LINE_WIDTH && !rest.is_empty() => {
            format!("{}<br>{}", escape_markdown(org), escape_markdown(rest))
        }
        _ => escape_markdown(&title),
    }
}

/// Builds the view; numbering and labels follow the document's language.
struct Builder<'a> {
    report: &'a Report,
    facts: &'a Facts,
    lang: Lang,
    /// The number of the summary part, for English numbers such as 1.2.
    part: usize,
}

impl View {
    pub fn new(report: &Report, facts: &Facts, kind: Kind) -> Self {
        let lang = report.meta.language();
        let period = Period::of(&report.meta);
        let next = period.next();
        let b = Builder {
            report,
            facts,
            lang,
            part: 1,
        };
        let text = |t: &Text| b.text(t);
        let date = report.meta.date.value.trim().to_string();
        let parsed = parse_date(&date);
        let ending = report
            .meta
            .ending
            .as_ref()
            .map(|e| e.value)
            .unwrap_or_default();
        let (zh, en) = (lang == Lang::Zh, lang == Lang::En);
        let heading = |h: &Option<Text>| h.as_ref().map(|t| markdown_text(report, facts, &t.value));
        let headings = &report.meta.headings;
        let labels = Labels {
            summary: heading(&headings.summary).unwrap_or_else(|| {
                if zh {
                    format!("{}工作总结", period.label_zh(None))
                } else {
                    format!("Work in {}", period.label_en())
                }
            }),
            problems: heading(&headings.problems).unwrap_or_else(|| {
                if zh {
                    "存在的问题".into()
                } else {
                    "Problems".into()
                }
            }),
            plans: heading(&headings.plans).unwrap_or_else(|| {
                if zh {
                    format!("{}主要工作", next.label_zh(Some(period)))
                } else {
                    format!("Plans for {}", next.label_en())
                }
            }),
            attachment: if zh { "附件".into() } else { "Annex".into() },
            attachments_note: if zh {
                "附件：".into()
            } else {
                "Annexes: ".into()
            },
        };
        let problems_part = 1 + usize::from(kind != Kind::Plan && !report.problems.is_empty());
        View {
            lang,
            kind,
            title: title_markdown(report, kind),
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
            signature: report.meta.signature.as_ref().map(text),
            show_signature: matches!(ending, Ending::Both | Ending::Signature)
                && report.meta.signature.is_some(),
            show_date: matches!(ending, Ending::Both | Ending::Date),
            opening: report.opening.as_ref().map(text),
            labels,
            part_style: if zh { "一、" } else { "1. " },
            point_style: if zh { "一是" } else { "" },
            summary: SummaryView {
                blocks: b.sections(&report.summary.sections, 2, ""),
            },
            problems: report.problems.iter().map(text).collect(),
            problems_as: report
                .meta
                .problems_as
                .as_ref()
                .map(|p| p.value)
                .unwrap_or_default(),
            plans: report.plans.as_ref().map(|p| PlansView {
                label: if zh {
                    next.label_zh(None)
                } else {
                    next.label_en()
                },
                intro: p.intro.as_ref().map(text),
                sections: p
                    .sections
                    .iter()
                    .enumerate()
                    .map(|(i, s)| PlanSectionView {
                        id: s.id.as_ref().map(|i| i.value.clone()),
                        number: b.number(2, i + 1, &format!("{}", problems_part + 1)),
                        title: text(&s.title),
                        text: s.text.as_ref().map(text).unwrap_or_default(),
                    })
                    .collect(),
            }),
            attachments: report
                .attachments
                .iter()
                .enumerate()
                .map(|(i, a)| AttachmentView {
                    number: i + 1,
                    title: text(&a.title),
                    blocks: b.blocks(&a.body, 2, ""),
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
        }
    }
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
    let (this_label, last_label) = if en {
        (period.label_en(), previous.label_en())
    } else {
        (period.label_zh(None), previous.label_zh(None))
    };
    let chart = Chart {
        labels,
        this,
        last,
        this_label: this_label.clone(),
        last_label: last_label.clone(),
    };
    Some(ComparisonView {
        title: if en {
            format!("Figures of {this_label} against {last_label}")
        } else {
            format!("{this_label}主要数据与上年对比")
        },
        label: if en {
            "Appendix".into()
        } else {
            "附表".into()
        },
        header: if en {
            vec!["Item".into(), this_label, last_label, "Change".into()]
        } else {
            vec!["项目".into(), this_label, last_label, "增减".into()]
        },
        rows,
        chart,
    })
}

impl Builder<'_> {
    fn text(&self, text: &Text) -> String {
        markdown_text(self.report, self.facts, &text.value)
    }

    /// The number of the `index`th heading of a level. `parent` is the English
    /// number of the level above ("1" → "1.2").
    fn number(&self, level: usize, index: usize, parent: &str) -> String {
        let n = index as u64;
        match (self.lang, level) {
            (Lang::Zh, 2) => numerals::enumerate(n, "（一）"),
            (Lang::Zh, 3) => {
                let style = self.report.meta.level3.as_ref().map(|s| s.value.as_str());
                numerals::enumerate(n, if style == Some("1、") { "1、" } else { "1." })
            }
            (Lang::Zh, _) => numerals::enumerate(n, "（1）"),
            (Lang::En, 2) => format!("{parent}.{index} "),
            (Lang::En, 3) => numerals::enumerate(n, "(a) "),
            (Lang::En, _) => format!("({}) ", numerals::roman(n)),
        }
    }

    fn sections(&self, sections: &[Section], level: usize, parent: &str) -> Vec<BlockView> {
        let mut out = Vec::new();
        let parent = if parent.is_empty() {
            self.part.to_string()
        } else {
            parent.to_string()
        };
        for (i, section) in sections.iter().enumerate() {
            let number = self.number(level, i + 1, &parent);
            out.extend(self.section(section, level, number));
        }
        out
    }

    fn section(&self, section: &Section, level: usize, number: String) -> Vec<BlockView> {
        let mut out = Vec::new();
        let title = self.text(&section.title);
        let listing = section.activities.as_ref().map(|l| l.value);
        let mut points: Vec<String> = if listing == Some(ActivityListing::Instead) {
            Vec::new()
        } else {
            section.points.iter().map(|p| self.text(p)).collect()
        };
        let activities = listing
            .map(|_| self.activities(section))
            .unwrap_or_default();
        if section.run_in {
            let first = if points.is_empty() {
                String::new()
            } else {
                points.remove(0)
            };
            out.push(BlockView {
                kind: "runin",
                level,
                number: number.clone(),
                title,
                text: first,
                ..BlockView::default()
            });
            if !points.is_empty() {
                out.push(list_block("paragraphs", points));
            }
        } else {
            out.push(BlockView {
                kind: "heading",
                level,
                hashes: "#".repeat(level + 1),
                number: number.clone(),
                title,
                ..BlockView::default()
            });
            if !points.is_empty() {
                let kind = match section.style {
                    PointStyle::Points if self.lang == Lang::Zh => "points",
                    PointStyle::Points | PointStyle::Paragraphs => "paragraphs",
                    PointStyle::Numbered => "numbered",
                };
                out.push(list_block(kind, points));
            }
        }
        if !activities.is_empty() {
            out.push(list_block("paragraphs", activities));
        }
        let own = number.trim().trim_end_matches('.').to_string();
        out.extend(self.blocks(&section.body, level + 1, &own));
        out.extend(self.sections(&section.sections, level + 1, &own));
        out
    }

    fn blocks(&self, blocks: &[Block], level: usize, parent: &str) -> Vec<BlockView> {
        let mut out = Vec::new();
        let mut sub = 0;
        for block in blocks {
            match block {
                Block::Paragraph(t) => out.push(list_block("paragraphs", vec![self.text(t)])),
                Block::Points(items) => out.push(list_block(
                    if self.lang == Lang::Zh {
                        "points"
                    } else {
                        "paragraphs"
                    },
                    items.iter().map(|t| self.text(t)).collect(),
                )),
                Block::Numbered(items) => out.push(list_block(
                    "numbered",
                    items.iter().map(|t| self.text(t)).collect(),
                )),
                Block::Table(table) => out.push(BlockView {
                    kind: "table",
                    table: Some(self.table(table)),
                    ..BlockView::default()
                }),
                Block::Section(section) => {
                    sub += 1;
                    let parent = if parent.is_empty() {
                        self.part.to_string()
                    } else {
                        parent.to_string()
                    };
                    let number = self.number(level, sub, &parent);
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
                match (self.lang, date) {
                    (Lang::Zh, Some(d)) => format!(
                        "{}月{}日，{}。{}",
                        chrono::Datelike::month(&d),
                        chrono::Datelike::day(&d),
                        title.trim_end_matches('。'),
                        text
                    ),
                    (Lang::En, Some(d)) => format!(
                        "{}: {}. {}",
                        d.format("%-d %B"),
                        title.trim_end_matches('.'),
                        text
                    ),
                    (_, None) => format!("{title} {text}"),
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
        text: escape_markdown(&refs::format_count(figure, "")),
    }
}

/// Input text with its count references written out, escaped for Markdown.
pub fn markdown_text(report: &Report, facts: &Facts, text: &str) -> String {
    let mut plain = String::new();
    for piece in refs::parse(text) {
        match piece {
            Piece::Literal(s) => plain.push_str(s),
            Piece::Ref { name, format, .. } => match report.counts.get(name) {
                Some(count) if format == "change" => plain.push_str(&refs::change_text(
                    &facts.figure(name, count),
                    report.meta.language() == Lang::En,
                )),
                Some(count) => {
                    plain.push_str(&refs::format_count(&facts.figure(name, count), format))
                }
                None => plain.push_str(&format!("{{{name}}}")),
            },
        }
    }
    escape_markdown(&plain)
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
