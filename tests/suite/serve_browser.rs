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
    serve_as(input, "C.UTF-8")
}

/// Starts `nianbao serve` on a free port for a user whose locale is `lang`
/// (LANG); its address.
fn serve_as(input: &Path, lang: &str) -> (Running, String) {
    let mut child = crate::common::command()
        .args(["serve", "--port", "0", "--no-system-fonts"])
        .arg(input)
        .env("LANG", lang)
        .current_dir(repo())
        .stderr(Stdio::piped())
        .spawn()
        .expect("nianbao serve starts");
    let stderr = child.stderr.take().unwrap();
    // Killed however the test ends, this line's panic included.
    let running = Running(child);
    let mut line = String::new();
    BufReader::new(stderr).read_line(&mut line).unwrap();
    let url = line
        .split_whitespace()
        .find(|w| w.starts_with("http://127.0.0.1:"))
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    (running, url)
}

/// Where the browser of `profile` saves downloads.
fn downloads(profile: &Path) -> PathBuf {
    profile.with_file_name("downloads")
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
            // Downloads go beside the profile, without asking.
            "prefs": {
                "download.default_directory": downloads(profile),
                "download.prompt_for_download": false,
            },
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

/// Clicks the element `css` names, once it is there.
async fn click(client: &Client, css: &str) {
    client
        .wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"))
        .click()
        .await
        .unwrap();
}

/// Waits until the browser has saved a download named `name`; its bytes.
fn downloaded(profile: &Path, name: &str) -> Vec<u8> {
    let path = downloads(profile).join(name);
    wait_for(&format!("the download {}", path.display()), || {
        path.is_file()
            && std::fs::read_dir(downloads(profile)).unwrap().all(|e| {
                !e.unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".crdownload")
            })
    });
    std::fs::read(path).unwrap()
}

/// A Chinese user starts `nianbao` on an empty folder: 新建 a 年度工作总结,
/// one point typed in the editor, the PDF downloaded under its title, and
/// printed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromium-driver (apt-get install chromium chromium-driver)"]
async fn a_new_summary_is_made_on_the_start_page_typed_and_downloaded() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("年报");
    std::fs::create_dir(&folder).unwrap();
    let (_server, url) = serve_as(&folder, "zh_CN.UTF-8");
    let profile = dir.path().join("profile");
    let (_driver, client) = browser(&profile).await;
    let long = Duration::from_secs(30);
    client.goto(&url).await.unwrap();

    // The start page, in Chinese.
    until(
        &client,
        "the start page",
        "return !document.getElementById('start').hidden && document.querySelector('[data-w=new]').textContent === '新建' && document.getElementById('open-none').hidden === false",
        long,
    )
    .await;
    screenshot(&client, "serve-start.png").await;
    let organisation = client.find(Locator::Id("new-organisation")).await.unwrap();
    organisation.send_keys("某某学院工会").await.unwrap();
    let year = client.find(Locator::Id("new-year")).await.unwrap();
    year.clear().await.unwrap();
    year.send_keys("2020").await.unwrap();
    client
        .find(Locator::Id("new-kind"))
        .await
        .unwrap()
        .select_by_value("summary")
        .await
        .unwrap();
    client
        .find(Locator::Id("new-areas"))
        .await
        .unwrap()
        .send_keys("思想政治引领\n服务教职工")
        .await
        .unwrap();
    click(&client, "#new-create").await;

    // The editor on the new file, its sections named after the areas.
    let point = json!(["summary", "sections", 0, "points", 0]);
    retype(&client, point, "全年组织教职工理论学习12次。").await;
    until(
        &client,
        "the point in the preview",
        &preview_shows("全年组织教职工理论学习12次。"),
        long,
    )
    .await;
    let title = "某某学院工会2020年工作总结";
    until(
        &client,
        "the title in the preview",
        &preview_shows(title),
        long,
    )
    .await;
    let name = format!("{title}.yaml");
    assert_eq!(
        client.current_url().await.unwrap().query(),
        Some(format!("input={}", percent(&name)).as_str())
    );
    let saved = save(&client, "serve-new-editor.png").await;
    let on_disk = std::fs::read_to_string(folder.join(&name)).unwrap();
    assert!(
        on_disk.contains("        - 全年组织教职工理论学习12次。\n"),
        "{on_disk}"
    );
    assert!(on_disk.contains("    - title: 服务教职工\n"), "{on_disk}");

    // The PDF, named after the document.
    click(&client, "#dl-pdf").await;
    let pdf = downloaded(&profile, &format!("{title}.pdf"));
    assert!(pdf.starts_with(b"%PDF-"));

    // 打印: the PDF in a frame of the page, to print.
    click(&client, "#print").await;
    until(
        &client,
        "the PDF in the print frame",
        "const f = document.getElementById('print-frame'); return f !== null && f.src.startsWith('blob:')",
        long,
    )
    .await;

    // Back to the start page: the new file is listed.
    click(&client, "#home").await;
    until(
        &client,
        "the new file on the start page",
        &format!(
            "return [...document.querySelectorAll('#inputs tbody tr')].some(r => r.dataset.name === {})",
            json!(name)
        ),
        long,
    )
    .await;
    client.close().await.unwrap();
    eprintln!("screenshot: {}", saved.display());
}

/// A name as encodeURIComponent writes it.
fn percent(name: &str) -> String {
    name.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// Last year's document as a .txt, picked on the start page: what was found
/// is shown, then this year's summary is started from its plans.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromium-driver (apt-get install chromium chromium-driver)"]
async fn last_years_file_is_picked_and_this_years_summary_started_from_its_plans() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("年报");
    std::fs::create_dir(&folder).unwrap();
    let last_year = dir.path().join("2020年工作总结.txt");
    std::fs::write(
        &last_year,
        "某某学院工会2020年工作总结及2021年工作计划\n\n\
2020年，学院工会在学院党委的领导下，较好地完成了各项工作任务。\n\n\
一、2020年工作总结\n\n（一）加强思想政治引领\n\n全年组织教职工参加理论学习12次，参加人员达411人次。\n\n\
（二）服务教职工\n\n走访慰问困难教职工30名，发放慰问金8.5万元。\n\n\
二、存在的问题\n\n服务方式还需创新。\n\n\
三、2021年工作计划\n\n（一）深化思想政治引领。开展主题教育活动。\n\n（二）提升服务水平。扩大走访范围。\n\n\
某某学院工会\n2020年12月20日\n",
    )
    .unwrap();
    let (_server, url) = serve_as(&folder, "zh_CN.UTF-8");
    let profile = dir.path().join("profile");
    let (_driver, client) = browser(&profile).await;
    let long = Duration::from_secs(30);
    client.goto(&url).await.unwrap();
    client
        .wait()
        .at_most(long)
        .for_element(Locator::Id("pick"))
        .await
        .unwrap()
        .send_keys(last_year.to_str().unwrap())
        .await
        .unwrap();
    until(
        &client,
        "what was found",
        "return !document.getElementById('import-result').hidden && document.getElementById('found').textContent.includes('3. 计划：2021年工作计划 — 条目 2 条')",
        long,
    )
    .await;
    screenshot(&client, "serve-import-found.png").await;
    // Nothing written yet.
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 0);
    click(&client, "#import-next").await;

    // This year's summary, a section for each of last year's plans.
    let title = field(&client, json!(["summary", "sections", 1, "title"])).await;
    assert_eq!(title.prop("value").await.unwrap().unwrap(), "提升服务水平");
    until(
        &client,
        "this year's summary in the preview",
        &preview_shows("某某学院工会2021年工作总结"),
        long,
    )
    .await;
    screenshot(&client, "serve-import-next.png").await;
    client.close().await.unwrap();
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "某某学院工会2020年工作总结及2021年工作计划.yaml",
            "某某学院工会2021年工作总结.yaml"
        ]
    );
    let this_year =
        std::fs::read_to_string(folder.join("某某学院工会2021年工作总结.yaml")).unwrap();
    assert!(this_year.contains("fulfils: plan-2"), "{this_year}");
}
