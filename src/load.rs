//! Reads an input (a file, or a folder of files) into the model. YAML and
//! schema errors become located diagnostics; the texts are kept for the
//! diagnostics that follow.

use std::path::{Path, PathBuf};

use serde_saphyr::{DefaultMessageFormatter, MessageFormatter as _};

use crate::diag::{Diagnostic, SourceFile, Span};
use crate::error::Error;
use crate::messages::{
    Defined, Expected, Limit, Message, first_defined_here, language_of_text, suggest,
};
use crate::model::Lang;

mod slips;

use crate::model::{
    Count, Level, Meta, Named, Part, PartialReport, Place, Plans, PointStyle, ProblemsAs, Report,
    Role, Spanned, Summary, Text, Written, parsed_at,
};

/// A report as loaded: the model and the files it came from.
#[derive(Debug)]
pub struct Loaded {
    /// The input as named on the command line: a file or a folder.
    pub path: PathBuf,
    /// Its files (one, or those of the folder), placed one after another.
    pub files: Vec<SourceFile>,
    pub report: Report,
}

/// What loading produced: a report, or the diagnostics that explain why not,
/// with the files they point into.
pub enum Outcome {
    Loaded(Box<Loaded>),
    Invalid(Vec<SourceFile>, Vec<Diagnostic>),
}

impl Loaded {
    /// The files, for rendering diagnostics.
    pub fn sources(&self) -> Vec<&SourceFile> {
        self.files.iter().collect()
    }

    /// The span of a value as the parser saw it (a number, a word), or of its
    /// first character.
    pub fn span_of<T>(&self, value: &Spanned<T>) -> Span {
        let at = self.position(&value.referenced);
        let scalar = value
            .referenced
            .location
            .span()
            .byte_len()
            .map_or(0, |n| n as usize);
        let first = self
            .file_at(at)
            .and_then(|f| f.text[f.local(at)..].chars().next())
            .map_or(1, char::len_utf8);
        Span::new(at, at + scalar.max(first))
    }

    /// The span of a part's first character (of the shorthand's: its file's start).
    pub fn span_of_part(&self, part: &Part) -> Span {
        match &part.at {
            Some(at) => {
                let at = self.position(at);
                Span::new(at, at + 1)
            }
            None => Span::new(0, 0),
        }
    }

    /// The span of a value that is written as `text`, covering all of it when
    /// it stands there as written (plain or quoted), else its first character.
    pub fn span_covering<T>(&self, value: &Spanned<T>, text: &str) -> Span {
        let at = self.position(&value.referenced);
        match self.file_at(at) {
            Some(file) if file.text[file.local(at)..].starts_with(text) && !text.is_empty() => {
                Span::new(at, at + text.len())
            }
            Some(file) => match file.find(at, text, 0) {
                Some(found) if !text.is_empty() && found.start - at <= 1 => found,
                _ => self.span_of(value),
            },
            None => self.span_of(value),
        }
    }

    /// The span of `needle`'s `nth` occurrence inside a value, or the value's start.
    /// A needle the file does not hold there (a character written as an escape,
    /// `"\n"`) is located at the value.
    pub fn span_within<T>(&self, value: &Spanned<T>, needle: &str, nth: usize) -> Span {
        let at = self.position(&value.referenced);
        let whole = self.span_of(value);
        let inside = |found: &Span| whole.end - whole.start <= 1 || found.end <= whole.end;
        self.file_at(at)
            .and_then(|f| f.find(at, needle, nth))
            .filter(inside)
            .unwrap_or(whole)
    }

    /// Where a string value's text stands as it is in the file: a plain scalar,
    /// or a quoted one without escapes, on its line. None for block scalars and
    /// values with escapes, whose text differs from what the file holds.
    pub fn verbatim(&self, value: &Spanned<String>) -> Option<usize> {
        let at = self.position(&value.referenced);
        let file = self.file_at(at)?;
        let rest = &file.text[file.local(at)..];
        let text = value.value.as_str();
        if rest.starts_with(text) {
            return Some(at);
        }
        let quoted = rest.starts_with(['"', '\'']) && rest[1..].starts_with(text);
        quoted.then_some(at + 1)
    }

    /// The position of a place given by the parser.
    pub fn position(&self, at: &Place) -> usize {
        position(&self.files, at)
    }

    fn file_at(&self, position: usize) -> Option<&SourceFile> {
        self.files.iter().find(|f| f.contains(position))
    }
}

/// The position of a place given by the parser: its byte offset in its file
/// from the file's first position (or its line and column there).
fn position(files: &[SourceFile], at: &Place) -> usize {
    let location = &at.location;
    match location.span().byte_offset() {
        Some(offset) => at.base + offset as usize,
        None => files
            .iter()
            .find(|f| f.base == at.base)
            .and_then(|f| f.position(location.line() as usize, location.column() as usize))
            .unwrap_or(at.base),
    }
}

/// Reads and parses one input (a file, or a folder of files). I/O failures are
/// errors of the run (exit 2); bad content is a diagnostic (exit 1).
/// `lang`: the language of the messages; None: the input's (see
/// [`language_of_text`]), Chinese when it cannot be read.
pub fn load(path: &Path, lang: Option<Lang>) -> Result<Outcome, Error> {
    if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        return load_folder(path, lang);
    }
    Ok(match read_text(path, 0)? {
        Ok(text) => parse(SourceFile::new(path.to_path_buf(), text), lang),
        Err(message) => {
            let d = message.diagnostic(lang.unwrap_or_default()).in_file(path);
            Outcome::Invalid(Vec::new(), vec![d])
        }
    })
}

/// The text of an input file, or why it cannot be read as text (too large, not UTF-8).
/// `already`: the bytes of the input read before this file (a folder's earlier
/// files), which count towards the same limit.
fn read_text(path: &Path, already: u64) -> Result<Result<String, Message>, Error> {
    let limit = MAX_INPUT_BYTES.saturating_sub(already);
    let too_large = |size: u64| Message::InputTooLarge {
        megabytes: (already + size) as f64 / 1e6,
        limit: MAX_INPUT_BYTES / 1_000_000,
    };
    let size = std::fs::metadata(path)
        .map_err(|e| Error::io(path, "read", e))?
        .len();
    if size > limit {
        return Ok(Err(too_large(size)));
    }
    // Read with a bound: a device or a pipe says nothing of its size.
    let Some(bytes) =
        crate::source::read_bounded(path, limit).map_err(|e| Error::io(path, "read", e))?
    else {
        return Ok(Err(too_large(limit + 1)));
    };
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return Ok(Err(Message::Utf16));
    }
    Ok(String::from_utf8(bytes).map_err(|e| Message::NotUtf8 {
        offset: e.utf8_error().valid_up_to(),
    }))
}

/// Reads a folder input: every `.yaml`/`.yml` file in it (not in sub-folders),
/// merged into one report. The files' positions follow one another, and every
/// value is placed in its file ([`Place`]).
fn load_folder(dir: &Path, lang: Option<Lang>) -> Result<Outcome, Error> {
    let paths = folder_files(dir)?;
    // The folder as a whole is bounded like one file.
    let mut texts: Vec<String> = Vec::new();
    for path in &paths {
        let already: u64 = texts.iter().map(|t| t.len() as u64).sum();
        match read_text(path, already)? {
            Ok(text) => texts.push(crate::source::strip_bom(text)),
            Err(message) => {
                let d = message.diagnostic(lang.unwrap_or_default()).in_file(path);
                return Ok(Outcome::Invalid(Vec::new(), vec![d]));
            }
        }
    }
    Ok(parse_folder(
        dir,
        paths.into_iter().zip(texts).collect(),
        lang,
    ))
}

/// The files of a folder input: its `.yaml`/`.yml` files (not those in
/// sub-folders), in name order.
pub fn folder_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let inside = dir
        .canonicalize()
        .map_err(|e| Error::io(dir, "read-folder", e))?;
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, "read-folder", e))?
        .filter_map(Result::ok)
    {
        let path = entry.path();
        if !path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
            continue;
        }
        let is_link = entry.file_type().is_ok_and(|t| t.is_symlink());
        // A link is read only when it leads to a file of the folder itself.
        if is_link
            && !path
                .canonicalize()
                .is_ok_and(|target| target.parent() == Some(inside.as_path()))
        {
            return Err(Error::Usage(crate::locale::tr!(
                crate::locale::user_lang(),
                "load-link-outside",
                path = path.display()
            )));
        }
        if path.is_file() {
            paths.push(path);
        }
    }
    paths.sort();
    if paths.is_empty() {
        return Err(Error::Usage(crate::locale::tr!(
            crate::locale::user_lang(),
            "load-folder-without-yaml",
            path = dir.display()
        )));
    }
    Ok(paths)
}

/// Parses the texts of a folder input's files (as read, or as a person is
/// editing them) into one report.
pub fn parse_folder(dir: &Path, texts: Vec<(PathBuf, String)>, lang: Option<Lang>) -> Outcome {
    let (paths, texts): (Vec<PathBuf>, Vec<String>) = texts.into_iter().unzip();
    let lang = lang.unwrap_or_else(|| language_of_text(&texts.concat()));
    let total: usize = texts.iter().map(|t| t.len() + 1).sum();
    let base = crate::source::reserve(total);
    let mut files = Vec::new();
    let mut offset = 0;
    for (path, text) in paths.into_iter().zip(texts) {
        let len = text.len();
        files.push(SourceFile::at(path, text, base + offset));
        offset += len + 1;
    }
    let mut diagnostics = Vec::new();
    let mut parts = Vec::new();
    for file in &files {
        match parse_part(file) {
            Ok(part) => parts.push(part),
            Err(e) => diagnostics.push(yaml_diagnostic(&e, file, lang)),
        }
    }
    if !diagnostics.is_empty() {
        return Outcome::Invalid(files, diagnostics);
    }
    let located = Located { files: &files };
    match merge(parts, &located, dir, lang) {
        Ok(report) => Outcome::Loaded(Box::new(Loaded {
            path: dir.to_path_buf(),
            files,
            report,
        })),
        Err(diagnostics) => Outcome::Invalid(files, diagnostics),
    }
}

/// The files of a folder, to place what the merge finds.
struct Located<'a> {
    files: &'a [SourceFile],
}

impl Located<'_> {
    fn span(&self, place: &Place) -> Span {
        let at = position(self.files, place);
        Span::new(at, at + 1)
    }
}

/// Merges the files of a folder. A part that two files define (meta, the
/// opening, the summary, the plans, a count, a rule setting, a section title) is
/// an error naming both places.
fn merge(
    parts: Vec<PartialReport>,
    folder: &Located,
    dir: &Path,
    lang: Lang,
) -> Result<Report, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let first_defined = first_defined_here(lang);
    let mut conflict = |what: Defined, first: &Place, second: &Place| {
        errors.push(
            Message::DefinedTwice { what }
                .diagnostic(lang)
                .at(folder.span(second))
                .label(folder.span(first), &first_defined),
        );
    };
    let mut meta: Option<Spanned<Meta>> = None;
    let mut opening: Option<Text> = None;
    let mut document: Option<Spanned<crate::model::Document>> = None;
    let mut summary: Option<Spanned<Summary>> = None;
    let mut plans: Option<Spanned<Plans>> = None;
    let mut written_parts: Option<Spanned<Vec<Spanned<Part>>>> = None;
    let mut report_counts: Vec<(Text, Count)> = Vec::new();
    // Name → index in report_counts: a count defined twice is found at once.
    let mut count_index: std::collections::HashMap<String, usize> =
        std::collections::HashMap::new();
    let mut problems = Vec::new();
    let mut attachments = Vec::new();
    let mut activities = Vec::new();
    let mut rules: std::collections::BTreeMap<String, Spanned<Level>> = Default::default();
    for part in parts {
        // Every field, without `..`: a field added to the model is merged
        // here or the build fails.
        let PartialReport {
            meta: part_meta,
            opening: part_opening,
            counts: part_counts,
            parts: part_parts,
            summary: part_summary,
            problems: part_problems,
            plans: part_plans,
            attachments: part_attachments,
            activities: part_activities,
            settings: part_settings,
            document: part_document,
        } = part;
        if let Some(d) = part_document {
            match &document {
                Some(first) => {
                    conflict(Defined::Part("document"), &first.referenced, &d.referenced)
                }
                None => document = Some(d),
            }
        }
        if let Some(m) = part_meta {
            match &meta {
                Some(first) => conflict(Defined::Part("meta"), &first.referenced, &m.referenced),
                None => meta = Some(m),
            }
        }
        if let Some(o) = part_opening {
            match &opening {
                Some(first) => conflict(Defined::Part("opening"), &first.referenced, &o.referenced),
                None => opening = Some(o),
            }
        }
        if let Some(p) = part_plans {
            match &plans {
                Some(first) => conflict(Defined::Part("plans"), &first.referenced, &p.referenced),
                None => plans = Some(p),
            }
        }
        if let Some(p) = part_parts {
            match &written_parts {
                Some(first) => conflict(Defined::Part("parts"), &first.referenced, &p.referenced),
                None => written_parts = Some(p),
            }
        }
        if let Some(sm) = part_summary {
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
                                Defined::Section(section.title.value.clone()),
                                &twin.title.referenced,
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
        for (name, count) in part_counts.into_entries() {
            if let Some(&first) = count_index.get(&name.value) {
                let first: &Text = &report_counts[first].0;
                conflict(
                    Defined::Count(name.value.clone()),
                    &first.referenced,
                    &name.referenced,
                );
            } else {
                count_index.insert(name.value.clone(), report_counts.len());
                report_counts.push((name, count));
            }
        }
        for (name, level) in part_settings.rules {
            if let Some(first) = rules.get(&name) {
                conflict(
                    Defined::RuleSetting(name.clone()),
                    &first.referenced,
                    &level.referenced,
                );
            } else {
                rules.insert(name, level);
            }
        }
        problems.extend(part_problems);
        attachments.extend(part_attachments);
        activities.extend(part_activities);
    }
    let missing = |field: &'static str| {
        let message = if dir.is_dir() {
            Message::MissingInFolder { field }
        } else {
            Message::MissingTopField { field }
        };
        message.diagnostic(lang).in_file(dir)
    };
    if meta.is_none() {
        errors.push(missing("meta"));
    }
    let shorthand = summary.is_some() || plans.is_some() || !problems.is_empty();
    if let Some(parts) = &written_parts
        && shorthand
    {
        let at = [
            summary.as_ref().map(|s| &s.referenced),
            plans.as_ref().map(|p| &p.referenced),
            problems.first().map(|p| &p.referenced),
        ];
        let second = at.into_iter().flatten().next().expect("a shorthand part");
        errors.push(
            Message::PartsAndShorthand
                .diagnostic(lang)
                .at(folder.span(second))
                .label(folder.span(&parts.referenced), &first_defined),
        );
    }
    if written_parts.is_none() && summary.is_none() && plans.is_none() {
        errors.push(missing("parts"));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let meta = meta.expect("checked").value;
    let parts = match written_parts {
        Some(parts) => parts
            .value
            .into_iter()
            .map(|p| Part {
                at: Some(p.referenced),
                ..p.value
            })
            .collect(),
        None => shorthand_parts(
            &meta,
            summary.map(|s| s.value),
            problems,
            plans.map(|p| p.value),
        ),
    };
    Ok(Report {
        meta,
        opening,
        counts: Named::new(report_counts),
        parts,
        attachments,
        activities,
        settings: crate::model::Settings { rules },
        document,
    })
}

/// The seed's three parts from the shorthand: the summary's sections, the
/// problems as a list (or one paragraph), the plan's run-in items.
fn shorthand_parts(
    meta: &Meta,
    summary: Option<Summary>,
    problems: Vec<Text>,
    plans: Option<Plans>,
) -> Vec<Part> {
    let mut parts = Vec::new();
    if let Some(summary) = summary {
        parts.push(Part {
            role: Role::Work,
            sections: summary.sections,
            written: Written::Summary,
            ..Part::default()
        });
    }
    if !problems.is_empty() {
        let style = match meta.problems_as.as_ref().map(|p| p.value) {
            Some(ProblemsAs::Paragraph) => PointStyle::Joined,
            _ => PointStyle::Numbered,
        };
        parts.push(Part {
            role: Role::Problems,
            style,
            points: problems,
            written: Written::Problems,
            ..Part::default()
        });
    }
    if let Some(plans) = plans {
        parts.push(Part {
            role: Role::Plans,
            year: plans.year,
            intro: plans.intro,
            items: plans.sections,
            written: Written::Plans,
            ..Part::default()
        });
    }
    parts
}

/// The largest input nianbao reads (10 MB).
pub const MAX_INPUT_BYTES: u64 = 10_000_000;

/// Parses the text of an input that has already been read: one file, read
/// as a part of a report like the files of a folder, so both say the same.
pub fn parse(source: SourceFile, lang: Option<Lang>) -> Outcome {
    let text = &source.text;
    let lang = lang.unwrap_or_else(|| language_of_text(text));
    let has_content = text
        .lines()
        .any(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#') && l.trim() != "---");
    if !has_content {
        let diagnostic = Message::EmptyFile.diagnostic(lang).in_file(&source.path);
        return Outcome::Invalid(vec![source], vec![diagnostic]);
    }
    let part = match parse_part(&source) {
        Ok(part) => part,
        Err(e) => {
            let diagnostic = yaml_diagnostic(&e, &source, lang);
            return Outcome::Invalid(vec![source], vec![diagnostic]);
        }
    };
    let files = vec![source];
    let path = files[0].path.clone();
    match merge(vec![part], &Located { files: &files }, &path, lang) {
        Ok(report) => Outcome::Loaded(Box::new(Loaded {
            path,
            files,
            report,
        })),
        Err(diagnostics) => Outcome::Invalid(files, diagnostics),
    }
}

/// Where and why a text does not read as an input, for a caller that holds
/// a text and no file (the editing page's edits): the first YAML error,
/// as `check` words it (a slip named with its fix), with its 1-based line
/// and column. None when the text reads.
#[derive(Debug, Clone, PartialEq)]
pub struct YamlProblem {
    pub line: usize,
    pub column: usize,
    pub message: String,
    pub hint: Option<String>,
}

/// The first YAML problem of a text, in `lang`; see [`YamlProblem`].
pub fn yaml_problem(text: &str, lang: Lang) -> Option<YamlProblem> {
    let file = SourceFile::new(PathBuf::from("-"), text.to_string());
    let error = parse_part(&file).err()?;
    let d = yaml_diagnostic(&error, &file, lang);
    let (line, column) = d.span().map_or((1, 1), |s| file.line_column(s.start));
    Some(YamlProblem {
        line,
        column,
        message: d.message,
        hint: d.hints.into_iter().next(),
    })
}

/// Parses one file of an input, its values placed in it.
fn parse_part(file: &SourceFile) -> Result<PartialReport, serde_saphyr::Error> {
    parsed_at(file.base, || {
        serde_saphyr::from_str_with_options::<PartialReport>(&file.text, yaml_options())
    })
}

/// Turns a serde-saphyr error in a file into a diagnostic with a code, a span
/// and a hint.
fn yaml_diagnostic(error: &serde_saphyr::Error, file: &SourceFile, lang: Lang) -> Diagnostic {
    use serde_saphyr::Error as E;
    // The error itself, without the snippet serde-saphyr adds or the alias
    // it was met through.
    let mut error = error;
    while let E::WithSnippet { error: inner, .. } | E::AliasError { error: inner, .. } = error {
        error = inner.as_ref();
    }
    // serde-saphyr stops at the first value of a wrong kind, which may stand
    // before an unclosed bracket or quote (`meta: [unclosed` is an unclosed
    // list before it is a list where a mapping belongs): that is the one to fix.
    let semantic = matches!(
        error,
        E::Unexpected { .. }
            | E::SerdeInvalidType { .. }
            | E::SerdeInvalidValue { .. }
            | E::InvalidScalar { .. }
            | E::NullIntoString { .. }
            | E::SerdeMissingField { .. }
            | E::SerdeUnknownField { .. }
            | E::SerdeUnknownVariant { .. }
            | E::DuplicateMappingKey { .. }
    );
    if semantic && let Some((detail, offset)) = syntax_error(&file.text) {
        let at = file.base + offset.min(file.text.len());
        let first = file.text[offset.min(file.text.len())..]
            .chars()
            .next()
            .map_or(1, char::len_utf8);
        return Message::YamlSyntax { detail }
            .diagnostic(lang)
            .at(Span::new(at, at + first));
    }
    if let Some(d) = slips::diagnose(error, file, lang) {
        return d;
    }
    let location = error.location().filter(|l| l.line() > 0);
    let start = location.map(|l| match l.span().byte_offset() {
        Some(offset) => file.base + offset as usize,
        None => file
            .position(l.line() as usize, l.column() as usize)
            .unwrap_or(file.base),
    });
    let rest = |at: usize| &file.text[file.local(at)..];
    // The place: `len` bytes from the start, or its first character.
    let place = |len: Option<usize>| {
        start.map(|at| {
            let first = rest(at).chars().next().map_or(1, char::len_utf8);
            Span::new(at, at + len.unwrap_or(first))
        })
    };
    let parser_words = || {
        DefaultMessageFormatter
            .format_message(error)
            .trim()
            .to_string()
    };
    let (message, len) = match error {
        E::SerdeUnknownField {
            field, expected, ..
        } => (
            Message::UnknownField {
                field: field.clone(),
                best: suggest(field, expected.iter().copied()).map(str::to_string),
                allowed: expected.join(", "),
            },
            Some(field.len()),
        ),
        E::SerdeUnknownVariant {
            variant, expected, ..
        } => (
            Message::UnknownValue {
                value: variant.clone(),
                best: suggest(variant, expected.iter().copied()).map(str::to_string),
                allowed: expected.join(", "),
            },
            Some(variant.len()),
        ),
        E::SerdeMissingField { field, .. } => {
            let field = field.to_string();
            // The error points into the mapping that lacks the field; name its key.
            if let Some((parent, parent_span)) = start.and_then(|at| parent_key(file, at)) {
                return Message::MissingFieldIn { field, parent }
                    .diagnostic(lang)
                    .at(parent_span);
            }
            (Message::MissingField { field }, None)
        }
        E::DuplicateMappingKey { key, .. } => (
            Message::DuplicateKey { key: key.clone() },
            key.as_ref().map(String::len),
        ),
        E::Unexpected { expected, .. } => {
            let brace = start.is_some_and(|at| rest(at).starts_with('{'));
            let what = match *expected {
                "sequence start" => Expected::List,
                "mapping start" => Expected::Mapping,
                "string scalar" if brace => Expected::QuotedText,
                "string scalar" => Expected::Text,
                other => Expected::Other(other),
            };
            (Message::Expected { what }, None)
        }
        E::MultipleDocuments { .. } => (Message::MultipleDocuments, None),
        E::NullIntoString { .. } => (
            Message::Expected {
                what: Expected::Text,
            },
            None,
        ),
        E::Budget { breach, .. } => {
            use serde_saphyr::budget::BudgetBreach as B;
            let limit = match breach {
                B::Nodes { .. } => Limit::Values(Limit::VALUES),
                B::Depth { .. } => Limit::Depth(Limit::DEPTH),
                B::Aliases { .. } | B::Anchors { .. } => Limit::Aliases(Limit::ALIASES),
                _ => Limit::Reader,
            };
            (Message::InputLimit { limit }, None)
        }
        E::InvalidScalar { ty, .. }
            if let Some((message, len)) =
                start.and_then(|at| slips::number(file, file.local(at), ty)) =>
        {
            (message, Some(len))
        }
        E::SerdeInvalidType { .. } | E::SerdeInvalidValue { .. } | E::InvalidScalar { .. } => {
            let written = start
                .map(|at| rest(at).lines().next().unwrap_or("").trim().to_string())
                .filter(|value| !value.is_empty());
            let detail = plain_types(&parser_words());
            let len = written.as_ref().map(String::len);
            (Message::InvalidValue { detail, written }, len)
        }
        _ => {
            let detail = parser_words();
            let message = if detail.contains("recursion limit") {
                Message::InputLimit {
                    limit: Limit::Depth(Limit::DEPTH),
                }
            } else if detail.contains("budget") {
                Message::InputLimit {
                    limit: Limit::Reader,
                }
            } else if detail.starts_with("invalid") || detail.contains("out of range") {
                Message::InvalidValue {
                    detail: plain_types(&detail),
                    written: None,
                }
            } else {
                Message::YamlSyntax { detail }
            };
            (message, None)
        }
    };
    let d = message.diagnostic(lang);
    match place(len) {
        Some(span) => d.at(span),
        None => d.in_file(&file.path),
    }
}

/// serde-saphyr's options: its defaults, with room for a 10 MB input of
/// activity logs (80 000 activities hold about 700 000 values; the default
/// stopped at 250 000).
fn yaml_options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_nodes = Limit::VALUES;
    budget.max_events = 2 * Limit::VALUES;
    budget.max_depth = Limit::DEPTH;
    budget.max_aliases = Limit::ALIASES;
    budget.max_anchors = Limit::ALIASES;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options
}

/// The first syntax error of a YAML text when it is an unclosed bracket or
/// quote: its words and byte offset.
fn syntax_error(text: &str) -> Option<(String, usize)> {
    use granit_parser::ErrorKind;
    let error = granit_parser::Parser::new_from_str(text).find_map(Result::err)?;
    let unclosed = matches!(
        error.kind(),
        ErrorKind::UnclosedFlowCollection { .. } | ErrorKind::UnclosedQuotedScalar
    );
    unclosed.then(|| (error.info(), error.marker().byte_offset().unwrap_or(0)))
}

/// serde's type names in words a user knows: "invalid i32" → "invalid whole number".
fn plain_types(message: &str) -> String {
    let mut out = message.to_string();
    for (rust, plain) in [
        ("u8", "whole number"),
        ("u16", "whole number"),
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

/// The key that owns the block mapping around a position: the nearest line
/// above it that is indented less. Returns the key's name and span.
fn parent_key(file: &SourceFile, at: usize) -> Option<(String, Span)> {
    let (line, _) = file.line_column(at);
    let lines: Vec<&str> = file.text.split('\n').collect();
    let indent = |text: &str| text.len() - text.trim_start_matches(' ').len();
    let own = indent(lines.get(line - 1)?);
    (1..line).rev().find_map(|n| {
        let text = lines.get(n - 1)?.trim_end_matches('\r');
        let trimmed = text.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') || indent(text) >= own {
            return None;
        }
        let key = trimmed.trim_start_matches("- ").split(':').next()?.trim();
        let byte = text.find(key)?;
        let column = text[..byte].chars().count() + 1;
        let start = file.position(n, column)?;
        Some((key.to_string(), Span::new(start, start + key.len())))
    })
}
