//! One diagnostic type for every stage (YAML, rules, templates, typesetting) and
//! one emitter that prints them the way rustc does.

use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Element, Group, Level, Origin, Renderer, Snippet};

pub use crate::codes::{Code, Severity};
use crate::source::file_of;
pub use crate::source::{SourceFile, Span};

/// A place that a diagnostic points at, with what to say there. The first
/// label of a diagnostic is its primary place.
#[derive(Clone, Debug)]
pub struct Label {
    pub span: Span,
    pub message: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Diagnostic {
    pub severity: Severity,
    pub code: Code,
    pub message: String,
    /// The file it is about, when it has no place in a text (a font file, an
    /// empty input).
    pub file: Option<PathBuf>,
    pub labels: Vec<Label>,
    pub hints: Vec<String>,
}

impl Diagnostic {
    pub fn error(code: Code, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, message)
    }

    pub fn warning(code: Code, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, message)
    }

    pub fn new(severity: Severity, code: Code, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            code,
            message: message.into(),
            file: None,
            labels: Vec::new(),
            hints: Vec::new(),
        }
    }

    /// The primary place.
    pub fn at(mut self, span: Span) -> Self {
        self.labels.insert(
            0,
            Label {
                span,
                message: None,
            },
        );
        self
    }

    /// Another place, with what to say there.
    pub fn label(mut self, span: Span, message: impl Into<String>) -> Self {
        self.labels.push(Label {
            span,
            message: Some(message.into()),
        });
        self
    }

    /// The file it is about, when it has no place in a text.
    pub fn in_file(mut self, file: &Path) -> Self {
        self.file = Some(file.to_path_buf());
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hints.push(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The primary place.
    pub fn span(&self) -> Option<Span> {
        self.labels.first().map(|l| l.span)
    }
}

/// Lines longer than this (bytes) are cut to a window around the place.
const LONG_LINE: usize = 4096;
/// How much of a long line is kept on either side of the place (bytes).
const WINDOW: usize = 1024;

fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The longest excerpt of a line shown around a place: a Chinese paragraph is
/// often one line of hundreds of characters.
const TERM_WIDTH: usize = 100;

/// Writes a diagnostic as text in the style of rustc (annotate-snippets, which
/// measures CJK characters as two columns). `files` are the texts its places
/// may lie in.
pub fn render(diagnostic: &Diagnostic, files: &[&SourceFile]) -> String {
    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let message = visible(&diagnostic.message);
    let title = level.primary_title(message).id(diagnostic.code.as_str());
    let mut elements: Vec<Element> = Vec::new();
    let mut header: Option<String> = None;
    let mut placed = false;
    for (i, label) in diagnostic.labels.iter().enumerate() {
        let Some(file) = file_of(files, label.span.start) else {
            continue;
        };
        placed = true;
        let (start, end) = (file.local(label.span.start), file.local(label.span.end));
        // The lines the label covers, so that a long file is not scanned.
        let mut first = file.text[..start].rfind('\n').map_or(0, |i| i + 1);
        let mut last = file.text[end..]
            .find('\n')
            .map_or(file.text.len(), |i| end + i);
        let (line, column) = file.line_column(label.span.start);
        // A very long line (a whole paragraph, or thousands of them) is cut to a
        // window around the place before rendering, so that rendering many
        // diagnostics on it stays linear; the place is then given explicitly.
        let windowed = last - first > LONG_LINE && diagnostic.labels.len() == 1;
        if windowed {
            first = floor_boundary(&file.text, start.saturating_sub(WINDOW).max(first));
            last = ceil_boundary(&file.text, (end + WINDOW).min(last));
        }
        let excerpt = file.text[first..last].replace('\t', " ");
        let kind = if i == 0 {
            AnnotationKind::Primary
        } else {
            AnnotationKind::Context
        };
        let mut annotation = kind.span(start - first..end - first);
        if let Some(message) = &label.message {
            annotation = annotation.label(visible(message));
        }
        let path = visible_name(&file.path);
        if windowed {
            // Rendered without a path, whose column would count from the
            // window; the header is written below with the real one.
            header = Some(format!(
                "{}--> {path}:{line}:{column}\n",
                " ".repeat(line.to_string().len())
            ));
            let snippet = Snippet::source(excerpt).line_start(line);
            elements.push(snippet.annotation(annotation).into());
        } else {
            let snippet = Snippet::source(excerpt).line_start(line).path(path);
            elements.push(snippet.annotation(annotation).into());
        }
    }
    if !placed && let Some(file) = diagnostic.file.as_ref().or(files.first().map(|f| &f.path)) {
        elements.push(Origin::path(visible_name(file)).into());
    }
    for hint in &diagnostic.hints {
        elements.push(Level::HELP.message(visible(hint)).into());
    }
    let report = [Group::with_title(title).elements(elements)];
    let mut out = Renderer::plain().term_width(TERM_WIDTH).render(&report);
    if let Some(header) = header
        && let Some(end_of_title) = out.find('\n')
    {
        out.insert_str(end_of_title + 1, &header);
    }
    format!("{out}\n")
}

/// Text for a terminal: control characters (an escape sequence in a quoted
/// key, a carriage return) shown as `\u{1b}` instead of acting on the terminal.
fn visible(text: &str) -> String {
    text.chars()
        .map(|c| {
            if c.is_control() && c != '\n' {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A file's name for a terminal: every character that text may not hold
/// (a line break too, which would start a line of its own) shown escaped.
pub fn visible_name(path: &std::path::Path) -> String {
    path.display()
        .to_string()
        .chars()
        .map(|c| {
            if c == '\n' || crate::source::forbidden(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A diagnostic as JSON, for tools. Places are given as file, 1-based line and
/// column (in characters) of the primary label's start and end; `labels` lists
/// every place.
pub fn to_json(d: &Diagnostic, files: &[&SourceFile]) -> serde_json::Value {
    let place = |span: Span| {
        let file = file_of(files, span.start)?;
        let (line, column) = file.line_column(span.start);
        let (end_line, end_column) = file.line_column(span.end.max(span.start + 1));
        Some((file, line, column, end_line, end_column))
    };
    let primary = d.span().and_then(place);
    let file = primary
        .map(|p| p.0.path.display().to_string())
        .or(d.file.as_ref().map(|f| f.display().to_string()));
    let labels: Vec<serde_json::Value> = d
        .labels
        .iter()
        .filter_map(|l| {
            let (file, line, column, end_line, end_column) = place(l.span)?;
            Some(serde_json::json!({
                "file": file.path.display().to_string(),
                "line": line, "column": column,
                "end_line": end_line, "end_column": end_column,
                "message": l.message,
            }))
        })
        .collect();
    serde_json::json!({
        "file": file,
        "line": primary.map(|p| p.1),
        "column": primary.map(|p| p.2),
        "end_line": primary.map(|p| p.3),
        "end_column": primary.map(|p| p.4),
        "labels": labels,
        "severity": d.severity.as_str(),
        "code": d.code.as_str(),
        "rule": d.code.name(),
        "message": d.message,
        "hint": d.hints.first(),
        "hints": d.hints,
    })
}

/// The JSON document of `check --format json`.
pub fn json_document(items: Vec<serde_json::Value>, errors: usize, warnings: usize) -> String {
    let doc = serde_json::json!({
        "diagnostics": items,
        "errors": errors,
        "warnings": warnings,
    });
    serde_json::to_string_pretty(&doc).expect("diagnostics serialise")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caret_is_as_wide_as_the_chinese_text() {
        let src = SourceFile::new("a.yaml".into(), "x: 开展（统计具体数字）。\n".into());
        let span = src.find(src.base, "（统计具体数字）", 0).unwrap();
        assert_eq!(src.line_column(span.start), (1, 6));
        let d = Diagnostic::warning(Code::Placeholder, "placeholder").at(span);
        // "x: 开展" is 3 + 4 columns wide; eight full-width characters take 16 carets.
        assert_eq!(
            render(&d, &[&src]),
            format!(
                "warning[W0103]: placeholder\n --> a.yaml:1:6\n  |\n1 | x: 开展（统计具体数字）。\n  | {}{}\n",
                " ".repeat(7),
                "^".repeat(16)
            )
        );
    }
}
