//! The words import says about files it reads, in Chinese and in English, in
//! one place (to move to the locale files in one step): why a file cannot be
//! read, how one was read, and what was left out of it.

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
    BadPdf { detail: String },
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

fn pick(lang: Lang, zh: String, en: String) -> String {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

const SAVE_AS_ZH: &str = "请在 WPS 或 Word 中打开它，“另存为” .docx 后再导入";
const SAVE_AS_EN: &str = "open it in WPS or Word, \"Save As\" .docx and import that";

impl Failure {
    /// The message about `file` (as shown), in `lang`.
    pub fn words(&self, lang: Lang, file: &str) -> String {
        match self {
            Failure::TooLarge { limit_mb } => pick(
                lang,
                format!(
                    "`{file}` 超过 {limit_mb} MB，比任何一份年度文件都大，nianbao 不导入；什么也没有写"
                ),
                format!(
                    "`{file}` is larger than {limit_mb} MB, more than any year's report; nianbao imports documents up to that size; nothing was written"
                ),
            ),
            Failure::Unknown => pick(
                lang,
                format!(
                    "`{file}` 既不是文本（UTF-8、GB18030/GBK），也不是 nianbao 能读的文件（.docx、.pdf，装有 LibreOffice 时还有 .doc、.wps、.odt、.rtf）；什么也没有写"
                ),
                format!(
                    "`{file}` is neither text (UTF-8, GB18030/GBK) nor a file nianbao reads (.docx, .pdf, and with LibreOffice .doc, .wps, .odt, .rtf); nothing was written"
                ),
            ),
            Failure::Corrupt { detail } => pick(
                lang,
                format!(
                    "`{file}` 不是完好的 .docx 文件，无法读取（{detail}）；{SAVE_AS_ZH}；什么也没有写"
                ),
                format!(
                    "`{file}` is not a sound .docx file and cannot be read ({detail}); {SAVE_AS_EN}; nothing was written"
                ),
            ),
            Failure::Encrypted => pick(
                lang,
                format!(
                    "`{file}` 设有打开密码（已加密），nianbao 不能读；请在 WPS 或 Word 中去掉密码（文件 → 文档加密 / 保护文档）后另存为 .docx 再导入；什么也没有写"
                ),
                format!(
                    "`{file}` is protected by a password (encrypted) and nianbao cannot read it; remove the password in WPS or Word, save it as .docx and import that; nothing was written"
                ),
            ),
            Failure::Unpacked { limit_mb } => pick(
                lang,
                format!(
                    "`{file}` 解压后超过 {limit_mb} MB 的文字，不像一份年度文件（可能是“压缩炸弹”），未读取；什么也没有写"
                ),
                format!(
                    "`{file}` unpacks to more than {limit_mb} MB of text, which no year's report holds (it may be a zip bomb); it was not read; nothing was written"
                ),
            ),
            Failure::BadPdf { detail } => pick(
                lang,
                format!("`{file}` 不是可以读取的 PDF（{detail}）；什么也没有写"),
                format!("`{file}` is not a PDF that can be read ({detail}); nothing was written"),
            ),
            Failure::PdfPassword => pick(
                lang,
                format!("`{file}` 设有打开密码，nianbao 不能读；请去掉密码后再导入；什么也没有写"),
                format!(
                    "`{file}` is protected by a password and nianbao cannot read it; remove the password and import it again; nothing was written"
                ),
            ),
            Failure::Scanned { pages } => pick(
                lang,
                format!(
                    "`{file}`（{pages} 页）没有可以提取的文字，多半是扫描件或图片；请先用文字识别（OCR）软件识别出文字（如 WPS 的“图片转文字”、Adobe Acrobat 的“识别文本”），再导入识别出的 .docx 或文本；什么也没有写"
                ),
                format!(
                    "`{file}` ({pages} pages) holds no text to extract: it is most likely scanned or made of images; recognise its text with an OCR program first (WPS \"image to text\", Adobe Acrobat \"Recognize Text\") and import the .docx or text it makes; nothing was written"
                ),
            ),
            Failure::NoUnicode => pick(
                lang,
                format!(
                    "`{file}` 的字体没有给出文字的编码，提取不出文字；请找来它的 Word 原件，或先用文字识别（OCR）软件识别后再导入；什么也没有写"
                ),
                format!(
                    "`{file}`'s fonts do not say which characters they draw, so no text can be extracted; find its Word original, or recognise it with an OCR program first; nothing was written"
                ),
            ),
            Failure::NeedsOffice { ext } => pick(
                lang,
                format!(
                    "读 .{ext} 文件要用 LibreOffice，本机没有找到；{SAVE_AS_ZH}（或安装 LibreOffice，或用 --soffice 指明 soffice 的位置）；什么也没有写"
                ),
                format!(
                    "reading a .{ext} file needs LibreOffice, which was not found on this computer; {SAVE_AS_EN} (or install LibreOffice, or give the place of soffice with --soffice); nothing was written"
                ),
            ),
            Failure::NoSoffice { path } => pick(
                lang,
                format!("--soffice 指明的 `{path}` 不是可以运行的程序；什么也没有写"),
                format!(
                    "`{path}` given with --soffice is not a program that can be run; nothing was written"
                ),
            ),
            Failure::OfficeFailed { ext, detail } => pick(
                lang,
                format!(
                    "LibreOffice 没能把 `{file}` 转换为 .docx（{detail}）；文件可能已损坏或设有密码；{SAVE_AS_ZH}；什么也没有写"
                ),
                format!(
                    "LibreOffice could not convert `{file}` to .docx ({detail}); the .{ext} file may be damaged or protected by a password; {SAVE_AS_EN}; nothing was written"
                ),
            ),
            Failure::OfficeTimeout { seconds } => pick(
                lang,
                format!(
                    "LibreOffice 转换 `{file}` 超过 {seconds} 秒仍未完成，已停止；{SAVE_AS_ZH}；什么也没有写"
                ),
                format!(
                    "LibreOffice did not finish converting `{file}` in {seconds} seconds and was stopped; {SAVE_AS_EN}; nothing was written"
                ),
            ),
        }
    }
}

impl Note {
    /// The note in `lang`.
    pub fn words(&self, lang: Lang) -> String {
        match self {
            Note::Docx => pick(
                lang,
                "Word 文档（.docx）".into(),
                "a Word document (.docx)".into(),
            ),
            Note::Converted { ext } => pick(
                lang,
                format!(".{ext} 文件，由 LibreOffice 转换为 .docx"),
                format!("a .{ext} file, converted to .docx by LibreOffice"),
            ),
            Note::Pdf { pages } => pick(
                lang,
                format!("PDF，{pages} 页"),
                format!("a PDF of {pages} pages"),
            ),
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
                pick(
                    lang,
                    format!(
                        "未导入的图片 {} 张，分别在这些段落之后：{}",
                        after.len(),
                        places.join("、")
                    ),
                    format!(
                        "{} images left out, after these paragraphs: {}",
                        after.len(),
                        places.join(", ")
                    ),
                )
            }
            Note::Running { text, pages } => pick(
                lang,
                format!("页眉页脚已去掉（{pages} 页）：{text}"),
                format!("running header or footer dropped ({pages} pages): {text}"),
            ),
            Note::Unmapped { count } => pick(
                lang,
                format!("字体未给出编码的 {count} 个字符未导入"),
                format!("{count} characters whose fonts give no Unicode left out"),
            ),
        }
    }
}
