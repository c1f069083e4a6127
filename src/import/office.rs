//! .doc, .wps, .odt and .rtf through LibreOffice: `soffice --headless
//! --convert-to docx`, run on a copy of the file in a temporary folder with a
//! profile of its own (a running LibreOffice is not disturbed, and no lock
//! file lands beside the user's file), stopped after a time limit; the folder
//! and everything in it is removed afterwards.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::words::Failure;

/// How long a conversion may take (a first start makes a new profile).
pub const TIMEOUT: Duration = Duration::from_secs(120);

/// The LibreOffice program: `explicit` (--soffice), else `soffice` or
/// `libreoffice` on PATH, else the usual install folders of Windows, macOS and
/// Linux.
pub fn find(explicit: Option<&Path>) -> Result<PathBuf, Failure> {
    if let Some(path) = explicit {
        return if path.is_file() {
            Ok(path.to_path_buf())
        } else {
            Err(Failure::NoSoffice {
                path: path.display().to_string(),
            })
        };
    }
    let exe = if cfg!(windows) { ".exe" } else { "" };
    let on_path = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .flat_map(|dir| ["soffice", "libreoffice"].map(|name| dir.join(format!("{name}{exe}"))));
    let mut usual: Vec<PathBuf> = Vec::new();
    for var in ["ProgramFiles", "ProgramFiles(x86)", "ProgramW6432"] {
        if let Some(dir) = std::env::var_os(var) {
            usual.push(PathBuf::from(dir).join("LibreOffice/program/soffice.exe"));
        }
    }
    usual.extend(
        [
            "C:/Program Files/LibreOffice/program/soffice.exe",
            "C:/Program Files (x86)/LibreOffice/program/soffice.exe",
            "/Applications/LibreOffice.app/Contents/MacOS/soffice",
            "/usr/lib/libreoffice/program/soffice",
            "/usr/local/lib/libreoffice/program/soffice",
            "/snap/bin/libreoffice",
        ]
        .map(PathBuf::from),
    );
    if let Ok(entries) = std::fs::read_dir("/opt") {
        let mut found: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path().join("program/soffice"))
            .collect();
        found.sort();
        usual.extend(found.into_iter().rev());
    }
    on_path
        .chain(usual)
        .find(|p| p.is_file())
        .ok_or(Failure::NeedsOffice { ext: String::new() })
}

/// A path as a file URL, as LibreOffice's `-env:UserInstallation` wants it.
fn file_url(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut url = String::from("file://");
    if !text.starts_with('/') {
        url.push('/');
    }
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~:".contains(&b) {
            url.push(b as char);
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

/// Converts a document (`ext` its kind) to .docx with `soffice`; the .docx's bytes.
pub fn convert(soffice: &Path, bytes: &[u8], ext: &str) -> Result<Vec<u8>, Failure> {
    let failed = |detail: String| Failure::OfficeFailed {
        ext: ext.to_string(),
        detail,
    };
    let dir = tempfile::Builder::new()
        .prefix("nianbao-import-")
        .tempdir()
        .map_err(|e| failed(format!("temporary folder: {e}")))?;
    let input = dir.path().join(format!("document.{ext}"));
    let out = dir.path().join("out");
    let profile = dir.path().join("profile");
    std::fs::write(&input, bytes).map_err(|e| failed(format!("temporary copy: {e}")))?;
    let log = std::fs::File::create(dir.path().join("log"))
        .map_err(|e| failed(format!("temporary log: {e}")))?;
    let mut command = Command::new(soffice);
    command
        .arg(format!("-env:UserInstallation={}", file_url(&profile)))
        .args([
            "--headless",
            "--invisible",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
        ])
        .arg(&out)
        .arg(&input)
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .stdout(log.try_clone().map_err(|e| failed(e.to_string()))?)
        .stderr(log);
    // Its own process group: on a timeout, LibreOffice's helper processes
    // are stopped with it.
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command
        .spawn()
        .map_err(|e| failed(format!("{}: {e}", soffice.display())))?;
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() < TIMEOUT => {
                std::thread::sleep(Duration::from_millis(50))
            }
            _ => {
                stop(&mut child);
                return Err(Failure::OfficeTimeout {
                    seconds: TIMEOUT.as_secs(),
                });
            }
        }
    };
    let converted = out.join("document.docx");
    match std::fs::read(&converted) {
        Ok(docx) => Ok(docx),
        Err(_) => {
            let log = std::fs::read_to_string(dir.path().join("log")).unwrap_or_default();
            let said = log
                .lines()
                .map(str::trim)
                .rfind(|l| !l.is_empty())
                .unwrap_or("no .docx written")
                .to_string();
            Err(failed(format!("{status}: {said}")))
        }
    }
}

/// Stops LibreOffice and the processes it started.
fn stop(child: &mut std::process::Child) {
    #[cfg(unix)]
    if let Ok(pid) = i32::try_from(child.id()) {
        // SAFETY: kill(2) with a negative pid signals the process group the
        // child leads (made with process_group(0)); it touches no memory.
        unsafe {
            libc::kill(-pid, libc::SIGKILL);
        }
    }
    let _ = child.kill();
    let _ = child.wait();
}
