//! One small bad input per diagnostic kind: the code, the message and the place.

use crate::common::*;

/// The minimal valid input of `common`; each test breaks one thing in it.
const VALID: &str = MINIMAL;

/// Runs `check` on `text` and returns (exit code, stderr with the temp path as [FILE]).
fn check(text: &str) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = write_input(&dir, "report.yaml", text);
    let out = nianbao(&["check", path.to_str().unwrap(), "--lang", "en"]);
    let err = stderr(&out).replace(path.to_str().unwrap(), "[FILE]");
    (code(&out), err)
}

#[test]
fn valid_input_is_clean() {
    let (code, err) = check(VALID);
    assert_eq!(code, 0, "{err}");
    assert_eq!(err, "");
}

#[test]
fn yaml_syntax_error() {
    let (code, err) = check(&VALID.replace("  signature: 工会办", "  signature: \"工会办"));
    assert_eq!(code, 1, "{err}");
    insta::assert_snapshot!(err);
}

#[test]
fn type_error_names_the_value() {
    let (code, err) = check(&VALID.replace("year: 2020", "year: 二〇二〇"));
    assert_eq!(code, 1, "{err}");
    insta::assert_snapshot!(err);
}

#[test]
fn missing_field() {
    let (code, err) = check(&VALID.replace("  organisation: 某某工会\n", ""));
    assert_eq!(code, 1, "{err}");
    insta::assert_snapshot!(err);
}

#[test]
fn unknown_field_with_suggestion() {
    let (code, err) = check(&VALID.replace("  signature:", "  signatur:"));
    assert_eq!(code, 1, "{err}");
    insta::assert_snapshot!(err);
}

#[test]
fn unknown_top_level_field_lists_the_allowed_ones() {
    let (code, err) = check(&format!("{VALID}zzz_unknown_field: 1\n"));
    assert_eq!(code, 1, "{err}");
    insta::assert_snapshot!(err);
}

#[test]
fn duplicate_key() {
    let (code, err) = check(&VALID.replace("  year: 2020\n", "  year: 2020\n  year: 2021\n"));
    assert_eq!(code, 1, "{err}");
    insta::assert_snapshot!(err);
}

#[test]
fn undefined_count_is_an_error_at_the_reference() {
    let (code, err) =
        check(&VALID.replace("生日慰问{visits}。", "生日慰问{visits}，走访{vists2}。"));
    assert_eq!(code, 1, "{err}");
    insta::assert_snapshot!(err);
}

#[test]
fn unknown_format() {
    let (code, err) = check(&VALID.replace("{visits}", "{visits:roman}"));
    assert_eq!(code, 1, "{err}");
    insta::assert_snapshot!(err);
}

#[test]
fn unused_count_is_a_warning_at_its_name() {
    let (code, err) = check(&VALID.replace(
        "  visits: { value: 411, unit: 人 }\n",
        "  visits: { value: 411, unit: 人 }\n  gifts: { value: 1000, unit: 份 }\n",
    ));
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!(err);
}

#[test]
fn count_without_value() {
    let (code, err) = check(&VALID.replace("{ value: 411, unit: 人 }", "{ unit: 人 }"));
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!(err);
}

#[test]
fn placeholders_are_warnings_with_their_place() {
    let (code, err) = check(&VALID.replace("继续开展慰问。", "继续开展慰问XX次，待补充。"));
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!(err);
}

#[test]
fn plan_year_must_follow_the_report_year() {
    let (code, err) = check(&VALID.replace("  year: 2021", "  year: 2022"));
    assert_eq!(code, 1, "{err}");
    insta::assert_snapshot!(err);
}

#[test]
fn date_must_be_real() {
    let (code, err) = check(&VALID.replace("2020-12-08", "2020-02-30"));
    assert_eq!(code, 1, "{err}");
    insta::assert_snapshot!(err);
}

#[test]
fn date_must_be_in_or_shortly_after_the_period() {
    let (code, err) = check(&VALID.replace("2020-12-08", "2021-06-01"));
    assert_eq!(code, 1, "{err}");
    insta::assert_snapshot!(err);
}

#[test]
fn missing_input_is_an_io_failure() {
    let out = nianbao(&["check", "does/not/exist.yaml"]);
    assert_eq!(code(&out), 2);
    assert_eq!(
        stderr(&out),
        "error: cannot read `does/not/exist.yaml`: no such file or folder\n"
    );
}

/// Where no document tells the language, what is said is in the user's:
/// Chinese for a Chinese locale, and when no locale is set at all.
#[test]
fn a_file_that_cannot_be_read_is_said_in_the_users_language() {
    for lang in ["zh_CN.UTF-8", ""] {
        let out = nianbao_for(lang, &["check", "does/not/exist.yaml"]);
        assert_eq!(code(&out), 2);
        assert_eq!(
            stderr(&out),
            "错误：无法读取 `does/not/exist.yaml`：没有这个文件或文件夹\n"
        );
    }
}

#[test]
fn deny_warnings_turns_warnings_into_errors() {
    let dir = tempfile::tempdir().unwrap();
    let text = VALID.replace("继续开展慰问。", "继续开展慰问TODO。");
    let path = write_input(&dir, "report.yaml", &text);
    let out = nianbao(&["check", path.to_str().unwrap(), "--deny", "warnings"]);
    let err = stderr(&out);
    assert_eq!(code(&out), 1, "{err}");
    assert!(
        err.contains("error[W0103]: 计划第1项正文留有占位文字“TODO”"),
        "{err}"
    );
    let out = build(&path, dir.path(), &["--format", "md", "--deny", "warnings"]);
    assert_eq!(code(&out), 1);
    assert!(!dir.path().join("report.md").exists());
}

#[test]
fn json_diagnostics_carry_place_code_and_hint() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_input(&dir, "report.yaml", &VALID.replace("{visits}", "{vists}"));
    let out = nianbao(&[
        "check",
        path.to_str().unwrap(),
        "--format",
        "json",
        "--lang",
        "en",
    ]);
    assert_eq!(code(&out), 1);
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let first = &doc["diagnostics"][0];
    assert_eq!(first["code"], "E0101");
    assert_eq!(first["rule"], "undefined-count");
    assert_eq!(first["severity"], "error");
    assert_eq!(
        (first["line"].clone(), first["column"].clone()),
        (12.into(), 15.into())
    );
    assert_eq!(
        (first["end_line"].clone(), first["end_column"].clone()),
        (12.into(), 22.into())
    );
    assert_eq!(first["hint"], "did you mean `{visits}`?");
    assert_eq!(first["file"], path.to_str().unwrap());
    assert_eq!(doc["errors"], 1);
    // The whole document, with its labels.
    let json = String::from_utf8(out.stdout).unwrap();
    insta::assert_snapshot!(json.replace(path.to_str().unwrap(), "[FILE]"));
}

/// Thousands of places on one long line: each is shown from a window of the
/// line, with its real line and column.
#[test]
fn a_place_far_into_a_long_line_keeps_its_column() {
    let (code, err) = check(&VALID.replace(
        "生日慰问{visits}。",
        &format!("生日慰问{{visits}}{}。", "中,文".repeat(2000)),
    ));
    assert_eq!(code, 0, "{err}");
    assert_eq!(err.matches("warning[W0502]").count(), 2000);
    let lines: Vec<&str> = err.lines().collect();
    // The last diagnostic: 2 000 × "中,文" after 22 characters puts its comma at 6021.
    insta::assert_snapshot!(lines[lines.len() - 8..].join("\n"));
}

/// A run longer than a line (a URL and 400 letters) is a warning at the whole
/// run, quoting its start and counting its characters, in either language;
/// 36 characters without a space are not.
#[test]
fn a_run_longer_than_a_line_is_a_warning_at_its_place() {
    let url = format!("https://example.org/{}", "a".repeat(400));
    let text = VALID.replace(
        "        - 生日慰问{visits}。\n",
        &format!(
            "        - 生日慰问{{visits}}。\n        - 见{url}。\n        - 又见{}。\n",
            "b".repeat(36)
        ),
    );
    let (code, err) = check(&text);
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        err,
        "warning[W0509]: summary section 1, point 2 has 420 characters without a space (“https://example.org/…”), more than a line holds; the document breaks them where the line ends\n  \
         --> [FILE]:13:12\n   \
         |\n\
         13 | ... 见https://example.org/aaaaaaaaaaaa...aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa。\n   \
         |       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^...^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n   \
         |\n   \
         = help: add a space where it may break, or shorten it (up to 36 characters stay whole)\n\
         1 file: 0 errors, 1 warning\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = write_input(&dir, "report.yaml", &text);
    let out = nianbao(&["check", path.to_str().unwrap()]);
    assert!(
        stderr(&out).starts_with(
            "warning[W0509]: 总结第1节第2条中“https://example.org/…”连续420个字符没有空格，一行排不下，排版时在行末断开\n"
        ),
        "{}",
        stderr(&out)
    );
}

/// `nianbao explain CODE`: the code's page from the catalogue, Chinese then
/// English without `--lang`; an unknown code is a usage error with the closest.
#[test]
fn explain_prints_the_page_in_both_languages() {
    let out = nianbao(&["explain", "E0608"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let page = String::from_utf8(out.stdout).unwrap();
    let want = r#"E0608 invalid-figure（默认级别：错误）

数字的值，或活动记录中它的数值，不是小于 10¹⁵ 的有限数；或以人、个、项等计数的单位，值为负数或不是整数

示例（检查这个输入，报出 E0608）：
    meta: { organisation: 某某工会, year: 2020, date: 2020-12-08 }
    counts:
      visits: { value: -3, unit: 人 }       # 人数：不小于 0 的整数
    summary:
      sections:
        - title: 关心关爱员工
          points:
            - 生日慰问{visits}。

改正：写实际的数值：人数、项数等是不小于 0 的整数；增减另写一个数字并标上 `signed: true`；大额金额用万元、亿元计。

规则名 `invalid-figure`：可在输入的 `settings: rules:` 中设为 deny，但不能 allow（它会造成错误的文档）。

E0608 invalid-figure (default level: error)

a count's value, or an activity's figure for it, that is not a finite number below 10¹⁵, or, for a unit that counts things (人, 个, 项 …), negative or not whole

Example (this input, checked, shows E0608):
    meta: { organisation: 某某工会, year: 2020, date: 2020-12-08 }
    counts:
      visits: { value: -3, unit: 人 }       # people: a whole number, at least 0
    summary:
      sections:
        - title: 关心关爱员工
          points:
            - 生日慰问{visits}。

Fix: Write the real figure: a number of people or things is whole and at least 0; write a change as a count of its own marked `signed: true`; count large sums of money in 万元 or 亿元.

Rule name `invalid-figure`: an input's `settings: rules:` can deny it but not allow it (it would make a wrong document).
"#;
    assert_eq!(page, want, "{}", first_difference(&page, want));
    // One language, the code found by its rule name.
    let out = nianbao(&["explain", "invalid-figure", "--lang", "en"]);
    let english = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        english,
        want[want.find("E0608 invalid-figure (").unwrap()..]
    );
    let out = nianbao(&["explain", "W0l03", "--lang", "zh"]);
    assert_eq!(code(&out), 2);
    assert_eq!(
        stderr(&out),
        "错误：没有诊断代码或规则名 `W0l03`\n  = help: 是否指 `W0103`？\n"
    );
}

/// Where no document and no --lang say which language, nianbao speaks the
/// user's: Chinese for a Chinese locale (and when none is set), English for
/// any other.
#[test]
fn without_a_document_the_users_locale_decides_the_language() {
    let said = |lang: Option<&str>| {
        let mut command = crate::common::command();
        command.args(["build", "inputs/2020.yaml", "--templates", "no-such-folder"]);
        match lang {
            Some(lang) => command.env("LANG", lang),
            None => command.env_remove("LANG"),
        };
        let out = command.output().unwrap();
        assert_eq!(code(&out), 2);
        stderr(&out)
    };
    let chinese = "错误：模板文件夹 `no-such-folder` 不存在\n";
    assert_eq!(said(Some("zh_CN.UTF-8")), chinese);
    assert_eq!(said(None), chinese);
    assert_eq!(
        said(Some("en_GB.UTF-8")),
        "error: the templates folder `no-such-folder` does not exist\n"
    );
    assert_eq!(
        said(Some("C.UTF-8")),
        "error: the templates folder `no-such-folder` does not exist\n"
    );
}

/// The help speaks the user's language, or --lang's.
#[test]
fn the_help_is_chinese_for_a_chinese_locale() {
    let help = |lang: &str, extra: &[&str]| {
        let out = crate::common::command()
            .env("LANG", lang)
            .args(["build", "--help"])
            .args(extra)
            .output()
            .unwrap();
        assert_eq!(code(&out), 0);
        String::from_utf8(out.stdout).unwrap()
    };
    let zh = help("zh_CN.UTF-8", &[]);
    assert!(
        zh.starts_with(
            "检查输入，把文档写到输出文件夹\n\n用法：nianbao build [选项] <输入>...\n\n\
             参数：\n  <输入>...\n          输入的 YAML 文件\n\n\
             选项：\n  -o, --output <文件夹>\n          文档写到哪个文件夹\n          \n          [默认：output]\n\n\
             \x20     --kind <文种>\n          哪一份文档：总结、问题和计划（同范文），只要总结，或只要计划\n          \n\
             \x20         可选的值：\n\
             \x20         - combined： 总结、问题和计划，同范文\n\
             \x20         - summary：  只要总结和问题\n\
             \x20         - plan：     单独的下一期计划\n          \n\
             \x20         [默认：combined]\n"
        ),
        "{zh}"
    );
    // clap's own words are gone: none of its English is left.
    for english in [
        "Usage",
        "OPTIONS",
        "Possible values",
        "default:",
        "possible values",
        "Arguments",
        "Options",
        "Print help",
    ] {
        assert!(!zh.contains(english), "{english} in\n{zh}");
    }
    let short = crate::common::command()
        .env("LANG", "zh_CN.UTF-8")
        .args(["build", "-h"])
        .output()
        .unwrap();
    let short = String::from_utf8(short.stdout).unwrap();
    assert!(
        short.contains(
            "      --kind <文种>        哪一份文档：总结、问题和计划（同范文），只要总结，或只要计划 [可选：combined、summary、plan] [默认：combined]\n"
        ),
        "{short}"
    );
    assert!(
        short.contains("  -h, --help             显示帮助\n"),
        "{short}"
    );
    let en = help("C.UTF-8", &[]);
    assert!(
        en.starts_with(
            "Validate inputs and write the documents to the output folder\n\n\
             Usage: nianbao build [OPTIONS] <INPUT>...\n\n\
             Arguments:\n  <INPUT>...\n          Input YAML files\n\n\
             Options:\n  -o, --output <DIR>\n          Where the documents go\n          \n          [default: output]\n"
        ),
        "{en}"
    );
    assert_eq!(help("zh_CN.UTF-8", &["--lang", "en"]), en);
}

/// A mistake on the command line is told in the user's language: what is
/// wrong, the suggestion, the usage line and where the help is — the whole
/// message, in Chinese and in English.
#[test]
fn a_mistake_on_the_command_line_is_told_in_the_users_language() {
    let said = |lang: &str, args: &[&str]| {
        let out = crate::common::command()
            .env("LANG", lang)
            .args(args)
            .output()
            .unwrap();
        assert_eq!(code(&out), 2, "{}", stderr(&out));
        assert!(out.stdout.is_empty());
        stderr(&out)
    };
    assert_eq!(
        said("zh_CN.UTF-8", &["biuld", "inputs/2020.yaml"]),
        "错误：没有这个命令：`biuld`\n\n  提示：有一个相近的命令：`build`\n\n\
         用法：nianbao [选项] [命令]\n\n更多说明请运行 `nianbao --help`。\n"
    );
    assert_eq!(
        said(
            "zh_CN.UTF-8",
            &["build", "--kind", "all", "inputs/2020.yaml"]
        ),
        "错误：`all` 不是 `--kind <文种>` 可用的值\n  [可选：combined、summary、plan]\n\n\
         更多说明请运行 `nianbao build --help`。\n"
    );
    assert_eq!(
        said("zh_CN.UTF-8", &["new", "--half", "3"]),
        "错误：`3` 不是 `--half <半年>` 可用的值\n  `--half`：半年文档：1（上半年）或 2（下半年）\n\n\
         更多说明请运行 `nianbao new --help`。\n"
    );
    assert_eq!(
        said("zh_CN.UTF-8", &["build"]),
        "错误：缺少必需的参数：<输入>...\n\n用法：nianbao build [选项] <输入>...\n\n\
         更多说明请运行 `nianbao build --help`。\n"
    );
    assert_eq!(
        said("zh_CN.UTF-8", &["archive", "verify", "--frob"]),
        "错误：没有这个选项或参数：`--frob`\n\n\
         用法：nianbao archive verify [选项]\n\n更多说明请运行 `nianbao archive verify --help`。\n"
    );
    assert_eq!(
        said("zh_CN.UTF-8", &["build", "--bogus", "inputs/2020.yaml"]),
        "错误：没有这个选项或参数：`--bogus`\n\n  提示：要把 `--bogus` 当作值，写成 `-- --bogus`\n\n\
         用法：nianbao build [选项] <输入>...\n\n更多说明请运行 `nianbao build --help`。\n"
    );
    assert_eq!(
        said("C.UTF-8", &["build", "--kind", "all", "inputs/2020.yaml"]),
        "error: invalid value 'all' for '--kind <KIND>'\n  [possible values: combined, summary, plan]\n\n\
         For more information, try 'nianbao build --help'.\n"
    );
    assert_eq!(
        said(
            "zh_CN.UTF-8",
            &["check", "--lang", "en", "--deny", "all", "x.yaml"]
        ),
        "error: invalid value 'all' for '--deny <WHAT>'\n  [possible values: warnings]\n\n\
         For more information, try 'nianbao check --help'.\n"
    );
}

/// A count may be named in Chinese; a name in braces is always a reference,
/// found or reported, never printed as it stands.
#[test]
fn a_count_named_in_chinese_is_referenced_or_reported() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_input(
        &dir,
        "zh.yaml",
        &MINIMAL
            .replace(
                "  visits: { value: 411, unit: 人 }",
                "  困难教职工: { value: 35, unit: 人 }",
            )
            .replace("生日慰问{visits}。", "走访慰问困难教职工{困难教职工}。"),
    );
    let out = nianbao(&[
        "build",
        input.to_str().unwrap(),
        "-o",
        dir.path().to_str().unwrap(),
        "--format",
        "md",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let md = read(&dir.path().join("zh.md"));
    assert!(md.contains("一是走访慰问困难教职工35人。"), "{md}");
    std::fs::write(&input, read(&input).replace("{困难教职工}", "{困难职工}")).unwrap();
    let out = nianbao(&["check", input.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(code(&out), 1, "{err}");
    assert!(err.contains("error[E0101]"), "{err}");
    assert!(err.contains("{困难教职工}"), "{err}");
}
