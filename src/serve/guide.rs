//! The user guide, served at `/guide/` by `nianbao serve` (and by `nianbao`
//! without arguments, whose start page links to it), so that it reads
//! offline: the guide's Markdown (`docs/src`) is built into the binary and
//! written as HTML here (pulldown-cmark), its reference pages made from the
//! code as `nianbao reference` makes them. `mdbook build docs` makes the
//! same guide as a site; both take the same files and links.

use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use pulldown_cmark::{CowStr, Event, Options, Parser, Tag};

use crate::locale::tr;
use crate::model::Lang;

/// The hand-written pages and pictures of `docs/src` (a test holds this list
/// to the folder): each its path there and its bytes.
pub(crate) const FILES: &[(&str, &[u8])] = &[
    ("SUMMARY.md", include_bytes!("../../docs/src/SUMMARY.md")),
    ("index.md", include_bytes!("../../docs/src/index.md")),
    ("install.md", include_bytes!("../../docs/src/install.md")),
    (
        "quickstart.md",
        include_bytes!("../../docs/src/quickstart.md"),
    ),
    (
        "new-and-import.md",
        include_bytes!("../../docs/src/new-and-import.md"),
    ),
    ("browser.md", include_bytes!("../../docs/src/browser.md")),
    ("numbers.md", include_bytes!("../../docs/src/numbers.md")),
    ("check.md", include_bytes!("../../docs/src/check.md")),
    ("pdf-docx.md", include_bytes!("../../docs/src/pdf-docx.md")),
    ("gongwen.md", include_bytes!("../../docs/src/gongwen.md")),
    ("next.md", include_bytes!("../../docs/src/next.md")),
    ("batch.md", include_bytes!("../../docs/src/batch.md")),
    ("archive.md", include_bytes!("../../docs/src/archive.md")),
    (
        "templates-fonts.md",
        include_bytes!("../../docs/src/templates-fonts.md"),
    ),
    ("limits.md", include_bytes!("../../docs/src/limits.md")),
    ("faq.md", include_bytes!("../../docs/src/faq.md")),
    (
        "en/overview.md",
        include_bytes!("../../docs/src/en/overview.md"),
    ),
    (
        "en/commands.md",
        include_bytes!("../../docs/src/en/commands.md"),
    ),
    ("en/input.md", include_bytes!("../../docs/src/en/input.md")),
    (
        "en/gongwen.md",
        include_bytes!("../../docs/src/en/gongwen.md"),
    ),
    (
        "en/periods.md",
        include_bytes!("../../docs/src/en/periods.md"),
    ),
    (
        "en/import.md",
        include_bytes!("../../docs/src/en/import.md"),
    ),
    (
        "en/browser.md",
        include_bytes!("../../docs/src/en/browser.md"),
    ),
    ("en/pdf.md", include_bytes!("../../docs/src/en/pdf.md")),
    ("en/docx.md", include_bytes!("../../docs/src/en/docx.md")),
    (
        "en/templates.md",
        include_bytes!("../../docs/src/en/templates.md"),
    ),
    (
        "en/archive.md",
        include_bytes!("../../docs/src/en/archive.md"),
    ),
    ("en/batch.md", include_bytes!("../../docs/src/en/batch.md")),
    (
        "en/limits.md",
        include_bytes!("../../docs/src/en/limits.md"),
    ),
    (
        "en/testing.md",
        include_bytes!("../../docs/src/en/testing.md"),
    ),
    (
        "en/code-layout.md",
        include_bytes!("../../docs/src/en/code-layout.md"),
    ),
    (
        "images/page.png",
        include_bytes!("../../docs/src/images/page.png"),
    ),
    (
        "images/start.png",
        include_bytes!("../../docs/src/images/start.png"),
    ),
    (
        "images/editor.png",
        include_bytes!("../../docs/src/images/editor.png"),
    ),
];

/// What the guide's pages may load: their own pictures, nothing else.
const POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'";

/// The Markdown of a page of the guide by its path under `docs/src`.
fn markdown(path: &str) -> Option<String> {
    if let Some(rest) = path.strip_prefix("reference/") {
        return crate::reference::pages()
            .into_iter()
            .find(|(p, _)| p == rest)
            .map(|(_, text)| text);
    }
    FILES
        .iter()
        .find(|(p, _)| *p == path && p.ends_with(".md"))
        .map(|(_, bytes)| String::from_utf8_lossy(bytes).into_owned())
}

pub(super) async fn root() -> Redirect {
    Redirect::permanent("/guide/")
}

pub(super) async fn index() -> Response {
    page("index.html")
}

pub(super) async fn file(Path(path): Path<String>) -> Response {
    page(&path)
}

fn page(path: &str) -> Response {
    if let Some(stem) = path.strip_suffix(".html")
        && let Some(text) = markdown(&format!("{stem}.md"))
    {
        let mut response = Html(html(path, &text)).into_response();
        response.headers_mut().insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(POLICY),
        );
        return response;
    }
    match FILES
        .iter()
        .find(|(p, _)| *p == path && p.ends_with(".png"))
    {
        Some((_, bytes)) => ([(header::CONTENT_TYPE, "image/png")], *bytes).into_response(),
        None => StatusCode::NOT_FOUND.into_response(),
    }
}

/// Markdown as HTML: links to pages (`x.md#y`) go to their HTML (`x.html#y`),
/// and the table of contents' links start at the guide's root.
fn body(text: &str, root_links: bool) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES;
    let events = Parser::new_ext(text, options).map(|event| match event {
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) if !dest_url.contains("://") => {
            let (target, anchor) = match dest_url.split_once('#') {
                Some((target, anchor)) => (target.to_string(), format!("#{anchor}")),
                None => (dest_url.to_string(), String::new()),
            };
            let target = match target.strip_suffix(".md") {
                Some(stem) => format!("{stem}.html"),
                None => target,
            };
            let target = if root_links && !target.is_empty() {
                format!("/guide/{target}")
            } else {
                target
            };
            Event::Start(Tag::Link {
                link_type,
                dest_url: CowStr::from(format!("{target}{anchor}")),
                title,
                id,
            })
        }
        other => other,
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    html
}

/// A whole page: the table of contents beside the page's text.
fn html(path: &str, text: &str) -> String {
    let title = text
        .lines()
        .find_map(|l| l.strip_prefix("# "))
        .unwrap_or_default();
    let summary = markdown("SUMMARY.md").unwrap_or_default();
    format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{} · {}</title><style>{STYLE}</style></head>\
         <body><nav>{}</nav><main data-page=\"{}\">{}</main></body></html>\n",
        escape(title),
        escape(&tr!(Lang::Zh, "guide-title")),
        body(&summary, true),
        escape(path),
        body(text, false)
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

const STYLE: &str = "body{margin:0;display:flex;font:16px/1.7 sans-serif;color:#222}\
nav{width:17em;flex:none;padding:1em;background:#f6f6f4;border-right:1px solid #ddd;\
height:100vh;overflow:auto;position:sticky;top:0;box-sizing:border-box;font-size:14px}\
nav ol,nav ul{padding-left:1.2em}main{padding:1em 2em;max-width:52em;min-width:0}\
pre{background:#f4f4f4;padding:.6em;overflow:auto;font-size:13px}\
code{font-size:.92em}table{border-collapse:collapse;font-size:14px}\
td,th{border:1px solid #ccc;padding:.2em .5em;vertical-align:top}\
img{max-width:100%;border:1px solid #ccc}";

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file of `docs/src` outside the generated reference is built in
    /// (a page added to the guide and not to [`FILES`] fails here), and every
    /// page of the table of contents is served.
    #[test]
    fn every_page_of_the_guide_is_built_in() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/src");
        let mut on_disk = Vec::new();
        let mut folders = vec![root.clone()];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder).unwrap() {
                let path = entry.unwrap().path();
                let name = path.strip_prefix(&root).unwrap().to_string_lossy();
                let name = name.replace('\\', "/");
                if name == "reference" {
                    continue;
                }
                if path.is_dir() {
                    folders.push(path);
                } else {
                    on_disk.push(name);
                }
            }
        }
        on_disk.sort();
        let mut built: Vec<String> = FILES.iter().map(|(p, _)| p.to_string()).collect();
        built.sort();
        assert_eq!(built, on_disk, "docs/src and guide::FILES differ");
        // And every page is in the table of contents (mdbook leaves out a
        // page that is not, without a word).
        let summary = markdown("SUMMARY.md").unwrap();
        let pages = FILES
            .iter()
            .map(|(p, _)| p.to_string())
            .chain(
                crate::reference::pages()
                    .into_iter()
                    .map(|(p, _)| format!("reference/{p}")),
            )
            .filter(|p| p.ends_with(".md") && p != "SUMMARY.md");
        let missing: Vec<String> = pages
            .filter(|p| !summary.contains(&format!("]({p})")))
            .collect();
        assert!(
            missing.is_empty(),
            "not in docs/src/SUMMARY.md: {missing:?}"
        );
    }

    #[test]
    fn links_to_pages_go_to_their_html() {
        let html = body(
            "[a](cli/check.md#x) [b](#y) [c](https://example.org/a.md)",
            false,
        );
        assert_eq!(
            html,
            "<p><a href=\"cli/check.html#x\">a</a> <a href=\"#y\">b</a> \
             <a href=\"https://example.org/a.md\">c</a></p>\n"
        );
        assert!(body("[a](x.md)", true).contains("href=\"/guide/x.html\""));
    }
}
