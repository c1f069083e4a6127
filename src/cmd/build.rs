//! `nianbao build`: validate, render and write the documents. Every input is
//! checked first; then the documents are made on all cores (rayon) and each
//! input's outputs are written as soon as they are ready, so memory stays flat
//! however many inputs there are.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::cli::{BuildArgs, Format};
use crate::cmd::{Checked, Reporter, load_checked, load_fonts, load_styles, load_templates};
use crate::diag::SourceFile;
use crate::error::Error;
use crate::output::{Staged, ensure_dir};
use crate::pipeline::{self, Failed, PdfSetup};
use crate::render::Templates;

/// What every input shares while its document is made.
struct Shared<'a> {
    args: &'a BuildArgs,
    templates: &'a Templates,
    setup: Option<&'a PdfSetup<'a>>,
    progress: &'a ProgressBar,
}

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

    // Check every input first: with errors in one, nothing is written, unless
    // --keep-going makes the others.
    let mut checked: Vec<(&Path, Checked, Duration)> = Vec::new();
    let mut failed: Vec<&Path> = Vec::new();
    for input in &args.inputs {
        let started = Instant::now();
        match load_checked(input, &mut reporter, &args.options, false)? {
            Some(input_checked) => checked.push((input, input_checked, started.elapsed())),
            None => failed.push(input),
        }
    }
    if !failed.is_empty() && !args.keep_going {
        return reporter.finish(args.inputs.len());
    }
    ensure_dir(&args.output)?;

    let progress = progress_bar(checked.len());
    let shared = Shared {
        args,
        templates: &templates,
        setup: setup.as_ref(),
        progress: &progress,
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.map_or(0, usize::from))
        .build()
        .map_err(|e| Error::Usage(format!("cannot start the worker threads: {e}")))?;
    let results: Vec<Result<Vec<PathBuf>, Failure>> = pool.install(|| {
        checked
            .par_iter()
            .map(|(input, input_checked, checked_in)| {
                let result = make_and_write(&shared, input, input_checked, *checked_in);
                shared.progress.inc(1);
                result
            })
            .collect()
    });
    progress.finish_and_clear();

    let mut first_error = None;
    for ((input, input_checked, _), result) in checked.iter().zip(results) {
        match result {
            Ok(written) => {
                for path in written {
                    eprintln!("wrote {}", path.display());
                }
            }
            Err(Failure::Document(made)) => {
                let mut files: Vec<&SourceFile> = input_checked.loaded.sources();
                files.extend(made.files.iter());
                reporter.report_all(&made.diagnostics, &files);
                failed.push(input);
            }
            Err(Failure::Write(e)) => {
                failed.push(input);
                first_error.get_or_insert(e);
            }
        }
    }
    if args.keep_going && !failed.is_empty() {
        let names: Vec<String> = failed.iter().map(|p| p.display().to_string()).collect();
        eprintln!(
            "not built ({} of {}): {}",
            failed.len(),
            args.inputs.len(),
            names.join(", ")
        );
    }
    if let Some(e) = first_error {
        reporter.finish(args.inputs.len()).ok();
        return Err(e);
    }
    reporter.finish(args.inputs.len())
}

/// Why an input's outputs were not written.
enum Failure {
    Document(Failed),
    Write(Error),
}

/// Makes one input's documents and writes them: all of its outputs in full
/// before any takes the place of an earlier one.
fn make_and_write(
    shared: &Shared,
    input: &Path,
    checked: &Checked,
    checked_in: Duration,
) -> Result<Vec<PathBuf>, Failure> {
    let args = shared.args;
    shared.progress.set_message(input.display().to_string());
    let (loaded, facts) = (&checked.loaded, &checked.facts);
    let docx = args
        .format
        .contains(&Format::Docx)
        .then_some(args.docx_fonts);
    let document = pipeline::make(
        loaded,
        facts,
        shared.templates,
        args.kind,
        shared.setup,
        docx,
    )
    .map_err(Failure::Document)?;
    if args.timings {
        let t = document.typeset_timings;
        shared.progress.suspend(|| {
            eprintln!(
                "{}: load+validate {:.1} ms, markdown {:.1} ms, typst markup {:.1} ms, compile {:.1} ms, pdf export {:.1} ms, docx {:.1} ms",
                input.display(),
                ms(checked_in),
                ms(document.render_time),
                ms(t.markup),
                ms(t.compile),
                ms(t.export),
                ms(document.docx_time)
            )
        });
    }
    let mut outputs: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let path = |ext| output_path(&args.output, input, ext).map_err(Failure::Write);
    if args.format.contains(&Format::Md) {
        outputs.push((path("md")?, document.markdown.into_bytes()));
    }
    if let Some(pdf) = document.pdf {
        outputs.push((path("pdf")?, pdf));
    }
    if let Some(docx) = document.docx {
        outputs.push((path("docx")?, docx));
    }
    let mut staged = Staged::default();
    for (path, bytes) in &outputs {
        staged.add(path, bytes).map_err(Failure::Write)?;
    }
    staged.commit().map_err(Failure::Write)
}

/// done/total, rate, time left and the current file, on a terminal only, for
/// more than one input.
fn progress_bar(total: usize) -> ProgressBar {
    if total < 2 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
    let style =
        ProgressStyle::with_template("{bar:30} {pos}/{len} · {per_sec} · {eta} left · {wide_msg}")
            .expect("a valid template");
    bar.set_style(style);
    bar
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
