//! Live reload over Server-Sent Events, on the same port as the pages.
//!
//! - `GET /__nfk/live-reload.js`: the script the theme includes when `site.live_reload` is true.
//!   The server adds `?build=<id>` to that include in every HTML page it sends (and adds the
//!   include when a site's own `base.html` lacks it), so the script knows which build its page
//!   shows.
//! - `GET /__nfk/events`: an event stream. On connect it sends `hello` with the current build id;
//!   after every build (good or failed) it sends `reload` with the new id.
//!
//! The script reloads when an id differs from its page's. That covers a build that finished
//! between the page load and the stream's connect, and a restarted server (the browser's
//! `EventSource` reconnects by itself). The stream URL is resolved relative to the script's own
//! URL, never a hard-coded host or port, so it works on any interface and behind a proxy.
//! Messages are sent only after the new snapshot is in place (see `state`).
//!
//! A stream holds its connection for as long as the page is open, so streams have a cap of their
//! own ([`Streams`], a quarter of the connection cap): however many tabs are open, pages always
//! find a free connection. A stream past the cap gets 503 (that page then does not reload by
//! itself; the others do).

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::Extension;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use tokio::sync::Semaphore;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::{Stream, StreamExt};

use super::state::{Message, Shared};

/// Where the script is served; the theme's `base.html` includes this path.
pub const SCRIPT_PATH: &str = "/__nfk/live-reload.js";
/// The event stream, relative to the script.
pub const EVENTS_PATH: &str = "/__nfk/events";

const SCRIPT: &str = r#"// nfk serve: reloads the page when the site was rebuilt. Not part of the built site.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.EventSource) { return; }
  var src = new URL(script.src, location.href);
  var shown = src.searchParams.get("build");
  var source = new EventSource(new URL("events", src));
  function check(event) {
    if (shown === null) { shown = event.data; return; }
    if (event.data !== shown) {
      source.close();
      location.reload();
    }
  }
  source.addEventListener("hello", check);
  source.addEventListener("reload", check);
})();
"#;

pub async fn script() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        SCRIPT,
    )
        .into_response()
}

/// The slots for open event streams; each open stream holds one.
#[derive(Clone)]
pub struct Streams(Arc<Semaphore>);

impl Streams {
    /// A quarter of the connection cap, at least one.
    pub fn for_connections(connections: usize) -> Self {
        Streams(Arc::new(Semaphore::new((connections / 4).max(1))))
    }
}

pub async fn events(
    State(shared): State<Arc<Shared>>,
    Extension(streams): Extension<Streams>,
) -> Response {
    let Ok(slot) = streams.0.try_acquire_owned() else {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            [
                (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
                (header::CACHE_CONTROL, "no-store"),
            ],
            "too many live-reload streams are open; close some preview tabs\n",
        )
            .into_response();
    };
    // Subscribe before reading the current id, so no build can fall between the two.
    let updates = BroadcastStream::new(shared.subscribe());
    let hello = shared.current().build_id.clone();
    let stream = tokio_stream::once(Message::Reload(hello))
        .map(|m| (m, true))
        .chain(
            updates
                // A lagging receiver skipped messages; the next one still carries the latest id.
                .filter_map(Result::ok)
                .map(|m| (m, false)),
        )
        .take_while(|(m, _)| *m != Message::Shutdown)
        .filter_map(|(m, first)| match m {
            Message::Reload(id) => Some(Ok::<_, Infallible>(
                Event::default()
                    .event(if first { "hello" } else { "reload" })
                    .data(id),
            )),
            Message::Shutdown => None,
        })
        // The slot is given back when the stream ends (the page closed, or shutdown).
        .map(move |event| {
            let _held = &slot;
            event
        });
    sse(stream)
}

fn sse<S>(stream: S) -> Response
where
    S: Stream<Item = Result<Event, Infallible>> + Send + 'static,
{
    let mut response = Sse::new(stream)
        .keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
        .into_response();
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    response
}

/// Points every live-reload include at this build, and adds one where a theme left it out.
pub fn tag_page(html: &str, build_id: &str) -> String {
    let tagged = format!("{SCRIPT_PATH}?build={build_id}");
    let quoted = format!("\"{SCRIPT_PATH}\"");
    if html.contains(&quoted) {
        html.replace(&quoted, &format!("\"{tagged}\""))
    } else {
        super::overlay::inject(html, &format!("<script src=\"{tagged}\"></script>"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_the_theme_include_with_the_build() {
        let html = r#"<body><script src="/__nfk/live-reload.js"></script></body>"#;
        assert_eq!(
            tag_page(html, "a-1"),
            r#"<body><script src="/__nfk/live-reload.js?build=a-1"></script></body>"#
        );
    }

    #[test]
    fn adds_the_script_when_the_theme_left_it_out() {
        assert_eq!(
            tag_page("<body></body>", "a-2"),
            r#"<body><script src="/__nfk/live-reload.js?build=a-2"></script></body>"#
        );
    }
}
