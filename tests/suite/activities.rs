//! Activities logged through the year: folder inputs, counts added up from
//! activities, year-over-year changes, the comparison table and the chart.

use crate::common::*;

use std::path::{Path, PathBuf};

/// A copy of `inputs/2021/` (and `inputs/2020.yaml` beside it) to change.
fn copy_example(dir: &Path) -> PathBuf {
    let folder = dir.join("2021");
    std::fs::create_dir(&folder).unwrap();
    for entry in std::fs::read_dir(repo().join("inputs/2021")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, folder.join(path.file_name().unwrap())).unwrap();
    }
    std::fs::copy(repo().join("inputs/2020.yaml"), dir.join("2020.yaml")).unwrap();
    folder
}

fn check_en(path: &Path) -> (i32, String) {
    let out = nianbao(&["check", path.to_str().unwrap(), "--lang", "en"]);
    (code(&out), stderr(&out))
}

#[test]
fn the_2021_folder_builds_with_figures_from_activities_and_last_year() {
    let dir = tempfile::tempdir().unwrap();
    let out = build(&repo().join("inputs/2021"), dir.path(), &[]);
    let err = stderr(&out);
    assert_eq!(code(&out), 0, "{err}");
    assert!(!err.contains("W0801"), "every 2020 plan is taken up: {err}");
    let md = read(&dir.path().join("2021.md"));
    // 38 + 186 + 215 birthdays in three groups' files; 411 in 2020.
    assert!(
        md.contains("全年生日慰问439人（较上年增加28人，增长6.8%），慰问困难员工5名"),
        "{md}"
    );
    assert!(md.contains("各工会小组全年开展活动8次"), "{md}");
    assert!(md.contains("全年完成宣传稿件6篇"), "{md}");
    // A section lists its activities by date, from all the groups' files.
    let care = md.find("3月26日，集体生日会。").unwrap();
    let later = md
        .find("10月22日，集体生日会。为第四季度过生日的员工举办集体生日会。")
        .unwrap();
    assert!(
        md.find("1月28日，春节慰问困难员工。").unwrap() < care && care < later,
        "{md}"
    );
    // The appendix: every count this year, last year and the change.
    for row in [
        "| 项目 | 2021年 | 2020年 | 增减 |",
        "| 生日慰问 | 439人 | 411人 | 较上年增加28人，增长6.8% |",
        "| 宣传稿件 | 6篇 | 9篇 | 较上年减少3篇，下降33.3% |",
        "| 小组活动 | 8次 | — | — |",
    ] {
        assert!(md.lines().any(|l| l == row), "{row:?} not in\n{md}");
    }
    // The PDF: the appendix page with its chart (labels, both figures, legend) and table.
    let pdf = dir.path().join("2021.pdf");
    let page = squeeze(&pdf_pages(&pdf).pop().unwrap());
    assert!(page.starts_with("附表2021年主要数据与上年对比"), "{page}");
    // The chart, read top to bottom: each label between its two figures (this
    // year's bar above it, last year's below), in the table's order; then the
    // legend, just above the table's header.
    assert!(
        page.contains("439生日慰问4115慰问困难员工441新加入互助会员工36"),
        "{page}"
    );
    assert!(page.contains("2021年2020年项目2021年2020年增减"), "{page}");
    assert!(
        page.contains("生日慰问439人411人较上年增加28人，增长6.8%"),
        "{page}"
    );
}

#[test]
fn a_duplicated_main_file_names_both_files_and_lines() {
    let dir = tempfile::tempdir().unwrap();
    let folder = copy_example(dir.path());
    std::fs::copy(folder.join("report.yaml"), folder.join("report-copy.yaml")).unwrap();
    let (code, err) = check_en(&folder);
    assert_eq!(code, 1, "{err}");
    let copy = folder.join("report-copy.yaml");
    let main = folder.join("report.yaml");
    // The second file read (report.yaml) is the place; the first is a label.
    let block = format!(
        "error[E0005]: `meta` is defined in two files
 --> {}:7:3
  |
7 |   organisation: 广东邮电职业技术学院学院工会
  |   ^
  |
 ::: {}:7:3
  |
7 |   organisation: 广东邮电职业技术学院学院工会
  |   - first defined here
  |
  = help: keep it in one file of the folder; the others add activities, counts and sections
",
        main.display(),
        copy.display()
    );
    assert!(err.starts_with(&block), "{err}");
}

#[test]
fn a_count_in_two_files_is_an_error_naming_both() {
    let dir = tempfile::tempdir().unwrap();
    let folder = copy_example(dir.path());
    let group = folder.join("group-jiaowu.yaml");
    let text = format!(
        "counts:\n  birthday_visits: {{ unit: 人 }}\n{}",
        read(&group)
    );
    std::fs::write(&group, text).unwrap();
    let (code, err) = check_en(&folder);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("error[E0005]: the count `birthday_visits` is defined in two files"),
        "{err}"
    );
    let block = format!(
        "error[E0005]: the count `birthday_visits` is defined in two files
  --> {}:15:3
   |
15 |   birthday_visits: {{ unit: 人, label: 生日慰问 }}
   |   ^
   |
  ::: {}:2:3
   |
 2 |   birthday_visits: {{ unit: 人 }}
   |   - first defined here
   |
   = help: keep it in one file of the folder; the others add activities, counts and sections
1 file: 1 error, 0 warnings
",
        folder.join("report.yaml").display(),
        group.display()
    );
    assert_eq!(err, block);
}

#[test]
fn a_declared_total_that_its_activities_do_not_add_up_to_is_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let folder = copy_example(dir.path());
    let report = folder.join("report.yaml");
    std::fs::write(
        &report,
        read(&report).replace(
            "  birthday_visits: { unit: 人, label: 生日慰问 }",
            "  birthday_visits: { value: 400, unit: 人, label: 生日慰问 }",
        ),
    )
    .unwrap();
    let (code, err) = check_en(&folder);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!(err.replace(folder.to_str().unwrap(), "[DIR]"));
    assert!(
        err.contains("warning[W0901]: “生日慰问” is declared 400 but its activities add up to 439"),
        "{err}"
    );
    assert!(
        err.contains(
            "2021-03-26 集体生日会 (38); 2021-09-30 集体生日会 (186); 2021-10-22 集体生日会 (215)"
        ),
        "{err}"
    );
    assert!(
        err.contains(&format!("--> {}:15:29", report.display())),
        "{err}"
    );
}

#[test]
fn part_of_is_checked_against_derived_totals() {
    let dir = tempfile::tempdir().unwrap();
    let folder = copy_example(dir.path());
    let report = folder.join("report.yaml");
    std::fs::write(
        &report,
        read(&report)
            .replace(
                "  hardship_visits: { unit: 名, label: 慰问困难员工 }",
                "  hardship_visits: { unit: 名, label: 慰问困难员工, part_of: new_members }",
            )
            .replace("new_members: { value: 41,", "new_members: { value: 4,"),
    )
    .unwrap();
    let (code, err) = check_en(&folder);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains(
            "error[E0601]: “慰问困难员工” (5) is part of “新加入互助会员工” (4) but exceeds it"
        ),
        "{err}"
    );
}

#[test]
fn change_text_in_english_and_without_last_year() {
    let dir = tempfile::tempdir().unwrap();
    let text = MINIMAL.replace("生日慰问{visits}。", "生日慰问{visits}，{visits:change}。");
    let input = write_input(&dir, "2020.yaml", &text);
    let out = build(&input, dir.path(), &["--format", "md"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(read(&dir.path().join("2020.md")).contains("生日慰问411人，（无上年数据）。"));
    let last = write_input(
        &dir,
        "last.yaml",
        &MINIMAL
            .replace("value: 411", "value: 500")
            .replace("year: 2020", "year: 2019")
            .replace("2020-12-08", "2019-12-08")
            .replace("year: 2021", "year: 2020"),
    );
    let out = build(
        &input,
        dir.path(),
        &["--format", "md", "--previous", last.to_str().unwrap()],
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let md = read(&dir.path().join("2020.md"));
    assert!(
        md.contains("生日慰问411人，较上年减少89人，下降17.8%。"),
        "{md}"
    );
}

#[test]
fn a_folder_without_meta_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let folder = copy_example(dir.path());
    std::fs::remove_file(folder.join("report.yaml")).unwrap();
    let (code, err) = check_en(&folder);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("error[E0003]: no file of the folder defines `meta`"),
        "{err}"
    );
}

/// A folder of many files: `zz-NNN.yaml` after the example's own, each
/// logging one activity (each file's positions follow the ones before it).
fn many_files(folder: &Path, n: usize) {
    for i in 0..n {
        let text = format!(
            "# 第{i}次活动\nactivities:\n  - date: 2021-03-{:02}\n    title: 第{i}次走访\n    group: 教务处小组\n    section: care\n    figures: {{ activity_days: 1 }}\n",
            i % 28 + 1
        );
        std::fs::write(folder.join(format!("zz-{i:03}.yaml")), text).unwrap();
    }
}

#[test]
fn diagnostics_in_a_later_file_of_a_many_file_folder_name_its_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let folder = copy_example(dir.path());
    many_files(&folder, 300);
    // A value the schema refuses, in the 251st added file.
    let bad = folder.join("zz-250.yaml");
    let text = read(&bad).replace("date: 2021-03-27", "date: 2021-03-27\n    place: 礼堂");
    std::fs::write(&bad, &text).unwrap();
    let (code, err) = check_en(&folder);
    assert_eq!(code, 1, "{err}");
    let block = format!(
        "error[E0004]: unknown field `place`
 --> {}:4:5
  |
4 |     place: 礼堂
  |     ^^^^^
  |
  = help: the fields allowed here are: date, title, section, group, figures, participants, tags, text
1 file: 1 error, 0 warnings
",
        bad.display()
    );
    assert_eq!(err, block);

    // A count defined in two later files: both places, each in its file.
    std::fs::write(&bad, text.replace("    place: 礼堂\n", "")).unwrap();
    let (first, twin) = (folder.join("zz-120.yaml"), folder.join("zz-299.yaml"));
    for path in [&first, &twin] {
        let text = format!("counts:\n  walks: {{ unit: 次 }}\n{}", read(path));
        std::fs::write(path, text).unwrap();
    }
    let (code, err) = check_en(&folder);
    assert_eq!(code, 1, "{err}");
    let block = format!(
        "error[E0005]: the count `walks` is defined in two files
 --> {}:2:3
  |
2 |   walks: {{ unit: 次 }}
  |   ^
  |
 ::: {}:2:3
  |
2 |   walks: {{ unit: 次 }}
  |   - first defined here
  |
  = help: keep it in one file of the folder; the others add activities, counts and sections
1 file: 1 error, 0 warnings
",
        twin.display(),
        first.display()
    );
    assert_eq!(err, block);

    // An activity dated outside the year, in a later file: the place of the value.
    for path in [&first, &twin] {
        std::fs::write(
            path,
            read(path).replacen("counts:\n  walks: { unit: 次 }\n", "", 1),
        )
        .unwrap();
    }
    let late = folder.join("zz-275.yaml");
    std::fs::write(&late, read(&late).replace("2021-03-24", "2020-03-24")).unwrap();
    let (code, err) = check_en(&folder);
    assert_eq!(code, 0, "{err}");
    let block = format!(
        "warning[W0604]: activity “第275次走访” is dated 2020-03-24, outside 2021
 --> {}:3:11
  |
3 |   - date: 2020-03-24
  |           ^^^^^^^^^^
  |
  = help: write a date of the period as YYYY-MM-DD
1 file: 0 errors, 1 warning
",
        late.display()
    );
    assert_eq!(err, block);
}
