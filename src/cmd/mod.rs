//! One file per subcommand; what they share is here: loading and checking an
//! input while printing its diagnostics.

pub mod archive;
pub mod build;
pub mod check;
pub mod explain;
pub mod fonts;
pub mod import;
pub mod next;
pub mod rollup;
pub mod serve;
pub mod shell;
pub mod watch;

use std::path::Path;

use crate::carry;
use crate::cli::{CheckOptions, Deny, FontArgs};
use crate::diag::{self, Code, Diagnostic, SourceFile};
use crate::error::Error;
use crate::facts::Facts;
use crate::load::{self, Loaded, Outcome};
use crate::render::Templates;
use crate::typeset::{FontOptions, FontSet, STYLE_NAME, STYLE_NAME_EN, Styles};
use crate::validate;

/// Prints diagnostics as they come (or, for JSON, all at the end) and counts them.
#[derive(Default)]
pub struct Reporter {
    pub errors: usize,
    pub warnings: usize,
    /// Some: collect for one JSON document instead of printing text.
    json: Option<Vec<serde_json::Value>>,
    /// Count only: for an input checked a second time.
    silent: bool,
    /// Some: keep the text until [`Reporter::absorb`] prints it (for inputs
    /// checked in parallel, reported in order).
    buffer: Option<String>,
}

impl Reporter {
    /// A reporter that prints nothing.
    pub fn silent() -> Self {
        Reporter {
            silent: true,
            ..Reporter::default()
        }
    }

    /// A reporter that prints one JSON document on stdout at `finish`.
    pub fn json() -> Self {
        Reporter {
            json: Some(Vec::new()),
            ..Reporter::default()
        }
    }

    /// A reporter of the same kind whose text waits for [`Reporter::absorb`].
    pub fn buffered(&self) -> Self {
        Reporter {
            json: self.json.as_ref().map(|_| Vec::new()),
            silent: self.silent,
            buffer: Some(String::new()),
            ..Reporter::default()
        }
    }

    /// Counts a buffered reporter's diagnostics as this one's and prints them.
    pub fn absorb(&mut self, other: Reporter) {
        self.errors += other.errors;
        self.warnings += other.warnings;
        if let (Some(mine), Some(theirs)) = (&mut self.json, other.json) {
            mine.extend(theirs);
        }
        if let Some(text) = other.buffer {
            eprint!("{text}");
        }
    }

    /// Reports a diagnostic; `files` are the texts its places may lie in.
    pub fn report(&mut self, diagnostic: &Diagnostic, files: &[&SourceFile]) {
        if diagnostic.is_error() {
            self.errors += 1;
        } else {
            self.warnings += 1;
        }
        match &mut self.json {
            _ if self.silent => {}
            Some(collected) => collected.push(diag::to_json(diagnostic, files)),
            None => match &mut self.buffer {
                Some(buffer) => buffer.push_str(&diag::render(diagnostic, files)),
                None => eprint!("{}", diag::render(diagnostic, files)),
            },
        }
    }

    pub fn report_all(&mut self, diagnostics: &[Diagnostic], files: &[&SourceFile]) {
        for d in diagnostics {
            self.report(d, files);
        }
    }

    /// The closing line: how many errors and warnings, or nothing when clean.
    pub fn finish(&mut self, files: usize) -> Result<(), Error> {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        if let Some(collected) = self.json.take() {
            println!(
                "{}",
                diag::json_document(collected, self.errors, self.warnings)
            );
        } else if self.errors + self.warnings > 0 {
            eprintln!(
                "{}: {}, {}",
                plural(files, "file"),
                plural(self.errors, "error"),
                plural(self.warnings, "warning")
            );
        }
        if self.errors > 0 {
            Err(Error::InvalidInput {
                errors: self.errors,
            })
        } else {
            Ok(())
        }
    }
}

/// An input that has passed its checks, with what was derived from it.
pub struct Checked {
    pub loaded: Loaded,
    pub facts: Facts,
}

/// Loads one input and last period's (when there is one), derives the facts and
/// validates, printing the diagnostics. Returns the input when it has no errors.
/// `final_document`: for the archive, where what is unfinished is an error.
pub fn load_checked(
    path: &Path,
    reporter: &mut Reporter,
    options: &CheckOptions,
    final_document: bool,
) -> Result<Option<Checked>, Error> {
    let judged = judge(
        path,
        load::load(path, options.lang)?,
        options,
        final_document,
    )?;
    reporter.report_all(&judged.diagnostics, &judged.files());
    Ok(judged.checked)
}

/// An input as loaded and checked, with every diagnostic and the texts they
/// point into.
pub struct Judged {
    pub diagnostics: Vec<Diagnostic>,
    /// The input's files (when it loaded, also in `checked`) and last
    /// period's.
    files: Vec<SourceFile>,
    /// The input, when it has no errors.
    pub checked: Option<Checked>,
    /// The input, loaded, when it has errors.
    pub loaded_with_errors: Option<Loaded>,
}

impl Judged {
    pub fn files(&self) -> Vec<&SourceFile> {
        let mut files: Vec<&SourceFile> = self.files.iter().collect();
        if let Some(checked) = &self.checked {
            files.extend(checked.loaded.sources());
        }
        if let Some(loaded) = &self.loaded_with_errors {
            files.extend(loaded.sources());
        }
        files
    }
}

/// Checks what loading an input produced, with last period's input beside it.
pub fn judge(
    path: &Path,
    outcome: Outcome,
    options: &CheckOptions,
    final_document: bool,
) -> Result<Judged, Error> {
    let loaded = match outcome {
        Outcome::Invalid(files, diagnostics) => {
            return Ok(Judged {
                diagnostics,
                files,
                checked: None,
                loaded_with_errors: None,
            });
        }
        Outcome::Loaded(loaded) => *loaded,
    };
    let mut diagnostics = Vec::new();
    let previous = match carry::previous_path(path, &loaded.report, options.previous.as_deref()) {
        None => None,
        Some(previous_path) => match load::load(&previous_path, options.lang)? {
            // Found beside this input, another office's report is not last period's.
            Outcome::Loaded(previous)
                if options.previous.is_none()
                    && previous.report.meta.organisation.value.trim()
                        != loaded.report.meta.organisation.value.trim() =>
            {
                None
            }
            Outcome::Loaded(previous) => Some(*previous),
            Outcome::Invalid(..) => {
                let d = Diagnostic::warning(
                    Code::PlanNotFulfilled,
                    "last period's input has errors: its plans are not checked",
                )
                .in_file(&previous_path)
                .hint(format!("run `nianbao check {}`", previous_path.display()));
                diagnostics.push(d);
                None
            }
        },
    };
    let facts = Facts::derive(&loaded.report, previous.as_ref().map(|p| &p.report));
    let validate_options = validate::Options {
        lang: options.lang,
        deny_warnings: options.deny.contains(&Deny::Warnings),
        final_document,
    };
    diagnostics.extend(validate::validate(
        &loaded,
        &facts,
        previous.as_ref(),
        validate_options,
    ));
    let files = previous.map(|p| p.files).unwrap_or_default();
    let (checked, loaded_with_errors) = if diagnostics.iter().any(Diagnostic::is_error) {
        (None, Some(loaded))
    } else {
        (Some(Checked { loaded, facts }), None)
    };
    Ok(Judged {
        diagnostics,
        files,
        checked,
        loaded_with_errors,
    })
}

/// Loads the fonts of the run once. A font that cannot be used is printed as
/// E0402 and stops the run (exit 2).
pub fn load_fonts(args: &FontArgs) -> Result<FontSet, Error> {
    FontSet::load(&FontOptions {
        font_paths: args.font_paths.clone(),
        system_fonts: !args.no_system_fonts,
    })
    .map_err(|d| {
        eprint!("{}", diag::render(&d, &[]));
        Error::Reported
    })
}

/// The user's style files when the templates folder has them, else the built-in ones.
pub fn load_styles(templates_dir: Option<&Path>) -> Result<Styles, Error> {
    let mut styles = Styles::builtin();
    for (name, style) in [
        (STYLE_NAME, &mut styles.zh),
        (STYLE_NAME_EN, &mut styles.en),
    ] {
        if let Some(path) = templates_dir.map(|d| d.join(name)).filter(|p| p.exists()) {
            style.text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, "read", e))?;
            style.path = Some(path);
        }
    }
    Ok(styles)
}

/// The templates of the run; a broken one is reported as an error.
/// A templates folder that does not exist is a usage error (exit 2).
pub fn load_templates(dir: Option<&Path>, reporter: &mut Reporter) -> Result<Templates, Error> {
    if let Some(dir) = dir.filter(|d| !d.is_dir()) {
        return Err(Error::Usage(format!(
            "the templates folder `{}` does not exist",
            dir.display()
        )));
    }
    Templates::load(dir).map_err(|d| {
        reporter.report(&d, &[]);
        Error::InvalidInput { errors: 1 }
    })
}

/// Writes the document of `input` as a folder that typst-cli compiles, with
/// the carried fonts only (see `typeset::typst_project`): for comparing with
/// typst-cli in benches/batch.py.
pub fn write_typst_project(input: &Path, out: &Path) -> Result<(), Error> {
    let mut reporter = Reporter::default();
    let options = CheckOptions {
        lang: None,
        deny: Vec::new(),
        previous: None,
    };
    let Some(checked) = load_checked(input, &mut reporter, &options, false)? else {
        return reporter.finish(1);
    };
    let templates = load_templates(None, &mut reporter)?;
    let fonts = load_fonts(&crate::cli::FontArgs {
        font_paths: Vec::new(),
        no_system_fonts: true,
    })?;
    let styles = Styles::builtin();
    let setup = crate::pipeline::PdfSetup {
        fonts: &fonts,
        styles: &styles,
        archival: false,
    };
    let kind = crate::view::Kind::default();
    let files =
        crate::pipeline::typst_project(&checked.loaded, &checked.facts, &templates, kind, &setup)
            .map_err(|d| {
            reporter.report(&d, &[]);
            Error::Reported
        })?;
    crate::output::ensure_dir(out)?;
    for (name, text) in files {
        crate::output::write_atomic(&out.join(name), text.as_bytes())?;
    }
    Ok(())
}
