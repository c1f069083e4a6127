//! `nianbao serve`: loads the fonts and templates once, binds 127.0.0.1, watches
//! the file and runs the server of `crate::serve` until Ctrl-C.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use notify_debouncer_mini::new_debouncer;

use crate::cli::CheckOptions;
use crate::cli::ServeArgs;
use crate::cmd::{Reporter, engine, ready};
use crate::error::Error;
use crate::locale::tr;
use crate::model::Lang;
use crate::serve::{HEADER_TIMEOUT, Served, router, serve_until};

pub fn run(args: &ServeArgs) -> Result<(), Error> {
    let path = &args.input;
    let path = path
        .canonicalize()
        .map_err(|e| Error::io(path, "open", e))?;
    let engine = engine(None, &args.fonts, &CheckOptions::default())?;
    ready(&engine, &mut Reporter::default(), true)?;
    // The page speaks the document's language; so do these lines.
    let lang = engine.language_of(&path);
    crate::locale::speak(lang);

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Usage(tr!(lang, "serve-no-runtime", error = e)))?;
    runtime.block_on(async {
        let address = SocketAddr::from((Ipv4Addr::LOCALHOST, args.port));
        let listener = tokio::net::TcpListener::bind(address).await.map_err(|e| {
            Error::Usage(tr!(
                lang,
                "serve-cannot-listen",
                address = address,
                error = e
            ))
        })?;
        let port = listener.local_addr().map_or(args.port, |a| a.port());
        let served = Arc::new(Served::new(path.clone(), engine, port)?);
        // Changes made by other programs: the page asks for the version.
        let watched = served.clone();
        let mut debouncer = new_debouncer(Duration::from_millis(200), move |events| {
            if let Ok(events) = events {
                let events: Vec<notify_debouncer_mini::DebouncedEvent> = events;
                if events.iter().any(|e| watched.files.contains(&e.path)) {
                    watched.file_changed();
                }
            }
        })
        .map_err(|e| Error::Usage(tr!(lang, "cannot-watch", path = path.display(), error = e)))?;
        let folder = if path.is_dir() {
            Some(path.as_path())
        } else {
            path.parent()
        };
        if let Some(folder) = folder {
            debouncer
                .watcher()
                .watch(folder, notify::RecursiveMode::NonRecursive)
                .map_err(|e| {
                    Error::Usage(tr!(lang, "cannot-watch", path = path.display(), error = e))
                })?;
        }
        let url = format!("http://127.0.0.1:{port}/");
        eprintln!(
            "{}",
            tr!(lang, "serve-serving", path = path.display(), url = url)
        );
        if args.open {
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
