//! nianbao's earlier archive format, read only to migrate it: files under
//! `DIR/<year>/` listed with their sha256 in `DIR/manifest.json`.

use std::path::Path;

use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::error::Error;
use crate::locale::{tr, user_lang};

pub const MANIFEST: &str = "manifest.json";

#[derive(Debug, Deserialize)]
pub struct Manifest {
    pub documents: Vec<Entry>,
}

#[derive(Debug, Deserialize)]
pub struct Entry {
    pub year: i32,
    pub organisation: String,
    pub kind: String,
    pub date: String,
    pub title: String,
    pub version: u32,
    pub pdf: FileRecord,
    pub markdown: FileRecord,
    #[serde(default)]
    pub docx: Option<FileRecord>,
    pub inputs: Vec<FileRecord>,
    pub nianbao_version: String,
}

#[derive(Debug, Deserialize)]
pub struct FileRecord {
    pub path: String,
    pub sha256: String,
    #[serde(default)]
    pub source: Option<String>,
}

impl Entry {
    fn records(&self) -> impl Iterator<Item = &FileRecord> {
        [&self.pdf, &self.markdown]
            .into_iter()
            .chain(self.docx.iter())
            .chain(self.inputs.iter())
    }
}

impl Manifest {
    pub fn load(dir: &Path) -> Result<Manifest, Error> {
        let path = dir.join(MANIFEST);
        let bytes =
            super::ocfl::read_regular(&path, 64 << 20).map_err(|e| Error::io(&path, "read", e))?;
        serde_json::from_slice(&bytes).map_err(|e| {
            Error::Usage(tr!(
                user_lang(),
                "archive-not-manifest",
                path = path.display(),
                detail = e
            ))
        })
    }

    /// The entries of each document (year, organisation, kind), oldest version first.
    pub fn groups(&self) -> Vec<Vec<&Entry>> {
        let mut entries: Vec<&Entry> = self.documents.iter().collect();
        entries.sort_by(|a, b| {
            (a.year, &a.organisation, &a.kind, a.version).cmp(&(
                b.year,
                &b.organisation,
                &b.kind,
                b.version,
            ))
        });
        let mut groups: Vec<Vec<&Entry>> = Vec::new();
        for entry in entries {
            match groups.last_mut() {
                Some(group)
                    if group[0].year == entry.year
                        && group[0].organisation == entry.organisation
                        && group[0].kind == entry.kind =>
                {
                    group.push(entry)
                }
                _ => groups.push(vec![entry]),
            }
        }
        groups
    }

    /// Every file the manifest lists.
    pub fn paths(&self) -> Vec<String> {
        self.documents
            .iter()
            .flat_map(Entry::records)
            .map(|r| r.path.clone())
            .collect()
    }
}

/// The listed files that are missing, altered, or not plain paths inside `dir`.
pub fn verify(dir: &Path, entries: &[&Entry]) -> Vec<String> {
    let mut problems = Vec::new();
    for record in entries.iter().flat_map(|e| e.records()) {
        let inside = !record.path.starts_with('/')
            && !record.path.contains('\\')
            && record
                .path
                .split('/')
                .all(|p| !p.is_empty() && p != "." && p != "..");
        if !inside {
            problems.push(tr!(user_lang(), "archive-outside", path = record.path));
            continue;
        }
        match super::ocfl::read_regular(&dir.join(&record.path), 512 << 20) {
            Ok(bytes) if format!("{:x}", Sha256::digest(&bytes)) == record.sha256 => {}
            Ok(_) => problems.push(format!("altered:  {}", record.path)),
            Err(_) => problems.push(format!("missing:  {}", record.path)),
        }
    }
    problems
}

pub fn needs_migration(dir: &Path) -> Error {
    Error::Usage(tr!(
        user_lang(),
        "archive-needs-migration",
        path = dir.display()
    ))
}
