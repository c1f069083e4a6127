//! `nianbao build`: validate, render and write the documents.

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::cli::{BuildArgs, Format};
use crate::cmd::{Reporter, load_checked, load_fonts};
use crate::diag::{Code, Diagnostic};
use crate::error::Error;
use crate::load::Loaded;
use crate::output::{ensure_dir, write_atomic};
use crate::render::{self, Templates, View};
use crate::typeset::{self, FontSet, PdfMeta, STYLE_NAME, Style, TypesetError};
use crate::validate::parse_date;

pub fn run(args: &BuildArgs) -> Result<(), Error> {
    let mut reporter = Reporter::default();
    let templates_dir = args.templates.as_deref();
    let templates = match Templates::load(templates_dir) {
        Ok(t) => t,
        Err(d) => {
            reporter.report(&d, None);
            return reporter.finish(0);
        }
    };
    let wants_pdf = args.format.contains(&Format::Pdf);
    let (fonts, style) = if wants_pdf {
        (Some(load_fonts(&args.fonts)?), load_style(templates_dir)?)
    } else {
        (None, Style::builtin())
    };

    // Make every document first: one bad input means nothing is written.
    let mut outputs: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    for input in &args.inputs {
        let started = Instant::now();
        let Some(loaded) = load_checked(input, &mut reporter)? else {
            continue;
        };
        let checked = started.elapsed();
        let started = Instant::now();
        let markdown = match templates.render(&View::new(&loaded.report), templates_dir) {
            Ok(markdown) => markdown,
            Err(d) => {
                reporter.report(&d, None);
                continue;
            }
        };
        let rendered = started.elapsed();
        if args.format.contains(&Format::Md) {
            outputs.push((
                output_path(&args.output, input, "md")?,
                markdown.clone().into_bytes(),
            ));
        }
        if let Some(fonts) = &fonts {
            match typeset_pdf(&loaded, &markdown, fonts, &style) {
                Ok((pdf, t)) => {
                    if args.timings {
                        eprintln!(
                            "{}: load+validate {:.1} ms, markdown {:.1} ms, typst markup {:.1} ms, compile {:.1} ms, pdf export {:.1} ms",
                            input.display(),
                            ms(checked),
                            ms(rendered),
                            ms(t.markup),
                            ms(t.compile),
                            ms(t.export)
                        );
                    }
                    outputs.push((output_path(&args.output, input, "pdf")?, pdf));
                }
                Err(diagnostics) => {
                    for d in &diagnostics {
                        let source = d.file.as_deref().filter(|f| *f == loaded.source.path);
                        reporter.report(d, source.map(|_| &loaded.source));
                    }
                }
            }
        }
    }
    reporter.finish(args.inputs.len())?;
    ensure_dir(&args.output)?;
    for (path, bytes) in outputs {
        write_atomic(&path, &bytes)?;
        eprintln!("wrote {}", path.display());
    }
    Ok(())
}

fn ms(d: std::time::Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The user's style file when the templates folder has one, else the built-in.
fn load_style(templates_dir: Option<&Path>) -> Result<Style, Error> {
    let Some(path) = templates_dir
        .map(|d| d.join(STYLE_NAME))
        .filter(|p| p.exists())
    else {
        return Ok(Style::builtin());
    };
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, "read", e))?;
    Ok(Style {
        text,
        path: Some(path),
    })
}

/// Typesets one document; missing glyphs are located in the input.
fn typeset_pdf(
    loaded: &Loaded,
    markdown: &str,
    fonts: &FontSet,
    style: &Style,
) -> Result<(Vec<u8>, typeset::Timings), Vec<Diagnostic>> {
    let report = &loaded.report;
    let meta = PdfMeta {
        title: render::title(report),
        author: report.meta.organisation.value.clone(),
        // Validation has checked the date.
        date: parse_date(&report.meta.date.value).unwrap_or_default(),
        lang: match report.meta.lang.as_ref().map(|l| l.value) {
            Some(crate::model::Lang::En) => "en",
            _ => "zh",
        },
    };
    typeset::pdf(markdown, &meta, fonts, style).map_err(|e| match e {
        TypesetError::Diagnostics(diagnostics) => diagnostics,
        TypesetError::MissingGlyphs(chars) => chars
            .into_iter()
            .map(|c| missing_glyph(loaded, c))
            .collect(),
    })
}

fn missing_glyph(loaded: &Loaded, c: char) -> Diagnostic {
    let source = &loaded.source;
    let d = Diagnostic::error(
        Code::MissingGlyph,
        format!("no font has a glyph for “{c}” (U+{:04X})", c as u32),
    );
    let d = match source.text.find(c) {
        Some(at) => d.at(&source.path, Some(source.span_at(at, 1))),
        None => d.at(&source.path, None),
    };
    d.hint("add a font that has it with --font-path DIR, or write the character another way; it would print as an empty box")
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
