//! The full 公文 (issue 28): the examples in `inputs/` built, and their
//! geometry measured in the PDF against GB/T 9704-2012 — the 标志's top and
//! colour, the red rule under the 发文字号, the 版记's rules on the text area's
//! bottom edge and on an even page, the pages without a page number.

use std::path::{Path, PathBuf};

use crate::common::*;
use crate::pdf_reader::{Ink, pdf_ink};

/// The text area's top and bottom, in millimetres from the page's top.
const TEXT_TOP: f64 = 37.0;
const TEXT_BOTTOM: f64 = 37.0 + 225.0;
const RED: [u8; 3] = [255, 0, 0];

/// Builds an example of `inputs/` into a fresh folder: its PDF's path.
fn built(stem: &str, dir: &Path) -> PathBuf {
    let out = build(
        &repo().join(format!("inputs/{stem}.yaml")),
        dir,
        &["--format", "md,pdf,docx"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    dir.join(format!("{stem}.pdf"))
}

/// The glyphs that read `text` on one line (glyphs whose middles are within
/// 3 mm of one another, left to right).
pub(crate) fn line_of<'a>(page: &'a Ink, text: &str) -> Vec<&'a crate::pdf_reader::InkGlyph> {
    let first = text.chars().next().unwrap().to_string();
    let middle = |g: &crate::pdf_reader::InkGlyph| (g.top + g.bottom) / 2.0;
    for start in page.glyphs.iter().filter(|g| g.text == first) {
        let mut line: Vec<_> = page
            .glyphs
            .iter()
            .filter(|g| (middle(g) - middle(start)).abs() < 3.0)
            .collect();
        line.sort_by(|a, b| a.left.total_cmp(&b.left));
        let at = line.iter().position(|g| std::ptr::eq(*g, start)).unwrap();
        let mut joined = String::new();
        for (n, g) in line[at..].iter().enumerate() {
            joined.push_str(&g.text);
            if joined == text {
                return line[at..=at + n].to_vec();
            }
            if !text.starts_with(joined.as_str()) {
                break;
            }
        }
    }
    panic!("no line “{text}”")
}

pub(crate) fn top(glyphs: &[&crate::pdf_reader::InkGlyph]) -> f64 {
    glyphs.iter().map(|g| g.top).fold(f64::INFINITY, f64::min)
}

pub(crate) fn bottom(glyphs: &[&crate::pdf_reader::InkGlyph]) -> f64 {
    glyphs
        .iter()
        .map(|g| g.bottom)
        .fold(f64::NEG_INFINITY, f64::max)
}

/// Whether a page shows a page number "— N —".
fn numbered(page: &Ink) -> bool {
    page.glyphs
        .iter()
        .any(|g| g.text == "—" && g.top > TEXT_BOTTOM)
}

#[test]
fn a_reports_masthead_stands_where_gb_t_9704_puts_it() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = built("gongwen-report-2020", dir.path());
    let pages = pdf_ink(&pdf);
    let first = &pages[0];
    // The 标志: red, its top edge 35 mm below the text area's top.
    let issuer = line_of(first, "广东邮电职业技术学院学院工会文件");
    let issuer_top = top(&issuer) - TEXT_TOP;
    eprintln!("标志 top: {issuer_top:.2} mm below the text area's top");
    assert!((issuer_top - 35.0).abs() <= 0.5, "{issuer_top}");
    assert!(issuer.iter().all(|g| g.rgb == RED), "the 标志 is red");
    // The red rule, as wide as the text area (156 mm), its middle 4 mm below
    // the 发文字号's ink.
    let number = line_of(first, "粤邮院工〔2020〕15号");
    let rule = first
        .fills
        .iter()
        .find(|f| f.rgb == RED && f.right - f.left > 150.0)
        .expect("a red rule");
    let gap = (rule.top + rule.bottom) / 2.0 - bottom(&number);
    eprintln!(
        "red rule {:.2} mm wide, {gap:.2} mm below the 发文字号",
        rule.right - rule.left
    );
    assert!((gap - 4.0).abs() <= 0.3, "{gap}");
    assert!((rule.right - rule.left - 156.0).abs() <= 0.2);
    // A 上行文: the 发文字号 one character in from the left, on the line of the
    // 签发人, who stands one character in from the right.
    let signer = line_of(first, "签发人：李明华");
    assert!((bottom(&signer) - bottom(&number)).abs() < 1.0);
    let text_left = 28.0;
    let inset = number[0].left - text_left;
    assert!((inset - 16.0 * 25.4 / 72.0).abs() < 1.0, "{inset}");
    // Page one carries its number; the document has no 版记.
    assert!(numbered(first));
}

#[test]
fn a_notices_record_is_on_an_even_page_on_the_text_areas_bottom_edge() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = built("notice-plan-2022", dir.path());
    let pages = pdf_ink(&pdf);
    let last = pages.last().unwrap();
    assert_eq!(pages.len() % 2, 0, "the 版记 is on an even page");
    // Its rules: black, as wide as the text area, the first and last 0.35 mm,
    // the one between 0.25 mm, the last one's lower edge on the text area's
    // bottom edge.
    let mut rules: Vec<_> = last
        .fills
        .iter()
        .filter(|f| f.rgb == [0, 0, 0] && f.right - f.left > 150.0)
        .collect();
    rules.sort_by(|a, b| a.top.total_cmp(&b.top));
    assert_eq!(rules.len(), 3, "{rules:?}");
    let thickness: Vec<f64> = rules.iter().map(|r| r.bottom - r.top).collect();
    eprintln!(
        "版记 rules {thickness:.2?} mm; the last ends {:.2} mm below the page's top",
        rules[2].bottom
    );
    assert!((thickness[0] - 0.35).abs() < 0.02 && (thickness[2] - 0.35).abs() < 0.02);
    assert!((thickness[1] - 0.25).abs() < 0.02);
    assert!(
        (rules[2].bottom - TEXT_BOTTOM).abs() <= 0.1,
        "{}",
        rules[2].bottom
    );
    let cc = line_of(last, "抄送：某某县人民政府办公室，某某市统计局。");
    assert!(top(&cc) > rules[0].bottom && bottom(&cc) < rules[1].top);
    // It fitted under the attachment's end on page 2, which keeps its number.
    assert_eq!(pages.len(), 2);
    assert!(numbered(last));
    // The 标志 of a 通知 is red and 35 mm down too; the seal image is drawn.
    let issuer = line_of(&pages[0], "某某县统计局文件");
    assert!((top(&issuer) - TEXT_TOP - 35.0).abs() <= 0.5);
    assert!(issuer.iter().all(|g| g.rgb == RED));
}

#[test]
fn a_letter_has_the_letterhead_and_no_number_on_page_one() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = built("letter-2021", dir.path());
    let pages = pdf_ink(&pdf);
    let first = &pages[0];
    // 信函格式: the 标志 30 mm below the page's top, red.
    let issuer = line_of(first, "某某市教育工会");
    let issuer_top = top(&issuer);
    eprintln!("函 标志 top: {issuer_top:.2} mm below the page's top");
    assert!((issuer_top - 30.0).abs() <= 0.5, "{issuer_top}");
    assert!(issuer.iter().all(|g| g.rgb == RED));
    // Red double rules of 170 mm: 4 mm under the 标志, and 20 mm above the
    // page's bottom.
    let mut red: Vec<_> = first
        .fills
        .iter()
        .filter(|f| f.rgb == RED && (f.right - f.left - 170.0).abs() < 0.2)
        .collect();
    red.sort_by(|a, b| a.top.total_cmp(&b.top));
    assert_eq!(red.len(), 4, "{red:?}");
    let under = red[0].top - bottom(&issuer);
    let above_bottom = 297.0 - red[3].bottom;
    eprintln!(
        "double rule {under:.2} mm under the 标志; the lower {above_bottom:.2} mm above the page's bottom"
    );
    assert!((under - 4.0).abs() <= 0.3, "{under}");
    assert!((above_bottom - 20.0).abs() <= 0.3, "{above_bottom}");
    assert!((red[0].left - 20.0).abs() < 0.2, "centred on the page");
    assert!(!numbered(first), "no page number on page one of a 函");
    // Its 版记 (抄送 alone, no rules) at the foot of its one page (10.1),
    // not on a page of its own.
    assert_eq!(pages.len(), 1);
    let copies = line_of(first, "抄送：某某市总工会办公室。");
    assert!(
        (TEXT_BOTTOM - bottom(&copies)).abs() < 2.0,
        "{}",
        bottom(&copies)
    );
    assert!(!first.fills.iter().any(|f| f.rgb == [0, 0, 0]), "no rules");
}

#[test]
fn a_plain_document_has_no_masthead_and_stays_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = built("2020", dir.path());
    let pages = pdf_ink(&pdf);
    assert!(pages.iter().all(|p| p.glyphs.iter().all(|g| g.rgb != RED)));
    assert!(pages.iter().all(numbered));
}

#[test]
fn a_record_that_does_not_fit_on_the_last_even_page_goes_after_a_blank_page() {
    // The report of eight pages, its last one even, with a 抄送 too long for
    // what is left of it: a blank page 9, the 版记 on page 10, neither numbered.
    let dir = tempfile::tempdir().unwrap();
    let yaml = std::fs::read_to_string(repo().join("inputs/gongwen-report-2020.yaml")).unwrap();
    let organs: Vec<String> = (1..=70).map(|n| format!("第{n}基层工会委员会")).collect();
    let yaml = yaml.replacen(
        "  seal: space\n",
        &format!(
            "  seal: space\n  cc: [{}]\n  printer: 学院工会办公室\n  printed: 2020-12-09\n",
            organs.join(", ")
        ),
        1,
    );
    let input = dir.path().join("long-cc.yaml");
    std::fs::write(&input, yaml).unwrap();
    let out = build(&input, dir.path(), &["--format", "pdf"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let pages = pdf_ink(&dir.path().join("long-cc.pdf"));
    assert_eq!(pages.len(), 10);
    let blank = &pages[8];
    assert!(
        blank.glyphs.is_empty() && blank.fills.is_empty(),
        "page 9 is blank"
    );
    assert!(
        !numbered(&pages[9]),
        "the 版记's page after a blank page has no number"
    );
    assert!(numbered(&pages[7]));
    let last_rule = pages[9]
        .fills
        .iter()
        .map(|f| f.bottom)
        .fold(f64::NEG_INFINITY, f64::max);
    assert!((last_rule - TEXT_BOTTOM).abs() <= 0.1, "{last_rule}");
}

/// An English document with a `document:` block builds (the English style has
/// the 公文's functions, as an English letterhead): the organisation in red
/// at the top over a red rule as wide as the text, the reference and who
/// signed it off on one line, the addressee, the signature and date, the note,
/// and the copies and printing line between rules at the foot of the last page,
/// its date in English.
#[test]
fn an_english_document_with_a_document_block_builds_as_a_letterhead() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = std::fs::read_to_string(repo().join("inputs/branch-2023-en.yaml")).unwrap();
    let yaml = format!(
        "document:\n  kind: 报告\n  issuer: Riverside Teachers' Union\n  number: RTU〔2024〕4号\n  signers: Jane Smith\n  addressee: City Federation of Trade Unions\n  seal: space\n  annotation: \"Contact: Tom Lee, 555-0100\"\n  cc: City Education Bureau\n  printer: Riverside Teachers' Union Office\n  printed: 2024-01-15\n{yaml}"
    );
    let input = dir.path().join("letter-en.yaml");
    std::fs::write(&input, yaml).unwrap();
    let out = build(&input, dir.path(), &["--format", "pdf,docx"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let pdf = dir.path().join("letter-en.pdf");
    let pages = pdf_ink(&pdf);
    let first = &pages[0];
    let issuer: Vec<_> = first.glyphs.iter().filter(|g| g.rgb == RED).collect();
    let red: String = issuer.iter().map(|g| g.text.as_str()).collect();
    assert_eq!(red.replace(' ', ""), "RiversideTeachers'Union");
    // The red rule under the reference: as wide as the text area (156 mm).
    let rule = first
        .fills
        .iter()
        .find(|f| f.rgb == RED)
        .expect("a red rule");
    assert!(((rule.right - rule.left) - 156.0).abs() < 0.1, "{rule:?}");
    assert!(rule.top > bottom(&issuer));
    let text = crate::pdf_reader::pdf_text(&pdf);
    let mut at = 0;
    for want in [
        "Riverside Teachers' Union",
        "Signed off by: Jane Smith",
        "City Federation of Trade Unions:",
        "Branch Secretary",
        "15 January 2024",
        "(Contact: Tom Lee, 555-0100)",
        "Copies to: City Education Bureau.",
        "printed on 15 January 2024",
    ] {
        let found = text[at..]
            .find(want)
            .unwrap_or_else(|| panic!("“{want}” not after byte {at}: {text}"));
        at += found + want.len();
    }
    // The copies at the foot of the last page, under the text.
    let last = pages.last().unwrap();
    let copies = line_of(last, "Copies");
    assert!(top(&copies) > TEXT_BOTTOM - 20.0, "{}", top(&copies));
}

/// 联合行文 (GB/T 9704 7.2.3): the organs one under another, the host first,
/// spread to one width; "文件" to their right, centred on them; all red, the
/// top 35 mm below the text area's top.
#[test]
fn a_joint_documents_issuers_stand_one_under_another_with_wenjian_beside_them() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = built("joint-notice-2022", dir.path());
    let first = &pdf_ink(&pdf)[0];
    let host = line_of(first, "某某县统计局");
    let other = line_of(first, "某某县财政局");
    let suffix = line_of(first, "文件");
    for glyph in host.iter().chain(&other).chain(&suffix) {
        assert_eq!(glyph.rgb, RED, "{}", glyph.text);
    }
    let issuer_top = top(&host) - TEXT_TOP;
    assert!((issuer_top - 35.0).abs() <= 0.5, "{issuer_top}");
    assert!(top(&other) > bottom(&host), "the host organ first");
    // Spread to one width: both names begin and end alike.
    assert!((host[0].left - other[0].left).abs() < 0.5);
    assert!((host[5].left - other[5].left).abs() < 0.5);
    // "文件" to the right of the names, centred on them.
    let names_right = host[5].left.max(other[5].left) + 5.0;
    assert!(
        suffix[0].left > names_right,
        "{} {}",
        suffix[0].left,
        names_right
    );
    let names_middle = (top(&host) + bottom(&other)) / 2.0;
    let suffix_middle = (top(&suffix) + bottom(&suffix)) / 2.0;
    assert!(
        (names_middle - suffix_middle).abs() <= 1.0,
        "{names_middle} {suffix_middle}"
    );
    // The whole 标志 centred on the text area (28 mm to 184 mm).
    let left = host[0].left;
    let right = suffix[1].left + (bottom(&suffix) - top(&suffix));
    assert!(
        ((left - 28.0) - (184.0 - right)).abs() <= 2.0,
        "{left} {right}"
    );
}

/// A page's black glyphs alone (the 标志's red names left out).
pub(crate) fn black(page: &Ink) -> Ink {
    Ink {
        glyphs: page
            .glyphs
            .iter()
            .filter(|g| g.rgb == [0, 0, 0])
            .cloned()
            .collect(),
        ..Ink::default()
    }
}

/// The page that shows `text` in black, and that page's black glyphs.
pub(crate) fn page_showing(pages: &[Ink], text: &str) -> (usize, Ink) {
    pages
        .iter()
        .enumerate()
        .map(|(i, p)| (i, black(p)))
        .find(|(_, p)| {
            let all: String = p.glyphs.iter().map(|g| g.text.as_str()).collect();
            all.contains(text)
        })
        .unwrap_or_else(|| panic!("no page shows “{text}”"))
}

/// The example seals' centres on a page: each seal's star is red and about
/// 17 mm across, its box's middle 0.8 mm below the seal's centre (the star
/// of 420 units stands at 202).
fn seal_centres(page: &Ink) -> Vec<(f64, f64)> {
    page.fills
        .iter()
        .filter(|f| f.rgb == RED && (14.0..20.0).contains(&(f.right - f.left)))
        .map(|f| ((f.left + f.right) / 2.0, (f.top + f.bottom) / 2.0 - 0.8))
        .collect()
}

/// An example built: its pages' ink, and the page (its index, and its black
/// glyphs) that shows `text`.
fn closing_of(stem: &str, text: &str) -> (Vec<Ink>, usize, Ink) {
    let dir = tempfile::tempdir().unwrap();
    let pages = pdf_ink(&built(stem, dir.path()));
    let (at, page) = page_showing(&pages, text);
    (pages, at, page)
}

/// The middle of a line's ink: (across, down), in mm from the top left.
pub(crate) fn middle(glyphs: &[&crate::pdf_reader::InkGlyph]) -> (f64, f64) {
    let (left, right) = (glyphs[0].left, ink_right(glyphs));
    ((left + right) / 2.0, (top(glyphs) + bottom(glyphs)) / 2.0)
}

/// Where a line's ink ends on the right.
fn ink_right(glyphs: &[&crate::pdf_reader::InkGlyph]) -> f64 {
    glyphs.last().unwrap().right
}

/// The glyphs below `y` (mm) alone.
pub(crate) fn below(page: &Ink, y: f64) -> Ink {
    Ink {
        glyphs: page.glyphs.iter().filter(|g| g.top > y).cloned().collect(),
        ..Ink::default()
    }
}

/// The text area's right edge on a page (0-based): odd pages bind on the
/// left (28 mm), even ones on the right.
fn text_right(page: usize) -> f64 {
    if page.is_multiple_of(2) {
        28.0 + 156.0
    } else {
        26.0 + 156.0
    }
}

/// The lowest ink of the body's text above `y` (mm) on a page.
pub(crate) fn text_above(page: &Ink, y: f64) -> f64 {
    page.glyphs
        .iter()
        .filter(|g| g.bottom < y)
        .map(|g| g.bottom)
        .fold(f64::NEG_INFINITY, f64::max)
}

/// 联合行文 under seals (GB/T 9704 7.3.5.1): each organ's name under its own
/// seal, in the organs' order, side by side; the last seal over the last name
/// and the date, which stands four characters in from the right; the seals
/// apart and within the text area; the first seal's top within one line
/// below the text.
#[test]
fn a_joint_documents_organs_each_sign_under_their_own_seal() {
    let (pages, at, page) = closing_of("joint-notice-2022", "2022年1月10日");
    let date = line_of(&page, "2022年1月10日");
    // The names a line above the date (the cover text names the host too).
    let closing = below(&page, top(&date) - 15.0);
    let host = line_of(&closing, "某某县统计局");
    let other = line_of(&closing, "某某县财政局");
    let (host_x, host_y) = middle(&host);
    let (other_x, other_y) = middle(&other);
    let (date_x, date_y) = middle(&date);
    eprintln!(
        "names at ({host_x:.1}, {host_y:.1}) and ({other_x:.1}, {other_y:.1}); date at ({date_x:.1}, {date_y:.1})"
    );
    assert!((host_y - other_y).abs() < 0.5, "one row");
    assert!(host_x + 40.0 < other_x, "the host organ first, left");
    // The ink of “日” ends about 1.5 mm inside its character's box.
    let date_right = ink_right(&date);
    let four = 4.0 * 16.0 * 25.4 / 72.0;
    assert!(
        (text_right(at) - date_right - four - 1.5).abs() < 0.5,
        "the date four characters in: {date_right}"
    );
    assert!(
        (other_x - date_x).abs() < 0.5,
        "the last name over the date"
    );
    let mut stars = seal_centres(&pages[at]);
    stars.sort_by(|a, b| a.0.total_cmp(&b.0));
    eprintln!("seals centred at {stars:.1?}");
    assert_eq!(stars.len(), 2, "{stars:?}");
    let (first, last) = (stars[0], stars[1]);
    assert!(
        (first.0 - host_x).abs() < 1.0,
        "the host's seal over its name"
    );
    assert!(
        (last.0 - other_x).abs() < 1.0,
        "the other's seal over its name"
    );
    assert!(last.0 - first.0 > 42.0, "the seals neither touch nor cross");
    for (x, _) in &stars {
        assert!(x - 21.0 >= text_right(at) - 156.0 && x + 21.0 <= text_right(at));
    }
    // Level; each pressing its name a little below the seal's centre, the
    // last one the date too.
    assert!((first.1 - last.1).abs() < 0.3, "{first:?} {last:?}");
    assert!(
        first.1 < host_y && host_y - first.1 < 5.0,
        "{first:?} {host_y}"
    );
    assert!(date_y - last.1 < 21.0 - 3.0, "the date under the last seal");
    // The seals' top within one line (10.2 mm) below the text above.
    let seal_top = first.1 - 21.0;
    let above = text_above(&page, top(&host) - 3.0);
    eprintln!("the seals' top {:.1} mm below the text", seal_top - above);
    assert!(
        seal_top >= above - 0.5 && seal_top - above <= 225.0 / 22.0,
        "{seal_top} {above}"
    );
}

/// The 签发人's 签名章 (GB/T 9704 7.3.5.3): two lines below the text, four
/// characters in from the right; the post two characters to its left,
/// centred on it; the date one blank line below it, four characters in.
#[test]
fn a_signers_stamp_stands_four_characters_in_with_the_post_beside_it() {
    let (pages, at, page) = closing_of("stamp-report-2021", "某某镇人民政府镇长");
    let post = line_of(&page, "某某镇人民政府镇长");
    let date = line_of(&page, "2021年12月20日");
    // The 签名章: four red squares inside a red frame; the squares' box is
    // 204 of its 300 units, centred.
    let squares: Vec<_> = pages[at]
        .fills
        .iter()
        .filter(|f| f.rgb == RED && (f.right - f.left) < 10.0 && (f.bottom - f.top) < 10.0)
        .collect();
    assert_eq!(squares.len(), 4, "{squares:?}");
    let left = squares.iter().map(|f| f.left).fold(f64::INFINITY, f64::min);
    let right = squares
        .iter()
        .map(|f| f.right)
        .fold(f64::NEG_INFINITY, f64::max);
    let upper = squares.iter().map(|f| f.top).fold(f64::INFINITY, f64::min);
    let lower = squares
        .iter()
        .map(|f| f.bottom)
        .fold(f64::NEG_INFINITY, f64::max);
    let margin = (right - left) * 48.0 / 204.0;
    let stamp = (
        left - margin,
        right + margin,
        upper - margin,
        lower + margin,
    );
    eprintln!("签名章 {stamp:.1?}");
    let em = 16.0 * 25.4 / 72.0;
    let line = 225.0 / 22.0;
    // Two lines high, four characters in from the right.
    assert!((stamp.3 - stamp.2 - 2.0 * line).abs() < 0.3, "{stamp:?}");
    assert!(
        (text_right(at) - stamp.1 - 4.0 * em).abs() < 0.5,
        "{stamp:?}"
    );
    // The post two characters to its left, on its middle.
    let post_right = ink_right(&post);
    eprintln!(
        "post ends {:.2} mm left of the 签名章",
        stamp.0 - post_right
    );
    assert!(
        (stamp.0 - post_right - 2.0 * em - 0.5).abs() < 0.8,
        "{post_right}"
    );
    let (_, post_y) = middle(&post);
    assert!((post_y - (stamp.2 + stamp.3) / 2.0).abs() < 1.0, "{post_y}");
    // Two blank lines between the text and the 签名章.
    let above = text_above(&page, stamp.2);
    let gap = stamp.2 - above;
    eprintln!("签名章 {gap:.1} mm below the text");
    assert!(gap > line && gap < 2.0 * line + 5.0, "{gap}");
    // The date one blank line below it, four characters in from the right.
    let date_gap = top(&date) - stamp.3;
    assert!(date_gap > line - 1.0 && date_gap < 2.0 * line, "{date_gap}");
    let date_right = ink_right(&date);
    assert!(
        (text_right(at) - date_right - 4.0 * em - 1.5).abs() < 0.5,
        "{date_right}"
    );
}

/// Three organs under seals: two a row, in order; the third in the row
/// below, on the right, over the date; rows far enough apart that no seal
/// touches another.
#[test]
fn three_organs_sign_in_two_rows_of_seals() {
    let dir = tempfile::tempdir().unwrap();
    for seal in ["seal-example.svg", "seal-finance.svg"] {
        std::fs::copy(repo().join("inputs").join(seal), dir.path().join(seal)).unwrap();
    }
    let yaml = std::fs::read_to_string(repo().join("inputs/joint-notice-2022.yaml"))
        .unwrap()
        .replace(
            "      seal: seal-finance.svg\n",
            "      seal: seal-finance.svg\n    - name: 某某县人社局\n      seal: seal-example.svg\n",
        );
    let input = dir.path().join("joint.yaml");
    std::fs::write(&input, yaml).unwrap();
    let out = build(&input, dir.path(), &["--format", "pdf"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let pages = pdf_ink(&dir.path().join("joint.pdf"));
    let (at, page) = page_showing(&pages, "2022年1月10日");
    let date = line_of(&page, "2022年1月10日");
    let names: Vec<(f64, f64)> = ["某某县统计局", "某某县财政局", "某某县人社局"]
        .iter()
        .map(|n| middle(&line_of(&below(&page, top(&date) - 70.0), n)))
        .collect();
    let mut stars = seal_centres(&pages[at]);
    stars.sort_by(|a, b| (a.1, a.0).partial_cmp(&(b.1, b.0)).unwrap());
    eprintln!("names {names:.1?}; seals {stars:.1?}");
    assert_eq!(stars.len(), 3);
    // The first row: the host, then the second organ, level.
    assert!((names[0].1 - names[1].1).abs() < 0.5 && names[0].0 < names[1].0);
    assert!((stars[0].1 - stars[1].1).abs() < 0.3);
    // The third below the second, over the date.
    assert!((names[2].0 - names[1].0).abs() < 0.5);
    assert!((names[2].0 - middle(&date).0).abs() < 0.5);
    assert!(stars[2].1 - stars[1].1 > 42.0, "the rows' seals apart");
    for (seal, name) in stars.iter().zip(&names) {
        assert!((seal.0 - name.0).abs() < 1.0, "{seal:?} over {name:?}");
    }
}

/// A 公文 goes out under its covering title: the PDF's title is “关于印发《…》
/// 的通知”, not the attached plan's.
#[test]
fn a_covering_documents_pdf_is_titled_as_it_goes_out() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = built("notice-plan-2022", dir.path());
    assert_eq!(
        crate::pdf_reader::pdf_info(&pdf).title.as_deref(),
        Some("关于印发《某某县统计局2022年工作计划》的通知")
    );
}

/// An attachment (GB/T 9704 8): "附件" in 黑体 on line 1, flush left; its
/// title centred on line 3, its ink's middle within 1 mm of that line's.
#[test]
fn an_attachments_title_stands_on_line_three() {
    let (_, _, page) = closing_of("notice-plan-2022", "附件某某县统计局2022年工作计划为做好");
    let label = line_of(&page, "附件");
    let title = line_of(&page, "某某县统计局2022年工作计划");
    let line = 225.0 / 22.0;
    let (_, label_y) = middle(&label);
    let (title_x, title_y) = middle(&title);
    eprintln!("附件 at {label_y:.1} mm, its title at {title_y:.1} mm");
    assert!(
        (top(&label) - TEXT_TOP).abs() < 1.5,
        "line 1: {}",
        top(&label)
    );
    assert!((title_y - label_y - 2.0 * line).abs() < 1.0, "{title_y}");
    // Centred on the even page's text area (26 mm to 182 mm).
    assert!((title_x - 104.0).abs() < 1.0, "{title_x}");
}

/// A title too long for a line breaks where its meaning allows (GB/T 9704
/// 7.3.1), each line centred: the organ, then 关于 and the matter; in the
/// PDF and as the DOCX's title paragraph's line break.
#[test]
fn a_long_title_breaks_before_guanyu_and_each_line_is_centred() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = built("gongwen-report-2020", dir.path());
    // Black: the red 标志 names the organ too.
    let first = &black(&pdf_ink(&pdf)[0]);
    let organ = line_of(first, "广东邮电职业技术学院学院工会");
    let matter = line_of(first, "关于2020年工作总结及2021年工作计划的报告");
    assert!(top(&matter) > bottom(&organ));
    for line in [&organ, &matter] {
        let (x, _) = middle(line);
        assert!((x - 106.0).abs() < 1.0, "centred: {x}");
    }
    let docx = std::fs::read(dir.path().join("gongwen-report-2020.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    let title = "<w:t xml:space=\"preserve\">广东邮电职业技术学院学院工会</w:t></w:r><w:r><w:rPr /><w:br w:type=\"textWrapping\" /></w:r><w:r><w:rPr /><w:t xml:space=\"preserve\">关于2020年工作总结及2021年工作计划的报告</w:t>";
    assert!(xml.contains(title), "the DOCX's title is not broken so");
}
