//! The named styles of the DOCX: a user changes one and every paragraph of its
//! kind follows. East-Asian fonts by the names offices have; Latin text and
//! digits in Times New Roman; never a theme font (WPS reports those missing).

use docx_rs::{
    AlignmentType, LineSpacing, LineSpacingType, RunFonts, SpecialIndentType, Style, StyleType,
    Styles,
};

use super::grid::LINE_PITCH;

pub const BODY: &str = "Body";
pub const TITLE: &str = "DocTitle";
/// Level 1 (一、) to level 4 (（1）).
pub const HEADING: [&str; 4] = ["Heading1", "Heading2", "Heading3", "Heading4"];
pub const RUN_IN: &str = "RunIn";
pub const CLOSING: &str = "Closing";
pub const ATTACHMENT_LABEL: &str = "AttachmentLabel";
pub const ANNEX_NOTE: &str = "AnnexNote";
pub const TABLE_TEXT: &str = "TableText";
pub const TABLE: &str = "FiguresTable";
pub const FOOTER: &str = "PageNumber";
/// The 公文's elements (GB/T 9704): 份号/密级/紧急程度, the 发文机关标志, the
/// 发文字号 (with the red rule under it), the names of the 签发人, the 主送机关,
/// the 版记's text.
pub const MARK: &str = "GongwenMark";
pub const ISSUER: &str = "Issuer";
pub const NUMBER: &str = "DocNumber";
pub const NUMBER_CHARS: &str = "DocNumberChars";
pub const SIGNER: &str = "SignerName";
pub const ADDRESSEE: &str = "Addressee";
pub const RECORD: &str = "RecordText";

/// The red of the 版头 (RGB 255, 0, 0), as the PDF has it.
pub const RED: &str = "FF0000";

/// Which East-Asian font names the styles ask for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FontChoice {
    /// 仿宋, 黑体, 楷体, 宋体: on every Chinese Windows and in WPS.
    #[default]
    Windows,
    /// 仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体: what many offices install
    /// for 公文.
    Gb2312,
    /// The free Fandol fonts nianbao carries (FandolFang, FandolHei, FandolKai,
    /// FandolSong): install them where the DOCX is opened.
    Free,
}

/// The fonts of the roles: (FangSong, Hei, Kai, Song, title).
fn names(choice: FontChoice) -> [&'static str; 5] {
    match choice {
        FontChoice::Windows => ["仿宋", "黑体", "楷体", "宋体", "宋体"],
        FontChoice::Gb2312 => [
            "仿宋_GB2312",
            "黑体",
            "楷体_GB2312",
            "宋体",
            "方正小标宋简体",
        ],
        FontChoice::Free => [
            "FandolFang",
            "FandolHei",
            "FandolKai",
            "FandolSong",
            "FandolSong",
        ],
    }
}

/// An East-Asian font with Times New Roman for Latin text and digits.
fn fonts(east_asia: &str) -> RunFonts {
    RunFonts::new()
        .east_asia(east_asia)
        .ascii("Times New Roman")
        .hi_ansi("Times New Roman")
        .cs("Times New Roman")
}

/// Exactly one grid line: 22 lines a page whatever the font's own height.
fn exact_line() -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Exact)
        .line(LINE_PITCH as i32)
        .before(0)
        .after(0)
}

/// Single spacing, off the grid: table cells and the page number.
fn single_line() -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Auto)
        .line(240)
        .before(0)
        .after(0)
}

/// A paragraph style on the grid: 16 pt, exact line pitch, justified, first
/// line two characters in.
fn on_grid(id: &str, name: &str, east_asia: &str) -> Style {
    Style::new(id, StyleType::Paragraph)
        .name(name)
        .based_on("Normal")
        .next(BODY)
        .q_format(true)
        .fonts(fonts(east_asia))
        .size(32)
        .line_spacing(exact_line())
        .snap_to_grid(true)
        .align(AlignmentType::Both)
        .indent(None, Some(SpecialIndentType::FirstLine(640)), None, None)
}

/// Every style of the document. English documents use Times New Roman throughout.
pub fn styles(choice: FontChoice, english: bool) -> Styles {
    let [fang, hei, kai, song, title] = if english {
        ["Times New Roman"; 5]
    } else {
        names(choice)
    };
    let mut styles = Styles::new()
        .default_fonts(fonts(fang))
        .default_size(32)
        .default_line_spacing(exact_line());
    styles = styles.add_style(on_grid(BODY, "Body Text 公文正文", fang));
    let heading_fonts = [hei, kai, fang, fang];
    let names = [
        "Heading 1 一、",
        "Heading 2 （一）",
        "Heading 3 1.",
        "Heading 4 （1）",
    ];
    for level in 0..4 {
        let mut style = on_grid(HEADING[level], names[level], heading_fonts[level])
            .outline_lvl(level)
            .align(AlignmentType::Left);
        if english {
            style = style.bold();
        }
        styles = styles.add_style(style);
    }
    let mut title_style = Style::new(TITLE, StyleType::Paragraph)
        .name("Title 公文标题")
        .based_on("Normal")
        .next(BODY)
        .q_format(true)
        .fonts(fonts(title))
        .size(44)
        .bold()
        .align(AlignmentType::Center)
        // Off the character grid: a 22 pt character is wider than a cell.
        .snap_to_grid(false)
        // A line of the grid a line of the title, as in the PDF (a title of
        // two lines took four); a blank line under it.
        .line_spacing(
            LineSpacing::new()
                .line_rule(LineSpacingType::Exact)
                .line(LINE_PITCH as i32)
                .before(0)
                .after(LINE_PITCH as u32),
        );
    if english {
        title_style = title_style.size(36);
    }
    styles = styles.add_style(title_style);
    styles = styles.add_style(
        Style::new(RUN_IN, StyleType::Character)
            .name("Run-in Heading 段首标题")
            .fonts(fonts(kai)),
    );
    styles = styles.add_style(
        on_grid(CLOSING, "Signature and Date 署名日期", fang)
            .align(AlignmentType::Right)
            .indent(None, Some(SpecialIndentType::FirstLine(0)), Some(640), None)
            .line_spacing(
                LineSpacing::new()
                    .line_rule(LineSpacingType::Exact)
                    .line(LINE_PITCH as i32)
                    .before(LINE_PITCH as u32)
                    .after(0),
            ),
    );
    styles = styles.add_style(
        on_grid(ATTACHMENT_LABEL, "Attachment Label 附件标识", hei)
            .align(AlignmentType::Left)
            .indent(None, Some(SpecialIndentType::FirstLine(0)), None, None)
            // The attachment's title on line 3 (GB/T 9704 8).
            .line_spacing(exact_line().after(LINE_PITCH as u32)),
    );
    // "附件：1.……": one blank line below the text (GB/T 9704 7.3.4); further
    // lines align after 附件： (three characters).
    styles = styles.add_style(
        on_grid(ANNEX_NOTE, "Attachment Note 附件说明", fang)
            .indent(
                Some(1600),
                Some(SpecialIndentType::Hanging(960)),
                None,
                None,
            )
            .line_spacing(exact_line().before(LINE_PITCH as u32)),
    );
    // Table text: a size smaller, single spacing, off the grid (a fixed 28 pt
    // line in cells makes rows too high in WPS).
    styles = styles.add_style(
        Style::new(TABLE_TEXT, StyleType::Paragraph)
            .name("Table Text 表格文字")
            .based_on("Normal")
            .fonts(fonts(fang))
            .size(28)
            .align(AlignmentType::Center)
            .snap_to_grid(false)
            .line_spacing(single_line()),
    );
    styles = styles.add_style(Style::new(TABLE, StyleType::Table).name("Figures Table 数据表"));
    styles = gongwen_styles(styles, [fang, hei, kai, title]);
    styles.add_style(
        Style::new(FOOTER, StyleType::Paragraph)
            .name("Page Number 页码")
            .based_on("Normal")
            .fonts(fonts(song))
            .size(28)
            .snap_to_grid(false)
            .indent(Some(280), None, Some(280), None)
            .line_spacing(
                LineSpacing::new()
                    .line_rule(LineSpacingType::Auto)
                    .line(240)
                    .before(0)
                    .after(PAGE_NUMBER_RAISE),
            ),
    )
}

/// How far the page number's line ends above the footer distance: 3 mm, so
/// that it stands 23 mm above the page's foot while a 函's lower red rule,
/// alone in page one's footer, stands at the footer distance, 20 mm.
pub const PAGE_NUMBER_RAISE: u32 = 170;

/// The styles of the 公文's elements: a user restyles every 发文字号 or 主送
/// at once.
fn gongwen_styles(styles: Styles, [fang, hei, kai, title]: [&str; 4]) -> Styles {
    let flush_left = |id: &str, name: &str, font: &str| {
        on_grid(id, name, font).align(AlignmentType::Left).indent(
            Some(0),
            Some(SpecialIndentType::FirstLine(0)),
            None,
            None,
        )
    };
    styles
        .add_style(flush_left(MARK, "Copy Number and Marks 份号密级", hei))
        .add_style(
            Style::new(ISSUER, StyleType::Paragraph)
                .name("Issuer 发文机关标志")
                .based_on("Normal")
                .next(BODY)
                .fonts(fonts(title))
                .size(ISSUER_SIZE)
                .bold()
                .color(RED)
                .align(AlignmentType::Center)
                // Off the character grid: a character of the 标志 is wider
                // than a cell.
                .snap_to_grid(false)
                .indent(Some(0), Some(SpecialIndentType::FirstLine(0)), None, None),
        )
        .add_style(
            flush_left(NUMBER, "Document Number 发文字号", fang).align(AlignmentType::Center),
        )
        .add_style(
            Style::new(NUMBER_CHARS, StyleType::Character)
                .name("Document Number Characters 发文字号字符")
                .fonts(fonts(fang)),
        )
        .add_style(
            Style::new(SIGNER, StyleType::Character)
                .name("Signer 签发人姓名")
                .fonts(fonts(kai)),
        )
        .add_style(flush_left(ADDRESSEE, "Addressee 主送机关", fang))
        .add_style(
            Style::new(RECORD, StyleType::Paragraph)
                .name("Record 版记")
                .based_on("Normal")
                .fonts(fonts(fang))
                .size(28)
                .align(AlignmentType::Left)
                .snap_to_grid(false)
                .indent(Some(0), Some(SpecialIndentType::FirstLine(0)), None, None)
                .line_spacing(
                    LineSpacing::new()
                        .line_rule(LineSpacingType::Exact)
                        .line(RECORD_LINE)
                        .before(0)
                        .after(0),
                ),
        )
}

/// The 标志's largest size, 48 pt (in half-points); a longer name is set
/// smaller so that it stays on one line.
pub const ISSUER_SIZE: usize = 96;

/// A 版记 line: 14 pt text with room above and below (the PDF's 0.3 em
/// insets), 22 pt.
pub const RECORD_LINE: i32 = 440;
