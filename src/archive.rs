//! The archive: final PDFs (PDF/A-2b) with their Markdown and inputs, under
//! `DIR/<year>/<organisation>-<kind>.pdf`, listed with their sha256 in
//! `DIR/manifest.json`. Nothing archived is overwritten: `--replace` keeps the
//! earlier document as a numbered version.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::Error;
use crate::output::{ensure_dir, write_atomic};

pub const MANIFEST: &str = "manifest.json";
const FORMAT: &str = "nianbao-archive/1";

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub documents: Vec<Entry>,
}

/// One archived document.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct Entry {
    pub year: i32,
    pub organisation: String,
    pub kind: String,
    /// The document date, `YYYY-MM-DD`.
    pub date: String,
    pub title: String,
    /// 1 for the first document of its organisation, year and kind; each
    /// `--replace` adds one.
    pub version: u32,
    /// The version in force; replaced ones are kept with `current: false`.
    pub current: bool,
    pub pdf: FileRecord,
    pub markdown: FileRecord,
    /// The DOCX beside the PDF/A, when archived with `--docx`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub docx: Option<FileRecord>,
    pub inputs: Vec<FileRecord>,
    pub nianbao_version: String,
}

/// A file of the archive: its path relative to the archive folder and its hash.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct FileRecord {
    pub path: String,
    pub sha256: String,
    /// For inputs: where the file was archived from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .fold(String::with_capacity(64), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
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

impl Manifest {
    pub fn load(dir: &Path) -> Result<Manifest, Error> {
        let path = dir.join(MANIFEST);
        if !path.exists() {
            return Ok(Manifest {
                format: FORMAT.to_string(),
                documents: Vec::new(),
            });
        }
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, "read", e))?;
        serde_json::from_str(&text).map_err(|e| {
            Error::Usage(format!(
                "`{}` is not a nianbao archive manifest: {e}",
                path.display()
            ))
        })
    }

    fn save(&self, dir: &Path) -> Result<(), Error> {
        let mut text = serde_json::to_string_pretty(self).expect("the manifest serialises");
        text.push('\n');
        write_atomic(&dir.join(MANIFEST), text.as_bytes())
    }

    /// The current document of an organisation, year and kind.
    pub fn current(&self, year: i32, organisation: &str, kind: &str) -> Option<&Entry> {
        self.documents.iter().find(|e| {
            e.current && e.year == year && e.organisation == organisation && e.kind == kind
        })
    }
}

/// A name that is safe as a file name on every system.
pub fn file_name_part(text: &str) -> String {
    let cleaned: String = text
        .chars()
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

/// The archive path of a document, relative to the archive folder, without extension.
pub fn stem(year: i32, organisation: &str, kind: &str) -> String {
    format!("{year}/{}-{kind}", file_name_part(organisation))
}

/// Where an existing archived document stands, when archiving it again is refused.
pub struct Existing(pub PathBuf);

/// Stores a document. Refuses when the organisation, year and kind are archived
/// already, unless `replace`: then the earlier files get a version number.
pub fn store(
    dir: &Path,
    doc: &NewDocument,
    replace: bool,
) -> Result<Result<Entry, Existing>, Error> {
    let mut manifest = Manifest::load(dir)?;
    let stem = stem(doc.year, doc.organisation, doc.kind);
    let pdf_rel = format!("{stem}.pdf");
    let existing_version = manifest
        .current(doc.year, doc.organisation, doc.kind)
        .map(|e| e.version);
    let on_disk = dir.join(&pdf_rel).exists();
    if (existing_version.is_some() || on_disk) && !replace {
        return Ok(Err(Existing(dir.join(&pdf_rel))));
    }
    ensure_dir(&dir.join(doc.year.to_string()))?;
    if let Some(version) = existing_version {
        let old = manifest
            .documents
            .iter_mut()
            .find(|e| {
                e.current
                    && e.year == doc.year
                    && e.organisation == doc.organisation
                    && e.kind == doc.kind
            })
            .expect("the current entry exists");
        old.current = false;
        let records = std::iter::once(&mut old.pdf)
            .chain(std::iter::once(&mut old.markdown))
            .chain(old.docx.iter_mut())
            .chain(old.inputs.iter_mut());
        for record in records {
            let versioned = versioned_path(&record.path, version);
            std::fs::rename(dir.join(&record.path), dir.join(&versioned)).map_err(|e| {
                Error::io(&dir.join(&record.path), "keep the earlier version of", e)
            })?;
            record.path = versioned;
        }
    }

    let md_rel = format!("{stem}.md");
    write_atomic(&dir.join(&pdf_rel), doc.pdf)?;
    write_atomic(&dir.join(&md_rel), doc.markdown.as_bytes())?;
    let docx = match doc.docx {
        Some(bytes) => {
            let rel = format!("{stem}.docx");
            write_atomic(&dir.join(&rel), bytes)?;
            Some(FileRecord {
                path: rel,
                sha256: sha256_hex(bytes),
                source: None,
            })
        }
        None => None,
    };
    let mut inputs = Vec::new();
    for (i, (source, bytes)) in doc.inputs.iter().enumerate() {
        let name = source
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| format!("input-{i}.yaml"));
        let rel = format!("{stem}.input.{}", file_name_part(&name));
        write_atomic(&dir.join(&rel), bytes)?;
        inputs.push(FileRecord {
            path: rel,
            sha256: sha256_hex(bytes),
            source: Some(source.display().to_string()),
        });
    }
    let entry = Entry {
        year: doc.year,
        organisation: doc.organisation.to_string(),
        kind: doc.kind.to_string(),
        date: doc.date.to_string(),
        title: doc.title.to_string(),
        version: existing_version.map_or(1, |v| v + 1),
        current: true,
        pdf: FileRecord {
            path: pdf_rel,
            sha256: sha256_hex(doc.pdf),
            source: None,
        },
        markdown: FileRecord {
            path: md_rel,
            sha256: sha256_hex(doc.markdown.as_bytes()),
            source: None,
        },
        docx,
        inputs,
        nianbao_version: env!("CARGO_PKG_VERSION").to_string(),
    };
    manifest.format = FORMAT.to_string();
    manifest.documents.push(entry.clone());
    manifest.save(dir)?;
    Ok(Ok(entry))
}

/// `2020/x-combined.pdf` → `2020/x-combined.v1.pdf`; `….input.2020.yaml` → `….v1.input.2020.yaml`.
fn versioned_path(path: &str, version: u32) -> String {
    let (dir, name) = path.rsplit_once('/').unwrap_or(("", path));
    let (base, rest) = match name.find(".input.") {
        Some(at) => (&name[..at], &name[at..]),
        None => match name.rfind('.') {
            Some(at) => (&name[..at], &name[at..]),
            None => (name, ""),
        },
    };
    let versioned = format!("{base}.v{version}{rest}");
    if dir.is_empty() {
        versioned
    } else {
        format!("{dir}/{versioned}")
    }
}

/// What `verify` found wrong.
#[derive(Debug, PartialEq, Eq)]
pub enum Problem {
    Missing(String),
    Altered(String),
    Unlisted(String),
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::Missing(p) => write!(f, "missing:  {p} (listed in the manifest, not on disk)"),
            Problem::Altered(p) => {
                write!(f, "altered:  {p} (its sha256 differs from the manifest's)")
            }
            Problem::Unlisted(p) => write!(f, "unlisted: {p} (on disk, not in the manifest)"),
        }
    }
}

/// Recomputes every hash of the manifest and looks for files it does not list.
/// Returns the number of files checked and the problems.
pub fn verify(dir: &Path) -> Result<(usize, Vec<Problem>), Error> {
    if !dir.join(MANIFEST).exists() {
        return Err(Error::Usage(format!(
            "`{}` holds no archive (no {MANIFEST})",
            dir.display()
        )));
    }
    let manifest = Manifest::load(dir)?;
    let mut problems = Vec::new();
    let mut listed = BTreeSet::new();
    for entry in &manifest.documents {
        let records = [&entry.pdf, &entry.markdown]
            .into_iter()
            .chain(entry.docx.iter())
            .chain(entry.inputs.iter());
        for record in records {
            listed.insert(record.path.clone());
            match std::fs::read(dir.join(&record.path)) {
                Ok(bytes) if sha256_hex(&bytes) == record.sha256 => {}
                Ok(_) => problems.push(Problem::Altered(record.path.clone())),
                Err(_) => problems.push(Problem::Missing(record.path.clone())),
            }
        }
    }
    for file in files_under(dir, dir) {
        if file != MANIFEST && !listed.contains(&file) {
            problems.push(Problem::Unlisted(file));
        }
    }
    Ok((listed.len(), problems))
}

/// Files below `dir`, as paths relative to `root` with `/` separators, sorted.
fn files_under(root: &Path, dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(root, &path));
        } else if let Ok(rel) = path.strip_prefix(root) {
            let rel: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push(rel.join("/"));
        }
    }
    out.sort();
    out
}

/// The archive as a table: year, organisation, kind, date, version, file.
pub fn table(manifest: &Manifest) -> String {
    let mut rows: Vec<[String; 6]> = vec![[
        "year".into(),
        "organisation".into(),
        "kind".into(),
        "date".into(),
        "version".into(),
        "file".into(),
    ]];
    let mut entries: Vec<&Entry> = manifest.documents.iter().collect();
    entries.sort_by(|a, b| {
        (a.year, &a.organisation, &a.kind, a.version).cmp(&(
            b.year,
            &b.organisation,
            &b.kind,
            b.version,
        ))
    });
    for e in entries {
        let version = if e.current {
            format!("{} (current)", e.version)
        } else {
            e.version.to_string()
        };
        rows.push([
            e.year.to_string(),
            e.organisation.clone(),
            e.kind.clone(),
            e.date.clone(),
            version,
            e.pdf.path.clone(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versioned_paths() {
        assert_eq!(
            versioned_path("2020/a-combined.pdf", 1),
            "2020/a-combined.v1.pdf"
        );
        assert_eq!(
            versioned_path("2020/a-combined.input.2020.yaml", 2),
            "2020/a-combined.v2.input.2020.yaml"
        );
    }

    #[test]
    fn file_names_are_safe() {
        assert_eq!(file_name_part("a/b:c"), "a_b_c");
        assert_eq!(file_name_part(".."), "document");
        assert_eq!(file_name_part("学校工会"), "学校工会");
    }
}
