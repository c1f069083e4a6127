//! A Word .docx read in-process: the paragraphs of `word/document.xml` in
//! order, with Word's automatic numbering as the label it prints, hints from
//! styles and fonts, tables, text boxes; headers, footers, comments, page
//! numbers and deleted text left out.
//!
//! Read with zip and quick-xml (the versions docx-rs itself uses) rather than
//! docx-rs's reader: only the three parts needed are unpacked, each bounded
//! (a zip bomb stops at the bound), namespaces are resolved whatever their
//! prefix, nothing in the file can make it panic, and numbering (counters,
//! overrides, restarts), fields, tracked changes and text boxes are read as
//! Word prints them, which docx-rs's model leaves to its user.

use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};

use quick_xml::NsReader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;

use super::lines::{Hint, Mark, Para, date_line, ends_paragraph, join, mark};
use super::words::Failure;

/// The text a .docx may unpack to, all parts read together.
pub const MAX_UNPACKED: u64 = 64 << 20;

const W: &[u8] = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const W_STRICT: &[u8] = b"http://purl.oclc.org/ooxml/wordprocessingml/main";
const MC: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";

/// A .docx as read: its paragraphs, and where each image stood.
#[derive(Debug, Default)]
pub struct Docx {
    pub paras: Vec<Para>,
    /// For each image: the text of the paragraph before it (shortened).
    pub images: Vec<String>,
}

/// Whether `bytes` are an OLE compound file holding an encrypted Office
/// package (a .docx with an open password).
pub fn is_encrypted(bytes: &[u8]) -> bool {
    let name: Vec<u8> = "EncryptedPackage"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    bytes.starts_with(OLE) && bytes.windows(name.len()).any(|w| w == name)
}

/// The signature of an OLE compound file (.doc, .wps, an encrypted .docx).
pub const OLE: &[u8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1";

/// What a zip file holds: a Word document, an OpenDocument text, or neither.
pub fn zip_kind(bytes: &[u8]) -> Option<&'static str> {
    let zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let names: Vec<&str> = zip.file_names().collect();
    if names.iter().any(|n| n.starts_with("word/")) {
        Some("docx")
    } else if names.contains(&"content.xml") {
        Some("odt")
    } else {
        None
    }
}

/// Reads a .docx.
pub fn read(bytes: &[u8]) -> Result<Docx, Failure> {
    let corrupt = |detail: String| Failure::Corrupt { detail };
    let mut zip =
        zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| corrupt(format!("zip: {e}")))?;
    let mut budget = MAX_UNPACKED;
    let rels = part(&mut zip, "_rels/.rels", &mut budget)?;
    let main = rels
        .as_deref()
        .and_then(|r| target(r, "/officeDocument", ""))
        .unwrap_or_else(|| "word/document.xml".into());
    let document =
        part(&mut zip, &main, &mut budget)?.ok_or_else(|| corrupt(format!("no {main}")))?;
    let folder = main.rsplit_once('/').map_or("", |(f, _)| f);
    let rels_name = format!(
        "{folder}/_rels/{}.rels",
        main.rsplit('/').next().unwrap_or("")
    );
    let doc_rels = part(&mut zip, &rels_name, &mut budget)?;
    let named = |kind: &str, default: &str| {
        doc_rels
            .as_deref()
            .and_then(|r| target(r, kind, folder))
            .unwrap_or_else(|| format!("{folder}/{default}"))
    };
    let styles = match part(&mut zip, &named("/styles", "styles.xml"), &mut budget)? {
        Some(xml) => Styles::read(&xml).map_err(corrupt)?,
        None => Styles::default(),
    };
    let numbering = match part(&mut zip, &named("/numbering", "numbering.xml"), &mut budget)? {
        Some(xml) => Numbering::read(&xml).map_err(corrupt)?,
        None => Numbering::default(),
    };
    let mut walk = Walk::new(&styles, &numbering);
    walk.document(&document).map_err(corrupt)?;
    let mut docx = Docx {
        paras: walk.out,
        images: walk.images,
    };
    docx.paras = resolve_breaks(std::mem::take(&mut docx.paras));
    Ok(docx)
}

/// A part of the package, unpacked within what is left of `budget`; None
/// when the package has no such part.
fn part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    budget: &mut u64,
) -> Result<Option<Vec<u8>>, Failure> {
    let name = name.trim_start_matches('/');
    let mut file = match zip.by_name(name) {
        Ok(file) => file,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => {
            return Err(Failure::Corrupt {
                detail: format!("{name}: {e}"),
            });
        }
    };
    let mut bytes = Vec::new();
    (&mut file)
        .take(*budget + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::Corrupt {
            detail: format!("{name}: {e}"),
        })?;
    if bytes.len() as u64 > *budget {
        return Err(Failure::Unpacked {
            limit_mb: MAX_UNPACKED >> 20,
        });
    }
    *budget -= bytes.len() as u64;
    Ok(Some(bytes))
}

/// The target of the relationship whose type ends with `kind`, as a path in
/// the package (relative to `folder`).
fn target(rels: &[u8], kind: &str, folder: &str) -> Option<String> {
    let mut reader = quick_xml::Reader::from_reader(rels);
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == b"Relationship" => {
                if attr(&e, b"Type").is_some_and(|t| t.ends_with(kind))
                    && let Some(t) = attr(&e, b"Target")
                {
                    return Some(match t.strip_prefix('/') {
                        Some(absolute) => absolute.to_string(),
                        None if folder.is_empty() => t,
                        None => format!("{folder}/{t}"),
                    });
                }
            }
            Ok(Event::Eof) | Err(_) => return None,
            _ => {}
        }
        buf.clear();
    }
}

/// An attribute's value by its local name (whatever its prefix).
fn attr(e: &BytesStart<'_>, key: &[u8]) -> Option<String> {
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == key)
        .and_then(|a| {
            let raw = std::str::from_utf8(&a.value).ok()?;
            Some(quick_xml::escape::unescape(raw).ok()?.into_owned())
        })
}

fn is_on(e: &BytesStart<'_>) -> bool {
    !matches!(attr(e, b"val").as_deref(), Some("0" | "false" | "off"))
}

/// An element's name: in WordprocessingML's namespace, markup compatibility's,
/// or another.
#[derive(Clone, Copy, PartialEq)]
enum Ns {
    W,
    Mc,
    Other,
}

fn ns_of(ns: &ResolveResult<'_>) -> Ns {
    match ns {
        ResolveResult::Bound(n) if n.as_ref() == W || n.as_ref() == W_STRICT => Ns::W,
        ResolveResult::Bound(n) if n.as_ref() == MC => Ns::Mc,
        _ => Ns::Other,
    }
}

/// Reads XML with namespaces, calling `f` on each start (`true`) and empty
/// (`false`) element, `end` on each end, and `text` on character data.
fn each<S>(
    xml: &[u8],
    state: &mut S,
    mut start: impl FnMut(&mut S, Ns, &[u8], &BytesStart<'_>, bool),
    mut end: impl FnMut(&mut S, Ns, &[u8]),
    mut text: impl FnMut(&mut S, &str),
) -> Result<(), String> {
    let mut reader = NsReader::from_reader(xml);
    let mut buf = Vec::new();
    loop {
        let (ns, event) = reader
            .read_resolved_event_into(&mut buf)
            .map_err(|e| format!("XML: {e}"))?;
        match event {
            Event::Start(e) => start(state, ns_of(&ns), e.local_name().as_ref(), &e, true),
            Event::Empty(e) => start(state, ns_of(&ns), e.local_name().as_ref(), &e, false),
            Event::End(e) => end(state, ns_of(&ns), e.local_name().as_ref()),
            Event::Text(t) => text(state, &t.decode().map_err(|e| e.to_string())?),
            Event::CData(t) => text(state, &t.decode().map_err(|e| e.to_string())?),
            Event::GeneralRef(r) => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match &*r {
                        b"lt" => Some('<'),
                        b"gt" => Some('>'),
                        b"amp" => Some('&'),
                        b"quot" => Some('"'),
                        b"apos" => Some('\''),
                        _ => None,
                    },
                };
                if let Some(c) = c {
                    text(state, c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
        buf.clear();
    }
}

/// A paragraph style: what the document's styles say of paragraphs that use it.
#[derive(Debug, Default, Clone)]
struct Style {
    name: String,
    based_on: Option<String>,
    num_id: Option<String>,
    ilvl: Option<usize>,
    outline: Option<u8>,
    font: Option<String>,
}

#[derive(Debug, Default)]
struct Styles {
    by_id: HashMap<String, Style>,
    default_font: Option<String>,
}

impl Styles {
    fn read(xml: &[u8]) -> Result<Styles, String> {
        struct S {
            styles: Styles,
            current: Option<(String, Style)>,
            in_defaults: bool,
        }
        let mut s = S {
            styles: Styles::default(),
            current: None,
            in_defaults: false,
        };
        each(
            xml,
            &mut s,
            |s, ns, name, e, _| {
                if ns != Ns::W {
                    return;
                }
                match name {
                    b"style" => {
                        s.current =
                            Some((attr(e, b"styleId").unwrap_or_default(), Style::default()))
                    }
                    b"rPrDefault" => s.in_defaults = true,
                    b"rFonts" if s.in_defaults => s.styles.default_font = font_of(e),
                    _ => {}
                }
                let Some((_, style)) = s.current.as_mut() else {
                    return;
                };
                match name {
                    b"name" => style.name = attr(e, b"val").unwrap_or_default().to_lowercase(),
                    b"basedOn" => style.based_on = attr(e, b"val"),
                    b"numId" => style.num_id = attr(e, b"val"),
                    b"ilvl" => style.ilvl = attr(e, b"val").and_then(|v| v.parse().ok()),
                    b"outlineLvl" => style.outline = attr(e, b"val").and_then(|v| v.parse().ok()),
                    b"rFonts" => style.font = font_of(e).or(style.font.take()),
                    _ => {}
                }
            },
            |s, ns, name| match (ns, name) {
                (Ns::W, b"style") => {
                    if let Some((id, style)) = s.current.take() {
                        s.styles.by_id.insert(id, style);
                    }
                }
                (Ns::W, b"rPrDefault") => s.in_defaults = false,
                _ => {}
            },
            |_, _| {},
        )?;
        Ok(s.styles)
    }

    /// The style and those it is based on, nearest first (a loop is cut).
    fn chain(&self, id: Option<&str>) -> Vec<&Style> {
        let mut out = Vec::new();
        let mut next = id;
        while let Some(id) = next {
            match self.by_id.get(id) {
                Some(style) if out.len() < 16 => {
                    out.push(style);
                    next = style.based_on.as_deref();
                }
                _ => break,
            }
        }
        out
    }
}

/// The East Asian font an `rFonts` names (else its Latin one).
fn font_of(e: &BytesStart<'_>) -> Option<String> {
    attr(e, b"eastAsia")
        .or_else(|| attr(e, b"ascii"))
        .or_else(|| attr(e, b"hAnsi"))
}

/// The level a font is used for in 公文: 黑体 for 一、, 楷体 for （一）, 小标宋 for the title.
fn font_hint(font: &str) -> Hint {
    let lower = font.to_lowercase();
    if font.contains("小标宋") || lower.contains("xiaobiaosong") || lower.contains("fzxbs") {
        Hint::Title
    } else if font.contains("黑体") || (lower.contains("hei") && !lower.contains("yahei")) {
        Hint::Heading(1)
    } else if font.contains('楷') || lower.contains("kai") {
        Hint::Heading(2)
    } else {
        Hint::None
    }
}

/// One level of a list's numbering.
#[derive(Debug, Clone)]
struct Level {
    start: i64,
    format: Option<String>,
    text: String,
    /// After which level this one starts again (1-based; 0: never).
    restart: Option<usize>,
    legal: bool,
    style: Option<String>,
}

impl Default for Level {
    fn default() -> Level {
        Level {
            start: 1,
            format: None,
            text: String::new(),
            restart: None,
            legal: false,
            style: None,
        }
    }
}

#[derive(Debug, Default)]
struct Abstract {
    levels: HashMap<usize, Level>,
    /// Its numbering is that of a numbering style (`numStyleLink`).
    style_link: Option<String>,
}

#[derive(Debug, Default)]
struct Num {
    abstract_id: String,
    /// Per level: a start override, and a level redefined.
    overrides: HashMap<usize, (Option<i64>, Option<Level>)>,
}

#[derive(Debug, Default)]
struct Numbering {
    abstracts: HashMap<String, Abstract>,
    nums: HashMap<String, Num>,
}

impl Numbering {
    fn read(xml: &[u8]) -> Result<Numbering, String> {
        #[derive(Default)]
        struct S {
            n: Numbering,
            abstract_id: Option<String>,
            num_id: Option<String>,
            override_level: Option<usize>,
            level: Option<(usize, Level)>,
        }
        let mut s = S::default();
        each(
            xml,
            &mut s,
            |s, ns, name, e, _| {
                if ns != Ns::W {
                    return;
                }
                let val = || attr(e, b"val");
                match name {
                    b"abstractNum" => {
                        let id = attr(e, b"abstractNumId").unwrap_or_default();
                        s.n.abstracts.insert(id.clone(), Abstract::default());
                        s.abstract_id = Some(id);
                    }
                    b"num" => {
                        let id = attr(e, b"numId").unwrap_or_default();
                        s.n.nums.insert(id.clone(), Num::default());
                        s.num_id = Some(id);
                    }
                    b"abstractNumId" => {
                        if let Some(num) = s.num_id.as_ref().and_then(|id| s.n.nums.get_mut(id)) {
                            num.abstract_id = val().unwrap_or_default();
                        }
                    }
                    b"lvlOverride" => {
                        s.override_level = attr(e, b"ilvl").and_then(|v| v.parse().ok())
                    }
                    b"startOverride" => {
                        if let (Some(num), Some(l)) = (
                            s.num_id.as_ref().and_then(|id| s.n.nums.get_mut(id)),
                            s.override_level,
                        ) {
                            num.overrides.entry(l).or_default().0 =
                                val().and_then(|v| v.parse().ok());
                        }
                    }
                    b"numStyleLink" => {
                        if let Some(a) = s
                            .abstract_id
                            .as_ref()
                            .and_then(|id| s.n.abstracts.get_mut(id))
                        {
                            a.style_link = val();
                        }
                    }
                    b"lvl" => {
                        let ilvl = attr(e, b"ilvl")
                            .and_then(|v| v.parse().ok())
                            .or(s.override_level)
                            .unwrap_or(0);
                        s.level = Some((ilvl, Level::default()));
                    }
                    _ => {}
                }
                let Some((_, level)) = s.level.as_mut() else {
                    return;
                };
                match name {
                    b"start" => level.start = val().and_then(|v| v.parse().ok()).unwrap_or(1),
                    // Word 2010 writes a custom format, then the one older
                    // readers use: the custom one gives way.
                    b"numFmt" => {
                        let v = val().unwrap_or_default();
                        if level.format.is_none() || level.format.as_deref() == Some("custom") {
                            level.format = Some(v);
                        }
                    }
                    b"lvlText" => level.text = val().unwrap_or_default(),
                    b"lvlRestart" => level.restart = val().and_then(|v| v.parse().ok()),
                    b"isLgl" => level.legal = is_on(e),
                    b"pStyle" => level.style = val(),
                    _ => {}
                }
            },
            |s, ns, name| {
                if ns != Ns::W {
                    return;
                }
                match name {
                    b"lvl" => {
                        if let Some((ilvl, level)) = s.level.take() {
                            if let Some(l) = s.override_level
                                && let Some(num) =
                                    s.num_id.as_ref().and_then(|id| s.n.nums.get_mut(id))
                            {
                                num.overrides.entry(l).or_default().1 = Some(level);
                            } else if let Some(a) = s
                                .abstract_id
                                .as_ref()
                                .and_then(|id| s.n.abstracts.get_mut(id))
                            {
                                a.levels.insert(ilvl, level);
                            }
                        }
                    }
                    b"lvlOverride" => s.override_level = None,
                    b"abstractNum" => s.abstract_id = None,
                    b"num" => s.num_id = None,
                    _ => {}
                }
            },
            |_, _| {},
        )?;
        Ok(s.n)
    }

    /// The abstract numbering a `num` uses, through a numbering style's link.
    fn abstract_of(&self, num_id: &str, styles: &Styles) -> Option<(&str, &Abstract)> {
        let mut id = self.nums.get(num_id)?.abstract_id.as_str();
        for _ in 0..4 {
            let a = self.abstracts.get(id)?;
            let Some(link) = &a.style_link else {
                return Some((id, a));
            };
            let linked = styles.by_id.get(link)?.num_id.as_deref()?;
            id = self.nums.get(linked)?.abstract_id.as_str();
        }
        None
    }
}

/// The counters of each abstract numbering, shared by every `num` that uses it.
#[derive(Debug, Default)]
struct Counters {
    values: HashMap<String, [Option<i64>; 9]>,
    /// The `num`s seen: a `num`'s start overrides apply at its first paragraph.
    started: HashSet<String>,
}

impl Counters {
    /// The label Word prints before a paragraph of list `num_id` at level `ilvl`.
    fn label(
        &mut self,
        numbering: &Numbering,
        styles: &Styles,
        num_id: &str,
        ilvl: usize,
    ) -> Option<String> {
        let ilvl = ilvl.min(8);
        let num = numbering.nums.get(num_id)?;
        let (abstract_id, abs) = numbering.abstract_of(num_id, styles)?;
        let level_of = |l: usize| -> Option<&Level> {
            num.overrides
                .get(&l)
                .and_then(|(_, level)| level.as_ref())
                .or_else(|| abs.levels.get(&l))
        };
        let level = level_of(ilvl)?;
        let counters = self.values.entry(abstract_id.to_string()).or_default();
        if self.started.insert(num_id.to_string()) {
            for (&l, (start, _)) in &num.overrides {
                if let Some(start) = start
                    && l < 9
                {
                    counters[l] = Some(start - 1);
                }
            }
        }
        counters[ilvl] = Some(counters[ilvl].map_or(level.start, |c| c + 1));
        for (deeper, counter) in counters.iter_mut().enumerate().skip(ilvl + 1) {
            let restarts = level_of(deeper).is_none_or(|l| match l.restart {
                Some(0) => false,
                Some(after) => after > ilvl,
                None => true,
            });
            if restarts {
                *counter = None;
            }
        }
        if level.format.as_deref() == Some("bullet") {
            return None;
        }
        let mut label = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(d)) if (1..=9).contains(&d) => {
                    chars.next();
                    let l = d as usize - 1;
                    let other = level_of(l);
                    let value = counters[l].unwrap_or_else(|| other.map_or(1, |o| o.start));
                    let format = if level.legal && l != ilvl {
                        "decimal"
                    } else {
                        other.and_then(|o| o.format.as_deref()).unwrap_or("decimal")
                    };
                    label.push_str(&format_number(value, format));
                }
                _ => label.push(c),
            }
        }
        Some(label)
    }
}

/// A number as a list format writes it.
fn format_number(n: i64, format: &str) -> String {
    let u = n.max(0) as u64;
    let pick = |set: &str| -> String {
        let chars: Vec<char> = set.chars().collect();
        match u {
            0 => n.to_string(),
            _ => chars[((u - 1) % chars.len() as u64) as usize].to_string(),
        }
    };
    let enclosed = |first: u32| match u {
        1..=20 => char::from_u32(first + u as u32 - 1).map_or(n.to_string(), String::from),
        _ => n.to_string(),
    };
    match format {
        "none" => String::new(),
        "decimalZero" if (0..10).contains(&n) => format!("0{n}"),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => char::from_u32(0xFF10 + d).unwrap_or(c),
                None => c,
            })
            .collect(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => enclosed(0x2460),
        "decimalEnclosedParen" => enclosed(0x2474),
        "decimalEnclosedFullstop" => enclosed(0x2488),
        "upperLetter" | "lowerLetter" if u > 0 => {
            let base = if format == "upperLetter" { b'A' } else { b'a' };
            let letter = (base + ((u - 1) % 26) as u8) as char;
            letter.to_string().repeat(((u - 1) / 26 + 1) as usize)
        }
        "upperRoman" => crate::numerals::roman(u).to_uppercase(),
        "lowerRoman" => crate::numerals::roman(u),
        "chineseCounting"
        | "chineseCountingThousand"
        | "japaneseCounting"
        | "taiwaneseCounting"
        | "taiwaneseCountingThousand"
        | "koreanCounting" => crate::numerals::chinese(u),
        "ideographDigital" | "japaneseDigitalTenThousand" | "taiwaneseDigital" => n
            .to_string()
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) => "〇一二三四五六七八九".chars().nth(d as usize).unwrap_or(c),
                None => c,
            })
            .collect(),
        "ideographTraditional" => pick("甲乙丙丁戊己庚辛壬癸"),
        "ideographZodiac" => pick("子丑寅卯辰巳午未申酉戌亥"),
        "chineseLegalSimplified" | "ideographLegalTraditional" => {
            let (digits, ten) = if format == "chineseLegalSimplified" {
                ("零壹贰叁肆伍陆柒捌玖", "拾")
            } else {
                ("零壹貳參肆伍陸柒捌玖", "拾")
            };
            crate::numerals::chinese(u)
                .chars()
                .map(
                    |c| match "零一二三四五六七八九".chars().position(|d| d == c) {
                        Some(i) => digits.chars().nth(i).unwrap_or(c).to_string(),
                        None if c == '十' => ten.to_string(),
                        None => c.to_string(),
                    },
                )
                .collect()
        }
        _ => n.to_string(),
    }
}

/// A paragraph being read.
#[derive(Debug, Default)]
struct ParaBuild {
    text: String,
    style: Option<String>,
    num: Option<(Option<String>, Option<usize>)>,
    outline: Option<u8>,
    /// Characters read in each font.
    fonts: HashMap<String, usize>,
    /// The paragraph mark was deleted (a tracked change): it runs on into the next.
    mark_deleted: bool,
    /// Paragraphs of text boxes anchored in it, to follow it.
    boxed: Vec<Para>,
}

/// A table being read: rows of cells, each cell its paragraphs' text.
#[derive(Debug, Default)]
struct TableBuild {
    rows: Vec<Vec<String>>,
    /// The cells of the row being read, each with how many grid columns it spans.
    spans: Vec<usize>,
    /// The cell being read continues a vertical merge.
    merged: bool,
    cell: Vec<String>,
}

#[derive(Debug)]
enum Frame {
    Para(ParaBuild),
    Table(TableBuild),
}

/// A field: its instruction, whether its result is being read, and whether
/// that result is dropped (a page number, a table of contents).
#[derive(Debug, Default)]
struct Field {
    instr: String,
    in_result: bool,
    dropped: bool,
}

fn dropped_field(instr: &str) -> bool {
    let word = instr.split_whitespace().next().unwrap_or("").to_uppercase();
    matches!(
        word.as_str(),
        "PAGE" | "NUMPAGES" | "SECTIONPAGES" | "SECTION" | "PAGEREF" | "TOC"
    )
}

/// The walk through `document.xml`.
struct Walk<'a> {
    styles: &'a Styles,
    numbering: &'a Numbering,
    counters: Counters,
    frames: Vec<Frame>,
    out: Vec<Para>,
    images: Vec<String>,
    /// The depth inside an element whose content is left out (deleted text,
    /// a Fallback, a field's dropped part…): 0 when reading.
    skip: usize,
    fields: Vec<Field>,
    /// For each open mc:AlternateContent, whether a Choice was read.
    alternates: Vec<bool>,
    in_ppr: bool,
    in_rpr: bool,
    in_instr: bool,
    /// In a `w:t`: its characters are text (whitespace between elements is not).
    in_t: bool,
    run_font: Option<String>,
    run_style_font: Option<String>,
    run_hidden: bool,
    /// The last paragraph's mark was deleted: the next paragraph goes on from it.
    run_on: bool,
}

impl<'a> Walk<'a> {
    fn new(styles: &'a Styles, numbering: &'a Numbering) -> Walk<'a> {
        Walk {
            styles,
            numbering,
            counters: Counters::default(),
            frames: Vec::new(),
            out: Vec::new(),
            images: Vec::new(),
            skip: 0,
            fields: Vec::new(),
            alternates: Vec::new(),
            in_ppr: false,
            in_rpr: false,
            in_instr: false,
            in_t: false,
            run_font: None,
            run_style_font: None,
            run_hidden: false,
            run_on: false,
        }
    }

    fn document(&mut self, xml: &[u8]) -> Result<(), String> {
        each(
            xml,
            self,
            |w, ns, name, e, opens| w.start(ns, name, e, opens),
            |w, ns, name| w.end(ns, name),
            |w, text| w.text(text),
        )
    }

    fn para(&mut self) -> Option<&mut ParaBuild> {
        self.frames.iter_mut().rev().find_map(|f| match f {
            Frame::Para(p) => Some(p),
            Frame::Table(_) => None,
        })
    }

    fn start(&mut self, ns: Ns, name: &[u8], e: &BytesStart<'_>, opens: bool) {
        if self.skip > 0 {
            self.skip += usize::from(opens);
            return;
        }
        let skip = |w: &mut Self| w.skip = usize::from(opens);
        if ns == Ns::Mc {
            match name {
                b"AlternateContent" if opens => self.alternates.push(false),
                b"Choice" | b"Fallback" => match self.alternates.last_mut() {
                    Some(read) if !*read => *read = true,
                    _ => skip(self),
                },
                _ => {}
            }
            return;
        }
        // Images: a picture (DrawingML or VML) or an embedded object.
        if (ns == Ns::Other && matches!(name, b"blip" | b"imagedata"))
            || (ns == Ns::W && name == b"object")
        {
            let before = self
                .para()
                .map(|p| p.text.clone())
                .filter(|t| !t.trim().is_empty())
                .or_else(|| self.out.last().map(|p| p.text.clone()))
                .unwrap_or_default();
            self.images.push(shorten(&before));
            if name == b"object" {
                skip(self);
            }
            return;
        }
        if ns != Ns::W {
            return;
        }
        match name {
            b"p" if opens => self.frames.push(Frame::Para(ParaBuild::default())),
            b"tbl" if opens => self.frames.push(Frame::Table(TableBuild::default())),
            b"tr" => {
                if let Some(Frame::Table(t)) = self.frames.last_mut() {
                    t.rows.push(Vec::new());
                    t.spans.clear();
                }
            }
            b"tc" if opens => {
                if let Some(Frame::Table(t)) = self.frames.last_mut() {
                    t.cell.clear();
                    t.merged = false;
                    t.spans.push(1);
                }
            }
            b"gridSpan" => {
                if let Some(Frame::Table(t)) = self.frames.last_mut()
                    && let Some(span) = t.spans.last_mut()
                {
                    *span = attr(e, b"val")
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1)
                        .clamp(1, 64);
                }
            }
            b"vMerge" => {
                if let Some(Frame::Table(t)) = self.frames.last_mut() {
                    t.merged = attr(e, b"val").is_none_or(|v| v == "continue");
                }
            }
            // Left out: deleted and moved-away text, ruby annotations, a
            // paragraph's section properties, footnote and comment marks.
            b"del" if !self.in_ppr => skip(self),
            b"moveFrom" | b"delText" | b"delInstrText" | b"rt" | b"sectPr" | b"pPrChange"
            | b"rPrChange" | b"tblPrChange" | b"tcPrChange" | b"trPrChange" | b"tblGridChange"
            | b"sectPrChange" | b"numberingChange" => skip(self),
            b"t" if opens => self.in_t = true,
            b"del" => {
                if let Some(p) = self.para() {
                    p.mark_deleted = true;
                }
            }
            b"pPr" if opens => self.in_ppr = true,
            b"rPr" if opens => self.in_rpr = true,
            b"r" if opens => {
                self.run_font = None;
                self.run_style_font = None;
                self.run_hidden = false;
            }
            b"pStyle" if self.in_ppr => {
                let style = attr(e, b"val");
                if let Some(p) = self.para() {
                    p.style = style;
                }
            }
            b"numId" | b"ilvl" if self.in_ppr => {
                let val = attr(e, b"val");
                if let Some(p) = self.para() {
                    let num = p.num.get_or_insert((None, None));
                    if name == b"numId" {
                        num.0 = val;
                    } else {
                        num.1 = val.and_then(|v| v.parse().ok());
                    }
                }
            }
            b"outlineLvl" if self.in_ppr => {
                let level = attr(e, b"val").and_then(|v| v.parse().ok());
                if let Some(p) = self.para() {
                    p.outline = level;
                }
            }
            b"rFonts" if self.in_rpr && !self.in_ppr => self.run_font = font_of(e),
            b"rStyle" if self.in_rpr && !self.in_ppr => {
                self.run_style_font = attr(e, b"val").and_then(|id| {
                    self.styles
                        .chain(Some(&id))
                        .iter()
                        .find_map(|s| s.font.clone())
                })
            }
            b"vanish" if self.in_rpr && !self.in_ppr => self.run_hidden = is_on(e),
            b"fldChar" => match attr(e, b"fldCharType").as_deref() {
                Some("begin") => self.fields.push(Field::default()),
                Some("separate") => {
                    if let Some(f) = self.fields.last_mut() {
                        f.in_result = true;
                        f.dropped = dropped_field(&f.instr);
                    }
                }
                Some("end") => {
                    self.fields.pop();
                }
                _ => {}
            },
            b"instrText" if opens => self.in_instr = true,
            b"fldSimple" if attr(e, b"instr").is_some_and(|i| dropped_field(&i)) => skip(self),
            b"tab" if !self.in_ppr => self.push_text("\t"),
            b"br" | b"cr" if !matches!(attr(e, b"type").as_deref(), Some("page" | "column")) => {
                self.push_text("\n")
            }
            b"noBreakHyphen" => self.push_text("-"),
            b"sym" => {
                if let Some(c) = attr(e, b"char")
                    .and_then(|h| u32::from_str_radix(&h, 16).ok())
                    .filter(|c| !(0xE000..=0xF8FF).contains(c))
                    .and_then(char::from_u32)
                {
                    self.push_text(c.encode_utf8(&mut [0; 4]));
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, ns: Ns, name: &[u8]) {
        if self.skip > 0 {
            self.skip -= 1;
            return;
        }
        if ns == Ns::Mc && name == b"AlternateContent" {
            self.alternates.pop();
            return;
        }
        if ns != Ns::W {
            return;
        }
        match name {
            b"p" => {
                if let Some(Frame::Para(p)) = self.frames.pop() {
                    self.finish_para(p);
                }
            }
            b"tbl" => {
                if let Some(Frame::Table(t)) = self.frames.pop() {
                    self.finish_table(t);
                }
            }
            b"tc" => {
                if let Some(Frame::Table(t)) = self.frames.last_mut() {
                    let text = if t.merged {
                        String::new()
                    } else {
                        t.cell
                            .iter()
                            .map(|c| c.trim().replace('\u{3000}', ""))
                            .filter(|c| !c.is_empty())
                            .fold(String::new(), |a, b| join(&a, &b))
                    };
                    let span = t.spans.last().copied().unwrap_or(1);
                    if let Some(row) = t.rows.last_mut() {
                        row.push(text);
                        row.extend(std::iter::repeat_n(String::new(), span - 1));
                    }
                }
            }
            b"pPr" => self.in_ppr = false,
            b"rPr" => self.in_rpr = false,
            b"instrText" => self.in_instr = false,
            b"t" => self.in_t = false,
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if self.skip > 0 {
            return;
        }
        if self.in_instr {
            if let Some(f) = self.fields.last_mut()
                && !f.in_result
            {
                f.instr.push_str(text);
            }
            return;
        }
        if self.in_t {
            self.push_text(text);
        }
    }

    /// Text of a run: kept unless it is hidden, in a field's instruction or
    /// in a dropped field's result.
    fn push_text(&mut self, text: &str) {
        if self.skip > 0 || self.run_hidden || self.fields.iter().any(|f| !f.in_result || f.dropped)
        {
            return;
        }
        let font = self
            .run_font
            .clone()
            .or_else(|| self.run_style_font.clone());
        if let Some(p) = self.para() {
            p.text.push_str(text);
            let n = text.chars().filter(|c| !c.is_whitespace()).count();
            if n > 0 {
                *p.fonts.entry(font.unwrap_or_default()).or_default() += n;
            }
        }
    }

    /// A paragraph read: its label and hint, then to the cell, paragraph
    /// (a text box's) or document it stands in.
    fn finish_para(&mut self, p: ParaBuild) {
        let chain = self.styles.chain(p.style.as_deref());
        // Numbering: the paragraph's own, else its style's.
        let (num_id, ilvl) = match &p.num {
            Some((id, l)) => (
                id.clone()
                    .or_else(|| chain.iter().find_map(|s| s.num_id.clone())),
                *l,
            ),
            None => (chain.iter().find_map(|s| s.num_id.clone()), None),
        };
        let label = num_id.filter(|id| id != "0").and_then(|id| {
            let ilvl = ilvl
                .or_else(|| chain.iter().find_map(|s| s.ilvl))
                .or_else(|| {
                    let style = p.style.as_deref()?;
                    let (_, abs) = self.numbering.abstract_of(&id, self.styles)?;
                    abs.levels
                        .iter()
                        .find(|(_, l)| l.style.as_deref() == Some(style))
                        .map(|(i, _)| *i)
                })
                .unwrap_or(0);
            self.counters.label(self.numbering, self.styles, &id, ilvl)
        });
        let hint = self.hint(&p, &chain);
        let body = p.text.trim_start_matches([' ', '\u{3000}', '\t']);
        let text = match label {
            Some(label) if !label.is_empty() => {
                let latin = label.ends_with(['.', ')'])
                    && body.starts_with(|c: char| c.is_ascii_alphanumeric());
                format!("{label}{}{body}", if latin { " " } else { "" })
            }
            _ => p.text.clone(),
        };
        let para = Para {
            text,
            hint,
            table: None,
        };
        let boxed = p.boxed;
        self.place(para);
        for b in boxed {
            self.place(b);
        }
        self.run_on = p.mark_deleted;
    }

    /// What a paragraph's style, outline level and fonts say it is.
    fn hint(&self, p: &ParaBuild, chain: &[&Style]) -> Hint {
        for style in chain {
            let name = style.name.as_str();
            if name == "title" || name == "标题" {
                return Hint::Title;
            }
            for prefix in ["heading ", "标题 ", "标题"] {
                if let Some(level) = name
                    .strip_prefix(prefix)
                    .and_then(|l| l.trim().parse::<u8>().ok())
                {
                    return Hint::Heading(level.clamp(1, 9));
                }
            }
        }
        if let Some(outline) = p.outline.or_else(|| chain.iter().find_map(|s| s.outline))
            && outline < 9
        {
            return Hint::Heading(outline + 1);
        }
        // The font of most of its characters: a run's own, else its
        // paragraph style's, else the document's.
        let style_font = chain
            .iter()
            .find_map(|s| s.font.clone())
            .or_else(|| self.styles.default_font.clone())
            .unwrap_or_default();
        let mut fonts: HashMap<&str, usize> = HashMap::new();
        for (font, n) in &p.fonts {
            let font = if font.is_empty() { &style_font } else { font };
            *fonts.entry(font.as_str()).or_default() += n;
        }
        fonts
            .into_iter()
            .max_by_key(|(font, n)| (*n, *font))
            .map_or(Hint::None, |(font, _)| font_hint(font))
    }

    /// Where a finished paragraph goes: the cell of the table being read,
    /// the paragraph a text box is anchored in, or the document.
    fn place(&mut self, para: Para) {
        match self.frames.last_mut() {
            Some(Frame::Table(t)) => t.cell.push(match &para.table {
                Some(rows) => super::lines::table_text(rows),
                None => para.text,
            }),
            Some(Frame::Para(p)) => p.boxed.push(para),
            None => {
                if std::mem::take(&mut self.run_on)
                    && let Some(last) = self.out.last_mut()
                    && last.table.is_none()
                    && para.table.is_none()
                {
                    last.text.push_str(&para.text);
                    return;
                }
                self.out.push(para);
            }
        }
    }

    /// A table read: a table block; a table of one column (a frame around
    /// text) is its paragraphs.
    fn finish_table(&mut self, t: TableBuild) {
        let rows: Vec<Vec<String>> = t.rows.into_iter().filter(|r| !r.is_empty()).collect();
        let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
        if columns <= 1 {
            for cell in rows.into_iter().flatten().filter(|c| !c.trim().is_empty()) {
                self.place(Para {
                    text: cell,
                    ..Para::default()
                });
            }
            return;
        }
        self.place(Para {
            text: String::new(),
            hint: Hint::None,
            table: Some(rows),
        });
    }
}

/// Soft line breaks: in the title (the first paragraph of text) it is one
/// title; elsewhere a line break ends a paragraph where a sentence ends or a
/// numbered line, a date or an attachment note follows (the signature and
/// the date are often one paragraph), else the lines are one paragraph.
/// Tabs are spaces.
fn resolve_breaks(paras: Vec<Para>) -> Vec<Para> {
    let mut out = Vec::with_capacity(paras.len());
    let mut title_seen = false;
    for para in paras {
        if para.table.is_some() {
            out.push(para);
            continue;
        }
        let text = para.text.replace('\t', " ");
        let pieces: Vec<&str> = text
            .split(['\n', '\r'])
            .map(|p| p.trim_matches([' ', '\u{3000}']))
            .filter(|p| !p.is_empty())
            .collect();
        if pieces.is_empty() {
            continue;
        }
        let title = !std::mem::replace(&mut title_seen, true);
        let mut current = String::new();
        for piece in pieces {
            if current.is_empty() {
                current = piece.to_string();
            } else if title
                || (!ends_paragraph(&current)
                    && mark(piece).0 == Mark::None
                    && date_line(piece).is_none()
                    && !piece.starts_with("附件"))
            {
                current = join(&current, piece);
            } else {
                out.push(Para {
                    text: std::mem::take(&mut current),
                    ..para.clone()
                });
                current = piece.to_string();
            }
        }
        out.push(Para {
            text: current,
            ..para
        });
    }
    out
}

fn shorten(text: &str) -> String {
    let text = text.trim();
    let short: String = text.chars().take(16).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
}
