//! write: rendered files → the output folder. The only code that touches `public/`.
//!
//! Before the build starts, [`prepare`] checks that the output may be replaced (`guard`: never
//! the site or its sources, never a folder of files nfk did not write unless `--force`) and
//! creates a fresh folder beside it, which shows that the folder can be written there. The new
//! site is written into that fresh folder, then swapped in with one atomic
//! `renameat2(RENAME_EXCHANGE)`, so the output is always either the old complete site or the new
//! one: never half-written, even when the build is killed. A failed or refused build removes the
//! fresh folder again and leaves the previous output untouched.
//!
//! `nfk build` streams the files in as they are rendered ([`Prepared::start`], [`Writer`]): the
//! site is never held whole in memory.
//!
//! Files published as they are (theme static files, content assets) are copied file to file by
//! the kernel (`copy_file_range`), never read into memory.

mod guard;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::Context;

use crate::messages::{self, Args, ids};
use crate::model::Language;
use crate::render::{Contents, OutputFile};
#[cfg(test)]
use guard::is_nfk_output;
pub use guard::{MARKER, MARKER_TEXT, Refusal};

/// A step of writing the site that the system refused (a full disk, a folder without write
/// permission): what nfk was doing, as a message of the catalogue (`write-*`), and the system's
/// error as its source. `main` words it in the editor's language ([`Failed::message`]).
#[derive(Debug)]
pub struct Failed {
    id: &'static str,
    args: Args,
    source: std::io::Error,
}

impl Failed {
    /// What nfk was doing, in `lang` (without the system's error, which is the source).
    pub fn message(&self, lang: Language) -> String {
        messages::text(lang, self.id, &self.args)
    }
}

impl std::fmt::Display for Failed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Language::En))
    }
}

impl std::error::Error for Failed {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        Some(&self.source)
    }
}

/// `map_err` for an IO step: the system's error `e` while doing `id` with `path`.
fn failed(id: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> Failed {
    let args = vec![("path", path.display().to_string().into())];
    move |source| Failed { id, args, source }
}

const TEMP_PREFIX: &str = ".nfk-tmp-";

/// Where to write the site, and whether a folder nfk did not write may be replaced.
#[derive(Debug, Clone)]
pub struct OutputOptions {
    pub folder: PathBuf,
    /// Replace a folder that holds other files (`--force`). Never the site itself.
    pub force: bool,
}

/// An output folder checked for one build, with the fresh folder beside it that the new site
/// goes into. Dropped without [`Prepared::finish`] (or `write`), it removes that fresh folder and any parent
/// folder it created, so the parent holds exactly what it held before.
pub struct Prepared {
    options: OutputOptions,
    root: PathBuf,
    real: PathBuf,
    staging: Staging,
}

/// Checks `options.folder` for a build of the site in `root` and makes the fresh folder.
pub fn prepare(options: &OutputOptions, root: &Path) -> anyhow::Result<Prepared> {
    let checked = guard::check(&options.folder, root, options.force)?;
    let (parent, name) = parent_and_name(&checked.real)?;
    let fresh = parent.join(format!("{TEMP_PREFIX}{name}-new-{}", std::process::id()));
    let mut staging = Staging {
        fresh,
        created: Vec::new(),
    };
    staging.created = create_missing(parent).map_err(failed(ids::WRITE_CREATE_FOLDER, parent))?;
    if staging.fresh.symlink_metadata().is_ok() {
        // Only this process makes folders with its id: one left by an earlier run with the same id.
        fs::remove_dir_all(&staging.fresh).map_err(failed(ids::WRITE_REMOVE, &staging.fresh))?;
    }
    fs::create_dir(&staging.fresh).map_err(|source| Failed {
        id: ids::WRITE_FRESH_FOLDER,
        args: vec![("output", checked.shown.as_str().into())],
        source,
    })?;
    Ok(Prepared {
        options: options.clone(),
        root: root.to_path_buf(),
        real: checked.real,
        staging,
    })
}

impl Prepared {
    /// Opens the fresh folder for the files at `paths` (relative, `/` separators): writes the
    /// marker and makes every folder they need, so the files can then be written in any order,
    /// from any thread, as they are made ([`Writer::write`]). [`Prepared::finish`] swaps the
    /// folder in; dropping `self` instead removes it.
    pub fn start<'p>(
        &self,
        paths: impl IntoIterator<Item = &'p str>,
    ) -> anyhow::Result<Writer<'_>> {
        let dir = &self.staging.fresh;
        let marker = dir.join(MARKER);
        fs::write(&marker, MARKER_TEXT).map_err(failed(ids::WRITE_FILE, &marker))?;
        let writer = Writer { dir };
        writer.make_folders(paths)?;
        Ok(writer)
    }

    /// Swaps the fresh folder, with everything written into it, in for the output.
    pub fn finish(mut self) -> anyhow::Result<()> {
        // The build took a while: look again, so what is swapped out is what was checked.
        let again = guard::check(&self.options.folder, &self.root, self.options.force)?;
        anyhow::ensure!(
            again.real == self.real,
            "{} changed while the site was built; build again",
            again.shown
        );
        let (parent, name) = parent_and_name(&self.real)?;
        let old = swap_in(&self.staging.fresh, &self.real, parent, name)?;
        // The new site is in place: the folders made for it stay.
        self.staging.created.clear();
        if let Some(old) = old {
            fs::remove_dir_all(&old).map_err(failed(ids::WRITE_REMOVE_PREVIOUS, &old))?;
        }
        remove_stale_temporaries(parent, name);
        Ok(())
    }
}

/// Writes files into the fresh folder of a [`Prepared`] output, whose folders
/// [`Prepared::start`] made. Shared by the rendering threads: each writes what it made.
pub struct Writer<'a> {
    dir: &'a Path,
}

impl Writer<'_> {
    /// Writes one file (`Contents::Copy` by a streamed copy, never read into memory).
    /// Writes `files`, which were not among the paths the folder was opened for (the search
    /// bundle, made after every page), making the folders they need first.
    pub fn write_new(&self, files: &[OutputFile]) -> anyhow::Result<()> {
        self.make_folders(files.iter().map(|f| f.path.as_str()))?;
        files.iter().try_for_each(|file| self.write(file))
    }

    fn make_folders<'p>(&self, paths: impl IntoIterator<Item = &'p str>) -> anyhow::Result<()> {
        let folders: BTreeSet<&Path> = (paths.into_iter())
            .filter_map(|p| Path::new(p).parent())
            .collect();
        for folder in folders {
            let path = self.dir.join(folder);
            fs::create_dir_all(&path).map_err(failed(ids::WRITE_CREATE_FOLDER, &path))?;
        }
        Ok(())
    }

    pub fn write(&self, file: &OutputFile) -> anyhow::Result<()> {
        let path = self.dir.join(&file.path);
        match &file.contents {
            Contents::Bytes(bytes) => {
                fs::write(&path, bytes).map_err(|e| failed(ids::WRITE_FILE, &path)(e).into())
            }
            Contents::Copy(source) => copy_file(source, &path),
        }
    }
}

/// The fresh folder of a build, removed when the build does not get to swap it in.
struct Staging {
    fresh: PathBuf,
    /// Parent folders this build created, outermost first.
    created: Vec<PathBuf>,
}

impl Drop for Staging {
    fn drop(&mut self) {
        if self.fresh.symlink_metadata().is_ok() {
            let _ = fs::remove_dir_all(&self.fresh);
        }
        for dir in self.created.iter().rev() {
            let _ = fs::remove_dir(dir);
        }
    }
}

fn parent_and_name(path: &Path) -> anyhow::Result<(&Path, &str)> {
    let parent = path
        .parent()
        .context("the output folder has no parent folder")?;
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .with_context(|| format!("the output folder {} has no usable name", path.display()))?;
    Ok((parent, name))
}

/// Like `create_dir_all`, but returns the folders it created, so they can be removed again.
fn create_missing(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let missing: Vec<&Path> = dir
        .ancestors()
        .take_while(|p| p.symlink_metadata().is_err())
        .collect();
    let mut created = Vec::new();
    for folder in missing.into_iter().rev() {
        if let Err(e) = fs::create_dir(folder) {
            for made in created.iter().rev() {
                let _ = fs::remove_dir(made);
            }
            return Err(e);
        }
        created.push(folder.to_path_buf());
    }
    Ok(created)
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

/// A streamed copy: `io::copy` between two files is `copy_file_range` on Linux (a reflink on
/// file systems that share extents), so the file never passes through nfk's memory. The copy
/// gets the usual permissions of a new file, not the source's.
fn copy_file(source: &Path, to: &Path) -> anyhow::Result<()> {
    let mut from = fs::File::open(source).map_err(failed(ids::WRITE_READ, source))?;
    let mut file = fs::File::create(to).map_err(failed(ids::WRITE_FILE, to))?;
    std::io::copy(&mut from, &mut file).map_err(failed(ids::WRITE_FILE, to))?;
    Ok(())
}

/// Puts `fresh` where `output` is. Returns where the previous site went, to be removed.
fn swap_in(
    fresh: &Path,
    output: &Path,
    parent: &Path,
    name: &str,
) -> anyhow::Result<Option<PathBuf>> {
    if output.symlink_metadata().is_err() {
        fs::rename(fresh, output).map_err(failed(ids::WRITE_MOVE_IN, output))?;
        return Ok(None);
    }
    let exchanged = rustix::fs::renameat_with(
        rustix::fs::CWD,
        fresh,
        rustix::fs::CWD,
        output,
        rustix::fs::RenameFlags::EXCHANGE,
    );
    if exchanged.is_ok() {
        // `fresh` now holds the previous site.
        return Ok(Some(fresh.to_path_buf()));
    }
    // No atomic exchange on this file system: two renames, with a short gap.
    let old = parent.join(format!("{TEMP_PREFIX}{name}-old-{}", std::process::id()));
    fs::rename(output, &old).map_err(failed(ids::WRITE_MOVE_ASIDE, output))?;
    if let Err(e) = fs::rename(fresh, output) {
        let _ = fs::rename(&old, output);
        return Err(failed(ids::WRITE_MOVE_IN, output)(e).into());
    }
    Ok(Some(old))
}

#[cfg(test)]
mod tests {
    use rayon::prelude::*;

    use super::*;
    use crate::render::RenderedSite;

    /// Writes `site` to the output folder in one go: [`prepare`], then [`write_prepared`].
    fn write(site: &RenderedSite, options: &OutputOptions, root: &Path) -> anyhow::Result<()> {
        write_prepared(prepare(options, root)?, site)
    }

    /// Writes `site` into the fresh folder as a build does (from many threads) and swaps it in
    /// for the output.
    fn write_prepared(prepared: Prepared, site: &RenderedSite) -> anyhow::Result<()> {
        let writer = prepared.start(site.files.iter().map(|f| f.path.as_str()))?;
        site.files
            .par_iter()
            .try_for_each(|file| writer.write(file))?;
        prepared.finish()
    }

    fn site(files: &[(&str, &str)]) -> RenderedSite {
        RenderedSite {
            files: files
                .iter()
                .map(|(p, b)| OutputFile::new(*p, b.as_bytes().to_vec()))
                .collect(),
        }
    }

    fn to(folder: &Path, force: bool) -> OutputOptions {
        OutputOptions {
            folder: folder.to_path_buf(),
            force,
        }
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_the_whole_output_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let old = site(&[("index.html", "old"), ("gammel/index.html", "x")]);
        write(&old, &to(&out, false), dir.path()).unwrap();
        let new = site(&[("index.html", "new"), ("a/b/c.txt", "c")]);
        write(&new, &to(&out, false), dir.path()).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "new");
        assert_eq!(fs::read_to_string(out.join("a/b/c.txt")).unwrap(), "c");
        assert!(
            !out.join("gammel").exists(),
            "files of the old build are gone"
        );
        assert_eq!(names(dir.path()), ["public"]);
    }

    #[test]
    fn marks_every_output_as_written_by_nfk() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write(&site(&[("index.html", "x")]), &to(&out, false), dir.path()).unwrap();
        assert_eq!(fs::read_to_string(out.join(MARKER)).unwrap(), MARKER_TEXT);
        assert!(is_nfk_output(&out));
    }

    #[test]
    fn refuses_a_folder_of_user_files_and_leaves_it_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("Documents");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("thesis.odt"), "years of work").unwrap();
        let err = write(&site(&[("index.html", "x")]), &to(&out, false), dir.path()).unwrap_err();
        assert!(matches!(
            err.downcast_ref::<Refusal>(),
            Some(Refusal::NotNfkOutput { .. })
        ));
        assert_eq!(names(&out), ["thesis.odt"]);
        assert_eq!(names(dir.path()), ["Documents"]);
    }

    #[test]
    fn force_replaces_a_folder_of_user_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("www");
        fs::create_dir(&out).unwrap();
        fs::write(out.join("old-site.html"), "x").unwrap();
        write(&site(&[("index.html", "x")]), &to(&out, true), dir.path()).unwrap();
        assert_eq!(names(&out), [MARKER, "index.html"]);
    }

    #[test]
    fn refuses_to_write_over_the_site_itself_even_when_forced() {
        let dir = tempfile::tempdir().unwrap();
        fs::create_dir(dir.path().join("content")).unwrap();
        fs::write(dir.path().join("content/om.md"), "---\ntitle: Om\n---\n").unwrap();
        for bad in [
            dir.path().to_path_buf(),
            dir.path().join("content"),
            dir.path().join("partners/x/.."),
        ] {
            assert!(
                write(&site(&[]), &to(&bad, true), dir.path()).is_err(),
                "{}",
                bad.display()
            );
        }
        assert_eq!(names(dir.path()), ["content"]);
        assert_eq!(names(&dir.path().join("content")), ["om.md"]);
    }

    #[test]
    fn writes_through_an_output_link_into_the_folder_it_leads_to() {
        let dir = tempfile::tempdir().unwrap();
        let site_dir = dir.path().join("site");
        let web_root = dir.path().join("var/www");
        fs::create_dir_all(&site_dir).unwrap();
        fs::create_dir_all(&web_root).unwrap();
        let link = site_dir.join("public");
        std::os::unix::fs::symlink(&web_root, &link).unwrap();
        for text in ["first", "second"] {
            write(&site(&[("index.html", text)]), &to(&link, false), &site_dir).unwrap();
            assert!(
                link.symlink_metadata().unwrap().is_symlink(),
                "the link stays"
            );
            assert_eq!(
                fs::read_to_string(web_root.join("index.html")).unwrap(),
                text
            );
        }
        assert_eq!(names(&site_dir), ["public"]);
        assert_eq!(names(&dir.path().join("var")), ["www"]);
    }

    #[test]
    fn a_build_that_never_writes_leaves_the_parent_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let prepared = prepare(&to(&dir.path().join("a/b/public"), false), dir.path()).unwrap();
        assert!(
            dir.path().join("a/b").is_dir(),
            "the fresh folder's parents exist"
        );
        drop(prepared);
        assert!(names(dir.path()).is_empty(), "{:?}", names(dir.path()));
    }

    #[test]
    fn a_failed_write_removes_its_fresh_folder_and_keeps_the_old_site() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write(
            &site(&[("index.html", "old")]),
            &to(&out, false),
            dir.path(),
        )
        .unwrap();
        // `a` is both a file and a folder: writing the tree fails half-way.
        let broken = site(&[("a", "file"), ("a/b.html", "x")]);
        assert!(write(&broken, &to(&out, false), dir.path()).is_err());
        assert_eq!(names(dir.path()), ["public"]);
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
    }

    #[test]
    fn files_streamed_in_and_then_dropped_leave_the_old_site_and_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        write(
            &site(&[("index.html", "old")]),
            &to(&out, false),
            dir.path(),
        )
        .unwrap();
        let prepared = prepare(&to(&out, false), dir.path()).unwrap();
        let writer = prepared.start(["index.html", "a/b/c.html"]).unwrap();
        for (path, text) in [("a/b/c.html", "c"), ("index.html", "new")] {
            writer
                .write(&OutputFile::new(path, text.as_bytes().to_vec()))
                .unwrap();
        }
        // The build found an error after the files were written: it never finishes.
        drop(prepared);
        assert_eq!(names(dir.path()), ["public"]);
        assert_eq!(names(&out), [MARKER, "index.html"]);
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "old");
    }

    #[test]
    fn files_streamed_in_any_order_are_swapped_in_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let prepared = prepare(&to(&out, false), dir.path()).unwrap();
        let paths = ["x/1.html", "x/y/2.html", "index.html"];
        let writer = prepared.start(paths).unwrap();
        paths
            .par_iter()
            .rev()
            .try_for_each(|p| writer.write(&OutputFile::new(*p, p.as_bytes().to_vec())))
            .unwrap();
        prepared.finish().unwrap();
        for path in paths {
            assert_eq!(fs::read_to_string(out.join(path)).unwrap(), path);
        }
        assert_eq!(names(dir.path()), ["public"]);
    }

    #[test]
    fn looks_again_before_swapping_out_a_folder_that_changed_meanwhile() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        fs::create_dir(&out).unwrap();
        let prepared = prepare(&to(&out, false), dir.path()).unwrap();
        fs::write(out.join("saved-while-building.txt"), "x").unwrap();
        assert!(write_prepared(prepared, &site(&[("index.html", "x")])).is_err());
        assert_eq!(names(&out), ["saved-while-building.txt"]);
        assert_eq!(names(dir.path()), ["public"]);
    }

    #[test]
    fn copies_files_published_as_they_are() {
        let dir = tempfile::tempdir().unwrap();
        let source = dir.path().join("logo-film.mp4");
        let bytes: Vec<u8> = (0..300_000u32).map(|i| (i % 251) as u8).collect();
        fs::write(&source, &bytes).unwrap();
        let copied = RenderedSite {
            files: vec![OutputFile {
                path: "static/film.mp4".into(),
                contents: Contents::Copy(source),
            }],
        };
        let out = dir.path().join("public");
        write(&copied, &to(&out, false), dir.path()).unwrap();
        assert_eq!(fs::read(out.join("static/film.mp4")).unwrap(), bytes);
    }

    #[test]
    fn cleans_up_what_a_killed_build_left() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join(".nfk-tmp-public-new-999999999");
        fs::create_dir_all(&stale).unwrap();
        let out = dir.path().join("public");
        write(&site(&[("index.html", "x")]), &to(&out, false), dir.path()).unwrap();
        assert!(!stale.exists());
    }

    #[test]
    fn a_refused_write_says_what_nfk_was_doing_in_the_editors_language() {
        let disk_full = std::io::Error::from(std::io::ErrorKind::StorageFull);
        let e: anyhow::Error =
            failed(ids::WRITE_FILE, Path::new("public/om/index.html"))(disk_full).into();
        let failed = e.downcast_ref::<Failed>().unwrap();
        assert_eq!(
            failed.message(Language::Nb),
            "kan ikke skrive public/om/index.html"
        );
        assert_eq!(
            failed.message(Language::En),
            "cannot write public/om/index.html"
        );
        // The system's error follows as the cause, in anyhow's chain.
        let chain: Vec<String> = e.chain().map(ToString::to_string).collect();
        assert_eq!(chain.len(), 2, "{chain:?}");
        assert_eq!(chain[0], "cannot write public/om/index.html");
    }

    #[test]
    fn a_refusal_is_worded_in_each_language() {
        let refusal = Refusal::MountPoint {
            output: "public".into(),
        };
        assert!(
            refusal
                .message(Language::Nb)
                .starts_with("kan ikke erstatte public: det er et monteringspunkt")
        );
        assert_eq!(refusal.to_string(), refusal.message(Language::En));
        assert!(
            refusal
                .to_string()
                .starts_with("cannot replace public: it is a mount point")
        );
    }
}
