//! The output folder is always a complete site: the old one or the new one, never a mix, even
//! when `nfk build` is killed (SIGKILL) at a random moment.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use super::support::{copy_dir, files};

fn write_pages(site: &Path, marker: &str) {
    let dir = site.join("content/nyheter");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("_index.md"), "---\ntitle: Nyheter\n---\n").unwrap();
    let body =
        "Et avsnitt med *tekst*, en [lenke](/partnere/) og en liste:\n\n- en\n- to\n\n".repeat(20);
    for i in 0..400 {
        let text = format!(
            "---\ntitle: Sak {i} {marker}\ndate: 2025-01-{:02}\n---\n# {marker}\n\n{body}",
            i % 28 + 1
        );
        std::fs::write(dir.join(format!("sak-{i}.md")), text).unwrap();
    }
}

fn build(site: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_nfk"))
        .args(["build", "--root"])
        .arg(site)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn killing_a_build_never_leaves_a_half_written_site() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/valid/minimal"),
        site.path(),
    );
    let public = site.path().join("public");

    write_pages(site.path(), "B");
    assert!(build(site.path()).wait().unwrap().success());
    let new = files(&public);
    write_pages(site.path(), "A");
    assert!(build(site.path()).wait().unwrap().success());
    let old = files(&public);
    assert_ne!(old, new);

    // How long a full build takes here, so kills land before, during and after the write.
    let start = Instant::now();
    assert!(build(site.path()).wait().unwrap().success());
    let full = start.elapsed();
    write_pages(site.path(), "B");

    for i in 0..12u32 {
        let mut child = build(site.path());
        std::thread::sleep(full.mul_f64(f64::from(i) / 10.0) + Duration::from_millis(1));
        let _ = child.kill();
        let _ = child.wait();
        let now = files(&public);
        assert!(
            now == old || now == new,
            "kill {i} left a mix of the old and the new site"
        );
    }
    // A final, undisturbed build always lands, and cleans up what killed builds left behind.
    assert!(build(site.path()).wait().unwrap().success());
    assert_eq!(files(&public), new);
    let leftovers: Vec<_> = std::fs::read_dir(site.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".nfk-tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
