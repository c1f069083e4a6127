//! `nianbao serve`: every endpoint in-process (tower's oneshot, no socket),
//! with the request rules; the browser test is in `serve_browser`.

use std::path::Path;
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use nianbao::serve::{Served, router};
use serde_json::{Value, json};
use tower::ServiceExt;

use crate::common::{code, nianbao, repo, stderr};

const PORT: u16 = 8017;
const HOST: &str = "127.0.0.1:8017";

/// The engine of a server: built-in templates, the carried fonts only. What
/// the library says before it knows a document (a refused write, a link) is
/// in English here, whatever the machine's locale.
fn engine() -> nianbao::engine::Engine {
    nianbao::locale::speak(nianbao::model::Lang::En);
    nianbao::engine::Engine::new(nianbao::engine::Setup::default()).unwrap()
}

/// A server over a copy of the test input in a fresh folder.
fn served(dir: &tempfile::TempDir) -> (Arc<Served>, std::path::PathBuf) {
    served_copy(
        dir,
        &repo().join("tests/fixtures/serve/street.yaml"),
        "street.yaml",
    )
}

/// A server over a copy of an input (a file or a folder) named `name` in a
/// fresh folder.
pub fn served_copy(
    dir: &tempfile::TempDir,
    input: &Path,
    name: &str,
) -> (Arc<Served>, std::path::PathBuf) {
    let path = dir.path().join(name);
    if input.is_dir() {
        std::fs::create_dir(&path).unwrap();
        for entry in std::fs::read_dir(input).unwrap() {
            let entry = entry.unwrap().path();
            std::fs::copy(&entry, path.join(entry.file_name().unwrap())).unwrap();
        }
    } else {
        std::fs::copy(input, &path).unwrap();
    }
    let served = Served::new(path.clone(), engine(), PORT).unwrap();
    (Arc::new(served), path)
}

pub struct Reply {
    pub status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|_| panic!("not JSON: {}", String::from_utf8_lossy(&self.body)))
    }
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

async fn send(served: &Arc<Served>, request: Request<Body>) -> Reply {
    let response = router(served.clone()).oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let body = response
        .into_body()
        .collect()
        .await
        .unwrap()
        .to_bytes()
        .to_vec();
    Reply {
        status,
        headers,
        body,
    }
}

pub async fn get(served: &Arc<Served>, uri: &str) -> Reply {
    let request = Request::get(uri)
        .header("Host", HOST)
        .body(Body::empty())
        .unwrap();
    send(served, request).await
}

pub async fn post(served: &Arc<Served>, uri: &str, body: Value) -> Reply {
    let request = Request::post(uri)
        .header("Host", HOST)
        .header("Origin", format!("http://{HOST}"))
        .header("Content-Type", "application/json")
        .body(Body::from(body.to_string()))
        .unwrap();
    send(served, request).await
}

fn text(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

#[tokio::test]
async fn the_page_is_served_with_a_strict_policy() {
    let dir = tempfile::tempdir().unwrap();
    let (served, _) = served(&dir);
    let reply = get(&served, "/").await;
    assert_eq!(reply.status, StatusCode::OK);
    assert!(reply.text().starts_with("<!doctype html>"));
    assert_eq!(
        reply.headers["content-security-policy"],
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src blob:; frame-src blob:; connect-src 'self'; frame-ancestors 'none'"
    );
    // No other site may show it in a frame, nor any answer of the API.
    assert_eq!(reply.headers["x-frame-options"], "DENY");
    assert_eq!(
        get(&served, "/api/version").await.headers["x-frame-options"],
        "DENY"
    );
    // Nothing is loaded from elsewhere.
    assert!(!reply.text().contains("http://") && !reply.text().contains("https://"));
}

#[tokio::test]
async fn requests_from_elsewhere_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (served, path) = served(&dir);
    let before = text(&path);
    // DNS rebinding: a page of another name that resolves to 127.0.0.1.
    let rebound = Request::get("/api/file")
        .header("Host", "attacker.example:8017")
        .body(Body::empty())
        .unwrap();
    let reply = send(&served, rebound).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(
        reply.text(),
        "Host 头必须是 127.0.0.1 或 localhost 加这个端口"
    );
    // A cross-site write, as JSON and as a form.
    let cross = Request::post("/api/save")
        .header("Host", HOST)
        .header("Origin", "http://attacker.example")
        .header("Content-Type", "application/json")
        .body(Body::from(json!({"yaml": "x", "base": ""}).to_string()))
        .unwrap();
    let reply = send(&served, cross).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(reply.text(), "拒绝来自其他网站的请求");
    let form = Request::post("/api/save")
        .header("Host", HOST)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .body(Body::from("yaml=x&base="))
        .unwrap();
    let reply = send(&served, form).await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(reply.text(), "写入请求必须以 application/json 发送");
    // Another port of this computer is another site.
    let other_port = Request::get("/api/file")
        .header("Host", "127.0.0.1:9999")
        .body(Body::empty())
        .unwrap();
    assert_eq!(
        send(&served, other_port).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(text(&path), before);
}

#[tokio::test]
async fn bad_requests_get_clear_errors_and_the_server_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let (served, _) = served(&dir);
    let request = Request::post("/api/check")
        .header("Host", HOST)
        .header("Content-Type", "application/json")
        .body(Body::from("{\"yaml\": "))
        .unwrap();
    let reply = send(&served, request).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
    assert!(
        reply.text().contains("EOF while parsing"),
        "{}",
        reply.text()
    );
    // Larger than an input may be.
    let huge = "a".repeat(11_000_000);
    let reply = post(&served, "/api/check", json!({ "drafts": [huge] })).await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    // An edit of a path that is not there.
    let yaml = text(served.opened.as_ref().unwrap());
    let edit =
        json!({"yaml": yaml, "edit": {"op": "set", "path": ["meta", "nothing"], "value": "x"}});
    let reply = post(&served, "/api/edit", edit).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.json(), json!({"error": "meta.nothing 处没有值"}));
    // Not YAML at all: the check says so, nothing breaks.
    let reply = post(
        &served,
        "/api/check",
        json!({"drafts": ["meta:\n  organisation: \"unclosed\n"]}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    assert_eq!(reply.json()["tree"], Value::Null);
    assert_eq!(reply.json()["diagnostics"][0]["code"], "E0001");
    assert_eq!(
        reply.json()["diagnostics"][0]["message"],
        "YAML 语法错误：unclosed quote"
    );
    // And it still serves.
    assert_eq!(
        get(&served, "/api/version").await.json(),
        json!({"version": 0})
    );
}

#[tokio::test]
async fn a_check_places_each_diagnostic_at_its_field() {
    let dir = tempfile::tempdir().unwrap();
    let (served, path) = served(&dir);
    let yaml = text(&path).replace("value: 120", "value: -5");
    let reply = post(&served, "/api/check", json!({ "drafts": [yaml] })).await;
    assert_eq!(reply.status, StatusCode::OK);
    let result = reply.json();
    let placed: Vec<(String, Value, Value, Value)> = result["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["path"].clone(),
                d["line"].clone(),
                d["column"].clone(),
            )
        })
        .collect();
    assert_eq!(
        placed,
        vec![(
            "E0608".to_string(),
            json!(["counts", "visits", "value"]),
            json!(12),
            json!(12)
        )]
    );
    assert_eq!(
        result["diagnostics"][0]["message"],
        "数字“走访职工”以“人次”计数，值却是 -5"
    );
    assert_eq!(result["lang"], "zh");
    // The tree the form is drawn from: keys in the file's order.
    let keys: Vec<&str> = result["tree"]["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["key"].as_str().unwrap())
        .collect();
    assert_eq!(
        keys,
        ["meta", "opening", "counts", "summary", "problems", "plans"]
    );
}

#[tokio::test]
async fn edits_keep_comments_and_save_writes_them() {
    let dir = tempfile::tempdir().unwrap();
    let (served, path) = served(&dir);
    let original = text(&path);
    let file = get(&served, "/api/file").await.json();
    assert_eq!(file["files"][0]["yaml"], original);
    assert_eq!(file["name"], "street.yaml");
    assert_eq!(file["files"][0]["name"], "street.yaml");
    let file = &file["files"][0];
    let edit = |yaml: &str, edit: Value| json!({"yaml": yaml, "edit": edit});
    let reply = post(
        &served,
        "/api/edit",
        edit(
            &original,
            json!({"op": "set", "path": ["meta", "organisation"], "value": "和平街道总工会"}),
        ),
    )
    .await;
    let yaml = reply.json()["yaml"].as_str().unwrap().to_string();
    assert_eq!(
        yaml,
        original.replace(
            "organisation: 某街道工会  # 落款单位",
            "organisation: 和平街道总工会  # 落款单位"
        )
    );
    // A new count: the entry copied under a new name, renamed, referenced.
    let reply = post(
        &served,
        "/api/edit",
        edit(&yaml, json!({"op": "copy", "path": ["counts", "visits"]})),
    )
    .await;
    let yaml = reply.json()["yaml"].as_str().unwrap().to_string();
    let reply = post(
        &served,
        "/api/edit",
        edit(
            &yaml,
            json!({"op": "rename", "path": ["counts", "visits_2"], "key": "lectures"}),
        ),
    )
    .await;
    let yaml = reply.json()["yaml"].as_str().unwrap().to_string();
    let yaml = yaml.replace(
        "        - 开展法律咨询活动。",
        "        - 开展法律咨询活动{lectures}。",
    );
    assert_eq!(
        yaml,
        original
            .replace("某街道工会  # 落款单位", "和平街道总工会  # 落款单位")
            .replace(
                "    label: 走访职工\n",
                "    label: 走访职工\n  lectures:\n    value: 120\n    unit: 人次\n    label: 走访职工\n"
            )
            .replace("开展法律咨询活动。", "开展法律咨询活动{lectures}。")
    );
    // Saved over the file: the same bytes, comments and all.
    let reply = post(
        &served,
        "/api/save",
        json!({"file": 0, "yaml": yaml, "base": file["base"]}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    assert_eq!(text(&path), yaml);
    // Another program changes the file: a save from the old base is refused.
    std::fs::write(&path, "# changed elsewhere\n").unwrap();
    served.file_changed();
    assert_eq!(
        get(&served, "/api/version").await.json(),
        json!({"version": 1})
    );
    let reply = post(
        &served,
        "/api/save",
        json!({"file": 0, "yaml": yaml, "base": reply.json()["base"]}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert!(
        reply.json()["error"]
            .as_str()
            .unwrap()
            .starts_with("页面读取之后，文件已被其他程序修改")
    );
    assert_eq!(text(&path), "# changed elsewhere\n");
}

#[tokio::test]
async fn the_preview_and_downloads_are_made_from_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    let (served, path) = served(&dir);
    let yaml = text(&path).replace("某街道工会  #", "和平街道总工会  #");
    let reply = post(&served, "/api/preview", json!({ "drafts": [yaml] })).await;
    let pages = reply.json()["pages"].as_array().unwrap().clone();
    assert_eq!(pages.len(), 1);
    assert!(pages[0]["svg"].as_str().unwrap().starts_with("<svg"));
    let page_text = pages[0]["text"].as_str().unwrap();
    assert!(
        page_text.starts_with("和平街道总工会2023年工作总结及2024年工作计划"),
        "{page_text}"
    );
    assert!(page_text.contains("全年走访职工120人次"), "{page_text}");
    // With errors there is no new preview; the page keeps the last one.
    let broken = yaml.replace("value: 120", "value: -5");
    let reply = post(&served, "/api/preview", json!({ "drafts": [broken] })).await;
    assert_eq!(reply.json(), json!({"error": "errors"}));

    let reply = post(
        &served,
        "/api/download",
        json!({"drafts": [yaml], "format": "md"}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK);
    // Named after the document's title, as browsers keep it (RFC 5987), with
    // the input's name for clients that read only `filename`.
    assert_eq!(
        reply.headers["content-disposition"],
        "attachment; filename=\"street.md\"; filename*=UTF-8''%E5%92%8C%E5%B9%B3%E8%A1%97%E9%81%93%E6%80%BB%E5%B7%A5%E4%BC%9A2023%E5%B9%B4%E5%B7%A5%E4%BD%9C%E6%80%BB%E7%BB%93%E5%8F%8A2024%E5%B9%B4%E5%B7%A5%E4%BD%9C%E8%AE%A1%E5%88%92.md"
    );
    assert!(reply.text().starts_with("# 和平街道总工会<br>2023年工作总结及2024年工作计划\n\n2023年，街道工会围绕服务职工开展工作。\n"), "{}", reply.text());
    let reply = post(
        &served,
        "/api/download",
        json!({"drafts": [yaml], "format": "pdf"}),
    )
    .await;
    assert_eq!(reply.headers["content-type"], "application/pdf");
    assert!(reply.body.starts_with(b"%PDF-"));
    let reply = post(
        &served,
        "/api/download",
        json!({"drafts": [yaml], "format": "docx"}),
    )
    .await;
    assert!(reply.body.starts_with(b"PK"));
    let reply = post(
        &served,
        "/api/download",
        json!({"drafts": [yaml], "format": "exe"}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        reply.json(),
        json!({"error": "未知的格式 `exe`：可用 md、pdf 或 docx"})
    );
}

#[tokio::test]
async fn a_folder_input_is_edited_and_saved_file_by_file() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("street");
    std::fs::create_dir(&folder).unwrap();
    for name in ["report.yaml", "group-a.yaml"] {
        std::fs::copy(
            repo().join("tests/fixtures/serve/folder").join(name),
            folder.join(name),
        )
        .unwrap();
    }
    let served = Arc::new(Served::new(folder.clone(), engine(), PORT).unwrap());
    let file = get(&served, "/api/file").await.json();
    let names: Vec<&str> = file["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["group-a.yaml", "report.yaml"]);
    let group = file["files"][0]["yaml"].as_str().unwrap().to_string();
    let report = file["files"][1]["yaml"].as_str().unwrap().to_string();

    // The activities of one file add up to the report's count in the other.
    let reply = post(&served, "/api/preview", json!({"drafts": [group, report]})).await;
    let page = reply.json()["pages"][0]["text"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(page.contains("全年走访职工120人次"), "{page}");

    // A diagnostic in the activities file names that file and its field.
    let at = group.rfind("section: service").unwrap();
    let wrong = format!("{}section: nowhere{}", &group[..at], &group[at + 16..]);
    let reply = post(
        &served,
        "/api/check",
        json!({"drafts": [wrong, report], "file": 1}),
    )
    .await;
    let d = &reply.json()["diagnostics"][0];
    assert_eq!(
        (
            d["code"].clone(),
            d["file_index"].clone(),
            d["path"].clone(),
            d["line"].clone()
        ),
        (
            json!("W0902"),
            json!(0),
            json!(["activities", 1, "section"]),
            json!(11)
        )
    );
    assert_eq!(d["message"], "活动“秋季走访”所属的小节“nowhere”不存在");
    // The tree is of the file asked for.
    assert_eq!(reply.json()["tree"]["children"][0]["key"], "meta");

    // A changed figure, saved into the file it came from; the other file is untouched.
    let more = group.replace("visits: 50", "visits: 55");
    let reply = post(&served, "/api/preview", json!({"drafts": [more, report]})).await;
    let page = reply.json()["pages"][0]["text"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(page.contains("全年走访职工125人次"), "{page}");
    let reply = post(
        &served,
        "/api/save",
        json!({"file": 0, "yaml": more, "base": file["files"][0]["base"]}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    assert_eq!(text(&folder.join("group-a.yaml")), more);
    assert_eq!(text(&folder.join("report.yaml")), report);
    // The wrong number of drafts is refused with a reason.
    let reply = post(&served, "/api/check", json!({"drafts": [report]})).await;
    assert_eq!(
        reply.json(),
        json!({"error": "2 个文件却有 1 份草稿：请重新载入页面"})
    );
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    format!("{:x}", sha2::Sha256::digest(bytes))
}

/// Another program saves the file every ~6 ms while the page saves as fast as
/// it can, each time from what it last read: no outside save is ever
/// overwritten unseen. Each page save records the text it started from; an
/// outside save that is on disk neither itself nor under a chain of page
/// saves that started from it was lost.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_save_never_overwrites_another_programs_save_unseen() {
    use std::collections::HashMap;
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicBool, Ordering};
    let dir = tempfile::tempdir().unwrap();
    let (served, path) = served(&dir);
    let started_from: Arc<Mutex<HashMap<String, String>>> = Arc::default();
    let done = Arc::new(AtomicBool::new(false));
    let outside = {
        let (path, started_from, done) = (path.clone(), started_from.clone(), done.clone());
        std::thread::spawn(move || {
            let mut lost = Vec::new();
            for k in 0..300 {
                let mine = format!("outside: {k}\n");
                let temp = path.with_extension(format!("other-{k}"));
                std::fs::write(&temp, &mine).unwrap();
                std::fs::rename(&temp, &path).unwrap();
                std::thread::sleep(std::time::Duration::from_millis(6));
                let mut now = text(&path);
                let chain = started_from.lock().unwrap();
                while let Some(from) = chain.get(&now) {
                    now = from.clone();
                    if now == mine {
                        break;
                    }
                }
                if now != mine {
                    lost.push(k);
                }
            }
            done.store(true, Ordering::SeqCst);
            lost
        })
    };
    let (mut saved, mut refused) = (0, 0);
    let mut i = 0;
    while !done.load(Ordering::SeqCst) {
        i += 1;
        let seen = text(&path);
        let ours = format!("page: {i}\n");
        started_from
            .lock()
            .unwrap()
            .insert(ours.clone(), seen.clone());
        let reply = post(
            &served,
            "/api/save",
            json!({"file": 0, "yaml": ours, "base": sha256(seen.as_bytes())}),
        )
        .await;
        match reply.status {
            StatusCode::OK => saved += 1,
            StatusCode::CONFLICT => refused += 1,
            other => panic!("{other}: {}", reply.text()),
        }
    }
    let lost = outside.join().unwrap();
    assert!(
        saved > 50 && refused > 0,
        "{saved} saved, {refused} refused"
    );
    assert_eq!(
        lost,
        Vec::<usize>::new(),
        "{saved} saved, {refused} refused"
    );
}

#[cfg(unix)]
#[tokio::test]
async fn a_save_keeps_the_files_permissions_and_never_splits_a_hard_link() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let (served, path) = served(&dir);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
    let original = text(&path);
    let changed = original.replace("某街道工会", "和平街道总工会");
    let reply = post(
        &served,
        "/api/save",
        json!({"file": 0, "yaml": changed, "base": sha256(original.as_bytes())}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    assert_eq!(text(&path), changed);
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    // A second name for the file: a new file would leave it with the old text.
    let other = dir.path().join("link.yaml");
    std::fs::hard_link(&path, &other).unwrap();
    let reply = post(
        &served,
        "/api/save",
        json!({"file": 0, "yaml": original, "base": sha256(changed.as_bytes())}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        reply.json()["error"],
        format!(
            "`{}` has 2 names (hard links); writing a new file would leave the others with the old text\n  = help: copy it to a file of its own (cp --remove-destination) and use that one, or write elsewhere with -o",
            path.display()
        )
    );
    assert_eq!(text(&path), changed);
    assert_eq!(text(&other), changed);
}

#[tokio::test]
async fn a_draft_larger_than_an_input_is_not_saved() {
    let dir = tempfile::tempdir().unwrap();
    let (served, path) = served(&dir);
    let original = text(&path);
    let huge = format!("{original}# {}\n", "x".repeat(10_000_000));
    let reply = post(
        &served,
        "/api/save",
        json!({"file": 0, "yaml": huge, "base": sha256(original.as_bytes())}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(
        reply.json()["error"],
        "草稿有 10.0 MB；nianbao 能读的输入最大 10 MB：请把它分成一个文件夹中的几个文件"
    );
    assert_eq!(text(&path), original);
}

/// The repros through the endpoint: each whole file after the edit.
#[tokio::test]
async fn the_editor_never_loses_text() {
    let dir = tempfile::tempdir().unwrap();
    let (served, _) = served(&dir);
    let cases = [
        (
            "t: >\n  x\nn: 1",
            json!({"op": "set", "path": ["t"], "value": "z"}),
            "t: \"z\"\nn: 1",
        ),
        (
            "meta:\n  signature: # 落款\n  year: 2020\n",
            json!({"op": "set", "path": ["meta", "signature"], "value": "工会办"}),
            "meta:\n  signature: 工会办 # 落款\n  year: 2020\n",
        ),
        (
            "counts:\n  members: { value: 118, unit: 人 }\n",
            json!({"op": "set", "path": ["counts", "members", "unit"], "value": "人, 次"}),
            "counts:\n  members: { value: 118, unit: \"人, 次\" }\n",
        ),
        (
            "problems:\n  - 一个问题\nplans: []\n",
            json!({"op": "remove", "path": ["problems", 0]}),
            "problems: []\nplans: []\n",
        ),
        (
            "problems: []\n",
            json!({"op": "add", "path": ["problems"], "value": "新问题"}),
            "problems:\n  - 新问题\n",
        ),
        (
            "meta:\n  year: 2020\n",
            json!({"op": "rename", "path": ["meta", "year"], "key": "<<"}),
            "meta:\n  \"<<\": 2020\n",
        ),
    ];
    for (before, edit, after) in cases {
        let reply = post(&served, "/api/edit", json!({"yaml": before, "edit": edit})).await;
        assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
        assert_eq!(reply.json(), json!({"yaml": after}), "{edit}");
    }
}

/// Many previews at once: they are typeset one at a time, and those that a
/// newer one overtook while they waited are dropped, not typeset.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn previews_wait_their_turn_and_the_newest_wins() {
    let dir = tempfile::tempdir().unwrap();
    let (served, path) = served(&dir);
    let drafts = json!({"drafts": [text(&path)]});
    let replies = futures_join_all(
        (0..20)
            .map(|_| {
                let (served, drafts) = (served.clone(), drafts.clone());
                tokio::spawn(async move { post(&served, "/api/preview", drafts).await.json() })
            })
            .collect(),
    )
    .await;
    let typeset = replies.iter().filter(|r| r["pages"].is_array()).count();
    let dropped = replies.iter().filter(|r| r["superseded"] == true).count();
    assert_eq!(typeset + dropped, 20, "{replies:?}");
    assert!((1..=3).contains(&typeset), "{typeset} typeset");
}

async fn futures_join_all<T>(handles: Vec<tokio::task::JoinHandle<T>>) -> Vec<T> {
    let mut out = Vec::new();
    for handle in handles {
        out.push(handle.await.unwrap());
    }
    out
}

/// A client that never finishes its headers loses its connection.
#[tokio::test]
async fn a_connection_that_never_sends_its_headers_is_closed() {
    let dir = tempfile::tempdir().unwrap();
    let (served, _) = served(&dir);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    let timeout = std::time::Duration::from_millis(300);
    tokio::spawn(nianbao::serve::serve_until(
        listener,
        router(served),
        timeout,
        std::future::pending(),
    ));
    let closed = tokio::task::spawn_blocking(move || {
        use std::io::{Read, Write};
        let mut slow = std::net::TcpStream::connect(address).unwrap();
        slow.set_read_timeout(Some(std::time::Duration::from_secs(5)))
            .unwrap();
        slow.write_all(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            .unwrap();
        let started = std::time::Instant::now();
        let mut rest = Vec::new();
        // Ok: the server closed it; Err: still open after 5 s.
        let read = slow.read_to_end(&mut rest);
        (read.is_ok(), started.elapsed())
    })
    .await
    .unwrap();
    assert!(closed.0, "still open after 5 s");
    assert!(
        closed.1 >= timeout - std::time::Duration::from_millis(50),
        "{:?}",
        closed.1
    );
}

/// A folder input never reads through a link to a file elsewhere, and a
/// served file swapped for a link is not followed.
#[cfg(unix)]
#[tokio::test]
async fn links_out_of_the_served_folder_are_never_followed() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("report");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(
        repo().join("tests/fixtures/serve/street.yaml"),
        folder.join("a.yaml"),
    )
    .unwrap();
    let secret = dir.path().join("secret.yaml");
    std::fs::write(&secret, "secret: 1\n").unwrap();
    std::os::unix::fs::symlink(&secret, folder.join("b.yaml")).unwrap();
    nianbao::locale::speak(nianbao::model::Lang::En);
    let error = nianbao::load::folder_files(&folder).unwrap_err();
    assert_eq!(
        error.to_string(),
        format!(
            "`{}` is a link to a file outside the folder; nianbao reads only the folder's own files: copy the file into the folder instead",
            folder.join("b.yaml").display()
        )
    );
    // A served file replaced by a link.
    let (served, path) = served(&dir);
    std::fs::remove_file(&path).unwrap();
    std::os::unix::fs::symlink(&secret, &path).unwrap();
    let reply = get(&served, "/api/file").await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        reply.json(),
        json!({"error": format!("`{}`: this is no longer a regular file (a link or a folder stands in its place); nianbao serves only the file itself", path.display())})
    );
    assert!(!reply.text().contains("secret"));
}

/// A server of a folder to work in: the start page's, speaking Chinese.
fn started(dir: &tempfile::TempDir) -> Arc<Served> {
    Arc::new(
        Served::new(dir.path().to_path_buf(), engine(), PORT)
            .unwrap()
            .speaking(nianbao::model::Lang::Zh),
    )
}

/// The file name a Content-Disposition gives in UTF-8 (RFC 5987).
fn utf8_name(disposition: &str) -> String {
    let encoded = disposition.split("filename*=UTF-8''").nth(1).unwrap();
    let bytes: Vec<u8> = {
        let raw = encoded.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < raw.len() {
            if raw[i] == b'%' {
                out.push(
                    u8::from_str_radix(std::str::from_utf8(&raw[i + 1..i + 3]).unwrap(), 16)
                        .unwrap(),
                );
                i += 3;
            } else {
                out.push(raw[i]);
                i += 1;
            }
        }
        out
    };
    String::from_utf8(bytes).unwrap()
}

fn new_request(kind: &str) -> Value {
    json!({
        "organisation": "某某学院工会",
        "year": 2020,
        "half": null,
        "kind": kind,
        "areas": "思想政治引领\n\n服务教职工\n",
        "signature": "",
        "date": "2020-12-20",
    })
}

#[tokio::test]
async fn the_start_page_makes_a_new_input_and_never_overwrites_one() {
    let dir = tempfile::tempdir().unwrap();
    let served = started(&dir);
    assert!(served.opened.is_none());
    let start = get(&served, "/api/start").await.json();
    assert_eq!(start["lang"], "zh");
    assert_eq!(start["opened"], Value::Null);
    assert_eq!(start["inputs"], json!([]));

    let reply = post(&served, "/api/new", new_request("combined")).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let name = "某某学院工会2020年工作总结及2021年工作计划.yaml";
    assert_eq!(reply.json(), json!({ "name": name }));
    // The whole skeleton of `nianbao new`, as `new` writes it.
    let written = text(&dir.path().join(name));
    assert_eq!(
        written,
        nianbao::skeleton::NewDocument {
            organisation: "某某学院工会".into(),
            year: 2020,
            half: None,
            kind: nianbao::view::Kind::Combined,
            lang: nianbao::model::Lang::Zh,
            areas: vec!["思想政治引领".into(), "服务教职工".into()],
            signature: None,
            date: chrono::NaiveDate::from_ymd_opt(2020, 12, 20),
        }
        .yaml(chrono::NaiveDate::from_ymd_opt(2020, 12, 20).unwrap())
    );
    assert!(written.contains("    - title: 服务教职工\n"), "{written}");
    assert!(written.contains("  signature: 某某学院工会\n"), "{written}");
    assert!(written.contains("  date: \"2020-12-20\""), "{written}");

    // Asked again: refused, the file as it was.
    std::fs::write(dir.path().join(name), "# mine\n").unwrap();
    let reply = post(&served, "/api/new", new_request("combined")).await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert_eq!(
        reply.json()["error"],
        format!("文件夹中已有“{name}”，nianbao 没有覆盖它：请在“打开”中打开它，或先把它改名")
    );
    assert_eq!(text(&dir.path().join(name)), "# mine\n");

    // A name made of a title with separators stays in the folder.
    let mut sneaky = new_request("summary");
    sneaky["organisation"] = json!("../../etc/某单位/..");
    let reply = post(&served, "/api/new", sneaky).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let name = reply.json()["name"].as_str().unwrap().to_string();
    assert_eq!(name, "_.._etc_某单位_..2020年工作总结.yaml");
    assert!(dir.path().join(&name).is_file());

    // Refusals say why, in the user's language.
    let mut empty = new_request("plan");
    empty["organisation"] = json!("  ");
    let reply = post(&served, "/api/new", empty).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(reply.json(), json!({"error": "请填写单位名称"}));

    // The English report, and the listing: newest first, with title, period
    // and kind.
    let mut english = new_request("en");
    english["organisation"] = json!("Riverside Tenants' Club");
    english["half"] = json!(2);
    let reply = post(&served, "/api/new", english).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let english = reply.json()["name"].as_str().unwrap().to_string();
    assert!(text(&dir.path().join(&english)).contains("  lang: en\n"));
    let start = get(&served, "/api/start").await.json();
    let listed: Vec<(&str, &str, &str)> = start["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["name"].as_str().unwrap(),
                i["period"].as_str().unwrap_or(""),
                i["kind"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(listed.len(), 3, "{listed:?}");
    assert_eq!(listed[0].0, english);
    assert_eq!(listed[0].2, "combined");
    assert!(
        listed.contains(&("_.._etc_某单位_..2020年工作总结.yaml", "2020年", "summary")),
        "{listed:?}"
    );
    // The file that does not load is listed too, to be opened and corrected.
    let broken = start["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["name"] == "某某学院工会2020年工作总结及2021年工作计划.yaml")
        .unwrap();
    assert_eq!(broken["unreadable"], true);
}

#[tokio::test]
async fn inputs_are_opened_by_name_and_no_name_leads_out_of_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("work");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(
        repo().join("tests/fixtures/serve/street.yaml"),
        folder.join("street.yaml"),
    )
    .unwrap();
    std::fs::write(dir.path().join("secret.yaml"), "secret: 1\n").unwrap();
    std::fs::write(folder.join("notes.txt"), "secret\n").unwrap();
    let served = Arc::new(
        Served::new(folder.clone(), engine(), PORT)
            .unwrap()
            .speaking(nianbao::model::Lang::Zh),
    );
    // Named, an input of the folder is edited and saved as before.
    let file = get(&served, "/api/file?input=street.yaml").await.json();
    assert_eq!(file["name"], "street.yaml");
    let yaml = file["files"][0]["yaml"].as_str().unwrap().to_string();
    let changed = yaml.replace("某街道工会  #", "和平街道总工会  #");
    let reply = post(
        &served,
        "/api/save",
        json!({"input": "street.yaml", "yaml": changed, "base": file["files"][0]["base"]}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    assert_eq!(text(&folder.join("street.yaml")), changed);
    // No input named, and none given on the command line.
    let reply = get(&served, "/api/file").await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);

    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("secret.yaml"), folder.join("link.yaml")).unwrap();
    for name in [
        "..",
        ".",
        "../secret.yaml",
        "%2E%2E%2Fsecret.yaml",
        "%2Fetc%2Fpasswd",
        "sub%2F..%2F..%2Fsecret.yaml",
        "notes.txt",
        "link.yaml",
    ] {
        let reply = get(&served, &format!("/api/file?input={name}")).await;
        assert!(
            [StatusCode::FORBIDDEN, StatusCode::NOT_FOUND].contains(&reply.status),
            "{name}: {} {}",
            reply.status,
            reply.text()
        );
        assert!(!reply.text().contains("secret: 1"), "{name}");
        let reply = post(
            &served,
            "/api/save",
            json!({"input": urlencoding_decode(name), "yaml": "x: 1\n", "base": ""}),
        )
        .await;
        assert!(reply.status.is_client_error(), "{name}: {}", reply.text());
    }
    let reply = get(&served, "/api/file?input=..").await;
    assert_eq!(reply.status, StatusCode::FORBIDDEN);
    assert_eq!(
        reply.json(),
        json!({"error": "“..”不是这个文件夹中的文件：nianbao 只读写它所在文件夹里的文件"})
    );
    assert_eq!(text(&dir.path().join("secret.yaml")), "secret: 1\n");
    assert_eq!(text(&folder.join("notes.txt")), "secret\n");
}

/// `%2F` and `%2E` as the page's encodeURIComponent writes them.
fn urlencoding_decode(name: &str) -> String {
    name.replace("%2E", ".").replace("%2F", "/")
}

#[tokio::test]
async fn last_years_file_is_shown_then_written_with_this_years_summary() {
    use base64::Engine as _;
    let dir = tempfile::tempdir().unwrap();
    let served = started(&dir);
    let last_year = "某某学院工会2020年工作总结及2021年工作计划

2020年，学院工会在学院党委的领导下，围绕中心、服务大局，较好地完成了各项工作任务。

一、2020年工作总结

（一）加强思想政治引领

全年组织教职工参加理论学习12次，参加人员达411人次。

（二）服务教职工

走访慰问困难教职工30名，发放慰问金8.5万元。

二、存在的问题

服务方式还需创新。

三、2021年工作计划

（一）深化思想政治引领。开展主题教育活动。

（二）提升服务水平。扩大走访范围。

某某学院工会
2020年12月20日
";
    let data = base64::engine::general_purpose::STANDARD.encode(last_year.as_bytes());
    let reply = post(
        &served,
        "/api/import",
        json!({"name": "C:\\fakepath\\2020年工作总结.txt", "data": data}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let preview = reply.json();
    let found = preview["found"].as_str().unwrap();
    assert!(
        found.starts_with("标题：某某学院工会2020年工作总结及2021年工作计划"),
        "{found}"
    );
    assert!(
        found.contains("  3. 计划：2021年工作计划 — 条目 2 条\n"),
        "{found}"
    );
    assert!(found.contains("  relief_funds 8.5万元\n"), "{found}");
    assert_eq!(
        preview["name"],
        "某某学院工会2020年工作总结及2021年工作计划.yaml"
    );
    assert_eq!(
        preview["next_name"],
        "某某学院工会2021年工作总结及2022年工作计划.yaml"
    );
    // Nothing is written until asked.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);

    let reply = post(
        &served,
        "/api/import/write",
        json!({"yaml": preview["yaml"], "next": true}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    assert_eq!(
        reply.json(),
        json!({"name": "某某学院工会2021年工作总结及2022年工作计划.yaml"})
    );
    let imported = text(
        &dir.path()
            .join("某某学院工会2020年工作总结及2021年工作计划.yaml"),
    );
    assert_eq!(imported, preview["yaml"].as_str().unwrap());
    // This year's summary: a section for each of last year's plans.
    let next = text(
        &dir.path()
            .join("某某学院工会2021年工作总结及2022年工作计划.yaml"),
    );
    assert!(next.contains("  year: 2021\n"), "{next}");
    assert!(next.contains("- title: 深化思想政治引领\n"), "{next}");
    assert!(next.contains("- title: 提升服务水平\n"), "{next}");
    // And 2022's plan in the same areas, to be written.
    assert!(
        next.contains("\nplans:\n  sections:\n    - id: plan-1\n      title: 深化思想政治引领\n      text: 待补充。\n"),
        "{next}"
    );
    // The same import written again is there already; this year's file is
    // not overwritten.
    let reply = post(
        &served,
        "/api/import/write",
        json!({"yaml": preview["yaml"], "next": false}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let reply = post(
        &served,
        "/api/import/write",
        json!({"yaml": preview["yaml"], "next": true}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::CONFLICT);
    assert_eq!(
        text(
            &dir.path()
                .join("某某学院工会2021年工作总结及2022年工作计划.yaml")
        ),
        next
    );

    // The editor downloads this year's document under its title.
    let reply = post(
        &served,
        "/api/download",
        json!({"input": "某某学院工会2020年工作总结及2021年工作计划.yaml", "drafts": [imported], "format": "pdf"}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let disposition = reply.headers["content-disposition"].to_str().unwrap();
    assert!(
        disposition.starts_with("attachment; filename=\"document.pdf\"; filename*=UTF-8''"),
        "{disposition}"
    );
    assert_eq!(
        utf8_name(disposition),
        "某某学院工会2020年工作总结及2021年工作计划.pdf"
    );

    // Not base64, and larger than import reads.
    let reply = post(
        &served,
        "/api/import",
        json!({"name": "a.txt", "data": "%%%"}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        reply.json(),
        json!({"error": "上传的文件不完整：请重新选择文件"})
    );
    let huge = "A".repeat(70_000_000);
    let reply = post(
        &served,
        "/api/import",
        json!({"name": "a.txt", "data": huge}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::PAYLOAD_TOO_LARGE);
}

/// The numbers the document prints, as the engine numbers the Markdown,
/// given with the path of what they number (the page shows them and counts
/// nothing itself): parts written in `parts:`, joined points (一是……；二是……)
/// numbered inside their paragraph, paragraphs not numbered; and still
/// given while the draft has errors.
#[tokio::test]
async fn the_check_gives_the_numbers_the_document_prints() {
    let dir = tempfile::tempdir().unwrap();
    let (served, path) = served_copy(
        &dir,
        &repo().join("inputs/township-2021.yaml"),
        "township-2021.yaml",
    );
    let numbered = |result: &Value| -> Vec<(Value, String)> {
        result["numbers"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| {
                assert_eq!(n["file"], 0);
                (n["path"].clone(), n["number"].as_str().unwrap().to_string())
            })
            .collect()
    };
    let expected = vec![
        (json!(["parts", 0, "sections", 0]), "（一）"),
        (json!(["parts", 0, "sections", 0, "points", 0]), "一是"),
        (json!(["parts", 0, "sections", 1]), "（二）"),
        (json!(["parts", 0, "sections", 1, "points", 0]), "一是"),
        (json!(["parts", 0, "sections", 1, "points", 1]), "二是"),
        (json!(["parts", 2, "points", 0]), "一是"),
        (json!(["parts", 2, "points", 1]), "二是"),
        (json!(["parts", 3, "points", 0]), "一是"),
        (json!(["parts", 3, "points", 1]), "二是"),
        (json!(["parts", 3, "points", 2]), "三是"),
        (json!(["parts", 3, "points", 3]), "四是"),
    ]
    .into_iter()
    .map(|(p, n)| (p, n.to_string()))
    .collect::<Vec<_>>();
    let parts = json!([
        {"file": 0, "path": ["parts", 0], "number": "一、", "heading": "党建引领基层工会建设", "role": "work"},
        {"file": 0, "path": ["parts", 1], "number": "二、", "heading": "服务职工办实事", "role": "work"},
        {"file": 0, "path": ["parts", 2], "number": "三、", "heading": "存在的问题", "role": "problems"},
        {"file": 0, "path": ["parts", 3], "number": "四、", "heading": "2022年工作打算", "role": "plans"},
    ]);
    let yaml = text(&path);
    let result = post(&served, "/api/check", json!({ "drafts": [yaml] }))
        .await
        .json();
    assert_eq!(numbered(&result), expected);
    assert_eq!(result["parts"], parts);
    assert_eq!(result["title"], "2021年度工会工作总结");
    // The same numbers as the Markdown prints.
    let out = dir.path().join("out");
    let built = nianbao(&[
        "build",
        "--format",
        "md",
        "-o",
        out.to_str().unwrap(),
        path.to_str().unwrap(),
    ]);
    assert_eq!(code(&built), 0, "{}", stderr(&built));
    let markdown = std::fs::read_to_string(out.join("township-2021.md")).unwrap();
    for (_, number) in &expected {
        assert!(markdown.contains(number.as_str()), "{number}");
    }
    assert!(markdown.contains("### （二）扩大组织覆盖\n\n一是推动非公企业建会"));
    // A draft with an error: numbered all the same.
    let wrong = yaml.replace("value: 6,", "value: -6,");
    let result = post(&served, "/api/check", json!({ "drafts": [wrong] }))
        .await
        .json();
    assert!(
        result["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "E0608")
    );
    assert_eq!(numbered(&result), expected);
    // The shorthand's parts: by their key, headings derived.
    let (served, path) = served_copy(&dir, &repo().join("inputs/2020.yaml"), "2020.yaml");
    let result = post(&served, "/api/check", json!({ "drafts": [text(&path)] }))
        .await
        .json();
    assert_eq!(
        result["parts"],
        json!([
            {"file": 0, "path": ["summary"], "number": "一、", "heading": "2020年工作总结", "role": "work"},
            {"file": 0, "path": ["problems"], "number": "二、", "heading": "存在的问题", "role": "problems"},
            {"file": 0, "path": ["plans"], "number": "三、", "heading": "2021年主要工作", "role": "plans"},
        ])
    );
    let numbers: Vec<String> = numbered(&result).into_iter().map(|(_, n)| n).collect();
    assert_eq!(
        numbers.join(" "),
        "（一） 一是 二是 （二） 一是 二是 三是 （三） 一是 二是 三是 四是 （四） 一是 二是 三是 四是 （五） 一是 二是 三是 四是 五是 1. 2. 3. （一） （二） （三） （四） （五）"
    );
}

/// 半年总结和下半年计划, offered by the start page: the first half's summary
/// with the second half's plan, the skeleton `nianbao new --half 1` writes.
#[tokio::test]
async fn the_start_page_offers_a_half_year_summary_with_the_second_halfs_plan() {
    let dir = tempfile::tempdir().unwrap();
    let served = started(&dir);
    let mut request = new_request("half");
    request["date"] = json!("2020-07-10");
    let reply = post(&served, "/api/new", request).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    let name = "某某学院工会2020年上半年工作总结和下半年工作计划.yaml";
    assert_eq!(reply.json(), json!({ "name": name }));
    assert_eq!(
        text(&dir.path().join(name)),
        nianbao::skeleton::NewDocument {
            organisation: "某某学院工会".into(),
            year: 2020,
            half: Some(1),
            kind: nianbao::view::Kind::Combined,
            lang: nianbao::model::Lang::Zh,
            areas: vec!["思想政治引领".into(), "服务教职工".into()],
            signature: None,
            date: chrono::NaiveDate::from_ymd_opt(2020, 7, 10),
        }
        .yaml(chrono::NaiveDate::from_ymd_opt(2020, 7, 10).unwrap())
    );
    // With the second half chosen, the half chosen stands.
    let mut request = new_request("half");
    request["half"] = json!(2);
    let reply = post(&served, "/api/new", request).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    assert_eq!(
        reply.json(),
        json!({ "name": "某某学院工会2020年下半年工作总结和2021年上半年工作计划.yaml" })
    );
}

/// The guide is built in and served at /guide/ (the start page links to it),
/// offline: every page of its table of contents and every link in every page
/// (anchors included) leads to something served, and a page loads nothing
/// from elsewhere.
#[tokio::test]
async fn the_guide_is_served_and_every_link_in_it_leads_somewhere() {
    let dir = tempfile::tempdir().unwrap();
    let (served, _) = served(&dir);
    assert!(get(&served, "/").await.text().contains("href=\"/guide/\""));
    let index = get(&served, "/guide/").await;
    assert_eq!(index.status, StatusCode::OK);
    assert!(
        index
            .text()
            .contains("<title>nianbao 使用说明 · nianbao 使用说明</title>")
    );
    assert_eq!(
        index.headers["content-security-policy"],
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'"
    );
    let mut queue = vec!["/guide/index.html".to_string()];
    let mut pages: std::collections::BTreeMap<String, String> = Default::default();
    let mut links = Vec::new();
    while let Some(url) = queue.pop() {
        if pages.contains_key(&url) {
            continue;
        }
        let reply = get(&served, &url).await;
        assert_eq!(reply.status, StatusCode::OK, "{url}");
        if !url.ends_with(".html") {
            pages.insert(url, String::new());
            continue;
        }
        let html = reply.text();
        for attribute in ["href=\"", "src=\""] {
            for piece in html.split(attribute).skip(1) {
                let target = &piece[..piece.find('"').unwrap()];
                if target.starts_with("http") {
                    continue;
                }
                // Resolved against the page's folder.
                let folder = &url[..url.rfind('/').unwrap() + 1];
                let mut parts: Vec<&str> = Vec::new();
                let joined = if target.starts_with('/') {
                    target.to_string()
                } else if target.starts_with('#') {
                    format!("{url}{target}")
                } else {
                    format!("{folder}{target}")
                };
                for part in joined.split('/') {
                    match part {
                        ".." => {
                            parts.pop();
                        }
                        "." => {}
                        _ => parts.push(part),
                    }
                }
                let resolved = parts.join("/");
                let (page, anchor) = match resolved.split_once('#') {
                    Some((page, anchor)) => (page.to_string(), Some(anchor.to_string())),
                    None => (resolved.clone(), None),
                };
                links.push((url.clone(), page.clone(), anchor));
                queue.push(page);
            }
        }
        assert!(!html.contains("src=\"http"), "{url}");
        pages.insert(url, html);
    }
    for (from, page, anchor) in &links {
        let Some(html) = pages.get(page) else {
            panic!("{from}: {page} not served");
        };
        if let Some(anchor) = anchor {
            assert!(
                html.contains(&format!("id=\"{anchor}\"")),
                "{from}: no #{anchor} in {page}"
            );
        }
    }
    // All of the table of contents, the generated reference and the pictures.
    for page in [
        "/guide/quickstart.html",
        "/guide/reference/cli/check.html",
        "/guide/reference/input.html",
        "/guide/reference/codes.html",
        "/guide/en/input.html",
        "/guide/images/page.png",
    ] {
        assert!(pages.contains_key(page), "{page}");
    }
    assert_eq!(
        get(&served, "/guide/nothing.html").await.status,
        StatusCode::NOT_FOUND
    );
}

/// A seal image chosen on the page is copied beside the input: under its
/// own name's stem (a path in it cut off, the extension its kind's), the
/// same bytes again taken as they are, other bytes under that name never
/// written over (-2); not an image, too large or undecodable: refused with
/// the reason, nothing written.
#[tokio::test]
async fn a_seal_image_is_copied_beside_the_input_and_never_over_another_file() {
    use base64::Engine as _;
    let dir = tempfile::tempdir().unwrap();
    let (served, _) = served(&dir);
    let encode = |bytes: &[u8]| base64::engine::general_purpose::STANDARD.encode(bytes);
    let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>\n";
    let send_image = |name: &str, bytes: &[u8]| {
        post(
            &served,
            "/api/image",
            json!({"name": name, "data": encode(bytes)}),
        )
    };
    let reply = send_image("C:\\fakepath\\..\\印章.png", svg).await;
    assert_eq!(reply.status, StatusCode::OK, "{}", reply.text());
    assert_eq!(reply.json(), json!({"name": "印章.svg"}));
    assert_eq!(std::fs::read(dir.path().join("印章.svg")).unwrap(), svg);
    // The same image again: the same name; another under that name: -2.
    let reply = send_image("印章.svg", svg).await;
    assert_eq!(reply.json(), json!({"name": "印章.svg"}));
    let other = b"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"20\" height=\"20\"/>\n";
    let reply = send_image("../../印章.svg", other).await;
    assert_eq!(reply.json(), json!({"name": "印章-2.svg"}));
    assert_eq!(std::fs::read(dir.path().join("印章.svg")).unwrap(), svg);
    assert_eq!(std::fs::read(dir.path().join("印章-2.svg")).unwrap(), other);
    // A PNG by its signature, whatever its name says; a name of nothing but
    // dots and forbidden characters: "seal".
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";
    let reply = send_image("..:*?.svg", png).await;
    assert_eq!(reply.json(), json!({"name": "seal.png"}));
    // Refused: not an image, too large, not base64.
    let before: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    let reply = send_image("说明.txt", "不是图片".as_bytes()).await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    // In the document's language.
    assert_eq!(
        reply.json()["error"],
        "这个文件不是 PNG 或 SVG 图片：请把印章存为 PNG（透明背景）或 SVG 再选择"
    );
    let mut large = svg.to_vec();
    large.resize(4 * 1024 * 1024 + 1, b' ');
    let reply = send_image("大.svg", &large).await;
    assert_eq!(
        reply.status,
        StatusCode::PAYLOAD_TOO_LARGE,
        "{}",
        reply.text()
    );
    let reply = post(
        &served,
        "/api/image",
        json!({"name": "a.svg", "data": "%%%"}),
    )
    .await;
    assert_eq!(reply.status, StatusCode::UNPROCESSABLE_ENTITY);
    let after: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(before.len(), after.len());
}
