//! The archive: PDF/A-2b, refusals, no overwrite, replace, byte-identical output,
//! and verify catching changes.

use crate::common::*;

use std::path::{Path, PathBuf};
use std::process::Output;

/// The seed input with its placeholder removed: a final document.
fn final_seed(dir: &Path) -> PathBuf {
    let text = read(&repo().join("inputs/2020.yaml")).replace("（统计具体数字）", "");
    let path = dir.join("2020.yaml");
    std::fs::write(&path, text).unwrap();
    path
}

fn archive(input: &Path, archive_dir: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "archive",
        input.to_str().unwrap(),
        "--dir",
        archive_dir.to_str().unwrap(),
        "--no-system-fonts",
    ];
    args.extend_from_slice(extra);
    nianbao(&args)
}

const PDF: &str = "2020/广东邮电职业技术学院学院工会-combined.pdf";

#[test]
fn the_seed_is_refused_for_its_placeholder_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let archive_dir = dir.path().join("archive");
    let out = archive(&repo().join("inputs/2020.yaml"), &archive_dir, &[]);
    let err = stderr(&out);
    assert_eq!(code(&out), 1, "{err}");
    insta::assert_snapshot!(err.replace(repo().to_str().unwrap(), "[REPO]"));
    assert!(
        err.contains(
            "error[W0103]: 未定稿，不能归档：总结第1节第2条留有占位文字“（统计具体数字）”"
        ),
        "{err}"
    );
    assert!(err.contains("--> "), "{err}");
    assert!(!archive_dir.exists(), "nothing is written");
}

#[test]
fn counts_without_values_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_input(
        &dir,
        "r.yaml",
        &MINIMAL.replace("{ value: 411, unit: 人 }", "{ unit: 人 }"),
    );
    let out = archive(&input, &dir.path().join("archive"), &[]);
    let err = stderr(&out);
    assert_eq!(code(&out), 1, "{err}");
    insta::assert_snapshot!(err.replace(input.to_str().unwrap(), "[FILE]"));
    assert!(
        err.contains("error[W0102]: 未定稿，不能归档：数字 `visits` 没有数值"),
        "{err}"
    );
    assert!(!dir.path().join("archive").exists());
}

#[test]
fn a_final_document_is_archived_listed_and_verified() {
    let dir = tempfile::tempdir().unwrap();
    let input = final_seed(dir.path());
    let archive_dir = dir.path().join("archive");
    let out = archive(&input, &archive_dir, &[]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));

    let pdf = archive_dir.join(PDF);
    let bytes = std::fs::read(&pdf).unwrap();
    let raw = String::from_utf8_lossy(&bytes);
    assert!(
        raw.contains("<pdfaid:part>2</pdfaid:part>"),
        "no PDF/A part in the XMP"
    );
    assert!(
        raw.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
        "no PDF/A conformance"
    );
    assert!(
        archive_dir
            .join("2020/广东邮电职业技术学院学院工会-combined.md")
            .is_file()
    );
    let copy = archive_dir.join("2020/广东邮电职业技术学院学院工会-combined.input.2020.yaml");
    assert_eq!(read(&copy), read(&input));

    let manifest: serde_json::Value =
        serde_json::from_str(&read(&archive_dir.join("manifest.json"))).unwrap();
    let doc = &manifest["documents"][0];
    assert_eq!(doc["year"], 2020);
    assert_eq!(doc["organisation"], "广东邮电职业技术学院学院工会");
    assert_eq!(doc["kind"], "combined");
    assert_eq!(doc["date"], "2020-12-08");
    assert_eq!(doc["pdf"]["path"], PDF);
    assert_eq!(doc["nianbao_version"], env!("CARGO_PKG_VERSION"));
    let sha = poppler_free_sha256(&pdf);
    assert_eq!(doc["pdf"]["sha256"], sha.as_str());

    let list = nianbao(&["archive", "list", "--dir", archive_dir.to_str().unwrap()]);
    let table = String::from_utf8_lossy(&list.stdout);
    assert_eq!(code(&list), 0);
    assert!(table.starts_with("year  organisation"), "{table}");
    assert!(
        table.contains("2020  广东邮电职业技术学院学院工会  combined  2020-12-08  1 (current)"),
        "{table}"
    );

    let verify = nianbao(&["archive", "verify", "--dir", archive_dir.to_str().unwrap()]);
    assert_eq!(
        code(&verify),
        0,
        "{}",
        String::from_utf8_lossy(&verify.stdout)
    );
    assert!(String::from_utf8_lossy(&verify.stdout).contains("3 files verified"));
}

/// sha256 with the system's sha256sum, independent of nianbao's code.
fn poppler_free_sha256(path: &Path) -> String {
    let out = std::process::Command::new("sha256sum")
        .arg(path)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn archiving_twice_is_refused_unless_replace_keeps_a_version() {
    let dir = tempfile::tempdir().unwrap();
    let input = final_seed(dir.path());
    let archive_dir = dir.path().join("archive");
    assert_eq!(code(&archive(&input, &archive_dir, &[])), 0);
    let first = std::fs::read(archive_dir.join(PDF)).unwrap();

    let again = archive(&input, &archive_dir, &[]);
    let err = stderr(&again);
    assert_eq!(code(&again), 1, "{err}");
    assert!(
        err.contains(&format!("{PDF}` is archived already")),
        "{err}"
    );

    // A corrected document replaces it; the earlier one stays as version 1.
    std::fs::write(&input, read(&input).replace("学校工会办", "学院工会办公室")).unwrap();
    let replaced = archive(&input, &archive_dir, &["--replace"]);
    assert_eq!(code(&replaced), 0, "{}", stderr(&replaced));
    let v1 = archive_dir.join("2020/广东邮电职业技术学院学院工会-combined.v1.pdf");
    assert_eq!(
        std::fs::read(&v1).unwrap(),
        first,
        "version 1 is kept unchanged"
    );
    assert_ne!(std::fs::read(archive_dir.join(PDF)).unwrap(), first);
    let manifest: serde_json::Value =
        serde_json::from_str(&read(&archive_dir.join("manifest.json"))).unwrap();
    let docs = manifest["documents"].as_array().unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(
        (docs[0]["version"].clone(), docs[0]["current"].clone()),
        (1.into(), false.into())
    );
    assert_eq!(
        (docs[1]["version"].clone(), docs[1]["current"].clone()),
        (2.into(), true.into())
    );
    let verify = nianbao(&["archive", "verify", "--dir", archive_dir.to_str().unwrap()]);
    assert_eq!(
        code(&verify),
        0,
        "{}",
        String::from_utf8_lossy(&verify.stdout)
    );
}

#[test]
fn the_same_input_archived_twice_gives_the_same_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let input = final_seed(dir.path());
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    assert_eq!(code(&archive(&input, &a, &[])), 0);
    assert_eq!(code(&archive(&input, &b, &[])), 0);
    assert!(std::fs::read(a.join(PDF)).unwrap() == std::fs::read(b.join(PDF)).unwrap());
}

#[test]
fn verify_catches_a_flipped_byte_a_deleted_file_and_an_unlisted_one() {
    let dir = tempfile::tempdir().unwrap();
    let input = final_seed(dir.path());
    let archive_dir = dir.path().join("archive");
    assert_eq!(code(&archive(&input, &archive_dir, &[])), 0);
    let verify = || {
        let out = nianbao(&["archive", "verify", "--dir", archive_dir.to_str().unwrap()]);
        (
            code(&out),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr(&out),
        )
    };

    let pdf = archive_dir.join(PDF);
    let mut bytes = std::fs::read(&pdf).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    std::fs::write(&pdf, &bytes).unwrap();
    let (code1, out, err) = verify();
    assert_eq!(code1, 1, "{out}");
    assert!(out.contains(&format!("altered:  {PDF}")), "{out}");
    assert!(err.contains("does not verify: 1 problem"), "{err}");

    std::fs::remove_file(archive_dir.join("2020/广东邮电职业技术学院学院工会-combined.md"))
        .unwrap();
    std::fs::write(archive_dir.join("2020/stray.pdf"), "x").unwrap();
    let (code2, out, _) = verify();
    assert_eq!(code2, 1, "{out}");
    assert!(
        out.contains("missing:  2020/广东邮电职业技术学院学院工会-combined.md"),
        "{out}"
    );
    assert!(out.contains("unlisted: 2020/stray.pdf"), "{out}");
}

/// `settings: rules: placeholder: allow` silences the warning in `check`, but
/// an archived document may hold no placeholder whatever the settings say.
#[test]
fn a_placeholder_is_refused_even_when_the_rule_is_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "{}settings:\n  rules:\n    placeholder: allow\n",
        MINIMAL.replace("生日慰问{visits}。", "生日慰问{visits}，（统计具体数字）。")
    );
    let input = write_input(&dir, "r.yaml", &text);
    let checked = nianbao(&["check", input.to_str().unwrap()]);
    assert_eq!(code(&checked), 0, "{}", stderr(&checked));
    assert!(!stderr(&checked).contains("W0103"), "{}", stderr(&checked));
    let out = archive(&input, &dir.path().join("archive"), &[]);
    let err = stderr(&out);
    assert_eq!(code(&out), 1, "{err}");
    assert!(err.contains("error[W0103]: 未定稿，不能归档："), "{err}");
    assert!(!dir.path().join("archive").exists());
}

/// A duplicate is refused before anything is typeset: an input that could not
/// be typeset (a character no font has) still gets the duplicate refusal.
#[test]
fn a_duplicate_is_refused_before_typesetting() {
    let dir = tempfile::tempdir().unwrap();
    let input = final_seed(dir.path());
    let archive_dir = dir.path().join("archive");
    assert_eq!(code(&archive(&input, &archive_dir, &[])), 0);
    std::fs::write(&input, read(&input).replace("学校工会办", "学校工会办😀")).unwrap();
    let again = archive(&input, &archive_dir, &[]);
    let err = stderr(&again);
    assert_eq!(code(&again), 1, "{err}");
    assert!(err.contains("is archived already"), "{err}");
    assert!(!err.contains("E0401"), "{err}");
}

#[test]
fn with_docx_the_docx_is_kept_beside_the_pdf_hashed_and_verified() {
    let dir = tempfile::tempdir().unwrap();
    let input = final_seed(dir.path());
    let archive_dir = dir.path().join("archive");
    let out = archive(&input, &archive_dir, &["--docx"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let docx_rel = "2020/广东邮电职业技术学院学院工会-combined.docx";
    let bytes = std::fs::read(archive_dir.join(docx_rel)).unwrap();
    assert!(bytes.starts_with(b"PK"), "a ZIP package");
    let manifest = read(&archive_dir.join("manifest.json"));
    let json: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    let entry = &json["documents"][0];
    assert_eq!(entry["docx"]["path"], docx_rel, "{manifest}");
    let sha = entry["docx"]["sha256"].as_str().unwrap().to_string();
    assert_eq!(sha.len(), 64);
    let out = nianbao(&["archive", "verify", "--dir", archive_dir.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // An altered DOCX is caught.
    let mut altered = bytes.clone();
    altered.push(0);
    std::fs::write(archive_dir.join(docx_rel), altered).unwrap();
    let out = nianbao(&["archive", "verify", "--dir", archive_dir.to_str().unwrap()]);
    assert_eq!(code(&out), 1);
    let listed = String::from_utf8(out.stdout.clone()).unwrap();
    assert_eq!(
        listed,
        format!("altered:  {docx_rel} (its sha256 differs from the manifest's)\n")
    );
}
