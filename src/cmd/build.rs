//! `nianbao build`: validate, render and write the documents. Every input is
//! checked first; then the documents are made on all cores and each input's
//! outputs are written as soon as they are ready, so memory stays flat however
//! many inputs there are.
//!
//! The workers are plain threads taking the next input from a shared counter,
//! not a rayon pool: the PDF writer (krilla) waits for its font subsets with
//! `rayon::yield_now`, which on a rayon worker runs other queued jobs — there,
//! other inputs — inside the waiting one. Nested that way, every input of a
//! batch was in progress at once (memory grew with every input and nothing
//! was written until the last one was made). Outside a pool, krilla's work goes
//! to rayon's global pool and the wait simply blocks.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::cli::{BuildArgs, Format};
use crate::cmd::{Reporter, check_input, engine, list, ready, report_failed};
use crate::engine::{Checked, Engine, Failed, Pdf};
use crate::error::Error;
use crate::locale::tr;
use crate::model::Lang;
use crate::output::{Staged, ensure_dir};

/// What every input shares while its document is made.
struct Shared<'a> {
    args: &'a BuildArgs,
    engine: &'a Engine,
    progress: &'a ProgressBar,
}

pub fn run(args: &BuildArgs) -> Result<(), Error> {
    let engine = engine(args.templates.as_deref(), &args.fonts, &args.options)?;
    refuse_shared_outputs(args, &engine)?;
    let mut reporter = Reporter::default();
    ready(&engine, &mut reporter, args.format.contains(&Format::Pdf))?;

    // Check every input first, on all cores, reporting in the inputs' order:
    // with errors in one, nothing is written, unless --keep-going makes the
    // others. A batch keeps only the names of the clean inputs and loads each
    // again when its turn comes, so that its memory does not grow with the
    // number of inputs; a single input is kept as loaded.
    let single = args.inputs.len() == 1;
    let jobs = args.jobs.map_or_else(available_cores, usize::from);
    let checks = in_parallel(jobs, args.inputs.iter().collect(), |input: &PathBuf| {
        let mut buffered = reporter.buffered();
        let started = Instant::now();
        let result = check_input(&engine, input, &mut buffered, false)
            .map(|checked| checked.map(|c| single.then(|| (c, started.elapsed()))));
        (input, buffered, result)
    });
    let mut clean: Vec<Clean> = Vec::new();
    let mut failed: Vec<&Path> = Vec::new();
    // With --keep-going, an input that cannot be read (a link loop, a folder
    // without YAML) is reported and the others go on; the run then ends as
    // such a failure does (exit 2).
    let mut unreadable = false;
    for (input, buffered, result) in checks {
        reporter.absorb(buffered);
        match result {
            Ok(Some(kept)) => clean.push(Clean { input, kept }),
            Ok(None) => failed.push(input),
            Err(e) if args.keep_going => {
                eprintln!("{}", e.line());
                unreadable = true;
                failed.push(input);
            }
            Err(e) => return Err(e),
        }
    }
    if !failed.is_empty() && !args.keep_going {
        return reporter.finish(args.inputs.len());
    }
    ensure_dir(&args.output)?;

    let progress = progress_bar(clean.len());
    let shared = Shared {
        args,
        engine: &engine,
        progress: &progress,
    };
    let results = in_parallel(jobs, clean, |clean| {
        let input = clean.input;
        let result = make_and_write(&shared, clean);
        shared.progress.inc(1);
        (input, result)
    });
    progress.finish_and_clear();

    let mut first_error = None;
    for (input, result) in results {
        match result {
            Ok(written) => {
                for path in written {
                    eprintln!("{}", tr!(reporter.lang(), "wrote", path = path.display()));
                }
            }
            Err(Failure::Document(made, checked)) => {
                report_failed(&mut reporter, &made, &checked);
                failed.push(input);
            }
            Err(Failure::Changed) => {
                // Check it again here, where its diagnostics are printed.
                check_input(&engine, input, &mut reporter, false)?;
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
        let lang = reporter.lang();
        eprintln!(
            "{}",
            tr!(
                lang,
                "not-built",
                failed = failed.len(),
                total = args.inputs.len(),
                names = names.join(&tr!(lang, "list-separator"))
            )
        );
    }
    if let Some(e) = first_error {
        reporter.finish(args.inputs.len()).ok();
        return Err(e);
    }
    if unreadable {
        reporter.finish(args.inputs.len()).ok();
        return Err(Error::Reported);
    }
    reporter.finish(args.inputs.len())
}

/// Refuses, before anything is read or written, inputs that would write the
/// same files (`a/x.yaml` and `b/x.yaml` both make `x.md`): the later would
/// silently replace the earlier. Each group of them is named, in the
/// language of `--lang` or else of the first input of the group.
fn refuse_shared_outputs(args: &BuildArgs, engine: &Engine) -> Result<(), Error> {
    let mut groups: Vec<(&std::ffi::OsStr, Vec<&Path>)> = Vec::new();
    for input in &args.inputs {
        let Some(stem) = input.file_stem() else {
            continue; // refused with its own message when its outputs are named
        };
        match groups.iter_mut().find(|(s, _)| *s == stem) {
            Some((_, inputs)) => inputs.push(input),
            None => groups.push((stem, vec![input])),
        }
    }
    let shared: Vec<&(&std::ffi::OsStr, Vec<&Path>)> = groups
        .iter()
        .filter(|(_, inputs)| inputs.len() > 1)
        .collect();
    let Some((_, first)) = shared.first() else {
        return Ok(());
    };
    let lang = engine.language_of(first[0]);
    let mut lines = Vec::new();
    for (_, inputs) in &shared {
        let quoted: Vec<String> = inputs
            .iter()
            .map(|p| format!("`{}`", p.display()))
            .collect();
        let outputs: Vec<String> = [Format::Md, Format::Pdf, Format::Docx]
            .into_iter()
            .filter(|f| args.format.contains(f))
            .filter_map(|f| output_path(&args.output, inputs[0], extension(f), lang).ok())
            .map(|p| format!("`{}`", p.display()))
            .collect();
        lines.push(tr!(
            lang,
            "outputs-shared",
            inputs = list(lang, &quoted),
            count = inputs.len(),
            outputs = list(lang, &outputs)
        ));
    }
    lines.push(format!("  = help: {}", tr!(lang, "outputs-shared.hint")));
    Err(Error::Usage(lines.join("\n")))
}

fn extension(format: Format) -> &'static str {
    match format {
        Format::Md => "md",
        Format::Pdf => "pdf",
        Format::Docx => "docx",
    }
}

/// The cores this process may use (1 when that cannot be told).
fn available_cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// `make(item)` for every item on `jobs` threads, each taking the next item
/// when it is done with one; the results in the items' order.
fn in_parallel<T: Send, R: Send>(
    jobs: usize,
    items: Vec<T>,
    make: impl Fn(T) -> R + Sync,
) -> Vec<R> {
    let threads = jobs.clamp(1, items.len().max(1));
    let queue = Mutex::new(items.into_iter().enumerate());
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut made = Vec::new();
                    loop {
                        let next = queue.lock().unwrap_or_else(PoisonError::into_inner).next();
                        let Some((i, item)) = next else { break made };
                        made.push((i, make(item)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| match worker.join() {
                Ok(made) => made,
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

/// An input without errors, waiting for its documents to be made.
struct Clean<'a> {
    input: &'a Path,
    /// The input as checked, with how long that took; None: load it again.
    kept: Option<(Checked, Duration)>,
}

/// Why an input's outputs were not written.
enum Failure {
    /// Typesetting failed, with the input the diagnostics point into.
    Document(Failed, Box<Checked>),
    /// Loaded again, the input had errors it did not have when checked.
    Changed,
    Write(Error),
}

/// Makes one input's documents and writes them: all of its outputs in full
/// before any takes the place of an earlier one.
fn make_and_write(shared: &Shared, clean: Clean) -> Result<Vec<PathBuf>, Failure> {
    let args = shared.args;
    let input = clean.input;
    let (checked, checked_in) = match clean.kept {
        Some(kept) => kept,
        None => {
            let started = Instant::now();
            let mut silent = Reporter::silent();
            match check_input(shared.engine, input, &mut silent, false) {
                Ok(Some(checked)) => (checked, started.elapsed()),
                Ok(None) => return Err(Failure::Changed),
                Err(e) => return Err(Failure::Write(e)),
            }
        }
    };
    shared.progress.set_message(input.display().to_string());
    let lang = checked.loaded.report.meta.language();
    if !crate::view::shows_anything(&checked.loaded.report, args.kind) {
        return Err(Failure::Write(Error::Usage(tr!(
            lang,
            "build-kind-shows-nothing",
            input = input.display(),
            kind = args.kind.as_str()
        ))));
    }
    let pdf = args.format.contains(&Format::Pdf).then_some(Pdf::Ordinary);
    let docx = args
        .format
        .contains(&Format::Docx)
        .then_some(args.docx_fonts);
    let document = shared
        .engine
        .make(&checked, args.kind, pdf, docx)
        .map_err(|made| Failure::Document(made, Box::new(checked)))?;
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
    let path = |ext| output_path(&args.output, input, ext, lang).map_err(Failure::Write);
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
fn output_path(dir: &Path, input: &Path, ext: &str, lang: Lang) -> Result<PathBuf, Error> {
    let stem = input
        .file_stem()
        .ok_or_else(|| Error::Usage(tr!(lang, "no-file-name", path = input.display())))?;
    let mut name = stem.to_os_string();
    name.push(format!(".{ext}"));
    Ok(dir.join(name))
}
