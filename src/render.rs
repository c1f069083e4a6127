//! The view → Markdown stage: tera templates, built in and overridable by name
//! from a folder, with nianbao's filters.

use std::path::Path;

use tera::{Context, Kwargs, State, Tera};

use crate::diag::{Code, Diagnostic};
use crate::numerals;
use crate::period::parse_date;
use crate::view::View;

/// The built-in templates, by the name a user's file must have to replace one.
pub const BUILTIN_TEMPLATES: [(&str, &str); 8] = [
    ("report.md", include_str!("../templates/report.md")),
    ("part.md", include_str!("../templates/part.md")),
    ("block.md", include_str!("../templates/block.md")),
    ("closing.md", include_str!("../templates/closing.md")),
    (
        "attachments.md",
        include_str!("../templates/attachments.md"),
    ),
    ("appendix.md", include_str!("../templates/appendix.md")),
    ("masthead.md", include_str!("../templates/masthead.md")),
    ("record.md", include_str!("../templates/record.md")),
];

/// The template that renders a whole document.
pub const ENTRY_TEMPLATE: &str = "report.md";

/// Ends a sentence or list item with punctuation unless it already has some.
fn end_with(text: &str, kwargs: &Kwargs) -> tera::TeraResult<String> {
    let last: Option<bool> = kwargs.get("last")?;
    let mark: Option<&str> = kwargs.get("mark")?;
    let en = kwargs
        .get::<&str>("lang")?
        .and_then(crate::model::Lang::from_code)
        == Some(crate::model::Lang::En);
    let mark = match (mark, last, en) {
        (Some(mark), _, _) => mark,
        (None, Some(false), false) => "；",
        (None, Some(false), true) => ";",
        (None, _, false) => "。",
        (None, _, true) => ".",
    };
    let ends_in_punctuation = text
        .chars()
        .last()
        .is_some_and(|c| END_PUNCTUATION.contains(c));
    Ok(if ends_in_punctuation || text.is_empty() {
        text.to_string()
    } else {
        format!("{text}{mark}")
    })
}

/// Sentence-ending punctuation, Chinese and Western.
const END_PUNCTUATION: &str = crate::cjk::SENTENCE_ENDS;

/// Text without its sentence-ending punctuation.
fn trim_end_punctuation(text: &str) -> &str {
    text.trim_end_matches(|c| END_PUNCTUATION.contains(c))
}

/// The sentence-ending punctuation of a text, or "。" (English: ". ") when it
/// has none; for a run-in heading before its text.
fn end_mark(text: &str, en: bool) -> String {
    let trimmed = trim_end_punctuation(text);
    match (&text[trimmed.len()..], en) {
        ("", false) => "。".to_string(),
        ("", true) => ". ".to_string(),
        (mark, false) => mark.to_string(),
        (mark, true) => format!("{mark} "),
    }
}

/// Registers nianbao's filters: numbering, dates and figures.
fn register_filters(tera: &mut Tera) {
    tera.register_filter(
        "numbering",
        |n: u64, kw: Kwargs, _: &State| -> tera::TeraResult<String> {
            let style: Option<&str> = kw.get("style")?;
            Ok(numerals::enumerate(n, style.unwrap_or("一、")))
        },
    );
    tera.register_filter("cn_number", |n: u64, _: Kwargs, _: &State| {
        numerals::chinese(n)
    });
    tera.register_filter(
        "cn_date",
        |d: &str, _: Kwargs, _: &State| -> tera::TeraResult<String> {
            parse_date(d)
                .map(numerals::chinese_date)
                .ok_or_else(|| tera::Error::message(format!("`{d}` is not a date")))
        },
    );
    tera.register_filter(
        "en_date",
        |d: &str, _: Kwargs, _: &State| -> tera::TeraResult<String> {
            parse_date(d)
                .map(numerals::english_date)
                .ok_or_else(|| tera::Error::message(format!("`{d}` is not a date")))
        },
    );
    tera.register_filter(
        "figure",
        |value: f64, kw: Kwargs, _: &State| -> tera::TeraResult<String> {
            let unit: Option<&str> = kw.get("unit")?;
            let style: Option<&str> = kw.get("style")?;
            let number = match style {
                Some("cn") if value >= 0.0 && value.fract() == 0.0 => {
                    numerals::chinese(value as u64)
                }
                _ => numerals::arabic(value),
            };
            Ok(format!("{number}{}", unit.unwrap_or("")))
        },
    );
    tera.register_filter("end_with", |text: &str, kw: Kwargs, _: &State| {
        end_with(text, &kw)
    });
    tera.register_filter(
        "trim_end_punctuation",
        |text: &str, _: Kwargs, _: &State| trim_end_punctuation(text).to_string(),
    );
    tera.register_filter(
        "end_mark",
        |text: &str, kw: Kwargs, _: &State| -> tera::TeraResult<String> {
            Ok(end_mark(
                text,
                kw.get::<&str>("lang")?
                    .and_then(crate::model::Lang::from_code)
                    == Some(crate::model::Lang::En),
            ))
        },
    );
}

/// The templates of a run: the built-ins, each replaced by a file of the same name
/// in `user_dir` when there is one; other files there are added as they are.
pub struct Templates {
    tera: Tera,
    dir: Option<std::path::PathBuf>,
}

impl Templates {
    pub fn load(user_dir: Option<&Path>) -> Result<Self, Diagnostic> {
        let mut tera = Tera::new();
        tera.autoescape_on(Vec::<&str>::new());
        register_filters(&mut tera);
        tera.add_raw_templates(BUILTIN_TEMPLATES)
            .map_err(|e| template_diagnostic(&e, None))?;
        if let Some(dir) = user_dir {
            let entries = std::fs::read_dir(dir).map_err(|e| {
                Diagnostic::error(
                    Code::Template,
                    crate::locale::tr!(
                        crate::locale::user_lang(),
                        "template-folder-unreadable",
                        detail = e
                    ),
                )
                .in_file(dir)
                .hint(crate::locale::tr!(
                    crate::locale::user_lang(),
                    "template-folder-unreadable.hint"
                ))
            })?;
            let mut files: Vec<_> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "md"))
                .collect();
            files.sort();
            let named: Vec<(std::path::PathBuf, String)> = files
                .into_iter()
                .filter_map(|p| {
                    let name = p.file_name()?.to_str()?.to_string();
                    Some((p, name))
                })
                .collect();
            // Add them all at once so that templates may include one another.
            let mut sources = Vec::new();
            for (path, name) in &named {
                let text = std::fs::read_to_string(path).map_err(|e| {
                    Diagnostic::error(
                        Code::Template,
                        crate::locale::tr!(
                            crate::locale::user_lang(),
                            "template-unreadable",
                            detail = e
                        ),
                    )
                    .in_file(path)
                })?;
                sources.push((name.clone(), text));
            }
            tera.add_raw_templates(sources)
                .map_err(|e| template_diagnostic(&e, Some(dir)))?;
        }
        Ok(Templates {
            tera,
            dir: user_dir.map(Path::to_path_buf),
        })
    }

    /// The user's templates folder, if there is one.
    pub fn user_dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    /// Renders the report to Markdown.
    pub fn render(&self, view: &View) -> Result<String, Diagnostic> {
        let dir = self.user_dir();
        let context = Context::from_serialize(view).map_err(|e| template_diagnostic(&e, dir))?;
        let text = self
            .tera
            .render(ENTRY_TEMPLATE, &context)
            .map_err(|e| template_diagnostic(&e, dir))?;
        Ok(tidy(&text))
    }
}

/// Collapses the blank lines that template logic leaves: at most one between
/// blocks, none at the start, one newline at the end.
fn tidy(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut blank = 0;
    for line in markdown.lines() {
        let line = line.trim_end_matches([' ', '\t']);
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() && blank > 0 {
            out.push('\n');
        }
        blank = 0;
        out.push_str(line);
        out.push('\n');
    }
    out
}

fn template_diagnostic(error: &tera::Error, dir: Option<&Path>) -> Diagnostic {
    let mut message = error.to_string();
    let mut source = std::error::Error::source(error);
    while let Some(cause) = source {
        message.push_str(&format!(": {cause}"));
        source = cause.source();
    }
    let d = Diagnostic::error(
        Code::Template,
        crate::locale::tr!(
            crate::locale::user_lang(),
            "template-error",
            detail = message.trim()
        ),
    );
    let d = match dir {
        Some(dir) => d.in_file(dir),
        None => d,
    };
    d.hint(crate::locale::tr!(
        crate::locale::user_lang(),
        "template-error.hint"
    ))
}
