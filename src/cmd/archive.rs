//! `nianbao archive`: final documents as PDF/A-2b; `archive verify`, `archive list`.

use std::path::Path;

use crate::archive::{self, Existing, Manifest, NewDocument};
use crate::cli::{ArchiveAction, ArchiveArgs};
use crate::cmd::{
    Reporter, check_previous, load_fonts, load_styles, load_templates, validate_options,
};
use crate::diag::{Code, Diagnostic, Severity};
use crate::error::Error;
use crate::load::{self, Loaded, Outcome};
use crate::model::Lang;
use crate::pipeline::{self, Document, PdfSetup};
use crate::validate;
use crate::view;

pub fn run(args: &ArchiveArgs) -> Result<(), Error> {
    match &args.action {
        Some(ArchiveAction::Verify { dir }) => verify(dir),
        Some(ArchiveAction::List { dir }) => {
            if !dir.join(archive::MANIFEST).exists() {
                return Err(Error::Usage(format!(
                    "`{}` holds no archive",
                    dir.display()
                )));
            }
            print!("{}", archive::table(&Manifest::load(dir)?));
            Ok(())
        }
        None => store(args),
    }
}

fn store(args: &ArchiveArgs) -> Result<(), Error> {
    let mut reporter = Reporter::default();
    let templates = load_templates(args.templates.as_deref(), &mut reporter)?;
    let fonts = load_fonts(&args.fonts)?;
    let styles = load_styles(args.templates.as_deref())?;
    let setup = PdfSetup {
        fonts: &fonts,
        styles: &styles,
        archival: true,
    };
    // Everything is checked and made before anything is written.
    let mut made: Vec<(Loaded, Document)> = Vec::new();
    for input in &args.inputs {
        let Some(mut loaded) = load_final(input, &mut reporter, validate_options(&args.options))?
        else {
            continue;
        };
        check_previous(&mut loaded, input, &mut reporter, &args.options)?;
        match pipeline::make(&loaded, &templates, args.kind, Some(&setup)) {
            Ok(document) => made.push((loaded, document)),
            Err(diagnostics) => reporter.report_all(&diagnostics, &loaded.source),
        }
    }
    reporter.finish(args.inputs.len())?;

    let manifest = Manifest::load(&args.dir)?;
    if !args.replace {
        for (loaded, _) in &made {
            let (year, org, kind) = identity(loaded, args.kind);
            let path = args
                .dir
                .join(format!("{}.pdf", archive::stem(year, org, kind)));
            if manifest.current(year, org, kind).is_some() || path.exists() {
                return Err(already_archived(&path));
            }
        }
    }
    for (loaded, document) in &made {
        let (year, organisation, kind) = identity(loaded, args.kind);
        // A folder input is archived as its files.
        let files: Vec<&Path> = if loaded.source.segments.is_empty() {
            vec![loaded.source.path.as_path()]
        } else {
            loaded
                .source
                .segments
                .iter()
                .map(|(_, f)| f.path.as_path())
                .collect()
        };
        let mut inputs = Vec::new();
        for file in files {
            let bytes = std::fs::read(file).map_err(|e| Error::io(file, "read", e))?;
            inputs.push((file.to_path_buf(), bytes));
        }
        let new = NewDocument {
            year,
            organisation,
            kind,
            date: loaded.report.meta.date.value.trim(),
            title: &view::title(&loaded.report, args.kind),
            pdf: document.pdf.as_deref().unwrap_or_default(),
            markdown: &document.markdown,
            inputs,
        };
        match archive::store(&args.dir, &new, args.replace)? {
            Ok(entry) => eprintln!(
                "archived {} (version {}, sha256 {})",
                args.dir.join(&entry.pdf.path).display(),
                entry.version,
                entry.pdf.sha256
            ),
            Err(Existing(path)) => return Err(already_archived(&path)),
        }
    }
    Ok(())
}

fn already_archived(path: &Path) -> Error {
    Error::Refused(format!(
        "`{}` is archived already and is never overwritten\n  = help: to archive a corrected document, add --replace: the earlier one is kept as a numbered version",
        path.display()
    ))
}

/// The organisation, year and kind that name an archived document.
fn identity(loaded: &Loaded, kind: view::Kind) -> (i32, &str, &'static str) {
    let report = &loaded.report;
    let kind = match kind {
        view::Kind::Combined if report.plans.is_none() => "summary",
        kind => kind.as_str(),
    };
    (
        report.meta.year.value,
        report.meta.organisation.value.as_str(),
        kind,
    )
}

/// Loads and validates an input for the archive, where what is unfinished
/// (placeholders, counts without values) is an error, not a warning.
fn load_final(
    path: &Path,
    reporter: &mut Reporter,
    options: validate::Options,
) -> Result<Option<Loaded>, Error> {
    let loaded = match load::load(path)? {
        Outcome::Invalid(source, diagnostics) => {
            reporter.report_all(&diagnostics, &source);
            return Ok(None);
        }
        Outcome::Loaded(loaded) => *loaded,
    };
    let lang = options
        .lang
        .or(loaded.report.meta.lang.as_ref().map(|l| l.value))
        .unwrap_or_default();
    let prefix = match lang {
        Lang::Zh => "未定稿，不能归档：",
        Lang::En => "unfinished for the archive: ",
    };
    let diagnostics: Vec<Diagnostic> = validate::validate_with(&loaded, options)
        .into_iter()
        .map(|mut d| {
            if matches!(d.code, Code::Placeholder | Code::CountWithoutValue) {
                d.severity = Severity::Error;
                d.message = format!("{prefix}{}", d.message);
            }
            d
        })
        .collect();
    reporter.report_all(&diagnostics, &loaded.source);
    Ok((!diagnostics.iter().any(Diagnostic::is_error)).then_some(loaded))
}

fn verify(dir: &Path) -> Result<(), Error> {
    let (checked, problems) = archive::verify(dir)?;
    for problem in &problems {
        println!("{problem}");
    }
    if problems.is_empty() {
        println!(
            "{checked} files verified in {}: all match the manifest",
            dir.display()
        );
        Ok(())
    } else {
        Err(Error::Refused(format!(
            "the archive in `{}` does not verify: {} problem{}",
            dir.display(),
            problems.len(),
            if problems.len() == 1 { "" } else { "s" }
        )))
    }
}
