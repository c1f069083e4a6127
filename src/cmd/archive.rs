//! `nianbao archive`: final documents as PDF/A-2b in an OCFL storage root;
//! `archive verify`, `archive list`, `archive migrate`.

use std::path::Path;

use crate::archive::{self, Existing, NewDocument};
use crate::cli::{ArchiveAction, ArchiveArgs};
use crate::cmd::{Reporter, check_input, engine, ready, report_failed};
use crate::engine::{Checked, Document, Pdf};
use crate::error::Error;
use crate::load::Loaded;
use crate::locale::{tr, user_lang};
use crate::model::Lang;
use crate::view;

pub fn run(args: &ArchiveArgs) -> Result<(), Error> {
    match &args.action {
        Some(ArchiveAction::Verify { dir }) => verify(dir),
        Some(ArchiveAction::List { dir }) => {
            let (listed, problems) = archive::list(dir)?;
            print!("{}", archive::table(&listed));
            if !problems.is_empty() {
                eprintln!(
                    "{}",
                    tr!(
                        user_lang(),
                        "archive-list-problems",
                        count = problems.len(),
                        dir = dir.display()
                    )
                );
            }
            Ok(())
        }
        Some(ArchiveAction::Migrate { dir }) => {
            let (documents, versions) = archive::migrate(dir)?;
            println!(
                "{}",
                tr!(
                    user_lang(),
                    "archive-migrated",
                    documents = documents,
                    versions = versions,
                    dir = dir.display()
                )
            );
            Ok(())
        }
        None => store(args),
    }
}

fn store(args: &ArchiveArgs) -> Result<(), Error> {
    let mut reporter = Reporter::default();
    let engine = engine(args.templates.as_deref(), &args.fonts, &args.options)?;
    ready(&engine, &mut reporter, true)?;
    // Everything is checked before anything is typeset, and made before
    // anything is written.
    let mut checked: Vec<Checked> = Vec::new();
    for input in &args.inputs {
        if let Some(input) = check_input(&engine, input, &mut reporter, true)? {
            checked.push(input);
        }
    }
    reporter.finish(args.inputs.len())?;
    // Where each document goes is decided, and checked, before typesetting.
    if args.dir.join(archive::MANIFEST).exists() {
        return Err(archive::needs_migration(&args.dir));
    }
    for input in &checked {
        let (year, org, kind) = identity(&input.loaded, args.kind);
        if archive::versions_of(&args.dir, year, org, kind)?.is_some() && !args.replace {
            return Err(already_archived(
                &args.dir.join(archive::object_path(year, org, kind)),
                reporter.lang(),
            ));
        }
    }
    let mut made: Vec<(Loaded, Document)> = Vec::new();
    for input in checked {
        let docx = args.docx.then_some(args.docx_fonts);
        match engine.make(&input, args.kind, Some(Pdf::Archival), docx) {
            Ok(document) => made.push((input.loaded, document)),
            Err(failed) => report_failed(&mut reporter, &failed, &input),
        }
    }
    if made.len() < args.inputs.len() {
        reporter.finish(args.inputs.len())?;
    }
    let writer = archive::Writer::open(&args.dir)?;
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
            title: &view::sent_title(&loaded.report, args.kind),
            pdf: document.pdf.as_deref().unwrap_or_default(),
            markdown: &document.markdown,
            docx: document.docx.as_deref(),
            inputs,
        };
        match writer.store(&new, args.replace)? {
            Ok(stored) => eprintln!(
                "{}",
                tr!(
                    reporter.lang(),
                    "archive-stored",
                    path = stored.pdf.display(),
                    version = stored.version,
                    sha512 = stored.pdf_sha512
                )
            ),
            Err(Existing(path)) => return Err(already_archived(&path, reporter.lang())),
        }
    }
    Ok(())
}

fn already_archived(path: &Path, lang: Lang) -> Error {
    Error::Refused(format!(
        "{}\n  = help: {}",
        tr!(lang, "archive-exists", path = path.display()),
        tr!(lang, "archive-exists.hint")
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
    let verified = archive::verify(dir)?;
    for problem in &verified.problems {
        println!("{problem}");
    }
    if verified.problems.is_empty() {
        println!(
            "{}",
            tr!(
                user_lang(),
                "archive-verified",
                documents = verified.documents,
                versions = verified.versions,
                files = verified.files,
                dir = dir.display()
            )
        );
        Ok(())
    } else {
        Err(Error::Refused(tr!(
            user_lang(),
            "archive-not-verified",
            dir = dir.display(),
            count = verified.problems.len()
        )))
    }
}
