//! Reads an input file into the model. YAML and schema errors become located
//! diagnostics; the source text is kept for the diagnostics that follow.

use std::borrow::Cow;
use std::path::Path;

use serde_saphyr::DefaultMessageFormatter;
use serde_saphyr::MessageFormatter as _;

use crate::diag::{Code, Diagnostic, SourceFile, Span, suggest};
use crate::error::Error;
use std::path::PathBuf;

use serde_saphyr::Location;

use crate::model::{
    Count, Level, Meta, Named, PartialReport, Plans, Report, Spanned, Summary, Text,
};

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

/// Reads and parses one input (a file, or a folder of files). I/O failures are
/// errors of the run (exit 2); bad content is a diagnostic (exit 1).
pub fn load(path: &Path) -> Result<Outcome, Error> {
    if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        return load_folder(path);
    }
    Ok(match read_source(path)? {
        Ok(source) => parse(source),
        Err(invalid) => invalid,
    })
}

/// The text of an input file, or why it cannot be read as text (too large, not UTF-8).
fn read_source(path: &Path) -> Result<Result<SourceFile, Outcome>, Error> {
    let size = std::fs::metadata(path)
        .map_err(|e| Error::io(path, "read", e))?
        .len();
    let invalid = |diagnostic: Diagnostic| {
        let source = SourceFile::new(path.to_path_buf(), String::new());
        Ok(Err(Outcome::Invalid(
            source,
            vec![diagnostic.at(path, None)],
        )))
    };
    if size > MAX_INPUT_BYTES {
        return invalid(
            Diagnostic::error(
                Code::InputLimit,
                format!(
                    "the input is {:.1} MB; nianbao reads inputs up to {} MB",
                    size as f64 / 1e6,
                    MAX_INPUT_BYTES / 1_000_000
                ),
            )
            .hint("a year's report is far smaller: split activity logs into a folder of files"),
        );
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, "read", e))?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Ok(SourceFile::new(path.to_path_buf(), text))),
        Err(e) => invalid(
            Diagnostic::error(
                Code::YamlSyntax,
                format!(
                    "the file is not valid UTF-8 (first bad byte at offset {})",
                    e.utf8_error().valid_up_to()
                ),
            )
            .hint("save the file as UTF-8"),
        ),
    }
}

/// Reads a folder input: every `.yaml`/`.yml` file in it (not in sub-folders),
/// merged into one report. The texts follow one another in one source, each file
/// parsed with its lines numbered where it stands there, so every place is known.
fn load_folder(dir: &Path) -> Result<Outcome, Error> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, "read the folder", e))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "yaml" || e == "yml"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(Error::Usage(format!(
            "the folder `{}` holds no .yaml file",
            dir.display()
        )));
    }
    let mut text = String::new();
    let mut segments = Vec::new();
    let mut starts = Vec::new();
    for file in &files {
        let source = match read_source(file)? {
            Ok(source) => source,
            Err(invalid) => return Ok(invalid),
        };
        let first_line = text.lines().count() + 1;
        starts.push(first_line - 1);
        text.push_str(&source.text);
        if !text.ends_with('\n') {
            text.push('\n');
        }
        segments.push((first_line, source));
    }
    let mut folder = SourceFile::new(dir.to_path_buf(), text);
    let mut diagnostics = Vec::new();
    let mut parts = Vec::new();
    for ((_, file), offset) in segments.iter().zip(&starts) {
        let padded = format!("{}{}", "\n".repeat(*offset), file.text);
        match serde_saphyr::from_str::<PartialReport>(&padded) {
            Ok(part) => parts.push(part),
            Err(e) => diagnostics.push(yaml_diagnostic(&e, &folder)),
        }
    }
    folder.segments = segments;
    if !diagnostics.is_empty() {
        return Ok(Outcome::Invalid(folder, diagnostics));
    }
    match merge(parts, &folder) {
        Ok(report) => Ok(Outcome::Loaded(Box::new(Loaded {
            source: folder,
            report,
        }))),
        Err(diagnostics) => Ok(Outcome::Invalid(folder, diagnostics)),
    }
}

/// Merges the files of a folder. A part that two files define (meta, the
/// opening, the summary, the plans, a count, a rule setting, a section title) is
/// an error naming both places.
fn merge(parts: Vec<PartialReport>, folder: &SourceFile) -> Result<Report, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let place = |line: u64| {
        let (d, file) = folder.localise(&Diagnostic::error(Code::DuplicateKey, "").at(
            &folder.path,
            Some(Span {
                line: line as usize,
                column: 1,
                len: 1,
            }),
        ));
        format!("{}:{}", file.path.display(), d.span.map_or(0, |s| s.line))
    };
    let mut conflict = |what: String, first: u64, second: &Location| {
        let span = Span {
            line: second.line() as usize,
            column: second.column() as usize,
            len: 1,
        };
        errors.push(
            Diagnostic::error(
                Code::DuplicateKey,
                format!(
                    "{what} is defined in two files: {} and {}",
                    place(first),
                    place(second.line())
                ),
            )
            .at(&folder.path, Some(span))
            .hint(
                "keep it in one file of the folder; the others add activities, counts and sections",
            ),
        );
    };
    let mut meta: Option<Spanned<Meta>> = None;
    let mut opening: Option<Text> = None;
    let mut summary: Option<Spanned<Summary>> = None;
    let mut plans: Option<Spanned<Plans>> = None;
    let mut report_counts: Vec<(Text, Count)> = Vec::new();
    let mut problems = Vec::new();
    let mut attachments = Vec::new();
    let mut activities = Vec::new();
    let mut rules: std::collections::BTreeMap<String, Spanned<Level>> = Default::default();
    for part in parts {
        if let Some(m) = part.meta {
            match &meta {
                Some(first) => conflict("`meta`".into(), first.referenced.line(), &m.referenced),
                None => meta = Some(m),
            }
        }
        if let Some(o) = part.opening {
            match &opening {
                Some(first) => conflict("`opening`".into(), first.referenced.line(), &o.referenced),
                None => opening = Some(o),
            }
        }
        if let Some(p) = part.plans {
            match &plans {
                Some(first) => conflict("`plans`".into(), first.referenced.line(), &p.referenced),
                None => plans = Some(p),
            }
        }
        if let Some(sm) = part.summary {
            match &mut summary {
                Some(first) => {
                    for section in sm.value.sections {
                        if let Some(twin) = first
                            .value
                            .sections
                            .iter()
                            .find(|s| s.title.value == section.title.value)
                        {
                            conflict(
                                format!("the section “{}”", section.title.value),
                                twin.title.referenced.line(),
                                &section.title.referenced,
                            );
                        } else {
                            first.value.sections.push(section);
                        }
                    }
                }
                None => summary = Some(sm),
            }
        }
        for (name, count) in part.counts.0 {
            if let Some((first, _)) = report_counts.iter().find(|(n, _)| n.value == name.value) {
                conflict(
                    format!("the count `{}`", name.value),
                    first.referenced.line(),
                    &name.referenced,
                );
            } else {
                report_counts.push((name, count));
            }
        }
        for (name, level) in part.settings.rules {
            if let Some(first) = rules.get(&name) {
                conflict(
                    format!("the rule setting `{name}`"),
                    first.referenced.line(),
                    &level.referenced,
                );
            } else {
                rules.insert(name, level);
            }
        }
        problems.extend(part.problems);
        attachments.extend(part.attachments);
        activities.extend(part.activities);
    }
    let missing = |field: &str| {
        Diagnostic::error(
            Code::MissingField,
            format!("no file of the folder defines `{field}`"),
        )
        .at(&folder.path, None)
        .hint(format!(
            "write `{field}:` in the folder's main file, e.g. report.yaml"
        ))
    };
    if meta.is_none() {
        errors.push(missing("meta"));
    }
    if summary.is_none() {
        errors.push(missing("summary"));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Report {
        meta: meta.expect("checked").value,
        opening,
        counts: Named(report_counts),
        summary: summary.expect("checked").value,
        problems,
        plans: plans.map(|p| p.value),
        attachments,
        activities,
        settings: crate::model::Settings { rules },
    })
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
        Ok(report) => Outcome::Loaded(Box::new(Loaded { source, report })),
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
