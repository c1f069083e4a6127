//! What import says about files it reads: why a file cannot be read, how one
//! was read, and what was left out of it. The words are in `locales/*/import.ftl`.

use crate::locale::tr;
use crate::model::Lang;

/// Why a file cannot be imported. Each is one message, and the run exits 2
/// with nothing written.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// Larger than import reads.
    TooLarge { limit_mb: u64 },
    /// Neither text nor a document format import knows.
    Unknown,
    /// A .docx that cannot be read as one (not a zip, a part missing, bad XML).
    Corrupt { detail: String },
    /// A .docx with a password: an OLE file holding an encrypted package.
    Encrypted,
    /// A .docx whose parts unpack to more than import reads (a zip bomb).
    Unpacked { limit_mb: u64 },
    /// A PDF that cannot be read.
    BadPdf { detail: PdfProblem },
    /// A PDF with an open password.
    PdfPassword,
    /// A PDF of images only (scanned).
    Scanned { pages: usize },
    /// A PDF whose fonts do not say which characters they draw.
    NoUnicode,
    /// A .doc/.wps/.odt/.rtf and no LibreOffice to convert it.
    NeedsOffice { ext: String },
    /// `--soffice PATH` names no program.
    NoSoffice { path: String },
    /// LibreOffice ran and made no .docx.
    OfficeFailed { ext: String, detail: String },
    /// LibreOffice did not finish in time.
    OfficeTimeout { seconds: u64 },
}

/// Why a PDF cannot be read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PdfProblem {
    /// It does not start as a PDF does.
    NotPdf,
    /// Its structure cannot be read.
    Structure,
}

/// What is said of a file that was read: how, and what was left out.
#[derive(Debug, Clone, PartialEq)]
pub enum Note {
    /// Read as a Word .docx.
    Docx,
    /// Converted from `ext` by LibreOffice, then read as a .docx.
    Converted { ext: String },
    /// A PDF of this many pages.
    Pdf { pages: usize },
    /// Images left out: where each stood (the paragraph before it).
    Images { after: Vec<String> },
    /// A running header or footer of a PDF dropped from this many pages.
    Running { text: String, pages: usize },
    /// Characters a PDF's fonts do not map to Unicode, left out.
    Unmapped { count: usize },
}

impl Failure {
    /// The message about `file` (as shown), in `lang`.
    pub fn words(&self, lang: Lang, file: &str) -> String {
        match self {
            Failure::TooLarge { limit_mb } => {
                tr!(
                    lang,
                    "import-file-too-large",
                    file = file,
                    limit_mb = limit_mb
                )
            }
            Failure::Unknown => tr!(lang, "import-unknown", file = file),
            Failure::Corrupt { detail } => {
                tr!(lang, "import-corrupt", file = file, detail = detail)
            }
            Failure::Encrypted => tr!(lang, "import-encrypted", file = file),
            Failure::Unpacked { limit_mb } => {
                tr!(lang, "import-unpacked", file = file, limit_mb = limit_mb)
            }
            Failure::BadPdf { detail } => tr!(
                lang,
                "import-bad-pdf",
                file = file,
                detail = tr!(lang, detail.key())
            ),
            Failure::PdfPassword => tr!(lang, "import-pdf-password", file = file),
            Failure::Scanned { pages } => tr!(lang, "import-scanned", file = file, pages = pages),
            Failure::NoUnicode => tr!(lang, "import-no-unicode", file = file),
            Failure::NeedsOffice { ext } => tr!(lang, "import-needs-office", ext = ext),
            Failure::NoSoffice { path } => tr!(lang, "import-no-soffice", path = path),
            Failure::OfficeFailed { ext, detail } => tr!(
                lang,
                "import-office-failed",
                file = file,
                ext = ext,
                detail = detail
            ),
            Failure::OfficeTimeout { seconds } => {
                tr!(
                    lang,
                    "import-office-timeout",
                    file = file,
                    seconds = seconds
                )
            }
        }
    }
}

impl PdfProblem {
    fn key(self) -> &'static str {
        match self {
            PdfProblem::NotPdf => "import-detail-not-pdf",
            PdfProblem::Structure => "import-detail-pdf-structure",
        }
    }
}

impl Note {
    /// The note in `lang`.
    pub fn words(&self, lang: Lang) -> String {
        match self {
            Note::Docx => tr!(lang, "import-note-docx"),
            Note::Converted { ext } => tr!(lang, "import-note-converted", ext = ext),
            Note::Pdf { pages } => tr!(lang, "import-note-pdf", pages = pages),
            Note::Images { after } => {
                let places = after
                    .iter()
                    .map(|a| {
                        if a.is_empty() {
                            "—".to_string()
                        } else {
                            format!("“{a}”")
                        }
                    })
                    .collect::<Vec<_>>();
                tr!(
                    lang,
                    "import-note-images",
                    count = after.len(),
                    places = places.join(&tr!(lang, "list-separator"))
                )
            }
            Note::Running { text, pages } => {
                tr!(lang, "import-note-running", pages = pages, text = text)
            }
            Note::Unmapped { count } => tr!(lang, "import-note-unmapped", count = count),
        }
    }
}
