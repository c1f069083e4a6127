//! Many inputs at once: made in parallel, each written when ready; with
//! --keep-going the good ones are written and the broken ones named.

use crate::common::*;

/// `n` inputs of different organisations, and one broken input.
fn inputs(dir: &tempfile::TempDir, n: usize) -> Vec<String> {
    let seed = read(&repo().join("inputs/2020.yaml"));
    let mut paths: Vec<String> = (1..=n)
        .map(|i| {
            let text = seed.replace("广东邮电职业技术学院学院工会", &format!("第{i}基层工会"));
            write_input(dir, &format!("u{i}.yaml"), &text)
                .to_str()
                .unwrap()
                .to_string()
        })
        .collect();
    paths.push(
        write_input(dir, "broken.yaml", "meta: [\n")
            .to_str()
            .unwrap()
            .to_string(),
    );
    paths
}

fn outputs(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn one_broken_input_stops_the_batch_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let paths = inputs(&dir, 3);
    let out = dir.path().join("out");
    let mut args = vec!["build", "-o", out.to_str().unwrap(), "--format", "md"];
    args.extend(paths.iter().map(String::as_str));
    let result = nianbao(&args);
    assert_eq!(code(&result), 1, "{}", stderr(&result));
    assert!(outputs(&out).is_empty(), "{:?}", outputs(&out));
}

#[test]
fn keep_going_writes_the_good_ones_and_names_the_broken_one() {
    let dir = tempfile::tempdir().unwrap();
    let paths = inputs(&dir, 3);
    let out = dir.path().join("out");
    let mut args = vec![
        "build",
        "-o",
        out.to_str().unwrap(),
        "--format",
        "md,pdf",
        "--keep-going",
        "--jobs",
        "2",
        "--no-system-fonts",
    ];
    args.extend(paths.iter().map(String::as_str));
    let result = nianbao(&args);
    let err = stderr(&result);
    assert_eq!(code(&result), 1, "{err}");
    assert_eq!(
        outputs(&out),
        ["u1.md", "u1.pdf", "u2.md", "u2.pdf", "u3.md", "u3.pdf"]
    );
    let broken = dir.path().join("broken.yaml");
    assert!(
        err.contains(&format!("未生成（4 个中的 1 个）：{}\n", broken.display())),
        "{err}"
    );
    // Each document is its own input's, whatever thread made it.
    for i in 1..=3 {
        let md = read(&out.join(format!("u{i}.md")));
        assert!(
            md.starts_with(&format!("# 第{i}基层工会<br>2020年工作总结")),
            "{md}"
        );
    }
    // Not a terminal: no progress bar drawn.
    assert!(!err.contains('\r') && !err.contains("\u{1b}["), "{err:?}");
}

/// The five grassroots inputs of `inputs/federation/`.
fn federation() -> Vec<String> {
    let dir = repo().join("inputs/federation");
    let mut paths: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path().to_str().unwrap().to_string())
        .collect();
    paths.sort();
    paths
}

#[test]
fn a_rollup_adds_up_the_unions_and_builds_into_the_federations_summary() {
    let dir = tempfile::tempdir().unwrap();
    let yaml = dir.path().join("federation.yaml");
    let mut args = vec![
        "rollup",
        "-o",
        yaml.to_str().unwrap(),
        "--organisation",
        "某区教育工会",
    ];
    let inputs = federation();
    args.extend(inputs.iter().map(String::as_str));
    let out = nianbao(&args);
    let err = stderr(&out);
    assert_eq!(code(&out), 0, "{err}");
    assert!(
        err.contains("注意：统计数字“工会干部培训”在 5 个输入中有 1 个没有：育才幼儿园工会\n"),
        "{err}"
    );
    let text = read(&yaml);
    // 412 + 356 + 298 + 87 + 503 = 1656; the kindergarten has no trainings.
    assert!(
        text.contains("  birthday_visits: {value: 1656, unit: 人, label: 生日慰问, from: [第一中学工会, 第二中学工会, 实验小学工会, 育才幼儿园工会, 职业技术学校工会]}\n"),
        "{text}"
    );
    assert!(
        text.contains("  trainings: {value: 14, unit: 期, label: 工会干部培训, from: [第一中学工会, 第二中学工会, 实验小学工会, 职业技术学校工会]}\n"),
        "{text}"
    );
    // The federation's input checks and builds, with the per-union table.
    let out = nianbao(&["check", yaml.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = build(&yaml, dir.path(), &["--format", "md"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let md = read(&dir.path().join("federation.md"));
    assert!(md.starts_with("# 某区教育工会2021年工作总结\n"), "{md}");
    assert!(md.contains("\n全年各基层工会共生日慰问1656人。\n"), "{md}");
    // Nine counts, five unions: a row per count, a column per union, the total
    // (a reference to the count) last.
    for row in [
        "| 项目 | 第一中学工会 | 第二中学工会 | 实验小学工会 | 育才幼儿园工会 | 职业技术学校工会 | 合计 |\n",
        "| 生日慰问 | 412人 | 356人 | 298人 | 87人 | 503人 | 1656人 |\n",
        "| 工会干部培训 | 3期 | 2期 | 4期 | — | 5期 | 14期 |\n",
    ] {
        assert!(md.contains(row), "{row} not in\n{md}");
    }
}

#[test]
fn a_rollup_as_csv_is_the_table_for_a_spreadsheet() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("unions.csv");
    let mut args = vec!["rollup", "-o", csv.to_str().unwrap(), "--format", "csv"];
    let inputs = federation();
    args.extend(inputs.iter().map(String::as_str));
    let out = nianbao(&args);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        read(&csv),
        "单位,生日慰问（人）,新入会会员（人）,走访慰问困难教职工（户）,工会干部培训（期）,参赛教职工（人）,展出书画作品（件）,评出最美教师（名）,亲子运动会参加家庭（户）,技能比武参赛教职工（人）\r\n\
         第一中学工会,412,23,6,3,96,,,,\r\n\
         第二中学工会,356,18,4,2,,64,,,\r\n\
         实验小学工会,298,31,9,4,,,10,,\r\n\
         育才幼儿园工会,87,6,2,,,,,120,\r\n\
         职业技术学校工会,503,40,11,5,,,,,138\r\n\
         合计,1656,118,32,14,96,64,10,120,138\r\n"
    );
}

#[test]
fn a_count_with_two_units_is_an_error_at_both_places_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let first = read(&repo().join("inputs/federation/1-一中.yaml"));
    let second = read(&repo().join("inputs/federation/2-二中.yaml")).replace(
        "unit: 户, label: 走访慰问困难教职工",
        "unit: 人, label: 走访慰问困难教职工",
    );
    let a = write_input(&dir, "a.yaml", &first);
    let b = write_input(&dir, "b.yaml", &second);
    let yaml = dir.path().join("out.yaml");
    let out = nianbao(&[
        "rollup",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "-o",
        yaml.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out)
        .replace(a.to_str().unwrap(), "a.yaml")
        .replace(b.to_str().unwrap(), "b.yaml");
    assert_eq!(
        err,
        "error[E0903]: 数字“走访慰问困难教职工”的单位是“人”，而 `a.yaml` 中是“户”\n  --> b.yaml:13:3\n   |\n13 |   hardship_visits: { value: 4, unit: 人, label: 走访慰问困难教职工 }\n   |   ^^^^^^^^^^^^^^^\n   |\n  ::: a.yaml:13:3\n   |\n13 |   hardship_visits: { value: 6, unit: 户, label: 走访慰问困难教职工 }\n   |   --------------- 第一次出现在这里\n   |\n   = help: 同名的数字会被加总：统一单位和含义，或改用不同的名称\n2 个文件：1 个错误，0 个警告\n"
    );
    assert!(!yaml.exists());
}

/// `a/x.yaml` and `b/x.yaml` would both write `x.md`: refused before anything
/// is read or written, both inputs named, in the inputs' language (Chinese
/// here) or in `--lang`'s.
#[test]
fn two_inputs_of_one_name_are_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let seed = read(&repo().join("inputs/2020.yaml"));
    for (folder, organisation) in [("a", "甲工会"), ("b", "乙工会")] {
        std::fs::create_dir(dir.path().join(folder)).unwrap();
        let text = seed.replace("广东邮电职业技术学院学院工会", organisation);
        std::fs::write(dir.path().join(folder).join("x.yaml"), text).unwrap();
    }
    let (a, b) = (dir.path().join("a/x.yaml"), dir.path().join("b/x.yaml"));
    let other = write_input(&dir, "y.yaml", &seed);
    let out = dir.path().join("out");
    let run = |extra: &[&str]| {
        let mut args = vec!["build", "-o", out.to_str().unwrap(), "--format", "md,docx"];
        args.extend_from_slice(extra);
        args.extend([
            a.to_str().unwrap(),
            other.to_str().unwrap(),
            b.to_str().unwrap(),
        ]);
        nianbao(&args)
    };
    let (md, docx) = (out.join("x.md"), out.join("x.docx"));
    let result = run(&[]);
    assert_eq!(code(&result), 2, "{}", stderr(&result));
    assert_eq!(
        stderr(&result),
        format!(
            "错误：`{}` 和 `{}` 都会写出 `{}` 和 `{}`，未写出任何文件\n  = help: 给其中的输入改名，或用 -o 把它们分别生成到不同的文件夹\n",
            a.display(),
            b.display(),
            md.display(),
            docx.display()
        )
    );
    assert!(!out.exists());
    let result = run(&["--lang", "en", "--keep-going"]);
    assert_eq!(code(&result), 2, "{}", stderr(&result));
    assert_eq!(
        stderr(&result),
        format!(
            "error: `{}` and `{}` would both write `{}` and `{}`; nothing was written\n  = help: rename the inputs apart, or build them into different folders with -o\n",
            a.display(),
            b.display(),
            md.display(),
            docx.display()
        )
    );
    assert!(!out.exists());
}

/// With --keep-going, inputs that cannot be read at all (a link to itself, a
/// folder without YAML) are reported and the others are still built.
#[cfg(unix)]
#[test]
fn keep_going_goes_past_an_input_that_cannot_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let good = write_input(&dir, "good.yaml", MINIMAL);
    let looped = dir.path().join("loop.yaml");
    std::os::unix::fs::symlink(&looped, &looped).unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let out = dir.path().join("out");
    let result = nianbao(&[
        "build",
        "-o",
        out.to_str().unwrap(),
        "--format",
        "md",
        "--keep-going",
        looped.to_str().unwrap(),
        good.to_str().unwrap(),
        empty.to_str().unwrap(),
    ]);
    let err = stderr(&result);
    assert_eq!(code(&result), 2, "{err}");
    assert_eq!(outputs(&out), ["good.md"]);
    assert_eq!(
        err,
        format!(
            "error: cannot read `{looped}`: Too many levels of symbolic links (os error 40)\n\
             error: the folder `{empty}` holds no .yaml file\n\
             已写出 {md}\n\
             未生成（3 个中的 2 个）：{looped}、{empty}\n",
            looped = looped.display(),
            empty = empty.display(),
            md = out.join("good.md").display(),
        )
    );
}

/// MINIMAL as the input of `organisation`, with `counts` for its counts and
/// each of them referenced in a point.
fn union_input(dir: &tempfile::TempDir, file: &str, organisation: &str, counts: &str) -> String {
    let names: Vec<&str> = counts
        .lines()
        .filter_map(|l| l.trim().split_once(':').map(|(name, _)| name))
        .collect();
    let points: String = names.iter().map(|n| format!("{{{n}}}")).collect();
    let text = MINIMAL
        .replace("某某工会", organisation)
        .replace("  visits: { value: 411, unit: 人 }\n", counts)
        .replace("生日慰问{visits}。", &format!("数据{points}。"));
    write_input(dir, file, &text).to_str().unwrap().to_string()
}

/// Decimal figures add up as they are written: 0.1 + 0.2 is written 0.3, not
/// 0.30000000000000004, and the federation's input checks.
#[test]
fn a_rollup_adds_decimals_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let a = union_input(
        &dir,
        "a.yaml",
        "甲工会",
        "  funds: { value: 0.1, unit: 万元 }\n  area: { value: 1.1, unit: 平方米 }\n",
    );
    let b = union_input(
        &dir,
        "b.yaml",
        "乙工会",
        "  funds: { value: 0.2, unit: 万元 }\n  area: { value: 0.1, unit: 平方米 }\n",
    );
    let yaml = dir.path().join("federation.yaml");
    let out = nianbao(&["rollup", "-o", yaml.to_str().unwrap(), &a, &b]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = read(&yaml);
    let counts: Vec<&str> = text
        .lines()
        .skip_while(|l| *l != "counts:")
        .take(3)
        .collect();
    assert_eq!(
        counts,
        [
            "counts:",
            "  funds: {value: 0.3, unit: 万元, from: [甲工会, 乙工会]}",
            "  area: {value: 1.2, unit: 平方米, from: [甲工会, 乙工会]}",
        ],
        "{text}"
    );
    let out = nianbao(&["check", yaml.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
}

/// A total that `check` would refuse (10¹⁵ or more) is an error naming the
/// unions whose figures make it, and nothing is written.
#[test]
fn a_rollup_total_above_the_figure_limit_is_an_error_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let a = union_input(
        &dir,
        "a.yaml",
        "甲工会",
        "  funds: { value: 600000000000000, unit: 元 }\n",
    );
    let b = union_input(
        &dir,
        "b.yaml",
        "乙工会",
        "  funds: { value: 400000000000000, unit: 元 }\n",
    );
    let yaml = dir.path().join("federation.yaml");
    let out = nianbao(&["rollup", "-o", yaml.to_str().unwrap(), &a, &b]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let err = stderr(&out).replace(&a, "a.yaml").replace(&b, "b.yaml");
    assert_eq!(
        err,
        "error[E0608]: 数字“funds”加总为 1000000000000000，不小于 10¹⁵：甲工会（600000000000000）、乙工会（400000000000000）\n --> a.yaml:7:3\n  |\n7 |   funds: { value: 600000000000000, unit: 元 }\n  |   ^^^^^\n  |\n ::: b.yaml:7:3\n  |\n7 |   funds: { value: 400000000000000, unit: 元 }\n  |   ----- 乙工会\n  |\n  = help: 汇总不写出文档不能印的合计：核对这些数字；金额可换用万元、亿元等单位\n2 个文件：1 个错误，0 个警告\n"
    );
    assert!(!yaml.exists());
}
