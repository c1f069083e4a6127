use super::*;

const TEXT: &str = "# the office\nmeta:\n  organisation: 某工会 # who\n  year: 2020\n# the figures\ncounts:\n  - name: a\n    value: 1\n  # b is new\n  - name: b\n    value: 2\n# and then\ntags: [x, y]\n";

fn field(s: &str) -> Key {
    Key::Field(s.into())
}

fn path(steps: &str) -> Vec<Key> {
    steps
        .split('.')
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().map_or_else(|_| field(s), Key::Index))
        .collect()
}

fn set(text: &str, at: &str, value: &str) -> String {
    let edit = Edit::Set {
        path: path(at),
        value: value.into(),
    };
    apply(text, &edit).unwrap_or_else(|e| panic!("set {at} in {text:?}: {}", e.0))
}

fn run(text: &str, edit: Edit) -> String {
    apply(text, &edit).unwrap_or_else(|e| panic!("{edit:?} in {text:?}: {}", e.0))
}

#[test]
fn set_keeps_comments_and_quotes_when_needed() {
    assert_eq!(
        set(TEXT, "meta.organisation", "新工会"),
        TEXT.replace("某工会 # who", "新工会 # who")
    );
    assert_eq!(
        set(TEXT, "counts.1.value", "a: b\n#"),
        TEXT.replace("value: 2", "value: |-\n      a: b\n      #")
    );
    // A negative number stays a number; "- x" would be a list.
    for (value, written) in [("-5", "-5"), ("- x", "\"- x\""), ("-", "\"-\"")] {
        assert_eq!(
            set(TEXT, "counts.1.value", value),
            TEXT.replace("value: 2", &format!("value: {written}"))
        );
    }
    // Text stays text: a name typed as a figure is quoted.
    assert_eq!(
        set(TEXT, "meta.organisation", "2021"),
        TEXT.replace("某工会 # who", "\"2021\" # who")
    );
    assert_eq!(
        set(TEXT, "meta.organisation", "yes"),
        TEXT.replace("某工会 # who", "\"yes\" # who")
    );
}

#[test]
fn a_value_set_in_a_block_scalar_keeps_the_next_key() {
    for header in [">", "|", "|+", "|-", "> # folded", "|2"] {
        let text = format!("t: {header}\n  x\n  y\nn: 1\n");
        assert_eq!(set(&text, "t", "z"), "t: \"z\"\nn: 1\n", "{header}");
        assert_eq!(
            set(&text, "t", "第一行\n第二行\n"),
            "t: |\n  第一行\n  第二行\nn: 1\n",
            "{header}"
        );
    }
    // The issue's repro, whole.
    assert_eq!(set("t: >\n  x\nn: 1", "t", "z"), "t: \"z\"\nn: 1");
    assert_eq!(
        set(
            "opening: |\n  去年\n  今年\nmeta:\n  year: 2020\n",
            "opening",
            "一行\n两行"
        ),
        "opening: |-\n  一行\n  两行\nmeta:\n  year: 2020\n"
    );
    // An item that is a block scalar.
    assert_eq!(
        set("points:\n  - |\n    一是\n  - 二是\n", "points.0", "改了"),
        "points:\n  - \"改了\"\n  - 二是\n"
    );
}

#[test]
fn an_empty_value_is_filled_after_its_key() {
    assert_eq!(
        set("signature:\ndate: 2020-12-20\n", "signature", "工会办"),
        "signature: 工会办\ndate: 2020-12-20\n"
    );
    assert_eq!(
        set(
            "signature: # who signs\ndate: 2020-12-20\n",
            "signature",
            "工会办"
        ),
        "signature: 工会办 # who signs\ndate: 2020-12-20\n"
    );
    assert_eq!(
        set("meta:\n  signature:", "meta.signature", "工会办"),
        "meta:\n  signature: 工会办"
    );
    assert_eq!(set("a:\n  -\n  - b\n", "a.0", "x"), "a:\n  - x\n  - b\n");
    // A figure typed into an empty value is a figure.
    assert_eq!(set("value:\n", "value", "118"), "value: 118\n");
}

#[test]
fn values_in_flow_collections_are_quoted_when_they_would_break_them() {
    let text = "counts:\n  members: { value: 118, unit: 人 }\ntags: [x, y]\n";
    for value in [
        "a, b", "a]", "a}", "a #b", "a: b", "{x", "[x", "&x", "*x", "!x", "|x", ">x", "'x", "\"x",
        "%x", "@x", "a,b", "a:b",
    ] {
        let done = set(text, "counts.members.unit", value);
        let quoted = scalar_text(value, Kind::Str, true, false);
        assert_eq!(
            done,
            text.replace("unit: 人", &format!("unit: {quoted}")),
            "{value}"
        );
        let done = set(text, "tags.1", value);
        assert_eq!(
            done,
            text.replace("[x, y]", &format!("[x, {quoted}]")),
            "{value}"
        );
    }
    assert_eq!(
        set(text, "counts.members.value", "120"),
        text.replace("118", "120")
    );
}

#[test]
fn items_are_removed_copied_and_moved_as_lines() {
    let p = path("counts.0");
    assert_eq!(
        run(TEXT, Edit::Remove { path: p.clone() }),
        TEXT.replace("  - name: a\n    value: 1\n", "")
    );
    assert_eq!(
        run(TEXT, Edit::Copy { path: p.clone() }),
        TEXT.replace(
            "  - name: a\n    value: 1\n",
            "  - name: a\n    value: 1\n  - name: a\n    value: 1\n"
        )
    );
    assert_eq!(
        run(TEXT, Edit::Move { path: p, up: false }),
        TEXT.replace(
            "  - name: a\n    value: 1\n  # b is new\n  - name: b\n    value: 2\n",
            "  - name: b\n    value: 2\n  # b is new\n  - name: a\n    value: 1\n"
        )
    );
    assert_eq!(
        run(
            TEXT,
            Edit::Copy {
                path: path("meta.year")
            }
        ),
        TEXT.replace("  year: 2020\n", "  year: 2020\n  year_2: 2020\n")
    );
    assert_eq!(
        run(
            TEXT,
            Edit::Rename {
                path: path("meta.year"),
                key: "period".into()
            }
        ),
        TEXT.replace("  year: 2020", "  period: 2020")
    );
    let taken = Edit::Rename {
        path: path("meta.year"),
        key: "organisation".into(),
    };
    assert_eq!(
        apply(TEXT, &taken).unwrap_err().0,
        "这里已经有 `organisation`"
    );
    // A flow list is written again.
    assert_eq!(
        run(
            TEXT,
            Edit::Remove {
                path: path("tags.0")
            }
        ),
        TEXT.replace("[x, y]", "[y]")
    );
    assert_eq!(
        run(
            TEXT,
            Edit::Copy {
                path: path("tags.0")
            }
        ),
        TEXT.replace("[x, y]", "[x, x, y]")
    );
    assert_eq!(
        run(
            TEXT,
            Edit::Move {
                path: path("tags.0"),
                up: false
            }
        ),
        TEXT.replace("[x, y]", "[y, x]")
    );
}

#[test]
fn block_scalar_items_and_the_last_line_and_line_ends() {
    let text = "points:\n  - |\n    一是\n    二是\n  - 三是\nnext: 1\n";
    assert_eq!(
        run(
            text,
            Edit::Remove {
                path: path("points.0")
            }
        ),
        "points:\n  - 三是\nnext: 1\n"
    );
    assert_eq!(
        run(
            text,
            Edit::Copy {
                path: path("points.0")
            }
        ),
        "points:\n  - |\n    一是\n    二是\n  - |\n    一是\n    二是\n  - 三是\nnext: 1\n"
    );
    assert_eq!(
        run(
            text,
            Edit::Move {
                path: path("points.0"),
                up: false
            }
        ),
        "points:\n  - 三是\n  - |\n    一是\n    二是\nnext: 1\n"
    );
    // The last item of a file without a final line break.
    let text = "a:\n  - x\n  - y";
    assert_eq!(
        run(text, Edit::Copy { path: path("a.1") }),
        "a:\n  - x\n  - y\n  - y"
    );
    assert_eq!(run(text, Edit::Remove { path: path("a.1") }), "a:\n  - x\n");
    assert_eq!(
        run(
            text,
            Edit::Move {
                path: path("a.1"),
                up: true
            }
        ),
        "a:\n  - y\n  - x"
    );
    assert_eq!(
        run(
            text,
            Edit::Move {
                path: path("a.0"),
                up: false
            }
        ),
        "a:\n  - y\n  - x"
    );
    // CRLF and CR-only files keep their line ends.
    for nl in ["\r\n", "\r"] {
        let text = "a:\n  - x\n  - |\n    y\n    z\nb: 1\n".replace('\n', nl);
        assert_eq!(
            run(&text, Edit::Remove { path: path("a.1") }),
            "a:\n  - x\nb: 1\n".replace('\n', nl)
        );
        assert_eq!(
            run(&text, Edit::Copy { path: path("a.0") }),
            "a:\n  - x\n  - x\n  - |\n    y\n    z\nb: 1\n".replace('\n', nl)
        );
        assert_eq!(
            run(
                &text,
                Edit::Move {
                    path: path("a.0"),
                    up: false
                }
            ),
            "a:\n  - |\n    y\n    z\n  - x\nb: 1\n".replace('\n', nl)
        );
        assert_eq!(
            set(&text, "a.1", "新"),
            "a:\n  - x\n  - \"新\"\nb: 1\n".replace('\n', nl)
        );
    }
}

#[test]
fn the_last_item_removed_leaves_an_empty_list_that_takes_new_ones() {
    let text = "problems:\n  - 一个问题\nplans: []\n";
    let empty = run(
        text,
        Edit::Remove {
            path: path("problems.0"),
        },
    );
    assert_eq!(empty, "problems: []\nplans: []\n");
    let added = run(
        &empty,
        Edit::Add {
            path: path("problems"),
            key: None,
            after: None,
            value: json!("新的问题"),
        },
    );
    assert_eq!(added, "problems:\n  - 新的问题\nplans: []\n");
    let typed = set(&added, "problems.0", "改过的问题");
    assert_eq!(typed, "problems:\n  - 改过的问题\nplans: []\n");
    // An empty value and a mapping's entries.
    assert_eq!(
        run(
            "meta:\n  year: 2020\nsummary:\n",
            Edit::Add {
                path: path("summary"),
                key: None,
                after: None,
                value: json!({"title": "一节", "points": ["一是"]}),
            }
        ),
        "meta:\n  year: 2020\nsummary:\n  - title: 一节\n    points:\n      - 一是\n"
    );
    assert_eq!(
        run(
            TEXT,
            Edit::Add {
                path: path("counts"),
                key: None,
                after: Some(0),
                value: json!({"name": "c", "value": 3}),
            }
        ),
        TEXT.replace(
            "    value: 1\n",
            "    value: 1\n  - name: c\n    value: 3\n"
        )
    );
    assert_eq!(
        run(
            TEXT,
            Edit::Add {
                path: path("meta"),
                key: Some("signature".into()),
                after: None,
                value: json!("工会办"),
            }
        ),
        TEXT.replace("  year: 2020\n", "  year: 2020\n  signature: 工会办\n")
    );
    assert_eq!(
        run(
            TEXT,
            Edit::Add {
                path: path("tags"),
                key: None,
                after: None,
                value: json!("z, w"),
            }
        ),
        TEXT.replace("[x, y]", "[x, y, \"z, w\"]")
    );
    // The last entry of a mapping.
    assert_eq!(
        run(
            "meta:\n  year: 2020\nb: 1\n",
            Edit::Remove {
                path: path("meta.year")
            }
        ),
        "meta: {}\nb: 1\n"
    );
}

#[test]
fn a_copied_plan_item_gets_a_fresh_id() {
    let text = "plans:\n  sections:\n    - id: care  # 关心职工\n      title: 关心职工\n      text: 走访。\n    - { id: care-2, title: 二 }\n";
    // The copy's id is the old one numbered, past the one already used.
    let copied = run(
        text,
        Edit::Copy {
            path: path("plans.sections.0"),
        },
    );
    assert_eq!(
        copied,
        "plans:\n  sections:\n    - id: care  # 关心职工\n      title: 关心职工\n      text: 走访。\n    - id: care-3  # 关心职工\n      title: 关心职工\n      text: 走访。\n    - { id: care-2, title: 二 }\n"
    );
    // Copied again, and a flow item: numbered on, in its own writing.
    assert_eq!(
        run(
            &copied,
            Edit::Copy {
                path: path("plans.sections.2"),
            },
        ),
        format!("{copied}    - {{ id: care-4, title: 二 }}\n")
    );
    // In a flow list.
    assert_eq!(
        run("s: [{id: a, t: x}]\n", Edit::Copy { path: path("s.0") }),
        "s: [{id: a, t: x}, {id: a-2, t: x}]\n"
    );
    // An item without an id is copied as it is.
    assert_eq!(
        run("s:\n  - title: 一\n", Edit::Copy { path: path("s.0") }),
        "s:\n  - title: 一\n  - title: 一\n"
    );
}

/// What the editor's "＋ 添加…" buttons send: a part of the shorthand, a
/// section, a plan's item after another, a table's column (one edit a row).
#[test]
fn the_pages_additions_write_whole_entries() {
    let text = "meta:\n  year: 2020\n\nsummary:\n  sections:\n    - title: 一节\n      points:\n        - 一是\n";
    let with_plans = run(
        text,
        Edit::Add {
            path: vec![],
            key: Some("plans".into()),
            after: None,
            value: json!({"sections": [{"id": "plan-1", "title": "", "text": ""}]}),
        },
    );
    assert_eq!(
        with_plans,
        format!(
            "{text}plans:\n  sections:\n    - id: plan-1\n      title: \"\"\n      text: \"\"\n"
        )
    );
    let with_section = run(
        text,
        Edit::Add {
            path: path("summary.sections"),
            key: None,
            after: None,
            value: json!({"title": "", "points": [""]}),
        },
    );
    assert_eq!(
        with_section,
        format!("{text}    - title: \"\"\n      points:\n        - \"\"\n")
    );
    let point = run(
        &with_section,
        Edit::Add {
            path: path("summary.sections.0.points"),
            key: None,
            after: Some(0),
            value: json!("慰问困难职工25户"),
        },
    );
    assert_eq!(
        point,
        with_section.replace(
            "        - 一是\n",
            "        - 一是\n        - 慰问困难职工25户\n"
        )
    );
    let table =
        "body:\n  - table:\n      header: [项目, 数量]\n      rows:\n        - [慰问, 25]\n";
    let mut columned = run(
        table,
        Edit::Add {
            path: path("body.0.table.header"),
            key: None,
            after: None,
            value: json!(""),
        },
    );
    columned = run(
        &columned,
        Edit::Add {
            path: path("body.0.table.rows.0"),
            key: None,
            after: None,
            value: json!(""),
        },
    );
    assert_eq!(
        columned,
        "body:\n  - table:\n      header: [项目, 数量, \"\"]\n      rows:\n        - [慰问, 25, \"\"]\n"
    );
}

#[test]
fn keys_are_quoted_when_they_must_be() {
    let text = "meta:\n  year: 2020\n  org: x\n";
    for (key, written) in [
        ("<<", "\"<<\""),
        ("x,y", "x,y"),
        ("a: b", "\"a: b\""),
        ("单位", "单位"),
        ("", "\"\""),
        ("true", "\"true\""),
        ("2020", "\"2020\""),
    ] {
        let done = run(
            text,
            Edit::Rename {
                path: path("meta.year"),
                key: key.into(),
            },
        );
        assert_eq!(
            done,
            text.replace("  year:", &format!("  {written}:")),
            "{key}"
        );
    }
    let flow = "m: {a: 1, b: 2}\n";
    assert_eq!(
        run(
            flow,
            Edit::Rename {
                path: path("m.a"),
                key: "x,y".into()
            }
        ),
        "m: {\"x,y\": 1, b: 2}\n"
    );
}

#[test]
fn the_first_entry_beside_a_dash() {
    let text = "counts:\n  - name: a\n    value: 1\n  - name: b\n";
    assert_eq!(
        run(
            text,
            Edit::Remove {
                path: path("counts.0.name")
            }
        ),
        "counts:\n  - value: 1\n  - name: b\n"
    );
    assert_eq!(
        run(
            text,
            Edit::Copy {
                path: path("counts.0.name")
            }
        ),
        "counts:\n  - name: a\n    name_2: a\n    value: 1\n  - name: b\n"
    );
    assert_eq!(
        run(
            text,
            Edit::Remove {
                path: path("counts.1.name")
            }
        ),
        "counts:\n  - name: a\n    value: 1\n  - {}\n"
    );
}

#[test]
fn a_place_names_its_innermost_node() {
    let nodes = nodes(TEXT).unwrap();
    let at = TEXT.find("value: 2").unwrap() + 7;
    assert_eq!(show_path(&path_at(&nodes, at).unwrap()), "counts[1].value");
    let at = TEXT.find("# b is new").unwrap();
    assert_eq!(show_path(&path_at(&nodes, at).unwrap()), "counts");
    assert_eq!(
        nodes.iter().map(|n| show_path(&n.path)).collect::<Vec<_>>(),
        [
            "",
            "meta",
            "meta.organisation",
            "meta.year",
            "counts",
            "counts[0]",
            "counts[0].name",
            "counts[0].value",
            "counts[1]",
            "counts[1].name",
            "counts[1].value",
            "tags",
            "tags[0]",
            "tags[1]"
        ]
    );
    let whole = tree(&nodes);
    assert_eq!(
        whole["children"][1]["node"]["children"][1]["node"]["path"],
        json!(["counts", 1])
    );
    // The whole tree of a small text, its fields in their order.
    assert_eq!(
        tree(&super::nodes("a: 1\nl: [x]\n").unwrap()).to_string(),
        concat!(
            r#"{"kind":"map","path":[],"flow":false,"children":["#,
            r#"{"key":"a","node":{"kind":"scalar","path":["a"],"value":"1"}},"#,
            r#"{"key":"l","node":{"kind":"list","path":["l"],"flow":true,"children":["#,
            r#"{"key":0,"node":{"kind":"scalar","path":["l",0],"value":"x"}}]}}]}"#
        )
    );
}

#[test]
fn an_edit_that_would_change_other_data_is_refused() {
    // A value under an alias's anchor changes what the alias reads; setting
    // it is fine, but nothing else may change.
    let text = "a: &x 1\nb: *x\n";
    assert_eq!(set(text, "a", "2"), "a: &x 2\nb: *x\n");
    let error = apply(
        "a: 1\n",
        &Edit::Set {
            path: path("b"),
            value: "2".into(),
        },
    )
    .unwrap_err();
    // In the document's language (a text without English is Chinese).
    assert_eq!(error.0, "b 处没有值");
    let error = apply(
        "lang: en
title: Annual report
",
        &Edit::Set {
            path: path("b"),
            value: "2".into(),
        },
    )
    .unwrap_err();
    assert_eq!(error.0, "no value at b");
}

mod counts;
mod property;
mod shown;

/// Every edit the form offers, on every node of the example inputs: made
/// (and so verified), never refused, never a panic.
#[test]
fn every_edit_on_the_example_inputs_is_made() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("inputs");
    let mut files = vec![root.join("2020.yaml"), root.join("township-2021.yaml")];
    files.extend(
        std::fs::read_dir(root.join("2021"))
            .unwrap()
            .flatten()
            .map(|e| e.path()),
    );
    let mut made = 0;
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let nodes = nodes(&text).unwrap();
        for node in nodes.iter().skip(1) {
            let path = node.path.clone();
            let mut edits = vec![
                Edit::Remove { path: path.clone() },
                Edit::Copy { path: path.clone() },
            ];
            if !node.collection {
                edits.push(Edit::Set {
                    path: path.clone(),
                    value: "新的一条：{x}, 第二行\n第三行".into(),
                });
            }
            if matches!(path.last(), Some(Key::Index(_))) {
                edits.push(Edit::Move {
                    path: path.clone(),
                    up: true,
                });
            }
            if node.key_span.is_some() {
                edits.push(Edit::Rename {
                    path: path.clone(),
                    key: "新名".into(),
                });
            }
            if node.collection && !node.mapping {
                edits.push(Edit::Add {
                    path: path.clone(),
                    key: None,
                    after: None,
                    value: json!("新"),
                });
            }
            for edit in edits {
                apply(&text, &edit)
                    .unwrap_or_else(|e| panic!("{edit:?} in {}: {}", file.display(), e.0));
                made += 1;
            }
        }
    }
    assert!(made > 1000, "{made}");
}

/// A draft that is not YAML is refused with what `check` says of it, at its
/// line and column, the slip named.
#[test]
fn an_edit_of_text_that_is_not_yaml_says_where_and_why() {
    let error = apply(
        "meta:\n  organisation：某工会\n  year: 2020\n",
        &Edit::Set {
            path: path("meta.year"),
            value: "2021".into(),
        },
    )
    .unwrap_err();
    assert_eq!(
        error.0,
        "YAML 第 2 行第 15 列有错误：键 `organisation` 后面是全角冒号“：”；把全角冒号“：”改成半角冒号“:”并加空格：`organisation: 某工会`"
    );
}

fn made(text: &str, edit: Edit) -> (String, Option<String>) {
    let applied =
        apply_with(text, &edit, &[]).unwrap_or_else(|e| panic!("{edit:?} in {text:?}: {}", e.0));
    (applied.yaml, applied.name)
}

fn make_count(at: &str, start: usize, end: usize) -> Edit {
    Edit::MakeCount {
        path: path(at),
        start: Some(start),
        end: Some(end),
        figure: None,
        name: None,
        label: None,
    }
}

#[test]
fn a_figure_made_a_count_is_quoted_only_where_its_reference_needs_it() {
    // At the start of a plain text, `{` would open a mapping: the text is quoted.
    let text = "counts: {}\npoints:\n  - 25户困难职工得到慰问 # 注\n  - [x]\n";
    let (new, name) = made(text, make_count("points.0", 0, 3));
    assert_eq!(name.as_deref(), Some("困难职工得到慰问"));
    assert_eq!(
        new,
        "counts:\n  困难职工得到慰问:\n    value: 25\n    unit: 户\n    label: 困难职工得到慰问\n\
         points:\n  - \"{困难职工得到慰问}困难职工得到慰问\" # 注\n  - [x]\n"
    );
    // In a flow list a plain text cannot hold a brace either.
    let text = "points: [慰问职工25户, 其他]\ncounts:\n  a: { value: 1, unit: 人 }\n";
    let (new, _) = made(text, make_count("points.0", 4, 7));
    assert_eq!(
        new,
        "points: [\"慰问职工{慰问职工}\", 其他]\ncounts:\n  a: { value: 1, unit: 人 }\n  \
         慰问职工: { value: 25, unit: 户, label: 慰问职工 }\n"
    );
    // In a folded block, with \r\n, the figure is replaced where it stands.
    let text =
        "meta:\r\n  year: 2020\r\nopening: >-\r\n  全年慰问困难职工\r\n  25户。\r\nsummary: []\r\n";
    let (new, _) = made(text, make_count("opening", 9, 12));
    assert_eq!(
        new,
        "meta:\r\n  year: 2020\r\nopening: >-\r\n  全年慰问困难职工\r\n  {全年慰问困难职工}。\r\n\
         counts:\r\n  全年慰问困难职工:\r\n    value: 25\r\n    unit: 户\r\n    label: 全年慰问困难职工\r\n\
         summary: []\r\n"
    );
}

#[test]
fn a_count_renamed_keeps_every_other_byte() {
    let text = "counts:\n  a: # 走访\n    value: 3\n    unit: 户\n  b: { value: 9, unit: 户, part_of: a }\n\
                points:\n  - \"走访{a}，其中{b}；{{a}}不是引用\"\n  - '｛a：cn｝'\n  - |\n    共{a:num}户\n\
                activities:\n  - figures:\n      a: 3 # 一次\n";
    let (new, _) = made(
        text,
        Edit::RenameCount {
            from: "a".into(),
            to: "走访户".into(),
        },
    );
    assert_eq!(
        new,
        "counts:\n  走访户: # 走访\n    value: 3\n    unit: 户\n  b: { value: 9, unit: 户, part_of: 走访户 }\n\
         points:\n  - \"走访{走访户}，其中{b}；{{a}}不是引用\"\n  - '｛走访户：cn｝'\n  - |\n    共{走访户:num}户\n\
         activities:\n  - figures:\n      走访户: 3 # 一次\n"
    );
}

#[test]
fn a_made_name_is_none_the_text_references_already() {
    // `{慰问职工}` names no count (E0101): a count made so would change it.
    let text = "counts:\n  a: { value: 1, unit: 人 }\npoints:\n  - 慰问职工25户，{慰问职工}。\n";
    let (new, name) = made(text, make_count("points.0", 4, 7));
    assert_eq!(name.as_deref(), Some("慰问职工_2"));
    assert_eq!(
        new,
        "counts:\n  a: { value: 1, unit: 人 }\n  慰问职工_2: { value: 25, unit: 户, label: 慰问职工 }\n\
         points:\n  - 慰问职工{慰问职工_2}，{慰问职工}。\n"
    );
}

#[test]
fn an_item_added_to_one_value_makes_a_list_of_both_on_its_line() {
    let add = |text: &str, at: &str| {
        run(
            text,
            Edit::Add {
                path: path(at),
                key: None,
                after: None,
                value: Value::String("某某县财政局".into()),
            },
        )
    };
    assert_eq!(
        add(
            "document:\n  issuer: 某某县统计局文件  # 标志\n  number: 1\n",
            "document.issuer"
        ),
        "document:\n  issuer: [某某县统计局文件, 某某县财政局]  # 标志\n  number: 1\n"
    );
    // Quoted as written; a plain text a flow list would split, quoted.
    assert_eq!(
        add("issuer: '甲: 乙'\n", "issuer"),
        "issuer: ['甲: 乙', 某某县财政局]\n"
    );
    assert_eq!(
        add("issuer: 甲,乙\n", "issuer"),
        "issuer: [\"甲,乙\", 某某县财政局]\n"
    );
    assert_eq!(
        add("cc: 某某市教育局\n", "cc"),
        "cc: [某某市教育局, 某某县财政局]\n"
    );
}
