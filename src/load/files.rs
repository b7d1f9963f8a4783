//! Bounded access to the site's files (SPEC §10): every file is judged by its metadata before a
//! byte of it is read, so an oversized file costs no memory, and a file is only ever taken from
//! inside the site folder.
//!
//! Must not: read a file whose metadata is over its limit, read more than the limit when a file
//! grows meanwhile, open anything but a regular file (a FIFO would block the build), or follow a
//! link out of the site folder. Turning a [`Problem`] into a diagnostic is the caller's job.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Why a file of the site cannot be used.
#[derive(Debug)]
pub enum Problem {
    /// The file, or a link on the way to it, leads out of the folder it must stay in.
    Outside,
    /// A folder, a FIFO, a device: nothing that can be published.
    NotAFile,
    /// Over the limit, in bytes.
    TooLarge {
        size: u64,
        limit: u64,
    },
    Io(io::Error),
}

impl From<io::Error> for Problem {
    fn from(e: io::Error) -> Self {
        Problem::Io(e)
    }
}

/// The real path of `path` (links resolved), when it lies inside `folder`.
pub fn inside(folder: &Path, path: &Path) -> Result<PathBuf, Problem> {
    let file = path.canonicalize()?;
    let folder = folder.canonicalize()?;
    if file.starts_with(folder) {
        Ok(file)
    } else {
        Err(Problem::Outside)
    }
}

/// A regular file, judged by its metadata (links followed).
fn regular_file(path: &Path) -> Result<fs::Metadata, Problem> {
    let meta = fs::metadata(path)?;
    if meta.is_file() {
        Ok(meta)
    } else {
        Err(Problem::NotAFile)
    }
}

/// Reads a regular file of at most `limit` bytes. Its size is taken from the metadata first, so
/// a larger file is refused without reading any of it; the read stops past `limit` in case the
/// file grew in between.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, Problem> {
    let size = regular_file(path)?.len();
    if size > limit {
        return Err(Problem::TooLarge { size, limit });
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    fs::File::open(path)?
        .take(limit + 1)
        .read_to_end(&mut bytes)?;
    let read = bytes.len() as u64;
    if read > limit {
        return Err(Problem::TooLarge { size: read, limit });
    }
    Ok(bytes)
}

/// A file published as it is, when the site is written: a regular file inside `root`. Nothing
/// of it is read here.
pub fn copy_source(root: &Path, path: &Path) -> Result<PathBuf, Problem> {
    let file = inside(root, path)?;
    regular_file(&file)?;
    Ok(file)
}

/// Whether a walked entry is a file nfk reads. A link to a folder is reported (nfk follows no
/// links to folders, in `content/` and themes alike; `folder` names where to put it instead) and,
/// like anything that is neither a file nor a link to one, skipped.
pub fn is_readable_entry(
    entry: &walkdir::DirEntry,
    rel: &str,
    folder: &str,
    diags: &mut crate::diagnostics::Diagnostics,
) -> bool {
    let kind = entry.file_type();
    if kind.is_symlink() && entry.path().is_dir() {
        diags.push(crate::diagnostics::Diagnostic::error_msg(
            rel,
            crate::diagnostics::Pos::FILE,
            crate::messages::ids::FILE_FOLDER_LINK,
            vec![("folder", folder.into())],
        ));
        return false;
    }
    kind.is_file() || kind.is_symlink()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_an_oversized_file_from_its_metadata() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.png");
        // Sparse: 4 GiB long, nothing on disk. Reading it would take 4 GiB of memory.
        fs::File::create(&path).unwrap().set_len(4 << 30).unwrap();
        assert!(matches!(
            read_limited(&path, 1024),
            Err(Problem::TooLarge { size, limit: 1024 }) if size == 4 << 30
        ));
    }

    #[test]
    fn reads_a_file_within_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "hei").unwrap();
        assert_eq!(read_limited(&path, 3).unwrap(), b"hei");
        assert!(matches!(
            read_limited(&path, 2),
            Err(Problem::TooLarge { size: 3, .. })
        ));
    }

    #[test]
    fn refuses_what_is_not_a_regular_file() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("pipe");
        rustix::fs::mknodat(
            rustix::fs::CWD,
            &fifo,
            rustix::fs::FileType::Fifo,
            rustix::fs::Mode::RUSR | rustix::fs::Mode::WUSR,
            0,
        )
        .unwrap();
        // Opening a FIFO for reading would wait for a writer forever.
        assert!(matches!(read_limited(&fifo, 10), Err(Problem::NotAFile)));
        assert!(matches!(
            copy_source(dir.path(), &fifo),
            Err(Problem::NotAFile)
        ));
        assert!(matches!(
            read_limited(dir.path(), 10),
            Err(Problem::NotAFile)
        ));
    }

    #[test]
    fn a_copied_file_must_lie_inside_the_site() {
        let site = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("secret.pdf"), "x").unwrap();
        let link = site.path().join("doc.pdf");
        std::os::unix::fs::symlink(outside.path().join("secret.pdf"), &link).unwrap();
        assert!(matches!(
            copy_source(site.path(), &link),
            Err(Problem::Outside)
        ));
        fs::write(site.path().join("own.pdf"), "x").unwrap();
        assert!(copy_source(site.path(), &site.path().join("own.pdf")).is_ok());
    }
}
