//! Writing outputs: nothing written through a link or over what is not a regular
//! file, nothing replaced unless every output of the run could be written, and
//! what a killed run left behind removed by the next.

use crate::common::*;

/// `build inputs/2020.yaml -o DIR --format md,pdf`.
fn build_into(dir: &std::path::Path) -> std::process::Output {
    nianbao(&[
        "build",
        "inputs/2020.yaml",
        "-o",
        dir.to_str().unwrap(),
        "--no-system-fonts",
    ])
}

/// The names in a folder, sorted.
fn names(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_failure_on_the_second_output_leaves_the_first_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("2020.md"), "last year's build").unwrap();
    // The PDF cannot be written: a folder stands in its place.
    std::fs::create_dir(dir.path().join("2020.pdf")).unwrap();
    let out = build_into(dir.path());
    let err = stderr(&out);
    assert_eq!(code(&out), 1, "{err}");
    assert!(
        err.ends_with(&format!(
            "error: `{}` is a folder; nianbao replaces only regular files\n  = help: remove it, or write elsewhere with -o\n",
            dir.path().join("2020.pdf").display()
        )),
        "{err}"
    );
    assert_eq!(read(&dir.path().join("2020.md")), "last year's build");
    assert_eq!(
        names(dir.path()),
        ["2020.md", "2020.pdf"],
        "no temporary is left"
    );
}

#[cfg(unix)]
#[test]
fn an_output_that_is_a_link_is_refused_and_its_target_kept() {
    let dir = tempfile::tempdir().unwrap();
    let outside = dir.path().join("outside.txt");
    std::fs::write(&outside, "not nianbao's").unwrap();
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    std::os::unix::fs::symlink(&outside, out_dir.join("2020.md")).unwrap();
    let out = build_into(&out_dir);
    let err = stderr(&out);
    assert_eq!(code(&out), 1, "{err}");
    assert!(err.contains("2020.md` is a symbolic link"), "{err}");
    assert_eq!(read(&outside), "not nianbao's");
    assert!(
        std::fs::symlink_metadata(out_dir.join("2020.md"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(!out_dir.join("2020.pdf").exists(), "nothing is written");
}

#[cfg(unix)]
#[test]
fn import_over_a_device_is_refused() {
    let out = nianbao(&[
        "import",
        "tests/fixtures/seed-2020.txt",
        "-o",
        "/dev/null",
        "--force",
    ]);
    let err = stderr(&out);
    assert_eq!(code(&out), 1, "{err}");
    assert!(
        err.contains(
            "error: `/dev/null` is not a regular file; nianbao replaces only regular files"
        ),
        "{err}"
    );
    let meta = std::fs::metadata("/dev/null").unwrap();
    assert!(!meta.file_type().is_file(), "/dev/null is still a device");
}

#[test]
fn temporaries_of_a_killed_run_are_removed_by_the_next() {
    let dir = tempfile::tempdir().unwrap();
    // A run that no longer exists (no process has this id) left a half-written PDF.
    std::fs::write(
        dir.path().join(".2020.pdf.4194305.Xy12ab.nianbao-tmp"),
        "%PDF-half",
    )
    .unwrap();
    let out = build_into(dir.path());
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(names(dir.path()), ["2020.md", "2020.pdf"]);
}

/// Outputs are readable like any file the user writes (0644 less the umask),
/// not private like the temporary files they were before their rename.
#[cfg(unix)]
#[test]
fn outputs_have_the_permissions_of_ordinary_files() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = build_into(dir.path());
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    for name in ["2020.md", "2020.pdf"] {
        let mode = std::fs::metadata(dir.path().join(name))
            .unwrap()
            .permissions()
            .mode();
        // Under the usual umask 022 the file is 0644; a temporary file is 0600.
        assert_ne!(
            mode & 0o044,
            0,
            "{name} is not readable by others: {mode:o}"
        );
        assert_eq!(mode & 0o111, 0, "{name} is not executable: {mode:o}");
    }
}

#[test]
fn importing_an_empty_file_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let yaml = dir.path().join("out.yaml");
    let out = nianbao(&[
        "import",
        empty.to_str().unwrap(),
        "-o",
        yaml.to_str().unwrap(),
    ]);
    let err = stderr(&out);
    assert_eq!(code(&out), 2, "{err}");
    assert!(
        err.ends_with(&format!(
            "错误：`{}` 中没有文字，什么也没有写\n",
            empty.display()
        )),
        "{err}"
    );
    assert!(!yaml.exists());
}
