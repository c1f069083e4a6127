//! The user guide (`docs/`): its reference pages are what the program makes
//! now, written by the hidden `nianbao reference` into a fresh folder and
//! compared with the committed ones file by file.

use std::collections::BTreeMap;
use std::path::Path;

use crate::common::{code, nianbao, repo, stderr};

fn files(root: &Path) -> BTreeMap<String, String> {
    let mut found = BTreeMap::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                let name = path.strip_prefix(root).unwrap().to_string_lossy();
                found.insert(
                    name.replace('\\', "/"),
                    std::fs::read_to_string(&path).unwrap(),
                );
            }
        }
    }
    found
}

#[test]
fn the_committed_reference_pages_are_current() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("reference");
    let run = nianbao(&["reference", "--out", out.to_str().unwrap()]);
    assert_eq!(code(&run), 0, "{}", stderr(&run));
    let made = files(&out);
    let committed = files(&repo().join("docs/src/reference"));
    let mut stale = Vec::new();
    for (name, text) in &made {
        match committed.get(name) {
            Some(old) if old == text => {}
            Some(_) => stale.push(format!("{name}: differs")),
            None => stale.push(format!("{name}: missing")),
        }
    }
    for name in committed.keys().filter(|n| !made.contains_key(*n)) {
        stale.push(format!("{name}: made by nothing now (remove it)"));
    }
    assert!(
        stale.is_empty(),
        "docs/src/reference is stale:\n  {}\nregenerate it: cargo run -- reference --out docs/src/reference",
        stale.join("\n  ")
    );
    // Every command has its page, and the hidden one is not in the help.
    for command in [
        "check", "build", "archive", "import", "new", "next", "serve",
    ] {
        assert!(made.contains_key(&format!("cli/{command}.md")), "{command}");
    }
    assert!(!made.contains_key("cli/reference.md"));
    let help = nianbao(&["--help"]);
    let help = String::from_utf8_lossy(&help.stdout);
    assert!(
        help.contains("  explain ") && !help.contains("  reference "),
        "{help}"
    );
}

/// `nianbao explain W0103` under a Chinese locale prints the page of the
/// guide's 诊断代码参考, word for word, first.
#[test]
fn explain_prints_the_guides_page() {
    let out = crate::common::nianbao_for("zh_CN.UTF-8", &["explain", "W0103"]);
    assert_eq!(code(&out), 0);
    let printed = String::from_utf8(out.stdout).unwrap();
    let page = std::fs::read_to_string(repo().join("docs/src/reference/codes.md")).unwrap();
    let start = page
        .find("## W0103 placeholder {#w0103}\n\n```text\n")
        .unwrap();
    let section = &page[start..];
    let body = &section[section.find("```text\n").unwrap() + 8..];
    let body = &body[..body.find("```").unwrap()];
    assert!(
        body.starts_with("W0103 placeholder（默认级别：警告）\n"),
        "{body}"
    );
    assert!(printed.starts_with(body), "{printed}");
}
