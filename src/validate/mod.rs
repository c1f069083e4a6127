//! Rules that a loaded report must satisfy, one file per family: `counts`
//! (references and figures), `text` (punctuation and numerals), `structure`
//! (dates, years, duplicates, completeness). Each rule adds located diagnostics
//! with a stable code; none stops the others, so one `check` reports everything.
//! Messages are in the document's language (or `--lang`).

mod activities;
mod counts;
mod document;
mod plans;
mod structure;
pub mod text;

pub use counts::FIGURE_LIMIT;

use crate::diag::{Code, Diagnostic, Severity, Span};
use crate::facts::Facts;
use crate::load::Loaded;
use crate::locale::tr;
use crate::messages::Message;
use crate::model::{
    Block, Item, Lang, Level, Part, PointStyle, Report, Role, Section, Spanned, Text, Written,
};

/// Text that stands for a figure or a sentence still to be written.
pub const PLACEHOLDERS: [&str; 6] = ["（统计具体数字）", "XX", "×××", "TODO", "待补充", "待统计"];

/// How many days after the period's end a document may still be dated.
pub const DATE_GRACE_DAYS: i64 = 92;

/// How the run asks for diagnostics.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// The language of the messages; None: the document's.
    pub lang: Option<Lang>,
    /// `--deny warnings`: every warning is an error.
    pub deny_warnings: bool,
    /// For the archive: what is unfinished (placeholders, counts without
    /// values) is an error, whatever `settings: rules` says.
    pub final_document: bool,
}

/// What kind of text a field holds; rules differ for titles and sentences.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextKind {
    /// Names, titles, headings: no sentence punctuation expected.
    Name,
    /// Paragraphs and points: a sentence that ends in punctuation.
    Sentence,
    /// List items whose end punctuation nianbao adds (problems).
    Item,
    /// Table cells: short, may be empty.
    Cell,
}

/// A string of the report with its place, in words for the message.
pub struct Field<'a> {
    pub text: &'a Text,
    pub place: String,
    pub kind: TextKind,
    /// Part of next period's plan (its dates lie in the next period).
    pub in_plan: bool,
}

/// What every rule gets.
pub struct Ctx<'a> {
    pub report: &'a Report,
    pub facts: &'a Facts,
    /// Last period's input, when known: its plans are followed up.
    pub previous: Option<&'a Loaded>,
    pub loaded: &'a Loaded,
    pub lang: Lang,
    pub fields: Vec<Field<'a>>,
    /// The strings that nianbao numbers itself: points, list items, untitled items.
    pub numbered: std::collections::HashSet<*const String>,
    /// For each string value seen: where its text stands verbatim in the file
    /// (a plain or simply quoted scalar), found once, so that every place in it
    /// is found in constant time.
    verbatim: std::cell::RefCell<std::collections::HashMap<*const String, Option<usize>>>,
}

impl Ctx<'_> {
    /// A message of the catalogue at a place, in the run's language.
    pub fn emit(&self, message: Message, span: Span) -> Diagnostic {
        message.diagnostic(self.lang).at(span)
    }

    /// The span of a value's first character.
    pub fn span_of<T>(&self, value: &Spanned<T>) -> Span {
        self.loaded.span_of(value)
    }

    /// The span of a value written as `text`, covering all of it.
    pub fn span_covering<T>(&self, value: &Spanned<T>, text: &str) -> Span {
        self.loaded.span_covering(value, text)
    }

    /// The span of a piece of text inside a string value (its `nth` occurrence),
    /// or the value's start.
    pub fn span_within(&self, text: &Text, needle: &str, nth: usize) -> Span {
        self.loaded.span_within(text, needle, nth)
    }

    /// The span of the bytes `offset..offset + len` of a string value: found in
    /// constant time where the value stands verbatim in the file, else by
    /// searching for that occurrence of the text.
    pub fn span_at(&self, text: &Text, offset: usize, len: usize) -> Span {
        let key: *const String = &text.value;
        let base = *self
            .verbatim
            .borrow_mut()
            .entry(key)
            .or_insert_with(|| self.loaded.verbatim(text));
        match base {
            Some(base) => Span::new(base + offset, base + offset + len),
            None => {
                let end = (offset + len).min(text.value.len());
                let needle = &text.value[offset..end];
                let nth = text.value[..offset].matches(needle).count();
                self.loaded.span_within(text, needle, nth)
            }
        }
    }
}

/// Every rule on one input, with what was derived from it and, when known, last
/// period's input; then the input's rule levels and `--deny warnings`.
pub fn validate(
    loaded: &Loaded,
    facts: &Facts,
    previous: Option<&Loaded>,
    options: Options,
) -> Vec<Diagnostic> {
    let report = &loaded.report;
    let lang = options.lang.unwrap_or_else(|| report.meta.language());
    let ctx = Ctx {
        report,
        facts,
        previous,
        loaded,
        lang,
        fields: fields(report, lang),
        numbered: numbered(report),
        verbatim: Default::default(),
    };
    let mut out = Vec::new();
    if let Some(too_large) = document_size(&ctx) {
        // Nothing else is worth checking in such a document.
        return vec![too_large];
    }
    counts::check(&ctx, &mut out);
    activities::check(&ctx, &mut out);
    text::check(&ctx, &mut out);
    structure::check(&ctx, &mut out);
    plans::check(&ctx, &mut out);
    document::check(&ctx, &mut out);
    apply_levels(&ctx, out, options)
}

/// The most text a document may hold, aliases and references expanded.
pub const DOCUMENT_LIMIT: usize = 2 << 20;
/// The most a reference `{name:fmt}` can print (a figure in Chinese numerals
/// below 10¹⁵, with its unit and change).
const REFERENCE_BOUND: usize = 128;

/// An input whose text, aliases expanded (serde-saphyr copies an alias's
/// value at each use) and each reference counted at its longest, passes
/// [`DOCUMENT_LIMIT`]: a few aliases of a large text make a document far
/// larger than the input, which takes minutes and gigabytes to typeset
/// (benches/README.md). Placed at the text that passes it.
fn document_size(ctx: &Ctx) -> Option<Diagnostic> {
    let mut total = 0usize;
    for field in &ctx.fields {
        let text = &field.text.value;
        total += text.len() + text.matches('{').count() * REFERENCE_BOUND;
        if total > DOCUMENT_LIMIT {
            let message = Message::DocumentTooLarge {
                megabytes: total as f64 / (1 << 20) as f64,
                limit: (DOCUMENT_LIMIT >> 20) as u64,
            };
            return Some(ctx.emit(message, ctx.span_of(field.text)));
        }
    }
    None
}

/// Applies the input's rule levels and `--deny warnings`; reports unknown rule names.
fn apply_levels(ctx: &Ctx, diagnostics: Vec<Diagnostic>, options: Options) -> Vec<Diagnostic> {
    let rules = &ctx.report.settings.rules;
    let mut out: Vec<Diagnostic> = Vec::new();
    for (name, level) in rules {
        if Code::from_name(name).is_none() {
            // The value's place; the name stands before it on its line.
            let at = ctx.span_of(level).start;
            let span = ctx
                .loaded
                .files
                .iter()
                .find(|f| f.contains(at))
                .and_then(|f| {
                    let line_start = f.text[..f.local(at)].rfind('\n').map_or(0, |i| i + 1);
                    f.find(f.base + line_start, name, 0)
                })
                .unwrap_or(ctx.span_of(level));
            let best = crate::messages::suggest(name, Code::names()).map(str::to_string);
            let message = Message::UnknownRule {
                name: name.clone(),
                best,
            };
            out.push(ctx.emit(message, span));
        }
    }
    for mut d in diagnostics {
        if options.final_document && matches!(d.code, Code::Placeholder | Code::CountWithoutValue) {
            d.severity = Severity::Error;
            d.message = format!(
                "{}{}",
                crate::messages::unfinished_prefix(ctx.lang),
                d.message
            );
            out.push(d);
            continue;
        }
        let level = rules.get(d.code.name()).map(|l| l.value);
        match level {
            Some(Level::Allow) if d.code.can_be_allowed() => continue,
            Some(Level::Deny) => d.severity = Severity::Error,
            Some(Level::Warn) if d.code.can_be_allowed() => d.severity = Severity::Warning,
            _ => {}
        }
        if options.deny_warnings {
            d.severity = Severity::Error;
        }
        out.push(d);
    }
    out
}

/// The strings that stand after a number nianbao writes: points (一是, 1.),
/// numbered and joined lists, items without a title.
fn numbered(report: &Report) -> std::collections::HashSet<*const String> {
    fn points(
        out: &mut std::collections::HashSet<*const String>,
        texts: &[Text],
        style: PointStyle,
    ) {
        if style != PointStyle::Paragraphs {
            out.extend(texts.iter().map(|t| &t.value as *const String));
        }
    }
    fn items(out: &mut std::collections::HashSet<*const String>, list: &[Item]) {
        for item in list.iter().filter(|i| i.title.is_none()) {
            out.extend(item.text.iter().map(|t| &t.value as *const String));
        }
    }
    fn body(out: &mut std::collections::HashSet<*const String>, blocks: &[Block]) {
        for block in blocks {
            match block {
                Block::Points(list) => points(out, list, PointStyle::Points),
                Block::Numbered(list) => points(out, list, PointStyle::Numbered),
                _ => {}
            }
        }
    }
    let mut out = std::collections::HashSet::new();
    let lang_points = report.meta.language() == Lang::Zh;
    for part in &report.parts {
        if lang_points || part.style != PointStyle::Points {
            points(&mut out, &part.points, part.style);
        }
        items(&mut out, &part.items);
        body(&mut out, &part.body);
        for section in part.all_sections() {
            if (lang_points || section.style != PointStyle::Points) && !section.run_in {
                points(&mut out, &section.points, section.style);
            }
            items(&mut out, &section.items);
            body(&mut out, &section.body);
        }
    }
    for attachment in &report.attachments {
        body(&mut out, &attachment.body);
    }
    out
}

/// Places in words, in one language: built from `places.ftl`, the fields
/// named by their labels (`label-FIELD.place` of `page.ftl`).
#[derive(Clone, Copy)]
pub(crate) struct Places(pub Lang);

impl Places {
    /// `at` followed by the field `field` (a YAML field name).
    pub fn field(self, at: &str, field: &str) -> String {
        let field = tr!(self.0, &format!("label-{field}.place"));
        tr!(self.0, "place-field", at = at, field = field)
    }

    /// The place `place-KEY`, with `n` where it numbers a part or attachment.
    pub fn key(self, key: &str, n: usize) -> String {
        tr!(self.0, &format!("place-{key}"), n = n)
    }

    /// Section `path` of `at` (a `place-sections-*`); `within`: followed by
    /// what is in it.
    pub fn section(self, at: &str, path: &str, within: bool) -> String {
        let key = if within {
            "place-section.within"
        } else {
            "place-section"
        };
        tr!(self.0, key, at = at, path = path)
    }

    /// The field `field` of the count `name`.
    /// A field of a count, the count `called` as the person knows it.
    pub fn count_field(self, called: &str, field: &str) -> String {
        let field = tr!(self.0, &format!("label-{field}.place"));
        tr!(self.0, "place-count-field", count = called, field = field)
    }
}

/// Every string of the report that reaches the document, with its place.
fn fields(report: &Report, lang: Lang) -> Vec<Field<'_>> {
    let places = Places(lang);
    let mut out = Vec::new();
    let meta = &report.meta;
    out.push(Field {
        text: &meta.organisation,
        place: tr!(lang, "place-organisation"),
        kind: TextKind::Name,
        in_plan: false,
    });
    for (text, name) in [
        (&meta.title, "meta.title"),
        (&meta.signature, "meta.signature"),
    ] {
        if let Some(text) = text {
            out.push(Field {
                text,
                place: name.to_string(),
                kind: TextKind::Name,
                in_plan: false,
            });
        }
    }
    if let Some(opening) = &report.opening {
        out.push(Field {
            text: opening,
            place: tr!(lang, "place-opening"),
            kind: TextKind::Sentence,
            in_plan: false,
        });
    }
    if let Some(document) = &report.document {
        let d = &document.value;
        for (text, key, kind) in [
            (&d.title, "title", TextKind::Name),
            (&d.addressee, "addressee", TextKind::Name),
            (&d.cover, "cover", TextKind::Sentence),
            (&d.annotation, "annotation", TextKind::Name),
            (&d.printer, "printer", TextKind::Name),
        ] {
            if let Some(text) = text {
                out.push(Field {
                    text,
                    place: format!("document.{key}"),
                    kind,
                    in_plan: false,
                });
            }
        }
        for (i, signature) in d.signatures.iter().flat_map(|s| &s.value).enumerate() {
            out.push(Field {
                text: &signature.name,
                place: format!("document.signatures[{}].name", i + 1),
                kind: TextKind::Name,
                in_plan: false,
            });
        }
    }
    for (i, part) in report.parts.iter().enumerate() {
        part_fields(part, i + 1, places, &mut out);
    }
    for (i, attachment) in report.attachments.iter().enumerate() {
        let own = places.key("attachment", i + 1);
        out.push(Field {
            text: &attachment.title,
            place: places.field(&own, "title"),
            kind: TextKind::Name,
            in_plan: false,
        });
        let sections = places.key("sections-attachment", i + 1);
        let mut sub = 0;
        for block in &attachment.body {
            block_fields(block, &own, "", &sections, &mut sub, places, &mut out);
        }
    }
    out
}

/// The strings of a top-level part. The shorthand's parts keep the names they
/// had ("总结第1节", "存在问题第2条", "计划第3项"); a part of `parts:` is "第2部分".
fn part_fields<'a>(part: &'a Part, n: usize, places: Places, out: &mut Vec<Field<'a>>) {
    let lang = places.0;
    let in_plan = part.role == Role::Plans;
    let first = out.len();
    let kind = match part.written {
        Written::Summary => "summary",
        Written::Problems => "problems",
        Written::Plans => "plans",
        Written::Parts => "part",
    };
    // The part itself, and the name its sections are numbered under.
    let own = places.key(kind, n);
    let sections = places.key(&format!("sections-{kind}"), n);
    let push = |out: &mut Vec<Field<'a>>, text: &'a Text, place: String, kind: TextKind| {
        out.push(Field {
            text,
            place,
            kind,
            in_plan,
        })
    };
    // An empty heading is written on purpose: the part has none.
    if let Some(heading) = part.heading.as_ref().filter(|h| !h.value.trim().is_empty()) {
        push(out, heading, places.field(&own, "heading"), TextKind::Name);
    }
    if let Some(intro) = &part.intro {
        push(out, intro, places.field(&own, "intro"), TextKind::Sentence);
    }
    let point_kind = if part.role == Role::Problems || part.style == PointStyle::Joined {
        TextKind::Item
    } else {
        TextKind::Sentence
    };
    for (j, point) in part.points.iter().enumerate() {
        push(
            out,
            point,
            tr!(lang, "place-point", at = own, m = j + 1),
            point_kind,
        );
    }
    let item_key = match part.written {
        Written::Plans => "place-plan-item",
        _ => "place-item",
    };
    item_fields(&part.items, &own, item_key, places, in_plan, out);
    let mut sub = part.items.len();
    for block in &part.body {
        block_fields(block, &own, "", &sections, &mut sub, places, out);
    }
    for section in &part.sections {
        sub += 1;
        section_fields(section, &sub.to_string(), &sections, places, out);
    }
    for field in &mut out[first..] {
        field.in_plan = in_plan;
    }
}

/// The strings of run-in items of `at`: "计划第2项标题", "plan section 2, text"
/// (`key`: `place-item`, or `place-plan-item` for the shorthand's plans).
fn item_fields<'a>(
    items: &'a [Item],
    at: &str,
    key: &str,
    places: Places,
    in_plan: bool,
    out: &mut Vec<Field<'a>>,
) {
    for (i, item) in items.iter().enumerate() {
        let item_place = tr!(places.0, key, at = at, n = i + 1);
        if let Some(title) = &item.title {
            out.push(Field {
                text: title,
                place: places.field(&item_place, "title"),
                kind: TextKind::Name,
                in_plan,
            });
        }
        if let Some(text) = &item.text {
            out.push(Field {
                text,
                place: places.field(&item_place, "text"),
                kind: TextKind::Sentence,
                in_plan,
            });
        }
    }
}

/// The strings of a section and everything under it. `path` numbers it: "2",
/// "2.1", "2.1.3"; `sections` names the part it is in (a `place-sections-*`).
fn section_fields<'a>(
    section: &'a Section,
    path: &str,
    sections: &str,
    places: Places,
    out: &mut Vec<Field<'a>>,
) {
    let lang = places.0;
    let within = places.section(sections, path, true);
    out.push(Field {
        text: &section.title,
        place: places.field(&within, "title"),
        kind: TextKind::Name,
        in_plan: false,
    });
    for (j, point) in section.points.iter().enumerate() {
        out.push(Field {
            text: point,
            place: tr!(lang, "place-point", at = within, m = j + 1),
            kind: if section.style == PointStyle::Joined {
                TextKind::Item
            } else {
                TextKind::Sentence
            },
            in_plan: false,
        });
    }
    item_fields(&section.items, &within, "place-item", places, false, out);
    let mut sub = section.items.len();
    for block in &section.body {
        block_fields(block, &within, path, sections, &mut sub, places, out);
    }
    for child in &section.sections {
        sub += 1;
        section_fields(child, &format!("{path}.{sub}"), sections, places, out);
    }
}

/// The strings of a body block of `at`; sub-sections continue the numbering
/// `sub` under `path`.
fn block_fields<'a>(
    block: &'a Block,
    at: &str,
    path: &str,
    sections: &str,
    sub: &mut usize,
    places: Places,
    out: &mut Vec<Field<'a>>,
) {
    let lang = places.0;
    let sentence = |text: &'a Text, place: String| Field {
        text,
        place,
        kind: TextKind::Sentence,
        in_plan: false,
    };
    match block {
        Block::Paragraph(text) => out.push(sentence(text, tr!(lang, "place-paragraph", at = at))),
        Block::Points(items) | Block::Numbered(items) => {
            for (j, item) in items.iter().enumerate() {
                out.push(sentence(
                    item,
                    tr!(lang, "place-list-item", at = at, m = j + 1),
                ));
            }
        }
        Block::Table(table) => {
            let cells = table
                .caption
                .iter()
                .chain(&table.header)
                .chain(table.rows.iter().flatten());
            for cell in cells {
                out.push(Field {
                    text: cell,
                    place: tr!(lang, "place-table", at = at),
                    kind: TextKind::Cell,
                    in_plan: false,
                });
            }
        }
        Block::Section(section) => {
            *sub += 1;
            let path = if path.is_empty() {
                sub.to_string()
            } else {
                format!("{path}.{sub}")
            };
            section_fields(section, &path, sections, places, out);
        }
    }
}

/// Every text of every field is held to [`text::forbidden`]: each string
/// value and key of every example input (walked from the files, so a field
/// that exists there and that no rule names is covered too), given an
/// escape character, is refused with an error at that value.
#[cfg(test)]
mod every_field {
    use crate::edit::{self, Edit, Key};
    use std::path::{Path, PathBuf};

    fn inputs() -> Vec<PathBuf> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("inputs");
        let mut files = Vec::new();
        let mut folders = vec![root];
        while let Some(dir) = folders.pop() {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    folders.push(path);
                } else if path.extension().is_some_and(|e| e == "yaml") {
                    files.push(path);
                }
            }
        }
        files.sort();
        files
    }

    /// A path with its indices left out: one field of the schema.
    fn field_of(path: &[Key]) -> String {
        path.iter()
            .map(|k| match k {
                Key::Index(_) => "[]".to_string(),
                Key::Field(f) => format!(".{f}"),
            })
            .collect()
    }

    fn errors_at(path: &Path, text: &str, at: std::ops::Range<usize>) -> Vec<(String, bool)> {
        let dir = path.parent().unwrap();
        // A part of a folder input does not load alone.
        let original = std::fs::read_to_string(path).unwrap();
        let alone = crate::source::SourceFile::new(path.to_path_buf(), original);
        let in_folder = matches!(
            crate::load::parse(alone, None),
            crate::load::Outcome::Invalid(..)
        );
        let outcome = if in_folder {
            let texts = crate::load::folder_files(dir)
                .unwrap()
                .into_iter()
                .map(|p| {
                    let t = if p == path {
                        text.to_string()
                    } else {
                        std::fs::read_to_string(&p).unwrap()
                    };
                    (p, t)
                })
                .collect();
            crate::load::parse_folder(dir, texts, None)
        } else {
            let source = crate::source::SourceFile::new(path.to_path_buf(), text.to_string());
            crate::load::parse(source, None)
        };
        let path = if in_folder { dir } else { path };
        let engine = crate::engine::Engine::new(Default::default()).unwrap();
        let judged = engine.judge(path, outcome, false).unwrap();
        let base = judged
            .files()
            .iter()
            .find(|f| f.text == text)
            .map_or(0, |f| f.base);
        judged
            .diagnostics
            .iter()
            .filter(|d| d.severity == crate::codes::Severity::Error)
            .map(|d| {
                let here = d.span().is_some_and(|s| {
                    s.start < base + at.end && base + at.start < s.end.max(s.start + 1)
                });
                (d.code.as_str().to_string(), here)
            })
            .collect()
    }

    #[test]
    fn an_escape_in_any_text_is_an_error_at_its_place() {
        let mut seen = std::collections::BTreeSet::new();
        let mut control = 0;
        for path in inputs() {
            let text = std::fs::read_to_string(&path).unwrap();
            // A file that does not check alone (a part of a folder) still
            // loads: its escapes are found as well.
            let nodes = edit::nodes(&text).unwrap();
            for node in &nodes {
                let Some(value) = &node.value else { continue };
                let is_text = node.style != edit::Style::Plain
                    || serde_saphyr::from_str::<f64>(value).is_err();
                let field = field_of(&node.path);
                if node.path.is_empty() || !is_text || !seen.insert(field.clone()) {
                    continue;
                }
                let edit = Edit::Set {
                    path: node.path.clone(),
                    value: format!("{value}\u{1b}[31m"),
                };
                let changed = edit::apply(&text, &edit).unwrap();
                let end = node.span.end.max(node.after_indicator) + 12;
                let at = node.entry_start..end.min(changed.len());
                let errors = errors_at(&path, &changed, at);
                assert!(
                    errors.iter().any(|(_, here)| *here),
                    "{field} in {}: {errors:?}",
                    path.display()
                );
                control += usize::from(errors.iter().any(|(id, here)| *here && id == "E0007"));
            }
        }
        // The fields the examples hold, each refused.
        eprintln!(
            "{} fields, {control} refused as E0007: {seen:?}",
            seen.len()
        );
        assert!(seen.len() >= 60, "{} fields: {seen:?}", seen.len());
        assert!(
            control * 10 >= seen.len() * 8,
            "{control} of {}",
            seen.len()
        );
    }
}
