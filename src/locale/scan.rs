//! The guard of the locale files: no Chinese or English sentence is left in
//! code. Every string literal of `src/**/*.rs` (outside tests and comments) and
//! of the editing page's script is read; one that holds a Chinese character or
//! three English words in a row is words for a person, and belongs in
//! `locales/`. What rightly stays (the patterns a rule or the importer looks
//! for, numerals, font names) is allowed file by file below, with how many
//! such literals the file has, so that a new sentence in it still fails.

use std::path::{Path, PathBuf};

/// A file that may hold literals that look like words, and why.
struct Allowed {
    path: &'static str,
    /// How many; None: any number (a file another change is rewriting).
    count: Option<usize>,
    #[allow(dead_code)]
    why: &'static str,
}

const fn allow(path: &'static str, count: usize, why: &'static str) -> Allowed {
    Allowed {
        path,
        count: Some(count),
        why,
    }
}

const ALLOWED: &[Allowed] = &[
    Allowed {
        path: "src/schema.rs",
        count: None,
        why: "mostly test code (the draft of every field); the rest names the model's shapes",
    },
    // Data, not words: what rules and the importer look for, and names.
    allow(
        "src/numerals.rs",
        20,
        "numerals and numbering patterns (一、 （一） 一是)",
    ),
    allow("src/cjk.rs", 2, "punctuation classes"),
    allow(
        "src/title.rs",
        3,
        "where a title may break: punctuation classes and the characters that end an organ's name",
    ),
    allow(
        "src/typeset/mod.rs",
        2,
        "punctuation classes; a Typst error text matched",
    ),
    allow("src/typeset/writer.rs", 1, "punctuation classes"),
    allow(
        "src/typeset/bounded.rs",
        1,
        "Rust's allocation error text matched",
    ),
    allow(
        "src/import/figures.rs",
        24,
        "what the importer looks for: the words that name a count",
    ),
    allow(
        "src/figures.rs",
        33,
        "what a figure in text is: its units, the marks that end a clause, quote marks, the words around a label",
    ),
    allow(
        "src/import/lines.rs",
        67,
        "what the importer looks for: headings, numbering, page furniture",
    ),
    allow(
        "src/import/structure.rs",
        33,
        "what the importer looks for: part headings, roles, signatures",
    ),
    allow(
        "src/validate/text.rs",
        15,
        "what the rules look for: numbering styles, units, punctuation",
    ),
    allow(
        "src/docx/styles.rs",
        33,
        "the DOCX style names (Word shows them) and customary font names",
    ),
    allow(
        "src/model.rs",
        16,
        "numbering styles as `meta.numbering` writes them (1、), and the 文种 as `document.kind` writes them (报告)",
    ),
    allow(
        "src/gongwen.rs",
        8,
        "the words that end a 请示, looked for in its text; 文件, the last line of a 联合行文's 标志 as the input writes it",
    ),
    allow(
        "src/serve/page.html",
        3,
        "a separator (：) the script joins words with; the full-width brace (｛) a box shows a reference with; 文件, the last line of a 联合行文's 标志 (data)",
    ),
    allow(
        "src/edit/shown.rs",
        2,
        "a reference as the boxes show it (｛label｝, ｛label：cn｝): the full-width braces and colon the references are read with",
    ),
    allow(
        "src/import/docx.rs",
        14,
        "what the .docx reader looks for: numerals of Word's number formats, heading style and font names, 附件",
    ),
    allow(
        "src/import/write.rs",
        22,
        "what import looks for in a title (工作总结, 上半年) and after the date (附件, 附表), and the numbering style it writes (1、)",
    ),
    allow(
        "src/validate/mod.rs",
        3,
        "the placeholders the rules look for (待补充, 待统计)",
    ),
    allow(
        "src/validate/counts.rs",
        28,
        "the units that count things (人, 项, 人次), Chinese numerals and the full-width ％ the rules look for",
    ),
    allow(
        "src/view.rs",
        7,
        "numbering patterns (一、 一是 （一）) and list end punctuation (；。)",
    ),
    allow(
        "src/render.rs",
        4,
        "end punctuation (；。) and a numbering pattern (一、)",
    ),
    allow(
        "src/refs.rs",
        3,
        "the placeholder of a count without a value (（待统计）, which the placeholder rule finds) and where 余 goes in a unit (3万余元)",
    ),
    allow(
        "src/archive/mod.rs",
        2,
        "the messages of OCFL versions, recorded in the archive's inventories: a record, the same whatever the user's language",
    ),
    allow(
        "src/load.rs",
        1,
        "a YAML reader's error text matched (out of range)",
    ),
    allow("src/cli.rs", 1, "the rollup's default name (总工会)"),
    allow(
        "src/typeset/fonts.rs",
        9,
        "font names (方正小标宋简体, 仿宋_GB2312, Noto Serif CJK SC)",
    ),
];

/// The literals of Rust source that look like words: (line, text).
fn rust_literals(source: &str) -> Vec<(usize, String)> {
    // Tests (a `#[cfg(test)]` module, at the end of a file) are not scanned.
    let code = match source.find("\n#[cfg(test)]") {
        Some(at) => &source[..at],
        None => source,
    };
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let (mut i, mut line) = (0, 1);
    let text_before = |i: usize| -> String {
        let start = chars[..i]
            .iter()
            .rposition(|c| *c == '\n')
            .map_or(0, |p| p + 1);
        chars[start..i].iter().collect()
    };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                line += usize::from(chars[i] == '\n');
                i += 1;
            }
            i += 2;
        } else if c == '\'' {
            // A character literal ('x', '\n', '"'), or a lifetime ('a).
            if next == Some('\\') {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
        } else if c == '"' || (c == 'r' && matches!(next, Some('"' | '#')) && is_raw(&chars, i)) {
            let before = text_before(i);
            let start_line = line;
            let (text, end) = if c == 'r' {
                let hashes = chars[i + 1..].iter().take_while(|c| **c == '#').count();
                let open = i + 1 + hashes + 1;
                let close: String = std::iter::once('"')
                    .chain(std::iter::repeat_n('#', hashes))
                    .collect();
                let rest: String = chars[open..].iter().collect();
                let len = rest.find(&close).unwrap_or(rest.len());
                let text: String = rest[..len].to_string();
                (
                    text.clone(),
                    open + text.chars().count() + close.chars().count(),
                )
            } else {
                let mut j = i + 1;
                let mut text = String::new();
                while j < chars.len() && chars[j] != '"' {
                    if chars[j] == '\\' {
                        text.push(chars[j]);
                        j += 1;
                    }
                    if let Some(&ch) = chars.get(j) {
                        text.push(ch);
                    }
                    j += 1;
                }
                (text, j + 1)
            };
            line += text.matches('\n').count();
            i = end;
            if !for_developers(&before) && looks_like_words(&text) {
                out.push((start_line, text));
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Whether an `r` at `i` starts a raw string (and is not the end of a name).
fn is_raw(chars: &[char], i: usize) -> bool {
    i == 0 || !(chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

/// Messages for developers, not users: a broken invariant.
fn for_developers(before: &str) -> bool {
    [
        "expect(",
        "panic!(",
        "unreachable!(",
        "assert!(",
        "assert_eq!(",
    ]
    .iter()
    .any(|m| before.contains(m))
}

/// A Chinese character (or full-width punctuation), or three English words in a row.
fn looks_like_words(text: &str) -> bool {
    let chinese = text.chars().any(|c| {
        matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}')
    });
    let english = text
        .split(|c: char| !(c.is_ascii_alphabetic() || c == ' ' || c == '\''))
        .any(|run| {
            run.split(' ')
                .collect::<Vec<_>>()
                .windows(3)
                .any(|w| w.iter().all(|word| word.len() >= 2))
        });
    chinese || english
}

/// The string literals of the page's script that look like words.
fn script_literals(page: &str) -> Vec<(usize, String)> {
    let start = page.find("<script>").expect("the page has a script");
    let mut out = Vec::new();
    for (n, line) in page.lines().enumerate().skip(page[..start].lines().count()) {
        let code = line.split("// ").next().unwrap_or("");
        for quote in ['"', '`'] {
            for (k, piece) in code.split(quote).enumerate() {
                if k % 2 == 1 && looks_like_words(piece) {
                    out.push((n + 1, piece.to_string()));
                }
            }
        }
    }
    out
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            // Test modules kept in their own folder (src/edit/tests/).
            if path.file_name() != Some("tests".as_ref()) {
                sources(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "rs")
            // Test modules of their own, this scan's among them.
            && !["tests.rs", "scan.rs"]
                .iter()
                .any(|n| path.file_name() == Some(n.as_ref()))
        {
            out.push(path);
        }
    }
}

/// Every literal that looks like words, by file (relative to the crate).
fn found() -> Vec<(String, Vec<(usize, String)>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    sources(&root.join("src"), &mut files);
    let mut out = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        out.push((name, rust_literals(&text)));
    }
    let page = "src/serve/page.html";
    let text = std::fs::read_to_string(root.join(page)).unwrap();
    out.push((page.to_string(), script_literals(&text)));
    out
}

#[test]
fn no_sentence_is_left_in_code() {
    let mut problems = Vec::new();
    for (file, literals) in found() {
        let allowed = ALLOWED.iter().find(|a| file.starts_with(a.path));
        match allowed {
            Some(Allowed { count: None, .. }) => {}
            Some(Allowed {
                count: Some(count), ..
            }) if *count == literals.len() => {}
            Some(Allowed {
                count: Some(count), ..
            }) => problems.push(format!(
                "{file}: {} literals that look like words, {count} allowed:\n{}",
                literals.len(),
                literals
                    .iter()
                    .map(|(line, text)| format!("    {file}:{line}: {text:?}"))
                    .collect::<Vec<_>>()
                    .join("\n")
            )),
            None => problems.extend(
                literals
                    .iter()
                    .map(|(line, text)| format!("{file}:{line}: {text:?}")),
            ),
        }
    }
    assert!(
        problems.is_empty(),
        "words belong in locales/*/*.ftl (or, for data, in the list of this test):\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_scan_finds_words() {
    let source = "fn f() {\n    let a = \"数字\";\n    // \"comment words here\"\n    let b = 'x';\n    let c = \"the file is empty\";\n    let d = \"undefined-count\";\n    x.expect(\"a broken invariant here\");\n    let e = r#\"raw \"quoted\" and more words\"#;\n}\n#[cfg(test)]\nmod tests { const T: &str = \"test words are fine\"; }\n";
    assert_eq!(
        rust_literals(source),
        vec![
            (2, "数字".to_string()),
            (5, "the file is empty".to_string()),
            (8, "raw \"quoted\" and more words".to_string()),
        ]
    );
    let page = "<p>x</p>\n<script>\nconst a = \"Save\"; // a comment in words\nconst b = `Page ${n} of the text`;\nconst c = \"保存\";\n</script>\n";
    assert_eq!(
        script_literals(page),
        vec![
            (4, "Page ${n} of the text".to_string()),
            (5, "保存".to_string())
        ]
    );
}
