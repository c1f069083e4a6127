//! `nianbao build`: validate, render and write the documents.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::cli::{BuildArgs, Format};
use crate::cmd::{Reporter, load_checked, load_fonts, load_styles, load_templates};
use crate::error::Error;
use crate::output::{Staged, ensure_dir};
use crate::pipeline::{self, PdfSetup};

pub fn run(args: &BuildArgs) -> Result<(), Error> {
    let mut reporter = Reporter::default();
    let templates = load_templates(args.templates.as_deref(), &mut reporter)?;
    let wants_pdf = args.format.contains(&Format::Pdf);
    let fonts = wants_pdf.then(|| load_fonts(&args.fonts)).transpose()?;
    let styles = load_styles(args.templates.as_deref())?;
    let setup = fonts.as_ref().map(|fonts| PdfSetup {
        fonts,
        styles: &styles,
        archival: false,
    });

    // Make every document first: one bad input means nothing is written.
    let mut outputs: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    for input in &args.inputs {
        let started = Instant::now();
        let Some(input_checked) = load_checked(input, &mut reporter, &args.options, false)? else {
            continue;
        };
        let checked = started.elapsed();
        let (loaded, facts) = (&input_checked.loaded, &input_checked.facts);
        let docx = args
            .format
            .contains(&Format::Docx)
            .then_some(args.docx_fonts);
        let made = pipeline::make(loaded, facts, &templates, args.kind, setup.as_ref(), docx);
        let document = match made {
            Ok(document) => document,
            Err(failed) => {
                let mut files = loaded.sources();
                files.extend(failed.files.iter());
                reporter.report_all(&failed.diagnostics, &files);
                continue;
            }
        };
        if args.timings {
            let t = document.typeset_timings;
            eprintln!(
                "{}: load+validate {:.1} ms, markdown {:.1} ms, typst markup {:.1} ms, compile {:.1} ms, pdf export {:.1} ms, docx {:.1} ms",
                input.display(),
                ms(checked),
                ms(document.render_time),
                ms(t.markup),
                ms(t.compile),
                ms(t.export),
                ms(document.docx_time)
            );
        }
        if args.format.contains(&Format::Md) {
            outputs.push((
                output_path(&args.output, input, "md")?,
                document.markdown.into_bytes(),
            ));
        }
        if let Some(pdf) = document.pdf {
            outputs.push((output_path(&args.output, input, "pdf")?, pdf));
        }
        if let Some(docx) = document.docx {
            outputs.push((output_path(&args.output, input, "docx")?, docx));
        }
    }
    reporter.finish(args.inputs.len())?;
    // Every output is written in full before any takes the place of an
    // earlier one: a failure leaves all earlier outputs as they were.
    ensure_dir(&args.output)?;
    let mut staged = Staged::default();
    for (path, bytes) in &outputs {
        staged.add(path, bytes)?;
    }
    for path in staged.commit()? {
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// `DIR/<input stem>.<ext>`.
fn output_path(dir: &Path, input: &Path, ext: &str) -> Result<PathBuf, Error> {
    let stem = input
        .file_stem()
        .ok_or_else(|| Error::Usage(format!("`{}` has no file name", input.display())))?;
    let mut name = stem.to_os_string();
    name.push(format!(".{ext}"));
    Ok(dir.join(name))
}
