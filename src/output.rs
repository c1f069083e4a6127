//! Writing outputs safely: every file of a run is first written in full to a
//! temporary file beside it (created exclusively under an unpredictable name, so
//! no planted link is followed), synced, and only then renamed into place, all
//! of them after all were written; the folder is synced after. A failure leaves
//! every earlier output as it was, and what a killed run left behind is removed
//! by the next one.

use std::io::Write;
use std::path::{Path, PathBuf};

use tempfile::{NamedTempFile, TempPath};

use crate::error::Error;
use crate::locale::{tr, user_lang};

/// The end of every temporary file's name: `.<name>.<pid>.<random>.nianbao-tmp`.
const TEMP_SUFFIX: &str = ".nianbao-tmp";

/// Files written but not yet in place.
#[derive(Default)]
pub struct Staged {
    files: Vec<(NamedTempFile, PathBuf)>,
    /// Folders whose stale temporaries have been looked for.
    swept: Vec<PathBuf>,
}

impl Staged {
    /// Writes `bytes` to a temporary file beside `path`, to be put in place by
    /// [`Staged::commit`]. Refuses a `path` that exists and is not a regular file
    /// (a link, a folder, a device).
    pub fn add(&mut self, path: &Path, bytes: &[u8]) -> Result<(), Error> {
        refuse_non_regular(path)?;
        let dir = folder_of(path);
        if !self.swept.iter().any(|d| d == dir) {
            remove_stale_temporaries(dir);
            self.swept.push(dir.to_path_buf());
        }
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("out");
        let prefix = format!(".{name}.{}.", std::process::id());
        let mut builder = tempfile::Builder::new();
        builder.prefix(&prefix).suffix(TEMP_SUFFIX);
        // An output is readable as any file the user writes (0644 less the umask),
        // not private like a temporary file.
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
        let mut file = builder
            .tempfile_in(dir)
            .map_err(|e| Error::io(path, "write", e))?;
        keep_what_it_replaces(path, file.as_file())?;
        file.write_all(bytes)
            .and_then(|()| file.as_file().sync_all())
            .map_err(|e| Error::io(path, "write", e))?;
        self.files.push((file, path.to_path_buf()));
        Ok(())
    }

    /// Puts every staged file in place, in the order they were added, and syncs
    /// their folders. Returns the paths written. All or none: each file it
    /// replaces is first kept under a temporary name (a hard link, or a copy),
    /// and when a rename fails the files already renamed are put back as they
    /// were (or removed, where there was none), so a failure leaves every
    /// earlier output as it was.
    pub fn commit(self) -> Result<Vec<PathBuf>, Error> {
        let mut kept: Vec<Option<TempPath>> = Vec::new();
        for (_, path) in &self.files {
            kept.push(keep_previous(path)?);
        }
        let mut written: Vec<PathBuf> = Vec::new();
        for (file, path) in self.files {
            // Checked again: the target may have changed since it was staged.
            let renamed = refuse_non_regular(&path).and_then(|()| {
                file.persist(&path)
                    .map(drop)
                    .map_err(|e| Error::io(&path, "write", e.error))
            });
            if let Err(error) = renamed {
                restore(&written, kept);
                return Err(error);
            }
            written.push(path);
        }
        // The earlier files' copies go with `kept`.
        drop(kept);
        for dir in &self.swept {
            sync_folder(dir);
        }
        Ok(written)
    }
}

/// The file at `path` kept under a temporary name beside it (a hard link,
/// else a copy), to be put back if the run's later renames fail; None when
/// there is no file there.
fn keep_previous(path: &Path) -> Result<Option<TempPath>, Error> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_file() => {}
        // Nothing to keep; a folder or a link is refused when its turn comes.
        _ => return Ok(None),
    }
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("out");
    let prefix = format!(".{name}.{}.", std::process::id());
    let keep = |e| Error::io(path, "keep-copy", e);
    let copy: NamedTempFile<()> = tempfile::Builder::new()
        .prefix(&prefix)
        .suffix(TEMP_SUFFIX)
        .make_in(folder_of(path), |temp| {
            // The temporary name was only reserved: link the old file there.
            std::fs::hard_link(path, temp).or_else(|_| std::fs::copy(path, temp).map(drop))
        })
        .map_err(keep)?;
    Ok(Some(copy.into_temp_path()))
}

/// Puts back the files `written` replaced, from the copies `kept` in the same
/// order (removes those that had none). Best effort: the error that made the
/// run fail is the one reported.
fn restore(written: &[PathBuf], kept: Vec<Option<TempPath>>) {
    for (path, previous) in written.iter().zip(kept) {
        match previous {
            Some(previous) => {
                let _ = previous.persist(path);
            }
            None => {
                let _ = std::fs::remove_file(path);
            }
        }
    }
}

/// Writes one file safely (see [`Staged`]).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let mut staged = Staged::default();
    staged.add(path, bytes)?;
    staged.commit().map(drop)
}

/// What [`replace_if`] did.
#[derive(Debug, PartialEq, Eq)]
pub enum Replaced {
    Done,
    /// The file's bytes were not what the caller expected: nothing written.
    Changed,
}

/// Writes `bytes` over the file at `path` only if the bytes it replaces pass
/// `expected` (compare and replace): another program's save in the meantime
/// is never overwritten unseen. Where the system can swap two files
/// atomically (Linux's `renameat2(RENAME_EXCHANGE)`), the very file that was
/// replaced is checked after the swap and swapped back if it was not the
/// expected one; elsewhere the file is checked again just before the rename.
pub fn replace_if(
    path: &Path,
    bytes: &[u8],
    expected: impl Fn(&[u8]) -> bool,
) -> Result<Replaced, Error> {
    let mut staged = Staged::default();
    staged.add(path, bytes)?;
    let Some((file, target)) = staged.files.pop() else {
        return Ok(Replaced::Changed);
    };
    let read = |p: &Path| std::fs::read(p).map_err(|e| Error::io(p, "read", e));
    // Most changes are seen here, before anything is touched.
    if !expected(&read(&target)?) {
        return Ok(Replaced::Changed);
    }
    refuse_non_regular(&target)?;
    match exchange(file.path(), &target) {
        Ok(()) => {
            // The temporary's name now holds the file that was replaced.
            if expected(&read(file.path())?) {
                drop(file);
                sync_folder(folder_of(&target));
                return Ok(Replaced::Done);
            }
            exchange(file.path(), &target).map_err(|e| Error::io(&target, "write", e))?;
            Ok(Replaced::Changed)
        }
        Err(_) => {
            if !expected(&read(&target)?) {
                return Ok(Replaced::Changed);
            }
            file.persist(&target)
                .map_err(|e| Error::io(&target, "write", e.error))?;
            sync_folder(folder_of(&target));
            Ok(Replaced::Done)
        }
    }
}

/// Swaps two files atomically.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| {
        std::ffi::CString::new(p.as_os_str().as_bytes())
            .map_err(|_| std::io::Error::from(std::io::ErrorKind::InvalidInput))
    };
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: two NUL-terminated paths that live across the call; renameat2
    // reads them and touches no other memory.
    let result = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if result == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// Without an atomic swap, the caller checks again and renames.
#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
}

/// A file that replaces another keeps its permissions (0600 stays 0600) and,
/// where the system allows, its owner; a file with other hard links is not
/// replaced, which would split them (the other names would keep the old text).
fn keep_what_it_replaces(path: &Path, new: &std::fs::File) -> Result<(), Error> {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Ok(());
    };
    if !meta.file_type().is_file() {
        return Ok(());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if meta.nlink() > 1 {
            return Err(Error::Refused(tr!(
                user_lang(),
                "output-hard-links",
                path = path.display(),
                names = meta.nlink()
            )));
        }
        // The owner can be kept only by root or when it is the writer: try.
        let _ = std::os::unix::fs::fchown(new, Some(meta.uid()), Some(meta.gid()));
    }
    new.set_permissions(meta.permissions())
        .map_err(|e| Error::io(path, "write", e))
}

/// Creates the output folder if needed.
pub fn ensure_dir(dir: &Path) -> Result<(), Error> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, "create-folder", e))
}

fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// An output replaces only a regular file: never a link (which would write
/// through it), a folder or a device.
fn refuse_non_regular(path: &Path) -> Result<(), Error> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if !meta.file_type().is_file() => {
            let what = if meta.file_type().is_symlink() {
                "link"
            } else if meta.is_dir() {
                "folder"
            } else {
                "other"
            };
            Err(Error::Refused(tr!(
                user_lang(),
                "output-not-regular",
                path = path.display(),
                what = what
            )))
        }
        _ => Ok(()),
    }
}

/// Removes the temporaries that runs which no longer exist left in `dir`
/// (killed before they could clean up). Those of running processes stay.
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(pid) = temp_owner(name) else {
            continue;
        };
        let is_file = entry.file_type().is_ok_and(|t| t.is_file());
        if is_file && !process_exists(pid) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The process id in a temporary's name `.<name>.<pid>.<random>.nianbao-tmp`.
fn temp_owner(name: &str) -> Option<u32> {
    let stem = name.strip_prefix('.')?.strip_suffix(TEMP_SUFFIX)?;
    let mut parts = stem.rsplitn(3, '.');
    let _random = parts.next()?;
    parts.next()?.parse().ok()
}

#[cfg(unix)]
fn process_exists(pid: u32) -> bool {
    // SAFETY: kill with signal 0 sends nothing; it only asks whether the
    // process exists (EPERM: it does, but belongs to someone else).
    let result = unsafe { libc::kill(pid as libc::pid_t, 0) };
    result == 0 || std::io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
fn process_exists(_pid: u32) -> bool {
    // Without a cheap check, keep every temporary.
    true
}

/// Syncs a folder, so that the renames in it survive a crash.
fn sync_folder(dir: &Path) {
    #[cfg(unix)]
    if let Ok(folder) = std::fs::File::open(dir) {
        let _ = folder.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporaries_name_their_process() {
        assert_eq!(temp_owner(".2020.pdf.4242.Ab3xYz.nianbao-tmp"), Some(4242));
        assert_eq!(temp_owner(".2020.pdf.tmp"), None);
        assert_eq!(temp_owner("2020.pdf"), None);
    }

    #[test]
    fn stale_temporaries_go_and_running_ones_stay() {
        let dir = tempfile::tempdir().unwrap();
        // No process has id 2^22 + 1 on Linux (pid_max is at most 2^22).
        let stale = dir.path().join(".a.md.4194305.xyz.nianbao-tmp");
        let running = dir
            .path()
            .join(format!(".a.md.{}.xyz.nianbao-tmp", std::process::id()));
        std::fs::write(&stale, "old").unwrap();
        std::fs::write(&running, "now").unwrap();
        write_atomic(&dir.path().join("a.md"), b"text").unwrap();
        assert!(!stale.exists());
        assert!(running.exists());
        assert_eq!(std::fs::read(dir.path().join("a.md")).unwrap(), b"text");
    }

    /// The last rename of a run fails (a folder appeared at the DOCX's path
    /// after the files were staged): the Markdown and PDF renamed before it
    /// are put back byte for byte, one that did not exist is removed again,
    /// and no temporary is left.
    #[test]
    fn a_failed_last_rename_leaves_every_earlier_output_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let (md, pdf, docx, csv) = (
            dir.path().join("a.md"),
            dir.path().join("a.pdf"),
            dir.path().join("a.docx"),
            dir.path().join("a.csv"),
        );
        std::fs::write(&md, "old md").unwrap();
        std::fs::write(&pdf, "old pdf").unwrap();
        let mut staged = Staged::default();
        staged.add(&md, b"new md").unwrap();
        staged.add(&csv, b"new csv").unwrap();
        staged.add(&pdf, b"new pdf").unwrap();
        staged.add(&docx, b"new docx").unwrap();
        std::fs::create_dir(&docx).unwrap();
        let error = staged.commit().unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "`{}` is a folder; nianbao replaces only regular files\n  = help: remove it, or write elsewhere with -o",
                docx.display()
            )
        );
        assert_eq!(std::fs::read(&md).unwrap(), b"old md");
        assert_eq!(std::fs::read(&pdf).unwrap(), b"old pdf");
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, ["a.docx", "a.md", "a.pdf"]);
    }

    /// A run that succeeds leaves only its outputs: the kept copies go.
    #[test]
    fn a_replacing_run_leaves_no_copies() {
        let dir = tempfile::tempdir().unwrap();
        let md = dir.path().join("a.md");
        std::fs::write(&md, "old").unwrap();
        write_atomic(&md, b"new").unwrap();
        assert_eq!(std::fs::read(&md).unwrap(), b"new");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.md"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("outside.txt");
        std::fs::write(&outside, "keep").unwrap();
        let out = dir.path().join("out");
        std::fs::create_dir(&out).unwrap();
        std::os::unix::fs::symlink(&outside, out.join("2020.pdf")).unwrap();
        let error = write_atomic(&out.join("2020.pdf"), b"pdf").unwrap_err();
        assert!(error.to_string().contains("is a symbolic link"), "{error}");
        assert_eq!(std::fs::read(&outside).unwrap(), b"keep");
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_mode_and_a_hard_link_is_not_split() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("2020.md");
        std::fs::write(&out, "old").unwrap();
        std::fs::set_permissions(&out, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&out, b"new").unwrap();
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(
            (std::fs::read(&out).unwrap(), mode),
            (b"new".to_vec(), 0o640)
        );
        let other = dir.path().join("copy.md");
        std::fs::hard_link(&out, &other).unwrap();
        let error = write_atomic(&out, b"newer").unwrap_err();
        assert!(
            error.to_string().contains("has 2 names (hard links)"),
            "{error}"
        );
        assert_eq!(std::fs::read(&out).unwrap(), b"new");
        // Compare and replace: only over the bytes expected.
        std::fs::remove_file(&other).unwrap();
        assert_eq!(
            replace_if(&out, b"x", |b| b == b"old").unwrap(),
            Replaced::Changed
        );
        assert_eq!(
            replace_if(&out, b"x", |b| b == b"new").unwrap(),
            Replaced::Done
        );
        assert_eq!(std::fs::read(&out).unwrap(), b"x");
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(left, ["2020.md"]);
    }
}
