//! Helpers shared by the integration tests: run the real binary, read outputs.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The nianbao binary, run in the repository root with no colour and an
/// English locale: what it says where no document or `--lang` decides the
/// language is English, whatever the machine running the tests sets.
pub fn command() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_nianbao"));
    command
        .current_dir(repo())
        .env("NO_COLOR", "1")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8");
    command
}

/// Runs nianbao with `args` in the repository root.
pub fn nianbao(args: &[&str]) -> Output {
    command().args(args).output().expect("nianbao runs")
}

/// Runs nianbao with `args` for a user whose `LANG` is `lang`.
pub fn nianbao_for(lang: &str, args: &[&str]) -> Output {
    command()
        .env("LANG", lang)
        .args(args)
        .output()
        .expect("nianbao runs")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn code(out: &Output) -> i32 {
    out.status.code().expect("exit code")
}

/// Writes `text` as `name` in a fresh temporary folder and returns its path.
pub fn write_input(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// All whitespace removed.
pub fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Markdown reduced to its text: headings' #, strong **, backslash escapes, the
/// trailing backslash of hard breaks and HTML comments go.
pub fn markdown_text(markdown: &str) -> String {
    let mut out = String::new();
    for line in markdown.lines() {
        if line.trim_start().starts_with("<!--") {
            continue;
        }
        let line = line.trim_start_matches('#').trim_start();
        let line = line.strip_suffix('\\').unwrap_or(line);
        let line = line.replace("**", "").replace("<br>", "");
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '\\' && chars.peek().is_some_and(|n| n.is_ascii_punctuation()) {
                continue;
            }
            out.push(c);
        }
        out.push('\n');
    }
    out
}

/// The first place where two strings differ, with some context, for test failures.
pub fn first_difference(got: &str, want: &str) -> String {
    let got: Vec<char> = got.chars().collect();
    let want: Vec<char> = want.chars().collect();
    let at = got
        .iter()
        .zip(&want)
        .position(|(a, b)| a != b)
        .unwrap_or(got.len().min(want.len()));
    let window = |v: &[char]| -> String {
        v[at.saturating_sub(30)..(at + 30).min(v.len())]
            .iter()
            .collect()
    };
    format!(
        "first difference at character {at}:\n  got:  …{}…\n  want: …{}…",
        window(&got),
        window(&want)
    )
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// A minimal valid input; tests change one thing in it.
pub const MINIMAL: &str = "\
meta:
  organisation: 某某工会
  year: 2020
  date: 2020-12-08
  signature: 工会办
counts:
  visits: { value: 411, unit: 人 }
summary:
  sections:
    - title: 关心关爱员工
      points:
        - 生日慰问{visits}。
plans:
  year: 2021
  sections:
    - id: care
      title: 关心关爱员工
      text: 继续开展慰问。
";

/// Builds `input` into `out_dir` with extra arguments; returns the output.
pub fn build(input: &Path, out_dir: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "build",
        input.to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
        "--no-system-fonts",
    ];
    args.extend_from_slice(extra);
    nianbao(&args)
}

// PDFs are read in-process (hayro), not with poppler's tools.
pub use crate::pdf_reader::{Font, Word, pdf_fonts, pdf_info, pdf_pages, pdf_text, pdf_words};
