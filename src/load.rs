//! Reads an input file into the model. YAML and schema errors become located
//! diagnostics; the source text is kept for the diagnostics that follow.

use std::borrow::Cow;
use std::path::Path;

use serde_saphyr::DefaultMessageFormatter;
use serde_saphyr::MessageFormatter as _;

use crate::diag::{Code, Diagnostic, SourceFile, Span, suggest};
use crate::error::Error;
use crate::model::Report;

/// A report as loaded: the model and the file it came from.
#[derive(Debug)]
pub struct Loaded {
    pub source: SourceFile,
    pub report: Report,
}

/// What loading produced: a report, or the diagnostics that explain why not.
pub enum Outcome {
    Loaded(Box<Loaded>),
    Invalid(SourceFile, Vec<Diagnostic>),
}

/// Reads and parses one input. I/O failures are errors of the run (exit 2);
/// bad content is a diagnostic (exit 1).
pub fn load(path: &Path) -> Result<Outcome, Error> {
    let size = std::fs::metadata(path)
        .map_err(|e| Error::io(path, "read", e))?
        .len();
    if size > MAX_INPUT_BYTES {
        let source = SourceFile::new(path.to_path_buf(), String::new());
        let diagnostic = Diagnostic::error(
            Code::InputLimit,
            format!(
                "the input is {:.1} MB; nianbao reads inputs up to {} MB",
                size as f64 / 1e6,
                MAX_INPUT_BYTES / 1_000_000
            ),
        )
        .at(path, None)
        .hint("a year's report is far smaller: split activity logs into a folder of files");
        return Ok(Outcome::Invalid(source, vec![diagnostic]));
    }
    if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        return Err(Error::Usage(format!(
            "`{}` is a folder; give the YAML file",
            path.display()
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, "read", e))?;
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let source = SourceFile::new(path.to_path_buf(), String::new());
            let valid = e.utf8_error().valid_up_to();
            let diagnostic = Diagnostic::error(
                Code::YamlSyntax,
                format!("the file is not valid UTF-8 (first bad byte at offset {valid})"),
            )
            .at(path, None)
            .hint("save the file as UTF-8");
            return Ok(Outcome::Invalid(source, vec![diagnostic]));
        }
    };
    Ok(parse(SourceFile::new(path.to_path_buf(), text)))
}

/// The largest input nianbao reads (10 MB).
pub const MAX_INPUT_BYTES: u64 = 10_000_000;

/// Parses the text of an input that has already been read.
pub fn parse(source: SourceFile) -> Outcome {
    let text = &source.text;
    let has_content = text
        .lines()
        .any(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#') && l.trim() != "---");
    if !has_content {
        let diagnostic = Diagnostic::error(Code::MissingField, "the file is empty")
            .at(&source.path, None)
            .hint("an input needs at least `meta:` and `summary:`; see README.md");
        return Outcome::Invalid(source, vec![diagnostic]);
    }
    match serde_saphyr::from_str::<Report>(text) {
        Ok(mut report) => {
            crate::activities::derive_counts(&mut report);
            Outcome::Loaded(Box::new(Loaded { source, report }))
        }
        Err(e) => {
            let diagnostic = yaml_diagnostic(&e, &source);
            Outcome::Invalid(source, vec![diagnostic])
        }
    }
}

/// Turns a serde-saphyr error into a diagnostic with a code, a span and a hint.
fn yaml_diagnostic(error: &serde_saphyr::Error, source: &SourceFile) -> Diagnostic {
    let message: Cow<str> = DefaultMessageFormatter.format_message(error);
    let message = message.trim().to_string();
    let span = error.location().and_then(|l| {
        (l.line() > 0).then(|| Span {
            line: l.line() as usize,
            column: l.column() as usize,
            len: (l.span().len() as usize).max(1),
        })
    });
    let diagnostic = |code, text: String| Diagnostic::error(code, text).at(&source.path, span);

    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let candidates = expected_names(expected);
        let mut d = diagnostic(Code::UnknownField, format!("unknown field `{field}`"));
        if let Some(s) = d.span.as_mut() {
            s.len = field.chars().count();
        }
        d = match suggest(field, candidates.iter().map(String::as_str)) {
            Some(best) => d.hint(format!("did you mean `{best}`?")),
            None => d.hint(format!(
                "the fields allowed here are: {}",
                candidates.join(", ")
            )),
        };
        return d;
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let candidates = expected_names(expected);
        let d = diagnostic(Code::InvalidValue, format!("unknown value `{value}`"));
        return match suggest(value, candidates.iter().map(String::as_str)) {
            Some(best) => d.hint(format!("did you mean `{best}`?")),
            None => d.hint(format!("write one of: {}", candidates.join(", "))),
        };
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let field = rest.split('`').next().unwrap_or(rest);
        // The error points into the mapping that lacks the field; name its key.
        return match span.and_then(|s| parent_key(source, s.line)) {
            Some((parent, parent_span)) => Diagnostic::error(
                Code::MissingField,
                format!("missing field `{field}` in `{parent}`"),
            )
            .at(&source.path, Some(parent_span))
            .hint(format!("add `{field}:` under `{parent}:`")),
            None => diagnostic(Code::MissingField, format!("missing field `{field}`"))
                .hint(format!("add `{field}:` to this mapping")),
        };
    }
    if message.contains("duplicate") {
        return diagnostic(Code::DuplicateKey, message)
            .hint("each key may appear once in a mapping: remove or rename one");
    }
    let expected = [
        ("expected sequence start", "expected a list here"),
        (
            "expected mapping start",
            "expected a mapping (key: value) here",
        ),
        ("expected string scalar", "expected text here"),
        ("cannot deserialize null into string", "expected text here"),
    ];
    if let Some((_, plain)) = expected.iter().find(|(m, _)| message.starts_with(m)) {
        let hint = if message.starts_with("expected string")
            && span.is_some_and(|s| {
                source
                    .line(s.line)
                    .is_some_and(|l| l.chars().nth(s.column - 1) == Some('{'))
            }) {
            "text that starts with `{` must be quoted: '{name}人次……'"
        } else {
            "see the input format in README.md for what this field takes"
        };
        return diagnostic(Code::InvalidValue, plain.to_string()).hint(hint);
    }
    if message.starts_with("invalid") || message.contains("out of range") {
        let written = span
            .and_then(|s| source.line(s.line).map(|l| (s, l)))
            .map(|(s, line)| line.chars().skip(s.column - 1).collect::<String>())
            .map(|value| value.trim().to_string())
            .filter(|value| !value.is_empty());
        let message = plain_types(&message);
        let text = match written {
            Some(value) => format!("{message}: `{value}`"),
            None => message,
        };
        return diagnostic(Code::InvalidValue, text)
            .hint("see the input format in README.md for what this field takes");
    }
    if message.contains("budget") || message.contains("recursion limit") {
        return diagnostic(Code::InputLimit, format!("the input exceeds a limit: {message}"))
            .hint("nianbao reads at most 250 000 nodes, 64 levels of nesting and 50 000 aliases (README.md, “Limits”)");
    }
    diagnostic(Code::YamlSyntax, message)
        .hint("check indentation, quotes and the `key: value` form on this line")
}

/// The names a serde message offers: "…, expected one of a, b, c" (with or
/// without backticks around each).
fn expected_names(text: &str) -> Vec<String> {
    let list = text
        .split_once("expected one of ")
        .or_else(|| text.split_once("expected "))
        .map_or("", |(_, list)| list);
    list.split(',')
        .map(|name| name.trim().trim_matches('`').to_string())
        .filter(|name| !name.is_empty())
        .collect()
}

/// serde's type names in words a user knows: "invalid i32" → "invalid whole number".
fn plain_types(message: &str) -> String {
    let mut out = message.to_string();
    for (rust, plain) in [
        ("i32", "whole number"),
        ("i64", "whole number"),
        ("u32", "whole number"),
        ("u64", "whole number"),
        ("usize", "whole number"),
        ("f64", "number"),
    ] {
        out = out.replace(rust, plain);
    }
    out
}

/// The key that owns the block mapping around `line`: the nearest line above it
/// that is indented less. Returns the key's name and span.
fn parent_key(source: &SourceFile, line: usize) -> Option<(String, Span)> {
    let indent = |text: &str| text.len() - text.trim_start_matches(' ').len();
    let own = indent(source.line(line)?);
    (1..line).rev().find_map(|n| {
        let text = source.line(n)?;
        let trimmed = text.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') || indent(text) >= own {
            return None;
        }
        let key = trimmed.trim_start_matches("- ").split(':').next()?.trim();
        let column = text.find(key)? + 1;
        Some((
            key.to_string(),
            Span {
                line: n,
                column: text[..column - 1].chars().count() + 1,
                len: key.chars().count(),
            },
        ))
    })
}
