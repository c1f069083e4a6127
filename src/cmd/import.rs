//! `nianbao import`: last year's document into a YAML input.

use crate::cli::ImportArgs;
use crate::cmd::{Reporter, refuse_existing};
use crate::diag::{Code, Diagnostic, SourceFile, Span};
use crate::error::Error;
use crate::import;
use crate::import::found::{Read, found, read_file};
use crate::locale::tr;
use crate::output::write_atomic;

pub fn run(args: &ImportArgs) -> Result<(), Error> {
    let early = args.lang.unwrap_or_default();
    if let Some(output) = &args.output
        && !args.dry_run
    {
        refuse_existing(output, args.force, early)?;
    }
    let bytes = crate::source::read_bounded(&args.file, import::MAX_FILE_BYTES)
        .map_err(|e| Error::io(&args.file, "read", e))?
        .ok_or_else(|| {
            Error::Usage(
                import::Failure::TooLarge {
                    limit_mb: import::MAX_FILE_BYTES / 1_000_000,
                }
                .words(early, &args.file.display().to_string()),
            )
        })?;
    // A reader that fails on a file no one foresaw says so, as a file it
    // cannot read; the panic's own message is not shown.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let read = read_file(&args.file, bytes, args.soffice.as_deref(), args.lang);
    std::panic::set_hook(hook);
    let Read {
        imported,
        notes,
        encoding,
        text,
        lang,
    } = read?;
    let source = SourceFile::new(args.file.clone(), text);
    let mut reporter = Reporter::default();
    reporter.speak(lang);
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
        reporter.report(&d.hint(tr!(lang, "import-check-here")), &[&source]);
    }
    // How the file was read: its encoding, or its kind and what was left out.
    let how = match encoding {
        Some(encoding) => encoding.to_string(),
        None => notes
            .iter()
            .map(|n| n.words(lang))
            .collect::<Vec<_>>()
            .join(&tr!(lang, "notes-separator")),
    };
    if args.dry_run {
        print!("{}", found(&imported, &notes, lang));
        eprintln!("{}", tr!(lang, "import-read-as", how = how));
        return Ok(());
    }
    let output = args
        .output
        .as_ref()
        .expect("clap requires -o without --dry-run");
    write_atomic(output, imported.yaml.as_bytes())?;
    eprintln!(
        "{}",
        tr!(lang, "import-wrote", path = output.display(), how = how)
    );
    Ok(())
}
