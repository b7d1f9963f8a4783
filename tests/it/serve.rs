//! `nfk serve` as an editor uses it: a real server on a free loopback port, a real HTTP client,
//! files changed on disk the way editors change them. Every wait is bounded, so a failure fails
//! the test instead of hanging CI.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// Host check, connection limits, template loops (issue 12).
mod safety;

/// A hang guard, not a time limit: a debug build of the bundled two-language site takes 25 s
/// on a loaded 2-core machine.
const WAIT: Duration = Duration::from_secs(90);
const PARTNER_PAGE: &str = "/partnere/bjerkedal-bygg/";
const PROFILE: &str = "partners/bjerkedal-bygg/profile.yaml";
const NAME: &str = "Bjerkedal Byggentreprenør AS";

/// A copy of the bundled site in a temp dir (site.yaml, partners/, content/), so the tests can
/// change it freely and do not depend on each other.
pub fn fixture_site() -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(bundled.join("site.yaml"), dir.path().join("site.yaml")).expect("copy");
    for folder in ["partners", "content"] {
        for entry in walkdir::WalkDir::new(bundled.join(folder)) {
            let entry = entry.expect("walk");
            let rel = entry.path().strip_prefix(bundled).expect("inside");
            let to = dir.path().join(rel);
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&to).expect("mkdir");
            } else {
                std::fs::copy(entry.path(), &to).expect("copy");
            }
        }
    }
    dir
}

/// Replaces a file the way most editors save: write a temp file beside it, rename it over.
pub fn atomic_save(path: &Path, text: &str) {
    let tmp = path.with_extension("yaml.nfk-test~");
    std::fs::write(&tmp, text).expect("write temp");
    std::fs::rename(&tmp, path).expect("rename");
}

struct Server {
    child: Child,
    base: String,
    log: Arc<Mutex<String>>,
}

impl Server {
    fn start(root: &Path) -> Server {
        Self::start_with(root, &["--port", "0"])
    }

    fn start_with(root: &Path, args: &[&str]) -> Server {
        let mut command = Command::new(env!("CARGO_BIN_EXE_nfk"));
        command.arg("serve").arg("--root").arg(root).args(args);
        let server = Self::spawn(command);
        assert!(
            server.base.starts_with("http://127.0.0.1:"),
            "{}",
            server.base
        );
        server
    }

    /// Runs `command` (an `nfk serve` however started) and waits for its "serving" line (in
    /// bokmål, the fixtures' language: "viser URL …"; in English "serving URL …").
    fn spawn(mut command: Command) -> Server {
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("starts nfk serve");
        let stderr = child.stderr.take().expect("stderr");
        let log = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = mpsc::channel();
        let sink = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                sink.lock().unwrap().push_str(&format!("{line}\n"));
                if let Some(rest) =
                    (line.strip_prefix("viser ")).or_else(|| line.strip_prefix("serving "))
                {
                    let url = rest.split_whitespace().next().unwrap_or_default();
                    let _ = tx.send(url.trim_end_matches('/').to_string());
                }
            }
        });
        let base = match rx.recv_timeout(WAIT) {
            Ok(base) => base,
            Err(_) => {
                let _ = child.kill();
                panic!("server did not start:\n{}", log.lock().unwrap());
            }
        };
        Server { child, base, log }
    }

    fn get(&self, path: &str) -> Reply {
        get(&format!("{}{path}", self.base))
    }

    fn log(&self) -> String {
        self.log.lock().unwrap().clone()
    }

    /// The event stream: `(event, data)` pairs, read on a thread.
    fn events(&self) -> Receiver<(String, String)> {
        let url = format!("{}/__nfk/events", self.base);
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let agent: ureq::Agent = ureq::Agent::config_builder()
                .timeout_global(Some(Duration::from_secs(60)))
                .build()
                .into();
            let Ok(response) = agent.get(&url).call() else {
                return;
            };
            let mut event = String::new();
            let reader = BufReader::new(response.into_body().into_reader());
            for line in reader.lines().map_while(Result::ok) {
                if let Some(name) = line.strip_prefix("event: ") {
                    event = name.to_string();
                } else if let Some(data) = line.strip_prefix("data: ")
                    && tx.send((event.clone(), data.to_string())).is_err()
                {
                    return;
                }
            }
        });
        rx
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

fn get(url: &str) -> Reply {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(10)))
        .http_status_as_error(false)
        .max_redirects(0)
        .build()
        .into();
    let mut response = agent.get(url).call().expect("HTTP request");
    let headers = response
        .headers()
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_str().unwrap_or_default().to_string()))
        .collect();
    Reply {
        status: response.status().as_u16(),
        headers,
        body: response.body_mut().read_to_string().expect("body"),
    }
}

/// Sends the request line as written: HTTP clients normalise `..` away before sending.
fn raw_get(base: &str, target: &str) -> (u16, String) {
    raw_request(base, "GET", target)
}

fn raw_request(base: &str, method: &str, target: &str) -> (u16, String) {
    let addr = base.trim_start_matches("http://");
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(10))).ok();
    let body = if method == "POST" {
        "Content-Length: 0\r\n"
    } else {
        ""
    };
    write!(
        stream,
        "{method} {target} HTTP/1.1\r\nHost: {addr}\r\n{body}Connection: close\r\n\r\n"
    )
    .expect("send");
    let mut reply = Vec::new();
    let _ = stream.read_to_end(&mut reply);
    let reply = String::from_utf8_lossy(&reply).into_owned();
    let status = reply
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, reply)
}

/// The next `reload` event, skipping the `hello`.
fn next_reload(events: &Receiver<(String, String)>, log: impl Fn() -> String) -> String {
    let deadline = Instant::now() + WAIT;
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match events.recv_timeout(left) {
            Ok((event, data)) if event == "reload" => return data,
            Ok(_) => continue,
            Err(_) => break,
        }
    }
    panic!("no reload event within {WAIT:?}; server log:\n{}", log());
}

fn hello(events: &Receiver<(String, String)>) -> String {
    let (event, data) = events.recv_timeout(WAIT).expect("hello event");
    assert_eq!(event, "hello");
    data
}

#[test]
fn serves_pages_with_content_types_404_and_redirects() {
    let site = fixture_site();
    let server = Server::start(site.path());

    let page = server.get(PARTNER_PAGE);
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(page.header("cache-control"), Some("no-store"));
    assert!(page.body.contains(NAME));
    assert!(page.body.contains("/__nfk/live-reload.js?build="));
    assert!(!page.body.contains("nfk-overlay"));

    for (path, content_type) in [
        ("/data/results.json", "application/json; charset=utf-8"),
        ("/data/partners.csv", "text/csv; charset=utf-8"),
        ("/static/style.css", "text/css; charset=utf-8"),
        ("/atom.xml", "application/atom+xml; charset=utf-8"),
        ("/__nfk/live-reload.js", "text/javascript; charset=utf-8"),
    ] {
        let reply = server.get(path);
        assert_eq!(reply.status, 200, "{path}");
        assert_eq!(reply.header("content-type"), Some(content_type), "{path}");
        assert_eq!(reply.header("cache-control"), Some("no-store"), "{path}");
    }

    let redirect = server.get("/partnere/bjerkedal-bygg?x=1");
    assert_eq!(redirect.status, 302);
    assert_eq!(
        redirect.header("location"),
        Some("/partnere/bjerkedal-bygg/?x=1")
    );

    let (status, reply) = raw_request(&server.base, "HEAD", PARTNER_PAGE);
    assert_eq!(status, 200);
    assert!(reply.ends_with("\r\n\r\n"), "HEAD has no body: {reply}");
    let (status, reply) = raw_request(&server.base, "POST", PARTNER_PAGE);
    assert_eq!(status, 405);
    assert!(
        reply.to_ascii_lowercase().contains("allow: get, head"),
        "{reply}"
    );

    let missing = server.get("/finnes-ikke/");
    assert_eq!(missing.status, 404);
    assert_eq!(
        missing.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(
        missing.body.contains("Fant ikke siden"),
        "the site's own 404 page"
    );
}

/// The search index is made after the pages are served, and then served beside them; a save
/// makes it again for the new pages (docs/serve.md, "The search index comes after the pages").
#[test]
fn the_search_index_follows_the_pages_and_their_edits() {
    let site = fixture_site();
    let server = Server::start(site.path());
    let deadline = std::time::Instant::now() + WAIT;
    let first = loop {
        let entry = server.get("/pagefind/pagefind-entry.json");
        if entry.status == 200 {
            break entry;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no search index within {WAIT:?}:\n{}",
            server.log()
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    assert_eq!(
        first.header("content-type"),
        Some("application/json; charset=utf-8")
    );
    assert_eq!(server.get("/pagefind/pagefind.js").status, 200);

    let profile = site.path().join(PROFILE);
    let text = std::fs::read_to_string(&profile).unwrap();
    let events = server.events();
    hello(&events);
    let edited = text.replace("bygger skoler", "bygger sykehjem");
    assert_ne!(edited, text);
    atomic_save(&profile, &edited);
    next_reload(&events, || server.log());
    // The index of the new build (other words on the partner's page) replaces the old one: the
    // entry, which names the index's hash, changes.
    let deadline = std::time::Instant::now() + WAIT;
    loop {
        let entry = server.get("/pagefind/pagefind-entry.json");
        if entry.status == 200 && entry.body != first.body {
            break;
        }
        if std::time::Instant::now() > deadline {
            panic!(
                "the index was not made again for the edit:\n{}",
                server.log()
            );
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The bytes at `path` of the server, with the status.
fn get_bytes(server: &Server, path: &str) -> (u16, Vec<u8>) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(60)))
        .http_status_as_error(false)
        .build()
        .into();
    let url = format!("{}{path}", server.base);
    let mut response = agent.get(&url).call().expect("HTTP request");
    let status = response.status().as_u16();
    let body = response.body_mut().with_config().limit(u64::MAX);
    (status, body.read_to_vec().expect("body"))
}

/// A rebuild serves its pages first and draws the pictures it must draw again right after; a
/// picture asked for meanwhile waits for its drawing, so the PNGs served after an edit are the
/// new ones, never empty and never the old ones (docs/serve.md, "Pictures come after the pages").
#[test]
fn the_pictures_of_an_edit_are_served_drawn() {
    let site = fixture_site();
    let server = Server::start(site.path());
    let pictures = [
        "/grafer/network-by-year.png",
        "/partnere/bjerkedal-bygg/utslipp-per-ar.png",
    ];
    let before: Vec<_> = pictures.iter().map(|p| get_bytes(&server, p)).collect();
    let events = server.events();
    hello(&events);
    let emissions = site.path().join("partners/bjerkedal-bygg/emissions.yaml");
    let text = std::fs::read_to_string(&emissions).unwrap();
    let edited = text.replace("mobile_combustion: 890.0", "mobile_combustion: 12.5");
    assert_ne!(edited, text);
    atomic_save(&emissions, &edited);
    next_reload(&events, || server.log());
    // Asked for as soon as the browsers are told: the drawing may still be under way.
    let after: Vec<_> = pictures.iter().map(|p| get_bytes(&server, p)).collect();

    let options = nfk::BuildOptions {
        root: site.path().to_path_buf(),
        base_url: Some(format!("{}/", server.base)),
        drafts: true,
        live_reload: true,
        check_only: false,
        pictures_after_pages: false,
    };
    let fresh = nfk::build_in_memory(&options, &nfk::Memos::off())
        .map_err(|d| d.sorted())
        .expect("fresh build");
    for ((path, (status, old)), (_, new)) in pictures.iter().zip(&before).zip(&after) {
        assert_eq!(*status, 200, "{path}");
        let made = fresh.site.get(path.trim_start_matches('/')).expect(path);
        assert!(
            made.contents == nfk::Contents::Bytes(new.clone().into()),
            "{path}: served as a fresh build makes it"
        );
        assert_ne!(old, new, "{path}: drawn again for the edit");
        assert!(new.starts_with(b"\x89PNG"), "{path}");
    }
}

#[test]
fn never_serves_files_outside_the_site() {
    let outer = tempfile::tempdir().unwrap();
    std::fs::write(outer.path().join("secret.txt"), "TOP SECRET").unwrap();
    let site = fixture_site();
    let root = outer.path().join("site");
    std::fs::rename(site.path(), &root).unwrap();
    let server = Server::start(&root);
    for target in [
        "/../secret.txt",
        "/../../../../etc/passwd",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/partnere/%2e%2e/%2e%2e/secret.txt",
        "/..%5csecret.txt",
        "/..\\secret.txt",
        "//etc/passwd",
        "/etc/passwd",
        "/site.yaml",
        "/partners/bjerkedal-bygg/profile.yaml",
    ] {
        let (status, reply) = raw_get(&server.base, target);
        assert!(
            status == 404 || status == 400,
            "{target} gave {status}: {reply}"
        );
        assert!(
            !reply.contains("TOP SECRET") && !reply.contains("root:"),
            "{target}"
        );
    }
    std::fs::rename(&root, site.path()).ok();
}

#[test]
fn a_change_reloads_the_browser_after_the_new_page_is_served() {
    let site = fixture_site();
    let server = Server::start(site.path());
    let events = server.events();
    let first = hello(&events);

    let profile = site.path().join(PROFILE);
    let text = std::fs::read_to_string(&profile).unwrap();
    atomic_save(&profile, &text.replace(NAME, "Bjerkedal Bygg Fornyet AS"));

    let id = next_reload(&events, || server.log());
    assert_ne!(id, first);
    // The reload message is sent only once the new build is in place.
    let page = server.get(PARTNER_PAGE);
    assert!(page.body.contains("Bjerkedal Bygg Fornyet AS"));
    assert!(page.body.contains(&format!("live-reload.js?build={id}")));
    assert!(
        server
            .get("/partnere/")
            .body
            .contains("Bjerkedal Bygg Fornyet AS")
    );
}

#[test]
fn a_broken_file_shows_the_overlay_over_the_last_good_page_until_fixed() {
    let site = fixture_site();
    let server = Server::start(site.path());
    let events = server.events();
    hello(&events);

    let profile = site.path().join(PROFILE);
    let good = std::fs::read_to_string(&profile).unwrap();
    let broken = good.replace("employees: 240", "employees: [240");
    assert_ne!(good, broken);
    // Written in place: an editor without atomic saves.
    std::fs::write(&profile, &broken).unwrap();
    let page = reload_until(&events, &server, |page| {
        page.body
            .contains("<code>partners/bjerkedal-bygg/profile.yaml:")
    });

    assert_eq!(page.status, 200);
    assert!(page.body.contains(NAME), "the last good page stays");
    assert!(page.body.contains(r#"role="alertdialog""#));
    assert!(
        page.body
            .contains("<code>partners/bjerkedal-bygg/profile.yaml:"),
        "{}",
        page.body
    );
    let other = server.get("/");
    assert!(other.body.contains("nfk-overlay"), "every page shows it");
    assert!(
        server
            .log()
            .contains("partners/bjerkedal-bygg/profile.yaml:")
    );

    std::fs::write(&profile, &good).unwrap();
    let page = reload_until(&events, &server, |page| !page.body.contains("nfk-overlay"));
    assert!(page.body.contains(NAME));
}

/// Waits for reloads until the partner page satisfies `done`. A write in place can reach the
/// watcher as two bursts (truncate, then write) on a busy machine; each gives a build, and only
/// the last one shows the finished file.
fn reload_until(
    events: &Receiver<(String, String)>,
    server: &Server,
    done: impl Fn(&Reply) -> bool,
) -> Reply {
    let deadline = Instant::now() + WAIT;
    loop {
        next_reload(events, || server.log());
        let page = server.get(PARTNER_PAGE);
        if done(&page) {
            return page;
        }
        assert!(Instant::now() < deadline, "{}", server.log());
    }
}

#[test]
fn new_and_deleted_partner_folders_are_picked_up() {
    let site = fixture_site();
    let server = Server::start(site.path());
    let events = server.events();
    hello(&events);
    assert_eq!(server.get("/partnere/ny-partner/").status, 404);

    let from = site.path().join("partners/bjerkedal-bygg");
    let staging = site.path().join("ny-partner");
    std::fs::create_dir(&staging).unwrap();
    let profile = std::fs::read_to_string(from.join("profile.yaml"))
        .unwrap()
        .replace(NAME, "Ny Partner AS")
        .replace("231429239", "100000008")
        .replace("logo: logo.svg\n", "");
    std::fs::write(staging.join("profile.yaml"), profile).unwrap();
    // A folder moved in whole, as a file manager or `git checkout` does it.
    std::fs::rename(&staging, site.path().join("partners/ny-partner")).unwrap();
    let deadline = Instant::now() + WAIT;
    while server.get("/partnere/ny-partner/").status != 200 {
        assert!(Instant::now() < deadline, "{}", server.log());
        next_reload(&events, || server.log());
    }
    assert!(
        server
            .get("/partnere/ny-partner/")
            .body
            .contains("Ny Partner AS")
    );

    std::fs::remove_dir_all(site.path().join("partners/ny-partner")).unwrap();
    let deadline = Instant::now() + WAIT;
    while server.get("/partnere/ny-partner/").status != 404 {
        assert!(Instant::now() < deadline, "{}", server.log());
        next_reload(&events, || server.log());
    }
}

#[test]
fn editor_temp_files_do_not_rebuild() {
    let site = fixture_site();
    let server = Server::start(site.path());
    let events = server.events();
    hello(&events);
    let folder = site.path().join("partners/bjerkedal-bygg");
    for name in [
        ".profile.yaml.swp",
        "4913",
        "profile.yaml~",
        ".#profile.yaml",
    ] {
        std::fs::write(folder.join(name), "not: [yaml").unwrap();
    }
    std::fs::write(site.path().join("README.md"), "outside the watched folders").unwrap();
    assert!(
        events.recv_timeout(Duration::from_millis(800)).is_err(),
        "no rebuild expected; log:\n{}",
        server.log()
    );
}

#[test]
fn a_taken_port_names_the_next_free_one() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let site = fixture_site();
    let out = Command::new(env!("CARGO_BIN_EXE_nfk"))
        .args(["serve", "--port", &port.to_string(), "--root"])
        .arg(site.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("port {port} is in use; try --port ")),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_server_cleanly() {
    let site = fixture_site();
    let mut server = Server::start(site.path());
    let events = server.events();
    hello(&events);
    let pid = server.child.id().to_string();
    let sent = Command::new("kill").args(["-INT", &pid]).status().unwrap();
    assert!(sent.success());
    let deadline = Instant::now() + WAIT;
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "still running after Ctrl-C");
        std::thread::sleep(Duration::from_millis(20));
    };
    assert!(status.success(), "{status:?}\n{}", server.log());
    std::thread::sleep(Duration::from_millis(100));
    assert!(server.log().ends_with("stoppet\n"), "{}", server.log());
}

#[test]
fn a_site_that_never_built_shows_the_overlay_and_recovers() {
    let site = fixture_site();
    let config = site.path().join("site.yaml");
    let good = std::fs::read_to_string(&config).unwrap();
    std::fs::write(&config, good.replace("title:", "titel:")).unwrap();
    let server = Server::start(site.path());
    let events = server.events();
    hello(&events);
    let page = server.get("/");
    assert_eq!(page.status, 500);
    assert!(
        page.body.contains("<code>site.yaml:1:1</code>"),
        "{}",
        page.body
    );

    atomic_save(&config, &good);
    next_reload(&events, || server.log());
    let page = server.get("/");
    assert_eq!(page.status, 200);
    assert!(!page.body.contains("nfk-overlay"));
}

/// The served site after rebuilds equals a fresh full build, byte for byte (issues 6 and 17),
/// after each kind of change: a rebuild renders again only the routes whose inputs changed, so
/// each change below reaches outputs that a rebuild must not take from the build before.
#[test]
fn rebuilt_site_equals_a_fresh_full_build() {
    use nfk::serve::Rebuilder;

    let site = fixture_site();
    let root = site.path().canonicalize().unwrap();
    // A third partner in bjerkedal-bygg's sector (F): with three, the partner pages show the
    // sector's medians, which an edit of one partner changes on the others' pages.
    let third = root.join("partners/stovner-ror");
    crate::support::copy_dir(&root.join("partners/granlia-ror"), &third);
    let profile = std::fs::read_to_string(third.join("profile.yaml")).unwrap();
    let profile = profile
        // A zero-width space: a warning, which every rebuild must report as a fresh build does.
        .replace("Granlia Rørleggerservice AS", "Stovner\u{200B} Rør AS")
        .replace("175758194", "315830001");
    std::fs::write(third.join("profile.yaml"), profile).unwrap();
    // One employee a year: its intensity is the sector's highest, so the median is the higher
    // of the other two, which bjerkedal-bygg's emissions edit moves.
    let emissions = std::fs::read_to_string(third.join("emissions.yaml")).unwrap();
    let emissions: String = (emissions.lines())
        .map(|line| match line.split_once("employees: ") {
            Some((indent, _)) => format!("{indent}employees: 1\n"),
            None => format!("{line}\n"),
        })
        .collect();
    std::fs::write(third.join("emissions.yaml"), emissions).unwrap();
    // The site's own copies of a template and of a strings table, to change below.
    let theme = root.join("themes/nfk");
    std::fs::create_dir_all(theme.join("templates")).unwrap();
    std::fs::create_dir_all(theme.join("strings")).unwrap();
    let embedded = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/nfk");
    std::fs::copy(
        embedded.join("templates/404.html"),
        theme.join("templates/404.html"),
    )
    .unwrap();
    // And of the parts made once per partner (a card in every list, a slide in the summit).
    std::fs::create_dir_all(theme.join("templates/parts")).unwrap();
    for part in ["parts/partner_card.html", "parts/summit_partner.html"] {
        let path = format!("templates/{part}");
        std::fs::copy(embedded.join(&path), theme.join(&path)).unwrap();
    }
    std::fs::write(
        theme.join("strings/nb.yaml"),
        "download_svg: Last ned grafen (SVG)\n",
    )
    .unwrap();
    std::fs::write(
        root.join("content/nyheter/ny-side.md"),
        "---\ntitle: Ny side\ndate: 2025-01-02\n---\n\nPartnere: {{ figure(key=\"partners\") }}\n",
    )
    .unwrap();

    // Old news enough for a second listing page of /nyheter/, which a rebuild may take from the
    // build before only while its pages stay the same and on it.
    for day in 1..=12 {
        std::fs::write(
            root.join(format!("content/nyheter/arkiv-{day:02}.md")),
            format!("---\ntitle: Arkiv {day}\ndate: 2020-01-{day:02}\n---\n\nGammel nyhet.\n"),
        )
        .unwrap();
    }

    let base_url = "http://127.0.0.1:1111/".to_string();
    let mut rebuilder = Rebuilder::new(root.clone(), base_url);
    let first = rebuilder.build_all().result.expect("first build");
    let first = first.diagnostics.clone().sorted();
    assert!(
        first.iter().any(|d| d.path.contains("stovner")),
        "{first:?}"
    );

    /// A change to the site: what it does, the path the watcher reports.
    enum Change {
        /// The file's text, changed.
        Edit(&'static str, fn(&str) -> String),
        /// Changed without a new size or time: only the watcher tells.
        EditInPlace(&'static str, fn(&str) -> String),
        Remove(&'static str),
        CopyFolder(&'static str, &'static str),
    }
    use Change::*;
    let changes = [
        Edit(PROFILE, |t| t.replace("employees: 240", "employees: 12")),
        Edit("partners/bjerkedal-bygg/emissions.yaml", |t| {
            t.replace("mobile_combustion: 890.0", "mobile_combustion: 12.5")
        }),
        Edit("content/nyheter/fossilfrie-byggeplasser.md", |t| {
            t.replace("Bygg og anlegg", "Bygg, anlegg")
        }),
        Edit("content/nyheter/fossilfrie-byggeplasser.en.md", |t| {
            t.replacen("title: ", "title: Updated ", 1)
        }),
        Edit("site.yaml", |t| {
            t.replace("reporting_year: 2024", "reporting_year: 2023")
        }),
        Edit("partners/bjerkedal-bygg/story.md", |t| {
            format!("{t}\nEn ny linje.\n")
        }),
        // On the second listing page: that page changes, the first does not.
        Edit("content/nyheter/arkiv-01.md", |t| {
            t.replace("Arkiv 1\n", "Arkiv en\n")
        }),
        // Newest now: it moves to the first listing page, and one page moves to the second.
        Edit("content/nyheter/arkiv-02.md", |t| {
            t.replace("2020-01-02", "2026-01-02")
        }),
        Edit("content/nyheter/ny-side.md", |t| {
            t.replace("Ny side", "Ny side, endret")
        }),
        Edit("content/toppmote/aaret-som-gikk.md", |t| {
            format!("{t}\nEn ny linje på lysbildet.\n")
        }),
        Edit("themes/nfk/templates/404.html", |t| {
            t.replace("{% block main %}", "{% block main %}<p>egen</p>")
        }),
        Edit("themes/nfk/templates/parts/partner_card.html", |t| {
            t.replace("heading=\"h2\"", "heading=\"h3\"")
        }),
        Edit("themes/nfk/templates/parts/summit_partner.html", |t| {
            t.replace("<h2 id", "<h2 class=\"egen\" id")
        }),
        Edit("themes/nfk/strings/nb.yaml", |t| {
            t.replace("grafen", "figuren")
        }),
        EditInPlace("partners/stovner-ror/profile.yaml", |t| {
            t.replace("employees: 19", "employees: 91")
        }),
        EditInPlace("partners/bjerkedal-bygg/emissions.yaml", |t| {
            t.replace("mobile_combustion: 12.5", "mobile_combustion: 99.5")
        }),
        Remove("content/nyheter/velkommen-til-nye-partnere.md"),
        CopyFolder("partners/korsvoll-sykkel", "partners/korsvoll-sykkel-vest"),
        Remove("partners/stovner-ror"),
    ];
    // How many rebuilds left pictures to draw after their pages (the partners' edits do).
    let mut drawn_after = 0;
    for change in &changes {
        let path = match change {
            Edit(rel, edit) | EditInPlace(rel, edit) => {
                let path = root.join(rel);
                let before = std::fs::read_to_string(&path).unwrap();
                let after = edit(&before);
                assert_ne!(before, after, "{rel}");
                let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
                std::fs::write(&path, &after).unwrap();
                if let EditInPlace(..) = change {
                    assert_eq!(before.len(), after.len(), "{rel}: the same size");
                    let file = std::fs::File::options().write(true).open(&path).unwrap();
                    file.set_modified(modified).unwrap();
                }
                path
            }
            Remove(rel) => {
                let path = root.join(rel);
                if path.is_dir() {
                    std::fs::remove_dir_all(&path).unwrap();
                } else {
                    std::fs::remove_file(&path).unwrap();
                }
                path
            }
            CopyFolder(from, to) => {
                let to = root.join(to);
                crate::support::copy_dir(&root.join(from), &to);
                let profile = to.join("profile.yaml");
                let text = std::fs::read_to_string(&profile).unwrap();
                let number = text
                    .lines()
                    .find_map(|l| l.strip_prefix("org_number: "))
                    .unwrap()
                    .to_string();
                let text = text
                    .replacen("name: ", "name: Vest ", 1)
                    .replace(&number, "\"315830028\"");
                std::fs::write(&profile, text).unwrap();
                to
            }
        };
        let mut served = rebuilder.rebuild(std::slice::from_ref(&path));
        if let Err(problems) = &served.result {
            panic!(
                "rebuild after {}: {:?}",
                path.display(),
                problems.clone().sorted()
            );
        }
        let served_warnings = (served.result.as_ref().unwrap().diagnostics).clone();
        // The pictures and the search index, which the server makes after it serves the pages.
        let site = match served.pending_pictures() {
            Some((site, pictures)) => {
                drawn_after += 1;
                let drawn = rebuilder.draw(&site, &pictures).map_err(|d| d.sorted());
                std::sync::Arc::new(drawn.expect("the pictures are drawn"))
            }
            None => served.result.as_ref().unwrap().site.clone(),
        };
        let (_, search) = served.take_search().expect("rebuild");
        let index = search.make(&site, || false).unwrap().expect("search index");
        let mut served: Vec<&nfk::OutputFile> = site.files.iter().chain(&index).collect();
        served.sort_by(|a, b| a.path.cmp(&b.path));
        let fresh = nfk::build_in_memory(rebuilder.options(), &nfk::Memos::off())
            .map_err(|d| d.sorted())
            .expect("fresh build");
        let served_paths: BTreeSet<&str> = served.iter().map(|f| f.path.as_str()).collect();
        let fresh_paths: BTreeSet<&str> =
            fresh.site.files.iter().map(|f| f.path.as_str()).collect();
        let only: Vec<_> = served_paths.symmetric_difference(&fresh_paths).collect();
        assert!(
            only.is_empty(),
            "after changing {}, in one of the two only: {only:?}",
            path.display()
        );
        let warnings = |d: &nfk::diagnostics::Diagnostics| d.clone().sorted();
        let found = warnings(&served_warnings);
        assert_eq!(
            found,
            warnings(&fresh.diagnostics),
            "warnings after changing {}",
            path.display()
        );
        for (a, b) in served.iter().zip(&fresh.site.files) {
            assert!(
                a.contents == b.contents,
                "{} differs after changing {}",
                a.path,
                path.display()
            );
        }
    }
    assert!(
        drawn_after > 0,
        "no rebuild left pictures for after its pages"
    );
}

#[test]
fn malformed_and_oversized_requests_get_4xx() {
    let site = fixture_site();
    let server = Server::start(site.path());
    let addr = server.base.trim_start_matches("http://").to_string();
    let send = |request: String| -> u16 { safety::send(&addr, &request) };
    let big = "x".repeat(100 * 1024);
    let huge_header =
        format!("GET / HTTP/1.1\r\nHost: {addr}\r\nX-Big: {big}\r\nConnection: close\r\n\r\n");
    assert_eq!(send(huge_header), 431);
    let long_path = format!(
        "GET /{} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n",
        "a/".repeat(40_000)
    );
    let status = send(long_path);
    assert!((400..500).contains(&status), "long path gave {status}");
    let (status, _) = raw_get(&server.base, "/%ff%fe");
    assert_eq!(status, 404);
    let garbage = send("NOT HTTP AT ALL\r\n\r\n".to_string());
    assert!(
        garbage == 0 || (400..500).contains(&garbage),
        "garbage gave {garbage}"
    );
    let (status, _) = raw_get(&server.base, "/");
    assert_eq!(status, 200, "the server is still up");
}
