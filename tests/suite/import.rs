//! Import: last year's document in, a YAML input out that rebuilds the same text.

use crate::common::*;

use std::path::Path;

/// Imports `file`, checks the YAML (no errors) and builds its Markdown; returns
/// (the Markdown's text without whitespace, import's stderr).
fn round_trip(file: &Path) -> (String, String) {
    let (md, import_err) = round_trip_markdown(file);
    (squeeze(&markdown_text(&md)), import_err)
}

/// Text with every run of whitespace one space.
fn spaced(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Imports `file` into `yaml`; the run's output.
fn import_into(file: &Path, yaml: &Path) -> std::process::Output {
    nianbao(&[
        "import",
        file.to_str().unwrap(),
        "-o",
        yaml.to_str().unwrap(),
    ])
}

/// Imports `file`, checks it (no errors) and returns the Markdown it builds
/// and import's stderr.
fn round_trip_markdown(file: &Path) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let yaml = dir.path().join("imported.yaml");
    let out = import_into(file, &yaml);
    let import_err = stderr(&out);
    assert_eq!(code(&out), 0, "{import_err}");
    let out = nianbao(&["check", yaml.to_str().unwrap()]);
    assert_eq!(
        code(&out),
        0,
        "the imported YAML has errors:\n{}\n{}",
        stderr(&out),
        read(&yaml)
    );
    let out = build(&yaml, dir.path(), &["--format", "md"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    (read(&dir.path().join("imported.md")), import_err)
}

fn assert_same(got: &str, want: &str) {
    assert!(got == want, "{}", first_difference(got, want));
}

#[test]
fn the_seed_round_trips() {
    let seed = repo().join("tests/fixtures/seed-2020.txt");
    let (got, err) = round_trip(&seed);
    let want = squeeze(&read(&seed)).replacen("二落实", "二是落实", 1);
    assert_same(&got, &want);
    // The slip is corrected and said, with its line.
    assert!(
        err.contains("warning[W1001]: “二落实“两深入两服务”部署安排。…”读作要点"),
        "{err}"
    );
    assert!(err.contains("seed-2020.txt:13:1"), "{err}");
}

#[test]
fn the_seed_s_figures_become_counts() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = dir.path().join("seed.yaml");
    let out = nianbao(&[
        "import",
        "tests/fixtures/seed-2020.txt",
        "-o",
        yaml.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = read(&yaml);
    assert!(
        text.contains("  birthdays: {value: 411, unit: 人, label: 生日慰问}\n"),
        "{text}"
    );
    assert!(text.contains("生日慰问{birthdays}；"), "{text}");
    // A label is the clause after the figure when the one before says little.
    assert!(
        text.contains("  meetings: {value: 3, unit: 次, label: 湖北员工线上座谈会}\n"),
        "{text}"
    );
    assert!(
        text.contains("  disclosures: {value: 678, unit: 条, label: 主动公开信息}\n"),
        "{text}"
    );
    assert!(
        text.contains("  date: \"2020-12-08\"\n") && text.contains("  signature: 学校工会办\n"),
        "{text}"
    );
    // Lines broken by the page break are one paragraph again.
    assert!(text.contains("走入员工集体宿舍听取员工意见"), "{text}");
    assert!(
        text.contains("《广东邮电职业技术学院职称评审办法》等{items}制度办法"),
        "{text}"
    );
}

#[test]
fn a_half_year_report_with_four_levels_run_in_headings_and_an_attachment_round_trips() {
    let file = repo().join("tests/fixtures/import/half-year.txt");
    let (got, _) = round_trip(&file);
    assert_same(&got, &squeeze(&read(&file)));
}

#[test]
fn a_report_without_opening_or_signature_round_trips() {
    let file = repo().join("tests/fixtures/import/no-opening-no-signature.txt");
    let (got, _) = round_trip(&file);
    assert_same(&got, &squeeze(&read(&file)));
}

#[test]
fn a_gbk_file_from_pdf_extraction_round_trips() {
    let file = repo().join("tests/fixtures/import/gbk.txt");
    let bytes = std::fs::read(&file).unwrap();
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture is GBK, not UTF-8"
    );
    let (got, err) = round_trip(&file);
    assert!(err.contains("（读取方式：GB18030）"), "{err}");
    let (text, _, _) = encoding_rs::GBK.decode(&bytes);
    assert_same(&got, &squeeze(&text));
}

#[test]
fn a_markdown_document_round_trips() {
    let file = repo().join("tests/fixtures/import/markdown.md");
    let (got, _) = round_trip(&file);
    assert_same(&got, &squeeze(&markdown_text(&read(&file))));
}

#[test]
fn what_cannot_be_placed_is_kept_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_input(
        &dir,
        "odd.txt",
        "某工会2021年工作总结\n\n一、2021年工作总结\n\n（一）组织建设\n\n一是完成换届。\n\n三、2022年工作计划\n\n（一）加强培训。开展培训。\n\n另附说明一段。\n\n工会办\n\n2021年12月1日\n",
    );
    let yaml = dir.path().join("odd.yaml");
    let out = nianbao(&[
        "import",
        file.to_str().unwrap(),
        "-o",
        yaml.to_str().unwrap(),
    ]);
    let err = stderr(&out);
    assert_eq!(code(&out), 0, "{err}");
    assert!(
        err.contains("warning[W1001]: 计划条目之后的段落，已并入这一条"),
        "{err}"
    );
    assert!(err.contains("odd.txt:13:1"), "{err}");
    assert!(read(&yaml).contains("另附说明一段。"), "nothing is dropped");
    // It does not overwrite.
    let out = nianbao(&[
        "import",
        file.to_str().unwrap(),
        "-o",
        yaml.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 2);
}

/// Every document of `tests/fixtures/import/corpus/`: import writes an input
/// that checks without errors and rebuilds the document's text exactly
/// (whitespace and Markdown markup aside). A document whose text is expected to
/// change (page furniture dropped, half-width brackets made full-width) has the
/// text it should give back beside it in `NAME.expected`.
#[test]
fn every_corpus_document_imports_into_an_input_that_checks_and_rebuilds_its_text() {
    let dir = repo().join("tests/fixtures/import/corpus");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e != "expected"))
        .collect();
    names.sort();
    assert!(names.len() >= 10, "{names:?}");
    let mut failures = Vec::new();
    for file in &names {
        let expected = file.with_extension("expected");
        let want = if expected.exists() {
            read(&expected)
        } else {
            let bytes = std::fs::read(file).unwrap();
            match String::from_utf8(bytes.clone()) {
                Ok(text) => text,
                Err(_) => encoding_rs::GB18030.decode(&bytes).0.into_owned(),
            }
        };
        // English text keeps its spaces: "year. Some", not "year.Some".
        let english = file.to_str().unwrap().contains("english");
        let result = std::panic::catch_unwind(|| {
            if english {
                let (md, _) = round_trip_markdown(file);
                (spaced(&markdown_text(&md)), spaced(&markdown_text(&want)))
            } else {
                (round_trip(file).0, squeeze(&markdown_text(&want)))
            }
        });
        match result {
            Ok((got, want)) if got == want => {}
            Ok((got, want)) => failures.push(format!(
                "{}: {}",
                file.display(),
                first_difference(&got, &want)
            )),
            Err(_) => failures.push(format!(
                "{}: did not import, check or build",
                file.display()
            )),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn dry_run_prints_the_parts_found_and_writes_nothing() {
    let file = repo().join("tests/fixtures/import/corpus/plan-only.txt");
    let dir = tempfile::tempdir().unwrap();
    let yaml = dir.path().join("plan.yaml");
    let out = nianbao(&[
        "import",
        file.to_str().unwrap(),
        "-o",
        yaml.to_str().unwrap(),
        "--dry-run",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        String::from_utf8(out.stdout.clone()).unwrap(),
        "标题：某某县统计局2022年工作计划（自动生成）\n\
         单位：某某县统计局；年度：2022；语言：中文\n\
         落款：某某县统计局；日期：2022-01-10\n\
         开头：1 段\n\
         部分：3 个\n\
         \x20 1. 其他：指导思想 — 正文块 1 个\n\
         \x20 2. 计划：主要任务 — 条目 2 条\n\
         \x20 3. 其他：保障措施 — 要点 2 条\n\
         统计数字：2 个\n\
         \x20 items 5项\n\
         \x20 trainings 4期\n"
    );
    assert_eq!(stderr(&out), "读取方式：UTF-8；什么也没有写（--dry-run）\n");
    assert!(!yaml.exists());
}

/// The lines of `import --dry-run` that describe the parts.
fn parts_found(file: &str) -> Vec<String> {
    let file = repo().join("tests/fixtures/import/corpus").join(file);
    // In English, whatever the document's language: the roles by their names.
    let out = nianbao(&[
        "import",
        file.to_str().unwrap(),
        "--dry-run",
        "--lang",
        "en",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("  ") && l.contains(": ") && l.contains(" — "))
        .map(str::to_string)
        .collect()
}

#[test]
fn every_part_is_read_with_its_role_and_heading() {
    assert_eq!(
        parts_found("multi-part.txt"),
        [
            "  1. work: 党建引领基层治理 — 2 sections",
            "  2. work: 民生服务 — 2 blocks",
            "  3. problems: 存在的问题 — 1 intro, 2 points",
            "  4. plans: 2022年工作打算 — 1 intro, 4 points",
        ]
    );
    // Hard-wrapped "1. 加强理论学习，…" lines are numbered items, not headings.
    assert_eq!(
        parts_found("pdf-wrapped.txt"),
        [
            "  1. work: 2021年工作总结 — 2 sections",
            "  2. problems: 存在的问题 — 1 block",
            "  3. plans: 2022年主要工作 — 2 items",
        ]
    );
    // "(一)" read as （一）, the page furniture gone.
    assert_eq!(
        parts_found("web-copy.txt"),
        [
            "  1. work: 主要工作 — 2 sections",
            "  2. problems: 存在的问题 — 1 block",
            "  3. plans: 2023年工作计划 — 2 items",
        ]
    );
    assert_eq!(
        parts_found("plan-items-dun.txt"),
        [
            "  1. work: 上半年工作开展情况 — 2 points",
            "  2. plans: 下半年工作计划 — 3 points",
        ]
    );
    assert_eq!(
        parts_found("plan-only.txt"),
        [
            "  1. other: 指导思想 — 1 block",
            "  2. plans: 主要任务 — 2 items",
            "  3. other: 保障措施 — 2 points",
        ]
    );
    assert_eq!(
        parts_found("english.txt"),
        [
            "  1. work: Membership — 2 blocks",
            "  2. work: Events — 1 block",
            "  3. problems: Problems — 1 block",
            "  4. plans: Plans for 2024 — 1 intro",
        ]
    );
}

#[test]
fn a_half_year_report_without_a_date_is_dated_the_halfs_last_day_and_says_so() {
    let file = repo().join("tests/fixtures/import/corpus/half-no-date.txt");
    let out = nianbao(&["import", file.to_str().unwrap(), "--dry-run"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let stdout = String::from_utf8(out.stdout.clone()).unwrap();
    assert!(stdout.contains("落款：—；日期：2023-06-30\n"), "{stdout}");
    assert!(
        stderr(&out).contains(
            "warning[W1001]: 文末没有日期：日期设为该时期的最后一天（2023-06-30），不显示"
        ),
        "{}",
        stderr(&out)
    );
}

/// A document whose input would be larger than nianbao reads (its many
/// figures each become a count) is refused, and nothing is written.
#[test]
fn an_import_larger_than_the_input_limit_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let paragraph = "开展了职工文体活动，参加人数达到411人，全年慰问困难职工17名。".repeat(5);
    let mut text = String::from("关于2020年工作总结\n一、2020年工作\n");
    for i in 0..8000 {
        text.push_str(&format!("（{}）{paragraph}\n", i % 9 + 1));
    }
    let source = dir.path().join("big.txt");
    std::fs::write(&source, &text).unwrap();
    let output = dir.path().join("big.yaml");
    let out = nianbao(&[
        "import",
        source.to_str().unwrap(),
        "-o",
        output.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).ends_with(&format!(
            "错误：由 `{}` 生成的输入将有 10.1 MB，超过 nianbao 能读的 10 MB，什么也没有写\n  = help: 把文档分成几部分导入（一年的总结远比这小）\n",
            source.display()
        )),
        "{}",
        stderr(&out)
    );
    assert!(!output.exists());
}

/// Web copies as people paste them (`tests/fixtures/import/web/`), each
/// written for the tests: `NAME.txt` imports into exactly `NAME.yaml` (asserted
/// whole), which checks without errors and rebuilds the text of
/// `NAME.expected` (the source without the page furniture, its half-width
/// marks made full-width) or of the source; `import --dry-run` lists what it
/// left out as `NAME.dropped` says.
#[test]
fn every_web_copy_imports_into_its_expected_input_and_rebuilds_its_text() {
    let dir = repo().join("tests/fixtures/import/web");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 4, "{names:?}");
    let mut failures = Vec::new();
    for file in &names {
        let tmp = tempfile::tempdir().unwrap();
        let yaml = tmp.path().join("imported.yaml");
        let out = import_into(file, &yaml);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        let got = read(&yaml);
        let want = read(&file.with_extension("yaml"));
        if got != want {
            failures.push(format!(
                "{}: the input differs from its .yaml: {}",
                file.display(),
                first_difference(&got, &want)
            ));
            continue;
        }
        let (md, _) = round_trip_markdown(file);
        let expected = file.with_extension("expected");
        let source = if expected.exists() {
            read(&expected)
        } else {
            read(file)
        };
        let (got, want) = (squeeze(&markdown_text(&md)), squeeze(&source));
        if got != want {
            failures.push(format!(
                "{}: the text rebuilt differs: {}",
                file.display(),
                first_difference(&got, &want)
            ));
        }
        let dropped = file.with_extension("dropped");
        let out = nianbao(&["import", file.to_str().unwrap(), "--dry-run"]);
        let stdout = String::from_utf8(out.stdout).unwrap();
        let listed = stdout
            .find("未导入的网页内容")
            .map_or("", |at| &stdout[at..]);
        let want = if dropped.exists() {
            read(&dropped)
        } else {
            String::new()
        };
        if listed != want {
            failures.push(format!(
                "{}: --dry-run lists {listed:?}, not {want:?}",
                file.display()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A plan whose top level is （一） (no 一、) is one plans part; built as a
/// plan it holds its sections, and an input with no plans part is refused by
/// `build --kind plan` rather than written as a title alone.
#[test]
fn a_plan_without_a_part_level_builds_as_a_plan_and_an_empty_one_is_refused() {
    let file = repo().join("tests/fixtures/import/web/plan-sections.txt");
    let tmp = tempfile::tempdir().unwrap();
    let yaml = tmp.path().join("plan.yaml");
    let out = import_into(&file, &yaml);
    assert!(
        stderr(&out).contains(
            "warning[W1001]: 文档中没有“一、”这一级：其中的（一）读作一个无标题部分的各节"
        ),
        "{}",
        stderr(&out)
    );
    let out = build(&yaml, tmp.path(), &["--format", "md", "--kind", "plan"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let md = read(&tmp.path().join("plan.md"));
    assert!(md.contains("### （二）做好教职工关爱服务"), "{md}");
    assert!(md.contains("（2）推进新建学校工会组建工作。"), "{md}");
    let empty = write_input(
        &tmp,
        "empty.yaml",
        "meta:\n  organisation: 某局\n  year: 2022\n  date: \"2022-01-08\"\n  title: 某局2022年工作计划\nparts:\n  - heading: \"\"\n    body:\n      - paragraph: 重点抓好以下工作。\n",
    );
    let out_dir = tmp.path().join("out");
    let out = build(&empty, &out_dir, &["--format", "md", "--kind", "plan"]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("没有 `--kind plan` 要写的部分"),
        "{}",
        stderr(&out)
    );
    assert!(!out_dir.join("empty.md").exists());
}
