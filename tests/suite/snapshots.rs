//! The whole diagnostic block of every case of `tests/corpus/`, in Chinese and
//! in English, as insta snapshots (`tests/suite/snapshots/`): every rule shows
//! its complete output, places, labels and hints included. After a deliberate
//! change, `INSTA_UPDATE=always cargo test` rewrites them; read the diff.

use crate::common::*;

/// The corpus cases, sorted.
fn cases() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(repo().join("tests/corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// `nianbao check` of a case: the exit code and the whole of stderr.
fn check(name: &str, lang: &str) -> String {
    let path = format!("tests/corpus/{name}.yaml");
    let out = nianbao(&["check", &path, "--lang", lang]);
    format!("exit {}\n{}", code(&out), stderr(&out))
}

#[test]
fn every_case_in_both_languages() {
    let mut settings = insta::Settings::clone_current();
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        for name in cases() {
            for lang in ["zh", "en"] {
                insta::assert_snapshot!(format!("{name}.{lang}"), check(&name, lang));
            }
        }
    });
}

/// Every code that `check` can report has a case (the others come from
/// `build`, `import` and the fonts, and have tests of their own).
#[test]
fn every_rule_has_a_case() {
    let all: String = cases().iter().map(|n| check(n, "en")).collect();
    let codes = [
        "E0001", "E0002", "E0003", "E0004", "E0005", "E0006", "E0101", "E0102", "W0101", "W0102",
        "W0103", "E0201", "E0202", "E0203", "W0501", "W0502", "W0503", "W0504", "W0505", "W0506",
        "W0507", "W0508", "E0601", "E0602", "E0603", "W0604", "W0605", "E0606", "W0607", "W0701",
        "W0702", "E0703", "E0704", "W0705", "W0801", "W0901", "W0902", "E1101", "E1102", "E1103",
        "W1104", "E1105", "E1106", "E1107", "W1108",
    ];
    let missing: Vec<&str> = codes
        .iter()
        .copied()
        .filter(|c| !all.contains(&format!("[{c}]")))
        .collect();
    assert!(missing.is_empty(), "no case shows {missing:?}");
}
