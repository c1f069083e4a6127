//! The words of every rule's diagnostics, Chinese and English, in one table:
//! each message says its code, its level, its text and its hint in both
//! languages. Rules choose a message and a place; they write no words.

use crate::codes::Code;
use crate::diag::Severity;
use crate::model::Lang;
use crate::period::Period;

/// What a period problem is, for [`Message::PeriodRange`].
#[derive(Clone, Copy, Debug)]
pub enum RangeProblem {
    /// `from:` without `to:`, or `to:` without `from:`.
    Alone,
    /// `from:` after `to:`.
    Reversed,
    /// `half:` and `from:`/`to:` both.
    Mixed,
}

/// Which of the YAML reader's limits an input passed (nianbao sets them in
/// `load::yaml_options`).
#[derive(Clone, Debug, PartialEq)]
pub enum Limit {
    /// Values: keys, values and items.
    Values(usize),
    Depth(usize),
    Aliases(usize),
    /// Another of the reader's limits (events, scalar bytes, documents).
    Reader,
}

/// `2000000` → `2 000 000`.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(d);
    }
    out
}

impl Limit {
    pub const VALUES: usize = 2_000_000;
    pub const DEPTH: usize = 64;
    pub const ALIASES: usize = 50_000;
}

/// One diagnostic message of a rule, with what it needs to be written.
#[derive(Clone, Debug)]
pub enum Message {
    // Counts.
    UndefinedCount {
        name: String,
        best: Option<String>,
    },
    UnknownFormat {
        format: String,
        written: String,
    },
    MixedNumerals {
        place: String,
        written: String,
        arabic: usize,
    },
    UnusedCount {
        name: String,
    },
    CountWithoutValue {
        name: String,
        missing: &'static str,
    },
    PercentOutOfRange {
        name: String,
        value: f64,
    },
    UnknownPartOf {
        name: String,
        whole: String,
        best: Option<String>,
    },
    PartExceedsWhole {
        name: String,
        part: f64,
        whole: String,
        total: f64,
    },
    // Text.
    Placeholder {
        place: String,
        placeholder: &'static str,
    },
    UnbalancedBracket {
        place: String,
        mark: char,
        partner: char,
    },
    HalfWidthPunctuation {
        place: String,
        mark: char,
        wide: char,
    },
    SpaceAroundDigits {
        place: String,
    },
    RepeatedPunctuation {
        place: String,
        mark: char,
    },
    MissingEndPunctuation {
        place: String,
    },
    LongWord {
        place: String,
        /// The run's first characters.
        start: String,
        /// How many characters it has.
        chars: usize,
    },
    // Structure.
    PlanYear {
        planned: i32,
        expected: i32,
        period: Period,
        /// A plan-only document, whose `meta.year` is the year planned.
        plan_only: bool,
    },
    InvalidHalf {
        half: u8,
    },
    InvalidPeriodDate {
        field: &'static str,
        written: String,
    },
    PeriodRange {
        problem: RangeProblem,
    },
    InvalidDocumentDate {
        written: String,
    },
    DocumentDateOutside {
        written: String,
        period: Period,
        start: chrono::NaiveDate,
        latest: chrono::NaiveDate,
        grace_days: i64,
    },
    DateInTextOutside {
        place: String,
        written: String,
        period: Period,
    },
    DateInTextNotReal {
        place: String,
        written: String,
    },
    DuplicateSectionTitle {
        title: String,
    },
    DuplicatePlanTitle {
        title: String,
    },
    DuplicatePlanId {
        id: String,
    },
    IdenticalText {
        place: String,
    },
    SectionWithoutPoints {
        place: String,
        title: String,
    },
    PartHeading {
        number: usize,
        role: crate::model::Role,
    },
    EmptyPart {
        number: usize,
        heading: String,
    },
    SectionTooDeep {
        title: String,
        level: usize,
    },
    EmptyText {
        place: String,
    },
    // Activities.
    DerivedMismatch {
        name: String,
        declared: String,
        sum: String,
        activities: String,
    },
    FigureOfNoCount {
        name: String,
        best: Option<String>,
    },
    ActivityDateOutside {
        title: String,
        date: String,
        period: Period,
    },
    ActivityDateInvalid {
        title: String,
        date: String,
    },
    UnknownSection {
        title: String,
        section: String,
        best: Option<String>,
    },
    // Plan follow-up.
    PlanNotFulfilled {
        title: String,
        id: String,
    },
    FulfilsNoPlan {
        id: String,
        previous: String,
    },
    // What cannot make a right document.
    ControlCharacter {
        place: String,
        code_point: u32,
    },
    LineBreak {
        place: String,
    },
    /// A YAML tag (`!!binary`, `!x`) on a value.
    YamlTag {
        place: String,
        tag: String,
    },
    YearOutOfRange {
        field: &'static str,
        year: i32,
    },
    FigureNotFinite {
        name: String,
    },
    FigureTooLarge {
        name: String,
    },
    FigureNotCounted {
        name: String,
        value: f64,
        unit: String,
    },
    // Settings.
    UnknownRule {
        name: String,
        best: Option<String>,
    },
    // Reading the input (E0001–E0006).
    InputTooLarge {
        megabytes: f64,
        limit: u64,
    },
    NotUtf8 {
        offset: usize,
    },
    /// The file starts with a UTF-16 byte-order mark.
    Utf16,
    /// The document's text, aliases and references expanded, is over the limit.
    DocumentTooLarge {
        megabytes: f64,
        limit: u64,
    },
    EmptyFile,
    UnknownField {
        field: String,
        best: Option<String>,
        allowed: String,
    },
    UnknownValue {
        value: String,
        best: Option<String>,
        allowed: String,
    },
    MissingFieldIn {
        field: String,
        parent: String,
    },
    MissingField {
        field: String,
    },
    MissingTopField {
        field: &'static str,
    },
    MissingInFolder {
        field: &'static str,
    },
    PartsAndShorthand,
    DoubleNumbering {
        place: String,
        marker: String,
    },
    MixedNumbering {
        place: String,
        marker: String,
        style: String,
        usual: String,
    },
    MixedNumeralsInText {
        place: String,
        written: String,
        arabic: usize,
        digits: String,
    },
    ChineseNumeralsInEnglish {
        written: String,
    },
    DuplicateKey {
        key: Option<String>,
    },
    DefinedTwice {
        what: Defined,
    },
    Expected {
        what: Expected,
    },
    InvalidValue {
        /// serde-saphyr's own words, with Rust's type names made plain.
        detail: String,
        written: Option<String>,
    },
    InputLimit {
        limit: Limit,
    },
    MultipleDocuments,
    YamlSyntax {
        /// serde-saphyr's own words.
        detail: String,
    },
}

/// What a value should have been, for [`Message::Expected`].
#[derive(Clone, Debug)]
pub enum Expected {
    List,
    Mapping,
    Text,
    /// Text, where an unquoted `{` made YAML read a mapping.
    QuotedText,
    /// Another kind of value, in serde-saphyr's words.
    Other(&'static str),
}

/// What two files of a folder both define, for [`Message::DefinedTwice`].
#[derive(Clone, Debug)]
pub enum Defined {
    Part(&'static str),
    Section(String),
    Count(String),
    RuleSetting(String),
}

/// Chinese or English, as the run's language says.
pub fn pick(lang: Lang, zh: String, en: String) -> String {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// The closest candidate to `word`, if it is close enough to be a likely typo.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(word, c), c))
        .filter(|(d, c)| *d <= 2.max(c.chars().count() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// "Did you mean …?", the one way of writing it. `quote` wraps the name:
/// `` `x` `` for names in the YAML, “x” for titles.
pub fn did_you_mean(lang: Lang, best: &str, quote: Quote) -> String {
    let shown = match quote {
        Quote::Code => format!("`{best}`"),
        Quote::Title => format!("“{best}”"),
    };
    pick(
        lang,
        format!("是否指 {shown}？"),
        format!("did you mean {shown}?"),
    )
    .replace("指 “", "指“")
}

/// How a suggested name is shown.
#[derive(Clone, Copy, Debug)]
pub enum Quote {
    Code,
    Title,
}

/// The label of the first of two places that say the same.
pub fn first_here(lang: Lang) -> String {
    pick(lang, "第一次出现在这里".into(), "first here".into())
}

/// The label of the first of two files that define the same part of a folder.
pub fn first_defined_here(lang: Lang) -> String {
    pick(lang, "首次定义在这里".into(), "first defined here".into())
}

/// Put before a message that the archive turns into an error.
pub fn unfinished_prefix(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "未定稿，不能归档：",
        Lang::En => "unfinished for the archive: ",
    }
}

impl Message {
    /// The code of the rule that says it.
    pub fn code(&self) -> Code {
        use Message as M;
        match self {
            M::UndefinedCount { .. } | M::FigureOfNoCount { .. } => Code::UndefinedCount,
            M::UnknownFormat { .. } => Code::UnknownFormat,
            M::MixedNumerals { .. } | M::MixedNumeralsInText { .. } => Code::MixedNumerals,
            M::UnusedCount { .. } => Code::UnusedCount,
            M::CountWithoutValue { .. } => Code::CountWithoutValue,
            M::PercentOutOfRange { .. } => Code::PercentOutOfRange,
            M::UnknownPartOf { .. } => Code::UnknownPartOf,
            M::PartExceedsWhole { .. } => Code::PartExceedsWhole,
            M::Placeholder { .. } => Code::Placeholder,
            M::UnbalancedBracket { .. } => Code::UnbalancedBrackets,
            M::HalfWidthPunctuation { .. } => Code::HalfWidthPunctuation,
            M::SpaceAroundDigits { .. } => Code::SpaceAroundDigits,
            M::RepeatedPunctuation { .. } => Code::RepeatedPunctuation,
            M::MissingEndPunctuation { .. } => Code::MissingEndPunctuation,
            M::LongWord { .. } => Code::LongWord,
            M::PlanYear { .. } => Code::PlanYear,
            M::InvalidHalf { .. } | M::InvalidPeriodDate { .. } | M::PeriodRange { .. } => {
                Code::Period
            }
            M::InvalidDocumentDate { .. } | M::DocumentDateOutside { .. } => Code::DocumentDate,
            M::DateInTextOutside { .. }
            | M::DateInTextNotReal { .. }
            | M::ActivityDateOutside { .. }
            | M::ActivityDateInvalid { .. } => Code::DateOutsidePeriod,
            M::DuplicateSectionTitle { .. } | M::DuplicatePlanTitle { .. } => Code::DuplicateTitle,
            M::DuplicatePlanId { .. } => Code::DuplicateId,
            M::IdenticalText { .. } => Code::IdenticalPoints,
            M::SectionWithoutPoints { .. } => Code::SectionWithoutPoints,
            M::SectionTooDeep { .. } => Code::SectionTooDeep,
            M::PartHeading { .. } => Code::PartHeading,
            M::DoubleNumbering { .. } => Code::DoubleNumbering,
            M::MixedNumbering { .. } => Code::MixedNumbering,
            M::ChineseNumeralsInEnglish { .. } => Code::UnknownFormat,
            M::EmptyPart { .. } => Code::EmptyPart,
            M::EmptyText { .. } => Code::EmptyText,
            M::DerivedMismatch { .. } => Code::DerivedMismatch,
            M::UnknownSection { .. } => Code::UnknownSection,
            M::PlanNotFulfilled { .. } | M::FulfilsNoPlan { .. } => Code::PlanNotFulfilled,
            M::UnknownRule { .. } | M::UnknownField { .. } => Code::UnknownField,
            M::ControlCharacter { .. } | M::LineBreak { .. } => Code::ControlCharacter,
            M::YearOutOfRange { .. } => Code::YearRange,
            M::FigureNotFinite { .. } | M::FigureTooLarge { .. } | M::FigureNotCounted { .. } => {
                Code::InvalidFigure
            }
            M::InputTooLarge { .. } | M::InputLimit { .. } | M::DocumentTooLarge { .. } => {
                Code::InputLimit
            }
            M::NotUtf8 { .. } | M::Utf16 | M::YamlSyntax { .. } | M::MultipleDocuments => {
                Code::YamlSyntax
            }
            M::EmptyFile
            | M::MissingFieldIn { .. }
            | M::MissingField { .. }
            | M::MissingTopField { .. }
            | M::MissingInFolder { .. } => Code::MissingField,
            M::UnknownValue { .. }
            | M::Expected { .. }
            | M::InvalidValue { .. }
            | M::YamlTag { .. } => Code::InvalidValue,
            M::DuplicateKey { .. } | M::DefinedTwice { .. } | M::PartsAndShorthand => {
                Code::DuplicateKey
            }
        }
    }

    /// Its level: the code's, except where a message is milder than its code
    /// (an activity's figure that adds to no count only warns).
    pub fn level(&self) -> Severity {
        match self {
            Message::FigureOfNoCount { .. } => Severity::Warning,
            other => other.code().level(),
        }
    }

    /// The message and its hint, in `lang`.
    pub fn words(&self, lang: Lang) -> (String, Option<String>) {
        use Message as M;
        let t = |zh: String, en: String| pick(lang, zh, en);
        let did_you_mean = |best: &str| did_you_mean(lang, best, Quote::Code);
        let (message, hint) = match self {
            M::UndefinedCount { name, best } => (
                t(
                    format!("引用了未定义的数字 `{name}`"),
                    format!("count `{name}` is referenced but not defined"),
                ),
                Some(match best {
                    Some(best) => did_you_mean(&format!("{{{best}}}")),
                    None => t(
                        format!("在 `counts:` 下定义它，例如 `{name}: {{ value: 1, unit: 人 }}`"),
                        format!(
                            "define it under `counts:`, e.g. `{name}: {{ value: 1, unit: 人 }}`"
                        ),
                    ),
                }),
            ),
            M::UnknownFormat { format, written } => (
                t(
                    format!("`{written}` 中的数字格式 `{format}` 无法识别"),
                    format!("unknown count format `{format}` in `{written}`"),
                ),
                Some(t(
                    "可写 `{name}`（411人）、`{name:cn}`（九篇）或 `{name:num}`（411）".into(),
                    "write `{name}` (411人), `{name:cn}` (九篇) or `{name:num}` (411)".into(),
                )),
            ),
            M::MixedNumeralsInText {
                place,
                written,
                arabic,
                digits,
            } => (
                t(
                    format!("{place}中的“{written}”用汉字数字，而文中其余{arabic}处统计数字用阿拉伯数字"),
                    format!("“{written}” in {place} is written in Chinese numerals, the other {arabic} figures in Arabic ones"),
                ),
                Some(t(
                    format!("统计数字宜统一用阿拉伯数字：写“{digits}”，或定义一个数字并引用它"),
                    format!("write figures one way, Arabic for statistics: “{digits}”, or define a count and reference it"),
                )),
            ),
            M::MixedNumerals {
                place,
                written,
                arabic,
            } => {
                let plain = written.replace(":cn", "");
                (
                    t(
                        format!(
                            "{place}中的 `{written}` 用汉字数字，而文中其余{arabic}处统计数字用阿拉伯数字"
                        ),
                        format!(
                            "`{written}` in {place} is written in Chinese numerals, the other {arabic} figures in Arabic ones"
                        ),
                    ),
                    Some(t(
                        format!("统计数字宜统一用阿拉伯数字：写 `{plain}`"),
                        format!("write figures one way, Arabic for statistics: `{plain}`"),
                    )),
                )
            }
            M::UnusedCount { name } => (
                t(
                    format!("数字 `{name}` 已定义但未被引用"),
                    format!("count `{name}` is defined but never used"),
                ),
                Some(t(
                    format!("在正文中写 `{{{name}}}` 引用它，或删除它"),
                    format!("reference it in the text as `{{{name}}}`, or remove it"),
                )),
            ),
            M::CountWithoutValue { name, missing } => (
                t(
                    format!("数字 `{name}` 没有数值"),
                    format!("count `{name}` has no value"),
                ),
                Some(t(
                    format!("补上 `value:`；在此之前正文显示“{missing}”"),
                    format!("add `value:`; until then the text shows “{missing}”"),
                )),
            ),
            M::PercentOutOfRange { name, value } => (
                t(
                    format!("百分比 `{name}` 为 {value}%，超出 0–100"),
                    format!("percentage `{name}` is {value}%, outside 0–100"),
                ),
                Some(t(
                    "检查数值；增长率等可超过100的数字请用其他单位".into(),
                    "check the value; a growth rate that can exceed 100 needs another unit".into(),
                )),
            ),
            M::UnknownPartOf { name, whole, best } => (
                t(
                    format!("`{name}` 的 part_of 指向未定义的数字 `{whole}`"),
                    format!("`{name}` is part of `{whole}`, which is not defined"),
                ),
                best.as_deref().map(did_you_mean),
            ),
            M::PartExceedsWhole {
                name,
                part,
                whole,
                total,
            } => (
                t(
                    format!("`{name}`（{part}）是 `{whole}`（{total}）的一部分，却比它大"),
                    format!("`{name}` ({part}) is part of `{whole}` ({total}) but exceeds it"),
                ),
                Some(t(
                    "两个数字至少有一个有误：请核对原始记录".into(),
                    "one of the two figures is wrong: check the records".into(),
                )),
            ),
            M::Placeholder { place, placeholder } => (
                t(
                    format!("{place}留有占位文字“{placeholder}”"),
                    format!("placeholder “{placeholder}” left in {place}"),
                ),
                Some(t(
                    "换成实际内容，或换成数字引用：在 `counts:` 下定义后写 `{name}`".into(),
                    "replace it with the real text, or with a count: define it under `counts:` and write `{name}`".into(),
                )),
            ),
            M::UnbalancedBracket {
                place,
                mark,
                partner,
            } => (
                t(
                    format!("{place}中的“{mark}”没有对应的“{partner}”"),
                    format!("“{mark}” in {place} has no matching “{partner}”"),
                ),
                Some(t(
                    format!("补上“{partner}”，或删去多余的“{mark}”"),
                    format!("add the “{partner}”, or remove the “{mark}”"),
                )),
            ),
            M::HalfWidthPunctuation { place, mark, wide } => (
                t(
                    format!("{place}中的半角“{mark}”夹在汉字之间"),
                    format!("half-width “{mark}” between Chinese characters in {place}"),
                ),
                Some(t(
                    format!("改为全角“{wide}”"),
                    format!("write the full-width “{wide}”"),
                )),
            ),
            M::SpaceAroundDigits { place } => (
                t(
                    format!("{place}中汉字与数字之间有空格"),
                    format!("a space between a Chinese character and a digit in {place}"),
                ),
                Some(t(
                    "删去空格：写“2020年”而不是“2020 年”".into(),
                    "remove the space: “2020年”, not “2020 年”".into(),
                )),
            ),
            M::RepeatedPunctuation { place, mark } => (
                t(
                    format!("{place}中标点“{mark}”重复"),
                    format!("repeated “{mark}” in {place}"),
                ),
                Some(t("删去多余的标点".into(), "remove the extra mark".into())),
            ),
            M::MissingEndPunctuation { place } => (
                t(
                    format!("{place}末尾缺少句末标点"),
                    format!("{place} does not end with a full stop"),
                ),
                Some(t(
                    "在句末加“。”".into(),
                    "end the sentence with “。” or “.”".into(),
                )),
            ),
            M::LongWord {
                place,
                start,
                chars,
            } => (
                t(
                    format!("{place}中“{start}…”连续{chars}个字符没有空格，一行排不下，排版时在行末断开"),
                    format!("{place} has {chars} characters without a space (“{start}…”), more than a line holds; the document breaks them where the line ends"),
                ),
                Some(t(
                    format!("在可以断开处加空格，或缩短它（不超过 {} 个字符不断开）", crate::cjk::LONG_RUN),
                    format!("add a space where it may break, or shorten it (up to {} characters stay whole)", crate::cjk::LONG_RUN),
                )),
            ),
            M::PlanYear {
                planned,
                expected,
                plan_only: true,
                ..
            } => (
                t(
                    format!("计划年度为{planned}年，但 meta.year 是{expected}年"),
                    format!("the plan is for {planned}, but meta.year is {expected}"),
                ),
                Some(t(
                    "只有计划的文件（工作计划）以 meta.year 为计划年度：两处写同一年，或省略 plans.year".into(),
                    "a plan-only document (no work parts) plans for meta.year: write the same year in both, or leave plans.year out".into(),
                )),
            ),
            M::PlanYear {
                planned,
                expected,
                period,
                plan_only: false,
            } => (
                t(
                    format!("计划年度为{planned}年，但总结的是{}", period.label_zh(None)),
                    format!(
                        "the plan is for {planned}, but the report covers {}",
                        period.label_en()
                    ),
                ),
                Some(t(
                    format!(
                        "{}的总结，计划的是{expected}年（也可省略 plans.year）",
                        period.label_zh(None)
                    ),
                    format!(
                        "a report on {} plans for {expected} (or leave plans.year out)",
                        period.label_en()
                    ),
                )),
            ),
            M::InvalidHalf { half } => (
                t(
                    format!("`half: {half}` 无效：上半年写 1，下半年写 2"),
                    format!("`half: {half}` is not a half: write 1 or 2"),
                ),
                Some(t(
                    "上半年 half: 1，下半年 half: 2".into(),
                    "half: 1 for January–June, 2 for July–December".into(),
                )),
            ),
            M::InvalidPeriodDate { field, written } => (
                t(
                    format!("`{field}: {written}` 不是有效日期"),
                    format!("`{field}: {written}` is not a real date"),
                ),
                Some(t(
                    "按 YYYY-MM-DD 写日期".into(),
                    "write the date as YYYY-MM-DD".into(),
                )),
            ),
            M::PeriodRange { problem } => (
                match problem {
                    RangeProblem::Alone => t(
                        "`from:` 和 `to:` 须同时给出".into(),
                        "`from:` and `to:` go together".into(),
                    ),
                    RangeProblem::Reversed => {
                        t("`from:` 晚于 `to:`".into(), "`from:` is after `to:`".into())
                    }
                    RangeProblem::Mixed => t(
                        "`half:` 与 `from:`/`to:` 只能选一种".into(),
                        "give either `half:` or `from:`/`to:`, not both".into(),
                    ),
                },
                Some(t(
                    "例如 from: 2022-03-01 与 to: 2022-08-31".into(),
                    "e.g. from: 2022-03-01 and to: 2022-08-31".into(),
                )),
            ),
            M::InvalidDocumentDate { written } => (
                t(
                    format!("`{written}` 不是有效日期"),
                    format!("`{written}` is not a real date"),
                ),
                Some(t(
                    "按 YYYY-MM-DD 写日期，例如 2020-12-08".into(),
                    "write the date as YYYY-MM-DD, e.g. 2020-12-08".into(),
                )),
            ),
            M::DocumentDateOutside {
                written,
                period,
                start,
                latest,
                grace_days,
            } => (
                t(
                    format!(
                        "成文日期 {written} 不在{}或其后{grace_days}天内",
                        period.label_zh(None)
                    ),
                    format!(
                        "the document is dated {written}, outside the period {}",
                        period.label_en()
                    ),
                ),
                Some(t(
                    format!("{}的总结应在 {start} 至 {latest} 之间成文", period.label_zh(None)),
                    format!(
                        "a report on {} is dated between {start} and {latest} ({grace_days} days after the period ends)",
                        period.label_en()
                    ),
                )),
            ),
            M::DateInTextOutside {
                place,
                written,
                period,
            } => (
                t(
                    format!("{place}提到的“{written}”不在{}内", period.label_zh(None)),
                    format!(
                        "“{written}” in {place} lies outside the period {}",
                        period.label_en()
                    ),
                ),
                Some(date_in_text_hint(lang)),
            ),
            M::DateInTextNotReal { place, written } => (
                t(
                    format!("{place}中的“{written}”不是有效日期"),
                    format!("“{written}” in {place} is not a real date"),
                ),
                Some(date_in_text_hint(lang)),
            ),
            M::DuplicateSectionTitle { title } => (
                t(
                    format!("总结中已有同名小节“{title}”"),
                    format!("the summary has a section “{title}” already"),
                ),
                Some(t(
                    "合并两个小节，或改用不同的标题".into(),
                    "merge the two sections or give them different titles".into(),
                )),
            ),
            M::DuplicatePlanTitle { title } => (
                t(
                    format!("计划中已有同名条目“{title}”"),
                    format!("the plan has an item “{title}” already"),
                ),
                Some(t(
                    "合并两项，或改用不同的标题".into(),
                    "merge the two items or give them different titles".into(),
                )),
            ),
            M::DuplicatePlanId { id } => (
                t(
                    format!("计划编号 `{id}` 已用过"),
                    format!("plan id `{id}` is used already"),
                ),
                Some(t(
                    "每项计划的 id 必须唯一".into(),
                    "each plan needs an id of its own".into(),
                )),
            ),
            M::IdenticalText { place } => (
                t(
                    format!("{place}与前文的内容完全相同"),
                    format!("{place} repeats an earlier text"),
                ),
                Some(t("删去重复的一条".into(), "remove one of them".into())),
            ),
            M::SectionWithoutPoints { place, title } => (
                t(
                    format!("{place}“{title}”没有内容"),
                    format!("{place} “{title}” has no points"),
                ),
                Some(t(
                    "在 `points:` 下写上本节的工作".into(),
                    "write the section's work under `points:`".into(),
                )),
            ),
            M::PartHeading { number, role } => {
                let role = match role {
                    crate::model::Role::Work => "work",
                    crate::model::Role::Problems => "problems",
                    crate::model::Role::Plans => "plans",
                    crate::model::Role::Other => "other",
                };
                (
                    t(
                        format!("第{number}部分（role: {role}）没有标题"),
                        format!("part {number} (role: {role}) has no heading"),
                    ),
                    Some(t(
                        "写上 `heading:`；只有每种角色的第一个 work、problems、plans 部分有默认标题".into(),
                        "write its `heading:`; only the first part of role work, problems or plans has a derived one".into(),
                    )),
                )
            }
            M::EmptyPart { number, heading } => (
                t(
                    format!("第{number}部分“{heading}”下面没有内容"),
                    format!("part {number} “{heading}” has nothing under it"),
                ),
                Some(t(
                    "写上它的 `points:`、`items:`、`body:` 或 `sections:`，或删去这一部分".into(),
                    "write its `points:`, `items:`, `body:` or `sections:`, or remove the part".into(),
                )),
            ),
            M::SectionTooDeep { title, level } => (
                t(
                    format!("小节“{title}”在第{level}层，公文的层次最多四层"),
                    format!("the section “{title}” is at level {level}; a 公文 has four levels at most"),
                ),
                Some(t(
                    "把它并入上一层，或改写为段落或条目".into(),
                    "merge it into the level above, or write it as paragraphs or items".into(),
                )),
            ),
            M::EmptyText { place } => (
                t(format!("{place}是空的"), format!("{place} is empty")),
                Some(t(
                    "写上内容，或删去这一项".into(),
                    "write the text or remove the entry".into(),
                )),
            ),
            M::DerivedMismatch {
                name,
                declared,
                sum,
                activities,
            } => (
                t(
                    format!("`{name}` 写为 {declared}，活动记录合计为 {sum}"),
                    format!("`{name}` is declared {declared} but its activities add up to {sum}"),
                ),
                Some(t(
                    format!("合计的活动：{activities}"),
                    format!("activities summed: {activities}"),
                )),
            ),
            M::FigureOfNoCount { name, best } => (
                t(
                    format!("活动数字 `{name}` 没有对应的统计数字"),
                    format!("activity figure `{name}` adds to no count"),
                ),
                Some(match best {
                    Some(best) => did_you_mean(best),
                    None => t(
                        format!("在 `counts:` 下定义 `{name}`（可不写 value，由活动合计）"),
                        format!(
                            "define `{name}` under `counts:` (without a value, the activities add up to it)"
                        ),
                    ),
                }),
            ),
            M::ActivityDateOutside {
                title,
                date,
                period,
            } => (
                t(
                    format!("活动“{title}”的日期 {date} 不在{}内", period.label_zh(None)),
                    format!("activity “{title}” is dated {date}, outside {}", period.label_en()),
                ),
                Some(activity_date_hint(lang)),
            ),
            M::ActivityDateInvalid { title, date } => (
                t(
                    format!("活动“{title}”的日期 `{date}` 无效"),
                    format!("activity “{title}” has no real date: `{date}`"),
                ),
                Some(activity_date_hint(lang)),
            ),
            M::UnknownSection {
                title,
                section,
                best,
            } => (
                t(
                    format!("活动“{title}”所属的小节“{section}”不存在"),
                    format!("activity “{title}” belongs to “{section}”, which is no section"),
                ),
                best.as_deref()
                    .map(|best| self::did_you_mean(lang, best, Quote::Title)),
            ),
            M::PlanNotFulfilled { title, id } => (
                t(
                    format!("上期计划“{title}”（`{id}`）在本期总结中没有对应的小节"),
                    format!("last period's plan “{title}” (`{id}`) is fulfilled by no section"),
                ),
                Some(t(
                    format!("在本期总结的相应小节写 `fulfils: {id}`，或说明未完成的原因"),
                    format!(
                        "write `fulfils: {id}` in the section that reports on it, or say why it was not done"
                    ),
                )),
            ),
            M::FulfilsNoPlan { id, previous } => (
                t(
                    format!("`fulfils: {id}` 指向上期不存在的计划"),
                    format!("`fulfils: {id}` names no plan of last period"),
                ),
                Some(t(
                    format!("上期计划的编号见 {previous}"),
                    format!("last period's plan ids are in {previous}"),
                )),
            ),
            M::ControlCharacter { place, code_point } => (
                t(
                    format!("{place}中有控制字符 U+{code_point:04X}"),
                    format!("a control character U+{code_point:04X} in {place}"),
                ),
                Some(t(
                    "删去它：回车、退格、转义等字符会改变文档的结构或显示".into(),
                    "remove it: carriage returns, escapes and the like change the document's structure or display".into(),
                )),
            ),
            M::LineBreak { place } => (
                t(
                    format!("{place}只能写一行，却有换行"),
                    format!("a line break in {place}, which is one line"),
                ),
                Some(t(
                    "写在一行里；需要分段的内容放到正文".into(),
                    "write it on one line; text that needs paragraphs belongs in the body".into(),
                )),
            ),
            M::YearOutOfRange { field, year } => (
                t(
                    format!("`{field}: {year}` 不是 1900–2100 之间的年份"),
                    format!("`{field}: {year}` is not a year between 1900 and 2100"),
                ),
                Some(t(
                    "写四位数的公历年份，例如 2020".into(),
                    "write the year in four digits, e.g. 2020".into(),
                )),
            ),
            M::FigureNotFinite { name } => (
                t(
                    format!("数字 `{name}` 的值不是有限的数"),
                    format!("count `{name}` has a value that is not a finite number"),
                ),
                Some(t(
                    "写实际的数值；尚未统计就先不写 value".into(),
                    "write the real figure; leave `value:` out until it is known".into(),
                )),
            ),
            M::FigureTooLarge { name } => (
                t(
                    format!("数字 `{name}` 的值大于 10¹⁵"),
                    format!("count `{name}` has a value above 10¹⁵"),
                ),
                Some(t(
                    "核对数值；金额可换用万元、亿元等单位".into(),
                    "check the figure; money can be counted in larger units (万元, 亿元)".into(),
                )),
            ),
            M::FigureNotCounted { name, value, unit } => (
                t(
                    format!("数字 `{name}` 以“{unit}”计数，值却是 {value}"),
                    format!("count `{name}` counts {unit}, but its value is {value}"),
                ),
                Some(t(
                    "人数、项数等须是不小于 0 的整数；增减请写成另一个数字，并标上 `signed: true`".into(),
                    "a number of people or things is a whole number, at least 0; write a change as a count of its own, marked `signed: true`".into(),
                )),
            ),
            M::UnknownRule { name, best } => (
                t(
                    format!("未知的规则 `{name}`"),
                    format!("unknown rule `{name}`"),
                ),
                best.as_deref().map(did_you_mean),
            ),
            M::InputTooLarge { megabytes, limit } => (
                t(
                    format!("输入文件有 {megabytes:.1} MB；nianbao 只读 {limit} MB 以内的输入"),
                    format!("the input is {megabytes:.1} MB; nianbao reads inputs up to {limit} MB"),
                ),
                Some(t(
                    "一年的总结远小于此：把活动记录分成一个文件夹里的多个文件".into(),
                    "a year's report is far smaller: split activity logs into a folder of files"
                        .into(),
                )),
            ),
            M::DocumentTooLarge { megabytes, limit } => (
                t(
                    format!(
                        "展开别名和数字引用后，文档正文至少有 {megabytes:.1} MB；nianbao 只排 {limit} MB 以内的文档（约 1000 页）"
                    ),
                    format!(
                        "the document's text is at least {megabytes:.1} MB once its aliases and references are expanded; nianbao makes documents of up to {limit} MB (about 1 000 pages)"
                    ),
                ),
                Some(t(
                    "别名（*name）每用一次，它的文字就算一次；一年的总结远小于此".into(),
                    "an alias (*name) counts its text at each use; a year's report is far smaller"
                        .into(),
                )),
            ),
            M::NotUtf8 { offset } => (
                t(
                    format!("文件不是有效的 UTF-8（第一个错误字节在偏移 {offset}）"),
                    format!("the file is not valid UTF-8 (first bad byte at offset {offset})"),
                ),
                Some(t("把文件存为 UTF-8".into(), "save the file as UTF-8".into())),
            ),
            M::Utf16 => (
                t(
                    "文件是 UTF-16 编码（以 UTF-16 字节顺序标记开头），不是 UTF-8".into(),
                    "the file is UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8".into(),
                ),
                Some(t(
                    "把文件另存为 UTF-8（记事本：另存为 → 编码 UTF-8）".into(),
                    "save the file as UTF-8 (Notepad: Save As → Encoding UTF-8)".into(),
                )),
            ),
            M::EmptyFile => (
                t("文件是空的".into(), "the file is empty".into()),
                Some(t(
                    "输入至少要有 `meta:` 和 `summary:`，见 README.md".into(),
                    "an input needs at least `meta:` and `summary:`; see README.md".into(),
                )),
            ),
            M::UnknownField {
                field,
                best,
                allowed,
            } => (
                t(
                    format!("未知的字段 `{field}`"),
                    format!("unknown field `{field}`"),
                ),
                Some(match best {
                    Some(best) => did_you_mean(best),
                    None => t(
                        format!("这里可以写的字段：{allowed}"),
                        format!("the fields allowed here are: {allowed}"),
                    ),
                }),
            ),
            M::UnknownValue {
                value,
                best,
                allowed,
            } => (
                t(
                    format!("未知的取值 `{value}`"),
                    format!("unknown value `{value}`"),
                ),
                Some(match best {
                    Some(best) => did_you_mean(best),
                    None => t(
                        format!("可写：{allowed}"),
                        format!("write one of: {allowed}"),
                    ),
                }),
            ),
            M::MissingFieldIn { field, parent } => (
                t(
                    format!("`{parent}` 缺少字段 `{field}`"),
                    format!("missing field `{field}` in `{parent}`"),
                ),
                Some(t(
                    format!("在 `{parent}:` 下加上 `{field}:`"),
                    format!("add `{field}:` under `{parent}:`"),
                )),
            ),
            M::MissingField { field } => (
                t(
                    format!("缺少字段 `{field}`"),
                    format!("missing field `{field}`"),
                ),
                Some(t(
                    format!("在这个映射里加上 `{field}:`"),
                    format!("add `{field}:` to this mapping"),
                )),
            ),
            M::ChineseNumeralsInEnglish { written } => (
                t(
                    format!("`{written}` 在英文文件里写中文数字"),
                    format!("`{written}` writes Chinese numerals in an English document"),
                ),
                Some(t(
                    "英文文件用 `{名称}` 或 `{名称:num}`".into(),
                    "write `{name}` or `{name:num}` in an English document".into(),
                )),
            ),
            M::DoubleNumbering { place, marker } => (
                t(
                    format!("{place}以“{marker}”开头，而 nianbao 已给它编号"),
                    format!("{place} starts with “{marker}”, but nianbao numbers it already"),
                ),
                Some(t(
                    format!("删去“{marker}”：编号由 nianbao 生成"),
                    format!("remove “{marker}”: nianbao writes the number"),
                )),
            ),
            M::MixedNumbering {
                place,
                marker,
                style,
                usual,
            } => (
                t(
                    format!("{place}的编号“{marker}”用“{style}”式，文中其他编号用“{usual}”式"),
                    format!("{place} is numbered “{marker}” in the style “{style}”, the other numbers in the style “{usual}”"),
                ),
                Some(t(
                    format!("全文统一用“{usual}”式编号（或用 `numbered:` 列表和 `meta.numbering`，由 nianbao 编号）"),
                    format!("number one way throughout, “{usual}” (or write a `numbered:` list with `meta.numbering` and let nianbao number it)"),
                )),
            ),
            M::PartsAndShorthand => (
                t(
                    "`parts` 与 `summary`/`problems`/`plans` 不能同时写".into(),
                    "`parts` and `summary`/`problems`/`plans` both write the body".into(),
                ),
                Some(t(
                    "正文只写一种：`parts:` 列出全部部分，或用 `summary:`、`problems:`、`plans:` 三部分的简写".into(),
                    "write the body one way: `parts:` listing every part, or the shorthand `summary:`, `problems:`, `plans:`".into(),
                )),
            ),
            M::MissingTopField { field } => (
                t(
                    format!("缺少字段 `{field}`"),
                    format!("missing field `{field}`"),
                ),
                Some(if *field == "parts" {
                    t(
                        "在最外层写上正文：`parts:` 列出各部分，或简写 `summary:`（及 `problems:`、`plans:`）；见 README.md 的输入格式".into(),
                        "write the body at the top level: `parts:` listing the parts, or the shorthand `summary:` (with `problems:`, `plans:`); see the input format in README.md".into(),
                    )
                } else {
                    t(
                        format!("在最外层加上 `{field}:`，见 README.md 的输入格式"),
                        format!("add `{field}:` at the top level; see the input format in README.md"),
                    )
                }),
            ),
            M::MissingInFolder { field } => (
                t(
                    format!("文件夹里没有哪个文件定义 `{field}`"),
                    format!("no file of the folder defines `{field}`"),
                ),
                Some(t(
                    format!("在文件夹的主文件（如 report.yaml）里写 `{field}:`"),
                    format!("write `{field}:` in the folder's main file, e.g. report.yaml"),
                )),
            ),
            M::DuplicateKey { key } => (
                match key {
                    Some(key) => t(
                        format!("键 `{key}` 重复"),
                        format!("duplicate key `{key}`"),
                    ),
                    None => t("键重复".into(), "duplicate key".into()),
                },
                Some(t(
                    "同一映射里每个键只能出现一次：删去或改名其中一个".into(),
                    "each key may appear once in a mapping: remove or rename one".into(),
                )),
            ),
            M::DefinedTwice { what } => (
                match what {
                    Defined::Part(part) => t(
                        format!("`{part}` 在两个文件里都有定义"),
                        format!("`{part}` is defined in two files"),
                    ),
                    Defined::Section(title) => t(
                        format!("小节“{title}”在两个文件里都有定义"),
                        format!("the section “{title}” is defined in two files"),
                    ),
                    Defined::Count(name) => t(
                        format!("数字 `{name}` 在两个文件里都有定义"),
                        format!("the count `{name}` is defined in two files"),
                    ),
                    Defined::RuleSetting(name) => t(
                        format!("规则设置 `{name}` 在两个文件里都有定义"),
                        format!("the rule setting `{name}` is defined in two files"),
                    ),
                },
                Some(t(
                    "只在文件夹的一个文件里写它；其他文件补充活动、数字和小节".into(),
                    "keep it in one file of the folder; the others add activities, counts and sections".into(),
                )),
            ),
            M::Expected { what } => {
                let see = t(
                    "这个字段可写什么，见 README.md 的输入格式".into(),
                    "see the input format in README.md for what this field takes".into(),
                );
                match what {
                    Expected::List => (t("这里应是列表".into(), "expected a list here".into()), Some(see)),
                    Expected::Mapping => (
                        t("这里应是映射（键: 值）".into(), "expected a mapping (key: value) here".into()),
                        Some(see),
                    ),
                    Expected::Text => (t("这里应是文字".into(), "expected text here".into()), Some(see)),
                    Expected::QuotedText => (
                        t("这里应是文字".into(), "expected text here".into()),
                        Some(t(
                            "以 `{` 开头的文字须加引号：'{name}人次……'".into(),
                            "text that starts with `{` must be quoted: '{name}人次……'".into(),
                        )),
                    ),
                    Expected::Other(other) => (
                        t(format!("这里应是 {other}"), format!("expected {other} here")),
                        Some(see),
                    ),
                }
            }
            M::InvalidValue { detail, written } => (
                match written {
                    Some(value) => t(
                        format!("取值无效（{detail}）：`{value}`"),
                        format!("{detail}: `{value}`"),
                    ),
                    None => t(format!("取值无效（{detail}）"), detail.clone()),
                },
                Some(t(
                    "这个字段可写什么，见 README.md 的输入格式".into(),
                    "see the input format in README.md for what this field takes".into(),
                )),
            ),
            M::InputLimit { limit } => (
                match limit {
                    Limit::Values(n) => t(
                        format!("输入的 YAML 值（键、值、列表项）超过 {} 个", grouped(*n)),
                        format!(
                            "the input holds more than {} YAML values (keys, values, items)",
                            grouped(*n)
                        ),
                    ),
                    Limit::Depth(n) => t(
                        format!("输入嵌套超过 {n} 层"),
                        format!("the input is nested deeper than {n} levels"),
                    ),
                    Limit::Aliases(n) => t(
                        format!("输入的别名（*name）或锚点（&name）超过 {} 个", grouped(*n)),
                        format!(
                            "the input holds more than {} aliases (*name) or anchors (&name)",
                            grouped(*n)
                        ),
                    ),
                    Limit::Reader => t(
                        "输入超出 YAML 读取器的限制".into(),
                        "the input passes a limit of the YAML reader".into(),
                    ),
                },
                Some(t(
                    format!(
                        "nianbao 最多读 {} 个值、{} 层嵌套和 {} 个别名（README.md，“Limits”）",
                        grouped(Limit::VALUES),
                        Limit::DEPTH,
                        grouped(Limit::ALIASES)
                    ),
                    format!(
                        "nianbao reads at most {} values, {} levels of nesting and {} aliases (README.md, “Limits”)",
                        grouped(Limit::VALUES),
                        Limit::DEPTH,
                        grouped(Limit::ALIASES)
                    ),
                )),
            ),
            M::YamlTag { place, tag } => (
                t(
                    format!("{place}带有 YAML 标签 `{tag}`"),
                    format!("a YAML tag `{tag}` on {place}"),
                ),
                Some(t(
                    "删去标签：nianbao 只读普通的文字和数字".into(),
                    "remove the tag: nianbao reads plain text and figures only".into(),
                )),
            ),
            M::MultipleDocuments => (
                t(
                    "文件里有不止一个 YAML 文档：第二个 `---` 开始了另一个".into(),
                    "the file holds more than one YAML document: a second `---` starts another"
                        .into(),
                ),
                Some(t(
                    "一个输入只是一个文档：删去多余的 `---`，或把第二部分放进文件夹输入的另一个文件".into(),
                    "an input is one document: remove the extra `---`, or put the second part in a file of its own in a folder input".into(),
                )),
            ),
            M::YamlSyntax { detail } => (
                t(format!("YAML 语法错误：{detail}"), detail.clone()),
                Some(t(
                    "检查这一行的缩进、引号和 `键: 值` 的写法".into(),
                    "check indentation, quotes and the `key: value` form on this line".into(),
                )),
            ),
        };
        (message, hint)
    }
}

impl Message {
    /// The diagnostic in `lang`, without a place yet.
    pub fn diagnostic(self, lang: Lang) -> crate::diag::Diagnostic {
        let (text, hint) = self.words(lang);
        let d = crate::diag::Diagnostic::new(self.level(), self.code(), text);
        match hint {
            Some(hint) => d.hint(hint),
            None => d,
        }
    }
}

/// The language of an input that has not been read yet: English when it says
/// `lang: en` at the start of a line, else Chinese, the default of documents.
pub fn language_of_text(text: &str) -> Lang {
    let english = text.lines().any(|l| {
        let l = l.trim();
        l.strip_prefix("lang:").map(|v| {
            v.split('#')
                .next()
                .unwrap_or("")
                .trim()
                .trim_matches(['"', '\''])
        }) == Some("en")
    });
    if english { Lang::En } else { Lang::Zh }
}

fn date_in_text_hint(lang: Lang) -> String {
    pick(
        lang,
        "核对日期；总结只写本年度的工作".into(),
        "check the date: a summary covers its own period".into(),
    )
}

fn activity_date_hint(lang: Lang) -> String {
    pick(
        lang,
        "按 YYYY-MM-DD 写本期内的日期".into(),
        "write a date of the period as YYYY-MM-DD".into(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(
            suggest("organisaton", ["organisation", "year"]),
            Some("organisation")
        );
        assert_eq!(suggest("zzz_unknown_field", ["meta", "counts"]), None);
    }

    #[test]
    fn did_you_mean_in_both_languages() {
        assert_eq!(
            did_you_mean(Lang::Zh, "care", Quote::Code),
            "是否指 `care`？"
        );
        assert_eq!(
            did_you_mean(Lang::Zh, "关心", Quote::Title),
            "是否指“关心”？"
        );
        assert_eq!(
            did_you_mean(Lang::En, "care", Quote::Code),
            "did you mean `care`?"
        );
    }
}
