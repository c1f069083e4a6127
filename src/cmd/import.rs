//! `nianbao import`: last year's document into a YAML input.

use crate::cli::ImportArgs;
use crate::cmd::Reporter;
use crate::diag::{Code, Diagnostic, SourceFile, Span};
use crate::error::Error;
use crate::import;
use crate::output::write_atomic;

pub fn run(args: &ImportArgs) -> Result<(), Error> {
    let bytes = crate::source::read_bounded(&args.file, crate::load::MAX_INPUT_BYTES)
        .map_err(|e| Error::io(&args.file, "read", e))?
        .ok_or_else(|| {
            Error::Usage(format!(
                "`{}` is larger than {} MB, more than any year's report; nianbao imports documents up to that size",
                args.file.display(),
                crate::load::MAX_INPUT_BYTES / 1_000_000
            ))
        })?;
    let (text, encoding) = import::decode(&bytes)
        .map_err(|e| Error::Usage(format!("`{}`: {e}", args.file.display())))?;
    if args.output.exists() && !args.force {
        return Err(Error::Usage(format!(
            "`{}` exists; nianbao does not overwrite it (add --force to replace it)",
            args.output.display()
        )));
    }
    let markdown = args
        .file
        .extension()
        .is_some_and(|e| e == "md" || e == "markdown");
    let imported = import::import(&text, markdown);
    if imported.yaml.is_empty() {
        return Err(Error::Usage(format!(
            "`{}` holds no text; nothing was written",
            args.file.display()
        )));
    }
    let source = SourceFile::new(args.file.clone(), text);
    let mut reporter = Reporter::default();
    for (line, message) in &imported.warnings {
        let d = Diagnostic::warning(Code::Import, message.clone());
        let d = match source.position(*line, 1) {
            Some(at) if *line > 0 => {
                let end = source.text[source.local(at)..]
                    .find(['\n', '\r'])
                    .map_or(source.base + source.text.len(), |n| at + n);
                d.at(Span::new(at, end.max(at + 1)))
            }
            _ => d.in_file(&args.file),
        };
        reporter.report(&d.hint("check this place in the YAML written"), &[&source]);
    }
    write_atomic(&args.output, imported.yaml.as_bytes())?;
    eprintln!("wrote {} (read as {encoding})", args.output.display());
    Ok(())
}
