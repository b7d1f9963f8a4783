//! Which `Host` a request may name: the guard against DNS rebinding (SPEC §10).
//!
//! A web page the editor visits can point its own host name at 127.0.0.1 and then read the
//! preview, drafts included, as if it were its own site: the browser only compares names. What
//! gives it away is the `Host` header, which carries the attacker's name. So the server answers
//! only requests whose `Host` is an address it serves: the bound address, `localhost` or a
//! loopback address (`127.0.0.0/8`, `[::1]`), each with the served port (or without a port when
//! that is 80). When bound to every interface (`0.0.0.0`, `::`) any IP address is accepted as the
//! host: a page reaching the preview by IP address has that address as its origin, so the
//! browser's same-origin rule keeps other sites out. Names other than `localhost` never pass.
//! Everything else gets 403 and one line in the log (per name, so a page cannot flood it).
//!
//! A request without a `Host` (HTTP/1.0) cannot come from a browser page, which always sends
//! one, so it is served; HTTP/1.1 requires the header, and a request without it, with two, or
//! with one that is not a host and port, gets 400.
//!
//! This module judges requests; it must not read or change anything of the site.

use std::collections::BTreeSet;
use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::sync::{Arc, Mutex};

use axum::extract::{Request, State};
use axum::http::{StatusCode, Version, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::messages::{self, ids};
use crate::model::Language;

/// How many distinct refused hosts are logged before the log falls silent about them.
const LOGGED_HOSTS: usize = 32;

/// The hosts this server answers to.
pub struct AllowedHosts {
    bound: IpAddr,
    port: u16,
    refused: Mutex<BTreeSet<String>>,
    /// The editor's language: the log lines and the answers' text.
    lang: Language,
}

impl AllowedHosts {
    /// For a server listening on `bound` (as bound: `0.0.0.0` means every interface), speaking
    /// `lang`.
    pub fn new(bound: SocketAddr, lang: Language) -> Self {
        AllowedHosts {
            bound: bound.ip().to_canonical(),
            port: bound.port(),
            refused: Mutex::new(BTreeSet::new()),
            lang,
        }
    }

    /// Message `id` in the editor's language.
    fn say(&self, id: &str, args: &[(&str, messages::Arg)]) -> String {
        messages::text(self.lang, id, args)
    }

    /// Does `host` (a `Host` header value or a request URI's authority) name this server?
    pub fn allows(&self, host: &str) -> bool {
        let Some((name, port)) = split_host(host) else {
            return false;
        };
        let port_ok = match port {
            Some(port) => port == self.port,
            None => self.port == 80,
        };
        let name_ok = match name {
            Name::Ip(ip) => {
                let ip = ip.to_canonical();
                ip.is_loopback() || ip == self.bound || self.bound.is_unspecified()
            }
            Name::Domain(name) => name.eq_ignore_ascii_case("localhost"),
        };
        port_ok && name_ok
    }

    /// Logs a refused host once (the first [`LOGGED_HOSTS`] of them).
    fn log_refused(&self, host: &str) {
        let mut refused = match self.refused.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        if refused.len() > LOGGED_HOSTS || refused.contains(host) {
            return;
        }
        refused.insert(host.to_string());
        let shown: String = host.escape_debug().collect();
        let args = [("host", shown.into())];
        eprintln!("{}", self.say(ids::SERVE_HOST_REFUSED, &args));
        if refused.len() > LOGGED_HOSTS {
            eprintln!("{}", self.say(ids::SERVE_HOSTS_NO_LONGER_LOGGED, &[]));
        }
    }
}

enum Name<'a> {
    Ip(IpAddr),
    Domain(&'a str),
}

/// `127.0.0.1:1111`, `[::1]:1111`, `localhost`: the name and the port, if the value is a host
/// with an optional port and nothing else (no user, path or stray colon).
fn split_host(host: &str) -> Option<(Name<'_>, Option<u16>)> {
    let port = |digits: &str| -> Option<u16> {
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok()
    };
    if let Some(rest) = host.strip_prefix('[') {
        let (inside, after) = rest.split_once(']')?;
        let ip: Ipv6Addr = inside.parse().ok()?;
        let port = match after {
            "" => None,
            after => Some(port(after.strip_prefix(':')?)?),
        };
        return Some((Name::Ip(IpAddr::V6(ip)), port));
    }
    let (name, port) = match host.split_once(':') {
        Some((name, digits)) => (name, Some(port(digits)?)),
        None => (host, None),
    };
    if name.is_empty()
        || !name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
    {
        return None;
    }
    match name.parse::<IpAddr>() {
        Ok(ip) => Some((Name::Ip(ip), port)),
        Err(_) => Some((Name::Domain(name), port)),
    }
}

/// The middleware: every request passes here first, the live-reload stream included.
pub async fn check(
    State(hosts): State<Arc<AllowedHosts>>,
    request: Request,
    next: Next,
) -> Response {
    let mut values = request.headers().get_all(header::HOST).iter();
    let host = match (values.next(), values.next()) {
        (Some(value), None) => match value.to_str() {
            Ok(host) => Some(host),
            Err(_) => return bad_request(&hosts, ids::SERVE_HOST_NOT_A_NAME),
        },
        (None, _) if request.version() <= Version::HTTP_10 => None,
        (None, _) => return bad_request(&hosts, ids::SERVE_HOST_MISSING),
        (Some(_), Some(_)) => return bad_request(&hosts, ids::SERVE_HOST_TWICE),
    };
    // An absolute request target (`GET http://host/ HTTP/1.1`) names a host too.
    let named = host
        .into_iter()
        .chain(request.uri().authority().map(|a| a.as_str()));
    for host in named {
        if !hosts.allows(host) {
            hosts.log_refused(host);
            return refused(&hosts);
        }
    }
    next.run(request).await
}

fn refused(hosts: &AllowedHosts) -> Response {
    (
        StatusCode::FORBIDDEN,
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        hosts.say(ids::SERVE_HOST_REFUSED_ANSWER, &[]) + "\n",
    )
        .into_response()
}

fn bad_request(hosts: &AllowedHosts, id: &str) -> Response {
    (
        StatusCode::BAD_REQUEST,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        hosts.say(id, &[]) + "\n",
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hosts(bound: &str) -> AllowedHosts {
        AllowedHosts::new(bound.parse().unwrap(), Language::En)
    }

    #[test]
    fn answers_loopback_names_and_the_bound_address_with_the_port() {
        let h = hosts("127.0.0.1:1111");
        for ok in [
            "127.0.0.1:1111",
            "localhost:1111",
            "LocalHost:1111",
            "127.1.2.3:1111",
            "[::1]:1111",
            "[::ffff:127.0.0.1]:1111",
        ] {
            assert!(h.allows(ok), "{ok}");
        }
        let lan = hosts("192.168.1.20:1111");
        assert!(lan.allows("192.168.1.20:1111"));
        assert!(lan.allows("localhost:1111"));
        assert!(!lan.allows("192.168.1.21:1111"));
    }

    #[test]
    fn refuses_other_names_ports_and_malformed_hosts() {
        let h = hosts("127.0.0.1:1111");
        for no in [
            "evil.example",
            "evil.example:1111",
            "localhost.evil.example:1111",
            "127.0.0.1.nip.io:1111",
            "127.0.0.1:1112",
            "127.0.0.1",
            "localhost",
            "192.168.1.20:1111",
            "user@127.0.0.1:1111",
            "127.0.0.1:1111/x",
            "127.0.0.1:+1111",
            "127.0.0.1:",
            "[::1]",
            "[::1]x",
            "::1:1111",
            "",
        ] {
            assert!(!h.allows(no), "{no}");
        }
    }

    #[test]
    fn a_host_without_port_means_port_80() {
        let h = hosts("127.0.0.1:80");
        assert!(h.allows("127.0.0.1"));
        assert!(h.allows("localhost"));
        assert!(h.allows("localhost:80"));
        assert!(!h.allows("evil.example"));
    }

    #[test]
    fn every_interface_accepts_any_address_but_no_other_name() {
        let h = hosts("0.0.0.0:1111");
        assert!(h.allows("192.168.1.20:1111"));
        assert!(h.allows("[fe80::1]:1111"));
        assert!(h.allows("localhost:1111"));
        assert!(!h.allows("preview.evil.example:1111"));
        assert!(!h.allows("192.168.1.20:1112"));
    }
}
