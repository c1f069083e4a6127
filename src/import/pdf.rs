//! A PDF's text, extracted in-process with hayro (the PDF interpreter Typst's
//! own PDF tests read with, already built into nianbao through typst-svg):
//! each glyph's character through the font's ToUnicode map and its place on
//! the page; glyphs on one baseline are a line, lines top to bottom. Lines
//! that fill the text width and go on at the left margin are one paragraph;
//! the hard-wrapped-text path joins what is left. Running headers and footers
//! (the same line at the top or bottom of most pages) are dropped.

use hayro_interpret::font::Glyph;
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::hayro_syntax::{LoadPdfError, Pdf};
use hayro_interpret::{
    BlendMode, ClipPath, Context, Device, GlyphDrawMode, Image, InterpreterCache,
    InterpreterSettings, Paint, PathDrawMode, SoftMask, interpret_page,
};
use kurbo::{Affine, BezPath, Point, Rect};

use super::lines::join;
use super::words::{Failure, Note};

/// A PDF's text as lines (paragraphs where the layout shows them), and notes.
pub struct PdfText {
    pub text: String,
    pub notes: Vec<Note>,
}

/// One glyph drawn on a page, in PDF points (origin at the bottom left): what
/// import reads a PDF's text from, and what the tests read nianbao's PDFs with.
#[derive(Clone, Debug)]
pub struct Drawn {
    /// Where the glyph starts and where its advance ends.
    pub x0: f64,
    pub x1: f64,
    /// Its baseline.
    pub y: f64,
    /// Its font size (the height of an em).
    pub size: f64,
    pub text: String,
    /// How many glyphs the page drew before it.
    pub order: usize,
}

impl Drawn {
    /// `glyph` drawn through `to_page` (the text and glyph transforms
    /// together), the page's `order`th: its character through the font's
    /// ToUnicode map (U+FFFD when it has none) and its box. Glyph space is
    /// 1000 units an em, the advance in the same units.
    pub fn of(glyph: &Glyph<'_>, to_page: Affine, order: usize) -> Drawn {
        let advance = match glyph {
            Glyph::Outline(outline) => outline.advance_width().unwrap_or(0.0) as f64,
            Glyph::Type3(_) => 0.0,
        };
        let origin = to_page * Point::new(0.0, 0.0);
        let end = to_page * Point::new(advance, 0.0);
        let top = to_page * Point::new(0.0, 1000.0);
        let text = match glyph.as_unicode() {
            Some(BfString::Char(c)) => c.to_string(),
            Some(BfString::String(s)) => s,
            None => '\u{fffd}'.to_string(),
        };
        Drawn {
            x0: origin.x.min(end.x),
            x1: origin.x.max(end.x),
            y: origin.y,
            size: (top - origin).hypot(),
            text,
            order,
        }
    }
}

#[derive(Default)]
struct Glyphs(Vec<Drawn>);

impl Device<'_> for Glyphs {
    fn set_soft_mask(&mut self, _: Option<SoftMask<'_>>) {}
    fn set_blend_mode(&mut self, _: BlendMode) {}
    fn draw_path(&mut self, _: &BezPath, _: Affine, _: &Paint<'_>, _: &PathDrawMode) {}
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
        _: &Paint<'_>,
        mode: &GlyphDrawMode,
    ) {
        // A glyph drawn twice (fill, then stroke) is read once.
        if matches!(mode, GlyphDrawMode::Stroke(_)) {
            return;
        }
        let mut drawn = Drawn::of(glyph, transform * glyph_transform, self.0.len());
        // A degenerate size would make every distance below "near".
        drawn.size = drawn.size.max(1.0);
        self.0.push(drawn);
    }
}

/// A line of a page.
#[derive(Clone, Debug)]
struct PLine {
    x0: f64,
    x1: f64,
    y: f64,
    size: f64,
    text: String,
}

/// Reads a PDF's text.
pub fn read(bytes: Vec<u8>) -> Result<PdfText, Failure> {
    let pdf = Pdf::new(bytes).map_err(|e| match e {
        LoadPdfError::Decryption(_) => Failure::PdfPassword,
        LoadPdfError::Invalid => Failure::BadPdf {
            detail: super::PdfProblem::Structure,
        },
    })?;
    let cache = InterpreterCache::new();
    let mut pages: Vec<Vec<PLine>> = Vec::new();
    let (mut glyph_count, mut unmapped) = (0usize, 0usize);
    for page in pdf.pages().iter() {
        let mut context = Context::new(
            Affine::IDENTITY,
            Rect::new(0.0, 0.0, 1.0, 1.0),
            &cache,
            pdf.xref(),
            InterpreterSettings::default(),
        );
        let mut glyphs = Glyphs::default();
        interpret_page(page, &mut context, &mut glyphs);
        for g in &mut glyphs.0 {
            if !g.text.trim().is_empty() {
                glyph_count += 1;
            }
            if g.text.contains('\u{fffd}') {
                unmapped += 1;
                g.text = g.text.replace('\u{fffd}', "");
            }
            g.text = unify(&g.text);
        }
        pages.push(lines(glyphs.0));
    }
    let page_count = pages.len();
    if glyph_count == 0 {
        return Err(Failure::Scanned { pages: page_count });
    }
    if unmapped * 2 > glyph_count {
        return Err(Failure::NoUnicode);
    }
    let mut notes = vec![Note::Pdf { pages: page_count }];
    if unmapped > 0 {
        notes.push(Note::Unmapped { count: unmapped });
    }
    drop_running(&mut pages, &mut notes);
    Ok(PdfText {
        text: paragraphs(&pages),
        notes,
    })
}

/// Characters some PDF producers map CJK glyphs to (Kangxi radicals, CJK
/// compatibility ideographs) made the ideographs they look like.
fn unify(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    if !text
        .chars()
        .any(|c| matches!(c as u32, 0x2E80..=0x2FDF | 0xF900..=0xFAFF))
    {
        return text.to_string();
    }
    text.chars()
        .flat_map(|c| {
            if matches!(c as u32, 0x2E80..=0x2FDF | 0xF900..=0xFAFF) {
                std::iter::once(c).nfkc().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect()
}

fn is_cjk(c: char) -> bool {
    crate::cjk::is_cjk(c)
}

/// A page's glyphs as lines, top to bottom, each left to right. Glyphs are one
/// line when their baselines are less than a third of an em apart. A space
/// stands where the PDF draws one or leaves a gap, except next to Chinese
/// (where the gap is spacing a typesetter added, not a space written).
fn lines(mut glyphs: Vec<Drawn>) -> Vec<PLine> {
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.order.cmp(&b.order)));
    let mut grouped: Vec<Vec<Drawn>> = Vec::new();
    for glyph in glyphs {
        match grouped.last_mut() {
            Some(line) if (line[0].y - glyph.y).abs() < line[0].size.max(glyph.size) / 3.0 => {
                line.push(glyph)
            }
            _ => grouped.push(vec![glyph]),
        }
    }
    let mut out = Vec::new();
    for mut line in grouped {
        // Runs of glyphs drawn one after the other stay in the order drawn;
        // the runs are put in order of where they start.
        line.sort_by_key(|g| g.order);
        let mut runs: Vec<Vec<Drawn>> = Vec::new();
        for glyph in line {
            match runs.last_mut() {
                Some(run) if glyph.x0 >= run[run.len() - 1].x0 - glyph.size / 2.0 => {
                    run.push(glyph)
                }
                _ => runs.push(vec![glyph]),
            }
        }
        runs.sort_by(|a, b| a[0].x0.total_cmp(&b[0].x0));
        let mut text = String::new();
        let mut space = false;
        let mut end = f64::NEG_INFINITY;
        let (mut x0, mut x1, mut size) = (f64::INFINITY, f64::NEG_INFINITY, 0.0f64);
        let y = runs[0][0].y;
        for glyph in runs.into_iter().flatten() {
            if glyph.text.chars().all(char::is_whitespace) {
                space = !text.is_empty();
                continue;
            }
            if glyph.x0 - end > glyph.size / 4.0 && !text.is_empty() {
                space = true;
            }
            let before = text.chars().next_back();
            let after = glyph.text.chars().next();
            if space && !before.is_some_and(is_cjk) && !after.is_some_and(is_cjk) {
                text.push(' ');
            }
            space = false;
            text.push_str(&glyph.text);
            end = end.max(glyph.x1);
            x0 = x0.min(glyph.x0);
            x1 = x1.max(glyph.x1);
            size = size.max(glyph.size);
        }
        if !text.is_empty() {
            out.push(PLine {
                x0,
                x1,
                y,
                size,
                text,
            });
        }
    }
    out
}

/// A line's text with its digits as one mark: a running footer "第 3 页"
/// is the same on every page.
fn shape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        if c.is_ascii_digit() {
            if !out.ends_with('#') {
                out.push('#');
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Drops a running header or footer: a line among the first two or last two
/// of a page that stands the same (digits aside) on at least two pages and
/// on half of them.
fn drop_running(pages: &mut [Vec<PLine>], notes: &mut Vec<Note>) {
    if pages.len() < 2 {
        return;
    }
    let ends = |page: &Vec<PLine>| -> Vec<usize> {
        let n = page.len();
        let mut at: Vec<usize> = (0..n.min(2)).chain(n.saturating_sub(2)..n).collect();
        at.dedup();
        at
    };
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for page in pages.iter() {
        let mut shapes: Vec<String> = ends(page).iter().map(|&i| shape(&page[i].text)).collect();
        shapes.sort();
        shapes.dedup();
        for s in shapes {
            *seen.entry(s).or_default() += 1;
        }
    }
    let running: std::collections::HashSet<&String> = seen
        .iter()
        .filter(|(s, n)| !s.is_empty() && **n >= 2 && **n * 2 >= pages.len())
        .map(|(s, _)| s)
        .collect();
    if running.is_empty() {
        return;
    }
    let mut dropped: Vec<(String, usize)> = Vec::new();
    for page in pages.iter_mut() {
        let at = ends(page);
        let mut i = 0;
        page.retain(|line| {
            let keep = !(at.contains(&i) && running.contains(&shape(&line.text)));
            i += 1;
            if !keep {
                let s = shape(&line.text);
                match dropped.iter_mut().find(|(d, _)| shape(d) == s) {
                    Some((_, n)) => *n += 1,
                    None => dropped.push((line.text.clone(), 1)),
                }
            }
            keep
        });
    }
    notes.extend(
        dropped
            .into_iter()
            .map(|(text, pages)| Note::Running { text, pages }),
    );
}

/// The pages' lines as text: a line that fills the text width and a line
/// after it that starts at the left margin (not indented, on this page or the
/// next) are one paragraph; paragraphs are separated by a blank line.
fn paragraphs(pages: &[Vec<PLine>]) -> String {
    // The text block of each page: the left and right edges of its lines of
    // some length.
    let block = |page: &[PLine]| -> (f64, f64) {
        let long: Vec<&PLine> = page
            .iter()
            .filter(|l| l.text.chars().count() >= 8)
            .collect();
        let lines: Vec<&PLine> = if long.is_empty() {
            page.iter().collect()
        } else {
            long
        };
        let left = lines.iter().map(|l| l.x0).fold(f64::INFINITY, f64::min);
        let right = lines.iter().map(|l| l.x1).fold(f64::NEG_INFINITY, f64::max);
        (left, right)
    };
    let mut out: Vec<String> = Vec::new();
    // The line before, when it fills its page's width.
    let mut previous: Option<PLine> = None;
    for page in pages {
        let (left, right) = block(page);
        for (i, line) in page.iter().enumerate() {
            let goes_on = previous.as_ref().is_some_and(|prev| {
                let same_page_gap = i == 0 || (prev.y - line.y) < prev.size * 2.5;
                (line.x0 - left) < line.size * 0.5
                    && (line.size - prev.size).abs() < 0.5
                    && same_page_gap
            });
            match out.last_mut() {
                Some(last) if goes_on => *last = join(last, &line.text),
                _ => out.push(line.text.clone()),
            }
            // Filling the width from the margin or a first-line indent (not
            // a line set to the right, as a date is).
            let fills = right - line.x1 < line.size * 1.2
                && line.x0 - left < line.size * 2.5
                && line.text.chars().count() >= 8;
            previous = fills.then(|| line.clone());
        }
    }
    let mut text = out.join("\n\n");
    text.push('\n');
    text
}
