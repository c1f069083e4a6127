//! A user's style file is code, and code can run for ever or take all the
//! memory (`range(300000000)` asks for gigabytes). Typesetting with one is
//! first tried in a child process of nianbao, stopped when it runs longer than
//! [`TIME_LIMIT`] or asks for more than [`MEMORY_LIMIT`]; only a trial that
//! ends is followed by the real typesetting in this process, which is then
//! bounded too (the same document, the same style). The built-in styles are
//! not tried.
//!
//! The parent bounds the time (it waits, then kills the child) on every
//! system. The child bounds its own memory before it does anything: its
//! address space (`setrlimit(RLIMIT_AS)`) where the system enforces that
//! limit (Linux, Android, the BSDs but OpenBSD); an allocation past it fails,
//! and the child ends saying so on its standard error, which the parent
//! reads. Elsewhere (macOS, Windows) only the time is bounded.

use std::io::{Read, Write};
use std::process::{Command, ExitStatus, Stdio};
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
/// The most memory typesetting with a style file may take: the child's
/// address space, so what it maps, the allocator's reservations included
/// (mimalloc reserves a GiB at once). A document at the size limit, typeset
/// with a copy of the built-in style, maps about two thirds of it.
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
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| failed(tried_not(lang, &e)))?;
    // What the child says on its way out: read as it comes, so that the
    // child never waits on a full pipe.
    let mut stderr = child.stderr.take().map(|stderr| {
        std::thread::spawn(move || {
            let mut said = Vec::new();
            let _ = stderr.take(1 << 16).read_to_end(&mut said);
            said
        })
    });
    let json = serde_json::to_vec(&trial).expect("a trial serialises");
    if let Some(mut stdin) = child.stdin.take() {
        // A child that died early closes its end; its status says why.
        let _ = stdin.write_all(&json);
    }
    let started = Instant::now();
    loop {
        let ended = child.try_wait().ok().flatten();
        let over_time = ended.is_none() && started.elapsed() > TIME_LIMIT;
        let over_memory = ended.is_some_and(|status| {
            let said = stderr
                .take()
                .and_then(|reader| reader.join().ok())
                .unwrap_or_default();
            ran_out_of_memory(status, &said)
        });
        if over_time {
            let _ = child.kill();
            let _ = child.wait();
        }
        if over_time || over_memory {
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
        if ended.is_some() {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Whether the trial ended because an allocation failed: Rust's allocation
/// error handler says so on the standard error ("memory allocation of N
/// bytes failed") and aborts the process.
fn ran_out_of_memory(status: ExitStatus, said: &[u8]) -> bool {
    const ALLOCATION_FAILED: &[u8] = b"memory allocation of ";
    !status.success()
        && said
            .windows(ALLOCATION_FAILED.len())
            .any(|w| w == ALLOCATION_FAILED)
}

fn tried_not(lang: Lang, error: &std::io::Error) -> String {
    tr!(lang, "style-not-tried", error = error)
}

/// Bounds the address space of this process to `bytes`, where the system
/// enforces that limit. An allocation past it fails.
#[cfg(any(
    target_os = "linux",
    target_os = "android",
    target_os = "freebsd",
    target_os = "netbsd",
    target_os = "dragonfly"
))]
fn limit_memory(bytes: u64) {
    let mut limit = libc::rlimit {
        rlim_cur: 0,
        rlim_max: 0,
    };
    // SAFETY: getrlimit and setrlimit only read or write the struct they are
    // given, and change nothing but this process's own limit.
    unsafe {
        if libc::getrlimit(libc::RLIMIT_AS, &mut limit) == 0 {
            // Only lowered, never above the hard limit.
            limit.rlim_cur = limit.rlim_max.min(bytes as libc::rlim_t);
            libc::setrlimit(libc::RLIMIT_AS, &limit);
        }
    }
}

/// Elsewhere the memory is not bounded (macOS accepts RLIMIT_AS but does not
/// enforce it, Windows has no such limit): only the time is.
#[cfg(not(any(
    target_os = "linux",
    target_os = "android",
    target_os = "freebsd",
    target_os = "netbsd",
    target_os = "dragonfly"
)))]
fn limit_memory(_bytes: u64) {}

/// The child's side: bounds its memory, reads a [`Trial`] on stdin and
/// typesets it. Err: the exit code, 1 when Typst reported errors, 2 when the
/// trial was unreadable.
pub fn run_trial() -> Result<(), i32> {
    limit_memory(MEMORY_LIMIT);
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
        // The trial only shows that the style ends; the seals are the real run's.
        seals: Vec::new(),
    };
    match super::pdf(&trial.markdown, &meta, &fonts, &trial.style, trial.archival) {
        Ok(_) => Ok(()),
        Err(_) => Err(1),
    }
}
