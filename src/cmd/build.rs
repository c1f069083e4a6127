//! `nianbao build`: validate, render and write the documents.

use std::path::{Path, PathBuf};

use crate::cli::BuildArgs;
use crate::cmd::{Reporter, load_checked};
use crate::error::Error;
use crate::output::{ensure_dir, write_atomic};
use crate::render::{Templates, View};

pub fn run(args: &BuildArgs) -> Result<(), Error> {
    let mut reporter = Reporter::default();
    let templates = match Templates::load(args.templates.as_deref()) {
        Ok(t) => t,
        Err(d) => {
            reporter.report(&d, None);
            return reporter.finish(0);
        }
    };
    // Check everything first: one bad input means nothing is written.
    let mut documents = Vec::new();
    for input in &args.inputs {
        if let Some(loaded) = load_checked(input, &mut reporter)? {
            match templates.render(&View::new(&loaded.report), args.templates.as_deref()) {
                Ok(markdown) => documents.push((input.clone(), markdown)),
                Err(d) => reporter.report(&d, None),
            }
        }
    }
    reporter.finish(args.inputs.len())?;
    ensure_dir(&args.output)?;
    for (input, markdown) in documents {
        let path = output_path(&args.output, &input, "md")?;
        write_atomic(&path, markdown.as_bytes())?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
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
