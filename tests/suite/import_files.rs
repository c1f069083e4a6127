//! Import of the files people have: Word .docx (written here as raw XML,
//! zipped), a .doc made from one by LibreOffice, nianbao's own DOCX and PDF of
//! every example, and files that cannot be read.

use crate::common::*;

use std::io::Write as _;
use std::path::{Path, PathBuf};

const NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing""#;

/// The body of a Word file as an office writes one: a title in two lines (a
/// soft break) in 小标宋, an opening indented by full-width spaces with runs
/// split inside words (spell-check marks, a bookmark, a rendered page break),
/// a tracked insertion and deletion and a comment; parts 一、 numbered by Word
/// in 黑体; sections （一） numbered by Word with the Heading 2 style (one in
/// 楷体), restarting in the second part through a second `w:num`; a table, a
/// text box (with its VML fallback), a picture; the signature and the date in
/// one paragraph; a footer with a PAGE field.
const BODY: &[&str] = &[
    r#"<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="方正小标宋简体"/></w:rPr><w:t>某某街道总工会</w:t></w:r><w:r><w:br/><w:t>2021年工作总结</w:t></w:r></w:p>"#,
    r#"<w:p><w:r><w:t xml:space="preserve">　　2021年，街道总工会在街道党工委的领导下，</w:t></w:r><w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="a"/><w:r><w:t>围</w:t></w:r><w:r><w:lastRenderedPageBreak/><w:t>绕中心</w:t></w:r><w:bookmarkEnd w:id="0"/><w:proofErr w:type="spellEnd"/><w:r><w:t>服务大局，</w:t></w:r><w:ins w:id="1" w:author="x"><w:r><w:t>扎实</w:t></w:r></w:ins><w:del w:id="2" w:author="x"><w:r><w:delText>认真</w:delText></w:r></w:del><w:r><w:t>推进各项工作。</w:t></w:r><w:r><w:commentReference w:id="0"/></w:r></w:p>"#,
    r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr><w:t>工作开展情况</w:t></w:r></w:p>"#,
    r#"<w:p><w:pPr><w:pStyle w:val="Heading2"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>组织建设</w:t></w:r></w:p>"#,
    r#"<w:p><w:r><w:t xml:space="preserve">　　新建基层工会8个，发展会员320人。</w:t></w:r></w:p>"#,
    r#"<w:p><w:pPr><w:pStyle w:val="Heading2"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="楷体"/></w:rPr><w:t>职工</w:t></w:r><w:r><w:rPr><w:rFonts w:eastAsia="楷体"/></w:rPr><w:t>服务</w:t></w:r></w:p>"#,
    r#"<w:p><w:r><w:t xml:space="preserve">　　走访慰问困难职工45户。</w:t></w:r></w:p>"#,
    r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>数量</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>会员</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>320人</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#,
    r#"<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>全年开展文体活动12场。</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>全年开展文体活动12场。</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"#,
    r#"<w:p><w:r><w:drawing><wp:inline><a:graphic><a:graphicData><a:blip r:embed="rId9"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#,
    r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr><w:t>下一步工作打算</w:t></w:r></w:p>"#,
    r#"<w:p><w:pPr><w:pStyle w:val="Heading2"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>加强培训</w:t></w:r></w:p>"#,
    r#"<w:p><w:r><w:t xml:space="preserve">　　举办工会干部培训班2期。</w:t></w:r></w:p>"#,
    r#"<w:p><w:pPr><w:pStyle w:val="Heading2"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>深化</w:t></w:r><w:r><w:t>服务</w:t></w:r></w:p>"#,
    r#"<w:p><w:r><w:t xml:space="preserve">　　开展“送温暖”活动。</w:t></w:r></w:p>"#,
    r#"<w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t>某某街道总工会</w:t></w:r><w:r><w:br/></w:r><w:r><w:t>2021年12月20日</w:t></w:r></w:p>"#,
    r#"<w:sectPr><w:footerReference w:type="default" r:id="rId5"/></w:sectPr>"#,
];

const NUMBERING: &str = r#"<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl></w:abstractNum><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%1）"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>"#;

const STYLES: &str = r#"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:eastAsia="仿宋_GB2312"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>"#;

const FOOTER: &str = r#"<w:p><w:r><w:t xml:space="preserve">— </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p>"#;

/// Zips the parts of a .docx: `document` the body's XML, with numbering,
/// styles, a footer and a comment.
fn write_docx(path: &Path, body: &str) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let parts = [
        ("[Content_Types].xml", r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>"#.to_string()),
        ("_rels/.rels", r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.to_string()),
        ("word/_rels/document.xml.rels", r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/><Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>"#.to_string()),
        ("word/document.xml", format!(r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {NS}><w:body>{body}</w:body></w:document>"#)),
        ("word/numbering.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:numbering {NS}>{NUMBERING}</w:numbering>"#)),
        ("word/styles.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:styles {NS}>{STYLES}</w:styles>"#)),
        ("word/footer1.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:ftr {NS}>{FOOTER}</w:ftr>"#)),
        ("word/comments.xml", format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:comments {NS}><w:comment w:id="0"><w:p><w:r><w:t>批注：请核实</w:t></w:r></w:p></w:comment></w:comments>"#)),
    ];
    for (name, text) in parts {
        zip.start_file(name, options).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
}

/// The YAML the Word file above imports into: the numbering Word printed, the
/// restart, the table, the text box once, nothing of the footer, the comment,
/// the deleted text or the picture.
const WORD_YAML: &str = "\
# 由 `nianbao import` 导入。数字是从正文中找出的，名称可随意修改。

meta:
  organisation: 某某街道总工会
  year: 2021
  date: \"2021-12-20\"
  signature: 某某街道总工会
  title: 某某街道总工会2021年工作总结

opening: 2021年，街道总工会在街道党工委的领导下，围绕中心服务大局，扎实推进各项工作。

counts:
  unions: {value: 8, unit: 个, label: 新建基层工会}
  members: {value: 320, unit: 人, label: 发展会员}
  hardship: {value: 45, unit: 户, label: 走访慰问困难职工}
  people: {value: 320, unit: 人}
  activities: {value: 12, unit: 场, label: 全年开展文体活动}
  trainings: {value: 2, unit: 期, label: 举办工会干部培训班}

parts:
  - heading: 工作开展情况
    sections:
      - title: 组织建设
        body:
          - paragraph: 新建基层工会{unions}，发展会员{members}。
      - title: 职工服务
        body:
          - paragraph: 走访慰问困难职工{hardship}。
          - table:
              header:
                - 项目
                - 数量
              rows:
                - - 会员
                  - \"{people}\"
          - paragraph: 全年开展文体活动{activities}。
  - role: plans
    heading: 下一步工作打算
    sections:
      - title: 加强培训
        body:
          - paragraph: 举办工会干部培训班{trainings}。
      - title: 深化服务
        body:
          - paragraph: 开展“送温暖”活动。
";

fn word_file(dir: &tempfile::TempDir) -> PathBuf {
    let path = dir.path().join("2021年工作总结.docx");
    write_docx(&path, &BODY.concat());
    path
}

#[test]
fn a_word_file_imports_with_the_numbers_word_prints() {
    let dir = tempfile::tempdir().unwrap();
    let file = word_file(&dir);
    let yaml = dir.path().join("2021.yaml");
    let out = nianbao(&[
        "import",
        file.to_str().unwrap(),
        "-o",
        yaml.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(read(&yaml), WORD_YAML);
    assert_eq!(
        stderr(&out),
        format!(
            "已写出 {}（读取方式：Word 文档（.docx）；未导入的图片 1 张，分别在这些段落之后：“全年开展文体活动12场。”）\n",
            yaml.display()
        )
    );
    let out = nianbao(&["check", yaml.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // What was found, and the picture left out, without writing.
    let out = nianbao(&[
        "import",
        file.to_str().unwrap(),
        "--dry-run",
        "--lang",
        "en",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "title: 某某街道总工会2021年工作总结 (as written)\n\
         organisation: 某某街道总工会; year: 2021; language: Chinese\n\
         signature: 某某街道总工会; date: 2021-12-20\n\
         opening: 1 paragraph\n\
         parts: 2\n\
         \x20 1. work: 工作开展情况 — 2 sections\n\
         \x20 2. plans: 下一步工作打算 — 2 sections\n\
         counts: 6\n\
         \x20 unions 8个\n\
         \x20 members 320人\n\
         \x20 hardship 45户\n\
         \x20 people 320人\n\
         \x20 activities 12场\n\
         \x20 trainings 2期\n\
         1 images left out, after these paragraphs: “全年开展文体活动12场。”\n"
    );
}

/// The .doc LibreOffice makes of the Word file imports into the same input.
#[test]
#[ignore = "needs LibreOffice"]
fn a_doc_made_by_libreoffice_imports_through_libreoffice() {
    let dir = tempfile::tempdir().unwrap();
    let file = word_file(&dir);
    let made = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}/profile",
            dir.path().display()
        ))
        .args(["--headless", "--convert-to", "doc", "--outdir"])
        .arg(dir.path())
        .arg(&file)
        .output()
        .expect("soffice runs");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let doc = file.with_extension("doc");
    let yaml = dir.path().join("from-doc.yaml");
    let out = nianbao(&[
        "import",
        doc.to_str().unwrap(),
        "-o",
        yaml.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let got = read(&yaml);
    let out = nianbao(&["check", yaml.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}\n{got}", stderr(&out));
    assert_eq!(got, WORD_YAML);
    // Nothing is left beside the file (no lock file, no .docx).
    let mut left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(
        left,
        [
            "2021年工作总结.doc",
            "2021年工作总结.docx",
            "from-doc.yaml",
            "profile"
        ]
    );
}

/// The text of Markdown nianbao built, without markup, tables' rules and
/// whitespace: what a round trip must give back.
fn text_of(markdown: &str) -> String {
    squeeze(&markdown_text(markdown))
        .replace("|---", "")
        .replace('|', "")
}

/// nianbao's own DOCX and PDF of every example in `inputs/`, the English
/// ones too ("1.1" and "(a)" headings, a signature without a date), import
/// into an input that checks and rebuilds the same text.
#[test]
fn nianbaos_own_docx_and_pdf_of_every_example_read_back_to_the_same_text() {
    let mut examples: Vec<PathBuf> = std::fs::read_dir(repo().join("inputs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    examples.extend(
        std::fs::read_dir(repo().join("inputs/federation"))
            .unwrap()
            .map(|e| e.unwrap().path()),
    );
    examples.retain(|p| !p.ends_with("federation"));
    // Inputs and input folders only (a seal image stands beside its input);
    // and not the 公文 examples: import reads no 版头, 主送 or 版记 back (the
    // text of their masthead would come back as paragraphs).
    examples.retain(|p| p.is_dir() || p.extension().is_some_and(|e| e == "yaml"));
    examples.retain(|p| {
        let text = std::fs::read_to_string(p).unwrap_or_default();
        !text.lines().any(|l| l == "document:")
    });
    examples.sort();
    let mut failures = Vec::new();
    for example in &examples {
        let dir = tempfile::tempdir().unwrap();
        let out = build(example, dir.path(), &["--format", "md,docx,pdf"]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let name = example.file_stem().unwrap().to_str().unwrap();
        let md = read(&dir.path().join(format!("{name}.md")));
        let mut want = text_of(&md);
        if name == "2021" {
            // The comparison nianbao makes (附表) comes back as an
            // attachment: noted before the signature, labelled 附件.
            want = want
                .replacen("学校工会办", "附件：2021年主要数据与上年对比学校工会办", 1)
                .replacen("附表", "附件", 1);
        }
        for format in ["docx", "pdf"] {
            let file = dir.path().join(format!("{name}.{format}"));
            let yaml = dir.path().join(format!("{format}.yaml"));
            let out = nianbao(&[
                "import",
                file.to_str().unwrap(),
                "-o",
                yaml.to_str().unwrap(),
            ]);
            assert_eq!(code(&out), 0, "{}", stderr(&out));
            let out = nianbao(&["check", yaml.to_str().unwrap()]);
            assert_eq!(code(&out), 0, "{name}.{format}: {}", stderr(&out));
            let again = dir.path().join(format!("again-{format}"));
            let out = build(&yaml, &again, &["--format", "md"]);
            assert_eq!(code(&out), 0, "{}", stderr(&out));
            let mut got = text_of(&read(&again.join(format!("{format}.md"))));
            let mut want = want.clone();
            if name == "2021" && format == "pdf" {
                // The comparison is a chart in the PDF: its labels are
                // read, not its table.
                let chart = "附件2021年主要数据与上年对比";
                for text in [&mut got, &mut want] {
                    if let Some(at) = text.find(chart) {
                        text.truncate(at + chart.len());
                    }
                }
            }
            if got != want {
                failures.push(format!(
                    "{name}.{format}: {}",
                    first_difference(&got, &want)
                ));
            }
        }
    }
    assert!(examples.len() >= 13, "{examples:?}");
    assert!(
        examples.iter().any(|p| p.ends_with("club-2023-en.yaml"))
            && examples.iter().any(|p| p.ends_with("branch-2023-en.yaml"))
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Imports `file`; the exit code and the whole of stderr. Nothing is written.
fn refused(file: &Path) -> (i32, String) {
    let yaml = file.with_extension("yaml");
    let out = nianbao(&[
        "import",
        file.to_str().unwrap(),
        "-o",
        yaml.to_str().unwrap(),
    ]);
    assert!(!yaml.exists(), "nothing is written");
    (code(&out), stderr(&out))
}

#[test]
fn files_that_cannot_be_read_are_refused_with_one_message() {
    let dir = tempfile::tempdir().unwrap();
    let at = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    };
    // A .docx that is no zip (a download cut short).
    let file = at("cut.docx", b"PK\x03\x04 cut short");
    assert_eq!(
        refused(&file),
        (
            2,
            format!(
                "错误：`{}` 不是完好的 .docx 文件，无法读取（zip: invalid Zip archive: Could not find EOCD）；请在 WPS 或 Word 中打开它，“另存为” .docx 后再导入；什么也没有写\n",
                file.display()
            )
        )
    );
    // A .docx with a password: an OLE file holding the encrypted package.
    let mut ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1".to_vec();
    ole.extend(vec![0u8; 504]);
    ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    let file = at("locked.docx", &ole);
    assert_eq!(
        refused(&file),
        (
            2,
            format!(
                "错误：`{}` 设有打开密码（已加密），nianbao 不能读；请在 WPS 或 Word 中去掉密码（文件 → 文档加密 / 保护文档）后另存为 .docx 再导入；什么也没有写\n",
                file.display()
            )
        )
    );
    // A zip bomb: a document.xml that unpacks past 64 MB.
    let file = dir.path().join("bomb.docx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&file).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", options).unwrap();
    let block = vec![b' '; 1 << 20];
    for _ in 0..65 {
        zip.write_all(&block).unwrap();
    }
    zip.finish().unwrap();
    assert_eq!(
        refused(&file),
        (
            2,
            format!(
                "错误：`{}` 解压后超过 64 MB 的文字，不像一份年度文件（可能是“压缩炸弹”），未读取；什么也没有写\n",
                file.display()
            )
        )
    );
    // A PDF without text (a scanned page is an image): in English on request.
    let file = at("scan.pdf", &pdf_without_text());
    let out = nianbao(&[
        "import",
        file.to_str().unwrap(),
        "--dry-run",
        "--lang",
        "en",
    ]);
    assert_eq!(code(&out), 2);
    assert_eq!(
        stderr(&out),
        format!(
            "error: `{}` (1 pages) holds no text to extract: it is most likely scanned or made of images; recognise its text with an OCR program first (WPS \"image to text\", Adobe Acrobat \"Recognize Text\") and import the .docx or text it makes; nothing was written\n",
            file.display()
        )
    );
    // A file over the limit.
    let file = dir.path().join("huge.pdf");
    std::fs::File::create(&file)
        .unwrap()
        .set_len(50_000_001)
        .unwrap();
    assert_eq!(
        refused(&file),
        (
            2,
            format!(
                "错误：`{}` 超过 50 MB，比任何一份年度文件都大，nianbao 不导入；什么也没有写\n",
                file.display()
            )
        )
    );
    // Binary that is nothing import reads.
    let file = at("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\xff\xfe\x80");
    assert_eq!(
        refused(&file),
        (
            2,
            format!(
                "错误：`{}` 既不是文本（UTF-8、GB18030/GBK），也不是 nianbao 能读的文件（.docx、.pdf，装有 LibreOffice 时还有 .doc、.wps、.odt、.rtf）；什么也没有写\n",
                file.display()
            )
        )
    );
    // --soffice naming no program.
    let file = at("old.doc", &ole[..512]);
    let out = nianbao(&[
        "import",
        file.to_str().unwrap(),
        "--dry-run",
        "--soffice",
        "/no/soffice",
    ]);
    assert_eq!(code(&out), 2);
    assert_eq!(
        stderr(&out),
        "错误：--soffice 指明的 `/no/soffice` 不是可以运行的程序；什么也没有写\n"
    );
}

/// A one-page PDF that draws nothing (as a scan's page is, but for its image).
fn pdf_without_text() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        "<< /Length 0 >>\nstream\n\nendstream",
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        pdf.extend(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}
