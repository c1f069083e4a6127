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
        err.contains(&format!("not built (1 of 4): {}\n", broken.display())),
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
