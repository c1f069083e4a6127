//! `nianbao serve` in a real browser: Debian's headless Chromium driven
//! through chromedriver (fantoccini). The page is used as a person would:
//! change the organisation, add a count and reference it, enter a wrong value,
//! save; then `nianbao check` runs on the file on disk. Screenshots are left
//! in target/tmp/serve-*.png to be looked at. The browser tests are ignored
//! unless asked for (`cargo test -- --include-ignored`, as .ci/run does).
//! Also `nianbao watch`, the command-line counterpart, run as a process
//! against a changing file (needs nothing but Rust).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

use crate::common::{code, nianbao, repo, stderr};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// A child process killed when the test ends, however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        self.0.kill().ok();
        self.0.wait().ok();
    }
}

/// Starts `nianbao serve` on a free port; its address.
fn serve(input: &Path) -> (Running, String) {
    let mut child = crate::common::command()
        .args(["serve", "--port", "0", "--no-system-fonts"])
        .arg(input)
        .current_dir(repo())
        .stderr(Stdio::piped())
        .spawn()
        .expect("nianbao serve starts");
    let mut line = String::new();
    BufReader::new(child.stderr.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    (Running(child), url)
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn browser(profile: &Path) -> (Running, Client) {
    assert!(
        Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists(),
        "the browser test needs Debian's chromium and chromium-driver (.ci/run installs them)"
    );
    let port = free_port();
    let driver = Command::new(CHROMEDRIVER)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let driver = Running(driver);
    let capabilities = json!({
        "goog:chromeOptions": {
            "binary": CHROMIUM,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--window-size=1400,1000",
                format!("--user-data-dir={}", profile.display()),
            ],
        }
    });
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    let started = Instant::now();
    loop {
        let mut builder = ClientBuilder::new(connector.clone());
        builder.capabilities(capabilities.as_object().unwrap().clone());
        match builder.connect(&format!("http://127.0.0.1:{port}")).await {
            Ok(client) => return (driver, client),
            Err(e) if started.elapsed() > Duration::from_secs(20) => {
                panic!("cannot start a browser session: {e}")
            }
            Err(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
}

/// Runs `script` until it returns true (at most `limit`); how long that took.
async fn until(client: &Client, what: &str, script: &str, limit: Duration) -> Duration {
    let started = Instant::now();
    loop {
        let value = client.execute(script, Vec::new()).await.unwrap();
        if value == json!(true) {
            return started.elapsed();
        }
        if started.elapsed() > limit {
            let alts = client
                .execute(
                    "return [...document.querySelectorAll('img.page')].map(i => i.alt.slice(0, 80)).join(' | ') + ' || ' + document.getElementById('status').textContent + ' || ' + document.getElementById('preview-note').textContent",
                    Vec::new(),
                )
                .await
                .unwrap();
            panic!("waited {limit:?} for {what}; the page shows: {alts}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn preview_shows(text: &str) -> String {
    format!(
        "return [...document.querySelectorAll('img.page')].some(i => i.alt.includes({}))",
        json!(text)
    )
}

async fn field(client: &Client, path: serde_json::Value) -> fantoccini::elements::Element {
    field_named(client, &path.to_string()).await
}

/// The form's control of that name (a value's path as JSON; `key:` and the
/// path for an entry's name).
async fn field_named(client: &Client, name: &str) -> fantoccini::elements::Element {
    let selector = format!("[name='{name}']");
    client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(&selector))
        .await
        .unwrap_or_else(|e| panic!("no field {selector}: {e}"))
}

async fn retype(client: &Client, path: serde_json::Value, text: &str) {
    let input = field(client, path).await;
    input.clear().await.unwrap();
    input.send_keys(text).await.unwrap();
}

/// A copy of a repository file served in a fresh folder, and a browser at
/// its page; the server and the driver end with the first value.
async fn open(dir: &tempfile::TempDir, fixture: &str) -> ((Running, Running), Client, PathBuf) {
    let input = dir.path().join(Path::new(fixture).file_name().unwrap());
    std::fs::copy(repo().join(fixture), &input).unwrap();
    let (server, url) = serve(&input);
    let (driver, client) = browser(&dir.path().join("profile")).await;
    client.goto(&url).await.unwrap();
    ((server, driver), client, input)
}

/// Saves from the page and waits until it says so; a screenshot of it.
async fn save(client: &Client, name: &str) -> PathBuf {
    client
        .find(Locator::Id("save"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    until(
        client,
        "the save",
        "return document.getElementById('status').textContent === '已保存'",
        Duration::from_secs(30),
    )
    .await;
    screenshot(client, name).await
}

async fn screenshot(client: &Client, name: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&path, client.screenshot().await.unwrap()).unwrap();
    path
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromium-driver (apt-get install chromium chromium-driver)"]
async fn a_person_edits_checks_previews_and_saves_in_the_browser() {
    let dir = tempfile::tempdir().unwrap();
    let (_page, client, input) = open(&dir, "tests/fixtures/serve/street.yaml").await;
    let long = Duration::from_secs(30);

    until(
        &client,
        "the first preview",
        &preview_shows("某街道工会2023年工作总结"),
        long,
    )
    .await;

    // The organisation's name, changed in the form, reaches the pages.
    retype(&client, json!(["meta", "organisation"]), "和平街道总工会").await;
    let took = until(
        &client,
        "the new name in the preview",
        &preview_shows("和平街道总工会2023年工作总结"),
        long,
    )
    .await;
    eprintln!("edit to preview: {took:?} (debug build)");

    // A new count: copied from the first, renamed, given a value and unit,
    // and referenced from a point through the picker.
    client
        .find(Locator::Css(
            "fieldset[data-path='[\"counts\",\"visits\"]'] > .item-tools button[data-tool=copy]",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let key = field_named(&client, "key:[\"counts\",\"visits_2\"]").await;
    key.clear().await.unwrap();
    key.send_keys("lectures\u{e004}").await.unwrap();
    retype(&client, json!(["counts", "lectures", "value"]), "8").await;
    retype(&client, json!(["counts", "lectures", "unit"]), "场").await;
    retype(&client, json!(["counts", "lectures", "label"]), "法律咨询").await;
    let point = json!(["summary", "sections", 0, "points", 1]);
    retype(&client, point.clone(), "开展法律咨询活动").await;
    let picker = client
        .find(Locator::Css(&format!(
            ".field[data-path='{point}'] select.picker"
        )))
        .await
        .unwrap();
    picker.click().await.unwrap();
    picker.select_by_value("lectures").await.unwrap();
    field(&client, point.clone())
        .await
        .send_keys("。")
        .await
        .unwrap();
    until(
        &client,
        "the new count in the preview",
        &preview_shows("开展法律咨询活动8场。"),
        long,
    )
    .await;

    // A wrong value is flagged beside its field, in the document's language.
    retype(&client, json!(["counts", "visits", "value"]), "-5").await;
    until(
        &client,
        "the diagnostic beside the field",
        "return [...document.querySelectorAll(\".field[data-path='[\\\"counts\\\",\\\"visits\\\",\\\"value\\\"]'] .diag.error\")].some(d => d.dataset.code === 'E0608' && d.textContent.includes('值却是 -5'))",
        long,
    )
    .await;
    let flagged = screenshot(&client, "serve-flagged.png").await;

    // Corrected and saved.
    retype(&client, json!(["counts", "visits", "value"]), "130").await;
    until(
        &client,
        "the corrected value in the preview",
        &preview_shows("全年走访职工130人次。"),
        long,
    )
    .await;
    let saved = save(&client, "serve-saved.png").await;
    client.close().await.unwrap();

    let on_disk = std::fs::read_to_string(&input).unwrap();
    let out = nianbao(&["check", input.to_str().unwrap()]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let original =
        std::fs::read_to_string(repo().join("tests/fixtures/serve/street.yaml")).unwrap();
    assert_eq!(
        on_disk,
        original
            .replace("某街道工会  # 落款单位", "和平街道总工会  # 落款单位")
            .replace(
                "    value: 120\n    unit: 人次\n    label: 走访职工\n",
                "    value: 130\n    unit: 人次\n    label: 走访职工\n  lectures:\n    value: 8\n    unit: 场\n    label: 法律咨询\n"
            )
            .replace("开展法律咨询活动。", "开展法律咨询活动{lectures}。")
    );
    eprintln!("screenshots: {} {}", flagged.display(), saved.display());
}

/// The last problem removed, a new one added in its place and typed, then
/// saved: the file holds exactly that change, nothing else lost.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromium-driver (apt-get install chromium chromium-driver)"]
async fn the_last_item_removed_and_a_new_one_added_in_the_browser() {
    let dir = tempfile::tempdir().unwrap();
    let (_page, client, input) = open(&dir, "tests/fixtures/serve/street.yaml").await;
    let long = Duration::from_secs(30);
    let problems = r#"fieldset[data-path='["problems"]']"#;
    let click = |css: String| {
        let client = client.clone();
        async move {
            client
                .wait()
                .at_most(long)
                .for_element(Locator::Css(&css))
                .await
                .unwrap_or_else(|e| panic!("no {css}: {e}"))
                .click()
                .await
                .unwrap();
        }
    };
    click(format!("{problems} button[data-tool=remove]")).await;
    until(
        &client,
        "the emptied list",
        &format!("return document.querySelector(\"{problems}\") !== null && document.querySelectorAll(\"{problems} .field\").length === 0", problems = problems.replace('"', "\\\"")),
        long,
    )
    .await;
    click(format!("{problems} button[data-tool=add]")).await;
    let new = field(&client, json!(["problems", 0])).await;
    new.send_keys("服务阵地还需拓展").await.unwrap();
    until(
        &client,
        "the new problem in the preview",
        &preview_shows("服务阵地还需拓展"),
        long,
    )
    .await;
    save(&client, "serve-added.png").await;
    client.close().await.unwrap();
    let original =
        std::fs::read_to_string(repo().join("tests/fixtures/serve/street.yaml")).unwrap();
    assert_eq!(
        std::fs::read_to_string(&input).unwrap(),
        original.replace(
            "problems:\n  - 服务方式还需创新\n",
            "problems:\n  - 服务阵地还需拓展\n"
        )
    );
}

/// Waits (at most 30 s) until `done` holds; panics with `what` otherwise.
fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    let started = Instant::now();
    while !done() {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "waited 30 s for {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn watch_rebuilds_on_change_and_keeps_the_last_good_output() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("street.yaml");
    let original =
        std::fs::read_to_string(repo().join("tests/fixtures/serve/street.yaml")).unwrap();
    std::fs::write(&input, &original).unwrap();
    let out = dir.path().join("out");
    let log = dir.path().join("watch.log");
    let child = crate::common::command()
        .args(["watch", "--format", "md", "-o"])
        .arg(&out)
        .arg(&input)
        .current_dir(repo())
        .env("NO_COLOR", "1")
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let _watching = Running(child);
    let md = out.join("street.md");
    let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_default();
    wait_for("the first build", || {
        read(&log).contains("正在监视 1 个输入")
    });
    assert!(read(&md).starts_with("# 某街道工会2023年工作总结及2024年工作计划\n"));

    std::fs::write(
        &input,
        original.replace("某街道工会  #", "和平街道总工会  #"),
    )
    .unwrap();
    wait_for("the build after the change", || {
        read(&md).starts_with("# 和平街道总工会<br>2023年工作总结")
    });

    // An edit with an error: reported, and the output stays as it was.
    let good = read(&md);
    std::fs::write(&input, original.replace("value: 120", "value: -5")).unwrap();
    wait_for("the error", || read(&log).contains("保留上一次无误的输出"));
    assert!(read(&log).contains("error[E0608]"), "{}", read(&log));
    assert_eq!(read(&md), good);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromium-driver (apt-get install chromium chromium-driver)"]
async fn the_page_a_field_is_on_comes_into_view() {
    let dir = tempfile::tempdir().unwrap();
    let (_page, client, _) = open(&dir, "inputs/2020.yaml").await;
    let long = Duration::from_secs(30);
    until(&client, "seven pages", "return document.querySelectorAll('img.page').length === 7 && document.querySelectorAll('img.page')[6].complete", long).await;
    // The last plan is on the last page: focusing its text scrolls the
    // preview to that page, and no further than needed.
    field(&client, json!(["plans", "sections", 4, "text"]))
        .await
        .click()
        .await
        .unwrap();
    until(
        &client,
        "the last page in view",
        "const p = document.getElementById('preview').getBoundingClientRect(); const pages = [...document.querySelectorAll('img.page')]; const shown = pages.filter(i => { const r = i.getBoundingClientRect(); return r.bottom > p.top && r.top < p.bottom; }); return shown.includes(pages[6]) && !shown.includes(pages[0])",
        long,
    )
    .await;
    screenshot(&client, "serve-followed.png").await;
    client.close().await.unwrap();
}
