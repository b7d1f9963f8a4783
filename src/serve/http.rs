//! The HTTP side of `nfk serve` (axum on tokio): maps a request path to a file of the current
//! in-memory site and answers it.
//!
//! - Only `GET` and `HEAD`; anything else is 405.
//! - `/a/` serves `a/index.html`; `/a` redirects (302, temporary: a preview changes) to `/a/`
//!   when that is a folder with an index, keeping the query string.
//! - A path the site does not have gets the site's own `404.html` with status 404.
//! - Nothing outside the site can be read: files come from the in-memory
//!   [`RenderedSite`], never from the disk, and before the lookup a path with a `.` or `..`
//!   segment (also percent-encoded, `%2e%2e`), a backslash (`\`, `%5c`), an empty segment
//!   (`//etc`), a NUL or invalid UTF-8 is rejected as not found.
//! - Every response has `Cache-Control: no-store` (a preview must never show a stale page) and
//!   `X-Content-Type-Options: nosniff`; content types come from the file's extension.
//! - HTML responses are tagged for live reload (see `reload`) and, while the latest build has
//!   errors, carry the overlay (see `overlay`).
//! - `/__nfk/` is the server's own namespace (script and event stream).
//! - Requests naming another host are refused before all of this (`host`); connections are
//!   capped and timed out in `listen`.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use percent_encoding::percent_decode_str;

use super::host::{self, AllowedHosts};
use super::listen::{self, Limits};
use super::overlay;
use super::reload::{self, EVENTS_PATH, SCRIPT_PATH, Streams};
use super::state::{Files, Shared, Snapshot};
use crate::messages::ids;
use crate::routes::urls;

/// Serves until Ctrl-C (or SIGTERM), then closes the event streams and stops. Connections are
/// accepted within `limits` (see `listen`); every request passes the Host check (see `host`).
pub async fn run(
    listener: std::net::TcpListener,
    shared: Arc<Shared>,
    limits: Limits,
    stop: Stop,
) -> anyhow::Result<()> {
    listener
        .set_nonblocking(true)
        .context("configuring the listening socket")?;
    let bound = listener.local_addr().context("reading the bound address")?;
    let listener =
        tokio::net::TcpListener::from_std(listener).context("configuring the listening socket")?;
    let hosts = Arc::new(AllowedHosts::new(bound, shared.lang()));
    let on_signal = shared.clone();
    let stopping = async move {
        stop.wait().await;
        let lang = on_signal.lang();
        eprintln!("{}", crate::messages::text(lang, ids::SERVE_STOPPING, &[]));
        on_signal.shutdown();
    };
    listen::serve(listener, router(shared, hosts, limits), limits, stopping)
        .await
        .context("serving HTTP")
}

/// Ctrl-C and SIGTERM, listened for from the moment it is installed: install it before telling
/// anyone the server is up, or a quick Ctrl-C would kill the process instead of stopping it.
pub struct Stop {
    #[cfg(unix)]
    interrupt: tokio::signal::unix::Signal,
    #[cfg(unix)]
    terminate: tokio::signal::unix::Signal,
}

impl Stop {
    /// Must run inside the tokio runtime (`Runtime::enter`).
    pub fn install() -> anyhow::Result<Self> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            Ok(Stop {
                interrupt: signal(SignalKind::interrupt()).context("listening for Ctrl-C")?,
                terminate: signal(SignalKind::terminate()).context("listening for SIGTERM")?,
            })
        }
        #[cfg(not(unix))]
        {
            Ok(Stop {})
        }
    }

    async fn wait(mut self) {
        #[cfg(unix)]
        tokio::select! {
            _ = self.interrupt.recv() => {},
            _ = self.terminate.recv() => {},
        }
        #[cfg(not(unix))]
        {
            let _ = &mut self;
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}

pub fn router(shared: Arc<Shared>, hosts: Arc<AllowedHosts>, limits: Limits) -> Router {
    Router::new()
        .route(SCRIPT_PATH, get(reload::script))
        .route(EVENTS_PATH, get(reload::events))
        .fallback(page)
        .layer(axum::Extension(Streams::for_connections(
            limits.connections,
        )))
        .layer(axum::middleware::from_fn(limit_headers))
        // The outermost layer: a request for another host is refused before anything else.
        .layer(axum::middleware::from_fn_with_state(hosts, host::check))
        .with_state(shared)
}

/// How long a request for a picture still being drawn waits for it (a rebuild serves its pages
/// first and draws its pictures right after: `docs/serve.md`). Drawing what one partner's edit
/// changes takes a fraction of a second; a change to every chart, minutes on a large site.
const PICTURE_WAIT: Duration = Duration::from_secs(30);

/// The current snapshot, once the file at `path` (a URL path) is not a picture still being
/// drawn, or once [`PICTURE_WAIT`] has passed.
async fn drawn(shared: &Shared, path: &str) -> Arc<Snapshot> {
    let output = path.trim_start_matches('/');
    let deadline = tokio::time::Instant::now() + PICTURE_WAIT;
    loop {
        let snapshot = shared.current();
        if !snapshot.drawing(output) || tokio::time::Instant::now() >= deadline {
            return snapshot;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

/// A browser's request headers are a few KB; far more is abuse or a mistake, refused with 431.
const MAX_HEADER_BYTES: usize = 32 * 1024;

async fn limit_headers(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let size: usize = request
        .headers()
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len())
        .sum();
    if size > MAX_HEADER_BYTES {
        return plain(
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            "request headers too large\n",
        );
    }
    next.run(request).await
}

async fn page(State(shared): State<Arc<Shared>>, method: Method, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut response = plain(StatusCode::METHOD_NOT_ALLOWED, "only GET and HEAD\n");
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let snapshot = drawn(&shared, uri.path()).await;
    let Some(site) = snapshot.files() else {
        return not_built_yet(&snapshot);
    };
    if snapshot.drawing(uri.path().trim_start_matches('/')) {
        let mut response = plain(
            StatusCode::SERVICE_UNAVAILABLE,
            "the picture is still being drawn; try again\n",
        );
        (response.headers_mut()).insert(header::RETRY_AFTER, HeaderValue::from_static("5"));
        return response;
    }
    match resolve(site, uri.path()) {
        Resolved::File(path) => file(StatusCode::OK, site, &path, &snapshot),
        Resolved::Redirect(to) => {
            let location = match uri.query() {
                Some(query) => format!("{to}?{query}"),
                None => to,
            };
            redirect(&location)
        }
        Resolved::NotFound => {
            let not_found = urls::output_path(urls::NOT_FOUND);
            match site.get(&not_found) {
                Some(_) => file(StatusCode::NOT_FOUND, site, &not_found, &snapshot),
                None => plain(StatusCode::NOT_FOUND, "not found\n"),
            }
        }
    }
}

/// Where a request path leads in the site.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    /// A file of the site, by its path in [`RenderedSite`].
    File(String),
    /// A folder asked for without its trailing slash: the URL path to redirect to.
    Redirect(String),
    NotFound,
}

/// Maps a request path (as sent: percent-encoded) to a file of `site`.
pub fn resolve(site: Files, raw_path: &str) -> Resolved {
    let Some(rel) = safe_relative_path(raw_path) else {
        return Resolved::NotFound;
    };
    let exists = |p: &str| site.get(p).is_some();
    if rel.is_empty() || rel.ends_with('/') {
        let index = format!("{rel}index.html");
        return if exists(&index) {
            Resolved::File(index)
        } else {
            Resolved::NotFound
        };
    }
    if exists(&rel) {
        Resolved::File(rel)
    } else if exists(&format!("{rel}/index.html")) {
        Resolved::Redirect(format!("{raw_path}/"))
    } else {
        Resolved::NotFound
    }
}

/// The decoded path without its leading `/`, or `None` when it could point anywhere but into
/// the site: see the module docs for what is refused.
fn safe_relative_path(raw_path: &str) -> Option<String> {
    let decoded = percent_decode_str(raw_path).decode_utf8().ok()?;
    let rel = decoded.strip_prefix('/')?;
    let segments: Vec<&str> = rel.split('/').collect();
    let last = segments.len() - 1;
    let bad = segments.iter().enumerate().any(|(i, s)| {
        matches!(*s, "." | "..") || s.contains(['\\', '\0']) || (s.is_empty() && i != last)
    });
    (!bad).then(|| rel.to_string())
}

fn file(status: StatusCode, site: Files, path: &str, snapshot: &Snapshot) -> Response {
    let Some(file) = site.get(path) else {
        return plain(StatusCode::NOT_FOUND, "not found\n");
    };
    let content_type = content_type(path);
    // A file copied as it is (a theme static file, a content asset) is read now, not kept.
    let Ok(bytes) = file.contents.read() else {
        return plain(StatusCode::NOT_FOUND, "not found\n");
    };
    let body = if content_type.starts_with("text/html") {
        decorate(&String::from_utf8_lossy(&bytes), snapshot).into_bytes()
    } else {
        bytes.into_owned()
    };
    with_headers(status, &content_type, body)
}

/// The live-reload tag, and the overlay while the latest build failed.
fn decorate(html: &str, snapshot: &Snapshot) -> String {
    let tagged = reload::tag_page(html, &snapshot.build_id);
    if snapshot.failed() {
        overlay::inject(&tagged, &overlay::render(&snapshot.problems, snapshot.lang))
    } else {
        tagged
    }
}

/// The first build failed, so there is no site yet: a bare page with the overlay, which reloads
/// when the content is fixed.
fn not_built_yet(snapshot: &Snapshot) -> Response {
    let lang = snapshot.lang;
    let text = |id| crate::messages::text(lang, id, &[]);
    let html = format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title></head>\
         <body><main><h1>{}</h1><p>{}</p></main></body></html>",
        text(ids::SERVE_PAGE_LANG),
        text(ids::SERVE_NOT_BUILT_TITLE),
        text(ids::SERVE_NOT_BUILT_HEADING),
        text(ids::SERVE_NOT_BUILT_TEXT),
    );
    with_headers(
        StatusCode::INTERNAL_SERVER_ERROR,
        "text/html; charset=utf-8",
        decorate(&html, snapshot).into_bytes(),
    )
}

/// The content type of a site file, from its extension (`application/octet-stream` when
/// unknown); text types say they are UTF-8, which every text the build writes is.
pub fn content_type(path: &str) -> String {
    if path.ends_with("atom.xml") {
        return "application/atom+xml; charset=utf-8".into();
    }
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let essence = mime.essence_str();
    let textual = essence.starts_with("text/")
        || matches!(
            essence,
            "application/javascript" | "application/json" | "application/xml"
        );
    if textual {
        format!("{essence}; charset=utf-8")
    } else {
        essence.to_string()
    }
}

fn with_headers(status: StatusCode, content_type: &str, body: Vec<u8>) -> Response {
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(content_type) {
        headers.insert(header::CONTENT_TYPE, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    response
}

fn plain(status: StatusCode, text: &str) -> Response {
    with_headers(
        status,
        "text/plain; charset=utf-8",
        text.as_bytes().to_vec(),
    )
}

fn redirect(location: &str) -> Response {
    let mut response = with_headers(StatusCode::FOUND, "text/plain; charset=utf-8", Vec::new());
    if let Ok(value) = HeaderValue::from_str(location) {
        response.headers_mut().insert(header::LOCATION, value);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{OutputFile, RenderedSite};

    fn site() -> RenderedSite {
        let file = |path: &str| OutputFile::new(path, b"x".to_vec());
        RenderedSite {
            files: vec![
                file("404.html"),
                file("data/results.json"),
                file("index.html"),
                file("partnere/alfa/index.html"),
                file("partnere/index.html"),
            ],
        }
    }

    fn files(site: &RenderedSite) -> Files<'_> {
        Files { site, search: None }
    }

    #[test]
    fn folders_serve_their_index() {
        let s = site();
        assert_eq!(resolve(files(&s), "/"), Resolved::File("index.html".into()));
        assert_eq!(
            resolve(files(&s), "/partnere/alfa/"),
            Resolved::File("partnere/alfa/index.html".into())
        );
        assert_eq!(
            resolve(files(&s), "/data/results.json"),
            Resolved::File("data/results.json".into())
        );
    }

    #[test]
    fn the_search_index_is_served_beside_the_site_and_the_site_comes_first() {
        let search = RenderedSite {
            files: vec![
                OutputFile::new("index.html", b"not the site's".to_vec()),
                OutputFile::new("pagefind/pagefind.js", b"js".to_vec()),
            ],
        };
        let s = site();
        let both = Files {
            site: &s,
            search: Some(&search),
        };
        assert_eq!(
            resolve(both, "/pagefind/pagefind.js"),
            Resolved::File("pagefind/pagefind.js".into())
        );
        assert_eq!(
            both.get("index.html").map(|f| &f.contents),
            s.get("index.html").map(|f| &f.contents)
        );
        assert_eq!(
            resolve(files(&s), "/pagefind/pagefind.js"),
            Resolved::NotFound
        );
    }

    #[test]
    fn folders_without_slash_redirect() {
        assert_eq!(
            resolve(files(&site()), "/partnere/alfa"),
            Resolved::Redirect("/partnere/alfa/".into())
        );
    }

    #[test]
    fn traversal_and_odd_paths_are_not_found() {
        let s = site();
        for path in [
            "/../etc/passwd",
            "/partnere/../index.html",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/partnere/%2e%2e/index.html",
            "/./index.html",
            "/..\\..\\windows\\win.ini",
            "/partnere%5c..%5cindex.html",
            "//etc/passwd",
            "/etc/passwd",
            "/%00",
            "/%ff",
            "relative",
            "/missing/",
        ] {
            assert_eq!(resolve(files(&s), path), Resolved::NotFound, "{path}");
        }
    }

    #[test]
    fn content_types_follow_the_extension() {
        assert_eq!(content_type("index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("static/style.css"), "text/css; charset=utf-8");
        assert_eq!(
            content_type("data/results.json"),
            "application/json; charset=utf-8"
        );
        assert_eq!(content_type("data/partners.csv"), "text/csv; charset=utf-8");
        assert_eq!(content_type("grafer/a.svg"), "image/svg+xml");
        assert_eq!(
            content_type("atom.xml"),
            "application/atom+xml; charset=utf-8"
        );
        assert_eq!(content_type("partnere/a/logo.png"), "image/png");
        assert_eq!(content_type("x.unknownext"), "application/octet-stream");
    }
}
