//! The archive: an OCFL 1.1 storage root of PDF/A-2b documents; refusals, no
//! overwrite, versions, byte-identical output, verify catching changes (and
//! ocfl-py, an independent validator, agreeing), names that never collide,
//! migration of the earlier format, crashes and concurrent writers.

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

const OBJECT: &str = "2020/广东邮电职业技术学院学院工会-combined";
const PDF: &str = "2020/广东邮电职业技术学院学院工会-combined/v1/content/广东邮电职业技术学院学院工会-combined.pdf";
const ORG: &str = "广东邮电职业技术学院学院工会";

/// Runs ocfl-py's validator (tests/tools/ocfl_validate.py) on a storage root:
/// its exit code and report.
fn ocfl_py(root: &Path) -> (i32, String) {
    let out = std::process::Command::new("python3")
        .arg(repo().join("tests/tools/ocfl_validate.py"))
        .arg(root)
        .output()
        .expect("python3 runs");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !report.contains("ModuleNotFoundError"),
        "ocfl-py is not installed (python3 -m pip install ocfl-py): {report}"
    );
    (code(&out), report)
}

/// The independent validator a test also asks: none in the default run (it
/// needs only Rust); ocfl-py in the test's twin in `ocfl_py_agrees`, ignored
/// unless asked for (`cargo test -- --include-ignored`, as .ci/run does).
type Ocfl = Option<fn(&Path) -> (i32, String)>;

/// ocfl-py, when asked, exits with `want` on the storage root `root`.
fn ocfl_expects(ocfl: Ocfl, root: &Path, want: i32) {
    if let Some(validate) = ocfl {
        let (code, report) = validate(root);
        assert_eq!(code, want, "ocfl-py on {}: {report}", root.display());
    }
}

/// Each test that makes or breaks an archive, again with ocfl-py agreeing
/// with `archive verify` at every step.
mod ocfl_py_agrees {
    #[test]
    #[ignore = "needs ocfl-py (python3 -m pip install ocfl-py==2.1.0)"]
    fn a_final_document_is_archived_as_an_ocfl_object_listed_and_verified() {
        super::a_final_document_is_archived_as_an_ocfl_object_listed_and_verified_checked(Some(
            super::ocfl_py,
        ));
    }

    #[test]
    #[ignore = "needs ocfl-py (python3 -m pip install ocfl-py==2.1.0)"]
    fn archiving_twice_is_refused_unless_replace_adds_a_version() {
        super::archiving_twice_is_refused_unless_replace_adds_a_version_checked(Some(
            super::ocfl_py,
        ));
    }

    #[test]
    #[ignore = "needs ocfl-py (python3 -m pip install ocfl-py==2.1.0)"]
    fn verify_catches_a_flipped_byte_a_deleted_file_a_stray_one_and_a_link() {
        super::verify_catches_a_flipped_byte_a_deleted_file_a_stray_one_and_a_link_checked(Some(
            super::ocfl_py,
        ));
    }

    #[test]
    #[ignore = "needs ocfl-py (python3 -m pip install ocfl-py==2.1.0)"]
    fn verify_catches_a_record_edited_with_its_digests_recomputed() {
        super::verify_catches_a_record_edited_with_its_digests_recomputed_checked(Some(
            super::ocfl_py,
        ));
    }

    #[test]
    #[ignore = "needs ocfl-py (python3 -m pip install ocfl-py==2.1.0)"]
    fn names_never_collide_and_stay_short() {
        super::names_never_collide_and_stay_short_checked(Some(super::ocfl_py));
    }

    #[test]
    #[ignore = "needs ocfl-py (python3 -m pip install ocfl-py==2.1.0)"]
    fn an_archive_of_the_earlier_format_is_migrated() {
        super::an_archive_of_the_earlier_format_is_migrated_checked(Some(super::ocfl_py));
    }

    #[test]
    #[ignore = "needs ocfl-py (python3 -m pip install ocfl-py==2.1.0)"]
    fn a_killed_writer_and_concurrent_writers_leave_a_valid_archive() {
        super::a_killed_writer_and_concurrent_writers_leave_a_valid_archive_checked(Some(
            super::ocfl_py,
        ));
    }
}

/// The warning ocfl-py gives for nianbao's own folder (its lock and staging area).
const OWN_FOLDER: &str =
    "[W901] OCFL Storage Root includes unregistered extension directory 'extensions/nianbao'";

/// Every file below `root` except nianbao's own folder, sorted, `/`-separated.
fn tree(root: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap().flatten() {
            let path = entry.path();
            let rel = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if rel == "extensions" {
                continue;
            }
            if entry.file_type().unwrap().is_dir() {
                walk(root, &path, out);
            } else {
                out.push(rel);
            }
        }
    }
    let mut out = Vec::new();
    walk(root, root, &mut out);
    out.sort();
    out
}

fn verify(archive_dir: &Path) -> (i32, String, String) {
    let out = nianbao(&["archive", "verify", "--dir", archive_dir.to_str().unwrap()]);
    (
        code(&out),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr(&out),
    )
}

/// sha512 of a file, computed here from its bytes (not by nianbao).
fn sha512sum(path: &Path) -> String {
    sha512_hex(&std::fs::read(path).unwrap())
}

fn json(path: &Path) -> serde_json::Value {
    serde_json::from_str(&read(path)).unwrap()
}

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
        err.contains("error[W0102]: 未定稿，不能归档：数字“visits”没有数值"),
        "{err}"
    );
    assert!(!dir.path().join("archive").exists());
}

#[test]
fn a_final_document_is_archived_as_an_ocfl_object_listed_and_verified() {
    a_final_document_is_archived_as_an_ocfl_object_listed_and_verified_checked(None);
}

fn a_final_document_is_archived_as_an_ocfl_object_listed_and_verified_checked(ocfl: Ocfl) {
    let dir = tempfile::tempdir().unwrap();
    let input = final_seed(dir.path());
    let archive_dir = dir.path().join("archive");
    let out = archive(&input, &archive_dir, &[]);
    let err = stderr(&out);
    assert_eq!(code(&out), 0, "{err}");
    let pdf = archive_dir.join(PDF);
    assert!(
        err.ends_with(&format!(
            "已归档 {}（第 1 版，sha512 {}）\n",
            pdf.display(),
            sha512sum(&pdf)
        )),
        "{err}"
    );

    let v1 = format!("{OBJECT}/v1");
    let name = "广东邮电职业技术学院学院工会-combined";
    assert_eq!(
        tree(&archive_dir),
        [
            "0=ocfl_1.1".to_string(),
            format!("{OBJECT}/0=ocfl_object_1.1"),
            format!("{OBJECT}/inventory.json"),
            format!("{OBJECT}/inventory.json.sha512"),
            format!("{v1}/content/inputs/2020.yaml"),
            format!("{v1}/content/nianbao.json"),
            format!("{v1}/content/{name}.md"),
            format!("{v1}/content/{name}.pdf"),
            format!("{v1}/inventory.json"),
            format!("{v1}/inventory.json.sha512"),
        ]
    );
    assert_eq!(read(&archive_dir.join("0=ocfl_1.1")), "ocfl_1.1\n");
    let raw = String::from_utf8_lossy(&std::fs::read(&pdf).unwrap()).into_owned();
    assert!(
        raw.contains("<pdfaid:part>2</pdfaid:part>"),
        "no PDF/A part"
    );
    assert!(
        raw.contains("<pdfaid:conformance>B</pdfaid:conformance>"),
        "no PDF/A conformance"
    );
    assert_eq!(
        read(&archive_dir.join(format!("{v1}/content/inputs/2020.yaml"))),
        read(&input)
    );

    // The record, whole.
    let record = json(&archive_dir.join(format!("{v1}/content/nianbao.json")));
    assert_eq!(
        record,
        serde_json::json!({
            "format": "nianbao-archive/2",
            "year": 2020,
            "organisation": ORG,
            "kind": "combined",
            "date": "2020-12-08",
            "title": "广东邮电职业技术学院学院工会2020年工作总结及2021年工作计划",
            "pdf": format!("{name}.pdf"),
            "markdown": format!("{name}.md"),
            "inputs": [{ "path": "inputs/2020.yaml", "source": input.display().to_string() }],
            "nianbao_version": env!("CARGO_PKG_VERSION"),
        })
    );

    // The inventory: its digests are the system's sha512sum's, its sidecar
    // names it, and v1's copy is identical.
    let inventory_path = archive_dir.join(format!("{OBJECT}/inventory.json"));
    let inventory = json(&inventory_path);
    assert_eq!(inventory["id"], format!("urn:nianbao:2020:combined:{ORG}"));
    assert_eq!(inventory["type"], "https://ocfl.io/1.1/spec/#inventory");
    assert_eq!(inventory["digestAlgorithm"], "sha512");
    assert_eq!(inventory["head"], "v1");
    assert_eq!(
        inventory["manifest"][sha512sum(&pdf)],
        serde_json::json!([format!("v1/content/{name}.pdf")])
    );
    assert_eq!(
        inventory["versions"]["v1"]["state"][sha512sum(&pdf)],
        serde_json::json!([format!("{name}.pdf")])
    );
    assert_eq!(
        read(&archive_dir.join(format!("{OBJECT}/inventory.json.sha512"))),
        format!("{} inventory.json\n", sha512sum(&inventory_path))
    );
    assert_eq!(
        read(&inventory_path),
        read(&archive_dir.join(format!("{v1}/inventory.json")))
    );

    if let Some(validate) = ocfl {
        let (ocfl_code, report) = validate(&archive_dir);
        assert_eq!(
            (ocfl_code, report.as_str()),
            (0, format!("objects 1 valid 1\n{OWN_FOLDER}\n").as_str())
        );
    }

    let list = nianbao(&["archive", "list", "--dir", archive_dir.to_str().unwrap()]);
    assert_eq!(code(&list), 0, "{}", stderr(&list));
    assert_eq!(
        String::from_utf8_lossy(&list.stdout),
        format!(
            "year  organisation                  kind      date        version      file\n\
             2020  广东邮电职业技术学院学院工会  combined  2020-12-08  1 (current)  {PDF}\n"
        )
    );

    let (verified, stdout, err) = verify(&archive_dir);
    assert_eq!(verified, 0, "{stdout}{err}");
    assert_eq!(
        stdout,
        format!(
            "1 document, 1 version, 4 files verified in {}: a valid OCFL 1.1 storage root, and every record matches its files\n",
            archive_dir.display()
        )
    );
}

#[test]
fn archiving_twice_is_refused_unless_replace_adds_a_version() {
    archiving_twice_is_refused_unless_replace_adds_a_version_checked(None);
}

fn archiving_twice_is_refused_unless_replace_adds_a_version_checked(ocfl: Ocfl) {
    let dir = tempfile::tempdir().unwrap();
    let input = final_seed(dir.path());
    let archive_dir = dir.path().join("archive");
    assert_eq!(code(&archive(&input, &archive_dir, &[])), 0);
    let first = std::fs::read(archive_dir.join(PDF)).unwrap();
    let before = tree(&archive_dir);

    let again = archive(&input, &archive_dir, &[]);
    let err = stderr(&again);
    assert_eq!(code(&again), 1, "{err}");
    assert!(
        err.ends_with(&format!(
            "错误：`{}` 已经归档，归档的文件永不覆盖\n  = help: 要归档更正后的文档，请加 --replace：它成为下一个版本，之前的版本都保留\n",
            archive_dir.join(OBJECT).display()
        )),
        "{err}"
    );
    assert_eq!(tree(&archive_dir), before, "a refusal writes nothing");

    // A corrected document becomes version 2; version 1 stays as it was.
    std::fs::write(&input, read(&input).replace("学校工会办", "学院工会办公室")).unwrap();
    let replaced = archive(&input, &archive_dir, &["--replace"]);
    assert_eq!(code(&replaced), 0, "{}", stderr(&replaced));
    assert_eq!(std::fs::read(archive_dir.join(PDF)).unwrap(), first);
    let v2_pdf = PDF.replace("/v1/", "/v2/");
    assert_ne!(std::fs::read(archive_dir.join(&v2_pdf)).unwrap(), first);
    let inventory = json(&archive_dir.join(format!("{OBJECT}/inventory.json")));
    assert_eq!(inventory["head"], "v2");
    // The PDF, the Markdown and the input changed; the record did not, and is
    // not stored again.
    let v2: Vec<String> = tree(&archive_dir)
        .into_iter()
        .filter(|p| p.starts_with(&format!("{OBJECT}/v2/")))
        .collect();
    let name = "广东邮电职业技术学院学院工会-combined";
    assert_eq!(
        v2,
        [
            format!("{OBJECT}/v2/content/inputs/2020.yaml"),
            format!("{OBJECT}/v2/content/{name}.md"),
            format!("{OBJECT}/v2/content/{name}.pdf"),
            format!("{OBJECT}/v2/inventory.json"),
            format!("{OBJECT}/v2/inventory.json.sha512"),
        ]
    );
    let list = nianbao(&["archive", "list", "--dir", archive_dir.to_str().unwrap()]);
    assert_eq!(
        String::from_utf8_lossy(&list.stdout),
        format!(
            "year  organisation                  kind      date        version      file\n\
             2020  广东邮电职业技术学院学院工会  combined  2020-12-08  1            {PDF}\n\
             2020  广东邮电职业技术学院学院工会  combined  2020-12-08  2 (current)  {v2_pdf}\n"
        )
    );
    let (verified, stdout, _) = verify(&archive_dir);
    assert_eq!(verified, 0, "{stdout}");
    assert!(
        stdout.starts_with("1 document, 2 versions, 7 files verified"),
        "{stdout}"
    );
    ocfl_expects(ocfl, &archive_dir, 0);

    // The same document again adds a version that stores no file twice.
    let same = archive(&input, &archive_dir, &["--replace"]);
    assert_eq!(code(&same), 0, "{}", stderr(&same));
    let v3: Vec<String> = tree(&archive_dir)
        .into_iter()
        .filter(|p| p.starts_with(&format!("{OBJECT}/v3/")))
        .collect();
    assert_eq!(
        v3,
        [
            format!("{OBJECT}/v3/inventory.json"),
            format!("{OBJECT}/v3/inventory.json.sha512"),
        ]
    );
    assert_eq!(verify(&archive_dir).0, 0);
    ocfl_expects(ocfl, &archive_dir, 0);
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
fn verify_catches_a_flipped_byte_a_deleted_file_a_stray_one_and_a_link() {
    verify_catches_a_flipped_byte_a_deleted_file_a_stray_one_and_a_link_checked(None);
}

fn verify_catches_a_flipped_byte_a_deleted_file_a_stray_one_and_a_link_checked(ocfl: Ocfl) {
    let dir = tempfile::tempdir().unwrap();
    let input = final_seed(dir.path());
    let archive_dir = dir.path().join("archive");
    assert_eq!(code(&archive(&input, &archive_dir, &[])), 0);

    let pdf = archive_dir.join(PDF);
    let original = std::fs::read(&pdf).unwrap();
    let mut bytes = original.clone();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    std::fs::write(&pdf, &bytes).unwrap();
    let (code1, out, err) = verify(&archive_dir);
    assert_eq!(code1, 1, "{out}");
    assert_eq!(
        out,
        format!("{PDF}: altered: its sha512 differs from the inventory's\n")
    );
    assert!(err.ends_with("does not verify: 1 problem\n"), "{err}");
    ocfl_expects(ocfl, &archive_dir, 1);

    // A link to an identical file outside the archive is not followed.
    let outside = dir.path().join("outside.pdf");
    std::fs::write(&outside, &original).unwrap();
    std::fs::remove_file(&pdf).unwrap();
    std::os::unix::fs::symlink(&outside, &pdf).unwrap();
    let md = format!("{OBJECT}/v1/content/广东邮电职业技术学院学院工会-combined.md");
    std::fs::remove_file(archive_dir.join(&md)).unwrap();
    std::fs::write(
        archive_dir.join(format!("{OBJECT}/v1/content/stray.pdf")),
        "x",
    )
    .unwrap();
    std::fs::write(archive_dir.join("2020/stray.pdf"), "x").unwrap();
    let (code2, out, _) = verify(&archive_dir);
    assert_eq!(code2, 1, "{out}");
    assert_eq!(
        out,
        format!(
            "2020/stray.pdf: a file outside any object (not listed in an inventory)\n\
             {OBJECT}/v1/content/stray.pdf: unlisted: in the object, not in its inventory\n\
             {md}: missing: No such file or directory (os error 2)\n\
             {PDF}: missing: not a regular file\n"
        )
    );
    ocfl_expects(ocfl, &archive_dir, 1);
}

/// What OCFL's digests cannot see: an edit made with every digest and sidecar
/// recomputed. The record is checked against the PDF's own metadata.
#[test]
fn verify_catches_a_record_edited_with_its_digests_recomputed() {
    verify_catches_a_record_edited_with_its_digests_recomputed_checked(None);
}

fn verify_catches_a_record_edited_with_its_digests_recomputed_checked(ocfl: Ocfl) {
    let dir = tempfile::tempdir().unwrap();
    let input = final_seed(dir.path());
    let archive_dir = dir.path().join("archive");
    assert_eq!(code(&archive(&input, &archive_dir, &[])), 0);

    let record_path = archive_dir.join(format!("{OBJECT}/v1/content/nianbao.json"));
    let old_record = std::fs::read(&record_path).unwrap();
    let new_record = read(&record_path)
        .replace("\"date\": \"2020-12-08\"", "\"date\": \"2020-11-30\"")
        .replace("年工作总结及", "年工作总结和");
    std::fs::write(&record_path, &new_record).unwrap();
    forge_digest(
        &archive_dir,
        &sha512_hex(&old_record),
        &sha512_hex(new_record.as_bytes()),
    );
    // Valid OCFL: only the cross-check can tell.
    ocfl_expects(ocfl, &archive_dir, 0);
    let (code, out, _) = verify(&archive_dir);
    assert_eq!(code, 1, "{out}");
    let pdf_name = "广东邮电职业技术学院学院工会-combined.pdf";
    assert_eq!(
        out,
        format!(
            "{OBJECT}/v1: `{pdf_name}`: its date is `2020-12-08T00:00:00Z`, its record says `2020-11-30`\n\
             {OBJECT}/v1: `{pdf_name}`: its title is `广东邮电职业技术学院学院工会2020年工作总结及2021年工作计划`, its record says `广东邮电职业技术学院学院工会2020年工作总结和2021年工作计划`\n"
        )
    );
}

/// Paths in an inventory are read only inside the object: `../../x` and an
/// absolute path are reported, never opened.
#[test]
fn verify_refuses_inventory_paths_that_leave_the_object() {
    let dir = tempfile::tempdir().unwrap();
    let input = final_seed(dir.path());
    let archive_dir = dir.path().join("archive");
    assert_eq!(code(&archive(&input, &archive_dir, &[])), 0);
    let inventory_path = archive_dir.join(format!("{OBJECT}/inventory.json"));
    let text = read(&inventory_path)
        .replace(
            "\"v1/content/nianbao.json\"",
            "\"v1/content/../../../../../etc/passwd\"",
        )
        .replace("\"v1/content/inputs/2020.yaml\"", "\"/etc/hostname\"");
    std::fs::write(&inventory_path, text).unwrap();
    let (code, out, _) = verify(&archive_dir);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains(&format!("{OBJECT}/v1/content/../../../../../etc/passwd: not a content path of a version (vN/content/…)\n")), "{out}");
    assert!(
        out.contains(&format!(
            "{OBJECT}//etc/hostname: not a content path of a version (vN/content/…)\n"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "{OBJECT}/inventory.json: altered: its sha512 differs from its sidecar's\n"
        )),
        "{out}"
    );
    assert!(!out.contains("root:"), "{out}");
}

/// "a/b" and "a_b" are different organisations: they get different objects,
/// and a 300-character name is archived under a bounded path.
#[test]
fn names_never_collide_and_stay_short() {
    names_never_collide_and_stay_short_checked(None);
}

fn names_never_collide_and_stay_short_checked(ocfl: Ocfl) {
    let dir = tempfile::tempdir().unwrap();
    let archive_dir = dir.path().join("archive");
    let long = "工".repeat(300);
    let mut pdfs = Vec::new();
    for (i, org) in ["a/b", "a_b", long.as_str()].into_iter().enumerate() {
        let input = write_input(
            &dir,
            &format!("{i}.yaml"),
            &MINIMAL.replace("某某工会", org),
        );
        let out = archive(&input, &archive_dir, &[]);
        assert_eq!(code(&out), 0, "{}", stderr(&out));
        pdfs.push(
            std::fs::read(
                stderr(&out)
                    .lines()
                    .last()
                    .unwrap()
                    .strip_prefix("已归档 ")
                    .and_then(|line| line.split('（').next())
                    .unwrap(),
            )
            .unwrap(),
        );
    }
    assert_ne!(pdfs[0], pdfs[1]);
    let objects: Vec<String> = tree(&archive_dir)
        .into_iter()
        .filter(|p| p.ends_with("/0=ocfl_object_1.1"))
        .map(|p| p.trim_end_matches("/0=ocfl_object_1.1").to_string())
        .collect();
    let hashed = |org: &str| {
        use sha2::{Digest, Sha256};
        let digest: String = Sha256::digest(org.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        digest[..8].to_string()
    };
    let mut want = vec![
        format!("2020/a_b~{}-combined", hashed("a/b")),
        "2020/a_b-combined".to_string(),
        format!("2020/{}~{}-combined", "工".repeat(60), hashed(&long)),
    ];
    want.sort();
    assert_eq!(objects, want);
    assert_eq!(verify(&archive_dir).0, 0);
    ocfl_expects(ocfl, &archive_dir, 0);
}

/// An archive of the earlier format (files beside a manifest.json) is refused
/// with the way out, and `archive migrate` turns it into the OCFL root.
#[test]
fn an_archive_of_the_earlier_format_is_migrated() {
    an_archive_of_the_earlier_format_is_migrated_checked(None);
}

fn an_archive_of_the_earlier_format_is_migrated_checked(ocfl: Ocfl) {
    use sha2::{Digest, Sha256};
    let sha = |bytes: &[u8]| -> String {
        Sha256::digest(bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old");
    std::fs::create_dir_all(old.join("2020")).unwrap();
    // Two versions of one document, written as the earlier nianbao wrote them.
    // Its PDF/A and Markdown are those nianbao makes today.
    let input = final_seed(dir.path());
    let made = dir.path().join("made");
    assert_eq!(code(&archive(&input, &made, &[])), 0);
    let pdf = std::fs::read(made.join(PDF)).unwrap();
    let md = std::fs::read(made.join(format!(
        "{OBJECT}/v1/content/广东邮电职业技术学院学院工会-combined.md"
    )))
    .unwrap();
    let yaml = std::fs::read(&input).unwrap();
    let mut documents = Vec::new();
    for (version, stem) in [(1, "2020/某-combined.v1"), (2, "2020/某-combined")] {
        let md_v = [md.as_slice(), format!("\n<!-- {version} -->\n").as_bytes()].concat();
        std::fs::write(old.join(format!("{stem}.pdf")), &pdf).unwrap();
        std::fs::write(old.join(format!("{stem}.md")), &md_v).unwrap();
        std::fs::write(old.join(format!("{stem}.input.2020.yaml")), &yaml).unwrap();
        documents.push(serde_json::json!({
            "year": 2020, "organisation": ORG, "kind": "combined", "date": "2020-12-08",
            "title": "广东邮电职业技术学院学院工会2020年工作总结及2021年工作计划",
            "version": version, "current": version == 2,
            "pdf": { "path": format!("{stem}.pdf"), "sha256": sha(&pdf) },
            "markdown": { "path": format!("{stem}.md"), "sha256": sha(&md_v) },
            "inputs": [{ "path": format!("{stem}.input.2020.yaml"), "sha256": sha(&yaml), "source": "inputs/2020.yaml" }],
            "nianbao_version": "0.1.0",
        }));
    }
    std::fs::write(
        old.join("manifest.json"),
        serde_json::to_string_pretty(
            &serde_json::json!({ "format": "nianbao-archive/1", "documents": documents }),
        )
        .unwrap(),
    )
    .unwrap();

    let refused = archive(&input, &old, &["--replace"]);
    assert_eq!(code(&refused), 2);
    assert!(stderr(&refused).ends_with(&format!(
        "error: `{}` holds an archive in nianbao's earlier format (manifest.json)\n  = help: turn it into the OCFL archive first: nianbao archive migrate --dir {}\n",
        old.display(),
        old.display()
    )), "{}", stderr(&refused));

    let out = nianbao(&["archive", "migrate", "--dir", old.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!(
            "migrated 1 document (2 versions) in {} to an OCFL 1.1 storage root\n",
            old.display()
        )
    );
    assert!(!old.join("manifest.json").exists());
    assert!(
        tree(&old)
            .iter()
            .all(|p| p == "0=ocfl_1.1" || p.starts_with(&format!("{OBJECT}/"))),
        "{:?}",
        tree(&old)
    );
    assert_eq!(std::fs::read(old.join(PDF)).unwrap(), pdf);
    let list = nianbao(&["archive", "list", "--dir", old.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&list.stdout).contains("2 (current)"));
    assert_eq!(verify(&old).0, 0, "{}", verify(&old).1);
    ocfl_expects(ocfl, &old, 0);
    // Archiving goes on in the migrated archive.
    assert_eq!(code(&archive(&input, &old, &["--replace"])), 0);
    assert!(
        old.join(format!("{OBJECT}/v3/content/nianbao.json"))
            .exists()
    );
}

/// A folder that holds other files is never made an archive.
#[test]
fn a_folder_with_other_files_is_not_made_an_archive() {
    let dir = tempfile::tempdir().unwrap();
    let input = final_seed(dir.path());
    let out = archive(&input, dir.path(), &[]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).ends_with(&format!(
            "error: `{}` holds files and is not an archive: archive into an empty or new folder\n",
            dir.path().display()
        )),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().join("0=ocfl_1.1").exists());
}

/// Writers killed at random moments and writers at the same time leave an
/// archive that verifies (benches/archive_crash.py runs this 100 and 50 times).
#[test]
fn a_killed_writer_and_concurrent_writers_leave_a_valid_archive() {
    a_killed_writer_and_concurrent_writers_leave_a_valid_archive_checked(None);
}

fn a_killed_writer_and_concurrent_writers_leave_a_valid_archive_checked(ocfl: Ocfl) {
    let dir = tempfile::tempdir().unwrap();
    let input = final_seed(dir.path());
    let archive_dir = dir.path().join("archive");
    assert_eq!(code(&archive(&input, &archive_dir, &[])), 0);
    let command = |org: &str| {
        let text = read(&input).replace(ORG, org);
        let path = dir.path().join(format!("{org}.yaml"));
        std::fs::write(&path, text).unwrap();
        let mut command = crate::common::command();
        command.args([
            "archive",
            path.to_str().unwrap(),
            "--dir",
            archive_dir.to_str().unwrap(),
            "--replace",
            "--no-system-fonts",
        ]);
        command.stderr(std::process::Stdio::null());
        command
    };
    for (i, delay) in [50u64, 150, 300, 600].into_iter().enumerate() {
        let mut child = command(ORG).spawn().unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay));
        child.kill().unwrap();
        child.wait().unwrap();
        let (code, out, err) = verify(&archive_dir);
        assert_eq!(code, 0, "kill {i} after {delay} ms: {out}{err}");
    }
    let writers: Vec<_> = ["甲工会", "乙工会", ORG]
        .iter()
        .map(|org| command(org).spawn().unwrap())
        .collect();
    for mut writer in writers {
        assert!(writer.wait().unwrap().success());
    }
    let (code, out, err) = verify(&archive_dir);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.starts_with("3 documents"), "{out}");
    ocfl_expects(ocfl, &archive_dir, 0);
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
    assert!(err.contains("已经归档，归档的文件永不覆盖"), "{err}");
    assert!(!err.contains("E0401"), "{err}");
}

#[test]
fn with_docx_the_docx_is_kept_in_the_version_and_verified() {
    let dir = tempfile::tempdir().unwrap();
    let input = final_seed(dir.path());
    let archive_dir = dir.path().join("archive");
    let out = archive(&input, &archive_dir, &["--docx"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let docx_rel = format!("{OBJECT}/v1/content/广东邮电职业技术学院学院工会-combined.docx");
    let docx = archive_dir.join(&docx_rel);
    let bytes = std::fs::read(&docx).unwrap();
    assert!(bytes.starts_with(b"PK"), "a ZIP package");
    let record = json(&archive_dir.join(format!("{OBJECT}/v1/content/nianbao.json")));
    assert_eq!(record["docx"], "广东邮电职业技术学院学院工会-combined.docx");
    let inventory = json(&archive_dir.join(format!("{OBJECT}/inventory.json")));
    assert_eq!(
        inventory["manifest"][sha512sum(&docx)],
        serde_json::json!([docx_rel.trim_start_matches(&format!("{OBJECT}/"))])
    );
    assert_eq!(verify(&archive_dir).0, 0);
    // An altered DOCX is caught.
    let mut altered = bytes.clone();
    altered.push(0);
    std::fs::write(&docx, altered).unwrap();
    let (code, out, _) = verify(&archive_dir);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        format!("{docx_rel}: altered: its sha512 differs from the inventory's\n")
    );
    // A DOCX whose XML Word would refuse, with every digest recomputed: OCFL
    // cannot tell, the check of its XML can.
    let broken = {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        zip.start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        zip.write_all("<w:document><w:t>标题\u{1b}</w:t></w:document>".as_bytes())
            .unwrap();
        zip.finish().unwrap().into_inner()
    };
    std::fs::write(&docx, &broken).unwrap();
    forge_digest(&archive_dir, &sha512_hex(&bytes), &sha512_hex(&broken));
    let (code, out, _) = verify(&archive_dir);
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        out,
        format!(
            "{OBJECT}/v1: `广东邮电职业技术学院学院工会-combined.docx` is not well-formed: word/document.xml: a character XML does not allow\n"
        )
    );
}

/// A forger's step: one file's digest replaced in the object's inventories,
/// their sidecars recomputed, so that OCFL's own digests agree.
fn forge_digest(archive_dir: &Path, old: &str, new: &str) {
    let inventory_text =
        read(&archive_dir.join(format!("{OBJECT}/inventory.json"))).replace(old, new);
    let sidecar = format!("{} inventory.json\n", sha512_hex(inventory_text.as_bytes()));
    for at in [OBJECT.to_string(), format!("{OBJECT}/v1")] {
        std::fs::write(
            archive_dir.join(&at).join("inventory.json"),
            &inventory_text,
        )
        .unwrap();
        std::fs::write(
            archive_dir.join(&at).join("inventory.json.sha512"),
            &sidecar,
        )
        .unwrap();
    }
}

fn sha512_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha512};
    format!("{:x}", Sha512::digest(bytes))
}
