//! The input schema as plain data. Every value that a diagnostic may point
//! at is `Spanned`, so it keeps the line and column where the YAML wrote it.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{Deserializer, MapAccess, Visitor};

/// A value of the input with the place where it was written.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Spanned<T> {
    pub value: T,
    /// Where it stands (for a value reached through an alias: the alias).
    pub referenced: Place,
}

/// Where the parser saw a value: its location in its file, and where that
/// file's positions start (see [`crate::source`]), so that the place alone
/// says which file of a folder it is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Place {
    /// The position of the first byte of the value's file.
    pub base: usize,
    /// The parser's line, column and byte offset in that file.
    pub location: serde_saphyr::Location,
}

thread_local! {
    /// The first position of the file being parsed on this thread.
    static BASE: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

/// Runs `parse` with the values it deserializes placed in the file whose
/// positions start at `base`.
pub fn parsed_at<R>(base: usize, parse: impl FnOnce() -> R) -> R {
    struct Restore(usize);
    impl Drop for Restore {
        fn drop(&mut self) {
            BASE.set(self.0);
        }
    }
    let _restore = Restore(BASE.replace(base));
    parse()
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let spanned = serde_saphyr::Spanned::<T>::deserialize(deserializer)?;
        Ok(Spanned {
            value: spanned.value,
            referenced: Place {
                base: BASE.get(),
                location: spanned.referenced,
            },
        })
    }
}

/// A string from the input, with its place.
pub type Text = Spanned<String>;

/// One report: what a year's work summary and next year's plan are made of.
/// Built by the loader from the files of an input ([`PartialReport`]).
#[derive(Debug)]
pub struct Report {
    pub meta: Meta,
    pub opening: Option<Text>,
    pub counts: Named<Count>,
    /// The body: top-level parts (一、 二、 …) in order. The shorthand
    /// `summary:` / `problems:` / `plans:` becomes three of them.
    pub parts: Vec<Part>,
    /// Documents attached after the body (附件), each on a page of its own.
    pub attachments: Vec<Attachment>,
    /// Activities logged through the year; their figures add up to counts.
    pub activities: Vec<Activity>,
    /// How strict `check` is: rule name → allow, warn or deny.
    pub settings: Settings,
    /// The 公文's elements (GB/T 9704): 文种, 版头, 主送, seal, 版记. Absent:
    /// the plain document.
    pub document: Option<Spanned<Document>>,
}

/// One file of an input: any part of a report. The files of a folder (or the
/// one file) are merged into one [`Report`]; the same part in two files is an
/// error, and `meta` and a body (`parts`, or `summary` / `plans`) must be somewhere.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartialReport {
    #[serde(default)]
    pub meta: Option<Spanned<Meta>>,
    #[serde(default)]
    pub opening: Option<Text>,
    #[serde(default)]
    pub counts: Named<Count>,
    #[serde(default)]
    pub parts: Option<Spanned<Vec<Spanned<Part>>>>,
    #[serde(default)]
    pub summary: Option<Spanned<Summary>>,
    #[serde(default)]
    pub problems: Vec<Text>,
    #[serde(default)]
    pub plans: Option<Spanned<Plans>>,
    #[serde(default)]
    pub attachments: Vec<Attachment>,
    #[serde(default)]
    pub activities: Vec<Activity>,
    #[serde(default)]
    pub settings: Settings,
    #[serde(default)]
    pub document: Option<Spanned<Document>>,
}

/// The elements of a 公文 (GB/T 9704-2012) around the report: the 版头 (份号,
/// 密级, 紧急程度, 发文机关标志, 发文字号, 签发人), the 主送机关, a covering text
/// that sends the report as its 附件, the seal, the 附注 and the 版记 (抄送,
/// 印发机关和印发日期). Each is printed when given.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// 文种: 报告, 请示, 通知, 函 (信函格式) or 纪要.
    #[serde(default)]
    pub kind: Option<Spanned<DocKind>>,
    /// 份号: six digits.
    #[serde(default)]
    pub copy_number: Option<Text>,
    /// 密级和保密期限: 秘密★1年.
    #[serde(default)]
    pub classification: Option<Text>,
    /// 紧急程度: 特急, 加急.
    #[serde(default)]
    pub urgency: Option<Text>,
    /// 发文机关标志: "××市教育工会文件", or several organs (联合行文).
    #[serde(default)]
    pub issuer: Option<Spanned<Lines>>,
    /// 发文字号: 机关代字〔year〕number号.
    #[serde(default)]
    pub number: Option<Text>,
    /// 签发人 (a 上行文's): one name or several.
    #[serde(default)]
    pub signers: Option<Spanned<Lines>>,
    /// 主送机关, without the closing "：".
    #[serde(default)]
    pub addressee: Option<Text>,
    /// The covering document's title; derived from the 文种 and the report's
    /// title when a `cover` is given.
    #[serde(default)]
    pub title: Option<Text>,
    /// A covering text: the document's body, the report becoming its 附件.
    #[serde(default)]
    pub cover: Option<Text>,
    /// The seal over the signature and date: `space` (stamped by hand) or a
    /// PNG or SVG file, relative to the input.
    #[serde(default)]
    pub seal: Option<Text>,
    /// The signatures with their seals, in the organs' order: several organs'
    /// names each under its own seal (联合行文, GB/T 9704 7.3.5.1), or the
    /// 签发人's post beside their 签名章 (7.3.5.3). Replaces `meta.signature`
    /// and `seal` in the closing.
    #[serde(default)]
    pub signatures: Option<Spanned<Vec<Signature>>>,
    /// 附注, printed in brackets under the date.
    #[serde(default)]
    pub annotation: Option<Text>,
    /// 抄送机关: one or several.
    #[serde(default)]
    pub cc: Option<Spanned<Lines>>,
    /// 印发机关 of the 版记.
    #[serde(default)]
    pub printer: Option<Text>,
    /// 印发日期, `YYYY-MM-DD`.
    #[serde(default)]
    pub printed: Option<Text>,
}

/// One signature of a 公文's closing: an organ's name under its seal, or a
/// 签发人's post (职务, in full) beside their 签名章.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// The organ's name, or with a `stamp` the 签发人's post.
    pub name: Text,
    /// The organ's seal: `space` (stamped by hand) or a PNG or SVG file,
    /// relative to the input.
    #[serde(default)]
    pub seal: Option<Text>,
    /// The 签发人's 签名章: a PNG or SVG file, relative to the input.
    #[serde(default)]
    pub stamp: Option<Text>,
}

/// 文种: what kind of 公文 the document is.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, serde::Serialize)]
pub enum DocKind {
    #[serde(rename = "报告")]
    Report,
    #[serde(rename = "请示")]
    Request,
    #[serde(rename = "通知")]
    Notice,
    #[serde(rename = "函")]
    Letter,
    #[serde(rename = "纪要")]
    Minutes,
}

impl DocKind {
    /// The 文种's name, as the title ends.
    pub fn name(self) -> &'static str {
        match self {
            DocKind::Report => "报告",
            DocKind::Request => "请示",
            DocKind::Notice => "通知",
            DocKind::Letter => "函",
            DocKind::Minutes => "纪要",
        }
    }

    /// A 上行文 (to a higher organ): its 发文字号 stands left of the 签发人.
    pub fn upward(self) -> bool {
        matches!(self, DocKind::Report | DocKind::Request)
    }
}

/// One text or several: `issuer: 某工会文件` or `issuer: [甲, 乙]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Lines(pub Vec<String>);

impl<'de> Deserialize<'de> for Lines {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct OneOrMany;
        impl<'de> Visitor<'de> for OneOrMany {
            type Value = Lines;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a text or a list of texts")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Lines, E> {
                Ok(Lines(vec![v.to_string()]))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Lines, A::Error> {
                let mut lines = Vec::new();
                while let Some(line) = seq.next_element::<String>()? {
                    lines.push(line);
                }
                Ok(Lines(lines))
            }
        }
        deserializer.deserialize_any(OneOrMany)
    }
}

/// What a top-level part holds; `--kind` picks parts by role.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Work done in the period (any number of parts).
    #[default]
    Work,
    /// The problems found.
    Problems,
    /// The next period's plan (or, in a plan-only document, the plan).
    Plans,
    /// Anything else: a part with its own heading, in every kind of document.
    Other,
}

/// Where a part was written: in `parts:`, or as the shorthand's three parts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Written {
    #[default]
    Parts,
    Summary,
    Problems,
    Plans,
}

/// A top-level part (一、heading): a role, a heading, and the same bodies a
/// section has, plus run-in items （一）title。text.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    #[serde(default)]
    pub role: Role,
    /// The heading after 一、; absent: derived from the role ("2020年工作总结",
    /// "存在的问题", "2021年主要工作").
    #[serde(default)]
    pub heading: Option<Text>,
    /// Run-in: the heading and the intro in one paragraph, "一、产业发展：全年……"
    /// (a heading without a mark of its own is followed by "：").
    #[serde(default)]
    pub run_in: bool,
    #[serde(default)]
    pub id: Option<Text>,
    /// For a plans part: the year planned for (checked, never printed).
    #[serde(default)]
    pub year: Option<Spanned<i32>>,
    /// A paragraph before everything else of the part.
    #[serde(default)]
    pub intro: Option<Text>,
    #[serde(default)]
    pub style: PointStyle,
    #[serde(default)]
    pub points: Vec<Text>,
    /// Numbered run-in items, at the level of sections: （一）title。text, or （一）text.
    #[serde(default)]
    pub items: Vec<Item>,
    #[serde(default)]
    pub body: Vec<Block>,
    #[serde(default)]
    pub sections: Vec<Section>,
    /// Where it was written (not part of the input).
    #[serde(skip)]
    pub written: Written,
    /// Where it starts in its file, when written in `parts:`.
    #[serde(skip)]
    pub at: Option<Place>,
}

/// What a rule's diagnostics become: nothing, warnings, or errors.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Allow,
    Warn,
    Deny,
}

/// The input's `settings:` part.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Rule name → level, e.g. `half-width-punctuation: allow`.
    #[serde(default)]
    pub rules: std::collections::BTreeMap<String, Spanned<Level>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// The office that reports, e.g. 学校工会; the author of the PDF.
    pub organisation: Text,
    /// The year the report covers.
    pub year: Spanned<i32>,
    /// A half-year report: 1 (上半年) or 2 (下半年) of `year`.
    #[serde(default)]
    pub half: Option<Spanned<u8>>,
    /// Any other period: its first and last day (`YYYY-MM-DD`), within `year`'s report.
    #[serde(default)]
    pub from: Option<Text>,
    #[serde(default)]
    pub to: Option<Text>,
    /// The document date (成文日期), `YYYY-MM-DD`.
    pub date: Text,
    /// The name under the text, usually the office; absent: no signature line.
    #[serde(default)]
    pub signature: Option<Text>,
    /// Replaces the derived title "<organisation><year>年工作总结及<year+1>年工作计划".
    #[serde(default)]
    pub title: Option<Text>,
    #[serde(default)]
    pub lang: Option<Spanned<Lang>>,
    /// What stands under the text: both signature and date (default), one, or neither.
    #[serde(default)]
    pub ending: Option<Spanned<Ending>>,
    /// The style of level-3 numbers and of numbered lists: "1." (default) or "1、".
    #[serde(default)]
    pub numbering: Option<Text>,
    /// The older setting, for level-3 headings only.
    #[serde(default)]
    pub level3: Option<Text>,
    /// The problems part as a numbered list (default) or as one paragraph.
    #[serde(default)]
    pub problems_as: Option<Spanned<ProblemsAs>>,
    /// The headings of the parts, when not the usual ones.
    #[serde(default)]
    pub headings: Headings,
}

/// Part headings that replace "2020年工作总结", "存在的问题", "2021年主要工作".
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Headings {
    #[serde(default)]
    pub summary: Option<Text>,
    #[serde(default)]
    pub problems: Option<Text>,
    #[serde(default)]
    pub plans: Option<Text>,
}

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Ending {
    #[default]
    Both,
    Signature,
    Date,
    None,
}

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ProblemsAs {
    #[default]
    List,
    Paragraph,
}

#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// A named figure, referenced from the text as `{name}`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Count {
    #[serde(default)]
    pub value: Option<Spanned<f64>>,
    /// The measure word or unit: 人, 项, 件, 万元 …
    #[serde(default)]
    pub unit: String,
    /// What is counted, for tables and for people reading the YAML.
    #[serde(default)]
    pub label: Option<Text>,
    #[serde(default)]
    pub note: Option<Text>,
    /// An approximate figure: `true`, written "1000余份" / "一千余份" ("3万余元":
    /// 余 after the magnitude); or the unit with 余 where it is written,
    /// `余万元` for "180余万元".
    #[serde(default)]
    pub approx: Approx,
    /// The name of a count this one is part of; it may not exceed it.
    #[serde(default)]
    pub part_of: Option<Text>,
    /// Digits after the decimal point, always written: `decimals: 2` → 2086.40.
    #[serde(default)]
    pub decimals: Option<Spanned<u8>>,
    /// A currency sign before the number: £, $, ¥, €.
    #[serde(default)]
    pub currency: Option<Text>,
    /// Thousands separated by commas: 12,400.
    #[serde(default)]
    pub grouping: bool,
    /// A change, which may be negative even in 人, 个, 项.
    #[serde(default)]
    pub signed: bool,
    /// The inputs a total adds up, as `nianbao rollup` writes them.
    #[serde(default)]
    pub from: Vec<Text>,
}

/// Whether a figure is approximate, and where its 余 stands.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Approx {
    #[default]
    No,
    /// 余 where nianbao puts it: before the unit, after a compound unit's
    /// magnitude (万余元).
    Yes,
    /// The unit with 余 as written ("余万元").
    Written(String),
}

impl Approx {
    pub fn is_approx(&self) -> bool {
        *self != Approx::No
    }
}

impl<'de> Deserialize<'de> for Approx {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Flag(bool),
            Unit(String),
        }
        Ok(match Written::deserialize(deserializer)? {
            Written::Flag(false) => Approx::No,
            Written::Flag(true) => Approx::Yes,
            Written::Unit(unit) if unit.matches('余').count() == 1 => Approx::Written(unit),
            // Neither: a boolean, as before there was a written form.
            Written::Unit(unit) => {
                return Err(serde::de::Error::invalid_type(
                    serde::de::Unexpected::Str(&unit),
                    &"a boolean",
                ));
            }
        })
    }
}

impl serde::Serialize for Approx {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Approx::No => serializer.serialize_bool(false),
            Approx::Yes => serializer.serialize_bool(true),
            Approx::Written(unit) => serializer.serialize_str(unit),
        }
    }
}

/// An activity logged through the year.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// `YYYY-MM-DD`.
    pub date: Text,
    pub title: Text,
    /// The summary section it belongs to: the section's `id` or title.
    #[serde(default)]
    pub section: Option<Text>,
    /// Who logged it: a union group, a department.
    #[serde(default)]
    pub group: Option<Text>,
    /// Figures by count name: `{ birthday_visits: 35 }`.
    #[serde(default)]
    pub figures: Named<Spanned<f64>>,
    #[serde(default)]
    pub participants: Vec<Text>,
    #[serde(default)]
    pub tags: Vec<Text>,
    #[serde(default)]
    pub text: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Summary {
    pub sections: Vec<Section>,
}

/// A table: a header row and rows of cells (counts may be referenced in cells).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Table {
    #[serde(default)]
    pub caption: Option<Text>,
    pub header: Vec<Text>,
    #[serde(default)]
    pub rows: Vec<Vec<Text>>,
}

/// One block of a section's body, written as a single-key mapping:
/// `- paragraph: …`, `- points: […]`, `- numbered: […]`, `- table: {…}`, `- section: {…}`.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Block {
    Paragraph(Text),
    Points(Vec<Text>),
    Numbered(Vec<Text>),
    Table(Table),
    Section(Box<Section>),
}

/// An attachment (附件): a title and blocks, on pages of its own.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attachment {
    pub title: Text,
    #[serde(default)]
    pub body: Vec<Block>,
}

/// A level-2 section of the summary: （一）title, then its points.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub title: Text,
    #[serde(default)]
    pub style: PointStyle,
    #[serde(default)]
    pub points: Vec<Text>,
    /// Run-in: the heading sentence and the first paragraph in one paragraph,
    /// "（二）基层组织建设。按期完成……".
    #[serde(default)]
    pub run_in: bool,
    /// Numbered run-in items one level down: 1.title。text, or 1.text.
    #[serde(default)]
    pub items: Vec<Item>,
    /// Blocks after the points: paragraphs, lists, tables, sub-sections, mixed.
    #[serde(default)]
    pub body: Vec<Block>,
    /// Sub-sections, one level down (1. then （1）).
    #[serde(default)]
    pub sections: Vec<Section>,
    /// The id of last period's plan that this section carries out.
    #[serde(default)]
    pub fulfils: Option<Text>,
    /// A stable name, for activities' `section:`.
    #[serde(default)]
    pub id: Option<Text>,
    /// List this section's activities (by date): `after` the points, or `instead` of them.
    #[serde(default)]
    pub activities: Option<Spanned<ActivityListing>>,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ActivityListing {
    After,
    Instead,
}

/// How a section's points are written.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum PointStyle {
    /// 一是…… 二是…… (the default).
    #[default]
    Points,
    /// Plain paragraphs, no numbering.
    Paragraphs,
    /// A numbered list 1. 2. 3. (or 1、 2、 3、 with `meta.numbering`).
    Numbered,
    /// One paragraph: 一是……；二是……；三是……。
    Joined,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plans {
    /// The year planned for: the report's year + 1 (for a first half-year report,
    /// the same year). Optional: nianbao knows the next period.
    #[serde(default)]
    pub year: Option<Spanned<i32>>,
    #[serde(default)]
    pub intro: Option<Text>,
    #[serde(default)]
    pub sections: Vec<Item>,
}

/// A numbered run-in item: （一）title。text, or （一）text without a title.
/// The plan's items carry ids, so that next period's summary can say which it fulfils.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// A stable name, so that next year's summary can say which plan it fulfils.
    #[serde(default)]
    pub id: Option<Text>,
    #[serde(default)]
    pub title: Option<Text>,
    #[serde(default)]
    pub text: Option<Text>,
}

/// A YAML mapping of names to values that keeps the order and the place of
/// each name, looked up by name in constant time (an imported document has
/// thousands of counts, each referenced in the text).
#[derive(Debug)]
pub struct Named<V> {
    entries: Vec<(Text, V)>,
    /// Name → index of its first entry.
    index: std::collections::HashMap<String, usize>,
}

impl<V> Default for Named<V> {
    fn default() -> Self {
        Named::new(Vec::new())
    }
}

impl<V> Named<V> {
    pub fn new(entries: Vec<(Text, V)>) -> Self {
        let mut index = std::collections::HashMap::with_capacity(entries.len());
        for (i, (name, _)) in entries.iter().enumerate() {
            index.entry(name.value.clone()).or_insert(i);
        }
        Named { entries, index }
    }

    pub fn get(&self, name: &str) -> Option<&V> {
        self.index.get(name).map(|&i| &self.entries[i].1)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Text, &V)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn into_entries(self) -> Vec<(Text, V)> {
        self.entries
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for Named<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct NamedVisitor<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for NamedVisitor<V> {
            type Value = Named<V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping of names to values")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some((key, value)) = map.next_entry::<Text, V>()? {
                    entries.push((key, value));
                }
                Ok(Named::new(entries))
            }
        }
        deserializer.deserialize_map(NamedVisitor(PhantomData))
    }
}

impl Section {
    /// Whether `name` names this section, by its id or its title (an activity's `section:`).
    pub fn is_named(&self, name: &str) -> bool {
        self.id.as_ref().is_some_and(|id| id.value == name)
            || self.title.value.trim() == name.trim()
    }
}

impl Item {
    /// The title, or else the text: what names the item in messages.
    pub fn name(&self) -> &str {
        self.title
            .as_ref()
            .or(self.text.as_ref())
            .map_or("", |t| t.value.as_str())
    }
}

impl Part {
    /// Sections of the part and every section under them, depth first.
    pub fn all_sections(&self) -> Vec<&Section> {
        let mut out = Vec::new();
        for block in &self.body {
            if let Block::Section(s) = block {
                s.collect_into(&mut out);
            }
        }
        for s in &self.sections {
            s.collect_into(&mut out);
        }
        out
    }

    /// Whether nothing stands under the heading.
    pub fn is_empty(&self) -> bool {
        self.intro.is_none()
            && self.points.is_empty()
            && self.items.is_empty()
            && self.body.is_empty()
            && self.sections.is_empty()
    }
}

impl Section {
    fn collect_into<'a>(&'a self, out: &mut Vec<&'a Section>) {
        out.push(self);
        for block in &self.body {
            if let Block::Section(s) = block {
                s.collect_into(out);
            }
        }
        for s in &self.sections {
            s.collect_into(out);
        }
    }
}

impl Report {
    /// Every section of the work parts, depth first: where activities and
    /// `fulfils:` belong.
    pub fn work_sections(&self) -> Vec<&Section> {
        self.parts
            .iter()
            .filter(|p| p.role == Role::Work)
            .flat_map(Part::all_sections)
            .collect()
    }

    /// The items of the plans parts: what next period's summary fulfils.
    pub fn plan_items(&self) -> impl Iterator<Item = &Item> {
        self.plans_parts().flat_map(|p| p.items.iter())
    }

    pub fn plans_parts(&self) -> impl Iterator<Item = &Part> {
        self.parts.iter().filter(|p| p.role == Role::Plans)
    }

    pub fn has_plans(&self) -> bool {
        self.plans_parts().next().is_some()
    }

    /// A plan only (工作计划): every part is a plan or other, none is work done.
    /// Its `meta.year` is the year planned.
    pub fn is_plan_only(&self) -> bool {
        self.has_plans()
            && self
                .parts
                .iter()
                .all(|p| matches!(p.role, Role::Plans | Role::Other))
    }
}

impl Lang {
    /// "zh" or "en", as `lang:` writes it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// The language `code()` writes: what a template gives as `lang=lang`.
    pub fn from_code(code: &str) -> Option<Lang> {
        [Lang::Zh, Lang::En].into_iter().find(|l| l.code() == code)
    }
}

impl Meta {
    /// The style of level-3 headings: "1." or "1、" (`numbering`, or the older `level3`).
    pub fn heading_numbering(&self) -> &'static str {
        match self.numbering.as_ref().or(self.level3.as_ref()) {
            Some(style) if style.value.trim() == "1、" => "1、",
            _ => "1.",
        }
    }

    /// The style of numbered lists: "1." or "1、" (`numbering`; `level3` reaches
    /// headings only, as it always did).
    pub fn list_numbering(&self) -> &'static str {
        match &self.numbering {
            Some(style) if style.value.trim() == "1、" => "1、",
            _ => "1.",
        }
    }

    /// The document's language: `lang:`, or Chinese. The one place that decides it.
    pub fn language(&self) -> Lang {
        self.lang.as_ref().map(|l| l.value).unwrap_or_default()
    }
}
