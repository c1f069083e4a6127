//! The catalogue of diagnostic codes: each code's stable id, its rule name,
//! its default level and what it means, in one table from which `check --help`,
//! the README's table (a test compares them) and the JSON output come.

/// How bad a diagnostic is. Errors stop a build; warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    /// "error" or "warning", as diagnostics and the README write it.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// Stable diagnostic codes. The id (E0101) is what users search for; the name
/// is what `settings: rules:` allows, warns or denies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Code {
    YamlSyntax,
    InvalidValue,
    MissingField,
    UnknownField,
    DuplicateKey,
    InputLimit,
    ControlCharacter,
    UndefinedCount,
    UnknownFormat,
    UnusedCount,
    CountWithoutValue,
    Placeholder,
    PlanYear,
    DocumentDate,
    Period,
    YearRange,
    Template,
    MissingGlyph,
    Font,
    Typeset,
    UnbalancedBrackets,
    HalfWidthPunctuation,
    SpaceAroundDigits,
    RepeatedPunctuation,
    MixedNumerals,
    MissingEndPunctuation,
    DoubleNumbering,
    MixedNumbering,
    LongWord,
    PartExceedsWhole,
    UnknownPartOf,
    PercentOutOfRange,
    InvalidFigure,
    DateOutsidePeriod,
    DuplicateTitle,
    DuplicateId,
    IdenticalPoints,
    SectionWithoutPoints,
    SectionTooDeep,
    PartHeading,
    EmptyPart,
    EmptyText,
    PlanNotFulfilled,
    DerivedMismatch,
    UnknownSection,
    RollupMismatch,
    Import,
}

/// One row of the catalogue.
pub struct Entry {
    pub code: Code,
    /// E0101, W0103 …: errors start with E, warnings with W.
    pub id: &'static str,
    /// The rule name for `settings: rules:`.
    pub name: &'static str,
    /// The level when no rule setting changes it.
    pub level: Severity,
    /// What it reports, as the README's table says it.
    pub what: &'static str,
}

/// Every code, in the order of their ids.
pub const CATALOGUE: [Entry; 47] = [
    Entry {
        code: Code::YamlSyntax,
        id: "E0001",
        name: "yaml-syntax",
        level: Severity::Error,
        what: "not valid YAML (or not UTF-8)",
    },
    Entry {
        code: Code::InvalidValue,
        id: "E0002",
        name: "invalid-value",
        level: Severity::Error,
        what: "a value of the wrong type, or out of range",
    },
    Entry {
        code: Code::MissingField,
        id: "E0003",
        name: "missing-field",
        level: Severity::Error,
        what: "a required field is missing; an empty file",
    },
    Entry {
        code: Code::UnknownField,
        id: "E0004",
        name: "unknown-field",
        level: Severity::Error,
        what: "an unknown field or rule name (with \"did you mean\")",
    },
    Entry {
        code: Code::DuplicateKey,
        id: "E0005",
        name: "duplicate-key",
        level: Severity::Error,
        what: "the same key twice in a mapping (a count defined twice)",
    },
    Entry {
        code: Code::InputLimit,
        id: "E0006",
        name: "input-limit",
        level: Severity::Error,
        what: "the input is too big, too deep or has too many aliases (see Limits)",
    },
    Entry {
        code: Code::ControlCharacter,
        id: "E0007",
        name: "control-character",
        level: Severity::Error,
        what: "a control character (carriage return, escape, NUL …) in a text, or a line break in a one-line field (a title, a label, a unit, a table cell, a problem)",
    },
    Entry {
        code: Code::UndefinedCount,
        id: "E0101",
        name: "undefined-count",
        level: Severity::Error,
        what: "`{name}` refers to a count that is not defined",
    },
    Entry {
        code: Code::UnknownFormat,
        id: "E0102",
        name: "unknown-format",
        level: Severity::Error,
        what: "`{name:fmt}` with an unknown format",
    },
    Entry {
        code: Code::UnusedCount,
        id: "W0101",
        name: "unused-count",
        level: Severity::Warning,
        what: "a count is defined but never used",
    },
    Entry {
        code: Code::CountWithoutValue,
        id: "W0102",
        name: "count-without-value",
        level: Severity::Warning,
        what: "a count has no value (the text shows “（待统计）”)",
    },
    Entry {
        code: Code::Placeholder,
        id: "W0103",
        name: "placeholder",
        level: Severity::Warning,
        what: "placeholder text left: （统计具体数字）, XX, ×××, TODO, 待补充, 待统计",
    },
    Entry {
        code: Code::PlanYear,
        id: "E0201",
        name: "plan-year",
        level: Severity::Error,
        what: "the plan's year is not the report's year + 1",
    },
    Entry {
        code: Code::DocumentDate,
        id: "E0202",
        name: "document-date",
        level: Severity::Error,
        what: "the date is not a real date, or not in the year or the 92 days after it",
    },
    Entry {
        code: Code::Period,
        id: "E0203",
        name: "period",
        level: Severity::Error,
        what: "`half:` not 1 or 2; `from:`/`to:` not real dates, reversed, alone or mixed with `half:`",
    },
    Entry {
        code: Code::YearRange,
        id: "E0204",
        name: "year-range",
        level: Severity::Error,
        what: "a year outside 1900–2100 (`meta.year`, `plans.year`)",
    },
    Entry {
        code: Code::Template,
        id: "E0301",
        name: "template",
        level: Severity::Error,
        what: "a template cannot be loaded or rendered",
    },
    Entry {
        code: Code::MissingGlyph,
        id: "E0401",
        name: "missing-glyph",
        level: Severity::Error,
        what: "a character that no font has (it would print as an empty box)",
    },
    Entry {
        code: Code::Font,
        id: "E0402",
        name: "font",
        level: Severity::Error,
        what: "a font folder or file that cannot be used",
    },
    Entry {
        code: Code::Typeset,
        id: "E0403",
        name: "typeset",
        level: Severity::Error,
        what: "Typst cannot typeset the document (an error in a style file)",
    },
    Entry {
        code: Code::UnbalancedBrackets,
        id: "W0501",
        name: "unbalanced-brackets",
        level: Severity::Warning,
        what: "unbalanced “” ‘’ 《》 （） 【】",
    },
    Entry {
        code: Code::HalfWidthPunctuation,
        id: "W0502",
        name: "half-width-punctuation",
        level: Severity::Warning,
        what: "half-width , ; : ( ) ? ! between Chinese characters",
    },
    Entry {
        code: Code::SpaceAroundDigits,
        id: "W0503",
        name: "space-around-digits",
        level: Severity::Warning,
        what: "a space between a Chinese character and a digit (\"2020 年\")",
    },
    Entry {
        code: Code::RepeatedPunctuation,
        id: "W0504",
        name: "repeated-punctuation",
        level: Severity::Warning,
        what: "。。 ，， 、、 ；； ：：",
    },
    Entry {
        code: Code::MixedNumerals,
        id: "W0505",
        name: "mixed-numerals",
        level: Severity::Warning,
        what: "a figure in Chinese numerals (`{n:cn}`, \"九篇\") beside Arabic ones (\"17项\"); approximate figures (`approx: true`, \"一千余份\") are exempt",
    },
    Entry {
        code: Code::MissingEndPunctuation,
        id: "W0506",
        name: "missing-end-punctuation",
        level: Severity::Warning,
        what: "a paragraph, point or plan text without sentence-final punctuation",
    },
    Entry {
        code: Code::DoubleNumbering,
        id: "W0507",
        name: "double-numbering",
        level: Severity::Warning,
        what: "a point or list item that starts with a number of its own (\"1、\", \"一是\", \"（一）\") where nianbao numbers it already",
    },
    Entry {
        code: Code::MixedNumbering,
        id: "W0508",
        name: "mixed-numbering",
        level: Severity::Warning,
        what: "numbers written into the text in two styles, \"1、\" and \"1.\"",
    },
    Entry {
        code: Code::LongWord,
        id: "W0509",
        name: "long-word",
        level: Severity::Warning,
        what: "more than 36 characters without a space (a URL, a long word): the PDF and the DOCX break it where the line ends",
    },
    Entry {
        code: Code::PartExceedsWhole,
        id: "E0601",
        name: "part-exceeds-whole",
        level: Severity::Error,
        what: "a count with `part_of: other` is larger than the other",
    },
    Entry {
        code: Code::UnknownPartOf,
        id: "E0602",
        name: "unknown-part-of",
        level: Severity::Error,
        what: "`part_of:` names no count",
    },
    Entry {
        code: Code::PercentOutOfRange,
        id: "E0603",
        name: "percent-out-of-range",
        level: Severity::Error,
        what: "a count in % outside 0–100",
    },
    Entry {
        code: Code::InvalidFigure,
        id: "E0608",
        name: "invalid-figure",
        level: Severity::Error,
        what: "a count's value, or an activity's figure for it, that is not a finite number below 10¹⁵, or, for a unit that counts things (人, 个, 项 …), negative or not whole",
    },
    Entry {
        code: Code::DateOutsidePeriod,
        id: "W0604",
        name: "date-outside-period",
        level: Severity::Warning,
        what: "a date in the summary's text (\"2019年6月\") outside the year, or not a real date",
    },
    Entry {
        code: Code::DuplicateTitle,
        id: "W0605",
        name: "duplicate-title",
        level: Severity::Warning,
        what: "two summary sections or two plan items with the same title",
    },
    Entry {
        code: Code::DuplicateId,
        id: "E0606",
        name: "duplicate-id",
        level: Severity::Error,
        what: "two plan items with the same id",
    },
    Entry {
        code: Code::IdenticalPoints,
        id: "W0607",
        name: "identical-points",
        level: Severity::Warning,
        what: "the same text twice",
    },
    Entry {
        code: Code::SectionWithoutPoints,
        id: "W0701",
        name: "section-without-points",
        level: Severity::Warning,
        what: "a section without points, items, body or sections",
    },
    Entry {
        code: Code::EmptyText,
        id: "W0702",
        name: "empty-text",
        level: Severity::Warning,
        what: "an empty string",
    },
    Entry {
        code: Code::SectionTooDeep,
        id: "E0703",
        name: "section-too-deep",
        level: Severity::Error,
        what: "a section nested deeper than four levels (一、 （一） 1. （1））, which no numbering of a 公文 has",
    },
    Entry {
        code: Code::PartHeading,
        id: "E0704",
        name: "part-heading",
        level: Severity::Error,
        what: "a part without a heading that nianbao cannot derive: role `other`, or a second part of the same role",
    },
    Entry {
        code: Code::EmptyPart,
        id: "W0705",
        name: "empty-part",
        level: Severity::Warning,
        what: "a part heading with nothing under it",
    },
    Entry {
        code: Code::PlanNotFulfilled,
        id: "W0801",
        name: "plan-not-fulfilled",
        level: Severity::Warning,
        what: "a plan of last period that no section `fulfils`",
    },
    Entry {
        code: Code::DerivedMismatch,
        id: "W0901",
        name: "derived-mismatch",
        level: Severity::Warning,
        what: "a declared count that its activities do not add up to",
    },
    Entry {
        code: Code::UnknownSection,
        id: "W0902",
        name: "unknown-section",
        level: Severity::Warning,
        what: "an activity's `section:` names no section",
    },
    Entry {
        code: Code::RollupMismatch,
        id: "E0903",
        name: "rollup-mismatch",
        level: Severity::Error,
        what: "inputs of a rollup that report on different periods, or give a count of one name different units or labels",
    },
    Entry {
        code: Code::Import,
        id: "W1001",
        name: "import",
        level: Severity::Warning,
        what: "`import`: a numbering slip read as a point, or text kept where it could not be placed",
    },
];

impl Code {
    fn entry(self) -> &'static Entry {
        CATALOGUE
            .iter()
            .find(|e| e.code == self)
            .expect("every code is in the catalogue")
    }

    pub fn as_str(self) -> &'static str {
        self.entry().id
    }

    /// The rule's name, as `settings: rules:` writes it.
    pub fn name(self) -> &'static str {
        self.entry().name
    }

    pub fn from_name(name: &str) -> Option<Code> {
        CATALOGUE.iter().find(|e| e.name == name).map(|e| e.code)
    }

    /// The level when no rule setting changes it.
    pub fn level(self) -> Severity {
        self.entry().level
    }

    /// Every rule name, for "did you mean".
    pub fn names() -> impl Iterator<Item = &'static str> {
        CATALOGUE.iter().map(|e| e.name)
    }

    /// Whether `settings: rules:` may allow (silence) it. Errors that would
    /// make a wrong document cannot be allowed, only denied.
    pub fn can_be_allowed(self) -> bool {
        !matches!(
            self,
            Code::YamlSyntax
                | Code::InvalidValue
                | Code::MissingField
                | Code::UnknownField
                | Code::DuplicateKey
                | Code::InputLimit
                | Code::ControlCharacter
                | Code::YearRange
                | Code::InvalidFigure
                | Code::SectionTooDeep
                | Code::PartHeading
                | Code::RollupMismatch
                | Code::UndefinedCount
                | Code::UnknownFormat
                | Code::Template
                | Code::MissingGlyph
                | Code::Font
                | Code::Typeset
        )
    }
}

/// The catalogue as rows: `row(id, rule name, default level, meaning)` each.
fn table(head: &str, row: impl Fn(&str, &str, &str, &str) -> String) -> String {
    let rows = CATALOGUE
        .iter()
        .map(|e| row(e.id, e.name, e.level.as_str(), e.what));
    std::iter::once(head.to_string()).chain(rows).collect()
}

/// The catalogue as the README's Markdown table.
#[cfg(test)]
pub fn markdown_table() -> String {
    table(
        "| code | rule name | default | what |\n|---|---|---|---|\n",
        |id, name, level, what| format!("| {id} | {name} | {level} | {what} |\n"),
    )
}

/// The catalogue for `check --help`: id, rule name, default level, meaning.
pub fn help_table() -> String {
    table(
        "Diagnostic codes (rule names for `settings: rules:`; README.md explains each):\n",
        |id, name, level, what| format!("  {id}  {name:<24} {level:<8} {what}\n"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The README's table is the catalogue, row for row.
    #[test]
    fn the_readme_table_is_the_catalogue() {
        let readme = include_str!("../README.md");
        let start = readme
            .find("| code | rule name | default | what |")
            .expect("README has the table");
        let table: String = readme[start..]
            .lines()
            .take_while(|l| l.starts_with('|'))
            .map(|l| format!("{l}\n"))
            .collect();
        assert_eq!(table, markdown_table());
    }

    #[test]
    fn ids_say_the_default_level_and_are_unique() {
        for (i, e) in CATALOGUE.iter().enumerate() {
            let letter = if e.level == Severity::Error { 'E' } else { 'W' };
            assert!(e.id.starts_with(letter), "{}", e.id);
            assert!(
                CATALOGUE[..i]
                    .iter()
                    .all(|o| o.id != e.id && o.name != e.name && o.code != e.code)
            );
        }
    }
}
