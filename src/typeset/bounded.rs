//! A user's style file is code, and code can run for ever or take all the
//! memory (`range(300000000)` asks for gigabytes). Typesetting with one is
//! first tried in a child process of nianbao, stopped when it runs longer than
//! [`TIME_LIMIT`] or holds more than [`MEMORY_LIMIT`]; only a trial that ends
//! is followed by the real typesetting in this process, which is then bounded
//! too (the same document, the same style). The built-in styles are not tried.

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{FontOptions, FontSet, PdfMeta, Style, TypesetError};
use crate::diag::{Code, Diagnostic};
use crate::locale::tr;
use crate::model::Lang;
use crate::view::Chart;

/// The longest a style file may take to typeset one document.
pub const TIME_LIMIT: Duration = Duration::from_secs(60);
/// The most memory (resident) typesetting with a style file may hold.
pub const MEMORY_LIMIT: u64 = 2 << 30;
/// The hidden subcommand the child runs.
pub const TRIAL_COMMAND: &str = "__typeset-trial";

/// What the child typesets: the document, its style and where its fonts are.
#[derive(Serialize, Deserialize)]
pub struct Trial {
    markdown: String,
    title: String,
    author: String,
    date: NaiveDate,
    lang: Lang,
    chart: Option<Chart>,
    style: Style,
    fonts: FontOptions,
    archival: bool,
}

/// Tries typesetting in a bounded child when the style is the user's. Err: the
/// limits were passed (or the child could not run); Ok: typesetting ends in
/// time and memory (it may still fail, with errors the caller reports).
pub fn try_style(
    markdown: &str,
    meta: &PdfMeta,
    fonts: &FontSet,
    style: &Style,
    archival: bool,
) -> Result<(), TypesetError> {
    let Some(path) = &style.path else {
        return Ok(());
    };
    let trial = Trial {
        markdown: markdown.to_string(),
        title: meta.title.clone(),
        author: meta.author.clone(),
        date: meta.date,
        lang: meta.lang,
        chart: meta.chart.clone(),
        style: style.clone(),
        fonts: fonts.options.clone(),
        archival,
    };
    // In the document's language, as the rest of its diagnostics.
    let lang = meta.lang;
    let (seconds, gigabytes) = (TIME_LIMIT.as_secs(), MEMORY_LIMIT >> 30);
    let failed = |what: String| {
        let hint = tr!(
            lang,
            "style-over-limit.hint",
            seconds = seconds,
            gigabytes = gigabytes
        );
        TypesetError::Diagnostics(
            vec![
                Diagnostic::error(Code::Typeset, what)
                    .in_file(path)
                    .hint(hint),
            ],
            Vec::new(),
        )
    };
    let exe = std::env::current_exe().map_err(|e| failed(tried_not(lang, &e)))?;
    let mut child = Command::new(exe)
        .arg(TRIAL_COMMAND)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| failed(tried_not(lang, &e)))?;
    let json = serde_json::to_vec(&trial).expect("a trial serialises");
    if let Some(mut stdin) = child.stdin.take() {
        // A child that died early closes its end; its status says why.
        let _ = stdin.write_all(&json);
    }
    let started = Instant::now();
    loop {
        if let Ok(Some(_)) = child.try_wait() {
            return Ok(());
        }
        let over_time = started.elapsed() > TIME_LIMIT;
        let resident = resident_bytes(child.id());
        if over_time || resident > MEMORY_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            let file = path.display();
            let what = if over_time {
                tr!(lang, "style-over-time", file = file, seconds = seconds)
            } else {
                tr!(
                    lang,
                    "style-over-memory",
                    file = file,
                    gigabytes = gigabytes
                )
            };
            return Err(failed(what));
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn tried_not(lang: Lang, error: &std::io::Error) -> String {
    tr!(lang, "style-not-tried", error = error)
}

/// The resident memory of a process (Linux; 0 elsewhere: only time is bounded).
fn resident_bytes(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
            let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
            Some(kb * 1024)
        })
        .unwrap_or(0)
}

/// The child's side: reads a [`Trial`] on stdin and typesets it. Err: the exit
/// code, 1 when Typst reported errors, 2 when the trial was unreadable.
pub fn run_trial() -> Result<(), i32> {
    let mut json = Vec::new();
    let read = std::io::Read::read_to_end(&mut std::io::stdin(), &mut json);
    let Some(trial) = read
        .ok()
        .and_then(|_| serde_json::from_slice::<Trial>(&json).ok())
    else {
        return Err(2);
    };
    let Ok(fonts) = FontSet::load(&trial.fonts) else {
        return Err(2);
    };
    let meta = PdfMeta {
        title: trial.title,
        author: trial.author,
        date: trial.date,
        lang: trial.lang,
        chart: trial.chart,
    };
    match super::pdf(&trial.markdown, &meta, &fonts, &trial.style, trial.archival) {
        Ok(_) => Ok(()),
        Err(_) => Err(1),
    }
}
