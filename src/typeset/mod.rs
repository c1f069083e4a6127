//! The Markdown → PDF stage: the writer makes Typst markup from the Markdown, the
//! built-in (or the user's) style file sets the page, and typst compiles it in a
//! world that holds only those two sources and the fonts nianbao gives it.

pub mod bounded;
pub mod fonts;
pub mod writer;

use std::time::{Duration, Instant};

use chrono::{Datelike, NaiveDate};
use typst::diag::FileResult;
use typst::diag::{Severity as TypstSeverity, SourceDiagnostic};
use typst::foundations::{Array, Bytes, Datetime, Dict, IntoValue, Smart, Value};
use typst::syntax::FileId;
use typst::syntax::{DiagSpanKind, Source};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};
use typst_as_lib::conversions::IntoSource;
use typst_as_lib::{TypstEngine, TypstWorld};
use typst_layout::PagedDocument;

use crate::diag::{Code, Diagnostic, SourceFile, Span};
use crate::model::Lang;
use crate::view::Chart;
pub use fonts::{FontOptions, FontSet, Role};

/// The built-in style files: Chinese (公文) and English.
pub const BUILTIN_STYLE: &str = include_str!("../../templates/style.typ");
pub const BUILTIN_STYLE_EN: &str = include_str!("../../templates/style-en.typ");
/// Their names, also the names of a user's files that replace them.
pub const STYLE_NAME: &str = "style.typ";
pub const STYLE_NAME_EN: &str = "style-en.typ";
const MAIN_NAME: &str = "main.typ";

/// What the PDF says about itself.
#[derive(Clone, Debug)]
pub struct PdfMeta {
    pub title: String,
    pub author: String,
    pub date: NaiveDate,
    pub lang: Lang,
    /// The year-over-year bar chart, when the document has one.
    pub chart: Option<Chart>,
    /// The seals' images (or 签名章), one for each signature in order, read
    /// from the paths the input gave (None: space for a seal stamped by
    /// hand): the only files besides the sources that the Typst world holds
    /// (`seal-1.png`, `seal-2.svg` …).
    pub seals: Vec<Option<(crate::gongwen::ImageFormat, Vec<u8>)>>,
}

/// The names the seals' images have in the Typst world, in order.
fn seal_names(meta: &PdfMeta) -> Vec<Option<String>> {
    meta.seals
        .iter()
        .enumerate()
        .map(|(i, seal)| {
            seal.as_ref()
                .map(|(format, _)| format!("seal-{}.{}", i + 1, format.extension()))
        })
        .collect()
}

/// The style file of a run, with where it came from (None: built in).
#[derive(Clone, serde::Serialize, serde::Deserialize)]
pub struct Style {
    pub text: String,
    pub path: Option<std::path::PathBuf>,
}

/// The style files of a run, one for each language.
pub struct Styles {
    pub zh: Style,
    pub en: Style,
}

impl Styles {
    pub fn builtin() -> Styles {
        Styles {
            zh: Style {
                text: BUILTIN_STYLE.to_string(),
                path: None,
            },
            en: Style {
                text: BUILTIN_STYLE_EN.to_string(),
                path: None,
            },
        }
    }

    pub fn for_lang(&self, lang: Lang) -> &Style {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// How long each part of typesetting took.
#[derive(Clone, Copy, Debug, Default)]
pub struct Timings {
    pub markup: Duration,
    pub compile: Duration,
    pub export: Duration,
}

/// Why a document could not be typeset.
#[derive(Debug)]
pub enum TypesetError {
    /// Characters that no font has, in the order they first appear.
    MissingGlyphs(Vec<char>),
    /// Typst reported errors (in the style file, or a bug in nianbao's markup),
    /// with the texts they point into.
    Diagnostics(Vec<Diagnostic>, Vec<SourceFile>),
}

impl TypesetError {
    fn unlocated(diagnostic: Diagnostic) -> Self {
        TypesetError::Diagnostics(vec![diagnostic], Vec::new())
    }
}

/// Where the PDF set a 公文's 版记 (GB/T 9704 7.5: on an even page, at the
/// foot of the last page), as the style decided it once the body was laid
/// out: what the DOCX follows, since a word processor has no break that
/// depends on where a page ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RecordPage {
    /// On the body's last page, an even page with room for it.
    Last,
    /// On the next page (the body ends on an odd page), numbered.
    Next,
    /// On the page after a blank one (the body's last page is even but has
    /// no room); neither of the two carries a page number.
    AfterBlank,
}

/// A typeset PDF.
pub struct Typeset {
    pub bytes: Vec<u8>,
    pub timings: Timings,
    /// Where its 版记 went, when it has one (and the style marks it).
    pub record: Option<RecordPage>,
}

/// Typesets Markdown into PDF bytes; `archival` makes it PDF/A-2b.
pub fn pdf(
    markdown: &str,
    meta: &PdfMeta,
    fonts: &FontSet,
    style: &Style,
    archival: bool,
) -> Result<Typeset, TypesetError> {
    let mut timings = Timings::default();
    let (document, sources) = compile(markdown, meta, fonts, style, &mut timings)?;
    let record = record_page(&document);
    let started = Instant::now();
    let standards = if archival {
        typst_pdf::PdfStandards::new(&[typst_pdf::PdfStandard::A_2b])
    } else {
        typst_pdf::PdfStandards::new(&[])
    };
    let standards = standards.map_err(|e| {
        TypesetError::unlocated(Diagnostic::error(Code::Typeset, e.message().to_string()))
    })?;
    let options = typst_pdf::PdfOptions {
        ident: Smart::Custom(format!("nianbao-{}-{}", meta.title, meta.date)),
        standards,
        ..Default::default()
    };
    let bytes = typst_pdf::pdf(&document, &options).map_err(|errors| sources.error(&errors))?;
    timings.export = started.elapsed();
    Ok(Typeset {
        bytes,
        timings,
        record,
    })
}

/// Where the 版记 goes once the document is laid out, without making the
/// PDF: for a DOCX made alone. None without a 版记.
pub fn record_layout(
    markdown: &str,
    meta: &PdfMeta,
    fonts: &FontSet,
    style: &Style,
) -> Result<Option<RecordPage>, TypesetError> {
    let (document, _) = compile(markdown, meta, fonts, style, &mut Timings::default())?;
    Ok(record_page(&document))
}

/// The 版记's page against the body's last page, marked by the style's
/// `<nianbao-record-at>` where the body ends; the 版记 is on the document's
/// last page.
fn record_page(document: &PagedDocument) -> Option<RecordPage> {
    use typst::foundations::{Label, Selector};
    use typst::introspection::Introspector;
    let label = Label::new(typst::utils::PicoStr::intern("nianbao-record-at"))?;
    let introspector = document.introspector();
    let mark = introspector
        .query(&Selector::Label(label))
        .last()?
        .location()?;
    let body_ends = introspector.page(mark)?.get();
    Some(match document.pages().len().saturating_sub(body_ends) {
        0 => RecordPage::Last,
        1 => RecordPage::Next,
        _ => RecordPage::AfterBlank,
    })
}

/// A page of the preview: its SVG image and its text (the image's
/// description, for screen readers and tests).
pub struct PreviewPage {
    pub svg: String,
    pub text: String,
    /// The page's lines of text from top to bottom, each with where it
    /// stands (its baseline, as a fraction of the page's height): what a
    /// click on the preview is matched with.
    pub lines: Vec<(f64, String)>,
}

/// Typesets Markdown into one SVG image a page, for the preview of `serve`.
pub fn svg_pages(
    markdown: &str,
    meta: &PdfMeta,
    fonts: &FontSet,
    style: &Style,
) -> Result<Vec<PreviewPage>, TypesetError> {
    let (document, _) = compile(markdown, meta, fonts, style, &mut Timings::default())?;
    let options = typst_svg::SvgOptions::default();
    Ok(document
        .pages()
        .iter()
        .map(|page| {
            let mut text = String::new();
            frame_text(&page.frame, &mut text);
            let mut runs = Vec::new();
            frame_runs(&page.frame, typst::layout::Point::zero(), &mut runs);
            let height = page.frame.height().to_pt().max(1.0);
            PreviewPage {
                svg: typst_svg::svg(page, &options),
                text,
                lines: lines_of(runs, height),
            }
        })
        .collect())
}

/// The text of a laid-out frame, in the order it was set.
fn frame_text(frame: &typst::layout::Frame, out: &mut String) {
    use typst::layout::FrameItem;
    for (_, item) in frame.items() {
        match item {
            FrameItem::Group(group) => frame_text(&group.frame, out),
            FrameItem::Text(text) => out.push_str(&text.text),
            _ => {}
        }
    }
}

/// The text runs of a laid-out frame, each with its baseline's position on
/// the page (groups moved by their offset; their other transforms, which
/// nianbao's pages do not use for text, left out).
fn frame_runs(
    frame: &typst::layout::Frame,
    origin: typst::layout::Point,
    out: &mut Vec<(f64, f64, String)>,
) {
    use typst::layout::FrameItem;
    for (at, item) in frame.items() {
        let at = origin + *at;
        match item {
            FrameItem::Group(group) => frame_runs(&group.frame, at, out),
            FrameItem::Text(text) => out.push((at.y.to_pt(), at.x.to_pt(), text.text.to_string())),
            _ => {}
        }
    }
}

/// Runs on one baseline joined into a line, left to right; lines top to
/// bottom, each at its baseline as a fraction of the page's height.
fn lines_of(mut runs: Vec<(f64, f64, String)>, height: f64) -> Vec<(f64, String)> {
    runs.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut lines: Vec<(f64, String)> = Vec::new();
    for (y, _, text) in runs {
        match lines.last_mut() {
            Some((last, line)) if (y - *last).abs() < 2.0 => line.push_str(&text),
            _ => lines.push((y, text)),
        }
    }
    lines
        .into_iter()
        .map(|(y, line)| ((y / height * 1e4).round() / 1e4, line))
        .collect()
}

/// The laid-out pages, with the sources that diagnostics of a later stage
/// point into.
fn compile(
    markdown: &str,
    meta: &PdfMeta,
    fonts: &FontSet,
    style: &Style,
    timings: &mut Timings,
) -> Result<(PagedDocument, TypstSources), TypesetError> {
    let started = Instant::now();
    let needs_fallback = check_coverage(markdown, fonts)?;
    let body = writer::markdown_to_typst(markdown);
    let main = main_source(&body);
    timings.markup = started.elapsed();

    let started = Instant::now();
    let main_source = (MAIN_NAME, main).into_source();
    let style_source = (STYLE_NAME, style.text.clone()).into_source();
    let seal: Vec<(String, Vec<u8>)> = seal_names(meta)
        .into_iter()
        .zip(&meta.seals)
        .filter_map(|(name, seal)| Some((name?, seal.as_ref()?.1.clone())))
        .collect();
    let engine = TypstEngine::builder()
        .fonts(fonts.for_document(needs_fallback))
        .with_static_source_file_resolver([main_source.clone(), style_source.clone()])
        .with_static_file_resolver(seal.iter().map(|(n, b)| (n.as_str(), b.as_slice())))
        .build();
    let sources = TypstSources::new(&[(main_source, None), (style_source, style.path.as_deref())]);
    let world = engine
        .world_builder(MAIN_NAME)
        .with_inputs(inputs(meta, fonts))
        .build()
        .map_err(|e| {
            TypesetError::unlocated(Diagnostic::error(
                Code::Typeset,
                format!("typesetting failed: {e}"),
            ))
        })?;
    let world = DatedWorld {
        world,
        date: meta.date,
    };
    let result = typst::compile::<PagedDocument>(&world);
    // What the engine's own compile does after each document: keep no
    // memoised results of this one (a server typesets many).
    typst::comemo::evict(0);
    timings.compile = started.elapsed();
    let document = match result.output {
        Ok(document) => document,
        Err(errors) => return Err(sources.error(&errors)),
    };
    // Warnings about customary fonts that are not installed are expected: the
    // chains name them first on purpose. Anything else is a real problem.
    let warnings: Vec<SourceDiagnostic> = result
        .warnings
        .iter()
        .filter(|w| !w.message.contains("unknown font family"))
        .cloned()
        .collect();
    if !warnings.is_empty() {
        return Err(sources.error(&warnings));
    }
    Ok((document, sources))
}

/// The world of a compile with the clock taken out: `datetime.today()` is the
/// document's date (its `meta.date`) in every style file, built in or the
/// user's, and in the bounded trial, so that the same input gives the same
/// document on any day. An `offset:` changes nothing: the date is a day, not
/// a moment.
struct DatedWorld<'a> {
    world: TypstWorld<'a>,
    date: NaiveDate,
}

impl World for DatedWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        self.world.library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        self.world.book()
    }

    fn main(&self) -> FileId {
        self.world.main()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.world.source(id)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.world.file(id)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.world.font(index)
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        let month = u8::try_from(self.date.month()).ok()?;
        let day = u8::try_from(self.date.day()).ok()?;
        Datetime::from_ymd(self.date.year(), month, day)
    }
}

/// Characters the carried fonts are known to have (a unit test holds them to
/// it): printable ASCII, the CJK ideographs U+4E00–U+9FEA (role fonts and
/// fallback together) and the punctuation of Chinese text. A text made only of
/// these, with whitespace, needs no look at the fonts.
pub fn surely_covered(c: char) -> bool {
    c.is_ascii_graphic()
        || c.is_whitespace()
        || ('\u{4E00}'..='\u{9FEA}').contains(&c)
        || "，。、；：？！“”‘’（）《》【】—…·％～－".contains(c)
}

/// Finds the characters no role font has. Those the fallback has make it needed;
/// those nobody has are an error, never a tofu box.
pub fn check_coverage(markdown: &str, fonts: &FontSet) -> Result<bool, TypesetError> {
    let mut needs_fallback = false;
    let mut missing: Vec<char> = Vec::new();
    for c in markdown.chars() {
        if c.is_whitespace() || c.is_control() || fonts.covers(c) {
            continue;
        }
        if fonts.fallback_covers(c) {
            needs_fallback = true;
        } else if !missing.contains(&c) {
            missing.push(c);
        }
    }
    if missing.is_empty() {
        Ok(needs_fallback)
    } else {
        Err(TypesetError::MissingGlyphs(missing))
    }
}

/// The same document as a folder that typst-cli compiles (`typst compile
/// main.typ`): main.typ, the style file and the data it reads, inputs.json,
/// which nianbao passes in memory as `sys.inputs`. For comparing with typst-cli
/// (benches/batch.py) and for seeing what the PDF stage receives.
pub fn typst_project(
    markdown: &str,
    meta: &PdfMeta,
    fonts: &FontSet,
    style: &Style,
) -> Vec<(&'static str, String)> {
    let body = writer::markdown_to_typst(markdown);
    let main = main_source(&body).replacen(SYS_INPUTS, "#let inputs = json(\"inputs.json\")", 1);
    let data = serde_json::to_string_pretty(&inputs(meta, fonts)).unwrap_or_default();
    vec![
        (MAIN_NAME, main),
        (STYLE_NAME, style.text.clone()),
        ("inputs.json", data),
    ]
}

const SYS_INPUTS: &str = "#import sys: inputs";

/// The document: the style applied to the body that the writer made.
fn main_source(body: &str) -> String {
    format!(
        "#import \"{STYLE_NAME}\": *\n\
         {SYS_INPUTS}\n\
         #let fonts = inputs.fonts\n\
         #show: nianbao-document.with(\n  title: inputs.title,\n  author: inputs.author,\n  \
         date: datetime(year: inputs.year, month: inputs.month, day: inputs.day),\n  \
         lang: inputs.lang,\n  fonts: fonts,\n)\n\n{body}"
    )
}

/// The data the document reads: never spliced into code, always passed as values.
fn inputs(meta: &PdfMeta, fonts: &FontSet) -> Dict {
    let mut chains = Dict::new();
    for role in Role::ALL {
        let chain: Array = fonts
            .chain(role)
            .into_iter()
            .map(|f| f.into_value())
            .collect();
        chains.insert(role.key().into(), chain.into_value());
    }
    let mut inputs = Dict::new();
    inputs.insert("title".into(), meta.title.as_str().into_value());
    inputs.insert("author".into(), meta.author.as_str().into_value());
    inputs.insert("year".into(), (meta.date.year() as i64).into_value());
    inputs.insert("month".into(), (meta.date.month() as i64).into_value());
    inputs.insert("day".into(), (meta.date.day() as i64).into_value());
    inputs.insert("lang".into(), meta.lang.code().into_value());
    inputs.insert("fonts".into(), chains.into_value());
    // `seals`: each signature's image name or none; `seal`: the first, as a
    // style of one seal reads it.
    let names = seal_names(meta);
    if let Some(Some(name)) = names.first() {
        inputs.insert("seal".into(), name.as_str().into_value());
    }
    let seals: Array = names
        .iter()
        .map(|n| match n {
            Some(n) => n.as_str().into_value(),
            None => Value::None,
        })
        .collect();
    inputs.insert("seals".into(), seals.into_value());
    if let Some(chart) = &meta.chart {
        let strings =
            |v: &[String]| -> Array { v.iter().map(|s| s.as_str().into_value()).collect() };
        let numbers = |v: &[f64]| -> Array { v.iter().map(|n| n.into_value()).collect() };
        let mut data = Dict::new();
        data.insert("labels".into(), strings(&chart.labels).into_value());
        data.insert("this".into(), numbers(&chart.this).into_value());
        data.insert("last".into(), numbers(&chart.last).into_value());
        data.insert("this-label".into(), chart.this_label.as_str().into_value());
        data.insert("last-label".into(), chart.last_label.as_str().into_value());
        inputs.insert("chart".into(), data.into_value());
    }
    inputs
}

/// The Typst sources of a compile, as texts that diagnostics can point into:
/// the style file under its path, the rest under a `<built-in …>` name.
struct TypstSources {
    typst: Vec<Source>,
    files: Vec<SourceFile>,
}

impl TypstSources {
    fn new(sources: &[(Source, Option<&std::path::Path>)]) -> Self {
        TypstSources {
            typst: sources.iter().map(|(s, _)| s.clone()).collect(),
            files: sources
                .iter()
                .map(|(source, path)| {
                    let name = path.map(|p| p.to_path_buf()).unwrap_or_else(|| {
                        format!("<built-in {}>", source.id().vpath().get_without_slash()).into()
                    });
                    SourceFile::new(name, source.text().to_string())
                })
                .collect(),
        }
    }

    /// Typst's diagnostics as ours, with the texts they point into.
    fn error(self, diagnostics: &[SourceDiagnostic]) -> TypesetError {
        let converted = diagnostics.iter().map(|d| self.convert(d)).collect();
        TypesetError::Diagnostics(converted, self.files)
    }

    fn convert(&self, diagnostic: &SourceDiagnostic) -> Diagnostic {
        let severity = match diagnostic.severity {
            TypstSeverity::Error => crate::diag::Severity::Error,
            TypstSeverity::Warning => crate::diag::Severity::Warning,
        };
        let mut d = Diagnostic::new(severity, Code::Typeset, diagnostic.message.to_string());
        let located = diagnostic.span.id().and_then(|id| {
            let i = self.typst.iter().position(|s| s.id() == id)?;
            let range = match diagnostic.span.get() {
                DiagSpanKind::Number { num, sub_range, .. } => {
                    self.typst[i].range(num, sub_range)?
                }
                DiagSpanKind::Range { range, .. } => range,
                DiagSpanKind::Detached => return None,
            };
            let base = self.files[i].base;
            Some(Span::new(base + range.start, base + range.end))
        });
        if let Some(span) = located {
            d = d.at(span);
        }
        for hint in &diagnostic.hints {
            d = d.hint(hint.v.to_string());
        }
        d
    }
}
