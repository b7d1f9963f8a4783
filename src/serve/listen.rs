//! Accepting connections so that no client can starve the others (SPEC §10, issue 12).
//!
//! - At most [`Limits::connections`] connections are open at once. Past the cap, new
//!   connections wait in the kernel's queue (they are not refused) until one closes: a burst of
//!   browser connections is served a moment later instead of failing.
//! - A connection closes when a request's headers have not all arrived within
//!   [`Limits::header_timeout`] of its start (a slow or silent client), and when it has been idle
//!   that long between requests (hyper times both from the moment it waits for a request line),
//!   so idle and slow connections give their slot back within seconds.
//! - Long-lived live-reload streams are capped separately (`reload::Streams`, a quarter of this
//!   cap), so pages always find a free slot.
//! - [`raise_open_file_limit`]: the soft `RLIMIT_NOFILE` goes up to the hard limit at start, so a
//!   rebuild does not run out of file descriptors while connections are open.
//!
//! HTTP itself is hyper's (HTTP/1.1 with keep-alive, its own timer); this module only decides
//! when to accept and how long to wait. It must not look at requests: that is `http`'s job.

use std::future::Future;
use std::time::Duration;

use anyhow::Context;
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// The most connections the preview keeps open; an editor's browser opens a handful per tab.
pub const MAX_CONNECTIONS: usize = 256;

/// How long a client may take to send a request's headers, and how long an idle keep-alive
/// connection stays open: a browser sends its headers in one packet.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(5);

/// How long Ctrl-C waits for open connections before the server stops anyway.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(2);

/// After a failed `accept` (for example too many open files), wait this long before the next.
const ACCEPT_PAUSE: Duration = Duration::from_millis(50);

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub connections: usize,
    pub header_timeout: Duration,
}

impl Limits {
    /// The cap, lowered when the process may open few files (each connection takes one, and a
    /// build needs some of its own).
    pub fn for_open_files(open_files: u64) -> Limits {
        let quarter = usize::try_from(open_files / 4).unwrap_or(usize::MAX);
        Limits {
            connections: quarter.clamp(16, MAX_CONNECTIONS),
            header_timeout: HEADER_TIMEOUT,
        }
    }
}

/// Serves `app` on `listener` until `stop` completes, then lets open connections finish for a
/// short grace period.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: Limits,
    stop: impl Future<Output = ()>,
) -> anyhow::Result<()> {
    let slots = std::sync::Arc::new(Semaphore::new(limits.connections));
    let graceful = GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout)
        .keep_alive(true);
    tokio::pin!(stop);
    loop {
        let slot = tokio::select! {
            slot = slots.clone().acquire_owned() => slot.context("the connection slots closed")?,
            () = &mut stop => break,
        };
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    log::warn!("accepting a connection: {e}");
                    tokio::time::sleep(ACCEPT_PAUSE).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        // Small responses go out at once rather than waiting for more to send.
        let _ = stream.set_nodelay(true);
        let connection =
            http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(app.clone()));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            if let Err(e) = connection.await {
                log::debug!("connection closed: {e}");
            }
            drop(slot);
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(SHUTDOWN_GRACE) => log::debug!("open connections did not close in time"),
    }
    Ok(())
}

/// Raises the soft open-file limit to the hard one; returns the limit now in force. Best effort:
/// when the system refuses, the old limit stays and the connection cap follows it.
#[cfg(unix)]
pub fn raise_open_file_limit() -> u64 {
    use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};
    let limit = getrlimit(Resource::Nofile);
    let raised = Rlimit {
        current: limit.maximum,
        maximum: limit.maximum,
    };
    let now = if limit.current == limit.maximum {
        limit.current
    } else {
        match setrlimit(Resource::Nofile, raised) {
            Ok(()) => limit.maximum,
            Err(e) => {
                log::debug!("cannot raise the open-file limit: {e}");
                limit.current
            }
        }
    };
    // `None` is unlimited.
    now.unwrap_or(u64::MAX)
}

#[cfg(not(unix))]
pub fn raise_open_file_limit() -> u64 {
    u64::MAX
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cap_follows_the_open_file_limit() {
        assert_eq!(Limits::for_open_files(1024).connections, MAX_CONNECTIONS);
        assert_eq!(
            Limits::for_open_files(u64::MAX).connections,
            MAX_CONNECTIONS
        );
        assert_eq!(Limits::for_open_files(256).connections, 64);
        assert_eq!(Limits::for_open_files(20).connections, 16);
    }

    #[cfg(unix)]
    #[test]
    fn raises_the_soft_open_file_limit_to_the_hard_one() {
        use rustix::process::{Resource, Rlimit, getrlimit, setrlimit};
        let before = getrlimit(Resource::Nofile);
        // Start from a lowered soft limit, as a shell's `ulimit -Sn 256` leaves it.
        let low = before.maximum.map_or(256, |hard| hard.min(256));
        setrlimit(
            Resource::Nofile,
            Rlimit {
                current: Some(low),
                maximum: before.maximum,
            },
        )
        .expect("lowering the soft limit is always allowed");
        let now = raise_open_file_limit();
        let after = getrlimit(Resource::Nofile);
        assert_eq!(after.current, before.maximum);
        assert_eq!(now, before.maximum.unwrap_or(u64::MAX));
    }
}
