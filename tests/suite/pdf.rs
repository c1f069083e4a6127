//! The PDF: its text, fonts, page size, metadata, determinism and safety, read back
//! in-process (tests/suite/pdf_reader.rs).

use crate::common::*;

use std::path::PathBuf;

/// The seed's PDF and Markdown, built once for every test of the binary that
/// only reads them (in a folder kept until the tests end).
fn seed_pdf() -> PathBuf {
    static BUILT: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    let dir = BUILT.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let out = build(&repo().join("inputs/2020.yaml"), dir.path(), &[]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        dir
    });
    dir.path().join("2020.pdf")
}

/// The PDF's text without the page numbers ("— 3 —") and without whitespace.
fn text_without_page_numbers(text: &str) -> String {
    let lines = text.lines().filter(|line| {
        let t = line.trim();
        let inner = t.trim_start_matches('—').trim_end_matches('—').trim();
        !(t.starts_with('—') && t.ends_with('—') && inner.chars().all(|c| c.is_ascii_digit()))
    });
    squeeze(&lines.collect::<Vec<_>>().join("\n"))
}

#[test]
fn pdf_text_of_the_seed_is_the_seed_text() {
    let pdf = seed_pdf();
    let text = pdf_text(&pdf);
    // Page numbers are “— N —”: one on each page, counting up.
    let numbers: Vec<String> = text
        .lines()
        .map(squeeze)
        .filter(|l| l.starts_with('—') && l.ends_with('—'))
        .collect();
    assert!(numbers.len() >= 5, "{numbers:?}");
    for (i, number) in numbers.iter().enumerate() {
        assert_eq!(number, &format!("—{}—", i + 1));
    }
    let got = text_without_page_numbers(&text);
    let seed = read(&repo().join("tests/fixtures/seed-2020.txt"));
    let want = squeeze(&seed).replacen("二落实", "二是落实", 1);
    assert!(got == want, "{}", first_difference(&got, &want));
}

#[test]
fn the_markdown_is_written_beside_the_pdf() {
    assert!(seed_pdf().with_extension("md").is_file());
    let only_pdf = tempfile::tempdir().unwrap();
    let out = build(
        &repo().join("inputs/2020.yaml"),
        only_pdf.path(),
        &["--format", "pdf"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(only_pdf.path().join("2020.pdf").is_file());
    assert!(!only_pdf.path().join("2020.md").exists());
}

#[test]
fn fonts_are_embedded_and_serve_the_four_roles() {
    let pdf = seed_pdf();
    let fonts = pdf_fonts(&pdf);
    assert!(!fonts.is_empty());
    for font in &fonts {
        assert!(font.embedded, "font not embedded: {font:?}");
        assert!(font.subset, "font not a subset: {font:?}");
    }
    let names: Vec<&str> = fonts.iter().map(Font::family).collect();
    for family in [
        "FandolSong-Bold",    // the title
        "FandolFang-Regular", // the body
        "FandolHei-Regular",  // level-1 headings
        "FandolKai-Regular",  // level-2 and run-in headings
        "FandolSong-Regular", // page numbers
    ] {
        assert!(
            names.iter().any(|n| n.starts_with(family)),
            "{family} missing in\n{fonts:#?}"
        );
    }
    // No rare ideograph in the seed: the fallback is not loaded.
    assert!(!names.iter().any(|n| n.contains("NotoSerif")), "{fonts:#?}");
    assert_eq!(names.len(), 5, "{fonts:#?}");
}

#[test]
fn page_size_and_metadata() {
    let pdf = seed_pdf();
    let info = pdf_info(&pdf);
    // A4 on every page, in points as pdfinfo rounds them (595.276 x 841.89).
    for (width, height) in &info.page_sizes {
        assert_eq!(
            (format!("{width:.3}"), format!("{height:.2}")),
            ("595.276".to_string(), "841.89".to_string()),
            "{info:?}"
        );
    }
    assert_eq!(
        info.title.as_deref(),
        Some("广东邮电职业技术学院学院工会2020年工作总结及2021年工作计划"),
        "{info:?}"
    );
    assert_eq!(
        info.author.as_deref(),
        Some("广东邮电职业技术学院学院工会"),
        "{info:?}"
    );
    // The document date, with no clock time, in UTC.
    assert_eq!(info.created, Some((2020, 12, 8, 0, 0, 0, 0)), "{info:?}");
    let bytes = std::fs::read(&pdf).unwrap();
    let raw = String::from_utf8_lossy(&bytes);
    assert!(raw.contains("/Lang(zh-CN)"), "no /Lang(zh-CN) in the PDF");
    assert!(raw.contains("/Outlines"), "no bookmarks in the PDF");
}

#[test]
fn two_builds_are_byte_identical() {
    // The shared build, and one more in another folder.
    let first = std::fs::read(seed_pdf()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = build(&repo().join("inputs/2020.yaml"), dir.path(), &[]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let second = std::fs::read(dir.path().join("2020.pdf")).unwrap();
    assert!(first == second, "two builds of the same input differ");
}

/// A combining mark keeps the character before it: one that starts a point
/// (after the numbering 一是) and one on a Latin letter are both in the PDF's
/// text with their bases (in the attack run, the character before a lone mark
/// vanished).
#[test]
fn combining_marks_keep_their_base_characters() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_input(
        &dir,
        "marks.yaml",
        &MINIMAL.replace(
            "生日慰问{visits}。",
            "\"\u{301}开展慰问e\u{301}活动{visits}。\"",
        ),
    );
    let out = build(&input, dir.path(), &[]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = pdf_text(&dir.path().join("marks.pdf"));
    assert!(
        text.contains("一是\u{301}开展慰问e\u{301}活动411人。"),
        "{text}"
    );
}

#[test]
fn names_outside_gb2312_are_typeset_with_the_fallback() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_input(
        &dir,
        "names.yaml",
        &MINIMAL.replace(
            "生日慰问{visits}。",
            "王喆、李堃、张珺、赵玥、钱旻、孙翀、周赟、吴彧、郑昇获表彰。",
        ),
    );
    let out = build(&input, dir.path(), &[]);
    let err = stderr(&out);
    assert_eq!(code(&out), 0, "{err}");
    assert!(!err.contains("E0401"), "{err}");
    let text = squeeze(&pdf_text(&dir.path().join("names.pdf")));
    assert!(
        text.contains("王喆、李堃、张珺、赵玥、钱旻、孙翀、周赟、吴彧、郑昇"),
        "{text}"
    );
    let fonts = pdf_fonts(&dir.path().join("names.pdf"));
    assert!(
        fonts
            .iter()
            .any(|f| f.family().starts_with("NotoSerifCJKsc-Regular") && f.embedded),
        "{fonts:#?}"
    );
}

#[test]
fn a_character_no_font_has_is_an_error_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_input(
        &dir,
        "tofu.yaml",
        &MINIMAL.replace("继续开展慰问。", "继续开展慰问😀。"),
    );
    let out = build(&input, dir.path(), &[]);
    let err = stderr(&out).replace(input.to_str().unwrap(), "[FILE]");
    assert_eq!(code(&out), 1, "{err}");
    assert!(
        err.contains("error[E0401]: 没有字体含有“😀”（U+1F600）的字形"),
        "{err}"
    );
    assert!(err.contains("--> [FILE]:18:19"), "{err}");
    assert!(!dir.path().join("tofu.pdf").exists());
    assert!(
        !dir.path().join("tofu.md").exists(),
        "nothing is written when a build fails"
    );
}

#[test]
fn input_text_cannot_run_typst_code() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = r##"#read("/etc/passwd") $x$ <a> @b \ * _ ] # //c /*d*/ `e` ~ [f](g) = h"##;
    let yaml = MINIMAL.replace(
        "        - 生日慰问{visits}。\n",
        &format!(
            "        - 生日慰问{{visits}}。\n        - '{}'\n",
            hostile.replace('\'', "''")
        ),
    );
    let input = write_input(&dir, "hostile.yaml", &yaml);
    let out = build(&input, dir.path(), &[]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = squeeze(&pdf_text(&dir.path().join("hostile.pdf")));
    assert!(text.contains(&squeeze(hostile)), "{text}");
    assert!(!text.contains("root:"), "the PDF shows a file: {text}");
}

#[test]
fn a_broken_style_override_is_located_in_the_users_file() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    let style = read(&repo().join("templates/style.typ")).replace(
        "#let nianbao-par(body) = par(h(2em) + body)",
        "#let nianbao-par(body) = par(h(2em) + bodyy)",
    );
    std::fs::write(templates.join("style.typ"), style).unwrap();
    let out = build(
        &repo().join("inputs/2020.yaml"),
        dir.path(),
        &["--templates", templates.to_str().unwrap()],
    );
    let err = stderr(&out);
    assert_eq!(code(&out), 1, "{err}");
    let line = read(&templates.join("style.typ"))
        .lines()
        .position(|l| l.contains("bodyy"))
        .unwrap()
        + 1;
    let block = format!(
        "error[E0403]: unknown variable: bodyy\n  --> {}:{line}:39\n   |\n{line} | #let nianbao-par(body) = par(h(2em) + bodyy)\n   |                                       ^^^^^\n1 个文件：1 个错误，3 个警告\n",
        templates.join("style.typ").display()
    );
    assert!(err.ends_with(&block), "{err}");
    assert!(!dir.path().join("2020.pdf").exists());
}

/// An unbreakable run longer than the line (a URL, 300 letters, a word of
/// 5 000) is broken where the line ends: every glyph of every page stays
/// inside the text area (156 mm from the binding side: 28 mm on odd pages'
/// left, 26 mm on even pages' left), and the PDF's text holds each run
/// whole. Before, the URL ran 79 pt past the right edge of the paper.
#[test]
fn a_run_longer_than_the_line_is_broken_inside_the_margins() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("https://example.org/{}", "a".repeat(400));
    let letters = "b".repeat(300);
    let word = "c".repeat(5000);
    let yaml = MINIMAL.replace(
        "        - 生日慰问{visits}。\n",
        &format!(
            "        - 生日慰问{{visits}}。\n        - 见{url}。\n        - 又见{letters}和{word}。\n"
        ),
    );
    let input = write_input(&dir, "long.yaml", &yaml);
    let out = build(&input, dir.path(), &["--format", "pdf"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let pdf = dir.path().join("long.pdf");
    let words = pdf_words(&pdf);
    let pages = words.iter().map(|w| w.page).max().unwrap();
    assert!(pages >= 4, "5 000 letters fill pages: {pages}");
    let mm = 72.0 / 25.4;
    for Word {
        page,
        x_min,
        x_max,
        text,
    } in &words
    {
        let left = if page % 2 == 1 { 28.0 * mm } else { 26.0 * mm };
        let right = left + 156.0 * mm;
        assert!(
            *x_min >= left - 0.01 && *x_max <= right + 0.01,
            "page {page}: “{text}” from {x_min} to {x_max}, outside {left}..{right}"
        );
    }
    let text = text_without_page_numbers(&pdf_text(&pdf));
    let points = format!("一是生日慰问411人。二是见{url}。三是又见{letters}和{word}。");
    let at = text.find("一是生日慰问").unwrap_or(0);
    let got = &text[at..(at + points.len()).min(text.len())];
    assert!(got == points, "{}", first_difference(got, &points));
}

/// Typst's world has no clock: `datetime.today()` in the user's style file is
/// the document's date (`meta.date`), with or without an offset, never the
/// day of the build.
#[test]
fn today_in_a_users_style_is_the_documents_date() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    let builtin = read(&repo().join("templates/style.typ"));
    let end = "  show strong: it => text(font: fonts.kai, weight: \"regular\", it.body)\n  body\n}";
    assert!(builtin.contains(end));
    let style = builtin.replacen(
        end,
        &end.replacen(
            "  body\n",
            "  par[TODAY #datetime.today().display() #datetime.today(offset: 11).display()]\n  body\n",
            1,
        ),
        1,
    );
    std::fs::write(templates.join("style.typ"), style).unwrap();
    let input = write_input(&dir, "dated.yaml", MINIMAL);
    let out = build(
        &input,
        &dir.path().join("out"),
        &[
            "--templates",
            templates.to_str().unwrap(),
            "--format",
            "pdf",
        ],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = pdf_text(&dir.path().join("out/dated.pdf"));
    let first = text.lines().next().unwrap_or_default();
    assert_eq!(first, "TODAY 2020-12-08 2020-12-08");
}

/// A style file is code: one that takes all the memory is stopped at 2 GB
/// (the trial's address space, limited by the child itself) with its file
/// named, and nothing is written (no typesetting in nianbao's own process
/// follows a trial that ran out of memory).
#[test]
fn a_style_that_takes_all_the_memory_is_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    let style = format!(
        "{}\n#let everything = range(300000000).len()\n",
        read(&repo().join("templates/style.typ"))
    );
    std::fs::write(templates.join("style.typ"), style).unwrap();
    let out = build(
        &repo().join("inputs/2020.yaml"),
        &dir.path().join("out"),
        &["--templates", templates.to_str().unwrap()],
    );
    let err = stderr(&out);
    assert_eq!(code(&out), 1, "{err}");
    let path = templates.join("style.typ");
    // In the document's language (the seed is Chinese).
    let block = format!(
        "error[E0403]: 用样式文件 `{}` 排版占用超过 2 GB 内存，已停止，什么也没有写\n--> {}\n = help: 样式文件排一份文档最多可用 60 秒和 2 GB 内存；检查其中的循环或很大的 range()\n1 个文件：1 个错误，3 个警告\n",
        path.display(),
        path.display()
    );
    assert!(err.ends_with(&block), "{err}");
    assert!(!dir.path().join("out/2020.pdf").exists());
    assert!(!dir.path().join("out/2020.md").exists());
}

#[test]
fn fonts_command_lists_each_role() {
    let out = nianbao(&["fonts", "--no-system-fonts"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    for line in [
        "title 标题 (bold Song 小标宋)",
        "FandolSong (Normal, weight 700)",
        "FangSong 仿宋 (body)                     FandolFang R",
        "Hei 黑体 (level-1 headings)              FandolHei",
        "Kai 楷体 (level-2 and run-in headings)   FandolKai",
    ] {
        assert!(text.contains(line), "{line:?} not in\n{text}");
    }
}

#[test]
fn font_path_fonts_come_first_and_non_fonts_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let fonts_dir = dir.path().join("fonts");
    std::fs::create_dir(&fonts_dir).unwrap();
    std::fs::copy(
        repo().join("fonts/nianbao-kai.otf"),
        fonts_dir.join("my-kai.otf"),
    )
    .unwrap();
    let out = nianbao(&[
        "fonts",
        "--no-system-fonts",
        "--font-path",
        fonts_dir.to_str().unwrap(),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(
        text.contains(&format!("from {}", fonts_dir.join("my-kai.otf").display())),
        "{text}"
    );

    std::fs::write(fonts_dir.join("broken.ttf"), "not a font").unwrap();
    let out = nianbao(&[
        "fonts",
        "--no-system-fonts",
        "--font-path",
        fonts_dir.to_str().unwrap(),
    ]);
    let err = stderr(&out);
    assert_eq!(code(&out), 2, "{err}");
    let broken = fonts_dir.join("broken.ttf");
    assert_eq!(
        err,
        format!(
            "error[E0402]: `{0}` is not a font that can be read\n--> {0}\n = help: use TrueType or OpenType fonts (.ttf .otf .ttc .otc); WOFF is not read\n",
            broken.display()
        )
    );
}

#[test]
fn a_font_path_that_is_a_file_is_said_to_be_no_folder() {
    let out = nianbao(&[
        "fonts",
        "--no-system-fonts",
        "--font-path",
        "inputs/2020.yaml",
    ]);
    assert_eq!(code(&out), 2);
    assert_eq!(
        stderr(&out),
        "error[E0402]: the font folder `inputs/2020.yaml` is not a folder\n--> inputs/2020.yaml\n = help: --font-path takes a folder of .ttf, .otf, .ttc or .otc files\n"
    );
}
