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
/// The header distance (no header is used) and the footer distance: the page
/// number "— N —" (14 pt) stands 7 mm below the text area, so its line (about
/// 5 mm) ends 35 − 7 − 5 = 23 mm above the page's foot.
pub const HEADER: i32 = mm(15.0);
pub const FOOTER: i32 = mm(23.0);

/// The text width, 210 − 28 − 26 = 156 mm: 8844 twips.
pub const TEXT_WIDTH: usize = (PAGE_WIDTH as i32 - MARGIN_INSIDE - MARGIN_OUTSIDE) as usize;

/// 22 lines a page: the text height 297 − 37 − 35 = 225 mm, in twips 12 756,
/// / 22 = 579.8, rounded down to 579 (580 gives 21 lines once laid out).
pub const LINE_PITCH: usize = 579;

/// 28 characters a line. `w:charSpace` is the difference between the grid's
/// character pitch and the body font's (16 pt = 320 twips), in 1/4096 pt:
/// (8844 twips / 28 − 320 twips) / 20 × 4096 = (315.857 − 320) × 204.8 = −848.5,
/// rounded down to −849 (a pitch a hair under 156 mm / 28, so 28 characters fit).
pub const CHAR_SPACE: isize = char_space(TEXT_WIDTH, 28, 320);

/// Millimetres in twips, rounded.
const fn mm(mm: f64) -> i32 {
    let twips = mm / 25.4 * 1440.0;
    (twips + 0.5) as i32
}

/// The `w:charSpace` that fits `chars` characters of `font` twips in `width`
/// twips: (width / chars − font) twips, in 1/4096 pt, rounded down.
const fn char_space(width: usize, chars: usize, font: usize) -> isize {
    // In 1/4096 pt: twips × 4096 / 20 = twips × 1024 / 5.
    let numerator = (width as isize - (chars * font) as isize) * 1024;
    let denominator = (chars * 5) as isize;
    numerator.div_euclid(denominator)
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
        assert_eq!(CHAR_SPACE, -849);
        // 28 characters at the grid's pitch fit the line, 29 do not.
        let pitch = 320.0 + CHAR_SPACE as f64 / 204.8;
        assert!(28.0 * pitch <= TEXT_WIDTH as f64, "{pitch}");
        assert!(29.0 * pitch > TEXT_WIDTH as f64, "{pitch}");
    }
}
