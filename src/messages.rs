//! The words of every rule's diagnostics, Chinese and English, in one table:
//! each message says its code, its level, its text and its hint in both
//! languages. Rules choose a message and a place; they write no words.

use crate::codes::Code;
use crate::diag::Severity;
use crate::locale::tr;
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
    /// A reference in Chinese numerals (`written`) among Arabic ones:
    /// `count`, the count as the person knows it (its label), `shown`, how
    /// it prints (九篇).
    MixedNumerals {
        place: String,
        written: String,
        arabic: usize,
        count: String,
        shown: String,
    },
    /// `count`: its label (else its name); `name`, what the text writes.
    UnusedCount {
        name: String,
        count: String,
    },
    /// Braces around a name with spaces: `written` as typed, `fixed` the
    /// reference meant.
    SpacedReference {
        written: String,
        fixed: String,
    },
    /// A count whose name the text cannot reference (`{2020慰问}` is no
    /// reference): `typed`, a name that can be.
    UnreferenceableCount {
        name: String,
        typed: String,
    },
    // `count` (and a whole's `whole`): a count as the person knows it, its
    // label, else its name.
    CountWithoutValue {
        count: String,
        missing: &'static str,
    },
    /// Counts with no value that the text does not use yet (as `next`
    /// carries them over into a new period), said once: the counts.
    CountsToFill {
        counts: Vec<String>,
    },
    PercentOutOfRange {
        count: String,
        value: f64,
    },
    /// `whole`: the name written, of no count.
    UnknownPartOf {
        count: String,
        whole: String,
        best: Option<String>,
    },
    PartExceedsWhole {
        count: String,
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
    // The 公文's elements.
    /// A 发文字号 not written 代字〔year〕number号: `problem` says how.
    DocNumberForm {
        number: String,
        problem: &'static str,
    },
    DocNumberYear {
        number: String,
        year: i32,
        date_year: i32,
    },
    MissingAddressee {
        kind: &'static str,
    },
    RequestEnding,
    /// 抄送 or 印发 where no 版记 stands, or the 版记 incomplete: `problem` says which.
    Record {
        problem: &'static str,
    },
    SealImage {
        path: String,
        problem: &'static str,
    },
    /// `document.signatures` whose seals do not agree: `problem` says how.
    Signatures {
        problem: &'static str,
    },
    /// A 联合行文's 标志 written on one line, or its "文件" with an organ.
    JointIssuer {
        line: String,
        problem: &'static str,
    },
    EmptyText {
        place: String,
    },
    // Activities.
    DerivedMismatch {
        count: String,
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
        count: String,
    },
    FigureTooLarge {
        count: String,
    },
    FigureNotCounted {
        count: String,
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
    /// A slip of a person who types YAML without knowing it, with its fix.
    Slip {
        slip: Slip,
    },
    /// A value where a number belongs that is no number: `many`, `二〇二〇`,
    /// `2020.5` where a whole number belongs, or one too large.
    NotANumber {
        /// The field it is written under.
        key: String,
        written: String,
        problem: NumberProblem,
        /// The number in digits, when it is written in Chinese numerals.
        digits: Option<String>,
    },
}

/// A slip that a person who has never seen YAML makes, recognised where
/// the YAML fails: what is wrong, and the line (without its indentation) as
/// it should be written.
#[derive(Clone, Debug)]
pub enum Slip {
    /// `organisation：某工会`; `field`: the field's name when the key is
    /// its label on the editing page (`落款：…` → `signature: …`).
    FullWidthColon {
        key: String,
        field: Option<String>,
        fixed: String,
    },
    /// `year:2020`.
    NoSpaceAfterColon {
        key: String,
        field: Option<String>,
        fixed: String,
    },
    /// `-生日慰问`.
    NoSpaceAfterDash { fixed: String },
    /// A tab (`tab`) or a full-width space in a line's indentation; `spaces`:
    /// the indentation that reads (None: not found).
    Indent { tab: bool, spaces: Option<usize> },
    /// `- "两学一做"学习…`: the quoted words, the text with Chinese quotes,
    /// the whole text quoted.
    LeadingQuote {
        quoted: String,
        fixed: String,
        wrapped: String,
    },
    /// `- 会议强调: 要…`: the text with a full-width colon (None: not Chinese),
    /// the whole text quoted.
    ColonInText {
        fixed: Option<String>,
        wrapped: String,
    },
    /// `value: 411人`.
    NumberWithUnit {
        key: String,
        written: String,
        number: String,
        unit: String,
    },
    /// `value: ４１１`.
    FullWidthDigits {
        key: String,
        written: String,
        digits: String,
    },
    /// `落款: 工会办`: a label of the editing page typed as a key.
    LabelAsKey { key: String, field: String },
    /// An item of a list without its `- `.
    MissingDash { fixed: String },
    /// `－ 生日慰问`.
    FullWidthDash { dash: char, fixed: String },
}

/// Why a value is not the number its field takes, for [`Message::NotANumber`].
#[derive(Clone, Copy, Debug)]
pub enum NumberProblem {
    NotANumber,
    NotWhole,
    TooLarge,
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
    match quote {
        Quote::Code => tr!(lang, "did-you-mean-code", best = best),
        Quote::Title => tr!(lang, "did-you-mean-title", best = best),
    }
}

/// How a suggested name is shown.
#[derive(Clone, Copy, Debug)]
pub enum Quote {
    Code,
    Title,
}

/// The label of the first of two places that say the same.
pub fn first_here(lang: Lang) -> String {
    tr!(lang, "first-here")
}

/// The label of the first of two files that define the same part of a folder.
pub fn first_defined_here(lang: Lang) -> String {
    tr!(lang, "first-defined-here")
}

/// Put before a message that the archive turns into an error.
pub fn unfinished_prefix(lang: Lang) -> String {
    tr!(lang, "unfinished-prefix")
}

impl Message {
    /// The code of the rule that says it.
    pub fn code(&self) -> Code {
        use Message as M;
        match self {
            M::UndefinedCount { .. } | M::FigureOfNoCount { .. } | M::SpacedReference { .. } => {
                Code::UndefinedCount
            }
            M::UnknownFormat { .. } => Code::UnknownFormat,
            M::MixedNumerals { .. } | M::MixedNumeralsInText { .. } => Code::MixedNumerals,
            M::UnusedCount { .. } | M::UnreferenceableCount { .. } => Code::UnusedCount,
            M::CountWithoutValue { .. } | M::CountsToFill { .. } => Code::CountWithoutValue,
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
            M::DocNumberForm { .. } => Code::DocNumber,
            M::DocNumberYear { .. } => Code::DocNumberYear,
            M::MissingAddressee { .. } => Code::MissingAddressee,
            M::RequestEnding => Code::RequestEnding,
            M::Record { .. } => Code::Record,
            M::SealImage { .. } => Code::SealImage,
            M::Signatures { .. } => Code::Signatures,
            M::JointIssuer { .. } => Code::JointIssuer,
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
            M::Slip { slip } => match slip {
                Slip::NumberWithUnit { .. } | Slip::FullWidthDigits { .. } => Code::InvalidValue,
                Slip::LabelAsKey { .. } => Code::UnknownField,
                _ => Code::YamlSyntax,
            },
            M::NotANumber { .. } => Code::InvalidValue,
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

    /// The message and its hint, in `lang`: the key of its words in the
    /// locale files (`locales/*/diagnostics.ftl`), the hint the key's `.hint`
    /// unless said otherwise.
    pub fn words(&self, lang: Lang) -> (String, Option<String>) {
        let (key, args, hint) = self.key(lang);
        let text = |key: &str| crate::locale::words(lang, key, &args);
        let message = text(key);
        let hint = match hint {
            Hint::Own => Some(text(&format!("{key}.hint"))),
            Hint::Other(attribute) => Some(text(&format!("{key}.{attribute}"))),
            Hint::DidYouMean(best, quote) => Some(did_you_mean(lang, &best, quote)),
            Hint::None => None,
        };
        (message, hint)
    }

    /// The key of the message's words, its arguments and where its hint comes from.
    fn key(&self, lang: Lang) -> (&'static str, Vec<(&'static str, String)>, Hint) {
        use Message as M;
        macro_rules! args {
            ($($name:ident = $value:expr),* $(,)?) => {
                vec![$((stringify!($name), ($value).to_string())),*]
            };
        }
        let own = |key, args| (key, args, Hint::Own);
        let or_did_you_mean = |best: &Option<String>, quote, key, args| match best {
            Some(best) => (key, args, Hint::DidYouMean(best.clone(), quote)),
            None => (key, args, Hint::Own),
        };
        match self {
            M::UndefinedCount { name, best } => or_did_you_mean(
                &best.as_ref().map(|b| format!("{{{b}}}")),
                Quote::Code,
                "undefined-count",
                args!(name = name),
            ),
            M::UnknownFormat { format, written } => {
                own("unknown-format", args!(format = format, written = written))
            }
            M::SpacedReference { written, fixed } => {
                own("spaced-reference", args!(written = written, fixed = fixed))
            }
            M::MixedNumeralsInText {
                place,
                written,
                arabic,
                digits,
            } => own(
                "mixed-numerals-in-text",
                args!(
                    place = place,
                    written = written,
                    arabic = arabic,
                    digits = digits
                ),
            ),
            M::MixedNumerals {
                place,
                written,
                arabic,
                count,
                shown,
            } => own(
                "mixed-numerals",
                args!(
                    place = place,
                    written = written,
                    arabic = arabic,
                    count = count,
                    shown = shown,
                    plain = written.replace(":cn", "")
                ),
            ),
            M::UnusedCount { name, count } => {
                own("unused-count", args!(name = name, count = count))
            }
            M::UnreferenceableCount { name, typed } => {
                own("unreferenceable-count", args!(name = name, typed = typed))
            }
            M::CountWithoutValue { count, missing } => own(
                "count-without-value",
                args!(count = count, missing = missing),
            ),
            M::CountsToFill { counts } => own(
                "counts-to-fill",
                args!(
                    n = counts.len(),
                    counts = counts
                        .iter()
                        .map(|count| tr!(lang, "counts-to-fill-item", count = count.as_str()))
                        .collect::<Vec<_>>()
                        .join(&tr!(lang, "counts-to-fill-separator"))
                ),
            ),
            M::PercentOutOfRange { count, value } => {
                own("percent-out-of-range", args!(count = count, value = value))
            }
            M::UnknownPartOf { count, whole, best } => (
                "unknown-part-of",
                args!(count = count, whole = whole),
                match best {
                    Some(best) => Hint::DidYouMean(best.clone(), Quote::Code),
                    None => Hint::None,
                },
            ),
            M::PartExceedsWhole {
                count,
                part,
                whole,
                total,
            } => own(
                "part-exceeds-whole",
                args!(count = count, part = part, whole = whole, total = total),
            ),
            M::Placeholder { place, placeholder } => own(
                "placeholder",
                args!(place = place, placeholder = placeholder),
            ),
            M::UnbalancedBracket {
                place,
                mark,
                partner,
            } => own(
                "unbalanced-bracket",
                args!(place = place, mark = mark, partner = partner),
            ),
            M::HalfWidthPunctuation { place, mark, wide } => own(
                "half-width-punctuation",
                args!(place = place, mark = mark, wide = wide),
            ),
            M::SpaceAroundDigits { place } => own("space-around-digits", args!(place = place)),
            M::RepeatedPunctuation { place, mark } => {
                own("repeated-punctuation", args!(place = place, mark = mark))
            }
            M::MissingEndPunctuation { place } => {
                own("missing-end-punctuation", args!(place = place))
            }
            M::LongWord {
                place,
                start,
                chars,
            } => own(
                "long-word",
                args!(
                    place = place,
                    start = start,
                    chars = chars,
                    limit = crate::cjk::LONG_RUN
                ),
            ),
            M::PlanYear {
                planned,
                expected,
                plan_only: true,
                ..
            } => own(
                "plan-year-plan-only",
                args!(planned = planned, expected = expected),
            ),
            M::PlanYear {
                planned,
                expected,
                period,
                plan_only: false,
            } => own(
                "plan-year",
                args!(
                    planned = planned,
                    expected = expected,
                    period = period.label(lang)
                ),
            ),
            M::InvalidHalf { half } => own("invalid-half", args!(half = half)),
            M::InvalidPeriodDate { field, written } => {
                let args = args!(field = field, written = written);
                match iso_date(written) {
                    Some(iso) => (
                        "invalid-period-date",
                        [args, args!(iso = iso)].concat(),
                        Hint::Other("hint-iso"),
                    ),
                    None => own("invalid-period-date", args),
                }
            }
            M::PeriodRange { problem } => own(
                match problem {
                    RangeProblem::Alone => "period-alone",
                    RangeProblem::Reversed => "period-reversed",
                    RangeProblem::Mixed => "period-mixed",
                },
                args!(),
            ),
            M::InvalidDocumentDate { written } => match iso_date(written) {
                Some(iso) => (
                    "invalid-document-date",
                    args!(written = written, iso = iso),
                    Hint::Other("hint-iso"),
                ),
                None => own("invalid-document-date", args!(written = written)),
            },
            M::DocumentDateOutside {
                written,
                period,
                start,
                latest,
                grace_days,
            } => own(
                "document-date-outside",
                args!(
                    written = written,
                    period = period.label(lang),
                    start = start,
                    latest = latest,
                    grace_days = grace_days
                ),
            ),
            M::DateInTextOutside {
                place,
                written,
                period,
            } => own(
                "date-in-text-outside",
                args!(
                    place = place,
                    written = written,
                    period = period.label(lang)
                ),
            ),
            M::DateInTextNotReal { place, written } => own(
                "date-in-text-not-real",
                args!(place = place, written = written),
            ),
            M::DuplicateSectionTitle { title } => {
                own("duplicate-section-title", args!(title = title))
            }
            M::DuplicatePlanTitle { title } => own("duplicate-plan-title", args!(title = title)),
            M::DuplicatePlanId { id } => own("duplicate-plan-id", args!(id = id)),
            M::IdenticalText { place } => own("identical-text", args!(place = place)),
            M::SectionWithoutPoints { place, title } => own(
                "section-without-points",
                args!(place = place, title = title),
            ),
            M::PartHeading { number, role } => {
                let role = match role {
                    crate::model::Role::Work => "work",
                    crate::model::Role::Problems => "problems",
                    crate::model::Role::Plans => "plans",
                    crate::model::Role::Other => "other",
                };
                own("part-heading", args!(number = number, role = role))
            }
            M::EmptyPart { number, heading } => {
                own("empty-part", args!(number = number, heading = heading))
            }
            M::SectionTooDeep { title, level } => {
                own("section-too-deep", args!(title = title, level = level))
            }
            M::DocNumberForm { number, problem } => own(problem, args!(number = number)),
            M::DocNumberYear {
                number,
                year,
                date_year,
            } => own(
                "doc-number-year",
                args!(number = number, year = year, date_year = date_year),
            ),
            M::MissingAddressee { kind } => own("missing-addressee", args!(kind = kind)),
            M::RequestEnding => own("request-ending", args!()),
            M::Record { problem } => own(problem, args!()),
            M::SealImage { path, problem } => own(problem, args!(path = path)),
            M::Signatures { problem } => own(problem, args!()),
            M::JointIssuer { line, problem } => own(problem, args!(line = line)),
            M::EmptyText { place } => own("empty-text", args!(place = place)),
            M::DerivedMismatch {
                count,
                declared,
                sum,
                activities,
            } => own(
                "derived-mismatch",
                args!(
                    count = count,
                    declared = declared,
                    sum = sum,
                    activities = activities
                ),
            ),
            M::FigureOfNoCount { name, best } => {
                or_did_you_mean(best, Quote::Code, "figure-of-no-count", args!(name = name))
            }
            M::ActivityDateOutside {
                title,
                date,
                period,
            } => own(
                "activity-date-outside",
                args!(title = title, date = date, period = period.label(lang)),
            ),
            M::ActivityDateInvalid { title, date } => {
                own("activity-date-invalid", args!(title = title, date = date))
            }
            M::UnknownSection {
                title,
                section,
                best,
            } => (
                "unknown-section",
                args!(title = title, section = section),
                match best {
                    Some(best) => Hint::DidYouMean(best.clone(), Quote::Title),
                    None => Hint::None,
                },
            ),
            M::PlanNotFulfilled { title, id } => {
                own("plan-not-fulfilled", args!(title = title, id = id))
            }
            M::FulfilsNoPlan { id, previous } => {
                own("fulfils-no-plan", args!(id = id, previous = previous))
            }
            M::ControlCharacter { place, code_point } => own(
                "control-character",
                args!(place = place, code_point = format!("{code_point:04X}")),
            ),
            M::LineBreak { place } => own("line-break", args!(place = place)),
            M::YearOutOfRange { field, year } => {
                own("year-out-of-range", args!(field = field, year = year))
            }
            M::FigureNotFinite { count } => own("figure-not-finite", args!(count = count)),
            M::FigureTooLarge { count } => own("figure-too-large", args!(count = count)),
            M::FigureNotCounted { count, value, unit } => own(
                "figure-not-counted",
                args!(count = count, value = value, unit = unit),
            ),
            M::UnknownRule { name, best } => (
                "unknown-rule",
                args!(name = name),
                match best {
                    Some(best) => Hint::DidYouMean(best.clone(), Quote::Code),
                    None => Hint::None,
                },
            ),
            M::InputTooLarge { megabytes, limit } => own(
                "input-too-large",
                args!(megabytes = format!("{megabytes:.1}"), limit = limit),
            ),
            M::DocumentTooLarge { megabytes, limit } => own(
                "document-too-large",
                args!(megabytes = format!("{megabytes:.1}"), limit = limit),
            ),
            M::NotUtf8 { offset } => own("not-utf8", args!(offset = offset)),
            M::Utf16 => own("utf16", args!()),
            M::EmptyFile => own("empty-file", args!()),
            M::UnknownField {
                field,
                best,
                allowed,
            } => or_did_you_mean(
                best,
                Quote::Code,
                "unknown-field",
                args!(field = field, allowed = allowed),
            ),
            M::UnknownValue {
                value,
                best,
                allowed,
            } => or_did_you_mean(
                best,
                Quote::Code,
                "unknown-value",
                args!(value = value, allowed = allowed),
            ),
            M::MissingFieldIn { field, parent } => {
                own("missing-field-in", args!(field = field, parent = parent))
            }
            M::MissingField { field } => own("missing-field", args!(field = field)),
            M::ChineseNumeralsInEnglish { written } => {
                own("chinese-numerals-in-english", args!(written = written))
            }
            M::DoubleNumbering { place, marker } => {
                own("double-numbering", args!(place = place, marker = marker))
            }
            M::MixedNumbering {
                place,
                marker,
                style,
                usual,
            } => own(
                "mixed-numbering",
                args!(place = place, marker = marker, style = style, usual = usual),
            ),
            M::PartsAndShorthand => own("parts-and-shorthand", args!()),
            M::MissingTopField { field } => (
                "missing-top-field",
                args!(field = field),
                if *field == "parts" {
                    Hint::Other("hint-parts")
                } else {
                    Hint::Own
                },
            ),
            M::MissingInFolder { field } => own("missing-in-folder", args!(field = field)),
            M::DuplicateKey { key } => match key {
                Some(key) => own("duplicate-key", args!(key = key)),
                None => own("duplicate-key-unnamed", args!()),
            },
            M::DefinedTwice { what } => match what {
                Defined::Part(part) => own("defined-twice-part", args!(part = part)),
                Defined::Section(title) => own("defined-twice-section", args!(title = title)),
                Defined::Count(name) => own("defined-twice-count", args!(name = name)),
                Defined::RuleSetting(name) => own("defined-twice-rule-setting", args!(name = name)),
            },
            M::Expected { what } => match what {
                Expected::List => own("expected-list", args!()),
                Expected::Mapping => own("expected-mapping", args!()),
                Expected::Text => own("expected-text", args!()),
                Expected::QuotedText => own("expected-quoted-text", args!()),
                Expected::Other(other) => own("expected-other", args!(other = other)),
            },
            M::InvalidValue { detail, written } => match written {
                Some(value) => own("invalid-value", args!(detail = detail, value = value)),
                None => own("invalid-value-unquoted", args!(detail = detail)),
            },
            M::InputLimit { limit } => {
                let (key, n) = match limit {
                    Limit::Values(n) => ("input-limit-values", grouped(*n)),
                    Limit::Depth(n) => ("input-limit-depth", n.to_string()),
                    Limit::Aliases(n) => ("input-limit-aliases", grouped(*n)),
                    Limit::Reader => ("input-limit-reader", String::new()),
                };
                let mut args = args!(
                    values = grouped(Limit::VALUES),
                    depth = Limit::DEPTH,
                    aliases = grouped(Limit::ALIASES)
                );
                if !matches!(limit, Limit::Reader) {
                    args.push(("limit", n));
                }
                own(key, args)
            }
            M::YamlTag { place, tag } => own("yaml-tag", args!(place = place, tag = tag)),
            M::MultipleDocuments => own("multiple-documents", args!()),
            M::YamlSyntax { detail } => own("yaml-syntax", args!(detail = detail)),
            M::Slip { slip } => slip_key(slip),
            M::NotANumber {
                key,
                written,
                problem,
                digits,
            } => {
                let name = match problem {
                    NumberProblem::NotANumber => "not-a-number",
                    NumberProblem::NotWhole => "not-a-whole-number",
                    NumberProblem::TooLarge => "number-too-large",
                };
                let args = args!(key = key, written = written);
                match digits {
                    Some(digits) => (
                        name,
                        [args, args!(digits = digits)].concat(),
                        Hint::Other("hint-digits"),
                    ),
                    None if key != "value" && matches!(problem, NumberProblem::NotANumber) => {
                        (name, args, Hint::Other("hint-plain"))
                    }
                    None => own(name, args),
                }
            }
        }
    }
}

/// A date written the Chinese way (`2020年12月20日`, full-width digits too)
/// as nianbao reads dates: `2020-12-20`.
fn iso_date(written: &str) -> Option<String> {
    let narrow: String = written
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            other => other,
        })
        .collect();
    let dates = crate::cjk::chinese_dates(&narrow);
    let [date] = dates.as_slice() else {
        return None;
    };
    (date.written == narrow)
        .then(|| date.date())
        .flatten()
        .map(|d| d.format("%Y-%m-%d").to_string())
}

/// The key, arguments and hint of a slip's words.
fn slip_key(slip: &Slip) -> (&'static str, Vec<(&'static str, String)>, Hint) {
    let arg = |name: &'static str, value: &str| (name, value.to_string());
    match slip {
        Slip::FullWidthColon { key, field, fixed }
        | Slip::NoSpaceAfterColon { key, field, fixed } => {
            let name = if matches!(slip, Slip::FullWidthColon { .. }) {
                "slip-full-width-colon"
            } else {
                "slip-no-space-after-colon"
            };
            let mut args = vec![arg("key", key), arg("fixed", fixed)];
            match field {
                Some(field) => {
                    args.push(arg("field", field));
                    (name, args, Hint::Other("hint-label"))
                }
                None => (name, args, Hint::Own),
            }
        }
        Slip::NoSpaceAfterDash { fixed } => (
            "slip-no-space-after-dash",
            vec![arg("fixed", fixed)],
            Hint::Own,
        ),
        Slip::Indent { tab, spaces } => (
            if *tab {
                "slip-tab-indent"
            } else {
                "slip-full-width-space-indent"
            },
            spaces
                .map(|n| vec![arg("spaces", &n.to_string())])
                .unwrap_or_default(),
            if spaces.is_some() {
                Hint::Own
            } else {
                Hint::Other("hint-align")
            },
        ),
        Slip::LeadingQuote {
            quoted,
            fixed,
            wrapped,
        } => (
            "slip-leading-quote",
            vec![
                arg("quoted", quoted),
                arg("fixed", fixed),
                arg("wrapped", wrapped),
            ],
            Hint::Own,
        ),
        Slip::ColonInText { fixed, wrapped } => match fixed {
            Some(fixed) => (
                "slip-colon-in-text",
                vec![arg("fixed", fixed), arg("wrapped", wrapped)],
                Hint::Own,
            ),
            None => (
                "slip-colon-in-text",
                vec![arg("wrapped", wrapped)],
                Hint::Other("hint-quote"),
            ),
        },
        Slip::NumberWithUnit {
            key,
            written,
            number,
            unit,
        } => (
            "slip-number-with-unit",
            vec![
                arg("key", key),
                arg("written", written),
                arg("number", number),
                arg("unit", unit),
            ],
            if key == "value" {
                Hint::Own
            } else {
                Hint::Other("hint-no-unit")
            },
        ),
        Slip::FullWidthDigits {
            key,
            written,
            digits,
        } => (
            "slip-full-width-digits",
            vec![
                arg("key", key),
                arg("written", written),
                arg("digits", digits),
            ],
            Hint::Own,
        ),
        Slip::LabelAsKey { key, field } => (
            "slip-label-as-key",
            vec![arg("key", key), arg("field", field)],
            Hint::Own,
        ),
        Slip::MissingDash { fixed } => ("slip-missing-dash", vec![arg("fixed", fixed)], Hint::Own),
        Slip::FullWidthDash { dash, fixed } => (
            "slip-full-width-dash",
            vec![arg("dash", &dash.to_string()), arg("fixed", fixed)],
            Hint::Own,
        ),
    }
}

/// Where a message's hint comes from.
enum Hint {
    /// The key's `.hint`.
    Own,
    /// Another attribute of the key.
    Other(&'static str),
    /// "Did you mean …?" with the closest name.
    DidYouMean(String, Quote),
    None,
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
