//! SPEC §10: `nfk build --output` never destroys a user's files and leaves nothing behind when it
//! fails; files of the site are judged by their size before they are read, and files published
//! as they are never pass through memory. Every case runs the real binary.

use std::os::unix::fs::{PermissionsExt, symlink};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::support::{copy_dir, files};

const MARKER: &str = ".nfk-output";

/// What one run of nfk gave, with its own peak memory.
struct Run {
    code: Option<i32>,
    stderr: String,
    stdout: String,
    peak_kib: i64,
}

/// Runs nfk with `args` and waits for it with `wait4`, which reports that one process's peak
/// resident memory (a size, not a time).
#[expect(
    clippy::zombie_processes,
    reason = "the child is reaped by wait4, not Child::wait"
)]
fn run(args: &[&str], as_nobody: bool) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_nfk"));
    command
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if as_nobody && running_as_root() {
        // Permission bits do not stop root: run nfk as `nobody`, whom they do stop.
        command.uid(NOBODY).gid(NOBODY);
    }
    let mut child = command.spawn().expect("runs nfk");
    let mut stdout = child.stdout.take().unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let out = std::thread::spawn(move || {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut text).unwrap();
        text
    });
    let mut err = String::new();
    std::io::Read::read_to_string(&mut stderr, &mut err).unwrap();
    let (mut status, mut usage) = (0, unsafe { std::mem::zeroed::<libc::rusage>() });
    // SAFETY: `child` is our own child, not waited for yet; both pointers are to live locals.
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as libc::pid_t, "wait4 failed");
    Run {
        code: libc::WIFEXITED(status).then(|| libc::WEXITSTATUS(status)),
        stderr: err,
        stdout: out.join().unwrap(),
        peak_kib: usage.ru_maxrss,
    }
}

fn build(root: &Path, out: &Path, extra: &[&str]) -> Run {
    build_as(root, out, extra, false)
}

fn build_as(root: &Path, out: &Path, extra: &[&str], as_nobody: bool) -> Run {
    let mut args = vec![
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ];
    args.extend(extra);
    run(&args, as_nobody)
}

const NOBODY: u32 = 65534;

fn running_as_root() -> bool {
    let probe = tempfile::tempdir().unwrap();
    std::os::unix::fs::MetadataExt::uid(&probe.path().metadata().unwrap()) == 0
}

/// A folder the test's nfk may write in: handed to `nobody` when nfk runs as `nobody`.
fn writable_by_nfk(path: &Path) {
    if running_as_root() {
        std::os::unix::fs::chown(path, Some(NOBODY), Some(NOBODY)).unwrap();
    }
}

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// A copy of the minimal fixture in `<tmp>/site`, readable by every user.
fn site() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    set_mode(dir.path(), 0o755);
    let root = dir.path().join("site");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/minimal"),
        &root,
    );
    (dir, root)
}

/// The names in `dir`, sorted: what "the parent holds exactly what it held before" compares.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn assert_refused(run: &Run, names_in_message: &[&str]) {
    assert_eq!(run.code, Some(2), "{}", run.stderr);
    for name in names_in_message {
        assert!(run.stderr.contains(name), "{name} not in: {}", run.stderr);
    }
}

#[test]
fn a_folder_of_user_files_is_refused_and_kept() {
    let (dir, root) = site();
    let documents = dir.path().join("Documents");
    std::fs::create_dir_all(documents.join("letters")).unwrap();
    std::fs::write(documents.join("thesis.odt"), "years of work").unwrap();
    std::fs::write(documents.join("letters/mum.txt"), "hei").unwrap();
    let before = files(&documents);
    let refused = build(&root, &documents, &[]);
    assert_refused(&refused, &[documents.to_str().unwrap(), "--force"]);
    assert_eq!(files(&documents), before);
    assert_eq!(names(dir.path()), ["Documents", "site"]);
}

#[test]
fn force_replaces_a_folder_of_user_files() {
    let (dir, root) = site();
    let www = dir.path().join("www");
    std::fs::create_dir(&www).unwrap();
    std::fs::write(www.join("other-site.html"), "x").unwrap();
    let forced = build(&root, &www, &["--force"]);
    assert_eq!(forced.code, Some(0), "{}", forced.stderr);
    assert!(!www.join("other-site.html").exists());
    assert!(www.join("index.html").is_file() && www.join(MARKER).is_file());
    // Marked now: the next build needs no --force.
    assert_eq!(build(&root, &www, &[]).code, Some(0));
    assert_eq!(names(dir.path()), ["site", "www"]);
}

#[test]
fn an_absent_or_empty_folder_is_written() {
    let (dir, root) = site();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    for out in [empty, dir.path().join("new/deeper/public")] {
        let built = build(&root, &out, &[]);
        assert_eq!(built.code, Some(0), "{}", built.stderr);
        assert!(out.join("index.html").is_file(), "{}", out.display());
        assert!(
            std::fs::read_to_string(out.join(MARKER))
                .unwrap()
                .contains("written by nfk")
        );
    }
}

#[test]
fn an_output_of_an_older_nfk_needs_force_once() {
    let (_dir, root) = site();
    let public = root.join("public");
    assert_eq!(build(&root, &public, &[]).code, Some(0));
    // What an older nfk left: the same site, without the marker.
    std::fs::remove_file(public.join(MARKER)).unwrap();
    let before = files(&public);
    let refused = build(&root, &public, &[]);
    assert_refused(&refused, &["eldre nfk", "--force én gang"]);
    assert_eq!(files(&public), before);
    assert_eq!(build(&root, &public, &["--force"]).code, Some(0));
    assert_eq!(build(&root, &public, &[]).code, Some(0));
}

#[test]
fn a_link_to_the_site_cannot_make_the_output_replace_its_sources() {
    let (dir, root) = site();
    let link = dir.path().join("L");
    symlink(&root, &link).unwrap();
    let before = files(&root);
    for (out, what) in [
        (link.join("content"), "content/"),
        (link.join("partners"), "partners/"),
        (link.clone(), "nettstedsmappen"),
        (link.join("site.yaml"), "site.yaml"),
        (
            dir.path().to_path_buf(),
            "en mappe som har nettstedsmappen i seg",
        ),
    ] {
        let refused = build(&root, &out, &["--force"]);
        assert_refused(&refused, &[what, "--force endrer ikke dette"]);
    }
    assert_eq!(files(&root), before, "the site is untouched");
    assert_eq!(names(dir.path()), ["L", "site"]);
}

#[test]
fn an_output_link_to_a_web_root_is_built_into_its_target() {
    let (dir, root) = site();
    let web_root = dir.path().join("var/www/nfk");
    std::fs::create_dir_all(&web_root).unwrap();
    let public = root.join("public");
    symlink(&web_root, &public).unwrap();
    for _ in 0..2 {
        let built = build(&root, &public, &[]);
        assert_eq!(built.code, Some(0), "{}", built.stderr);
        assert!(
            public.symlink_metadata().unwrap().is_symlink(),
            "the link stays"
        );
        assert!(web_root.join("index.html").is_file());
    }
    assert_eq!(names(&dir.path().join("var/www")), ["nfk"]);
    assert!(!names(&root).iter().any(|n| n.starts_with(".nfk")));
}

#[test]
fn an_output_that_is_a_file_is_refused_before_building() {
    let (dir, root) = site();
    let file = dir.path().join("notes.txt");
    std::fs::write(&file, "mine").unwrap();
    for out in [file.clone(), file.join("public")] {
        let refused = build(&root, &out, &["--force"]);
        assert_refused(&refused, &[file.to_str().unwrap(), "er en fil"]);
    }
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
    assert_eq!(names(dir.path()), ["notes.txt", "site"]);
}

#[test]
fn an_unwritable_parent_is_found_before_building_and_left_as_it_was() {
    let (dir, root) = site();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    set_mode(&locked, 0o555);
    for out in [locked.join("public"), locked.join("a/b/public")] {
        let refused = build_as(&root, &out, &[], true);
        assert_refused(&refused, &[locked.to_str().unwrap()]);
        assert!(names(&locked).is_empty(), "{:?}", names(&locked));
    }
    // Found before the build: a site with errors gets the same answer, without building.
    std::fs::write(root.join("partners/alfa/emissions.yaml"), "base_year: [\n").unwrap();
    let refused = build_as(&root, &locked.join("public"), &[], true);
    assert_refused(&refused, &[locked.to_str().unwrap()]);
    set_mode(&locked, 0o755);
    assert_eq!(names(dir.path()), ["locked", "site"]);
}

#[test]
fn an_old_output_that_cannot_be_removed_is_found_before_building() {
    let (dir, root) = site();
    let parent = dir.path().join("out");
    std::fs::create_dir(&parent).unwrap();
    writable_by_nfk(&parent);
    let public = parent.join("public");
    let first = build_as(&root, &public, &[], true);
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    // A folder in the old output that nfk may not empty (root's, or read-only).
    let stuck = public.join("stuck");
    std::fs::create_dir(&stuck).unwrap();
    std::fs::write(stuck.join("file.txt"), "x").unwrap();
    set_mode(&stuck, 0o555);
    let before = files(&public);
    let refused = build_as(&root, &public, &[], true);
    assert_refused(&refused, &[stuck.to_str().unwrap(), "kan ikke tømmes"]);
    assert_eq!(files(&public), before, "the old output is whole");
    assert_eq!(names(&parent), ["public"]);
    set_mode(&stuck, 0o755);
}

#[test]
fn a_failed_build_removes_what_it_created() {
    let (dir, root) = site();
    std::fs::write(root.join("partners/alfa/emissions.yaml"), "base_year: [\n").unwrap();
    let failed = build(&root, &dir.path().join("new/public"), &[]);
    assert_eq!(failed.code, Some(1), "{}", failed.stderr);
    assert_eq!(names(dir.path()), ["site"]);
}

/// A partner of the minimal fixture with `logo: logo.png`, the logo made by `make`.
fn site_with_logo(make: impl FnOnce(&Path)) -> (tempfile::TempDir, PathBuf) {
    let (dir, root) = site();
    let profile = root.join("partners/alfa/profile.yaml");
    let text = std::fs::read_to_string(&profile).unwrap();
    std::fs::write(&profile, format!("{text}logo: logo.png\n")).unwrap();
    make(&root.join("partners/alfa/logo.png"));
    (dir, root)
}

#[test]
fn an_oversized_logo_is_refused_without_being_read() {
    let png = |path: &Path| {
        std::fs::write(path, b"\x89PNG\r\n\x1a\nrest").unwrap();
    };
    let (_small_dir, small) = site_with_logo(png);
    let baseline = run(&["check", "--root", small.to_str().unwrap()], false);
    assert_eq!(baseline.code, Some(0), "{}", baseline.stdout);
    // 2 GiB long and sparse: nothing on disk, but reading it would take 2 GiB of memory.
    let (_dir, root) = site_with_logo(|path| {
        png(path);
        std::fs::File::options()
            .write(true)
            .open(path)
            .unwrap()
            .set_len(2 << 30)
            .unwrap();
    });
    let checked = run(&["check", "--root", root.to_str().unwrap()], false);
    assert_eq!(checked.code, Some(1), "{}", checked.stdout);
    assert!(
        checked
            .stdout
            .contains("partners/alfa/profile.yaml:14:7: error: logoen `logo.png` er på 2\u{a0}147\u{a0}483\u{a0}648 byte; grensen er 2\u{a0}097\u{a0}152"),
        "{}",
        checked.stdout
    );
    let grew_mib = (checked.peak_kib - baseline.peak_kib) / 1024;
    assert!(grew_mib < 64, "peak memory grew by {grew_mib} MiB");
}

#[test]
fn a_large_theme_static_file_is_copied_without_passing_through_memory() {
    const SIZE: u64 = 192 << 20;
    let (_dir, root) = site();
    let static_dir = root.join("themes/nfk/static");
    std::fs::create_dir_all(&static_dir).unwrap();
    let public = root.join("public");
    let baseline = build(&root, &public, &[]);
    assert_eq!(baseline.code, Some(0), "{}", baseline.stderr);
    // Sparse, with a few bytes at both ends so a copy that drops data is caught.
    let film = static_dir.join("film.mp4");
    std::fs::write(&film, b"start").unwrap();
    let file = std::fs::File::options().write(true).open(&film).unwrap();
    file.set_len(SIZE).unwrap();
    std::os::unix::fs::FileExt::write_all_at(&file, b"end", SIZE - 3).unwrap();
    let built = build(&root, &public, &[]);
    assert_eq!(built.code, Some(0), "{}", built.stderr);
    let copy = public.join("static/film.mp4");
    assert_eq!(copy.metadata().unwrap().len(), SIZE);
    let mut ends = [0u8; 5];
    std::os::unix::fs::FileExt::read_exact_at(&std::fs::File::open(&copy).unwrap(), &mut ends, 0)
        .unwrap();
    assert_eq!(&ends, b"start");
    std::os::unix::fs::FileExt::read_exact_at(
        &std::fs::File::open(&copy).unwrap(),
        &mut ends[..3],
        SIZE - 3,
    )
    .unwrap();
    assert_eq!(&ends[..3], b"end");
    let grew_mib = (built.peak_kib - baseline.peak_kib) / 1024;
    assert!(grew_mib < 64, "peak memory grew by {grew_mib} MiB");
}

#[test]
fn a_theme_folder_that_links_out_of_the_site_is_refused_at_the_link() {
    let (dir, root) = site();
    let outside = dir.path().join("elsewhere");
    std::fs::create_dir_all(outside.join("static")).unwrap();
    std::fs::write(outside.join("static/secret.txt"), "private").unwrap();
    std::fs::create_dir_all(root.join("themes")).unwrap();
    symlink(&outside, root.join("themes/nfk")).unwrap();
    let checked = run(&["check", "--root", root.to_str().unwrap()], false);
    assert_eq!(checked.code, Some(1), "{}", checked.stdout);
    assert!(
        checked
            .stdout
            .contains("themes/nfk: error: lenker til en mappe utenfor nettstedsmappen"),
        "{}",
        checked.stdout
    );
    let public = dir.path().join("public");
    assert_eq!(build(&root, &public, &[]).code, Some(1));
    assert!(!public.exists());
}

#[test]
fn a_link_inside_the_theme_that_leads_out_of_the_site_is_refused() {
    let (dir, root) = site();
    std::fs::write(dir.path().join("passwords.txt"), "hunter2").unwrap();
    let static_dir = root.join("themes/nfk/static");
    std::fs::create_dir_all(&static_dir).unwrap();
    symlink(dir.path().join("passwords.txt"), static_dir.join("p.txt")).unwrap();
    symlink(dir.path(), static_dir.join("all")).unwrap();
    let checked = run(&["check", "--root", root.to_str().unwrap()], false);
    assert_eq!(checked.code, Some(1), "{}", checked.stdout);
    for expected in [
        "themes/nfk/static/all: error: lenker til en mappe, som nfk ikke følger",
        "themes/nfk/static/p.txt: error: lenker til en fil utenfor nettstedsmappen",
    ] {
        assert!(checked.stdout.contains(expected), "{}", checked.stdout);
    }
}

#[test]
fn files_published_as_they_are_are_named_not_held_and_read_on_request() {
    let (_dir, root) = site();
    std::fs::create_dir_all(root.join("themes/nfk/static")).unwrap();
    std::fs::write(root.join("themes/nfk/static/extra.css"), "p { color: red }").unwrap();
    std::fs::write(root.join("content/rapport.pdf"), "%PDF-1.4").unwrap();
    let options = nfk::BuildOptions {
        root: root.clone(),
        base_url: None,
        drafts: false,
        live_reload: false,
        check_only: false,
        pictures_after_pages: false,
    };
    let built = nfk::build_in_memory(&options, &nfk::Memos::off())
        .map_err(|d| d.sorted())
        .expect("builds");
    for (path, source, text) in [
        (
            "static/extra.css",
            "themes/nfk/static/extra.css",
            "p { color: red }",
        ),
        ("rapport.pdf", "content/rapport.pdf", "%PDF-1.4"),
    ] {
        let file = built.site.get(path).unwrap();
        let real = root.join(source).canonicalize().unwrap();
        assert_eq!(file.contents, nfk::Contents::Copy(real));
        // What `nfk serve` answers with.
        assert_eq!(&*file.contents.read().unwrap(), text.as_bytes());
    }
}
