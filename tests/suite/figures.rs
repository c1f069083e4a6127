//! Figures for people: counts named in Chinese and referenced in every text,
//! the full-width braces of a Chinese input method, check's hints naming a
//! count as it can be typed; and in the editor's server, the counts listed by
//! label and value, a count renamed with every reference, a figure of the
//! text made a count ("设为统计数字"), each file checked whole.

use serde_json::{Value, json};

use crate::common::{code, nianbao, read, repo, stderr, write_input};
use crate::serve::{post, served_copy};

/// Builds the input's Markdown (the body kind, the default) and returns it.
fn markdown(input: &std::path::Path) -> String {
    let out_dir = input.parent().unwrap().join("out");
    let out = nianbao(&[
        "build",
        input.to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
        "--format",
        "md",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let stem = input.file_stem().unwrap().to_str().unwrap();
    read(&out_dir.join(format!("{stem}.md")))
}

/// Every place that holds text, each referencing a count named in Chinese
/// (the full-width braces of an input method in some).
const EVERYWHERE: &str = "\
meta:
  organisation: 某某工会
  year: 2020
  date: 2020-12-08
  signature: 工会办
opening: 全年开展生日慰问{生日慰问}。
counts:
  生日慰问: { value: 411, unit: 人, label: 生日慰问 }
  困难职工: { value: 25, unit: 户, label: 慰问困难职工 }
  宣传稿件: { value: 9, unit: 篇 }
parts:
  - heading: 主要工作
    intro: 慰问困难职工｛困难职工｝。
    sections:
      - title: 关心关爱
        points:
          - 走访慰问困难职工{困难职工}。
        items:
          - title: 宣传
            text: 完成宣传稿件{宣传稿件:cn}。
        body:
          - paragraph: 生日慰问覆盖{生日慰问}。
          - numbered: [发放慰问{困难职工}。]
          - table:
              header: [项目, 数量]
              rows:
                - [生日慰问, \"{生日慰问}\"]
  - role: problems
    points:
      - 慰问{困难职工}仍不够
  - role: plans
    year: 2021
    items:
      - id: care
        title: 关心关爱
        text: 继续慰问｛困难职工｝。
attachments:
  - title: 慰问情况
    body:
      - paragraph: 共慰问{困难职工}，生日慰问｛生日慰问：num｝人次。
";

#[test]
fn a_count_named_in_chinese_is_written_in_every_text() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_input(&dir, "everywhere.yaml", EVERYWHERE);
    let out = nianbao(&["check", input.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(markdown(&input), "");
}

#[test]
fn full_width_braces_name_a_count_or_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_input(
        &dir,
        "typo.yaml",
        &EVERYWHERE.replace("继续慰问｛困难职工｝", "继续慰问｛困难员工｝"),
    );
    let out = nianbao(&["check", input.to_str().unwrap()]);
    assert_eq!(code(&out), 1);
    assert_eq!(stderr(&out), "");
}

#[test]
fn an_unused_count_is_named_as_it_can_be_typed() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_input(
        &dir,
        "unused.yaml",
        &EVERYWHERE
            .replace(
                "  宣传稿件: { value: 9, unit: 篇 }\n",
                "  宣传稿件: { value: 9, unit: 篇 }\n  新会员: { value: 36, unit: 位 }\n  2020慰问: { value: 3, unit: 次 }\n",
            ),
    );
    let out = nianbao(&["check", input.to_str().unwrap()]);
    assert_eq!(code(&out), 0);
    assert_eq!(stderr(&out), "");
}

/// The seed as the editor's server opens it.
fn seed() -> (tempfile::TempDir, std::sync::Arc<nianbao::serve::Served>, String) {
    let dir = tempfile::tempdir().unwrap();
    let (served, path) = served_copy(&dir, &repo().join("inputs/2020.yaml"), "2020.yaml");
    let text = std::fs::read_to_string(path).unwrap();
    (dir, served, text)
}

#[tokio::test]
async fn the_counts_are_listed_by_label_and_value() {
    let (_dir, served, text) = seed();
    let reply = post(&served, "/api/check", json!({"drafts": [text]})).await;
    let counts = reply.json()["counts"].clone();
    let shown: Vec<&str> = counts
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["display"].as_str().unwrap())
        .collect();
    assert_eq!(shown, Vec::<&str>::new());
    assert_eq!(counts[9], json!({}));
}

fn edit(yaml: &str, edit: Value) -> Value {
    json!({"yaml": yaml, "edit": edit})
}

#[tokio::test]
async fn a_count_renamed_is_renamed_in_every_reference() {
    let (dir, served, text) = seed();
    let before = markdown(&dir.path().join("2020.yaml"));
    let reply = post(
        &served,
        "/api/edit",
        edit(
            &text,
            json!({"op": "rename_count", "from": "birthday_visits", "to": "生日慰问"}),
        ),
    )
    .await;
    let yaml = reply.json()["yaml"].as_str().unwrap().to_string();
    assert_eq!(
        yaml,
        text.replace("  birthday_visits: {", "  生日慰问: {")
            .replace("{birthday_visits}", "{生日慰问}")
    );
    std::fs::write(dir.path().join("2020.yaml"), &yaml).unwrap();
    assert_eq!(markdown(&dir.path().join("2020.yaml")), before);
}
