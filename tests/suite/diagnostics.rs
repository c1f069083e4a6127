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
    assert!(err.contains("error[E0001]"), "{err}");
    assert!(err.contains("--> [FILE]:"), "{err}");
}

#[test]
fn type_error_names_the_value() {
    let (code, err) = check(&VALID.replace("year: 2020", "year: 二〇二〇"));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("error[E0002]"), "{err}");
    assert!(err.contains("--> [FILE]:3:9"), "{err}");
}

#[test]
fn missing_field() {
    let (code, err) = check(&VALID.replace("  organisation: 某某工会\n", ""));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("error[E0003]: missing field `organisation` in `meta`"),
        "{err}"
    );
    assert!(err.contains("--> [FILE]:1:1"), "{err}");
    assert!(err.contains("1 | meta:\n  | ^^^^\n"), "{err}");
}

#[test]
fn unknown_field_with_suggestion() {
    let (code, err) = check(&VALID.replace("  signature:", "  signatur:"));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("error[E0004]: unknown field `signatur`"),
        "{err}"
    );
    assert!(err.contains("--> [FILE]:5:3"), "{err}");
    assert!(err.contains("= help: did you mean `signature`?"), "{err}");
    // The caret covers the field name.
    assert!(
        err.contains("5 |   signatur: 工会办\n  |   ^^^^^^^^\n"),
        "{err}"
    );
}

#[test]
fn unknown_top_level_field_lists_the_allowed_ones() {
    let (code, err) = check(&format!("{VALID}zzz_unknown_field: 1\n"));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("error[E0004]: unknown field `zzz_unknown_field`"),
        "{err}"
    );
    assert!(err.contains("--> [FILE]:19:1"), "{err}");
    assert!(
        err.contains(
            "meta, opening, counts, summary, problems, plans, attachments, activities, settings"
        ),
        "{err}"
    );
}

#[test]
fn duplicate_key() {
    let (code, err) = check(&VALID.replace("  year: 2020\n", "  year: 2020\n  year: 2021\n"));
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("error[E0005]"), "{err}");
    assert!(err.contains("--> [FILE]:4:3"), "{err}");
}

#[test]
fn undefined_count_is_an_error_at_the_reference() {
    let (code, err) =
        check(&VALID.replace("生日慰问{visits}。", "生日慰问{visits}，走访{vists2}。"));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("error[E0101]: count `vists2` is referenced but not defined"),
        "{err}"
    );
    // 8 spaces, "- ", then 生日慰问{visits}， (4 + 8 + 1 characters) and 走访.
    assert!(err.contains("--> [FILE]:12:26"), "{err}");
    assert!(err.contains("did you mean `{visits}`?"), "{err}");
}

#[test]
fn unknown_format() {
    let (code, err) = check(&VALID.replace("{visits}", "{visits:roman}"));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("error[E0102]: unknown count format `roman`"),
        "{err}"
    );
    assert!(err.contains("--> [FILE]:12:15"), "{err}");
}

#[test]
fn unused_count_is_a_warning_at_its_name() {
    let (code, err) = check(&VALID.replace(
        "  visits: { value: 411, unit: 人 }\n",
        "  visits: { value: 411, unit: 人 }\n  gifts: { value: 1000, unit: 份 }\n",
    ));
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("warning[W0101]: count `gifts` is defined but never used"),
        "{err}"
    );
    assert!(err.contains("--> [FILE]:8:3"), "{err}");
}

#[test]
fn count_without_value() {
    let (code, err) = check(&VALID.replace("{ value: 411, unit: 人 }", "{ unit: 人 }"));
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("warning[W0102]: count `visits` has no value"),
        "{err}"
    );
    assert!(err.contains("--> [FILE]:7:3"), "{err}");
}

#[test]
fn placeholders_are_warnings_with_their_place() {
    let (code, err) = check(&VALID.replace("继续开展慰问。", "继续开展慰问XX次，待补充。"));
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("warning[W0103]: placeholder “XX” left in plan section 1, text"),
        "{err}"
    );
    assert!(err.contains("--> [FILE]:18:19"), "{err}");
    assert!(
        err.contains("warning[W0103]: placeholder “待补充” left in plan section 1, text"),
        "{err}"
    );
    assert!(err.contains("--> [FILE]:18:23"), "{err}");
}

#[test]
fn plan_year_must_follow_the_report_year() {
    let (code, err) = check(&VALID.replace("  year: 2021", "  year: 2022"));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("error[E0201]: the plan is for 2022, but the report covers 2020"),
        "{err}"
    );
    assert!(err.contains("--> [FILE]:14:9"), "{err}");
}

#[test]
fn date_must_be_real() {
    let (code, err) = check(&VALID.replace("2020-12-08", "2020-02-30"));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("error[E0202]: `2020-02-30` is not a real date"),
        "{err}"
    );
    assert!(err.contains("--> [FILE]:4:9"), "{err}");
}

#[test]
fn date_must_be_in_or_shortly_after_the_period() {
    let (code, err) = check(&VALID.replace("2020-12-08", "2021-06-01"));
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("error[E0202]: the document is dated 2021-06-01, outside the period 2020"),
        "{err}"
    );
    let (code, err) = check(&VALID.replace("2020-12-08", "2021-01-15"));
    assert_eq!(code, 0, "{err}");
}

#[test]
fn missing_input_is_an_io_failure() {
    let out = nianbao(&["check", "does/not/exist.yaml"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("error: cannot read `does/not/exist.yaml`"),
        "{}",
        stderr(&out)
    );
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
}
