//! The 公文's elements in the DOCX (GB/T 9704-2012), as WPS and Word users
//! edit them: the red 发文机关标志 as red text, the red rule under the 发文字号
//! as a paragraph border, 发文字号 and 签发人 on one line with tab stops, the
//! seal image floating behind the date, the 版记 in a text box at the foot
//! of the text area; a 函's 信函格式 in page one's header and footer.
//! Positions follow the PDF's (templates/style.typ), in twips.

use docx_rs::{
    AlignmentType, BorderType, Footer, Header, LineSpacing, LineSpacingType, Paragraph,
    ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Pic, RelativeFromHType,
    RelativeFromVType, Run, SpecialIndentType, Tab, TabValueType, Table, TableAlignmentType,
    TableBorder, TableBorderPosition, TableBorders, TableCell, TableCellMargins, TableRow,
    VAlignType, WidthType,
};
use unicode_width::UnicodeWidthChar;

use super::grid::{CHAR, LINE_PITCH, TEXT_WIDTH, mm};
use super::{Part, styles};

/// The 标志's top edge below the text area's top: 35 mm.
const ISSUER_TOP: i32 = mm(35.0);
/// A 函's 标志 and its red double rules: 170 mm, centred on page one, whose
/// binding side (28 mm) is on the left: from 20 mm to 190 mm.
const LETTER_WIDTH: i32 = mm(170.0);
const LETTER_LEFT: i32 = mm(20.0) - mm(28.0);
const LETTER_RIGHT: i32 = mm(20.0) - mm(26.0);
/// The seal: 42 mm, the size of a unit's round seal.
pub const SEAL_SIZE: i32 = mm(42.0);
/// How far the seal's centre stands above the line between the signature and
/// the date: a quarter line, as in the PDF, so that they sit a little below
/// its centre (GB/T 9704 7.3.5.1: 居印章中心偏下位置).
const SEAL_RAISE: i32 = LINE_PITCH as i32 / 4;
/// EMU (what DrawingML measures in) a twip.
const EMU: i32 = 635;

/// How wide a text is set in characters of `char` twips: a full-width
/// character one, any other half.
pub fn width(text: &str, char: i32) -> i32 {
    text.chars()
        .map(|c| if c.width() == Some(2) { char } else { char / 2 })
        .sum()
}

/// The 标志's size in half-points: 48 pt, or less so that it fits `room`
/// twips on one line, as the PDF sets it.
pub fn issuer_size(line: &str, room: i32) -> usize {
    // Its width at 1 pt (20 twips) a character.
    let at_one_point = width(line, 20).max(1);
    (room * 2 / at_one_point).clamp(2, styles::ISSUER_SIZE as i32) as usize
}

/// Spacing before, and a line of exactly `line` twips.
fn spacing(before: i32, line: i32) -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Exact)
        .line(line)
        .before(before.max(0) as u32)
        .after(0)
}

/// A line of the 标志: red, bold, centred, as large as 48 pt allows in `room`.
fn issuer_line(line: &str, room: i32, before: i32) -> Paragraph {
    let size = issuer_size(line, room);
    Paragraph::new()
        .style(styles::ISSUER)
        .line_spacing(spacing(before, size as i32 * 10))
        .add_run(Run::new().add_text(line).size(size))
}

/// The 版头 of a 公文 sent down or up (not a 函): 份号, 密级, 紧急程度 at the top
/// left; the 标志's top 35 mm below the text area's top; the 发文字号 two lines
/// below it, centred, or for a 上行文 one character in from the left on the
/// line of the last 签发人, who stands one character in from the right; the
/// red rule 4 mm under the 发文字号, as wide as the text area.
pub fn masthead(
    marks: &[String],
    issuer: &[String],
    number: Option<&str>,
    signers: Option<(&str, &[String])>,
) -> Vec<Part> {
    let mut out: Vec<Part> = marks
        .iter()
        .map(|m| {
            Part::Paragraph(Box::new(
                Paragraph::new()
                    .style(styles::MARK)
                    .add_run(Run::new().add_text(m)),
            ))
        })
        .collect();
    let above = marks.len() as i32 * LINE_PITCH as i32;
    if let Some((names, suffix)) = joint(issuer) {
        out.push(Part::Paragraph(Box::new(spacer(ISSUER_TOP - above))));
        out.push(Part::Table(Box::new(joint_issuer(names, suffix))));
    } else {
        for (i, line) in issuer.iter().enumerate() {
            let before = if i == 0 {
                ISSUER_TOP - above
            } else {
                // The PDF's 0.35 em between the lines of a 标志 of several.
                issuer_size(line, TEXT_WIDTH as i32) as i32 * 10 * 35 / 100
            };
            let p = issuer_line(line, TEXT_WIDTH as i32, before);
            out.push(Part::Paragraph(Box::new(p)));
        }
    }
    // Two lines below the 标志: the glyphs of a 16 pt line stand at the foot
    // of its 579 twips, so the line starts a line and a character lower.
    let first_before = LINE_PITCH as i32 + CHAR;
    let mut rows = match signers {
        Some((label, names)) if !names.is_empty() => upward_rows(number, label, names),
        _ => vec![
            Paragraph::new()
                .style(styles::NUMBER)
                .add_run(Run::new().add_text(number.unwrap_or_default())),
        ],
    };
    for (i, row) in rows.iter_mut().enumerate() {
        let before = if i == 0 { first_before } else { 0 };
        *row = std::mem::take(row).line_spacing(spacing(before, LINE_PITCH as i32));
    }
    if let Some(last) = rows.pop() {
        rows.push(red_rule(last));
    }
    out.extend(rows.into_iter().map(|p| Part::Paragraph(Box::new(p))));
    out
}

/// A 联合行文's 标志 (GB/T 9704 7.2.3): several organs and "文件" as the last
/// line. Its organs, and "文件" apart.
fn joint(issuer: &[String]) -> Option<(&[String], &str)> {
    match issuer.split_last() {
        Some((last, names)) if names.len() >= 2 && last == crate::gongwen::WENJIAN => {
            Some((names, last))
        }
        _ => None,
    }
}

/// An empty line of exactly `height` twips.
fn spacer(height: i32) -> Paragraph {
    Paragraph::new()
        .style(styles::ISSUER)
        .line_spacing(spacing(0, height.max(20)))
}

/// A 联合行文's 标志 as the PDF sets it: the organs one under another, each
/// spread over the width of the longest (distributed), "文件" to their right
/// and centred on them (a borderless table of two cells, centred), all as
/// large as 48 pt allows within the text width.
fn joint_issuer(names: &[String], suffix: &str) -> Table {
    // Widths at 1 pt (20 twips) a character; half a character between.
    let widest = names.iter().map(|n| width(n, 20)).max().unwrap_or(20);
    let natural = widest + 10 + width(suffix, 20);
    let size = (TEXT_WIDTH as i32 * 2 / natural).clamp(2, styles::ISSUER_SIZE as i32);
    let at = |w: i32| w * size / 2;
    let line = size * 10;
    let mut column = TableCell::new()
        .width(at(widest) as usize, WidthType::Dxa)
        .vertical_align(VAlignType::Center);
    for (i, name) in names.iter().enumerate() {
        let before = if i == 0 { 0 } else { line * 35 / 100 };
        column = column.add_paragraph(
            Paragraph::new()
                .style(styles::ISSUER)
                .align(AlignmentType::Distribute)
                .line_spacing(spacing(before, line))
                .add_run(Run::new().add_text(name).size(size as usize)),
        );
    }
    let gap = at(10);
    let second = TableCell::new()
        .width((at(width(suffix, 20)) + gap) as usize, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
        .add_paragraph(
            Paragraph::new()
                .style(styles::ISSUER)
                .align(AlignmentType::Right)
                .line_spacing(spacing(0, line))
                .add_run(Run::new().add_text(suffix).size(size as usize)),
        );
    let widths = vec![at(widest) as usize, (at(width(suffix, 20)) + gap) as usize];
    Table::new(vec![TableRow::new(vec![column, second])])
        .set_grid(widths.clone())
        .width(widths.iter().sum(), WidthType::Dxa)
        .align(TableAlignmentType::Center)
        .margins(TableCellMargins::new().margin(0, 0, 0, 0))
        .set_borders(TableBorders::with_empty())
}

/// The red rule 4 mm under the 发文字号: its paragraph's bottom border, 1 pt,
/// 9 pt below the line (the glyphs' foot is about 2 pt above the line's).
fn red_rule(p: Paragraph) -> Paragraph {
    bordered(
        p,
        ParagraphBorder::new(ParagraphBorderPosition::Bottom)
            .val(BorderType::Single)
            .size(8)
            .space(RULE_SPACE)
            .color(styles::RED),
    )
}

/// A paragraph with a border (docx-rs sets borders on its properties only).
fn bordered(mut p: Paragraph, border: ParagraphBorder) -> Paragraph {
    p.property =
        std::mem::take(&mut p.property).set_borders(ParagraphBorders::with_empty().set(border));
    p
}

/// Points between the 发文字号's line and the red rule.
pub const RULE_SPACE: usize = 9;

/// A 上行文's 发文字号 and 签发人: the number one character in from the left,
/// on the line of the last name; "签发人：" and the names (楷体) in a column
/// that ends one character in from the right, a name a line.
fn upward_rows(number: Option<&str>, label: &str, names: &[String]) -> Vec<Paragraph> {
    let label_width = width(label, CHAR);
    let names_width = names.iter().map(|n| width(n, CHAR)).max().unwrap_or(0);
    let label_at = (TEXT_WIDTH as i32 - CHAR - label_width - names_width).max(0);
    let names_at = label_at + label_width;
    let last = names.len() - 1;
    names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            // No indent: the red rule under the last line is its bottom
            // border, as wide as the paragraph; a tab stop sets the number
            // one character in.
            let mut p = Paragraph::new()
                .style(styles::NUMBER)
                .align(AlignmentType::Left)
                .indent(Some(0), Some(SpecialIndentType::FirstLine(0)), None, None)
                .add_tab(Tab::new().val(TabValueType::Left).pos(CHAR as usize))
                .add_tab(Tab::new().val(TabValueType::Left).pos(label_at as usize))
                .add_tab(Tab::new().val(TabValueType::Left).pos(names_at as usize))
                .add_run(Run::new().add_tab());
            if i == last {
                p = p.add_run(Run::new().add_text(number.unwrap_or_default()));
            }
            p = p.add_run(Run::new().add_tab());
            p = if i == 0 {
                p.add_run(Run::new().add_text(label))
            } else {
                p.add_run(Run::new().add_tab())
            };
            p.add_run(Run::new().add_text(name).style(styles::SIGNER))
        })
        .collect()
}

/// A 函's first lines under the double rule: 份号, 密级, 紧急程度 flush left,
/// the 发文字号 flush right on the first line; 7/8 of a character under the
/// rule.
pub fn letter_lines(marks: &[String], number: Option<&str>) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let lines = marks.len().max(1);
    for i in 0..lines {
        let mut p = Paragraph::new()
            .style(styles::MARK)
            .add_tab(Tab::new().val(TabValueType::Right).pos(TEXT_WIDTH))
            .line_spacing(spacing(
                if i == 0 { CHAR * 7 / 8 } else { 0 },
                LINE_PITCH as i32,
            ));
        if let Some(mark) = marks.get(i) {
            p = p.add_run(Run::new().add_text(mark));
        }
        if i == 0
            && let Some(number) = number
        {
            p = p
                .add_run(Run::new().add_tab())
                .add_run(Run::new().add_text(number).style(styles::NUMBER_CHARS));
        }
        out.push(p);
    }
    out
}

/// A red double rule, 170 mm long on page one: thick over thin under the
/// 标志, thin over thick at the foot.
fn double_rule(
    p: Paragraph,
    position: ParagraphBorderPosition,
    kind: BorderType,
    space: usize,
) -> Paragraph {
    let p = p.indent(
        Some(LETTER_LEFT),
        Some(SpecialIndentType::FirstLine(0)),
        Some(LETTER_RIGHT),
        None,
    );
    bordered(
        p,
        ParagraphBorder::new(position)
            .val(kind)
            .size(DOUBLE_RULE_SIZE)
            .space(space)
            .color(styles::RED),
    )
}

/// The double rule's width in eighths of a point (3 pt: about 1 mm and
/// 0.35 mm lines with a gap).
pub const DOUBLE_RULE_SIZE: usize = 24;

/// Page one's header of a 函: the 标志 30 mm below the page's top (the header
/// distance), centred on 170 mm, the red double rule 4 mm under it.
pub fn letter_header(issuer: &[String]) -> Header {
    let mut header = Header::new();
    let last = issuer.len().saturating_sub(1);
    for (i, line) in issuer.iter().enumerate() {
        let before = if i == 0 {
            0
        } else {
            issuer_size(line, LETTER_WIDTH) as i32 * 10 * 35 / 100
        };
        let mut p = issuer_line(line, LETTER_WIDTH, before).indent(
            Some(LETTER_LEFT),
            Some(SpecialIndentType::FirstLine(0)),
            Some(LETTER_RIGHT),
            None,
        );
        if i == last {
            // 4 mm (11 pt) under the glyphs, whose foot is about 0.12 em
            // above the line's.
            let size = issuer_size(line, LETTER_WIDTH) as i32;
            let space = (113 - size * 6 / 10).max(0) / 10;
            // Thick over thin: a bottom border's thickThin, as LibreOffice
            // draws it (seen at 400 dpi).
            p = double_rule(
                p,
                ParagraphBorderPosition::Bottom,
                BorderType::ThickThinSmallGap,
                space as usize,
            );
        }
        header = header.add_paragraph(p);
    }
    header
}

/// Page one's footer of a 函: no page number, the red double rule (thin over
/// thick) 20 mm above the page's foot (the footer distance).
pub fn letter_footer() -> Footer {
    let p = Paragraph::new()
        .style(styles::FOOTER)
        .line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Exact)
                .line(20)
                .before(0)
                .after(0),
        )
        .add_run(Run::new().size(2));
    // Thin over thick: a top border's thickThin, as LibreOffice draws it
    // (seen at 400 dpi; thinThick there drew the thick line above).
    Footer::new().add_paragraph(double_rule(
        p,
        ParagraphBorderPosition::Top,
        BorderType::ThickThinSmallGap,
        0,
    ))
}

/// A seal image as the DOCX holds it: a PNG and its pixel size.
pub struct SealImage {
    pub png: Vec<u8>,
    pub width: u32,
    pub height: u32,
}

/// The signature and date under a seal (GB/T 9704 7.3.5.1): the date four
/// characters in from the right, the signature centred over it, the seal
/// (an image, or space for one stamped by hand) centred over both: anchored
/// to the date's paragraph, behind the text, its centre a quarter line above
/// the line between them. Several organs with a seal each (联合行文, as many
/// `seals` as signature lines): [`joint_sealed_closing`].
pub fn sealed_closing(lines: &[String], seals: &[Option<SealImage>]) -> Vec<Paragraph> {
    if seals.len() > 1 && lines.len() >= seals.len() {
        let (names, date) = lines.split_at(seals.len());
        return joint_sealed_closing(names, date.first().map(String::as_str), seals);
    }
    let Some((date, signature)) = lines.split_last() else {
        return Vec::new();
    };
    let seal = seals.first().and_then(Option::as_ref);
    let date_width = width(date, CHAR);
    let centre = TEXT_WIDTH as i32 - 4 * CHAR - date_width / 2;
    let mut out = Vec::new();
    for (i, text) in signature.iter().enumerate() {
        let right = TEXT_WIDTH as i32 - centre - width(text, CHAR) / 2;
        let before = if i == 0 { LINE_PITCH as i32 } else { 0 };
        out.push(
            closing_line(before, right)
                .keep_next(true)
                .add_run(Run::new().add_text(text)),
        );
    }
    let before = if signature.is_empty() {
        LINE_PITCH as i32
    } else {
        0
    };
    let mut p = closing_line(before, 4 * CHAR);
    if let Some(seal) = seal {
        p = p.add_run(floating(
            seal,
            fit(seal, SEAL_SIZE, SEAL_SIZE),
            centre,
            -SEAL_RAISE,
        ));
    }
    out.push(p.add_run(Run::new().add_text(date)));
    out
}

/// A line of the closing: right-aligned `right` twips in from the right
/// edge, a line high, kept whole; off the grid like the gaps between them
/// (LibreOffice would move a line on the grid after a gap to the next grid
/// line, up to a line lower than the PDF has it).
fn closing_line(before: i32, right: i32) -> Paragraph {
    Paragraph::new()
        .style(styles::CLOSING)
        .snap_to_grid(false)
        .indent(
            Some(0),
            Some(SpecialIndentType::FirstLine(0)),
            Some(right.max(0)),
            None,
        )
        .line_spacing(spacing(before, LINE_PITCH as i32))
        .keep_lines(true)
}

/// An empty line of the closing, `height` twips high, kept with the next; off
/// the grid (LibreOffice gives a paragraph on the grid one grid line,
/// whatever its exact height).
fn closing_gap(height: i32) -> Paragraph {
    Paragraph::new()
        .style(styles::CLOSING)
        .snap_to_grid(false)
        .line_spacing(spacing(0, height.max(20)))
        .keep_next(true)
        .add_run(Run::new().size(2))
}

/// An image floating behind the text (`patch_seal` puts it behind): `size`
/// twips, its centre `centre` twips from the text area's left edge and
/// `middle` twips below its paragraph's top.
fn floating(image: &SealImage, (w, h): (i32, i32), centre: i32, middle: i32) -> Run {
    let pic = Pic::new_with_dimensions(image.png.clone(), image.width, image.height)
        .size((w * EMU) as u32, (h * EMU) as u32)
        .floating()
        .overlapping()
        .relative_from_h(RelativeFromHType::Margin)
        .relative_from_v(RelativeFromVType::Paragraph)
        .offset_x((centre - w / 2) * EMU)
        .offset_y((middle - h / 2) * EMU);
    Run::new().add_image(pic)
}

/// Lines between the rows of a 联合行文's signatures under seals: 5 (51 mm),
/// so that seals of 42 mm keep apart.
const SEAL_ROW_LINES: i32 = 5;

/// A 联合行文's signatures, each under its own seal (GB/T 9704 7.3.5.1), as
/// the PDF sets them where room is short: the seals just below the text; the names in the
/// organs' order, two a row (one when a name is too long for two) at centre
/// tabs 50 mm apart, rows 5 lines apart, the last row to the right; the last name
/// over the date, which stands four characters in from the right; each seal
/// centred on its name, a quarter line above its middle, so that a row's
/// seals stand level and the last one presses its name and the date.
fn joint_sealed_closing(
    names: &[String],
    date: Option<&str>,
    seals: &[Option<SealImage>],
) -> Vec<Paragraph> {
    // Without a date, the last name stands where it would.
    let over = date
        .or(names.last().map(String::as_str))
        .unwrap_or_default();
    let right = TEXT_WIDTH as i32 - 4 * CHAR - width(over, CHAR) / 2;
    let slot = SEAL_SIZE + mm(8.0);
    let widest = names.iter().map(|n| width(n, CHAR)).max().unwrap_or(0);
    let per_row = if widest + CHAR <= slot && right - slot - SEAL_SIZE / 2 >= 0 {
        2
    } else {
        1
    };
    let n = names.len();
    let rows = n.div_ceil(per_row);
    let pitch = LINE_PITCH as i32;
    // The middle of a name's glyphs below its line's top: they stand at the
    // foot of the 579 twips.
    let name_middle = pitch - CHAR / 2 - 40;
    // As close to the text as the PDF goes when room is short (its `least`
    // in templates/style.typ): the seals' top 5 pt below the text's glyphs.
    // The DOCX cannot know where its page ends, so it takes that always; a
    // 16 pt line's glyphs leave 579 − 320 twips of it.
    let mut out = vec![closing_gap(
        SEAL_SIZE / 2 + SEAL_RAISE - CHAR / 2 + 100 - (pitch - CHAR),
    )];
    let mut start = 0;
    for row in 0..rows {
        // Rows filled in order; the last row's names to the right.
        let count = if row + 1 == rows {
            n - row * per_row
        } else {
            per_row
        };
        let row_names = &names[start..start + count];
        let centres: Vec<i32> = (0..count)
            .map(|i| right - (count - 1 - i) as i32 * slot)
            .collect();
        let mut p = closing_line(0, 0)
            .align(AlignmentType::Left)
            .keep_next(true);
        for centre in &centres {
            p = p.add_tab(Tab::new().val(TabValueType::Center).pos(*centre as usize));
        }
        for (i, (name, centre)) in row_names.iter().zip(&centres).enumerate() {
            if let Some(seal) = seals[start + i].as_ref() {
                let size = fit(seal, SEAL_SIZE, SEAL_SIZE);
                p = p.add_run(floating(seal, size, *centre, name_middle - SEAL_RAISE));
            }
            p = p
                .add_run(Run::new().add_tab())
                .add_run(Run::new().add_text(name));
        }
        out.push(p);
        start += count;
        if row + 1 < rows {
            out.push(closing_gap((SEAL_ROW_LINES - 1) * pitch));
        }
    }
    if let Some(date) = date {
        out.push(closing_line(0, 4 * CHAR).add_run(Run::new().add_text(date)));
    }
    out
}

/// A 签名章's height: two lines (or less, for one wider than 50 mm).
const STAMP_HEIGHT: i32 = 2 * LINE_PITCH as i32;

/// The 签发人's posts beside their 签名章 and the date (GB/T 9704 7.3.5.3),
/// as the PDF sets them: two blank lines below the text, the 签名章 (two
/// lines high, at most 50 mm wide) four characters in from the right, the
/// post two characters to its left, on the 签名章's middle line; one organ a
/// row, 3 lines apart, posts and 签名章 aligned; the date one blank line
/// below the last 签名章, four characters in from the right.
pub fn stamped_closing(lines: &[String], stamps: &[Option<SealImage>]) -> Vec<Paragraph> {
    // A post for each 签名章, then the date when it is shown.
    let (posts, date) = lines.split_at(stamps.len().min(lines.len()));
    let date = date.first();
    let pitch = LINE_PITCH as i32;
    let sizes: Vec<(i32, i32)> = (0..posts.len())
        .map(|i| match stamps.get(i).and_then(Option::as_ref) {
            Some(stamp) => fit(stamp, mm(50.0), STAMP_HEIGHT),
            None => (STAMP_HEIGHT, STAMP_HEIGHT),
        })
        .collect();
    let widest = sizes.iter().map(|s| s.0).max().unwrap_or(0);
    let right = TEXT_WIDTH as i32 - 4 * CHAR;
    // As the PDF: two blank lines between the text's glyphs and the
    // 签名章, whose middle is the post's; a 16 pt line's glyphs leave
    // 579 − 320 twips of it, so the gap is 2 lines + half the 签名章 − half a
    // character.
    let mut out = vec![closing_gap(2 * pitch + STAMP_HEIGHT / 2 - CHAR / 2)];
    for (i, post) in posts.iter().enumerate() {
        if i > 0 {
            out.push(closing_gap(3 * pitch - pitch));
        }
        let mut p = closing_line(0, 4 * CHAR + widest + 2 * CHAR).keep_next(true);
        if let Some(stamp) = stamps.get(i).and_then(Option::as_ref) {
            let (w, h) = sizes[i];
            p = p.add_run(floating(stamp, (w, h), right - w / 2, pitch / 2));
        }
        out.push(p.add_run(Run::new().add_text(post)));
    }
    let Some(date) = date else {
        return out;
    };
    if !posts.is_empty() {
        // One blank line below the 签名章's foot: as between two lines of
        // text, 2 lines less a character from its foot to the date's glyphs.
        out.push(closing_gap(STAMP_HEIGHT / 2 + pitch - CHAR / 2));
    }
    out.push(closing_line(0, 4 * CHAR).add_run(Run::new().add_text(date)));
    out
}

/// An image's size in twips: as large as fits `most_w` × `most_h`, its
/// proportions kept.
fn fit(image: &SealImage, most_w: i32, most_h: i32) -> (i32, i32) {
    let (w, h) = (image.width.max(1) as i64, image.height.max(1) as i64);
    let (mw, mh) = (most_w as i64, most_h as i64);
    if w * mh >= h * mw {
        (mw as i32, (mw * h / w) as i32)
    } else {
        ((mh * w / h) as i32, mh as i32)
    }
}

/// The 版记 at the foot of the text area: a text box (DrawingML, `wps:wsp`)
/// anchored in the document's last paragraph, its bottom edge on the text
/// area's bottom edge (262 mm below the page's top), as wide as the text
/// area, the text in it set at its foot; the body's text keeps clear of it
/// (wrapped top and bottom). In it a table of the 版记's rows: its rules the
/// first 0.35 mm (1 pt), between rows 0.25 mm (¾ pt), and the last 0.35 mm
/// as the bottom border of a point-high paragraph after the table (a text
/// box ends with a paragraph), so that it lies on the box's bottom edge;
/// 抄送 one character (14 pt) in from each side, 印发机关 one in from the left
/// and the date one in from the right. A 函's has 抄送 alone, without rules.
///
/// Why a text box: Word, WPS and LibreOffice all place an anchored DrawingML
/// shape where it says, on the page of its paragraph, and keep its text
/// editable; LibreOffice 7.4 leaves a floating table (`w:tblpPr`) as wide as
/// the text in the flow, and a framed paragraph (`w:framePr`, yAlign
/// bottom) too (measured). Its height is fixed (no autofit: LibreOffice sets
/// an autofit box 2 mm higher) at the rows' height, 抄送's lines counted at
/// the 版记's character width; its position is from the page's top
/// (LibreOffice sets a box aligned to the margin's bottom 6 mm lower in the
/// 版记's own section). `name` is the box's, as Word's selection pane lists
/// it.
pub fn record(
    cc: Option<&str>,
    print: Option<(&str, &str)>,
    letter: bool,
    name: &str,
    even_page: bool,
) -> String {
    use docx_rs::BuildXML;
    let cell = |p: Paragraph| {
        TableRow::new(vec![
            TableCell::new()
                .width(TEXT_WIDTH, WidthType::Dxa)
                .add_paragraph(p),
        ])
    };
    let mut rows = Vec::new();
    let mut lines = 0;
    if let Some(cc) = cc {
        // Further lines align after "抄送：".
        let label = cc
            .find('：')
            .map_or(0, |at| width(&cc[..at + '：'.len_utf8()], RECORD_CHAR));
        lines += cc_lines(cc, label);
        rows.push(cell(
            Paragraph::new()
                .style(styles::RECORD)
                .indent(
                    Some(RECORD_CHAR + label),
                    Some(SpecialIndentType::Hanging(label)),
                    Some(RECORD_CHAR),
                    None,
                )
                .add_run(Run::new().add_text(cc)),
        ));
    }
    if let (Some((printer, printed)), false) = (print, letter) {
        lines += 1;
        rows.push(cell(
            Paragraph::new()
                .style(styles::RECORD)
                .indent(
                    Some(RECORD_CHAR),
                    Some(SpecialIndentType::FirstLine(0)),
                    Some(RECORD_CHAR),
                    None,
                )
                .add_tab(
                    Tab::new()
                        .val(TabValueType::Right)
                        .pos(TEXT_WIDTH - RECORD_CHAR as usize),
                )
                .add_run(Run::new().add_text(printer))
                .add_run(Run::new().add_tab())
                .add_run(Run::new().add_text(printed)),
        ));
    }
    let rule = |position, size| {
        let border = TableBorder::new(position).color("000000");
        if letter {
            border.border_type(BorderType::Nil).size(0)
        } else {
            border.border_type(BorderType::Single).size(size)
        }
    };
    let none = |position| {
        TableBorder::new(position)
            .border_type(BorderType::Nil)
            .size(0)
    };
    let row_count = rows.len() as i32;
    let table = Table::new(rows)
        .set_grid(vec![TEXT_WIDTH])
        .width(TEXT_WIDTH, WidthType::Dxa)
        .indent(0)
        .layout(docx_rs::TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, 0, 0, 0))
        .set_borders(
            TableBorders::with_empty()
                .set(rule(TableBorderPosition::Top, RULE_THICK))
                .set(none(TableBorderPosition::Bottom))
                .set(rule(TableBorderPosition::InsideH, RULE_THIN))
                .set(none(TableBorderPosition::Left))
                .set(none(TableBorderPosition::Right))
                .set(none(TableBorderPosition::InsideV)),
        );
    let mut last = Paragraph::new()
        .style(styles::RECORD)
        .line_spacing(spacing(0, POINT));
    if !letter {
        last = bordered(
            last,
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Single)
                .size(RULE_THICK)
                .space(0)
                .color("000000"),
        );
    }
    // The rows' lines, the rules (1 pt, ¾ pt between rows, 1 pt) and the
    // last paragraph.
    let rules = if letter {
        0
    } else {
        2 * POINT + (row_count - 1).max(0) * POINT * 3 / 4
    };
    let height = lines * styles::RECORD_LINE + rules + POINT;
    let content = format!(
        "{}{}",
        String::from_utf8_lossy(&table.build()),
        String::from_utf8_lossy(&last.build())
    );
    text_box(&content, height, name, even_page)
}

/// A point in twips.
const POINT: i32 = 20;

/// How many lines 抄送 takes, at most: the first from one character in,
/// further ones after its label, each ending one character before the right
/// edge; every character counted at its full width (the runs' tighter
/// spacing left aside), a quarter character more where digits or Latin
/// letters meet Chinese (LibreOffice spaces them apart), and a character of
/// each line lost to where a line may not break (before "，" or inside
/// "12"): so that the box is never too low for its text.
fn cc_lines(cc: &str, label: i32) -> i32 {
    let first = TEXT_WIDTH as i32 - 3 * RECORD_CHAR;
    let further = (first - label).max(RECORD_CHAR);
    let wide = |c: char| c.width() == Some(2);
    let boundaries = cc
        .chars()
        .zip(cc.chars().skip(1))
        .filter(|(a, b)| wide(*a) != wide(*b))
        .count() as i32;
    let total = width(cc, RECORD_CHAR) + boundaries * RECORD_CHAR / 4;
    1 + ((total - first).max(0) + further - 1) / further
}

/// The run of a text box holding `content` (WordprocessingML), `height`
/// twips high, as wide as the text area and centred on it, its bottom edge
/// on the text area's bottom edge; the text at its foot, no insets, no
/// outline or fill.
fn text_box(content: &str, height: i32, name: &str, even_page: bool) -> String {
    let name = name
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('"', "&quot;");
    let width = TEXT_WIDTH as i32 * EMU;
    let high = height * EMU;
    let top = (super::grid::PAGE_HEIGHT as i32 - super::grid::MARGIN_BOTTOM - height) * EMU;
    // On a page known to be even, where an even page's text area is (its
    // left margin the outer one): LibreOffice lays a section that begins on
    // an even page out on a page style of left pages whose margins are not
    // mirrored, 2 mm to the right. Else centred on the text area.
    let horizontal = if even_page {
        format!(
            "<wp:positionH relativeFrom=\"page\"><wp:posOffset>{}</wp:posOffset></wp:positionH>",
            super::grid::MARGIN_OUTSIDE * EMU
        )
    } else {
        "<wp:positionH relativeFrom=\"margin\"><wp:align>center</wp:align></wp:positionH>"
            .to_string()
    };
    format!(
        "<w:r><w:drawing><wp:anchor distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" simplePos=\"0\" relativeHeight=\"3\" behindDoc=\"0\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"0\">\
<wp:simplePos x=\"0\" y=\"0\" />{horizontal}\
<wp:positionV relativeFrom=\"page\"><wp:posOffset>{top}</wp:posOffset></wp:positionV>\
<wp:extent cx=\"{width}\" cy=\"{high}\" /><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\" /><wp:wrapTopAndBottom />\
<wp:docPr id=\"{RECORD_ID}\" name=\"{name}\" /><wp:cNvGraphicFramePr />\
<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">\
<wps:wsp><wps:cNvSpPr txBox=\"1\" /><wps:spPr><a:xfrm><a:off x=\"0\" y=\"0\" /><a:ext cx=\"{width}\" cy=\"{high}\" /></a:xfrm>\
<a:prstGeom prst=\"rect\"><a:avLst /></a:prstGeom><a:noFill /><a:ln><a:noFill /></a:ln></wps:spPr>\
<wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx>\
<wps:bodyPr rot=\"0\" vert=\"horz\" wrap=\"square\" lIns=\"0\" tIns=\"0\" rIns=\"0\" bIns=\"0\" anchor=\"b\" anchorCtr=\"0\"><a:noAutofit /></wps:bodyPr>\
</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )
}

/// The text box's id among the document's drawings (the seals are 1, 2, …).
const RECORD_ID: u32 = 9704;

/// The 版记's rules in eighths of a point: 0.35 mm (1 pt) and 0.25 mm (¾ pt).
pub const RULE_THICK: usize = 8;
pub const RULE_THIN: usize = 6;

/// One character of the 版记 (四号, 14 pt), in twips.
const RECORD_CHAR: i32 = 280;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issuer_is_as_large_as_48_pt_allows_on_one_line() {
        // 7 characters at 48 pt (6 720 twips) fit 156 mm (8 844 twips).
        assert_eq!(issuer_size("某某市教育工会", TEXT_WIDTH as i32), 96);
        // 16 do not: 8 844 / 16 = 552 twips, 27.6 pt, 55 half-points.
        assert_eq!(
            issuer_size("广东邮电职业技术学院学院工会文件", TEXT_WIDTH as i32),
            55
        );
        assert_eq!(width("2020年12月8日", CHAR), 7 * 160 + 3 * 320);
        let image = |width, height| SealImage {
            png: Vec::new(),
            width,
            height,
        };
        assert_eq!(
            fit(&image(200, 100), SEAL_SIZE, SEAL_SIZE),
            (SEAL_SIZE, SEAL_SIZE / 2)
        );
        // A 签名章 two lines high, narrower than 50 mm.
        assert_eq!(fit(&image(100, 100), mm(50.0), 1158), (1158, 1158));
        assert_eq!(
            fit(&image(400, 100), mm(50.0), 1158),
            (mm(50.0), mm(50.0) / 4)
        );
    }

    #[test]
    fn cc_is_given_as_many_lines_as_it_can_take() {
        let label = width("抄送：", RECORD_CHAR);
        // 21 characters: one line of the 29 that fit between the insets,
        // counted as 28 (one for where a line may not break).
        assert_eq!(
            cc_lines("抄送：某某县人民政府办公室，某某市统计局。", label),
            1
        );
        assert_eq!(cc_lines(&"某".repeat(28), label), 1);
        assert_eq!(cc_lines(&"某".repeat(29), label), 2);
        // Further lines after the label: 29.6 − 3 − 1 characters each (the
        // widths add up: the first line's fraction goes on the second).
        assert_eq!(cc_lines(&"某".repeat(28 + 26), label), 2);
        assert_eq!(cc_lines(&"某".repeat(28 + 27), label), 3);
        // Where digits meet Chinese, a quarter character more: 70 organs
        // that LibreOffice sets on 28 lines.
        let organs: Vec<String> = (1..=70).map(|n| format!("第{n}基层工会委员会")).collect();
        let cc = format!("抄送：{}。", organs.join("，"));
        assert_eq!(cc_lines(&cc, label), 29);
    }
}
