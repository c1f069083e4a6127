//! DOCX: read back as XML (page, grid, styles, fonts, footers, tables), as
//! text (the Markdown's), and as LibreOffice lays it out (22 lines a page;
//! ignored unless asked for, `cargo test -- --include-ignored`).

use crate::common::*;

use std::io::Read;
use std::path::{Path, PathBuf};

/// Builds an input as Markdown and DOCX; returns (Markdown, DOCX bytes, dir).
fn built(input: &Path, extra: &[&str]) -> (String, Vec<u8>, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec!["--format", "md,docx"];
    args.extend_from_slice(extra);
    let out = build(input, dir.path(), &args);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let stem = input.file_stem().unwrap().to_str().unwrap();
    let md = read(&dir.path().join(format!("{stem}.md")));
    let docx = std::fs::read(dir.path().join(format!("{stem}.docx"))).unwrap();
    (md, docx, dir)
}

/// One part of the DOCX package, as text.
fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut file = zip
        .by_name(name)
        .unwrap_or_else(|_| panic!("{name} not in the DOCX"));
    let mut text = String::new();
    file.read_to_string(&mut text).unwrap();
    text
}

/// The text of `word/document.xml`: each paragraph's `w:t`, a line each.
fn document_text(xml: &str) -> String {
    let mut out = String::new();
    for paragraph in xml.split("</w:p>") {
        let mut rest = paragraph;
        while let Some(at) = rest.find("<w:t") {
            let after = &rest[at..];
            let Some(open_end) = after.find('>') else {
                break;
            };
            if after[..open_end].ends_with('/') || !after[4..].starts_with([' ', '>']) {
                rest = &after[open_end + 1..];
                continue;
            }
            let text_start = open_end + 1;
            let close = after[text_start..].find("</w:t>").unwrap_or(0);
            out.push_str(&unescape(&after[text_start..text_start + close]));
            rest = &after[text_start + close..];
        }
        out.push('\n');
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn input(name: &str) -> PathBuf {
    repo().join("inputs").join(name)
}

#[test]
fn the_page_grid_and_footers_are_those_of_a_gongwen() {
    let (_, docx, _) = built(&input("2020.yaml"), &[]);
    let document = part(&docx, "word/document.xml");
    // A4, margins 37/35/28/26 mm, mirrored; 22 lines of 28 characters.
    assert!(
        document.contains(
            "<w:pgSz w:w=\"11906\" w:h=\"16838\" /><w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\""
        ),
        "{document}"
    );
    // A grid of lines; every run 0.25 pt closer, so that 28 characters of
    // 16 pt fill a line (src/docx/grid.rs says why no character grid).
    assert!(
        document.contains("<w:docGrid w:type=\"lines\" w:linePitch=\"579\" />"),
        "{document}"
    );
    let styles = part(&docx, "word/styles.xml");
    assert!(
        styles.contains("<w:rPrDefault><w:rPr><w:spacing w:val=\"-5\" /><w:sz w:val=\"32\" />"),
        "{styles}"
    );
    // English text keeps its letters' own spacing.
    let (_, english, _) = built(&input("branch-2023-en.yaml"), &[]);
    assert!(!part(&english, "word/styles.xml").contains("<w:spacing w:val="));
    // Odd and even footers, referenced first in the section.
    assert!(
        document.contains("<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter1\" /><w:footerReference w:type=\"even\" r:id=\"rIdFooter2\" /><w:pgSz"),
        "{document}"
    );
    let settings = part(&docx, "word/settings.xml");
    assert!(
        settings.contains("<w:mirrorMargins /><w:defaultTabStop"),
        "{settings}"
    );
    assert!(settings.contains("<w:evenAndOddHeaders />"), "{settings}");
    for (footer, side) in [("word/footer1.xml", "right"), ("word/footer2.xml", "left")] {
        let xml = part(&docx, footer);
        assert!(
            xml.contains(&format!(
                "<w:pStyle w:val=\"PageNumber\" /><w:jc w:val=\"{side}\" />"
            )),
            "{xml}"
        );
        assert_eq!(document_text(&xml).trim(), "— 1 —", "{xml}");
        assert!(xml.contains("<w:instrText>PAGE</w:instrText>"), "{xml}");
    }
}

#[test]
fn styles_are_named_with_outline_levels_and_customary_east_asian_fonts() {
    let (_, docx, _) = built(&input("2020.yaml"), &[]);
    let styles = part(&docx, "word/styles.xml");
    for (id, font, level) in [
        ("Heading1", "黑体", Some(0)),
        ("Heading2", "楷体", Some(1)),
        ("Heading3", "仿宋", Some(2)),
        ("Heading4", "仿宋", Some(3)),
        ("Body", "仿宋", None),
        ("DocTitle", "宋体", None),
    ] {
        let start = styles
            .find(&format!("w:styleId=\"{id}\""))
            .unwrap_or_else(|| panic!("no style {id}"));
        let style = &styles[start..start + styles[start..].find("</w:style>").unwrap()];
        assert!(
            style.contains(&format!(
                "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\" w:eastAsia=\"{font}\" />"
            )),
            "{id}: {style}"
        );
        match level {
            Some(l) => assert!(
                style.contains(&format!("<w:outlineLvl w:val=\"{l}\" />")),
                "{id}: {style}"
            ),
            None => assert!(!style.contains("outlineLvl"), "{id}: {style}"),
        }
    }
    // Body: 三号, exactly one grid line, two characters in.
    let body = &styles[styles.find("w:styleId=\"Body\"").unwrap()..];
    let body = &body[..body.find("</w:style>").unwrap()];
    assert!(body.contains("<w:sz w:val=\"32\" />"), "{body}");
    assert!(
        body.contains(
            "<w:ind w:left=\"0\" w:right=\"0\" w:firstLine=\"640\" w:firstLineChars=\"200\" />"
        ),
        "{body}"
    );
    assert!(
        body.contains(
            "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"579\" w:lineRule=\"exact\" />"
        ),
        "{body}"
    );
    assert!(body.contains("<w:jc w:val=\"both\" />"), "{body}");
    assert!(!styles.contains("Theme"), "no theme fonts: {styles}");
    assert!(
        styles.contains("<w:widowControl w:val=\"0\" /><w:autoSpaceDE w:val=\"0\" /><w:autoSpaceDN w:val=\"0\" />"),
        "{styles}"
    );
    // The customary GB2312 names, or the free fonts, when asked.
    let (_, docx, _) = built(&input("2020.yaml"), &["--docx-fonts", "gb2312"]);
    let styles = part(&docx, "word/styles.xml");
    assert!(styles.contains("w:eastAsia=\"仿宋_GB2312\""), "{styles}");
    assert!(styles.contains("w:eastAsia=\"方正小标宋简体\""), "{styles}");
    let (_, docx, _) = built(&input("2020.yaml"), &["--docx-fonts", "free"]);
    assert!(part(&docx, "word/styles.xml").contains("w:eastAsia=\"FandolFang\""));
}

#[test]
fn the_text_is_the_markdowns_for_every_example() {
    for name in [
        "2020.yaml",
        "2022-H1.yaml",
        "branch-2023-en.yaml",
        "township-2021.yaml",
        "stats-plan-2022.yaml",
        "subdistrict-2022-H1.yaml",
        "club-2023-en.yaml",
        "2021",
    ] {
        let (md, docx, _) = built(&input(name), &[]);
        let text = document_text(&part(&docx, "word/document.xml"));
        // Tables: the Markdown's cells without the pipes and the rule row.
        let want: String = markdown_text(&md)
            .lines()
            .filter(|l| !l.starts_with("| ---") && !l.starts_with("|---"))
            .map(|l| l.replace('|', ""))
            .collect();
        assert!(
            squeeze(&text) == squeeze(&want),
            "{name}: {}",
            first_difference(&squeeze(&text), &squeeze(&want))
        );
    }
}

/// Word and WPS break a Latin word only at a space: a run longer than a line
/// (a URL and 400 letters) gets a zero-width space before each character after
/// its first 36, where a line may end; shorter runs are left as they are.
#[test]
fn a_run_longer_than_the_line_gets_zero_width_spaces() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("https://example.org/{}", "a".repeat(400));
    let short = "b".repeat(36);
    let yaml = MINIMAL.replace(
        "        - 生日慰问{visits}。\n",
        &format!("        - 生日慰问{{visits}}。\n        - 见{url}，{short}。\n"),
    );
    let input = write_input(&dir, "long.yaml", &yaml);
    let (_, docx, _) = built(&input, &[]);
    let xml = part(&docx, "word/document.xml");
    let broken: String = url
        .chars()
        .enumerate()
        .map(|(i, c)| {
            if i < 36 {
                c.to_string()
            } else {
                format!("\u{200B}{c}")
            }
        })
        .collect();
    let run = format!("<w:t xml:space=\"preserve\">二是见{broken}，{short}。</w:t>");
    assert!(xml.contains(&run), "{xml}");
}

#[test]
fn tables_have_explicit_widths_and_a_repeated_header_row() {
    let (_, docx, _) = built(&input("2022-H1.yaml"), &[]);
    let document = part(&docx, "word/document.xml");
    let table = &document[document.find("<w:tbl>").expect("a table")..];
    let table = &table[..table.find("</w:tbl>").unwrap()];
    // Three columns across 156 mm: 8844 / 3 = 2948 twips each, as the grid
    // (which WPS reads) and as each cell's width.
    assert!(
        table.contains("<w:tblGrid><w:gridCol w:w=\"2948\" w:type=\"dxa\" /><w:gridCol w:w=\"2948\" w:type=\"dxa\" /><w:gridCol w:w=\"2948\" w:type=\"dxa\" /></w:tblGrid>"),
        "{table}"
    );
    assert!(
        table.contains("<w:tcW w:w=\"2948\" w:type=\"dxa\" />"),
        "{table}"
    );
    let rows: Vec<&str> = table.split("<w:tr>").skip(1).collect();
    assert!(rows[0].contains("<w:tblHeader />"), "{}", rows[0]);
    assert!(
        rows[1..].iter().all(|r| !r.contains("tblHeader")),
        "{table}"
    );
    assert!(
        table.contains("<w:pStyle w:val=\"TableText\" />"),
        "{table}"
    );
    let styles = part(&docx, "word/styles.xml");
    let cell = &styles[styles.find("w:styleId=\"TableText\"").unwrap()..];
    assert!(
        cell.contains(
            "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\" />"
        ),
        "single spacing in cells"
    );
    // The attachment starts a page, with its label.
    let label = document
        .split("<w:p ")
        .find(|p| p.contains("<w:pStyle w:val=\"AttachmentLabel\" />"))
        .expect("an attachment label");
    let properties = &label[..label.find("</w:pPr>").unwrap()];
    assert!(properties.contains("<w:pageBreakBefore />"), "{label}");
    assert_eq!(document_text(label).trim(), "附件", "{label}");
}

#[test]
fn the_same_input_gives_the_same_bytes() {
    let (_, first, _) = built(&input("2022-H1.yaml"), &[]);
    let (_, second, _) = built(&input("2022-H1.yaml"), &[]);
    assert!(first == second, "two builds differ");
    let core = part(&first, "docProps/core.xml");
    assert!(core.contains("2022-07-06T00:00:00Z"), "{core}");
    assert!(
        core.contains("<dc:creator>某区教育工会</dc:creator>"),
        "{core}"
    );
}

/// The paragraph of `document.xml` holding `text`, from its `<w:p ` to its
/// `</w:p>`.
fn paragraph_with<'a>(xml: &'a str, text: &str) -> &'a str {
    let at = xml
        .find(text)
        .unwrap_or_else(|| panic!("no “{text}” in {xml}"));
    let start = xml[..at].rfind("<w:p ").unwrap();
    let end = at + xml[at..].find("</w:p>").unwrap() + "</w:p>".len();
    &xml[start..end]
}

/// The end of `document.xml` when the 版记 has a section of its own: it
/// begins on an even page, with these footers on odd and even pages, and
/// has no distinct page one; its page and grid as the body's.
fn record_section(odd: &str, even: &str) -> String {
    format!(
        "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"{odd}\" /><w:footerReference w:type=\"even\" r:id=\"{even}\" /><w:type w:val=\"evenPage\" /><w:pgSz w:w=\"11906\" w:h=\"16838\" /><w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\" w:header=\"1701\" w:footer=\"1134\" w:gutter=\"0\" /><w:cols w:space=\"425\" w:num=\"1\" /><w:docGrid w:type=\"lines\" w:linePitch=\"579\" /></w:sectPr></w:body></w:document>"
    )
}

/// The run of the 版记's text box in `document.xml`, whole, without the
/// paragraphs' ids.
fn record_box(xml: &str) -> String {
    let start = xml.rfind("<w:r><w:drawing>").expect("a drawing");
    let end = start + xml[start..].find("</w:drawing></w:r>").unwrap() + "</w:drawing></w:r>".len();
    let mut out = xml[start..end].to_string();
    while let Some(at) = out.find(" w14:paraId=\"") {
        let close = at + out[at + 14..].find('"').unwrap() + 15;
        out.replace_range(at..close, "");
    }
    out
}

/// The run of a 版记's text box as nianbao writes it (GB/T 9704 7.4): as wide
/// as the text area (156 mm, 8 844 twips) and `height` twips high, centred on
/// the text area (on an `even_page`, a page the 版记's own section begins:
/// 26 mm, 1 474 twips, from the page's left, where an even page's text area
/// begins), its top `height` above the text area's bottom edge
/// (262 mm, 14 854 twips, from the page's top), the body's text kept clear
/// above and below it; no insets, fill or outline, its text at its foot;
/// in it a table of the rows (no cell margins, fixed widths, the `rules`
/// above and between rows) and the paragraph a point high that ends it,
/// with `last` (the last rule) as its border.
fn text_box(height: i32, rules: &[&str], rows: &str, last: &str, even_page: bool) -> String {
    let (top, high) = ((14854 - height) * 635, height * 635);
    let horizontal = if even_page {
        "<wp:positionH relativeFrom=\"page\"><wp:posOffset>935990</wp:posOffset></wp:positionH>"
    } else {
        "<wp:positionH relativeFrom=\"margin\"><wp:align>center</wp:align></wp:positionH>"
    };
    let nil = |side: &str| {
        format!("<w:{side} w:val=\"nil\" w:sz=\"0\" w:space=\"0\" w:color=\"000000\" />")
    };
    let borders = format!(
        "{}{}{}{}{}{}",
        rules.first().map_or(nil("top"), |r| r.to_string()),
        nil("left"),
        nil("bottom"),
        nil("right"),
        rules.get(1).map_or(nil("insideH"), |r| r.to_string()),
        nil("insideV"),
    );
    format!(
        "<w:r><w:drawing><wp:anchor distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" simplePos=\"0\" relativeHeight=\"3\" behindDoc=\"0\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"0\">\
<wp:simplePos x=\"0\" y=\"0\" />{horizontal}\
<wp:positionV relativeFrom=\"page\"><wp:posOffset>{top}</wp:posOffset></wp:positionV>\
<wp:extent cx=\"5615940\" cy=\"{high}\" /><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\" /><wp:wrapTopAndBottom />\
<wp:docPr id=\"9704\" name=\"版记\" /><wp:cNvGraphicFramePr />\
<a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\">\
<wps:wsp><wps:cNvSpPr txBox=\"1\" /><wps:spPr><a:xfrm><a:off x=\"0\" y=\"0\" /><a:ext cx=\"5615940\" cy=\"{high}\" /></a:xfrm>\
<a:prstGeom prst=\"rect\"><a:avLst /></a:prstGeom><a:noFill /><a:ln><a:noFill /></a:ln></wps:spPr>\
<wps:txbx><w:txbxContent><w:tbl><w:tblPr><w:tblW w:w=\"8844\" w:type=\"dxa\" /><w:jc w:val=\"left\" /><w:tblBorders>{borders}</w:tblBorders>\
<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\" /><w:left w:w=\"0\" w:type=\"dxa\" /><w:bottom w:w=\"0\" w:type=\"dxa\" /><w:right w:w=\"0\" w:type=\"dxa\" /></w:tblCellMar>\
<w:tblInd w:w=\"0\" w:type=\"dxa\" /><w:tblLayout w:type=\"fixed\" /></w:tblPr><w:tblGrid><w:gridCol w:w=\"8844\" w:type=\"dxa\" /></w:tblGrid>{rows}</w:tbl>\
<w:p><w:pPr><w:rPr /><w:pStyle w:val=\"RecordText\" /><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" w:lineRule=\"exact\" />{last}</w:pPr></w:p></w:txbxContent></wps:txbx>\
<wps:bodyPr rot=\"0\" vert=\"horz\" wrap=\"square\" lIns=\"0\" tIns=\"0\" rIns=\"0\" bIns=\"0\" anchor=\"b\" anchorCtr=\"0\"><a:noAutofit /></wps:bodyPr>\
</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
    )
}

/// The style `id` of `styles.xml`.
fn style<'a>(styles: &'a str, id: &str) -> &'a str {
    let start = styles
        .find(&format!("w:styleId=\"{id}\""))
        .unwrap_or_else(|| panic!("no style {id}"));
    &styles[start..start + styles[start..].find("</w:style>").unwrap()]
}

/// A report sent up (GB/T 9704): the 份号 at the top left; the red 标志
/// (小标宋, bold, as large as fits one line: 27.5 pt), its top 35 mm below the
/// text area's top (1 984 twips, less the 份号's line of 579); 发文字号 and
/// 签发人 on one line with tab stops, the number one character (320) in, the
/// names in 楷体 ending one character in from the right; the red rule 4 mm
/// under them as the paragraph's bottom border; the title two lines lower;
/// 主送 flush left; the signature centred over the date, which stands four
/// characters in, and room for a seal stamped by hand; the 附注 in brackets.
#[test]
fn a_reports_masthead_is_red_text_a_red_border_and_tab_stops() {
    let (_, docx, _) = built(&input("gongwen-report-2020.yaml"), &[]);
    let xml = part(&docx, "word/document.xml");
    assert_eq!(
        paragraph_with(&xml, "000012"),
        "<w:p w14:paraId=\"00000001\"><w:pPr><w:rPr /><w:pStyle w:val=\"GongwenMark\" /></w:pPr><w:r><w:rPr /><w:t xml:space=\"preserve\">000012</w:t></w:r></w:p>"
    );
    assert!(
        paragraph_with(&xml, "广东邮电职业技术学院学院工会文件").ends_with(
            "<w:pStyle w:val=\"Issuer\" /><w:spacing w:before=\"1405\" w:after=\"0\" w:line=\"550\" w:lineRule=\"exact\" /></w:pPr><w:r><w:rPr><w:sz w:val=\"55\" /><w:szCs w:val=\"55\" /></w:rPr><w:t xml:space=\"preserve\">广东邮电职业技术学院学院工会文件</w:t></w:r></w:p>"
        ),
        "{xml}"
    );
    assert!(
        paragraph_with(&xml, "粤邮院工〔2020〕15号").ends_with(
            "<w:pStyle w:val=\"DocNumber\" /><w:jc w:val=\"left\" /><w:ind w:left=\"0\" w:right=\"0\" w:firstLine=\"0\" /><w:spacing w:before=\"899\" w:after=\"0\" w:line=\"579\" w:lineRule=\"exact\" /><w:pBdr><w:bottom w:val=\"single\" w:space=\"9\" w:sz=\"8\" w:color=\"FF0000\" /></w:pBdr><w:tabs><w:tab w:val=\"left\" w:pos=\"320\" /><w:tab w:val=\"left\" w:pos=\"6284\" /><w:tab w:val=\"left\" w:pos=\"7564\" /></w:tabs></w:pPr><w:r><w:rPr /><w:tab /></w:r><w:r><w:rPr /><w:t xml:space=\"preserve\">粤邮院工〔2020〕15号</w:t></w:r><w:r><w:rPr /><w:tab /></w:r><w:r><w:rPr /><w:t xml:space=\"preserve\">签发人：</w:t></w:r><w:r><w:rPr><w:rStyle w:val=\"SignerName\" /></w:rPr><w:t xml:space=\"preserve\">李明华</w:t></w:r></w:p>"
        ),
        "{xml}"
    );
    // "签发人：李明华" (7 characters) ends one character in from the right.
    assert_eq!(6284 + 7 * 320 + 320, 8844);
    assert!(
        paragraph_with(&xml, "关于2020年工作总结")
            .contains("<w:pStyle w:val=\"DocTitle\" /><w:spacing w:before=\"640\" />"),
        "{xml}"
    );
    assert!(
        paragraph_with(&xml, "广东公司工会：").contains("<w:pStyle w:val=\"Addressee\" /></w:pPr>"),
        "{xml}"
    );
    // "学校工会办" (1 600 twips) centred over "2020年12月8日" (2 080), whose
    // right end is 1 280 in: 1 280 + (2 080 − 1 600) / 2 = 1 520.
    assert!(
        paragraph_with(&xml, "学校工会办</w:t>").contains(
            "<w:pStyle w:val=\"Closing\" /><w:ind w:left=\"0\" w:right=\"1520\" w:firstLine=\"0\" /><w:spacing w:before=\"579\" w:after=\"0\" w:line=\"579\" w:lineRule=\"exact\" /><w:snapToGrid w:val=\"false\" /><w:keepNext /><w:keepLines />"
        ),
        "{xml}"
    );
    assert!(
        paragraph_with(&xml, "2020年12月8日").contains(
            "<w:pStyle w:val=\"Closing\" /><w:ind w:left=\"0\" w:right=\"1280\" w:firstLine=\"0\" /><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"579\" w:lineRule=\"exact\" /><w:snapToGrid w:val=\"false\" /><w:keepLines /></w:pPr><w:r><w:rPr /><w:t"
        ),
        "{xml}"
    );
    // A seal stamped by hand: no picture.
    assert!(!xml.contains("<w:drawing>"));
    assert!(
        paragraph_with(&xml, "（联系人：王小红，电话：020-12345678）")
            .contains("<w:pStyle w:val=\"Body\" />"),
        "{xml}"
    );
    let styles = part(&docx, "word/styles.xml");
    let issuer = style(&styles, "Issuer");
    for want in [
        "w:eastAsia=\"宋体\"",
        "<w:color w:val=\"FF0000\" />",
        "<w:b />",
        "<w:jc w:val=\"center\" />",
        "<w:snapToGrid w:val=\"false\" />",
    ] {
        assert!(issuer.contains(want), "{want}: {issuer}");
    }
    assert!(style(&styles, "SignerName").contains("w:eastAsia=\"楷体\""));
    assert!(style(&styles, "DocNumber").contains("w:eastAsia=\"仿宋\""));
    assert!(style(&styles, "GongwenMark").contains("w:eastAsia=\"黑体\""));
    // With the customary 公文 fonts, the 标志 in 方正小标宋简体.
    let (_, docx, _) = built(
        &input("gongwen-report-2020.yaml"),
        &["--docx-fonts", "gb2312"],
    );
    let styles = part(&docx, "word/styles.xml");
    assert!(style(&styles, "Issuer").contains("w:eastAsia=\"方正小标宋简体\""));
}

/// A notice: the 发文字号 centred under the 标志 (no 签发人); the seal image
/// floating behind the date, centred a quarter line above the line between
/// signature and date (its 42 mm, 2 381 twips, centred 1 280 + 2 080 / 2
/// twips in from the right); the 版记 a table floating at the foot of the text area, its rules
/// 1, ¾ and 1 pt.
#[test]
fn a_notices_seal_floats_behind_the_date_and_its_record_sits_at_the_foot() {
    let (_, docx, _) = built(&input("notice-plan-2022.yaml"), &[]);
    let xml = part(&docx, "word/document.xml");
    assert!(
        paragraph_with(&xml, "某统〔2022〕3号").contains(
            "<w:pStyle w:val=\"DocNumber\" /><w:spacing w:before=\"899\" w:after=\"0\" w:line=\"579\" w:lineRule=\"exact\" /><w:pBdr><w:bottom w:val=\"single\" w:space=\"9\" w:sz=\"8\" w:color=\"FF0000\" /></w:pBdr></w:pPr>"
        ),
        "{xml}"
    );
    let date = paragraph_with(&xml, "2022年1月10日</w:t>");
    // x: 8 844 − 1 280 − 1 040 − 1 190 = 5 334 twips; y: −1 190 − 144 (a
    // quarter line higher) twips; in EMU.
    for want in [
        "behindDoc=\"1\"",
        "<wp:positionH relativeFrom=\"margin\"><wp:posOffset>3387090</wp:posOffset></wp:positionH>",
        "<wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>-847090</wp:posOffset></wp:positionV>",
        "<wp:extent cx=\"1511935\" cy=\"1511935\" />",
        "<wp:wrapNone />",
    ] {
        assert!(date.contains(want), "{want}: {date}");
    }
    // The SVG seal drawn as a PNG of 600 pixels, in the package.
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&docx)).unwrap();
    let media: Vec<String> = zip
        .file_names()
        .filter(|n| n.starts_with("word/media/") && !n.ends_with('/'))
        .map(String::from)
        .collect();
    assert_eq!(media.len(), 1, "{media:?}");
    let mut png = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_name(&media[0]).unwrap(), &mut png).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
    assert_eq!(&png[16..24], &[0, 0, 2, 88, 0, 0, 2, 88], "600 × 600");
    // The 版记 on the body's last page (the PDF's page 2, even, with room):
    // one section; its text box in the document's last paragraph.
    assert_eq!(xml.matches("<w:sectPr>").count(), 1);
    let rows = "<w:tr><w:trPr /><w:tc><w:tcPr><w:tcW w:w=\"8844\" w:type=\"dxa\" /></w:tcPr><w:p><w:pPr><w:rPr /><w:pStyle w:val=\"RecordText\" /><w:ind w:left=\"1120\" w:right=\"280\" w:hanging=\"840\" /></w:pPr><w:r><w:rPr /><w:t xml:space=\"preserve\">抄送：某某县人民政府办公室，某某市统计局。</w:t></w:r></w:p></w:tc></w:tr>\
<w:tr><w:trPr /><w:tc><w:tcPr><w:tcW w:w=\"8844\" w:type=\"dxa\" /></w:tcPr><w:p><w:pPr><w:rPr /><w:pStyle w:val=\"RecordText\" /><w:ind w:left=\"280\" w:right=\"280\" w:firstLine=\"0\" /><w:tabs><w:tab w:val=\"right\" w:pos=\"8564\" /></w:tabs></w:pPr><w:r><w:rPr /><w:t xml:space=\"preserve\">某某县统计局办公室</w:t></w:r><w:r><w:rPr /><w:tab /></w:r><w:r><w:rPr /><w:t xml:space=\"preserve\">2022年1月10日印发</w:t></w:r></w:p></w:tc></w:tr>";
    let rules = [
        "<w:top w:val=\"single\" w:sz=\"8\" w:space=\"0\" w:color=\"000000\" />",
        "<w:insideH w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\" />",
    ];
    assert_eq!(
        record_box(&xml),
        text_box(
            955,
            &rules,
            rows,
            "<w:pBdr><w:bottom w:val=\"single\" w:space=\"0\" w:sz=\"8\" w:color=\"000000\" /></w:pBdr>",
            false,
        ),
    );
    let styles = part(&docx, "word/styles.xml");
    assert!(
        style(&styles, "RecordText").contains("<w:sz w:val=\"28\" />"),
        "四号"
    );
}

/// 联合行文 under seals (GB/T 9704 7.3.5.1), as the PDF sets it where room is
/// short: the seals' top 5 pt below the text (1 190 + 144 − 160 + 100 − 259 =
/// 1 015 twips between the lines); both names on one line at centre tabs
/// 50 mm (2 835 twips) apart, the right one over the date's middle (8 844 −
/// 1 280 − 2 080 / 2 = 6 524); each seal (42 mm, 1 511 935 EMU) anchored to
/// that line behind the text, centred on its name and a quarter line above
/// the name's middle: x 3 689 − 1 190 and 6 524 − 1 190 twips, y 379 − 144 −
/// 1 190 twips; each drawing with its own id; both seals in the package.
#[test]
fn a_joint_documents_organs_sign_under_their_own_seals() {
    let (_, docx, _) = built(&input("joint-notice-2022.yaml"), &[]);
    let whole = part(&docx, "word/document.xml");
    // From the attachment note on (the 标志 names the organs too).
    let xml = &whole[whole.find("附件：").unwrap()..];
    let names = paragraph_with(xml, "某某县财政局</w:t>");
    for want in [
        "<w:pStyle w:val=\"Closing\" /><w:jc w:val=\"left\" /><w:ind w:left=\"0\" w:right=\"0\" w:firstLine=\"0\" /><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"579\" w:lineRule=\"exact\" /><w:snapToGrid w:val=\"false\" /><w:keepNext /><w:keepLines /><w:tabs><w:tab w:val=\"center\" w:pos=\"3689\" /><w:tab w:val=\"center\" w:pos=\"6524\" /></w:tabs></w:pPr>",
        "<wp:positionH relativeFrom=\"margin\"><wp:posOffset>1586865</wp:posOffset></wp:positionH><wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>-606425</wp:posOffset></wp:positionV><wp:extent cx=\"1511935\" cy=\"1511935\" /><wp:effectExtent b=\"0\" l=\"0\" r=\"0\" t=\"0\" /><wp:wrapNone /><wp:docPr id=\"1\" name=\"Seal 1\" />",
        "<wp:positionH relativeFrom=\"margin\"><wp:posOffset>3387090</wp:posOffset></wp:positionH><wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>-606425</wp:posOffset></wp:positionV><wp:extent cx=\"1511935\" cy=\"1511935\" /><wp:effectExtent b=\"0\" l=\"0\" r=\"0\" t=\"0\" /><wp:wrapNone /><wp:docPr id=\"2\" name=\"Seal 2\" />",
        "<w:r><w:rPr /><w:tab /></w:r><w:r><w:rPr /><w:t xml:space=\"preserve\">某某县统计局</w:t></w:r>",
        "<w:r><w:rPr /><w:tab /></w:r><w:r><w:rPr /><w:t xml:space=\"preserve\">某某县财政局</w:t></w:r></w:p>",
    ] {
        assert!(names.contains(want), "{want}: {names}");
    }
    assert_eq!(names.matches("behindDoc=\"1\"").count(), 2, "{names}");
    // Two blank lines above; the date on the next line, four characters in.
    let at = xml.find(names).unwrap();
    let gap = &xml[xml[..at].rfind("<w:p ").unwrap()..at];
    assert!(
        gap.contains("<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"1015\" w:lineRule=\"exact\" /><w:snapToGrid w:val=\"false\" /><w:keepNext />"),
        "{gap}"
    );
    let date = paragraph_with(&xml[at..], "2022年1月10日</w:t>");
    // Two seals (and the 版记's text box).
    assert_eq!(whole.matches("name=\"Seal ").count(), 2);
    assert!(
        date.contains("<w:ind w:left=\"0\" w:right=\"1280\" w:firstLine=\"0\" />"),
        "{date}"
    );
    assert!(!date.contains("<w:drawing>"), "{date}");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&docx)).unwrap();
    let media = zip
        .file_names()
        .filter(|n| n.starts_with("word/media/") && !n.ends_with('/'))
        .count();
    assert_eq!(media, 2);
    let _ = zip.by_name("word/document.xml").unwrap();
}

/// The 签发人's 签名章 (GB/T 9704 7.3.5.3), as the PDF sets it: the 签名章 two
/// lines high (1 158 twips, 735 330 EMU) with its right edge four characters
/// in (8 844 − 1 280 − 1 158 = 6 406 twips), anchored behind the post's line
/// and centred on it (289.5 − 579 twips); the post right-aligned two
/// characters to its left (1 280 + 1 158 + 640 = 3 078); two lines and half
/// the 签名章 less half a character above the post (1 158 + 579 − 160); one
/// blank line below the 签名章 (579 + 579 − 160), then the date four
/// characters in.
#[test]
fn a_signers_stamp_stands_beside_their_post() {
    let (_, docx, _) = built(&input("stamp-report-2021.yaml"), &[]);
    let xml = part(&docx, "word/document.xml");
    let post = paragraph_with(&xml, "某某镇人民政府镇长</w:t>");
    for want in [
        "<w:pStyle w:val=\"Closing\" /><w:ind w:left=\"0\" w:right=\"3078\" w:firstLine=\"0\" /><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"579\" w:lineRule=\"exact\" /><w:snapToGrid w:val=\"false\" /><w:keepNext /><w:keepLines /></w:pPr>",
        "behindDoc=\"1\"",
        "<wp:positionH relativeFrom=\"margin\"><wp:posOffset>4067810</wp:posOffset></wp:positionH><wp:positionV relativeFrom=\"paragraph\"><wp:posOffset>-184150</wp:posOffset></wp:positionV><wp:extent cx=\"735330\" cy=\"735330\" />",
    ] {
        assert!(post.contains(want), "{want}: {post}");
    }
    let at = xml.find(post).unwrap();
    let before = &xml[xml[..at].rfind("<w:p ").unwrap()..at];
    assert!(
        before.contains("<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"1577\" w:lineRule=\"exact\" /><w:snapToGrid w:val=\"false\" /><w:keepNext />"),
        "{before}"
    );
    let rest = &xml[at + post.len()..];
    let after = paragraph_with(rest, "<w:sz w:val=\"2\" />");
    assert!(
        after.contains("<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"998\" w:lineRule=\"exact\" /><w:snapToGrid w:val=\"false\" /><w:keepNext />"),
        "{after}"
    );
    let date = paragraph_with(rest, "2021年12月20日</w:t>");
    assert!(
        date.contains("<w:ind w:left=\"0\" w:right=\"1280\" w:firstLine=\"0\" />"),
        "{date}"
    );
}

/// A 函 in 信函格式: page one's own header holds the 标志 (48 pt, 170 mm wide
/// from 20 mm to 190 mm of the page: indents of −8 and −6 mm) with the red
/// double rule (thick over thin) under it, 30 mm below the page's top (the
/// header distance); page one's own footer holds the lower double rule (thin
/// over thick) at 20 mm above the foot (the footer distance) and no page
/// number; the 发文字号 flush right on the first line; the 版记 without rules.
#[test]
fn a_letter_has_its_letterhead_in_page_ones_header_and_footer() {
    let (_, docx, _) = built(&input("letter-2021.yaml"), &[]);
    let xml = part(&docx, "word/document.xml");
    assert!(
        xml.contains("<w:sectPr><w:headerReference w:type=\"first\" r:id=\"rIdHeader1\" /><w:footerReference w:type=\"default\" r:id=\"rIdFooter1\" /><w:footerReference w:type=\"first\" r:id=\"rIdFooter3\" /><w:footerReference w:type=\"even\" r:id=\"rIdFooter2\" /><w:pgSz w:w=\"11906\" w:h=\"16838\" /><w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1588\" w:header=\"1701\" w:footer=\"1134\" w:gutter=\"0\" /><w:cols w:space=\"425\" w:num=\"1\" /><w:titlePg /><w:docGrid w:type=\"lines\" w:linePitch=\"579\" /></w:sectPr>"),
        "{xml}"
    );
    let header = part(&docx, "word/header1.xml");
    assert!(
        header.contains("<w:pStyle w:val=\"Issuer\" /><w:ind w:left=\"-453\" w:right=\"-340\" w:firstLine=\"0\" /><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"960\" w:lineRule=\"exact\" /><w:pBdr><w:bottom w:val=\"thickThinSmallGap\" w:space=\"5\" w:sz=\"24\" w:color=\"FF0000\" /></w:pBdr></w:pPr><w:r><w:rPr><w:sz w:val=\"96\" /><w:szCs w:val=\"96\" /></w:rPr><w:t xml:space=\"preserve\">某某市教育工会</w:t>"),
        "{header}"
    );
    let footer = part(&docx, "word/footer3.xml");
    assert!(
        footer.contains("<w:ind w:left=\"-453\" w:right=\"-340\" w:firstLine=\"0\" /><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" w:lineRule=\"exact\" /><w:pBdr><w:top w:val=\"thickThinSmallGap\" w:space=\"0\" w:sz=\"24\" w:color=\"FF0000\" /></w:pBdr>"),
        "{footer}"
    );
    assert!(!footer.contains("PAGE"), "no page number on page one");
    assert_eq!(document_text(&footer).trim(), "");
    assert!(
        paragraph_with(&xml, "某教工函〔2021〕8号").contains("<w:pStyle w:val=\"GongwenMark\" /><w:spacing w:before=\"280\" w:after=\"0\" w:line=\"579\" w:lineRule=\"exact\" /><w:tabs><w:tab w:val=\"right\" w:pos=\"8844\" /></w:tabs></w:pPr><w:r><w:rPr /><w:tab /></w:r><w:r><w:rPr><w:rStyle w:val=\"DocNumberChars\" /></w:rPr><w:t xml:space=\"preserve\">某教工函〔2021〕8号</w:t>"),
        "{xml}"
    );
    // The 版记 (抄送 alone, no rules) at the foot of page 1, where the PDF
    // has it (a 函's goes on its last page): one section.
    assert_eq!(xml.matches("<w:sectPr>").count(), 1);
    let rows = "<w:tr><w:trPr /><w:tc><w:tcPr><w:tcW w:w=\"8844\" w:type=\"dxa\" /></w:tcPr><w:p><w:pPr><w:rPr /><w:pStyle w:val=\"RecordText\" /><w:ind w:left=\"1120\" w:right=\"280\" w:hanging=\"840\" /></w:pPr><w:r><w:rPr /><w:t xml:space=\"preserve\">抄送：某某市总工会办公室。</w:t></w:r></w:p></w:tc></w:tr>";
    assert_eq!(record_box(&xml), text_box(460, &[], rows, "", false));
    // Other pages' numbers stand 3 mm above the footer distance: 23 mm.
    let styles = part(&docx, "word/styles.xml");
    assert!(
        style(&styles, "PageNumber").contains(
            "<w:spacing w:before=\"0\" w:after=\"170\" w:line=\"240\" w:lineRule=\"auto\" />"
        ),
        "{styles}"
    );
}

/// The report with a 版记 whose 抄送 (70 organs) does not fit under its
/// eighth, even page: the PDF sets it on page 10 after a blank page 9, and
/// the DOCX puts it in a section that begins on an even page, whose footer
/// (a part of its own, in the package's relationships and content types)
/// is empty: neither page carries a number. Its text box is as high as the
/// rows can be (29 lines of 抄送 at most, the printing line, the rules).
/// The DOCX alone (no PDF asked for) lays the document out to learn it: the
/// same bytes.
#[test]
fn a_record_after_a_blank_page_has_a_section_of_its_own_without_a_page_number() {
    let dir = tempfile::tempdir().unwrap();
    let input = long_cc_report(dir.path());
    let out = build(&input, dir.path(), &["--format", "pdf,docx"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let docx = std::fs::read(dir.path().join("long-cc.docx")).unwrap();
    let xml = part(&docx, "word/document.xml");
    assert!(
        xml.ends_with(&record_section("rIdFooterRecord", "rIdFooterRecord")),
        "{}",
        &xml[xml.len() - 800..]
    );
    // The body's section: the page numbers' footers, in the paragraph of the
    // 附注 (the body's last).
    let note = paragraph_with(&xml, "（联系人：");
    assert!(
        note.contains("<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter1\" /><w:footerReference w:type=\"even\" r:id=\"rIdFooter2\" /><w:pgSz"),
        "{note}"
    );
    let rels = part(&docx, "word/_rels/document.xml.rels");
    assert!(
        rels.contains("<Relationship Id=\"rIdFooterRecord\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" Target=\"footer3.xml\" />"),
        "{rels}"
    );
    let types = part(&docx, "[Content_Types].xml");
    assert!(
        types.contains("<Override PartName=\"/word/footer3.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\" />"),
        "{types}"
    );
    let footer = part(&docx, "word/footer3.xml");
    assert!(!footer.contains("PAGE"), "{footer}");
    assert_eq!(document_text(&footer).trim(), "");
    let box_run = record_box(&xml);
    assert!(
        box_run.contains(
            "<wp:positionH relativeFrom=\"page\"><wp:posOffset>935990</wp:posOffset></wp:positionH>"
        ),
        "{box_run}"
    );
    let height = 29 * 440 + 440 + 20 + 15 + 20 + 20;
    assert!(
        box_run.contains(&format!(
            "<wp:extent cx=\"5615940\" cy=\"{}\" />",
            height * 635
        )),
        "{box_run}"
    );
    let alone = tempfile::tempdir().unwrap();
    let out = build(&input, alone.path(), &["--format", "docx"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(std::fs::read(alone.path().join("long-cc.docx")).unwrap() == docx);
}

/// The seed sent up as a 报告 (inputs/gongwen-report-2020.yaml) with a 版记
/// whose 抄送 names 70 organs: too long for what is left of its last page.
fn long_cc_report(dir: &Path) -> PathBuf {
    with_record(
        dir,
        "long-cc",
        &(1..=70)
            .map(|n| format!("第{n}基层工会委员会"))
            .collect::<Vec<_>>(),
    )
}

/// The report with a 版记: 抄送 these organs, printed by the union's office.
fn with_record(dir: &Path, stem: &str, organs: &[String]) -> PathBuf {
    let yaml = read(&input("gongwen-report-2020.yaml"));
    let yaml = yaml.replacen(
        "  seal: space\n",
        &format!(
            "  seal: space\n  cc: [{}]\n  printer: 学院工会办公室\n  printed: 2020-12-09\n",
            organs.join(", ")
        ),
        1,
    );
    assert!(yaml.contains("printer:"));
    let path = dir.join(format!("{stem}.yaml"));
    std::fs::write(&path, yaml).unwrap();
    path
}

/// A 联合行文's 标志: an empty line that brings it 35 mm below the text
/// area's top, then a borderless table, centred: the organs in the first
/// cell, spread over its width (`distribute`), "文件" in the second, both
/// centred on the row's middle; sized as large as 48 pt allows (here 6
/// characters, half a character and 2: 8 844 × 2 / 170 = 104 half-points,
/// more than 48 pt, so 48 pt).
#[test]
fn a_joint_documents_issuer_is_a_borderless_table_of_two_cells() {
    let (_, docx, _) = built(&input("joint-notice-2022.yaml"), &[]);
    let xml = part(&docx, "word/document.xml");
    let table = &xml[xml.find("<w:tbl>").unwrap()..xml.find("</w:tbl>").unwrap()];
    for want in [
        "<w:jc w:val=\"center\" />",
        "<w:tblGrid><w:gridCol w:w=\"5760\" w:type=\"dxa\" /><w:gridCol w:w=\"2400\" w:type=\"dxa\" /></w:tblGrid>",
        "<w:vAlign w:val=\"center\" />",
        "<w:pStyle w:val=\"Issuer\" /><w:jc w:val=\"distribute\" /><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"960\" w:lineRule=\"exact\" /></w:pPr><w:r><w:rPr><w:sz w:val=\"96\" /><w:szCs w:val=\"96\" /></w:rPr><w:t xml:space=\"preserve\">某某县统计局</w:t>",
        "<w:pStyle w:val=\"Issuer\" /><w:jc w:val=\"distribute\" /><w:spacing w:before=\"336\" w:after=\"0\" w:line=\"960\" w:lineRule=\"exact\" /></w:pPr><w:r><w:rPr><w:sz w:val=\"96\" /><w:szCs w:val=\"96\" /></w:rPr><w:t xml:space=\"preserve\">某某县财政局</w:t>",
        "<w:pStyle w:val=\"Issuer\" /><w:jc w:val=\"right\" /><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"960\" w:lineRule=\"exact\" /></w:pPr><w:r><w:rPr><w:sz w:val=\"96\" /><w:szCs w:val=\"96\" /></w:rPr><w:t xml:space=\"preserve\">文件</w:t>",
    ] {
        assert!(table.contains(want), "{want}: {table}");
    }
    assert!(!table.contains("w:val=\"single\""), "no borders: {table}");
    // The empty line before it: 35 mm (1 984 twips), no 份号 above.
    let before = &xml[..xml.find("<w:tbl>").unwrap()];
    assert!(
        before.ends_with("<w:pStyle w:val=\"Issuer\" /><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"1984\" w:lineRule=\"exact\" /></w:pPr></w:p>"),
        "{before}"
    );
}

/// LibreOffice, headless, with the fonts nianbao carries made visible to it
/// through a private fontconfig file: the DOCX as PDF, with the blank pages
/// it inserts before a section that begins on an even page (as it prints
/// them; its PDF export leaves them out unless told).
fn libreoffice_pdf(docx: &Path, dir: &Path) -> PathBuf {
    let conf = dir.join("fonts.conf");
    std::fs::write(
        &conf,
        format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n  <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\n  <dir>{}</dir>\n  <cachedir>{}</cachedir>\n</fontconfig>\n",
            repo().join("fonts").display(),
            dir.join("fc-cache").display()
        ),
    )
    .unwrap();
    let out = std::process::Command::new("soffice")
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf:writer_pdf_Export:{\"IsSkipEmptyPages\":{\"type\":\"boolean\",\"value\":\"false\"}}",
            "--outdir",
        ])
        .arg(dir)
        .arg(docx)
        .env("FONTCONFIG_FILE", &conf)
        .env("HOME", dir)
        .output()
        .expect("LibreOffice (soffice) runs: apt-get install libreoffice-writer-nogui");
    let pdf = dir.join(format!(
        "{}.pdf",
        docx.file_stem().unwrap().to_str().unwrap()
    ));
    assert!(
        pdf.exists(),
        "LibreOffice wrote no PDF: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    pdf
}

/// Pages of a PDF and the lines of text on each.
fn lines_per_page(pdf: &Path) -> Vec<usize> {
    pdf_pages(pdf)
        .iter()
        .filter(|page| !page.trim().is_empty())
        .map(|page| page.lines().filter(|l| !l.trim().is_empty()).count())
        .collect()
}

/// How many characters a line holds, a full-width character one (quotation
/// marks too, as a Chinese font sets them) and any other half; a closing
/// punctuation mark beyond the 28th, which Word, WPS and LibreOffice let hang
/// past the line's end, is not counted.
fn characters(line: &str) -> f64 {
    let line: String = line.chars().filter(|c| *c != ' ').collect();
    let count = |s: &str| -> f64 {
        s.chars()
            .map(|c| {
                if unicode_width::UnicodeWidthChar::width_cjk(c) == Some(2) {
                    1.0
                } else {
                    0.5
                }
            })
            .sum()
    };
    let all = count(&line);
    match line.chars().last() {
        Some(c) if all > 28.0 && "，。；、：！？”’）".contains(c) => all - 1.0,
        _ => all,
    }
}

/// The median distance, in millimetres, from one Chinese character's ink to
/// the next one's on a line (both of them ideographs) in a PDF.
fn character_pitch(pdf: &Path) -> f64 {
    let ideograph = |t: &str| t.chars().all(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
    let mut gaps: Vec<i64> = Vec::new();
    for page in crate::pdf_reader::pdf_ink(pdf) {
        let mut glyphs: Vec<_> = page.glyphs.iter().filter(|g| ideograph(&g.text)).collect();
        let middle = |g: &crate::pdf_reader::InkGlyph| (g.top + g.bottom) / 2.0;
        glyphs.sort_by(|a, b| middle(a).total_cmp(&middle(b)));
        // Lines: glyphs whose middles are within 3 mm of the line's first.
        let mut lines: Vec<Vec<&crate::pdf_reader::InkGlyph>> = Vec::new();
        for g in glyphs {
            match lines.last_mut() {
                Some(line) if middle(g) - middle(line[0]) < 3.0 => line.push(g),
                _ => lines.push(vec![g]),
            }
        }
        for mut line in lines {
            // Body text only: a 16 pt character's ink is at most about 5.5 mm
            // high, a 22 pt title's or the 标志's more.
            let tallest = line.iter().map(|g| g.bottom - g.top).fold(0.0, f64::max);
            if tallest > 6.2 {
                continue;
            }
            line.sort_by(|a, b| a.left.total_cmp(&b.left));
            for pair in line.windows(2) {
                // In hundredths of a millimetre.
                gaps.push(((pair[1].left - pair[0].left) * 100.0).round() as i64);
            }
        }
    }
    gaps.sort();
    assert!(!gaps.is_empty(), "Chinese text");
    gaps[gaps.len() / 2] as f64 / 100.0
}

/// An example built as PDF and DOCX (in the free fonts LibreOffice is given)
/// into `dir`: LibreOffice's PDF of the DOCX and nianbao's own.
fn both_pdfs(name: &str, dir: &Path) -> (PathBuf, PathBuf) {
    both_pdfs_of(&input(name), dir)
}

/// An input built as PDF and DOCX into `dir`: LibreOffice's PDF of the DOCX
/// and nianbao's own.
fn both_pdfs_of(input: &Path, dir: &Path) -> (PathBuf, PathBuf) {
    let out = build(
        input,
        dir,
        &["--format", "pdf,docx", "--docx-fonts", "free"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let stem = input.file_stem().unwrap().to_str().unwrap();
    // LibreOffice's PDF beside nianbao's, under another name.
    let copy = dir.join(format!("{stem}-lo.docx"));
    std::fs::copy(dir.join(format!("{stem}.docx")), &copy).unwrap();
    (libreoffice_pdf(&copy, dir), dir.join(format!("{stem}.pdf")))
}

/// LibreOffice's layout of the DOCX against nianbao's PDF: as many pages ±1;
/// no line longer than 28 characters, and Chinese characters set at a pitch
/// of which 28 fit the text width and 29 do not; on a full body page 22 lines
/// of text and the page number.
/// Measured with LibreOffice 7.4 (before the grid of lines with runs 0.25 pt
/// closer: 18 characters a line, 11 pages where the PDF has 7).
#[test]
#[ignore = "needs LibreOffice (apt-get install libreoffice-writer-nogui)"]
fn libreoffice_lays_out_28_characters_22_lines_and_as_many_pages_as_the_pdf() {
    // The example, its full body page (0-based) if it has one.
    for (name, full_page) in [
        ("2020.yaml", Some(2)),
        ("gongwen-report-2020.yaml", Some(2)),
        ("notice-plan-2022.yaml", None),
        ("letter-2021.yaml", None),
        ("2022-H1.yaml", None),
        ("township-2021.yaml", None),
        ("stats-plan-2022.yaml", None),
        ("subdistrict-2022-H1.yaml", None),
        ("2021", None),
        // English: the page count only (no character grid).
        ("branch-2023-en.yaml", None),
        ("club-2023-en.yaml", None),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let (pdf, ours) = both_pdfs(name, dir.path());
        let pages = pdf_pages(&pdf);
        let ours = lines_per_page(&ours);
        assert!(
            pages.len().abs_diff(ours.len()) <= 1,
            "{name}: LibreOffice {} pages, nianbao's PDF {}",
            pages.len(),
            ours.len()
        );
        if name.contains("-en") {
            continue;
        }
        for (n, page) in pages.iter().enumerate() {
            let widths: Vec<f64> = page.lines().map(characters).collect();
            let longest = widths.iter().cloned().fold(0.0, f64::max);
            assert!(longest <= 28.0, "{name} page {}: {longest}\n{page}", n + 1);
        }
        // The pitch of Chinese characters side by side: 28 a line (156 mm /
        // 28 = 5.57 mm; 27 would be 5.78, 29 5.38), within the ink's noise.
        let pitch = character_pitch(&pdf);
        assert!(
            (pitch - 156.0 / 28.0).abs() < 0.1,
            "{name}: characters {pitch:.3} mm apart"
        );
        if let Some(full) = full_page {
            let lines = pages[full].lines().filter(|l| !l.trim().is_empty()).count();
            assert_eq!(
                lines, 23,
                "{name}: 22 lines and the page number\n{}",
                pages[full]
            );
        }
    }
}

/// LibreOffice's layout of the 公文's DOCX against GB/T 9704 and nianbao's
/// PDF: the 标志 red, its top 35 mm below the text area's top (a 函's 30 mm
/// below the page's top), within a millimetre; the 发文字号 within a
/// millimetre of the PDF's (a 函's lower: LibreOffice starts the text under
/// page one's header, not at the header's foot).
#[test]
#[ignore = "needs LibreOffice (apt-get install libreoffice-writer-nogui)"]
fn libreoffice_sets_the_masthead_where_the_pdf_has_it() {
    // The example, where the 标志's top should be (mm from the page's top),
    // and whether the 发文字号 stands as in the PDF.
    for (name, issuer_top, number_as_pdf) in [
        ("gongwen-report-2020.yaml", 37.0 + 35.0, true),
        ("notice-plan-2022.yaml", 37.0 + 35.0, true),
        ("letter-2021.yaml", 30.0, false),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let (lo, ours) = both_pdfs(name, dir.path());
        let (lo, ours) = (
            crate::pdf_reader::pdf_ink(&lo),
            crate::pdf_reader::pdf_ink(&ours),
        );
        let red_top = |page: &crate::pdf_reader::Ink| {
            page.glyphs
                .iter()
                .filter(|g| g.rgb == [255, 0, 0])
                .map(|g| g.top)
                .fold(f64::INFINITY, f64::min)
        };
        let top = red_top(&lo[0]);
        assert!(
            (top - issuer_top).abs() <= 1.0,
            "{name}: the 标志 at {top:.2} mm"
        );
        let number_top = |page: &crate::pdf_reader::Ink| {
            page.glyphs
                .iter()
                .find(|g| g.text == "号")
                .map(|g| g.top)
                .unwrap()
        };
        let (lo_number, pdf_number) = (number_top(&lo[0]), number_top(&ours[0]));
        if number_as_pdf {
            assert!(
                (lo_number - pdf_number).abs() <= 1.0,
                "{name}: 发文字号 at {lo_number:.2} mm, the PDF's at {pdf_number:.2}"
            );
        } else {
            assert!(lo_number > top, "{name}");
        }
    }
}

/// LibreOffice's layout of a 公文's 版记 (GB/T 9704 7.4, 7.5) against the
/// PDF's: on the last page, an even one (a blank page before it when the
/// body's last even page has no room, neither of them numbered); its last
/// rule on the text area's bottom edge, 262 mm from the page's top, within
/// a millimetre (a 函's 抄送, without rules, within a millimetre of the
/// PDF's), its left edge the PDF's; 抄送 on that page; as
/// many pages as nianbao's PDF, numbered alike.
/// Measured with LibreOffice 7.4 (before the text box: the 函's 抄送 under its
/// text on page 1, one page where the PDF has two).
#[test]
#[ignore = "needs LibreOffice (apt-get install libreoffice-writer-nogui)"]
fn libreoffice_sets_the_record_at_the_foot_of_an_even_last_page() {
    let dir = tempfile::tempdir().unwrap();
    let organs = [
        "广东省总工会办公室".to_string(),
        "学院党委办公室".to_string(),
    ];
    let notice = "抄送：某某县人民政府办公室，某某市统计局。";
    // The input, the start of its 抄送, whether rules frame it, whether a
    // blank page comes before it.
    for (input, cc, rules, blank) in [
        (input("notice-plan-2022.yaml"), notice, true, false),
        (input("joint-notice-2022.yaml"), notice, true, false),
        (
            input("letter-2021.yaml"),
            "抄送：某某市总工会办公室。",
            false,
            false,
        ),
        (
            with_record(dir.path(), "short-cc", &organs),
            "抄送：广东省总工会办公室，学院党委办公室。",
            true,
            false,
        ),
        (
            long_cc_report(dir.path()),
            "抄送：第1基层工会委员会，",
            true,
            true,
        ),
    ] {
        let out = tempfile::tempdir().unwrap();
        let (lo_pdf, ours_pdf) = both_pdfs_of(&input, out.path());
        let name = input.file_name().unwrap().to_string_lossy().to_string();
        let (lo, ours) = (
            crate::pdf_reader::pdf_ink(&lo_pdf),
            crate::pdf_reader::pdf_ink(&ours_pdf),
        );
        assert_eq!(
            lo.len(),
            ours.len(),
            "{name}: LibreOffice's pages, the PDF's"
        );
        // A 函's 抄送 on its last page, any page (the PDF's rule).
        assert!(
            !rules || lo.len() % 2 == 0,
            "{name}: the 版记 on an even page"
        );
        let last = lo.last().unwrap();
        let text = pdf_pages(&lo_pdf).last().unwrap().replace([' ', '\n'], "");
        assert!(text.contains(cc), "{name}: {text}");
        // Where the 版记 ends: its last rule, on the text area's bottom
        // edge; without rules, its text's foot, where the PDF has it.
        let cc_foot = |page: &crate::pdf_reader::Ink| {
            page.glyphs
                .iter()
                .filter(|g| cc.starts_with(g.text.as_str()) && g.top < 262.0)
                .map(|g| g.bottom)
                .fold(f64::NEG_INFINITY, f64::max)
        };
        let last_rule = |page: &crate::pdf_reader::Ink| {
            page.fills
                .iter()
                .chain(&page.strokes)
                .filter(|f| {
                    f.rgb == [0, 0, 0] && f.right - f.left > 150.0 && f.bottom - f.top < 1.0
                })
                .max_by(|a, b| a.bottom.total_cmp(&b.bottom))
                .cloned()
                .unwrap_or_else(|| panic!("{name}: no rule"))
        };
        let (foot, want) = if rules {
            // Where the PDF's begins, on an even page: 26 mm from the left.
            let (rule, pdf_rule) = (last_rule(last), last_rule(ours.last().unwrap()));
            assert!(
                (rule.left - pdf_rule.left).abs() <= 0.5,
                "{name}: the rule from {:.2} mm, the PDF's from {:.2}",
                rule.left,
                pdf_rule.left
            );
            (rule.bottom, 262.0)
        } else {
            (cc_foot(last), cc_foot(ours.last().unwrap()))
        };
        eprintln!(
            "{name}: the 版记 ends {foot:.2} mm below page {}'s top (the PDF's: {want:.2})",
            lo.len()
        );
        assert!((foot - want).abs() <= 1.0, "{name}: {foot}");
        let numbered = |page: &crate::pdf_reader::Ink| {
            page.glyphs.iter().any(|g| g.text == "—" && g.top > 262.0)
        };
        for (n, (l, o)) in lo.iter().zip(&ours).enumerate() {
            assert_eq!(numbered(l), numbered(o), "{name}: page {}'s number", n + 1);
        }
        if blank {
            let before = &lo[lo.len() - 2];
            assert!(
                before.glyphs.is_empty() && before.fills.is_empty() && before.strokes.is_empty(),
                "{name}: a blank page before the 版记"
            );
            assert!(!numbered(last));
        }
    }
}

/// LibreOffice sets the signatures with their seals (联合行文) and the
/// 签名章 where the PDF has them: the space between the text above and the
/// names (or the post), and between them and the date, each within 1.5 mm
/// of the PDF's (where the PDF tightened the space above the seals to keep
/// them on the page, the DOCX keeps the two blank lines).
#[test]
#[ignore = "needs LibreOffice (apt-get install libreoffice-writer-nogui)"]
fn libreoffice_sets_the_signatures_where_the_pdf_has_them() {
    use crate::gongwen::{below, bottom, line_of, page_showing, text_above, top};
    for (name, date, signer) in [
        ("joint-notice-2022.yaml", "2022年1月10日", "某某县财政局"),
        (
            "stamp-report-2021.yaml",
            "2021年12月20日",
            "某某镇人民政府镇长",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let (office, ours) = both_pdfs(name, dir.path());
        let spaces = |pdf: &Path| {
            let pages = crate::pdf_reader::pdf_ink(pdf);
            let (_, page) = page_showing(&pages, date);
            let date_line = line_of(&page, date);
            let closing = below(&page, top(&date_line) - 40.0);
            let signer_line = line_of(&closing, signer);
            let above = text_above(&page, top(&signer_line) - 3.0);
            (
                top(&signer_line) - above,
                top(&date_line) - bottom(&signer_line),
            )
        };
        let (theirs, mine) = (spaces(&office), spaces(&ours));
        eprintln!("{name}: LibreOffice {theirs:.1?} mm, PDF {mine:.1?} mm");
        // Above seals the DOCX always takes the least space the PDF takes
        // when room is short (it cannot know where its page ends): up to
        // 2.5 mm less than the PDF where there is room.
        let tightened = if name.starts_with("joint") { 2.6 } else { 0.0 };
        let more = theirs.0 - mine.0;
        assert!(
            (-1.5 - tightened..=1.5).contains(&more),
            "{name}: {theirs:?} {mine:?}"
        );
        assert!(
            (theirs.1 - mine.1).abs() <= 1.5,
            "{name}: {theirs:?} {mine:?}"
        );
    }
}
