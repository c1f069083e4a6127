//! The archive: an OCFL 1.1 storage root (<https://ocfl.io/1.1/spec/>) with one
//! object per document, at `DIR/<year>/<organisation>-<kind>`. Each object's
//! version holds the PDF/A-2b, the Markdown, the DOCX when asked for, the
//! input files and `nianbao.json`, the record of what the document is.
//! `--replace` adds a version; nothing archived is ever changed. Writers take
//! a lock; a version is staged and committed by one rename, so a crash leaves
//! the last committed state. `verify` validates the storage root and checks
//! each record against its files.

mod legacy;
pub mod ocfl;

use std::fs::File;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

use crate::error::Error;
use crate::locale::{tr, user_lang};
use crate::output::ensure_dir;
pub use legacy::{MANIFEST, needs_migration};
use ocfl::{Inventory, NewFile, Problem, ROOT_DECLARATION, Version};

/// The record's format.
const FORMAT: &str = "nianbao-archive/2";
/// The record's logical path in each version.
pub const RECORD: &str = "nianbao.json";
/// nianbao's own folder in the storage root: the lock and the staging area.
const OWN: &str = "extensions/nianbao";
/// The longest organisation name kept whole in a path (in characters).
const NAME_LIMIT: usize = 60;

/// What a version of an archived document is: written as `nianbao.json` in it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Record {
    pub format: String,
    pub year: i32,
    pub organisation: String,
    /// `combined` (with a plan), `summary`, `plan`.
    pub kind: String,
    /// The document date, `YYYY-MM-DD`.
    pub date: String,
    pub title: String,
    /// Logical paths of the files in the version.
    pub pdf: String,
    pub markdown: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub docx: Option<String>,
    pub inputs: Vec<InputRecord>,
    pub nianbao_version: String,
}

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct InputRecord {
    pub path: String,
    /// Where the file was archived from.
    pub source: String,
}

/// A document ready to be archived.
pub struct NewDocument<'a> {
    pub year: i32,
    pub organisation: &'a str,
    pub kind: &'a str,
    pub date: &'a str,
    pub title: &'a str,
    pub pdf: &'a [u8],
    pub markdown: &'a str,
    pub docx: Option<&'a [u8]>,
    /// The input files: where they are, and their bytes.
    pub inputs: Vec<(PathBuf, Vec<u8>)>,
}

/// A name that is safe as a file name on every system, in Unicode's NFC
/// (a "é" typed as one character or as "e" and an accent is one name).
pub fn file_name_part(text: &str) -> String {
    let cleaned: String = text
        .nfc()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '_',
            c if c.is_control() => '_',
            c => c,
        })
        .collect();
    let trimmed = cleaned.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if trimmed.is_empty() {
        "document".to_string()
    } else {
        trimmed.to_string()
    }
}

/// Where a document's object stands in the archive: `<year>/<organisation>-<kind>`.
/// An organisation whose name is not a safe file name as it is (`a/b`), or is
/// longer than 60 characters, gets the first 8 hex digits of its name's sha256
/// after the safe part (`a_b~1f0e…`), so two organisations never share a path
/// and every path fits every file system. The name is taken in Unicode's NFC:
/// "café" typed either way is one organisation, one object.
pub fn object_path(year: i32, organisation: &str, kind: &str) -> String {
    let organisation: &str = &organisation.nfc().collect::<String>();
    let safe = file_name_part(organisation);
    let name = if safe == organisation && safe.chars().count() <= NAME_LIMIT && !safe.contains('~')
    {
        safe
    } else {
        let digest = format!("{:x}", Sha256::digest(organisation.as_bytes()));
        let kept: String = safe.chars().take(NAME_LIMIT).collect();
        format!("{kept}~{}", &digest[..8])
    };
    format!("{year}/{name}-{kind}")
}

/// The object's identifier: the document's year, kind and organisation (in
/// NFC, as [`object_path`] takes it).
pub fn object_id(year: i32, organisation: &str, kind: &str) -> String {
    let organisation: String = organisation.nfc().collect();
    format!("urn:nianbao:{year}:{kind}:{organisation}")
}

/// Where an existing archived document stands, when archiving it again is refused.
pub struct Existing(pub PathBuf);

/// A document stored.
pub struct Stored {
    pub version: usize,
    /// The PDF on disk.
    pub pdf: PathBuf,
    pub pdf_sha512: String,
}

/// The number of versions archived of a document; `None` when there is none.
/// Refuses when another document's object stands at its path.
pub fn versions_of(
    dir: &Path,
    year: i32,
    organisation: &str,
    kind: &str,
) -> Result<Option<usize>, Error> {
    let object = dir.join(object_path(year, organisation, kind));
    match ocfl::read_inventory(&object)? {
        Some(inventory) if inventory.id == object_id(year, organisation, kind) => {
            Ok(Some(inventory.versions.len()))
        }
        Some(inventory) => Err(Error::Refused(tr!(
            user_lang(),
            "archive-other-document",
            path = object.display(),
            id = inventory.id
        ))),
        None if std::fs::symlink_metadata(&object).is_ok() => Err(Error::Refused(tr!(
            user_lang(),
            "archive-not-a-document",
            path = object.display()
        ))),
        None => Ok(None),
    }
}

/// The archive opened for writing: holds the lock until dropped.
pub struct Writer {
    root: PathBuf,
    staging: PathBuf,
    _lock: File,
}

impl Writer {
    /// Opens (or creates) the archive in `root` and takes its lock, waiting for
    /// another writer to finish. What a killed writer staged is removed.
    pub fn open(root: &Path) -> Result<Writer, Error> {
        if root.join(MANIFEST).exists() {
            return Err(legacy::needs_migration(root));
        }
        Writer::open_any(root)
    }

    fn open_any(root: &Path) -> Result<Writer, Error> {
        ensure_dir(root)?;
        if !root.join(ROOT_DECLARATION).exists() && !root.join(MANIFEST).exists() {
            let foreign = std::fs::read_dir(root)
                .map_err(|e| Error::io(root, "read", e))?
                .flatten()
                .any(|e| e.file_name() != "extensions");
            if foreign {
                return Err(Error::Refused(tr!(
                    user_lang(),
                    "archive-foreign-files",
                    path = root.display()
                )));
            }
        }
        let own = root.join(OWN);
        std::fs::create_dir_all(&own).map_err(|e| Error::io(&own, "create", e))?;
        for dir in [root.join("extensions"), own.clone()] {
            let is_dir = std::fs::symlink_metadata(&dir).is_ok_and(|m| m.is_dir());
            if !is_dir {
                return Err(Error::Refused(tr!(
                    user_lang(),
                    "archive-not-a-folder",
                    path = dir.display()
                )));
            }
        }
        let lock_path = own.join("lock");
        let mut options = std::fs::OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NOFOLLOW);
        let lock = options
            .open(&lock_path)
            .map_err(|e| Error::io(&lock_path, "open-lock", e))?;
        if lock.try_lock().is_err() {
            eprintln!(
                "{}",
                tr!(user_lang(), "archive-waiting", path = root.display())
            );
            lock.lock()
                .map_err(|e| Error::io(&lock_path, "take-lock", e))?;
        }
        let staging = own.join("staging");
        if std::fs::symlink_metadata(&staging).is_ok() {
            std::fs::remove_dir_all(&staging).map_err(|e| Error::io(&staging, "clear", e))?;
        }
        std::fs::create_dir(&staging).map_err(|e| Error::io(&staging, "create", e))?;
        ocfl::declare_root(root)?;
        Ok(Writer {
            root: root.to_path_buf(),
            staging,
            _lock: lock,
        })
    }

    /// Stores a document. Refuses when it is archived already, unless
    /// `replace`: then it becomes the next version.
    pub fn store(
        &self,
        doc: &NewDocument,
        replace: bool,
    ) -> Result<Result<Stored, Existing>, Error> {
        let rel = object_path(doc.year, doc.organisation, doc.kind);
        let name = rel.rsplit('/').next().unwrap_or(&rel).to_string();
        if versions_of(&self.root, doc.year, doc.organisation, doc.kind)?.is_some() && !replace {
            return Ok(Err(Existing(self.root.join(&rel))));
        }
        let pdf = format!("{name}.pdf");
        let markdown = format!("{name}.md");
        let docx = doc.docx.map(|_| format!("{name}.docx"));
        let mut files = vec![
            NewFile {
                logical: pdf.clone(),
                bytes: doc.pdf.to_vec(),
            },
            NewFile {
                logical: markdown.clone(),
                bytes: doc.markdown.as_bytes().to_vec(),
            },
        ];
        if let (Some(logical), Some(bytes)) = (&docx, doc.docx) {
            crate::docx::check_package(bytes).map_err(|e| {
                Error::Refused(tr!(user_lang(), "archive-docx-not-well-formed", detail = e))
            })?;
            files.push(NewFile {
                logical: logical.clone(),
                bytes: bytes.to_vec(),
            });
        }
        let mut inputs: Vec<InputRecord> = Vec::new();
        for (i, (source, bytes)) in doc.inputs.iter().enumerate() {
            let file = source
                .file_name()
                .map(|n| file_name_part(&n.to_string_lossy()))
                .unwrap_or_else(|| format!("input-{i}.yaml"));
            let mut logical = format!("inputs/{file}");
            if inputs.iter().any(|r| r.path == logical) {
                logical = format!("inputs/{i}-{file}");
            }
            files.push(NewFile {
                logical: logical.clone(),
                bytes: bytes.clone(),
            });
            inputs.push(InputRecord {
                path: logical,
                source: source.display().to_string(),
            });
        }
        let record = Record {
            format: FORMAT.to_string(),
            year: doc.year,
            organisation: doc.organisation.to_string(),
            kind: doc.kind.to_string(),
            date: doc.date.to_string(),
            title: doc.title.to_string(),
            pdf: pdf.clone(),
            markdown,
            docx,
            inputs,
            nianbao_version: env!("CARGO_PKG_VERSION").to_string(),
        };
        self.commit(&rel, &record, files, "archived by nianbao")
            .map(|(version, inventory)| {
                let content = inventory
                    .content_path(version, &pdf)
                    .expect("the PDF is in the version")
                    .to_string();
                Ok(Stored {
                    version,
                    pdf: self.root.join(&rel).join(content),
                    pdf_sha512: ocfl::sha512_hex(doc.pdf),
                })
            })
    }

    fn commit(
        &self,
        rel: &str,
        record: &Record,
        mut files: Vec<NewFile>,
        message: &str,
    ) -> Result<(usize, Inventory), Error> {
        let mut json = serde_json::to_vec_pretty(record).expect("a record serialises");
        json.push(b'\n');
        files.push(NewFile {
            logical: RECORD.to_string(),
            bytes: json,
        });
        let version = Version {
            created: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            state: Default::default(),
            message: Some(message.to_string()),
            user: Some(ocfl::User {
                name: "nianbao".to_string(),
                address: Some(format!("urn:nianbao:{}", env!("CARGO_PKG_VERSION"))),
            }),
        };
        ocfl::commit_version(
            &self.root,
            &self.staging,
            rel,
            &object_id(record.year, &record.organisation, &record.kind),
            &files,
            version,
        )
    }
}

/// One version of an archived document, as listed.
pub struct Listed {
    pub record: Record,
    pub version: usize,
    pub current: bool,
    /// The PDF, relative to the archive folder.
    pub pdf: String,
}

/// Every version of every document, read from the inventories and records
/// (digests are not recomputed: that is `verify`'s work).
pub fn list(dir: &Path) -> Result<(Vec<Listed>, Vec<Problem>), Error> {
    require_archive(dir)?;
    let validation = ocfl::validate(dir, false);
    let mut listed = Vec::new();
    let mut problems = validation.problems;
    for found in &validation.objects {
        let count = found.inventory.versions.len();
        for n in 1..=count {
            match read_record(dir, &found.rel, &found.inventory, n) {
                Ok(record) => {
                    let pdf = found
                        .inventory
                        .content_path(n, &record.pdf)
                        .map(|c| format!("{}/{c}", found.rel))
                        .unwrap_or_default();
                    listed.push(Listed {
                        record,
                        version: n,
                        current: n == count,
                        pdf,
                    });
                }
                Err(problem) => problems.push(problem),
            }
        }
    }
    Ok((listed, problems))
}

fn require_archive(dir: &Path) -> Result<(), Error> {
    if dir.join(ROOT_DECLARATION).exists() {
        Ok(())
    } else if dir.join(MANIFEST).exists() {
        Err(legacy::needs_migration(dir))
    } else {
        Err(Error::Usage(tr!(
            user_lang(),
            "archive-none",
            path = dir.display(),
            declaration = ROOT_DECLARATION
        )))
    }
}

fn read_record(dir: &Path, rel: &str, inventory: &Inventory, n: usize) -> Result<Record, Problem> {
    let vrel = format!("{rel}/{}", ocfl::version_name(n));
    let content = inventory
        .content_path(n, RECORD)
        .ok_or_else(|| Problem::new(&vrel, format!("holds no {RECORD} record")))?;
    let bytes = ocfl::read_regular(&dir.join(rel).join(content), 1 << 20)
        .map_err(|e| Problem::new(format!("{rel}/{content}"), format!("missing: {e}")))?;
    let record: Record = serde_json::from_slice(&bytes).map_err(|e| {
        Problem::new(
            format!("{rel}/{content}"),
            format!("not a nianbao record: {e}"),
        )
    })?;
    if record.format != FORMAT {
        return Err(Problem::new(
            format!("{rel}/{content}"),
            tr!(
                user_lang(),
                "archive-unknown-format",
                format = record.format
            ),
        ));
    }
    Ok(record)
}

/// What `verify` read and found.
pub struct Verified {
    pub documents: usize,
    pub versions: usize,
    pub files: usize,
    pub problems: Vec<Problem>,
}

/// Validates the archive as an OCFL storage root, then checks each version's
/// record against its files: the object's path and id, the PDF's own title,
/// author, date and PDF/A identification, and the archived input read again.
pub fn verify(dir: &Path) -> Result<Verified, Error> {
    require_archive(dir)?;
    // A reader waits for a writer's commit to end (when it may take the lock).
    let lock = File::open(dir.join(OWN).join("lock")).ok();
    if let Some(lock) = &lock {
        let _ = lock.lock_shared();
    }
    let validation = ocfl::validate(dir, true);
    let mut problems = validation.problems;
    let mut versions = 0;
    for found in &validation.objects {
        for n in 1..=found.inventory.versions.len() {
            versions += 1;
            match read_record(dir, &found.rel, &found.inventory, n) {
                Ok(record) => {
                    cross_check(dir, &found.rel, &found.inventory, n, &record, &mut problems)
                }
                Err(problem) => problems.push(problem),
            }
        }
    }
    problems.sort();
    Ok(Verified {
        documents: validation.objects.len(),
        versions,
        files: validation.files,
        problems,
    })
}

fn cross_check(
    dir: &Path,
    rel: &str,
    inventory: &Inventory,
    n: usize,
    record: &Record,
    problems: &mut Vec<Problem>,
) {
    let vrel = format!("{rel}/{}", ocfl::version_name(n));
    let mut problem = |what: String| problems.push(Problem::new(&vrel, what));
    let expected = object_path(record.year, &record.organisation, &record.kind);
    if expected != rel {
        problem(tr!(
            user_lang(),
            "archive-wrong-place",
            year = record.year,
            organisation = record.organisation,
            kind = record.kind,
            expected = expected
        ));
    }
    let id = object_id(record.year, &record.organisation, &record.kind);
    if inventory.id != id {
        problem(tr!(
            user_lang(),
            "archive-wrong-id",
            id = inventory.id,
            expected = id
        ));
    }
    let read = |logical: &str| -> Result<Vec<u8>, String> {
        let content = inventory
            .content_path(n, logical)
            .ok_or_else(|| tr!(user_lang(), "archive-missing-file", logical = logical))?;
        ocfl::read_regular(&dir.join(rel).join(content), 512 << 20)
            .map_err(|e| format!("`{logical}`: {e}"))
    };
    let mut named: Vec<&str> = vec![RECORD, &record.pdf, &record.markdown];
    named.extend(record.docx.as_deref());
    named.extend(record.inputs.iter().map(|i| i.path.as_str()));
    if let Some(state) = inventory.versions.get(&ocfl::version_name(n)) {
        for path in state.state.values().flatten() {
            if !named.contains(&path.as_str()) {
                problem(tr!(user_lang(), "archive-unnamed-file", path = path));
            }
        }
    }
    if let Err(e) = read(&record.markdown) {
        problem(e);
    }
    if let Some(logical) = &record.docx {
        match read(logical) {
            Ok(bytes) => {
                if let Err(e) = crate::docx::check_package(&bytes) {
                    problem(tr!(
                        user_lang(),
                        "archive-file-not-well-formed",
                        logical = logical,
                        detail = e
                    ));
                }
            }
            Err(e) => problem(e),
        }
    }
    match read(&record.pdf) {
        Ok(pdf) => {
            for mismatch in pdf_mismatches(&pdf, record) {
                problem(format!("`{}`: {mismatch}", record.pdf));
            }
        }
        Err(e) => problem(e),
    }
    let mut texts = Vec::new();
    for input in &record.inputs {
        match read(&input.path).map(String::from_utf8) {
            Ok(Ok(text)) => texts.push((PathBuf::from(&input.path), text)),
            Ok(Err(_)) => texts.push((PathBuf::from(&input.path), String::new())),
            Err(e) => problem(e),
        }
    }
    if texts.len() == record.inputs.len() && !texts.is_empty() {
        let outcome = if texts.len() == 1 {
            let (path, text) = texts.pop().expect("one input");
            crate::load::parse(crate::source::SourceFile::new(path, text), None)
        } else {
            crate::load::parse_folder(Path::new("inputs"), texts, None)
        };
        match outcome {
            crate::load::Outcome::Loaded(loaded) => {
                let meta = &loaded.report.meta;
                if meta.year.value != record.year || meta.organisation.value != record.organisation
                {
                    problem(tr!(
                        user_lang(),
                        "archive-input-differs",
                        year = meta.year.value,
                        organisation = meta.organisation.value,
                        record_year = record.year,
                        record_organisation = record.organisation
                    ));
                }
            }
            crate::load::Outcome::Invalid(..) => {
                problem(tr!(user_lang(), "archive-input-unreadable"));
            }
        }
    }
}

/// Where the PDF's own metadata (its XMP packet) disagrees with the record.
fn pdf_mismatches(pdf: &[u8], record: &Record) -> Vec<String> {
    let text = String::from_utf8_lossy(pdf);
    let Some(start) = text.find("<x:xmpmeta") else {
        return vec![tr!(user_lang(), "archive-no-xmp")];
    };
    let end = text[start..]
        .find("</x:xmpmeta>")
        .map_or(text.len(), |e| start + e);
    let fields = xmp_fields(&text[start..end]);
    let field = |tag: &str| fields.get(tag).cloned();
    let mut out = Vec::new();
    let mut expect = |what: &str, found: Option<String>, wanted: &str, exact: bool| {
        let ok = found.as_deref().is_some_and(|f| {
            if exact {
                f == wanted
            } else {
                f.starts_with(wanted)
            }
        });
        if !ok {
            out.push(tr!(
                user_lang(),
                "archive-xmp-differs",
                what = what,
                found = found.unwrap_or_default(),
                wanted = wanted
            ));
        }
    };
    expect("title", field("dc:title"), &record.title, true);
    expect("author", field("dc:creator"), &record.organisation, true);
    expect("date", field("xmp:CreateDate"), &record.date, false);
    expect("PDF/A part", field("pdfaid:part"), "2", true);
    expect("PDF/A conformance", field("pdfaid:conformance"), "B", true);
    out
}

/// The values of an XMP packet's elements, read with quick-xml: each
/// element's text, and for a list (`rdf:Alt`, `rdf:Seq`) its first item's,
/// under the name of the element that holds it (`dc:title`).
fn xmp_fields(xmp: &str) -> std::collections::HashMap<String, String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xmp);
    let mut open: Vec<String> = Vec::new();
    let mut fields = std::collections::HashMap::new();
    let mut text = String::new();
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                open.push(String::from_utf8_lossy(e.name().as_ref()).into_owned());
                text.clear();
            }
            Ok(Event::Text(t)) => text.push_str(&t.decode().unwrap_or_default()),
            Ok(Event::GeneralRef(r)) => {
                let name = r.decode().unwrap_or_default();
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match name.as_ref() {
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "amp" => Some('&'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                text.extend(c);
            }
            Ok(Event::End(_)) => {
                // The value belongs to the innermost element outside RDF's own.
                let owner = open.iter().rev().find(|n| !n.starts_with("rdf:")).cloned();
                open.pop();
                if let Some(owner) = owner
                    && !text.trim().is_empty()
                {
                    fields.entry(owner).or_insert_with(|| text.clone());
                }
                text.clear();
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    fields
}

/// The archive as a table: year, organisation, kind, date, version, file.
pub fn table(listed: &[Listed]) -> String {
    let mut rows: Vec<[String; 6]> = vec![[
        "year".into(),
        "organisation".into(),
        "kind".into(),
        "date".into(),
        "version".into(),
        "file".into(),
    ]];
    let mut sorted: Vec<&Listed> = listed.iter().collect();
    sorted.sort_by(|a, b| {
        let key = |l: &Listed| {
            (
                l.record.year,
                l.record.organisation.clone(),
                l.record.kind.clone(),
                l.version,
            )
        };
        key(a).cmp(&key(b))
    });
    for l in sorted {
        let version = if l.current {
            format!("{} (current)", l.version)
        } else {
            l.version.to_string()
        };
        rows.push([
            l.record.year.to_string(),
            l.record.organisation.clone(),
            l.record.kind.clone(),
            l.record.date.clone(),
            version,
            l.pdf.clone(),
        ]);
    }
    let widths: Vec<usize> = (0..6)
        .map(|i| {
            rows.iter()
                .map(|r| unicode_width::UnicodeWidthStr::width(r[i].as_str()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            line.push_str(cell);
            if i < 5 {
                let pad = widths[i] - unicode_width::UnicodeWidthStr::width(cell.as_str()) + 2;
                line.push_str(&" ".repeat(pad));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Turns an archive of nianbao's earlier format (`manifest.json` and files
/// beside it) into the OCFL storage root, version by version, after checking
/// every file against the manifest. A migration that was interrupted goes on
/// where it stopped. Returns the number of documents and versions migrated.
pub fn migrate(dir: &Path) -> Result<(usize, usize), Error> {
    let manifest = legacy::Manifest::load(dir)?;
    // What an interrupted migration committed already is left as it is.
    let mut pending: Vec<(String, Vec<&legacy::Entry>)> = Vec::new();
    for group in manifest.groups() {
        let first = group[0];
        let rel = object_path(first.year, &first.organisation, &first.kind);
        let done = versions_of(dir, first.year, &first.organisation, &first.kind)?.unwrap_or(0);
        pending.push((rel, group.into_iter().skip(done).collect()));
    }
    let entries: Vec<&legacy::Entry> = pending
        .iter()
        .flat_map(|(_, g)| g.iter().copied())
        .collect();
    let problems = legacy::verify(dir, &entries);
    if !problems.is_empty() {
        return Err(Error::Refused(tr!(
            user_lang(),
            "archive-legacy-unverified",
            path = dir.display(),
            problems = problems.join("\n")
        )));
    }
    let writer = Writer::open_any(dir)?;
    let documents = pending.len();
    let mut versions = 0;
    for (rel, group) in &pending {
        for entry in group {
            let name = rel.rsplit('/').next().unwrap_or(rel);
            let mut files = Vec::new();
            let mut read = |path: &str, logical: String| -> Result<String, Error> {
                let full = dir.join(path);
                let bytes = std::fs::read(&full).map_err(|e| Error::io(&full, "read", e))?;
                files.push(NewFile {
                    logical: logical.clone(),
                    bytes,
                });
                Ok(logical)
            };
            let pdf = read(&entry.pdf.path, format!("{name}.pdf"))?;
            let markdown = read(&entry.markdown.path, format!("{name}.md"))?;
            let docx = match &entry.docx {
                Some(d) => Some(read(&d.path, format!("{name}.docx"))?),
                None => None,
            };
            let mut inputs = Vec::new();
            for (i, input) in entry.inputs.iter().enumerate() {
                let source = input.source.clone().unwrap_or_default();
                let file = Path::new(&source)
                    .file_name()
                    .map(|n| file_name_part(&n.to_string_lossy()))
                    .unwrap_or_else(|| format!("input-{i}.yaml"));
                let logical = read(&input.path, format!("inputs/{file}"))?;
                inputs.push(InputRecord {
                    path: logical,
                    source,
                });
            }
            let record = Record {
                format: FORMAT.to_string(),
                year: entry.year,
                organisation: entry.organisation.clone(),
                kind: entry.kind.clone(),
                date: entry.date.clone(),
                title: entry.title.clone(),
                pdf,
                markdown,
                docx,
                inputs,
                nianbao_version: entry.nianbao_version.clone(),
            };
            writer.commit(rel, &record, files, "migrated from manifest.json")?;
            versions += 1;
        }
    }
    // Only now are the earlier files removed, the manifest last.
    for path in manifest.paths() {
        let full = dir.join(&path);
        if std::fs::symlink_metadata(&full).is_ok() {
            std::fs::remove_file(&full).map_err(|e| Error::io(&full, "remove", e))?;
        }
    }
    let manifest_path = dir.join(MANIFEST);
    std::fs::remove_file(&manifest_path).map_err(|e| Error::io(&manifest_path, "remove", e))?;
    Ok((documents, versions))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xmp_fields_are_read_as_xml() {
        let xmp = r#"<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description>
  <dc:title><rdf:Alt><rdf:li xml:lang="x-default">A &amp; B &lt;2020&gt; &#x5E74;</rdf:li><rdf:li>second</rdf:li></rdf:Alt></dc:title>
  <dc:creator><rdf:Seq><rdf:li>某工会</rdf:li></rdf:Seq></dc:creator>
  <xmp:CreateDate>2020-12-08T00:00:00Z</xmp:CreateDate>
  <pdfaid:part>2</pdfaid:part>
</rdf:Description></rdf:RDF></x:xmpmeta>"#;
        let fields = xmp_fields(xmp);
        let get = |k: &str| fields.get(k).map(String::as_str);
        assert_eq!(get("dc:title"), Some("A & B <2020> 年"));
        assert_eq!(get("dc:creator"), Some("某工会"));
        assert_eq!(get("xmp:CreateDate"), Some("2020-12-08T00:00:00Z"));
        assert_eq!(get("pdfaid:part"), Some("2"));
    }

    #[test]
    fn file_names_are_safe() {
        assert_eq!(file_name_part("a/b:c"), "a_b_c");
        assert_eq!(file_name_part(".."), "document");
        assert_eq!(file_name_part("学校工会"), "学校工会");
    }

    /// "café" with a precomposed é (NFC) and with e and a combining accent
    /// (NFD) is one organisation: one path, one id, one object.
    #[test]
    fn a_name_in_nfc_and_nfd_is_one_object() {
        let (nfc, nfd) = ("caf\u{e9}工会", "cafe\u{301}工会");
        assert_ne!(nfc, nfd);
        for name in [nfc, nfd] {
            assert_eq!(
                object_path(2020, name, "summary"),
                "2020/caf\u{e9}工会-summary"
            );
            assert_eq!(
                object_id(2020, name, "summary"),
                "urn:nianbao:2020:summary:caf\u{e9}工会"
            );
        }
        let dir = tempfile::tempdir().unwrap();
        let writer = Writer::open(dir.path()).unwrap();
        let document = |organisation| NewDocument {
            year: 2020,
            organisation,
            kind: "summary",
            date: "2020-12-08",
            title: "总结",
            pdf: b"%PDF-",
            markdown: "# 总结\n",
            docx: None,
            inputs: Vec::new(),
        };
        assert!(writer.store(&document(nfc), false).unwrap().is_ok());
        let Err(Existing(existing)) = writer.store(&document(nfd), false).unwrap() else {
            panic!("the NFD name was archived as a second object");
        };
        assert_eq!(existing, dir.path().join("2020/caf\u{e9}工会-summary"));
        assert_eq!(
            versions_of(dir.path(), 2020, nfd, "summary").unwrap(),
            Some(1)
        );
    }

    #[test]
    fn object_paths_never_collide_and_stay_short() {
        assert_eq!(
            object_path(2020, "学校工会", "summary"),
            "2020/学校工会-summary"
        );
        let slash = object_path(2020, "a/b", "summary");
        let underscore = object_path(2020, "a_b", "summary");
        assert_eq!(underscore, "2020/a_b-summary");
        assert!(
            slash.starts_with("2020/a_b~") && slash.ends_with("-summary"),
            "{slash}"
        );
        assert_ne!(slash, underscore);
        let long = object_path(2020, &"工".repeat(300), "combined");
        assert_eq!(
            long.chars().count(),
            "2020/".len() + 60 + 9 + "-combined".len()
        );
    }
}
