//! The corpus of hostile and faulty inputs (`tests/corpus/`), and the cases too big
//! or too special to keep as files: no panic, no hang, a clear message and the
//! right exit code for each.

use crate::common::*;

use std::path::Path;

struct Expect {
    exit: i32,
    text: String,
    absent: bool,
    at: Option<String>,
}

fn expectation(path: &Path) -> Expect {
    let bytes = std::fs::read(path).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or("");
    let rest = first
        .strip_prefix("# expect: ")
        .unwrap_or_else(|| panic!("{} has no `# expect:` line", path.display()))
        .trim_end_matches('\r');
    let (exit, rest) = rest.split_once(' ').unwrap_or((rest, ""));
    let (text, at) = match rest.rsplit_once(" @ ") {
        Some((text, at)) => (text, Some(at.to_string())),
        None => (rest, None),
    };
    let (absent, text) = match text.strip_prefix('!') {
        Some(t) => (true, t),
        None => (false, text),
    };
    Expect {
        exit: exit.parse().unwrap(),
        text: text.trim().to_string(),
        absent,
        at,
    }
}

/// The cases of `tests/corpus/`, in name order.
fn corpus_files() -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(repo().join("tests/corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_corpus_case_behaves_as_its_first_line_says() {
    let files = corpus_files();
    assert!(files.len() >= 40, "only {} cases", files.len());
    let mut failures = Vec::new();
    for file in &files {
        let rel = file
            .strip_prefix(repo())
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        let expect = expectation(file);
        let started = std::time::Instant::now();
        let out = nianbao(&["check", &rel, "--lang", "en"]);
        let err = stderr(&out);
        let mut problems = Vec::new();
        if code(&out) != expect.exit {
            problems.push(format!("exit {} instead of {}", code(&out), expect.exit));
        }
        if err.contains("panicked") {
            problems.push("panicked".to_string());
        }
        if !expect.text.is_empty() && err.contains(&expect.text) == expect.absent {
            problems.push(format!(
                "{} “{}”",
                if expect.absent { "shows" } else { "lacks" },
                expect.text
            ));
        }
        if let Some(at) = expect
            .at
            .as_ref()
            .filter(|at| !err.contains(&format!("{rel}:{at}")))
        {
            problems.push(format!("does not point at {at}"));
        }
        // The same diagnostics as one JSON document.
        let json = nianbao(&["check", &rel, "--lang", "en", "--format", "json"]);
        let doc: Result<serde_json::Value, _> = serde_json::from_slice(&json.stdout);
        match doc {
            Ok(doc) if code(&json) == expect.exit => {
                let errors = doc["errors"].as_u64().unwrap();
                if (errors > 0) != (expect.exit == 1) {
                    problems.push(format!("JSON counts {errors} errors"));
                }
            }
            Ok(_) => problems.push(format!("--format json exits {}", code(&json))),
            Err(e) => problems.push(format!("--format json is not JSON: {e}")),
        }
        if started.elapsed() > std::time::Duration::from_secs(20) {
            problems.push("took over 20 s".to_string());
        }
        if !problems.is_empty() {
            failures.push(format!("{rel}: {}\n{err}", problems.join("; ")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// Every file below `root` (links as links, not followed) with its bytes, except
/// the folder `skip`.
fn snapshot(root: &Path, skip: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            let rel = path.strip_prefix(root).unwrap().display().to_string();
            let kind = entry.file_type().unwrap();
            if path == skip {
                continue;
            } else if kind.is_symlink() {
                let target = std::fs::read_link(&path).unwrap();
                out.insert(rel, format!("-> {}", target.display()).into_bytes());
            } else if kind.is_dir() {
                out.insert(rel + "/", Vec::new());
                stack.push(path);
            } else {
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

/// Every corpus case built, in a folder that also holds other files and a link
/// out of it: the exit code is 0 or 1 with no panic; nothing outside the output
/// folder changes; the output folder holds the case's Markdown and PDF when the
/// build succeeds, and nothing (no temporary file either) when it fails.
#[test]
fn every_corpus_case_built_changes_nothing_outside_its_output_folder() {
    let files = corpus_files();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("precious.txt"), "not to be touched").unwrap();
    let check = |file: &std::path::PathBuf| -> Option<String> {
        let sandbox = tempfile::tempdir().unwrap();
        let root = sandbox.path();
        std::fs::create_dir(root.join("in")).unwrap();
        let input = root.join("in/case.yaml");
        std::fs::copy(file, &input).unwrap();
        std::fs::write(root.join("in/notes.txt"), "beside the input").unwrap();
        std::os::unix::fs::symlink(
            outside.path().join("precious.txt"),
            root.join("in/link.txt"),
        )
        .unwrap();
        let out_dir = root.join("out");
        let before = snapshot(root, &out_dir);
        let outside_before = snapshot(outside.path(), Path::new(""));
        let out = nianbao(&[
            "build",
            input.to_str().unwrap(),
            "-o",
            out_dir.to_str().unwrap(),
            "--no-system-fonts",
            "--lang",
            "en",
        ]);
        let err = stderr(&out);
        let mut problems = Vec::new();
        if ![0, 1].contains(&code(&out)) || err.contains("panicked") {
            problems.push(format!("exit {}", code(&out)));
        }
        if snapshot(root, &out_dir) != before {
            problems.push("changed something beside the output folder".to_string());
        }
        if snapshot(outside.path(), Path::new("")) != outside_before {
            problems.push("changed something outside the sandbox".to_string());
        }
        let written: Vec<String> = std::fs::read_dir(&out_dir)
            .map(|d| {
                d.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        let mut written = written;
        written.sort();
        let expected: Vec<String> = if code(&out) == 0 {
            vec!["case.md".into(), "case.pdf".into()]
        } else {
            Vec::new()
        };
        if written != expected {
            problems.push(format!("wrote {written:?}"));
        }
        let rel = file.strip_prefix(repo()).unwrap().display().to_string();
        (!problems.is_empty()).then(|| format!("{rel}: {}\n{err}", problems.join("; ")))
    };
    // Two at a time: the cases that typeset take a while each.
    let (left, right) = files.split_at(files.len() / 2);
    let failures: Vec<String> = std::thread::scope(|scope| {
        let other = scope.spawn(|| right.iter().filter_map(check).collect::<Vec<_>>());
        let mut failures: Vec<String> = left.iter().filter_map(check).collect();
        failures.extend(other.join().unwrap());
        failures
    });
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn a_50_mb_input_is_refused_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.yaml");
    let line = format!("# {}\n", "填充".repeat(500));
    let mut text = MINIMAL.to_string();
    while text.len() < 50_000_000 {
        text.push_str(&line);
    }
    std::fs::write(&path, text).unwrap();
    let out = nianbao(&["check", path.to_str().unwrap()]);
    let err = stderr(&out);
    assert_eq!(code(&out), 1, "{err}");
    assert!(
        err.contains("error[E0006]: 输入文件有 50.0 MB；nianbao 只读 10 MB 以内的输入"),
        "{err}"
    );
}

#[test]
fn a_missing_input_or_a_folder_is_a_usage_error() {
    let out = nianbao(&["check", "no/such/input.yaml"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("cannot read `no/such/input.yaml`"),
        "{}",
        stderr(&out)
    );
    let dir = tempfile::tempdir().unwrap();
    let out = nianbao(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("holds no .yaml file"),
        "{}",
        stderr(&out)
    );
    let out = nianbao(&["check"]);
    assert_eq!(code(&out), 2, "clap's usage errors exit 2");
}

#[test]
fn an_output_folder_that_cannot_be_created_is_an_io_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let out = build(
        &repo().join("inputs/2020.yaml"),
        &file.join("out"),
        &["--format", "md"],
    );
    let err = stderr(&out);
    assert_eq!(code(&out), 2, "{err}");
    assert!(err.contains("error: cannot create the folder"), "{err}");
}

#[test]
fn a_failed_build_leaves_earlier_outputs_and_no_temporary_files() {
    let dir = tempfile::tempdir().unwrap();
    let input = write_input(&dir, "r.yaml", MINIMAL);
    let out = build(&input, dir.path(), &["--format", "md"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let before = read(&dir.path().join("r.md"));
    std::fs::write(&input, MINIMAL.replace("year: 2021", "year: 2030")).unwrap();
    let out = build(&input, dir.path(), &["--format", "md"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    assert_eq!(read(&dir.path().join("r.md")), before);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| !n.contains(".tmp")), "{names:?}");
}

/// Runs `build` with a templates folder holding one file.
fn build_with_template(name: &str, text: &str) -> (i32, String) {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(templates.join(name), text).unwrap();
    let out = build(
        &repo().join("inputs/2020.yaml"),
        &dir.path().join("out"),
        &["--format", "md", "--templates", templates.to_str().unwrap()],
    );
    assert!(
        !dir.path().join("out/2020.md").exists(),
        "nothing is written"
    );
    (code(&out), stderr(&out))
}

#[test]
fn broken_template_overrides_are_clear_errors() {
    let (code1, err) = build_with_template("closing.md", "{% if signature %}unclosed");
    assert_eq!(code1, 1, "{err}");
    assert!(err.contains("error[E0301]: template error"), "{err}");
    let (code2, err) = build_with_template("closing.md", "{{ no_such_variable }}");
    assert_eq!(code2, 1, "{err}");
    assert!(
        err.contains("error[E0301]") && err.contains("no_such_variable"),
        "{err}"
    );
    let out = build(
        &repo().join("inputs/2020.yaml"),
        Path::new("/tmp/nianbao-never-written"),
        &["--templates", "no/such/folder"],
    );
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("the templates folder `no/such/folder` does not exist"));
}

/// A device says nothing of its size: it is read no further than the limit.
#[cfg(unix)]
#[test]
fn a_device_is_read_no_further_than_the_limit() {
    let out = nianbao(&["check", "/dev/zero", "--lang", "en"]);
    let err = stderr(&out);
    assert_eq!(code(&out), 1, "{err}");
    assert_eq!(
        err,
        "error[E0006]: the input is 10.0 MB; nianbao reads inputs up to 10 MB\n--> /dev/zero\n = help: a year's report is far smaller: split activity logs into a folder of files\n1 file: 1 error, 0 warnings\n"
    );
    let out = nianbao(&[
        "import",
        "/dev/zero",
        "-o",
        "/tmp/nianbao-never-written.yaml",
    ]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        // A Word file or PDF may be larger than a text: import reads 50 MB.
        stderr(&out).contains("`/dev/zero` 超过 50 MB"),
        "{}",
        stderr(&out)
    );
    assert!(!std::path::Path::new("/tmp/nianbao-never-written.yaml").exists());
}

/// A UTF-16 file (as Notepad may save one) is named as such, in both byte orders.
#[test]
fn a_utf16_input_is_named_utf16() {
    let dir = tempfile::tempdir().unwrap();
    let text = "meta:\n  organisation: 某某工会\n";
    let little: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let big: Vec<u8> = [0xfe, 0xff]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    for (name, bytes) in [("le.yaml", little), ("be.yaml", big)] {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        let out = nianbao(&["check", path.to_str().unwrap(), "--lang", "en"]);
        assert_eq!(code(&out), 1);
        assert_eq!(
            stderr(&out),
            format!(
                "error[E0001]: the file is UTF-16 (it starts with a UTF-16 byte-order mark), not UTF-8\n--> {}\n = help: save the file as UTF-8 (Notepad: Save As → Encoding UTF-8)\n1 file: 1 error, 0 warnings\n",
                path.display()
            )
        );
    }
}

/// 45 aliases of a 60 KB text would make a 2.8 MB document (the attack it
/// stands for is in benches/README.md): refused by `check` and `build` at the
/// alias that passes the limit, nothing written.
#[test]
fn a_document_expanded_past_the_limit_by_aliases_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    // 2 000 × 10 characters × 3 bytes: 60 000 bytes.
    let big = "开展活动，服务职工。".repeat(2000);
    let aliases = "        - *big\n".repeat(45);
    let text = format!(
        "meta:\n  organisation: 某某工会\n  year: 2020\n  date: 2020-12-08\n  signature: 工会办\nsummary:\n  sections:\n    - title: 重复\n      points:\n        - &big \"{big}\"\n{aliases}"
    );
    let input = write_input(&dir, "big.yaml", &text);
    // The anchor's text is the first copy; the 35th (35 × 60 000 bytes, past
    // 2 MiB = 2 097 152 with the few other texts) is the 34th alias, on line
    // 10 + 34.
    let line = 44;
    let expected = format!(
        "error[E0006]: the document's text is at least 2.0 MB once its aliases and references are expanded; nianbao makes documents of up to 2 MB (about 1 000 pages)\n  --> {}:{line}:11\n   |\n{line} |         - *big\n   |           ^^^^\n   |\n   = help: an alias (*name) counts its text at each use; a year's report is far smaller\n1 file: 1 error, 0 warnings\n",
        input.display()
    );
    let out = nianbao(&["check", input.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(code(&out), 1);
    assert_eq!(stderr(&out), expected);
    let out_dir = dir.path().join("out");
    let built = build(&input, &out_dir, &["--lang", "en"]);
    assert_eq!(code(&built), 1);
    assert_eq!(stderr(&built), expected);
    assert!(!out_dir.exists() || std::fs::read_dir(&out_dir).unwrap().next().is_none());
}

/// More than 2 000 000 values (4 MB, within the size limit) are refused with
/// the limit in words, not the YAML reader's.
#[test]
fn more_values_than_the_limit_are_refused_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let text = format!(
        "meta:\n  organisation: 某某工会\n  year: 2020\n  date: 2020-12-08\nsummary:\n  sections:\n    - title: 多\n      points: [{}a]\n",
        "a,".repeat(2_000_000)
    );
    let input = write_input(&dir, "values.yaml", &text);
    let out = nianbao(&["check", input.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(
        err.starts_with(
            "error[E0006]: the input holds more than 2 000 000 YAML values (keys, values, items)\n"
        ),
        "{err}"
    );
    assert!(
        err.ends_with("  = help: nianbao reads at most 2 000 000 values, 64 levels of nesting and 50 000 aliases (`nianbao explain E0006`)\n1 file: 1 error, 0 warnings\n"),
        "{err}"
    );
}

/// The files of a folder count towards one limit together.
#[test]
fn a_folder_is_bounded_as_a_whole() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("2020");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("a.yaml"), MINIMAL).unwrap();
    let filler = format!("# {}\n", "x".repeat(998)).repeat(6_000);
    std::fs::write(folder.join("b.yaml"), &filler).unwrap();
    std::fs::write(folder.join("c.yaml"), &filler).unwrap();
    let out = nianbao(&["check", folder.to_str().unwrap(), "--lang", "en"]);
    let err = stderr(&out);
    assert_eq!(code(&out), 1, "{err}");
    assert!(
        err.starts_with("error[E0006]: the input is 12.0 MB; nianbao reads inputs up to 10 MB\n"),
        "{err}"
    );
    assert!(
        err.contains(&format!("--> {}", folder.join("c.yaml").display())),
        "{err}"
    );
}
