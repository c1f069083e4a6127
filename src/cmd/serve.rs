//! `nianbao serve`: loads the fonts and templates once, binds 127.0.0.1, watches
//! the folder and runs the server of `crate::serve` until Ctrl-C (or the
//! window is closed). `nianbao` with no arguments, as a double-click starts
//! it, is `serve` of the working folder with the browser opened at the start
//! page.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use notify_debouncer_mini::new_debouncer;

use crate::cli::{CheckOptions, FontArgs, ServeArgs};
use crate::cmd::{Reporter, engine, ready};
use crate::error::Error;
use crate::locale::{tr, user_lang};
use crate::model::Lang;
use crate::serve::{HEADER_TIMEOUT, Served, router, serve_until};

/// The port the page is served on unless `--port` says.
const PORT: u16 = 8017;

pub fn run(args: &ServeArgs) -> Result<(), Error> {
    let given = args.input.is_some();
    let path = match &args.input {
        Some(path) => path.clone(),
        None => work_folder()?,
    };
    serve(&path, args.port, args.open, &args.fonts, given)
}

/// `nianbao` without arguments: the start page of the working folder, in
/// the browser.
pub fn start() -> Result<(), Error> {
    let folder = work_folder()?;
    let fonts = FontArgs {
        font_paths: Vec::new(),
        no_system_fonts: false,
    };
    serve(&folder, PORT, true, &fonts, false)
}

/// The folder worked in when none is given: the current one when it holds
/// inputs, or when it is writable and not the program's own folder (where a
/// downloaded program is double-clicked); else 年报 in the user's documents
/// folder, created.
fn work_folder() -> Result<PathBuf, Error> {
    let here = std::env::current_dir().ok();
    if let Some(here) = here.as_deref().filter(|h| suits(h)) {
        return Ok(here.to_path_buf());
    }
    let lang = user_lang();
    let documents = dirs::document_dir()
        .or_else(dirs::home_dir)
        .or(here)
        .ok_or_else(|| Error::Usage(tr!(lang, "serve-no-folder")))?;
    let folder = documents.join(tr!(lang, "serve-folder-name"));
    std::fs::create_dir_all(&folder).map_err(|e| Error::io(&folder, "create", e))?;
    Ok(folder)
}

/// Whether the current folder is the one to work in.
fn suits(here: &Path) -> bool {
    let holds_inputs = std::fs::read_dir(here).is_ok_and(|entries| {
        entries.filter_map(Result::ok).any(|e| {
            e.file_type().is_ok_and(|t| t.is_file())
                && e.path()
                    .extension()
                    .is_some_and(|x| x == "yaml" || x == "yml")
        })
    });
    if holds_inputs {
        return true;
    }
    let own = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent()?.canonicalize().ok());
    let is_own = here
        .canonicalize()
        .is_ok_and(|here| Some(&here) == own.as_ref());
    !is_own && tempfile::tempfile_in(here).is_ok()
}

/// Serves `path` (a file, a folder input, or a folder to work in) on `port`
/// (another free one when it is taken and none was asked for), opening the
/// browser when `open`.
fn serve(path: &Path, port: u16, open: bool, fonts: &FontArgs, given: bool) -> Result<(), Error> {
    let path = path
        .canonicalize()
        .map_err(|e| Error::io(path, "open", e))?;
    let engine = engine(None, fonts, &CheckOptions::default())?;
    ready(&engine, &mut Reporter::default(), true)?;
    // The page speaks the document's language; so do these lines (the
    // user's, for a folder).
    let lang = engine.language_of(&path);
    crate::locale::speak(lang);

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Usage(tr!(lang, "serve-no-runtime", error = e)))?;
    runtime.block_on(async {
        let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        let listener = match tokio::net::TcpListener::bind(address).await {
            Ok(listener) => Ok(listener),
            // Another nianbao has the usual port: any free one will do.
            Err(_) if !given && port == PORT => {
                tokio::net::TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, 0))).await
            }
            Err(e) => Err(e),
        }
        .map_err(|e| {
            Error::Usage(tr!(
                lang,
                "serve-cannot-listen",
                address = address,
                error = e
            ))
        })?;
        let port = listener.local_addr().map_or(port, |a| a.port());
        let served = Arc::new(Served::new(path.clone(), engine, port)?);
        // Changes made by other programs: the page asks for the version.
        let watched = served.clone();
        let mut debouncer = new_debouncer(Duration::from_millis(200), move |events| {
            if let Ok(events) = events {
                let events: Vec<notify_debouncer_mini::DebouncedEvent> = events;
                if !events.is_empty() {
                    watched.file_changed();
                }
            }
        })
        .map_err(|e| Error::Usage(tr!(lang, "cannot-watch", path = path.display(), error = e)))?;
        let mut folders = vec![served.folder.clone()];
        folders.extend(served.opened.clone().filter(|p| p.is_dir()));
        for folder in &folders {
            debouncer
                .watcher()
                .watch(folder, notify::RecursiveMode::NonRecursive)
                .map_err(|e| {
                    Error::Usage(tr!(lang, "cannot-watch", path = path.display(), error = e))
                })?;
        }
        let url = format!("http://127.0.0.1:{port}/");
        let line = match &served.opened {
            Some(opened) => tr!(lang, "serve-serving", path = opened.display(), url = url),
            None => tr!(
                user_lang(),
                "serve-start",
                folder = served.folder.display(),
                url = url
            ),
        };
        eprintln!("{line}");
        if open {
            open_browser(&url, lang);
        }
        let stop = async {
            tokio::signal::ctrl_c().await.ok();
        };
        serve_until(listener, router(served), HEADER_TIMEOUT, stop)
            .await
            .map_err(|e| Error::Usage(tr!(lang, "serve-stopped", error = e)))
    })
}

/// Opens the page in the default browser; when none can be started, the
/// address printed above is enough.
fn open_browser(url: &str, lang: Lang) {
    if opener::open_browser(url).is_err() {
        eprintln!("{}", tr!(lang, "serve-no-browser", url = url));
    }
}

#[cfg(test)]
mod tests {
    use super::suits;

    #[test]
    fn a_writable_folder_or_one_with_inputs_is_worked_in() {
        let dir = tempfile::tempdir().unwrap();
        assert!(suits(dir.path()));
        std::fs::write(dir.path().join("2020.yaml"), "meta:\n").unwrap();
        assert!(suits(dir.path()));
        // The program's own folder, without inputs, is not.
        let own = std::env::current_exe().unwrap();
        let own = own.parent().unwrap();
        let holds_inputs = std::fs::read_dir(own).unwrap().any(|e| {
            e.unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "yaml" || x == "yml")
        });
        assert_eq!(suits(own), holds_inputs);
    }
}
