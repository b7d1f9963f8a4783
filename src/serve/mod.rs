//! `nfk serve`: the site built in memory with drafts, served over HTTP, rebuilt when a file
//! changes, with live reload and an error overlay (issue 6, SPEC §9; see `docs/serve.md`).
//!
//! The pieces, one idea per file:
//! - [`state`]: the last good [`RenderedSite`](crate::render::RenderedSite) plus the diagnostics
//!   of the last build, swapped atomically, and the channel that tells browsers to reload;
//! - [`rebuild`]: turns a batch of changed paths into a new build (reusing what it safely can);
//! - [`index`]: makes each build's search index after its pages are served;
//! - [`watch`]: the file watcher (notify + debouncer) and which paths count as a change;
//! - [`http`]: the HTTP server (axum on tokio): paths, content types, 404s, redirects;
//! - [`host`]: answers only requests for this preview's own address (DNS rebinding);
//! - [`listen`]: accepts connections within a cap, with header and idle timeouts;
//! - [`reload`]: the live-reload script and its Server-Sent Events endpoint;
//! - [`overlay`]: the error overlay injected into every page while the content is broken.
//!
//! `serve` never writes to the site folder or to `public/`: everything lives in memory.

pub(crate) mod host;
pub(crate) mod http;
pub(crate) mod index;
pub(crate) mod listen;
pub(crate) mod overlay;
pub(crate) mod rebuild;
pub(crate) mod reload;
pub(crate) mod state;
pub(crate) mod watch;

use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use anyhow::Context;

use crate::diagnostics::{localized, render_human};
use crate::messages::{self, ids};
use crate::model::Language;
pub use rebuild::Rebuilder;
use state::Shared;

/// The options of `nfk serve`.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The site folder.
    pub root: PathBuf,
    /// The port to listen on; 0 lets the system pick a free one (printed at start).
    pub port: u16,
    /// The address to listen on. Loopback by default: a preview shows drafts, so it is not
    /// published to the network unless asked for.
    pub bind: IpAddr,
    /// Open the site in the default browser once it is served.
    pub open: bool,
    /// The language of the messages in the terminal and the overlay.
    pub lang: Language,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions {
            root: PathBuf::from("."),
            port: 1111,
            bind: IpAddr::V4(Ipv4Addr::LOCALHOST),
            open: false,
            lang: Language::Nb,
        }
    }
}

/// How many ports past a taken one [`bind`] looks at to suggest a free one.
const PORT_SEARCH: u16 = 100;

/// Builds, serves and watches until Ctrl-C. `Err` is an internal failure or a port that cannot be
/// bound; content errors are not failures here: they show in the terminal and in the page.
pub fn serve(options: &ServeOptions) -> anyhow::Result<()> {
    crate::allocator::keep_freed_memory();
    let open_files = listen::raise_open_file_limit();
    let root = options
        .root
        .canonicalize()
        .with_context(|| format!("the site folder {} does not exist", options.root.display()))?;
    let listener = bind(options.bind, options.port)?;
    let addr = listener.local_addr().context("reading the bound address")?;
    let url = site_url(addr);

    let mut rebuilder = Rebuilder::new(root.clone(), url.clone());
    let start = Instant::now();
    let mut first = rebuilder.build_all();
    report(&first, start, false, options.lang);
    let search = first.take_search();
    let shared = Arc::new(Shared::new(first, options.lang));
    let indexing = index::Indexing::start(shared.clone());
    if let Some((site, search)) = search {
        indexing.index(site, search);
    }

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("starting the async runtime")?;

    let watcher = watch::start(&root, rebuilder, shared.clone(), indexing)?;
    let stop = {
        let _inside = runtime.enter();
        http::Stop::install()?
    };
    let lang = options.lang;
    let serving = if addr.ip().is_unspecified() {
        ids::SERVE_SERVING_EVERYWHERE
    } else {
        ids::SERVE_SERVING
    };
    eprintln!(
        "{}",
        messages::text(lang, serving, &[("url", url.as_str().into())])
    );
    if addr.ip().is_unspecified() {
        let args = [("ip", addr.ip().to_string().into())];
        eprintln!("{}", messages::text(lang, ids::SERVE_BIND_WARNING, &args));
    }
    if options.open {
        open_browser(&url, lang);
    }
    let limits = listen::Limits::for_open_files(open_files);
    runtime.block_on(http::run(listener, shared, limits, stop))?;
    drop(watcher);
    eprintln!("{}", messages::text(lang, ids::SERVE_STOPPED, &[]));
    Ok(())
}

/// Binds the listening socket. A taken port is reported with the next free one to try.
pub(crate) fn bind(ip: IpAddr, port: u16) -> anyhow::Result<TcpListener> {
    match TcpListener::bind(SocketAddr::new(ip, port)) {
        Ok(listener) => Ok(listener),
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
            let free = (1..=PORT_SEARCH)
                .filter_map(|n| port.checked_add(n))
                .find(|p| TcpListener::bind(SocketAddr::new(ip, *p)).is_ok());
            match free {
                Some(free) => anyhow::bail!("port {port} is in use; try --port {free}"),
                None => anyhow::bail!("port {port} is in use; try another with --port"),
            }
        }
        Err(e) => Err(e).with_context(|| format!("cannot listen on {ip}:{port}")),
    }
}

/// `http://127.0.0.1:1111/`, `http://[::1]:1111/`: the base URL of the served site. Listening on
/// all interfaces (`0.0.0.0`, `::`) is not an address a browser can open: this machine's loopback
/// stands in for it (others reach the pages by this machine's address; links are root-relative).
pub(crate) fn site_url(addr: SocketAddr) -> String {
    let mut addr = addr;
    if addr.ip().is_unspecified() {
        addr.set_ip(match addr.ip() {
            IpAddr::V4(_) => IpAddr::V4(Ipv4Addr::LOCALHOST),
            IpAddr::V6(_) => IpAddr::V6(std::net::Ipv6Addr::LOCALHOST),
        });
    }
    format!("http://{addr}/")
}

/// Prints the outcome of a build: warnings or errors (the same text as `nfk build`), then a line.
pub(crate) fn report(outcome: &rebuild::Outcome, start: Instant, again: bool, lang: Language) {
    let ms = i64::try_from(start.elapsed().as_millis()).unwrap_or(i64::MAX);
    match &outcome.result {
        Ok(built) => {
            let list = localized(built.diagnostics.clone().sorted(), lang);
            eprint!("{}", render_human(&list));
            let args = vec![
                ("partners", built.partners.into()),
                ("pages", built.pages.into()),
                ("files", built.site.files.len().into()),
                ("ms", ms.into()),
            ];
            let id = if again {
                ids::SERVE_REBUILT
            } else {
                ids::SERVE_BUILT
            };
            eprintln!("{}", messages::text(lang, id, &args));
        }
        Err(problems) => {
            eprint!(
                "{}",
                render_human(&localized(problems.clone().sorted(), lang))
            );
            let args = vec![
                ("errors", problems.error_count().into()),
                ("warnings", problems.warning_count().into()),
            ];
            eprintln!("{}", messages::text(lang, ids::SERVE_BUILD_FAILED, &args));
        }
    }
}

/// Best effort: a missing opener is a note, not a failure.
fn open_browser(url: &str, lang: Language) {
    let command = if cfg!(target_os = "macos") {
        std::process::Command::new("open").arg(url).spawn()
    } else if cfg!(windows) {
        std::process::Command::new("cmd")
            .args(["/C", "start", "", url])
            .spawn()
    } else {
        std::process::Command::new("xdg-open").arg(url).spawn()
    };
    if let Err(e) = command {
        let args = [("error", e.to_string().into()), ("url", url.into())];
        eprintln!("{}", messages::text(lang, ids::SERVE_NO_BROWSER, &args));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_url_names_an_address_a_browser_can_open() {
        let url = |s: &str| site_url(s.parse().unwrap());
        assert_eq!(url("127.0.0.1:1111"), "http://127.0.0.1:1111/");
        assert_eq!(url("0.0.0.0:1111"), "http://127.0.0.1:1111/");
        assert_eq!(url("[::]:8080"), "http://[::1]:8080/");
        assert_eq!(url("[::1]:8080"), "http://[::1]:8080/");
    }

    #[test]
    fn a_taken_port_is_reported_with_a_free_one() {
        let taken = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = taken.local_addr().unwrap().port();
        let e = bind(IpAddr::V4(Ipv4Addr::LOCALHOST), port).unwrap_err();
        assert!(
            e.to_string()
                .starts_with(&format!("port {port} is in use; try --port ")),
            "{e}"
        );
    }
}
