//! The document nianbao was designed from, rebuilt from `inputs/2020.yaml`.

use crate::common::*;

/// The seed's text as the Markdown must give it: whitespace removed, and the
/// enumeration slip "二落实" as generated numbering writes it.
fn expected_seed_text() -> String {
    let seed = read(&repo().join("tests/fixtures/seed-2020.txt"));
    squeeze(&seed).replacen("二落实", "二是落实", 1)
}

/// Builds the Markdown of the seed input and returns it.
fn seed_markdown() -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = build(
        &repo().join("inputs/2020.yaml"),
        dir.path(),
        &["--format", "md"],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    read(&dir.path().join("2020.md"))
}

#[test]
fn markdown_of_the_seed_input_has_the_seed_text() {
    let markdown = seed_markdown();
    let got = squeeze(&markdown_text(&markdown));
    let want = expected_seed_text();
    assert!(got == want, "{}", first_difference(&got, &want));
}

#[test]
fn markdown_structure_of_the_seed() {
    let dir = tempfile::tempdir().unwrap();
    let out = nianbao(&[
        "build",
        "inputs/2020.yaml",
        "-o",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let md = read(&dir.path().join("2020.md"));
    let lines: Vec<&str> = md.lines().collect();
    assert_eq!(
        lines[0],
        "# 广东邮电职业技术学院学院工会<br>2020年工作总结及2021年工作计划"
    );
    for heading in [
        "## 一、2020年工作总结",
        "### （一）认真学习习近平新时代中国特色社会主义思想，思想政治引领",
        "### （五）强化自身建设，提高工会履职水平",
        "## 二、存在的问题",
        "## 三、2021年主要工作",
    ] {
        assert!(
            lines.contains(&heading),
            "missing heading {heading:?} in\n{md}"
        );
    }
    // Generated numbering, figures from counts, Chinese numerals where asked.
    assert!(md.contains("\n二是落实“两深入两服务”部署安排。"));
    assert!(md.contains("生日慰问411人；"));
    assert!(md.contains("发放慰问用品一千余份；"));
    assert!(md.contains("组织召开了两次职代会联席会议"));
    assert!(md.contains("全年完成各类宣传稿件九篇。"));
    assert!(md.contains("\n1. 学校职代会日常工作还需进一步增强；\n"));
    assert!(md.contains("\n3. 疫情常态化后教职工活动的方式还没有更多的办法。\n"));
    // Run-in heading: the strong part ends before the full stop (CommonMark).
    assert!(md.contains("\n**（五）守正创新，加强工会自身建设**。加强工会干部"));
    assert!(
        md.ends_with("<!-- nianbao:closing -->\n学校工会办\\\n2020年12月8日\n"),
        "{md}"
    );
}

#[test]
fn check_reports_the_seed_placeholder_with_its_place() {
    let out = nianbao(&["check", "inputs/2020.yaml"]);
    let err = stderr(&out);
    assert_eq!(code(&out), 0, "{err}");
    // The whole output: three warnings, each with its place, excerpt and hint.
    insta::assert_snapshot!(err);
    // A Chinese document gets its messages in Chinese.
    assert!(
        err.contains("warning[W0103]: 总结第1节第2条留有占位文字“（统计具体数字）”"),
        "{err}"
    );
    // The seed's other slip: "九篇" beside "17项".
    assert!(
        err.contains("warning[W0505]: 总结第5节第3条中的“宣传稿件”印作汉字数字“九篇”"),
        "{err}"
    );
    // The place of the placeholder inside the long line of the point.
    let yaml = read(&repo().join("inputs/2020.yaml"));
    let (line_no, line) = yaml
        .lines()
        .enumerate()
        .find(|(_, l)| l.contains("（统计具体数字）"))
        .unwrap();
    let column = line[..line.find("（统计具体数字）").unwrap()]
        .chars()
        .count()
        + 1;
    assert!(
        err.contains(&format!("--> inputs/2020.yaml:{}:{column}", line_no + 1)),
        "{err}"
    );
    assert!(!err.contains("error["), "{err}");
}
