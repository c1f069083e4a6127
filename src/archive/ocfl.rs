//! OCFL 1.1 (<https://ocfl.io/1.1/spec/>), as much of it as the archive uses:
//! a storage root, objects with versions v1, v2…, inventories with sha512
//! digests and their sidecars; a version committed by one rename; and a
//! validator that reads the storage root without following a link.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Read, Write};
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha512};

use crate::error::Error;
use crate::locale::{tr, user_lang};

pub const ROOT_DECLARATION: &str = "0=ocfl_1.1";
const ROOT_DECLARATION_TEXT: &str = "ocfl_1.1\n";
pub const OBJECT_DECLARATION: &str = "0=ocfl_object_1.1";
const OBJECT_DECLARATION_TEXT: &str = "ocfl_object_1.1\n";
const INVENTORY: &str = "inventory.json";
const SIDECAR: &str = "inventory.json.sha512";
const INVENTORY_TYPE: &str = "https://ocfl.io/1.1/spec/#inventory";
const CONTENT: &str = "content";
/// The largest inventory read: far above what a document's versions need.
const INVENTORY_LIMIT: u64 = 16 << 20;
/// The largest content file read back.
const CONTENT_LIMIT: u64 = 512 << 20;

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Inventory {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub digest_algorithm: String,
    pub head: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_directory: Option<String>,
    /// Digest → content paths (relative to the object's root).
    pub manifest: BTreeMap<String, Vec<String>>,
    pub versions: BTreeMap<String, Version>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Version {
    pub created: String,
    /// Digest → logical paths.
    pub state: BTreeMap<String, Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<User>,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct User {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}

impl Inventory {
    /// The number of versions, when they are v1…vN and the head is vN.
    pub fn version_count(&self) -> Option<usize> {
        let n = self.versions.len();
        let consecutive = (1..=n).all(|i| self.versions.contains_key(&version_name(i)));
        (n > 0 && consecutive && self.head == version_name(n)).then_some(n)
    }

    /// The content path of a logical path in version `n`.
    pub fn content_path(&self, n: usize, logical: &str) -> Option<&str> {
        let version = self.versions.get(&version_name(n))?;
        let digest = version
            .state
            .iter()
            .find(|(_, paths)| paths.iter().any(|p| p == logical))?
            .0;
        self.manifest.get(digest)?.first().map(String::as_str)
    }

    fn content_directory(&self) -> &str {
        self.content_directory.as_deref().unwrap_or(CONTENT)
    }
}

pub fn version_name(n: usize) -> String {
    format!("v{n}")
}

pub fn sha512_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha512::digest(bytes))
}

/// Makes `dir` a storage root if it is not one.
pub fn declare_root(dir: &Path) -> Result<(), Error> {
    let path = dir.join(ROOT_DECLARATION);
    if !path.exists() {
        crate::output::write_atomic(&path, ROOT_DECLARATION_TEXT.as_bytes())?;
    }
    Ok(())
}

/// Reads a file no larger than `limit`, refusing anything that is not a regular
/// file (a link is not followed).
pub fn read_regular(path: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
    let meta = std::fs::symlink_metadata(path)?;
    if !meta.file_type().is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(limit + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(std::io::Error::other(tr!(
            user_lang(),
            "archive-file-too-large"
        )));
    }
    Ok(bytes)
}

/// The inventory of the object at `object`, when there is one.
pub fn read_inventory(object: &Path) -> Result<Option<Inventory>, Error> {
    let path = object.join(INVENTORY);
    if std::fs::symlink_metadata(&path).is_err() {
        return Ok(None);
    }
    let bytes = read_regular(&path, INVENTORY_LIMIT).map_err(|e| Error::io(&path, "read", e))?;
    serde_json::from_slice(&bytes).map(Some).map_err(|e| {
        Error::Usage(tr!(
            user_lang(),
            "archive-not-inventory",
            path = path.display(),
            detail = e
        ))
    })
}

/// A file of a new version: its logical path and bytes.
pub struct NewFile {
    pub logical: String,
    pub bytes: Vec<u8>,
}

/// Adds a version holding `files` to the object `rel` of the storage root
/// `root` (creating the object with version 1), staged in `staging` (a folder
/// on the same file system) and committed by one rename: until then the
/// object is as it was; after, it holds the new version. Returns the version's
/// number and the new inventory. The caller holds the archive's lock.
pub fn commit_version(
    root: &Path,
    staging: &Path,
    rel: &str,
    id: &str,
    files: &[NewFile],
    version: Version,
) -> Result<(usize, Inventory), Error> {
    let object = root.join(rel);
    let existing = read_inventory(&object)?;
    let mut inventory = match existing {
        Some(inventory) => {
            if inventory.id != id {
                return Err(Error::Refused(tr!(
                    user_lang(),
                    "archive-other-document-not",
                    path = object.display(),
                    id = inventory.id,
                    expected = id
                )));
            }
            inventory
        }
        None => Inventory {
            id: id.to_string(),
            kind: INVENTORY_TYPE.to_string(),
            digest_algorithm: "sha512".to_string(),
            head: String::new(),
            content_directory: None,
            manifest: BTreeMap::new(),
            versions: BTreeMap::new(),
        },
    };
    let n = inventory.versions.len() + 1;
    let name = version_name(n);
    let stage = tempfile::Builder::new()
        .prefix("object-")
        .tempdir_in(staging)
        .map_err(|e| Error::io(staging, "stage-version", e))?;
    let staged = stage.path().join("object");
    let io = |path: &Path, e| Error::io(path, "stage", e);
    std::fs::create_dir(&staged).map_err(|e| io(&staged, e))?;
    if n == 1 {
        write_synced(
            &staged.join(OBJECT_DECLARATION),
            OBJECT_DECLARATION_TEXT.as_bytes(),
        )?;
    } else {
        link_tree(&object, &staged, true)?;
    }
    let mut state: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for file in files {
        let digest = sha512_hex(&file.bytes);
        if !inventory.manifest.contains_key(&digest) {
            let content = format!("{name}/{CONTENT}/{}", file.logical);
            write_synced(&staged.join(&content), &file.bytes)?;
            inventory.manifest.insert(digest.clone(), vec![content]);
        }
        state.entry(digest).or_default().push(file.logical.clone());
    }
    inventory
        .versions
        .insert(name.clone(), Version { state, ..version });
    inventory.head = name.clone();
    let mut json = serde_json::to_vec_pretty(&inventory).expect("an inventory serialises");
    json.push(b'\n');
    let sidecar = format!("{} {INVENTORY}\n", sha512_hex(&json));
    for dir in [staged.join(&name), staged.clone()] {
        write_synced(&dir.join(INVENTORY), &json)?;
        write_synced(&dir.join(SIDECAR), sidecar.as_bytes())?;
    }
    let parent = object.parent().unwrap_or(root);
    std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, "create", e))?;
    if n == 1 {
        // Fails when something appeared there: nothing is replaced.
        rename_new(&staged, &object)?;
    } else {
        exchange(&staged, &object).map_err(|e| Error::io(&object, "commit-version", e))?;
    }
    sync_folder(parent);
    // The stage now holds the object as it was; it is dropped with the stage.
    drop(stage);
    Ok((n, inventory))
}

/// Renames a staged object to a path where nothing stands.
fn rename_new(from: &Path, to: &Path) -> Result<(), Error> {
    if std::fs::symlink_metadata(to).is_ok() {
        return Err(Error::Refused(tr!(
            user_lang(),
            "archive-not-a-document",
            path = to.display()
        )));
    }
    std::fs::rename(from, to).map_err(|e| Error::io(to, "commit", e))
}

/// Swaps two folders in one step (Linux's `renameat2` with `RENAME_EXCHANGE`);
/// elsewhere, or on a file system without it, in two renames.
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::ffi::OsStrExt;
        let a_c = std::ffi::CString::new(a.as_os_str().as_bytes())?;
        let b_c = std::ffi::CString::new(b.as_os_str().as_bytes())?;
        // SAFETY: two NUL-terminated paths; the call reads them and nothing else.
        let done = unsafe {
            libc::renameat2(
                libc::AT_FDCWD,
                a_c.as_ptr(),
                libc::AT_FDCWD,
                b_c.as_ptr(),
                libc::RENAME_EXCHANGE,
            )
        };
        if done == 0 {
            return Ok(());
        }
        let error = std::io::Error::last_os_error();
        if !matches!(error.raw_os_error(), Some(libc::EINVAL | libc::ENOSYS)) {
            return Err(error);
        }
    }
    let aside = a.with_extension("old");
    std::fs::rename(b, &aside)?;
    std::fs::rename(a, b)?;
    std::fs::rename(&aside, a)
}

/// Recreates the tree `from` under `to` with hard links (copies where links
/// are refused), leaving out the root inventory and its sidecar when `top`.
fn link_tree(from: &Path, to: &Path, top: bool) -> Result<(), Error> {
    let entries = std::fs::read_dir(from).map_err(|e| Error::io(from, "read", e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(from, "read", e))?;
        let name = entry.file_name();
        if top && (name == INVENTORY || name == SIDECAR) {
            continue;
        }
        let (source, target) = (entry.path(), to.join(&name));
        let kind = entry
            .file_type()
            .map_err(|e| Error::io(&source, "read", e))?;
        if kind.is_dir() {
            std::fs::create_dir(&target).map_err(|e| Error::io(&target, "stage", e))?;
            link_tree(&source, &target, false)?;
        } else if kind.is_file() {
            if std::fs::hard_link(&source, &target).is_err() {
                std::fs::copy(&source, &target).map_err(|e| Error::io(&target, "stage", e))?;
            }
        } else {
            return Err(Error::Refused(tr!(
                user_lang(),
                "archive-not-regular",
                path = source.display()
            )));
        }
    }
    Ok(())
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| Error::io(parent, "stage", e))?;
    }
    let mut file = std::fs::File::create_new(path).map_err(|e| Error::io(path, "stage", e))?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| Error::io(path, "stage", e))
}

fn sync_folder(dir: &Path) {
    if let Ok(folder) = std::fs::File::open(dir) {
        let _ = folder.sync_all();
    }
}

/// What validation found wrong, with the path it concerns (relative to the
/// storage root).
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    pub path: String,
    pub what: String,
}

impl Problem {
    pub fn new(path: impl Into<String>, what: impl Into<String>) -> Problem {
        Problem {
            path: path.into(),
            what: what.into(),
        }
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path, self.what)
    }
}

/// An object found in the storage root and its (valid) inventory.
pub struct Found {
    pub rel: String,
    pub inventory: Inventory,
}

/// What a validation read.
#[derive(Default)]
pub struct Validation {
    pub objects: Vec<Found>,
    pub files: usize,
    pub problems: Vec<Problem>,
}

/// Validates the storage root `root`: its declaration, the hierarchy (only
/// folders down to objects), and each object with `check_digests` (every
/// content file's digest recomputed). No link is followed.
pub fn validate(root: &Path, check_digests: bool) -> Validation {
    let mut found = Validation::default();
    match read_regular(&root.join(ROOT_DECLARATION), 64) {
        Ok(bytes) if bytes == ROOT_DECLARATION_TEXT.as_bytes() => {}
        Ok(_) => found.problems.push(Problem::new(
            ROOT_DECLARATION,
            tr!(user_lang(), "ocfl-root-declaration"),
        )),
        Err(_) => found.problems.push(Problem::new(
            ROOT_DECLARATION,
            tr!(user_lang(), "ocfl-no-root"),
        )),
    }
    walk(root, "", &mut found, check_digests);
    found.objects.sort_by(|a, b| a.rel.cmp(&b.rel));
    found.problems.sort();
    found
}

/// The entries of `dir` (relative path `rel`) by name. A name that is not
/// UTF-8 cannot be an OCFL path: it is reported, not skipped silently.
fn entries(dir: &Path, rel: &str, problems: &mut Vec<Problem>) -> Vec<(String, std::fs::FileType)> {
    let mut out: Vec<(String, std::fs::FileType)> = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        match entry.file_name().into_string() {
            Ok(name) => out.push((name, kind)),
            Err(name) => problems.push(Problem::new(
                join(rel, &escaped(&name)),
                tr!(
                    user_lang(),
                    "ocfl-not-utf8",
                    kind = if kind.is_dir() { "folder" } else { "file" }
                ),
            )),
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// A name that is not UTF-8 as text: its UTF-8 parts as they are, every
/// other byte as `\xNN`.
fn escaped(name: &std::ffi::OsStr) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in name.as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for byte in chunk.invalid() {
                out.push_str(&format!("\\x{byte:02X}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    name.to_string_lossy().into_owned()
}

fn join(rel: &str, name: &str) -> String {
    if rel.is_empty() {
        name.to_string()
    } else {
        format!("{rel}/{name}")
    }
}

fn walk(root: &Path, rel: &str, found: &mut Validation, check_digests: bool) {
    let dir = root.join(rel);
    let listed = entries(&dir, rel, &mut found.problems);
    if !rel.is_empty() {
        if listed.is_empty() {
            found
                .problems
                .push(Problem::new(rel, tr!(user_lang(), "ocfl-empty-folder")));
            return;
        }
        if listed.iter().any(|(name, _)| name == OBJECT_DECLARATION) {
            validate_object(root, rel, found, check_digests);
            return;
        }
    }
    for (name, kind) in listed {
        let path = join(rel, &name);
        if kind.is_symlink() {
            found
                .problems
                .push(Problem::new(path, tr!(user_lang(), "ocfl-link")));
        } else if kind.is_dir() {
            if rel.is_empty() && name == "extensions" {
                for (ext, kind) in entries(&dir.join(&name), &path, &mut found.problems) {
                    if !kind.is_dir() {
                        found.problems.push(Problem::new(
                            format!("extensions/{ext}"),
                            tr!(user_lang(), "ocfl-extensions-folders"),
                        ));
                    }
                }
            } else {
                walk(root, &path, found, check_digests);
            }
        } else if !rel.is_empty() {
            found
                .problems
                .push(Problem::new(path, tr!(user_lang(), "ocfl-outside-object")));
        }
    }
}

/// The digest and bytes check of an inventory file against its sidecar.
fn read_with_sidecar(dir: &Path, rel: &str, problems: &mut Vec<Problem>) -> Option<Vec<u8>> {
    let bytes = match read_regular(&dir.join(INVENTORY), INVENTORY_LIMIT) {
        Ok(bytes) => bytes,
        Err(e) => {
            problems.push(Problem::new(join(rel, INVENTORY), format!("missing: {e}")));
            return None;
        }
    };
    let sidecar = read_regular(&dir.join(SIDECAR), 1024).unwrap_or_default();
    let sidecar = String::from_utf8_lossy(&sidecar);
    let mut words = sidecar.split_whitespace();
    let (digest, name) = (words.next(), words.next());
    if name != Some(INVENTORY) || digest.map(str::to_ascii_lowercase) != Some(sha512_hex(&bytes)) {
        problems.push(Problem::new(
            join(rel, INVENTORY),
            tr!(user_lang(), "ocfl-sidecar-altered"),
        ));
    }
    Some(bytes)
}

fn validate_object(root: &Path, rel: &str, found: &mut Validation, check_digests: bool) {
    let dir = root.join(rel);
    let problems_before = found.problems.len();
    let problems = &mut found.problems;
    if read_regular(&dir.join(OBJECT_DECLARATION), 64)
        .ok()
        .as_deref()
        != Some(OBJECT_DECLARATION_TEXT.as_bytes())
    {
        problems.push(Problem::new(
            join(rel, OBJECT_DECLARATION),
            tr!(user_lang(), "ocfl-object-declaration"),
        ));
    }
    let Some(bytes) = read_with_sidecar(&dir, rel, problems) else {
        return;
    };
    let inventory: Inventory = match serde_json::from_slice(&bytes) {
        Ok(inventory) => inventory,
        Err(e) => {
            problems.push(Problem::new(
                join(rel, INVENTORY),
                tr!(user_lang(), "ocfl-not-inventory", detail = e),
            ));
            return;
        }
    };
    let inventory_rel = join(rel, INVENTORY);
    if inventory.kind != INVENTORY_TYPE {
        problems.push(Problem::new(
            &inventory_rel,
            tr!(user_lang(), "ocfl-unknown-type", kind = inventory.kind),
        ));
    }
    if inventory.digest_algorithm != "sha512" {
        problems.push(Problem::new(
            &inventory_rel,
            tr!(
                user_lang(),
                "ocfl-digest",
                algorithm = inventory.digest_algorithm
            ),
        ));
        return;
    }
    let Some(count) = inventory.version_count() else {
        problems.push(Problem::new(
            &inventory_rel,
            tr!(user_lang(), "ocfl-versions"),
        ));
        return;
    };
    // The object's own entries.
    for (name, kind) in entries(&dir, rel, problems) {
        let known = name == OBJECT_DECLARATION
            || name == INVENTORY
            || name == SIDECAR
            || (kind.is_dir() && inventory.versions.contains_key(&name));
        if !known || kind.is_symlink() {
            problems.push(Problem::new(
                join(rel, &name),
                tr!(user_lang(), "ocfl-not-in-object"),
            ));
        }
    }
    // Each version's inventory; the head's is the root's.
    for n in 1..=count {
        let version = version_name(n);
        let vdir = dir.join(&version);
        let vrel = join(rel, &version);
        if let Some(vbytes) = read_with_sidecar(&vdir, &vrel, problems) {
            if n == count && vbytes != bytes {
                problems.push(Problem::new(
                    join(&vrel, INVENTORY),
                    tr!(user_lang(), "ocfl-version-inventory-differs"),
                ));
            } else if n < count {
                for what in disagreements(&vbytes, &inventory, n) {
                    problems.push(Problem::new(join(&vrel, INVENTORY), what));
                }
            }
        }
        for (name, kind) in entries(&vdir, &vrel, problems) {
            let allowed = name == INVENTORY
                || name == SIDECAR
                || (name == inventory.content_directory() && kind.is_dir());
            if !allowed {
                problems.push(Problem::new(
                    join(&vrel, &name),
                    tr!(user_lang(), "ocfl-not-in-version"),
                ));
            }
        }
    }
    // The manifest against the content on disk.
    let mut listed = BTreeSet::new();
    for (digest, paths) in &inventory.manifest {
        for path in paths {
            let path_rel = join(rel, path);
            if !valid_content_path(path, count, inventory.content_directory()) {
                problems.push(Problem::new(
                    path_rel,
                    tr!(user_lang(), "ocfl-not-content-path"),
                ));
                continue;
            }
            listed.insert(path.clone());
            found.files += 1;
            match read_regular(&dir.join(path), CONTENT_LIMIT) {
                Ok(content) => {
                    if check_digests && sha512_hex(&content) != digest.to_ascii_lowercase() {
                        problems.push(Problem::new(path_rel, tr!(user_lang(), "ocfl-altered")));
                    }
                }
                Err(e) => problems.push(Problem::new(path_rel, format!("missing: {e}"))),
            }
        }
    }
    for n in 1..=count {
        let content = format!("{}/{}", version_name(n), inventory.content_directory());
        for file in files_under(&dir.join(&content), &content, rel, problems) {
            if !listed.contains(&file) {
                problems.push(Problem::new(
                    join(rel, &file),
                    tr!(user_lang(), "ocfl-unlisted"),
                ));
            }
        }
    }
    for (name, version) in &inventory.versions {
        let mut logical = BTreeSet::new();
        for (digest, paths) in &version.state {
            if !inventory.manifest.contains_key(digest) {
                problems.push(Problem::new(
                    &inventory_rel,
                    tr!(user_lang(), "ocfl-unknown-digest", name = name),
                ));
            }
            for path in paths {
                if !valid_logical_path(path) || !logical.insert(path.as_str()) {
                    problems.push(Problem::new(
                        &inventory_rel,
                        tr!(
                            user_lang(),
                            "ocfl-bad-logical-path",
                            name = name,
                            path = path
                        ),
                    ));
                }
            }
        }
    }
    if found.problems.len() == problems_before {
        found.objects.push(Found {
            rel: rel.to_string(),
            inventory,
        });
    }
}

/// `vN/content/a/b` for a version N of the object, without empty, `.` or `..` parts.
fn valid_content_path(path: &str, count: usize, content_directory: &str) -> bool {
    let mut parts = path.split('/');
    let version_ok = parts
        .next()
        .and_then(|v| v.strip_prefix('v'))
        .and_then(|n| n.parse::<usize>().ok())
        .is_some_and(|n| (1..=count).contains(&n));
    version_ok
        && parts.next() == Some(content_directory)
        && valid_logical_path(&parts.collect::<Vec<_>>().join("/"))
}

fn valid_logical_path(path: &str) -> bool {
    !path.is_empty()
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
}

/// Regular files below `dir` as `prefix/…` paths; links and other kinds are
/// reported by their absence from the result (and caught as missing). An empty
/// folder there (the content folder itself, or one in it) is reported: OCFL
/// content holds no empty folders, and one can hold no document's file.
fn files_under(dir: &Path, prefix: &str, object: &str, problems: &mut Vec<Problem>) -> Vec<String> {
    let mut out = Vec::new();
    let listed = entries(dir, &join(object, prefix), problems);
    if listed.is_empty() && std::fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir()) {
        problems.push(Problem::new(
            join(object, prefix),
            tr!(user_lang(), "ocfl-empty-content-folder"),
        ));
    }
    for (name, kind) in listed {
        let rel = format!("{prefix}/{name}");
        if kind.is_dir() {
            out.extend(files_under(&dir.join(&name), &rel, object, problems));
        } else {
            out.push(rel);
        }
    }
    out
}

/// Where the inventory of version `n` (`bytes`, not the head's) disagrees
/// with the object's: it must be the object's inventory as it was when that
/// version was the head (its id, digests, head, versions 1 to n as the
/// object's records them, and content the object's manifest holds).
fn disagreements(bytes: &[u8], object: &Inventory, n: usize) -> Vec<String> {
    let version: Inventory = match serde_json::from_slice(bytes) {
        Ok(inventory) => inventory,
        Err(e) => return vec![tr!(user_lang(), "ocfl-not-inventory", detail = e)],
    };
    let mut out = Vec::new();
    if version.id != object.id {
        out.push(tr!(
            user_lang(),
            "ocfl-other-id",
            id = version.id,
            object = object.id
        ));
    }
    if version.digest_algorithm != object.digest_algorithm {
        out.push(tr!(
            user_lang(),
            "ocfl-other-digest",
            algorithm = version.digest_algorithm,
            object = object.digest_algorithm
        ));
    }
    if version.head != version_name(n) {
        out.push(tr!(
            user_lang(),
            "ocfl-other-head",
            head = version.head,
            expected = version_name(n)
        ));
    }
    let as_json = |v: &Version| serde_json::to_value(v).ok();
    for k in 1..=n.max(version.versions.len()) {
        let name = version_name(k);
        let (here, there) = (version.versions.get(&name), object.versions.get(&name));
        let agrees = k <= n && here.is_some() && here.map(as_json) == there.map(as_json);
        if !agrees {
            out.push(tr!(user_lang(), "ocfl-other-record", name = name));
        }
    }
    for (digest, paths) in &version.manifest {
        let held = object.manifest.get(digest);
        if !paths
            .iter()
            .all(|p| held.is_some_and(|held| held.contains(p)))
        {
            out.push(tr!(
                user_lang(),
                "ocfl-other-manifest",
                digest = digest.chars().take(16).collect::<String>()
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A storage root holding `2020/doc`, an object of two versions of `a.md`.
    fn two_versions() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        declare_root(root).unwrap();
        let staging = root.join("extensions/nianbao/staging");
        std::fs::create_dir_all(&staging).unwrap();
        for text in ["one", "two"] {
            let version = Version {
                created: "2020-12-08T00:00:00Z".to_string(),
                state: BTreeMap::new(),
                message: Some(text.to_string()),
                user: None,
            };
            let file = NewFile {
                logical: "a.md".to_string(),
                bytes: text.as_bytes().to_vec(),
            };
            commit_version(root, &staging, "2020/doc", "urn:doc", &[file], version).unwrap();
        }
        assert_eq!(validate(root, true).problems, []);
        dir
    }

    fn problems(root: &Path) -> Vec<String> {
        let found = validate(root, true);
        found.problems.iter().map(ToString::to_string).collect()
    }

    /// A file or folder whose name is not UTF-8 is reported, not skipped.
    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_are_reported() {
        use std::os::unix::ffi::OsStrExt;
        let dir = two_versions();
        let root = dir.path();
        let name = |bytes: &[u8]| std::ffi::OsStr::from_bytes(bytes).to_os_string();
        std::fs::write(
            root.join("2020/doc/v2/content").join(name(b"caf\xE9.md")),
            "x",
        )
        .unwrap();
        let folder = root.join("2020").join(name(b"\xFFdoc"));
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("a.md"), "x").unwrap();
        assert_eq!(
            problems(root),
            [
                "2020/\\xFFdoc: a folder whose name is not UTF-8: no OCFL path can name it",
                "2020/doc/v2/content/caf\\xE9.md: a file whose name is not UTF-8: no OCFL path can name it",
            ]
        );
    }

    /// An earlier version's inventory, altered with its sidecar recomputed,
    /// disagrees with the object's record of that version.
    #[test]
    fn a_version_inventory_that_disagrees_with_the_objects_is_reported() {
        let dir = two_versions();
        let root = dir.path();
        let v1 = root.join("2020/doc/v1");
        let text = std::fs::read_to_string(v1.join(INVENTORY))
            .unwrap()
            .replace("\"message\": \"one\"", "\"message\": \"forged\"");
        std::fs::write(v1.join(INVENTORY), &text).unwrap();
        std::fs::write(
            v1.join(SIDECAR),
            format!("{} {INVENTORY}\n", sha512_hex(text.as_bytes())),
        )
        .unwrap();
        assert_eq!(
            problems(root),
            ["2020/doc/v1/inventory.json: its record of v1 is not the object's inventory's"]
        );
    }

    /// An empty folder in a version's content is reported.
    #[test]
    fn an_empty_content_folder_is_reported() {
        let dir = two_versions();
        let root = dir.path();
        std::fs::create_dir(root.join("2020/doc/v2/content/empty")).unwrap();
        assert_eq!(
            problems(root),
            ["2020/doc/v2/content/empty: an empty folder in a version's content"]
        );
    }

    #[test]
    fn content_paths() {
        assert!(valid_content_path("v1/content/a.pdf", 1, "content"));
        assert!(valid_content_path("v2/content/inputs/a.yaml", 2, "content"));
        assert!(!valid_content_path("v3/content/a.pdf", 2, "content"));
        assert!(!valid_content_path("v1/content/../../x", 1, "content"));
        assert!(!valid_content_path("v1/other/a.pdf", 1, "content"));
        assert!(!valid_content_path("/etc/passwd", 1, "content"));
    }
}
