//! `nfk serve` against a hostile page or client (issue 12): requests for another host (DNS
//! rebinding), idle and slow connections, too many live-reload streams, the open-file limit, and
//! a theme template that would recurse forever. Every wait is bounded by a generous hang guard;
//! nothing here measures time.

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::process::Command;
use std::time::{Duration, Instant};

use super::{NAME, PARTNER_PAGE, Server, WAIT, fixture_site, hello, next_reload, reload_until};

/// Far longer than the server's 5-second header timeout: only a hang reaches it.
const HANG_GUARD: Duration = Duration::from_secs(40);

/// Sends `request` as written and returns the status code (0 when the server answered nothing).
pub(super) fn send(addr: &str, request: &str) -> u16 {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(HANG_GUARD)).ok();
    // A server may close on a request it refuses before reading all of it.
    let _ = stream.write_all(request.as_bytes());
    let mut reply = Vec::new();
    let _ = stream.read_to_end(&mut reply);
    String::from_utf8_lossy(&reply)
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

fn get_with_host(addr: &str, path: &str, host: &str) -> u16 {
    send(
        addr,
        &format!("GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"),
    )
}

fn addr(server: &Server) -> String {
    server.base.trim_start_matches("http://").to_string()
}

#[test]
fn answers_only_requests_for_its_own_address() {
    let site = fixture_site();
    let server = Server::start(site.path());
    let addr = addr(&server);
    let port = addr.rsplit_once(':').unwrap().1.to_string();

    for host in [
        "evil.example".to_string(),
        "evil.example:1111".to_string(),
        format!("evil.example:{port}"),
        format!("127.0.0.1.nip.io:{port}"),
        format!("localhost.evil.example:{port}"),
    ] {
        assert_eq!(get_with_host(&addr, PARTNER_PAGE, &host), 403, "{host}");
        assert_eq!(get_with_host(&addr, "/__nfk/events", &host), 403, "{host}");
    }
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
        format!("127.0.0.2:{port}"),
    ] {
        assert_eq!(get_with_host(&addr, PARTNER_PAGE, &host), 200, "{host}");
    }
    // Another port of this machine is not this server.
    assert_eq!(get_with_host(&addr, "/", "127.0.0.1:1"), 403);
    // HTTP/1.0 without a Host cannot come from a browser page: served. HTTP/1.1 requires one.
    assert_eq!(
        send(&addr, &format!("GET {PARTNER_PAGE} HTTP/1.0\r\n\r\n")),
        200
    );
    assert_eq!(
        send(&addr, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n"),
        400
    );
    // An absolute request target names its host too.
    assert_eq!(
        send(
            &addr,
            &format!(
                "GET http://evil.example/ HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
            )
        ),
        403
    );
    let deadline = Instant::now() + WAIT;
    while !server
        .log()
        .contains("avviste en forespørsel til vertsnavnet `evil.example:1111`")
    {
        assert!(Instant::now() < deadline, "{}", server.log());
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(
        server
            .log()
            .matches("vertsnavnet `evil.example:1111`")
            .count(),
        1,
        "one line per refused host, however many requests: {}",
        server.log()
    );
}

#[test]
fn bound_to_ipv6_loopback_it_answers_its_own_address() {
    if std::net::TcpListener::bind("[::1]:0").is_err() {
        eprintln!("no IPv6 loopback here; skipped");
        return;
    }
    let site = fixture_site();
    let mut command = Command::new(env!("CARGO_BIN_EXE_nfk"));
    command
        .args(["serve", "--port", "0", "--bind", "::1", "--root"])
        .arg(site.path());
    let server = Server::spawn(command);
    assert!(server.base.starts_with("http://[::1]:"), "{}", server.base);
    let addr = addr(&server);
    assert_eq!(get_with_host(&addr, PARTNER_PAGE, &addr), 200);
    let port = addr.rsplit_once(':').unwrap().1;
    assert_eq!(
        get_with_host(&addr, PARTNER_PAGE, &format!("localhost:{port}")),
        200
    );
    assert_eq!(
        get_with_host(&addr, PARTNER_PAGE, &format!("evil.example:{port}")),
        403
    );
}

/// Has the server closed this connection? Waits up to the hang guard for it.
fn closed_by_server(stream: &mut TcpStream) -> bool {
    stream.set_read_timeout(Some(HANG_GUARD)).ok();
    let mut buffer = [0u8; 4096];
    loop {
        match stream.read(&mut buffer) {
            Ok(0) => return true,
            // A 408 or similar before the close is fine.
            Ok(_) => continue,
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return false;
            }
            Err(_) => return true,
        }
    }
}

#[test]
fn idle_and_slow_clients_cannot_lock_out_a_request() {
    let site = fixture_site();
    let server = Server::start(site.path());
    let addr = addr(&server);

    // A client that sends its headers a few bytes at a time and never finishes them.
    let mut slow = TcpStream::connect(&addr).expect("connect");
    slow.write_all(format!("GET / HTTP/1.1\r\nHost: {addr}\r\n").as_bytes())
        .unwrap();
    let trickle = {
        let mut slow = slow.try_clone().unwrap();
        std::thread::spawn(move || {
            let end = Instant::now() + HANG_GUARD;
            while Instant::now() < end {
                if slow.write_all(b"X-Slow: y\r\n").is_err() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(500));
            }
        })
    };
    // More silent connections than the server's cap (256).
    let idle: Vec<TcpStream> = (0..300)
        .map(|_| TcpStream::connect(&addr).expect("connect"))
        .collect();

    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(HANG_GUARD))
        .build()
        .into();
    let page = agent
        .get(format!("{}{PARTNER_PAGE}", server.base))
        .call()
        .expect("a normal request is answered while idle connections hog the slots");
    assert_eq!(page.status().as_u16(), 200);

    assert!(closed_by_server(&mut slow), "the slow client is dropped");
    let mut first_idle = idle.into_iter().next().unwrap();
    assert!(
        closed_by_server(&mut first_idle),
        "an idle connection is closed"
    );
    trickle.join().unwrap();
    assert_eq!(server.get("/").status, 200, "still serving");
}

#[test]
fn live_reload_streams_cannot_take_every_connection() {
    let site = fixture_site();
    let server = Server::start(site.path());
    let addr = addr(&server);
    let open_stream = || -> (TcpStream, u16) {
        let mut stream = TcpStream::connect(&addr).expect("connect");
        stream.set_read_timeout(Some(HANG_GUARD)).ok();
        write!(stream, "GET /__nfk/events HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n") && stream.read(&mut byte).unwrap_or(0) == 1 {
            head.push(byte[0]);
        }
        let status = String::from_utf8_lossy(&head)
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        (stream, status)
    };
    // A quarter of the 256 connections may be streams: this one and 63 more.
    let events = server.events();
    hello(&events);
    let streams: Vec<(TcpStream, u16)> = (0..63).map(|_| open_stream()).collect();
    assert!(streams.iter().all(|(_, status)| *status == 200));
    let (_, status) = open_stream();
    assert_eq!(status, 503, "streams past their cap are refused");
    assert_eq!(
        server.get(PARTNER_PAGE).status,
        200,
        "pages are still served"
    );
    drop(streams);
    // Closed streams give their slots back, noticed at the next write to them (a reload here).
    let profile = site.path().join(super::PROFILE);
    let text = std::fs::read_to_string(&profile).unwrap();
    let deadline = Instant::now() + HANG_GUARD;
    for n in 1.. {
        std::fs::write(&profile, format!("{text}{}", "\n".repeat(n))).unwrap();
        next_reload(&events, || server.log());
        let (_, status) = open_stream();
        if status == 200 {
            break;
        }
        assert!(Instant::now() < deadline, "the slots never came back");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn raises_its_soft_open_file_limit_to_the_hard_one() {
    let site = fixture_site();
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(r#"ulimit -Sn 256 && exec "$0" serve --port 0 --root "$1""#)
        .arg(env!("CARGO_BIN_EXE_nfk"))
        .arg(site.path());
    let server = Server::spawn(command);
    let limits = std::fs::read_to_string(format!("/proc/{}/limits", server.child.id())).unwrap();
    let line = limits
        .lines()
        .find(|l| l.starts_with("Max open files"))
        .expect("a Max open files line");
    let numbers: Vec<&str> = line.split_whitespace().skip(3).take(2).collect();
    assert_eq!(numbers.len(), 2, "{line}");
    assert_eq!(numbers[0], numbers[1], "soft = hard: {line}");
    assert_ne!(numbers[0], "256", "{line}");
}

#[test]
fn a_template_that_includes_itself_keeps_the_server_and_the_last_good_site() {
    let site = fixture_site();
    let server = Server::start(site.path());
    let events = server.events();
    hello(&events);
    let templates = site.path().join("themes/nfk/templates");
    std::fs::create_dir_all(&templates).unwrap();
    std::fs::write(
        templates.join("boks.html"),
        "<div>\n  {% include \"boks.html\" %}\n</div>\n",
    )
    .unwrap();

    let page = reload_until(&events, &server, |page| page.body.contains("nfk-overlay"));
    assert_eq!(page.status, 200);
    assert!(page.body.contains(NAME), "the last good page stays");
    assert!(
        page.body
            .contains("<code>themes/nfk/templates/boks.html:2:3</code>"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("tar med (include) seg selv"),
        "{}",
        page.body
    );
    let mut server = server;
    assert!(server.child.try_wait().unwrap().is_none(), "still running");

    std::fs::write(templates.join("boks.html"), "<div></div>\n").unwrap();
    let page = reload_until(&events, &server, |page| !page.body.contains("nfk-overlay"));
    assert!(page.body.contains(NAME));
}
