//! One document through the stages after loading: render the Markdown, then
//! typeset the PDF from it. `build` and `archive` share this.

use std::time::{Duration, Instant};

use crate::diag::{Code, Diagnostic, SourceFile};
use crate::facts::Facts;
use crate::load::Loaded;
use crate::period::parse_date;
use crate::render::Templates;
use crate::typeset::{self, FontSet, PdfMeta, Styles, Timings, TypesetError};
use crate::view::{self, Chart, Kind, View};

/// What the PDF stage needs; absent when only Markdown is wanted.
pub struct PdfSetup<'a> {
    pub fonts: &'a FontSet,
    pub styles: &'a Styles,
    /// PDF/A-2b, for the archive.
    pub archival: bool,
}

/// Why a document could not be made: diagnostics, and the texts (of Typst
/// sources) they point into besides the input's.
pub struct Failed {
    pub diagnostics: Vec<Diagnostic>,
    pub files: Vec<SourceFile>,
}

/// A made document.
pub struct Document {
    pub markdown: String,
    pub pdf: Option<Vec<u8>>,
    pub docx: Option<Vec<u8>>,
    pub render_time: Duration,
    pub docx_time: Duration,
    pub typeset_timings: Timings,
}

/// Renders and, with `pdf`, typesets a loaded and validated report; with
/// `docx`, writes the same Markdown as a DOCX in those fonts.
pub fn make(
    loaded: &Loaded,
    facts: &Facts,
    templates: &Templates,
    kind: Kind,
    pdf: Option<&PdfSetup>,
    docx: Option<crate::docx::FontChoice>,
) -> Result<Document, Failed> {
    let started = Instant::now();
    let (markdown, meta) = rendered(loaded, facts, templates, kind).map_err(Failed::from)?;
    let render_time = started.elapsed();
    let mut document = Document {
        markdown,
        pdf: None,
        docx: None,
        render_time,
        docx_time: Duration::ZERO,
        typeset_timings: Timings::default(),
    };
    if let Some(fonts) = docx {
        let docx_meta = crate::docx::DocxMeta {
            title: meta.title.clone(),
            author: meta.author.clone(),
            date: meta.date.to_string(),
            lang: meta.lang,
            fonts,
        };
        let started = Instant::now();
        document.docx = Some(crate::docx::docx(&document.markdown, &docx_meta));
        document.docx_time = started.elapsed();
    }
    if let Some(setup) = pdf {
        let style = setup.styles.for_lang(meta.lang);
        typeset::bounded::try_style(
            &document.markdown,
            &meta,
            setup.fonts,
            style,
            setup.archival,
        )
        .map_err(|e| typeset_failed(loaded, e))?;
        let (bytes, timings) = typeset::pdf(
            &document.markdown,
            &meta,
            setup.fonts,
            setup.styles.for_lang(meta.lang),
            setup.archival,
        )
        .map_err(|e| typeset_failed(loaded, e))?;
        document.pdf = Some(bytes);
        document.typeset_timings = timings;
    }
    Ok(document)
}

/// The pages of the document as SVG images, for the preview of `serve`.
pub fn preview(
    loaded: &Loaded,
    facts: &Facts,
    templates: &Templates,
    kind: Kind,
    setup: &PdfSetup,
) -> Result<Vec<typeset::PreviewPage>, Failed> {
    let (markdown, meta) = rendered(loaded, facts, templates, kind).map_err(Failed::from)?;
    let style = setup.styles.for_lang(meta.lang);
    typeset::bounded::try_style(&markdown, &meta, setup.fonts, style, false)
        .map_err(|e| typeset_failed(loaded, e))?;
    typeset::svg_pages(&markdown, &meta, setup.fonts, style).map_err(|e| typeset_failed(loaded, e))
}

/// The document as a folder for typst-cli (see `typeset::typst_project`).
pub fn typst_project(
    loaded: &Loaded,
    facts: &Facts,
    templates: &Templates,
    kind: Kind,
    setup: &PdfSetup,
) -> Result<Vec<(&'static str, String)>, Diagnostic> {
    let (markdown, meta) = rendered(loaded, facts, templates, kind)?;
    let style = setup.styles.for_lang(meta.lang);
    Ok(typeset::typst_project(&markdown, &meta, setup.fonts, style))
}

impl From<Diagnostic> for Failed {
    fn from(diagnostic: Diagnostic) -> Failed {
        Failed {
            diagnostics: vec![diagnostic],
            files: Vec::new(),
        }
    }
}

/// The document's Markdown, and what its PDF says about itself.
pub fn rendered(
    loaded: &Loaded,
    facts: &Facts,
    templates: &Templates,
    kind: Kind,
) -> Result<(String, PdfMeta), Diagnostic> {
    let view = View::new(&loaded.report, facts, kind);
    let markdown = templates.render(&view)?;
    let meta = pdf_meta(loaded, kind, view.comparison.map(|c| c.chart));
    Ok((markdown, meta))
}

fn typeset_failed(loaded: &Loaded, error: TypesetError) -> Failed {
    match error {
        TypesetError::Diagnostics(diagnostics, files) => Failed { diagnostics, files },
        TypesetError::MissingGlyphs(chars) => Failed {
            diagnostics: chars
                .into_iter()
                .map(|c| missing_glyph(loaded, c))
                .collect(),
            files: Vec::new(),
        },
    }
}

/// What the PDF says about itself, from the report.
fn pdf_meta(loaded: &Loaded, kind: Kind, chart: Option<Chart>) -> PdfMeta {
    let report = &loaded.report;
    PdfMeta {
        title: view::title(report, kind),
        author: report.meta.organisation.value.clone(),
        // Validation has checked the date before anything is made.
        date: parse_date(&report.meta.date.value).unwrap_or_default(),
        lang: report.meta.language(),
        chart,
    }
}

/// A character no font has, located at its first appearance in the input.
pub fn missing_glyph(loaded: &Loaded, c: char) -> Diagnostic {
    let d = Diagnostic::error(
        Code::MissingGlyph,
        format!("no font has a glyph for “{c}” (U+{:04X})", c as u32),
    );
    let d = match loaded.files.iter().find_map(|f| f.find_char(c)) {
        Some(span) => d.at(span),
        None => d.in_file(&loaded.path),
    };
    d.hint("add a font that has it with --font-path DIR, or write the character another way; it would print as an empty box")
}
