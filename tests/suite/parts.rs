//! Documents in every shape of `parts:`: several work parts, plan-only
//! documents, "1、" numbering, English club reports, problems and plans as one
//! paragraph, items, several attachments. Each input's whole Markdown is
//! compared with the text written out by hand in `tests/fixtures/parts/`, and
//! its PDF text with the same text.

use crate::common::*;

use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures/parts").join(name)
}

/// Builds an input and returns its Markdown and its PDF's text.
fn built(input: &Path, extra: &[&str]) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = build(input, dir.path(), extra);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let stem = input.file_stem().unwrap().to_str().unwrap();
    let md = read(&dir.path().join(format!("{stem}.md")));
    // In layout order: an attachment's title stands above its text.
    let text = pdf_text(&dir.path().join(format!("{stem}.pdf")));
    (md, text)
}

/// The input's Markdown is the expected text, whole; the PDF shows the same
/// text (the Markdown without its markup), page numbers aside.
fn same_as_written(input: &Path, expected: &str) {
    let (md, text) = built(input, &[]);
    let want = read(&fixture(expected));
    assert!(md == want, "{}", first_difference(&md, &want));
    let pdf = without_page_numbers(&squeeze(&text));
    let shown = squeeze(&markdown_text(&want));
    assert!(pdf == shown, "{}", first_difference(&pdf, &shown));
}

/// Text without the page numbers "—1—" (Chinese) or the number ending the
/// last page (English).
fn without_page_numbers(text: &str) -> String {
    let text = text.trim_end_matches(|c: char| c.is_ascii_digit());
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('—') {
        let after = &rest[at + '—'.len_utf8()..];
        let digits = after.chars().take_while(char::is_ascii_digit).count();
        if digits > 0 && after[digits..].starts_with('—') {
            out.push_str(&rest[..at]);
            rest = &after[digits + '—'.len_utf8()..];
        } else {
            out.push_str(&rest[..at + '—'.len_utf8()]);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

fn input(name: &str) -> PathBuf {
    repo().join("inputs").join(name)
}

#[test]
fn a_work_summary_in_several_themed_parts_with_problems_and_plans_as_one_paragraph() {
    same_as_written(&input("township-2021.yaml"), "township-2021.md");
}

#[test]
fn a_plan_only_document_with_its_own_parts_and_items_with_and_without_titles() {
    same_as_written(&input("stats-plan-2022.yaml"), "stats-plan-2022.md");
}

#[test]
fn a_half_year_report_numbered_1_dun_in_lists_and_plans() {
    same_as_written(&input("subdistrict-2022-H1.yaml"), "subdistrict-2022-H1.md");
}

#[test]
fn an_english_club_report_with_numbered_parts_money_and_a_named_signature() {
    same_as_written(&input("club-2023-en.yaml"), "club-2023-en.md");
}

#[test]
fn items_under_sections_a_problems_paragraph_two_attachments_and_no_ending() {
    same_as_written(&fixture("school.yaml"), "school.md");
}

#[test]
fn kinds_pick_parts_by_role_and_number_them_again() {
    let (md, _) = built(&input("subdistrict-2022-H1.yaml"), &["--kind", "plan"]);
    assert_eq!(
        md,
        "# 某某街道办事处2022年下半年工作计划\n\n\
         1、推进老旧小区改造，引导成立业主委员会。\n\n\
         2、加强网格员培训和考核。\n\n\
         3、继续做好稳就业工作。\n\n\
         <!-- nianbao:closing -->\n某某街道办事处\\\n2022年7月5日\n"
    );
    let (md, _) = built(&input("township-2021.yaml"), &["--kind", "summary"]);
    let headings: Vec<&str> = md.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(
        headings,
        [
            "## 一、党建引领基层工会建设",
            "## 二、服务职工办实事",
            "## 三、存在的问题"
        ]
    );
}

#[test]
fn next_from_a_plan_only_document_starts_the_same_years_summary_fulfilling_its_items() {
    let dir = tempfile::tempdir().unwrap();
    let next = dir.path().join("2022.yaml");
    let plan = input("stats-plan-2022.yaml");
    let out = nianbao(&["next", plan.to_str().unwrap(), "-o", next.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let yaml = read(&next);
    assert!(yaml.contains("  year: 2022\n"), "{yaml}");
    assert!(
        yaml.contains(
            "    - title: 加强统计分析，每季度编发经济运行分析材料\n      fulfils: services\n"
        ),
        "{yaml}"
    );
    let out = nianbao(&[
        "check",
        next.to_str().unwrap(),
        "--previous",
        plan.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(!stderr(&out).contains("W0801"), "{}", stderr(&out));
}

/// Builds the Markdown only.
fn markdown_of(input: &Path) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = build(input, dir.path(), &["--format", "md"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let stem = input.file_stem().unwrap().to_str().unwrap();
    read(&dir.path().join(format!("{stem}.md")))
}

/// An input of one part with `n` one-line paragraphs, signed and dated.
fn paragraphs(n: usize, title: &str) -> String {
    let points: String = (0..n)
        .map(|i| format!("      - 第{i}项工作内容。\n"))
        .collect();
    format!(
        "meta:\n  organisation: 某某工会\n  year: 2020\n  date: 2020-12-08\n  signature: 工会办\n  title: {title}\nparts:\n  - heading: 工作\n    style: paragraphs\n    points:\n{points}"
    )
}

#[test]
fn the_signature_and_date_are_never_alone_on_a_page() {
    // 16 to 19 paragraphs end the body at the foot of page 1, where the
    // signature and date no longer fit: the last paragraph goes over with them.
    let dir = tempfile::tempdir().unwrap();
    for n in 16..=20 {
        let input = write_input(&dir, &format!("p{n}.yaml"), &paragraphs(n, "测试"));
        let (_, text) = built(&input, &[]);
        let pages: Vec<&str> = text
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .collect();
        let last = squeeze(pages.last().unwrap());
        assert!(
            !last.starts_with("工会办"),
            "{n} paragraphs: the signature opens the last page:\n{text}"
        );
        assert!(last.contains("工会办2020年12月8日"), "{n}: {text}");
        if pages.len() > 1 {
            assert!(
                last.starts_with(&format!("第{}项工作内容。工会办", n - 1)),
                "{n}: {last}"
            );
        }
    }
}

#[test]
fn paragraphs_opening_with_a_bracket_start_two_characters_in_like_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let out = build(&input("stats-plan-2022.yaml"), dir.path(), &[]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let pdf = dir.path().join("stats-plan-2022.pdf");
    let words: Vec<Word> = pdf_words(&pdf)
        .into_iter()
        .filter(|w| w.page == 1)
        .collect();
    let x_of = |start: &str| -> f64 {
        words
            .iter()
            .find(|w| w.text.starts_with(start))
            .unwrap_or_else(|| panic!("{start} not in\n{words:#?}"))
            .x_min
    };
    // A plain paragraph, a justified line and a short line opening with （.
    let plain = x_of("为做好2022年统计工作");
    for start in ["（一）抓好常规统计调查", "（三）加强统计分析"] {
        let x = x_of(start);
        assert!((x - plain).abs() < 1e-6, "{start} at {x}, not {plain}");
    }
}

#[test]
fn a_long_title_of_meta_title_breaks_after_the_organisation_or_before_the_year() {
    let dir = tempfile::tempdir().unwrap();
    let long = "某某工会关于2020年度工会工作总结和2021年工作安排的报告";
    let input = write_input(&dir, "t1.yaml", &paragraphs(1, long));
    let md = markdown_of(&input);
    assert!(
        md.starts_with("# 某某工会<br>关于2020年度工会工作总结和2021年工作安排的报告\n"),
        "{md}"
    );
    let other = "关于二〇二〇年度暨2021年工作安排的全体职工代表大会工作报告";
    let input = write_input(&dir, "t2.yaml", &paragraphs(1, other));
    let md = markdown_of(&input);
    assert!(
        md.starts_with("# 关于二〇二〇年度暨<br>2021年工作安排的全体职工代表大会工作报告\n"),
        "{md}"
    );
}

#[test]
fn the_attachment_notes_second_line_aligns_under_the_first_number() {
    let dir = tempfile::tempdir().unwrap();
    let out = build(&fixture("school.yaml"), dir.path(), &[]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let pdf = dir.path().join("school.pdf");
    let words: Vec<Word> = pdf_words(&pdf)
        .into_iter()
        .filter(|w| w.page == 1)
        .collect();
    let word = |text: &str| -> (f64, f64) {
        let word = words
            .iter()
            .find(|w| w.text == text)
            .unwrap_or_else(|| panic!("{text} not in\n{words:#?}"));
        (word.x_min, word.x_max)
    };
    // "附件：1." ends where "1." ends; "2." below it has the same width and end.
    let (_, first_end) = word("附件：1.");
    let (second_start, second_end) = word("2.");
    assert!(
        (first_end - second_end).abs() < 0.01,
        "{first_end} {second_end}\n{words:#?}"
    );
    assert!(second_start > 150.0, "{second_start}");
}
