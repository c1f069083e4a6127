//! `nianbao import`: last year's document into a YAML input.

use crate::cli::ImportArgs;
use crate::cmd::Reporter;
use crate::diag::{Code, Diagnostic, SourceFile, Span};
use crate::error::Error;
use crate::import;
use crate::model::Lang;
use crate::output::write_atomic;

pub fn run(args: &ImportArgs) -> Result<(), Error> {
    let file = args.file.display().to_string();
    // The language of what is said: --lang, else the document's once it is
    // read (English for an English document), Chinese until then.
    let refuse = |failure: import::Failure, lang: Lang| Error::Usage(failure.words(lang, &file));
    let early = args.lang.unwrap_or_default();
    if let Some(output) = &args.output
        && output.exists()
        && !args.force
        && !args.dry_run
    {
        return Err(Error::Usage(format!(
            "`{}` exists; nianbao does not overwrite it (add --force to replace it)",
            output.display()
        )));
    }
    let bytes = crate::source::read_bounded(&args.file, import::MAX_FILE_BYTES)
        .map_err(|e| Error::io(&args.file, "read", e))?
        .ok_or_else(|| {
            refuse(
                import::Failure::TooLarge {
                    limit_mb: import::MAX_FILE_BYTES / 1_000_000,
                },
                early,
            )
        })?;
    let size = bytes.len() as u64;
    // A reader that fails on a file no one foresaw says so, as a file it
    // cannot read; the panic's own message is not shown.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let read =
        std::panic::catch_unwind(|| import::read(&args.file, bytes, args.soffice.as_deref()));
    std::panic::set_hook(hook);
    let source = read
        .unwrap_or_else(|_| {
            Err(import::Failure::Corrupt {
                detail: "its contents could not be read".into(),
            })
        })
        .map_err(|f| refuse(f, early))?;
    let lang = args.lang.unwrap_or(if import::is_english(&source.text) {
        Lang::En
    } else {
        Lang::Zh
    });
    // Text is read up to the size nianbao reads as an input.
    if source.encoding.is_some() && size > crate::load::MAX_INPUT_BYTES {
        return Err(refuse(
            import::Failure::TooLarge {
                limit_mb: crate::load::MAX_INPUT_BYTES / 1_000_000,
            },
            lang,
        ));
    }
    let encoding = source.encoding;
    let notes = source.notes.clone();
    let text = source.text.clone();
    let imported = import::import_source(source);
    if imported.yaml.is_empty() {
        return Err(Error::Usage(format!(
            "`{}` holds no text; nothing was written",
            args.file.display()
        )));
    }
    if imported.yaml.len() as u64 > crate::load::MAX_INPUT_BYTES {
        return Err(Error::Refused(format!(
            "the input made from `{}` would be {:.1} MB, more than the {} MB nianbao reads; nothing was written\n  = help: import the document in parts (a year's report is far smaller)",
            args.file.display(),
            imported.yaml.len() as f64 / 1e6,
            crate::load::MAX_INPUT_BYTES / 1_000_000
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
    // How the file was read: its encoding, or its kind and what was left out.
    let how = match encoding {
        Some(encoding) => encoding.to_string(),
        None => notes
            .iter()
            .map(|n| n.words(lang))
            .collect::<Vec<_>>()
            .join("; "),
    };
    if args.dry_run {
        print!("{}", structure(&imported.yaml));
        for note in notes.iter().skip(1) {
            println!("{}", note.words(lang));
        }
        if !imported.dropped.is_empty() {
            println!(
                "{}",
                crate::locale::tr!(lang, "import-dropped", count = imported.dropped.len())
            );
            for (line, text) in &imported.dropped {
                println!(
                    "  {}",
                    crate::locale::tr!(lang, "import-dropped-line", line = line, text = text)
                );
            }
        }
        eprintln!("read as {how}; nothing written (--dry-run)");
        return Ok(());
    }
    let output = args
        .output
        .as_ref()
        .expect("clap requires -o without --dry-run");
    write_atomic(output, imported.yaml.as_bytes())?;
    eprintln!("wrote {} (read as {how})", output.display());
    Ok(())
}

/// The structure of an imported input, as `--dry-run` prints it: the title,
/// period, ending, each part with its role, heading and what it holds, the counts.
fn structure(yaml: &str) -> String {
    use crate::load::Outcome;
    use std::fmt::Write as _;
    let source = SourceFile::new("imported.yaml".into(), yaml.to_string());
    let Outcome::Loaded(loaded) = crate::load::parse(source, None) else {
        return "the input written would not load: please report this document\n".into();
    };
    let report = &loaded.report;
    let meta = &report.meta;
    let mut out = String::new();
    let title = crate::view::title(report, crate::view::Kind::Combined);
    let how = if meta.title.is_some() {
        "as written"
    } else {
        "derived"
    };
    let _ = writeln!(out, "title: {title} ({how})");
    let _ = writeln!(
        out,
        "organisation: {}; year: {}{}; lang: {}",
        meta.organisation.value,
        meta.year.value,
        meta.half
            .as_ref()
            .map_or(String::new(), |h| format!(", half {}", h.value)),
        meta.language().code()
    );
    let _ = writeln!(
        out,
        "signature: {}; date: {}",
        meta.signature.as_ref().map_or("—", |s| s.value.as_str()),
        meta.date.value
    );
    if report.opening.is_some() {
        let _ = writeln!(out, "opening: 1 paragraph");
    }
    let _ = writeln!(out, "parts: {}", report.parts.len());
    for (i, part) in report.parts.iter().enumerate() {
        let role = match part.role {
            crate::model::Role::Work => "work",
            crate::model::Role::Problems => "problems",
            crate::model::Role::Plans => "plans",
            crate::model::Role::Other => "other",
        };
        let heading = part.heading.as_ref().map_or("", |h| h.value.as_str());
        let mut holds = Vec::new();
        let mut add = |n: usize, what: &str| match n {
            0 => {}
            1 => holds.push(format!("1 {what}")),
            n => holds.push(format!("{n} {what}s")),
        };
        add(usize::from(part.intro.is_some()), "intro");
        add(part.points.len(), "point");
        add(part.items.len(), "item");
        add(part.body.len(), "block");
        add(part.all_sections().len(), "section");
        let _ = writeln!(
            out,
            "  {}. {role}: {heading} — {}",
            i + 1,
            if holds.is_empty() {
                "nothing".to_string()
            } else {
                holds.join(", ")
            }
        );
    }
    let counts: Vec<String> = report
        .counts
        .iter()
        .map(|(name, c)| {
            let value = c
                .value
                .as_ref()
                .map_or("—".to_string(), |v| crate::numerals::arabic(v.value));
            format!("{} {value}{}", name.value, c.unit)
        })
        .collect();
    let _ = writeln!(out, "counts: {}", counts.len());
    for count in counts {
        let _ = writeln!(out, "  {count}");
    }
    if !report.attachments.is_empty() {
        let _ = writeln!(out, "attachments: {}", report.attachments.len());
    }
    out
}
