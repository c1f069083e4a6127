//! `nianbao serve`: the HTTP side of the form. The server works in one folder:
//! its start page (`start`) lists the inputs there, makes new ones and imports
//! last year's file into it, and the editor edits one of them at a time, a file
//! or a folder input directly inside, named by the page with every request
//! (`input`; none: the input given on the command line). No name from the page
//! leads out of the folder. The page (built into the binary) holds the drafts
//! of its files, and every request carries them, so the server keeps no draft
//! of its own: it checks, edits in place (`edit`), typesets the preview and
//! saves. Requests must come from this computer's own page: the Host and
//! Origin headers name 127.0.0.1 or localhost on the served port, and writes
//! are JSON (which a cross-site form cannot send without a preflight that this
//! server never answers).

use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use axum::Router;
use axum::extract::{DefaultBodyLimit, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use serde::Deserialize;
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use crate::diag::{self, SourceFile};
use crate::edit::{self, Edit};
use crate::engine::{Engine, Judged, Pdf};
use crate::load::{self, MAX_INPUT_BYTES};
use crate::locale::{tr, user_lang};
use crate::model::Lang;
use crate::view::Kind;

/// The user guide at `/guide/`, built in.
mod guide;
/// The numbers the document prints, by the path of what they number.
mod numbered;
/// The page: HTML, CSS and JavaScript in one file, no external resources.
mod page;
/// The start page's requests: the folder's inputs, a new one, an import.
mod start;

/// What the server holds: its folder, the engine (its fonts and templates
/// loaded once), and what it knows of the inputs opened on disk.
pub struct Served {
    /// The folder worked in (canonical): every input is a file or a folder
    /// input directly inside it, and nothing is written elsewhere.
    pub folder: PathBuf,
    /// The input given on the command line, which the page opens at `/`;
    /// None: the page starts at the start page.
    pub opened: Option<PathBuf>,
    pub engine: Engine,
    /// The port the page is served on, for the Host and Origin checks.
    pub port: u16,
    /// The language of the start page: the user's.
    pub start_lang: Lang,
    /// The inputs opened so far.
    inputs: Mutex<Vec<Arc<Opened>>>,
    /// Typesetting runs one at a time: requests wait their turn, so memory
    /// stays that of one document however many previews are asked for.
    typesetting: tokio::sync::Semaphore,
    /// The number of the newest preview asked for: a preview still waiting
    /// when a newer one comes is dropped (its page is out of date).
    newest_preview: std::sync::atomic::AtomicU64,
    /// The server speaks the document's language (its last check's): true
    /// for English.
    english: std::sync::atomic::AtomicBool,
}

/// An input of the folder, opened in the editor.
pub struct Opened {
    /// A file, or a folder input (canonical).
    pub path: PathBuf,
    /// Its files (the file itself, or the folder's YAML files in name order).
    pub files: Vec<PathBuf>,
    disk: Mutex<Disk>,
}

/// The files as the server last read or wrote them.
struct Disk {
    /// sha256 of each file's bytes.
    hashes: Vec<String>,
    /// Counts changes made by other programs.
    version: u64,
}

/// A request refused: its status and why, in words.
type Refusal = (StatusCode, String);

fn refusal_response((status, message): Refusal) -> Response {
    (status, axum::Json(json!({ "error": message }))).into_response()
}

impl Opened {
    fn new(path: PathBuf) -> Result<Opened, crate::Error> {
        let files = if path.is_dir() {
            load::folder_files(&path)?
        } else {
            vec![path.clone()]
        };
        let hashes = files
            .iter()
            .map(|f| {
                read_own(f)
                    .map(|bytes| hash(&bytes))
                    .map_err(|e| crate::Error::io(f, "read", e))
            })
            .collect::<Result<_, _>>()?;
        Ok(Opened {
            path,
            files,
            disk: Mutex::new(Disk { hashes, version: 0 }),
        })
    }

    fn disk(&self) -> std::sync::MutexGuard<'_, Disk> {
        self.disk.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// When a file's bytes differ from what the server last read or wrote,
    /// another program changed it.
    fn refresh(&self) {
        let mut disk = self.disk();
        for (i, file) in self.files.iter().enumerate() {
            let Ok(bytes) = read_own(file) else {
                continue;
            };
            let now = hash(&bytes);
            if disk.hashes[i] != now {
                disk.hashes[i] = now;
                disk.version += 1;
            }
        }
    }
}

impl Served {
    /// A server of `path`: a file or a folder input is opened at `/`, and its
    /// folder is the one worked in; any other folder is worked in itself, the
    /// page starting at its start page.
    pub fn new(path: PathBuf, engine: Engine, port: u16) -> Result<Served, crate::Error> {
        let path = path
            .canonicalize()
            .map_err(|e| crate::Error::io(&path, "open", e))?;
        let (folder, opened) = if path.is_dir() && !is_folder_input(&path) {
            (path, None)
        } else {
            let folder = path
                .parent()
                .map_or_else(|| path.clone(), Path::to_path_buf);
            (folder, Some(path))
        };
        let inputs = match &opened {
            Some(path) => vec![Arc::new(Opened::new(path.clone())?)],
            None => Vec::new(),
        };
        let english = opened
            .as_ref()
            .is_some_and(|p| engine.language_of(p) == Lang::En);
        Ok(Served {
            folder,
            opened,
            port,
            start_lang: user_lang(),
            inputs: Mutex::new(inputs),
            typesetting: tokio::sync::Semaphore::new(1),
            newest_preview: std::sync::atomic::AtomicU64::new(0),
            english: std::sync::atomic::AtomicBool::new(english),
            engine,
        })
    }

    /// The start page in this language (the user's by default).
    #[must_use]
    pub fn speaking(mut self, lang: Lang) -> Served {
        self.start_lang = lang;
        self
    }

    /// The language of the server's answers: the document's.
    fn lang(&self) -> Lang {
        if self.english.load(std::sync::atomic::Ordering::Relaxed) {
            Lang::En
        } else {
            Lang::Zh
        }
    }

    /// The language of answers about which input is asked for: the open
    /// document's, once there is one (its page speaks it), else the user's.
    fn asking_lang(&self) -> Lang {
        let open = !self
            .inputs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .is_empty();
        if open { self.lang() } else { self.start_lang }
    }

    /// Called by the file watcher: each opened input's files are compared
    /// with what the server last read or wrote.
    pub fn file_changed(&self) {
        let inputs = self
            .inputs
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        for input in inputs {
            input.refresh();
        }
    }

    /// The input a request names (by its name in the folder), or the one
    /// given on the command line; opened on first use.
    fn input(&self, name: Option<&str>) -> Result<Arc<Opened>, Refusal> {
        let path = match name.filter(|n| !n.is_empty()) {
            Some(name) => self.inside(name)?,
            None => self.opened.clone().ok_or_else(|| {
                (
                    StatusCode::UNPROCESSABLE_ENTITY,
                    tr!(self.asking_lang(), "serve-no-input"),
                )
            })?,
        };
        let mut inputs = self.inputs.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(input) = inputs.iter().find(|i| i.path == path) {
            return Ok(input.clone());
        }
        let input = Arc::new(
            Opened::new(path).map_err(|e| (StatusCode::UNPROCESSABLE_ENTITY, e.to_string()))?,
        );
        inputs.push(input.clone());
        Ok(input)
    }

    /// The path of `name` in the folder: one name (no separator, no `..`),
    /// a YAML file or a folder that is itself there, not a link; canonical.
    fn inside(&self, name: &str) -> Result<PathBuf, Refusal> {
        let lang = self.asking_lang();
        let outside = || {
            (
                StatusCode::FORBIDDEN,
                tr!(lang, "serve-outside", name = name),
            )
        };
        let mut parts = Path::new(name).components();
        let (Some(Component::Normal(part)), None) = (parts.next(), parts.next()) else {
            return Err(outside());
        };
        if part != name || name.contains(['/', '\\', ':', '\0']) {
            return Err(outside());
        }
        let path = self.folder.join(part);
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            return Err((
                StatusCode::NOT_FOUND,
                tr!(lang, "serve-no-such-input", name = name),
            ));
        };
        let kind = meta.file_type();
        if !(kind.is_dir() || kind.is_file() && is_yaml(&path)) {
            return Err(outside());
        }
        match path.canonicalize() {
            Ok(real)
                if real.parent() == Some(self.folder.as_path())
                    && real.file_name() == Some(part) =>
            {
                Ok(real)
            }
            _ => Err(outside()),
        }
    }

    /// The drafts' diagnostics, each with the file (its index) and the path
    /// of the field it belongs to, and the draft of file `current` as a tree
    /// for the form (null when it is not YAML).
    fn check(&self, input: &Opened, drafts: &[String], current: usize) -> Value {
        let judged = match self.judge(input, drafts) {
            Ok(judged) => judged,
            Err(e) => return json!({"error": e}),
        };
        // Each draft read once: for the diagnostics' paths and for the tree.
        let parsed: Vec<Result<Vec<edit::Node>, String>> =
            drafts.iter().map(|d| edit::nodes(d)).collect();
        let nodes: Vec<&[edit::Node]> = parsed
            .iter()
            .map(|n| n.as_deref().unwrap_or_default())
            .collect();
        // The labels the boxes show references by (｛岗位创新工作室｝).
        let labels = judged
            .loaded()
            .map_or_else(edit::shown::Labels::default, |loaded| {
                let counts: Vec<(&str, Option<&str>)> = (loaded.report.counts.iter())
                    .map(|(name, count)| {
                        let label = count.label.as_ref().map(|l| l.value.as_str());
                        (name.value.as_str(), label)
                    })
                    .collect();
                edit::shown::labels(&counts)
            });
        let files = judged.files();
        let diagnostics: Vec<Value> = judged
            .diagnostics
            .iter()
            .map(|d| {
                let mut item = diag::to_json(d, &files);
                let place = d.span().and_then(|span| {
                    let file = files.iter().find(|f| f.contains(span.start))?;
                    let index = input.files.iter().position(|p| *p == file.path)?;
                    let path = edit::path_at(nodes[index], file.local(span.start));
                    Some((index, path))
                });
                let in_file = d
                    .file
                    .as_ref()
                    .and_then(|f| input.files.iter().position(|p| p == f));
                item["file_index"] = json!(place.as_ref().map(|p| p.0).or(in_file));
                item["path"] = json!(place.and_then(|p| p.1));
                // The hint as the boxes show references (把 `｛…：cn｝` 改为 …).
                if let Some(hint) = d.hints.first() {
                    let (shown, tokens) = edit::shown::shown(hint, &labels);
                    if !tokens.is_empty() {
                        item["shown_hint"] = json!(shown);
                    }
                }
                item
            })
            .collect();
        let (numbers, parts, title) = match &judged.input {
            crate::engine::Input::Clean(checked) => {
                numbered::numbers(&checked.loaded, &checked.facts, &files, input, &nodes)
            }
            crate::engine::Input::WithErrors(loaded) => {
                let facts = crate::facts::Facts::derive(&loaded.report, None);
                numbered::numbers(loaded, &facts, &files, input, &nodes)
            }
            crate::engine::Input::Unreadable => (json!([]), json!([]), Value::Null),
        };
        let lang = judged
            .loaded()
            .map_or(Lang::Zh, |l| l.report.meta.language());
        let mut uses = std::collections::HashMap::new();
        for nodes in &nodes {
            edit::references(nodes, &mut uses);
        }
        let counts = judged.loaded().map_or_else(Vec::new, |loaded| {
            counts_of(loaded, input, &files, &uses, lang, &labels)
        });
        self.english
            .store(lang == Lang::En, std::sync::atomic::Ordering::Relaxed);
        let lang = lang.code();
        let tree = parsed.get(current).and_then(|n| n.as_deref().ok());
        let mut shown_tree = tree.map_or(Value::Null, edit::tree);
        with_shown(&mut shown_tree, &labels);
        // The shown file's figures that could be counts, each with its text's path.
        let figures: Vec<Value> = tree
            .map(edit::figures)
            .unwrap_or_default()
            .iter()
            .map(|(node, found)| {
                let mut item = figure_json(node.value.as_deref().unwrap_or_default(), found);
                item["path"] = json!(node.path);
                item
            })
            .collect();
        edit::object([
            ("diagnostics", Value::Array(diagnostics)),
            ("tree", shown_tree),
            ("labels", json!(labels)),
            ("numbers", numbers),
            ("parts", parts),
            ("title", title),
            ("lang", json!(lang)),
            ("counts", Value::Array(counts)),
            ("figures", Value::Array(figures)),
        ])
    }

    /// Loads and checks the drafts as if they were the files (last
    /// period's input is looked for beside the input, as `check` does).
    fn judge(&self, input: &Opened, drafts: &[String]) -> Result<Judged, String> {
        if drafts.len() != input.files.len() {
            return Err(tr!(
                self.lang(),
                "serve-drafts",
                drafts = drafts.len(),
                files = input.files.len()
            ));
        }
        let outcome = if input.path.is_dir() {
            let texts = input
                .files
                .iter()
                .cloned()
                .zip(drafts.iter().cloned())
                .collect();
            load::parse_folder(&input.path, texts, None)
        } else {
            load::parse(SourceFile::new(input.path.clone(), drafts[0].clone()), None)
        };
        self.engine
            .judge(&input.path, outcome, false)
            .map_err(|e| e.to_string())
    }

    /// The drafts' pages as SVG with their text, or why there are none.
    fn preview(&self, input: &Opened, drafts: &[String]) -> Value {
        let judged = match self.judge(input, drafts) {
            Ok(judged) => judged,
            Err(e) => return json!({"error": e}),
        };
        let Some(checked) = judged.into_clean() else {
            return json!({"error": "errors"});
        };
        match self.engine.preview(&checked, Kind::default()) {
            Ok(pages) => json!({
                "pages": pages.iter().map(|p| json!({"svg": p.svg, "text": p.text, "lines": p.lines})).collect::<Vec<_>>(),
            }),
            Err(failed) => json!({
                "error": failed.diagnostics.iter().map(|d| d.message.clone()).collect::<Vec<_>>().join("; "),
            }),
        }
    }

    /// The drafts' document as a file to download, with its title.
    fn download(
        &self,
        input: &Opened,
        drafts: &[String],
        format: &str,
    ) -> Result<(Vec<u8>, &'static str, String), String> {
        let judged = self.judge(input, drafts)?;
        let Some(checked) = judged.into_clean() else {
            return Err(tr!(self.lang(), "serve-has-errors"));
        };
        let title = crate::view::sent_title(&checked.loaded.report, Kind::default());
        let docx = (format == "docx").then_some(crate::docx::FontChoice::default());
        let pdf = (format == "pdf").then_some(Pdf::Ordinary);
        let document = self
            .engine
            .make(&checked, Kind::default(), pdf, docx)
            .map_err(|failed| {
                failed
                    .diagnostics
                    .iter()
                    .map(|d| d.message.clone())
                    .collect::<Vec<_>>()
                    .join("; ")
            })?;
        match format {
            "md" => Ok((
                document.markdown.into_bytes(),
                "text/markdown; charset=utf-8",
                title,
            )),
            "pdf" => Ok((document.pdf.unwrap_or_default(), "application/pdf", title)),
            "docx" => Ok((
                document.docx.unwrap_or_default(),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                title,
            )),
            other => Err(tr!(self.lang(), "serve-unknown-format", format = other)),
        }
    }

    /// Writes a file's draft over it, atomically, unless another program
    /// changed the file since `base` (the hash the page started from): the
    /// bytes replaced are compared with `base` as they are replaced, so a
    /// save in the meantime is never overwritten unseen. A draft larger than
    /// nianbao reads is refused.
    fn save(
        &self,
        input: &Opened,
        index: usize,
        yaml: &str,
        base: &str,
    ) -> Result<String, Refusal> {
        let Some(path) = input.files.get(index) else {
            return Err((
                StatusCode::UNPROCESSABLE_ENTITY,
                tr!(self.lang(), "serve-no-file", index = index),
            ));
        };
        if yaml.len() as u64 > MAX_INPUT_BYTES {
            return Err((
                StatusCode::PAYLOAD_TOO_LARGE,
                tr!(
                    self.lang(),
                    "serve-too-large",
                    size = format!("{:.1}", yaml.len() as f64 / 1e6),
                    limit = MAX_INPUT_BYTES / 1_000_000
                ),
            ));
        }
        let mut disk = input.disk();
        let replaced =
            crate::output::replace_if(path, yaml.as_bytes(), |bytes| hash(bytes) == base)
                .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()))?;
        if replaced == crate::output::Replaced::Changed {
            return Err((StatusCode::CONFLICT, tr!(self.lang(), "serve-changed")));
        }
        disk.hashes[index] = hash(yaml.as_bytes());
        Ok(disk.hashes[index].clone())
    }
}

fn is_yaml(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "yaml" || e == "yml")
}

/// Whether a folder is a folder input (several YAML files, one of them with
/// the document's `meta:`) rather than a folder of documents to work in.
fn is_folder_input(dir: &Path) -> bool {
    let Ok(files) = load::folder_files(dir) else {
        return false;
    };
    let with_meta = files
        .iter()
        .filter(|f| {
            crate::source::read_bounded(f, MAX_INPUT_BYTES)
                .ok()
                .flatten()
                .is_some_and(|bytes| {
                    String::from_utf8_lossy(&bytes)
                        .lines()
                        .any(|l| l.starts_with("meta:"))
                })
        })
        .count();
    files.len() > 1 && with_meta == 1
}

/// A served file's bytes, only while it is a regular file: a link put in
/// its place (to a file elsewhere) is not followed.
fn read_own(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    let meta = std::fs::symlink_metadata(path)?;
    if !meta.file_type().is_file() {
        return Err(std::io::Error::other(tr!(user_lang(), "serve-not-regular")));
    }
    std::fs::read(path)
}

fn hash(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// How long a client may take to send a request's headers.
pub const HEADER_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// Serves the routes on `listener` until `stop` completes: each connection by
/// hyper, with a deadline for its headers (a client that opens connections
/// and never finishes a request cannot hold them).
pub async fn serve_until(
    listener: tokio::net::TcpListener,
    routes: Router,
    header_timeout: std::time::Duration,
    stop: impl std::future::Future<Output = ()>,
) -> std::io::Result<()> {
    let mut stop = std::pin::pin!(stop);
    loop {
        let (stream, _) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                // Out of file descriptors and the like: wait and go on.
                Err(_) => {
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut stop => return Ok(()),
        };
        let service = hyper_util::service::TowerToHyperService::new(routes.clone());
        tokio::spawn(async move {
            let _ = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(header_timeout)
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                .await;
        });
    }
}

/// Each text of a tree that refers to a count with a label given its shown
/// form (`shown`: ｛岗位创新工作室｝ for `{innovation_studios}`), for its box.
fn with_shown(node: &mut Value, labels: &edit::shown::Labels) {
    if node["kind"] == "scalar" {
        if let Some(value) = node["value"].as_str() {
            let (shown, tokens) = edit::shown::shown(value, labels);
            if !tokens.is_empty() {
                node["shown"] = json!(shown);
            }
        }
    } else if let Some(children) = node.get_mut("children").and_then(Value::as_array_mut) {
        for child in children {
            with_shown(&mut child["node"], labels);
        }
    }
}

/// A figure as JSON as the person wrote it: 411, not 411.0.
fn number(value: f64) -> Value {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        json!(value as i64)
    } else {
        json!(value)
    }
}

/// The counts of a loaded input, in the order they are defined, as the
/// page lists them: by label and value ("生日慰问 411人"), with the name the
/// text references, the file and path of the entry and how many references
/// the texts hold.
fn counts_of(
    loaded: &load::Loaded,
    input: &Opened,
    files: &[&SourceFile],
    uses: &std::collections::HashMap<String, usize>,
    lang: Lang,
    labels: &edit::shown::Labels,
) -> Vec<Value> {
    let report = &loaded.report;
    let facts = crate::facts::Facts::derive(report, None);
    report
        .counts
        .iter()
        .map(|(name, count)| {
            let figure = facts.figure(&name.value, count);
            let text = crate::refs::format_count(&figure, "", lang == Lang::En);
            let label = count
                .label
                .as_ref()
                .map(|l| crate::refs::literal(l.value.trim()));
            let shown = label.clone().unwrap_or_else(|| name.value.clone());
            let span = loaded.span_of(name);
            let file = files
                .iter()
                .find(|f| f.contains(span.start))
                .and_then(|f| input.files.iter().position(|p| *p == f.path));
            json!({
                "name": name.value,
                "label": label,
                "value": figure.value.map(number),
                "unit": count.unit,
                "text": text,
                "display": tr!(lang, "count-display", label = shown, figure = text.as_str()),
                "reference": format!("{{{}}}", name.value),
                // As a box shows it, and as the picker puts it in a box.
                "shown": edit::shown::shown(&format!("{{{}}}", name.value), labels).0,
                "file_index": file,
                "path": ["counts", name.value],
                // References in the text: a count in use is deleted only when asked.
                "uses": uses.get(&name.value).copied().unwrap_or(0),
            })
        })
        .collect()
}

/// The routes, with the request checks and the size limits.
pub fn router(served: Arc<Served>) -> Router {
    Router::new()
        .route("/", get(page))
        .route("/guide", get(guide::root))
        .route("/guide/", get(guide::index))
        .route("/guide/{*path}", get(guide::file))
        .route("/api/start", get(start::list))
        .route("/api/new", post(start::new_input))
        .route(
            "/api/import",
            post(start::import).layer(DefaultBodyLimit::max(start::UPLOAD_LIMIT)),
        )
        .route("/api/import/write", post(start::import_write))
        .route(
            "/api/image",
            post(start::image).layer(DefaultBodyLimit::max(start::IMAGE_LIMIT)),
        )
        .route("/api/file", get(file))
        .route("/api/version", get(version))
        .route("/api/check", post(check))
        .route("/api/edit", post(edit_draft))
        .route("/api/figures", post(figures))
        .route("/api/preview", post(preview))
        .route("/api/save", post(save))
        .route("/api/download", post(download))
        .layer(DefaultBodyLimit::max(MAX_INPUT_BYTES as usize + 65_536))
        .layer(middleware::from_fn_with_state(served.clone(), guard))
        .with_state(served)
}

/// Refuses requests that do not come from the page on this computer.
async fn guard(State(served): State<Arc<Served>>, request: Request, next: Next) -> Response {
    let headers = request.headers();
    let port = served.port;
    let hosts = [format!("127.0.0.1:{port}"), format!("localhost:{port}")];
    let host_ok = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .is_some_and(|h| hosts.iter().any(|ok| ok == h));
    if !host_ok {
        return refuse(tr!(served.lang(), "serve-bad-host"));
    }
    let origin_ok = headers.get(header::ORIGIN).is_none_or(|origin| {
        origin
            .to_str()
            .is_ok_and(|o| hosts.iter().any(|ok| o == format!("http://{ok}")))
    });
    if !origin_ok {
        return refuse(tr!(served.lang(), "serve-other-site"));
    }
    if request.method() == Method::POST && !is_json(headers) {
        return refuse(tr!(served.lang(), "serve-not-json"));
    }
    let mut response = next.run(request).await;
    // No page of another site may show this one in a frame (clickjacking).
    response
        .headers_mut()
        .insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"))
}

fn refuse(why: String) -> Response {
    (StatusCode::FORBIDDEN, why).into_response()
}

/// The page's policy: nothing from elsewhere; the PDF to print is shown in a
/// frame of the page's own making (`blob:`).
pub const POLICY: &str = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src blob:; frame-src blob:; connect-src 'self'; frame-ancestors 'none'";

async fn page() -> Response {
    let mut response = Html(page::PAGE.as_str()).into_response();
    response.headers_mut().insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(POLICY),
    );
    response
}

/// Which input a GET request is about: its name in the folder; none, the
/// input given on the command line.
#[derive(Deserialize)]
struct Which {
    #[serde(default)]
    input: Option<String>,
}

async fn file(State(served): State<Arc<Served>>, Query(which): Query<Which>) -> Response {
    let input = match served.input(which.input.as_deref()) {
        Ok(input) => input,
        Err(refusal) => return refusal_response(refusal),
    };
    let mut files = Vec::new();
    for path in &input.files {
        let bytes = match read_own(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                return refusal_response((
                    StatusCode::UNPROCESSABLE_ENTITY,
                    format!("`{}`: {e}", path.display()),
                ));
            }
        };
        let base = hash(&bytes);
        let Ok(yaml) = String::from_utf8(bytes) else {
            return (
                StatusCode::UNPROCESSABLE_ENTITY,
                tr!(served.lang(), "serve-not-utf8"),
            )
                .into_response();
        };
        files.push(json!({
            "name": path.file_name().map(|n| n.to_string_lossy()),
            "yaml": yaml,
            "base": base,
        }));
    }
    axum::Json(json!({
        "name": input.path.file_name().map(|n| n.to_string_lossy()),
        "files": files,
        "version": input.disk().version,
    }))
    .into_response()
}

/// The version of an input's files: changes by other programs counted (seen
/// by the watcher, or here, in a folder input the watcher does not watch).
async fn version(State(served): State<Arc<Served>>, Query(which): Query<Which>) -> Response {
    let input = match served.input(which.input.as_deref()) {
        Ok(input) => input,
        Err(refusal) => return refusal_response(refusal),
    };
    let version = blocking(move || {
        input.refresh();
        input.disk().version
    })
    .await;
    match version {
        Ok(version) => axum::Json(json!({ "version": version })).into_response(),
        Err(response) => response,
    }
}

/// The drafts of the input's files, in the order of `/api/file`.
#[derive(Deserialize)]
struct Drafts {
    drafts: Vec<String>,
    /// The file shown in the form.
    #[serde(default)]
    file: usize,
    #[serde(default)]
    input: Option<String>,
}

#[derive(Deserialize)]
struct EditRequest {
    yaml: String,
    edit: Edit,
    /// The drafts of the input's other files (a folder input): a count's
    /// name is unique across them, and a count renamed is renamed in them.
    #[serde(default)]
    others: Vec<String>,
}

/// A text to find figures in.
#[derive(Deserialize)]
struct FiguresRequest {
    text: String,
}

#[derive(Deserialize)]
struct SaveRequest {
    #[serde(default)]
    file: usize,
    yaml: String,
    base: String,
    #[serde(default)]
    input: Option<String>,
}

#[derive(Deserialize)]
struct DownloadRequest {
    drafts: Vec<String>,
    format: String,
    #[serde(default)]
    input: Option<String>,
}

/// Runs typesetting and checking off the request threads.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Response> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response())
}

async fn check(
    State(served): State<Arc<Served>>,
    axum::Json(drafts): axum::Json<Drafts>,
) -> Response {
    let input = match served.input(drafts.input.as_deref()) {
        Ok(input) => input,
        Err(refusal) => return refusal_response(refusal),
    };
    match blocking(move || served.check(&input, &drafts.drafts, drafts.file)).await {
        Ok(value) => axum::Json(value).into_response(),
        Err(response) => response,
    }
}

async fn edit_draft(axum::Json(request): axum::Json<EditRequest>) -> Response {
    match edit::apply_with(&request.yaml, &request.edit, &request.others) {
        Ok(applied) => {
            let mut answer = json!({"yaml": applied.yaml});
            if let Some(others) = applied.others {
                answer["others"] = json!(others);
            }
            if let Some(name) = applied.name {
                answer["name"] = json!(name);
            }
            axum::Json(answer).into_response()
        }
        Err(e) => (
            StatusCode::UNPROCESSABLE_ENTITY,
            axum::Json(json!({"error": e.0})),
        )
            .into_response(),
    }
}

/// The figures with units of a text that the page offers to make counts
/// of ("设为统计数字"), in characters.
async fn figures(axum::Json(request): axum::Json<FiguresRequest>) -> Response {
    let found: Vec<Value> = crate::figures::find(&request.text)
        .iter()
        .map(|f| figure_json(&request.text, f))
        .collect();
    axum::Json(json!({ "figures": found })).into_response()
}

/// A figure found in `text`, for the page: where it stands (in characters),
/// as written, its value, unit and the label read for it.
fn figure_json(text: &str, found: &crate::figures::Found) -> Value {
    let written: String = text
        .chars()
        .skip(found.start)
        .take(found.end - found.start)
        .collect();
    json!({
        "start": found.start,
        "end": found.end,
        "text": written,
        "value": found.read.value.parse::<f64>().ok().map(number),
        "unit": found.read.unit,
        "label": found.label,
    })
}

async fn preview(
    State(served): State<Arc<Served>>,
    axum::Json(drafts): axum::Json<Drafts>,
) -> Response {
    use std::sync::atomic::Ordering;
    let input = match served.input(drafts.input.as_deref()) {
        Ok(input) => input,
        Err(refusal) => return refusal_response(refusal),
    };
    let ticket = served.newest_preview.fetch_add(1, Ordering::SeqCst) + 1;
    let Ok(turn) = served.typesetting.acquire().await else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    if served.newest_preview.load(Ordering::SeqCst) != ticket {
        // A newer preview is waiting: this one would be thrown away.
        return axum::Json(json!({"superseded": true})).into_response();
    }
    let result = blocking({
        let served = served.clone();
        move || served.preview(&input, &drafts.drafts)
    })
    .await;
    drop(turn);
    match result {
        Ok(value) => axum::Json(value).into_response(),
        Err(response) => response,
    }
}

async fn save(
    State(served): State<Arc<Served>>,
    axum::Json(request): axum::Json<SaveRequest>,
) -> Response {
    let input = match served.input(request.input.as_deref()) {
        Ok(input) => input,
        Err(refusal) => return refusal_response(refusal),
    };
    match blocking(move || served.save(&input, request.file, &request.yaml, &request.base)).await {
        Ok(Ok(base)) => axum::Json(json!({"base": base})).into_response(),
        Ok(Err(refusal)) => refusal_response(refusal),
        Err(response) => response,
    }
}

async fn download(
    State(served): State<Arc<Served>>,
    axum::Json(request): axum::Json<DownloadRequest>,
) -> Response {
    let input = match served.input(request.input.as_deref()) {
        Ok(input) => input,
        Err(refusal) => return refusal_response(refusal),
    };
    let stem = input
        .path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let format = request.format.clone();
    let Ok(turn) = served.typesetting.acquire().await else {
        return StatusCode::SERVICE_UNAVAILABLE.into_response();
    };
    let made = blocking({
        let served = served.clone();
        move || served.download(&input, &request.drafts, &request.format)
    })
    .await;
    drop(turn);
    match made {
        Ok(Ok((bytes, content_type, title))) => (
            [
                (header::CONTENT_TYPE, content_type.to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    disposition(&title, &stem, &format),
                ),
            ],
            bytes,
        )
            .into_response(),
        Ok(Err(message)) => refusal_response((StatusCode::UNPROCESSABLE_ENTITY, message)),
        Err(response) => response,
    }
}

/// A download's Content-Disposition: named after the document's title, in
/// UTF-8 as RFC 5987 and 6266 write it (`filename*`), with an ASCII name for
/// clients that read only `filename` (the title when it is ASCII, else the
/// input's file name when it is, else `document`).
pub fn disposition(title: &str, stem: &str, ext: &str) -> String {
    use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
    /// RFC 5987's attr-char: what stays as it is.
    const KEEP: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'!')
        .remove(b'#')
        .remove(b'$')
        .remove(b'&')
        .remove(b'+')
        .remove(b'-')
        .remove(b'.')
        .remove(b'^')
        .remove(b'_')
        .remove(b'`')
        .remove(b'|')
        .remove(b'~');
    let title = crate::skeleton::file_name(title);
    let title = title.strip_suffix(".yaml").unwrap_or(&title);
    let ascii = |name: &str| -> String {
        name.chars()
            .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ' '))
            .collect::<String>()
            .trim()
            .to_string()
    };
    let fallback = [title, stem]
        .into_iter()
        .find(|name| name.is_ascii())
        .map(ascii)
        .unwrap_or_default();
    let fallback = if fallback.is_empty() {
        "document".to_string()
    } else {
        fallback
    };
    format!(
        "attachment; filename=\"{fallback}.{ext}\"; filename*=UTF-8''{}.{ext}",
        utf8_percent_encode(title, KEEP)
    )
}
