//! PDFs read back in-process with hayro (the PDF reader Typst's own tests
//! use, already built for nianbao through typst-svg): the text of each page in
//! layout order, its words with their boxes, the fonts and the document's
//! information. Nothing outside Rust is needed (these were poppler's
//! pdftotext, pdftotext -bbox, pdffonts and pdfinfo).

use std::path::Path;

use hayro_interpret::font::Glyph;
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::hayro_syntax::Pdf;
use hayro_interpret::hayro_syntax::object::{Array, Dict, Name, Stream};
use hayro_interpret::{
    BlendMode, ClipPath, Context, Device, GlyphDrawMode, Image, InterpreterCache,
    InterpreterSettings, Paint, PathDrawMode, SoftMask, interpret_page,
};
use kurbo::{Affine, BezPath, Rect};

// A glyph drawn on a page, read as import reads a PDF's text.
use nianbao::import::Drawn;

/// Collects the glyphs of one page, and what it draws with positions and
/// colours (`Ink`, in millimetres from the top left of a page `height` high).
#[derive(Default)]
struct Glyphs(Vec<Drawn>, Ink, f64);

impl Device<'_> for Glyphs {
    fn set_soft_mask(&mut self, _: Option<SoftMask<'_>>) {}
    fn set_blend_mode(&mut self, _: BlendMode) {}
    fn draw_path(
        &mut self,
        path: &BezPath,
        transform: Affine,
        paint: &Paint<'_>,
        mode: &PathDrawMode,
    ) {
        match mode {
            PathDrawMode::Fill(_) => self.fill(path, transform, paint),
            PathDrawMode::Stroke(props) => self.stroke(path, transform, paint, props.line_width),
        }
    }
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'_>>, _: BlendMode) {}
    fn draw_image(&mut self, _: Image<'_, '_>, _: Affine) {}
    fn pop_clip_path(&mut self) {}
    fn pop_transparency_group(&mut self) {}

    fn draw_glyph(
        &mut self,
        glyph: &Glyph<'_>,
        transform: Affine,
        glyph_transform: Affine,
        paint: &Paint<'_>,
        mode: &GlyphDrawMode,
    ) {
        // A glyph drawn twice (fill, then stroke) is read once.
        if matches!(mode, GlyphDrawMode::Stroke(_)) {
            return;
        }
        self.ink(glyph, transform * glyph_transform, paint);
        let order = self.0.len();
        self.0
            .push(Drawn::of(glyph, transform * glyph_transform, order));
    }
}

/// A word: the glyphs of a line with no space between them.
#[derive(Clone, Debug, PartialEq)]
pub struct Word {
    /// The page, from 1.
    pub page: usize,
    /// Where its first glyph starts and its last glyph's advance ends, in points
    /// from the left edge of the page.
    pub x_min: f64,
    pub x_max: f64,
    pub text: String,
}

/// A page's glyphs as lines of words, top to bottom and left to right.
///
/// Glyphs are one line when their baselines are less than a third of an em
/// apart; in a line, a gap wider than a sixth of an em (or a space glyph)
/// separates words. This is the reading of `pdftotext -layout` for what these
/// tests compare: its spaces (several to lay out columns, one here) are not
/// compared anywhere, its line and page breaks are.
fn lines(mut glyphs: Vec<Drawn>) -> Vec<Vec<Vec<Drawn>>> {
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y));
    let mut lines: Vec<Vec<Drawn>> = Vec::new();
    for glyph in glyphs {
        match lines.last_mut() {
            Some(line) if (line[0].y - glyph.y).abs() < line[0].size.max(glyph.size) / 3.0 => {
                line.push(glyph)
            }
            _ => lines.push(vec![glyph]),
        }
    }
    lines
        .into_iter()
        .map(|mut line| {
            // Left to right, by runs: glyphs drawn one after the other, each
            // starting no more than half an em before the one before it, stay
            // in the order drawn (a combining mark, a glyph pulled left over a
            // compressed punctuation mark); the runs (cells of a table row, a
            // page number's parts) are put in order of where they start.
            line.sort_by_key(|g| g.order);
            let mut runs: Vec<Vec<Drawn>> = Vec::new();
            for glyph in line {
                match runs.last_mut() {
                    Some(run) if glyph.x0 >= run.last().unwrap().x0 - glyph.size / 2.0 => {
                        run.push(glyph)
                    }
                    _ => runs.push(vec![glyph]),
                }
            }
            runs.sort_by(|a, b| a[0].x0.total_cmp(&b[0].x0));
            let line = runs.into_iter().flatten();
            let mut words: Vec<Vec<Drawn>> = Vec::new();
            let mut gap = true;
            let mut end = f64::NEG_INFINITY;
            for glyph in line {
                if glyph.text.chars().all(char::is_whitespace) {
                    gap = true;
                    continue;
                }
                if glyph.x0 - end > glyph.size / 6.0 {
                    gap = true;
                }
                end = end.max(glyph.x1);
                match words.last_mut() {
                    Some(word) if !gap => word.push(glyph),
                    _ => words.push(vec![glyph]),
                }
                gap = false;
            }
            words
        })
        .filter(|words| !words.is_empty())
        .collect()
}

/// The glyphs of every page of a PDF.
fn glyphs(pdf: &Path) -> Vec<Vec<Drawn>> {
    read_pages(pdf).into_iter().map(|g| g.0).collect()
}

/// What every page of a PDF draws.
fn read_pages(pdf: &Path) -> Vec<Glyphs> {
    let data = std::fs::read(pdf).unwrap_or_else(|e| panic!("read {}: {e}", pdf.display()));
    let pdf = Pdf::new(data).unwrap_or_else(|e| panic!("{} is no PDF: {e:?}", pdf.display()));
    let cache = InterpreterCache::new();
    pdf.pages()
        .iter()
        .map(|page| {
            let mut context = Context::new(
                Affine::IDENTITY,
                Rect::new(0.0, 0.0, 1.0, 1.0),
                &cache,
                pdf.xref(),
                InterpreterSettings::default(),
            );
            let b = page.media_box();
            let mut glyphs = Glyphs(Vec::new(), Ink::default(), b.y1 - b.y0);
            interpret_page(page, &mut context, &mut glyphs);
            glyphs
        })
        .collect()
}

/// The text of each page: its lines top to bottom, the words of a line
/// separated by one space.
pub fn pdf_pages(pdf: &Path) -> Vec<String> {
    glyphs(pdf)
        .into_iter()
        .map(|page| {
            lines(page)
                .iter()
                .map(|line| {
                    line.iter()
                        .map(|word| word.iter().map(|g| g.text.as_str()).collect::<String>())
                        .collect::<Vec<_>>()
                        .join(" ")
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect()
}

/// The text of a PDF: each page's lines and a form feed after each page, as
/// pdftotext writes it.
pub fn pdf_text(pdf: &Path) -> String {
    pdf_pages(pdf)
        .iter()
        .map(|page| format!("{page}\n\u{c}"))
        .collect()
}

/// Every word of a PDF with its place.
pub fn pdf_words(pdf: &Path) -> Vec<Word> {
    glyphs(pdf)
        .into_iter()
        .enumerate()
        .flat_map(|(at, page)| {
            lines(page).into_iter().flatten().map(move |word| Word {
                page: at + 1,
                x_min: word[0].x0,
                x_max: word.iter().map(|g| g.x1).fold(f64::NEG_INFINITY, f64::max),
                text: word.iter().map(|g| g.text.as_str()).collect(),
            })
        })
        .collect()
}

/// A font of a PDF, as pdffonts lists it.
#[derive(Clone, Debug)]
pub struct Font {
    /// Its /BaseFont, with the subset's tag ("ABCDEF+") if it has one.
    pub name: String,
    /// Its /Subtype (Type0, TrueType…).
    pub kind: String,
    /// The font program is in the PDF.
    pub embedded: bool,
    /// The name has a subset's tag.
    pub subset: bool,
    /// It has a /ToUnicode map.
    pub unicode: bool,
}

impl Font {
    /// The name without the subset's tag.
    pub fn family(&self) -> &str {
        match self.name.split_once('+') {
            Some((tag, rest)) if tag.len() == 6 => rest,
            _ => &self.name,
        }
    }
}

/// The fonts the pages (and the forms they draw) use, each font object once,
/// in the order met.
pub fn pdf_fonts(pdf: &Path) -> Vec<Font> {
    let data = std::fs::read(pdf).unwrap_or_else(|e| panic!("read {}: {e}", pdf.display()));
    let pdf = Pdf::new(data).unwrap_or_else(|e| panic!("{} is no PDF: {e:?}", pdf.display()));
    let mut seen = Vec::new();
    let mut fonts = Vec::new();
    for page in pdf.pages().iter() {
        let resources = page.resources();
        collect_fonts(
            &resources.fonts,
            &resources.x_objects,
            &mut seen,
            &mut fonts,
            0,
        );
    }
    fonts
}

fn collect_fonts(
    font_dict: &Dict<'_>,
    x_objects: &Dict<'_>,
    seen: &mut Vec<String>,
    fonts: &mut Vec<Font>,
    depth: usize,
) {
    for key in font_dict.keys() {
        let Some(font) = font_dict.get::<Dict<'_>>(key.as_ref()) else {
            continue;
        };
        let id = font_dict
            .get_ref(key.as_ref())
            .map_or_else(|| format!("{font:?}"), |r| format!("{r:?}"));
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        let name = |dict: &Dict<'_>, key: &str| {
            dict.get::<Name<'_>>(key)
                .map(|n| n.as_str().to_string())
                .unwrap_or_default()
        };
        let base = name(&font, "BaseFont");
        let kind = name(&font, "Subtype");
        // A composite font's program is in its descendant's descriptor.
        let described = font
            .get::<Array<'_>>("DescendantFonts")
            .and_then(|a| a.iter::<Dict<'_>>().next())
            .unwrap_or_else(|| font.clone());
        let embedded = described
            .get::<Dict<'_>>("FontDescriptor")
            .is_some_and(|d| {
                ["FontFile", "FontFile2", "FontFile3"]
                    .iter()
                    .any(|k| d.contains_key(k))
            });
        let subset = base
            .split_once('+')
            .is_some_and(|(tag, _)| tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()));
        fonts.push(Font {
            name: base,
            kind,
            embedded,
            subset,
            unicode: font.contains_key("ToUnicode"),
        });
    }
    if depth > 8 {
        return;
    }
    for key in x_objects.keys() {
        let Some(form) = x_objects.get::<Stream<'_>>(key.as_ref()) else {
            continue;
        };
        let Some(resources) = form.dict().get::<Dict<'_>>("Resources") else {
            continue;
        };
        let inner_fonts = resources.get::<Dict<'_>>("Font").unwrap_or_default();
        let inner_forms = resources.get::<Dict<'_>>("XObject").unwrap_or_default();
        collect_fonts(&inner_fonts, &inner_forms, seen, fonts, depth + 1);
    }
}

/// What pdfinfo tells of a PDF that the tests read.
#[derive(Clone, Debug)]
pub struct Info {
    pub pages: usize,
    /// Each page's width and height in points (its media box).
    pub page_sizes: Vec<(f64, f64)>,
    pub title: Option<String>,
    pub author: Option<String>,
    /// The creation date as year, month, day, hour, minute, second and the
    /// offset from UTC in minutes.
    pub created: Option<(u16, u8, u8, u8, u8, u8, i32)>,
}

/// A text string of the PDF: UTF-16BE after a byte order mark, else
/// PDFDocEncoding (read as Latin-1, which it is for the tests' titles).
fn text_string(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xfe, 0xff]) {
        Some(utf16) => String::from_utf16(
            &utf16
                .chunks(2)
                .map(|p| u16::from_be_bytes([p[0], *p.get(1).unwrap_or(&0)]))
                .collect::<Vec<_>>(),
        )
        .expect("a UTF-16 text string"),
        None => match std::str::from_utf8(bytes.strip_prefix(&[0xef, 0xbb, 0xbf]).unwrap_or(bytes))
        {
            Ok(text) => text.to_string(),
            Err(_) => bytes.iter().map(|&b| b as char).collect(),
        },
    }
}

pub fn pdf_info(pdf: &Path) -> Info {
    let data = std::fs::read(pdf).unwrap_or_else(|e| panic!("read {}: {e}", pdf.display()));
    let pdf = Pdf::new(data).unwrap_or_else(|e| panic!("{} is no PDF: {e:?}", pdf.display()));
    let meta = pdf.metadata();
    Info {
        pages: pdf.pages().len(),
        page_sizes: pdf
            .pages()
            .iter()
            .map(|p| {
                let b = p.media_box();
                (b.x1 - b.x0, b.y1 - b.y0)
            })
            .collect(),
        title: meta.title.as_deref().map(text_string),
        author: meta.author.as_deref().map(text_string),
        created: meta.creation_date.map(|d| {
            (
                d.year,
                d.month,
                d.day,
                d.hour,
                d.minute,
                d.second,
                d.utc_offset_hour as i32 * 60 + d.utc_offset_minute as i32,
            )
        }),
    }
}

/// A glyph's ink: its text, the top and bottom of its outline, in millimetres
/// from the top of the page, and its fill colour (RGB, 0–255).
#[derive(Clone, Debug)]
pub struct InkGlyph {
    pub text: String,
    pub top: f64,
    pub bottom: f64,
    pub left: f64,
    pub right: f64,
    pub rgb: [u8; 3],
}

/// A filled shape (a rule): its box in millimetres from the top left of the
/// page, and its colour.
#[derive(Clone, Debug)]
pub struct Fill {
    pub top: f64,
    pub bottom: f64,
    pub left: f64,
    pub right: f64,
    pub rgb: [u8; 3],
}

/// What a page draws, with positions and colours.
#[derive(Clone, Debug, Default)]
pub struct Ink {
    pub glyphs: Vec<InkGlyph>,
    pub fills: Vec<Fill>,
    /// Stroked lines (LibreOffice draws rules so), each as the box its ink
    /// covers: the path's widened by half the line's width on every side.
    pub strokes: Vec<Fill>,
}

fn rgb(paint: &Paint<'_>) -> [u8; 3] {
    match paint {
        Paint::Color(c) => {
            let rgba = c.to_rgba().to_rgba8();
            [rgba[0], rgba[1], rgba[2]]
        }
        Paint::Pattern(_) => [0, 0, 0],
    }
}

const MM: f64 = 25.4 / 72.0;

impl Glyphs {
    /// A box in PDF points (origin bottom left) as millimetres from the top left.
    fn mm(&self, r: Rect) -> (f64, f64, f64, f64) {
        (
            (self.2 - r.y1) * MM,
            (self.2 - r.y0) * MM,
            r.x0 * MM,
            r.x1 * MM,
        )
    }

    fn fill(&mut self, path: &BezPath, transform: Affine, paint: &Paint<'_>) {
        use kurbo::Shape;
        let (top, bottom, left, right) = self.mm((transform * path.clone()).bounding_box());
        self.1.fills.push(Fill {
            top,
            bottom,
            left,
            right,
            rgb: rgb(paint),
        });
    }

    fn stroke(&mut self, path: &BezPath, transform: Affine, paint: &Paint<'_>, width: f32) {
        use kurbo::Shape;
        let (top, bottom, left, right) = self.mm((transform * path.clone()).bounding_box());
        // The line's width in the page's units, as the transform scales it.
        let half = f64::from(width) * transform.determinant().abs().sqrt() / 2.0 * MM;
        self.1.strokes.push(Fill {
            top: top - half,
            bottom: bottom + half,
            left: left - half,
            right: right + half,
            rgb: rgb(paint),
        });
    }

    fn ink(&mut self, glyph: &Glyph<'_>, to_page: Affine, paint: &Paint<'_>) {
        use kurbo::Shape;
        let Glyph::Outline(outline) = glyph else {
            return;
        };
        let path = to_page * outline.outline();
        if path.elements().is_empty() {
            return;
        }
        let (top, bottom, left, right) = self.mm(path.bounding_box());
        let text = match glyph.as_unicode() {
            Some(BfString::Char(c)) => c.to_string(),
            Some(BfString::String(s)) => s,
            None => '\u{fffd}'.to_string(),
        };
        self.1.glyphs.push(InkGlyph {
            text,
            top,
            bottom,
            left,
            right,
            rgb: rgb(paint),
        });
    }
}

/// Every page's glyph outlines and filled shapes, in millimetres from the top
/// left of the page, with their colours: for measuring a layout.
pub fn pdf_ink(pdf: &Path) -> Vec<Ink> {
    read_pages(pdf).into_iter().map(|g| g.1).collect()
}
