//! `nianbao new`: a new document's skeleton, named after its title, that
//! `check` accepts with only placeholders left.

use crate::common::*;

fn new_in(dir: &std::path::Path, args: &[&str], lang: &str) -> std::process::Output {
    command()
        .current_dir(dir)
        .env("LANG", lang)
        .arg("new")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn a_new_report_is_named_after_its_title_and_checks_with_placeholders_only() {
    let dir = tempfile::tempdir().unwrap();
    let args = [
        "--org",
        "某某学院工会",
        "--year",
        "2026",
        "--areas",
        "思想引领、服务职工",
        "--date",
        "2026-12-08",
    ];
    let out = new_in(dir.path(), &args, "zh_CN.UTF-8");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let name = "某某学院工会2026年工作总结及2027年工作计划.yaml";
    assert_eq!(
        stderr(&out),
        format!(
            "已新建 {name}\n下一步：nianbao serve \"{name}\" 在浏览器中填写，或直接编辑这个文件后运行 nianbao check\n"
        )
    );
    let path = dir.path().join(name);
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "\
# 由 `nianbao new` 新建。请把“待补充。”换成实际内容；`nianbao check` 会列出还没写完的地方。

meta:
  organisation: 某某学院工会
  year: 2026
  date: \"2026-12-08\" # 成文日期：定稿时改为实际日期
  signature: 某某学院工会

opening: 待补充。

summary:
  sections:
    - title: 思想引领
      points:
        - 待补充。
    - title: 服务职工
      points:
        - 待补充。

problems:
  - 待补充。

plans:
  sections:
    - id: plan-1
      title: 思想引领
      text: 待补充。
    - id: plan-2
      title: 服务职工
      text: 待补充。
"
    );
    let check = nianbao(&["check", path.to_str().unwrap()]);
    let err = stderr(&check);
    assert_eq!(code(&check), 0, "{err}");
    assert_eq!(err.matches("warning[W0103]").count(), 6, "{err}");
    assert!(err.ends_with("1 个文件：0 个错误，6 个警告\n"), "{err}");

    // Never over an existing file without --force.
    let again = new_in(dir.path(), &args, "zh_CN.UTF-8");
    assert_eq!(code(&again), 2);
    assert_eq!(
        stderr(&again),
        format!("错误：`{name}` 已存在，nianbao 不会覆盖它（要替换，请加 --force）\n")
    );
    let forced: Vec<&str> = args.iter().copied().chain(["--force"]).collect();
    assert_eq!(code(&new_in(dir.path(), &forced, "zh_CN.UTF-8")), 0);
}

#[test]
fn without_a_terminal_the_organisation_and_year_are_required() {
    let dir = tempfile::tempdir().unwrap();
    let out = new_in(dir.path(), &[], "zh_CN.UTF-8");
    assert_eq!(code(&out), 2);
    assert_eq!(
        stderr(&out),
        "错误：新建文档需要 单位名称 和 年份：在终端里运行 nianbao new 回答提问，或用 --org 和 --year 给出\n"
    );
    let out = new_in(dir.path(), &["--year", "2026"], "en_GB.UTF-8");
    assert_eq!(
        stderr(&out),
        "error: a new document needs Organisation: run nianbao new on a terminal to be asked, or give --org\n"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn an_english_plan_and_a_half_year_summary() {
    let dir = tempfile::tempdir().unwrap();
    let out = new_in(
        dir.path(),
        &[
            "--org",
            "Riverside Tenants' Club",
            "--year",
            "2027",
            "--kind",
            "plan",
            "--lang",
            "en",
            "--areas",
            "Membership, Events",
            "-o",
            "plan.yaml",
        ],
        "C.UTF-8",
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let plan = dir.path().join("plan.yaml");
    let check = nianbao(&["check", plan.to_str().unwrap()]);
    assert_eq!(code(&check), 0, "{}", stderr(&check));
    assert!(stderr(&check).ends_with("1 file: 0 errors, 2 warnings\n"));

    let out = new_in(
        dir.path(),
        &[
            "--org",
            "某街道工会",
            "--year",
            "2026",
            "--half",
            "1",
            "--kind",
            "summary",
        ],
        "zh_CN.UTF-8",
    );
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let path = dir.path().join("某街道工会2026年上半年工作总结.yaml");
    let check = nianbao(&["check", path.to_str().unwrap()]);
    assert_eq!(code(&check), 0, "{}", stderr(&check));
}
