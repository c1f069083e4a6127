//! The page and its grid after GB/T 9704, in twips (1/20 pt) as Word and WPS
//! measure them.

/// A4: 210 × 297 mm.
pub const PAGE_WIDTH: u32 = 11906;
pub const PAGE_HEIGHT: u32 = 16838;

/// Margins: top 37 mm, bottom 35 mm, inside (binding) 28 mm, outside 26 mm,
/// mirrored for two-sided printing.
pub const MARGIN_TOP: i32 = mm(37.0);
pub const MARGIN_BOTTOM: i32 = mm(35.0);
pub const MARGIN_OUTSIDE: i32 = mm(26.0);
/// 28 mm, taken as what is left of the page's 11 906 twips beside a text of
/// exactly 156 mm: 1588 twips (28.01 mm).
pub const MARGIN_INSIDE: i32 = PAGE_WIDTH as i32 - MARGIN_OUTSIDE - mm(156.0);
/// The header distance and the footer distance. Only a 函 has a header, on
/// page one: its 发文机关标志, 30 mm below the page's top (GB/T 9704 10.1).
/// The footer distance is that of the 函's lower red double rule, 20 mm above
/// the page's foot; the page number "— N —" (14 pt) stands 7 mm below the
/// text area, so its line (about 5 mm) ends 35 − 7 − 5 = 23 mm above the
/// page's foot: 3 mm above the footer distance (the page number's spacing
/// after, `styles::PAGE_NUMBER_RAISE`).
pub const HEADER: i32 = mm(30.0);
pub const FOOTER: i32 = mm(20.0);

/// One character of the body (三号, 16 pt), in twips.
pub const CHAR: i32 = 320;

/// The text width, 210 − 28 − 26 = 156 mm: 8844 twips.
pub const TEXT_WIDTH: usize = (PAGE_WIDTH as i32 - MARGIN_INSIDE - MARGIN_OUTSIDE) as usize;

/// 22 lines a page: the text height 297 − 37 − 35 = 225 mm, in twips 12 756,
/// / 22 = 579.8, rounded down to 579 (580 gives 21 lines once laid out).
pub const LINE_PITCH: usize = 579;

/// 28 characters a line: every run's characters 0.25 pt closer
/// (`w:spacing w:val="-5"`, in twentieths of a point), so that a 16 pt
/// character takes 15.75 pt: 28 of them (441 pt) fit the 442.2 pt line, 29
/// (456.75 pt) do not. The grid is one of lines only (`w:type="lines"`):
/// Word's character grid (`linesAndChars` with `w:charSpace` −849, a pitch of
/// 15.79 pt) is laid out by LibreOffice with a cell of the Normal style's
/// size plus the charSpace (12 pt, its default, − 0.25 pt: 11.75 pt) and
/// every character in as many whole cells as it needs: two for a 16 pt
/// character, 18 a line, 11 pages for the PDF's 7. With the Normal style at
/// 16 pt the cell is 15.75 pt, still less than 16: 14 a line. No cell of 28
/// a line (at most 15.79 pt) holds a 16 pt character whole, so LibreOffice
/// cannot lay a character grid of 28 out as Word does; spacing on the runs
/// it lays out as Word does (measured with LibreOffice 7.4: 28 characters a
/// line, 22 lines a page).
pub const CHAR_SPACING: i32 = -5;

/// Millimetres in twips, rounded.
pub const fn mm(mm: f64) -> i32 {
    let twips = mm / 25.4 * 1440.0;
    (twips + 0.5) as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_grid_holds_22_lines_of_28_characters() {
        assert_eq!((MARGIN_TOP, MARGIN_BOTTOM), (2098, 1984));
        assert_eq!((MARGIN_INSIDE, MARGIN_OUTSIDE), (1588, 1474));
        assert_eq!(TEXT_WIDTH, 8844);
        // 22 lines fit the text height, 23 do not.
        let height = PAGE_HEIGHT as i32 - MARGIN_TOP - MARGIN_BOTTOM;
        assert!(22 * LINE_PITCH as i32 <= height && 23 * LINE_PITCH as i32 > height);
        // 28 characters of 16 pt with the runs' spacing fit the line, 29 do not.
        let pitch = (CHAR + CHAR_SPACING) as f64;
        assert!(28.0 * pitch <= TEXT_WIDTH as f64, "{pitch}");
        assert!(29.0 * pitch > TEXT_WIDTH as f64, "{pitch}");
        // One twentieth of a point less would give 29 and more 27.
        assert!(28.0 * (pitch + 1.0) > TEXT_WIDTH as f64);
    }
}
