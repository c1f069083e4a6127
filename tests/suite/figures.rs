//! Figures for people: counts named in Chinese and referenced in every text,
//! the full-width braces of a Chinese input method, check's hints naming a
//! count as it can be typed; and in the editor's server, the counts listed by
//! label and value, a count renamed with every reference, a figure of the
//! text made a count ("设为统计数字"), each file checked whole.

use serde_json::{Value, json};

use crate::common::{code, nianbao, read, repo, stderr, write_input};
use crate::serve::{get, post, served_copy};

/// Builds the input's Markdown (a file or a folder; the body kind, the
/// default) and returns it.
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
    // A file's Markdown is named after it; a folder's, after its title.
    let stem = input.file_stem().unwrap().to_str().unwrap();
    let own = out_dir.join(format!("{stem}.md"));
    let md = if own.exists() {
        own
    } else {
        let mut made: Vec<_> = std::fs::read_dir(&out_dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "md"))
            .collect();
        assert_eq!(made.len(), 1, "{made:?}");
        made.remove(0)
    };
    read(&md)
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
            text: 完成宣传稿件{宣传稿件:num}篇。
        body:
          - paragraph: 生日慰问覆盖{生日慰问}。
          - numbered:
              - 发放慰问{困难职工}。
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

/// The report of [`EVERYWHERE`] as Markdown, from the opening to the plan.
const EVERYWHERE_MD: &str = "\
         全年开展生日慰问411人。\n\n\
         ## 一、主要工作\n\n\
         慰问困难职工25户。\n\n\
         ### （一）关心关爱\n\n\
         一是走访慰问困难职工25户。\n\n\
         **1.宣传**。完成宣传稿件9篇。\n\n\
         生日慰问覆盖411人。\n\n\
         1. 发放慰问25户。\n\n\
         | 项目 | 数量 |\n| --- | --- |\n| 生日慰问 | 411人 |\n\n\
         ## 二、存在的问题\n\n\
         一是慰问25户仍不够。\n\n\
         ## 三、2021年主要工作\n\n\
         **（一）关心关爱**。继续慰问25户。\n\n";

#[test]
fn a_count_named_in_chinese_is_written_in_every_text() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_input(&dir, "everywhere.yaml", EVERYWHERE);
    let out = nianbao(&["check", input.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        markdown(&input),
        format!(
            "# 某某工会2020年工作总结及2021年工作计划\n\n\
         {EVERYWHERE_MD}\
         <!-- nianbao:annex-note -->\n附件：慰问情况\n\n\
         <!-- nianbao:closing -->\n工会办\\\n2020年12月8日\n\n\
         <!-- nianbao:pagebreak -->\n<!-- nianbao:attachment -->\n附件\n\n\
         # 慰问情况\n\n\
         共慰问25户，生日慰问411人次。\n"
        )
    );
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
    assert_eq!(
        stderr(&out).replace(input.to_str().unwrap(), "typo.yaml"),
        "error[E0101]: 引用了未定义的数字 `困难员工`\n  --> typo.yaml:37:19\n   |\n\
         37 |         text: 继续慰问｛困难员工｝。\n   |                       ^^^^^^^^^^^^\n   |\n\
         \x20  = help: 是否指 `{困难职工}`？\n\
         1 个文件：1 个错误，0 个警告\n"
    );
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
    assert_eq!(
        stderr(&out).replace(input.to_str().unwrap(), "unused.yaml"),
        "warning[W0101]: 数字“新会员”已定义但未被引用\n  --> unused.yaml:11:3\n   |\n\
         11 |   新会员: { value: 36, unit: 位 }\n   |   ^^^^^^\n   |\n\
         \x20  = help: 在正文中写 `{新会员}` 引用它，或删除它\n\
         warning[W0101]: 数字 `2020慰问` 的名字不能在正文中引用\n  --> unused.yaml:12:3\n   |\n\
         12 |   2020慰问: { value: 3, unit: 次 }\n   |   ^^^^^^^^\n   |\n\
         \x20  = help: 名字以文字或 _ 开头，只含文字、数字、_ 和 -：改名为 `慰问2020`，再在正文中写 `{慰问2020}`\n\
         1 个文件：0 个错误，2 个警告\n"
    );
}

/// The seed as the editor's server opens it.
fn seed() -> (
    tempfile::TempDir,
    std::sync::Arc<nianbao::serve::Served>,
    String,
) {
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
    assert_eq!(
        shown,
        [
            "岗位创新工作室 4个",
            "创新课题成果 17项",
            "慰问援汉家属 2人",
            "为滞留国外职工子女筹集口罩 6位",
            "湖北员工线上座谈会 3次",
            "新加入互助会员工 36位",
            "办理互助金申领 7位",
            "慰问困难员工 4名",
            "慰问生病、结婚、孕期、生育员工 30名",
            "生日慰问 411人",
            "夏送清凉、冬送温暖慰问用品 1000余份",
            "职代会联席会议 2次",
            "审议通过制度办法 8项",
            "征集代表提案和意见 11件",
            "处理中的提案 9件",
            "主动公开信息类别 12类",
            "主动公开信息 678条",
            "宣传稿件 9篇"
        ]
    );
    assert_eq!(
        counts[9],
        json!({
            "name": "birthday_visits",
            "label": "生日慰问",
            "value": 411,
            "unit": "人",
            "text": "411人",
            "display": "生日慰问 411人",
            "reference": "{birthday_visits}",
            // As a box shows it, by its label.
            "shown": "｛生日慰问｝",
            "file_index": 0,
            "path": ["counts", "birthday_visits"],
            "uses": 1
        })
    );
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

/// The seed with a point holding two figures not yet counts.
fn with_figures(text: &str) -> String {
    text.replace(
        "        - 关爱女职工。",
        "        - 走访慰问困难职工25户，发放慰问金3万余元。\n        - 关爱女职工。",
    )
}

#[tokio::test]
async fn a_figure_of_the_text_becomes_a_count_in_one_step() {
    let (dir, served, seed) = seed();
    let path = dir.path().join("2020.yaml");
    let text = with_figures(&seed);
    std::fs::write(&path, &text).unwrap();
    let before = markdown(&path);
    // The figures the page offers, in characters of the text.
    let reply = post(
        &served,
        "/api/figures",
        json!({"text": "走访慰问困难职工25户，发放慰问金3万余元。"}),
    )
    .await;
    assert_eq!(
        reply.json(),
        json!({"figures": [
            {"start": 8, "end": 11, "text": "25户", "value": 25, "unit": "户", "label": "走访慰问困难职工"},
            {"start": 17, "end": 21, "text": "3万余元", "value": 3, "unit": "万元", "label": "发放慰问金"}
        ]})
    );
    let point = json!(["summary", "sections", 4, "points", 4]);
    // The check lists the file's figures with their texts' paths.
    let reply = post(&served, "/api/check", json!({"drafts": [text]})).await;
    assert_eq!(
        reply.json()["figures"],
        json!([
            {"start": 8, "end": 11, "text": "25户", "value": 25, "unit": "户", "label": "走访慰问困难职工", "path": point},
            {"start": 17, "end": 21, "text": "3万余元", "value": 3, "unit": "万元", "label": "发放慰问金", "path": point}
        ])
    );
    let reply = post(
        &served,
        "/api/edit",
        edit(
            &text,
            json!({"op": "make_count", "path": point, "start": 8, "end": 11}),
        ),
    )
    .await;
    let answer = reply.json();
    assert_eq!(answer["name"], "走访慰问困难职工");
    let yaml = answer["yaml"].as_str().unwrap().to_string();
    // The count after the last one, on one line as they are; its reference
    // where the figure was; nothing else changed.
    assert_eq!(
        yaml,
        text.replace(
            "  publicity_articles: { value: 9, unit: 篇, label: 宣传稿件 }\n",
            "  publicity_articles: { value: 9, unit: 篇, label: 宣传稿件 }\n  \
             走访慰问困难职工: { value: 25, unit: 户, label: 走访慰问困难职工 }\n"
        )
        .replace("困难职工25户，", "困难职工{走访慰问困难职工}，")
    );
    // The second figure, found again in the new text, named and labelled
    // by the person.
    let reply = post(
        &served,
        "/api/figures",
        json!({"text": "走访慰问困难职工{走访慰问困难职工}，发放慰问金3万余元。"}),
    )
    .await;
    assert_eq!(
        reply.json(),
        json!({"figures": [
            {"start": 24, "end": 28, "text": "3万余元", "value": 3, "unit": "万元", "label": "发放慰问金"}
        ]})
    );
    let reply = post(
        &served,
        "/api/edit",
        edit(
            &yaml,
            json!({"op": "make_count", "path": point, "start": 24, "end": 28,
                   "name": "慰问金", "label": "发放慰问金"}),
        ),
    )
    .await;
    assert_eq!(reply.status, axum::http::StatusCode::OK, "{}", reply.json());
    let yaml = reply.json()["yaml"].as_str().unwrap().to_string();
    let want = text
        .replace(
            "  publicity_articles: { value: 9, unit: 篇, label: 宣传稿件 }\n",
            "  publicity_articles: { value: 9, unit: 篇, label: 宣传稿件 }\n  \
             走访慰问困难职工: { value: 25, unit: 户, label: 走访慰问困难职工 }\n  \
             慰问金: { value: 3, unit: 万元, label: 发放慰问金, approx: true }\n",
        )
        .replace(
            "困难职工25户，发放慰问金3万余元。",
            "困难职工{走访慰问困难职工}，发放慰问金{慰问金}。",
        );
    assert_eq!(yaml, want);
    // Saved: the file on disk is that text, and prints as before.
    let base = get(&served, "/api/file").await.json()["files"][0]["base"].clone();
    let reply = post(
        &served,
        "/api/save",
        json!({"file": 0, "yaml": yaml, "base": base}),
    )
    .await;
    assert_eq!(reply.status, axum::http::StatusCode::OK);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), want);
    assert_eq!(markdown(&path), before);
}

#[tokio::test]
async fn a_name_taken_or_impossible_and_no_figure_are_refused_in_chinese() {
    let (_dir, served, seed) = seed();
    let text = with_figures(&seed);
    let refused = |reply: crate::serve::Reply| {
        assert_eq!(reply.status, axum::http::StatusCode::UNPROCESSABLE_ENTITY);
        reply.json()["error"].as_str().unwrap().to_string()
    };
    let rename = |to: &str| {
        edit(
            &text,
            json!({"op": "rename_count", "from": "birthday_visits", "to": to}),
        )
    };
    assert_eq!(
        refused(post(&served, "/api/edit", rename("hardship_visits")).await),
        "已经有名为 `hardship_visits` 的数字，请换一个名字"
    );
    assert_eq!(
        refused(post(&served, "/api/edit", rename("2020年生日")).await),
        "`2020年生日` 不能作数字的名字：名字以文字或 _ 开头，只含文字、数字、_ 和 -（如 生日慰问、困难职工_2）"
    );
    let missing = edit(
        &text,
        json!({"op": "rename_count", "from": "visits", "to": "慰问"}),
    );
    assert_eq!(
        refused(post(&served, "/api/edit", missing).await),
        "没有名为 `visits` 的数字"
    );
    // "职工2" is no figure with a unit.
    let point = json!(["summary", "sections", 4, "points", 4]);
    let no_figure = edit(
        &text,
        json!({"op": "make_count", "path": point, "start": 6, "end": 10}),
    );
    assert_eq!(
        refused(post(&served, "/api/edit", no_figure).await),
        "“职工25”不是带单位的数字（如 25户、411人、8.5万元、1000余份）"
    );
    let absent = edit(
        &text,
        json!({"op": "make_count", "path": point, "figure": "30户"}),
    );
    assert_eq!(
        refused(post(&served, "/api/edit", absent).await),
        "“30户”不是带单位的数字（如 25户、411人、8.5万元、1000余份）"
    );
    // Named by the figure as written, the figure is found in its text.
    let by_text = edit(
        &text,
        json!({"op": "make_count", "path": point, "figure": "25户"}),
    );
    let by_place = edit(
        &text,
        json!({"op": "make_count", "path": point, "start": 8, "end": 11}),
    );
    let made = post(&served, "/api/edit", by_place).await.json();
    assert_eq!(made["name"], "走访慰问困难职工");
    assert_eq!(post(&served, "/api/edit", by_text).await.json(), made);
    let taken = edit(
        &text,
        json!({"op": "make_count", "path": point, "start": 8, "end": 11, "name": "birthday_visits"}),
    );
    assert_eq!(
        refused(post(&served, "/api/edit", taken).await),
        "已经有名为 `birthday_visits` 的数字，请换一个名字"
    );
}

#[tokio::test]
async fn a_count_renamed_in_a_folder_is_renamed_in_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let (served, path) = served_copy(&dir, &repo().join("inputs/2021"), "2021");
    let before = markdown(&path);
    let files = get(&served, "/api/file?input=2021").await.json()["files"].clone();
    let names: Vec<&str> = files
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "group-jiaowu.yaml",
            "group-jingguan.yaml",
            "group-yidong.yaml",
            "report.yaml"
        ]
    );
    let texts: Vec<String> = files
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["yaml"].as_str().unwrap().to_string())
        .collect();
    let reply = post(
        &served,
        "/api/edit",
        json!({"yaml": texts[3], "others": texts[..3],
               "edit": {"op": "rename_count", "from": "birthday_visits", "to": "生日慰问"}}),
    )
    .await;
    let answer = reply.json();
    assert_eq!(
        answer["yaml"],
        texts[3]
            .replace("  birthday_visits: {", "  生日慰问: {")
            .replace("{birthday_visits}", "{生日慰问}")
            .replace("{birthday_visits:change}", "{生日慰问:change}")
    );
    let others: Vec<String> = texts[..3]
        .iter()
        .map(|t| t.replace("{ birthday_visits: ", "{ 生日慰问: "))
        .collect();
    assert_eq!(answer["others"], json!(others));
    for (i, name) in names.iter().enumerate() {
        let text = if i == 3 {
            answer["yaml"].as_str().unwrap()
        } else {
            answer["others"][i].as_str().unwrap()
        };
        std::fs::write(path.join(name), text).unwrap();
    }
    assert_eq!(markdown(&path), before);
}

#[tokio::test]
async fn a_new_count_is_named_after_its_label() {
    let (_dir, served, text) = seed();
    let reply = post(
        &served,
        "/api/edit",
        edit(
            &text,
            json!({"op": "new_count", "label": "生日慰问", "value": 386, "unit": "人"}),
        ),
    )
    .await;
    let answer = reply.json();
    // "生日慰问" is a label here, not yet a name: the name is the label's.
    assert_eq!(answer["name"], "生日慰问");
    assert_eq!(
        answer["yaml"],
        text.replace(
            "  publicity_articles: { value: 9, unit: 篇, label: 宣传稿件 }\n",
            "  publicity_articles: { value: 9, unit: 篇, label: 宣传稿件 }\n  \
             生日慰问: { value: 386, unit: 人, label: 生日慰问 }\n"
        )
    );
    // Again: the name is taken, the next one made.
    let yaml = answer["yaml"].as_str().unwrap();
    let reply = post(
        &served,
        "/api/edit",
        edit(yaml, json!({"op": "new_count", "label": "生日慰问"})),
    )
    .await;
    let answer = reply.json();
    assert_eq!(answer["name"], "生日慰问_2");
    assert_eq!(
        answer["yaml"],
        yaml.replace(
            "  生日慰问: { value: 386, unit: 人, label: 生日慰问 }\n",
            "  生日慰问: { value: 386, unit: 人, label: 生日慰问 }\n  生日慰问_2: { label: 生日慰问 }\n"
        )
    );
    // Used in no text yet: the list says so.
    let reply = post(
        &served,
        "/api/check",
        json!({"drafts": [answer["yaml"].as_str().unwrap()]}),
    )
    .await;
    let counts = reply.json()["counts"].clone();
    assert_eq!(
        counts[19],
        json!({
            "name": "生日慰问_2",
            "label": "生日慰问",
            "value": null,
            "unit": "",
            "text": "（待统计）",
            "display": "生日慰问 （待统计）",
            "reference": "{生日慰问_2}",
            // Its label is another count's too: shown by its name.
            "shown": "{生日慰问_2}",
            "file_index": 0,
            "path": ["counts", "生日慰问_2"],
            "uses": 0
        })
    );
}

#[test]
fn a_count_named_in_chinese_is_written_in_the_covering_text_and_its_notes() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_input(
        &dir,
        "cover.yaml",
        &format!(
            "document:\n  kind: 报告\n  addressee: 市总工会\n  \
             cover: 现将我会2020年工作总结报上，全年生日慰问｛生日慰问｝。\n  \
             annotation: 联系人：张三，慰问{{困难职工}}\n  printer: 某某工会办公室\n  \
             printed: 2020-12-08\n{EVERYWHERE}"
        ),
    );
    let out = nianbao(&["check", input.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        markdown(&input),
        format!(
            "# 关于报送某某工会2020年工作总结及2021年工作计划的报告\n\n\
         <!-- nianbao:addressee -->\n市总工会：\n\n\
         现将我会2020年工作总结报上，全年生日慰问411人。\n\n\
         <!-- nianbao:annex-note -->\n附件：1. 某某工会2020年工作总结及2021年工作计划\\\n2. 慰问情况\n\n\
         <!-- nianbao:closing -->\n工会办\\\n2020年12月8日\n\n\
         <!-- nianbao:annotation -->\n（联系人：张三，慰问25户）\n\n\
         <!-- nianbao:pagebreak -->\n<!-- nianbao:attachment -->\n附件1\n\n\
         # 某某工会2020年工作总结及2021年工作计划\n\n\
         {EVERYWHERE_MD}\
         <!-- nianbao:pagebreak -->\n<!-- nianbao:attachment -->\n附件2\n\n\
         # 慰问情况\n\n\
         共慰问25户，生日慰问411人次。\n\n\
         <!-- nianbao:record-print -->\n某某工会办公室\\\n2020年12月8日印发\n"
        )
    );
}

#[test]
fn braces_around_a_count_name_with_spaces_are_reported_with_the_fix() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_input(
        &dir,
        "spaced.yaml",
        &EVERYWHERE
            .replace("继续慰问｛困难职工｝", "继续慰问｛困难职工 ｝")
            .replace("生日慰问覆盖{生日慰问}", "生日慰问覆盖{ 生日慰问 }，{ 注 }"),
    );
    let out = nianbao(&["check", input.to_str().unwrap()]);
    assert_eq!(code(&out), 1);
    // `{ 注 }` names no count: text in braces, as it was.
    assert_eq!(
        stderr(&out).replace(input.to_str().unwrap(), "spaced.yaml"),
        "error[E0101]: `{ 生日慰问 }` 的花括号里有空格，不是引用，会原样印出\n  --> spaced.yaml:22:30\n   |\n\
         22 |           - paragraph: 生日慰问覆盖{ 生日慰问 }，{ 注 }。\n   |                                    ^^^^^^^^^^^^\n   |\n\
         \x20  = help: 去掉空格：写 `{生日慰问}`\n\
         error[E0101]: `｛困难职工 ｝` 的花括号里有空格，不是引用，会原样印出\n  --> spaced.yaml:37:19\n   |\n\
         37 |         text: 继续慰问｛困难职工 ｝。\n   |                       ^^^^^^^^^^^^^\n   |\n\
         \x20  = help: 去掉空格：写 `{困难职工}`\n\
         1 个文件：2 个错误，0 个警告\n"
    );
}

#[test]
fn a_count_named_in_chinese_is_written_in_the_title() {
    let dir = tempfile::tempdir().unwrap();
    let with_title = EVERYWHERE.replace(
        "  signature: 工会办\n",
        "  signature: 工会办\n  title: 生日慰问{生日慰问}的一年\n",
    );
    let input = write_input(&dir, "title.yaml", &with_title);
    let md = markdown(&input);
    assert!(md.starts_with("# 生日慰问411人的一年\n"), "{md}");
    let input = write_input(&dir, "plain.yaml", EVERYWHERE);
    assert_eq!(
        md,
        markdown(&input).replace(
            "# 某某工会2020年工作总结及2021年工作计划\n",
            "# 生日慰问411人的一年\n"
        )
    );
}
