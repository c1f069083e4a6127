//! The start page's requests: the inputs of the folder (newest first), a new
//! input from the skeletons of `nianbao new`, and last year's file imported
//! as `nianbao import` does (shown first, then written, with the `next`
//! input when asked); and the editor's seal images, copied beside the input.
//! Every file is written inside the folder, under a name made of the
//! document's title (an image: of its own name), and never over another file.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use serde::Deserialize;
use serde_json::{Value, json};

use super::{Refusal, Served, blocking, is_yaml, refusal_response};
use crate::load::{self, MAX_INPUT_BYTES, Outcome};
use crate::locale::tr;
use crate::model::{Lang, Report};
use crate::period::Period;
use crate::skeleton::{NewDocument, file_name};
use crate::source::SourceFile;
use crate::view::{Kind, title};

/// The largest request `/api/import` takes: a file as large as `import`
/// reads, in base64, with room for its name.
pub(super) const UPLOAD_LIMIT: usize =
    (crate::import::MAX_FILE_BYTES as usize).div_ceil(3) * 4 + 65_536;

/// The inputs of the folder, newest first, and what the start page needs.
pub(super) async fn list(State(served): State<Arc<Served>>) -> Response {
    match blocking(move || listing(&served)).await {
        Ok(value) => axum::Json(value).into_response(),
        Err(response) => response,
    }
}

fn listing(served: &Served) -> Value {
    let lang = served.start_lang;
    let mut inputs: Vec<(u64, Value)> = Vec::new();
    let entries = std::fs::read_dir(&served.folder)
        .map(|entries| entries.filter_map(Result::ok).collect::<Vec<_>>())
        .unwrap_or_default();
    for entry in entries {
        let Some(name) = entry.file_name().to_str().map(String::from) else {
            continue;
        };
        // The file type of the entry itself: a link is not followed.
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let path = entry.path();
        let file = kind.is_file() && is_yaml(&path);
        if name.starts_with('.') || !(file || kind.is_dir()) {
            continue;
        }
        let files = if file {
            vec![path.clone()]
        } else {
            match load::folder_files(&path) {
                Ok(files) => files,
                Err(_) => continue,
            }
        };
        let modified = files
            .iter()
            .filter_map(|f| std::fs::metadata(f).and_then(|m| m.modified()).ok())
            .max()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_millis() as u64);
        let item = match load::load(&path, Some(lang)) {
            Ok(Outcome::Loaded(loaded)) => described(&loaded.report, lang),
            // A folder that does not load is not an input; a file that does
            // not is listed, to be corrected in the editor.
            _ if !file => continue,
            _ => json!({ "title": name, "unreadable": true }),
        };
        let mut item = item;
        item["name"] = json!(name);
        item["modified"] = json!(modified);
        inputs.push((modified, item));
    }
    inputs.sort_by(|a, b| {
        b.0.cmp(&a.0)
            .then_with(|| a.1["name"].as_str().cmp(&b.1["name"].as_str()))
    });
    let today = chrono::Local::now().date_naive();
    json!({
        "folder": served.folder.display().to_string(),
        "lang": lang.code(),
        "opened": served.opened.as_ref().and_then(|p| p.file_name()).map(|n| n.to_string_lossy()),
        "today": today.to_string(),
        "upload_limit": crate::import::MAX_FILE_BYTES,
        "inputs": inputs.into_iter().map(|(_, item)| item).collect::<Vec<_>>(),
    })
}

/// A document's title, period and kind, as the start page lists them.
fn described(report: &Report, lang: Lang) -> Value {
    let kind = if report.is_plan_only() {
        Kind::Plan
    } else if report.has_plans() {
        Kind::Combined
    } else {
        Kind::Summary
    };
    json!({
        "title": title(report, Kind::Combined),
        "period": Period::of(&report.meta).label(lang),
        "kind": kind.as_str(),
    })
}

/// What the start page's 新建 asks for.
#[derive(Deserialize)]
pub(super) struct NewRequest {
    organisation: String,
    year: i32,
    #[serde(default)]
    half: Option<u8>,
    /// combined, summary, plan (build's names), or en: the English report.
    kind: String,
    /// The main areas of work, one a line.
    #[serde(default)]
    areas: String,
    #[serde(default)]
    signature: String,
    /// YYYY-MM-DD; empty: today when the period allows it.
    #[serde(default)]
    date: String,
}

/// Writes a new input's skeleton in the folder; its name.
pub(super) async fn new_input(
    State(served): State<Arc<Served>>,
    axum::Json(request): axum::Json<NewRequest>,
) -> Response {
    match blocking(move || make_new(&served, &request)).await {
        Ok(Ok(name)) => axum::Json(json!({ "name": name })).into_response(),
        Ok(Err(refusal)) => refusal_response(refusal),
        Err(response) => response,
    }
}

fn make_new(served: &Served, request: &NewRequest) -> Result<String, Refusal> {
    let lang = served.start_lang;
    let invalid = |message: String| (StatusCode::UNPROCESSABLE_ENTITY, message);
    if request.organisation.trim().is_empty() {
        return Err(invalid(tr!(lang, "serve-new-no-organisation")));
    }
    if !(1900..=2100).contains(&request.year) {
        return Err(invalid(tr!(lang, "new-bad-year", year = request.year)));
    }
    if request.half.is_some_and(|h| !(1..=2).contains(&h)) {
        return Err(invalid(tr!(lang, "serve-new-bad-half")));
    }
    let mut half = request.half;
    let (kind, doc_lang) = match request.kind.as_str() {
        "combined" => (Kind::Combined, Lang::Zh),
        // 半年总结和下半年计划: the first half's summary with the second's
        // plan, unless a half was chosen.
        "half" => {
            half = half.or(Some(1));
            (Kind::Combined, Lang::Zh)
        }
        "summary" => (Kind::Summary, Lang::Zh),
        "plan" => (Kind::Plan, Lang::Zh),
        "en" => (Kind::Combined, Lang::En),
        other => return Err(invalid(tr!(lang, "serve-new-bad-kind", kind = other))),
    };
    let date = match request.date.trim() {
        "" => None,
        text => Some(
            crate::period::parse_date(text)
                .ok_or_else(|| invalid(tr!(lang, "new-bad-date", date = text)))?,
        ),
    };
    let asked = NewDocument {
        organisation: request.organisation.trim().to_string(),
        year: request.year,
        half,
        kind,
        lang: doc_lang,
        areas: request.areas.lines().map(String::from).collect(),
        signature: Some(request.signature.clone()).filter(|s| !s.trim().is_empty()),
        date,
    };
    let yaml = asked.yaml(chrono::Local::now().date_naive());
    let report = loads(&yaml, lang)?;
    let name = file_name(&title(&report, kind));
    write_new(served, &name, &yaml, false)?;
    Ok(name)
}

/// The report of an input's YAML, or why it does not load.
fn loads(yaml: &str, lang: Lang) -> Result<Report, Refusal> {
    match load::parse(SourceFile::new("new.yaml".into(), yaml.to_string()), None) {
        Outcome::Loaded(loaded) => Ok(loaded.report),
        Outcome::Invalid(..) => Err((
            StatusCode::UNPROCESSABLE_ENTITY,
            tr!(lang, "import-would-not-load"),
        )),
    }
}

/// Writes `yaml` as `name` in the folder, never over another file (`same`:
/// a file of exactly these bytes there already is fine).
fn write_new(served: &Served, name: &str, yaml: &str, same: bool) -> Result<(), Refusal> {
    write_bytes(
        &served.folder,
        name,
        yaml.as_bytes(),
        same,
        served.start_lang,
    )
}

/// Writes `bytes` as `name` in `folder`, never over another file (`same`: a
/// file of exactly these bytes there already is fine): the bytes are
/// written to a temporary file in the folder, synced, and linked into place
/// only if nothing is there.
fn write_bytes(
    folder: &Path,
    name: &str,
    bytes: &[u8],
    same: bool,
    lang: Lang,
) -> Result<(), Refusal> {
    let path = folder.join(name);
    // One name, in the folder.
    if Path::new(name).components().count() != 1 || path.parent() != Some(folder) {
        return Err((
            StatusCode::FORBIDDEN,
            tr!(lang, "serve-outside", name = name),
        ));
    }
    let exists = || (StatusCode::CONFLICT, tr!(lang, "serve-exists", name = name));
    if std::fs::symlink_metadata(&path).is_ok() {
        let already = same
            && std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file())
            && std::fs::read(&path).is_ok_and(|there| there == bytes);
        return if already { Ok(()) } else { Err(exists()) };
    }
    let failed = |e: std::io::Error| {
        (
            StatusCode::INTERNAL_SERVER_ERROR,
            crate::Error::io(&path, "write", e).to_string(),
        )
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".nianbao-new.").suffix(".nianbao-tmp");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o644));
    let mut file = builder.tempfile_in(folder).map_err(failed)?;
    file.write_all(bytes)
        .and_then(|()| file.as_file().sync_all())
        .map_err(failed)?;
    match file.persist_noclobber(&path) {
        Ok(_) => Ok(()),
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Err(exists()),
        Err(e) => Err(failed(e.error)),
    }
}

/// A seal or 签名章 image chosen on the page, for the input being edited.
#[derive(Deserialize)]
pub(super) struct ImageRequest {
    /// Its name on the user's computer: its stem names the copy.
    name: String,
    /// Its bytes, in base64.
    data: String,
    #[serde(default)]
    input: Option<String>,
}

/// The largest request `/api/image` takes: an image as large as a seal may
/// be, in base64, with room for its name.
pub(super) const IMAGE_LIMIT: usize =
    (crate::gongwen::SEAL_LIMIT as usize).div_ceil(3) * 4 + 65_536;

/// Copies a seal or 签名章 image beside the input (where `seal:` and
/// `stamp:` are read from) and says the name it has there.
pub(super) async fn image(
    State(served): State<Arc<Served>>,
    axum::Json(request): axum::Json<ImageRequest>,
) -> Response {
    match blocking(move || write_image(&served, &request)).await {
        Ok(Ok(name)) => axum::Json(json!({ "name": name })).into_response(),
        Ok(Err(refusal)) => refusal_response(refusal),
        Err(response) => response,
    }
}

/// The image written beside the input: under the chosen file's name (its
/// extension the image's kind), or that name with -2, -3 … when another
/// file has it; the same bytes there already are taken as they are.
fn write_image(served: &Served, request: &ImageRequest) -> Result<String, Refusal> {
    let input = served.input(request.input.as_deref())?;
    let lang = served.lang();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(request.data.as_bytes())
        .map_err(|_| {
            (
                StatusCode::UNPROCESSABLE_ENTITY,
                tr!(lang, "serve-import-not-base64"),
            )
        })?;
    let limit = crate::gongwen::SEAL_LIMIT;
    if bytes.len() as u64 > limit {
        return Err((
            StatusCode::PAYLOAD_TOO_LARGE,
            tr!(lang, "serve-image-too-large", limit = limit / 1_000_000),
        ));
    }
    let Some(format) = crate::gongwen::image_format(&bytes) else {
        return Err((
            StatusCode::UNPROCESSABLE_ENTITY,
            tr!(lang, "serve-image-format"),
        ));
    };
    // Where the input reads its seals: a folder input's own folder, or the
    // folder of the file.
    let folder = if input.path.is_dir() {
        input.path.clone()
    } else {
        served.folder.clone()
    };
    let stem = image_stem(&request.name);
    for n in 1..=99 {
        let name = match n {
            1 => format!("{stem}.{}", format.extension()),
            _ => format!("{stem}-{n}.{}", format.extension()),
        };
        match write_bytes(&folder, &name, &bytes, true, lang) {
            Ok(()) => return Ok(name),
            Err((StatusCode::CONFLICT, _)) => continue,
            Err(refusal) => return Err(refusal),
        }
    }
    Err((StatusCode::CONFLICT, tr!(lang, "serve-exists", name = stem)))
}

/// A file name's stem fit to write: its last part, without its extension,
/// characters that no system allows in a name, and leading dots; "seal"
/// when nothing is left.
fn image_stem(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let stem = Path::new(last)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let kept: String = stem
        .chars()
        .filter(|c| !c.is_control() && !matches!(c, ':' | '*' | '?' | '"' | '<' | '>' | '|'))
        .take(60)
        .collect();
    let kept = kept.trim().trim_start_matches('.').trim().to_string();
    if kept.is_empty() {
        "seal".to_string()
    } else {
        kept
    }
}

/// Last year's file, as the page read it.
#[derive(Deserialize)]
pub(super) struct ImportRequest {
    /// Its name on the user's computer: only its extension is used.
    name: String,
    /// Its bytes, in base64.
    data: String,
}

/// Imports last year's file and says what was found; nothing is written.
pub(super) async fn import(
    State(served): State<Arc<Served>>,
    axum::Json(request): axum::Json<ImportRequest>,
) -> Response {
    match blocking(move || read_import(&served, request)).await {
        Ok(Ok(value)) => axum::Json(value).into_response(),
        Ok(Err(refusal)) => refusal_response(refusal),
        Err(response) => response,
    }
}

fn read_import(served: &Served, request: ImportRequest) -> Result<Value, Refusal> {
    let lang = served.start_lang;
    let invalid = |message: String| (StatusCode::UNPROCESSABLE_ENTITY, message);
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(request.data.as_bytes())
        .map_err(|_| invalid(tr!(lang, "serve-import-not-base64")))?;
    // Only the name's last part, for its extension and in messages.
    let name = Path::new(&request.name)
        .file_name()
        .map_or_else(|| PathBuf::from("upload"), PathBuf::from);
    let read = crate::import::found::read_file(&name, bytes, None, Some(lang))
        .map_err(|e| invalid(e.to_string()))?;
    let report = loads(&read.imported.yaml, lang)?;
    let found = crate::import::found::found(&read.imported, &read.notes, lang);
    let next = crate::carry::next_input(&report);
    let next_name = file_name(&title(&loads(&next, lang)?, Kind::Combined));
    Ok(json!({
        "found": found,
        "yaml": read.imported.yaml,
        "name": file_name(&title(&report, Kind::Combined)),
        "next_name": next_name,
        "warnings": read.imported.warnings.len(),
    }))
}

/// An imported input to write: as `/api/import` gave it.
#[derive(Deserialize)]
pub(super) struct ImportWrite {
    yaml: String,
    /// Also write the next period's input from its plans, and open that.
    #[serde(default)]
    next: bool,
}

/// Writes the imported input (and, asked, the next period's), named after
/// their titles; the name of the one to open.
pub(super) async fn import_write(
    State(served): State<Arc<Served>>,
    axum::Json(request): axum::Json<ImportWrite>,
) -> Response {
    match blocking(move || write_import(&served, &request)).await {
        Ok(Ok(name)) => axum::Json(json!({ "name": name })).into_response(),
        Ok(Err(refusal)) => refusal_response(refusal),
        Err(response) => response,
    }
}

fn write_import(served: &Served, request: &ImportWrite) -> Result<String, Refusal> {
    let lang = served.start_lang;
    if request.yaml.len() as u64 > MAX_INPUT_BYTES {
        return Err((
            StatusCode::PAYLOAD_TOO_LARGE,
            tr!(
                lang,
                "serve-too-large",
                size = format!("{:.1}", request.yaml.len() as f64 / 1e6),
                limit = MAX_INPUT_BYTES / 1_000_000
            ),
        ));
    }
    let report = loads(&request.yaml, lang)?;
    let name = file_name(&title(&report, Kind::Combined));
    // Imported twice, the same file is there already: that is fine.
    write_new(served, &name, &request.yaml, true)?;
    if !request.next {
        return Ok(name);
    }
    let next = crate::carry::next_input(&report);
    let next_name = file_name(&title(&loads(&next, lang)?, Kind::Combined));
    write_new(served, &next_name, &next, false)?;
    Ok(next_name)
}
