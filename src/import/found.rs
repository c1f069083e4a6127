//! What an import found, in words: the file read and imported as `nianbao
//! import` and the start page of `serve` both do it, and its structure as
//! `import --dry-run` prints it and the start page shows it.

use std::path::Path;

use crate::diag::SourceFile;
use crate::error::Error;
use crate::import;
use crate::locale::tr;
use crate::model::Lang;

/// Last year's file read and imported, as `import` and the start page of
/// `serve` do it.
pub struct Read {
    pub imported: import::Imported,
    /// How the file was read, and what was left out.
    pub notes: Vec<import::Note>,
    /// The encoding of a text file.
    pub encoding: Option<&'static str>,
    /// Its text, as the warnings point into it.
    pub text: String,
    /// The language of what is said: the one asked for, else the document's.
    pub lang: Lang,
}

/// Reads a file's `bytes` (`file` names it, for its kind and in messages)
/// and imports the document; what cannot be read is said in `lang` (None:
/// Chinese until the document's language is known).
pub fn read_file(
    file: &Path,
    bytes: Vec<u8>,
    soffice: Option<&Path>,
    lang: Option<Lang>,
) -> Result<Read, Error> {
    let shown = file.display().to_string();
    let refuse = |failure: import::Failure, lang: Lang| Error::Usage(failure.words(lang, &shown));
    let early = lang.unwrap_or_default();
    let size = bytes.len() as u64;
    let read = std::panic::catch_unwind(|| import::read(file, bytes, soffice));
    let source = read
        .unwrap_or_else(|_| {
            Err(import::Failure::Corrupt {
                detail: tr!(early, "import-unreadable"),
            })
        })
        .map_err(|f| refuse(f, early))?;
    let lang = lang.unwrap_or(if import::is_english(&source.text) {
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
        return Err(Error::Usage(tr!(lang, "import-no-text", path = shown)));
    }
    if imported.yaml.len() as u64 > crate::load::MAX_INPUT_BYTES {
        return Err(Error::Refused(format!(
            "{}\n  = help: {}",
            tr!(
                lang,
                "import-too-large",
                path = shown,
                size = format!("{:.1}", imported.yaml.len() as f64 / 1e6),
                limit = crate::load::MAX_INPUT_BYTES / 1_000_000
            ),
            tr!(lang, "import-too-large.hint")
        )));
    }
    Ok(Read {
        imported,
        notes,
        encoding,
        text,
        lang,
    })
}

/// What was found in an imported document, as `--dry-run` prints it and the
/// start page shows it: its structure, how it was read, the page furniture
/// left out.
pub fn found(imported: &import::Imported, notes: &[import::Note], lang: Lang) -> String {
    use std::fmt::Write as _;
    let mut out = structure(&imported.yaml, lang);
    for note in notes.iter().skip(1) {
        let _ = writeln!(out, "{}", note.words(lang));
    }
    if !imported.dropped.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            tr!(lang, "import-dropped", count = imported.dropped.len())
        );
        for (line, text) in &imported.dropped {
            let _ = writeln!(
                out,
                "  {}",
                tr!(lang, "import-dropped-line", line = line, text = text)
            );
        }
    }
    out
}

/// The structure of an imported input, as `--dry-run` prints it: the title,
/// period, ending, each part with its role, heading and what it holds, the counts.
fn structure(yaml: &str, lang: Lang) -> String {
    use crate::load::Outcome;
    use std::fmt::Write as _;
    let source = SourceFile::new("imported.yaml".into(), yaml.to_string());
    let Outcome::Loaded(loaded) = crate::load::parse(source, None) else {
        return format!("{}\n", tr!(lang, "import-would-not-load"));
    };
    let report = &loaded.report;
    let meta = &report.meta;
    let mut out = String::new();
    let title = crate::view::title(report, crate::view::Kind::Combined);
    let how = if meta.title.is_some() {
        "written"
    } else {
        "derived"
    };
    let _ = writeln!(
        out,
        "{}",
        tr!(lang, "found-title", title = title, how = how)
    );
    let half = meta
        .half
        .as_ref()
        .map_or(String::new(), |h| tr!(lang, "found-half", half = h.value));
    let _ = writeln!(
        out,
        "{}",
        tr!(
            lang,
            "found-meta",
            organisation = meta.organisation.value,
            year = meta.year.value,
            half = half,
            lang = tr!(lang, &format!("found-lang-{}", meta.language().code()))
        )
    );
    let _ = writeln!(
        out,
        "{}",
        tr!(
            lang,
            "found-ending",
            signature = meta.signature.as_ref().map_or("—", |s| s.value.as_str()),
            date = meta.date.value
        )
    );
    if report.opening.is_some() {
        let _ = writeln!(out, "{}", tr!(lang, "found-opening"));
    }
    let _ = writeln!(
        out,
        "{}",
        tr!(lang, "found-parts", count = report.parts.len())
    );
    for (i, part) in report.parts.iter().enumerate() {
        let role = match part.role {
            crate::model::Role::Work => tr!(lang, "role-work"),
            crate::model::Role::Problems => tr!(lang, "role-problems"),
            crate::model::Role::Plans => tr!(lang, "role-plans"),
            crate::model::Role::Other => tr!(lang, "role-other"),
        };
        let heading = part.heading.as_ref().map_or("", |h| h.value.as_str());
        let holds: Vec<String> = [
            ("found-intro", usize::from(part.intro.is_some())),
            ("found-points", part.points.len()),
            ("found-items", part.items.len()),
            ("found-blocks", part.body.len()),
            ("found-sections", part.all_sections().len()),
        ]
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(key, n)| tr!(lang, key, n = n))
        .collect();
        let holds = if holds.is_empty() {
            tr!(lang, "found-nothing")
        } else {
            holds.join(&tr!(lang, "list-separator"))
        };
        let _ = writeln!(
            out,
            "  {}",
            tr!(
                lang,
                "found-part",
                n = i + 1,
                role = role,
                heading = heading,
                holds = holds
            )
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
    let _ = writeln!(out, "{}", tr!(lang, "found-counts", count = counts.len()));
    for count in counts {
        let _ = writeln!(out, "  {count}");
    }
    if !report.attachments.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            tr!(lang, "found-attachments", count = report.attachments.len())
        );
    }
    out
}
