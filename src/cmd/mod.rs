//! One file per subcommand; what they share is here: loading and checking an
//! input while printing its diagnostics.

pub mod archive;
pub mod build;
pub mod check;
pub mod fonts;
pub mod import;
pub mod next;

use std::path::Path;

use crate::carry;
use crate::cli::{CheckOptions, Deny, FontArgs};
use crate::diag::{self, Code, Diagnostic, SourceFile};
use crate::error::Error;
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
    json: Option<Vec<Diagnostic>>,
}

impl Reporter {
    /// A reporter that prints one JSON document on stdout at `finish`.
    pub fn json() -> Self {
        Reporter {
            json: Some(Vec::new()),
            ..Reporter::default()
        }
    }

    pub fn report(&mut self, diagnostic: &Diagnostic, source: Option<&SourceFile>) {
        let localised = source.map(|s| s.localise(diagnostic));
        let (diagnostic, source) = match &localised {
            Some((d, s)) => (d, Some(*s)),
            None => (diagnostic, None),
        };
        if diagnostic.is_error() {
            self.errors += 1;
        } else {
            self.warnings += 1;
        }
        match &mut self.json {
            Some(collected) => collected.push(diagnostic.clone()),
            None => eprintln!("{}", diag::render(diagnostic, source)),
        }
    }

    /// Reports diagnostics of one input; those located in it show its lines.
    pub fn report_all(&mut self, diagnostics: &[Diagnostic], source: &SourceFile) {
        for d in diagnostics {
            let own = d.file.as_deref() == Some(source.path.as_path());
            self.report(d, own.then_some(source));
        }
    }

    /// The closing line: how many errors and warnings, or nothing when clean.
    pub fn finish(&self, files: usize) -> Result<(), Error> {
        let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
        if let Some(collected) = &self.json {
            println!("{}", diag::to_json(collected, self.errors, self.warnings));
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

/// Loads and validates one input, printing its diagnostics. Returns the report
/// when it has no errors.
pub fn load_checked(
    path: &Path,
    reporter: &mut Reporter,
    options: &CheckOptions,
) -> Result<Option<Loaded>, Error> {
    let mut checked = load_validated(path, reporter, validate_options(options))?;
    if let Some(loaded) = checked.as_mut() {
        check_previous(loaded, path, reporter, options)?;
    }
    Ok(checked)
}

/// With last period's input: gives each count last period's value of the same
/// name, and warns for last period's plans that no section fulfils.
pub fn check_previous(
    loaded: &mut Loaded,
    path: &Path,
    reporter: &mut Reporter,
    options: &CheckOptions,
) -> Result<(), Error> {
    let Some(previous_path) =
        carry::previous_path(path, &loaded.report, options.previous.as_deref())
    else {
        return Ok(());
    };
    let previous = match load::load(&previous_path)? {
        Outcome::Loaded(previous) => previous,
        Outcome::Invalid(source, _) => {
            let d = Diagnostic::warning(
                Code::PlanNotFulfilled,
                "last period's input has errors: its plans are not checked",
            )
            .at(&source.path, None)
            .hint(format!("run `nianbao check {}`", source.path.display()));
            reporter.report(&d, None);
            return Ok(());
        }
    };
    for (name, count) in loaded.report.counts.0.iter_mut() {
        count.previous = previous
            .report
            .counts
            .get(&name.value)
            .and_then(|c| c.effective_value());
    }
    let lang = options
        .lang
        .or(loaded.report.meta.lang.as_ref().map(|l| l.value))
        .unwrap_or_default();
    for mut d in carry::check_fulfilment(loaded, &previous, lang) {
        if options.deny.contains(&Deny::Warnings) {
            d.severity = diag::Severity::Error;
        }
        let source = if d.file.as_deref() == Some(previous.source.path.as_path()) {
            &previous.source
        } else {
            &loaded.source
        };
        reporter.report(&d, Some(source));
    }
    Ok(())
}

/// Loads and validates one input, printing its diagnostics.
fn load_validated(
    path: &Path,
    reporter: &mut Reporter,
    options: validate::Options,
) -> Result<Option<Loaded>, Error> {
    match load::load(path)? {
        Outcome::Invalid(source, diagnostics) => {
            for d in &diagnostics {
                reporter.report(d, Some(&source));
            }
            Ok(None)
        }
        Outcome::Loaded(loaded) => {
            let diagnostics = validate::validate_with(&loaded, options);
            for d in &diagnostics {
                reporter.report(d, Some(&loaded.source));
            }
            Ok((!diagnostics.iter().any(Diagnostic::is_error)).then_some(*loaded))
        }
    }
}

/// Loads the fonts of the run once. A font problem is a usage error (exit 2).
pub fn load_fonts(args: &FontArgs) -> Result<FontSet, Error> {
    FontSet::load(&FontOptions {
        font_paths: args.font_paths.clone(),
        system_fonts: !args.no_system_fonts,
    })
    .map_err(|d| {
        let hints: Vec<String> = d.hints.iter().map(|h| format!("\n  = help: {h}")).collect();
        Error::Usage(format!("{}{}", d.message, hints.concat()))
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
        reporter.report(&d, None);
        Error::InvalidInput { errors: 1 }
    })
}

/// The validation options the command line asks for.
pub fn validate_options(args: &CheckOptions) -> validate::Options {
    validate::Options {
        lang: args.lang,
        deny_warnings: args.deny.contains(&Deny::Warnings),
    }
}
