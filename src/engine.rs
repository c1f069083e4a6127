//! The engine: the one object every command and the server go through, as
//! typst-cli's `World` or zola's `Site`. It owns what making a document needs
//! — the templates, the style files, the fonts, how strictly inputs are
//! checked — and offers all that is done with an input: check it (with last
//! period's beside it), make its Markdown, PDF and DOCX, preview its pages,
//! write it as a Typst project.
//!
//! Commands and the server are thin clients: they turn their arguments into a
//! [`Setup`], print what the engine reports and write what it makes. The
//! engine prints nothing and writes no file. Templates and fonts are read when
//! first needed, so that a check that needs neither costs neither.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crate::carry;
use crate::diag::{Code, Diagnostic, SourceFile};
use crate::error::Error;
use crate::facts::Facts;
use crate::load::{self, Loaded, Outcome};
use crate::locale::{tr, user_lang};
use crate::model::Lang;
use crate::period::parse_date;
use crate::render::Templates;
use crate::typeset::{
    self, FontOptions, FontSet, PdfMeta, PreviewPage, STYLE_NAME, STYLE_NAME_EN, Styles, Timings,
    TypesetError,
};
use crate::validate;
use crate::view::{self, Chart, Kind, View};

/// What the engine is made with: plain values, whatever asked for them (the
/// command line, the server, a test).
#[derive(Clone, Debug, Default)]
pub struct Setup {
    /// A folder of templates and style files that replace the built-in ones.
    pub templates: Option<PathBuf>,
    /// Where fonts come from.
    pub fonts: FontOptions,
    pub checking: Checking,
}

/// How inputs are checked.
#[derive(Clone, Debug, Default)]
pub struct Checking {
    /// The language of the messages; None: each document's own.
    pub lang: Option<Lang>,
    /// Every warning is an error.
    pub deny_warnings: bool,
    /// Last period's input; None: looked for beside each input.
    pub previous: Option<PathBuf>,
}

/// The engine. See the module's documentation.
pub struct Engine {
    setup: Setup,
    styles: Styles,
    templates: OnceLock<Result<Templates, Diagnostic>>,
    fonts: OnceLock<Result<FontSet, Diagnostic>>,
    /// Only the fonts nianbao carries: enough for most documents, and found
    /// in a moment, where installed fonts take longer to look for.
    carried: OnceLock<Result<FontSet, Diagnostic>>,
}

/// An input as loaded and checked, with every diagnostic and the texts they
/// point into.
pub struct Judged {
    pub diagnostics: Vec<Diagnostic>,
    /// The texts of an input that could not be read as one, and of last
    /// period's input.
    files: Vec<SourceFile>,
    pub input: Input,
}

/// What an input came to.
pub enum Input {
    /// It could not be read as an input (not YAML, not of nianbao's form).
    Unreadable,
    /// It was read, and has errors.
    WithErrors(Box<Loaded>),
    /// It has no errors: a document can be made of it.
    Clean(Box<Checked>),
}

/// An input that has passed its checks, with what was derived from it.
pub struct Checked {
    pub loaded: Loaded,
    pub facts: Facts,
}

/// Which PDF to make.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pdf {
    Ordinary,
    /// PDF/A-2b, for the archive.
    Archival,
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

impl Engine {
    /// An engine with the built-in templates and styles, the user's where
    /// `setup.templates` has them. A templates folder that does not exist, or
    /// a style file that cannot be read, is a usage error.
    pub fn new(setup: Setup) -> Result<Engine, Error> {
        let dir = setup.templates.as_deref();
        if let Some(dir) = dir.filter(|d| !d.is_dir()) {
            let lang = setup.checking.lang.unwrap_or_else(user_lang);
            return Err(Error::Usage(tr!(
                lang,
                "templates-missing",
                path = dir.display()
            )));
        }
        let mut styles = Styles::builtin();
        for (name, style) in [
            (STYLE_NAME, &mut styles.zh),
            (STYLE_NAME_EN, &mut styles.en),
        ] {
            if let Some(path) = dir.map(|d| d.join(name)).filter(|p| p.exists()) {
                style.text =
                    std::fs::read_to_string(&path).map_err(|e| Error::io(&path, "read", e))?;
                style.path = Some(path);
            }
        }
        Ok(Engine {
            setup,
            styles,
            templates: OnceLock::new(),
            fonts: OnceLock::new(),
            carried: OnceLock::new(),
        })
    }

    pub fn setup(&self) -> &Setup {
        &self.setup
    }

    /// The language to speak of an input not read yet: `--lang`'s, else
    /// its text's (see [`crate::messages::language_of_text`]) or its
    /// folder's first file's, else the user's.
    pub fn language_of(&self, input: &Path) -> Lang {
        if let Some(lang) = self.setup.checking.lang {
            return lang;
        }
        let file = if input.is_dir() {
            load::folder_files(input)
                .ok()
                .and_then(|files| files.into_iter().next())
        } else {
            Some(input.to_path_buf())
        };
        file.and_then(|f| crate::source::read_bounded(&f, load::MAX_INPUT_BYTES).ok())
            .flatten()
            .map_or_else(user_lang, |bytes| {
                crate::messages::language_of_text(&String::from_utf8_lossy(&bytes))
            })
    }

    /// The templates; a broken one is an error diagnostic.
    pub fn templates(&self) -> Result<&Templates, &Diagnostic> {
        self.templates
            .get_or_init(|| Templates::load(self.setup.templates.as_deref()))
            .as_ref()
    }

    /// The fonts of the run; a folder of them that cannot be used is an
    /// error diagnostic (E0402).
    pub fn fonts(&self) -> Result<&FontSet, &Diagnostic> {
        self.fonts
            .get_or_init(|| FontSet::load(&self.setup.fonts))
            .as_ref()
    }

    fn carried_fonts(&self) -> Result<&FontSet, &Diagnostic> {
        let only_carried = self.setup.fonts.font_paths.is_empty() && !self.setup.fonts.system_fonts;
        if only_carried {
            return self.fonts();
        }
        self.carried
            .get_or_init(|| FontSet::load(&FontOptions::default()))
            .as_ref()
    }

    /// Loads an input and checks it. `final_document`: for the archive,
    /// where what is unfinished is an error.
    pub fn judge_file(&self, path: &Path, final_document: bool) -> Result<Judged, Error> {
        self.judge(
            path,
            load::load(path, self.setup.checking.lang)?,
            final_document,
        )
    }

    /// Checks what loading the input at `path` produced (read from disk, or
    /// a draft of it), with last period's input beside it.
    pub fn judge(
        &self,
        path: &Path,
        outcome: Outcome,
        final_document: bool,
    ) -> Result<Judged, Error> {
        let checking = &self.setup.checking;
        let loaded = match outcome {
            Outcome::Invalid(files, diagnostics) => {
                return Ok(Judged {
                    diagnostics,
                    files,
                    input: Input::Unreadable,
                });
            }
            Outcome::Loaded(loaded) => *loaded,
        };
        let mut diagnostics = Vec::new();
        let previous =
            match carry::previous_path(path, &loaded.report, checking.previous.as_deref()) {
                None => None,
                Some(previous_path) => match load::load(&previous_path, checking.lang)? {
                    // Found beside this input, another office's report is not last period's.
                    Outcome::Loaded(previous)
                        if checking.previous.is_none()
                            && previous.report.meta.organisation.value.trim()
                                != loaded.report.meta.organisation.value.trim() =>
                    {
                        None
                    }
                    Outcome::Loaded(previous) => Some(*previous),
                    Outcome::Invalid(..) => {
                        let lang = checking.lang.unwrap_or(loaded.report.meta.language());
                        let d = Diagnostic::warning(
                            Code::PlanNotFulfilled,
                            tr!(lang, "previous-has-errors"),
                        )
                        .in_file(&previous_path)
                        .hint(tr!(
                            lang,
                            "previous-has-errors.hint",
                            path = previous_path.display()
                        ));
                        diagnostics.push(d);
                        None
                    }
                },
            };
        let facts = Facts::derive(&loaded.report, previous.as_ref().map(|p| &p.report));
        let options = validate::Options {
            lang: checking.lang,
            deny_warnings: checking.deny_warnings,
            final_document,
        };
        diagnostics.extend(validate::validate(
            &loaded,
            &facts,
            previous.as_ref(),
            options,
        ));
        let files = previous.map(|p| p.files).unwrap_or_default();
        let input = if diagnostics.iter().any(Diagnostic::is_error) {
            Input::WithErrors(Box::new(loaded))
        } else {
            Input::Clean(Box::new(Checked { loaded, facts }))
        };
        Ok(Judged {
            diagnostics,
            files,
            input,
        })
    }

    /// Renders and, with `pdf`, typesets a checked input; with `docx`, writes
    /// the same Markdown as a DOCX in those fonts.
    pub fn make(
        &self,
        checked: &Checked,
        kind: Kind,
        pdf: Option<Pdf>,
        docx: Option<crate::docx::FontChoice>,
    ) -> Result<Document, Failed> {
        let loaded = &checked.loaded;
        let started = Instant::now();
        let (markdown, meta) = self.rendered(checked, kind)?;
        let render_time = started.elapsed();
        let mut document = Document {
            markdown,
            pdf: None,
            docx: None,
            render_time,
            docx_time: Duration::ZERO,
            typeset_timings: Timings::default(),
        };
        // The PDF first: where it set the 版记 is where the DOCX puts it.
        let mut record = None;
        if let Some(pdf) = pdf {
            let archival = pdf == Pdf::Archival;
            let fonts = self.fonts().map_err(|d| Failed::from(d.clone()))?;
            let style = self.styles.for_lang(meta.lang);
            typeset::bounded::try_style(&document.markdown, &meta, fonts, style, archival)
                .map_err(|e| self.typeset_failed(loaded, e))?;
            let typeset = typeset::pdf(&document.markdown, &meta, fonts, style, archival)
                .map_err(|e| self.typeset_failed(loaded, e))?;
            document.pdf = Some(typeset.bytes);
            document.typeset_timings = typeset.timings;
            record = typeset.record;
        }
        if let Some(fonts) = docx {
            let started = Instant::now();
            if pdf.is_none() && crate::blocks::has_record(&document.markdown) {
                // A DOCX alone: the document laid out (not made into a PDF)
                // to learn where its 版记 goes; should that fail, the DOCX
                // puts it on the next even page.
                record = self.fonts().ok().and_then(|fonts| {
                    let style = self.styles.for_lang(meta.lang);
                    typeset::bounded::try_style(&document.markdown, &meta, fonts, style, false)
                        .ok()?;
                    typeset::record_layout(&document.markdown, &meta, fonts, style)
                        .ok()
                        .flatten()
                });
            }
            let docx_meta = crate::docx::DocxMeta {
                title: meta.title.clone(),
                author: meta.author.clone(),
                date: meta.date.to_string(),
                lang: meta.lang,
                fonts,
                seals: meta.seals.clone(),
                record,
            };
            document.docx = Some(crate::docx::docx(&document.markdown, &docx_meta));
            document.docx_time = started.elapsed();
        }
        Ok(document)
    }

    /// The pages of the document as SVG images, for the preview of `serve`.
    pub fn preview(&self, checked: &Checked, kind: Kind) -> Result<Vec<PreviewPage>, Failed> {
        let loaded = &checked.loaded;
        let (markdown, meta) = self.rendered(checked, kind)?;
        let fonts = self.fonts().map_err(|d| Failed::from(d.clone()))?;
        let style = self.styles.for_lang(meta.lang);
        typeset::bounded::try_style(&markdown, &meta, fonts, style, false)
            .map_err(|e| self.typeset_failed(loaded, e))?;
        typeset::svg_pages(&markdown, &meta, fonts, style)
            .map_err(|e| self.typeset_failed(loaded, e))
    }

    /// The document as the files of a folder that typst-cli compiles, with
    /// the carried fonts only (see `typeset::typst_project`).
    pub fn typst_project(
        &self,
        checked: &Checked,
        kind: Kind,
    ) -> Result<Vec<(&'static str, String)>, Failed> {
        let (markdown, meta) = self.rendered(checked, kind)?;
        let fonts = self.fonts().map_err(|d| Failed::from(d.clone()))?;
        let style = self.styles.for_lang(meta.lang);
        Ok(typeset::typst_project(&markdown, &meta, fonts, style))
    }

    /// E0401 for each character of the document (as `build` renders it with
    /// the built-in templates) that no font of the run has, at its first
    /// place in the input; found as a build would, without typesetting.
    pub fn missing_glyphs(&self, checked: &Checked) -> Result<Vec<Diagnostic>, Diagnostic> {
        // The templates' own text is covered; a document made of such input
        // text is too.
        let plain = checked
            .loaded
            .files
            .iter()
            .all(|f| f.text.chars().all(typeset::surely_covered));
        if plain {
            return Ok(Vec::new());
        }
        // A document the templates cannot render is reported by `build`.
        let Ok((markdown, _)) = self.rendered(checked, Kind::Combined) else {
            return Ok(Vec::new());
        };
        if typeset::check_coverage(&markdown, self.carried_fonts().map_err(Clone::clone)?).is_ok() {
            return Ok(Vec::new());
        }
        Ok(
            match typeset::check_coverage(&markdown, self.fonts().map_err(Clone::clone)?) {
                Err(TypesetError::MissingGlyphs(chars)) => chars
                    .into_iter()
                    .map(|c| self.missing_glyph(&checked.loaded, c))
                    .collect(),
                _ => Vec::new(),
            },
        )
    }

    /// The document's Markdown, and what its PDF says about itself.
    fn rendered(&self, checked: &Checked, kind: Kind) -> Result<(String, PdfMeta), Failed> {
        let report = &checked.loaded.report;
        let templates = self.templates().map_err(|d| Failed::from(d.clone()))?;
        let view = View::new(report, &checked.facts, kind);
        let markdown = templates.render(&view)?;
        let meta = pdf_meta(&checked.loaded, kind, view.comparison.map(|c| c.chart));
        Ok((markdown, meta))
    }
}

impl Engine {
    /// The language of what is said about a loaded input: `--lang`'s, else
    /// its own.
    fn lang_of(&self, loaded: &Loaded) -> Lang {
        self.setup
            .checking
            .lang
            .unwrap_or(loaded.report.meta.language())
    }

    fn typeset_failed(&self, loaded: &Loaded, error: TypesetError) -> Failed {
        match error {
            TypesetError::Diagnostics(diagnostics, files) => Failed { diagnostics, files },
            TypesetError::MissingGlyphs(chars) => Failed {
                diagnostics: chars
                    .into_iter()
                    .map(|c| self.missing_glyph(loaded, c))
                    .collect(),
                files: Vec::new(),
            },
        }
    }

    /// A character no font has, located at its first appearance in the input.
    fn missing_glyph(&self, loaded: &Loaded, c: char) -> Diagnostic {
        let lang = self.lang_of(loaded);
        let d = Diagnostic::error(
            Code::MissingGlyph,
            tr!(
                lang,
                "missing-glyph",
                char = c,
                code = format!("{:04X}", c as u32)
            ),
        );
        let d = match loaded.files.iter().find_map(|f| f.find_char(c)) {
            Some(span) => d.at(span),
            None => d.in_file(&loaded.path),
        };
        d.hint(tr!(lang, "missing-glyph.hint"))
    }
}

impl Judged {
    /// Every text the diagnostics may point into.
    pub fn files(&self) -> Vec<&SourceFile> {
        let mut files: Vec<&SourceFile> = self.files.iter().collect();
        match &self.input {
            Input::Unreadable => {}
            Input::WithErrors(loaded) => files.extend(loaded.sources()),
            Input::Clean(checked) => files.extend(checked.loaded.sources()),
        }
        files
    }

    /// The input, loaded, with or without errors.
    pub fn loaded(&self) -> Option<&Loaded> {
        match &self.input {
            Input::Unreadable => None,
            Input::WithErrors(loaded) => Some(loaded),
            Input::Clean(checked) => Some(&checked.loaded),
        }
    }

    /// The input, when a document can be made of it.
    pub fn into_clean(self) -> Option<Checked> {
        match self.input {
            Input::Clean(checked) => Some(*checked),
            _ => None,
        }
    }
}

impl From<Diagnostic> for Failed {
    fn from(diagnostic: Diagnostic) -> Failed {
        Failed {
            diagnostics: vec![diagnostic],
            files: Vec::new(),
        }
    }
}

/// What the PDF says about itself, from the report.
fn pdf_meta(loaded: &Loaded, kind: Kind, chart: Option<Chart>) -> PdfMeta {
    let report = &loaded.report;
    PdfMeta {
        title: view::sent_title(report, kind),
        author: report.meta.organisation.value.clone(),
        // Validation has checked the date before anything is made.
        date: parse_date(&report.meta.date.value).unwrap_or_default(),
        lang: report.meta.language(),
        chart,
        // Validation has checked that the images can be read (E1106).
        seals: report
            .document
            .as_ref()
            .map(|d| crate::gongwen::sealing(&d.value, &loaded.path).images)
            .unwrap_or_default(),
    }
}
