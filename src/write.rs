//! write: [`RenderedSite`] → the output folder. The only code that touches `public/`.
//!
//! The new site is written into a fresh folder beside the output, then swapped in with one
//! atomic `renameat2(RENAME_EXCHANGE)`, so the output is always either the old complete site or
//! the new one: never half-written, even when the build is killed. A failed build never gets
//! here, so it leaves the previous output untouched.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use rayon::prelude::*;

use crate::render::RenderedSite;

const TEMP_PREFIX: &str = ".nfk-tmp-";

/// Writes `site` to `output`, replacing what was there.
pub fn write(site: &RenderedSite, output: &Path, root: &Path) -> anyhow::Result<()> {
    refuse_dangerous_output(output, root)?;
    let output = absolute(output)?;
    let parent = output
        .parent()
        .context("the output folder has no parent folder")?;
    fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
    let name = output
        .file_name()
        .context("the output folder has no name")?
        .to_string_lossy();
    remove_stale_temporaries(parent, &name);
    let fresh = parent.join(format!("{TEMP_PREFIX}{name}-new-{}", std::process::id()));
    if fresh.exists() {
        fs::remove_dir_all(&fresh).with_context(|| format!("removing {}", fresh.display()))?;
    }
    write_tree(site, &fresh).inspect_err(|_| {
        let _ = fs::remove_dir_all(&fresh);
    })?;
    swap_in(&fresh, &output, parent, &name)
}

fn absolute(path: &Path) -> anyhow::Result<PathBuf> {
    if path.is_absolute() {
        Ok(path.to_path_buf())
    } else {
        Ok(std::env::current_dir()
            .context("reading the current folder")?
            .join(path))
    }
}

/// `--output .` or `--output content` would replace the site's own files with the build.
fn refuse_dangerous_output(output: &Path, root: &Path) -> anyhow::Result<()> {
    let out = absolute(output)?;
    let root = absolute(root)?;
    let out = normalise(&out);
    let root = normalise(&root);
    let inside_sources = ["content", "partners", "themes", "src", ".git"]
        .iter()
        .any(|d| out.starts_with(root.join(d)));
    if root.starts_with(&out) || inside_sources {
        bail!(
            "refusing to write the site to {}: it would replace the site's own files; choose an empty folder such as `public`",
            out.display()
        );
    }
    Ok(())
}

fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Folders left behind by a build that was killed before it could clean up.
fn remove_stale_temporaries(parent: &Path, name: &str) {
    let prefix = format!("{TEMP_PREFIX}{name}-");
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = file_name.strip_prefix(&prefix) else {
            continue;
        };
        let pid = rest.rsplit('-').next().and_then(|p| p.parse::<u32>().ok());
        let alive = pid
            .is_some_and(|p| p != std::process::id() && Path::new(&format!("/proc/{p}")).exists());
        if !alive {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

fn write_tree(site: &RenderedSite, dir: &Path) -> anyhow::Result<()> {
    fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let folders: BTreeSet<PathBuf> = site
        .files
        .iter()
        .filter_map(|f| Path::new(&f.path).parent().map(Path::to_path_buf))
        .collect();
    for folder in &folders {
        let path = dir.join(folder);
        fs::create_dir_all(&path).with_context(|| format!("creating {}", path.display()))?;
    }
    site.files.par_iter().try_for_each(|file| {
        let path = dir.join(&file.path);
        fs::write(&path, &file.bytes).with_context(|| format!("writing {}", path.display()))
    })
}

fn swap_in(fresh: &Path, output: &Path, parent: &Path, name: &str) -> anyhow::Result<()> {
    if !output.exists() {
        return fs::rename(fresh, output)
            .with_context(|| format!("moving the new site to {}", output.display()));
    }
    if !output.is_dir() {
        bail!("{} exists and is not a folder", output.display());
    }
    let exchanged = rustix::fs::renameat_with(
        rustix::fs::CWD,
        fresh,
        rustix::fs::CWD,
        output,
        rustix::fs::RenameFlags::EXCHANGE,
    );
    let old = match exchanged {
        // `fresh` now holds the previous site.
        Ok(()) => fresh.to_path_buf(),
        Err(_) => {
            // No atomic exchange on this file system: two renames, with a short gap.
            let old = parent.join(format!("{TEMP_PREFIX}{name}-old-{}", std::process::id()));
            fs::rename(output, &old)
                .with_context(|| format!("moving {} aside", output.display()))?;
            fs::rename(fresh, output)
                .with_context(|| format!("moving the new site to {}", output.display()))?;
            old
        }
    };
    fs::remove_dir_all(&old)
        .with_context(|| format!("removing the previous site at {}", old.display()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::OutputFile;

    fn site(files: &[(&str, &str)]) -> RenderedSite {
        RenderedSite {
            files: files
                .iter()
                .map(|(p, b)| OutputFile {
                    path: p.to_string(),
                    bytes: b.as_bytes().to_vec(),
                })
                .collect(),
        }
    }

    #[test]
    fn replaces_the_whole_output_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write(
            &site(&[("index.html", "old"), ("gammel/index.html", "x")]),
            &out,
            dir.path(),
        )
        .unwrap();
        write(
            &site(&[("index.html", "new"), ("a/b/c.txt", "c")]),
            &out,
            dir.path(),
        )
        .unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "new");
        assert_eq!(fs::read_to_string(out.join("a/b/c.txt")).unwrap(), "c");
        assert!(
            !out.join("gammel").exists(),
            "files of the old build are gone"
        );
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["public"]);
    }

    #[test]
    fn refuses_to_write_over_the_site_itself() {
        let dir = tempfile::tempdir().unwrap();
        for bad in [
            dir.path().to_path_buf(),
            dir.path().join("content"),
            dir.path().join("partners/x/.."),
        ] {
            assert!(
                write(&site(&[]), &bad, dir.path()).is_err(),
                "{}",
                bad.display()
            );
        }
    }

    #[test]
    fn cleans_up_what_a_killed_build_left() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join(".nfk-tmp-public-new-999999999");
        fs::create_dir_all(&stale).unwrap();
        write(
            &site(&[("index.html", "x")]),
            &dir.path().join("public"),
            dir.path(),
        )
        .unwrap();
        assert!(!stale.exists());
    }
}
