//! The 公文's elements beyond the report (GB/T 9704-2012): the 发文字号 read
//! into its parts, the covering document's title, and the seal images (the
//! seal, each signature's seal or 签名章), read only from the paths the input
//! gives.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::locale::tr;
use crate::model::{DocKind, Document, Lang};

/// The last line of a 联合行文's 标志 ("××文件" of one organ), as the input
/// writes it (GB/T 9704 7.2.3).
pub const WENJIAN: &str = "文件";

/// A 发文字号 read: 机关代字, year, number; or why it is not one.
#[derive(Debug, PartialEq, Eq)]
pub struct DocNumber {
    pub prefix: String,
    pub year: i32,
    pub number: u32,
}

/// Reads `×教工〔2021〕15号`. The error is the message key of what is wrong
/// (`doc-number-brackets`, `-first`, `-zero`, `-end`).
pub fn doc_number(text: &str) -> Result<DocNumber, &'static str> {
    let Some((prefix, rest)) = text.split_once('〔') else {
        return Err("doc-number-brackets");
    };
    let Some((year, rest)) = rest.split_once('〕') else {
        return Err("doc-number-brackets");
    };
    let Ok(year) = year.parse::<i32>() else {
        return Err("doc-number-brackets");
    };
    if year < 1000 {
        return Err("doc-number-brackets");
    }
    let Some(number) = rest.strip_suffix('号') else {
        return Err("doc-number-end");
    };
    if number.starts_with('第') {
        return Err("doc-number-first");
    }
    if number.starts_with('0') {
        return Err("doc-number-zero");
    }
    let Ok(number) = number.parse::<u32>() else {
        return Err("doc-number-end");
    };
    Ok(DocNumber {
        prefix: prefix.to_string(),
        year,
        number,
    })
}

/// The covering document's title: the one written, or one derived from the
/// 文种 and the report's title.
pub fn cover_title(document: &Document, report_title: &str, lang: Lang) -> String {
    if let Some(title) = &document.title {
        return title.value.clone();
    }
    let key = match document.kind.as_ref().map(|k| k.value) {
        Some(DocKind::Notice) => "cover-title-notice",
        Some(DocKind::Report) => "cover-title-report",
        Some(DocKind::Request) => "cover-title-request",
        Some(DocKind::Letter) => "cover-title-letter",
        Some(DocKind::Minutes) => "cover-title-minutes",
        None => return report_title.to_string(),
    };
    tr!(lang, key, title = report_title)
}

/// What a seal image is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageFormat {
    Png,
    Svg,
}

impl ImageFormat {
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Png => "png",
            ImageFormat::Svg => "svg",
        }
    }
}

/// The seal, as the input asks for it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seal {
    /// Space for a seal stamped by hand.
    Space,
    /// An image: its bytes and format.
    Image(ImageFormat, Vec<u8>),
}

/// The most a seal image may be.
pub const SEAL_LIMIT: u64 = 4 << 20;

/// The seal `document.seal` asks for: `space`, or the image at the path it
/// names, relative to the input's folder (`input` is the input's path: a
/// file or a folder). The error is the message key of what is wrong.
pub fn seal(document: &Document, input: &Path) -> Option<Result<Seal, &'static str>> {
    Some(image(&document.seal.as_ref()?.value, input))
}

/// A seal or 签名章 as written: `space`, or the image at the path it names,
/// relative to the input's folder.
pub fn image(written: &str, input: &Path) -> Result<Seal, &'static str> {
    let written = written.trim();
    if written == "space" {
        return Ok(Seal::Space);
    }
    if written.is_empty() {
        return Err("seal-empty");
    }
    read_image(&seal_path(written, input))
}

/// How the closing is signed: its signatures' names (none: `meta.signature`
/// stands), and each one's seal or each one's 签名章.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sealing {
    /// `document.signatures`' names, in order; empty without them.
    pub names: Vec<String>,
    /// Each signature's seal or 签名章 in order (None: space for a seal
    /// stamped by hand, or an image checking refused); empty: no seal.
    pub images: Vec<Option<(ImageFormat, Vec<u8>)>>,
    /// 签名章 beside the 签发人's post (GB/T 9704 7.3.5.3) rather than
    /// seals over the organs' names (7.3.5.1).
    pub stamped: bool,
}

/// The closing's seals as the document asks for them: `signatures` (each
/// with its own seal or 签名章), or the one `seal` over `meta.signature`.
/// An image that cannot be read is None here; checking refuses it (E1106).
pub fn sealing(document: &Document, input: &Path) -> Sealing {
    let read = |t: &crate::model::Text| match image(&t.value, input) {
        Ok(Seal::Image(format, bytes)) => Some((format, bytes)),
        _ => None,
    };
    let Some(signatures) = &document.signatures else {
        return Sealing {
            images: document.seal.iter().map(read).collect(),
            ..Sealing::default()
        };
    };
    let list = &signatures.value;
    let stamped = list.iter().any(|s| s.stamp.is_some());
    let sealed = list.iter().any(|s| s.seal.is_some() || s.stamp.is_some());
    Sealing {
        names: list
            .iter()
            .map(|s| s.name.value.trim().to_string())
            .collect(),
        images: if sealed {
            list.iter()
                .map(|s| s.stamp.as_ref().or(s.seal.as_ref()).and_then(read))
                .collect()
        } else {
            Vec::new()
        },
        stamped,
    }
}

/// Where the seal image is: the path as written, relative to the input's folder.
pub fn seal_path(written: &str, input: &Path) -> PathBuf {
    let folder = if input.is_dir() {
        input
    } else {
        input.parent().unwrap_or(Path::new("."))
    };
    folder.join(written)
}

fn read_image(path: &Path) -> Result<Seal, &'static str> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(SEAL_LIMIT + 1).read_to_end(&mut bytes))
        .map_err(|_| "seal-unreadable")?;
    if bytes.len() as u64 > SEAL_LIMIT {
        return Err("seal-unreadable");
    }
    match image_format(&bytes) {
        Some(format) => Ok(Seal::Image(format, bytes)),
        None => Err("seal-format"),
    }
}

/// What an image's bytes are: a PNG by its signature, an SVG by its
/// `<svg` in the first 4 KiB; neither, None.
pub fn image_format(bytes: &[u8]) -> Option<ImageFormat> {
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Some(ImageFormat::Png);
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    head.contains("<svg").then_some(ImageFormat::Svg)
}

/// Words that end a 请示: a request for instruction or approval.
pub const REQUEST_ENDINGS: [&str; 7] = [
    "请批示",
    "请审批",
    "请批复",
    "请予批准",
    "请审定",
    "请指示",
    "请核准",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_numbers_are_read_and_their_slips_named() {
        assert_eq!(
            doc_number("×教工〔2021〕15号"),
            Ok(DocNumber {
                prefix: "×教工".into(),
                year: 2021,
                number: 15
            })
        );
        assert_eq!(doc_number("×教工[2021]15号"), Err("doc-number-brackets"));
        assert_eq!(doc_number("×教工（2021）15号"), Err("doc-number-brackets"));
        assert_eq!(doc_number("×教工〔2021〕第15号"), Err("doc-number-first"));
        assert_eq!(doc_number("×教工〔2021〕015号"), Err("doc-number-zero"));
        assert_eq!(doc_number("×教工〔2021〕15"), Err("doc-number-end"));
    }
}
