//! The catalogue of diagnostic codes: each code's stable id, its rule name,
//! its default level and what it means, in one table from which `check --help`,
//! the guide's code pages (`reference.rs`; each is `explain`'s page) and the JSON output come. Their
//! words, and each code's page for `nianbao explain`, are in `locales/*/codes.ftl`
//! and `locales/examples.yaml`.

use crate::locale::tr;
use crate::model::Lang;

/// How bad a diagnostic is. Errors stop a build; warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    /// "error" or "warning", as diagnostics write it.
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
    DocNumber,
    DocNumberYear,
    MissingAddressee,
    RequestEnding,
    Record,
    SealImage,
    Signatures,
    JointIssuer,
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
}

impl Entry {
    /// What it reports (`locales/*/codes.ftl`; also the guide's table of codes).
    pub fn what(&self, lang: Lang) -> String {
        tr!(lang, self.id)
    }

    /// The code's page for `nianbao explain`: what it means, an example that
    /// shows it and how to correct it.
    pub fn explain(&self, lang: Lang) -> String {
        let level = match self.level {
            Severity::Error => tr!(lang, "explain-error"),
            Severity::Warning => tr!(lang, "explain-warning"),
        };
        let mut page = tr!(
            lang,
            "explain-title",
            id = self.id,
            name = self.name,
            level = level
        );
        page.push_str("\n\n");
        page.push_str(&self.what(lang));
        page.push_str("\n\n");
        match example(self.id) {
            Some(input) => {
                page.push_str(&tr!(lang, "explain-example-input", id = self.id));
                page.push('\n');
                for line in input.lines() {
                    page.push_str(&format!("    {}\n", comment_in(line, lang)));
                }
            }
            None => {
                page.push_str(&tr!(lang, "explain-example"));
                page.push_str(&tr!(lang, &format!("{}.example", self.id)));
                page.push('\n');
            }
        }
        page.push('\n');
        page.push_str(&tr!(lang, "explain-fix"));
        page.push_str(&tr!(lang, &format!("{}.fix", self.id)));
        page.push_str("\n\n");
        let rule = if self.code.can_be_allowed() {
            "explain-rule"
        } else {
            "explain-rule-deny-only"
        };
        page.push_str(&tr!(lang, rule, name = self.name));
        page.push('\n');
        page
    }
}

/// A line of an example with its comment "# 中文 | English" in `lang`.
fn comment_in(line: &str, lang: Lang) -> String {
    let Some((code, comment)) = line.split_once("  # ") else {
        return line.to_string();
    };
    let comment = match (comment.split_once(" | "), lang) {
        (Some((zh, _)), Lang::Zh) => zh,
        (Some((_, en)), Lang::En) => en,
        (None, _) => comment,
    };
    format!("{code}  # {comment}")
}

/// The inputs that show each code, from `locales/examples.yaml`.
static EXAMPLES: std::sync::LazyLock<std::collections::BTreeMap<String, String>> =
    std::sync::LazyLock::new(|| {
        serde_saphyr::from_str(include_str!("../locales/examples.yaml"))
            .expect("locales/examples.yaml is a mapping of code to input")
    });

/// The input that shows the code `id`, when one alone can.
pub fn example(id: &str) -> Option<&'static str> {
    EXAMPLES.get(id).map(String::as_str)
}

/// The entry of a code id (E0608, e0608) or a rule name (invalid-figure).
pub fn lookup(code: &str) -> Option<&'static Entry> {
    CATALOGUE
        .iter()
        .find(|e| e.id.eq_ignore_ascii_case(code) || e.name == code)
}

/// Every code, in the order of their ids.
pub const CATALOGUE: [Entry; 55] = [
    Entry {
        code: Code::YamlSyntax,
        id: "E0001",
        name: "yaml-syntax",
        level: Severity::Error,
    },
    Entry {
        code: Code::InvalidValue,
        id: "E0002",
        name: "invalid-value",
        level: Severity::Error,
    },
    Entry {
        code: Code::MissingField,
        id: "E0003",
        name: "missing-field",
        level: Severity::Error,
    },
    Entry {
        code: Code::UnknownField,
        id: "E0004",
        name: "unknown-field",
        level: Severity::Error,
    },
    Entry {
        code: Code::DuplicateKey,
        id: "E0005",
        name: "duplicate-key",
        level: Severity::Error,
    },
    Entry {
        code: Code::InputLimit,
        id: "E0006",
        name: "input-limit",
        level: Severity::Error,
    },
    Entry {
        code: Code::ControlCharacter,
        id: "E0007",
        name: "control-character",
        level: Severity::Error,
    },
    Entry {
        code: Code::UndefinedCount,
        id: "E0101",
        name: "undefined-count",
        level: Severity::Error,
    },
    Entry {
        code: Code::UnknownFormat,
        id: "E0102",
        name: "unknown-format",
        level: Severity::Error,
    },
    Entry {
        code: Code::UnusedCount,
        id: "W0101",
        name: "unused-count",
        level: Severity::Warning,
    },
    Entry {
        code: Code::CountWithoutValue,
        id: "W0102",
        name: "count-without-value",
        level: Severity::Warning,
    },
    Entry {
        code: Code::Placeholder,
        id: "W0103",
        name: "placeholder",
        level: Severity::Warning,
    },
    Entry {
        code: Code::PlanYear,
        id: "E0201",
        name: "plan-year",
        level: Severity::Error,
    },
    Entry {
        code: Code::DocumentDate,
        id: "E0202",
        name: "document-date",
        level: Severity::Error,
    },
    Entry {
        code: Code::Period,
        id: "E0203",
        name: "period",
        level: Severity::Error,
    },
    Entry {
        code: Code::YearRange,
        id: "E0204",
        name: "year-range",
        level: Severity::Error,
    },
    Entry {
        code: Code::Template,
        id: "E0301",
        name: "template",
        level: Severity::Error,
    },
    Entry {
        code: Code::MissingGlyph,
        id: "E0401",
        name: "missing-glyph",
        level: Severity::Error,
    },
    Entry {
        code: Code::Font,
        id: "E0402",
        name: "font",
        level: Severity::Error,
    },
    Entry {
        code: Code::Typeset,
        id: "E0403",
        name: "typeset",
        level: Severity::Error,
    },
    Entry {
        code: Code::UnbalancedBrackets,
        id: "W0501",
        name: "unbalanced-brackets",
        level: Severity::Warning,
    },
    Entry {
        code: Code::HalfWidthPunctuation,
        id: "W0502",
        name: "half-width-punctuation",
        level: Severity::Warning,
    },
    Entry {
        code: Code::SpaceAroundDigits,
        id: "W0503",
        name: "space-around-digits",
        level: Severity::Warning,
    },
    Entry {
        code: Code::RepeatedPunctuation,
        id: "W0504",
        name: "repeated-punctuation",
        level: Severity::Warning,
    },
    Entry {
        code: Code::MixedNumerals,
        id: "W0505",
        name: "mixed-numerals",
        level: Severity::Warning,
    },
    Entry {
        code: Code::MissingEndPunctuation,
        id: "W0506",
        name: "missing-end-punctuation",
        level: Severity::Warning,
    },
    Entry {
        code: Code::DoubleNumbering,
        id: "W0507",
        name: "double-numbering",
        level: Severity::Warning,
    },
    Entry {
        code: Code::MixedNumbering,
        id: "W0508",
        name: "mixed-numbering",
        level: Severity::Warning,
    },
    Entry {
        code: Code::LongWord,
        id: "W0509",
        name: "long-word",
        level: Severity::Warning,
    },
    Entry {
        code: Code::PartExceedsWhole,
        id: "E0601",
        name: "part-exceeds-whole",
        level: Severity::Error,
    },
    Entry {
        code: Code::UnknownPartOf,
        id: "E0602",
        name: "unknown-part-of",
        level: Severity::Error,
    },
    Entry {
        code: Code::PercentOutOfRange,
        id: "E0603",
        name: "percent-out-of-range",
        level: Severity::Error,
    },
    Entry {
        code: Code::InvalidFigure,
        id: "E0608",
        name: "invalid-figure",
        level: Severity::Error,
    },
    Entry {
        code: Code::DateOutsidePeriod,
        id: "W0604",
        name: "date-outside-period",
        level: Severity::Warning,
    },
    Entry {
        code: Code::DuplicateTitle,
        id: "W0605",
        name: "duplicate-title",
        level: Severity::Warning,
    },
    Entry {
        code: Code::DuplicateId,
        id: "E0606",
        name: "duplicate-id",
        level: Severity::Error,
    },
    Entry {
        code: Code::IdenticalPoints,
        id: "W0607",
        name: "identical-points",
        level: Severity::Warning,
    },
    Entry {
        code: Code::SectionWithoutPoints,
        id: "W0701",
        name: "section-without-points",
        level: Severity::Warning,
    },
    Entry {
        code: Code::EmptyText,
        id: "W0702",
        name: "empty-text",
        level: Severity::Warning,
    },
    Entry {
        code: Code::SectionTooDeep,
        id: "E0703",
        name: "section-too-deep",
        level: Severity::Error,
    },
    Entry {
        code: Code::PartHeading,
        id: "E0704",
        name: "part-heading",
        level: Severity::Error,
    },
    Entry {
        code: Code::EmptyPart,
        id: "W0705",
        name: "empty-part",
        level: Severity::Warning,
    },
    Entry {
        code: Code::PlanNotFulfilled,
        id: "W0801",
        name: "plan-not-fulfilled",
        level: Severity::Warning,
    },
    Entry {
        code: Code::DerivedMismatch,
        id: "W0901",
        name: "derived-mismatch",
        level: Severity::Warning,
    },
    Entry {
        code: Code::UnknownSection,
        id: "W0902",
        name: "unknown-section",
        level: Severity::Warning,
    },
    Entry {
        code: Code::RollupMismatch,
        id: "E0903",
        name: "rollup-mismatch",
        level: Severity::Error,
    },
    Entry {
        code: Code::Import,
        id: "W1001",
        name: "import",
        level: Severity::Warning,
    },
    Entry {
        code: Code::DocNumber,
        id: "E1101",
        name: "doc-number",
        level: Severity::Error,
    },
    Entry {
        code: Code::DocNumberYear,
        id: "E1102",
        name: "doc-number-year",
        level: Severity::Error,
    },
    Entry {
        code: Code::MissingAddressee,
        id: "E1103",
        name: "missing-addressee",
        level: Severity::Error,
    },
    Entry {
        code: Code::RequestEnding,
        id: "W1104",
        name: "request-ending",
        level: Severity::Warning,
    },
    Entry {
        code: Code::Record,
        id: "E1105",
        name: "record",
        level: Severity::Error,
    },
    Entry {
        code: Code::SealImage,
        id: "E1106",
        name: "seal-image",
        level: Severity::Error,
    },
    Entry {
        code: Code::Signatures,
        id: "E1107",
        name: "signatures",
        level: Severity::Error,
    },
    Entry {
        code: Code::JointIssuer,
        id: "W1108",
        name: "joint-issuer",
        level: Severity::Warning,
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
                | Code::SealImage
                | Code::Signatures
        )
    }
}

/// The catalogue as rows: `row(id, rule name, default level, meaning)` each.
fn table(head: &str, lang: Lang, row: impl Fn(&str, &str, &str, &str) -> String) -> String {
    let rows = CATALOGUE
        .iter()
        .map(|e| row(e.id, e.name, e.level.as_str(), &e.what(lang)));
    std::iter::once(head.to_string()).chain(rows).collect()
}

/// The catalogue for `check --help`: id, rule name, default level, meaning.
pub fn help_table(lang: Lang) -> String {
    table(
        &format!("{}\n", tr!(lang, "codes-help-heading")),
        lang,
        |id, name, level, what| format!("  {id}  {name:<24} {level:<8} {what}\n"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every code has an example: an input in `locales/examples.yaml` or, for
    /// a code no input alone shows, words (`.example`), not both; and each
    /// input, checked, shows its code.
    #[test]
    fn every_example_shows_its_code() {
        use crate::load::{Outcome, parse};
        let mut failures = Vec::new();
        for e in &CATALOGUE {
            let in_words = crate::locale::has(Lang::En, &format!("{}.example", e.id));
            let Some(input) = example(e.id) else {
                assert!(in_words, "{}: no example", e.id);
                continue;
            };
            assert!(!in_words, "{}: two examples", e.id);
            let source = crate::diag::SourceFile::new("example.yaml".into(), input.to_string());
            let diagnostics = match parse(source, None) {
                Outcome::Invalid(_, diagnostics) => diagnostics,
                Outcome::Loaded(loaded) => {
                    let facts = crate::facts::Facts::derive(&loaded.report, None);
                    crate::validate::validate(&loaded, &facts, None, Default::default())
                }
            };
            let codes: Vec<&str> = diagnostics.iter().map(|d| d.code.as_str()).collect();
            if codes != [e.id] {
                failures.push(format!("{}: the example shows {codes:?}", e.id));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
        assert!(EXAMPLES.keys().all(|id| lookup(id).is_some()));
    }

    #[test]
    fn codes_are_found_by_id_and_by_rule_name() {
        assert_eq!(lookup("invalid-figure").map(|e| e.id), Some("E0608"));
        assert_eq!(lookup("e0608").map(|e| e.id), Some("E0608"));
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
