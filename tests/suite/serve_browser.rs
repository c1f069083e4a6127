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

/// Waits until the field `name` (its path as the page names it) has the
/// focus, as after a ＋, then types `text` into it.
async fn type_when_focused(client: &Client, what: &str, name: &str, text: &str) {
    until(
        client,
        what,
        &format!("return document.activeElement.name === {}", json!(name)),
        Duration::from_secs(30),
    )
    .await;
    client
        .active_element()
        .await
        .unwrap()
        .send_keys(text)
        .await
        .unwrap();
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

/// Saves from the page (a screenshot `shot` of it); the file on disk is
/// then `expected`, whole.
async fn saved_is(client: &Client, shot: &str, input: &Path, expected: &str) {
    save(client, shot).await;
    assert_eq!(std::fs::read_to_string(input).unwrap(), expected, "{shot}");
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

    // A new count: added among the counts (its name made for it), given a
    // label, a value and a unit, and referenced from a point through the
    // picker, which lists the counts by label and value.
    click(&client, "details[data-fold=counts] > summary").await;
    click(
        &client,
        "details[data-fold=counts] .adds button[data-tool=add]",
    )
    .await;
    retype(&client, json!(["counts", "数字2", "label"]), "法律咨询").await;
    retype(&client, json!(["counts", "数字2", "value"]), "8").await;
    retype(&client, json!(["counts", "数字2", "unit"]), "场").await;
    let point = json!(["summary", "sections", 0, "points", 1]);
    retype(&client, point.clone(), "开展法律咨询活动").await;
    until(
        &client,
        "the count in the picker",
        "return [...document.querySelectorAll('#picker option')].some(o => o.textContent === '法律咨询 8场')",
        long,
    )
    .await;
    client
        .find(Locator::Id("picker"))
        .await
        .unwrap()
        .select_by_value("{数字2}")
        .await
        .unwrap();
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
        "return [...document.querySelectorAll(\".count-row[data-path='[\\\"counts\\\",\\\"visits\\\"]'] + .diag.error\")].some(d => d.dataset.code === 'E0608' && d.textContent.includes('值却是 -5')) && document.querySelector(\".field[data-path='[\\\"counts\\\",\\\"visits\\\",\\\"value\\\"]']\").classList.contains('has-error')",
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
                "    value: 130\n    unit: 人次\n    label: 走访职工\n  数字2:\n    value: 8\n    unit: 场\n    label: 法律咨询\n"
            )
            .replace("开展法律咨询活动。", "开展法律咨询活动{数字2}。")
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
    let problems = r#".part[data-path='["problems"]']"#;
    let click = |css: String| {
        let client = client.clone();
        async move { self::click(&client, &css).await }
    };
    click(format!("{problems} button[data-tool=remove]")).await;
    until(
        &client,
        "the emptied list",
        &format!("return document.querySelector(\"{problems}\") !== null && document.querySelectorAll(\"{problems} .field\").length === 0 && typing.size === 0", problems = problems.replace('"', "\\\"")),
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

/// Clicks the element `css` names, once it is there, scrolled to the
/// middle of the window as a person would (not under the sticky bars).
async fn click(client: &Client, css: &str) {
    let element = client
        .wait()
        .at_most(Duration::from_secs(30))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"));
    let arg = serde_json::to_value(&element).unwrap();
    let in_tools = client
        .execute(
            "arguments[0].scrollIntoView({block: 'center'}); return arguments[0].closest('.line > .tools') !== null",
            vec![arg],
        )
        .await
        .unwrap();
    // A line's tools take clicks once the mouse is over the line.
    if in_tools == json!(true) {
        use fantoccini::actions::{InputSource, MouseActions, PointerAction};
        let line = element
            .find(Locator::XPath(
                "ancestor::*[contains(concat(' ', @class, ' '), ' line ')][1]",
            ))
            .await
            .unwrap();
        let hover = MouseActions::new("mouse".to_string()).then(PointerAction::MoveToElement {
            element: line,
            duration: None,
            x: 0.0,
            y: 0.0,
        });
        client.perform_actions(hover).await.unwrap();
    }
    element.click().await.unwrap();
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
    // And the page says so, since the browser may not.
    until(
        &client,
        "the download said",
        &format!(
            "return document.getElementById('status').textContent === {}",
            json!(format!("已下载“{title}.pdf”（在浏览器的下载文件夹中）"))
        ),
        Duration::from_secs(30),
    )
    .await;

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
            "某某学院工会2021年工作总结及2022年工作计划.yaml"
        ]
    );
    let this_year =
        std::fs::read_to_string(folder.join("某某学院工会2021年工作总结及2022年工作计划.yaml"))
            .unwrap();
    assert!(this_year.contains("fulfils: plan-2"), "{this_year}");
}

/// The seed served and opened at 1280×720, its seven pages shown.
async fn open_seed(dir: &tempfile::TempDir) -> ((Running, Running), Client, PathBuf, String) {
    opened(dir, "inputs/2020.yaml", 7).await
}

/// A repository input served and opened at 1280×720, once its `pages`
/// pages are shown and the page is idle; with the file's text.
async fn opened(
    dir: &tempfile::TempDir,
    fixture: &str,
    pages: usize,
) -> ((Running, Running), Client, PathBuf, String) {
    let (page, client, input) = open(dir, fixture).await;
    client.set_window_size(1280, 720).await.unwrap();
    until(
        &client,
        "the pages",
        &format!(
            "return document.querySelectorAll('img.page').length === {pages} && pending === 0"
        ),
        Duration::from_secs(60),
    )
    .await;
    let original = std::fs::read_to_string(&input).unwrap();
    (page, client, input, original)
}

/// The value of a script's expression.
async fn value(client: &Client, script: &str) -> serde_json::Value {
    client
        .execute(&format!("return {script}"), Vec::new())
        .await
        .unwrap()
}

/// The draft the page holds (the file as it would be saved).
async fn draft(client: &Client) -> String {
    value(client, "state.files[0].yaml")
        .await
        .as_str()
        .unwrap()
        .to_string()
}

/// Waits until the page is idle (no typing waiting, no edit or check
/// queued) and its draft is `expected`.
async fn draft_is(client: &Client, what: &str, expected: &str) {
    let script = format!(
        "typing.size === 0 && pending === 0 && state.files[0].yaml === {}",
        json!(expected)
    );
    let started = Instant::now();
    loop {
        if value(client, &script).await == json!(true) {
            return;
        }
        if started.elapsed() > Duration::from_secs(30) {
            assert_eq!(draft(client).await, expected, "{what}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// The document as the page shows it: its numbers, in reading order.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromium-driver (apt-get install chromium chromium-driver)"]
async fn the_page_shows_the_document_with_its_printed_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let (_page, client, _, _) = open_seed(&dir).await;
    // Every number beside a text, in the order of the page, as the engine
    // prints them in the Markdown: 一、 then （一） 一是 二是 …
    let numbers = value(
        &client,
        "[...document.querySelectorAll('#doc .num')].map(n => n.textContent).filter(Boolean).join(' ')",
    )
    .await;
    assert_eq!(
        numbers,
        "一、 （一） 一是 二是 （二） 一是 二是 三是 （三） 一是 二是 三是 四是 （四） 一是 二是 三是 四是 （五） 一是 二是 三是 四是 五是 二、 1. 2. 3. 三、 （一） （二） （三） （四） （五）"
    );
    // A placeholder's hint says what to do on the page, not in YAML.
    let hint = value(
        &client,
        "[...document.querySelectorAll('.diag[data-code=W0103]')].map(d => d.textContent)",
    )
    .await;
    let hints = hint.as_array().unwrap();
    assert!(!hints.is_empty());
    for hint in hints {
        assert_eq!(
            hint,
            "W0103 总结第1节第2条留有占位文字“（统计具体数字）” — 换成实际内容；是统计数字的，写出数字和单位（如 25户），选中后点“设为统计数字”"
        );
    }
    // The parts' headings as printed; the plan's items by their titles; no
    // YAML key or id in sight (on hover only).
    let text = value(&client, "document.getElementById('doc').innerText").await;
    let text = text.as_str().unwrap();
    for shown in [
        "2020年工作总结",
        "存在的问题",
        "2021年主要工作",
        "广东邮电职业技术学院学院工会2020年工作总结及2021年工作计划",
    ] {
        let found = value(
            &client,
            &format!(
                "[...document.querySelectorAll('#doc .part-heading, #doc textarea')].some(e => (e.textContent || e.placeholder) === {})",
                json!(shown)
            ),
        )
        .await;
        assert_eq!(found, json!(true), "{shown} not shown");
    }
    for hidden in [
        "self-building",
        "plan-",
        "summary",
        "points",
        "sections",
        "hardship_visits",
    ] {
        assert!(!text.contains(hidden), "{hidden} shown: {text}");
    }
    // The meta in one compact header, the language a choice.
    let head = value(
        &client,
        "[...document.querySelectorAll('.head select')].map(s => s.name).join(' ')",
    )
    .await;
    assert_eq!(
        head,
        r#"["meta","half"] ["meta","lang"] ["document","kind"]"#
    );
    let shot = screenshot(&client, "serve-document.png").await;
    client.set_window_size(1440, 900).await.unwrap();
    let wide = screenshot(&client, "serve-document-1440.png").await;
    client.close().await.unwrap();
    eprintln!("screenshots: {} {}", shot.display(), wide.display());
}

/// The secretary's task: a point with the figure "慰问困难职工25户" added to
/// section （二）, the figure made a count, and saved, in four actions:
/// ＋ 添加一条, type, 设为统计数字, 保存. Then a count renamed (its references
/// follow), a reference typed with a Chinese input method's ｛｝, and undone.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromium-driver (apt-get install chromium chromium-driver)"]
async fn a_point_with_a_figure_is_added_to_section_two_in_four_actions() {
    let dir = tempfile::tempdir().unwrap();
    let (_page, client, input, original) = open_seed(&dir).await;
    let long = Duration::from_secs(30);
    let started = Instant::now();
    // 1: "＋ 添加一条" after the last point of （二）.
    let adds = client
        .find_all(Locator::Css(
            r#".section[data-path='["summary","sections",1]'] > button[data-tool=add]"#,
        ))
        .await
        .unwrap();
    assert_eq!(adds.len(), 3);
    adds[2].click().await.unwrap();
    // 2: typed into the new point, which has the focus.
    type_when_focused(
        &client,
        "the new point focused",
        r#"["summary","sections",1,"points",3]"#,
        "慰问困难职工25户。",
    )
    .await;
    // 3: "设为统计数字：25户", offered for the text being typed.
    click(&client, "#figures button[data-figure='25户']").await;
    until(
        &client,
        "the point in the preview with its number",
        &preview_shows("四是慰问困难职工25户。"),
        long,
    )
    .await;
    let shot = screenshot(&client, "serve-task.png").await;
    // 4: 保存.
    save(&client, "serve-task-saved.png").await;
    eprintln!(
        "the task: 4 actions, {:?} from the first click to 已保存 (debug build, typing at machine speed)",
        started.elapsed()
    );
    let point = "        - 坚持价值引领";
    let at = original.find(point).unwrap();
    let after = at + original[at..].find('\n').unwrap() + 1;
    let mut expected = original.clone();
    expected.insert_str(after, "        - 慰问困难职工{慰问困难职工}。\n");
    expected = expected.replace(
        "  publicity_articles: { value: 9, unit: 篇, label: 宣传稿件 }\n",
        "  publicity_articles: { value: 9, unit: 篇, label: 宣传稿件 }\n  慰问困难职工: { value: 25, unit: 户, label: 慰问困难职工 }\n",
    );
    assert_eq!(std::fs::read_to_string(&input).unwrap(), expected);

    // A count renamed among the counts: every reference follows.
    click(&client, "details[data-fold=counts] > summary").await;
    let name = client
        .find(Locator::Css("input.count-name[data-count=birthday_visits]"))
        .await
        .unwrap();
    name.clear().await.unwrap();
    name.send_keys("生日慰问\u{e007}").await.unwrap();
    let renamed = expected
        .replace("  birthday_visits: {", "  生日慰问: {")
        .replace("{birthday_visits}", "{生日慰问}");
    draft_is(&client, "the count renamed", &renamed).await;
    // A count in use: its delete says what it would break; refused.
    click(
        &client,
        r#".count-row[data-path='["counts","生日慰问"]'] .tools button[data-tool=remove]"#,
    )
    .await;
    assert_eq!(
        client.get_alert_text().await.unwrap(),
        "删除统计数字“生日慰问 411人”？正文中有 1 处引用它，删除后这些地方会报错。（可以撤销）"
    );
    client.dismiss_alert().await.unwrap();
    until(&client, "the picker", "return [...document.querySelectorAll('#picker option')].some(o => o.value === '{生日慰问}' && o.textContent === '生日慰问 411人')", long).await;
    // ｛生日慰问｝ as a Chinese input method types it: read as the reference.
    let opening = field(&client, json!(["opening"])).await;
    opening.send_keys("共慰问｛生日慰问｝。").await.unwrap();
    until(
        &client,
        "the figure in the preview",
        &preview_shows("共慰问411人。"),
        long,
    )
    .await;
    // Undone, both: the file is the saved one again.
    click(&client, "#undo").await;
    draft_is(&client, "the typing undone", &renamed).await;
    click(&client, "#undo").await;
    draft_is(&client, "the rename undone", &expected).await;
    client.close().await.unwrap();
    eprintln!("screenshot: {}", shot.display());
}

/// A section added at the end of part 一: its button says 添加一节, while the
/// one in a section says it adds a subsection under that section's number
/// (a secretary took it for the next section); the title and point typed
/// print as （六） and 一是, and the file saved holds the section whole.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromium-driver (apt-get install chromium chromium-driver)"]
async fn a_section_is_added_to_part_one() {
    let dir = tempfile::tempdir().unwrap();
    let (_page, client, input, original) = open_seed(&dir).await;
    let long = Duration::from_secs(30);
    let inner = value(
        &client,
        r#"[...document.querySelectorAll('.section[data-path=\'["summary","sections",1]\'] > .adds button')].map(b => b.textContent)"#,
    )
    .await;
    assert_eq!(inner, json!(["＋ 在（二）下添加小节", "＋ 添加表格"]));
    // 1: "＋ 添加一节" at the end of part 一.
    click(
        &client,
        r#".part[data-path='["summary"]'] > .adds button[data-add=section]"#,
    )
    .await;
    // 2: the title typed where it prints, 3: the point typed.
    let title = field(&client, json!(["summary", "sections", 5, "title"])).await;
    title.send_keys("加强工会经费管理").await.unwrap();
    let point = field(&client, json!(["summary", "sections", 5, "points", 0])).await;
    point.send_keys("规范经费使用。").await.unwrap();
    until(
        &client,
        "the section in the preview with its numbers",
        &preview_shows("（六）加强工会经费管理"),
        long,
    )
    .await;
    until(
        &client,
        "its point",
        &preview_shows("一是规范经费使用。"),
        long,
    )
    .await;
    // 4: 保存.
    save(&client, "serve-section-saved.png").await;
    // After the last point of （五）, before the blank line and the comment
    // that stand before problems:.
    let last = original.find("        - 关爱女职工。").unwrap();
    let end = last + original[last..].find('\n').unwrap() + 1;
    let mut expected = original.clone();
    expected.insert_str(
        end,
        "    - title: 加强工会经费管理\n      points:\n        - 规范经费使用。\n",
    );
    assert_eq!(std::fs::read_to_string(&input).unwrap(), expected);
    client.close().await.unwrap();
}

/// Deleting asks first; undo and redo (buttons and Ctrl+Z / Ctrl+Shift+Z)
/// take back every change, typing and saves included.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromium-driver (apt-get install chromium chromium-driver)"]
async fn every_change_is_undone_and_redone() {
    let dir = tempfile::tempdir().unwrap();
    let (_page, client, input, original) = open_seed(&dir).await;
    let fifth = r#".section[data-path='["summary","sections",4]']"#;
    let without_fifth = {
        let start = original.find("    - title: 强化自身建设").unwrap();
        // The section's lines; the blank line after it stays.
        let end = original
            .find("\n\n# Listed without end punctuation")
            .unwrap()
            + 1;
        format!("{}{}", &original[..start], &original[end..])
    };
    // A delete asks; refused, nothing changes.
    click(
        &client,
        &format!("{fifth} > .line > .tools button[data-tool=remove]"),
    )
    .await;
    let asked = client.get_alert_text().await.unwrap();
    assert_eq!(
        asked,
        "删除这一节“强化自身建设，提高工会履职水平”及其中的全部内容？（可以撤销）"
    );
    client.dismiss_alert().await.unwrap();
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert_eq!(draft(&client).await, original);
    // Accepted: the section is gone, and saved so.
    click(
        &client,
        &format!("{fifth} > .line > .tools button[data-tool=remove]"),
    )
    .await;
    client.accept_alert().await.unwrap();
    draft_is(&client, "the section removed", &without_fifth).await;
    saved_is(&client, "serve-removed.png", &input, &without_fifth).await;
    // 撤销: back, the save too.
    click(&client, "#undo").await;
    draft_is(&client, "the delete undone", &original).await;
    saved_is(&client, "serve-undone.png", &input, &original).await;
    // 重做 and 撤销 again.
    click(&client, "#redo").await;
    draft_is(&client, "the delete redone", &without_fifth).await;
    click(&client, "#undo").await;
    draft_is(&client, "the delete undone again", &original).await;
    // Typing, one step a pause; Ctrl+Z and Ctrl+Shift+Z.
    let name = json!(["meta", "organisation"]);
    let organisation = field(&client, name.clone()).await;
    organisation.send_keys("总").await.unwrap();
    let typed = original.replacen("学院工会\n", "学院工会总\n", 1);
    draft_is(&client, "the typing", &typed).await;
    organisation.send_keys("\u{e009}z\u{e000}").await.unwrap();
    draft_is(&client, "Ctrl+Z", &original).await;
    // Redrawn, the field keeps the focus.
    let focused = client.active_element().await.unwrap();
    assert_eq!(focused.attr("name").await.unwrap(), Some(name.to_string()));
    focused
        .send_keys("\u{e009}\u{e008}z\u{e000}")
        .await
        .unwrap();
    draft_is(&client, "Ctrl+Shift+Z", &typed).await;
    click(&client, "#redo").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(
        value(&client, "document.getElementById('redo').disabled").await,
        json!(true)
    );
    // Undone back to the start: the file is what it was.
    click(&client, "#undo").await;
    draft_is(&client, "undo of the typing", &original).await;
    saved_is(&client, "serve-redone.png", &input, &original).await;
    client.close().await.unwrap();
}

/// Add anything: a plan's item copied gets an id of its own (no E0606);
/// the last problem removed and a new one added; a part, a table's row
/// and column, a count, an attachment; each step's draft checked whole.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromium-driver (apt-get install chromium chromium-driver)"]
async fn anything_is_added_and_a_copied_plan_keeps_no_id() {
    let dir = tempfile::tempdir().unwrap();
    let (_page, client, input, original) = open_seed(&dir).await;
    let long = Duration::from_secs(30);
    // 复制 a plan's item: a fresh id, hidden; no diagnostic about it.
    click(
        &client,
        r#".item[data-path='["plans","sections",4]'] .tools button[data-tool=copy]"#,
    )
    .await;
    let plan = "    - id: self-building\n      title: 守正创新，加强工会自身建设\n";
    let start = original.find(plan).unwrap();
    let copied_plan = original[start..].replace("id: self-building", "id: self-building-2");
    let copied = format!("{}{}", original, copied_plan);
    draft_is(&client, "the copied plan", &copied).await;
    until(&client, "the check", "return typing.size === 0 && !state.diagnostics.some(d => d.code === 'E0606') && document.querySelectorAll('.item').length === 6", long).await;
    assert_eq!(
        value(&client, r#"document.querySelector(`.item[data-path='["plans","sections",5]'] .num`).textContent"#).await,
        "（六）"
    );
    // The three problems removed: an empty list, added to again.
    let mut expected = copied.clone();
    for _ in 0..3 {
        click(
            &client,
            r#".part[data-path='["problems"]'] .tools button[data-tool=remove]"#,
        )
        .await;
        until(
            &client,
            "one problem fewer",
            "return typing.size === 0",
            long,
        )
        .await;
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let problems = "problems:\n  - 学校职代会日常工作还需进一步增强\n  - 推进依法治校，参与学校民主管理的方式和渠道还需进一步拓展\n  - 疫情常态化后教职工活动的方式还没有更多的办法\n";
    expected = expected.replace(problems, "problems: []\n");
    draft_is(&client, "the problems removed", &expected).await;
    click(
        &client,
        r#".part[data-path='["problems"]'] button[data-tool=add]"#,
    )
    .await;
    type_when_focused(
        &client,
        "the new problem focused",
        r#"["problems",0]"#,
        "服务阵地还需拓展",
    )
    .await;
    expected = expected.replace("problems: []\n", "problems:\n  - 服务阵地还需拓展\n");
    draft_is(&client, "the new problem", &expected).await;
    // A table in section （一）: a row and a column added, a cell typed.
    click(
        &client,
        r#".section[data-path='["summary","sections",0]'] > .adds button[data-add=table]"#,
    )
    .await;
    let table = r#".table[data-path='["summary","sections",0,"body",0,"table"]']"#;
    click(&client, &format!("{table} .adds button[data-add=row]")).await;
    until(
        &client,
        "the row",
        &format!(
            "return document.querySelectorAll(\"{} tr\").length === 3",
            table.replace('"', "\\\"")
        ),
        long,
    )
    .await;
    click(&client, &format!("{table} .adds button[data-add=column]")).await;
    until(
        &client,
        "the column",
        &format!(
            "return document.querySelectorAll(\"{} th\").length === 3",
            table.replace('"', "\\\"")
        ),
        long,
    )
    .await;
    field(
        &client,
        json!(["summary", "sections", 0, "body", 0, "table", "header", 0]),
    )
    .await
    .send_keys("项目")
    .await
    .unwrap();
    let section_one_end = "坚决听党话、跟党走。\n";
    let points_end = expected.find(section_one_end).unwrap();
    let second_point_end = points_end + section_one_end.len();
    let second_point_end = second_point_end + expected[second_point_end..].find('\n').unwrap() + 1;
    expected.insert_str(
        second_point_end,
        "      body:\n        - table:\n            header:\n              - 项目\n              - \"\"\n              - \"\"\n            rows:\n              - - \"\"\n                - \"\"\n                - \"\"\n              - - \"\"\n                - \"\"\n                - \"\"\n",
    );
    draft_is(&client, "the table", &expected).await;
    screenshot(&client, "serve-added-table.png").await;
    saved_is(&client, "serve-added-saved.png", &input, &expected).await;
    client.close().await.unwrap();
}

/// Errors you cannot miss: first in the list, each leading to its field;
/// the preview marked while they last, at every scroll; a download refused
/// with the reason or the last good version named so; a save allowed and
/// said to be a draft.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromium-driver (apt-get install chromium chromium-driver)"]
async fn errors_are_listed_first_marked_on_the_preview_and_stop_downloads() {
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("profile");
    let (_page, client, input, original) = open_seed(&dir).await;
    let long = Duration::from_secs(30);
    click(&client, "details[data-fold=counts] > summary").await;
    retype(&client, json!(["counts", "hardship_visits", "value"]), "-5").await;
    until(
        &client,
        "the error",
        "return !document.getElementById('stale').hidden && state.errors === 1",
        long,
    )
    .await;
    let status = value(&client, "document.getElementById('status').textContent").await;
    let warnings = value(&client, "state.diagnostics.length - 1").await;
    assert_eq!(
        status,
        format!("未保存的修改 · 1 处错误，{warnings} 处警告")
    );
    assert_eq!(
        value(
            &client,
            "document.querySelector('#list .diag').dataset.code"
        )
        .await,
        "E0608"
    );
    assert_eq!(
        value(&client, "document.getElementById('stale').textContent").await,
        "文档有 1 处错误：预览是上一次无误的版本。点右上方列出的错误，可跳到出错的地方。"
    );
    // The preview scrolled to its end: the mark still in sight, every page marked.
    client
        .execute(
            "document.getElementById('preview').scrollTop = 1e6",
            Vec::new(),
        )
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(
        value(&client, "(() => { const s = document.getElementById('stale').getBoundingClientRect(); return s.top >= 0 && s.bottom <= innerHeight && s.height > 0; })()").await,
        json!(true)
    );
    assert_eq!(
        value(
            &client,
            "getComputedStyle(document.querySelector('#pages .page'), '::after').content"
        )
        .await,
        "\"有错误：这是上一次无误的版本\""
    );
    // The document stays in view: the list beside it, not above it.
    assert_eq!(
        value(
            &client,
            "document.getElementById('doc').getBoundingClientRect().top < 120"
        )
        .await,
        json!(true)
    );
    let shot = screenshot(&client, "serve-errors.png").await;
    // The error clicked: its field focused.
    client
        .execute(
            "document.getElementById('doc').querySelector('textarea').focus(); scrollTo(0, 3000)",
            Vec::new(),
        )
        .await
        .unwrap();
    click(&client, "#list .diag.error").await;
    until(
        &client,
        "the field focused",
        r#"return document.activeElement.name === '["counts","hardship_visits","value"]'"#,
        long,
    )
    .await;
    // A download: refused with the reason, or the last good version.
    click(&client, "#dl-pdf").await;
    assert_eq!(
        client.get_alert_text().await.unwrap(),
        "文档有 1 处错误，当前版本不能下载。\n要下载上一次无误的版本吗？"
    );
    client.dismiss_alert().await.unwrap();
    until(&client, "the refusal", "return document.getElementById('status').textContent === '没有下载：文档有 1 处错误，请先改正（见右侧的检查结果）'", long).await;
    click(&client, "#dl-pdf").await;
    client.accept_alert().await.unwrap();
    let pdf = downloaded(
        &profile,
        "广东邮电职业技术学院学院工会2020年工作总结及2021年工作计划（上一次无误的版本）.pdf",
    );
    assert!(pdf.starts_with(b"%PDF-"));
    // Saved with the error: allowed, and said.
    click(&client, "#save").await;
    until(&client, "the save", "return document.getElementById('status').textContent === '已保存（文档还有 1 处错误，这是草稿）'", long).await;
    assert_eq!(
        std::fs::read_to_string(&input).unwrap(),
        original.replace("{ value: 4, unit: 名", "{ value: -5, unit: 名")
    );
    client.close().await.unwrap();
    eprintln!("screenshot: {}", shot.display());
}

/// A click on the preview focuses the text it shows.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromium-driver (apt-get install chromium chromium-driver)"]
async fn a_click_on_the_preview_focuses_its_text() {
    let dir = tempfile::tempdir().unwrap();
    let (_page, client, _, _) = open_seed(&dir).await;
    for (probe, name) in [
        (
            "持续完善“爱心妈妈小屋”建设",
            r#"["summary","sections",2,"points",2]"#,
        ),
        (
            "积极发挥民主管理监督作用",
            r#"["summary","sections",3,"title"]"#,
        ),
        ("疫情常态化后教职工活动的方式", r#"["problems",2]"#),
    ] {
        let script = format!(
            r#"const probe = {probe};
            const page = state.pages.findIndex(p => p.lines.some(l => l[1].includes(probe)));
            const line = state.pages[page].lines.find(l => l[1].includes(probe));
            const img = document.querySelectorAll('#pages img')[page];
            img.scrollIntoView();
            const r = img.getBoundingClientRect();
            img.dispatchEvent(new MouseEvent('click', {{ bubbles: true, clientX: r.left + r.width / 2, clientY: r.top + line[0] * r.height - 4 }}));
            return document.activeElement.name;"#,
            probe = json!(probe)
        );
        let focused = client.execute(&script, Vec::new()).await.unwrap();
        assert_eq!(focused, name, "{probe}");
    }
    client.close().await.unwrap();
}

/// No English sentence reaches a Chinese document's user: the page's visible
/// strings (text, titles, placeholders, choices) and the messages of every
/// request, for the seed, an edit error, a YAML error and a save conflict.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromium-driver (apt-get install chromium chromium-driver)"]
async fn a_chinese_document_shows_no_english_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let (_page, client, input, original) = open_seed(&dir).await;
    let long = Duration::from_secs(30);
    let visible = r#"return [document.body.innerText,
        ...[...document.querySelectorAll('[title]')].map(e => e.title),
        ...[...document.querySelectorAll('[placeholder]')].map(e => e.placeholder),
        ...[...document.querySelectorAll('option')].filter(e => e.parentElement.offsetParent !== null).map(e => e.textContent),
        ...[...document.querySelectorAll('img')].map(e => e.alt)].join('\n')"#;
    // Hover titles name YAML paths; those are not sentences.
    let visible = visible.replace(
        "...[...document.querySelectorAll('[title]')].map(e => e.title)",
        "...[...document.querySelectorAll('[title]:not([name]):not([data-path])')].map(e => e.title)",
    );
    let mut seen = Vec::new();
    let mut look = |what: &str, text: String| seen.push((what.to_string(), text));
    for fold in ["counts", "document", "activities"] {
        click(&client, &format!("details[data-fold={fold}] > summary")).await;
    }
    look(
        "the seed",
        client
            .execute(&visible, Vec::new())
            .await
            .unwrap()
            .to_string(),
    );
    // Every request's messages, asked as the page asks them.
    let broken = original.replacen("  year: 2020", "\tyear: 2020", 1);
    let requests = json!([
        ["GET", "/api/file", null],
        ["GET", "/api/version", null],
        ["GET", "/api/start", null],
        ["POST", "/api/check", {"drafts": [original], "file": 0}],
        ["POST", "/api/check", {"drafts": [broken], "file": 0}],
        ["POST", "/api/check", {"drafts": [original.replace("value: 4,", "value: 411人,")], "file": 0}],
        ["POST", "/api/edit", {"yaml": original, "edit": {"op": "set", "path": ["summary"], "value": "x"}}],
        ["POST", "/api/edit", {"yaml": original, "edit": {"op": "remove", "path": ["nothing", 3]}}],
        ["POST", "/api/edit", {"yaml": original, "edit": {"op": "rename", "path": ["meta", "year"], "key": "date"}}],
        ["POST", "/api/edit", {"yaml": original, "edit": {"op": "add", "path": ["meta", "year"], "value": "x"}}],
        ["POST", "/api/edit", {"yaml": broken, "edit": {"op": "set", "path": ["opening"], "value": "x"}}],
        ["POST", "/api/preview", {"drafts": [broken]}],
        ["POST", "/api/preview", {"drafts": [original.replace("value: 4,", "value: -4,")]}],
        ["POST", "/api/download", {"drafts": [broken], "format": "pdf"}],
        ["POST", "/api/download", {"drafts": [original.replace("value: 4,", "value: -4,")], "format": "pdf"}],
        ["POST", "/api/download", {"drafts": [original], "format": "odt"}],
        ["POST", "/api/save", {"file": 0, "yaml": original, "base": "0000"}],
        ["POST", "/api/save", {"file": 3, "yaml": original, "base": "0000"}],
        ["GET", "/api/file?input=../etc", null],
        ["GET", "/api/file?input=none.yaml", null],
    ]);
    let answers = client
        .execute_async(
            r#"const [requests, done] = arguments;
            (async () => {
              const out = [];
              for (const [method, path, body] of requests) {
                const r = await fetch(path, method === 'GET' ? {} : { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
                const type = r.headers.get('Content-Type') || '';
                out.push([method + ' ' + path + ' ' + r.status, type.startsWith('application/json') || type.startsWith('text') ? await r.text() : '']);
              }
              return out;
            })().then(done, (e) => done(String(e)));"#,
            vec![requests],
        )
        .await
        .unwrap();
    for answer in answers.as_array().unwrap() {
        let what = answer[0].as_str().unwrap();
        let body = answer[1].as_str().unwrap();
        let messages = match serde_json::from_str::<serde_json::Value>(body) {
            Ok(json) => messages(&json),
            Err(_) => body.to_string(),
        };
        look(what, messages);
    }
    // The page with a YAML error typed, then an edit refused.
    click(&client, "#tab-yaml").await;
    let yaml = client.find(Locator::Id("yaml")).await.unwrap();
    client
        .execute("const y = document.getElementById('yaml'); y.value = y.value.replace('  year: 2020', '\\tyear: 2020'); y.dispatchEvent(new Event('input'))", Vec::new())
        .await
        .unwrap();
    let _ = yaml;
    until(
        &client,
        "the YAML error",
        "return document.querySelector('#list .diag.error') !== null",
        long,
    )
    .await;
    look(
        "a YAML error",
        client
            .execute(&visible, Vec::new())
            .await
            .unwrap()
            .to_string(),
    );
    click(&client, "#tab-form").await;
    client
        .execute(
            "mutate({op: 'set', path: ['opening'], value: 'x'})",
            Vec::new(),
        )
        .await
        .unwrap();
    until(
        &client,
        "the edit refused",
        "return document.getElementById('status').textContent.startsWith('YAML')",
        long,
    )
    .await;
    look(
        "an edit error",
        client
            .execute(&visible, Vec::new())
            .await
            .unwrap()
            .to_string(),
    );
    // A save conflict: the file changed by another program under the page.
    click(&client, "#undo").await;
    draft_is(&client, "the YAML undone", &original).await;
    field(&client, json!(["opening"]))
        .await
        .send_keys("。")
        .await
        .unwrap();
    until(
        &client,
        "the edit",
        "return typing.size === 0 && pending === 0 && state.files[0].yaml !== state.files[0].saved",
        long,
    )
    .await;
    std::fs::write(&input, original.replace("学校工会办", "工会办")).unwrap();
    until(
        &client,
        "the change seen",
        "return document.getElementById('banner').style.display === 'block'",
        long,
    )
    .await;
    click(&client, "#save").await;
    until(
        &client,
        "the conflict",
        "return document.getElementById('status').textContent.startsWith('保存失败')",
        long,
    )
    .await;
    look(
        "a save conflict",
        client
            .execute(&visible, Vec::new())
            .await
            .unwrap()
            .to_string(),
    );
    screenshot(&client, "serve-conflict.png").await;
    client.close().await.unwrap();

    let leaks: Vec<String> = seen
        .iter()
        .flat_map(|(what, text)| {
            english_sentences(text)
                .into_iter()
                .map(move |s| format!("{what}: {s}"))
        })
        .collect();
    assert!(leaks.is_empty(), "English shown:\n{}", leaks.join("\n"));
}

/// The messages of an answer: every string under a key a person reads.
fn messages(json: &serde_json::Value) -> String {
    let mut out = Vec::new();
    fn walk(v: &serde_json::Value, key: &str, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(m) => m.iter().for_each(|(k, v)| walk(v, k, out)),
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, key, out)),
            serde_json::Value::String(s)
                if [
                    "error", "message", "hint", "found", "title", "heading", "notes",
                ]
                .contains(&key) =>
            {
                out.push(s.clone());
            }
            _ => {}
        }
    }
    walk(json, "", &mut out);
    out.join("\n")
}

/// Runs of two or more English words, after what may stand in a Chinese
/// text: codes (E0101), YAML in backticks, names of formats and programs.
fn english_sentences(text: &str) -> Vec<String> {
    let text = text.replace("\\n", "\n");
    let mut cleaned = String::new();
    let mut in_code = false;
    for c in text.chars() {
        if c == '`' {
            in_code = !in_code;
            cleaned.push(' ');
        } else if !in_code {
            cleaned.push(c);
        }
    }
    let allowed = [
        "PDF", "DOCX", "YAML", "Markdown", "nianbao", "English", "Word", "WPS",
    ];
    let mut found = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let flush = |run: &mut Vec<&str>, found: &mut Vec<String>| {
        let words: Vec<&str> = run
            .iter()
            .copied()
            .filter(|w| !allowed.contains(w))
            .collect();
        if words.len() >= 2 {
            found.push(run.join(" "));
        }
        run.clear();
    };
    for token in cleaned.split(|c: char| {
        !(c.is_ascii_alphanumeric()
            || c == '\''
            || c == ' '
            || c == ','
            || c == '-'
            || c == '.'
            || c == '_')
    }) {
        for word in token.split([' ', ',']) {
            let word = word.trim_matches(['.', '-', '\'']);
            let is_word = word.len() >= 2
                && word.chars().all(|c| c.is_ascii_alphabetic() || c == '\'')
                && !word.contains('_');
            if is_word {
                run.push(word);
            } else if !word.is_empty() {
                flush(&mut run, &mut found);
            }
        }
        flush(&mut run, &mut found);
    }
    found
}

/// "＋ 添加一部分" with its role, in a document of `parts:`: the part is
/// written at the end of `parts:`, numbered by the engine, its heading
/// typed where it prints; deleting it asks first.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromium-driver (apt-get install chromium chromium-driver)"]
async fn a_part_is_added_with_its_role() {
    let dir = tempfile::tempdir().unwrap();
    let (_page, client, input, original) = opened(&dir, "inputs/township-2021.yaml", 2).await;
    let long = Duration::from_secs(30);
    client
        .find(Locator::Css("select[data-tool=add-part]"))
        .await
        .unwrap()
        .select_by_value("other")
        .await
        .unwrap();
    type_when_focused(
        &client,
        "the new heading focused",
        r#"["parts",4,"heading"]"#,
        "其他工作",
    )
    .await;
    let added =
        format!("{original}  - role: other\n    heading: 其他工作\n    points:\n      - \"\"\n");
    draft_is(&client, "the new part", &added).await;
    // Numbered once it has a heading (a part without one takes no number).
    until(&client, "its number", r#"return document.querySelector(`.part[data-path='["parts",4]'] .num`).textContent === '五、'"#, long).await;
    saved_is(&client, "serve-part-added.png", &input, &added).await;
    click(
        &client,
        r#".part[data-path='["parts",4]'] > .line .tools button[data-tool=remove]"#,
    )
    .await;
    assert_eq!(
        client.get_alert_text().await.unwrap(),
        "删除这一部分“其他工作”及其中的全部内容？（可以撤销）"
    );
    client.accept_alert().await.unwrap();
    draft_is(&client, "the part removed", &original).await;
    client.close().await.unwrap();
}

/// A folder input opens on its report; a group's file shows its activities.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromium-driver (apt-get install chromium chromium-driver)"]
async fn a_folder_input_opens_on_its_report() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("2021");
    std::fs::create_dir(&folder).unwrap();
    for entry in std::fs::read_dir(repo().join("inputs/2021")).unwrap() {
        let entry = entry.unwrap().path();
        std::fs::copy(&entry, folder.join(entry.file_name().unwrap())).unwrap();
    }
    let (_server, url) = serve(&folder);
    let (_driver, client) = browser(&dir.path().join("profile")).await;
    client.goto(&url).await.unwrap();
    let long = Duration::from_secs(30);
    until(&client, "the report's document", "return document.querySelector('#files [aria-selected=true]')?.textContent === 'report.yaml' && document.querySelector('.head') !== null", long).await;
    click(&client, "#files button[data-file='0']").await;
    until(&client, "the group's activities", "return document.querySelector('.head') === null && document.querySelector('details[data-fold=activities]').open && document.querySelectorAll('details[data-fold=activities] tr').length > 1", long).await;
    client.close().await.unwrap();
}

/// An English document gets the editor in English: its words, its numbers.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromium-driver (apt-get install chromium chromium-driver)"]
async fn an_english_document_gets_the_editor_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let (_page, client, input, original) = opened(&dir, "inputs/club-2023-en.yaml", 1).await;
    let long = Duration::from_secs(30);
    assert_eq!(
        value(&client, "document.getElementById('status').textContent").await,
        "No errors"
    );
    assert_eq!(
        value(&client, "[...document.querySelectorAll('#doc .part > .line:first-child .num')].map(n => n.textContent).join(' ')").await,
        "1. 2. 3. 4."
    );
    assert_eq!(
        value(
            &client,
            "document.querySelector('#doc button[data-add=point]').textContent"
        )
        .await,
        "+ Add a point"
    );
    assert_eq!(
        value(&client, "document.getElementById('undo').textContent").await,
        "Undo"
    );
    // A point added and typed: the file has it, nothing else changed.
    click(
        &client,
        r#".part[data-path='["parts",0]'] > button[data-tool=add]"#,
    )
    .await;
    type_when_focused(
        &client,
        "the new point focused",
        r#"["parts",0,"points",1]"#,
        "Two new walks were mapped.",
    )
    .await;
    let first = "      - The club ended the year with {members}, including {new_members}.\n";
    let expected = original.replacen(
        first,
        &format!("{first}      - Two new walks were mapped.\n"),
        1,
    );
    draft_is(&client, "the new point", &expected).await;
    until(
        &client,
        "the point in the preview",
        &preview_shows("Two new walks were mapped."),
        long,
    )
    .await;
    screenshot(&client, "serve-english.png").await;
    // Saved: the status in English, the file whole.
    click(&client, "#save").await;
    until(
        &client,
        "the save",
        "return document.getElementById('status').textContent === 'Saved'",
        long,
    )
    .await;
    assert_eq!(std::fs::read_to_string(&input).unwrap(), expected);
    client.close().await.unwrap();
}

/// A 联合行文's signatures on the page: a row each (name and seal) in the
/// 公文's elements; ＋ 添加署名 adds the next organ, whose name is typed and
/// whose seal is chosen on this computer (a file that is no image refused);
/// the image is copied beside the input, and the file on disk is the
/// original with that organ added.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromium-driver (apt-get install chromium chromium-driver)"]
async fn a_third_organ_signs_under_its_seal() {
    let dir = tempfile::tempdir().unwrap();
    for seal in ["seal-example.svg", "seal-finance.svg"] {
        std::fs::copy(repo().join("inputs").join(seal), dir.path().join(seal)).unwrap();
    }
    let (_page, client, input, original) = opened(&dir, "inputs/joint-notice-2022.yaml", 2).await;
    let long = Duration::from_secs(30);
    click(&client, "details[data-fold=document] > summary").await;
    let rows = value(
        &client,
        "[...document.querySelectorAll('.signature')].map(r => [...r.querySelectorAll('input:not([type=file])')].map(i => i.value + '|' + i.placeholder))",
    )
    .await;
    assert_eq!(
        rows,
        json!([
            [
                "某某县统计局|署名（机关名称或签发人职务）",
                "seal-example.svg|印章"
            ],
            [
                "某某县财政局|署名（机关名称或签发人职务）",
                "seal-finance.svg|印章"
            ]
        ])
    );
    click(&client, "button[data-add=signature]").await;
    type_when_focused(
        &client,
        "the new name focused",
        r#"["document","signatures",2,"name"]"#,
        "某某县人社局",
    )
    .await;
    // Its seal chosen on this computer (选择图片…): copied beside the input
    // under its own name, which the field then holds.
    let chosen = dir.path().join("chosen");
    std::fs::create_dir(&chosen).unwrap();
    let seal = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\"><circle cx=\"50\" cy=\"50\" r=\"45\" fill=\"none\" stroke=\"#ff0000\" stroke-width=\"6\"/></svg>\n";
    std::fs::write(chosen.join("人社局印章.svg"), seal).unwrap();
    let picker = r#"input[data-pick='["document","signatures",2,"seal"]']"#;
    let pick = |file: PathBuf| {
        let client = client.clone();
        async move {
            client
                .find(Locator::Css(picker))
                .await
                .unwrap()
                .send_keys(file.to_str().unwrap())
                .await
                .unwrap();
        }
    };
    // Not an image: refused, said in Chinese, nothing written.
    std::fs::write(chosen.join("说明.txt"), "不是图片").unwrap();
    pick(chosen.join("说明.txt")).await;
    until(
        &client,
        "the refusal",
        "return document.getElementById('status').textContent.startsWith('这个文件不是 PNG 或 SVG 图片')",
        long,
    )
    .await;
    assert!(!dir.path().join("说明.svg").exists() && !dir.path().join("说明.png").exists());
    pick(chosen.join("人社局印章.svg")).await;
    let added = original.replace(
        "      seal: seal-finance.svg\n",
        "      seal: seal-finance.svg\n    - name: 某某县人社局\n      seal: 人社局印章.svg\n",
    );
    draft_is(&client, "the third organ", &added).await;
    assert_eq!(
        std::fs::read_to_string(dir.path().join("人社局印章.svg")).unwrap(),
        seal
    );
    until(
        &client,
        "checked without a problem",
        "return typing.size === 0 && pending === 0 && state.diagnostics.length === 0",
        long,
    )
    .await;
    saved_is(&client, "serve-signatures.png", &input, &added).await;
    client.close().await.unwrap();
}

/// A point just added with ＋ is empty, and that is no fault while the
/// person is in it: the page says nothing of it (nor counts it) until they
/// leave it empty; typed, nothing is said.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromium-driver (apt-get install chromium chromium-driver)"]
async fn a_new_empty_point_is_said_empty_only_once_left() {
    let dir = tempfile::tempdir().unwrap();
    let (_page, client, _, _) = open_seed(&dir).await;
    let long = Duration::from_secs(30);
    let status = "document.getElementById('status').textContent";
    let before = value(&client, status).await;
    let empty = "[...document.querySelectorAll('.diag[data-code=W0702]')].map(d => d.textContent)";
    assert_eq!(value(&client, empty).await, json!([]));
    let adds = client
        .find_all(Locator::Css(
            r#".section[data-path='["summary","sections",1]'] > button[data-tool=add]"#,
        ))
        .await
        .unwrap();
    adds[2].click().await.unwrap();
    let point = r#"["summary","sections",1,"points",3]"#;
    until(
        &client,
        "the new point focused, checked",
        &format!(
            "return document.activeElement.name === '{point}' && pending === 0 && state.diagnostics.some(d => d.code === 'W0702')"
        ),
        long,
    )
    .await;
    // The server says it is empty; the page does not, yet.
    assert_eq!(value(&client, empty).await, json!([]));
    assert_eq!(
        value(&client, status).await,
        json!(format!("未保存的修改 · {}", before.as_str().unwrap()))
    );
    let shot = screenshot(&client, "serve-fresh-point.png").await;
    // Left empty (the opening clicked): said at the point and in the list.
    click(&client, r#"[name='["opening"]']"#).await;
    until(
        &client,
        "the empty point said",
        &format!("return {empty}.length === 2"),
        long,
    )
    .await;
    let said = "W0702 总结第2节第4条是空的 — 写上内容，或删去这一项";
    assert_eq!(value(&client, empty).await, json!([said, said]));
    assert_eq!(
        value(
            &client,
            &format!("document.querySelector(`[data-path='{point}'] .diag`).textContent")
        )
        .await,
        json!(said)
    );
    let left = screenshot(&client, "serve-fresh-point-left.png").await;
    // Typed into: nothing to say.
    field(&client, json!(["summary", "sections", 1, "points", 3]))
        .await
        .send_keys("慰问困难职工。")
        .await
        .unwrap();
    until(
        &client,
        "the point written",
        &format!("return typing.size === 0 && pending === 0 && {empty}.length === 0"),
        long,
    )
    .await;
    assert_eq!(
        value(&client, status).await,
        json!(format!("未保存的修改 · {}", before.as_str().unwrap()))
    );
    client.close().await.unwrap();
    eprintln!("screenshots: {} {}", shot.display(), left.display());
}

/// Every text box, heading, number, button and fold border of the page,
/// against every line's tools (上移 下移 删除), at 1280×720 with every fold
/// open: what the tools would cover, as "tools of PATH over WHAT".
const UNDER_TOOLS: &str = r#"(() => {
  const doc = document.getElementById('doc');
  for (const d of doc.querySelectorAll('details')) d.open = true;
  const hit = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const boxes = [];
  const walker = document.createTreeWalker(doc, NodeFilter.SHOW_TEXT);
  for (let n; (n = walker.nextNode());) {
    if (!n.textContent.trim() || n.parentElement.closest('.tools')) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) boxes.push(['text “' + n.textContent.trim().slice(0, 12) + '”', r]);
  }
  for (const e of doc.querySelectorAll('textarea, input, select, button, summary, .head')) {
    if (!e.closest('.tools')) boxes.push([e.tagName.toLowerCase() + ' ' + (e.name || e.className || ''), e.getBoundingClientRect()]);
  }
  const tools = [...doc.querySelectorAll('.tools')].filter((t) => getComputedStyle(t).position === 'absolute');
  const over = [];
  for (const t of tools) {
    const r = t.getBoundingClientRect();
    const at = t.parentElement.dataset.path || t.parentElement.querySelector('[name]')?.name;
    for (const [what, b] of boxes) if (b.width > 0 && b.height > 0 && hit(r, b)) over.push('tools of ' + at + ' over ' + what);
    // Inside the page and inside every fold around it, not across a border.
    for (let p = t.parentElement; p; p = p.parentElement) {
      if (p !== doc && !p.matches('details, fieldset, .head')) { continue; }
      const s = getComputedStyle(p), o = p.getBoundingClientRect();
      const inside = r.left >= o.left + parseFloat(s.borderLeftWidth) && r.right <= o.right - parseFloat(s.borderRightWidth)
        && r.top >= o.top + parseFloat(s.borderTopWidth) && r.bottom <= o.bottom - parseFloat(s.borderBottomWidth);
      if (!inside) over.push('tools of ' + at + ' over the border of ' + (p.id || p.dataset.fold || p.tagName));
      if (p === doc) break;
    }
  }
  return { tools: tools.length, over };
})()"#;

/// The tools of a box, shown with the mouse over it, stand beside it in
/// the page's margin: over no text and no border, anywhere in the seed.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromium-driver (apt-get install chromium chromium-driver)"]
async fn the_tools_of_a_box_cover_no_text_and_no_border() {
    use fantoccini::actions::{InputSource, MouseActions, PointerAction};
    let dir = tempfile::tempdir().unwrap();
    let (_page, client, _, _) = open_seed(&dir).await;
    let point = field(&client, json!(["summary", "sections", 1, "points", 1])).await;
    client
        .execute(
            "arguments[0].scrollIntoView({block: 'center'})",
            vec![serde_json::to_value(&point).unwrap()],
        )
        .await
        .unwrap();
    let hover = MouseActions::new("mouse".to_string()).then(PointerAction::MoveToElement {
        element: point.clone(),
        duration: None,
        x: 0.0,
        y: 0.0,
    });
    client.perform_actions(hover).await.unwrap();
    let shown = r#"(() => { const t = document.querySelector(`.line:has(> .field[data-path='["summary","sections",1,"points",1]']) > .tools`); return getComputedStyle(t).opacity === '1' && [...t.querySelectorAll('button')].map(b => b.textContent).join(' '); })()"#;
    assert_eq!(value(&client, shown).await, json!("上移 下移 删除"));
    // Each of them takes its click there, not a hidden tool of a line below.
    let clicked = r#"(() => { const t = document.querySelector(`.line:has(> .field[data-path='["summary","sections",1,"points",1]']) > .tools`); return [...t.querySelectorAll('button')].every(b => { const r = b.getBoundingClientRect(); return document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2) === b; }); })()"#;
    assert_eq!(value(&client, clicked).await, json!(true));
    let shot = screenshot(&client, "serve-tools-hover.png").await;
    let found = value(&client, UNDER_TOOLS).await;
    assert!(
        found["tools"].as_u64().unwrap() > 40,
        "the seed's lines: {found}"
    );
    assert_eq!(found["over"], json!([]), "{found}");
    // A count's row, in its fold: its 删除 inside the fold's border.
    let row = client
        .find(Locator::Css(
            r#".count-row[data-path='["counts","birthday_visits"]']"#,
        ))
        .await
        .unwrap();
    client
        .execute(
            "arguments[0].scrollIntoView({block: 'center'})",
            vec![serde_json::to_value(&row).unwrap()],
        )
        .await
        .unwrap();
    let hover = MouseActions::new("mouse".to_string()).then(PointerAction::MoveToElement {
        element: row,
        duration: None,
        x: 0.0,
        y: 0.0,
    });
    client.perform_actions(hover).await.unwrap();
    let counts = screenshot(&client, "serve-tools-counts.png").await;
    client.close().await.unwrap();
    eprintln!("screenshots: {} {}", shot.display(), counts.display());
}

/// A reference shows in its box by its count's label (｛岗位创新工作室｝),
/// never by the name the YAML keeps (`{innovation_studios}`); what is typed
/// elsewhere in the box, or a reference put in with the picker, is written
/// to the YAML exactly so.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromium-driver (apt-get install chromium chromium-driver)"]
async fn a_reference_shows_by_its_label_and_the_yaml_keeps_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let (_page, client, input, original) = open_seed(&dir).await;
    let point = json!(["summary", "sections", 1, "points", 1]);
    let box_of =
        |path: &serde_json::Value| format!("document.querySelector(`[name='{path}']`).value");
    assert_eq!(
        value(&client, &box_of(&point)).await,
        "积极开展员工“岗位创新”工作，全年创建岗位创新工作室｛岗位创新工作室｝、创新课题成果｛创新课题成果｝，其中物联网应用工程工作室“基于5G+IoT的‘学培融通’应用与实践”的创新课题荣获2020年中国通服广东公司优秀课题成果表彰。"
    );
    let meetings = value(
        &client,
        &box_of(&json!(["summary", "sections", 3, "points", 0])),
    )
    .await;
    assert!(
        meetings
            .as_str()
            .unwrap()
            .contains("组织召开了｛职代会联席会议：cn｝职代会联席会议"),
        "{meetings}"
    );
    // No box shows a count's name.
    assert_eq!(
        value(&client, "[...document.querySelectorAll('#doc textarea, #doc input')].map(e => e.value).filter(v => /[{｛][a-z_]+([:：][a-z]+)?[}｝]/.test(v))").await,
        json!([])
    );
    // W0505's hint says what to change in the box as the box shows it.
    assert_eq!(
        value(
            &client,
            "[...document.querySelectorAll('#list .diag[data-code=W0505]')].map(d => d.textContent)"
        )
        .await,
        json!([
            "W0505 总结第4节第1条中的“职代会联席会议”印作汉字数字“两次”，而文中其余15处统计数字用阿拉伯数字 — 统计数字宜统一用阿拉伯数字：把 `｛职代会联席会议：cn｝` 改为 `｛职代会联席会议｝`",
            "W0505 总结第5节第3条中的“宣传稿件”印作汉字数字“九篇”，而文中其余15处统计数字用阿拉伯数字 — 统计数字宜统一用阿拉伯数字：把 `｛宣传稿件：cn｝` 改为 `｛宣传稿件｝`"
        ])
    );
    client
        .execute(
            &format!(
                "document.querySelector(`[name='{point}']`).scrollIntoView({{block: 'center'}})"
            ),
            Vec::new(),
        )
        .await
        .unwrap();
    let shot = screenshot(&client, "serve-labels.png").await;
    // Typed at the end of the box: the YAML line with exactly that.
    field(&client, point.clone())
        .await
        .send_keys("新增一句。")
        .await
        .unwrap();
    let typed = original.replacen("成果表彰。\n", "成果表彰。新增一句。\n", 1);
    draft_is(&client, "typed at the end", &typed).await;
    // Changed between the two references.
    client
        .execute(
            &format!("const b = document.querySelector(`[name='{point}']`); b.value = b.value.replace('｝、创新课题成果｛', '｝，以及创新课题成果｛'); b.dispatchEvent(new Event('input'))"),
            Vec::new(),
        )
        .await
        .unwrap();
    let between = typed.replacen(
        "{innovation_studios}、创新课题成果{innovation_results}",
        "{innovation_studios}，以及创新课题成果{innovation_results}",
        1,
    );
    draft_is(&client, "changed between the references", &between).await;
    // 插入统计数字引用… at the end of the opening: shown by its label,
    // written by its name.
    let opening = json!(["opening"]);
    client
        .execute(
            &format!("const o = document.querySelector(`[name='{opening}']`); o.focus(); o.setSelectionRange(o.value.length, o.value.length)"),
            Vec::new(),
        )
        .await
        .unwrap();
    client
        .find(Locator::Id("picker"))
        .await
        .unwrap()
        .select_by_value("{birthday_visits}")
        .await
        .unwrap();
    let opened = original
        .lines()
        .find(|l| l.starts_with("opening: "))
        .unwrap();
    let picked = between.replacen(opened, &format!("{opened}{{birthday_visits}}"), 1);
    draft_is(&client, "a reference picked", &picked).await;
    assert_eq!(
        value(
            &client,
            &format!("{}.endsWith('作用。｛生日慰问｝')", box_of(&opening))
        )
        .await,
        json!(true)
    );
    saved_is(&client, "serve-labels-saved.png", &input, &picked).await;
    client.close().await.unwrap();
    eprintln!("screenshot: {}", shot.display());
}

/// Last year's notice of one organ made a joint one in the form, as a
/// secretary would (the trial's task): ＋ under the 标志 "某某县统计局文件"
/// gives the organ, a line for the next and "文件" apart; 署名和印章 takes
/// the 落款 and the seal written so far as its first signature; ＋ 添加署名
/// and 选择图片… give the second organ its seal. No warning or error is
/// left, and the file on disk is last year's with exactly these changes.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "needs chromium and chromium-driver (apt-get install chromium chromium-driver)"]
async fn a_notice_is_made_joint_in_the_form() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo().join("inputs/seal-example.svg"),
        dir.path().join("seal-example.svg"),
    )
    .unwrap();
    let (_page, client, input, original) = opened(&dir, "inputs/notice-plan-2022.yaml", 2).await;
    let long = Duration::from_secs(30);
    click(&client, "details[data-fold=document] > summary").await;
    // 1–2: ＋ under the 标志, the second organ typed.
    click(
        &client,
        r#"details[data-fold=document] .line:has([name='["document","issuer"]']) + button[data-add=point]"#,
    )
    .await;
    type_when_focused(
        &client,
        "the second organ focused",
        r#"["document","issuer",1]"#,
        "某某县财政局",
    )
    .await;
    // 3: 署名和印章 added: the 落款 and the seal are its first signature.
    client
        .find(Locator::Css("select[data-tool=add-element]"))
        .await
        .unwrap()
        .select_by_value("signatures")
        .await
        .unwrap();
    until(
        &client,
        "the first signature",
        r#"return document.querySelectorAll('.signature').length === 1"#,
        long,
    )
    .await;
    // 4–6: ＋ 添加署名, its name, its seal chosen on this computer.
    click(&client, "button[data-add=signature]").await;
    type_when_focused(
        &client,
        "the new name focused",
        r#"["document","signatures",1,"name"]"#,
        "某某县财政局",
    )
    .await;
    let chosen = dir.path().join("chosen");
    std::fs::create_dir(&chosen).unwrap();
    std::fs::copy(
        repo().join("inputs/seal-finance.svg"),
        chosen.join("财政局印章.svg"),
    )
    .unwrap();
    client
        .find(Locator::Css(
            r#"input[data-pick='["document","signatures",1,"seal"]']"#,
        ))
        .await
        .unwrap()
        .send_keys(chosen.join("财政局印章.svg").to_str().unwrap())
        .await
        .unwrap();
    let joint = original
        .replace(
            "  issuer: 某某县统计局文件\n",
            "  issuer: [某某县统计局, 某某县财政局, 文件]\n",
        )
        .replace("  seal: seal-example.svg\n", "")
        .replace(
            "  printed: 2022-01-10\n",
            "  printed: 2022-01-10\n  signatures:\n    - name: 某某县统计局\n      seal: seal-example.svg\n    - name: 某某县财政局\n      seal: 财政局印章.svg\n",
        );
    draft_is(&client, "the joint notice", &joint).await;
    until(
        &client,
        "checked without a problem",
        "return typing.size === 0 && pending === 0 && state.diagnostics.length === 0",
        long,
    )
    .await;
    // A signature's name brings its closing into view, not the 标志 that
    // names the organ too: four pages now, the seals on page 2.
    until(&client, "four pages", "return document.querySelectorAll('img.page').length === 4 && [...document.querySelectorAll('img.page')].every(i => i.complete)", long).await;
    for name in [
        r#"["document","number"]"#,
        r#"["document","signatures",1,"name"]"#,
    ] {
        let focus = format!(
            "document.getElementsByName({}).forEach(e => e.focus()), true",
            json!(name)
        );
        value(&client, &focus).await;
    }
    until(
        &client,
        "page 2 in view",
        "const p = document.getElementById('preview').getBoundingClientRect(); const r = document.querySelectorAll('img.page')[1].getBoundingClientRect(); return r.top >= p.top - 1 && r.top < p.bottom",
        long,
    )
    .await;
    // The 落款 box says the signatures sign now.
    assert_eq!(
        value(
            &client,
            "document.querySelector('[data-note=signature-replaced]').textContent"
        )
        .await,
        "落款由“署名和印章”代替"
    );
    saved_is(&client, "serve-joint.png", &input, &joint).await;
    client.close().await.unwrap();
}
