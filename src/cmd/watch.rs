//! `nianbao watch`: `build`, then `build` of an input again whenever one of its
//! files changes (notify, debounced). A build with errors writes nothing, so
//! the last good output stays.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify_debouncer_mini::new_debouncer;

use crate::cli::BuildArgs;
use crate::cmd::{build, engine};
use crate::error::Error;
use crate::locale::tr;
use crate::model::Lang;

pub fn run(args: &BuildArgs) -> Result<(), Error> {
    let inputs: Vec<PathBuf> = args
        .inputs
        .iter()
        .map(|p| p.canonicalize().map_err(|e| Error::io(p, "open", e)))
        .collect::<Result<_, _>>()?;
    // The language of the first input (or --lang's), as its build speaks.
    let lang =
        engine(args.templates.as_deref(), &args.fonts, &args.options)?.language_of(&inputs[0]);
    report(build::run(args), lang);

    let (sender, events) = mpsc::channel();
    let mut debouncer = new_debouncer(Duration::from_millis(200), sender)
        .map_err(|e| Error::Usage(tr!(lang, "cannot-watch", path = ".", error = e)))?;
    for input in &inputs {
        // A file's folder is watched (editors replace a file by renaming a new
        // one over it); a folder input is watched itself.
        let folder = if input.is_dir() {
            input.as_path()
        } else {
            input.parent().unwrap_or(Path::new("."))
        };
        debouncer
            .watcher()
            .watch(folder, notify::RecursiveMode::NonRecursive)
            .map_err(|e| {
                Error::Usage(tr!(
                    lang,
                    "cannot-watch",
                    path = folder.display(),
                    error = e
                ))
            })?;
    }
    eprintln!("{}", tr!(lang, "watching", count = inputs.len()));
    for batch in events {
        let Ok(batch) = batch else { continue };
        let changed: Vec<PathBuf> = inputs
            .iter()
            .zip(&args.inputs)
            .filter(|(input, _)| batch.iter().any(|e| touches(input, &e.path)))
            .map(|(_, given)| given.clone())
            .collect();
        if changed.is_empty() {
            continue;
        }
        let again = BuildArgs {
            inputs: changed,
            ..args.clone()
        };
        report(build::run(&again), lang);
    }
    Ok(())
}

/// Whether a changed path belongs to an input: the file itself, or a YAML file
/// of a folder input.
fn touches(input: &Path, changed: &Path) -> bool {
    if input.is_dir() {
        changed.parent() == Some(input)
            && changed
                .extension()
                .is_some_and(|e| e == "yaml" || e == "yml")
    } else {
        changed == input
    }
}

/// A build's outcome: errors in the input were printed as diagnostics; other
/// failures are printed here, and watching goes on.
fn report(result: Result<(), Error>, lang: Lang) {
    match result {
        Ok(()) => {}
        Err(Error::InvalidInput { .. } | Error::Reported) => {
            eprintln!("{}", tr!(lang, "watch-kept"))
        }
        Err(e) => eprintln!("{}", e.line()),
    }
}
