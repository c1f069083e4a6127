//! `nianbao archive`: final documents as PDF/A-2b; `archive verify`, `archive list`.

use std::path::Path;

use crate::archive::{self, Existing, Manifest, NewDocument};
use crate::cli::{ArchiveAction, ArchiveArgs};
use crate::cmd::{Checked, Reporter, load_checked, load_fonts, load_styles, load_templates};
use crate::error::Error;
use crate::load::Loaded;
use crate::pipeline::{self, Document, PdfSetup};
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
    // Everything is checked before anything is typeset, and made before
    // anything is written.
    let mut checked: Vec<Checked> = Vec::new();
    for input in &args.inputs {
        if let Some(input) = load_checked(input, &mut reporter, &args.options, true)? {
            checked.push(input);
        }
    }
    reporter.finish(args.inputs.len())?;
    let manifest = Manifest::load(&args.dir)?;
    if !args.replace {
        for input in &checked {
            let (year, org, kind) = identity(&input.loaded, args.kind);
            let path = args
                .dir
                .join(format!("{}.pdf", archive::stem(year, org, kind)));
            if manifest.current(year, org, kind).is_some() || path.exists() {
                return Err(already_archived(&path));
            }
        }
    }
    let mut made: Vec<(Loaded, Document)> = Vec::new();
    for input in checked {
        match pipeline::make(
            &input.loaded,
            &input.facts,
            &templates,
            args.kind,
            Some(&setup),
            args.docx.then_some(args.docx_fonts),
        ) {
            Ok(document) => made.push((input.loaded, document)),
            Err(failed) => {
                let mut files = input.loaded.sources();
                files.extend(failed.files.iter());
                reporter.report_all(&failed.diagnostics, &files);
            }
        }
    }
    reporter.finish(args.inputs.len())?;
    for (loaded, document) in &made {
        let (year, organisation, kind) = identity(loaded, args.kind);
        // A folder input is archived as its files.
        let files: Vec<&Path> = loaded.files.iter().map(|f| f.path.as_path()).collect();
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
            docx: document.docx.as_deref(),
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
        view::Kind::Combined if !report.has_plans() => "summary",
        kind => kind.as_str(),
    };
    (
        report.meta.year.value,
        report.meta.organisation.value.as_str(),
        kind,
    )
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
