//! Import last year's document: plain text (UTF-8 or GB18030/GBK), Markdown, a
//! Word .docx, a PDF, or (through LibreOffice) .doc/.wps/.odt/.rtf in, a YAML
//! input out that rebuilds the same text. The readers (`docx`, `pdf`,
//! `office`) make text or paragraphs; `lines` cleans and joins the lines,
//! `structure` reads the parts and sections, `figures` turns figures into
//! counts, `write` makes the input; whatever cannot be placed is kept as a
//! paragraph and reported.

mod docx;
mod figures;
pub mod found;
mod lines;
mod office;
mod pdf;
mod structure;
mod words;
mod write;

use std::path::Path;

use crate::model::Lang;

pub use lines::{Hint, Para, decode, is_english};
pub use pdf::Drawn;
pub use words::{Failure, Note, PdfProblem};

/// The largest file import reads: a Word file or PDF with photographs is
/// larger than the text nianbao reads (`load::MAX_INPUT_BYTES`), which still
/// bounds text files.
pub const MAX_FILE_BYTES: u64 = 50_000_000;

/// What importing produced: the YAML, and warnings with the source line.
pub struct Imported {
    pub yaml: String,
    pub warnings: Vec<(usize, String)>,
    /// Page furniture left out (a breadcrumb, a byline, a site's name), with
    /// its line: what `--dry-run` lists.
    pub dropped: Vec<(usize, String)>,
}

/// A document read from its file, before its structure is read.
pub struct Source {
    /// Its text, as warnings point into it: a Word file's paragraphs one a
    /// line (a table's rows each a line).
    pub text: String,
    pub body: Body,
    /// How it was read (the encoding of a text file), and what was left out.
    pub notes: Vec<Note>,
    /// The encoding of a text file.
    pub encoding: Option<&'static str>,
}

pub enum Body {
    /// Lines of text (a text file, Markdown, a PDF's text).
    Text { markdown: bool },
    /// A Word file's paragraphs, with the line of `text` each starts on.
    Paragraphs { paras: Vec<Para>, lines: Vec<usize> },
}

/// Reads the file at `path` (its `bytes`) as a document: by what it holds,
/// then by its extension. `soffice`: the LibreOffice program given with
/// --soffice.
pub fn read(path: &Path, bytes: Vec<u8>, soffice: Option<&Path>) -> Result<Source, Failure> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Failure::TooLarge {
            limit_mb: MAX_FILE_BYTES / 1_000_000,
        });
    }
    let head = &bytes[..bytes.len().min(1024)];
    let office_ext = |e: &str| matches!(e, "doc" | "dot" | "wps" | "wpt" | "odt" | "ott" | "rtf");
    if head.windows(5).any(|w| w == b"%PDF-") {
        let pdf = pdf::read(bytes)?;
        return Ok(Source {
            text: pdf.text,
            body: Body::Text { markdown: false },
            notes: pdf.notes,
            encoding: None,
        });
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return match docx::zip_kind(&bytes) {
            Some("docx") => from_docx(&bytes, Note::Docx),
            Some(_) => convert(&bytes, "odt", soffice),
            // Not a zip that opens, or one without a Word document: said
            // by the reader.
            None => from_docx(&bytes, Note::Docx),
        };
    }
    if bytes.starts_with(docx::OLE) {
        if docx::is_encrypted(&bytes) {
            return Err(Failure::Encrypted);
        }
        let ext = if office_ext(&ext) {
            ext.as_str()
        } else {
            "doc"
        };
        return convert(&bytes, ext, soffice);
    }
    if bytes.starts_with(b"{\\rtf") {
        return convert(&bytes, "rtf", soffice);
    }
    if matches!(ext.as_str(), "docx" | "docm" | "dotx" | "pdf") {
        return Err(if ext == "pdf" {
            Failure::BadPdf {
                detail: PdfProblem::NotPdf,
            }
        } else {
            Failure::Corrupt {
                detail: "not a zip file".into(),
            }
        });
    }
    // A web page saved as .doc (as many sites offer them) is for LibreOffice.
    if office_ext(&ext) {
        return convert(&bytes, &ext, soffice);
    }
    let (text, encoding) = decode(&bytes).map_err(|_| Failure::Unknown)?;
    Ok(Source {
        text,
        body: Body::Text {
            markdown: ext == "md" || ext == "markdown",
        },
        notes: Vec::new(),
        encoding: Some(encoding),
    })
}

/// A document converted by LibreOffice, then read as a .docx.
fn convert(bytes: &[u8], ext: &str, soffice: Option<&Path>) -> Result<Source, Failure> {
    let program = office::find(soffice).map_err(|f| match f {
        Failure::NeedsOffice { .. } => Failure::NeedsOffice {
            ext: ext.to_string(),
        },
        other => other,
    })?;
    let docx = office::convert(&program, bytes, ext)?;
    from_docx(
        &docx,
        Note::Converted {
            ext: ext.to_string(),
        },
    )
}

fn from_docx(bytes: &[u8], how: Note) -> Result<Source, Failure> {
    let read = docx::read(bytes)?;
    let mut notes = vec![how];
    if !read.images.is_empty() {
        notes.push(Note::Images { after: read.images });
    }
    // The text shown with warnings: a paragraph a line, a table a row a line.
    let mut text = String::new();
    let mut at = Vec::with_capacity(read.paras.len());
    let mut line = 1;
    for para in &read.paras {
        at.push(line);
        match &para.table {
            Some(rows) => {
                for row in rows {
                    text.push_str(&row.join("\t"));
                    text.push('\n');
                    line += 1;
                }
            }
            None => {
                text.push_str(&para.text);
                text.push('\n');
                line += 1;
            }
        }
    }
    Ok(Source {
        text,
        body: Body::Paragraphs {
            paras: read.paras,
            lines: at,
        },
        notes,
        encoding: None,
    })
}

/// Imports a document's text as a YAML input.
pub fn import(text: &str, markdown: bool) -> Imported {
    let (mut warnings, mut dropped) = (Vec::new(), Vec::new());
    let lines = lines::paragraphs(text, markdown, &mut warnings, &mut dropped);
    finish(lines, lines::is_english(text), warnings, dropped)
}

/// Imports a document read from its file.
pub fn import_source(source: Source) -> Imported {
    match source.body {
        Body::Text { markdown } => import(&source.text, markdown),
        Body::Paragraphs { paras, lines } => {
            let (mut warnings, mut dropped) = (Vec::new(), Vec::new());
            let english = lines::is_english(&source.text);
            let lang = if english { Lang::En } else { Lang::Zh };
            let lines = lines::word_paragraphs(paras, &lines, lang, &mut warnings, &mut dropped);
            finish(lines, english, warnings, dropped)
        }
    }
}

fn finish(
    lines: Vec<lines::Line>,
    english: bool,
    mut warnings: Vec<(usize, String)>,
    dropped: Vec<(usize, String)>,
) -> Imported {
    let lang = if english { Lang::En } else { Lang::Zh };
    let Some(document) = structure::read(lines, english, &mut warnings) else {
        return Imported {
            yaml: String::new(),
            warnings: vec![(1, crate::locale::tr!(lang, "import-text-empty"))],
            dropped,
        };
    };
    let yaml = write::write(document, &mut warnings);
    let mut dropped = dropped;
    dropped.sort_by_key(|(line, _)| *line);
    Imported {
        yaml,
        warnings,
        dropped,
    }
}
