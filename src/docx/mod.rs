//! Markdown → DOCX: the same Markdown the PDF is made from, read into
//! [`crate::blocks`] and written through docx-rs as a 公文 that WPS and Word open
//! ready to edit: named styles with outline levels, the GB/T 9704 page and its
//! 22 × 28 grid, customary East-Asian font names, "— N —" footers on the outer
//! side. What docx-rs cannot say (mirrored margins, repeated header rows) is
//! added to its XML before packing.

mod gongwen;
mod grid;
mod styles;

use std::io::Cursor;

use crate::blocks::{self, Block, Inline};
use crate::cjk::RunBreaker;
use crate::typeset::RecordPage;
use crate::typeset::writer::soft_break_is_space;
use docx_rs::{
    AlignmentType, BreakType, DocGrid, DocGridType, Docx, FieldCharType, Footer, InstrPAGE,
    InstrText, LineSpacing, LineSpacingType, PageMargin, Paragraph, Run, SectionProperty, Table,
    TableCell, TableRow, WidthType,
};

pub use grid::{CHAR_SPACING, LINE_PITCH, TEXT_WIDTH};
pub use styles::FontChoice;

/// What the DOCX says about itself and how it is set.
#[derive(Clone)]
pub struct DocxMeta {
    pub title: String,
    pub author: String,
    /// The document date, `YYYY-MM-DD`: the file's dates, so that the same
    /// input gives the same bytes.
    pub date: String,
    pub lang: crate::model::Lang,
    pub fonts: FontChoice,
    /// The seals' (or 签名章') images, one for each signature in order, as
    /// the input gave them (None: space for a seal stamped by hand).
    pub seals: Vec<Option<(crate::gongwen::ImageFormat, Vec<u8>)>>,
    /// Where the PDF set the 版记 (None: not known, the next even page).
    pub record: Option<crate::typeset::RecordPage>,
}

/// The DOCX of a document's Markdown.
pub fn docx(markdown: &str, meta: &DocxMeta) -> Vec<u8> {
    // Checking refuses such characters in every field; should one come
    // through all the same, it is left out rather than make XML that Word
    // and WPS refuse to open.
    let markdown = xml_text(markdown);
    let meta = &DocxMeta {
        title: xml_text(&meta.title),
        author: xml_text(&meta.author),
        ..meta.clone()
    };
    let mut writer = Writer::new(meta.lang == crate::model::Lang::En);
    writer.seals = meta
        .seals
        .iter()
        .map(|s| {
            s.as_ref()
                .and_then(|(format, bytes)| seal_image(*format, bytes))
        })
        .collect();
    writer.record_page = meta.record;
    writer.blocks(&blocks::parse(&markdown));
    // What is still open ends with the document.
    writer.finish();
    let stamp = format!("{}T00:00:00Z", meta.date);
    let mut docx = Docx::new()
        .page_size(grid::PAGE_WIDTH, grid::PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(grid::MARGIN_TOP)
                .bottom(grid::MARGIN_BOTTOM)
                .left(grid::MARGIN_INSIDE)
                .right(grid::MARGIN_OUTSIDE)
                .header(grid::HEADER)
                .footer(grid::FOOTER)
                .gutter(0),
        )
        .styles(styles::styles(
            meta.fonts,
            meta.lang == crate::model::Lang::En,
        ))
        .footer(page_number_footer(AlignmentType::Right))
        .even_footer(page_number_footer(AlignmentType::Left))
        .created_at(&stamp)
        .updated_at(&stamp);
    // A 函's page one: the 标志 and its double rule in the header, the lower
    // double rule in the footer, no page number.
    if let Some(issuer) = &writer.letterhead {
        docx = docx
            .first_header(gongwen::letter_header(issuer))
            .first_footer(gongwen::letter_footer());
    }
    docx.document = docx.document.doc_grid(
        DocGrid::new()
            .grid_type(DocGridType::Lines)
            .line_pitch(LINE_PITCH),
    );
    let record_section = writer.record_section;
    let letter = writer.letterhead.is_some();
    let record = writer.record.take();
    for part in writer.parts {
        docx = match part {
            Part::Paragraph(p) => docx.add_paragraph(*p),
            Part::Table(t) => docx.add_table(*t),
        };
    }
    let mut xml = docx.build();
    xml.settings = patch_settings(&xml.settings);
    xml.styles = patch_styles(&xml.styles, meta.lang == crate::model::Lang::En);
    xml.document = patch_document(&xml.document);
    xml.document = patch_seal(&xml.document);
    if let Some(run) = &record {
        xml.document = anchor_record(&xml.document, run);
    }
    if record_section {
        // After a blank page the 版记's page carries no number either.
        let footer = (meta.record == Some(RecordPage::AfterBlank)).then(|| empty_footer(&mut xml));
        xml.document = patch_sections(&xml.document, footer.as_deref(), !letter);
    }
    xml.doc_props.core = patch_core(&xml.doc_props.core, meta);
    let parts = [
        &xml.document,
        &xml.styles,
        &xml.settings,
        &xml.doc_props.core,
    ];
    debug_assert!(parts.iter().all(|p| xml_chars_only(p)));
    let mut out = Cursor::new(Vec::new());
    xml.pack(&mut out)
        .expect("a DOCX of strings is written to memory");
    out.into_inner()
}

/// A text with only the characters XML 1.0 allows (no C0 control but tab,
/// line feed and carriage return; no U+FFFE, U+FFFF).
pub fn xml_text(text: &str) -> String {
    text.chars().filter(|&c| xml_char(c)).collect()
}

fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

/// Whether an XML part is UTF-8 with only the characters XML allows.
pub fn xml_chars_only(part: &[u8]) -> bool {
    std::str::from_utf8(part).is_ok_and(|s| s.chars().all(xml_char))
}

/// Whether a DOCX package's XML parts are well-formed: UTF-8, only the
/// characters XML allows, tags that close in order. Err: the first part that
/// is not, and why.
pub fn check_package(bytes: &[u8]) -> Result<(), String> {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| e.to_string())?;
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(|e| e.to_string())?;
        let name = part.name().to_string();
        if !(name.ends_with(".xml") || name.ends_with(".rels")) {
            continue;
        }
        let mut xml = Vec::new();
        part.read_to_end(&mut xml)
            .map_err(|e| format!("{name}: {e}"))?;
        if !xml_chars_only(&xml) {
            return Err(crate::locale::tr!(
                crate::locale::user_lang(),
                "docx-bad-character",
                part = name
            ));
        }
        let mut reader = quick_xml::Reader::from_reader(xml.as_slice());
        let mut buffer = Vec::new();
        loop {
            match reader.read_event_into(&mut buffer) {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => buffer.clear(),
                Err(e) => return Err(format!("{name}: {e}")),
            }
        }
    }
    Ok(())
}

/// A footer with the page number "— N —" in 四号 Song (the Footer style),
/// one character in from the outer edge.
fn page_number_footer(align: AlignmentType) -> Footer {
    let page = Paragraph::new()
        .style(styles::FOOTER)
        .align(align)
        .add_run(Run::new().add_text("— "))
        .add_run(Run::new().add_field_char(FieldCharType::Begin, false))
        .add_run(Run::new().add_instr_text(InstrText::PAGE(InstrPAGE::new())))
        .add_run(Run::new().add_field_char(FieldCharType::Separate, false))
        .add_run(Run::new().add_text("1"))
        .add_run(Run::new().add_field_char(FieldCharType::End, false))
        .add_run(Run::new().add_text(" —"));
    Footer::new().add_paragraph(page)
}

/// Mirrored margins (inside 28 mm, outside 26 mm) for two-sided printing, as
/// the PDF has them; docx-rs has no setting for it. In the schema's order:
/// before `w:defaultTabStop`.
fn patch_settings(settings: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(settings);
    text.replacen(
        "<w:defaultTabStop",
        "<w:mirrorMargins /><w:defaultTabStop",
        1,
    )
    .into_bytes()
}

/// Paragraph defaults docx-rs has no setting for: no widow control (a 公文
/// fills every page's 22 lines) and no extra space between Chinese and Latin
/// text or digits ("2020年", a character grid), before `w:spacing` as the
/// schema orders them.
fn patch_styles(styles: &[u8], english: bool) -> Vec<u8> {
    let text = String::from_utf8_lossy(styles);
    // Indents in characters as well as twips (docx-rs writes only twips), so
    // that they follow a changed font size: two characters first-line, three
    // hanging, two at the right.
    let text = text
        .replace(
            "w:firstLine=\"640\" />",
            "w:firstLine=\"640\" w:firstLineChars=\"200\" />",
        )
        .replace(
            "w:hanging=\"960\" />",
            "w:hanging=\"960\" w:hangingChars=\"300\" />",
        )
        .replace("w:right=\"640\"", "w:right=\"640\" w:rightChars=\"200\"");
    // In every paragraph style as in the defaults (LibreOffice reads them there).
    let text = text.replace(
        "<w:spacing ",
        "<w:autoSpaceDE w:val=\"0\" /><w:autoSpaceDN w:val=\"0\" /><w:spacing ",
    );
    let mut text = text.replacen(
        "<w:pPrDefault><w:pPr><w:rPr />",
        "<w:pPrDefault><w:pPr><w:widowControl w:val=\"0\" />",
        1,
    );
    // 28 characters a line: every run 0.25 pt closer (`grid::CHAR_SPACING`),
    // before the size as the schema orders them. English text has no
    // character grid.
    if !english {
        text = text.replacen(
            "<w:rPrDefault><w:rPr><w:sz ",
            &format!(
                "<w:rPrDefault><w:rPr><w:spacing w:val=\"{}\" /><w:sz ",
                grid::CHAR_SPACING
            ),
            1,
        );
    }
    text.into_bytes()
}

/// Each table's first row repeats on every page (`w:tblHeader`); docx-rs has
/// no setting for it, so the rows nianbao marks as headers get it here.
fn patch_document(document: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(document).replace(HEADER_ROW_MARK, "<w:tblHeader />");
    // The header and footer references first in the section's properties, as
    // the schema orders them (docx-rs writes them last).
    let Some(start) = text.rfind("<w:sectPr>") else {
        return text.into_bytes();
    };
    let body_start = start + "<w:sectPr>".len();
    let mut references = String::new();
    let mut rest = text[body_start..].to_string();
    for kind in ["<w:headerReference", "<w:footerReference"] {
        while let Some(at) = rest.find(kind) {
            let end = at + rest[at..].find("/>").map_or(0, |n| n + 2);
            references.push_str(&rest[at..end]);
            rest.replace_range(at..end, "");
        }
    }
    // A 函's distinct page one before the grid, as the schema orders them.
    if let Some(at) = rest.find("<w:titlePg />") {
        rest.replace_range(at..at + "<w:titlePg />".len(), "");
        if let Some(grid) = rest.find("<w:docGrid") {
            rest.insert_str(grid, "<w:titlePg />");
        }
    }
    format!("{}{references}{rest}", &text[..body_start]).into_bytes()
}

/// The document in two sections when its 版记 has a page of its own: the
/// body's section ends with the paragraph that holds the placeholder
/// properties [`Writer::end_body_section`] gave it, and takes the page's
/// properties as they are; the 版记's section begins on an even page
/// (`w:type` evenPage: Word, WPS and LibreOffice insert a blank page when
/// the body ends on an even one; a 函's on the next page, `even` false), has no distinct page one (page one's header
/// and footer are a 函's 信函格式), and its footers are the page numbers', or
/// `empty_footer` after a blank page.
fn patch_sections(document: &[u8], empty_footer: Option<&str>, even: bool) -> Vec<u8> {
    let text = String::from_utf8_lossy(document).into_owned();
    let element = |from: usize| {
        let start = from + text[from..].find("<w:sectPr>")?;
        let end = start + text[start..].find("</w:sectPr>")? + "</w:sectPr>".len();
        Some((start, end))
    };
    let (Some(placeholder), Some(last)) = (element(0), text.rfind("<w:sectPr>").and_then(element))
    else {
        return text.into_bytes();
    };
    if placeholder.0 >= last.0 {
        return text.into_bytes();
    }
    let page = &text[last.0..last.1];
    let mut record = String::with_capacity(page.len());
    let mut rest = page;
    // Each reference kept or left out, its part swapped for the empty footer.
    while let Some(at) = ["<w:headerReference", "<w:footerReference"]
        .iter()
        .filter_map(|kind| rest.find(kind))
        .min()
    {
        let end = at + rest[at..].find("/>").map_or(rest.len() - at, |n| n + 2);
        let reference = &rest[at..end];
        record.push_str(&rest[..at]);
        if !reference.contains("w:type=\"first\"") {
            match (empty_footer, reference.starts_with("<w:footerReference")) {
                (Some(rid), true) => {
                    let kind = if reference.contains("w:type=\"even\"") {
                        "even"
                    } else {
                        "default"
                    };
                    record.push_str(&format!(
                        "<w:footerReference w:type=\"{kind}\" r:id=\"{rid}\" />"
                    ));
                }
                _ => record.push_str(reference),
            }
        }
        rest = &rest[end..];
    }
    record.push_str(rest);
    // A 函's 抄送 goes on the next page, any page, as the PDF's.
    let kind = if even { "evenPage" } else { "nextPage" };
    let record = record.replace("<w:titlePg />", "").replacen(
        "<w:pgSz",
        &format!("<w:type w:val=\"{kind}\" /><w:pgSz"),
        1,
    );
    format!(
        "{}{page}{}{record}{}",
        &text[..placeholder.0],
        &text[placeholder.1..last.0],
        &text[last.1..]
    )
    .into_bytes()
}

/// The 版记's text box in the document's last paragraph (the one before the
/// final section's properties, which [`Writer`] made for it), after its
/// properties.
fn anchor_record(document: &[u8], run: &str) -> Vec<u8> {
    let mut text = String::from_utf8_lossy(document).into_owned();
    let end = text.rfind("<w:sectPr>").unwrap_or(text.len());
    if let Some(at) = text[..end].rfind("</w:p>") {
        text.insert_str(at, run);
    }
    text.into_bytes()
}

/// A footer with nothing in it, added to the package: the 版记's page's
/// after a blank page. Its relationship's id.
fn empty_footer(xml: &mut docx_rs::XMLDocx) -> String {
    use docx_rs::BuildXML;
    let number = xml.footers.len() + 1;
    let id = "rIdFooterRecord";
    xml.footers.push(
        Footer::new()
            .add_paragraph(Paragraph::new().style(styles::FOOTER))
            .build(),
    );
    let rels = String::from_utf8_lossy(&xml.document_rels).replacen(
        "</Relationships>",
        &format!("<Relationship Id=\"{id}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer{number}.xml\" /></Relationships>"),
        1,
    );
    xml.document_rels = rels.into_bytes();
    let types = String::from_utf8_lossy(&xml.content_type).replacen(
        "</Types>",
        &format!("<Override PartName=\"/word/footer{number}.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\" /></Types>"),
        1,
    );
    xml.content_type = types.into_bytes();
    id.to_string()
}

/// A paragraph a point high: the document's last (it ends with one) or the
/// body's when a table ends it, so that it never takes a page of its own.
fn tiny_paragraph() -> Paragraph {
    Paragraph::new().style(styles::RECORD).line_spacing(
        LineSpacing::new()
            .line_rule(LineSpacingType::Exact)
            .line(20)
            .before(0)
            .after(0),
    )
}

/// The seals float behind the text without pushing it aside (docx-rs writes
/// an anchored picture in front of the text, wrapped square): they are the
/// only anchored drawings nianbao writes. Each has its own drawing id (docx-rs
/// numbers every one 1; ids are unique in a document).
fn patch_seal(document: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(document)
        .replace("behindDoc=\"0\"", "behindDoc=\"1\"")
        .replace(
            "<wp:wrapSquare wrapText=\"bothSides\" />",
            "<wp:wrapNone />",
        );
    const DRAWING: &str = "<wp:docPr id=\"1\" name=\"Figure\" />";
    let mut pieces = text.split(DRAWING);
    let mut numbered = pieces.next().unwrap_or_default().to_string();
    for (n, piece) in pieces.enumerate() {
        numbered.push_str(&format!(
            "<wp:docPr id=\"{}\" name=\"Seal {}\" />",
            n + 1,
            n + 1
        ));
        numbered.push_str(piece);
    }
    let text = numbered;
    // docx-rs writes a negative offset as its unsigned 32-bit twin: the
    // seal stands above its paragraph.
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    const OPEN: &str = "<wp:posOffset>";
    while let Some(at) = rest.find(OPEN) {
        let start = at + OPEN.len();
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let end = rest.find('<').unwrap_or(rest.len());
        match rest[..end].parse::<u32>() {
            Ok(n) => out.push_str(&(n as i32).to_string()),
            Err(_) => out.push_str(&rest[..end]),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    // A floating table's position first in its properties, as the schema
    // orders them (docx-rs writes it last, and LibreOffice then leaves the
    // 版记 in the flow).
    let mut text = out;
    let mut from = 0;
    while let Some(at) = text[from..].find("<w:tblpPr ").map(|n| n + from) {
        let end = at + text[at..].find("/>").map_or(0, |n| n + 2);
        let position = text[at..end].to_string();
        let Some(start) = text[..at].rfind("<w:tblPr>") else {
            break;
        };
        text.replace_range(at..end, "");
        let insert = start + "<w:tblPr>".len();
        text.insert_str(insert, &position);
        from = end;
    }
    text.into_bytes()
}

/// The seal as a PNG: a PNG as it is, an SVG drawn at 600 pixels on its
/// longer side (42 mm at about 360 dpi). None when it cannot be read
/// (checking has refused such a seal, E1106).
fn seal_image(format: crate::gongwen::ImageFormat, bytes: &[u8]) -> Option<gongwen::SealImage> {
    match format {
        crate::gongwen::ImageFormat::Png => {
            // The size from the IHDR chunk: width and height after the
            // signature and the chunk's length and type.
            let size =
                |at: usize| Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
            Some(gongwen::SealImage {
                png: bytes.to_vec(),
                width: size(16)?,
                height: size(20)?,
            })
        }
        crate::gongwen::ImageFormat::Svg => {
            let tree =
                resvg::usvg::Tree::from_data(bytes, &resvg::usvg::Options::default()).ok()?;
            let size = tree.size();
            let scale = 600.0 / size.width().max(size.height());
            let (width, height) = (
                (size.width() * scale).ceil() as u32,
                (size.height() * scale).ceil() as u32,
            );
            let mut pixmap = resvg::tiny_skia::Pixmap::new(width.max(1), height.max(1))?;
            resvg::render(
                &tree,
                resvg::tiny_skia::Transform::from_scale(scale, scale),
                &mut pixmap.as_mut(),
            );
            Some(gongwen::SealImage {
                png: pixmap.encode_png().ok()?,
                width: pixmap.width(),
                height: pixmap.height(),
            })
        }
    }
}

/// What a header row carries until [`patch_document`] makes it `w:tblHeader`:
/// docx-rs's `cantSplit`, which nianbao sets on header rows only.
const HEADER_ROW_MARK: &str = "<w:cantSplit />";

/// The core properties: the title and author, and the document date as the
/// file's dates, never the clock.
fn patch_core(core: &[u8], meta: &DocxMeta) -> Vec<u8> {
    let text = String::from_utf8_lossy(core).into_owned();
    let escaped = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let text = text
        .replace(
            "<dc:creator>unknown</dc:creator>",
            &format!("<dc:creator>{}</dc:creator>", escaped(&meta.author)),
        )
        .replace(
            "<cp:lastModifiedBy>unknown</cp:lastModifiedBy>",
            "<cp:lastModifiedBy>nianbao</cp:lastModifiedBy>",
        );
    let mut extra = String::new();
    extra.push_str(&format!("<dc:title>{}</dc:title>", escaped(&meta.title)));
    extra.push_str(&format!("<dc:language>{}</dc:language>", meta.lang.code()));
    match text.rfind("</cp:coreProperties>") {
        Some(at) if !text.contains("<dc:title>") => {
            format!("{}{extra}{}", &text[..at], &text[at..]).into_bytes()
        }
        _ => text.into_bytes(),
    }
}

/// Space before a title under a 版头's red rule, in twips: two lines below
/// the rule to the title's glyphs (40 pt, as in the PDF), which stand 9 pt
/// below the top of their 579-twip line.
const TITLE_AFTER_RULE: u32 = 640;

/// The text of inlines, for the 公文's elements (plain text, no emphasis).
fn plain(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::SoftBreak | Inline::HardBreak => {}
            Inline::Emphasis(c)
            | Inline::Strong(c)
            | Inline::Strikethrough(c)
            | Inline::Link { content: c, .. }
            | Inline::Image(c) => out.push_str(&plain(c)),
        }
    }
    out
}

/// A paragraph or table of the document's body.
enum Part {
    Paragraph(Box<Paragraph>),
    Table(Box<Table>),
}

/// A paragraph being built: its style, runs, and whether it starts a page.
struct Open {
    style: &'static str,
    runs: Vec<Run>,
    page_break_before: bool,
}

/// Headings stay with what follows them.
fn keeps_with_next(style: &str) -> bool {
    style == styles::TITLE || styles::HEADING.contains(&style)
}

#[derive(Default)]
struct TableBuild {
    rows: Vec<Vec<String>>,
    header_rows: usize,
}

/// Turns blocks into paragraphs and tables, mirroring the Typst writer: the
/// same blocks, the same text.
struct Writer {
    english: bool,
    parts: Vec<Part>,
    open: Option<Open>,
    strong: usize,
    page_break_next: bool,
    /// How many list items are open: their paragraphs end with the item.
    items: usize,
    cell: Option<String>,
    last_char: Option<char>,
    pending_soft_break: bool,
    /// The run of text without a break opportunity so far: Word breaks a
    /// Latin word only at a space, so a run longer than a line gets zero-width
    /// spaces, as in the PDF.
    runs: RunBreaker,
    /// The seals' or 签名章' images, for a signature and date under a seal.
    seals: Vec<Option<gongwen::SealImage>>,
    /// A 函's 标志, for page one's header.
    letterhead: Option<Vec<String>>,
    /// The title comes next after a 版头: two lines below its red rule.
    after_masthead: bool,
    /// Where the PDF set the 版记.
    record_page: Option<crate::typeset::RecordPage>,
    /// The 版记 is in a section of its own, begun on an even page.
    record_section: bool,
    /// The run of the 版记's text box, for the document's last paragraph.
    record: Option<String>,
}

impl Writer {
    fn new(english: bool) -> Self {
        Writer {
            english,
            parts: Vec::new(),
            open: None,
            strong: 0,
            page_break_next: false,
            items: 0,
            cell: None,
            last_char: None,
            pending_soft_break: false,
            runs: RunBreaker::default(),
            seals: Vec::new(),
            letterhead: None,
            after_masthead: false,
            record_page: None,
            record_section: false,
            record: None,
        }
    }

    fn blocks(&mut self, blocks: &[Block]) {
        for block in blocks {
            self.block(block);
        }
    }

    fn block(&mut self, block: &Block) {
        match block {
            Block::Title(content) => {
                self.heading(styles::TITLE, content);
                if std::mem::take(&mut self.after_masthead)
                    && let Some(Part::Paragraph(p)) = self.parts.last_mut()
                {
                    // Two lines below the red rule.
                    let taken = std::mem::take(p.as_mut());
                    **p = taken.line_spacing(LineSpacing::new().before(TITLE_AFTER_RULE));
                }
            }
            Block::Heading { level, content } => {
                self.heading(styles::HEADING[(level - 1).min(3)], content)
            }
            Block::Paragraph(content) => self.paragraph(styles::BODY, content),
            Block::Closing(content) => {
                // The signature and date are never alone on a page: the
                // block before them stays with them.
                self.keep_last_with_next();
                self.paragraph(styles::CLOSING, content);
            }
            Block::AnnexNote(content) => self.paragraph(styles::ANNEX_NOTE, content),
            Block::AttachmentLabel(content) => self.paragraph(styles::ATTACHMENT_LABEL, content),
            Block::PageBreak => self.page_break_next = true,
            // The chart is in the PDF only.
            Block::Chart => {}
            Block::List(items) => {
                for item in items {
                    self.begin(styles::BODY);
                    let marker = if self.english {
                        format!("{} ", item.marker)
                    } else {
                        item.marker.clone()
                    };
                    self.push_run(&marker);
                    self.items += 1;
                    self.blocks(&item.blocks);
                    self.items -= 1;
                    self.finish();
                }
            }
            // A loose item's first paragraph is the item's own.
            Block::ItemParagraph(content) | Block::Plain(content) => self.inlines(content),
            Block::Quote(blocks) => self.blocks(blocks),
            // An empty code block is no paragraph.
            Block::Code(text) | Block::Html(text) if text.is_empty() => {}
            Block::Code(text) | Block::Html(text) => self.text(text),
            Block::Table { head, rows, .. } => {
                // What was open goes before the table.
                self.finish();
                let mut t = TableBuild {
                    header_rows: 1,
                    ..TableBuild::default()
                };
                for row in std::iter::once(head).chain(rows) {
                    let mut texts = Vec::new();
                    for cell in row {
                        self.cell = Some(String::new());
                        self.runs.reset();
                        self.inlines(cell);
                        texts.extend(self.cell.take());
                    }
                    t.rows.push(texts);
                }
                self.parts.push(Part::Table(Box::new(table(&t))));
            }
            Block::Rule => self.finish(),
            Block::Masthead(m) => {
                self.finish();
                let marks: Vec<String> = m.marks.iter().map(|l| plain(l)).collect();
                let issuer: Vec<String> = m.issuer.iter().map(|l| plain(l)).collect();
                let number = m.number.as_deref().map(plain);
                let pieces = if m.letter {
                    self.letterhead = Some(issuer);
                    gongwen::letter_lines(&marks, number.as_deref())
                        .into_iter()
                        .map(|p| Part::Paragraph(Box::new(p)))
                        .collect()
                } else {
                    let signers = m.signers.as_ref().map(|(label, names)| {
                        (
                            plain(label),
                            names.iter().map(|n| plain(n)).collect::<Vec<_>>(),
                        )
                    });
                    gongwen::masthead(
                        &marks,
                        &issuer,
                        number.as_deref(),
                        signers.as_ref().map(|(l, n)| (l.as_str(), n.as_slice())),
                    )
                };
                self.parts.extend(pieces);
                self.after_masthead = true;
            }
            Block::Addressee(content) => self.paragraph(styles::ADDRESSEE, content),
            Block::Annotation(content) => self.paragraph(styles::BODY, content),
            Block::SealedClosing(content) | Block::StampedClosing(content) => {
                self.keep_last_with_next();
                let lines: Vec<String> = blocks::lines(content).iter().map(|l| plain(l)).collect();
                let paragraphs = match block {
                    Block::StampedClosing(_) => gongwen::stamped_closing(&lines, &self.seals),
                    _ => gongwen::sealed_closing(&lines, &self.seals),
                };
                self.parts
                    .extend(paragraphs.into_iter().map(|p| Part::Paragraph(Box::new(p))));
            }
            Block::Record { cc, print } => {
                self.finish();
                let cc = cc.as_deref().map(plain);
                let print: Vec<String> = print
                    .as_deref()
                    .map(blocks::lines)
                    .unwrap_or_default()
                    .iter()
                    .map(|l| plain(l))
                    .collect();
                let print = match print.as_slice() {
                    [printer, printed, ..] => Some((printer.as_str(), printed.as_str())),
                    _ => None,
                };
                let letter = self.letterhead.is_some();
                // On the body's last page when the PDF found it even and
                // with room; else in a section of its own that begins on an
                // even page (GB/T 9704 7.5), which Word, WPS and LibreOffice
                // keep even when the body is edited.
                let apart = self.record_page != Some(RecordPage::Last);
                if apart {
                    self.end_body_section();
                }
                // Its text box, anchored in the document's last paragraph, a
                // point high so that it never takes a page of its own.
                let lang = if self.english {
                    crate::model::Lang::En
                } else {
                    crate::model::Lang::Zh
                };
                let name = crate::locale::tr!(lang, "docx-record-box");
                self.record = Some(gongwen::record(
                    cc.as_deref(),
                    print,
                    letter,
                    &name,
                    apart && !letter,
                ));
                self.parts.push(Part::Paragraph(Box::new(tiny_paragraph())));
            }
            Block::Element(_, content) => self.paragraph(styles::BODY, content),
        }
    }

    /// A title or heading: a paragraph of its own.
    fn heading(&mut self, style: &'static str, content: &[Inline]) {
        self.begin(style);
        self.inlines(content);
        self.finish();
    }

    /// A paragraph, which ends here unless it is in a list item.
    fn paragraph(&mut self, style: &'static str, content: &[Inline]) {
        self.begin(style);
        self.inlines(content);
        if self.items == 0 {
            self.finish();
        }
    }

    fn inlines(&mut self, inlines: &[Inline]) {
        for inline in inlines {
            self.inline(inline);
        }
    }

    fn inline(&mut self, inline: &Inline) {
        match inline {
            Inline::Text(text) | Inline::Code(text) => self.text(text),
            Inline::SoftBreak => self.pending_soft_break = true,
            Inline::HardBreak => self.line_break(),
            Inline::Strong(content) => {
                self.strong += 1;
                self.inlines(content);
                self.strong -= 1;
            }
            Inline::Emphasis(content)
            | Inline::Strikethrough(content)
            | Inline::Link { content, .. }
            | Inline::Image(content) => self.inlines(content),
        }
    }

    fn begin(&mut self, style: &'static str) {
        self.finish();
        self.open = Some(Open {
            style,
            runs: Vec::new(),
            page_break_before: std::mem::take(&mut self.page_break_next),
        });
        self.runs.reset();
        self.last_char = None;
        self.pending_soft_break = false;
    }

    /// The body's section ends with the last paragraph written (a point
    /// high one after a table): its properties, a placeholder here, become
    /// those of the document's page in [`patch_sections`].
    fn end_body_section(&mut self) {
        self.finish();
        let end = match self.parts.last_mut() {
            Some(Part::Paragraph(p)) => p,
            _ => {
                self.parts.push(Part::Paragraph(Box::new(tiny_paragraph())));
                match self.parts.last_mut() {
                    Some(Part::Paragraph(p)) => p,
                    _ => return,
                }
            }
        };
        let taken = std::mem::take(end.as_mut());
        **end = taken.section_property(SectionProperty::new());
        self.record_section = true;
    }

    /// The last paragraph written stays on the page of the next one.
    fn keep_last_with_next(&mut self) {
        self.finish();
        if let Some(Part::Paragraph(p)) = self.parts.last_mut() {
            let taken = std::mem::take(p.as_mut());
            **p = taken.keep_next(true);
        }
    }

    fn finish(&mut self) {
        if let Some(open) = self.open.take() {
            let mut p = Paragraph::new().style(open.style);
            if open.page_break_before {
                p = p.page_break_before(true);
            }
            if keeps_with_next(open.style) {
                p = p.keep_next(true);
            }
            if open.style == styles::CLOSING {
                p = p.keep_lines(true);
            }
            for run in open.runs {
                p = p.add_run(run);
            }
            self.parts.push(Part::Paragraph(Box::new(p)));
        }
    }

    fn text(&mut self, text: &str) {
        if let Some(cell) = self.cell.as_mut() {
            cell.push_str(&self.runs.apply(text));
            return;
        }
        if std::mem::take(&mut self.pending_soft_break) && soft_break_is_space(self.last_char, text)
        {
            self.push_run(" ");
            self.runs.reset();
        }
        let broken = self.runs.apply(text);
        self.push_run(&broken);
        if let Some(c) = text.chars().last() {
            self.last_char = Some(c);
        }
    }

    fn push_run(&mut self, text: &str) {
        if self.open.is_none() {
            self.begin(styles::BODY);
        }
        let mut run = Run::new().add_text(text);
        if self.strong > 0 {
            run = run.style(styles::RUN_IN);
        }
        if let Some(open) = self.open.as_mut() {
            open.runs.push(run);
        }
    }

    fn line_break(&mut self) {
        self.runs.reset();
        if let Some(cell) = self.cell.as_mut() {
            cell.push(' ');
            return;
        }
        if let Some(open) = self.open.as_mut() {
            open.runs
                .push(Run::new().add_break(BreakType::TextWrapping));
        }
        self.last_char = None;
        self.pending_soft_break = false;
    }
}

/// A table across the text width: equal columns given as `w:gridCol` and as
/// each cell's width (WPS reads the grid), the header row repeated on every page.
fn table(t: &TableBuild) -> Table {
    let columns = t.rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let width = TEXT_WIDTH / columns;
    let rows = t
        .rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let cells = (0..columns)
                .map(|c| {
                    let text = row.get(c).map_or("", String::as_str);
                    TableCell::new().width(width, WidthType::Dxa).add_paragraph(
                        Paragraph::new()
                            .style(styles::TABLE_TEXT)
                            .add_run(Run::new().add_text(text)),
                    )
                })
                .collect();
            let row = TableRow::new(cells);
            if i < t.header_rows {
                row.cant_split()
            } else {
                row
            }
        })
        .collect();
    Table::new(rows)
        .set_grid(vec![width; columns])
        .width(width * columns, WidthType::Dxa)
        .style(styles::TABLE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    /// Characters XML cannot hold never reach a part of the package, whatever
    /// the text held (checking refuses them; this is the writer's own guard).
    #[test]
    fn every_part_holds_only_characters_xml_allows() {
        let meta = DocxMeta {
            title: "总结\u{1b}[31m".into(),
            author: "工会\u{0}".into(),
            date: "2020-12-20".into(),
            lang: crate::model::Lang::Zh,
            fonts: FontChoice::default(),
            seals: Vec::new(),
            record: None,
        };
        let bytes = docx("# 标题\u{1b}\n\n一是\u{1}\u{8}落实\u{fffe}。\n", &meta);
        assert_eq!(check_package(&bytes), Ok(()));
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut checked = 0;
        for i in 0..zip.len() {
            let mut part = zip.by_index(i).unwrap();
            if !part.name().ends_with(".xml") && !part.name().ends_with(".rels") {
                continue;
            }
            let mut xml = Vec::new();
            part.read_to_end(&mut xml).unwrap();
            assert!(xml_chars_only(&xml), "{}", part.name());
            checked += 1;
        }
        assert!(checked >= 8, "{checked} parts");
        assert_eq!(xml_text("a\u{1b}b\u{7f}c\tz"), "ab\u{7f}c\tz");
        // What the check finds in a package that is not well-formed.
        let broken = package_with(
            "word/document.xml",
            "<w:document><w:t>a\u{1b}</w:t></w:document>",
        );
        assert_eq!(
            check_package(&broken),
            Err("word/document.xml: a character XML does not allow".into())
        );
        let unclosed = package_with("word/document.xml", "<w:document><w:t>a</w:document>");
        assert!(
            check_package(&unclosed)
                .unwrap_err()
                .starts_with("word/document.xml: ")
        );
    }

    fn package_with(name: &str, xml: &str) -> Vec<u8> {
        use std::io::Write;
        let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(xml.as_bytes()).unwrap();
        out.finish().unwrap().into_inner()
    }
}
