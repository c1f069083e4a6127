//! One file per subcommand, each a thin client of the [`Engine`]: it turns
//! its arguments into the engine's setup, prints what the engine reports and
//! writes what it makes. What they share is here: printing diagnostics, and
//! checking an input while printing them.

pub mod archive;
pub mod build;
pub mod check;
pub mod explain;
pub mod fonts;
pub mod import;
pub mod new;
pub mod next;
pub mod rollup;
pub mod serve;
pub mod shell;
pub mod watch;

use std::path::Path;

use crate::cli::{CheckOptions, Deny, FontArgs};
use crate::diag::{self, Diagnostic, SourceFile};
use crate::engine::{Checked, Checking, Engine, Failed, Setup};
use crate::error::Error;
use crate::locale::{tr, user_lang};
use crate::model::Lang;
use crate::typeset::{FontOptions, FontSet};

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
    /// The language of the run's own lines: `--lang`'s, else the first
    /// document's; None: the user's.
    lang: Option<Lang>,
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
        self.lang = self.lang.or(other.lang);
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

    /// Speaks `lang` from now on, unless a language was chosen already.
    pub fn speak(&mut self, lang: Lang) {
        self.lang.get_or_insert(lang);
    }

    /// The language of the run's own lines.
    pub fn lang(&self) -> Lang {
        self.lang.unwrap_or_else(user_lang)
    }

    /// The closing line: how many errors and warnings, or nothing when clean.
    pub fn finish(&mut self, files: usize) -> Result<(), Error> {
        if let Some(collected) = self.json.take() {
            println!(
                "{}",
                diag::json_document(collected, self.errors, self.warnings)
            );
        } else if self.errors + self.warnings > 0 {
            eprintln!(
                "{}",
                tr!(
                    self.lang(),
                    "run-summary",
                    files = files,
                    errors = self.errors,
                    warnings = self.warnings
                )
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

/// The engine of a run, from the command line's options.
pub fn engine(
    templates: Option<&Path>,
    fonts: &FontArgs,
    checking: &CheckOptions,
) -> Result<Engine, Error> {
    Engine::new(Setup {
        templates: templates.map(Path::to_path_buf),
        fonts: FontOptions {
            font_paths: fonts.font_paths.clone(),
            system_fonts: !fonts.no_system_fonts,
        },
        checking: Checking {
            lang: checking.lang,
            deny_warnings: checking.deny.contains(&Deny::Warnings),
            previous: checking.previous.clone(),
        },
    })
}

/// Makes the engine read its templates (and, with `fonts`, its fonts) now,
/// before any input: a broken template is reported as an error (exit 1), a
/// font folder that cannot be used as E0402 (exit 2).
pub fn ready(engine: &Engine, reporter: &mut Reporter, fonts: bool) -> Result<(), Error> {
    if let Err(d) = engine.templates() {
        reporter.report(d, &[]);
        return Err(Error::InvalidInput { errors: 1 });
    }
    if fonts {
        fonts_of(engine)?;
    }
    Ok(())
}

/// The engine's fonts; a font folder that cannot be used is printed as E0402
/// and stops the run (exit 2).
pub fn fonts_of(engine: &Engine) -> Result<&FontSet, Error> {
    engine.fonts().map_err(|d| {
        eprint!("{}", diag::render(d, &[]));
        Error::Reported
    })
}

/// Loads and checks one input, printing its diagnostics. Returns the input
/// when it has no errors. `final_document`: for the archive, where what is
/// unfinished is an error.
pub fn check_input(
    engine: &Engine,
    path: &Path,
    reporter: &mut Reporter,
    final_document: bool,
) -> Result<Option<Checked>, Error> {
    let judged = engine.judge_file(path, final_document)?;
    if let Some(lang) = engine.setup().checking.lang {
        reporter.speak(lang);
    } else if let Some(loaded) = judged.loaded() {
        reporter.speak(loaded.report.meta.language());
    }
    reporter.report_all(&judged.diagnostics, &judged.files());
    Ok(judged.into_clean())
}

/// Prints why a document could not be made, with the input's texts.
pub fn report_failed(reporter: &mut Reporter, failed: &Failed, checked: &Checked) {
    let mut files = checked.loaded.sources();
    files.extend(failed.files.iter());
    reporter.report_all(&failed.diagnostics, &files);
}

/// Writes the document of `input` as a folder that typst-cli compiles, with
/// the carried fonts only (see `typeset::typst_project`): for comparing with
/// typst-cli in benches/batch.py.
pub fn write_typst_project(input: &Path, out: &Path) -> Result<(), Error> {
    let mut reporter = Reporter::default();
    let engine = Engine::new(Setup::default())?;
    let Some(checked) = check_input(&engine, input, &mut reporter, false)? else {
        return reporter.finish(1);
    };
    let files = engine
        .typst_project(&checked, crate::view::Kind::default())
        .map_err(|failed| {
            report_failed(&mut reporter, &failed, &checked);
            Error::Reported
        })?;
    crate::output::ensure_dir(out)?;
    for (name, text) in files {
        crate::output::write_atomic(&out.join(name), text.as_bytes())?;
    }
    Ok(())
}

/// `a`, `a 和 b`, `a、b 和 c` / `a`, `a and b`, `a, b and c`.
pub fn list(lang: Lang, items: &[String]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => tr!(
            lang,
            "list-and",
            rest = rest.join(&tr!(lang, "list-separator")),
            last = last
        ),
    }
}

/// Refuses to write over `path` without `--force`.
pub fn refuse_existing(path: &Path, force: bool, lang: Lang) -> Result<(), Error> {
    if path.exists() && !force {
        return Err(Error::Usage(tr!(
            lang,
            "exists-no-force",
            path = path.display()
        )));
    }
    Ok(())
}
