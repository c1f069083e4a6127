//! One diagnostic type for every stage (YAML, rules, templates, typesetting) and
//! one emitter that prints them the way rustc does.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use unicode_width::UnicodeWidthStr;

/// How bad a diagnostic is. Errors stop a build; warnings do not.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Warning,
    Error,
}

/// Stable diagnostic codes. The code is what users search for; the name is what
/// `settings: rules:` allows, warns or denies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Code {
    YamlSyntax,
    InvalidValue,
    MissingField,
    UnknownField,
    DuplicateKey,
    InputLimit,
    UndefinedCount,
    UnknownFormat,
    UnusedCount,
    CountWithoutValue,
    Placeholder,
    PlanYear,
    DocumentDate,
    Period,
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
    PartExceedsWhole,
    UnknownPartOf,
    PercentOutOfRange,
    DateOutsidePeriod,
    DuplicateTitle,
    DuplicateId,
    IdenticalPoints,
    SectionWithoutPoints,
    EmptyText,
    PlanNotFulfilled,
    DerivedMismatch,
    UnknownSection,
    Import,
}

impl Code {
    pub const ALL: [Code; 37] = [
        Code::YamlSyntax,
        Code::InvalidValue,
        Code::MissingField,
        Code::UnknownField,
        Code::DuplicateKey,
        Code::InputLimit,
        Code::UndefinedCount,
        Code::UnknownFormat,
        Code::UnusedCount,
        Code::CountWithoutValue,
        Code::Placeholder,
        Code::PlanYear,
        Code::DocumentDate,
        Code::Period,
        Code::Template,
        Code::MissingGlyph,
        Code::Font,
        Code::Typeset,
        Code::UnbalancedBrackets,
        Code::HalfWidthPunctuation,
        Code::SpaceAroundDigits,
        Code::RepeatedPunctuation,
        Code::MixedNumerals,
        Code::MissingEndPunctuation,
        Code::PartExceedsWhole,
        Code::UnknownPartOf,
        Code::PercentOutOfRange,
        Code::DateOutsidePeriod,
        Code::DuplicateTitle,
        Code::DuplicateId,
        Code::IdenticalPoints,
        Code::SectionWithoutPoints,
        Code::EmptyText,
        Code::PlanNotFulfilled,
        Code::DerivedMismatch,
        Code::UnknownSection,
        Code::Import,
    ];

    /// The code and the name of each rule.
    fn table(self) -> (&'static str, &'static str) {
        match self {
            Code::YamlSyntax => ("E0001", "yaml-syntax"),
            Code::InvalidValue => ("E0002", "invalid-value"),
            Code::MissingField => ("E0003", "missing-field"),
            Code::UnknownField => ("E0004", "unknown-field"),
            Code::DuplicateKey => ("E0005", "duplicate-key"),
            Code::InputLimit => ("E0006", "input-limit"),
            Code::UndefinedCount => ("E0101", "undefined-count"),
            Code::UnknownFormat => ("E0102", "unknown-format"),
            Code::UnusedCount => ("W0101", "unused-count"),
            Code::CountWithoutValue => ("W0102", "count-without-value"),
            Code::Placeholder => ("W0103", "placeholder"),
            Code::PlanYear => ("E0201", "plan-year"),
            Code::DocumentDate => ("E0202", "document-date"),
            Code::Period => ("E0203", "period"),
            Code::Template => ("E0301", "template"),
            Code::MissingGlyph => ("E0401", "missing-glyph"),
            Code::Font => ("E0402", "font"),
            Code::Typeset => ("E0403", "typeset"),
            Code::UnbalancedBrackets => ("W0501", "unbalanced-brackets"),
            Code::HalfWidthPunctuation => ("W0502", "half-width-punctuation"),
            Code::SpaceAroundDigits => ("W0503", "space-around-digits"),
            Code::RepeatedPunctuation => ("W0504", "repeated-punctuation"),
            Code::MixedNumerals => ("W0505", "mixed-numerals"),
            Code::MissingEndPunctuation => ("W0506", "missing-end-punctuation"),
            Code::PartExceedsWhole => ("E0601", "part-exceeds-whole"),
            Code::UnknownPartOf => ("E0602", "unknown-part-of"),
            Code::PercentOutOfRange => ("E0603", "percent-out-of-range"),
            Code::DateOutsidePeriod => ("W0604", "date-outside-period"),
            Code::DuplicateTitle => ("W0605", "duplicate-title"),
            Code::DuplicateId => ("E0606", "duplicate-id"),
            Code::IdenticalPoints => ("W0607", "identical-points"),
            Code::SectionWithoutPoints => ("W0701", "section-without-points"),
            Code::EmptyText => ("W0702", "empty-text"),
            Code::PlanNotFulfilled => ("W0801", "plan-not-fulfilled"),
            Code::DerivedMismatch => ("W0901", "derived-mismatch"),
            Code::UnknownSection => ("W0902", "unknown-section"),
            Code::Import => ("W1001", "import"),
        }
    }

    pub fn as_str(self) -> &'static str {
        self.table().0
    }

    /// The rule's name, as `settings: rules:` writes it.
    pub fn name(self) -> &'static str {
        self.table().1
    }

    pub fn from_name(name: &str) -> Option<Code> {
        Code::ALL.into_iter().find(|c| c.name() == name)
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
                | Code::UndefinedCount
                | Code::UnknownFormat
                | Code::Template
                | Code::MissingGlyph
                | Code::Font
                | Code::Typeset
        )
    }
}

/// A place in an input file: 1-based line, 1-based column counted in characters,
/// and the length of the marked text in characters (at least one caret is drawn).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Span {
    pub line: usize,
    pub column: usize,
    pub len: usize,
}

#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    pub message: String,
    pub file: Option<PathBuf>,
    pub span: Option<Span>,
    pub hints: Vec<String>,
}

impl Diagnostic {
    pub fn error(code: Code, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    pub fn warning(code: Code, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    fn new(severity: Severity, code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            code,
            message: message.into(),
            file: None,
            span: None,
            hints: Vec::new(),
        }
    }

    pub fn at(mut self, file: &Path, span: Option<Span>) -> Self {
        self.file = Some(file.to_path_buf());
        self.span = span;
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// The text of one input file, kept so that diagnostics can show the offending line.
#[derive(Debug)]
pub struct SourceFile {
    pub path: PathBuf,
    pub text: String,
    line_starts: Vec<usize>,
    /// For a folder input: the files whose texts follow one another in `text`,
    /// each with the line of `text` where it starts.
    pub segments: Vec<(usize, SourceFile)>,
}

impl SourceFile {
    /// The text of a file; a byte-order mark is dropped so that columns count
    /// from the first character.
    pub fn new(path: PathBuf, text: String) -> Self {
        let text = match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        };
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        SourceFile {
            path,
            text,
            line_starts,
            segments: Vec::new(),
        }
    }

    /// A diagnostic of a folder input as one of the file it lies in: its file
    /// and line are that file's. Other diagnostics are returned as they are.
    pub fn localise<'a>(&'a self, d: &Diagnostic) -> (Diagnostic, &'a SourceFile) {
        let mut d = d.clone();
        if d.file.as_deref() == Some(self.path.as_path())
            && let Some(span) = d.span.as_mut()
            && let Some((first, file)) = self
                .segments
                .iter()
                .rev()
                .find(|(first, _)| *first <= span.line)
        {
            span.line = span.line - first + 1;
            d.file = Some(file.path.clone());
            return (d, file);
        }
        (d, self)
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line(&self, line: usize) -> Option<&str> {
        let start = *self.line_starts.get(line.checked_sub(1)?)?;
        let end = self
            .line_starts
            .get(line)
            .copied()
            .unwrap_or(self.text.len());
        Some(self.text[start..end].trim_end_matches(['\n', '\r']))
    }

    /// The byte offset of a 1-based line and 1-based character column.
    pub fn offset_of(&self, line: usize, column: usize) -> Option<usize> {
        let start = *self.line_starts.get(line.checked_sub(1)?)?;
        let text = self.line(line)?;
        let within = text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map(|(i, _)| i)
            .unwrap_or(text.len());
        Some(start + within)
    }

    /// The span of `len_chars` characters starting at a byte offset.
    pub fn span_at(&self, offset: usize, len_chars: usize) -> Span {
        let line_index = match self.line_starts.binary_search(&offset) {
            Ok(i) => i,
            Err(i) => i - 1,
        };
        let start = self.line_starts[line_index];
        let column = self.text[start..offset].chars().count() + 1;
        Span {
            line: line_index + 1,
            column,
            len: len_chars,
        }
    }

    /// Finds `needle` in the source at or after the given position and returns its span.
    /// Values keep only the location of their start; this locates a piece inside them.
    pub fn find_from(&self, from: Span, needle: &str) -> Option<Span> {
        self.find_nth_from(from, needle, 0)
    }

    /// Like [`SourceFile::find_from`], for the occurrence after `nth` earlier ones.
    pub fn find_nth_from(&self, from: Span, needle: &str, nth: usize) -> Option<Span> {
        let start = self.offset_of(from.line, from.column)?;
        let (found, _) = self.text[start..].match_indices(needle).nth(nth)?;
        Some(self.span_at(start + found, needle.chars().count()))
    }
}

/// Writes diagnostics as text, in the style of rustc.
pub fn render(diagnostic: &Diagnostic, source: Option<&SourceFile>) -> String {
    let mut out = String::new();
    let severity = match diagnostic.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let _ = writeln!(
        out,
        "{severity}[{}]: {}",
        diagnostic.code.as_str(),
        diagnostic.message
    );
    let file = diagnostic.file.as_ref().map(|p| p.display().to_string());
    match (&file, diagnostic.span) {
        (Some(file), Some(span)) if span.line > 0 => {
            let line_text = source.and_then(|s| s.line(span.line));
            let number = span.line.to_string();
            let pad = " ".repeat(number.len());
            let _ = writeln!(out, "{pad}--> {file}:{}:{}", span.line, span.column);
            if let Some(text) = line_text {
                let (text, column) = excerpt(text, span.column, span.len);
                let before: String = text.chars().take(column.saturating_sub(1)).collect();
                let marked: String = text
                    .chars()
                    .skip(column.saturating_sub(1))
                    .take(span.len.max(1))
                    .collect();
                let indent = " ".repeat(UnicodeWidthStr::width(before.as_str()));
                let carets = "^".repeat(UnicodeWidthStr::width(marked.as_str()).max(1));
                let _ = writeln!(out, "{pad} |");
                let _ = writeln!(out, "{number} | {text}");
                let _ = writeln!(out, "{pad} | {indent}{carets}");
            }
            for hint in &diagnostic.hints {
                let _ = writeln!(out, "{pad} = help: {hint}");
            }
        }
        _ => {
            if let Some(file) = &file {
                let _ = writeln!(out, " --> {file}");
            }
            for hint in &diagnostic.hints {
                let _ = writeln!(out, "  = help: {hint}");
            }
        }
    }
    out
}

/// The part of a long line around the marked text (a Chinese paragraph is often
/// one line of hundreds of characters), and the marked column within that part.
fn excerpt(line: &str, column: usize, len: usize) -> (String, usize) {
    const CONTEXT: usize = 24;
    let line = line.replace('\t', "    ");
    let chars: Vec<char> = line.chars().collect();
    if UnicodeWidthStr::width(line.as_str()) <= 100 {
        return (line, column);
    }
    let start = column.saturating_sub(1).saturating_sub(CONTEXT);
    let end = (column.saturating_sub(1) + len.max(1) + CONTEXT).min(chars.len());
    let mut out = String::new();
    let mut column = column - start;
    if start > 0 {
        out.push('…');
        column += 1;
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push('…');
    }
    (out, column)
}

/// Diagnostics as one JSON document, for tools.
pub fn to_json(diagnostics: &[Diagnostic], errors: usize, warnings: usize) -> String {
    let items: Vec<serde_json::Value> = diagnostics
        .iter()
        .map(|d| {
            let span = d.span.filter(|s| s.line > 0);
            serde_json::json!({
                "file": d.file.as_ref().map(|f| f.display().to_string()),
                "line": span.map(|s| s.line),
                "column": span.map(|s| s.column),
                "end_line": span.map(|s| s.line),
                "end_column": span.map(|s| s.column + s.len.max(1)),
                "severity": match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                },
                "code": d.code.as_str(),
                "rule": d.code.name(),
                "message": d.message,
                "hint": d.hints.first(),
                "hints": d.hints,
            })
        })
        .collect();
    let doc = serde_json::json!({
        "diagnostics": items,
        "errors": errors,
        "warnings": warnings,
    });
    serde_json::to_string_pretty(&doc).expect("diagnostics serialise")
}

/// Levenshtein distance, for "did you mean" suggestions.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            current.push(
                (previous[j] + cost)
                    .min(previous[j + 1] + 1)
                    .min(current[j] + 1),
            );
        }
        previous = current;
    }
    previous[b.len()]
}

/// The closest candidate to `word`, if it is close enough to be a likely typo.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, c)| *d <= 2.max(c.chars().count() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_is_as_wide_as_the_chinese_text() {
        let src = SourceFile::new("a.yaml".into(), "x: 开展（统计具体数字）。\n".into());
        let span = src
            .find_from(
                Span {
                    line: 1,
                    column: 1,
                    len: 0,
                },
                "（统计具体数字）",
            )
            .unwrap();
        assert_eq!((span.line, span.column, span.len), (1, 6, 8));
        let d = Diagnostic::warning(Code::Placeholder, "placeholder")
            .at(Path::new("a.yaml"), Some(span));
        let text = render(&d, Some(&src));
        assert!(text.contains(" --> a.yaml:1:6"), "{text}");
        assert!(text.contains("1 | x: 开展（统计具体数字）。"), "{text}");
        // "x: 开展" is 3 + 4 columns wide; eight full-width characters take 16 carets.
        assert!(
            text.contains(&format!("  | {}{}\n", " ".repeat(7), "^".repeat(16))),
            "{text}"
        );
    }

    #[test]
    fn suggests_close_names_only() {
        assert_eq!(
            suggest("organisaton", ["organisation", "year"]),
            Some("organisation")
        );
        assert_eq!(suggest("zzz_unknown_field", ["meta", "counts"]), None);
    }
}
